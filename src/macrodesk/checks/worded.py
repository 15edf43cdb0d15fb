"""Relations written in words, with no operator: brackets of parts, wholes, from-to multiples, PE
in prose, net amounts, per-unit amounts, ranges; `find_uncounted` runs them, then the counting."""

from __future__ import annotations

import re
from dataclasses import replace

from macrodesk.checks.framed import (
    ANY_VERB,
    SHARE_LEAD,
    VERB_ONLY,
    WRITTEN_BEFORE,
    Framed,
    confirm_parts,
    framed_once,
    judge_signed,
    loose_share,
    signed_level,
)
from macrodesk.checks.frames import common_metric, period_key
from macrodesk.checks.intervals import Interval, figure_interval, interval_sum
from macrodesk.checks.judging import LEVEL_KINDS, Check, fmt, hedge, judge, unverifiable
from macrodesk.checks.range_growths import change_range_growths, range_growth
from macrodesk.checks.sentence import DOWN, SHARE_WORDS, UP, change_check, is_points
from macrodesk.checks.tokens import Para, Tok, in_unit_of
from macrodesk.checks.uncounted import FROM_LEAD, LIST_AND, SIGN, TO_LEAD, is_level, uncounted_check
from macrodesk.checks.valuation import EPS_HEAD, PE_HEAD, PE_SLACK
from macrodesk.figures import extract_figures
from macrodesk.models import Figure, FigureKind
from macrodesk.text.clauses import clause_start, last_chars

_BRACKET_AFTER = re.compile(r"\s*[（(]([^（）()]{3,120})[)）]")
_ZHAN_LEAD = re.compile(r"占[^，,。；;]{0,10}$")
_PLAIN_LEAD = re.compile(r"^[^，,。；;\d同环较增降升]{0,6}$")
_CAP_WORD = re.compile(r"最高|可贷|额度")


def find_uncounted(sec: Para) -> list[Check]:
    """The relations written in words, then the stated relations with no inputs (counted)."""
    fs = framed_once(sec)
    out = _range_products(sec) + _parts_by_metric(sec, fs) + _allocated_parts(sec, fs) + find_range_changes(sec)
    for k in range(len(fs)):
        for finder in _WORDED[fs[k].tok.fig.kind]:
            if (chk := finder(sec, fs, k)) is not None:
                out.append(chk)
                break
        else:
            if (chk := uncounted_check(sec, fs, k)) is not None:
                out.append(chk)
    return out


# ---------------------------------------------------------------- relations written in prose words
# Relations a reader recomputes although no operator is written: a bracket of parts joined by +
# with words between them, a whole written in the share's own clause, a from-to pair and a
# multiple, a reference level written before its growth, PE = price / EPS, net = issued − repaid,
# an amount per unit, a cap raised by a rate, a range times a range of rates, parts "用于" a total.

def _magnitude_family(t: Tok) -> str:
    """Amounts compare across 亿元 and a bare 亿 ("1210 亿元（20 年期 500 亿 + 30 年期 710 亿）"):
    the currency, or "" for a bare magnitude, which fits any currency."""
    return t.cunit[1] if t.fig.kind == FigureKind.MONEY else ("" if t.cunit[1] == "" else "?" + t.cunit[1])


def same_amounts(a: Tok, b: Tok) -> bool:
    if a.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or b.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
        return False
    fa, fb = _magnitude_family(a), _magnitude_family(b)
    return a.cunit == b.cunit or fa == fb or (fa == "" and not fb.startswith("?")) or (fb == "" and not fa.startswith("?"))


_PLUS_SPLIT = re.compile(r"[+＋]")
# a bracket that names its parts as such: "（包括江苏二期3.4+惠州一期4.7）"
_BARE_PARTS = re.compile(r"^\s*(?:包括|包含|含|其中|分别为)")


