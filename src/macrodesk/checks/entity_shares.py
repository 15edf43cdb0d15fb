"""A company's market share against its own volume and the market's, written apart: "圆通速递市占率
15.75%" with "圆通速递 7 月快递业务量 25.38 亿票" and "2025 年 7 月，快递业务量 164.0 亿件" is 25.38 / 164.0.
The company's level is the one its name opens; the market's is the only one of the measure that
names no company."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import date_before
from macrodesk.models import Article, Figure, FigureKind, Sentence

_SHARE = re.compile(r"([\u4e00-\u9fa5A-Za-z]{2,10})(?:的)?(?:市占率|市场份额|份额)\s*(?:为|约|达)?\s*$")
_MEASURES = ("业务量", "销量", "出货量", "交付量", "产量")
# counted things one market counts in either word: parcels are 件 for the market, 票 for a company
_COUNTERS = {"件": "件", "票": "件", "单": "件", "辆": "辆", "台": "台", "部": "台", "吨": "吨"}
_LEVELS = (FigureKind.QUANTITY, FigureKind.NUMBER)


def _counter(s: Sentence, f: Figure) -> str | None:
    unit = re.sub(r"^[万亿千百]+", "", f.unit)
    word = unit or s.text[f.end:f.end + 2].strip()[:1]
    return _COUNTERS.get(word[:1]) if word else None


def _measure(s: Sentence, f: Figure) -> str | None:
    before = s.text[max(s.text.rfind(ch, 0, f.start) for ch in "，,；;。：:") + 1:f.start]
    m = re.search(rf"({'|'.join(_MEASURES)})\s*(?:为|达|约|共)?\s*$", before)
    return m.group(1) if m else None


def _period(s: Sentence, f: Figure) -> tuple[int, str] | None:
    date = date_before(s.figures, f.start)
    return period_key(date.text) if date else None


def _month(s: Sentence, f: Figure) -> str | None:
    """The month a level is dated in by its sentence ("7 月", "2025 年 7 月" -> "7"); "span" for a
    span of months ("1-7 月累计"), None when undated."""
    date = date_before(s.figures, f.start)
    if date is None:
        return None
    if re.search(r"\d\s*[-~～—至]\s*\d{1,2}\s*月", date.text):
        return "span"
    m = re.search(r"(\d{1,2})\s*月", date.text)
    return m.group(1) if m else None


def find_entity_shares(article: Article) -> list[Check]:
    if "市占率" not in article.text and "市场份额" not in article.text:
        return []
    shares: list[tuple[Sentence, Figure, str]] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        for f in s.figures:
            if f.kind == FigureKind.PERCENT and not f.is_range and f.value is not None:
                clause = s.text[max(s.text.rfind(ch, 0, f.start) for ch in "，,；;。") + 1:f.start]
                m = _SHARE.search(clause)
                # "- **顺丰控股**：7 月市占率 8.40%": the list item's label names the company
                label = re.match(r"^\s*([\u4e00-\u9fa5A-Za-z]{2,10})[：:]", s.text)
                if m:
                    shares.append((s, f, re.sub(r"^其中", "", m.group(1))))
                elif label and re.search(r"(?:市占率|市场份额)\s*(?:为|约|达)?\s*$", clause):
                    shares.append((s, f, label.group(1)))
    if not shares:
        return []
    names = {name for _, _, name in shares}
    levels = [(s, f, measure) for s in article.sentences if s.kind in ("prose", "list") for f in s.figures
              if f.kind in _LEVELS and f.value and not f.is_range and (measure := _measure(s, f))]
    out: list[Check] = []
    for s, share, name in shares:
        parts = [(ls, f, m) for ls, f, m in levels if ls.text.lstrip("*- ").startswith(name)
                 or re.search(rf"{re.escape(name)}[^，,。；;\d]{{0,12}}$", ls.text[:f.start])]
        if len({(f.value, m) for _, f, m in parts}) != 1:
            continue
        ps, part, measure = parts[0]
        when, month = _period(ps, part), _month(ps, part)
        wholes = [(ws, f) for ws, f, m in levels if m == measure and not any(n in ws.text for n in names)
                  and (month is None or _month(ws, f) == month)
                  and f.scale * (f.value or 0) > part.scale * (part.value or 0)
                  and _counter(ws, f) == _counter(ps, part) and _counter(ps, part) is not None
                  and (when is None or _period(ws, f) in (when, None)) and "累计" not in ws.text[:f.start][-8:]]
        if len({f.value for _, f in wholes}) != 1:
            continue
        ws, whole = wholes[0]
        got = (figure_interval(part).scale(part.scale) / figure_interval(whole).scale(whole.scale)).scale(100)
        chk = interval_check(
            got, figure_interval(share, result=True), kind="share", stated=share.text, inputs=[part.text, whole.text],
            relation=f"{part.text} / {whole.text} = {share.text} ({name}'s {measure} over the market's)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[ps.text, ws.text],
            article=article.label,
        )
        out.append(chk)
    return out
