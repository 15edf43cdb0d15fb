"""The archive of ingested articles: a small Store protocol and its SQLite implementation (one
file under config.home(), WAL, named migrations, FTS5 over jieba tokens, near-duplicates)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .config import home
from .dedupe import NearDuplicateIndex, from_bytes, signature, to_bytes
from .errors import StoreError
from .ingest import DEFAULT_TZ
from .models import Article
from .segment import segment

ARCHIVE_NAME = "archive.sqlite3"
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # around matched terms in snippets


@dataclass
class AddResult:
    status: str  # "added" or "duplicate"
    article_id: str  # the article offered
    kept_id: str  # the stored copy (itself when added)
    kept_title: str = ""
    similarity: float = 1.0


@dataclass
class Hit:
    article_id: str
    title: str
    source: str
    url: str
    path: str
    day: str
    published: datetime | None
    score: float  # bm25: lower is better
    snippet: str  # matched terms between MARK_OPEN and MARK_CLOSE

    def marked(self, open_: str = "[", close: str = "]") -> str:
        return self.snippet.replace(MARK_OPEN, open_).replace(MARK_CLOSE, close)


@dataclass
class SourceRecord:
    key: str
    status: str  # "done", "duplicate" or "failed"
    article_id: str | None
    fingerprint: str
    error: str | None
    attempts: int


class Store(Protocol):
    """What the pipeline needs from an archive; a PostgreSQL store can follow for teams."""

    def add(self, article: Article, *, dedupe: bool = True, commit: bool = True) -> AddResult: ...
    def get(self, article_id: str) -> Article | None: ...
    def articles_for_date(self, day: date | str) -> list[Article]: ...
    def search(self, query: str, *, since: date | str | None = None, source: str | None = None,
               limit: int = 10) -> list[Hit]: ...
    def source_record(self, key: str) -> SourceRecord | None: ...
    def record_source(self, key: str, status: str, *, article_id: str | None = None,
                      fingerprint: str = "", error: str | None = None) -> None: ...
    def count(self) -> int: ...
    def record_digest(self, day: str, engine: str, usage: dict, sources: list[str]) -> None: ...
    def digest_runs(self, day: date | str | None = None) -> list[dict]: ...
    def commit(self) -> None: ...
    def close(self) -> None: ...


# Ordered, named schema steps: a step runs once, in order, and is recorded in `migrations`.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'zh',
            published TEXT,            -- ISO 8601 with its zone
            day TEXT NOT NULL,         -- YYYY-MM-DD, Beijing time, of publication (else ingestion)
            ingested TEXT NOT NULL,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            removed TEXT NOT NULL DEFAULT '[]',
            minhash BLOB
        );
        CREATE INDEX articles_day ON articles(day);
        CREATE INDEX articles_url ON articles(url);
    """),
    ("0002_fulltext", """
        -- body: jieba's words, space-separated (readable snippets); extra: the shorter dictionary
        -- words inside long ones, so that 人民银行 also finds 中国人民银行
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, extra, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.5)');
    """),
    ("0003_sources", """
        -- one row per source of a batch: re-runs skip what is done and retry what failed
        CREATE TABLE sources (
            key TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            article_id TEXT,
            fingerprint TEXT NOT NULL DEFAULT '',
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL
        );
    """),
    ("0004_digest_runs", """
        -- what each model-written digest cost: tokens sent and received, requests, estimate
        CREATE TABLE digest_runs (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            created TEXT NOT NULL,
            engine TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            requests INTEGER NOT NULL DEFAULT 0,
            cached INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            estimated INTEGER NOT NULL DEFAULT 0,
            cost_yuan REAL NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX digest_runs_day ON digest_runs(day);
    """),
]


# ---- tokens for Chinese full-text search -------------------------------------------------

_WORDLIKE = re.compile(r"\w", re.U)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=100_000)
def _paragraph_tokens(paragraph: str) -> tuple[str, str]:
    """(words, extra sub-words) of one paragraph. Cached: feeds, syndication and the benchmark's
    shuffled archive repeat paragraphs."""
    jb = _jieba()
    freq = jb.dt.FREQ
    words: list[str] = []
    extra: list[str] = []
    for w in jb.cut(paragraph, HMM=False):  # HMM finds new words at twice the cost
        if not w.strip():
            continue
        words.append(w)  # the tokenizer folds case itself; the snippet keeps it
        # what jieba.cut_for_search adds: dictionary 2- and 3-grams inside longer words
        for n in (2, 3):
            if len(w) > n:
                extra.extend(w[i:i + n] for i in range(len(w) - n + 1) if freq.get(w[i:i + n]))
    return " ".join(words), " ".join(extra)


def index_text(text: str) -> tuple[str, str]:
    parts = [_paragraph_tokens(p) for p in text.split("\n") if p.strip()]
    return "\n".join(p[0] for p in parts), " ".join(p[1] for p in parts if p[1])


