"""Find every figure in a sentence as a typed value: numbers, units, ranges, signs, Chinese
numerals and the period a figure refers to. The checker and both engines reuse this."""

from __future__ import annotations

import re
from functools import lru_cache

from macrodesk.models import Figure, FigureKind
from macrodesk.text.clauses import chars_after, chars_before

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# what each Chinese magnitude multiplies by (the checks read magnitudes written apart from a figure with it)
MAGNITUDE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
             "万": 1e4, "千": 1e3}
_MAGNITUDE = MAGNITUDE

_CURRENCY = r"(?:美元|美金|美分|人民币|欧元|日元|港元|港币|英镑|便士|瑞士法郎|瑞郎|元)"
# overseas companies' figures in English magnitudes: "45.0B 美元", "172M 美元", "1.2bn 欧元"
_EN_MAG = r"(?:B|bn|Bn|M|mn|Mn|K)"
_MAG = r"(?:万亿|千亿|百亿|亿|千万|百万|万)"
_PER = r"(?:吨|桶|千克|公斤|克|kg|盎司|磅|加仑|平方米|平米|平(?!均)|方(?![面式向案法便针])|股|辆|台|件|mbtu|MMBtu|百万英热|度|千瓦时|千瓦|kWh|kW|kw|KW|GWh|MWh|Wh|W|片|张)"

# (regex, kind, canonical unit or None to keep as written). Longest and most specific first.
_UNIT_TABLE: list[tuple[str, FigureKind, str | None]] = [
    # ("提升0.35个pct": the 个 of 个百分点 kept before an English unit, not a count)
    (r"个百分点|百分点|(?:个\s?)?(?:pcts?|ppts?|pp(?![a-z]))", FigureKind.POINTS, "个百分点"),
    (r"个基点|基点|bps?|BPs?|BP", FigureKind.POINTS, "个基点"),
    (r"[%％]", FigureKind.PERCENT, "%"),
    (rf"{_MAG}?{_CURRENCY}\s?/\s?{_PER}", FigureKind.MONEY, None),
    # "14.6亿元人民币": the currency named after 元 is part of the figure, not of its unit
    (rf"{_MAG}?元\s?人民币", FigureKind.MONEY, None),
    (rf"{_MAG}?{_CURRENCY}", FigureKind.MONEY, None),
    (rf"{_EN_MAG}\s?{_CURRENCY}", FigureKind.MONEY, None),
    (r"倍", FigureKind.MULTIPLE, "倍"),
    (r"个月|个交易日|个工作日|个季度|周年|个小时|小时|天|日(?![元币])", FigureKind.DURATION, None),
    # areas ("429.5万方", "286.9万平方米"): a value per unit is an amount over one
    # ("销售面积50.6万平，同比+2.6%": real estate's 平 for 平方米, when a clause ends on it)
    (rf"{_MAG}?(?:平方米|平米|平方公里|立方米|平(?=\s*[，,。；;、）)]|\s*$)|方(?![面式向案法便针])|吨|桶|辆|台|套|件|千瓦时|千瓦|户|人次|架次|车次|班次|艘次|人|头|张|片|艘|架|口|条|座|个|项|家|只|批|次|位|名|种|股|手|笔|例|宗|款|支|所|枚|颗|栋"
     # counts of trips ("4003 万人次", "14401 架次") before the units they start with;
     # phones (部), distances, weights and land ("2.9 亿部", "1.2 万公里", "119 公斤", "3 万亩"), products
     # issued (份) and satellites (颗); not
     # 篇, which a post counts its sources in and the post checker would then trace
     r"|部(?![分门委署件长])|公里|千克|公斤|克(?![服隆罗拉])|毫米|公顷|亩|份(?![额])|颗)",
     FigureKind.QUANTITY, None),
    # ("625万kW", "3.2亿kWh": a Chinese magnitude before an English unit)
    (rf"{_MAG}?(?:GWh|MWh|TWh|kWh|Wh/kg|Wh/L|mAh|GW|MW|kW|TW|nm|mm|cm|km|kg|TEU|EB|PB|TB|GB)|万千瓦|点",
     FigureKind.QUANTITY, None),
    (rf"{_MAG}", FigureKind.QUANTITY, None),
    (r"成(?![本交员长立为功熟])", FigureKind.PERCENT, "成"),
    (r"年期|年(?![初中末底度来代前后间]|[0-9])", FigureKind.DURATION, None),
]
_UNIT_RE = re.compile("|".join(f"(?P<u{i}>{pat})" for i, (pat, _, _) in enumerate(_UNIT_TABLE)))

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUM = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*"
_CJK_AFTER = re.compile(r"[\u4e00-\u9fa5]")

