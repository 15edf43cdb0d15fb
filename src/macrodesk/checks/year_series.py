"""Levels of a span of years listed by position with their growths: "2025-2027 年营收：7.39/9.89/12.99
亿元（同比 + 35.8%/33.8%/31.3%）", "预计 2025-2027 年营业收入分别为 7.39、9.89、12.99 亿元，同比增长 35.8%、
33.8%、31.3%". Each growth after the first is its year's level over the year before's."""

from __future__ import annotations

import re

from macrodesk.checks.company_levels import measure_class, year_level
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import COMMA_JOIN, interval, signed_rate
from macrodesk.figures import list_units
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

# (― U+2015, the horizontal bar, is written for a dash too: "2019―2022年")
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[EA]?\s*年?\s*[-~～—―至到]\s*((?:19|20)?\d{2})\s*[EA]?\s*年?")
# the mark a span cannot do without, looked for first (most sentences name no span)
_SPAN_MARK = re.compile(r"[-~～—―至到]")
# years listed with slashes ("23/24/25 年", "2023/2024/2025E"), or a span of two-digit years ("23-25 年")
_SLASH_YEARS = re.compile(r"(?<![\d./])((?:19|20)?\d{2}\s*[EA]?(?:\s*/\s*(?:19|20)?\d{2}\s*[EA]?){1,5})\s*(?:财年|年)?")
_SHORT_SPAN = re.compile(r"(?<![\d./])(1[5-9]|2\d|3[0-5])\s*[EA]?\s*[-~～—至]\s*(1[5-9]|2\d|3[0-5])\s*[EA]?\s*年")


# a two-digit year ("21年速冻面米…营收 60.3/7.5/1.2 亿"): a sentence naming one is about that year, not
# the span carried from the sentence before; written, not as the figure reader dates it (it leaves
# "/25年" and a year after a duration word undated)
_SHORT_YEAR = re.compile(r"(?<![\d.])(?:1[5-9]|2\d|3[0-5])\s*年")


def _years(text: str) -> tuple[tuple[int, int], int] | None:
    """The first and last year of a span or of consecutive slash-listed years, and where it ends;
    the span written first ("19~21年营收…，对应2019-2020年PE…": the lists are 2019-2021's)."""
    span = _SPAN.search(text) if _SPAN_MARK.search(text) else None
    if span is not None:
        first, last = int(span.group(1)), span.group(2)
        found = (first, int(last) if len(last) == 4 else first // 100 * 100 + int(last)), span.end()
        short = next((m for m in _SHORT_SPAN.finditer(text, 0, span.start()) if int(m.group(1)) < int(m.group(2))),
                     None) if "年" in text and _SHORT_YEAR.search(text, 0, span.start()) else None
        if short is None:
            return found
        return (2000 + int(short.group(1)), 2000 + int(short.group(2))), short.end()
    if "/" in text:
        for m in _SLASH_YEARS.finditer(text):
            if not m.group(0).rstrip().endswith(("年", "E", "A")):
                continue  # "1/2/3" are no years without 年 or an E/A mark
            ys = [int(y) for y in re.findall(r"\d{2,4}", m.group(1))]
            ys = [y if y > 100 else 2000 + y for y in ys]
            if all(b == a + 1 for a, b in zip(ys, ys[1:], strict=False)):
                return (ys[0], ys[-1]), m.end()
    if "年" in text and _SHORT_YEAR.search(text):
        for m in _SHORT_SPAN.finditer(text):
            a, b = 2000 + int(m.group(1)), 2000 + int(m.group(2))
            if a < b:
                return (a, b), m.end()
    return None


# ("66.1%、37.9%、和15.3%": a 、 before the last item's 和)
_SEP = re.compile(r"^\s*(?:[/、]|、?\s*(?:和|及))\s*$")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)
# from the levels to their growths: "（同比 + ", "，同比增长 ", "，分别同比 ", "，YoY "
# ("，对应增速分别为 ", "，增速 ": a growth rate named without 同比 is the year's over the year before)
# (the punctuation may be left out before 增速: "0.77/0.93/1.11元(原…)增速94/21/19%"; a first year with no
# growth is a dash: "2019/2020/2021同比增速为-/48.31%/15.43%")
_TO_GROWTHS = re.compile(r"^\s*(?:[（(，,、]|(?=增速|增幅|增长率))\s*(?:分别)?\s*(?P<years>(?:(?:19|20)?\d{2}\s*年?\s*[、和及/]?\s*){2,5}(?:的)?\s*)?(?:同比|YoY|yoy|同(?=[增降])|(?:对应)?(?=\s*(?:利润|净利润?|归母净利润?|营收|收入)?\s*(?:增速|增幅|增长率)))"
                         r"\s*(?:利润|净利润?|归母净利润?|营收|收入)?\s*(?:增速|增幅|增长率)?\s*(?:分别)?\s*(?:可|或|将|有望)?\s*"
                         r"(?P<verb>增长|增加|提升|上升|下降|减少|下滑|增减|变动|增|降)?\s*(?:分别)?\s*(?:为|达|至)?\s*(?:约)?\s*(?:[-—–－]\s*[/、]\s*)?$")
