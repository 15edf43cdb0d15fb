"""Relations over framed figures within one section: a stated growth, change, margin, share, sum
or gap paired with the section's figures whose frames (metric, period, unit) line up with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from macrodesk.checks.frames import (
    QUARTER,
    SEGMENT_LABEL,
    SEGMENT_NAMED,
    common_metric,
    currency,
    frame_of,
    period_key,
    quarter_list,
)
from macrodesk.checks.intervals import (
    Interval,
    growth_over_losses,
    implied_growth,
    interval_sum,
    ratio_change,
)
from macrodesk.checks.judging import (
    LEVEL_KINDS,
    Check,
    fmt,
    hedge,
    judge,
    on_total_profit,
    unverifiable,
)
from macrodesk.checks.sentence import (
    DASH_MID,
    DOWN,
    RATE_WORDS,
    UP,
    YEAR_SPAN,
    is_points,
    span_years,
    sum_check,
)
from macrodesk.checks.tokens import Para, Tok, bound_side, in_unit_of
from macrodesk.models import Figure, FigureKind
from macrodesk.text.clauses import chars_after, chars_before, clause_start, last_chars

# ---------------------------------------------------------------- relations over framed figures
# A section's figures carry frames (metric, period, unit: checks/frames.py); a stated growth,
# change, margin, share, sum or gap is paired with the figures of the section that line up with
# it, wherever they are written. A relation is judged inconsistent only when its inputs are
# certain (written in the clause, or the only ones that line up); when several candidates line
# up and none fits, or none is written, it is counted unverifiable.

DOWN_WORDS = re.compile(f"(?:{DOWN}|跑输|少)\\s*(?:了|约|幅度|幅)?\\s*$")
_YOY = re.compile(
    r"(?:同比|环比|较上年同期|较去年同期|较上年|较去年|较同期|较上月|较上季度|yoy|YoY|QoQ|qoq)"
    r"\s*[：:]?\s*(?:\d{1,2}\s*月|上月|上季度?)?"
    f"\\s*(?:{UP}|{DOWN}|多增|少增|多减|少减|多|少)?\\s*(?:了|约|幅度|幅)?\\s*$"
)
_AGAINST = re.compile(r"(?:较|相比|相较于?|比(?![例重率值较]))")
MARGIN = re.compile(r"(扣非后?)?(归母)?(销售)?(净|毛)利润?率")
SHARE_LEAD = re.compile(
    r"(?:占比|比重|份额|占)[^，,。；;从由至到升降增减提]{0,14}?(?:的)?\s*(?:为|约|达到?|仅|约为)?\s*$")
_GAP_LEAD = re.compile(
    r"(?:跑赢|跑输|超涨|超跌|领先|落后|高出|低于|高于|超额收益|利差|差距|相差|税率差)"
    r"[^，,。；;]{0,16}?(?:为|约|达|约为)?\s*$"
)
# the total of the clauses before it, with no subject of its own ("全部A股合计2.6万亿" is not)
# "N（占比 P）", "N，占比 P": nothing but the share words between the part and its share
_SHARE_ADJ = re.compile(r"^\s*[（(，,]?\s*(?:占比|占)?\s*(?:为|约|达|仅|约为)?\s*$")
_CHANGE_LEAD_ANY = re.compile(
    r"(?:同比|环比|较[^，,。；;]{0,14}|增速|增幅|降幅)[^，,。；;]{0,6}?"
    f"(?:{UP}|{DOWN}|变动|变化|[+\\-])\\s*(?:了|约|幅度|幅|达)?\\s*$")
_BRACKET_SIGN = re.compile(r"^\s*[（(]\s*(?:同比)?\s*[+\-]?\s*$")
_STRONG_GAP = re.compile(r"跑赢|跑输|超涨|超跌|超额|领先|落后|利差|税率差|之差")
_SPAN_WORDS = re.compile(r"年初至今|年内|当周|本周|上周|当月|本月|上月|近一年|近一月|今年以来|年初以来")


def _spans(lead: str) -> set[str]:
    return set(_SPAN_WORDS.findall(lead))


_GAP_PCT = re.compile(r"(?:利差|差距|相差|税率差|之差)[^，,。；;]{0,4}$")
_ALL_LEAD = re.compile(r"(?:^|[，,；;])\s*(?:二者|两者|三者|以上|上述|叠加后)?"
                       r"(?:合计|共计|总计|累计|加总|合并|合共)\s*(?:为|达|约|达到|实现)?\s*$")


_TOPIC_LABEL = re.compile(r"(?:^|[。；;）)\s])[\u4e00-\u9fa5A-Za-z]{1,10}[：:]")


@dataclass
class Framed:
    tok: Tok
    index: int
    metric: str
    period: str
    lead: str  # the text between the previous figure of its sentence and it
    after: str  # the next few characters
    paragraph: int = 0
    topic: int = 0  # a new paragraph or a "水电：" label starts a new topic
    block: int = 0  # consecutive paragraphs; a heading or table between them starts a new block
    by_position: bool = False  # its year is its place in a list under a span of years (`_span_lists`)


_RELATIVE_TO = re.compile(r"相对于?[^，,。；;]{1,12}的\s*$")


_ITEM_LEAD = re.compile(r"^\s*[/、]\s*$|^\s*、?\s*(?:和|及)\s*$")


def _listed_margin(fs: list[Framed], k: int) -> re.Match[str] | None:
    """The margin a later value of a list is of, by its place: "销售毛利率和净利率分别为 75.21%/20.95%"
    names 20.95% 净利率 (the first value's lead names them all)."""
    place, j = 0, k
    while j > 0 and _ITEM_LEAD.match(fs[j].lead) and fs[j - 1].tok.sent == fs[k].tok.sent \
            and fs[j - 1].tok.fig.kind == FigureKind.PERCENT:
        place, j = place + 1, j - 1
    if not place or "分别" not in fs[j].lead:
        return None
    named = list(MARGIN.finditer(fs[j].lead))
    return named[place] if len(named) > place and len(named) == place + 1 + _values_after(fs, k) else None


def _values_after(fs: list[Framed], k: int) -> int:
    """How many values of the list follow the k-th."""
    n = 0
    while k + n + 1 < len(fs) and _ITEM_LEAD.match(fs[k + n + 1].lead) and fs[k + n + 1].tok.sent == fs[k].tok.sent:
        n += 1
    return n


def margin_named(lead: str) -> re.Match[str] | None:
    """The margin word a rate's own lead ends on; the first of a list ("毛利率和归母净利率分别为 22.6%、
    7.7%", cfr257: 22.6% is the 毛利率)."""
    mm = MARGIN.search(lead, len(lead) - len(last_chars(lead, 10)))
    if mm and _RELATIVE_TO.search(lead, 0, mm.start()):
        return None  # "相对于可售货值的净利润率" (625): a ratio to a base it names, not to revenue
    if mm and "分别" in lead and len(named := list(MARGIN.finditer(lead))) >= 2:
        return named[0]
    return mm


# a level a growth reached, written after it ("同比增长20%至12亿元"): its lead is 至 alone (`TO_ONLY`)
_MOVED = "增长|增加|上升|提升|提高|下降|减少|下滑|降低|增|降|减"
_VERB_END = re.compile(f"(?:同比|环比)?(?:{_MOVED})$")
_GROWTH_BEFORE = re.compile(f"(?:同比|环比|较上年|较去年同期)?\\s*(?:{_MOVED}|[+\\-])\\s*$")


def read_frames(sec: Para) -> list[Framed]:
    out: list[Framed] = []
    prev_end: dict[int, int] = {}
    # a period written once holds for the clauses that follow it in the paragraph
    # ("25Q1 …营业收入 672.2 亿元；实现归母净利润 38.96 亿元；…")
    period, para_of, topic, block = "", -1, 0, 0
    for i, t in enumerate(sec.toks):
        raw = sec.raw[t.sent]
        stop = prev_end.get(t.sent, 0)
        fr = frame_of(raw, t.fig, stop)
        paragraph = sec.sentences[t.sent].paragraph
        if paragraph > para_of + 1:
            block += 1
        lead = raw[stop:t.fig.start]
        # (a label needs its colon: the test of the colon spares the pattern most leads)
        if paragraph != para_of or ("：" in lead or ":" in lead) and _TOPIC_LABEL.search(lead):
            period, para_of, topic = "", paragraph, topic + 1
        period = fr.period or period
        own = period
        if period and _PART_OF_YEAR.search(period) and _WHOLE_YEAR_LEAD.search(raw[sec.clause_start(t.sent, t.fig.start):t.fig.start]):
            # "单四季度…；带动公司全年实现营收4.33亿元" (cfb503): 全年 names the year, not the quarter
            # written before it
            own = period = next((x.period for x in reversed(out) if (key := period_key(x.period)) and key[1] == "Y"),
                                "全年")
        metric = fr.metric
        if TO_ONLY.match(lead) and out and out[-1].tok.sent == t.sent and _GROWTH_BEFORE.search(out[-1].lead) \
                and (out[-1].tok.fig.kind == FigureKind.PERCENT and t.fig.kind != FigureKind.PERCENT
                     or out[-1].tok.fig.kind == FigureKind.POINTS and t.fig.kind == FigureKind.PERCENT):
            # "净利润同比增长20%至12亿元", "归母净利润率降低4.24个百分点至3.99%": the level a growth or a
            # change reached is of its metric
            metric = _VERB_END.sub("", out[-1].metric)
        out.append(Framed(t, i, metric, own, lead,
                          chars_after(raw, t.fig.end, 8), paragraph, topic, block))
        prev_end[t.sent] = t.fig.end
    return _quarter_items(_span_lists(_slash_lists(_grown_lists(out))))


# "2018年至2019年，…母公司分别实现收入11.84亿元、16.89亿元": the years of a span given to a 分别-list's values
# by position
_SPAN_PART = re.compile(r"[上下]半年|H[12]|[一二三]季度|前三季度|1\s*[-—~～至]\s*\d{1,2}\s*月")


def _span_lists(fs: list[Framed]) -> list[Framed]:
    i = 0
    while i < len(fs):
        x = fs[i]
        m = YEAR_SPAN.match(x.period.strip()) if "分别" in x.lead and x.period else None
        # ("2017年至2020年上半年…分别为": the last item is of that year's part)
        part = x.period.strip()[m.end():] if m is not None else ""
        if m is None or part and not _SPAN_PART.fullmatch(part):
            i += 1
            continue
        first, last = span_years(m)
        n = last - first + 1
        items = fs[i:i + n]
        if not 2 <= n <= 6 or len(items) != n or any(y.tok.sent != x.tok.sent or y.period != x.period
                                                     or y.tok.cunit != x.tok.cunit for y in items) \
                or not all(ITEM_SEP.match(y.lead) for y in items[1:]) \
                or (i + n < len(fs) and fs[i + n].tok.sent == x.tok.sent and ITEM_SEP.match(fs[i + n].lead)):
            i += 1
            continue
        for k, y in enumerate(items):
            fs[i + k] = replace(y, period=f"{first + k}年" + (part if k == n - 1 else ""), metric=x.metric,
                                by_position=True)
        i += n
    return fs


# "Q1、Q2单季度净利率分别为12.67%、18.48%": a list of quarters gives a 分别-list's values their
# quarters by position (the period read before the first is the list's last quarter, Q2)
def _quarter_items(fs: list[Framed]) -> list[Framed]:
    i = 0
    while i < len(fs):
        x = fs[i]
        qs = quarter_list(x.lead) if "分别" in x.lead else []
        n = len(qs)
        items = fs[i:i + n]
        if n < 2 or len(items) != n or any(y.tok.sent != x.tok.sent or y.tok.fig.kind != x.tok.fig.kind
                                           for y in items) \
                or not all(ITEM_SEP.match(y.lead) for y in items[1:]) \
                or (i + n < len(fs) and fs[i + n].tok.sent == x.tok.sent and ITEM_SEP.match(fs[i + n].lead)):
            i += 1
            continue
        tokens = list(QUARTER.finditer(x.period))
        for k, (y, q) in enumerate(zip(items, qs, strict=True)):
            period = (x.period[:tokens[-1].start()] + f"Q{q}" + x.period[tokens[-1].end():]) if tokens else f"Q{q}"
            fs[i + k] = replace(y, period=period, metric=x.metric, by_position=True)
        i += n
    return fs


# measures named as a slash list before their values: "收入/归母净利/扣非归母净利分别为27.20/6.25/5.8亿元"
_METRIC_LIST = re.compile(r"([\u4e00-\u9fa5A-Za-z]{1,10}(?:\s*/\s*[\u4e00-\u9fa5A-Za-z]{1,10}){1,5})\s*(?:分别)?\s*"
                          r"(?:为|是|达|实现|约)?\s*$")
# (and "营业收入与净利润分别为 7071 万、 1915 万元": names joined by 与/和/、 before 分别)
_NAMED_LIST = re.compile(r"([\u4e00-\u9fa5]{2,10}(?:\s*(?:、|与|和|及)\s*[\u4e00-\u9fa5]{2,10}){1,4})\s*分别\s*"
                         r"(?:为|是|达|实现|约)?\s*$")
_SLASH_LEAD = re.compile(r"^\s*/\s*$")
# between two items of a list: "、", "/", "和" (the later items' lead)
ITEM_SEP = re.compile(r"^\s*[/、]\s*$|^\s*、?\s*(?:和|及|与)\s*$")
_LIST_MEASURE = re.compile(r"(?:营业总?收入|营收|收入|归母净利润?|扣非归母净利润?|净利润?|利润|销量|产量|出货量|销售额)$")


def _in_unit_of(tok: Tok, last: Figure) -> Tok:
    """A list's bare number in the unit its last item is written in: "82.8" shows as "82.8 亿"."""
    if tok.fig.kind != FigureKind.NUMBER:
        return tok
    written = re.sub(r"^[+\-−]?[\d.,]+\s*", "", last.text)
    return in_unit_of(tok, last, text=f"{tok.fig.text} {written}".strip())


# measures named as a list before their growths, then the levels the growths reached: "营收、毛利同比-1.3%、
# -27.2%至31.96、6.19亿元"
_GROWN_NAMES = re.compile(r"((?:[\u4e00-\u9fa5]{2,10})(?:\s*[、/]\s*[\u4e00-\u9fa5]{2,10}){1,4})\s*(?:分别)?\s*(?:同比|环比)\s*"
                          r"(?:分别)?\s*(?:增长|增加|上升|提升|下降|减少|下滑|变动)?\s*$")
_TO_LEAD = re.compile(r"^\s*(?:分别)?\s*(?:增长|增加|上升|提升|下降|减少|下滑)?\s*至\s*$")


def _grown_lists(fs: list[Framed]) -> list[Framed]:
    """Each growth and level of "营收、毛利同比-1.3%、-27.2%至31.96、6.19亿元" framed by its own measure by
    place, the levels in the unit the list ends on."""
    i = 0
    while i < len(fs):
        x = fs[i]
        m = _GROWN_NAMES.search(x.lead) if x.tok.fig.kind == FigureKind.PERCENT and ("、" in x.lead or "/" in x.lead) else None
        if m is None:
            i += 1
            continue
        names = [re.sub(r"^(?:年度?|月份?|季度|公司|实现)+", "", n.strip()) for n in re.split(r"\s*[、/]\s*", m.group(1))]
        n = len(names)
        growths, levels = fs[i:i + n], fs[i + n:i + 2 * n]
        if len(levels) != n or not all(names) or any(y.tok.sent != x.tok.sent for y in growths + levels) \
                or any(y.tok.fig.kind != FigureKind.PERCENT for y in growths) \
                or not all(ITEM_SEP.match(y.lead) for y in growths[1:] + levels[1:]) \
                or not _TO_LEAD.match(levels[0].lead) \
                or levels[-1].tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                or any(y.tok.fig.kind not in (FigureKind.NUMBER, levels[-1].tok.fig.kind) for y in levels):
            i += 1
            continue
        last = levels[-1].tok.fig
        for k in range(n):
            fs[i + k] = replace(growths[k], metric=names[k])
            y = levels[k]
            fs[i + n + k] = replace(y, tok=_in_unit_of(y.tok, last), metric=names[k])
        i += 2 * n
    return fs


def _slash_lists(fs: list[Framed]) -> list[Framed]:
    """Each value of "A/B/C分别为 a/b/c 亿元" framed by its own measure and in the unit the list ends
    on (company research writes a period's revenue and profits so: cfr382, cfb562); a measure the
    last name ends on is shared ("线上/直营/加盟收入" are 线上收入, 直营收入, 加盟收入)."""
    i = 0
    while i < len(fs):
        x = fs[i]
        amounts = x.tok.fig.kind in (FigureKind.NUMBER, FigureKind.MONEY, FigureKind.QUANTITY)
        m = _METRIC_LIST.search(x.lead) if "/" in x.lead and amounts else None
        named = _NAMED_LIST.search(x.lead) if m is None and "分别" in x.lead and amounts else None
        if m is None and named is None:
            i += 1
            continue
        if m is not None:
            names = [re.sub(r"^(?:年度?|月份?|季度|公司)+", "", n.strip()) for n in m.group(1).split("/")]
            lead_ok = _SLASH_LEAD
        else:
            assert named is not None
            names = [re.sub(r"^(?:年度?|月份?|季度|公司|全年|实现|分别)+", "", n.strip())
                     for n in re.split(r"\s*(?:、|与|和|及)\s*", named.group(1))]
            lead_ok = ITEM_SEP
        names[-1] = re.sub(r"(?:分别)?(?:为|是|达|实现|约)?$", "", names[-1])
        items = fs[i:i + len(names)]
        last = items[-1].tok.fig
        if len(items) != len(names) or any(y.tok.sent != x.tok.sent for y in items) \
                or not all(lead_ok.match(y.lead) for y in items[1:]) or not all(names) \
                or last.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                or any(y.tok.fig.kind not in (FigureKind.NUMBER, last.kind) for y in items):
            i += 1
            continue
        shared = _LIST_MEASURE.search(names[-1])
        if shared and not any(_LIST_MEASURE.search(n) for n in names[:-1]):
            names = [n + shared.group(0) for n in names[:-1]] + names[-1:]
        for k, y in enumerate(items):
            fs[i + k] = replace(y, tok=_in_unit_of(y.tok, last), metric=names[k])
        i += len(items)
    return fs


def _signed(c: Framed) -> Interval:
    """The stated change with the sign its verb gives it (下降 2.1% is -2.1%)."""
    iv = c.tok.interval(result=True)
    if c.tok.fig.value is not None and c.tok.fig.value > 0 and DOWN_WORDS.search(c.lead) \
            and not re.search(r"\+\s*$", c.lead):
        return -iv
    return iv


def signed_level(x: Framed) -> Interval:
    iv = x.tok.interval()
    if (x.tok.fig.value or 0) > 0 and DOWN_WORDS.search(x.lead) and not re.search(r"\+\s*$", x.lead):
        return -iv
    return iv


def signed_text(x: Framed) -> str:
    return x.tok.text if signed_level(x).lo == x.tok.interval().lo else f"-{x.tok.text}"


def judge_signed(sec: Para, kind: str, c: Framed, inputs: list[Tok],
                 readings: list[tuple[str, Interval]], *, derived: bool = False) -> Check:
    chk = judge(sec, kind, c.tok, inputs, readings, magnitude=False, stated_iv=_signed(c))
    chk.derived = derived
    return chk


# a period named relative to the year of the level it is the base of: "去年一季度", "上年同期"
_LAST_YEAR_PERIOD = re.compile(r"^(?:去年|上年|上一年)")


def _year_before(a: str, b: str) -> bool:
    if YEAR_SPAN.search(a) or YEAR_SPAN.search(b):
        return False  # ("2018-2019年…分别为11.84亿元、16.89亿元" is not two levels of 2019)
    ka, kb = period_key(a), period_key(b)
    if ka is None and kb is not None and (m := _LAST_YEAR_PERIOD.match(a)):
        # "去年一季度营业收入16.56亿元" is the base of "21Q1…营业收入18.27亿元，同比增长10.32%" (cfr276)
        rest = a[m.end():]
        ka = (kb[0] - 1, kb[1]) if rest.startswith("同期") else period_key(f"{kb[0] - 1}年{rest}")
    return ka is not None and kb is not None and ka[1] == kb[1] and ka[0] == kb[0] - 1


_STOP = re.compile("[。；;]")
_CLOSED = re.compile("[）)]")
_OWN_ASIDE = re.compile(r"[（(][^（）()]*[)）]")
_SUPPOSED = re.compile(r"每|若|如果|假设|倘若|将")


def _before_bracket(sec: Para, fs: list[Framed], i: int) -> int:
    """The index of the level written right before the bracket that holds frame i, or -1."""
    t = fs[i].tok
    raw = sec.raw[t.sent]
    opened = max(raw.rfind("（", 0, t.fig.start), raw.rfind("(", 0, t.fig.start))
    if opened < 0:
        return -1
    return next((j for j in range(i - 1, -1, -1) if fs[j].tok.sent == t.sent and fs[j].tok.fig.end <= opened
                 and not raw[fs[j].tok.fig.end:opened].strip()), -1)


def _candidates(by_unit: dict[tuple[str, str], list[Framed]], c: Framed, b: Framed) -> list[Framed]:
    """The year-earlier level of b's metric: same unit, a shared metric word, the same
    sub-period one year before (a 同比 growth compares like with like). `by_unit`: the section's
    frames by unit, in order."""
    if not re.search("同比|较上年|较去年|yoy|YoY", c.lead) or b.by_position and b.tok.sent == c.tok.sent:
        return []  # (the growths after a list's levels are a list of their own: list_changes, year_series)
    return [a for a in by_unit.get(b.tok.cunit, ()) if a is not b and a is not c
            and not a.tok.bound and _year_before(a.period, b.period)
            and len(a.metric) >= 2 and len(b.metric) >= 2
            and (a.metric in b.metric or b.metric in a.metric)]


def _certain(a: Framed, b: Framed) -> bool:
    """A level found by its frame may refute a stated growth only when nothing else could be
    meant: the same topic of one paragraph and the very same metric words."""
    return (a.topic == b.topic and a.metric == b.metric and a.index < b.index
            and a.tok.sent >= b.tok.sent - 1)


ANY_VERB = re.compile(f"(?:{UP}|{DOWN})")
# ("员工人数为3517人，全年新增1615人": the year's net addition to a level)
_YEAR_ADDITION = r"^[，,]\s*(?:去年|今年)?\s*(?:全年|年内|当年|本年)\s*(?:新增|净增|净增加|增加)\s*$"
# a balance at a year's end: "截至2021年末，…余额3.36万亿元"
_YEAR_END = re.compile(r"\d{4}\s*年\s*(?:末|底)|年末|年底")
_AMOUNT_CHANGE = re.compile(f"(?:较|相比|同比|环比|比上年|比去年)[^，,。；;]{{0,12}}(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$"
                            f"|{_YEAR_ADDITION}")
# (or the change's verb again: "研发费用为1.13亿元，同比增加0.5亿元、增长78.36%", cfb487)
_RATE_OF_CHANGE = re.compile(r"^\s*[，,、（(]?\s*(?:(?:涨幅|跌幅|降幅|增幅|减幅|(?:缩减|缩水|下降|下跌|减少|增长|增加|上涨|上升)?幅度)\s*(?:为|达|约)?"
                             r"|(?:增长|上升|上涨|下降|下滑|减少|下跌)\s*(?:了|约)?)\s*$")


def _basis_word(change: str) -> str:
    """同比 or 环比 as an amount change's words name it ("比上年同期上升" is 同比), else ""."""
    if change.startswith("环比"):
        return "环比"
    if re.match(_YEAR_ADDITION, change):
        return "上年末"  # the year's net addition is over the level the year opened on
    return "同比" if change.startswith(("同比", "比上年", "比去年", "较上年同期", "较去年同期")) else ""


# the rate on the very basis of the change: "环比8月净增加11架，环比增长0.3%" (680), "比上年同期上升423万吨，
# 同比增长36.97%" (cfb328)
_RATE_ON_BASIS = re.compile(r"^\s*[，,]\s*(同比|环比|比上年末|较上年末)\s*(?:增长|增加|上升|上涨|下降|下滑|减少|下跌|增|降)\s*(?:了|约)?\s*$")
# "较去年累计的 A 同比增长 C", "环比 25Q1 的 A 提高 C": the earlier level written after its word
WRITTEN_BEFORE = re.compile(
    # ("成本收入比24.6%": a 比 the figure follows at once names a ratio, it compares with nothing)
    r"(?:较|相比|相较于?|(?<![同环占对可])比(?![例重率值较])(?!\s*(?:为|是)?\s*$)|环比(?=\s*\S))"
    # a date may name the earlier level ("较 2025 年 7 月初的 6.13 万元 / 吨上涨 33.88%")
    r"\s*(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:[初末底中]|上旬|中旬|下旬)?)?"
    # (收 of 收入 and 预收款 is no verb: "较年初的预收款项 1.58 亿元，增长 45%")
    r"(?:(?!收缩|收窄|收敛|收跌|收涨)[^，,。；;升降增减涨跌提回扩缩少多]){0,12}"
    # (and a date in brackets after the base's name: "比上上周同期(10月22日)的 9.80 元/公斤")
    r"(?:[（(][^（）()，,。；;]{1,12}[)）][^，,。；;升降增减涨跌提回扩缩少多]{0,3})?$"
    # "毛利率为 50.63%， 去年同期为 52.12%，下降 1.49 pct": last year's level named as such
    r"|^\s*[，,]?\s*(?:去年|上年|上期)(?:同期)?\s*(?:为|是)\s*$"
    # "净流出2194万元，上一交易日主力净流出218万元，今日环比增加906.42%": the day before's, named as such
    r"|^\s*[，,]\s*(?:上一个?交易日|前一个?交易日)[^，,。；;\d升降增减涨跌]{0,8}?\s*(?:为|是)?\s*$")
VERB_ONLY = re.compile(
    # ("较2020年的3.64亿吨还是增长了2.4%": an adverb before the verb)
    f"^[\\s的水平]*[，,]?\\s*(?:今日|当日|本日)?\\s*(?:同比|环比)?\\s*(?:还是|仍然|依然|仍|也|又|则|再|均|进一步|大幅|小幅)?\\s*"
    f"(?:{UP}|{DOWN})\\s*(?:了|约|幅度|幅)?\\s*$")


_WORDED_BASE_MOVE = re.compile(f"[，,]\\s*(?:较|比|相比)[^，,。；;\\d]{{1,10}}?(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")
_VERB_ONLY_AMOUNT = re.compile(f"^\\s*(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")
_APPROX_RATE = re.compile(r"(?<=幅)约")
_BASE_AFTER = re.compile(r"^\s*[（(]\s*[^（()）。；;，,]{0,14}?(?:为|：|:|是)\s*$|"
                         r"^\s*[，,]\s*主要(?:因|系|由于)\s*[^（()）。；;，,]{0,12}低基数\s*[（(]\s*[^（()）。；;，,\d]{0,8}\s*$")
_OPEN_END = re.compile(r"[（(]\s*$")
# an aside with no figure between the earlier level and the verb: "较2019的2.84%（来自公司财报）提升0.48个百分点"
# (or a date: "较周期内最高点1129点（2012-03-05）下降了31.09%")
_ASIDE = re.compile(r"^\s*[（(](?:[^（）()\d]{1,20}|\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*)[)）]")
_CLOSE_VERB = re.compile(f"^\\s*[）)]\\s*(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")


def _bare_alike(b: Tok, level: Tok) -> bool:
    """A bare number in the bracket after an earlier level's name is in the level's unit, when it
    is of the level's size."""
    if b.fig.kind != FigureKind.NUMBER or (b.fig.scale or 1) != 1 or level.fig.kind not in LEVEL_KINDS:
        return False
    ib, il = b.interval(), Interval(level.fig.value or 0, level.fig.value or 0)
    return ib.lo > 0 and 0.5 < il.lo / ib.lo < 2


def find_framed(sec: Para) -> list[Check]:
    fs = framed_once(sec)
    by_unit: dict[tuple[str, str], list[Framed]] | None = None  # grouped when a growth asks for it
    out: list[Check] = []
    shares: list[tuple[Framed, Framed, list[Framed]]] = []
    certain_of: dict[int, Framed] = {}  # a share's whole its own words name (占全球), by the share's index
    share_sents: set[int] = set()
    for k, c in enumerate(fs):
        t = c.tok
        if t.bound:
            continue
        if k == 0:
            if (chk := stated_change(sec, c, None, False)) is not None:
                out.append(chk)
            continue
        b = fs[k - 1]
        same_sentence = b.tok.sent == t.sent and not _STOP.search(c.lead)
        # ---- "归母净利率同比+1.7pct至9.0%": a change written before the level it leads to
        nxt = fs[k + 1] if k + 1 < len(fs) else None
        if nxt is not None and nxt.tok.sent == t.sent and is_points(t) and _TO_LEVEL.match(c.after) \
                and _YOY.search(c.lead) and nxt.tok.fig.kind == FigureKind.PERCENT and TO_ONLY.match(nxt.lead):
            to_level = replace(nxt, lead=c.lead + nxt.lead)
            derived = _derived_margin_change(sec, fs, to_level, c)
            mm = margin_named(to_level.lead)
            # the level is written too: the profit and revenue the change is derived from must give it
            # (cfr551: 23Q1's margin is not 3.62 亿元 over a segment's 8.5 亿元)
            fit = margin(sec, fs, to_level, mm) if mm and derived is not None else []
            if derived is not None and not (fit and fit[0].verdict == "consistent" and fit[0].inputs == derived.inputs[::2]):
                derived = None
            derived = derived or _derived_share_change(sec, fs, to_level, c)
            chk = derived if derived is not None else stated_change(sec, c, None, False)
            if chk is not None:
                out.append(chk)
            continue
        if TO_ONLY.match(c.lead) and is_points(b.tok) and b.tok.sent == t.sent \
                and (_YOY.search(b.lead) or _CHANGE_VERB.search(b.lead)):
            # the level of "…净利率同比+1.7pct至9.0%" (or "净利率下降0.38pct至9.43%", cfb169) is
            # named before its change
            c = replace(c, lead=b.lead + c.lead, metric=b.metric)
        # ---- growth or change against an earlier level: "B，同比增长C" / "B，较上年A回落C"
        # "均价 6609 元/吨，较 7 月 3 日下调 96 元/吨，跌幅 1.4%": the rate of a stated change
        if (k >= 2 and same_sentence and fs[k - 2].tok.sent == t.sent and t.fig.kind == FigureKind.PERCENT
                and _change_unit_fits(b.tok, fs[k - 2].tok) and b.tok.fig.kind in LEVEL_KINDS
                and (am := _AMOUNT_CHANGE.search(b.lead)) and (_RATE_OF_CHANGE.match(c.lead) or (
                    (rb := _RATE_ON_BASIS.match(c.lead)) is not None
                    and (_basis_word(am.group(0)) == rb.group(1).lstrip("比较")
                         # a year-end balance's year of additions over the year before's end is its 同比
                         or _basis_word(am.group(0)) == "上年末" and rb.group(1) == "同比"
                         and any(_YEAR_END.search(r) for r in sec.raw[:t.sent + 1]))))):
            level, d = fs[k - 2].tok, signed_level(b)
            before = level.interval() - d
            if before.lo > 0 and not level.bound and not b.tok.bound:
                # the direction is in the change's verb; 跌幅/降幅 states a magnitude
                out.append(judge(sec, "growth", t, [level, b.tok], [
                    (f"{signed_text(b)} / ({level.text} - ({signed_text(b)})) = {t.text}",
                     (d / before).scale(100))]))
                continue
        # "本周平均价格为 11398 元 / 吨，较上周平均价格 11480 元 / 吨下跌 82 元 / 吨，跌幅约为 0.71%": the rate of a
        # stated change over the earlier level written after 较
        if (k >= 3 and same_sentence and fs[k - 2].tok.sent == t.sent and fs[k - 3].tok.sent == t.sent
                and t.fig.kind == FigureKind.PERCENT and b.tok.fig.kind in LEVEL_KINDS
                and _change_unit_fits(b.tok, fs[k - 2].tok) and fs[k - 2].tok.cunit == fs[k - 3].tok.cunit
                and _VERB_ONLY_AMOUNT.match(b.lead) and _RATE_OF_CHANGE.match(_APPROX_RATE.sub("", c.lead))
                and (wb := WRITTEN_BEFORE.search(fs[k - 2].lead)) is not None and not ANY_VERB.search(wb.group(0))):
            base_tok, d = fs[k - 2].tok, b.tok.interval()
            now = fs[k - 3].tok.interval()
            if base_tok.interval().lo > 0 and not base_tok.bound and not b.tok.bound \
                    and (now - base_tok.interval()).abs().overlaps(d):
                out.append(judge(sec, "growth", t, [base_tok, b.tok], [
                    (f"{b.tok.text} / {base_tok.text} = {t.text}", (d / base_tok.interval()).scale(100))]))
                continue
        # the level before the earlier one; a level closed in a bracket before 较 is a part of the
        # subject, and the subject is the level the bracket follows ("产能7.5GW（其中…多晶电池1.5GW），
        # 相较于2018年末的5GW提升50%": 7.5GW grew, not 1.5GW)
        # (a bracket opened and closed in the base's own words is an aside: "比上上周同期(10月22日)的")
        level_at = _before_bracket(sec, fs, k - 2) if k >= 2 and _CLOSED.search(_OWN_ASIDE.sub("", b.lead)) else k - 2
        # "均价为11.25元/公斤，比上上周…的9.80元/公斤上涨了14.80%，比上月同期…的9.32元/公斤上涨20.71%": each
        # comparison of a chain is of the level that opens it
        while level_at >= 2 and same_sentence and fs[level_at].tok.sent == t.sent \
                and fs[level_at].tok.fig.kind == FigureKind.PERCENT and VERB_ONLY.match(_ASIDE.sub("", fs[level_at].lead)) \
                and fs[level_at - 1].tok.sent == t.sent and fs[level_at - 1].tok.cunit == b.tok.cunit \
                and WRITTEN_BEFORE.search(fs[level_at - 1].lead) and WRITTEN_BEFORE.search(b.lead):
            level_at -= 2
        # "橡胶指数为778点，较昨日上升了2点，较…最高点1129点下降了31.09%": an amount the level moved by
        # against a base named in words opens no comparison; the level before it does
        if level_at >= 1 and same_sentence and fs[level_at].tok.sent == t.sent == fs[level_at - 1].tok.sent \
                and _WORDED_BASE_MOVE.search(fs[level_at].lead) and fs[level_at].tok.cunit == fs[level_at - 1].tok.cunit \
                and fs[level_at - 1].tok.cunit == b.tok.cunit:
            level_at -= 1
        # ("较上一周均价（3595.25）下跌 2.06%", "较 2024 年展会最高功率（720W）提升 9.8%": the earlier level
        # in a bracket after its name, a bare number there in the level's unit)
        bracketed = _OPEN_END.search(b.lead) is not None and _CLOSE_VERB.match(c.lead) is not None
        written = (level_at >= 0 and same_sentence and fs[level_at].tok.sent == t.sent
                   and (before_m := WRITTEN_BEFORE.search(b.lead))
                   and not ANY_VERB.search(before_m.group(0))
                   and (VERB_ONLY.match(_ASIDE.sub("", c.lead)) or bracketed)
                   and (b.tok.cunit == fs[level_at].tok.cunit or bracketed and _bare_alike(b.tok, fs[level_at].tok))
                   and not _STOP.search(b.lead))
        if written or (same_sentence and _YOY.search(c.lead)):
            # "较 2024H1 的 - 3.73 亿元增长 56.78 亿元": an amount changed from an earlier level written
            # after 较 is this level minus that one, as a change in points is
            amount = t.cunit == b.tok.cunit and t.fig.kind in LEVEL_KINDS
            if amount and not written and _BASE_THEN_VERB.match(c.after) \
                    and (yoy := _YOY.search(c.lead)) is not None and not _ANY_MOVE.search(yoy.group(0)):
                continue  # "营收936.57亿元，较上年同期1184.24亿元下降20.9%": the base, not a change
            if t.fig.kind not in (FigureKind.PERCENT, FigureKind.POINTS) and not amount:
                if (chk := stated_change(sec, c, None, False)) is not None:
                    out.append(chk)
                continue
            a_written = None
            if written:
                a_written, b = b, fs[level_at]  # "降至B，较上年A回落C": the earlier level is written
            elif (k >= 2 and _YOY.search(b.lead) and b.tok.fig.kind == t.fig.kind
                  and fs[k - 2].tok.sent == t.sent and not _STOP.search(b.lead)):
                b = fs[k - 2]  # "B，同比下降 C1，环比下降 C2": both changes are of the level B
            level = b.tok
            if "分别" in c.lead and k >= 2 and fs[k - 2].tok.sent == t.sent and fs[k - 2].tok.cunit == level.cunit \
                    and _LIST_ITEM.match(b.lead):
                # "新开工 1,200 万方、竣工 650 万方，分别同比 -3%、+28%" (cfr257): the first growth of a list
                # is the first level's, not the last one's before it (list_changes pairs them by position)
                if (chk := stated_change(sec, c, None, False)) is not None:
                    out.append(chk)
                continue
            if is_points(t) and level.fig.kind == FigureKind.PERCENT:
                kind = "change"
            elif t.fig.kind == FigureKind.PERCENT and level.fig.kind in LEVEL_KINDS:
                kind = "growth"
            elif amount:
                kind = "change"  # "新增 5300 亿元（同比 -2100 亿）": this level minus last year's
            elif t.fig.kind == FigureKind.PERCENT and level.fig.kind == FigureKind.PERCENT and not a_written \
                    and (derived := _derived_margin_change(sec, fs, b, c, relative=True)) is not None:
                # "净利率为5.8%，同比下滑1.5%" (cfr166): a margin's change written in % is in points or
                # relative to last year's margin; its inputs' growths settle which fits
                out.append(derived)
                continue
            else:
                # "合同负债同比下滑 2.5%，销售收现同比下滑 3.2%": the level is not this one's
                if (chk := stated_change(sec, c, None, False)) is not None:
                    out.append(chk)
                continue
            if not a_written and by_unit is None:
                by_unit = {}
                for x in fs:
                    by_unit.setdefault(x.tok.cunit, []).append(x)
            cands = [a_written] if a_written else _candidates(by_unit or {}, c, b)
            nb = fs[k + 1] if k + 1 < len(fs) else None
            if not cands and nb is not None and nb.tok.sent == t.sent and nb.tok.cunit == level.cunit \
                    and not nb.tok.bound and _BASE_AFTER.match(nb.lead) and re.match(r"^\s*[）)]", nb.after):
                # "116 亿元，同比 + 777.5%（24Q1 为 13 亿元）", "同比 + 127.58 亿元（2024Q1 为 - 17.12 亿元）": the
                # earlier level in the bracket right after the growth, named by its period
                a_written = nb
                cands = [nb]
            derived = (_derived_margin_change(sec, fs, b, c) or _derived_share_change(sec, fs, b, c)) \
                if not cands and kind == "change" else None
            if derived is not None:
                out.append(derived)
                continue
            if not cands:
                out.append(unverifiable(sec, kind, t, [level], f"{level.text} vs (earlier level) : {t.text}",
                                        "the earlier level is not stated"))
                continue
            readings = []
            for a in cands:
                ia, ib = a.tok.interval(), level.interval()
                if kind in ("growth", "change") and (a.tok.fig.scale or 1) != (level.fig.scale or 1) \
                        and ia.lo > 0 and not 0.02 < (ib / ia).mid < 50:
                    # "5.15 万元 / 吨，较…4.90 元 / 吨上涨 5.10%", "成交10802亿元，比上一个交易日的10108元增加了
                    # 694亿元": a unit slip, not a growth or a change
                    continue
                if kind == "change":
                    shown = f"({a.tok.text})" if a.tok.text.lstrip()[:1] in "-−－" else a.tok.text
                    readings.append((f"{level.text} - {shown} = {t.text}", ib - ia))
                elif ia.lo > 0:
                    readings.append((f"({level.text}/{a.tok.text} - 1) = {t.text}",
                                     (ib / ia - Interval(1, 1)).scale(100)))
            if not readings:
                continue
            chk = judge_signed(sec, kind, c, [cands[0].tok, level], readings)
            if not a_written and (len(cands) > 1 or not _certain(cands[0], b)):
                chk = hedge(sec, chk, "the earlier level found by its frame is not certain")
            out.append(chk)
            continue
        # ---- a margin: 净利率 C = profit / revenue of the same period
        mm = margin_named(c.lead) if t.fig.kind == FigureKind.PERCENT else None
        mm = mm or (_dash_margin(c, b) if t.fig.kind == FigureKind.PERCENT else None)
        listed = None
        if mm is None and t.fig.kind == FigureKind.PERCENT:
            mm = listed = _listed_margin(fs, k)
        # "净利率由 4.8% 降至…", "净利率从上年同期10.5%升至12.0%": the earlier level of a change, not this
        # period's margin
        if mm and not _YOY.search(c.lead) and not _FROM_EARLIER.search(c.lead):
            # (a later value of a list is judged when its inputs settle it, else left as before)
            out.extend(chk for chk in margin(sec, fs, c, mm) if listed is None or chk.verdict != "unverifiable")
            continue
        # ---- a share: "N（占比 P）", "占全年 D 的 P", "占比 P（N）"
        # a list of shares goes on without the word: "中期票据占比 58%（377 亿元），公司债 22%（143 亿元）"
        # (and "中东 46GWh（占比 35%）、澳洲 30GWh（23%）")
        in_list = (t.sent in share_sents and (re.match(r"^\s*[（(]", c.after) or re.match(r"^\s*[（(]\s*$", c.lead))
                   and not re.search(r"[同环]比|增|降|[+\-]\s*$", c.lead) and not _SIGNED.match(t.text))
        # "河北 4.49 亿吨（同比 - 1.5%，占比 12.12%），山东 7.13 亿吨（+5.2%，19.25%）"
        in_list = in_list or (t.sent in share_sents and k >= 2 and same_sentence
                              and _growth_then_share(sec, fs[k - 2], c, bare=True) is not None)
        # "2021年达267万吨，其中31%（82.8万吨）来自中国": a percent right after 其中 with its part in a bracket
        in_list = in_list or (_PARTS_OPEN.search(c.lead) is not None and k + 1 < len(fs) and fs[k + 1].tok.sent == t.sent
                              and re.match(r"^\s*[（(]", c.after) is not None)
        # "…1800.00万股，占…股本总额30404.70万股的5.92%": the whole written inside 占…的
        of_whole = same_sentence and _OF_WHOLE.fullmatch(c.lead) is not None and "占" in b.lead
        if t.fig.kind == FigureKind.PERCENT and (SHARE_LEAD.search(c.lead) or in_list or of_whole) \
                and not RATE_WORDS.search(last_chars(c.lead, 6)):
            part = None
            whole: list[Framed] = []
            earlier = [x for x in fs[max(0, k - 4):k - 1] if x.tok.sent == t.sent
                       and x.tok.cunit == b.tok.cunit and not x.tok.bound]
            if same_sentence and "占" in fs[k - 1].lead and b.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and earlier and re.search(r"的\s*$", c.lead):
                # "N，同比增长 g，占全年计划 D 的 P"
                part, whole = earlier[-1], [b]
            elif same_sentence and b.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and _SHARE_ADJ.match(c.lead):
                part = b
            elif same_sentence and b.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and (nm := _SHARE_NAMED.match(c.lead)) is not None:
                # "中国储量 780 万吨，占全球 45.88%" after "全球钼矿探明储量约 1700 万吨": the whole is the
                # one larger level of the section whose words name it (else no share is read here)
                part = b
                # (in the part's own sentence, or in the sentence its 其中 opens after; of the part's measure:
                # not another company's 总股本 in the sentence before, nor the world's 储量 for a 产量)
                named_whole = [w for w in fs[:b.index] if w.tok.cunit == b.tok.cunit and not w.tok.bound
                               and nm.group("name") in w.lead and w.tok.interval().lo > b.tok.interval().hi
                               and (w.tok.sent == b.tok.sent or w.tok.sent == b.tok.sent - 1
                                    and _opens_with_parts(sec, b.tok.sent))
                               and common_metric(w.metric, b.metric)]
                if len(named_whole) == 1:
                    whole = named_whole
                    certain_of[c.index] = named_whole[0]
                else:
                    # no whole written: the level stays free to be another share's whole ("中国奶牛存栏量…
                    # （1200 万头，占全球 5%）" is the whole of "内蒙古…存栏占比 14%（168 万头）", last 129)
                    part = None
            elif same_sentence and (growth_first := _growth_then_share(sec, fs[k - 1], c)
                                    or k >= 2 and _growth_then_share(sec, fs[k - 2], c, bare=in_list)):
                part = growth_first  # "三星出货 5750 万部（同比增 7%，占比 20%）", "（同比持平，占比 15%）"
            elif k + 1 < len(fs) and fs[k + 1].tok.sent == t.sent and re.match(r"^\s*[（(]", c.after) \
                    and fs[k + 1].tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
                part = fs[k + 1]  # "占比 60%（1.08 万亿元）"
            elif k + 1 < len(fs) and fs[k + 1].tok.sent == t.sent and _PART_AFTER.match(c.after) \
                    and fs[k + 1].tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and _PART_AFTER.fullmatch(sec.raw[t.sent][t.fig.end:fs[k + 1].tok.fig.start]) \
                    and re.match(r"\s*(?:[，,。；;]|$)", sec.raw[t.sent][fs[k + 1].tok.fig.end:]):
                part = fs[k + 1]  # "其中新能源占比达到35%，约100万辆": the part is the whole next clause
            if part is None or re.search("合计|合共|共|二者|两者|三者|分别", c.lead):
                if (chk := _sum_share(sec, fs, c)) is not None:
                    out.append(chk)
                continue
            # "分别获 18 台、16 台、8 台、4 台，占比 39%、35%…" pairs lists by position, and
            # "净增 3771 万个，占比 96.7%" is a share of the level, not of the increase
            if re.match(r"^\s*[、/]\s*[-+]?\d", c.after) or re.search(
                    r"净增|新增|增加|减少|同比|环比|较", part.lead):
                continue
            share_sents.add(t.sent)
            if not whole:
                whole = [w for w in fs if w is not part and w.tok.cunit == part.tok.cunit
                         and w.index < part.index and w.tok.interval().lo > part.tok.interval().hi
                         and not w.tok.bound]
            shares.append((c, part, whole))
            continue
        # ---- "新材料指数跌幅 5.28%，跑输创业板指 2.83%。同期…创业板指 - 2.45%" (841): a gap in % after the
        # benchmark's name, its return written after it in the paragraph (before it, named_returns reads it)
        if t.fig.kind == FigureKind.PERCENT and same_sentence and (bm := _BEAT_PCT.search(c.lead)) is not None \
                and b.tok.cunit == ("percent", "%") and not b.tok.bound and not is_points(b.tok) \
                and (bench := _named_return_after(fs[k + 1:], c, bm.group(1))) is not None:
            out.append(judge(sec, "difference", t, [bench.tok, b.tok], [
                (f"({signed_text(x)}) - ({signed_text(y)}) = {t.text}", signed_level(x) - signed_level(y))
                for x, y in ((b, bench), (bench, b))]))
            continue
        # ---- a gap: "跑赢沪深300指数 3.44 个百分点" between two returns of the section
        # a percent after 高于/低于 is a level compared with, not a gap; points are a gap
        if (is_points(t) or t.fig.kind == FigureKind.PERCENT and _GAP_PCT.search(c.lead)) \
                and _GAP_LEAD.search(c.lead) and not _YOY.search(c.lead):
            levels = []
            for x in reversed(fs[:k]):
                if x.tok.sent != t.sent or is_points(x.tok) or x.tok.cunit != ("percent", "%"):
                    break
                if not x.tok.bound and not SHARE_LEAD.search(x.lead):
                    levels.append(x)
            levels.reverse()
            if levels and is_points(t) and (avg := _average_level(fs[:k], c, levels[-1])) is not None:
                # "行业平均毛利率 15%。…毛利率达 22%，高于行业均值 7 个百分点" (ay46 29): the level nearest before the
                # gap against the average its words name, written earlier in the section
                x = levels[-1]
                out.append(judge(sec, "difference", t, [avg.tok, x.tok],
                                 [(f"{signed_text(x)} - {signed_text(avg)} = {t.text}", signed_level(x) - signed_level(avg))]))
                continue
            if len(levels) == 1 and is_points(t):
                bench = _benchmark_level(fs[:k], c, levels[0])
                if bench is not None:
                    x, y = levels[0], bench
                    readings = [(f"{signed_text(a)} - {signed_text(b)} = {t.text}", signed_level(a) - signed_level(b))
                                for a, b in ((x, y), (y, x))]
                    out.append(judge(sec, "difference", t, [y.tok, x.tok], readings))
                    continue
            if len(levels) < 2:
                if is_points(t):
                    out.append(unverifiable(sec, "difference", t, [], f"(level) - (level) = {t.text}",
                                            "one of the two levels is not stated"))
                continue
            # "上涨 2.25%，…下跌 1.80%，超额收益 4.05 个百分点": a level takes its verb's sign
            readings = [(f"{signed_text(x)} - {signed_text(y)} = {t.text}", signed_level(x) - signed_level(y))
                        for x in levels for y in levels if x is not y]
            chk = judge(sec, "difference", t, [levels[-2].tok, levels[-1].tok], readings)
            if len(levels) > 2:
                chk = hedge(sec, chk, f"{len(levels)} levels line up")
            elif not _STRONG_GAP.search(c.lead) or _spans(levels[0].lead) != _spans(levels[1].lead):
                # "毛利率 22%，高于行业均值 7 个百分点"; "当周上涨…，年初至今下跌…，跑输…": the
                # levels written need not be the two compared
                chk = hedge(sec, chk, "the two levels compared are not certain")
            out.append(chk)
            continue
        # ---- a total: "…46.6 万亿，…69.6 万亿，合计 116 万亿"
        if _ALL_LEAD.search(c.lead) and t.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
            parts = [x.tok for x in fs[max(0, k - 8):k] if x.tok.sent == t.sent
                     and x.tok.cunit == t.cunit and not x.tok.bound]
            total = sum_check(sec, parts, t, "合计")
            if total and total.verdict == "inconsistent" and total.computed_high is not None \
                    and total.computed_high < t.interval().lo and _NOT_ALL.search(sec.raw[t.sent][:t.fig.start]):
                # "主要包括委托投资收益 412.67 万元，…，其他营业外收入 570.88 万元等，合计 880.99 万元"
                # (cfb469): the items named are not all of the total, which may exceed their sum
                total = hedge(sec, total, "the items named are not all of the total (等)")
            if total and total.verdict == "inconsistent" and any(x.interval().lo > 1.5 * t.interval().hi > 0 for x in parts):
                # "合计完成42万个定制化合物，…新增583个分子，总计2819个": a figure half as large again as
                # the total is no part of it (the total counts the molecules, not the compounds)
                total = hedge(sec, total, "a part is larger than the total")
            if total:
                out.append(total)
            continue
        # ---- "渗透率达 47.9%，较 2024 年提升 7 个百分点": a change over the year before named by its year
        if same_sentence and is_points(t) and _over_year_before(c, b) and (derived := (
                _derived_margin_change(sec, fs, b, c) or _derived_share_change(sec, fs, b, c))) is not None:
            out.append(derived)
            continue
        # ---- a stated change or growth whose earlier level is nowhere: counted, not judged
        chk = stated_change(sec, c, b, same_sentence)
        if chk is not None:
            out.append(chk)
    found = _find_parts(sec, fs) + _named_totals(sec, fs) + _list_parts(sec, fs) + _metric_parts(sec, fs) \
        + _unit_prices(sec, fs) + _breakdown_parts(sec, fs)
    # a total's growth derived from its 其中-parts replaces the count of it as unverifiable
    settled = {(c.sentence_id, c.stated) for c in found if c.verdict != "unverifiable"}
    out = [c for c in out if c.verdict != "unverifiable" or (c.sentence_id, c.stated) not in settled]
    out.extend(found)
    out.extend(_judge_shares(sec, shares, fs, certain_of))
    return out


# an amount after 较上年同期 that a verb follows is the base the level moved from, not the move
_BASE_THEN_VERB = re.compile(f"^\\s*(?:的)?\\s*(?:{UP}|{DOWN})")
_ANY_MOVE = re.compile(f"{UP}|{DOWN}|多|少|[+\\-−－]")
_AMOUNT_DELTA = re.compile(
    r"(?:同比|环比|较(?:上年|去年|上月|上季度?|同期|\s*(?:19|20)?\d{2}\s*年(?:同期)?))\s*"
    r"(?:多增|少增|多减|少减|增加|减少|净增|[+\-−－])\s*(?:了|约)?\s*$")
_LIST_NEXT = re.compile(r"^\s*[、/]\s*[+\-−－]?\s*$")
_LIST_ITEMS = re.compile(r"(?:[+\-−－]?\s*\d[\d.,]*\s*(?:(?:个\s*)?(?:pct|ppt|pp)|bps?|BP|个百分点|%|％|倍)?\s*[、/]\s*)+[+\-−－]?\s*$")
_VERB_THEN_TO = re.compile(f"(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")


def _change_unit_fits(change: Tok, level: Tok) -> bool:
    """A change is in its level's unit; a bare 亿 after an amount of money is of that money
    ("规模147亿，较年初下降16亿（下降9.8%）": the reader took 147亿 for money by its words)."""
    return change.cunit == level.cunit or change.cunit == ("quantity", "") and level.cunit[0] == "money"


def stated_change(sec: Para, c: Framed, b: Framed | None, same_sentence: bool) -> Check | None:
    """A stated change or growth whose earlier level is nowhere: counted unverifiable, not judged
    ("同比下降 9.9% 至 134.6 亿元", "涨0.8%至68.3美元/桶", "增速较 1-6 月扩大 0.2 个百分点",
    "营收 125.35 亿美元（+1%）"). A supposed or per-unit effect ("每提高1个百分点…将下降0.6个
    百分点") is not a change."""
    t = c.tok
    raw = sec.raw[t.sent]
    if t.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and _AMOUNT_DELTA.search(c.lead):
        # "同比多增 2271 亿元", "（同比 +2367 亿）", "较 2024 年增加 1500 亿元"
        return unverifiable(sec, "change", t, [], f"(level) - (earlier level) = {t.text}",
                            "the earlier level is not stated")
    if t.fig.kind not in (FigureKind.PERCENT, FigureKind.POINTS):
        return None
    if _SUPPOSED.search(raw, 0, t.fig.start):
        return None
    # the clause before the figure, dates included ("较 1-6 月扩大" is cut by the date in c.lead)
    clause = raw[sec.clause_start(t.sent, t.fig.start):t.fig.start]
    if _LIST_NEXT.match(c.lead):
        # "较期初分别变动 0.43pct、0.61pct": a later item of a list of changes
        clause = _LIST_ITEMS.sub("", clause)
    if not (_CHANGE_LEAD_ANY.search(c.lead) or _CHANGE_LEAD_ANY.search(clause)
            or (_VERB_THEN_TO.search(c.lead) and re.match(r"^\s*(?:至|到)", c.after))
            or (b is not None and t.fig.kind == FigureKind.PERCENT and same_sentence
                and b.tok.fig.kind in LEVEL_KINDS and _BRACKET_SIGN.match(c.lead))):
        return None
    kind = "change" if is_points(t) else "growth"
    return unverifiable(sec, kind, t, [], f"(level) vs (earlier level) : {t.text}",
                        "the earlier level is not stated")


def _same_period(a: str, b: str) -> bool:
    """One period however written ("25Q1", "2025Q1", "2025 年一季度")."""
    if a == b:
        return True
    ka = period_key(a) if a else None
    return ka is not None and ka == period_key(b)


_BASIS_ONLY = re.compile(r"(?:归母|扣非)$")


# a measure per unit of volume is no amount a margin is of: "吨毛利38.78元" (cfb438) is per ton,
# though it is written in 元 as the company's 营收 35.45 亿元 is
PER_UNIT = re.compile(r"吨|单位|单车|单台|单件|单店|单箱|单票|单客|单瓶|每|人均|单价|均价")


# a profit adjusted in its sentence ("剔除制剂+CGT业务影响，归母净利润4.30亿元"): not the reported one a
# margin is of (扣除非经常性损益 names the 扣非 basis, which the metric tells)
_ADJUSTED = re.compile(r"(?:剔除|不考虑|不含|扣除(?!非经常))[^。；;]*(?:后|影响)[^。；;]*$")


def _margin_inputs(fs: list[Framed], c: Framed, mm: re.Match[str], raw: list[str]) -> tuple[list[Framed], list[Framed]]:
    net = mm.group(4) == "净"

    def adjusted(x: Framed) -> bool:
        return bool(_ADJUSTED.search(raw[x.tok.sent], 0, x.tok.fig.start))

    def is_num(x: Framed) -> bool:
        m = x.metric
        if x.tok.fig.kind != FigureKind.MONEY or not _same_period(x.period, c.period) or x.tok.bound or "率" in m \
                or PER_UNIT.search(m) or adjusted(x) != adjusted(c):
            return False
        if net:
            # "归母 13.69 亿元", "扣非 12.08 亿元": company research names the profit by its basis alone
            # ("实现扣非后归属母公司股东净利润 5543.0 万元" frames as "非后归属…": the 扣 went to the verb before)
            return ("净利" in m or bool(_BASIS_ONLY.search(m))) and ("扣非" in m or m.startswith("非后")) == bool(mm.group(1))
        return "毛利" in m

    def is_den(x: Framed) -> bool:
        # a project's 可售货值 is its revenue (625: 毛利润 160 亿元 of 货值 372 亿元, 毛利率 42.9%)
        return (x.tok.fig.kind == FigureKind.MONEY and _same_period(x.period, c.period) and not x.tok.bound
                and bool(re.search("收入|营收|货值|销售额", x.metric)) and "利" not in x.metric
                and not PER_UNIT.search(x.metric))

    # the profit and revenue of the margin's own topic first, then of its section
    for pool in ([x for x in fs if x.topic == c.topic], fs):
        nums, dens = [x for x in pool if is_num(x)], [x for x in pool if is_den(x)]
        if _plain(c.metric):
            # (a margin that names no segment is not over a revenue written under a segment's label)
            dens = [x for x in dens if not SEGMENT_LABEL.search(x.lead)]
        if nums and dens:
            return nums, dens
    return [], []


# what a metric says besides its measure: a segment (木门, 黄金板块) or nothing but the company
_GENERIC = re.compile(r"公司|实现|全年|营业|总|合计|整体|扣非|扣除非经常性损益|后|归母|归属于?母公司|销售|综合|\s")
_MEASURE = re.compile(r"(?:营业总?收入|营收|收入|销售额|货值|净利润?|毛利润?|净利润?率|毛利润?率)$")


def _plain(metric: str) -> bool:
    # ("公司归母净利润率降低4.24个百分点至3.99%": the verb of the change before a level is no segment)
    return not _GENERIC.sub("", _MEASURE.sub("", _VERB_END.sub("", metric)))


_FROM_EARLIER = re.compile(r"(?:由|从)\s*(?:上年同期|去年同期|上年|去年|上期|同期)?\s*(?:的)?\s*$")


def _company_first(pool: list[Framed], c: Framed) -> list[Framed]:
    """A company's margin is over the company's revenue: when the margin names no segment and some
    revenue names none either, the segments' revenues are left out (cfb244: 归母净利率 14.27% is
    over 营业收入 83.53 亿元, not over 木门收入 2.92 亿元, the last revenue written)."""
    plain = [x for x in pool if _plain(x.metric) and not SEGMENT_LABEL.search(x.lead)]
    return plain if plain and _plain(c.metric) else pool


_WHOLE_YEAR = re.compile(r"全年|年度")
_WHOLE_YEAR_LEAD = re.compile(r"全年(?!度)")
_PART_OF_YEAR = re.compile(r"Q[1-4]|H[12]|季度|半年|单季|\d\s*月")


def _in_year(fs: list[Framed], c: Framed) -> Framed:
    """A rate its words make the whole year's ("全年净利率") framed by the last year written before
    it, when the frames carried a quarter or a half as its period; else `c` itself."""
    if not _WHOLE_YEAR.search(last_chars(c.lead, 12)) or _is_year(c):
        return c
    year = next((x for x in reversed(fs[:c.index]) if _is_year(x)), None)
    return replace(c, period=year.period) if year is not None else c


def _is_year(x: Framed) -> bool:
    key = period_key(x.period) if x.period else None
    return key is not None and key[1] == "Y"


def _only_of_its_period(c: Framed, n0: Framed, d0: Framed, nums: list[Framed], dens: list[Framed]) -> bool:
    """"22Q4净利率为4.3%" a paragraph after "22Q4实现总营收293.1亿，…归母净利13.7亿" (cfb559): the margin
    writes its period, and the profit and revenue are the only ones of that period and measure."""
    key = period_key(c.period)
    if key is None or period_key(n0.period) != key or period_key(d0.period) != key:
        return False
    # (a segment's revenue of the period, "液体乳收入 208.2 亿", names another measure)
    return len({x.tok.text for x in nums if period_key(x.period) == key and x.metric == n0.metric}) == 1 \
        and len({x.tok.text for x in dens if period_key(x.period) == key and x.metric == d0.metric}) == 1


def _whole_year_vs_part(c: Framed, inputs: tuple[Framed, ...]) -> bool:
    """"公司全年净利率30.23%" after "单Q4：收入15.51亿元…": a margin its words make the year's, with inputs
    of a quarter carried as the period (a 全年 names no year, so the frames keep the quarter)."""
    return bool(_WHOLE_YEAR.search(last_chars(c.lead, 12))) and any(_PART_OF_YEAR.search(x.period) for x in inputs)


# a list that says it is not all of its total: "主要包括 A、B 等，合计 C"
_NOT_ALL = re.compile(r"等\s*[，,]?\s*(?:合计|共计|总计)\s*(?:为|达|约)?\s*$|(?:主要|其中)(?:包括|包含|有|为)[^。；;]*$")
# words of cause before a margin name no segment: "从而影响净利率", "带动净利率"
_CAUSE = re.compile(r"从而|因此|进而|最终|影响|使得|使|导致|带动|拖累|推动|受益于|受")
# the rest item of a breakdown: "其他补贴收入", "其它收入", "其余", "剩余"
_REST_WORD = r"(?:其[他它余]|剩余)"
_REST_ITEM = re.compile("^" + _REST_WORD)
_CHANGE_VERB = re.compile(r"(?:提升|提高|增加|上升|上行|下降|下滑|减少|回落|下行|收窄|扩大|降低|改善)\s*(?:了|约)?\s*$")
_PART_NAMED = re.compile(r"其中([^，,；;。]*)")
# what may stand between 其中 and a margin of the company's own ("其中22Q2", "其中单季度公司")
_PERIOD_WORDS = re.compile(r"[\s\d年度季月半上下全单H QＱ（）()、]|公司|整体|合计|累计|同比|环比|期间|实现|毛利率|净利率|利率")
_ITEM_NUMBER = re.compile(r"^\s*[（(]?([1-9])[）)、.]")


def _names_part(text: str) -> bool:
    """Whether the text names a part after 其中 (a name, not only a period: "其中空刻（厨房阿芬）…")."""
    part = _PART_NAMED.search(text)
    return part is not None and len(_PERIOD_WORDS.sub("", part.group(1))) >= 2


def _after_part(sec: Para, x: Framed) -> bool:
    """A figure written after 其中 and a name in its sentence (a part's, not the whole's)."""
    return _names_part(sec.raw[x.tok.sent][:x.tok.fig.start])


def _item_of(sec: Para, sent: int) -> str:
    """The numbered item ("1）", "2）") a sentence stands in: the last opened at or before it in its
    paragraph; "" when none is."""
    paragraph = sec.sentences[sent].paragraph
    for i in range(sent, -1, -1):
        if sec.sentences[i].paragraph != paragraph:
            break
        if m := _ITEM_NUMBER.match(sec.raw[i]):
            return m.group(1)
    return ""


_LOSS_AFTER = re.compile(r"[^。；;]{0,30}?(?:由盈转亏|转为亏损|扭盈为亏|亏损)")


def _plain_net(mm: re.Match[str]) -> bool:
    return mm.group(4) == "净" and not mm.group(2) and not mm.group(3)


def _other_basis(sec: Para, mm: re.Match[str], n: Framed) -> bool:
    """A margin on total profit against a 归母 profit: 销售净利率, or a plain 净利率 (260: "归母净利润
    1292.96 亿元…净利率 3.66%") unless a plain 净利率 of the article fits its own 归母 profit and
    revenue (16 writes its sectors' 净利率 on 归母 profit: `mark_margin_basis`)."""
    if "归母" not in n.metric or not (mm.group(3) or _plain_net(mm)):
        return False
    return bool(mm.group(3)) or not sec.parent_basis


def mark_margin_basis(secs: list[Para], *, one_subject: bool = False, sector: bool = False) -> None:
    """Mark an article's sections when one of its plain 净利率 fits the 归母 profit and revenue
    before it: the article writes its margins on 归母 profit, so a 净利率 that misses its 归母
    inputs is an error, not another basis. `one_subject`: the article is one company's (its
    paragraphs are not new subjects); `sector`: it is about companies taken together."""
    found = any(_fits_parent_basis(sec, fs, x) for sec in secs if "净利率" in "".join(sec.raw)
                for fs in (framed_once(sec),) for x in fs)
    for sec in secs:
        sec.parent_basis = found
        sec.one_subject = one_subject
        sec.sector = sector


def _fits_parent_basis(sec: Para, fs: list[Framed], x: Framed) -> bool:
    if x.tok.fig.kind != FigureKind.PERCENT or _YOY.search(x.lead):
        return False
    mm = MARGIN.search(last_chars(x.lead, 10))
    if mm is None or not _plain_net(mm):
        return False
    nums, dens = _margin_inputs(fs, x, mm, sec.raw)
    before = [n for n in nums if n.index < x.index], [d for d in dens if d.index < x.index]
    if not before[0] or not before[1]:
        return False
    n, d = before[0][-1], before[1][-1]
    return "归母" in n.metric and n.tok.cunit == d.tok.cunit and d.tok.interval().lo > 0 and \
        x.tok.interval(result=True).overlaps((n.tok.interval() / d.tok.interval()).scale(100))


def margin(sec: Para, fs: list[Framed], c: Framed, mm: re.Match[str]) -> list[Check]:
    t = c.tok
    nums, dens = _margin_inputs(fs, c, mm, sec.raw)
    # "公司全年净利率30.23%": the year's profit and revenue, wherever the frames carried a quarter
    year = _in_year(fs, c)
    if nums and dens and year is not c:
        nums, dens = _margin_inputs(fs, year, mm, sec.raw)
    if not nums or not dens:
        return [unverifiable(sec, "ratio", t, [], f"(profit)/(revenue) = {t.text}",
                             "the profit or the revenue of that period is not stated")]
    # the nearest profit and revenue before the margin are the ones it is computed from; other
    # pairs of the same period may only show that the text is ambiguous
    def near(pool: list[Framed]) -> Framed:
        before = [x for x in pool if x.index < c.index]
        return before[-1] if before else pool[0]

    # "其中核心业务精准定位装备平稳增长，实现营收 9.24亿元" (cfb018): a part's revenue named after 其中 is
    # no denominator of a margin that names no part, while the company's is written
    firsts = _company_first(dens, c)
    if not _after_part(sec, c) and (whole := [x for x in firsts if not _after_part(sec, x)]):
        firsts = whole
    n0, d0 = near(nums), near(firsts)
    if n0.tok.cunit != d0.tok.cunit or d0.tok.interval().lo <= 0:
        return []
    if _whole_year_vs_part(c, (n0, d0)):
        return [unverifiable(sec, "ratio", t, [], f"(profit)/(revenue) = {t.text}",
                             "the margin is the year's, the profit and revenue a quarter's")]
    chk = judge(sec, "ratio", t, [n0.tok, d0.tok], [
        (f"{n0.tok.text} / {d0.tok.text} = {t.text}", (n0.tok.interval() / d0.tok.interval()).scale(100))],
        magnitude=False)
    # outside the margin's own paragraph, the profit and revenue are certain only when each is
    # the one of that period in the run of paragraphs the margin stands in, between two headings
    # ("### 3.6 调味品" "1. 业绩表现：…收入…利润" "2. 盈利能力：…净利率")
    # ("净利率" against a 归母 profit may be on total profit: only the same basis is certain)
    if (n0.topic != c.topic or d0.topic != c.topic) and not (
            ("归母" in n0.metric) == bool(mm.group(2))
            and [x for x in nums if x.block == c.block] == [n0] and [x for x in dens if x.block == c.block] == [d0]) \
            and not (sec.one_subject and _only_of_its_period(c, n0, d0, nums, dens)):
        return [hedge(sec, chk, "the profit and revenue are not in the margin's own paragraph")]
    other_basis = _other_basis(sec, mm, n0)
    # "公司化纤产品毛利率 13.6%" against 氨纶's 毛利 and 营收 (cfr050): a margin of one segment over
    # another's figures; a positive margin over a loss (cfr194) is of another pair too
    own = _CAUSE.sub("", _GENERIC.sub("", MARGIN.sub("", c.metric)))
    theirs = [_GENERIC.sub("", _MEASURE.sub("", x.metric)) for x in (n0, d0)]
    if own and any(x and x not in own and own not in x for x in theirs):
        return [hedge(sec, chk, "the margin names another segment than its profit and revenue")]
    if t.interval(result=True).lo > 0 and n0.tok.interval().hi < 0:
        return [hedge(sec, chk, "a positive margin is no ratio of a loss")]
    # "单季度归母净利润为25.95亿元" beside "单三季度实现营收22.16亿元" (cfb343, a lost decimal point): a
    # profit above its revenue makes no margin under 100%; the margin is of other figures
    if n0.tok.interval().lo > d0.tok.interval().hi and t.interval(result=True).hi < 100:
        return [hedge(sec, chk, "the profit is larger than the revenue: no margin of theirs")]
    # "1）电解铜…实现毛利8.9亿；2）…钴产品…毛利率为14.6%" (cfb176): numbered items are facets
    if (item := _item_of(sec, t.sent)) and (other := _item_of(sec, n0.tok.sent)) and item != other \
            and any(x.tok.fig.kind == FigureKind.QUANTITY and x.index < c.index and _item_of(sec, x.tok.sent) == item
                    and sec.sentences[x.tok.sent].paragraph == sec.sentences[t.sent].paragraph for x in fs):
        # (an item that counts a product's output is that product's: "2）…生产钴产品1.35万吨…毛利率为14.6%")
        return [hedge(sec, chk, "the margin and its profit stand in different numbered items")]
    # "其中空刻（厨房阿芬）…盈利相对稳定，全年净利率约5.0%" (cfr542): a part named after 其中
    if _names_part(c.lead[:mm.start()] if mm.string is c.lead else c.lead):
        return [hedge(sec, chk, "the margin is of a part named after 其中")]
    # "…快递业务收入36.47亿元（+21.0%），…，其它收入1.34亿元（+28.8%）。公司实现毛利5.03亿元…，毛利率
    # 7.7%" (cfb086): a company's margin is not over the rest item of a revenue breakdown
    if not own and _REST_ITEM.search(d0.metric):
        return [hedge(sec, chk, "the revenue is the rest item of a breakdown")]
    # "环保业务实现营业收入5781万元…实现净利润1979万元" (cfg455): a company's 净利率 is not a segment's pair
    # written in another sentence (in its own, "C2业务实现营收15.32亿元，毛利5.60亿元，毛利率达36.51%", it is)
    if not own and SEGMENT_NAMED.search(d0.metric) and d0.tok.sent != t.sent:
        return [hedge(sec, chk, "the revenue is a segment's, the margin names none")]
    # "归母净利润 0.46 亿元，同比 - 471.5%（由盈转亏）": a loss written without its sign
    if _LOSS_AFTER.match(sec.raw[n0.tok.sent], n0.tok.fig.end):
        return [hedge(sec, chk, "the profit is a loss written without its sign")]
    # a revenue or profit written only after the margin, in another sentence, is another
    # period's or segment's (cfb562: "23Q1…归母净利率 6.2%" before "22 年消费电子收入 110.1 亿元")
    if any(x.index > c.index and x.tok.sent != t.sent for x in (n0, d0)):
        return [hedge(sec, chk, "the profit or revenue is written after the margin")]
    # one margin of a slash list ("22 年/23Q1 归母净利率分别为 31.73%/33.00%", cfb565): which
    # period each value is of rests on the list's order, which the frames do not read
    raw = sec.raw[t.sent]
    if chars_after(raw, t.fig.end, 2).lstrip().startswith("/") or chars_before(raw, t.fig.start, 2).rstrip().endswith("/"):
        return [hedge(sec, chk, "a value of a slash list: its period is not certain")]
    if chk.verdict == "inconsistent" and _plain_net(mm) and "归母" in n0.metric:
        got = (n0.tok.interval() / d0.tok.interval()).scale(100)
        if got.hi < t.interval(result=True).lo <= got.hi * 1.002:
            # "归母净利 38.35 亿元…净利率 25.88%" over 148.24 亿元 (25.870-25.875%, cfg177): a plain 净利率 within
            # a fifth of a percent above its 归母 ratio is on total profit with a minorities' share that
            # small, whatever the article's other margins fit within their rounding
            return [hedge(sec, chk, "净利率 above its 归母 ratio may be on total profit")]
    if chk.verdict != "inconsistent" and not other_basis:
        return [chk]
    # the margins the section's other profit and revenue pairs give (asked only of a mismatch or of
    # a margin that may be on another basis: every margin of a text passes here)
    stated = t.interval(result=True)
    others = [(n.tok.interval() / d.tok.interval()).scale(100) for n in nums for d in dens
              if (n, d) != (n0, d0) and n.tok.cunit == d.tok.cunit and d.tok.interval().lo > 0]
    if chk.verdict == "inconsistent" and any(stated.overlaps(iv) for iv in others):
        chk = hedge(sec, chk, "the nearest profit and revenue do not fit, another pair does")
    if other_basis:
        # (a plain 净利率 against 归母 profit: `mark_margin_basis` did not find the article's
        # margins on 归母 profit); another pair below the margin may be the one it is on
        if any(iv.lo <= stated.hi for iv in others):
            return [hedge(sec, chk, "净利率 may be on total profit of another pair")]
        return [on_total_profit(chk, stated, sector=sec.sector)]
    return [chk]


def growth_after(fs: list[Framed], x: Framed, basis: str = "同比") -> Framed | None:
    """The 同比 (or 环比) growth written right after a level ("108.01 亿元，同比增长 29.0%，环比
    增长 22.0%"): the next figures of its sentence, before any other level."""
    for i in range(x.index + 1, min(x.index + 3, len(fs))):
        g = fs[i]
        if g.tok.sent != x.tok.sent or g.tok.fig.kind != FigureKind.PERCENT or re.search("[。；;]", g.lead):
            return None
        if _BASIS_WORDS[basis].search(g.lead):
            return g
    return None


# a growth's basis as written: "同比" or "yoy：", "环比" or "qoq："
_BASIS_WORDS = {"同比": re.compile("同比|yoy", re.I), "环比": re.compile("环比|qoq", re.I)}


def one_plus(g: Framed) -> str:
    """"(1+13%)", "(1-9%)": one plus a signed growth as the relation shows it."""
    text = re.sub(r"\s+", "", signed_text(g))
    return f"(1{text})" if text[:1] in "+-" else f"(1+{text})"


def basis_of(lead: str) -> str:
    """The basis a change's words name: 环比 (qoq), else 同比."""
    return "环比" if _BASIS_WORDS["环比"].search(lead) else "同比"


def _bracketed_growth(fs: list[Framed], x: Framed) -> Framed | None:
    """A part's signed growth in the bracket right after it, the basis its total names ("亚马逊 243
    亿美元（+74%）" after "合计 765 亿美元，同比增长 64%")."""
    if x.index + 1 >= len(fs):
        return None
    g = fs[x.index + 1]
    if g.tok.sent != x.tok.sent or g.tok.fig.kind != FigureKind.PERCENT or not re.fullmatch(r"\s*[（(]\s*", g.lead) \
            or g.tok.text.lstrip()[:1] not in "+-−－":
        return None
    return g


def earlier_ratio(n: Framed, gn: Framed, d: Framed, gd: Framed) -> tuple[Interval, Interval, Interval] | None:
    """(n / d now in %, the same ratio a period before, the change between them) from the growths
    of both sides: (n/(1+gn)) / (d/(1+gd)) = now × (1+gd)/(1+gn), an intermediate the text does
    not state (a margin's or a share's earlier level)."""
    one = Interval(1, 1)
    g_n, g_d = signed_level(gn).scale(0.01), signed_level(gd).scale(0.01)
    now = (n.tok.interval() / d.tok.interval()).scale(100)
    change = ratio_change(now, g_n, g_d)
    if change is None:
        return None
    return now, now * (one + g_d) / (one + g_n), change


def _gives(n: Framed, d: Framed, m: Framed) -> bool:
    """Whether profit n over revenue d comes near the margin m as written (within 2 points or a quarter
    of it: a plain 净利率 may be on total profit, a little off the 归母 ratio)."""
    if n.tok.cunit != d.tok.cunit or d.tok.interval().lo <= 0:
        return False
    stated = m.tok.interval()
    return (n.tok.interval() / d.tok.interval()).scale(100).distance(stated) <= max(2.0, 0.25 * abs(stated.mid))


def _derived_margin_change(sec: Para, fs: list[Framed], m: Framed, c: Framed, *, relative: bool = False) -> Check | None:
    """A margin's 同比 (环比) change in points, from this period's profit and revenue and their
    同比 (环比) growth: the earlier margin = (P/(1+gP)) / (R/(1+gR)), an intermediate the text
    does not state. The profit and revenue are the nearest ones before the margin in its topic.
    `relative`: a change written in % may also be the margin's own growth."""
    mm = MARGIN.search(last_chars(m.lead, 10))
    if not mm:
        return None
    basis = basis_of(c.lead)
    m = _in_year(fs, m)  # "公司全年净利率30.23%，同比+11.61pct": the year's profit and revenue
    nums, dens = _margin_inputs(fs, m, mm, sec.raw)
    nums = [x for x in nums if x.topic == m.topic and x.index < m.index]
    dens = _company_first([x for x in dens if x.topic == m.topic and x.index < m.index], m)
    if not nums or not dens:
        return None
    n, d = nums[-1], dens[-1]
    if m.tok.fig.kind == FigureKind.PERCENT:
        # the margin's own level is written: its profit and revenue are the nearest pair that gives it
        # ("净利率12.9%" is over the company's 22.9亿, not a segment's 3.1亿 written nearer)
        pairs = [(a, b) for b in reversed(dens) for a in reversed(nums) if _gives(a, b, m)]
        if not pairs:
            return None
        n, d = pairs[0]
    if _other_basis(sec, mm, n) or _whole_year_vs_part(m, (n, d)):
        return None
    gn, gd = growth_after(fs, n, basis), growth_after(fs, d, basis)
    if gn is None or gd is None or n.tok.cunit != d.tok.cunit or c.tok is gn.tok or c.tok is gd.tok:
        # ("净利润54亿元，净利率17%，同比增长5.6%": the growth read as the profit's is the stated one)
        return None
    ratios = earlier_ratio(n, gn, d, gd) if d.tok.interval().lo > 0 else None
    if ratios is None:
        return None
    now, before, change = ratios
    label = "上期净利率" if basis == "环比" else "上年净利率"
    shown = f"(= ({n.tok.text}/{one_plus(gn)})/({d.tok.text}/{one_plus(gd)}))"
    readings = [(f"{n.tok.text}/{d.tok.text} - {label} {fmt(before.mid)}% {shown} = {c.tok.text}", change)]
    if relative and before.lo > 0:
        readings.append((f"{n.tok.text}/{d.tok.text} / {label} {fmt(before.mid)}% {shown} - 1 = {c.tok.text}",
                         (now / before - Interval(1, 1)).scale(100)))
    chk = judge_signed(sec, "change", c, [n.tok, gn.tok, d.tok, gd.tok], readings, derived=True)
    if _plain_net(mm) and "归母" in n.metric and not 0.5 < (gn.tok.interval().mid / 100 + 1) < 5:
        # a plain 净利率 fits 归母 profit this year, but after a profit that grew or fell many times
        # over, last year's minorities may weigh differently (cfr264: 同比增 2222%)
        chk = hedge(sec, chk, "last year's margin may be on another profit basis")
    return chk


_SHARE_WORD = re.compile(r"(?:渗透率|市场占有率|占有率|市占率|份额|占比)\s*(?:达到?|为|约|约为|升至|提升至|增至|降至|下降至)?\s*$")


def _list_growth(fs: list[Framed], x: Framed, basis: str) -> Framed | None:
    """The growth of `x` written right after it, or, for a level of a 、-list, the growth at its
    place in the list of growths that follows ("分别为 3453.1 万辆、3440 万辆，同比增长 10.4%、9.4%")."""
    start = x.index
    while start > 0 and fs[start - 1].tok.sent == x.tok.sent and _LIST_SEP.match(fs[start].lead) \
            and fs[start - 1].tok.cunit == x.tok.cunit:
        start -= 1
    run = _run_after(fs, start)
    if len(run) == 1:
        # "产销分别完成 229.33 万辆和 228.74 万辆，环比分别 -6.04%、-9.x%": a list of growths after a
        # level not in a 、-list is paired with no certainty
        g = growth_after(fs, x, basis)
        return None if g is None or "分别" in g.lead or len(_run_after(fs, g.index)) > 1 else g
    after = run[-1].index + 1
    if after >= len(fs) or basis not in fs[after].lead or fs[after].tok.sent != x.tok.sent:
        return None
    rates = _run_after(fs, after)
    if len(rates) != len(run) or any(g.tok.fig.kind != FigureKind.PERCENT for g in rates):
        return None
    return rates[x.index - start]


_SINCE_YEAR = re.compile(rf"较\s*((?:19|20)\d{{2}})\s*年(?:同期)?\s*(?:{UP}|{DOWN})\s*(?:了|约)?\s*$")


def _over_year_before(c: Framed, b: Framed) -> bool:
    """The change is written against the year before the level's own: "2025 年…47.9%，较 2024 年提升"."""
    m = _SINCE_YEAR.search(c.lead)
    key = period_key(b.period) if m else None
    return m is not None and key is not None and key[1] == "Y" and int(m.group(1)) == key[0] - 1


def _derived_share_change(sec: Para, fs: list[Framed], m: Framed, c: Framed) -> Check | None:
    """"新能源汽车销量 1649 万辆，同比增长 28.2%，渗透率达 47.9%，较 2024 年提升 7 个百分点" (825), with
    "汽车…销量…3440 万辆，同比增长…9.4%" in its section: the share's whole is the one level of the
    part's unit that the share fits, and last year's share is (P/(1+gP)) / (W/(1+gW)), an
    intermediate the text does not state (derived)."""
    if m.tok.fig.kind != FigureKind.PERCENT or not _SHARE_WORD.search(m.lead):
        return None
    basis = "环比" if "环比" in c.lead else "同比"
    parts = [x for x in fs[max(0, m.index - 3):m.index] if x.tok.sent == m.tok.sent
             and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound]
    if not parts:
        return None
    p = parts[-1]
    gp = _list_growth(fs, p, basis)
    if gp is None:
        return None
    share = m.tok.interval(result=True)
    wholes = []
    for w in fs:
        if w is p or w.tok.cunit != p.tok.cunit or w.tok.bound or w.tok.interval().lo <= p.tok.interval().hi:
            continue
        if share.overlaps((p.tok.interval() / w.tok.interval()).scale(100)):
            gw = _list_growth(fs, w, basis)
            if gw is not None:
                wholes.append((w, gw))
    if len(wholes) != 1:
        return None
    w, gw = wholes[0]
    ratios = earlier_ratio(p, gp, w, gw)
    if ratios is None:
        return None
    _, before, change = ratios
    label = "上期" if basis == "环比" else "上年"
    # the whole is read by fit and the growths may be of other bases (a week's 环比 of 交强险
    # against one of retail sales): a fit confirms, a misfit proves nothing
    return hedge(sec, judge_signed(
        sec, "change", c, [p.tok, gp.tok, w.tok, gw.tok],
        [(f"{p.tok.text}/{w.tok.text} - {label}占比 {fmt(before.mid)}% "
          f"(= ({p.tok.text}/{one_plus(gp)})/({w.tok.text}/{one_plus(gw)})) = {c.tok.text}",
          change)],
        derived=True), "the whole is the level the share fits; the growths may be of other bases")


def loose_share(t: Tok) -> Interval:
    return t.interval(result=True)


_OF_WHOLE = re.compile(r"\s*的\s*(?:比例|比重|份额)?\s*(?:为|约|达|约为)?\s*")
# 其中 right before a percent that its bracketed part follows
_PARTS_OPEN = re.compile(r"其中\s*(?:约|近)?\s*$")
# a share's part alone in the clause after it: "，约100万辆"
_PART_AFTER = re.compile(r"\s*[，,]\s*(?:约|近|即|为|达)?\s*")
_BARE_SHARE = re.compile(r"^\s*[（(，,]\s*占比?\s*$")
# a share naming its whole by a scope word: "，占全球 45.88%", "（占全国的 12%）", "，占总营收比重为 30%"
_SHARE_NAMED = re.compile(r"^\s*[（(，,]?\s*占\s*(?P<name>全球|全国|全省|全市|全行业|总[\u4e00-\u9fa5]{1,4}?)\s*(?:的)?\s*"
                          r"(?:比重|比例|份额)?\s*(?:为|约|达|仅|约为)?\s*$")


def _qualified_whole(w: Framed, part: Framed, c: Framed) -> bool:
    """"2024 年营收 50.3B 美元，肿瘤 & 血液学营收 14.7B 美元（占比 31%）": a share that names no whole,
    after a part whose measure is the one level before it in its sentence narrowed by a
    qualifier (肿瘤 & 血液学营收 of 营收, 中国大陆市场规模 of 全球…市场规模), in one period, is of that level."""
    if not _BARE_SHARE.match(c.lead) or part.period and part.period != w.period:
        return False
    n = _suffix(w.metric, part.metric)
    return n >= 2 and w.metric != part.metric and n < len(part.metric)


def _judge_shares(sec: Para, shares: list[tuple[Framed, Framed, list[Framed]]], fs: list[Framed],
                  certain_of: dict[int, Framed] | None = None) -> list[Check]:
    """Shares of one whole. A whole is certain when it is the only candidate in the part's own
    sentence, when two other shares of the same sentence fit it, or when the share's words name
    it (`certain_of`); a share that does not fit a certain whole is inconsistent. A figure with its
    own share is a sibling, never the whole."""
    parts = {part.index for _, part, _ in shares}
    part_of = {c.index: part for c, part, _ in shares}
    # the shares (by index) that fit each whole, per ；-chain of sentences
    fits: dict[tuple[int, int], set[int]] = {}
    for c, part, whole in shares:
        for w in whole:
            iv = w.tok.interval()
            if iv.lo > 0 and c.tok.interval(result=True).overlaps((part.tok.interval() / iv).scale(100)):
                fits.setdefault((w.index, _chain_start(sec, c.tok.sent)), set()).add(c.index)
    out = []
    for c, part, whole in shares:
        t = c.tok
        whole = [w for w in whole if w.index not in parts]
        if not whole:
            out.append(unverifiable(sec, "share", t, [part.tok], f"{part.tok.text} / (whole) = {t.text}",
                                    "the whole is not stated"))
            continue
        readings = [(f"{part.tok.text} / {w.tok.text} = {t.text}",
                     (part.tok.interval() / w.tok.interval()).scale(100)) for w in whole
                    if w.tok.interval().lo > 0]
        if not readings:
            continue
        # whole-percent shares of one list are often nudged to add up to 100 (58.46% -> 59%)
        loose = loose_share(t)
        # the certain whole: the only one in the part's own sentence, or the one that two other
        # shares of the same sentence fit; without one, any whole may confirm, none refute
        # "150GWh，其中中东 46GWh（占比 35%）": the whole before 其中 in the part's own sentence
        own = [w for w in whole if w.tok.sent == part.tok.sent
               and "其中" in sec.raw[w.tok.sent][w.tok.fig.end:part.tok.fig.start]]
        # "Novartis：2024 年营收 50.3B 美元，肿瘤 & 血液学营收 14.7B 美元（占比 31%）": when the part's own
        # sentence has a level of its unit before it, a whole that other shares fit in another list
        # item (JNJ's 57.0B) is no certain whole for it
        own_level = any(w.tok.sent == part.tok.sent and w.tok.fig.start < part.tok.fig.start for w in whole)
        if own_level and not own:
            # …nor may another item's level confirm it by a chance fit (Eli Lilly's 45.0B for
            # Novartis' 14.7B at 31%): the readings are the own sentence's levels
            whole = [w for w in whole if w.tok.sent == part.tok.sent and w.tok.fig.start < part.tok.fig.start]
            readings = [(f"{part.tok.text} / {w.tok.text} = {t.text}",
                         (part.tok.interval() / w.tok.interval()).scale(100)) for w in whole
                        if w.tok.interval().lo > 0]
            if not readings:
                continue
        # "…至 125 亿美元，连续第二年回落。其中绿地勘探项目投入降至 27.9 亿美元，占比 22.36%": the
        # last level of the sentence a 其中-sentence opens after, in its paragraph
        if not own and _opens_with_parts(sec, part.tok.sent):
            before = [w for w in whole if w.tok.sent == part.tok.sent - 1]
            last = max((x.fig.start for x in sec.toks if x.sent == part.tok.sent - 1
                        and x.fig.kind == part.tok.fig.kind), default=-1)
            # …when another share of the sentence fits it: shares that all miss are of another
            # base (559: the top ten's 63.15 亿元 against shares of the whole sector's holdings)
            own = [w for w in before if w.tok.fig.start == last and fits.get((w.index, _chain_start(sec, t.sent)))]
        # two shares other than this one fit the whole: a mismatch of this one then refutes it
        confirmed = _own_confirmed(sec, [w for w in whole if len(
            fits.get((w.index, _chain_start(sec, t.sent)), set()) - {c.index}) >= 2], part)
        if own_level:
            confirmed = [w for w in confirmed if w.tok.sent == part.tok.sent]
        certain = confirmed[0] if len(confirmed) == 1 else (
            own[0] if len(own) == 1 and not confirmed else None)
        # "占…股本总额30404.70万股的5.92%": the whole the share names inside 占…的 is certain
        named = [w for w in whole if w.index == c.index - 1 and w.tok.sent == t.sent and "占" in w.lead
                 and _OF_WHOLE.fullmatch(c.lead)]
        if named:
            certain = named[0]
        if certain_of and c.index in certain_of and certain_of[c.index].index not in parts:
            certain = certain_of[c.index]
        if certain is None and not own:
            # the one level before the part in its sentence, which the part narrows, even when it is
            # smaller than the part (Merck: "营收 28.8B 美元，肿瘤 & 血液学营收 32.7B 美元（占比 57%）")
            before = [w for w in fs[:part.index] if w.tok.sent == part.tok.sent and w.tok.cunit == part.tok.cunit
                      and not w.tok.bound and w.index not in parts]
            if len(before) == 1 and before[0].tok.interval().lo > 0 and _qualified_whole(before[0], part, c):
                certain = before[0]
        if certain is None and not own:
            certain = _measure_whole(c, part, whole, fits, part_of)
        if certain is not None:
            chk = judge(sec, "share", t, [part.tok, certain.tok], [
                (f"{part.tok.text} / {certain.tok.text} = {t.text}",
                 (part.tok.interval() / certain.tok.interval()).scale(100))], magnitude=False,
                stated_iv=loose)
        else:
            chk = hedge(sec, judge(sec, "share", t, [part.tok, whole[-1].tok], readings,
                                   magnitude=False, stated_iv=loose),
                        "no whole of the section is certain")
        out.append(chk)
    return out


def _measure_whole(c: Framed, part: Framed, whole: list[Framed], fits: dict[tuple[int, int], set[int]],
                   part_of: dict[int, Framed]) -> Framed | None:
    """The one level before the part of its very measure and period ("到期规模为8368.25亿元，…国企…到期
    规模7321.26亿元，占比87.49%。…AAA级…到期规模6294.64亿元，占比72.94%") when another share of a part
    of that measure fits it: the parts are subsets of that total (by owner, by grade)."""
    same = [w for w in whole if w.metric and w.metric == part.metric and w.period == part.period
            and w.tok.cunit == part.tok.cunit and w.index < part.index and w.tok.interval().lo > 0]
    if len(same) != 1:
        return None
    others = {k for (wi, _), ks in fits.items() if wi == same[0].index for k in ks} - {c.index}
    return same[0] if any(part_of[k].metric == part.metric for k in others if k in part_of) else None


# "5750 万部（同比增 7%，占比 20%）": a level's bracket gives its growth, then its share
_GROWTH_THEN_SHARE = re.compile(r"[^\d（(，,。；;]{0,3}?\s*[（(]\s*(?:同比|环比)[^（()），,。；;]{0,12}[，,]\s*占比\s*(?:为|约|达)?\s*")
# "山东 7.13 亿吨（+5.2%，19.25%）" in a list whose first item names its share (占比)
_GROWTH_THEN_BARE = re.compile(r"[^\d（(，,。；;]{0,3}?\s*[（(]\s*(?:同比|环比)?\s*[+\-−－][^（()），,。；;]{0,10}[，,]\s*")
_SIGNED = re.compile(r"\s*[+\-−－]")


def _growth_then_share(sec: Para, level: Framed, c: Framed, *, bare: bool = False) -> Framed | None:
    """The level a share is of when its bracket opens with the level's growth (a signed growth and
    no 占比 only in a list whose first share names it)."""
    if level.tok.sent != c.tok.sent or level.tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
            or level.tok.bound:
        return None
    between = sec.raw[c.tok.sent][level.tok.fig.end:c.tok.fig.start]
    if _GROWTH_THEN_SHARE.fullmatch(between) or bare and _GROWTH_THEN_BARE.fullmatch(between):
        return level
    return None


def _chain_start(sec: Para, si: int) -> int:
    """The first sentence of the ；-chain sentence `si` is in (one sentence to a reader): "华为出货
    12.2 百万台（占比 18%…）；vivo 出货 11.8 百万台（占比 17%…）；…" is one list of shares; so are
    one-sentence list items that follow each other ("- 欧洲：…出口金额 69 亿元，占比 38%…" "- 亚洲：
    出口金额 64 亿元，占比 36%…", 113)."""
    while si > 0:
        prev, cur = sec.sentences[si - 1], sec.sentences[si]
        if not (sec.raw[si - 1].rstrip().endswith(("；", ";")) and prev.paragraph == cur.paragraph
                or _one_item(sec, si - 1) and _one_item(sec, si) and prev.paragraph == cur.paragraph - 1):
            break
        si -= 1
    return si


def _one_item(sec: Para, si: int) -> bool:
    """Whether sentence `si` is a list item of one sentence."""
    s = sec.sentences[si]
    return s.kind == "list" and all(sec.sentences[j].paragraph != s.paragraph
                                    for j in (si - 1, si + 1) if 0 <= j < len(sec.sentences))


def _own_confirmed(sec: Para, confirmed: list[Framed], part: Framed) -> list[Framed]:
    """Of several wholes that two other shares fit, the one in the part's own sentence (or its
    ；-chain): "全球白银需求量 36207 吨，工业需求占比 59%（21165 吨），饰品需求 18%（6491 吨）…" (191) is
    of the 36207 吨 that opens the list, not of a rounded "3.7 万吨" of an earlier paragraph."""
    chain = _chain_start(sec, part.tok.sent)
    own = [w for w in confirmed if _chain_start(sec, w.tok.sent) == chain]
    return own if len(confirmed) > 1 and len(own) == 1 else confirmed


def _rates_only(sec: Para, by_sent: dict[int, list[Framed]], si: int) -> bool:
    """Whether sentence si holds figures and all are rates (a ；-clause of growths)."""
    got = by_sent.get(si, [])
    return bool(got) and all(x.tok.fig.kind in (FigureKind.PERCENT, FigureKind.POINTS) for x in got)


def _opens_with_parts(sec: Para, si: int) -> bool:
    """Whether sentence `si` opens with 其中 right after a sentence of its own paragraph."""
    return (si > 0 and sec.raw[si].lstrip(" ，,*").startswith("其中")
            and sec.sentences[si - 1].paragraph == sec.sentences[si].paragraph)


# a flow's direction written before its amount: "小型银行流出 89 亿美元", "外国机构贷款减少 47 亿美元"
_FLOW_OUT = re.compile(r"(?:流出|卖出|减少|下降|减持|赎回|收缩)\s*(?:了|约|达)?\s*$")
_FLOW = re.compile(r"(?:流入|流出|买入|卖出|增加|减少|上升|下降|增持|减持|收缩|扩张)\s*(?:了|约|达)?\s*$"
                   r"|[（(，,][\u4e00-\u9fa5A-Za-z]{2,8}\s*$")
# "美国所有商业银行存款流入 182 亿美元，大型银行…": a sentence opening with the flow of the whole
_ALL_FLOW = re.compile(r"(?:所有|全部|整体|全体|总体)")
_FLOW_WORD = re.compile(r"流入|流出|买入|卖出|增加|减少|增持|减持")


# "258 次发射成功（含 3 次部分成功）", "美国发射 158 次（SpaceX 占 138 次）": a bracket that names a
# part of the figure before it
_NESTED = re.compile(r"[（(]\s*(?:含|包括|包含|其中|[^（()）]{0,12}?占)[^（()）]*$")


def nested(raw: str, x: Framed, after: int = 0) -> bool:
    """Whether `x` is written inside a bracket, opened after `after`, naming a part of the figure
    before it: a part of a part, neither an addend of the total nor the part a share is of."""
    m = _NESTED.search(raw, max(0, x.tok.fig.start - 30), x.tok.fig.start)
    return m is not None and m.start() > after


def _same_amount(x: Framed, whole: Framed) -> bool:
    """An amount of the whole's unit, or a bare magnitude beside an amount of money ("37 亿" in a
    bracket after "68 亿美元")."""
    if x.tok.cunit == whole.tok.cunit:
        return True
    return x.tok.cunit == ("quantity", "") and whole.tok.fig.kind == FigureKind.MONEY \
        and x.tok.fig.scale == whole.tok.fig.scale


def _flow_sign(x: Framed) -> int:
    return -1 if _FLOW_OUT.search(x.lead) else 1


# "期间费用率提升 1.5ppt，其中销售费用率提升 0.4ppt…，管理+研发费用率提升 1ppt…，财务费用率提升 0.1ppt" (cfr079):
# the changes of the expense ratios a total ratio is the sum of
_EXPENSE_RATE = re.compile(r"费用?率[^，,；;。]{0,8}$")


def _expense_points(x: Framed) -> bool:
    return x.tok.fig.kind == FigureKind.POINTS and bool(_EXPENSE_RATE.search(x.lead))


def _bracket_end(raw: str, i: int) -> int:
    """Where the bracket open at offset `i` of `raw` closes (the text's end when none is open)."""
    depth = 0
    for k in range(i - 1, -1, -1):
        if raw[k] in "）)":
            depth += 1
        elif raw[k] in "（(":
            if depth == 0:
                break
            depth -= 1
    else:
        return len(raw)
    for k in range(i, len(raw)):
        if raw[k] in "（(":
            depth += 1
        elif raw[k] in "）)":
            if depth == 0:
                return k
            depth -= 1
    return len(raw)


def _closed_before(raw: str, pos: int, end: int) -> bool:
    """Whether offset `pos` stands inside a bracket that closes before `end`."""
    depth = 0
    for ch in raw[pos:end]:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return True
            depth -= 1
    return False


def _sub_part(raw: str, start: int, x: Framed, parts: list[Framed]) -> bool:
    """Whether `x` stands inside a bracket, opened after `start`, that follows another part's
    figure right away ("中高端+61家（和颐-5家、如家精选8家）"): a part of that part."""
    opened: list[int] = []
    for k in range(start, x.tok.fig.start):
        if raw[k] in "（(":
            opened.append(k)
        elif raw[k] in "）)" and opened:
            opened.pop()
    if not opened:
        return False
    end = len(raw[:opened[-1]].rstrip())
    return any(p.tok.fig.end == end and p.tok.cunit == x.tok.cunit for p in parts)


def _unit_levels(xs: list[Framed], unit: tuple[str, str]) -> list[Framed]:
    """The figures of a sentence in the parts' unit that are no changes: the parts it may add."""
    # ("财务费用-6469.95万，去年同期-8784.39万": last year's level is a base, no part)
    return [x for x in xs if x.tok.cunit == unit and not _CHANGE_LEAD.search(x.lead) and not _BASE_LEVEL.search(x.lead)]


_BASE_LEVEL = re.compile(r"(?:去年|上年|上一年)同期\s*(?:为|是)?\s*$")


def _find_parts(sec: Para, fs: list[Framed]) -> list[Check]:
    """"T，其中 A a、B b" (the parts may follow in the next clauses, the total may close the
    previous sentence): parts that fit the total hold; parts that do not are unverifiable, since
    其中-parts need not exhaust the total and may nest. Flows take their verb's sign ("大型银行流入
    200 亿美元，小型银行流出 89 亿美元"), and a sentence opening with the whole's flow ("所有商业银行
    存款流入 182 亿美元，…") lists its parts without 其中."""
    out = []
    by_sent: dict[int, list[Framed]] = {}
    bounds: dict[int, list[Framed]] = {}  # "超 1500 亿元": a total that is a bound
    for x in _bare_as_money(sec, _listed_in_unit(fs)):
        (bounds if x.tok.bound else by_sent).setdefault(x.tok.sent, []).append(x)
    for si, raw in enumerate(sec.raw):
        om = _PARTS_WORD.search(raw)
        if om is not None and om.group() != "其中" and raw[max(0, om.start() - 1):om.start()] in ("（", "("):
            # "门店4，869家（含加盟店419家），净增门店117家，其中新开门店77家…": a bracketed 含 is the figure's
            # own aside (brackets.py reads it); a later 其中 opens the sentence's breakdown
            close = min((k for k in (raw.find("）", om.end()), raw.find(")", om.end())) if k >= 0), default=-1)
            later = raw.find("其中", close) if close >= 0 else -1
            if later >= 0:
                om = _PARTS_WORD.search(raw, later)
        i = om.start() if om else -1
        # "新签合同额948.88亿元。新签合同中，国内合同额692.52亿元，境外合同额256.36亿元": a sentence opening
        # on the whole's name and 中 lists its parts as 其中 does
        nm = _WHOLE_OPEN.match(raw) if i < 0 and si and sec.sentences[si - 1].paragraph == sec.sentences[si].paragraph \
            else None
        breakdown = False
        if nm is not None:
            i = nm.end()
        elif i < 0 and si and sec.sentences[si - 1].paragraph == sec.sentences[si].paragraph \
                and (bm := _BREAKDOWN_OPEN.match(raw)) is not None:
            # "地区生产总值…40391.3亿元…。分产业看，第一产业增加值4030.3亿元，…；第二产业…": a breakdown of
            # the sentence before's level, opened as 其中 opens one
            i, breakdown = bm.end(), True
        if i < 0:
            found = _colon_parts(sec, fs, by_sent.get(si, [])) \
                if ("：" in raw or ":" in raw) and _SUM_WORD.search(raw) else []
            if not found and _FLOW_WORD.search(raw):
                found = _flow_parts(sec, by_sent.get(si, []))
            out.extend(found)
            continue
        # "商用车销量 31.60 万辆（同比 + 16.18%，其中客车 4.5 万辆…、货车 27.20 万辆…），乘用车销量 201.85 万辆":
        # a 其中 inside a bracket lists its parts up to the bracket's close
        end = _bracket_end(raw, i) if om is not None and om.group() == "其中" else len(raw)
        after = [x for x in by_sent.get(si, []) if i < x.tok.fig.start and x.tok.fig.end <= end
                 and (x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) or _expense_points(x))]
        if not after or "/" in (after[0].tok.fig.unit or ""):
            continue  # (prices per unit are no parts of another price: "价格为 3991.82 欧元 / 吨，其中…分别为")
        unit = after[0].tok.cunit
        back = si - 1
        # "进口数量为 19.07 万吨，同比 + 8.42%；环比 - 0.88%；其中全钢胎 6.18 万吨…": past the total's own
        # rates, each a clause of its ；-chain
        while back > 0 and back >= si - 3 and _rates_only(sec, by_sent, back) and sec.sentences[back - 1].paragraph \
                == sec.sentences[si].paragraph and all(sec.raw[j].rstrip().endswith(("；", ";")) for j in (back - 1, back)):
            back -= 1
        prev = by_sent.get(back, []) if si and sec.sentences[back].paragraph == sec.sentences[si].paragraph else []
        before = [x for x in [*prev, *by_sent.get(si, []), *bounds.get(si, [])] if x.tok.cunit == unit
                  and (x.tok.sent == back or x.tok.fig.end <= i)]
        before.sort(key=lambda x: (x.tok.sent, x.tok.fig.start))
        # "净开店6家（19H1新开店234家，净开店69家），其中，直营店-24家…": an aside closed before 其中
        # holds another period's figures; the whole is the one the aside follows
        outside = [x for x in before if x.tok.sent != si or not _closed_before(raw, x.tok.fig.start, i)]
        if outside:
            before = outside
        if not before or before[-1].tok.bound and bound_side(sec.raw[before[-1].tok.sent], before[-1].tok.fig) == 0:
            continue
        total = before[-1]
        if _PASSED.search(total.lead) and (exact := [
                x for x in before if x.tok.sent == total.tok.sent and x.tok.fig.start < total.tok.fig.start
                and not x.tok.bound and not bound_side(sec.raw[x.tok.sent], x.tok.fig)]):
            # "进出口总值达8208.1亿元，…，历史首次突破8000亿元大关。其中出口…": the level, not the bound it passed
            total = exact[-1]
        if breakdown:
            # a 分…看 breakdown is of the headline level the sentence before opens with
            heads = [x for x in before if x.tok.sent == back and not x.tok.bound and not _PASSED.search(x.lead)]
            if not heads:
                continue
            total = heads[0]
        if len(before) >= 2 and re.match(r"^\s*(?:至|到)\s*$", total.lead) and _NET_TOTAL.search(before[-2].lead) \
                and before[-2].tok.sent == total.tok.sent:
            # "净增加146家至1776家，其中新增324家，退出178家": the parts are of the net change, not the level
            total = before[-2]
        moved = False
        if _MOVED_BY.search(total.lead) and not any(_MOVE_VERB.search(x.lead) for x in after):
            # "粮食总产量68285万吨，比上年增加1336万吨，增长2.0%。其中，夏粮产量14596万吨…": an amount the
            # total moved by is no whole of levels; the level it moved is
            levels = [x for x in before if x.tok.sent == total.tok.sent and x.tok.fig.start < total.tok.fig.start
                      and not _MOVED_BY.search(x.lead)]
            if levels:
                total, moved = levels[-1], True
        if nm is not None:
            # the whole is the last figure of the paragraph named so ("新签合同额"), not merely the last one
            named = [x for sj in range(si - 1, -1, -1) if sec.sentences[sj].paragraph == sec.sentences[si].paragraph
                     for x in reversed(by_sent.get(sj, [])) if x.tok.cunit == unit and nm.group(1) in x.metric]
            if not named:
                continue
            total = named[0]
        points = after[0].tok.fig.kind == FigureKind.POINTS
        if points and not _expense_points(total):
            continue
        # ("中高端+61家（和颐-5家、如家精选8家、如家商旅54家），云酒店24家": a bracket opened after 其中 holds
        # the parts of the part it follows)
        parts = [x for x in after if x.tok.cunit == unit and not SHARE_LEAD.search(x.lead)
                 and not nested(raw, x, i) and not _sub_part(raw, i, x, after)
                 and (points or not _CHANGE_LEAD.search(x.lead))]
        nxt = si + 1
        own = len(parts)
        # "其中乘用车出口 46.78 万辆（+x%）；商用车出口 8.34 万辆": parts go on past a ；
        counted = _COUNTED.search(total.lead)
        need = max(2, _COUNT[counted.group(1)] if counted else 0)
        while len(parts) < need and nxt < len(sec.raw) and \
                sec.sentences[nxt].paragraph == sec.sentences[si].paragraph:
            more = _unit_levels(by_sent.get(nxt, []), unit)
            if not more and _rates_only(sec, by_sent, nxt) and sec.raw[nxt].rstrip().endswith(("；", ";")):
                nxt += 1  # a part's own rates, a clause of the ；-chain ("同比 + 6.4%；环比 + 17.17%；半钢胎 …")
                continue
            if not more:
                break
            parts.extend(more)
            nxt += 1
        # "其中，公立医院药品销售额10512亿元，…；公立基层…1595亿元，…；零售药店终端…4330亿元，…。" (cfs012): a
        # ；-chain of parts, one to a clause and each naming the first part's measure, goes on to its 。
        while nxt > si + 1 and nxt < len(sec.raw) and sec.sentences[nxt].paragraph == sec.sentences[si].paragraph \
                and all(sec.raw[j].rstrip().endswith(("；", ";")) for j in range(si, nxt)):
            more = _unit_levels(by_sent.get(nxt, []), unit)
            if len(more) != 1 or not common_metric(parts[0].metric, more[0].metric):
                break
            parts.extend(more)
            nxt += 1
        if len(parts) < 2:
            continue
        why = "其中-parts need not exhaust the total, and may nest"
        chk = _parts_check(sec, total, parts, why)
        if chk.verdict != "consistent" and own and len(parts) - own >= 2:
            # "…累计 81836 亿千瓦时，…，其中规模以上工业发电量为 78027 亿千瓦时。分产业累计用电情况为，第一
            # 产业 1141 亿千瓦时、…": the next sentence's parts alone may be the breakdown
            alone = _parts_check(sec, total, parts[own:], why)
            chk, parts = (alone, parts[own:]) if alone.verdict == "consistent" else (chk, parts)
        for m in range(len(parts) - 1, 1, -1):
            if chk.verdict == "consistent" or breakdown:
                break
            # "LNG 供应量为 25.8 亿方…；进口管道气 35.0 亿方，…，其中俄罗斯管道气 3.6 亿方": a part of the last part
            first = _parts_check(sec, total, parts[:m], why)
            chk, parts = (first, parts[:m]) if first.verdict == "consistent" else (chk, parts)
        if chk.verdict == "unverifiable" and not total.tok.bound and _counted(total, parts):
            # "三费共 2.06 亿元。其中销售费用…财务费用…管理费用…" (cfr050): the total counts its parts
            chk = _parts_check(sec, total, parts, why, certain=True)
        if chk.verdict == "unverifiable" and not total.tok.bound and len(parts) >= 2 \
                and _REST.search(parts[-1].lead) \
                and not any(_REST.search(p.lead) for p in parts[:-1]) and not any("各" in p.lead for p in parts):
            # "共取得补贴收入 54.5 亿元，其中…36.5 亿元，…3.7 亿元，其他补贴收入 13.3 亿元" (cfb239): a
            # list closed by 其他 is the whole breakdown ("中东、北美各减少 1 座": one figure, two parts)
            chk = _parts_check(sec, total, parts, why, certain=True)
        if chk.verdict == "unverifiable" and not total.tok.bound and _rest_named_last(sec, parts):
            # "其中晶圆、封装、其他分别为 100 亿、26 亿、61 亿元": a 分别-list whose names end with 其他
            chk = _parts_check(sec, total, parts, why, certain=True)
        if chk.verdict == "unverifiable" and not total.tok.bound and len(parts) == 3 \
                and all(w in p.lead for w, p in zip(("第一产业", "第二产业", "第三产业"), parts, strict=True)):
            # "其中，第一产业增加值6029.03亿元，…；第二产业…；第三产业…" (fn0574): the three sectors are the
            # whole of a GDP by definition
            chk = _parts_check(sec, total, parts, why, certain=True)
        if chk.verdict == "unverifiable" and _complementary(parts, total) and not total.tok.bound:
            # "总收入 129.9 亿元，其中中国大陆收入 79.7 亿元…，海外收入 50.66 亿元": two parts that are each
            # other's complement exhaust the total
            chk = _parts_check(sec, total, parts, why, certain=True)
        if (breakdown or moved) and chk.verdict != "consistent":
            # a 分…看 breakdown may be of another level than the one before it, and parts after a level and its
            # move may be of either: only a fit pairs them
            continue
        out.append(chk)
        # parts that add up to the total give its growth too ("全社会用电量累计 81836 亿千瓦时，同比增长
        # 7.6%" from each part's level and 同比)
        if chk.verdict == "consistent" and (grown := derived_total_growth(sec, fs, total, parts)) is not None:
            out.append(grown)
    return out


