"""Effective tariff rates from the bundled files reproduce the published figures."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.errors import DataError
from macrodesk.trade import air_share, annual_etr, etr_by, load_weights, monthly_etr, period_etr
from macrodesk.trade.data import load_monthly_totals


def test_2024_effective_rate_is_2_42():
    assert round(annual_etr(2024), 2) == 2.42


def test_june_2025_consumption_and_general():
    assert round(period_etr("2025-06", "consumption"), 2) == 9.29
    assert round(period_etr("2025-06", "general"), 2) == 9.07
    row = monthly_etr("consumption", "2025-06", "2025-06").iloc[0]
    assert row["duties"] == 24_074_060_616 and row["imports"] == 259_200_840_060


def test_june_2025_air_share_30_3_and_march_39_0():
    air = air_share().set_index("period")["air_share_pct"]
    assert round(air["2025-06"], 1) == 30.3
    assert round(air["2025-03"], 1) == 39.0


def test_monthly_window_and_bases():
    df = monthly_etr("treasury", "2024-01", "2024-12")
    assert list(df["period"]) == [f"2024-{m:02d}" for m in range(1, 13)]
    # the annual rate weights months by imports: not the mean of monthly rates
    assert annual_etr(2024) != pytest.approx(df["rate_pct"].mean(), abs=1e-6)
    gen = monthly_etr("general", "2025-01", "2025-12")
    con = monthly_etr("consumption", "2025-01", "2025-12")
    assert (gen["imports"] != con["imports"]).all()
    assert round(annual_etr(2025, "consumption"), 2) == round(
        100 * con["duties"].sum() / con["imports"].sum(), 2)


def test_errors_name_the_problem():
    with pytest.raises(DataError, match="unknown basis"):
        monthly_etr("fob")
    with pytest.raises(DataError, match="no consumption data"):
        monthly_etr("consumption", "2019-01", "2019-12")
    with pytest.raises(DataError, match="need 12"):
        annual_etr(2026, "consumption")


def test_etr_by_partner_and_chapter_on_hand_table():
    t = pd.DataFrame({"hs10": ["8541100000", "8542310000", "0101210000", "8541100000"],
                      "partner": ["5700", "5700", "1220", "1220"],
                      "imports": [100.0, 300.0, 50.0, 50.0], "duty": [25.0, 0.0, 1.0, 4.0]})
    by_p = etr_by(t, ["partner"]).set_index("partner")
    assert by_p.loc["5700", "rate_pct"] == pytest.approx(6.25)
    assert by_p.loc["1220", "rate_pct"] == pytest.approx(5.0)
    assert by_p.loc["5700", "partner_name"] == "中国"
    assert by_p["share_pct"].sum() == pytest.approx(100.0)
    by_c = etr_by(t, ["chapter"]).set_index("chapter")
    assert by_c.loc["85", "rate_pct"] == pytest.approx(29 / 450 * 100)
    assert by_c.loc["01", "rate_pct"] == pytest.approx(2.0)
    both = etr_by(t, ["partner", "chapter"])
    assert len(both) == 3


def test_bundled_weights_consistent_with_partner_rates():
    w = load_weights()
    by_p = etr_by(w, ["partner"]).set_index("partner")
    # China's 2024 rate (Section 301 era) is far above Canada's (USMCA)
    assert by_p.loc["5700", "rate_pct"] == pytest.approx(10.87, abs=0.01)
    assert by_p.loc["1220", "rate_pct"] < 0.2
    by_c = etr_by(w, ["chapter"])
    assert by_c["duty"].sum() == pytest.approx(w["duty"].sum())
    assert set(by_c["chapter"].astype(str).str.len()) == {2}


def test_totals_loader_rejects_missing_columns(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_text("period,con_val_mo\n2025-01,1\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns") as err:
        load_monthly_totals(bad)
    assert str(bad) in str(err.value)
