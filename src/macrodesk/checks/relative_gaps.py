"""A level's premium or discount to another, stated as a percentage of the other: "A 股整体 PB-MRQ 为
1.74X，银行板块、保险子板块 PB-MRQ 分别为 0.64X、1.40X，较 A 股整体折价 63.34%、19.26%" is 1 − 0.64 /
1.74; "中国风机…均价约 800 美元 /kW，西方风机均价 1050 美元 /kW，价格低 24%" is 1 − 800 / 1050."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind, Sentence

# "价格低 24%", "现房低 22.8%", "较 A 股整体折价"; not "降低 30%", "提高", "最高达"
_WORD = re.compile(r"(?<![降提最偏较新升增减])(?P<word>折价|溢价|便宜|低出?|高出?|贵)\s*(?:了|约)?\s*$")
_BELOW = ("折价", "便宜", "低", "低出")
_ANY_WORD = re.compile("折价|溢价|便宜|低|高|贵")
_LIST = re.compile(r"^\s*[Xx倍]?\s*[、/]\s*$")
_RESPECTIVELY = re.compile(r"分别(?:为|是)?\s*$")
_BOUND = re.compile(r"(?:超过|超|逾|近|不足|至少)\s*$|^\s*(?:以上|以下|左右|多)")


def _unit(s: Sentence, f: Figure) -> tuple[str, str, str]:
    # "1.74X" is read as a bare number: its mark is the character after it
    mark = s.text[f.end:f.end + 1] if f.kind == FigureKind.NUMBER and s.text[f.end:f.end + 1] in "Xx倍" else ""
    return f.kind.value, f.unit, mark


def _levels(s: Sentence, figs: list[Figure]) -> list[Figure]:
    return [f for f in figs if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER, FigureKind.MULTIPLE)
            and f.value is not None and f.value > 0 and not f.is_range]


def find_relative_gaps(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _ANY_WORD.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, z in enumerate(figs):
            if k == 0 or z.kind != FigureKind.PERCENT or z.is_range:
                continue
            m = _WORD.search(s.text[figs[k - 1].end:z.start])
            if m is None:
                continue
            run = [z]
            while k + len(run) < len(figs) and figs[k + len(run)].kind == FigureKind.PERCENT \
                    and _LIST.match(s.text[run[-1].end:figs[k + len(run)].start]):
                run.append(figs[k + len(run)])
            for chk in _gaps(s, figs[:k], run, m.group("word") in _BELOW):
                chk.article = article.label
                out.append(chk)
    return out


def _gaps(s: Sentence, before: list[Figure], run: list[Figure], below: bool) -> list[Check]:
    levels = _levels(s, before)
    if len(run) >= 2:
        # "分别为 0.64X、1.40X，较 A 股整体折价 63.34%、19.26%": the list's items against the one
        # other level of their unit in the sentence
        items = levels[-len(run):]
        if len(items) != len(run) or not _RESPECTIVELY.search(s.text[:items[0].start]) \
                or any(not _LIST.match(s.text[a.end:b.start]) for a, b in zip(items, items[1:], strict=False)):
            return []
        unit = _unit(s, items[0])
        if any(_unit(s, f) != unit for f in items):
            return []
        bases = [f for f in levels[:-len(run)] if _unit(s, f) == unit]
        if len(bases) != 1:
            return []
        return [c for a, z in zip(items, run, strict=True) if (c := _check(s, a, bases[0], z, below)) is not None]
    # "…约 800 美元 /kW，西方风机均价 1050 美元 /kW，价格低 24%": the two levels of the sentence, either
    # the base (the comparison the words make is not certain), so a fit only confirms
    # two amounts of one unit, the gap right after the second
    if len(levels) != 2 or _unit(s, levels[0]) != _unit(s, levels[1]) or before[-1] is not levels[1] \
            or any(f.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or not f.unit
                   for f in levels) or _BOUND.search(s.text[:levels[0].start]) or _BOUND.match(s.text[levels[1].end:]):
        return []
    a, b = levels
    first, second = _check(s, a, b, run[0], below), _check(s, b, a, run[0], below)
    if first is None or second is None:
        return []
    chk = first if first.verdict == "consistent" or second.verdict != "consistent" else second
    return [confirm_only(chk, "which level is the base is not written")]


def _check(s: Sentence, a: Figure, base: Figure, z: Figure, below: bool) -> Check | None:
    if interval(base).lo <= 0:
        return None  # a base of zero (or one that may be) has no ratio
    ratio = (interval(a) / interval(base)).scale(100)
    got = (Interval(100, 100) - ratio) if below else (ratio - Interval(100, 100))
    word = "below" if below else "above"
    chk = interval_check(
        got, figure_interval(z, result=True), kind="ratio", stated=z.text, inputs=[a.text, base.text],
        relation=f"{'1 - ' if below else ''}{a.text} / {base.text}{'' if below else ' - 1'} = {z.text} "
                 f"(how far {word} its base)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
    chk.computed = fmt(got.mid)
    return chk
