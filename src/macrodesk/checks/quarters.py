"""A quarter's 环比 growth that needs an unstated quarter: "2025H1 营收 1677.11 亿元 …；25Q2 营收
887.83 亿元（+17.38%、环比 + 12.49%）" is checked against Q1 = H1 − Q2 (a derived relation)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from macrodesk.checks.framed import PER_UNIT, TO_ONLY
from macrodesk.checks.frames import frame_of, lead_words
from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.checks.tokens import is_bound
from macrodesk.figures import list_units
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before, clause_start

# "2025H1", "25Q2", "2025 年上半年", "二季度": (year or "", half/quarter)
_PERIOD = re.compile(
    r"(?:(?P<y>(?:20)?\d{2})\s*年?\s*)?(?P<p>(?<!(?<![\d.])[1-4])(?:H[12]|Q[1-4])|上半年|下半年|前三季度|第?[一二三四]季度|(?<!\d)[1-4]\s*季度"
    # ("公司发布2020年中报：实现营收48.10亿元", cfg280: the half-year report's figures are its half's)
    r"|中报|半年报|半年度报告|中期报告)"
    # "1H22", "2Q22", "1H2020": the half or quarter before its year
    r"|(?<![\d.])(?P<n>[1-4])(?P<x>[QH])(?P<y2>(?:20)?\d{2})(?!\d)")
_P = {"上半年": "H1", "中报": "H1", "半年报": "H1", "半年度报告": "H1", "中期报告": "H1", "下半年": "H2", "前三季度": "9M", "一季度": "Q1", "第一季度": "Q1", "二季度": "Q2",
      "第二季度": "Q2", "三季度": "Q3", "第三季度": "Q3", "四季度": "Q4", "第四季度": "Q4"}
# what a level measures; the longest name wins, and two levels pair only on the same one
_METRICS = ("扣非归母净利润", "扣非净利润", "扣非后", "归母净利润", "归母净利", "营业总收入", "营业收入", "净利润", "营收", "收入",
            "毛利润", "毛利", "销量", "产量", "出货量", "经营性现金流", "市场规模", "订单", "投资净收益",
            "新增装机", "新增", "经营性净现金流", "资本开支", "资本性支出", "销售额", "成交额", "发电量", "用电量",
            "装机量", "出口额", "进口额", "出口量", "进口量", "投资收益", "交易性金融资产收益", "净利", "外销", "出货")
_LONGEST_FIRST = sorted(_METRICS, key=len, reverse=True)
# words around an entity's name that do not change what it is ("其中，移动游戏", "A 股游戏板块 23 家上市公司")
_ENTITY_NOISE = re.compile(r"其中|(?:报告)?期内|细分市场中|整体|共|A\s*股|上市公司|\d+\s*家|国内|全国|产业|行业|单季度?|^[仍也还均]+|[仍也还均]+$")
# 营收 is short for 营业收入: one metric; 营业总收入 may add a financial arm's interest income, so a
# half of it only confirms a quarter's 营业收入
_SAME_METRIC = {"营收": "营业收入", "归母净利": "归母净利润", "净利": "净利润", "出货": "出货量", "扣非归母净利": "扣非归母净利润", "经营性净现金流": "经营性现金流",
                # "归母净利5.8亿元，扣非后5.5亿元": the 扣非 profit after the 归母 one
                "扣非后": "扣非归母净利润"}
_NEAR_METRIC = {"营业总收入": "营业收入", "归母净利润": "净利润"}
_QOQ = re.compile(r"环比|QoQ", re.I)
# 环比 with the quarter it is against before its verb: "环比 Q1 下降 18.18%"
_QOQ_OVER_BASE = re.compile(r"环比\s*(?:Q[1-4]|[一二三四]季度|上季度?)\s*(?:增长|增加|提升|上升|下降|减少|下滑|回落)\s*$")
# a 环比 change written as an amount of the level's own unit, right after it
_QOQ_AMOUNT = re.compile(r"^[\s，,（(]*环比\s*(?:[一二三四1-4]\s*季度|Q[1-4]|上季度?)?\s*(?:增加|增长|增|减少|下降|下滑|降|减)\s*$")
# the rate of that change right after it: "环比一季度增长2亿元，增幅31%" is a 环比 growth
_RATE_OF_AMOUNT = re.compile(r"^[\s，,（(]*(?:增幅|涨幅|降幅|跌幅|幅度)\s*(?:为|达|约)?\s*$")
# the words before a period that opens a level's clause name its entity ("A 股游戏板块 23 家上市公司
# 2025H1 共实现营业收入 478.98 亿元"): kept only when they end on a noun of what is reported
_ENTITY_BEFORE_PERIOD = re.compile(r"[\u4e00-\u9fa5A-Za-z\d]{1,16}(?:板块|行业|市场|公司|集团|产业|企业)$")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
# a numbered item's lead naming a segment, the colon closing it: "①先进基础材料板块："
_ITEM_ENTITY = re.compile(r"(?:^|[。；;\s]|[①-⑳]|\d[、.)）])\s*([\u4e00-\u9fa5A-Za-z]{1,14}?(?:板块|业务|分部|事业部))\s*[：:]\s*$")
# a half's second quarter and the quarter before it: H1 − Q2 = Q1, H2 − Q4 = Q3
_HALF_OF = {"Q2": "H1", "Q4": "H2"}


@dataclass(frozen=True)
class Level:
    entity: str  # the words before the metric ("申万工业金属板块"), carried over its paragraph
    metric: str
    year: str
    part: str  # H1, Q2…
    fig: Figure
    sentence: Sentence
    head: str  # the nearest heading above it
    own: bool = True  # its period is written with it, not carried over from the paragraph
    # its period inferred from the one its paragraph was in before ("2025H1 营收 77.80 亿元；Q2 营收
    # 42.11 亿元；归母净利润 2.26 亿元，…Q2 归母净利润 2.45 亿元": 2.26 is the H1 one)
    inferred: bool = False
    written: bool = True  # its entity is written with it, not carried over from the paragraph
    # "扣除…85 亿元负商誉后，归母净利润 1039 亿元": not the reported level (no quarter's half; still
    # another profit of the period where a margin asks which one is meant)
    adjusted: bool = False
    # its period is the one a (sub)section heading above it names ("（一）2025 年上半年表现"), not
    # the title's: under sibling headings of one section, H1 and Q2 figures of a segment pair
    section: int | None = None  # then the paragraph of the heading enclosing that subsection


def _depth(article: Article, paragraph: int) -> int:
    """The depth of a heading paragraph (1 = top); 0 when unknown."""
    paras = article.paragraphs
    return paras[paragraph].level if 0 <= paragraph < len(paras) and paras[paragraph].index == paragraph else 0


# a span of quarters or months from the year's start: "2020年Q1-Q3", "1-9月" are 9M, "Q1-Q2", "1-6月" H1
_SPAN = re.compile(r"(?:(?P<y>(?:20)?\d{2})\s*年?\s*)?(?:Q1\s*[-~～—–至]\s*Q(?P<q>[23])|(?<!\d)1\s*[-~～—–至]\s*(?P<m>[69])\s*月)")


def period_of(text: str) -> tuple[str, str] | None:
    if "Q1" in text or "月" in text:
        span = _SPAN.search(text)
        if span is not None:
            year = span.group("y") or ""
            year = ("20" + year) if len(year) == 2 else year
            return year, "9M" if (span.group("q") or "") == "3" or span.group("m") == "9" else "H1"
    found = list(_PERIOD.finditer(text))
    if not found:
        return None
    m = found[-1]
    if m.group("x"):
        y2 = m.group("y2")
        return (y2 if len(y2) == 4 else "20" + y2), m.group("x") + m.group("n")
    year = m.group("y") or ""
    year = ("20" + year) if len(year) == 2 else year
    part = m.group("p")
    if part[0].isdigit():
        return year, "Q" + part[0]  # "2025 年 2 季度"
    return year, _P.get(part, part)


# an entity that ends on a per-unit word ("吨净利"): framed's words, at the end
_PER_UNIT = re.compile(f"(?:{PER_UNIT.pattern})$")
_TO_LEVEL_NEXT = re.compile(r"\s*(?:至|到)\s*[\d+\-]")
_YOY_WORD = re.compile(r"同比|环比|QoQ|YoY|qoq|yoy")
_TRAILING_VERB = re.compile(r"(?:实现|达到|达|为|约)+\s*$")


def _metric(words: str) -> tuple[str, str] | None:
    """(entity, metric) of the words before a level; 扣非 makes another metric. A bracket between
    the metric and its level qualifies it ("投资净收益（含公允价值）1178 亿元")."""
    # (a verb may follow the metric: "21Q2公司营收实现7.7亿元", cfr301)
    words = _TRAILING_VERB.sub("", _BRACKETED.sub("", words).rstrip())
    for name in _LONGEST_FIRST:
        i = words.rfind(name)
        if i >= 0 and i + len(name) >= len(words) - 1:
            entity = _ENTITY_NOISE.sub("", re.sub(r"[\s*：:，,]|实现|创造|录得|取得|合计|累计", "", words[:i]))
            if _PER_UNIT.search(entity):
                return None  # "吨净利约650元/吨": a measure per unit adds up to no half or year
            if name == "收入":
                entity = re.sub(r"销售$", "", entity)  # 销售收入 is the 收入
            if "扣非" in entity:
                return re.sub(r"扣非后?|同期", "", entity), "扣非" + name.replace("扣非", "")
            return entity, _SAME_METRIC.get(name, name)
    return None


def _metric_named(words: str) -> str:
    """The longest metric name the words write, "" when none."""
    return next((name for name in _LONGEST_FIRST if name in words), "")


# the levels of the article read last: the quarter and the margin finders both read them
_last: tuple[Article, list[tuple[Level, list[tuple[Figure, str]]]]] | None = None


def read_levels(article: Article, *, undated: bool = False) -> list[tuple[Level, list[tuple[Figure, str]]]]:
    """`_read_levels`, read once per article; the levels whose year no date gives only when
    `undated` (a caller pairs them within their sentence, where one year is meant)."""
    global _last
    last = _last
    if last is not None and last[0] is article:
        levels = last[1]
    else:
        levels = _read_levels(article)
        _last = (article, levels)
    return levels if undated else [x for x in levels if x[0].year]


def _read_levels(article: Article) -> list[tuple[Level, list[tuple[Figure, str]]]]:
    """Every amount whose metric and period are named, with the percent figures that follow it
    in its clause group (each with the words just before it: "环比 + 12.49%"). A level with no
    entity of its own takes the one named last in its paragraph ("游戏板块营业收入 …；归母净利润 …")."""
    out: list[tuple[Level, list[tuple[Figure, str]]]] = []
    period: dict[int, tuple[str, str]] = {}  # paragraph -> the period in force
    earlier: dict[int, tuple[str, str]] = {}  # paragraph -> the period in force before that one
    alts: dict[int, tuple[str, str]] = {}  # id of a level that took the period in force -> the one before
    entity: dict[int, str] = {}  # paragraph -> the entity named last
    entity_of: dict[int, tuple[str, str]] = {}  # paragraph -> the sentence and metric of the level that named it
    head = ""
    # the period a heading names ("上市券商 2025 年中报"), else the title ("证券行业 2025 年中报总结"):
    # in force under it until a paragraph dates its own figures
    in_title = _heading_period(article.title)
    report = _report_period(article)
    in_head = in_title
    # the depth of the heading that dated the section in force (0: none did): a deeper heading
    # that names no period ("（二）2025 年 2 季度表现" > "3. 细分板块情况") stands inside its period
    dated_depth = 0
    heads: list[tuple[int, int]] = []  # (depth, paragraph) of the headings enclosing the sentence
    section = -1  # the heading that encloses the dating one (-1: the article)
    for s in article.sentences:
        if s.kind == "heading":
            head = s.text
            depth = _depth(article, s.paragraph)
            while heads and heads[-1][0] >= depth:
                heads.pop()
            named_period = _heading_period(s.text)
            if named_period[0]:
                in_head, dated_depth = named_period, depth
                section = heads[-1][1] if heads else -1
            elif not (dated_depth and depth > dated_depth):
                in_head, dated_depth = in_title, 0
            heads.append((depth, s.paragraph))
            continue
        if s.kind not in ("prose", "list"):
            continue
        if s.paragraph not in entity and (lead := _lead_entity(s)):
            entity[s.paragraph] = lead
        prev = 0
        current: tuple[Level, list[tuple[Figure, str]]] | None = None
        dated = False  # a date was written before the figure in its sentence
        # a growth written before the level it reached, after a period of its own ("但Q2销量环比+6.7%至64.13万吨")
        pending: tuple[Figure, str] | None = None
        new_period = False  # a period was written since the last level
        period_dated = False  # and one naming a period ("2020 年半年度财务报告" names none of its own)
        last_range: tuple[Figure, int] | None = None  # a range of amounts, and where its words start
        first_here = len(out)
        base_from = -1  # where the words before a base date start ("分别环比 Q1 +29.95%")
        listed = _listed_names(s)
        for f in listed.figures if listed else s.figures:
            before = s.text[prev:f.start]
            prev_end, prev = prev, f.end
            if f.kind == FigureKind.DATE:
                dated = True
                p = period_of(f.text)
                period_dated = period_dated or p is not None
                if is_base_date(s.text, f):
                    base_from = prev_end if base_from < 0 else base_from
                    continue
                base_from = -1
                if p and _in_bracket(s.text, f.start):
                    # "（Q1同比下降18.30%）" (cfr165): the period of a growth aside, not of the levels after;
                    # the growth's words keep it
                    base_from = prev_end
                    continue
                if p:
                    new_period = True
                    _set_period(period, earlier, s.paragraph, (p[0] or period.get(s.paragraph, in_head)[0], p[1]))
                    if (named_before := _entity_before(s.text[:f.start])):
                        entity[s.paragraph] = named_before
                        entity_of.pop(s.paragraph, None)
                continue
            reach, base_from = base_from, -1
            if current is not None and _QOQ_AMOUNT.search(s.text[reach:f.start] if reach >= 0 else before) \
                    and f.unit == current[0].fig.unit \
                    and f.scale == current[0].fig.scale and f.value is not None and not f.is_range:
                # "Q2 营收 42.11 亿元，环比增 6.43 亿元": a change, not a level
                current[1].append((f, s.text[reach:f.start] if reach >= 0 else before))
                continue
            if f.is_range and f.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
                last_range = (f, prev_end)
                continue
            if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and f.value is not None and not f.is_range:
                frame = frame_of(s.text, f, prev_end)
                if last_range is not None and _MIDPOINT.match(before) and last_range[0].end == prev_end:
                    # "23H1实现营收约19.87-21.04亿元(中值20.46亿元)": the middle of a forecast's range is
                    # the level its quarter is read against ("取预告中值，23Q2…营收达11.57亿元，环比+30.1%")
                    frame = frame_of(s.text, last_range[0], last_range[1])
                # a figure's period is the date after it when none is before ("归母净利润 53.05 亿元，
                # 较 2024H1 的 - 3.73 亿元"): the period in force in the paragraph is meant
                own = bool(frame.period) and (dated or s.paragraph not in period)
                p = period_of(frame.period) if own else period.get(s.paragraph, in_head if in_head[0] else None)
                if (not own or p is None) and not period_dated and report is not None and _IN_REPORT.search(s.text[:f.start]):
                    # "报告期内，公司实现投资收益10.88亿元" of "公司发布2021年半年报": the report's half
                    own, p = True, report
                if p and not p[0] and report is not None and p[1] in ("H1", "Q1", "Q2"):
                    # "广汽集团发布2022中报：上半年实现营收…。其中，Q2营收…": the report's year
                    p = (report[0], p[1])
                if p and own:
                    p = (p[0] or period.get(s.paragraph, in_head)[0], p[1])
                    _set_period(period, earlier, s.paragraph, p)
                named = _metric(listed.names[f.start]) if listed and f.start in listed.names else _metric(frame.metric)
                if named is None and pending is not None and TO_ONLY.fullmatch(before):
                    named = _metric(_YOY_WORD.sub("", pending[1]))
                if named is None and s.text[prev_end:f.start].rstrip().endswith(("）", ")")):
                    # "投资净收益（含公允价值）1178 亿元": the metric is before the bracket
                    named = _metric(s.text[prev_end:f.start])
                if named and named[0] in ("", "业务") and (latin := _LATIN_ENTITY.search(s.text[prev_end:f.start])):
                    named = (latin.group(1), named[1])  # "SEMI 订单 15.19 亿元": a segment named in Latin letters
                current = None
                if p and named and (p[0] or own):
                    who = named[0] or entity.get(s.paragraph, "")
                    src = entity_of.get(s.paragraph)
                    if not named[0] and own and src is not None and src[0] != s.id and src[1] != named[1] \
                            and not any(x.entity == who for x, _ in out[first_here:]) \
                            and _BARE_CLAUSE.fullmatch(_PERIOD.sub("", s.text[clause_start(s.text, f.start, "，,；;：:。（("):f.start])):
                        # "上半年思摩尔约贡献投资收益9.5亿元。分季度看，2021Q2实现收入36.0亿元" (cfg482): a
                        # sentence dating its own level of another metric is not about the entity
                        # a level of the sentence before named (unless a level before it in its own
                        # sentence took that entity too: the two are read alike)
                        who = ""
                    if named[0]:
                        entity[s.paragraph] = named[0]
                        entity_of[s.paragraph] = (s.id, named[1])
                    # "公司" names the company, as a level naming none does ("公司21H1仍实现营业收入" and
                    # "21Q2公司营收" are one company's, cfr301); written, it ends the entity carried before
                    who = "" if who == "公司" else who
                    # a period only the heading gives is read, not written: the level only confirms
                    by_head = not own and s.paragraph not in period
                    current = (Level(who, named[1], p[0], p[1], f, s, head, own, inferred=by_head,
                                     written=bool(named[0]),
                                     section=section if by_head and dated_depth > 0 else None,
                                     adjusted=bool(_ADJUSTED.search(s.text[:f.start]))), [])
                    out.append(current)
                    if not own and s.paragraph in earlier:
                        alts[id(current[0])] = earlier[s.paragraph]
                    if pending is not None and TO_ONLY.fullmatch(before):
                        current[1].append(pending)
                    new_period = False
                pending = None
                continue
            if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range \
                    and (mm := _MARGIN_BEFORE.search(before)):
                # "毛利率 12.57%，同比下滑 0.29 个百分点，环比增长 0.14 个百分点": a margin level of the
                # period in force, its changes in points after it
                p = period.get(s.paragraph, in_head if in_head[0] else None)
                current = None
                if p and p[0]:
                    by_head = s.paragraph not in period
                    current = (Level(entity.get(s.paragraph, ""), mm.group(1), p[0], p[1], f, s, head, False,
                                     inferred=by_head, written=False,
                                     section=section if by_head and dated_depth > 0 else None), [])
                    out.append(current)
                continue
            if f.kind == FigureKind.POINTS and current is not None and current[0].metric in MARGINS \
                    and _IN_POINTS.search(f.text):
                current[1].append((f, before))
                continue
            if f.kind == FigureKind.PERCENT and current is not None and not f.is_range:
                # the growth's words reach back over a base date: "环比 Q1 +29.95%" is a 环比 growth
                words = s.text[reach:f.start] if reach >= 0 else before
                if new_period and _TO_LEVEL_NEXT.match(s.text, f.end):
                    # "2020H1…销量124.23万吨，同比-5.9%，但Q2销量环比+6.7%至64.13万吨": the growth of the level it
                    # reached, in the period written since the last level
                    pending, current = (f, words), None
                    continue
                if (other := _metric_named(words)) and _SAME_METRIC.get(other, other) != current[0].metric:
                    # "Q2染料销量4.21万吨，…，导致Q2营收同比、环比分别下滑40.98%、35.09%至15.07亿元" (cfg258): the
                    # growths of another metric, named before them, whose level comes after
                    current = None
                    continue
                if current[1] and current[1][-1][0].kind != FigureKind.PERCENT and _RATE_OF_AMOUNT.match(words):
                    words = "环比" + words  # the rate of the 环比 change just before it
                current[1].append((f, words))
        _spread_lists(out[first_here:])
    return _restated_periods(out, alts)


@dataclass
class _Listed:
    figures: list[Figure]  # the sentence's figures, a list's bare numbers in its unit
    names: dict[int, str]  # where a value starts -> the measure named at its place


# measures named as a list before as many values: "2020Q2实现营收、归母净利润、扣非后归母净利润155.64、14.58、
# 14.27亿元"
_NAMES_BEFORE = re.compile(r"([\u4e00-\u9fa5A-Za-z\d]{2,20}(?:\s*[、/／]\s*[\u4e00-\u9fa5]{2,10}){1,5})\s*(?:分别)?\s*"
                           r"(?:为|是|达到?|实现|约)?\s*(?:分别)?\s*$")
_NAME_SEP = re.compile(r"\s*[、/／]\s*")


def _listed_names(s: Sentence) -> _Listed | None:
    """The measures a list of names gives, by place, to the list of values after it; None when the
    sentence writes no such list."""
    if "、" not in s.text and "/" not in s.text and "／" not in s.text:
        return None
    figs = list_units(s.text, s.figures)
    names: dict[int, str] = {}
    i = 0
    while i < len(figs):
        f = figs[i]
        j = i
        if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and f.value is not None and not f.is_range:
            while j + 1 < len(figs) and figs[j + 1].kind == f.kind and figs[j + 1].unit == f.unit \
                    and figs[j + 1].value is not None and _LIST_NEXT.fullmatch(s.text[figs[j].end:figs[j + 1].start]):
                j += 1
        n = j - i + 1
        if n >= 2:
            m = _NAMES_BEFORE.search(s.text[clause_start(s.text, f.start, "，,；;：:。"):f.start])
            written = [_PERIOD.sub("", x) for x in _NAME_SEP.split(m.group(1))] if m else []
            if len(written) == n and all(_metric(x) for x in written):
                names.update({figs[i + k].start: written[k] for k in range(n)})
        i = j + 1
    return _Listed(figs, names) if names else None


def _spread_lists(here: list[tuple[Level, list[tuple[Figure, str]]]]) -> None:
    """"营业收入 249.1 亿元，归母净利润 25.3 亿元、扣非净利润 22.46 亿元，分别环比 +29.95%、
    29.42%、34.35%" (cfb300): a list of growths after as many levels of one sentence, none with a
    growth of its own, is theirs in order, each read with the list's words; so are several such
    lists in turn ("…155.64、14.58、14.27亿元，同比分别-0.2%、-48.4%、-45.6%，环比分别+1.4%、5.9%、+34.4%")."""
    for i, (_, gs) in enumerate(here):
        n = len(gs)
        if n < 2:
            continue
        k = next((k for k in range(2, n + 1) if n % k == 0 and _lists_of(gs, k)), 0)
        if not k:
            continue
        run = here[i + 1 - k:i + 1] if i + 1 >= k else []
        if not run or any(g for _, g in run[:-1]) or len({lv.sentence.id for lv, _ in run}) != 1:
            gs.clear()  # the list is of other subjects than the level before it alone: none is its
            continue
        lists = [gs[j:j + k] for j in range(0, n, k)]
        for place, (_, g) in enumerate(run):
            g[:] = [(items[place][0], items[0][1]) for items in lists]


def _lists_of(gs: list[tuple[Figure, str]], k: int) -> bool:
    """Whether the growths are lists of k, each opening on 分别 (and no list of bases) and going on
    by list separators."""
    return all("分别" in gs[j][1] and not _BASIS_LIST.search(gs[j][1][-12:])
               and all(_LIST_NEXT.fullmatch(w) for _, w in gs[j + 1:j + k]) for j in range(0, len(gs), k))


# a margin on revenue, written right before its level ("；毛利率 12.57%"); its changes in points
MARGINS = ("毛利率", "净利率", "归母净利率")
_MARGIN_BEFORE = re.compile(r"(?:^|[，,；;：:\s])(毛利率|归母净利率|净利率)\s*(?:为|达到?|约)?\s*$")
_IN_POINTS = re.compile(r"百分点|pct|pp", re.I)

# a level adjusted in its clause ("扣除…负商誉后，归母净利润 1039 亿元", "剔除…后", "若剔除…费用影响，") is not
# the reported one
_ADJUSTED = re.compile(r"(?:扣除|剔除|不考虑|不含)[^。；;]*(?:后|影响)[^。；;]*$")
_LATIN_ENTITY = re.compile(r"(?<![A-Za-z\d])([A-Z][A-Za-z\d&-]{1,15})\s*(?:业务)?\s*[\u4e00-\u9fa5]{1,8}\s*$")
_HALF_REPORT = re.compile(r"((?:20)?\d{2})\s*年?\s*(?:中报|半年报|半年度(?:财务)?报告|中期报告)")


_LEAD_MARKS = re.compile(r"[\s*：:]")


def _lead_entity(s: Sentence) -> str:
    """The segment a list item's bold lead-in names ("- **铜**：营业收入 4408.43 亿元"), when it
    is a short name, not a topic ("业绩数据", "细分板块情况")."""
    if s.kind != "list" or not s.bold_lead:
        return ""
    lead = _LEAD_MARKS.sub("", s.bold_lead)
    if not lead or len(lead) > 8 or _TOPIC_LEAD.search(lead):
        return ""
    return _ENTITY_NOISE.sub("", lead)


# a lead-in that names a topic of the item, not what its figures are about
_TOPIC_LEAD = re.compile(r"数据|情况|表现|原因|展望|因素|走势|变动|驱动|支撑|改善|现状|风险|提示|业绩|概况")


def _heading_period(text: str) -> tuple[str, str]:
    """The one dated half or quarter a heading names ("二、上市券商 2025 年中报：…", "2025H1 业绩"),
    else ("", "")."""
    halves = _HALF_REPORT.findall(text)
    found = [period_of(m.group(0)) for m in _PERIOD.finditer(text)
             if (m.group("y") or m.group("y2")) and not _HALF_REPORT.fullmatch(m.group(0))]
    if len(halves) + len(found) != 1:
        return "", ""
    if halves:
        year = halves[0]
        return ("20" + year) if len(year) == 2 else year, "H1"
    return found[0] or ("", "")


def _in_bracket(text: str, at: int) -> bool:
    """Whether offset `at` stands inside a bracket opened before it in its clause and closed after."""
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    if opened < 0 or max(text.rfind("）", 0, at), text.rfind(")", 0, at)) > opened:
        return False
    closes = [i for i in (text.find("）", at), text.find(")", at)) if i >= 0]
    return bool(closes) and not re.search(r"[。；;]", text[opened:min(closes)])


# "报告期内", "本报告期": the period of the report the article is about
# ("公司发布 2020 年半年度财务报告，期内实现营收 9.69 亿元": 期内 is the report's period too)
_IN_REPORT = re.compile(r"报告期|(?:^|[，,；;：:]\s*)期内")


def _report_period(article: Article) -> tuple[str, str] | None:
    """(year, "H1") when the article's title or opening sentences name one half-year report
    ("陕西煤业发布2021年半年报"), else None."""
    opening = " ".join([article.title, *(s.text for s in article.sentences[:3])])
    years = {("20" + y) if len(y) == 2 else y for y in _HALF_REPORT.findall(opening)}
    return (years.pop(), "H1") if len(years) == 1 else None


def _set_period(period: dict[int, tuple[str, str]], earlier: dict[int, tuple[str, str]], para: int,
                p: tuple[str, str]) -> None:
    if para in period and period[para] != p:
        earlier[para] = period[para]
    period[para] = p


def _restated_periods(levels: list[tuple[Level, list[tuple[Figure, str]]]],
                      alts: dict[int, tuple[str, str]]) -> list[tuple[Level, list[tuple[Figure, str]]]]:
    """A level that took its paragraph's period (Q2) while a later level of its sentence, of the
    same metric, writes that very period is not of it: one sentence gives no two Q2 profits. It is
    of the half the paragraph was in before, when that half holds the quarter (inferred)."""
    out = []
    for i, (lv, gs) in enumerate(levels):
        alt = alts.get(id(lv))
        if alt is not None and alt == (lv.year, _HALF_OF.get(lv.part)):
            part = _part_after(levels, i)
            if any(m.own and (m.sentence is lv.sentence and m.fig.start > lv.fig.start or m.sentence is part)
                   and m.metric == lv.metric and (m.year, m.part) == (lv.year, lv.part) for m, _ in levels):
                lv = replace(lv, part=alt[1], inferred=True)
        out.append((lv, gs))
    return out


def _part_after(levels: list[tuple[Level, list[tuple[Figure, str]]]], i: int) -> Sentence | None:
    """The sentence after level i's, when that one ends on ；and the next opens on 其中 ("报告期内，
    公司实现投资收益10.88亿元；" "其中二季度投资收益6.44亿元", cfr315): a part of the level's sentence."""
    s = levels[i][0].sentence
    nxt = next((m.sentence for m, _ in levels[i + 1:] if m.sentence is not s), None)
    if nxt is None or nxt.paragraph != s.paragraph or not s.text.rstrip().endswith(("；", ";")) \
            or not nxt.text.lstrip().startswith("其中"):
        return None
    return nxt


