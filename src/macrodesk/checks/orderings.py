"""An ordering written with > or <: "子板块跌幅：化学制药（-5.48%）> 医疗服务（-4.92%）> …",
"价差环比变化：成品油（-5.6%）< 芳烃（+3.2%）<C3 产业链（+2.1%）". Each neighbouring pair must stand
in the written order at the figures' precision; a 跌幅/降幅 ranking of falls orders their sizes.
A top-N list is a ranking too: "涨幅前五：辽宁能源（4.27%）、云煤能源（4.24%）、金能科技（3.90%）…" is
written largest or smallest first; one in neither order (283: 3.90% before 3.92%) is shown, not
refuted."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_OPS = "<>＜＞"
# between two ranked items: ")" then the operator, then the next item's name up to its bracket
_BETWEEN = re.compile(r"^\s*[）)]\s*([<>＜＞])\s*[^，,。；;：:（()）<>＜＞]{1,16}[（(]\s*(?:YoY|yoy|同比)?\s*$")
_OPEN = re.compile(r"[（(]\s*(?:YoY|yoy|同比)?\s*$")
_CLOSE = re.compile(r"^\s*[）)]")
_SIZES = re.compile(r"(?<!涨)跌幅|降幅|(?<!涨)下跌|降速")
# "涨幅前五：", "周跌幅前三为", "增幅前五位：", "降幅前 10 名为": a top-N list follows, largest first
# ("排名前三的车型分别为", "TOP5 机场依次是", "前三名分别为"; not "前三季度")
_TOP = re.compile(r"(?:前|TOP|Top|top)\s*(?:[二三四五六七八九十]|\d{1,2})(?!\s*(?:季|月|年|周|天|日|个月|小时))"
                  r"\s*(?:位|名|大|家|个)?\s*(?:的)?\s*[\u4e00-\u9fa5A-Za-z]{0,6}?\s*(?:分别|依次)?\s*(?:为|是)?\s*[：:]?\s*$")
# a count's measure word the figure reader leaves after it ("12212 班次）")
_COUNTER_CLOSE = re.compile(r"^\s*([\u4e00-\u9fa5]{0,2})\s*[）)]")
# a written ranking chains its items with an operator
_NEEDS = re.compile(r"[<>＜＞]")
# what _TOP opens with, tested on a sentence before its figures are read
_TOP_START = re.compile(r"(?:前|TOP|Top|top)\s*(?:[二三四五六七八九十]|\d{1,2})")
_NEXT = re.compile(r"^\s*[\u4e00-\u9fa5]{0,2}\s*[）)]\s*、\s*[^，,。；;：:（()）<>＜＞、\d%]{1,16}[（(]\s*$")


def _value(f: Figure) -> Interval:
    return figure_interval(f)


def find_orderings(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences if mentions(article, _NEEDS) else ():
        if not any(op in s.text for op in _OPS):
            continue
        figs = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range
                and _CLOSE.match(s.text[f.end:]) and _OPEN.search(s.text[:f.start])]
        chain: list[tuple[Figure, str]] = []  # (figure, the operator before it)
        for f in figs:
            if chain:
                m = _BETWEEN.match(s.text[chain[-1][0].end:f.start])
                if m is None:
                    out.extend(_judge(article, s, chain))
                    chain = []
                else:
                    chain.append((f, m.group(1)))
                    continue
            chain.append((f, ""))
        out.extend(_judge(article, s, chain))
    out.extend(_top_lists(article))
    return out


def _top_lists(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if "前" not in s.text and "top" not in s.text.lower():
            continue
        if not _TOP_START.search(s.text):
            continue  # the head a top-N list needs (_TOP) is in its sentence
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range
                and _COUNTER_CLOSE.match(s.text[f.end:]) and _OPEN.search(s.text[:f.start])]
        for k, first in enumerate(figs):
            name_at = clause_start(s.text, first.start, "：:为是")
            head = s.text[clause_start(s.text, name_at - 1, "，,；;。"):name_at]
            if not _TOP.search(head) or not re.fullmatch(r"[^，,。；;（()）\d%]{1,16}[（(]\s*", s.text[name_at:first.start]):
                continue
            chain: list[tuple[Figure, str]] = [(first, "")]
            for f in figs[k + 1:]:
                if not _NEXT.match(s.text[chain[-1][0].end:f.start]) or _measure(s, f) != _measure(s, first):
                    break
                chain.append((f, ">"))
            if _SIZES.search(head) and all((f.value or 0) >= 0 for f, _ in chain):
                head = "前"  # falls written as sizes ("跌幅前三为 A（9.71%）"): largest first, as written
            # largest first, or (as many weeklies write it) smallest first. In neither order one
            # item is out of place, but a top-N list need not be sorted at all: readers differ on
            # whether that is an error (one annotator listed 283's swap as one, another left 345's
            # out), so it is shown, not refuted
            got = _judge(article, s, chain, head=head)
            if got and got[0].verdict == "inconsistent":
                rising = _judge(article, s, [(f, "<" if op else "") for f, op in chain], head=head)
                got = rising if rising[0].verdict == "consistent" else got
                if got is not rising:
                    _blame(article, s, chain, head, got[0])
                    got[0].verdict, got[0].refutable = "unverifiable", False
                    got[0].note = f"a top-N list in neither order: {got[0].stated} is out of place"
            out.extend(got)
    return out


def _measure(s: Sentence, f: Figure) -> tuple[str, str, str]:
    """What a ranked figure counts: its kind, unit and the measure word after it ("12212 班次")."""
    m = _COUNTER_CLOSE.match(s.text[f.end:])
    return f.kind, f.unit, m.group(1) if m else ""


def _blame(article: Article, s: Sentence, chain: list[tuple[Figure, str]], head: str, check: Check) -> None:
    """The stated figure of a list in neither order is the first item without which it is in one
    (283: 3.90% ahead of 3.92%); when no one item is, the first pair out of order says it."""
    for k, (f, _) in enumerate(chain):
        rest = [(g, op if j else "") for j, (g, op) in enumerate(chain[:k] + chain[k + 1:])]
        for order in (">", "<"):
            again = _judge(article, s, [(g, order if op else "") for g, op in rest], head=head)
            if again and again[0].verdict == "consistent":
                check.stated = f.text
                check.inputs = [g.text for g, _ in rest]
                return


def _judge(article: Article, s: Sentence, chain: list[tuple[Figure, str]], head: str | None = None) -> list[Check]:
    if len(chain) < 3:
        return []  # two items and a sign may compare anything; a ranking names three or more
    first = chain[0][0]
    # the ranking's label: "子板块跌幅：化学制药（", from the clause's start
    if head is None:
        head = s.text[clause_start(s.text, first.start, "，,；;。"):first.start]
    values = [_value(f) for f, _ in chain]
    sizes = bool(_SIZES.search(head)) and all(v.hi <= 0 for v in values)
    if sizes:
        values = [Interval(-v.hi, -v.lo) for v in values]
    elif _SIZES.search(head):
        return []  # a ranking of falls with a rise among them: which order is meant is unclear
    # the ranking is one claim: it fails at its first pair out of the written order
    broken: Figure | None = None
    for (_, _), (b, op), va, vb in zip(chain, chain[1:], values, values[1:], strict=False):
        greater = op in ">＞"
        if not (va.hi >= vb.lo if greater else va.lo <= vb.hi):
            broken = b
            break
    word = "the size of " if sizes else ""
    written = "".join(f" {op if op in '<>' else ('>' if op == '＞' else '<')} " * bool(op) + f"{word}{f.text}"
                      for f, op in chain)
    verdict: Verdict = "inconsistent" if broken is not None else "consistent"
    stated = broken if broken is not None else chain[-1][0]
    return [Check(
        verdict=verdict, kind="comparison", stated=stated.text, inputs=[f.text for f, _ in chain if f is not stated],
        relation=f"{written} (a written ranking)", sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        article=article.label,
    )]
