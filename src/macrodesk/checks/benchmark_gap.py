"""A gap to a benchmark whose level is written in another section: "2025 年初至 9 月 12 日，该板块整体
涨幅 53.18%，跑赢上证指数 34.55 个百分点" with "2025 年年初至 9 月 12 日，上证指数涨幅 18.64%" under
the market review. The benchmark's level is the one of the very index named and the very span
(the same dates, period or 本周/年初至今) the gap is stated over."""

from __future__ import annotations

import re

from macrodesk.checks.framed import Framed, signed_level, signed_text
from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, hedge, interval_check, judge, unverifiable
from macrodesk.checks.tokens import Para
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before

_NAME = r"[\u4e00-\u9fa5A-Za-zＸ]{2,12}"
# the lead of the gap: "，跑赢上证指数 ", "，跑输沪深Ｘ００ "; the level before it is the sector's
_GAP = re.compile(rf"^\s*[，,]\s*(?:整体|均)?\s*(跑赢|跑输|超涨|超跌)\s*({_NAME}?)\s*(?:约|达|了)?\s*$")
_LEVEL_WORDS = r"(?:累计)?(?:涨幅|跌幅|上涨|下跌|涨|跌|收益率?)"
_LEVEL_LEAD = re.compile(rf"{_LEVEL_WORDS}\s*(?:了|约|为|达)?\s*$")
# the span a move is measured over: dates, a period, a week or the year so far
_DATES = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:年初|初)?\s*(?:至|到|-|—|~)\s*(?:(?:19|20)\d{2}\s*年\s*)?"
                    r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SPAN_WORD = re.compile(r"本周|当周|上周|周度?|本月|当月|年初至今|年初以来|今年以来|近\s*\d+\s*个?月|近一年")
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*(?:年\s*(?:Q[1-4]|H[12]|[一二三四]季度|[上下]半年|前三季度|\d{1,2}\s*月)?|Q[1-4]|H[12])")


def _span(text: str) -> tuple[str, ...] | None:
    """The span the last move of `text` is measured over, as a key: the dates of a range, else
    a span word, else a period; None when the text names none."""
    best: tuple[int, tuple[str, ...]] | None = None
    for m in _DATES.finditer(text):
        best = (m.end(), ("dates", m.group(1), m.group(2), m.group(3)))
    for m in _SPAN_WORD.finditer(text):
        if best is None or m.start() >= best[0]:
            best = (m.end(), ("word", re.sub(r"\s+", "", m.group(0)).replace("当周", "本周")))
    for m in _PERIOD.finditer(text):
        if best is None or m.start() >= best[0]:
            key = period_key(re.sub(r"\s+", "", m.group(0)))
            if key is not None:
                best = (m.end(), ("period", str(key[0]), key[1]))
    return best[1] if best else None


def _span_at(art: Para, x: Framed) -> tuple[str, ...] | None:
    """The span of figure x: named in its sentence before it, else in the sentences before it in
    its paragraph ("本周沪深 300 指数上涨 1.95%…。新材料板块上涨 5.12%，跑输创业板指 0.57 个百分点")."""
    si, text = x.tok.sent, art.raw[x.tok.sent][:x.tok.fig.start]
    while (span := _span(text)) is None:
        si -= 1
        if si < 0 or art.sentences[si].paragraph != x.paragraph:
            return None
        # a span written mid-sentence is that figure's ("上证指数年初至今涨幅 8.10%"); only one
        # written before a sentence's first figure holds for the sentences after it
        first = next((t.fig.start for t in art.toks if t.sent == si), len(art.raw[si]))
        text = art.raw[si][:first]
    return span


# what a sentence holding a gap to a named benchmark says, tested before the frames are read
# (a gap between two returns in % is written in % too: "新材料指数涨幅为 2.57%，跑赢创业板指 2.09%")
_NAMED_GAP = re.compile(r"(?:跑赢|跑输|超涨|超跌)[^，,。；;\d]{2,14}\d[\d.]*\s*(?:个百分点|pct|PCT|bp|BP|%|％)")


