"""A half's margin as its quarters' margins weighted by their revenues: "21H1毛利率60.94%，其中21Q1/Q2毛利率
分别为56.70%/63.72%" with "21Q1/Q2营收分别为2.15亿/3.29亿元" (or the first quarter's revenue as the half's
less the second's) give Σ revenue × margin / Σ revenue = 60.87% (derived: each quarter's profit is an
unstated intermediate). The quarters are named by the text, so a mismatch refutes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import quarter_list
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, interval_sum
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.checks.quarters import Level, read_levels
from macrodesk.figures import list_units
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_GATE = re.compile(r"[Q季][^。]{0,12}(?:毛利率|净利率)")
# a margin named right before its value or its list of values: "毛利率分别为", "单季度净利率分别为"
_MARGIN = re.compile(r"(毛利率|归母净利率|净利率)\s*(?:分别)?\s*(?:为|是|达到?|约)?\s*(?:分别)?\s*$")
_JOIN = re.compile(r"^\s*(?:、|/|／|和)\s*$")
# the revenue measures a margin is on
_REVENUE = ("营业收入",)
_SPAN = {2: "H1", 3: "9M"}
# a clause naming one quarter: its margin is that quarter's, not the half's
_ONE_QUARTER = re.compile(r"(?<!前)[一二三四1-4]\s*季度|(?<![-—~～至])Q[1-4](?!\s*[-—~～至])|[1-4]Q|单季")
# a quarter list's revenues: "21Q1/Q2营收分别为2.15亿/3.29亿元"
_REVENUE_LIST = re.compile(r"(?:营业收入|营收|收入)\s*(?:分别)?\s*(?:为|是|达到?|实现)?\s*(?:分别)?\s*$")


@dataclass(frozen=True)
class _Listed:
    name: str  # the margin's name
    values: list[Figure]  # in the order of the quarters
    sentence: Sentence


def find_quarter_margins(article: Article) -> list[Check]:
    if not mentions(article, _GATE):
        return []
    lists: list[_Listed] = []
    wholes: list[tuple[str, Figure, Sentence]] = []  # (name, a margin of no one quarter, its sentence)
    listed_revenues: list[list[Figure]] = []  # "21Q1/Q2营收分别为2.15亿/3.29亿元"
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "率" not in s.text and "收" not in s.text:
            continue
        figs = list_units(s.text, [f for f in s.figures if f.kind != FigureKind.DATE])
        i = 0
        while i < len(figs):
            f = figs[i]
            j = i
            while j + 1 < len(figs) and figs[j + 1].kind == f.kind and _JOIN.match(s.text[figs[j].end:figs[j + 1].start]):
                j += 1
            clause = s.text[clause_start(s.text, f.start, "，,；;。：:"):f.start]
            m = _MARGIN.search(clause) if f.kind == FigureKind.PERCENT and f.value is not None else None
            if m is not None and j > i and quarter_list(clause) == list(range(1, j - i + 2)):
                lists.append(_Listed(m.group(1), figs[i:j + 1], s))
            elif m is not None and j == i and not _ONE_QUARTER.search(clause):
                wholes.append((m.group(1), f, s))
            elif j > i and _REVENUE_LIST.search(clause) and figs[i].kind == FigureKind.MONEY \
                    and quarter_list(clause) == list(range(1, j - i + 2)):
                listed_revenues.append(figs[i:j + 1])
            i = j + 1
    if not lists or not wholes:
        return []
    levels = [lv for lv, _ in read_levels(article) if lv.metric in _REVENUE and not lv.entity and lv.own]
    out: list[Check] = []
    for ls in lists:
        n = len(ls.values)
        whole = _whole_of(ls, wholes)
        if n not in _SPAN or whole is None:
            continue
        named = [r for r in listed_revenues if len(r) == n]
        revenues = [(f.text, interval(f)) for f in named[0]] if len(named) == 1 \
            else _revenues(levels, n)
        if revenues is None:
            continue
        out.append(_judge(article, ls, whole, revenues))
    return out


def _whole_of(ls: _Listed, wholes: list[tuple[str, Figure, Sentence]]) -> tuple[Figure, Sentence] | None:
    """The one margin of the same name, of a half, written before the list in its paragraph."""
    found = [(f, s) for name, f, s in wholes if name == ls.name and s.paragraph == ls.sentence.paragraph
             and (s.id, f.start) <= (ls.sentence.id, ls.values[0].start)]
    return found[-1] if len(found) == 1 else None


def _revenues(levels: list[Level], n: int) -> list[tuple[str, Interval]] | None:
    """Each quarter's revenue (its text, its interval in base units): written for each quarter, or
    for the first as the half's less the second's; None when a year's quarters are not all read
    once."""
    years = {lv.year for lv in levels if lv.part.startswith("Q") or lv.part == _SPAN[n]}
    if len(years) != 1:
        return None
    year = years.pop()
    by_part: dict[str, list[Level]] = {}
    for lv in levels:
        if lv.year == year:
            by_part.setdefault(lv.part, []).append(lv)
    one = {part: xs[0] for part, xs in by_part.items() if len({x.fig.value for x in xs}) == 1}
    out: list[tuple[str, Interval]] = []
    for q in range(1, n + 1):
        own = one.get(f"Q{q}")
        if own is not None:
            out.append((own.fig.text, interval(own.fig)))
            continue
        whole, rest = one.get(_SPAN[n]), [one.get(f"Q{k}") for k in range(1, n + 1) if k != q]
        if whole is None or any(x is None for x in rest) or len(by_part.get(_SPAN[n], [])) != 1:
            return None
        known = interval_sum(interval(x.fig) for x in rest if x is not None)
        total = interval(whole.fig)
        left = Interval(total.lo - known.hi, total.hi - known.lo)
        if left.lo <= 0:
            return None
        out.append((f"({whole.fig.text} - " + " - ".join(x.fig.text for x in rest if x is not None) + ")", left))
    return out


def _judge(article: Article, ls: _Listed, whole: tuple[Figure, Sentence], revenues: list[tuple[str, Interval]]) -> Check:
    margin, s = whole
    total = interval_sum(r for _, r in revenues)
    profit = interval_sum(r * figure_interval(m).scale(0.01) for (_, r), m in zip(revenues, ls.values, strict=True))
    # each quarter's share of the half moves with the others': the mean lies between the margins
    lo = max(profit.lo / total.hi, min(figure_interval(m).lo for m in ls.values) / 100)
    hi = min(profit.hi / total.lo, max(figure_interval(m).hi for m in ls.values) / 100)
    got = Interval(lo * 100, hi * 100)
    shown = " + ".join(f"{t}×{m.text}" for (t, _), m in zip(revenues, ls.values, strict=True))
    return interval_check(
        got, figure_interval(margin, result=True), kind="ratio", stated=margin.text,
        inputs=[m.text for m in ls.values] + [t for t, _ in revenues],
        relation=(f"({shown}) / ({' + '.join(t for t, _ in revenues)}) = {margin.text} "
                  f"(the quarters' {ls.name} weighted by their revenues; {fmt(got.mid)}%)"),
        derived=True, refutable=True, sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        article=article.label, input_sentences=[ls.sentence.text] * len(ls.values))
