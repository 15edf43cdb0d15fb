"""A CJK font installed after matplotlib built its font cache is still found: the chart code
rescans once before it gives up (installing the font, as the error says, is enough)."""

from types import SimpleNamespace

from matplotlib import font_manager

from macrodesk.trade.charts import CJK_FAMILIES, cjk_font


def test_a_stale_font_list_is_rebuilt_before_giving_up(monkeypatch):
    monkeypatch.setattr(font_manager, "fontManager", SimpleNamespace(ttflist=[]))
    assert cjk_font() in CJK_FAMILIES
    assert font_manager.fontManager.ttflist  # the rescanned list replaced the stale one
