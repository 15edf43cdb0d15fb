"""A company's net margin and its change against the revenue and profit, with their growths, the
article writes elsewhere under the company's name: "同花顺营业收入 17.79 亿元，同比增长 28%，归母净利润
5.02 亿元，同比增长 38%" and, a section later, "**同花顺**：…归母净利率同比提升 2.1 个百分点至 28.2%".
The margin is P / R; last year's is (P / (1 + g_P)) / (R / (1 + g_R)), a derived relation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import FALL_BEFORE, Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check, on_total_profit
from macrodesk.checks.levels import signed
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before, clause_start, last_chars

_REVENUE = re.compile(r"(?:营业总收入|营业收入|营收|总收入)\s*(?:为|达|实现|约)?\s*$")
_PROFIT = re.compile(r"(归母净利润|归属于母公司(?:股东的)?净利润|净利润)\s*(?:为|达|实现|约)?\s*$")
# a growth right after its level: "，同比增长 28%", "（同比 -14%）", "（+28%）"
_GROWTH_AFTER = re.compile(r"^\s*[，,（(]\s*(?:同比|yoy|YoY)?\s*(?:增长|增加|上升|提升|下降|减少|下滑|[增降减])?\s*(?:了|约)?\s*$")
# a growth before its level: "营业总收入同比增长 28% 至 17.8 亿元"
_GROWTH_BEFORE = re.compile(r"(?:营业总收入|营业收入|营收|总收入|归母净利润|净利润)\s*同比\s*(?:增长|增加|上升|提升|下降|减少|下滑|[增降减])?\s*$")
_TO = re.compile(r"^\s*(?:至|到|达)\s*$")
_MARGIN = re.compile(r"(归母|销售)?净利率\s*(?:为|达|约)?\s*$")
_MARGIN_CHANGE = re.compile(r"(归母|销售)?净利率\s*(?:同比|较上年|较去年同期)\s*(?:提升|提高|增加|上升|下降|下滑|减少|回落|[+\-−－])?\s*(?:了|约)?\s*$")
_POINTS_AFTER = re.compile(r"^\s*[，,（(]\s*(?:同比|较上年|较去年同期)\s*(?:提升|提高|增加|上升|下降|下滑|减少|回落)?\s*(?:了|约)?\s*$")
# what is no company's name in the words before its revenue
_NOT_NAME = re.compile(r"[\d\s.，,；;：:（）()%]|年|月|季度|[上下]半年|H[12]|Q[1-4]|上市公司|公司|实现|其中|分别|的|板块|行业")


@dataclass
class _Results:
    name: str
    sent: Sentence
    revenue: Figure
    revenue_growth: Interval
    profit: Figure
    profit_growth: Interval
    parent: bool  # 归母净利润
    period: tuple[int, str] | None
    inputs: list[Figure]


@dataclass
class _Margin:
    name: str
    sent: Sentence
    level: Figure
    change: Figure | None
    parent: bool
    period: tuple[int, str] | None


def find_entity_margins(article: Article) -> list[Check]:
    sents = [s for s in article.sentences if s.kind in ("prose", "list")]
    if not any("净利率" in s.text for s in sents):
        return []
    firsts: dict[int, Sentence] = {}
    for s in article.sentences:
        firsts.setdefault(s.paragraph, s)
    results: dict[str, list[_Results]] = {}
    margins: list[_Margin] = []
    for s in sents:
        period = _period(s) or _period(firsts[s.paragraph])
        # a list item's later sentences ("…；归母净利率…") are about the company its bold lead names
        owner = firsts[s.paragraph].bold_lead.strip() if s.kind == "list" else ""
        if "利润" in s.text:
            for r in _results(s, period, owner):
                results.setdefault(r.name, []).append(r)
        if "净利率" in s.text:
            at = s.text.find("净利率")
            margins.extend(_margins(s, _period(s, at) or _period(firsts[s.paragraph]), owner))
    out: list[Check] = []
    for m in margins:
        found = [r for r in results.get(m.name, []) if r.sent is not m.sent
                 and (m.period is None or r.period is None or m.period == r.period)]
        best = _one_result(found)
        if best is not None:
            out.extend(_judge(article, m, best))
    return out


def _one_result(found: list[_Results]) -> _Results | None:
    """The company's results when every mention agrees within rounding (a summary's "17.8 亿元" and
    the body's "17.79 亿元"): the most precise one; None when none, or two disagree."""
    if not found:
        return None
    for a in found:
        for b in found:
            if not (figure_interval(a.revenue).overlaps(figure_interval(b.revenue))
                    and figure_interval(a.profit).overlaps(figure_interval(b.profit))):
                return None
    return max(found, key=lambda r: (r.revenue.decimals + r.profit.decimals))


