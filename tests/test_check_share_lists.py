"""Shares whose part and whole the structure makes certain, so that a mismatch refutes: a list of
shares over ；, a share after its level's growth in a bracket, a ；-chain opening "X中，" that names
its whole, and a part written in the share's own bracket (191, 594, 139 of the corpus)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# 594: the whole in the first sentence of the list item, one share per ；-clause
PHONES = ("2. **中国大陆市场**：2025Q2 出货量 67.8 百万台，同比降 4%，国补政策效应减弱。华为出货 12.2 百万台"
          "（占比 18%，同比增 15%），重夺第一；vivo 出货 11.8 百万台（占比 17%，同比降 10%）；OPPO（含一加）"
          "出货 10.7 百万台（占比 16%，同比降 5%）；小米出货 10.4 百万台（占比 15%，同比增 3%）；苹果出货 "
          "10.1 百万台（占比 15%，同比增 4%）。")
# 594: the share after the level's growth in its bracket
GLOBAL = ("1. **全球市场**：2025Q2 全球智能手机出货量 2.889 亿部，同比持平。三星出货 5750 万部（同比增 7%，"
          "占比 20%），受益 Galaxy A 系列；苹果出货 4480 万部（同比降 2%，占比 16%），应对中国竞争；小米出货 "
          "4240 万部（同比持平，占比 15%），拉丁美洲和非洲表现强劲；vivo 出货 2640 万部（同比增 2%，占比 9%）。")
# 191: the whole named by "工业需求中，", the parts in the shares' brackets
SILVER = ("- 全球白银需求量 36207 吨，工业需求占比 59%（21165 吨），饰品需求 18%（6491 吨），银币银条投资需求 "
          "16%（5939 吨），其他需求 7%（2612 吨）。\n\n- 工业需求中，电子电气领域占比 67.67%（14323 吨），其中"
          "光伏用银 6147 吨（占工业需求 29%），电接触材料（汽车、3C 电子）占 43%；钎焊合金和焊料占 {solder}%"
          "（6105 吨）；其他工业需求占 7.58%（1597 吨）。")


def shares(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if c.kind == "share"}


def test_shares_of_one_chain_of_clauses_share_their_whole():
    got = shares(PHONES)
    assert got["18%"] == ("consistent", True) and got["16%"] == ("consistent", True)
    # 11.8 written 14.8: 14.8 / 67.8 = 21.8%, not 17%, while the other shares fit 67.8
    assert shares(PHONES.replace("11.8 百万台", "14.8 百万台"))["17%"][0] == "inconsistent"


def test_a_share_after_its_levels_growth_in_the_bracket():
    got = shares(GLOBAL)
    assert got["20%"] == ("consistent", True) and got["15%"] == ("consistent", True)
    assert shares(GLOBAL.replace("4480 万部", "5480 万部"))["16%"][0] == "inconsistent"


def test_a_list_of_shares_after_signed_growths_once_the_first_names_it():
    # 139: "河北 4.49 亿吨（同比 - 1.5%，占比 12.12%），山东 7.13 亿吨（+5.2%，19.25%）…" of 37.02 亿吨
    text = ("- **全国沿海港口**：2025 年 1-4 月货物吞吐量 37.02 亿吨，同比增长 1.9%。\n\n"
            "- 河北 4.49 亿吨（同比 - 1.5%，占比 12.12%），山东 7.13 亿吨（+5.2%，19.25%），江苏 1.96 亿吨"
            "（+8.2%，5.28%），上海 2.54 亿吨（-1.0%，6.87%）。")
    got = shares(text)
    assert got["19.25%"] == ("consistent", True) and got["6.87%"] == ("consistent", True)
    assert "+5.2%" not in got  # a signed growth in the bracket is no share
    assert shares(text.replace("1.96 亿吨", "2.96 亿吨"))["5.28%"][0] == "inconsistent"


def test_a_chain_opening_with_x_zhong_names_the_whole_of_its_bracketed_shares():
    # 191 as written: 6105 / 21165 = 28.84% (29.04% is 光伏's 6147 / 21165), 1597 / 21165 = 7.55%
    got = shares(SILVER.format(solder="29.04"))
    assert got["29.04%"] == ("inconsistent", True) and got["7.58%"] == ("inconsistent", True)
    assert got["67.67%"] == ("consistent", True)
    assert shares(SILVER.format(solder="28.84"))["28.84%"] == ("consistent", True)


def test_a_bracketed_part_is_not_replaced_by_a_level_that_fits():
    # without a named whole the share with its part in the bracket is not paired by fit
    text = ("全球白银需求量 36207 吨，工业需求 21165 吨。光伏用银 6147 吨，钎焊合金和焊料占 29.04%（6105 吨）。")
    assert shares(text).get("29.04%", ("unverifiable", True))[0] == "unverifiable"


def test_one_sentence_list_items_that_follow_each_other_are_one_list():
    # 113: the whole in an earlier item, one share per item
    text = ("- 2025 年 1-4 月：累计出口金额 180 亿元，同比增长 10%。\n\n"
            "- 欧洲：1-4 月出口金额 69 亿元，占比 38%，同比增长 5%。\n\n"
            "- 亚洲：出口金额 64 亿元，占比 36%，同比增长 22%。\n\n"
            "- 拉丁美洲：出口金额 19 亿元，占比 11%，同比下降 17%。\n\n"
            "- 非洲：出口金额 15 亿元，占比 8%，同比增长 59%。")
    got = shares(text)
    assert got["38%"] == ("consistent", True) and got["8%"] == ("consistent", True)
    assert shares(text.replace("19 亿元", "29 亿元"))["11%"][0] == "inconsistent"
