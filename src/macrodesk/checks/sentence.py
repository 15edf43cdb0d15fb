"""Relations written within one sentence: changes (由 A 增至 B), CAGRs, explicit expressions,
differences, sums, shares, elasticities, flattened 由 A - B pairs and lists paired by position (`FINDERS`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval, interval_sum
from macrodesk.checks.judging import (
    LEVEL_KINDS,
    Check,
    fmt,
    hedge,
    interval_check,
    judge,
    unverifiable,
)
from macrodesk.checks.tokens import DATE_MARK, FIG, FIG_BASE, NOFIG, WS, Para, Tok, W, in_unit_of
from macrodesk.figures import MAGNITUDE, cn_to_number
from macrodesk.models import Figure, FigureKind
from macrodesk.text.clauses import chars_before

# ---------------------------------------------------------------- the relations

UP = "上升|提升|提高|增加|增长|上涨|回升|抬升|上行|扩大|走阔|加快|反弹|跃升|攀升|上调|增|升|涨"
DOWN = "下降|下滑|下跌|回落|降低|减少|收窄|收敛|下行|放缓|下调|缩小|走低|萎缩|缩水|降|跌|减|落"
_VERB = f"(?:{UP}|{DOWN}|变动|变化|差距|相差)"
TO = "(?:至|到|→|->|变为|转为|变成)"
FROM = "(?:由(?![于此])|从)"
_PP_RELATIVE_OK = re.compile(r"增速|增长率|同比|环比|占比|比重|份额|利率|收益率|毛利率|净利率|渗透率")

# 由A升至B (，上升C个百分点 | 增长C% | 复合增长率C%) and 由A降C个百分点至B
_CHANGE_PAIR = re.compile(
    f"{FROM}{W(16)}({FIG}){W(10)}{TO}{W(12)}({FIG})"
)
_CHANGE_TAIL = re.compile(
    # ("从 7.100 美元涨至 7.950 美元（周涨 12.0%）": a weekly price's move names its span)
    # ("回升至13.5美分/磅区间，涨幅达43%": a word of where the level stands may close the pair)
    f"(?:区间|左右|附近|一线|水平)?[，,]?[（(]?(?:环比|同比|单?周|单?月|当周|当月|本周|本月)?(?:累计|合计|共|整体|幅度|变动|变化)?(?:{_VERB})(?:了|幅度|幅)?(?:为|达|约|超|逾|近)?({FIG})"
    f"|[。；;](?:{_VERB})(?:了|幅度|幅)?(?:为|达|约)?({FIG})"
    # "从 97 亿元增至 146 亿元（同比 + 51.1%）": a signed growth in a bracket needs no verb
    f"|[（(](?:环比|同比)\\s*[:：]?\\s*({FIG})"
    # "由 3.13 万元/吨下滑至 3.04 万元/吨，yoy-3%": so does a signed growth after a comma
    f"|[，,](?:环比|同比|[Yy][Oo][Yy])\\s*[:：]?\\s*({FIG})"
)
_CAGR_TAIL = re.compile(
    f"[，,（(]?(?:近|过去|未来)?(?:(?:\\d{{1,2}}|[一二两三四五六七八九十])\\s*年(?:间|的)?)?(?:期间|年均|年化)?"
    f"(?:CAGR|复合(?:年均?)?增(?:长)?(?:速|率)?|年均复合增(?:长)?(?:速|率)?"
    f"|年复合增(?:长)?(?:速|率)?|年均增(?:长|速)?(?:率)?|年化增(?:长)?(?:速|率)?)"
    f"(?:预计|有望|或将?|将)?\\s*(?:为|达|约|达到|高达|超过?|逾|近|接近|不低于)?\\s*({FIG})"
)
# "由2017年的6.63亿台以19.4%的增速增长到2023年的19亿台": the yearly rate between the two levels
_CAGR_INNER = re.compile(
    f"{FROM}{W(16)}({FIG}){W(2)}[，,]?以({FIG})的?(?:年均|年复合|复合|年化){{0,2}}(?:增长率|增速|速度|速率|增长速度)"
    f"(?:增长|上升|提升|扩张|扩大|增加)?{TO}{W(12)}({FIG})"
)
# "以13%的年复合增长率增长，从2000年的48亿美元增长到2021年的338亿美元": the rate written before the pair
_CAGR_BEFORE = re.compile(
    f"以({FIG})的?(?:年均|年复合|复合|年化){{1,2}}(?:年)?(?:增长率|增速|速度|速率|增长速度)(?:增长|上升|提升|扩张|扩大|增加)?"
    f"[，,]?{FROM}{W(16)}({FIG}){W(6)}{TO}{W(12)}({FIG})"
)
# "2024 年 8 月 10%→2025 年 5 月 9%（累计降 1 个百分点）": an arrow between two levels, no 由/从
_ARROW_PAIR = re.compile(f"(?<![{NOFIG}→>])({FIG})\\s*(?:→|->)\\s*{DATE_MARK}?\\s*({FIG})")
# after a pair of levels, a change against a year before (or 比上年) is not B - A; 环比上升 is
_YOY_HEAD = re.compile("同比|较|相比|(?<!环)比上")
_LAST_YEAR = re.compile(r"去年|上年|同期")
_CHANGE_INNER = re.compile(
    # ("从2019年66.6%下降6.9ppt至2020年59.7%": the later level may carry its date)
    f"(?:{FROM}|较|(?<![占对])比(?![例重率值较])){W(16)}({FIG}){W(6)}(?:{_VERB})(?:了)?(?:约)?({FIG}){W(2)}(?:至|到)"
    f"(?:{DATE_MARK}的?)?({FIG})"
)
_CHANGE_LEAD = re.compile(
    f"(?:{_VERB})(?:了)?(?:约)?({FIG})[，,（(]?{FROM}{W(16)}({FIG}){W(10)}{TO}{W(12)}({FIG})"
)
_UNVERIFIABLE_CHANGE = re.compile(
    f"(?:较|(?<![占对])比(?![例重率值较])|同比|环比)({W(12)})(?:{_VERB})(?:了)?(?:约)?({FIG})(?:至|到)({FIG})"
)
_YEAR = re.compile(r"((?:19|20)\d{2})")


def is_points(t: Tok) -> bool:
    return t.fig.kind == FigureKind.POINTS


def change_check(para: Para, a: Tok, b: Tok, c: Tok, tail_text: str) -> Check | None:
    """B - A against a stated change C (points, percent or amount)."""
    pct = FigureKind.PERCENT
    ia, ib = a.interval(), b.interval()
    if a.fig.kind == pct and b.fig.kind == pct:
        diff = ib - ia
        label = f"|{b.text} - {a.text}|"
        if is_points(c):
            return judge(para, "change", c, [a, b], [(f"{label} = {c.text}", diff)], bounds=True)
        if c.fig.kind == pct:
            # "由10%升至12%，提升2%" may mean points or a relative change: either reading will do
            readings = [(f"{label} = {c.text} (points)", diff)]
            if ia.lo > 0:
                readings.append((f"({b.text}/{a.text} - 1) = {c.text}",
                                 (ib / ia - Interval(1, 1)).scale(100)))
            return judge(para, "change", c, [a, b], readings, bounds=True)
        return None
    if a.cunit != b.cunit or a.fig.kind not in LEVEL_KINDS:
        return None
    if (a.fig.scale or 1) != (b.fig.scale or 1) and ia.lo > 0 and not 0.02 < (ib / ia).mid < 50:
        return None  # "5.15 万元 / 吨，较…4.90 元 / 吨上涨 5.10%": a unit slip, no relation to judge
    if c.fig.kind == pct and ia.lo > 0:
        return judge(para, "growth", c, [a, b],
                     [(f"({b.text}/{a.text} - 1) = {c.text}", (ib / ia - Interval(1, 1)).scale(100))],
                     bounds=True)
    if c.fig.kind == FigureKind.MULTIPLE and ia.lo > 0:
        ratio = ib / ia
        return judge(para, "growth", c, [a, b], [
            (f"{b.text}/{a.text} - 1 = {c.text}", ratio - Interval(1, 1)),
            (f"{b.text}/{a.text} = {c.text}", ratio),
        ])
    if c.cunit == a.cunit:
        return judge(para, "change", c, [a, b], [(f"|{b.text} - {a.text}| = {c.text}", ib - ia)],
                     bounds=True)
    return None


# ("预计公司21-23年…由82.01亿元增长至109.95亿元": a span of two-digit years, 2015 to 2035)
YEAR_SPAN = re.compile(
    r"((?:19|20)\d{2}|(?<![\d.])(?:1[5-9]|2\d|3[0-5]))\s*(?:年\s*)?(?:-|–|—|―|－|~|～|至|到)\s*((?:19|20)?\d{2})\s*(?:财年|年|E\b)")


def span_years(m: re.Match[str]) -> tuple[int, int]:
    """The first and last year of a `YEAR_SPAN` match, in four digits ("21-23年", "2019-24 财年")."""
    y0, y1 = int(m.group(1)), int(m.group(2))
    y0 = y0 + 2000 if y0 < 100 else y0
    return y0, y1 + y0 // 100 * 100 if y1 < 100 else y1


def _years(para: Para, a: Tok, b: Tok) -> int | None:
    """Years between two levels: from their own dates (由2021年的A增至2024年的B), else from the
    last year span written before them in the sentence (2016-2024年，…从A增至B)."""
    ya = _YEAR.search(a.fig.period or "")
    yb = _YEAR.search(b.fig.period or "")
    n = int(yb.group(1)) - int(ya.group(1)) if ya and yb else 0
    if n <= 0 and a.sent == b.sent:
        spans = list(YEAR_SPAN.finditer(para.raw[a.sent][:a.fig.start])) or _span_before(para, a.sent)
        if spans:
            y0, y1 = span_years(spans[-1])
            n = y1 - y0
    return n if n > 0 else None


def _span_before(para: Para, si: int) -> list[re.Match[str]]:
    """"2019-24 财年，央企分红从 A 增至 B，CAGR x；地方国企分红从 C 增至 D，CAGR y": a clause after
    a ； that states a CAGR like the one before it shares that one's year span."""
    prev = para.raw[si - 1] if si > 0 else ""
    if not re.search(r"[；;]\s*$", prev) or not re.search(r"CAGR|复合", prev):
        return []
    return list(YEAR_SPAN.finditer(prev))


