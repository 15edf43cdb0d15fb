"""Levels of a span of years listed by position with their growths (checks/year_series.py);
forecast lines from 76 (tests/check_fresh) and 633 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _series(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("盈利预测\n\n" + text) if "listed by position" in c.relation}


def test_each_growth_after_the_first_is_its_year_over_the_year_before():
    got = _series("预计 2025-2027 年收入分别为 33 亿元、44 亿元、57 亿元，同比增长 38%、33%、29%。")
    assert got == {"33%": "consistent", "29%": "consistent"}  # 38% needs 2024, not written
    assert _series("预计 2025-2027 年收入分别为 33 亿元、44 亿元、57 亿元，同比增长 38%、39%、29%。")["39%"] == "inconsistent"


def test_slash_lists_and_a_span_carried_to_the_next_list_item():
    text = "- 2025-2027 年营收：7.39/9.89/12.99 亿元（同比 + 35.8%/33.8%/31.3%）；\n\n- 归母净利润：0.47/0.65/1.00 亿元（同比 + 173%/39%/64%）；\n"
    assert _series(text) == {"33.8%": "consistent", "31.3%": "consistent", "39%": "consistent", "64%": "inconsistent"}


def test_lists_that_are_not_the_spans_years():
    # three years, two levels: not the span's series
    assert _series("预计 2025-2027 年收入 33 亿元、44 亿元，同比增长 38%、33%。") == {}
    # compound growths of three segments are no year-on-year growths
    assert _series("2021-2023 年三项业务收入 378.25/291.19/75.05 亿元，3 年复合增速 1.3%/9.1%/5.0%。") == {}
    # a loss in the series: no growth from it
    assert "27.5%" not in _series("2025-2027 年收入 - 6.08/0.15/3.81 亿元（同比 + 31.0%/27.5%/17.9%）。")


def test_a_unit_the_last_level_completes():
    # 425: "25.7 亿、26.9 亿、27.9 亿吨" are all 亿吨
    got = _series("预计 2025-2027 年全球铁矿石产量或达 25.7 亿、26.9 亿、27.9 亿吨，同比增速可达 1.02%、5.05%、3.59%。")
    assert got == {"5.05%": "consistent", "3.59%": "consistent"}
    # another scale is another unit: no series
    assert _series("预计 2025-2027 年产量或达 25.7 万、26.9 万、27.9 亿吨，同比增速可达 1.02%、5.05%、3.59%。") == {}


def test_a_growth_rate_named_without_tongbi_and_a_list_whose_last_item_carries_the_percent():
    # CFBenchmark risk 1: "增速分别为29.2/26.0/25.9%" after the levels is each year's growth
    text = ("我们预计公司2018-2020年营业收入为17.9/22.6/28.5亿元，增速分别为29.2/26.0/{g}%，净利润为8.1/10.4/12.7亿元，"
            "增速分别为37.0/28.0/22.8%，EPS为2.71/3.47/4.26元。")
    assert _series(text.format(g="25.9")) == {"26.0": "consistent", "25.9%": "consistent", "28.0": "consistent",
                                              "22.8%": "consistent"}
    assert _series(text.format(g="28.9"))["28.9%"] == "inconsistent"
    # "对应增速": the same growths in a forecast line
    got = _series("我们预计公司2022-24年收入分别为280.34、320.07、361.58亿元，对应增速分别为12.12%、14.17%、12.97%。")
    assert got == {"14.17%": "consistent", "12.97%": "consistent"}
    # a margin list after the levels is no growth
    assert _series("预计公司2022-24年收入分别为280.34、320.07、361.58亿元，毛利率分别为12.12%、14.17%、12.97%。") == {}
