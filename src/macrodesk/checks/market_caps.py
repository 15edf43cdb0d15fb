"""A market value against the share price and the share count written with it: "其股价一度升至132.73美元/股，
由于其总股本为36656.63万股，由此可知其总市值一度达到了468.54亿美元" is 132.73 × 3.6656 亿 = 486.5 亿美元, not
468.54. One sentence, one price, one count; the price and the value in one currency."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after, clause_start

_NEEDS = re.compile(r"市值")
_STOPS = "，,；;。：:（("
# the value named right before it: "总市值一度达到了", "对应市值", "市值为"
_CAP = re.compile(r"(?:总)?市值[^，,；;。：:（(\d]{0,8}$")
# the price named in its clause or written per share: "股价一度升至", "收盘价", "132.73美元/股"
_PRICE = re.compile(r"股价|收盘价|发行价|每股价格")
_COUNT = re.compile(r"(?:总)?股本|总股数|股份总数")
# a value of part of the shares, or of shares counted otherwise, is not price × this count
_PART = re.compile(r"流通|限售|自由流通|A股|H股|B股|港股|美股|ADS|存托")
_CURRENCY = {"元": "元", "人民币": "元", "美元": "美元", "港元": "港元", "港币": "港元"}


def _currency(unit: str) -> str | None:
    u = unit.split("/")[0].lstrip("万亿")
    return _CURRENCY.get(u)


def _own_clause(s: Sentence, f: Figure) -> str:
    return s.text[clause_start(s.text, f.start, _STOPS):f.start]


def _price(s: Sentence, f: Figure) -> bool:
    if f.kind != FigureKind.MONEY or f.scale != 1 or f.is_range or f.value is None:
        return False
    return (f.unit or "").endswith("/股") or bool(_PRICE.search(_own_clause(s, f)))


def _count(s: Sentence, f: Figure) -> bool:
    if f.kind != FigureKind.QUANTITY or not (f.unit or "").endswith("股") or f.is_range or f.value is None:
        return False
    return bool(_COUNT.search(_own_clause(s, f))) or bool(_COUNT.match(chars_after(s.text, f.end, 6).lstrip("的")))


def find_market_caps(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if "市值" not in s.text or "股" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, cap in enumerate(figs):
            if cap.kind != FigureKind.MONEY or cap.scale < 1e4 or cap.is_range \
                    or not _CAP.search(_own_clause(s, cap)):
                continue
            prices = [f for f in figs[:k] if _price(s, f)]
            counts = [f for f in figs[:k] if _count(s, f)]
            # one price and one count, in the currency of the value: else which pair is meant is a guess
            if len(prices) != 1 or len(counts) != 1 or _currency(prices[0].unit or "") is None \
                    or _currency(prices[0].unit or "") != _currency(cap.unit or ""):
                continue
            price, count = prices[0], counts[0]
            if _PART.search(s.text[min(price.start, count.start):cap.end]):
                continue
            got = figure_interval(price) * figure_interval(count).scale(count.scale / cap.scale)
            out.append(interval_check(
                got, figure_interval(cap, result=True), kind="product", stated=cap.text,
                inputs=[price.text, count.text], relation=f"{price.text} × {count.text} = {cap.text}",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                input_sentences=[s.text, s.text], article=article.label))
            break
    return out