def _listed_in_unit(fs: list[Framed]) -> list[Framed]:
    """The bare numbers of a 分别-list in the unit of the item that ends it: "其中东部、南部、中西部、北部分别净增
    38、17、43、105家" are four counts of 家 (as `_slash_lists` reads "a/b/c 亿元")."""
    out = list(fs)
    k = 0
    while k < len(out):
        x = out[k]
        if x.tok.fig.kind != FigureKind.NUMBER or "分别" not in x.lead:
            k += 1
            continue
        j = k + 1
        while j < len(out) and out[j].tok.sent == x.tok.sent and ITEM_SEP.match(out[j].lead) \
                and out[j].tok.fig.kind == FigureKind.NUMBER:
            j += 1
        if j < len(out) and j > k and out[j].tok.sent == x.tok.sent and ITEM_SEP.match(out[j].lead) \
                and out[j].tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
            last = out[j].tok.fig
            for i in range(k, j):
                out[i] = replace(out[i], tok=_in_unit_of(out[i].tok, last))
        k = j + 1
    return out


def _bare_as_money(sec: Para, fs: list[Framed]) -> list[Framed]:
    """Bare 亿 (万) amounts after 其中 in the money of the level right before it: "收入43.24亿元，同比增长29.48%，
    其中21Q1-4收入及增速分别为10.72亿（+78.05%）、8.90亿（…）" are four amounts in 亿元. Only when every amount after
    其中 is bare and the last amount before it is that money: a list that mixes them is read as written."""
    out = list(fs)
    by_sent: dict[int, list[int]] = {}
    for k, x in enumerate(out):
        by_sent.setdefault(x.tok.sent, []).append(k)
    for si, ks in by_sent.items():
        raw = sec.raw[si]
        i = raw.find("其中")
        if i < 0:
            continue
        amounts = [k for k in ks if out[k].tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not out[k].tok.bound]
        before = [k for k in amounts if out[k].tok.fig.end <= i]
        after = [k for k in amounts if out[k].tok.fig.start > i]
        if not before or len(after) < 2:
            continue
        last = out[before[-1]].tok.fig
        if last.kind != FigureKind.MONEY or any(out[k].tok.fig.kind != FigureKind.QUANTITY or out[k].tok.fig.unit not in ("亿", "万", "万亿")
                                                or (out[k].tok.fig.scale or 1) != (last.scale or 1) for k in after) \
                or not last.unit.startswith(out[after[0]].tok.fig.unit):
            continue
        for k in after:
            out[k] = replace(out[k], tok=in_unit_of(out[k].tok, last))  # (of the total's scale, tested above)
    return out


