"""A growth from a level and its absolute change written in another section: "秦皇岛港 Q5500 动力末煤
740 元 / 吨，较上周上涨 5.26%" with "秦皇岛港 Q5500 动力煤市场价 740 元 / 吨，周环比上涨 37 元 / 吨" in
the weekly summary: 37 / (740 − 37) = 5.26%. The two are paired by the very same level, a shared
name and the same basis (a week, a month, a year); a fit confirms the growth, a mismatch proves
nothing (another series may share the level)."""

from __future__ import annotations

import re

from macrodesk.checks.framed import DOWN_WORDS, Framed
from macrodesk.checks.frames import common_metric
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, hedge, judge
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.models import FigureKind

_VERB = r"(?:上涨|下跌|上升|下降|增加|减少|回升|回落|上调|下调|涨|跌)"
_BASES = (("week", r"周环比|较上周|环比上周|周度?"), ("month", r"月环比|较上月|环比上月"),
          ("year", r"同比|较上年|较去年|较上年同期|较去年同期"), ("seq", r"环比"))
# the text of a change in a level's own unit ("周环比上涨 37 元") or of an earlier level beside a
# level ("（2024Q1 为 - 23.79 亿元）"): only an article holding one needs its frames read
_CHEAP = re.compile(
    r"(?:环比|较上周|较上月|同比)\s*(?:上涨|下跌|上升|下降|增加|减少|回升|回落|上调|下调|涨|跌)?\s*[+\-−－]?\s*\d[\d.,]*"
    r"\s*(?!\d|%|％|个百分点|pct|bp|BP)[\u4e00-\u9fa5A-Za-z]"
    r"|[（(]\s*(?:(?:19|20)?\d{2}\s*(?:年|Q[1-4]|H[12])[^，,。；;）)]{0,6}?|上年同期|去年同期|同期)\s*(?:为|：|:)\s*[+\-−－]?\s*\d")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
_BESIDE = re.compile(r"^\s*[（(]\s*(?:(?:19|20)?\d{2}\s*(?:年|Q[1-4]|H[12])[^，,。；;）)]{0,6}?|上年同期|去年同期|同期)"
                     r"\s*(?:为|：|:)\s*$")


_BASIS_LEAD = re.compile(rf"((?:周环比|月环比|环比|同比|较上周|较上月|较上年同期|较去年同期|较上年|较去年|环比上周|环比上月)"
                         rf"\s*(?:{_VERB}|[+\-−－])?)\s*(?:了|约)?\s*$")


def _basis(lead: str) -> str | None:
    """The basis a change right after its lead is measured on, when the lead ends on a verb."""
    # (every basis word holds 比 or 较上: most leads are passed by a plain test)
    m = _BASIS_LEAD.search(lead) if "比" in lead or "较上" in lead else None
    if m is None:
        return None
    for name, rx in _BASES:
        if re.search(rx, m.group(1)):
            return name
    return None


def find_level_changes(whole: WholeFrames) -> list[Check]:
    if not any(_CHEAP.search(s.text) for s in whole.sentences):
        return []
    art, fs = whole.art, whole.fs
    # (level value, unit) -> the changes in the level's unit written right after it
    deltas: dict[tuple[float, tuple[str, str]], list[tuple[Framed, Framed, str]]] = {}
    growths: list[tuple[Framed, Framed, str]] = []
    # (level value, unit) -> the year-earlier levels written beside it ("44.91 亿元（2024Q1 为 - 23.79 亿元）")
    earlier: dict[tuple[float, tuple[str, str]], list[tuple[Framed, Framed]]] = {}
    for x, d in zip(fs, fs[1:], strict=False):
        if x.tok.sent != d.tok.sent or x.tok.fig.kind not in _LEVELS or x.tok.bound or d.tok.bound \
                or x.tok.fig.value is None or x.tok.fig.is_range or d.tok.fig.is_range:
            continue
        if d.tok.cunit == x.tok.cunit and _BESIDE.match(d.lead):
            earlier.setdefault((x.tok.fig.value, x.tok.cunit), []).append((x, d))
            continue
        basis = _basis(d.lead)
        if basis is None or not re.fullmatch(r"\s*[，,（(]?[^，,。；;]{0,14}", d.lead):
            continue
        if d.tok.cunit == x.tok.cunit:
            deltas.setdefault((x.tok.fig.value, x.tok.cunit), []).append((x, d, basis))
        elif d.tok.fig.kind == FigureKind.PERCENT:
            growths.append((x, d, basis))
    out: list[Check] = []
    for level, g, basis in growths:
        found = [(x, d) for x, d, b in deltas.get((level.tok.fig.value or 0.0, level.tok.cunit), [])
                 if x.tok.sent != level.tok.sent and (b == basis or "seq" in (b, basis) and "year" not in (b, basis))
                 and common_metric(re.sub(r"\s+", "", x.metric), re.sub(r"\s+", "", level.metric), 3)]
        readings = _from_earlier(level, g, basis, earlier)
        for _, d in found:
            delta = d.tok.interval()
            if DOWN_WORDS.search(d.lead) and (d.tok.fig.value or 0) > 0:
                delta = -delta
            before = level.tok.interval() - delta
            if before.lo <= 0:
                continue
            readings.append((f"{d.tok.text} / ({level.tok.text} - ({d.tok.text})) = {g.tok.text}",
                             (delta / before).scale(100), d))
        if not readings:
            continue
        signed = -g.tok.interval(result=True) if DOWN_WORDS.search(g.lead) and (g.tok.fig.value or 0) > 0 \
            else g.tok.interval(result=True)
        chk = judge(art, "growth", g.tok, [level.tok, readings[0][2].tok], [(f, iv) for f, iv, _ in readings],
                    magnitude=False, stated_iv=signed)
        d = next(d for f, _, d in readings if f == chk.relation)
        chk.inputs = [level.tok.text, d.tok.text]
        chk.input_sentences = [art.sentences[level.tok.sent].text, art.sentences[d.tok.sent].text]
        chk.sentence = art.sentences[g.tok.sent].text
        chk.derived = True
        out.append(hedge(art, chk, "the change or the earlier level is written with the same level elsewhere"))
    return out


def _from_earlier(level: Framed, g: Framed, basis: str,
                  earlier: dict[tuple[float, tuple[str, str]], list[tuple[Framed, Framed]]]) -> list[tuple[str, Interval, Framed]]:
    """A 同比 growth of a level whose year-earlier level is written beside the same level elsewhere
    ("净利润 44.91 亿元（同比 + 291%）" with "归母净利润 44.91 亿元（2024Q1 为 - 23.79 亿元）"): (B − A)/|A|,
    the usual reading of a growth from a loss."""
    if basis != "year":
        return []
    out = []
    for x, a in earlier.get((level.tok.fig.value or 0.0, level.tok.cunit), []):
        if x.tok.sent == level.tok.sent or not common_metric(re.sub(r"\s+", "", x.metric),
                                                            re.sub(r"\s+", "", level.metric), 3):
            continue
        base = a.tok.interval()
        if base.lo <= 0 <= base.hi:
            continue
        out.append((f"({level.tok.text} - ({a.tok.text})) / |{a.tok.text}| = {g.tok.text}",
                    ((level.tok.interval() - base) / base.abs()).scale(100), a))
    return out