# growths written before their levels: "营收 yoy+20.2%/+19.3% 至 19.39/23.14 亿"
# ("同比激增 450%/40%，达 25 亿 / 34 亿元", 401: a verb's strength is no other relation)
_GROWTHS_LEAD = re.compile(r"(?:同比|YoY|yoy|YOY)\s*(?:分别)?\s*(?:激|大|猛|骤)?(增长|增加|提升|上升|下降|减少|下滑|增|降)?\s*$")
_TO_LEVELS = re.compile(r"^\s*(?:(?:分别)?\s*(?:至|到)|[，,]\s*(?:分别)?\s*(?:至|到|达|达到))\s*$")
# a bracket between the levels and their growths: "2.43、2.80、3.36亿元（前次预测为2.9、3.6、4.3亿元），同增…"
_ASIDE = re.compile(r"^\s*[（(][^（）()]*[)）]")
# and the EPS of the same years: "净利润为179.4/207.5/261.3亿元，EPS0.90/1.05/1.32元，利润增速分别为…" (cfb093)
_PER_SHARE_ASIDE = re.compile(r"^\s*[，,]\s*(?:对应)?\s*(?:EPS|每股收益)[^，,。；;%]*(?=[，,])")


# a bracket's dates are an aside, not the sentence's period: "35.21/42.19/47.10亿元（23E下调，24/25E上调）"
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


def _blanked(text: str) -> str:
    """The text with its brackets blanked out, offsets kept."""
    if "（" not in text and "(" not in text:
        return text
    return _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)


# a PDF's list joined by commas: "归母净利润分别为50.0，56.2，62.8亿元，对应增速19.5%，12.4%，11.7%" (cfb213)
def _comma_item(prev: Figure, f: Figure) -> bool:
    """A comma joins list items when nothing else stands between them and the item before is a bare
    number taking the last one's unit, or both are rates (a series is then read only when its length
    is the span's)."""
    return prev.kind == FigureKind.NUMBER or prev.kind == f.kind == FigureKind.PERCENT


def _comma_slip(text: str, prev: Figure, f: Figure, after: list[Figure]) -> bool:
    """A comma written for a 、 inside a list of amounts ("营业收入分别为29.07亿元，37.80亿元、25.71亿元", cft226):
    the two amounts in one unit, and the list going on after the second with a 、."""
    return prev.kind == f.kind and prev.unit == f.unit and bool(after) and after[0].kind == f.kind \
        and after[0].unit == f.unit and text[f.end:after[0].start].strip() == "、"


def _runs(s: Sentence, figs: list[Figure], kinds: tuple[FigureKind, ...]) -> list[list[Figure]]:
    runs: list[list[Figure]] = []
    for i, f in enumerate(figs):
        if f.kind not in kinds or f.value is None or f.is_range:
            if runs and len(runs[-1]) == 1:
                runs.pop()
            runs.append([])
            continue
        between = s.text[runs[-1][-1].end:f.start] if runs and runs[-1] else ""
        if runs and runs[-1] and runs[-1][-1].kind in kinds and (
                _SEP.match(between) or COMMA_JOIN.match(between) and (
                    _comma_item(runs[-1][-1], f) or _comma_slip(s.text, runs[-1][-1], f, figs[i + 1:]))):
            runs[-1].append(f)
        else:
            runs.append([f])
    return [r for r in runs if len(r) >= 2]


# every series is judged through its growths' word after or before the levels (_TO_GROWTHS, _GROWTHS_LEAD)
_NEEDS = re.compile(r"同比|YoY|yoy|YOY|同增|同降|增速|增幅|增长率")


