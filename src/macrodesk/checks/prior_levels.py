"""A growth over the year before whose earlier level the article writes in another sentence or
paragraph, dated by its own year: "2020 年…公司去年实现营收 4317.86 亿元，同比增长 5.65%" with "2019 年营收
录得 4087 亿" further on; "2018 年度，公司归母净利润较 2017 年度下降 50.77%" with "2017 年至 2019 年…归母
净利润分别为 2.13 亿元、1.05 亿元…". Found by measure and year, so a fit confirms and a misfit is not
shown."""

from __future__ import annotations

import re

from macrodesk.checks.company_levels import measure_class
from macrodesk.checks.framed import ITEM_SEP, Framed
from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, hedge, judge
from macrodesk.checks.sentence import DOWN, UP
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.checks.worded import same_amounts
from macrodesk.models import Article, FigureKind

_GATE = re.compile(r"同比|较上年|比上年|较去年|比去年|(?:较|比)\s*(?:19|20)\d{2}\s*年")
_VERB = rf"(?:{UP}|{DOWN}|大涨|大跌|变动)"
# the growth right after its level: "，同比增长 ", "（同比 -", "，较上年同期下降 "
_ATTACHED = re.compile(rf"^[，,（(\s]*(?:同比|较上年同期|较去年同期|较上年|比上年|较去年|比去年)\s*{_VERB}?\s*"
                       r"(?:了|约|达)?\s*$")
# a growth against a named year, its level not written: "净利润较 2017 年度下降 "
_NAMED_BASE = re.compile(rf"(?:较|比|相比)\s*((?:19|20)\d{{2}})\s*年度?\s*(?:同期|全年)?\s*(?:的)?\s*({_VERB})"
                         r"\s*(?:了|约|达)?\s*$")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年度?(?![\d\s]*月|\s*[上下]半年|\s*[一二三四1-4]\s*季|\s*[-—~～至到])")
_OTHER_PERIOD = re.compile(r"Q[1-4]|H[12]|[上下]半年|季度|\d\s*月|前三|中报|半年报|季报")
_DOWN_ONLY = re.compile(f"(?:{DOWN}|大跌)")
# what a metric says besides its measure: nothing but the company, or a segment
_GENERIC = re.compile(r"公司|实现|全年|去年|今年|本年|当年|当期|报告期内?|合计|累计|整体|总|营业|的|度|年|\s|"
                      r"归属于?母公司(?:所有者|股东)?|归属于上市公司股东|归母|扣除非经常性损益后?|扣非后?|"
                      r"营业总?收入|营收|收入|净利润?|利润")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)
_CLAUSE = re.compile(r"[，,；;。]")


def _measure(fs: list[Framed], k: int) -> str:
    """The measure class of a level, read in the words of its clause; a later item of a list under
    a span of years ("分别为 2.13 亿元、1.05 亿元") is of the measure its first item's words name."""
    j = k
    while j > 0 and fs[j].by_position and ITEM_SEP.match(fs[j].lead) and fs[j - 1].tok.sent == fs[j].tok.sent:
        j -= 1
    return measure_class(_CLAUSE.split(fs[j].lead)[-1])


def _entity(metric: str) -> str:
    return _GENERIC.sub("", metric)


def _level(x: Framed) -> bool:
    return x.tok.fig.kind in _LEVELS and not x.tok.bound and not x.tok.fig.is_range


def find_prior_levels(article: Article, whole: WholeFrames) -> list[Check]:
    if not mentions(article, _GATE):
        return []
    fs = whole.fs
    # the company's levels of each measure and year, by the year written with them
    by_year: dict[tuple[str, int], list[Framed]] = {}
    for k, x in enumerate(fs):
        key = period_key(x.period) if x.period else None
        if key is None or key[1] != "Y" or not _level(x):
            continue
        measure = _measure(fs, k)
        if measure:
            by_year.setdefault((measure, key[0]), []).append(x)
    if not by_year:
        return []
    out: list[Check] = []
    for k, g in enumerate(fs):
        if g.tok.fig.kind != FigureKind.PERCENT or g.tok.bound or g.tok.fig.is_range:
            continue
        found = _attached(fs, k, g, by_year) if _ATTACHED.match(g.lead) else _named(whole, g, by_year)
        if found is None:
            continue
        level, base = found
        lo = base.tok.interval()
        if lo.lo <= 0:
            continue
        rate = g.tok.interval(result=True)
        if (g.tok.fig.value or 0) > 0 and not g.tok.text.lstrip().startswith("+") and _DOWN_ONLY.search(g.lead[-8:]):
            rate = -rate
        chk = judge(whole.art, "growth", g.tok, [level.tok, base.tok],
                    [(f"{level.tok.text} / {base.tok.text} - 1 = {g.tok.text}",
                      ((level.tok.interval() - lo) / lo).scale(100))], magnitude=False, stated_iv=rate)
        if chk.verdict == "consistent":
            # (a misfit leaves the growth's own unverifiable check: the pair may be another
            # segment's or period's, and naming it would mislead)
            out.append(hedge(whole.art, chk, "the earlier level is the same measure's, found by its year elsewhere"))
    return out


def _attached(fs: list[Framed], k: int, g: Framed, by_year: dict[tuple[str, int], list[Framed]]) -> tuple[Framed, Framed] | None:
    """The level a growth follows in its sentence, and the one level of its measure a year before."""
    if k == 0:
        return None
    level = fs[k - 1]
    if level.tok.sent != g.tok.sent or not _level(level):
        return None
    key = period_key(level.period) if level.period else None
    measure = _measure(fs, k - 1)
    if key is None or key[1] != "Y" or not measure:
        return None
    base = _one(by_year.get((measure, key[0] - 1), []), level)
    return (level, base) if base is not None else None


def _named(whole: WholeFrames, g: Framed, by_year: dict[tuple[str, int], list[Framed]]) -> tuple[Framed, Framed] | None:
    """"2018 年度，公司归母净利润较 2017 年度下降 50.77%": the growth's year is the one its sentence
    writes before 较, the base year the one after; both levels are written elsewhere."""
    m = _NAMED_BASE.search(g.lead)
    if m is None:
        return None
    raw = whole.art.raw[g.tok.sent]
    before = raw[:g.tok.fig.start - len(g.lead) + m.start()]
    if _OTHER_PERIOD.search(before) or any(x.tok.sent == g.tok.sent and _level(x) and x.index < g.index for x in whole.fs):
        return None
    years = [int(y) for y in _YEAR.findall(before)]
    words = _CLAUSE.split(g.lead[:m.start()])[-1]
    measure = measure_class(words)
    base_year = int(m.group(1))
    if len(set(years)) != 1 or not measure or years[0] <= base_year:
        return None
    probe = Framed(g.tok, g.index, words, "", "", "")
    level = _one(by_year.get((measure, years[0]), []), probe)
    base = _one(by_year.get((measure, base_year), []), probe)
    if level is None or base is None or not same_amounts(level.tok, base.tok):
        return None
    return level, base


def _one(found: list[Framed], like: Framed) -> Framed | None:
    """The one level (however often restated) of `like`'s entity among `found`; None when none or
    levels of different values."""
    entity = _entity(like.metric)
    mine = [x for x in found if x.tok.sent != like.tok.sent and _entity(x.metric) == entity
            and (not _level(like) or same_amounts(x.tok, like.tok))]
    values = {_rounded(x.tok.interval()) for x in mine}
    return mine[0] if len(values) == 1 else None


def _rounded(iv: Interval) -> float:
    return round(iv.mid, 2)
