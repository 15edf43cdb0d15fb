"""Changes written as a list against a list of bases, paired by position: "占比已达 6%，较 2022/2023 年的
0.3%/2.2% 分别提升 3.8、5.7 个百分点" is 6 − 0.3 and 6 − 2.2; "IRR 分别为 7.2%/6.4%，较纯光伏项目提升约
0.2/0.2 个百分点" with "纯光伏项目：…IRR 分别为 7.1%/6.2%" earlier in the section is 7.2 − 7.1, 6.4 − 6.2."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind, Sentence

_SEP = re.compile(r"^\s*[、/]\s*$")
_UP = re.compile(r"(?:提升|提高|上升|增加|扩大|上行|增长)\s*(?:了|约)?\s*$")
_DOWN = re.compile(r"(?:下降|回落|降低|减少|收窄|下行|下滑)\s*(?:了|约)?\s*$")


def _run(s: Sentence, figs: list[Figure], i: int) -> list[Figure]:
    """The list starting at figs[i]: figures joined by 、 or /."""
    out = [figs[i]]
    while i + len(out) < len(figs) and _SEP.match(s.text[out[-1].end:figs[i + len(out)].start]):
        out.append(figs[i + len(out)])
    return out


def _changes(s: Sentence, figs: list[Figure], i: int) -> tuple[list[Figure], int] | None:
    """A list of changes in points at figs[i] (its last item carries 个百分点), with the sign its verb
    gives (+1 or −1)."""
    run = _run(s, figs, i)
    if len(run) < 2 or run[-1].kind != FigureKind.POINTS or any(
            f.kind not in (FigureKind.NUMBER, FigureKind.POINTS) or f.value is None for f in run):
        return None
    lead = s.text[figs[i - 1].end if i else 0:run[0].start]
    lead = re.sub(r"分别|约", "", lead)
    sign = 1 if _UP.search(lead) else -1 if _DOWN.search(lead) else 0
    return (run, sign) if sign else None


def find_list_changes(article: Article) -> list[Check]:
    out: list[Check] = []
    sentences = [s for s in article.sentences if s.kind in ("prose", "list")]
    for j, s in enumerate(sentences):
        if "/" not in s.text and "、" not in s.text:
            continue
        figs = _figures(s)
        if "新增" in s.text:
            for chk in _increments(s, figs):
                chk.article = article.label
                out.append(chk)
        for i in range(1, len(figs)):
            got = _changes(s, figs, i)
            if got is None:
                continue
            changes, sign = got
            for chk in _against_bases(s, figs, i, changes, sign) or _against_named(sentences, j, s, figs, i, changes, sign):
                chk.article = article.label
                out.append(chk)
    return out


def _figures(s: Sentence) -> list[Figure]:
    # "2022/2023 年": the first year of a pair is read as a bare number
    return [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range
            and not (f.kind == FigureKind.NUMBER and f.decimals == 0 and 1990 <= f.value <= 2100)]


def _percents(run: list[Figure]) -> bool:
    return all(f.kind == FigureKind.PERCENT and f.value is not None for f in run)


def _against_bases(s: Sentence, figs: list[Figure], i: int, changes: list[Figure], sign: int) -> list[Check]:
    """"已达 6%，较 2022/2023 年的 0.3%/2.2% 分别提升 3.8、5.7 个百分点": one level, its bases after 较."""
    n = len(changes)
    if i < n + 1:
        return []
    bases = figs[i - n:i]
    level = figs[i - n - 1]
    if not _percents(bases) or level.kind != FigureKind.PERCENT or any(
            not _SEP.match(s.text[a.end:b.start]) for a, b in zip(bases, bases[1:], strict=False)):
        return []
    between = s.text[level.end:bases[0].start]
    if not re.match(r"^[^，,；;。]{0,3}[，,]?\s*(?:较|相比|比)[^，,；;。]{0,20}$", between):
        return []
    return [_check(s, level, b, c, sign, s, k) for k, (b, c) in enumerate(zip(bases, changes, strict=True))]


def _against_named(sentences: list[Sentence], j: int, s: Sentence, figs: list[Figure], i: int,
                   changes: list[Figure], sign: int) -> list[Check]:
    """"IRR 分别为 7.2%/6.4%，较纯光伏项目提升约 0.2/0.2 个百分点": the list right before, against the
    list of the same length that the name after 较 opens, earlier in the paragraph or section."""
    n = len(changes)
    if i < n:
        return []
    levels = figs[i - n:i]
    m = re.search(r"(?:较|相比|比)([\u4e00-\u9fa5A-Za-z]{2,10}?)\s*(?:的)?\s*(?:分别)?\s*(?:提升|提高|上升|增加|下降|回落|降低|减少)",
                  s.text[levels[-1].end:changes[0].start])
    if m is None or not _percents(levels) or any(not _SEP.match(s.text[a.end:b.start])
                                                 for a, b in zip(levels, levels[1:], strict=False)):
        return []
    name = m.group(1)
    for t in reversed(sentences[max(0, j - 4):j]):
        if not t.text.lstrip("-* ").startswith(name) and name not in t.text[:len(name) + 8]:
            continue
        tf = _figures(t)
        for k in range(len(tf)):
            run = _run(t, tf, k)
            if len(run) == n and _percents(run) and re.search(r"分别(?:为|是)?\s*$", t.text[:run[0].start]):
                return [_check(s, a, b, c, sign, t, k) for k, (a, b, c) in enumerate(zip(levels, run, changes, strict=True))]
    return []


def _check(s: Sentence, level: Figure, base: Figure, change: Figure, sign: int, base_sentence: Sentence,
           k: int) -> Check:
    got = interval(level) - interval(base)
    stated = figure_interval(change.model_copy(update={"kind": FigureKind.POINTS}), result=True).scale(sign)
    return interval_check(
        got, stated, kind="change", stated=change.text, inputs=[base.text, level.text],
        relation=f"{level.text} - {base.text} = {'' if sign > 0 else '-'}{change.text} (paired by position; "
                 f"list item: {k + 1})",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[base_sentence.text, s.text])


# "需求量分别为 3/10/35/74/145GWh，每年新增需求量为 3/7/25/39/71GWh": a list of yearly additions after
# the list of the levels they add to, item by item (the first addition is from a level not written)
# (the addition names the levels' measure: "全球涂布模头增量需求达到20/23.6/25.4亿元" after "涂布设备市场规模
# 100/118/127亿元" is a part's demand, cfb577)
_ADDED = re.compile(r"(?:每年|年度|逐年|当年|各年)?\s*新增([^，,；;。\d]{0,8}?)(?:分别)?\s*(?:为|是|约)?\s*$")
_KEY_END = re.compile(r"(?:分别|约|接近|达到?|为|是|\s)+$")


def _increments(s: Sentence, figs: list[Figure]) -> list[Check]:
    out: list[Check] = []
    i = 0
    while i < len(figs):
        levels = _run(s, figs, i)
        j = i + len(levels)
        added_m = _ADDED.search(s.text[levels[-1].end:figs[j].start]) if j < len(figs) else None
        key = _KEY_END.sub("", s.text[figs[i - 1].end if i else 0:levels[0].start])
        if len(levels) >= 3 and added_m and len(key) >= 2 and key[-3:] in added_m.group(1):
            added = _run(s, figs, j)
            unit = levels[-1].unit
            if len(added) == len(levels) and unit and added[-1].unit == unit and levels[-1].scale == added[-1].scale \
                    and all(not f.unit or f.unit == unit for f in [*levels, *added]):
                for k in range(1, len(levels)):
                    got = figure_interval(levels[k]) - figure_interval(levels[k - 1])
                    out.append(interval_check(
                        got, figure_interval(added[k], result=True), kind="change", stated=added[k].text,
                        inputs=[levels[k - 1].text, levels[k].text],
                        relation=f"{levels[k].text} - {levels[k - 1].text} = {added[k].text} (the addition of its "
                                 f"place in the list; list item: {k + 1})",
                        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text]))
            i = j
            continue
        i += 1
    return out