def fts_query(query: str) -> str:
    """A user's query as an FTS5 expression: jieba's words, each quoted, all required."""
    words = [w.lower() for w in _jieba().cut(query, HMM=False) if _WORDLIKE.search(w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


_SPACE_NEAR_CJK = re.compile(r"(?<=[^\x00-\x7f]) +|(?<=[\x02\x03]) +(?=[^\x00-\x7f])| +(?=[^\x00-\x7f])")


def _despace(snippet: str) -> str:
    # the index holds words separated by spaces; Chinese is written without them
    return _SPACE_NEAR_CJK.sub("", snippet.replace("\n", " ")).strip()


# ---- the SQLite store ------------------------------------------------------------------------


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
            self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=10.0)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the archive: {exc}", source=str(self.path),
                             hint="check the file, or set MACRODESK_HOME to another folder") from exc
        except OSError as exc:
            raise StoreError(f"cannot create the archive folder: {exc.strerror}",
                             source=str(self.path.parent)) from exc
        self._lock = threading.RLock()
        self._near: NearDuplicateIndex | None = None

    # -- schema

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT)")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                with self.db:  # one transaction per step: a failed step leaves no half schema
                    for statement in _statements(sql):
                        self.db.execute(statement)
                    self.db.execute("INSERT INTO migrations VALUES (?, ?)",
                                    (name, datetime.now(UTC).isoformat()))
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc).lower():
                    raise StoreError("this SQLite has no FTS5", source=str(self.path),
                                     hint="use a Python built with SQLite 3.34 or later") from exc
                raise

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writing

    @contextmanager
    def _write(self, commit: bool) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self.db
                if commit:
                    self.db.commit()
            except sqlite3.Error as exc:
                self.db.rollback()
                raise StoreError(f"cannot write to the archive: {exc}", source=str(self.path),
                                 hint="is the disk full, or another process holding the file?") from exc

    def _near_index(self) -> NearDuplicateIndex:
        if self._near is None:
            index = NearDuplicateIndex()
            for row in self.db.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"):
                index.add(row["id"], from_bytes(row["minhash"]))
            self._near = index
        return self._near

    def add(self, article: Article, *, dedupe: bool = True, commit: bool = True) -> AddResult:
        """Store the article once: an exact or near copy of a stored one is not stored again,
        and the result names the copy that was kept."""
        with self._write(commit) as db:
            row = db.execute("SELECT id, title FROM articles WHERE content_hash = ? OR id = ?",
                             (article.content_hash or article.id, article.id)).fetchone()
            if row:
                return AddResult("duplicate", article.id, row["id"], row["title"], 1.0)
            sig = signature(article.text)
            if dedupe:
                match = self._near_index().find(sig)
                if match:
                    kept = db.execute("SELECT title FROM articles WHERE id = ?", (match.key,)).fetchone()
                    return AddResult("duplicate", article.id, match.key,
                                     kept["title"] if kept else "", round(match.similarity, 3))
            now = datetime.now(DEFAULT_TZ)
            cur = db.execute(
                "INSERT INTO articles (id, content_hash, title, source, author, url, path, language,"
                " published, day, ingested, text, meta, removed, minhash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.content_hash or article.id, article.title, article.source,
                 article.author, article.url, article.path, article.language,
                 article.published.isoformat() if article.published else None,
                 _day_of(article, now), now.isoformat(), article.text,
                 json.dumps(article.meta, ensure_ascii=False),
                 json.dumps(article.removed, ensure_ascii=False), to_bytes(sig)),
            )
            body, extra = index_text(article.text)
            db.execute("INSERT INTO articles_fts (rowid, title, body, extra) VALUES (?,?,?,?)",
                       (cur.lastrowid, " ".join(index_text(article.title)), body, extra))
            if self._near is not None:
                self._near.add(article.id, sig)
            return AddResult("added", article.id, article.id, article.title, 1.0)

    def commit(self) -> None:
        with self._write(True):
            pass

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
        sql, args = "SELECT * FROM digest_runs", ()
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
        sql = ("SELECT a.id, a.title, a.source, a.url, a.path, a.day, a.published, f.rank AS score,"
               f" snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snip"
               " FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
               " WHERE articles_fts MATCH ?")
        args: list = [expr]
        if since:
            sql += " AND a.day >= ?"
            args.append(_as_day(since))
        if source:
            sql += " AND (a.source LIKE ? OR a.url LIKE ? OR a.path LIKE ?)"
            args += [f"%{source}%"] * 3
        sql += " ORDER BY f.rank LIMIT ?"
        args.append(int(limit))
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}", source=query,
                             hint="use plain words; quotes and operators are not needed") from exc
        return [Hit(article_id=r["id"], title=r["title"], source=r["source"], url=r["url"],
                    path=r["path"], day=r["day"],
                    published=datetime.fromisoformat(r["published"]) if r["published"] else None,
                    score=r["score"], snippet=_despace(r["snip"])) for r in rows]

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


STORES = {"sqlite": SQLiteStore}


def open_store(backend: str = "sqlite", path: str | Path | None = None) -> Store:
    """The archive by backend name (only "sqlite" so far), at `path` or under config.home()."""
    try:
        cls = STORES[backend]
    except KeyError as exc:
        raise StoreError(f"unknown store backend {backend!r}",
                         hint=f"choose one of: {', '.join(STORES)}") from exc
    return cls(path)
