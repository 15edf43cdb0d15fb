"""A rate named by what the counted part did: "20 支参赛队伍仅 6 支完赛，完赛率 30%" is 6 / 20, and
"投标 120 个项目，中标 30 个，中标率 25%" is 30 / 120: the rate's word (完赛, 中标) is written beside the
part's count, and the whole is the count before it in the same counter."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the rate and its word right before its figure: "，完赛率 30%", "，通过率为 70%"
_RATE = re.compile(r"[，,；;（(]\s*(?P<word>[\u4e00-\u9fa5]{2,3}?)率\s*(?:为|达|约|仅|约为|达到)?\s*$")
# words of a rate that is no count over a count (a change, a price, a margin)
_NOT_COUNTED = re.compile(r"增长|增|毛利|净利|利|费|税|汇|收益|回报|占有|渗透|市占|利用|开工|负债|周转|折扣")
_STOPS = "。；;"
# (every check needs the rate's 率)
_RATE_WORD = re.compile("率")


def find_count_rates(article: Article) -> list[Check]:
    if not mentions(article, _RATE_WORD):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "率" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, rate in enumerate(figs):
            if rate.kind != FigureKind.PERCENT or rate.value is None or rate.is_range:
                continue
            m = _RATE.search(s.text, max(0, rate.start - 12), rate.start)
            if m is None or _NOT_COUNTED.search(m.group("word")):
                continue
            chk = _judged(s, figs[:k], m.group("word"), rate)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _counted(f: Figure) -> bool:
    return f.kind == FigureKind.QUANTITY and f.value is not None and f.value > 0 and not f.is_range and not f.approx


def _judged(s: Sentence, before: list[Figure], word: str, rate: Figure) -> Check | None:
    text = s.text
    # the part: the last count whose rate word stands right beside it ("6 支完赛", "中标 30 个")
    parts = [f for f in before if _counted(f) and (text.startswith(word, f.end) or text[f.end:f.end + 4].lstrip().startswith(word)
                                                   or text[max(0, f.start - len(word) - 1):f.start].rstrip().endswith(word))]
    if not parts:
        return None
    part = parts[-1]
    wholes = [f for f in before if _counted(f) and f.end <= part.start and f.unit == part.unit
              and (f.value or 0) > (part.value or 0) and not any(c in text[f.end:part.start] for c in _STOPS)]
    if len(wholes) != 1:
        return None  # none, or several: which one the rate is of is not written
    whole = wholes[0]
    got = (figure_interval(part) / figure_interval(whole)).scale(100)
    return interval_check(
        got, figure_interval(rate, result=True), kind="share", stated=rate.text, inputs=[part.text, whole.text],
        relation=f"{part.text} / {whole.text} = {rate.text} ({word}率)", sentence=text, sentence_id=s.id,
        paragraph=s.paragraph, input_sentences=[text, text])
