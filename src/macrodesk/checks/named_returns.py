"""Excess returns over a benchmark named by its index: "上证综指、深证综指分别上涨 7.97%、12.35%。非银指数
上涨 8.26%，跑赢上证指数 0.30 个百分点，落后深证综指 4.08 个百分点", "沪深 300 指数下跌 0.25%，公用事业指数
上涨 0.26%…公用事业周相对收益率 0.52%". Each return is found by the index's name in its paragraph; a
relative return with no benchmark named is over the paragraph's one broad-market index."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import signed
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# a return: "指数上涨 0.26%", "下跌 0.25%", "涨跌幅为 -2.77%", "周涨幅 3.30%"
_RETURN_VERB = re.compile(r"(收涨|上涨|上升|上扬|涨幅为?|涨跌幅为?|收跌|下跌|下降|下滑|回落|跌幅为?|涨|跌)\s*(?:了|约|达)?\s*$")
_FALLS = ("收跌", "下跌", "下降", "下滑", "回落", "跌幅", "跌")
# the words around an index's name that are not its name
_NOT_NAME = re.compile(r"[\s*（()）]|较前一|较上|环比|同比|申万|中信|本周|本月|上周|同期|年内|年初至今|当周|当月|周|月|期间|指数|板块|行业|"
                       r"一级|二级|分别|整体|全年|今年以来|截至|\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|SW|Ⅱ|II")
_BROAD = re.compile(r"沪深300|上证|深证|创业板|中证|万得全A|Wind全A|全A|恒生|大盘|科创50")
# "跑赢沪深 300 指数（+0.88%）0.25 个百分点", "落后深证综指 4.08 个百分点"
_GAP = re.compile(r"(跑赢|跑输|落后于?|领先于?|超越|强于|弱于|低于|高于)\s*(?:同期)?\s*([^，,。；;：:（(%]{2,14}?)\s*"
                  r"(?:指数)?\s*(?:[（(][^（()）]{0,12}[）)])?\s*$")
_RELATIVE = re.compile(r"([^，,。；;：:%]{2,12}?)\s*(?:周|月|年内|年初至今)?\s*(?:相对收益率?|超额收益率?)\s*(?:为|达|约)?\s*$")
# what a sentence holding a return or a gap says, tested before its figures are read
_MOVES = re.compile(r"涨|跌|下滑|下降|上升|回落|上扬")
_GAP_WORD = re.compile(r"跑赢|跑输|落后|领先|超越|强于|弱于|低于|高于|相对收益|超额收益")


@dataclass
class _Return:
    name: str
    fig: Figure
    sent: Sentence
    iv: Interval
    period: str  # the period word of its clause ("年初至今", "周"), "" when none


# the period a return is over (returns of two periods are never compared): a span first, then a
# week or a month ("截至 7 月 22 日累计下跌" is a span, not July)
_SPAN = re.compile(r"年初至今|今年以来|年初以来|年内|近\s*\d+\s*个?月|累计")
_WEEK = re.compile(r"本周|当周|周")
_MONTH = re.compile(r"本月|当月|月")


def _period(clause: str) -> str:
    if _SPAN.search(clause):
        return "span"
    if _WEEK.search(clause):
        return "week"
    return "month" if _MONTH.search(clause) else ""


def _norm(name: str) -> str:
    return _NOT_NAME.sub("", name)


def find_named_returns(article: Article) -> list[Check]:
    # every check is a gap (_GAP_WORD) over a return (_MOVES), each read from its sentence
    if not mentions(article, _GAP_WORD) or not mentions(article, _MOVES):
        return []
    out: list[Check] = []
    # a benchmark's return of the gap's own paragraph only
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for _, group in groupby(prose, key=lambda s: s.paragraph):
        sents = list(group)
        gapped = [s for s in sents if _GAP_WORD.search(s.text) and _has_gap(s)]
        if not gapped:
            continue
        returns = [r for s in sents if _MOVES.search(s.text) for r in _returns(s)]
        # a return with no period of its own is over the period its paragraph opened with
        # ("本周上证综指…上涨 7.97%…。非银指数上涨 8.26%")
        opened = next((r.period for r in returns if r.period), "")
        for r in returns:
            r.period = r.period or opened
        for s in gapped:
            out.extend(_gaps(article, s, returns))
    return out


def _has_gap(s: Sentence) -> bool:
    """Whether a figure of the sentence is led by a gap or a relative return, as _gaps reads them:
    a paragraph with none has no return worth reading."""
    figs = _figures(s)
    for k, f in enumerate(figs):
        if f.value is None:
            continue
        lead = s.text[figs[k - 1].end if k else 0:f.start]
        if _GAP.search(lead) or _RELATIVE.search(lead):
            return True
    return False


def _figures(s: Sentence) -> list[Figure]:
    """The sentence's percents and points: a bare number is part of an index's name (沪深 300)."""
    return [f for f in s.figures if f.kind in (FigureKind.PERCENT, FigureKind.POINTS)]


def _returns(s: Sentence) -> list[_Return]:
    figs = _figures(s)
    out = []
    k = 0
    while k < len(figs):
        f = figs[k]
        prev_end = figs[k - 1].end if k else 0
        lead = s.text[prev_end:f.start]
        vm = _RETURN_VERB.search(lead)
        if f.kind != FigureKind.PERCENT or vm is None:
            k += 1
            continue
        subject = s.text[clause_start(s.text, prev_end + vm.start(), "，,。；;：:"):prev_end + vm.start()]
        # "上证综指、深证综指分别上涨 7.97%、12.35%"
        names = [n for n in (_norm(x) for x in re.split(r"[、和及与/]", subject)) if n]
        if all(len(n) < 2 for n in names):
            # "本周基础化工行业指数收 4662.73 点，较上周下跌 10.53%": the index closed at its level in the
            # clause before is the one that moved
            end = clause_start(s.text, prev_end + vm.start(), "，,。；;：:") - 1
            closed = _CLOSED_AT.search(s.text[clause_start(s.text, end, "，,。；;：:"):end]) if end > 0 else None
            names = [n for n in [_norm(closed.group(1))] if n] if closed else []
        period = _period(s.text[:prev_end + vm.end()])
        run = [f]
        while len(run) < len(names) and k + len(run) < len(figs) \
                and figs[k + len(run)].kind == FigureKind.PERCENT \
                and re.fullmatch(r"\s*[、/和及与]\s*", s.text[run[-1].end:figs[k + len(run)].start]):
            run.append(figs[k + len(run)])
        if len(names) == len(run) and all(len(n) >= 2 for n in names):
            fall = vm.group(1).startswith(_FALLS)
            for n, g in zip(names, run, strict=True):
                iv = figure_interval(g)
                out.append(_Return(n, g, s, -iv if fall and not signed(s, g) and (g.value or 0) > 0 else iv, period))
        k += len(run)
    return out


# "沪深 300 指数报 4567.02 点": an index named before the level it closed at
_CLOSED_AT = re.compile(r"^\s*(?:同期)?\s*([^，,。；;]{2,16}?)\s*(?:收于|收报|收盘于?|报收|收|报)\s*[\d.,]+\s*点\s*$")


def _find(returns: list[_Return], name: str) -> _Return | None:
    """The one return of the index named: its exact name, else the one index sharing its first two
    characters (上证指数 / 上证综指); None when none or two."""
    exact = [r for r in returns if r.name == name]
    if len({r.fig.text for r in exact}) == 1:
        return exact[0]
    if len(name) > 4:
        return None
    # a short index name written two ways: 上证指数 / 上证综指 (never 恒生 for 恒生医疗保健)
    near = [r for r in returns if r.name[:2] == name[:2] and len(r.name) <= 4]
    return near[0] if len({r.name for r in near}) == 1 and len({r.fig.text for r in near}) == 1 else None


def _broad_index(returns: list[_Return]) -> _Return | None:
    """The paragraph's one index of the whole market (沪深 300, 上证, …): what 大盘 and a relative
    return with no benchmark named are over; None when none or two are written."""
    broad = {r.name: r for r in returns if _BROAD.search(r.name)}
    return next(iter(broad.values())) if len(broad) == 1 else None


def _gaps(article: Article, s: Sentence, returns: list[_Return]) -> list[Check]:
    figs = _figures(s)
    out = []
    for k, f in enumerate(figs):
        if f.value is None:
            continue
        prev_end = figs[k - 1].end if k else 0
        lead = s.text[prev_end:f.start]
        if (gm := _GAP.search(lead)) is not None:
            # the subject's return: the last one before the gap that is no index of the market
            # ("银行指数下跌 0.26%，同期上证综指上涨 0.21%，弱于大盘…"; "创业板指下跌 6.1%，证券行业跑输…"
            # has the sector's return elsewhere)
            own = [r for r in returns if r.sent is s and r.fig.end <= prev_end + gm.start()
                   and not _BROAD.search(r.name)]
            name = _norm(gm.group(2))
            bench = _find(returns, name)
            if not own:
                # "本周化工行业指数跑赢沪深 300 指数 0.71%": the subject named before the verb, its return
                # in another clause of the paragraph
                subject = _norm(s.text[clause_start(s.text, prev_end + gm.start(), "，,。；;：:"):prev_end + gm.start()])
                found = _find(returns, subject) if len(subject) >= 2 else None
                own = [found] if found is not None and not _BROAD.search(found.name) else []
            if bench is None and name in ("大盘", "市场", "市场整体"):
                bench = _broad_index(returns)  # "走势弱于大盘 0.47 个百分点"
            if not own or bench is None or bench.fig is own[-1].fig or bench.period != own[-1].period:
                continue
            x = own[-1]
            below = gm.group(1).startswith(("跑输", "落后", "弱于", "低于"))
        elif (rm := _RELATIVE.search(lead)) is not None:
            subject = _norm(rm.group(1))
            x_found = _find(returns, subject) if len(subject) >= 2 else None
            broad = _broad_index(returns)
            if x_found is None or broad is None or x_found.name == broad.name or broad.period != x_found.period:
                continue
            x, bench, below = x_found, broad, False
        else:
            continue
        got = x.iv - bench.iv
        stated = figure_interval(f, result=True)
        if below and not signed(s, f):
            stated = -stated
        out.append(interval_check(
            got, stated, kind="difference", stated=f.text, inputs=[x.fig.text, bench.fig.text],
            relation=f"{x.name} ({x.iv.mid:+.2f}%) - {bench.name} ({bench.iv.mid:+.2f}%) = {f.text}",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
            input_sentences=[x.sent.text, bench.sent.text], article=article.label,
        ))
    return out
