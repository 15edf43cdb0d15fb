"""A net flow beside its two legs: "该营业部买入1077.88万元，卖出1818.65万元，净买额为-740.77万元", "融资买入
额…，偿还额…，净买入…", "流入…流出…净流入…". The net is the inflow less the outflow (certain: the three
stand in one clause group, in one unit)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.models import Article, FigureKind, canonical_unit

# the legs and the net, each named right before its amount (a leg is gross: "净买入" is a net of its own)
_IN = re.compile(r"(?<![净])(?:买入|流入|申购|融资买入)(?:金额|额)?\s*(?:为|达|约)?\s*$")
_OUT = re.compile(r"(?<![净])(?:卖出|流出|赎回|偿还)(?:金额|额)?\s*(?:为|达|约)?\s*$")
_NET = re.compile(r"(净买入?|净卖出|净流入|净流出|净申购|净赎回|净偿还|净额)(?:金额|额)?\s*(?:为|达|约)?\s*$")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# the words between the legs and the net stay in one clause group
_BETWEEN = re.compile(r"^[^。；;]{0,40}$")


def find_net_flows(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "净" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind in _AMOUNTS and f.value is not None and not f.is_range]
        for k in range(2, len(figs)):
            a, b, n = figs[k - 2], figs[k - 1], figs[k]
            lead = (s.text[figs[k - 3].end if k >= 3 else 0:a.start], s.text[a.end:b.start], s.text[b.end:n.start])
            net = _NET.search(lead[2])
            if net is None or not (_IN.search(lead[0]) and _OUT.search(lead[1]) or _OUT.search(lead[0]) and _IN.search(lead[1])) \
                    or len({canonical_unit(f.kind, f.unit) for f in (a, b, n)}) != 1 \
                    or not _BETWEEN.match(lead[1]) or not _BETWEEN.match(lead[2]):
                continue
            inflow, outflow = (a, b) if _IN.search(lead[0]) else (b, a)
            # (in the net's scale: "融资买入1.02亿元，融资偿还1.26亿元，融资净偿还2430.0万元")
            got = (figure_interval(inflow).scale(inflow.scale) - figure_interval(outflow).scale(outflow.scale)).scale(1 / n.scale)
            stated = figure_interval(n, result=True)
            if net.group(1) in ("净卖出", "净流出", "净赎回", "净偿还") and (n.value or 0) > 0:
                # "净卖出 428.01 万元", "融资净偿还418.84万元": a net outflow written as a positive amount
                stated = -stated
            out.append(interval_check(
                got, stated, kind="change", stated=n.text, inputs=[inflow.text, outflow.text],
                relation=f"{inflow.text} - {outflow.text} = {n.text} ({net.group(1)}: the inflow less the outflow; "
                         f"{fmt(got.mid)})",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[s.text, s.text]))
    return out
