"""`macrodesk trade ...`: JSON and CSV output, charts, errors with exit code 2."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from macrodesk.cli import app

runner = CliRunner()


def _json(res):
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_etr_json_month_window():
    data = _json(runner.invoke(app, ["trade", "etr", "--from", "2025-06", "--to", "2025-06",
                                     "--json"]))
    rates = {r["basis"]: r["rate_pct"] for r in data["rows"]}
    assert round(rates["consumption"], 2) == 9.29 and round(rates["general"], 2) == 9.07


def test_etr_by_partner_csv_and_chart(tmp_path):
    csv = tmp_path / "p.csv"
    res = runner.invoke(app, ["trade", "etr", "--by", "partner", "--top", "5", "--csv", str(csv),
                              "--chart", str(tmp_path / "p")])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(csv, dtype={"partner": str})
    assert len(df) == 50 and df.iloc[0]["partner"] == "0003"  # all rows go to the CSV
    assert (tmp_path / "p.png").exists() and (tmp_path / "p.svg").exists()


def test_scenario_json_lines_add_up():
    data = _json(runner.invoke(app, ["trade", "scenario", "reciprocal_2025_08", "--json"]))
    assert sum(r["contribution_pp"] for r in data["rows"]) == pytest.approx(data["change_pp"])
    assert data["scenario_rate_pct"] == pytest.approx(data["base_rate_pct"] + data["change_pp"])


def test_frontload_inventory_airshare_json():
    fl = _json(runner.invoke(app, ["trade", "frontload", "--json"]))
    row = next(r for r in fl["rows"] if r["period"] == "2025-03")
    assert row["cum_gap"] == pytest.approx(164.44, abs=0.01)
    inv = _json(runner.invoke(app, ["trade", "inventory", "--since", "2020-01", "--json"]))
    assert inv["period"] == "2026-01" and 0 <= inv["pct_rank"] <= 100
    air = _json(runner.invoke(app, ["trade", "airshare", "--from", "2025-06", "--to", "2025-06",
                                    "--json"]))
    assert round(air["rows"][0]["air_share_pct"], 1) == 30.3


def test_response_from_table(tmp_path):
    p = tmp_path / "t.csv"
    pd.DataFrame({"partner": list("ABCDE"), "d_etr": [0, 5, 10, 15, 20],
                  "d_growth": [0.0, -5.0, -10.0, -15.0, -20.0]}).to_csv(p, index=False)
    data = _json(runner.invoke(app, ["trade", "response", str(p), "--json"]))
    assert data["slope"] == pytest.approx(-1.0) and data["n"] == 5


def test_check_article(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("# 关税观察\n\n据测算，2025年6月美国有效关税税率升至9.3%，创近九十年新高。"
                   "2025年6月空运占比降至30.3%。\n", encoding="utf-8")
    res = runner.invoke(app, ["trade", "check", str(art)])
    assert res.exit_code == 0, res.output
    assert "重算 9.29%" in res.stdout and "重算 30.31%" in res.stdout


def test_errors_exit_2(tmp_path):
    res = runner.invoke(app, ["trade", "scenario", str(tmp_path / "nope.toml")])
    assert res.exit_code == 2 and "scenario file not found" in res.output
    res = runner.invoke(app, ["trade", "etr", "--basis", "fob"])
    assert res.exit_code == 2 and "unknown basis" in res.output
