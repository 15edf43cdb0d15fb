"""A 同比 growth whose base is written somewhere else in the article with no date the reader can
pair by rule: "世界白银协会预计需求量 35716 吨，同比下滑 1.36%" and, sections earlier, "全球白银需求量
36207 吨". The base is sought by the measure's name and the growth's fit, so a fit confirms
(not refutable) and no fit proves nothing."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval, precision_unit
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, canonical_unit

_UP_DOWN = r"增长|增加|上升|提高|提升|上涨|增|升|下降|下滑|减少|回落|降低|下跌|降|跌|减"
_YOY = re.compile(rf"同比\s*(?:{_UP_DOWN})?\s*(?:了|约)?\s*$")
_FALL = re.compile(r"(?:下降|下滑|减少|回落|降低|下跌|降|跌|减)\s*(?:了|约)?\s*$")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# what is no measure's name: dates, verbs of reaching, hedges, the subject's filler words
_NOT_NAME = re.compile(r"[\d\s.,，；;：:（）()%+\-~—–*]|年|月|季度|[上下]半年|H[12]|Q[1-4]|预计|预测|达到?|约|为|"
                       r"实现|共|合计|累计|全年|同期|同比|其中|分别|的|至|从|由|截至|末|底|初")
# names too general to pair two levels by
_GENERIC = {"规模", "总量", "数量", "金额", "合计", "总额"}


def _name(p: ParaText, f: Figure) -> str:
    return _NOT_NAME.sub("", p.own_clause(f))


def _pairs_by_name(a: str, b: str) -> bool:
    """Two measure names pair when one holds the other's last three characters (需求量 in
    全球白银需求量), never on a generic word alone."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    tail = short[-3:]
    return len(tail) >= 2 and tail not in _GENERIC and tail in long_


def find_searched_bases(article: Article) -> list[Check]:
    """Each 同比 growth right after a level, against the levels of the same unit and measure
    elsewhere in the article: a base whose growth fits the stated one tightly confirms it."""
    paras = paragraphs(article)
    if "同比" not in article.text:
        return []
    # the levels of the article by unit, each with its name, read once and only when a growth
    # after a level is found (most articles have none: naming every level costs more than the search)
    levels: dict[tuple[FigureKind, str], list[tuple[ParaText, Figure, str]]] | None = None
    periods: dict[int, tuple[int, str] | None] = {}
    out: list[Check] = []
    for p in paras:
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k in range(1, len(figs)):
            g, later = figs[k], figs[k - 1]
            if g.kind != FigureKind.PERCENT or g.is_range or later.kind not in _AMOUNTS \
                    or not (later.value or 0) > 0 or later.is_range or later.approx:
                continue
            lead = p.text[later.end:g.start]
            if not _YOY.search(lead) or "；" in lead or "。" in lead:
                continue
            name = _name(p, later)
            if len(name) < 2:
                continue
            if levels is None:
                levels = _levels(paras)
            chk = _search(p, later, g, lead, name, levels, periods)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _levels(paras: list[ParaText]) -> dict[tuple[FigureKind, str], list[tuple[ParaText, Figure, str]]]:
    """The article's levels by unit, each with its name."""
    levels: dict[tuple[FigureKind, str], list[tuple[ParaText, Figure, str]]] = {}
    for q in paras:
        for f in q.figures:
            if f.kind in _AMOUNTS and f.value is not None and f.value > 0 and not f.is_range and not f.approx:
                levels.setdefault((f.kind, canonical_unit(f.kind, f.unit)), []).append((q, f, _name(q, f)))
    return levels


# a measure's own word after its subject: "乘用车销量" and "其中乘用车" name one measure
_MEASURE_WORD = re.compile(r"(?:销量|产量|销售量|出货量|装机量?|规模|收入|营收)$")
_FINANCIAL = re.compile(r"收入|营收|利润|净利|毛利|业绩|EPS|每股")
_YEAR_WRITTEN = re.compile(r"((?:19|20)\d{2})\s*年")


