"""`macrodesk digest`: articles in, the daily research post out."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from macrodesk.cli import app, fail, out, warn
from macrodesk.config import load_config
from macrodesk.digest import make_post, record_usage, write_post
from macrodesk.errors import MacrodeskError
from macrodesk.readers import read_articles


@app.command(help="Digest one or more articles (or a day of the archive) into the research post.")
def digest(
    articles: list[Path] = typer.Argument(None, help="Article files (.txt, .md, .html, .pdf)."),
    date: str = typer.Option(None, "--date", help="Post date YYYY-MM-DD (default: today). Without "
                             "ARTICLES, digest that day's archived articles."),
    tz: str = typer.Option(None, "--tz", help="UTC offset for the front matter, e.g. +0800."),
    output: Path = typer.Option(None, "-o", "--output", help="Write the post here (file or folder); "
                                "stdout when absent."),
    engine: str = typer.Option(None, "--engine", help="extractive (embedded, default) or llm."),
    model: str = typer.Option(None, "--model", help="Model name for --engine llm."),
    no_fallback: bool = typer.Option(False, "--no-fallback", help="With --engine llm: fail instead "
                                     "of falling back to the embedded engine."),
    as_json: bool = typer.Option(False, "--json", help="Print the digest as structured data."),
    force: bool = typer.Option(False, "--force", help="Write even if the checker finds defects or "
                               "the sources hold fewer than ten facts."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show engine warnings and costs."),
    datacheck: bool = typer.Option(False, "--datacheck", help="Add a 数据核对 block: tariff and "
                                   "trade figures the articles quote, recomputed from public data."),
    cite: bool = typer.Option(None, "--cite/--no-cite", help="Footnote each of the ten items "
                              "with its source sentence and link, and list the sources at the end "
                              "(default: \\[publish] cite)."),
    config_file: Path = typer.Option(None, "--config", help="TOML config file."),
) -> None:
    try:
        cfg = load_config(config_file)
        if cite is None:
            cite = bool(cfg.section("publish").get("cite", False))
        if engine == "llm" or (engine is None and cfg.engine == "llm"):
            llm = cfg.sections.setdefault("llm", {})
            if model:
                llm["model"] = model
            if no_fallback:
                llm["no_fallback"] = True
            llm["verbose"] = verbose
        if articles:
            batch = read_articles(articles, cfg.max_file_bytes)
            for err in batch.failures:
                warn(str(err))
            docs = batch.articles
        elif date:
            from macrodesk.archive import open_store

            docs = open_store().articles_for_date(date)
        else:
            raise typer.BadParameter("give article files, or --date to digest a day of the archive")
        if not docs:
            raise fail(MacrodeskError("no readable article", hint="see the errors above"), 2)
        result = make_post(docs, date=date, tz=tz, engine=engine, config=cfg, allow_short=force,
                           datacheck=datacheck, cite=cite)
        record_usage(result)
    except MacrodeskError as exc:
        raise fail(exc) from None
    for w in result.digest.warnings:
        warn(w)
    if result.findings:
        for f in result.findings:
            warn(f"checker: line {f.line}: {f.message}")
        if not force:
            raise fail(MacrodeskError(f"the post fails the checker ({len(result.findings)} defects); "
                                      "nothing written", hint="fix the sources or pass --force"), 1)
    if as_json:
        out.print_json(json.dumps(result.digest.model_dump(mode="json"), ensure_ascii=False))
    elif output:
        path = write_post(result.post, output)
        out.print(f"post written to {path}")
    else:
        typer.echo(result.post.text, nl=False)
    if articles and len(docs) < len(articles):
        raise typer.Exit(1)  # the post was made, but not from every file asked for
