"""A year's level against its four quarters written as a slash list: "20年全年实现归母净利润11.92亿元，同比
增长10.7%，其中Q1/Q2/Q3/Q4分别实现-0.17/3.59/3.54/4.95亿元，同比分别-115.5%/26.5%/7.7%/38.5%" is
−0.17 + 3.59 + 3.54 + 4.95 = 11.92, and the year's growth is the quarters' levels over their year-ago
levels (each level / (1 + its growth)), a derived relation."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article

_NUM = r"[+\-−]?\d+(?:\.\d+)?"
# the four quarters: "Q1/Q2/Q3/Q4", "Q1-Q4", "22Q1-Q4", "Q1～Q4", "一至四季度"
_QUARTERS = re.compile(r"(?:\d{2})?Q1\s*(?:/\s*Q2\s*/\s*Q3\s*/\s*Q4|[-~～至]\s*(?:\d{2})?Q?4)|一至四季度|1-4季度")
# the words between the quarters and their values: "分别实现营收", "归母净利", "单季营收分别为"
_BETWEEN = re.compile(r"^[^，,。；;\d%/]{0,14}$")
_LIST = re.compile(rf"({_NUM})\s*/\s*({_NUM})\s*/\s*({_NUM})\s*/\s*({_NUM})\s*(亿元|万元|百万元|千万元|元|亿|万)(?![/\d])")
_GROWTHS = re.compile(rf"\s*[，,]\s*(?:同比|yoy|YoY|YOY)\s*(?:分别)?\s*(?:为|增长|增速)?\s*(?:分别)?\s*[:：]?\s*"
                      rf"({_NUM})%?\s*/\s*({_NUM})%?\s*/\s*({_NUM})%?\s*/\s*({_NUM})%")
_SCALE = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "百万元": 1e6, "千万元": 1e7, "元": 1.0}
# the metric a list or a level names, as a class: revenue, 扣非 profit, 归母 profit, profit
_METRICS = (("扣非", re.compile(r"扣非")), ("归母", re.compile(r"归母|归属于?母公司|归属于上市公司")),
            ("revenue", re.compile(r"营业总?收入|营收|收入")), ("profit", re.compile(r"净利润?")))
# the year's level: "实现营业收入83.53亿元，同比增长8.7%，其中"
_LEVEL = re.compile(rf"({_NUM})\s*(亿元|万元|百万元|千万元|元|亿|万)")
_YEAR_GROWTH = re.compile(rf"\s*[，,]?\s*(?:同比|yoy|YoY|YOY)\s*(增长|下降|减少|下滑)?\s*({_NUM})%")


def _metric(words: str) -> str:
    return next((name for name, rx in _METRICS if rx.search(words)), "")


def _iv(text: str, scale: float = 1.0) -> Interval:
    t = text.replace("−", "-").replace("+", "")
    x = float(t)
    half = 0.5 * 10 ** -(len(t.split(".")[1]) if "." in t else 0)
    return Interval((x - half) * scale, (x + half) * scale)


def find_quarter_lists(article: Article) -> list[Check]:
    if "Q1" not in article.text and "季度" not in article.text:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        for q in _QUARTERS.finditer(p.text):
            m = _LIST.search(p.text, q.end(), q.end() + 40)
            if m is None or not _BETWEEN.match(p.text[q.end():m.start()]):
                continue
            out.extend(_against_year(article, p, q, m) or _against_named_year(article, p, q, m))
    return out


# the year the quarters are of, written right before them: "公司 2018 年 Q1/Q2/Q3/Q4 营业收入", "22Q1-Q4"
_LIST_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?\s*$|(?<!\d)(\d{2})\s*$")


# the company's own level, not a segment's: the measure right after 实现 / 公司 / the year
# ("2018 年格力电器实现营业收入", not "公司内销营收")
_COMPANY_LEVEL = re.compile(r"(?:实现|公司|全年|年|^|\s)\s*(?:营业总?收入|营收|归母净利润?|归属于?母公司[^，。]{0,6}净利润|扣非[^，。]{0,6}净利润?)"
                            r"\s*(?:为|达|约)?\s*$")


def _against_named_year(article: Article, p: ParaText, q: re.Match[str], m: re.Match[str]) -> list[Check]:
    """"公司 2018 年 Q1/Q2/Q3/Q4 营业收入分别为400.25/519.79/580.45/499.74 亿" (cfr032) against the one
    level of that metric the article writes for that year, in any paragraph ("2018 年格力电器实现营业收入
    1981.23 亿元"): the list names both its metric and its year."""
    own = _metric(p.text[q.end():m.start()])
    ym = _LIST_YEAR.search(p.text, max(0, q.start() - 8), q.start()) if not q.group(0)[:2].isdigit() else None
    yy = q.group(0)[:2] if q.group(0)[:2].isdigit() else (ym.group(1) or ym.group(2) if ym else None)
    if own not in ("revenue", "归母", "扣非") or yy is None:
        return []
    year = yy[-2:]
    found: dict[str, tuple[ParaText, re.Match[str]]] = {}
    for other in paragraphs(article):
        for lv in _LEVEL.finditer(other.text):
            lead = other.text[max(other.text.rfind(c, 0, lv.start()) for c in "，,；;。") + 1:lv.start()]
            if re.search(r"Q[1-4]|季度|H[12]|半年|/|分别", lead) or _metric(lead) != own \
                    or not re.search(rf"(?:19|20)?{year}\s*年", lead) or other is p and lv.start() >= q.start() \
                    or not _COMPANY_LEVEL.search(lead):
                continue
            found.setdefault(lv.group(0).replace(" ", ""), (other, lv))
    if len(found) != 1:
        return []
    other, year_level = next(iter(found.values()))
    parts = [_iv(m.group(k), _SCALE[m.group(5)]) for k in range(1, 5)]
    whole = _iv(year_level.group(1), _SCALE[year_level.group(2)])
    shown = " + ".join(m.group(k) for k in range(1, 5))
    s = other.sentence_at(year_level.start())
    unit = _SCALE[year_level.group(2)]
    return [interval_check(interval_sum(parts).scale(1 / unit), whole.scale(1 / unit), kind="sum",
                           stated=year_level.group(0), inputs=[m.group(k) for k in range(1, 5)],
                           relation=f"{shown} = {year_level.group(0)} (the four quarters Q1-Q4 of 20{year}, "
                                    f"written in another paragraph)",
                           sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                           input_sentences=[p.sentence_at(m.start()).text] * 4, article=article.label)]


def _against_year(article: Article, p: ParaText, q: re.Match[str], m: re.Match[str]) -> list[Check]:
    """The four quarters against the year's level of their metric in the clauses before them."""
    own = _metric(p.text[q.end():m.start()])
    # the year's level: the last level of the list's metric in the same sentence, before the list
    start = max(p.text.rfind("。", 0, q.start()), 0)
    levels = [lv for lv in _LEVEL.finditer(p.text, start, q.start())
              if not re.match(r"\s*/", p.text[lv.end():]) and not p.text[:lv.start()].rstrip().endswith("/")]
    if not levels:
        return []

    def lead_of(k: int) -> str:
        return p.text[levels[k - 1].end() if k else start:levels[k].start()]

    # the list's own metric picks its year's level; without one, the level right before it
    k = next((k for k in range(len(levels) - 1, -1, -1) if _metric(lead_of(k)) == own), None) if own \
        else len(levels) - 1
    if k is None:
        return []
    year, lead = levels[k], lead_of(k)
    between = p.text[year.end():q.start()]
    theirs = _metric(lead)
    # the list is the year's when it names the same metric, or opens with 其中 right after the year's clauses
    if not theirs or (own and own != theirs) or (not own and "其中" not in between) or re.search(r"[。；;]", between):
        return []
    if re.search(r"Q[1-4]|季度|H[12]|半年", lead):
        return []  # the level is itself a quarter's or a half's
    parts = [_iv(m.group(k), _SCALE[m.group(5)]) for k in range(1, 5)]
    whole = _iv(year.group(1), _SCALE[year.group(2)])
    s = p.sentence_at(year.start())
    shown = " + ".join(m.group(k) for k in range(1, 5))
    acc = interval_sum(parts)
    chk = interval_check(acc.scale(1 / _SCALE[year.group(2)]), whole.scale(1 / _SCALE[year.group(2)]),
                         kind="sum", stated=year.group(0), inputs=[m.group(k) for k in range(1, 5)],
                         relation=f"{shown} = {year.group(0)} (the four quarters Q1-Q4 of the year)",
                         sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                         input_sentences=[p.sentence_at(m.start()).text] * 4, article=article.label)
    out = [chk]
    g = _GROWTHS.match(p.text, m.end())
    yg = _YEAR_GROWTH.match(p.text, year.end())
    if g is not None and yg is not None and chk.verdict == "consistent":
        rates = [_iv(g.group(k)).scale(0.01) for k in range(1, 5)]
        if all(r.lo > -1 for r in rates):
            prior = interval_sum(x / (Interval(1, 1) + r) for x, r in zip(parts, rates, strict=True))
            if prior.lo > 0:
                sign = -1 if yg.group(1) in ("下降", "减少", "下滑") and not yg.group(2).startswith("-") else 1
                stated = _iv(yg.group(2)).scale(sign)
                got = (acc / prior - Interval(1, 1)).scale(100)
                gc = interval_check(
                    got, stated, kind="growth", stated=yg.group(0).strip("，, "), inputs=[*(m.group(k) for k in range(1, 5)),
                                                                              *(g.group(k) for k in range(1, 5))],
                    relation=f"Σ quarters / Σ (quarter / (1 + its growth)) - 1 = {yg.group(2)}% (the year's growth "
                             f"from its four quarters'; year-ago level {prior.mid / _SCALE[year.group(2)]:.2f}"
                             f"{year.group(2)} derived)",
                    sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                    input_sentences=[p.sentence_at(m.start()).text] * 8, article=article.label)
                gc.derived = True
                out.append(gc)
    return out
