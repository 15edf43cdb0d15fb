"""A company's levels and growths by year and measure, written as 分别 lists: "2019年公司营收、净利分别达
14.72亿元、1.53亿元", "2020年…营收和净利润分别为14.24亿元、1.33亿元，同比分别减少3.24%、13.01%",
"2021年和2022年分别实现营业收入19.21亿元、16.78亿元，同比增长34.91%、-12.65%；净利润1.44亿元、1.49亿元，…".
Each listed growth is its year's level over the year before's: certain when both years are items of
the one list, confirm-only when the year before is read from another sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.company_levels import MEASURE_CLASSES, year_level
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, signed_rate
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_NEEDS = re.compile(r"分别")
# a group of years written together: "2021年和2022年", "2021、2022年", "21年"; the last group before a
# list is the one in force
_YEARS = re.compile(r"(?<![\d.])((?:19|20)\d{2}\s*年?(?:\s*(?:和|、|及|与|以及)\s*(?:19|20)\d{2}\s*年?)*)"
                    r"(?=\s*年|(?<=年))")
_ONE_YEAR = re.compile(r"(?:19|20)\d{2}")
# a span of years: "2019年至2022年", "2019-2022年"
_SPAN = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年?\s*(?:至|到|[-~～—―])\s*((?:19|20)\d{2})\s*年(?!\s*(?:[一二三四1-4]\s*季|[前上下]|Q|H|\d{1,2}\s*月))")
# a year that is the date of a part of it ("2021年一季度", "2021年1-6月", "2021Q1"), not of the year
_PART_OF_YEAR = re.compile(r"^\s*(?:年)?\s*(?:度)?\s*(?:[一二三四1-4]\s*季|[前上下]|Q|H|\d{1,2}\s*[-~—至]?\s*\d{0,2}\s*月|末|底|初)")
# the measures, as classes: a growth is only judged against a level of the same class; the company's
# classes (company_levels), with a plain 净利 of its own and a bare 收入 only as the words' first
_CLASSES = (*((name, rx) for name, rx in MEASURE_CLASSES if name != "revenue"), ("净利", re.compile(r"净利(?!率)")),
            ("revenue", re.compile(r"营业总?收入|营收|总收入|^收入")))
# words before a measure that make it a part's, not the company's
_PART = re.compile(r"业务|板块|分部|产品|海外|国内|境外|境内|外销|内销|子公司|其中|行业|全国|市场|单季|季度|同比|环比|毛利|"
                   r"[上下]半年|前三|累计|平均|人均|单位|每股")
_MEASURE_END = re.compile(r"(?:营业总?收入|营收|总收入|收入|归母净利润?|归属于?(?:母公司|上市公司)[^，。、]{0,8}净利润|"
                          r"归属净利润?|扣非[^，。、]{0,8}净利润?|净利润?)\s*(?:分别)?\s*(?:为|达|达到|实现|约|是)?\s*$")
# the words between a list's lead and its measures: "分别实现营业收入", "营收、净利分别达"
_RESPECTIVELY = re.compile(r"分别\s*(?:为|达|达到|实现|是|录得)?\s*")
_JOIN = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
_MEASURE_JOIN = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
# from a list of levels to its growths: "，同比增长 34.91%、-12.65%", "，同比分别减少 3.24%、13.01%"
_TO_GROWTHS = re.compile(r"^\s*[，,]\s*(?:同比|较上年|比上年)\s*(?:分别)?\s*(?P<v>增长|增加|提升|上升|下降|减少|下滑|变动)?\s*"
                         r"(?:了|约)?\s*$")


@dataclass(frozen=True)
class _Cell:
    sentence: Sentence
    year: int
    measure: str
    level: Figure | None  # None in a list of growths alone
    growth: Figure | None
    verb: str | None
    together: tuple[int, ...]  # the years listed with it, in this sentence


def _measure(words: str) -> str:
    """The class of one measure's words, "" when they name none or a part's."""
    words = words.strip()
    for name, rx in _CLASSES:
        if (m := rx.search(words)) is not None:
            return "" if _PART.search(words[:m.start()]) else name
    return ""


def _runs(s: Sentence) -> list[list[Figure]]:
    """Runs of figures of one kind joined by 、/和."""
    figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
    out: list[list[Figure]] = []
    for f in figs:
        if out and out[-1][-1].kind == f.kind and _JOIN.match(s.text[out[-1][-1].end:f.start]):
            out[-1].append(f)
        else:
            out.append([f])
    return out


def _year_group(text: str, end: int) -> tuple[int, ...] | None:
    """The years of the last group written before `end`, None when that group dates a part of a year."""
    last = None
    for m in _YEARS.finditer(text, 0, end):
        last = m
    span = None
    for m in _SPAN.finditer(text, 0, end):
        span = m
    if span is not None and (last is None or last.start() < span.end()):
        first, final = int(span.group(1)), int(span.group(2))
        return tuple(range(first, final + 1)) if 2 <= final - first + 1 <= 8 else None
    if last is None or _PART_OF_YEAR.match(text, last.end()):
        return None
    years = tuple(int(y) for y in _ONE_YEAR.findall(last.group(1)))
    return years if len(set(years)) == len(years) and list(years) == sorted(years) else None


def _cells(s: Sentence, carried: tuple[int, ...] | None) -> list[_Cell]:
    """The sentence's cells; `carried` is the years listed in the sentence before when this one goes
    on from it after a ；("…分别实现营业收入19.21亿元、16.78亿元，…；" "净利润1.44亿元、1.49亿元，…")."""
    text = s.text
    runs = _runs(s)
    out: list[_Cell] = []
    for i, run in enumerate(runs):
        if run[0].kind == FigureKind.PERCENT and len(run) >= 2 and (i == 0 or runs[i - 1][-1].kind != FigureKind.MONEY
                                                                    or not _TO_GROWTHS.match(text[runs[i - 1][-1].end:run[0].start])):
            out.extend(_growth_list(s, run, carried))
            continue
        if run[0].kind != FigureKind.MONEY or not all(f.unit == run[0].unit and f.unit.endswith("元") for f in run):
            continue
        years = _year_group(text, run[0].start)
        listed = years is not None and "分别" in text[:run[0].start]
        if years is None and not _YEARS.search(text):
            years, listed = carried, True
        if years is None:
            continue
        cut = clause_start(text, run[0].start, "，,；;：:。")
        lead = text[cut:run[0].start]
        growths: list[Figure] = []
        verb = None
        if i + 1 < len(runs) and runs[i + 1][0].kind == FigureKind.PERCENT \
                and (g := _TO_GROWTHS.match(text[run[-1].end:runs[i + 1][0].start])):
            growths, verb = runs[i + 1], g.group("v")
        if len(years) == 1 and len(run) >= 2:
            # measures listed: "营收和净利润分别为14.24亿元、1.33亿元"
            rs = _RESPECTIVELY.search(lead)
            if rs is None or rs.end() != len(lead.rstrip()) and lead[rs.end():].strip():
                continue
            names = [n for n in _MEASURE_JOIN.split(lead[:rs.start()]) if n.strip()]
            classes = [_measure(n) for n in names]
            if len(names) != len(run) or not all(classes) or len(set(classes)) != len(classes):
                continue
            if growths and len(growths) != len(run):
                continue
            for k, f in enumerate(run):
                out.append(_Cell(s, years[0], classes[k], f, growths[k] if growths else None, verb, years))
        elif len(years) >= 2 and len(run) == len(years):
            # years listed: "2021年和2022年分别实现营业收入19.21亿元、16.78亿元"; after a ；, "净利润1.44亿元、1.49亿元"
            m = _MEASURE_END.search(lead)
            if m is None or not listed:
                continue
            # the measure after 分别 ("分别实现营业收入") or before it ("怡亚通酒饮营收分别达")
            pieces = [_measure(w) for w in _SPAN.sub("", lead[:m.end()]).split("分别")]
            measure = next((x for x in reversed(pieces) if x), "")
            if not measure or growths and len(growths) != len(run):
                continue
            for k, f in enumerate(run):
                out.append(_Cell(s, years[k], measure, f, growths[k] if growths else None, verb, years))
    return out


# a list of growths naming its measure and years: "2020年至2022年怡亚通酒饮总营收增幅分别为-23.03%、-23.64%、-25.35%"
_GROWTH_LEAD = re.compile(r"(?P<m>[^，,；;：:。]*?)\s*(?:同比)?\s*(?:增幅|增速|增长率|同比增长|同比增速)\s*分别\s*(?:为|达|是)?\s*$")


def _growth_list(s: Sentence, run: list[Figure], carried: tuple[int, ...] | None) -> list[_Cell]:
    """The cells of a list of growths with no levels: their years' levels are read elsewhere."""
    years = _year_group(s.text, run[0].start)
    m = _GROWTH_LEAD.search(s.text, 0, run[0].start)
    if years is None or len(years) != len(run) or m is None:
        return []
    measure = _measure(_YEARS.sub("", _SPAN.sub("", m.group("m"))))
    if not measure:
        return []
    return [_Cell(s, y, measure, None, g, None, years) for y, g in zip(years, run, strict=True)]


