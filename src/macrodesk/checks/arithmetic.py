"""Re-derive the arithmetic an article states between its figures (changes, growth, gaps, sums,
shares, explicit expressions) and judge each relation with interval arithmetic at stated precision."""

from __future__ import annotations

import copy
import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, TypedDict

from pydantic import BaseModel, Field

from macrodesk.checks.frames import common_metric, frame_of
from macrodesk.figures import extract_figures
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit
from macrodesk.readers import article_from_text

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


# ---------------------------------------------------------------- interval arithmetic


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi]: every value a rounded figure may stand for."""

    lo: float
    hi: float

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, o: Interval) -> Interval:
        ps = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(ps), max(ps))

    def __truediv__(self, o: Interval) -> Interval:
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        return self * Interval(1 / o.hi, 1 / o.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, k: float) -> Interval:
        return self * Interval(k, k)

    def abs(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(0.0, max(-self.lo, self.hi))

    def pow(self, e: float) -> Interval:
        """Power of a positive interval (for compound growth)."""
        if self.lo <= 0:
            raise ValueError("power of a non-positive interval")
        return Interval(self.lo ** e, self.hi ** e)

    def overlaps(self, o: Interval) -> bool:
        eps = 1e-9 * max(1.0, abs(self.lo), abs(self.hi), abs(o.lo), abs(o.hi))
        return self.lo <= o.hi + eps and o.lo <= self.hi + eps

    def distance(self, o: Interval) -> float:
        if self.overlaps(o):
            return 0.0
        return o.lo - self.hi if o.lo > self.hi else self.lo - o.hi

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def precision_unit(fig: Figure, *, result: bool = False) -> float:
    """One unit of the last written digit: 8.9 -> 0.1, 12 -> 1, 2500 (亿) -> 100.

    Whole numbers of four or more digits ending in zeros (1000万吨, 2500亿元) are usually rounded
    to their last non-zero digit, so that digit sets the unit; a stated percentage result ending
    in zero ("降幅达80%") is read the same way from two digits up."""
    if fig.decimals > 0:
        return 10.0 ** -fig.decimals
    v = abs(fig.value or 0.0)
    unit = 1.0
    if v == int(v) and (v >= 1000 or (result and v >= 10 and fig.kind == FigureKind.PERCENT)):
        n = int(v)
        while n % 10 == 0 and n >= 10:
            n //= 10
            unit *= 10
    return unit


def figure_interval(fig: Figure, *, approx: bool = False, result: bool = False) -> Interval:
    """The values a written figure stands for: half a unit of its last digit either side,
    one more unit when it is marked 约/左右 (issue 8, rule 2).

    A stated result may also have been truncated rather than rounded (48.56% written "48%"),
    so its interval reaches one whole unit away from zero."""
    assert fig.value is not None
    u = precision_unit(fig, result=result)
    half = u / 2 + (u if approx or fig.approx else 0.0)
    lo, hi = fig.value - half, fig.value + half
    if result:
        if fig.value >= 0:
            hi = fig.value + u + (u if approx or fig.approx else 0.0)
        else:
            lo = fig.value - u - (u if approx or fig.approx else 0.0)
    return Interval(lo, hi)


# ---------------------------------------------------------------- figures of a paragraph

# figures.extract_figures drops a number that follows "letters + space" ("GDP 5.2%", "vs 37.4%"):
# a length-preserving mark in place of that space keeps the number and every offset.
_LETTER_SPACE = re.compile(r"(?<=[A-Za-z])[ \t](?=[+\-−－]?\d)")
_BOUND_BEFORE = re.compile(r"(?:超过|超|逾|高于|不低于|至少|接近|将近|近|不到|低于|不足|少于|最高|最低|上限|下限)\s*$")
_BOUND_AFTER = re.compile(r"^\s*(?:以上|以下|以内|之上|之下|多|余|\+(?!\s*\d))")
_APPROX_BEFORE = re.compile(r"(?:约|大约|约为|大概|≈|~|～)\s*$")
_APPROX_AFTER = re.compile(r"^\s*(?:左右|上下|附近)")


_SPACE = re.compile(r"[\s·]+")


# "沪深 300 指数", "标普500": the digits name an index, they are not a figure
_INDEX_NAME = re.compile(r"(?<=沪深|中证|上证|标普|深证|国证|恒生|富时|日经|罗素)(\s*)(\d{2,4})(?!\s*(?:点|%|亿|万))")


def _shield(text: str) -> str:
    text = _INDEX_NAME.sub(lambda m: m.group(1) + "Ｘ" * len(m.group(2)), text)
    return _LETTER_SPACE.sub("·", text)


@dataclass
class Tok:
    """One figure of a paragraph with where it stands and how loosely it is meant."""

    fig: Figure
    sent: int  # index of its sentence within the paragraph
    approx: bool = False
    bound: bool = False  # 超/近/以上: a bound, not a value

    @property
    def text(self) -> str:
        return self.fig.text

    @functools.cached_property
    def cunit(self) -> tuple[str, str]:
        return self.fig.kind.value, canonical_unit(self.fig.kind, self.fig.unit)

    def interval(self, *, result: bool = False) -> Interval:
        """In the unit's base (亿元 -> 元, bp -> percentage points)."""
        return figure_interval(self.fig, approx=self.approx, result=result).scale(self.fig.scale)


FIG_BASE = 0xE000
FIG = "[\ue000-\uefff]"
DATE_MARK = "\uf8ff"  # a date stands between figures, never one of them
OTHER_MARK = "\uf8fe"  # a range or an unusable figure: it breaks a relation
_NOFIG = "\ue000-\uefff\uf8fe"


def W(n: int, extra: str = "") -> str:  # noqa: N802 - reads like a regex macro
    """Up to n characters inside one clause, no figure among them."""
    return f"[^，,。；;！？!?：:{_NOFIG}{extra}]{{0,{n}}}"


def WS(n: int) -> str:  # noqa: N802
    """Up to n characters inside one sentence (commas allowed), no figure among them."""
    return f"[^。；;！？!?{_NOFIG}]{{0,{n}}}"


@dataclass
class Para:
    index: int
    sentences: list[Sentence]
    masked: str = ""
    toks: list[Tok] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # shielded sentence texts

    def tok(self, ch: str) -> Tok:
        return self.toks[ord(ch) - FIG_BASE]


# a sentence read once per article: its shielded text, and its pieces in order (text between
# figures with spaces removed, a date or unusable mark, or a figure with how loosely it is meant)
_Piece = str | tuple[Figure, bool, bool]
_Cache = dict[str, tuple[str, list[_Piece]]]
_STOPS = ("。", "；", ";", "！", "？", "!", "?")


def _read(s: Sentence, cache: _Cache | None) -> tuple[str, list[_Piece]]:
    if cache is not None and s.text in cache:
        return cache[s.text]
    text = _shield(s.text)
    # segmenting already read the sentence's figures; read again only when shielding changed it
    same = text == s.text and (s.figures or not any(ch.isdigit() for ch in text))
    figs = list(s.figures) if same else extract_figures(text)
    if any(f.high is not None for f in figs):
        figs = _split_change_ranges(text, figs)
    pieces: list[_Piece] = []
    pos = 0
    for f in figs:
        if f.start < pos:
            continue
        pieces.append(_SPACE.sub("", text[pos:f.start]))
        if f.kind == FigureKind.QUANTITY and f.unit == "个" and text[f.end:f.end + 1] == "点":
            # "同比下降 1.1 个点": percentage points (an index point is written 点 alone)
            f = f.model_copy(update={"kind": FigureKind.POINTS, "unit": "个百分点",
                                     "text": f.text + "点", "end": f.end + 1})
        if f.kind == FigureKind.DATE:
            pieces.append(DATE_MARK)
        elif f.value is None or f.high is not None:
            pieces.append(OTHER_MARK)
        else:
            before, after = text[max(0, f.start - 4):f.start], text[f.end:f.end + 3]
            pieces.append((f, bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after)),
                           bool(_BOUND_BEFORE.search(before) or _BOUND_AFTER.match(after))))
        pos = f.end
    tail = _SPACE.sub("", text[pos:])
    pieces.append(tail)
    if not tail.endswith(_STOPS):
        pieces.append("。")  # a list item or a line without a stop still ends a sentence
    got = (text, pieces)
    if cache is not None:
        cache[s.text] = got
    return got


_RANGE_TO = re.compile(r"\s*(?:至|到)\s*")
_CHANGE_BEFORE = re.compile(
    r"(?:上升|提升|提高|增加|增长|上涨|回升|扩大|收窄|下降|下滑|下跌|回落|降低|减少|缩小|增|升|涨|降|跌|减)\s*(?:了|约)?\s*$")
_COMPARED = re.compile(r"同比|环比|较|比上|周|月度|季度")
_FORECAST = re.compile(r"预计|预期|有望|将|目标|区间|范围|介于|每|若|假设")


def _split_change_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    """"证券投资逆差环比收窄 1998 亿元至 2170 亿元", "销售费用率同比 + 2.07% 至 18.33%", "减值损失增加
    63.69 亿元至 1034 亿元": after a change word, "A 至 B" is a change A to a level B, not a range.
    Read so when a change verb stands right before it and the clause compares (同比/环比/较) or the
    range would be implausible (B at least three times A), or when A carries its sign after 同比;
    never in a forecast ("预计增长 5% 至 8%" is a range)."""
    out: list[Figure] = []
    for f in figs:
        m = _RANGE_TO.search(f.text) if f.high is not None and f.value is not None else None
        if m is None or f.value is None or f.high is None:
            out.append(f)
            continue
        starts = [x.end() for x in re.finditer(r"[，,。；;：:（(]", text[:f.start])]
        clause = text[starts[-1] if starts else 0:f.start]
        signed = bool(re.match(r"[+\-−－]", f.text)) and bool(re.search(r"(?:同比|环比|较)[^，,。；;]{0,12}$", clause))
        verb = bool(_CHANGE_BEFORE.search(clause)) and (
            bool(_COMPARED.search(clause)) or f.value > 0 and f.high >= 3 * f.value)
        if _FORECAST.search(clause) or not (signed or verb):
            out.append(f)
            continue
        first = [g for g in extract_figures(text[f.start:f.start + m.start()]) if g.value is not None]
        second = [g for g in extract_figures(text[f.start + m.end():f.end]) if g.value is not None]
        if len(first) != 1 or len(second) != 1 or first[0].kind != second[0].kind:
            out.append(f)
            continue
        a, b = first[0], second[0]
        out.append(a.model_copy(update={"start": f.start + a.start, "end": f.start + a.end}))
        out.append(b.model_copy(update={"start": f.start + m.end() + b.start, "end": f.start + m.end() + b.end}))
    return out


def _build_para(index: int, sentences: list[Sentence], cache: _Cache | None = None) -> Para:
    para = Para(index=index, sentences=sentences)
    parts: list[str] = []
    for si, s in enumerate(sentences):
        # a sentence is read once per article: paragraphs and sections share its pieces
        text, pieces = _read(s, cache)
        para.raw.append(text)
        for piece in pieces:
            if isinstance(piece, str):
                parts.append(piece)
            elif len(para.toks) >= 0xFFF:
                parts.append(OTHER_MARK)
            else:
                parts.append(chr(FIG_BASE + len(para.toks)))
                para.toks.append(Tok(fig=piece[0], sent=si, approx=piece[1], bound=piece[2]))
    para.masked = "".join(parts)
    return para


# ---------------------------------------------------------------- judging one relation

_LEVEL_KINDS = {FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER}


def _fmt(x: float) -> str:
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


def _judge(
    para: Para, kind: str, stated: Tok, inputs: list[Tok],
    readings: list[tuple[str, Interval]], *, magnitude: bool = True, base: float = 1.0,
    stated_iv: Interval | None = None,
) -> Check:
    """Compare the stated figure with every reading of the relation: consistent if any reading
    allows it, inconsistent (with the nearest reading and the gap) if none does. `computed` is
    written in the stated figure's unit (126.1 for 126.1亿元, not 1.261e+10)."""
    sents = sorted({stated.sent, *(t.sent for t in inputs)})
    sentence = "".join(para.sentences[i].text for i in sents)
    common = _CheckSource(
        kind=kind, stated=stated.text, inputs=[t.text for t in inputs], sentence=sentence,
        sentence_id=para.sentences[stated.sent].id, paragraph=para.sentences[stated.sent].paragraph,
        input_sentences=[para.sentences[t.sent].text for t in inputs],
    )
    if any(t.bound for t in (stated, *inputs)):
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
        verdict=verdict, computed=_fmt(got.mid / show), computed_low=got.lo / show,
        computed_high=got.hi / show, gap=None if d == 0 else round(d / show, 6), relation=formula,
        note="" if len(readings) == 1 else f"readings tried: {len(readings)}", **common,
    )


def _unverifiable(para: Para, kind: str, stated: Tok, inputs: list[Tok], relation: str,
                  note: str) -> Check:
    return Check(
        verdict="unverifiable", kind=kind, stated=stated.text, inputs=[t.text for t in inputs],
        relation=relation, note=note, sentence=para.sentences[stated.sent].text,
        sentence_id=para.sentences[stated.sent].id, paragraph=para.sentences[stated.sent].paragraph,
        input_sentences=[para.sentences[t.sent].text for t in inputs],
    )


# ---------------------------------------------------------------- the relations

_UP = "上升|提升|提高|增加|增长|上涨|回升|抬升|上行|扩大|走阔|加快|反弹|跃升|攀升|上调|增|升|涨"
_DOWN = "下降|下滑|下跌|回落|降低|减少|收窄|收敛|下行|放缓|下调|缩小|走低|萎缩|降|跌|减|落"
_VERB = f"(?:{_UP}|{_DOWN}|变动|变化|差距|相差)"
_TO = "(?:至|到|→|->|变为|转为|变成)"
_FROM = "(?:由(?![于此])|从)"
_PP_RELATIVE_OK = re.compile(r"增速|增长率|同比|环比|占比|比重|份额|利率|收益率|毛利率|净利率|渗透率")

# 由A升至B (，上升C个百分点 | 增长C% | 复合增长率C%) and 由A降C个百分点至B
_CHANGE_PAIR = re.compile(
    f"{_FROM}{W(16)}({FIG}){W(10)}{_TO}{W(12)}({FIG})"
)
_CHANGE_TAIL = re.compile(
    f"[，,]?[（(]?(?:累计|合计|共|整体|幅度|变动|变化)?(?:{_VERB})(?:了|幅度|幅)?(?:为|达|约|超|逾|近)?({FIG})"
    f"|[。；;](?:{_VERB})(?:了|幅度|幅)?(?:为|达|约)?({FIG})"
)
_CAGR_TAIL = re.compile(
    f"[，,（(]?(?:期间|年均|年化)?(?:CAGR|复合(?:年均?)?增(?:长)?(?:速|率)?|年均复合增(?:长)?(?:速|率)?"
    f"|年复合增(?:长)?(?:速|率)?|年均增(?:长|速)?(?:率)?|年化增(?:长)?(?:速|率)?)"
    f"(?:为|达|约|达到|高达)?({FIG})"
)
_CHANGE_INNER = re.compile(
    f"(?:{_FROM}|较|(?<![占对])比(?![例重率值较])){W(16)}({FIG}){W(6)}(?:{_VERB})(?:了)?(?:约)?({FIG}){W(2)}(?:至|到)({FIG})"
)
_CHANGE_LEAD = re.compile(
    f"(?:{_VERB})(?:了)?(?:约)?({FIG})[，,（(]?{_FROM}{W(16)}({FIG}){W(10)}{_TO}{W(12)}({FIG})"
)
_UNVERIFIABLE_CHANGE = re.compile(
    f"(?:较|(?<![占对])比(?![例重率值较])|同比|环比)({W(12)})(?:{_VERB})(?:了)?(?:约)?({FIG})(?:至|到)({FIG})"
)
_YEAR = re.compile(r"((?:19|20)\d{2})")


def _is_points(t: Tok) -> bool:
    return t.fig.kind == FigureKind.POINTS


def _change(para: Para, a: Tok, b: Tok, c: Tok, tail_text: str) -> Check | None:
    """B - A against a stated change C (points, percent or amount)."""
    pct = FigureKind.PERCENT
    ia, ib = a.interval(), b.interval()
    if a.fig.kind == pct and b.fig.kind == pct:
        diff = ib - ia
        label = f"|{b.text} - {a.text}|"
        if _is_points(c):
            return _judge(para, "change", c, [a, b], [(f"{label} = {c.text}", diff)])
        if c.fig.kind == pct:
            # "由10%升至12%，提升2%" may mean points or a relative change: either reading will do
            readings = [(f"{label} = {c.text} (points)", diff)]
            if ia.lo > 0:
                readings.append((f"({b.text}/{a.text} - 1) = {c.text}",
                                 (ib / ia - Interval(1, 1)).scale(100)))
            return _judge(para, "change", c, [a, b], readings)
        return None
    if a.cunit != b.cunit or a.fig.kind not in _LEVEL_KINDS:
        return None
    if c.fig.kind == pct and ia.lo > 0:
        return _judge(para, "growth", c, [a, b],
                      [(f"({b.text}/{a.text} - 1) = {c.text}", (ib / ia - Interval(1, 1)).scale(100))])
    if c.fig.kind == FigureKind.MULTIPLE and ia.lo > 0:
        ratio = ib / ia
        return _judge(para, "growth", c, [a, b], [
            (f"{b.text}/{a.text} - 1 = {c.text}", ratio - Interval(1, 1)),
            (f"{b.text}/{a.text} = {c.text}", ratio),
        ])
    if c.cunit == a.cunit:
        return _judge(para, "change", c, [a, b], [(f"|{b.text} - {a.text}| = {c.text}", ib - ia)])
    return None


_YEAR_SPAN = re.compile(
    r"((?:19|20)\d{2})\s*(?:年\s*)?(?:-|–|—|－|~|～|至|到)\s*((?:19|20)?\d{2})\s*(?:财年|年|E\b)")


def _years(para: Para, a: Tok, b: Tok) -> int | None:
    """Years between two levels: from their own dates (由2021年的A增至2024年的B), else from the
    last year span written before them in the sentence (2016-2024年，…从A增至B)."""
    ya = _YEAR.search(a.fig.period or "")
    yb = _YEAR.search(b.fig.period or "")
    n = int(yb.group(1)) - int(ya.group(1)) if ya and yb else 0
    if n <= 0 and a.sent == b.sent:
        spans = list(_YEAR_SPAN.finditer(para.raw[a.sent][:a.fig.start])) or _span_before(para, a.sent)
        if spans:
            y0, y1 = int(spans[-1].group(1)), int(spans[-1].group(2))
            y1 = y1 + y0 // 100 * 100 if y1 < 100 else y1  # "2019-24 财年"
            n = y1 - y0
    return n if n > 0 else None


def _span_before(para: Para, si: int) -> list[re.Match[str]]:
    """"2019-24 财年，央企分红从 A 增至 B，CAGR x；地方国企分红从 C 增至 D，CAGR y": a clause after
    a ； that states a CAGR like the one before it shares that one's year span."""
    prev = para.raw[si - 1] if si > 0 else ""
    if not re.search(r"[；;]\s*$", prev) or not re.search(r"CAGR|复合", prev):
        return []
    return list(_YEAR_SPAN.finditer(prev))


def _cagr(para: Para, a: Tok, b: Tok, c: Tok) -> Check | None:
    n = _years(para, a, b)
    pct = FigureKind.PERCENT
    if a.fig.kind == pct and b.fig.kind == pct and _is_points(c):
        if n is None:
            return _unverifiable(para, "cagr", c, [a, b], f"({b.text} - {a.text})/years = {c.text}",
                                 "the years of the two levels are not both stated")
        return _judge(para, "cagr", c, [a, b],
                      [(f"({b.text} - {a.text})/{n} = {c.text}", (b.interval() - a.interval()).scale(1 / n))])
    if c.fig.kind != pct or a.cunit != b.cunit or a.fig.kind not in _LEVEL_KINDS:
        return None
    if n is None:
        return _unverifiable(para, "cagr", c, [a, b], f"({b.text}/{a.text})^(1/years) - 1 = {c.text}",
                             "the years of the two levels are not both stated")
    ia, ib = a.interval(), b.interval()
    if ia.lo <= 0 or ib.lo <= 0:
        return None
    g = ((ib / ia).pow(1 / n) - Interval(1, 1)).scale(100)
    return _judge(para, "cagr", c, [a, b], [(f"({b.text}/{a.text})^(1/{n}) - 1 = {c.text}", g)],
                  magnitude=False)


def _find_changes(para: Para) -> list[Check]:
    out: list[Check] = []
    m_text = para.masked
    for m in _CHANGE_PAIR.finditer(m_text):
        a, b = para.tok(m.group(1)), para.tok(m.group(2))
        rest = m_text[m.end():]
        cm = _CAGR_TAIL.match(rest)
        if cm:
            c = para.tok(cm.group(1))
            chk = _cagr(para, a, b, c)
            if chk:
                out.append(chk)
            continue
        tm = _CHANGE_TAIL.match(rest)
        if not tm:
            continue
        head = rest[:tm.start(1) if tm.group(1) else tm.start(2)]
        if re.search("同比|环比|较|相比|比上", head):
            continue  # a year-on-year change of B, not B - A
        c = para.tok(tm.group(1) or tm.group(2))
        chk = _change(para, a, b, c, head)
        if chk:
            out.append(chk)
    for m in _CHANGE_LEAD.finditer(m_text):
        if re.search("同比|环比|较|相比|比上", m_text[max(0, m.start() - 8):m.start()]):
            continue
        c, a, b = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = _change(para, a, b, c, "")
        if chk:
            out.append(chk)
    for m in _CHANGE_INNER.finditer(m_text):
        a, c, b = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = _change(para, a, b, c, "")
        if chk:
            out.append(chk)
    for m in _UNVERIFIABLE_CHANGE.finditer(m_text):
        c, b = para.tok(m.group(2)), para.tok(m.group(3))
        if _is_points(c) and b.fig.kind == FigureKind.PERCENT:
            if any(ck.stated == c.text and ck.sentence_id == para.sentences[c.sent].id for ck in out):
                continue
            out.append(_unverifiable(
                para, "change", c, [b], f"{b.text} - (earlier level) = {c.text}",
                "the earlier level is not stated"))
    return out


# explicit expressions: -16.5%（-2.8*5.8%）, 13.8%（15%-1.2%）, 2.8×5.8%=16.2%, A 乘以 B 为 C
_NUM = r"[-+−－]?\s*\d+(?:\.\d+)?\s*(?:%|％|pct|ppt|pp|个百分点|bps?|BP|倍)?"
_OP = r"\s*(?:[*×÷/+\-−－]|x(?=\s*\d)|X(?=\s*\d)|乘以|乘|除以|减去|减|加上|加)\s*"
_EXPR = rf"{_NUM}(?:{_OP}{_NUM})+"
_VS = r"[\s·]*(?:vs\.?|VS\.?|Vs\.?|对比)[\s·]*"
_PAREN_EXPR = re.compile(rf"[（(]\s*((?:{_EXPR})|(?:{_NUM}{_VS}{_NUM}))\s*[)）]")
_EQ_EXPR = re.compile(rf"((?:{_EXPR}))\s*(?:=|＝|≈|等于|得到|得)\s*(约\s*)?({_NUM})")
_NUM_TOKEN = re.compile(r"([-+−－]?)\s*(\d+(?:\.\d+)?)\s*(%|％|pct|ppt|pp|个百分点|bps?|BP|倍)?")
_OP_TOKEN = re.compile(_OP)
_GAP_WORDS = re.compile(r"差|缺口|利差|差距|收窄|扩大|领先|落后|高出|低于|高于|超出|gap|spread", re.I)


@dataclass
class _Operand:
    iv: Interval
    text: str
    percent: bool
    decimals: int
    value: float


def _operand(text: str) -> _Operand | None:
    m = _NUM_TOKEN.fullmatch(text.strip())
    if not m:
        return None
    num = m.group(2)
    value = float(num) * (-1 if m.group(1) in ("-", "−", "－") else 1)
    unit = m.group(3) or ""
    dec = len(num.split(".")[1]) if "." in num else 0
    fig = Figure(text=text.strip(), kind=FigureKind.NUMBER, value=value, decimals=dec)
    iv = figure_interval(fig)
    return _Operand(iv=iv, text=text.strip(), percent=unit not in ("", "倍"), decimals=dec, value=value)


