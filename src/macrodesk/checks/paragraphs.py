"""The sentences of one paragraph as one text with its figures placed in it, for finders whose
relations run over a ； ("…491 万辆，同比增 57.83%；2024 年 585.9 万辆，同比增 19.33%")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from macrodesk.checks.degree import blank_degree
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import break_ends, start_after

_BREAKS = "，,；;。：:（("


@dataclass
class ParaText:
    text: str
    figures: list[Figure]
    sentences: list[tuple[int, Sentence]]  # (offset in text, sentence)
    _ends: list[int] = field(default_factory=list)  # ends of the measures, in order
    _breaks: list[int] | None = None  # ends of the clause breaks, in order (read once)
    # what finders read from the paragraph once and share (growth_items' moved levels), by name
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def sentence_at(self, pos: int) -> Sentence:
        k = bisect_right(self.sentences, pos, key=lambda pair: pair[0])
        return self.sentences[max(k - 1, 0)][1]

    def own_clause(self, f: Figure) -> str:
        """The words of a figure's own clause before it, from the measure before it at most (a
        date or a bare number is part of the clause: "2025 年 1-8 月 429.2 万辆")."""
        if not self._ends and self.figures:
            self._ends = sorted(x.end for x in self.figures
                                if x.kind not in (FigureKind.DATE, FigureKind.NUMBER))
        if self._breaks is None:
            self._breaks = break_ends(self.text, _BREAKS)
        start = start_after(self._breaks, f.start)
        k = bisect_right(self._ends, f.start)
        prev = self._ends[k - 1] if k else 0
        return self.text[max(start, prev):f.start]


def stated_rates(p: ParaText) -> Iterator[tuple[list[Figure], int, str]]:
    """Each percentage or change in points of a paragraph written after another figure: the
    paragraph's figures (dates left out), the rate's index among them, and the words between the
    figure before and the rate (where its 同比, 环比 or verb stands)."""
    figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
    for k, g in enumerate(figs):
        if k and not g.is_range and g.kind in (FigureKind.PERCENT, FigureKind.POINTS):
            yield figs, k, p.text[figs[k - 1].end:g.start]


# the last article read, by identity: two articles may share an id (the id hashes the text with
# its spacing normalized, so a PDF's spaced copy of a text is the same article) but not offsets
_LAST: list[tuple[Article, list[ParaText], list[ParaText]]] = []
# a list item labelled by a date only: "- 2023 年：销量 944.81 万辆…", "- **2024 年**：…"
_DATE_LABEL = re.compile(r"^\s*(?:19|20)\d{2}\s*年?\s*(?:[HQ][1-4]|[一二三四]季度|[上下]半年|\d{1,2}\s*月)?\s*[：:]")


def _placed(f: Figure, off: int) -> Figure:
    """A copy of `f` moved by `off`, built without validation: the figure was validated when read
    and only its place changes (paragraphs hold many figures; pydantic's copy costs 8 µs each)."""
    moved = object.__new__(Figure)
    object.__setattr__(moved, "__dict__", {**f.__dict__, "start": f.start + off, "end": f.end + off})
    object.__setattr__(moved, "__pydantic_fields_set__", f.__pydantic_fields_set__)
    object.__setattr__(moved, "__pydantic_extra__", None)
    object.__setattr__(moved, "__pydantic_private__", None)
    return moved


def paragraphs(article: Article, *, series: bool = False) -> list[ParaText]:
    """The prose and list paragraphs of an article, each as one text. With `series`, list items
    that follow each other labelled by a date or by nothing are one text ("- 2022 年：销量
    687.26 万辆…" "- 2023 年：销量 944.81 万辆，同比 + 37.48%"). Read once per article: several
    finders ask for them (callers only read them)."""
    if not _LAST or _LAST[0][0] is not article:
        _LAST[:] = [(article, *_read(article))]  # the article being checked is the only one asked about
    return _LAST[0][2] if series else _LAST[0][1]


def _continues(last: Sentence, s: Sentence) -> bool:
    return (last.kind == s.kind == "list" and s.paragraph == last.paragraph + 1
            and bool(_DATE_LABEL.match(last.text)) and bool(_DATE_LABEL.match(s.text)))


def _read(article: Article) -> tuple[list[ParaText], list[ParaText]]:
    """The paragraphs, and the same with dated series joined (one reading: a paragraph that is
    not joined is the same object in both)."""
    plain: list[ParaText] = []
    joins: list[bool] = []  # whether each paragraph continues a dated series from the one before
    last: Sentence | None = None
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            last = None
            continue
        if last is None or last.paragraph != s.paragraph:
            joins.append(last is not None and _continues(last, s))
            plain.append(ParaText("", [], []))
        para = plain[-1]
        off = len(para.text)
        para.sentences.append((off, s))
        para.text += blank_degree(s.text)
        para.figures.extend(_placed(f, off) for f in s.figures)
        last = s
    series: list[ParaText] = []
    fresh = False  # whether the last of `series` is a joined text of its own (not one of `plain`)
    for p, join in zip(plain, joins, strict=True):
        if not join:
            series.append(p)
            fresh = False
            continue
        head = series[-1]
        if not fresh:
            head = series[-1] = ParaText(head.text, list(head.figures), list(head.sentences))
            fresh = True
        off = len(head.text)
        head.text += p.text
        head.figures.extend(_placed(f, off) for f in p.figures)
        head.sentences.extend((o + off, x) for o, x in p.sentences)
    return plain, series


def prose_sections(article: Article) -> list[list[Sentence]]:
    """The prose and list sentences of each heading section, in order (tables and headings left
    out): the finders that pair figures within a section read them so."""
    by_section: dict[tuple[int, str], list[Sentence]] = {}
    for s in article.sentences:
        if s.kind in ("prose", "list"):
            by_section.setdefault((s.section_index, s.section), []).append(s)
    return list(by_section.values())
