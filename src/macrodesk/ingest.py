"""Read articles from files into Article objects: detect encoding, refuse what is not text,
pull metadata, clean and segment. One reader per format, picked by file suffix."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

import yaml

from .clean import URL_RE, clean_text
from .errors import InputError, MacrodeskError
from .models import Article
from .segment import segment, strip_markup

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Chinese research is published on Beijing time; a date without a zone is read as +08:00
DEFAULT_TZ = timezone(timedelta(hours=8))


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
BINARY_SUFFIXES: set[str] = set()  # formats whose readers take binary data (pdf)


def reader(*suffixes: str, binary: bool = False) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes; other formats (pdf, docx) plug in the same way.
    `binary=True` lets the reader see data that the text check would refuse."""

    def wrap(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
            if binary:
                BINARY_SUFFIXES.add(s)
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
    # GB18030 decodes almost any byte string, Big5 included, into rare characters: decode with
    # both Chinese codecs and keep the reading that looks like Chinese prose
    best_text, best_score = None, 0.0
    for codec in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_score(text)
        if _looks_like_text(text) and score > best_score + 0.01:
            best_text, best_score = text, score
    if best_text is not None and best_score > 0.9:
        return best_text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best)
    raise InputError("cannot decode the text (tried UTF-8, GB18030 and detection)", source=source,
                     hint="convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8")


_PLAIN_PUNCT = set("，。、；：？！“”‘’（）《》【】—…·％ \n\t")


def _chinese_score(text: str) -> float:
    """Share of characters a Chinese text is made of: ASCII, common ideographs, Chinese
    punctuation. Mis-decoded bytes turn into kana, bopomofo, box drawing and rare characters."""
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isascii() or ch in _PLAIN_PUNCT or _common_ideograph(ch))
    return good / len(sample)


def _common_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch in _common_chars()


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Every character of jieba's dictionary words with a fair frequency, plus their Traditional
    forms from OpenCC: the characters of ordinary Chinese text in either script."""
    import jieba
    import opencc

    chars: set[str] = set()
    with jieba.get_dict_file() as fh:
        for raw in fh:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            word, _, rest = line.partition(" ")
            if int(rest.split(" ", 1)[0] or 0) >= 50:
                chars.update(word)
    table = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] in chars:
            chars.update(ch for p in parts[1:] for ch in p)
    return frozenset(chars)


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
    """A publication date-time with its zone; one written without a zone is Beijing time."""
    parsed = _parse_naive(value)
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=DEFAULT_TZ)
    return parsed


def _parse_naive(value: object) -> datetime | None:
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
    try:  # RFC 822 dates of feeds and HTTP headers
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2}))?", text)
    if m:
        hour, minute = (int(m.group(4)), int(m.group(5))) if m.group(4) else (0, 0)
        try:
            return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), hour, minute)
        except ValueError:
            return None
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
    return document_from_html(decode_html(data, source), source)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# what pages declare, mapped to the codec that reads every page declaring it
_CODEC_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
                    "big5": "big5hkscs", "big5-hkscs": "big5hkscs"}


def decode_html(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode a web page: the HTTP charset, else the page's <meta charset>, else detection."""
    for name in (declared, *(_META_CHARSET.findall(data[:4096]) or [b""])[:1]):
        if isinstance(name, bytes):
            name = name.decode("ascii", "ignore")
        if not name:
            continue
        codec = _CODEC_SUPERSETS.get(name.lower(), name.lower())
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue  # a page that lies about its charset: fall back to detection
    return decode(data, source)


