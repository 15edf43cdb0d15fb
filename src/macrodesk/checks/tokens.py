"""A paragraph or section read into figure tokens (`Tok`, `Para`): figures shielded as marks in
the text the finders' patterns search, with their units and bounds read once (`build_para`, cached)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from macrodesk.checks.degree import blank_degree
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.figures import extract_figures
from macrodesk.models import Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import break_ends, chars_after, chars_before, start_after

# ---------------------------------------------------------------- figures of a paragraph

# figures.extract_figures drops a number that follows "letters + space" ("GDP 5.2%", "vs 37.4%"):
# a length-preserving mark in place of that space keeps the number and every offset.
_LETTER_SPACE = re.compile(r"(?<=[A-Za-z])[ \t](?=[+\-−－]?\d)")
# the words that make a figure a bound, by the side they name ("超 1500 亿元", "1500 亿元以上" a lower
# bound; "近 70%", "以内" an upper one); 最高/上限 bound a figure without saying which way the truth lies
_LOWER_WORDS = ("超过", "超", "逾", "高于", "不低于", "至少", "多于")
_UPPER_WORDS = ("接近", "将近", "近", "不到", "低于", "不足", "少于")
_LOWER_AFTER_WORDS = ("以上", "之上", "多", "余", r"\+(?!\s*\d)")
_UPPER_AFTER_WORDS = ("以下", "以内", "之下")
_LOWER_BEFORE = re.compile(rf"(?:{'|'.join(_LOWER_WORDS)})\s*$")
_UPPER_BEFORE = re.compile(rf"(?:{'|'.join(_UPPER_WORDS)})\s*$")
_LOWER_AFTER = re.compile(rf"^\s*(?:{'|'.join(_LOWER_AFTER_WORDS)})")
_UPPER_AFTER = re.compile(rf"^\s*(?:{'|'.join(_UPPER_AFTER_WORDS)})")
BOUND_BEFORE = re.compile(rf"(?:{'|'.join(_LOWER_WORDS + _UPPER_WORDS)}|最高|最低|上限|下限)\s*$")
_BOUND_AFTER = re.compile(rf"^\s*(?:{'|'.join(_LOWER_AFTER_WORDS + _UPPER_AFTER_WORDS)})")


def is_bound(raw: str, fig: Figure) -> bool:
    """Whether the words around `fig` in `raw` make it a bound (超/近/以上/最高…), of either side: what
    `build_para` marks a token's `bound` by, for finders that read a sentence's figures directly."""
    return bool(BOUND_BEFORE.search(chars_before(raw, fig.start, 4)) or _BOUND_AFTER.match(chars_after(raw, fig.end, 3)))


def bound_side(raw: str, fig: Figure) -> int:
    """+1 when the words around `fig` in `raw` make it a lower bound, -1 an upper one, 0 when they
    name no side (or both)."""
    before, after = chars_before(raw, fig.start, 4), chars_after(raw, fig.end, 3)
    lower = bool(_LOWER_BEFORE.search(before) or _LOWER_AFTER.match(after))
    upper = bool(_UPPER_BEFORE.search(before) or _UPPER_AFTER.match(after))
    return 0 if lower == upper else 1 if lower else -1


_APPROX_BEFORE = re.compile(r"(?:约|大约|约为|大概|≈|~|～)\s*$")
_APPROX_AFTER = re.compile(r"^\s*(?:左右|上下|附近)")


_SPACE = re.compile(r"[\s·]+")


# "沪深 300 指数", "标普500": the digits name an index, they are not a figure
_INDEX_NAME = re.compile(r"(?<=沪深|中证|上证|标普|深证|国证|恒生|富时|日经|罗素)(\s*)(\d{2,4})(?!\s*(?:点|%|亿|万))")


# "（YoY+52%）" is "（同比 +52%）" to every pattern of the finders (same length: offsets hold)
_YOY_WORD = re.compile(r"(?<![A-Za-z])(?:YoY|yoy|YOY|QoQ|qoq|QOQ)(?![A-Za-z])")


_STRONGER = re.compile(r"(?:强于|弱于)(?=[^，,。；;]{0,16}?\d)")


# "与2018年同期的252.39亿元相比大幅增长31.69%" is "较2018年同期的252.39亿元  大幅增长31.69%" (same length)
# ("与2020年底的62家相比，全年增加43家": the period's word before the verb)
_WITH_COMPARED = re.compile(r"与([^，,。；;与和]{0,24}?\d[^，,。；;]{0,8}?)相比(\s*[，,]?\s*(?:全年|当年|年内|累计)?\s*"
                            r"(?:大幅|小幅|明显|显著)?\s*"
                            r"(?:增长|增加|上升|提升|提高|上涨|下降|减少|下滑|降低|回落|下跌))")

_PERIOD_WORD = re.compile(r"全年|当年|年内|累计")


def _shield(text: str) -> str:
    text = blank_degree(_INDEX_NAME.sub(lambda m: m.group(1) + "Ｘ" * len(m.group(2)), text))
    if "oY" in text or "oy" in text or "OY" in text or "oQ" in text or "oq" in text or "OQ" in text:
        text = _YOY_WORD.sub(lambda m: "同比 " if m.group(0)[0] in "Yy" else "环比 ", text)
    # "CS 汽车强于沪深 300 指数 0.84pct": a gap to a benchmark, as 跑赢 / 跑输 are
    if "强于" in text or "弱于" in text:
        text = _STRONGER.sub(lambda m: "跑赢" if m.group(0) == "强于" else "跑输", text)
    if "相比" in text and "与" in text:
        text = _WITH_COMPARED.sub(lambda m: "较" + m.group(1) + "  " + _PERIOD_WORD.sub(
            lambda w: " " * len(w.group(0)), m.group(2)), text)
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
        return _cunit(self.fig.kind, self.fig.unit)

    def interval(self, *, result: bool = False) -> Interval:
        """In the unit's base (亿元 -> 元, bp -> percentage points). Read once for each way it is
        read: the finders ask it of the same figure many times. `approx` is part of the key, as
        an expression's "≈" sets it on a Tok already read (checks/sentence.py)."""
        key = _INTERVAL_KEYS[self.approx, result]
        iv: Interval | None = self.__dict__.get(key)
        if iv is None:
            iv = self.__dict__[key] = figure_interval(self.fig, approx=self.approx, result=result).scale(self.fig.scale)
        return iv