# Dates and periods come first: their digits must not be read again as numbers.
_DATE_PARTS = [
    # ("2016年02月14日": a month or day may be written with its leading zero)
    r"(?:19|20)\d{2}\s?年\s?(?:(?:0?[1-9]|1[0-2])\s?月(?:\s?(?:0?[1-9]|[12]\d|3[01])\s?日)?(?:上旬|中旬|下旬|初|末|底|份)?"
    r"|第?[一二三四1-4]\s?季度|(?:上|下)半年|前[一二三四五六七八九十]+个?(?:季度|月)|[QH][1-4]|年初|年中|年末|年底"
    r"|[一三13]\s?季报|中报|半年报|半年度报告)?",  # "2020年一季报": the report names its period
    # "2025 上半年", "2024 四季度", "2025 全年": the year with no 年 before a half, a quarter or 全年
    r"(?:19|20)\d{2}\s?(?:[上下]半年|第?[一二三四]\s?季度|全年)",
    # "2025.6", "2025/6/30": a year of these decades; "2092.2 万辆", "2025.5 亿元" are amounts
    r"(?:199\d|20[0-4]\d)[/.-](?:1[0-2]|0?[1-9])(?:[/.-](?:[12]\d|3[01]|0?[1-9]))?(?![\d.]*%)(?!\d)"
    r"(?!\s?(?:[万亿千百]|吨|辆|台|元|美元|个|件|股|GW|MW|kW))",
    r"(?:19|20)\d{2}\s?[-~～—至到]\s?(?:(?:19|20)\d{2}|\d{2})\s?财?年",  # 2019-2022 年, 2023-24 年, 2021-2022 财年
    # "Q1-3", "22Q1-Q3", "Q1~Q2": the first quarters of a year, one period (its 3 is no figure);
    # not before 分别, where each figure is a quarter's ("22Q1-Q4毛利率分别为20.8%/21.4%/…")
    r"(?:(?:19|20)?\d{2}\s?)?Q1\s?[-~～—至]\s?Q?[2-4](?![0-9.])(?![^，,。；;]{0,12}分别)",
    r"(?:19|20)?\d{2}\s?[QH][1-4]|[1-4]Q(?:19|20)?\d{2}|(?<![\d.])[12]H(?:19|20)?\d{2}(?!\d)|(?<![A-Za-z])[QH][1-4](?![0-9])"
    # "(Q20.64亿元，Q10.40亿元)": a quarter glued to its amount (there is no Q20)
    r"|(?<![A-Za-z\d])Q[1-4](?=\d+\.\d+\s?(?:亿|万|元|%))",
    # "2025E", "2024A": an estimated or an actual year; "24A EPS 3.0", "25E PE 12" a two-digit one before a
    # valuation key or a measure
    r"(?:19|20)\d{2}[EA](?![a-zA-Z])"
    r"|(?<![\d.])(?:1[5-9]|2\d|3[0-5])[EA](?=\s?(?:EPS|BPS|PE|PB|PS|ROE|营收|收入|归母|净利|利润))",
    # "2021公司毛利率为71.15%", "2021销售费用率14.53%": a year with no 年 opening a clause, before the
    # company or a measure (a bare 2021 there is no amount)
    r"(?:(?<=^)|(?<=[，,。；;：:　\s（(]))(?:19|20)\d{2}(?=\s?(?:公司|年报|全年|年度|销售|营业|营收|收入|毛利|净利|归母|业绩|期间费用))",
    # "相比 2017 的 9.80%": a year with no 年 before 的, after a word of comparison
    r"(?<=[较比]\s)(?:19|20)\d{2}(?=\s?的)|(?<=[较比])(?:19|20)\d{2}(?=\s?的)",
    # "22年公司实现收入", "较 23 年提升", "24 年上半年": a two-digit year of this century (`_SHORT_YEAR`
    # leaves a duration as a figure: "可用 30 年", "近 20 年")
    r"(?<![\d.\-/~])(?:1[5-9]|2\d|3[0-5])\s?年(?:\s?(?:(?:[1-9]|1[0-2])\s?月(?:份|末|底|初)?|第?[一二三四1-4]\s?季度"
    r"|(?:上|下)半年|[QH][1-4]|年初|年中|年末|年底|末|底|初))?(?![期间来内多余以度])",
    # "21财年", "2022财年": a fiscal year, four digits or two
    r"(?<![\d.\-/~])(?:(?:19|20)\d{2}|1[5-9]|2\d|3[0-5])\s?财年(?:度)?",
    # "1-8 月", "1~2 月份": a span of months, one period (its first number is no figure)
    r"(?<![个0-9.\-~～—])(?:1[0-2]|[1-9])\s?[-~～—至]\s?(?:1[0-2]|[1-9])\s?月(?:份)?(?!\s?\d{1,2}\s?日)",
    r"(?<![个0-9.])(?:0?[1-9]|1[0-2])\s?月(?:\s?(?:0?[1-9]|[12]\d|3[01])\s?日)?(?:上旬|中旬|下旬|初|末|底|份)?",
    r"(?<![0-9.])(?:[1-9]|[12]\d|3[01])\s?日(?=[，,、。；\s起至到前后晚早])",
    r"(?:今年|去年|明年|本年|全年)?(?:上半年|下半年|[一二三四]季度|前[一二三四五六七八九十]+个?(?:季度|月))",
    # "其中，2 季度实现营业收入 469.80 亿元", "第 3 季度": a quarter in digits with no year (its digit is no figure)
    # ("前3季度" is nine months, "连续3季度" three quarters)
    r"(?<![\d.\-~～—至到/、续近去共约超逾前])(?<![续近去共约超逾前]\s)第?\s?[1-4]\s?季度",
]
# The lookahead names every character a date can start with (each part above starts with one),
# so that the scan skips other positions without trying the eight alternatives: same matches,
# a quarter of the time.
_DATE_RE = re.compile("(?=[\\dQH今去明本全上下一二三四前第])(?:" + "|".join(f"(?:{p})" for p in _DATE_PARTS) + ")")
_SHORT_YEAR = re.compile(r"(?:1[5-9]|2\d|3[0-5])\s?年")
# the words before a number of years that make it a duration
_DURATION_LEAD = re.compile(r"(?:仅|只有|只|为期|周期|寿命|年限|需要|需|耗时|近|过去|长达|超过|超|可用|持续|连续|历时|达|约|逾|>|<|＞|＜|第|满|用|成立|运营|每|未来|以上|了|经过|时隔|相隔|间隔)\s?$")
_DATE_RANGE_RE = re.compile(r"\s?(?:-|~|～|—|－|至|到)\s?")