def _parse_expr(expr: str) -> tuple[list[_Operand], list[str]] | None:
    """Operands and operators of a flat expression, or None if it is not one (a date, a range)."""
    operands: list[_Operand] = []
    ops: list[str] = []
    expr = expr.strip()
    pos = 0
    while True:
        m = _NUM_TOKEN.match(expr, pos)
        if not m or (operands and m.group(1)):
            return None  # after an operator a sign would make "3×-2": too rare to guess at
        operand = _operand(m.group(0))
        if operand is None:
            return None
        operands.append(operand)
        pos = m.end()
        if pos >= len(expr):
            break
        # "15%-1.2%": after an operand a dash is the operator, not the next operand's sign
        om = _OP_TOKEN.match(expr, pos)
        if not om:
            return None
        sym = om.group(0).strip()
        ops.append({"×": "*", "x": "*", "X": "*", "乘以": "*", "乘": "*", "÷": "/", "除以": "/",
                    "减去": "-", "减": "-", "−": "-", "－": "-", "加上": "+", "加": "+"}.get(sym, sym))
        pos = om.end()
    if not ops:
        return None
    if "/" in ops and (len(ops) > 1 or all(o.percent for o in operands)):
        return None  # "43%/22%/26%", "12.9%/9.4%": a list of figures, not a division
    for i, op in enumerate(ops):
        a, b = operands[i], operands[i + 1]
        if op == "/" and not (a.percent or b.percent or a.decimals or b.decimals):
            return None  # 6/17, 2961/2020: dates, counts and pairs, not a division the text asks for
        if op == "-" and a.value >= 0 and b.value >= 0 and a.value < b.value:
            return None  # "3-5", "2%-4%", "20-30%": a range, not a subtraction
        if op == "-" and not (a.percent or b.percent) and all(
                o.decimals and 1 <= int(o.value) <= 12 for o in (a, b)):
            return None  # "6.9-6.13": a span of days, not a subtraction
        if any(1900 <= abs(o.value) <= 2100 and not o.decimals and not o.percent for o in (a, b)):
            return None  # years
    return operands, ops


def _evaluate(operands: list[_Operand], ops: list[str]) -> list[Interval]:
    """Every reading of a flat expression: as written, and with percent products / ratios
    rescaled by 100 (2.8*5.8% may be meant in points, 30%*40% as 12%)."""
    terms: list[Interval] = [operands[0].iv]
    signs: list[str] = []
    scaled = False
    for op, o in zip(ops, operands[1:], strict=True):
        if op in "*/":
            scaled = True
            terms[-1] = terms[-1] * o.iv if op == "*" else terms[-1] / o.iv
        else:
            terms.append(o.iv)
            signs.append(op)
    total = terms[0]
    for sgn, t in zip(signs, terms[1:], strict=True):
        total = total + t if sgn == "+" else total - t
    if not scaled:
        return [total]
    return [total, total.scale(100), total.scale(0.01)]


def _stated_before(para: Para, si: int, start: int) -> Tok | None:
    """The figure written right before a bracket at `start` of sentence `si`."""
    raw = para.raw[si]
    for t in para.toks:
        if t.sent == si and t.fig.end <= start and raw[t.fig.end:start].strip() == "":
            return t
    return None


def _find_expressions(para: Para) -> list[Check]:
    out: list[Check] = []
    for si, raw in enumerate(para.raw):
        for m in _PAREN_EXPR.finditer(raw):
            stated = _stated_before(para, si, m.start())
            if stated is None:
                continue
            inner = m.group(1)
            vs = re.split(_VS, inner)
            if len(vs) == 2:
                a, b = _operand(vs[0]), _operand(vs[1])
                if a is None or b is None:
                    continue
                before = raw[max(0, stated.fig.start - 12):stated.fig.start]
                if stated.fig.kind == FigureKind.MULTIPLE and b.iv.lo > 0:
                    readings = [(f"{a.text} / {b.text}", a.iv / b.iv)]
                elif _is_points(stated) or _GAP_WORDS.search(before):
                    readings = [(f"{a.text} - {b.text}", a.iv - b.iv)]
                    if stated.fig.kind == FigureKind.PERCENT and b.iv.lo > 0:
                        readings.append((f"{a.text} / {b.text} - 1", (a.iv / b.iv - Interval(1, 1)).scale(100)))
                else:
                    continue  # "92.8%（92.8% vs 76.1%）": a comparison, not a gap
                out.append(_expr_check(para, stated, inner, readings, "difference"))
                continue
            parsed = _parse_expr(inner)
            if parsed is None:
                continue
            operands, ops = parsed
            readings = [(inner.strip(), iv) for iv in _evaluate(operands, ops)]
            out.append(_expr_check(para, stated, inner, readings, "expression"))
        for m in _EQ_EXPR.finditer(raw):
            parsed = _parse_expr(m.group(1))
            if parsed is None:
                continue
            res = next((t for t in para.toks if t.sent == si and t.fig.start >= m.start(3) - 1
                        and t.fig.start <= m.start(3) + 2), None)
            if res is None:
                continue
            if m.group(2):
                res.approx = True
            operands, ops = parsed
            readings = [(m.group(1).strip(), iv) for iv in _evaluate(operands, ops)]
            out.append(_expr_check(para, res, m.group(1), readings, "expression"))
    return out


def _expr_check(para: Para, stated: Tok, inner: str, readings: list[tuple[str, Interval]],
                kind: str) -> Check:
    # operands are read in the stated figure's written unit (1.2亿元（0.5+0.7）). Signs count
    # ("-8.4%（-2.1*4.0%）"), unless a verb already says the direction: "回落-13.8%（15%-1.2%）"
    # writes its sign twice, so only magnitudes are compared there
    raw = para.raw[stated.sent]
    directed = kind != "expression" or bool(re.search(
        f"(?:{_UP}|{_DOWN}|缺口|差|跑赢|跑输)\\s*(?:了|约|为|幅度|幅)?\\s*$", raw[max(0, stated.fig.start - 6):stated.fig.start]))
    chk = _judge(para, kind, stated, [], [(f"{f} = {stated.text}", iv) for f, iv in readings],
                 magnitude=directed, base=stated.fig.scale)
    chk.inputs = [x.strip() for x in re.split(_OP + "|" + _VS, inner) if x and x.strip()]
    return chk


# A 与 B 之差为 C; A vs B，差距 C
_DIFF = re.compile(
    f"({FIG}){W(12)}(?:与|和|减去|同|跟){W(12)}({FIG}){W(8)}(?:之差|的差值|的差距|差值|利差|的利差|相差|差距|之间的差距)"
    f"(?:为|达|约|是|已达|仅)?{W(3)}({FIG})"
    f"|({FIG})(?:vs\\.?|VS\\.?|对比)({FIG})[，,]?{W(6)}(?:差距|缺口|利差|相差|差值|差)(?:为|达|约|是)?{W(3)}({FIG})"
)


def _find_differences(para: Para) -> list[Check]:
    out: list[Check] = []
    for m in _DIFF.finditer(para.masked):
        ga, gb, gc = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        a, b, c = para.tok(ga), para.tok(gb), para.tok(gc)
        if a.cunit != b.cunit:
            continue
        if a.fig.kind == FigureKind.PERCENT and not (_is_points(c) or c.fig.kind == FigureKind.PERCENT):
            continue
        if a.fig.kind != FigureKind.PERCENT and c.cunit != a.cunit:
            continue
        readings = [(f"|{a.text} - {b.text}| = {c.text}", a.interval() - b.interval())]
        out.append(_judge(para, "difference", c, [a, b], readings))
    return out


# A、B、C 分别为 x、y、z，合计 T;  x 叠加 y，合计 T
_LIST = f"({FIG}(?:(?:[、，,和及与/]|以及){W(8, '、')}?{FIG})+)"
_SUM_CONNECT = (
    "[，,]?(?:三者|二者|两者|四者|以上|上述|前述|这些|两项|三项)?"
    "(?:合计|共计|总计|加总|合并|累计|合共|总和|共(?![同识振享建性]))"
    f"(?:为|达|约|达到|占比?|贡献|拉动|实现|超)?{W(4)}({FIG})"
)
_SUM = re.compile(f"分别(?:为|是|达|约|贡献|拉动|占比?|实现|录得)?{W(4)}{_LIST}{_SUM_CONNECT}")
_STACK = re.compile(
    f"({FIG}){W(10)}(?:叠加|加上|外加|再加上?|并加征|加征){W(10)}({FIG}){W(6)}?"
    f"[，,]?(?:合计|共计|总计|累计|综合|合共|总|共|整体)(?:为|达|约|达到|升至|至|提高至)?{W(4)}({FIG})"
)
_SHARE_WORDS = re.compile(r"占|份额|占比|贡献|拉动|权重|比重|结构|关税|税率|加征")
_RATE_WORDS = re.compile(r"增速|增长|同比|环比|涨幅|跌幅|降幅|收益率|利率|回报|下降|上涨")


_LIST_PLAIN = re.compile(f"({FIG}(?:(?:[、和及与]|以及){W(8, '、')}?{FIG})+){_SUM_CONNECT}")


def _inherit_unit(parts: list[Tok]) -> list[Tok]:
    """"1.2、0.9、0.6个百分点": bare numbers of a list take the unit written on its last item."""
    last = parts[-1]
    if last.fig.kind == FigureKind.NUMBER:
        return parts
    out = []
    for p in parts:
        if p.fig.kind == FigureKind.NUMBER:
            fig = p.fig.model_copy(update={"kind": last.fig.kind, "unit": last.fig.unit,
                                           "scale": last.fig.scale})
            p = Tok(fig=fig, sent=p.sent, approx=p.approx, bound=p.bound)
        out.append(p)
    return out


def _sum_check(para: Para, parts: list[Tok], total: Tok, context: str) -> Check | None:
    parts = _inherit_unit(parts) if parts else parts
    if len(parts) < 2 or any(p.cunit != total.cunit for p in parts):
        return None
    kind = total.fig.kind
    if kind == FigureKind.NUMBER or kind == FigureKind.DURATION:
        return None
    if kind in (FigureKind.PERCENT, FigureKind.MULTIPLE):
        # growth rates of parts do not add up to the growth of the whole; shares and tariffs do
        if not _SHARE_WORDS.search(context) or _RATE_WORDS.search(context):
            return None
    # where the list starts is a guess ("营收500亿元，其中A 100亿元、B 50亿元，合计150亿元"),
    # so every run of parts that ends at the last one is a reading
    readings = []
    for i in range(len(parts) - 1):
        acc = parts[i].interval()
        for p in parts[i + 1:]:
            acc = acc + p.interval()
        readings.append((" + ".join(p.text for p in parts[i:]) + f" = {total.text}", acc))
    return _judge(para, "sum", total, parts, readings, magnitude=False)


def _find_sums(para: Para) -> list[Check]:
    out: list[Check] = []
    for pattern in (_SUM, _LIST_PLAIN, _STACK):
        for m in pattern.finditer(para.masked):
            figs = [para.tok(ch) for ch in re.findall(FIG, m.group(0))]
            parts, total = figs[:-1], figs[-1]
            context = para.masked[max(0, m.start() - 25):m.end()]
            chk = _sum_check(para, parts, total, context)
            if chk:
                out.append(chk)
    return out


# 257.5 亿元，其中 EMB 占 119.8 亿元（占比 46.5%）; N 占 D 的 P
_SHARE_SUB = re.compile(
    f"({FIG}){WS(24)}其中{W(14)}({FIG}){W(2)}[（(，,]?(?:占比|占总?(?:比重|比例|份额)?|份额)(?:为|约|达|仅)?({FIG})"
)
_SHARE_OF = re.compile(
    f"({FIG}){W(3)}[，,]?占{W(12)}({FIG}){W(2)}的?(?:比重|比例|份额)?(?:为|约|达|仅)?({FIG})"
)


def _share(para: Para, num: Tok, den: Tok, pct: Tok, alternatives: Iterable[Tok] = ()) -> Check | None:
    if pct.fig.kind != FigureKind.PERCENT or num.cunit != den.cunit \
            or num.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
        return None
    readings: list[tuple[str, Interval]] = []
    for d in [den, *alternatives]:
        iv = d.interval()
        if iv.lo > 0:
            readings.append((f"{num.text} / {d.text} = {pct.text}", (num.interval() / iv).scale(100)))
    if not readings:
        return None
    return _judge(para, "share", pct, [num, den], readings, magnitude=False)


def _find_shares(para: Para) -> list[Check]:
    out: list[Check] = []
    for m in _SHARE_SUB.finditer(para.masked):
        den, num, pct = (para.tok(m.group(i)) for i in (1, 2, 3))
        # the whole may be any earlier figure of the sentence in the same unit; a false alarm
        # costs more than a missed one, so every such figure is tried as the denominator
        earlier = [t for t in para.toks if t.sent == den.sent and t.fig.start < den.fig.start
                   and t.cunit == den.cunit]
        chk = _share(para, num, den, pct, earlier)
        if chk:
            out.append(chk)
    for m in _SHARE_OF.finditer(para.masked):
        num, den, pct = (para.tok(m.group(i)) for i in (1, 2, 3))
        chk = _share(para, num, den, pct)
        if chk:
            out.append(chk)
    return out


# 每提高1个百分点 … 下降0.6个百分点；若上调10个百分点 … 下降约6个百分点
_ELASTIC = re.compile(
    f"每{W(12)}({FIG}){W(16)}[，,]?{W(20)}({FIG})"
    f"[^{_NOFIG}]{{0,60}}?"
    f"(?:若|如果|假设|倘若|假如|按此|以此|据此|照此|据此测算|以此测算)"
    f"{W(12)}({FIG}){WS(30)}({FIG})"
)


def _exact(t: Tok) -> Interval:
    # "每1个百分点" and "若上调10个百分点" are a unit and a supposition, not measurements
    if t.fig.value is None:
        raise ValueError(f"figure {t.text!r} has no value")
    v = t.fig.value * t.fig.scale
    return Interval(v, v)


def _find_elasticities(para: Para) -> list[Check]:
    """An effect per unit applied to a supposed change: the stated effect must be their product."""
    out: list[Check] = []
    for m in _ELASTIC.finditer(para.masked):
        x1, y1, x2, y2 = (para.tok(m.group(i)) for i in range(1, 5))
        if x1.cunit != x2.cunit or y1.cunit != y2.cunit or not x1.fig.value:
            continue
        readings = [(f"{y1.text} × {x2.text} / {x1.text} = {y2.text}",
                     y1.interval() * _exact(x2) / _exact(x1))]
        out.append(_judge(para, "elasticity", y2, [x1, y1, x2], readings))
    return out


FINDERS: list[Callable[[Para], list[Check]]] = [
    _find_changes, _find_expressions, _find_differences, _find_sums, _find_shares,
    _find_elasticities,
]


# ---------------------------------------------------------------- public API


# finders over a whole article that sibling modules register (checks/tables.py, imported by
# the package): they import this module, so it cannot import them
ARTICLE_FINDERS: list[Callable[[Article], list[Check]]] = []


def check_article(article: Article) -> list[Check]:
    """Every relation the article states between its figures, each with a verdict."""
    by_para: dict[int, list[Sentence]] = {}
    by_section: dict[tuple[int, str], list[Sentence]] = {}
    for s in article.sentences:
        if s.kind in ("table", "heading"):
            continue  # table rows joined by commas read like lists the author never summed
        by_para.setdefault(s.paragraph, []).append(s)
        by_section.setdefault((s.section_index, s.section), []).append(s)
    checks: list[Check] = []
    seen: set[tuple[str, str]] = set()

    errors: dict[tuple[str, str, str], Check] = {}
    row_ids = {s.id for s in article.sentences if s.kind == "table"}

    def keep(chk: Check) -> None:
        key = (chk.sentence_id, chk.stated)
        if chk.verdict == "inconsistent" and key not in seen and chk.sentence_id not in row_ids:
            # the same error restated in another paragraph (a summary repeating the body) is one
            # relation; the sentence restating it is kept among the doubtful ones (table rows
            # of two companies may hold the same figures: they are not restatements)
            first = errors.setdefault((chk.kind, chk.stated, chk.relation), chk)
            if first is not chk:
                seen.add(key)
                first.input_sentences.append(chk.sentence)
                return
        if key not in seen:
            seen.add(key)
            chk.article = article.label
            checks.append(chk)

    cache: _Cache = {}
    for index, sentences in by_para.items():
        para = _build_para(index, sentences, cache)
        if len(para.toks) < 2:
            continue
        for finder in FINDERS:
            for chk in finder(para):
                keep(chk)
    tables: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        if s.kind == "table":
            tables.setdefault(s.paragraph, []).append(s)
    for rows in tables.values():
        for chk in find_table_relations(rows):
            keep(chk)
    if tables:
        table_rows = [s for rows in tables.values() for s in rows]
        for chk in find_valuation_relations(article.text, table_rows):
            keep(chk)
        prose = [s for s in article.sentences if s.kind in ("prose", "list")]
        for chk in find_table_shares(article.text, table_rows, prose):
            keep(chk)
    for article_finder in ARTICLE_FINDERS:
        for chk in article_finder(article):
            keep(chk)
    # relations whose figures stand in different sentences or paragraphs of one section
    section_frames: list[tuple[Para, list[_Framed]]] = []
    fits: list[Check] = []  # readings in words that fit, kept over an earlier unverifiable one
    for sentences in by_section.values():
        sec = _build_para(sentences[0].paragraph, sentences, cache)
        if len(sec.toks) < 2:
            continue
        for chk in _find_framed(sec):
            keep(chk)
        for chk in _find_uncounted(sec):
            keep(chk)
            if chk.verdict == "consistent":
                fits.append(chk)
        section_frames.append((sec, _framed_once(sec)))
    if section_frames:
        headings = [(s.paragraph, s.text) for s in article.sentences if s.kind == "heading"]
        _across_sections(section_frames, checks, headings, fits)
    # inputs in another section of the article: a fit replaces an unverifiable verdict
    where = {(ck.sentence_id, ck.stated): i for i, ck in enumerate(checks)}
    for chk in _resolve_across(article.sentences, checks, cache):
        chk.article = article.label
        i = where.get((chk.sentence_id, chk.stated))
        if i is None:
            keep(chk)
        elif checks[i].verdict == "unverifiable":
            checks[i] = chk
    return checks


def check_text(text: str, *, source_name: str = "<text>") -> list[Check]:
    """Check a text that is not read from a file (a paste, a fetched page)."""
    return check_article(article_from_text(text, source_name=source_name))


def summarize(checks: Iterable[Check]) -> dict[str, object]:
    """Counts by verdict and by kind."""
    checks = list(checks)
    by_kind: dict[str, dict[str, int]] = {}
    for c in checks:
        by_kind.setdefault(c.kind, dict.fromkeys(VERDICTS, 0))[c.verdict] += 1
    out: dict[str, object] = {"checks": len(checks)}
    out.update({v: sum(1 for c in checks if c.verdict == v) for v in VERDICTS})
    out["by_kind"] = by_kind
    return out


@dataclass
class CheckReport:
    """The checks of a batch of files, the files that could not be read, and a summary."""

    checks: list[Check] = field(default_factory=list)
    articles: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        out = summarize(self.checks)
        out["articles"] = self.articles
        out["failed"] = len(self.failures)
        return out

    def to_json(self) -> dict[str, object]:
        keys = ("verdict", "kind", "stated", "computed", "inputs", "sentence", "paragraph",
                "relation", "gap", "computed_low", "computed_high", "note", "sentence_id", "article",
                "derived", "input_sentences")
        return {"checks": [c.model_dump(include=set(keys)) for c in self.checks],
                "summary": self.summary(), "failures": self.failures}


_LEADING_NUMBER = re.compile(r"^\s*[-+−－]?\s*[\d,.]+\s*")


def stated_unit(stated: str) -> str:
    """The unit a stated figure is written in ("126.1亿元" -> "亿元", "0.8 个百分点" -> "个百分点"):
    `computed` is expressed in it."""
    return _LEADING_NUMBER.sub("", stated).strip()


def recomputed_text(c: Check) -> str:
    """The recomputed value at the stated figure's precision, in its unit ("2.0个百分点")."""
    if not c.computed:
        return ""
    m = re.search(r"\d+(?:\.(\d+))?", c.stated)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    value = float(c.computed)
    if c.computed_low is not None and c.computed_high is not None:
        value = (c.computed_low + c.computed_high) / 2
    return f"{value:.{max(decimals, 1 if abs(value) < 10 else 0)}f}{stated_unit(c.stated)}"


def risk_notes(checks: Iterable[Check]) -> list[str]:
    """One Chinese line per inconsistent relation, for a post's risk or data-check section."""
    notes = []
    for c in checks:
        if c.verdict == "inconsistent":
            notes.append(f"数据核对：原文“{c.sentence.strip()}”中 {c.relation}，"
                         f"按所给数据推算约为 {recomputed_text(c)}，与所述 {c.stated} 不符，"
                         f"引用前请核实。")
    return notes


# ---------------------------------------------------------------- relations over framed figures
# A section's figures carry frames (metric, period, unit: checks/frames.py); a stated growth,
# change, margin, share, sum or gap is paired with the figures of the section that line up with
# it, wherever they are written. A relation is judged inconsistent only when its inputs are
# certain (written in the clause, or the only ones that line up); when several candidates line
# up and none fits, or none is written, it is counted unverifiable.

_DOWN_WORDS = re.compile(f"(?:{_DOWN}|跑输|少)\\s*(?:了|约|幅度|幅)?\\s*$")
_YOY = re.compile(
    r"(?:同比|环比|较上年同期|较去年同期|较上年|较去年|较同期|较上月|较上季度|yoy|YoY|QoQ|qoq)"
    r"\s*(?:\d{1,2}\s*月|上月|上季度?)?"
    f"\\s*(?:{_UP}|{_DOWN}|多增|少增|多减|少减|多|少)?\\s*(?:了|约|幅度|幅)?\\s*$"
)
_AGAINST = re.compile(r"(?:较|相比|相较于?|比(?![例重率值较]))")
_MARGIN = re.compile(r"(扣非)?(归母)?(销售)?(净|毛)利率")
_SHARE_LEAD = re.compile(
    r"(?:占比|比重|份额|占)[^，,。；;从由至到升降增减提]{0,14}?(?:的)?\s*(?:为|约|达|仅|约为)?\s*$")
_GAP_LEAD = re.compile(
    r"(?:跑赢|跑输|超涨|超跌|领先|落后|高出|低于|高于|超额收益|利差|差距|相差|税率差)"
    r"[^，,。；;]{0,16}?(?:为|约|达|约为)?\s*$"
)
# the total of the clauses before it, with no subject of its own ("全部A股合计2.6万亿" is not)
# "N（占比 P）", "N，占比 P": nothing but the share words between the part and its share
_SHARE_ADJ = re.compile(r"^\s*[（(，,]?\s*(?:占比|占)?\s*(?:为|约|达|仅|约为)?\s*$")
_CHANGE_LEAD_ANY = re.compile(
    r"(?:同比|环比|较[^，,。；;]{0,14}|增速|增幅|降幅)[^，,。；;]{0,6}?"
    f"(?:{_UP}|{_DOWN}|变动|变化|[+\\-])\\s*(?:了|约|幅度|幅|达)?\\s*$")
_BRACKET_SIGN = re.compile(r"^\s*[（(]\s*(?:同比)?\s*[+\-]?\s*$")
_STRONG_GAP = re.compile(r"跑赢|跑输|超涨|超跌|超额|领先|落后|利差|税率差|之差")
_SPAN_WORDS = re.compile(r"年初至今|年内|当周|本周|上周|当月|本月|上月|近一年|近一月|今年以来|年初以来")


def _spans(lead: str) -> set[str]:
    return set(_SPAN_WORDS.findall(lead))


_GAP_PCT = re.compile(r"(?:利差|差距|相差|税率差|之差)[^，,。；;]{0,4}$")
_ALL_LEAD = re.compile(r"(?:^|[，,；;])\s*(?:二者|两者|三者|以上|上述|叠加后)?"
                       r"(?:合计|共计|总计|累计|加总|合并|合共)\s*(?:为|达|约|达到|实现)?\s*$")


_TOPIC_LABEL = re.compile(r"(?:^|[。；;）)\s])[\u4e00-\u9fa5A-Za-z]{1,10}[：:]")


@dataclass
class _Framed:
    tok: Tok
    index: int
    metric: str
    period: str
    lead: str  # the text between the previous figure of its sentence and it
    after: str  # the next few characters
    paragraph: int = 0
    topic: int = 0  # a new paragraph or a "水电：" label starts a new topic
    block: int = 0  # consecutive paragraphs; a heading or table between them starts a new block


def _framed(sec: Para) -> list[_Framed]:
    out: list[_Framed] = []
    prev_end: dict[int, int] = {}
    # a period written once holds for the clauses that follow it in the paragraph
    # ("25Q1 …营业收入 672.2 亿元；实现归母净利润 38.96 亿元；…")
    period, para_of, topic, block = "", -1, 0, 0
    for i, t in enumerate(sec.toks):
        raw = sec.raw[t.sent]
        stop = prev_end.get(t.sent, 0)
        fr = frame_of(raw, t.fig, stop)
        paragraph = sec.sentences[t.sent].paragraph
        if paragraph > para_of + 1:
            block += 1
        if paragraph != para_of or _TOPIC_LABEL.search(raw[stop:t.fig.start]):
            period, para_of, topic = "", paragraph, topic + 1
        period = fr.period or period
        out.append(_Framed(t, i, fr.metric, period, raw[stop:t.fig.start],
                           raw[t.fig.end:t.fig.end + 8], paragraph, topic, block))
        prev_end[t.sent] = t.fig.end
    return out


def _signed(c: _Framed) -> Interval:
    """The stated change with the sign its verb gives it (下降 2.1% is -2.1%)."""
    iv = c.tok.interval(result=True)
    if c.tok.fig.value is not None and c.tok.fig.value > 0 and _DOWN_WORDS.search(c.lead) \
            and not re.search(r"\+\s*$", c.lead):
        return -iv
    return iv


