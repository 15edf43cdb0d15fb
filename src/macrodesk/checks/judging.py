"""One relation judged: the `Check` model and its verdict, a stated figure against the readings
recomputed from its inputs (`judge`, `unverifiable`, `hedge`), and how numbers are shown."""

from __future__ import annotations

import math
import re
from typing import Any, Literal, TypedDict

from pydantic import BaseModel, Field

from macrodesk.checks.intervals import Interval
from macrodesk.checks.tokens import Para, Tok, bound_side
from macrodesk.models import FigureKind

Verdict = Literal["consistent", "inconsistent", "unverifiable"]
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "unverifiable")


class Check(BaseModel):
    """One relation an article states between its figures, recomputed."""

    verdict: Verdict
    kind: str  # change, growth, cagr, expression, difference, sum, share
    stated: str  # the figure the text gives as the result, as written
    computed: str = ""  # what the inputs give, at their stated precision ("" if unverifiable)
    computed_low: float | None = None
    computed_high: float | None = None
    gap: float | None = None  # distance from the stated value to the computed range (inconsistent)
    inputs: list[str] = Field(default_factory=list)
    relation: str = ""  # the relation as a formula, e.g. "|8.9% - 3.8%| = 5.1个百分点"
    note: str = ""  # why a relation is unverifiable, or which reading held
    sentence: str = ""
    sentence_id: str = ""
    paragraph: int = 0
    article: str = ""  # the article's label (title or path)
    derived: bool = False  # needs an intermediate the text does not state (shown in `relation`)
    input_sentences: list[str] = Field(default_factory=list)  # where each input is written
    # False when the inputs were one of several that line up: the verdict can confirm the
    # stated figure but could not have refuted it (a mismatch would be unverifiable)
    refutable: bool = True


# ---------------------------------------------------------------- judging one relation

LEVEL_KINDS = {FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER}


def fmt(x: float) -> str:
    if x == 0 or not math.isfinite(x):
        return str(x)
    mag = abs(x)
    if mag >= 1e8:
        return f"{x:.4g}"
    return f"{x:.4f}".rstrip("0").rstrip(".") if mag < 1 else f"{x:.3f}".rstrip("0").rstrip(".")


class _CheckSource(TypedDict):
    """The fields of a Check that say which figures it relates and where they are written."""

    kind: str
    stated: str
    inputs: list[str]
    sentence: str
    sentence_id: str
    paragraph: int
    input_sentences: list[str]


def judge(
    para: Para, kind: str, stated: Tok, inputs: list[Tok],
    readings: list[tuple[str, Interval]], *, magnitude: bool = True, base: float = 1.0,
    stated_iv: Interval | None = None, bounds: bool = False,
) -> Check:
    """Compare the stated figure with every reading of the relation: consistent if any reading
    allows it, inconsistent (with the nearest reading and the gap) if none does. `computed` is
    written in the stated figure's unit (126.1 for 126.1亿元, not 1.261e+10). `bounds`: a stated
    bound (近/超/不到) of a relation over certain inputs is confirmed when the result lies within a
    tenth of it on its side."""
    sents = sorted({stated.sent, *(t.sent for t in inputs)})
    sentence = "".join(para.sentences[i].text for i in sents)
    common = _CheckSource(
        kind=kind, stated=stated.text, inputs=[t.text for t in inputs], sentence=sentence,
        sentence_id=para.sentences[stated.sent].id, paragraph=para.sentences[stated.sent].paragraph,
        input_sentences=[para.sentences[t.sent].text for t in inputs],
    )
    if any(t.bound for t in (stated, *inputs)):
        fit = None if not bounds or any(t.bound for t in inputs) else _within_bound(
            para, stated, stated_iv, base, readings, magnitude)
        if fit is not None:
            formula, got = fit
            show = 1.0 if base != 1.0 else (stated.fig.scale or 1.0)
            return Check(verdict="consistent", computed=fmt(got.mid / show), computed_low=got.lo / show,
                         computed_high=got.hi / show, relation=formula, refutable=False,
                         note="the stated figure is a bound (近/超/不到): the result lies within a tenth of it "
                              "on its side; a result outside proves nothing", **common)
        return Check(verdict="unverifiable", relation=readings[0][0] if readings else "",
                     note="a figure is a bound (超/近/以上), not a value", **common)
    s = (stated_iv or stated.interval(result=True)).scale(1 / base)
    if magnitude:
        s = s.abs()
    best: tuple[float, str, Interval] | None = None
    for formula, iv in readings:
        got = iv.abs() if magnitude else iv
        d = s.distance(got)
        if best is None or d < best[0]:
            best = (d, formula, got)
    assert best is not None
    d, formula, got = best
    verdict: Verdict = "consistent" if d == 0 else "inconsistent"
    # results in base units (元, points) are shown in the unit the article writes the figure in
    show = 1.0 if base != 1.0 else (stated.fig.scale or 1.0)
    return Check(
        verdict=verdict, computed=fmt(got.mid / show), computed_low=got.lo / show,
        computed_high=got.hi / show, gap=None if d == 0 else round(d / show, 6), relation=formula,
        note="" if len(readings) == 1 else f"readings tried: {len(readings)}", **common,
    )


