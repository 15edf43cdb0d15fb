"""Fetch web pages and feeds (httpx): timeouts, redirects, a size limit, a real User-Agent and
charset detection; HTML main text via trafilatura, RSS/Atom entries via feedparser."""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import os
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlparse

import httpcore
import httpx

from macrodesk.errors import FetchError, InputError
from macrodesk.models import Article
from macrodesk.readers import RawDocument, article_from_bytes, article_from_document
from macrodesk.readers.html import document_from_html
from macrodesk.text.dates import parse_date
from macrodesk.text.decode import decode, decode_html

try:
    from importlib.metadata import version as _version

    _VERSION = _version("macrodesk")
except Exception:  # running from a source tree that is not installed
    _VERSION = "0"

USER_AGENT = (f"Mozilla/5.0 (compatible; macrodesk/{_VERSION}; "
              "+https://github.com/macrodesk/macrodesk) research-reader")
DEFAULT_TIMEOUT = 20.0  # seconds without a byte (connect or read)
DEFAULT_DEADLINE = 60.0  # seconds for the whole body: an endless response stops here
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json", "application/xml", "text/xml")


@dataclass
class Fetched:
    """One HTTP response body, read within the limits."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_feed(self) -> bool:
        head = self.content[:512].lstrip().lower()
        if self.content_type in _FEED_TYPES[:4]:
            return True
        if self.content_type in _FEED_TYPES[4:] or head.startswith(b"<?xml"):
            return b"<rss" in self.content[:2048].lower() or b"<feed" in self.content[:2048].lower() \
                or b"<rdf" in self.content[:2048].lower() or looks_like_feed_url(self.final_url)
        return False

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf" or self.content[:5] == b"%PDF-"


def looks_like_feed_url(url: str) -> bool:
    """URLs that name a feed: their content must parse as one, or the source fails."""
    path = urlparse(url).path.lower()
    return bool(re.search(r"(?:\.(?:rss|atom|xml)$|/(?:feed|rss|atom)(?:/|\.xml)?$)", path))


# ---- what a reader would fetch --------------------------------------------------------------
#
# A feed (or a redirect from a page) may point anywhere; macrodesk must not become a way into the
# machine's own network. Every connection is made here, after resolving the name, to an address
# that was checked: loopback, private, link-local, shared, reserved and multicast addresses are
# refused unless the user allows the host (`[fetch] allow_hosts`, or MACRODESK_FETCH_ALLOW).
# Connecting to the checked address itself leaves no second lookup to rebind. Redirects connect
# again, so every hop is checked.

# the end of the fetch running on this thread (monotonic seconds): every connect, read and
# write waits at most until then, so a server dripping headers a byte at a time is cut too
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("fetch_deadline",
                                                                         default=None)


class _Blocked(httpcore.ConnectError):
    """A connection to an address a reader would not visit."""


# hosts allowed by the config a use case runs with (daily --config FILE), beyond the default file
_ALLOWED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("fetch_allowed",
                                                                          default=frozenset())


def _hosts(raw: object) -> list[str]:
    hosts = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
    return [str(h).strip().lower().strip("[]") for h in hosts if str(h).strip()]


def allowed_hosts(config=None) -> frozenset[str]:
    """Hosts the user lets macrodesk fetch even when they resolve to an internal address:
    `[fetch] allow_hosts` of `config` (default: the config file), MACRODESK_FETCH_ALLOW, and
    those of a use case running with its own config (`allowing`)."""
    from macrodesk.config import load_config

    cfg = config or load_config()
    hosts = _hosts(cfg.section("fetch").get("allow_hosts", []))
    hosts += _hosts(os.environ.get("MACRODESK_FETCH_ALLOW", "").split(","))
    return frozenset(hosts) | _ALLOWED.get()


@contextlib.contextmanager
def allowing(config) -> Iterator[None]:
    """Within the block, clients made on this thread may also fetch `config`'s allowed hosts."""
    token = _ALLOWED.set(frozenset(_hosts(config.section("fetch").get("allow_hosts", []))))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def public_address(ip: str) -> bool:
    """Whether an address is one a reader on the internet could reach (not the machine's own
    network: loopback, private, link-local, CGNAT, reserved, multicast, unspecified)."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(addr, "ipv4_mapped", None) or getattr(addr, "sixtofour", None)
    if mapped is not None:
        addr = mapped
    return addr.is_global and not addr.is_multicast


def _left(timeout: float | None) -> float | None:
    end = _DEADLINE.get()
    if end is None:
        return timeout
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("the fetch deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    def __init__(self, allow: frozenset[str]):
        self._inner = httpcore.SyncBackend()
        self._allow = allow

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        name = host.lower().strip("[]")
        try:
            infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addrs = list(dict.fromkeys(str(i[4][0]) for i in infos))
        if name not in self._allow:
            bad = [a for a in addrs if not public_address(a)]
            if bad or not addrs:
                raise _Blocked(f"{host} is {', '.join(bad) or 'unresolvable'}, an internal address")
        last: Exception | None = None
        for addr in addrs:
            try:
                return _DeadlineStream(self._inner.connect_tcp(
                    addr, port, _left(timeout), local_address, socket_options))
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise _Blocked("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def make_client(timeout: float = DEFAULT_TIMEOUT, user_agent: str = USER_AGENT,
                allow_hosts: frozenset[str] | set[str] | None = None) -> httpx.Client:
    """One client per batch: connection reuse, redirects followed up to MAX_REDIRECTS, only
    public addresses (plus `allow_hosts`, default: the config's), every wait bounded by the
    deadline of the fetch in progress."""
    allow = frozenset(h.lower() for h in allow_hosts) if allow_hosts is not None \
        else allowed_hosts()
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_connections=16,
                                                        max_keepalive_connections=8))
    transport._pool._network_backend = _GuardedBackend(allow)  # httpx has no public hook
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
        trust_env=False,  # a proxy from the environment would connect around the guard
        headers={"User-Agent": user_agent,
                 "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
                           "application/pdf,*/*;q=0.8",
                 "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.6"},
    )


def fetch(url: str, *, client: httpx.Client | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
          deadline: float = DEFAULT_DEADLINE, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET `url` within the limits, or raise one FetchError saying what went wrong. `deadline`
    bounds the whole fetch: connecting, the headers, every redirect and the body."""
    scheme = urlparse(url).scheme
    if scheme not in ("http", "https"):
        raise FetchError("not an http(s) URL", source=url)
    own = client is None
    client = client or make_client(timeout)
    started = time.monotonic()
    token = _DEADLINE.set(started + deadline)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=url,
                                 hint="check the URL" if resp.status_code == 404 else None)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    f"page is {int(declared) / 1048576:.1f} MB, over the "
                    f"{max_bytes / 1048576:.1f} MB limit", source=url)
            buf = bytearray()
            for chunk in resp.iter_bytes():
                buf += chunk
                if len(buf) > max_bytes:
                    raise FetchError(f"page is over the {max_bytes / 1048576:.1f} MB limit",
                                     source=url, hint="is it a page at all?")
                if time.monotonic() - started > deadline:
                    raise FetchError(f"download took over {deadline:.0f} s, stopped", source=url,
                                     hint="the server may be sending an endless response")
            ctype = resp.headers.get("content-type", "")
            mime = ctype.split(";", 1)[0].strip().lower()
            charset = resp.charset_encoding if "charset" in ctype.lower() else None
            return Fetched(url=url, final_url=str(resp.url), status=resp.status_code,
                           content_type=mime, charset=charset, content=bytes(buf),
                           headers=dict(resp.headers))
    except httpx.TimeoutException as exc:
        if time.monotonic() - started >= deadline - 0.05:
            raise FetchError(f"download took over {deadline:.0f} s, stopped", source=url,
                             hint="the server may be stalling; the next run retries it") from exc
        raise FetchError(f"timed out after {timeout:.0f} s ({exc.__class__.__name__})", source=url,
                         hint="the site is slow or down; the next run retries it") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url) from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", source=url) from exc
    except httpx.ConnectError as exc:
        if isinstance(exc.__cause__, _Blocked) or "internal address" in str(exc):
            raise FetchError(f"not fetched: {exc}", source=url,
                             hint="macrodesk only fetches public addresses; to fetch this host, "
                                  "add it to [fetch] allow_hosts in the config") from exc
        raise FetchError(f"cannot fetch: ConnectError: {exc}", source=url,
                         hint="check the network; the next run retries it") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc.__class__.__name__}: {exc}", source=url,
                         hint="check the network; the next run retries it") from exc
    finally:
        _DEADLINE.reset(token)
        if own:
            client.close()


