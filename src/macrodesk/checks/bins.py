"""Shares of a breakdown whose whole is not written: "增速＞100% 的企业 25 家（占比 18.1%），50%-100%
之间 11 家（8.0%），…" — when the bracketed shares add up to 100%, the parts are the whole."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, interval_sum, precision_unit
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before

# between a part and its share: "（占比 18.1%）", "（8.0%）", "，占比 18.1%"
# (a short label may stand between: "64 只上涨（占 54.7%），53 只下跌（占 45.3%）")
_BETWEEN = re.compile(r"^[\u4e00-\u9fa5]{0,4}\s*[（(]\s*(?:占比|占|份额|比重)?\s*(?:为|约)?\s*$")
_CLOSE = re.compile(r"^\s*[)）]")
# or in its own clause: "销售额14.88亿元，占比53.03%，同比增加33.27%；"
_BETWEEN_CLAUSE = re.compile(r"^\s*[，,]\s*(?:占比|份额|比重)\s*(?:为|约|达)?\s*$")
_CLAUSE_END = re.compile(r"^\s*(?:[，,；;。]|$)")
_PARTS = (FigureKind.QUANTITY, FigureKind.MONEY, FigureKind.NUMBER)


def _pairs(s: Sentence) -> list[tuple[Figure, Figure]]:
    out = []
    figs = s.figures
    for a, b in zip(figs, figs[1:], strict=False):
        if (a.kind in _PARTS and b.kind == FigureKind.PERCENT and a.value is not None
                and b.value is not None and not a.is_range and not b.is_range and not a.approx
                and (_BETWEEN.match(s.text[a.end:b.start]) and _CLOSE.match(s.text[b.end:])
                     or _BETWEEN_CLAUSE.match(s.text[a.end:b.start]) and _CLAUSE_END.match(s.text[b.end:]))):
            out.append((a, b))
    return out


def _chains(article: Article) -> list[list[Sentence]]:
    """The prose sentences in runs joined by ；: one breakdown may run over its items' clauses
    ("电子商务业务销售额14.88亿元，占比53.03%…；加盟批发销售额6.06亿元，占比21.59%…；")."""
    out: list[list[Sentence]] = []
    last: Sentence | None = None
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            last = None
            continue
        if last is not None and last.paragraph == s.paragraph and last.text.rstrip().endswith(("；", ";")):
            out[-1].append(s)
        else:
            out.append([s])
        last = s
    return out


def find_bin_shares(article: Article) -> list[Check]:
    """In one sentence, three or more parts each with its share in brackets, in one unit: when
    the shares add up to 100% within their rounding, the whole is the sum of the parts, and
    each share is judged against it."""
    out: list[Check] = []
    for chain in _chains(article):
        found = [(s, _pairs(s)) for s in chain]
        judged = False
        for s, pairs in found:
            checks = _judge_bins([(s, a, b) for a, b in pairs], article)
            judged = judged or bool(checks)
            out.extend(checks)
        if not judged and len(chain) > 1:
            # one item per clause of the chain
            out.extend(_judge_bins([(s, a, b) for s, pairs in found for a, b in pairs], article))
    return out


def _judge_bins(pairs: list[tuple[Sentence, Figure, Figure]], article: Article) -> list[Check]:
    """Each share of the parts against their sum, when the shares add up to 100%."""
    if len(pairs) < 2 or len({(a.unit, a.scale) for _, a, _ in pairs}) != 1:
        return []
    slack = sum(precision_unit(b) / 2 for _, _, b in pairs)
    total_share = sum(b.value or 0.0 for _, _, b in pairs)
    if abs(total_share - 100) > slack + 1e-9:
        return []  # the parts need not be all of the whole
    s0, first, _ = pairs[0]
    if any(f.unit == first.unit and f.scale == first.scale and f.end <= first.start for f in s0.figures):
        return []  # a whole is written before the bins ("462 只个股中"): they may leave some out
    whole = interval_sum(figure_interval(a) for _, a, _ in pairs)
    if whole.lo <= 0:
        return []
    parts = " + ".join(a.text for _, a, _ in pairs)
    out = []
    for s, a, b in pairs:
        got = (figure_interval(a) / whole).scale(100)
        stated = figure_interval(b, result=True)
        out.append(interval_check(
            got, stated, kind="share", stated=b.text,
            inputs=[a.text] + [x.text for _, x, _ in pairs if x is not a],
            relation=f"{a.text} / ({parts}) = {b.text} (the shares add up to 100%: the parts are the whole)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
            article=article.label, input_sentences=[x.text for x, _, _ in pairs if x is not s],
        ))
    return out


# a share named by its label: "占比 38%", "占比为 26%", "（占比 12%）", "份额 5%"
_SHARE_LEAD = re.compile(r"(?:占比|份额|比重)\s*(?:为|达|约为)?\s*$")
# the bin that closes a breakdown: "其他地区：北美、大洋洲等合计占比 7%", "其他（占比 12%）"
_RESIDUAL = re.compile(r"其[他它余]")
# or the line that eliminates sales between the parts: "…印刷业务占比5.53%，内部抵销占比-39.94%" (cft510)
# reconciles the segments to the company's revenue, so the shares add up to 100% by construction
_OFFSET = re.compile(r"抵销|抵消")
# a bound is no bin of the breakdown
_NOT_BIN = re.compile(r"^\s*(?:以上|以下|左右|多)")
# every residual share is labelled (_SHARE_LEAD) and closes a bin named 其他/其它/其余 (_RESIDUAL)
_NEEDS_LABEL = re.compile(r"占比|份额|比重")
_NEEDS = re.compile(r"其他|其它|其余|抵销|抵消")


def _shares(s: Sentence) -> list[tuple[Figure, int]]:
    """The labelled shares of a sentence, each with where its label may start: after the share
    before it ("及其他（占比 12%）", "其他地区：北美、大洋洲等合计占比 7%")."""
    out: list[tuple[Figure, int]] = []
    for f in s.figures:
        if (f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range
                and not f.approx and _SHARE_LEAD.search(chars_before(s.text, f.start, 8))
                and not _NOT_BIN.match(s.text[f.end:])):
            out.append((f, out[-1][0].end if out else 0))
    return out


def find_residual_shares(article: Article) -> list[Check]:
    """A breakdown closed by a residual bin: "运营占比 76%、装备占比 21%、其他占比 3%", or list
    items one share each ending in "- **其他地区**：…合计占比 7%". The residual is what the named
    bins leave of 100%. Confirm-only: a list that does not close may simply name a few bins. An
    elimination line (内部抵销) closes a segment breakdown for certain: a misfit is an error."""
    if not mentions(article, _NEEDS) or not mentions(article, _NEEDS_LABEL):
        return []
    out: list[Check] = []
    sents = article.sentences
    for i, s in enumerate(sents):
        shares = _shares(s)
        for r, label in shares:
            offset = bool(_OFFSET.search(s.text[label:r.start]))
            if not offset and not _RESIDUAL.search(s.text[label:r.start]):
                continue
            siblings = [f for f, _ in shares if f is not r]
            where: list[str] = []
            if not siblings and s.kind == "list" and len(shares) == 1:
                # the bins are the list items just before, one share each
                j = i - 1
                while (j >= 0 and sents[j].kind == "list" and sents[j].section == s.section
                       and len(_shares(sents[j])) == 1):
                    siblings.insert(0, _shares(sents[j])[0][0])
                    where.insert(0, sents[j].text)
                    j -= 1
            if len(siblings) < 2:
                continue
            named = interval_sum(figure_interval(f) for f in siblings)
            left = Interval(100 - named.hi, 100 - named.lo)
            parts = " + ".join(f.text for f in siblings)
            if offset and not where:
                out.append(interval_check(
                    left, figure_interval(r, result=True), kind="share", stated=r.text,
                    inputs=[f.text for f in siblings],
                    relation=f"100% - ({parts}) = {r.text} (the elimination line closes the breakdown)",
                    sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
                    article=article.label, input_sentences=[]))
                continue
            if offset or not left.overlaps(figure_interval(r)):
                continue
            out.append(Check(
                verdict="consistent", kind="share", stated=r.text,
                computed=f"{left.mid:.3f}", computed_low=left.lo, computed_high=left.hi,
                inputs=[f.text for f in siblings],
                relation=f"100% - ({parts}) = {r.text} (the residual bin of a breakdown)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
                article=article.label, refutable=False, input_sentences=where,
            ))
    return out
