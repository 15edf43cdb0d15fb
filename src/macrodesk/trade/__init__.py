"""US trade and tariff analytics: effective tariff rates, scenario stacking, front-loading,
inventories, import response, unit values, live connectors, charts and the 数据核对 check."""

from __future__ import annotations

import importlib
from typing import Any

# names load on first use: matplotlib and statsmodels take seconds to import, and every
# `macrodesk` command imports this package through the CLI
_EXPORTS = {
    "charts": ("chart_airshare", "chart_etr", "chart_etr_groups", "chart_frontload", "chart_inventory",
               "chart_response", "chart_scenario", "cjk_font"),
    "connectors": ("CensusClient", "FredClient", "cache_dir", "census_to_detail"),
    "data": ("DATA_DIR", "SAMPLE_WINDOWS", "group_names", "load_fred_csv", "load_monthly_totals", "load_partners",
             "load_published_gap", "load_real_imports", "load_revenue", "load_sample_panel",
             "load_weights", "naics_names", "read_table"),
    "tariffcheck": ("DataCheck", "datacheck", "datacheck_lines"),
    "etr": ("annual_etr", "etr_by", "monthly_etr", "overall_etr", "period_etr"),
    "frontloading": ("air_share", "frontload", "trend_gap"),
    "inventory": ("inventory_summary", "ratio_percentile", "yoy_split"),
    "response": ("ResponseResult", "import_response", "response_table"),
    "scenario": ("Scenario", "ScenarioResult", "list_scenarios", "load_scenario", "run_scenario"),
    "unitvalue": ("cheaper_share", "export_contributions", "unit_values"),
}
_WHERE = {name: mod for mod, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
