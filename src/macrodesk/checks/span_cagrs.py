"""A CAGR from a growth over several years written beside it: "前三季度新签 10067 亿（+37%），较 19 年
增速 54%，近两年复合增速 24%" is (1 + 54%)^(1/2) − 1; the years are the count written (两年) or the
span from the year named to the level's own year."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.models import Article, FigureKind, Sentence
from macrodesk.text.clauses import chars_before

# the growth over the span: "较 19 年增速 54%", "较 2019 年同期增长 105%", "相比 2019 年增长 54%"
_SPAN_GROWTH = re.compile(
    r"(?:较|相比|相较于?|对比)\s*(?:((?:19|20)?\d{2})\s*(?:年\s*(?:同期|Q[1-4]|H[12])?|Q[1-4]|H[12])"
    # "较 19Q1 增长 36%", "相比1Q19增长10.6%"
    r"|[1-4]\s*[QH]\s*((?:19|20)?\d{2}))(?:同期)?\s*(?:的)?\s*"
    r"(?:增速|增幅|增长率?|增加|提升|上升|下降|下滑|减少|变动)?\s*(?:为|达|约)?\s*$")
# the words of a CAGR, right before its figure
_CAGR_WORD = r"(?:年均)?\s*(?:复合(?:年均)?增(?:长)?(?:速|率)?|CAGR)\s*(?:为|达到?|约|约为)?\s*$"
# the CAGR after it: "近两年复合增速 24%", "两年年均复合增长 9.8%", "CAGR 为 24%"
_CAGR = re.compile(
    r"^[)）]?[，,（(\s]*(?:(?:近|过去)?\s*([两二三四五六七八九十\d])\s*年\s*(?:间|来)?\s*(?:Q[1-4]|同期|一季度)?\s*(?:的)?\s*)?"
    + _CAGR_WORD)
# a growth on last year's: "同比增长 91.65%， 在去年 Q1 下滑 23.96%的基础上实现高增长，两年复合增速 21%" (cfb254)
_LAST_YEARS = re.compile(r"^[，,\s]*(?:在|较|相比)?\s*去年\s*(?:同期|Q[1-4]|H[12]|一季度|上半年)?\s*"
                         r"(增长|增加|提升|上升|下降|下滑|减少)?\s*$")
_ON_IT = re.compile(r"^\s*的?\s*(?:低)?基础上[^。；;\d%]{0,12}?[，,]\s*(?:近)?\s*两\s*年\s*(?:Q[1-4]|同期|一季度)?\s*"
                    + _CAGR_WORD)
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# the level's own year: the last year written before the growth in its sentence
_YEAR = re.compile(r"((?:19|20)?\d{2})\s*(?:年|Q[1-4]|H[12])")


def _full(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def _years(s: Sentence, count: str | None, base: int, before: int) -> int | None:
    if count:
        return int(count) if count.isdigit() else _CN.get(count)
    own = [_full(m.group(1)) for m in _YEAR.finditer(s.text, 0, before)]
    later = [y for y in own if y > base]
    return later[-1] - base if later else None


def find_span_cagrs(article: Article) -> list[Check]:
    """Each CAGR written right after a growth over a span of years named by its base year."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not ("复合" in s.text or "CAGR" in s.text):
            continue
        figs = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
        for g, c in zip(figs, figs[1:], strict=False):
            between = s.text[g.end:c.start]
            span = _SPAN_GROWTH.search(s.text, max(0, g.start - 24), g.start)
            cagr = _CAGR.match(between)
            if span is None or cagr is None:
                continue
            base = _full(span.group(1) or span.group(2))
            n = _years(s, cagr.group(1), base, span.start())
            if n is None or not 1 < n <= 10:
                continue
            # (a fall verb before an unsigned growth makes it negative)
            grew = signed_interval(g, chars_before(s.text, g.start, 6))
            factor = Interval(1, 1) + grew.scale(0.01)
            if factor.lo <= 0:
                continue
            got = (factor.pow(1 / n) - Interval(1, 1)).scale(100)
            out.append(interval_check(
                got, signed_interval(c, between, result=True), kind="cagr", stated=c.text, inputs=[g.text],
                relation=f"(1 + {g.text})^(1/{n}) - 1 = {c.text} (the growth since {base} over {n} years)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text],
                article=article.label))
        for g, last, c in zip(figs, figs[1:], figs[2:], strict=False):
            lead = _LAST_YEARS.match(s.text[g.end:last.start])
            if lead is None or not _ON_IT.match(s.text[last.end:c.start]):
                continue
            this = signed_interval(g, chars_before(s.text, g.start, 6))
            before = signed_interval(last, lead.group(0))
            factor = (Interval(1, 1) + this.scale(0.01)) * (Interval(1, 1) + before.scale(0.01))
            if factor.lo <= 0:
                continue
            got = (factor.pow(1 / 2) - Interval(1, 1)).scale(100)
            out.append(interval_check(
                got, signed_interval(c, s.text[last.end:c.start], result=True), kind="cagr", stated=c.text,
                inputs=[g.text, last.text],
                relation=(f"((1 + {g.text}) × (1 {'-' if before.mid < 0 else '+'} {fmt(abs(before.mid))}%))^(1/2) - 1 = "
                          f"{c.text} (this year's growth on last year's)"),
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text],
                article=article.label))
        out.extend(_multiples(article, s))
        out.extend(_listed(article, s))
    return out


