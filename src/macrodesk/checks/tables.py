"""Relations inside tables: a Markdown table, or a table a PDF converter flattened into text
lines ("中国建筑 2342.87 461.87（-14.88%） 485.40（+5.09%） 4.83 0.50" under a header line), read as
a grid whose cells carry frames taken from their labels — the metric (市值, PE, 收入, 净利润,
分红比例, 股息率, 净利率), the period (25 年, 2025E, 2025Q1) and the unit (亿元) the column or the
row names. Cells are paired by what their labels say, never by their positions:

- PE of a year = 市值 / 净利润 of that year (a row of a company table);
- a growth of a year (a 增速/同比 column, or "485.40（+5.09%）") = the level of that year over the
  level of the year before, both in the table (points for rates);
- 股息率 = 净利润 × 分红比例 / 市值; 净利率 = 净利润 / 收入 of the same period.

A relation is judged with interval arithmetic at stated precision. It may refute only when its
labels leave no doubt (one candidate each, units stated, the same profit basis); otherwise a fit
confirms and a mismatch is unverifiable. A stated growth or change whose earlier level the table
does not give is counted unverifiable."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from macrodesk.checks.frames import currency, period_key
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, judge, unverifiable
from macrodesk.checks.tokens import Para, Tok
from macrodesk.checks.valuation import (
    column_labels,
    markdown_tables,
    row_sentence,
    table_rows,
    year_cells,
    year_value,
)
from macrodesk.figures import extract_figures
from macrodesk.models import Article, Figure, FigureKind, Sentence

# ---------------------------------------------------------------- what a label names

_METRICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("yield", re.compile(r"股息率")),
    ("payout", re.compile(r"分红比例|分红率|股利支付率|派息率")),
    ("pe", re.compile(r"(?<![A-Za-z])P\s*/?\s*E(?![A-Za-z])|市盈率")),
    ("other", re.compile(r"(?<![A-Za-z])P\s*/?\s*B(?![A-Za-z])|市净率|EPS|每股|ROE|PEG|CAGR|复合|毛利率|费用率")),
    ("cap", re.compile(r"市值")),
    ("margin", re.compile(r"(?:扣非)?(?:归母)?(?:销售)?净利率")),
    ("profit", re.compile(r"(?:扣非)?(?:归母)?(?:净?利润|净利(?![率润]))")),
    ("revenue", re.compile(r"营业总?收入|营收|收入")),
)
_BARE_YEAR = re.compile(r"\s*((?:19|20)\d{2})(?![\d.%])\s*(?=[A-Za-z\u4e00-\u9fff])")
_GROWTH = re.compile(r"增速|增长率|增幅|同比|YOY|yoy|YoY|变化|变动")
_UNIT = re.compile(r"[（(]\s*([^（）()]{1,6})\s*[)）]")
# words that say how a figure was obtained, not what it is about
_QUALIFIER_NOISE = re.compile(
    r"[（(][^（）()]*[)）]|(?:19|20)?\d{2}\s*(?:年度?|[AE](?![A-Za-z])|Q[1-4]|H[12])|(?:19|20)\d{2}"
    r"|[一二三四]季度|[上下]半年|预测|预计|估算|实际|一致预期|总|年|\s|\*")
_PERIOD_CELL = re.compile(
    r"(?:(?:19|20)\d{2}|\d{2})\s*(?:年度?|[AE]|Q[1-4]|H[12]|年?[一二三四]季度|年?[上下]半年)?\s*[AE]?"
    r"|(?:19|20)\d{2}\s*年?\s*\d{1,2}\s*[-–~]\s*\d{1,2}\s*月")
# a stated change written in words inside a cell: "上行 0.1 个百分点至 2.4%", "较 4 月回落 0.11%"
_UP_WORDS = "上行|上升|提升|提高|增加|增长|上涨|回升|扩大|走阔|加快"
_DOWN_WORDS = "下行|下降|下滑|下跌|回落|降低|减少|收窄|放缓|缩小"
_VERB_BEFORE = re.compile(f"(?:({_UP_WORDS})|({_DOWN_WORDS}))\\s*(?:了)?\\s*(?:约)?\\s*$")
_BRACKET_BEFORE = re.compile(r"^\s*[（(]\s*(?:同比|YOY|yoy|YoY)?\s*[:：]?\s*$")
_AMOUNT_KINDS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
_ACTUAL = re.compile(r"\d{2}\s*A(?![A-Za-z])")
# a table's prices and profits may be taken a few days apart, and PE is quoted at that price:
# as in the valuation tables, a few percent is the date, not an error
_PE_SLACK = 0.05


_GLUED_DASH = re.compile(r"([-—–－])([\u4e00-\u9fff].*)")


def _unit_of(label: str) -> tuple[str, float] | None:
    """The unit a label states ("25 年总市值 (亿元)" -> ("亿元", 1e8)), None when it gives none."""
    for m in _UNIT.finditer(label):
        figs = extract_figures("1" + m.group(1).strip())
        if figs and figs[0].unit and figs[0].end == len("1" + m.group(1).strip()):
            return figs[0].unit, figs[0].scale
    return None



@dataclass(frozen=True)
class _Frame:
    metric: str  # yield, payout, pe, cap, margin, profit, revenue, other, or ""
    basis: str  # 归母 / 扣非 for profits and margins
    growth: bool  # the label heads a growth or a change of its metric (收入增速, 同比)
    period: tuple[int, str] | None
    unit: tuple[str, float] | None
    qualifier: str  # what else the label says (海外, 八大央企): another entity's figure


@functools.lru_cache(maxsize=4096)
def _frame(label: str) -> _Frame:
    metric, basis, rest = "", "", label
    for name, rx in _METRICS:
        m = rx.search(label)
        if m:
            metric = name
            basis = "扣非" if "扣非" in m.group(0) else "归母" if "归母" in m.group(0) else ""
            rest = label[:m.start()] + label[m.end():]
            break
    growth = bool(_GROWTH.search(rest))
    qualifier = _QUALIFIER_NOISE.sub("", _GROWTH.sub("", rest))
    period = period_key(label) if re.search(r"\d", label) else None
    if period is None and (bare := _BARE_YEAR.match(label)):
        # "2024 归母净利（亿元）", "2024PE": a column head opening on a year names that year
        period = (int(bare.group(1)), "Y")
    return _Frame(metric, basis, growth, period, _unit_of(label), qualifier)


# ---------------------------------------------------------------- cells


@dataclass
class _Item:
    """One figure of a grid: a level, or a growth / change of the level its frame names."""

    tok: Tok
    frame: _Frame
    label: str
    change: bool
    sign: float = 1.0  # -1 when a verb (回落) gives the sign of an unsigned change
    group: int = 0  # cells of one group may be paired (a row of a company table, or the table)
    row: int = 0
    cell: int = 0  # the column it stands in
    pair: tuple[int, int] | None = None  # the columns of its earlier and later level, by label
    name: str = ""  # the row's name (a company in a company table)


@functools.lru_cache(maxsize=4096)
def _cell_figures(text: str) -> tuple[Figure | None, Figure | None, float] | None:
    """(level, change, sign of the change) of one cell; None when the cell is not read."""
    figs = [f for f in extract_figures(text) if f.kind != FigureKind.DATE]
    if not figs or any(f.value is None or f.high is not None for f in figs) or len(figs) > 2:
        return None
    level: Figure | None = None
    change: Figure | None = None
    sign = 1.0
    for i, f in enumerate(figs):
        before = text[figs[i - 1].end if i else 0:f.start]
        vm = _VERB_BEFORE.search(before)
        if vm and f.kind in (FigureKind.PERCENT, FigureKind.POINTS) and change is None:
            change, sign = f, (-1.0 if vm.group(2) else 1.0)
        elif i == 1 and _BRACKET_BEFORE.match(before) and f.kind in (FigureKind.PERCENT, FigureKind.POINTS) \
                and re.fullmatch(r"\s*[)）]\s*", text[f.end:]) and change is None:
            change = f
        elif level is None and (i == 0 and not before.strip() or re.search(r"至\s*$", before)):
            level = f
        else:
            return None
    return level, change, sign


def _with_unit(fig: Figure, unit: tuple[str, float] | None) -> Figure:
    """A bare number under a header that states its unit ("931.7" under "(亿元)")."""
    if unit is None or fig.kind != FigureKind.NUMBER or fig.unit:
        return fig
    if unit[0] == "%":  # "销售净利率 (%) | 16.18": a rate
        return fig.model_copy(update={"kind": FigureKind.PERCENT, "unit": "%", "scale": 1.0})
    return fig.model_copy(update={"kind": FigureKind.MONEY if currency(unit[0]).endswith("元")
                                  else FigureKind.QUANTITY, "unit": unit[0], "scale": unit[1]})


@dataclass
class _Row:
    sentence: Sentence  # where the row is written (its text as the check's sentence)
    label: str
    cells: list[tuple[int, str]]  # (column, cell text)


def _pair_before(labels: list[str], j: int) -> tuple[int, int] | None:
    """"2024 年一季度 | 2025 年一季度 | 同比变化": a change column whose label names neither
    metric nor period, after two columns of one label at the same sub-period of consecutive
    years, states the change between them (as in `find_table_relations`; also right to left)."""
    f = _frame(labels[j])
    if j < 2 or not f.growth or f.metric or f.period:
        return None
    fa, fb = _frame(labels[j - 2]), _frame(labels[j - 1])
    if fa.growth or fb.growth or fa.period is None or fb.period is None \
            or (fa.metric, fa.basis, fa.qualifier) != (fb.metric, fb.basis, fb.qualifier):
        return None
    if "环比" in labels[j]:
        # "| 2024 年 | 25Q1 | 环比变化 |" (153): 环比 is against the period right before
        return (j - 2, j - 1) if _next_period(fa.period, fb.period) else None
    if fa.period[1] != fb.period[1] or abs(fa.period[0] - fb.period[0]) != 1:
        return None
    return (j - 2, j - 1) if fa.period < fb.period else (j - 1, j - 2)


_PARTS = {"Q": 4, "H": 2, "M": 12}


def _next_period(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Period `b` follows period `a` with nothing between: 24Q4 → 25Q1, 25Q1 → 25Q2, and the year 2024
    → a first part of 2025 (a 环比 a table states over a year's column, its author's own basis)."""
    (ya, pa), (yb, pb) = a, b
    kb, nb = pb[:1], pb[1:]
    if pa == "Y":
        return yb == ya + 1 and (pb == "Y" or kb in _PARTS and nb == "1")
    ka, na = pa[:1], pa[1:]
    if ka != kb or ka not in _PARTS or not na.isdigit() or not nb.isdigit():
        return False
    return (yb, int(nb)) == ((ya, int(na) + 1) if int(na) < _PARTS[ka] else (ya + 1, 1))


