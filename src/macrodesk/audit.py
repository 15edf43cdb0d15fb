"""Checking files, the use cases behind `lint` and `check`: read posts and articles from disk,
then run the pure checks of `macrodesk.checks` on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from macrodesk.checks.arithmetic import CheckReport, check_article
from macrodesk.checks.post import Finding, lint_text
from macrodesk.errors import InputError
from macrodesk.readers import read_article, read_articles


def check_files(paths: Iterable[str | Path]) -> CheckReport:
    """Read and check many files; a file that cannot be read is listed and the rest go on."""
    batch = read_articles(paths)
    report = CheckReport(articles=len(batch.articles), failures=[str(e) for e in batch.failures])
    for art in batch.articles:
        report.checks.extend(check_article(art))
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
