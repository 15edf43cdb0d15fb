"""A gap between two levels written as its own figure: "蒙西地区纯碱价格 1087 元 / 吨，华南地区 1640 元 / 吨，
差距 553 元 / 吨", "预计 500 万吨（产量 4427 万吨 vs 消费 4491.8 万吨）", "749 元 / 吨，较 2025 年 7 月 25 日
653 元 / 吨高 96 元 / 吨（+14.7%）", "0.3919 元 / 千瓦时，仅高于 “地板价” 0.372 元 / 千瓦时 0.0199 元"."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval, signed, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after, chars_before, clause_start

# the gap's own word right before it: "差距 553", "价差为 20.95 万元", "相差约 5 元", "过剩 40 万吨"
# (the word opens its clause: "甘氨酸法价差 10,270 元 / 吨" names a spread level of other prices)
_GAP = re.compile(r"(?:^|[，,（(：:])\s*(?:二者|两者|两地|之间|的)?\s*(?:差距|价差|差额|相差|差值|之差|缺口)\s*"
                  r"(?:为|达|约|仅|是)?\s*(超|逾|近|超过)?\s*$")
# "较 2025 年 7 月 25 日 653 元 / 吨高 96 元 / 吨": the base, then higher or lower by the gap
_HIGHER = re.compile(r"^[^，,。；;]{0,4}?(高出?|多|低|少)\s*(?:了|约)?\s*$")
_ABOVE = re.compile(r"(?:高于|低于|超出|超过)[^，,。；;\d]{0,8}$")
_RATE = re.compile(r"^\s*[（(]\s*$")
_VS = re.compile(r"^\s*(?:vs\.?|VS\.?|对比)\s*[\u4e00-\u9fa5]{0,6}\s*$")


_OPEN_WORDS = re.compile(r"^\s*[（(]\s*[\u4e00-\u9fa5]{0,6}\s*$")
_CLOSE = re.compile(r"^\s*[)）]")
_OP_BEFORE = re.compile(r"[-~～—–*×/]\s*$")
_OP_AFTER = re.compile(r"^\s*[-~～—–*×/]\s*\d")


def _same(s: Sentence, a: Figure, b: Figure) -> bool:
    ka, kb = unit_key(s, a), unit_key(s, b)
    if ka is None or kb is None:
        return False
    # "653 元 / 吨" and "96 元 / 吨", or a rate's levels and their gap in points
    return ka == kb or a.kind == FigureKind.PERCENT and b.kind == FigureKind.POINTS


def _plain(f: Figure) -> bool:
    return f.value is not None and not f.is_range and f.kind != FigureKind.DATE


def _alone(s: Sentence, f: Figure) -> bool:
    """Not an end of a range or a product written with its numbers ("740-760W", "2382*1134"), nor
    a change written with its sign ("- 1.09 美元")."""
    before, after = chars_before(s.text, f.start, 2), chars_after(s.text, f.end, 2)
    # ("投资收益为-1558 万元": a level below zero, written after 为)
    return not _OP_BEFORE.search(before) and not _OP_AFTER.match(after) \
        and (s.text[f.start:f.end].lstrip()[:1] not in "+-−－" or before.rstrip().endswith(("为", "是")))


def find_stated_gaps(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        figs = [f for f in s.figures if _plain(f)]
        # the words each reading needs, looked for once a sentence (most sentences have none)
        text = s.text
        named = "差" in text or "缺口" in text
        bracket = "（" in text or "(" in text
        compared = "高" in text or "低" in text or "多" in text or "少" in text or "超" in text
        if "剔除" in text or "扣除" in text or "排除" in text:
            for effect in _effects(s, figs):
                effect.article = article.label
                out.append(effect)
        for k in range(len(figs)):
            chk = (named and _worded(s, figs, k)) or (bracket and _bracketed_vs(s, figs, k)) \
                or _metric_gap(s, figs, k)
            found = [chk] if chk is not None else _higher(s, figs, k) if compared else []
            for c in found:
                c.article = article.label
                out.append(c)
    return out


# "同比增长15.99%，剔除美元折算汇率下降的影响（影响6.70个百分点），同比增长22.69%": the growth as reported, the
# effect excluded in points, and the growth without it
_EFFECT = re.compile(r"^\s*[，,]\s*(?:若|如)?(?:剔除|扣除|排除)[^，,。；;（(\d]{1,20}?(?:影响|因素)\s*[（(]\s*(?:影响|拖累|贡献|约)*\s*$")
_WITHOUT = re.compile(r"^\s*[)）]\s*[，,]?\s*(?:后)?\s*(?:同比|实际|可比)?\s*(?:增长|增速|增幅|上升|提升)\s*(?:为|达|约)?\s*$")
_GROWN = re.compile(r"(?:同比|较上年同期|较去年同期)\s*(?:增长|增加|上升|提升)\s*(?:了|约)?\s*$")


def _effects(s: Sentence, figs: list[Figure]) -> list[Check]:
    """The growth without an effect excluded is the growth reported with the effect's points added
    back (a drag) or taken out (a help): the text gives the effect as a size, so either sign is read
    and a growth neither gives is an error."""
    out: list[Check] = []
    for g, e, w in zip(figs, figs[1:], figs[2:], strict=False):
        if g.kind != FigureKind.PERCENT or e.kind != FigureKind.POINTS or w.kind != FigureKind.PERCENT \
                or not _GROWN.search(chars_before(s.text, g.start, 12)) or not _EFFECT.match(s.text[g.end:e.start]) \
                or not _WITHOUT.match(s.text[e.end:w.start]):
            continue
        stated = figure_interval(w, result=True)
        # the effect added back or taken out: the reading nearer the growth written
        got = min((figure_interval(g) + figure_interval(e).scale(k) for k in (1.0, -1.0)),
                  key=lambda iv: iv.distance(stated))
        sign = "+" if got.mid >= figure_interval(g).mid else "-"
        chk = interval_check(
            got, stated, kind="sum", stated=w.text, inputs=[g.text, e.text],
            relation=f"{g.text} {sign} {e.text} = {w.text} (the growth reported, the effect excluded "
                     f"{'added back' if sign == '+' else 'taken out'})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
        chk.computed = fmt(got.mid)
        out.append(chk)
    return out


def _check(s: Sentence, a: Figure, b: Figure, z: Figure, relation: str, got: Interval, *,
           bound: str | None = None) -> Check | None:
    written = figure_interval(z, result=True)
    if bound:
        # "差距超 1000 元 / 吨": a floor, confirmed when the gap clears it, else nothing is proven
        if got.lo <= (z.value or 0) * (z.scale or 1.0):
            return None
        written = got.scale(1 / (z.scale or 1.0))
    scale = z.scale or 1.0
    chk = interval_check(
        got.scale(1 / scale), written, kind="difference", stated=z.text, inputs=[a.text, b.text],
        relation=relation, sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        input_sentences=[s.text, s.text],
    )
    chk.computed = fmt(got.mid / scale)
    if bound:
        chk.refutable = False
    return chk


_CONDITION = re.compile(r"\s*(?:\*\*)?\s*时")


def _worded(s: Sentence, figs: list[Figure], k: int) -> Check | None:
    z = figs[k]
    start_at = clause_start(s.text, z.start, "。；;")
    gap = _GAP.search(s.text[start_at:z.start])
    if gap is None or k < 2:
        return None
    # exactly two levels of the gap's unit before it in its clause group: the two compared
    # (a level a condition names is not compared: "碳价 650 元 / 吨时，绿色甲醇成本 3500 元 / 吨，…", 99)
    levels = [f for f in figs[:k] if f.start >= start_at and _same(s, f, z) and not _CONDITION.match(s.text, f.end)]
    if len(levels) != 2 or any(f.approx and not z.approx for f in levels) or not all(_alone(s, f) for f in (*levels, z)):
        return None
    a, b = levels
    if a.scale != b.scale:
        return None  # "19.2 万人" and "院均仅 7 人": a total and a mean, not two levels compared
    got = (interval(a) - interval(b)).abs()
    return _check(s, a, b, z, f"|{a.text} - {b.text}| = {z.text} (the gap named after the two levels)", got,
                  bound=gap.group(1))


# "中小地块平均毛利率低 6.8 个百分点": a rate named, then how much lower or higher in points
_RATE_GAP = re.compile(r"([\u4e00-\u9fa5]{1,6}率)\s*(低|高)出?\s*(?:约)?\s*$")


def _metric_gap(s: Sentence, figs: list[Figure], k: int) -> Check | None:
    """"平均毛利率 20.4%，…，相比大地块（毛利率 27.1%、净利率 11.0%），中小地块平均毛利率低 6.8 个百分点":
    the gap in points between the two levels of the rate the sentence names, the first of them
    the subject's."""
    z = figs[k]
    if z.kind != FigureKind.POINTS or k < 2:
        return None
    m = _RATE_GAP.search(s.text[figs[k - 1].end:z.start])
    if m is None:
        return None
    word = m.group(1)[-3:]
    levels = [f for i, f in enumerate(figs[:k]) if f.kind == FigureKind.PERCENT and _plain(f) and _alone(s, f)
              and re.search(rf"{re.escape(word)}\s*(?:为|约|达)?\s*$", s.text[figs[i - 1].end if i else 0:f.start])]
    if len(levels) != 2:
        return None
    a, b = levels
    got = interval(a) - interval(b) if m.group(2) == "高" else interval(b) - interval(a)
    return _check(s, a, b, z, f"{b.text} - {a.text} = {z.text} (the first {word} lower than the second by the gap)"
                  if m.group(2) == "低" else f"{a.text} - {b.text} = {z.text} (the first {word} higher by the gap)", got)