def _bracket_sum(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"32%（最惠国税率 12%+ 加征税率 10%+ 调整后进一步加征税率 10%）", "1210 亿元（20 年期 500
    亿 + 30 年期 710 亿）": the bracket after a figure writes it as a sum of named parts. The parts
    are written, so the relation is certain."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    if "+" not in raw and "＋" not in raw:
        return None
    m = _BRACKET_AFTER.match(raw[t.fig.end:])
    if not m or not _PLUS_SPLIT.search(m.group(1)):
        return None
    lo, hi = t.fig.end + m.start(1), t.fig.end + m.end(1)
    # "20 年期 500 亿": a term or a date names the part, it is not one
    inner = [x for x in fs if x.tok.sent == t.sent and lo <= x.tok.fig.start and x.tok.fig.end <= hi
             and x.tok.fig.kind not in (FigureKind.DURATION, FigureKind.NUMBER)]
    pieces = _PLUS_SPLIT.split(m.group(1))
    bare = [x for x in fs if x.tok.sent == t.sent and lo <= x.tok.fig.start and x.tok.fig.end <= hi
            and x.tok.fig.kind == FigureKind.NUMBER]
    if not inner and len(bare) == len(pieces) and t.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) \
            and _BARE_PARTS.search(m.group(1)):
        # "8.1万平方米（包括江苏二期3.4+惠州一期4.7）": every part a bare number in the total's unit
        # ("3.4+惠州": the + after a part is the operator, not a bound)
        inner = [replace(x, tok=in_unit_of(x.tok, t.fig, bound=False)) for x in bare]
    if len(inner) != len(pieces) or len(inner) < 2:
        return None
    # each piece of the bracket holds one part
    pos = lo
    for piece, x in zip(pieces, inner, strict=True):
        if not (pos <= x.tok.fig.start < pos + len(piece)):
            return None
        pos += len(piece) + 1
    parts = [x.tok for x in inner]
    if t.fig.kind == FigureKind.PERCENT:
        clause = raw[max((x.end() for x in re.finditer(r"[，,。；;：:]", raw[:t.fig.start])), default=0):hi]
        if any(p.fig.kind != FigureKind.PERCENT for p in parts) or not SHARE_WORDS.search(clause):
            return None  # growth rates do not add; shares, tariffs and contributions do
    elif not all(same_amounts(t, p) for p in parts):
        return None
    # "12%+ 加征…": the + after a part is the operator, not a bound
    parts = [Tok(p.fig, p.sent, p.approx, False) if re.match(r"\s*[+＋]", raw[p.fig.end:]) else p for p in parts]
    acc = interval_sum(p.interval() for p in parts)
    chk = judge(sec, "sum", t, parts, [(" + ".join(p.text for p in parts) + f" = {t.text}", acc)],
                magnitude=False)
    # "（加盟费 3 万 + 首单采购 15 万 + 设备 5 万等）": the parts named are not all of them
    if re.search(r"(?:等|等等|其他|其它|…|\.\.\.)\s*$", m.group(1)):
        chk = hedge(sec, chk, "the parts listed end with 等: not all are named")
    return chk


