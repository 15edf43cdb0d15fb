"""Effective tariff rate (duties collected / imports): by month, by year, by partner and by HS
chapter, on consumption imports, general imports or Treasury receipts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from macrodesk.errors import DataError
from macrodesk.trade.data import load_monthly_totals, load_revenue, partner_names

Basis = Literal["consumption", "general", "treasury"]
BASES: tuple[str, ...] = ("consumption", "general", "treasury")
_IMPORT_COL = {"consumption": "con_val_mo", "general": "gen_val_mo"}


def _window(df: pd.DataFrame, start: str | None, end: str | None) -> pd.DataFrame:
    if start:
        df = df[df["period"] >= start]
    if end:
        df = df[df["period"] <= end]
    return df


def monthly_etr(basis: Basis = "consumption", start: str | None = None, end: str | None = None,
                *, totals: pd.DataFrame | None = None,
                revenue: pd.DataFrame | None = None) -> pd.DataFrame:
    """The effective rate month by month: period, duties, imports, rate_pct, basis.

    consumption/general: Census calculated duties over imports for consumption / general imports
    (bundled 2025-01..2026-06); treasury: Treasury customs receipts over Census imports
    (1982..2026-02)."""
    if basis not in BASES:
        raise DataError(f"unknown basis {basis!r}", hint=f"use one of {', '.join(BASES)}")
    if basis == "treasury":
        df = (revenue if revenue is not None else load_revenue()).copy()
    else:
        t = totals if totals is not None else load_monthly_totals()
        df = pd.DataFrame({"period": t["period"], "duties": t["cal_dut_mo"].astype(float),
                           "imports": t[_IMPORT_COL[basis]].astype(float)})
    df = _window(df, start, end)
    if df.empty:
        raise DataError(f"no {basis} data between {start or 'start'} and {end or 'end'}",
                        hint="consumption/general cover 2025-01..2026-06, treasury 1982-01..2026-02")
    df = df.assign(rate_pct=100.0 * df["duties"] / df["imports"], basis=basis)
    return df.reset_index(drop=True)


def annual_etr(year: int, basis: Basis = "treasury", **kw) -> float:
    """The effective rate of a calendar year in percent: summed duties over summed imports.
    Raises DataError unless all twelve months are present."""
    df = monthly_etr(basis, f"{year}-01", f"{year}-12", **kw)
    if len(df) != 12:
        raise DataError(f"{basis} data has {len(df)} months of {year}, need 12",
                        hint="pick a year the data covers fully")
    return float(100.0 * df["duties"].sum() / df["imports"].sum())


def period_etr(period: str, basis: Basis = "consumption", **kw) -> float:
    """The rate for one month (YYYY-MM) or one year (YYYY), in percent."""
    if len(period) == 4:
        return annual_etr(int(period), basis, **kw)
    df = monthly_etr(basis, period, period, **kw)
    return float(df["rate_pct"].iloc[0])


def _chapter_codes(df: pd.DataFrame) -> pd.Series:
    # slicing 5 million strings is slow; slice the distinct codes once and map back
    hs = df["hs10"] if isinstance(df["hs10"].dtype, pd.CategoricalDtype) \
        else df["hs10"].astype("category")
    per_code = pd.Index(hs.cat.categories.astype(str).str[:2])
    chapters = per_code.unique().sort_values()
    codes = chapters.get_indexer(per_code)[hs.cat.codes.to_numpy()]
    return pd.Series(pd.Categorical.from_codes(codes, categories=chapters), index=df.index)


def etr_by(table: pd.DataFrame, by: Sequence[str] = ("partner",), *,
           names: bool = True) -> pd.DataFrame:
    """The effective rate of a detailed table (columns hs10 or chapter, partner, imports, duty,
    optionally period) grouped by `by` (any of partner, chapter, period, hs10): the keys, imports,
    duty, rate_pct and share_pct (share of the table's imports), largest imports first."""
    by = list(by)
    need = {"imports", "duty"} | ({"hs10"} if "chapter" in by and "chapter" not in table else set())
    need |= {k for k in by if k != "chapter"}
    missing = need - set(table.columns)
    if missing:
        raise DataError(f"table lacks columns {sorted(missing)} for grouping by {by}")
    cols = {k: table[k] for k in by if k in table}
    if "chapter" in by and "chapter" not in table:
        cols["chapter"] = _chapter_codes(table)
    frame = pd.DataFrame(cols)
    frame["imports"] = table["imports"].to_numpy()
    frame["duty"] = table["duty"].to_numpy()
    g = frame.groupby(by, sort=False, observed=True)[["imports", "duty"]].sum().reset_index()
    total = float(g["imports"].sum())
    g["rate_pct"] = np.where(g["imports"] > 0, 100.0 * g["duty"] / g["imports"].where(
        g["imports"] > 0, 1.0), np.nan)
    g["share_pct"] = 100.0 * g["imports"] / total if total else np.nan
    if names and "partner" in by:
        g.insert(by.index("partner") + 1, "partner_name",
                 g["partner"].map(partner_names()).fillna(g["partner"]))
    return g.sort_values("imports", ascending=False).reset_index(drop=True)


def overall_etr(table: pd.DataFrame) -> float:
    """Trade-weighted rate of a whole detailed table, in percent."""
    imports = float(table["imports"].sum())
    if imports <= 0:
        raise DataError("table holds no imports")
    return 100.0 * float(table["duty"].sum()) / imports
