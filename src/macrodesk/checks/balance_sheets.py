"""A supply and demand balance sheet in one sentence: "期初库存 103.00，产量 145.28，进口量 2.10，国内消费量
144.62，出口量 1.00，期末库存量 103.50" — the closing stock is the opening stock plus output and imports
less domestic use and exports (103.00 + 145.28 + 2.10 − 144.62 − 1.00 = 104.76)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import interval_sum
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# each item by the words right before its figure; a part of domestic use (饲料消费, 压榨量) is no item
_ITEMS = {
    "opening": re.compile(r"期初(?:库存|结余|结转)量?\s*(?:为|约)?\s*$"),
    "output": re.compile(r"(?<![进出])产量\s*(?:为|约)?\s*$"),
    "imports": re.compile(r"进口量?\s*(?:为|约)?\s*$"),
    "use": re.compile(r"(?:国内|总)消费量?\s*(?:为|约)?\s*$"),
    "exports": re.compile(r"出口量?\s*(?:为|约)?\s*$"),
    "closing": re.compile(r"期末(?:库存|结余|结转)量?\s*(?:为|约)?\s*$"),
}
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)


def _item(s: Sentence, f: Figure) -> str | None:
    before = s.text[clause_start(s.text, f.start, "，,；;。：:（("):f.start]
    found = [name for name, rx in _ITEMS.items() if rx.search(before)]
    return found[0] if len(found) == 1 else None


def find_balance_sheets(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "期初" not in s.text or "期末" not in s.text:
            continue
        items: dict[str, list[Figure]] = {}
        for f in s.figures:
            if f.kind in _LEVELS and f.value is not None and not f.is_range and (name := _item(s, f)):
                items.setdefault(name, []).append(f)
        if any(len(v) != 1 for v in items.values()) or not {"opening", "output", "use", "closing"} <= set(items):
            continue
        figs = {k: v[0] for k, v in items.items()}
        if len({unit_key(s, f) for f in figs.values()}) != 1:
            continue
        plus = [figs[k] for k in ("opening", "output", "imports") if k in figs]
        minus = [figs[k] for k in ("use", "exports") if k in figs]
        got = interval_sum(interval(f) for f in plus) - interval_sum(interval(f) for f in minus)
        closing = figs["closing"]
        scale = closing.scale or 1.0
        shown = " + ".join(f.text for f in plus) + "".join(f" - {f.text}" for f in minus)
        chk = interval_check(
            got.scale(1 / scale), interval(closing).scale(1 / scale), kind="sum", stated=closing.text,
            inputs=[f.text for f in plus + minus],
            relation=f"{shown} = {closing.text} (opening stock + output + imports - use - exports)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * len(plus + minus),
            article=article.label,
        )
        chk.computed = fmt(got.mid / scale)
        out.append(chk)
    return out
