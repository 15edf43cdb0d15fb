"""A ratio written with its change in points, and the two amounts it is the quotient of written
near it, each with its growth, joined by no word: "2019年上半年实现营业收入82.06亿元，同比增长20.52%" and
"销售费用17.06亿元，同比增长12.15%，销售费用率20.79%，同比下降1.55pct". Sought by two fits at once: the
amounts' quotient is the ratio to its last digit, and last year's quotient (each amount over its
growth) gives the change. A search that fails proves nothing, so nothing here refutes; last year's
ratio is derived."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from macrodesk.checks.growth_items import LEVELS, Moved, moved_levels
from macrodesk.checks.intervals import (
    RESTATED,
    Interval,
    figure_interval,
    precision_unit,
    prior_ratio,
    ratio_change,
)
from macrodesk.checks.judging import Check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, canonical_unit

# paragraphs apart the amounts may be written from their ratio (a summary, then a paragraph a facet)
_REACH = 1
# the coarsest a ratio may be written, as a share of itself (20.3% and 9.07% are fine, 3.6% is not)
_DIGITS = 0.005


def find_fitted_ratios(article: Article) -> list[Check]:
    """Each ratio of three digits or more with its change, against the amounts with growths of its
    paragraph and the next: the ratio and its derived change from the one pair that fits both."""
    paras = paragraphs(article)
    rates: list[tuple[int, ParaText, Moved]] = []
    amounts: list[tuple[int, ParaText, Moved, Interval]] = []
    for k, p in enumerate(paras):
        if "%" not in p.text:
            continue
        rates.extend((k, p, m) for m in moved_levels(p, ratios=True))
        amounts.extend((k, p, m, figure_interval(m.level).scale(m.level.scale))
                       for m in moved_levels(p) if m.level.kind in LEVELS)
    if not rates or len(amounts) < 2:
        return []
    out: list[Check] = []
    # the amounts are in paragraph order: those within reach of a ratio are one slice of them
    ks = [j for j, _, _, _ in amounts]
    for k, p, r in rates:
        if _coarse(r):
            continue  # (asked first: the amounts near it are then not gathered)
        near = [(q, m, iv) for j, q, m, iv in amounts[bisect_left(ks, k - _REACH):bisect_right(ks, k + _REACH)]
                if (m.previous, m.basis) == (r.previous, r.basis)]
        found = _search(r, near)
        if found is not None:
            out.extend(_checks(article, p, r, *found))
    return out


def _coarse(r: Moved) -> bool:
    """A ratio of two digits ("12%", "3.6%") is met by many quotients: three digits at least."""
    return precision_unit(r.level) > _DIGITS * abs(r.level.value or 0)


def _search(r: Moved, near: list[tuple[ParaText, Moved, Interval]]):  # noqa: ANN202
    stated = figure_interval(r.level)
    # a quotient of rounded amounts fits many two-digit ratios: it must pin the ratio to its digit
    pin = 2 * precision_unit(r.level)
    if _coarse(r):
        return None
    change = r.rate.scale(100)
    fits = []
    for qn, n, ivn in near:
        for qd, d, ivd in near:
            if n is d or ivd.lo <= 0 or not ivn.hi < ivd.lo \
                    or canonical_unit(n.level.kind, n.level.unit) != canonical_unit(d.level.kind, d.level.unit):
                continue
            # amounts of two periods make no ratio of one (909: a 2026 Q1 revenue over the 2025
            # year's is 23.34%, beside a 2025 毛利率 of 23.4%)
            periods = {x for x in (n.period, d.period, r.period) if x is not None}
            if len(periods) > 1:
                continue
            now = (ivn / ivd).scale(100)
            if now.hi - now.lo > pin or not now.overlaps(stated):
                continue
            prior = prior_ratio(ivn, ivd, n.rate, d.rate)
            got = ratio_change(now, n.rate, d.rate)
            if prior is None or got is None:
                continue
            # (last month's or last quarter's base is seldom restated: 473's 份额 70.1%, 环比 +2.83 pct,
            # is 2.66 from its amounts' 环比 growths)
            slack = 0.0 if r.previous else RESTATED * abs(prior.hi)
            if not Interval(got.lo - slack, got.hi + slack).overlaps(change):
                continue
            fits.append(((qn, n), (qd, d), now, prior, got))
    if len({(n.level.text, d.level.text) for (_, n), (_, d), *_ in fits}) != 1:
        return None
    return fits[0]


def _checks(article: Article, p: ParaText, r: Moved, num: tuple[ParaText, Moved], den: tuple[ParaText, Moved],
            now: Interval, prior: Interval, got: Interval) -> list[Check]:
    (qn, n), (qd, d) = num, den
    where = p.sentence_at(r.level.start)
    at_change = p.sentence_at(r.growth.start)
    inputs = [qn.sentence_at(n.level.start).text, qd.sentence_at(d.level.start).text]
    note = ("the amounts are found by two fits (their quotient and the change): a fit confirms, no fit "
            "would prove nothing")
    ratio = Check(
        verdict="consistent", kind="ratio", stated=r.level.text, computed=f"{now.mid:.3f}",
        computed_low=now.lo, computed_high=now.hi, inputs=[n.level.text, d.level.text],
        relation=f"{n.level.text} / {d.level.text} = {r.level.text} (amounts found by their quotient and growths)",
        note=note, sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=inputs, refutable=False, article=article.label)
    changed = Check(
        verdict="consistent", kind="change", stated=r.growth.text, computed=f"{got.mid:.3f}",
        computed_low=got.lo, computed_high=got.hi, inputs=[n.level.text, n.growth.text, d.level.text, d.growth.text],
        relation=(f"{r.level.text} - 上年 {prior.mid:.2f}% (= ({n.level.text}/(1{n.rate.mid * 100:+.2f}%)) / "
                  f"({d.level.text}/(1{d.rate.mid * 100:+.2f}%))) = {r.growth.text} (derived: last year's ratio "
                  "from the amounts found by their quotient)"),
        note=note, sentence=at_change.text, sentence_id=at_change.id, paragraph=at_change.paragraph,
        input_sentences=inputs, refutable=False, derived=True, article=article.label)
    return [ratio, changed]