def _within_bound(para: Para, stated: Tok, stated_iv: Interval | None, base: float,
                  readings: list[tuple[str, Interval]], magnitude: bool) -> tuple[str, Interval] | None:
    """The reading whose result lies on the side of a bound the words name and within a tenth of it
    ("从…828 亿元降至…256 亿元，下跌近 70%": 69.1%), compared as magnitudes of one sign; None when
    no reading does or the side is not named (最高, 上限)."""
    side = bound_side(para.raw[stated.sent], stated.fig)
    if not side:
        return None
    # the bound as written, give or take half its last digit, not a rounded reading ("70%" as 65-75%)
    value = stated.fig.value
    if not value:
        return None
    mid = stated.interval().mid
    half = 0.5 * 10 ** -(stated.fig.decimals or 0) * abs(mid / value)
    s = Interval(mid - half, mid + half).scale(1 / base)
    if stated_iv is not None and stated_iv.hi <= 0 < s.lo:
        s = -s  # a fall its verb signs
    if magnitude:
        s = s.abs()
        readings = [(formula, iv.abs()) for formula, iv in readings]
    if s.lo < 0 < s.hi:
        return None
    sign = -1.0 if s.hi <= 0 else 1.0
    lo, hi = (s.lo * sign, s.hi * sign) if sign > 0 else (s.hi * sign, s.lo * sign)
    window = Interval(lo, hi * 1.1) if side > 0 else Interval(lo * 0.9, hi)
    for formula, iv in readings:
        got = Interval(iv.lo * sign, iv.hi * sign) if sign > 0 else Interval(iv.hi * sign, iv.lo * sign)
        if got.lo > 0 and window.lo <= got.lo and got.hi <= window.hi:
            return formula, iv
    return None


def interval_check(got: Interval, written: Interval, /, *, fits: bool | None = None, **fields: Any) -> Check:
    """A relation over certain inputs, recomputed as the interval `got`: consistent when it meets
    the stated figure's interval `written` (or when `fits` says so, for a wider reading), else
    inconsistent with the gap. `fields` are the Check's other fields (kind, stated, inputs, …)."""
    ok = got.overlaps(written) if fits is None else fits
    return Check(
        verdict="consistent" if ok else "inconsistent", computed=f"{got.mid:.3f}",
        computed_low=got.lo, computed_high=got.hi,
        gap=None if ok else got.distance(written), **fields,
    )


def unverifiable(para: Para, kind: str, stated: Tok, inputs: list[Tok], relation: str,
                 note: str) -> Check:
    return Check(
        verdict="unverifiable", kind=kind, stated=stated.text, inputs=[t.text for t in inputs],
        relation=relation, note=note, sentence=para.sentences[stated.sent].text,
        sentence_id=para.sentences[stated.sent].id, paragraph=para.sentences[stated.sent].paragraph,
        input_sentences=[para.sentences[t.sent].text for t in inputs],
    )


def hedge(sec: Para, chk: Check, why: str) -> Check:
    """A relation over inputs that are not certain: a fit confirms the stated figure, a
    mismatch proves nothing (unverifiable)."""
    return confirm_only(chk, why)


# a sector's or an index's companies taken together: their minorities may well lose money in
# sum (260: SW 电子's 净利率 3.66% below its 归母 ratio 3.88%, with loss-making panel makers).
# SECTOR: the words that make a whole text one about companies taken together; _AGGREGATE:
# those that do in the sentences of one margin (行业 and 整体 too, which company research also uses)
SECTOR = re.compile(r"板块|申万|SW|样本|家公司|家上市公司|成分股|行业整体|全行业|重点公司")
_AGGREGATE = re.compile(r"行业|板块|申万|SW|整体|合计|样本|成分|家公司|个股")


def on_total_profit(chk: Check, stated: Interval, *, sector: bool = False) -> Check:
    """A 净利率 on total profit (销售净利率, or a plain one) judged against 归母 profit / revenue.
    Total profit is 归母 profit plus the minorities' share, which is positive unless the
    minority-held subsidiaries lose money: a margin above the 归母 ratio may be that share, one
    below it says a company's minorities lost money, which the text would have to say. `sector`:
    the text is about companies taken together (`SECTOR`), whose minorities may lose money in sum."""
    if sector:
        return confirm_only(chk, "净利率 of companies taken together may be on total profit")
    # (in a year of losses a margin below the 归母 ratio is the minorities' share of the losses,
    # as common as their share of profits: "归母净利润-1.62亿元…净利率-31.9%" on 6.3亿元 of revenue)
    if chk.verdict == "inconsistent" and chk.computed_low is not None and stated.hi < chk.computed_low \
            and chk.computed_low > 0 \
            and not any(_AGGREGATE.search(x) for x in (chk.sentence, *chk.input_sentences)):
        chk.note = (chk.note + "; " if chk.note else "") + (
            "净利率 below 归母净利润 / 营收: total profit would be below the 归母 profit, minorities losing money")
        return chk
    return confirm_only(chk, "净利率 may be on total profit; only 归母 profit is written")


def confirm_only(chk: Check, why: str) -> Check:
    """`hedge` for a check built from figures rather than a paragraph's tokens."""
    if chk.verdict == "inconsistent":
        return Check(**{**chk.model_dump(), "verdict": "unverifiable", "computed": "",
                        "computed_low": None, "computed_high": None, "gap": None,
                        "note": f"{why}, and none fits"})
    chk.refutable = False
    chk.note = (chk.note + "; " if chk.note else "") + why
    return chk
