"""A hotel's RevPAR is its ADR times its OCC: "中高端酒店ADR为210元（-35.6%）/OCC为51.3%（-22.3pct）/
RevPAR为108元（-55.2%）" gives 210 × 51.3% = 107.7 元, and the RevPAR's growth from the ADR's
growth and the occupancy's change in points: (1 − 35.6%) × 51.3 / (51.3 + 22.3) − 1 = −55.1%
(last year's occupancy is an unstated intermediate: derived)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, one_plus
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after

# each measure's name right before its level: "ADR为", "平均房价", "出租率", "OCC为", "RevPAR为"
_NAMES = (
    ("adr", re.compile(r"(?:ADR|平均房价|平均每日房价)\s*(?:为|达|约)?\s*$")),
    ("occ", re.compile(r"(?:OCC|出租率|入住率)\s*(?:为|达|约)?\s*$")),
    ("revpar", re.compile(r"(?:RevPAR|RevPar|REVPAR|每间可售房收入|每间可供出租客房收入)\s*(?:为|达|约)?\s*$")),
)
# the level's change in a bracket right after it: "（-35.6%）", "（-22.3pct）", "（同比-25.0pct）"
_BRACKET = re.compile(r"^\s*[（(]\s*(?:同比|yoy|YoY)?\s*$")


@dataclass
class _Group:
    """One subject's ADR, OCC and RevPAR, each with the change written after it (or None)."""

    levels: dict[str, Figure]
    changes: dict[str, Figure | None]


def _groups(s: Sentence) -> list[_Group]:
    figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
    out: list[_Group] = []
    group = _Group({}, {})
    for k, f in enumerate(figs):
        before = s.text[max(0, f.start - 14):f.start]
        name = next((n for n, rx in _NAMES if rx.search(before)), None)
        if name is None:
            continue
        if name in group.levels:
            out.append(group)
            group = _Group({}, {})
        group.levels[name] = f
        nxt = figs[k + 1] if k + 1 < len(figs) else None
        group.changes[name] = nxt if nxt is not None and _BRACKET.match(s.text[f.end:nxt.start]) else None
    out.append(group)
    return [g for g in out if len(g.levels) == 3]


_REVPAR = re.compile(r"RevPAR|RevPar|REVPAR|每间可")


def find_revpars(article: Article) -> list[Check]:
    if not mentions(article, _REVPAR):
        return []  # every group is read from a sentence naming RevPAR
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _REVPAR.search(s.text):
            continue
        for g in _groups(s):
            out.extend(_judge(article, s, g))
    return out


def _judge(article: Article, s: Sentence, g: _Group) -> list[Check]:
    adr, occ, rev = g.levels["adr"], g.levels["occ"], g.levels["revpar"]
    if occ.kind != FigureKind.PERCENT or adr.kind == FigureKind.PERCENT or rev.kind == FigureKind.PERCENT:
        return []
    out = []
    a, o, r = figure_interval(adr), figure_interval(occ), figure_interval(rev, result=True)
    out.append(interval_check(
        (a * o).scale(0.01), r, kind="product", stated=rev.text, inputs=[adr.text, occ.text],
        relation=f"{adr.text} × {occ.text} = {rev.text} (RevPAR = ADR × OCC)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label))
    ga, do, gr = g.changes["adr"], g.changes["occ"], g.changes["revpar"]
    if ga is None or do is None or gr is None or ga.kind != FigureKind.PERCENT \
            or do.kind not in (FigureKind.POINTS, FigureKind.PERCENT) or gr.kind != FigureKind.PERCENT:
        return out
    if do.kind == FigureKind.PERCENT and not chars_after(s.text, do.end, 3).startswith(("pct", "PCT", "个百分点")):
        return out  # an occupancy's change in % may be relative: its basis is not certain
    one = Interval(1, 1)
    was = o - figure_interval(do)
    if was.lo <= 0:
        return out
    got = ((one + figure_interval(ga).scale(0.01)) * o / was - one).scale(100)
    chk = interval_check(
        got, figure_interval(gr, result=True), kind="growth", stated=gr.text, inputs=[ga.text, occ.text, do.text],
        relation=(f"{one_plus(ga)} × {occ.text} / ({occ.text} - ({do.text})) - 1 = {gr.text} "
                  f"(RevPAR = ADR × OCC; last year's OCC {was.mid:.1f}% derived)"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text, s.text],
        article=article.label)
    chk.derived = True
    out.append(chk)
    return out
