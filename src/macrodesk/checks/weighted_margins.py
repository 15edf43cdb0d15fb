"""A company's gross margin as its segments' margins weighted by their revenues: "锂电设备、其他业务收入…
至16.52/4.57亿元，毛利率…至26.0%/43.5%" and "口罩设备收入2.76亿元，毛利率为39.8%", whose revenues add up
to the company's 收入23.85亿元, give Σ revenue × margin / Σ revenue = 30.9%, its 综合毛利率 (derived:
each segment's gross profit is an unstated intermediate). Found by their fit and period, so a fit
confirms and a mismatch proves nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, fmt
from macrodesk.checks.part_growths import period_in_year
from macrodesk.figures import list_units
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_REVENUE = re.compile(r"收入|营收|销售额")
# a pair's margin and the company's margin are each read after 毛利率 in their own sentence
_GROSS = re.compile(r"毛利率")
# words that make a revenue or a margin no segment's level: a share, a change, another ratio
_NOT_LEVEL = re.compile(r"占|净利率|费用率|增速|同比(?!.*至)|环比|较")
_JOIN = re.compile(r"^\s*(?:、|/|／|和|及)\s*$")


@dataclass(frozen=True)
class _Pair:
    revenue: Figure
    margin: Figure
    sentence: Sentence


def _clause_before(text: str, pos: int) -> str:
    return text[clause_start(text, pos, "，,；;。：:"):pos]


def _runs(text: str, figs: list[Figure], kind: FigureKind) -> list[list[Figure]]:
    runs: list[list[Figure]] = []
    prev: Figure | None = None
    for f in figs:
        if f.kind == kind and f.value is not None and not f.is_range:
            if runs and prev is runs[-1][-1] and _JOIN.match(text[prev.end:f.start]):
                runs[-1].append(f)
            else:
                runs.append([f])
        prev = f
    return runs


def _pairs(s: Sentence) -> list[_Pair]:
    """The (revenue, gross margin) pairs of the sentence's segments, a list's by position."""
    figs = list_units(s.text, [f for f in s.figures if f.kind != FigureKind.DATE])
    revenues = [r for r in _runs(s.text, figs, FigureKind.MONEY)
                if _REVENUE.search(_clause_before(s.text, r[0].start))
                and not _NOT_LEVEL.search(_clause_before(s.text, r[0].start).split("收入")[-1])]
    margins = [m for m in _runs(s.text, figs, FigureKind.PERCENT)
               if _GROSS.search(lead := _clause_before(s.text, m[0].start)) and not re.search(r"占|净利率", lead)
               and (not re.search(r"同比|较", lead) or re.search(r"至\s*$", lead))]
    out: list[_Pair] = []
    for r in revenues:
        # the margins of these revenues come after them, before the next revenue of the sentence
        nxt = min((x[0].start for x in revenues if x[0].start > r[-1].end), default=len(s.text))
        ms = [m for m in margins if r[-1].end < m[0].start < nxt and len(m) == len(r)]
        if len(ms) == 1:
            out.extend(_Pair(a, b, s) for a, b in zip(r, ms[0], strict=True))
    return out


def find_weighted_margins(article: Article) -> list[Check]:
    if not mentions(article, _GROSS):
        return []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    # (a sentence without 毛利率 has no pair, nor the company's margin)
    pairs = [p for s in prose if "毛利率" in s.text for p in _pairs(s)]
    if len(pairs) < 2:
        return []
    taken = {id(p.revenue) for p in pairs} | {id(p.margin) for p in pairs}
    out: list[Check] = []
    for s in prose:
        if "毛利率" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for f in figs:
            lead = _clause_before(s.text, f.start)
            if f.kind != FigureKind.PERCENT or id(f) in taken or f.value is None or f.is_range \
                    or not re.search(r"(?:综合|整体|公司|全年|总体|销售)?毛利率\s*(?:为|达|约|是)?\s*$", lead) \
                    and not re.search(r"毛利率[^，,；;。]*至\s*$", lead):
                continue
            if re.search(r"其中|业务|产品|分部|板块", lead):
                continue  # a segment's margin, not the company's
            chk = _weighted(article, s, f, [p for p in pairs if period_in_year(p.revenue) == period_in_year(f)], taken)
            if chk is not None:
                out.append(chk)
    return out


def _weighted(article: Article, s: Sentence, margin: Figure, pairs: list[_Pair], taken: set[int]) -> Check | None:
    if len(pairs) < 2:
        return None
    revenues = [figure_interval(p.revenue).scale(p.revenue.scale) for p in pairs]
    whole = interval_sum(revenues)
    # the segments are all of the company: their revenues add up to one revenue of its period
    totals = [f for x in article.sentences if x.kind in ("prose", "list") for f in x.figures
              if f.kind == FigureKind.MONEY and id(f) not in taken and f.value is not None and not f.is_range
              and period_in_year(f) == period_in_year(margin) and _REVENUE.search(_clause_before(x.text, f.start))
              and figure_interval(f).scale(f.scale).overlaps(whole)]
    if len({f.value for f in totals}) != 1:
        return None
    profit = interval_sum([r * figure_interval(p.margin).scale(0.01) for r, p in zip(revenues, pairs, strict=True)])
    got = (profit / whole).scale(100)
    stated = figure_interval(margin, result=True)
    if not got.overlaps(stated):
        return None  # found by their fit: a mismatch proves nothing
    shown = " + ".join(f"{p.revenue.text}×{p.margin.text}" for p in pairs)
    return Check(
        verdict="consistent", kind="ratio", stated=margin.text, computed=fmt(got.mid),
        computed_low=got.lo, computed_high=got.hi, inputs=[x for p in pairs for x in (p.revenue.text, p.margin.text)],
        relation=f"({shown}) / ({' + '.join(p.revenue.text for p in pairs)}) = {margin.text} "
                 f"(the segments' margins weighted by their revenues, which add up to {totals[0].text})",
        note="confirm-only: the segments are found by their fit", derived=True, refutable=False,
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
        input_sentences=[p.sentence.text for p in pairs for _ in (0, 1)])
