"""Batches of sources (files, folders, page and feed URLs) into the archive: read and indexed
on threads (URLs) or worker processes (large batches of files), written in order from one
thread a chunk per transaction, resumable, one report line per source."""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from macrodesk import errors
from macrodesk.errors import InputError, MacrodeskError
from macrodesk.models import Article
from macrodesk.readers import DEFAULT_MAX_BYTES, known_suffix, read_article

if TYPE_CHECKING:
    from macrodesk.readers.web import Feed, FeedEntry


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


CHUNK = 64  # articles written per transaction: the write lock is held well under a second
PROCESS_MIN = 32  # files from which reading moves to worker processes (their start costs ~1 s)
DONE = ("done", "duplicate", "removed")  # source statuses a re-run skips


@dataclass
class _Failure:
    """A reader's error as it crosses from a worker process (rebuilt as the same class)."""

    kind: str
    message: str
    source: str | None
    hint: str | None

    def error(self) -> MacrodeskError:
        cls = getattr(errors, self.kind, None)
        if not (isinstance(cls, type) and issubclass(cls, MacrodeskError)):
            cls = InputError
        return cls(self.message, source=self.source, hint=self.hint)


def read_indexed(path: str | Path, max_bytes: int):
    """Read one file and index it (FTS tokens, fingerprint): what a worker process does.
    Returns (Article, Indexed), or a _Failure for a file that cannot be read."""
    from macrodesk.archive.sqlite import index_article

    try:
        article = read_article(path, max_bytes)
    except MacrodeskError as exc:
        return _Failure(type(exc).__name__, exc.message, exc.source, exc.hint)
    return article, index_article(article)


def _warm() -> None:
    from macrodesk.archive.fts import _jieba

    _jieba()  # load the dictionary while the first files are queued


def _process_pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where there is one: spawn and forkserver run the caller's main module again in each
    # worker, which a script without a __main__ guard (or `python -m macrodesk`) cannot take.
    # The pool is made before the batch starts any thread, and it forks all its workers at once.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method == "fork":
        _warm()  # the workers inherit the loaded dictionary instead of each loading it (~1 s)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=_warm)
    pool.submit(_warm).result()  # start the workers now, while this process has no threads
    return pool


