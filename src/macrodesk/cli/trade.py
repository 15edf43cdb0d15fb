"""`macrodesk trade ...`: the trade and tariff indicators as tables, JSON, CSV and charts."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, overload

import typer
from rich import box
from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from macrodesk import trade as T
from macrodesk.cli import app, console, formats, out, progress, warn, write_csv
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


_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
BASIS_CHOICES = ("consumption", "general", "treasury", "both", "all")
_BASIS_ZH = {"consumption": "消费进口口径", "general": "一般进口口径", "treasury": "财政部关税收入口径"}
SRC_CENSUS_MONTHLY = "美国人口普查局月度贸易数据（计算关税、进口额）"
SRC_TREASURY = "美国财政部月度关税收入、人口普查局进口额"
SRC_DETAIL_2024 = "美国人口普查局 2024 年 HS10×国别进口（消费口径）与计算关税"
SRC_FRED_SAMPLE = ("FRED BUSINV（美国企业总库存）、TOTBUSSMSA（企业总销售），季调，百万美元，"
                   "内置样本 2000-01～2022-09")
SRC_NAICS_SAMPLE = ("美国国际贸易委员会 DataWeb：按 NAICS 三位数行业的月度消费进口（海关价值）与计算关税，"
                    "2024-01～2025-10（耶鲁预算实验室 tariff-impact-tracker 整理）")
YI = 1e8  # dollars in one 亿美元: the unit Chinese research quotes trade values in


@overload
def _month(value: str, flag: str) -> str: ...
@overload
def _month(value: str | None, flag: str) -> str | None: ...
def _month(value: str | None, flag: str) -> str | None:
    """A YYYY-MM option, checked: 2025-13 and 2025-1 are refused, not compared as text."""
    if value is None or _MONTH.fullmatch(value):
        return value
    raise DataError(f"{flag} must be a month written YYYY-MM (01..12), not {value!r}")


def _clean(obj):
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def _unit(col: str, money: AbstractSet[str], units: dict[str, str]) -> str:
    if col in units:
        return units[col]
    if col in money:
        return "亿美元"
    if col.endswith("_pct"):
        return "%"
    if col.endswith("_pp"):
        return "个百分点"
    return ""


def _cell(v, digits: int) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() and abs(v) >= 1000 else f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _emit(df: pd.DataFrame, as_json: bool, csv: Path | None, title: str,
          extra: dict | None = None, digits: int = 3, full: pd.DataFrame | None = None, *,
          money: AbstractSet[str] = frozenset(), units: dict[str, str] | None = None,
          source: str = "", hidden: AbstractSet[str] = frozenset()) -> None:
    """Print `df` as a table that fits the terminal (or JSON); the CSV gets `full` when the screen
    shows a part. Columns in `money` hold dollars and are shown in 亿美元; every header carries
    its unit; numbers are never cut, text columns wrap."""
    units = units or {}
    col_units = {c: _unit(str(c), money, units) for c in df.columns}
    if csv:
        atomic_write(csv, (df if full is None else full).to_csv(index=False))
        console.print(f"wrote {csv}")
    if as_json:
        payload = {"title": title, **(extra or {}),
                   "units": {c: ("美元" if c in money else u) for c, u in col_units.items() if u}}
        if source:
            payload["source"] = source
        payload["rows"] = df.to_dict(orient="records")
        out.print_json(json.dumps(_clean(payload), ensure_ascii=False, default=str))
        return
    if extra:
        for k, v in extra.items():
            if not isinstance(v, list | dict) and k != "period":  # the title states the period
                out.print(f"{k}: {round(v, digits) if isinstance(v, float) else v}", highlight=False)
    table = Table(title=title, title_justify="left", caption=f"来源：{source}" if source else None,
                  caption_justify="left", padding=(0, 1), box=box.SIMPLE_HEAD)
    shown = [c for c in df.columns if c not in hidden]
    # 亿美元 to one decimal (5,974.7), percentages and points to two, anything else `digits`
    places = {c: 1 if c in money else 2 if col_units[c] in ("%", "个百分点") else digits
              for c in df.columns}
    rows = [[_cell(v / YI if c in money and isinstance(v, int | float) else v, places[c])
             for c, v in zip(df.columns, row, strict=True) if c not in hidden]
            for row in df.itertuples(index=False)]
    for i, col in enumerate(shown):
        numeric = df[col].dtype.kind in "fi"
        head = f"{col}\n{col_units[col]}" if col_units[col] else str(col)
        width = max([len(r[i]) for r in rows] + [1])
        if numeric:  # a number is never cut: its column is as wide as its widest value
            table.add_column(head, justify="right", no_wrap=True, min_width=width)
        else:  # text wraps, but a value of up to 8 cells (a month, a code) is never folded
            short = max([cell_len(r[i]) for r in rows if cell_len(r[i]) <= 8] + [1])
            table.add_column(head, overflow="fold", ratio=1, min_width=short)
    for r in rows:
        table.add_row(*r)
    out.print(table)


def _charted(paths: list[Path]) -> None:
    console.print("chart: " + ", ".join(str(p) for p in paths))


def _detail_period(table: pd.DataFrame, data: Path | None) -> str:
    if "period" in table and len(table):
        lo, hi = str(table["period"].min()), str(table["period"].max())
        return lo if lo == hi else f"{lo}～{hi}"
    return "2024 全年" if data is None else f"{data.name} 未注明期间"


@trade_app.command("etr", help="Effective tariff rate (duties / imports) by month, or by partner "
                   "or HS chapter from a detail table (bundled: 2024 annual HS10 x partner, so "
                   "--from/--to need --data with a period column). Values in 亿美元.")
def etr_cmd(
    start: str | None = typer.Option(None, "--from", help="First month, YYYY-MM."),
    end: str | None = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    basis: str = typer.Option("both", help="consumption, general, treasury, both "
                              "(consumption and general) or all."),
    by: str = typer.Option(None, "--by", help="partner or chapter (uses the detail table)."),
    data: Path = typer.Option(None, "--data", help="Detail table (parquet/csv) with hs10, "
                              "partner, imports, duty[, period]; default the bundled 2024 table."),
    top: int = typer.Option(0, help="Show only the N largest groups (0 = all)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    start, end = _month(start, "--from"), _month(end, "--to")
    if by:
        if by not in ("partner", "chapter"):
            raise DataError(f"--by must be partner or chapter, not {by!r}")
        table = T.load_weights(data) if data else T.load_weights()
        if start or end:
            if "period" not in table:
                raise DataError(
                    "--from/--to cannot apply: the detail table has no period column"
                    + (" (the bundled table is 2024 annual)" if data is None else ""),
                    source=str(data) if data else None,
                    hint="drop --from/--to, or pass --data with a monthly period column")
            table = table[(table["period"] >= (start or "")) & (table["period"] <= (end or "9999"))]
            if table.empty:
                raise DataError(f"no rows between {start or 'start'} and {end or 'end'}",
                                source=str(data))
        period = _detail_period(table, data)
        df = T.etr_by(table, [by])
        shown = df.head(top) if top else df
        what = "贸易伙伴" if by == "partner" else "HS章"
        title = f"美国有效关税税率（按{what}，{period}，消费进口口径）"
        source = SRC_DETAIL_2024 if data is None else str(data)
        if chart:
            _charted(T.chart_etr_groups(df, chart, by, top=top or 15, title=title,
                                        source=f"数据来源：{source}；macrodesk 计算"))
        _emit(shown, as_json, csv, title,
              {"period": period, "overall_rate_pct": 100.0 * df["duty"].sum() / df["imports"].sum()},
              full=df, money={"imports", "duty"}, source=source, hidden={"partner"}
              if by == "partner" and not as_json else set())
        return
    if basis not in BASIS_CHOICES:
        raise DataError(f"unknown basis {basis!r}", hint=f"use one of {', '.join(BASIS_CHOICES)}")
    bases = {"both": ["consumption", "general"], "all": ["consumption", "general", "treasury"]}
    import pandas as pd

    frames = []
    for b in bases.get(basis, [basis]):
        f = T.monthly_etr(b, start, end)
        if b == "treasury":  # the Treasury file is in millions; one unit per table: dollars
            f = f.assign(duties=f["duties"] * 1e6, imports=f["imports"] * 1e6)
        if start and f["period"].min() > start:
            warn(f"{b} data starts at {f['period'].min()}; shown from there, not from {start}")
        if end and f["period"].max() < end:
            warn(f"{b} data ends at {f['period'].max()}; shown up to there, not to {end}")
        frames.append(f)
    df = pd.concat(frames, ignore_index=True)
    period = f"{df['period'].min()}～{df['period'].max()}"
    names = "、".join(_BASIS_ZH[b] for b in df["basis"].unique())
    title = f"美国有效关税税率（按月，{period}，{names}）"
    used = {b for b in df["basis"].unique()}
    source = "；".join(([SRC_CENSUS_MONTHLY] if used - {"treasury"} else [])
                      + ([SRC_TREASURY] if "treasury" in used else []))
    if chart:
        _charted(T.chart_etr(df, chart, title=title, source=f"数据来源：{source}；macrodesk 计算"))
    _emit(df, as_json, csv, title, {"period": period}, money={"duties", "imports"},
          source=source)


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
    source = SRC_DETAIL_2024 + "为权重" if weights is None else f"{weights} 为权重"
    weights_period = "2024 年进口权重" if weights is None else f"{weights.name} 权重"
    title = (f"情景 {res.name}：{'按贸易伙伴' if partners else '各条目贡献'}（{weights_period}，"
             "消费进口口径）")
    if chart:
        _charted(T.chart_scenario(res, chart, source=f"数据来源：{source}；macrodesk 计算"))
    df = res.by_partner if partners else res.lines_frame()
    extra = {"scenario": res.name, "base_rate_pct": res.base_rate_pct,
             "scenario_rate_pct": res.scenario_rate_pct, "change_pp": res.change_pp,
             "total_imports": res.total_imports}
    if not as_json:
        extra["total_imports"] = f"{res.total_imports / YI:,.1f} 亿美元"
    _emit(df, as_json, csv, title, extra, money={"covered_imports", "imports", "duty"},
          source=source, hidden={"partner"} if partners and not as_json else set())


@trade_app.command("frontload", help="Imports against a linear trend fitted on a base window: "
                   "monthly and cumulative gap, with the air-freight share.")
def frontload_cmd(
    base_from: str = typer.Option("2023-01", help="Base window start, YYYY-MM."),
    base_to: str = typer.Option("2024-12", help="Base window end, YYYY-MM."),
    gap_from: str | None = typer.Option(None, help="Month the cumulative gap starts "
                                        "(default base end)."),
    data: Path = typer.Option(None, "--data", help="CSV with period and imports columns "
                              "(default: bundled real imports)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    base_from, base_to = _month(base_from, "--base-from"), _month(base_to, "--base-to")
    gap_from = _month(gap_from, "--gap-from")
    series = T.read_table(data) if data else None
    df = T.frontload(base_from, base_to, gap_from, series=series)
    unit = "十亿美元(2025年价)" if data is None else "与输入同单位"
    source = ("耶鲁预算实验室整理的美国实际进口（2025年不变价）；人口普查局空运占比"
              if data is None else f"{data}；人口普查局空运占比")
    title = (f"美国进口相对 {base_from}～{base_to} 线性趋势的缺口（"
             f"{df['period'].min()}～{df['period'].max()}）")
    if chart:
        _charted(T.chart_frontload(df, chart, source=f"数据来源：{source}；macrodesk 计算"))
    _emit(df, as_json, csv, title, {"period": f"{df['period'].min()}～{df['period'].max()}"},
          units={c: unit for c in ("imports", "trend", "gap", "cum_gap")}, source=source)


@trade_app.command("airshare", help="Air and vessel shares of US general imports by month.")
def airshare_cmd(
    start: str = typer.Option(None, "--from", help="First month, YYYY-MM."),
    end: str = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    df = T.air_share(None, _month(start, "--from"), _month(end, "--to"))
    if df.empty:
        raise DataError(f"no months between {start or 'start'} and {end or 'end'}",
                        hint="the bundled data covers 2025-01..2026-06")
    period = f"{df['period'].min()}～{df['period'].max()}"
    title = f"空运/海运占美国一般进口比重（按月，{period}）"
    if chart:
        _charted(T.chart_airshare(df, chart, title=title,
                                  source=f"数据来源：{SRC_CENSUS_MONTHLY}；macrodesk 计算"))
    _emit(df, as_json, csv, title, {"period": period}, source=SRC_CENSUS_MONTHLY)


_SPLIT_HEADS = {"period": "月份", "inventories": "库存", "sales": "销售", "ratio": "存销比",
                "change": "同比变化", "inventory_pp": "库存贡献", "sales_pp": "销售贡献"}


@trade_app.command("inventory", help="Inventory/sales ratio: level, percentile within a window, "
                   "year-on-year change; with --inventories and --sales (or --sample), the change "
                   "split into inventory and sales parts.")
def inventory_cmd(
    since: str = typer.Option("2020-01", help="Percentile window start, YYYY-MM."),
    data: Path = typer.Option(None, "--data", help="FRED CSV of the ratio (default: bundled "
                              "ISRATIO)."),
    inventories: Path = typer.Option(None, help="FRED CSV of inventories (e.g. BUSINV)."),
    sales: Path = typer.Option(None, help="FRED CSV of sales (e.g. TOTBUSSMSA)."),
    sample: bool = typer.Option(False, "--sample", help="Split the change on the bundled FRED "
                                "BUSINV and TOTBUSSMSA (2000-01..2022-09)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    if sample and (inventories or sales):
        raise DataError("--sample splits the bundled series: give it without --inventories/--sales")
    if sample:
        inventories, sales = T.DATA_DIR / "fred_BUSINV.csv", T.DATA_DIR / "fred_TOTBUSSMSA.csv"
    if inventories or sales:
        if not (inventories and sales):
            raise DataError("give both --inventories and --sales (or --sample for the bundled pair)")
        df = T.yoy_split(T.load_fred_csv(inventories), T.load_fred_csv(sales))
        shown = df.tail(24)
        # the parts are shares of the ratio's change, so they are in the ratio's unit, not points
        level = "百万美元" if sample else "原文件单位"
        units = {"inventories": level, "sales": level, "ratio": "倍", "change": "倍",
                 "inventory_pp": "倍", "sales_pp": "倍"}
        if not as_json:  # short Chinese headers: seven columns in 80 characters, none cut
            shown = shown.rename(columns=_SPLIT_HEADS)
            units = {_SPLIT_HEADS[k]: u for k, u in units.items()}
        source = (SRC_FRED_SAMPLE if sample else f"{inventories.name}、{sales.name}")
        _emit(shown, as_json, csv, f"库存/销售比同比变化拆分为库存、销售两部分（倍；"
              f"{df['period'].iloc[-len(shown)]}～{df['period'].iloc[-1]}，屏幕显示最近24个月）",
              full=df, digits=4, units=units, source=source)
        return
    since = _month(since, "--since")
    ratio = T.load_fred_csv(data) if data else T.load_fred_csv()
    df = T.ratio_percentile(ratio, since)
    source = "FRED ISRATIO（美国企业总库存/销售比）" if data is None else str(data)
    shown = df.tail(24)
    title = (f"库存/销售比（倍；分位数窗口 {since} 起；显示 {shown['period'].iloc[0]}～"
             f"{shown['period'].iloc[-1]}）")
    if chart:
        _charted(T.chart_inventory(df, chart, since, source=f"数据来源：{source}；macrodesk 计算"))
    _emit(shown, as_json, csv, title, T.inventory_summary(ratio, since), full=df,
          units={"ratio": "倍", "yoy_change": "倍", "pct_rank": "分位(%)"}, source=source)


_RESPONSE_HEADS = {"etr_before": "前税率", "growth_before": "前增速", "etr_after": "后税率",
                   "growth_after": "后增速", "d_etr": "税率变化", "d_growth": "增速变化"}


@trade_app.command("response", help="OLS slope of the change in import growth on the change in "
                   "the effective rate across groups, with standard errors; --sample runs it on "
                   "the bundled US imports and duties by NAICS-3 industry, 2024-01..2025-10.")
def response_cmd(
    data: Path = typer.Argument(None, help="Panel (group, period, imports, duty) or a table with "
                                "d_etr and d_growth columns."),
    group: str = typer.Option("partner", help="Group column (partner, chapter; naics with "
                              "--sample)."),
    before: str = typer.Option(None, help="Before window FROM:TO (YYYY-MM:YYYY-MM; with --sample "
                               "default 2025-01:2025-03)."),
    after: str = typer.Option(None, help="After window FROM:TO (with --sample default "
                              "2025-07:2025-09)."),
    weighted: bool = typer.Option(False, help="Weight groups by after-window imports (WLS)."),
    sample: bool = typer.Option(False, "--sample", help="Use the bundled panel: US imports for "
                                "consumption and calculated duties by NAICS-3 industry and month."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT, chart: Path = CHART_OPT,
) -> None:
    if sample == (data is not None):
        raise DataError("give a panel file or --sample (the bundled panel), one of the two")
    if sample:
        table = T.load_sample_panel()
        group = "naics"
        before = before or ":".join(T.SAMPLE_WINDOWS[0])
        after = after or ":".join(T.SAMPLE_WINDOWS[1])
    else:
        table = T.read_table(data)
    if not {"d_etr", "d_growth"} <= set(table.columns):
        if not (before and after):
            raise DataError("a panel needs --before and --after windows", source=str(data))
        windows = [tuple(w.split(":", 1)) for w in (before, after)]
        if any(len(w) != 2 for w in windows):
            raise DataError("windows are FROM:TO, e.g. 2024-04:2024-09")
        for flag, w in zip(("--before", "--after"), windows, strict=True):
            for m in w:
                _month(m, flag)
        table = T.response_table(table, group, windows[0], windows[1])
    res = T.import_response(table, weight="imports_after" if weighted else None)
    # the user's panel: name it, not the bundled sources
    source = SRC_NAICS_SAMPLE if sample else str(data)
    fit = "WLS" if weighted else "OLS"
    if sample:
        title = (f"进口响应回归（按 NAICS 三位数行业，{fit}；美国消费进口与计算关税；"
                 f"前 {before} / 后 {after}，增速为对上年同月同比）")
    else:
        title = (f"进口响应回归（{group}，{fit}"
                 + (f"，前 {before} / 后 {after}" if before and after else "") + "）")
    if chart:
        _charted(T.chart_response(res, chart, group, title=title,
                                  source=f"数据来源：{source}；macrodesk 计算"))
    extra = {k: v for k, v in res.to_dict().items() if k != "table"}
    units = {"d_etr": "个百分点", "d_growth": "个百分点", "etr_before": "%", "etr_after": "%",
             "growth_before": "%", "growth_after": "%"}
    money = {"imports_after", "imports_before"} & set(res.table.columns)
    if as_json:
        _emit(res.table, as_json, csv, title, extra, units=units, money=money, source=source)
        return
    # on screen: names for codes, short Chinese headers, and the import values left to the CSV and
    # JSON, so that the seven columns fit 80 characters without cutting a number or a header
    names = T.group_names(group)
    shown = res.table
    if names and group in shown:
        shown = shown.assign(**{group: [names.get(str(v), str(v)) for v in shown[group]]})
    shown = shown.rename(columns=_RESPONSE_HEADS)
    _emit(shown, as_json, csv, title, extra, full=res.table,
          units={_RESPONSE_HEADS.get(k, k): u for k, u in units.items()},
          money={_RESPONSE_HEADS.get(k, k) for k in money},
          hidden={_RESPONSE_HEADS.get(k, k) for k in money}, source=source)


@trade_app.command("census", help="Download US imports for a month from the Census trade API "
                   "(CENSUS_API_KEY), chapter by chapter, cached as Parquet; prints the month's "
                   "imports and duties by partner (亿美元), largest first.")
def census_cmd(
    month: str = typer.Argument(..., help="YYYY-MM"),
    level: str = typer.Option("HS10", help="HS2, HS4, HS6 or HS10."),
    chapters: str = typer.Option(None, help="Comma-separated chapters (default all)."),
    save: Path = typer.Option(None, "--out", help="Write the table here (.parquet or .csv)."),
    top: int = typer.Option(15, help="Partners shown on screen."),
    as_json: bool = JSON_OPT,
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
    console.print(f"{len(df)} rows, {client.requests} requests" + (f"; wrote {save}" if save else ""))
    if {"CTY_CODE", "I_COMMODITY", "CON_VAL_MO", "CAL_DUT_MO"} <= set(df.columns):
        _emit(census_by_partner(df, top), as_json, None,
              f"美国 {month} 进口与计算关税（消费口径，{level} 汇总到国别，前 {top} 位）",
              {"period": month}, money={"imports", "duty"}, source="美国人口普查局国际贸易 API")


def census_by_partner(df: pd.DataFrame, top: int) -> pd.DataFrame:
    """The month's Census rows summed by partner (named), largest `top` first: imports and
    calculated duties in dollars and their ratio in %."""
    from macrodesk.trade.data import partner_names

    detail = T.census_to_detail(df)
    g = detail.groupby("partner")[["imports", "duty"]].sum().sort_values("imports", ascending=False)
    g = g.head(top).reset_index()
    g["etr_pct"] = 100 * g["duty"] / g["imports"].where(g["imports"] > 0)
    names = partner_names()
    g["partner"] = [names.get(str(c), str(c)) for c in g["partner"]]
    return g


@trade_app.command("fred", help="Download a FRED series (CSV without a key, JSON API with "
                   "FRED_API_KEY), cached as Parquet.")
def fred_cmd(
    series: str = typer.Argument(..., help="Series id, e.g. ISRATIO, BUSINV, TOTBUSSMSA."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT,
) -> None:
    s = T.FredClient().series(series)
    df = s.rename("value").rename_axis("period").reset_index()
    shown = df.tail(24) if not (as_json or csv) else df
    _emit(shown, as_json, csv, f"FRED {series}（{shown['period'].iloc[0]}～"
          f"{shown['period'].iloc[-1]}）", full=df, source=f"FRED {series}")


@trade_app.command("check", help="数据核对: recompute the tariff-rate and air-share figures "
                   "quoted in articles. Exit 0 read (found or not), 2 nothing readable.")
def check_cmd(
    paths: list[Path] = typer.Argument(..., help=f"Article files ({formats()})."),
    year: int = typer.Option(None, help="Year for dates written without one (default: the "
                             "article's publication year)."),
    as_json: bool = JSON_OPT, csv: Path = CSV_OPT,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    from macrodesk.readers import read_article

    found, failed = [], 0
    with progress("trade check", len(paths), quiet) as step:
        for p in paths:
            step(str(p))
            try:
                art = read_article(p)
            except MacrodeskError as exc:
                failed += 1
                console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
                continue
            y = year or (art.published.year if art.published else None)
            found += [(art.label, c) for c in T.datacheck(art.sentences, default_year=y)]
    if csv:
        cols = ["article", *T.DataCheck.model_fields]
        write_csv(csv, cols, ([label, *c.model_dump().values()] for label, c in found))
    if as_json:
        rows = [{"article": label, **c.model_dump()} for label, c in found]
        out.print_json(json.dumps(rows, ensure_ascii=False))
    else:
        for label, c in found:
            out.print(f"- [{label}] {c.line()}", highlight=False, soft_wrap=True)
        if not found and failed < len(paths):
            console.print(f"no tariff-rate or air-share figure found in {len(paths) - failed} "
                          "article(s); nothing to recompute", highlight=False)
    if failed == len(paths):
        raise typer.Exit(2)
