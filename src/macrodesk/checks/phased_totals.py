"""A total split into numbered phases or batches right after it: "星链计划分两期发射约 4.2 万颗卫星，第一期
1.2 万颗，第二期 29988 颗" (ba46 902). The total is the sum of the phases when their count is the one
the split names."""

from __future__ import annotations

import re

from macrodesk.checks.frames import currency
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import interval_sum
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import interval, judged, unit_key
from macrodesk.figures import cn_to_number
from macrodesk.models import Article, FigureKind

# "分两期", "分 3 批", "分三个阶段": the count of the parts and the word they are numbered by
_SPLIT = re.compile(r"分\s*(?P<n>[二两三四五六2-6])\s*(?:个)?\s*(?P<unit>期|批|阶段|步|轮)")
# a part named by its number: "，第一期 1.2 万颗", "；二期约 3 万吨"
_PART = re.compile(r"[，,；;、]\s*(?:其中\s*)?第?\s*(?P<i>[一二三四五六1-6])\s*(?:个)?\s*(?P<unit>期|批|阶段|步|轮)"
                   r"[^，,。；;\d]{0,8}$")


def find_phased_totals(article: Article) -> list[Check]:
    if not mentions(article, _SPLIT):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not (split := _SPLIT.search(s.text)):
            continue
        written = split.group("n")
        n = int(written) if written.isdigit() else int(cn_to_number(written) or 0)
        if n < 2:
            continue
        figs = [f for f in s.figures if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
                and f.value is not None and not f.is_range and f.start > split.end()]
        if len(figs) < n + 1 or re.search(r"[，,；;。]", s.text[split.end():figs[0].start]):
            continue  # the total stands in the split's own clause
        total, parts = figs[0], figs[1:n + 1]
        key = unit_key(s, total)
        numbered = []
        for i, p in enumerate(parts):
            prev_end = (parts[i - 1] if i else total).end
            m = _PART.search(s.text, prev_end, p.start)
            index = m.group("i") if m is not None else ""
            if m is None or m.group("unit") != split.group("unit") \
                    or (int(index) if index.isdigit() else cn_to_number(index)) != i + 1 \
                    or (unit_key(s, p) or "").split(":")[0] != (key or "-").split(":")[0]:
                break
            numbered.append(p)
        if len(numbered) != n or any(f.unit and total.unit and currency(f.unit.strip()) != currency(total.unit.strip()) for f in numbered):
            continue
        out.append(judged(s, "sum", total, numbered, interval_sum(interval(p) for p in numbered),
                          f"{' + '.join(p.text for p in numbered)} = {total.text} (the {n} {split.group('unit')} of the total)",
                          certain=True))
        out[-1].article = article.label
    return out

