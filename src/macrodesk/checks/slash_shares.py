"""A share of a "/"-pair written before it: "乘用车 / 电动车销量为 119.1/69.7 万辆，渗透率 59%" is the
smaller of the pair over the larger (69.7 / 119.1), the subset's share of its market."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind

# the pair's two numbers share the unit written after the second: "119.1/69.7 万辆"
_SLASH = re.compile(r"^\s*/\s*$")
# the share right after the pair, in the next clause: "，渗透率 59%", "，占比约 52%"
_SHARE = re.compile(r"^\s*[，,]?\s*(?P<word>渗透率|占比)\s*(?:为|达|约|约为|达到)?\s*$")


def find_slash_shares(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "/" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for a, b, z in zip(figs, figs[1:], figs[2:], strict=False):
            if not _pair(s.text, a, b) or z.kind != FigureKind.PERCENT or z.value is None:
                continue
            m = _SHARE.match(s.text[b.end:z.start])
            if m is None:
                continue
            scale = b.scale or 1.0
            x = interval(a.model_copy(update={"kind": b.kind, "unit": b.unit, "scale": scale}))
            y = interval(b)
            part, whole = (x, y) if x.hi <= y.lo else (y, x) if y.hi <= x.lo else (None, None)
            if part is None or whole is None or whole.lo <= 0:
                continue
            first = f"{a.text} {b.unit}"
            small, big = (first, b.text) if part is x else (b.text, first)
            chk = interval_check(
                (part / whole).scale(100), figure_interval(z, result=True), kind="share", stated=z.text,
                inputs=[small, big], relation=f"{small} / {big} = {z.text} (the smaller of the pair over the larger)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
            chk.article = article.label
            # a penetration is the subset's share of its market; a bare 占比 may be of another whole
            out.append(chk if m.group("word") == "渗透率" else confirm_only(chk, "the pair need not be part and whole"))
    return out


def _pair(text: str, a: Figure, b: Figure) -> bool:
    return a.kind == FigureKind.NUMBER and a.value is not None and not a.is_range and b.value is not None \
        and not b.is_range and b.kind in (FigureKind.QUANTITY, FigureKind.MONEY) and bool(b.unit) \
        and _SLASH.match(text[a.end:b.start]) is not None
