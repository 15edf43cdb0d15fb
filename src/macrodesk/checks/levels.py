"""What the families of brackets.py, balances.py, averages.py and moves.py share: a level's unit
as a key (a bare count keeps its measure word: "600 部"), a figure's interval in base units, and
one relation judged from figures of one sentence."""

from __future__ import annotations

import functools
import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, Verdict, fmt
from macrodesk.models import Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import chars_after

LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
# nothing but a comma between two items of a list, as a PDF joins them ("50.0，56.2，62.8亿元"): the list
# readers (year_series, pe_lists) each say when it joins items
COMMA_JOIN = re.compile(r"^\s*[，,]\s*$")
# measure words the figure reader leaves after a bare number ("600 部", "51 家")
_COUNTERS = frozenset("部台座家个只艘辆套口井项人户次宗笔款批架位名所条张")


def unit_key(s: Sentence, f: Figure) -> str | None:
    """The unit a figure is counted in, or None when it is no level or share (a date, a range)."""
    if f.value is None or f.is_range or f.kind == FigureKind.DATE:
        return None
    if f.kind == FigureKind.NUMBER and not f.unit:
        nxt = chars_after(s.text, f.end, 2).strip()[:1]
        return f"#{nxt}" if nxt in _COUNTERS else "#"
    return _unit_key(f.kind, f.unit)


@functools.lru_cache(maxsize=1024)  # asked of every figure many times, of a few kinds and units
def _unit_key(kind: FigureKind, unit: str) -> str:
    return f"{kind.value}:{canonical_unit(kind, unit)}"


def signed(s: Sentence, f: Figure) -> bool:
    """Whether the figure is written with a sign ("+56%", "- 10 万桶")."""
    return s.text[f.start:f.end].lstrip()[:1] in "+-−－"


def interval(f: Figure, *, result: bool = False) -> Interval:
    """The values a figure stands for, in base units (亿元 -> 元)."""
    return figure_interval(f, result=result).scale(f.scale or 1.0)


def judged(s: Sentence, kind: str, stated: Figure, inputs: list[Figure], computed: Interval,
           relation: str, *, certain: bool, derived: bool = False, why: str = "",
           stated_iv: Interval | None = None) -> Check:
    """The stated figure against the computed interval (both in base units): consistent when they
    meet, inconsistent only from certain inputs (else unverifiable, saying `why`)."""
    got = stated_iv if stated_iv is not None else interval(stated, result=True)
    fits = computed.overlaps(got)
    verdict: Verdict = "consistent" if fits else ("inconsistent" if certain else "unverifiable")
    show = stated.scale or 1.0
    shown = verdict != "unverifiable"
    return Check(
        verdict=verdict, kind=kind, stated=stated.text, inputs=[f.text for f in inputs],
        computed=fmt(computed.mid / show) if shown else "",
        computed_low=computed.lo / show if shown else None,
        computed_high=computed.hi / show if shown else None,
        gap=None if fits or not shown else round(computed.distance(got) / show, 6),
        relation=relation, note=("" if certain else why) if shown else f"{why}, and the figures do not fit",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=derived,
        input_sentences=[s.text for _ in inputs], refutable=certain,
    )


# (a measure word the figure reader leaves may stand first: "13.77 亿票，同比增长 33.69%")
_GROWTH_LEAD = re.compile(r"^[\u4e00-\u9fa5]{0,2}[，,（(\s]*(同比|环比)\s*(增长|增加|上升|提升|下降|减少|下滑|回落)?\s*(?:了|约)?\s*$")
# the verbs that make an unsigned rate a fall ("同比下降 3.2%")
FALL_VERBS = frozenset({"下降", "减少", "下滑", "回落"})


def signed_rate(text: str, f: Figure, verb: str | None) -> Interval:
    """A rate as a result (`figure_interval(result=True)`), negative when a falling verb stands
    before it and it carries no sign of its own; `text` is what `f`'s offsets are in."""
    iv = figure_interval(f, result=True)
    explicit = text[f.start:f.end].lstrip()[:1] in "+-−－"
    return -iv if verb in FALL_VERBS and not explicit and (f.value or 0) > 0 else iv


def stated_growths(s: Sentence, f: Figure, kind: FigureKind = FigureKind.PERCENT) -> dict[str, tuple[Figure, Interval]]:
    """The 同比 and 环比 growths written right after a level, each signed ("业务量 14.06 亿票，同比上升
    34.80%，环比上升 2.11%"): basis -> (figure, interval in %). With `kind` POINTS, a rate's
    changes in points ("市占率 8.40%，同比 + 1.17pct，环比 - 0.26pct")."""
    figs = [x for x in s.figures if x.value is not None and not x.is_range and x.kind != FigureKind.DATE]
    out: dict[str, tuple[Figure, Interval]] = {}
    # found by identity first: comparing figures field by field (pydantic's ==) is slow
    at = next((i for i, x in enumerate(figs) if x is f), None)
    if at is None:
        if f not in figs:
            return out
        at = figs.index(f)
    prev = f
    for g in figs[at + 1:]:
        m = _GROWTH_LEAD.match(s.text[prev.end:g.start])
        if g.kind != kind or m is None:
            break
        out.setdefault(m.group(1), (g, signed_rate(s.text, g, m.group(2))))
        prev = g
    return out


def date_before(figures: list[Figure], pos: int) -> Figure | None:
    """The last date among `figures` that ends before offset `pos`: what dates a level there."""
    return next((d for d in reversed(figures) if d.kind == FigureKind.DATE and d.end <= pos), None)
