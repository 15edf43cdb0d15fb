"""A revenue's growth from its volume's and its price's, written in other sentences: "上半年营收达46.96亿元，
同比增加22.6%" with "销量12.95万吨，同比增长38.4%" and "均价为3.63万元/吨，同比下降11.4%" is (1 + 38.4%)
(1 − 11.4%) − 1, as revenue is volume times price. Found by fit among the article's 同比 growths of a
volume and of a price (confirm-only: a fit confirms, nothing else is said). A price growth the text
says it computed ("计算出销售单价同比增长15.67%") is the stated one: (1 + revenue growth) / (1 + volume's)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, one_plus, signed_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.quarters import period_of
from macrodesk.models import Article, Figure, FigureKind, Sentence

_VOLUME = re.compile(r"销量|销售量|出货量|发货量|销售(?!金额|额|收入|均价|单价|价格|费用)(?=[^，,；;。]{0,8}\d)")
_PRICE = re.compile(r"均价|单价|吨价|售价|ASP")
_REVENUE = re.compile(r"营收|营业收入|收入|销售额|销售金额|签约金额|成交金额")
# the words from a clause's start to its growth: "同比增长", "同比下降", "，同比增加"
_GROWTH_WORDS = re.compile(r"同比\s*(?:分别)?\s*(?:增长|增加|提升|上升|上涨|下降|减少|下滑|下跌|回落|降低|增|降)?\s*(?:了|约|达)?\s*$")
_CLAUSE = re.compile(r"[，；;。]|,(?!\d{3})")  # (not a thousands separator: "1,769.8亿元")
_COMPUTED = re.compile(r"计算|测算|推算|倒算|算出|对应")
_SINGLE = re.compile(r"单季")


def _part(f: Figure, before: str) -> str:
    """The part of a year a growth is of, from the period its figure carries ("单季" makes it a quarter)."""
    found = period_of(f.period or "")
    part = found[1] if found else ""
    return "Q" if _SINGLE.search(before) and not part.startswith("Q") else part[:1] if part.startswith("Q") else part


@dataclass(frozen=True)
class _Growth:
    sentence: Sentence
    fig: Figure
    iv: Interval  # as a fraction
    kind: str  # volume | price | revenue
    words: str  # the words before it in its clause (a fall verb signs it)
    at: tuple[int, int]  # where: the sentence's place in the article, the figure's in the sentence
    part: str  # the part of the year it is of ("Q2", "H1", "9M"), "" when none is written


def _growths(article: Article) -> list[_Growth]:
    out: list[_Growth] = []
    for i, s in enumerate(article.sentences):
        if s.kind not in ("prose", "list") or "同比" not in s.text:
            continue
        for f in s.figures:
            if f.kind != FigureKind.PERCENT or f.value is None or f.is_range:
                continue
            start = max((m.end() for m in _CLAUSE.finditer(s.text, 0, f.start)), default=0)
            words = s.text[start:f.start]
            if not _GROWTH_WORDS.search(words) or "分别" in words:
                continue  # (a 分别 list's growths are its measures' by position)
            # the clause before, when this one names only the growth ("销量12.95万吨，同比增长38.4%")
            prev = max((m.end() for m in _CLAUSE.finditer(s.text, 0, max(start - 1, 0))), default=0)
            named = words if not _GROWTH_WORDS.fullmatch(words.strip()) else s.text[prev:f.start]
            kinds = [k for k, rx in (("price", _PRICE), ("volume", _VOLUME), ("revenue", _REVENUE)) if rx.search(named)]
            if len(kinds) != 1:
                continue  # none, or two measures in one clause: whose growth it is is not plain
            iv = signed_interval(f, words, result=True).scale(0.01)
            out.append(_Growth(s, f, iv, kinds[0], words, (i, f.start), _part(f, s.text[:f.start])))
    return out


def _after(a: _Growth, b: _Growth) -> bool:
    """Whether `a` is written after `b` in one paragraph."""
    return a.sentence.paragraph == b.sentence.paragraph and a.at > b.at


def _one_plus(g: _Growth) -> str:
    return one_plus(g.fig, g.words)


def find_volume_prices(article: Article) -> list[Check]:
    if "价" not in article.text or "同比" not in article.text:
        return []
    growths = _growths(article)
    volumes = [g for g in growths if g.kind == "volume"]
    prices = [g for g in growths if g.kind == "price"]
    if not volumes or not prices:
        return []
    one = Interval(1, 1)
    out: list[tuple[tuple[int, int], Check]] = []
    used: dict[tuple[int, int], list[Interval]] = {}
    # (the most precisely written revenue first: when one growth is written twice, its check reads it)
    for r in sorted((g for g in growths if g.kind == "revenue"), key=lambda g: g.iv.hi - g.iv.lo):
        fits = [(v, p) for v in volumes for p in prices if len({v.part, p.part, r.part} - {""}) <= 1
                and v.sentence.paragraph == p.sentence.paragraph]
        found = []
        for v, p in fits:
            got = ((one + v.iv) * (one + p.iv) - one).scale(100)
            # a fit of loose inputs ("5%", "8%") proves nothing: they must pin the result about as
            # tightly as it is written
            if got.overlaps(r.iv.scale(100)) and got.hi - got.lo <= 3 * (r.iv.hi - r.iv.lo) * 100:
                found.append((v, p, got))
        if len(found) != 1:
            continue  # none fits, or two readings do: neither is the one meant
        v, p, got = found[0]
        pair = (id(v), id(p))
        used.setdefault(pair, []).append(r.iv)
        stated, computed, inputs = r, got, [v, p]
        if _COMPUTED.search(p.sentence.text[:p.fig.start]) and p.sentence is not r.sentence or _after(p, r) and _after(p, v):
            # the price is what the text computed from the revenue and the volume, or wrote after both
            # ("销售金额…同比+59.9%；销售面积…同比+54.9%；销售均价…同比+3.2%")
            stated, inputs = p, [r, v]
            computed = ((one + r.iv) / (one + v.iv) - one).scale(100)
        chk = interval_check(
            computed, stated.iv.scale(100), kind="growth", stated=stated.fig.text, derived=True,
            inputs=[x.fig.text for x in inputs],
            relation=(f"{_one_plus(v)}{_one_plus(p)} - 1 = {r.fig.text} (revenue = volume × price; {fmt(got.mid)}%)"
                      if stated is r else
                      f"{_one_plus(r)} / {_one_plus(v)} - 1 = {p.fig.text} (price = revenue / volume; {fmt(computed.mid)}%)"),
            sentence=stated.sentence.text, sentence_id=stated.sentence.id, paragraph=stated.sentence.paragraph,
            input_sentences=[x.sentence.text for x in inputs], article=article.label)
        out.append((pair, confirm_only(chk, "the volume's and the price's growths are found by their fit")))
    # one volume and one price are of one revenue: a pair that fits two is a coincidence, unless they
    # are one growth written twice ("销售额1,770亿元，同比+60%" and "销售金额1,769.8亿元，同比+59.9%")
    return [chk for pair, chk in out if all(a.overlaps(b) for a in used[pair] for b in used[pair])]
