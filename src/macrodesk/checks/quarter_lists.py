"""A year's level against its four quarters written as a list: "20年全年实现归母净利润11.92亿元，同比增长10.7%，
其中Q1/Q2/Q3/Q4分别实现-0.17/3.59/3.54/4.95亿元，同比分别-115.5%/26.5%/7.7%/38.5%" is −0.17 + 3.59 +
3.54 + 4.95 = 11.92, and the year's growth is the quarters' levels over their year-ago levels (each
level / (1 + its growth)), a derived relation. The year's level may stand in another paragraph
("公司 2018 年 Q1/Q2/Q3/Q4 营业收入分别为…" against "2018 年格力电器实现营业收入 1981.23 亿元"), and one
sentence may list several measures by quarter ("…营业收入分别为2.78、5.07、6.02、7.39亿元，…；归母净利润
分别为0.19、0.51、0.62、1.10亿元，…")."""

from __future__ import annotations

import re
from collections.abc import Callable

from macrodesk.checks.company_levels import COMPANY_LEVEL
from macrodesk.checks.intervals import Interval, interval_sum, written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article
from macrodesk.text.clauses import clause_start


def _spaced(word: str) -> str:
    # a PDF export may space out every character: "同 比 增 速 分 别 为"
    return r"\s*".join(re.escape(c) for c in word)


_NUM = r"(?:[+\-−]\s*)?\d+(?:\.\d+)?"
_SEP = r"\s*(?:[/、]|和|及)\s*"  # "3.63、4.64和4.75亿元": 和 joins a list's last item
_UNIT = r"(亿元|万元|百万元|千万元|元|亿|万)"
# the first quarters of a year: "Q1/Q2/Q3/Q4", "Q1、Q2、Q3", "Q1-Q4", "22Q1-Q4", "19Q1/Q2/Q3/Q4", "一至四季度"
_QUARTERS = re.compile(r"(?:\d{2,4})?Q1\s*(?:[/、]\s*Q2(?:\s*[/、]\s*Q3(?:\s*[/、]\s*Q4)?)?|[-~～至]\s*(?:\d{2})?Q?([2-4]))"
                       r"|[一1]\s*[至\-~]\s*([二三四234])\s*季度"
                       # "一、二、三季度分别实现营收 8.68亿元、9.23亿元、10.04亿元" (cfb473)
                       r"|一\s*[、/]\s*二(?:\s*[、/]\s*三(?:\s*[、/]\s*四)?)?\s*季度"
                       # "2021年一季度和二季度分别实现营收344.41、459.92亿元" (cfr314)
                       r"|一季度\s*(?:和|及|、)\s*二季度(?:\s*(?:和|及|、)\s*三季度(?:\s*(?:和|及|、)\s*四季度)?)?"
                       # "1-3Q22公司收入分别为54.8/47.5/57.2亿元" (cfr493)
                       r"|(?<![\d.])1\s*[-~～至]\s*([234])\s*Q\s*(?:\d{2}(?!\d))?")
