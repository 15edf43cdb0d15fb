"""A net margin's change from the growths of its period's revenue and profit under the nearest
heading that names them (checks/margin_growths.py); the layout of 87 (tests/check_fresh)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_87 = ("# 大众品\n\n## 二、细分行业\n\n### （一）乳制品行业\n\n#### 1. 收入与利润\n\n"
       "- **2024 年**：收入 1792 亿元，同比 - 7.25%；归母净利润 96 亿元，同比 - 25.59%。\n\n"
       "- **2025Q1**：收入同比 + 0.37%，利润同比 - 16.23%。\n\n#### 2. 盈利能力\n\n"
       "- **净利率**：2024 年 5.36%，同比 - 1.32pct；2025Q1 11.03%，同比 {}pct。\n\n"
       "### （二）啤酒行业\n\n#### 1. 收入与利润\n\n- **2025Q1**：收入同比 + 3.73%，利润同比 + 10.89%。\n\n"
       "#### 2. 盈利能力\n\n- **净利率**：2025Q1 12.54%，同比 + 0.81pct。\n")


def _margins(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "of the period" in c.relation}


def test_a_margin_change_from_the_growths_of_its_own_subsector():
    # 11.03 × 1.0037 / 0.8377 = 13.22: −2.19pct; 12.54 × 1.0373 / 1.1089 = 11.73: +0.81pct
    got = _margins(_87.format("- 2.19"))
    assert got["- 2.19pct"] == "consistent" and got["+ 0.81pct"] == "consistent"
    # 2024's change is read from the levels and their growths (margins), before this family
    assert "- 1.32pct" not in got
    assert {c.verdict for c in check_text(_87.format("- 2.19")) if c.stated == "- 1.32pct"} == {"consistent"}


def test_a_mismatch_proves_nothing():
    # 利润 may be 归母 or total profit, and the margin itself may be the slip: confirm-only
    assert "- 1.19pct" not in _margins(_87.format("- 1.19"))


def test_growths_of_two_subsectors_under_one_heading_name_no_one_margin():
    flat = _87.replace("### （二）啤酒行业\n\n", "").replace("#### 1. 收入与利润\n\n- **2025Q1**：收入同比 + 3.73%", "- **2025Q1**：啤酒收入同比 + 3.73%")
    assert "+ 0.81pct" not in _margins(flat)
