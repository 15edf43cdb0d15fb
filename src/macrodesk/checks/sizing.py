"""A market sized as a quantity per unit times a count of units: "若单车用镁 3.2kg，按每年 5000 万辆销量计算，
可带动 16 万吨镁需求" is 3.2 kg × 5000 万, "单机价值 3520 元，1000 万台对应市场规模 352 亿元" is 3520 元 × 1000 万;
the per-unit figure is named so (单车, 单台, 每辆…) and the count is in its counter (辆, 台…)."""

from __future__ import annotations

import re

from macrodesk.checks.frames import currency
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# the per-unit word and the counter of the units it is per: 单车 and 每辆 are per 辆, 单机 per 台 or 架
_PER_UNIT = re.compile(r"(?:单|每一?|平均每)\s*(车|辆|台|机|套|颗|只|架|件|部|片)")
_COUNTERS = {"车": ("辆",), "辆": ("辆",), "台": ("台",), "机": ("台", "架"), "套": ("套",), "颗": ("颗",),
             "只": ("只",), "架": ("架",), "件": ("件",), "部": ("部",), "片": ("片",)}
# what a unit of measure is worth in its dimension's base (a magnitude such as 万 is the figure's scale)
_BASE = {
    "kg": ("mass", 1.0), "公斤": ("mass", 1.0), "千克": ("mass", 1.0), "g": ("mass", 1e-3), "克": ("mass", 1e-3),
    "吨": ("mass", 1e3),
    "W": ("power", 1e-3), "kW": ("power", 1.0), "千瓦": ("power", 1.0), "MW": ("power", 1e3), "GW": ("power", 1e6),
    "Wh": ("energy", 1e-3), "kWh": ("energy", 1.0), "MWh": ("energy", 1e3), "GWh": ("energy", 1e6),
    "平米": ("area", 1.0), "平方米": ("area", 1.0),
    "元": ("元", 1.0), "美元": ("美元", 1.0), "港元": ("港元", 1.0), "欧元": ("欧元", 1.0),
}
_STOPS = "，,；;。：:"
# a factor the product would also need (a share, a rate); a per-unit range; a bound instead of a total
_FACTOR = (FigureKind.PERCENT, FigureKind.POINTS, FigureKind.MULTIPLE)
_RANGE_BEFORE = re.compile(r"\d\s*[A-Za-z元吨克]*\s*[-~～—至到]\s*$")
_RANGE_AFTER = re.compile(r"\s*[-~～—至到]\s*\d")
_UNIT_PRICE = re.compile(r"均价|单价|单位")
_PRICE_BEFORE = re.compile(r"单价\s*(?:为|约为?|达)?\s*$")
_ANY_COUNTER = tuple(sorted({c for cs in _COUNTERS.values() for c in cs}))
_BREAK = re.compile(r"[，,；;。：:]")
_BOUND = re.compile(r"(?:超过?|逾|近|不到|不足|至少|以上|以下)\s*$")


def _breaks(text: str, start: int, end: int) -> int:
    return len(_BREAK.findall(text, start, end))


def _dimension(f: Figure) -> tuple[str, float] | None:
    """(dimension, factor to its base) of a figure's unit, its magnitude set apart (万吨 is 吨)."""
    return _BASE.get(currency(f.unit.replace(" ", "")))


def _counter(f: Figure) -> str:
    return currency(f.unit.replace(" ", "")) if f.kind == FigureKind.QUANTITY else ""


def _value(f: Figure, factor: float) -> Interval:
    return figure_interval(f).scale((f.scale or 1.0) * factor)


def find_sizings(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not (_PER_UNIT.search(s.text) or "单价" in s.text):
            continue
        chk = _sized(s)
        if chk is not None:
            chk.article = article.label
            out.append(chk)
    return out


def _sized(s: Sentence) -> Check | None:
    """The one per-unit figure, the one count in its counter and the one result of its dimension
    after both, in one sentence with no other factor; else nothing."""
    text = s.text
    figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and f.high is None]
    per: list[tuple[Figure, tuple[str, ...]]] = []
    for f in figs:
        word = _PER_UNIT.search(text, clause_start(text, f.start, _STOPS), f.start)
        # "交付 500 架，单价 120 万元，市场规模 6 亿元" (166): a 单价 right before its figure is per unit of
        # whatever is counted in a counter
        priced = word is None and _PRICE_BEFORE.search(text, clause_start(text, f.start, _STOPS), f.start)
        if (word is not None or priced) and _dimension(f) is not None and not _RANGE_BEFORE.search(text, 0, f.start) \
                and not _RANGE_AFTER.match(text, f.end):
            per.append((f, _COUNTERS[word.group(1)] if word is not None else _ANY_COUNTER))
    if len(per) != 1:
        return None
    p, counters = per[0]
    counts = [f for f in figs if f is not p and _counter(f) in counters]
    if len(counts) != 1:
        return None
    n = counts[0]
    dim = _dimension(p)
    assert dim is not None
    first = min(p.start, n.start)
    results = [f for f in figs if f.start > max(p.start, n.start) and (_dimension(f) or ("", 0.0))[0] == dim[0]]
    if not results or any(f.kind in _FACTOR for f in figs if f.start > first and f.start < results[0].start):
        return None
    r = results[0]
    # the three are written together (a count two clauses off is another thing's: "4 台服务器" after
    # "每台 AI 服务器功耗在 5kW-10kW，…"), and the result is a total, not another unit's price ("单羽均价约2.3元")
    if _breaks(text, first, max(p.start, n.start)) > 2 or _breaks(text, max(p.end, n.end), r.start) > 2 \
            or _PER_UNIT.search(text, clause_start(text, r.start, _STOPS), r.start) \
            or _UNIT_PRICE.search(text, clause_start(text, r.start, _STOPS), r.start):
        return None
    rdim = _dimension(r)
    assert rdim is not None
    if _BOUND.search(text, max(0, r.start - 3), r.start) or n.value is None or n.value <= 0 \
            or _value(r, rdim[1]).hi < _value(p, dim[1]).lo:
        return None
    got = _value(p, dim[1]) * figure_interval(n).scale(n.scale or 1.0)
    base = (r.scale or 1.0) * rdim[1]
    written = _value(r, rdim[1])
    chk = interval_check(
        got.scale(1 / base), written.scale(1 / base), kind="product", stated=r.text, inputs=[p.text, n.text],
        relation=f"{p.text} × {n.text} = {r.text} (a quantity per unit times the count of units)",
        sentence=text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[text, text])
    chk.computed = fmt(got.mid / base)
    # a sizing is a reckoning the author may round freely ("约 1.4 万吨"): only a gross miss refutes
    if chk.verdict == "inconsistent" and (chk.gap or 0) <= 0.1 * abs(r.value or 0):
        chk = confirm_only(chk, "a sizing may be rounded further than its digits say")
    return chk
