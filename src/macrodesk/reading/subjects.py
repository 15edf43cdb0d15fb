"""Whether a sentence is about one company rather than a market, sector or economy: a macro
reader's items are demoted when they are (single-company news fills posts, not views)."""

from __future__ import annotations

import re
from functools import lru_cache

from macrodesk.models import Sentence
from macrodesk.reading.stances import theme_heads
from macrodesk.reading.words import pattern, words

_LABEL = re.compile(r"^(?:\*\*)?([^，。；：:*]{2,12})(?:\*\*)?[：:](?!\d{1,3}[:：]\d)")
_OPENING = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)(?:[（(][^）)]{1,12}[)）])?(?:公司|集团|股份|控股)")
# "PPIH 5 月本土同店销售收入…", "永旺零售 5 月同店…": a name, a period, then what only a company reports
_NAMED_PERIOD = re.compile(r"^([A-Za-z][A-Za-z&.\-]{1,15}|[\u4e00-\u9fff]{2,6}?)\s*(?=\d{1,2}\s*月|20\d\d\s*年|[QH][1-4])")


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(map(re.escape, words()["companies"]["suffixes"])) + r")$")


def company_subject(s: Sentence) -> str:
    """The company a sentence is about ("" when it is about a market, a sector or an economy):
    its label or opening names something that is no theme, no economy and no metric, and the
    sentence reports what companies report (毛利率, 同店, 营收), or the name has a company suffix."""
    text = s.text.replace("**", "").strip()
    m = _LABEL.match(text)
    name = (s.bold_lead or "").strip("：: *") or (m.group(1) if m else "")
    opening = False
    if not name:
        o = _NAMED_PERIOD.match(text)
        if o and pattern("companies", "store_metrics").search(text) \
                and not pattern("companies", "not_companies").search(o.group(1)):
            return o.group(1)
        o = _OPENING.match(text)
        name, opening = (o.group(0), True) if o else ("", False)
    if not name or len(name) > 10 or re.search(r"\d|[年月周季有是为在的从]", name):
        return ""
    if theme_heads(name) or pattern("companies", "not_companies").search(name) \
            or any(w in name for w in words()["companies"]["generic"]) \
            or pattern("predicates", "positive").search(name) or pattern("predicates", "negative").search(name) \
            or pattern("companies", "phrase_words").search(name):
        return ""  # an economy, a sector, a metric or a phrase ("产品迭代创新加速"), not a name
    reports = pattern("companies", "company_metrics").search(text[len(name):])
    if reports or (_suffix_re().search(name) and not opening):
        return name
    return ""


def single_company(s: Sentence, title: str) -> bool:
    """A line about one company the title does not name: a side detail in a macro or sector piece."""
    name = company_subject(s)
    return bool(name) and name not in (title or "")
