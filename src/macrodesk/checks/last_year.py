"""A 同比 growth or change whose base is written in its sentence as the level of the year before:
"2024 年出口 3.2 万亿美元，2023 年为 3.02 万亿美元，同比增长 5.9%", "营收 100 亿元，同比增长 25%，
上年同期为 80 亿元", "2023 年…出口 491 万辆，同比增 57.83%；2024 年 585.9 万辆，同比增 19.33%",
"2023 年 91.56%，2024 年 98.53%（同比升 6.97 个百分点）"."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs, stated_rates
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.text.clauses import clause_start

_UP_DOWN = (r"(?:增长|增加|上升|提高|提升|上涨|增|升|下降|下滑|减少|回落|降低|下跌|降|变动)")
# the growth or change: "同比增长 5.9%", "同比 + 25%", "（同比升 6.97 个百分点）"
_YOY = re.compile(rf"(?:同比|较上年|比上年|较去年|比去年)\s*{_UP_DOWN}?\s*(?:了|约|达)?\s*$")
# "增长 3.6%" or a bare signed "（+30.1%）" after a pair of levels dated a year apart
# ("北美…订单增长 300%" names its own subject: no growth of the level before it)
_PLAIN = re.compile(rf"^[，,\s]*(?:同样|分别)?\s*(?:{_UP_DOWN})\s*(?:了|约|达)?\s*$|^\s*[（(]\s*$"
                    # (or named by its rate: "，增长幅度为 5.7%", "，增幅达 12%")
                    rf"|^[，,\s]*(?:(?:{_UP_DOWN})\s*(?:幅度|率)|增幅|降幅|涨幅|跌幅|增速)\s*(?:为|是|达|约)*\s*$")
# a change against a named year: "，较 2023 年回落 7.23 个百分点"
_NAMED_YEAR = re.compile(rf"^[，,\s]*(?:较|比|相比)\s*((?:19|20)\d{{2}})\s*年(?:同期|全年)?\s*(?:{_UP_DOWN})\s*(?:了|约)?\s*$")
# a growth since the start of the year: its base is last year's closing level ("2020 年…回升至
# 年底的 5.35 万元 / 吨；2021 年…年底达 28.20 万元 / 吨，较年初上涨 427.10%")
_SINCE_START = re.compile(rf"^[，,\s]*(?:较|比|相比)\s*(?:今年)?年初\s*(?:{_UP_DOWN})\s*(?:了|约)?\s*$")
_YEAR_END = re.compile(r"年底|年末|12\s*月(?:末|底)")
# a base named relative to the level: "上年同期为 80 亿元", "去年为"
_LAST_YEAR = re.compile(r"上年|去年|上一年|前一年")
# a level after the growth is its base only when named so: "上年同期为", "2024 年为", "去年"
_BASE_NAMED = re.compile(r"上年|去年|上一年|前一年|同期|年\s*(?:为|是)")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*全?年")
# between a level and its base: "（去年同期为", "，同口径的去年同期该板块营业收入为"
_BASE_BETWEEN = re.compile(r"^[\s，,（(]*(?:同口径的?)?\s*(?:上年|去年|上一年)\s*同期\s*(?:[^，,。；;（()）\d]{0,12}?(?:为|是|达))?\s*$")
# the last period written in a clause starts at its year ("2023 年以来…（2024 年 134 亿元")
_ANY_YEAR = re.compile(r"(?:19|20)?\d{2}\s*(?:全?年|H[12]|Q[1-4])")
# a year not yet over, or a span: no base of last year's level
_PARTIAL = re.compile(r"截至|截止|以来|目前|迄今|至今|年初|累计")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
_TO_LEVEL_AFTER = re.compile(r"\s*(?:至|到)\s*[+\-−]?\d")
# a fall written as a verb before an unsigned figure: "同比降 22.02%", "同比下滑 1.36%"
_FALL = re.compile(r"(?:下降|下滑|减少|回落|降低|下跌|降|跌|减)\s*(?:了|约|达)?\s*$"
                   r"|(?:(?:下降|下滑|减少|回落|降低|下跌)\s*(?:幅度|率)|降幅|跌幅)\s*(?:为|是|达|约)*\s*$")
# a bound is no level: "预计突破 55GW", "超 100 亿元", "80% 以上"
_BOUND = re.compile(r"(?:突破|超过|超|逾|近|接近|不足|不到|至少|高于|低于)\s*$")
_BOUND_AFTER = re.compile(r"\s*(?:以上|以下|左右|多|\+|＋)")
# a level written after 较/相比 is what the change is measured from, not where it leads
_COMPARED = re.compile(r"(?:较|相比|相较于?|对比|比上年|比去年)\s*(?:于)?\s*(?:(?:19|20)?\d{2}\s*年?)?[^，,；;。]{0,6}?(?:的)?\s*$")
# a level written as a loss ("亏损 9443.52 万元", "上年同期亏损")
_LOSS = re.compile(r"(?:亏损|净亏损?|亏)\s*(?:了|约|为|达|额)?\s*$")
# a percentage written as a growth is no level of a rate
_GROWTH_LEAD = re.compile(rf"(?:同比|环比|{_UP_DOWN})\s*(?:了|约|达|为)?\s*$")


def _own(s: ParaText, f: Figure) -> str:
    return s.own_clause(f)


def _period(s: ParaText, f: Figure, *, written: bool = False) -> tuple[int, str] | None:
    """The year and part of a level: written in its clause, else (unless `written`) the year
    last written before it in the sentence with the part of its own clause ("2025 年 1-4 月出口
    1.2 万亿元")."""
    own = _own(s, f)
    found = list(_ANY_YEAR.finditer(own))
    if found:
        own = own[found[-1].start():]
        return None if _PARTIAL.search(own) else period_key(own)
    if _PARTIAL.search(own):
        return None
    if written:
        # a label of its own item or clause group: "2023 年：销量 944.81 万辆" (one year only)
        start = max(clause_start(s.text, f.start, "；;。"),
                    max(off for off, _ in s.sentences if off <= f.start))
        head = s.text[start:f.start]
        years = list(_ANY_YEAR.finditer(head))
        if len(years) != 1 or _PARTIAL.search(head):
            return None
        return period_key(head[years[0].start():])
    years = list(_YEAR.finditer(s.text, 0, f.start))
    if not years:
        return None
    # the part written with the year holds for the clauses after it ("2020年一季度公司实现营业收入…，
    # 毛利率为81.35%" is 2020Q1's, cfr134), unless the level's own clause names one
    key = period_key(f"{years[-1].group(0)}{own}")
    with_year = period_key(s.text[years[-1].start():years[-1].end() + 6])
    return with_year if key is not None and key[1] == "Y" and with_year is not None and with_year[0] == key[0] else key


def _base(s: ParaText, f: Figure, later: tuple[int, str] | None, *, written: bool = False) -> bool:
    """Whether `f` is written as the year-before level of a level dated `later`: "上年同期为",
    "2024 年同期为" (the same part of the year before), "2023 年为"."""
    own = _own(s, f)
    if _LAST_YEAR.search(own) and not written:
        return True
    if later is None:
        return False
    if "同期" in own:
        key = period_key(own)
        return key is not None and key[0] == later[0] - 1
    return _period(s, f, written=written) == (later[0] - 1, later[1])


def like_level(s: ParaText, f: Figure, like: Figure, *, approx: bool = False) -> bool:
    """A level of the same measure as `like`: an amount of its unit, or a rate that is not
    itself a growth (written 约 only when `approx`)."""
    if f.kind != like.kind or f.is_range or f.value is None or f.approx and not approx:
        return False
    if _BOUND.search(_own(s, f)) or _BOUND_AFTER.match(s.text[f.end:]):
        return False
    if f.kind == FigureKind.PERCENT:
        return not _GROWTH_LEAD.search(_own(s, f)) and not f.text.lstrip().startswith(("+", "＋"))
    return f.kind in _AMOUNTS and canonical_unit(f.kind, f.unit) == canonical_unit(like.kind, like.unit)


# what a clause's words say beyond its date: "2023 年我国汽车出口" -> 我国汽车出口
# ("2020年增长到1753.06亿元": the verb a level is reached by names no measure)
_NOT_METRIC = re.compile(r"(?:增长|增加|上升|提升|提高|下降|减少|回落|下滑|降低|[增升降涨跌])(?:到|至)|[\d\s.,，；;：:（）()%+\-~—–]|上一?年|去年|前一年|年|月|季度|[上下]半年|H[12]|Q[1-4]|预计|预测|为|达到?|约|实现|"
                         r"共|合计|累计|全年|同期|同比|其中|分别|的|至|从|由")


_PLAN_ONLY = re.compile(r"(?:公司|本公司|集团)?(?:计划|目标)")
_MEASURE_LIST = re.compile(r"[\u4e00-\u9fa5]{2,}\s*/\s*[\u4e00-\u9fa5]{2,}")


def same_measure(s: ParaText, a: Figure, b: Figure) -> bool:
    """Two levels measure the same thing when one names no measure or one name holds the other
    ("2023 年我国进口锂矿" / "2024 年进口"); not "动力电池产量" / "动力和储能电池合计产量"."""
    ma, mb = _NOT_METRIC.sub("", _own(s, a)), _NOT_METRIC.sub("", _own(s, b))
    # a subject's plan names no measure ("公司计划2021年实现2800亿元销售目标" beside "2020年公司销售金额")
    ma, mb = ("" if _PLAN_ONLY.fullmatch(m) else m for m in (ma, mb))
    if _MEASURE_LIST.search(ma) or _MEASURE_LIST.search(mb):
        # "营业收入/归母净利润/扣非归母净利润分别为 19.72 亿元…/2.59 亿元": which measure each value is
        # stands in the list's order, which the words before a value do not say
        return False
    return not ma or not mb or ma in mb or mb in ma or _abridged(ma, mb) or _abridged(mb, ma)


def narrower(s: ParaText, later: Figure, base: Figure) -> bool:
    """The later level names a part of the base's measure: "22年一季度中高档白酒实现营收12.4亿元" over
    "21年一季度实现营收15.8亿元" (cfb407, the twenty-eighth set's first run) is a segment against the
    company, not a year against the year before."""
    # a plan or a subject's name narrows nothing ("2020年公司计划实现原煤产量" over "2019年公司原煤产量")
    ml, mb = (_NOT_PART.sub("", _NOT_METRIC.sub("", _own(s, f))) for f in (later, base))
    return bool(mb) and len(ml) - len(mb) >= 2 and (mb in ml or _abridged(mb, ml))


_NOT_PART = re.compile(r"计划|预计|目标|预期|公司|我国|全国|全球|单季度?|[一二三四]")


def _abridged(short: str, long_: str) -> bool:
    """A name shortened by leaving words out, first and last kept: "全球销售" for "全球新能源乘用车
    销售" (the second mention drops what the paragraph already said)."""
    if len(short) < 3 or len(short) >= len(long_) or short[:1] != long_[:1] or short[-1:] != long_[-1:]:
        return False
    rest = iter(long_)
    return all(ch in rest for ch in short)


def find_last_year_growths(article: Article) -> list[Check]:
    """A 同比 growth (or a change in points of a rate) and the level it follows, against the
    level of the year before written in the same sentence: right after the growth (上年同期为),
    right before the level, or as the last level of that measure before it, dated (then both
    levels carry their own year). Certain: both levels and their years are in one sentence."""
    out: list[Check] = []
    for s in paragraphs(article, series=True):
        if "年" not in s.text:
            continue
        for figs, k, lead in stated_rates(s):
            g = figs[k]
            if _SINCE_START.search(lead):
                chk = _since_start(s, figs, k, lead)
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
                continue
            yoy = bool(_YOY.search(lead))
            named = _NAMED_YEAR.search(lead)
            if named and not yoy:
                # "较 2023 年回落 7.23 个百分点": against the year named, when it is the year before
                when = _period(s, figs[k - 1])
                yoy = when is not None and int(named.group(1)) == when[0] - 1
                if not yoy and when is not None and int(named.group(1)) < when[0] - 1:
                    chk = _since_year(s, figs, k - 1, k, lead, int(named.group(1)))
                    if chk is not None:
                        chk.article = article.label
                        out.append(chk)
                    continue
            if (spanned := _spanned(s, figs, k, lead)) is not None:
                chk = _since_year(s, figs, spanned[0], k, lead, spanned[1])
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
                continue
            if not (yoy or _PLAIN.search(lead)) or _BOUND_AFTER.match(s.text[g.end:]):
                continue
            if _TO_LEVEL_AFTER.match(s.text, g.end):
                continue  # "2021H1产能利用率同比提升33pct至74.15%" (cfb385): the change is of the level after it
            if lead.rstrip().endswith(("（", "(")) and not g.text.lstrip().startswith(("+", "-", "＋", "－", "−")):
                continue  # "Samsung（35.7%）" is a share; "（+30.1%）" a growth
            later = figs[k - 1]
            if later.kind != FigureKind.PERCENT and _GROWTH_LEAD.search(_own(s, later)):
                continue  # "较 2023 年增加 695 万吨，增幅 27%": the rate of a change, not of a level
            if re.search(r"[。！？!?]", s.text[later.end:g.start]):
                continue  # "…为3.3亿元（20年同期为3.7亿元）。其中国内RPK同比增长5%": another sentence's level
            rate = g.kind == FigureKind.POINTS
            if k >= 2 and _BASE_BETWEEN.match(s.text[figs[k - 2].end:later.start]):
                # "研发费用为5.51亿元（去年同期为2.75亿元），同比+109%": the level before the base named
                # as last year's
                later = figs[k - 2]
            elif k >= 2 and like_level(s, figs[k - 2], later) and like_level(s, later, later):
                # "2024 年出口 3.2 万亿美元，2023 年为 3.02 万亿美元，同比增长 5.9%"
                pa, pb = _period(s, figs[k - 2]), _period(s, later)
                if pa and pb and pb == (pa[0] - 1, pa[1]):
                    later = figs[k - 2]
            if rate != (later.kind == FigureKind.PERCENT) or not like_level(s, later, later):
                continue
            if _COMPARED.search(_own(s, later)):
                continue  # "销售净利率 9.08%，相比 2017 的 9.80%下降了0.72pct": 9.80% is the base
            base = figs[k - 1] if later is not figs[k - 1] else _find_base(s, figs, k, later, dated_only=not yoy)
            if base is None or not same_measure(s, later, base) or narrower(s, later, base):
                continue
            chk = judge_base(s, later, base, g, lead, rate)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _since_start(s: ParaText, figs: list[Figure], k: int, lead: str) -> Check | None:
    """A growth 较年初: against the last level of the measure before it that closes the year
    before (its clause names that year and 年底/年末), or opens the level's own year (年初)."""
    later = figs[k - 1]
    if figs[k].kind != FigureKind.PERCENT or not like_level(s, later, later) or later.kind == FigureKind.PERCENT:
        return None
    when = _period(s, later)
    if when is None:
        return None
    for j in range(k - 2, -1, -1):
        f = figs[j]
        if not like_level(s, f, later):
            continue
        start = clause_start(s.text, f.start, "，,；;。")
        clause = s.text[start:f.start]
        key = _period(s, f, written=True)
        closes = key is not None and key[0] == when[0] - 1 and bool(_YEAR_END.search(clause))
        opens = key is not None and key[0] == when[0] and "年初" in clause
        if (closes or opens) and same_measure(s, later, f):
            return judge_base(s, later, f, figs[k], lead, False)
        return None
    return None


# a growth over a span of years counted in words or digits: "，三年增值 224%", "，近 3 年累计增长 348%"
# ("两年增速 113%": the span's growth named by its rate)
_SPAN_WORDS = rf"(?:间|来|内)?\s*(?:累计|合计|共)?\s*(?:增值|增速|增幅|涨幅|{_UP_DOWN})\s*(?:了|约|达|为)?\s*$"
_SPAN_CN = re.compile(rf"^[，,\s]*(?:近|过去)?\s*([两二三四五六七八九十])\s*年{_SPAN_WORDS}")
_SPAN_AFTER_DURATION = re.compile(rf"^\s*{_SPAN_WORDS}")
_SPAN_BEFORE_DURATION = re.compile(r"^[，,\s]*(?:近|过去)?\s*$")
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _spanned(s: ParaText, figs: list[Figure], k: int, lead: str) -> tuple[int, int] | None:
    """A growth over the years counted before it ("三年增值 224%", "近 3 年累计增长 348%"): the
    index of the level it follows and the year the span starts from."""
    m = _SPAN_CN.search(lead)
    at, years = k - 1, 0
    count = figs[k - 1].value
    if m is not None:
        years = _CN_COUNT[m.group(1)]
    elif k >= 2 and figs[k - 1].kind == FigureKind.DURATION and figs[k - 1].unit == "年" \
            and count is not None and count == int(count) \
            and _SPAN_AFTER_DURATION.match(lead) and _SPAN_BEFORE_DURATION.match(s.text[figs[k - 2].end:figs[k - 1].start]):
        at, years = k - 2, int(count)
    if not years:
        return None
    when = _period(s, figs[at])
    return (at, when[0] - years) if when is not None else None


def _since_year(s: ParaText, figs: list[Figure], at: int, k: int, lead: str, year: int) -> Check | None:
    """A growth against a level dated a named earlier year ("2021 年…35 亿元，较 2018 年增长 224%",
    "…，三年增长 224%"): the last level before it of the same measure and part of that year, in its
    paragraph."""
    later, g = figs[at], figs[k]
    when = _period(s, later)
    if when is None or later.kind not in _AMOUNTS or g.kind != FigureKind.PERCENT \
            or not like_level(s, later, later) or _BOUND_AFTER.match(s.text[g.end:]) \
            or _COMPARED.search(_own(s, later)) or re.search(r"[。！？!?]", s.text[later.end:g.start]):
        return None
    for j in range(at - 1, -1, -1):
        f = figs[j]
        if like_level(s, f, later, approx=True) and _period(s, f) == (year, when[1]):
            if not same_measure(s, later, f) or narrower(s, later, f):
                return None
            chk = judge_base(s, later, f, g, lead, False, base_is=f"the {year} level")
            # ("2023 年…约 1500 亿美元，2025 年预计达 3200 亿美元，两年增速 113%", 702: an approximate
            # level is a base that confirms only)
            return confirm_only(chk, "the base is written 约") if chk is not None and f.approx else chk
    return None


def _find_base(s: ParaText, figs: list[Figure], k: int, later: Figure, *, dated_only: bool) -> Figure | None:
    when = _period(s, later)
    # "L1，同比增长 g，上年同期为 base": the level right after the growth, in its sentence,
    # named as last year's ("2024 年同期为" "上年为")
    if k + 1 < len(figs) and not dated_only and like_level(s, figs[k + 1], later):
        between = s.text[figs[k].end:figs[k + 1].start]
        if between.count("，") <= 1 and not re.search("[；;。]", between) \
                and _BASE_NAMED.search(_own(s, figs[k + 1])) and _base(s, figs[k + 1], when):
            return figs[k + 1]
    # the last level of the measure before L1: right before it, or further back when both
    # carry their own year ("2023 年…491 万辆，同比增 57.83%；2024 年 585.9 万辆，同比增 19.33%")
    for j in range(k - 2, -1, -1):
        f = figs[j]
        if not like_level(s, f, later):
            continue
        if j < k - 2 and not same_measure(s, later, f):
            continue  # "2022 年全球…销售 1007.53 万辆，…纯电动车销量 723.31 万辆…2023 年全球销售": another measure between
        if s.sentence_at(f.start) is not s.sentence_at(later.start) and not _NOT_METRIC.sub("", _own(s, f)):
            return None  # "…商誉减值…(2019年0.29亿元)。…2020年新签342亿元增9%" (cfb232): it names no measure
        if s.sentence_at(f.start) is not s.sentence_at(later.start) and "同期" in _own(s, f):
            # "（2018年同期为0.73亿元）" is the same part of the year before as its own sentence's
            # level (1-9 月), not as a level of another sentence (奥飞娱乐's 上半年, the twenty-second)
            return None
        if j == k - 2 and not dated_only and _base(s, f, when) and not _base(s, later, None):
            return f
        own_when = _period(s, later, written=True)
        return f if own_when is not None and _base(s, f, own_when, written=True) else None
    return None


def judge_base(s: ParaText, later: Figure, base: Figure, g: Figure, lead: str, rate: bool,
               base_is: str = "the year before's level") -> Check | None:
    """The stated growth (or change in points, `rate`) of `later` over `base`, signed by a fall
    verb in `lead`; `base_is` says which earlier level the base is."""
    now = figure_interval(later).scale(later.scale)
    was = figure_interval(base).scale(base.scale)
    stated = figure_interval(g, result=True).scale(g.scale)
    if _FALL.search(lead) and (g.value or 0) > 0:
        stated = -stated
    if rate:
        computed = now - was
        relation = f"{later.text} - {base.text} = {g.text} (the base is {base_is})"
    elif _LOSS.search(s.own_clause(later)) and _LOSS.search(s.own_clause(base)) and was.lo > 0 and now.lo > 0:
        # "亏损 9443.52 万元，同比下滑 44.87%，上年同期亏损 6518.43 万元": a loss's growth, written falling
        # (the result worsened) or rising (the loss grew): its size either way
        computed, stated = (now / was - Interval(1, 1)).scale(100).abs(), stated.abs()
        relation = f"|{later.text}/{base.text} - 1| = {g.text} (losses; the base is {base_is})"
    else:
        if was.lo <= 0 or now.lo <= 0:
            return None  # growth from or to a loss has no one convention
        factor, claimed = now / was, stated.scale(0.01) + Interval(1, 1)
        if later.unit != base.unit and claimed.hi > 0 and (factor.lo > 10 * claimed.hi or factor.hi * 10 < claimed.lo):
            # ten times off the stated factor in units of other magnitudes is no error but two
            # measures: "营业收入…49.9亿元，同比增13.6%" against "吨煤净利…115元" (cfr024, the
            # twenty-fourth's first run); in one unit it may be a slipped decimal point, an error
            return None
        computed = (factor - Interval(1, 1)).scale(100)
        relation = f"({later.text}/{base.text} - 1) = {g.text} (the base is {base_is})"
    where = s.sentence_at(g.start)
    return interval_check(
        computed, stated, kind="change" if rate else "growth", stated=g.text, inputs=[base.text, later.text],
        relation=relation, sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[s.sentence_at(base.start).text, s.sentence_at(later.start).text],
    )
