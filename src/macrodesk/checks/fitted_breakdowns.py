"""A total with its growth and the parts it is made of, each with its own, written apart and joined
by no 其中: "汽车产销分别完成 259.1 万辆和 259.3 万辆，环比分别下降 7.3% 和 10.7%" and, a sentence on,
"乘用车产销分别完成 229.3 万辆和 228.7 万辆，环比分别下降 6% 和 9.8%…商用车…29.8 万辆和 30.6 万辆". Sought by
two fits at once: parts written together add up to the total, and last period's parts (each over its
growth) give the total's growth. Both must hold, so a chance pairing is rare (decoy runs: 2%); a
search that fails proves nothing, so nothing here refutes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from macrodesk.checks.frames import quarter_list
from macrodesk.checks.growth_items import LEVELS, Moved, moved_levels
from macrodesk.checks.intervals import (
    Interval,
    figure_interval,
    growth_over_losses,
    implied_growth,
    interval_sum,
)
from macrodesk.checks.judging import Check, fmt
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.checks.part_growths import growth_fits
from macrodesk.models import Article, canonical_unit
from macrodesk.text.clauses import clause_start

# the parts of one total: a breakdown of more is written as a list, which other finders read
_MOST_PARTS = 4
# the widest a sum of rounded parts may be, as a share of the total (three digits and more)
_PINNED = 0.01
# paragraphs apart a part may be written from its total
_REACH = 1


def find_fitted_breakdowns(article: Article) -> list[Check]:
    """Each total of three digits or more with its growth, against 2–4 levels with their growths
    written together within a paragraph of it (one unit, one year, the same comparison): the sum and
    the derived growth of the one set that fits, both confirm-only."""
    # (paragraph index, paragraph, level with its growth, the level in base units), in text order
    items = [(k, p, m, figure_interval(m.level).scale(m.level.scale))
             for k, p in enumerate(paragraphs(article)) for m in moved_levels(p) if m.level.kind in LEVELS]
    if len(items) < 3:
        return []
    out: list[Check] = []
    # the items are in paragraph order: those within reach of a total are one slice of them
    ks = [k for k, _, _, _ in items]
    periods = _carried_periods(items)
    units = [canonical_unit(m.level.kind, m.level.unit) for _, _, m, _ in items]
    for at, p, total, whole in items:
        if whole.hi - whole.lo > _PINNED * whole.mid:
            continue
        unit = canonical_unit(total.level.kind, total.level.unit)
        lo, hi = bisect_left(ks, at - _REACH), bisect_right(ks, at + _REACH)
        cands = [(q, m, iv) for (k, q, m, iv), u in zip(items[lo:hi], units[lo:hi], strict=True)
                 if m is not total and (m.previous, m.basis) == (total.previous, total.basis) and iv.hi < whole.lo
                 and u == unit and "/" not in unit
                 and not (m.period and total.period and m.period[0] != total.period[0])]
        # a figure restated (a summary, then the body) is one part
        seen: set[tuple[float, float]] = set()
        unique = []
        for c in cands:
            key = (c[2].mid, c[1].rate.mid)
            if key not in seen:
                seen.add(key)
                unique.append(c)
        if len(unique) < 2:
            continue
        # parts named as the quarters of the total's period are its parts whatever their growths say
        span = _CUMULATIVE.get(periods[id(total)][1]) if periods.get(id(total)) else None
        quarters = _quarter_list(unique, whole, span) if span else None
        if quarters is not None:
            out.extend(_checks(article, p, total, whole, quarters, by_period=True))
            continue
        found = _search(total, whole, unique)
        if found is not None:
            out.extend(_checks(article, p, total, whole, found))
    return out


# the quarters a cumulative period is made of
_CUMULATIVE = {"H1": 2, "9M": 3, "Y": 4}


# the end of a full sentence (a ；-clause goes on with it)
_FULL_STOPS = "。！？!?"


# a sub-period named before a level, which a period carried from before it would not be
_OWN_SUBPERIOD = re.compile(r"Q[1-4]|[1-4]Q|季度|H[12]|半年|\d\s*月|单季")


def _carried_periods(items: list[tuple[int, ParaText, Moved, Interval]]) -> dict[int, tuple[int, str]]:
    """Each level's period: its own, else the one written for a level before it in its full
    sentence when its own words name none ("2021Q1-3公司实现营收109.38亿元(+15.91%)；归母净利润
    6.96亿元(+21.49%)；扣非净利润6.81亿元")."""
    out: dict[int, tuple[int, str]] = {}
    last: tuple[int, int, tuple[int, str]] | None = None
    for k, p, m, _ in items:
        start = clause_start(p.text, m.level.start, _FULL_STOPS)
        if m.period is not None:
            last = (k, start, m.period)
            out[id(m)] = m.period
        elif last is not None and last[:2] == (k, start) \
                and not _OWN_SUBPERIOD.search(p.text[clause_start(p.text, m.level.start, _FULL_STOPS + "；"):m.level.start]):
            out[id(m)] = last[2]
    return out


def _quarter_list(cands: list[tuple[ParaText, Moved, Interval]], whole: Interval,
                  n: int) -> list[tuple[ParaText, Moved, Interval]] | None:
    """The one run of n levels written together in a sentence whose list names quarters 1..n
    ("分季度看，公司Q1/Q2/Q3收入分别为36.30亿元(+19.09%)、…；扣非净利润分别为2.33亿(+27.08%)、…") that
    adds up to the cumulative total: its parts are named by their periods, not found by a fit, so
    the total's growth is theirs."""
    fits = []
    for start in range(len(cands) - n + 1):
        combo = cands[start:start + n]
        q, first, _ = combo[0]
        begin = clause_start(q.text, first.level.start, _FULL_STOPS)
        if any(x is not q or clause_start(x.text, m.level.start, _FULL_STOPS) != begin for x, m, _ in combo[1:]):
            continue
        if quarter_list(q.text[begin:first.level.start]) != list(range(1, n + 1)):
            continue
        s = interval_sum(iv for _, _, iv in combo)
        if s.overlaps(whole) and s.hi - s.lo <= _PINNED * whole.mid:
            fits.append(combo)
    return fits[0] if len(fits) == 1 else None


def _search(total: Moved, whole: Interval,
            cands: list[tuple[ParaText, Moved, Interval]]) -> list[tuple[ParaText, Moved, Interval]] | None:
    """The one set of parts that adds up to the total and gives its growth; None when no set or
    two sets of different figures do."""
    stated = total.rate.scale(100)
    fits: list[list[tuple[ParaText, Moved, Interval]]] = []
    for size in range(2, min(_MOST_PARTS, len(cands)) + 1):
        for combo in _written_together(cands, size):
            s = interval_sum(iv for _, _, iv in combo)
            # figures of two digits add up to many totals: the sum must pin the total
            if not s.overlaps(whole) or s.hi - s.lo > _PINNED * whole.mid:
                continue
            got = implied_growth(whole, [(iv, m.rate.scale(100)) for _, m, iv in combo])
            if got is None or not _fits(total, got[0], stated):
                continue
            fits.append(list(combo))
        if fits:
            break  # the fewest parts that make the total
    if len({frozenset(m.level.text for _, m, _ in f) for f in fits}) != 1:
        return None
    return fits[0]


def _fits(total: Moved, growth: Interval, stated: Interval) -> bool:
    """Whether the growth the parts give is the total's as written: a year-ago base may since have
    been restated (growth_fits' slack); last week's or last month's seldom is (268: a stock down
    0.51% and one up 0.17% are no +0.09% total)."""
    return growth.overlaps(stated) if total.previous else growth_fits(growth, stated)


def _written_together(cands: list[tuple[ParaText, Moved, Interval]], size: int) -> list[tuple]:
    """The sets of parts a breakdown is written as: items next to each other in the text, or every
    other one (a segment's revenue and its profit in turn). Any subset of a dense paragraph's
    amounts adds up to some total by chance; consecutive ones seldom do."""
    out = []
    for stride in (1, 2):
        for start in range(len(cands) - (size - 1) * stride):
            out.append(tuple(cands[start:start + (size - 1) * stride + 1:stride]))
    return out


def _checks(article: Article, p: ParaText, total: Moved, whole: Interval,
            parts: list[tuple[ParaText, Moved, Interval]], *, by_period: bool = False) -> list[Check]:
    """The sum and the derived growth of a total's parts: found by their two fits (confirm-only), or
    (`by_period`) named as the quarters of the total's period, when a growth that does not fit refutes."""
    got = implied_growth(whole, [(iv, m.rate.scale(100)) for _, m, iv in parts])
    if got is None:
        return []
    growth, prior = got
    stated = total.rate.scale(100)
    fits = _fits(total, growth, stated)
    if not fits and (loss := growth_over_losses(whole, [(iv, m.rate.scale(100)) for _, m, iv in parts])) is not None \
            and growth_fits(loss, stated):
        return []  # a part was a loss last year (its growth over the loss's size): no error
    s = interval_sum(iv for _, _, iv in parts)
    names = [m.level.text for _, m, _ in parts]
    at_total = p.sentence_at(total.level.start)
    at_growth = p.sentence_at(total.growth.start)
    where = [q.sentence_at(m.level.start).text for q, m, _ in parts]
    scale = total.level.scale or 1.0
    found = "the quarters of its period" if by_period else "parts found by their sum and their growths"
    note = "" if by_period else ("the parts are found by two fits (their sum and the total's growth): a fit "
                                 "confirms, no fit would prove nothing")
    sum_check = Check(
        verdict="consistent", kind="sum", stated=total.level.text, computed=fmt(s.mid / scale),
        computed_low=s.lo / scale, computed_high=s.hi / scale, inputs=names,
        relation=" + ".join(names) + f" = {total.level.text} ({found})",
        note=note, sentence=at_total.text, sentence_id=at_total.id,
        paragraph=at_total.paragraph, input_sentences=where, refutable=by_period, article=article.label)
    terms = " + ".join(f"{m.level.text}/(1{m.rate.mid * 100:+.2f}%)" for _, m, _ in parts)
    growth_check = Check(
        verdict="consistent" if fits else "inconsistent", kind="growth", stated=total.growth.text,
        computed=f"{growth.mid:.3f}", computed_low=growth.lo, computed_high=growth.hi,
        gap=None if fits else growth.distance(stated), inputs=[total.level.text, *names],
        relation=f"{total.level.text} / 上年 {fmt(prior.mid / scale)} (= {terms}) - 1 = {total.growth.text} "
                 + ("(derived: last year's total from its quarters' levels and growths)" if by_period
                    else "(derived: last year's total from its parts found by their sum)"),
        note=note, sentence=at_growth.text, sentence_id=at_growth.id,
        paragraph=at_growth.paragraph, input_sentences=[at_total.text, *where], refutable=by_period,
        derived=True, article=article.label)
    return [sum_check, growth_check]
