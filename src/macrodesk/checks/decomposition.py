"""A growth split into volume and price: "同店销售收入同比 + 7.7%，客流量 + 2.6%，客单价 + 5.0%" is
(1 + 2.6%)(1 + 5.0%) − 1 = 7.7%, as sales are traffic times ticket."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import FALL_BEFORE, Interval, signed_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind

_TOTAL = re.compile(r"(?:销售额|销售收入|营收|收入|销售|GMV|成交额)[^，,。；;（(]{0,8}$")
_VOLUME = re.compile(r"(?:客流量?|客数|来客数|交易笔数|订单量|销量)[^，,。；;]{0,4}$")
_PRICE = re.compile(r"(?:客单价|均价|单价|ASP|件单价)[^，,。；;]{0,4}$")


def _one_plus(f: Figure, before: str) -> str:
    text = re.sub(r"\s+", "", f.text)
    if FALL_BEFORE.search(before) and not text.startswith(("-", "−", "－")):
        text = "-" + text.lstrip("+")
    return f"(1{text})" if text[:1] in "+-−－" else f"(1+{text})"


def find_decompositions(article: Article) -> list[Check]:
    """In one sentence, a sales growth followed by the growth of its volume (客流) and of its
    price (客单价): the two multiply to the total."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        pct = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
        for i, total in enumerate(pct[:-2]):
            lead = s.text[max(0, total.start - 16):total.start]
            if not _TOTAL.search(lead):
                continue
            vol, price = pct[i + 1], pct[i + 2]
            vlead, plead = s.text[total.end:vol.start], s.text[vol.end:price.start]
            if not (_VOLUME.search(vlead) and _PRICE.search(plead)):
                continue
            one = Interval(1.0, 1.0)
            got = ((one + signed_interval(vol, vlead).scale(0.01)) * (one + signed_interval(price, plead).scale(0.01)) - one).scale(100)
            stated = signed_interval(total, lead, result=True)
            fits = got.overlaps(stated)
            verdict: Verdict = "consistent" if fits else "inconsistent"
            out.append(Check(
                verdict=verdict, kind="product", stated=total.text,
                computed=f"{got.mid:.3f}", computed_low=got.lo, computed_high=got.hi,
                gap=None if fits else got.distance(stated), inputs=[vol.text, price.text],
                relation=f"{_one_plus(vol, vlead)}{_one_plus(price, plead)} - 1 = {total.text} (volume × price)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
            ))
    return out
