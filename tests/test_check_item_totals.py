"""A total's list item after the items of its parts (checks/item_totals.py), from 533
(tests/check_eighth): exchange stocks, then the global total and its changes."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_533 = ("3. **库存**：国内去库。\n\n- 海外：LME 铜库存 15.89 万吨，环比上升 0.29 万吨，较去年同期减少 16.20 万吨；COMEX 库存 "
        "27.78 万吨，环比上升 0.64 万吨，较去年同期增加 23.77 万吨。\n\n- 国内：国内现货库存 20.22 万吨，环比减少 0.88 万吨，"
        "同比减少 15.08 万吨。\n\n- 全球：全球库存总计 {} 万吨，环比上升 {} 万吨，同比减少 7.51 万吨。\n")


def _totals(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "items before it" in c.relation or "parts' changes" in c.relation}


def test_the_items_before_a_total_are_its_parts_and_their_changes_add_up():
    # 15.89 + 27.78 + 20.22 = 63.89; 0.29 + 0.64 − 0.88 = 0.05; −16.20 + 23.77 − 15.08 = −7.51
    assert _totals(_533.format("63.89", "0.05")) == {"63.89 万吨": "consistent", "0.05 万吨": "consistent",
                                                     "7.51 万吨": "consistent"}
    # a change that is not the parts' is an error
    assert _totals(_533.format("63.89", "0.15"))["0.15 万吨"] == "inconsistent"


def test_items_that_do_not_add_up_are_no_parts():
    # 66.89 is no sum of the items before it: nothing is claimed, not even the changes
    assert _totals(_533.format("66.89", "0.15")) == {}


def test_parts_before_the_total_in_its_own_item_and_a_global_total():
    # 374: one item, parts split by ；, the total named 全球库存 without 总计
    text = ("- **库存**：国内铝锭库存 54.1 万吨，环比增 2.6 万吨；铝棒库存 27.81 万吨，环比减 0.33 万吨；LME 铝库存 43.07 万吨，"
            "环比增 3.04 万吨；全球库存 124.98 万吨，环比增 {} 万吨；铝板带箔企业原料库存 24.2 万吨，环比减 0.28 万吨。\n")
    assert _totals(text.format("5.31")) == {"124.98 万吨": "consistent", "5.31 万吨": "consistent"}
    # 475: the stocks add up, their week's changes do not (−0.1 + 0.31 − 0.13 = 0.08, written 0.17)
    text = ("- 库存：LME 铜库存 15.58 万吨，环比下降 0.1 万吨；COMEX 库存 26.72 万吨，环比上升 0.31 万吨。国内现货库存 20.97 万吨，"
            "环比减少 0.13 万吨。全球库存总计 63.27 万吨，环比上升 0.17 万吨。\n")
    assert _totals(text)["0.17 万吨"] == "inconsistent"
