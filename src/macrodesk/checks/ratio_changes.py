"""The 同比 change in points of a ratio already checked against its two inputs, from their growths:
"前三季度…营业收入…18.94亿，…同比增长39.22%" and "研发费用2.26亿元，同比增长56.83%" give 研发费用率
11.92% (2.26 / 18.94), and its "较去年同期提升1.34pct" is 11.93% less last year's ratio, an unstated
intermediate: (2.26 / 1.5683) / (18.94 / 1.3922) = 10.59% (derived)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import (
    RESTATED,
    Interval,
    figure_interval,
    prior_ratio,
    ratio_change,
    signed_interval,
)
from macrodesk.checks.judging import Check
from macrodesk.checks.level_growths import RATE_AFTER, figs_of, figure_at, level_with_growth, run_of
from macrodesk.checks.level_growths import YOY as _YOY
from macrodesk.checks.sentence import DOWN, UP
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the change right after the ratio ("11.92%，较去年同期提升1.34pct": `RATE_AFTER`), or before it: "归母净利率同比+1.4pct至3.4%", "毛利率同比下降1.30pct至12.29%"
_CHANGE_BEFORE = re.compile(rf"{_YOY}\s*(?:{UP}|{DOWN})?\s*(?:了|约)?\s*$")
_TO = re.compile(r"^\s*(?:至|到|达)\s*$")
# a verb alone before it ("占总营收比重下降16.00pct至11.10%", cfb572): a year before, as its inputs'
# growths are, unless another base is named
_VERB_BEFORE = re.compile(rf"(?:{UP}|{DOWN})\s*(?:了|约)?\s*$")
_OTHER_BASE = re.compile(r"环比|年初|上季|上月|上周|上期|上半年|前[一二三]季度|较\s*\d|较[^，,。；;]{0,6}末")


def _stated_change(s: Sentence, figs: list[Figure], k: int) -> tuple[Figure, str] | None:
    """The points change stated with the ratio at figure k: (the figure, the words before it), or,
    for a ratio of a list ("费率为48%/7.6%/3.8%，yoy+2.1pct/-0.4pct/-0.7pct"), the change at its place
    in the list of changes right after it."""
    a, b = run_of(s.text, figs, k)
    if (a, b) == (k, k + 1) and figs[b].kind == FigureKind.POINTS and figs[b].text.lstrip()[:1] in "+-−－" \
            and _SLASH.match(s.text[figs[k].end:figs[b].start]):
        return figs[b], s.text[figs[k].end:figs[b].start]
    if a < b and b + 1 < len(figs) and figs[b + 1].kind == FigureKind.POINTS:
        ga, gb = run_of(s.text, figs, b + 1)
        before = s.text[figs[b].end:figs[b + 1].start]
        if ga == b + 1 and gb - ga == b - a and RATE_AFTER.match(before) \
                and all(f.kind == FigureKind.POINTS for f in figs[ga:gb + 1]):
            return figs[ga + (k - a)], before
        return None
    if k + 1 < len(figs) and figs[k + 1].kind == FigureKind.POINTS:
        before = s.text[figs[k].end:figs[k + 1].start]
        if RATE_AFTER.match(before):
            return figs[k + 1], before
    if k >= 1 and figs[k - 1].kind == FigureKind.POINTS and _TO.match(s.text[figs[k - 1].end:figs[k].start]):
        start = figs[k - 2].end if k >= 2 else 0
        before = s.text[start:figs[k - 1].start]
        if _CHANGE_BEFORE.search(before[-10:]) or (
                _VERB_BEFORE.search(before[-10:]) and not _OTHER_BASE.search(before)):
            return figs[k - 1], before
    return None


# "净利率为12.5%/+2.0pct": a signed change after a slash, as results are written (not a list of three)
_SLASH = re.compile(r"^\s*/\s*$")
_FROM_COST = re.compile(r"^\((.+?) - (.+?)\) / \1 = ")


def find_ratio_changes(article: Article, checks: list[Check]) -> list[Check]:
    by_id = {s.id: s for s in article.sentences}
    by_text = {s.text: s for s in article.sentences}
    out: list[Check] = []
    for c in checks:
        if c.verdict != "consistent" or c.kind not in ("ratio", "share") or len(c.inputs) != 2 \
                or len(c.input_sentences) != 2 or c.computed_low is None or c.computed_high is None:
            continue
        s = by_id.get(c.sentence_id)
        figs = figs_of(s) if s is not None else []
        k = figure_at(figs, c.stated, (FigureKind.PERCENT,))
        if s is None or k is None:
            continue
        stated = _stated_change(s, figs, k)
        sn, sd = (by_text.get(t) for t in c.input_sentences)
        if stated is None or sn is None or sd is None:
            continue
        num, den = level_with_growth(sn, c.inputs[0]), level_with_growth(sd, c.inputs[1])
        if num is None or den is None:
            continue
        (fn, _, gn), (fd, _, gd) = num, den
        n, d = figure_interval(fn).scale(fn.scale), figure_interval(fd).scale(fd.scale)
        if d.lo <= 0 or n.lo <= 0:
            continue
        one = Interval(1, 1)
        now = (n / d).scale(100)
        prior = prior_ratio(n, d, gn, gd)
        got = ratio_change(now, gn, gd)
        if prior is None or got is None:
            continue
        gross = _FROM_COST.match(c.relation)
        if gross:
            # "(73.70亿元 - 28.80亿元) / 73.70亿元 = 60.92%": a 毛利率 from revenue and 营业成本 moves
            # opposite to the cost ratio, C / R (its inputs are the cost and the revenue)
            prior, got = Interval(100 - prior.hi, 100 - prior.lo), -got
        fig, before = stated
        written = signed_interval(fig, before, result=True)
        sign = "-" if written.mid < 0 and not fig.text.lstrip().startswith(("-", "−")) else ""
        # last year's figures may since have been restated: within 0.3% of last year's ratio the
        # change fits (the author subtracts last year's reported ratio). A mismatch refutes only when
        # the ratio itself was judged on certain inputs of its own basis and the growths are moderate
        # (after a profit that grew many times over, last year's minorities may weigh differently)
        slack = Interval(got.lo - RESTATED * abs(prior.hi), got.hi + RESTATED * abs(prior.hi))
        fits = slack.overlaps(written)
        certain = c.refutable and all(0.5 < (one + g).lo and (one + g).hi < 5 for g in (gn, gd))
        if not fits and not certain:
            continue
        out.append(Check(
            verdict="consistent" if fits else "inconsistent", kind="change", stated=fig.text,
            computed=f"{got.mid:.3f}", computed_low=got.lo, computed_high=got.hi,
            gap=None if fits else slack.distance(written), inputs=[c.inputs[0], c.inputs[1]], derived=True,
            relation=(f"{c.stated} - 上年 {prior.mid:.2f}% (= {'1 - ' if gross else ''}({c.inputs[0]}/(1{gn.mid * 100:+.2f}%)) / "
                      f"({c.inputs[1]}/(1{gd.mid * 100:+.2f}%))) = {sign}{fig.text} (last year's ratio from "
                      "this year's inputs and their growths)"),
            # last year's figures a company reports may be restated, and a 净利率 may be on total
            # profit where only 归母 is written (21Q1 归母 2.03 亿元 +2222%: 6.97 against 7.08 pct)
            note="confirm-only: last year's inputs may be restated or of another basis" if fits else
            "the ratio fits its inputs on their basis; its change misses them past a restated base's slack",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
            input_sentences=[sn.text, sd.text], refutable=not fits))
    return out