# a CAGR's own count of years, right before its figure: "三年复合增长率达", "10 年 CAGR 为", "CAGR-10=",
# "（CAGR-10=30%）" (105)
_YEARS_OF_CAGR = re.compile(
    r"(?:(?<![\d.])(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*年(?:间|的)?\s*(?:年均)?\s*(?:CAGR|复合|年化)"
    r"|CAGR\s*[-－]\s*(?P<m>\d{1,2})(?![\d.]))[^，,。；;\d%]{0,10}$")


def cagr_years(before: str) -> int | None:
    """The count of years a CAGR names as its own window, from the text right before its figure."""
    m = _YEARS_OF_CAGR.search(before)
    if m is None:
        return None
    n = m.group("n") or m.group("m")
    years = int(n) if n.isdigit() else int(cn_to_number(n) or 0)
    return years if 0 < years <= 30 else None


def _cagr(para: Para, a: Tok, b: Tok, c: Tok) -> Check | None:
    n = _years(para, a, b)
    written = cagr_years(chars_before(para.raw[c.sent], c.fig.start, 20))
    if written is not None:
        # "从 2022Q3 的 392 亿美元增长至 2025Q1 的 684 亿美元，三年复合增长率达 20.5%" (66): the count the
        # CAGR names is its window; one the levels' own years contradict is of other levels
        if n is not None and n != written:
            return None
        n = written
    pct = FigureKind.PERCENT
    if a.fig.kind == pct and b.fig.kind == pct and is_points(c):
        if n is None:
            return unverifiable(para, "cagr", c, [a, b], f"({b.text} - {a.text})/years = {c.text}",
                                "the years of the two levels are not both stated")
        return judge(para, "cagr", c, [a, b],
                     [(f"({b.text} - {a.text})/{n} = {c.text}", (b.interval() - a.interval()).scale(1 / n))])
    if c.fig.kind != pct or a.cunit != b.cunit or a.fig.kind not in LEVEL_KINDS:
        return None
    if n is None:
        return unverifiable(para, "cagr", c, [a, b], f"({b.text}/{a.text})^(1/years) - 1 = {c.text}",
                            "the years of the two levels are not both stated")
    ia, ib = a.interval(), b.interval()
    if ia.lo <= 0 or ib.lo <= 0:
        return None
    g = ((ib / ia).pow(1 / n) - Interval(1, 1)).scale(100)
    # ("CAGR 超 25%": a stated bound is confirmed within a tenth of it on its side)
    return judge(para, "cagr", c, [a, b], [(f"({b.text}/{a.text})^(1/{n}) - 1 = {c.text}", g)],
                 magnitude=False, bounds=True)