def _level(x: _Framed) -> Interval:
    iv = x.tok.interval()
    if (x.tok.fig.value or 0) > 0 and _DOWN_WORDS.search(x.lead) and not re.search(r"\+\s*$", x.lead):
        return -iv
    return iv


def _signed_text(x: _Framed) -> str:
    return x.tok.text if _level(x).lo == x.tok.interval().lo else f"-{x.tok.text}"


def _judge_signed(sec: Para, kind: str, c: _Framed, inputs: list[Tok],
                  readings: list[tuple[str, Interval]], *, derived: bool = False) -> Check:
    chk = _judge(sec, kind, c.tok, inputs, readings, magnitude=False, stated_iv=_signed(c))
    chk.derived = derived
    return chk


_PERIOD_YEAR = re.compile(r"((?:19|20)?\d{2})\s*(?:年|财年|H|Q|E|A)")
_SUBS = (
    (re.compile(r"Q([1-4])|([一二三四])季度"), "Q"),
    (re.compile(r"H([12])|([上下])半年"), "H"),
    (re.compile(r"(\d{1,2})\s*[-—–~至]\s*(\d{1,2})\s*月"), "M-"),
    (re.compile(r"(\d{1,2})\s*月"), "M"),
    (re.compile(r"前三季度"), "9M"),
)
_CN = {"一": "1", "二": "2", "三": "3", "四": "4", "上": "1", "下": "2"}


@functools.lru_cache(maxsize=4096)
def period_key(period: str) -> tuple[int, str] | None:
    """(year, sub-period) of a written period: "2025 年一季度" -> (2025, "Q1"), "25H1" ->
    (2025, "H1"), "2024 年" -> (2024, "Y"); None when no year is written."""
    ym = _PERIOD_YEAR.search(period)
    if not ym:
        return None
    y = int(ym.group(1))
    y = y + 2000 if y < 100 else y
    rest = period[:ym.start()] + " " + period[ym.end() - 1:]
    for rx, tag in _SUBS:
        m = rx.search(rest)
        if m:
            groups = [g for g in m.groups() if g] if m.groups() else []
            return y, tag + "".join(_CN.get(g, g) for g in groups)
    return y, "Y"


def _year_before(a: str, b: str) -> bool:
    ka, kb = period_key(a), period_key(b)
    return ka is not None and kb is not None and ka[1] == kb[1] and ka[0] == kb[0] - 1


def _candidates(fs: list[_Framed], c: _Framed, b: _Framed) -> list[_Framed]:
    """The year-earlier level of b's metric: same unit, a shared metric word, the same
    sub-period one year before (a 同比 growth compares like with like)."""
    if not re.search("同比|较上年|较去年|yoy|YoY", c.lead):
        return []
    return [a for a in fs if a is not b and a is not c and a.tok.cunit == b.tok.cunit
            and not a.tok.bound and _year_before(a.period, b.period)
            and len(a.metric) >= 2 and len(b.metric) >= 2
            and (a.metric in b.metric or b.metric in a.metric)]


def _certain(a: _Framed, b: _Framed) -> bool:
    """A level found by its frame may refute a stated growth only when nothing else could be
    meant: the same topic of one paragraph and the very same metric words."""
    return (a.topic == b.topic and a.metric == b.metric and a.index < b.index
            and a.tok.sent >= b.tok.sent - 1)


_ANY_VERB = re.compile(f"(?:{_UP}|{_DOWN})")
_AMOUNT_CHANGE = re.compile(f"(?:较|相比|同比|环比)[^，,。；;]{{0,12}}(?:{_UP}|{_DOWN})\\s*(?:了|约)?\\s*$")
_RATE_OF_CHANGE = re.compile(r"^\s*[，,（(]?\s*(?:涨幅|跌幅|降幅|增幅|减幅|幅度)\s*(?:为|达|约)?\s*$")
# "较去年累计的 A 同比增长 C", "环比 25Q1 的 A 提高 C": the earlier level written after its word
_WRITTEN_BEFORE = re.compile(
    r"(?:较|相比|相较于?|(?<![同环占对])比(?![例重率值较])|环比(?=\s*\S))[^，,。；;升降增减涨跌提回扩收缩少多]{0,12}$")
_VERB_ONLY = re.compile(
    f"^[\\s的水平]*[，,]?\\s*(?:同比|环比)?\\s*(?:{_UP}|{_DOWN})\\s*(?:了|约|幅度|幅)?\\s*$")


def _find_framed(sec: Para) -> list[Check]:
    fs = _framed_once(sec)
    out: list[Check] = []
    shares: list[tuple[_Framed, _Framed, list[_Framed]]] = []
    share_sents: set[int] = set()
    for k, c in enumerate(fs):
        t = c.tok
        if t.bound:
            continue
        if k == 0:
            if (chk := _stated_change(sec, c, None, False)) is not None:
                out.append(chk)
            continue
        b = fs[k - 1]
        same_sentence = b.tok.sent == t.sent and not re.search("[。；;]", c.lead)
        # ---- growth or change against an earlier level: "B，同比增长C" / "B，较上年A回落C"
        # "均价 6609 元/吨，较 7 月 3 日下调 96 元/吨，跌幅 1.4%": the rate of a stated change
        if (k >= 2 and same_sentence and fs[k - 2].tok.sent == t.sent and t.fig.kind == FigureKind.PERCENT
                and b.tok.cunit == fs[k - 2].tok.cunit and b.tok.fig.kind in _LEVEL_KINDS
                and _AMOUNT_CHANGE.search(b.lead) and _RATE_OF_CHANGE.match(c.lead)):
            level, d = fs[k - 2].tok, _level(b)
            before = level.interval() - d
            if before.lo > 0 and not level.bound and not b.tok.bound:
                # the direction is in the change's verb; 跌幅/降幅 states a magnitude
                out.append(_judge(sec, "growth", t, [level, b.tok], [
                    (f"{_signed_text(b)} / ({level.text} - ({_signed_text(b)})) = {t.text}",
                     (d / before).scale(100))]))
                continue
        written = (k >= 2 and same_sentence and fs[k - 2].tok.sent == t.sent
                   and (before_m := _WRITTEN_BEFORE.search(b.lead))
                   and not _ANY_VERB.search(before_m.group(0))
                   and _VERB_ONLY.match(c.lead)
                   and b.tok.cunit == fs[k - 2].tok.cunit and not re.search("[。；;]", b.lead))
        if written or (same_sentence and _YOY.search(c.lead)):
            amount = t.cunit == b.tok.cunit and t.fig.kind in _LEVEL_KINDS and not written
            if t.fig.kind not in (FigureKind.PERCENT, FigureKind.POINTS) and not amount:
                if (chk := _stated_change(sec, c, None, False)) is not None:
                    out.append(chk)
                continue
            a_written = None
            if written:
                a_written, b = b, fs[k - 2]  # "降至B，较上年A回落C": the earlier level is written
            elif (k >= 2 and _YOY.search(b.lead) and b.tok.fig.kind == t.fig.kind
                  and fs[k - 2].tok.sent == t.sent and not re.search("[。；;]", b.lead)):
                b = fs[k - 2]  # "B，同比下降 C1，环比下降 C2": both changes are of the level B
            level = b.tok
            if _is_points(t) and level.fig.kind == FigureKind.PERCENT:
                kind = "change"
            elif t.fig.kind == FigureKind.PERCENT and level.fig.kind in _LEVEL_KINDS:
                kind = "growth"
            elif amount:
                kind = "change"  # "新增 5300 亿元（同比 -2100 亿）": this level minus last year's
            else:
                # "合同负债同比下滑 2.5%，销售收现同比下滑 3.2%": the level is not this one's
                if (chk := _stated_change(sec, c, None, False)) is not None:
                    out.append(chk)
                continue
            cands = [a_written] if a_written else _candidates(fs, c, b)
            derived = _derived_margin_change(sec, fs, b, c) if not cands and kind == "change" else None
            if derived is not None:
                out.append(derived)
                continue
            if not cands:
                out.append(_unverifiable(sec, kind, t, [level], f"{level.text} vs (earlier level) : {t.text}",
                                         "the earlier level is not stated"))
                continue
            readings = []
            for a in cands:
                ia, ib = a.tok.interval(), level.interval()
                if kind == "change":
                    readings.append((f"{level.text} - {a.tok.text} = {t.text}", ib - ia))
                elif ia.lo > 0:
                    readings.append((f"({level.text}/{a.tok.text} - 1) = {t.text}",
                                     (ib / ia - Interval(1, 1)).scale(100)))
            if not readings:
                continue
            chk = _judge_signed(sec, kind, c, [cands[0].tok, level], readings)
            if not a_written and (len(cands) > 1 or not _certain(cands[0], b)):
                chk = _hedge(sec, chk, "the earlier level found by its frame is not certain")
            out.append(chk)
            continue
        # ---- a margin: 净利率 C = profit / revenue of the same period
        mm = _MARGIN.search(c.lead[-10:]) if t.fig.kind == FigureKind.PERCENT else None
        mm = mm or (_dash_margin(c, b) if t.fig.kind == FigureKind.PERCENT else None)
        # "净利率由 4.8% 降至…": the earlier level of a change, not this period's margin
        if mm and not _YOY.search(c.lead) and not re.search(r"(?:由|从)\s*$", c.lead):
            out.extend(_margin(sec, fs, c, mm))
            continue
        # ---- a share: "N（占比 P）", "占全年 D 的 P", "占比 P（N）"
        # a list of shares goes on without the word: "中期票据占比 58%（377 亿元），公司债 22%（143 亿元）"
        # (and "中东 46GWh（占比 35%）、澳洲 30GWh（23%）")
        in_list = (t.sent in share_sents and (re.match(r"^\s*[（(]", c.after) or re.match(r"^\s*[（(]\s*$", c.lead))
                   and not re.search(r"[同环]比|增|降|[+\-]\s*$", c.lead))
        if t.fig.kind == FigureKind.PERCENT and (_SHARE_LEAD.search(c.lead) or in_list) \
                and not _RATE_WORDS.search(c.lead[-6:]):
            part = None
            whole: list[_Framed] = []
            earlier = [x for x in fs[max(0, k - 4):k - 1] if x.tok.sent == t.sent
                       and x.tok.cunit == b.tok.cunit and not x.tok.bound]
            if same_sentence and "占" in fs[k - 1].lead and b.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and earlier and re.search(r"的\s*$", c.lead):
                # "N，同比增长 g，占全年计划 D 的 P"
                part, whole = earlier[-1], [b]
            elif same_sentence and b.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    and _SHARE_ADJ.match(c.lead):
                part = b
            elif k + 1 < len(fs) and fs[k + 1].tok.sent == t.sent and re.match(r"^\s*[（(]", c.after) \
                    and fs[k + 1].tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
                part = fs[k + 1]  # "占比 60%（1.08 万亿元）"
            if part is None or re.search("合计|合共|共|二者|两者|三者|分别", c.lead):
                if (chk := _sum_share(sec, fs, c)) is not None:
                    out.append(chk)
                continue
            # "分别获 18 台、16 台、8 台、4 台，占比 39%、35%…" pairs lists by position, and
            # "净增 3771 万个，占比 96.7%" is a share of the level, not of the increase
            if re.match(r"^\s*[、/]\s*[-+]?\d", c.after) or re.search(
                    r"净增|新增|增加|减少|同比|环比|较", part.lead):
                continue
            share_sents.add(t.sent)
            if not whole:
                whole = [w for w in fs if w is not part and w.tok.cunit == part.tok.cunit
                         and w.index < part.index and w.tok.interval().lo > part.tok.interval().hi
                         and not w.tok.bound]
            shares.append((c, part, whole))
            continue
        # ---- a gap: "跑赢沪深300指数 3.44 个百分点" between two returns of the section
        # a percent after 高于/低于 is a level compared with, not a gap; points are a gap
        if (_is_points(t) or t.fig.kind == FigureKind.PERCENT and _GAP_PCT.search(c.lead)) \
                and _GAP_LEAD.search(c.lead) and not _YOY.search(c.lead):
            levels = []
            for x in reversed(fs[:k]):
                if x.tok.sent != t.sent or _is_points(x.tok) or x.tok.cunit != ("percent", "%"):
                    break
                if not x.tok.bound and not _SHARE_LEAD.search(x.lead):
                    levels.append(x)
            levels.reverse()
            if len(levels) < 2:
                if _is_points(t):
                    out.append(_unverifiable(sec, "difference", t, [], f"(level) - (level) = {t.text}",
                                             "one of the two levels is not stated"))
                continue
            # "上涨 2.25%，…下跌 1.80%，超额收益 4.05 个百分点": a level takes its verb's sign
            readings = [(f"{_signed_text(x)} - {_signed_text(y)} = {t.text}", _level(x) - _level(y))
                        for x in levels for y in levels if x is not y]
            chk = _judge(sec, "difference", t, [levels[-2].tok, levels[-1].tok], readings)
            if len(levels) > 2:
                chk = _hedge(sec, chk, f"{len(levels)} levels line up")
            elif not _STRONG_GAP.search(c.lead) or _spans(levels[0].lead) != _spans(levels[1].lead):
                # "毛利率 22%，高于行业均值 7 个百分点"; "当周上涨…，年初至今下跌…，跑输…": the
                # levels written need not be the two compared
                chk = _hedge(sec, chk, "the two levels compared are not certain")
            out.append(chk)
            continue
        # ---- a total: "…46.6 万亿，…69.6 万亿，合计 116 万亿"
        if _ALL_LEAD.search(c.lead) and t.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY):
            parts = [x.tok for x in fs[max(0, k - 8):k] if x.tok.sent == t.sent
                     and x.tok.cunit == t.cunit and not x.tok.bound]
            total = _sum_check(sec, parts, t, "合计")
            if total:
                out.append(total)
            continue
        # ---- a stated change or growth whose earlier level is nowhere: counted, not judged
        chk = _stated_change(sec, c, b, same_sentence)
        if chk is not None:
            out.append(chk)
    out.extend(_find_parts(sec, fs))
    out.extend(_judge_shares(sec, shares))
    return out


_CLAUSE_START = re.compile(r"[，,。；;：:（(]")
_AMOUNT_DELTA = re.compile(
    r"(?:同比|环比|较(?:上年|去年|上月|上季度?|同期|\s*(?:19|20)?\d{2}\s*年(?:同期)?))\s*"
    r"(?:多增|少增|多减|少减|增加|减少|净增|[+\-−－])\s*(?:了|约)?\s*$")
_LIST_NEXT = re.compile(r"^\s*[、/]\s*[+\-−－]?\s*$")
_LIST_ITEMS = re.compile(r"(?:[+\-−－]?\s*\d[\d.,]*\s*(?:pct|ppt|pp|bps?|BP|个百分点|%|％|倍)?\s*[、/]\s*)+[+\-−－]?\s*$")
_VERB_THEN_TO = re.compile(f"(?:{_UP}|{_DOWN})\\s*(?:了|约)?\\s*$")


def _stated_change(sec: Para, c: _Framed, b: _Framed | None, same_sentence: bool) -> Check | None:
    """A stated change or growth whose earlier level is nowhere: counted unverifiable, not judged
    ("同比下降 9.9% 至 134.6 亿元", "涨0.8%至68.3美元/桶", "增速较 1-6 月扩大 0.2 个百分点",
    "营收 125.35 亿美元（+1%）"). A supposed or per-unit effect ("每提高1个百分点…将下降0.6个
    百分点") is not a change."""
    t = c.tok
    raw = sec.raw[t.sent]
    if t.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and _AMOUNT_DELTA.search(c.lead):
        # "同比多增 2271 亿元", "（同比 +2367 亿）", "较 2024 年增加 1500 亿元"
        return _unverifiable(sec, "change", t, [], f"(level) - (earlier level) = {t.text}",
                             "the earlier level is not stated")
    if t.fig.kind not in (FigureKind.PERCENT, FigureKind.POINTS):
        return None
    if re.search(r"每|若|如果|假设|倘若|将", raw[:t.fig.start]):
        return None
    # the clause before the figure, dates included ("较 1-6 月扩大" is cut by the date in c.lead)
    starts = [m.end() for m in _CLAUSE_START.finditer(raw, 0, t.fig.start)]
    clause = raw[starts[-1] if starts else 0:t.fig.start]
    if _LIST_NEXT.match(c.lead):
        # "较期初分别变动 0.43pct、0.61pct": a later item of a list of changes
        clause = _LIST_ITEMS.sub("", clause)
    if not (_CHANGE_LEAD_ANY.search(c.lead) or _CHANGE_LEAD_ANY.search(clause)
            or (_VERB_THEN_TO.search(c.lead) and re.match(r"^\s*(?:至|到)", c.after))
            or (b is not None and t.fig.kind == FigureKind.PERCENT and same_sentence
                and b.tok.fig.kind in _LEVEL_KINDS and _BRACKET_SIGN.match(c.lead))):
        return None
    kind = "change" if _is_points(t) else "growth"
    return _unverifiable(sec, kind, t, [], f"(level) vs (earlier level) : {t.text}",
                         "the earlier level is not stated")


def _margin_inputs(fs: list[_Framed], c: _Framed, mm: re.Match[str]) -> tuple[list[_Framed], list[_Framed]]:
    net = mm.group(4) == "净"

    def is_num(x: _Framed) -> bool:
        m = x.metric
        if x.tok.fig.kind != FigureKind.MONEY or x.period != c.period or x.tok.bound or "率" in m:
            return False
        if net:
            return "净利" in m and ("扣非" in m) == bool(mm.group(1))
        return "毛利" in m

    def is_den(x: _Framed) -> bool:
        return (x.tok.fig.kind == FigureKind.MONEY and x.period == c.period and not x.tok.bound
                and bool(re.search("收入|营收", x.metric)) and "利" not in x.metric)

    # the profit and revenue of the margin's own topic first, then of its section
    for pool in ([x for x in fs if x.topic == c.topic], fs):
        nums, dens = [x for x in pool if is_num(x)], [x for x in pool if is_den(x)]
        if nums and dens:
            return nums, dens
    return [], []


def _other_basis(mm: re.Match[str], n: _Framed) -> bool:
    return bool(mm.group(3)) and "归母" in n.metric


def _margin(sec: Para, fs: list[_Framed], c: _Framed, mm: re.Match[str]) -> list[Check]:
    t = c.tok
    nums, dens = _margin_inputs(fs, c, mm)
    if not nums or not dens:
        return [_unverifiable(sec, "ratio", t, [], f"(profit)/(revenue) = {t.text}",
                              "the profit or the revenue of that period is not stated")]
    # the nearest profit and revenue before the margin are the ones it is computed from; other
    # pairs of the same period may only show that the text is ambiguous
    def near(pool: list[_Framed]) -> _Framed:
        before = [x for x in pool if x.index < c.index]
        return before[-1] if before else pool[0]

    n0, d0 = near(nums), near(dens)
    if n0.tok.cunit != d0.tok.cunit or d0.tok.interval().lo <= 0:
        return []
    chk = _judge(sec, "ratio", t, [n0.tok, d0.tok], [
        (f"{n0.tok.text} / {d0.tok.text} = {t.text}", (n0.tok.interval() / d0.tok.interval()).scale(100))],
        magnitude=False)
    # outside the margin's own paragraph, the profit and revenue are certain only when each is
    # the one of that period in the run of paragraphs the margin stands in, between two headings
    # ("### 3.6 调味品" "1. 业绩表现：…收入…利润" "2. 盈利能力：…净利率")
    # ("净利率" against a 归母 profit may be on total profit: only the same basis is certain)
    if (n0.topic != c.topic or d0.topic != c.topic) and not (
            ("归母" in n0.metric) == bool(mm.group(2))
            and [x for x in nums if x.block == c.block] == [n0] and [x for x in dens if x.block == c.block] == [d0]):
        return [_hedge(sec, chk, "the profit and revenue are not in the margin's own paragraph")]
    if _other_basis(mm, n0):
        return [_hedge(sec, chk, "销售净利率 is on total profit; only 归母 profit is stated")]
    if chk.verdict == "inconsistent":
        others = [(n, d) for n in nums for d in dens if (n, d) != (n0, d0)
                  and n.tok.cunit == d.tok.cunit and d.tok.interval().lo > 0]
        if any(t.interval(result=True).overlaps((n.tok.interval() / d.tok.interval()).scale(100))
               for n, d in others):
            chk = _hedge(sec, chk, "the nearest profit and revenue do not fit, another pair does")
    return [chk]


def _growth_after(fs: list[_Framed], x: _Framed, basis: str = "同比") -> _Framed | None:
    """The 同比 (or 环比) growth written right after a level ("108.01 亿元，同比增长 29.0%，环比
    增长 22.0%"): the next figures of its sentence, before any other level."""
    for i in range(x.index + 1, min(x.index + 3, len(fs))):
        g = fs[i]
        if g.tok.sent != x.tok.sent or g.tok.fig.kind != FigureKind.PERCENT or re.search("[。；;]", g.lead):
            return None
        if basis in g.lead:
            return g
    return None


def _derived_margin_change(sec: Para, fs: list[_Framed], m: _Framed, c: _Framed) -> Check | None:
    """A margin's 同比 (环比) change in points, from this period's profit and revenue and their
    同比 (环比) growth: the earlier margin = (P/(1+gP)) / (R/(1+gR)), an intermediate the text
    does not state. The profit and revenue are the nearest ones before the margin in its topic."""
    mm = _MARGIN.search(m.lead[-10:])
    if not mm:
        return None
    basis = "环比" if "环比" in c.lead else "同比"
    nums, dens = _margin_inputs(fs, m, mm)
    nums = [x for x in nums if x.topic == m.topic and x.index < m.index]
    dens = [x for x in dens if x.topic == m.topic and x.index < m.index]
    if not nums or not dens:
        return None
    n, d = nums[-1], dens[-1]
    if _other_basis(mm, n):
        return None
    gn, gd = _growth_after(fs, n, basis), _growth_after(fs, d, basis)
    if gn is None or gd is None or n.tok.cunit != d.tok.cunit:
        return None
    one = Interval(1, 1)
    fn, fd = one + _level(gn).scale(0.01), one + _level(gd).scale(0.01)
    if fn.lo <= 0 or fd.lo <= 0 or d.tok.interval().lo <= 0:
        return None
    now = (n.tok.interval() / d.tok.interval()).scale(100)
    before = now * fd / fn
    change = now * (one - fd / fn)
    label = "上期净利率" if basis == "环比" else "上年净利率"
    chk = _judge_signed(
        sec, "change", c, [n.tok, gn.tok, d.tok, gd.tok],
        [(f"{n.tok.text}/{d.tok.text} - {label} {_fmt(before.mid)}% "
          f"(= ({n.tok.text}/(1+{_signed_text(gn)}))/({d.tok.text}/(1+{_signed_text(gd)}))) = {c.tok.text}",
          change)],
        derived=True)
    return chk


def _loose_share(t: Tok) -> Interval:
    iv = t.interval(result=True)
    if t.fig.decimals == 0:
        return Interval(iv.lo - 0.5, iv.hi + 0.5)
    return iv


def _judge_shares(sec: Para, shares: list[tuple[_Framed, _Framed, list[_Framed]]]) -> list[Check]:
    """Shares of one whole. A whole is certain when it is the only candidate in the part's own
    sentence, or when two other shares of the same sentence fit it; a share that does not fit a
    certain whole is inconsistent. A figure with its own share is a sibling, never the whole."""
    parts = {part.index for _, part, _ in shares}
    fits: dict[tuple[int, int], int] = {}
    for c, part, whole in shares:
        for w in whole:
            iv = w.tok.interval()
            if iv.lo > 0 and c.tok.interval(result=True).overlaps((part.tok.interval() / iv).scale(100)):
                fits[(w.index, c.tok.sent)] = fits.get((w.index, c.tok.sent), 0) + 1
    out = []
    for c, part, whole in shares:
        t = c.tok
        whole = [w for w in whole if w.index not in parts]
        if not whole:
            out.append(_unverifiable(sec, "share", t, [part.tok], f"{part.tok.text} / (whole) = {t.text}",
                                     "the whole is not stated"))
            continue
        readings = [(f"{part.tok.text} / {w.tok.text} = {t.text}",
                     (part.tok.interval() / w.tok.interval()).scale(100)) for w in whole
                    if w.tok.interval().lo > 0]
        if not readings:
            continue
        # whole-percent shares of one list are often nudged to add up to 100 (58.46% -> 59%)
        loose = _loose_share(t)
        # the certain whole: the only one in the part's own sentence, or the one that two other
        # shares of the same sentence fit; without one, any whole may confirm, none refute
        # "150GWh，其中中东 46GWh（占比 35%）": the whole before 其中 in the part's own sentence
        own = [w for w in whole if w.tok.sent == part.tok.sent
               and "其中" in sec.raw[w.tok.sent][w.tok.fig.end:part.tok.fig.start]]
        confirmed = [w for w in whole if fits.get((w.index, t.sent), 0) >= 2]
        certain = confirmed[0] if len(confirmed) == 1 else (
            own[0] if len(own) == 1 and not confirmed else None)
        if certain is not None:
            chk = _judge(sec, "share", t, [part.tok, certain.tok], [
                (f"{part.tok.text} / {certain.tok.text} = {t.text}",
                 (part.tok.interval() / certain.tok.interval()).scale(100))], magnitude=False,
                stated_iv=loose)
        else:
            chk = _hedge(sec, _judge(sec, "share", t, [part.tok, whole[-1].tok], readings,
                                     magnitude=False, stated_iv=loose),
                         "no whole of the section is certain")
        out.append(chk)
    return out