def _row_items(row: _Row, labels: list[str], para: Para, rows_name_metrics: bool, group: int,
               index: int) -> list[_Item]:
    """The figures of one row, each with its frame; their Toks join the row's paragraph."""
    si = len(para.sentences)
    para.sentences.append(row.sentence)
    items: list[_Item] = []
    row_frame = _frame(row.label) if rows_name_metrics else None
    for j, text in row.cells:
        col = labels[j]
        got = _cell_figures(text)
        if got is None:
            continue
        level, change, sign = got
        f = _frame(col)
        if row_frame is not None:
            col = f"{row.label} {col}"
            # a table whose rows name the metric and whose columns name the period
            f = _Frame(row_frame.metric, row_frame.basis, row_frame.growth or f.growth, f.period,
                       row_frame.unit or f.unit, row_frame.qualifier)
        if level is not None:
            lf = _with_unit(level, f.unit)
            as_change = f.growth and change is None and level.kind in (FigureKind.PERCENT, FigureKind.POINTS)
            items.append(_Item(Tok(fig=lf, sent=si), f, col, as_change, group=group, row=index, cell=j,
                               pair=_pair_before(labels, j) if as_change else None, name=row.label))
        if change is not None:
            items.append(_Item(Tok(fig=change, sent=si), f, col, True, sign, group=group, row=index,
                               cell=j, name=row.label))
    para.toks.extend(it.tok for it in items)
    return items


