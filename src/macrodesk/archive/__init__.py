"""The archive of ingested articles: the Store protocol every backend implements, the records it
returns, and `open_store`, which picks a backend by name (SQLite by default)."""

from __future__ import annotations

import importlib
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from macrodesk.errors import StoreError
from macrodesk.models import Article

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
    status: str  # "done", "duplicate", "failed", "feed" or "removed" (its article was dropped)
    article_id: str | None
    fingerprint: str
    error: str | None
    attempts: int


class Store(Protocol):
    """What the pipeline needs from an archive; a PostgreSQL store can follow for teams."""

    def add(self, article: Article, *, dedupe: bool = True, commit: bool = True) -> AddResult: ...
    def batch(self) -> AbstractContextManager[None]: ...  # many writes, one transaction
    def remove(self, article_id: str) -> bool: ...  # drop a stored article; False if unknown
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
    def list_date(self, day: date | str) -> list[dict]: ...
    def failed_sources(self) -> list[SourceRecord]: ...
    def migrations(self) -> list[str]: ...
    def commit(self) -> None: ...
    def close(self) -> None: ...



# backend name -> "module:class", imported when opened
STORES: dict[str, str] = {"sqlite": "macrodesk.archive.sqlite:SQLiteStore"}


def open_store(backend: str = "sqlite", path: str | Path | None = None) -> Store:
    """The archive by backend name (only "sqlite" so far), at `path` or under config.home()."""
    try:
        target = STORES[backend]
    except KeyError as exc:
        raise StoreError(f"unknown store backend {backend!r}",
                         hint=f"choose one of: {', '.join(STORES)}") from exc
    module, _, name = target.partition(":")
    cls = getattr(importlib.import_module(module), name)
    return cls(path)