_WORDS = {2: "two", 3: "three", 4: "four"}
_CN_COUNT = {"二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4}
# what a level of the first n quarters is named by ("前三季度营收", "上半年"); four are the year
_CUMULATIVE = {2: re.compile(r"上半年|H1|半年度?|1\s*-\s*6\s*月"), 3: re.compile(r"前三季度|1\s*-\s*9\s*月|Q1\s*-\s*Q3|三季报")}
# a span of quarters with the year after it: "1-3Q22"
_SPAN_AFTER = re.compile(r"(?<![\d.])1\s*-\s*([234])\s*Q\s*(\d{2})(?!\d)")
# the words between the quarters and their values: "分别实现营收", "归母净利", "单季度营业收入分别为"
_BETWEEN = re.compile(r"^[，,\s]*[^，,。；;\d%/、]{0,16}$")
# a further measure of the same quarters in the sentence: "；归母净利润分别为"
_NEXT = re.compile(r"^[^。\d%]{0,24}分\s*别[^。\d%]{0,6}$")
# or, for slash lists, a measure named alone: "Q1/Q2/Q3营收8.3/14/15亿元、同比增…，归母净利润1.3/2.8/2.9亿元"
_NEXT_NAMED = re.compile(r"^\s*[，,；;]\s*[^。\d%，,；;/]{2,16}$")
# (each item may carry the unit: "8.68亿元、9.23亿元、10.04亿元")
_ITEM_UNIT = r"(?:\s*(?:亿元|万元|百万元|千万元|元|亿|万))?"
_LISTS = {n: re.compile(_SEP.join([f"({_NUM}){_ITEM_UNIT}"] * (n - 1) + [f"({_NUM})"]) + rf"\s*{_UNIT}(?![/\d]|、\s*\d)")
          for n in (2, 3, 4)}
# a further measure's list may leave its unit to the first list's ("营业收入分别为15.68/20.71/17.99/27.31
# 亿元，同比增速分别为…，归母净利润分别为 1.47/2.23/1.99/1.85， 同比增速分别为…")
_BARE_LISTS = {n: re.compile(_SEP.join([f"({_NUM})"] * n) + r"()(?=\s*[，,；;])") for n in (2, 3, 4)}
# a fall's verb before unsigned growths: "分别同比下滑37.96%、0.67%"
_FALL_WORDS = "下降|减少|下滑|回落"
_GROWTH_WORDS = "|".join(_spaced(w) for w in ("同比", "yoy", "YoY", "YOY"))
_GROWTH_LEAD = (rf"\s*[，,、]\s*(?:{_spaced('分别')})?\s*(?:{_GROWTH_WORDS})\s*(?:{_spaced('分别')})?\s*"
                rf"(?:{_spaced('增长')}|{_spaced('增速')}|{_spaced('变化')}|{_spaced('变动')}|增|{_FALL_WORDS})?\s*(?:{_spaced('分别')})?\s*(?:为)?\s*[:：]?\s*")
# or signed growths in a bracket right after the levels: "344.41、459.92亿元（+48.41%、-9.46%）"
_GROWTH_LEAD = rf"(?:{_GROWTH_LEAD}|\s*[（(]\s*(?:同比\s*)?(?=[+\-−]))"
_GROWTHS = {n: re.compile(_GROWTH_LEAD + _SEP.join([f"({_NUM})%?"] * (n - 1) + [f"({_NUM})%"])) for n in (2, 3, 4)}
# the 环比 list after the levels (and their 同比 list): "，环比-2.81%、+50.55%、+0.21%"
_QOQ_LEAD = (rf"\s*[，,]\s*(?:{_spaced('分别')})?\s*环\s*比\s*(?:{_spaced('分别')})?\s*"
             rf"(增长|增加|提升|上升|变化|变动|下降|减少|下滑|回落)?\s*(?:增速|增幅)?\s*(?:{_spaced('分别')})?\s*(?:为)?\s*[:：]?\s*")
_QOQS = {n: re.compile(_QOQ_LEAD + _SEP.join([f"({_NUM})%?"] * (n - 1) + [f"({_NUM})%"])) for n in (2, 3, 4)}
# one quarter's 环比 later in the paragraph: "Q3营收环比减少27.34%", "Q3归母净利润环比减少19.06%"
_ONE_QOQ = re.compile(rf"(?<![\dQ])Q([2-4])(?:单季度?)?([^，,。；;\d%]{{0,10}}?)环比\s*(增长|增加|提升|上升|下降|减少|下滑|回落)?\s*({_NUM})%")
_FALLS = ("下降", "减少", "下滑", "回落")
_SCALE = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "百万元": 1e6, "千万元": 1e7, "元": 1.0}
# the metric a list or a level names, as a class: revenue, 扣非 profit, 归母 profit, profit
_METRICS = (("扣非", re.compile(r"扣非")), ("归母", re.compile(r"归母|归属于?母公司|归属于上市公司")),
            ("revenue", re.compile(r"营业总?收入|营收|收入")), ("profit", re.compile(r"净利润?")))
# the year's level: "实现营业收入83.53亿元，同比增长8.7%，其中"
_LEVEL = re.compile(rf"({_NUM})\s*{_UNIT}")
_YEAR_GROWTH = re.compile(rf"\s*[，,]?\s*(?:同比|yoy|YoY|YOY)\s*(?:上年)?\s*(增长|下降|减少|下滑)?\s*({_NUM})%")
# the year the quarters are of, written right before them: "公司 2018 年 Q1/Q2/Q3/Q4 营业收入"
_LIST_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?\s*$")


def _metric(words: str) -> str:
    return next((name for name, rx in _METRICS if rx.search(words)), "")