# the verb right before 至 of "从 A 降至 B" (magnitude words such as 收窄/扩大 are left out: of signed
# levels they speak of sizes)
_TO_VERB = re.compile("(?:(?P<up>提升|提高|增加|增长|上升|上涨|回升|攀升|跃升|增|升|涨)|(?P<down>下降|下滑|下跌|回落|降低|减少|降|跌|减))"
                      "\\s*(?:了)?\\s*(?:至|到)\\s*$")


def _wrong_way(para: Para, a: Tok, b: Tok, between: str) -> Check | None:
    """"人工费用率从 7.5% 降至 8.6%" (229): a fall to a higher level (or a rise to a lower one) is
    an error in the pair or in its verb. Only non-negative levels of one unit, and only the error is
    reported (a pair that moves the way its verb says states nothing more)."""
    v = _TO_VERB.search(between)
    if v is None or a.cunit != b.cunit or a.bound or b.bound \
            or a.fig.kind not in (*LEVEL_KINDS, FigureKind.PERCENT) or is_points(a) or is_points(b):
        return None
    ia, ib = a.interval(), b.interval()
    down = bool(v.group("down"))
    if ia.lo < 0 or ib.lo < 0 or (ib.lo <= ia.hi if down else ib.hi >= ia.lo):
        return None
    scale = b.fig.scale or 1.0
    moved = (ib - ia).scale(1 / scale)
    s = para.sentences[b.sent]
    return interval_check(
        # (the move's wrong side of zero is its gap)
        moved, Interval(0.0, 0.0), fits=False, kind="change", stated=b.text,
        inputs=[a.text, b.text], relation=f"{a.text} → {b.text} is {'a rise' if down else 'a fall'}, written "
                                          f"{v.group(0).strip()}",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[para.sentences[a.sent].text])


def _year_apart(a: Tok, b: Tok, between: str) -> bool:
    """"从 2023 年 3.8 亿元增至 2024 年 6.7 亿元，同比增长 76%": the 从-level is dated a year before the
    至-level, in the same part of its year, so it is the base a 同比 change is against."""
    if between.count(DATE_MARK) != 2:
        return False
    ka, kb = period_key(a.fig.period or ""), period_key(b.fig.period or "")
    return ka is not None and kb is not None and ka[1] == kb[1] and kb[0] == ka[0] + 1


def _find_changes(para: Para) -> list[Check]:
    out: list[Check] = []
    m_text = para.masked
    # 由A升至B and A→B are one pair of levels: the same tails follow them
    for m in [*_CHANGE_PAIR.finditer(m_text), *_ARROW_PAIR.finditer(m_text)]:
        a, b = para.tok(m.group(1)), para.tok(m.group(2))
        if a.fig.kind == FigureKind.NUMBER and b.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                and m.re is _CHANGE_PAIR and "/" in b.fig.unit:
            # "纽糖从9.21的最低点回升至13.5美分/磅": the level a price moved from, in the unit it moved to
            a = in_unit_of(a, b.fig, text=f"{a.fig.text}{b.fig.unit}")
        if (wrong := _wrong_way(para, a, b, m_text[m.start(1) + 1:m.start(2)])) is not None:
            out.append(wrong)
        rest = m_text[m.end():]
        cm = _CAGR_TAIL.match(rest)
        if cm:
            c = para.tok(cm.group(1))
            chk = _cagr(para, a, b, c)
            if chk:
                out.append(chk)
            continue
        # "从去年上半年的 781.9 亿元升至 1178.3 亿元，增长 396 亿元，同比增 50.7%": each tail in turn
        pos = 0
        for _ in range(3):
            tm = _CHANGE_TAIL.match(rest, pos)
            if not tm:
                break
            pos = tm.end()
            g = next(k for k in (1, 2, 3, 4) if tm.group(k))
            head = rest[:tm.start(g)]
            c = para.tok(tm.group(g))
            if g == 4 and c.fig.text.lstrip()[:1] not in "+-−－":
                break
            hedged = ""
            # a year-on-year change of B is not B - A, unless A is last year's level ("从去年上半年的
            # A"); an amount's growth with no date on either: a fit confirms (a rate's points are
            # most often against the quarter before)
            if _YOY_HEAD.search(head) and not _LAST_YEAR.search(chars_before(para.raw[a.sent], a.fig.start, 12)) \
                    and not _year_apart(a, b, m_text[m.start():m.end()]):
                if DATE_MARK in m_text[m.start():m.end()] or is_points(c) or b.fig.kind == FigureKind.PERCENT:
                    continue
                hedged = "同比 is against last year, which the 从-level may not be"
            chk = change_check(para, a, b, c, head)
            if chk and "环比" in head:
                # "从 5.2% 回升至 6.1%，环比上升 0.9 个百分点": A is usually the period before, but a
                # span (1-5 月从 A 升至 B) may hide another base: a fit confirms, a mismatch proves nothing
                hedged = "环比 may be against another period than the 从-level"
            if chk and hedged:
                chk = hedge(para, chk, hedged)
            if chk:
                out.append(chk)
    for m in _CAGR_INNER.finditer(m_text):
        a, c, b = (para.tok(m.group(i)) for i in (1, 2, 3))
        if (chk := _cagr(para, a, b, c)) is not None:
            out.append(chk)
    if "以" in m_text:
        for m in _CAGR_BEFORE.finditer(m_text):
            c, a, b = (para.tok(m.group(i)) for i in (1, 2, 3))
            if (chk := _cagr(para, a, b, c)) is not None:
                out.append(chk)
    for m in _CHANGE_LEAD.finditer(m_text):
        c, a, b = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = change_check(para, a, b, c, "")
        if chk and re.search("同比|环比|较|相比|比上", m_text[max(0, m.start() - 8):m.start()]):
            # "同比下降 15%（从 A 降至 B）": the comparison may be against another base than the
            # 从-level (last year's, the period before); "较传统胶膜降低 15%（从 400 克降至 340 克）":
            # or it is that base. A fit confirms, a misfit proves nothing
            chk = hedge(para, chk, "the change is against a named base the 从-level may not be")
        if chk:
            out.append(chk)
    for m in _CHANGE_INNER.finditer(m_text):
        a, c, b = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = change_check(para, a, b, c, "")
        if chk:
            out.append(chk)
    for m in _UNVERIFIABLE_CHANGE.finditer(m_text):
        c, b = para.tok(m.group(2)), para.tok(m.group(3))
        if is_points(c) and b.fig.kind == FigureKind.PERCENT:
            if any(ck.stated == c.text and ck.sentence_id == para.sentences[c.sent].id for ck in out):
                continue
            out.append(unverifiable(
                para, "change", c, [b], f"{b.text} - (earlier level) = {c.text}",
                "the earlier level is not stated"))
    return out


