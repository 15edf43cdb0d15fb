"""Loading the bundled (or user-supplied) US trade tables into tidy pandas frames.

Every loader takes an optional path so the same code runs on connector downloads or user files.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pandas as pd

from macrodesk.errors import DataError

DATA_DIR = Path(str(files("macrodesk") / "data" / "trade"))


def _path(path: str | Path | None, default: str) -> Path:
    p = Path(path) if path else DATA_DIR / default
    if not p.exists():
        raise DataError("data file not found", source=str(p),
                        hint="pass an existing file, or reinstall macrodesk to restore bundled data")
    return p


def _read_csv(p: Path, required: set[str], **kw) -> pd.DataFrame:
    try:
        df = pd.read_csv(p, comment="#", skip_blank_lines=True, **kw)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read CSV: {exc}", source=str(p)) from exc
    missing = required - set(df.columns)
    if missing:
        raise DataError(f"missing columns {sorted(missing)}", source=str(p),
                        hint=f"the file needs columns {sorted(required)}")
    return df


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a user table by suffix: .parquet, .csv or .json (records)."""
    p = _path(path, "")
    try:
        if p.suffix == ".parquet":
            return pd.read_parquet(p)
        if p.suffix == ".json":
            return pd.read_json(p, dtype=False)
        return pd.read_csv(p, dtype={"hs10": str, "partner": str, "period": str})
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read table: {exc}", source=str(p)) from exc


def load_monthly_totals(path: str | Path | None = None) -> pd.DataFrame:
    """Census monthly totals: period (YYYY-MM) plus value columns in dollars
    (con_val_mo, gen_val_mo, cal_dut_mo, air_val_mo, ...)."""
    p = _path(path, "monthly_totals_2025_2026.csv")
    df = _read_csv(p, {"period", "con_val_mo", "gen_val_mo", "cal_dut_mo"}, dtype={"period": str})
    return df.sort_values("period").reset_index(drop=True)


def load_revenue(path: str | Path | None = None) -> pd.DataFrame:
    """Treasury customs duties and Census imports by month (millions of dollars):
    period, duties, imports."""
    p = _path(path, "tariff_revenue_monthly.csv")
    df = _read_csv(p, {"date", "customs_duties", "imports_value"})
    out = pd.DataFrame({
        "period": pd.to_datetime(df["date"]).dt.strftime("%Y-%m"),
        "duties": df["customs_duties"].astype(float),
        "imports": df["imports_value"].astype(float),
    })
    return out.sort_values("period").reset_index(drop=True)


def load_real_imports(path: str | Path | None = None) -> pd.DataFrame:
    """Real US imports by month (billions of 2025 dollars): period, imports, published_trend."""
    p = _path(path, "real_imports_trend.csv")
    df = _read_csv(p, {"Date", "Real imports"}, dtype={"Date": str})
    out = pd.DataFrame({"period": df["Date"], "imports": df["Real imports"].astype(float)})
    if "Imports trend" in df:
        out["published_trend"] = df["Imports trend"].astype(float)
    return out.dropna(subset=["imports"]).reset_index(drop=True)


def load_published_gap(path: str | Path | None = None) -> pd.DataFrame:
    """The published monthly and cumulative import gap (to check our own trend fit against)."""
    p = _path(path, "cumulative_import_gap.csv")
    df = _read_csv(p, {"Date", "Monthly gap", "Cumulative gap"}, dtype={"Date": str})
    return pd.DataFrame({"period": df["Date"], "gap": df["Monthly gap"].astype(float),
                         "cum_gap": df["Cumulative gap"].astype(float)}).dropna()


def load_fred_csv(path: str | Path | None = None, series: str = "ISRATIO") -> pd.Series:
    """A FRED CSV (observation_date or DATE, then the series) as a monthly Series indexed by
    YYYY-MM; '.' marks a missing value in FRED files."""
    p = _path(path, f"fred_{series}.csv")
    df = _read_csv(p, set(), na_values=["."])
    if df.shape[1] < 2:
        raise DataError("expected a date column and a value column", source=str(p))
    dates = pd.to_datetime(df.iloc[:, 0], errors="coerce")
    values = pd.to_numeric(df.iloc[:, 1], errors="coerce")
    s = pd.Series(values.to_numpy(), index=dates.dt.strftime("%Y-%m"), name=str(df.columns[1]))
    return s[dates.notna().to_numpy()].dropna()


def load_weights(path: str | Path | None = None) -> pd.DataFrame:
    """HS10 x partner annual imports and duties: hs10, partner, imports, duty (dollars),
    2024 by default."""
    p = _path(path, "hs10_partner_2024.parquet")
    df = read_table(p) if path else pd.read_parquet(p)
    missing = {"hs10", "partner", "imports", "duty"} - set(df.columns)
    if missing:
        raise DataError(f"missing columns {sorted(missing)}", source=str(p),
                        hint="a weights table needs hs10, partner, imports, duty")
    df = df.copy()
    df["hs10"] = df["hs10"].astype(str).str.zfill(10)
    df["partner"] = df["partner"].astype(str).str.zfill(4)
    df["imports"] = df["imports"].astype(float)
    df["duty"] = df["duty"].astype(float)
    return df


def load_partners(path: str | Path | None = None) -> pd.DataFrame:
    """Census country codes with names: code, name, name_zh, alias."""
    p = _path(path, "partners.csv")
    return _read_csv(p, {"code", "name", "name_zh", "alias"}, dtype=str, keep_default_na=False)


def partner_lookup() -> dict[str, str]:
    """Every spelling of a bundled partner (code, alias, English, Chinese) to its Census code."""
    table: dict[str, str] = {}
    for row in load_partners().itertuples():
        for key in (row.code, row.alias, row.name, row.name_zh):
            table[str(key).upper()] = row.code
    return table


def partner_names(lang: str = "zh") -> dict[str, str]:
    """Census code to display name (Chinese by default)."""
    col = "name_zh" if lang == "zh" else "name"
    return dict(zip(load_partners()["code"], load_partners()[col], strict=True))


# The bundled response sample: imports for consumption (customs value) and calculated duties by
# NAICS-3 industry and month, 2024-01..2025-10 (USITC DataWeb). A real panel that spans the 2025
# tariff rises with a year of base months before them, so year-on-year growth exists throughout.
SAMPLE_PANEL = "naics3_imports_2024_2025.csv"
SAMPLE_WINDOWS = (("2025-01", "2025-03"), ("2025-07", "2025-09"))


def load_sample_panel(path: str | Path | None = None) -> pd.DataFrame:
    """The bundled panel: naics (3-digit code as text), period (YYYY-MM), imports, duty (dollars)."""
    p = _path(path, SAMPLE_PANEL)
    df = _read_csv(p, {"naics", "period", "imports", "duty"},
                   dtype={"naics": str, "period": str})
    df["imports"] = df["imports"].astype(float)
    df["duty"] = df["duty"].astype(float)
    return df


def naics_names(lang: str = "zh") -> dict[str, str]:
    """NAICS-3 code to display name (Chinese by default, else the DataWeb description)."""
    df = _read_csv(_path(None, "naics3.csv"), {"code", "name", "name_zh"}, dtype=str,
                   keep_default_na=False)
    return dict(zip(df["code"], df["name_zh" if lang == "zh" else "name"], strict=True))


def group_names(group: str) -> dict[str, str]:
    """Display names for the codes of a response group column: partners (Census country codes)
    and NAICS-3 industries are named; other groups (HS chapters) show their codes."""
    if group == "partner":
        return partner_names()
    if group == "naics":
        return naics_names()
    return {}