# a clause that writes only its period, the metric and a verb before the level ("2021Q2实现收入"): it
# names no part of the company
_BARE_CLAUSE = re.compile(r"\s*(?:公司)?\s*(?:单季度?)?\s*(?:公司)?\s*(?:实现|录得)?\s*(?:营业总?收入|营收|收入|归母净利润?|扣非归母净利润?|净利润?)"
                          r"\s*(?:为|达到?|约)?\s*")
# the middle of a range, in a bracket right after it: "（中值20.46亿元）", "，取中值"
_MIDPOINT = re.compile(r"^\s*[（(，,]\s*(?:取|按)?\s*(?:区间)?\s*中值\s*(?:为|约|是)?\s*$")
_BASE_BEFORE = re.compile(r"(?:较|由|从|比|自|于|相比)\s*$")
# "2024H1 的 - 33.43%", "2024Q2 的 4.24 亿元": a date's own figure right after 的 (not "2025H1 的营收")
_OF_AMOUNT = re.compile(r"\s*的\s*(?:亏损\s*)?[-+−]?\s*\d")


def is_base_date(text: str, d: Figure) -> bool:
    """A date that is a base of comparison, not the period of the figures around it ("增速较
    2024H1 提升 1.29pct", "由 2024H1 的 - 33.43% 提升至 38.08%")."""
    return bool(_BASE_BEFORE.search(chars_before(text, d.start, 4)) or _OF_AMOUNT.match(text, d.end))


