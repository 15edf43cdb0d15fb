"""Checking files, the use cases behind `lint` and `check`: read posts and articles from disk,
then run the pure checks of `macrodesk.checks` on them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from macrodesk.checks.arithmetic import Check, CheckReport, check_article
from macrodesk.checks.post import Finding, lint_text
from macrodesk.errors import InputError, MacrodeskError
from macrodesk.models import Article
from macrodesk.readers import read_article

T = TypeVar("T")
R = TypeVar("R")


# a batch smaller than this is checked in this process: starting workers costs more than it saves
PROCESS_MIN = 16
_CHUNK = 8  # files or articles a worker takes at a time


def check_files(paths: Iterable[str | Path],
                progress: Callable[[int, int], None] | None = None,
                workers: int | None = 1) -> CheckReport:
    """Read and check many files; a file that cannot be read is listed and the rest go on.
    `progress(done, total)` is called after each file (a batch of 913 takes tens of seconds).
    `workers` processes share the batch (None: one per CPU); the report is the same, in the
    order of `paths`, however many there are."""
    paths = list(paths)
    report = CheckReport()
    for i, (checks, failure) in enumerate(_in_processes(_read_and_check, paths, workers), 1):
        if failure is not None:
            report.failures.append(failure)
        else:
            report.articles += 1
            report.checks.extend(checks)
        if progress is not None:
            progress(i, len(paths))
    return report


def check_articles(articles: Sequence[Article], workers: int | None = None) -> list[list[Check]]:
    """The checks of each article, in their order, on `workers` processes (None: one per CPU).
    Forked workers inherit the articles, so none is pickled; without fork, or for a small batch,
    they are checked in this process."""
    global _BATCH
    _BATCH = articles
    try:
        return list(_in_processes(_check_one, range(len(articles)), workers))
    finally:
        _BATCH = ()


_BATCH: Sequence[Article] = ()  # the articles forked workers of `check_articles` read by index


def _check_one(i: int) -> list[Check]:
    return check_article(_BATCH[i])


def _read_and_check(path: str | Path) -> tuple[list[Check], str | None]:
    try:
        art = read_article(path)
    except MacrodeskError as exc:
        return [], str(exc)
    return check_article(art), None


def _in_processes(fn: Callable[[T], R], items: Iterable[T], workers: int | None) -> Iterator[R]:
    """fn over items, in their order: in forked worker processes when there are enough items and
    fork exists (spawn would run the caller's main module again in each worker, which a script
    without a __main__ guard cannot take), else here."""
    import multiprocessing
    import os

    items = list(items)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    if workers == 1 or len(items) < PROCESS_MIN or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(fn, items, chunksize=_CHUNK)


def lint_file(path: str | Path, source_paths: Sequence[str | Path] | None = None) -> list[Finding]:
    """Lint the post at `path`, tracing its figures to the articles at `source_paths` if given.
    Raises InputError when the post or a source cannot be read."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the post: {exc.strerror or exc}", source=str(p),
                         hint="check the path") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("the post is not UTF-8 text", source=str(p),
                         hint="posts are UTF-8 Markdown; re-save it as UTF-8") from exc
    if not text.strip():
        raise InputError("the post is empty", source=str(p))
    sources = [read_article(s) for s in (source_paths or [])]
    return lint_text(text, sources or None)
