"""`macrodesk check`: re-derive the arithmetic of articles and say which relations hold."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from macrodesk.cli import CSV_HELP, app, formats, out, progress, warn, write_csv
from macrodesk.errors import InputError

_STYLE = {"consistent": "green", "inconsistent": "bold red", "unverifiable": "yellow"}


@app.command(help="Re-derive the arithmetic an article states (changes, growth, CAGR, gaps, sums, "
                  "shares, explicit expressions) and report which relations hold, which do not "
                  "and which cannot be verified.")
def check(
    articles: list[Path] = typer.Argument(..., help=f"Article files ({formats()})."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: checks and summary."),
    show_all: bool = typer.Option(False, "--all", help="List consistent relations too."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any relation is inconsistent."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar on batches."),
    csv: Path | None = typer.Option(None, "--csv", help=CSV_HELP + " Every relation, consistent ones too."),
    workers: int | None = typer.Option(None, "--workers", min=1,
                                       help="Processes that share a batch (default: one per CPU)."),
) -> None:
    from macrodesk.audit import check_files
    # a progress bar on stderr for batches; never mixed into --json output
    with progress("checking", len(articles), quiet=quiet or as_json) as step:
        report = check_files(articles, progress=lambda done, _total: step(""), workers=workers)
    if report.articles == 0:
        raise InputError("no article could be read: " + "; ".join(report.failures),
                         hint=f"pass files that exist, in one of: {formats()}")
    for failure in report.failures:
        warn(failure)
    if csv:
        cols = ("article", "paragraph", "verdict", "kind", "relation", "stated", "computed", "gap",
                "note", "sentence")
        write_csv(csv, cols, ([getattr(c, k) for k in cols] for c in report.checks))
    if as_json:
        out.print_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        table = Table(title="macrodesk check", show_lines=True, expand=True)
        # the sentence is what a reader checks against: it gets the most of a narrow terminal
        table.add_column("verdict", no_wrap=True, min_width=12)
        table.add_column("kind", no_wrap=True,
                         min_width=max([len(c.kind) for c in report.checks] + [4]))
        for col, ratio in (("relation", 2), ("computed", 2), ("sentence", 5)):
            table.add_column(col, overflow="fold", ratio=ratio)
        for c in report.checks:
            if c.verdict == "consistent" and not show_all:
                continue
            computed = c.computed + (f" (gap {c.gap:g})" if c.gap else "") if c.computed else c.note
            table.add_row(f"[{_STYLE[c.verdict]}]{c.verdict}[/]", c.kind, c.relation, computed,
                          f"{c.article} ¶{c.paragraph}: {c.sentence}")
        s = report.summary()
        if table.row_count:
            out.print(table)
        else:
            out.print("nothing to show: " + ("no relation found to check" if not report.checks
                      else "every relation is consistent (--all lists them)"), highlight=False)
        out.print(f"{s['articles']} article(s), {s['checks']} relation(s): "
                  f"[green]{s['consistent']} consistent[/], [bold red]{s['inconsistent']} "
                  f"inconsistent[/], [yellow]{s['unverifiable']} unverifiable[/]")
    if strict and any(c.verdict == "inconsistent" for c in report.checks):
        raise typer.Exit(1)