def _hedge(sec: Para, chk: Check, why: str) -> Check:
    """A relation over inputs that are not certain: a fit confirms the stated figure, a
    mismatch proves nothing (unverifiable)."""
    if chk.verdict == "inconsistent":
        return Check(**{**chk.model_dump(), "verdict": "unverifiable", "computed": "",
                        "computed_low": None, "computed_high": None, "gap": None,
                        "note": f"{why}, and none fits"})
    chk.refutable = False
    chk.note = (chk.note + "; " if chk.note else "") + why
    return chk


def _find_parts(sec: Para, fs: list[_Framed]) -> list[Check]:
    """"T，其中 A a、B b" (the parts may follow in the next clauses, the total may close the
    previous sentence): parts that fit the total hold; parts that do not are unverifiable, since
    其中-parts need not exhaust the total and may nest."""
    out = []
    for si, raw in enumerate(sec.raw):
        i = raw.find("其中")
        if i < 0:
            continue
        after = [x for x in fs if x.tok.sent == si and x.tok.fig.start > i and not x.tok.bound]
        after = [x for x in after if x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
        if not after:
            continue
        unit = after[0].tok.cunit
        before = [x for x in fs if x.tok.cunit == unit and not x.tok.bound and (
            x.tok.sent == si and x.tok.fig.end <= i
            or x.tok.sent == si - 1 and sec.sentences[si - 1].paragraph == sec.sentences[si].paragraph)]
        if not before:
            continue
        total = before[-1]
        parts = [x.tok for x in after if x.tok.cunit == unit and not _SHARE_LEAD.search(x.lead)]
        nxt = si + 1
        # "其中乘用车出口 46.78 万辆（+x%）；商用车出口 8.34 万辆": parts go on past a ；
        while len(parts) < 2 and nxt < len(sec.raw) and \
                sec.sentences[nxt].paragraph == sec.sentences[si].paragraph:
            more = [x.tok for x in fs if x.tok.sent == nxt and x.tok.cunit == unit and not x.tok.bound]
            if not more:
                break
            parts.extend(more)
            nxt += 1
        if len(parts) < 2:
            continue
        acc = parts[0].interval()
        for p in parts[1:]:
            acc = acc + p.interval()
        chk = _judge(sec, "sum", total.tok, parts,
                     [(" + ".join(p.text for p in parts) + f" = {total.tok.text}", acc)], magnitude=False)
        # 其中-parts need not exhaust the total, and may nest (新能源 ⊃ 太阳能)
        chk = _hedge(sec, chk, "其中-parts need not exhaust the total, and may nest")
        out.append(chk)
    return out


# ---------------------------------------------------------------- tables

_CHANGE_HEADER = re.compile(r"同比|环比|变化|变动|增速|增幅|增长|增减|涨跌|差|yoy|YoY|QoQ|Δ")


_HEADER_PERIOD = re.compile(r"[\d\s年季度月QHEA一二三四上下半全预测实际]|[（(]?[EA][）)]?")


def find_table_relations(rows: list[Sentence]) -> list[Check]:
    """A Markdown table read as figures with row and column frames: a column headed 同比/变化
    after two columns of levels states the change between them (growth in %, points for rates,
    a difference for amounts)."""
    if len(rows) < 2:
        return []
    header = [h.strip() for h in re.split(r"[，,]", rows[0].text)]
    out: list[Check] = []
    for row in rows[1:]:
        para = _build_para(row.paragraph, [row])
        raw = para.raw[0]
        bounds, pos = [], 0
        for cell in re.split(r"，|(?<!\d),|,(?!\d)", raw):
            bounds.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        if len(bounds) != len(header):
            continue
        cells: list[Tok | None] = []
        for lo, hi in bounds:
            inside = [t for t in para.toks if lo <= t.fig.start < hi]
            cells.append(inside[0] if len(inside) == 1 else None)
        for j in range(3, len(header)):
            c, a, b = cells[j], cells[j - 2], cells[j - 1]
            if c is None or a is None or b is None or not _CHANGE_HEADER.search(header[j]):
                continue
            if _CHANGE_HEADER.search(header[j - 1]) or _CHANGE_HEADER.search(header[j - 2]):
                continue
            # the two level columns must be one metric at the same sub-period of consecutive years
            # ("2024 年一季度 | 2025 年一季度"; "2024A | 2023A" reads right to left)
            if _HEADER_PERIOD.sub("", header[j - 2]) != _HEADER_PERIOD.sub("", header[j - 1]):
                continue
            ka, kb = period_key(header[j - 2]), period_key(header[j - 1])
            if ka is None or kb is None or ka[1] != kb[1] or abs(ka[0] - kb[0]) != 1:
                continue
            if ka[0] > kb[0]:
                a, b = b, a
            ia, ib = a.interval(), b.interval()
            pct = FigureKind.PERCENT
            if a.fig.kind == pct and b.fig.kind == pct and (_is_points(c) or c.fig.kind == pct):
                readings = [(f"{b.text} - {a.text} = {c.text}", ib - ia)]
                kind = "change"
            elif a.fig.kind != pct and b.fig.kind != pct and c.fig.kind == pct and ia.lo > 0:
                readings = [(f"({b.text}/{a.text} - 1) = {c.text}", (ib / ia - Interval(1, 1)).scale(100))]
                kind = "growth"
            elif a.fig.kind != pct and b.fig.kind != pct and c.fig.kind != pct:
                # the change cell may carry the unit the header gives the levels ("-641 亿元")
                k = (c.fig.scale or 1.0) if c.fig.kind != a.fig.kind else 1.0
                readings = [(f"{b.text} - {a.text} = {c.text}", (ib - ia).scale(k))]
                kind = "change"
            else:
                continue
            chk = _judge(para, kind, c, [a, b], readings, magnitude=False)
            chk.relation += f" (table: {header[j - 2]} → {header[j - 1]}, {header[j]})"
            out.append(chk)
    return out


# ---------------------------------------------------------------- valuation tables

_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EPS_HEAD = re.compile(r"EPS|每股收益", re.I)
_PE_HEAD = re.compile(r"(?<![A-Za-z])P\s*/?\s*E(?![A-Za-z])|市盈率")
_HEAD_YEAR = re.compile(r"((?:19|20)\d{2})\s*([AE])?")
# the share price the table is computed at ("股价（元）", "收盘价（07-11）", "昨收盘"), never 目标价
_PRICE_HEAD = re.compile(r"股价|收盘")
# a PE table is priced at a date the text does not give, and per-share earnings are rounded
# to cents: a few percent between the columns is the price or rounding, not an error
_PE_SLACK = 0.05
# an actual year's PE is often priced at that year's close, which may lie far from today's.
# Measured over the corpus' valuation tables (132 rows with an A year and forecasts that agree
# within 10%): actual/forecast price within 1.05x in 105, 1.1x 113, 1.2x 119, 1.3x 122, 1.5x
# 123, 2x 128. Between 1.5x and 2x sit garbled rows (283, 346 百联股份) but also a correct one:
# 346 毛戈平 (HK IPO in December 2024) 1.80 × 29.31 = 52.76 at 2024's close against 2.36 ×
# 38.02 = 89.73 = today's HK$98.30, 1.70x. No band under 2x refutes without that false alarm.
_ACTUAL_SLACK = 1.0


def _markdown_tables(text: str) -> list[list[list[str]]]:
    """The Markdown tables of a text as rows of cells, empty cells kept (a header cell spanning
    the empty ones after it: "| EPS（元） |  |  | PE |  |  |")."""
    from macrodesk.segment import strip_markup

    tables: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for line in text.split("\n") + [""]:
        if _MD_ROW.match(line):
            if not _MD_SEP.match(line):
                cur.append([strip_markup(c).strip() for c in line.strip().strip("|").split("|")])
            continue
        if cur:
            tables.append(cur)
            cur = []
    return tables


def _column_labels(header_rows: list[list[str]], width: int) -> list[str]:
    labels = [""] * width
    for row in header_rows:
        fill = ""
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            fill = cell or (fill if j else "")
            labels[j] += " " + fill
    return [x.strip() for x in labels]


def _cell_value(cell: str) -> float | None:
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*", cell)
    return float(m.group(1)) if m else None


def find_valuation_relations(text: str, rows: list[Sentence]) -> list[Check]:
    """A valuation table (EPS and PE of the same years, one company per row) prices each row
    once: EPS × PE is the share price in every year. The PE of each year is recomputed from the
    price the anchor year gives (the year marked A, else the last year), a derived relation."""
    by_text = {re.sub(r"\s+", "", r.text): r for r in rows}
    out: list[Check] = []
    for table in _markdown_tables(text):
        width = max(len(r) for r in table)
        nhead = 0
        while nhead < len(table) and not any(_cell_value(c) is not None for c in table[nhead][1:]):
            nhead += 1
        if nhead == 0 or nhead == len(table):
            continue
        labels = _column_labels(table[:nhead], width)
        eps: dict[int, int] = {}
        pe: dict[int, tuple[int, bool]] = {}  # year -> (column, marked E)
        for j, lab in enumerate(labels):
            ym = _HEAD_YEAR.search(lab)
            if not ym:
                continue
            year = int(ym.group(1))
            if _EPS_HEAD.search(lab) and not _PE_HEAD.search(lab):
                eps.setdefault(year, j)
            elif _PE_HEAD.search(lab) and not _EPS_HEAD.search(lab):
                pe.setdefault(year, (j, ym.group(2) == "E"))
        years = sorted(set(eps) & set(pe))
        if len(years) < 2:
            continue
        close = next((j for j, lab in enumerate(labels)
                      if _PRICE_HEAD.search(lab) and not _HEAD_YEAR.search(lab)), None)
        for cells in table[nhead:]:
            sent = by_text.get(re.sub(r"\s+", "", "，".join(c for c in cells if c)))
            if sent is not None:
                out.extend(_valuation_row(sent, cells, eps, pe, years, labels, close))
    return out


def _valuation_row(sent: Sentence, cells: list[str], eps: dict[int, int],
                   pe: dict[int, tuple[int, bool]], years: list[int], labels: list[str],
                   close: int | None = None) -> list[Check]:
    """Forecast (E) PEs of one row are computed at today's price, so EPS × PE agrees across
    them within rounding; the first forecast year gives that price. An actual (A) year's PE may
    be priced at that year's close: it gives a price too, but only a gap beyond a factor of two
    refutes the first forecast PE against it. Without A/E marks every year is one price, the
    last year its anchor."""
    para = _build_para(sent.paragraph, [sent])
    # the row's non-empty cells, in order, are the comma-joined parts of its sentence
    bounds, pos = {}, 0
    for j, c in enumerate(cells):
        if c:
            bounds[j] = (pos, pos + len(c))
            pos += len(c) + 1

    def tok(j: int) -> Tok | None:
        if j not in bounds or _cell_value(cells[j]) is None:
            return None
        lo, hi = bounds[j]
        inside = [t for t in para.toks if lo <= t.fig.start < hi]
        return inside[0] if len(inside) == 1 and inside[0].interval().lo > 0 else None

    row = {y: (e, p) for y in years if (e := tok(eps[y])) is not None and (p := tok(pe[y][0])) is not None}
    # among E-marked years, a year without the mark (2024A, 2024) is an actual one
    marked = any(pe[y][1] for y in years)
    forecast = [y for y in row if pe[y][1]] if marked else list(row)
    actual = [y for y in row if not pe[y][1]] if marked else []
    pairs: list[tuple[int, int, float]] = []  # (price year, stated year, slack)
    if forecast:
        anchor = forecast[0] if marked else forecast[-1]
        pairs += [(anchor, y, _PE_SLACK) for y in forecast if y != anchor]
        pairs += [(y, forecast[0], _ACTUAL_SLACK) for y in actual]
    out = []
    for py, sy, slack in pairs:
        e0, p0 = row[py]
        e, p = row[sy]
        price = e0.interval() * p0.interval()
        iv = p.interval(result=False)
        stated = Interval(iv.lo / (1 + slack), iv.hi * (1 + slack))
        why = "within 5%" if slack == _PE_SLACK else "an actual year's close may differ by up to 2x"
        readings = [(f"{e0.text} × {p0.text} / {e.text} = {p.text} (price {_fmt(price.mid)} from {py}, "
                     f"{why}; table: {labels[pe[sy][0]]})", price / e.interval())]
        chk = _judge(para, "ratio", p, [e0, p0, e], readings, magnitude=False, stated_iv=stated)
        if slack != _PE_SLACK and chk.verdict == "consistent":
            # inside the loose band that refutes, but only the tight one confirms
            tight = Interval(iv.lo / (1 + _PE_SLACK), iv.hi * (1 + _PE_SLACK))
            if _judge(para, "ratio", p, [e0, p0, e], readings, magnitude=False,
                      stated_iv=tight).verdict != "consistent":
                chk = _unverifiable(para, "ratio", p, [e0, p0, e], readings[0][0],
                                    "an actual year's PE may be priced at that year's close")
        chk.derived = True
        out.append(chk)
    # only E-marked years are certainly priced today: unmarked years may hide an actual one
    # (181, June 2025: "2024 PE 21.32" and "2025 PE 12.28" are 1.5x apart, 2024 being past)
    if marked and len(forecast) >= 2:
        out = _forecast_clash(para, row, anchor, pairs, out, labels, pe,
                              tok(close) if close is not None else None)
    return out


def _forecast_clash(para: Para, row: dict[int, tuple[Tok, Tok]], anchor: int,
                    pairs: list[tuple[int, int, float]], checks: list[Check], labels: list[str],
                    pe: dict[int, tuple[int, bool]], close: Tok | None) -> list[Check]:
    """The anchor year's PE is only ever an input of the row's forecast checks: when another
    forecast PE refutes the price it gives, the anchor's PE is as much in the inconsistency as
    that one (北新建材 in 177: 2.16 × 10.03 = 21.66 for 2025E, 3.00 × 16.68 = 50.04 for 2026E),
    unless another year's price agrees with the anchor's within 5% (海螺水泥: 2024A 17.08, 2025E
    17.04, 2026E 23.48 — then 2026E alone is off) or the table's own share price does (346:
    周大生 close 13.37 = 1.03 × 12.98 for 2025E; 2026E's 1.17 × 10.50 = 12.29 is off). The
    actual year's check on the anchor's PE (2x band) is replaced by one that names the prices
    which disagree."""
    clash = [sy for (py, sy, slack), c in zip(pairs, checks, strict=True)
             if py == anchor and slack == _PE_SLACK and c.verdict == "inconsistent"]
    if not clash or any(c.verdict == "consistent" for (py, sy, _), c in zip(pairs, checks, strict=True)
                        if anchor in (py, sy)):
        return checks
    e0, p0 = row[anchor]
    price0 = e0.interval() * p0.interval()
    if close is not None:
        civ = close.interval()
        if Interval(civ.lo / (1 + _PE_SLACK), civ.hi * (1 + _PE_SLACK)).overlaps(price0):
            return checks
    actual = [py for py, sy, slack in pairs if sy == anchor and slack != _PE_SLACK]
    context = "".join(f"; {y}: {row[y][0].text} × {row[y][1].text} = "
                      f"{_fmt((row[y][0].interval() * row[y][1].interval()).mid)}, not within 5% of it"
                      for y in actual)
    readings = []
    for y in clash:
        e, p = row[y]
        price = e.interval() * p.interval()
        readings.append((f"{e.text} × {p.text} / {e0.text} = {p0.text} (price {_fmt(price.mid)} from {y} "
                         f"against {e0.text} × {p0.text} = {_fmt(price0.mid)} from {anchor}: the forecast "
                         f"PEs of one row disagree beyond 5%{context}; table: {labels[pe[anchor][0]]})",
                         price / e0.interval()))
    iv = p0.interval(result=False)
    tight = Interval(iv.lo / (1 + _PE_SLACK), iv.hi * (1 + _PE_SLACK))
    inputs = [t for y in actual for t in row[y]] + [e0] + [t for y in clash for t in row[y]]
    chk = _judge(para, "ratio", p0, inputs, readings, magnitude=False, stated_iv=tight)
    if chk.verdict != "inconsistent":
        return checks
    chk.derived = True
    # one check on the anchor's PE: the actual years' checks on it are the context of this one
    return [c for (py, sy, _), c in zip(pairs, checks, strict=True) if sy != anchor] + [chk]


# ---------------------------------------------------------------- shares in a table

_SHARE_HEAD = re.compile(r"^(?:占比|份额|比重|占总量比重?)$")
_UNIT_HEAD = re.compile(r"[（(]\s*([^（）()]{1,6})\s*[)）]\s*$")
_LABEL_HEAD = re.compile(r"^([\u4e00-\u9fa5A-Za-z]{2,10})\s*[-－—–]")


def find_table_shares(text: str, rows: list[Sentence], prose: list[Sentence]) -> list[Check]:
    """"| 小客车胎 - 贸易伙伴 | 出口量（万吨） | 占比 |" under "小客车胎对外出口 32.59 万吨": each row's
    amount over the whole the prose states for the block's label, in the column's unit. The
    whole is certain only when it is the one figure in that unit right after the label."""
    by_text = {re.sub(r"\s+", "", r.text): r for r in rows}
    out: list[Check] = []
    for table in _markdown_tables(text):
        if len(table) < 2:
            continue
        head = table[0]
        for j in range(2, len(head)):
            um = _UNIT_HEAD.search(head[j - 1])
            if not _SHARE_HEAD.match(head[j]) or not um:
                continue
            label = next((lm.group(1) for k in range(j - 2, -1, -1)
                          if (lm := _LABEL_HEAD.match(head[k]))), None)
            if label is None:
                continue
            wholes = [(ps, f) for ps in prose for f in ps.figures
                      if f.unit == um.group(1) and f.value and label in ps.text[max(0, f.start - 16):f.start]]
            if len(wholes) != 1:
                continue
            ws, wf = wholes[0]
            for cells in table[1:]:
                sent = by_text.get(re.sub(r"\s+", "", "，".join(c for c in cells if c)))
                if sent is None or j >= len(cells) or not cells[j - 1] or not cells[j]:
                    continue
                chk = _table_share(ws, wf, sent, cells, j)
                if chk is not None:
                    out.append(chk)
    return out


def _table_share(ws: Sentence, wf: Figure, row: Sentence, cells: list[str], j: int) -> Check | None:
    para = _build_para(row.paragraph, [ws, row])
    pos, bounds = 0, {}
    for k, c in enumerate(cells):
        if c:
            bounds[k] = (pos, pos + len(c))
            pos += len(c) + 1

    def cell(k: int) -> Tok | None:
        lo, hi = bounds[k]
        inside = [t for t in para.toks if t.sent == 1 and lo <= t.fig.start < hi]
        return inside[0] if len(inside) == 1 else None

    whole = next((t for t in para.toks if t.sent == 0 and t.fig.start == wf.start), None)
    part, share = cell(j - 1), cell(j)
    if whole is None or part is None or share is None or share.fig.kind != FigureKind.PERCENT \
            or part.fig.kind != FigureKind.NUMBER:
        return None
    # the amount is written in the column's unit, the whole in the same unit: compare as written
    wi = figure_interval(whole.fig, approx=whole.approx)
    if wi.lo <= 0:
        return None
    got = (figure_interval(part.fig) / wi).scale(100)
    chk = _judge(para, "share", share, [part, whole],
                 [(f"{part.text} / {whole.text} = {share.text}", got)], magnitude=False)
    chk.sentence_id, chk.sentence = row.id, row.text
    return chk


# ---------------------------------------------------------------- inputs across sections
# A margin, a share or a margin's 同比 change left unverifiable in its own section may have its
# inputs in another section of the article ("### 核心业绩表现" gives 归母净利润 944.6 亿元 and 营收
# 2368.3 亿元, "### 盈利水平" the 归母净利率 39.9%). Article-wide, several figures usually line
# up: a fit confirms the stated figure (refutable: false), a mismatch proves nothing.

_FILLER_WORDS = re.compile(r"总|全部|整体|合计|规模|金额|额度|额")
_PARA_LABEL = re.compile(r"^[\s*#\d.、]*([\u4e00-\u9fa5A-Za-z]{2,10})[\s*]*[：:]")
_COST = re.compile(r"营业成本|营收成本|销售成本")


@dataclass
class _Across:
    art: Para
    fs: list[_Framed]
    labels: dict[int, str]  # paragraph -> the label it opens with ("净利润", "阳光电源")
    heads: dict[str, str]  # sentence id -> the nearest heading above it ("4.1 大族数控")
    by_key: dict[tuple[str, str], _Framed]  # (sentence id, figure text) -> its framed figure
    paired: list[_Framed]  # figures whose period a list of periods gives by position

    def label(self, x: _Framed) -> str:
        return self.labels.get(x.paragraph, "")

    def words(self, x: _Framed) -> str:
        """What a figure measures: its metric and the label of its paragraph ("净利润：…上能电气 0.88 亿元")."""
        return x.metric + "|" + self.label(x)


def _across(every: list[Sentence], cache: _Cache) -> _Across:
    heads: dict[str, str] = {}
    head = ""
    for s in every:
        if s.kind == "heading":
            head = s.text
        heads[s.id] = head
    sentences = [s for s in every if s.kind not in ("table", "heading")]
    art = _build_para(0, sentences, cache)
    fs = _framed(art)
    labels: dict[int, str] = {}
    for s, raw in zip(sentences, art.raw, strict=True):
        if s.paragraph not in labels:
            m = _PARA_LABEL.match(raw)
            labels[s.paragraph] = m.group(1) if m else ""
    keys = {(art.sentences[x.tok.sent].id, x.tok.text): x for x in reversed(fs)}
    return _Across(art, fs, labels, heads, keys, _pair_periods(art, fs))



def _pair_periods(art: Para, fs: list[_Framed]) -> list[_Framed]:
    """"2024Q1、2025Q1 营收分别达 713.99 亿元、767.27 亿元", "2024&2025Q1 …归母净利率为 16.35%、
    14.49%": a list of periods and the list of figures after it pair by position; each figure
    takes its own period."""
    by_sent: dict[int, list[_Framed]] = {}
    runs: list[_Framed] = []
    for x in fs:
        by_sent.setdefault(x.tok.sent, []).append(x)
    for si, xs in by_sent.items():
        raw = art.raw[si]
        for m in _PERIOD_SEQ.finditer(raw):
            periods = re.findall(_PERIOD_ITEM, m.group(0))
            after = [x for x in xs if x.tok.fig.start > m.end()]
            if len(after) < len(periods) or re.search("[，,。；;]", raw[m.end():after[0].tok.fig.start]) and \
                    "分别" not in raw[m.end():after[0].tok.fig.start]:
                continue
            run = after[:len(periods)]
            if any(not re.fullmatch(r"\s*[、/]\s*", y.lead) for y in run[1:]) \
                    or any(y.tok.cunit != run[0].tok.cunit for y in run):
                continue
            # "2024&2025Q1": the first item's sub-period is its own (a whole year), not the last's
            for y, p in zip(run, periods, strict=True):
                y.period = re.sub(r"\s+", "", p)
                y.metric = y.metric or run[0].metric  # "分别达 713.99 亿元、767.27 亿元": one metric
                runs.append(y)
    return runs


def _one_plus(g: _Framed) -> str:
    """"(1+13%)", "(1-9%)": one plus a signed growth as the relation shows it."""
    text = re.sub(r"\s+", "", _signed_text(g))
    return f"(1{text})" if text[:1] in "+-" else f"(1+{text})"


def _same_period(a: str, b: str) -> bool:
    """Periods that may be the same: equal, or one without a year ("一季度", "") — only for
    confirming, never refuting."""
    ka, kb = period_key(a), period_key(b)
    return a == b or ka is None or kb is None or ka == kb


def _margin_word(ac: _Across, m: _Framed) -> re.Match[str] | None:
    """The margin a percent is a level of: named in its lead, else last named earlier in its
    sentence or the sentence before in its paragraph ("归母净利率 39.9%，…；剔除茅台后 33.7%")."""
    mm = _MARGIN.search(m.lead[-10:])
    if mm:
        return mm
    raw = ac.art.raw[m.tok.sent]
    text = raw[:m.tok.fig.start]
    prev = m.tok.sent - 1
    if prev >= 0 and ac.art.sentences[prev].paragraph == m.paragraph:
        text = ac.art.raw[prev] + text
    found = list(_MARGIN.finditer(text))
    return found[-1] if found else None


def _margin_pairs(ac: _Across, m: _Framed, mm: re.Match[str], *,
                  strict: bool = False) -> list[tuple[_Framed, _Framed, Interval, str]]:
    """(profit, revenue, margin interval, formula) of every pair of m's period in the article;
    a 毛利率 also from revenue and 营业成本 ((R - C)/R, the 毛利 an unstated intermediate).
    `strict`: only figures of the very same written period, on the margin's own basis (归母 for
    归母净利率, not for a plain 净利率)."""
    net = mm.group(4) == "净"
    # "非归母净利率" is on total profit
    guimu = bool(mm.group(2)) and mm.string[max(0, mm.start() - 1):mm.start()] != "非"
    key = period_key(m.period)
    if strict and key is None:
        return []
    money = [x for x in ac.fs if x.tok.fig.kind == FigureKind.MONEY and not x.tok.bound
             and x.tok.interval().lo > 0 and (period_key(x.period) == key if strict else _same_period(x.period, m.period))]
    word = ac.words

    def is_num(x: _Framed) -> bool:
        if "率" in x.metric or "占" in x.lead:
            return False
        if net:
            return "净利" in word(x) and ("扣非" in word(x)) == bool(mm.group(1)) \
                and ("归母" in word(x) or not guimu) and not (strict and "归母" in word(x) and not guimu)
        return "毛利" in word(x)

    def is_den(x: _Framed) -> bool:
        return bool(re.search("收入|营收", word(x))) and "利" not in x.metric and "占" not in x.lead

    nums = [x for x in money if is_num(x)]
    dens = [x for x in money if is_den(x)]
    out = []
    for d in dens:
        for n in nums:
            if n.tok.cunit == d.tok.cunit and _same_period(n.period, d.period):
                iv = (n.tok.interval() / d.tok.interval()).scale(100)
                if net and not guimu and "归母" in word(n):
                    # a plain 净利率 is on total profit, which minorities usually make a little
                    # larger than the 归母 ratio: up to 1% of it confirms
                    iv = Interval(iv.lo, iv.hi * 1.01)
                out.append((n, d, iv, f"{n.tok.text} / {d.tok.text}"))
        if not net:
            for cost in money:
                if _COST.search(word(cost)) and cost.tok.cunit == d.tok.cunit \
                        and _same_period(cost.period, d.period):
                    iv = ((d.tok.interval() - cost.tok.interval()) / d.tok.interval()).scale(100)
                    out.append((cost, d, iv, f"({d.tok.text} - {cost.tok.text}) / {d.tok.text}"))
    return out


def _confirm(ac: _Across, kind: str, c: _Framed, inputs: list[Tok], relation: str, iv: Interval,
             why: str, *, derived: bool = False, signed: bool = False) -> Check | None:
    """A relation over inputs found across the article: kept only when it fits."""
    if signed:
        chk = _judge_signed(ac.art, kind, c, inputs, [(relation, iv)], derived=derived)
    else:
        chk = _judge(ac.art, kind, c.tok, inputs, [(relation, iv)], magnitude=False)
        chk.derived = derived
    if chk.verdict != "consistent":
        return None
    chk.refutable = False
    chk.note = why
    return chk


def _across_margin(ac: _Across, c: _Framed) -> Check | None:
    mm = _margin_word(ac, c)
    if mm is None:
        return None
    # certain: the only profit and the only revenue of the margin's very period in the article
    # ("2024&2025Q1 …归母净利率为 16.35%、14.49%" and "2025Q1 归母净利润 25.55 亿元", "2024Q1、
    # 2025Q1 营收分别达 713.99 亿元、767.27 亿元")
    # (a figure restated in a summary paragraph is the same figure)
    only = list({p[3]: p for p in _margin_pairs(ac, c, mm, strict=True) if not p[3].startswith("(")}.values())
    if len(only) == 1:
        n, d, iv, formula = only[0]
        if not _margin_pairs_ambiguous(ac, c, mm, n, d):
            only_pair = _judge(ac.art, "ratio", c.tok, [n.tok, d.tok], [(f"{formula} = {c.tok.text}", iv)],
                               magnitude=False)
            only_pair.note = "the only profit and revenue of that period in the article"
            return only_pair
    for n, d, iv, formula in _margin_pairs(ac, c, mm):
        chk = _confirm(ac, "ratio", c, [n.tok, d.tok], f"{formula} = {c.tok.text}", iv,
                       "the profit and revenue of that period stand elsewhere in the article",
                       derived=formula.startswith("("))
        if chk is not None:
            return chk
    return None


def _margin_pairs_ambiguous(ac: _Across, c: _Framed, mm: re.Match[str], n: _Framed, d: _Framed) -> bool:
    """Another profit or revenue written with the margin's period may be meant: same words, but
    a period that is not written as exactly the same (a quarter inside a year)."""
    loose = _margin_pairs(ac, c, mm)
    return any(p[0].tok.text != n.tok.text and p[0].period == c.period
               or p[1].tok.text != d.tok.text and p[1].period == c.period for p in loose)


def _across_margin_change(ac: _Across, c: _Framed) -> list[Check]:
    """A margin's 同比/环比 change from the profit and revenue pair its level fits, and their growths."""
    if c.index == 0:
        return []
    m = ac.fs[c.index - 1]
    if m.tok.sent != c.tok.sent or m.tok.fig.kind != FigureKind.PERCENT or re.search("[。；;]", c.lead):
        return []
    mm = _margin_word(ac, m)
    if mm is None:
        return []
    basis = "环比" if "环比" in c.lead else "同比"
    one = Interval(1, 1)
    for n, d, iv, formula in _margin_pairs(ac, m, mm):
        if formula.startswith("(") or not m.tok.interval(result=True).overlaps(iv):
            continue
        gn, gd = _growth_after(ac.fs, n, basis), _growth_after(ac.fs, d, basis)
        if gn is None or gd is None:
            continue
        fn, fd = one + _level(gn).scale(0.01), one + _level(gd).scale(0.01)
        if fn.lo <= 0 or fd.lo <= 0:
            continue
        now = (n.tok.interval() / d.tok.interval()).scale(100)
        before = now * fd / fn
        label = "上期净利率" if basis == "环比" else "上年净利率"
        chk = _confirm(
            ac, "change", c, [n.tok, gn.tok, d.tok, gd.tok],
            f"{n.tok.text}/{d.tok.text} - {label} {_fmt(before.mid)}% (= ({n.tok.text}/{_one_plus(gn)})"
            f"/({d.tok.text}/{_one_plus(gd)})) = {c.tok.text}",
            now * (one - fd / fn), "the profit, revenue and their growths stand elsewhere in the article",
            derived=True, signed=True)
        if chk is None:
            continue
        out = [chk]
        level = _across_margin(ac, m)
        if level is not None:
            out.append(level)
        return out
    return []


def _across_share(ac: _Across, c: _Framed, part_text: str) -> Check | None:
    """A share whose whole is a figure of the same unit named with the entity the part's
    paragraph is about ("阳光电源：储能系统营收 249.6 亿元（占比 32%）" of "2024 年阳光电源以
    778.57 亿元营收居首")."""
    parts = [x for x in ac.fs if x.tok.sent == c.tok.sent and x.tok.text == part_text]
    entity = ac.label(c)
    if not parts or len(entity) < 2:
        return None
    part = parts[0]
    for w in ac.fs:
        if w is part or w.tok.cunit != part.tok.cunit or w.tok.bound or entity not in w.lead \
                or w.tok.interval().lo <= part.tok.interval().hi or w.paragraph == part.paragraph:
            continue
        chk = _confirm(ac, "share", c, [part.tok, w.tok], f"{part.tok.text} / {w.tok.text} = {c.tok.text}",
                       (part.tok.interval() / w.tok.interval()).scale(100),
                       f"the whole is a figure of {entity} elsewhere in the article")
        if chk is not None:
            return chk
    return None


def _resolve_across(sentences: list[Sentence], checks: list[Check], cache: _Cache) -> list[Check]:
    """Checks that replace unverifiable ones (same sentence, same stated figure), or add a level
    a confirmed change rests on."""
    todo = [ck for ck in checks if ck.verdict == "unverifiable"
            and ck.kind in ("ratio", "change", "share", "difference")]
    if not todo and not any(re.search("合计|其中|利差|同期|占", s.text) for s in sentences):
        return []
    ac = _across(sentences, cache)
    out: list[Check] = _across_totals(ac) + _across_named_shares(ac)
    if any("同期" in raw for raw in ac.art.raw):
        out.extend(_across_earlier_margins(ac))
    if any("利差" in raw for raw in ac.art.raw):
        out.extend(_across_spreads(ac))
    for ck in todo:
        c = ac.by_key.get((ck.sentence_id, ck.stated))
        if c is None:
            continue
        if ck.kind == "ratio" and ck.relation.startswith("(profit)/(revenue)"):
            if (chk := _across_margin(ac, c)) is not None:
                out.append(chk)
        elif ck.kind == "change" and _is_points(c.tok) and "(earlier level)" in ck.relation:
            found = _across_margin_change(ac, c) or _across_share_change(ac, c)
            if not found and (chk := _across_margin_vs_year(ac, c)) is not None:
                found = [chk]
            out.extend(found)
        elif ck.kind == "difference" and ck.relation.startswith("(level) - (level)"):
            if (chk := _across_named_gap(ac, c)) is not None:
                out.append(chk)
        elif ck.kind == "share" and "(whole)" in ck.relation and ck.inputs:
            if (chk := _across_share(ac, c, ck.inputs[0])) is not None:
                out.append(chk)
    # the later margins of a list paired with periods ("归母净利率为 16.35%、14.49%") have no check yet
    for x in ac.paired:
        if x.tok.fig.kind == FigureKind.PERCENT and _margin_word(ac, x) is not None \
                and (chk := _across_margin(ac, x)) is not None:
            out.append(chk)
    return out


# ---------------------------------------------------------------- "由 A - B": a flattened 由A降至B
# PDF text loses 降至/升至 between two levels: "销售毛利率由 9.5% - 7.7%，同比下降 1.8 个百分点"
# reads 由 9.5% 降至 7.7%. Only after 由/从 and only with the change in points right after it
# (a range "9.5%-7.7%" has no 由 before it, nor a change in points after it).
_DASH_PAIR = re.compile(
    f"{_FROM}{W(2)}({FIG})[-－—–]({FIG})[，,]?(?:同比|环比)?(?:{_VERB})(?:了)?(?:约)?({FIG})")
_DASH_MID = re.compile(r"^\s*[-－—–]\s*$")


def _find_dash_changes(para: Para) -> list[Check]:
    out = []
    for m in _DASH_PAIR.finditer(para.masked):
        a, b, c = (para.tok(m.group(i)) for i in (1, 2, 3))
        if a.fig.kind == b.fig.kind == FigureKind.PERCENT and _is_points(c):
            chk = _change(para, a, b, c, "")
            if chk is not None:
                chk.relation += " (由 A - B read as 由 A 至 B)"
                out.append(chk)
    return out


FINDERS.append(_find_dash_changes)


def _dash_margin(c: _Framed, b: _Framed) -> re.Match[str] | None:
    """The margin B of "净利率由 A - B，同比下降 C" is this period's: it takes A's margin word."""
    if not (_DASH_MID.match(c.lead) and b.tok.sent == c.tok.sent and b.tok.fig.kind == FigureKind.PERCENT
            and re.search(r"(?:由|从)\s*$", b.lead) and re.match(
                f"^\\s*[，,]?\\s*(?:同比|环比)?\\s*(?:{_UP}|{_DOWN})", c.after)):
        return None
    return _MARGIN.search(b.lead[-12:])


# ---------------------------------------------------------------- lists paired by position
# "2024Q1、2025Q1 半导体设备板块营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、38.85%":
# the periods, levels and growths pair by position; when the periods are the same sub-period of
# consecutive years, each later growth is the later level over the one before it. Every input is
# written in the clause: certain.
_PERIOD_ITEM = r"(?:19|20)\d{2}\s*(?:年\s*)?(?:Q[1-4]|H[12]|[一二三四]季度|上半年|下半年|前三季度)?"
_PERIOD_LIST = re.compile(f"{_PERIOD_ITEM}(?:\\s*[、/和与及]\\s*{_PERIOD_ITEM})+")
_PERIOD_SEQ = re.compile(f"{_PERIOD_ITEM}(?:\\s*[、/和与及&]\\s*{_PERIOD_ITEM})+")
_PAIRED = re.compile(
    f"((?:{DATE_MARK}[、/和与及])+{DATE_MARK}){W(16)}分别(?:为|是|达|约|实现|录得|达到)?"
    f"((?:{FIG}[、/])+{FIG})[，,]?(?:同比|较上年|较去年)(?:{_UP}|{_DOWN})?(?:了|约)?((?:{FIG}[、/])+{FIG})")


def _find_paired_growths(para: Para) -> list[Check]:
    out = []
    for m in _PAIRED.finditer(para.masked):
        n = m.group(1).count(DATE_MARK)
        levels = [para.tok(ch) for ch in m.group(2) if FIG_BASE <= ord(ch) <= FIG_BASE + 0xFFF]
        growths = [para.tok(ch) for ch in m.group(3) if FIG_BASE <= ord(ch) <= FIG_BASE + 0xFFF]
        if not (len(levels) == len(growths) == n) or len({t.sent for t in levels + growths}) != 1:
            continue
        if any(t.fig.kind not in _LEVEL_KINDS or t.cunit != levels[0].cunit or t.bound for t in levels) \
                or any(g.fig.kind != FigureKind.PERCENT or g.bound for g in growths):
            continue
        raw = para.raw[levels[0].sent][:levels[0].fig.start]
        lists = [p for p in _PERIOD_LIST.finditer(raw)]
        if not lists:
            continue
        keys = [period_key(p) for p in re.findall(_PERIOD_ITEM, lists[-1].group(0))]
        if len(keys) != n or any(k is None for k in keys):
            continue
        ks = [k for k in keys if k is not None]
        if any(k[1] != ks[0][1] or k[0] != ks[0][0] + i for i, k in enumerate(ks)):
            continue
        down = re.search(f"(?:{_DOWN})", para.masked[m.end(2):m.start(3)]) is not None
        for i in range(1, n):
            a, b, g = levels[i - 1], levels[i], growths[i]
            if a.interval().lo <= 0:
                continue
            stated = g.interval(result=True)
            if down and (g.fig.value or 0) > 0:
                stated = -stated
            chk = _judge(para, "growth", g, [a, b], [
                (f"({b.text}/{a.text} - 1) = {'-' if down else ''}{g.text} (periods paired by position)",
                 (b.interval() / a.interval() - Interval(1, 1)).scale(100))],
                magnitude=False, stated_iv=stated)
            out.append(chk)
    return out


FINDERS.append(_find_paired_growths)


# ---------------------------------------------------------------- totals and their parts
# "2024 年美护板块营收合计 731.7 亿元，同比 + 12%，归母净利润 100.5 亿元…。其中，化妆品板块合计营收
# 605.6 亿元，同比 + 13%，归母净利润 69.2 亿元…；医美板块营收 126.1 亿元，…归母净利 31.3 亿元":
# each total before 其中 has the parts of its own metric after it. "大族数控、芯碁微装、…五家企业
# 2025 年合计营收 116 亿元": the parts are the figures of that metric and period in the sections
# (or paragraphs) each named company heads. Parts that add up to the total also give its growth:
# last year's total Σ part/(1+g) is an unstated intermediate (derived).
_METRIC_KEYS = (("扣非", "扣非净利"), ("净利", "净利"), ("营收|收入", "营收"), ("毛利", "毛利"),
                ("产量", "产量"), ("销量", "销量"), ("出口", "出口"), ("进口", "进口"))
_NAMED_PARTS = re.compile(r"((?:[\u4e00-\u9fa5A-Za-z]{2,8}、)+[\u4e00-\u9fa5A-Za-z]{2,8})(?:等)?"
                          r"(?:[两二三四五六七八九十\d]+)(?:家|个|只)")


def _metric_key(metric: str) -> str:
    if "率" in metric or "占" in metric:
        return ""
    for rx, key in _METRIC_KEYS:
        if re.search(rx, metric):
            return key
    return ""


def _total_parts(ac: _Across) -> list[tuple[_Framed, list[_Framed]]]:
    out: list[tuple[_Framed, list[_Framed]]] = []
    levels = [x for x in ac.fs if x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)
              and not x.tok.bound and _metric_key(x.metric)]
    for t in levels:
        key, raw = _metric_key(t.metric), ac.art.raw[t.tok.sent]
        same = [x for x in levels if x is not t and x.tok.cunit == t.tok.cunit
                and _metric_key(x.metric) == key and (period_key(x.period) or x.period) == (period_key(t.period) or t.period)]
        named = _NAMED_PARTS.search(raw[:t.tok.fig.start])
        if named and re.search("合计|总计|共计|合共", t.lead):
            parts = []
            for name in named.group(1).split("、"):
                own = [x for x in same if name in ac.heads[ac.art.sentences[x.tok.sent].id] or ac.label(x) == name]
                if len(own) != 1:
                    break
                parts.append(own[0])
            else:
                out.append((t, parts))
            continue
        # the total stands before 其中 in its paragraph, the parts after it
        parts = [x for x in same if x.paragraph == t.paragraph and x.index > t.index
                 and "其中" in _text_between(ac, t, x)]
        if len(parts) >= 2:
            out.append((t, parts))
    return out


