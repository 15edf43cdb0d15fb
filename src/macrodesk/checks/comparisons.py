"""Comparisons stated in words ("其中大族数控、芯碁微装业绩增速高于行业平均"): each named company's
growth, read in its own section, against the group's growth stated beside the claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Sentence

_NAME = r"[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9]{1,7}"
_CLAIM = re.compile(
    rf"(?P<names>{_NAME}(?:[、和与及]{_NAME})*)的?"
    r"(?P<what>业绩|营业收入|营收|收入|归母净利润|净利润|利润)增速(?:均|都|亦)?(?:明显|显著)?"
    r"(?P<op>高于|快于|超过|领先于?|低于|慢于|落后于)"
    r"(?P<ref>行业平均(?:水平)?|行业整体|板块整体|板块平均|行业)"
)
_ABOVE = ("高于", "快于", "超过", "领先", "领先于")
# "2025 年", "2026 年第一季度", "25H1", "2026Q1": what a growth is the growth of
_PERIOD = re.compile(
    r"(?P<year>(?:19|20)?\d{2})\s*年\s*(?P<sub>第?\s*[一二三四1-4]\s*季度|[上下]半年|前三季度|Q[1-4]|H[12])?"
    r"|(?P<year2>(?:20)?\d{2})\s*(?P<sub2>Q[1-4]|H[12])"
)
_SUB = {"第一季度": "Q1", "一季度": "Q1", "第二季度": "Q2", "二季度": "Q2", "第三季度": "Q3",
        "三季度": "Q3", "第四季度": "Q4", "四季度": "Q4", "上半年": "H1", "下半年": "H2",
        "前三季度": "Q1-3"}
# a level and its 同比 growth: "合计营收 116 亿元，同比增长 55%", "归母净利润 2.90 亿元，同比增长 80.4%"
_GROWTH = re.compile(
    r"(?P<metric>营业总?收入|营收|收入|归母净利润|净利润)(?:分别)?\s*(?:为|达到?|实现)?\s*"
    r"[\d.,]+\s*(?:万亿|亿|万)?元?\s*[，,]?\s*同比\s*"
    r"(?P<verb>增长|增加|提升|上升|下降|减少|下滑)?\s*(?P<sign>[+＋\-−－])?\s*(?P<num>\d+(?:\.\d+)?)\s*%"
)
_FALL = ("下降", "减少", "下滑")


@dataclass(frozen=True)
class _Growth:
    family: str  # revenue | profit
    period: str
    value: float
    half: float  # half a unit of the last digit written
    text: str
    sentence: Sentence


def _period(text: str) -> str:
    found = list(_PERIOD.finditer(text))
    if not found:
        return ""
    m = found[-1]
    year = m.group("year") or m.group("year2")
    sub = re.sub(r"\s+", "", m.group("sub") or m.group("sub2") or "")
    year = year if len(year) == 4 else "20" + year
    return year + _SUB.get(sub, sub)


def _growths(s: Sentence, upto: int | None = None) -> list[_Growth]:
    text = s.text if upto is None else s.text[:upto]
    out = []
    for m in _GROWTH.finditer(text):
        # 扣非 is another basis; a growth's own period is the last one named before it
        if "扣非" in text[max(0, m.start() - 2):m.start()]:
            continue
        num = m.group("num")
        sign = -1.0 if (m.group("verb") in _FALL or (m.group("sign") or "") in "-−－" and m.group("sign")) else 1.0
        dec = len(num.split(".")[1]) if "." in num else 0
        family = "revenue" if "收入" in m.group("metric") or "营收" in m.group("metric") else "profit"
        out.append(_Growth(family, _period(text[:m.start()]), sign * float(num), 0.5 * 10 ** -dec,
                           m.group(0), s))
    return out


def _unique(gs: list[_Growth], family: str, period: str) -> _Growth | None:
    """The one growth of that family and period (several different ones: none is certain)."""
    found = {g.value: g for g in gs if g.family == family and g.period == period}
    return next(iter(found.values())) if len(found) == 1 else None


def find_comparisons(article: Article) -> list[Check]:
    """Each claim that named companies grew faster (or slower) than their group, judged on every
    metric the claim covers (业绩 = revenue and profit): inconsistent only when a company misses on
    all of them, each read once in the company's own section and once beside the claim."""
    out: list[Check] = []
    heads: dict[str, str] = {}  # sentence id -> the nearest heading above it ("4.5 芯碁微装")
    head = ""
    for s in article.sentences:
        head = s.text if s.kind == "heading" else head
        heads[s.id] = head
    sentences = [s for s in article.sentences if s.kind in ("prose", "list")]
    for i, s in enumerate(sentences):
        if "增速" not in s.text:
            continue  # every claim writes 增速; the pattern's open start is slow to scan with
        for m in _CLAIM.finditer(s.text):
            chk = _judge_claim(s, m, sentences, sentences[:i], heads)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _judge_claim(s: Sentence, m: re.Match[str], sentences: list[Sentence],
                 before: list[Sentence], heads: dict[str, str]) -> Check | None:
    names = [n for n in re.split(r"[、和与及]", re.sub(r"^(?:其中|而|但|且)", "", m.group("names"))) if n]
    what = m.group("what")
    families = (["revenue", "profit"] if what == "业绩"
                else ["revenue"] if "收入" in what or "营收" in what else ["profit"])
    # the group's growths: stated in the claim's own paragraph, before the claim
    group = [g for t in before if t.paragraph == s.paragraph for g in _growths(t)]
    group += _growths(s, m.start())
    above = m.group("op") in _ABOVE
    stated = m.group("op") + m.group("ref")
    verdicts: list[str] = []
    lines: list[str] = []
    inputs: list[str] = []
    where: list[str] = []
    for name in names:
        # the company's own growths: under a heading that names it
        own = [g for t in sentences if name in heads[t.id] and name not in heads[s.id]
               for g in _growths(t)]
        results = []
        for fam in families:
            base = next((g for g in group if g.family == fam), None)
            if base is None or _unique(group, fam, base.period) is None:
                continue
            mine = _unique(own, fam, base.period)
            if mine is None:
                continue
            lo, hi = mine.value - mine.half, mine.value + mine.half
            glo, ghi = base.value - base.half, base.value + base.half
            if (lo > ghi) if above else (hi < glo):
                results.append("holds")
            elif (hi < glo) if above else (lo > ghi):
                results.append("fails")
            else:
                results.append("tie")
            word = "收入" if fam == "revenue" else "利润"
            lines.append(f"{name} {base.period}{word}同比 {mine.value:+g}% vs 行业 {base.value:+g}%")
            inputs += [f"{mine.value:g}%", f"{base.value:g}%"]
            where += [mine.sentence.text, base.sentence.text]
        if len(results) < len(families):
            verdicts.append("unknown")
        elif all(r == "fails" for r in results):
            verdicts.append("fails")
        elif all(r == "holds" for r in results):
            verdicts.append("holds")
        else:
            verdicts.append("unknown")
    if not lines:
        return None
    relation = f"{'、'.join(names)} 增速{stated}: " + "；".join(lines)
    verdict: Verdict
    if "fails" in verdicts:
        verdict, note = "inconsistent", "a named company grew slower than the group on every metric the claim covers" \
            if above else "a named company grew faster than the group on every metric the claim covers"
    elif all(v == "holds" for v in verdicts):
        verdict, note = "consistent", ""
    else:
        verdict, note = "unverifiable", "not every named company's growth is stated for the group's period"
    return Check(verdict=verdict, kind="comparison", stated=stated, inputs=inputs, relation=relation,
                 note=note,  # a comparison has no one recomputed number: its figures are in `relation`
                 sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=where)

