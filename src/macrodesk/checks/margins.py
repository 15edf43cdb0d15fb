"""A net margin and its 同比 change in a sector or company earnings review, from the profit and
revenue of the margin's period written elsewhere in its heading section: "2025H1 传媒板块整体营业
收入 2728.86 亿元，同比增长 2.91%…；归母净利润 222.74 亿元，…提升至 38.08%" and, two paragraphs
on, "归母净利率 8.16%，同比提升 2.08pct" (8.16% = 222.74 / 2728.86; last year's margin is an
unstated intermediate, (222.74/1.3808) / (2728.86/1.0291) = 6.08%, so the change is derived)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import SEGMENT_NAMED
from macrodesk.checks.intervals import (
    RESTATED,
    Interval,
    figure_interval,
    ratio_change,
    signed_interval,
)
from macrodesk.checks.judging import Check, Verdict, fmt
from macrodesk.checks.level_growths import LIST_JOIN
from macrodesk.checks.quarters import Level, is_base_date, item_bases, period_of, read_levels
from macrodesk.checks.sentence import DOWN
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_after, chars_before

# a net margin's name and the profit it is on ("扣非后归母净利率" is on 扣非归母净利润)
_NET_MARGIN = re.compile(r"(扣非后?)?(归母)?(?:销售)?净利率")
# a clause about the margin ends at a stop or where another ratio is named ("；销售费用率…")
_SEGMENT_END = re.compile(r"[；;。]|[\u4e00-\u9fa5]{1,6}(?:费用率|毛利率|净利率)")
_CLAUSE_END = re.compile(r"[，,]")
_ANOTHER_MEASURE = re.compile(r"\s*(?!同比|环比|较|分别|其中|增|降|提|下|上|减)[\u4e00-\u9fa5]{2,8}(?:同比|环比|同增|同降|增长|下降|为|达|至|[+\-])")
_YOY = re.compile(r"同比|较上年同期|较去年同期")
_QOQ = re.compile(r"环比")
_FALL = re.compile(f"(?:{DOWN})")
# words before a margin that make it another subject's than the section's levels
_OTHER_SUBJECT = re.compile(r"其中|业务|分部|海外|国内|境外|境内|行业|平均|可比|同行|龙头|剔除|扣除|不含|除")
_REVENUE = ("营业收入", "营业总收入")  # 营收 is read as 营业收入 (quarters._SAME_METRIC)


@dataclass(frozen=True)
class _Margin:
    fig: Figure
    profit: str  # the level metric it is on: 归母净利润, 扣非归母净利润, 净利润
    year: str
    part: str
    section: int  # the ordinal of the heading above it
    sentence: Sentence
    changes: list[tuple[Figure, str]]  # its changes in points with the words before each
    # no words before it name a part or a peer of the section's subject ("其中海外业务净利率")
    own: bool


def _amount(f: Figure) -> Interval:
    """A level in base units, so 8.7 万亿元 and 1689 亿元 divide."""
    return figure_interval(f).scale(f.scale)


def _margins(article: Article) -> tuple[list[_Margin], dict[str, int]]:
    """Every net margin level written with its period (its own date, else the period in force in
    its paragraph), and the heading ordinal of every sentence."""
    out: list[_Margin] = []
    section_of: dict[str, int] = {}
    period: dict[int, tuple[str, str]] = {}
    year = ""  # the year last written in the section: "上半年" alone is of it
    section = 0
    for s in article.sentences:
        if s.kind == "heading":
            section += 1
            year = ""
        section_of[s.id] = section
        if s.kind not in ("prose", "list"):
            continue
        for m in _NET_MARGIN.finditer(s.text):
            end = _SEGMENT_END.search(s.text, m.end())
            stop = end.start() if end else len(s.text)
            figs = [f for f in s.figures if m.end() <= f.start < stop and not f.is_range]
            levels = [f for f in figs if f.kind == FigureKind.PERCENT and f.value is not None]
            if len(levels) > 1 and levels[0].text.lstrip()[:1] not in "+-−－" \
                    and (comma := _CLAUSE_END.search(s.text, levels[0].end, stop)) is not None \
                    and _ANOTHER_MEASURE.match(s.text, comma.end()):
                # "归母净利率同降8.55pcts至4.45%，存货同增56.59%至11.70亿元": a clause naming another
                # measure after the margin's level is no more of the margin
                levels = [f for f in levels if f.start < comma.start()]
            changes = [(f, s.text[m.end():f.start]) for f in figs if f.kind == FigureKind.POINTS]
            if len(levels) > 1 and (listed := _listed(s, m, figs)) is not None:
                levels, changes = listed
            if len(levels) != 1:
                continue
            p = _subject_period(s, m.start(), year) or period.get(s.paragraph)
            if p is None:
                continue
            profit = ("扣非归母净利润" if m.group(1) else "归母净利润" if m.group(2) else "净利润")
            named = re.split(r"[，,；;。：:]", s.text[:m.start()])[-1]
            out.append(_Margin(levels[0], profit, p[0], p[1], section, s, changes,
                               not _OTHER_SUBJECT.search(named)))
        if (p := _subject_period(s, len(s.text), year)) is not None:
            period[s.paragraph] = p
            year = p[0]
    return out, section_of


_NAME_SEP = re.compile(r"\s*(?:/|、|和|及|与)\s*")
_TO_LIST = re.compile(r"^\s*(?:分别)?\s*(?:为|是|达到?|约)?\s*(?:分别)?\s*$")


def _run(s: Sentence, figs: list[Figure], kind: FigureKind, first: int) -> list[Figure]:
    """The figures of `kind` joined by / 、 和 from index `first` on."""
    run = [figs[first]]
    for f in figs[first + 1:]:
        if f.kind != kind or not LIST_JOIN.match(s.text[run[-1].end:f.start]):
            break
        run.append(f)
    return run


def _listed(s: Sentence, m: re.Match[str], figs: list[Figure]) -> tuple[list[Figure], list[tuple[Figure, str]]] | None:
    """The margin's level (and change) when it is named last of a list of ratios and its value is
    the same place of the list after them: "销售毛利率和净利率分别为75.21%/20.95%，同比分别-0.80pct/-0.53pct"."""
    start = max(s.text.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
    names = _NAME_SEP.split(s.text[start:m.end()].strip())
    if len(names) < 2 or not all(names) or not figs or figs[0].kind != FigureKind.PERCENT \
            or not _TO_LIST.match(s.text[m.end():figs[0].start]):
        return None
    values = _run(s, figs, FigureKind.PERCENT, 0)
    if len(values) != len(names):
        return None
    k = len(values)
    changes: list[tuple[Figure, str]] = []
    if k < len(figs) and figs[k].kind == FigureKind.POINTS:
        moves = _run(s, figs, FigureKind.POINTS, k)
        if len(moves) == len(names):
            changes = [(moves[-1], s.text[m.end():moves[0].start])]
    return [values[-1]], changes


def _subject_period(s: Sentence, before: int, year: str) -> tuple[str, str] | None:
    """The last period written before offset `before` that the figures are of: not a base of
    comparison ("较 2024H1 的", "由 2024H1 的 - 33.43%")."""
    found = None
    for d in s.figures:
        if d.kind != FigureKind.DATE or d.end > before or is_base_date(s.text, d):
            continue
        if (p := period_of(d.text)) and (p[0] or year):
            found = (p[0] or year, p[1])
    return found


def _one(xs: list[Level]) -> Level | None:
    """The level when every candidate is the same figure (a summary may restate it)."""
    return xs[0] if xs and len({x.fig.value for x in xs}) == 1 else None


def find_section_margins(article: Article) -> list[Check]:
    """Each net margin whose profit and revenue of its period are the only ones of their metric in
    its heading section (certain), and its 同比 change from their growths (derived, confirm-only:
    last year's margin the author subtracts may come from another sample of companies)."""
    if "净利率" not in article.text:  # what _NET_MARGIN needs, without its optional groups' scan
        return []
    margins, section_of = _margins(article)
    if not margins:
        return []
    levels = read_levels(article)
    order = {s.id: i for i, s in enumerate(article.sentences)}
    out: list[Check] = []
    for mg in margins:
        # profits and revenues are amounts of money ("归母净利润增速在 31 个…子行业中" is no level)
        section = [(lv, g) for lv, g in levels if section_of.get(lv.sentence.id) == mg.section
                   and lv.fig.kind == FigureKind.MONEY]
        here = [(lv, g) for lv, g in section if lv.year == mg.year and lv.part == mg.part]
        profit = _one([lv for lv, _ in here if lv.metric == mg.profit])
        # a bare 净利率 beside only the 归母 profit is on that profit as analysts mostly write it,
        # but may be on the total profit (minority interests): a misfit proves nothing. A fit
        # settles the basis, so the change derived from it (checks/ratio_changes.py) may refute
        on_parent = profit is None and mg.profit == "净利润" and not any(lv.metric == "净利润" for lv, _ in here)
        if on_parent:
            profit = _one([lv for lv, _ in here if lv.metric == "归母净利润"])
        revenue = _one([lv for lv, _ in here if lv.metric == _REVENUE[0]]) \
            or _one([lv for lv, _ in here if lv.metric == _REVENUE[1]])
        if profit is None or revenue is None or revenue.fig.value is None or revenue.fig.value <= 0:
            continue
        now = (_amount(profit.fig) / _amount(revenue.fig)).scale(100)
        level = _level_check(mg, profit, revenue, now)
        if level.verdict == "inconsistent" and (on_parent or not mg.own or _another_pair_fits(mg, section)
                                                or profit.inferred or revenue.inferred
                                                or (mg.fig.value or 0) > 0 > (profit.fig.value or 0)
                                                # a segment's pair ("环保业务实现营业收入5781万元…净利润1979万元"
                                                # beside the company's 净利率 28.5%, cfg455), or a market's revenue,
                                                # unless the margin names it
                                                or any(SEGMENT_NAMED.search(x.entity) and x.entity not in mg.sentence.text
                                                       for x in (profit, revenue))
                                                or any(order[x.sentence.id] > order[mg.sentence.id]
                                                       for x in (profit, revenue))):
            # the margin may be of another period or subject of the section than read (a positive
            # margin is no ratio of a loss: cfr194's 净利率 20% beside a subsidiary's losses); a
            # profit or revenue written only after the margin is a later subject's (cfb169: the
            # company's 净利率 9.43% before 晨光科技's revenue and 科力普's 净利润, paragraphs on)
            continue
        if on_parent:
            level.note = "a bare 净利率 read on the only 归母净利润 and revenue of that period in its section"
        out.append(level)
        if level.verdict == "consistent":
            growths = {id(lv): g for lv, g in here}
            out.extend(_change_checks(mg, profit, revenue, now, growths[id(profit)], growths[id(revenue)],
                                      section))
    for chk in out:
        chk.article = article.label
    return out


def _another_pair_fits(mg: _Margin, here: list[tuple[Level, list[tuple[Figure, str]]]]) -> bool:
    """Some profit and revenue of the section, of any period, give the stated margin."""
    stated = figure_interval(mg.fig, result=True)
    pool = [lv for lv in {id(lv): lv for lv, _ in here}.values()]
    return any(p.metric.endswith("净利润") and r.metric in _REVENUE and (r.fig.value or 0) > 0
               and (_amount(p.fig) / _amount(r.fig)).scale(100).overlaps(stated) for p in pool for r in pool)


def _level_check(mg: _Margin, profit: Level, revenue: Level, now: Interval) -> Check:
    stated = figure_interval(mg.fig, result=True)
    fits = now.overlaps(stated)
    verdict: Verdict = "consistent" if fits else "inconsistent"
    return Check(
        verdict=verdict, kind="ratio", stated=mg.fig.text, computed=f"{now.mid:.3f}",
        computed_low=now.lo, computed_high=now.hi, gap=None if fits else now.distance(stated),
        inputs=[profit.fig.text, revenue.fig.text],
        relation=f"{profit.fig.text} / {revenue.fig.text} = {mg.fig.text}",
        note="the only profit and revenue of that period in its section",
        sentence=mg.sentence.text, sentence_id=mg.sentence.id, paragraph=mg.sentence.paragraph,
        input_sentences=[profit.sentence.text, revenue.sentence.text])


def _yoy_growth(lv: Level, growths: list[tuple[Figure, str]]) -> Interval | None:
    """The level's 同比 growth as a signed percent: "同比增加 23.78%", "（+11.50%）"."""
    found = [signed_interval(f, b) for i, (f, b) in enumerate(growths)
             if f.kind == FigureKind.PERCENT and f.value is not None
             and (_YOY.search(b[-8:]) or i == 0 and b.rstrip().endswith(("（", "(")))]
    if not found and growths and re.search(r"同比增速由", lv.sentence.text[lv.fig.end:growths[0][0].start]):
        # "同比增速由 2024H1 的 - 33.43% 提升至 38.08%": this year's growth is the one after 至
        found = [figure_interval(f) for f, b in growths[1:2] if re.search(r"至\s*$", b)]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class _Prior:
    """The earlier margin a change is measured from, how it was derived, and whether it is certain."""

    value: Interval
    formula: str
    inputs: list[Level]
    certain: bool
    # the change itself when the earlier margin is this one times a factor of growths
    # (intervals.ratio_change: the margin read once, as its rounding moves both margins alike)
    change: Interval | None = None


def _change_checks(mg: _Margin, profit: Level, revenue: Level, now: Interval,
                   gp: list[tuple[Figure, str]], gr: list[tuple[Figure, str]],
                   section: list[tuple[Level, list[tuple[Figure, str]]]]) -> list[Check]:
    out: list[Check] = []
    # the words between each change and the one before it ("、" in a list)
    gaps = [(c, b if k == 0 else mg.sentence.text[mg.changes[k - 1][0].end:c.start])
            for k, (c, b) in enumerate(mg.changes)]
    for (c, before), (basis_of, words, listed) in zip(mg.changes, item_bases(gaps), strict=True):
        # in "同比、环比分别下滑2.31pct、0.66pct" each item's basis is its place in the list, its verb the list's
        before = words if listed else before
        if re.search(r"较(?!上年同期|去年同期)", before):
            continue  # "较年初", "较 2023 年": another base
        qoq = basis_of == "环比" if listed else bool(_QOQ.search(before))
        prior = _last_quarter(mg, profit, revenue, section) if qoq \
            else _last_year(profit, revenue, now, gp, gr)
        if prior is None:
            continue
        computed = prior.change if prior.change is not None else now - prior.value
        stated = figure_interval(c, result=True)
        if _FALL.search(before[-6:]) and (c.value or 0) > 0:
            stated = -stated
        # (a change from the growths: last year's base may since have been restated, as in
        # ratio_changes; the quarter before, derived from the half, is an identity)
        if prior.change is not None:
            slack = RESTATED * abs(prior.value.hi)
            computed = Interval(computed.lo - slack, computed.hi + slack)
        fits = computed.overlaps(stated)
        basis = "环比" if qoq else "同比" if _YOY.search(before) else "unwritten basis, read as 同比"
        label = "上期净利率" if qoq else "上年净利率"
        verdict: Verdict = "consistent" if fits else "inconsistent" if prior.certain else "unverifiable"
        out.append(Check(
            verdict=verdict, kind="change", stated=c.text,
            computed=f"{computed.mid:.3f}" if verdict != "unverifiable" else "", computed_low=computed.lo,
            computed_high=computed.hi, gap=None if verdict != "inconsistent" else computed.distance(stated),
            inputs=[x.fig.text for x in prior.inputs],
            relation=(f"{profit.fig.text}/{revenue.fig.text} - {label} {fmt(prior.value.mid)}% = {c.text} "
                      f"({label} = {prior.formula}, unstated; {basis})"),
            note="" if verdict != "unverifiable" else "the earlier margin is derived from the growths: a mismatch proves nothing",
            sentence=mg.sentence.text, sentence_id=mg.sentence.id, paragraph=mg.sentence.paragraph,
            derived=True, input_sentences=list(dict.fromkeys(x.sentence.text for x in prior.inputs)),
            refutable=prior.certain))
    return out


def _last_year(profit: Level, revenue: Level, now: Interval,
               gp: list[tuple[Figure, str]], gr: list[tuple[Figure, str]]) -> _Prior | None:
    """Last year's margin: (P/(1+gP)) / (R/(1+gR)), or P0 / (R/(1+gR)) with last year's profit
    written as a level ("归母净利润 - 6.19 亿元，较 2024Q2 的 4.24 亿元亏损进一步扩大"). Confirm-only:
    the margin the author subtracts may be last year's reported one, of another sample of companies."""
    one = Interval(1, 1)
    g_rev = _yoy_growth(revenue, gr)
    if g_rev is None:
        return None
    fr = one + g_rev.scale(0.01)
    if fr.lo <= 0:
        return None
    g_profit = _yoy_growth(profit, gp)
    if g_profit is not None and (profit.fig.value or 0) > 0 and (fp := one + g_profit.scale(0.01)).lo > 0:
        return _Prior(now * fr / fp, f"({profit.fig.text}/(1{_signed(fp)}))/({revenue.fig.text}/(1{_signed(fr)}))",
                      [profit, revenue], False, ratio_change(now, g_profit.scale(0.01), g_rev.scale(0.01)))
    earlier = _stated_earlier(profit, str(int(profit.year) - 1), profit.part)
    if earlier is None:
        return None
    fig, value = earlier
    written = fig.text if value.mid * (fig.value or 0) >= 0 else f"(-{fig.text} 亏损)"
    return _Prior((value / (_amount(revenue.fig) / fr)).scale(100),
                  f"{written}/({revenue.fig.text}/(1{_signed(fr)}))", [profit, revenue], False)


def _operand(f: Figure) -> str:
    """A figure as a subtrahend: "(- 6.19 亿元)" when it is negative."""
    return f"({f.text})" if (f.value or 0) < 0 else f.text


_BEFORE_QUARTER = {"Q2": "Q1", "Q4": "Q3"}
_HALF = {"Q2": "H1", "Q4": "H2"}


def _last_quarter(mg: _Margin, profit: Level, revenue: Level,
                  section: list[tuple[Level, list[tuple[Figure, str]]]]) -> _Prior | None:
    """Last quarter's margin of a second (fourth) quarter: (H1 profit − Q2 profit) / (H1 revenue −
    Q2 revenue), both halves the only ones of their metric in the section — identities of the
    reported figures, so certain."""
    half = _HALF.get(mg.part)
    if half is None:
        return None
    halves = [lv for lv, _ in section if lv.year == mg.year and lv.part == half]
    hp = _one([lv for lv in halves if lv.metric == profit.metric])
    hr = _one([lv for lv in halves if lv.metric == revenue.metric])
    if hp is None or hr is None:
        return None
    first_r = _amount(hr.fig) - _amount(revenue.fig)
    if first_r.lo <= 0:
        return None
    first = ((_amount(hp.fig) - _amount(profit.fig)) / first_r).scale(100)
    q = _BEFORE_QUARTER[mg.part]
    return _Prior(first, f"({hp.fig.text} - {_operand(profit.fig)})/({hr.fig.text} - {revenue.fig.text}), "
                  f"{mg.year}{q} = {mg.year}{half} - {mg.year}{mg.part}", [hp, profit, hr, revenue], True)


_EARLIER_AT = re.compile(r"(?:较|同比)\s*$")
_AMOUNTS_JOIN = re.compile(r"\s*(?:和|、|及|与)\s*")


def _stated_earlier(profit: Level, year: str, part: str) -> tuple[Figure, Interval] | None:
    """The profit of an earlier period written after the level: "归母净利润 - 8.15 亿元，扣非后归母
    净利润 - 12.34 亿元，较 2024H1 的 - 6.81 亿元和 - 11.65 亿元亏损进一步扩大" pairs by position;
    a positive amount followed by 亏损 is a loss."""
    s = profit.sentence
    figs = [f for f in s.figures if f.start >= profit.fig.start]
    for i, d in enumerate(figs):
        if d.kind != FigureKind.DATE or not _EARLIER_AT.search(chars_before(s.text, d.start, 4)) \
                or period_of(d.text) != (year, part) or not chars_after(s.text, d.end, 3).strip().startswith("的"):
            continue
        mine = [f for f in figs[:i] if f.kind == FigureKind.MONEY]
        theirs: list[Figure] = []
        for f in figs[i + 1:]:
            gap = s.text[(theirs[-1].end if theirs else d.end):f.start]
            if f.kind != FigureKind.MONEY or not re.fullmatch(r"\s*的\s*" if not theirs else _AMOUNTS_JOIN.pattern, gap):
                break
            theirs.append(f)
        if not mine or len(theirs) != len(mine) or mine[0] is not profit.fig:
            return None
        fig = theirs[0]
        value = _amount(fig)
        if re.match(r"\s*(?:的)?\s*亏损", s.text[theirs[-1].end:]) and (fig.value or 0) > 0:
            value = -value
        return fig, value
    return None


def _signed(factor: Interval) -> str:
    """"+38.08%" of a factor 1.3808."""
    g = (factor.mid - 1) * 100
    return f"{'+' if g >= 0 else '-'}{fmt(abs(g))}%"