_NUMBER_RE = re.compile(
    rf"(?P<sign>[+\-−－](?=\s?\d))?\s?(?P<num>{_ARABIC})|(?P<cn>{_CN_NUM})"
)
# abbreviations a rate is written right after, with no space: "YoY+12%", "（CAGR5.7%）", "ROE8.5%"
_GLUED_BEFORE = ("YoY", "QoQ", "yoy", "qoq", "YOY", "QOQ", "Yoy", "CAGR", "cagr", "ROE", "ROA")
# and a valuation key a list is glued to: "EPS1.20/1.62/2.13元", "PE14.2/10.1/9.7倍" (not "APE3", a name)
_GLUED_KEY = re.compile(r"(?<![A-Za-z])(?:EPS|BPS|PE|PB|PS)$")
# the word that sets a figure against the one before it: "532 vs 394 tokens/sec" (no name's number)
_VERSUS = re.compile(r"(?<![A-Za-z])(?:vs|VS|Vs)\.?\s$")
# an amount of money glued to the name before it: "Meta137 亿美元"
_GLUED_AMOUNT = re.compile(rf"\d+(?:\.\d+)?\s?{_MAG}\s?(?:元|美元|港元|欧元|日元|英镑)")
# and a capacity glued to its technology's name: "单晶Perc6GW", "TOPCon10GW" (a model number takes no GW)
_GLUED_CAPACITY = re.compile(r"\d+(?:\.\d+)?\s?(?:GWh|MWh|GW|MW)(?![A-Za-z])")
# and a share with its decimals glued to the name it is of: "城市 NOA16.8%" (a model number takes no 0.1%)
_GLUED_SHARE = re.compile(r"\d+\.\d+\s?[%％]")
_APPROX_BEFORE = re.compile(r"(?:约|大约|近|接近|超|超过|逾|将近|达约|约为|近乎|大概)\s?$")
_APPROX_AFTER = re.compile(r"^(?:左右|上下|附近|以上|多)")
_RANGE_SEP = re.compile(r"^\s?(?:-|~|～|—|－|至|到)\s?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# a bare magnitude right after a money measure is an amount in 元 ("移动网络资本开支339亿占比49%",
# "归母净利润 30.6 亿"); after any other word it stays a count ("用户 3 亿", "销量 339 万")
_LIST_JOIN = re.compile(r"\s*(?:和|与|及|、|/|／)\s*")
_BARE_MAGNITUDES = frozenset({"万亿", "亿", "千万", "百万", "万"})
_MONEY_LEAD = re.compile(r"(?:收入|营收|利润|净利|归母|扣非|开支|费用|市值|销售额|金额|成交额|投资|现金流|货币资金|负债|资产|"
                         r"毛利|亏损|订单|规模|估值|市场空间)\s*(?:计划|目标|预算)?\s*(?:合计|共计|总计|总额)?\s*(?:为|达|约|至|达到|实现|同比|约为)?\s*(?:分别为?|分别是)?\s*"
                         r"(?:-?[\d.]+\s*/\s*)*$")
# the words that name a base of comparison right before it: "较上年同期1184.24亿", "上年同期为净亏损1666万"
_BASE_LEAD = re.compile(r"(?:(?:较|比|相比于?|相较于?)\s*(?:上年|去年|上期|上季度?|上月|(?:19|20)?\d{2}\s*年)?\s*(?:同期)?"
                        r"|(?:上年|去年)?同期\s*(?:为|是)?)\s*(?:的)?\s*(?:净亏损|亏损|盈利)?\s*$")
# a thousands separator a PDF export wrote full-width ("营业收入 2，362.4 亿元", "归母净利润46，084万元"):
# a comma between one to three digits and three digits with decimals or a unit after them (a list
# would not break 2362.4 so, and a list of amounts is written 分别 …、…); same length
_WIDE_THOUSANDS = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?=\.\d|\s?(?:万|亿|元|吨|辆|台|家|股|人|户|只|套|件|张|平方米))")


