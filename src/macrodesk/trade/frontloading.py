"""Front-loading: imports against a linear trend fitted on a base window (monthly and cumulative
gap), with the air-freight share of imports beside it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.errors import DataError
from macrodesk.trade.data import load_monthly_totals, load_real_imports


def trend_gap(series: pd.DataFrame, base_start: str = "2023-01", base_end: str = "2024-12",
              gap_from: str | None = None, value: str = "imports") -> pd.DataFrame:
    """Fit value = a + b*t on the base window (t in days) and return period, value,
    trend, gap (value - trend) and cum_gap (running sum from `gap_from`, default the month
    the base window ends)."""
    if value not in series or "period" not in series:
        raise DataError(f"series needs columns period and {value}")
    df = series[["period", value]].dropna().sort_values("period").reset_index(drop=True)
    # time in days from the first of each month, as the published trend (Yale Budget Lab)
    # is fitted; counting months instead shifts the trend by a few hundredths
    t = pd.to_datetime(df["period"]).map(pd.Timestamp.toordinal).to_numpy(dtype=float)
    base = ((df["period"] >= base_start) & (df["period"] <= base_end)).to_numpy()
    if base.sum() < 3:
        raise DataError(f"base window {base_start}..{base_end} holds {int(base.sum())} months",
                        hint="pick a window with at least three months of data")
    slope, intercept = np.polyfit(t[base], df[value].to_numpy(float)[base], 1)
    df["trend"] = intercept + slope * t
    df["gap"] = df[value] - df["trend"]
    start = gap_from or base_end
    after = df["period"] >= start
    df["cum_gap"] = np.where(after, df["gap"].where(after, 0.0).cumsum(), np.nan)
    return df


def air_share(totals: pd.DataFrame | None = None, start: str | None = None,
              end: str | None = None) -> pd.DataFrame:
    """Air and vessel shares of general imports by month, in percent."""
    t = totals if totals is not None else load_monthly_totals()
    if not {"air_val_mo", "gen_val_mo"} <= set(t.columns):
        raise DataError("totals need air_val_mo and gen_val_mo columns")
    df = pd.DataFrame({"period": t["period"],
                       "air_share_pct": 100.0 * t["air_val_mo"] / t["gen_val_mo"]})
    if "ves_val_mo" in t:
        df["vessel_share_pct"] = 100.0 * t["ves_val_mo"] / t["gen_val_mo"]
    if start:
        df = df[df["period"] >= start]
    if end:
        df = df[df["period"] <= end]
    return df.reset_index(drop=True)


def frontload(base_start: str = "2023-01", base_end: str = "2024-12",
              gap_from: str | None = None, series: pd.DataFrame | None = None,
              totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Real imports vs trend (bundled: billions of 2025 dollars) with the air share beside it:
    period, imports, trend, gap, cum_gap, air_share_pct (where the totals cover the month)."""
    gap = trend_gap(series if series is not None else load_real_imports(), base_start,
                    base_end, gap_from)
    air = air_share(totals)[["period", "air_share_pct"]]
    return gap.merge(air, on="period", how="outer").sort_values("period").reset_index(drop=True)
