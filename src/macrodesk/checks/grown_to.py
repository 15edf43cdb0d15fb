"""A growth to a level written after the level it grew from, in one sentence with no 由/从: "平均弃购数量为2.51万股，
新规后增加276%至9.43万股" and "平均弃购数量为2.83万股，…，这一数据升至16.75万股，增长492%" are 9.43 / 2.51 − 1 and
16.75 / 2.83 − 1. The earlier level is the last one of the unit before, with no other measure named between:
a fit confirms; the words do not say it is the same measure's, so a miss says nothing."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import LEVELS, interval, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence

_NEEDS = re.compile(r"[至到]")
_UP = r"增长|增加|上升|提升|提高|上涨|升|增"
_DOWN = r"下降|减少|下滑|降低|下跌|回落|降|减"
# "增加276%至": the rate, then the level it led to
_RATE_TO = re.compile(rf"(?P<v>{_UP}|{_DOWN})\s*了?\s*$")
_TO = re.compile(r"^\s*(?:至|到)\s*$")
# "升至16.75万股，增长492%": the level, then its rate
_LEVEL_TO = re.compile(rf"(?:{_UP}|{_DOWN})\s*(?:至|到)\s*$")
_RATE_AFTER = re.compile(rf"^\s*[，,]\s*(?:同比)?\s*(?P<v>{_UP}|{_DOWN})\s*(?:了|约)?\s*$")
# the earlier level stated as a level: "…数量为2.51万股"
_STATED = re.compile(r"(?:为|达|达到|是|约为)\s*$")
# words between the two levels that name another measure or subject, or another base
_OTHER = re.compile(r"收入|营收|利润|销量|产量|销售|规模|余额|金额|价格|均价|其中|而|但|分别|同比|环比|较|比上|相比|占")


def find_grown_to(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _NEEDS.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, g in enumerate(figs):
            if g.kind != FigureKind.PERCENT or k == 0:
                continue
            lead = s.text[figs[k - 1].end:g.start]
            if k + 1 < len(figs) and (rm := _RATE_TO.search(lead)) is not None \
                    and _TO.match(s.text[g.end:figs[k + 1].start]) and figs[k + 1].kind in LEVELS:
                now, verb, first = figs[k + 1], rm.group("v"), k - 1  # "增加276%至9.43万股"
            elif k >= 1 and (rm := _RATE_AFTER.match(lead)) is not None and figs[k - 1].kind in LEVELS \
                    and _LEVEL_TO.search(s.text[figs[k - 2].end if k >= 2 else 0:figs[k - 1].start]):
                now, verb, first = figs[k - 1], rm.group("v"), k - 2  # "升至16.75万股，增长492%"
            else:
                continue
            if (chk := _judge(article, s, figs, first, now, g, verb)) is not None:
                out.append(chk)
    return out


def _judge(article: Article, s: Sentence, figs: list[Figure], first: int, now: Figure, g: Figure,
           verb: str) -> Check | None:
    """The growth g to `now` from the last level of its unit at or before figs[first]."""
    key = unit_key(s, now)
    if first < 0 or key is None or key.startswith("#"):
        return None
    was = figs[first]
    if unit_key(s, was) != key or was.value is None or was.value <= 0:
        return None
    between = s.text[was.end:now.start]
    if _OTHER.search(re.sub(r"(?:增长|增加|上升|提升|下降|减少)\s*了?\s*[\d.]+\s*%", "", between)):
        return None
    if not _STATED.search(s.text[:was.start]):
        return None  # only a level stated as one ("数量为2.51万股"), not one a move led to ("上涨 2.3% 至 6.4 万元")
    down = re.fullmatch(_DOWN, verb) is not None
    got = (interval(now) / interval(was) - Interval(1, 1)).scale(100)
    stated = interval(g, result=True).scale(-1 if down and g.text.lstrip()[:1] not in "+-−－" else 1)
    chk = interval_check(
        got, stated, kind="growth", stated=g.text, inputs=[was.text, now.text],
        relation=f"({now.text}/{was.text} - 1) = {'-' if down else ''}{g.text} (grown to the level from the one written before)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label)
    if chk.verdict != "consistent":
        return None  # (the growth's own reading stays: unverifiable, its earlier level not known)
    return confirm_only(chk, "the level before may be another measure's: a fit confirms")