def _entity_before(words: str) -> str:
    """The entity named before a period in its clause ("A 股游戏板块 23 家上市公司 " -> "游戏板块");
    "" unless it ends on a noun of what is reported (not "截至", "根据伽马数据")."""
    plain = _BRACKETED.sub("", words)
    clause = re.sub(r"[\s*]|实现|合计|累计", "", lead_words(plain, len(plain)))
    if not clause and (item := _ITEM_ENTITY.search(plain)):
        # "①先进基础材料板块：2021年上半年，…实现营业收入168.78亿元" (cfg467): a numbered item's lead
        # names the segment its period opens
        return _ENTITY_NOISE.sub("", item.group(1))
    m = _ENTITY_BEFORE_PERIOD.search(clause)
    return _ENTITY_NOISE.sub("", m.group(0)) if m else ""


def _same_entity(a: str, b: str) -> bool:
    return a == b or bool(a) and bool(b) and (a in b or b in a)


def _clause_of(lv: Level) -> int:
    """Which ；-clause of its sentence a level stands in."""
    return len(re.findall(r"[；;]", lv.sentence.text[:lv.fig.start]))


# a list of bases before a list of growths: "同/环比+29.6%/21.1%", "同比、环比分别下滑2.31pct、0.66pct",
# "同环比+37.3%/+9.3%"
_BASIS_LIST = re.compile(r"(同|环)(?:比)?\s*[/、]?\s*(同|环)比[^\d%/、]{0,6}$")
_LIST_NEXT = re.compile(r"\s*[/、]\s*")


