"""Ratios a sector defines, both sides written beside them (checks/defined_ratios.py); sentences
from 221 and 580 (tests/check_last) and 246 (tests/check_blind)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _ratios(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("有色\n\n" + text) if "as the sector defines it" in c.relation}


def test_reserves_over_output_and_capacity_in_use():
    # 221: 150 / 6 = 25 years, not 20; 1500 / 26 = 57.69
    got = _ratios("锑全球储量 150 万吨，2024 年产量 6 万吨，储采比仅 20 年。钼全球储量 1500 万吨，2024 年产量 26 万吨，储采比 57.69 年。")
    assert got == {"20 年": "inconsistent", "57.69 年": "consistent"}
    # 580: 在产产能 8.9 over 总产能 13.2 (约 67.6%)
    assert _ratios("在产产能约 8.9 万吨 / 天，总产能约 13.2 万吨，产能利用率约 67.6%。") == {"67.6%": "consistent"}


def test_import_dependence_has_variants_and_only_confirms():
    text = "进口量 1.7 亿吨，同比增 1.1%；表观消费量 2.6 亿吨，同比降 1.5%。对外依存度 {}，较去年同期升 1.2 个百分点。"
    assert _ratios(text.format("65.4%")) == {"65.4%": "consistent"}
    assert _ratios(text.format("73.5%")) == {}  # net imports, or another consumption, may be meant


def test_no_ratio_when_a_side_is_not_unique():
    text = "锑全球储量 150 万吨，中国储量 72 万吨，2024 年产量 6 万吨，储采比仅 20 年。"
    assert _ratios(text) == {}


def test_a_parcels_price_is_revenue_over_volume():
    # 513 / 639: 186.57 亿元 / 14.06 亿票 = 13.27 元; 圆通 53.71 / 25.38 = 2.116, written 2.08 (a real error)
    text = ("顺丰控股 8 月快递业务量 14.06 亿票，同比上升 34.80%；业务收入 186.57 亿元，同比上升 14.14%；单票价格 13.27 元。"
            "圆通速递 7 月快递业务量 25.38 亿票；业务收入 53.71 亿元；单票价格 2.08 元。")
    got = {c.stated: c.verdict for c in check_text("快递\n\n" + text) if "单票收入" in c.relation}
    assert got == {"13.27 元": "consistent", "2.08 元": "inconsistent"}


def test_a_parcels_price_grows_as_revenue_over_volume_and_only_confirms():
    # 513: (1 + 14.97%) / (1 + 33.69%) − 1 = −14.0%, written 同比下降 14.02%
    text = "2025 年 7 月速运物流业务收入为 186.57 亿元，同比增长 14.97%；业务量 13.77 亿票，同比增长 33.69%；单票收入 13.55 元，同比下降 {}%。"
    got = {c.stated: (c.verdict, c.refutable) for c in check_text("快递\n\n" + text.format("14.02")) if "grows as its sides" in c.relation}
    assert got == {"14.02%": ("consistent", False)}
    # unit prices are rounded to the cent before their growth is taken: a miss proves nothing
    assert not [c for c in check_text("快递\n\n" + text.format("19.02")) if "grows as its sides" in c.relation]


def test_a_parcels_price_with_its_sides_in_another_item_of_its_label():
    # 560: "- **圆通速递**：7 月快递业务量 25.38 亿票…业务收入 53.71 亿元" and "- **圆通速递**：7 月单票价格 2.08 元"
    text = ("- **圆通速递**：7 月快递业务量 25.38 亿票，同比上升 20.81%；业务收入 53.71 亿元，同比上升 12.08%。\n\n"
            "- **申通快递**：7 月快递业务量 21.81 亿票；业务收入 42.87 亿元。\n\n"
            "- **圆通速递**：7 月单票价格 {} 元，同比 - 7.14%。\n\n- **申通快递**：7 月单票价格 1.97 元。\n")
    got = {c.stated: c.verdict for c in check_text("快递\n\n" + text.format("2.12")) if "单票收入" in c.relation}
    assert got == {"2.12 元": "consistent", "1.97 元": "consistent"}
    assert {c.stated: c.verdict for c in check_text("快递\n\n" + text.format("2.08"))
            if "单票收入" in c.relation}["2.08 元"] == "inconsistent"


def test_a_unit_price_with_its_sides_where_the_company_is_named():
    # 535: the volumes and revenues in one list item, the prices in the next, by company name
    text = ("- **业务量及营收**：2025 年 7 月，快递业务量 164.0 亿件。其中，顺丰控股 7 月快递业务量 13.77 亿票，同比 + 33.69%，"
            "业务收入 186.57 亿元，同比 + 14.97%；圆通速递 7 月业务量 25.38 亿票，同比 + 20.81%，业务收入 53.71 亿元，"
            "同比 + 12.08%。\n\n- **快递价格**：2025 年 7 月，顺丰控股单票价格 13.55 元，同比 - 14.02%；圆通速递单票价格 "
            "{} 元，同比 - 7.14%。\n")
    got = {c.stated: c.verdict for c in check_text(text.format("2.12")) if "单票收入" in c.relation}
    assert got == {"13.55 元": "consistent", "2.12 元": "consistent"}
    # 53.71 / 25.38 = 2.116, written 2.08 (a real error of 513 and 535)
    got = {c.stated: c.verdict for c in check_text(text.format("2.08")) if "单票收入" in c.relation}
    assert got["2.08 元"] == "inconsistent"
    # another month's sides are not this month's
    assert not [c for c in check_text(text.format("2.08").replace("2025 年 7 月，顺丰控股单票", "2025 年 8 月，顺丰控股单票"))
                if c.stated == "13.55 元" and "单票收入" in c.relation]
