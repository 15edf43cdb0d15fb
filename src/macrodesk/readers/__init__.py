"""Reading: one reader per file format turns bytes into a RawDocument; this module picks the
reader by suffix, refuses what is not text, then cleans and segments the text into an Article.
Readers are imported only when a file of their format is read."""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from macrodesk.clean import URL_RE, clean_text
from macrodesk.errors import InputError, MacrodeskError
from macrodesk.models import Article
from macrodesk.segment import segment, strip_markup
from macrodesk.text.dates import DEFAULT_TZ
from macrodesk.text.decode import detect_language, is_binary, to_simplified

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# what a compressed format (.docx parts, PDF streams) may expand to: a report is far smaller,
# a "bomb" of a few MB would otherwise take gigabytes of memory
MAX_EXPANDED_BYTES = 256 * 1024 * 1024


def expands_beyond(source: str, limit: int = MAX_EXPANDED_BYTES) -> InputError:
    return InputError(f"file expands beyond {limit // 1048576} MB when unpacked", source=source,
                      hint="a research report is far smaller; the file may be a decompression bomb")


@dataclass
class RawDocument:
    """What a reader gets out of a file before cleaning: text plus whatever metadata it carries."""

    text: str
    title: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    published: datetime | None = None
    meta: dict[str, str] = field(default_factory=dict)
    markdown: bool = False  # headings are Markdown '#' lines


Reader = Callable[[bytes, str], RawDocument]
# suffix -> "module:function"; the module is imported on first use, so reading a .md file never
# pays for pdfplumber, python-docx or trafilatura
_BUILTIN: dict[str, str] = {
    ".md": "macrodesk.readers.text:read_markdown", ".markdown": "macrodesk.readers.text:read_markdown",
    ".txt": "macrodesk.readers.text:read_plain", ".text": "macrodesk.readers.text:read_plain",
    ".html": "macrodesk.readers.html:read_html", ".htm": "macrodesk.readers.html:read_html",
    ".xhtml": "macrodesk.readers.html:read_html",
    ".pdf": "macrodesk.readers.pdf:read_pdf",
    ".docx": "macrodesk.readers.docx:read_docx",
}
READERS: dict[str, Reader | str] = dict(_BUILTIN)
BINARY_SUFFIXES: set[str] = {".pdf", ".docx"}  # formats whose readers take binary data


