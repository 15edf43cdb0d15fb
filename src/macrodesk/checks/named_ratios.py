"""A ratio named by its two measures: "金价约为 3400 美元 / 金衡盎司，银价约为 36.5 美元 / 金衡盎司，金银比 93"
is 金价 over 银价, "新能源车保有量 3910 万辆，充电桩保有量 1282 万台，车桩比降至 2.25" is 车 over 桩,
"氧化铝 / 电解铝产能运行比 2.13" names both sides with a slash."""

from __future__ import annotations

import math
import re

from macrodesk.checks.frames import currency
from macrodesk.checks.intervals import Interval, figure_interval, fitting_powers
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the name right before the ratio: "金银比", "车桩比降至", "市值储量比", "氧化铝 / 电解铝产能运行比"
_NAMED = re.compile(r"(?P<name>[\u4e00-\u9fa5A-Za-z]{2,8}(?:\s*/\s*[\u4e00-\u9fa5A-Za-z]{1,8})?)"
                    r"比值?\s*(?:为|达|约|约为|达到|仅|降至|升至|回落至|回升至|下降至|上升至)?\s*$")
# words that end in 比 and name no ratio of two measures
_NOT_RATIO = re.compile(r"(?:占|同|环|对|相|好|类|无|正|反|增速|增幅|涨幅|降幅)$")
_CLAUSE = re.compile(r"[。；;！？!?]")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)


def find_named_ratios(article: Article) -> list[Check]:
    found: list[tuple[Sentence, Figure, Figure, Figure, str]] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "比" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, r in enumerate(figs):
            if r.kind != FigureKind.NUMBER or k < 2:
                continue
            m = _NAMED.search(s.text[figs[k - 1].end:r.start])
            if m is None:
                continue
            name = re.sub(r"\s", "", m.group("name"))
            if _NOT_RATIO.search(name):
                continue
            pair = _pair(s.text, figs[:k], r, name)
            if pair is not None:
                found.append((s, *pair, r, name))
    # a ratio of two units is written in a unit of its own, one for every row that names it
    # ("市值储量比" in 万元 / 吨 in each of 191's four rows): the power of ten most rows fit
    read = [(s, x, y, r, name, interval(x) / interval(y), figure_interval(r, result=True)) for s, x, y, r, name in found]
    scales: dict[str, list[float]] = {}
    for _, x, y, _, name, got, stated in read:
        if not _same_unit(x, y):
            scales.setdefault(name, []).extend(10.0 ** j for j in fitting_powers(got, stated))
    out: list[Check] = []
    for s, x, y, r, name, got, stated in read:
        scale = 1.0
        if not _same_unit(x, y):
            votes = scales.get(name, [])
            best = max(set(votes), key=votes.count) if votes else None
            scale = best if best is not None and (votes.count(best) >= 2 or len(set(votes)) == 1) \
                else _nearest_scale(got, stated)
        relation = f"{x.text} / {y.text} = {r.text} ({name}比)"
        if scale != 1.0:
            relation += f" (× {scale:g}: the ratio is written in another unit)"
        chk = interval_check(got.scale(scale), stated, kind="ratio", stated=r.text, inputs=[x.text, y.text],
                             relation=relation, sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                             input_sentences=[s.text, s.text])
        chk.article = article.label
        out.append(chk)
    return out


def _lead(text: str, figs: list[Figure], i: int) -> str:
    """The words of a figure's own clause before it, back to the figure before it."""
    start = figs[i - 1].end if i else 0
    seg = text[start:figs[i].start]
    return re.split(r"[，,：:（(]", seg)[-1]


def _sides(name: str) -> list[tuple[str, str]]:
    """The ways a name splits into its two measures: at its slash, else at every place of its
    last characters ("金银" -> 金 / 银; "市值储量" -> 市值 / 储量, 市 / 值储量, …)."""
    if "/" in name:
        a, b = name.split("/", 1)
        return [(a[-4:], b[:4])]
    return [(name[:i], name[i:]) for i in range(1, len(name))]


def _pair(text: str, before: list[Figure], r: Figure, name: str) -> tuple[Figure, Figure] | None:
    """The two levels the name's sides are written after, each the only one."""
    levels = [i for i, f in enumerate(before) if f.kind in _AMOUNTS and f.kind != FigureKind.NUMBER
              and not _CLAUSE.search(text[f.end:r.start])]
    found: list[tuple[int, int]] = []
    for a, b in _sides(name):
        # a side names the measure its level is written after, and only that level
        xs = [i for i in levels if a in _lead(text, before, i) and b not in _lead(text, before, i)]
        ys = [i for i in levels if b in _lead(text, before, i) and a not in _lead(text, before, i)]
        if len(xs) == 1 and len(ys) == 1 and xs[0] != ys[0]:
            found.append((xs[0], ys[0]))
    if len(set(found)) != 1:
        return None
    x, y = before[found[0][0]], before[found[0][1]]
    return (x, y) if interval(y).lo > 0 and interval(x).lo > 0 else None


def _same_unit(x: Figure, y: Figure) -> bool:
    return x.kind == y.kind and currency(x.unit) == currency(y.unit)


def _nearest_scale(got: Interval, stated: Interval) -> float:
    """The power of ten that brings the computed ratio nearest the stated one."""
    if stated.mid <= 0:
        return 1.0
    k = round(math.log10(stated.mid / got.mid))
    for j in (k, k - 1, k + 1):
        if got.scale(10.0 ** j).overlaps(stated):
            return 10.0 ** j
    return 10.0 ** k
