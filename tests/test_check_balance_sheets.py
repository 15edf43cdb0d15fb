"""A supply and demand balance sheet in one sentence (checks/balance_sheets.py); 551 (tests/check_last)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _closing(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("大米\n\n" + text) if "opening stock" in c.relation}


def test_closing_stock_is_opening_plus_output_and_imports_less_use_and_exports():
    # 551: 103.00 + 145.28 + 2.10 − 144.62 − 1.00 = 104.76, not 103.50
    text = "供需平衡（单位：百万吨）：2024 年期初库存 103.00，产量 145.28，进口量 2.10，国内消费量 144.62，出口量 1.00，期末库存量 {}。"
    assert _closing(text.format("103.50")) == {"103.50": "inconsistent"}
    assert _closing(text.format("104.76")) == {"104.76": "consistent"}
    # a part of domestic use (饲料消费) is no item of the sheet
    fed = "2024 年期初库存 211.29，产量 294.92，进口 10.00，饲料消费 231.00，国内消费量 313.00，出口 0.02，期末库存 203.18。"
    assert _closing(fed) == {"203.18": "consistent"}


def test_no_sheet_without_its_items_or_with_an_item_twice():
    assert _closing("2024 年期初库存 103.00，产量 145.28，期末库存量 103.50。") == {}
    assert _closing("期初库存 103.00，产量 145.28，产量 2.10，国内消费量 144.62，期末库存量 103.50。") == {}
