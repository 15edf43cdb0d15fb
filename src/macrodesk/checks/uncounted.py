"""Stated relations with no inputs: shares, growths, CAGRs and multiples counted unverifiable, and
the in-section searches (a share's whole, a CAGR's levels) that may still pair them by fit."""

from __future__ import annotations

import re
from dataclasses import replace

from macrodesk.checks.framed import MARGIN, Framed, margin, nested, stated_change
from macrodesk.checks.frames import common_metric, period_key
from macrodesk.checks.intervals import Interval, precision_unit
from macrodesk.checks.judging import LEVEL_KINDS, Check, hedge, judge, unverifiable
from macrodesk.checks.sentence import (
    DOWN,
    FROM,
    RATE_WORDS,
    TO,
    UP,
    YEAR_SPAN,
    cagr_years,
    span_years,
)
from macrodesk.checks.tokens import BOUND_BEFORE, Para, Tok
from macrodesk.models import FigureKind
from macrodesk.text.clauses import chars_before, clause_start, last_chars

# ---------------------------------------------------------------- stated relations with no inputs
# A careful reader counts every stated share, growth, CAGR or multiple, even when the article
# gives nothing to recompute it from; these are counted `unverifiable` (never judged), so the
# count of what cannot be checked is honest. The pass runs after every finder, and a figure
# another finder already checked keeps that check (check_article keeps the first per figure).

SIGN = re.compile(r"^\s*[+\-−－]")
# "占总产量 22.5%", "份额 28.5%", "（占总数 15%）", "占中央对地方转移支付总规模的 41.7% 和 42.2%"
# ("彩盒业务收入达4.20亿元，对收入贡献达到22%", cfr161: a part's contribution to the whole is its share)
_SHARE_ONLY = re.compile(
    r"(?:占比|比重|份额|占到|占(?![用据有领])[^，,。；;从由至到升降增减提]{0,16}?"
    r"|对(?:公司)?(?:总)?(?:营业)?(?:收入|营收)(?:的)?贡献(?:度|比例|占比)?)(?:的)?\s*(?:为|约|达|仅|约为|达到|已达|高达)?\s*$")
_SHARE_CHANGE = re.compile(f"(?:占比|比重|份额|占)[^，,。；;]{{0,8}}(?:{UP}|{DOWN}|变动|变化)")
# a bracket or clause opened after a rate word starts the share's own words: "247 只周度上涨（占比
# 53%）" is a share of the rising stocks, not a rise
_OPENED = re.compile(r"[（(，,：:]")
LIST_AND = re.compile(r"^\s*(?:和|、|及|与|/|以及)\s*$")
# "2020-24 年 CAGR 为 15%", "年均复合增速 9.8%": a CAGR whose start and end levels are not written
_CAGR_ONLY = re.compile(
    r"(?:CAGR|复合(?:年均?)?增(?:长)?(?:速|率)?|年均复合增(?:长)?(?:速|率)?|年复合增(?:长)?(?:速|率)?)"
    r"[·\s]*(?:预计|有望|或将?|将)?\s*(?:为|达|约|达到|高达|约为)?\s*$", re.I)
# "CAGR-10=30%": the count of years is read as a figure of its own, so the lead is "="
_CAGR_COUNTED = re.compile(r"CAGR\s*[-－]\s*\d{1,2}\s*[=＝:：]?\s*$", re.I)
# "同比增长 1.3 倍": a growth written as a multiple
_MULTIPLE_GROWTH = re.compile(
    f"(?:同比|环比|较[^，,。；;]{{0,14}})[^，,。；;]{{0,4}}(?:{UP}|{DOWN})\\s*(?:了|约|达)?\\s*$")
# "为疫情前 2019 年均值的 8 倍", "一年期 LPR 的 2 倍": a multiple of a level not written
_MULTIPLE_OF = re.compile(r"(?:为|是|相当于|达到?|[（(])[^，,。；;（(]{0,24}的\s*(?:约)?\s*$")
# "拉动固定资产投资上行 16.9 个百分点": a contribution is a change times a weight not written
_PULL = re.compile(r"(?:拉动|贡献)[^，,。；;]{0,14}?(?:上行|下行|增长|提升|上升|下降|回升|回落)?\s*(?:约|了)?\s*$")
# "个股的上涨比例为 88%", "新能源渗透率达到 51.5%": a ratio of two levels when a pair fits; such
# rates are also set by rule or quoted alone (上浮比例, 渗透率), so no fit is no relation
# (and the yields of an output over its input or target: "其中洗精煤产量748万吨，测算精煤洗出率41.62%",
# 产能利用率, 开工率, 完成率)
_RATE_OF_LEVELS = re.compile(r"(?:比例|渗透率|市占率|占有率|洗出率|利用率|开工率|完成率|达成率|回收率|良品率|良率|合格率|(?<!未)完成了?)"
                             r"\s*(?:为|约|达|达到|已达|升至|提升至)?\s*$")