@dataclass
class _Task:
    kind: str  # "file", "url" or "entry"
    key: str  # the source's key in the store
    target: Path | str | tuple[FeedEntry, Feed]  # Path, URL, or (FeedEntry, Feed)
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
    workers: int | None = None,
) -> IngestReport:
    """Read every source (file, folder, page URL, RSS/Atom feed URL) into the archive.

    Sources already stored are skipped (a changed file is read again), failed ones are retried.
    Fetching runs on `concurrency` threads; a batch of PROCESS_MIN files or more is read and
    indexed by `workers` processes (default: one per CPU). Results are written in the order of
    the sources, CHUNK per transaction, so an interrupted batch resumes where it stopped and
    two runs on one archive store each article once. `progress(done, total, label)` is called
    for each source once its result is committed."""
    from concurrent.futures import Future, ThreadPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from macrodesk.archive import open_store
    from macrodesk.readers import web as fetchmod

    own_store = store is None
    store = store or open_store()
    report = IngestReport()
    tasks, errors_ = expand_sources(sources)
    report.failures.extend(errors_)
    total = len(tasks) + len(errors_)
    done = len(errors_)
    client = fetchmod.make_client(timeout)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    batch = getattr(store, "batch", None) or nullcontext

    def work(task: _Task):
        target = task.target
        if isinstance(target, Path):  # kind "file"
            return read_indexed(target, max_bytes)
        if isinstance(target, str):  # kind "url"
            got = fetchmod.fetch(target, client=client, max_bytes=max_bytes,
                                 deadline=deadline, timeout=timeout)
            if got.is_feed or fetchmod.looks_like_feed_url(got.final_url):
                return fetchmod.parse_feed(got)
            return fetchmod.article_from_fetched(got), None
        entry, feed = target  # kind "entry"
        art = fetchmod.article_from_entry(entry, feed)
        if art is None:
            got = fetchmod.fetch(entry.url, client=client, max_bytes=max_bytes,
                                 deadline=deadline, timeout=timeout)
            art = fetchmod.article_from_fetched(got)
        return fetchmod.enrich_from_entry(art, entry, feed), None

    def is_done(task: _Task) -> bool:
        rec = store.source_record(task.key)
        return bool(rec and rec.status in DONE and rec.fingerprint == task.fingerprint)

    def fail(task: _Task, err: MacrodeskError) -> None:
        report.failures.append(err)
        store.record_source(task.key, "failed", fingerprint=task.fingerprint, error=str(err))

    def handle(fut: Future | None, task: _Task) -> None:
        nonlocal total
        if fut is None:
            report.skipped.append(task.label or task.key)
            return
        try:
            result = fut.result()
        except MacrodeskError as exc:
            fail(task, exc)
            return
        except Exception as exc:  # a library bug on one source must not end the batch
            fail(task, InputError(f"unexpected {exc.__class__.__name__}: {exc}",
                                  source=task.label or task.key))
            return
        if isinstance(result, _Failure):
            fail(task, result.error())
        elif isinstance(result, fetchmod.Feed):
            new = [_Task("entry", e.url, (e, result), label=e.url) for e in result.entries]
            queue.extend(reversed(new))
            total += len(new)
            # a feed is never done: each run reads it again for new entries
            store.record_source(task.key, "feed", fingerprint=task.fingerprint)
        else:
            article, indexed = result
            res = (store.add(article, indexed=indexed) if indexed is not None
                   else store.add(article))
            if res.status == "added":
                report.added.append(article)
            else:
                report.duplicates.append(Duplicate(
                    task.label or task.key, article.title, res.kept_id, res.kept_title,
                    res.similarity))
            status = "done" if res.status == "added" else res.status
            store.record_source(task.key, status, article_id=res.kept_id,
                                fingerprint=task.fingerprint)

    queue = list(reversed(tasks))
    order: deque[tuple[Future | None, _Task]] = deque()  # results are written in this order
    files = sum(t.kind == "file" for t in tasks)
    procs = _process_pool(workers) if workers > 1 and files >= PROCESS_MIN else None
    threads = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="ingest")
    window = max(1, concurrency, workers) * 4
    try:
        while queue or order:
            while queue and len(order) < window:
                task = queue.pop()
                if is_done(task):
                    order.append((None, task))
                elif task.kind == "file" and procs is not None:
                    order.append((procs.submit(read_indexed, task.target, max_bytes), task))
                else:
                    order.append((threads.submit(work, task), task))
            head = order[0][0]
            if head is not None:
                wait([head])
                if isinstance(head.exception(), BrokenProcessPool):
                    # a worker died (killed, out of memory): read what it held in this process
                    if procs is not None:
                        procs.shutdown(wait=False, cancel_futures=True)
                    procs = None
                    order = deque((threads.submit(work, t) if f is not None and t.kind == "file"
                                   and f.done() and isinstance(f.exception(), BrokenProcessPool)
                                   else f, t) for f, t in order)
                    continue
            written: list[_Task] = []
            with batch():
                while order and len(written) < CHUNK and (order[0][0] is None or order[0][0].done()):
                    fut, task = order.popleft()
                    handle(fut, task)
                    written.append(task)
            for task in written:
                done += 1
                if progress:
                    progress(done, total, task.label)
    finally:
        threads.shutdown(wait=False, cancel_futures=True)
        if procs is not None:
            procs.shutdown(wait=False, cancel_futures=True)
        client.close()
        if own_store:
            store.close()
    return report


@dataclass
class BackfillReport:
    """What store_articles did: how many were stored, and the copies it did not store again."""

    added: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)


def _index_many(articles: list[Article]) -> list:
    from macrodesk.archive.sqlite import index_article

    return [index_article(a) for a in articles]


def store_articles(
    articles: Iterable[Article],
    store,
    *,
    dedupe: bool = True,
    workers: int | None = None,
    chunk: int = 512,
    progress: Callable[[int, int, str], None] | None = None,
) -> BackfillReport:
    """Backfill or re-index: store articles already read (a migration, a new tokeniser, a
    generated archive). Tokens and fingerprints are made by `workers` processes, a chunk
    ahead of the writer; each chunk is written in order in one transaction.
    `progress(done, 0, title)` is called per article once its chunk is committed."""
    from itertools import islice

    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    procs = _process_pool(workers) if workers > 1 else None
    batch = getattr(store, "batch", None) or nullcontext
    report = BackfillReport()
    items = iter(articles)
    per_worker = max(1, chunk // (workers * 4))

    def start(part: list[Article]):
        if procs is None:
            return part, _index_many(part)
        slices = [part[i:i + per_worker] for i in range(0, len(part), per_worker)]
        return part, [procs.submit(_index_many, s) for s in slices]

    done = 0
    try:
        pending = start(list(islice(items, chunk)))
        while pending[0]:
            part, work = pending
            pending = start(list(islice(items, chunk)))  # the next chunk is cut while this is written
            indexed = work if procs is None else [x for f in work for x in f.result()]
            with batch():
                for article, idx in zip(part, indexed, strict=True):
                    res = store.add(article, dedupe=dedupe, indexed=idx)
                    if res.status == "added":
                        report.added += 1
                    else:
                        report.duplicates.append(Duplicate(article.path or article.id, article.title,
                                                           res.kept_id, res.kept_title, res.similarity))
            for article in part:
                done += 1
                if progress:
                    progress(done, 0, article.title)
    finally:
        if procs is not None:
            procs.shutdown(wait=False, cancel_futures=True)
    return report
