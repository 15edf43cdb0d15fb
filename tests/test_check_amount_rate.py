"""A change written as an amount and as a rate beside its level (checks/amount_rate.py), and an
earlier level named by a date after 较 (checks/framed.py), from 665, 111 and 456 (tests/check_final)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def verdicts(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.verdict != "unverifiable"}


def test_the_rate_is_the_change_over_the_level_less_the_change():
    # 665: 4000 / (3.8 亿 + 4000 万) = 9.5%; 900 万 of 3.89 亿 is 2.3%, written 3.8% (a real error)
    got = verdicts("2025 年 7 月全国原煤产量 3.8 亿吨，环比减少 4000 万吨（-9.5%），同比减少 900 万吨（-3.8%）；")
    assert got == {"-9.5%": "consistent", "-3.8%": "inconsistent"}
    # the rate before its amount (111): 5100 / (3.9 亿 + 5100 万) = 11.6%
    got = verdicts("2025 年 4 月全国原煤产量 3.9 亿吨，同比 + 3.8%，但环比 - 11.6%（环比减少 5100 万吨）。")
    assert got == {"- 11.6%": "consistent"}


def test_a_round_amount_is_the_difference_of_rounded_levels():
    # 665: 900 万吨 beside 3.9 亿吨 may be 850-950 万: +2.5% stands
    got = verdicts("8 月产量 3.9 亿吨，同比减少 600 万吨（-3.2%），环比增加 900 万吨（+2.5%）。")
    assert got == {"+2.5%": "consistent", "-3.2%": "inconsistent"}


def test_an_earlier_level_named_by_a_date_and_a_unit_slip():
    # 456: "较 2025 年 7 月初的 6.13 万元 / 吨上涨 33.88%" (8.21 / 6.13 − 1 = 33.9%)
    text = "电池级碳酸锂价格 8.21 万元 / 吨，较 2025 年 7 月初的 6.13 万元 / 吨上涨 {}%。"
    assert verdicts(text.format("33.88")) == {"33.88%": "consistent"}
    assert verdicts(text.format("43.88")) == {"43.88%": "inconsistent"}
    # 456 writes one base in 元 / 吨 beside a level in 万元 / 吨: a unit slip, not a growth to judge
    slip = "价格 5.15 万元 / 吨，较 2025 年 7 月初的 4.90 元 / 吨上涨 5.10%。"
    assert "inconsistent" not in verdicts(slip).values()
