"""A level stated as a multiple or a fraction of another: "中国产能 40 万吨，为美国 10 万吨的 4 倍" is 40 / 10,
"仅为风光总装机 2999GW 的 12.4%" is 372 / 2999 (the level before, the reference written between 为 and 的),
"前者是后者的 2 倍" the two levels before it."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.checks.tokens import is_bound
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the wording: the reference between 为/是 and 的, then the multiple or the fraction
_OF = re.compile(r"(?:是|为|相当于|约为|约是|仅为|仅是|只有|只是|仅相当于)(?P<ref>[^，,。；;：:！？!?]{0,24}?)的\s*(?:约|大约)?\s*$")
_BOTH = re.compile(r"前者(?:是|为|相当于|约为|仅为|只有)后者的\s*(?:约|大约)?\s*$")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.PERCENT, FigureKind.NUMBER)
_BREAKS = re.compile(r"[。；;！？!?]")
_CLAUSE = re.compile(r"[，,]")


def find_times_of(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "的" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, c in enumerate(figs):
            if c.kind not in (FigureKind.MULTIPLE, FigureKind.PERCENT) or k == 0 or is_bound(s.text, c):
                continue
            lead = max(0, c.start - 40)  # the wording is sought in the 40 characters before the figure
            chk = _named(s, figs, k, lead) or _former_latter(s, figs, k, lead)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _named(s: Sentence, figs: list[Figure], k: int, lead: int) -> Check | None:
    """"A …，为 B 的 N 倍": B the one level inside the wording, A the figure right before it."""
    m = _OF.search(s.text, lead, figs[k].start)
    if m is None:
        return None
    start = m.start()
    inside = [f for f in figs[:k] if m.start("ref") <= f.start and f.end <= m.end("ref")]
    before = [f for f in figs[:k] if f.end <= start]
    if len(inside) != 1 or not before:
        return None
    b, a = inside[0], before[-1]
    # the compared level stands right before the wording, at most one comma back
    gap = s.text[a.end:start]
    if _BREAKS.search(gap) or len(_CLAUSE.findall(gap)) > 1:
        return None
    return _judge(s, a, b, figs[k])


def _former_latter(s: Sentence, figs: list[Figure], k: int, lead: int) -> Check | None:
    """"A …，B …，前者是后者的 N 倍": the two levels right before the wording."""
    if k < 2 or _BOTH.search(s.text, lead, figs[k].start) is None:
        return None
    a, b = figs[k - 2], figs[k - 1]
    if _BREAKS.search(s.text[a.start:figs[k].start]):
        return None
    return _judge(s, a, b, figs[k])


def _judge(s: Sentence, a: Figure, b: Figure, c: Figure) -> Check | None:
    if a.kind not in _LEVELS or unit_key(s, a) is None or unit_key(s, a) != unit_key(s, b) \
            or is_bound(s.text, a) or is_bound(s.text, b):
        return None
    ia, ib = interval(a), interval(b)
    if ia.lo <= 0 or ib.lo <= 0:
        return None
    got = ia / ib
    if c.kind == FigureKind.PERCENT:
        got = got.scale(100)
    written = figure_interval(c, result=True)
    return interval_check(got, written, kind="ratio", stated=c.text, inputs=[a.text, b.text],
                          relation=f"{a.text} / {b.text} = {c.text}", sentence=s.text, sentence_id=s.id,
                          paragraph=s.paragraph, input_sentences=[s.text, s.text])