# explicit expressions: -16.5%（-2.8*5.8%）, 13.8%（15%-1.2%）, 2.8×5.8%=16.2%, A 乘以 B 为 C
# ("333×2×5 亿 ×40%/5": an operand may carry its magnitude, read in the stated figure's)
_NUM = r"[-+−－]?\s*\d+(?:\.\d+)?\s*(?:万亿|亿|万)?\s*(?:%|％|(?:个\s*)?(?:pct|ppt|pp)|个百分点|bps?|BP|倍)?"
_OP = r"\s*(?:[*×÷/+\-−－]|x(?=\s*\d)|X(?=\s*\d)|乘以|乘|除以|减去|减|加上|加)\s*"
_EXPR = rf"{_NUM}(?:{_OP}{_NUM})+"
_VS = r"[\s·]*(?:vs\.?|VS\.?|Vs\.?|对比)[\s·]*"
_PAREN_EXPR = re.compile(rf"[（(]\s*((?:{_EXPR})|(?:{_NUM}{_VS}{_NUM}))\s*[)）]")
_EQ_EXPR = re.compile(rf"((?:{_EXPR}))\s*(?:=|＝|≈|等于|得到|得)\s*(约\s*)?({_NUM})")
_EQ_WORD = re.compile(r"=|＝|≈|等于|得")
_NUM_TOKEN = re.compile(r"([-+−－]?)\s*(\d+(?:\.\d+)?)\s*(万亿|亿|万)?\s*(%|％|(?:个\s*)?(?:pct|ppt|pp)|个百分点|bps?|BP|倍)?")
_OP_TOKEN = re.compile(_OP)
_GAP_WORDS = re.compile(r"差|缺口|利差|差距|收窄|扩大|领先|落后|高出|低于|高于|超出|gap|spread", re.I)


@dataclass
class _Operand:
    iv: Interval
    text: str
    percent: bool
    decimals: int
    value: float
    magnitude: float | None = None


def _operand(text: str) -> _Operand | None:
    m = _NUM_TOKEN.fullmatch(text.strip())
    if not m:
        return None
    num = m.group(2)
    value = float(num) * (-1 if m.group(1) in ("-", "−", "－") else 1)
    unit = m.group(4) or ""
    dec = len(num.split(".")[1]) if "." in num else 0
    fig = Figure(text=text.strip(), kind=FigureKind.NUMBER, value=value, decimals=dec)
    iv = figure_interval(fig)
    return _Operand(iv=iv, text=text.strip(), percent=unit not in ("", "倍"), decimals=dec, value=value,
                    magnitude=MAGNITUDE.get(m.group(3) or ""))


def _parse_expr(expr: str) -> tuple[list[_Operand], list[str]] | None:
    """Operands and operators of a flat expression, or None if it is not one (a date, a range)."""
    operands: list[_Operand] = []
    ops: list[str] = []
    expr = expr.strip()
    pos = 0
    while True:
        m = _NUM_TOKEN.match(expr, pos)
        if not m or (operands and m.group(1)):
            return None  # after an operator a sign would make "3×-2": too rare to guess at
        operand = _operand(m.group(0))
        if operand is None:
            return None
        operands.append(operand)
        pos = m.end()
        if pos >= len(expr):
            break
        # "15%-1.2%": after an operand a dash is the operator, not the next operand's sign
        om = _OP_TOKEN.match(expr, pos)
        if not om:
            return None
        sym = om.group(0).strip()
        ops.append({"×": "*", "x": "*", "X": "*", "乘以": "*", "乘": "*", "÷": "/", "除以": "/",
                    "减去": "-", "减": "-", "−": "-", "－": "-", "加上": "+", "加": "+"}.get(sym, sym))
        pos = om.end()
    if not ops:
        return None
    if "/" in ops and (len(ops) > 1 and set(ops) <= {"/", "+", "-"} or all(o.percent for o in operands)):
        return None  # "43%/22%/26%", "12.9%/9.4%": a list of figures, not a division (a product may divide)
    for i, op in enumerate(ops):
        a, b = operands[i], operands[i + 1]
        if op == "/" and not (a.percent or b.percent or a.decimals or b.decimals):
            return None  # 6/17, 2961/2020: dates, counts and pairs, not a division the text asks for
        if op == "-" and a.value >= 0 and b.value >= 0 and a.value < b.value:
            return None  # "3-5", "2%-4%", "20-30%": a range, not a subtraction
        if op == "-" and not (a.percent or b.percent) and all(
                o.decimals and 1 <= int(o.value) <= 12 for o in (a, b)):
            return None  # "6.9-6.13": a span of days, not a subtraction
        if any(1900 <= abs(o.value) <= 2100 and not o.decimals and not o.percent for o in (a, b)):
            return None  # years
    return operands, ops


def _evaluate(operands: list[_Operand], ops: list[str]) -> list[Interval]:
    """Every reading of a flat expression: as written, and with percent products / ratios
    rescaled by 100 (2.8*5.8% may be meant in points, 30%*40% as 12%)."""
    def exact(o: _Operand) -> Interval:
        # a whole number that multiplies or divides is a count ("333×2×5 亿 ×40%/5": two of each,
        # over five years), not a measure rounded to its last digit
        if not o.percent and not o.decimals and o.magnitude is None and 0 < abs(o.value) <= 100:
            return Interval(o.value, o.value)
        return o.iv

    product = "*" in ops or "/" in ops
    terms: list[Interval] = [exact(operands[0]) if product and ops[0] in "*/" else operands[0].iv]
    signs: list[str] = []
    scaled = False
    for op, o in zip(ops, operands[1:], strict=True):
        if op in "*/":
            scaled = True
            terms[-1] = terms[-1] * exact(o) if op == "*" else terms[-1] / exact(o)
        else:
            terms.append(o.iv)
            signs.append(op)
    total = terms[0]
    for sgn, t in zip(signs, terms[1:], strict=True):
        total = total + t if sgn == "+" else total - t
    if not scaled:
        return [total]
    return [total, total.scale(100), total.scale(0.01)]


def _stated_before(para: Para, si: int, start: int) -> Tok | None:
    """The figure written right before a bracket at `start` of sentence `si`."""
    raw = para.raw[si]
    for t in para.toks:
        if t.sent == si and t.fig.end <= start and raw[t.fig.end:start].strip() == "":
            return t
    return None


