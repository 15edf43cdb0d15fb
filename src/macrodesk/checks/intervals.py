"""Interval arithmetic at stated precision: a figure read as the interval its written digits
allow (`figure_interval`), and the operations the relations are recomputed with."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from macrodesk.models import Figure, FigureKind

# ---------------------------------------------------------------- interval arithmetic


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi]: every value a rounded figure may stand for."""

    lo: float
    hi: float

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, o: Interval) -> Interval:
        ps = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(ps), max(ps))

    def __truediv__(self, o: Interval) -> Interval:
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        return self * Interval(1 / o.hi, 1 / o.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, k: float) -> Interval:
        # the hot path of every share and growth: two products, not four
        a, b = self.lo * k, self.hi * k
        return Interval(a, b) if a <= b else Interval(b, a)

    def abs(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(0.0, max(-self.lo, self.hi))

    def pow(self, e: float) -> Interval:
        """Power of a positive interval (for compound growth)."""
        if self.lo <= 0:
            raise ValueError("power of a non-positive interval")
        return Interval(self.lo ** e, self.hi ** e)

    def overlaps(self, o: Interval) -> bool:
        eps = 1e-9 * max(1.0, abs(self.lo), abs(self.hi), abs(o.lo), abs(o.hi))
        return self.lo <= o.hi + eps and o.lo <= self.hi + eps

    def distance(self, o: Interval) -> float:
        if self.overlaps(o):
            return 0.0
        return o.lo - self.hi if o.lo > self.hi else self.lo - o.hi

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def precision_unit(fig: Figure, *, result: bool = False) -> float:
    """One unit of the last written digit: 8.9 -> 0.1, 12 -> 1, 2500 (亿) -> 100.

    Whole numbers of four or more digits ending in zeros (1000万吨, 2500亿元) are usually rounded
    to their last non-zero digit, so that digit sets the unit; a stated percentage result ending
    in zero ("降幅达80%") is read the same way from two digits up, and a round hundreds figure
    marked 约 at its tens."""
    if fig.decimals > 0:
        return 10.0 ** -fig.decimals
    v = abs(fig.value or 0.0)
    unit = 1.0
    if v == int(v) and (v >= 1000 and not _quoted_price(fig) or (result and v >= 10 and fig.kind == FigureKind.PERCENT)):
        n = int(v)
        while n % 10 == 0 and n >= 10:
            n //= 10
            unit *= 10
    elif v == int(v) and fig.approx and 100 <= v < 1000 and int(v) % 100 == 0:
        # "约100万辆" for 105 (cfb356): a round hundreds figure marked 约 holds two significant digits
        # at most
        unit = 10.0
    return unit


def _quoted_price(fig: Figure) -> bool:
    """A price per unit in whole yuan ("报价16950元/吨，较7月初价格下跌1200元/吨", cfe146): a quote is
    written to its last yuan, not rounded to its hundreds as a total is."""
    return fig.kind == FigureKind.MONEY and "/" in fig.unit and (fig.scale or 1) == 1 and not fig.approx \
        and fig.unit.split("/")[0] in ("元", "美元")


# counted things: "减少 1 座", "11 家" are whole numbers, not rounded ones
COUNT_UNITS = frozenset({"家", "只", "个", "项", "户", "人", "起", "次", "座", "艘", "宗", "笔", "款",
                         "批", "台", "架", "位", "名", "所", "条", "张", "例", "支", "枚", "颗", "栋"})


def is_count(fig: Figure) -> bool:
    """A count written exactly: a count unit, no 万/亿 scale, no decimals, no 约, under 1000 (a
    round 2000 家 may be rounded)."""
    return (fig.scale == 1 and fig.unit in COUNT_UNITS and fig.decimals == 0 and not fig.approx
            and fig.value is not None and abs(fig.value) < 1000 and fig.high is None)


def figure_interval(fig: Figure, *, approx: bool = False, result: bool = False) -> Interval:
    """The values a written figure stands for: half a unit of its last digit either side,
    one more unit when it is marked 约/左右 (issue 8, rule 2); a count stands for itself.

    A stated result is rounded, not truncated: 48.56% written "48%" is an error, as every
    annotator of the ground truths judged it (572, 635, 909); `result` only changes the
    precision a whole number is read at (`precision_unit`)."""
    assert fig.value is not None
    if not approx and is_count(fig):
        return Interval(fig.value, fig.value)
    u = precision_unit(fig, result=result)
    half = u / 2 + (u if approx or fig.approx else 0.0)
    return Interval(fig.value - half, fig.value + half)


def written_interval(text: str, scale: float = 1.0) -> Interval:
    """The values a number written as text stands for, ± half a unit of its last digit ("2.54",
    "+ 13.33", "-11.5%"), times `scale`: the list readers that match numbers by pattern, not as
    figures, read them so."""
    t = re.sub(r"[\s+%]", "", text).replace("−", "-")
    x = float(t)
    half = 0.5 * 10 ** -(len(t.split(".")[1]) if "." in t else 0)
    return Interval((x - half) * scale, (x + half) * scale)


def fitting_powers(got: Interval, stated: Interval) -> list[int]:
    """The powers of ten around the nearest one that bring `got` onto `stated`: a ratio or a
    product written in a unit of its own (市值储量比 in 万元 / 吨, GWh × 元 / Wh in 亿元)."""
    k = round(math.log10(stated.mid / got.mid)) if stated.mid > 0 else 0
    return [j for j in (k - 1, k, k + 1) if got.scale(10.0 ** j).overlaps(stated)]


def interval_sum(intervals: Iterable[Interval]) -> Interval:
    """The sum of intervals: every value the parts together may stand for."""
    acc = Interval(0.0, 0.0)
    for iv in intervals:
        acc = acc + iv
    return acc


# "环比减少 5.88%", "同比下降 2.1%": a fall written as a verb before an unsigned figure
FALL_BEFORE = re.compile(r"(?:下降|下滑|减少|回落|下跌|降低|下调|收窄|缩小|[降减跌])\s*$")  # "环比降 4.48%" too


def one_plus(f: Figure, before: str = "", *, negative: bool | None = None) -> str:
    """One plus a growth as a formula shows it: "(1+5.0%)", "(1-2.3%)". Its sign is the written one,
    a fall verb's in `before` ("同比下降 2.3%"), or `negative` when the caller read it already."""
    text = re.sub(r"\s+", "", f.text)
    minus = text.startswith(("-", "−", "－"))
    if negative is None:
        negative = minus or bool(FALL_BEFORE.search(before))
    return f"(1{'-' if negative else '+'}{text.lstrip('+-−－')})"


def signed_interval(fig: Figure, before: str, *, approx: bool = False, result: bool = False) -> Interval:
    """`figure_interval` of a growth or change, negative when `before` (the words right before
    the figure) ends on a fall verb and the figure is written without a minus."""
    iv = figure_interval(fig, approx=approx, result=result)
    return -iv if FALL_BEFORE.search(before) and (fig.value or 0) > 0 else iv


def consensus(intervals: list[Interval]) -> tuple[int, int]:
    """The index of the interval most of the others overlap (the first on a tie), and how many do:
    the value several readings of one quantity agree on (a row's price, a market cap)."""
    agree = [sum(a.overlaps(b) for j, b in enumerate(intervals) if j != i) for i, a in enumerate(intervals)]
    best = max(range(len(intervals)), key=lambda i: (agree[i], -i))
    return best, agree[best]


# last year's figures a company reports may since have been restated: a growth's factor (1 + g), or
# last year's ratio, within this share of itself is no error (209, 473: 0.08% and 0.11% off)
RESTATED = 0.003


def prior_ratio(num: Interval, den: Interval, g_num: Interval, g_den: Interval) -> Interval | None:
    """Last period's ratio in % from this period's two amounts and their growths (fractions): each
    amount over (1 + its growth), an unstated intermediate. None when a growth is −100% or less."""
    one = Interval(1, 1)
    f_num, f_den = one + g_num, one + g_den
    if f_num.lo <= 0 or f_den.lo <= 0:
        return None
    return ((num / f_num) / (den / f_den)).scale(100)


def ratio_change(now: Interval, g_num: Interval, g_den: Interval) -> Interval | None:
    """The change in points of a ratio (now, in %) from its two amounts' growths (fractions):
    now − now × (1 + g_den) / (1 + g_num), with `now` read once. Its two amounts appear in both
    this period's ratio and last period's, so their rounding moves both alike: subtracting
    `prior_ratio` from `now` as independent intervals would widen the change past what the
    written figures allow (cfr402: 7.6% and -0.4pct from 0.61 / 8.09 and +48.78% / +59.62% is
    -0.55 pct, not -0.69 to -0.41). None when a growth is −100% or less."""
    one = Interval(1, 1)
    f_num, f_den = one + g_num, one + g_den
    if f_num.lo <= 0 or f_den.lo <= 0:
        return None
    return now * (one - f_den / f_num)


def implied_growth(whole: Interval, parts: list[tuple[Interval, Interval]]) -> tuple[Interval, Interval] | None:
    """(the total's growth in %, last year's total) from parts that are all of the total, each
    with its signed growth in %: last year's total is Σ part / (1 + growth)."""
    one = Interval(1, 1)
    prior = Interval(0, 0)
    for level, growth in parts:
        factor = one + growth.scale(0.01)
        if factor.lo <= 0:
            return None
        prior = prior + level / factor
    if prior.lo <= 0:
        return None
    return (whole / prior - one).scale(100), prior


def growth_over_losses(whole: Interval, parts: list[tuple[Interval, Interval]]) -> Interval | None:
    """The total's growth in % when each part grown by more than 100% was a loss the year before,
    its growth written over the loss's size, as the press writes a turnaround ("锂…归母净利 25.28 亿元，
    同比增长 321.39%" from a loss of 11.42亿: last year's part is -level / (growth - 1)); None when no
    part grew that much or last year's total is not positive. A total's growth that misses the
    plain reading and fits this one is no error."""
    one = Interval(1, 1)
    prior = Interval(0, 0)
    turned = False
    for level, growth in parts:
        rate = growth.scale(0.01)
        if rate.lo > 1:
            prior, turned = prior - level / (rate - one), True
        elif (factor := one + rate).lo > 0:
            prior = prior + level / factor
        else:
            return None
    if not turned or prior.lo <= 0:
        return None
    return (whole / prior - one).scale(100)
