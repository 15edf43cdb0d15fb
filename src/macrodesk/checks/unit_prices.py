"""Parallel lists of amounts, volumes and unit prices in one sentence, paired by position: "杀虫剂Q1/Q2/Q3
单季度营收分别为9.77/7.76/6.35亿元，销量分别为5123/4579/2629吨，销售均价分别为19.07/16.96/24.14万元/吨" is
9.77亿元 / 5123吨 = 19.07万元/吨, item by item. A price may be quoted with tax or on another volume, so
the pairing is judged by its fits: once two items fit, a misfit of a third is an error."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_SEP = re.compile(r"^\s*(?:[/、]|和|及)\s*$")
_AMOUNT_KEY = re.compile(r"(?:营业)?收入|营收|销售额|销售收入")
_VOLUME_KEY = re.compile(r"销量|产量|出货量|销售量|发货量")
_PRICE_KEY = re.compile(r"均价|单价|价格|吨价|ASP")
# every check reads an amount list (_AMOUNT_KEY's words without the optional 营业), a volume list and a
# price list, each named in its sentence
_NEEDS_AMOUNT = re.compile(r"收入|营收|销售额")
_MAGNITUDE = {"": 1.0, "十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_MONEY = re.compile(r"^(十|百|千|万|十万|百万|千万|亿)?元$")
_PER = re.compile(r"^(十|百|千|万|十万|百万|千万|亿)?元\s*/\s*(十|百|千|万)?([^\d/\s]+)$")
_COUNT = re.compile(r"^(十|百|千|万|十万|百万|千万|亿)?([^\d/\s元]+)$")


def _lists(s: Sentence) -> list[tuple[str, list[Figure]]]:
    """The sentence's lists of two or more figures joined by / or 、, each with the words before it
    back to the clause's start (or the list before)."""
    figs = [f for f in s.figures if f.kind != FigureKind.DATE]
    out: list[tuple[str, list[Figure]]] = []
    run: list[Figure] = []
    for f in [*figs, None]:
        if f is not None and run and _SEP.match(s.text[run[-1].end:f.start]) and f.value is not None and not f.is_range:
            run.append(f)
            continue
        if len(run) >= 2:
            start = max(clause_start(s.text, run[0].start, "，,；;。：:"), out[-1][1][-1].end if out else 0)
            out.append((s.text[start:run[0].start], run))
        run = [f] if f is not None and f.value is not None and not f.is_range else []
    return out


def find_unit_prices(article: Article) -> list[Check]:
    if not mentions(article, _PRICE_KEY) or not mentions(article, _VOLUME_KEY) or not mentions(article, _NEEDS_AMOUNT):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _PRICE_KEY.search(s.text) or not _VOLUME_KEY.search(s.text):
            continue
        lists = _lists(s)
        for i in range(len(lists) - 2):
            (ka, amounts), (kv, volumes), (kp, prices) = lists[i:i + 3]
            if not (_AMOUNT_KEY.search(ka) and _VOLUME_KEY.search(kv) and _PRICE_KEY.search(kp)) \
                    or not len(amounts) == len(volumes) == len(prices):
                continue
            out.extend(_judge(article, s, amounts, volumes, prices))
    return out


def _judge(article: Article, s: Sentence, amounts: list[Figure], volumes: list[Figure],
           prices: list[Figure]) -> list[Check]:
    money, count, per = (_MONEY.match(amounts[-1].unit or ""), _COUNT.match(volumes[-1].unit or ""),
                         _PER.match(prices[-1].unit or ""))
    if money is None or count is None or per is None or per.group(3) != count.group(2) \
            or any(f.unit and f.unit != lst[-1].unit for lst in (amounts, volumes, prices) for f in lst):
        return []
    # the price in its unit: amount (元) / volume (its unit) × (the price's 万 per its 千…)
    scale = (_MAGNITUDE[money.group(1) or ""] / _MAGNITUDE[count.group(1) or ""]) \
        / (_MAGNITUDE[per.group(1) or ""] / _MAGNITUDE[per.group(2) or ""])
    got: list[Interval | None] = []
    for a, v in zip(amounts, volumes, strict=True):
        ai, vi = figure_interval(a), figure_interval(v)
        got.append((ai / vi).scale(scale) if vi.lo > 0 and ai.lo > 0 else None)
    fits = sum(g is not None and g.overlaps(figure_interval(p, result=True)) for g, p in zip(got, prices, strict=True))
    out = []
    for k, (a, v, p) in enumerate(zip(amounts, volumes, prices, strict=True)):
        g = got[k]
        if g is None:
            continue
        unit = prices[-1].unit
        chk = interval_check(
            g, figure_interval(p, result=True), kind="ratio", stated=p.text, inputs=[a.text, v.text],
            relation=(f"{a.text}{'' if a.unit else amounts[-1].unit} / {v.text}{'' if v.unit else volumes[-1].unit} = "
                      f"{fmt(g.mid)}{unit} (the lists paired by position; list item: {k + 1})"),
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
            article=article.label)
        # a price is the amount over the volume once the lists are of one thing: two other items fit
        if fits - (chk.verdict == "consistent") < 2:
            chk = confirm_only(chk, "the lists are paired by position; no two other items fit")
        out.append(chk)
    return out
