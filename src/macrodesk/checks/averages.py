"""Averages: a total over a count ("发行 51 家 IPO，募资规模 374 亿元，…平均每家募资规模 7.3 亿元"),
the mean of values listed with 分别 under a count word ("IEA、EIA、OPEC 预测…分别为 + 110 万桶 / 日、
+82 万桶 / 日、-132 万桶 / 日。三大机构预测…平均为 + 20 万桶 / 日") or per year ("年均"), and the middle
of a range ("16.2—21.2亿元，中值为18.68亿元")."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import COUNT_UNITS, figure_interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import LEVELS, interval, judged, unit_key
from macrodesk.checks.range_growths import range_ends
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import clause_start

# "平均每家募资规模 7.3 亿元", "每家平均 …", "家均 …": the counter and the metric's words
_PER = re.compile(r"(?:平均每|每)([家个户台只座部艘辆套项笔])(?:平均)?([^，,；;。：:\d]{0,8}?)"
                  r"(?:为|达|约|达到|仅)?\s*$")
# "三大机构预测 2025 年库存变化平均为": a count word, the metric's words, 平均
_MEAN = re.compile(r"([二两三四五六七八九十]|\d+)\s*(?:大|家|个|国|类|项|只|种|所|月)[^，,；;。]{0,24}?"
                   r"(?:平均|均值)(?:值|水平)?(?:为|是|达|约)?\s*$")
# "单包均值 1808 万元", "人均中标 2410 万元", "平均单宗地价 129 亿元": a mean per counted thing,
# its counter not the count's own unit ("标包 72 个")
_EACH = re.compile(r"(?:单[包宗个家台只项笔户件座艘]\s*(?:平均|均值|均)|[人户家台]均|平均单[包宗个家台只项笔户件座艘])"
                   r"([^，,；;。：:\d]{0,8}?)(?:为|达|约|达到|仅)?\s*$")
# "分别为 69、103、79、72、46 亿美元，年均 74 亿美元": the mean of the years listed before it (not a
# growth: "年均增长", "年均复合增速" are rates)
_YEARLY = re.compile(r"[，,]\s*(?:年均|每年平均|平均每年)(?:为|约|达|是|在)?\s*$")
# "票面利率分别为4.50%、5.45%、5.84%、5.38%、4.89%（…），平均为5.21%": the mean of the list before it
_PLAIN_MEAN = re.compile(r"[，,]\s*(?:其)?(?:平均|均值)(?:值|水平)?(?:为|约|达|是|在)?\s*$")
_NUMERALS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LIST = re.compile(r"分别(?:为|是|达|约|在)?\s*$")
_STOPS = "，,；;。：:"  # the clause breaks (checks.tokens.clause_start)
# a middle is read only from a sentence with 中值/中枢, every other average from one with 均
_NEEDS = re.compile(r"中值|中枢|均")


def find_averages(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for j, s in enumerate(prose):
        if "中值" in s.text or "中枢" in s.text:
            for middle in _midpoints(s):
                middle.article = article.label
                out.append(middle)
        if "均" not in s.text:
            continue
        earlier = [p for p in prose[max(0, j - 1):j] if p.paragraph == s.paragraph]
        figs = [f for f in s.figures if unit_key(s, f) is not None]
        for k, g in enumerate(figs):
            lead = s.text[figs[k - 1].end if k else 0:g.start]
            chk: Check | None = None
            per = _PER.search(lead)
            if per and g.kind in LEVELS:
                chk = _per_unit(s, figs[:k], g, per.group(1), per.group(2).strip())
            elif (each := _EACH.search(lead)) and g.kind in LEVELS:
                chk = _per_unit(s, figs[:k], g, "", each.group(1).strip())
            mean = _MEAN.search(s.text[:g.start]) if chk is None else None
            if mean and s.text[mean.end():g.start].strip() == "" and mean.end() > (figs[k - 1].end if k else 0):
                n = int(mean.group(1)) if mean.group(1).isdigit() else _NUMERALS[mean.group(1)]
                chk = _mean(s, [*earlier, s], g, n, mean.start())
            elif chk is None and (g.kind in LEVELS and _YEARLY.search(lead)
                                  or g.kind in (*LEVELS, FigureKind.PERCENT) and _PLAIN_MEAN.search(lead)):
                chk = _mean(s, [s], g, None, g.start)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


# "净利润16.2—21.2亿元，中值为18.68亿元", "2.41~3.05亿元，取中值2.72亿元": the middle of a range
_MIDPOINT = re.compile(r"^\s*[，,（(]?\s*(?:取|按|对应)?\s*(?:区间)?\s*(?:中值|中枢|中位数)\s*(?:为|约|是|约为)?\s*$")


# (a range's growths may stand between it and its middle: "3.75-4.30亿元，YoY+91.13%-119.16%，中值4.03亿")
_MIDPOINT_AFTER = re.compile(r"[，,（(]\s*(?:取|按|对应)?\s*(?:区间)?\s*(?:中值|中枢|中位数|中位值)\s*(?:为|约|是|约为)?\s*$")


def _same_unit(r: Figure, g: Figure) -> bool:
    """A range and its middle in one unit; "中值4.03亿" of "3.75-4.30亿元" drops the 元 of its money."""
    if r.scale != g.scale:
        return False
    if r.kind == g.kind:
        return canonical_unit(r.kind, r.unit) == canonical_unit(g.kind, g.unit)
    return r.kind == FigureKind.MONEY and g.kind == FigureKind.QUANTITY and (r.unit or "") == f"{g.unit}元"


def _midpoints(s: Sentence) -> list[Check]:
    figs = [f for f in s.figures if f.kind != FigureKind.DATE]
    out = []
    for k, g in enumerate(figs):
        if not k or g.is_range or g.value is None or g.kind not in LEVELS:
            continue
        r = figs[k - 1]
        if not (_MIDPOINT.match(s.text[r.end:g.start]) or _MIDPOINT_AFTER.search(s.text[r.end:g.start])):
            continue
        if r.kind == FigureKind.PERCENT != g.kind:
            # past the range's growths (percentages only), to the range of the middle's own unit
            j = k - 1
            while j >= 0 and figs[j].kind == FigureKind.PERCENT:
                j -= 1
            if j < 0 or not figs[j].is_range or not _same_unit(figs[j], g):
                continue
            r = figs[j]
        ends = range_ends(r) if r.is_range else None
        if ends is None or not _same_unit(r, g):
            continue
        (lo, lo_text), (hi, hi_text) = ends
        mid = (lo + hi).scale(0.5)
        out.append(interval_check(
            mid, figure_interval(g, result=True), kind="average", stated=g.text, inputs=[lo_text, hi_text],
            relation=f"({lo_text} + {hi_text}) / 2 = {g.text} (the middle of the range)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text]))
    return out


def _per_unit(s: Sentence, before: list[Figure], g: Figure, counter: str, metric: str) -> Check | None:
    """The average against the one total of its unit and the one count of its counter before it;
    certain when the total's clause names the average's metric."""
    counts = [f for f in before if unit_key(s, f) == f"#{counter}" or
              (f.kind == FigureKind.QUANTITY and f.unit == counter)] if counter else \
        [f for f in before if f.kind == FigureKind.QUANTITY and f.scale == 1 and f.unit in COUNT_UNITS]
    totals = [f for f in before if unit_key(s, f) == unit_key(s, g)]
    if len(counts) != 1 or len(totals) != 1 or (counts[0].value or 0) <= 0:
        return None
    count, total = counts[0], totals[0]
    clause = s.text[clause_start(s.text, total.start, _STOPS):total.start]
    certain = bool(metric) and metric in clause
    n = figure_interval(count)
    return judged(s, "average", g, [total, count], interval(total) / n,
                  f"{total.text} / {count.text} = {g.text}", certain=certain,
                  why="the total is not named by the average's metric")


def _mean(s: Sentence, sentences: list[Sentence], g: Figure, n: int | None, at: int) -> Check | None:
    """The mean of the one 分别-list of n values (None: three or more) of the average's unit before it."""
    key = unit_key(s, g)
    lists: list[tuple[Sentence, list[Figure]]] = []
    for p in sentences:
        figs = [f for f in p.figures if unit_key(p, f) is not None and (p is not s or f.end <= g.start)]
        for i, f in enumerate(figs):
            if not _LIST.search(p.text[figs[i - 1].end if i else 0:f.start]):
                continue
            run = [f]
            for h in figs[i + 1:]:
                if p.text[run[-1].end:h.start].strip(" /日天年月吨桶、") != "" or unit_key(p, h) != key \
                        and not (n is None and unit_key(p, h) == "#" == unit_key(p, run[-1])):
                    break
                run.append(h)
            # "分别为 69、103、79、72、46 亿美元": bare items take the last item's unit
            bare = n is None and all(unit_key(p, x) == "#" for x in run[:-1])
            if unit_key(p, run[-1]) == key and (unit_key(p, f) == key or bare) \
                    and (len(run) == n if n is not None else len(run) >= 3):
                lists.append((p, run))
    if not lists or n is None and len(lists) > 1:
        return None
    # the list whose clause names the average's metric, when there are several
    if len(lists) > 1:
        start = clause_start(s.text, at, _STOPS)
        words = re.sub(r"[\d\s年月日]|预测|预计|平均|均值|为", "", s.text[start:g.start])
        named = [(p, run) for p, run in lists if _shares_words(p.text[:run[0].start], words)]
        if len(named) != 1:
            return None
        lists = named
    p, run = lists[0]
    n = len(run)
    scale = run[-1].scale or 1.0
    acc = interval_sum(interval(f) if f.unit else figure_interval(f).scale(scale) for f in run).scale(1 / n)
    chk = judged(s, "average", g, run, acc,
                 f"({' + '.join(f.text for f in run)}) / {n} = {g.text}",
                 certain=g.kind != FigureKind.PERCENT,
                 why="an average of shares may be weighted")
    chk.input_sentences = [p.text for _ in run]
    if p is not s:
        chk.sentence = p.text + s.text
    return chk


def _shares_words(clause: str, words: str) -> bool:
    """Whether a list's clause and the average's clause share a word of three characters."""
    clause = clause[clause_start(clause, len(clause), _STOPS):]
    return any(words[i:i + 3] in clause for i in range(len(words) - 2)
               if re.fullmatch(r"[\u4e00-\u9fff]{3}", words[i:i + 3]))