# a part's change, not a part: "销售费用 0.47 亿元，同比+0.1 亿元"
# an amount a level moved by against an earlier period: "比上年增加", "较去年同期减少", "同比多增"
_MOVED_BY = re.compile(r"(?:同比|环比|[比较]\s*(?:上年|去年|上月|上期|同期|上年同期|去年同期|20\d\d\s*年?))\s*"
                       r"(?:增加|减少|增长|下降|多增|少增|净增|多|少)\s*(?:了|约)?\s*$")
# a threshold a level passed ("历史首次突破8000亿元大关"): no whole of parts when the level is written too
_PASSED = re.compile(r"(?<![不未])(?:突破|超过|超|逾)\s*$")
# parts that are moves themselves ("环比增加 4.22 万吨，其中国内增加 1.82 万吨") are of the total's move
_MOVE_VERB = re.compile(r"(?:增加|减少|增长|下降|多增|少增|净增|增|减|降)\s*(?:了|约)?\s*$")
_CHANGE_LEAD = re.compile(r"(?:同比|环比|较(?:上年|去年|上月|上期|同期))\s*(?:增加|减少|增长|下降|多增|少增|净增)?\s*(?:了|约)?\s*$")
# a total that counts its parts: "三费", "两项业务", "四大板块"
_COUNTED = re.compile(r"([两二三四五六七八九])\s*(?:费|项|大|类|块|个)[\u4e00-\u9fa5]{0,4}\s*(?:共|合计|总计)?\s*(?:为|达|约)?\s*$")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _counted(total: Framed, parts: list[Framed]) -> bool:
    m = _COUNTED.search(total.lead)
    return m is not None and _COUNT[m.group(1)] == len(parts) and len({x.metric for x in parts}) == len(parts)