# ---------------------------------------------------------------- relations


def _levels(items: list[_Item], metric: str, period: tuple[int, str] | None, qualifier: str,
            basis: str | None = None) -> list[_Item]:
    return [it for it in items if not it.change and it.frame.metric == metric
            and it.frame.period == period and it.frame.qualifier == qualifier
            and (basis is None or it.frame.basis == basis)]


def _profit(items: list[_Item], period: tuple[int, str] | None, qualifier: str,
            basis: str) -> tuple[_Item | None, bool]:
    """The profit of a period, and whether it is on the basis asked for (归母 for a PE)."""
    same = _levels(items, "profit", period, qualifier, basis)
    if len(same) == 1:
        return same[0], True
    anyb = _levels(items, "profit", period, qualifier)
    return (anyb[0], False) if len(anyb) == 1 else (None, False)


def _known_units(*toks: Tok) -> bool:
    """Every amount carries a stated unit of one currency: a ratio of them is certain."""
    units = {currency(t.fig.unit) for t in toks}
    return all(t.fig.unit for t in toks) and len(units) == 1


def _finish(chk: Check, refutable: bool, para: Para, stated: Tok, inputs: list[Tok], why: str) -> Check:
    if refutable:
        return chk
    if chk.verdict == "inconsistent":
        chk = unverifiable(para, chk.kind, stated, inputs, chk.relation, why)
    chk.refutable = False
    return chk


def _growths(para: Para, items: list[_Item], it: _Item) -> Check:
    f = it.frame
    c = it.tok
    stated_iv = c.interval(result=True).scale(it.sign)
    cur = _levels(items, f.metric, f.period, f.qualifier, f.basis) if f.period else []
    prev = _levels(items, f.metric, (f.period[0] - 1, f.period[1]), f.qualifier, f.basis) \
        if f.period and f.metric else []
    shown = ("-" if it.sign < 0 else "") + c.text
    if it.pair is not None:
        # (a row of growth rates, "| 营收增速 | 0.1% | -1.7% | -1.8pct |": its rates are the levels the
        # change column compares, in points)
        rates = c.fig.kind == FigureKind.POINTS
        prev, cur = ([x for x in items if x.row == it.row and x.cell == k and (not x.change or rates)] for k in it.pair)
    elif not f.metric:
        prev, cur = [], []
    if len(cur) != 1 or len(prev) != 1:
        chk = _against_previous(para, items, it, stated_iv, shown) or _against_left(para, items, it, stated_iv, shown)
        if chk is not None:
            return chk
        return unverifiable(para, "growth" if c.fig.kind == FigureKind.PERCENT else "change", c,
                            [x.tok for x in cur[:1]], f"(level) vs (earlier level) : {shown}",
                            "the earlier level is not in the table")
    a, b = prev[0].tok, cur[0].tok
    got = _level_readings(a, b, c, shown, f" (table: {prev[0].label} → {cur[0].label})")
    if got is None:
        return unverifiable(para, "growth", c, [a, b], f"(level) vs (earlier level) : {shown}",
                            "the two levels are not of one kind")
    chk = judge(para, got[0], c, [a, b], got[1], magnitude=False, stated_iv=stated_iv)
    pa, pb = prev[0].frame.period, cur[0].frame.period
    if it.pair is not None and pa is not None and pb is not None and pa[1][:1] != pb[1][:1]:
        # a quarter's 环比 over the year's column: the author may have compared the year's last quarter
        return confirm_only(chk, "a change over a year's column to a quarter may be against the year's last quarter")
    return chk


