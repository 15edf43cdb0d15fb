"""A rate's 环比 change against the same rate written earlier in its paragraph for another period:
"2025 年一季度，销售毛利率 18.62%…；2025 年上半年，销售毛利率 18.15%（同比降 1.12 个百分点、
环比降 0.47 个百分点）" (18.15% - 18.62% = -0.47). Which period 环比 compares with is the author's
choice (H1 against Q1 here), so a fit confirms and a mismatch proves nothing."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval, signed_interval
from macrodesk.checks.judging import Check, fmt
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the rate a percent is a level of, named right before it ("销售毛利率 18.15%", "净利率为 5.98%")
_RATE_BEFORE = re.compile(r"([\u4e00-\u9fa5]{1,8}率)\s*(?:为|达|约为?|至)?\s*$")
# a 环比 change in points right after its level ("（同比降 1.12 个百分点、环比降 0.47 个百分点）")
_QOQ_BEFORE = re.compile(r"环比\s*(?:提升|提高|上升|增加|下降|下滑|减少|回落|收窄|[升增降减])?\s*$")
_CLAUSE_END = re.compile(r"[。；;]")
# every change is read after 环比 in its own sentence (`_QOQ_BEFORE`)
_NEEDS = re.compile(r"环比")


def _rate_levels(s: Sentence) -> list[tuple[Figure, str, int]]:
    """(level, rate name, index) of each percent of a sentence named as a rate, with its period."""
    out = []
    prev = 0
    for i, f in enumerate(s.figures):
        if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range and f.period:
            m = _RATE_BEFORE.search(s.text[prev:f.start])
            if m:
                out.append((f, m.group(1), i))
        prev = f.end
    return out


def find_prior_rate_changes(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    by_para: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        if s.kind in ("prose", "list"):
            by_para.setdefault(s.paragraph, []).append(s)
    for sentences in by_para.values():
        if not any("环比" in s.text for s in sentences):
            continue
        seen: list[tuple[Figure, str, Sentence]] = []  # the rate levels before, in order
        for s in sentences:
            if "率" not in s.text:
                continue  # (no rate named: no level)
            for level, name, i in _rate_levels(s):
                chk = _qoq_change(s, level, name, i, seen)
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
                seen.append((level, name, s))
    return out


def _qoq_change(s: Sentence, level: Figure, name: str, i: int,
                seen: list[tuple[Figure, str, Sentence]]) -> Check | None:
    """The level's 环比 change, among the change figures right after it (before any other level),
    against the last earlier level of the same rate written for another period."""
    figs = s.figures
    change: Figure | None = None
    before = ""
    for f in figs[i + 1:]:
        gap = s.text[level.end:f.start]
        if f.kind != FigureKind.POINTS or _CLAUSE_END.search(gap):
            break
        words = s.text[max(level.end, f.start - 8):f.start]
        if _QOQ_BEFORE.search(words):
            change, before = f, words
            break
    if change is None or change.value is None:
        return None
    earlier = [(e, es) for e, n, es in seen if n == name and e.period and e.period != level.period]
    if not earlier:
        return None
    e, es = earlier[-1]
    computed = figure_interval(level) - figure_interval(e)
    stated = signed_interval(change, before, result=True)
    if not computed.overlaps(stated):
        return None  # the 环比 may be against a period the paragraph does not write
    return Check(
        verdict="consistent", kind="change", stated=change.text, computed=fmt(computed.mid),
        computed_low=computed.lo, computed_high=computed.hi, inputs=[e.text, level.text],
        relation=f"{level.text} - {e.text} = {change.text} ({name} of {level.period} against {e.period})",
        note="the earlier level is the same rate written earlier in the paragraph for another period",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        input_sentences=[es.text, s.text], refutable=False,
    )
