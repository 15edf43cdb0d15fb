"""Shares of a breakdown whose whole is not written: "增速＞100% 的企业 25 家（占比 18.1%），50%-100%
之间 11 家（8.0%），…" — when the bracketed shares add up to 100%, the parts are the whole."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, interval_sum, precision_unit
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind, Sentence

# between a part and its share: "（占比 18.1%）", "（8.0%）", "，占比 18.1%"
_BETWEEN = re.compile(r"^\s*[（(]\s*(?:占比|占|份额|比重)?\s*(?:为|约)?\s*$")
_CLOSE = re.compile(r"^\s*[)）]")
_PARTS = (FigureKind.QUANTITY, FigureKind.MONEY, FigureKind.NUMBER)
# counted things are exact: 25 家 is 25, not 24.5-25.5
_COUNTS = {"家", "只", "个", "项", "户", "人", "起", "次", "座", "艘", "宗", "笔"}


def _part(f: Figure) -> Interval:
    if f.scale == 1 and f.unit in _COUNTS and f.decimals == 0 and f.value is not None:
        return Interval(f.value, f.value)
    return figure_interval(f)


def _pairs(s: Sentence) -> list[tuple[Figure, Figure]]:
    out = []
    figs = s.figures
    for a, b in zip(figs, figs[1:], strict=False):
        if (a.kind in _PARTS and b.kind == FigureKind.PERCENT and a.value is not None
                and b.value is not None and not a.is_range and not b.is_range and not a.approx
                and _BETWEEN.match(s.text[a.end:b.start]) and _CLOSE.match(s.text[b.end:])):
            out.append((a, b))
    return out


def find_bin_shares(article: Article) -> list[Check]:
    """In one sentence, three or more parts each with its share in brackets, in one unit: when
    the shares add up to 100% within their rounding, the whole is the sum of the parts, and
    each share is judged against it."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        pairs = _pairs(s)
        if len(pairs) < 3 or len({(a.unit, a.scale) for a, _ in pairs}) != 1:
            continue
        slack = sum(precision_unit(b) / 2 for _, b in pairs)
        total_share = sum(b.value or 0.0 for _, b in pairs)
        if abs(total_share - 100) > slack + 1e-9:
            continue  # the parts need not be all of the whole
        whole = interval_sum(_part(a) for a, _ in pairs)
        if whole.lo <= 0:
            continue
        parts = " + ".join(a.text for a, _ in pairs)
        for a, b in pairs:
            got = (_part(a) / whole).scale(100)
            stated = figure_interval(b, result=True)
            fits = got.overlaps(stated)
            verdict: Verdict = "consistent" if fits else "inconsistent"
            out.append(Check(
                verdict=verdict, kind="share", stated=b.text,
                computed=f"{got.mid:.3f}", computed_low=got.lo, computed_high=got.hi,
                gap=None if fits else got.distance(stated),
                inputs=[a.text] + [x.text for x, _ in pairs if x is not a],
                relation=f"{a.text} / ({parts}) = {b.text} (the shares add up to 100%: the parts are the whole)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
                article=article.label,
            ))
    return out
