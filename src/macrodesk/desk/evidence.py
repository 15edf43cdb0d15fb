"""What a line of the draft rests on: the source sentence(s) of an item, sector row or risk,
their figures marked, the arithmetic re-derived in them, and every figure of the line traced
as the post linter traces it. The per-item sentence comes from the Digest today; when the
article model gives evidence per item, `item_sentence_ids` is the one place to change."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from macrodesk import spec
from macrodesk.checks.arithmetic import Check, check_article
from macrodesk.checks.post import trace_line
from macrodesk.models import Article, Digest, Fact, Risk, SectorRow, Sentence

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ITEM = re.compile(r"^\d+[.、．]\s")
_ROW = re.compile(r"^\s*\|(?!\s*-)")


@dataclass
class Span:
    text: str
    figure: bool = False  # a figure of the sentence: shown highlighted


@dataclass
class SourceSentence:
    article_id: str
    title: str
    url: str
    sentence_id: str
    spans: list[Span]
    checks: list[Check] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # the line's figures this sentence holds


@dataclass
class Evidence:
    line: int
    role: str  # item, bullish, bearish, risk, or line
    index: int  # 0-based within its role
    text: str  # the post line
    sentences: list[SourceSentence]
    untraced: list[str]  # figures of the line no source sentence holds


def line_roles(text: str) -> dict[int, tuple[str, int]]:
    """1-based post line -> (role, index): the ten items, the sector rows, the risks."""
    lines = text.split("\n")
    section, counts, out = "", {"item": 0, "bullish": 0, "bearish": 0, "risk": 0}, {}
    names = {spec.TOP10: "item", spec.BULLISH: "bullish", spec.BEARISH: "bearish",
             spec.RISKS: "risk"}
    header_seen = False
    for n, line in enumerate(lines[spec.front_matter_span(lines):],
                             spec.front_matter_span(lines) + 1):
        m = _HEADING.match(line)
        if m:
            section, header_seen = names.get(m.group(2), ""), False
            continue
        if section in ("item", "risk") and _ITEM.match(line):
            out[n] = (section, counts[section])
            counts[section] += 1
        elif section in ("bullish", "bearish") and _ROW.match(line):
            if not header_seen:  # the first row is the table's header
                header_seen = True
                continue
            out[n] = (section, counts[section])
            counts[section] += 1
    return out


def item_sentence_ids(digest: Digest, role: str, index: int) -> list[str]:
    """The sentence ids an item, sector row or risk of the digest was drawn from."""
    rows: dict[str, Sequence[Fact | SectorRow | Risk]] = {
        "item": digest.facts, "bullish": digest.bullish, "bearish": digest.bearish,
        "risk": digest.risks}
    chosen = rows.get(role, [])
    if index >= len(chosen):
        return []
    sid = chosen[index].sentence_id
    return [sid] if sid else []


def spans(sentence: Sentence) -> list[Span]:
    """The sentence cut at its figures, so the page can mark them (and escape every piece)."""
    out, pos = [], 0
    for f in sorted(sentence.figures, key=lambda f: f.start):
        # a bare number (a list index, a code) is not a figure a reader checks
        if f.start < pos or f.end <= f.start or f.kind.value == "number":
            continue
        if f.start > pos:
            out.append(Span(sentence.text[pos:f.start]))
        out.append(Span(sentence.text[f.start:f.end], True))
        pos = f.end
    if pos < len(sentence.text):
        out.append(Span(sentence.text[pos:]))
    return out


class EvidenceFinder:
    """Evidence for the lines of one draft, over the articles it was made from."""

    def __init__(self, digest: Digest | None, text: str, articles: Sequence[Article]):
        self.digest, self.text, self.articles = digest, text, list(articles)
        self.by_id = {a.id: a for a in self.articles}
        self.roles = line_roles(text)
        self._checks: dict[str, list[Check]] = {}

    def _sentence(self, sid: str) -> tuple[Article, Sentence] | None:
        art = self.by_id.get(sid.split(":", 1)[0])
        if art is None:
            return None
        s = next((s for s in art.sentences if s.id == sid), None)
        if s is None and sid.endswith(":title"):
            s = Sentence(id=sid, text=art.title, paragraph=0)
        return (art, s) if s is not None else None

    def _checks_for(self, art: Article, sid: str) -> list[Check]:
        if art.id not in self._checks:
            self._checks[art.id] = check_article(art)
        return [c for c in self._checks[art.id] if c.sentence_id == sid]

    def _source(self, art: Article, s: Sentence, figures: list[str]) -> SourceSentence:
        return SourceSentence(article_id=art.id, title=art.label, url=art.url, sentence_id=s.id,
                              spans=spans(s), checks=self._checks_for(art, s.id), figures=figures)

    def for_line(self, line: int) -> Evidence | None:
        lines = self.text.split("\n")
        if not 1 <= line <= len(lines):
            return None
        role, index = self.roles.get(line, ("line", 0))
        found: dict[str, SourceSentence] = {}
        if self.digest is not None:
            for sid in item_sentence_ids(self.digest, role, index):
                hit = self._sentence(sid)
                if hit:
                    found[sid] = self._source(*hit, [])
        traces = trace_line(lines[line - 1], self.articles)
        traced = set()
        for t in traces:
            traced.add(t.figure.text)
            sid = f"{t.article_id}:{t.sentence_id}" if t.sentence_id == "title" else t.sentence_id
            if sid not in found:
                hit = self._sentence(sid)
                if hit is None:
                    continue
                found[sid] = self._source(*hit, [])
            if t.figure.text not in found[sid].figures:
                found[sid].figures.append(t.figure.text)
        from macrodesk.figures import extract_figures

        plain = re.sub(r"\*\*|\[\^\w+\]", "", lines[line - 1])
        plain = re.sub(r"^\s*(?:[-*>]\s+)*(?:\d{1,2}[.、]\s)?", "", plain)
        untraced = [f.text for f in extract_figures(plain)
                    if f.kind.value not in ("number", "date") and f.text not in traced]
        return Evidence(line, role, index, lines[line - 1], list(found.values()), untraced)
