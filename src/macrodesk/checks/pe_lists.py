"""PEs written as a 分别-list beside their EPS list and the share price: "中国海油股价 41.07 元，2025A-2027E
EPS 分别为 2.57、3.44、3.32，PE 分别为 16、12、12" is 41.07 / 2.57, 41.07 / 3.44, 41.07 / 3.32, paired
by position; an EPS list beside its profit list shares one share count."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, consensus, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.levels import COMMA_JOIN, interval
from macrodesk.models import Article, Figure, FigureKind, Sentence

_PRICE = re.compile(r"(?:股价|收盘价|现价|最新价|最新股价)\s*(?:为|约为|约|是)?\s*$")
_EPS = re.compile(r"EPS|每股收益")
# a price named after it: "对应4月19日28.22元收盘价23.52/17.54/13.27xPE"
_PRICE_AFTER = re.compile(r"\s*(?:的)?\s*(?:收盘价|股价)")
_PE_AFTER = re.compile(r"\s*(?:倍|[xX])?\s*(?:P\s*/?\s*E(?![A-Za-z])|市盈率)")
_PROFIT = re.compile(r"(?:归母|归属于母公司(?:股东的)?)?净利(?:润|(?=\s*(?:分别)?\s*(?:为|是|\d)))")  # ("归母净利为1.1/1.6/2.4亿元")
# ("13.27xPE": x is the multiple's); a bare 估值 before its figures is a PE beside a profit or EPS list
# ("净利润分别为1.85/2.19/2.5亿元，对应估值分别为17.2/14.5/12.7X"), but not a named PB's or PS's ("PB（lf）估值")
_PE = re.compile(r"(?<![A-WYZa-wyz])P\s*/?\s*E(?![A-Za-z])|市盈率"
                 r"|(?<![A-Za-z）)\s率])估值(?=\s*(?:分别)?\s*(?:为|是)?\s*\d)")
# a book value per share and its multiple (PB over BPS, as PE over EPS); 估值 may stand between a
# multiple's key and its list ("PB估值0.69/0.62/0.55倍")
_BPS = re.compile(r"BPS|每股净资产")
_PB = re.compile(r"(?<![A-Za-z])P\s*/?\s*B(?![A-Za-z])|市净率")
_VALUATION = re.compile(r"^\s*估值")
# between a list's key and its first figure: "EPS 分别为 ", "PE（倍）分别是 "
# ("归母净利润预测22.38/25.24/27.80亿元": a forecast's list after 预测 alone, cfb458)
# (or its revision: "每股收益调整至1.56/2.07/2.63元", cfb109; "上调公司2020-2022年的EPS至0.389、0.467和0.522元",
# the revising verb before the key)
_FIRST = re.compile(r"^\s*(?:[（(][^（）()]{0,6}[)）])?\s*(?:估值)?\s*(?:预[测计]\s*(?:分别)?\s*(?:为|是)?|分别\s*(?:为|是|达到|达)?|为|是|[=＝]"
                    r"|(?:上调|下调|调整|修正)?\s*(?:至|为))\s*[:：]?\s*$")
# a list of profits an EPS list is of: "归母净利润分别为 59.69/65.66/68.10 亿元", "盈利预测为 22.68/24.32/26.61 亿元"
_PROFITS = re.compile(r"(?:归母|归属于母公司(?:股东的)?)?净利润|盈利预测|业绩预测")
# between two items: "、", "/", "，" after an item's unit ("2.57 元、3.44 元")
_NEXT = re.compile(r"^\s*(?:元|倍|[xX])?\s*(?:[、/]|和|及)\s*$")
# the years the lists are of: "2025A-2027E", "2024A、2025E、2026E"
_SPAN = re.compile(r"((?:19|20)\d{2})\s*([AE])?\s*[-~—–至到]\s*((?:19|20)\d{2})\s*([AE])?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*([AE])")
_FORECAST = re.compile(r"预计|预测|预期")
_CORRESPONDING = re.compile(r"\s*对应")
# an open bracket of a previous forecast right before a key: "（原预测", "（前次预测", "(此前"
_IN_PREVIOUS = re.compile(r"[（(]\s*(?:原|前次|此前|前值|调整前|上次)[^（）()]*$")
# the units an EPS list closes on: "6.56元/股" is per share in 元, as 元 after an EPS is
_YUAN = ("元", "元/股")


def find_pe_lists(article: Article) -> list[Check]:
    out: list[Check] = []
    sentences = article.sentences
    for i, s in enumerate(sentences):
        nxt = sentences[i + 1] if i + 1 < len(sentences) and sentences[i + 1].paragraph == s.paragraph \
            and s.text.rstrip().endswith(("；", ";")) else None
        # (the words _PROFITS needs, tested before its optional prefixes are scanned for)
        if s.kind in ("prose", "list") and ("净利润" in s.text or "预测" in s.text) and _PROFITS.search(s.text) and (
                _EPS.search(s.text) or nxt is not None and _EPS.search(nxt.text)):
            for chk in _one_share_count(s, [f for f in s.figures if f.kind != FigureKind.DATE], nxt):
                chk.article = article.label
                out.append(chk)
        # (the words _BPS is made of and those _PE needs, tested before their patterns scan the sentence)
        if s.kind in ("prose", "list") and ("BPS" in s.text or "每股净资产" in s.text) and _PB.search(s.text):
            for chk in _one_price(s, [f for f in s.figures if f.kind != FigureKind.DATE], _BPS, _PB):
                chk.article = article.label
                out.append(chk)
        if s.kind not in ("prose", "list") or not ("P" in s.text or "市盈率" in s.text or "估值" in s.text) \
                or not _PE.search(s.text):
            continue
        # "…对应EPS分别为1.48/1.77/1.98元。以2023年7月29日收盘价11.91元为基准，对应2023-2025E对应PE分别为
        # 8.06/6.73/6.03倍" (cfb589): the EPS list closes the sentence before, in the same paragraph
        before = sentences[i - 1] if i and sentences[i - 1].paragraph == s.paragraph and _EPS.search(sentences[i - 1].text) \
            and not _PE.search(sentences[i - 1].text) else None
        # "…归属于母公司净利润分别为7.63亿元、9.27亿元、12.29亿元。对应市盈率分别为52倍、43倍、32倍" (cfb177): the
        # profit list closes the sentence before, and 对应 opens the PE's
        profits_before = sentences[i - 1] if before is None and i and sentences[i - 1].paragraph == s.paragraph \
            and _CORRESPONDING.match(s.text) and _PROFIT.search(sentences[i - 1].text) \
            and not _PE.search(sentences[i - 1].text) else None
        if not (_EPS.search(s.text) or _PROFIT.search(s.text) or before is not None or profits_before is not None):
            continue
        for chk in _row(s, _years(sentences, i) or (_years(sentences, i - 1) if before is not None else []), before,
                        profits_before):
            chk.article = article.label
            out.append(chk)
    return out


def _years(sentences: list[Sentence], i: int) -> list[tuple[int, str]]:
    """The years of the sentence's lists, written in it or in the ；-chain it closes."""
    j = i
    while True:
        text = sentences[j].text
        span = _SPAN.search(text)
        if span:
            a, b = int(span.group(1)), int(span.group(3))
            if 0 < b - a < 6:
                actual = int(span.group(1)) if span.group(2) == "A" else a - 1
                # "我们预计2022-2024年，…": the years an analyst forecasts are forecasts
                forecast = span.group(4) == "E" or span.group(2) or _FORECAST.search(text, 0, span.start())
                return [(y, "A" if y <= actual else "E" if forecast else "") for y in range(a, b + 1)]
        listed = _YEAR.findall(text)
        if len(listed) >= 2:
            return [(int(y), mark) for y, mark in listed]
        if j == 0 or sentences[j - 1].paragraph != sentences[i].paragraph \
                or not sentences[j - 1].text.rstrip().endswith(("；", ";")):
            return []
        j -= 1