def _find_expressions(para: Para) -> list[Check]:
    out: list[Check] = []
    for si, raw in enumerate(para.raw):
        for m in _PAREN_EXPR.finditer(raw):
            stated = _stated_before(para, si, m.start())
            if stated is None:
                continue
            inner = m.group(1)
            if "/" in inner and chars_before(raw, stated.fig.start, 2).rstrip().endswith("/"):
                # "下调23、24年EPS至3.80/3.85(3.93/3.94)元": a list's earlier values, not a quotient
                continue
            vs = re.split(_VS, inner)
            if len(vs) == 2:
                a, b = _operand(vs[0]), _operand(vs[1])
                if a is None or b is None:
                    continue
                before = chars_before(raw, stated.fig.start, 12)
                if stated.fig.kind == FigureKind.MULTIPLE and b.iv.lo > 0:
                    readings = [(f"{a.text} / {b.text}", a.iv / b.iv)]
                elif is_points(stated) or _GAP_WORDS.search(before):
                    readings = [(f"{a.text} - {b.text}", a.iv - b.iv)]
                    if stated.fig.kind == FigureKind.PERCENT and b.iv.lo > 0:
                        readings.append((f"{a.text} / {b.text} - 1", (a.iv / b.iv - Interval(1, 1)).scale(100)))
                else:
                    continue  # "92.8%（92.8% vs 76.1%）": a comparison, not a gap
                out.append(_expr_check(para, stated, inner, readings, "difference"))
                continue
            parsed = _parse_expr(inner)
            if parsed is None:
                continue
            operands, ops = parsed
            if any(o.magnitude for o in operands):
                # "266 亿元（333×2×5 亿 ×40%/5）": the magnitude written on an operand, in the stated
                # figure's (none stated, or a sum of magnitudes, is not read)
                if not stated.fig.scale or any(op in "+-" for op in ops):
                    continue
                operands = [replace(o, iv=o.iv.scale(o.magnitude / stated.fig.scale)) if o.magnitude else o
                            for o in operands]
            readings = [(inner.strip(), iv) for iv in _evaluate(operands, ops)]
            out.append(_expr_check(para, stated, inner, readings, "expression"))
        # the expression pattern is slow to scan (it may start at any digit): only where an
        # equals word stands
        for m in _EQ_EXPR.finditer(raw) if _EQ_WORD.search(raw) else ():
            parsed = _parse_expr(m.group(1))
            if parsed is None:
                continue
            res = next((t for t in para.toks if t.sent == si and t.fig.start >= m.start(3) - 1
                        and t.fig.start <= m.start(3) + 2), None)
            if res is None:
                continue
            if m.group(2):
                res.approx = True
            operands, ops = parsed
            readings = [(m.group(1).strip(), iv) for iv in _evaluate(operands, ops)]
            out.append(_expr_check(para, res, m.group(1), readings, "expression"))
    return out


def _expr_check(para: Para, stated: Tok, inner: str, readings: list[tuple[str, Interval]],
                kind: str) -> Check:
    # operands are read in the stated figure's written unit (1.2亿元（0.5+0.7）). Signs count
    # ("-8.4%（-2.1*4.0%）"), unless a verb already says the direction: "回落-13.8%（15%-1.2%）"
    # writes its sign twice, so only magnitudes are compared there
    raw = para.raw[stated.sent]
    directed = kind != "expression" or bool(re.search(
        f"(?:{UP}|{DOWN}|缺口|差|跑赢|跑输)\\s*(?:了|约|为|幅度|幅)?\\s*$", chars_before(raw, stated.fig.start, 6)))
    chk = judge(para, kind, stated, [], [(f"{f} = {stated.text}", iv) for f, iv in readings],
                magnitude=directed, base=stated.fig.scale)
    chk.inputs = [x.strip() for x in re.split(_OP + "|" + _VS, inner) if x and x.strip()]
    return chk


# A 与 B 之差为 C; A vs B，差距 C
_DIFF = re.compile(
    f"({FIG}){W(12)}(?:与|和|减去|同|跟){W(12)}({FIG}){W(8)}(?:之差|的差值|的差距|差值|利差|的利差|相差|差距|之间的差距)"
    f"(?:为|达|约|是|已达|仅)?{W(3)}({FIG})"
    f"|({FIG})(?:vs\\.?|VS\\.?|对比)({FIG})[，,]?{W(6)}(?:差距|缺口|利差|相差|差值|差)(?:为|达|约|是)?{W(3)}({FIG})"
)


def _find_differences(para: Para) -> list[Check]:
    out: list[Check] = []
    for m in _DIFF.finditer(para.masked):
        ga, gb, gc = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        a, b, c = para.tok(ga), para.tok(gb), para.tok(gc)
        if a.cunit != b.cunit:
            continue
        if a.fig.kind == FigureKind.PERCENT and not (is_points(c) or c.fig.kind == FigureKind.PERCENT):
            continue
        if a.fig.kind != FigureKind.PERCENT and c.cunit != a.cunit:
            continue
        readings = [(f"|{a.text} - {b.text}| = {c.text}", a.interval() - b.interval())]
        out.append(judge(para, "difference", c, [a, b], readings))
    return out


# A、B、C 分别为 x、y、z，合计 T;  x 叠加 y，合计 T
_LIST = f"({FIG}(?:(?:[、，,和及与/]|以及){W(8, '、')}?{FIG})+)"
_SUM_CONNECT = (
    "[，,（(]?(?:三者|二者|两者|四者|以上|上述|前述|这些|两项|三项)?"
    "(?:合计|共计|总计|加总|合并|累计|合共|总和|共(?![同识振享建性]))"
    f"(?:为|达|约|达到|占比?|贡献|拉动|实现|超)?{W(4)}({FIG})"
)
_SUM = re.compile(f"分别(?:为|是|达|约|贡献|拉动|占比?|实现|录得)?{W(4)}{_LIST}{_SUM_CONNECT}")
_STACK = re.compile(
    f"({FIG}){W(10)}(?:叠加|加上|外加|再加上?|并加征|加征){W(10)}({FIG}){W(6)}?"
    f"[，,]?(?:合计|共计|总计|累计|综合|合共|总|共|整体)(?:为|达|约|达到|升至|至|提高至)?{W(4)}({FIG})"
)
# "皮卡炮销售 0.5 万辆，与风骏的 1.1 万辆合计售出皮卡 1.6 万辆" (cfr089): a part joined to the next by 与
# and their 合计 right after it
_WITH = re.compile(
    f"({FIG})[，,]?(?:与|和|同|加上){W(8)}({FIG}){W(2)}(?:合计|共计|总计|合共|加总)"
    f"(?:为|达|约|达到|实现)?{W(4)}({FIG})"
)
# "…分别为10.41亿元、28.04亿元，总市场规模有望达到38.45亿元" (cfb307): a total named 总/整体 after a 分别-list
_SUM_NAMED = re.compile(
    f"分别(?:为|是|达|约|实现|录得)?{W(4)}{_LIST}[，,](?:总|整体)[\u4e00-\u9fa5]{{0,6}}?(?:有望|预计|将)?"
    f"(?:达到|为|达|约为?|合计){W(2)}({FIG})"
)
SHARE_WORDS = re.compile(r"占|份额|占比|贡献|拉动|权重|比重|结构|关税|税率|加征")
# (同增/同降: 同比增长/下降 shortened, "收入为41/19亿元，同增0.69%/4.00%，合计占比74.15%": rates, no shares)
RATE_WORDS = re.compile(r"增速|增长|同比|同[增降减升]|环比|涨幅|跌幅|降幅|收益率|利率|回报|下降|上涨")


