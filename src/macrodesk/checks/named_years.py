"""A growth against a year the sentence names, over that year's level written elsewhere in the paragraph:
"2022年广东电力市场交易规模有望达5500亿千瓦时，较2021年增长104%" with "2021年广东电力交易电量达2951.7亿千瓦时" is
5500 / 2951.7 − 1 = 86.3% (fn0043, an error). The base is the one level of the unit dated that year in the
paragraph; named by a metric sharing the level's words it refutes, otherwise a fit only confirms."""

from __future__ import annotations

import re

from macrodesk.checks.frames import common_metric
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_NEEDS = re.compile(r"较\s*20\d\d\s*年")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)
# "，较2021年增长104%", "，较2021年全年下降3.2%"
_AGAINST_YEAR = re.compile(r"^\s*[，,]\s*(?:较|比)\s*(?P<y>20\d\d)\s*年\s*(?:全年|度)?\s*(?P<v>增长|上升|提升|提高|增加|下降|减少|下滑)"
                           r"\s*(?:了|约)?\s*$")
_DOWN = ("下降", "减少", "下滑")
_YEAR = re.compile(r"(20\d\d)\s*年")
# a level's own words are its clause's: from the last of these to the figure ("2021年广东电力交易电量达")
_STOPS = "，,。；;：:"
_FILLERS = re.compile(r"有望|预计|将|达到|达|为|约|全年|累计|实现|共|合计|20\d\d\s*年|[\s\d]")


def _metric(text: str) -> str:
    return _FILLERS.sub("", text)


def find_named_years(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for s in prose:
        if not _NEEDS.search(s.text):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, g in enumerate(figs):
            if g.kind != FigureKind.PERCENT or k == 0 or figs[k - 1].kind not in _LEVELS:
                continue
            m = _AGAINST_YEAR.match(s.text[figs[k - 1].end:g.start])
            if m is None:
                continue
            level = figs[k - 1]
            own = s.text[clause_start(s.text, level.start, _STOPS):level.start]
            year = _YEAR.search(own)
            if year is None or int(year.group(1)) <= int(m.group("y")):
                continue  # the level's own year must be written, and be later than the base's
            found = [(p, f, words) for p in prose if p.paragraph == s.paragraph
                     for f, words in _dated_levels(p, m.group("y")) if unit_key(p, f) == unit_key(s, level)
                     and f is not level]
            if len(found) != 1:
                continue
            p, base, words = found[0]
            if interval(base).lo <= 0:
                continue
            down = m.group("v") in _DOWN
            got = (interval(level) / interval(base) - Interval(1, 1)).scale(100)
            stated = interval(g, result=True).scale(-1 if down else 1)
            chk = interval_check(
                got, stated, kind="growth", stated=g.text, inputs=[level.text, base.text],
                relation=f"({level.text}/{base.text} - 1) = {'-' if down else ''}{g.text} (against {m.group('y')}年's level "
                         "written in the paragraph)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, p.text],
                article=article.label)
            if not common_metric(_metric(own), _metric(words), 3):
                chk = confirm_only(chk, "the year's level is found by its date and unit: a fit confirms")
            out.append(chk)
    return out


def _dated_levels(p: Sentence, year: str) -> list[tuple[Figure, str]]:
    """The levels of a sentence whose own clause names `year` before them, with the clause's words."""
    out = []
    for f in p.figures:
        if f.kind not in _LEVELS or f.value is None or f.is_range:
            continue
        own = p.text[clause_start(p.text, f.start, _STOPS):f.start]
        if re.search(rf"{year}\s*年(?!\s*[-—~至到])", own) and not re.search(r"[较比]\s*$|同比|环比|增|减|降", own):
            out.append((f, own))
    return out
