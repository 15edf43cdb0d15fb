"""A half year's 同比 growth from its two quarters' levels and growths: "2025 上半年…集中式新增 98.8GW，
同比增长 99%" with "2025Q1…集中式新增 23.4GW，同比增长 7%" and "2025Q2…集中式新增 75.4GW，同比增长 172%".
When the quarters add up to the half, last year's half is Σ quarter / (1 + its growth) (derived)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, implied_growth
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.part_growths import FALL_BEFORE, growth_fits
from macrodesk.checks.quarters import Level, full_sentence, half_triples, read_levels
from macrodesk.models import Article, Figure, FigureKind

_YOY = re.compile(r"同比")


def _yoy(growths: list[tuple[Figure, str]]) -> tuple[Figure, Interval] | None:
    """The one 同比 growth written with a level, signed."""
    found = [(f, before) for f, before in growths if f.kind == FigureKind.PERCENT and not f.is_range
             and _YOY.search(before[-10:]) and "环比" not in before[-10:]]
    if len(found) != 1:
        return None
    f, before = found[0]
    iv = figure_interval(f, result=True)
    return f, (-iv if FALL_BEFORE.search(before) and (f.value or 0) > 0 else iv)


def find_half_growths(article: Article) -> list[Check]:
    if not any("同比" in s.text for s in article.sentences):
        return []
    triples = half_triples(article)
    if not triples:
        return []
    growth_of: dict[int, list[tuple[Figure, str]]] = {id(lv): gs for lv, gs in read_levels(article)}
    out: list[Check] = []
    for h, q1, q2 in triples:
        got = [_yoy(growth_of.get(id(x), [])) for x in (h, q1, q2)]
        gh, g1, g2 = got
        if gh is None or g1 is None or g2 is None:
            continue
        chk = _judge(article, h, (q1, g1), (q2, g2), gh)
        if chk is not None:
            out.append(chk)
    return out


_Growth = tuple[Figure, Interval]


def _judge(article: Article, h: Level, p1: tuple[Level, _Growth], p2: tuple[Level, _Growth],
           gh: _Growth) -> Check | None:
    whole = figure_interval(h.fig)
    acc = figure_interval(p1[0].fig) + figure_interval(p2[0].fig)
    if not acc.overlaps(whole):
        return None  # the quarters are not the half as written: the sum's own check says so
    # the half is both as written and the sum of its quarters: the tighter of the two readings
    whole = Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi))
    found = implied_growth(whole, [(figure_interval(q.fig), g[1]) for q, g in (p1, p2)])
    if found is None:
        return None
    computed, prior = found
    g, stated = gh
    shown = " + ".join(f"{q.fig.text}/(1{'-' if gq.mid < 0 else '+'}{f.text.lstrip('+-＋－ ')})"
                       for q, (f, gq) in (p1, p2))
    return interval_check(
        computed, stated, fits=growth_fits(computed, stated), kind="growth", stated=g.text,
        inputs=[h.fig.text, p1[0].fig.text, p2[0].fig.text],
        relation=(f"{h.fig.text} / 上年 {fmt(prior.mid)} (= {shown}) - 1 = {g.text} "
                  f"({h.year}{h.part} = {h.year}{p1[0].part} + {h.year}{p2[0].part}, each with its 同比 growth)"),
        sentence=full_sentence(article, h.sentence), sentence_id=h.sentence.id, paragraph=h.sentence.paragraph,
        derived=True, input_sentences=[p1[0].sentence.text, p2[0].sentence.text], article=article.label,
    )
