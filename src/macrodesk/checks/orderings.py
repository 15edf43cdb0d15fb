"""An ordering written with > or <: "子板块跌幅：化学制药（-5.48%）> 医疗服务（-4.92%）> …",
"价差环比变化：成品油（-5.6%）< 芳烃（+3.2%）<C3 产业链（+2.1%）". Each neighbouring pair must stand
in the written order at the figures' precision; a 跌幅/降幅 ranking of falls orders their sizes."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind, Sentence

_OPS = "<>＜＞"
# between two ranked items: ")" then the operator, then the next item's name up to its bracket
_BETWEEN = re.compile(r"^\s*[）)]\s*([<>＜＞])\s*[^，,。；;：:（()）<>＜＞]{1,16}[（(]\s*(?:YoY|yoy|同比)?\s*$")
_OPEN = re.compile(r"[（(]\s*(?:YoY|yoy|同比)?\s*$")
_CLOSE = re.compile(r"^\s*[）)]")
_SIZES = re.compile(r"(?<!涨)跌幅|降幅|(?<!涨)下跌|降速")


def _value(f: Figure) -> Interval:
    return figure_interval(f)


def find_orderings(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if not any(op in s.text for op in _OPS):
            continue
        figs = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range
                and _OPEN.search(s.text[:f.start]) and _CLOSE.match(s.text[f.end:])]
        chain: list[tuple[Figure, str]] = []  # (figure, the operator before it)
        for f in figs:
            if chain:
                m = _BETWEEN.match(s.text[chain[-1][0].end:f.start])
                if m is None:
                    out.extend(_judge(article, s, chain))
                    chain = []
                else:
                    chain.append((f, m.group(1)))
                    continue
            chain.append((f, ""))
        out.extend(_judge(article, s, chain))
    return out


def _judge(article: Article, s: Sentence, chain: list[tuple[Figure, str]]) -> list[Check]:
    if len(chain) < 3:
        return []  # two items and a sign may compare anything; a ranking names three or more
    first = chain[0][0]
    # the ranking's label: "子板块跌幅：化学制药（", from the clause's start
    head = s.text[max(s.text.rfind(ch, 0, first.start) for ch in "，,；;。") + 1:first.start]
    values = [_value(f) for f, _ in chain]
    sizes = bool(_SIZES.search(head)) and all(v.hi <= 0 for v in values)
    if sizes:
        values = [Interval(-v.hi, -v.lo) for v in values]
    elif _SIZES.search(head):
        return []  # a ranking of falls with a rise among them: which order is meant is unclear
    # the ranking is one claim: it fails at its first pair out of the written order
    broken: Figure | None = None
    for (_, _), (b, op), va, vb in zip(chain, chain[1:], values, values[1:], strict=False):
        greater = op in ">＞"
        if not (va.hi >= vb.lo if greater else va.lo <= vb.hi):
            broken = b
            break
    word = "the size of " if sizes else ""
    written = "".join(f" {op if op in '<>' else ('>' if op == '＞' else '<')} " * bool(op) + f"{word}{f.text}"
                      for f, op in chain)
    verdict: Verdict = "inconsistent" if broken is not None else "consistent"
    stated = broken if broken is not None else chain[-1][0]
    return [Check(
        verdict=verdict, kind="comparison", stated=stated.text, inputs=[f.text for f, _ in chain if f is not stated],
        relation=f"{written} (a written ranking)", sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        article=article.label,
    )]