def _items(s: Sentence, figs: list[Figure], key: re.Pattern[str], start: int, end: int) -> list[Figure]:
    """The figures of the 分别-list that follows the last `key` between `start` and `end`."""
    keys = list(key.finditer(s.text, start, end))
    if not keys:
        return []
    # a key inside a bracket of the previous forecast ("EPS调整至1.56/2.07/2.63元（原预测每股收益分别为1.53/
    # 1.92/2.35元），对应市盈率为45.5/34.3/27.1倍", cfb109) heads the old list: the one before it is meant
    keys = [m for m in keys if not _IN_PREVIOUS.search(s.text, 0, m.start())] or keys
    pos = keys[-1].end()
    items: list[Figure] = []
    for f in figs:
        if f.start < pos or f.start >= end:
            continue
        between = s.text[pos:f.start]
        if not items:
            between = _VALUATION.sub("", between)  # "PB估值0.69/0.62/0.55倍"
        # (a list glued to its key, "EPS1.20/1.62/2.13元", has nothing between)
        # (a PDF's comma joins items too, after a bare number taking the last one's unit: "50.0，56.2，62.8亿元")
        joined = _NEXT.match(between) or COMMA_JOIN.match(between) and bool(items) and items[-1].kind == FigureKind.NUMBER
        if not (items or not between.strip() or _FIRST.match(between)) or items and not joined \
                or f.value is None or f.is_range \
                or f.kind not in (FigureKind.NUMBER, FigureKind.MONEY, FigureKind.MULTIPLE) \
                and not (f.kind == FigureKind.QUANTITY and f.unit in ("亿", "万", "万亿")):  # "78.8 亿" of 元
            break
        items.append(f)
        pos = f.end
    return items


