"""A move written in amounts with its rate in brackets, the level on the other side of it: "611 元 / 吨，
周环比下跌 2 元 / 吨（-0.33%）", "国内铝锭库存周去库 2.4 万吨，至 55.7 万吨（环比 - 4.1%）", "产地：463.1
万吨（-36.1 万吨，-7.22%）", and a level with
its previous value: "6 月国内 PMI 为 49.7（前值 49.5），环比上升 0.2", "环比下降 0.7 个百分点至 49.7（前值
50.4）". The rate is the move over the level before it (the level minus the move)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, signed, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence

_FALL = r"下跌|下降|减少|回落|去库|下滑|降低|[降跌减]"
_RISE = r"上涨|上升|增加|累库|增长|回升|提高|提升|[涨增升]"
# the move's verb right before it: "周环比下跌", "周去库", "环比增"
_MOVE = re.compile(rf"(?:周|月|日)?(?:环比|同比)?\s*({_FALL}|{_RISE})\s*(?:了|约)?\s*$")
# its rate right after it: "（-0.33%）", "（环比 - 4.1%）"
_RATE_AFTER = re.compile(r"^\s*[（(]\s*(?:环比|同比|周环比)?\s*$")
_TO = re.compile(r"^\s*[，,]?\s*(?:至|到)\s*$")
# what a sentence holding a move's rate has: "（-0.33%）", "（环比 - 4.1%）"
_BRACKET_RATE = re.compile(r"[（(]\s*(?:周?环比|同比)?\s*[+\-−－]?\s*\d[\d.]*\s*%|[，,]\s*[+\-−－]?\s*\d[\d.]*\s*%\s*[）)]")
# "为 49.7（前值 49.5）", "至 49.7（前值 50.4）", "当周为 57.1%，前值为 59.0%"
_PRIOR = re.compile(r"^\s*(?:[（(]|[，,]\s*(?=前值\s*为))\s*前值\s*(?:为)?\s*$")
_CHANGE = re.compile(rf"(?:环比|较前值|较上月|较上期|较上周)\s*(?:大幅|小幅|明显|略有|略|微|继续)?\s*({_FALL}|{_RISE})?\s*(?:了|约)?\s*$")


def find_move_rates(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        # (_BRACKET_RATE needs a %: most sentences without one are passed by a plain test)
        prior = "前值" in s.text
        if s.kind not in ("prose", "list") or (not prior and ("%" not in s.text or not _BRACKET_RATE.search(s.text))):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k in range(len(figs) - 1):
            out.extend(_rate(article, s, figs, k))
            if prior:  # a previous value is read after its 前值 only
                out.extend(_prior(article, s, figs, k))
            out.extend(_bracket_pair(article, s, figs, k))
    return out


def _rate(article: Article, s: Sentence, figs: list[Figure], k: int) -> list[Check]:
    move = figs[k]
    mm = _MOVE.search(s.text[figs[k - 1].end if k else 0:move.start])
    if mm is None or move.kind not in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.POINTS) or move.value is None:
        return []
    fall = re.fullmatch(_FALL, mm.group(1)) is not None
    # the rate and the level: "D（r），至 L" / "D，至 L（r）" / "L，…D（r）"
    after = figs[k + 1]
    level = rate = None
    if move.is_range and after.kind == FigureKind.PERCENT and _RATE_AFTER.match(s.text[move.end:after.start]):
        # "周降 0.56 万吨至 8.04 万吨（环比 - 6.5%）" is read as one range: the move and the level
        low, _, high = move.text.partition("至")
        level = move.model_copy(update={"value": move.high, "high": None, "text": high.strip()})
        move = move.model_copy(update={"high": None, "text": low.strip()})
        rate = after
    elif after.kind == FigureKind.PERCENT and _RATE_AFTER.match(s.text[move.end + len(_tail(s, move)):after.start]):
        rate = after
        if k + 2 < len(figs) and _TO.match(s.text[after.end:figs[k + 2].start].replace("）", "").replace(")", "")):
            level = figs[k + 2]
        elif k >= 3 and unit_key(s, figs[k - 2]) == unit_key(s, move) and figs[k - 1].kind == FigureKind.PERCENT \
                and _RATE_AFTER.match(s.text[figs[k - 2].end + len(_tail(s, figs[k - 2])):figs[k - 1].start]) \
                and re.match(r"^\s*[）)]\s*[，,；;]", s.text[figs[k - 1].end:]):
            # "370.8 元 / 吨，较上周下跌 7.8 元 / 吨（环比 - 2.1%），较 2024 年同期上涨 5.2 元 / 吨（同比 + 1.4%）":
            # the second move is of the same level, written before the first move and its rate
            level = figs[k - 3] if _level_of(s, figs[k - 3], move) else None
        elif k >= 1 and _level_of(s, figs[k - 1], move):
            level = figs[k - 1]
    elif _TO.match(s.text[move.end:after.start]) and k + 2 < len(figs) and figs[k + 2].kind == FigureKind.PERCENT \
            and _RATE_AFTER.match(s.text[after.end:figs[k + 2].start]):
        level, rate = after, figs[k + 2]
    if level is None or rate is None or not _level_of(s, level, move) or level.is_range or move.is_range \
            or level.value is None or _tail(s, level).strip() != _tail(s, move).strip():
        return []
    d = interval(move)
    if fall and not signed(s, move):
        d = -d
    stated = figure_interval(rate, result=True)
    if fall and not signed(s, rate) and (rate.value or 0) > 0:
        stated = -stated
    # the level is the one after the move, also when written before it ("611 元 / 吨，周环比下跌 2 元 / 吨")
    return _over_level_before(
        article, s, d, move, level, rate, stated,
        f"{'-' if fall else '+'}{move.text} / ({level.text} {'+' if fall else '-'} {move.text}) = {rate.text}"
        f" (the move over the level before it)")


# what of a unit the figure reader leaves after a figure: "141670 吨 / 日", "5774 万重箱"
_UNIT_TAIL = re.compile(r"\s*(?:/\s*[日天周月年]|[\u4e00-\u9fa5]{1,3})(?=\s*[（(，,；;。）)])")


def _tail(s: Sentence, f: Figure) -> str:
    m = _UNIT_TAIL.match(s.text, f.end)
    return m.group(0) if m else ""


def _level_of(s: Sentence, level: Figure, move: Figure) -> bool:
    """Whether `move` can be a move of `level`: an amount in its unit, or points of a percentage
    ("库位 65.3%，较上周上升 1.3 个百分点（环比 + 2.0%）")."""
    if move.kind == FigureKind.POINTS:
        return level.kind == FigureKind.PERCENT and level.value is not None and not level.is_range
    return level.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and unit_key(s, level) == unit_key(s, move)


def _over_level_before(article: Article, s: Sentence, d: Interval, move: Figure, level: Figure, rate: Figure,
                       stated: Interval, relation: str) -> list[Check]:
    """The rate a signed move `d` makes over the level before it (the level after it minus `d`)."""
    before = interval(level) - d
    if before.lo <= 0:
        return []
    return [interval_check(
        (d / before).scale(100), stated, kind="growth", stated=rate.text, inputs=[move.text, level.text],
        relation=relation, sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        input_sentences=[s.text, s.text], article=article.label,
    )]


# "463.1 万吨（-36.1 万吨，-7.22%）": a level, then its change and rate in one bracket
_PAIR_OPEN = re.compile(r"^\s*[（(]\s*(?:周?环比|同比|较上周|较上月)?\s*$")
_PAIR_SEP = re.compile(r"^\s*[，,、]\s*(?:周?环比|同比)?\s*$")


def _bracket_pair(article: Article, s: Sentence, figs: list[Figure], k: int) -> list[Check]:
    """A level with its change (signed, in its unit) and rate in its own bracket: the rate is the
    change over the level before it."""
    if k + 2 >= len(figs):
        return []
    level, move, rate = figs[k], figs[k + 1], figs[k + 2]
    if level.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or unit_key(s, move) != unit_key(s, level) \
            or rate.kind != FigureKind.PERCENT or level.is_range or move.is_range or level.value is None \
            or not signed(s, move) or not _PAIR_OPEN.match(s.text[level.end:move.start]) \
            or not _PAIR_SEP.match(s.text[move.end:rate.start]) \
            or not re.match(r"^\s*[）)]", s.text[rate.end:]):
        return []
    return _over_level_before(
        article, s, interval(move), move, level, rate, figure_interval(rate, result=True),
        f"{move.text} / ({level.text} - ({move.text})) = {rate.text} (the change over the level before it)")


def _prior(article: Article, s: Sentence, figs: list[Figure], k: int) -> list[Check]:
    """"为 B（前值 A），环比上升 C" and "环比下降 C 个百分点至 B（前值 A）": C is B - A."""
    b, a = figs[k], figs[k + 1]
    if not _PRIOR.match(s.text[b.end:a.start]) or b.kind != a.kind or b.unit != a.unit or b.is_range or a.is_range:
        return []
    change, cm = None, None
    if k + 2 < len(figs) and re.fullmatch(r"\s*[）)]?\s*[，,]?\s*(?:环比|较前值|较上月|较上期|较上周).*",
                                          s.text[a.end:figs[k + 2].start]):
        cm = _CHANGE.search(s.text[a.end:figs[k + 2].start])
        change = figs[k + 2] if cm else None
    elif k >= 1 and _TO.match(s.text[figs[k - 1].end:b.start]):
        cm = _CHANGE.search(s.text[figs[k - 2].end if k >= 2 else 0:figs[k - 1].start])
        change = figs[k - 1] if cm else None
    if change is None or cm is None or change.value is None or change.is_range:
        return []
    # a move in the levels' own unit ("当周为 50.0 万吨，前值为 50.9 万吨，环比下降 0.9 万吨"), or a
    # percentage of amounts: their growth
    amounts = b.kind in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.DURATION) and change.kind == b.kind \
        and unit_key(s, change) == unit_key(s, b)
    growth = change.kind == FigureKind.PERCENT and b.kind in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
    if not (amounts or growth or change.kind in (FigureKind.POINTS, FigureKind.NUMBER, FigureKind.PERCENT)):
        return []
    if change.kind == FigureKind.PERCENT and b.kind != FigureKind.PERCENT and not growth:
        return []
    verb = cm.group(1) or ""
    stated = figure_interval(change, result=True)
    if re.fullmatch(_FALL, verb) and not signed(s, change) and (change.value or 0) > 0:
        stated = -stated
    if growth:
        was = figure_interval(a)
        if was.lo <= 0 or figure_interval(b).lo < 0:
            return []
        return [interval_check(
            (figure_interval(b) / was - Interval(1, 1)).scale(100), stated, kind="growth", stated=change.text,
            inputs=[a.text, b.text], relation=f"({b.text}/{a.text} (前值) - 1) = {change.text}",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
            article=article.label)]
    got = figure_interval(b) - figure_interval(a)
    return [interval_check(
        got, stated, kind="change", stated=change.text, inputs=[a.text, b.text],
        relation=f"{b.text} - {a.text} (前值) = {change.text}",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label,
    )]
