"""Gaps to a benchmark whose own return is never written, each implying it: "非银金融指数涨跌幅为 + 2.69%，
跑输沪深 300 指数 1.49 个百分点", "银行涨幅为 1.25%，跑输沪深 300 指数 2.93 个百分点", "证券 II 上涨 3.12%，跑输
沪深 300 指数 1.06 个百分点" all put 沪深 300 at 4.18%. Each statement is judged against the benchmark the
others agree on (three or more of one benchmark and period)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.levels import signed
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_RETURN = re.compile(r"(涨跌幅|涨幅|跌幅|上涨|下跌|收涨|收跌|上升|下降|收益率)\s*(?:为|达|约)?\s*$")
_PERIODS = ("本周", "本月", "年初至今", "今年以来", "年内", "上半年", "当日", "本季度", "上周", "7 月", "8 月")
_LIST_GAP = re.compile(r"^\s*[、，,]\s*$")


@dataclass
class _Stated:
    s: Sentence
    ret: Figure
    gap: Figure
    implied: Interval  # the benchmark's return it implies
    ret_iv: Interval  # its own return, signed
    beats: bool  # 跑赢
    relative: bool = False  # "（相对沪深 300 收益率 4.73%）": a signed relative return


def _name(words: str) -> str:
    return re.sub(r"\s+|指数$", "", words)


_WEEKLY = re.compile(r"周收益率|周涨跌幅|周涨幅|周跌幅|上周|本周|当周")
_MONTHLY = re.compile(r"月收益率|月涨跌幅|月涨幅|月跌幅|近一个月|近一月|本月|当月")


def _period(s: Sentence) -> str:
    ytd = next((p for p in ("年初至今", "今年以来", "年内") if p in s.text), "")
    if ytd:
        return ytd
    # a sector's weekly and monthly returns are two benchmarks' periods ("上周", "周收益率", "近一个月")
    if _WEEKLY.search(s.text) and not _MONTHLY.search(s.text):
        return "W"
    if _MONTHLY.search(s.text) and not _WEEKLY.search(s.text):
        return "M"
    return next((p for p in _PERIODS if p in s.text), "")


# "收益率 1.40%，相对沪深 300 收益率 2.21%", "涨跌幅 3.92%（相对沪深 300 收益率 4.73%）": a relative return
_RELATIVE = re.compile(r"^\s*[，,（(]\s*相对\s*([\u4e00-\u9fa5A-Za-z\d\s]{2,16}?)\s*(?:的)?\s*(?:超额)?\s*"
                       r"(?:(?:收益率?|涨跌幅|涨幅)\s*(?:为)?\s*[:：]?|[:：])\s*$")


def _signed_return(s: Sentence, f: Figure, lead: str) -> Interval:
    iv = figure_interval(f)
    # (涨跌幅 is a signed return, not a fall)
    return -iv if not signed(s, f) and re.search(r"(?<!涨)跌幅|下跌|收跌|下降", lead) and (f.value or 0) > 0 else iv


def _clause(s: Sentence, f: Figure) -> str:
    return s.text[clause_start(s.text, f.start, "，,；;。（("):f.start]


def _relative(s: Sentence, figs: list[Figure], k: int) -> tuple[str, _Stated] | None:
    """"涨跌幅 3.92%（相对沪深 300 收益率 4.73%）": the return is the last percent before, past the
    benchmark's digits ("沪深 300") and past other relative returns ("月涨幅 26.7%，相对沪深 300 涨幅
    16.41%，相对行业指数涨幅 16.04%")."""
    g = figs[k]
    j = k - 1
    while j >= 0 and (figs[j].kind == FigureKind.NUMBER
                      or figs[j].kind == FigureKind.PERCENT and "相对" in _clause(s, figs[j])):
        j -= 1
    i = k - 1
    while i >= 0 and figs[i].kind == FigureKind.NUMBER:
        i -= 1
    if j < 0 or i < 0 or figs[j].kind != FigureKind.PERCENT:
        return None
    rm = _RELATIVE.match(s.text[figs[i].end:g.start])
    lead = _RETURN.search(_clause(s, figs[j]))
    if rm is None or lead is None:
        return None
    r = figs[j]
    ret = _signed_return(s, r, lead.group(1))
    return _name(rm.group(1)), _Stated(s, r, g, ret - figure_interval(g), ret, True, relative=True)


_GAP_LEAD = re.compile(r"^\s*[，,]\s*(跑赢|跑输)了?\s*([\u4e00-\u9fa5A-Za-z\d\s]{2,16}?)\s*$")


