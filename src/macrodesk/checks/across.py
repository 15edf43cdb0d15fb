"""Inputs across sections: a margin, share, total or spread left unverifiable in its own section,
matched by metric and period with figures from elsewhere in the article (`resolve_across`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from macrodesk.checks.framed import (
    DOWN_WORDS,
    FILLER_WORDS,
    MARGIN,
    PER_UNIT,
    Framed,
    basis_of,
    earlier_ratio,
    growth_after,
    judge_signed,
    margin_named,
    one_plus,
    signed_level,
    signed_text,
)
from macrodesk.checks.frames import common_metric, period_key
from macrodesk.checks.intervals import Interval, interval_sum
from macrodesk.checks.judging import Check, fmt, hedge, judge
from macrodesk.checks.sentence import DOWN, PERIOD_ITEM, PERIOD_SEQ, UP, is_points
from macrodesk.checks.tokens import Para, Tok
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.models import FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# ---------------------------------------------------------------- inputs across sections
# A margin, a share or a margin's 同比 change left unverifiable in its own section may have its
# inputs in another section of the article ("### 核心业绩表现" gives 归母净利润 944.6 亿元 and 营收
# 2368.3 亿元, "### 盈利水平" the 归母净利率 39.9%). Article-wide, several figures usually line
# up: a fit confirms the stated figure (refutable: false), a mismatch proves nothing.

_PARA_LABEL = re.compile(r"^[\s*#\d.、]*([\u4e00-\u9fa5A-Za-z]{2,10})[\s*]*[：:]")
_COST = re.compile(r"营业成本|营收成本|销售成本")


@dataclass
class _Across:
    art: Para
    fs: list[Framed]
    labels: dict[int, str]  # paragraph -> the label it opens with ("净利润", "阳光电源")
    heads: dict[str, str]  # sentence id -> the nearest heading above it ("4.1 大族数控")
    by_key: dict[tuple[str, str], Framed]  # (sentence id, figure text) -> its framed figure
    paired: list[Framed]  # figures whose period a list of periods gives by position
    # sentence id -> the headings it stands under, outermost first (their paragraph indices)
    paths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    head_text: dict[int, str] = field(default_factory=dict)  # heading paragraph -> its text
    # the profit/revenue pairs of each period and margin basis (_margin_pairs), read once
    margin_pairs: dict[tuple[str, bool, bool, bool, bool], list[tuple[Framed, Framed, Interval, str]]] = \
        field(default_factory=dict)

    def path(self, x: Framed) -> tuple[int, ...]:
        return self.paths.get(self.art.sentences[x.tok.sent].id, ())

    def label(self, x: Framed) -> str:
        return self.labels.get(x.paragraph, "")

    @functools.cached_property
    def money(self) -> list[Framed]:
        """The positive amounts of money that are values, not bounds: every margin asked of the
        article pairs its profit and revenue among them (read once, not once per margin)."""
        return [x for x in self.fs if x.tok.fig.kind == FigureKind.MONEY and not x.tok.bound
                and x.tok.interval().lo > 0]

    @functools.cached_property
    def yearly(self) -> dict[tuple[tuple[str, str], int], list[Framed]]:
        """The full-year levels of each unit and year, with a 同比 growth after them: the wholes a
        share of the year before may be derived from (read once, not once per share)."""
        out: dict[tuple[tuple[str, str], int], list[Framed]] = {}
        for x in self.fs:
            if x.tok.bound or x.tok.approx or x.tok.fig.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
                continue
            key = period_key(x.period)
            if key is not None and key[1] == "Y" and growth_after(self.fs, x) is not None:
                out.setdefault((x.tok.cunit, key[0]), []).append(x)
        return out

    def words(self, x: Framed) -> str:
        """What a figure measures: its metric and the label of its paragraph ("净利润：…上能电气 0.88 亿元")."""
        return x.metric + "|" + self.label(x)


_REVENUE_WORD = re.compile("收入|营收")


def _across(every: list[Sentence], whole: WholeFrames, levels: dict[int, int] | None = None) -> _Across:
    heads: dict[str, str] = {}
    head = ""
    for s in every:
        if s.kind == "heading":
            head = s.text
        heads[s.id] = head
    # the article's prose read into frames once, shared with the other whole-article finders
    art, fs = whole.art, whole.fs
    sentences = art.sentences
    labels: dict[int, str] = {}
    for s, raw in zip(sentences, art.raw, strict=True):
        if s.paragraph not in labels:
            m = _PARA_LABEL.match(raw)
            labels[s.paragraph] = m.group(1) if m else ""
    keys = {(art.sentences[x.tok.sent].id, x.tok.text): x for x in reversed(fs)}
    paths, head_text = _heading_paths(every, levels or {})
    return _Across(art, fs, labels, heads, keys, _pair_periods(art, fs), paths, head_text)


def _heading_paths(every: list[Sentence], levels: dict[int, int]) -> tuple[dict[str, tuple[int, ...]], dict[int, str]]:
    """The headings every sentence stands under, outermost first: a heading closes the open ones
    of its own depth or deeper (depth unknown: all headings of one depth)."""
    stack: list[tuple[int, int]] = []  # (depth, paragraph)
    paths: dict[str, tuple[int, ...]] = {}
    texts: dict[int, str] = {}
    for s in every:
        if s.kind == "heading":
            depth = levels.get(s.paragraph, 1)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            stack.append((depth, s.paragraph))
            texts[s.paragraph] = s.text
        paths[s.id] = tuple(p for _, p in stack)
    return paths, texts



def _pair_periods(art: Para, fs: list[Framed]) -> list[Framed]:
    """"2024Q1、2025Q1 营收分别达 713.99 亿元、767.27 亿元", "2024&2025Q1 …归母净利率为 16.35%、
    14.49%": a list of periods and the list of figures after it pair by position; each figure
    takes its own period."""
    by_sent: dict[int, list[Framed]] = {}
    runs: list[Framed] = []
    for x in fs:
        by_sent.setdefault(x.tok.sent, []).append(x)
    for si, xs in by_sent.items():
        raw = art.raw[si]
        for m in PERIOD_SEQ.finditer(raw):
            periods = re.findall(PERIOD_ITEM, m.group(0))
            after = [x for x in xs if x.tok.fig.start > m.end()]
            if len(after) < len(periods) or re.search("[，,。；;]", raw[m.end():after[0].tok.fig.start]) and \
                    "分别" not in raw[m.end():after[0].tok.fig.start]:
                continue
            run = after[:len(periods)]
            if any(not re.fullmatch(r"\s*[、/]\s*", y.lead) for y in run[1:]) \
                    or any(y.tok.cunit != run[0].tok.cunit for y in run):
                continue
            # "2024&2025Q1": the first item's sub-period is its own (a whole year), not the last's
            for y, p in zip(run, periods, strict=True):
                y.period = re.sub(r"\s+", "", p)
                y.metric = y.metric or run[0].metric  # "分别达 713.99 亿元、767.27 亿元": one metric
                runs.append(y)
    return runs


def _same_period(a: str, b: str) -> bool:
    """Periods that may be the same: equal, or one without a year ("一季度", "") — only for
    confirming, never refuting."""
    ka, kb = period_key(a), period_key(b)
    return a == b or ka is None or kb is None or ka == kb


def _period_before(ac: _Across, x: Framed) -> str:
    """x's period when it is written before x in its sentence; "" when the only date follows it
    ("归母净利润 1689 亿元，同比 - 14.40%，下滑幅度超 2021 年疫情影响": 2021 is not its year)."""
    raw = ac.art.raw[x.tok.sent]
    date = x.tok.fig.period
    return x.period if not date or date in raw[:x.tok.fig.start] else ""


def _margin_word(ac: _Across, m: Framed) -> re.Match[str] | None:
    """The margin a percent is a level of: named in its lead, else last named earlier in its
    sentence or the sentence before in its paragraph ("归母净利率 39.9%，…；剔除茅台后 33.7%")."""
    mm = margin_named(m.lead)
    if mm:
        return mm
    raw = ac.art.raw[m.tok.sent]
    text = raw[:m.tok.fig.start]
    prev = m.tok.sent - 1
    if prev >= 0 and ac.art.sentences[prev].paragraph == m.paragraph:
        text = ac.art.raw[prev] + text
    found = list(MARGIN.finditer(text))
    return found[-1] if found else None


def _margin_pairs(ac: _Across, m: Framed, mm: re.Match[str], *,
                  strict: bool = False) -> list[tuple[Framed, Framed, Interval, str]]:
    """(profit, revenue, margin interval, formula) of every pair of m's period in the article;
    a 毛利率 also from revenue and 营业成本 ((R - C)/R, the 毛利 an unstated intermediate).
    `strict`: only figures of the very same written period, on the margin's own basis (归母 for
    归母净利率, not for a plain 净利率)."""
    net = mm.group(4) == "净"
    # "非归母净利率" is on total profit
    guimu = bool(mm.group(2)) and mm.string[max(0, mm.start() - 1):mm.start()] != "非"
    memo = (m.period, net, guimu, bool(mm.group(1)), strict)
    got = ac.margin_pairs.get(memo)
    if got is None:
        got = ac.margin_pairs[memo] = _read_margin_pairs(ac, m, mm, net, guimu, strict)
    return got


def _read_margin_pairs(ac: _Across, m: Framed, mm: re.Match[str], net: bool, guimu: bool,
                       strict: bool) -> list[tuple[Framed, Framed, Interval, str]]:
    key = period_key(m.period)
    if strict and key is None:
        return []
    money = [x for x in ac.money if (period_key(x.period) == key if strict
                                     else _same_period(_period_before(ac, x), m.period))]
    word = ac.words

    def is_num(x: Framed) -> bool:
        if "率" in x.metric or "占" in x.lead or PER_UNIT.search(word(x)):
            return False  # (a profit per unit, "单票毛利 0.40 元", is no amount over revenue)
        if net:
            return "净利" in word(x) and ("扣非" in word(x)) == bool(mm.group(1)) \
                and ("归母" in word(x) or not guimu) and not (strict and "归母" in word(x) and not guimu)
        return "毛利" in word(x)

    def is_den(x: Framed) -> bool:
        return bool(_REVENUE_WORD.search(word(x))) and "利" not in x.metric and "占" not in x.lead

    nums = [x for x in money if is_num(x)]
    dens = [x for x in money if is_den(x)]
    costs = [] if net else [x for x in money if _COST.search(word(x))]
    out = []
    for d in dens:
        for n in nums:
            if n.tok.cunit == d.tok.cunit and (_same_period(n.period, d.period) if strict
                                               else _same_period(_period_before(ac, n), _period_before(ac, d))):
                iv = (n.tok.interval() / d.tok.interval()).scale(100)
                if net and not guimu and "归母" in word(n):
                    # a plain 净利率 is on total profit, which minorities usually make a little
                    # larger than the 归母 ratio: up to 1% of it confirms
                    iv = Interval(iv.lo, iv.hi * 1.01)
                out.append((n, d, iv, f"{n.tok.text} / {d.tok.text}"))
        if not net:
            for cost in costs:
                if cost.tok.cunit == d.tok.cunit and _same_period(cost.period, d.period):
                    iv = ((d.tok.interval() - cost.tok.interval()) / d.tok.interval()).scale(100)
                    out.append((cost, d, iv, f"({d.tok.text} - {cost.tok.text}) / {d.tok.text}"))
    return out


def _confirm(ac: _Across, kind: str, c: Framed, inputs: list[Tok], relation: str, iv: Interval,
             why: str, *, derived: bool = False, signed: bool = False) -> Check | None:
    """A relation over inputs found across the article: kept only when it fits."""
    if signed:
        chk = judge_signed(ac.art, kind, c, inputs, [(relation, iv)], derived=derived)
    else:
        chk = judge(ac.art, kind, c.tok, inputs, [(relation, iv)], magnitude=False)
        chk.derived = derived
    if chk.verdict != "consistent":
        return None
    chk.refutable = False
    chk.note = why
    return chk


def _across_margin(ac: _Across, c: Framed) -> Check | None:
    mm = _margin_word(ac, c)
    if mm is None:
        return None
    # certain: the only profit and the only revenue of the margin's very period in the article
    # ("2024&2025Q1 …归母净利率为 16.35%、14.49%" and "2025Q1 归母净利润 25.55 亿元", "2024Q1、
    # 2025Q1 营收分别达 713.99 亿元、767.27 亿元")
    # (a figure restated in a summary paragraph is the same figure)
    only = list({p[3]: p for p in _margin_pairs(ac, c, mm, strict=True) if not p[3].startswith("(")}.values())
    if len(only) == 1 and _own_section(ac, c, only):
        n, d, iv, formula = only[0]
        if not _margin_pairs_ambiguous(ac, c, mm, n, d):
            only_pair = judge(ac.art, "ratio", c.tok, [n.tok, d.tok], [(f"{formula} = {c.tok.text}", iv)],
                              magnitude=False)
            only_pair.note = "the only profit and revenue of that period in the article"
            return only_pair
    for n, d, iv, formula in _own_section(ac, c, _margin_pairs(ac, c, mm)):
        chk = _confirm(ac, "ratio", c, [n.tok, d.tok], f"{formula} = {c.tok.text}", iv,
                       "the profit and revenue of that period stand elsewhere in the article",
                       derived=formula.startswith("("))
        if chk is not None:
            return chk
    return None


# A margin, its profit and its revenue are of one subject. Headings that name a facet of what is
# measured ("1. 收入与利润", "2. 盈利能力", "核心业绩表现") split one subject's section; headings
# that name a subject ("（二）调味品行业", "伊利股份（600887）") start another one's.
_FACET_HEADING = re.compile(r"收入|营收|利润|业绩|盈利|财务|经营|毛利|净利|费用|核心|数据|指标|表现|概况|情况|态势|整体")
# a heading naming a part of the whole ("二、品牌服装板块表现" under a 纺织服装 review) is that
# part's, whatever facet word it also holds
_PART_HEADING = re.compile(r"板块|子行业|分部|业务")


def _facet(heading: str) -> bool:
    return bool(_FACET_HEADING.search(heading)) and not _PART_HEADING.search(heading)

_Pair = tuple[Framed, Framed, Interval, str]


def _own_section(ac: _Across, m: Framed, pairs: list[_Pair]) -> list[_Pair]:
    """The pairs of the margin's own section: its nearest heading's, else (up through facet
    headings only: 盈利能力, 核心业绩表现) the first enclosing section that holds a profit and a
    revenue; inside that section they may stand under facet headings only. 87.md's 休闲零食
    净利率 5.99% pairs with 30 亿元 / 503 亿元 of its industry, not 28 亿元 of 餐饮供应链 with
    475 亿元 of 调味品."""
    path = ac.path(m)
    for depth in range(len(path), -1, -1):
        scope = path[:depth]

        def fits(x: Framed, scope: tuple[int, ...] = scope) -> bool:
            own = ac.path(x)
            return own[:len(scope)] == scope and all(
                _facet(ac.head_text.get(h, "")) for h in own[len(scope):])

        held = [p for p in pairs if fits(p[0]) and fits(p[1])]
        if held or depth == 0 or not _facet(ac.head_text.get(path[depth - 1], "")):
            return held
    return []


def _margin_pairs_ambiguous(ac: _Across, c: Framed, mm: re.Match[str], n: Framed, d: Framed) -> bool:
    """Another profit or revenue written with the margin's period may be meant: same words, but
    a period that is not written as exactly the same (a quarter inside a year)."""
    loose = _margin_pairs(ac, c, mm)
    return any(p[0].tok.text != n.tok.text and p[0].period == c.period
               or p[1].tok.text != d.tok.text and p[1].period == c.period for p in loose)


def _across_margin_change(ac: _Across, c: Framed) -> list[Check]:
    """A margin's 同比/环比 change from the profit and revenue pair its level fits, and their growths."""
    if c.index == 0:
        return []
    m = ac.fs[c.index - 1]
    if m.tok.sent != c.tok.sent or m.tok.fig.kind != FigureKind.PERCENT or re.search("[。；;]", c.lead):
        return []
    mm = _margin_word(ac, m)
    if mm is None:
        return []
    basis = basis_of(c.lead)
    for n, d, iv, formula in _own_section(ac, m, _margin_pairs(ac, m, mm)):
        if formula.startswith("(") or not m.tok.interval(result=True).overlaps(iv):
            continue
        gn, gd = growth_after(ac.fs, n, basis), growth_after(ac.fs, d, basis)
        if gn is None or gd is None:
            continue
        ratios = earlier_ratio(n, gn, d, gd)
        if ratios is None:
            continue
        now, before, change = ratios
        label = "上期净利率" if basis == "环比" else "上年净利率"
        chk = _confirm(
            ac, "change", c, [n.tok, gn.tok, d.tok, gd.tok],
            f"{n.tok.text}/{d.tok.text} - {label} {fmt(before.mid)}% (= ({n.tok.text}/{one_plus(gn)})"
            f"/({d.tok.text}/{one_plus(gd)})) = {c.tok.text}",
            change, "the profit, revenue and their growths stand elsewhere in the article",
            derived=True, signed=True)
        if chk is None:
            continue
        out = [chk]
        level = _across_margin(ac, m)
        if level is not None:
            out.append(level)
        return out
    return []