# the two sides of a whole that leave nothing out: home and abroad, online and offline, …
_COMPLEMENTS = tuple((re.compile(a), re.compile(b)) for a, b in (
    (r"国内|境内|内地|大陆|内销", r"海外|境外|国外|外销"),
    (r"线上", r"线下"),
    (r"乘用车", r"商用车"),
    (r"客车", r"货车"),  # the two kinds of 商用车
    (r"城镇", r"农村|乡村"),
    (r"上半年|H1", r"下半年|H2"),
    (r"陆风|陆上", r"海风|海上"),
    (r"集中式", r"分布式"),
))


# the last item of a breakdown that is the rest of it, named so in its own clause
_REST = re.compile(r"(?:^|[，,；;、])\s*" + _REST_WORD + r"[\u4e00-\u9fa5]{0,8}\s*(?:为|达|约|实现)?\s*$")


def _rest_named_last(sec: Para, parts: list[Framed]) -> bool:
    """Whether the parts are the values of a 分别-list of as many names, the last of them the rest
    (其他/其余): the list is the whole breakdown."""
    first = parts[0].tok
    if any(p.tok.sent != first.sent for p in parts):
        return False
    m = _NAMED_LIST.search(sec.raw[first.sent], 0, first.fig.start)
    names = re.split(r"\s*(?:、|与|和|及)\s*", m.group(1)) if m else []
    return len(names) == len(parts) and re.match(_REST_WORD, names[-1]) is not None


