"""The 同比 growth of a total already judged to be the sum of its parts, from the parts' growths:
"22Q4/23Q1分别实现营收23.53/34.27亿元，分别同比-8.66%/+33.71%，合并…实现营收57.8亿元，同比+12.47%".
As the parts add up to the total they are all of it, so last year's total is Σ part / (1 + its
growth), an unstated intermediate (derived), and the total's growth follows."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, implied_growth
from macrodesk.checks.judging import Check, fmt
from macrodesk.checks.level_growths import figs_of, level_at, written_growth
from macrodesk.checks.part_growths import growth_fits
from macrodesk.models import Article, Figure, Sentence


def _level(s: Sentence, text: str) -> tuple[Figure, Interval, Figure] | None:
    """A level of the sentence with its 同比 growth in % and the growth's figure."""
    k = level_at(s, text)
    g = written_growth(s, text)
    if k is None or g is None:
        return None
    return figs_of(s)[k], g[1].scale(100), g[0]


def find_sum_growths(article: Article, checks: list[Check]) -> list[Check]:
    by_id = {s.id: s for s in article.sentences}
    by_text = {s.text: s for s in article.sentences}
    # growths another finder already judged ("yoy+9.5%" by quarter_lists, written with its word)
    judged = {(c.sentence_id, _number(c.stated)) for c in checks if c.kind == "growth" and c.verdict != "unverifiable"}
    out: list[Check] = []
    for c in checks:
        if c.verdict != "consistent" or c.kind != "sum" or len(c.inputs) < 2 or "outside" in c.relation:
            continue
        s = by_id.get(c.sentence_id)
        if s is None:
            continue
        total = _level(s, c.stated)
        where = c.input_sentences if len(c.input_sentences) == len(c.inputs) else [s.text] * len(c.inputs)
        sents = [by_text.get(t) for t in where]
        parts = [_level(sx, t) if sx is not None else None for sx, t in zip(sents, c.inputs, strict=True)]
        if total is None or any(p is None for p in parts):
            continue
        levels = [(figure_interval(f).scale(f.scale), g) for f, g, _ in (p for p in parts if p is not None)]
        if any(lv.lo <= 0 for lv, _ in levels):
            continue  # a loss among the parts: a growth rate over it says nothing
        tf, tg, gfig = total
        if (s.id, _number(gfig.text)) in judged:
            continue
        got = implied_growth(figure_interval(tf).scale(tf.scale), levels)
        if got is None:
            continue
        rate, prior = got
        fits = growth_fits(rate, tg)
        if not fits and not c.refutable:
            continue  # the parts were found by their fit: a mismatch proves nothing
        shown = " + ".join(f"{f.text}/(1{g.mid:+.2f}%)" for f, g, _ in (p for p in parts if p is not None))
        unit = tf.scale
        out.append(Check(
            verdict="consistent" if fits else "inconsistent", kind="growth", stated=gfig.text,
            computed=f"{rate.mid:.3f}", computed_low=rate.lo, computed_high=rate.hi,
            gap=None if fits else rate.distance(tg), inputs=[*c.inputs], derived=True,
            relation=(f"{tf.text} / 上年 {fmt(prior.mid / unit)} (= {shown}) - 1 = {gfig.text} "
                      "(the parts add up to the total, so last year's total is theirs)"),
            note="" if c.refutable else "confirm-only: the parts were found by their fit",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
            input_sentences=[x.text for x in sents if x is not None], refutable=c.refutable))
    return out



def _number(text: str) -> str:
    m = re.search(r"[+\-−]?\s*\d+(?:\.\d+)?\s*%", text)
    return re.sub(r"[\s+]", "", m.group()) if m else text
