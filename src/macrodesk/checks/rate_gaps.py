"""A rate's gap in points to a benchmark's rate, written after it: "比2020年增长22.9%，高于全国进出口增速
（21.4%）1.5个百分点" is 22.9 − 21.4; "分别增长18.2%、12.9%，增速分别比规模以上工业快8.6、3.3个百分点" pairs
each rate with its gap against the benchmark's rate written before ("规模以上工业增加值比上年增长9.6%").
快/高/高于 is the rate minus the benchmark's, 慢/低/低于 the benchmark's minus the rate. A benchmark rate
written in the gap's own words (bracketed, or before 的增速) is certain; one found by the benchmark's
name earlier in the paragraph may be of another period, so it only confirms."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check
from macrodesk.checks.level_growths import run_of
from macrodesk.checks.levels import interval, judged
from macrodesk.models import Article, Figure, FigureKind, Sentence

_NEEDS = re.compile(r"个百分点|百分点|pct|pp")
_RATE_WORDS = r"增速|增幅|涨幅|降幅|增长率|增长|同比"
# the words from the rate(s) to the gap(s), the benchmark named:
# "，增速分别比规模以上工业快", "，比全国平均水平高出", "，高于全国平均水平"
_NAMED = re.compile(
    rf"^\s*[，,]\s*(?:(?:{_RATE_WORDS})\s*)?(?:分别)?\s*(?:比|较)\s*(?P<name>[^，,。；;（()）\d%]{{2,16}}?)\s*"
    rf"(?:的?(?:{_RATE_WORDS}|平均水平|水平))?\s*(?:分别)?\s*(?P<dir>高出|高|快|低|慢)\s*(?:了|约)?\s*$"
    rf"|^\s*[，,]\s*(?:(?:{_RATE_WORDS})\s*)?(?:分别)?\s*(?P<dir2>高于|低于|快于|慢于)\s*"
    rf"(?P<name2>[^，,。；;（()）\d%]{{2,16}}?)\s*(?:分别)?\s*$")
# the benchmark's rate in the gap's words: "，高于全国进出口增速（" + 21.4% + "）", "，高于全国" + 21.4% + "的增速"
_BRACKET_OPEN = re.compile(
    rf"^\s*[，,]\s*(?:(?:{_RATE_WORDS})\s*)?(?P<dir>高于|低于|快于|慢于)\s*(?P<name>[^，,。；;（()）\d%]{{2,16}}?)\s*[（(]\s*$")
_BRACKET_CLOSE = re.compile(r"^\s*[)）]\s*$")
_INLINE_OPEN = re.compile(
    rf"^\s*[，,]\s*(?:(?:{_RATE_WORDS})\s*)?(?P<dir>高于|低于|快于|慢于|比|较)\s*(?P<name>[^，,。；;（()）\d%]{{0,10}}?)\s*$")
_INLINE_CLOSE = re.compile(rf"^\s*的\s*(?:{_RATE_WORDS}|水平)\s*(?P<dir>高出|高|快|低|慢)?\s*(?:了|约)?\s*$")
_UP = ("高出", "高", "快", "高于", "快于")
# a name that is a period ("比上年加快", "较1-11月回落") makes a change of the rate, not a gap
_PERIOD = re.compile(r"年|月|季|周|同期|前值|此前|上期|以前|之前|加|回")
_JOIN = re.compile(r"^\s*[、/]\s*$")
_FALL = re.compile(r"(?:下降|减少|下滑|回落|下跌|降低)\s*(?:了|约)?\s*$")
_RATE_LEAD = re.compile(rf"(?:{_RATE_WORDS}|上涨|下降|减少|下滑|回落|下跌)\s*(?:了|约|为|达)?\s*$")


def find_rate_gaps(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for j, s in enumerate(prose):
        if not _NEEDS.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        k = 0
        while k < len(figs):
            end = run_of(s.text, figs, k, _JOIN)[1] + 1
            gaps = figs[k:end]
            if gaps[-1].kind != FigureKind.POINTS or any(g.kind not in (FigureKind.POINTS, FigureKind.NUMBER) for g in gaps) \
                    or k == 0:
                k = end
                continue
            out.extend(_judge(article, s, figs, k, gaps, prose[:j]))
            k = end
    return out


def _rates_before(s: Sentence, figs: list[Figure], k: int) -> tuple[list[Figure], int]:
    """The run of rates ending at figs[k] ("分别增长18.2%、12.9%"), each led by a rate's words, and where
    the words before the run start."""
    a = run_of(s.text, figs, k, _JOIN)[0]
    run = figs[a:k + 1]
    if any(f.kind != FigureKind.PERCENT for f in run):
        return [], 0
    lead_from = figs[a - 1].end if a else 0
    lead = re.sub(r"分别|约", "", s.text[lead_from:run[0].start])
    return (run, lead_from) if _RATE_LEAD.search(lead) else ([], 0)


def _signed(s: Sentence, f: Figure, lead_from: int) -> Interval:
    iv = interval(f)
    if s.text[f.start:f.end].lstrip()[:1] in "+-−－":
        return iv
    lead = re.sub(r"分别|约", "", s.text[lead_from:f.start])
    return iv.scale(-1) if _FALL.search(lead) else iv


def _judge(article: Article, s: Sentence, figs: list[Figure], k: int, gaps: list[Figure],
           earlier: list[Sentence]) -> list[Check]:
    before = s.text[figs[k - 1].end:gaps[0].start]
    bench: tuple[Interval, Figure, Sentence] | None = None
    certain = False
    rates_at = k - 1
    m = _NAMED.match(before)
    if m is not None:
        name, up = (m.group("name"), m.group("dir") in _UP) if m.group("name") else (m.group("name2"), m.group("dir2") in _UP)
        if _PERIOD.search(name):
            return []
        rates, lead_from = _rates_before(s, figs, rates_at)
        if not rates:
            return []
        bench = _named_rate(name.strip(), [*earlier, s], s, rates[0].start)
    elif k >= 2 and figs[k - 1].kind == FigureKind.PERCENT \
            and (written := _written_benchmark(s.text[figs[k - 2].end:figs[k - 1].start], before)) is not None:
        name, word = written
        if _PERIOD.search(name):
            return []
        up = word in _UP
        rates_at = k - 2
        rates, lead_from = _rates_before(s, figs, rates_at)
        if len(rates) != 1 or len(gaps) != 1:
            return []
        b = figs[k - 1]
        bench = (interval(b), b, s)
        certain = True
    else:
        return []
    if bench is None or len(rates) != len(gaps):
        return []
    b_iv, b_fig, b_sent = bench
    out = []
    for r, g in zip(rates, gaps, strict=True):
        r_iv = _signed(s, r, lead_from)
        got = (r_iv - b_iv) if up else (b_iv - r_iv)
        stated = g if g.kind == FigureKind.POINTS else g.model_copy(update={"kind": FigureKind.POINTS, "unit": "个百分点"})
        rt = f"(-{r.text.strip()})" if r_iv.mid < 0 < interval(r).mid else r.text  # a fall its verb signs
        shown = f"{rt} - {b_fig.text}" if up else f"{b_fig.text} - {rt}"
        chk = judged(s, "difference", stated, [r, b_fig], got,
                     f"{shown} = {g.text} (the gap to the benchmark's rate"
                     + (")" if certain else ", named before)"),
                     certain=certain, why="the benchmark's rate is found by its name and may be of another period")
        chk.input_sentences = [s.text, b_sent.text]
        chk.article = article.label
        out.append(chk)
    return out


def _written_benchmark(opening: str, closing: str) -> tuple[str, str] | None:
    """The benchmark's name and the gap's side when its rate stands in the gap's own words: `opening` is
    the text before that rate ("，高于全国进出口增速（", "，高于全国"), `closing` the text after it ("）", "的增速")."""
    if (o := _BRACKET_OPEN.match(opening)) is not None and _BRACKET_CLOSE.match(closing):
        return o.group("name"), o.group("dir")
    if (o := _INLINE_OPEN.match(opening)) is not None and (c := _INLINE_CLOSE.match(closing)) is not None:
        if o.group("dir") not in ("比", "较"):
            return o.group("name"), o.group("dir")
        if c.group("dir"):
            return o.group("name"), c.group("dir")  # 比/较 name no side: the words after the rate do
    return None


def _mentions(name: str, text: str) -> list[re.Match[str]]:
    """Where `text` names the benchmark: as written, or its words in order within one clause
    ("全社会R&D经费" in "全社会研究与试验发展（R&D）经费投入")."""
    found = list(re.finditer(re.escape(name), text))
    if found:
        return found
    words = re.findall(r"[A-Za-z&]+|[\u4e00-\u9fa5]+", name)
    if len(words) < 2:
        return []
    return list(re.finditer("[^，,。；;]*?".join(re.escape(w) for w in words), text))


def _named_rate(name: str, sentences: list[Sentence], s: Sentence, limit: int) -> tuple[Interval, Figure, Sentence] | None:
    """The benchmark's rate: the first rate after the nearest mention before, up to its sentence's
    end ("全社会…经费投入为27864亿元，比上年增长14.2%")."""
    for sent in reversed(sentences):
        text = sent.text[:limit] if sent is s else sent.text
        for m in reversed(_mentions(name, text)):
            stop = re.search(r"[。；;]", text[m.end():])
            clause_end = m.end() + (stop.start() if stop else len(text) - m.end())
            rates = [f for f in sent.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range
                     and m.end() <= f.start and f.end <= clause_end]
            if not rates:
                continue
            r = rates[0]
            if not _RATE_LEAD.search(re.sub(r"分别|约", "", text[m.end():r.start])):
                return None
            iv = interval(r)
            if _FALL.search(text[m.end():r.start]) and text[r.start:r.end].lstrip()[:1] not in "+-−－":
                iv = iv.scale(-1)
            return iv, r, sent
    return None