def _level_readings(a: Tok, b: Tok, c: Tok, shown: str, where: str) -> tuple[str, list[tuple[str, Interval]]] | None:
    """(kind, readings) of the stated growth or change `c` from level A to level B: points (or
    relative) between two rates, a growth between two amounts of one unit; None otherwise."""
    pct = FigureKind.PERCENT
    if a.fig.kind == pct and b.fig.kind == pct:
        return "change", _rate_readings(a, b, c, shown, where)
    if a.fig.kind in _AMOUNT_KINDS and b.fig.kind in _AMOUNT_KINDS and c.fig.kind == pct \
            and a.cunit == b.cunit and a.interval().lo > 0:
        return "growth", [(f"({b.text}/{a.text} - 1) = {shown}{where}",
                           (b.interval() / a.interval() - Interval(1, 1)).scale(100))]
    return None


def _rate_readings(a: Tok, b: Tok, c: Tok, shown: str, where: str) -> list[tuple[str, Interval]]:
    """B − A in points; a change written in % may also be relative (B/A − 1)."""
    out = [(f"{b.text} - {a.text} = {shown}{where}", b.interval() - a.interval())]
    if c.fig.kind == FigureKind.PERCENT and a.interval().lo > 0:
        out.append((f"({b.text}/{a.text} - 1) = {shown}{where}",
                    (b.interval() / a.interval() - Interval(1, 1)).scale(100)))
    return out


def _against_left(para: Para, items: list[_Item], it: _Item, stated_iv: Interval, shown: str) -> Check | None:
    """"| 美元稳定币市值 | 1800 亿美元 | 2200 亿美元（+22%） |" under "2024 年数据 | 2025 年数据（截至 6 月）":
    a bracketed growth in a level's cell, against the level of the row's column to its left when
    the two columns name consecutive years. The later column may be part of its year (截至 6 月) or
    of another basis, so a fit confirms and a mismatch is unverifiable."""
    level = [x for x in items if x.row == it.row and x.cell == it.cell and not x.change]
    if len(level) != 1 or it.frame.period is None:
        return None
    left = [x for x in items if x.row == it.row and x.cell < it.cell and not x.change]
    if not left or left[-1].cell != it.cell - 1 or left[-1].frame.period is None \
            or left[-1].frame.period[0] + 1 != it.frame.period[0]:
        return None
    a, b, c = left[-1].tok, level[0].tok, it.tok
    got = _level_readings(a, b, c, shown, f" (table: {left[-1].label} → {level[0].label})")
    if got is None or got[0] == "growth" and b.interval().lo <= 0:
        return None
    chk = judge(para, got[0], c, [a, b], got[1], magnitude=False, stated_iv=stated_iv)
    return _finish(chk, False, para, c, [a, b], "the columns are adjacent years, not labelled as this growth's")


_PREVIOUS = re.compile(r"(?:^|\s)(?:前值|前期值?|上期值?|上月值?|前月|上季度?值?)$")


def _against_previous(para: Para, items: list[_Item], it: _Item, stated_iv: Interval,
                      shown: str) -> Check | None:
    """"上行 0.1 个百分点至 2.4%" with a 前值 column in its row: the change from the previous
    value to the level its cell states. The 前值 may be of another column's basis (同比 or
    环比), so a fit confirms and a mismatch is unverifiable."""
    level = [x for x in items if x.row == it.row and x.cell == it.cell and not x.change]
    prev = [x for x in items if x.row == it.row and _PREVIOUS.search(x.label.strip()) and not x.change]
    if len(level) != 1 or len(prev) != 1:
        return None
    a, b, c = prev[0].tok, level[0].tok, it.tok
    if a.fig.kind != FigureKind.PERCENT or b.fig.kind != FigureKind.PERCENT:
        return None
    chk = judge(para, "change", c, [a, b], _rate_readings(a, b, c, shown, f" (table: {prev[0].label})"),
                magnitude=False, stated_iv=stated_iv)
    return _finish(chk, False, para, c, [a, b], "the previous value may be of another basis")


