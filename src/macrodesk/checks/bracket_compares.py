"""A level compared with an earlier one written in brackets after the period it names: "均价为32.64元/公斤…
较上月(05月15日28.04元/公斤)上涨4.70元/公斤,环比上涨了16.76%" is a change of 32.64 − 28.04 and a rate of
32.64 / 28.04 − 1 (both certain: the bracket gives the base, the sentence's first level is the one
compared)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

# "较上月(05月15日28.04元/公斤)上涨", "较去年同期（2019年06月15日16.10元/公斤）上涨了": the base's bracket
_COMPARED = re.compile(r"较\s*(?:昨日|前一?日|上一?交易日|上周|上月|上年同期|去年同期|上年|去年|年初|节前)\s*[（(][^（()）]*$")
_AFTER_BASE = re.compile(r"^\s*[)）]\s*(?P<verb>上涨|下跌|上升|下降|增加|减少|上调|下调|涨|跌)\s*(?:了)?\s*$")
# the rate of that change right after it: ",环比上涨了16.76%", "，同比下降 3.1%", "，涨幅16.76%"
_RATE = re.compile(r"^\s*[,，]\s*(?:环比|同比)?\s*(?:上涨|下跌|上升|下降|增长|减少|涨幅|跌幅|增幅|降幅)\s*(?:了|为)?\s*$")
_FALLS = ("下跌", "下降", "减少", "下调", "跌", "降幅", "跌幅")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)


def _unit(f: Figure) -> str:
    return canonical_unit(f.kind, f.unit)


def find_bracket_compares(article: Article) -> list[Check]:
    if "较" not in article.text:
        return []
    out: list[Check] = []
    chain: list[Sentence] = []  # the sentences a ；(;) joins to this one, in order
    for s in article.sentences:
        if chain and (chain[-1].paragraph != s.paragraph or not chain[-1].text.rstrip().endswith(("；", ";"))):
            chain = []
        chain.append(s)
        if s.kind not in ("prose", "list") or "较" not in s.text or ("(" not in s.text and "（" not in s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        # (the base may open its sentence: "较上月(05月15日28.04元/公斤)上涨4.70元/公斤")
        for k in range(len(figs) - 1):
            base, change = figs[k], figs[k + 1]
            if base.kind not in _LEVELS or not _COMPARED.search(s.text, 0, base.start) \
                    or not (m := _AFTER_BASE.match(s.text[base.end:change.start])) \
                    or _unit(change) != _unit(base) or not base.unit:
                continue
            level = _level(chain, base)
            if level is None:
                continue
            out.extend(_judge(article, s, level, base, change, m.group("verb"),
                              figs[k + 2] if k + 2 < len(figs) else None))
    return out


def _level(chain: list[Sentence], base: Figure) -> Figure | None:
    """The level compared: the one figure of the base's unit written before the first comparison of
    the sentence and the ones a ； joins it to ("均价为32.64元/公斤,价格较昨日上涨0.11元/公斤;…;较上月(…)")."""
    found: list[Figure] = []
    for t in chain:
        first = t.text.find("较")
        found += [f for f in t.figures if (first < 0 or f.start < first) and f.kind == base.kind
                  and f.value is not None and not f.is_range and _unit(f) == _unit(base)]
        if first >= 0:
            break
    return found[0] if len(found) == 1 else None


def _judge(article: Article, s: Sentence, level: Figure, base: Figure, change: Figure, verb: str,
           rate: Figure | None) -> list[Check]:
    now, was = figure_interval(level), figure_interval(base)
    sign = -1.0 if verb in _FALLS else 1.0
    stated = figure_interval(change, result=True).scale(sign)
    out = [interval_check(
        now - was, stated, kind="change", stated=change.text, inputs=[level.text, base.text],
        relation=f"{level.text} - {base.text} = {'-' if sign < 0 else ''}{change.text} (the base in brackets)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label)]
    if rate is not None and rate.kind == FigureKind.PERCENT and was.lo > 0 \
            and (w := _RATE.match(s.text[change.end:rate.start])):
        falls = any(x in w.group(0) for x in _FALLS)
        written = figure_interval(rate, result=True)
        if falls and (rate.value or 0) > 0:
            written = -written
        got = (now / was - Interval(1, 1)).scale(100)
        out.append(interval_check(
            got, written, kind="growth", stated=rate.text, inputs=[level.text, base.text],
            relation=f"{level.text} / {base.text} - 1 = {rate.text} (the base in brackets; {fmt(got.mid)}%)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
            article=article.label))
    return out
