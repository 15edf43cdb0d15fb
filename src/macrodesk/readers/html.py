"""Web pages (saved HTML or fetched): the main text as Markdown with trafilatura, and the
page's title, site, author, date and canonical URL."""

from __future__ import annotations

import re
from datetime import datetime

from macrodesk.errors import InputError
from macrodesk.readers import RawDocument, reader
from macrodesk.text.dates import DEFAULT_TZ, parse_date
from macrodesk.text.decode import decode_html


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str) -> RawDocument:
    return document_from_html(decode_html(data, source), source)


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
        doc.published = parse_date(meta.date)
    # trafilatura keeps only the day; the page's own tags usually carry the time and zone
    m = _PUBLISHED_TAG.search(html)
    if m:
        doc.published = parse_date(m.group(1)) or doc.published
    if doc.published is None:
        m = _DATELINE.search(body[:600])
        if m:
            doc.published = parse_date(m.group(0))
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


