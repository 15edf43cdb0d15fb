"""A cash dividend's total against its base and its rate: "以总股本 99.14 亿股为基数，向全体股东每 10 股
派送现金红利人民币 2.95 元（含税），公司合计拟派送现金人民币 29.25 亿元", "每股派发现金红利 0.037 元，合计
派现 8897.298699 万元". The total is the shares times the cash per share; and a payout ratio is the total
over the year's 归母 profit ("2022年全年现金分红2元/股…合计112.3亿元，对应现金分红率46%" beside "2022年实现
归母净利润245.1亿元", confirm-only: some pay out of 扣非 or distributable profit)."""

from __future__ import annotations

import re

from macrodesk.checks.company_levels import year_level
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, FigureKind, Sentence

# ("基数 685,426,671 股" after the rate, as a distribution's notice writes it)
_BASE = re.compile(r"(?:总股本|股本基数|分配基数|基数)\s*(?:为|约)?\s*$")
# ("以 6.84 亿股为基数": the count written before the word that makes it the base)
_BASE_AFTER = re.compile(r"\s*(?:股本)?\s*为\s*(?:分配|股本)?基数")
_PER_TEN = re.compile(r"每\s*$")
_PER_SHARE = re.compile(r"每股(?:派发|派送|派现|派|分红|分派)?(?:现金)?(?:红利|股利|分红)?(?:人民币)?\s*(?:为)?\s*$")
_AFTER_TEN = re.compile(r"^\s*股?\s*(?:派发|派送|派现|分派|派|分红)(?:现金)?(?:红利|股利)?(?:人民币)?\s*$")
_TOTAL = re.compile(r"(?:合计|共计|总计|累计)(?:拟)?(?:派发|派送|派现|派|分红|分派)(?:现金)?(?:红利|股利)?(?:人民币)?\s*(?:约|为)?\s*$"
                    r"|派现(?:总额)?\s*(?:约|为)?\s*$|分红总额\s*(?:约|为)?\s*$")


# each reading's sentence names its payout (分红, 派息, 股利), its share count (总股本) or its 派
_NEEDS = re.compile(r"分红|股利|总股本|派")