def _across_share(ac: _Across, c: Framed, part_text: str) -> Check | None:
    """A share whose whole is a figure of the same unit named with the entity the part's
    paragraph is about ("阳光电源：储能系统营收 249.6 亿元（占比 32%）" of "2024 年阳光电源以
    778.57 亿元营收居首")."""
    parts = [x for x in ac.fs if x.tok.sent == c.tok.sent and x.tok.text == part_text]
    entity = ac.label(c)
    if not parts or len(entity) < 2:
        return None
    part = parts[0]
    for w in ac.fs:
        if w is part or w.tok.cunit != part.tok.cunit or w.tok.bound or entity not in w.lead \
                or w.tok.interval().lo <= part.tok.interval().hi or w.paragraph == part.paragraph:
            continue
        chk = _confirm(ac, "share", c, [part.tok, w.tok], f"{part.tok.text} / {w.tok.text} = {c.tok.text}",
                       (part.tok.interval() / w.tok.interval()).scale(100),
                       f"the whole is a figure of {entity} elsewhere in the article")
        if chk is not None:
            return chk
    return None


def _across_prior_whole(ac: _Across, c: Framed, part_text: str) -> Check | None:
    """A share whose whole is written only a year later, with its growth: "2023 年天然碱工艺产量 251
    万吨，占比 8%" of "产量同步提升，2024 年达 3621 万吨（同比 + 21.4%）" is 251 / (3621 / 1.214). Last
    year's whole is an intermediate the text does not state (derived); found by its fit, so the fit
    confirms and no fit proves nothing."""
    part = next((x for x in ac.fs if x.tok.sent == c.tok.sent and x.tok.text == part_text), None)
    if part is None or len(part.metric) < 3:
        return None
    year = period_key(part.period)
    if year is None or year[1] != "Y":
        return None
    # the part names a kind of its measure ("天然碱工艺产量"): the whole's clause names the measure
    measure = part.metric[-2:]
    one = Interval(1, 1)
    for w in ac.yearly.get((part.tok.cunit, year[0] + 1), []):
        if measure not in (w.metric or re.split("[；;。]", w.lead)[-1]) or (g := growth_after(ac.fs, w)) is None:
            continue
        factor = one + signed_level(g).scale(0.01)
        if factor.lo <= 0 or w.tok.interval().lo <= 0:
            continue
        chk = _confirm(ac, "share", c, [part.tok, w.tok, g.tok],
                       f"{part.tok.text} / ({w.tok.text} / {one_plus(g)}) = {c.tok.text}",
                       (part.tok.interval() / (w.tok.interval() / factor)).scale(100),
                       "the whole is last year's level, derived from this year's and its growth", derived=True)
        if chk is not None:
            return chk
    return None