def _statements(s: Sentence) -> list[tuple[str, _Stated]]:
    out = []
    figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
    for k, g in enumerate(figs):
        if g.kind == FigureKind.PERCENT:
            rel = _relative(s, figs, k)
            if rel is not None:
                out.append(rel)
            continue
        if g.kind != FigureKind.POINTS:
            continue
        # the return: the last percent before the gap, with only the benchmark's name between
        # ("沪深 300 指数": its digits are read as a number)
        rets = [f for f in figs[:k] if f.kind == FigureKind.PERCENT]
        if not rets:
            continue
        r = rets[-1]
        # (or a list of gaps to several benchmarks: "上涨3.13%，跑赢上证指数2.09个百分点，跑赢沪深300指数
        # 3.13个百分点", 839)
        between = [f for f in figs[figs.index(r) + 1:k] if f.kind in (FigureKind.PERCENT, FigureKind.POINTS)]
        if any(f.kind == FigureKind.PERCENT for f in between):
            continue
        if not all(_GAP_LEAD.search(s.text[a.end:b.start]) for a, b in zip([r, *between], between, strict=False)):
            continue
        m = _GAP_LEAD.search(s.text[(between[-1] if between else r).end:g.start])
        before = s.text[clause_start(s.text, r.start, "，,；;。"):r.start]
        lead = _RETURN.search(before)
        if m is None or lead is None:
            continue
        gap = figure_interval(g)
        ret = _signed_return(s, r, lead.group(1))
        # 跑赢 by g: the benchmark is g below; 跑输: g above
        implied = ret - gap if m.group(1) == "跑赢" else ret + gap
        out.append((_name(m.group(2)), _Stated(s, r, g, implied, ret, m.group(1) == "跑赢")))
    return out


def find_implied_benchmarks(article: Article) -> list[Check]:
    if "跑赢" not in article.text and "跑输" not in article.text and "相对" not in article.text:
        return []
    groups: dict[tuple[str, str], list[_Stated]] = {}
    for s in article.sentences:
        # a statement is a relative return (_RELATIVE: 相对) or a gap (_GAP_LEAD: 跑赢/跑输) of its sentence
        if s.kind in ("prose", "list") and ("相对" in s.text or "跑赢" in s.text or "跑输" in s.text):
            for name, st in _statements(s):
                groups.setdefault((name, _period(s)), []).append(st)
    out: list[Check] = []
    for (name, _), stated in groups.items():
        # a statement restated word for word (the summary repeating the body) is one witness
        distinct = {(st.ret.value, st.gap.value): st for st in stated}
        items = list(distinct.values())
        # two gaps to one benchmark ("万得低空经济指数上涨3.13%，跑赢上证指数2.09个百分点；国证通用航空指数
        # 上涨1.96%，跑赢上证指数0.93个百分点", 839): when they put it at one return, each confirms the
        # other; when they do not, which is wrong is not said
        two = len(items) == 2 and not any(st.relative for st in items)
        if len(items) < 3 and not (two and items[0].implied.overlaps(items[1].implied)):
            continue
        for i, st in enumerate(items):
            others = [x.implied for j, x in enumerate(items) if j != i]
            lo, hi = max(x.lo for x in others), min(x.hi for x in others)
            if lo > hi:
                continue  # the others disagree among themselves: no benchmark to judge by
            agreed = Interval(lo, hi)
            got = st.ret_iv - agreed if st.beats else agreed - st.ret_iv
            word = "相对" if st.relative else "跑赢" if st.beats else "跑输"
            chk = interval_check(
                got, figure_interval(st.gap, result=True), kind="difference", stated=st.gap.text, inputs=[st.ret.text],
                relation=(f"{word}: {fmt(st.ret_iv.mid)}% against {name} at {fmt(agreed.mid)}% (as "
                          f"{'the other gap to it implies' if two else f'{len(others)} other gaps to it imply'})"
                          f" = {st.gap.text}"),
                sentence=st.s.text, sentence_id=st.s.id, paragraph=st.s.paragraph, derived=True,
                input_sentences=[x.s.text for j, x in enumerate(items) if j != i], article=article.label,
            )
            if two:
                chk = confirm_only(chk, "two gaps agree on the benchmark: neither alone is certain")
            elif st.relative and len(others) < 3:
                # relative returns of a sector and its sub-sectors: with only two others, which side
                # is wrong is not certain (552: the sector against two sub-sectors)
                chk = confirm_only(chk, "two relative returns are too few to say which is wrong")
            out.append(chk)
    return out
