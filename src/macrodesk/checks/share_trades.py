"""A trade in a company's own shares (a buyback, a holder's purchase, an employee plan): the shares, their
average price and the amount paid, in one sentence. "累计回购 2.92 亿股…，均价 1.22 元 / 股，总金额 3.56 亿元" is
2.92 亿 × 1.22 = 3.56 亿; "成交金额 108,620,307 元，均价约为 7.48 元" is the amount over the shares; a price
range ("成交价在 7.51-7.70 元/股") bounds the amount between the shares at its two ends."""

from __future__ import annotations

import re
from typing import Any

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_TRADE = re.compile(r"回购|增持|减持|购买|买入|卖出|持股计划|认购|发行|配售|定增|成交")
_SHARES = re.compile(r"^(?:亿|万)?股$")
# the words before each figure, in its own clause
# ("第1笔成交价格为3.73元，成交385.00万股，成交金额1,436.05万元": a block trade)
_COUNT_LEAD = re.compile(r"(?:回购|增持|减持|购买|买入|卖出|认购|发行|配售|定增|成交)[^，,；;。]{0,10}?(?:股份|股票)?(?:数量)?\s*"
                         r"(?:为|达|共|累计|不超过|约)?\s*$")
_PRICE_LEAD = re.compile(r"(?:均价|成交均价|平均价格|成交价格?|回购价格?|增持价格|买入价格?|购买价格|发行价格?|认购价格?)\s*(?:区间)?\s*(?:为|在|约为|约)?\s*$")
_AMOUNT_LEAD = re.compile(r"(?:(?:成交|交易|支付|回购|增持|买入|使用资金)?\s*(?:总)?(?:金额|总额|资金总额)|募资|募集资金(?:总额)?)"
                          r"\s*(?:为|达|约|共计|合计|不超过)?\s*$")
_PER_SHARE = re.compile(r"^(?:元|元\s*/\s*股)$")


def _lead(s: Sentence, f: Figure) -> str:
    return s.text[clause_start(s.text, f.start, "，,；;。：:（("):f.start]


def find_share_trades(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "股" not in s.text or not _TRADE.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        if "上限" in s.text and (capped := _capped(s, figs)) is not None:
            capped.article = article.label
            out.append(capped)
            continue
        counts = [f for f in figs if f.kind == FigureKind.QUANTITY and _SHARES.match(f.unit or "") and not f.is_range
                  and _COUNT_LEAD.search(s.text[max(0, f.start - 24):f.start])]
        prices = [f for f in figs if f.kind == FigureKind.MONEY and _PER_SHARE.match(re.sub(r"\s", "", f.unit or ""))
                  and _PRICE_LEAD.search(_lead(s, f))]
        amounts = [f for f in figs if f.kind == FigureKind.MONEY and not f.is_range and "/" not in (f.unit or "")
                   and _AMOUNT_LEAD.search(_lead(s, f))]
        if len(counts) != 1 or len(prices) != 1 or len(amounts) != 1:
            continue  # one trade in the sentence, or which goes with which is not certain
        chk = _judge(s, counts[0], prices[0], amounts[0])
        if chk is not None and counts[0].approx:
            # "实际回购股份约1166万股…回购均价25.71元/股，使用资金总额约3.00亿元": a count written 约 confirms only
            chk = confirm_only(chk, "the count of shares is approximate")
        if chk is not None:
            chk.article = article.label
            out.append(chk)
    return out


def _judge(s: Sentence, count: Figure, price: Figure, amount: Figure) -> Check | None:
    n = figure_interval(count).scale(count.scale)
    paid = figure_interval(amount).scale(amount.scale)
    common: dict[str, Any] = {"sentence": s.text, "sentence_id": s.id, "paragraph": s.paragraph,
                              "input_sentences": [s.text, s.text]}
    if price.is_range and price.value is not None and price.high is not None:
        # the amount lies between the shares bought at the range's two ends
        lo = figure_interval(price.model_copy(update={"high": None})).lo
        hi = figure_interval(price.model_copy(update={"value": price.high, "high": None})).hi
        got = Interval(n.lo * lo, n.hi * hi).scale(1 / amount.scale)
        return interval_check(got, figure_interval(amount, result=True), kind="product", stated=amount.text,
                              inputs=[count.text, price.text],
                              relation=f"{count.text} × {price.text} ∋ {amount.text} (the amount between the shares at "
                                       "the range's two ends)", **common)
    if n.lo <= 0:
        return None
    if price.start > amount.start:
        # "成交金额 108,620,307 元，均价约为 7.48 元": the average written after the amount is its quotient
        return interval_check((paid / n).scale(1 / price.scale), figure_interval(price, result=True), kind="ratio",
                              stated=price.text, inputs=[amount.text, count.text],
                              relation=f"{amount.text} / {count.text} = {price.text} (the average price paid)",
                              **common)
    each = figure_interval(price).scale(price.scale)
    return interval_check((n * each).scale(1 / amount.scale), figure_interval(amount, result=True), kind="product",
                          stated=amount.text, inputs=[count.text, price.text],
                          relation=f"{count.text} × {price.text} = {amount.text} (the shares at their average price)",
                          **common)


# a buyback's count estimated at its caps: "回购价格上限从 38.26 元 / 股调整为 37.28 元 / 股，按上限 2.4 亿元测算，
# 预计回购 643.78 万股" (161) is 2.4 亿 / 37.28; the price in force is the last cap written
_PRICE_CAP = re.compile(r"(?:价格|价)\s*上限[^，,；;。]{0,24}?(?:为|至|到)?\s*$")
_AMOUNT_CAP = re.compile(r"按\s*(?:回购)?\s*(?:资金|金额)?\s*(?:总额)?\s*上限\s*(?:为)?\s*$")
_ESTIMATED = re.compile(r"^\s*(?:测算|计算)\s*[，,]?\s*(?:预计)?\s*(?:可)?\s*回购\s*(?:股份)?\s*(?:数量)?\s*(?:约为|约|为)?\s*$")


def _capped(s: Sentence, figs: list[Figure]) -> Check | None:
    """The shares a buyback's amount cap buys at its price cap, estimated so by the text itself."""
    for k, amount in enumerate(figs[:-1]):
        count = figs[k + 1]
        if amount.kind != FigureKind.MONEY or amount.is_range or "/" in (amount.unit or "") \
                or not _AMOUNT_CAP.search(s.text[max(0, amount.start - 16):amount.start]) \
                or count.kind != FigureKind.QUANTITY or not _SHARES.match(count.unit or "") or count.is_range \
                or not _ESTIMATED.match(s.text[amount.end:count.start]):
            continue
        caps = [f for f in figs[:k] if f.kind == FigureKind.MONEY and _PER_SHARE.match(re.sub(r"\s", "", f.unit or ""))
                and not f.is_range and _PRICE_CAP.search(s.text[max(0, f.start - 40):f.start])]
        if not caps:
            return None
        price = caps[-1]
        each = figure_interval(price).scale(price.scale)
        if each.lo <= 0:
            return None
        paid = figure_interval(amount).scale(amount.scale)
        return interval_check(
            (paid / each).scale(1 / count.scale), figure_interval(count, result=True), kind="ratio",
            stated=count.text, inputs=[amount.text, price.text],
            relation=f"{amount.text} / {price.text} = {count.text} (the shares the amount cap buys at the price cap)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
    return None
