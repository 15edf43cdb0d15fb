"""Charts: PNG and SVG written, Chinese labels drawn with a CJK font, no missing-glyph boxes."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from macrodesk.errors import DataError
from macrodesk.trade import (
    chart_etr,
    chart_frontload,
    chart_inventory,
    chart_response,
    chart_scenario,
    cjk_font,
    frontload,
    import_response,
    load_fred_csv,
    monthly_etr,
    ratio_percentile,
    run_scenario,
)
from macrodesk.trade.charts import _render
from macrodesk.trade.scenario import Scenario


def _check(paths, tmp_path):
    png, svg = paths
    assert png.suffix == ".png" and svg.suffix == ".svg"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    text = svg.read_text(encoding="utf-8")
    fonts = set(re.findall(r'id="([A-Za-z]+CJK[A-Za-z-]*?)-[0-9a-f]+"', text))
    assert fonts, "Chinese text must be drawn with the CJK font"
    # glyph index 0 is .notdef, the box a missing character turns into
    assert not re.search(r'id="[A-Za-z-]+-0"', text)
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporaries


def test_cjk_font_found():
    assert "CJK" in cjk_font() or "Hei" in cjk_font() or "Han" in cjk_font()


def test_etr_and_frontload_charts(tmp_path, recwarn):
    df = pd.concat([monthly_etr("consumption"), monthly_etr("general")])
    _check(chart_etr(df, tmp_path / "etr"), tmp_path)
    _check(chart_frontload(frontload(), tmp_path / "fl"), tmp_path)
    assert not [w for w in recwarn if "missing from font" in str(w.message)]


def test_scenario_inventory_response_charts(tmp_path):
    w = pd.DataFrame({"hs10": ["0101000000", "7403000000"], "partner": ["5700", "0003"],
                      "imports": [100.0, 100.0], "duty": [1.0, 2.0]})
    r = run_scenario(Scenario.model_validate(
        {"name": "测试情景", "line": [{"name": "全部 10%", "rate": 10}]}), w)
    _check(chart_scenario(r, tmp_path / "scn"), tmp_path)
    _check(chart_inventory(ratio_percentile(load_fred_csv(), "2020-01"), tmp_path / "inv",
                           "2020-01"), tmp_path)
    t = pd.DataFrame({"partner": list("ABCD"), "d_etr": [0.0, 10.0, 20.0, 30.0],
                      "d_growth": [1.0, -4.0, -9.5, -13.0]})
    _check(chart_response(import_response(t), tmp_path / "resp", "partner"), tmp_path)


def test_missing_glyph_is_an_error(tmp_path):
    def draw(fig):
        fig.add_subplot().set_title("\ue000")  # private use: no font has it
    with pytest.raises(DataError, match="glyphs the font lacks"):
        _render(draw, tmp_path / "bad")
