"""A total's 同比 growth from its 其中-parts' growths when the parts add up to it
(checks/part_growths.py), with sentences from real reports and negative cases."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

PROFIT = ("1-5 月石油和化工行业实现利润总额 3120 亿元，同比降 {g}%。其中炼油板块利润 1250 亿元，降 27.3%；"
          "化工板块利润 1870 亿元，降 9.5%。")  # 246 (blind set)


def growth(text: str, stated: str) -> str:
    got = [c for c in check_text(text) if c.stated == stated and c.kind == "growth"]
    assert got, stated
    return got[0].verdict


def test_parts_that_add_up_give_last_years_total():
    # 1250/0.727 + 1870/0.905 = 3786.9 → 3120 is −17.6%, written −18.7% (a real error)
    assert growth(PROFIT.format(g="18.7"), "18.7%") == "inconsistent"
    assert growth(PROFIT.format(g="17.6"), "17.6%") == "consistent"
    # 139: exports fall, imports rise, the total's growth is theirs (2.4%)
    text = ("货物贸易进出口总值 14.14 万亿元，同比增长 2.4%。其中出口 8.39 万亿元，增长 7.5%；"
            "进口 5.75 万亿元，下降 4.2%。")
    assert growth(text, "2.4%") == "consistent"


def test_a_published_growth_on_a_restated_base_is_no_error():
    # 209: 85.5 / (53.97/1.3009 + 31.52/3.002) − 1 = 64.45%, written 64.6% (0.1% of the factor)
    text = ("新能源汽车出口 85.5 万辆，同比 + 64.6%，其中纯电动出口 53.97 万辆（+30.09%），"
            "插混出口 31.52 万辆（+200.20%）。")
    assert growth(text, "+ 64.6%") == "consistent"


def test_parts_that_do_not_add_up_prove_nothing():
    # the parts may be a few of many: 1250 + 1700 is no 3120
    text = PROFIT.format(g="30.0").replace("1870 亿元", "1700 亿元")
    assert {c.verdict for c in check_text(text) if c.stated == "30.0%"} <= {"unverifiable"}


def test_a_sentence_with_two_totals_each_with_its_own_parts():
    # 510: the month's total and its parts, then the year-to-date total and its own 其中; the first
    # breakdown ends where its parts make up 17138 (7306/1.172 + 9832/1.319 = 13685 → +25.2%)
    text = ("2025 年 7 月份，销售各类挖掘机 17138 台，同比增长 {g}%，其中国内销量 7306 台，同比增长 17.2%，"
            "出口量 9832 台，同比增长 31.9%；2025 年 1-7 月共销售挖掘机 137658 台，同比增长 17.8%，其中国内销量 "
            "72943 台，同比增长 22.3%，出口 64715 台，同比增长 13%。")
    assert growth(text.format(g="25.2"), "25.2%") == "consistent"
    assert growth(text.format(g="28.2"), "28.2%") == "inconsistent"
    assert growth(text.format(g="25.2"), "17.8%") == "consistent"


def test_a_breakdown_opened_by_fen_x_kan():
    # 548: "分产业看，" opens the parts as 其中 does (170/1.202 + 5936/1.047 + 2081/1.107 + 2039/1.18 = 9413)
    text = ("7 月份，全社会用电量 10226 亿千瓦时，同比增长 {}%。分产业看，第一产业 170 亿千瓦时（+20.2%），第二产业 5936 亿千瓦时"
            "（+4.7%），第三产业 2081 亿千瓦时（+10.7%），城乡居民生活用电量 2039 亿千瓦时（+18.0%）。")
    assert growth(text.format("8.6"), "8.6%") == "consistent"
    assert growth(text.format("9.6"), "9.6%") == "inconsistent"
