"""A company's market share against its own volume and the market's, written apart: "圆通速递市占率
15.75%" with "圆通速递 7 月快递业务量 25.38 亿票" and "2025 年 7 月，快递业务量 164.0 亿件" is 25.38 / 164.0.
The company's level is the one its name opens; the market's is the only one of the measure that
names no company. The share's 同比 / 环比 change in points follows from both levels' growths of that
basis: last period's share is part / (1 + g_part) over whole / (1 + g_whole) (derived)."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import date_before, stated_growths
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after, clause_start

_SHARE = re.compile(r"([\u4e00-\u9fa5A-Za-z]{2,10})(?:的)?(?:市占率|市场份额|份额)\s*(?:为|约|达)?\s*$")
# every share is read after 市占率 or (市场)份额 in its own sentence
_NEEDS = re.compile(r"市占率|份额")
_MEASURES = ("业务量", "销量", "出货量", "交付量", "产量")
# counted things one market counts in either word: parcels are 件 for the market, 票 for a company
_COUNTERS = {"件": "件", "票": "件", "单": "件", "辆": "辆", "台": "台", "部": "台", "吨": "吨"}
_LEVELS = (FigureKind.QUANTITY, FigureKind.NUMBER)


_ITEM_LABEL = re.compile(r"^\s*([\u4e00-\u9fa5A-Za-z]{2,10})[：:]")


def _counter(s: Sentence, f: Figure) -> str | None:
    unit = re.sub(r"^[万亿千百]+", "", f.unit)
    word = unit or chars_after(s.text, f.end, 2).strip()[:1]
    return _COUNTERS.get(word[:1]) if word else None


def _measure(s: Sentence, f: Figure) -> str | None:
    before = s.text[clause_start(s.text, f.start, "，,；;。：:"):f.start]
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
    if "市占率" not in article.text and "市场份额" not in article.text or not mentions(article, _NEEDS):
        return []
    shares: list[tuple[Sentence, Figure, str]] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "市占率" not in s.text and "份额" not in s.text:
            continue
        for f in s.figures:
            if f.kind == FigureKind.PERCENT and not f.is_range and f.value is not None:
                clause = s.text[clause_start(s.text, f.start, "，,；;。"):f.start]
                m = _SHARE.search(clause)
                # "- **顺丰控股**：7 月市占率 8.40%": the list item's label names the company
                label = _ITEM_LABEL.match(s.text)
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
        out.extend(_changes(article, s, share, name, (ps, part), (ws, whole), got))
    return out


def _changes(article: Article, s: Sentence, share: Figure, name: str, part: tuple[Sentence, Figure],
             whole: tuple[Sentence, Figure], now: Interval) -> list[Check]:
    """The share's stated change in points on each basis both levels state a growth on."""
    out = []
    gp, gw = stated_growths(*part), stated_growths(*whole)
    one = Interval(1.0, 1.0)
    for basis, (stated, change) in stated_growths(s, share, FigureKind.POINTS).items():
        if basis not in gp or basis not in gw:
            continue
        fp, fw = one + gp[basis][1].scale(0.01), one + gw[basis][1].scale(0.01)
        if fp.lo <= 0 or fw.lo <= 0:
            continue
        # now − now·(1+g_whole)/(1+g_part): the current share enters once, so the interval is tight.
        # The share as written or as its volumes make it: a written share that is off (513's 15.75%
        # for 15.48%) is one error, already refuted, and its change agrees with it
        got = now * (one - fw / fp)
        as_written = figure_interval(share, result=True) * (one - fw / fp)
        if as_written.overlaps(change):
            got = as_written
        out.append(interval_check(
            got, change, kind="change", stated=stated.text,
            inputs=[part[1].text, gp[basis][0].text, whole[1].text, gw[basis][0].text],
            relation=(f"{part[1].text} / {whole[1].text} - 上期 ({_prior(part[1], gp[basis])} / "
                      f"{_prior(whole[1], gw[basis])}) = {stated.text} ({name}'s share, {basis})"),
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
            input_sentences=[part[0].text, part[0].text, whole[0].text, whole[0].text], article=article.label,
        ))
    return out


def _prior(level: Figure, growth: tuple[Figure, Interval]) -> str:
    sign = "-" if growth[1].mid < 0 else "+"
    return f"{level.text}/(1{sign}{growth[0].text.lstrip('+-−－ ')})"
