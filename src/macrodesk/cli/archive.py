"""`macrodesk archive remove`: take a stored article out of the archive (a poisoned or unwanted
one), so that the day's post is built from the others."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from macrodesk.cli import app, console, fail
from macrodesk.errors import MacrodeskError, StoreError

archive_app = typer.Typer(help="Manage the archive: remove a stored article.", no_args_is_help=True)
app.add_typer(archive_app, name="archive")


@archive_app.command(help="Remove stored articles by id (as `macrodesk list` and `search` show "
                          "them), with their search index rows. Ingesting their files again "
                          "does not bring them back.")
def remove(
    ids: list[str] = typer.Argument(..., help="Article ids."),
    archive: Path | None = typer.Option(None, help="Archive file (default: under MACRODESK_HOME)."),
) -> None:
    from macrodesk.archive import open_store
    from macrodesk.config import load_config

    try:
        backend = str(load_config().section("store").get("backend", "sqlite"))
        store = open_store(backend, archive)
    except MacrodeskError as exc:
        raise fail(exc) from exc
    missing = []
    try:
        for article_id in ids:
            article = store.get(article_id)
            if store.remove(article_id):
                title = article.title if article else ""
                console.print(f"removed {escape(article_id)} “{escape(title)}”", highlight=False,
                              soft_wrap=True)
            else:
                missing.append(article_id)
    except MacrodeskError as exc:
        raise fail(exc) from exc
    finally:
        store.close()
    if missing:
        raise fail(StoreError(f"no stored article with id {', '.join(missing)}",
                              hint="`macrodesk list` or `macrodesk search` show the ids"))