def _one_cap(s: Sentence, figs: list[Figure], years: list[tuple[int, str]]) -> list[Check]:
    """"预计 2025-2027 年归母净利润分别为 25 亿元、30 亿元、36 亿元，…市值对应 PE 分别为 16 倍、14 倍、11 倍":
    one market cap today, so PE × profit agrees across the years; the year whose cap most others
    share within rounding prices the rest (a derived relation, certain once two years agree)."""
    profits = _items(s, figs, _PROFIT, 0, len(s.text))
    # "2.43、2.80、3.36亿元": the items before the last take its unit
    # ("6.40亿、7.96亿元和9.90亿元": an item's 亿 is the last's 亿元)
    if len(profits) < 2 or profits[-1].kind != FigureKind.MONEY or not profits[-1].unit.endswith("元") \
            or any(f.kind not in (FigureKind.NUMBER, FigureKind.MONEY, FigureKind.QUANTITY)
                   or f.kind != FigureKind.NUMBER and f.unit not in (profits[-1].unit, profits[-1].unit[:-1])
                   for f in profits):
        return []
    return _one_value(s, figs, profits, "market cap")


def _one_price(s: Sentence, figs: list[Figure], per_share: re.Pattern[str] = _EPS,
               multiple: re.Pattern[str] = _PE) -> list[Check]:
    """"预计2019-2021年EPS分别为0.56/0.64/0.7元，PE分别为13.9/12.1/11.0" (cfb030): no price written, but one
    price today, so PE × EPS agrees across the years, as one market cap does for profits; and PB ×
    BPS alike ("BPS18.78/21.11/23.81元，现价对应PB估值0.69/0.62/0.55倍", cfb497)."""
    values = _items(s, figs, per_share, 0, len(s.text))
    if len(values) < 2 or values[-1].kind != FigureKind.MONEY or values[-1].unit not in _YUAN \
            or any(f.kind not in (FigureKind.NUMBER, FigureKind.MONEY) for f in values):
        return []
    return _one_value(s, figs, values, "share price", multiple)


def _one_value(s: Sentence, figs: list[Figure], levels: list[Figure], what: str,
               multiple: re.Pattern[str] = _PE) -> list[Check]:
    """PE × level is one value across the years (a market cap over profits, a price over EPS); each
    PE list after the levels is one ("A股股价对应的PE为22/19/16倍，H股股价对应PE为15、13和11倍": two
    prices, one per market). `multiple`: the key of the multiple's lists (PB over BPS)."""
    keys = [m.start() for m in multiple.finditer(s.text, levels[-1].end)]
    out: list[Check] = []
    for k, start in enumerate(keys):
        pe = _items(s, figs, multiple, start, keys[k + 1] if k + 1 < len(keys) else len(s.text))
        out.extend(_one_list(s, levels, pe, what))
    return out