def item_bases(items: list[tuple[Figure, str]]) -> list[tuple[str, str, bool]]:
    """(basis, the words that say it, whether a list of bases placed it) of each growth or change
    written after a level, each given with the words before it: "环比" when those words end on 环比,
    and in a list of bases ("同/环比+29.6%/21.1%") the basis of the item's place, with the list's
    words (its verb)."""
    out: list[tuple[str, str, bool]] = []
    for i in range(len(items)):
        head = i
        while head and _LIST_NEXT.fullmatch(items[head][1]):
            head -= 1
        words = items[head][1]
        bases = _BASIS_LIST.search(words[-12:])
        if bases is not None and i - head < 2:
            out.append(("环比" if bases.group(1, 2)[i - head] == "环" else "同比", words, True))
        elif head == i:
            out.append(("环比" if _QOQ.search(words[-8:]) or _QOQ_OVER_BASE.search(words) else "", words, False))
        else:
            out.append(("", words, False))  # an item of a list of one basis: read with its list's words
    return out


def _qoq_growths(growths: list[tuple[Figure, str]]) -> list[tuple[Figure, str]]:
    """The 环比 growths among a level's growths, each with the words that say it."""
    return [(f, words) for (f, _), (basis, words, _) in zip(growths, item_bases(growths), strict=True)
            if basis == "环比" and words]