def resolve_across(sentences: list[Sentence], checks: list[Check], whole: WholeFrames,
                   levels: dict[int, int] | None = None) -> list[Check]:
    """Checks that replace unverifiable ones (same sentence, same stated figure), or add a level
    a confirmed change rests on. `levels`: the depth of each heading paragraph (1 = top)."""
    todo = [ck for ck in checks if ck.verdict == "unverifiable"
            and ck.kind in ("ratio", "change", "share", "difference")]
    if not todo and not any(re.search("合计|其中|利差|同期|占", s.text) for s in sentences):
        return []
    ac = _across(sentences, whole, levels)
    out: list[Check] = _across_totals(ac) + _across_named_shares(ac)
    if any("同期" in raw for raw in ac.art.raw):
        out.extend(_across_earlier_margins(ac))
    if any("利差" in raw for raw in ac.art.raw):
        out.extend(_across_spreads(ac))
    for ck in todo:
        c = ac.by_key.get((ck.sentence_id, ck.stated))
        if c is None:
            continue
        if ck.kind == "ratio" and ck.relation.startswith("(profit)/(revenue)"):
            if (chk := _across_margin(ac, c)) is not None:
                out.append(chk)
        elif ck.kind == "change" and is_points(c.tok) and "(earlier level)" in ck.relation:
            found = _across_margin_change(ac, c) or _across_share_change(ac, c)
            if not found and (chk := _across_margin_vs_year(ac, c)) is not None:
                found = [chk]
            out.extend(found)
        elif ck.kind == "difference" and ck.relation.startswith("(level) - (level)"):
            if (chk := _across_named_gap(ac, c)) is not None:
                out.append(chk)
        elif ck.kind == "share" and ck.inputs:
            if (chk := ("(whole)" in ck.relation and _across_share(ac, c, ck.inputs[0]))
                    or _across_prior_whole(ac, c, ck.inputs[0])):
                out.append(chk)
    # the later margins of a list paired with periods ("归母净利率为 16.35%、14.49%") have no check yet
    for x in ac.paired:
        if x.tok.fig.kind == FigureKind.PERCENT and _margin_word(ac, x) is not None \
                and (chk := _across_margin(ac, x)) is not None:
            out.append(chk)
    return out