# (a slash list too: "徐工/三一/中联市占率为 5.8%/5.1%/2.8%（合计 13.7%）", ba46 964)
_LIST_PLAIN = re.compile(f"({FIG}(?:(?:[、和及与/]|以及){W(8, '、')}?{FIG})+){_SUM_CONNECT}")


def _inherit_unit(parts: list[Tok]) -> list[Tok]:
    """"1.2、0.9、0.6个百分点": bare numbers of a list take the unit written on its last item."""
    last = parts[-1]
    if last.fig.kind == FigureKind.NUMBER:
        return parts
    out = []
    for p in parts:
        if p.fig.kind == FigureKind.NUMBER:
            fig = p.fig.model_copy(update={"kind": last.fig.kind, "unit": last.fig.unit,
                                           "scale": last.fig.scale})
            p = Tok(fig=fig, sent=p.sent, approx=p.approx, bound=p.bound)
        out.append(p)
    return out


def sum_check(para: Para, parts: list[Tok], total: Tok, context: str) -> Check | None:
    parts = _inherit_unit(parts) if parts else parts
    if len(parts) < 2 or any(p.cunit != total.cunit for p in parts):
        return None
    kind = total.fig.kind
    if kind == FigureKind.NUMBER or kind == FigureKind.DURATION:
        return None
    if kind in (FigureKind.PERCENT, FigureKind.MULTIPLE):
        # growth rates of parts do not add up to the growth of the whole; shares and tariffs do
        if not SHARE_WORDS.search(context) or RATE_WORDS.search(context):
            return None
    # where the list starts is a guess ("营收500亿元，其中A 100亿元、B 50亿元，合计150亿元"),
    # so every run of parts that ends at the last one is a reading
    readings = []
    for i in range(len(parts) - 1):
        acc = interval_sum(p.interval() for p in parts[i:])
        readings.append((" + ".join(p.text for p in parts[i:]) + f" = {total.text}", acc))
    return judge(para, "sum", total, parts, readings, magnitude=False)


def _find_sums(para: Para) -> list[Check]:
    out: list[Check] = []
    for pattern in (_SUM, _LIST_PLAIN, _STACK, _WITH, _SUM_NAMED):
        for m in pattern.finditer(para.masked):
            figs = [para.tok(ch) for ch in re.findall(FIG, m.group(0))]
            parts, total = figs[:-1], figs[-1]
            context = para.masked[max(0, m.start() - 25):m.end()]
            chk = sum_check(para, parts, total, context)
            if chk and pattern is _SUM_NAMED and chk.verdict == "inconsistent" and chk.computed_high is not None \
                    and chk.computed_high < (total.fig.value or 0):
                # a total named 总… may hold parts the list leaves out: short of it proves nothing
                chk = hedge(para, chk, "a total named 总/整体 may hold parts the list leaves out")
            if chk:
                out.append(chk)
    return out


# 257.5 亿元，其中 EMB 占 119.8 亿元（占比 46.5%）; N 占 D 的 P
_SHARE_SUB = re.compile(
    f"({FIG}){WS(24)}其中{W(14)}({FIG}){W(2)}[（(，,]?(?:占比|占总?(?:比重|比例|份额)?|份额)(?:为|约|达|仅)?({FIG})"
)
_SHARE_OF = re.compile(
    f"({FIG}){W(3)}[，,]?占{W(12)}({FIG}){W(2)}的?(?:比重|比例|份额)?(?:为|约|达|仅)?({FIG})"
)


def _share(para: Para, num: Tok, den: Tok, pct: Tok, alternatives: Iterable[Tok] = ()) -> Check | None:
    if pct.fig.kind != FigureKind.PERCENT or num.cunit != den.cunit \
            or num.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
        return None
    readings: list[tuple[str, Interval]] = []
    for d in [den, *alternatives]:
        iv = d.interval()
        if iv.lo > 0:
            readings.append((f"{num.text} / {d.text} = {pct.text}", (num.interval() / iv).scale(100)))
    if not readings:
        return None
    return judge(para, "share", pct, [num, den], readings, magnitude=False)


def _find_shares(para: Para) -> list[Check]:
    out: list[Check] = []
    for m in _SHARE_SUB.finditer(para.masked):
        den, num, pct = (para.tok(m.group(i)) for i in (1, 2, 3))
        # the whole may be any earlier figure of the sentence in the same unit; a false alarm
        # costs more than a missed one, so every such figure is tried as the denominator
        earlier = [t for t in para.toks if t.sent == den.sent and t.fig.start < den.fig.start
                   and t.cunit == den.cunit]
        chk = _share(para, num, den, pct, earlier)
        if chk:
            out.append(chk)
    for m in _SHARE_OF.finditer(para.masked):
        num, den, pct = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = _share(para, num, den, pct)
        if chk:
            out.append(chk)
    return out


# 每提高1个百分点 … 下降0.6个百分点；若上调10个百分点 … 下降约6个百分点
_ELASTIC = re.compile(
    f"每{W(12)}({FIG}){W(16)}[，,]?{W(20)}({FIG})"
    f"[^{NOFIG}]{{0,60}}?"
    f"(?:若|如果|假设|倘若|假如|按此|以此|据此|照此|据此测算|以此测算)"
    f"{W(12)}({FIG}){WS(30)}({FIG})"
)


def _exact(t: Tok) -> Interval:
    # "每1个百分点" and "若上调10个百分点" are a unit and a supposition, not measurements
    if t.fig.value is None:
        raise ValueError(f"figure {t.text!r} has no value")
    v = t.fig.value * t.fig.scale
    return Interval(v, v)


def _find_elasticities(para: Para) -> list[Check]:
    """An effect per unit applied to a supposed change: the stated effect must be their product."""
    out: list[Check] = []
    for m in _ELASTIC.finditer(para.masked):
        x1, y1, x2, y2 = (para.tok(m.group(i)) for i in range(1, 5))
        if x1.cunit != x2.cunit or y1.cunit != y2.cunit or not x1.fig.value:
            continue
        readings = [(f"{y1.text} × {x2.text} / {x1.text} = {y2.text}",
                     y1.interval() * _exact(x2) / _exact(x1))]
        out.append(judge(para, "elasticity", y2, [x1, y1, x2], readings))
    return out