def find_quarter_growths(article: Article) -> list[Check]:
    """Each 环比 growth of a second (or fourth) quarter whose half-year level of the same metric
    and year is stated: certain when that half's level stands in the quarter's own paragraph and
    is the only one there; found further away (the entity named the same way in the article), a
    fit confirms and a mismatch proves nothing."""
    if not any("环比" in s.text or "oQ" in s.text or "OQ" in s.text for s in article.sentences):
        return []  # no 环比 growth is written: the article's levels need not be read
    levels = read_levels(article, undated=True)
    chains = _semicolon_chains(article)
    out: list[Check] = []
    for q, growths in levels:
        half = _HALF_OF.get(q.part)
        if half is None:
            continue
        if not q.year:
            # "上半年公司实现归母净利润19.44亿元，…公司二季度创造归母净利润10.34亿元，…环比增长13.62%"
            # with no year written: one sentence's half and quarter are of one year
            chk = _undated_quarter(q, growths, levels)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
            continue
        qoq = _qoq_growths(growths)
        # one 环比 growth, or a change and its rate ("环比一季度增长2亿元，增幅31%")
        if not qoq or len(qoq) > 2 or len({f.kind == FigureKind.PERCENT for f, _ in qoq}) != len(qoq):
            continue
        same = halves_of(q, levels)
        # certain: the only half-year level of that metric named the same way in the quarter's
        # paragraph, under its heading, or in the article; named alike ("游戏" / "移动游戏"): a
        # fit confirms, a mismatch proves nothing
        para = [x for x in same if x.sentence.paragraph == q.sentence.paragraph]
        under = [x for x in same if x.head == q.head and x.entity and x.entity == q.entity]
        named = [x for x in same if x.entity and x.entity == q.entity]
        h = None
        certain = False
        own_para = [x for x in para if x.entity == q.entity]
        if len({x.fig.value for x in own_para}) > 1 and q.written:
            # "订单 65.13 亿元，SEMI 订单 31.10 亿元": the level that writes the quarter's entity
            own_para = [x for x in own_para if x.written]
        # "（一）2025 年上半年表现 … - **铜**：营业收入 8099.3 亿元" and "（二）2025 年 2 季度表现 …
        # - **铜**：营业收入 4408.43 亿元": sibling subsections of one section, each dated by its
        # heading, give the segment's half and quarter
        sibling = [x for x in same if x.entity and x.entity == q.entity and q.section is not None
                   and x.section == q.section]
        if not own_para and len({x.fig.value for x in sibling}) == 1:
            own_para = [replace(x, inferred=False) for x in sibling]
        for scope in (own_para, under, named):
            if scope:
                if len({x.fig.value for x in scope}) == 1:
                    h, certain = scope[0], not scope[0].inferred
                break
        if h is not None and certain and q.entity and q.entity not in chains.get(q.sentence.id, q.sentence.text) \
                and h.sentence.id != q.sentence.id and any(x.entity != q.entity for x in same):
            # "公司实现营业收入18.29亿元…精细化工板块营业收入为10.48亿元。…从Q2经营情况来看，Q2实现营业收入为9.72亿元"
            # (cfe239): a quarter whose sentence (or its ；-chain) names no entity took the one named last in
            # its paragraph; with another entity's half of the metric written, it may be that one's
            certain = False
        if h is None:
            # "阿里 2025Q2…资本开支 387 亿元（…环比 + 57%），2025H1 资本开支 633 亿元…；腾讯 2025Q2…":
            # companies of one sentence, each in its ；-clause with its quarter and half
            clause = [x for x in same if x.sentence.id == q.sentence.id and not x.inferred
                      and _clause_of(x) == _clause_of(q)]
            if len({x.fig.value for x in clause}) == 1:
                h, certain = clause[0], True
        if h is None:
            # "上半年实现营业总收入 909.01 亿元" for "2025Q2 单季度实现营业收入 478.34 亿元": a near
            # metric, when no half of the very metric is written (in the quarter's paragraph)
            near = [h for h, _ in levels if h.part == half and h.year == q.year and h.fig.unit == q.fig.unit
                    and h.fig.scale == q.fig.scale and _NEAR_METRIC.get(h.metric) == q.metric and not h.adjusted]
            near_para = [x for x in near if x.sentence.paragraph == q.sentence.paragraph]
            if not same:
                same, para = near, near_para
            elif not para:
                para = near_para
            # named alike ("游戏" / "移动游戏"): under the quarter's own heading, unless named the same
            # ("150 家券商" under another heading is not "50 家上市券商")
            alike = [x for x in para or same if _same_entity(x.entity, q.entity)
                     and (x.entity == q.entity or x.head == q.head)]
            if len({x.fig.value for x in alike}) != 1:
                continue
            h = alike[0]
        for g, before in qoq:
            chk = _judge_margin(q, h, g, before, levels) if q.metric in MARGINS else _judge(q, h, g, before, certain)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _semicolon_chains(article: Article) -> dict[str, str]:
    """Each sentence's text with the ；-clauses of its paragraph before it ("**赤峰黄金**：2025H1 营收…；
    25Q2 营收…": one item, split at its ；)."""
    out: dict[str, str] = {}
    last: Sentence | None = None
    for s in article.sentences:
        joined = last is not None and last.paragraph == s.paragraph and last.text.rstrip().endswith(("；", ";"))
        out[s.id] = (out[last.id] if joined and last is not None else "") + s.text
        last = s
    return out


