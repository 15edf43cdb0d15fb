"""A 同比 growth whose base is written beside it as a level of the year before: "2024 年出口 3.2
万亿美元，2023 年为 3.02 万亿美元，同比增长 5.9%", "营收 100 亿元，同比增长 25%，上年同期为 80 亿元",
"由 2023 年的 47.1 万亿元增至 2024 年的 48.8 万亿元，同比增长 3.6%"."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

# the growth: "同比增长 5.9%", "同比 + 25%", "同比下降 3%", "增长 3.6%" (after a pair of dated levels)
_GROWTH = re.compile(r"(?:同比|较上年|比上年|较去年|比去年)\s*(?:分别)?\s*(?:增长|增加|上升|提高|提升|上涨|增|"
                     r"下降|下滑|减少|回落|降低|下跌|降|变动)?\s*(?:了|约|达)?\s*$")
_PLAIN_GROWTH = re.compile(r"(?:增长|增加|上升|提高|上涨|增|下降|下滑|减少|回落|降低|下跌|降)\s*(?:了|约|达)?\s*$")
# a base named relative to the level: "上年同期为 80 亿元", "去年为", "较上年的"
_LAST_YEAR = re.compile(r"上年|去年|上一年|前一年")
_CLAUSE = re.compile(r"[，,；;。]")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_LEVEL_KINDS = (FigureKind.MONEY, FigureKind.QUANTITY)


def _own(s: Sentence, f: Figure) -> str:
    """The words of a level's own clause before it, from the figure before it at most."""
    start = max([m.end() for m in _CLAUSE.finditer(s.text, 0, f.start)], default=0)
    prev = max([x.end for x in s.figures if x.end <= f.start and x.kind != FigureKind.DATE], default=0)
    return s.text[max(start, prev):f.start]


def _period(s: Sentence, f: Figure) -> tuple[int, str] | None:
    """The year and part of a level: written in its clause, else the year last written before
    it in the sentence with the part of its own clause ("2025 年 1-4 月出口 1.2 万亿元")."""
    own = _own(s, f)
    key = period_key(own)
    if key is not None:
        return key
    years = [m for m in _YEAR.finditer(s.text, 0, f.start)]
    if not years:
        return None
    return period_key(f"{years[-1].group(0)}{own}")


def _base(s: Sentence, f: Figure, later: tuple[int, str] | None) -> bool:
    """Whether `f` is written as the year-before level of a level dated `later`: "上年同期为",
    "2024 年同期为" (the same part of the year before), "2023 年为"."""
    own = _own(s, f)
    if _LAST_YEAR.search(own):
        return True
    if later is None:
        return False
    if "同期" in own:
        key = period_key(own)
        return key is not None and key[0] == later[0] - 1
    return _period(s, f) == (later[0] - 1, later[1])


def find_last_year_growths(article: Article) -> list[Check]:
    """A 同比 growth and two levels of one unit around it: the level it follows and a level of the
    year before (dated, or named 上年/去年) written right before that level or right after the
    growth. Certain: the pair is adjacent in one sentence and dated."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "年" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, g in enumerate(figs):
            if g.kind != FigureKind.PERCENT or g.is_range or k == 0:
                continue
            lead = s.text[figs[k - 1].end:g.start]
            if not (_GROWTH.search(lead) or _PLAIN_GROWTH.search(lead)):
                continue
            pair = _pair(s, figs, k)
            if pair is None:
                continue
            later, base = pair
            if not _GROWTH.search(lead) and not _dated_pair(s, later, base):
                continue  # a bare 增长 after two levels is their growth only when both are dated
            chk = _judge(s, later, base, g, lead)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and canonical_unit(a.kind, a.unit) == canonical_unit(b.kind, b.unit) \
        and a.kind in _LEVEL_KINDS and not a.is_range and not b.is_range


def _pair(s: Sentence, figs: list[Figure], k: int) -> tuple[Figure, Figure] | None:
    """(later level, base) for the growth figs[k], or None."""
    before = figs[k - 1]
    if before.kind not in _LEVEL_KINDS:
        return None
    # "L1，base，g": two levels right before the growth, one dated the year before the other
    if k >= 2 and _same_unit(figs[k - 2], before):
        a, b = figs[k - 2], before
        pa, pb = _period(s, a), _period(s, b)
        if pa and pb and pa[1] == pb[1] and abs(pa[0] - pb[0]) == 1:
            return (a, b) if pb[0] < pa[0] else (b, a)
        if _base(s, b, pa) and not _base(s, a, None):
            return a, b
        return None
    # "L1，同比增长 g，上年同期为 base": the level right after the growth
    if k + 1 < len(figs) and _same_unit(before, figs[k + 1]):
        nxt = figs[k + 1]
        if _base(s, nxt, _period(s, before)) and s.text[figs[k].end:nxt.start].count("，") <= 1:
            return before, nxt
    return None


def _dated_pair(s: Sentence, later: Figure, base: Figure) -> bool:
    pl = _period(s, later)
    return pl is not None and _base(s, base, pl)


def _judge(s: Sentence, later: Figure, base: Figure, g: Figure, lead: str) -> Check | None:
    now = figure_interval(later).scale(later.scale)
    was = figure_interval(base).scale(base.scale)
    if was.lo <= 0 or now.lo <= 0:
        return None  # growth from or to a loss has no one convention
    computed = (now / was - Interval(1, 1)).scale(100)
    stated = signed_interval(g, lead, result=True)
    fits = computed.overlaps(stated)
    verdict: Verdict = "consistent" if fits else "inconsistent"
    return Check(
        verdict=verdict, kind="growth", stated=g.text, computed=f"{computed.mid:.3f}",
        computed_low=computed.lo, computed_high=computed.hi,
        gap=None if fits else computed.distance(stated),
        inputs=[base.text, later.text],
        relation=f"({later.text}/{base.text} - 1) = {g.text} (the base is the year before's level)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
    )