def find_quarter_lists(article: Article) -> list[Check]:
    if "Q1" not in article.text and "季度" not in article.text:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        if "Q1" not in p.text and "季度" not in p.text:
            continue
        for q in _QUARTERS.finditer(p.text):
            n = _count(q)
            end = p.text.find("。", q.end())
            end = len(p.text) if end < 0 else end
            pos, first, unit = q.end(), True, ""
            slashed = False
            while True:
                m = _LISTS[n].search(p.text, pos, end)
                if not first and (m is None or not _next(p.text[pos:m.start()], slashed)):
                    m = _BARE_LISTS[n].search(p.text, pos, end)  # a further measure's list with no unit
                    if m is None or not _next(p.text[pos:m.start()], slashed):
                        break
                if m is None:
                    break
                unit = m.group(n + 1) or unit
                between = p.text[pos:m.start()]
                if not (_BETWEEN.match(between) if first else _next(between, slashed)) \
                        or len(set(re.findall(_UNIT, m.group(0)))) > 1:
                    break  # (items in two units are no one list)
                slashed = "/" in m.group(0)
                own = _metric(between)
                year = _same_sentence_year(p, q, m, own, n) if first else None
                year = year or _named_year(article, p, q, own, n)
                if year is not None:
                    out.extend(_judge(article, p, m, n, unit, *year))
                g = _GROWTHS[n].match(p.text, m.end())
                out.extend(_quarter_on_quarter(article, p, m, n, unit, g.end() if g else m.end(), own))
                pos, first = (g.end() if g else m.end()), False
                if (qoq := _QOQS[n].match(p.text, pos)) is not None:
                    pos = qoq.end()  # the next measure's list comes after this one's 环比 list
    return out


def _next(between: str, slashed: bool) -> bool:
    """Whether the words between two lists of the same quarters lead to the next measure's list."""
    return bool(_NEXT.match(between) or slashed and _NEXT_NAMED.match(between))


def _count(q: re.Match[str]) -> int:
    """How many quarters from the first one the marker lists."""
    if q.group(1) or q.group(2) or q.group(3):
        return _CN_COUNT[q.group(1) or q.group(2) or q.group(3)]
    return q.group(0).count("Q") or len(re.findall(r"[一二三四]", q.group(0)))


def _names_span(words: str, n: int) -> bool:
    """Whether a level's words name the first n quarters: the year for four, else 前三季度 / 上半年."""
    if n == 4:
        return not re.search(r"Q[1-4]|季度|H[12]|半年|1\s*-\s*\d\s*月", words)
    return bool(_CUMULATIVE[n].search(words))


def _same_sentence_year(p: ParaText, q: re.Match[str], m: re.Match[str], own: str,
                        n: int) -> tuple[ParaText, re.Match[str]] | None:
    """The year's level of the list's metric in the clauses right before the quarters, in their
    sentence ("全年实现归母净利润11.92亿元，同比增长10.7%，其中Q1/Q2/Q3/Q4分别实现…")."""
    start = max(p.text.rfind("。", 0, q.start()), 0)
    levels = [lv for lv in _LEVEL.finditer(p.text, start, q.start())
              if not re.match(r"\s*[/、]", p.text[lv.end():]) and not p.text[:lv.start()].rstrip().endswith(("/", "、"))]
    if not levels:
        return None

    def lead_of(k: int) -> str:
        return p.text[levels[k - 1].end() if k else start:levels[k].start()]

    # the list's own metric picks its year's level; without one, the level right before it
    k = next((k for k in range(len(levels) - 1, -1, -1) if _metric(lead_of(k)) == own), None) if own \
        else len(levels) - 1
    if k is None:
        return None
    year, lead = levels[k], lead_of(k)
    between = p.text[year.end():q.start()]
    theirs = _metric(lead)
    # the list is the year's when it names the same metric, or opens with 其中 right after the year's clauses
    if not theirs or (own and own != theirs) or (not own and "其中" not in between) or re.search(r"[。；;]", between):
        return None
    if not _names_span(p.text[start:year.start()] if n < 4 else lead, n):
        return None  # the level is a quarter's or a half's, or not of the first n quarters
    return p, year


