"""A CAGR over a span of years against the levels of the span's two ends written in the sentence
before: "2021年中国网络安全相关支出达到102.6亿美元，预计2025年中国网络安全支出规模将达214.6亿美元。" and
"2021~2025年中国网络安全相关支出将以20.5%的年复合增长率增长" is (214.6 / 102.6)^(1/4) − 1."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, signed_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# the span, then the words up to the CAGR's figure: "2021~2025年中国网络安全相关支出将以"
_SPAN = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[EA]?\s*年?\s*(?:至|到|[-~～—―])\s*((?:19|20)\d{2})\s*[EA]?\s*年?")
_CAGR_WORD = re.compile(r"CAGR|复合增长率|复合增速|复合年均增长率|年均复合增长率|年复合增长率")
# a year that dates the level after it in its clause ("2021年…达到102.6亿美元")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[EA]?\s*年(?!\s*(?:[一二三四1-4]\s*季|[前上下]|Q|H|\d{1,2}\s*月|[-~～—―至到]))")
_STOPS = "，,；;。"
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)
# words common to the subject of the levels and of the CAGR: four characters of one name
_NAME = 4
_NAME_CHARS = re.compile(r"[\u4e00-\u9fa5A-Za-z]{4}")


def find_dated_cagrs(article: Article) -> list[Check]:
    if "复合" not in article.text and "CAGR" not in article.text:
        return []
    out: list[Check] = []
    last: Sentence | None = None
    for s in article.sentences:
        before, last = last, s
        if s.kind not in ("prose", "list") or before is None or before.paragraph != s.paragraph \
                or not _CAGR_WORD.search(s.text):
            continue
        for g in s.figures:
            if g.kind != FigureKind.PERCENT or g.value is None or g.is_range:
                continue
            chk = _judge(article, before, s, g)
            if chk is not None:
                out.append(chk)
    return out


def _judge(article: Article, before: Sentence, s: Sentence, g: Figure) -> Check | None:
    head = s.text[clause_start(s.text, g.start, _STOPS):g.start]
    # the CAGR word right after the figure ("以20.5%的年复合增长率") or right before it ("CAGR为20.5%")
    after = s.text[g.end:g.end + 10]
    if not (_CAGR_WORD.search(after) and re.match(r"\s*的?\s*(?:年均|年)?(?:复合|CAGR)", after)
            or _CAGR_WORD.search(head[-10:])):
        return None
    span = _SPAN.search(head)
    if span is None:
        return None
    first, final = int(span.group(1)), int(span.group(2))
    if not 1 <= final - first <= 15:
        return None
    subject = head[span.end():]
    ends = _dated_levels(before, first, final)
    if ends is None:
        return None
    was, now = ends
    # the levels are of the CAGR's subject: a name of four characters written in both
    if not any(subject[i:i + _NAME] in before.text for i in range(len(subject) - _NAME + 1)
               if _NAME_CHARS.fullmatch(subject[i:i + _NAME])):
        return None
    lo, hi = interval(was), interval(now)
    if lo.lo <= 0 or hi.lo <= 0:
        return None
    n = final - first
    ratio = hi / lo
    got = Interval(ratio.lo ** (1 / n) - 1, ratio.hi ** (1 / n) - 1).scale(100)
    return interval_check(
        got, signed_interval(g, "", result=True), kind="cagr", stated=g.text, inputs=[was.text, now.text],
        relation=f"({now.text}/{was.text})^(1/{n}) - 1 = {g.text} ({first}-{final}, the ends written in the "
                 f"sentence before; {fmt(got.mid)}%)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[before.text, before.text],
        article=article.label)


def _dated_levels(s: Sentence, first: int, final: int) -> tuple[Figure, Figure] | None:
    """The one level dated `first` and the one dated `final` in the sentence, in one unit."""
    dated: dict[int, list[Figure]] = {}
    for f in s.figures:
        if f.kind not in _LEVELS or f.value is None or f.is_range:
            continue
        years = _YEAR.findall(s.text, clause_start(s.text, f.start, _STOPS), f.start)
        if len(years) == 1:
            dated.setdefault(int(years[0]), []).append(f)
    a, b = dated.get(first, []), dated.get(final, [])
    if len(a) != 1 or len(b) != 1 or a[0].unit != b[0].unit or len(dated) != 2:
        return None
    return a[0], b[0]
