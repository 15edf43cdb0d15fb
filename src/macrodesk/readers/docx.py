"""Read Word (.docx) research notes: headings become Markdown headings, tables become rows,
the document's core properties give title, author and date."""

from __future__ import annotations

import io
import zipfile

from macrodesk.errors import InputError
from macrodesk.readers import MAX_EXPANDED_BYTES, RawDocument, expands_beyond, reader


@reader(".docx", binary=True)
def read_docx(data: bytes, source: str) -> RawDocument:
    """A .docx file's paragraphs and tables in reading order, as Markdown."""
    import docx  # python-docx (this module is named word.py so as not to shadow it)
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # a member never unpacks to more than its declared size (zipfile stops there), so
            # the declared sizes bound the memory python-docx will use
            if sum(i.file_size for i in z.infolist()) > MAX_EXPANDED_BYTES:
                raise expands_beyond(source)
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word document: {exc}", source=source,
                         hint="open and re-save it in Word or LibreOffice as .docx") from exc
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, doc)
            text = para.text.strip()
            if not text:
                continue
            style = (para.style.name or "") if para.style is not None else ""
            level = _heading_level(style)
            lines.append(f"{'#' * level} {text}" if level else text)
            lines.append("")
        elif tag == "tbl":
            table = docx.table.Table(child, doc)
            for i, row in enumerate(table.rows):
                cells = [c.text.strip().replace("|", "｜") for c in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    lines.append("|" + "---|" * len(cells))
            lines.append("")
    props = doc.core_properties
    return RawDocument(
        text="\n".join(lines), title=props.title or "", author=props.author or "",
        published=props.created, markdown=True,
    )


def _heading_level(style: str) -> int:
    """Word's 'Title' and 'Heading N' styles (localised names too) to a Markdown level."""
    name = style.lower()
    if name == "title" or style == "标题":
        return 1
    for prefix in ("heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix):].strip().isdigit():
            return min(6, int(name[len(prefix):]) + 1)
    return 0
