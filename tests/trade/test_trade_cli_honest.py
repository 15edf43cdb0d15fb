"""Trade commands say what they show: period and basis in the title, a unit on every number
column, options honoured or refused, valid values listed, numbers never cut at 80 columns."""

from __future__ import annotations

import json
import re

import httpx
import pandas as pd
import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.errors import FetchError
from macrodesk.trade.connectors import _Http

runner = CliRunner()


def run(*args: str, columns: int = 80):
    return runner.invoke(app, ["trade", *args], env={"COLUMNS": str(columns)})


def test_from_with_by_on_the_annual_table_is_refused():
    res = run("etr", "--from", "2025-01", "--by", "partner")
    assert res.exit_code == 2 and "2024 annual" in res.output and "period" in res.output


def test_from_to_honoured_with_a_monthly_detail_table(tmp_path):
    p = tmp_path / "d.csv"
    pd.DataFrame({"hs10": ["0101000000"] * 4, "partner": ["5700"] * 4,
                  "imports": [100.0, 100.0, 100.0, 100.0], "duty": [1.0, 2.0, 30.0, 40.0],
                  "period": ["2025-01", "2025-02", "2025-03", "2025-04"]}).to_csv(p, index=False)
    data = json.loads(run("etr", "--by", "partner", "--data", str(p), "--from", "2025-03",
                          "--json").stdout)
    assert data["period"] == "2025-03～2025-04"
    assert data["overall_rate_pct"] == pytest.approx(35.0)


def test_by_partner_table_states_year_unit_and_keeps_numbers_whole():
    res = run("etr", "--by", "partner", "--top", "5")
    assert res.exit_code == 0, res.output
    assert "2024 全年" in res.output and "亿美元" in res.output
    assert "5,974.7" in res.output  # EU 2024 imports: $597.47 bn, never cut to 597,473,236…
    assert "…" not in res.output
    assert max(len(line) for line in res.output.splitlines()) <= 80


@pytest.mark.parametrize("args", [("--from", "2025-13"), ("--to", "2025-1"), ("--from", "25-01")])
def test_months_are_validated(args):
    res = run("etr", *args)
    assert res.exit_code == 2 and "YYYY-MM" in res.output


def test_bad_basis_lists_every_valid_value():
    res = run("etr", "--basis", "foo")
    assert res.exit_code == 2
    for b in ("consumption", "general", "treasury", "both", "all"):
        assert b in res.output


def test_basis_all_is_in_one_unit_and_says_where_data_ends():
    res = run("etr", "--basis", "all", "--from", "2025-10", "--to", "2026-03", "--json")
    data = json.loads(res.stdout)
    assert data["units"]["imports"] == "美元" and data["units"]["rate_pct"] == "%"
    rows = {(r["basis"], r["period"]): r for r in data["rows"]}
    # Treasury (millions in its file) and Census (dollars) side by side in dollars
    t, c = rows[("treasury", "2025-10")], rows[("consumption", "2025-10")]
    assert 0.8 < t["imports"] / c["imports"] < 1.2
    screen = run("etr", "--basis", "all", "--from", "2025-10", "--to", "2026-03")
    assert "treasury data ends at 2026-02" in screen.output
    assert "nan" not in screen.output and "财政部" in screen.output


def test_airshare_draws_a_chart_and_every_table_has_json_and_csv(tmp_path):
    res = run("airshare", "--from", "2025-01", "--to", "2025-06", "--chart", str(tmp_path / "a"),
              "--csv", str(tmp_path / "a.csv"))
    assert res.exit_code == 0, res.output
    assert (tmp_path / "a.png").exists() and (tmp_path / "a.csv").exists()
    assert "2025-01～2025-06" in re.sub(r"\s+", "", res.output)  # the title wraps at 80


def test_trade_check_says_when_there_is_nothing(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("# 消费观察\n\n五月社会消费品零售总额同比增长6.4%。\n", encoding="utf-8")
    res = run("check", str(art))
    assert res.exit_code == 0 and "no tariff-rate or air-share figure found" in res.output


def test_every_trade_table_command_offers_json_and_csv():
    from typer.main import get_command

    trade = get_command(app).commands["trade"]
    for name, cmd in trade.commands.items():
        opts = {o for p in cmd.params for o in p.opts}
        if name == "census":
            continue  # census writes the table it downloads (--out) and prints it
        assert {"--json", "--csv"} <= opts, name


def test_network_errors_say_what_failed():
    with pytest.raises(FetchError, match=r"cannot resolve host nosuch\.invalid \(DNS\)"):
        _Http(httpx.Client(timeout=2), 2, 3, 0.0).get("http://nosuch.invalid/x", {})
    with pytest.raises(FetchError, match="connection refused by 127.0.0.1"):
        _Http(httpx.Client(timeout=2), 2, 0, 0.0).get("http://127.0.0.1:9/x", {})

    def slow(request):
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(FetchError, match="timed out waiting for example.org"):
        _Http(httpx.Client(transport=httpx.MockTransport(slow)), 2, 0, 0.0).get(
            "http://example.org/x", {})
    with pytest.raises(FetchError, match=r"HTTP 503"):
        _Http(httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503))), 2, 0,
              0.0).get("http://example.org/x", {})


def test_titles_state_period_for_every_table():
    for args in (("frontload",), ("inventory",), ("scenario", "reciprocal_2025_08"),
                 ("airshare",), ("etr",)):
        res = run(*args)
        assert res.exit_code == 0, (args, res.output)
        flat = re.sub(r"\s+", "", res.output)
        assert re.search(r"（[^）]*(\d{4}-\d{2}～\d{4}-\d{2}|\d{4}年)", flat), (args, flat[:300])