def _named_year(article: Article, p: ParaText, q: re.Match[str], own: str,
                n: int) -> tuple[ParaText, re.Match[str]] | None:
    """The one company-level figure of the list's metric the article writes for the year the
    quarters name ("2018 年 Q1/…", "19Q1/…"), in any sentence that names that year and no other
    period before it."""
    if own not in ("revenue", "归母", "扣非"):
        return None
    head = re.match(r"(\d{2,4})Q", q.group(0)) or re.search(r"Q\s*(\d{2})$", q.group(0))
    ym = _LIST_YEAR.search(p.text, max(0, q.start() - 8), q.start())
    yy = head.group(1) if head else (ym.group(1) if ym else None)
    if yy is None:
        # "分季度看，Q1-Q3分别实现营业收入3.63、4.64和4.75亿元" after "2021年前三季度公司实现营业收入13.01亿元":
        # no year on the quarters; the article's one level of the span's name of that metric is theirs
        # (but "2020年杀虫剂Q1/Q2/Q3单季度营收分别为…" are one segment's quarters, not the company's)
        return _span_level(article, p, q, own, n) if n < 4 \
            and not _NAMED_BEFORE.search(_NOT_A_SUBJECT.sub("", _clause_before(p, q))) else None
    year = yy[-2:]

    def of_year(sentence: str) -> bool:
        sentence = _SPAN_AFTER.sub(r"\2年Q1-Q\1", sentence)  # "1-3Q22" is 22年Q1-Q3
        dates = re.findall(r"((?:19|20)?\d{2})\s*年|Q[1-4]|H[12]|[上下]半年|季度", sentence)
        years = [d[-2:] for d in dates if d]
        # (a sentence may name the year twice: "发布 2018 年年报， 2018 年公司实现营业收入…")
        return not (years and set(years) != {year} or (n == 4 and {d[-2:] if d else "" for d in dates} != {year})
                    or (n < 4 and (not years or not _names_span(sentence, n))))

    return _one_level(article, p, q, own, of_year)


def _clause_before(p: ParaText, q: re.Match[str]) -> str:
    return p.text[clause_start(p.text, q.start(), "，,；;。：:"):q.start()]


# a subject named before the quarters, once dates and the words that open a split are taken out
_NAMED_BEFORE = re.compile(r"[\u4e00-\u9fa5]")
_NOT_A_SUBJECT = re.compile(r"(?:19|20)?\d{2}\s*年|公司|分季度|单季度|其中|来看|看|分别")


def _span_level(article: Article, p: ParaText, q: re.Match[str], own: str,
                n: int) -> tuple[ParaText, re.Match[str]] | None:
    return _one_level(article, p, q, own, lambda sentence: _names_span(sentence, n)
                      and not re.search(r"Q[1-4](?!\s*[-~～至])|单季", sentence))


def _one_level(article: Article, p: ParaText, q: re.Match[str], own: str,
               dated: Callable[[str], bool]) -> tuple[ParaText, re.Match[str]] | None:
    """The one company level of the metric `own` written before the list (or in another
    paragraph) whose sentence up to it is `dated` as the list's span."""
    found: dict[str, tuple[ParaText, re.Match[str]]] = {}
    for other in paragraphs(article):
        for lv in _LEVEL.finditer(other.text):
            clause = other.text[max(other.text.rfind(c, 0, lv.start()) for c in "，,；;。") + 1:lv.start()]
            sentence = other.text[other.text.rfind("。", 0, lv.start()) + 1:lv.start()]
            if re.search(r"/|、|分别", clause) or _metric(clause) != own or not COMPANY_LEVEL.search(clause) \
                    or other is p and lv.start() >= q.start() or not dated(sentence):
                continue
            found.setdefault(re.sub(r"\s", "", lv.group(0)), (other, lv))
    return next(iter(found.values())) if len(found) == 1 else None