# ---------------------------------------------------------------- totals and their parts
# "2024 年美护板块营收合计 731.7 亿元，同比 + 12%，归母净利润 100.5 亿元…。其中，化妆品板块合计营收
# 605.6 亿元，同比 + 13%，归母净利润 69.2 亿元…；医美板块营收 126.1 亿元，…归母净利 31.3 亿元":
# each total before 其中 has the parts of its own metric after it. "大族数控、芯碁微装、…五家企业
# 2025 年合计营收 116 亿元": the parts are the figures of that metric and period in the sections
# (or paragraphs) each named company heads. Parts that add up to the total also give its growth:
# last year's total Σ part/(1+g) is an unstated intermediate (derived).
_METRIC_KEYS = tuple((re.compile(rx), key) for rx, key in (
    ("扣非", "扣非净利"), ("净利", "净利"), ("营收|收入", "营收"), ("毛利", "毛利"),
    ("产量", "产量"), ("销量", "销量"), ("出口", "出口"), ("进口", "进口")))
_NAMED_PARTS = re.compile(r"((?:[\u4e00-\u9fa5A-Za-z]{2,8}、)+[\u4e00-\u9fa5A-Za-z]{2,8})(?:等)?"
                          r"(?:[两二三四五六七八九十\d]+)(?:家|个|只)")


