"""The growths of a list against the same list a period before: "2020Q4丙烷脱氢、聚丙烯与丙烷…价差分别为
365美元/吨、4160元/吨…" and "2021Q1…（the very same names）价差分别为324美元/吨、3529元/吨…，环比分别变动
-11.4%、-15.2%…" give each item's 324 / 365 − 1. The names written alike, item by item in one unit, and
the periods one 环比 (同比) step apart pair the two lists: certain, so a mismatch refutes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.level_growths import LIST_JOIN
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
# the names of a list right before its values: "…丙烷脱氢、聚丙烯与丙烷…正丁醇价差分别为 "
_NAMED = re.compile(r"([^，,。；;：:]{4,80}?)\s*(?:分别为|分别是|分别达到?)\s*$")
# from the values to their growths: "，环比分别变动", "，同比分别增长"
_TO_GROWTHS = re.compile(r"^\s*[，,]\s*(同比|环比)\s*分别\s*(?:变动|增长|增加|提升|上升|上涨|下降|减少|下滑|下跌|为)?\s*$")
# words before the names that name no item: "其中", "我们计算", "测算"
_LEAD = re.compile(r"^(?:其中|我们|测算|计算|预计|国内|全国|\s)+")
_PREV_Q = {"Q2": "Q1", "Q3": "Q2", "Q4": "Q3"}


@dataclass(frozen=True)
class _List:
    sentence: Sentence
    names: str
    period: tuple[int, str]
    values: list[Figure]
    growths: list[Figure]
    basis: str  # 同比 / 环比 ("" when no growths follow)
    words: str  # the words before the growths (their verb signs them)


def find_parallel_lists(article: Article) -> list[Check]:
    if not any("分别" in s.text for s in article.sentences):
        return []
    lists = [x for s in article.sentences if s.kind in ("prose", "list") and "分别" in s.text for x in _lists(s)]
    out: list[Check] = []
    for later in lists:
        if not later.growths:
            continue
        before = _period_before(later.period, later.basis)
        units = [canonical_unit(f.kind, f.unit) for f in later.values]
        earlier = [x for x in lists if x is not later and x.names == later.names and x.period == before
                   and [canonical_unit(f.kind, f.unit) for f in x.values] == units]
        if len({tuple(f.value for f in x.values) for x in earlier}) != 1:
            continue
        base = earlier[0]
        for a, b, g in zip(base.values, later.values, later.growths, strict=True):
            was, now = figure_interval(a).scale(a.scale or 1.0), figure_interval(b).scale(b.scale or 1.0)
            if was.lo <= 0 or now.lo <= 0:
                continue
            out.append(interval_check(
                (now / was - Interval(1, 1)).scale(100), signed_interval(g, later.words, result=True),
                kind="growth", stated=g.text, inputs=[a.text, b.text],
                relation=f"({b.text}/{a.text} - 1) = {g.text} (the same list {later.basis} a period before)",
                sentence=later.sentence.text, sentence_id=later.sentence.id, paragraph=later.sentence.paragraph,
                input_sentences=[base.sentence.text, later.sentence.text], article=article.label))
    return out


def _period_before(period: tuple[int, str], basis: str) -> tuple[int, str] | None:
    year, part = period
    if basis == "同比":
        return year - 1, part
    if part == "Q1":
        return year - 1, "Q4"
    if part in _PREV_Q:
        return year, _PREV_Q[part]
    if part.startswith("M") and part[1:].isdigit():
        month = int(part[1:])
        return (year - 1, "M12") if month == 1 else (year, f"M{month - 1}")
    return None


def _lists(s: Sentence) -> list[_List]:
    """The lists of named values of a sentence, each with its period (the date written in its
    clause before the names) and the growths that follow it."""
    figs = [f for f in s.figures if f.value is not None and not f.is_range]
    out = []
    i = 0
    while i < len(figs):
        f = figs[i]
        j = i
        while j + 1 < len(figs) and figs[j + 1].kind in _LEVELS and LIST_JOIN.match(s.text[figs[j].end:figs[j + 1].start]):
            j += 1
        if f.kind not in _LEVELS or j == i or not (m := _NAMED.search(s.text[:f.start])):
            i = j + 1
            continue
        values = figs[i:j + 1]
        dates = [d for d in s.figures if d.kind == FigureKind.DATE and m.start(1) <= d.start < f.start]
        period = period_key(dates[-1].text) if dates else None
        names = _LEAD.sub("", s.text[dates[-1].end if dates else m.start(1):m.end(1)]).strip()
        growths: list[Figure] = []
        basis, words = "", ""
        k = j + 1
        if k < len(figs) and (t := _TO_GROWTHS.match(s.text[figs[j].end:figs[k].start])) is not None:
            run = [figs[k]]
            while k + 1 < len(figs) and figs[k + 1].kind == FigureKind.PERCENT \
                    and LIST_JOIN.match(s.text[figs[k].end:figs[k + 1].start]):
                k += 1
                run.append(figs[k])
            if len(run) == len(values) and all(g.kind == FigureKind.PERCENT for g in run):
                growths, basis, words = run, t.group(1), t.group(0)
        if period is not None and len(names) >= 4:
            out.append(_List(s, names, period, values, growths, basis, words))
        i = j + 1
    return out
