"""A 同比 growth or change against the level of the year before written in its paragraph
(checks/last_year.py), with sentences from real reports and a negative case for each."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def verdict(text: str, stated: str) -> str:
    got = [c.verdict for c in check_text(text) if c.stated == stated]
    assert got, stated
    return got[0]


def test_dated_levels_a_clause_apart():
    # 607 (blind set): the base is the last level of the measure, a ； and a growth earlier
    text = ("出口情况：2023 年我国汽车出口 491 万辆，同比增 57.83%；2024 年 585.9 万辆，同比增 19.33%；"
            "2025 年 1-8 月 429.2 万辆，同比增 13.7%。")
    assert verdict(text, "19.33%") == "consistent"
    # 607: 771.5 / 655.46 − 1 = 17.70%, written 15.94% (a real error the issue names)
    text = ("纯电动情况：2023 年纯电动销售 655.46 万辆，同比增 24.31%，占比 70.54%；2024 年 771.5 万辆，"
            "同比增 15.94%，占比 60.0%；")
    assert verdict(text, "15.94%") == "inconsistent"


def test_a_base_named_as_last_year_after_the_growth():
    assert verdict("营收 100 亿元，同比增长 25%，上年同期为 80 亿元。", "25%") == "consistent"
    assert verdict("营收 100 亿元，同比增长 25%，上年同期为 85 亿元。", "25%") == "inconsistent"
    # 同期 keeps the part of the year: 1-4 月 against 1-4 月
    assert verdict("2025 年 1-4 月出口 1.2 万亿元，同比增长 8%，2024 年同期为 1.11 万亿元。", "8%") == "consistent"


def test_a_bracketed_signed_growth_and_a_change_of_a_rate():
    # 191 (blind set): 296 / 228.9 − 1 = 29.3%, written +30.1%
    text = "产量：2024 年白银产量 228.9 吨，2025 年预计 296 吨（+30.1%），2026 年 352 吨。"
    assert verdict(text, "+30.1%") == "inconsistent"
    assert verdict(text.replace("+30.1%", "+29.3%"), "+29.3%") == "consistent"
    # 607: a rate's change in points
    text = "我国储能锂电池企业全球出货占比：2023 年 91.56%，2024 年 98.53%（同比升 6.97 个百分点）。"
    assert verdict(text, "6.97 个百分点") == "consistent"
    assert verdict(text.replace("6.97", "7.97"), "7.97 个百分点") == "inconsistent"


def test_no_base_of_another_measure_another_span_or_a_bound():
    # another measure (动力 only against 动力和储能, 456), a year not over (143), a bound (828),
    # a share in brackets (743): none of them is refuted
    for text, stated in [
        ("2022 年我国动力电池产量 545.22GWh，同比增长 148.19%；2023 年动力和储能电池合计产量 778.10GWh，"
         "同比增长 42.5%。", "42.5%"),
        ("国家电网智能电表历年招标金额：2023 年 101 亿元，2024 年 159 亿元，2025 年截至目前 80 亿元（同比 - 20%）。",
         "- 20%"),
        ("2024 年新增 48GW，2025 年备案规模预计突破 55GW，同比增 28%。", "28%"),
        ("2023 年出口 491 万辆，同比增 57.83%；2024 年进口 585.9 万辆，同比增 30%。", "30%"),
    ]:
        assert {c.verdict for c in check_text(text) if c.stated == stated} <= {"unverifiable"}, text


def test_a_series_of_list_items_labelled_by_their_year():
    # 151: one item per year; the base of each growth is the item before
    text = ("### 销量\n\n- 2022 年：销量 687.26 万辆，同比 + 95.96%，占比 25.60%；\n"
            "- 2023 年：销量 944.81 万辆，同比 + 37.48%，占比 31.45%；\n- 2024 年：销量 1285.90 万辆，同比 + {}%。\n")
    assert verdict(text.format("36.10"), "+ 36.10%") == "consistent"
    assert verdict(text.format("38.10"), "+ 38.10%") == "inconsistent"
    # items not labelled by a year are not one series (50: a 2021 figure in the item before)
    text = ("- 预计带动 3500 万台设备更新，超 2021 年销量（2463 万台）。\n"
            "- 螺杆压缩机替代活塞压缩机趋势明显，2022 年销量 3 万台（同比 + 7.6%）。\n")
    assert verdict(text, "+ 7.6%") == "unverifiable"


def test_a_growth_naming_its_own_subject_or_a_bound_is_not_the_levels():
    # 828: "北美…订单增长 300%+" is no growth of 90GW+ over 58GW
    text = ("2024 年全球 10MW 以上燃机新增订单 58GW，同比增 32%，2025 年预计增至 90GW+，"
            "北美受 AI 数据中心驱动订单增长 300%+。")
    assert {c.verdict for c in check_text(text) if c.stated == "300%"} <= {"unverifiable"}


def test_a_growth_since_the_start_of_the_year_against_last_years_close():
    # 456: the 2021 rise 较年初 is over the 2020 closing price written before it
    text = ("电池级碳酸锂：2020 年先抑后扬，7 月初触底后回升至年底的 5.35 万元 / 吨；2021 年大幅飙涨，"
            "年底达 28.20 万元 / 吨，较年初上涨 {}%；2022 年初持续上涨。")
    assert verdict(text.format("427.10"), "427.10%") == "consistent"
    assert verdict(text.format("327.10"), "327.10%") == "inconsistent"
    # a level of the year before that is not its close is no base
    assert verdict(text.format("327.10").replace("回升至年底的", "回升至"), "327.10%") == "unverifiable"


def test_a_name_abridged_in_the_later_mention_and_another_measure_between():
    # 456: "全球销售" abridges "全球新能源乘用车销售"; 纯电动车销量 between the two is another measure
    text = ("2022 年全球新能源乘用车销售 1007.53 万辆，同比增长 56.40%，占比 14%，纯电动车销量 723.31 万辆，"
            "占比 72%。2023 年全球销售 1368.58 万辆，同比增长 {}%，占比 16%。")
    assert verdict(text.format("35.84"), "35.84%") == "consistent"
    assert verdict(text.format("38.84"), "38.84%") == "inconsistent"
    # names that do not abridge each other ("全球出口" is not "全球…销售") pair with nothing
    assert verdict(text.format("38.84").replace("全球销售", "全球出口"), "38.84%") == "unverifiable"
