"""Batches of sources (files, folders, page and feed URLs) into the archive: read on threads,
written from one, resumable, one report line per source."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from macrodesk.errors import InputError, MacrodeskError
from macrodesk.models import Article
from macrodesk.readers import DEFAULT_MAX_BYTES, known_suffix, read_article


@dataclass
class Duplicate:
    source: str
    title: str
    kept_id: str  # the stored copy that was kept
    kept_title: str
    similarity: float


@dataclass
class IngestReport:
    """What a batch did: stored, found again, skipped as already done, and failed (one line each)."""

    added: list[Article] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failures: list[MacrodeskError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.added) + len(self.duplicates) + len(self.skipped) + len(self.failures)


@dataclass
class _Task:
    kind: str  # "file", "url" or "entry"
    key: str  # the source's key in the store
    target: object  # Path, URL, or (FeedEntry, Feed)
    fingerprint: str = ""
    label: str = ""


def expand_sources(sources: Iterable[str | Path]) -> tuple[list[_Task], list[MacrodeskError]]:
    """Files, folders (recursively: every file with a known suffix) and URLs as tasks; a path
    that does not exist is an error for the report, not an exception."""
    tasks: list[_Task] = []
    errors: list[MacrodeskError] = []
    seen: set[str] = set()

    def add_file(p: Path) -> None:
        rp = p.resolve()
        key = f"file:{rp}"
        if key in seen:
            return
        seen.add(key)
        st = rp.stat()
        tasks.append(_Task("file", key, rp, f"{st.st_size}:{st.st_mtime_ns}", str(p)))

    for src in sources:
        s = str(src).strip()
        if re.match(r"^https?://", s, re.I):
            if s not in seen:
                seen.add(s)
                tasks.append(_Task("url", s, s, label=s))
            continue
        p = Path(s).expanduser()
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and known_suffix(f.suffix.lower()) and not any(x.startswith(".") for x in rel):
                    add_file(f)
        elif p.is_file():
            add_file(p)
        else:
            errors.append(InputError("no such file, folder or URL", source=s,
                                     hint="check the path; URLs start with http:// or https://"))
    return tasks, errors


def ingest_sources(
    sources: Iterable[str | Path],
    store=None,
    *,
    concurrency: int = 4,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    deadline: float = 60.0,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Read every source (file, folder, page URL, RSS/Atom feed URL) into the archive.

    Sources already stored are skipped (a changed file is read again), failed ones are retried,
    each result is committed as it comes, so an interrupted batch resumes where it stopped.
    Fetching and reading run on `concurrency` threads; the store is written from this thread.
    `progress(done, total, label)` is called after each source."""
    from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

    from macrodesk.archive import open_store
    from macrodesk.readers import web as fetchmod

    own_store = store is None
    store = store or open_store()
    report = IngestReport()
    tasks, errors = expand_sources(sources)
    report.failures.extend(errors)
    total = len(tasks) + len(errors)
    done = len(errors)
    client = fetchmod.make_client(timeout)

    def work(task: _Task):
        if task.kind == "file":
            return read_article(task.target, max_bytes)
        if task.kind == "url":
            got = fetchmod.fetch(task.target, client=client, max_bytes=max_bytes,
                                 deadline=deadline, timeout=timeout)
            if got.is_feed or fetchmod.looks_like_feed_url(got.final_url):
                return fetchmod.parse_feed(got)
            return fetchmod.article_from_fetched(got)
        entry, feed = task.target
        art = fetchmod.article_from_entry(entry, feed)
        if art is None:
            got = fetchmod.fetch(entry.url, client=client, max_bytes=max_bytes,
                                 deadline=deadline, timeout=timeout)
            art = fetchmod.article_from_fetched(got)
        return fetchmod.enrich_from_entry(art, entry, feed)

    def is_done(task: _Task) -> bool:
        rec = store.source_record(task.key)
        return bool(rec and rec.status in ("done", "duplicate") and rec.fingerprint == task.fingerprint)

    queue = list(reversed(tasks))
    pending: dict[Future, _Task] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="ingest")
    try:
        while queue or pending:
            while queue and len(pending) < max(1, concurrency) * 2:
                task = queue.pop()
                if is_done(task):
                    report.skipped.append(task.label or task.key)
                    done += 1
                    if progress:
                        progress(done, total, task.label)
                    continue
                pending[pool.submit(work, task)] = task
            if not pending:
                continue
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                task = pending.pop(fut)
                try:
                    result = fut.result()
                except MacrodeskError as exc:
                    report.failures.append(exc)
                    store.record_source(task.key, "failed", fingerprint=task.fingerprint,
                                        error=str(exc))
                except Exception as exc:  # a library bug on one source must not end the batch
                    err = InputError(f"unexpected {exc.__class__.__name__}: {exc}",
                                     source=task.label or task.key)
                    report.failures.append(err)
                    store.record_source(task.key, "failed", fingerprint=task.fingerprint,
                                        error=str(err))
                else:
                    if isinstance(result, fetchmod.Feed):
                        new = [_Task("entry", e.url, (e, result), label=e.url) for e in result.entries]
                        queue.extend(reversed(new))
                        total += len(new)
                        # a feed is never done: each run reads it again for new entries
                        store.record_source(task.key, "feed", fingerprint=task.fingerprint)
                    else:
                        res = store.add(result)
                        if res.status == "added":
                            report.added.append(result)
                        else:
                            report.duplicates.append(Duplicate(
                                task.label or task.key, result.title, res.kept_id,
                                res.kept_title, res.similarity))
                        status = "done" if res.status == "added" else res.status
                        store.record_source(task.key, status, article_id=res.kept_id,
                                            fingerprint=task.fingerprint)
                done += 1
                if progress:
                    progress(done, total, task.label)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        client.close()
        if own_store:
            store.close()
    return report