def article_from_fetched(f: Fetched) -> Article:
    """A fetched page (HTML, PDF or plain text) as a cleaned Article; the URL after redirects
    is the article's URL unless the page names a canonical one."""
    src = f.final_url
    if f.is_pdf:
        return article_from_bytes(f.content, src, ".pdf", url=src)
    if f.content_type in ("text/plain", "text/markdown"):
        text = f.content.decode(f.charset) if f.charset else decode(f.content, src)
        suffix = ".md" if f.content_type == "text/markdown" else ".txt"
        return article_from_bytes(text.encode("utf-8"), src, suffix, url=src)
    if f.content_type and "html" not in f.content_type and "xml" not in f.content_type:
        raise FetchError(f"not a page macrodesk can read ({f.content_type})", source=src)
    html = decode_html(f.content, src, f.charset)
    doc = document_from_html(html, src, url=src)
    doc.meta.setdefault("fetched_from", f.url)
    return article_from_document(doc, src, url=src)


@dataclass
class FeedEntry:
    url: str
    title: str = ""
    published: datetime | None = None
    author: str = ""
    content: str = ""  # HTML of the entry's full text, when the feed carries it


@dataclass
class Feed:
    url: str
    title: str
    entries: list[FeedEntry]


# a feed entry this long carries the article itself; a shorter one is a teaser to follow
FULL_TEXT_CHARS = 600


