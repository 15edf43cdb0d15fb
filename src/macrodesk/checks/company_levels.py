"""A company's own level of a measure for a year, wherever the article writes it: "2018 年格力电器实现营业收入
1981.23 亿元", "22年公司实现归母净利14.9亿元". The families that need a year's total written elsewhere (the
quarters of that year, a forecast's first growth) ask it here."""

from __future__ import annotations

import re

from macrodesk.models import Article, Figure, FigureKind, Sentence

# the measure, as a class: revenue, 归母 profit, 扣非 profit
MEASURE_CLASSES = (("扣非", re.compile(r"扣非|扣除非经常性损益")), ("归母", re.compile(r"归母|归属于?母公司|归属于上市公司|归属净利")),
                   ("revenue", re.compile(r"营业总?收入|营收|收入")))
# the company's own level, not a segment's: the measure right after 实现 / 公司 / the year / a clause
# break ("2018 年格力电器实现营业收入", "；归母净利润", not "公司内销营收")
# ("公司公布1-3Q22业绩：收入159.5亿元": after the results' colon, 收入 alone is the company's)
COMPANY_LEVEL = re.compile(r"(?:(?:实现|公司|全年|年|^|\s)\s*(?:营业总?收入|总?营收|归母净利润?|归属于?母公司[^，。]{0,6}净利润|归属净利润|"
                      r"扣非[^，。]{0,6}净利润?)|业绩\s*[:：]\s*(?:营业总?收入|营收|收入)"
                      # "公司发布半年报：1H22收入21.70亿元": a period right before 收入, nothing between
                      r"|(?:[:：]|^|\s)\s*(?:(?:19|20)?\d{2}\s*[QH][1-4]|[1-4][QH]\d{2}|[上下]半年)\s*收入)"
                      r"\s*(?:合计|总计|总额)?\s*"
                      r"(?:为|达|约|达到)?\s*$")
_CLAUSE_END = re.compile(r"[，,；;。]")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)?\d{2})\s*(?:年|A|E)(?![\d])")
_CAGR_SPAN = re.compile(r"(?<![\d.])(?:19|20)?\d{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)?\d{2}\s*年?\s*(?:的)?\s*(?:复合|年均|CAGR)")
_OTHER_PERIOD = re.compile(r"Q[1-4]|H[12]|[上下]半年|季度|\d\s*月|/|、|分别|预计|预测|E\b")


def measure_class(words: str) -> str:
    """The measure a clause's words name, as a class ("" when none of them)."""
    return next((name for name, rx in MEASURE_CLASSES if rx.search(words)), "")


def year_level(article: Article, measure: str, year: int) -> tuple[Sentence, Figure] | None:
    """The one figure (in 元) the article writes as the company's `measure` of `year`, in a sentence
    naming that year and no other period before it; None when there is none or several."""
    found: dict[tuple[float, str], tuple[Sentence, Figure]] = {}
    yy = f"{year % 100:02d}"
    # the sentences before, in the paragraph, that the sentence continues after ；: "2021年公司实现营收
    # 9.37亿，同比下降20.62%；" dates "归母净利润0.66亿，…" (cfb406)
    chain, last = "", None
    for s in article.sentences:
        if last is not None and last.paragraph == s.paragraph and last.text.rstrip().endswith(("；", ";")):
            chain += last.text
        else:
            chain = ""
        last = s
        if s.kind not in ("prose", "list") or not s.figures:
            continue
        for f in s.figures:
            if f.kind != FigureKind.MONEY or f.value is None or f.is_range or not f.unit.endswith("元"):
                continue
            before = s.text[:f.start]
            ends = list(_CLAUSE_END.finditer(before))
            clause = before[ends[-1].end() if ends else 0:]
            if measure_class(clause) != measure or not COMPANY_LEVEL.search(clause) or _OTHER_PERIOD.search(before):
                continue
            # (the span of a CAGR written on another measure names no period of this one: "2022年实现营业
            # 收入19.6亿元，2018-2022年复合增速19.5%，实现归母净利润2.1亿元", cfb583)
            years = [y[-2:] for y in _YEAR.findall(_CAGR_SPAN.sub("", before))]
            if not years and chain and not _OTHER_PERIOD.search(chain):
                years = [y[-2:] for y in _YEAR.findall(_CAGR_SPAN.sub("", chain))]
            if years != [yy]:
                continue
            found.setdefault((f.value * (f.scale or 1.0), f.unit), (s, f))
    return next(iter(found.values())) if len(found) == 1 else None
