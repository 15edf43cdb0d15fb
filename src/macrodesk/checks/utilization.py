"""A utilization rate against the two levels of its paragraph it is the ratio of: "2024 年国内叶片产能约
250 万吨，需求约 180 万吨，产能利用率 72%" is 180 / 250; "运行产能 9355 万吨…；建成产能 11292 万吨，产能
利用率 82.8%" is 9355 / 11292. The output (产量, 需求, 运行产能) over the capacity (产能)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind

_RATE = re.compile(r"(?:产能利用率|开工率|利用率)\s*(?:为|约|达|约为|达到|仅)?\s*$")
# the output a capacity is used for, and the capacity itself (not the running part of it)
_OUTPUT = re.compile(r"(?:运行产能|在产产能|产量|需求量?|开工产能)\s*(?:为|约|达|约为|达到|仅)?\s*$")
_CAPACITY = re.compile(r"(?<!运行)(?<!在产)(?<!开工)(?<!新增)(?<!规划)产能\s*(?:为|约|达|约为|达到|仅|合计)?\s*$")
_BREAK = "，,；;。（("
_PER_PERIOD = re.compile(r"周|日|单月|月度|当月")


def _words(s: ParaText, f: Figure) -> str:
    start = max(s.text.rfind(ch, 0, f.start) for ch in _BREAK) + 1
    return s.text[start:f.start]


def find_utilization(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in paragraphs(article):
        if "利用率" not in s.text and "开工率" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, z in enumerate(figs):
            if z.kind != FigureKind.PERCENT or k < 2 or not _RATE.search(s.text[figs[k - 1].end:z.start]):
                continue
            chk = _utilization(s, figs[:k], z)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _utilization(s: ParaText, before: list[Figure], z: Figure) -> Check | None:
    levels = [f for f in before if f.kind == FigureKind.QUANTITY and unit_key(s.sentence_at(f.start), f) is not None]
    outputs = [f for f in levels if _OUTPUT.search(_words(s, f))]
    capacities = [f for f in levels if _CAPACITY.search(_words(s, f))]
    # the pair nearest the rate: the last capacity, and the last output of its unit before the rate
    if not outputs or not capacities:
        return None
    d = capacities[-1]
    # a week's or a day's output is no use of a year's capacity ("周产量 174.8 万吨")
    ns = [f for f in outputs if f.unit == d.unit and f.scale == d.scale and not _PER_PERIOD.search(_words(s, f))]
    if not ns:
        return None
    where = s.sentence_at(z.start)
    checks = [interval_check(
        (interval(n) / interval(d)).scale(100), figure_interval(z, result=True), kind="share", stated=z.text,
        inputs=[n.text, d.text], relation=f"{n.text} / {d.text} = {z.text} (output over capacity)",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[s.sentence_at(n.start).text, s.sentence_at(d.start).text]) for n in reversed(ns)]
    # one output and one capacity written: certain for a 利用率; an operating rate (开工率) is often
    # surveyed apart from the output written (452: 运行产能 4200 / 总产能 4445 beside 开工率 81.32%),
    # and more of either level leaves the pair open: then a fit only confirms
    if len(ns) == 1 and len(capacities) == 1 and "开工率" not in s.text[ns[0].end:z.start]:
        return checks[0]
    chk = next((c for c in checks if c.verdict == "consistent"), checks[0])
    return confirm_only(chk, "more than one output or capacity is written")
