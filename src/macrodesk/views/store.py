"""Forecasts in the archive: written beside each article as it is stored, read back by
indicator and period, and re-extracted for archives made before extraction existed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from macrodesk.models import Article
from macrodesk.segment import segment
from macrodesk.views.extract import Forecast, article_forecasts

_COLUMNS = ("article_id", "who", "indicator", "region", "period", "value", "low", "high", "unit",
            "direction", "figure", "published", "source", "sentence_id", "quote")


def forecast_rows(article: Article) -> list[tuple]:
    """The article's forecasts as rows of the forecasts table (made where the article was read:
    its sentences are at hand there, and the writer then only inserts)."""
    if not article.sentences and article.text:
        article = article.model_copy(update={"sentences": segment(article.text, article.id, article.title)[1]})
    return [tuple(getattr(f, c) for c in _COLUMNS) for f in article_forecasts(article)]


def save_forecasts(db: sqlite3.Connection, article: Article, rows: list[tuple] | None = None) -> int:
    """Insert the article's forecasts (inside the caller's transaction); `rows` are
    forecast_rows(article) when a worker made them already."""
    if rows is None:
        rows = forecast_rows(article)
    if rows:
        db.executemany(f"INSERT INTO forecasts ({', '.join(_COLUMNS)}) VALUES "
                       f"({', '.join('?' * len(_COLUMNS))})", rows)
    return len(rows)


def load_forecasts(db: sqlite3.Connection, indicator: str | None = None, *, period: str | None = None,
                   since: str | None = None, until: str | None = None) -> list[Forecast]:
    """Stored forecasts, oldest publication first; `indicator` may be a key or a display name,
    `period` matches a period and the periods it starts (2026 matches 2026H2 and 2026-03)."""
    sql, args = f"SELECT {', '.join(_COLUMNS)} FROM forecasts WHERE 1=1", []
    if indicator:
        sql += " AND (indicator = ? OR indicator = ?)"
        args += [indicator, _key_of(indicator)]
    if period:
        sql += " AND period LIKE ?"
        args.append(f"{period}%")
    if since:
        sql += " AND published >= ?"
        args.append(since)
    if until:
        sql += " AND published <= ?"
        args.append(until)
    sql += " ORDER BY published, id"
    rows = db.execute(sql, args).fetchall()
    return [Forecast(**dict(zip(_COLUMNS, tuple(r), strict=True))) for r in rows]


def _key_of(name: str) -> str:
    from macrodesk.views.extract import indicators

    for key, ind in indicators().items():
        if name in (key, ind.zh) or name.upper() == key.upper():
            return key
    return name


def backfill(store, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Extract the forecasts of every archived article again (replacing stored ones): for
    archives made before extraction existed, or after the extractor improved.
    Returns (articles, forecasts)."""
    db: sqlite3.Connection = store.db
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY rowid")]
    found = 0
    with db:
        db.execute("DELETE FROM forecasts")
        for i, aid in enumerate(ids, 1):
            art = store.get(aid)
            if art is not None:
                found += save_forecasts(db, art)
            if progress:
                progress(i, len(ids))
    return len(ids), found