_LIST_SEP = re.compile(r"^\s*(?:[、/，,]|和|及)\s*$")


def _listed(article: Article, s: Sentence) -> list[Check]:
    """"模锻件产品业务收入分别为3.29亿元、4.15亿元、5.02亿元、5.34亿元和11.14亿元，近五年复合增长率为25.60%"
    (cfr517): the CAGR of a list of three or more levels of one unit, one a year, from its first to its
    last; the years written ("近五年") may count the levels or the steps between them, and either fits."""
    figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
    out = []
    for k, c in enumerate(figs):
        if c.kind != FigureKind.PERCENT or k < 3:
            continue
        cagr = _CAGR.match(s.text[figs[k - 1].end:c.start])
        if cagr is None:
            continue
        run = [figs[k - 1]]
        for f in reversed(figs[:k - 1]):
            if not _LIST_SEP.match(s.text[f.end:run[0].start]) or f.kind not in (FigureKind.MONEY, FigureKind.QUANTITY,
                                                                                     FigureKind.NUMBER):
                break
            run.insert(0, f)
        last = run[-1]
        if len(run) < 3 or last.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                or any(f.kind != FigureKind.NUMBER and (f.unit, f.scale) != (last.unit, last.scale) for f in run):
            continue
        # (a bare first item is in the unit the list ends on)
        first_iv = figure_interval(run[0]).scale((last if run[0].kind == FigureKind.NUMBER else run[0]).scale or 1)
        last_iv = figure_interval(last).scale(last.scale or 1)
        if first_iv.lo <= 0 or last_iv.lo <= 0:
            continue
        years = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", s.text[:run[0].start])})
        if len(years) >= 3 and years != list(range(years[0], years[-1] + 1)):
            continue  # "2015、2018、2021 年分别为…": levels of years apart, not one a year
        steps = [len(run) - 1]
        counted = int(cagr.group(1)) if cagr.group(1) and cagr.group(1).isdigit() else _CN.get(cagr.group(1) or "")
        if counted == len(run):
            steps.append(counted)
        stated = signed_interval(c, s.text[figs[k - 1].end:c.start], result=True)
        readings = [(n, ((last_iv / first_iv).pow(1 / n) - Interval(1, 1)).scale(100)) for n in steps]
        n, got = min(readings, key=lambda r: r[1].distance(stated))
        chk = interval_check(
            got, stated, kind="cagr", stated=c.text, inputs=[run[0].text, last.text],
            relation=f"({last.text}/{run[0].text})^(1/{n}) - 1 = {c.text} (the first and last of {len(run)} levels listed)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text], article=article.label)
        # a CAGR with no count of years may start from a year before the list (a forecast's from the
        # last actual year: cfb179's 0.92…1.42 at 17.7% is from 2019's 0.74): a fit confirms, a miss
        # proves nothing; the count written ("近五年") over as many levels is certain
        if counted not in (len(run) - 1, len(run)) or _FORECAST.search(s.text[:run[0].start]):
            chk = confirm_only(chk, "the CAGR may start from a year before the list")
        out.append(chk)
    return out


_FORECAST = re.compile(r"预计|预测|预期|承诺|目标")


# a multiple over a count of years: "公司收入过去5年增长5倍，CAGR达到43.1%" (cfr318)
_OVER_YEARS = re.compile(r"(?:过去|近|最近)\s*([两二三四五六七八九十\d])\s*年\s*(?:间|内|来|里)?\s*(?:累计)?\s*"
                         r"(?:增长|增加|提升|扩大|成长)了?\s*(?:约|近)?\s*$")


def _multiples(article: Article, s: Sentence) -> list[Check]:
    """增长 X 倍 is read both ways authors write it (× (1 + X) and × X), and "过去 N 年" may count N
    steps or N levels: a CAGR either reading gives confirms it, a miss proves nothing."""
    out = []
    figs = [f for f in s.figures if f.value is not None and not f.is_range]
    for g, c in zip(figs, figs[1:], strict=False):
        if g.kind != FigureKind.MULTIPLE or c.kind != FigureKind.PERCENT or not (g.value or 0) > 1:
            continue
        over = _OVER_YEARS.search(s.text, max(0, g.start - 16), g.start)
        cagr = _CAGR.match(s.text[g.end:c.start])
        if over is None or cagr is None or cagr.group(1):
            continue
        n = int(over.group(1)) if over.group(1).isdigit() else _CN.get(over.group(1))
        if n is None or not 1 < n <= 20:
            continue
        stated = signed_interval(c, s.text[g.end:c.start], result=True)
        iv = figure_interval(g)
        readings = [(f"(1 + {g.text})^(1/{k})", ((Interval(1, 1) + iv).pow(1 / k) - Interval(1, 1)).scale(100))
                    for k in (n, n - 1)] + \
            [(f"{g.text}^(1/{k})", (iv.pow(1 / k) - Interval(1, 1)).scale(100)) for k in (n, n - 1)]
        formula, got = min(readings, key=lambda r: r[1].distance(stated))
        chk = interval_check(
            got, stated, kind="cagr", stated=c.text, inputs=[g.text],
            relation=f"{formula} - 1 = {c.text} (a multiple over {n} years)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text], article=article.label)
        out.append(confirm_only(chk, "增长 X 倍 and N 年 are read more than one way"))
    return out