# ---------------------------------------------------------------- "由 A - B": a flattened 由A降至B
# PDF text loses 降至/升至 between two levels: "销售毛利率由 9.5% - 7.7%，同比下降 1.8 个百分点"
# reads 由 9.5% 降至 7.7%. Only after 由/从 and only with the change in points right after it
# (a range "9.5%-7.7%" has no 由 before it, nor a change in points after it).
_DASH_PAIR = re.compile(
    f"{FROM}{W(2)}({FIG})[-－—–]({FIG})[，,]?(?:同比|环比)?(?:{_VERB})(?:了)?(?:约)?({FIG})")
DASH_MID = re.compile(r"^\s*[-－—–]\s*$")


def _find_dash_changes(para: Para) -> list[Check]:
    out = []
    for m in _DASH_PAIR.finditer(para.masked):
        a, b, c = (para.tok(m.group(i)) for i in (1, 2, 3))
        if a.fig.kind == b.fig.kind == FigureKind.PERCENT and is_points(c):
            chk = change_check(para, a, b, c, "")
            if chk is not None:
                chk.relation += " (由 A - B read as 由 A 至 B)"
                out.append(chk)
    return out



# ---------------------------------------------------------------- lists paired by position
# "2024Q1、2025Q1 半导体设备板块营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、38.85%":
# the periods, levels and growths pair by position; when the periods are the same sub-period of
# consecutive years, each later growth is the later level over the one before it. Every input is
# written in the clause: certain.
PERIOD_ITEM = r"(?:19|20)\d{2}\s*(?:年\s*)?(?:Q[1-4]|H[12]|[一二三四]季度|上半年|下半年|前三季度)?"
_PERIOD_LIST = re.compile(f"{PERIOD_ITEM}(?:\\s*[、/和与及]\\s*{PERIOD_ITEM})+")
PERIOD_SEQ = re.compile(f"{PERIOD_ITEM}(?:\\s*[、/和与及&]\\s*{PERIOD_ITEM})+")
_PAIRED = re.compile(
    f"((?:{DATE_MARK}[、/和与及])+{DATE_MARK}){W(16)}分别(?:为|是|达|约|实现|录得|达到)?"
    f"((?:{FIG}[、/])+{FIG})[，,]?(?:同比|较上年|较去年)(?:{UP}|{DOWN})?(?:了|约)?((?:{FIG}[、/])+{FIG})")


def _find_paired_growths(para: Para) -> list[Check]:
    out = []
    for m in _PAIRED.finditer(para.masked):
        n = m.group(1).count(DATE_MARK)
        levels = [para.tok(ch) for ch in m.group(2) if FIG_BASE <= ord(ch) <= FIG_BASE + 0xFFF]
        growths = [para.tok(ch) for ch in m.group(3) if FIG_BASE <= ord(ch) <= FIG_BASE + 0xFFF]
        if not (len(levels) == len(growths) == n) or len({t.sent for t in levels + growths}) != 1:
            continue
        if any(t.fig.kind not in LEVEL_KINDS or t.cunit != levels[0].cunit or t.bound for t in levels) \
                or any(g.fig.kind != FigureKind.PERCENT or g.bound for g in growths):
            continue
        raw = para.raw[levels[0].sent][:levels[0].fig.start]
        lists = [p for p in _PERIOD_LIST.finditer(raw)]
        if not lists:
            continue
        keys = [period_key(p) for p in re.findall(PERIOD_ITEM, lists[-1].group(0))]
        if len(keys) != n or any(k is None for k in keys):
            continue
        ks = [k for k in keys if k is not None]
        if any(k[1] != ks[0][1] or k[0] != ks[0][0] + i for i, k in enumerate(ks)):
            continue
        down = re.search(f"(?:{DOWN})", para.masked[m.end(2):m.start(3)]) is not None
        for i in range(1, n):
            a, b, g = levels[i - 1], levels[i], growths[i]
            if a.interval().lo <= 0:
                continue
            stated = g.interval(result=True)
            if down and (g.fig.value or 0) > 0:
                stated = -stated
            chk = judge(para, "growth", g, [a, b], [
                (f"({b.text}/{a.text} - 1) = {'-' if down else ''}{g.text} (periods paired by position)",
                 (b.interval() / a.interval() - Interval(1, 1)).scale(100))],
                magnitude=False, stated_iv=stated)
            out.append(chk)
    return out


# "增加 100 亿元至 752 亿元，同比增长 15%": a change to a level, then the growth it is, over the level
# before it (752 − 100, derived); "较2017年末的652家净增100家左右（+15%）": the change over the base written
# (right before the change: not a gap's "较…低 45 元/吨（周涨 14 元/吨，+23.5%）")
_INC_TO = re.compile(
    f"(?P<v>{UP}|{DOWN})(?:了)?\\s*(?:约)?\\s*(?P<b>{FIG}){W(2)}(?:至|到)\\s*(?P<c>{FIG})(?:左右)?"
    f"[，,（(]\\s*(?:同比|较上年|较去年|较上年同期|[Yy][Oo][Yy])?\\s*(?P<g>{UP}|{DOWN})?\\s*(?:了|约|幅度为?|幅)?\\s*[:：]?\\s*(?P<p>{FIG})")
_BASE_INC = re.compile(
    f"较(?P<w>{W(12)})(?P<a>{FIG}){W(2, '（(')}(?P<v>{UP}|{DOWN})(?:了)?\\s*(?:约)?\\s*(?P<b>{FIG})(?:左右)?"
    f"[，,（(]\\s*(?:同比|较上年|较去年|[Yy][Oo][Yy])?\\s*(?P<g>{UP}|{DOWN})?\\s*(?:了|约|幅度为?|幅)?\\s*[:：]?\\s*(?P<p>{FIG})")
_DOWN_ONLY = re.compile(f"^(?:{DOWN})$")
_GAP_BEFORE = re.compile(r"[低高多少差]\s*$")


def _derivation(chk: Check, note: str) -> Check:
    """A check over an intermediate the text does not state: marked derived, the intermediate in its note."""
    chk.derived = True
    chk.note = f"{chk.note}; {note}" if chk.note else note
    return chk


def _level_before(para: Para, a: Tok) -> bool:
    """Whether a level of `a`'s unit is written before it, in its sentence or in the ；-chain its
    sentence ends (each sentence from that level's to `a`'s closed by ；)."""
    return any(t.cunit == a.cunit and (t.sent == a.sent and t.fig.end <= a.fig.start or t.sent < a.sent and all(
        para.raw[j].rstrip().endswith(("；", ";")) for j in range(t.sent, a.sent))) for t in para.toks)


