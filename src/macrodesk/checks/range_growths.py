"""A growth written as a range right after a level written as a range, as earnings
pre-announcements write them: "预告2022年归母净利润291.0亿元~315.0亿元，同增82.7%~97.7%". Both ends
grow from one base (last year's level, or last quarter's for 环比), so the base the lower end gives,
A / (1 + g_A), is an unstated intermediate (derived) and the upper end's growth follows: B / base − 1.
When the notice writes that base ("与上年同期的1.98亿元相比", "去年同期亏损42.75亿元", "以…1.49亿元为基数"),
each end is judged against it (find_based_ranges)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

_UP = r"增长|增加|提升|上升|提高|上涨|增|升|涨"
_DOWN = r"下降|下滑|减少|回落|降低|下跌|降|减|跌"
# only growth words between the levels and the rates: "，同增", "（同比增长 ", "，同比增加", "，环比增加"
# ("同比去年增长 22.88%-39.64%", "同比变化区间为-7.1%~-0.3%": the base named, a change word with 区间)
_LEAD = re.compile(rf"^\s*[，,（(]?\s*(?:同比|环比|yoy|YoY|YOY|qoq|QoQ|同(?=增|降|减|升))?\s*(?:去年|上年)?(?:同期)?\s*"
                   rf"(?:({_UP})|({_DOWN})|变化|变动)?\s*(?:区间)?"
                   r"\s*(?:了|约|分别为|为)?\s*[:：]?\s*$")
# the two ends of a range as written: "82.7%~97.7%", "15.00-15.70 亿元", "-20%~-10%"
_ENDS = re.compile(r"^(.*?\d[^\d~～\-－—至到]*?)\s*(?:~|～|-|－|—|至|到)\s*([+\-−]?\s*\d.*)$")
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
_MOVED = re.compile(rf"(?:{_UP}|{_DOWN})\s*(?:了|约)?\s*$")


def _half(part: str) -> float | None:
    """Half a unit of the last digit written in one end of a range."""
    m = _NUMBER.search(part)
    if m is None:
        return None
    return 0.5 * 10 ** -len(m.group(1) or "")


def range_ends(f: Figure) -> list[tuple[Interval, str]] | None:
    """The two ends of a range figure as intervals, each with its text as written."""
    m = _ENDS.match(f.text.strip())
    if m is None or f.value is None or f.high is None:
        return None
    lo_half, hi_half = _half(m.group(1)), _half(m.group(2))
    if lo_half is None or hi_half is None:
        return None
    widen = 3.0 if f.approx else 1.0  # 约: one more unit either side
    return [(Interval(f.value - lo_half * widen, f.value + lo_half * widen), m.group(1).strip()),
            (Interval(f.high - hi_half * widen, f.high + hi_half * widen), m.group(2).strip())]


def range_growth(s: Sentence, raw: str, figs: list[Figure], k: int) -> Check | None:
    """The check of the range growth `figs[k]` of sentence `s` (whose figures' offsets are in
    `raw`) against the range of levels right before it, or None when none stands right before it."""
    f = figs[k]
    before = [x for x in figs[:k] if x.kind != FigureKind.DATE]
    prev = before[-1] if before else None
    if prev is not None and prev.kind == FigureKind.PERCENT and prev.high is not None and len(before) > 1 \
            and _LEAD.match(raw[prev.end:f.start]):
        # "9-11亿元，同比增加765.24%-957.52%，环比增加188.2%-252.2%": each basis against the levels
        f_lead_start, prev = prev.end, before[-2]
    else:
        f_lead_start = -1
    if prev is None or prev.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or prev.high is None:
        return None
    if _MOVED.search(raw, 0, prev.start):
        return None  # "较上周持平或下跌 50-100 元 / 吨，幅度 0.44%-0.91%": the range is a move, not levels
    lead = _LEAD.match(raw[f_lead_start:f.start] if f_lead_start >= 0 else raw[prev.end:f.start])
    if f_lead_start >= 0 and not _LEAD.match(raw[prev.end:before[-1].start]):
        return None
    levels, rates = range_ends(prev), range_ends(f)
    if lead is None or levels is None or rates is None or levels[0][0].lo <= 0 or levels[0][0].hi >= levels[1][0].lo:
        return None
    if lead.group(2) and f.text.strip()[:1] not in "+-−－" and (f.value or 0) >= 0:
        rates = [(-iv, text) for iv, text in rates]  # "同比下降 10%-20%"
    if rates[0][1][:1] in "-−－" and rates[1][1][:1] not in "+-−－":
        # "215-255GW（同比 - 8~23%）": the sign may be the whole range's (−8% to −23%) or the lower
        # end's alone; which one is not written
        return None
    # the higher level grew the more from the one base: the ends pair in order
    (g_lo, t_lo), (g_hi, t_hi) = sorted(rates, key=lambda r: r[0].mid)
    one = Interval(1, 1)
    if (one + g_lo.scale(0.01)).lo <= 0:
        return None
    (a, a_text), (b, b_text) = levels
    base = a / (one + g_lo.scale(0.01))
    got = (b / base - one).scale(100)
    # whole-number rates ("200-220GW，同比增长 30%-40%") are a forecast's round ends, not each
    # computed from one base: a fit confirms, a miss proves nothing
    rough = not all("." in text for _, text in rates)
    if rough and not got.overlaps(g_hi):
        return None
    shown = ("-" if g_hi.mid < 0 and not t_hi.startswith(("-", "−")) else "") + t_hi  # "下降 10%" is -10%
    chk = interval_check(
        got, g_hi, kind="growth", stated=t_hi, derived=True, inputs=[a_text, t_lo, b_text],
        relation=(f"{b_text} / {fmt(base.mid)} - 1 = {shown} (last period's level {fmt(base.mid)} derived from "
                  f"the lower end, {a_text} / (1 {'-' if g_lo.mid < 0 else '+'} {fmt(abs(g_lo.mid))}%): both ends "
                  f"grow from one base)"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text, s.text])
    chk.refutable = not rough
    return chk


# the change of a range of levels written as a range of amounts, then its rates (the exchanges'
# earnings pre-announcement: "归母净利润46,084万元到50,150万元，与上年同期相比，将增加18,976万元到
# 23,042万元，同比增加70%到85%")
# ("约为1.55亿元到1.75亿元之间，与上年同期相比，将增加约5959万元到7959万元": 之间 closes the levels)
# ("与2020年度相比", "与上年同期（法定披露数据）相比": the base named in its own words)
_CHANGE_LEAD = re.compile(rf"^\s*(?:之间)?\s*[，,]\s*(?:与[^，,。；;]{{0,24}}?相比|较上年同期|同比)\s*[，,]?\s*(?:将|预计)?\s*"
                          rf"(?:({_UP})|({_DOWN}))\s*(?:了|约)?\s*$")


def change_range_growths(s: Sentence, raw: str, figs: list[Figure], k: int) -> list[Check]:
    """A range of rates after a range of levels and the range of their change in amounts: each
    rate is its change over last year's level, the level less the change (derived), and both ends
    of the levels come from that one level: the upper change is the upper level less it."""
    f = figs[k]
    before = [x for x in figs[:k] if x.kind != FigureKind.DATE]
    if len(before) < 2:
        return []
    levels_fig, changes_fig = before[-2], before[-1]
    if not (levels_fig.kind == changes_fig.kind and levels_fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)
            and levels_fig.high is not None and changes_fig.high is not None):
        return []
    verb = _CHANGE_LEAD.match(raw[levels_fig.end:changes_fig.start])
    lead = _LEAD.match(raw[changes_fig.end:f.start])
    levels, changes, rates = range_ends(levels_fig), range_ends(changes_fig), range_ends(f)
    if verb is None or lead is None or levels is None or changes is None or rates is None:
        return []
    sign = -1.0 if verb.group(2) else 1.0
    if (lead.group(2) or verb.group(2)) and f.text.strip()[:1] not in "+-−－" and (f.value or 0) >= 0:
        rates = [(-iv, text) for iv, text in rates]
    # levels and changes in the levels' unit ("1.55亿元到1.75亿元", "5959万元到7959万元")
    ratio = (changes_fig.scale or 1.0) / (levels_fig.scale or 1.0)
    (a, a_text), (b, b_text) = levels
    (da, da_text), (db, db_text) = ((iv.scale(sign * ratio), text) for iv, text in changes)
    base_lo, base_hi = a - da, b - db
    if base_lo.lo <= 0 or base_hi.lo <= 0:
        return []
    rough = not all("." in text for _, text in rates)
    out: list[Check] = []
    for change, base, level_text, change_text, (rate, rate_text) in (
            (da, base_lo, a_text, da_text, rates[0]), (db, base_hi, b_text, db_text, rates[1])):
        got = (change / base).scale(100)
        if rough and not got.overlaps(rate):
            continue  # whole-number rates are the announcement's rounding: a miss proves nothing
        chk = interval_check(
            got, rate, kind="growth", stated=rate_text, derived=True, inputs=[change_text, level_text],
            relation=(f"{change_text} / ({level_text} - {change_text}) = {rate_text} (last year's level, "
                      f"{fmt(base.mid)}, is the level less its change)"),
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
        chk.refutable = not rough
        out.append(chk)
    # both ends from one base: the upper change is the upper level less the lower level's base
    got = (b - base_lo).scale(1 / ratio)
    chk = interval_check(
        got.scale(sign), db.scale(sign / ratio), kind="change", stated=db_text, derived=True,
        inputs=[b_text, a_text, da_text],
        relation=f"{b_text} - ({a_text} - {da_text}) = {db_text} (one base for both ends: last year's level)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text, s.text])
    out.append(chk)
    return out


# "净利润为8000万（+72.62%）至9000万（+94.19%）": each end of a forecast's range written with its own
# growth in a bracket after it
_OPEN = re.compile(r"^\s*[（(]\s*(?:同比|yoy|YoY|YOY)?\s*(?:增长|增加|下降|减少)?\s*$")
_TO_NEXT = re.compile(r"^\s*[)）]\s*(?:至|到|~|～|-|－|—)\s*$")


def find_bracketed_ranges(article: Article) -> list[Check]:
    """The upper end's growth of a range whose ends each carry a bracketed growth: both ends grow
    from one base, A / (1 + g_A), an unstated intermediate (derived)."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or ("（" not in s.text and "(" not in s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k in range(3, len(figs)):
            a, ga, b, gb = figs[k - 3:k + 1]
            t = s.text
            # ("8000万（…）至9000万": the reader takes the first for money by its words, the second for a bare 万)
            if a.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or b.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    or not (b.unit == a.unit or a.scale == b.scale and FigureKind.QUANTITY in (a.kind, b.kind)
                            and (a.unit if a.kind == FigureKind.QUANTITY else b.unit) in ("万", "亿", "万亿")) \
                    or ga.kind != FigureKind.PERCENT or gb.kind != FigureKind.PERCENT \
                    or not (_OPEN.match(t[a.end:ga.start]) and _TO_NEXT.match(t[ga.end:b.start])
                            and _OPEN.match(t[b.end:gb.start])):
                continue
            one = Interval(1, 1)
            g_lo, g_hi = figure_interval(ga, result=True), figure_interval(gb, result=True)
            lo, hi = figure_interval(a).scale(a.scale or 1.0), figure_interval(b).scale(b.scale or 1.0)
            if lo.lo <= 0 or lo.mid >= hi.mid or (one + g_lo.scale(0.01)).lo <= 0:
                continue
            base = lo / (one + g_lo.scale(0.01))
            got = (hi / base - one).scale(100)
            rough = not ("." in ga.text and "." in gb.text)
            if rough and not got.overlaps(g_hi):
                continue  # whole-number rates are an announcement's rounding: a miss proves nothing
            show = b.scale or 1.0
            chk = interval_check(
                got, g_hi, kind="growth", stated=gb.text, derived=True, inputs=[a.text, ga.text, b.text],
                relation=(f"{b.text} / {fmt(base.mid / show)} - 1 = {gb.text} (last period's level derived from "
                          f"the lower end, {a.text} / (1 {_signed(ga.text)}): both ends grow from one base)"),
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * 3)
            chk.refutable = not rough
            chk.article = article.label
            out.append(chk)
    return out


def _signed(rate: str) -> str:
    """"+72.62%" as written, "72.62%" as "+ 72.62%": the term added to 1."""
    rate = rate.strip()
    return rate if rate[:1] in "+-−－" else f"+ {rate}"


# ---- a range against the base the notice names: "净利润7.5亿元-8.5亿元，与上年同期的1.98亿元相比，将增加5.52亿元-6.52亿元，
# 同比增长278.68%-329.17%" is 7.5 / 1.98 − 1 and 8.5 / 1.98 − 1, 7.5 − 1.98 and 8.5 − 1.98; "净亏损为423亿元至433亿元，
# 去年同期亏损42.75亿元，净亏损同比增长889.47%至912.87%" is the loss's growth
_NEEDS_BASE = re.compile(r"上年|去年|基数")
# last year's level named right before it: "去年同期亏损", "与上年同期的", "上年同期为", "2020年度净利润"
_BASE = re.compile(r"(?:上年同期|去年同期|上年度?|去年)[^，,。；;\d%]{0,24}?(?:的|为|亏损|盈利|实现|净利润|:|：)?\s*(?:约)?\s*$")
_BASE_AFTER = re.compile(r"^\s*(?:为基数|作为基数)")
_BASE_BEFORE = re.compile(r"以[^，,。；;]{0,40}$")
# the words before the rates and the amounts ("同比增长", "比上年同期增长", "将增加约")
_BASED_LEAD = re.compile(r"(?:同比|比上年同期|较上年同期|比上年|较上年|与上年同期相比)?\s*(?:将)?\s*"
                         r"(?P<verb>增长|增加|上升|下降|减少|下滑)\s*(?:了|约|幅度为?|幅度约为?)?\s*$")
_LOSS = re.compile(r"亏损|净亏")
_METRIC = (("kf", re.compile(r"扣非|扣除非经常")), ("rev", re.compile(r"营业收入|营收")),
           ("np", re.compile(r"净利润|净利|盈利|亏损|利润")))
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")


def _metric(words: str) -> str | None:
    return next((key for key, pat in _METRIC if pat.search(words)), None)


def find_based_ranges(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS_BASE):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _NEEDS_BASE.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, g in enumerate(figs):
            if g.kind != FigureKind.PERCENT or not g.is_range or k == 0:
                continue
            lead = _BASED_LEAD.search(s.text[figs[k - 1].end:g.start])
            if lead is not None:
                out.extend(_based(s, figs, k, lead.group("verb") in ("下降", "减少", "下滑")))
    for c in out:
        c.article = article.label
    return out


def _based(s: Sentence, figs: list[Figure], k: int, down: bool) -> list[Check]:
    """The growth range figs[k] against the level range and the named base before it (an amount
    range may stand between), each end judged."""
    g = figs[k]
    amount = base = level = None
    level_lead = base_lead = ""
    asides = [m.span() for m in _ASIDE.finditer(s.text)]
    for j in range(k - 1, -1, -1):
        f = figs[j]
        if any(a < f.start and f.end < b <= g.start for a, b in asides):
            continue  # "（含…39.31%份额的…净利润）": an aside between the level and its growth
        lead = s.text[figs[j - 1].end if j else 0:f.start]
        if f.kind != FigureKind.MONEY:
            return []
        if f.is_range and amount is None and base is None and _BASED_LEAD.search(lead):
            amount = f
        elif not f.is_range and base is None and (
                _BASE.search(lead) or _BASE_AFTER.match(s.text[f.end:]) and _BASE_BEFORE.search(s.text[:f.start])):
            base, base_lead = f, lead
        elif f.is_range:
            level, level_lead = f, s.text[:f.start][-40:]
            break
        else:
            return []
    if base is None and k + 1 < len(figs) and figs[k + 1].kind == FigureKind.MONEY and not figs[k + 1].is_range \
            and _BASE_AFTER.match(s.text[figs[k + 1].end:]) and _BASE_BEFORE.search(s.text[g.end:figs[k + 1].start]):
        base, base_lead = figs[k + 1], s.text[g.end:figs[k + 1].start]  # "…（以…2020年度净利润1.49亿元为基数）"
    if level is None or base is None or base.value is None or base.value <= 0:
        return []
    unit = canonical_unit(level.kind, level.unit)
    if any(x is not None and canonical_unit(x.kind, x.unit) != unit for x in (amount, base)):
        return []
    a, b = _metric(level_lead), _metric(base_lead)
    if a and b and a != b and "np" not in (a, b):
        return []
    if bool(_LOSS.search(level_lead)) != bool(_LOSS.search(base_lead)):
        return []  # a loss against a profit: no growth of one level
    levels, rates = range_ends(level), range_ends(g)
    amounts = range_ends(amount) if amount is not None else None
    if levels is None or rates is None or (amount is not None and amounts is None) or levels[0][0].lo <= 0:
        return []  # (a negative profit: its growth over a profit is no growth of one level)
    sign = -1.0 if down else 1.0
    # all in the levels' unit (亿元), as the notice writes them
    was = figure_interval(base).scale((base.scale or 1.0) / (level.scale or 1.0))
    out: list[Check] = []
    for i, end in enumerate(("low", "high")):
        now, now_text = levels[i]
        rate, rate_text = rates[i]
        out.append(interval_check(
            (now / was - Interval(1, 1)).scale(100), rate.scale(sign), kind="growth", stated=rate_text,
            inputs=[now_text, base.text],
            relation=f"{now_text} / {base.text} - 1 = {'-' if down else ''}{rate_text} (the {end} end over the base named)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text]))
        if amount is not None and amounts is not None:
            change, change_text = amounts[i]
            ratio = (amount.scale or 1.0) / (level.scale or 1.0)
            out.append(interval_check(
                (now - was).scale(1 / ratio), change.scale(sign), kind="change", stated=change_text,
                inputs=[now_text, base.text],
                relation=f"{now_text} - {base.text} = {'-' if down else ''}{change_text} (the {end} end over the base named)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text]))
    return out