def _written_whole(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"1.63 万亿元，同比增长 40.72%，占全年计划 4.4 万亿元的 37.05%", "（占全年 2 万亿额度 81.46%）":
    the whole is written in the share's clause, the part is a level before it in the sentence
    (certain when it is the only one)."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.PERCENT or k == 0:
        return None
    w = fs[k - 1]
    if w.tok.sent != t.sent or not _ZHAN_LEAD.search(w.lead) \
            or not _PLAIN_LEAD.match(c.lead) or not is_level(w):
        return None
    parts = [x for x in fs[:k - 1] if x.tok.sent == t.sent and is_level(x) and same_amounts(x.tok, w.tok)
             and x.tok.interval().hi < w.tok.interval().lo]
    if not parts:
        return None
    readings = [(f"{p.tok.text} / {w.tok.text} = {t.text}", (p.tok.interval() / w.tok.interval()).scale(100))
                for p in reversed(parts)]
    chk = judge(sec, "share", t, [parts[-1].tok, w.tok], readings, magnitude=False,
                stated_iv=loose_share(t))
    return chk if len(parts) == 1 else hedge(sec, chk, "more than one level could be the part")


_GROWTH_WORD = re.compile(r"(?:涨幅|增幅|增长|上涨|上升|增加)[^，,。；;]{0,3}(?:为|达|约)?\s*$")


def _from_to_multiple(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"黄金价格从 1971 年 35 美元涨至 1980 年 850 美元，10 年涨幅 23 倍": a growth written as a
    multiple in the clause after a 从A涨至B (a span between them is allowed)."""
    c = fs[k]
    if c.tok.fig.kind != FigureKind.MULTIPLE or not _GROWTH_WORD.search(c.lead):
        return None
    j = k - 1
    while j >= 0 and fs[j].tok.sent == c.tok.sent and fs[j].tok.fig.kind == FigureKind.DURATION:
        j -= 1
    if j < 1 or fs[j].tok.sent != c.tok.sent or fs[j - 1].tok.sent != c.tok.sent:
        return None
    a, b = fs[j - 1], fs[j]
    if not (FROM_LEAD.search(a.lead) and TO_LEAD.match(b.lead)) or a.tok.bound or b.tok.bound:
        return None
    return change_check(sec, a.tok, b.tok, c.tok, "")


def _reference_growth(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"存货 1688.1 亿元，较 24H1 的 1506.8 亿元增长 12.0%，环比 25Q1 的 1643.4 亿元提高 2.7%": the
    second reference level is compared with the sentence's subject level, not with the growth
    before it. The subject is the level of that unit that is no reference itself."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.PERCENT or k < 2 or not VERB_ONLY.match(c.lead):
        return None
    ref = fs[k - 1]
    m = WRITTEN_BEFORE.search(ref.lead)
    if ref.tok.sent != t.sent or not m or ANY_VERB.search(m.group(0)) or ref.tok.bound \
            or ref.tok.fig.kind not in LEVEL_KINDS:
        return None
    subjects = [x for x in fs[:k - 1] if x.tok.sent == t.sent and x.tok.cunit == ref.tok.cunit
                and not WRITTEN_BEFORE.search(x.lead) and not x.tok.bound]
    if not subjects or fs[k - 2].tok.cunit == ref.tok.cunit:
        return None  # the pair right before is `find_framed`'s
    s = subjects[-1]
    ia, ib = ref.tok.interval(), s.tok.interval()
    if ia.lo <= 0:
        return None
    chk = judge_signed(sec, "growth", c, [ref.tok, s.tok],
                       [(f"({s.tok.text}/{ref.tok.text} - 1) = {t.text}", (ib / ia - Interval(1, 1)).scale(100))])
    return chk if len(subjects) == 1 else hedge(sec, chk, "more than one level could be compared")


_PERIOD_ONLY = re.compile(r"^[，,、；;\s]*(?:(?:19|20)?\d{2}\s*(?:年|财年)?\s*[EA]?)?[\s·]*(?:的|为)?\s*$")
_PRICE_LEAD = re.compile(r"收盘价|股价|现价")


def _metric_labels(fs: list[Framed], sent: int) -> dict[int, str]:
    """EPS or PE for each figure of a sentence that a label names or carries over a run of
    period-only leads ("2024 年 EPS 0.83 元，2025E 0.93 元")."""
    out: dict[int, str] = {}
    label = ""
    for x in fs:
        if x.tok.sent != sent:
            continue
        if EPS_HEAD.search(x.lead):
            label = "EPS"
        elif PE_HEAD.search(x.lead):
            label = "PE"
        elif not _PERIOD_ONLY.match(x.lead):
            label = ""
        if label:
            out[x.index] = label
    return out


def _prose_pe(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"收盘价 9.88 元，2024 年 EPS 0.83 元，2025E 0.93 元，…，2024 年 PE 11.9 倍，2025E 10.62 倍":
    PE = price / EPS of the same year. A PE may be priced at another date than the close written
    (an actual year's at its own close), so a fit within 5% confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    if t.fig.kind not in (FigureKind.MULTIPLE, FigureKind.NUMBER) or not c.period:
        return None
    labels = _metric_labels(fs, t.sent)
    if labels.get(c.index) != "PE":
        return None
    prices = [x for x in fs if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.MONEY
              and _PRICE_LEAD.search(x.lead) and not x.tok.bound]
    # (an EPS may be written bare after its key, in the price's 元: "股价 38.4 元，24A EPS 3.0，…24A PE 12.8")
    eps = [x for x in fs if labels.get(x.index) == "EPS" and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.NUMBER)
           and period_key(x.period) == period_key(c.period) and period_key(c.period) is not None]
    if len(prices) != 1 or len(eps) != 1 or eps[0].tok.interval().lo <= 0 or not (
            prices[0].tok.cunit == eps[0].tok.cunit or eps[0].tok.fig.kind == FigureKind.NUMBER
            and (eps[0].tok.fig.scale or 1) == 1 and prices[0].tok.cunit == ("money", "元")):
        return None
    p, e = prices[0].tok, eps[0].tok
    iv = p.interval() / e.interval()
    chk = judge(sec, "ratio", t, [p, e], [(f"{p.text} / {e.text} = {t.text} (within 5%)",
                                           Interval(iv.lo * (1 - PE_SLACK), iv.hi * (1 + PE_SLACK)))],
                magnitude=False)
    return hedge(sec, chk, "a PE may be priced at another date than the close written")


# ("1-9月净增加门店9家": what is counted may be named between)
_NET_LEAD = re.compile(r"净(?:融资|发行|投放|流入|增加|新增|增持|买入|增|开店?|(?P<fall>减少|减持|卖出|减|关店?|流出))"
                       r"(?:门店|店铺|酒店|网点|专卖店|加盟店|直营店)?(?:数量?)?(?:额|规模|量)?"
                       r"\s*(?:为|达|约|了)?\s*$")


def _net_amount(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"新发行煤炭债 650 亿元，…，偿还 1081 亿元，净融资额 -431 亿元": net = issued − repaid, with one
    issue and one repayment in the sentence (certain); "新开酒店152家…，关闭酒店203家，净减少51家" and
    "新开直营店42家、加盟店88家，关闭直营店26家、加盟店88家，净开16家": net = opened − closed (an item
    of a 、-list takes the flow word of the item before it; a net written as a fall is closed − opened)."""
    c = fs[k]
    t = c.tok
    net = _NET_LEAD.search(c.lead)
    if t.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or net is None:
        return None
    before = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.cunit == t.cunit and not x.tok.bound]
    after = _PARTS_AFTER.match(c.after) is not None
    if after:
        # "净减持 11.28 亿元，其中 4 家增持 0.14 亿元，34 家减持 11.42 亿元": the flows follow their net
        before = [x for x in fs[k + 1:] if x.tok.sent == t.sent and x.tok.cunit == t.cunit and not x.tok.bound]
    # the last flow word before each amount names it ("发行与偿还…新发行煤炭债 650 亿元" is issued)
    flow: dict[int, str] = {}
    last = ""
    for x in before:
        if re.search("净|同比|环比|较", x.lead):
            last = ""
            continue
        words = _FLOW.findall(x.lead)
        last = words[-1] if words else last if _LIST_NEXT.match(x.lead) else ""
        flow[x.index] = last
    gross = [x for x in before if flow.get(x.index) in _INFLOW]
    out = [x for x in before if flow.get(x.index) in _OUTFLOW]
    if not gross or not out:
        return None
    # amounts of money: one issue and one repayment; counts of shops may be listed by kind
    if t.fig.kind == FigureKind.MONEY and not len(gross) == len(out) == 1 \
            or t.fig.kind == FigureKind.QUANTITY and any(not is_level(x) for x in gross + out):
        return None
    ins, outs = [x.tok for x in gross], [x.tok for x in out]
    plus, minus = (outs, ins) if net.group("fall") and not SIGN.match(t.text) else (ins, outs)
    got = interval_sum([x.interval() for x in plus]) - interval_sum([x.interval() for x in minus])
    subtracted = minus[0].text if len(minus) == 1 else f"({' + '.join(x.text for x in minus)})"
    chk = judge(sec, "difference", t, ins + outs,
                [(f"{' + '.join(x.text for x in plus)} - {subtracted} = {t.text}", got)], magnitude=False)
    # another amount of the sentence may be a flow too ("提前兑付 C"): then the pair only confirms
    others = [x for x in before if all(x is not y for y in gross + out) and is_level(x)]
    if after and t.fig.kind != FigureKind.MONEY:
        # counts after a net's 其中 need not be all its flows ("净增门店 117 家，其中新开门店 77 家、…")
        return hedge(sec, chk, "the flows after 其中 need not be all of them")
    return hedge(sec, chk, "other amounts of the sentence may be flows too") if others else chk


# ("累计新增门店348家，累计撤减门店339家，1-9月净增加门店9家": shops added and taken away; "新开门店535家，
# 搬迁门店88家，关闭门店30家，净增加门店417家": a shop moved is counted among the new ones, so its old
# place is taken away)
_INFLOW = ("发行", "融资", "投放", "流入", "新开", "开店", "开业", "新增", "增持", "买入")
_OUTFLOW = ("偿还", "到期", "回笼", "流出", "关闭", "关店", "闭店", "撤减", "撤店", "撤出", "搬迁", "减持", "卖出")
_PARTS_AFTER = re.compile(r"^\s*[，,]\s*其中")
# (兑付 and 赎回 name a flow of neither side: an amount after them is no issue and no repayment)
_FLOW = re.compile("|".join(_INFLOW + _OUTFLOW + ("兑付", "赎回")))
_LIST_NEXT = re.compile(r"^\s*[、和及]")
_PER_UNIT = re.compile(r"^\s*/\s*(家|户|人|个|辆|吨|台|只)")


def _per_unit(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"亏损企业数量 1500 家，…亏损总额 480 亿元，单位亏损金额 3200 万元 / 家": an amount per unit is a
    total of the sentence over a count of that unit. Found by their fit (other totals may be
    meant), so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    m = _PER_UNIT.match(c.after)
    if t.fig.kind != FigureKind.MONEY or not m:
        return None
    counts = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.QUANTITY
              and x.tok.fig.unit == m.group(1) and is_level(x)]
    totals = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.cunit == t.cunit and is_level(x)]
    if not counts or not totals:
        return None
    readings = [(f"{n.tok.text} / {d.tok.text} = {t.text}", n.tok.interval() / d.tok.interval())
                for n in totals for d in counts]
    return hedge(sec, judge(sec, "ratio", t, [totals[-1].tok, counts[-1].tok], readings, magnitude=False),
                 "the total and the count are found by their fit")


