"""Checking files, the use cases behind `lint` and `check`: read posts and articles from disk,
then run the pure checks of `macrodesk.checks` on them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from macrodesk.checks.arithmetic import CheckReport, check_article
from macrodesk.checks.post import Finding, lint_text
from macrodesk.errors import InputError, MacrodeskError
from macrodesk.readers import read_article


def check_files(paths: Iterable[str | Path],
                progress: Callable[[int, int], None] | None = None) -> CheckReport:
    """Read and check many files; a file that cannot be read is listed and the rest go on.
    `progress(done, total)` is called after each file (a batch of 913 takes tens of seconds)."""
    paths = list(paths)
    report = CheckReport()
    for i, path in enumerate(paths, 1):
        try:
            art = read_article(path)
        except MacrodeskError as exc:
            report.failures.append(str(exc))
        else:
            report.articles += 1
            report.checks.extend(check_article(art))
        if progress is not None:
            progress(i, len(paths))
    return report


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
