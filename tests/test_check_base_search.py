"""A 同比 growth whose base is the same measure written elsewhere (checks/base_search.py): a tight
fit confirms, nothing refutes; sentences from 191 (blind set) and 185."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

SILVER = ("## 一、供需\n\n全球白银需求量 36207 吨，工业需求占比 59%（21165 吨）。\n\n## 二、展望\n\n"
          "世界白银协会预计需求量 35716 吨，同比下滑 {}%。\n")


def about(text: str, stated: str) -> list:
    return [c for c in check_text(text) if c.stated == stated]


def test_a_base_found_by_its_name_and_a_tight_fit_confirms():
    (c,) = about(SILVER.format("1.36"), "1.36%")  # 35716 / 36207 − 1 = −1.356%
    assert c.verdict == "consistent" and not c.refutable and "36207 吨" in c.inputs


def test_no_fit_proves_nothing_and_a_loose_growth_is_not_sought():
    assert {c.verdict for c in about(SILVER.format("2.36"), "2.36%")} == {"unverifiable"}
    # a whole-percent growth fits many pairs by chance: not sought
    assert {c.verdict for c in about(SILVER.format("1"), "1%")} == {"unverifiable"}


def test_a_base_of_another_part_of_the_year_is_no_base():
    # 185: a 2025 Q1 output over a 2024 year's output fits 12.8% by chance
    text = ("国投电力：2024 年水电发电量 1040.85 亿千瓦时，同比增长 10.49%。\n\n"
            "中国广核：2025 年一季度发电量 1173.8 亿千瓦时，同比增 12.8%。\n")
    assert {c.verdict for c in about(text, "12.8%")} == {"unverifiable"}
