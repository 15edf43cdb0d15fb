"""A CJK font installed after matplotlib built its font cache is still found and drawn with: the
chart code adds the fonts of a fresh scan to the manager its renderers hold before it gives up
(installing the font, as the error says, is enough)."""

import matplotlib
import pandas as pd
from matplotlib import font_manager

from macrodesk.trade.charts import CJK_FAMILIES, chart_airshare, cjk_font


def _stale(monkeypatch, tmp_path):
    # the list as cached before the font was installed; the cache file goes to a scratch folder
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f.name not in CJK_FAMILIES
                                             and "CJK" not in f.name])
    font_manager.FontManager._findfont_cached.cache_clear()
    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(tmp_path))
    return manager


def test_a_stale_font_list_is_rebuilt_before_giving_up(monkeypatch, tmp_path):
    manager = _stale(monkeypatch, tmp_path)
    assert cjk_font() in CJK_FAMILIES
    assert font_manager.fontManager is manager  # the renderers' manager, now with the font
    assert list(tmp_path.glob("fontlist-*.json"))  # and the next process reads it from the cache


def test_a_chart_after_the_rescan_draws_chinese(monkeypatch, tmp_path):
    _stale(monkeypatch, tmp_path)
    df = pd.DataFrame({"period": ["2025-01", "2025-02"], "air_share": [0.31, 0.35]})
    paths = chart_airshare(df, tmp_path / "air", title="空运占比")  # raises when glyphs are missing
    assert {p.suffix for p in paths} == {".png", ".svg"}