# exports and imports exhaust a trade total ("进出口总额 33.61 万亿元，其中出口…，进口…"), not a balance (顺差)
_TRADE = (re.compile(r"(?<!进)出口"), re.compile(r"进口"))
_TRADE_TOTAL = re.compile(r"进出口|外贸总?额|贸易总额")


def _complementary(parts: list[Framed], total: Framed) -> bool:
    if len(parts) != 2:
        return False
    a, b = (re.sub(r"\s", "", p.lead) for p in parts)
    pairs = [*_COMPLEMENTS, _TRADE] if _TRADE_TOTAL.search(total.lead) else _COMPLEMENTS
    return any(x.search(a) and y.search(b) and not y.search(a) and not x.search(b) for x, y in pairs)


# "本周总成交量 805.28 万吨": a total named 总 + its measure, opening its clause
_NAMED_TOTAL = re.compile(r"(?:^|[，,；;。])\s*(?:本周|本月|当月|当周|全年|同期)?\s*总([\u4e00-\u9fa5]{2,4}?)\s*(?:为|达|约|达到)?\s*$")


def _named_totals(sec: Para, fs: list[Framed]) -> list[Check]:
    """"本周挂牌协议交易成交量 318.23 万吨，…；大宗协议交易成交量 487.05 万吨，…；无单向竞价。本周总成交量
    805.28 万吨": the total of a measure after its parts, each a clause of the paragraph naming a
    kind of that measure. Found by their names, so the fit confirms and no fit proves nothing."""
    out: list[Check] = []
    if not any("总" in raw for raw in sec.raw):
        return out
    for k, t in enumerate(fs):
        raw = sec.raw[t.tok.sent]
        if "总" not in raw[max(0, t.tok.fig.start - 48):t.tok.fig.start] or "总" not in chars_before(raw, t.tok.fig.start, 12):
            continue
        # from the stop before the total, the stop included
        m = _NAMED_TOTAL.search(raw, max(0, clause_start(raw, t.tok.fig.start, "，,；;。") - 1), t.tok.fig.start)
        if m is None or t.tok.bound or t.tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
            continue
        measure = m.group(1)
        parts = []
        for x in reversed(fs[:k]):
            if x.paragraph != t.paragraph:
                break
            xr = sec.raw[x.tok.sent]
            clause = xr[clause_start(xr, x.tok.fig.start, "，,；;。、"):x.tok.fig.start]
            if "总" + measure in clause:
                break  # the total of an earlier group
            if x.tok.cunit == t.tok.cunit and not x.tok.bound and re.search(
                    rf"^\s*(?:[\u4e00-\u9fa5A-Za-z]{{2,}})?{measure}\s*(?:为|达|约)?\s*$", clause):
                parts.append(x)
        if len(parts) >= 2:
            parts.reverse()
            out.append(_parts_check(sec, t, parts, "the parts named by the measure need not be all of it"))
    return out