def _pe(para: Para, items: list[_Item], it: _Item,
        elsewhere: dict[str, list[tuple[_Item, str]]] | None = None) -> tuple[Check, Interval, bool] | None:
    """PE of a year against 市值 / 归母净利润 of that year; also the 市值 the PE implies. A row
    with no profit takes the one of its company's row in another table of the article (353: a
    portfolio's PEs, the profits in the sector tables above it)."""
    f = it.frame
    caps = [x for x in items if x.frame.metric == "cap" and not x.change and x.frame.qualifier == f.qualifier]
    profit, on_basis = _profit(items, f.period, f.qualifier, "归母")
    row_text = ""
    if profit is None and elsewhere and it.name and f.period is not None:
        other = elsewhere.get(it.name, [])
        profit, on_basis = _profit([x for x, _ in other], f.period, f.qualifier, "归母")
        if profit is not None:
            row_text = next(text for x, text in other if x is profit)
            profit = replace(profit, tok=Tok(fig=profit.tok.fig, sent=it.tok.sent))
    if f.period is None or len(caps) != 1 or profit is None:
        return None
    cap, p = caps[0].tok, profit.tok
    if p.interval().lo <= 0:
        return None
    same_unit = _known_units(cap, p)
    if not same_unit and (cap.fig.unit or p.fig.unit):
        return None
    iv = it.tok.interval(result=False)
    stated = Interval(iv.lo / (1 + _PE_SLACK), iv.hi * (1 + _PE_SLACK))
    readings = [(f"{cap.text} / {p.text} = {it.tok.text} (within 5%; table: {caps[0].label} / "
                 f"{profit.label}, {it.label})", cap.interval() / p.interval())]
    chk = judge(para, "ratio", it.tok, [cap, p], readings, magnitude=False, stated_iv=stated)
    if row_text:
        chk.input_sentences[-1] = row_text
        chk.relation += " (the profit from another table's row of the company)"
    # PE is quoted on 归母 profit: a plain 净利润 may include minority interests, so only a
    # column that says 归母 (with both units stated) can refute
    chk = _finish(chk, same_unit and on_basis, para, it.tok, [cap, p],
                  "the units or the profit basis are not certain")
    # an actual year's PE may be priced at that year's close: it says nothing of today's price
    actual = bool(_ACTUAL.search(it.label) or _ACTUAL.search(profit.label))
    # a PE that fits the 市值 over another year's profit of its row reads as a shifted column
    shifted = any(x.frame.period != f.period and x.tok.interval().lo > 0
                  and (cap.interval() / x.tok.interval()).overlaps(stated)
                  for x in items if x.frame.metric == "profit" and not x.change
                  and x.frame.qualifier == f.qualifier and _known_units(cap, x.tok))
    return chk, Interval(0.0, math.inf) if actual else it.tok.interval() * p.interval(), shifted


def _yield(para: Para, items: list[_Item], it: _Item) -> Check | None:
    f = it.frame
    caps = [x for x in items if x.frame.metric == "cap" and not x.change and x.frame.qualifier == f.qualifier]
    payouts = [x for x in items if x.frame.metric == "payout" and not x.change]
    if len(payouts) > 1:
        payouts = [x for x in payouts if x.frame.period == f.period]
    profit, _ = _profit(items, f.period, f.qualifier, "归母")
    if f.period is None or len(caps) != 1 or len(payouts) != 1 or profit is None:
        return None
    cap, p, r = caps[0].tok, profit.tok, payouts[0].tok
    if r.fig.kind != FigureKind.PERCENT or it.tok.fig.kind != FigureKind.PERCENT or cap.interval().lo <= 0:
        return None
    if (cap.fig.unit or p.fig.unit) and not _known_units(cap, p):
        return None
    got = p.interval() * r.interval() / cap.interval()  # the payout is in %, so is the yield
    readings = [(f"{p.text} × {r.text} / {cap.text} = {it.tok.text} (table: {profit.label} × "
                 f"{payouts[0].label} / {caps[0].label})", got)]
    chk = judge(para, "product", it.tok, [p, r, cap], readings, magnitude=False)
    # an estimated yield may assume another payout than the one shown: it only confirms
    return _finish(chk, False, para, it.tok, [p, r, cap], "the yield may assume another payout")


def _margin(para: Para, items: list[_Item], it: _Item) -> Check | None:
    f = it.frame
    revs = _levels(items, "revenue", f.period, f.qualifier)
    profit, on_basis = _profit(items, f.period, f.qualifier, f.basis)
    if f.period is None or len(revs) != 1 or profit is None or it.tok.fig.kind != FigureKind.PERCENT:
        return None
    rev, p = revs[0].tok, profit.tok
    if rev.interval().lo <= 0 or (rev.fig.unit or p.fig.unit) and not _known_units(rev, p):
        return None
    readings = [(f"{p.text} / {rev.text} = {it.tok.text} (table: {profit.label} / {revs[0].label})",
                 (p.interval() / rev.interval()).scale(100))]
    chk = judge(para, "ratio", it.tok, [p, rev], readings, magnitude=False)
    return _finish(chk, on_basis and _known_units(rev, p), para, it.tok, [p, rev],
                   "the margin may be on another profit basis")


def _relations(paras: list[Para], items: list[_Item],
               elsewhere: dict[str, list[tuple[_Item, str]]] | None = None) -> list[Check]:
    out: list[Check] = []
    pes: list[tuple[Check, Interval, bool]] = []
    para_of = {id(t): p for p in paras for t in p.toks}
    for it in items:
        para = para_of[id(it.tok)]
        chk: Check | None = None
        if it.change:
            chk = _growths(para, items, it)
        elif it.frame.metric == "pe":
            got = _pe(para, items, it, elsewhere)
            chk = got[0] if got else None
            if got is not None and got[0].refutable:
                pes.append(got)
        elif it.frame.metric == "yield":
            chk = _yield(para, items, it)
        elif it.frame.metric == "margin":
            chk = _margin(para, items, it)
        if chk is not None:
            out.append(chk)
    _pe_row(pes)
    return out