def halves_of(q: Level, levels: list[tuple[Level, list[tuple[Figure, str]]]]) -> list[Level]:
    """The reported levels of the half quarter q is part of (H1 for Q2, H2 for Q4): its year (or
    none, as q's), metric and unit."""
    half = _HALF_OF.get(q.part)
    return [h for h, _ in levels if h.part == half and h.year == q.year and h.metric == q.metric
            and h.fig.unit == q.fig.unit and h.fig.scale == q.fig.scale and not h.adjusted]


def _undated_quarter(q: Level, growths: list[tuple[Figure, str]],
                     levels: list[tuple[Level, list[tuple[Figure, str]]]]) -> Check | None:
    """The 环比 growth of a quarter no year dates, against the one half of its metric written
    earlier in its own sentence (certain: nothing else could be meant)."""
    qoq = _qoq_growths(growths)
    halves = {h.fig.value: h for h in halves_of(q, levels)
              if h.sentence.id == q.sentence.id and h.fig.start < q.fig.start and h.entity == q.entity}
    if len(qoq) != 1 or len(halves) != 1:
        return None
    (h,) = halves.values()
    return _judge(q, h, qoq[0][0], qoq[0][1], True)


def _judge(q: Level, h: Level, g: Figure, before: str, certain: bool) -> Check | None:
    if is_bound(q.sentence.text, q.fig) or is_bound(h.sentence.text, h.fig):
        return None  # "上半年出货超3900万公里，Q2出货超2200万公里": bounds leave the first quarter open
    yq, yh = figure_interval(q.fig), figure_interval(h.fig)
    first = yh - yq  # the quarter before, unstated
    if g.kind != FigureKind.PERCENT:
        return _judge_amount(q, h, g, before, certain, yq - first)
    if first.lo <= 0 or yq.lo <= 0:
        return None  # a loss (or a garbled half): growth to or from it has no one convention
    computed = (yq / first - Interval(1, 1)).scale(100)
    # no slack beyond the written digits (a result may be truncated): H1 = Q1 + Q2 is an identity
    # of the reported figures, so the derived quarter is as precise as its inputs; "605.99 亿元
    # （环比 + 8.60%）" of an H1 of 1163.92 亿元 is 8.611%-8.617%, which no rounding writes 8.60%
    stated = signed_interval(g, before, result=True)
    prev = "Q1" if q.part == "Q2" else "Q3"
    relation = (f"{q.fig.text} / ({h.fig.text} - {q.fig.text}) - 1 = {g.text} "
                f"({q.year}{prev} = {h.year}{h.part} - {q.year}{q.part}, unstated)")
    fits = computed.overlaps(stated)
    verdict, note = _verdict(fits, certain)
    return Check(
        verdict=verdict, kind="growth", stated=g.text,
        computed=f"{computed.mid:.3f}" if verdict != "unverifiable" else "",
        computed_low=computed.lo, computed_high=computed.hi,
        gap=None if fits or verdict == "unverifiable" else computed.distance(stated),
        inputs=[h.fig.text, q.fig.text], relation=relation, note=note,
        sentence=q.sentence.text, sentence_id=q.sentence.id, paragraph=q.sentence.paragraph,
        derived=True, input_sentences=[h.sentence.text, q.sentence.text], refutable=certain,
    )


