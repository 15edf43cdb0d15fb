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
