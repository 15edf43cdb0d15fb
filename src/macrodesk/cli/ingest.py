"""`macrodesk ingest`, `search` and `list`: sources into the archive, and the archive back out."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from macrodesk.archive import ARCHIVE_NAME, MARK_CLOSE, MARK_OPEN, open_store
from macrodesk.cli import app, console, out, warn
from macrodesk.config import home, load_config
from macrodesk.errors import StoreError


def open_archive(archive: Path | None, *, must_exist: bool = False):
    """The archive; a read (`must_exist`) of an archive that was never made says so and how to
    make one, instead of creating an empty file and finding nothing in it."""
    cfg = load_config()
    backend = str(cfg.section("store").get("backend", "sqlite"))
    if must_exist and backend == "sqlite":
        path = archive or home() / ARCHIVE_NAME
        if not Path(path).exists():
            raise StoreError("there is no archive yet", source=str(path),
                             hint="make one with `macrodesk ingest FILES_OR_URLS...`"
                                  + ("" if archive else "; MACRODESK_HOME sets its folder"))
    return open_store(backend, archive), cfg


@app.command(help="Read files, folders, page URLs and RSS/Atom feed URLs into the archive. "
                  "Re-running skips what is stored and retries what failed.")
def ingest(
    sources: list[str] = typer.Argument(..., help="Files, folders (recursive), URLs or feed URLs."),
    concurrency: int = typer.Option(4, "--concurrency", "-j", min=1, max=32,
                                    help="Sources fetched and read at the same time."),
    timeout: float = typer.Option(20.0, help="Seconds to wait for a server before giving up."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    from macrodesk.archive.batch import ingest_sources

    store, cfg = open_archive(archive)
    try:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), TextColumn("{task.description}"),
                      console=console, disable=quiet, transient=True) as bar:
            job = bar.add_task("", total=None)

            def progress(done: int, total: int, label: str) -> None:
                bar.update(job, completed=done, total=total, description=escape(label[-60:]))

            report = ingest_sources(sources, store, concurrency=concurrency, timeout=timeout,
                                    max_bytes=cfg.max_file_bytes, progress=progress)
    finally:
        store.close()
    for dup in report.duplicates:
        console.print(f"duplicate: {escape(dup.source)} repeats {dup.kept_id} "
                      f"“{escape(dup.kept_title)}” (similarity {dup.similarity:.2f}); kept {dup.kept_id}",
                      highlight=False, soft_wrap=True)
    for err in report.failures:
        warn(escape(str(err)))
    console.print(f"{len(report.added)} added, {len(report.duplicates)} duplicates, "
                  f"{len(report.skipped)} already stored, {len(report.failures)} failed",
                  highlight=False)
    if report.failures and not (report.added or report.duplicates or report.skipped):
        raise typer.Exit(2)


@app.command(help="Search the archive (Chinese or English words; each word an exact phrase): "
                  "ranked hits with snippets. Exit 0 hits, 1 no match, 2 no archive yet.")
def search(
    query: str = typer.Argument(..., help="Words to find, e.g. 关税 降息."),
    since: str | None = typer.Option(None, help="Only articles of this day or later (YYYY-MM-DD)."),
    source: str | None = typer.Option(None, help="Only articles whose site, URL or path contains this."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=200, help="How many hits."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
) -> None:
    store, _ = open_archive(archive, must_exist=True)
    try:
        hits = store.search(query, since=since, source=source, limit=limit)
    finally:
        store.close()
    if not hits:
        console.print("no matches")
        raise typer.Exit(1)
    for i, h in enumerate(hits, 1):
        snippet = escape(h.snippet).replace(MARK_OPEN, "[bold yellow]").replace(MARK_CLOSE, "[/]")
        where = h.source or h.url or h.path
        out.print(f"[bold]{i}. {escape(h.title)}[/]  [dim]{h.day} · {escape(where)} · {h.article_id}[/]",
                  highlight=False, soft_wrap=True)
        out.print(f"   {snippet}", highlight=False, soft_wrap=True)


@app.command(name="list", help="List the archived articles of one day (Beijing time). Exit 0 "
                               "articles listed, 1 none that day, 2 no archive yet.")
def list_(
    date: str = typer.Option(..., "--date", "-d", help="The day, YYYY-MM-DD."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
) -> None:
    store, _ = open_archive(archive, must_exist=True)
    try:
        rows = store.list_date(date)
    finally:
        store.close()
    for r in rows:
        when = (r["published"] or "")[11:16] or "--:--"
        where = r["source"] or r["url"] or r["path"]
        out.print(f"{r['id']}  {when}  {escape(r['title'])}  [dim]{escape(where)} · "
                  f"{r['chars']} chars[/]", highlight=False, soft_wrap=True)
    console.print(f"{len(rows)} article(s) on {date}")
    if not rows:
        raise typer.Exit(1)  # as `search` with no match: nothing to show is not success
