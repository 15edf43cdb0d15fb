"""`macrodesk etf`: look up the verified ETF registry by theme or by code."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table

from macrodesk.cli import CSV_HELP, app, fail, out, write_csv
from macrodesk.errors import DataError, MacrodeskError
from macrodesk.etf import Fund, etfs_for_theme, lookup
from macrodesk.lexicon import find_themes, themes

_COLUMNS = ("code", "exchange", "name", "index", "themes")


def _table(funds: list[Fund], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for col in _COLUMNS:
        table.add_column(col)
    for f in funds:
        table.add_row(f.code, f.exchange, f.name, f.index, ", ".join(f.themes))
    return table


@app.command(help="Look up ETFs: a theme (key such as solar, or a word such as 光伏) lists its funds, "
                  "purest first; a code or ticker shows that fund. No argument lists the themes.")
def etf(
    query: str = typer.Argument("", help="Theme key, theme word, 6-digit code or US ticker."),
    market: str = typer.Option("", "--market", "-m", help="Only this market: cn or us."),
    as_json: bool = typer.Option(False, "--json", help="Print the funds as JSON."),
    csv: Path | None = typer.Option(None, "--csv", help=CSV_HELP),
) -> None:
    if market not in ("", "cn", "us"):
        raise fail(MacrodeskError(f"--market must be cn or us, not {market!r}"))
    taxonomy = themes()
    if not query:
        for name, t in taxonomy.items():
            note = f"  (no {'/'.join(t.no_fund)} fund)" if t.no_fund else ""
            out.print(f"{name:26} {t.zh}{note}", highlight=False)
        return
    fund = lookup(query)
    if fund is not None:
        for label, value in (("code", fund.code), ("exchange", fund.exchange), ("name", fund.name),
                             ("short name", fund.short_name), ("tracks", fund.index),
                             ("asset class", fund.asset_class), ("themes", ", ".join(fund.themes)),
                             ("source", f"{fund.source}, as of {fund.as_of}")):
            if value:
                out.print(f"{label:12} {value}", highlight=False, markup=False, soft_wrap=True)
        return
    key = query if query in taxonomy else next((h.theme for h in find_themes(query)), None)
    if key is None:
        raise fail(DataError(f"{query!r} is neither a registered fund nor a theme; "
                             "run `macrodesk etf` for the theme list"), 1)
    funds = etfs_for_theme(key, market or None)  # type: ignore[arg-type]
    if not funds:
        out.print(f"no registered {market or ''} fund tracks {key} ({taxonomy[key].zh})", highlight=False)
        raise typer.Exit(1)
    if csv:
        write_csv(csv, _COLUMNS, ([f.code, f.exchange, f.name, f.index, ", ".join(f.themes)] for f in funds))
    if as_json:
        out.print_json(json.dumps({"theme": key, "theme_zh": taxonomy[key].zh,
                                   "funds": [asdict(f) for f in funds]}, ensure_ascii=False,
                                  default=list))
        return
    out.print(_table(funds, f"{key} ({taxonomy[key].zh}), purest play first"))