def _pe_row(pes: list[tuple[Check, Interval, bool]]) -> None:
    """A PE that misses the row's 市值 refutes only when the row's PEs are neither all off and
    shifted nor one price: a row none of whose PEs fits, one of which fits another year's
    profit, has its columns shifted (a PE column a year off its label); forecast PEs that all
    imply one 市值 within 5% were priced at another date than the 市值 column (an actual year's
    PE, priced at its own close, implies any). A row none of whose PEs fits any year's profit
    (299: 47 亿元 over 0.39, 0.74, 0.82, 0.93 亿元 against PEs 43, 31, 24, 24) is wrong as written."""
    if not any(c.verdict == "inconsistent" for c, _, _ in pes):
        return
    implied = [iv for _, iv, _ in pes]
    one_price = max(iv.lo for iv in implied) <= min(iv.hi for iv in implied) * (1 + _PE_SLACK)
    why = ("the row's PEs imply one 市值 of another date" if one_price else
           "no PE of the row fits: its columns may be shifted"
           if not any(c.verdict == "consistent" for c, _, _ in pes) and any(s for _, _, s in pes) else "")
    for c, _, _ in pes:
        if why and c.verdict == "inconsistent":
            _demote(c, why)


_Grid = tuple[list[Para], list[_Item]]


def _grid_checks(labels: list[str], rows: list[_Row]) -> list[Check]:
    return _grid_relations(_grid_items(labels, rows))


def _grid_relations(grid: _Grid, elsewhere: dict[str, list[tuple[_Item, str]]] | None = None) -> list[Check]:
    paras, items = grid
    out: list[Check] = []
    groups = sorted({it.group for it in items})
    for g in groups:
        out.extend(_relations(paras, [it for it in items if it.group == g], elsewhere))
    return out


def _grid_profits(grid: _Grid) -> list[tuple[_Item, str]]:
    """The profits of a grid's company rows, each with its row's text."""
    paras, items = grid
    texts = {id(t): p.sentences[t.sent].text for p in paras for t in p.toks}
    return [(it, texts[id(it.tok)]) for it in items if it.name and it.frame.metric == "profit" and not it.change]


def _profits_by_name(profits: list[list[tuple[_Item, str]]], skip: int) -> dict[str, list[tuple[_Item, str]]]:
    """The profits of the grids other than `skip`, by the row's name."""
    out: dict[str, list[tuple[_Item, str]]] = {}
    for g, found in enumerate(profits):
        if g != skip:
            for it, text in found:
                out.setdefault(it.name, []).append((it, text))
    return out


def _grid_items(labels: list[str], rows: list[_Row]) -> _Grid:
    """The figures of one grid: rows of entities (columns name metrics) are paired within a row;
    rows of metrics (columns name periods) are paired across the whole table."""
    columns_name_metrics = any(_frame(lab).metric for lab in labels[1:])
    rows_name_metrics = not columns_name_metrics and any(_frame(r.label).metric for r in rows)
    # a table whose rows name metrics is one paragraph (a relation may take its inputs from
    # other rows); a company table is a paragraph per row
    paras: list[Para] = []
    items: list[_Item] = []
    for i, row in enumerate(rows):
        if not paras or not rows_name_metrics:
            paras.append(Para(index=row.sentence.paragraph, sentences=[]))
        items.extend(_row_items(row, labels, paras[-1], rows_name_metrics, 0 if rows_name_metrics else i, i))
    return paras, items


# ---------------------------------------------------------------- Markdown tables

_NORM = re.compile(r"\s+")


def _is_value(cell: str) -> bool:
    c = cell.strip()
    return bool(c) and bool(re.search(r"\d", c)) and not _PERIOD_CELL.fullmatch(c)


