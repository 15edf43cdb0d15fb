"""The bundled samples behind `trade inventory --sample` and `trade response --sample` are the
real published figures (values read from the source files), and both commands run on them with
readable names, the period and basis in the title, and nothing cut at 80 columns."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.trade.charts import wrap_cells
from macrodesk.trade.data import load_fred_csv, load_sample_panel, naics_names

runner = CliRunner()


def run(*args: str, columns: int = 80):
    return runner.invoke(app, ["trade", *args], env={"COLUMNS": str(columns)})


def test_fred_sample_holds_the_source_values():
    inv, sales = load_fred_csv(series="BUSINV"), load_fred_csv(series="TOTBUSSMSA")
    # lien762/FRED_Colab BUSINV.csv and jmiprk/us-unemployment data/TOTBUSSMSA.csv
    assert inv["2022-09"] == 2558913 and inv["2000-01"] == 1132064
    assert sales["2022-09"] == 1847939 and sales["2020-04"] == 1143227
    assert list(inv.index) == list(sales.index) and len(inv) == 273  # 2000-01..2022-09
    # two vintages, but their ratio stays within 0.03 of the bundled FRED ISRATIO
    isratio = load_fred_csv()
    gap = (inv / sales - isratio.reindex(inv.index)).abs()
    assert gap.max() < 0.03


def test_inventory_sample_split():
    res = run("inventory", "--sample", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    last = data["rows"][-1]
    assert last["period"] == "2022-09"
    assert last["ratio"] == pytest.approx(2558913 / 1847939)
    # the change against 2021-09 (BUSINV 2,139,149; TOTBUSSMSA 1,657,284), split exactly
    assert last["change"] == pytest.approx(2558913 / 1847939 - 2139149 / 1657284)
    assert last["inventory_pp"] + last["sales_pp"] == pytest.approx(last["change"])
    assert last["inventory_pp"] == pytest.approx(
        last["change"] * math.log(2558913 / 2139149)
        / math.log((2558913 / 1847939) / (2139149 / 1657284)))
    assert data["units"]["inventories"] == "百万美元" and data["units"]["inventory_pp"] == "倍"
    assert "BUSINV" in data["source"] and "TOTBUSSMSA" in data["source"]


def test_inventory_sample_screen_fits_80_columns():
    res = run("inventory", "--sample")
    assert res.exit_code == 0, res.output
    assert "2022-09" in res.output and "2,558,913" in res.output and "1.3847" in res.output
    assert "…" not in res.output
    assert "倍；2020-10～2022-09" in res.output  # period and unit in the title


def test_inventory_sample_refuses_files_beside_it(tmp_path):
    res = run("inventory", "--sample", "--inventories", str(tmp_path / "a.csv"))
    assert res.exit_code == 2


def test_naics_panel_holds_the_workbook():
    p = load_sample_panel()
    assert len(p) == 704 and p["period"].min() == "2024-01" and p["period"].max() == "2025-10"
    # the workbook's own "Total:" rows (Customs Value and Calculated Duties sheets)
    assert p["imports"].sum() == 6_108_749_923_589
    assert p["duty"].sum() == 285_010_567_273
    row = p[(p["naics"] == "336") & (p["period"] == "2025-05")].iloc[0]
    assert (row["imports"], row["duty"]) == (38_560_038_292, 5_784_119_949)
    assert set(p["naics"]) == set(naics_names())  # every industry has a name


def test_response_sample_json():
    res = run("response", "--sample", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["n"] == 32 and "2025-01:2025-03" in data["title"]
    rows = {r["naics"]: r for r in data["rows"]}
    farm = rows["111"]  # agricultural products, from the workbook's rows
    assert farm["etr_before"] == pytest.approx(
        100 * (15339684 + 12569235 + 41978011) / (6002400599 + 5243875923 + 5618007805))
    assert farm["etr_after"] == pytest.approx(
        100 * (226500563 + 212529321 + 300030681) / (3942555984 + 3598367693 + 3598418845))
    assert farm["growth_after"] == pytest.approx(
        100 * ((3942555984 + 3598367693 + 3598418845)
               / (3590347975 + 3718695576 + 3837862792) - 1))
    assert farm["d_etr"] == pytest.approx(farm["etr_after"] - farm["etr_before"])
    # the rates rose across the board between the windows: the regressor varies and is real
    assert sum(r["d_etr"] > 0 for r in data["rows"]) >= 25
    assert data["slope"] == pytest.approx(-0.692, abs=1e-3)
    assert "DataWeb" in data["source"]


def test_response_sample_screen_and_chart(tmp_path):
    res = run("response", "--sample", "--chart", str(tmp_path / "r"))
    assert res.exit_code == 0, res.output
    text = res.output
    assert "运输设备" in text and "农产品" in text  # industries named, not 336 / 111
    assert "NAICS" in text and "2025-07:2025-09" in text and "美国消费进口与计算关税" in text
    assert "…" not in text
    assert (tmp_path / "r.png").exists() and (tmp_path / "r.svg").exists()


def test_response_sample_windows_can_be_moved():
    res = run("response", "--sample", "--after", "2025-08:2025-10", "--json")
    data = json.loads(res.stdout)
    assert "2025-08:2025-10" in data["title"] and data["n"] == 32


@pytest.mark.parametrize("args", [(), ("panel.csv", "--sample")])
def test_response_needs_a_panel_or_the_sample(args):
    res = run("response", *args)
    assert res.exit_code == 2 and "--sample" in res.output


def test_user_panel_with_naics_codes_gets_names(tmp_path):
    panel = load_sample_panel()
    p = tmp_path / "panel.csv"
    panel.to_csv(p, index=False)
    res = run("response", str(p), "--group", "naics", "--before", "2025-01:2025-03",
              "--after", "2025-07:2025-09")
    assert res.exit_code == 0, res.output
    assert "运输设备" in res.output and str(p.name) in res.output.replace("\n", "")


def test_wrap_cells_breaks_long_titles_at_punctuation():
    title = "进口响应回归（按 NAICS 三位数行业，OLS；美国消费进口与计算关税；前 2025-01:2025-03 / 后 2025-07:2025-09）"
    lines = wrap_cells(title, 60).split("\n")
    assert len(lines) >= 2 and "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert all(sum(2 if ord(c) > 0x2e80 else 1 for c in line) <= 60 for line in lines)
    assert lines[0][-1] in "；，、。）) /"
    assert wrap_cells("短标题", 60) == "短标题"