def find_benchmark_gaps(whole: WholeFrames) -> list[Check]:
    """Gaps in points between a level and a named benchmark's level of the same span written
    anywhere in the article."""
    # (_NAMED_GAP opens on 跑赢/跑输 or 超涨/超跌: a sentence with neither 跑 nor 超 is passed by a plain test)
    if not any(("跑" in s.text or "超" in s.text) and _NAMED_GAP.search(s.text) for s in whole.sentences):
        return []
    art, fs = whole.art, whole.fs
    out: list[Check] = []
    sides: dict[int, Framed] = {}  # gap index -> the level it is of
    for c in fs[1:]:
        m = _GAP.match(c.lead) if c.tok.fig.kind in (FigureKind.POINTS, FigureKind.PERCENT) else None
        # "…涨跌幅为 + 22.5%，跑赢上证综指 8.4 个百分点，跑输创业板指数 2.7 个百分点": a second gap
        # is of the same level as the first
        a = sides.get(c.index - 1, fs[c.index - 1])
        if m is None or not m.group(2) or a.tok.sent != c.tok.sent or a.tok.fig.kind != FigureKind.PERCENT \
                or not _LEVEL_LEAD.search(a.lead) or a.tok.bound or c.tok.bound:
            continue
        sides[c.index] = a
        span = _span_at(art, a)
        name = m.group(2)
        if span is None or len(name) < 3:
            continue
        levels, spans_named = _benchmark_levels(art, fs, c, name, span)
        if not levels:
            continue
        sign = -1.0 if m.group(1) in ("跑输", "超跌") else 1.0
        readings = [(f"{signed_text(a)} - ({signed_text(b)}) = {c.tok.text} ({name})",
                     (signed_level(a) - signed_level(b)).scale(sign)) for b in levels]
        chk = judge(art, "difference", c.tok, [a.tok, levels[0].tok], readings, magnitude=False)
        best = next(b for (f, _), b in zip(readings, levels, strict=True) if f == chk.relation)
        chk.inputs = [a.tok.text, best.tok.text]
        chk.input_sentences = [art.sentences[a.tok.sent].text, art.sentences[best.tok.sent].text]
        chk.sentence = art.sentences[c.tok.sent].text
        chk.note = f"the level of {name} over the same span is written elsewhere"
        if len(levels) > 1 or not spans_named:
            chk = hedge(art, chk, f"another level of {name} may be of that span")
        out.append(chk)
    return out


# the return right after an index's close: "，周下跌 ", "，本周涨幅 "
_AFTER_CLOSE = re.compile(rf"^\s*[，,]\s*(?:本周|当周|周|本月|当月|月|年初至今|今年以来)?\s*{_LEVEL_WORDS}\s*(?:了|约|为|达)?\s*$")


def _benchmark_levels(art: Para, fs: list[Framed], c: Framed, name: str,
                      span: tuple[str, ...]) -> tuple[list[Framed], bool]:
    """The levels written right after the benchmark's name ("上证指数涨幅 18.64%") over the same
    span, outside the gap's own sentence, one per distinct value; and whether every level of the
    benchmark names its span (else one over an unnamed span may be the one meant)."""
    found: dict[str, Framed] = {}
    unknown = False  # a level of the benchmark over no span it names: it may be the one meant
    lead_rx = re.compile(rf"{re.escape(name)}[^，,。；;：:]{{0,8}}?{_LEVEL_WORDS}\s*(?:了|约|为|达)?\s*$")
    # (or its close in points first: "上证指数报收 3348.37 点，周下跌 0.57%")
    close_rx = re.compile(rf"{re.escape(name)}[^，,。；;：:]{{0,4}}?(?:报收|收报|收于|收盘于?)\s*(?:为|约)?\s*$")
    for x in fs:
        if x.tok.sent == c.tok.sent or x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound:
            continue
        if not lead_rx.search(x.lead) and not (
                x.index > 0 and _AFTER_CLOSE.match(x.lead) and (y := fs[x.index - 1]).tok.sent == x.tok.sent
                and y.tok.fig.unit == "点" and close_rx.search(y.lead)):
            continue
        own = _span_at(art, x)
        unknown = unknown or own is None
        if own != span:
            continue
        found.setdefault(x.tok.text, x)
    return list(found.values()), not unknown


# ---------------------------------------------------------------- a spread named by its formula
# "剪刀差变化：M2-M1收窄至5.6%，社融-M2微扩至0.8%" with "M2同比增长7.9%（预期8.1%），M1同比增速回升至2.3%"
# in another paragraph: the spread is the first series' level minus the second's. The levels are
# found by name, so a fit confirms and a mismatch proves nothing; a side with no level leaves the
# spread counted unverifiable.
_SERIES = r"(?:[A-Za-z]{1,4}\d{0,2}|\d{1,2}[YM]|[\u4e00-\u9fa5]{2,4})"
_SPREAD = re.compile(rf"(?<![A-Za-z0-9])({_SERIES})\s*[-−–]\s*({_SERIES})\s*(?:剪刀差|利差|差值|之差)?\s*"
                     r"(?:微?(?:收窄|扩大|走阔|缩小|回升|回落|上升|下降|扩|降|升))?\s*(?:至|为|到)\s*$")


