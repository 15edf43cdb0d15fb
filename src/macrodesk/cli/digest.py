"""`macrodesk digest`: articles in, the daily research post out."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from macrodesk.cli import app, fail, formats, out, warn
from macrodesk.config import load_config
from macrodesk.errors import MacrodeskError


@app.command(help="Digest one or more articles (or a day of the archive) into the research post. "
                  "Exit 0 post made, 1 made from only some files or it fails the checker (nothing "
                  "written), 2 unusable input, 3 nothing archived for --date.")
def digest(
    articles: list[Path] = typer.Argument(None, help=f"Article files ({formats()})."),
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
    from macrodesk.digest import make_post, record_usage, write_post
    from macrodesk.readers import read_articles

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
        from macrodesk.cli.ingest import open_archive

        store, _ = open_archive(None, must_exist=True)
        try:
            docs = store.articles_for_date(date)
        finally:
            store.close()
        if not docs:
            raise fail(MacrodeskError(f"nothing archived for {date}; no post made",
                                      hint="`macrodesk list --date DAY` shows a day's articles; "
                                           "`macrodesk ingest` adds some"), 3)
    else:
        raise typer.BadParameter("give article files, or --date to digest a day of the archive")
    if not docs:
        raise fail(MacrodeskError("no article could be read (each failure is above); no post made"))
    result = make_post(docs, date=date, tz=tz, engine=engine, config=cfg, allow_short=force,
                       datacheck=datacheck, cite=cite)
    record_usage(result)
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
        try:
            path = write_post(result.post, output)
        except MacrodeskError as exc:  # a full disk or a read-only folder: one line, exit 2
            raise fail(exc) from None
        out.print(f"post written to {path}")
    else:
        typer.echo(result.post.text, nl=False)
    if articles and len(docs) < len(articles):
        raise typer.Exit(1)  # the post was made, but not from every file asked for
