"""A total's growth from its segments' levels and growths written in the list items after it, when
the segments add up to the total: "- 产量：261.9 万辆，环比下降 12.9%，同比增长 8.9%" then, under
"乘用车细分" and "商用车细分", "- 产量：225.7 万辆，环比 - 12.4%，同比 + 10.2%" and "- 产量：36.2 万辆，…同比
+ 1.3%": last period's total is Σ segment / (1 + its growth) (derived), for each basis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, implied_growth, interval_sum
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval, stated_growths, unit_key
from macrodesk.checks.part_growths import growth_fits
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)
_MAX_PARTS = 4
# a total named as an aggregate: its segments are certainly its parts (otherwise several companies'
# figures may add up to another's by chance: 499's banks, 352's brands), and a mismatch refutes
_AGGREGATE = re.compile(r"板块|行业|整体|合计|总计|总体|全国|全球|全行业|汽车产销|细分")


@dataclass
class _Entry:
    s: Sentence
    level: Figure
    key: tuple[str, str]  # the measure's words and the unit
    growths: dict[str, tuple[Figure, Interval]] = field(default_factory=dict)


# every entry has a growth stated_growths read after a 同比 or 环比 in its own sentence
_NEEDS = re.compile(r"同比|环比")
_WORD_NOISE = re.compile(r"[\s：:，,；;*（()）]|[-—]\s*$")


def _entries(s: Sentence) -> list[_Entry]:
    out = []
    figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
    for f in figs:
        if f.kind not in _LEVELS or (f.value or 0) <= 0 or f.approx or (unit := unit_key(s, f)) is None:
            continue
        # the growths first: most levels have none, and their words are then not needed
        growths = stated_growths(s, f)
        if not growths:
            continue
        words = _WORD_NOISE.sub("", s.text[clause_start(s.text, f.start, "，,；;。"):f.start])
        if not words:
            continue
        out.append(_Entry(s, f, (words, unit), growths))
    return out


def find_segment_growths(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    sections: dict[tuple[int, str], list[_Entry]] = {}
    for s in article.sentences:
        # (a sentence with neither word has no entry)
        if s.kind in ("prose", "list") and ("同比" in s.text or "环比" in s.text):
            for e in _entries(s):
                sections.setdefault((s.section_index, s.section), []).append(e)
    out: list[Check] = []
    for entries in sections.values():
        groups: dict[tuple[str, str], list[_Entry]] = {}
        for e in entries:
            groups.setdefault(e.key, []).append(e)
        seen: set[int] = set()
        for group in groups.values():
            for i, total in enumerate(group):
                parts = _parts(total, group[i + 1:])
                if parts:
                    seen.add(id(total))
                    out.extend(_judge(article, total, parts))
        # segments named for themselves ("- 新能源乘用车：22.61 万辆" after "上牌 45.40 万辆"): the
        # next entries of the unit, each in its own list item, that add up to the total; a fit
        # confirms only, since such names do not say they are the total's parts
        by_unit: dict[str, list[_Entry]] = {}
        for e in entries:
            by_unit.setdefault(e.key[1], []).append(e)
        for group in by_unit.values():
            for i, total in enumerate(group):
                after = group[i + 1:]
                if id(total) in seen or any(e.s.kind != "list" or e.s is total.s for e in after[:2]):
                    continue
                parts = _parts(total, after)
                if parts and len({e.s.id for e in parts}) == len(parts):
                    for c in _judge(article, total, parts, certain=False):
                        if c.verdict == "consistent":
                            out.append(c)
    return out


def _parts(total: _Entry, after: list[_Entry]) -> list[_Entry]:
    """The fewest segments right after the total (two to four) whose levels add up to it at their
    written digits."""
    whole = figure_interval(total.level)
    for k in range(2, min(_MAX_PARTS, len(after)) + 1):
        run = after[:k]
        acc = interval_sum(figure_interval(e.level) for e in run)
        if any(e.level.scale != total.level.scale for e in run):
            return []
        # the sum at the total's written digits, not at the far edge of both roundings (87: parts of
        # 66 against a total of 68 meet only at 67.5)
        if acc.overlaps(whole) and abs(acc.mid - whole.mid) <= (acc.hi - acc.lo + whole.hi - whole.lo) / 4:
            return run
        if acc.lo > whole.hi:
            return []
    return []


def _judge(article: Article, total: _Entry, parts: list[_Entry], *, certain: bool | None = None) -> list[Check]:
    out = []
    whole = interval(total.level)
    acc = interval_sum(interval(e.level) for e in parts)
    whole = Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi))
    if certain is None:
        context = total.s.text + "".join(x.text for x in _heads(article, total.s))
        certain = bool(_AGGREGATE.search(context))
    for basis, (g, stated) in total.growths.items():
        if not all(basis in e.growths for e in parts):
            continue
        found = implied_growth(whole, [(interval(e.level), e.growths[basis][1]) for e in parts])
        if found is None:
            continue
        computed, prior = found
        scale = total.level.scale or 1.0
        shown = " + ".join(f"{e.level.text}/(1{'-' if e.growths[basis][1].mid < 0 else '+'}"
                           f"{e.growths[basis][0].text.lstrip('+-−－ ')})" for e in parts)
        fits = growth_fits(computed, stated)
        if not fits and not certain:
            continue  # the segments may be other subjects whose levels add up by chance
        out.append(interval_check(
            computed, stated, fits=fits, kind="growth", stated=g.text,
            inputs=[total.level.text] + [x.text for e in parts for x in (e.level, e.growths[basis][0])],
            relation=(f"{total.level.text} / 上期 {fmt(prior.mid / scale)} (= {shown}) - 1 = {g.text} "
                      f"({basis}: the segments after it add up to the total)"),
            sentence=total.s.text, sentence_id=total.s.id, paragraph=total.s.paragraph, derived=True,
            input_sentences=[e.s.text for e in parts], article=article.label,
        ))
        out[-1].refutable = certain
    return out


def _heads(article: Article, s: Sentence) -> list[Sentence]:
    """The heading above a sentence and the label item right before its paragraph, a lead-in with
    no figure of its own ("- **4 月汽车产销**："): what names the total's subject."""
    before = [x for x in article.sentences if x.paragraph < s.paragraph]
    heads = [x for x in before if x.kind == "heading"][-1:]
    label = [x for x in before[-1:] if x.kind == "list" and not x.figures and x.text.rstrip().endswith(("：", ":"))]
    return heads + label
