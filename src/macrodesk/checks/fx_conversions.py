"""An amount in one currency converted at a written exchange rate: "总额 6.17 亿美元，按照 6.7 的汇率折算
…合同金额为 41.34 亿人民币" is 6.17 × 6.7. The rate is the yuan a unit of the foreign currency buys."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind

_NEEDS = re.compile(r"汇率")
_FOREIGN = re.compile(r"(?:美元|欧元|日元|港元|港币|英镑|澳元|加元|新加坡元|韩元|卢布|瑞郎)$")
_YUAN = re.compile(r"(?:人民币|元)$")
# "，按照 6.7 的汇率折算（4 月 4 日汇率）合同金额为 ": the rate, then words up to the converted amount
_RATE_LEAD = re.compile(r"^[^。；;]{0,6}?(?:按照?|以|依)\s*$")
_RATE_TAIL = re.compile(r"^\s*的?\s*(?:汇率|美元兑人民币汇率)\s*(?:折算|计算|换算|折合)?[^。；;\d]{0,24}$")


def find_fx_conversions(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "汇率" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k in range(2, len(figs)):
            a, r, b = figs[k - 2], figs[k - 1], figs[k]
            if a.kind != FigureKind.MONEY or b.kind != FigureKind.MONEY or r.kind != FigureKind.NUMBER \
                    or not _FOREIGN.search(a.unit) or not _YUAN.search(b.unit) or _FOREIGN.search(b.unit) \
                    or not _RATE_LEAD.search(s.text[a.end:r.start]) or not _RATE_TAIL.match(_between(s.text, r, b)):
                continue
            rate = interval(r)
            if not 1 < rate.mid < 20:
                continue  # yuan per unit of the currency (a 日元 rate is written per 100 yen)
            got = interval(a) * rate
            out.append(interval_check(
                got, interval(b, result=True), kind="product", stated=b.text, inputs=[a.text, r.text],
                relation=f"{a.text} × {r.text} = {b.text} (converted at the written exchange rate)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[s.text, s.text]))
    return out


def _between(text: str, r: Figure, b: Figure) -> str:
    # the dates inside the aside ("（4 月 4 日汇率）") are no figures of the relation
    return re.sub(r"[（(][^（）()]{0,16}[)）]", "", text[r.end:b.start])