# "资本开支合计 765 亿美元，同比增长 64%：亚马逊 243 亿美元（+74%），…": a total named as one, its
# parts after the colon that closes its clause group
_SUM_WORDS = "合计|共计|总计|合共|总额|总量|总和"
_NAMED_SUM = re.compile(rf"(?:{_SUM_WORDS})\s*(?:为|达|约|实现)?\s*$")
_SUM_WORD = re.compile(_SUM_WORDS)


def _colon_parts(sec: Para, fs: list[Framed], mine: list[Framed]) -> list[Check]:
    """`mine`: the sentence's figures that are no bound."""
    if not mine:
        return []
    raw = sec.raw[mine[0].tok.sent]
    for total in mine:
        if not _NAMED_SUM.search(total.lead) or total.tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
            continue
        colon = next((m.start() for m in re.finditer(r"[：:]", raw) if m.start() > total.tok.fig.end), -1)
        # the colon closes the total's clause group: only its growth may stand between them
        if colon < 0 or any(x.tok.fig.end <= colon and x.tok.fig.start > total.tok.fig.end
                            and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) for x in mine):
            continue
        parts = [x for x in mine if x.tok.fig.start > colon and _same_amount(x, total) and not nested(raw, x, colon)
                 and not SHARE_LEAD.search(x.lead)]
        if len(parts) < 2:
            continue
        chk = _parts_check(sec, total, parts, "the parts listed after the colon need not be all of it")
        out = [chk]
        if chk.verdict == "consistent" and (grown := derived_total_growth(sec, fs, total, parts)) is not None:
            out.append(grown)
        return out
    return []


