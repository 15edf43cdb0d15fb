"""A unit gross profit and the unit price and cost it is the difference of, in one sentence: "折算吨售价
4331元/吨，吨营业成本3520元/吨，吨毛利812元/吨，分别同比+863元/吨、+651元/吨、+212元/吨" is 4331 − 3520
= 812 (±1 for rounding), and its changes +863 − 651 = +212. A quoted price may include tax or freight
the margin leaves out, so a fit confirms and a misfit proves nothing."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import clause_start

_PRICE = re.compile(r"售价|均价|单价|价格|吨价|吨收入")
_COST = re.compile(r"成本")
_MARGIN = re.compile(r"毛利(?!率)")
# the changes of the three levels in their order: "分别同比+863元/吨、+651元/吨、+212元/吨"
# (and "，环比四季度则分别+512元/吨、+547元/吨、-35元/吨")
_CHANGES = re.compile(r"^\s*[，,]?(?=[^，,。；;]*分别)[^，,。；;\d]{0,12}$")
_SEP = re.compile(r"^\s*[、/，,]\s*$")
_WHY = "a quoted price may include tax or freight that the unit margin leaves out"


def _per_unit(f: Figure) -> str | None:
    """The unit of an amount of money per unit ("元/吨"), or None."""
    if f.kind != FigureKind.MONEY or f.value is None or f.is_range or "/" not in (f.unit or ""):
        return None
    return canonical_unit(f.kind, f.unit)


def find_unit_margins(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "毛利" not in s.text or "成本" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, margin in enumerate(figs):
            unit = _per_unit(margin)
            if unit is None or not _MARGIN.search(_lead(s, margin)):
                continue
            price = cost = None
            for j in range(k - 1, -1, -1):
                f = figs[j]
                if _per_unit(f) != unit or f.text.lstrip()[:1] in "+-−－":
                    continue
                lead = _lead(s, f)
                if cost is None and price is None and _COST.search(lead) and not _MARGIN.search(lead):
                    cost = (j, f)
                elif cost is not None and price is None and _PRICE.search(lead) \
                        and not _COST.search(lead) and not _MARGIN.search(lead):
                    price = (j, f)
                    break
                else:
                    break
            if price is None or cost is None:
                continue
            out.append(_difference(article, s, price[1], cost[1], margin, "level"))
            out.extend(_changes(article, s, figs, [price[0], cost[0], k], unit))
    return out


def _lead(s: Sentence, f: Figure) -> str:
    return s.text[clause_start(s.text, f.start, "，,；;。：:"):f.start]


def _changes(article: Article, s: Sentence, figs: list[Figure], at: list[int], unit: str) -> list[Check]:
    """The price's, cost's and margin's changes listed after them in their order, when the three
    levels stand together: the margin's change is the price's less the cost's."""
    last = at[2]
    if at != [last - 2, last - 1, last]:
        return []
    out: list[Check] = []
    pos = last + 1
    while pos + 2 < len(figs) and _CHANGES.match(s.text[figs[pos - 1].end:figs[pos].start]):
        trio = figs[pos:pos + 3]
        if any(_per_unit(f) != unit for f in trio) \
                or not all(_SEP.match(s.text[a.end:b.start]) for a, b in zip(trio, trio[1:], strict=False)):
            break
        out.append(_difference(article, s, trio[0], trio[1], trio[2], "change"))
        pos += 3
    return out


def _difference(article: Article, s: Sentence, price: Figure, cost: Figure, margin: Figure, kind: str) -> Check:
    got = figure_interval(price) - figure_interval(cost)
    chk = interval_check(
        got, figure_interval(margin, result=True), kind="difference" if kind == "level" else "change",
        stated=margin.text, inputs=[price.text, cost.text],
        relation=f"{price.text} - {cost.text} = {margin.text} "
                 + ("(unit price less unit cost)" if kind == "level" else "(the unit price's change less the unit cost's)"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label)
    return confirm_only(chk, _WHY)
