"""February's 环比 growth against the January the text leaves out: "2 月汽车产销 167.2 万辆、180.5 万辆，
环比降 31.7%、23.1%…；1-2 月累计产销 412.2 万辆、415.2 万辆" gives January = 1-2 月 − 2 月 (a derived
relation). Chinese statistics often publish January and February only together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.text.clauses import clause_start

# what the levels measure; 产销 is a pair (产量、销量) written as one word
_METRIC = re.compile(r"(产销|销量|产量|出口|进口|批发销量|零售销量|交付量|出货量|装机量|销售额|营收|收入)")
_MONTH = re.compile(r"(?<![\d-])2\s*月")
_CUMULATIVE = re.compile(r"1\s*[-—–~至]\s*2\s*月|前(?:两|2)个?月")
# every paragraph read names a 环比 and a 1-2 月 cumulative (its 月: _CUMULATIVE spans spaces)
_NEEDS = re.compile(r"环比")
_NEEDS_MONTH = re.compile(r"月")
# a 同比 growth written between a level and its 环比 ("2 月销量 4.20 万辆，同比 -31.2%，环比 -40.2%")
_YOY = re.compile(r"^[，,\s]*同比\s*(?:下降|下滑|减少|增长|增加|上升|增|降)?\s*$")
_QOQ = re.compile(r"环比\s*(下降|下滑|减少|回落|降低|下跌|降|跌|减|增长|增加|上升|提高|上涨|回升|增|升|涨)?\s*$")
_FALL = re.compile(r"下降|下滑|减少|回落|降低|下跌|降|跌|减")
_NOISE = re.compile(r"\d{4}\s*年|\d+\s*[-—–~至]\s*\d+\s*月|\d+\s*月|累计|分别|完成|实现|共|为|达|约|[\s，,：:]")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)


@dataclass(frozen=True)
class _Group:
    """Levels written together ("产销 167.2 万辆、180.5 万辆") under one subject and metric."""

    subject: str
    metric: str
    levels: tuple[Figure, ...]
    growths: tuple[Figure, ...]  # the 环比 growths paired with them, or ()
    lead: str  # the words before the growths ("环比降")


def _groups(p: ParaText, month: re.Pattern[str]) -> list[_Group]:
    out = []
    figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
    k = 0
    while k < len(figs):
        f = figs[k]
        if f.kind not in _AMOUNTS or f.is_range:
            k += 1
            continue
        head = p.text[clause_start(p.text, f.start, "，,；;。"):f.start]
        m = _METRIC.search(head)
        when = month.search(head)
        if m is None or when is None or (month is _MONTH and _CUMULATIVE.search(head)):
            k += 1
            continue
        levels = [f]
        j = k + 1
        while j < len(figs) and figs[j].kind in _AMOUNTS and re.fullmatch(r"\s*[、和及]\s*", p.text[levels[-1].end:figs[j].start]):
            levels.append(figs[j])
            j += 1
        growths: list[Figure] = []
        lead = ""
        after = levels[-1].end
        if len(levels) == 1 and j + 1 < len(figs) and figs[j].kind == figs[j + 1].kind == FigureKind.PERCENT \
                and _YOY.match(p.text[after:figs[j].start]):
            after, j = figs[j].end, j + 1
        if j < len(figs) and figs[j].kind == FigureKind.PERCENT:
            between = p.text[after:figs[j].start]
            q = _QOQ.search(between)
            if q and re.fullmatch(r"[，,\s]*", between[:q.start()]):
                lead = between[q.start():]
                growths = [figs[j]]
                while j + 1 < len(figs) and figs[j + 1].kind == FigureKind.PERCENT \
                        and re.fullmatch(r"\s*[、和及]\s*", p.text[growths[-1].end:figs[j + 1].start]):
                    growths.append(figs[j + 1])
                    j += 1
        subject = _NOISE.sub("", head[:when.start()] + head[when.end():m.start()])
        out.append(_Group(subject, m.group(1), tuple(levels), tuple(growths), lead))
        k = j
    return out


def find_february_growths(article: Article) -> list[Check]:
    """Each 2 月 level with its 环比 growth, against the 1-2 月 cumulative level of the same
    subject and metric in its paragraph (paired by position in a 、-list): January is their
    difference. A cumulative with no subject of its own pairs only when one monthly group of
    that metric stands in the paragraph."""
    if not mentions(article, _NEEDS) or not mentions(article, _NEEDS_MONTH):
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        if not (_CUMULATIVE.search(p.text) and "环比" in p.text):
            continue
        months = [g for g in _groups(p, _MONTH) if g.growths]
        sums = _groups(p, _CUMULATIVE)
        for g in months:
            if len(g.growths) != len(g.levels):
                continue
            same = [c for c in sums if _same_metric(c.metric, g.metric) and len(c.levels) == len(g.levels)
                    and (c.subject == g.subject or not c.subject
                         and (sum(1 for x in months if _same_metric(x.metric, g.metric)) == 1
                              or _next_in_sentence(p, g, c, months)))]
            if len(same) != 1:
                continue
            for level, total, growth in zip(g.levels, same[0].levels, g.growths, strict=True):
                chk = _judge(p, level, total, growth, g.lead)
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
    return out


def _same_metric(a: str, b: str) -> bool:
    """"批发销量" and "销量" name one measure (the shorter is the longer's end)."""
    return a == b or a.endswith(b) or b.endswith(a)


def _next_in_sentence(p: ParaText, g: _Group, c: _Group, months: list[_Group]) -> bool:
    """A cumulative with no subject of its own right after a month's group in the same sentence
    ("哈弗品牌2月销量4.20万辆，…，环比-40.2%；前两月累计销量11.22万辆"): no other month's group
    and no full stop between them."""
    start, end = g.levels[-1].end, c.levels[0].start
    return 0 <= start < end and "。" not in p.text[start:end] \
        and not any(start < x.levels[0].start < end for x in months)


def _judge(p: ParaText, level: Figure, total: Figure, growth: Figure, lead: str) -> Check | None:
    if canonical_unit(level.kind, level.unit) != canonical_unit(total.kind, total.unit):
        return None
    feb = figure_interval(level).scale(level.scale)
    jan = figure_interval(total).scale(total.scale) - feb
    if jan.lo <= 0 or feb.lo <= 0:
        return None
    computed = (feb / jan - Interval(1, 1)).scale(100)
    stated = figure_interval(growth, result=True)
    if _FALL.search(lead) and (growth.value or 0) > 0:
        stated = -stated
    where = p.sentence_at(growth.start)
    return interval_check(
        computed, stated, kind="growth", stated=growth.text, inputs=[total.text, level.text],
        relation=f"{level.text} / ({total.text} - {level.text}) - 1 = {growth.text} (1 月 = 1-2 月 - 2 月, unstated)",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
        input_sentences=[p.sentence_at(total.start).text, p.sentence_at(level.start).text],
    )
