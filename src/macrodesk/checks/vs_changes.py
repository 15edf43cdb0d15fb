"""A change between two levels set side by side with vs: "中位 TTAS：41.2 小时 vs 奥司他韦组 46.8 小时，缩短
12%" is 41.2 / 46.8 − 1; "项目溢价 12.1%（11.1 万 / 平 vs 原限价 9.9 万 / 平）" is 11.1 / 9.9 − 1. The first
level is the one compared, the second its reference."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence

# (a per-unit tail the figure reader leaves stands on both: "11.1 万 / 平 vs 原限价 9.9 万 / 平")
_VS = re.compile(r"^\s*(?:/\s*[\u4e00-\u9fa5A-Za-z]{1,3})?\s*(?:vs\.?|VS\.?|Vs\.?)\s*[\u4e00-\u9fa5A-Za-z]{0,8}\s*$")
_UP = r"提升|提高|增加|增长|上升|高出|高|溢价|延长|多"
_DOWN = r"缩短|减少|降低|下降|低|折价|少"
# the change after the pair: "，缩短 12%", "，提升 20%"
_AFTER = re.compile(rf"^\s*[，,]\s*(?:({_UP})|({_DOWN}))\s*(?:了|约|幅度|幅)?\s*(?:为|达)?\s*$")
# or before it, the pair in its bracket: "溢价 12.1%（11.1 万 / 平 vs 9.9 万 / 平）"
_BEFORE = re.compile(rf"(?:({_UP})|({_DOWN}))\s*(?:了|约|幅度|幅)?\s*(?:为|达)?\s*$")
_OPEN = re.compile(r"^\s*[（(]\s*[\u4e00-\u9fa5]{0,6}\s*$")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.DURATION, FigureKind.NUMBER)


def find_vs_changes(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list", "table") or not ("vs" in s.text or "VS" in s.text or "Vs" in s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k in range(len(figs) - 1):
            a, b = figs[k], figs[k + 1]
            if not _VS.match(s.text[a.end:b.start]) or a.kind not in _LEVELS or not _alike(s, a, b):
                continue
            if k + 2 < len(figs) and figs[k + 2].kind == FigureKind.PERCENT \
                    and (m := _AFTER.match(s.text[b.end:figs[k + 2].start])) is not None:
                out.append(_judge(s, a, b, figs[k + 2], m))
            elif k >= 1 and figs[k - 1].kind == FigureKind.PERCENT and _OPEN.match(s.text[figs[k - 1].end:a.start]) \
                    and (m := _BEFORE.search(s.text, max(0, figs[k - 1].start - 8), figs[k - 1].start)) is not None:
                out.append(_judge(s, a, b, figs[k - 1], m))
    return out


def _alike(s: Sentence, a: Figure, b: Figure) -> bool:
    ka, kb = unit_key(s, a), unit_key(s, b)
    return ka is not None and ka == kb


def _judge(s: Sentence, a: Figure, b: Figure, g: Figure, m: re.Match[str]) -> Check:
    ia, ib = interval(a), interval(b)
    sign = -1.0 if m.group(2) else 1.0
    got = (ia / ib - Interval(1, 1)).scale(100 * sign) if ib.lo > 0 else Interval(float("-inf"), float("inf"))
    written = figure_interval(g, result=True)
    if (g.value or 0) < 0:
        written = written.scale(-1)  # "下降 -5%" reads as the magnitude its verb signs
    return interval_check(
        got, written, kind="growth", stated=g.text, inputs=[a.text, b.text],
        relation=f"{'1 - ' if sign < 0 else ''}{a.text} / {b.text}{'' if sign < 0 else ' - 1'} = {g.text} (the first of a vs pair over the second)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text])