def find_metric_grids(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    cells: list[_Cell] = []
    carried: tuple[int, ...] | None = None
    last: Sentence | None = None
    for s in article.sentences:
        if last is None or last.paragraph != s.paragraph or not last.text.rstrip().endswith(("；", ";")):
            carried = None
        last = s
        if s.kind not in ("prose", "list") or "分别" not in s.text and carried is None:
            continue
        found = _cells(s, carried)
        cells.extend(found)
        carried = next((c.together for c in reversed(found) if len(c.together) > 1), carried)
    if not any(c.growth is not None for c in cells):
        return []
    levels: dict[tuple[int, str], list[tuple[Sentence, Figure]]] = {}
    for c in cells:
        if c.level is not None:
            levels.setdefault((c.year, c.measure), []).append((c.sentence, c.level))
    out: list[Check] = []
    for c in cells:
        if c.growth is None:
            continue
        if c.level is None:
            # a growth listed alone: its year's and the year before's levels, each the one of its
            # measure the article's lists write
            now = _one(levels.get((c.year, c.measure), []))
            if now is not None and (was := _one(levels.get((c.year - 1, c.measure), []))) is not None:
                out.extend(_judged(article, c, was, now, "the levels written in another sentence"))
            continue
        same = [f for t, f in levels.get((c.year - 1, c.measure), []) if t is c.sentence]
        if same:
            out.extend(_judged(article, c, (c.sentence, same[0]), (c.sentence, c.level), "in one sentence",
                               certain=True))
            continue
        base = _one(levels.get((c.year - 1, c.measure), []))
        if base is None and not levels.get((c.year - 1, c.measure)) and c.measure != "净利":
            base = year_level(article, c.measure, c.year - 1)
        if base is not None:
            out.extend(_judged(article, c, base, (c.sentence, c.level),
                               "the year before written in another sentence"))
    return out


def _one(found: list[tuple[Sentence, Figure]]) -> tuple[Sentence, Figure] | None:
    """The one level written for a year and measure (several alike are one), None when none or two."""
    by_amount = {f.key(): (t, f) for t, f in found}
    return next(iter(by_amount.values())) if len(by_amount) == 1 else None


def _judged(article: Article, c: _Cell, was: tuple[Sentence, Figure], now: tuple[Sentence, Figure], where: str,
            *, certain: bool = False) -> list[Check]:
    """A growth against its year's level over the year before's; read from other sentences by
    measure and year, the levels may be another entity's: a fit confirms, a misfit proves nothing."""
    lo, hi = interval(was[1]), interval(now[1])
    if c.growth is None or lo.lo <= 0 or hi.lo <= 0:
        return []  # growth from or to a loss has no one convention
    chk = interval_check(
        (hi / lo - Interval(1, 1)).scale(100), signed_rate(c.sentence.text, c.growth, c.verb), kind="growth",
        stated=c.growth.text, inputs=[was[1].text, now[1].text],
        relation=f"({now[1].text}/{was[1].text} - 1) = {c.growth.text} ({c.year} over {c.year - 1}, {where})",
        sentence=c.sentence.text, sentence_id=c.sentence.id, paragraph=c.sentence.paragraph,
        input_sentences=[was[0].text, now[0].text], article=article.label)
    return [chk if certain else confirm_only(chk, "the levels are found by their measure and year")]