# cached: the totals pass asks it of every level figure once per candidate total
@functools.lru_cache(maxsize=4096)
def _metric_key(metric: str) -> str:
    if "率" in metric or "占" in metric:
        return ""
    for rx, key in _METRIC_KEYS:
        if rx.search(metric):
            return key
    return ""


def _total_parts(ac: _Across) -> list[tuple[Framed, list[Framed]]]:
    out: list[tuple[Framed, list[Framed]]] = []
    levels = [x for x in ac.fs if x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)
              and not x.tok.bound and _metric_key(x.metric)]
    for t in levels:
        key, raw = _metric_key(t.metric), ac.art.raw[t.tok.sent]
        same = [x for x in levels if x is not t and x.tok.cunit == t.tok.cunit
                and _metric_key(x.metric) == key and (period_key(x.period) or x.period) == (period_key(t.period) or t.period)]
        before = raw[:t.tok.fig.start]
        named = _NAMED_PARTS.search(before) if "、" in before else None  # a list of names holds a 、
        if named and re.search("合计|总计|共计|合共", t.lead):
            parts = []
            for name in named.group(1).split("、"):
                own = [x for x in same if name in ac.heads[ac.art.sentences[x.tok.sent].id] or ac.label(x) == name]
                if len(own) != 1:
                    break
                parts.append(own[0])
            else:
                out.append((t, parts))
            continue
        # the total stands before 其中 in its paragraph, the parts after it
        parts = [x for x in same if x.paragraph == t.paragraph and x.index > t.index
                 and "其中" in _text_between(ac, t, x)]
        if len(parts) >= 2:
            out.append((t, parts))
    return out


def _text_between(ac: _Across, a: Framed, b: Framed) -> str:
    if a.tok.sent == b.tok.sent:
        return ac.art.raw[a.tok.sent][a.tok.fig.end:b.tok.fig.start]
    return (ac.art.raw[a.tok.sent][a.tok.fig.end:] + "".join(ac.art.raw[a.tok.sent + 1:b.tok.sent])
            + ac.art.raw[b.tok.sent][:b.tok.fig.start])


def _across_totals(ac: _Across) -> list[Check]:
    out = []
    one = Interval(1, 1)
    for t, parts in _total_parts(ac):
        acc = interval_sum(p.tok.interval() for p in parts)
        chk = _confirm(ac, "sum", t, [p.tok for p in parts],
                       " + ".join(p.tok.text for p in parts) + f" = {t.tok.text}", acc,
                       "the parts of the total's metric and period stand elsewhere")
        if chk is None:
            continue
        out.append(chk)
        g = growth_after(ac.fs, t)
        gs = [growth_after(ac.fs, p) for p in parts]
        if g is None or any(x is None for x in gs):
            continue
        before = Interval(0, 0)
        for p, gp in zip(parts, gs, strict=True):
            assert gp is not None
            f = one + signed_level(gp).scale(0.01)
            if f.lo <= 0:
                break
            before = before + p.tok.interval() / f
        else:
            shown = " + ".join(f"{p.tok.text}/{one_plus(gp)}" for p, gp in zip(parts, gs, strict=True) if gp)
            unit = t.tok.fig.scale or 1.0
            growth = _confirm(
                ac, "growth", g, [t.tok, *(p.tok for p in parts), *(gp.tok for gp in gs if gp)],
                f"{t.tok.text} / last year's total {fmt(before.mid / unit)} (= {shown}) - 1 = {g.tok.text}",
                (t.tok.interval() / before - one).scale(100),
                "last year's total from its parts and their growths", derived=True, signed=True)
            if growth is not None:
                out.append(growth)
    return out


