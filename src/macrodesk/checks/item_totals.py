"""A total's list item after the items of its parts: "- 海外：LME 铜库存 15.89 万吨，环比上升 0.29 万吨…；
COMEX 库存 27.78 万吨，环比上升 0.64 万吨…", "- 国内：…20.22 万吨，环比减少 0.88 万吨…", "- 全球：全球库存总计
63.89 万吨，环比上升 0.05 万吨…" (533). When the levels of the items right before add up to the total
at their written digits they are its parts, and each basis' changes must add up too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import interval_sum
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import LEVELS, interval, judged, signed, unit_key
from macrodesk.models import Article, Figure, Sentence

# the total's own words right before its level ("全球库存总计", "合计", "共计")
_TOTAL = re.compile(r"(?:总计|合计|共计|总量)\s*(?:为|达|约)?\s*$|(?:^|[；;，,：:])\s*(?:全球|全国|全市场)[\u4e00-\u9fa5]{0,6}\s*$")
# a change after a level: "，环比上升 0.29 万吨", "，较去年同期减少 16.20 万吨", "，同比 - 1.2 万吨"
_CHANGE = re.compile(r"^\s*[，,]\s*(环比|同比|较去年同期|较上年同期|较上周|周环比|月环比)\s*"
                     r"(上升|增加|增长|提高|减少|下降|回落|降低|升|增|涨|减|降|跌)?\s*(?:了|约)?\s*$")
# the words `_TOTAL` needs somewhere in an item before it is worth reading (and, every check being a
# total's, in the article's sentences before any item is)
_TOTAL_WORD = re.compile(r"总计|合计|共计|总量|全球|全国|全市场")
_BASIS = {"较去年同期": "同比", "较上年同期": "同比", "较上周": "环比", "周环比": "环比", "月环比": "环比"}
_FALL = frozenset({"减少", "下降", "回落", "降低", "减", "降", "跌"})
_MAX_ITEMS = 5


@dataclass
class _Level:
    s: Sentence
    f: Figure
    key: str
    changes: dict[str, tuple[Figure, float]] = field(default_factory=dict)  # basis -> (figure, sign)


def _levels(s: Sentence) -> list[_Level]:
    """The levels of a list item, each with its changes in its own unit by basis."""
    figs = [f for f in s.figures if unit_key(s, f) is not None]
    out: list[_Level] = []
    for i, f in enumerate(figs):
        m = _CHANGE.match(s.text[figs[i - 1].end:f.start]) if i else None
        key = unit_key(s, f)
        if m and out and key == out[-1].key:
            basis = _BASIS.get(m.group(1), m.group(1))
            fall = m.group(2) in _FALL and not signed(s, f) and (f.value or 0) > 0
            out[-1].changes.setdefault(basis, (f, -1.0 if fall else 1.0))
        elif f.kind in LEVELS and key is not None and not signed(s, f) and (f.value or 0) > 0 and not f.approx:
            out.append(_Level(s, f, key))
    return out


def find_item_totals(article: Article) -> list[Check]:
    if not mentions(article, _TOTAL_WORD):
        return []
    items = [s for s in article.sentences if s.kind == "list"]
    out: list[Check] = []
    named = [j for j, s in enumerate(items) if _TOTAL_WORD.search(s.text)]
    if not named:
        return []
    levels = _Levels(items)  # each item read once, for the totals after it too
    for j in named:
        s = items[j]
        for total in levels[j]:
            if not _TOTAL.search(s.text[:total.f.start]):
                continue
            parts = _parts(items, levels, j, total)
            if parts:
                out.extend(_judge(article, total, parts))
    return out


class _Levels:
    """Each item's levels, read when first asked for: only the named items and the few before
    them are."""

    def __init__(self, items: list[Sentence]) -> None:
        self._items = items
        self._read: dict[int, list[_Level]] = {}

    def __getitem__(self, j: int) -> list[_Level]:
        got = self._read.get(j)
        if got is None:
            got = self._read[j] = _levels(self._items[j])
        return got


def _parts(items: list[Sentence], levels: _Levels, j: int, total: _Level) -> list[_Level]:
    """The levels of the fewest items right before the total's (in its paragraph run and section)
    that add up to it at the total's written digits; `levels` holds each item's levels."""
    whole = interval(total.f)
    # the levels before it in its own item ("…；COMEX 库存 24.28 万吨…；全球库存总计 58.71 万吨"), then
    # those of the items before, nearest first
    before = [x for x in levels[j] if x.key == total.key and x.f.end <= total.f.start]
    groups = [before[::-1]] if before else []
    for k in range(j - 1, max(-1, j - 1 - _MAX_ITEMS), -1):
        s = items[k]
        if s.section_index != total.s.section_index or s.paragraph > total.s.paragraph:
            break
        mine = [x for x in levels[k] if x.key == total.key]
        if not mine:
            break
        groups.append(mine[::-1])
    run: list[_Level] = []
    for x in (x for g in groups for x in g):
        run.insert(0, x)
        acc = interval_sum(interval(y.f) for y in run)
        if len(run) >= 2 and acc.overlaps(whole) and abs(acc.mid - whole.mid) <= (acc.hi - acc.lo + whole.hi - whole.lo) / 4:
            return run
        if acc.lo > whole.hi:
            return []
    return []


def _judge(article: Article, total: _Level, parts: list[_Level]) -> list[Check]:
    shown = " + ".join(x.f.text for x in parts)
    acc = interval_sum(interval(x.f) for x in parts)
    out = [judged(total.s, "sum", total.f, [x.f for x in parts], acc, f"{shown} = {total.f.text} (the items before it)",
                  certain=False, why="items that add up by their fit")]
    for basis, (g, sign) in total.changes.items():
        if not all(basis in x.changes for x in parts):
            continue
        got = interval_sum(interval(f).scale(k) for f, k in (x.changes[basis] for x in parts))
        terms = " + ".join(f"({f.text})" if signed(x.s, f) else f"({'-' if k < 0 else '+'}{f.text})"
                           for x in parts for f, k in [x.changes[basis]])
        chk = judged(total.s, "sum", g, [x.changes[basis][0] for x in parts], got,
                     f"{terms} = {g.text} ({basis}: the parts' changes, as {shown} = {total.f.text})",
                     certain=True, stated_iv=interval(g, result=True).scale(sign))
        out.append(chk)
    for c in out:
        c.article = article.label
        c.input_sentences = [x.s.text for x in parts]
    return out
