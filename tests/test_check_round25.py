"""Round 25 (from the forty-fifth blind set): parts joined by + in their total's bracket; a count
times its 单价; a rate's word after the counted thing's name; one year's growth named after a span's
list; the share of a target done; a gap after a condition's level."""

from __future__ import annotations

from tests.checked import found_relations


def test_parts_joined_by_plus_in_their_totals_bracket():
    # 271, 125, 134
    assert ("consistent", "69 个 + 1 个 = 70 个 (the bracket's sum)") in found_relations("公司拥有 70 个 IP（69 个授权 IP+1 个自有 IP）。")
    assert ("inconsistent", "67 个 + 1 个 = 70 个 (the bracket's sum)") in found_relations("公司拥有 70 个 IP（67 个授权 IP+1 个自有 IP）。")
    assert ("consistent", "5000 万 + 2 亿元 = 2.5 亿元 (the bracket's sum)") in found_relations(
        "交易金额：最高 2.5 亿元（5000 万预付款 + 2 亿元里程碑款）。")
    # a part in another unit is no part of it; an approximate total only confirms
    assert not [r for _, r in found_relations("营收 2.5 亿元（5000 万吨 + 2 亿元）。") if "the bracket's sum" in r]
    assert ("unverifiable", "3 万 + 15 万 + 5 万 = 30.5 万元 (the bracket's sum)") in found_relations(
        "单仓启动资金约 30.5 万元（加盟费 3 万 + 首单采购 15 万 + 设备 5 万等）。")


def test_a_count_times_its_unit_price():
    # 166
    text = "预计 2025 年交付 500 架，单价 120 万元，市场规模 {} 亿元。"
    assert ("consistent", "120 万元 × 500 架 = 6 亿元 (a quantity per unit times the count of units)") \
        in found_relations(text.format("6"))
    assert ("inconsistent", "120 万元 × 500 架 = 8 亿元 (a quantity per unit times the count of units)") \
        in found_relations(text.format("8"))


def test_a_rate_word_after_the_counted_things_name():
    # 760
    text = "共有227家企业的496个产品参与投标，最终202家企业的440个产品中选，中选率达{}%。"
    assert ("consistent", "440个 / 496个 = 89% (中选率)") in found_relations(text.format("89"))
    assert ("inconsistent", "440个 / 496个 = 79% (中选率)") in found_relations(text.format("79"))


def test_one_years_growth_named_after_a_spans_list():
    # 271
    text = "营收：2021-2024 年分别为 22.98、41.31、26.62、100.57 亿元，2024 年同比增长 {}%。"
    assert ("consistent", "(100.57 亿元/26.62 - 1) = 277.8% (2024 over 2023, the year named)") \
        in found_relations(text.format("277.8"))
    assert ("inconsistent", "(100.57 亿元/26.62 - 1) = 207.8% (2024 over 2023, the year named)") \
        in found_relations(text.format("207.8"))
    # a year outside the span is not read
    assert not [r for _, r in found_relations("营收：2021-2024 年分别为 22.98、41.31、26.62、100.57 亿元，2025 年同比增长 20%。")
                if "the year named" in r]


def test_the_share_of_a_target_done():
    # 99
    text = "**京津冀城市群**：目标 1.2 万辆，完成 7710 辆（{}%）。"
    assert ("consistent", "7710 辆 / 1.2 万辆 = 64.25% (of the target)") in found_relations(text.format("64.25"))
    assert ("inconsistent", "7710 辆 / 1.2 万辆 = 74.25% (of the target)") in found_relations(text.format("74.25"))


def test_a_gap_after_a_conditions_level():
    # 99: the carbon price is the condition, the two costs are compared
    text = "碳价 **650 元 / 吨** 时，绿色甲醇成本 **3500 元 / 吨**，煤制甲醇 + 碳税成本 **4500 元 / 吨**，价差 **{} 元 / 吨**。"
    assert ("consistent", "|3500 元 / 吨 - 4500 元 / 吨| = 1000 元 / 吨 (the gap named after the two levels)") \
        in found_relations(text.format("1000"))
    assert ("inconsistent", "|3500 元 / 吨 - 4500 元 / 吨| = 1200 元 / 吨 (the gap named after the two levels)") \
        in found_relations(text.format("1200"))
