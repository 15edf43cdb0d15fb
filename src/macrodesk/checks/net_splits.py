"""A net change split by channel in the bracket after it: "较2018年末净关店5家（直营店净开6家，分销店净关11家）" is
+6 − 11 = −5. Each part is a net of its own, opened or closed; the bracket holds them all (certain)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.text.clauses import clause_start

_NEEDS = re.compile(r"净[增开关减闭]")
# the net's own words right before it: "净关店", "净增", "净开门店"
_NET = re.compile(r"净(新增|增加|增|开|关闭|关|减少|减|闭)(?:店|门店)?(?:数量?)?\s*(?:为|达)?\s*$")
_UP = ("新增", "增加", "增", "开")
# what may stand between the net and its bracket: the thing counted ("净增10家店（")
_TO_BRACKET = re.compile(r"\s*(?:店|门店|个|家)?\s*[（(]")


def _sign(m: re.Match[str]) -> int:
    return 1 if m.group(1) in _UP else -1


def find_net_splits(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if "净" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, t in enumerate(figs):
            net = _NET.search(s.text, clause_start(s.text, t.start, "，,；;。：:（("), t.start)
            opened = _TO_BRACKET.match(s.text, t.end)
            if net is None or opened is None or t.kind not in (FigureKind.QUANTITY, FigureKind.NUMBER):
                continue
            close = min((i for i in (s.text.find("）", opened.end()), s.text.find(")", opened.end())) if i > 0),
                        default=-1)
            if close < 0:
                continue
            inside = [f for f in figs[k + 1:] if f.end <= close]
            parts: list[tuple[Figure, int]] = []
            for f in inside:
                m = _NET.search(s.text, clause_start(s.text, f.start, "，,；;、（("), f.start)
                if m is None or canonical_unit(f.kind, f.unit) != canonical_unit(t.kind, t.unit):
                    parts = []
                    break
                parts.append((f, _sign(m)))
            if len(parts) < 2:
                continue
            got = interval_sum(figure_interval(f).scale(g) for f, g in parts)
            stated = figure_interval(t, result=True).scale(_sign(net))
            text = "".join(("" if j == 0 and g > 0 else " + " if g > 0 else " - " if j else "-") + f.text
                           for j, (f, g) in enumerate(parts))
            out.append(interval_check(
                got, stated, kind="sum", stated=t.text, inputs=[f.text for f, _ in parts],
                relation=f"{text} = {'' if _sign(net) > 0 else '-'}{t.text} (净{net.group(1)}: the net of its channels)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * len(parts),
                article=article.label))
    return out
