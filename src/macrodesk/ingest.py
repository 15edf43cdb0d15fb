"""Read articles from files into Article objects: detect encoding, refuse what is not text,
pull metadata, clean and segment. One reader per format, picked by file suffix."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from .clean import URL_RE, clean_text
from .errors import InputError, MacrodeskError
from .models import Article
from .segment import segment, strip_markup

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


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
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes; other formats (pdf, docx) plug in the same way."""

    def wrap(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn

    return wrap


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 first, then GB18030 (a superset of GBK/GB2312), then detection."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best)
    raise InputError("cannot decode the text (tried UTF-8, GB18030 and detection)", source=source,
                     hint="convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / min(len(text), 20000) < 0.01


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


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


def _parse_date(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if value is None:
        return None
    text = str(value).strip()
    for candidate in (text, text.replace("Z", "+00:00"), text.replace(" ", "T", 1)):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    m = re.match(r"(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})", text)
    if m:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@reader(".md", ".markdown")
def read_markdown(data: bytes, source: str) -> RawDocument:
    text = decode(data, source)
    doc = RawDocument(text=text, markdown=True)
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict):
            doc.text = text[m.end():]
            doc.title = str(meta.get("title") or "")
            doc.source = str(meta.get("source") or meta.get("publisher") or "")
            doc.author = str(meta.get("author") or "")
            doc.url = str(meta.get("sourceUrl") or meta.get("url") or meta.get("link") or "")
            doc.published = _parse_date(meta.get("publishedAt") or meta.get("date"))
            # summaries in front matter are derived from the body: keep them out of the text
            doc.meta = {k: str(v) for k, v in meta.items()
                        if isinstance(v, str | int | float) and k not in ("summary", "description")}
    return doc


@reader(".txt", ".text")
def read_plain(data: bytes, source: str) -> RawDocument:
    return RawDocument(text=decode(data, source))


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str) -> RawDocument:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    html = decode(data, source)
    body = trafilatura.extract(html, output_format="markdown", include_comments=False,
                               include_tables=True, favor_recall=True)
    if not body or not body.strip():
        raise InputError("no article text found in the HTML page", source=source,
                         hint="is it a navigation or login page?")
    meta = extract_metadata(html)
    doc = RawDocument(text=body, markdown=True)
    if meta is not None:
        doc.title = meta.title or ""
        doc.author = meta.author or ""
        doc.url = meta.url or ""
        doc.source = meta.sitename or meta.hostname or ""
        doc.published = _parse_date(meta.date)
    return doc


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
        if len(plain) <= 60 and not plain.endswith(("。", "；", "，")):
            return plain, "\n".join(lines[i + 1:])
        return plain[:30], text
    return "", text


def article_from_text(text: str, *, source_name: str = "<text>", title: str = "", url: str = "",
                      source: str = "", author: str = "", published: datetime | None = None,
                      meta: dict[str, str] | None = None) -> Article:
    """Clean and segment a text that is already decoded (a paste, a fetched page, a file)."""
    cleaned = clean_text(text)
    body = cleaned.text
    if not title:
        title, body = _title_from_text(body)
    if not url:
        url = next((u for u in cleaned.urls if u), "")
        if not url:
            found = URL_RE.findall(body[-300:])
            url = found[-1] if found else ""
    if not body.strip():
        raise InputError("no article text left after cleaning", source=source_name)
    digest = hashlib.sha256(re.sub(r"\s+", "", body).encode()).hexdigest()
    article_id = digest[:10]
    paragraphs, sentences = segment(body, article_id, title)
    if not sentences:
        raise InputError("no sentences found in the text", source=source_name)
    return Article(
        id=article_id, title=strip_markup(title), text=body, source=source, author=author,
        url=url, published=published, path=source_name, content_hash=digest,
        meta=meta or {}, removed=cleaned.removed, paragraphs=paragraphs, sentences=sentences,
    )


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One file in, one cleaned and segmented Article out, or an InputError naming the file."""
    p = Path(path)
    data = read_bytes(p, max_bytes)
    if _is_binary(data):
        raise InputError("binary file, not text", source=str(p),
                         hint="macrodesk reads .txt, .md and .html articles")
    fn = READERS.get(p.suffix.lower(), read_plain)
    doc = fn(data, str(p))
    if not doc.text.strip():
        raise InputError("file has no text", source=str(p))
    return article_from_text(
        doc.text, source_name=str(p), title=doc.title, url=doc.url, source=doc.source,
        author=doc.author, published=doc.published, meta=doc.meta,
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
