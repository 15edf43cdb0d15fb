"""Ratios a sector defines, with both sides written in the same sentence: 储采比 = 储量 / 产量 ("锑全球储量
150 万吨，2024 年产量 6 万吨，储采比仅 20 年"), 产能利用率 = 在产产能 (or 产量) / 总产能 ("在产产能约 8.9 万吨 / 天，
总产能约 13.2 万吨，产能利用率约 67.6%"; 开工率 the same, confirm-only), 对外依存度 = 进口 / 表观消费 (or net of exports: confirm-only), 净现比 = 经营现金流 / 净利润 (confirm-only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, stated_growths, unit_key
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import clause_start


@dataclass(frozen=True)
class _Ratio:
    label: str
    word: re.Pattern[str]  # the ratio's name right before its figure
    num: re.Pattern[str]  # the numerator's name in its own clause
    den: re.Pattern[str]
    percent: bool
    certain: bool  # False when the definition has variants the text does not name
    exports: bool = False  # a net reading (numerator less exports) is tried too
    per_unit: bool = False  # a price per unit: the two sides are in different units (亿元 / 亿票)


_OUTPUT = re.compile(r"在产产能|运行产能|开工产能|(?<!产能)产量|需求量?")
_CAPACITY = re.compile(r"总产能|建成产能|(?<![在新退置产行工])产能(?!利用)")
# a week's or a day's output is no use of a year's capacity ("周产量 174.8 万吨")
_PER_PERIOD = re.compile(r"周|日|单月|当月")

_CASH_FLOW = re.compile(r"经营(?:活动)?(?:产生的)?(?:性)?(?:净)?现金流")
_NET_PROFIT = re.compile(r"净利润?(?!率)")

_RATIOS = (
    _Ratio("储采比", re.compile(r"储采比\s*(?:为|约|仅|达|是)?\s*$"), re.compile(r"储量"), re.compile(r"(?<!储)产量"), False, True),
    # "产能约 250 万吨，需求约 180 万吨，产能利用率 72%", "运行产能 9355 万吨…；建成产能 11292 万吨，产能利用率
    # 82.8%": the output (在产 / 运行产能, 产量, 需求) over the capacity
    _Ratio("产能利用率", re.compile(r"产能利用率\s*(?:为|约|仅|达|是)?\s*$"), _OUTPUT, _CAPACITY, True, True),
    # an operating rate is often surveyed apart from the levels written (452: 运行产能 4200 / 总产能 4445
    # beside 开工率 81.32%): a fit confirms, a misfit proves nothing
    _Ratio("开工率", re.compile(r"开工率\s*(?:为|约|仅|达|是)?\s*$"), re.compile(_OUTPUT.pattern + r"|在产(?!产能)"),
           re.compile(_CAPACITY.pattern + r"|总计|总数"), True, False),
    # "其总容量约 60000 颗，…在轨低轨卫星约 10824 颗，利用率 18.0%"; "产量约为 10.05 亿吨，…过剩量约为 1.15 亿吨，
    # 过剩比例为 11.45%": the definitions vary, so a fit confirms and a misfit proves nothing
    _Ratio("利用率", re.compile(r"(?<!产能)利用率\s*(?:为|约|仅|达|是)?\s*$"), re.compile(r"在轨|在用|已用|使用量"),
           re.compile(r"总容量|容量|总数"), True, False),
    _Ratio("过剩比例", re.compile(r"过剩(?:比例|率)\s*(?:为|约|仅|达|是)?\s*$"), re.compile(r"过剩"),
           re.compile(r"(?<!过剩)产量"), True, False),
    _Ratio("对外依存度", re.compile(r"(?:对外)?依存度\s*(?:为|约|仅|达|是)?\s*$"), re.compile(r"进口"),
           re.compile(r"表观消费|消费量|需求量"), True, False, exports=True),
    # "经营活动产生的现金流量净额达到 147.8 亿元，…远超经营净利润的 29.8 亿元，净现比达到495%" (cfb300):
    # operating cash flow over net profit, on 归母 or total profit as the author picks: confirm-only
    _Ratio("净现比", re.compile(r"净现比\s*(?:为|约|仅|达到?|是)?\s*$"), _CASH_FLOW, _NET_PROFIT, True, False),
    _Ratio("净现比", re.compile(r"净现比\s*(?:为|约|仅|达到?|是)?\s*$"), _CASH_FLOW, _NET_PROFIT, False, False),
    # express delivery: 单票价格 = 业务收入 / 业务量 ("业务量 14.06 亿票…业务收入 186.57 亿元；单票价格 13.27 元")
    _Ratio("单票收入", re.compile(r"单票(?:价格|收入)\s*(?:为|约|仅|达|是)?\s*$"), re.compile(r"收入"),
           re.compile(r"业务量|件量|票量"), False, True, per_unit=True),
)
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)


_LABEL = re.compile(r"^\s*([\u4e00-\u9fa5A-Za-z]{2,10})[：:]")


_WORDS = ("储采比", "产能利用率", "开工率", "依存度", "单票", "利用率", "过剩", "净现比")


def find_defined_ratios(article: Article) -> list[Check]:
    if not any(w in article.text for w in _WORDS):
        return []  # no ratio is named: the paragraphs need not be read
    out: list[Check] = []
    paras = paragraphs(article)
    # list items labelled by one name ("- **顺丰控股**：7 月快递业务量…" and "- **顺丰控股**：7 月单票价格…"):
    # a ratio's sides may stand in another item of its label
    labelled: dict[str, list[ParaText]] = {}
    for q in paras:
        if (lm := _LABEL.match(q.text)):
            labelled.setdefault(lm.group(1), []).append(q)
    for p in paras:
        if not any(w in p.text for w in _WORDS):
            continue
        for f in p.figures:
            if f.value is None or f.is_range or f.kind == FigureKind.DATE:
                continue
            start_at = clause_start(p.text, f.start, "，,；;。（(")
            lead = p.text[start_at:f.start]
            for r in _RATIOS:
                if r.word.search(lead) and (f.kind == FigureKind.PERCENT) == r.percent:
                    chk = _judge(p, f, r)
                    lm = _LABEL.match(p.text)
                    if chk is None and r.per_unit and lm:
                        others = [q for q in labelled.get(lm.group(1), []) if q is not p]
                        chk = _judge_across(p, f, r, others)
                    if chk is None and r.per_unit:
                        chk = _judge_named(p, f, r, paras)
                    if chk is not None:
                        chk.article = article.label
                        out.append(chk)
                        if r.per_unit and chk.verdict == "consistent":
                            out.extend(_growths(article, p, f, chk))
    return out


def _named(p: ParaText, stated: Figure, name: re.Pattern[str], other: re.Pattern[str]) -> list[Figure]:
    """The amounts before the stated ratio whose own clause names `name` and not `other`: in its
    sentence, else in its paragraph ("进口量 1.7 亿吨…表观消费量 2.6 亿吨…。对外依存度 73.5%")."""
    sentence = p.text.rfind("。", 0, stated.start) + 1
    for start in (sentence, 0):
        found = [f for f in p.figures if f.kind in _AMOUNTS and f.value and not f.is_range
                 and start <= f.start < stated.start and name.search(p.own_clause(f)) and not other.search(p.own_clause(f))]
        if found:
            return found
    return []


def _judge(p: ParaText, stated: Figure, r: _Ratio) -> Check | None:
    nums, dens = _named(p, stated, r.num, r.den), _named(p, stated, r.den, r.num)
    certain = r.certain
    if len(nums) > 1 and r.percent:
        nums = [f for f in nums if not _PER_PERIOD.search(p.own_clause(f))]
    if len(dens) > 1 and r.percent:
        # "总产能约 13.2 万吨，产能利用率约 67.6%；若剔除…，总产能约 12.3 万吨，产能利用率约 72.4%": the
        # capacity nearest the rate, found by position only, so a fit confirms
        dens, certain = dens[-1:], False
    if len(nums) != 1 or len(dens) != 1:
        return None
    n, d = nums[0], dens[0]
    s = p.sentence_at(n.start)
    if (unit_key(s, n) != unit_key(p.sentence_at(d.start), d)) != r.per_unit or interval(d).lo <= 0:
        return None
    if r.per_unit and (n.kind != FigureKind.MONEY or stated.kind != FigureKind.MONEY):
        return None
    got = interval(n) / interval(d)
    if r.percent:
        got = got.scale(100)
    readings = [got]
    if r.exports:
        exported = [f for f in _named(p, stated, re.compile(r"出口"), r.den) if unit_key(p.sentence_at(f.start), f) == unit_key(s, n)]
        if len(exported) == 1:
            readings.append(((interval(n) - interval(exported[0])) / interval(d)).scale(100))
    written = figure_interval(stated, result=True)
    fits = any(x.overlaps(written) for x in readings)
    if not fits and not certain:
        return None  # another definition may be meant: a mismatch proves nothing
    best = min(readings, key=lambda x: x.distance(written))
    where = p.sentence_at(stated.start)
    # the whole sentence to its full stop: the reader quotes "业务量…；业务收入…；单票价格 2.08 元" as one
    start = p.text.rfind("。", 0, stated.start) + 1
    end = p.text.find("。", stated.end)
    whole_sentence = p.text[start:len(p.text) if end < 0 else end + 1]
    chk = interval_check(
        Interval(best.lo, best.hi), written, fits=fits, kind="ratio", stated=stated.text, inputs=[n.text, d.text],
        relation=f"{n.text} / {d.text} = {stated.text} ({r.label}, as the sector defines it)",
        sentence=whole_sentence, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[p.sentence_at(n.start).text, p.sentence_at(d.start).text],
    )
    chk.refutable = certain
    return chk


def _growths(article: Article, p: ParaText, stated: Figure, ratio: Check) -> list[Check]:
    """A price per unit's 同比 (环比) growth from its two sides' growths: (1 + g收入) / (1 + g业务量) − 1
    ("业务收入 186.57 亿元，同比增长 14.97%；业务量 13.77 亿票，同比增长 33.69%；单票收入 13.55 元，同比下降
    14.02%"). Confirm-only: companies compute it from unit prices rounded to the cent."""
    sides = [f for f in p.figures if f.text in ratio.inputs[:2] and f.start < stated.start]
    if len(sides) != 2:
        return []
    (n, d) = sorted(sides, key=lambda f: ratio.inputs.index(f.text))
    own = stated_growths(p.sentence_at(stated.start), _local(p, stated))
    gn = stated_growths(p.sentence_at(n.start), _local(p, n))
    gd = stated_growths(p.sentence_at(d.start), _local(p, d))
    out = []
    one = Interval(1, 1)
    for basis, (g, written) in own.items():
        if basis not in gn or basis not in gd:
            continue
        fn, fd = one + gn[basis][1].scale(0.01), one + gd[basis][1].scale(0.01)
        if fd.lo <= 0 or fn.lo <= 0:
            continue
        got = (fn / fd - one).scale(100)
        # the ratio written to the cent, and last period's too: that much slack in the growth
        slack = 100 * 0.01 / max(abs(stated.value or 1.0), 0.01)
        if not got.overlaps(Interval(written.lo - slack, written.hi + slack)):
            continue
        where = p.sentence_at(stated.start)  # g is placed in that sentence, not in the paragraph
        chk = interval_check(
            got, written, fits=True, kind="growth", stated=g.text,
            inputs=[gn[basis][0].text, gd[basis][0].text],
            relation=f"(1 + {gn[basis][0].text}) / (1 + {gd[basis][0].text}) - 1 = {g.text} ({basis}: a price per unit grows as its sides)",
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
            input_sentences=[p.sentence_at(n.start).text, p.sentence_at(d.start).text], article=article.label,
        )
        chk.refutable = False
        out.append(chk)
    return out


def _local(p: ParaText, f: Figure) -> Figure:
    """The figure as its own sentence holds it (paragraph figures are moved copies)."""
    s = p.sentence_at(f.start)
    return next((x for x in s.figures if x.text == f.text and x.value == f.value), f)


def _judge_across(p: ParaText, stated: Figure, r: _Ratio, others: list[ParaText]) -> Check | None:
    """The sides in another list item of the same label: certain when exactly one such item holds
    one of each, in the same month as the ratio."""
    month = re.search(r"(\d{1,2})\s*月", p.text[:stated.start])
    found = []
    for q in others:
        if month and not re.search(rf"(?<!\d){month.group(1)}\s*月", q.text):
            continue
        sides = _one_each(q, q.figures, r)
        if sides is not None:
            found.append((q, *sides))
    if len(found) != 1:
        return None
    return _sides_elsewhere(p, stated, r, *found[0], "the sides in another item of its label")


def _one_each(q: ParaText, figs: list[Figure], r: _Ratio) -> tuple[Figure, Figure] | None:
    """The one amount among `figs` whose own clause names the numerator, and the one naming the
    denominator; None unless there is exactly one of each."""
    amounts = [f for f in figs if f.kind in _AMOUNTS and f.value and not f.is_range]
    nums = [f for f in amounts if r.num.search(q.own_clause(f)) and not r.den.search(q.own_clause(f))]
    dens = [f for f in amounts if r.den.search(q.own_clause(f)) and not r.num.search(q.own_clause(f))]
    return (nums[0], dens[0]) if len(nums) == 1 and len(dens) == 1 else None


def _sides_elsewhere(p: ParaText, stated: Figure, r: _Ratio, q: ParaText, n: Figure, d: Figure,
                     where_sides: str) -> Check | None:
    if n.kind != FigureKind.MONEY or stated.kind != FigureKind.MONEY or interval(d).lo <= 0:
        return None
    got = interval(n) / interval(d)
    where = p.sentence_at(stated.start)
    return interval_check(
        got, figure_interval(stated, result=True), kind="ratio", stated=stated.text, inputs=[n.text, d.text],
        relation=f"{n.text} / {d.text} = {stated.text} ({r.label}, as the sector defines it; {where_sides})",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
        input_sentences=[q.sentence_at(n.start).text, q.sentence_at(d.start).text],
    )


_SEGMENT = re.compile(r"[^；;。]+")


def _judge_named(p: ParaText, stated: Figure, r: _Ratio, paras: list[ParaText]) -> Check | None:
    """"顺丰控股单票价格 13.55 元" with the company's 业务量 and 业务收入 in a clause group that opens
    with its name in another paragraph ("其中，顺丰控股 7 月快递业务量 13.77 亿票…，业务收入 186.57 亿元；",
    535): certain when exactly one such group holds one of each, in the ratio's month."""
    lead = p.text[clause_start(p.text, stated.start, "，,；;。：:"):stated.start]
    m = re.search(r"([\u4e00-\u9fa5A-Za-z]{2,8}?)(?:的)?单票", lead)
    if m is None:
        return None
    name = m.group(1)
    month = re.search(r"(\d{1,2})\s*月", p.text[:stated.start])
    found = []
    for q in paras:
        if q is p or name not in q.text:
            continue
        for seg in _SEGMENT.finditer(q.text):
            if not re.match(rf"\s*(?:其中[，,]?)?\s*{re.escape(name)}", seg.group(0)):
                continue
            if month and not re.search(rf"(?<!\d){month.group(1)}\s*月", seg.group(0)):
                continue
            sides = _one_each(q, [f for f in q.figures if seg.start() <= f.start < seg.end()], r)
            if sides is not None:
                found.append((q, *sides))
    if len(found) != 1:
        return None
    return _sides_elsewhere(p, stated, r, *found[0], f"the sides where {name} is named")
