"""Unit-value price comparison (China vs the rest of the world per HS10, tariff-adjusted) and
export-growth contributions, on tables in the shape the Census trade API returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

import numpy as np
import pandas as pd

from macrodesk.errors import DataError

BUCKETS: tuple[tuple[float, float], ...] = ((0.0, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 5.0))
CHINA = "5700"


def _clean(df: pd.DataFrame, value: str, qty: str) -> pd.DataFrame:
    need = {"I_COMMODITY", "CTY_CODE", value, qty}
    if need - set(df.columns):
        raise DataError(f"table lacks Census columns {sorted(need - set(df.columns))}")
    d = df.copy()
    if "SUMMARY_LVL" in d:  # country groups would count their members twice
        d = d[d["SUMMARY_LVL"].astype(str) != "CGP"]
    d = d[d["CTY_CODE"].astype(str).str.strip() != "-"]
    d[value] = pd.to_numeric(d[value], errors="coerce").fillna(0.0)
    d[qty] = pd.to_numeric(d[qty], errors="coerce").fillna(0.0)
    return d


def unit_values(df: pd.DataFrame, tariffs: Mapping[str, float] | None = None, *,
                china: str = CHINA, value: str = "GEN_VAL_MO",
                qty: str = "GEN_QY1_MO") -> pd.DataFrame:
    """Per HS10: China's and the rest of the world's value, quantity and unit value, the ratio
    China / rest, and the same ratio with each partner's tariff (percent, by Census code; a
    `tariff_pct` column overrides) added to its unit value. Products with no quantity on
    either side are left out."""
    d = _clean(df, value, qty)
    rates = d["CTY_CODE"].astype(str).map(tariffs or {}).fillna(0.0)
    if "tariff_pct" in d:
        rates = pd.to_numeric(d["tariff_pct"], errors="coerce").fillna(rates)
    d["value_t"] = d[value] * (1.0 + rates / 100.0)
    d["side"] = np.where(d["CTY_CODE"].astype(str) == china, "cn", "row")
    g = d.groupby(["I_COMMODITY", "side"])[[value, qty, "value_t"]].sum().unstack("side")
    g.columns = [f"{a}_{b}" for a, b in g.columns]
    g = g.fillna(0.0)
    ok = (g[f"{qty}_cn"] > 0) & (g[f"{qty}_row"] > 0)
    g = g[ok]
    out = pd.DataFrame({
        "hs10": g.index.astype(str),
        "value_cn": g[f"{value}_cn"].to_numpy(), "value_row": g[f"{value}_row"].to_numpy(),
        "uv_cn": (g[f"{value}_cn"] / g[f"{qty}_cn"]).to_numpy(),
        "uv_row": (g[f"{value}_row"] / g[f"{qty}_row"]).to_numpy(),
        "uv_cn_tariff": (g["value_t_cn"] / g[f"{qty}_cn"]).to_numpy(),
        "uv_row_tariff": (g["value_t_row"] / g[f"{qty}_row"]).to_numpy(),
    })
    out["ratio"] = out["uv_cn"] / out["uv_row"]
    out["ratio_tariff"] = out["uv_cn_tariff"] / out["uv_row_tariff"]
    return out


class CheaperShare(TypedDict):
    cheaper_pct: float
    buckets: dict[str, float]


def cheaper_share(uv: pd.DataFrame, ratio: str = "ratio") -> CheaperShare:
    """Share of China's import value (percent) where China is cheaper (ratio < 1), and the
    shares in the buckets [0,0.5), [0.5,1), [1,2), [2,5) and outside them."""
    total = float(uv["value_cn"].sum())
    if total <= 0:
        raise DataError("no China import value with quantities to compare")
    r = uv[ratio]
    out: CheaperShare = {"cheaper_pct": 100.0 * float(uv.loc[r < 1.0, "value_cn"].sum()) / total,
                         "buckets": {}}
    inside = pd.Series(False, index=uv.index)
    for lo, hi in BUCKETS:
        m = (r >= lo) & (r < hi)
        inside |= m
        out["buckets"][f"[{lo:g},{hi:g})"] = 100.0 * float(uv.loc[m, "value_cn"].sum()) / total
    out["buckets"]["other"] = 100.0 * float(uv.loc[~inside, "value_cn"].sum()) / total
    return out


def export_contributions(df: pd.DataFrame, by: Sequence[str], t0: str, t1: str, *,
                         period: str = "period", value: str = "value") -> pd.DataFrame:
    """Contributions to total growth between periods t0 and t1, in percentage points, per
    group of `by` (e.g. product group, destination): (X1_g - X0_g) / X0_total * 100. They add
    up to the total growth rate, returned in the `total_growth_pct` column."""
    by = list(by)
    need = set(by) | {period, value}
    if need - set(df.columns):
        raise DataError(f"table lacks columns {sorted(need - set(df.columns))}")
    d = df[df[period].astype(str).isin([t0, t1])]
    p = d.pivot_table(index=by, columns=period, values=value, aggfunc="sum", fill_value=0.0)
    for t in (t0, t1):
        if t not in p.columns:
            raise DataError(f"no rows for period {t}")
    base = float(p[t0].sum())
    if base <= 0:
        raise DataError(f"total in {t0} is zero; growth is undefined")
    out = pd.DataFrame({"value_t0": p[t0], "value_t1": p[t1]})
    out["contribution_pp"] = 100.0 * (out["value_t1"] - out["value_t0"]) / base
    out["total_growth_pct"] = 100.0 * (float(p[t1].sum()) / base - 1.0)
    return out.reset_index().sort_values("contribution_pp", ascending=False, ignore_index=True)
