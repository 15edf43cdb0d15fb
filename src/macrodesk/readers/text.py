"""Plain text and Markdown articles; Markdown front matter becomes the article's metadata."""

from __future__ import annotations

from macrodesk.readers import RawDocument, reader
from macrodesk.spec import split_front_matter
from macrodesk.text.dates import parse_date
from macrodesk.text.decode import decode


@reader(".md", ".markdown")
def read_markdown(data: bytes, source: str) -> RawDocument:
    text = decode(data, source)
    meta, body = split_front_matter(text, source, strict=False)
    doc = RawDocument(text=body, markdown=True)
    if meta:
        doc.title = str(meta.get("title") or "")
        doc.source = str(meta.get("source") or meta.get("publisher") or "")
        doc.author = str(meta.get("author") or "")
        doc.url = str(meta.get("sourceUrl") or meta.get("url") or meta.get("link") or "")
        doc.published = parse_date(meta.get("publishedAt") or meta.get("date"))
        # summaries in front matter are derived from the body: keep them out of the text
        doc.meta = {k: str(v) for k, v in meta.items()
                    if isinstance(v, str | int | float) and k not in ("summary", "description")}
    return doc


@reader(".txt", ".text")
def read_plain(data: bytes, source: str) -> RawDocument:
    return RawDocument(text=decode(data, source))