def parse_feed(f: Fetched) -> Feed:
    """Entries of an RSS/Atom feed, or a FetchError when the body is not a feed."""
    import feedparser

    parsed = feedparser.parse(f.content, response_headers={"content-location": f.final_url})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or \
            str(parsed.get("bozo_exception") or "no entries")
        raise FetchError(f"not a valid RSS/Atom feed: {why}", source=f.final_url,
                         hint="check that the URL is the feed, not the site's page")
    entries = []
    for e in parsed.entries:
        link = e.get("link") or e.get("id") or ""
        if not link:
            continue
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        published = None
        for key in ("published", "updated", "created"):
            if e.get(key):
                published = parse_date(e.get(key))
                if published:
                    break
        entries.append(FeedEntry(url=link, title=e.get("title", ""), published=published,
                                 author=e.get("author", ""), content=content))
    return Feed(url=f.final_url, title=parsed.feed.get("title", ""), entries=entries)


def article_from_entry(entry: FeedEntry, feed: Feed) -> Article | None:
    """The entry's own full text as an Article, or None when the page must be fetched."""
    if len(re.sub(r"<[^>]+>", "", entry.content)) < FULL_TEXT_CHARS:
        return None
    html = f"<html><head><title>{entry.title}</title></head><body><article>{entry.content}" \
           "</article></body></html>"
    try:
        doc = document_from_html(html, entry.url, url=entry.url)
    except InputError:
        return None
    doc = RawDocument(text=doc.text, title=entry.title or doc.title, source=feed.title,
                      author=entry.author, url=entry.url, published=entry.published,
                      meta={"feed": feed.url}, markdown=True)
    return article_from_document(doc, entry.url, url=entry.url)


def enrich_from_entry(article: Article, entry: FeedEntry, feed: Feed) -> Article:
    """Fill what the page did not say from the feed entry (date, title, publisher)."""
    updates: dict = {}
    if article.published is None and entry.published is not None:
        updates["published"] = entry.published
    if not article.title and entry.title:
        updates["title"] = entry.title
    if not article.source and feed.title:
        updates["source"] = feed.title
    meta = dict(article.meta)
    meta["feed"] = feed.url
    updates["meta"] = meta
    return article.model_copy(update=updates)