_PUBLISHED_TAG = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|"""
    r"""datePublished|publishdate|pubdate|publish_date)["'][^>]+content=["']([^"']+)""", re.I)
_META_AUTHOR = re.compile(r"""<meta[^>]+name=["']author["'][^>]+content=["']([^"']+)""", re.I)
_DATELINE = re.compile(r"\d{4}[年/-]\d{1,2}[月/-]\d{1,2}日?\s*\d{1,2}:\d{2}")
_BYLINE = re.compile(r"^(?:作者|文|撰文)[:：\s]\s*([^\s\d]{2,20})", re.M)

_WECHAT_VARS = {
    "author": re.compile(r'var\s+nickname\s*=\s*(?:htmlDecode\()?["\']([^"\']+)'),
    "ct": re.compile(r'var\s+ct\s*=\s*["\']?(\d{9,11})'),
}


def document_from_html(html: str, source: str, url: str = "") -> RawDocument:
    """Main text of an HTML page as Markdown (trafilatura), with its title, site, author,
    date and canonical URL. WeChat pages carry their account and time in script variables."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    body = trafilatura.extract(html, output_format="markdown", include_comments=False,
                               include_tables=True, favor_recall=True, url=url or None)
    if not body or not body.strip():
        raise InputError("no article text found in the HTML page", source=source,
                         hint="is it a navigation or login page?")
    # extensive date search loads every dateparser locale (seconds per process): the page's
    # tags, its dateline and feeds give the date more reliably for Chinese pages
    meta = extract_metadata(html, default_url=url or None, extensive=False)
    doc = RawDocument(text=body, markdown=True, url=url)
    if meta is not None:
        doc.title = meta.title or ""
        doc.author = meta.author or ""
        doc.url = meta.url or url
        doc.source = meta.sitename or meta.hostname or ""
        doc.published = _parse_date(meta.date)
    # trafilatura keeps only the day; the page's own tags usually carry the time and zone
    m = _PUBLISHED_TAG.search(html)
    if m:
        doc.published = _parse_date(m.group(1)) or doc.published
    if doc.published is None:
        m = _DATELINE.search(body[:600])
        if m:
            doc.published = _parse_date(m.group(0))
    if not doc.author:
        m = _META_AUTHOR.search(html) or _BYLINE.search(body[:500])
        if m:
            doc.author = m.group(1).strip()
    if "mp.weixin.qq.com" in html[:20000] or "rich_media" in html[:20000]:
        m = _WECHAT_VARS["author"].search(html)
        if m:
            doc.source = m.group(1)  # the public account is the publisher
            doc.meta["platform"] = "wechat"
        m = _WECHAT_VARS["ct"].search(html)
        if m:
            doc.published = datetime.fromtimestamp(int(m.group(1)), tz=DEFAULT_TZ)
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


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that exist only in Traditional Chinese (OpenCC's TS table, minus those that
    are also Simplified): a cheap test before running the slow full conversion."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    trad: set[str] = set()
    simp: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1:
            trad.add(parts[0])
            simp.update(ch for p in parts[1:] for ch in p)
    return frozenset(trad - simp)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, bool]:
    """(text in Simplified Chinese, whether it was Traditional). OpenCC does the conversion;
    a text is Traditional when a fair share of its Chinese characters are Traditional-only."""
    trad = _traditional_chars()
    sample = text[:5000]
    n_trad = sum(1 for ch in sample if ch in trad)
    n_cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if n_cjk == 0 or n_trad < max(3, n_cjk * 0.02):
        return text, False
    return _t2s().convert(text), True


def detect_language(text: str) -> str:
    """'zh' when Chinese characters dominate the letters, else 'en' (tickers and figures do not
    make a Chinese article English)."""
    sample = text[:5000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "zh" if cjk * 2 >= latin * 0.5 and cjk > 0 else ("en" if latin else "zh")


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
    if suffix not in BINARY_SUFFIXES and _is_binary(data):
        raise InputError("binary file, not text", source=source_name,
                         hint="macrodesk reads .txt, .md, .html and .pdf articles")
    fn = READERS.get(suffix, read_plain)
    doc = fn(data, source_name)
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


def _register_builtin_readers() -> None:
    # the PDF and Word readers live in their own modules; importing one registers it
    from . import pdf, word  # noqa: F401


_register_builtin_readers()


# ---- batches of sources into the archive -----------------------------------------------------


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
                if f.is_file() and f.suffix.lower() in READERS and not any(x.startswith(".") for x in rel):
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

    from . import fetch as fetchmod
    from .store import open_store

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
