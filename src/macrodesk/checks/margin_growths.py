"""A net margin's 同比 change from the growths of profit and revenue of its period, written in its
section with no levels needed (confirm-only): "2025Q1：收入同比 + 0.37%，利润同比 - 16.23%" and "净利率：…2025Q1 11.03%，
同比 - 2.19pct". Last year's margin is m × (1 + g收入) / (1 + g利润), an intermediate (derived)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import signed_rate
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before, clause_start

_REVENUE = ("营业总收入", "营业收入", "营收", "收入")
_SIDE = re.compile(r"(营业总收入|营业收入|营收|收入|扣非归母净利润|扣非净利润|归母净利润|净利润|利润)(?![率])")
_MARGIN = re.compile(r"(扣非归母净利率|扣非净利率|归母净利率|净利率)")
# another ratio named between a margin's name and its level ("净利率…毛利率 30%")
_OTHER_RATIO = re.compile(r"毛利率|费用率|周转率|负债率|ROE|占比")
_YOY = re.compile(r"(?:同比|yoy|YoY|YOY|同(?=[增降减升]))\s*(增长|增加|提升|上升|下降|减少|下滑|回落|增|降|减|升)?\s*(?:了|约)?\s*[:：]?\s*$")
_CHANGE_VERB = r"(提升|增加|上升|提高|下降|减少|下滑|回落)"
# the change written before the level: "推动净利率同比+2.09pcts至16.93%", "归母净利率同比提升5.74pcts至12.20%"
# (同增 / 同降 are 同比 and its verb in two characters: "归母净利率同增5.74pcts至12.20%")
_CHANGE_FIRST = re.compile(rf"(?:(?:同比|较上年同期|较去年同期)\s*{_CHANGE_VERB}?|同(增|升|降|减))\s*$")
_SHORT_VERB = {"增": "增加", "升": "上升", "降": "下降", "减": "减少"}


@dataclass
class _Growth:
    side: str  # "revenue", "profit", or "adjusted" (扣非 profit)
    name: str
    fig: Figure
    value: Interval  # signed, in %
    sentence: Sentence


def _period(p: ParaText, f: Figure) -> tuple[int, str] | None:
    """The period of a figure: the last date before it in its paragraph (a list item's label
    "- **2025Q1**：收入同比 + 0.37%" dates all its clauses)."""
    # a date a comparison names is the base, not the period ("较2021Q4环比-0.01pcts")
    date = next((d for d in reversed(p.figures) if d.kind == FigureKind.DATE and d.end <= f.start
                 and not re.search(r"(?:较|比)\s*$", chars_before(p.text, d.start, 3))), None)
    return period_key(date.text) if date else None


# measures listed by slashes with their levels and growths: "2021年公司收入/归母净利/扣非归母净利分别为
# 27.20/6.25/5.8亿元、同比增长18.09%/25.2%/25.1%" (cfr382)
_NAME = r"(?:营业总收入|营业收入|营收|收入|扣非归母净利润?|扣非净利润?|归母净利润?|净利润?)"
_NAMED_LISTS = re.compile(rf"({_NAME}(?:\s*/\s*{_NAME})+)\s*(?:分别)?(?:为|是|实现)?\s*(?:[\d.\s/]|亿元|万元|亿|万|元)+?(?:亿元|万元|亿|万|元)\s*[、，,]\s*"
                          r"(?:同比|yoy|YoY|YOY)\s*(增长|增加|提升|上升|下降|减少|下滑|回落)?\s*(?:分别)?\s*(?:为)?\s*")


def _listed_growths(p: ParaText) -> list[tuple[tuple[int, str] | None, _Growth]]:
    """The growths of measures listed by slashes, each by its place in the list."""
    out = []
    for m in _NAMED_LISTS.finditer(p.text):
        names = re.split(r"\s*/\s*", m.group(1))
        items: list[Figure] = []
        for f in p.figures:
            if f.start < m.end() or f.kind != FigureKind.PERCENT or f.is_range or f.value is None:
                continue
            gap = p.text[(items[-1].end if items else m.end()):f.start]
            if items and not re.fullmatch(r"\s*/\s*", gap) or not items and gap.strip():
                break
            items.append(f)
        if len(items) != len(names):
            continue
        for name, f in zip(names, items, strict=True):
            side = "revenue" if re.fullmatch("营业总收入|营业收入|营收|收入", name) else "adjusted" if "扣非" in name else "profit"
            out.append((_period(p, items[0]), _Growth(side, name, f, signed_rate(p.text, f, m.group(2)),
                                                     p.sentence_at(f.start))))
    return out


def _growths(p: ParaText) -> list[tuple[tuple[int, str] | None, _Growth]]:
    out = _listed_growths(p) if "/" in p.text else []
    for f in p.figures:
        if f.kind != FigureKind.PERCENT or f.is_range or f.value is None:
            continue
        start_at = clause_start(p.text, f.start, "；;。")
        before = p.text[start_at:f.start]
        yoy = _YOY.search(before)
        if yoy is None:
            continue
        # the measure it grows: the last revenue or profit named before it, with no percent between
        names = list(_SIDE.finditer(before))
        if not names:
            continue
        name = names[-1]
        if re.match(r"\s*[/、]", p.text[f.end:]) or re.search(r"[/、]\s*$", before):
            continue  # an item of a list: its period is its place in the list, not the date before it
        if any(x.kind == FigureKind.PERCENT and start_at + name.end() <= x.start < f.start for x in p.figures):
            continue
        # a profit net of one-offs (扣非) is the side of a 扣非 margin only
        side = "revenue" if name.group(1) in _REVENUE \
            else "adjusted" if "扣非" in before[max(0, name.start() - 6):name.end()] else "profit"
        verb = _SHORT_VERB.get(yoy.group(1) or "", yoy.group(1))  # "同增9.98%", "同降"
        out.append((_period(p, f), _Growth(side, name.group(1), f, signed_rate(p.text, f, verb), p.sentence_at(f.start))))
    return out


def _factor(g: _Growth) -> str:
    return f"1 {'-' if g.value.mid < 0 else '+'} {g.fig.text.lstrip('+-−－ ')}"


_Facts = dict[tuple[tuple[int, str] | None, str], list[_Growth]]


def find_margin_growths(article: Article) -> list[Check]:
    """Each margin's change against the growths of its period found under the nearest heading
    above it that names exactly one growth of each side ("### （一）乳制品行业" > "#### 1. 收入与利润"
    and "#### 2. 盈利能力"): a heading under which a side has two growths of the period stops the
    search (which one is meant is unknown)."""
    if "净利率" not in article.text or not re.search(r"同比|同[增升降减]|yoy", article.text, re.I):
        return []
    paras = paragraphs(article)
    if not any("净利率" in p.text for p in paras):
        return []  # every change judged is a 净利率's, in its paragraph: no growth needs reading
    found = [(p.sentences[0][1].paragraph, when, g) for p in paras for when, g in _growths(p)]
    heads = [(x.index, x.level) for x in article.paragraphs if x.kind == "heading"]
    out: list[Check] = []
    for p in paras:
        if "净利率" not in p.text:
            continue
        at = p.sentences[0][1].paragraph
        chain: list[tuple[int, int]] = []
        for index, level in heads:
            if index > at:
                break
            while chain and chain[-1][1] >= level:
                chain.pop()
            chain.append((index, level))
        scopes = [(index, next((j for j, lv in heads if j > index and lv <= level), 1 << 30)) for index, level in reversed(chain)]
        out.extend(_judge(article, p, [_facts(found, lo, hi) for lo, hi in scopes + [(-1, 1 << 30)]]))
    return out


def _facts(found: list[tuple[int, tuple[int, str] | None, _Growth]], lo: int, hi: int) -> _Facts:
    facts: _Facts = {}
    for at, when, g in found:
        if lo <= at < hi:
            facts.setdefault((when, g.side), []).append(g)
    return facts


_RATES_JOIN = re.compile(r"^\s*(?:[、，,]\s*[^\d%，,。；;]{0,10}?\s*(?:为|约)?|/)\s*$")
_LISTED_LEAD = re.compile(rf"^\s*[，,]\s*同比\s*(?:分别)?\s*{_CHANGE_VERB}?\s*$")


def _listed_change(p: ParaText, figs: list[Figure], k: int) -> tuple[Figure, re.Match[str]] | None:
    """The change of the rate figs[k] in a list of rates followed by its list of changes, paired by
    place: "销售毛利率 14.6%、净利率 4.0%，同比分别下降 3.6、1.1PCT"."""
    j = k
    while j > 0 and figs[j - 1].kind == FigureKind.PERCENT and _RATES_JOIN.match(p.text[figs[j - 1].end:figs[j].start]):
        j -= 1
    end = k
    while end + 1 < len(figs) and figs[end + 1].kind == FigureKind.PERCENT \
            and _RATES_JOIN.match(p.text[figs[end].end:figs[end + 1].start]):
        end += 1
    n = end - j + 1
    if n < 2 or end + n >= len(figs):
        return None
    lead = _LISTED_LEAD.match(p.text[figs[end].end:figs[end + 1].start])
    changes = figs[end + 1:end + 1 + n]
    if lead is None or changes[-1].kind != FigureKind.POINTS \
            or any(x.kind not in (FigureKind.POINTS, FigureKind.NUMBER) for x in changes) \
            or not all(re.fullmatch(r"\s*[、/]\s*", p.text[a.end:b.start]) for a, b in zip(changes, changes[1:], strict=False)):
        return None
    if re.fullmatch(r"\s*[/、]\s*", p.text[figs[j].end:figs[j + 1].start]):
        # "综合毛利率/综合净利率24.3%/11.8%", "毛利率、净利率分别为42.75%、29.62%": the names are a list too,
        # and the rate's is the one of its place
        names = _SLASH_NAMES.search(p.text, 0, figs[j].start)
        if names is None or len(parts := re.split(r"\s*[/、]\s*", names.group(1))) != n \
                or not _MARGIN.search(parts[k - j]):
            return None
    return changes[k - j], lead


_SLASH_NAMES = re.compile(r"([^\s/、，,。；;：:\d%]{1,10}?率(?:\s*[/、]\s*[^\s/、，,。；;：:\d%]{1,10}?率)+)\s*(?:分别)?\s*(?:为|是)?\s*$")


def _judge(article: Article, p: ParaText, scopes: list[_Facts]) -> list[Check]:
    out = []
    figs = [f for f in p.figures if f.kind != FigureKind.DATE]
    for k in range(len(figs) - 1):
        m, c = figs[k], figs[k + 1]
        if m.is_range or c.is_range:
            continue
        listed = _listed_change(p, figs, k) if m.kind == FigureKind.PERCENT else None
        yoy: re.Match[str] | None
        if listed is not None:
            # "销售毛利率 14.6%、净利率 4.0%，同比分别下降 3.6、1.1PCT", "综合毛利率/综合净利率24.3%/11.8%，同比
            # -3.8pcts/-0.3pct": the change of the margin's place in the list
            c, yoy = listed
            named_before, stop = m.start, r"(?!)"
        elif m.kind == FigureKind.PERCENT and c.kind == FigureKind.POINTS:
            if re.match(r"\s*/", p.text[c.end:]) or k and re.search(r"/\s*$", p.text[figs[k - 1].end:m.start]):
                continue  # a list of rates or of changes that is not paired by place
            yoy = re.match(rf"^\s*[，,、（(]?\s*同比\s*{_CHANGE_VERB}?\s*$", p.text[m.end:c.start])
            named_before, stop = m.start, r"(?!)"
        elif m.kind == FigureKind.POINTS and c.kind == FigureKind.PERCENT \
                and re.match(r"^\s*(?:至|到)\s*$", p.text[m.end:c.start]):
            yoy = _CHANGE_FIRST.search(p.text, max(0, m.start - 12), m.start)
            m, c = c, m
            named_before, stop = c.start, r"[。；;]"  # its name in its own clause
        else:
            continue
        names = list(_MARGIN.finditer(p.text, 0, named_before))
        if yoy is None or not names or _OTHER_RATIO.search(p.text[names[-1].end():named_before]) \
                or re.search(stop, p.text[names[-1].end():named_before]):
            continue
        when = _period(p, m)
        if when is None:
            continue
        margin = names[-1].group(1)
        side = "adjusted" if "扣非" in margin else "profit"
        rev: list[_Growth] = []
        profit: list[_Growth] = []
        for facts in scopes:
            rev, profit = facts.get((when, "revenue"), []), facts.get((when, side), [])
            if rev or profit:
                break
        if len(rev) != 1 or len(profit) != 1:
            continue
        now = figure_interval(m)
        one = Interval(1, 1)
        fr, fp = one + rev[0].value.scale(0.01), one + profit[0].value.scale(0.01)
        if fr.lo <= 0 or fp.lo <= 0:
            continue
        before = now * fr / fp
        got = now - before
        stated = signed_rate(p.text, c, yoy.group(1) or _SHORT_VERB.get(yoy.group(2) or "") if yoy.re is _CHANGE_FIRST
                             else yoy.group(1))
        where = p.sentence_at(c.start)
        chk = interval_check(
            got, stated, kind="change", stated=c.text,
            inputs=[m.text, rev[0].fig.text, profit[0].fig.text],
            relation=(f"{m.text} - 上年 {fmt(before.mid)}% (= {m.text} × ({_factor(rev[0])}) / "
                      f"({_factor(profit[0])})) = {c.text} (from the growths of "
                      f"{rev[0].name} and {profit[0].name} of the period)"),
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
            input_sentences=[rev[0].sentence.text, profit[0].sentence.text], article=article.label,
        )
        if chk.verdict == "inconsistent":
            # confirm-only: 利润 may be 归母 or total profit, and the margin itself may be the slip
            # (583: 扣非归母净利率 10.9% beside 29.2 / 459.0 = 6.4%), which the change does not show
            continue
        chk.refutable = False
        out.append(chk)
    return out