def _find_increment_growths(para: Para) -> list[Check]:
    out: list[Check] = []
    m_text = para.masked
    if not any(k in m_text for k in "增减升降涨跌"):
        return out
    for rx in (_INC_TO, _BASE_INC):
        for m in rx.finditer(m_text):
            b, p = para.tok(m.group("b")), para.tok(m.group("p"))
            down = bool(_DOWN_ONLY.match(m.group("v")))
            g_down = bool(m.group("g") and _DOWN_ONLY.match(m.group("g"))) or p.text.lstrip()[:1] in "-−－"
            if p.fig.kind != FigureKind.PERCENT or is_points(p) or b.fig.kind not in LEVEL_KINDS \
                    or b.fig.kind == FigureKind.PERCENT \
                    or down != g_down and (m.group("g") or p.text.lstrip()[:1] in "+-−－"):
                # (a growth against the change's direction is another period's)
                continue
            ib = b.interval()
            if rx is _INC_TO:
                c = para.tok(m.group("c"))
                if c.cunit != b.cunit:
                    continue
                before = c.interval() - ib if not down else c.interval() + ib
                if before.lo <= 0:
                    continue
                formula = f"{b.text} / ({c.text} {'+' if down else '-'} {b.text}) = {p.text}"
                inputs = [b, c]
                shown = re.sub(r"\d[\d.,]*", fmt(before.mid / (c.fig.scale or 1.0)), c.text, count=1)
                note = f"the level before, {shown}, is {c.text} {'+' if down else '-'} {b.text} (unstated)"
            else:
                a = para.tok(m.group("a"))
                if a.cunit != b.cunit or a.fig.kind == FigureKind.PERCENT or _GAP_BEFORE.search(m.group("w")):
                    continue
                if _level_before(para, a):
                    # "均价 1289.81 元 / 吨，较上周（1224.74 元 / 吨）上涨 65.07 元 / 吨，涨幅 5.31%": the level the
                    # change leads to is written: the change over it is read where the level is (framed; in a
                    # ；-chain, "均价为32.64元/公斤…；较去年同期(…16.10元/公斤)上涨了16.54元/公斤，同比上涨了102.73%",
                    # bracket_compares)
                    continue
                before = a.interval()
                if before.lo <= 0:
                    continue
                formula = f"{b.text} / {a.text} = {p.text}"
                inputs = [a, b]
                note = ""
            chk = judge(para, "growth", p, inputs, [(formula, (ib / before).scale(100))])
            out.append(_derivation(chk, note) if note else chk)
    return out


# "研发费用约7亿元，同比增长23.67%，同比增加1.34亿元" (cfr547): a level, its growth, and the amount it grew by,
# which is the level less last year's (the level over one plus the growth, derived)
_LEVEL_GROWTH_AMOUNT = re.compile(
    f"(?P<l>{FIG})[，,（(]\\s*(?:同比|较上年|较去年|较上年同期)\\s*(?P<v1>{UP}|{DOWN})(?:了)?\\s*(?:约)?\\s*(?P<g>{FIG})"
    f"\\s*[，,（(]\\s*(?:同比|较上年|较去年|较上年同期)?\\s*(?P<v2>增加|增长|增多|减少|下降|多增|少增)(?:了)?\\s*(?:约)?\\s*(?P<c>{FIG})"
)


def _find_level_growth_amounts(para: Para) -> list[Check]:
    out: list[Check] = []
    if "比" not in para.masked:
        return out
    for m in _LEVEL_GROWTH_AMOUNT.finditer(para.masked):
        level, g, c = (para.tok(m.group(k)) for k in ("l", "g", "c"))
        down = bool(_DOWN_ONLY.match(m.group("v1")))
        if level.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or g.fig.kind != FigureKind.PERCENT \
                or is_points(g) or c.cunit != level.cunit or down != (m.group("v2") in ("减少", "下降", "少增")):
            continue
        rate = g.interval().scale(-0.01 if down else 0.01)
        one = Interval(1, 1) + rate
        if one.lo <= 0:
            continue
        before = level.interval() / one
        amount = (level.interval() - before).scale(-1 if down else 1)
        # (shown from the written values, not the interval's middle)
        written = (level.fig.value or 0.0) / (1 + (-1 if down else 1) * abs(g.fig.value or 0.0) / 100)
        shown = re.sub(r"\d[\d.,]*", fmt(written), level.text.replace("约", ""), count=1)
        chk = judge(para, "change", c, [level, g], [(f"{level.text} - {level.text} / (1 {'-' if down else '+'} {g.text})"
                                                      f" = {c.text}", amount)])
        out.append(_derivation(chk, f"last year's level, {shown.strip()}, is the level over one "
                                    f"{'less' if down else 'plus'} its growth (unstated)"))
    return out


# "纯光伏项目 IRR 为 2.2%，配储 10% 时 IRR 为 2.8%，提升 0.6pct" (302): one measure named before each of two
# levels, the change between them right after the second
_SAME_MEASURE = re.compile(
    f"(?P<m>[A-Za-z\u4e00-\u9fa5]{{2,6}})\\s*(?:为|达|约为?)\\s*(?P<a>{FIG})[，,][^。；;！？]{{0,24}}?"
    f"(?P=m)\\s*(?:为|达|约为?)\\s*(?P<b>{FIG})[，,]\\s*(?:分别)?\\s*(?P<v>{UP}|{DOWN})(?:了)?\\s*(?:约)?\\s*(?P<c>{FIG})"
)


def _find_same_measure_changes(para: Para) -> list[Check]:
    out: list[Check] = []
    if "为" not in para.masked:
        return out
    for m in _SAME_MEASURE.finditer(para.masked):
        a, b, c = (para.tok(m.group(g)) for g in ("a", "b", "c"))
        # (only rates and their change in points: a growth after two amounts may be the second's own 同比)
        if a.sent != b.sent or b.sent != c.sent or not is_points(c) \
                or a.fig.kind != FigureKind.PERCENT or b.fig.kind != FigureKind.PERCENT:
            continue
        chk = change_check(para, a, b, c, m.group("v"))
        if chk is not None:
            out.append(chk)
    return out


# the order they run in (check_article keeps the first check per figure)
FINDERS: list[Callable[[Para], list[Check]]] = [
    _find_changes, _find_expressions, _find_differences, _find_sums, _find_shares,
    _find_elasticities, _find_dash_changes, _find_paired_growths, _find_increment_growths,
    _find_same_measure_changes, _find_level_growth_amounts,
]
