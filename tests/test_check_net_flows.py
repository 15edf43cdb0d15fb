"""A net count of openings less closings (checks/worded.py `_net_amount`, which also reads net
issuance): sentences written like hotel and chain-store reports of CFBenchmark."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def nets(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "difference"}


def test_a_net_fall_is_closings_less_openings():
    # 152 opened, 203 closed: 净减少 51 (the 同比 change between them is no flow)
    assert nets("其中Q2新开酒店152家/同比-172家，关闭酒店203家，净减少51家。") == {"51家": "consistent"}
    assert nets("其中Q2新开酒店152家/同比-172家，关闭酒店203家，净减少61家。") == {"61家": "inconsistent"}


def test_items_of_a_list_take_the_flow_word_before_them():
    text = "一季度新开直营店42家、加盟店88家，关闭直营店26家、加盟店88家，净开{n}家。"
    assert nets(text.format(n="16")) == {"16家": "consistent"}
    assert nets(text.format(n="26")) == {"26家": "inconsistent"}


def test_a_count_without_a_flow_word_is_no_flow():
    # 1100 stores is a level, not an opening: nothing to net
    assert nets("2021年底公司拥有1100家门店，新开194家，净增121家。") == {}