def _across_share_change(ac: _Across, c: Framed) -> list[Check]:
    """A share's 同比 change in points ("海外营收 6095.55 亿元（同比 + 10.05%），占总营收 8.71%（同比
    + 1.07pct）") from the part, a whole named by the share's words anywhere in the article
    ("八大央企营收 7.00 万亿元（同比 - 3.55%）") and their growths: last year's share is an
    unstated intermediate. Kept only when both the share and its change fit."""
    if c.index < 2 or "同比" not in c.lead:
        return []
    m = ac.fs[c.index - 1]
    sm = re.search(r"占([^，,。；;（(]{1,10}?)(?:的|比重|比例)?\s*(?:为|约|达)?\s*$", m.lead)
    if m.tok.sent != c.tok.sent or m.tok.fig.kind != FigureKind.PERCENT or not sm:
        return []
    before = [x for x in ac.fs[max(0, m.index - 3):m.index] if x.tok.sent == m.tok.sent
              and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not x.tok.bound]
    if not before:
        return []
    part, words = before[-1], FILLER_WORDS.sub("", sm.group(1))
    gp = growth_after(ac.fs, part)
    if gp is None or len(words) < 2:
        return []
    for w in ac.fs:
        if w is part or w.tok.cunit != part.tok.cunit or w.tok.bound or not common_metric(words, w.metric) \
                or w.tok.interval().lo <= part.tok.interval().hi:
            continue  # (no period test: a frame's period may be a date it is compared with)
        gw = growth_after(ac.fs, w)
        share = (part.tok.interval() / w.tok.interval()).scale(100)
        if gw is None or not m.tok.interval(result=True).overlaps(share):
            continue
        ratios = earlier_ratio(part, gp, w, gw)
        if ratios is None:
            continue
        share, earlier, change = ratios
        chk = _confirm(
            ac, "change", c, [part.tok, gp.tok, w.tok, gw.tok],
            f"{part.tok.text}/{w.tok.text} - 上年占比 {fmt(earlier.mid)}% (= ({part.tok.text}/{one_plus(gp)})"
            f"/({w.tok.text}/{one_plus(gw)})) = {c.tok.text}",
            change, "the whole and its growth stand elsewhere in the article",
            derived=True, signed=True)
        if chk is None:
            continue
        level = _confirm(ac, "share", m, [part.tok, w.tok], f"{part.tok.text} / {w.tok.text} = {m.tok.text}",
                         share, "the whole stands elsewhere in the article")
        return [chk, level] if level is not None else [chk]
    return []


# ---------------------------------------------------------------- spreads of lists paired by label
# "6M、1Y、5Y、10Y、30Y 中美国债利差（中国 - 美国）…较期初分别变动 2bp、5bp、-5bp…" with "国债方面，
# 6M、1Y、5Y、10Y、30Y、50Y 利率分别变动 0.0bp、-1.0bp、…" (under a heading naming 中国) and "6M、1Y、
# 5Y、10Y、30Y 美国国债收益率分别变动 - 2bp、-6bp、…": the spread's change for a label is the first
# side's change minus the second's. The lists are matched by the words around them: confirm-only.
_LABELS = r"((?:\d{1,2}\s*[MYmy年月]\s*、\s*)+\d{1,2}\s*[MYmy年月])"
_SPREAD_DEF = re.compile(_LABELS + r"([^，,。；;]{0,12}?)利差\s*[（(]\s*([\u4e00-\u9fa5]{1,4})\s*[-－—]\s*"
                         r"([\u4e00-\u9fa5]{1,4})\s*[)）]")
_CHANGE_LIST = re.compile(_LABELS + r"([^，,。；;]{0,16}?)分别变动")


def _labels(text: str) -> list[str]:
    return [re.sub(r"\s+", "", x).upper() for x in text.split("、")]


def _list_values(ac: _Across, sent: int, after: int, n: int) -> list[Framed]:
    vals = [x for x in ac.fs if x.tok.sent == sent and x.tok.fig.start >= after]
    vals = vals[:n]
    if len(vals) != n or any(v.tok.cunit != vals[0].tok.cunit or v.tok.bound for v in vals):
        return []
    return vals


def _across_spreads(ac: _Across) -> list[Check]:
    out: list[Check] = []
    lists: list[tuple[list[str], str, list[Framed]]] = []  # labels, words around, values
    for si, raw in enumerate(ac.art.raw):
        for m in _CHANGE_LIST.finditer(raw):
            labels = _labels(m.group(1))
            vals = _list_values(ac, si, m.end(), len(labels))
            if vals:
                # "国债方面，6M、…"
                words = raw[clause_start(raw, m.start(), "。；;"):m.end()] + "|" + ac.heads.get(ac.art.sentences[si].id, "")
                lists.append((labels, words, vals))
    for si, raw in enumerate(ac.art.raw):
        for m in _SPREAD_DEF.finditer(raw):
            labels, first, second = _labels(m.group(1)), m.group(3), m.group(4)
            metric = re.sub(f"^[{first[0]}{second[0]}]+", "", m.group(2).strip())
            changes = re.search(r"分别变动", raw[m.end():])
            if not changes or len(metric) < 2:
                continue
            vals = _list_values(ac, si, m.end() + changes.end(), len(labels))
            if not vals:
                continue
            others = [x for x in lists if x[2][0].tok.cunit == vals[0].tok.cunit and x[2][0].tok.sent != si]
            a_side = [x for x in others if first in x[1] and metric in x[1].split("|")[0].replace(first, "")]
            b_side = [x for x in others if second in x[1] and metric in x[1].split("|")[0].replace(second, "")]
            a_side = [x for x in a_side if x not in b_side]
            # a side with no name in its clause takes the one its heading gives ("（一）中国：…")
            a_side = a_side or [x for x in others if first in x[1].split("|")[1] and second not in x[1]
                                and metric in x[1].split("|")[0]]
            if len(a_side) != 1 or len(b_side) != 1:
                continue
            (la, _, va), (lb, _, vb) = a_side[0], b_side[0]
            for label, v in zip(labels, vals, strict=True):
                if label in la and label in lb:
                    x, y = va[la.index(label)], vb[lb.index(label)]
                    chk = _confirm(ac, "difference", v, [x.tok, y.tok],
                                   f"{x.tok.text} - ({y.tok.text}) = {v.tok.text} ({label}: {first} - {second})",
                                   x.tok.interval() - y.tok.interval(),
                                   "the two sides' changes are listed by label elsewhere in the article")
                    if chk is not None:
                        out.append(chk)
    return out