def _one_list(s: Sentence, levels: list[Figure], pe: list[Figure], what: str) -> list[Check]:
    # every item of a list is in the unit written after its last
    scale = levels[-1].scale or 1.0
    ivs = [figure_interval(f).scale(scale) for f in levels]
    if len(pe) != len(levels) or any(iv.lo <= 0 for iv in ivs) \
            or any(f.kind not in (FigureKind.NUMBER, FigureKind.MULTIPLE) for f in pe):
        return []
    values = [iv * figure_interval(e) for iv, e in zip(ivs, pe, strict=True)]
    anchor, agreed = consensus(values)
    out = []
    for k, (n, e) in enumerate(zip(levels, pe, strict=True)):
        if k == anchor:
            continue
        got = values[anchor] / ivs[k]
        chk = interval_check(
            got, figure_interval(e, result=True), kind="ratio", stated=e.text,
            inputs=[pe[anchor].text, levels[anchor].text, n.text],
            relation=f"{pe[anchor].text} × {levels[anchor].text} / {n.text} = {e.text} (one {what} across the "
                     f"years; list item: {k + 1})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
        out.append(_agreed(chk, got, agreed, len(values), what))
    return out


# a share count may move by a little across forecast years (convertibles, incentive shares, buybacks),
# and a market cap priced on each year's EPS with it (a share price never): a miss within this share of the stated figure is no error (cfb220's 2020
# PE 44 prices 2.70 亿元 at 118.8 亿元 against 123.9 from 2021's 19 × 6.52; the 23rd set's 0.97 元 against 0.98)
_DRIFT = 0.02


def _agreed(chk: Check, got: Interval, agreed: int, years: int, what: str) -> Check:
    """A list item judged against the value most other items agree on (one market cap, one share
    count): derived, and certain only when three or more years have two that agree, and when it
    misses by more than a count's drift."""
    chk.computed = fmt(got.mid)
    chk.derived = True
    if not (agreed >= 1 and years >= 3):
        return confirm_only(chk, f"no two years agree on the {what}")
    # (a share price is one figure today: PE × EPS takes no drift)
    if what != "share price" and chk.gap is not None and got.mid and chk.gap <= _DRIFT * abs(got.mid):
        return confirm_only(chk, f"the {what} may drift across the years by up to {_DRIFT:.0%}")
    return chk


def _unit_text(f: Figure, unit: str) -> str:
    return f.text if f.unit else f"{f.text} {unit}"


def _one_share_count(s: Sentence, figs: list[Figure], nxt: Sentence | None) -> list[Check]:
    """"盈利预测为 22.68/24.32/26.61 亿元，对应摊薄 EPS=1.05/1.13/1.24 元" (295): one share count, so profit
    / EPS agrees across the years; the year whose count most others share prices the rest (derived,
    certain once two years agree, as for one market cap)."""
    profits = _items(s, figs, _PROFITS, 0, len(s.text))
    if len(profits) < 2 or profits[-1].kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
            or (profits[-1].scale or 1) < 1e4 \
            or any(f.kind != FigureKind.NUMBER and (f.kind, f.unit) != (profits[-1].kind, profits[-1].unit)
                   for f in profits[:-1]):
        # (each item may carry the unit: "2.71亿元、3.53亿元、4.51亿元", cfb189)
        return []
    eps = _items(s, figs, _EPS, profits[-1].end, len(s.text))
    where = s
    if not eps:
        # "EPS分别为2.70/3.14/2.87元，归属净利润分别为36/42/38亿元" (cfb271): the EPS list first
        eps = _items(s, figs, _EPS, 0, profits[0].start)
    if not eps and nxt is not None:
        # "…归母净利润分别为 50.2/63.0/78.8 亿，同比增长…；摊薄 EPS=3.74/4.69/5.87 元": the next of its ；-chain
        where = nxt
        eps = _items(nxt, [f for f in nxt.figures if f.kind != FigureKind.DATE], _EPS, 0, len(nxt.text))
    # (an EPS is in 元 when no unit is written at all: "对应EPS为2.97、2.08、1.72", cfb150)
    if len(eps) != len(profits) or not (eps[-1].kind == FigureKind.MONEY and eps[-1].unit in _YUAN
                                        or all(f.kind == FigureKind.NUMBER for f in eps)):
        return []
    # every item of a list is in the unit written after its last
    ps = [figure_interval(f) for f in profits]
    es = [figure_interval(f) for f in eps]
    if any(iv.lo <= 0 for iv in ps + es):
        return []
    counts = [p / e for p, e in zip(ps, es, strict=True)]
    anchor, agreed = consensus(counts)
    unit = profits[-1].unit
    out = []
    for k, e in enumerate(eps):
        if k == anchor:
            continue
        got = ps[k] / counts[anchor]
        chk = interval_check(
            got, figure_interval(e, result=True), kind="ratio", stated=e.text,
            inputs=[profits[k].text, profits[anchor].text, eps[anchor].text],
            relation=f"{_unit_text(profits[k], unit)} / ({_unit_text(profits[anchor], unit)} / "
                     f"{_unit_text(eps[anchor], '元')}) = {_unit_text(e, '元')} (one share count across the years; "
                     f"list item: {k + 1})",
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, input_sentences=[s.text, where.text])
        out.append(_agreed(chk, got, agreed, len(counts), "share count"))
    return out


def _trailing_items(s: Sentence, figs: list[Figure], start: int) -> list[Figure]:
    """A list whose key follows its last item: "收盘价23.52/17.54/13.27xPE" (cfb542)."""
    first = next((k for k, f in enumerate(figs) if f.start >= start), None)
    if first is None or not re.match(r"^\s*$", s.text[start:figs[first].start]):
        return []
    items: list[Figure] = []
    for f in figs[first:]:
        if items and not _NEXT.match(s.text[items[-1].end:f.start]) or f.value is None or f.is_range \
                or f.kind not in (FigureKind.NUMBER, FigureKind.MULTIPLE):
            break
        items.append(f)
    if not items or not _PE_AFTER.match(s.text, items[-1].end):
        return []
    return items


def _joined(before: Sentence, s: Sentence) -> tuple[Sentence, list[Figure]]:
    """The EPS list's sentence and the PE list's after its ；read as one ("EPS分别为4.62、5.47、6.56元/股；
    对应PE分别为43.02、36.36、30.32倍", cfb154): the PE's sentence, holding both texts."""
    off = len(before.text)
    figs = [*before.figures, *(f.model_copy(update={"start": f.start + off, "end": f.end + off}) for f in s.figures)]
    return s.model_copy(update={"text": before.text + s.text, "figures": figs}), [
        f for f in figs if f.kind != FigureKind.DATE]


def _row(s: Sentence, years: list[tuple[int, str]], before: Sentence | None = None,
         profits_before: Sentence | None = None) -> list[Check]:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE]
    prices = [f for k, f in enumerate(figs) if f.kind == FigureKind.MONEY and f.unit == "元"
              and (_PRICE.search(s.text[figs[k - 1].end if k else 0:f.start]) or _PRICE_AFTER.match(s.text, f.end))]
    if not prices:
        return (_one_cap(s, figs, years) if _PROFIT.search(s.text) else []) or _one_price(s, figs) or (
            _one_price(*_joined(before, s)) if before is not None and not _EPS.search(s.text) else []) or (
            _one_cap(*_joined(profits_before, s), years) if profits_before is not None and not _PROFIT.search(s.text)
            else [])
    if len(prices) != 1:
        return []
    price = prices[0]
    eps, where, after = _items(s, figs, _EPS, price.end, len(s.text)), s, price.end
    if len(eps) >= 2:
        after = eps[-1].end
    else:
        # the EPS list may come before the price ("EPS1.20/1.62/2.13元，对应4月19日28.22元收盘价…") or close
        # the sentence before
        eps = _items(s, figs, _EPS, 0, price.start)
        if len(eps) < 2 and before is not None:
            eps, where = _items(before, [f for f in before.figures if f.kind != FigureKind.DATE], _EPS, 0,
                                len(before.text)), before
    if len(eps) < 2:
        return []
    named_after = _PRICE_AFTER.match(s.text, price.end)
    pe = _items(s, figs, _PE, after, len(s.text)) or _trailing_items(s, figs, named_after.end() if named_after else price.end)
    if len(pe) != len(eps) or any(f.kind == FigureKind.MONEY and f.unit not in _YUAN for f in eps):
        return []
    marks = [m for _, m in years] if len(years) == len(eps) else [""] * len(eps)
    out = []
    for k, (e, p) in enumerate(zip(eps, pe, strict=True)):
        ev = interval(e.model_copy(update={"scale": 1.0}))
        if ev.lo <= 0:
            continue
        got: Interval = interval(price) / ev
        year = f"{years[k][0]}{marks[k]}" if marks[k] or len(years) == len(eps) else f"item {k + 1}"
        chk = interval_check(
            got, figure_interval(p, result=True), kind="ratio", stated=p.text, inputs=[price.text, e.text],
            relation=f"{price.text} / {e.text} = {p.text} (price over {year} EPS, paired by position; "
                     f"list item: {k + 1})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, where.text])
        chk.computed = fmt(got.mid)
        # only a forecast year's PE is certainly priced at the price written; an actual (or
        # unmarked) year's may be at that year's close
        out.append(chk if marks[k] == "E" else confirm_only(chk, "a PE of a year not marked E may be priced at "
                                                                  "another close"))
    return out
