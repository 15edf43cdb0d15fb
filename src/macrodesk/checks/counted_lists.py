"""A total and the list of the periods its words count out: "净流入资金将达到7000亿元，四个季度分别为3000亿元、2200亿元、750亿元和
1050亿元" is 3000 + 2200 + 750 + 1050 = 7000. The count of periods written before 分别 equals the list's
length, so the list is all of the total (certain)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.text.clauses import clause_start

_NEEDS = re.compile(r"分别")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# the count of the periods a total spans, right before 分别: "四个季度分别为", "两期分别" (only periods: "两大
# 业务分别为" names the main businesses, which need not be all of the total)
_COUNTED = re.compile(r"(?:这|上述|以上|各)?([两二三四五六七八九十]|[2-9])\s*(?:个)?\s*"
                      r"(季度|月|年度?|半年|期|阶段|批次?)\s*(?:中)?\s*分别\s*(?:为|是|达到?|实现|贡献)?\s*$")
_JOIN = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)


def _count(m: re.Match[str]) -> int:
    c = m.group(1)
    return int(c) if c.isdigit() else _COUNT[c]


def find_counted_lists(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if "分别" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, f in enumerate(figs):
            if k == 0 or f.kind not in _LEVELS or f.is_range:
                continue
            m = _COUNTED.search(s.text, figs[k - 1].end, f.start)
            if m is None:
                continue
            run: list[Figure] = [f]
            for g in figs[k + 1:]:
                if g.kind not in _LEVELS or g.is_range or not _JOIN.fullmatch(s.text[run[-1].end:g.start]):
                    break
                run.append(g)
            unit = canonical_unit(run[-1].kind, run[-1].unit)
            if len(run) != _count(m) or len(run) < 2 or any(canonical_unit(g.kind, g.unit) != unit for g in run):
                continue
            # the total: the figure right before the count, in the clause before it, of the list's unit
            total = figs[k - 1]
            if total.kind not in _LEVELS or total.is_range or canonical_unit(total.kind, total.unit) != unit \
                    or clause_start(s.text, total.start, "；;。") != clause_start(s.text, f.start, "；;。") \
                    or any(g.approx for g in (total, *run)):
                continue
            got = interval_sum(figure_interval(g).scale(g.scale) for g in run).scale(1 / total.scale)
            out.append(interval_check(
                got, figure_interval(total, result=True), kind="sum", stated=total.text, inputs=[g.text for g in run],
                relation=" + ".join(g.text for g in run) + f" = {total.text} (the {_count(m)} {m.group(2) or 'parts'} counted out)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * len(run),
                article=article.label))
    return out
