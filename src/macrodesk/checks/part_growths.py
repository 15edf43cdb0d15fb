"""A total and its 其中-parts, each with its 同比 growth: "利润总额 3120 亿元，同比降 18.7%。其中炼油板块
利润 1250 亿元，降 27.3%；化工板块利润 1870 亿元，降 9.5%". When the parts add up to the total they
are all of it, so last year's total is Σ part / (1 + its growth) and the total's growth follows
(a derived relation, certain)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import (
    RESTATED,
    Interval,
    figure_interval,
    growth_over_losses,
    implied_growth,
    interval_sum,
)
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, canonical_unit

_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
_UP = r"增长|增加|上升|提高|上涨|回升|增|升|涨"
_DOWN = r"下降|下滑|减少|回落|降低|下跌|降|跌|减"
# a growth right after a level: "同比降 18.7%", "降 27.3%", "同比 + 12%", "（+13%）"
_GROWTH_LEAD = re.compile(rf"^[，,（(\s]*(?:同比)?\s*(?:{_UP}|{_DOWN})?\s*(?:了|约)?\s*$")
# a falling verb closing the words before a rate ("同比降 18.7%")
FALL_BEFORE = re.compile(rf"(?:{_DOWN})\s*(?:了|约)?\s*$")
# what opens a breakdown: "其中", "分产业看，" (548: 全社会用电量 by sector), "分地区看"
_SPLIT = re.compile(r"其中|分(?:产业|行业|地区|品种|类型|板块|区域|产品|部门|市场)看|分[\u4e00-\u9fa5]{1,4}?来?看(?=[，,：:])")
# every breakdown opens with 其中 or a 分…看 (_SPLIT), after a total's growth written with 同比
_NEEDS = re.compile(r"其中|看")
_NEEDS_YOY = re.compile(r"同比")
# a part's own share or a bound is no part of the sum
_NOT_PART = re.compile(r"占|超|近|约|以上|左右")


def _unit(f: Figure) -> tuple[str, str]:
    return f.kind.value, canonical_unit(f.kind, f.unit)


def growth_after(p: ParaText, f: Figure, figs: list[Figure], *, yoy: bool) -> Figure | None:
    """The growth written right after a level, before any other figure (with 同比 when `yoy`)."""
    k = figs.index(f)
    if k + 1 >= len(figs):
        return None
    g = figs[k + 1]
    lead = p.text[f.end:g.start]
    if g.kind != FigureKind.PERCENT or g.is_range or "。" in lead or "；" in lead:
        return None
    if not _GROWTH_LEAD.match(lead) or (yoy and "同比" not in lead):
        return None
    return g


def signed_growth(p: ParaText, g: Figure, prev_end: int) -> Interval:
    iv = figure_interval(g, result=True)
    return -iv if FALL_BEFORE.search(p.text[prev_end:g.start]) and (g.value or 0) > 0 else iv


def growth_fits(computed: Interval, stated: Interval) -> bool:
    """Published growths rest on last year's figures as since restated: within 0.3% of the
    factor (1 + g) is no error (209, 473: 0.08% and 0.11% off; 246's errors: 0.4% and 1.3%)."""
    slack = RESTATED * (1 + stated.mid / 100) * 100
    return computed.overlaps(Interval(stated.lo - slack, stated.hi + slack))


def find_part_growths(article: Article) -> list[Check]:
    """For each 其中 with a total (and its 同比 growth) before it and two or more parts of the
    total's unit after it in its sentence, each with its own growth: when the parts add up to
    the total within their rounding, the sum is confirmed and the total's growth is judged
    against Σ part / (1 + growth)."""
    if not mentions(article, _NEEDS) or not mentions(article, _NEEDS_YOY):
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        for m in _SPLIT.finditer(p.text):
            out.extend(_one(p, m.start()))
    for c in out:
        c.article = article.label
    return out


def period_in_year(f: Figure) -> str:
    """A figure's period as written, without its year ("2020Q3" and "Q3" are one quarter)."""
    return re.sub(r"^(?:19|20)?\d{2}\s*年?\s*", "", (f.period or "").replace(" ", ""))


def _one(p: ParaText, at: int) -> list[Check]:
    figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
    before = [f for f in figs if f.end <= at]
    # the total: the last level before 其中, with only its growth and rates after it
    levels = [f for f in before if f.kind in _AMOUNTS]
    if not levels:
        return []
    total = levels[-1]
    if not (total.is_range or total.approx or any(f.kind in _AMOUNTS for f in figs if total.end <= f.start < at)):
        got = _breakdown(p, at, figs, total, certain=True)
        if got:
            return got
    # "Q1-3营收23.18亿元…其中Q3营收9.97亿元…归母净利润0.56亿元…。分内外销来看，Q1-3内销收入10.09亿元…；
    # Q1-3外销收入13.09亿元…；Q3内销4.59亿元…；Q3外销5.38亿元…": each earlier level of the paragraph
    # with the parts of its own period, found by their fit (confirm-only)
    out: list[Check] = []
    for total in reversed(levels):
        if not total.is_range and not total.approx and total.period:
            out.extend(_breakdown(p, at, figs, total, certain=False))
    return out


def _breakdown(p: ParaText, at: int, figs: list[Figure], total: Figure, *, certain: bool) -> list[Check]:
    g = growth_after(p, total, figs, yoy=True)
    if g is None or g.end > at:
        return []
    end = p.text.find("。", at)
    end = len(p.text) if end < 0 else end
    after = [f for f in figs if at < f.start < end and (certain or period_in_year(f) == period_in_year(total))]
    whole = figure_interval(total).scale(total.scale)
    parts: list[tuple[Figure, Figure]] = []
    acc = Interval(0.0, 0.0)
    for f in after:
        if f.kind not in _AMOUNTS:
            continue
        if _unit(f) != _unit(total) or f.is_range or _NOT_PART.search(p.text[max(at, f.start - 3):f.start]):
            return []  # another measure or a bound among the parts: not a plain breakdown
        pg = growth_after(p, f, figs, yoy=False)
        if pg is None:
            return []
        parts.append((f, pg))
        acc = interval_sum([acc, figure_interval(f).scale(f.scale)])
        # the breakdown ends where its parts first make up the total: one sentence may go on to
        # the next period's total and its own 其中 ("…17138 台…其中…；1-7 月共销售 137658 台…其中…")
        if len(parts) >= 2 and acc.overlaps(whole):
            break
    if len(parts) < 2 or _SPLIT.search(p.text, at + 2, parts[-1][1].end):
        return []
    if not acc.overlaps(whole):
        return []  # the parts are not all of the total
    # the total is both as written and the sum of its parts: the tighter of the two readings
    whole = Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi))
    got = implied_growth(whole, [(figure_interval(f).scale(f.scale), signed_growth(p, pg, f.end))
                                 for f, pg in parts])
    if got is None:
        return []
    computed, prior = got
    stated = signed_growth(p, g, total.end)
    shown = " + ".join(f"{f.text}/(1{'-' if signed_growth(p, pg, f.end).mid < 0 else '+'}{pg.text.lstrip('+-＋－ ')})"
                       for f, pg in parts)
    scale = total.scale or 1.0
    where = p.sentence_at(g.start)
    inputs = [total.text] + [x.text for f, pg in parts for x in (f, pg)]
    sources = [p.sentence_at(total.start).text] + [p.sentence_at(x.start).text for f, pg in parts for x in (f, pg)]
    fits = growth_fits(computed, stated)
    if not fits and not certain:
        return []  # the parts were found by their fit and period: a mismatch proves nothing
    if not fits and (loss := growth_over_losses(whole, [(figure_interval(f).scale(f.scale), signed_growth(p, pg, f.end))
                                                        for f, pg in parts])) is not None and growth_fits(loss, stated):
        return []  # a part was a loss last year (its growth over the loss's size): no error
    growth = interval_check(
        computed, stated, fits=fits, kind="growth", stated=g.text, inputs=inputs, refutable=certain,
        relation=(f"{total.text} / 上年 {fmt(prior.mid / scale)} (= {shown}) - 1 = {g.text} "
                  "(the parts add up to the total, so last year's total is theirs)"),
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
        input_sentences=sources,
    )
    at_total = p.sentence_at(total.start)
    total_sum = Check(
        verdict="consistent", kind="sum", stated=total.text, computed=fmt(acc.mid / scale),
        computed_low=acc.lo / scale, computed_high=acc.hi / scale,
        inputs=[f.text for f, _ in parts],
        relation=" + ".join(f.text for f, _ in parts) + f" = {total.text}",
        sentence=at_total.text, sentence_id=at_total.id, paragraph=at_total.paragraph,
        input_sentences=[p.sentence_at(f.start).text for f, _ in parts], refutable=False,
        note="其中-parts need not exhaust the total: a fit confirms",
    )
    return [growth, total_sum]
