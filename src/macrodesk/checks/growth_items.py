"""The levels of a paragraph written with their own growth, however the text pairs them: "628.4亿元，
同比增长+14.38%", "5.00亿元（+75.7%）", "营收yoy+46%至4.8亿元", "分别实现收入64.64亿、1.15亿和2.04亿元，
同比变动37%、-42%和11%", "同比增长22.3%/43.3%至16.52/4.57亿元". Read for the relations that rebuild
last period's figures from this period's (unit_values, fitted_breakdowns)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import FALL_BEFORE, Interval, figure_interval
from macrodesk.checks.level_growths import LIST_JOIN
from macrodesk.checks.paragraphs import ParaText
from macrodesk.figures import list_units
from macrodesk.models import Figure, FigureKind

# ("同比20年增长24.8%，同比19年增长19.4%" (cfg397): a 同比 naming the year it is against)
_CMP = r"同比\s*(?:19|20)?\d{2}\s*年(?:同期)?|同比|环比|yoy|YoY|YOY|较上年|较去年|较上月|较上季|较\s*(?:19|20)?\d{2}\s*年末?"
_BASIS_YEAR = re.compile(r"同比\s*(?:19|20)?(\d{2})\s*年")
_VERB = (r"增长|增加|上升|提升|提高|上涨|下降|下滑|减少|回落|降低|下跌|下调|收窄|变动|变化|"
         r"增|升|涨|降|跌|减")
# how much, before the verb: "同比小幅上升1.2个百分点"
_ADVERB = r"(?:小幅|大幅|明显|略有|略微|略|微|显著|稳步|持续)?"
# between a level (or a list of them) and its growth (or theirs): "，同比增长", "（", "，同比分别"
_AFTER = re.compile(rf"^\s*[，,（(]?\s*(?:分别)?\s*(?:{_CMP})\s*(?:分别)?\s*{_ADVERB}(?:{_VERB})?\s*(?:分别)?\s*"
                    r"(?:为|了|约|达)?\s*[=＝:：]?\s*$|^\s*[（(]\s*$")
# before a growth (or a list) that reaches its level with 至: "营收yoy+46%至4.8亿元"
_BEFORE = re.compile(rf"(?:{_CMP})\s*(?:分别)?\s*{_ADVERB}(?:{_VERB})?\s*(?:分别)?\s*(?:了|约)?\s*$")
_TO = re.compile(r"^\s*(?:至|到)\s*$")
_PREVIOUS = re.compile(r"环比|较上月|较上季|年末|年底")
LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)


@dataclass(frozen=True)
class Moved:
    """A level written with its growth in one paragraph."""

    level: Figure  # in its list's unit when written bare ("16.52/4.57亿元")
    growth: Figure
    rate: Interval  # the signed growth as a fraction
    previous: bool  # against the period before (环比, 年末), not a year before
    name: str  # the words of the level's (or its list's) clause
    at: int  # where the later of the two is written
    period: tuple[int, str] | None  # the period its clause writes
    basis: str = ""  # the year a 同比 names ("同比20年" -> "20"): growths pair only on one basis


def period_of(p: ParaText, f: Figure) -> tuple[int, str] | None:
    """A figure's period: its clause's, else one written earlier in its sentence ("2026 年一季度，
    行业整体收入 4925 亿元")."""
    start = max(p.text.rfind(stop, 0, f.start) for stop in "。；;") + 1
    return period_key(p.own_clause(f)) or period_key(p.text[start:f.start])


def _runs(text: str, figs: list[Figure]) -> list[tuple[int, int]]:
    """The lists of the paragraph (a figure alone is a list of one), as index ranges."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(figs):
        b = k
        while b + 1 < len(figs) and LIST_JOIN.match(text[figs[b].end:figs[b + 1].start]) \
                and figs[b + 1].kind == figs[k].kind:
            b += 1
        out.append((k, b))
        k = b + 1
    return out


def moved_levels(p: ParaText, *, ratios: bool = False) -> list[Moved]:
    """Amounts with their growth in %, or with `ratios` rates with their change in points ("毛利率
    9.07%，同比降低5.73个百分点", "净利率同比+1.7pct至9.0%"; the change as a fraction, like a growth)."""
    # read once per paragraph: three finders ask for the amounts, one for the rates (read-only)
    key = "moved_rates" if ratios else "moved_levels"
    got: list[Moved] | None = p.memo.get(key)
    if got is None:
        got = p.memo[key] = _moved_levels(p, ratios)
    return got


def _moved_levels(p: ParaText, ratios: bool) -> list[Moved]:
    level_kinds, rate_kind = ((FigureKind.PERCENT,), FigureKind.POINTS) if ratios else (LEVELS, FigureKind.PERCENT)
    if "runs" not in p.memo:
        figs = list_units(p.text, [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None])
        p.memo["runs"] = figs, _runs(p.text, figs)
    figs, runs = p.memo["runs"]
    out: list[Moved] = []
    for (a1, b1), (a2, b2) in zip(runs, runs[1:], strict=False):
        if b1 - a1 != b2 - a2:
            continue
        first, second = figs[a1:b1 + 1], figs[a2:b2 + 1]
        between = p.text[figs[b1].end:figs[a2].start]
        if all(f.kind in level_kinds for f in first) and all(g.kind == rate_kind for g in second) \
                and _AFTER.match(between):
            levels, growths, lead = first, second, between
        elif all(g.kind == rate_kind for g in first) and all(f.kind in level_kinds for f in second) \
                and _TO.match(between) and _BEFORE.search(p.text[max(0, figs[a1].start - 14):figs[a1].start]):
            levels, growths, lead = second, first, p.text[max(0, figs[a1].start - 14):figs[a1].start]
        else:
            continue
        name = p.own_clause(figs[a1])
        period = period_of(p, figs[a1])
        # the verb before a list signs its unsigned items ("同比分别下降 3%、5%")
        fall = bool(FALL_BEFORE.search(lead.rstrip("（( 为了约达=＝:：")))
        for level, growth in zip(levels, growths, strict=True):
            if growth.is_range or level.is_range or not (level.value or 0) > 0 or growth.value is None:
                continue
            iv = figure_interval(growth)
            if fall and growth.value > 0 and not growth.text.lstrip().startswith("+"):
                iv = -iv
            rate = iv.scale(0.01)
            if rate.lo <= -1 and not ratios:
                continue
            year = _BASIS_YEAR.search(lead)
            out.append(Moved(level, growth, rate, bool(_PREVIOUS.search(lead)), name,
                             max(level.end, growth.end), period, year.group(1) if year else ""))
    return out
