"""A company's market share against its volume and the market's, written apart
(checks/entity_shares.py); 513 / 639's express-delivery data (tests/check_seventh)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_TEXT = ("# 快递\n\n1. **业务量及营收**：2025 年 7 月，快递业务量 164.0 亿件，同比增加 15.04%。圆通速递 7 月快递业务量 25.38 亿票，"
         "同比上升 20.81%。申通快递 7 月快递业务量 21.81 亿票，同比上升 11.90%。\n\n2. **市场格局**：圆通速递市占率 {}%，"
         "同比 + 0.75pct；申通快递市占率 13.30%，同比 - 0.37pct。\n")


def _shares(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "over the market's" in c.relation}


def test_a_companys_volume_over_the_markets():
    # 21.81 / 164.0 = 13.30%; 25.38 / 164.0 = 15.48%, written 15.75% (a real error of 513)
    assert _shares(_TEXT.format("15.48")) == {"15.48%": "consistent", "13.30%": "consistent"}
    assert _shares(_TEXT.format("15.75"))["15.75%"] == "inconsistent"


def test_no_share_when_the_market_is_not_one_level():
    # a cumulative span is not the month's market ("1-7 月累计快递业务量 1120.5 亿件")
    span = _TEXT.replace("同比增加 15.04%。", "同比增加 15.04%；1-7 月累计快递业务量 1120.5 亿件。")
    assert _shares(span.format("15.48")) == {"15.48%": "consistent", "13.30%": "consistent"}
    # two levels of the measure in the same month: which is the market is unknown
    two = _TEXT.replace("同比增加 15.04%。", "同比增加 15.04%；7 月异地快递业务量 140.2 亿件。")
    assert _shares(two.format("15.48")) == {}


def test_the_list_items_label_names_the_company():
    # 560: "- **圆通速递**：7 月市占率 15.75%" under the market's "快递业务量 164.0 亿件"
    text = ("# 快递\n\n1. **业务量及营收**：2025 年 7 月，快递业务量 164.0 亿件，同比增加 15.04%。\n\n"
            "- **圆通速递**：7 月快递业务量 25.38 亿票，同比上升 20.81%。\n\n- **圆通速递**：7 月市占率 {}%，同比 + 0.75pct。\n")
    assert _shares(text.format("15.48")) == {"15.48%": "consistent"}
    assert _shares(text.format("15.75")) == {"15.75%": "inconsistent"}


def _changes(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "'s share, 同比" in c.relation}


def test_a_shares_change_from_both_levels_growths():
    # 申通: 13.30% · (1 − 1.1504/1.1190) = −0.37pct; 圆通 from its volumes: 15.48% · (1 − 1.1504/1.2081)
    # = +0.739pct, so +0.75pct is off when the share is written 15.48%
    assert _changes(_TEXT.format("15.48")) == {"- 0.37pct": "consistent", "+ 0.75pct": "inconsistent"}
    assert _changes(_TEXT.format("15.48").replace("+ 0.75pct", "+ 0.74pct"))["+ 0.74pct"] == "consistent"
    # 513 writes 15.75% (refuted by the volumes) and +0.75pct, which is that share's change: one error
    assert _changes(_TEXT.format("15.75"))["+ 0.75pct"] == "consistent"
    # a sign flipped is caught
    assert _changes(_TEXT.format("15.48").replace("- 0.37pct", "+ 0.37pct"))["+ 0.37pct"] == "inconsistent"
    # no market growth on the basis: nothing to derive
    assert _changes(_TEXT.format("15.48").replace("，同比增加 15.04%", "")) == {}
