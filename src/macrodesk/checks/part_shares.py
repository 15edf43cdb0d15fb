"""A part's share written after its own growth, of a whole named as the whole earlier in the
sentence: "整体营收 6.3 亿欧元，同比增长 17.5%，海缆业务营收 3.9 亿欧元，同比增长 20.9%，占比 61.9%",
"整体营业收入 14 亿欧元…。风机业务营收 12 亿欧元，同比下降 12%，占总营收比重约 86%"."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import clause_start

_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# the share's words: "，占比 61.9%", "，占总营收比重约 86%", "（占比 18%）"
_SHARE_LEAD = re.compile(r"[，,（(]\s*占\s*(?:总|整体|全部|公司)?[\u4e00-\u9fa5]{0,4}?(?:比重|比例|份额|比)\s*(?:为|约|达|仅)?\s*$"
                         r"|[，,（(]\s*占比\s*(?:为|约|达|仅)?\s*$")
# only the part's own growth may stand between it and its share: "，同比增长 20.9%"
_OWN_GROWTH = re.compile(r"^[，,（(]\s*(?:同比|环比|YoY|yoy|YOY|QoQ|qoq)\s*(?:增长|增加|提升|上升|下降|减少|下滑)?\s*(?:了|约)?\s*$")
# a level named as the whole
_WHOLE = re.compile(r"整体|总(?!经理|监|裁)|全部|全年|公司|全国|全球|行业")
_A_PART = re.compile(r"业务|板块|分部|产品|子公司")
# what the part and the whole both measure (a share of 总股本, of a fund's 持仓 or of a deal's
# 总金额 names no metric here, and no whole is proposed for it)
_METRICS = (("营业收入", "营收", "收入"), ("净利润", "利润"), ("销量", "销售量"), ("产量",), ("出口",), ("进口",),
            ("库存",), ("装机",), ("成本",), ("出货",), ("销售额",), ("投资",))


def _metric(words: str) -> int | None:
    for i, names in enumerate(_METRICS):
        if any(n in words for n in names):
            return i
    return None


def find_part_shares(article: Article) -> list[Check]:
    out: list[Check] = []
    for p in paragraphs(article):
        if "占" not in p.text:
            continue
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, share in enumerate(figs):
            if share.kind != FigureKind.PERCENT or k < 2:
                continue
            start_at = clause_start(p.text, share.start, "。；;")
            lead = _SHARE_LEAD.search(p.text[figs[k - 1].end:share.start])
            if lead is None:
                continue
            # the part: the amount before the share, its own growth the only figure between
            j = k - 1
            if figs[j].kind == FigureKind.PERCENT and _OWN_GROWTH.match(p.text[figs[j - 1].end:figs[j].start]):
                j -= 1
            part = figs[j]
            if part.kind not in _AMOUNTS or part.start < start_at or "其中" in p.text[part.end:share.start]:
                continue
            chk = _judge(p, figs, part, share)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _judge(p: ParaText, figs: list[Figure], part: Figure, share: Figure) -> Check | None:
    s = p.sentence_at(part.start)
    key = unit_key(s, part)
    metric = _metric(p.own_clause(part))
    sentence_start = p.text.rfind("。", 0, part.start) + 1
    previous = p.text.rfind("。", 0, max(sentence_start - 1, 0)) + 1
    wholes = []
    for f in figs:
        if f.end > part.start or f.start < previous or f.kind not in _AMOUNTS or unit_key(p.sentence_at(f.start), f) != key:
            continue
        clause = p.own_clause(f)
        # a level that has a share of its own is a part ("22年公司光伏电站…业务实现收入27.33亿元，同比-4.73%，
        # 占比为85.49%", cfr575), as is one its words name a business of
        nxt = next((g for g in figs if g.start > f.end and g.kind in _AMOUNTS), None)
        stretch = p.text[f.end:nxt.start if nxt is not None else len(p.text)]
        own_share = "占" in stretch and "其中" not in stretch  # ("…48.36GW，其中英、德…四国占比 84%": its parts')
        if metric is not None and _WHOLE.search(clause) and _metric(clause) == metric \
                and not _A_PART.search(clause) and not own_share:
            wholes.append(f)
    if len(wholes) != 1 or (wholes[0].value or 0) <= 0:
        return None
    whole = wholes[0]
    got = (interval(part) / interval(whole)).scale(100)
    where = p.sentence_at(share.start)
    return interval_check(
        got, figure_interval(share, result=True), kind="share", stated=share.text, inputs=[part.text, whole.text],
        relation=f"{part.text} / {whole.text} = {share.text} (the whole named before the part)",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[p.sentence_at(part.start).text, p.sentence_at(whole.start).text],
    )