def _markdown_grids(article: Article) -> list[tuple[list[str], list[_Row]]]:
    rows_by_text = table_rows(article.sentences)
    grids = []
    for table in markdown_tables(article.text):
        width = max(len(r) for r in table)
        # header rows come before the first row of figures; a row with its first cell alone
        # ("| **行业整体** |  |  |") names a group of the body, not a column
        nhead = 1
        while nhead < len(table) and not any(_is_value(c) for c in table[nhead][1:]) \
                and any(c for c in table[nhead][1:]):
            nhead += 1
        labels = column_labels(table[:nhead], width)
        # a blank head cell filled from its left neighbour names that neighbour's year again
        # (218: "| 2025E PE | 2026E PE | ** ** |", a 2027E PE left unnamed): the column is unread
        labels = [lab if not j or lab != labels[j - 1] or not _frame(lab).period else ""
                  for j, lab in enumerate(labels)]
        # a cell listing a value per year ("2024 年 0.39，2025E0.74", 299) is a column per year
        virtual = year_cells(table[nhead:], labels)
        rows: list[_Row] = []
        for cells in table[nhead:]:
            sent = row_sentence(rows_by_text, cells)
            if sent is None:
                continue
            # the leading cells that hold no figure name the row (证券代码, 证券简称)
            # (a year-like "2006" or "74" under "总市值（亿元）" is a value: its column names a unit)
            k = 0
            while k < len(cells) and not _is_value(cells[k]) and not (
                    k and k < len(labels) and _PERIOD_CELL.fullmatch(cells[k].strip()) and _unit_of(labels[k])):
                k += 1
            name = " ".join(c for c in cells[:k] if c)
            listed = {cj for cj, _ in virtual.values()}
            row_cells = [(j, cells[j]) for j in range(k, len(cells)) if cells[j] and j not in listed]
            for vj, (cj, year) in virtual.items():
                m = year_value(cells[cj], year) if cj >= k and cj < len(cells) else None
                if m is not None:
                    row_cells.append((vj, m.group(2).replace(" ", "")))
            rows.append(_Row(sent, name, row_cells))
        if rows:
            grids.append((labels, rows))
    return grids


# ---------------------------------------------------------------- tables flattened into lines

_CJK = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_VALUE_TOKEN = re.compile(
    r"[+\-−]?\d[\d,]*(?:\.\d+)?(?:%|pct|倍|x|X)?(?:[（(][+\-−]?\d[\d,]*(?:\.\d+)?(?:%|pct|bp)[)）])?")
_DASH = re.compile(r"[-—–－]")
_PERIOD_TOKEN = re.compile(r"(?:19|20)\d{2}(?:[AE]|Q[1-4]|H[12]|年)?|\d{2}(?:[AE]|年)")
_UNIT_ONLY = re.compile(r"[（(][^（）()\d]{1,6}[)）]")
# a security code before the name opens a row: its header has two label columns (代码, 简称)
_CODE = re.compile(r"\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK|[A-Z]{1,5}\.(?:US|N|O)")
_SENTENCE_PUNCT = re.compile(r"[。，；：:,;！？]")


def _header_tokens(line: str) -> list[str]:
    """"2024 年", "25 年总市值", "市值 (亿元)": a year or a unit the converter split off its
    label is joined back."""
    toks: list[str] = []
    for t in line.split():
        if toks and (t.startswith("年") and toks[-1][-1:].isdigit() or _UNIT_ONLY.fullmatch(t)):
            toks[-1] += " " + t
        else:
            toks.append(t)
    return toks


def _header_columns(line: str, width: int, lead: int) -> list[str] | None:
    """The column labels of a header line, as many as the rows have cells (the first `lead`
    label the rows): "2024 年" is one label; when the count asks for it, a period before a
    metric ("2025E 净利润（亿元）"), then a word before a metric ("估算 25 年股息率"), head one
    column. None when no such reading gives the count."""
    toks = _header_tokens(line)

    def period(t: str) -> bool:
        return bool(_PERIOD_TOKEN.fullmatch(t.replace(" ", "")))

    def join(toks: list[str], first: Callable[[str], bool]) -> list[str]:
        out: list[str] = []
        for t in toks:
            if len(out) > lead and first(out[-1]) and not period(t) and _frame(t).metric:
                out[-1] += " " + t
            else:
                out.append(t)
        return out

    for step in (lambda t: False, period, lambda t: not _frame(t).metric and not re.search(r"\d", t)):
        toks = join(toks, step)
        if len(toks) == width:
            return toks
    return None


def _open(label: str) -> bool:
    return label.count("（") + label.count("(") > label.count("）") + label.count(")")


