"""Front-loading, inventory/sales, import response, unit values and export contributions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.errors import DataError
from macrodesk.trade import (
    cheaper_share,
    export_contributions,
    frontload,
    import_response,
    inventory_summary,
    ratio_percentile,
    response_table,
    trend_gap,
    unit_values,
    yoy_split,
)
from macrodesk.trade.data import load_published_gap, load_real_imports


def test_trend_gap_reproduces_published_trend_and_cumulative_gap():
    real = load_real_imports()
    fitted = trend_gap(real, "2023-01", "2024-12")
    assert np.abs(fitted["trend"] - real["published_trend"]).max() < 1e-6
    pub = load_published_gap().set_index("period")
    ours = fitted.set_index("period").loc[pub.index]
    assert np.abs(ours["gap"] - pub["gap"]).max() < 1e-6
    assert np.abs(ours["cum_gap"] - pub["cum_gap"]).max() < 1e-6
    assert ours.loc["2025-03", "cum_gap"] == pytest.approx(164.44, abs=0.01)


def test_trend_gap_hand_series():
    s = pd.DataFrame({"period": ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"],
                      "imports": [10.0, 10.0, 10.0, 14.0, 16.0]})
    df = trend_gap(s, "2024-01", "2024-03", gap_from="2024-04")
    assert df["trend"].tolist() == pytest.approx([10.0] * 5)
    assert df["gap"].tolist() == pytest.approx([0, 0, 0, 4, 6])
    assert df["cum_gap"].tolist()[3:] == pytest.approx([4, 10])
    assert df["cum_gap"].isna().tolist()[:3] == [True] * 3
    with pytest.raises(DataError, match="base window"):
        trend_gap(s, "2030-01", "2030-12")


def test_frontload_has_air_share_beside():
    df = frontload().set_index("period")
    assert round(df.loc["2025-06", "air_share_pct"], 1) == 30.3
    assert df.loc["2025-03", "gap"] > 0 > df.loc["2025-06", "gap"]


def test_ratio_percentile_hand():
    s = pd.Series([1.0, 3.0, 2.0, 4.0, 2.5], index=["2019-12", "2020-01", "2020-02", "2020-03",
                                                     "2020-04"])
    df = ratio_percentile(s, "2020-01").set_index("period")
    assert np.isnan(df.loc["2019-12", "pct_rank"])
    assert df.loc["2020-01", "pct_rank"] == pytest.approx(100.0)
    assert df.loc["2020-02", "pct_rank"] == pytest.approx(50.0)  # 2 of [3, 2]
    assert df.loc["2020-04", "pct_rank"] == pytest.approx(50.0)  # 2.5 of [3, 2, 4, 2.5]


def test_inventory_summary_bundled():
    info = inventory_summary(since="2020-01")
    assert info["period"] == "2026-01" and info["ratio"] == pytest.approx(1.35)
    assert info["window_min"] <= info["ratio"] <= info["window_max"]
    assert 0 < info["pct_rank"] < 100


def test_yoy_split_adds_up():
    idx = [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]
    inv = pd.Series(np.linspace(100, 124, 24), index=idx)
    sales = pd.Series(np.linspace(80, 90, 24), index=idx)
    df = yoy_split(inv, sales)
    assert len(df) == 12
    assert (df["inventory_pp"] + df["sales_pp"]).to_numpy() == pytest.approx(
        df["change"].to_numpy())
    assert (df["inventory_pp"] > 0).all() and (df["sales_pp"] < 0).all()
    # only inventories move: the whole change is inventory's
    flat = yoy_split(inv, pd.Series(80.0, index=idx))
    assert flat["sales_pp"].abs().max() < 1e-12
    assert flat["inventory_pp"].to_numpy() == pytest.approx(flat["change"].to_numpy())


def test_import_response_recovers_slope():
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 30, 40)
    y = 1.5 - 0.8 * x + rng.normal(0, 0.5, 40)
    res = import_response(pd.DataFrame({"d_etr": x, "d_growth": y}))
    assert res.slope == pytest.approx(-0.8, abs=0.05)
    assert 0 < res.se < 0.05 and res.n == 40 and res.p < 1e-6
    exact = np.polyfit(x, y, 1)
    assert res.slope == pytest.approx(exact[0]) and res.intercept == pytest.approx(exact[1])
    with pytest.raises(DataError, match="no weight column"):
        import_response(pd.DataFrame({"d_etr": x, "d_growth": y}), weight="imports_after")
    with pytest.raises(DataError, match="at least 3"):
        import_response(pd.DataFrame({"d_etr": [1.0, 2.0], "d_growth": [0.0, 1.0]}))


def test_response_table_hand():
    rows = []
    for g, imp, duty_after, imp_after in (("A", 100, 20, 90), ("B", 100, 2, 110),
                                         ("C", 100, 10, 100)):
        rows += [(g, "2024-01", imp, 1.0), (g, "2024-02", imp, 1.0),  # year-earlier base
                 (g, "2025-01", imp, 1.0), (g, "2025-02", imp_after, duty_after)]
    panel = pd.DataFrame(rows, columns=["partner", "period", "imports", "duty"])
    t = response_table(panel, "partner", ("2025-01", "2025-01"),
                       ("2025-02", "2025-02")).set_index("partner")
    assert t.loc["A", "etr_after"] == pytest.approx(20 / 90 * 100)
    assert t.loc["A", "etr_before"] == pytest.approx(1.0)
    assert t.loc["A", "growth_after"] == pytest.approx(-10.0)
    assert t.loc["A", "d_growth"] == pytest.approx(-10.0)
    assert t.loc["B", "d_growth"] == pytest.approx(10.0)


CENSUS = pd.DataFrame(
    [["-", "DET", "1111111111", "1000", "100"],  # the total row is ignored
     ["5700", "DET", "1111111111", "100", "10"],  # China uv 10
     ["5520", "DET", "1111111111", "300", "20"],  # rest: (300+200)/(20+30) = 10
     ["4280", "DET", "1111111111", "200", "30"],
     ["0003", "CGP", "1111111111", "9999", "1"],  # a country group, dropped
     ["5700", "DET", "2222222222", "50", "10"],  # China uv 5
     ["1220", "DET", "2222222222", "400", "20"],  # rest uv 20: ratio 0.25
     ["5700", "DET", "3333333333", "30", "0"]],  # no quantity: left out
    columns=["CTY_CODE", "SUMMARY_LVL", "I_COMMODITY", "GEN_VAL_MO", "GEN_QY1_MO"])


def test_unit_values_and_buckets_hand():
    uv = unit_values(CENSUS).set_index("hs10")
    assert set(uv.index) == {"1111111111", "2222222222"}
    assert uv.loc["1111111111", "ratio"] == pytest.approx(1.0)
    assert uv.loc["2222222222", "ratio"] == pytest.approx(0.25)
    share = cheaper_share(uv.reset_index())
    assert share["cheaper_pct"] == pytest.approx(50 / 150 * 100)
    assert share["buckets"]["[0,0.5)"] == pytest.approx(50 / 150 * 100)
    assert share["buckets"]["[1,2)"] == pytest.approx(100 / 150 * 100)
    # a 100% tariff on China, 0 elsewhere: China's 0.25 becomes 0.5, parity becomes 2
    adj = unit_values(CENSUS, {"5700": 100.0}).set_index("hs10")
    assert adj.loc["2222222222", "ratio_tariff"] == pytest.approx(0.5)
    assert adj.loc["1111111111", "ratio_tariff"] == pytest.approx(2.0)
    s2 = cheaper_share(adj.reset_index(), "ratio_tariff")
    assert s2["cheaper_pct"] == pytest.approx(50 / 150 * 100)  # 0.5 is still cheaper
    assert s2["buckets"]["[0.5,1)"] == pytest.approx(50 / 150 * 100)
    assert s2["buckets"]["[2,5)"] == pytest.approx(100 / 150 * 100)


def test_export_contributions_sum_to_growth():
    df = pd.DataFrame({"group": ["机电", "机电", "纺织", "纺织", "纺织"],
                       "dest": ["美国", "美国", "欧盟", "欧盟", "美国"],
                       "period": ["2024", "2025", "2024", "2025", "2025"],
                       "value": [100.0, 80.0, 100.0, 130.0, 10.0]})
    c = export_contributions(df, ["group", "dest"], "2024", "2025")
    got = {(r.group, r.dest): r.contribution_pp for r in c.itertuples()}
    assert got == pytest.approx({("机电", "美国"): -10.0, ("纺织", "欧盟"): 15.0,
                                 ("纺织", "美国"): 5.0})
    assert c["contribution_pp"].sum() == pytest.approx(c["total_growth_pct"].iloc[0])
    assert c["total_growth_pct"].iloc[0] == pytest.approx(10.0)
    with pytest.raises(DataError, match="no rows for period 2023"):
        export_contributions(df, ["group"], "2023", "2025")