# "隐性债务占比从 2020 年 64% 降至 2024 年 60%": the later share of a change of a share
_SHARE_TO = re.compile(f"(?:占比|比重|份额)\\s*(?:{FROM})[^，,。；;]{{0,24}}(?:{UP}|{DOWN})?\\s*{TO}[^，,。；;%]{{0,12}}$")
_TO_LEVEL = re.compile(f"^[，,]?[^，,。；;]{{0,14}}?(?:{UP}|{DOWN})\\s*(?:至|到)\\s*$")
# a share's level written after its change: "收入占比同比上升2.6pct至33.6%"
# (or with no change written: "占营收的比重提升至13.1%", cfr126)
_SHARE_MOVED_TO = re.compile(r"(?:占比|比重|份额)\s*(?:同比|较上年|较去年同期|较年初)?\s*(?:提升|提高|上升|增加|下降|下滑|减少|增|升|降)?\s*"
                             r"(?:[+\-]?\d+(?:\.\d+)?\s*(?:个\s*)?(?:pct|PCT|pcts|个百分点|pp)|(?<=[升高加降滑少增]))\s*(?:至|到)\s*$")
_INTENSITY = re.compile(r"强度\s*(?:为|约|达|达到)?\s*$")
# "同比增速分别提升26.3、18.6pct": a bare number in a list whose last item carries the unit
_LIST_UNIT = re.compile(r"^\s*[、/]\s*[+\-−－]?\s*\d[\d.]*\s*(?:(?:个\s*)?(?:pct|ppt|pp)|个百分点|%|％)")
# "同比增量 3000 亿元": an amount change named as a noun
_AMOUNT_NOUN = re.compile(r"(?:同比|环比|较上年|较去年)\s*(?:增量|减量|增额|多增|少增)\s*(?:为|约|达)?\s*$")
# "相对收益（相对沪深300）为-1.1%", "超额收益 3.2%": a gap against a benchmark not written
_RELATIVE_RETURN = re.compile(r"(?:相对收益|超额收益)[^，,。；;]{0,16}?(?:为|约|达|约为)?\s*$")
# "收窄 1998 亿元至 2170 亿元": a change of an amount to a level, the earlier level not written
_VERB_BEFORE = re.compile(f"(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")
_SUPPOSED = re.compile(r"每|若|如果|假设|倘若|预计|预期|有望|将")
_CHANGE_LEAD = re.compile(r"(?:净增|新增|净减|增加|减少|同比|环比|较[^，,。；;]{0,8})\s*(?:了|约)?\s*$")