@functools.lru_cache(maxsize=1024)
def _cunit(kind: FigureKind, unit: str) -> tuple[str, str]:
    return kind.value, canonical_unit(kind, unit)


_INTERVAL_KEYS = {(a, r): f"_interval_{a:d}{r:d}" for a in (False, True) for r in (False, True)}


def in_unit_of(tok: Tok, like: Figure, *, text: str | None = None, bound: bool | None = None) -> Tok:
    """`tok` read in the kind, unit and scale of `like` (a bare number of a list in the unit of its last
    item, a bare 亿 in the money of its total), shown as `text` and with `bound` when given."""
    fig = tok.fig.model_copy(update={"kind": like.kind, "unit": like.unit, "scale": like.scale,
                                     "text": tok.fig.text if text is None else text})
    return Tok(fig, tok.sent, tok.approx, tok.bound if bound is None else bound)


FIG_BASE = 0xE000
FIG = "[\ue000-\uefff]"
DATE_MARK = "\uf8ff"  # a date stands between figures, never one of them
OTHER_MARK = "\uf8fe"  # a range or an unusable figure: it breaks a relation
NOFIG = "\ue000-\uefff\uf8fe"


def W(n: int, extra: str = "") -> str:  # noqa: N802 - reads like a regex macro
    """Up to n characters inside one clause, no figure among them."""
    return f"[^，,。；;！？!?：:{NOFIG}{extra}]{{0,{n}}}"


def WS(n: int) -> str:  # noqa: N802
    """Up to n characters inside one sentence (commas allowed), no figure among them."""
    return f"[^。；;！？!?{NOFIG}]{{0,{n}}}"


@dataclass
class Para:
    index: int
    sentences: list[Sentence]
    masked: str = ""
    toks: list[Tok] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # shielded sentence texts
    _breaks: dict[int, list[int]] = field(default_factory=dict, repr=False)  # clause ends, per sentence
    # what the whole article says of a section's margins (framed.mark_margin_basis): another 净利率
    # of it fits the 归母 basis; the text is one company's with no headings; it is about a sector
    parent_basis: bool = False
    one_subject: bool = False
    sector: bool = False

    def tok(self, ch: str) -> Tok:
        return self.toks[ord(ch) - FIG_BASE]

    def clause_start(self, sent: int, pos: int) -> int:
        """Where the clause holding offset `pos` of sentence `sent` starts: right after the last
        ，。；：or opening bracket before it (each sentence's breaks kept here: the section finders
        ask it of every figure)."""
        ends = self._breaks.get(sent)
        if ends is None:
            ends = self._breaks[sent] = break_ends(self.raw[sent], "，,。；;：:（(")
        return start_after(ends, pos)