def _bracketed_vs(s: Sentence, figs: list[Figure], k: int) -> Check | None:
    """"500 万吨（产量 4427 万吨 vs 消费 4491.8 万吨）": the gap, then its two levels in brackets."""
    z = figs[k]
    if k + 2 >= len(figs):
        return None
    a, b = figs[k + 1], figs[k + 2]
    if not _OPEN_WORDS.match(s.text[z.end:a.start]) or not _VS.match(s.text[a.end:b.start]) \
            or not _CLOSE.match(s.text[b.end:]) or not (_same(s, a, z) and _same(s, b, z)):
        return None
    got = (interval(a) - interval(b)).abs()
    return _check(s, a, b, z, f"|{a.text} - {b.text}| = {z.text} (the two levels compared in brackets)", got)


def _higher(s: Sentence, figs: list[Figure], k: int) -> list[Check]:
    """"749 元 / 吨，较 2025 年 7 月 25 日 653 元 / 吨高 96 元 / 吨", "0.3919 元，仅高于 “地板价” 0.372 元 0.0199
    元": the level, its base, and how much higher or lower it is."""
    if k < 2:
        return []
    x, y, z = figs[k - 2], figs[k - 1], figs[k]
    if not (_same(s, x, y) and _same(s, y, z)) or x.approx or y.approx or not all(_alone(s, f) for f in (x, y, z)):
        return []
    between = s.text[x.end:y.start]
    after = s.text[y.end:z.start]
    word = _HIGHER.match(after)
    if word and re.search(r"较[^，,。；;]{0,20}$", between) and not re.search(r"[，,。；;]", between[between.rfind("较"):]):
        lower = word.group(1) in ("低", "少")
    elif _ABOVE.search(between) and not after.strip():
        lower = "低于" in between
    else:
        return []
    got = interval(y) - interval(x) if lower else interval(x) - interval(y)
    gap = _check(s, x, y, z, f"{x.text} - {y.text} = {z.text} (higher or lower than its base by the gap)"
                 if not lower else f"{y.text} - {x.text} = {z.text} (lower than its base by the gap)", got)
    out = [gap] if gap is not None else []
    # "…高 96 元 / 吨（+14.7%）": the gap as a rate of the base
    if k + 1 < len(figs) and figs[k + 1].kind == FigureKind.PERCENT and _RATE.match(s.text[z.end:figs[k + 1].start]) \
            and x.kind != FigureKind.PERCENT and interval(y).lo > 0:
        g = figs[k + 1]
        rate = ((interval(x) - interval(y)) / interval(y)).scale(100)
        written = figure_interval(g, result=True)
        if not signed(s, g):
            rate, written = rate.abs(), written.abs()
        out.append(interval_check(
            rate, written, kind="growth", stated=g.text, inputs=[x.text, y.text],
            relation=f"({x.text}/{y.text} - 1) = {g.text} (the gap over its base)", sentence=s.text,
            sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text]))
    return out