def _judge(article: Article, p: ParaText, m: re.Match[str], n: int, list_unit: str, yp: ParaText,
           year: re.Match[str]) -> list[Check]:
    parts = [written_interval(m.group(k), _SCALE[list_unit]) for k in range(1, n + 1)]
    unit = _SCALE[year.group(2)]
    whole = written_interval(year.group(1), unit)
    s = yp.sentence_at(year.start())
    listed = p.sentence_at(m.start()).text
    elsewhere = "" if yp is p and s.text == listed else ", written in another sentence"
    shown = " + ".join(m.group(k).replace(" ", "") for k in range(1, n + 1))
    span = {4: "the year", 3: "前三季度", 2: "上半年"}[n]
    acc = interval_sum(parts)
    chk = interval_check(acc.scale(1 / unit), whole.scale(1 / unit), kind="sum", stated=year.group(0),
                         inputs=[m.group(k) for k in range(1, n + 1)],
                         relation=f"{shown} = {year.group(0)} (the {_WORDS[n]} quarters Q1-Q{n} of {span}{elsewhere})",
                         sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                         input_sentences=[listed] * n, article=article.label)
    out = [chk]
    g = _GROWTHS[n].match(p.text, m.end())
    yg = _YEAR_GROWTH.match(yp.text, year.end())
    if g is None or yg is None or chk.verdict != "consistent":
        return out
    falls = -1 if re.search(_FALL_WORDS, p.text[g.start():g.start(1)]) else 1
    rates = [written_interval(g.group(k)).scale(0.01 * (falls if g.group(k)[:1].isdigit() else 1))
             for k in range(1, n + 1)]
    if not all(r.lo > -1 for r in rates):
        return out
    prior = interval_sum(x / (Interval(1, 1) + r) for x, r in zip(parts, rates, strict=True))
    if prior.lo <= 0:
        return out
    rate = yg.group(2).replace(" ", "")
    sign = -1 if yg.group(1) in ("下降", "减少", "下滑") and not rate.startswith("-") else 1
    gc = interval_check(
        (acc / prior - Interval(1, 1)).scale(100), written_interval(rate).scale(sign), kind="growth",
        stated=f"{yg.group(2)}%",  # the figure as written: it replaces the growth's unverifiable check
        inputs=[*(m.group(k) for k in range(1, n + 1)), *(g.group(k) for k in range(1, n + 1))],
        relation=f"Σ quarters / Σ (quarter / (1 + its growth)) - 1 = {'-' if sign < 0 else ''}{rate}% (the growth of {span} from its "
                 f"quarters'; year-ago level {prior.mid / unit:.2f}{year.group(2)} derived)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[listed] * (2 * n), article=article.label)
    gc.derived = True
    out.append(gc)
    return out


def _quarter_on_quarter(article: Article, p: ParaText, m: re.Match[str], n: int, list_unit: str, after: int,
                        own: str) -> list[Check]:
    """Each quarter of the list against the one before it: a 环比 list right after the levels
    ("20.45、30.79、30.85亿元，同比…，环比-2.81%、+50.55%、+0.21%": 30.79 / 20.45 - 1 = 50.55%; the
    first quarter's is against last year's Q4, not written), or one quarter's 环比 of the list's
    metric later in its paragraph ("Q3营收环比减少27.34%")."""
    levels = [written_interval(m.group(k), _SCALE[list_unit]) for k in range(1, n + 1)]
    stated: dict[int, tuple[str, int, re.Match[str]]] = {}  # quarter index -> (rate, sign, match)
    q = _QOQS[n].match(p.text, after)
    if q is not None:
        sign = -1 if q.group(1) in _FALLS else 1
        for k in range(1, n):
            stated[k] = (q.group(k + 2), sign, q)
    end = p.text.find("。", m.end())
    end = len(p.text) if end < 0 else end
    if own:
        for one in _ONE_QOQ.finditer(p.text, m.end(), end):
            k = int(one.group(1)) - 1
            if k < n and k not in stated and _metric(one.group(2)) == own:
                stated[k] = (one.group(4), -1 if one.group(3) in _FALLS else 1, one)
    out = []
    listed = p.sentence_at(m.start()).text
    for k, (rate, sign, where) in sorted(stated.items()):
        before, now = levels[k - 1], levels[k]
        if before.lo <= 0 or now.lo <= 0:
            continue  # a loss in either quarter: a growth rate says nothing
        written = rate.replace(" ", "")
        if sign < 0 and not written.startswith(("-", "−")):
            written = "-" + written.lstrip("+")  # "环比减少27.34%" is -27.34%
        iv = written_interval(written)
        s = p.sentence_at(where.start())
        a, b = m.group(k).replace(" ", ""), m.group(k + 1).replace(" ", "")
        out.append(interval_check(
            (now / before - Interval(1, 1)).scale(100), iv, kind="growth", stated=f"{written}%",
            inputs=[a, b], relation=f"{b} / {a} - 1 = {written}% (环比: Q{k + 1} over Q{k}, the quarters listed by position)",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[listed, listed],
            article=article.label))
    return out