def uncounted_check(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """The unverifiable check a stated relation with no inputs gets, or None if the figure states
    no relation. Shares, CAGRs, multiples, amount changes and relative returns by their wording;
    a change whose sign is written on the figure ("较“十三五”+16.5%", "（同比+2367亿）") or whose
    lead names a bound ("同比增幅接近 16%") as the changes `stated_change` already counts."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    clause_start = sec.clause_start(t.sent, t.fig.start)
    supposed = _SUPPOSED.search(raw[clause_start:t.fig.start])
    # a forecast CAGR ("2024-2029 年 CAGR 预计为 8.7%") is a CAGR of forecast levels: still checked
    if supposed and not (supposed.group() in ("预计", "有望", "将") and t.fig.kind == FigureKind.PERCENT
                         and _CAGR_ONLY.search(c.lead)):
        return None
    prev = fs[k - 1] if k > 0 and fs[k - 1].tok.sent == t.sent else None
    kind_of = t.fig.kind
    if kind_of == FigureKind.PERCENT and (_CAGR_ONLY.search(c.lead) or _CAGR_COUNTED.search(chars_before(raw, t.fig.start, 10))):
        return _cagr_dated(sec, fs, k) or cagr_in_section(sec, fs, k) or unverifiable(
            sec, "cagr", t, [], f"(B/A)^(1/years) - 1 = {t.text}",
            "the start and end levels of the CAGR are not stated")
    if kind_of == FigureKind.PERCENT and not RATE_WORDS.search(_OPENED.split(last_chars(c.lead, 6))[-1]) \
            and not _SHARE_CHANGE.search(c.lead) \
            and (_SHARE_ONLY.search(c.lead) or prev is not None and LIST_AND.match(c.lead)
                 and prev.tok.fig.kind == FigureKind.PERCENT and _SHARE_ONLY.search(prev.lead)):
        return _share_in_section(sec, fs, k) or _complementary_share(sec, fs, k) or unverifiable(
            sec, "share", t, [], f"(part) / (whole) = {t.text}", "the part or the whole is not stated")
    if kind_of == FigureKind.PERCENT and (_RATE_OF_LEVELS.search(c.lead) or _SHARE_TO.search(
            sec.raw[t.sent][clause_start:t.fig.start]) or _SHARE_MOVED_TO.search(raw[clause_start:t.fig.start])):
        return _share_in_section(sec, fs, k)
    if kind_of == FigureKind.POINTS and _PULL.search(c.lead):
        return unverifiable(sec, "product", t, [], f"(change) × (weight) = {t.text}",
                            "the weight of the part is not stated")
    if kind_of == FigureKind.NUMBER and k + 1 < len(fs) and _LIST_UNIT.match(c.after) \
            and fs[k + 1].tok.fig.kind in (FigureKind.POINTS, FigureKind.PERCENT):
        unit = fs[k + 1].tok.fig
        tok = Tok(t.fig.model_copy(update={"kind": unit.kind, "unit": unit.unit}), t.sent, t.approx, t.bound)
        return stated_change(sec, Framed(tok, c.index, c.metric, c.period, c.lead, c.after, c.paragraph,
                                         c.topic, c.block), prev, prev is not None)
    if kind_of == FigureKind.PERCENT and _INTENSITY.search(c.lead):
        # "拿地金额125亿元，拿地强度48%", "研发强度 7.1%": an amount over another (sales, revenue)
        return _share_in_section(sec, fs, k) or unverifiable(
            sec, "ratio", t, [], f"(amount) / (base) = {t.text}", "the base of the ratio is not stated")
    if kind_of == FigureKind.PERCENT and _RELATIVE_RETURN.search(c.lead):
        return unverifiable(sec, "difference", t, [], f"(return) - (benchmark return) = {t.text}",
                            "the benchmark's return is not stated")
    if kind_of == FigureKind.MULTIPLE:
        if _MULTIPLE_GROWTH.search(c.lead):
            return unverifiable(sec, "growth", t, [], f"(level) / (earlier level) - 1 = {t.text}",
                                "the earlier level is not stated")
        if _MULTIPLE_OF.search(c.lead):
            return unverifiable(sec, "ratio", t, [], f"(level) / (reference) = {t.text}",
                                "the reference level is not stated")
        return None
    if kind_of in (FigureKind.MONEY, FigureKind.QUANTITY) and (
            _AMOUNT_NOUN.search(c.lead)
            or _VERB_BEFORE.search(c.lead) and re.match(r"^\s*(?:至|到)", c.after) and k + 1 < len(fs)
            and fs[k + 1].tok.sent == t.sent and fs[k + 1].tok.cunit == t.cunit):
        return unverifiable(sec, "change", t, [], f"(level) - (earlier level) = {t.text}",
                            "the earlier level is not stated")
    if kind_of == FigureKind.PERCENT and prev is not None and prev.tok.fig.kind == FigureKind.PERCENT \
            and _TO_LEVEL.search(c.lead) and not re.search(f"{FROM}\\s*$", prev.lead) \
            and (mm := MARGIN.search(last_chars(prev.lead, 10))) is not None:
        # "2024 年阳光电源净利率 14.5%，2025 年 Q1 骤升至 19.9%": the later margin of the pair
        margins = margin(sec, fs, c, mm)
        return hedge(sec, margins[0], "the margin is named before the earlier level") if margins else None
    if kind_of in (FigureKind.PERCENT, FigureKind.POINTS) and prev is not None and LIST_AND.match(c.lead) \
            and prev.tok.fig.kind == kind_of and (head := uncounted_check(sec, fs, k - 1)) is not None \
            and head.kind in ("growth", "change") and not head.inputs:
        # "同比 + 7.44%/-3.30%": a later item of a list of changes counted like its head
        return unverifiable(sec, head.kind, t, [], f"(level) vs (earlier level) : {t.text}",
                            "the earlier level is not stated")
    # the sign written on the figure or a bound word between the verb and it: the changes
    # `stated_change` counts, read with the sign in the lead and the bound word dropped
    lead = BOUND_BEFORE.sub("", c.lead)
    if SIGN.match(t.text):
        lead += t.text.lstrip()[0].replace("−", "-").replace("－", "-")
    if lead == c.lead:
        return None
    return stated_change(sec, Framed(t, c.index, c.metric, c.period, lead, c.after, c.paragraph,
                                     c.topic, c.block), prev, prev is not None)


_POOL = 200  # figures before a share or CAGR searched for its inputs (keeps the pass fast)


def is_level(x: Framed) -> bool:
    """A level, not a change: no sign written on it, no 同比/较/verb right before it (read once
    per figure: the searches below ask it of every figure of a section)."""
    memo = x.__dict__.get("signed_level")
    if memo is None:
        memo = x.__dict__["signed_level"] = _reads_as_level(x)
    return bool(memo)


_CHANGE_TAIL = re.compile(f"同比|环比|较|(?:{UP}|{DOWN})\\s*(?:了|约)?\\s*$")


def _reads_as_level(x: Framed) -> bool:
    return (x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound
            and not SIGN.match(x.tok.text) and x.tok.interval().lo > 0
            and not _CHANGE_TAIL.search(last_chars(x.lead, 12)))


def searched(t: Tok) -> Interval:
    """A stated share matched against pairs found by their fit: its rounding, but not the reading
    of "60%" as rounded to tens that a written relation allows: among many pairs, that would fit
    one by chance."""
    return t.interval()


def is_tight(iv: Interval, stated: Tok) -> bool:
    """A pair found by its fit must pin the stated figure: "14 家 / 20 家" spans 66-74% and would
    fit "72.6%" by chance."""
    return iv.hi - iv.lo <= max(10 * precision_unit(stated.fig), 0.02 * abs(stated.fig.value or 0.0))


def _share_in_section(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """A share whose part and whole the wording does not point to ("市场份额 70.14%" after
    "自主品牌乘用车销量达到 160.4 万辆" and "乘用车…销量 228.74 万辆"): a level of the share's
    paragraph (the part) and a level of the section before it (the whole), of one unit, whose
    ratio gives the stated share. Found by their fit only, so the fit confirms (consistent, not
    refutable) and no fit proves nothing."""
    c = fs[k]
    bracket = _bracket_part(sec, fs, k)
    if bracket is not None:
        # the part is written in the share's bracket: no other level is paired with it by fit
        named = _named_whole(sec, fs, c, bracket)
        if named is None:
            return None
        return judge(sec, "share", c.tok, [bracket.tok, named.tok],
                     [(f"{bracket.tok.text} / {named.tok.text} = {c.tok.text}",
                       (bracket.tok.interval() / named.tok.interval()).scale(100))], magnitude=False)
    stated = searched(c.tok)
    # a whole-percent share fits many pairs by chance: its whole is sought nearby only
    pool = [x for x in fs[max(0, k - (_POOL if c.tok.fig.decimals else 20)):k] if is_level(x)]
    # the level nearest before the share in its own sentence is its part when there is one
    # ("裁减 7000 个非制造职位（占总数 15%）"); else any level of its paragraph
    own = _own_levels(sec, fs, k)
    if own and (revenue := _of_total_revenue(sec, fs, c, own[-1])) is not None:
        # "线下渠道收入15.67亿元，收入占比为95%；线上渠道收入8,163万元，占主营业务比重达5%" beside 营收18.85亿元
        # (cfg154): two shares adding up to 100% are of their two parts, which the company's revenue
        # (other business, a segment left out) need not be
        if revenue.verdict == "inconsistent" and (pair := _complementary_share(sec, fs, k)) is not None:
            return pair
        return revenue
    if own and (named := _named_part(sec.raw[c.tok.sent], own, c)) is not None and is_level(named):
        parts = [named]
    elif own:
        parts = own[-1:] if is_level(own[-1]) and not _other_subject(sec.raw[c.tok.sent], own[-1], c) else []
        # "Novartis：2024 年营收 50.3B 美元，CVRM 营收 8.8B 美元（占比 19%）": a level of the part's
        # unit earlier in its own sentence is the whole it is read against, not another list
        # item's level that happens to fit (Eli Lilly's 45.0B)
        mine = [x for x in own[:-1] if parts and is_level(x) and x.tok.cunit == parts[0].tok.cunit
                and x.metric and parts[0].metric != x.metric and parts[0].metric.endswith(x.metric)]
        if mine:
            pool = mine
    else:
        # "山西省产量占全国约 25%": the part is a level of the paragraph, or one of the section
        # whose metric names the share's subject ("区域结构山西省产量 3.01 亿吨")
        sm = re.search(r"([\u4e00-\u9fa5A-Za-z]{3,12})占[^，,。；;]{0,16}$", c.lead)
        subject = sm.group(1) if sm else ""
        parts = [x for x in fs if x is not c and is_level(x)
                 and (x.paragraph == c.paragraph or subject and subject in x.metric)]
    # a 渗透率 is of the whole market of the part's own measure (出货量 of all notebooks), not of
    # any level that happens to fit (a 销售量 of phones)
    penetration = "渗透率" in last_chars(c.lead, 8)
    other_market = False
    for d in reversed(pool):
        for n in reversed(parts):
            if n is d or n.tok.cunit != d.tok.cunit:
                continue
            iv = (n.tok.interval() / d.tok.interval()).scale(100)
            if penetration and n.metric and d.metric and not common_metric(n.metric, d.metric) \
                    and not (_MARKET_TOTAL.search(d.metric) and common_metric(n.metric, d.metric, 1)):
                other_market = other_market or stated.overlaps(iv)
                continue
            if iv.hi <= 100 and stated.overlaps(iv) and is_tight(iv, c.tok):
                chk = judge(sec, "share", c.tok, [n.tok, d.tok],
                            [(f"{n.tok.text} / {d.tok.text} = {c.tok.text}", iv)], magnitude=False)
                return hedge(sec, chk, "the part and the whole are found by their fit")
    if other_market:  # only a level of another measure fits: the share's whole is not written
        return unverifiable(sec, "share", c.tok, [], f"(part) / (whole) = {c.tok.text}",
                            "the whole market of the part's measure is not stated")
    if c.tok.fig.decimals >= 2 and len(parts) == 1:
        return _share_of_listed_sum(sec, fs, k, parts[0], stated)
    return None


def _own_levels(sec: Para, fs: list[Framed], k: int) -> list[Framed]:
    """The amounts before share k in its own sentence that may be its part."""
    return [x for x in fs[:k] if x.tok.sent == fs[k].tok.sent
            and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)
            # a change of the part is no part ("5G 用户 11.54 亿户，净增 1.4 亿户，占比 63.4%", 640)
            and not _CHANGE_LEAD.search(last_chars(x.lead, 8))
            # nor a part of the part ("美国发射 158 次（SpaceX 占 138 次），占比 60%")
            and not nested(sec.raw[x.tok.sent], x)]


def _part_before(sec: Para, fs: list[Framed], k: int) -> Framed | None:
    """The level right before share k in its sentence, when it is one (its part)."""
    own = _own_levels(sec, fs, k)
    return own[-1] if own and is_level(own[-1]) else None


def _complementary_share(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """Two shares of one paragraph that add up to 100%, each after its own part: the whole is the
    two parts ("线上实现营收10.28亿元，…占比为59.54%；线下实现营收6.99亿元，…占比为40.46%", cfr415).
    The whole may hold a rest too small to show: a fit confirms, a miss proves nothing."""
    c = fs[k]
    part = _part_before(sec, fs, k)
    if part is None:
        return None
    hundred = Interval(100, 100)
    others = []
    for j, x in enumerate(fs):
        if j == k or x.paragraph != c.paragraph or x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound \
                or not _SHARE_ONLY.search(x.lead) or not (c.tok.interval() + x.tok.interval()).overlaps(hundred):
            continue
        theirs = _part_before(sec, fs, j)
        if theirs is not None and theirs is not part and theirs.tok.cunit == part.tok.cunit:
            others.append(theirs)
    if len(others) != 1:
        return None
    whole = part.tok.interval() + others[0].tok.interval()
    iv = (part.tok.interval() / whole).scale(100)
    if not searched(c.tok).overlaps(iv):
        return None
    chk = judge(sec, "share", c.tok, [part.tok, others[0].tok],
                [(f"{part.tok.text} / ({part.tok.text} + {others[0].tok.text}) = {c.tok.text}", iv)], magnitude=False)
    return hedge(sec, chk, "the two shares add up to 100%: the whole is taken as their two parts")


def _share_of_listed_sum(sec: Para, fs: list[Framed], k: int, n: Framed, stated: Interval) -> Check | None:
    """A share whose whole is the sum of a list of levels written together before it: "2021年茅台酒、
    系列酒分别贡献收入934.65亿元、125.95亿元" for "直销收入240.29亿元，…占比22.66%" (cfr369). Found by its
    fit, so only for a share of two decimals (a chance fit is rare) and confirm-only."""
    found = []
    i = 0
    while i < k:
        j = i
        while j + 1 < k and fs[j + 1].tok.sent == fs[i].tok.sent and LIST_AND.match(fs[j + 1].lead) \
                and fs[j + 1].tok.cunit == fs[i].tok.cunit:
            j += 1
        run = fs[i:j + 1]
        if 2 <= len(run) <= 4 and n not in run and run[0].tok.cunit == n.tok.cunit and all(is_level(x) for x in run):
            whole = run[0].tok.interval()
            for x in run[1:]:
                whole = whole + x.tok.interval()
            iv = (n.tok.interval() / whole).scale(100)
            if iv.hi <= 100 and stated.overlaps(iv) and is_tight(iv, fs[k].tok):
                found.append((run, iv))
        i = j + 1
    if len(found) != 1:
        return None
    run, iv = found[0]
    total = " + ".join(x.tok.text for x in run)
    chk = judge(sec, "share", fs[k].tok, [n.tok, *(x.tok for x in run)],
                [(f"{n.tok.text} / ({total}) = {fs[k].tok.text}", iv)], magnitude=False)
    return hedge(sec, chk, "the whole is the sum of a list, found by its fit")


# a share the words say is of the company's whole revenue: "占总营收 84%", "占营业收入比重为 31%"
_OF_REVENUE = re.compile(r"占(?:公司)?(?:总营收|营业总?收入|总收入|营收)(?:的)?(?:比重|比例)?\s*(?:为|达|约|(?:提升|上升|升|增加|增|下降|降)至)?\s*$")
_COMPANY_REVENUE = re.compile(r"营业总?收入|营收|总营收|总收入|收入")
_NOT_NAME = re.compile(r"公司|实现|整体|全年|合计|\s")
_REVENUE_SHARE_TO = re.compile(r"^[\s，,]*(?:收入|营收)" + _SHARE_MOVED_TO.pattern)
_REVENUE_PART = re.compile(r"收入|营收")
# "无源器件收入9.60亿（+4.33%），业务占比80.23%" (cfb554): a segment revenue's share of the company's
_SEGMENT_SHARE = re.compile(r"^[）)\s，,]*(?:业务|收入|营收)占比\s*(?:为|达|约)?\s*$")


# a part of one quarter, whose period in force is a longer one's (the report's)
_ONE_QUARTER = re.compile(r"单季")
_QUARTER_PERIOD = re.compile(r"Q[1-4]|[1-4]Q|[一二三四]季度|第[一二三四1-4]季度")


# the whole market a 渗透率 is of, named as a total of the part's kind: "乘用车周度上险数据总量 47.0 万辆"
# for "新能源汽车为 26.4 万辆，渗透率 56.2%" (a 车 of both)
_MARKET_TOTAL = re.compile(r"总量|总计|合计|总$")


def _of_total_revenue(sec: Para, fs: list[Framed], c: Framed, part: Framed) -> Check | None:
    """"2022H1境外销售收入4.32亿元，同比增长142%，占总营收84%" with "2022H1…营业收入5.14亿元" in the
    section: the whole is the section's revenue of the part's period, when every level written as
    that revenue is one value (a summary may restate it). Named by the words, so it may refute."""
    if not is_level(part) or part.tok.fig.kind != FigureKind.MONEY:
        return None
    # "收入16.0亿元（+6.63%），收入占比同比上升2.6pct至33.6%" (cfb169): a revenue's 收入占比 is of the
    # company's revenue too
    clause = sec.raw[c.tok.sent][sec.clause_start(c.tok.sent, c.tok.fig.start):c.tok.fig.start]
    if not (_OF_REVENUE.search(c.lead) or (_REVENUE_SHARE_TO.search(clause) or _SEGMENT_SHARE.search(c.lead))
            and _REVENUE_PART.search(part.metric)):
        return None
    key = period_key(part.period)
    if key is None:
        return None
    part_clause = sec.raw[part.tok.sent][sec.clause_start(part.tok.sent, part.tok.fig.start):part.tok.fig.start]
    if _ONE_QUARTER.search(part_clause) and not _QUARTER_PERIOD.search(part.period or ""):
        return None  # "单季研发投入8.2亿元，占总营收6.73%" under a 三季报: the quarter's revenue is not written
    # the company's revenue: named by a revenue word alone ("晨光科技实现营业收入2.04亿元" is a unit's)
    wholes = [x for x in fs if x is not part and x.tok.cunit == part.tok.cunit and is_level(x)
              and _COMPANY_REVENUE.fullmatch(_NOT_NAME.sub("", x.metric)) and period_key(x.period) == key
              and x.index < c.index]
    if len({x.tok.text for x in wholes}) != 1:
        return None
    d = wholes[-1]
    iv = (part.tok.interval() / d.tok.interval()).scale(100)
    if iv.lo > 100:
        return None  # a part larger than its whole: not the whole meant
    return judge(sec, "share", c.tok, [part.tok, d.tok], [(f"{part.tok.text} / {d.tok.text} = {c.tok.text}", iv)],
                 magnitude=False)


def _bracket_part(sec: Para, fs: list[Framed], k: int) -> Framed | None:
    """The level written in a bracket right after a share: "钎焊合金和焊料占 29.04%（6105 吨）"."""
    c = fs[k]
    if k + 1 >= len(fs) or fs[k + 1].tok.sent != c.tok.sent or not is_level(fs[k + 1]):
        return None
    between = sec.raw[c.tok.sent][c.tok.fig.end:fs[k + 1].tok.fig.start]
    return fs[k + 1] if re.fullmatch(r"\s*[（(]\s*", between) else None


# "工业需求中，电子电气领域占比 67.67%（14323 吨）…": the sentence names the whole its shares are of
_WHOLE_NAMED = re.compile(r"^[\s*#]*([\u4e00-\u9fa5A-Za-z]{2,8})中[，,：:]")


def _named_whole(sec: Para, fs: list[Framed], c: Framed, part: Framed) -> Framed | None:
    """The whole a sentence (or the ；-chain it ends) opening with "X中，" names: the one level (of
    one value) of the section before it whose own clause starts with X ("工业需求占比 59%（21165 吨）")."""
    first = c.tok.sent  # the sentence the ；-chain of the share opens with
    while first > 0 and sec.raw[first - 1].rstrip().endswith(("；", ";")) \
            and sec.sentences[first - 1].paragraph == sec.sentences[first].paragraph:
        first -= 1
    m = _WHOLE_NAMED.match(sec.raw[first])
    if m is None:
        return None
    name = m.group(1)
    found = []
    for x in fs[:c.index]:
        if x.tok.sent >= first or x.tok.cunit != part.tok.cunit or not is_level(x):
            continue
        raw = sec.raw[x.tok.sent]
        start = clause_start(raw, x.tok.fig.start, "，,；;。：:")
        if raw[start:x.tok.fig.start].lstrip().startswith(name):
            found.append(x)
    return found[0] if len({x.tok.text for x in found}) == 1 else None


# the subject a share clause names for itself: "GitHub 公开提交占比达 4%", "光刻胶业务占比 30%";
# none in "占总营收比重约 71%", "市场份额 68.3%", "全球市占率 10%", "单季度占茅台酒比例" (a period, cfr291)
_SHARE_WORD = re.compile(r"(?:的)?(?:市场份额|市占率|占比|占|份额|比重)")
_SCOPE = re.compile(r"^(?:其中|全球|国内|全国|中国|行业|市场|整体|合计|累计|分别|同比|约|达|单季度?|当季|当期|本期|报告期内?)*")


def _bigrams(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]{2,}|[\u4e00-\u9fa5]+", text)
    return {w for w in words if w.isascii()} | {w[i:i + 2] for w in words if not w.isascii()
                                                for i in range(len(w) - 1)}


def _share_subject(raw: str, share: Framed) -> str:
    """The subject a share's clause names before its share word ("现房销售占比 35.5%": 现房销售)."""
    clause = raw[clause_start(raw, share.tok.fig.start, "，,；;"):share.tok.fig.start]
    m = _SHARE_WORD.search(clause)
    return _SCOPE.sub("", clause[:m.start()].strip()) if m else ""


def _other_subject(raw: str, part: Framed, share: Framed) -> bool:
    """The level before a share in its sentence is not its part when the share's clause names
    a subject that shares no word with the part's clause: "ARR 达 25 亿美元，企业订阅用户数量增长
    四倍，GitHub 公开提交占比达 4%" (834) is no 25 / 500 = 5%."""
    start = clause_start(raw, share.tok.fig.start, "，,；;")
    if part.tok.fig.end > start:
        return False  # the part is in the share's own clause
    subject = _share_subject(raw, share)
    if len(subject) < 2:
        return False
    part_clause = raw[clause_start(raw, part.tok.fig.start, "，,；;"):part.tok.fig.end]
    return not _bigrams(subject) & _bigrams(part_clause)


def _named_part(raw: str, own: list[Framed], share: Framed) -> Framed | None:
    """The one level of the share's sentence whose clause names the share's subject word for word:
    "其中现房销售 1.63 亿平方米，…期房销售 2.96 亿平方米，…现房销售占比 35.5%" (422) is 1.63's."""
    subject = _share_subject(raw, share)
    if len(subject) < 2:
        return None
    named = [x for x in own if subject in raw[clause_start(raw, x.tok.fig.start, "，,；;"):x.tok.fig.start]]
    return named[0] if len(named) == 1 and named[0] is not own[-1] else None


FROM_LEAD = re.compile(f"{FROM}[^，,。；;]{{0,16}}$")
TO_LEAD = re.compile(f"^[^，,。；;]{{0,10}}{TO}[^，,。；;]{{0,12}}$")


def cagr_in_section(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """A CAGR over a span written before it ("2021-24 年 CAGR 10.7%", "2020-24 年…（CAGR 11%）")
    whose levels stand in a 从A增至B of the section. "2021-24 年" may count the growth years
    (four, from 2020's level) or the years between its ends (three): either will do, and the
    levels are found by their place, so the fit confirms (not refutable) and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    raw = sec.raw[t.sent]
    spans = list(YEAR_SPAN.finditer(raw[:t.fig.start]))
    if not spans and t.sent > 0 and sec.raw[t.sent - 1].rstrip().endswith(("；", ";")) \
            and sec.sentences[t.sent - 1].paragraph == sec.sentences[t.sent].paragraph:
        # "2019-24 财年，上市央企分红从 7895 亿增至 12957 亿，CAGR 10.4%；地方国企…从 2847 亿增至 4522 亿，
        # CAGR 9.7%": the span of the clause before the ； holds for this one
        spans = list(YEAR_SPAN.finditer(sec.raw[t.sent - 1]))[:1]
    if not spans:
        return None
    y0, y1 = span_years(spans[-1])
    if y1 <= y0:
        return None
    def from_to(a: Framed, b: Framed) -> bool:
        return a.tok.sent == b.tok.sent and a.tok.cunit == b.tok.cunit and bool(FROM_LEAD.search(a.lead)) \
            and bool(TO_LEAD.match(b.lead)) and a.tok.fig.kind in LEVEL_KINDS and not a.tok.bound \
            and not b.tok.bound and a.tok.interval().lo > 0 and b.tok.interval().lo > 0

    # "2019-2023 年中国酿酒行业收入 CAGR 达 6.7%，规模从 8350 亿元增至 1.08 万亿元": the levels may
    # follow the CAGR in its own sentence
    after = [(a, b) for a, b in zip(fs[k + 1:k + 6], fs[k + 2:k + 7], strict=False)
             if a.tok.sent == t.sent and from_to(a, b)]
    pairs = after[:1] or [(a, b) for a, b in zip(fs[max(0, k - _POOL):k], fs[max(1, k - _POOL + 1):k], strict=False)
                          if from_to(a, b)]
    if not pairs:
        return None
    a, b = pairs[-1]
    readings = [(f"({b.tok.text}/{a.tok.text})^(1/{n}) - 1 = {t.text}",
                 ((b.tok.interval() / a.tok.interval()).pow(1 / n) - Interval(1, 1)).scale(100))
                for n in sorted({y1 - y0, y1 - y0 + 1})]
    chk = judge(sec, "cagr", t, [a.tok, b.tok], readings, magnitude=False)
    return hedge(sec, chk, "the levels of the CAGR are found by their place")


# "…1.36 亿只（CAGR1.3%）": the CAGR opens the level's own bracket
# (the space after CAGR is the figure reader's mark "·" in a shielded text)
_CAGR_NEXT = re.compile(r"\s*[，,]\s*(?:对应)?\s*(?:CAGR|年复合增速|年均复合增长率|年复合增长率|复合增长率|复合增速)[\s·]*"
                        r"(?:为|约|达|约为)?\s*")
_CAGR_BRACKET = re.compile(r"\s*[（(]\s*(?:CAGR|复合|年均)")


def _cagr_readings(dated: list[tuple[Framed, tuple[int, str]]], window: tuple[int, int] | None,
                   t: Tok) -> tuple[list[tuple[str, Interval]], list[Tok]]:
    readings: list[tuple[str, Interval]] = []
    inputs: list[Tok] = []
    for i, (a, ka) in enumerate(dated):
        for b, kb in dated[i + 1:]:
            n = kb[0] - ka[0]
            if n <= 0 or a.tok.cunit != b.tok.cunit or window and (ka[0], kb[0]) != window:
                continue
            g = ((b.tok.interval() / a.tok.interval()).pow(1 / n) - Interval(1, 1)).scale(100)
            readings.append((f"({b.tok.text}/{a.tok.text})^(1/{n}) - 1 = {t.text}", g))
            inputs = inputs or [a.tok, b.tok]
    return readings, inputs


def _cagr_dated(sec: Para, fs: list[Framed], k: int) -> Check | None:
    """"2025 年 223 亿元，2030 年 4147 亿元（CAGR 79.7%）", "2019 年 28 亿元→2024 年 263 亿元，年复合增长率
    56.6%": levels dated by year in the CAGR's sentence, of one unit. With a span written for the
    CAGR only the pairs of its years are read. Market studies often quote a CAGR over another
    window than the levels they print, so a fit confirms and no fit proves nothing."""
    c = fs[k]
    t = c.tok
    read = [(x, _near_level(sec, x)) for x in fs[:k] if x.tok.sent == t.sent]
    dated = [(y, key) for x, y in read if is_level(y)
             and (key := period_key(x.period)) is not None and key[1] in ("Y", "E", "A")]
    if any(y is not x for x, y in read if is_level(y)):
        # "2024 年接近 1720 亿美元，预计 2032 年达 3549 亿美元，CAGR 约 9.5%" (44): a level written 接近 is
        # read loosely, and the CAGR it gives confirms only
        chk = _cagr_dated_of(sec, fs, k, dated)
        return hedge(sec, chk, "a level is written as 接近 it") if chk is not None else None
    return _cagr_dated_of(sec, fs, k, dated)


_NEAR = re.compile(r"(?:接近|将近|近)\s*$")


def _near_level(sec: Para, x: Framed) -> Framed:
    """A level written 接近/将近/近 X (a bound by its words) read as about X; any other figure as it is."""
    if not x.tok.bound or not _NEAR.search(chars_before(sec.raw[x.tok.sent], x.tok.fig.start, 3)):
        return x
    return replace(x, tok=Tok(x.tok.fig, x.tok.sent, approx=True, bound=False))


def _cagr_dated_of(sec: Para, fs: list[Framed], k: int, dated: list[tuple[Framed, tuple[int, str]]]) -> Check | None:
    c = fs[k]
    t = c.tok
    spans = list(YEAR_SPAN.finditer(sec.raw[t.sent][:t.fig.start]))
    window: tuple[int, int] | None = None
    if spans:
        window = span_years(spans[-1])
    written = cagr_years(chars_before(sec.raw[t.sent], t.fig.start, 20)) if window is None and dated else None
    if written is not None:
        # "2025 年 2.61 万台，2030 年 104 万台，2035 年 400.5 万台（CAGR-10=30%）" (105): the count the CAGR
        # names ends at the last dated level and starts that many years before it, both written
        end, (y1, _) = dated[-1]
        firsts = [(x, key) for x, key in dated if key[0] == y1 - written and x.tok.cunit == end.tok.cunit]
        if len(firsts) == 1 and firsts[0][0].tok.interval().lo > 0 and end.tok.interval().lo > 0:
            readings, inputs = _cagr_readings([firsts[0], dated[-1]], None, t)
            return judge(sec, "cagr", t, inputs, readings, magnitude=False)
    readings, inputs = _cagr_readings(dated, window, t)
    if not readings and window is not None:
        # "2024 年市场规模 510 亿元。预计 2029 年市场规模达 775 亿元，2024-2029 年 CAGR 预计为 8.7%": the
        # span's first level in an earlier sentence of the paragraph
        earlier = [(x, key) for x in fs[:k] if x.paragraph == c.paragraph and is_level(x)
                   and (key := period_key(x.period)) is not None and key[1] in ("Y", "E", "A")]
        readings, inputs = _cagr_readings(earlier, window, t)
        if readings:
            return hedge(sec, judge(sec, "cagr", t, inputs, readings, magnitude=False),
                         "the span's levels are found by their years in the paragraph")
    if not readings and window is None and dated:
        # "2024 年全球汽车行业镁合金需求 57 万吨。预计 2027 年汽车镁需求达 135 万吨，CAGR 34%": the
        # CAGR's own dated level and the nearest earlier one of its unit and metric in the paragraph
        end, (y1, _) = dated[-1]
        earlier = [(x, key) for x in fs[:k] if x.paragraph == c.paragraph and x.tok.sent < t.sent
                   and x.tok.cunit == end.tok.cunit and is_level(x) and common_metric(x.metric, end.metric)
                   and (key := period_key(x.period)) is not None and key[1] in ("Y", "E", "A") and key[0] < y1]
        start = earlier[-1][0].tok.interval() if earlier else None
        # (a level above the end is no start of a positive CAGR: another measure of the metric)
        if start is not None and end.tok.interval().lo > 0 and start.lo > 0 \
                and ((t.fig.value or 0) <= 0 or end.tok.interval().hi > start.lo):
            readings, inputs = _cagr_readings([earlier[-1], dated[-1]], None, t)
            return hedge(sec, judge(sec, "cagr", t, inputs, readings, magnitude=False),
                         "the CAGR's first level is found by its metric and year in an earlier sentence")
    if not readings:
        return None
    chk = judge(sec, "cagr", t, inputs, readings, magnitude=False)
    # "2024 年…1.24 亿只（+2.1%），预计 2030 年达 1.36 亿只（CAGR1.3%）": two dated levels only (no
    # third of their unit: "2961/2020 元…达 3434 元" may average the pair), the CAGR in the later
    # one's own bracket: its window is theirs
    raw = sec.raw[t.sent]
    same_unit = [x for x in fs if x.tok.sent == t.sent and x.tok.cunit == dated[0][0].tok.cunit]
    # "2961/2020 元": a level written as the last of a "/"-list is one of several
    listed = any(re.search(r"/\s*$", chars_before(raw, x.tok.fig.start, 3)) for x, _ in dated)
    own_bracket = len(dated) == 2 and len(same_unit) == 2 and not listed and len(readings) == 1 and not spans \
        and k >= 1 \
        and fs[k - 1] is dated[1][0] and (_CAGR_BRACKET.match(raw, fs[k - 1].tok.fig.end, t.fig.start) is not None
                                          # "2025 年 103 亿元，2028 年 387 亿元，CAGR 58%" (79): the CAGR's clause
                                          # right after the later level, naming nothing else
                                          or _CAGR_NEXT.fullmatch(raw, fs[k - 1].tok.fig.end, t.fig.start) is not None)
    if own_bracket:
        return chk
    return hedge(sec, chk, "the dated levels may span another window than the CAGR")
