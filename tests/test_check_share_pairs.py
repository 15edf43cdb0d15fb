"""A share stated at both ends of a span whose part and whole are 从A增长至B pairs
(checks/share_pairs.py); sentences from 555 (semiconductor equipment)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_555 = ("半导体设备\n\n2019 - 2023 年间，全球半导体量检测设备市场规模从 61.90 亿美元增长至 129.39 亿美元，CAGR 为 "
        "20.24%；中国量检测设备市场规模从 16.9 亿美元增长至 40.2 亿美元，CAGR 为 24.19%，占全球比重从 27.3% "
        "增长至 31.3%。")


def _share(text: str, stated: str) -> str:
    (c,) = [c for c in check_text(text) if c.stated == stated and c.kind == "share"]
    return c.verdict


def test_both_ends_of_a_share_from_the_pairs_of_part_and_whole():
    assert _share(_555, "27.3%") == "consistent"  # 16.9 / 61.90
    # 40.2 / 129.39 = 31.07%: the text's 31.3% is a real error (555-4 of the held-out truth)
    assert _share(_555, "31.3%") == "inconsistent"
    assert _share(_555.replace("31.3%", "31.1%"), "31.1%") == "consistent"


def test_a_whole_not_named_in_the_paragraph_gives_no_check():
    text = _555.replace("全球半导体量检测设备", "美国半导体量检测设备")
    assert not [c for c in check_text(text) if c.stated == "31.3%" and c.kind == "share"]