def _period(s: Sentence, upto: int | None = None) -> tuple[int, str] | None:
    """The first period written in the sentence (before `upto`: "…至 81.2%，主要因…弱于 2024 年同期"
    dates a reason, not the margin)."""
    for f in s.figures:
        if upto is not None and f.start >= upto:
            break
        if f.kind == FigureKind.DATE and (key := period_key(f.text)) is not None:
            return key
    return None


def _name(s: Sentence, at: int, owner: str = "") -> str:
    """The company a clause is about: the sentence's bold lead, or the words its clause opens with
    before the measure ("同花顺营业收入" -> 同花顺)."""
    if s.bold_lead:
        return s.bold_lead.strip()
    if owner:
        return owner
    words = s.text[clause_start(s.text, at, "。；;，,：:"):at]
    words = re.split(r"营业总收入|营业收入|营收|总收入|归母|净利率|销售净利率", words)[0]
    return _NOT_NAME.sub("", words)


def _level_and_growth(s: Sentence, figs: list[Figure], k: int) -> tuple[Figure, Figure, Interval] | None:
    """The level at figs[k] and its growth: the percent right after it, or (level after 至) the
    percent right before it."""
    f = figs[k]
    if k + 1 < len(figs) and figs[k + 1].kind == FigureKind.PERCENT \
            and _GROWTH_AFTER.match(s.text[f.end:figs[k + 1].start]):
        g = figs[k + 1]
        return f, g, signed_interval(g, s.text[f.end:g.start], result=True)
    if k >= 1 and figs[k - 1].kind == FigureKind.PERCENT and _TO.match(s.text[figs[k - 1].end:f.start]):
        g = figs[k - 1]
        lead = s.text[max(0, g.start - 16):g.start]
        if _GROWTH_BEFORE.search(lead):
            return f, g, signed_interval(g, lead, result=True)
    return None


def _measure_lead(s: Sentence, figs: list[Figure], k: int) -> tuple[str, int]:
    """The words naming the level at figs[k] and where they start: before it, or before its growth
    when written "…同比增长 28% 至 17.8 亿元"."""
    f = figs[k]
    start = figs[k - 1].end if k else 0
    lead = s.text[start:f.start]
    if k >= 1 and _TO.match(lead) and figs[k - 1].kind == FigureKind.PERCENT:
        start = figs[k - 2].end if k >= 2 else 0
        before = s.text[start:figs[k - 1].start]
        return re.sub(r"同比\s*(?:增长|增加|上升|提升|下降|减少|下滑|[增降减])?\s*$", "", before), start
    return lead, start


def _results(s: Sentence, period: tuple[int, str] | None, owner: str) -> list[_Results]:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE]
    revenue: tuple[tuple[Figure, Figure, Interval], str] | None = None
    out = []
    for k, f in enumerate(figs):
        if f.kind != FigureKind.MONEY or f.is_range or f.value is None:
            continue
        lead, start = _measure_lead(s, figs, k)
        if (rm := _REVENUE.search(lead)) and "利" not in last_chars(lead, 8):
            got = _level_and_growth(s, figs, k)
            revenue = (got, _name(s, start + rm.start(), owner)) if got else None
        elif (pm := _PROFIT.search(lead)) and revenue is not None:
            got = _level_and_growth(s, figs, k)
            (r, rg, riv), name = revenue
            revenue = None
            if got is not None and len(name) >= 2:
                out.append(_Results(name, s, r, riv, got[0], got[2], pm.group(1) != "净利润",
                                    period, [r, rg, got[0], got[1]]))
    return out


