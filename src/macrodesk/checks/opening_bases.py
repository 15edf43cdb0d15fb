"""A sentence that opens on the base of the level before it: "Q3中芯国际销售额为10.825亿美元，首破十亿美元
大关。相较于2020年第二季度的9.39亿美元增加15.3%，相较于2019年第三季度的8.17亿美元增加32.6%". Its subject
is in the sentence before, so the level is found by its fit among that sentence's amounts of the base's
unit: a fit confirms, a miss proves nothing."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, signed_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind, canonical_unit

# the comparison a sentence (or a later clause of it) opens on, with the base's period
_OPENS_WORDS = r"(?:相较于?|较|与|相比于?|对比)\s*(?:(?:19|20)?\d{2}\s*年)?[^，,。；;\d]{0,10}?(?:的)?\s*$"
_OPENS = re.compile(r"^\s*" + _OPENS_WORDS)
_CLAUSE_OPENS = re.compile(r"^\s*[，,]\s*" + _OPENS_WORDS)
_MOVE = re.compile(r"^\s*(?:相比)?\s*(?:的)?\s*(增加|增长|上升|提升|提高|上涨|下降|减少|下滑|回落|降低|下跌)\s*(?:了|约)?\s*$")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# a threshold passed, not a level: "首破十亿美元大关", "突破 100 亿元"
_THRESHOLD = re.compile(r"(?:破|突破|超过|超|逾|大关)\s*$")


def find_opening_bases(article: Article) -> list[Check]:
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for before, s in zip(prose, prose[1:], strict=False):
        if before.paragraph != s.paragraph or not before.text.rstrip().endswith("。"):
            continue
        figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
        levels = [f for f in before.figures if f.kind in _AMOUNTS and f.value is not None and not f.is_range
                  and (f.value or 0) > 0 and not _THRESHOLD.search(before.text[max(0, f.start - 3):f.start])
                  and not _THRESHOLD.match(before.text[f.end:f.end + 2])]
        for k in range(len(figs) - 1):
            base, rate = figs[k], figs[k + 1]
            lead = s.text[figs[k - 1].end if k else 0:base.start]
            opens = _OPENS.match(lead) if k == 0 else _CLAUSE_OPENS.match(lead)
            move = _MOVE.match(s.text[base.end:rate.start])
            if opens is None or move is None or base.kind not in _AMOUNTS or rate.kind != FigureKind.PERCENT \
                    or (base.value or 0) <= 0 or (k and figs[k - 1].kind != FigureKind.PERCENT):
                continue
            unit = canonical_unit(base.kind, base.unit)
            cands = [f for f in levels if canonical_unit(f.kind, f.unit) == unit]
            if not cands:
                continue
            stated = signed_interval(rate, move.group(1), result=True)
            fits = [f for f in cands if _growth(f, base).overlaps(stated)]
            level: Figure = fits[0] if len(fits) == 1 else cands[-1]
            got = _growth(level, base)
            chk = interval_check(
                got, stated, kind="growth", stated=rate.text, inputs=[level.text, base.text],
                relation=f"({level.text}/{base.text} - 1) = {rate.text} (the level in the sentence before, the base "
                         f"this one opens on; {fmt(got.mid)}%)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[before.text, s.text])
            if chk.verdict == "inconsistent" or len(fits) == 1:
                out.append(confirm_only(chk, "the level is found by its fit in the sentence before"))
    return [c for c in out if c.verdict != "unverifiable"]


def _growth(level: Figure, base: Figure) -> Interval:
    return (interval(level) / interval(base) - Interval(1, 1)).scale(100)
