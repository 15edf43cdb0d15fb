"""The 剪刀差 (scissors gap) of two growths named in its lead, each written with its level earlier
in the section: "CS 建筑板块营收 8.7 万亿元，同比 - 4.10%" and "归母净利润 1689 亿元，同比 - 14.40%",
then "营收与归母净利增速剪刀差 - 10.30pct" (-14.40% - (-4.10%) = -10.30pct)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check
from macrodesk.models import Article, Figure, FigureKind, Sentence

_SCISSORS = re.compile(r"([\u4e00-\u9fa5A-Za-z]{1,8}?)(?:与|和)([\u4e00-\u9fa5A-Za-z]{1,8}?)(?:的)?(?:同比)?"
                       r"增速(?:的)?剪刀差\s*(?:为|达|约为?)?\s*$")
_YOY_BEFORE = re.compile(r"同比\s*(?:增长|增加|上升|提升|下降|减少|下滑|回落)?\s*$")
_CLAUSE = re.compile(r"[，,。；;：:]")


def _growths(sentences: list[Sentence], name: str) -> list[tuple[Figure, Interval, Sentence]]:
    """The 同比 growths written right after a level whose words name `name` ("归母净利" in
    "归母净利润 1689 亿元，同比 - 14.40%")."""
    out = []
    for s in sentences:
        figs = s.figures
        for i, f in enumerate(figs):
            if f.kind != FigureKind.PERCENT or f.value is None or i == 0 or f.is_range:
                continue
            level = figs[i - 1]
            before = s.text[level.end:f.start]
            if level.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or not _YOY_BEFORE.search(before) \
                    or not re.fullmatch(r"\s*[，,]?\s*(?:同比\s*\S{0,2})?\s*", before):
                continue
            start = figs[i - 2].end if i >= 2 else 0
            words = _CLAUSE.split(s.text[start:level.start])[-1]
            if name in words:
                out.append((f, signed_interval(f, before), s))
    return out


def find_scissors(article: Article) -> list[Check]:
    """Each 剪刀差 of two named growths whose levels are each written once in its heading section.
    Which growth is subtracted from which is a convention, so either order fits; a mismatch is
    left unverifiable."""
    if "剪刀差" not in article.text:
        return []
    out: list[Check] = []
    section: list[Sentence] = []
    for s in article.sentences:
        if s.kind == "heading":
            section = []
            continue
        if s.kind not in ("prose", "list"):
            continue
        for f in s.figures:
            m = _SCISSORS.search(s.text[:f.start]) if f.kind in (FigureKind.POINTS, FigureKind.PERCENT) else None
            if m is None or f.value is None:
                continue
            a, b = _growths(section, m.group(1)), _growths(section, m.group(2))
            if len(a) != 1 or len(b) != 1:
                continue
            (fa, ga, sa), (fb, gb, sb) = a[0], b[0]
            stated = figure_interval(f, result=True)
            later, first = gb - ga, ga - gb
            fits = later.overlaps(stated) or first.overlaps(stated)
            flip = first.overlaps(stated) and not later.overlaps(stated)
            computed, (x, y) = (first, (fa, fb)) if flip else (later, (fb, fa))
            out.append(Check(
                verdict="consistent" if fits else "unverifiable", kind="gap", stated=f.text,
                computed=f"{computed.mid:.3f}" if fits else "", computed_low=computed.lo, computed_high=computed.hi,
                inputs=[fa.text, fb.text], relation=f"{x.text} - ({y.text}) = {f.text}",
                note="" if fits else "which growth the 剪刀差 subtracts is a convention: a mismatch proves nothing",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[sa.text, sb.text], refutable=False))
        section.append(s)
    return out
