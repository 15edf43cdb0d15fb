"""Import response: OLS slope of the change in import growth on the change in the effective
tariff rate across partners or chapters, with standard errors (statsmodels)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from macrodesk.errors import DataError


@dataclass
class ResponseResult:
    slope: float  # pp of import growth per pp of effective rate
    se: float
    t: float
    p: float
    intercept: float
    r2: float
    n: int
    cov_type: str
    table: pd.DataFrame  # group, d_etr, d_growth (and weight when weighted)

    def to_dict(self) -> dict:
        d = {k: v for k, v in vars(self).items() if k != "table"}
        d["table"] = self.table.to_dict(orient="records")
        return d


def response_table(panel: pd.DataFrame, group: str, before: tuple[str, str],
                   after: tuple[str, str], lag: int = 12) -> pd.DataFrame:
    """From a panel (group, period YYYY-MM, imports, duty) build one row per group: the
    effective rate in each window, year-on-year import growth in each window (against the same
    months `lag` earlier), d_etr and d_growth in percentage points, and after-window imports."""
    need = {group, "period", "imports", "duty"}
    if need - set(panel.columns):
        raise DataError(f"panel lacks columns {sorted(need - set(panel.columns))}")
    p = panel.copy()
    p["period"] = p["period"].astype(str)

    def shift(period: str) -> str:
        return str(pd.Period(period, freq="M") - lag)

    def window(lo: str, hi: str) -> pd.DataFrame:
        return p[(p["period"] >= lo) & (p["period"] <= hi)].groupby(group)[["imports", "duty"]].sum()

    rows = {}
    for tag, (lo, hi) in (("before", before), ("after", after)):
        cur, prev = window(lo, hi), window(shift(lo), shift(hi))
        rows[f"etr_{tag}"] = 100.0 * cur["duty"] / cur["imports"]
        rows[f"growth_{tag}"] = 100.0 * (cur["imports"] / prev["imports"] - 1.0)
        rows[f"imports_{tag}"] = cur["imports"]
    t = pd.DataFrame(rows).replace([np.inf, -np.inf], np.nan).dropna()
    t["d_etr"] = t["etr_after"] - t["etr_before"]
    t["d_growth"] = t["growth_after"] - t["growth_before"]
    return t.reset_index().rename(columns={"index": group})


def import_response(table: pd.DataFrame, x: str = "d_etr", y: str = "d_growth",
                    weight: str | None = None, robust: bool = True) -> ResponseResult:
    """OLS (WLS when `weight` names a column) of y on x with a constant; HC1 robust standard
    errors by default."""
    if {x, y} - set(table.columns):
        raise DataError(f"table needs columns {x} and {y}")
    if weight and weight not in table.columns:
        raise DataError(f"no weight column {weight!r}",
                        hint="weighting needs a panel (group, period, imports, duty)")
    t = table.dropna(subset=[x, y])
    if len(t) < 3:
        raise DataError(f"need at least 3 groups for a slope, got {len(t)}")
    if float(t[x].std()) == 0.0:
        raise DataError(f"{x} does not vary across groups; the slope is undefined")
    import statsmodels.api as sm  # slow to import; only this function needs it

    X = sm.add_constant(t[x].to_numpy(float))
    cov = "HC1" if robust else "nonrobust"
    if weight:
        model = sm.WLS(t[y].to_numpy(float), X, weights=t[weight].to_numpy(float))
    else:
        model = sm.OLS(t[y].to_numpy(float), X)
    fit = model.fit(cov_type=cov)
    return ResponseResult(float(fit.params[1]), float(fit.bse[1]), float(fit.tvalues[1]),
                          float(fit.pvalues[1]), float(fit.params[0]), float(fit.rsquared),
                          int(fit.nobs), cov, t.reset_index(drop=True))
