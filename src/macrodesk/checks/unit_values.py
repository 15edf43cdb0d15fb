"""A unit value's growth from its total's and its count's: "3月实现合同销售金额628.4亿元，同比增长
+14.38%；实现合同销售面积429.5万方，同比增长+13.59%，对应销售均价14631元/平米，同比增长+0.69%". A
price is the amount over the volume in both periods, so its growth is (1 + the amount's) / (1 + the
volume's) − 1, last year's price an unstated intermediate (derived)."""

from __future__ import annotations

import re

from macrodesk.checks.growth_items import Moved, moved_levels, period_of
from macrodesk.checks.intervals import Interval, figure_interval, one_plus, precision_unit
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, canonical_unit

# what makes a level a value per unit, when its unit does not say so
_PER_UNIT = re.compile(r"均价|单价|售价|店效|单店|人均|户均|单位|ASP|吨[\u4e00-\u9fa5]{1,2}$")
_TOTAL = re.compile(r"金额|收入|营收|销售额|成交额|出货额|GMV|成本|出口额|进口额")
# the coarsest a value per unit may be written (5.62万元/吨 is fine, 5.6万元/吨 is not), and the widest
# its amount over its volume may be, each as a share of the value
_DIGITS = 0.005
_PINNED = 0.01


def _per(f: Figure) -> str:
    """What a value per unit is per: 元/平米 -> 方 (the magnitude of 万元/吨 is in its scale)."""
    unit = canonical_unit(f.kind, f.unit)
    return unit.split("/", 1)[1] if "/" in unit else ""


def find_unit_values(article: Article) -> list[Check]:
    """Each value per unit with its growth, against the one amount and the one volume of its
    paragraph that moved the same way (同比 or 环比) and whose quotient is the value itself."""
    out: list[Check] = []
    for p in paragraphs(article):
        if "均" not in p.text and "单" not in p.text and "/" not in p.text:
            continue
        moves = moved_levels(p)
        for u in moves:
            per = _per(u.level) if u.level.kind == FigureKind.MONEY else ""
            if not per and not _PER_UNIT.search(u.name):
                continue
            totals = [t for t in moves if t is not u and (t.previous, t.basis) == (u.previous, u.basis) and t.level.kind == FigureKind.MONEY
                      and "/" not in t.level.unit and _TOTAL.search(t.name)]
            counts = [q for q in moves if q is not u and (q.previous, q.basis) == (u.previous, u.basis) and q.level.kind == FigureKind.QUANTITY
                      and (not per or canonical_unit(q.level.kind, q.level.unit) == per)]
            pairs = [(t, q) for t in totals for q in counts if _quotient_fits(t, q, u) and _same_place(p, u, t, q)]
            # a paragraph restating its figures (a summary, then the body) offers one pair twice
            if len({(t.level.text, t.rate, q.level.text, q.rate) for t, q in pairs}) != 1:
                continue
            t, q = pairs[0]
            out.append(_judge(article, p, u, t, q))
    return out


_LIST_SEP = re.compile(r"^\s*[/、]\s*$")


def _place(p: ParaText, f: Figure) -> tuple[int, int] | None:
    """A figure's place in the list it is an item of (index, length); None when it stands alone."""
    figs = [x for x in p.figures if x.value is not None]
    k = next((i for i, x in enumerate(figs) if x.start == f.start), None)
    if k is None:
        return None
    lo = k
    while lo > 0 and _LIST_SEP.match(p.text[figs[lo - 1].end:figs[lo].start]):
        lo -= 1
    hi = k
    while hi + 1 < len(figs) and _LIST_SEP.match(p.text[figs[hi].end:figs[hi + 1].start]):
        hi += 1
    return (k - lo, hi - lo + 1) if hi > lo else None


def _same_place(p: ParaText, u: Moved, t: Moved, q: Moved) -> bool:
    """Items of lists pair by their place ("尿素/DMF/…均价为0.20/1.00/…" and "肥料/有机胺/己二酸…销量
    62/14/6.5/…": DMF's price is no quotient of 己二酸's amounts, cfb250)."""
    places = [_place(p, m.level) for m in (u, t, q)]
    return all(x is None for x in places) or len(set(places)) == 1