def _text_between(ac: _Across, a: _Framed, b: _Framed) -> str:
    if a.tok.sent == b.tok.sent:
        return ac.art.raw[a.tok.sent][a.tok.fig.end:b.tok.fig.start]
    return (ac.art.raw[a.tok.sent][a.tok.fig.end:] + "".join(ac.art.raw[a.tok.sent + 1:b.tok.sent])
            + ac.art.raw[b.tok.sent][:b.tok.fig.start])


def _across_totals(ac: _Across) -> list[Check]:
    out = []
    one = Interval(1, 1)
    for t, parts in _total_parts(ac):
        acc = parts[0].tok.interval()
        for p in parts[1:]:
            acc = acc + p.tok.interval()
        chk = _confirm(ac, "sum", t, [p.tok for p in parts],
                       " + ".join(p.tok.text for p in parts) + f" = {t.tok.text}", acc,
                       "the parts of the total's metric and period stand elsewhere")
        if chk is None:
            continue
        out.append(chk)
        g = _growth_after(ac.fs, t)
        gs = [_growth_after(ac.fs, p) for p in parts]
        if g is None or any(x is None for x in gs):
            continue
        before = Interval(0, 0)
        for p, gp in zip(parts, gs, strict=True):
            assert gp is not None
            f = one + _level(gp).scale(0.01)
            if f.lo <= 0:
                break
            before = before + p.tok.interval() / f
        else:
            shown = " + ".join(f"{p.tok.text}/{_one_plus(gp)}" for p, gp in zip(parts, gs, strict=True) if gp)
            unit = t.tok.fig.scale or 1.0
            growth = _confirm(
                ac, "growth", g, [t.tok, *(p.tok for p in parts), *(gp.tok for gp in gs if gp)],
                f"{t.tok.text} / last year's total {_fmt(before.mid / unit)} (= {shown}) - 1 = {g.tok.text}",
                (t.tok.interval() / before - one).scale(100),
                "last year's total from its parts and their growths", derived=True, signed=True)
            if growth is not None:
                out.append(growth)
    return out


def _across_share_change(ac: _Across, c: _Framed) -> list[Check]:
    """A share's 同比 change in points ("海外营收 6095.55 亿元（同比 + 10.05%），占总营收 8.71%（同比
    + 1.07pct）") from the part, a whole named by the share's words anywhere in the article
    ("八大央企营收 7.00 万亿元（同比 - 3.55%）") and their growths: last year's share is an
    unstated intermediate. Kept only when both the share and its change fit."""
    if c.index < 2 or "同比" not in c.lead:
        return []
    m = ac.fs[c.index - 1]
    sm = re.search(r"占([^，,。；;（(]{1,10}?)(?:的|比重|比例)?\s*(?:为|约|达)?\s*$", m.lead)
    if m.tok.sent != c.tok.sent or m.tok.fig.kind != FigureKind.PERCENT or not sm:
        return []
    before = [x for x in ac.fs[max(0, m.index - 3):m.index] if x.tok.sent == m.tok.sent
              and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound]
    if not before:
        return []
    part, words = before[-1], _FILLER_WORDS.sub("", sm.group(1))
    gp = _growth_after(ac.fs, part)
    if gp is None or len(words) < 2:
        return []
    one = Interval(1, 1)
    for w in ac.fs:
        if w is part or w.tok.cunit != part.tok.cunit or w.tok.bound or not common_metric(words, w.metric) \
                or w.tok.interval().lo <= part.tok.interval().hi:
            continue  # (no period test: a frame's period may be a date it is compared with)
        gw = _growth_after(ac.fs, w)
        share = (part.tok.interval() / w.tok.interval()).scale(100)
        if gw is None or not m.tok.interval(result=True).overlaps(share):
            continue
        fp, fw = one + _level(gp).scale(0.01), one + _level(gw).scale(0.01)
        if fp.lo <= 0 or fw.lo <= 0:
            continue
        earlier = share * fw / fp
        chk = _confirm(
            ac, "change", c, [part.tok, gp.tok, w.tok, gw.tok],
            f"{part.tok.text}/{w.tok.text} - 上年占比 {_fmt(earlier.mid)}% (= ({part.tok.text}/{_one_plus(gp)})"
            f"/({w.tok.text}/{_one_plus(gw)})) = {c.tok.text}",
            share * (one - fw / fp), "the whole and its growth stand elsewhere in the article",
            derived=True, signed=True)
        if chk is None:
            continue
        level = _confirm(ac, "share", m, [part.tok, w.tok], f"{part.tok.text} / {w.tok.text} = {m.tok.text}",
                         share, "the whole stands elsewhere in the article")
        return [chk, level] if level is not None else [chk]
    return []


# ---------------------------------------------------------------- spreads of lists paired by label
# "6M、1Y、5Y、10Y、30Y 中美国债利差（中国 - 美国）…较期初分别变动 2bp、5bp、-5bp…" with "国债方面，
# 6M、1Y、5Y、10Y、30Y、50Y 利率分别变动 0.0bp、-1.0bp、…" (under a heading naming 中国) and "6M、1Y、
# 5Y、10Y、30Y 美国国债收益率分别变动 - 2bp、-6bp、…": the spread's change for a label is the first
# side's change minus the second's. The lists are matched by the words around them: confirm-only.
_LABELS = r"((?:\d{1,2}\s*[MYmy年月]\s*、\s*)+\d{1,2}\s*[MYmy年月])"
_SPREAD_DEF = re.compile(_LABELS + r"([^，,。；;]{0,12}?)利差\s*[（(]\s*([\u4e00-\u9fa5]{1,4})\s*[-－—]\s*"
                         r"([\u4e00-\u9fa5]{1,4})\s*[)）]")
_CHANGE_LIST = re.compile(_LABELS + r"([^，,。；;]{0,16}?)分别变动")


def _labels(text: str) -> list[str]:
    return [re.sub(r"\s+", "", x).upper() for x in text.split("、")]


def _list_values(ac: _Across, sent: int, after: int, n: int) -> list[_Framed]:
    vals = [x for x in ac.fs if x.tok.sent == sent and x.tok.fig.start >= after]
    vals = vals[:n]
    if len(vals) != n or any(v.tok.cunit != vals[0].tok.cunit or v.tok.bound for v in vals):
        return []
    return vals


def _across_spreads(ac: _Across) -> list[Check]:
    out: list[Check] = []
    lists: list[tuple[list[str], str, list[_Framed]]] = []  # labels, words around, values
    for si, raw in enumerate(ac.art.raw):
        for m in _CHANGE_LIST.finditer(raw):
            labels = _labels(m.group(1))
            vals = _list_values(ac, si, m.end(), len(labels))
            if vals:
                start = max(raw.rfind(ch, 0, m.start()) for ch in "。；;")  # "国债方面，6M、…"
                words = raw[start + 1:m.end()] + "|" + ac.heads.get(ac.art.sentences[si].id, "")
                lists.append((labels, words, vals))
    for si, raw in enumerate(ac.art.raw):
        for m in _SPREAD_DEF.finditer(raw):
            labels, first, second = _labels(m.group(1)), m.group(3), m.group(4)
            metric = re.sub(f"^[{first[0]}{second[0]}]+", "", m.group(2).strip())
            changes = re.search(r"分别变动", raw[m.end():])
            if not changes or len(metric) < 2:
                continue
            vals = _list_values(ac, si, m.end() + changes.end(), len(labels))
            if not vals:
                continue
            others = [x for x in lists if x[2][0].tok.cunit == vals[0].tok.cunit and x[2][0].tok.sent != si]
            a_side = [x for x in others if first in x[1] and metric in x[1].split("|")[0].replace(first, "")]
            b_side = [x for x in others if second in x[1] and metric in x[1].split("|")[0].replace(second, "")]
            a_side = [x for x in a_side if x not in b_side]
            # a side with no name in its clause takes the one its heading gives ("（一）中国：…")
            a_side = a_side or [x for x in others if first in x[1].split("|")[1] and second not in x[1]
                                and metric in x[1].split("|")[0]]
            if len(a_side) != 1 or len(b_side) != 1:
                continue
            (la, _, va), (lb, _, vb) = a_side[0], b_side[0]
            for label, v in zip(labels, vals, strict=True):
                if label in la and label in lb:
                    x, y = va[la.index(label)], vb[lb.index(label)]
                    chk = _confirm(ac, "difference", v, [x.tok, y.tok],
                                   f"{x.tok.text} - ({y.tok.text}) = {v.tok.text} ({label}: {first} - {second})",
                                   x.tok.interval() - y.tok.interval(),
                                   "the two sides' changes are listed by label elsewhere in the article")
                    if chk is not None:
                        out.append(chk)
    return out


