"""Round 18: relations company research writes that the checker paired with nothing, each from a
real wording: a profit list's PEs named 估值, with no key before them, or after 分别达到."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _caps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "one market cap" in c.relation}


def test_pes_named_valuation_after_a_profit_list_share_one_market_cap():
    # cfb131: 46 × 6.40 = 294 is the cap; 294 / 7.96 = 37.0 and 294 / 9.90 = 29.7
    text = ("预计20~22年公司归母净利润分别为6.40亿、7.96亿元和9.90亿元，同比增长17.55%、24.43%和24.38%，"
            "对应估值为46倍、37倍和{pe}倍。")
    assert _caps(text.format(pe="29")) == {"37倍": "consistent", "29倍": "consistent"}
    assert _caps(text.format(pe="39"))["39倍"] == "inconsistent"


def test_a_named_pb_valuation_is_no_pe():
    text = "预计2022~2024年归母净利润分别为30、42、54亿元，对应PB估值分别为2.2、1.9、1.6倍。"
    assert _caps(text) == {}


def test_a_profit_list_that_reaches_its_figures():
    # cfr486: "分别达到30、42、54亿元"
    text = "预计公司2022~2024年归母净利润分别达到30、42、54亿元，同比增长-28%、39%、30%，对应PE22、16、{pe}倍。"
    assert _caps(text.format(pe="12")) == {"16": "consistent", "12倍": "consistent"}
    assert _caps(text.format(pe="15"))["15倍"] == "inconsistent"


def test_a_profit_list_with_only_a_space_after_its_key():
    # report 300: 12.6 × 101.85 = 1283 is the cap; 1283 / 121.14 = 10.6, 1283 / 137.15 = 9.4
    text = "预测 2025-2027 年归母净利润 101.85、121.14、137.15 亿元，PE12.6、10.6、{pe} 倍。"
    assert _caps(text.format(pe="9.4")) == {"10.6": "consistent", "9.4 倍": "consistent"}
    assert _caps(text.format(pe="8.4"))["8.4 倍"] == "inconsistent"