_RAISE_LEAD = re.compile(r"(?:上浮|上调|放大)(?:比例)?\s*(?:至|到|为|达)?\s*$")


def _raised_cap(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"最高额度从60万元提高至70万元…最高可上浮170%，即个人最高可贷189万元": a cap raised by a
    rate is a base of the paragraph times (1 + rate). The base is found by its fit (several
    levels of the unit could be meant), so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    if t.fig.kind != FigureKind.MONEY or not _CAP_WORD.search(c.lead):
        return None
    rates = [x for x in fs[:k] if x.tok.sent == t.sent and x.tok.fig.kind == FigureKind.PERCENT
             and _RAISE_LEAD.search(x.lead) and not x.tok.bound]
    if not rates:
        return None
    r = rates[-1]
    bases = [x for x in fs[:r.index] if x.paragraph == c.paragraph and x.tok.cunit == t.cunit and is_level(x)
             and x.tok.interval().hi < t.interval().lo]
    if not bases:
        return None
    factor = Interval(1, 1) + r.tok.interval().scale(0.01)
    readings = [(f"{b.tok.text} × (1 + {r.tok.text}) = {t.text}", b.tok.interval() * factor) for b in reversed(bases)]
    chk = judge(sec, "product", t, [bases[-1].tok, r.tok], readings, magnitude=False)
    if chk.verdict == "consistent":
        fit = next(b for b, (_, iv) in zip(reversed(bases), readings, strict=True) if t.interval(result=True).overlaps(iv))
        chk.inputs = [fit.tok.text, r.tok.text]
        chk.input_sentences = [sec.sentences[fit.tok.sent].text, sec.sentences[r.tok.sent].text]
    return hedge(sec, chk, "the base raised is found by its fit")


_RATE_BASIS = re.compile(r"按\s*$")
_ESTIMATE = re.compile(r"^[^。；;]{0,12}?(?:估算|测算|计算|推算)")


def range_end(f: Figure, value: float) -> Figure:
    return f.model_copy(update={"value": value, "high": None})


def _range_products(sec: Para) -> list[Check]:
    """"A 股央企市值约 34 万亿，地方国企约 21 万亿，按 5%-10% 融资比例估算，央企潜在融资规模
    1.7-3.4 万亿，地方国企 1.0-2.1 万亿": a range of results is a level times a range of rates,
    end by end (interval arithmetic on each end). Levels and results pair by position in their
    sentence; the rate may be written in an earlier sentence of the section ("…市值均约 1.9 万亿，
    潜在融资规模均为 900-1900 亿"). Each end is one check; the pairing is by place, so a fit
    confirms and no fit proves nothing."""
    out: list[Check] = []
    rate: tuple[Figure, int] | None = None
    for si, s in enumerate(sec.sentences):
        raw = sec.raw[si]
        if "按" not in raw and (rate is None or si - rate[1] > 2):
            continue  # only sentences near a rate written with 按 are read again
        figs = [f for f in extract_figures(raw) if f.kind != FigureKind.DATE and f.value is not None]
        amounts = [f for f in figs if f.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
        for f in figs:
            if f.kind == FigureKind.PERCENT and f.high is not None and _RATE_BASIS.search(raw[:f.start]) \
                    and _ESTIMATE.match(raw[f.end:]):
                rate = (f, si)
        if rate is None:
            continue
        after = rate[0].end if rate[1] == si else 0
        results = [f for f in amounts if f.high is not None and f.start > after]
        if not results:
            continue
        levels = [f for f in amounts if f.high is None and f.start < results[0].start]
        if rate is None or not results or not levels or si - rate[1] > 2:
            continue
        r = rate[0]
        pairs = list(zip(levels, results, strict=True)) if len(levels) == len(results) else \
            [(max((lv for lv in levels if lv.start < res.start), key=lambda f: f.start, default=levels[-1]), res)
             for res in results]
        # certain when the rate is in the sentence and each level and its result name one
        # subject that no other pair names ("央企市值约 34 万亿 … 央企潜在融资规模 1.7-3.4 万亿")
        named = rate[1] == si and len(levels) == len(results) and _paired_by_name(raw, pairs)
        for lv, res in pairs:
            base = figure_interval(lv).scale(lv.scale)
            for end, rv, tag in ((res.value, r.value, "下限"), (res.high, r.high, "上限")):
                assert end is not None and rv is not None
                got = (base * figure_interval(range_end(r, rv)).scale(0.01)).scale(1 / res.scale)
                stated = figure_interval(range_end(res, end), result=True)
                ok = stated.overlaps(got)
                shown = ok or named
                out.append(Check(
                    verdict="consistent" if ok else "inconsistent" if named else "unverifiable", kind="product",
                    stated=f"{res.text}（{tag}）", computed=fmt(got.mid) if shown else "",
                    computed_low=got.lo if shown else None, computed_high=got.hi if shown else None,
                    gap=None if ok or not named else round(got.distance(stated), 6),
                    inputs=[lv.text, r.text], relation=f"{lv.text} × {fmt(rv)}% = {fmt(end)}",
                    note="" if named else "level and result paired by their place" + ("" if ok else ", and none fits"),
                    sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                    input_sentences=[s.text, sec.sentences[rate[1]].text], refutable=named))
    return out


def _clause_words(raw: str, f: Figure) -> set[str]:
    """The two-character runs of the words of a figure's clause before it."""
    start = clause_start(raw, f.start, "，,；;：:")
    words = re.findall(r"[\u4e00-\u9fa5]+", raw[start:f.start])
    return {w[i:i + 2] for w in words for i in range(len(w) - 1)}


def _paired_by_name(raw: str, pairs: list[tuple[Figure, Figure]]) -> bool:
    """Each level and its result share a word of their clauses that no other pair's result
    shares with the level ("央企" in "A 股央企市值约 34 万亿" and "央企潜在融资规模 1.7-3.4 万亿")."""
    if len(pairs) < 2:
        return False
    leads = [(_clause_words(raw, lv), _clause_words(raw, res)) for lv, res in pairs]
    return all(a & b and not any(a & other for j, (_, other) in enumerate(leads) if j != i)
               for i, (a, b) in enumerate(leads))


# the run of characters two metrics share to name the same thing (common_metric)
SHARED_RUN = 4


def _parts_by_metric(sec: Para, fs: list[Framed]) -> list[Check]:
    """"美护板块营收合计 731.7 亿元，…归母净利润 100.5 亿元…。其中，化妆品板块合计营收 605.6 亿元，…
    归母净利润 69.2 亿元…；医美板块营收 126.1 亿元，…归母净利 31.3 亿元": the 其中-parts of each
    total are those whose metric shares a word with it, in the 其中 sentence and the next one of
    its paragraph. Parts that add up to the total confirm it (the pairing is by metric words,
    so a fit is not refutable); parts that do not prove nothing."""
    out: list[Check] = []
    for si, raw in enumerate(sec.raw):
        i = raw.find("其中")
        if i < 0:
            continue
        para = sec.sentences[si].paragraph
        totals = [x for x in fs if is_level(x) and (
            x.tok.sent == si and x.tok.fig.end <= i
            or x.tok.sent == si - 1 and raw[:i].strip("，,：: ") == "" and sec.sentences[si - 1].paragraph == para)]
        parts = [x for x in fs if is_level(x) and not SHARE_LEAD.search(x.lead) and (
            x.tok.sent == si and x.tok.fig.start > i
            or x.tok.sent == si + 1 and sec.sentences[si + 1].paragraph == para)]
        for t in totals:
            mine = [p for p in parts if p.tok.cunit == t.tok.cunit and common_metric(t.metric, p.metric)
                    and p.tok.interval().hi < t.tok.interval().lo]
            if len(mine) < 2:
                continue
            out.extend(confirm_parts(sec, fs, t, mine, "其中-parts paired with the total by their metric"))
    return out


_USE_WORDS = re.compile(r"用于|投向|投入|用作|分配给|安排")
_USE_AFTER = re.compile(r"^\s*(?:将)?(?:用于|投向|投入|用作|分配给|安排)")


def _allocated_parts(sec: Para, fs: list[Framed]) -> list[Check]:
    """"全年计划 1.3 万亿元，8000 亿用于 “两重” 项目，5000 亿用于 “两新”": amounts each followed by
    用于 after a total of the sentence allocate it. Allocations need not exhaust the total, so a
    sum that fits confirms and one that does not proves nothing."""
    out: list[Check] = []
    if not any(_USE_WORDS.search(r) for r in sec.raw):
        return out
    for k, t in enumerate(fs):
        if not is_level(t):
            continue
        parts = []
        for x in fs[k + 1:]:
            if x.tok.sent != t.tok.sent or not same_amounts(x.tok, t.tok) or not _USE_AFTER.match(x.after):
                break
            parts.append(x.tok)
        if len(parts) < 2:
            continue
        acc = interval_sum(p.interval() for p in parts)
        chk = judge(sec, "sum", t.tok, parts, [(" + ".join(p.text for p in parts) + f" = {t.tok.text}", acc)],
                    magnitude=False)
        out.append(hedge(sec, chk, "allocations (用于) need not exhaust the total"))
    return out


_PER_PERIOD = re.compile(r"^\s*/\s*(日|天|月|季度?|年)")
_PERIOD_LEAD = (
    (re.compile(r"单月|每月|月均|月度|月产能"), "月"),
    (re.compile(r"单季|每季|季均"), "季"),
    (re.compile(r"全年|年度|每年|年均|年化"), "年"),
    (re.compile(r"日均|每日|单日|日产|日熔"), "日"),
)
_PER_YEAR = {"月": 12.0, "季": 4.0, "年": 1.0}
_CONVERT_LEAD = re.compile(r"(?:折合|折算|相当于|年化)[^，,。；;]{0,6}$")


def _period_of(x: Framed) -> str:
    m = _PER_PERIOD.match(x.after)
    if m:
        return {"天": "日", "季度": "季"}.get(m.group(1), m.group(1))
    for rx, per in _PERIOD_LEAD:
        if rx.search(last_chars(x.lead, 8)):
            return per
    return ""


def _converted(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"单月产能约 22 万片，折合 167 万片 / 年": a rate per month (quarter, year) converted to
    another period is the same rate times 12 (4, 1/12…). The factor is exact and both figures
    are written side by side, so the relation is certain; a day has 360 or 365 of them a year,
    and a daily figure may be capacity rather than output, so a day conversion only confirms."""
    c = fs[k]
    t = c.tok
    if k == 0 or not _CONVERT_LEAD.search(c.lead) or t.fig.kind not in (FigureKind.QUANTITY, FigureKind.MONEY):
        return None
    a = fs[k - 1]
    if a.tok.sent != t.sent or a.tok.cunit != t.cunit or a.tok.bound or t.bound:
        return None
    pa, pb = _period_of(a), _period_of(c)
    if not pa or not pb or pa == pb:
        return None
    if "日" in (pa, pb):
        other = pb if pa == "日" else pa
        if other != "年":
            return None
        readings = [(f"{a.tok.text}/{pa} = {t.text}/{pb} ({n} 日/年)",
                     a.tok.interval().scale(n if pa == "日" else 1 / n)) for n in (365, 360)]
        return hedge(sec, judge(sec, "product", t, [a.tok], readings, magnitude=False),
                     "a daily rate may be capacity rather than output")
    factor = _PER_YEAR[pa] / _PER_YEAR[pb]
    return judge(sec, "product", t, [a.tok],
                 [(f"{a.tok.text}/{pa} × {fmt(factor)} = {t.text}/{pb}", a.tok.interval().scale(factor))],
                 magnitude=False)


PCT_RANGE = re.compile(r"\d\s*%?\s*[-~～至到—－–]\s*[+\-−－]?\s*\d[\d.]*\s*[%％]")  # ("-7.1%~-0.3%")
_RANGE_CHANGE_LEAD = re.compile(
    f"(?:同比|环比|较[^，,。；;]{{0,12}}?)\\s*(?:{UP}|{DOWN})?\\s*(?:约)?\\s*$")


def find_range_changes(sec: Para) -> list[Check]:
    """"全年预计 215-255GW（同比 - 8~23%）": a stated growth written as a range, counted
    unverifiable (a range is no figure of the relations above), unless a range of levels stands
    right before it ("归母净利润291.0亿元~315.0亿元，同增82.7%~97.7%": range_growths.py)."""
    out: list[Check] = []
    for si, s in enumerate(sec.sentences):
        raw = sec.raw[si]
        if not PCT_RANGE.search(raw) or not re.search("同比|环比|较|同[增降减升]|yoy|qoq", raw, re.I):
            continue
        figs = extract_figures(raw)
        for k, f in enumerate(figs):
            if f.kind != FigureKind.PERCENT or f.high is None:
                continue
            if (judged := range_growth(s, raw, figs, k)) is not None:
                out.append(judged)
            elif found := change_range_growths(s, raw, figs, k):
                out.extend(found)
            elif _RANGE_CHANGE_LEAD.search(raw[:f.start]):
                out.append(Check(verdict="unverifiable", kind="growth", stated=f.text,
                                 relation=f"(level) vs (earlier level) : {f.text}",
                                 note="the earlier level is not stated", sentence=s.text, sentence_id=s.id,
                                 paragraph=s.paragraph))
    return out


_EXCESS_LEAD = re.compile(r"(?:超额收益|相对收益)率?[^，,。；;\d]{0,6}?(?:分别)?\s*(?:为|约|达|是)?\s*$")


def _return_value(x: Framed) -> Interval:
    """A return with its sign: "下跌 0.81%" is −0.81; "涨跌幅 3.34%" keeps the sign written."""
    if re.search(r"涨跌幅?\s*(?:为|达)?\s*$", x.lead):
        return x.tok.interval()
    return signed_level(x)


def _relative_returns(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"建筑材料板块（SW）涨跌幅为 - 2.77%，同期沪深 300 指数涨跌幅 - 0.25%，万得全 A 指数涨跌幅 - 0.27%，
    超额收益分别为 - 2.51%、-2.50%" (one return against each benchmark), "沪深 300 指数下跌 0.81%，
    公用事业指数上涨 1.20%，环保指数下跌 0.27%，周相对收益率分别为 2.01% 和 0.54%" (each return
    against one benchmark): the excess returns of a sentence over its returns, paired by place.
    The reading that fits every excess return of the list confirms it; the pairing is by place, so
    no fit proves nothing."""
    c = fs[k]
    if c.tok.fig.kind != FigureKind.PERCENT:
        return None
    j0 = k
    while j0 > 0 and LIST_AND.match(fs[j0].lead) and fs[j0 - 1].tok.sent == c.tok.sent \
            and fs[j0 - 1].tok.fig.kind == FigureKind.PERCENT:
        j0 -= 1
    if not _EXCESS_LEAD.search(fs[j0].lead):
        return None
    stated = [fs[j0]]
    for x in fs[j0 + 1:]:
        if x.tok.sent != c.tok.sent or not LIST_AND.match(x.lead) or x.tok.fig.kind != FigureKind.PERCENT:
            break
        stated.append(x)
    levels = [x for x in fs[:j0] if x.tok.sent == c.tok.sent and x.tok.fig.kind == FigureKind.PERCENT
              and not x.tok.bound and not SHARE_LEAD.search(x.lead)]
    if len(levels) != len(stated) + 1 or any(x.tok.bound for x in stated):
        return None
    first, rest = levels[0], levels[1:]
    def shown(x: Framed) -> str:
        return f"({fmt(_return_value(x).mid)}%)"

    patterns = [
        [(f"{shown(first)} - {shown(b)}", _return_value(first) - _return_value(b)) for b in rest],
        [(f"{shown(a)} - {shown(first)}", _return_value(a) - _return_value(first)) for a in rest],
    ]
    i = stated.index(c)
    for pattern in patterns:
        if all(s.tok.interval(result=True).overlaps(iv) for s, (_, iv) in zip(stated, pattern, strict=True)):
            formula, iv = pattern[i]
            chk = judge(sec, "difference", c.tok, [first.tok, rest[i].tok], [(f"{formula} = {c.tok.text}", iv)],
                        magnitude=False)
            return hedge(sec, chk, "returns and excess returns are paired by their place")
    return unverifiable(sec, "difference", c.tok, [x.tok for x in levels], f"(return) - (benchmark return) = {c.tok.text}",
                        "no pairing of the returns written fits every excess return")



_GAP_VERB = re.compile(r"超涨|超跌|跑赢|跑输|相对于?")
_GAP_TAIL = re.compile(r"(?:分别|上涨|下跌|为|约|达|幅度|\s|·)+$")


def _gap_names(sec: Para, x: Framed) -> tuple[str, str] | None:
    """(subject, benchmark) of a gap clause: "建筑材料指数超涨沪深 300 指数 9.35 个百分点"."""
    raw = sec.raw[x.tok.sent]
    start = clause_start(raw, x.tok.fig.start, "，,。；;：:")
    clause = raw[start:x.tok.fig.start]
    m = _GAP_VERB.search(clause)
    if m is None:
        return None
    subject = re.sub(r"[\s·]", "", re.sub(r"^\s*\d+[.、)]\s*", "", clause[:m.start()]))
    return subject, re.sub(r"[\s·]", "", _GAP_TAIL.sub("", clause[m.end():]))


def _named_gap(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"建筑材料指数涨幅 6.77%，…沪深 300 指数下跌 2.58%，上证指数上涨 9.92%。建筑材料指数超涨沪深 300
    指数 9.35 个百分点，建筑装饰超涨 11.05 个百分点；相对上证指数分别下跌 3.15 和 1.45 个百分点": a
    gap between two returns named in its clause (the benchmark carried from the clause before, the
    subjects of a 分别-list from the gaps before, in order), read from the section's returns whose
    words share four characters with each name. Found by names, a fit confirms and no fit proves
    nothing."""
    c = fs[k]
    if c.tok.fig.kind == FigureKind.NUMBER and k + 1 < len(fs) and is_points(fs[k + 1].tok) \
            and fs[k + 1].tok.sent == c.tok.sent and LIST_AND.match(fs[k + 1].lead):
        # "分别下跌 3.15 和 1.45 个百分点": the unit is written on the last item
        unit = fs[k + 1].tok.fig
        c = Framed(Tok(c.tok.fig.model_copy(update={"kind": unit.kind, "unit": unit.unit}), c.tok.sent),
                   c.index, c.metric, c.period, c.lead, c.after, c.paragraph, c.topic, c.block)
    if not is_points(c.tok) or (names := _gap_names(sec, c)) is None:
        return None
    subject, bench = names
    earlier = [(x, n) for x in fs[:k] if x.paragraph == c.paragraph and is_points(x.tok)
               and (n := _gap_names(sec, x)) is not None]
    if not bench:
        bench = next((n[1] for _, n in reversed(earlier) if n[1]), "")
    if not subject:
        subjects = list(dict.fromkeys(n[0] for _, n in earlier if n[0]))
        pos = 0
        j = k
        while j > 0 and fs[j - 1].tok.sent == c.tok.sent and LIST_AND.match(fs[j].lead):
            pos, j = pos + 1, j - 1
        subject = subjects[pos] if pos < len(subjects) else ""
        # the verb of the list ("分别下跌") signs every item of it
        c = Framed(c.tok, c.index, c.metric, c.period, fs[j].lead, c.after, c.paragraph, c.topic, c.block)
    if len(subject) < SHARED_RUN or len(bench) < SHARED_RUN:
        return None

    def level_of(name: str) -> Framed | None:
        hits = [x for x in fs[:k] if x.tok.fig.kind == FigureKind.PERCENT and not x.tok.bound
                and common_metric(name, re.sub(r"[\s·]", "", x.lead + x.metric), SHARED_RUN)]
        return hits[-1] if hits else None

    a, b = level_of(subject), level_of(bench)
    if a is None or b is None or a is b:
        return None
    chk = judge_signed(sec, "difference", c, [a.tok, b.tok],
                       [(f"({fmt(_return_value(a).mid)}%) - ({fmt(_return_value(b).mid)}%) = {c.tok.text}",
                         _return_value(a) - _return_value(b))])
    return hedge(sec, chk, "the two returns are found by their names")


_ANY = tuple(FigureKind)
# each finder with the kinds of figure it reads (its first test), in the order they are tried
_WORDED_KINDS = (
    (_relative_returns, (FigureKind.PERCENT,)), (_named_gap, _ANY), (_bracket_sum, _ANY),
    (_written_whole, (FigureKind.PERCENT,)), (_from_to_multiple, (FigureKind.MULTIPLE,)),
    (_reference_growth, (FigureKind.PERCENT,)), (_prose_pe, (FigureKind.MULTIPLE, FigureKind.NUMBER)),
    (_net_amount, (FigureKind.MONEY, FigureKind.QUANTITY)), (_per_unit, (FigureKind.MONEY,)),
    (_raised_cap, (FigureKind.MONEY,)), (_converted, (FigureKind.QUANTITY, FigureKind.MONEY)),
)
# the finders tried on a figure of each kind (the others return None at once: asking them costs a call each)
_WORDED = {kind: tuple(f for f, kinds in _WORDED_KINDS if kind in kinds) for kind in FigureKind}
