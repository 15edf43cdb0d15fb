"""`macrodesk check`: re-derive the arithmetic of articles and say which relations hold."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from macrodesk.audit import check_files
from macrodesk.cli import app, fail, out, warn
from macrodesk.errors import InputError, MacrodeskError

_STYLE = {"consistent": "green", "inconsistent": "bold red", "unverifiable": "yellow"}


@app.command(help="Re-derive the arithmetic an article states (changes, growth, CAGR, gaps, sums, "
                  "shares, explicit expressions) and report which relations hold, which do not "
                  "and which cannot be verified.")
def check(
    articles: list[Path] = typer.Argument(..., help="Article files (.md, .txt, .html)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: checks and summary."),
    show_all: bool = typer.Option(False, "--all", help="List consistent relations too."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any relation is inconsistent."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar on batches."),
) -> None:
    try:
        # a progress bar on stderr for batches at a terminal; never mixed into --json output
        err = Console(stderr=True)
        with Progress(console=err, transient=True,
                      disable=quiet or as_json or len(articles) < 2 or not err.is_terminal) as bar:
            task = bar.add_task("checking", total=len(articles))
            report = check_files(articles, progress=lambda done, _total: bar.update(task, completed=done))
        if report.articles == 0:
            raise InputError("no article could be read: " + "; ".join(report.failures),
                             hint="pass .md, .txt or .html files that exist")
    except MacrodeskError as exc:
        raise fail(exc) from exc
    for failure in report.failures:
        warn(failure)
    if as_json:
        out.print_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        table = Table(title="macrodesk check", show_lines=True)
        for col in ("verdict", "kind", "relation", "computed", "sentence"):
            table.add_column(col, overflow="fold")
        for c in report.checks:
            if c.verdict == "consistent" and not show_all:
                continue
            computed = c.computed + (f" (gap {c.gap:g})" if c.gap else "") if c.computed else c.note
            table.add_row(f"[{_STYLE[c.verdict]}]{c.verdict}[/]", c.kind, c.relation, computed,
                          f"{c.article} ¶{c.paragraph}: {c.sentence}")
        s = report.summary()
        out.print(table)
        out.print(f"{s['articles']} article(s), {s['checks']} relation(s): "
                  f"[green]{s['consistent']} consistent[/], [bold red]{s['inconsistent']} "
                  f"inconsistent[/], [yellow]{s['unverifiable']} unverifiable[/]")
    if strict and any(c.verdict == "inconsistent" for c in report.checks):
        raise typer.Exit(1)
