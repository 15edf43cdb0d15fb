"""`--csv` on every command that prints a table (and has --json): the file parses with the csv
module, carries the table's columns, and one row per row of the JSON output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from macrodesk.cli import app

HERE = Path(__file__).parent
ARTICLE = HERE / "fixtures" / "arithmetic" / "report_129.md"
TRADE_ARTICLE = HERE / "fixtures" / "lint" / "source_trade.md"


def run(*args: str, **kw):
    return CliRunner().invoke(app, list(args), **kw)


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_check_csv_has_every_relation(tmp_path):
    out = tmp_path / "check.csv"
    res = run("check", str(ARTICLE), "--csv", str(out))
    assert res.exit_code == 0, res.output
    cols, rows = read(out)
    assert {"verdict", "kind", "relation", "computed", "sentence"} <= set(cols)
    report = json.loads(run("check", str(ARTICLE), "--json").stdout)
    assert len(rows) == len(report["checks"]) > 0
    assert {r["verdict"] for r in rows} <= {"consistent", "inconsistent", "unverifiable"}


def test_trade_check_csv(tmp_path):
    out = tmp_path / "tc.csv"
    res = run("trade", "check", str(TRADE_ARTICLE), "--csv", str(out))
    assert res.exit_code == 0, res.output
    cols, rows = read(out)
    assert cols[:3] == ["article", "indicator", "period"] and "recomputed" in cols
    found = json.loads(run("trade", "check", str(TRADE_ARTICLE), "--json").stdout)
    assert len(rows) == len(found)


def test_etf_csv(tmp_path):
    out = tmp_path / "etf.csv"
    res = run("etf", "solar", "--csv", str(out))
    assert res.exit_code == 0, res.output
    cols, rows = read(out)
    assert cols == ["code", "exchange", "name", "index", "themes"]
    funds = json.loads(run("etf", "solar", "--json").stdout)["funds"]
    assert [r["code"] for r in rows] == [f["code"] for f in funds] and rows


def test_views_and_ledger_csv(tmp_path, monkeypatch):
    monkeypatch.setenv("MACRODESK_HOME", str(tmp_path))
    assert run("ingest", "-q", str(HERE / "views_truth" / "articles" / "742.md")).exit_code == 0
    out = tmp_path / "views.csv"
    res = run("views", "GDP", "--csv", str(out))
    assert res.exit_code == 0, res.output
    cols, rows = read(out)
    assert {"indicator", "published", "who", "figure", "direction", "source"} <= set(cols)
    groups = json.loads(run("views", "GDP", "--json").stdout)
    assert len(rows) == sum(len(g["forecasts"]) for g in groups) > 0
    assert any("大摩" in r["who"] for r in rows)
    # a made-up actual for 2026, only so that the calls are scored and the table has rows
    actuals = tmp_path / "actuals.csv"
    # (a year's call is judged on the mean of its twelve months)
    actuals.write_text("date,series,value\n" + "".join(f"2026-{m:02d}-28,CN:GDP,4.6\n" for m in range(1, 13)),
                       encoding="utf-8")
    out = tmp_path / "ledger.csv"
    res = run("ledger", "--csv", str(out), "--today", "2030-01-01", "--actuals", str(actuals))
    assert res.exit_code == 0, res.output
    cols, rows = read(out)
    assert cols == ["published", "source", "indicator", "period", "forecast", "actual", "returns",
                    "error", "hit"]
    led = json.loads(run("ledger", "--json", "--today", "2030-01-01", "--actuals", str(actuals)).stdout)
    assert len(rows) == len(led["scores"]) > 0
    assert {r["actual"] for r in rows} == {"4.6"} and {r["indicator"] for r in rows} == {"GDP"}
