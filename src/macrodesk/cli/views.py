"""`macrodesk views` and `macrodesk ledger`: who forecasts what, and how past calls fared."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from macrodesk.cli import CSV_HELP, app, console, fail, out, write_csv
from macrodesk.errors import MacrodeskError


def _open(archive: Path | None):
    from macrodesk.cli.ingest import open_archive

    return open_archive(archive, must_exist=True)[0]


def _fmt(x: float | None, nd: int = 2) -> str:
    return "—" if x is None else f"{x:.{nd}f}".rstrip("0").rstrip(".")


@app.command(help="Who expects what for one indicator (GDP, CPI, exports, us_tariff_rate, "
                  "美国有效关税率, sector:semiconductors…): range, median, outliers, dates. "
                  "--backfill extracts the forecasts of articles archived before.")
def views(
    indicator: str | None = typer.Argument(None, help="Indicator key or name; omit to list all."),
    period: str | None = typer.Option(None, help="Target period: 2026, 2026H2, 2026Q3, 2026-01."),
    since: str | None = typer.Option(None, help="Only articles published on or after (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    csv: Path | None = typer.Option(None, "--csv", help=CSV_HELP + " One row per forecast."),
    chart: Path | None = typer.Option(None, help="Write a chart of the forecasts (PNG and SVG)."),
    backfill: bool = typer.Option(False, "--backfill", help="Extract forecasts of every archived "
                                  "article again (archives made before extraction existed)."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
) -> None:
    from macrodesk.views.consensus import group_forecasts, period_label
    from macrodesk.views.extract import indicator_label
    from macrodesk.views.store import backfill as run_backfill
    from macrodesk.views.store import load_forecasts

    try:
        store = _open(archive)
    except MacrodeskError as exc:
        raise fail(exc) from exc
    try:
        if backfill:
            with Progress(TextColumn("[bold]views"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=console, transient=True) as bar:
                job = bar.add_task("", total=None)
                n, found = run_backfill(store, lambda d, t: bar.update(job, completed=d, total=t))
            console.print(f"{found} forecasts in {n} archived articles")
            if not indicator:
                return
        found_fc = load_forecasts(store.db, indicator, period=period, since=since)
    finally:
        store.close()
    groups = group_forecasts(found_fc)
    if csv:
        cols = ("indicator", "region", "period", "published", "who", "figure", "value", "low", "high",
                "unit", "direction", "outlier", "source")
        write_csv(csv, cols, ([g.label, g.region, f.period, f.published, f.who, f.figure, f.value, f.low,
                               f.high, f.unit, f.direction, any(f is o for o in g.outliers), f.source]
                              for g in groups for f in g.forecasts))
    if as_json:
        out.print_json(json.dumps([g.to_dict() for g in groups], ensure_ascii=False))
        return
    if not groups:
        console.print("no forecasts found" + (f" for {indicator}" if indicator else "")
                      + ("; run `macrodesk views --backfill` on an older archive" if not since else ""))
        raise typer.Exit(1)
    for g in groups:
        outl = {id(f) for f in g.outliers}
        table = Table(title=f"{g.label} [{g.region}] · {len(g.forecasts)} forecasts · "
                            f"range {_fmt(g.low)}–{_fmt(g.high)} · median {_fmt(g.median)}",
                      title_justify="left", show_lines=False)
        for col in ("published", "who", "figure", "direction", "source"):
            table.add_column(col)
        for f in g.forecasts:
            mark = " [red](outlier)[/]" if id(f) in outl else ""
            table.add_row(f.published, escape(f.who), escape(f.figure or "—") + mark, f.direction or "—",
                          escape(f.source[:40]))
        out.print(table)
    if chart:
        from macrodesk.views.chart import chart_views

        for p in chart_views(groups, chart):
            console.print(f"chart: {p}")
    _ = (indicator_label, period_label)


@app.command(help="Past forecasts whose target period has passed, scored against actual data: "
                  "US tariff rate, imports and inventory ratio from the bundled series; other "
                  "indicators from --actuals; sector calls from --prices.")
def ledger(
    actuals: Path | None = typer.Option(None, help="CSV date,series,value of actual data "
                                        "(series = indicator key, or REGION:key)."),
    prices: Path | None = typer.Option(None, help="CSV date,series,value of closing prices "
                                       "(series = theme key or ETF code, plus the index)."),
    index: str = typer.Option("000300", help="The broad index series in --prices."),
    indicator: str | None = typer.Option(None, help="Only this indicator."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    csv: Path | None = typer.Option(None, "--csv", help=CSV_HELP + " One row per scored call."),
    today: str | None = typer.Option(None, help="Score as of this day (default: today)."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
) -> None:
    from macrodesk.views.ledger import build_ledger, source_name

    try:
        store = _open(archive)
        try:
            led = build_ledger(store, actuals_csv=actuals, prices_csv=prices, index=index,
                               indicator=indicator, today=date.fromisoformat(today) if today else None)
        finally:
            store.close()
    except MacrodeskError as exc:
        raise fail(exc) from exc
    if csv:
        write_csv(csv, ("published", "source", "indicator", "period", "forecast", "actual", "returns",
                        "error", "hit"),
                  ([s.forecast.published, source_name(s.forecast), s.forecast.indicator, s.forecast.period,
                    s.forecast.figure or s.forecast.direction or "", s.actual,
                    "; ".join(f"{k} {v:+.2f}" for k, v in s.returns.items()), s.error, s.hit]
                   for s in led.scores))
    if as_json:
        out.print_json(json.dumps(led.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"{len(led.scores)} scored calls ({led.pending} pending)", title_justify="left")
    for col in ("published", "source", "indicator", "period", "forecast", "actual", "error", "hit"):
        table.add_column(col)
    for s in led.scores:
        f = s.forecast
        fc = f.figure or f.direction or ""
        actual = _fmt(s.actual) if s.actual is not None else ", ".join(f"{k} {v:+.1f}" for k, v in s.returns.items())
        table.add_row(f.published, escape(source_name(f)[:30]), f.indicator, f.period or "—", escape(fc),
                      actual, _fmt(s.error), "—" if s.hit is None else ("hit" if s.hit else "miss"))
    out.print(table)
    per = Table(title="per source", title_justify="left")
    for col in ("source", "calls", "judged", "hit rate", "MAE"):
        per.add_column(col)
    for r in led.sources:
        per.add_row(escape(r.source[:40]), str(r.count), str(r.judged),
                    "—" if r.hit_rate is None else f"{r.hit_rate:.0%}", _fmt(r.mae))
    out.print(per)
