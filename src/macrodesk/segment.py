"""Split a cleaned article into headings, paragraphs and sentences, the way Chinese text breaks:
at 。！？； and line ends, never inside a number (8.1%) or inside brackets and quotes."""

from __future__ import annotations

import re
from typing import Literal

from macrodesk.figures import extract_figures
from macrodesk.models import Paragraph, Sentence

_MD_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_CN_TOP = re.compile(r"^[一二三四五六七八九十]+[、．.]\s*(.+)$")
_CN_SUB = re.compile(r"^[（(][一二三四五六七八九十]+[)）]\s*(.+)$")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十]+[，,、：:部分章节是]\s*(.*)$")
# "1." opens an item, but a line a PDF broke before "0.04pct/+0.05pct" does not
_NUMBERED = re.compile(r"^(?:(\d{1,2})(?:\.\d{1,2})*[、.．)）](?!\d)|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫]|[-*•·●◆■▪]\s)\s*")
# a line that stops on an operator, and one that can only go on from the line before it (a
# figure's unit, the rest of a "/"-list)
_OPEN_END = re.compile(r"[+＋/]\s*$")
_CONTINUES = re.compile(r"^[/%]")
_BOLD_ONLY = re.compile(r"^\*\*(.+?)\*\*[:：]?$")
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*\s*[:：]?\s*(.+)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
# a link only when its target is an address: "12.3%[2](剔除…后)" is a footnote and an aside
_LINK = re.compile(r"!?\[([^\]]*)\]\((?:https?:|www\.|/|#|mailto:)[^)\s]*\)")
# a reference marker on a figure or a word ("12.3%[2]", "增长5%①"), removed before anything
# else reads the line, so that it is never read as part of the figure
_FOOTNOTE = re.compile(r"(?<=[\d%‰\u4e00-\u9fff）)”])\[\d{1,2}\](?!\((?:https?:|www\.|/|#))|(?<=[\d%‰])[①②③④⑤⑥⑦⑧⑨⑩]")
# half-width punctuation between Chinese characters, as scraped from some sites: the full-width
# mark, so that clause and sentence splitting read it as the author meant
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff）”])[,;:?!]\s?(?=[\u4e00-\u9fff（“]|$)")
# a backslash between two items of a list ("EPS分别为0.94\1.51\2.34元", "2019Q2\Q3"): the slash it stands
# for (a Markdown escape, "\*", stands before a mark, not between two words)
_BACKSLASH_LIST = re.compile(r"(?<=[\d\u4e00-\u9fffA-Za-z%])\\(?=[\d\u4e00-\u9fffA-Za-z])")
# a line a PDF spaced out character by character ("我 们 预 计 公 司"): its words, closed up
_SPACED_RUN = re.compile(r"(?:[\u4e00-\u9fff] ){4,}[\u4e00-\u9fff]")
_SPACED_PAIR = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_TERMINATORS = set("。！？；!?;")
_OPENERS = {"（": "）", "(": ")", "“": "”", "「": "」", "『": "』", "《": "》", "【": "】", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_TRAILING_CLOSERS = set("”’」』）)】》\"'")

MAX_HEADING_CHARS = 40

BlockKind = Literal["heading", "prose", "list", "table"]


def strip_markup(text: str) -> str:
    """Plain text of a Markdown line: reference markers go, links become their text, emphasis
    marks go, half-width punctuation between Chinese characters becomes full-width, a backslash
    between two list items a slash, and a line spaced out character by character is closed up."""
    text = _FOOTNOTE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HALF_PUNCT.sub(lambda m: _HALF[m.group(0)[0]], text)
    if "\\" in text:
        text = _BACKSLASH_LIST.sub("/", text)
    if _SPACED_RUN.search(text):
        text = _SPACED_PAIR.sub("", text)
    return _EMPHASIS.sub("", text).strip()


def _is_sentence_like(text: str) -> bool:
    return any(ch in _TERMINATORS or ch in "，," for ch in text.rstrip("。"))


def classify_line(line: str) -> tuple[BlockKind, int, str]:
    """(kind, level, text) of one line: a heading with its depth, a list item, or prose."""
    s = line.strip()
    m = _MD_HEADING.match(s)
    if m:
        return "heading", len(m.group(1)), strip_markup(m.group(2))
    plain = strip_markup(s)
    short = len(plain) <= MAX_HEADING_CHARS and not plain.endswith(("。", "；", "！", "？"))
    for pat, level in ((_CN_TOP, 1), (_CN_SUB, 2), (_ORDINAL, 3)):
        m = pat.match(plain)
        if m and short and not _is_sentence_like(m.group(1)):
            return "heading", level + 6, plain
    marker = _NUMBERED.match(s)
    body = s[marker.end():] if marker else s
    bm = _BOLD_ONLY.match(body.strip())
    if bm and len(bm.group(1)) <= MAX_HEADING_CHARS:
        return "heading", 10 if marker else 9, strip_markup(bm.group(1))
    if marker:
        return "list", 0, body.strip()
    return "prose", 0, s


def split_sentences(text: str) -> list[str]:
    """Split at 。！？；!? (and their closing quotes), never inside brackets or quotes."""
    out: list[str] = []
    depth: list[str] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        buf.append(ch)
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif ch in _CLOSERS and depth and depth[-1] == ch:
            depth.pop()
        elif ch in _CLOSERS and depth and ch in depth:
            while depth and depth[-1] != ch:
                depth.pop()
            if depth:
                depth.pop()
        closes_quoted_sentence = (ch in "”’」』" and not depth and len(buf) > 1 and buf[-2] in "。！？!?")
        if (ch in _TERMINATORS or closes_quoted_sentence) and not depth:
            if ch in "!?" and i + 1 < n and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
                continue
            while i + 1 < n and (text[i + 1] in _TERMINATORS or text[i + 1] in _TRAILING_CLOSERS):
                i += 1
                buf.append(text[i])
            out.append("".join(buf).strip())
            buf = []
        i += 1
    rest = "".join(buf).strip()
    if rest:
        if len(depth) > 2 or (out and len(rest) < 2):
            out[-1:] = [out[-1] + rest] if out else [rest]
        else:
            out.append(rest)
    # a sentence that never closed its bracket swallows the rest; unbalanced text is split
    # again at terminators, ignoring brackets, rather than becoming one giant "sentence".
    fixed: list[str] = []
    for s in out:
        if len(s) > 400 and any(t in s[:-1] for t in "。！？"):
            fixed.extend(x for x in re.split(r"(?<=[。！？])", s) if x.strip())
        else:
            fixed.append(s)
    return [s for s in fixed if s.strip("。！？；!?;，, ")]


def _table_text(rows: list[list[str]]) -> list[str]:
    return ["，".join(c for c in row if c) for row in rows if any(row)]


def segment(text: str, article_id: str, title: str = "") -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (headings, prose, list items, tables) and sentences with their figures."""
    paragraphs: list[Paragraph] = []
    lines = text.split("\n")
    blocks: list[tuple[BlockKind, int, str]] = []
    table: list[list[str]] = []
    for line in lines + [""]:
        if _TABLE_ROW.match(line):
            if not _TABLE_SEP.match(line):
                table.append([strip_markup(c) for c in line.strip().strip("|").split("|")])
            continue
        if table:
            blocks.append(("table", 0, "\n".join(_table_text(table))))
            table = []
        if _TABLE_SEP.match(line) or not line.strip():
            continue
        if blocks and blocks[-1][0] in ("prose", "list") and (
                _OPEN_END.search(blocks[-1][2]) or _CONTINUES.match(line.strip())):
            # a line broken mid-sentence (a PDF's layout, a hard wrap): "…财务费用率分别 +" /
            # "0.04pct/+0.05pct/+0.10pct。"
            prev_kind, prev_level, prev_body = blocks[-1]
            blocks[-1] = (prev_kind, prev_level, prev_body + strip_markup(line.strip()))
            continue
        kind, level, body = classify_line(line)
        if kind == "heading" and title and body == strip_markup(title):
            continue  # the title repeated as the first heading
        blocks.append((kind, level, body))

    heading_levels = sorted({lvl for k, lvl, _ in blocks if k == "heading"})
    top = heading_levels[0] if heading_levels else None
    # a single heading of the shallowest level is the article's own title line: use the next
    if top is not None and sum(1 for k, lvl, _ in blocks if k == "heading" and lvl == top) == 1 \
            and len(heading_levels) > 1:
        top = heading_levels[1]
    section, section_index = "", 0
    sentences: list[Sentence] = []
    for idx, (kind, level, body) in enumerate(blocks):
        if kind == "heading":
            if level == top:
                section_index += 1
                section = body
            elif level < (top or 0):
                section = body
            paragraphs.append(Paragraph(index=idx, text=body, kind="heading", level=level,
                                        section=section, section_index=section_index))
            # a heading is the author's own words too: figures in it must trace to it
            sentences.append(Sentence(
                id=f"{article_id}:{idx}.0", text=body, paragraph=idx, section=section,
                section_index=section_index, kind="heading", figures=extract_figures(body),
            ))
            continue
        paragraphs.append(Paragraph(index=idx, text=body, kind=kind, section=section,
                                    section_index=section_index))
        bold_lead = ""
        if kind != "table":
            bm = _BOLD_LEAD.match(body)
            if bm and len(bm.group(1)) <= MAX_HEADING_CHARS:
                bold_lead = strip_markup(bm.group(1))
        pieces = body.split("\n") if kind == "table" else split_sentences(strip_markup(body))
        for j, piece in enumerate(pieces):
            piece = piece.strip()
            if not piece:
                continue
            sentences.append(Sentence(
                id=f"{article_id}:{idx}.{j}", text=piece, paragraph=idx, section=section,
                section_index=section_index,
                kind="table" if kind == "table" else ("list" if kind == "list" else "prose"),
                bold_lead=bold_lead if j == 0 else "", figures=extract_figures(piece),
            ))
    return paragraphs, sentences
