"""The default archive backend: one SQLite file under config.home(), WAL journal, named
migrations, FTS5 over jieba tokens, near-duplicate check on add; writers take the write lock
before they look, so concurrent ingests store each article once."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

from macrodesk.archive import ARCHIVE_NAME, MARK_CLOSE, MARK_OPEN, AddResult, Hit, SourceRecord
from macrodesk.archive.dedupe import (
    NearDuplicateIndex,
    from_bytes,
    paragraph_signature,
    paragraphs_of,
    to_bytes,
)
from macrodesk.archive.fts import despace, fts_query, index_paragraphs, index_text
from macrodesk.archive.migrations import MIGRATIONS, REINDEX
from macrodesk.config import home
from macrodesk.errors import StoreError
from macrodesk.models import Article
from macrodesk.segment import segment
from macrodesk.text.dates import DEFAULT_TZ
from macrodesk.views.store import forecast_rows, save_forecasts

# The FTS table's rank (migration 0002_fulltext: title 5, body 1, extra 0.5), spelled out where
# a query orders by it after a filter instead of through FTS5's own ORDER BY rank.
_RANK = "bm25(articles_fts, 5.0, 1.0, 0.5)"

# How long a writer waits for another process's transaction (a concurrent ingest commits a chunk
# at a time, each well under a second) before it reports the archive as busy.
BUSY_SECONDS = 60.0


@dataclass
class Indexed:
    """What the archive keeps besides the article: the FTS columns and the MinHash values, made
    from one split of the text into lines (in worker processes for large batches)."""

    title: str
    body: str
    extra: str
    minhash: np.ndarray  # uint32, dedupe.NUM_PERM values
    forecasts: list[tuple] | None = None  # views.store.forecast_rows, None: made on add


def index_article(article: Article, *, forecasts: bool = True) -> Indexed:
    """Tokens and fingerprint of one article: each line is cut by jieba once, and its shingles
    are hashed in the same numpy pass as every other line's; with `forecasts`, its forecast rows
    too (from the sentences it carries), so that the writer only inserts."""
    paragraphs = paragraphs_of(article.text)
    body, extra = index_paragraphs(paragraphs)
    return Indexed(" ".join(index_text(article.title)), body, extra, paragraph_signature(paragraphs),
                   forecast_rows(article) if forecasts else None)


def _day_of(article: Article, now: datetime) -> str:
    when = article.published or now
    if when.tzinfo is None:
        when = when.replace(tzinfo=DEFAULT_TZ)
    return when.astimezone(DEFAULT_TZ).date().isoformat()


def _as_day(day: date | str) -> str:
    if isinstance(day, datetime):
        return day.astimezone(DEFAULT_TZ).date().isoformat() if day.tzinfo else day.date().isoformat()
    if isinstance(day, date):
        return day.isoformat()
    text = str(day).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise StoreError(f"not a date: {text!r}", hint="use YYYY-MM-DD") from exc


class SQLiteStore:
    """The default archive: one SQLite file, WAL journal, FTS5 index, near-duplicate check."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else home() / ARCHIVE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_SECONDS)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
            self.db.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the archive: {exc}", source=str(self.path),
                             hint="check the file, or set MACRODESK_HOME to another folder") from exc
        except OSError as exc:
            raise StoreError(f"cannot create the archive folder: {exc.strerror}",
                             source=str(self.path.parent)) from exc
        self._lock = threading.RLock()
        self._near: NearDuplicateIndex | None = None
        self._near_rowid = 0  # the index holds every article up to this rowid
        self._batch = 0  # depth of batch(): inside one, writes commit when it ends
        self._fts_rows: list[tuple] = []  # FTS rows of the open batch, written in bulk

    # -- schema

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT)")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                with self.db:  # one transaction per step: a failed step leaves no half schema
                    if sql == REINDEX:
                        self._reindex()
                    for statement in _statements(sql):
                        self.db.execute(statement)
                    self.db.execute("INSERT INTO migrations VALUES (?, ?)",
                                    (name, datetime.now(UTC).isoformat()))
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc).lower():
                    raise StoreError("this SQLite has no FTS5", source=str(self.path),
                                     hint="use a Python built with SQLite 3.34 or later") from exc
                raise

    def _reindex(self) -> None:
        """Every stored article's FTS row made again from its title and text, the way
        index_article makes it."""
        rows = self.db.execute("SELECT rowid, title, text FROM articles").fetchall()
        for rowid, title, text in rows:
            body, extra = index_paragraphs(paragraphs_of(text))
            self.db.execute("UPDATE articles_fts SET title = ?, body = ?, extra = ? WHERE rowid = ?",
                            (" ".join(index_text(title)), body, extra, rowid))

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writing

    @contextmanager
    def _write(self, commit: bool) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self.db
                if commit and not self._batch:
                    self.db.commit()
            except sqlite3.Error as exc:
                self._abort()
                raise StoreError(f"cannot write to the archive: {exc}", source=str(self.path),
                                 hint="is the disk full, or another process holding the file?") from exc

    def _abort(self) -> None:
        self.db.rollback()
        self._fts_rows.clear()
        self._near = None  # it may hold articles that were rolled back: reload when next needed

    def _begin(self) -> None:
        """Take the write lock before reading what decides a write: another process's article
        committed meanwhile is then seen, never inserted twice (waits up to BUSY_SECONDS)."""
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self._load_near(self._near)

    def _load_near(self, index: NearDuplicateIndex | None) -> None:
        if index is None:
            return
        for row in self.db.execute("SELECT rowid, id, minhash FROM articles WHERE rowid > ?"
                                   " AND minhash IS NOT NULL ORDER BY rowid", (self._near_rowid,)):
            index.add(row["id"], from_bytes(row["minhash"]))
            self._near_rowid = row["rowid"]

    def _near_index(self) -> NearDuplicateIndex:
        if self._near is None:
            self._near_rowid = 0
            index = NearDuplicateIndex()
            self._load_near(index)
            self._near = index
        return self._near

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for many writes (a chunk of an ingest): taken with the write lock,
        FTS rows written in bulk at the end, committed when the block ends, rolled back if it
        raises."""
        with self._lock:
            if self._batch:  # nested: the outer batch commits
                self._batch += 1
                try:
                    yield
                finally:
                    self._batch -= 1
                return
            try:
                self._begin()
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to the archive: {exc}", source=str(self.path),
                                 hint="another process held it too long; run again") from exc
            self._batch = 1
            try:
                yield
                self._batch = 0
                if self._fts_rows:
                    self.db.executemany("INSERT INTO articles_fts (rowid, title, body, extra)"
                                        " VALUES (?,?,?,?)", self._fts_rows)
                    self._fts_rows.clear()
                self.db.commit()
            except sqlite3.Error as exc:
                self._abort()
                raise StoreError(f"cannot write to the archive: {exc}", source=str(self.path),
                                 hint="is the disk full, or another process holding the file?") from exc
            except BaseException:
                self._abort()
                raise
            finally:
                self._batch = 0

    def add(self, article: Article, *, dedupe: bool = True, commit: bool = True,
            indexed: Indexed | None = None) -> AddResult:
        """Store the article once: an exact or near copy of a stored one is not stored again,
        and the result names the copy that was kept. `indexed` is index_article(article) when
        a worker made it already."""
        with self._write(commit) as db:
            self._begin()
            row = db.execute("SELECT id, title FROM articles WHERE content_hash = ? OR id = ?",
                             (article.content_hash or article.id, article.id)).fetchone()
            if row:
                return AddResult("duplicate", article.id, row["id"], row["title"], 1.0)
            idx = indexed or index_article(article)
            sig = idx.minhash
            if dedupe:
                match = self._near_index().find(sig)
                if match:
                    kept = db.execute("SELECT title FROM articles WHERE id = ?", (match.key,)).fetchone()
                    return AddResult("duplicate", article.id, match.key,
                                     kept["title"] if kept else "", round(match.similarity, 3))
            now = datetime.now(DEFAULT_TZ)
            cur = db.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, title, source, author, url, path, language,"
                " published, day, ingested, text, meta, removed, minhash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.content_hash or article.id, article.title, article.source,
                 article.author, article.url, article.path, article.language,
                 article.published.isoformat() if article.published else None,
                 _day_of(article, now), now.isoformat(), article.text,
                 json.dumps(article.meta, ensure_ascii=False),
                 json.dumps(article.removed, ensure_ascii=False), to_bytes(sig)),
            )
            if cur.rowcount == 0:  # a copy came in between (only without the write lock)
                row = db.execute("SELECT id, title FROM articles WHERE content_hash = ? OR id = ?",
                                 (article.content_hash or article.id, article.id)).fetchone()
                return AddResult("duplicate", article.id, row["id"] if row else article.id,
                                 row["title"] if row else "", 1.0)
            rowid = cur.lastrowid
            if rowid is None:  # sqlite3 sets it after every INSERT that adds a row
                raise StoreError("the archive gave the new article no row id",
                                 source=str(self.path))
            fts = (rowid, idx.title, idx.body, idx.extra)
            if self._batch:
                self._fts_rows.append(fts)
            else:
                db.execute("INSERT INTO articles_fts (rowid, title, body, extra) VALUES (?,?,?,?)", fts)
            save_forecasts(db, article, idx.forecasts)  # the views and calls it states, for `macrodesk views`
            if self._near is not None:
                self._near.add(article.id, sig)
                self._near_rowid = max(self._near_rowid, rowid)
            return AddResult("added", article.id, article.id, article.title, 1.0)

    def remove(self, article_id: str) -> bool:
        """Drop one stored article (a poisoned or unwanted one) and its index row. The sources
        it came from are marked "removed", so a later ingest of them does not bring it back.
        False when no article has this id."""
        with self._write(True) as db:
            self._begin()
            row = db.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
            if not row:
                return False
            self._fts_rows = [r for r in self._fts_rows if r[0] != row[0]]
            db.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
            db.execute("DELETE FROM articles WHERE rowid = ?", (row[0],))
            db.execute("UPDATE sources SET status = 'removed', updated = ? WHERE article_id = ?",
                       (datetime.now(DEFAULT_TZ).isoformat(), article_id))
            if self._near is not None:
                self._near.remove(article_id)
            return True

    def commit(self) -> None:
        with self._write(True) as db:
            if self._fts_rows and not self._batch:
                db.executemany("INSERT INTO articles_fts (rowid, title, body, extra) VALUES (?,?,?,?)",
                               self._fts_rows)
                self._fts_rows.clear()

    # -- reading

    def _article(self, row: sqlite3.Row) -> Article:
        # segmentation is not stored: it is cheap to redo and follows the current segmenter
        paragraphs, sentences = segment(row["text"], row["id"], row["title"])
        return Article(
            id=row["id"], title=row["title"], text=row["text"], source=row["source"],
            author=row["author"], url=row["url"], path=row["path"], language=row["language"],
            published=datetime.fromisoformat(row["published"]) if row["published"] else None,
            content_hash=row["content_hash"], meta=json.loads(row["meta"]),
            removed=json.loads(row["removed"]), paragraphs=paragraphs, sentences=sentences,
        )

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def articles_for_date(self, day: date | str) -> list[Article]:
        """The day's articles (Beijing time of publication), oldest first."""
        rows = self.db.execute(
            "SELECT * FROM articles WHERE day = ? ORDER BY published, rowid", (_as_day(day),))
        return [self._article(r) for r in rows]

    def list_date(self, day: date | str) -> list[dict]:
        """Light rows for listing a day: id, time, source, title, url, characters."""
        rows = self.db.execute(
            "SELECT id, title, source, url, path, published, length(text) AS chars FROM articles"
            " WHERE day = ? ORDER BY published, rowid", (_as_day(day),))
        return [dict(r) for r in rows]

    def record_digest(self, day: str, engine: str, usage: dict, sources: list[str]) -> None:
        """Keep the tokens and estimated cost of one digest (the LLM engine's usage)."""
        with self._write(True) as db:
            db.execute(
                "INSERT INTO digest_runs (day, created, engine, model, requests, cached, "
                "prompt_tokens, completion_tokens, estimated, cost_yuan, sources) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (_as_day(day), datetime.now(UTC).isoformat(), engine, str(usage.get("model", "")),
                 int(usage.get("requests", 0)), int(usage.get("cached", 0)),
                 int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0)),
                 int(bool(usage.get("estimated", False))), float(usage.get("cost_yuan", 0.0)),
                 json.dumps(sources, ensure_ascii=False)))

    def digest_runs(self, day: date | str | None = None) -> list[dict]:
        sql = "SELECT * FROM digest_runs"
        args: tuple[str, ...] = ()
        if day is not None:
            sql, args = sql + " WHERE day = ?", (_as_day(day),)
        return [dict(r) for r in self.db.execute(sql + " ORDER BY id", args)]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, *, since: date | str | None = None, source: str | None = None,
               limit: int = 10) -> list[Hit]:
        """Ranked hits (bm25, title weighted) with a snippet around the matched words."""
        expr = fts_query(query)
        if not expr:
            raise StoreError("the query has no words to search for", source=query)
        where = " WHERE articles_fts MATCH ?"
        args: list = [expr]
        if since:
            where += " AND a.day >= ?"
            args.append(_as_day(since))
        if source:
            where += " AND (a.source LIKE ? OR a.url LIKE ? OR a.path LIKE ?)"
            args += [f"%{source}%"] * 3
        snip = f"snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snip"
        cols = "a.id, a.title, a.source, a.url, a.path, a.day, a.published"
        if since or source:
            # bm25 after the filter, for the rows it keeps (ORDER BY rank makes FTS5 score every
            # match before the join sees one), the filter read from the narrow articles_filter
            # index, and snippets for the best `limit` rows only (a sorter would make one for
            # every row that passes)
            top = (f"SELECT f.rowid AS rid, {_RANK} AS score FROM articles_fts f"
                   " JOIN articles a INDEXED BY articles_filter ON a.rowid = f.rowid"
                   f"{where} ORDER BY score LIMIT ?")
            sql = (f"SELECT {cols}, t.score, {snip} FROM ({top}) t"
                   " JOIN articles_fts ON articles_fts.rowid = t.rid JOIN articles a ON a.rowid = t.rid"
                   " WHERE articles_fts MATCH ? ORDER BY t.score, t.rid")
            args += [int(limit), expr]
        else:
            # FTS5 hands the matches over in rank order, so the join and snippet() stop at `limit`
            sql = (f"SELECT {cols}, f.rank AS score, {snip} FROM articles_fts f"
                   f" JOIN articles a ON a.rowid = f.rowid{where} ORDER BY f.rank LIMIT ?")
            args.append(int(limit))
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}", source=query,
                             hint="use plain words; quotes and operators are not needed") from exc
        return [Hit(article_id=r["id"], title=r["title"], source=r["source"], url=r["url"],
                    path=r["path"], day=r["day"],
                    published=datetime.fromisoformat(r["published"]) if r["published"] else None,
                    score=r["score"], snippet=despace(r["snip"])) for r in rows]

    # -- batches

    def source_record(self, key: str) -> SourceRecord | None:
        r = self.db.execute("SELECT * FROM sources WHERE key = ?", (key,)).fetchone()
        if not r:
            return None
        return SourceRecord(r["key"], r["status"], r["article_id"], r["fingerprint"], r["error"],
                            r["attempts"])

    def record_source(self, key: str, status: str, *, article_id: str | None = None,
                      fingerprint: str = "", error: str | None = None) -> None:
        with self._write(True) as db:
            db.execute(
                "INSERT INTO sources (key, status, article_id, fingerprint, error, attempts, updated)"
                " VALUES (?,?,?,?,?,1,?) ON CONFLICT(key) DO UPDATE SET status=excluded.status,"
                " article_id=excluded.article_id, fingerprint=excluded.fingerprint,"
                " error=excluded.error, attempts=sources.attempts+1, updated=excluded.updated",
                (key, status, article_id, fingerprint, error, datetime.now(DEFAULT_TZ).isoformat()))

    def failed_sources(self) -> list[SourceRecord]:
        rows = self.db.execute("SELECT key FROM sources WHERE status = 'failed' ORDER BY updated")
        return [rec for r in rows if (rec := self.source_record(r[0]))]

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _statements(sql: str) -> list[str]:
    body = "\n".join(ln for ln in sql.splitlines() if not ln.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]



