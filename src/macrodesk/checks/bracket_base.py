"""A growth whose earlier level is written in brackets after the very same figure of the same
company elsewhere in the article: "牧原股份：2025Q1 归母净利润 44.91 亿元（2024Q1 为 - 23.79 亿元）"
and, in another section, "牧原股份：营收 189.7 亿元，净利润 44.91 亿元（同比 + 291%）". A growth from
a loss is read on the loss's absolute value ((44.91 + 23.79) / 23.79 - 1), the usual convention but
not the only one, and the figure is matched by its label and digits only: a fit confirms, a
mismatch proves nothing."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check
from macrodesk.models import Article, Figure, FigureKind, Sentence

_LABEL = re.compile(r"^[\s\d.、*\-]*([\u4e00-\u9fa5A-Za-z]{2,10})\s*\**\s*[：:]")
_BASE_OPEN = re.compile(r"\s*[（(]\s*$")
_BASE_IS = re.compile(r"^\s*(?:为|：|:)\s*$")
_BASE_CLOSE = re.compile(r"^\s*[）)]")
_ANY_BASE = re.compile(r"[（(]\s*(?:20)?\d{2}\s*(?:年|Q[1-4]|H[12])\s*为")
_GROWTH_LEAD = re.compile(r"^\s*(?:[（(]\s*同比\s*|[，,]\s*同比\s*(?:增长|增加|上升|下降|减少|下滑)?\s*)$")


def _amount(f: Figure) -> Interval:
    return figure_interval(f).scale(f.scale)


def _bases(sentences: list[tuple[str, Sentence]]) -> dict[tuple[str, str], list[tuple[Figure, Figure, Sentence]]]:
    """(label, figure text) -> the earlier levels written in brackets right after that figure."""
    out: dict[tuple[str, str], list[tuple[Figure, Figure, Sentence]]] = {}
    for label, s in sentences:
        figs = s.figures
        for f, d, b in zip(figs, figs[1:], figs[2:], strict=False):
            if f.kind == FigureKind.MONEY and d.kind == FigureKind.DATE and b.kind == FigureKind.MONEY \
                    and _BASE_OPEN.fullmatch(s.text[f.end:d.start]) and _BASE_IS.match(s.text[d.end:b.start]) \
                    and _BASE_CLOSE.match(s.text[b.end:]) and b.value is not None and b.value != 0:
                own = [x for x in figs if x.kind == FigureKind.DATE and x.end <= f.start]
                ka, kb = (period_key(own[-1].text) if own else None), period_key(d.text)
                if ka and kb and ka[1] == kb[1] and ka[0] - kb[0] == 1:  # a 同比 base: a year before
                    out.setdefault((label, f.text), []).append((d, b, s))
    return out


def find_bracket_bases(article: Article) -> list[Check]:
    if not _ANY_BASE.search(article.text):
        return []
    labelled: list[tuple[str, Sentence]] = []
    for s in article.sentences:
        if s.kind in ("prose", "list") and (m := _LABEL.match(s.text)):
            labelled.append((m.group(1), s))
    bases = _bases(labelled)
    out: list[Check] = []
    for label, s in labelled:
        for f, g in zip(s.figures, s.figures[1:], strict=False):
            found = bases.get((label, f.text), [])
            if f.kind != FigureKind.MONEY or g.kind != FigureKind.PERCENT or g.value is None or not found \
                    or not _GROWTH_LEAD.match(s.text[f.end:g.start]) or any(x[2] is s for x in found):
                continue
            if len({b.value for _, b, _ in found}) != 1:
                continue
            d, b, where = found[0]
            now, base = _amount(f), _amount(b)
            computed = ((now - base) / base.abs()).scale(100)
            stated = signed_interval(g, s.text[f.end:g.start], result=True)
            fits = computed.overlaps(stated)
            relation = (f"({f.text} - ({b.text})) / |{b.text}| = {g.text}" if (b.value or 0) < 0
                        else f"{f.text} / {b.text} - 1 = {g.text}")
            out.append(Check(
                verdict="consistent" if fits else "unverifiable", kind="growth", stated=g.text,
                computed=f"{computed.mid:.3f}" if fits else "", computed_low=computed.lo, computed_high=computed.hi,
                inputs=[b.text, f.text], relation=f"{relation} ({d.text} level written with {label}'s {f.text})",
                note="; ".join(x for x in (
                    "growth from a loss, on its absolute value" if (b.value or 0) < 0 else "",
                    "" if fits else "the earlier level is matched by label and digits only: a mismatch proves nothing")
                    if x),
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[where.text, s.text], refutable=False))
    return out
