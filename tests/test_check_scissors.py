"""The 剪刀差 of two growths named in its lead (checks/scissors.py), from 36 (建筑行业 2024 年报综述)."""

from __future__ import annotations

from macrodesk.checks.scissors import find_scissors
from macrodesk.readers import article_from_bytes

BUILD = ("#### 2024 年整体数据\n\n- CS 建筑板块营收 8.7 万亿元，同比 - 4.10%，为 2015-2024 年首次年度营收下滑。\n\n"
         "- 归母净利润 1689 亿元，同比 - 14.40%，下滑幅度超 2021 年疫情影响（-2.38%）。\n\n"
         "- 营收与归母净利增速剪刀差 {g}pct，较 2023 年（-9.55pct）进一步扩大。\n")


def checks(text: str):
    return find_scissors(article_from_bytes(text.encode("utf-8"), "36.md", ".md"))


def test_the_gap_of_the_two_named_growths():
    (c,) = checks(BUILD.format(g="- 10.30"))  # -14.40% - (-4.10%) = -10.30pct
    assert c.verdict == "consistent" and c.inputs == ["- 4.10%", "- 14.40%"]
    assert c.relation == "- 14.40% - (- 4.10%) = - 10.30pct"
    # the other order is a convention some authors use: it fits too
    (other,) = checks(BUILD.format(g="10.30"))
    assert other.verdict == "consistent" and other.relation.startswith("- 4.10% - (- 14.40%)")


def test_a_mismatch_or_two_candidate_growths_prove_nothing():
    (wrong,) = checks(BUILD.format(g="- 12.30"))
    assert wrong.verdict == "unverifiable" and not wrong.refutable
    # two revenue growths in the section: which one is meant is not certain
    two = BUILD.replace("- 归母净利润", "- 剔除 TOP4 后营收 3.5 万亿元，同比 - 3.63%。\n\n- 归母净利润")
    assert checks(two.format(g="- 10.30")) == []
