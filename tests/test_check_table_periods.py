"""A table's 同比 and 环比 columns against its level columns, each labelled by its period
(checks/table_periods.py); the results table of 559 (tests/check_last)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_559 = ("# 钢铁板块\n\n| **指标** | **2025H1** | **2024H1** | **2025Q2** | **2025Q1** | **2024Q2** | **2025H1 同比** | "
        "**2025Q2 同比** | **2025Q2 环比** |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| 营业总收入（亿元） | 9455.32 | 10408.66 | 4831.91 | 4623.42 | 5274.70 | -9.16% | -8.39% | {} |\n"
        "| 销售毛利率 | 7.10% | 5.90% | 7.80% | 6.40% | 6.20% | 1.20% | 1.60% | 1.40% |\n")


def _periods(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "growth" and "table:" in c.relation}


def test_each_growth_column_over_its_periods_base():
    # 9455.32 / 10408.66 − 1 = −9.16%; 4831.91 / 5274.70 − 1 = −8.39%; 4831.91 / 4623.42 − 1 = 4.51%
    assert _periods(_559.format("4.51%")) == {"-9.16%": "consistent", "-8.39%": "consistent", "4.51%": "consistent"}
    assert _periods(_559.format("5.51%"))["5.51%"] == "inconsistent"


def test_a_rate_row_is_not_read_as_levels():
    # 毛利率's 同比 is a change in points: no growth of its levels is proposed
    assert "1.20%" not in _periods(_559.format("4.51%"))


def test_columns_named_by_relative_periods():
    # 94: 月环比 over 上月, 同比 over 上年; 周环比 has no 上周 column, so it is not read
    text = ("# 原油\n\n| **品种** | **单位** | **本周** | **周环比** | **上月** | **月环比** | **上年** | **同比** |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "| 布伦特期货结算价 | 美元 / 桶 | 63.90 | -1.36% | 61.29 | +4.26% | 81.62 | {} |\n")
    got = {c.stated: c.verdict for c in check_text(text.format("-21.71%")) if "table: 布伦特" in c.relation}
    assert got == {"+4.26%": "consistent", "-21.71%": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format("-23.71%")) if "table: 布伦特" in c.relation}
    assert got["-23.71%"] == "inconsistent"
    # 210: 本周价格 / 上周价格 against 周涨幅 (PX 817.83 / 744.00 = +9.92%, written 10.54%)
    text = ("# 化工\n\n| **产品** | **单位** | **本周价格** | **上周价格** | **周涨幅** | **年内涨幅** |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 硫酸铵 | 元 / 吨 | 1200 | 1000 | 20.00% | 48.15% |\n| PX（进口 CFR） | 美元 / 吨 | 817.83 | 744.00 | 10.54% | 14.26% |\n")
    got = {c.stated: c.verdict for c in check_text(text) if "周涨幅" in c.relation}
    assert got == {"20.00%": "consistent", "10.54%": "inconsistent"}


def test_change_columns_in_the_levels_unit_and_levels_with_their_units():
    # 241: stocks' 月环比变化 in 万桶 (41511 − 42094 = −583), prices' in %
    text = ("# 库存\n\n| **品种** | **本周库存** | **周环比变化** | **上月库存** | **月环比变化** | **上年同期库存** | **同比变化** |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n| 商业原油（万桶） | 41511 | -584 | 42094 | {} | 44036 | -5.73% |\n")
    got = {c.stated: c.verdict for c in check_text(text.format("-583")) if "table: 商业原油" in c.relation}
    assert got == {"-583": "consistent", "-5.73%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("-683"))}["-683"] == "inconsistent"
    # 291: a yearly 增量 in 万桶 / 日 against levels in 百万桶 / 日: 106.28 − 105.00 = 1.28 = 128 万
    text = ("# 需求\n\n| **机构** | **2025 年需求（百万桶 / 日）** | **2025 年同比增量（万桶 / 日）** | **2026 年需求（百万桶 / 日）** | "
            "**2026 年同比增量（万桶 / 日）** |\n| --- | --- | --- | --- | --- |\n| OPEC | 105.00 | 130 | 106.28 | {} |\n")
    assert {c.stated: c.verdict for c in check_text(text.format("128"))}["128"] == "consistent"
    assert {c.stated: c.verdict for c in check_text(text.format("148"))}["148"] == "inconsistent"
    # 65: 周初 / 周末 levels written with their unit
    text = ("# 价格\n\n| **品种** | **周初价格** | **周末价格** | **周涨跌幅** | **单位** |\n| --- | --- | --- | --- | --- |\n"
            "| 独立焦化厂炼焦煤库存 | 752.09 万吨 | 737.89 万吨 | -1.93% | 万吨 |\n")
    assert {c.stated: c.verdict for c in check_text(text)}["-1.93%"] == "inconsistent"  # −1.888%


def test_a_levels_bracketed_growth_over_the_year_before_in_the_column_before():
    # 194: 6.07 / 8.53 − 1 = −28.8%; 450 / 335 − 1 = +34.3%, written +32.35% (over another base)
    text = ("# 锂电\n\n| **指标** | **2024 年** | **2025 年预测 / 最新** | **变动趋势** |\n| --- | --- | --- | --- |\n"
            "| 碳酸锂价格 | 8.53 万元 / 吨 | 6.07 万元 / 吨（-28.8%） | 跌幅收窄 |\n| 国内储能锂电池出货 | 335GWh（+62.62%） | 450GWh（+32.35%） | 高增 |\n"
            "| 锂电池板块营收 | 2.25 万亿元（+0.07%） | 5273 亿元（Q1+18.12%） | 回升 |\n")
    got = {c.stated: c.verdict for c in check_text(text) if " over 2024 年" in c.relation}
    assert got == {"-28.8%": "consistent", "+32.35%": "inconsistent"}
