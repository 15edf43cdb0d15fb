"""`macrodesk trade ...`: the trade and tariff indicators as tables, JSON, CSV and charts."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from macrodesk import trade as T
from macrodesk.cli import app, console, formats, out
from macrodesk.errors import DataError, MacrodeskError
from macrodesk.text.files import atomic_write

if TYPE_CHECKING:
    import pandas as pd

trade_app = typer.Typer(help="US trade and tariff indicators: effective tariff rate, scenarios, "
                        "front-loading, inventories, import response, data connectors.",
                        no_args_is_help=True)
app.add_typer(trade_app, name="trade")

JSON_OPT = typer.Option(False, "--json", help="Print the result as JSON on stdout.")
CSV_OPT = typer.Option(None, "--csv", help="Also write the table to this CSV file.")
CHART_OPT = typer.Option(None, "--chart", help="Draw the chart to STEM.png and STEM.svg.")


def _clean(obj):
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def _emit(df: pd.DataFrame, as_json: bool, csv: Path | None, title: str,
          extra: dict | None = None, digits: int = 3, full: pd.DataFrame | None = None) -> None:
    """Print `df` as a table (or JSON); the CSV gets `full` when the screen shows a part."""
    if csv:
        atomic_write(csv, (df if full is None else full).to_csv(index=False))
        console.print(f"wrote {csv}")
    if as_json:
        payload = dict(extra or {})
        payload["rows"] = df.to_dict(orient="records")
        out.print_json(json.dumps(_clean(payload), ensure_ascii=False, default=str))
        return
    if extra:
        for k, v in extra.items():
            if not isinstance(v, list | dict):
                out.print(f"{k}: {round(v, digits) if isinstance(v, float) else v}", highlight=False)
    table = Table(title=title)
    for col in df.columns:
        table.add_column(str(col), justify="right" if df[col].dtype.kind in "fi" else "left")
    for row in df.itertuples(index=False):
        table.add_row(*[f"{v:,.{digits}f}" if isinstance(v, float) else str(v) for v in row])
    out.print(table)


def _charted(paths: list[Path]) -> None:
    console.print("chart: " + ", ".join(str(p) for p in paths))


@trade_app.command("etr", help="Effective tariff rate (duties / imports) by month, or by partner "
                   "or HS chapter from a detail table (bundled: 2024 HS10 x partner).")
def etr_cmd(
    start: str = typer.Option(None, "--from", help="First month, YYYY-MM."),
    end: str = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    basis: str = typer.Option("both", help="consumption, general, treasury, both "
                              "(consumption and general) or all."),
    by: str = typer.Option(None, "--by", help="partner or chapter (uses the detail table)."),
    data: Path = typer.Option(None, "--data", help="Detail table (parquet/csv) with hs10, "
                              "partner, imports, duty[, period]; default the bundled 2024 table."),
    top: int = typer.Option(0, help="Show only the N largest groups (0 = all)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    if by:
        if by not in ("partner", "chapter"):
            raise DataError(f"--by must be partner or chapter, not {by!r}")
        table = T.load_weights(data) if data else T.load_weights()
        if "period" in table and (start or end):
            table = table[(table["period"] >= (start or "")) & (table["period"] <= (end or "9999"))]
        df = T.etr_by(table, [by])
        shown = df.head(top) if top else df
        if chart:
            _charted(T.chart_etr_groups(df, chart, by, top=top or 15))
        _emit(shown, as_json, csv, f"有效关税税率（按{'贸易伙伴' if by == 'partner' else 'HS章'}）",
              {"overall_rate_pct": 100.0 * df["duty"].sum() / df["imports"].sum()}, full=df)
        return
    bases = {"both": ["consumption", "general"], "all": ["consumption", "general", "treasury"]}
    frames = [T.monthly_etr(b, start, end) for b in bases.get(basis, [basis])]
    import pandas as pd

    df = pd.concat(frames, ignore_index=True)
    if chart:
        _charted(T.chart_etr(df, chart))
    _emit(df, as_json, csv, "美国有效关税税率（%）")


@trade_app.command("scenario", help="Change in the overall trade-weighted tariff rate under a "
                   "scenario file (TOML/YAML), with each line's contribution in percentage points.")
def scenario_cmd(
    scenario: str = typer.Argument(None, help="Scenario file, or a shipped name "
                                   "(reciprocal_2025_08, sectoral_2025)."),
    weights: Path = typer.Option(None, help="HS10 x partner weights (default: bundled 2024)."),
    partners: bool = typer.Option(False, "--partners", help="Show the result by partner."),
    list_: bool = typer.Option(False, "--list", help="List the shipped scenario files."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    if list_ or not scenario:
        for p in T.list_scenarios():
            out.print(f"{p.stem}\t{p}", highlight=False)
        return
    res = T.run_scenario(scenario, T.load_weights(weights) if weights else None)
    if chart:
        _charted(T.chart_scenario(res, chart))
    df = res.by_partner if partners else res.lines_frame()
    if not partners:
        df = df.assign(covered_imports_bn=df["covered_imports"] / 1e9).drop(
            columns=["covered_imports"])
    extra = {"scenario": res.name, "base_rate_pct": res.base_rate_pct,
             "scenario_rate_pct": res.scenario_rate_pct, "change_pp": res.change_pp,
             "total_imports_bn": res.total_imports / 1e9}
    _emit(df, as_json, csv, "情景条目贡献（个百分点）", extra)


@trade_app.command("frontload", help="Imports against a linear trend fitted on a base window: "
                   "monthly and cumulative gap, with the air-freight share.")
def frontload_cmd(
    base_from: str = typer.Option("2023-01", help="Base window start, YYYY-MM."),
    base_to: str = typer.Option("2024-12", help="Base window end, YYYY-MM."),
    gap_from: str = typer.Option(None, help="Month the cumulative gap starts (default base end)."),
    data: Path = typer.Option(None, "--data", help="CSV with period and imports columns "
                              "(default: bundled real imports)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    series = T.read_table(data) if data else None
    df = T.frontload(base_from, base_to, gap_from, series=series)
    if chart:
        _charted(T.chart_frontload(df, chart))
    _emit(df, as_json, csv, "进口相对趋势的缺口（十亿美元）与空运占比（%）")


@trade_app.command("airshare", help="Air and vessel shares of US general imports by month.")
def airshare_cmd(
    start: str = typer.Option(None, "--from", help="First month, YYYY-MM."),
    end: str = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT,
) -> None:
    _emit(T.air_share(None, start, end), as_json, csv, "空运/海运占一般进口比重（%）")


@trade_app.command("inventory", help="Inventory/sales ratio: level, percentile within a window, "
                   "year-on-year change; with --inventories and --sales, the change split.")
def inventory_cmd(
    since: str = typer.Option("2020-01", help="Percentile window start, YYYY-MM."),
    data: Path = typer.Option(None, "--data", help="FRED CSV of the ratio (default: bundled "
                              "ISRATIO)."),
    inventories: Path = typer.Option(None, help="FRED CSV of inventories (e.g. BUSINV)."),
    sales: Path = typer.Option(None, help="FRED CSV of sales (e.g. TOTBUSSMSA)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    if inventories or sales:
        if not (inventories and sales):
            raise DataError("give both --inventories and --sales")
        df = T.yoy_split(T.load_fred_csv(inventories), T.load_fred_csv(sales))
        _emit(df.tail(24), as_json, csv, "库存/销售比同比变化拆分", full=df)
        return
    ratio = T.load_fred_csv(data) if data else T.load_fred_csv()
    df = T.ratio_percentile(ratio, since)
    if chart:
        _charted(T.chart_inventory(df, chart, since))
    _emit(df.tail(24), as_json, csv, "库存/销售比", T.inventory_summary(ratio, since), full=df)


@trade_app.command("response", help="OLS slope of the change in import growth on the change in "
                   "the effective rate across groups, with standard errors.")
def response_cmd(
    data: Path = typer.Argument(..., help="Panel (group, period, imports, duty) or a table with "
                                "d_etr and d_growth columns."),
    group: str = typer.Option("partner", help="Group column (partner or chapter)."),
    before: str = typer.Option(None, help="Before window FROM:TO (YYYY-MM:YYYY-MM)."),
    after: str = typer.Option(None, help="After window FROM:TO."),
    weighted: bool = typer.Option(False, help="Weight groups by after-window imports (WLS)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    table = T.read_table(data)
    if not {"d_etr", "d_growth"} <= set(table.columns):
        if not (before and after):
            raise DataError("a panel needs --before and --after windows", source=str(data))
        windows = [tuple(w.split(":", 1)) for w in (before, after)]
        if any(len(w) != 2 for w in windows):
            raise DataError("windows are FROM:TO, e.g. 2024-04:2024-09")
        table = T.response_table(table, group, windows[0], windows[1])
    res = T.import_response(table, weight="imports_after" if weighted else None)
    if chart:
        _charted(T.chart_response(res, chart, group))
    extra = {k: v for k, v in res.to_dict().items() if k != "table"}
    _emit(res.table, as_json, csv, "进口响应回归数据", extra)


@trade_app.command("census", help="Download US imports for a month from the Census trade API "
                   "(CENSUS_API_KEY), chapter by chapter, cached as Parquet.")
def census_cmd(
    month: str = typer.Argument(..., help="YYYY-MM"),
    level: str = typer.Option("HS10", help="HS2, HS4, HS6 or HS10."),
    chapters: str = typer.Option(None, help="Comma-separated chapters (default all)."),
    save: Path = typer.Option(None, "--out", help="Write the table here (.parquet or .csv)."),
) -> None:
    client = T.CensusClient()
    kw = {"chapters": tuple(c.strip().zfill(2) for c in chapters.split(","))} if chapters else {}
    df = client.imports(month, level, **kw)
    if save and save.suffix == ".csv":
        atomic_write(save, df.to_csv(index=False))
    elif save:
        import io

        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        atomic_write(save, buf.getvalue())
    console.print(f"{len(df)} rows, {client.requests} requests")


@trade_app.command("fred", help="Download a FRED series (CSV without a key, JSON API with "
                   "FRED_API_KEY), cached as Parquet.")
def fred_cmd(
    series: str = typer.Argument(..., help="Series id, e.g. ISRATIO, BUSINV, TOTBUSSMSA."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT,
) -> None:
    s = T.FredClient().series(series)
    df = s.rename("value").rename_axis("period").reset_index()
    _emit(df.tail(24) if not (as_json or csv) else df, as_json, csv, f"FRED {series}")


@trade_app.command("check", help="数据核对: recompute the tariff-rate and air-share figures "
                   "quoted in articles.")
def check_cmd(
    paths: list[Path] = typer.Argument(..., help=f"Article files ({formats()})."),
    year: int = typer.Option(None, help="Year for dates written without one (default: the "
                             "article's publication year)."),
    as_json: bool = JSON_OPT,
) -> None:
    from macrodesk.readers import read_article

    found, failed = [], 0
    for p in paths:
        try:
            art = read_article(p)
        except MacrodeskError as exc:
            failed += 1
            console.print(f"[bold red]error:[/] {exc}", highlight=False)
            continue
        y = year or (art.published.year if art.published else None)
        found += [(art.label, c) for c in T.datacheck(art.sentences, default_year=y)]
    if as_json:
        rows = [{"article": label, **c.model_dump()} for label, c in found]
        out.print_json(json.dumps(rows, ensure_ascii=False))
    else:
        for label, c in found:
            out.print(f"- [{label}] {c.line()}", highlight=False, soft_wrap=True)
    if failed == len(paths):
        raise typer.Exit(2)
