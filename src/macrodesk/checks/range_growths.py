"""A growth written as a range right after a level written as a range, as earnings
pre-announcements write them: "预告2022年归母净利润291.0亿元~315.0亿元，同增82.7%~97.7%". Both ends
grow from one base (last year's level, or last quarter's for 环比), so the base the lower end gives,
A / (1 + g_A), is an unstated intermediate (derived) and the upper end's growth follows: B / base − 1."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.models import Figure, FigureKind, Sentence

_UP = r"增长|增加|提升|上升|提高|上涨|增|升|涨"
_DOWN = r"下降|下滑|减少|回落|降低|下跌|降|减|跌"
# only growth words between the levels and the rates: "，同增", "（同比增长 ", "，同比增加", "，环比增加"
_LEAD = re.compile(rf"^\s*[，,（(]?\s*(?:同比|环比|yoy|YoY|YOY|qoq|QoQ|同(?=增|降|减|升))?\s*(?:({_UP})|({_DOWN}))?"
                   r"\s*(?:了|约|分别为|为)?\s*[:：]?\s*$")
# the two ends of a range as written: "82.7%~97.7%", "15.00-15.70 亿元", "-20%~-10%"
_ENDS = re.compile(r"^(.*?\d[^\d~～\-－—至到]*?)\s*(?:~|～|-|－|—|至|到)\s*([+\-−]?\s*\d.*)$")
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")


def _half(part: str) -> float | None:
    """Half a unit of the last digit written in one end of a range."""
    m = _NUMBER.search(part)
    if m is None:
        return None
    return 0.5 * 10 ** -len(m.group(1) or "")


def _ends(f: Figure) -> list[tuple[Interval, str]] | None:
    """The two ends of a range figure as intervals, each with its text as written."""
    m = _ENDS.match(f.text.strip())
    if m is None or f.value is None or f.high is None:
        return None
    lo_half, hi_half = _half(m.group(1)), _half(m.group(2))
    if lo_half is None or hi_half is None:
        return None
    widen = 3.0 if f.approx else 1.0  # 约: one more unit either side
    return [(Interval(f.value - lo_half * widen, f.value + lo_half * widen), m.group(1).strip()),
            (Interval(f.high - hi_half * widen, f.high + hi_half * widen), m.group(2).strip())]


def range_growth(s: Sentence, raw: str, figs: list[Figure], k: int) -> Check | None:
    """The check of the range growth `figs[k]` of sentence `s` (whose figures' offsets are in
    `raw`) against the range of levels right before it, or None when none stands right before it."""
    f = figs[k]
    before = [x for x in figs[:k] if x.kind != FigureKind.DATE]
    prev = before[-1] if before else None
    if prev is not None and prev.kind == FigureKind.PERCENT and prev.high is not None and len(before) > 1 \
            and _LEAD.match(raw[prev.end:f.start]):
        # "9-11亿元，同比增加765.24%-957.52%，环比增加188.2%-252.2%": each basis against the levels
        f_lead_start, prev = prev.end, before[-2]
    else:
        f_lead_start = -1
    if prev is None or prev.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or prev.high is None:
        return None
    lead = _LEAD.match(raw[f_lead_start:f.start] if f_lead_start >= 0 else raw[prev.end:f.start])
    if f_lead_start >= 0 and not _LEAD.match(raw[prev.end:before[-1].start]):
        return None
    levels, rates = _ends(prev), _ends(f)
    if lead is None or levels is None or rates is None or levels[0][0].lo <= 0 or levels[0][0].hi >= levels[1][0].lo:
        return None
    if lead.group(2) and f.text.strip()[:1] not in "+-−－" and (f.value or 0) >= 0:
        rates = [(-iv, text) for iv, text in rates]  # "同比下降 10%-20%"
    if rates[0][1][:1] in "-−－" and rates[1][1][:1] not in "+-−－":
        # "215-255GW（同比 - 8~23%）": the sign may be the whole range's (−8% to −23%) or the lower
        # end's alone; which one is not written
        return None
    # the higher level grew the more from the one base: the ends pair in order
    (g_lo, t_lo), (g_hi, t_hi) = sorted(rates, key=lambda r: r[0].mid)
    one = Interval(1, 1)
    if (one + g_lo.scale(0.01)).lo <= 0:
        return None
    (a, a_text), (b, b_text) = levels
    base = a / (one + g_lo.scale(0.01))
    got = (b / base - one).scale(100)
    # whole-number rates ("200-220GW，同比增长 30%-40%") are a forecast's round ends, not each
    # computed from one base: a fit confirms, a miss proves nothing
    rough = not all("." in text for _, text in rates)
    if rough and not got.overlaps(g_hi):
        return None
    shown = ("-" if g_hi.mid < 0 and not t_hi.startswith(("-", "−")) else "") + t_hi  # "下降 10%" is -10%
    chk = interval_check(
        got, g_hi, kind="growth", stated=t_hi, derived=True, inputs=[a_text, t_lo, b_text],
        relation=(f"{b_text} / {fmt(base.mid)} - 1 = {shown} (last period's level {fmt(base.mid)} derived from "
                  f"the lower end, {a_text} / (1 {'-' if g_lo.mid < 0 else '+'} {fmt(abs(g_lo.mid))}%): both ends "
                  f"grow from one base)"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text, s.text])
    chk.refutable = not rough
    return chk
