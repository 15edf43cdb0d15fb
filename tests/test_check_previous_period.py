"""A 环比 growth against the previous month's or quarter's level of its paragraph
(checks/previous_period.py), from 665 (tests/check_final)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _v(text: str, stated: str) -> list[str]:
    return [c.verdict for c in check_text(text) if c.stated == stated and "period before" in c.relation]


def test_a_month_against_the_month_before():
    # 665: 4274 / 3561 − 1 = 20.02%
    text = ("2025 年 1-8 月国内进口煤及褐煤 3 亿吨，同比减少 12.2%；7 月进口 3561 万吨，同比减少 22.9%，环比 + 7.8%；"
            "8 月进口 4274 万吨，同比减少 6.7%，环比 + {g}%。")
    assert _v(text.format(g="20"), "+ 20%") == ["consistent"]
    assert _v(text.format(g="25"), "+ 25%") == ["inconsistent"]
    # months in two sentences, no year written
    assert _v("7 月全国原煤产量 3.67 亿吨，同比下降 3.8%。8 月全国原煤产量 3.90 亿吨，环比增长 6.3%。", "6.3%") == ["consistent"]


def test_a_quarter_against_the_quarter_before_and_the_clause_period():
    text = "2025 年一季度营收 100 亿元，净利润 10.0 亿元；二季度营收 120 亿元，环比增长 20%，净利润 13.0 亿元，环比增长 {g}%。"
    assert _v(text.format(g="30"), "30%") == ["consistent"]
    assert _v(text.format(g="35"), "35%") == ["inconsistent"]


def test_no_base_of_another_measure_or_period():
    # the month before is of another measure, or two months back: nothing to check
    assert _v("7 月出口 3561 万吨。8 月进口 4274 万吨，环比 + 20%。", "+ 20%") == []
    assert _v("6 月进口 3561 万吨。8 月进口 4274 万吨，环比 + 20%。", "+ 20%") == []
    # a span is no month: "1-7 月" is not July
    assert _v("1-7 月进口 3561 万吨。8 月进口 4274 万吨，环比 + 20%。", "+ 20%") == []