def _dated(p: ParaText, f: Figure) -> tuple[int, str] | None:
    """The period of a level: written in its clause, else a whole year written before it in its
    sentence ("预计 2026 年汽车总销量 3475 万辆…；其中乘用车 3025 万辆")."""
    own = period_key(p.own_clause(f))
    if own is not None:
        return own
    start = p.text.rfind("。", 0, f.start) + 1
    years = list(_YEAR_WRITTEN.finditer(p.text, start, f.start))
    if not years or re.search(r"[1-9]\s*月|季度|[上下]半年|H[12]|Q[1-4]|以来|截至|截止|至今|累计|年初",
                              p.text[years[-1].start():f.start]):
        return None
    return int(years[-1].group(1)), "Y"


def _dated_base(p: ParaText, later: Figure, name: str, stated: Interval,
                levels: dict[tuple[FigureKind, str], list[tuple[ParaText, Figure, str]]], g: Figure) -> Check | None:
    """The one level of the same measure (its name, its unit) dated the year before: certain."""
    when = _dated(p, later)
    if when is None:
        return None
    if _FINANCIAL.search(name):
        return None  # a company's revenue or profit: another company's may share its name
    mine = _MEASURE_WORD.sub("", name)
    if len(mine) < 2:
        return None
    found = [(q, f) for q, f, other in levels.get((later.kind, canonical_unit(later.kind, later.unit)), [])
             if f is not later and _MEASURE_WORD.sub("", other) == mine and _dated(q, f) == (when[0] - 1, when[1])]
    if len(found) != 1:
        return None
    q, f = found[0]
    was, now = figure_interval(f).scale(f.scale), figure_interval(later).scale(later.scale)
    if was.lo <= 0:
        return None
    computed = (now / was - Interval(1, 1)).scale(100)
    where = p.sentence_at(g.start)
    return interval_check(
        computed, stated, kind="growth", stated=g.text, inputs=[f.text, later.text],
        relation=f"({later.text}/{f.text} - 1) = {g.text} (the base is the same measure a year before, written "
                 "elsewhere)", sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[q.sentence_at(f.start).text, where.text])


def _search(p: ParaText, later: Figure, g: Figure, lead: str, name: str,
            levels: dict[tuple[FigureKind, str], list[tuple[ParaText, Figure, str]]],
            periods: dict[int, tuple[int, str] | None]) -> Check | None:
    """The one base found by name and fit; `periods` keeps each base's period once read (every
    growth of the article searches the same bases)."""
    now = figure_interval(later).scale(later.scale)
    sign = -1.0 if _FALL.search(lead) and (g.value or 0) > 0 else 1.0
    # the one base dated a year before is judged at the growth's rounding; found by fit, the tighter
    # reading below
    dated = _dated_base(p, later, name, figure_interval(g, result=True).scale(sign), levels, g)
    if dated is not None:
        return dated
    stated = figure_interval(g).scale(sign)
    # a chance fit is likely for a whole-percent growth or levels rounded to a few digits: the
    # growth must be written to a decimal and the levels must pin it to within its rounding
    if g.decimals < 1:
        return None
    tight = 2 * precision_unit(g)
    pl: tuple[int, str] | None = None
    read_pl = False  # the level's own period, read at the first base that pairs by name
    for q, f, other in levels.get((later.kind, canonical_unit(later.kind, later.unit)), []):
        if f is later or (q is p and f.start == later.start) or f.value == later.value:
            continue
        if not _pairs_by_name(name, other):
            continue
        # when both levels carry a period, the base is a year earlier, the same part of it
        # (185: a 2025 Q1 output is no growth over a 2024 year's)
        if not read_pl:
            pl, read_pl = period_key(p.own_clause(later)), True
        if id(f) not in periods:  # (None is a period not written: read once too)
            periods[id(f)] = period_key(q.own_clause(f))
        pb = periods[id(f)]
        if pl is not None and pb is not None and pb != (pl[0] - 1, pl[1]):
            continue
        was = figure_interval(f).scale(f.scale)
        computed = (now / was - Interval(1, 1)).scale(100)
        if computed.hi - computed.lo > tight or not computed.overlaps(stated):
            continue
        where = p.sentence_at(g.start)
        return Check(
            verdict="consistent", kind="growth", stated=g.text, computed=f"{computed.mid:.3f}",
            computed_low=computed.lo, computed_high=computed.hi, inputs=[f.text, later.text],
            relation=f"({later.text}/{f.text} - 1) = {g.text} (the base is the same measure written elsewhere)",
            note="the base is found by its name and fit elsewhere in the article",
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
            input_sentences=[q.sentence_at(f.start).text, where.text], refutable=False,
        )
    return None
