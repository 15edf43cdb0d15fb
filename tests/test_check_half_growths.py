"""A half year's 同比 growth from its quarters' levels and growths (checks/half_growths.py);
paragraphs after 542 (solar installations, tests/check_final)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_542 = ("# 光伏装机\n\n2025 年上半年新增装机分化。其中集中式新增 98.8GW，同比增长 {h}%。\n\n2025Q1 新增装机分化。集中式新增 23.4GW，同比{d1} 7%。\n\n"
        "2025Q2 新增装机分化。集中式新增 75.4GW，同比增长 172%。")


def _half(text: str, stated: str) -> list[str]:
    return [c.verdict for c in check_text(text) if c.stated == stated and "each with its 同比" in c.relation]


def test_the_half_growth_is_the_sum_over_last_years_quarters():
    # 上年 = 23.4/1.07 + 75.4/2.72 = 49.59; 98.8 / 49.59 = +99.2%
    assert _half(_542.format(h="99", d1="增长"), "99%") == ["consistent"]
    assert _half(_542.format(h="89", d1="增长"), "89%") == ["inconsistent"]
    # a fall in the first quarter is signed: 23.4/0.93 + 27.72 = 52.88, +86.8%
    assert _half(_542.format(h="87", d1="减少"), "87%") == ["consistent"]


def test_no_growth_when_the_quarters_are_not_the_half():
    # 23.4 + 75.4 is not 108.8: which level is wrong is the sum's verdict, not the growth's
    assert _half(_542.format(h="99", d1="增长").replace("98.8GW", "108.8GW"), "99%") == []
    # a quarter with no 同比 growth of its own
    assert _half(_542.format(h="99", d1="增长").replace("同比增长 172%", "环比增长 222%"), "99%") == []