def _margins(s: Sentence, period: tuple[int, str] | None, owner: str) -> list[_Margin]:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE]
    out = []
    for k, f in enumerate(figs):
        if f.kind != FigureKind.PERCENT:
            continue
        start = figs[k - 1].end if k else 0
        before = s.text[start:f.start]
        change = None
        if (mm := _MARGIN.search(before)) is not None:
            # "净利率 28.2%，同比提升 2.1 个百分点", "净利率 28.2%（同比 +2.1pct）"
            nxt = figs[k + 1] if k + 1 < len(figs) else None
            if nxt is not None and nxt.kind == FigureKind.POINTS and _POINTS_AFTER.match(s.text[f.end:nxt.start]):
                change = nxt
        elif k >= 1 and figs[k - 1].kind == FigureKind.POINTS and _TO.match(before) \
                and (mm := _MARGIN_CHANGE.search(s.text[(start := figs[k - 2].end if k >= 2 else 0):figs[k - 1].start])):
            change = figs[k - 1]  # "净利率同比提升 2.1 个百分点至 28.2%"
        else:
            continue
        name = _name(s, start + mm.start(), owner)
        if len(name) >= 2:
            out.append(_Margin(name, s, f, change, mm.group(1) == "归母", period))
    return out


def _judge(article: Article, m: _Margin, r: _Results) -> list[Check]:
    rev, pro = figure_interval(r.revenue), figure_interval(r.profit)
    if r.revenue.unit != r.profit.unit or rev.lo <= 0 or pro.lo <= 0:
        return []  # a loss: its growth has no one convention
    one = Interval(1, 1)
    gr, gp = one + r.revenue_growth.scale(0.01), one + r.profit_growth.scale(0.01)
    if gr.lo <= 0 or gp.lo <= 0:
        return []
    now = (pro / rev).scale(100)
    before = ((pro / gp) / (rev / gr)).scale(100)
    # 归母 profit against a 净利率 with no basis: the margin may be on total profit, so a fit
    # confirms and a miss proves nothing
    certain = m.parent == r.parent
    where = [r.sent.text] * len(r.inputs)
    out = [_check(article, m, m.level, now, "ratio", f"{r.profit.text} / {r.revenue.text} = {m.level.text} "
                  f"({m.name}'s results, written under its name)", r, where, certain)]
    if m.change is not None:
        stated = figure_interval(m.change, result=True)
        lead = chars_before(m.sent.text, m.change.start, 12)
        if FALL_BEFORE.search(lead) or re.search(r"(?:下滑|回落)\s*(?:了|约)?\s*$", lead):
            stated = stated if signed(m.sent, m.change) else -stated
        chk = _check(article, m, m.change, now - before, "change",
                     f"{r.profit.text}/{r.revenue.text} - 上年净利率 {before.mid:.3f}% (= ({r.profit.text}/"
                     f"(1{_pct(r.profit_growth)}))/({r.revenue.text}/(1{_pct(r.revenue_growth)}))) = {m.change.text}",
                     r, where, certain, stated=stated)
        chk.derived = True
        out.append(chk)
    return out


def _pct(iv: Interval) -> str:
    return f"{iv.mid:+.4g}%"


def _check(article: Article, m: _Margin, stated_fig: Figure, got: Interval, kind: str, relation: str,
           r: _Results, where: list[str], certain: bool, stated: Interval | None = None) -> Check:
    written = stated if stated is not None else figure_interval(stated_fig, result=True)
    chk = interval_check(
        got, written, kind=kind, stated=stated_fig.text, inputs=[f.text for f in r.inputs], relation=relation,
        sentence=m.sent.text, sentence_id=m.sent.id, paragraph=m.sent.paragraph, input_sentences=where,
        article=article.label,
    )
    if certain:
        return chk
    if kind == "ratio":
        return on_total_profit(chk, written)
    return confirm_only(chk, "净利率 may be on total profit; only 归母 profit is written")