# one side of the formula at least is a code ("M2-M1", "社融-M2", "10Y-1Y"): an article without one
# needs no frames read for this finder
_SPREAD_CHEAP = re.compile(r"(?:[A-Za-z]{1,4}\d{0,2}|\d{1,2}[YM])\s*[-−–]\s*[A-Za-z0-9\u4e00-\u9fa5]{1,4}[^，,。；;]{0,8}(?:至|为)"
                           r"|[\u4e00-\u9fa5]{2,4}\s*[-−–]\s*(?:[A-Za-z]{1,4}\d{0,2}|\d{1,2}[YM])[^，,。；;]{0,8}(?:至|为)")


def _series_levels(art: Para, fs: list[Framed], name: str, spread: Framed) -> list[Framed]:
    # the name stands alone (M2, not M20 or CM2) and its level follows in the same clause
    rx = re.compile(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])[^，,。；;（(、]{{0,10}}?"
                    rf"(?:同比|增速|增长|为|至|达)[^，,。；;（(]{{0,6}}$")
    found: dict[str, Framed] = {}
    for x in fs:
        if x is spread or x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound or x.tok.fig.is_range:
            continue
        if rx.search(x.lead) and not _SPREAD.search(x.lead):
            found.setdefault(x.tok.text, x)
    return list(found.values())


def find_named_spreads(whole: WholeFrames) -> list[Check]:
    """Spreads written as "A-B 收窄至 V" against the levels of A and B found by name."""
    # every spread is written with a dash: the test of the dash spares the pattern most sentences
    # (and _SPREAD_CHEAP ends on 至 or 为)
    if not any(("-" in s.text or "−" in s.text or "–" in s.text) and ("至" in s.text or "为" in s.text)
               and _SPREAD_CHEAP.search(s.text) for s in whole.sentences):
        return []
    art, fs = whole.art, whole.fs
    out: list[Check] = []
    for c in fs:
        # (a lead with no dash holds no formula)
        m = _SPREAD.search(c.lead) if c.tok.fig.kind in (FigureKind.PERCENT, FigureKind.POINTS) \
            and ("-" in c.lead or "−" in c.lead or "–" in c.lead) else None
        if m is None or c.tok.bound or m.group(1) == m.group(2):
            continue
        a_levels, b_levels = (_series_levels(art, fs, m.group(i), c) for i in (1, 2))
        if not a_levels or not b_levels:
            out.append(unverifiable(art, "difference", c.tok, [x.tok for x in a_levels + b_levels],
                                    f"{m.group(1)} - {m.group(2)} = {c.tok.text}",
                                    "the level of one side of the spread is not stated"))
            continue
        readings = [(f"{a.tok.text} - ({b.tok.text}) = {c.tok.text} ({m.group(1)} - {m.group(2)})",
                     a.tok.interval() - b.tok.interval(), a, b) for a in a_levels for b in b_levels]
        chk = judge(art, "difference", c.tok, [a_levels[0].tok, b_levels[0].tok],
                    [(f, iv) for f, iv, _, _ in readings], magnitude=False)
        a, b = next((a, b) for f, _, a, b in readings if f == chk.relation)
        chk.inputs = [a.tok.text, b.tok.text]
        chk.input_sentences = [art.sentences[a.tok.sent].text, art.sentences[b.tok.sent].text]
        chk.sentence = art.sentences[c.tok.sent].text
        out.append(hedge(art, chk, "the levels of the two series are found by name"))
    return out


# every gap is read in a sentence that writes one of these words (the loop's own test)
_NEEDS = re.compile(r"跑赢|跑输|超涨|超跌|领先|落后")

# "中信煤炭行业指数收涨 3.6%，跑赢沪深 300 指数（1.8%）1.7 个百分点": the benchmark's return in brackets
_BRACKETED = re.compile(rf"[，,；;]\s*\**\s*(?:整体|均|大幅|小幅)?\s*(跑赢|跑输|超涨|超跌|领先|落后)\s*\**\s*{_NAME}[^，,。；;（(]{{0,8}}[（(]"
                        r"\s*(?:同期)?\s*(?:上涨|下跌|涨|跌|收涨|收跌)?\s*$")


# the bracket closed right before the gap ("（-0.25%）0.24 个百分点", "(+3.50%)** 4.96 个百分点")
_CLOSED = r"\s*\**\s*[)）]\s*\**\s*(?:约|达)?\s*"
# a sentence (a list item) that opens on the gap: "**指数对比**：跑赢上证综指（-0.25%）0.24 个百分点"
_OPENING = re.compile(rf"^[\s*\-\d.、]*(?:[^，,。；;：:]{{0,10}}[：:])?[\s*]*(?:大幅|小幅)?(跑赢|跑输|超涨|超跌)\s*\**\s*"
                      rf"{_NAME}[^，,。；;（(]{{0,8}}[（(]\s*$")