def _quotient_fits(t: Moved, q: Moved, u: Moved) -> bool:
    """The amount over the volume is the unit value as written (which pins the three as one
    measure's amount, volume and price)."""
    if u.level.kind != FigureKind.MONEY or "/" not in u.level.unit:
        return False
    amount = figure_interval(t.level).scale(t.level.scale)
    volume = figure_interval(q.level).scale(q.level.scale)
    if volume.lo <= 0:
        return False
    value = figure_interval(u.level).scale(u.level.scale)
    got = amount / volume
    # the amount and the volume are rounded: allow their rounding and one more unit of the value
    slack = (value.hi - value.lo)
    return got.lo - slack <= value.hi and value.lo <= got.hi + slack


def _judge(article: Article, p: ParaText, u: Moved, t: Moved, q: Moved) -> Check:
    one = Interval(1, 1)
    computed = ((one + t.rate) / (one + q.rate) - one).scale(100)
    stated = u.rate.scale(100)
    where = p.sentence_at(u.growth.start)
    chk = interval_check(
        computed, stated, kind="growth", stated=u.growth.text,
        inputs=[t.level.text, t.growth.text, q.level.text, q.growth.text, u.level.text],
        relation=f"{one_plus(t.growth, negative=t.rate.mid < 0)} / {one_plus(q.growth, negative=q.rate.mid < 0)} - 1 = "
                 f"{u.growth.text} (derived: "
                 f"{u.level.text} is {t.level.text} / {q.level.text}, so last period's value per unit is "
                 "last period's amount over its volume)",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[p.sentence_at(t.at - 1).text, p.sentence_at(q.at - 1).text, where.text])
    # a value per unit a company reports may be reckoned on unrounded or other bases than the
    # amount and volume it writes (21st set: 3.08万元/吨 at −23.19% against −23.25%): only a gross
    # miss refutes, a near one proves nothing
    if chk.verdict == "inconsistent" and (chk.gap or 0) < max(1.0, 0.05 * abs(computed.mid)):
        chk = confirm_only(chk, "a value per unit may be reckoned on unrounded figures")
    chk.derived = True
    chk.article = article.label
    return chk


def find_unit_levels(article: Article) -> list[Check]:
    """A value per unit written with no operator ("单价为5.62万元/吨", "销售均价13858元/平方米") against
    the one amount and the one volume of its paragraph whose quotient is that value: the volume in
    the unit the value is per, one period, the value written to three digits at least and pinned by
    the quotient to 1%. A search: a fit confirms, no fit proves nothing."""
    out: list[Check] = []
    for p in paragraphs(article):
        if "/" not in p.text:
            continue
        figs = [f for f in p.figures if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not f.is_range
                and not f.approx and (f.value or 0) > 0]
        values = [f for f in figs if f.kind == FigureKind.MONEY and _per(f)]
        if not values:
            continue
        periods = {id(f): period_of(p, f) for f in figs}
        # the amounts and the volumes (with what they count), picked once for every value
        amounts = [a for a in figs if a.kind == FigureKind.MONEY and "/" not in a.unit]
        volumes = [(q, canonical_unit(q.kind, q.unit)) for q in figs if q.kind == FigureKind.QUANTITY]
        for u in values:
            if precision_unit(u) > _DIGITS * (u.value or 0):
                continue
            per = _per(u)
            value = figure_interval(u).scale(u.scale)
            fits = []
            for a in amounts:
                for q, counted in volumes:
                    if counted != per:
                        continue
                    when = {x for x in (periods[id(a)], periods[id(q)], periods[id(u)]) if x is not None}
                    if len(when) > 1:
                        continue
                    got = figure_interval(a).scale(a.scale) / figure_interval(q).scale(q.scale)
                    if got.hi - got.lo <= _PINNED * value.mid and got.overlaps(value):
                        fits.append((a, q, got))
            if len({(a.value, q.value) for a, q, _ in fits}) != 1:
                continue
            a, q, got = fits[0]
            where = p.sentence_at(u.start)
            scale = u.scale or 1.0
            out.append(Check(
                verdict="consistent", kind="ratio", stated=u.text, computed=f"{got.mid / scale:.3f}",
                computed_low=got.lo / scale, computed_high=got.hi / scale, inputs=[a.text, q.text],
                relation=f"{a.text} / {q.text} = {u.text} (amount and volume found by their quotient)",
                note="the amount and the volume are found by their quotient, the volume in the unit the value is "
                     "per: a fit confirms, no fit would prove nothing", sentence=where.text, sentence_id=where.id,
                paragraph=where.paragraph, input_sentences=[p.sentence_at(a.start).text, p.sentence_at(q.start).text],
                refutable=False, article=article.label))
    return out
