"""Shares paired with a 分别-list of parts whose whole stands in an earlier paragraph
(checks/share_lists.py), from 139 and 456 (tests/check_final)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

TRADE = ("·2025 年 1-4 月累计数据：全国进出口总额 14.14 万亿元，同比增长 2.4%。其中进口总额 5.75 万亿元，"
         "同比下滑 4.2%；出口总额 8.39 万亿元，同比增长 7.5%。\n\n"
         "·分品类进口：机电产品、高新技术产品、农产品进口额分别为 2.23 万亿元、1.77 万亿元、0.43 万亿元，"
         "同比增速 5.7%、10.5%、-15.2%，占比 38.87%、30.84%、{}%。\n")


def listed(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "the list's shares fit" in c.relation}


def test_the_whole_two_other_shares_fit():
    assert listed(TRADE.format("7.51")) == {"38.87%": "consistent", "30.84%": "consistent", "7.51%": "consistent"}
    # 0.43 / 5.75 is no 9.51%, and the two others name 5.75 万亿元 as the whole
    assert listed(TRADE.format("9.51"))["9.51%"] == "inconsistent"


def test_no_whole_that_fewer_than_two_shares_fit():
    text = TRADE.replace("38.87%、30.84%", "48.87%、40.84%")
    assert set(listed(text.format("7.51")).values()) <= {"consistent", "unverifiable"}