def find_dividends(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind in ("prose", "list") and ("分红" in s.text or "派息" in s.text or "股利" in s.text) \
                and (payout := _payout(article, s)) is not None:
            out.append(payout)
        if s.kind in ("prose", "list") and "总股本" in s.text and ("转增" in s.text or "送" in s.text) \
                and (grown := _bonus_shares(s)) is not None:
            out.append(grown)
        if s.kind not in ("prose", "list", "table") or "股" not in s.text or "派" not in s.text:
            continue
        chk = _dividend(article, s)
        if chk is not None:
            out.append(chk)
    return out


# "每 10 股派 2 元转增 3 股，转增后总股本从 4.75 亿股增至 6.18 亿股" (168): the share count after a bonus
# issue is the count before it times (1 + shares per ten / 10)
_BONUS = re.compile(r"每\s*10\s*股[^，,。；;]{0,16}?(?:转增|送红?股?)\s*(\d+(?:\.\d+)?)\s*股")
_COUNT_FROM = re.compile(r"总股本\s*(?:将)?\s*(?:由|从)\s*$")
_COUNT_TO = re.compile(r"^\s*(?:增加|增|扩大|变为|变更为|提升|上升)?\s*至\s*$")


def _bonus_shares(s: Sentence) -> Check | None:
    """The count after a bonus issue from the count before it: confirm-only, as shares held in
    treasury take no bonus."""
    bonus = [float(m.group(1)) for m in _BONUS.finditer(s.text)]
    figs = [f for f in s.figures if f.kind in (FigureKind.QUANTITY, FigureKind.NUMBER) and f.value is not None
            and not f.is_range and f.unit.endswith("股")]
    pairs = [(a, b) for a, b in zip(figs, figs[1:], strict=False)
             if _COUNT_FROM.search(s.text[:a.start]) and _COUNT_TO.match(s.text[a.end:b.start]) and a.unit == b.unit]
    if len(bonus) != 1 or len(pairs) != 1:
        return None
    before, after = pairs[0]
    got = interval(before) * Interval(1 + bonus[0] / 10, 1 + bonus[0] / 10)
    chk = interval_check(
        got, figure_interval(after, result=True).scale(after.scale or 1.0), kind="product", stated=after.text,
        inputs=[before.text, f"{bonus[0]:g} 股"],
        relation=f"{before.text} × (1 + {bonus[0]:g}/10) = {after.text} (the share count after the bonus issue)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text])
    return confirm_only(chk, "shares held in treasury take no bonus")


def _dividend(article: Article, s: Sentence) -> Check | None:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
    base = rate = total = None
    per = Interval(1, 1)
    prev = 0
    for k, f in enumerate(figs):
        # (bold marks are no words: "每 10 股派发现金红利 **2.50 元**（含税），…合计派现 **1.71 亿元**")
        lead = s.text[prev:f.start].replace("*", "")
        prev = f.end
        if base is None and f.kind in (FigureKind.QUANTITY, FigureKind.NUMBER) and f.unit.endswith("股") \
                and (_BASE.search(lead) or _BASE_AFTER.match(s.text, f.end)):
            base = f
        elif rate is None and f.kind == FigureKind.QUANTITY and f.value == 10 and f.unit == "股" \
                and _PER_TEN.search(lead) and k + 1 < len(figs) and figs[k + 1].kind == FigureKind.MONEY \
                and _AFTER_TEN.match(s.text[f.end:figs[k + 1].start].replace("*", "")):
            rate, per = figs[k + 1], Interval(0.1, 0.1)
        elif rate is None and f.kind == FigureKind.MONEY and _PER_SHARE.search(lead):
            rate = f
        elif rate is not None and f is not rate and total is None and f.kind == FigureKind.MONEY \
                and _TOTAL.search(lead):
            total = f
    if base is None or rate is None or total is None or rate.unit != "元":
        return None
    # in the total's unit (29.25 亿元, not 2.925e+09): computed, its bounds and the gap
    got = (interval(base) * (figure_interval(rate) * per)).scale(1 / (total.scale or 1.0))
    chk = interval_check(
        got, figure_interval(total), kind="product", stated=total.text, inputs=[base.text, rate.text],
        relation=f"{base.text} × {rate.text}{' / 10' if per.lo == 0.1 else ''} = {total.text} (shares × cash a share)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label,
    )
    chk.computed = f"{got.mid:.6g}"
    return chk


# the total paid out, then its ratio to the year's profit
_PAID = re.compile(r"(?:合计|共计|总计|累计|现金分红总额|分红总额|分红金额|派现总额|派息总额)\s*(?:约|为|达)?\s*$")
_PAYOUT = re.compile(r"(?:现金)?(?:分红率|分红比例|分红比率|股利支付率|派息率|派息比例)\s*(?:约|为|达|达到)?\s*$")
_PAY_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")


def _payout(article: Article, s: Sentence) -> Check | None:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
    paid = ratio = None
    prev = 0
    for f in figs:
        lead = s.text[prev:f.start]
        prev = f.end
        if paid is None and f.kind == FigureKind.MONEY and f.unit.endswith("元") and _PAID.search(lead):
            paid = f
        elif paid is not None and ratio is None and f.kind == FigureKind.PERCENT and _PAYOUT.search(lead):
            ratio = f
    years = _PAY_YEAR.findall(s.text[:paid.start]) if paid is not None else []
    if paid is None or ratio is None or len(set(years)) != 1:
        return None
    found = year_level(article, "归母", int(years[0]))
    if found is None:
        return None
    ws, profit = found
    p = interval(profit)
    if p.lo <= 0:
        return None
    got = (interval(paid) / p).scale(100)
    chk = interval_check(
        got, figure_interval(ratio, result=True), kind="ratio", stated=ratio.text, inputs=[paid.text, profit.text],
        relation=f"{paid.text} / {profit.text} = {ratio.text} (the dividends over the year's 归母 profit)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, ws.text],
        article=article.label)
    return confirm_only(chk, "a payout may be of 扣非 or distributable profit")