_RESPECTIVE = re.compile(r"分别(?:为|是|达)?\s*$")
_LIST_SEP = re.compile(r"^\s*[、/]\s*$")
# "同比+1.7pct至9.0%": the change runs to the level after it
_TO_LEVEL = re.compile(r"^\s*(?:至|到)")
TO_ONLY = re.compile(r"^\s*(?:至|到)\s*$")
# the lead of a 、-list's later item: "、竣工 ", "/", "方、竣工" (after "1,200 万方")
_LIST_ITEM = re.compile(r"^[^，,。；;\d]{0,3}?\s*[、/][\u4e00-\u9fa5A-Za-z]{0,6}\s*$")


def _run_after(fs: list[Framed], k: int) -> list[Framed]:
    """The 、- or /-joined figures starting at fs[k], in its sentence."""
    run = [fs[k]]
    while run[-1].index + 1 < len(fs):
        nxt = fs[run[-1].index + 1]
        if nxt.tok.sent != fs[k].tok.sent or not _LIST_SEP.match(nxt.lead):
            break
        run.append(nxt)
    return run


def _list_parts(sec: Para, fs: list[Framed]) -> list[Check]:
    """"上半年收入 138.8 亿，同比增长 204.4%，中国 / 海外收入分别为 82.8/55.9 亿，分别同比增长 135.2%/439.6%":
    a total, then its parts as a 分别-list naming the total's measure (bare numbers take the last
    item's unit), and their growths as a second list. The parts need not exhaust the total, so a
    fit confirms; parts that add up to it give its growth (derived)."""
    out: list[Check] = []
    if not any("分别" in raw for raw in sec.raw):
        return out
    for k, first in enumerate(fs):
        if not _RESPECTIVE.search(first.lead) or "分别" not in sec.raw[first.tok.sent]:
            continue
        items = _run_after(fs, k)
        last = items[-1]
        # a price per unit ("欧元 / 吨") is no part of another: only amounts add up
        if len(items) < 2 or last.tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or last.tok.bound \
                or "/" in last.tok.fig.unit or "/" in chars_after(sec.raw[last.tok.sent], last.tok.fig.end, 3) \
                or any(x.tok.fig.kind != FigureKind.NUMBER and x.tok.cunit != last.tok.cunit for x in items[:-1]):
            continue
        scale = last.tok.fig.scale or 1.0
        levels = [x.tok.interval() if x.tok.cunit == last.tok.cunit else x.tok.interval().scale(scale) for x in items]
        totals = [t for t in fs[:k] if t.tok.sent == first.tok.sent and t.tok.cunit == last.tok.cunit
                  and t.tok.fig.scale == last.tok.fig.scale and not t.tok.bound and len(t.metric) >= 2
                  and t.metric[-2:] in first.lead]
        if not totals:
            continue
        total = totals[-1]
        acc = interval_sum(levels)
        unit = re.sub(r"^[\s+\-−－]*[\d.,]+\s*", "", last.tok.text)
        texts = [x.tok.text if x.tok.cunit == last.tok.cunit else f"{x.tok.text} {unit}" for x in items]
        chk = judge(sec, "sum", total.tok, [x.tok for x in items], [(" + ".join(texts) + f" = {total.tok.text}", acc)],
                    magnitude=False)
        chk = hedge(sec, chk, "the parts listed need not be all of it")
        out.append(chk)
        g = growth_after(fs, total)
        after = last.index + 1
        if chk.verdict != "consistent" or g is None or after >= len(fs) or not re.search(r"分别\s*同比", fs[after].lead):
            continue
        growths = _run_after(fs, after)
        if len(growths) != len(items) or any(x.tok.fig.kind != FigureKind.PERCENT for x in growths):
            continue
        grown = _growth_from_parts(sec, total, g, [x.tok for x in items], levels, texts, growths,
                                   "last year's total is derived from the parts listed")
        if grown is not None:
            out.append(grown)
    return out


def _flow_parts(sec: Para, mine: list[Framed]) -> list[Check]:
    """"美国所有商业银行存款流入 182 亿美元，大型银行存款流入 200 亿美元，小型银行流出 89 亿美元，外国
    机构流入 71 亿美元": the whole's flow, then its parts' flows, each in its own clause. Found by
    their fit, so the fit confirms and no fit proves nothing."""
    if len(mine) < 3 or not _FLOW.search(mine[0].lead) \
            or mine[0].tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
        return []
    total = mine[0]
    if not total.tok.fig.value:
        return []  # "融券卖出0股，融券偿还0股，融券余量0股": zeros fit any sum and say nothing of one
    parts = [x for x in mine[1:] if _same_amount(x, total)]
    raw = sec.raw[total.tok.sent]
    # each part in its own clause, the first may open a bracket ("存款流入 68 亿美元（大型银行流出 37 亿，…）")
    if len(parts) < 2 or not all(_FLOW.search(x.lead) and re.search(r"[，,；;（(]", raw[y.tok.fig.end:x.tok.fig.start])
                                 for y, x in zip([total, *parts], parts, strict=False)):
        return []
    chk = _parts_check(sec, total, parts, "the parts written after the whole need not exhaust it")
    # a whole named as such ("所有商业银行") is counted either way; else only parts that fit it
    # show the sentence is a whole and its parts ("银行业贷款增加 84 亿美元，大型银行贷款增加 103 亿美元…")
    return [chk] if chk.verdict == "consistent" or _ALL_FLOW.search(total.lead) else []


_NET_TOTAL = re.compile(r"净(?:增|开|新增|增加)[^，,。；;\d]{0,6}$")
_CLOSED_PART = re.compile(r"(?:关闭|关停|闭店|净闭|撤出|退出|减少)[^，,、；;。\d]{0,6}$")


def _parts_check(sec: Para, total: Framed, parts: list[Framed], why: str, *, certain: bool = False) -> Check:
    signs = [_flow_sign(p) for p in parts]
    sign = _flow_sign(total)
    if _NET_TOTAL.search(total.lead):
        # "净增门店117家，其中新开门店77家、…、关闭门店24家": a net total counts its closings against it
        signs = [-1 if _CLOSED_PART.search(p.lead) else g for p, g in zip(parts, signs, strict=True)]
    if all(x == 1 for x in signs) and sign == 1:
        acc = interval_sum(p.tok.interval() for p in parts)
        # a part written with its sign keeps it ("+ 109 亿 - 11 亿 + 254 亿")
        text = "".join((" " if p.tok.text.lstrip()[:1] in "+-−－" else " + ") + p.tok.text if j else p.tok.text
                       for j, p in enumerate(parts))
    else:
        acc = interval_sum(p.tok.interval().scale(g * sign) for p, g in zip(parts, signs, strict=True))
        text = "".join(("" if j == 0 and g == 1 else " + " if g == 1 else " - " if j else "-") + p.tok.text
                       for j, (p, g) in enumerate(zip(parts, signs, strict=True)))
        if sign == -1:
            text = f"-({text})"
    side = bound_side(sec.raw[total.tok.sent], total.tok.fig) if total.tok.bound else 0
    stated = total.tok.interval(result=True)
    # "超 1500 亿元，其中…": the parts reach past the bound
    # (finite ends: any sum past the bound fits it)
    stated_iv = Interval(stated.lo, max(stated.hi, acc.hi)) if side > 0 else \
        Interval(min(stated.lo, acc.lo), stated.hi) if side < 0 else None
    rel = "≥" if side > 0 else "≤" if side < 0 else "="
    # the bound is read into stated_iv, so the total is judged as a value
    chk = judge(sec, "sum", replace(total.tok, bound=False) if side else total.tok, [p.tok for p in parts],
                [(f"{text} {rel} {total.tok.text}", acc)], magnitude=False, stated_iv=stated_iv)
    if not certain and chk.verdict == "consistent" and acc.lo < 0 < acc.hi and acc.hi - acc.lo > abs(stated.mid):
        # "-1.68亿元 + 2亿" spans -0.18亿 to 0.83亿, of either sign: parts found by their fit that fit anything
        # confirm nothing
        return chk.model_copy(update={"verdict": "unverifiable", "note": "the parts' sum is too loose to tell",
                                      "computed": "", "computed_low": None, "computed_high": None})
    # parts need not exhaust the total, and may nest (新能源 ⊃ 太阳能)
    return chk if certain else hedge(sec, chk, why)


def _suffix(a: str, b: str) -> int:
    """How many characters two measures end on in common (营收 / 肿瘤 & 血液学营收: 2)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _metric_parts(sec: Para, fs: list[Framed]) -> list[Check]:
    """"汽车累计销量 3435 万辆，同比增长 9.3%，乘用车销量 3006 万辆（+9.1%），商用车销量 429 万辆" (789):
    a level followed in its sentence by two or more levels of its unit, each of its measure
    narrowed by another name, and nothing else of that unit, may be its breakdown. Written without
    其中, the breakdown is only a reading: parts that add up confirm it, and parts that do not
    are no relation at all (no check)."""
    out: list[Check] = []
    amounts = (FigureKind.MONEY, FigureKind.QUANTITY)
    by_sent: dict[int, list[tuple[int, Framed]]] = {}  # the frames of each sentence, with their place
    for j, x in enumerate(fs):
        by_sent.setdefault(x.tok.sent, []).append((j, x))
    for k, t in enumerate(fs):
        if t.tok.fig.kind not in amounts or t.tok.bound or len(t.metric) < 2 or "其中" in sec.raw[t.tok.sent]:
            continue
        same = [x for j, x in by_sent[t.tok.sent] if j > k and x.tok.cunit == t.tok.cunit]
        # each narrows the level's measure, or the two are each other's complement (陆风 / 海风)
        if len(same) < 2 or any(x.tok.bound or x.metric == t.metric or SHARE_LEAD.search(x.lead) for x in same) \
                or not (all(_suffix(x.metric, t.metric) >= 2 for x in same) or _complementary(same, t)) \
                or len({x.metric for x in same}) != len(same):
            continue
        out.extend(confirm_parts(sec, fs, t, same, "the parts are read by their names, without 其中"))
    return out


# the author's own breakdown of a level written before: "分品牌看：", "分业务来看，", "分区域看"
_BREAKDOWN = re.compile(r"分(?:业务|产品|品牌|区域|地区|渠道|板块|品类|市场|行业|下游|业态|模式|系列|国内外|内外销)(?:来)?看")


def _breakdown_parts(sec: Para, fs: list[Framed]) -> list[Check]:
    """"公司2020年收入45亿元，同比+7.7%…分品牌看：自有品牌收入41.1亿元（YOY+49%），小米品牌收入4.2亿元
    （YOY-70%）" (cfb264): the levels of the clause a 分X看 opens, each of the measure of a level
    written before it in the section (收入), are that level's breakdown when they add up to it; its
    growth is then derived from theirs, with certainty: the author named the breakdown, and the
    parts fill the whole. Parts that do not add up are no relation (no check)."""
    out: list[Check] = []
    for si, raw in enumerate(sec.raw):
        if "看" not in raw:
            continue
        for m in _BREAKDOWN.finditer(raw):
            end = next((k.start() for k in re.finditer(r"[。；;]|分(?:业务|产品|品牌|区域|地区|渠道)", raw)
                        if k.start() > m.end()), len(raw))
            parts = [x for x in fs if x.tok.sent == si and m.end() <= x.tok.fig.start < end
                     and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound
                     and not _PRICE_WORD.search(x.metric)]
            if len(parts) < 2 or len({x.tok.cunit for x in parts}) != 1 or len({x.metric for x in parts}) != len(parts):
                continue
            # the whole: the last level before the breakdown, of its unit, whose measure the parts name
            first = parts[0]
            wholes = [x for x in fs if x.index < first.index and (x.tok.sent < si or x.tok.fig.end <= m.start())
                      and x.tok.cunit == first.tok.cunit and not x.tok.bound and x.topic <= first.topic
                      and all(_suffix(p.metric, x.metric) >= 2 for p in parts) and x.metric not in {p.metric for p in parts}]
            if not wholes:
                continue
            # (the parts' period is often only carried from a sentence between: their fit decides)
            t = wholes[-1]
            acc = interval_sum(x.tok.interval() for x in parts)
            chk = judge(sec, "sum", t.tok, [x.tok for x in parts],
                        [(" + ".join(x.tok.text for x in parts) + f" = {t.tok.text} (the 分…看 breakdown)", acc)],
                        magnitude=False)
            if chk.verdict != "consistent":
                continue
            out.append(hedge(sec, chk, "the breakdown is read by the parts' fit"))
            # the parts fill the whole the author broke down: its derived growth is certain
            grown = derived_total_growth(sec, fs, t, parts, certain="the 分…看 breakdown")
            if grown is not None:
                out.append(grown)
    return out + _slash_breakdowns(sec, fs)


def _slash_breakdowns(sec: Para, fs: list[Framed]) -> list[Check]:
    """"线上/直营/加盟收入分别为1.23/19.14/6.83亿元、同比增长25%/18%/19%" after "2021年公司收入…27.20…亿元、
    同比增长18.09%…" (cfr382): a slash list of one measure in a later sentence that adds up to the
    last level of that measure before it is its breakdown, by fit only (confirm-only, with the
    level's growth derived from the parts')."""
    out: list[Check] = []
    if not any("/" in raw for raw in sec.raw):
        return out
    i = 0
    while i < len(fs):
        run = [fs[i]]
        while i + len(run) < len(fs) and _SLASH_LEAD.match(fs[i + len(run)].lead) \
                and fs[i + len(run)].tok.sent == fs[i].tok.sent and fs[i + len(run)].tok.cunit == fs[i].tok.cunit:
            run.append(fs[i + len(run)])
        i += len(run)
        if len(run) < 2 or run[0].tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                or len({x.metric for x in run}) != len(run):
            continue
        measure = _LIST_MEASURE.search(run[-1].metric)
        if measure is None or not all(x.metric.endswith(measure.group(0)) and x.metric != measure.group(0) for x in run):
            continue
        wholes = [x for x in fs if x.tok.sent < run[0].tok.sent and not x.tok.bound
                  and x.tok.cunit == run[0].tok.cunit and x.metric.endswith(measure.group(0))
                  and _GENERIC.sub("", x.metric[:-len(measure.group(0))]) == ""]
        # the nearest that the parts fill (the year's, not a quarter's written after it)
        for t in reversed(wholes):
            found = confirm_parts(sec, fs, t, run, "a slash list read as a breakdown by its fit")
            if found:
                out.extend(found)
                break
    return out


def confirm_parts(sec: Para, fs: list[Framed], t: Framed, parts: list[Framed], why: str) -> list[Check]:
    """Parts paired with a total by their names (not by 其中): a sum that fits confirms it, with the
    total's growth from theirs (`derived_total_growth`); a misfit is no relation (nothing)."""
    acc = interval_sum(x.tok.interval() for x in parts)
    chk = judge(sec, "sum", t.tok, [x.tok for x in parts],
                [(" + ".join(x.tok.text for x in parts) + f" = {t.tok.text}", acc)], magnitude=False)
    if chk.verdict != "consistent":
        return []
    out = [hedge(sec, chk, why)]
    if (grown := derived_total_growth(sec, fs, t, parts)) is not None:
        out.append(grown)
    return out


