"""A total over a dated span and its mean per day or per month, the span written in the same
sentence: "7 月 1 日至 8 月 31 日，全国民航累计运输旅客 1.47 亿人次，日均 237 万人次" is 1.47 亿 / 62 days;
"1-8 月累计进口 3 亿吨，月均 3750 万吨" is 3 亿 / 8 months."""

from __future__ import annotations

import datetime as dt
import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import chars_after, chars_before

_DAYS = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日\s*(?:至|到|-|—|–|~)\s*"
                   r"(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日")
_MONTHS = re.compile(r"(?P<m1>\d{1,2})\s*(?:-|—|–|~|至)\s*(?P<m2>\d{1,2})\s*月")
# from the total to its mean: "，日均 ", "，日均近 ", "，月均 " (a measure word of the total may stand before)
_TO_MEAN = re.compile(r"^[^\d，,。；;]{0,4}[，,]\s*(?:(日)均|平均每(日|天)|(月)均|平均每月)\s*(?:约|近|超|达)?\s*$")
# a mean further on in the sentence, with its verb: "…，日均发电 298.9 亿千瓦时" (548)
_MEAN_LEAD = re.compile(r"[，,]\s*(?:(日)均|平均每(日|天)|(月)均|平均每月)[\u4e00-\u9fa5]{0,4}?\s*(?:约|近|超|达)?\s*$")
# one month ("7 月份", "2025 年 7 月"): its days
_ONE_MONTH = re.compile(r"^(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月份?$")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER)


def _span(p: ParaText, f: Figure, per: str) -> int | None:
    """Days (or months) of the one span its sentence (to 。) dates before the total."""
    start = p.text.rfind("。", 0, f.start) + 1
    dates = [d for d in p.figures if d.kind == FigureKind.DATE and start <= d.start and d.end <= f.start]
    found = []
    for d in dates:
        if per == "day" and (m := _DAYS.search(d.text)):
            year = int(m.group("y")) if m.group("y") else None
            m1, d1 = int(m.group("m1")), int(m.group("d1"))
            m2, d2 = int(m.group("m2") or m1), int(m.group("d2"))
            if year is None and (m1 <= 2 <= m2 or m2 < m1):
                continue  # a span over February in a year not written: 28 or 29 days
            try:
                first = dt.date(year or 2025, m1, d1)
                last = dt.date((year or 2025) + (1 if m2 < m1 else 0), m2, d2)
            except ValueError:
                continue
            found.append((last - first).days + 1)
        elif per == "month" and (m := _MONTHS.search(d.text)):
            found.append(int(m.group("m2")) - int(m.group("m1")) + 1)
        elif per == "day" and (m := _ONE_MONTH.match(d.text.strip())):
            month, year = int(m.group("m")), int(m.group("y")) if m.group("y") else None
            if 1 <= month <= 12 and (month != 2 or year is not None):
                nxt = dt.date((year or 2025) + month // 12, month % 12 + 1, 1)
                found.append((nxt - dt.timedelta(days=1)).day)
    return found[0] if len(found) == 1 and found[0] > 1 else None


def _same_measure(p: ParaText, total: Figure, mean: Figure) -> bool:
    """"1.47 亿人次" and "237 万人次"; "12.3 万班" and "近 2000 班": the word after each is the same."""
    if total.kind == FigureKind.PERCENT or mean.kind == FigureKind.PERCENT:
        return False
    after = [m.group(0) if (m := re.match(r"\s*[\u4e00-\u9fa5]", chars_after(p.text, f.end, 3))) and m.group(0).strip() not in "，。；、"
             else "" for f in (total, mean)]
    after = [a.strip() for a in after]
    units = [re.sub(r"^[万亿千百]+", "", f.unit) for f in (total, mean)]
    return units[0] == units[1] and after[0] == after[1]


def _pairs(p: ParaText, figs: list[Figure]) -> list[tuple[Figure, Figure, re.Match[str]]]:
    """(total, mean, the words that make it a mean): a mean right after its total, or one led by
    日均 later in the total's sentence with no other level of its measure between them."""
    out = []
    for k, mean in enumerate(figs):
        if k == 0:
            continue
        adjacent = _TO_MEAN.match(p.text[figs[k - 1].end:mean.start])
        lead = adjacent or _MEAN_LEAD.search(p.text, 0, mean.start)
        if lead is None:
            continue
        start = p.text.rfind("。", 0, mean.start) + 1
        before = [f for f in figs[:k] if f.start >= start and f.kind in _LEVELS and _same_measure(p, f, mean)]
        total = figs[k - 1] if adjacent else (before[-1] if len(before) == 1 else None)
        if total is not None and total.kind in _LEVELS and _same_measure(p, total, mean) and (total.value or 0) > 0:
            out.append((total, mean, lead))
    return out


def find_period_means(article: Article) -> list[Check]:
    out: list[Check] = []
    for p in paragraphs(article):
        if not ("日均" in p.text or "月均" in p.text or "平均每" in p.text):
            continue
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for total, mean, m in _pairs(p, figs):
            per = "month" if m.group(3) or "每月" in m.group(0) else "day"
            n = _span(p, total, per)
            if n is None:
                continue
            got = (figure_interval(total).scale(total.scale or 1.0)).scale(1 / n)
            scale = mean.scale or 1.0
            where = p.sentence_at(mean.start)
            chk = interval_check(
                got.scale(1 / scale), figure_interval(mean, result=True), kind="average", stated=mean.text,
                inputs=[total.text], relation=f"{total.text} / {n} {'days' if per == 'day' else 'months'} = {mean.text} "
                                             "(the span dated in the sentence)",
                sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
                input_sentences=[p.sentence_at(total.start).text], article=article.label,
            )
            chk.computed = fmt(got.mid / scale)
            out.append(chk)
    return out


# "沪深两市周交易额 11.57 万亿元，日均成交额 23132 亿元": a week's turnover and its daily mean
_WEEK_TOTAL = re.compile(r"周(?:交易|成交)(?:额|金额|量)\s*(?:为|达|约)?\s*$")
_DAILY_MEAN = re.compile(r"^\s*[，,]\s*日均(?:交易|成交)?(?:额|金额|量)?\s*(?:为|达|约)?\s*$")


def find_week_means(article: Article) -> list[Check]:
    """A week's turnover and its mean per trading day: some number of days from one to five (a
    holiday shortens the week) must fit, the fit naming it; none fitting is an error."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "日均" not in s.text or "周" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for total, mean in zip(figs, figs[1:], strict=False):
            if total.kind != mean.kind or total.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) \
                    or not _WEEK_TOTAL.search(chars_before(s.text, total.start, 12)) \
                    or not _DAILY_MEAN.match(s.text[total.end:mean.start]):
                continue
            whole, each = interval(total), interval(mean)
            fits = [n for n in range(1, 6) if whole.scale(1 / n).overlaps(each)]
            n = fits[-1] if fits else 5
            got = whole.scale(1 / n)
            out.append(interval_check(
                got.scale(1 / (mean.scale or 1.0)), figure_interval(mean), fits=bool(fits), kind="average",
                stated=mean.text, inputs=[total.text],
                relation=f"{total.text} / {n} trading days = {mean.text}"
                         + ("" if fits else " (no week of 1-5 trading days fits)"),
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text],
                article=article.label,
            ))
    return out