def _flat_rows(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(label, cells) of each row of a block: a label starts a row, the figures after it are
    its cells, a row broken over lines is joined ("485.40（\n+5.09%）"). A token that is
    neither marks its row unread (a NUL cell)."""
    joined = " ".join(lines)
    joined = re.sub(r"([（(])\s+", r"\1", joined)
    joined = re.sub(r"\s+([）)])", r"\1", joined)
    rows: list[tuple[str, list[str]]] = []
    for tok in joined.split():
        parts = [tok]
        glued = _GLUED_DASH.fullmatch(tok)
        if glued:  # "-净利率": a dash cell glued to the next row's label when lines were joined
            parts = [glued.group(1), glued.group(2)]
        for p in parts:
            if rows and not rows[-1][1] and _open(rows[-1][0]):
                rows[-1] = (rows[-1][0] + " " + p, [])  # "动力煤均价（元 / 吨）": a label's unit
            elif _VALUE_TOKEN.fullmatch(p) or _DASH.fullmatch(p):
                if rows:
                    rows[-1][1].append(p)
            elif rows and not rows[-1][1] and _CODE.fullmatch(rows[-1][0]) and _CJK.search(p) \
                    and not _CODE.fullmatch(p):
                rows[-1] = (rows[-1][0] + " " + p, [])  # "600600.SH 青岛啤酒": code, then name
            elif _CODE.fullmatch(p) and rows and not rows[-1][1] and not _CODE.search(rows[-1][0]):
                rows[-1] = (rows[-1][0] + " " + p, [])  # "青岛啤酒 600600.SH": name, then code
            elif _CODE.fullmatch(p):
                rows.append((p, []))
            elif _CJK.search(p) and not re.search(r"\d", p) and not _SENTENCE_PUNCT.search(p):
                rows.append((p, []))
            elif rows:
                rows[-1][1].append("\x00")
    return rows


def _is_header(line: str) -> bool:
    """Three labels or more, no sentence punctuation, no figure but periods, and a metric or a
    period among them."""
    if _SENTENCE_PUNCT.search(line):
        return False
    toks = _header_tokens(line)
    if len(toks) < 3:
        return False  # (before its tokens are read: most lines are short)
    periods = [bool(_PERIOD_TOKEN.fullmatch(t.replace(" ", ""))) for t in toks]
    return not any(_VALUE_TOKEN.fullmatch(t) and not p for t, p in zip(toks, periods, strict=True)) \
        and any(p or _frame(t).metric or _frame(t).period for t, p in zip(toks, periods, strict=True))


def _uniform(rows: list[tuple[str, list[str]]]) -> bool:
    """Each column's cells are of one kind across the rows: a percentage, a value with its
    change in brackets, or a plain number (a dash stands for any)."""
    def kind(cell: str) -> str:
        return "-" if _DASH.fullmatch(cell) else "c" if re.search(r"[（(]", cell) else \
            "%" if cell.endswith(("%", "pct")) else "n"
    return all(len({kind(r[1][k]) for r in rows} - {"-"}) <= 1 for k in range(len(rows[0][1])))


def _flat_grids(article: Article) -> list[tuple[list[str], list[_Row]]]:
    lines = article.text.split("\n")
    grids = []
    i = 0
    while i < len(lines):
        head = lines[i].strip()
        # a row follows (a group label such as "行业整体" may stand between)
        if not _is_header(head) or not re.search(r"\d", "".join(lines[i + 1:i + 3])):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() and "。" not in lines[j]:
            j += 1
        block = [ln.strip() for ln in lines[i + 1:j]]
        rows = [r for r in _flat_rows(block) if r[1] and "\x00" not in r[1]]
        width = len(rows[0][1]) if rows else 0
        coded = int(all(_CODE.search(r[0]) for r in rows))
        # every row has as many cells as the header has columns: a row that lost or gained a
        # cell (a code read as a figure) would shift the rest
        labels = _header_columns(head, width + 1 + coded, 1 + coded) \
            if len(rows) >= 2 and all(len(r[1]) == width for r in rows) else None
        # columns that name metrics hold one kind of cell each
        if labels is not None and any(_frame(lab).metric for lab in labels[1 + coded:]) and not _uniform(rows):
            labels = None
        if labels is None:
            i += 1
            continue
        out_rows: list[_Row] = []
        for label, cells in rows:
            if len(cells) != width:
                continue
            text = " ".join([label, *cells])
            sent = _sentence_of(article, label + cells[0])
            if sent is None:
                continue
            row_sent = Sentence(id=sent.id, text=text, paragraph=sent.paragraph, section=sent.section,
                                section_index=sent.section_index, kind="table")
            out_rows.append(_Row(row_sent, label, [(k + 1 + coded, c) for k, c in enumerate(cells)
                                                   if not _DASH.fullmatch(c)]))
        if out_rows:
            grids.append((labels, out_rows))
        i = j
    return grids


def _sentence_of(article: Article, key: str) -> Sentence | None:
    k = _NORM.sub("", key)
    return next((s for s in article.sentences if k in _NORM.sub("", s.text)), None)


def find_table_checks(article: Article) -> list[Check]:
    """Every relation inside the article's tables (Markdown or flattened), read by labels."""
    out: list[Check] = []
    grids = [_grid_items(labels, rows) for labels, rows in (_markdown_grids(article) if "|" in article.text else [])]
    # each grid's profits are read once, for the PEs of the other grids
    profits = [_grid_profits(grid) for grid in grids] if len(grids) > 1 else []
    for g, grid in enumerate(grids):
        out.extend(_grid_relations(grid, _profits_by_name(profits, g) if profits else None))
    for labels, rows in _flat_grids(article):
        checks = _grid_checks(labels, rows)
        # a flattened table's columns are read, not marked: the reading must explain some of
        # the table (one relation that holds) before a mismatch may refute
        if not any(c.verdict == "consistent" and c.refutable for c in checks):
            for c in checks:
                if c.verdict == "inconsistent":
                    _demote(c, "no relation of this flattened table holds: its columns may be misread")
        out.extend(checks)
    return out


def _demote(c: Check, why: str) -> None:
    """An inconsistent check whose inputs turned out uncertain: unverifiable."""
    c.verdict, c.computed, c.gap, c.note = "unverifiable", "", None, why
    c.computed_low = c.computed_high = None
    c.refutable = False



def in_header_unit(fig: Figure, label: str) -> Figure:
    """A bare number under a label that states its unit ("931.7" under "营收（亿元）") read as
    an amount in that unit (for the finders that relate a table to the prose)."""
    return _with_unit(fig, _unit_of(label))
