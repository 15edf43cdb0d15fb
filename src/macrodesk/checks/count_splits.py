"""A count split by outcome: "65 家公司中 22 家上涨、37 家下跌、6 家横盘", "33 个中信三级子行业中，26 个
上涨，7 个下跌". The parts add up to the total when the outcomes cover every case (a flat one named,
or 盈利 / 亏损); with rises and falls alone the flat ones may be left out, so their sum is a bound:
within the total it holds, above it refutes."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after

_COUNTERS = ("家", "只", "个", "支", "种")
# from the total to its first part: "家公司中 ", "个中信三级子行业中，", "只个股中，" (and the week:
# "在监测的 139 种化工品中，本周 64 种…上涨")
_TO_PARTS = re.compile(r"^\s*[家只个支种]?[^，,。；;\d%]{0,12}中\s*[，,]?\s*(?:本周|本月|当周|当月|今日|当日)?\s*$")
# an outcome after a part's counter, its noun repeated or not: "家上涨", "个下跌", "只股票上涨",
# "种化工品价差上涨"
_OUTCOME = re.compile(r"^\s*[家只个支种]?\s*[\u4e00-\u9fa5]{0,6}?(上涨|下跌|横盘|持平|平盘|收平|盈利|亏损|正增长|负增长|增长|下降)")
_BETWEEN = re.compile(r"^\s*[家只个支种]?\s*[\u4e00-\u9fa5]{1,10}\s*[、，,]\s*$")
_FLAT = frozenset({"横盘", "持平", "平盘", "收平"})


def _count(s: Sentence, f: Figure) -> bool:
    unit = re.sub(r"^[万千百]+", "", f.unit or "")
    return f.value is not None and f.value > 0 and not f.is_range and not f.approx and f.value == int(f.value) \
        and f.kind in (FigureKind.QUANTITY, FigureKind.NUMBER) and (unit in _COUNTERS or (
            not unit and chars_after(s.text, f.end, 2).strip()[:1] in _COUNTERS))


def find_count_splits(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if "中" not in s.text or s.kind not in ("prose", "list"):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, total in enumerate(figs[:-2]):
            if not _count(s, total) or not _TO_PARTS.match(s.text[total.end:figs[k + 1].start]):
                continue
            parts: list[tuple[Figure, str]] = []
            for j in range(k + 1, len(figs)):
                f = figs[j]
                m = _OUTCOME.match(s.text[f.end:])
                if not _count(s, f) or m is None or (parts and not _BETWEEN.match(s.text[parts[-1][0].end:f.start])):
                    break
                parts.append((f, m.group(1)))
            if len(parts) >= 2 and len({o for _, o in parts}) == len(parts):
                out.append(_judge(article, s, total, parts))
    return out


def _judge(article: Article, s: Sentence, total: Figure, parts: list[tuple[Figure, str]]) -> Check:
    outcomes = {o for _, o in parts}
    every = bool(outcomes & _FLAT) or outcomes >= {"盈利", "亏损"}
    acc = sum((p.value or 0.0) for p, _ in parts)
    n = total.value or 0.0
    shown = " + ".join(f"{p.text}{o}" for p, o in parts)
    # with the flat ones left out, the sum is a bound the total must not fall below (310 + 211 ≤ 523): a
    # sum within it holds the relation the text states, a sum above it refutes
    rel = "=" if every or acc >= n else "≤"
    chk = interval_check(
        Interval(acc, acc), Interval(n, n), fits=acc == n or (not every and acc < n), kind="sum", stated=total.text,
        inputs=[p.text for p, _ in parts], relation=f"{shown} {rel} {total.text}"
        + ("" if every else " (rises and falls only: the flat ones may be left out)"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text for _ in parts],
        article=article.label,
    )
    if acc < n and not every:
        chk.note = f"the outcomes named may leave the flat ones out ({n - acc:g} here): their sum stays within the total"
    return chk