def reader(*suffixes: str, binary: bool = False) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes: a plug-in format decorates its function with this.
    `binary=True` lets the reader see data that the text check would refuse."""

    def wrap(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
            if binary:
                BINARY_SUFFIXES.add(s)
        return fn

    return wrap


def known_suffix(suffix: str) -> bool:
    return suffix in READERS


def reader_for(suffix: str) -> Reader:
    """The reader of a suffix (plain text for an unknown one), imported on first use."""
    fn = READERS.get(suffix, READERS[".txt"])
    if isinstance(fn, str):
        module, _, name = fn.partition(":")
        fn = getattr(importlib.import_module(module), name)
        READERS[suffix] = fn
    return fn


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or one clear InputError saying why it cannot be an article."""
    src = str(path)
    if not path.exists():
        raise InputError("no such file", source=src, hint="check the path")
    if path.is_dir():
        raise InputError("is a folder, not a file", source=src, hint="pass the files in it")
    size = path.stat().st_size
    if size == 0:
        raise InputError("file is empty", source=src)
    if size > max_bytes:
        raise InputError(
            f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit",
            source=src, hint="split it, or raise max_file_mb in the config",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", source=src) from exc


def _title_from_text(text: str) -> tuple[str, str]:
    """The first heading or first short line is the title; it leaves the body."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if s.startswith("#"):
            return strip_markup(s.lstrip("#")), "\n".join(lines[i + 1:])
        plain = strip_markup(s)
        rest = "\n".join(lines[i + 1:])
        if len(plain) <= 60 and not plain.endswith(("。", "；", "，")):
            # a text of one short line is all body (a pasted sentence with no stop), titled by itself
            return plain, rest if rest.strip() else text
        return plain[:30], text
    return "", text


def _drop_title_line(body: str, title: str) -> str:
    """A page repeats its title as the first heading; the article keeps it once, as the title."""
    head, sep, rest = body.lstrip().partition("\n")
    if strip_markup(head.lstrip("#")).strip() == strip_markup(title).strip():
        return rest.lstrip("\n")
    return body


def article_from_text(text: str, *, source_name: str = "<text>", title: str = "", url: str = "",
                      source: str = "", author: str = "", published: datetime | None = None,
                      meta: dict[str, str] | None = None) -> Article:
    """Clean and segment a text that is already decoded (a paste, a fetched page, a file).
    Traditional Chinese is converted to Simplified; the original stays in meta."""
    meta = dict(meta or {})
    simplified, was_traditional = to_simplified(text)
    if was_traditional:
        meta["original_text"] = text
        meta["original_script"] = "zh-Hant"
        text = simplified
        title = to_simplified(title)[0] if title else title
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=DEFAULT_TZ)
    cleaned = clean_text(text)
    body = cleaned.text
    if not title:
        title, body = _title_from_text(body)
    else:
        body = _drop_title_line(body, title)
    if not url:
        url = next((u for u in cleaned.urls if u), "")
        if not url:
            found = URL_RE.findall(body[-300:])
            url = found[-1] if found else ""
    if not body.strip():
        raise InputError("no article text left after cleaning", source=source_name)
    if cleaned.captions:
        meta["captions"] = "\n".join(cleaned.captions)
    digest = hashlib.sha256(re.sub(r"\s+", "", body).encode()).hexdigest()
    article_id = digest[:10]
    paragraphs, sentences = segment(body, article_id, title)
    if not sentences:
        raise InputError("no sentences found in the text", source=source_name)
    return Article(
        id=article_id, title=strip_markup(title), text=body, source=source, author=author,
        url=url, published=published, path=source_name, content_hash=digest,
        language=detect_language(body),
        meta=meta, removed=cleaned.removed, paragraphs=paragraphs, sentences=sentences,
    )


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One file in, one cleaned and segmented Article out, or an InputError naming the file."""
    p = Path(path)
    data = read_bytes(p, max_bytes)
    return article_from_bytes(data, str(p), p.suffix.lower())


def article_from_bytes(data: bytes, source_name: str, suffix: str = "", url: str = "") -> Article:
    """Bytes of one document (a file, a download) to an Article, with the reader for `suffix`."""
    if suffix not in BINARY_SUFFIXES and is_binary(data):
        raise InputError("binary file, not text", source=source_name,
                         hint="macrodesk reads .txt, .md, .html and .pdf articles")
    fn = reader_for(suffix)
    try:
        doc = fn(data, source_name)
    except MacrodeskError:
        raise
    except MemoryError as exc:
        raise InputError("too large to read in memory", source=source_name) from exc
    except RecursionError as exc:
        raise InputError("nested too deeply to read", source=source_name,
                         hint="the file may be damaged or built to crash readers") from exc
    except Exception as exc:  # a parser's own error (lxml, zipfile, pdfminer...): one line
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        raise InputError(f"cannot read this {suffix.lstrip('.') or 'file'}: "
                         f"{exc.__class__.__name__}: {first}", source=source_name,
                         hint="the file may be damaged; open and re-save it") from exc
    return article_from_document(doc, source_name, url)


def article_from_document(doc: RawDocument, source_name: str, url: str = "") -> Article:
    if not doc.text.strip():
        raise InputError("file has no text", source=source_name)
    return article_from_text(
        doc.text, source_name=source_name, title=doc.title, url=doc.url or url,
        source=doc.source, author=doc.author, published=doc.published, meta=doc.meta,
    )


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    failures: list[MacrodeskError] = field(default_factory=list)


def read_articles(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Batch:
    """Read many files; a bad one is reported in `failures` and the rest go on."""
    batch = Batch()
    for path in paths:
        try:
            batch.articles.append(read_article(path, max_bytes))
        except MacrodeskError as exc:
            batch.failures.append(exc)
    return batch