# ---------------------------------------------------------------- a margin's earlier level
# "净利润 603 亿元，同比下降 49%，净利率 9.6%（2024 年同期 18.2%）" with "一季度行业营收 6300 亿元，
# 同比下降 19%" in another section: the margin fits one profit/revenue pair of the article, so
# that pair is its basis, and last year's margin is (P/(1+gP)) / (R/(1+gR)) from the growths
# written with them. Certain when exactly one pair fits the margin and that pair's profit is in
# the margin's own sentence; otherwise it can only confirm.
_EARLIER_SAME = re.compile(r"[（(]\s*(?:(?:19|20)?\d{2}\s*年\s*)?(?:上年|去年)?同期\s*(?:为|约)?\s*$")


def _across_earlier_margins(ac: _Across) -> list[Check]:
    out: list[Check] = []
    one = Interval(1, 1)
    for e in ac.fs[1:]:
        m = ac.fs[e.index - 1]
        if e.tok.fig.kind != FigureKind.PERCENT or m.tok.sent != e.tok.sent or not _EARLIER_SAME.search(e.lead) \
                or m.tok.fig.kind != FigureKind.PERCENT or e.tok.bound or m.tok.bound:
            continue
        mm = _margin_word(ac, m)
        if mm is None:
            continue
        fitting = [p for p in _margin_pairs(ac, m, mm)
                   if not p[3].startswith("(") and m.tok.interval(result=True).overlaps(p[2])]
        fits = [(n, d) for n, d, _, _ in _own_section(ac, m, fitting)]
        if not fits:
            continue
        n, d = fits[-1]
        gn, gd = growth_after(ac.fs, n), growth_after(ac.fs, d)
        if gn is None or gd is None:
            continue
        fn, fd = one + signed_level(gn).scale(0.01), one + signed_level(gd).scale(0.01)
        if fn.lo <= 0 or fd.lo <= 0:
            continue
        earlier = (n.tok.interval() / fn) / (d.tok.interval() / fd)
        chk = judge(ac.art, "change", e.tok, [n.tok, gn.tok, d.tok, gd.tok], [
            (f"({n.tok.text}/{one_plus(gn)}) / ({d.tok.text}/{one_plus(gd)}) = {e.tok.text}"
             f" (last year's margin; {m.tok.text} = {n.tok.text}/{d.tok.text})", earlier.scale(100))],
            magnitude=False)
        chk.derived = True
        if len(fitting) != 1 or n.tok.sent != m.tok.sent:
            chk = hedge(ac.art, chk, "the profit and revenue the margin fits are not certain")
        out.append(chk)
    return out


# ---------------------------------------------------------------- shares of one named whole
# "国债发行 12984 亿美元，同比增加 7987 亿美元，占去年 Q3 名义 GDP 比例 9.03%；财政净支出 9389 亿美元，
# …占去年 Q3 名义 GDP 比例 2.19%": two shares of a paragraph naming the very same whole imply it
# twice (12984 / 9.03% and 9389 / 2.19%); the implied wholes must agree when the whole is named
# with its own period. The whole is not written
# (derived); the words naming it are, so the relation is certain.
_FIXED_WHOLE = re.compile(r"去年|上年|前年|(?:19|20)\d{2}\s*年|Q[1-4]|[一二三四]季度|[上下]半年|年度")
_MOVE_FROM = re.compile(r"从|由(?![于此])")
_SHARE_OF_WORDS = re.compile(r"占\s*([^，,。；;]{3,20}?)\s*(?:的)?\s*(?:比例|比重|份额|之比)?\s*(?:为|约|达)?\s*$")


def _across_named_shares(ac: _Across) -> list[Check]:
    out: list[Check] = []
    seen: dict[tuple[int, str], tuple[Framed, Framed]] = {}
    for x in ac.fs:
        m = _SHARE_OF_WORDS.search(x.lead) if x.tok.fig.kind == FigureKind.PERCENT else None
        if not m or x.tok.bound or x.tok.approx:
            continue
        words = re.sub(r"\s+", "", m.group(1))
        levels = [y for y in ac.fs[max(0, x.index - 4):x.index] if y.tok.sent == x.tok.sent
                  and y.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY) and not y.tok.bound
                  and not re.search(r"同比|环比|较|增加|减少|多增|少增", y.lead)]
        # only a whole named with its own period is one fixed figure ("去年 Q3 名义 GDP"); "占天然气
        # 供应量" is of each part's own period (a week's, the year's so far)
        # ("占公司总营业收入的比重从去年的64.04%提升至69.05%" (cfg182): 从/由 open a share's move, its
        # start last year's share of last year's whole, not this year's part's)
        if len(words) < 4 or not levels or DOWN_WORDS.search(levels[-1].lead) or not _FIXED_WHOLE.search(words) \
                or _MOVE_FROM.search(words):
            continue
        part = levels[-1]
        key = (x.paragraph, words)
        if key not in seen:
            seen[key] = (part, x)
            continue
        p1, s1 = seen[key]
        if p1.tok.cunit != part.tok.cunit or s1.tok.interval().lo <= 0:
            continue
        whole = p1.tok.interval() / s1.tok.interval().scale(0.01)
        chk = judge(ac.art, "share", x.tok, [p1.tok, s1.tok, part.tok], [
            (f"{part.tok.text} / ({p1.tok.text} / {s1.tok.text}) = {x.tok.text} (the same {words})",
             (part.tok.interval() / whole).scale(100))], magnitude=False)
        chk.derived = True
        out.append(chk)
    return out


