"""The 同比 growth a text writes right after a level, or at the level's place in a list of growths
("营业收入、归母净利润分别为18.94亿、5.38亿元，同比增长39.22%、30.87%"): read for the derived relations
that rebuild last year's figures from this year's (ratio_changes, sum_growths)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, signed_interval
from macrodesk.checks.sentence import DOWN, UP
from macrodesk.figures import list_units
from macrodesk.models import Figure, FigureKind, Sentence

# ("同增 7.7%": research shorthand for 同比增长)
YOY = r"(?:同比|同(?=[增降减升涨跌])|(?:相较于?|较|比)\s*(?:上年|去年|(?:19|20)?\d{2}\s*年)(?:同期)?|yoy|YoY|YOY)"
# the words between a figure and its 同比 rate or change right after it: "18.94亿，同比增长39.22%",
# "1.5亿（同比+160.6%", "11.92%，较去年同期提升1.34pct"
# ("，同比分别-0.5/+1.2pct", "，同期变动分别为+0.65/-0.27pct": a list's, signed by its own figures)
RATE_AFTER = re.compile(rf"^\s*[，,（(/、]?\s*(?:{YOY}|同期)\s*(?:分别)?\s*(?:{UP}|{DOWN}|变动|变化)?\s*(?:分别)?\s*(?:为|了|约)?\s*$")
_LEVEL_KINDS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
_NUMBER = re.compile(r"[+\-−]?\d+(?:\.\d+)?")


def figs_of(s: Sentence) -> list[Figure]:
    """The sentence's figures but its dates ("相较于 17 年下降 4.64pct" words a change across one),
    a list's bare numbers in the unit of its last item ("33.5/38.0/48.9/43.3亿元")."""
    return list_units(s.text, [f for f in s.figures if f.kind != FigureKind.DATE])


def figure_at(figs: list[Figure], text: str, kinds: tuple[FigureKind, ...]) -> int | None:
    """The index of the one figure among `figs` written as `text`."""
    found = [i for i, f in enumerate(figs) if f.text == text and f.kind in kinds and f.value is not None]
    return found[0] if len(found) == 1 else None


# the words between two items of a list: "18.94亿、5.38亿元", "2.85/5.06", "一季度和二季度"
LIST_JOIN = re.compile(r"^\s*(?:、|/|和|及|与)\s*$")


def run_of(text: str, figs: list[Figure], k: int, join: re.Pattern[str] = LIST_JOIN) -> tuple[int, int]:
    """The first and last index of the list (joined by 、 / 和, or by what `join` matches) figure k stands in."""
    a = b = k
    while a > 0 and join.match(text[figs[a - 1].end:figs[a].start]):
        a -= 1
    while b + 1 < len(figs) and join.match(text[figs[b].end:figs[b + 1].start]):
        b += 1
    return a, b


def level_with_growth(s: Sentence, text: str) -> tuple[Figure, Figure, Interval] | None:
    """The level of the sentence written as `text`, the 同比 growth written right after it (for a
    level of a list, "营业收入、归母净利润分别为18.94亿、5.38亿元，同比增长39.22%、30.87%", the growth at
    its place in the list of growths that follows), and that growth as a signed fraction."""
    figs = figs_of(s)
    k = _level_at(figs, text)
    if k is None:
        return None
    a, b = run_of(s.text, figs, k)
    reached = _growth_before(s.text, figs, k)
    if reached is not None:
        return reached
    if b + 1 >= len(figs):
        return None
    g = figs[k + 1]
    if a < b:
        ga, gb = run_of(s.text, figs, b + 1)
        if ga != b + 1 or gb - ga != b - a:
            return None  # the growths are no list of the levels' length
        g = figs[ga + (k - a)]
    # the words before the growth (or the list of growths): 同比 and the verb that signs them
    before = s.text[figs[b].end:figs[b + 1].start]
    if g.kind != FigureKind.PERCENT or g.value is None or g.is_range \
            or not (RATE_AFTER.match(before) or _BRACKETED_RATE.match(before) and g.text.lstrip()[:1] in "+-−－"
                    and _BRACKET_CLOSE.match(s.text, g.end)):
        return None
    rate = signed_interval(g, before).scale(0.01)
    return (figs[k], g, rate) if rate.lo > -1 else None


# "营收 220.14 亿（ -6.29%）": a signed rate alone in the bracket after a level is its 同比 growth, as
# results are written
_BRACKETED_RATE = re.compile(r"^\s*[（(]\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[）)]")


# "营业成本同比下降21.81%至28.80亿元": the growth written before the level it reached
_GROWTH_TO = re.compile(rf"{YOY}\s*(?:{UP}|{DOWN})\s*(?:了|约)?\s*$")
_TO = re.compile(r"^\s*(?:至|到)\s*$")


# "营收、毛利同比-1.3%、-27.2%至31.96、6.19亿元": a list of growths before the list of levels they reached
_LIST_GROWTH_TO = re.compile(rf"{YOY}\s*(?:分别)?\s*(?:{UP}|{DOWN})?\s*(?:了|约)?\s*$")


def _growth_before(text: str, figs: list[Figure], k: int) -> tuple[Figure, Figure, Interval] | None:
    a, b = run_of(text, figs, k)
    if a < b:
        if a < 2 or not _TO.match(text[figs[a - 1].end:figs[a].start]):
            return None
        ga, gb = run_of(text, figs, a - 1)
        if gb - ga != b - a:
            return None
        g = figs[ga + (k - a)]
        before = text[figs[ga - 1].end if ga >= 1 else 0:figs[ga].start]
        if any(x.kind != FigureKind.PERCENT or x.value is None or x.is_range for x in figs[ga:gb + 1]) \
                or not _LIST_GROWTH_TO.search(before):
            return None
        rate = signed_interval(g, before).scale(0.01)
        return (figs[k], g, rate) if rate.lo > -1 else None
    if k < 1 or not _TO.match(text[figs[k - 1].end:figs[k].start]):
        return None
    g = figs[k - 1]
    before = text[figs[k - 2].end if k >= 2 else 0:g.start]
    if g.kind != FigureKind.PERCENT or g.value is None or g.is_range or not _GROWTH_TO.search(before):
        return None
    rate = signed_interval(g, before).scale(0.01)
    return (figs[k], g, rate) if rate.lo > -1 else None


def _level_at(figs: list[Figure], text: str) -> int | None:
    """The index of the one level among `figs` written as `text`, or of that value when a check
    wrote it with a unit of its own ("21.13 亿元" for the "21.13" of a list)."""
    k = figure_at(figs, text, _LEVEL_KINDS)
    if k is not None:
        return k
    m = _NUMBER.search(text.replace(" ", "").replace(",", ""))
    if m is None:
        return None
    value = float(m.group().replace("−", "-"))
    found = [i for i, f in enumerate(figs) if f.kind in _LEVEL_KINDS and f.value == value]
    return found[0] if len(found) == 1 else None
