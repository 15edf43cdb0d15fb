"""A 环比 growth against the previous month's or quarter's level written in its paragraph: "7 月进口
3561 万吨，…；8 月进口 4274 万吨，同比减少 6.7%，环比 + 20%" is 4274 / 3561 − 1; "二季度营收 120 亿元，
一季度营收 100 亿元，环比增长 20%". A rate's 环比 change in points works the same way."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.judging import Check
from macrodesk.checks.last_year import judge_base, like_level
from macrodesk.checks.paragraphs import ParaText, paragraphs, stated_rates
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import clause_start

_UP_DOWN = r"(?:增长|增加|上升|提高|提升|上涨|增|升|下降|下滑|减少|回落|降低|下跌|降|跌|减)"
# "环比 + 20%", "环比增长 6.3%", "较上月下降 2%", "（环比 - 1.67%"
_QOQ = re.compile(rf"(?:环比|较上月|比上月|较上季度?|比上季度?|(?<![A-Za-z])(?:qoq|QoQ|QOQ))\s*{_UP_DOWN}?\s*(?:了|约|达)?\s*$")
_MONTH = re.compile(r"(?<![\d\-~～—至.])(1[0-2]|[1-9])\s*月(?!\s*\d|份?\s*[-~～—至])")
_QUARTER = re.compile(r"(?<![\d\-~～—至])(?:Q([1-4])|第?([一二三四])季度)(?!\s*[-~～—至])")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# a quarter with its year glued: "2023Q1", "22Q4" (company research)
_YEAR_QUARTER = re.compile(r"(?<![\d.])((?:19|20)?\d{2})\s*Q([1-4])(?![\d\-~～—至])")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4}
# a paragraph that dates anything by a month or a quarter
_DATED = re.compile(r"\d\s*月|季度|Q[1-4]")
# a range or a sum of periods is no one month: "1-8 月", "前三季度", "上半年"
_SPAN = re.compile(r"\d\s*[-~～—至]\s*\d{1,2}\s*月|前[一二三四五六七八九十]+|[上下]半年|累计|以来|截至|截止")


def _clause(s: ParaText, f: Figure) -> str:
    start = clause_start(s.text, f.start, "，,；;。")
    return s.text[start:f.start]


def _when(s: ParaText, f: Figure) -> tuple[int | None, str, int] | None:
    """(year or None, "M"/"Q", number) of a level dated by a month or a quarter in its own clause;
    the year is the last one written before it in the paragraph."""
    own = _clause(s, f)
    months, quarters = list(_MONTH.finditer(own)), list(_QUARTER.finditer(own))
    glued = list(_YEAR_QUARTER.finditer(own))
    for stops in ("；;。", "。"):
        if months or quarters or glued:
            break
        # "二季度营收 120 亿元，环比增长 20%，净利润 13 亿元": the period opens the ；-clause, or the
        # sentence ("2023Q1单季度：1）实现营收 2.58 亿元…；实现归母净利润 0.52 亿元")
        own = s.text[clause_start(s.text, f.start, stops):f.start]
        months, quarters = list(_MONTH.finditer(own)), list(_QUARTER.finditer(own))
        glued = list(_YEAR_QUARTER.finditer(own))
    if _SPAN.search(own) or len(months) + len(quarters) + len(glued) != 1:
        return None
    if glued:
        y = int(glued[0].group(1))
        return (y + 2000 if y < 100 else y), "Q", int(glued[0].group(2))
    years = list(_YEAR.finditer(s.text, 0, f.start))
    year = int(years[-1].group(1)) if years else None
    if months:
        return year, "M", int(months[0].group(1))
    q = quarters[0]
    return year, "Q", int(q.group(1)) if q.group(1) else _CN[q.group(2)]


# what a clause's words say beyond its date: "8 月进口" -> 进口, "二季度营收" -> 营收
_NOT_MEASURE = re.compile(r"(?:19|20)\d{2}\s*年|第?[一二三四]\s*季度|Q[1-4]|(?:1[0-2]|[1-9])\s*月份?|单月|当月|单季度?|"
                          r"[\d\s.,，；;：:（）()%+\-~—–]|预计|为|达到?|约|实现|共|同比|环比|其中|分别|的")


# 营收 is short for 营业收入 (营业总收入); "公司" names no measure
_REVENUE = re.compile(r"营业总?收入")


def _measure(s: ParaText, f: Figure) -> str:
    """What a level measures: its clause's words past the date, else (a clause naming only its
    period: "归母净利润 5.4 亿元，…，其中 Q4 单季实现 1.16 亿元") those of the level of its unit
    before it in the sentence."""
    own = _NOT_MEASURE.sub("", _clause(s, f))
    if own:
        return own
    start = clause_start(s.text, f.start, "。")
    for x in reversed([x for x in s.figures if start <= x.start < f.start and x.kind == f.kind and x.unit == f.unit]):
        if got := _NOT_MEASURE.sub("", _clause(s, x)):
            return got
    return ""


def _same_measure(s: ParaText, a: Figure, b: Figure) -> bool:
    """One measure at two periods: one name holds the other once the dates are left out."""
    ma, mb = (_REVENUE.sub("营收", re.sub(r"^公司", "", _measure(s, x))) for x in (a, b))
    return not ma or not mb or ma in mb or mb in ma


def _before(a: tuple[int | None, str, int], b: tuple[int | None, str, int]) -> bool:
    """Whether period `a` is the one right before `b` (January after December, Q1 after Q4)."""
    last = 12 if b[1] == "M" else 4
    if a[1] != b[1]:
        return False
    if b[2] > 1:
        return a[2] == b[2] - 1 and a[0] == b[0]
    return a[2] == last and (a[0] is not None and b[0] is not None and a[0] == b[0] - 1)


# every growth is read after a `_QOQ` word: 环比, 较上/比上 (月, 季) or qoq
_NEEDS = re.compile(r"环比|较上|比上|qoq|QoQ|QOQ")


def find_previous_period_growths(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in paragraphs(article, series=True):
        if "环比" not in s.text and "较上" not in s.text and "比上" not in s.text and "oQ" not in s.text \
                and "oq" not in s.text and "OQ" not in s.text or not _DATED.search(s.text):
            continue
        for figs, k, lead in stated_rates(s):
            if not _QOQ.search(lead):
                continue
            chk = _growth(s, figs, k, lead)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _growth(s: ParaText, figs: list[Figure], k: int, lead: str) -> Check | None:
    g = figs[k]
    rate = g.kind == FigureKind.POINTS
    # the level the growth follows: the last one before it, past its other growths ("…4274 万吨，
    # 同比减少 6.7%，环比 + 20%")
    j = k - 1
    while j >= 0 and figs[j].kind in (FigureKind.PERCENT, FigureKind.POINTS) and not like_level(s, figs[j], figs[j]) \
            and re.search(r"同比|环比|较|比|增|降|升|跌|减|yoy|YoY|YOY|qoq|QoQ|QOQ", s.text[figs[j - 1].end if j else 0:figs[j].start]):
        j -= 1
    if j < 0 or rate and j < k - 1 and figs[k - 1].kind == FigureKind.PERCENT:
        # ("PPI同比上涨-0.4%，增速环比上升1.10个百分点": a change in points right after a growth may be
        # that growth's own change, not the level's before it)
        return None
    later = figs[j]
    if rate != (later.kind == FigureKind.PERCENT) or not like_level(s, later, later):
        return None
    now = _when(s, later)
    if now is None:
        return None
    bases = [f for f in figs[:j] if like_level(s, f, later) and (w := _when(s, f)) is not None and _before(w, now)
             and _same_measure(s, later, f)]
    if len(bases) != 1:
        return None
    return judge_base(s, later, bases[0], g, lead, rate, "the period before's level")
