"""A level with its change written as an amount and as a rate (checks/level_moves.py); sentences
from 115 (coal weekly) and 534 (oil monthly) of tests/check_fresh, 553 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _rates(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("动力煤\n\n" + text) if "level before it" in c.relation}


def test_the_rate_is_the_change_over_the_level_before_it():
    got = _rates("山西大同 Q5500 坑口价 476 元 / 吨（周涨 32 元 / 吨，+7.2%），秦皇岛库存 673 万吨（周减 49 万吨，-6.8%），"
                 "锚地船舶数 13 艘（周增 6 艘，+85.7%）。")
    assert got == {"+7.2%": "consistent", "-6.8%": "consistent", "+85.7%": "consistent"}


def test_a_rate_over_the_new_level_is_an_error():
    # 534: 3.12 / 63.96 = 4.9%, but the fall is over last month's 67.08: 4.65%
    text = "WTI 原油平均期货结算价 63.96 美元 / 桶，环比下跌 3.12 美元 / 桶（-4.9%）。"
    assert _rates(text) == {"-4.9%": "inconsistent"}
    assert _rates(text.replace("-4.9%", "-4.7%")) == {"-4.7%": "consistent"}


def test_two_changes_of_one_level_per_day_and_counts():
    got = _rates("2025 年 6 月原油产量 375.7 万桶 / 天，同比 + 34.5 万桶 / 天（+10.1%），环比 + 7.8 万桶 / 天（+2.5%）。"
                 "2025 年 7 月美国活跃石油钻机平均 422 部，环比 - 16 部（-3.7%）。")
    assert got == {"+10.1%": "consistent", "+2.5%": "inconsistent", "-3.7%": "consistent"}


def test_a_percent_that_is_not_the_changes_rate():
    # 553: "25% 品位" labels the next grade
    assert _rates("30% 品位磷矿石均价 1020 元 / 吨，28% 品位均价 945 元 / 吨，较上周跌 2 元 / 吨，25% 品位均价 880 元 / 吨。") == {}
    # a share after the change is no rate of it
    assert _rates("出口 300 亿元，同比增加 30 亿元，占比 12%。") == {}
    # no move written between the level and the amount
    assert _rates("库存 673 万吨，港口 49 万吨（-6.8%）。") == {}


def test_the_rate_first_and_the_change_in_brackets():
    # 639: 单票价格 13.27 元，同比 - 15.32%（-2.40 元）: −2.40 / 15.67; 环比 −0.28 / 13.55 = −2.07%
    got = _rates("单票价格 13.27 元，同比 - 15.32%（-2.40 元），环比 - 2.07%（-0.28 元）。")
    assert got == {"- 15.32%": "consistent", "- 2.07%": "consistent"}
    assert _rates("单票价格 13.27 元，同比 - 13.32%（-2.40 元）。") == {"- 13.32%": "inconsistent"}


def test_a_move_with_no_basis_and_its_named_rate():
    # 495: 255 / (22275 + 255) = 1.13%; 504: 14 / 1747 = 0.80%
    assert _rates("沪锌截至本周五录得 22275 元 / 吨，跌 255 元 / 吨，跌幅 1.13%。") == {"1.13%": "consistent"}
    assert _rates("沪锌截至本周五录得 22275 元 / 吨，跌 255 元 / 吨，跌幅 1.31%。") == {"1.31%": "inconsistent"}
    assert _rates("尿素均价为 1761 元 / 吨，上涨 14 元 / 吨，涨幅 0.80%。") == {"0.80%": "consistent"}
    # with no basis and no 幅-word, a bare rate may be anything
    assert _rates("尿素均价为 1761 元 / 吨，上涨 14 元 / 吨，0.80%。") == {}


def test_a_move_from_a_base_named_in_brackets():
    # 326: 32 / 6221 = 0.51%
    text = "磷酸一铵市场均价为 6189 元 / 吨，较上周同期价格（6221 元 / 吨）下跌 32 元 / 吨，跌幅为 {}%。"
    assert _rates(text.format("0.51")) == {"0.51%": "consistent"}
    assert _rates(text.format("0.61")) == {"0.61%": "inconsistent"}


def test_a_move_and_its_rate_then_the_level_it_reached():
    # 321: 13,900 / (249,375 + 13,900) = 5.28%; 118: 7,248 / (187,900 − 7,248) = 4.01%
    got = _rates("LME 铅库存减少 13,900 吨（-5.28%）至 249,375 吨；LME 铜库存增加 7,248 吨（+4.01%）至 18.79 万吨。")
    assert got == {"-5.28%": "consistent", "+4.01%": "consistent"}
    # 284: 1,731 / (45,364 − 1,731) = 3.97% (43,633 is 243's level of the week before), written 3.73%
    assert _rates("SHFE 锌库存增加 1,731 吨（3.73%）至 45,364 吨。") == {"3.73%": "inconsistent"}
    # a rate with no amount says nothing of the level before ("上涨 0.76% 至 2,057.00 美元 / 吨")
    assert _rates("LME 铅上涨 0.76% 至 2,057.00 美元 / 吨。") == {}


def test_several_changes_of_one_level_with_a_neutral_verb():
    # 635: 周/月/季/年变动 and each 变动幅度; the quarter's −12.7 on a level of 12.5 is −50.4%, not −47%
    got = _rates("LME 铜库存 12.5 万吨，周变动 - 0.3 万吨，变动幅度 - 2%，月变动 1.7 万吨，变动幅度 16%，"
                 "季变动 - 12.7 万吨，变动幅度 - 47%，年变动 2.5 万吨，变动幅度 23%。")
    assert got == {"- 2%": "consistent", "16%": "consistent", "- 47%": "inconsistent", "23%": "inconsistent"}


def test_an_approximate_rate_in_brackets():
    # 345: 16 / 945 = 1.7%, "约 2.1%" (BCTI's 11 / 535 = 2.06% is its neighbour's rate)
    assert _rates("BDTI 报 929 点，较上周下降 16 点（约 2.1%）。") == {"2.1%": "inconsistent"}
    assert _rates("BCTI 报 546 点，较上周提升 11 点（约 2.1%）。") == {"2.1%": "consistent"}
