"""What a figure is about (its frame: metric, period, unit), read from the words written before
it, so figures in one section can be lined up into relations; the reading stage may reuse it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from macrodesk.models import Figure, FigureKind, canonical_unit

# a label that names a segment before the figure's words: "海外方面：21年营收达33.6亿元" is not the company's
# revenue, though its words ("营收") name no segment
# a segment's, a market's or a channel's name in the words before a level: its figures are no company's
SEGMENT_NAMED = re.compile(r"(?<!主营)业务|分部|事业部|市场|地区|区域|国内|海外|境内|境外|线上|线下|渠道")
SEGMENT_LABEL = re.compile(r"(?:^|[。；;，,])\s*[\u4e00-\u9fa5A-Za-z]{0,6}(?:海外|国内|境外|境内|内销|外销|线上|线下|板块|业务|地区|区域"
                           r"|渠道|品牌|产品|分部)[\u4e00-\u9fa5]{0,4}\s*[：:]")

# words that say how a figure moved or is reported, not what it measures
_FILLER = re.compile(
    r"(?:19|20)?\d{2}\s*(?:年|财年|Q[1-4]|H[12]|E|A)|\d{1,2}\s*月|第?[一二三四]季度|上半年|下半年|全年|前三季度"
    r"|同比|环比|分别|实现|约为|约|为|达到|达|录得|共计|合计|其中|增长|增速|下降|上升|提升|减少|降至|升至|增至"
    r"|较|的|了|是|在|和|与|及|以|已|仅|超|近|逾|[A-Za-z0-9.\-+%/|（）()、\s·*]"
)
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?（(|]")


@dataclass(frozen=True)
class Frame:
    """What a figure measures: the metric named before it, the period, the unit."""

    metric: str  # "原煤产量", "归母净利润": the words before the figure, fillers removed
    period: str  # "2025年一季度", "25H1"; "" when the sentence gives none
    unit: tuple[str, str]  # (kind, canonical unit)


_MAGNITUDE = re.compile(r"^(?:万亿|千亿|百亿|亿|千万|百万|万|千|百)")


def currency(unit: str) -> str:
    """A unit without its magnitude (亿美元 -> 美元, 百万元 -> 元): two amounts in one currency."""
    return _MAGNITUDE.sub("", unit)


def lead_words(text: str, start: int, stop_at: int = 0) -> str:
    """The words of the clause right before offset `start` (back to a clause break or `stop_at`)."""
    seg = text[stop_at:start]
    parts = _CLAUSE_BREAK.split(seg)
    return parts[-1] if parts else ""


def frame_of(text: str, fig: Figure, stop_at: int = 0) -> Frame:
    """The frame of `fig` in sentence `text`; `stop_at` is where the previous figure ended."""
    return _frame(text[stop_at:fig.start], fig.period or "", fig.kind, fig.unit)


_SPACES = re.compile(r"\s+")


# A frame depends only on the words before its figure, its period and its unit. It is cached
# because every figure is framed more than once: in its section (checks/framed.py), again in the
# article-wide pass (checks/across.py) and by the quarters finder. Frame is frozen: sharing is safe.
@functools.lru_cache(maxsize=16384)
def _frame(before: str, period: str, kind: FigureKind, unit: str) -> Frame:
    metric = _FILLER.sub("", lead_words(before, len(before)))[-12:]
    return Frame(metric=metric, period=_SPACES.sub("", period), unit=(kind.value, canonical_unit(kind, unit)))


def common_metric(a: str, b: str, n: int = 2) -> bool:
    """Two metrics name the same thing when they share a run of `n` characters (产量 / 原煤产量)."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(short[i:i + n] in long_ for i in range(len(short) - n + 1))


# ---------------------------------------------------------------- the period a frame names
# "2025 上半年", "2024 四季度": a year before its half or quarter needs no 年
_PERIOD_YEAR = re.compile(r"((?:19|20)?\d{2})\s*(?:全?年|财年|H|Q|E|A|(?=[上下]半年|第?[一二三四]\s*季度))")
_SUBS = (
    # "22Q1-3" is the first three quarters, "Q1-Q2" the first half, "Q1-4" the year
    (re.compile(r"Q1\s*[-—–~～至]\s*Q?3"), "9M"),
    (re.compile(r"Q1\s*[-—–~～至]\s*Q?2"), "H1"),
    (re.compile(r"Q1\s*[-—–~～至]\s*Q?4"), "Y"),
    # (before the quarters: "前三季度" is nine months, not its 三季度)
    (re.compile(r"前三季度"), "9M"),
    (re.compile(r"Q([1-4])|([一二三四])\s?季度"), "Q"),
    (re.compile(r"H([12])|([上下])半年"), "H"),
    (re.compile(r"(\d{1,2})\s*[-—–~至]\s*(\d{1,2})\s*月"), "M-"),
    (re.compile(r"(\d{1,2})\s*月"), "M"),
    (re.compile(r"前三季度|[三3]\s?季报"), "9M"),
    # a report names its period: "2020 年一季报" is Q1, "中报" / "半年报" H1 ("年报" the year)
    (re.compile(r"([一1])\s?季报"), "Q"),
    (re.compile(r"中报|半年报|半年度报告"), "H1"),
)
_CN = {"一": "1", "二": "2", "三": "3", "四": "4", "上": "1", "下": "2"}


_BARE_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*")


@functools.lru_cache(maxsize=8192)  # pure, and asked of the same few periods thousands of times
def period_key(period: str) -> tuple[int, str] | None:
    """(year, sub-period) of a written period: "2025 年一季度" -> (2025, "Q1"), "25H1" ->
    (2025, "H1"), "2024 年" -> (2024, "Y"); None when no year is written."""
    ym = _PERIOD_YEAR.search(period)
    if not ym:
        # "2021" alone: a year written with no 年 before the company or a measure (figures.py)
        bare = _BARE_YEAR.fullmatch(period)
        return (int(bare.group(1)), "Y") if bare else None
    y = int(ym.group(1))
    y = y + 2000 if y < 100 else y
    # the mark after the year stays: "25H1" is H1
    rest = period[:ym.start()] + " " + period[ym.end() - (ym.end() > ym.end(1)):]
    for rx, tag in _SUBS:
        m = rx.search(rest)
        if m:
            groups = [g for g in m.groups() if g] if m.groups() else []
            return y, tag + "".join(_CN.get(g, g) for g in groups)
    return y, "Y"


# a slash or 、-list of quarters naming a list's items: "Q1/Q2/Q3收入分别为…", "Q1、Q2单季度净利率分别为…",
# "一、二季度"
_QUARTER = r"(?:Q([1-4])|([1-4])Q|([一二三四])季度)"
QUARTER = re.compile(_QUARTER)  # one quarter, however written
_QUARTER_LIST = re.compile(f"{_QUARTER}(?:\\s*[/、]\\s*{_QUARTER})+|[一二三四](?:\\s*[/、]\\s*[一二三四])+\\s*季度")


def quarter_list(text: str) -> list[int]:
    """The quarters of the last list of quarters written in `text`, in order ([] when none)."""
    found = list(_QUARTER_LIST.finditer(text))
    if not found:
        return []
    return [int(d) if d.isdigit() else int(_CN[d]) for d in re.findall(r"(?<=Q)[1-4]|[1-4](?=Q)|[一二三四]", found[-1].group())]