def _returns(s: Sentence) -> list[Figure]:
    # returns and gaps only: "沪深 300" names an index, it is no figure of the relation
    return [f for f in s.figures if f.kind in (FigureKind.PERCENT, FigureKind.POINTS)
            and f.value is not None and not f.is_range]


def find_bracketed_benchmarks(article: Article) -> list[Check]:
    """A gap to a benchmark whose return stands in brackets after its name, against the return
    written right before (certain: one sentence, the subject's return the last one before), or,
    when the sentence opens on the gap, the one return the sentence before it writes."""
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    before: Sentence | None = None  # the prose or list sentence before
    # the subject's return of the sentence before, when that one ends on ； and the next goes on
    carried: tuple[Figure, Sentence] | None = None
    for s in article.sentences:
        prev, before = before, (s if s.kind in ("prose", "list") else before)
        last, carried = carried, None
        if not any(w in s.text for w in ("跑赢", "跑输", "超涨", "超跌", "领先", "落后")):
            continue
        figs = _returns(s)
        subject: Figure | None = None  # the return the sentence's gaps are of
        written_in = s  # the sentence that writes it
        if prev is not None and len(figs) >= 2 and s.kind in ("prose", "list") \
                and (m := _OPENING.search(s.text[:figs[0].start])) is not None \
                and re.fullmatch(_CLOSED, s.text[figs[0].end:figs[1].start]) \
                and figs[0].kind == FigureKind.PERCENT and figs[1].kind == FigureKind.POINTS:
            theirs = [f for f in _returns(prev) if f.kind == FigureKind.PERCENT]
            if last is not None:
                # "跑输上证综指 (-1.07%) 0.39 个百分点；大幅跑输创业板指 (+3.50%) 4.96 个百分点" (929)
                subject, written_in = last
            elif len(theirs) == 1 and _LEVEL_LEAD.search(prev.text[:theirs[0].start]):
                # "申万化工板块涨跌幅为 - 0.01%。" then "跑赢上证综指（-0.25%）0.24 个百分点，跑输…" (186)
                subject, written_in = theirs[0], prev
            if subject is not None:
                out.append(_bracketed_gap(article, s, written_in, subject, figs[0], figs[1], m.group(1)))
        for k in range(1, len(figs) - 1):
            a, b, g = figs[k - 1], figs[k], figs[k + 1]
            if b.kind != FigureKind.PERCENT or g.kind != FigureKind.POINTS:
                continue
            m = _BRACKETED.search(s.text[a.end:b.start])
            if m is None or not re.fullmatch(_CLOSED, s.text[b.end:g.start]):
                continue
            if a.kind == FigureKind.POINTS and subject is not None:
                a = subject  # "…跑赢创业板指数（-0.88%）2.66 个百分点，跑赢沪深 300 指数（-0.18%）1.96…"
            elif a.kind != FigureKind.PERCENT or (
                    not _LEVEL_LEAD.search(s.text[:a.start]) and not re.search(r"[+\-−]", a.text)):
                continue
            else:
                written_in = s
            out.append(_bracketed_gap(article, s, written_in, a, b, g, m.group(1)))
            subject = a
        if subject is not None and s.text.rstrip().endswith(("；", ";")):
            carried = (subject, written_in)
    return out


def _bracketed_gap(article: Article, s: Sentence, written_in: Sentence, a: Figure, b: Figure, g: Figure,
                   verb: str) -> Check:
    """The gap g of sentence s between the return a (written in `written_in`) and the benchmark's b."""
    mine = _signed(written_in.text, a)
    bench = _signed(s.text, b)
    gap = mine - bench
    stated = figure_interval(g, result=True).scale(g.scale)
    if verb in ("跑输", "超跌", "落后") and (g.value or 0) > 0:
        stated = -stated
    chk = interval_check(
        gap, stated, kind="difference", stated=g.text, inputs=[a.text, b.text],
        relation=f"({fmt(mine.mid)}%) - ({fmt(bench.mid)}%) = {g.text} (the benchmark's return in brackets)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
    )
    if written_in is not s:
        chk.input_sentences = [written_in.text, s.text]
    return chk


def _signed(text: str, f: Figure) -> Interval:
    """A return, negative when written as a fall ("下跌 2.58%", "收跌 1.2%")."""
    iv = figure_interval(f)
    before = chars_before(text, f.start, 8)
    return -iv if (f.value or 0) > 0 and re.search(r"(?:下跌|跌|下降|回落)\s*(?:了|约)?\s*$", before) else iv
