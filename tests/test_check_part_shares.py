"""A part's share written after its own growth, of the whole named earlier in its sentence or the
one before (checks/part_shares.py); sentences from 98 (tests/check_fresh) and 473, 559 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _shares(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("公司\n\n" + text) if "whole named before" in c.relation}


def test_the_whole_named_as_the_whole_with_the_parts_metric():
    assert _shares("整体营收 6.3 亿欧元，同比增长 17.5%，海缆业务营收 3.9 亿欧元，同比增长 20.9%，占比 61.9%。") == {"61.9%": "consistent"}
    assert _shares("整体营收 6.3 亿欧元，同比增长 17.5%，海缆业务营收 3.9 亿欧元，同比增长 20.9%，占比 66.9%。") == {"66.9%": "inconsistent"}
    # the whole in the sentence before, the share named as its share (98: 12 / 14 = 85.7%, 约 86%)
    got = _shares("整体营业收入 14 亿欧元，同比下降 9%，受风机出货量下降影响。风机业务营收 12 亿欧元，同比下降 12%，占总营收比重约 86%。")
    assert got == {"86%": "consistent"}


def test_no_whole_for_a_part_of_another_measure():
    # 473: a share of 总股本; 559: a fund's holdings; no metric names the part, no whole is proposed
    assert _shares("高管合计减持公司股份 2140625 股，占总股本比例 0.3724%。") == {}
    assert _shares("板块持仓合计 63.15 亿元。其中，久立特材持仓 24.16 亿元（占比 35.60%）、宝钢股份 13.41 亿元（占比 19.75%）。") == {}
    # two levels named as the whole: which is meant is unknown
    assert _shares("公司营收 6.3 亿元，整体营收 7.3 亿元，海缆业务营收 3.9 亿元，同比增长 20.9%，占比 61.9%。") == {}


def test_a_share_after_its_parts_change_is_of_the_part():
    # 640: "净增 1.4 亿户" is the part's change; the share is of its level, 11.54 / 18.19 = 63.4%
    got = [(c.verdict, c.inputs) for c in check_text("截至 8 月末，移动电话用户 18.19 亿户，净增 2953 万户；5G 移动电话用户 "
                                                     "11.54 亿户，净增 1.4 亿户，占比 63.4%。") if c.stated == "63.4%"]
    assert got == [("consistent", ["11.54 亿户", "18.19 亿户"])]
    # found by its fit only: a share that fits no pair proves nothing
    assert [c.verdict for c in check_text("截至 8 月末，移动电话用户 18.19 亿户，净增 2953 万户；5G 移动电话用户 11.54 亿户，"
                                          "净增 1.4 亿户，占比 73.4%。") if c.stated == "73.4%"] == ["unverifiable"]