def _thousands(m: re.Match[str]) -> str:
    """The number with its full-width separators made ASCII; as written after 分别 (a list)."""
    if "." not in m.string[m.end():m.end() + 1] and "分别" in m.string[max(0, m.start() - 12):m.start()]:
        return m.group(0)
    return m.group(0).replace("，", ",")


def cn_to_number(text: str) -> float | None:
    """Convert a Chinese numeral (三, 十二, 两千, 三百五十) to a number; None if it is not one."""
    total, section, digit = 0, 0, None
    if not text:
        return None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


@lru_cache(maxsize=4096)
def _unit_at(text: str) -> tuple[str, FigureKind, str] | None:
    m = _UNIT_RE.match(text)
    if not m:
        return None
    for i, (_, kind, canon) in enumerate(_UNIT_TABLE):
        got = m.group(f"u{i}")
        if got is not None:
            if canon is None:
                # ("14.6亿元人民币" is in 亿元: the currency named after 元 is no part of the unit)
                canon = got.replace(" ", "")
                canon = canon.removesuffix("人民币") if canon.endswith("元人民币") else canon
            return got, kind, canon
    return None


def _scale_of(unit: str, kind: FigureKind) -> float:
    if unit == "成":
        return 10.0
    if unit == "个基点":
        return 0.01
    if kind in (FigureKind.MONEY, FigureKind.QUANTITY):
        for mag, mult in _MAGNITUDE.items():
            if unit.startswith(mag):
                return mult
    if kind == FigureKind.MONEY and (en := re.match(r"(B|bn|Bn|M|mn|Mn|K)(?=[^A-Za-z])", unit)):
        return {"B": 1e9, "bn": 1e9, "Bn": 1e9, "M": 1e6, "mn": 1e6, "Mn": 1e6, "K": 1e3}[en.group(1)]
    return 1.0