# ---------------------------------------------------------------- a share of a sum of parts
# "山西省产量 3.01 亿吨（同比 + 10.2%），内蒙古 2.85 亿吨（…），陕西 2.42 亿吨（…），三省合计占全国产量
# 77.3%": the parts are the last N levels of the sentence (N as written: 三省, 两者), the whole the
# level of the share's metric in the section. The whole is certain when it is the only one of the
# section's period (the parts' own period, else the first period the section states); a target,
# plan or forecast (全年目标产量 13 亿吨) is not a level.
_SUM_SHARE = re.compile(r"(?:([两二三四五六七八九十\d]+)[^，,。；;合]{0,3}|([二两三])者)合计占([^，,。；;]{1,12}?)"
                        r"(?:的)?\s*(?:比重|比例|份额)?\s*(?:为|约|达)?\s*$")
_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NOT_LEVEL = re.compile(r"目标|计划|预计|预测|规划|预期|上限|下限")


def _sum_share(sec: Para, fs: list[_Framed], c: _Framed) -> Check | None:
    m = _SUM_SHARE.search(c.lead)
    if not m or c.tok.fig.kind != FigureKind.PERCENT:
        return None
    word = m.group(1) or m.group(2)
    n = int(word) if word.isdigit() else _NUMERALS.get(word, 0)
    levels = [x for x in fs[:c.index] if x.tok.sent == c.tok.sent
              and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
    parts = levels[-n:] if n >= 2 else []
    if len(parts) != n or len(levels) != n or any(p.tok.cunit != parts[0].tok.cunit or p.tok.bound for p in parts):
        return None
    acc = parts[0].tok.interval()
    for p in parts[1:]:
        acc = acc + p.tok.interval()
    words = _FILLER_WORDS.sub("", m.group(3))
    wholes = [w for w in fs if w not in parts and w.tok.cunit == parts[0].tok.cunit and not w.tok.bound
              and w.tok.interval().lo > acc.hi and common_metric(words, w.metric)
              and not _NOT_LEVEL.search(w.lead)]
    if not wholes:
        return None
    own = period_key(parts[0].period) or next(
        (k for x in fs if (k := period_key(x.period)) is not None), None)
    of_period = [w for w in wholes if period_key(w.period) == own] if own else []
    whole = of_period[0] if len(of_period) == 1 else wholes[-1]
    relation = f"({' + '.join(p.tok.text for p in parts)}) / {whole.tok.text} = {c.tok.text}"
    chk = _judge(sec, "share", c.tok, [*(p.tok for p in parts), whole.tok],
                 [(relation, (acc / whole.tok.interval()).scale(100))], magnitude=False, stated_iv=_loose_share(c.tok))
    chk.derived = True  # the sum of the parts is not written
    if len(of_period) != 1:
        chk = _hedge(sec, chk, "the whole of the section's period is not certain")
    return chk


# ---------------------------------------------------------------- a margin's earlier level
# "净利润 603 亿元，同比下降 49%，净利率 9.6%（2024 年同期 18.2%）" with "一季度行业营收 6300 亿元，
# 同比下降 19%" in another section: the margin fits one profit/revenue pair of the article, so
# that pair is its basis, and last year's margin is (P/(1+gP)) / (R/(1+gR)) from the growths
# written with them. Certain when exactly one pair fits the margin and that pair's profit is in
# the margin's own sentence; otherwise it can only confirm.
_EARLIER_SAME = re.compile(r"[（(]\s*(?:(?:19|20)?\d{2}\s*年\s*)?(?:上年|去年)?同期\s*(?:为|约)?\s*$")


def _across_earlier_margins(ac: _Across) -> list[Check]:
    out: list[Check] = []
    one = Interval(1, 1)
    for e in ac.fs[1:]:
        m = ac.fs[e.index - 1]
        if e.tok.fig.kind != FigureKind.PERCENT or m.tok.sent != e.tok.sent or not _EARLIER_SAME.search(e.lead) \
                or m.tok.fig.kind != FigureKind.PERCENT or e.tok.bound or m.tok.bound:
            continue
        mm = _margin_word(ac, m)
        if mm is None:
            continue
        fits = [(n, d) for n, d, iv, formula in _margin_pairs(ac, m, mm)
                if not formula.startswith("(") and m.tok.interval(result=True).overlaps(iv)]
        if not fits:
            continue
        n, d = fits[-1]
        gn, gd = _growth_after(ac.fs, n), _growth_after(ac.fs, d)
        if gn is None or gd is None:
            continue
        fn, fd = one + _level(gn).scale(0.01), one + _level(gd).scale(0.01)
        if fn.lo <= 0 or fd.lo <= 0:
            continue
        earlier = (n.tok.interval() / fn) / (d.tok.interval() / fd)
        chk = _judge(ac.art, "change", e.tok, [n.tok, gn.tok, d.tok, gd.tok], [
            (f"({n.tok.text}/{_one_plus(gn)}) / ({d.tok.text}/{_one_plus(gd)}) = {e.tok.text}"
             f" (last year's margin; {m.tok.text} = {n.tok.text}/{d.tok.text})", earlier.scale(100))],
            magnitude=False)
        chk.derived = True
        if len(fits) != 1 or n.tok.sent != m.tok.sent:
            chk = _hedge(ac.art, chk, "the profit and revenue the margin fits are not certain")
        out.append(chk)
    return out


# ---------------------------------------------------------------- shares of one named whole
# "国债发行 12984 亿美元，同比增加 7987 亿美元，占去年 Q3 名义 GDP 比例 9.03%；财政净支出 9389 亿美元，
# …占去年 Q3 名义 GDP 比例 2.19%": two shares of a paragraph naming the very same whole imply it
# twice (12984 / 9.03% and 9389 / 2.19%); the implied wholes must agree when the whole is named
# with its own period. The whole is not written
# (derived); the words naming it are, so the relation is certain.
_FIXED_WHOLE = re.compile(r"去年|上年|前年|(?:19|20)\d{2}\s*年|Q[1-4]|[一二三四]季度|[上下]半年|年度")
_SHARE_OF_WORDS = re.compile(r"占\s*([^，,。；;]{3,20}?)\s*(?:的)?\s*(?:比例|比重|份额|之比)?\s*(?:为|约|达)?\s*$")


def _across_named_shares(ac: _Across) -> list[Check]:
    out: list[Check] = []
    seen: dict[tuple[int, str], tuple[_Framed, _Framed]] = {}
    for x in ac.fs:
        m = _SHARE_OF_WORDS.search(x.lead) if x.tok.fig.kind == FigureKind.PERCENT else None
        if not m or x.tok.bound or x.tok.approx:
            continue
        words = re.sub(r"\s+", "", m.group(1))
        levels = [y for y in ac.fs[max(0, x.index - 4):x.index] if y.tok.sent == x.tok.sent
                  and y.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not y.tok.bound
                  and not re.search(r"同比|环比|较|增加|减少|多增|少增", y.lead)]
        # only a whole named with its own period is one fixed figure ("去年 Q3 名义 GDP"); "占天然气
        # 供应量" is of each part's own period (a week's, the year's so far)
        if len(words) < 4 or not levels or _DOWN_WORDS.search(levels[-1].lead) or not _FIXED_WHOLE.search(words):
            continue
        part = levels[-1]
        key = (x.paragraph, words)
        if key not in seen:
            seen[key] = (part, x)
            continue
        p1, s1 = seen[key]
        if p1.tok.cunit != part.tok.cunit or s1.tok.interval().lo <= 0:
            continue
        whole = p1.tok.interval() / s1.tok.interval().scale(0.01)
        chk = _judge(ac.art, "share", x.tok, [p1.tok, s1.tok, part.tok], [
            (f"{part.tok.text} / ({p1.tok.text} / {s1.tok.text}) = {x.tok.text} (the same {words})",
             (part.tok.interval() / whole).scale(100))], magnitude=False)
        chk.derived = True
        out.append(chk)
    return out


# ---------------------------------------------------------------- gaps between named levels
# "建筑材料指数超涨沪深 300 指数 9.35 个百分点，建筑装饰超涨 11.05 个百分点" with "建筑材料指数涨幅
# 6.77%，建筑装饰指数涨幅 8.48%" and "同期沪深 300 指数下跌 2.58%" in the sentences before: each
# side is the level written after its name under the same heading (a second gap of the sentence
# keeps the first one's benchmark). Certain when each name has one level there.
_NAMED_GAP = re.compile(r"([\u4e00-\u9fa5A-Za-zＸ\d]{2,12}?)\s*(超涨|跑赢|跑输|超跌|领先|落后)"
                        r"\s*([\u4e00-\u9fa5A-Za-zＸ\d]{2,12})?\s*(?:约|达)?\s*$")


def _named_level(ac: _Across, c: _Framed, name: str) -> list[_Framed]:
    head = ac.heads.get(ac.art.sentences[c.tok.sent].id)
    found = {}
    for x in ac.fs[:c.index]:
        if x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound or x.tok.sent == c.tok.sent \
                or ac.heads.get(ac.art.sentences[x.tok.sent].id) != head:
            continue
        lead = re.sub(r"\s+", "", x.lead)
        if re.search(f"{re.escape(name)}[^，,。；;]{{0,4}}(?:{_UP}|{_DOWN}|涨幅|跌幅|收益率?)\\s*(?:了|约|为|达)?$", lead):
            found[x.tok.text] = x
    return list(found.values())


def _across_named_gap(ac: _Across, c: _Framed) -> Check | None:
    lead = re.sub(r"\s+", "", c.lead)
    m = _NAMED_GAP.search(re.sub(r"^[\d.、\s]+", "", lead))
    if not m or not _is_points(c.tok):
        return None
    a_name, b_name = m.group(1), m.group(3)
    if not b_name:  # "建筑装饰超涨 11.05 个百分点": the benchmark of the gap before it
        prev = ac.fs[c.index - 1] if c.index else None
        pm = _NAMED_GAP.search(re.sub(r"\s+", "", prev.lead)) if prev and prev.tok.sent == c.tok.sent else None
        b_name = pm.group(3) if pm else None
    if not b_name:
        return None
    a_levels, b_levels = _named_level(ac, c, a_name), _named_level(ac, c, b_name)
    if not a_levels or not b_levels:
        return None
    sign = -1.0 if m.group(2) in ("跑输", "超跌", "落后") else 1.0
    readings = [(f"{_signed_text(x)} - ({_signed_text(y)}) = {c.tok.text} ({a_name} - {b_name})",
                 (_level(x) - _level(y)).scale(sign)) for x in a_levels for y in b_levels]
    chk = _judge(ac.art, "difference", c.tok, [a_levels[0].tok, b_levels[0].tok], readings, magnitude=False)
    if len(readings) > 1:
        chk = _hedge(ac.art, chk, "more than one level is written after a name")
    return chk


# ---------------------------------------------------------------- a margin against a named year
# "上能电气 2025 年 Q1 净利率 10.6%，较 2024 年提升 2 个百分点" with "2024 年…上能电气 47.73 亿元" and
# "上能电气 4.19 亿元" among the revenues and profits: the earlier margin is the profit over the
# revenue of the year written after 较, both named with the margin's entity. Confirm-only.
_AGAINST_YEAR = re.compile(r"较\s*((?:19|20)\d{2}\s*年(?:\s*Q[1-4]|[一二三四]季度|[上下]半年)?)"
                           r"[^，,。；;]{0,4}?(?:" + _UP + "|" + _DOWN + r")\s*(?:了|约)?\s*$")
_ENTITY_HEAD = re.compile(r"^[\s\d.、*]*(?:[\u4e00-\u9fa5]{2,8}[：:])?\s*([\u4e00-\u9fa5]{2,8}?)\s*(?:(?:19|20)\d{2}|Q[1-4]|[一二三四]季度|净利率|毛利率|归母)")


def _across_margin_vs_year(ac: _Across, c: _Framed) -> Check | None:
    am = _AGAINST_YEAR.search(c.lead)
    if not am or c.index == 0:
        return None
    m = ac.fs[c.index - 1]
    mm = _margin_word(ac, m) if m.tok.sent == c.tok.sent and m.tok.fig.kind == FigureKind.PERCENT else None
    raw = ac.art.raw[m.tok.sent]
    start = max(raw.rfind(ch, 0, m.tok.fig.start) for ch in "。；;") + 1
    em = _ENTITY_HEAD.match(raw[start:m.tok.fig.start])
    if mm is None or em is None:
        return None
    entity = em.group(1)
    earlier = _Framed(m.tok, m.index, m.metric, re.sub(r"\s+", "", am.group(1)), m.lead, m.after,
                      m.paragraph, m.topic, m.block)
    for n, d, iv, formula in _margin_pairs(ac, earlier, mm, strict=True):
        if formula.startswith("(") or entity not in n.lead or entity not in d.lead:
            continue
        chk = _confirm(ac, "change", c, [m.tok, n.tok, d.tok],
                       f"{m.tok.text} - {formula} = {c.tok.text} ({entity} {am.group(1)})",
                       m.tok.interval() - iv, f"the margin of {am.group(1)} from {entity}'s profit and revenue",
                       derived=True, signed=True)
        if chk is not None:
            return chk
    return None


# the helpers checks/tables.py judges its relations with
judge = _judge
unverifiable = _unverifiable
markdown_tables = _markdown_tables
column_labels = _column_labels


# ---------------------------------------------------------------- stated relations with no inputs
# A careful reader counts every stated share, growth, CAGR or multiple, even when the article
# gives nothing to recompute it from; these are counted `unverifiable` (never judged), so the
# count of what cannot be checked is honest. The pass runs after every finder, and a figure
# another finder already checked keeps that check (check_article keeps the first per figure).

_SIGN = re.compile(r"^\s*[+\-−－]")
# "占总产量 22.5%", "份额 28.5%", "（占总数 15%）", "占中央对地方转移支付总规模的 41.7% 和 42.2%"
_SHARE_ONLY = re.compile(
    r"(?:占比|比重|份额|占到|占(?![用据有领])[^，,。；;从由至到升降增减提]{0,16}?)(?:的)?\s*(?:为|约|达|仅|约为|达到|已达|高达)?\s*$")
_SHARE_CHANGE = re.compile(f"(?:占比|比重|份额|占)[^，,。；;]{{0,8}}(?:{_UP}|{_DOWN}|变动|变化)")
_LIST_AND = re.compile(r"^\s*(?:和|、|及|与|/|以及)\s*$")
# "2020-24 年 CAGR 为 15%", "年均复合增速 9.8%": a CAGR whose start and end levels are not written
_CAGR_ONLY = re.compile(
    r"(?:CAGR|复合(?:年均?)?增(?:长)?(?:速|率)?|年均复合增(?:长)?(?:速|率)?|年复合增(?:长)?(?:速|率)?)"
    r"[·\s]*(?:为|达|约|达到|高达|约为)?\s*$", re.I)
# "同比增长 1.3 倍": a growth written as a multiple
_MULTIPLE_GROWTH = re.compile(
    f"(?:同比|环比|较[^，,。；;]{{0,14}})[^，,。；;]{{0,4}}(?:{_UP}|{_DOWN})\\s*(?:了|约|达)?\\s*$")
# "为疫情前 2019 年均值的 8 倍", "一年期 LPR 的 2 倍": a multiple of a level not written
_MULTIPLE_OF = re.compile(r"(?:为|是|相当于|达到?|[（(])[^，,。；;（(]{0,24}的\s*(?:约)?\s*$")
# "拉动固定资产投资上行 16.9 个百分点": a contribution is a change times a weight not written
_PULL = re.compile(r"(?:拉动|贡献)[^，,。；;]{0,14}?(?:上行|下行|增长|提升|上升|下降|回升|回落)?\s*(?:约|了)?\s*$")
# "个股的上涨比例为 88%", "新能源渗透率达到 51.5%": a ratio of two levels when a pair fits; such
# rates are also set by rule or quoted alone (上浮比例, 渗透率), so no fit is no relation
_RATE_OF_LEVELS = re.compile(r"(?:比例|渗透率|市占率|占有率)\s*(?:为|约|达|达到|已达|升至|提升至)?\s*$")
# "隐性债务占比从 2020 年 64% 降至 2024 年 60%": the later share of a change of a share
_SHARE_TO = re.compile(f"(?:占比|比重|份额)\\s*(?:{_FROM})[^，,。；;]{{0,24}}(?:{_UP}|{_DOWN})?\\s*{_TO}[^，,。；;%]{{0,12}}$")
_TO_LEVEL = re.compile(f"^[，,]?[^，,。；;]{{0,14}}?(?:{_UP}|{_DOWN})\\s*(?:至|到)\\s*$")
_INTENSITY = re.compile(r"强度\s*(?:为|约|达|达到)?\s*$")
# "同比增速分别提升26.3、18.6pct": a bare number in a list whose last item carries the unit
_LIST_UNIT = re.compile(r"^\s*[、/]\s*[+\-−－]?\s*\d[\d.]*\s*(?:pct|ppt|pp|个百分点|%|％)")
# "同比增量 3000 亿元": an amount change named as a noun
_AMOUNT_NOUN = re.compile(r"(?:同比|环比|较上年|较去年)\s*(?:增量|减量|增额|多增|少增)\s*(?:为|约|达)?\s*$")
# "相对收益（相对沪深300）为-1.1%", "超额收益 3.2%": a gap against a benchmark not written
_RELATIVE_RETURN = re.compile(r"(?:相对收益|超额收益)[^，,。；;]{0,16}?(?:为|约|达|约为)?\s*$")
# "收窄 1998 亿元至 2170 亿元": a change of an amount to a level, the earlier level not written
_VERB_BEFORE = re.compile(f"(?:{_UP}|{_DOWN})\\s*(?:了|约)?\\s*$")
_SUPPOSED = re.compile(r"每|若|如果|假设|倘若|预计|预期|有望|将")


def _uncounted(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """The unverifiable check a stated relation with no inputs gets, or None if the figure states
    no relation. Shares, CAGRs, multiples, amount changes and relative returns by their wording;
    a change whose sign is written on the figure ("较“十三五”+16.5%", "（同比+2367亿）") or whose
    lead names a bound ("同比增幅接近 16%") as the changes `_stated_change` already counts."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(raw, 0, t.fig.start)), default=0)
    if _SUPPOSED.search(raw[clause_start:t.fig.start]):
        return None
    prev = fs[k - 1] if k > 0 and fs[k - 1].tok.sent == t.sent else None
    kind_of = t.fig.kind
    if kind_of == FigureKind.PERCENT and _CAGR_ONLY.search(c.lead):
        return _cagr_dated(sec, fs, k) or _cagr_in_section(sec, fs, k) or _unverifiable(
            sec, "cagr", t, [], f"(B/A)^(1/years) - 1 = {t.text}",
            "the start and end levels of the CAGR are not stated")
    if kind_of == FigureKind.PERCENT and not _RATE_WORDS.search(c.lead[-6:]) and not _SHARE_CHANGE.search(c.lead) \
            and (_SHARE_ONLY.search(c.lead) or prev is not None and _LIST_AND.match(c.lead)
                 and prev.tok.fig.kind == FigureKind.PERCENT and _SHARE_ONLY.search(prev.lead)):
        return _share_in_section(sec, fs, k) or _unverifiable(
            sec, "share", t, [], f"(part) / (whole) = {t.text}", "the part or the whole is not stated")
    if kind_of == FigureKind.PERCENT and (_RATE_OF_LEVELS.search(c.lead) or _SHARE_TO.search(
            sec.raw[t.sent][clause_start:t.fig.start])):
        return _share_in_section(sec, fs, k)
    if kind_of == FigureKind.POINTS and _PULL.search(c.lead):
        return _unverifiable(sec, "product", t, [], f"(change) × (weight) = {t.text}",
                             "the weight of the part is not stated")
    if kind_of == FigureKind.NUMBER and k + 1 < len(fs) and _LIST_UNIT.match(c.after) \
            and fs[k + 1].tok.fig.kind in (FigureKind.POINTS, FigureKind.PERCENT):
        unit = fs[k + 1].tok.fig
        tok = Tok(t.fig.model_copy(update={"kind": unit.kind, "unit": unit.unit}), t.sent, t.approx, t.bound)
        return _stated_change(sec, _Framed(tok, c.index, c.metric, c.period, c.lead, c.after, c.paragraph,
                                           c.topic, c.block), prev, prev is not None)
    if kind_of == FigureKind.PERCENT and _INTENSITY.search(c.lead):
        # "拿地金额125亿元，拿地强度48%", "研发强度 7.1%": an amount over another (sales, revenue)
        return _share_in_section(sec, fs, k) or _unverifiable(
            sec, "ratio", t, [], f"(amount) / (base) = {t.text}", "the base of the ratio is not stated")
    if kind_of == FigureKind.PERCENT and _RELATIVE_RETURN.search(c.lead):
        return _unverifiable(sec, "difference", t, [], f"(return) - (benchmark return) = {t.text}",
                             "the benchmark's return is not stated")
    if kind_of == FigureKind.MULTIPLE:
        if _MULTIPLE_GROWTH.search(c.lead):
            return _unverifiable(sec, "growth", t, [], f"(level) / (earlier level) - 1 = {t.text}",
                                 "the earlier level is not stated")
        if _MULTIPLE_OF.search(c.lead):
            return _unverifiable(sec, "ratio", t, [], f"(level) / (reference) = {t.text}",
                                 "the reference level is not stated")
        return None
    if kind_of in (FigureKind.MONEY, FigureKind.QUANTITY) and (
            _AMOUNT_NOUN.search(c.lead)
            or _VERB_BEFORE.search(c.lead) and re.match(r"^\s*(?:至|到)", c.after) and k + 1 < len(fs)
            and fs[k + 1].tok.sent == t.sent and fs[k + 1].tok.cunit == t.cunit):
        return _unverifiable(sec, "change", t, [], f"(level) - (earlier level) = {t.text}",
                             "the earlier level is not stated")
    if kind_of == FigureKind.PERCENT and prev is not None and prev.tok.fig.kind == FigureKind.PERCENT \
            and _TO_LEVEL.search(c.lead) and not re.search(f"{_FROM}\\s*$", prev.lead) \
            and (mm := _MARGIN.search(prev.lead[-10:])) is not None:
        # "2024 年阳光电源净利率 14.5%，2025 年 Q1 骤升至 19.9%": the later margin of the pair
        margins = _margin(sec, fs, c, mm)
        return _hedge(sec, margins[0], "the margin is named before the earlier level") if margins else None
    if kind_of in (FigureKind.PERCENT, FigureKind.POINTS) and prev is not None and _LIST_AND.match(c.lead) \
            and prev.tok.fig.kind == kind_of and (head := _uncounted(sec, fs, k - 1)) is not None \
            and head.kind in ("growth", "change") and not head.inputs:
        # "同比 + 7.44%/-3.30%": a later item of a list of changes counted like its head
        return _unverifiable(sec, head.kind, t, [], f"(level) vs (earlier level) : {t.text}",
                             "the earlier level is not stated")
    # the sign written on the figure or a bound word between the verb and it: the changes
    # `_stated_change` counts, read with the sign in the lead and the bound word dropped
    lead = _BOUND_BEFORE.sub("", c.lead)
    if _SIGN.match(t.text):
        lead += t.text.lstrip()[0].replace("−", "-").replace("－", "-")
    if lead == c.lead:
        return None
    return _stated_change(sec, _Framed(t, c.index, c.metric, c.period, lead, c.after, c.paragraph,
                                       c.topic, c.block), prev, prev is not None)


_POOL = 200  # figures before a share or CAGR searched for its inputs (keeps the pass fast)


def _is_level(x: _Framed) -> bool:
    """A level, not a change: no sign written on it, no 同比/较/verb right before it (read once
    per figure: the searches below ask it of every figure of a section)."""
    memo = x.__dict__.get("_level")
    if memo is None:
        memo = x.__dict__["_level"] = _reads_as_level(x)
    return bool(memo)


def _reads_as_level(x: _Framed) -> bool:
    return (x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound
            and not _SIGN.match(x.tok.text) and x.tok.interval().lo > 0
            and not re.search(f"同比|环比|较|(?:{_UP}|{_DOWN})\\s*(?:了|约)?\\s*$", x.lead[-12:]))


def _searched(t: Tok) -> Interval:
    """A stated share matched against pairs found by their fit: its rounding, or a truncation
    (48.56% written 48%), but not the reading of "60%" as rounded to tens that a written relation
    allows: among many pairs, that would fit one by chance."""
    iv = t.interval()
    return Interval(iv.lo, iv.hi + precision_unit(t.fig) / 2)


def _tight(iv: Interval, stated: Tok) -> bool:
    """A pair found by its fit must pin the stated figure: "14 家 / 20 家" spans 66-74% and would
    fit "72.6%" by chance."""
    return iv.hi - iv.lo <= max(10 * precision_unit(stated.fig), 0.02 * abs(stated.fig.value or 0.0))


def _share_in_section(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """A share whose part and whole the wording does not point to ("市场份额 70.14%" after
    "自主品牌乘用车销量达到 160.4 万辆" and "乘用车…销量 228.74 万辆"): a level of the share's
    paragraph (the part) and a level of the section before it (the whole), of one unit, whose
    ratio gives the stated share. Found by their fit only, so the fit confirms (consistent, not
    refutable) and no fit proves nothing."""
    c = fs[k]
    stated = _searched(c.tok)
    # a whole-percent share fits many pairs by chance: its whole is sought nearby only
    pool = [x for x in fs[max(0, k - (_POOL if c.tok.fig.decimals else 20)):k] if _is_level(x)]
    # the level nearest before the share in its own sentence is its part when there is one
    # ("裁减 7000 个非制造职位（占总数 15%）"); else any level of its paragraph
    own = [x for x in fs[:k] if x.tok.sent == c.tok.sent
           and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
    if own:
        parts = own[-1:] if _is_level(own[-1]) else []
    else:
        # "山西省产量占全国约 25%": the part is a level of the paragraph, or one of the section
        # whose metric names the share's subject ("区域结构山西省产量 3.01 亿吨")
        sm = re.search(r"([\u4e00-\u9fa5A-Za-z]{3,12})占[^，,。；;]{0,16}$", c.lead)
        subject = sm.group(1) if sm else ""
        parts = [x for x in fs if x is not c and _is_level(x)
                 and (x.paragraph == c.paragraph or subject and subject in x.metric)]
    for d in reversed(pool):
        for n in reversed(parts):
            if n is d or n.tok.cunit != d.tok.cunit:
                continue
            iv = (n.tok.interval() / d.tok.interval()).scale(100)
            if iv.hi <= 100 and stated.overlaps(iv) and _tight(iv, c.tok):
                chk = _judge(sec, "share", c.tok, [n.tok, d.tok],
                             [(f"{n.tok.text} / {d.tok.text} = {c.tok.text}", iv)], magnitude=False)
                return _hedge(sec, chk, "the part and the whole are found by their fit")
    return None


_FROM_LEAD = re.compile(f"{_FROM}[^，,。；;]{{0,16}}$")
_TO_LEAD = re.compile(f"^[^，,。；;]{{0,10}}{_TO}[^，,。；;]{{0,12}}$")


def _cagr_in_section(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """A CAGR over a span written before it ("2021-24 年 CAGR 10.7%", "2020-24 年…（CAGR 11%）")
    whose levels stand in a 从A增至B of the section. "2021-24 年" may count the growth years
    (four, from 2020's level) or the years between its ends (three): either will do, and the
    levels are found by their place, so the fit confirms (not refutable) and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    spans = list(_YEAR_SPAN.finditer(raw[:t.fig.start]))
    if not spans and t.sent > 0 and sec.raw[t.sent - 1].rstrip().endswith(("；", ";")) \
            and sec.sentences[t.sent - 1].paragraph == sec.sentences[t.sent].paragraph:
        # "2019-24 财年，上市央企分红从 7895 亿增至 12957 亿，CAGR 10.4%；地方国企…从 2847 亿增至 4522 亿，
        # CAGR 9.7%": the span of the clause before the ； holds for this one
        spans = list(_YEAR_SPAN.finditer(sec.raw[t.sent - 1]))[:1]
    if not spans:
        return None
    y0, y1 = int(spans[-1].group(1)), int(spans[-1].group(2))
    y1 = y1 + y0 // 100 * 100 if y1 < 100 else y1
    if y1 <= y0:
        return None
    pairs = [(a, b) for a, b in zip(fs[max(0, k - _POOL):k], fs[max(1, k - _POOL + 1):k], strict=False)
             if a.tok.sent == b.tok.sent and a.tok.cunit == b.tok.cunit and _FROM_LEAD.search(a.lead)
             and _TO_LEAD.match(b.lead) and a.tok.fig.kind in _LEVEL_KINDS and not a.tok.bound
             and not b.tok.bound and a.tok.interval().lo > 0 and b.tok.interval().lo > 0]
    if not pairs:
        return None
    a, b = pairs[-1]
    readings = [(f"({b.tok.text}/{a.tok.text})^(1/{n}) - 1 = {t.text}",
                 ((b.tok.interval() / a.tok.interval()).pow(1 / n) - Interval(1, 1)).scale(100))
                for n in sorted({y1 - y0, y1 - y0 + 1})]
    chk = _judge(sec, "cagr", t, [a.tok, b.tok], readings, magnitude=False)
    return _hedge(sec, chk, "the levels of the CAGR are found by their place")


_WORDED: tuple[Callable[[Para, list[_Framed], int], Check | None], ...] = ()  # set below


def _framed_once(sec: Para) -> list[_Framed]:
    """A section's frames, read once for `_find_framed`, `_find_uncounted` and the article pass
    (kept on the section itself, so articles checked in parallel threads do not share them)."""
    fs: list[_Framed] | None = sec.__dict__.get("_frames")
    if fs is None:
        fs = sec.__dict__["_frames"] = _framed(sec)
    return fs


def _find_uncounted(sec: Para) -> list[Check]:
    """The relations written in words, then the stated relations with no inputs (counted)."""
    fs = _framed_once(sec)
    out = _range_products(sec) + _parts_by_metric(sec, fs) + _allocated_parts(sec, fs) + _range_changes(sec)
    for k in range(len(fs)):
        for finder in _WORDED:
            if (chk := finder(sec, fs, k)) is not None:
                out.append(chk)
                break
        else:
            if (chk := _uncounted(sec, fs, k)) is not None:
                out.append(chk)
    return out


# ---------------------------------------------------------------- relations written in prose words
# Relations a reader recomputes although no operator is written: a bracket of parts joined by +
# with words between them, a whole written in the share's own clause, a from-to pair and a
# multiple, a reference level written before its growth, PE = price / EPS, net = issued − repaid,
# an amount per unit, a cap raised by a rate, a range times a range of rates, parts "用于" a total.

def _magnitude_family(t: Tok) -> str:
    """Amounts compare across 亿元 and a bare 亿 ("1210 亿元（20 年期 500 亿 + 30 年期 710 亿）"):
    the currency, or "" for a bare magnitude, which fits any currency."""
    return t.cunit[1] if t.fig.kind == FigureKind.MONEY else ("" if t.cunit[1] == "" else "?" + t.cunit[1])


def _same_amounts(a: Tok, b: Tok) -> bool:
    if a.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or b.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
        return False
    fa, fb = _magnitude_family(a), _magnitude_family(b)
    return a.cunit == b.cunit or fa == fb or (fa == "" and not fb.startswith("?")) or (fb == "" and not fa.startswith("?"))


_PLUS_SPLIT = re.compile(r"[+＋]")


def _bracket_sum(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"32%（最惠国税率 12%+ 加征税率 10%+ 调整后进一步加征税率 10%）", "1210 亿元（20 年期 500
    亿 + 30 年期 710 亿）": the bracket after a figure writes it as a sum of named parts. The parts
    are written, so the relation is certain."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    if "+" not in raw and "＋" not in raw:
        return None
    m = re.match(r"\s*[（(]([^（）()]{3,120})[)）]", raw[t.fig.end:])
    if not m or not _PLUS_SPLIT.search(m.group(1)):
        return None
    lo, hi = t.fig.end + m.start(1), t.fig.end + m.end(1)
    # "20 年期 500 亿": a term or a date names the part, it is not one
    inner = [x for x in fs if x.tok.sent == t.sent and lo <= x.tok.fig.start and x.tok.fig.end <= hi
             and x.tok.fig.kind not in (FigureKind.DURATION, FigureKind.NUMBER)]
    pieces = _PLUS_SPLIT.split(m.group(1))
    if len(inner) != len(pieces) or len(inner) < 2:
        return None
    # each piece of the bracket holds one part
    pos = lo
    for piece, x in zip(pieces, inner, strict=True):
        if not (pos <= x.tok.fig.start < pos + len(piece)):
            return None
        pos += len(piece) + 1
    parts = [x.tok for x in inner]
    if t.fig.kind == FigureKind.PERCENT:
        clause = raw[max((x.end() for x in re.finditer(r"[，,。；;：:]", raw[:t.fig.start])), default=0):hi]
        if any(p.fig.kind != FigureKind.PERCENT for p in parts) or not _SHARE_WORDS.search(clause):
            return None  # growth rates do not add; shares, tariffs and contributions do
    elif not all(_same_amounts(t, p) for p in parts):
        return None
    # "12%+ 加征…": the + after a part is the operator, not a bound
    parts = [Tok(p.fig, p.sent, p.approx, False) if re.match(r"\s*[+＋]", raw[p.fig.end:]) else p for p in parts]
    acc = parts[0].interval()
    for p in parts[1:]:
        acc = acc + p.interval()
    chk = _judge(sec, "sum", t, parts, [(" + ".join(p.text for p in parts) + f" = {t.text}", acc)],
                 magnitude=False)
    # "（加盟费 3 万 + 首单采购 15 万 + 设备 5 万等）": the parts named are not all of them
    if re.search(r"(?:等|等等|其他|其它|…|\.\.\.)\s*$", m.group(1)):
        chk = _hedge(sec, chk, "the parts listed end with 等: not all are named")
    return chk


def _written_whole(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"1.63 万亿元，同比增长 40.72%，占全年计划 4.4 万亿元的 37.05%", "（占全年 2 万亿额度 81.46%）":
    the whole is written in the share's clause, the part is a level before it in the sentence
    (certain when it is the only one)."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.PERCENT or k == 0:
        return None
    w = fs[k - 1]
    if w.tok.sent != t.sent or not re.search(r"占[^，,。；;]{0,10}$", w.lead) \
            or not re.match(r"^[^，,。；;\d同环较增降升]{0,6}$", c.lead) or not _is_level(w):
        return None
    parts = [x for x in fs[:k - 1] if x.tok.sent == t.sent and _is_level(x) and _same_amounts(x.tok, w.tok)
             and x.tok.interval().hi < w.tok.interval().lo]
    if not parts:
        return None
    readings = [(f"{p.tok.text} / {w.tok.text} = {t.text}", (p.tok.interval() / w.tok.interval()).scale(100))
                for p in reversed(parts)]
    chk = _judge(sec, "share", t, [parts[-1].tok, w.tok], readings, magnitude=False,
                 stated_iv=_loose_share(t))
    return chk if len(parts) == 1 else _hedge(sec, chk, "more than one level could be the part")


_GROWTH_WORD = re.compile(r"(?:涨幅|增幅|增长|上涨|上升|增加)[^，,。；;]{0,3}(?:为|达|约)?\s*$")


def _from_to_multiple(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"黄金价格从 1971 年 35 美元涨至 1980 年 850 美元，10 年涨幅 23 倍": a growth written as a
    multiple in the clause after a 从A涨至B (a span between them is allowed)."""
    c = fs[k]
    if c.tok.fig.kind != FigureKind.MULTIPLE or not _GROWTH_WORD.search(c.lead):
        return None
    j = k - 1
    while j >= 0 and fs[j].tok.sent == c.tok.sent and fs[j].tok.fig.kind == FigureKind.DURATION:
        j -= 1
    if j < 1 or fs[j].tok.sent != c.tok.sent or fs[j - 1].tok.sent != c.tok.sent:
        return None
    a, b = fs[j - 1], fs[j]
    if not (_FROM_LEAD.search(a.lead) and _TO_LEAD.match(b.lead)) or a.tok.bound or b.tok.bound:
        return None
    return _change(sec, a.tok, b.tok, c.tok, "")


def _reference_growth(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"存货 1688.1 亿元，较 24H1 的 1506.8 亿元增长 12.0%，环比 25Q1 的 1643.4 亿元提高 2.7%": the
    second reference level is compared with the sentence's subject level, not with the growth
    before it. The subject is the level of that unit that is no reference itself."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.PERCENT or k < 2 or not _VERB_ONLY.match(c.lead):
        return None
    ref = fs[k - 1]
    m = _WRITTEN_BEFORE.search(ref.lead)
    if ref.tok.sent != t.sent or not m or _ANY_VERB.search(m.group(0)) or ref.tok.bound \
            or ref.tok.fig.kind not in _LEVEL_KINDS:
        return None
    subjects = [x for x in fs[:k - 1] if x.tok.sent == t.sent and x.tok.cunit == ref.tok.cunit
                and not _WRITTEN_BEFORE.search(x.lead) and not x.tok.bound]
    if not subjects or fs[k - 2].tok.cunit == ref.tok.cunit:
        return None  # the pair right before is `_find_framed`'s
    s = subjects[-1]
    ia, ib = ref.tok.interval(), s.tok.interval()
    if ia.lo <= 0:
        return None
    chk = _judge_signed(sec, "growth", c, [ref.tok, s.tok],
                        [(f"({s.tok.text}/{ref.tok.text} - 1) = {t.text}", (ib / ia - Interval(1, 1)).scale(100))])
    return chk if len(subjects) == 1 else _hedge(sec, chk, "more than one level could be compared")


_PERIOD_ONLY = re.compile(r"^[，,、；;\s]*(?:(?:19|20)?\d{2}\s*(?:年|财年)?\s*[EA]?)?[\s·]*(?:的|为)?\s*$")
_PRICE_LEAD = re.compile(r"收盘价|股价|现价")


def _metric_labels(fs: list[_Framed], sent: int) -> dict[int, str]:
    """EPS or PE for each figure of a sentence that a label names or carries over a run of
    period-only leads ("2024 年 EPS 0.83 元，2025E 0.93 元")."""
    out: dict[int, str] = {}
    label = ""
    for x in fs:
        if x.tok.sent != sent:
            continue
        if _EPS_HEAD.search(x.lead):
            label = "EPS"
        elif _PE_HEAD.search(x.lead):
            label = "PE"
        elif not _PERIOD_ONLY.match(x.lead):
            label = ""
        if label:
            out[x.index] = label
    return out


def _prose_pe(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"收盘价 9.88 元，2024 年 EPS 0.83 元，2025E 0.93 元，…，2024 年 PE 11.9 倍，2025E 10.62 倍":
    PE = price / EPS of the same year. A PE may be priced at another date than the close written
    (an actual year's at its own close), so a fit within 5% confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    if t.fig.kind not in (FigureKind.MULTIPLE, FigureKind.NUMBER) or not c.period:
        return None
    labels = _metric_labels(fs, t.sent)
    if labels.get(c.index) != "PE":
        return None
    prices = [x for x in fs if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.MONEY
              and _PRICE_LEAD.search(x.lead) and not x.tok.bound]
    eps = [x for x in fs if labels.get(x.index) == "EPS" and x.tok.fig.kind == FigureKind.MONEY
           and period_key(x.period) == period_key(c.period) and period_key(c.period) is not None]
    if len(prices) != 1 or len(eps) != 1 or prices[0].tok.cunit != eps[0].tok.cunit or eps[0].tok.interval().lo <= 0:
        return None
    p, e = prices[0].tok, eps[0].tok
    iv = p.interval() / e.interval()
    chk = _judge(sec, "ratio", t, [p, e], [(f"{p.text} / {e.text} = {t.text} (within 5%)",
                                            Interval(iv.lo * (1 - _PE_SLACK), iv.hi * (1 + _PE_SLACK)))],
                 magnitude=False)
    return _hedge(sec, chk, "a PE may be priced at another date than the close written")


_NET_LEAD = re.compile(r"净(?:融资|发行|投放|流入|增加)(?:额|规模|量)?\s*(?:为|达|约)?\s*$")


def _net_amount(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"新发行煤炭债 650 亿元，…，偿还 1081 亿元，净融资额 -431 亿元": net = issued − repaid,
    with one issue and one repayment in the sentence (certain)."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.MONEY or not _NET_LEAD.search(c.lead):
        return None
    before = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.cunit == t.cunit and not x.tok.bound]
    # the last flow word before each amount names it ("发行与偿还…新发行煤炭债 650 亿元" is issued)
    flow = {x.index: ([""] + _FLOW.findall(x.lead))[-1] for x in before if not re.search("净|同比|环比|较", x.lead)}
    gross = [x for x in before if flow.get(x.index) in ("发行", "融资", "投放", "流入")]
    out = [x for x in before if flow.get(x.index) in ("偿还", "到期", "回笼", "流出")]
    if len(gross) != 1 or len(out) != 1:
        return None
    g, r = gross[0].tok, out[0].tok
    chk = _judge(sec, "difference", t, [g, r], [(f"{g.text} - {r.text} = {t.text}", g.interval() - r.interval())],
                 magnitude=False)
    # another amount of the sentence may be a flow too ("提前兑付 C"): then the pair only confirms
    others = [x for x in before if x is not gross[0] and x is not out[0] and _is_level(x)]
    return _hedge(sec, chk, "other amounts of the sentence may be flows too") if others else chk


_FLOW = re.compile(r"发行|融资|投放|流入|偿还|到期|回笼|流出|兑付|赎回")
_PER_UNIT = re.compile(r"^\s*/\s*(家|户|人|个|辆|吨|台|只)")


def _per_unit(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"亏损企业数量 1500 家，…亏损总额 480 亿元，单位亏损金额 3200 万元 / 家": an amount per unit is a
    total of the sentence over a count of that unit. Found by their fit (other totals may be
    meant), so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    m = _PER_UNIT.match(c.after)
    if t.fig.kind != FigureKind.MONEY or not m:
        return None
    counts = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.QUANTITY
              and x.tok.fig.unit == m.group(1) and _is_level(x)]
    totals = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.cunit == t.cunit and _is_level(x)]
    if not counts or not totals:
        return None
    readings = [(f"{n.tok.text} / {d.tok.text} = {t.text}", n.tok.interval() / d.tok.interval())
                for n in totals for d in counts]
    return _hedge(sec, _judge(sec, "ratio", t, [totals[-1].tok, counts[-1].tok], readings, magnitude=False),
                  "the total and the count are found by their fit")


_RAISE_LEAD = re.compile(r"(?:上浮|上调|放大)(?:比例)?\s*(?:至|到|为|达)?\s*$")


def _raised_cap(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"最高额度从60万元提高至70万元…最高可上浮170%，即个人最高可贷189万元": a cap raised by a
    rate is a base of the paragraph times (1 + rate). The base is found by its fit (several
    levels of the unit could be meant), so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.MONEY or not re.search(r"最高|可贷|额度", c.lead):
        return None
    rates = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.PERCENT
             and _RAISE_LEAD.search(x.lead) and not x.tok.bound]
    if not rates:
        return None
    r = rates[-1]
    bases = [x for x in fs[:r.index] if x.paragraph == c.paragraph and x.tok.cunit == t.cunit and _is_level(x)
             and x.tok.interval().hi < t.interval().lo]
    if not bases:
        return None
    factor = Interval(1, 1) + r.tok.interval().scale(0.01)
    readings = [(f"{b.tok.text} × (1 + {r.tok.text}) = {t.text}", b.tok.interval() * factor) for b in reversed(bases)]
    chk = _judge(sec, "product", t, [bases[-1].tok, r.tok], readings, magnitude=False)
    if chk.verdict == "consistent":
        fit = next(b for b, (_, iv) in zip(reversed(bases), readings, strict=True) if t.interval(result=True).overlaps(iv))
        chk.inputs = [fit.tok.text, r.tok.text]
        chk.input_sentences = [sec.sentences[fit.tok.sent].text, sec.sentences[r.tok.sent].text]
    return _hedge(sec, chk, "the base raised is found by its fit")


_RATE_BASIS = re.compile(r"按\s*$")
_ESTIMATE = re.compile(r"^[^。；;]{0,12}?(?:估算|测算|计算|推算)")


def _end(f: Figure, value: float) -> Figure:
    return f.model_copy(update={"value": value, "high": None})


def _range_products(sec: Para) -> list[Check]:
    """"A 股央企市值约 34 万亿，地方国企约 21 万亿，按 5%-10% 融资比例估算，央企潜在融资规模
    1.7-3.4 万亿，地方国企 1.0-2.1 万亿": a range of results is a level times a range of rates,
    end by end (interval arithmetic on each end). Levels and results pair by position in their
    sentence; the rate may be written in an earlier sentence of the section ("…市值均约 1.9 万亿，
    潜在融资规模均为 900-1900 亿"). Each end is one check; the pairing is by place, so a fit
    confirms and no fit proves nothing."""
    out: list[Check] = []
    rate: tuple[Figure, int] | None = None
    for si, s in enumerate(sec.sentences):
        raw = sec.raw[si]
        if "按" not in raw and (rate is None or si - rate[1] > 2):
            continue  # only sentences near a rate written with 按 are read again
        figs = [f for f in extract_figures(raw) if f.kind != FigureKind.DATE and f.value is not None]
        amounts = [f for f in figs if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
        for f in figs:
            if f.kind == FigureKind.PERCENT and f.high is not None and _RATE_BASIS.search(raw[:f.start]) \
                    and _ESTIMATE.match(raw[f.end:]):
                rate = (f, si)
        if rate is None:
            continue
        after = rate[0].end if rate[1] == si else 0
        results = [f for f in amounts if f.high is not None and f.start > after]
        if not results:
            continue
        levels = [f for f in amounts if f.high is None and f.start < results[0].start]
        if rate is None or not results or not levels or si - rate[1] > 2:
            continue
        r = rate[0]
        pairs = list(zip(levels, results, strict=True)) if len(levels) == len(results) else \
            [(max((lv for lv in levels if lv.start < res.start), key=lambda f: f.start, default=levels[-1]), res)
             for res in results]
        for lv, res in pairs:
            base = figure_interval(lv).scale(lv.scale)
            for end, rv, tag in ((res.value, r.value, "下限"), (res.high, r.high, "上限")):
                assert end is not None and rv is not None
                got = (base * figure_interval(_end(r, rv)).scale(0.01)).scale(1 / res.scale)
                stated = figure_interval(_end(res, end), result=True)
                ok = stated.overlaps(got)
                out.append(Check(
                    verdict="consistent" if ok else "unverifiable", kind="product",
                    stated=f"{res.text}（{tag}）", computed=_fmt(got.mid) if ok else "",
                    computed_low=got.lo if ok else None, computed_high=got.hi if ok else None,
                    inputs=[lv.text, r.text], relation=f"{lv.text} × {_fmt(rv)}% = {_fmt(end)}",
                    note="level and result paired by their place" + ("" if ok else ", and none fits"),
                    sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                    input_sentences=[s.text, sec.sentences[rate[1]].text], refutable=False))
    return out


# ---------------------------------------------------------------- across sections
# A share of a national whole or a CAGR in a summary ("核心观点") may take its inputs from another
# section: "一季度发行煤炭债 205 亿元（占全国 31.5%）" and, in the bond section, "一季度新发行煤炭债
# 650 亿元"; "2020-24 年省级国有资本经营收入（CAGR 11%）" and, later, "各省合计国有资本经营收入…从
# 2987 亿元增至 4487 亿元". Only a share or CAGR counted unverifiable in its own section is sought
# again, over the article, among figures whose metric shares a run of four characters with it;
# found by their fit, a fit confirms (not refutable) and no fit changes nothing.

_SHARED_RUN = 4


def _clause_before(sec: Para, x: _Framed) -> str:
    """The words of a figure's clause before it, brackets included ("省级国有资本经营收入（CAGR")."""
    raw = sec.raw[x.tok.sent]
    start = max((m.end() for m in re.finditer(r"[，,。；;：:]", raw[:x.tok.fig.start])), default=0)
    return re.sub(r"[^\u4e00-\u9fa5]", "", raw[max(start, x.tok.fig.start - 60):x.tok.fig.start])


def _across_sections(sections: list[tuple[Para, list[_Framed]]], checks: list[Check],
                     headings: list[tuple[int, str]], fits: list[Check]) -> None:
    todo_all = {(c.sentence_id, c.stated): i for i, c in enumerate(checks)}
    # a figure another finder left unverifiable ("其中-parts … none fits": 605.6 + 69.2 = 100.5)
    # takes the reading in words that fits it (69.2 + 31.3, paired by metric)
    for fit in fits:
        i = todo_all[(fit.sentence_id, fit.stated)]
        if checks[i].verdict == "unverifiable":
            fit.article = checks[i].article
            checks[i] = fit
    todo = {(c.sentence_id, c.stated): i for i, c in enumerate(checks)
            if c.verdict == "unverifiable" and c.kind in ("share", "cagr")
            and (not c.inputs or "(whole)" in c.relation)}
    named = any(_NAMED_LIST.search(r) for sec, _ in sections for r in sec.raw)
    # the article as one section: the sections' sentences and frames end to end
    whole = Para(index=sections[0][0].index, sentences=[s for sec, _ in sections for s in sec.sentences],
                 raw=[r for sec, _ in sections for r in sec.raw])
    fs: list[_Framed] = []
    offset = 0
    for sec, sfs in sections:
        for x in sfs:
            tok = copy.copy(x.tok)  # keeps the unit read once
            tok.sent += offset
            fs.append(_Framed(tok, len(fs), x.metric, x.period, x.lead, x.after, x.paragraph, x.topic, x.block))
        offset += len(sec.sentences)
    found = _named_totals(whole, fs, headings) if named and checks else []
    for total in found + (_range_shares(whole, fs) if checks else []):
        key = (total.sentence_id, total.stated)
        if key in todo_all:
            if checks[todo_all[key]].verdict == "unverifiable":
                total.article = checks[todo_all[key]].article
                checks[todo_all[key]] = total
        else:
            total.article = checks[0].article
            checks.append(total)
    pairs: list[tuple[int, str]] | None = None  # the 从A增至B pairs of the article, read when a CAGR asks
    for k, c in enumerate(fs):
        key = (whole.sentences[c.tok.sent].id, c.tok.text)
        if key not in todo or c.tok.bound:
            continue
        if checks[todo[key]].kind == "share":
            chk = _share_across(whole, fs, k)
        else:
            if pairs is None:
                pairs = [(j, _clause_before(whole, fs[j - 1])) for j in range(1, len(fs))
                         if fs[j - 1].tok.sent == fs[j].tok.sent and fs[j - 1].tok.cunit == fs[j].tok.cunit
                         and _FROM_LEAD.search(fs[j - 1].lead) and _TO_LEAD.match(fs[j].lead)
                         and not fs[j - 1].tok.bound and not fs[j].tok.bound]
            chk = _cagr_across(whole, fs, k, pairs)
        if chk is not None:
            chk.article = checks[todo[key]].article
            checks[todo[key]] = chk


_ENTITY_LABEL = re.compile(r"^\s*(?:\d+[.、)]\s*)?([\u4e00-\u9fa5A-Za-z]{2,10})[：:]")


def _share_across(whole: Para, fs: list[_Framed], k: int) -> Check | None:
    """The whole of a share from another section: a level whose metric shares four characters
    with the part's (a share stated to two decimals), or one whose clause names the entity that
    labels the share's sentence ("阳光电源：储能系统营收 249.6 亿元（占比 32%…），光伏逆变器 291.3
    亿元（占比 37%…）" / "2024 年阳光电源以 778.57 亿元营收居首")."""
    c = fs[k]
    own = [x for x in fs[:k] if x.tok.sent == c.tok.sent and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
    if not own or not _is_level(own[-1]):
        return None
    p = own[-1]
    label = _ENTITY_LABEL.match(whole.raw[c.tok.sent])
    entity = label.group(1) if label else ""
    for d in fs:
        if d is p or not _is_level(d) or d.tok.cunit != p.tok.cunit or d.tok.sent == p.tok.sent \
                or d.tok.interval().lo <= p.tok.interval().hi:
            continue
        by_metric = c.tok.fig.decimals > 0 and common_metric(p.metric, d.metric, _SHARED_RUN)
        by_entity = len(entity) >= 2 and entity in _clause_before(whole, d)
        if not by_metric and not by_entity:
            continue
        iv = (p.tok.interval() / d.tok.interval()).scale(100)
        if iv.hi <= 100 and _searched(c.tok).overlaps(iv) and _tight(iv, c.tok):
            chk = _judge(whole, "share", c.tok, [p.tok, d.tok], [(f"{p.tok.text} / {d.tok.text} = {c.tok.text}", iv)],
                         magnitude=False)
            return _hedge(whole, chk, "the whole, in another section, is found by its "
                          + ("metric" if by_metric else "entity") + " and fit")
    return None


def _cagr_across(whole: Para, fs: list[_Framed], k: int, pairs: list[tuple[int, str]]) -> Check | None:
    c = fs[k]
    name = _clause_before(whole, c)
    for j, a_name in pairs:
        if fs[j].tok.sent == c.tok.sent or not common_metric(name, a_name, _SHARED_RUN):
            continue
        chk = _cagr_in_section(whole, fs[:j + 1] + [c], j + 1)
        if chk is not None and chk.verdict == "consistent":
            return chk
    return None


def _parts_by_metric(sec: Para, fs: list[_Framed]) -> list[Check]:
    """"美护板块营收合计 731.7 亿元，…归母净利润 100.5 亿元…。其中，化妆品板块合计营收 605.6 亿元，…
    归母净利润 69.2 亿元…；医美板块营收 126.1 亿元，…归母净利 31.3 亿元": the 其中-parts of each
    total are those whose metric shares a word with it, in the 其中 sentence and the next one of
    its paragraph. Parts that add up to the total confirm it (the pairing is by metric words,
    so a fit is not refutable); parts that do not prove nothing."""
    out: list[Check] = []
    for si, raw in enumerate(sec.raw):
        i = raw.find("其中")
        if i < 0:
            continue
        para = sec.sentences[si].paragraph
        totals = [x for x in fs if _is_level(x) and (
            x.tok.sent == si and x.tok.fig.end <= i
            or x.tok.sent == si - 1 and raw[:i].strip("，,：: ") == "" and sec.sentences[si - 1].paragraph == para)]
        parts = [x for x in fs if _is_level(x) and not _SHARE_LEAD.search(x.lead) and (
            x.tok.sent == si and x.tok.fig.start > i
            or x.tok.sent == si + 1 and sec.sentences[si + 1].paragraph == para)]
        for t in totals:
            mine = [p for p in parts if p.tok.cunit == t.tok.cunit and common_metric(t.metric, p.metric)
                    and p.tok.interval().hi < t.tok.interval().lo]
            if len(mine) < 2:
                continue
            acc = mine[0].tok.interval()
            for p in mine[1:]:
                acc = acc + p.tok.interval()
            chk = _judge(sec, "sum", t.tok, [p.tok for p in mine],
                         [(" + ".join(p.tok.text for p in mine) + f" = {t.tok.text}", acc)], magnitude=False)
            if chk.verdict == "consistent":
                out.append(_hedge(sec, chk, "其中-parts paired with the total by their metric"))
                if (grown := _derived_total_growth(sec, fs, t, mine)) is not None:
                    out.append(grown)
    return out


_USE_WORDS = re.compile(r"用于|投向|投入|用作|分配给|安排")
_USE_AFTER = re.compile(r"^\s*(?:将)?(?:用于|投向|投入|用作|分配给|安排)")


def _allocated_parts(sec: Para, fs: list[_Framed]) -> list[Check]:
    """"全年计划 1.3 万亿元，8000 亿用于 “两重” 项目，5000 亿用于 “两新”": amounts each followed by
    用于 after a total of the sentence allocate it. Allocations need not exhaust the total, so a
    sum that fits confirms and one that does not proves nothing."""
    out: list[Check] = []
    if not any(_USE_WORDS.search(r) for r in sec.raw):
        return out
    for k, t in enumerate(fs):
        if not _is_level(t):
            continue
        parts = []
        for x in fs[k + 1:]:
            if x.tok.sent != t.tok.sent or not _same_amounts(x.tok, t.tok) or not _USE_AFTER.match(x.after):
                break
            parts.append(x.tok)
        if len(parts) < 2:
            continue
        acc = parts[0].interval()
        for p in parts[1:]:
            acc = acc + p.interval()
        chk = _judge(sec, "sum", t.tok, parts, [(" + ".join(p.text for p in parts) + f" = {t.tok.text}", acc)],
                     magnitude=False)
        out.append(_hedge(sec, chk, "allocations (用于) need not exhaust the total"))
    return out


_PER_PERIOD = re.compile(r"^\s*/\s*(日|天|月|季度?|年)")
_PERIOD_LEAD = (
    (re.compile(r"单月|每月|月均|月度|月产能"), "月"),
    (re.compile(r"单季|每季|季均"), "季"),
    (re.compile(r"全年|年度|每年|年均|年化"), "年"),
    (re.compile(r"日均|每日|单日|日产|日熔"), "日"),
)
_PER_YEAR = {"月": 12.0, "季": 4.0, "年": 1.0}
_CONVERT_LEAD = re.compile(r"(?:折合|折算|相当于|年化)[^，,。；;]{0,6}$")


def _period_of(x: _Framed) -> str:
    m = _PER_PERIOD.match(x.after)
    if m:
        return {"天": "日", "季度": "季"}.get(m.group(1), m.group(1))
    for rx, per in _PERIOD_LEAD:
        if rx.search(x.lead[-8:]):
            return per
    return ""


def _converted(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"单月产能约 22 万片，折合 167 万片 / 年": a rate per month (quarter, year) converted to
    another period is the same rate times 12 (4, 1/12…). The factor is exact and both figures
    are written side by side, so the relation is certain; a day has 360 or 365 of them a year,
    and a daily figure may be capacity rather than output, so a day conversion only confirms."""
    c = fs[k]
    t = c.tok
    if k == 0 or not _CONVERT_LEAD.search(c.lead) or t.fig.kind not in (FigureKind.QUANTITY, FigureKind.MONEY):
        return None
    a = fs[k - 1]
    if a.tok.sent != t.sent or a.tok.cunit != t.cunit or a.tok.bound or t.bound:
        return None
    pa, pb = _period_of(a), _period_of(c)
    if not pa or not pb or pa == pb:
        return None
    if "日" in (pa, pb):
        other = pb if pa == "日" else pa
        if other != "年":
            return None
        readings = [(f"{a.tok.text}/{pa} = {t.text}/{pb} ({n} 日/年)",
                     a.tok.interval().scale(n if pa == "日" else 1 / n)) for n in (365, 360)]
        return _hedge(sec, _judge(sec, "product", t, [a.tok], readings, magnitude=False),
                      "a daily rate may be capacity rather than output")
    factor = _PER_YEAR[pa] / _PER_YEAR[pb]
    return _judge(sec, "product", t, [a.tok],
                  [(f"{a.tok.text}/{pa} × {_fmt(factor)} = {t.text}/{pb}", a.tok.interval().scale(factor))],
                  magnitude=False)



# "大族数控、芯碁微装、东威科技、凯格精机、鼎泰高科五家企业 2025 年合计营收 116 亿元，…合计净利润
# 18.55 亿元": a total over named entities, each with a section of its own ("### 4.1 大族数控 …
# 2025 年营收 57.73 亿元，…归母净利润 8.24 亿元")
_NAMED_LIST = re.compile(
    r"((?:[\u4e00-\u9fa5A-Za-z]{2,8}、)+[\u4e00-\u9fa5A-Za-z]{2,8})(?:等)?\s*(?:[两二三四五六七八九十\d]+)\s*(?:家|个|省|市)")
_TOTAL_WORD = re.compile(r"合计|总计|共计")


def _named_totals(whole: Para, fs: list[_Framed], headings: list[tuple[int, str]]) -> list[Check]:
    """Each named entity's level of the total's metric and period, read from the first section
    whose heading names it; the sum over the names that fits confirms the total (the levels are
    found by their place, so it is not refutable) and one that does not proves nothing."""
    out: list[Check] = []

    def heading(x: _Framed) -> str:
        before = [h for p, h in headings if p < x.paragraph]
        return before[-1] if before else ""

    for c in fs:
        if not _TOTAL_WORD.search(c.lead[-10:]) or not _is_level(c):
            continue
        lists = list(_NAMED_LIST.finditer(whole.raw[c.tok.sent][:c.tok.fig.start]))
        if not lists:
            continue
        names = lists[-1].group(1).split("、")
        metric = _TOTAL_WORD.sub("", c.metric)
        parts: list[_Framed] = []
        for name in names:
            mine = [x for x in fs if name in heading(x) and x.tok.sent != c.tok.sent
                    and _is_level(x) and x.tok.cunit == c.tok.cunit and common_metric(metric, x.metric)
                    and period_key(x.period) == period_key(c.period) and period_key(c.period) is not None]
            if not mine:
                break
            parts.append(mine[0])
        if len(parts) != len(names):
            continue
        acc = parts[0].tok.interval()
        for p in parts[1:]:
            acc = acc + p.tok.interval()
        chk = _judge(whole, "sum", c.tok, [p.tok for p in parts],
                     [(" + ".join(p.tok.text for p in parts) + f" = {c.tok.text}", acc)], magnitude=False)
        out.append(_hedge(whole, chk, "each named entity's level is read from its own section"))
        if chk.verdict == "consistent" and (grown := _derived_total_growth(whole, fs, c, parts)) is not None:
            out.append(grown)
    return out


def _cagr_dated(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"2025 年 223 亿元，2030 年 4147 亿元（CAGR 79.7%）", "2019 年 28 亿元→2024 年 263 亿元，年复合增长率
    56.6%": levels dated by year in the CAGR's sentence, of one unit. With a span written for the
    CAGR only the pairs of its years are read. Market studies often quote a CAGR over another
    window than the levels they print, so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    dated = [(x, key) for x in fs[:k] if x.tok.sent == t.sent and _is_level(x)
             and (key := period_key(x.period)) is not None and key[1] in ("Y", "E", "A")]
    spans = list(_YEAR_SPAN.finditer(sec.raw[t.sent][:t.fig.start]))
    window: tuple[int, int] | None = None
    if spans:
        y0, y1 = int(spans[-1].group(1)), int(spans[-1].group(2))
        window = (y0, y1 + y0 // 100 * 100 if y1 < 100 else y1)
    readings = []
    inputs: list[Tok] = []
    for i, (a, ka) in enumerate(dated):
        for b, kb in dated[i + 1:]:
            n = kb[0] - ka[0]
            if n <= 0 or a.tok.cunit != b.tok.cunit or window and (ka[0], kb[0]) != window:
                continue
            g = ((b.tok.interval() / a.tok.interval()).pow(1 / n) - Interval(1, 1)).scale(100)
            readings.append((f"({b.tok.text}/{a.tok.text})^(1/{n}) - 1 = {t.text}", g))
            inputs = inputs or [a.tok, b.tok]
    if not readings:
        return None
    chk = _judge(sec, "cagr", t, inputs, readings, magnitude=False)
    return _hedge(sec, chk, "the dated levels may span another window than the CAGR")


_PCT_RANGE = re.compile(r"\d\s*%?\s*[-~～至]\s*\d[\d.]*\s*[%％]")
_RANGE_CHANGE_LEAD = re.compile(
    f"(?:同比|环比|较[^，,。；;]{{0,12}}?)\\s*(?:{_UP}|{_DOWN})?\\s*(?:约)?\\s*$")


def _range_changes(sec: Para) -> list[Check]:
    """"全年预计 215-255GW（同比 - 8~23%）": a stated growth written as a range, counted
    unverifiable (a range is no figure of the relations above)."""
    out: list[Check] = []
    for si, s in enumerate(sec.sentences):
        raw = sec.raw[si]
        if not _PCT_RANGE.search(raw) or not re.search("同比|环比|较", raw):
            continue
        for f in extract_figures(raw):
            if f.kind == FigureKind.PERCENT and f.high is not None and _RANGE_CHANGE_LEAD.search(raw[:f.start]):
                out.append(Check(verdict="unverifiable", kind="growth", stated=f.text,
                                 relation=f"(level) vs (earlier level) : {f.text}",
                                 note="the earlier level is not stated", sentence=s.text, sentence_id=s.id,
                                 paragraph=s.paragraph))
    return out


_RANGE_SHARE_LEAD = re.compile(r"占([^，,。；;]{2,30}?)的?\s*$")


def _range_shares(whole: Para, fs: list[_Framed]) -> list[Check]:
    """"可证券化规模 300-1200 亿，约占 2024 年地方国企国有资本运营收入的 7%-26%": a range of amounts
    over a whole named after 占, end by end. The whole is a level of the article whose metric
    shares four characters with the words after 占 ("国有资本经营收入 … 4487 亿元"); found by its
    metric, a fit confirms and no fit proves nothing."""
    out: list[Check] = []
    for si, s in enumerate(whole.sentences):
        raw = whole.raw[si]
        if "占" not in raw or not _PCT_RANGE.search(raw):
            continue
        figs = [f for f in extract_figures(raw) if f.value is not None and f.high is not None]
        for j, f in enumerate(figs):
            m = _RANGE_SHARE_LEAD.search(raw[:f.start])
            if f.kind != FigureKind.PERCENT or m is None or j == 0 or \
                    figs[j - 1].kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
                continue
            part, named = figs[j - 1], re.sub(r"[^\u4e00-\u9fa5]", "", m.group(1))
            lo_part = Tok(_end(part, part.value or 0.0), si)
            wholes = [x for x in fs if x.tok.sent != si and _is_level(x) and _same_amounts(x.tok, lo_part)
                      and (common_metric(named, x.metric, _SHARED_RUN)
                           or common_metric(named, _clause_before(whole, x), _SHARED_RUN))]
            for w in wholes:
                ends = []
                for end, share, tag in ((part.value, f.value, "下限"), (part.high, f.high, "上限")):
                    assert end is not None and share is not None
                    got = (figure_interval(_end(part, end)).scale(part.scale) / w.tok.interval()).scale(100)
                    ends.append((got, share, tag))
                if all(figure_interval(_end(f, share), result=True).overlaps(got) for got, share, _ in ends):
                    for got, share, tag in ends:
                        out.append(Check(
                            verdict="consistent", kind="share", stated=f"{f.text}（{tag}）", computed=_fmt(got.mid),
                            computed_low=got.lo, computed_high=got.hi, inputs=[part.text, w.tok.text],
                            relation=f"{part.text} / {w.tok.text} = {_fmt(share)}% ({tag})",
                            note="the whole, named after 占, is found by its metric and fit", sentence=s.text,
                            sentence_id=s.id, paragraph=s.paragraph,
                            input_sentences=[s.text, whole.sentences[w.tok.sent].text], refutable=False))
                    break
    return out


_EXCESS_LEAD = re.compile(r"(?:超额收益|相对收益)率?[^，,。；;\d]{0,6}?(?:分别)?\s*(?:为|约|达|是)?\s*$")


def _return_value(x: _Framed) -> Interval:
    """A return with its sign: "下跌 0.81%" is −0.81; "涨跌幅 3.34%" keeps the sign written."""
    if re.search(r"涨跌幅?\s*(?:为|达)?\s*$", x.lead):
        return x.tok.interval()
    return _level(x)


def _relative_returns(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"建筑材料板块（SW）涨跌幅为 - 2.77%，同期沪深 300 指数涨跌幅 - 0.25%，万得全 A 指数涨跌幅 - 0.27%，
    超额收益分别为 - 2.51%、-2.50%" (one return against each benchmark), "沪深 300 指数下跌 0.81%，
    公用事业指数上涨 1.20%，环保指数下跌 0.27%，周相对收益率分别为 2.01% 和 0.54%" (each return
    against one benchmark): the excess returns of a sentence over its returns, paired by place.
    The reading that fits every excess return of the list confirms it; the pairing is by place, so
    no fit proves nothing."""
    c = fs[k]
    if c.tok.fig.kind != FigureKind.PERCENT:
        return None
    j0 = k
    while j0 > 0 and _LIST_AND.match(fs[j0].lead) and fs[j0 - 1].tok.sent == c.tok.sent \
            and fs[j0 - 1].tok.fig.kind == FigureKind.PERCENT:
        j0 -= 1
    if not _EXCESS_LEAD.search(fs[j0].lead):
        return None
    stated = [fs[j0]]
    for x in fs[j0 + 1:]:
        if x.tok.sent != c.tok.sent or not _LIST_AND.match(x.lead) or x.tok.fig.kind != FigureKind.PERCENT:
            break
        stated.append(x)
    levels = [x for x in fs[:j0] if x.tok.sent == c.tok.sent and x.tok.fig.kind == FigureKind.PERCENT
              and not x.tok.bound and not _SHARE_LEAD.search(x.lead)]
    if len(levels) != len(stated) + 1 or any(x.tok.bound for x in stated):
        return None
    first, rest = levels[0], levels[1:]
    def shown(x: _Framed) -> str:
        return f"({_fmt(_return_value(x).mid)}%)"

    patterns = [
        [(f"{shown(first)} - {shown(b)}", _return_value(first) - _return_value(b)) for b in rest],
        [(f"{shown(a)} - {shown(first)}", _return_value(a) - _return_value(first)) for a in rest],
    ]
    i = stated.index(c)
    for pattern in patterns:
        if all(s.tok.interval(result=True).overlaps(iv) for s, (_, iv) in zip(stated, pattern, strict=True)):
            formula, iv = pattern[i]
            chk = _judge(sec, "difference", c.tok, [first.tok, rest[i].tok], [(f"{formula} = {c.tok.text}", iv)],
                         magnitude=False)
            return _hedge(sec, chk, "returns and excess returns are paired by their place")
    return _unverifiable(sec, "difference", c.tok, [x.tok for x in levels], f"(return) - (benchmark return) = {c.tok.text}",
                         "no pairing of the returns written fits every excess return")



_GAP_VERB = re.compile(r"超涨|超跌|跑赢|跑输|相对于?")
_GAP_TAIL = re.compile(r"(?:分别|上涨|下跌|为|约|达|幅度|\s|·)+$")


def _gap_names(sec: Para, x: _Framed) -> tuple[str, str] | None:
    """(subject, benchmark) of a gap clause: "建筑材料指数超涨沪深 300 指数 9.35 个百分点"."""
    raw = sec.raw[x.tok.sent]
    start = max((m.end() for m in re.finditer(r"[，,。；;：:]", raw[:x.tok.fig.start])), default=0)
    clause = raw[start:x.tok.fig.start]
    m = _GAP_VERB.search(clause)
    if m is None:
        return None
    subject = re.sub(r"[\s·]", "", re.sub(r"^\s*\d+[.、)]\s*", "", clause[:m.start()]))
    return subject, re.sub(r"[\s·]", "", _GAP_TAIL.sub("", clause[m.end():]))


def _named_gap(sec: Para, fs: list[_Framed], k: int) -> Check | None:
    """"建筑材料指数涨幅 6.77%，…沪深 300 指数下跌 2.58%，上证指数上涨 9.92%。建筑材料指数超涨沪深 300
    指数 9.35 个百分点，建筑装饰超涨 11.05 个百分点；相对上证指数分别下跌 3.15 和 1.45 个百分点": a
    gap between two returns named in its clause (the benchmark carried from the clause before, the
    subjects of a 分别-list from the gaps before, in order), read from the section's returns whose
    words share four characters with each name. Found by names, a fit confirms and no fit proves
    nothing."""
    c = fs[k]
    if c.tok.fig.kind == FigureKind.NUMBER and k + 1 < len(fs) and _is_points(fs[k + 1].tok) \
            and fs[k + 1].tok.sent == c.tok.sent and _LIST_AND.match(fs[k + 1].lead):
        # "分别下跌 3.15 和 1.45 个百分点": the unit is written on the last item
        unit = fs[k + 1].tok.fig
        c = _Framed(Tok(c.tok.fig.model_copy(update={"kind": unit.kind, "unit": unit.unit}), c.tok.sent),
                    c.index, c.metric, c.period, c.lead, c.after, c.paragraph, c.topic, c.block)
    if not _is_points(c.tok) or (names := _gap_names(sec, c)) is None:
        return None
    subject, bench = names
    earlier = [(x, n) for x in fs[:k] if x.paragraph == c.paragraph and _is_points(x.tok)
               and (n := _gap_names(sec, x)) is not None]
    if not bench:
        bench = next((n[1] for _, n in reversed(earlier) if n[1]), "")
    if not subject:
        subjects = list(dict.fromkeys(n[0] for _, n in earlier if n[0]))
        pos = 0
        j = k
        while j > 0 and fs[j - 1].tok.sent == c.tok.sent and _LIST_AND.match(fs[j].lead):
            pos, j = pos + 1, j - 1
        subject = subjects[pos] if pos < len(subjects) else ""
        # the verb of the list ("分别下跌") signs every item of it
        c = _Framed(c.tok, c.index, c.metric, c.period, fs[j].lead, c.after, c.paragraph, c.topic, c.block)
    if len(subject) < _SHARED_RUN or len(bench) < _SHARED_RUN:
        return None

    def level_of(name: str) -> _Framed | None:
        hits = [x for x in fs[:k] if x.tok.fig.kind == FigureKind.PERCENT and not x.tok.bound
                and common_metric(name, re.sub(r"[\s·]", "", x.lead + x.metric), _SHARED_RUN)]
        return hits[-1] if hits else None

    a, b = level_of(subject), level_of(bench)
    if a is None or b is None or a is b:
        return None
    chk = _judge_signed(sec, "difference", c, [a.tok, b.tok],
                        [(f"({_fmt(_return_value(a).mid)}%) - ({_fmt(_return_value(b).mid)}%) = {c.tok.text}",
                          _return_value(a) - _return_value(b))])
    return _hedge(sec, chk, "the two returns are found by their names")


_WORDED = (_relative_returns, _named_gap, _bracket_sum, _written_whole, _from_to_multiple, _reference_growth, _prose_pe, _net_amount,
           _per_unit, _raised_cap, _converted)


def _derived_total_growth(sec: Para, fs: list[_Framed], total: _Framed, parts: list[_Framed]) -> Check | None:
    """"美护板块营收合计 731.7 亿元，同比 + 12%" with its parts "化妆品…营收 605.6 亿元，同比 + 13%" and
    "医美板块营收 126.1 亿元，同比 + 12%": last year's total is Σ part / (1 + its growth), an
    intermediate the text does not state (derived). Only for parts that add up to the total; the
    parts are paired by metric or name, so a fit confirms and no fit proves nothing."""
    g = _growth_after(fs, total)
    growths = [_growth_after(fs, p) for p in parts]
    if g is None or any(x is None for x in growths):
        return None
    one = Interval(1, 1)
    before = Interval(0, 0)
    for p, gp in zip(parts, growths, strict=True):
        assert gp is not None
        factor = one + _level(gp).scale(0.01)
        if factor.lo <= 0:
            return None
        before = before + p.tok.interval() / factor
    if before.lo <= 0:
        return None
    change = (total.tok.interval() / before - one).scale(100)
    shown = " + ".join(f"{p.tok.text}/(1{'+' if _level(gp).mid >= 0 else '-'}{_fmt(abs(_level(gp).mid))}%)"
                       for p, gp in zip(parts, growths, strict=True) if gp)
    chk = _judge_signed(sec, "growth", g, [total.tok] + [p.tok for p in parts],
                        [(f"{total.tok.text} / 上年 {_fmt(before.mid / (total.tok.fig.scale or 1))} (= {shown}) - 1"
                          f" = {g.tok.text}", change)], derived=True)
    return _hedge(sec, chk, "last year's total is derived from parts paired by metric or name")