# a sentence read once per article: its shielded text, the masked text between its figures (spaces
# removed, a date or unusable figure as its mark; one more than the figures), and its figures with
# how loosely each is meant. Kept apart so that building a paragraph only interleaves them.
_Fig = tuple[Figure, bool, bool]
_Read = tuple[str, list[str], list[_Fig]]
Cache = dict[str, _Read]
_STOPS = ("。", "；", ";", "！", "？", "!", "?")


def _read(s: Sentence, cache: Cache | None) -> _Read:
    if cache is not None and s.text in cache:
        return cache[s.text]
    text = _shield(s.text)
    # segmenting already read the sentence's figures; read again only when shielding changed it
    same = text == s.text and (s.figures or not any(map(str.isdigit, text)))
    figs = list(s.figures) if same else extract_figures(text)
    if any(f.high is not None for f in figs):
        figs = _split_change_ranges(text, figs)
    between: list[str] = []  # the masked text since the last figure
    texts: list[str] = []
    marks: list[_Fig] = []
    pos = 0
    for f in figs:
        if f.start < pos:
            continue
        between.append(_SPACE.sub("", text[pos:f.start]))
        if f.kind == FigureKind.QUANTITY and f.unit == "个" and text[f.end:f.end + 1] == "点":
            # "同比下降 1.1 个点": percentage points (an index point is written 点 alone)
            f = f.model_copy(update={"kind": FigureKind.POINTS, "unit": "个百分点",
                                     "text": f.text + "点", "end": f.end + 1})
        if f.kind == FigureKind.DATE:
            between.append(DATE_MARK)
        elif f.value is None or f.high is not None:
            between.append(OTHER_MARK)
        else:
            before, after = chars_before(text, f.start, 4), chars_after(text, f.end, 3)
            texts.append("".join(between))
            between = []
            marks.append((f, bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after)),
                          bool(BOUND_BEFORE.search(before) or _BOUND_AFTER.match(after))))
        pos = f.end
    tail = _SPACE.sub("", text[pos:])
    between.append(tail)
    if not tail.endswith(_STOPS):
        between.append("。")  # a list item or a line without a stop still ends a sentence
    texts.append("".join(between))
    got = (text, texts, marks)
    if cache is not None:
        cache[s.text] = got
    return got


_RANGE_TO = re.compile(r"\s*(?:至|到)\s*")
_CHANGE_BEFORE = re.compile(
    r"(?:上升|提升|提高|增加|增长|上涨|回升|扩大|收窄|下降|下滑|下跌|回落|降低|减少|缩小|增|升|涨|降|跌|减)\s*(?:了|约)?\s*$")
_COMPARED = re.compile(r"同比|环比|较|比上|周|月度|季度")
_FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
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
        # "回购价上限从92元/股至125元/股，增幅达35.9%": 从 A 至 B is where a level went, not a range
        moved = bool(_FROM_BEFORE.search(clause))
        if _FORECAST.search(clause) or not (signed or verb or moved):
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


def figure_count(sentences: list[Sentence], cache: Cache) -> int:
    """How many figures `build_para` would make tokens of (the sentences' readings cached for it):
    half the paragraphs of a report hold fewer than the two a relation needs, and need no build."""
    return sum(len(_read(s, cache)[2]) for s in sentences)


def build_para(index: int, sentences: list[Sentence], cache: Cache | None = None) -> Para:
    para = Para(index=index, sentences=sentences)
    parts: list[str] = []
    toks = para.toks
    for si, s in enumerate(sentences):
        # a sentence is read once per article: paragraphs and sections share its reading
        text, texts, marks = _read(s, cache)
        para.raw.append(text)
        parts.append(texts[0])
        for (fig, approx, bound), after in zip(marks, texts[1:], strict=True):
            if len(toks) >= 0xFFF:
                parts.append(OTHER_MARK)
            else:
                parts.append(chr(FIG_BASE + len(toks)))
                toks.append(Tok(fig, si, approx, bound))
            parts.append(after)
    para.masked = "".join(parts)
    return para