def _verdict(fits: bool, certain: bool) -> tuple[Verdict, str]:
    """A fit confirms; a mismatch refutes only when the half's level is certain."""
    if not fits and not certain:
        return "unverifiable", "the half-year level is found elsewhere in the article: a mismatch proves nothing"
    return ("consistent" if fits else "inconsistent"), ""


def _judge_amount(q: Level, h: Level, g: Figure, before: str, certain: bool, computed: Interval) -> Check:
    """A 环比 change written as an amount: Q2 − Q1 = Q2 − (H1 − Q2), kept with its sign; a loss in
    the quarter before is no obstacle to a difference ("归母净利润 2.26 亿元，…Q2 归母净利润 2.45
    亿元，环比增 2.64 亿元": Q1 = −0.19 亿元)."""
    stated = signed_interval(g, before, result=True)
    prev = "Q1" if q.part == "Q2" else "Q3"
    fits = computed.overlaps(stated)
    verdict, note = _verdict(fits, certain)
    return Check(
        verdict=verdict, kind="change", stated=g.text,
        computed=f"{computed.mid:.3f}{g.unit}" if verdict != "unverifiable" else "",
        computed_low=computed.lo, computed_high=computed.hi,
        gap=None if fits or verdict == "unverifiable" else computed.distance(stated),
        inputs=[h.fig.text, q.fig.text],
        relation=(f"{q.fig.text} - ({h.fig.text} - {q.fig.text}) = {g.text} "
                  f"({q.year}{prev} = {h.year}{h.part} - {q.year}{q.part}, unstated)"),
        note=note, sentence=q.sentence.text, sentence_id=q.sentence.id, paragraph=q.sentence.paragraph,
        derived=True, input_sentences=[h.sentence.text, q.sentence.text], refutable=certain,
    )


def _revenue_of(lv: Level, levels: list[tuple[Level, list[tuple[Figure, str]]]]) -> Level | None:
    """The revenue a margin level is on: the one 营业收入 of its entity and period in its paragraph."""
    found = [x for x, _ in levels if x.metric == "营业收入" and x.entity == lv.entity and x.year == lv.year
             and x.part == lv.part and x.sentence.paragraph == lv.sentence.paragraph]
    return found[0] if found and len({x.fig.value for x in found}) == 1 else None


def _judge_margin(q: Level, h: Level, g: Figure, before: str,
                  levels: list[tuple[Level, list[tuple[Figure, str]]]]) -> Check | None:
    """A quarter's margin 环比 change in points against the quarter before, whose margin is
    unstated: margin × revenue is the (gross) profit, so Q1's margin is (mH1·RH1 − mQ2·RQ2) /
    (RH1 − RQ2) and the change mQ2 − mQ1 = (mQ2 − mH1) × RH1 / (RH1 − RQ2). Confirm-only: a sector's
    margin may be an average of its companies', not its totals' ratio, which this identity needs."""
    if g.kind != FigureKind.POINTS:
        return None
    rq, rh = _revenue_of(q, levels), _revenue_of(h, levels)
    if rq is None or rh is None or rq.fig.unit != rh.fig.unit or rq.fig.scale != rh.fig.scale:
        return None
    iq, ih = figure_interval(rq.fig), figure_interval(rh.fig)
    if iq.lo <= 0 or ih.lo - iq.hi <= 0:
        return None  # no revenue left for the quarter before
    # RH1 / (RH1 − RQ2) falls as RH1 grows and rises with RQ2: its exact bounds
    weight = Interval(ih.hi / (ih.hi - iq.lo), ih.lo / (ih.lo - iq.hi))
    computed = (figure_interval(q.fig) - figure_interval(h.fig)) * weight
    stated = signed_interval(g, before, result=True)
    fits = computed.overlaps(stated)
    prev = "Q1" if q.part == "Q2" else "Q3"
    relation = (f"({q.fig.text} - {h.fig.text}) × {rh.fig.text} / ({rh.fig.text} - {rq.fig.text}) = {g.text} "
                f"({q.year}{prev} {q.metric} = ({h.fig.text} × {rh.fig.text} - {q.fig.text} × {rq.fig.text}) / "
                f"({rh.fig.text} - {rq.fig.text}), unstated)")
    verdict: Verdict = "consistent" if fits else "unverifiable"
    return Check(
        verdict=verdict, kind="change", stated=g.text,
        computed=f"{computed.mid:.2f} 个百分点" if fits else "",
        computed_low=computed.lo, computed_high=computed.hi, gap=None,
        inputs=[h.fig.text, rh.fig.text, q.fig.text, rq.fig.text], relation=relation,
        note="" if fits else "a margin may be an average of companies' margins: a mismatch proves nothing",
        sentence=q.sentence.text, sentence_id=q.sentence.id, paragraph=q.sentence.paragraph,
        derived=True, input_sentences=[h.sentence.text, rh.sentence.text, rq.sentence.text, q.sentence.text],
        refutable=False,
    )


# the quarters of each half: H1 = Q1 + Q2, H2 = Q3 + Q4
_QUARTERS_OF = {"H1": ("Q1", "Q2"), "H2": ("Q3", "Q4")}
# a whole within this share of its quarters' sum may be a restated quarter, not a slip
_RESTATED = 0.03


