"""A year's growth to a level after the level of the year before: "2024 年水泥产量降至 18.3 亿吨，…预计 2025 年
总需求下滑 7.9% 至 16.8 亿吨" (az46 484), "2024 年全球 AI 服务器出货量达 175 万台，同比增长 46%，预计 2025 年可进一步
增长 24.3% 至 218 万台". The growth is the later level over the earlier one, each dated by its year."""

from __future__ import annotations

import re

from macrodesk.checks.frames import common_metric, currency, frame_of, period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, signed_rate
from macrodesk.checks.tokens import is_bound
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import clause_start

_VERB = re.compile(r"(?P<v>增长|增加|提升|上升|提高|下降|减少|下滑|回落|降低|增|降|减)\s*(?:了|约)?\s*$")
_TO = re.compile(r"\s*(?:至|到)\s*")
# a growth against the period before (环比, 较上月) or against a base named otherwise (较 2019 年) is no
# growth over the year before
_OTHER_BASE = re.compile(r"环比|较|相比|比上|相较")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)
_STOPS = "，,；;。"
# words around a growth that name no measure ("预计 2025 年可进一步增长 24.3%")
_HEDGES = re.compile(r"可|进一步|有望|将|预计|或|继续|再|大幅|小幅|稳步|持续|分别|还")
# (every growth to a level writes 至 or 到 after its rate)
_NEEDS = re.compile(r"%\s*(?:至|到)")


def find_dated_growths(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _NEEDS.search(s.text):
            continue
        text = s.text
        figs = [f for f in s.figures if f.value is not None and not f.is_range or f.kind == FigureKind.DATE]
        for k, g in enumerate(figs[:-1]):
            b = figs[k + 1]
            if g.kind != FigureKind.PERCENT or b.kind not in _LEVELS \
                    or not _TO.fullmatch(text, g.end, b.start):
                continue
            dates = [d for d in figs[:k] if d.kind == FigureKind.DATE]
            start = clause_start(text, g.start, _STOPS)
            clause = text[start:g.start]
            verb = _VERB.search(clause)
            if not dates or verb is None or _OTHER_BASE.search(clause):
                continue
            key = period_key(dates[-1].text)
            if key is None or dates[-1].start < start:
                continue  # the year of the later level is written in the growth's own clause
            year, sub = key
            earlier = [a for a in figs[:k] if a.kind == b.kind and a.kind in _LEVELS and not is_bound(text, a)
                       and currency(a.unit.strip()) == currency(b.unit.strip()) and _year_of(figs, a) == (year - 1, sub)]
            if not earlier:
                continue
            a = earlier[-1]
            was, now = interval(a), interval(b)
            if was.lo <= 0 or now.lo <= 0:
                continue
            chk = interval_check(
                (now / was - Interval(1, 1)).scale(100), signed_rate(text, g, verb.group("v")), kind="growth",
                stated=g.text, inputs=[a.text, b.text],
                relation=f"({b.text}/{a.text} - 1) = {g.text} ({year} over {year - 1}, each dated by its year)",
                sentence=text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[text, text],
                article=article.label)
            # the two levels name one measure, or the growth's clause names none of its own
            ma, mg = frame_of(text, a).metric, _HEDGES.sub("", frame_of(text, g, dates[-1].end).metric)
            if mg and not common_metric(ma, mg):
                chk = confirm_only(chk, "the two levels may name different measures")
            out.append(chk)
    return out


def _year_of(figs: list[Figure], f: Figure) -> tuple[int, str] | None:
    """The period of a level: the last date written before it in its sentence."""
    before = [d for d in figs if d.kind == FigureKind.DATE and d.end <= f.start]
    return period_key(before[-1].text) if before else None
