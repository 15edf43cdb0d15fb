"""Read PDF research reports (pdfplumber): page text without running headers, footers and page
numbers, with broken lines re-joined into sentences and captions kept apart."""

from __future__ import annotations

import io
import re
from datetime import datetime

from macrodesk.clean import Cleaned, drop_running_lines, rejoin_lines
from macrodesk.errors import InputError
from macrodesk.readers import MAX_EXPANDED_BYTES, RawDocument, expands_beyond, reader
from macrodesk.text.dates import parse_date

# how many characters a page must yield, on average, before we believe it has a text layer
MIN_CHARS_PER_PAGE = 20


def _pdf_date(value: object) -> datetime | None:
    """PDF dates look like D:20251212093000+08'00'."""
    if not value:
        return None
    text = value.decode("latin-1", "ignore") if isinstance(value, bytes) else str(value)
    m = re.match(r"D?:?(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?([+-]\d{2})?'?(\d{2})?", text)
    if not m:
        return None
    y, mo, d, h, mi, s, tzh, tzm = m.groups()
    iso = f"{y}-{mo}-{d}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if tzh:
        iso += f"{tzh}:{tzm or '00'}"
    elif text[16:17] == "Z":
        iso += "+00:00"
    return parse_date(iso)


def _meta_text(value: object) -> str:
    if isinstance(value, bytes):
        for codec in ("utf-16", "utf-8", "gb18030", "latin-1"):
            try:
                return value.decode(codec).strip("\x00 ")
            except UnicodeDecodeError:
                continue
    return str(value or "").strip()


def extract_pages(data: bytes, source: str) -> tuple[list[list[str]], dict]:
    """Lines of each page and the document's info dictionary, or one clear InputError."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF file (no %PDF header)", source=source,
                         hint="the file may be truncated or mislabelled")
    check_expansion(data, source)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            info = dict(pdf.metadata or {})
            pages = []
            for page in pdf.pages:
                pages.append(_page_lines(page))
    except (PDFSyntaxError, PSException) as exc:
        raise InputError(f"corrupt PDF: {exc}", source=source,
                         hint="re-download it or print it to a new PDF") from exc
    except Exception as exc:  # pdfminer raises bare exceptions on damaged files
        if exc.__class__.__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")) or \
                isinstance(exc, ValueError | KeyError | TypeError | AssertionError | IndexError):
            raise InputError(f"corrupt PDF: {exc.__class__.__name__}: {exc}", source=source,
                             hint="re-download it or print it to a new PDF") from exc
        raise
    return pages, info


_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def check_expansion(data: bytes, source: str, limit: int = MAX_EXPANDED_BYTES) -> None:
    """Refuse a PDF whose Flate streams (pages, fonts, object streams) unpack to more than
    `limit` in all: pdfminer unpacks each in memory at once. Images are not unpacked for text,
    so they do not count. Counted a megabyte at a time, nothing is kept."""
    import zlib

    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 2048):m.start()]
        if b"/Image" in head[head.rfind(b" obj"):]:
            continue
        end = data.find(b"endstream", m.end())
        d = zlib.decompressobj()
        chunk = data[m.end(): end if end > 0 else len(data)]
        try:
            while chunk:
                total += len(d.decompress(chunk, 1 << 20))
                if total > limit:
                    raise expands_beyond(source, limit)
                chunk = d.unconsumed_tail
        except zlib.error:
            continue  # not Flate (or damaged): pdfminer decides


def _page_lines(page) -> list[str]:
    """The page's text lines, with a blank line wherever a paragraph ends: after a line that
    stops short of the right edge of the text block, before an indented line, and where the
    vertical gap is wider than the line spacing."""
    rows = page.extract_text_lines(x_tolerance=1.5, y_tolerance=3, return_chars=False)
    rows = [r for r in rows if r["text"].strip()]
    if not rows:
        return []
    gaps = sorted(b["top"] - a["top"] for a, b in zip(rows, rows[1:], strict=False) if b["top"] > a["top"])
    usual = gaps[len(gaps) // 2] if gaps else 0
    # justified body lines share one right edge: the most common one (headers and footers,
    # though also full width, are few)
    edges: dict[int, int] = {}
    for r in rows:
        edges[round(r["x1"] / 4)] = edges.get(round(r["x1"] / 4), 0) + 1
    right = max(edges.items(), key=lambda kv: (kv[1], kv[0]))[0] * 4
    left = min(r["x0"] for r in rows)
    char_w = sorted((r["x1"] - r["x0"]) / max(len(r["text"]), 1) for r in rows)[len(rows) // 2]
    lines: list[str] = []
    for i, row in enumerate(rows):
        if i:
            prev = rows[i - 1]
            short = prev["x1"] < right - 2.5 * char_w
            gap = usual and row["top"] - prev["top"] > usual * 1.35
            indent = row["x0"] > left + 1.5 * char_w
            if short or gap or indent:
                lines.append("")
        lines.append(row["text"])
    return lines


@reader(".pdf", binary=True)
def read_pdf(data: bytes, source: str) -> RawDocument:
    """A PDF's text as an article: a text layer is required (scans need OCR first)."""
    pages, info = extract_pages(data, source)
    chars = sum(len(ln.strip()) for page in pages for ln in page)
    if not pages or chars < MIN_CHARS_PER_PAGE * len(pages) / 2 and chars < 200:
        raise InputError(
            f"no text layer: {len(pages)} page(s) with {chars} characters of text "
            "(a scanned or image-only PDF)", source=source,
            hint="run OCR first, e.g. ocrmypdf -l chi_sim in.pdf out.pdf",
        )
    removed = Cleaned(text="")
    pages = drop_running_lines(pages, removed)
    lines: list[str] = []
    for page in pages:
        # the gap above a removed footer is no paragraph end
        while page and not page[-1].strip():
            page = page[:-1]
        while page and not page[0].strip():
            page = page[1:]
        lines.extend(page)
        lines.append("\f")  # a page break: a paragraph may run on over it
    # join across page breaks: drop the blank after a page whose last line was full width
    text_lines = rejoin_lines(_merge_page_breaks(lines), full_share=0)
    doc = RawDocument(text="\n".join(text_lines))
    doc.title = _meta_text(info.get("Title"))
    doc.author = _meta_text(info.get("Author"))
    # the report's date is printed in its running header; the file's creation date comes second
    doc.published = _date_in_lines(removed.removed) or _pdf_date(info.get("CreationDate"))
    doc.meta = {"format": "pdf", "pages": str(len(pages))}
    if removed.removed:
        doc.meta["pdf_removed"] = "\n".join(removed.removed)
    return doc


_PRINTED_DATE = re.compile(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})")


def _date_in_lines(lines: list[str]) -> datetime | None:
    for line in lines:
        m = _PRINTED_DATE.search(line)
        if m:
            return parse_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    return None


def _merge_page_breaks(lines: list[str]) -> list[str]:
    """A sentence that runs over a page break: remove the page-break blank when the line before
    it does not end a sentence, so rejoin_lines can glue the halves."""
    out: list[str] = []
    for i, ln in enumerate(lines):
        if ln != "\f":
            out.append(ln)
            continue
        prev = out[-1].strip() if out else ""
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if prev and nxt and not prev.endswith(("。", "！", "？", "：", ":")) and len(prev) > 20:
            continue
        out.append("")
    return out