# ---------------------------------------------------------------- gaps between named levels
# "建筑材料指数超涨沪深 300 指数 9.35 个百分点，建筑装饰超涨 11.05 个百分点" with "建筑材料指数涨幅
# 6.77%，建筑装饰指数涨幅 8.48%" and "同期沪深 300 指数下跌 2.58%" in the sentences before: each
# side is the level written after its name under the same heading (a second gap of the sentence
# keeps the first one's benchmark). Certain when each name has one level there.
_NAMED_GAP = re.compile(r"([\u4e00-\u9fa5A-Za-zＸ\d]{2,12}?)\s*(超涨|跑赢|跑输|超跌|领先|落后)"
                        r"\s*([\u4e00-\u9fa5A-Za-zＸ\d]{2,12})?\s*(?:约|达)?\s*$")


def _named_level(ac: _Across, c: Framed, name: str) -> list[Framed]:
    head = ac.heads.get(ac.art.sentences[c.tok.sent].id)
    found = {}
    for x in ac.fs[:c.index]:
        if x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound or x.tok.sent == c.tok.sent \
                or ac.heads.get(ac.art.sentences[x.tok.sent].id) != head:
            continue
        lead = re.sub(r"\s+", "", x.lead)
        if re.search(f"{re.escape(name)}[^，,。；;]{{0,4}}(?:{UP}|{DOWN}|涨幅|跌幅|收益率?)\\s*(?:了|约|为|达)?$", lead):
            found[x.tok.text] = x
    return list(found.values())


def _across_named_gap(ac: _Across, c: Framed) -> Check | None:
    lead = re.sub(r"\s+", "", c.lead)
    m = _NAMED_GAP.search(re.sub(r"^[\d.、\s]+", "", lead))
    if not m or not is_points(c.tok):
        return None
    a_name, b_name = m.group(1), m.group(3)
    if not b_name:  # "建筑装饰超涨 11.05 个百分点": the benchmark of the gap before it
        prev = ac.fs[c.index - 1] if c.index else None
        pm = _NAMED_GAP.search(re.sub(r"\s+", "", prev.lead)) if prev and prev.tok.sent == c.tok.sent else None
        b_name = pm.group(3) if pm else None
    if not b_name:
        return None
    a_levels, b_levels = _named_level(ac, c, a_name), _named_level(ac, c, b_name)
    if not a_levels or not b_levels:
        return None
    sign = -1.0 if m.group(2) in ("跑输", "超跌", "落后") else 1.0
    readings = [(f"{signed_text(x)} - ({signed_text(y)}) = {c.tok.text} ({a_name} - {b_name})",
                 (signed_level(x) - signed_level(y)).scale(sign)) for x in a_levels for y in b_levels]
    chk = judge(ac.art, "difference", c.tok, [a_levels[0].tok, b_levels[0].tok], readings, magnitude=False)
    if len(readings) > 1:
        chk = hedge(ac.art, chk, "more than one level is written after a name")
    return chk


# ---------------------------------------------------------------- a margin against a named year
# "上能电气 2025 年 Q1 净利率 10.6%，较 2024 年提升 2 个百分点" with "2024 年…上能电气 47.73 亿元" and
# "上能电气 4.19 亿元" among the revenues and profits: the earlier margin is the profit over the
# revenue of the year written after 较, both named with the margin's entity. Confirm-only.
_AGAINST_YEAR = re.compile(r"较\s*((?:19|20)\d{2}\s*年(?:\s*Q[1-4]|[一二三四]季度|[上下]半年)?)"
                           r"[^，,。；;]{0,4}?(?:" + UP + "|" + DOWN + r")\s*(?:了|约)?\s*$")
_ENTITY_HEAD = re.compile(r"^[\s\d.、*]*(?:[\u4e00-\u9fa5]{2,8}[：:])?\s*([\u4e00-\u9fa5]{2,8}?)\s*(?:(?:19|20)\d{2}|Q[1-4]|[一二三四]季度|净利率|毛利率|归母)")


def _across_margin_vs_year(ac: _Across, c: Framed) -> Check | None:
    am = _AGAINST_YEAR.search(c.lead)
    if not am or c.index == 0:
        return None
    m = ac.fs[c.index - 1]
    mm = _margin_word(ac, m) if m.tok.sent == c.tok.sent and m.tok.fig.kind == FigureKind.PERCENT else None
    raw = ac.art.raw[m.tok.sent]
    start = clause_start(raw, m.tok.fig.start, "。；;")
    em = _ENTITY_HEAD.match(raw[start:m.tok.fig.start])
    if mm is None or em is None:
        return None
    entity = em.group(1)
    earlier = Framed(m.tok, m.index, m.metric, re.sub(r"\s+", "", am.group(1)), m.lead, m.after,
                     m.paragraph, m.topic, m.block)
    for n, d, iv, formula in _margin_pairs(ac, earlier, mm, strict=True):
        if formula.startswith("(") or entity not in n.lead or entity not in d.lead:
            continue
        chk = _confirm(ac, "change", c, [m.tok, n.tok, d.tok],
                       f"{m.tok.text} - {formula} = {c.tok.text} ({entity} {am.group(1)})",
                       m.tok.interval() - iv, f"the margin of {am.group(1)} from {entity}'s profit and revenue",
                       derived=True, signed=True)
        if chk is not None:
            return chk
    return None
