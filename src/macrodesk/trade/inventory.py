"""Inventory/sales: the ratio's level, its percentile within a window, and its year-on-year
change split into inventory and sales contributions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.errors import DataError
from macrodesk.trade.data import load_fred_csv


def ratio_percentile(ratio: pd.Series, since: str = "2020-01") -> pd.DataFrame:
    """period, ratio, pct_rank (percent of months in the window at or below this value, window
    from `since` to the month itself), yoy_change (ratio minus a year before)."""
    s = ratio.dropna().sort_index()
    if s.empty:
        raise DataError("inventory/sales series is empty")
    df = pd.DataFrame({"period": s.index, "ratio": s.to_numpy(float)})
    df["yoy_change"] = df["ratio"] - df["ratio"].shift(12)
    in_window = (df["period"] >= since).to_numpy()
    ranks = np.full(len(df), np.nan)
    vals = df["ratio"].to_numpy()
    for i in np.flatnonzero(in_window):
        window = vals[in_window[: i + 1].nonzero()[0]]
        ranks[i] = 100.0 * (window <= vals[i]).mean()
    df["pct_rank"] = ranks
    return df


def inventory_summary(ratio: pd.Series | None = None, since: str = "2020-01") -> dict:
    """Latest level, its percentile in the window since `since`, the window's min/max and the
    year-on-year change of the ratio (bundled FRED ISRATIO by default)."""
    s = ratio if ratio is not None else load_fred_csv()
    df = ratio_percentile(s, since)
    last = df.iloc[-1]
    window = df[df["period"] >= since]["ratio"]
    return {"period": last["period"], "ratio": float(last["ratio"]),
            "pct_rank": float(last["pct_rank"]), "since": since,
            "window_min": float(window.min()), "window_max": float(window.max()),
            "yoy_change": None if pd.isna(last["yoy_change"]) else float(last["yoy_change"])}


def yoy_split(inventories: pd.Series, sales: pd.Series, lag: int = 12) -> pd.DataFrame:
    """Split the change of I/S over `lag` months into inventory and sales parts that add up
    exactly: the log change ln(R1/R0) = ln(I1/I0) - ln(S1/S0), each share of it applied to
    the change R1 - R0. Returns period, inventories, sales, ratio, change, inventory_pp, sales_pp."""
    df = pd.concat({"inventories": inventories, "sales": sales}, axis=1).dropna().sort_index()
    if len(df) <= lag:
        raise DataError(f"need more than {lag} months of both inventories and sales")
    if (df <= 0).any().any():
        raise DataError("inventories and sales must be positive")
    ratio = df["inventories"] / df["sales"]
    change = ratio - ratio.shift(lag)
    d_inv = np.log(df["inventories"] / df["inventories"].shift(lag))
    d_sales = np.log(df["sales"] / df["sales"].shift(lag))
    d_ratio = d_inv - d_sales
    # with no change in the ratio the split is 0/0: give the parts as log changes times R0
    safe = d_ratio.abs() > 1e-12
    scale = np.where(safe, change / d_ratio.where(safe, 1.0), ratio.shift(lag))
    out = pd.DataFrame({"period": df.index, "inventories": df["inventories"].to_numpy(),
                        "sales": df["sales"].to_numpy(), "ratio": ratio.to_numpy(),
                        "change": change.to_numpy(), "inventory_pp": (scale * d_inv).to_numpy(),
                        "sales_pp": (-scale * d_sales).to_numpy()})
    return out.iloc[lag:].reset_index(drop=True)
