"""A half year's 同比 growth from its two quarters' levels and growths: "2025 上半年…集中式新增 98.8GW，
同比增长 99%" with "2025Q1…集中式新增 23.4GW，同比增长 7%" and "2025Q2…集中式新增 75.4GW，同比增长 172%".
When the quarters add up to the half, last year's half is Σ quarter / (1 + its growth) (derived)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, implied_growth
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.part_growths import FALL_BEFORE, growth_fits
from macrodesk.checks.quarters import Level, full_sentence, half_triples, halves_of, read_levels
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
    out = _aside_quarters(article)
    triples = half_triples(article)
    if not triples:
        return out
    growth_of: dict[int, list[tuple[Figure, str]]] = {id(lv): gs for lv, gs in read_levels(article)}
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


# "Q2营业收入93.21亿元，同比下降15.05%（Q1同比下降18.30%）": the other quarter's growth in a bracket
_ASIDE_Q1 = re.compile(r"[（(]\s*(?:单?一季度|Q1)\s*同比")
_OWN_YOY = re.compile(r"^[\s，,（(]*同比")


def _aside_quarters(article: Article) -> list[Check]:
    """A half's 同比 growth from its second quarter's level and growth and its first quarter's growth
    written aside in a bracket, the first quarter's level being the half less the second (cfr165:
    "上半年…营业收入175.31亿元,同比下降16.61%" and "Q2营业收入93.21亿元，同比下降15.05%（Q1同比下降18.30%）").
    Last year's half is Q2/(1+g2) + (H1 − Q2)/(1+g1) (derived); found by metric and year, so a fit
    confirms and a miss proves nothing."""
    levels = read_levels(article)
    growth_of = {id(lv): gs for lv, gs in levels}
    out: list[Check] = []
    for q, gs in levels:
        if q.part != "Q2" or q.adjusted:
            continue
        own = [(f, w) for f, w in gs if _OWN_YOY.match(w)]
        aside = [(f, w) for f, w in gs if _ASIDE_Q1.search(w)]
        halves = {h.fig.value: h for h in halves_of(q, levels) if h.entity == q.entity}
        if len(own) != 1 or len(aside) != 1 or len(halves) != 1:
            continue
        (h,) = halves.values()
        gh = _yoy(growth_of[id(h)])
        if gh is None:
            continue
        g2, g1 = _yoy(own), _yoy(aside)
        if g2 is None or g1 is None:
            continue
        first = figure_interval(h.fig) - figure_interval(q.fig)
        if first.lo <= 0:
            continue
        found = implied_growth(figure_interval(h.fig), [(first, g1[1]), (figure_interval(q.fig), g2[1])])
        if found is None:
            continue
        computed, prior = found
        g, stated = gh
        if not growth_fits(computed, stated):
            continue
        out.append(interval_check(
            computed, stated, fits=True, kind="growth", stated=g.text, inputs=[h.fig.text, q.fig.text],
            relation=(f"{h.fig.text} / 上年 {fmt(prior.mid)} (= ({h.fig.text} - {q.fig.text})/(1{g1[1].mid:+.2f}%) + "
                      f"{q.fig.text}/(1{g2[1].mid:+.2f}%)) - 1 = {g.text} ({h.year}Q1 = {h.year}H1 - {h.year}Q2, "
                      "its growth written aside)"),
            sentence=full_sentence(article, h.sentence), sentence_id=h.sentence.id, paragraph=h.sentence.paragraph,
            derived=True, input_sentences=[q.sentence.text], article=article.label, refutable=False))
    return out