def half_triples(article: Article) -> list[tuple[Level, Level, Level]]:
    """(half, first quarter, second quarter): a half-year level of a flow and its two quarters
    written for the same entity and metric, each the only level of its entity, metric and period
    in the article, all in one unit."""
    if not any(("Q1" in s.text or "一季度" in s.text or "1 季度" in s.text) for s in article.sentences):
        return []
    levels = [lv for lv, _ in read_levels(article) if lv.entity and not lv.adjusted and not lv.inferred
              and lv.metric not in MARGINS]
    by_key: dict[tuple[str, str, str, str], list[Level]] = {}
    for lv in levels:
        by_key.setdefault((lv.entity, lv.metric, lv.year, lv.part), []).append(lv)

    def one(key: tuple[str, str, str, str]) -> Level | None:
        found = by_key.get(key, [])
        return found[0] if found and len({(x.fig.value, x.fig.unit, x.fig.scale) for x in found}) == 1 else None

    out: list[tuple[Level, Level, Level]] = []
    for (who, metric, year, part), _ in sorted(by_key.items()):
        if part not in _QUARTERS_OF or (h := one((who, metric, year, part))) is None:
            continue
        qs = [one((who, metric, year, q)) for q in _QUARTERS_OF[part]]
        q1, q2 = qs[0], qs[1]
        if q1 is None or q2 is None or any(q.fig.unit != h.fig.unit or q.fig.scale != h.fig.scale for q in (q1, q2)):
            continue
        if min(figure_interval(x.fig).lo for x in (h, q1, q2)) <= 0:
            continue  # a loss in a quarter: the sum holds, but a sign slip is read elsewhere
        out.append((h, q1, q2))
    return out


def find_half_sums(article: Article) -> list[Check]:
    """A half-year level of a flow against its two quarters written for the same entity and
    metric ("其中集中式新增 98.8GW" under 2025 上半年, "集中式新增 23.4GW" under 2025Q1, "集中式新增
    75.4GW" under 2025Q2): H1 = Q1 + Q2. Certain when each of the three is the only level of its
    entity, metric and period in the article, each dated in its own paragraph; a gap under 3% may
    be a restated quarter and proves nothing."""
    out: list[Check] = []
    for h, q1, q2 in half_triples(article):
        year, part = h.year, h.part
        computed = figure_interval(q1.fig) + figure_interval(q2.fig)
        stated = figure_interval(h.fig, result=True)
        fits = computed.overlaps(stated)
        near = computed.distance(stated) <= _RESTATED * stated.hi
        verdict: Verdict = "consistent" if fits else "unverifiable" if near else "inconsistent"
        out.append(Check(
            verdict=verdict, kind="sum", stated=h.fig.text,
            computed=f"{computed.mid:g}{h.fig.unit}" if verdict != "unverifiable" else "",
            computed_low=computed.lo, computed_high=computed.hi,
            gap=computed.distance(stated) if verdict == "inconsistent" else None,
            inputs=[q1.fig.text, q2.fig.text],
            relation=f"{q1.fig.text} + {q2.fig.text} = {h.fig.text} ({year}{part} = {year}{q1.part} + {year}{q2.part})",
            note="within 3%: a quarter may have been restated" if verdict == "unverifiable" else "",
            sentence=full_sentence(article, h.sentence), sentence_id=h.sentence.id, paragraph=h.sentence.paragraph,
            input_sentences=[q1.sentence.text, q2.sentence.text, h.sentence.text], refutable=True,
            article=article.label,
        ))
    return out


def full_sentence(article: Article, s: Sentence) -> str:
    """The sentence up to its full stop that a ；-clause stands in ("其中集中式新增 98.8GW，…；分布式
    新增 121.8GW，…。"): the whole of what the reader quotes."""
    same = [x for x in article.sentences if x.paragraph == s.paragraph]
    i = next(k for k, x in enumerate(same) if x is s)
    start = i
    while start > 0 and not same[start - 1].text.rstrip().endswith(("。", "！", "？", ".", "!", "?")):
        start -= 1
    return "".join(x.text for x in same[start:i + 1])


def find_segment_sums(article: Article) -> list[Check]:
    """A sector's level and its segments' levels of the same metric and period, listed after it
    under a heading within its section, each list item opened by the segment's name ("基本金属板块
    营业收入 11681.8 亿元" … "3. 细分板块情况": "- **铜**：营业收入 8099.3 亿元", "- **铝**：…"):
    the segments add up to the sector. Confirm-only: a list need not name every segment."""
    if not any(s.kind == "list" and _lead_entity(s) for s in article.sentences):
        return []  # no list item names a segment
    levels = [lv for lv, _ in read_levels(article) if lv.metric not in MARGINS and not lv.adjusted]
    depth = {p.index: p.level for p in article.paragraphs if p.kind == "heading"}
    out: list[Check] = []
    for i, total in enumerate(levels):
        # the sector's level names it, or its paragraph did ("基本金属板块营业收入 …；归母净利 …")
        if not total.entity or total.entity == _lead_entity(_opening(article, total.sentence)):
            continue
        # the segments: list items after it, before a heading as high as the one above it
        top = max((k for k in depth if k < total.sentence.paragraph), default=-1)
        bound = depth.get(top, 0)
        parts: dict[str, Level] = {}
        for lv in levels[i + 1:]:
            between = [k for k in depth if total.sentence.paragraph < k < lv.sentence.paragraph]
            if any(depth[k] <= bound for k in between) or lv.written:
                break
            if (lv.metric, lv.year, lv.part, lv.fig.unit, lv.fig.scale) != \
                    (total.metric, total.year, total.part, total.fig.unit, total.fig.scale):
                continue
            if lv.sentence.kind != "list" or not lv.entity or lv.entity != _lead_entity(_opening(article, lv.sentence)) \
                    or lv.entity in parts or lv.entity == total.entity:
                continue
            parts[lv.entity] = lv
        if len(parts) < 2 or not between_heading(article, total, list(parts.values()), depth):
            continue
        figs = [x.fig for x in parts.values()]
        computed = Interval(0, 0)
        for f in figs:
            computed = computed + figure_interval(f)
        stated = figure_interval(total.fig, result=True)
        if not computed.overlaps(stated):
            continue  # the list may leave a segment out: a gap proves nothing
        out.append(Check(
            verdict="consistent", kind="sum", stated=total.fig.text, computed=f"{computed.mid:g}{total.fig.unit}",
            computed_low=computed.lo, computed_high=computed.hi, gap=None,
            inputs=[f.text for f in figs],
            relation=" + ".join(f.text for f in figs) + f" = {total.fig.text} ({' + '.join(parts)} = {total.entity})",
            note="", sentence=total.sentence.text, sentence_id=total.sentence.id, paragraph=total.sentence.paragraph,
            input_sentences=[x.sentence.text for x in parts.values()], refutable=False, article=article.label,
        ))
    return out


def _opening(article: Article, s: Sentence) -> Sentence:
    """The first sentence of a sentence's paragraph (the one that carries its bold lead-in)."""
    return next(x for x in article.sentences if x.paragraph == s.paragraph)


def between_heading(article: Article, total: Level, parts: list[Level], depth: dict[int, int]) -> bool:
    """A heading stands between the sector's level and its segments ("3. 细分板块情况")."""
    first = min(x.sentence.paragraph for x in parts)
    return any(total.sentence.paragraph < k < first for k in depth)
