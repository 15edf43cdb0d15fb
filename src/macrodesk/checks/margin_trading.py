"""A stock's margin-trading (两融) figures against each other: "融资净偿还418.84万元；融资余额1.47亿元，较前一日
下降2.76%" is 418.84万 / (1.47亿 + 418.84万) (a day's change of the 融资余额 is that day's net buying, by the
balance's definition: derived); "融资融券余额合计1.27亿元" is the 融资余额 plus the 融券余额 written for it; and
the 融券余额 over the 融券余量 is the price the shorted shares are valued at, the day's close ("报收于15.52元":
confirm-only, the close may be another day's)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import clause_start

_NEEDS = re.compile(r"融资")
# each figure named right before it in its clause, after the day it is of ("当日", "5月5日")
_NAMED = re.compile(r"(融资净买入|融资净偿还|融资余额|融券余额|融资融券余额(?:合计)?)(?:额)?\s*(?:为|达|约|合计)?\s*$")
_SHORT_SHARES = re.compile(r"融券余量\s*(?:为|达)?\s*$")
_CLOSE = re.compile(r"(?:报收于?|收盘价\s*(?:为)?|收于)\s*$")
_DAY_CHANGE = re.compile(r"\s*[，,]?\s*(?:较|比)(?:前一(?:个交易)?日|上一(?:个)?交易日|前一交易日)\s*(增加|增长|上升|下降|减少|下滑)\s*$")


def _right_before(words: re.Pattern[str], text: str, pos: int) -> bool:
    # (each pattern ends on $, which matches at `pos` when it is the search's end)
    return words.search(text, 0, pos) is not None


def _named(s: Sentence, f: Figure) -> str | None:
    if f.kind != FigureKind.MONEY or f.value is None or f.is_range:
        return None
    m = _NAMED.search(s.text, clause_start(s.text, f.start, "，,；;。：:"), f.start)
    return m.group(1).replace("合计", "") if m is not None else None


def find_margin_trading(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    named: dict[str, list[tuple[Sentence, Figure]]] = {}
    for s in article.sentences:
        if "融" not in s.text:
            continue
        for f in s.figures:
            if (name := _named(s, f)) is not None:
                named.setdefault(name, []).append((s, f))

    def one(name: str) -> tuple[Sentence, Figure] | None:
        # a name written once, or restated with one value: else the article holds more than one day
        got = named.get(name, [])
        return got[0] if got and len({f.text.replace(" ", "") for _, f in got}) == 1 else None

    out: list[Check] = []
    balance = one("融资余额")
    nets = [(n, x) for n in ("融资净买入", "融资净偿还") if (x := one(n)) is not None]
    if balance is not None and len(nets) == 1:
        out.extend(_day_change(article, balance, *nets[0]))
    total, short = one("融资融券余额"), one("融券余额")
    if total is not None and balance is not None and short is not None:
        (ts, t), (bs, b), (ss, w) = total, balance, short
        if len({canonical_unit(f.kind, f.unit) for f in (t, b, w)}) == 1:
            got = figure_interval(b).scale(b.scale) + figure_interval(w).scale(w.scale)
            out.append(interval_check(
                got.scale(1 / t.scale), figure_interval(t, result=True), kind="sum", stated=t.text,
                inputs=[b.text, w.text], relation=f"{b.text} + {w.text} = {t.text} (融资余额 + 融券余额)",
                sentence=ts.text, sentence_id=ts.id, paragraph=ts.paragraph, input_sentences=[bs.text, ss.text],
                article=article.label))
    out.extend(_short_price(article, short))
    return out


def _short_price(article: Article, short: tuple[Sentence, Figure] | None) -> list[Check]:
    """The 融券余额 over the 融券余量 of its sentence, against the one close the article writes."""
    if short is None:
        return []
    s, w = short
    count = next((f for f in s.figures if f.kind == FigureKind.QUANTITY and (f.unit or "").endswith("股")
                  and f.value and _right_before(_SHORT_SHARES, s.text, f.start)), None)
    closes = [(cs, f) for cs in article.sentences for f in cs.figures
              if f.kind == FigureKind.MONEY and f.unit == "元" and f.scale == 1 and f.value
              and _right_before(_CLOSE, cs.text, f.start)]
    if count is None or len({f.text for _, f in closes}) != 1 or not w.value:
        return []
    cs, close = closes[0]
    got = figure_interval(w).scale(w.scale) / figure_interval(count).scale(count.scale)
    chk = interval_check(
        got, figure_interval(close, result=True), kind="ratio", stated=close.text, inputs=[w.text, count.text],
        derived=True, relation=f"{w.text} / {count.text} = {close.text} (the shorted shares valued at the close)",
        sentence=cs.text, sentence_id=cs.id, paragraph=cs.paragraph, input_sentences=[s.text, s.text],
        article=article.label)
    return [confirm_only(chk, "the balance may be valued at another day's close")]


def _day_change(article: Article, balance: tuple[Sentence, Figure], name: str,
                net: tuple[Sentence, Figure]) -> list[Check]:
    (s, b), (ns, n) = balance, net
    rate = next((f for f in s.figures if f.start > b.end and f.kind == FigureKind.PERCENT), None)
    if rate is None or rate.value is None or rate.is_range:
        return []
    m = _DAY_CHANGE.match(s.text, b.end, rate.start)
    if m is None or canonical_unit(b.kind, b.unit) != canonical_unit(n.kind, n.unit):
        return []
    flow = figure_interval(n).scale(n.scale)
    if name == "融资净偿还":
        flow = -flow
    level = figure_interval(b).scale(b.scale)
    before = level - flow
    if before.lo <= 0:
        return []
    stated = figure_interval(rate, result=True)
    if m.group(1) in ("下降", "减少", "下滑") and (rate.value or 0) > 0:
        stated = -stated
    got = (flow / before).scale(100)
    return [interval_check(
        got, stated, kind="growth", stated=rate.text, inputs=[n.text, b.text], derived=True,
        relation=f"{'-' if name == '融资净偿还' else '+'}{n.text} / ({b.text} {'+' if name == '融资净偿还' else '-'} "
                 f"{n.text}) = {rate.text} (a day's change of the 融资余额 is its {name[2:]})",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[ns.text, s.text],
        article=article.label)]

