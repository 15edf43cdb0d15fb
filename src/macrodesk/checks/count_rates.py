"""A rate named by what the counted part did: "20 支参赛队伍仅 6 支完赛，完赛率 30%" is 6 / 20, and
"投标 120 个项目，中标 30 个，中标率 25%" is 30 / 120: the rate's word (完赛, 中标) is written beside the
part's count, and the whole is the count before it in the same counter."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence

# the rate and its word right before its figure: "，完赛率 30%", "，通过率为 70%"
_RATE = re.compile(r"[，,；;（(]\s*(?P<word>[\u4e00-\u9fa5]{2,3}?)率\s*(?:为|达|约|仅|约为|达到)?\s*$")
# words of a rate that is no count over a count (a change, a price, a margin)
_NOT_COUNTED = re.compile(r"增长|增|毛利|净利|利|费|税|汇|收益|回报|占有|渗透|市占|利用|开工|负债|周转|折扣")
_STOPS = "。；;"
# the words after a count, to its clause's end
_WORD_AFTER = re.compile(r"[^，,。；;\d]{0,8}")
# (every check needs the rate's 率)
_RATE_WORD = re.compile("率")


def find_count_rates(article: Article) -> list[Check]:
    if not mentions(article, _RATE_WORD):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "率" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, rate in enumerate(figs):
            if rate.kind != FigureKind.PERCENT or rate.value is None or rate.is_range:
                continue
            m = _RATE.search(s.text, max(0, rate.start - 12), rate.start)
            if m is None or _NOT_COUNTED.search(m.group("word")):
                continue
            chk = _judged(s, figs[:k], m.group("word"), rate)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _counted(f: Figure) -> bool:
    return f.kind == FigureKind.QUANTITY and f.value is not None and f.value > 0 and not f.is_range and not f.approx


def _clause_after(text: str, f: Figure) -> str:
    m = _WORD_AFTER.match(text, f.end)
    return m.group() if m else ""


def _judged(s: Sentence, before: list[Figure], word: str, rate: Figure) -> Check | None:
    text = s.text
    # the part: the last count whose rate word stands right beside it ("6 支完赛", "中标 30 个")
    # ("440个产品中选": the counted thing's name may stand between, in the count's own clause)
    parts = [f for f in before if _counted(f) and (word in _clause_after(text, f)
                                                   or text[max(0, f.start - len(word) - 1):f.start].rstrip().endswith(word))]
    if not parts:
        return _two_counts(s, before, word, rate)
    part = parts[-1]
    wholes = [f for f in before if _counted(f) and f.end <= part.start and f.unit == part.unit
              and (f.value or 0) > (part.value or 0) and not any(c in text[f.end:part.start] for c in _STOPS)]
    if len(wholes) != 1:
        return None  # none, or several: which one the rate is of is not written
    whole = wholes[0]
    got = (figure_interval(part) / figure_interval(whole)).scale(100)
    return interval_check(
        got, figure_interval(rate, result=True), kind="share", stated=rate.text, inputs=[part.text, whole.text],
        relation=f"{part.text} / {whole.text} = {rate.text} ({word}率)", sentence=text, sentence_id=s.id,
        paragraph=s.paragraph, input_sentences=[text, text])


def _two_counts(s: Sentence, before: list[Figure], word: str, rate: Figure) -> Check | None:
    """"合资勘探项目 218 个，26 个已生产，转化率 11.9%" (421): no count beside the rate's word, but only
    two counts of one counter before it in its sentence, the later one smaller: their ratio confirms
    the rate when it fits; a miss proves nothing ("门店 500 家，新开 50 家，闭店率 2%" counts another part)."""
    counts = [f for f in before if _counted(f)]
    if len(counts) != 2 or counts[0].unit != counts[1].unit or (counts[1].value or 0) >= (counts[0].value or 0) \
            or any(c in s.text[counts[0].end:rate.start] for c in _STOPS):
        return None
    part, whole = counts[1], counts[0]
    got, written = (figure_interval(part) / figure_interval(whole)).scale(100), figure_interval(rate, result=True)
    if not got.overlaps(written):
        return None
    chk = interval_check(
        got, written, kind="share", stated=rate.text, inputs=[part.text, whole.text],
        relation=f"{part.text} / {whole.text} = {rate.text} ({word}率)", sentence=s.text, sentence_id=s.id,
        paragraph=s.paragraph, input_sentences=[s.text, s.text])
    return confirm_only(chk, "the part is the only smaller count before the rate, not named by its word")


# "目标 1.2 万辆，完成 7710 辆（64.25%）" (99): the share of a target done, in a bracket after what is done
_DONE = re.compile(r"(?:完成|实现|达成|落地|推广)[^，,。；;\d]{0,6}$")
_TARGET = re.compile(r"(?:目标|计划|规划)[^，,。；;\d]{0,6}$")
_DONE_WORDS = re.compile(r"完成|实现|达成|落地|推广")


def find_completion_rates(article: Article) -> list[Check]:
    if not mentions(article, _DONE_WORDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not ("目标" in s.text or "计划" in s.text or "规划" in s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k in range(1, len(figs)):
            done, rate = figs[k - 1], figs[k]
            if rate.kind != FigureKind.PERCENT or done.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    or not re.fullmatch(r"\s*[（(]\s*", s.text[done.end:rate.start]) \
                    or not _DONE.search(s.text, max(0, done.start - 8), done.start):
                continue
            key = unit_key(s, done)
            targets = [f for f in figs[:k - 1] if unit_key(s, f) == key
                       and _TARGET.search(s.text, max(0, f.start - 8), f.start)]
            if len(targets) != 1:
                continue
            whole = interval(targets[0])
            if whole.lo <= 0:
                continue
            got = (interval(done) / whole).scale(100)
            chk = interval_check(
                got, figure_interval(rate, result=True), kind="share", stated=rate.text,
                inputs=[done.text, targets[0].text], relation=f"{done.text} / {targets[0].text} = {rate.text} (of the target)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
            chk.article = article.label
            out.append(chk)
    return out


# "2024 年销售额 169.6 亿元（+58.50%），2025 年截至 6 月 2 日销售额 101.76 亿元（达 2024 年 60%）" (ay46 190): a level
# as a share of a year's level written before it in the sentence
_OF_YEAR = re.compile(r"\s*[（(，,]\s*(?:已)?\s*(?:达到?|为|相当于|占)\s*")
_AFTER_YEAR = re.compile(r"\s*(?:全年)?\s*(?:的|水平的)?\s*")
_YEAR_WORD = re.compile(r"\d\s*年\s*(?:全年)?\s*(?:的|水平的)?\s*\d")


def find_year_shares(article: Article) -> list[Check]:
    """A level written as the share of a year's level ("达 2024 年 60%"): the level over the one level
    of that year in the sentence, in its unit."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "%" not in s.text or not _YEAR_WORD.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k in range(1, len(figs)):
            level, rate = figs[k - 1], figs[k]
            if rate.kind != FigureKind.PERCENT or level.kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
                continue
            dated = [d for d in s.figures if d.kind == FigureKind.DATE and level.end <= d.start < rate.start]
            if len(dated) != 1 or not _OF_YEAR.fullmatch(s.text, level.end, dated[0].start) \
                    or not _AFTER_YEAR.fullmatch(s.text, dated[0].end, rate.start) \
                    or not dated[0].text.rstrip().endswith("年") \
                    or (key := period_key(dated[0].text)) is None or key[1] != "Y":
                continue
            year = key[0]
            unit = unit_key(s, level)
            wholes = [f for f in figs[:k - 1] if unit_key(s, f) == unit and period_key(f.period or "") == (year, "Y")]
            if len(wholes) != 1 or interval(wholes[0]).lo <= 0:
                continue
            whole = wholes[0]
            chk = interval_check(
                (interval(level) / interval(whole)).scale(100), figure_interval(rate, result=True), kind="share",
                stated=rate.text, inputs=[level.text, whole.text],
                relation=f"{level.text} / {whole.text} = {rate.text} (of {year}'s level)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text])
            chk.article = article.label
            out.append(chk)
    return out