_PRICE_WORD = re.compile(r"均价|单价|售价|平均[\u4e00-\u9fa5]{0,2}价")
_AMOUNT_WORD = re.compile(r"金额|[售口]额|收入|营收|票房")
_VOLUME_WORD = re.compile(r"数量|[销产出进]?[口]?量$|销量|出货量|交付量|人次")
_SUBJECT_NOISE = re.compile(r"公司|全年|主业|业务|实现|总|合计|整体|平均|[\d.%]|\s")


def _subject(metric: str, measure: re.Pattern[str]) -> str:
    """What an amount or a volume is of: its metric without the measure ("外加剂主业全年收入" -> 外加剂)."""
    m = measure.search(metric)
    return _SUBJECT_NOISE.sub("", metric[:m.start()] if m else metric)


def _same_subject(a: Framed, v: Framed) -> bool:
    """An amount and a volume of one thing: one names no subject, or one's subject holds the other's
    (出口金额 / 出口数量; not 外加剂收入 / 高性能减水剂销量, cfb233)."""
    sa, sv = _subject(_named(a), _AMOUNT_WORD), _subject(_named(v), _VOLUME_WORD)
    return not sa or not sv or sa in sv or sv in sa



_ASIDE_END = re.compile(r"[（(][^（）()]*[)）]\s*$")


def _named(x: Framed) -> str:
    """A figure's metric, or the words before the aside its figure follows ("交付量（扣除租赁）37.74 万辆")."""
    if not _ASIDE_END.search(x.lead):
        return x.metric
    return re.split(r"[，,。；;：:]", _ASIDE_END.sub("", x.lead))[-1].strip()


def _measures(before: list[Framed], name: Callable[[Framed], str], per: str = "") -> tuple[list[Framed], list[Framed]]:
    """The amounts and the volumes among `before`, by the measure `name` reads of each; a volume in
    `per` (the unit a price is per), when the price names one."""
    amounts = [x for x in before if x.tok.fig.kind == FigureKind.MONEY and _AMOUNT_WORD.search(name(x))]
    volumes = [x for x in before if x.tok.fig.kind == FigureKind.QUANTITY and _VOLUME_WORD.search(name(x))
               and (not per or currency(x.tok.fig.unit.strip()) == per)]
    return amounts, volumes


def _unit_prices(sec: Para, fs: list[Framed]) -> list[Check]:
    """"出口金额 9.1 亿美元（同比 + 16%…），出口数量 460 万台（同比 - 12%…），出口均价 198.1 美元 / 台（同比 +
    32%…）" (566): the price is the amount over the volume ("总票房 17.38 亿元…观影人次 2789 万，平均票价
    39.8 元", 142: 62.3 元), and its growth is (1 + gA) / (1 + gV) − 1 for each basis the three
    write (derived), certain when the price is the amount over the volume; else a fit confirms."""
    out: list[Check] = []
    if not any(_PRICE_WORD.search(x.metric) for x in fs):
        return out
    for p in fs:
        if p.tok.fig.kind != FigureKind.MONEY or not _PRICE_WORD.search(p.metric) or p.tok.bound:
            continue
        before = [x for x in fs[max(0, p.index - 8):p.index] if x.tok.sent == p.tok.sent and not x.tok.bound
                  and _same_period(x.period, p.period)]
        amounts, volumes = _measures(before, lambda x: x.metric)
        if not amounts and not volumes and p.tok.sent > 0:
            # "营收 157.9 亿美元，同比 - 15%…；汽车交付量（扣除租赁）37.74 万辆，…；单车售价 4.18 万美元" (394): the
            # amount and the volume in the clauses of its ；-chain before it, a measure named before an aside
            chain = _chain_start(sec, p.tok.sent)
            before = [x for x in fs[max(0, p.index - 8):p.index] if chain <= x.tok.sent < p.tok.sent
                      and not x.tok.bound and _same_period(x.period, p.period)]
            # (a price per kg is no revenue over a count of heads, cfb526)
            amounts, volumes = _measures(before, _named, p.tok.fig.unit.split("/")[1].strip() if "/" in p.tok.fig.unit else "")
        if not amounts and len(volumes) == 1:
            # "销量7853.64吨，同比+8.55%，均价23.08万元/吨，同比+11.88%，收入18.12亿，同比+21.43%" (cfb062): the
            # amount may close the sentence, after its price
            after = [x for x in fs[p.index + 1:p.index + 4] if x.tok.sent == p.tok.sent and not x.tok.bound]
            amounts = [x for x in after if x.tok.fig.kind == FigureKind.MONEY and _AMOUNT_WORD.search(x.metric)][:1]
        if len(amounts) != 1 or len(volumes) != 1:
            continue
        a, v = amounts[0], volumes[0]
        if v.tok.interval().lo <= 0 or a.tok.interval().lo <= 0:
            continue
        # the price written is the amount over the volume (198.1 美元 / 台 against 9.1 亿 / 460 万), in
        # the amount's currency; one of each in the clauses before it makes the pairing certain
        if currency(a.tok.fig.unit.strip()) != currency(p.tok.fig.unit.split("/")[0].strip()):
            continue
        if a.index > p.index:
            # the amount written last is the result: volume × price, and its growth from theirs
            out.extend(_amount_last(sec, fs, a, v, p))
            continue
        level = a.tok.interval() / v.tok.interval()
        chk = judge(sec, "ratio", p.tok, [a.tok, v.tok],
                    [(f"{a.tok.text} / {v.tok.text} = {p.tok.text} ({p.metric} = {_named(a)} / {_named(v)})", level)],
                    magnitude=False)
        if not _same_subject(a, v):
            chk = hedge(sec, chk, "the amount and the volume name different things")
        out.append(chk)
        fits = chk.verdict == "consistent"
        for basis in ("同比", "环比"):
            gp, ga, gv = (growth_after(fs, x, basis) for x in (p, a, v))
            if gp is None or ga is None or gv is None:
                continue
            one = Interval(1, 1)
            fa, fv = one + signed_level(ga).scale(0.01), one + signed_level(gv).scale(0.01)
            if fv.lo <= 0:
                continue
            chk = judge_signed(
                sec, "growth", gp, [a.tok, ga.tok, v.tok, gv.tok],
                [(f"{one_plus(ga)}/{one_plus(gv)} - 1 = {gp.tok.text} ({p.metric} = {_named(a)} / "
                  f"{_named(v)}, {basis})", (fa / fv - one).scale(100))], derived=True)
            out.append(chk if fits else hedge(sec, chk, "the price is not the amount over the volume written"))
    return out


def _amount_last(sec: Para, fs: list[Framed], a: Framed, v: Framed, p: Framed) -> list[Check]:
    """"销量7853.64吨，同比+8.55%，均价23.08万元/吨，同比+11.88%，收入18.12亿，同比+21.43%" (cfb062): the
    amount is the volume times the price, and its growth (1 + gV)(1 + gP) − 1 (derived, certain when
    the amount fits)."""
    chk = judge(sec, "product", a.tok, [v.tok, p.tok],
                [(f"{v.tok.text} × {p.tok.text} = {a.tok.text} ({a.metric} = {v.metric} × {p.metric})",
                  v.tok.interval() * p.tok.interval())], magnitude=False)
    if not _same_subject(a, v):
        chk = hedge(sec, chk, "the amount and the volume name different things")
    out = [chk]
    for basis in ("同比", "环比"):
        gp, ga, gv = (growth_after(fs, x, basis) for x in (p, a, v))
        if gp is None or ga is None or gv is None:
            continue
        one = Interval(1, 1)
        grown = judge_signed(
            sec, "growth", ga, [v.tok, gv.tok, p.tok, gp.tok],
            [(f"{one_plus(gv)}×{one_plus(gp)} - 1 = {ga.tok.text} ({a.metric} = {v.metric} × "
              f"{p.metric}, {basis})",
              ((one + signed_level(gv).scale(0.01)) * (one + signed_level(gp).scale(0.01)) - one).scale(100))],
            derived=True)
        out.append(grown if chk.verdict == "consistent" and chk.refutable is not False
                   else hedge(sec, grown, "the amount is not the volume times the price written"))
    return out


# the words that open a total's parts: "T，其中 A a、B b", "T，含 A（a）和 B（b）", "包括…以及…"
_BREAKDOWN_OPEN = re.compile(r"^[\s，,*]*(?:分|按)[\u4e00-\u9fa5]{1,6}?(?:看|来看|划分)\s*[，,：:]")
_WHOLE_OPEN = re.compile(r"^[\s，,*]*([\u4e00-\u9fa5A-Za-z]{2,10})中\s*[，,：:]")
_PARTS_WORD = re.compile(r"其中|包括|包含|涵盖|(?<![不所])含(?![量税金义有])")
def derived_total_growth(sec: Para, fs: list[Framed], total: Framed, parts: list[Framed], *,
                         certain: str = "") -> Check | None:
    """"美护板块营收合计 731.7 亿元，同比 + 12%" with its parts "化妆品…营收 605.6 亿元，同比 + 13%" and
    "医美板块营收 126.1 亿元，同比 + 12%": last year's total is Σ part / (1 + its growth), an
    intermediate the text does not state (derived). Only for parts that add up to the total; the
    parts are paired by metric or name, so a fit confirms and no fit proves nothing, unless
    `certain` says why the parts are the total's (it is shown with the relation)."""
    for basis in ("同比", "环比"):
        # "供应量 60.8 亿方，同比上升 4.2%，周环比下降 2.8%。其中，LNG…周环比下降 3.8%…": each basis
        # its parts all write
        # (a level of a slash list takes the growth at its place: "27.20/6.25/5.8亿元、同比增长18.09%/…")
        g = _list_growth(fs, total, basis)
        found = [_list_growth(fs, p, basis) or (_bracketed_growth(fs, p) if basis == "同比" else None) for p in parts]
        growths = [x for x in found if x is not None]
        if g is not None and len(growths) == len(parts):
            return _growth_from_parts(sec, total, g, [p.tok for p in parts], [p.tok.interval() for p in parts],
                                      [p.tok.text for p in parts], growths,
                                      "last year's total is derived from parts paired by metric or name",
                                      certain=certain)
    return None


def _growth_from_parts(sec: Para, total: Framed, g: Framed, parts: list[Tok], levels: list[Interval],
                       texts: list[str], growths: list[Framed], why: str, *, certain: str = "") -> Check | None:
    """The total's stated growth `g` against last year's total Σ level / (1 + growth) of its parts
    (`derived`); the parts are found, not certain, so a fit confirms and no fit proves nothing,
    unless `certain` names what makes them the total's."""
    implied = implied_growth(total.tok.interval(), [(lv, signed_level(gx)) for lv, gx in zip(levels, growths, strict=True)])
    if implied is None:
        return None
    change, before = implied
    shown = " + ".join(f"{t}/(1{'+' if signed_level(gx).mid >= 0 else '-'}{fmt(abs(signed_level(gx).mid))}%)"
                       for t, gx in zip(texts, growths, strict=True))
    chk = judge_signed(sec, "growth", g, [total.tok, *parts],
                       [(f"{total.tok.text} / 上年 {fmt(before.mid / (total.tok.fig.scale or 1))} (= {shown}) - 1"
                         f" = {g.tok.text}" + (f" ({certain})" if certain else ""), change)], derived=True)
    if chk.verdict == "inconsistent" and (loss := growth_over_losses(total.tok.interval(), [
            (lv, signed_level(gx)) for lv, gx in zip(levels, growths, strict=True)])) is not None \
            and loss.overlaps(signed_level(g)):
        return None  # a part was a loss last year (its growth over the loss's size): no error
    return chk if certain else hedge(sec, chk, why)


# words a whole's metric may add to its parts' (营收总额 / 营收)
FILLER_WORDS = re.compile(r"总|全部|整体|合计|规模|金额|额度|额")


def _dash_margin(c: Framed, b: Framed) -> re.Match[str] | None:
    """The margin B of "净利率由 A - B，同比下降 C" is this period's: it takes A's margin word."""
    if not (DASH_MID.match(c.lead) and b.tok.sent == c.tok.sent and b.tok.fig.kind == FigureKind.PERCENT
            and re.search(r"(?:由|从)\s*$", b.lead) and re.match(
                f"^\\s*[，,]?\\s*(?:同比|环比)?\\s*(?:{UP}|{DOWN})", c.after)):
        return None
    return MARGIN.search(last_chars(b.lead, 12))


# ---------------------------------------------------------------- a share of a sum of parts
# "山西省产量 3.01 亿吨（同比 + 10.2%），内蒙古 2.85 亿吨（…），陕西 2.42 亿吨（…），三省合计占全国产量
# 77.3%": the parts are the last N levels of the sentence (N as written: 三省, 两者), the whole the
# level of the share's metric in the section. The whole is certain when it is the only one of the
# section's period (the parts' own period, else the first period the section states); a target,
# plan or forecast (全年目标产量 13 亿吨) is not a level.
_SUM_SHARE = re.compile(r"(?:([两二三四五六七八九十\d]+)[^，,。；;合]{0,3}|([二两三])者)合计占([^，,。；;]{1,12}?)"
                        r"(?:的)?\s*(?:比重|比例|份额)?\s*(?:为|约|达)?\s*$")
_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NOT_LEVEL = re.compile(r"目标|计划|预计|预测|规划|预期|上限|下限")


def _sum_share(sec: Para, fs: list[Framed], c: Framed) -> Check | None:
    m = _SUM_SHARE.search(c.lead)
    if not m or c.tok.fig.kind != FigureKind.PERCENT:
        return None
    word = m.group(1) or m.group(2)
    n = int(word) if word.isdigit() else _NUMERALS.get(word, 0)
    levels = [x for x in fs[:c.index] if x.tok.sent == c.tok.sent
              and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
    parts = levels[-n:] if n >= 2 else []
    if len(parts) != n or len(levels) != n or any(p.tok.cunit != parts[0].tok.cunit or p.tok.bound for p in parts):
        return None
    acc = interval_sum(p.tok.interval() for p in parts)
    words = FILLER_WORDS.sub("", m.group(3))
    wholes = [w for w in fs if w not in parts and w.tok.cunit == parts[0].tok.cunit and not w.tok.bound
              and w.tok.interval().lo > acc.hi and common_metric(words, w.metric)
              and not _NOT_LEVEL.search(w.lead)]
    if not wholes:
        return None
    own = period_key(parts[0].period) or next(
        (k for x in fs if (k := period_key(x.period)) is not None), None)
    of_period = [w for w in wholes if period_key(w.period) == own] if own else []
    whole = of_period[0] if len(of_period) == 1 else wholes[-1]
    relation = f"({' + '.join(p.tok.text for p in parts)}) / {whole.tok.text} = {c.tok.text}"
    chk = judge(sec, "share", c.tok, [*(p.tok for p in parts), whole.tok],
                [(relation, (acc / whole.tok.interval()).scale(100))], magnitude=False, stated_iv=loose_share(c.tok))
    chk.derived = True  # the sum of the parts is not written
    if len(of_period) != 1:
        chk = hedge(sec, chk, "the whole of the section's period is not certain")
    return chk


def framed_once(sec: Para) -> list[Framed]:
    """A section's frames, read once for `find_framed`, `find_uncounted` and the article pass
    (kept on the section itself, so articles checked in parallel threads do not share them)."""
    fs: list[Framed] | None = sec.__dict__.get("_frames")
    if fs is None:
        fs = sec.__dict__["_frames"] = read_frames(sec)
    return fs


# "跑输上证指数 2.49 个百分点" after "钢铁指数涨幅 3.09%" when the index's own return ends an
# earlier clause: "上证指数涨幅 5.57%，…；钢铁指数涨幅 3.09%，跑输上证指数 2.49 个百分点"
_BENCH_NAME = re.compile(r"(?:跑赢|跑输|超涨|超跌|领先|落后|相对)\s*([\u4e00-\u9fa5A-Za-z0-9]{2,12}?)\s*(?:的)?\s*$")
_RETURN_LEAD = re.compile(r"(?:涨幅|跌幅|收益率?|上涨|下跌|涨|跌)\s*(?:为|约|达)?\s*$")


_AVERAGE_GAP = re.compile(r"(?:高于|低于|高出|超出|超过|优于|领先)\s*(?P<who>行业|同行业?|可比公司|板块|市场|全国|全球)?\s*(?:的)?\s*"
                          r"(?:平均水平|平均值|均值|平均)\s*(?:约|为|达)?\s*$")


def _average_level(before: list[Framed], c: Framed, level: Framed) -> Framed | None:
    """The one average a gap names ("高于行业均值 7 个百分点"), written earlier in the section as an
    average ("行业平均毛利率 15%") of the compared level's metric; two values of it: none is certain."""
    m = _AVERAGE_GAP.search(c.lead)
    if not m:
        return None
    who = m.group("who") or ""
    found = [x for x in before if x is not level and x.tok.cunit == ("percent", "%") and not x.tok.bound
             and not is_points(x.tok) and re.search("平均|均值", x.lead) and who[:2] in x.lead
             and common_metric(x.metric, level.metric, 3)]
    if len({x.tok.text for x in found}) != 1:
        return None
    return found[-1]


_BEAT_PCT = re.compile(r"(?:跑赢|跑输)\s*([\u4e00-\u9fa5A-Za-z0-9 ]{2,12}?)\s*(?:约|达)?\s*$")


def _named_return_after(after: list[Framed], c: Framed, name: str) -> Framed | None:
    """The one return of the benchmark named after the gap in its paragraph, the name right before it
    ("同期沪深 300 涨跌幅 - 1.07%，上证指数 - 0.93%，创业板指 - 2.45%")."""
    name = name.strip()
    right_before = re.compile(re.escape(name) + r"\s*(?:指数)?\s*(?:涨跌幅|涨幅|跌幅|收益率?)?\s*(?:为|约)?\s*$")
    found = [x for x in after if x.paragraph == c.paragraph and x.tok.cunit == ("percent", "%") and not x.tok.bound
             and not is_points(x.tok) and right_before.search(x.lead)]
    if len({x.tok.text for x in found}) != 1:
        return None
    return found[0]


def _benchmark_level(before: list[Framed], c: Framed, level: Framed) -> Framed | None:
    """The one return of the benchmark the gap names, written earlier in the section with that
    name right before it; two different values of it: none is certain."""
    m = _BENCH_NAME.search(c.lead)
    if not m:
        return None
    name = m.group(1)
    found = [x for x in before if x is not level and x.tok.cunit == ("percent", "%") and not x.tok.bound
             and not is_points(x.tok) and _RETURN_LEAD.search(x.lead) and x.paragraph == c.paragraph
             and name in x.lead]
    if len({x.tok.text for x in found}) != 1:
        return None
    return found[-1]