def find_year_series(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    # the span in force: written in the sentence, or carried from the sentence or list item before
    # when this one names no date ("- 2025-2027 年营收：…；" "- 归母净利润：0.47/0.65/1.00 亿元（…）")
    carried: tuple[int, int] | None = None
    last: Sentence | None = None
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            carried, last = None, None
            continue
        plain = _blanked(s.text)
        span = _years(plain)
        follows = last is not None and (s.paragraph == last.paragraph or s.kind == last.kind == "list"
                                        and s.paragraph == last.paragraph + 1)
        if span is not None:
            carried, start = span
        elif follows and carried is not None and not any(f.kind == FigureKind.DATE and plain[f.start] != " "
                                                         for f in s.figures) \
                and not ("年" in s.text and _SHORT_YEAR.search(_BRACKETED.sub("", s.text))):
            start = 0
        else:
            carried = None
        last = s
        if carried is None or "%" not in s.text:
            continue
        first, end_year = carried
        n = end_year - first + 1
        if not 2 <= n <= 6:
            continue
        figs = [f for f in s.figures if f.start >= start and f.kind != FigureKind.DATE]
        levels = [r for r in _runs(s, figs, _AMOUNTS) if len(r) == n]
        # "增速24/11/10%": a list's items take the % written on its last
        # (a past series may leave out its first year's growth: "2018年至2020年归母净利润分别为2.10亿元、
        # 2.87亿元、4.87亿元，19年、20年的同比增速分别为36.63%和69.95%")
        growths = [r for r in _runs(s, list_units(s.text, figs), (FigureKind.PERCENT,)) if len(r) == n or len(r) == n - 1 >= 2]
        for lv in levels:
            # "25.7 亿、26.9 亿、27.9 亿吨": a unit the last figure completes
            same = all(f.kind == FigureKind.NUMBER or lv[-1].unit.startswith(f.unit) and f.scale == lv[-1].scale
                       for f in lv)
            if not same and n == 2:
                # "2019年到2020年…营收分别为人民币7070万元、4.98亿元，同比增长604.3%": two years' levels in one
                # currency at two scales, and the later year's growth alone after them
                out.extend(_two_years(article, s, [f for f in figs if f.start >= lv[0].start], first))
                continue
            if same and lv[-1].kind != FigureKind.NUMBER and (one := _one_year(article, s, lv, figs, first)) is not None:
                out.append(one)
            found = _growths_of(s.text, lv, growths)
            if found is None or not same or lv[-1].kind == FigureKind.NUMBER:
                continue
            gr, word, words_end = found
            verb_word = _VERB_WORDS.get(word or "", word)
            if len(gr) == n - 1:
                # the later years' growths: certain when their years are named, else confirm-only
                named = _TO_GROWTHS.match(_ASIDE.sub("", s.text[lv[-1].end:gr[0].start]))
                # (`_judge` reads the growth of each level after the first: gr[0] pads the first's place)
                later = _judge(article, s, lv, [gr[0], *gr], verb_word, first)
                out.extend(later if named and named.group("years") else
                           [confirm_only(c, "the growths' years are not named: read as the later years'") for c in later])
                continue
            out.extend(_judge(article, s, lv, gr, verb_word, first))
            out.extend(_first_growth(article, s, lv[0], gr[0], verb_word, first, s.text[start:words_end]))
    return out


def _two_years(article: Article, s: Sentence, figs: list[Figure], first: int) -> list[Check]:
    """The later year's growth of two amounts listed for a span of two years, each at its own scale
    ("7070万元、4.98亿元，同比增长604.3%"): certain, the list and its growth standing in one clause group."""
    for k in range(len(figs) - 2):
        a, b, g = figs[k], figs[k + 1], figs[k + 2]
        if a.kind != FigureKind.MONEY or b.kind != FigureKind.MONEY or g.kind != FigureKind.PERCENT \
                or a.is_range or b.is_range or g.is_range or a.scale == b.scale \
                or canonical_unit(a.kind, a.unit) != canonical_unit(b.kind, b.unit) or not _SEP.match(s.text[a.end:b.start]):
            continue
        m = _TO_GROWTHS.match(s.text[b.end:g.start])
        if m is None or m.group("years") or "分别" in s.text[b.end:g.start]:
            continue
        was, now = interval(a), interval(b)
        if was.lo <= 0 or now.lo <= 0:
            continue
        verb = _VERB_WORDS.get(m.group("verb") or "", m.group("verb"))
        return [interval_check(
            (now / was - Interval(1, 1)).scale(100), signed_rate(s.text, g, verb), kind="growth", stated=g.text,
            inputs=[a.text, b.text], relation=f"({b.text}/{a.text} - 1) = {g.text} ({first + 1} over {first}, listed by position)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
            article=article.label)]
    return []


# a one-character verb as `signed_rate` reads it
_VERB_WORDS = {"降": "下降", "增": "增长"}
# one year's growth named after the list: "营收：2021-2024 年分别为 22.98、41.31、26.62、100.57 亿元，2024 年同比增长
# 277.8%" (271)
_ONE_YEAR = re.compile(r"\s*[，,；;]\s*(?P<y>(?:19|20)?\d{2})\s*年(?:度|的)?\s*(?:同比)?\s*"
                       r"(?P<v>增长|增加|提升|上升|下降|减少|下滑|增|降)?\s*(?:了|约)?\s*$")


def _one_year(article: Article, s: Sentence, lv: list[Figure], figs: list[Figure], first: int) -> Check | None:
    g = next((f for f in figs if f.start >= lv[-1].end), None)
    if g is None or g.kind != FigureKind.PERCENT or g.is_range:
        return None
    m = _ONE_YEAR.fullmatch(s.text, lv[-1].end, g.start)
    if m is None or not (m.group("v") or s.text[g.start:g.end].lstrip()[:1] in "+-−－"):
        return None
    year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
    i = year - first
    if not 1 <= i < len(lv):
        return None
    was, now = figure_interval(lv[i - 1]), figure_interval(lv[i])
    if was.lo <= 0 or now.lo <= 0:
        return None
    verb = _VERB_WORDS.get(m.group("v") or "", m.group("v"))
    return interval_check(
        (now / was - Interval(1, 1)).scale(100), signed_rate(s.text, g, verb), kind="growth", stated=g.text,
        inputs=[lv[i - 1].text, lv[i].text],
        relation=f"({lv[i].text}/{lv[i - 1].text} - 1) = {g.text} ({year} over {year - 1}, the year named)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
        article=article.label)


def _growths_of(text: str, lv: list[Figure], growths: list[list[Figure]]) -> tuple[list[Figure], str | None, int] | None:
    """The growths of a run of levels, the verb before them, and where the words naming the levels
    end: right after the levels ("…亿元，同比增长 35.8%、33.8%"), else right before them, leading to
    them ("23/24年营收yoy+20.2%/+19.3%至19.39/23.14亿", cfb513)."""
    for g in growths:
        if m := _TO_GROWTHS.match(_PER_SHARE_ASIDE.sub("", _ASIDE.sub("", text[lv[-1].end:g[0].start]))):
            return g, m.group("verb"), lv[0].start
    for g in growths:
        if g[-1].end <= lv[0].start and _TO_LEVELS.match(text[g[-1].end:lv[0].start]) \
                and (m := _GROWTHS_LEAD.search(text, max(0, g[0].start - 12), g[0].start)):
            return g, m.group(1), g[0].start
    return None


_ADJUSTED_MEASURE = re.compile(r"经调整|调整后|剔除|不含")


def _first_growth(article: Article, s: Sentence, level: Figure, g: Figure, verb: str | None, first: int,
                  words: str) -> list[Check]:
    """The series' first growth against the company's level of the year before, written elsewhere
    ("22年公司实现归母净利14.9亿元" before "预计23/24/25年归母净利润17.2/20.3/24.8亿元，yoy+16%/…")."""
    # (an adjusted measure, "经调整后归母净利润", has no reported level of the year before)
    measure = "" if _ADJUSTED_MEASURE.search(words) else measure_class(words)
    found = year_level(article, measure, first - 1) if measure else None
    if found is None:
        return []
    ws, base = found
    # the first level is in the unit the list ends on
    now = figure_interval(level).scale(base.scale or 1.0) if level.kind == FigureKind.NUMBER else \
        figure_interval(level).scale(level.scale or 1.0)
    was = figure_interval(base).scale(base.scale or 1.0)
    if was.lo <= 0 or now.lo <= 0:
        return []
    chk = interval_check(
        (now / was - Interval(1, 1)).scale(100), signed_rate(s.text, g, verb), kind="growth", stated=g.text,
        inputs=[base.text, level.text],
        relation=f"({level.text}/{base.text} - 1) = {g.text} ({first} over {first - 1}, the year before written "
                 f"in another sentence)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[ws.text, s.text],
        article=article.label)
    # the level found by its measure and year may be another company's or the industry's (a sector
    # report lists several companies' forecasts): a fit confirms, a misfit proves nothing
    return [confirm_only(chk, "the year before is found by its measure and year, not by its company")]


def _judge(article: Article, s: Sentence, levels: list[Figure], growths: list[Figure], verb: str | None,
           first: int) -> list[Check]:
    out = []
    for i in range(1, len(levels)):
        was, now = figure_interval(levels[i - 1]), figure_interval(levels[i])
        if was.lo <= 0 or now.lo <= 0:
            continue  # growth from or to a loss has no one convention
        got = (now / was - Interval(1, 1)).scale(100)
        g = growths[i]
        out.append(interval_check(
            got, signed_rate(s.text, g, verb), kind="growth", stated=g.text,
            inputs=[levels[i - 1].text, levels[i].text],
            relation=(f"({levels[i].text}/{levels[i - 1].text} - 1) = {g.text} "
                      f"({first + i} over {first + i - 1}, listed by position)"),
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
            article=article.label,
        ))
    return out
