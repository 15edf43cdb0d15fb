"""A share of a whole named and written in another item for the same period (checks/named_wholes.py),
from 194 (tests/check_tenth) and 44 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

TEXT = ("1. **国内结构**：2025 年 1-5 月国内销量 560.60 万辆（同比 + 43.97%），纯电动占比 63.86%。\n\n"
        "2. **出口数据**：2025 年 1-5 月新能源汽车出口 85.50 万辆（同比 + 64.6%），占国内销量 {s}%。\n")


def _share(text: str, stated: str) -> str | None:
    return next((c.verdict for c in check_text(text) if c.stated == stated and "written elsewhere" in c.relation), None)


def test_the_named_whole_of_the_same_period_in_another_item():
    # 85.50 / 560.60 = 15.25%: 11.45% is an error (the tenth set's 194-8), 15.3% holds
    assert _share(TEXT.format(s="11.45"), "11.45%") == "inconsistent"
    assert _share(TEXT.format(s="15.25"), "15.25%") == "consistent"


def test_no_whole_of_another_period_or_of_an_unnamed_measure():
    assert _share(TEXT.replace("1-5 月国内销量", "1-4 月国内销量").format(s="11.45"), "11.45%") is None
    # "占全球" names no measure
    assert _share("2024 年中国钨产量 6.7 万吨，占全球 82.72%。2024 年全球钨产量 10 万吨。", "82.72%") is None