# Every figure and date holds a digit or a Chinese numeral, except 上半年/下半年: a sentence
# with neither has no figure, and is not scanned (about 40% of an article's sentences).
_MAY_HOLD_FIGURE = re.compile(r"[\d零〇一二两三四五六七八九十]|半年")


def extract_figures(sentence: str) -> list[Figure]:
    """Every figure in `sentence`, left to right, each with the period it refers to."""
    text = _WIDE_THOUSANDS.sub(_thousands, sentence.translate(_FULLWIDTH))
    if not _MAY_HOLD_FIGURE.search(text):
        return []
    taken = [False] * len(text)
    dates: list[Figure] = []
    for m in _DATE_RE.finditer(text):
        if not m.group(0).strip():
            continue
        start, end = m.start(), m.start() + len(m.group(0).rstrip())
        # a date range: 2024年11月-2025年9月, 2025/6/23~2025/6/27
        sep = _DATE_RANGE_RE.match(text, end)
        if sep:
            nxt = _DATE_RE.match(text, sep.end())
            if nxt and nxt.group(0).strip():
                end = nxt.end()
        if any(taken[start:end]):
            continue
        if _SHORT_YEAR.match(text, start) and _DURATION_LEAD.search(text, max(0, start - 4), start):
            continue  # "可用 30 年": how long, not which year
        raw = text[start:end].strip()
        for i in range(start, end):
            taken[i] = True
        dates.append(Figure(text=raw, kind=FigureKind.DATE, start=start, end=end))

    figures: list[Figure] = []
    # numbers are sought with the dates blanked out, so one glued to a date is still read whole
    # ("Q20.64亿元" is Q2 and 0.64亿元)
    masked = text
    for d in dates:
        masked = masked[:d.start] + " " * (d.end - d.start) + masked[d.end:]
    for m in _NUMBER_RE.finditer(masked):
        body_start = m.start("num") if m.group("num") else m.start("cn")
        start = m.start("sign") if m.group("sign") else body_start
        if any(taken[body_start:m.end()]):
            continue
        prev = text[start - 1] if start > 0 else ""
        if prev and prev.isascii() and (prev.isalpha() or prev in "_.") and not text[:start].endswith(_GLUED_BEFORE) \
                and not (prev.isalpha() and (_GLUED_AMOUNT.match(text, start) or _GLUED_CAPACITY.match(text, start)
                                             or _GLUED_SHARE.match(text, start))) \
                and not (prev in "SEB" and _GLUED_KEY.search(text, max(0, start - 4), start)):
            continue  # K80, v2, Q4, 5.5: part of a name or an already read number (not "CAGR5.7%", "Meta137 亿美元")
        if text[:start].rstrip().endswith("第"):
            continue  # an ordinal, not a quantity
        # "GDP 5.2%" is a figure; "Flip 2" (a letter, a space, a bare number) is part of a name
        # (but "532 vs 394 tokens/sec": the figure vs sets against the one before it, 501)
        after_word = prev == " " and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha() \
            and not _VERSUS.search(text, max(0, start - 5), start)
        sign = m.group("sign") or ""
        if sign:
            before = text[:start].rstrip()
            if before and (before[-1].isdigit() or before[-1] in "%％"):
                sign = ""  # "2%-4%": the dash joins a range, it is not a sign
                start = m.start("num")
        if m.group("cn"):
            raw_num = m.group("cn")
            value = cn_to_number(raw_num)
            decimals = 0
            num_end = m.end("cn")
            unit = _unit_at(text[num_end:num_end + 12])
            # a Chinese numeral is a figure only with a unit that makes it one (三成, 两千亿元)
            if value is None or unit is None or unit[1] in (FigureKind.DURATION,) and unit[0] not in ("个月", "倍"):
                continue
            if unit[1] == FigureKind.QUANTITY and not re.match(_MAG, unit[0]):
                continue
            if len(raw_num) == 1 and unit[0] == "元" and _CJK_AFTER.match(text, num_end + 1):
                continue  # "三元圆柱电池", "三元材料": ternary, not three yuan
        else:
            raw_num = m.group("num")
            value = float(raw_num.replace(",", ""))
            decimals = len(raw_num.split(".")[1]) if "." in raw_num else 0
            num_end = m.end("num")
            rest = text[num_end:num_end + 14]
            unit = _unit_at(rest.lstrip(" ")[:13]) if rest[:1] == " " else _unit_at(rest)
            if rest[:1] == " " and unit is not None and unit[1] in (FigureKind.QUANTITY, FigureKind.DURATION) and unit[0] in ("个", "点", "年", "天", "日", "人", "只", "次"):
                unit = _unit_at(rest)  # "2 个" with a space is still a count, "2 年" too
                if unit is None:
                    unit = _unit_at(rest.lstrip(" ")[:13])
        if after_word and unit is None:
            continue
        if sign in "-−－" and sign:
            value = -value
        end = num_end
        kind, canon = FigureKind.NUMBER, ""
        if unit is not None:
            got, kind, canon = unit
            gap = len(text[num_end:]) - len(text[num_end:].lstrip(" ")) if text[num_end:num_end + 1] == " " else 0
            end = num_end + gap + len(got)
            if kind == FigureKind.QUANTITY and canon in _BARE_MAGNITUDES and (
                    _MONEY_LEAD.search(text, max(0, start - 24), start)
                    # "营业收入分别为 37.94 亿和 31.09 亿": the list's next item is money as its first is
                    or figures and figures[-1].kind == FigureKind.MONEY and figures[-1].unit == canon + "元"
                    and (_LIST_JOIN.fullmatch(text, figures[-1].end, start)
                         # and so is its base ("营收为936.57亿，较上年同期1184.24亿下降21%")
                         or _BASE_LEAD.search(text, max(0, start - 14), start)
                         and not re.search(r"[。；;]", text[figures[-1].end:start])
                         # and so is a range's upper end ("12.3亿~15.4亿", "2.5亿-3.0亿")
                         or _RANGE_SEP.fullmatch(text[figures[-1].end:start])
                         or figures[-1].end == start and sign in ("-", "－"))):
                kind, canon = FigureKind.MONEY, canon + "元"  # "资本开支339亿": company research drops the 元
        figures.append(Figure(
            text=text[start:end].strip(), kind=kind, value=value, unit=canon,
            scale=_scale_of(canon, kind), decimals=decimals, start=start, end=end,
        ))
        for i in range(start, end):
            taken[i] = True

    # "分别为 100 亿、26 亿、61 亿元", "429 亿、246 亿美元": a list writes its currency once, on its last item;
    # a bare magnitude joined to the next item in that magnitude takes its currency (from the end, so it
    # passes down the whole list)
    for i in range(len(figures) - 2, -1, -1):
        item, following = figures[i], figures[i + 1]
        if item.kind == FigureKind.QUANTITY and item.unit in _BARE_MAGNITUDES and following.kind == FigureKind.MONEY \
                and following.unit.startswith(item.unit) and re.fullmatch(_CURRENCY, following.unit[len(item.unit):]) \
                and _LIST_JOIN.fullmatch(text, item.end, following.start):
            figures[i] = Figure(text=item.text, kind=FigureKind.MONEY, value=item.value, unit=following.unit,
                                scale=_scale_of(following.unit, FigureKind.MONEY), decimals=item.decimals,
                                start=item.start, end=item.end)
    figures = _merge_ranges(text, figures)
    for fig in figures:
        before = chars_before(text, fig.start, 4)
        after = chars_after(text, fig.end, 2)
        fig.approx = bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after))
        fig.period = _period_for(fig, dates, text)
    out = sorted(dates + figures, key=lambda f: f.start)
    return out


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Join "10%~41%", "2%-4%" and "29.31-32.31亿元" into one figure with a high end."""
    merged: list[Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        if i + 1 < len(figures):
            b = figures[i + 1]
            between = text[a.end:b.start]
            compatible = a.kind == FigureKind.NUMBER or (a.kind == b.kind and a.unit == b.unit)
            high: float | None = None
            if a.value is None or b.value is None:
                pass
            elif _RANGE_SEP.fullmatch(between) is not None and b.kind != FigureKind.NUMBER and compatible \
                    and a.value <= b.value:
                high = b.value
            elif a.kind == b.kind != FigureKind.NUMBER and a.unit == b.unit and b.value < 0 <= a.value <= -b.value \
                    and not between.strip() and text[b.start:b.start + 1] in ("-", "－"):
                # "6.20亿元-7.48亿元": a dash after a unit, read as the sign of the next figure, joins a
                # range of two amounts in that unit (a negative written right after one is no usage)
                high = -b.value
            if high is not None:
                merged.append(Figure(
                    text=text[a.start:b.end].strip(), kind=b.kind, value=a.value, high=high,
                    unit=b.unit, scale=b.scale, decimals=max(a.decimals, b.decimals),
                    start=a.start, end=b.end,
                ))
                i += 2
                continue
        merged.append(a)
        i += 1
    return merged


# the first quarters of a year written as one span: "Q1-3", "22Q1-Q4"
_QUARTER_SPAN = re.compile(r"^((?:(?:19|20)?\d{2}\s?)?Q1)\s?[-~～—至]\s?Q?[2-4]$")


def _period_for(fig: Figure, dates: list[Figure], text: str) -> str | None:
    if not dates:
        return None
    # (a date inside a bracket closed before the figure dates that aside only: "营收15.29亿元（相比2020年的
    # 8.48亿元增长80.31%），信号链产品实现营收7.09亿元" is not 2020's 7.09)
    # the nearest one before the figure that is not such an aside, else the nearest, else the first
    earlier = [d for d in dates if d.end <= fig.start]
    date = next((d for d in reversed(earlier) if not _in_closed_aside(text, d, fig)),
                earlier[-1] if earlier else dates[0])
    span = _QUARTER_SPAN.match(date.text)
    if span and "分别" in text[date.end:fig.start]:
        # "22Q1-Q4毛利率分别为20.8%/21.4%/…": a list of the quarters, not the span's total; which
        # quarter each item is stands in the list's order, which a period does not say (its first)
        return span.group(1)
    return date.text


def _in_closed_aside(text: str, d: Figure, fig: Figure) -> bool:
    """Whether date `d` stands in a bracket that closes before `fig`."""
    opened = max(text.rfind("（", 0, d.start), text.rfind("(", 0, d.start))
    if opened < 0 or max(text.rfind("）", opened, d.start), text.rfind(")", opened, d.start)) >= 0:
        return False
    closed = [i for i in (text.find("）", d.end, fig.start), text.find(")", d.end, fig.start)) if i >= 0]
    return bool(closed)


def figure_keys(text: str) -> set[tuple]:
    """The comparable keys of every figure in a text (for tracing one text's figures to another)."""
    return {f.key() for f in extract_figures(text)}


# the separators of a written list of figures: "11.41/2.30/3.12亿元", "20.45、30.79、30.85亿元"
_LIST_SEP = re.compile(r"\s*[、/／]\s*")
_UNIT_KINDS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.MULTIPLE, FigureKind.POINTS,
               FigureKind.PERCENT)


def list_units(text: str, figures: list[Figure]) -> list[Figure]:
    """A list writes its unit once, on its last item: "床垫/枕头/电动床/沙发分别实现收入
    11.41/2.30/2.58/3.12亿元" is four amounts in 亿元. The bare numbers of such a list (joined by
    、 or /) take the unit of the item that ends it; other figures are returned as they are."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):  # from the end, so a unit passes down the whole list
        f, nxt = out[i], out[i + 1]
        if f.kind != FigureKind.NUMBER or f.value is None or f.high is not None \
                or nxt.kind not in _UNIT_KINDS or nxt.value is None or nxt.high is not None \
                or not _LIST_SEP.fullmatch(text[f.end:nxt.start]):
            continue
        out[i] = f.model_copy(update={"kind": nxt.kind, "unit": nxt.unit, "scale": nxt.scale})
    return out
