"""Round 22 (from the forty-second blind set): a gap to a benchmark written in % against the
benchmark's return in another paragraph; a target price after an EPS list written with no unit or
with its revision in brackets; two parts joined by 与 and their 合计; a Hong Kong row's PE that no
HKD/CNY rate explains."""

from __future__ import annotations

from tests.checked import found_relations


def test_gap_in_percent_against_a_benchmark_return_in_another_paragraph():
    # 461, 389: the weekly return of 创业板指 is written in the market review, the gap in the sector's
    text = ("本周基础化工、新材料均上涨。本周沪深 300 涨跌幅为 1.23%，上证指数涨跌幅为 2.11%，创业板指涨跌幅为 0.49%。\n\n"
            "市场与板块表现：本周新材料板块上涨，新材料指数涨幅为 2.57%，跑赢创业板指 2.09%。")
    assert ("consistent", "2.57% - (0.49%) = 2.09% (创业板指)") in found_relations(text)
    lagging = "本周新材料指数涨幅为 1.37%，跑输创业板指 {}%。\n\n本周创业板指涨跌幅为 3.17%。"
    assert ("consistent", "1.37% - (3.17%) = 1.81% (创业板指)") in found_relations(lagging.format("1.81"))
    assert ("inconsistent", "1.37% - (3.17%) = 1.91% (创业板指)") in found_relations(lagging.format("1.91"))
    # a benchmark's return over another span is not the one the gap is over
    other = "本周新材料指数涨幅为 1.37%，跑输创业板指 1.81%。\n\n年初至今创业板指涨幅为 3.17%。"
    assert not [r for v, r in found_relations(other) if "创业板指" in r and v != "unverifiable"]


def test_target_price_after_an_eps_list_with_no_unit():
    # cfb224: the list's unit is only in the bracket of the previous forecasts
    text = ("我们上调公司2020-2022年EPS为1.98/2.23/2.63（原为1.80/1.85/2.27元），参考行业平均估值水平并给予一定"
            "溢价，给予公司2021年PE95X，对应目标价上调至211.9元，维持增持评级。")
    assert ("consistent", "95 × 2.23 = 211.9元 (the target at 2021's PE times its EPS)") in found_relations(text)
    # cfb514: each item with its revision in brackets, no unit at all
    text = ("小幅下调2022年EPS至1.15（-0.10）元，上调2023-2024年EPS至1.65（+0.05）、2.14（+0.07），给予2023年50XPE，"
            "上调目标价至{}元（前值59.82元）。")
    assert ("consistent", "50 × 1.65 = 83元 (the target at 2023's PE times its EPS)") in found_relations(text.format("83"))
    assert ("inconsistent", "50 × 1.65 = 93元 (the target at 2023's PE times its EPS)") in found_relations(text.format("93"))
    # a list followed by a rate is no EPS list
    assert not [r for _, r in found_relations("预计2023-2024年EPS同比增长15/20%，给予2023年50XPE，目标价至83元。") if "×" in r]


def test_target_price_with_its_revision_in_brackets():
    # cfr335: "下调目标价至 22.25（-6.81）元"
    text = ("我们下调 2021-2023 年EPS 至 0.76（-0.08）、0.89（-0.08）、1.03（-0.07）元，参考可比公司2022 年平均 25 倍 "
            "PE，下调目标价至 22.25（-6.81）元")
    assert ("consistent", "25 × 0.89 = 22.25元 (the target at 2022's PE times its EPS)") in found_relations(text)


def test_two_parts_joined_by_yu_and_their_total():
    # cfr089: "皮卡炮销售0.5万辆，与风骏的1.1万辆合计售出皮卡1.6万辆"
    text = "10月皮卡炮销售0.5万辆，与风骏的1.1万辆合计售出皮卡{}万辆。"
    assert ("consistent", "0.5万辆 + 1.1万辆 = 1.6万辆") in found_relations(text.format("1.6"))
    assert ("inconsistent", "0.5万辆 + 1.1万辆 = 1.9万辆") in found_relations(text.format("1.9"))


_HK_TABLE = """| **公司** | **证券代码** | **收盘价（元）** | **2024 年 EPS** | **2025E EPS** | **2026E EPS** | **PE（2025E）** |
| --- | --- | --- | --- | --- | --- | --- |
| 老铺黄金 | 6181.HK | 826.5 | 3.37 | 4.70 | 6.19 | {} |
| 潮宏基 | 002345.SZ | 11.67 | 0.32 | 0.54 | 0.82 | 22 |"""


def test_hong_kong_row_pe_off_by_more_than_any_currency_rate():
    # 56: 826.5 / 4.70 = 176, not 10; a PE within a factor of two may be the HKD/CNY rate
    found = found_relations(_HK_TABLE.format("10"))
    assert ("inconsistent", "826.5 / 4.70 = 10 (the table's share price; table: PE（2025E）)") in found
    assert ("consistent", "11.67 / 0.54 = 22 (the table's share price; table: PE（2025E）)") in found
    assert not [r for v, r in found_relations(_HK_TABLE.format("161")) if "826.5" in r and v == "inconsistent"]


def test_benchmark_return_written_after_its_close():
    # 56: "上证指数报收 3348.37 点，周下跌 0.57%" in the market review, the sector's gap in its own paragraph
    text = ("本周上证指数报收 3348.37 点，周下跌 0.57%。\n\n"
            "商贸零售指数报收 2110.59 点，周跌幅 1.61%，跑输上证指数 {} 个百分点。")
    assert ("consistent", "-1.61% - (-0.57%) = 1.04 个百分点 (上证指数)") in found_relations(text.format("1.04"))
    assert ("inconsistent", "-1.61% - (-0.57%) = 1.14 个百分点 (上证指数)") in found_relations(text.format("1.14"))


def test_pe_list_after_the_eps_list_sentence_closed_by_a_semicolon():
    # cfb154: "EPS分别为4.62、5.47、6.56元/股；对应PE分别为43.02、36.36、30.32倍": one price across the years
    text = "预计2020~2022年公司EPS分别为4.62、5.47、6.56元/股；对应PE分别为43.02、36.36、{}倍。"
    found = found_relations(text.format("30.32"))
    assert ("consistent", "43.02 × 4.62 / 6.56元/股 = 30.32倍 (one share price across the years; list item: 3)") in found
    assert ("inconsistent", "43.02 × 4.62 / 6.56元/股 = 34.32倍 (one share price across the years; list item: 3)") \
        in found_relations(text.format("34.32"))
    # an EPS list of its own in the PE's sentence is read there, not joined to the one before
    own = "预计2020-2022年EPS分别为4.62、5.47、6.56元；2023-2025年EPS分别为1.0、2.0、3.0元，对应PE分别为43.02、36.36、30.32倍。"
    assert not [r for _, r in found_relations(own) if "4.62" in r]


def test_eps_list_closed_by_yuan_per_share_over_one_share_count():
    # cfb174: "归母净利润分别为2.49、3.18、3.82亿元，对应EPS分别为1.27、1.62、1.94元/股"
    text = "预计公司2020-2022年归母净利润分别为2.49、3.18、3.82亿元，对应EPS分别为1.27、1.62、{}元/股。"
    relation = "3.82亿元 / (2.49 亿元 / 1.27 元) = {}元/股 (one share count across the years; list item: 3)"
    assert ("consistent", relation.format("1.94")) in found_relations(text.format("1.94"))
    assert ("inconsistent", relation.format("2.14")) in found_relations(text.format("2.14"))


def test_buyback_count_estimated_at_its_caps():
    # 161: "按上限 2.4 亿元测算，预计回购 643.78 万股" at the price cap in force (the last one written)
    text = ("2024 年权益分派后，回购价格上限从 38.26 元 / 股调整为 37.28 元 / 股，按上限 2.4 亿元测算，"
            "预计回购 {} 万股（占总股本 1.61%）。")
    relation = "2.4 亿元 / 37.28 元 / 股 = {} 万股 (the shares the amount cap buys at the price cap)"
    assert ("consistent", relation.format("643.78")) in found_relations(text.format("643.78"))
    assert ("inconsistent", relation.format("627.27")) in found_relations(text.format("627.27"))  # 2.4 亿 / 38.26
    # an amount paid at a capped price is no estimate: the cap prices nothing
    assert not [r for _, r in found_relations("回购价格上限为 37.28 元/股，已回购 500 万股，支付金额 1.5 亿元。") if "上限" in r]


def test_revised_eps_list_not_the_previous_forecast_in_its_bracket():
    # cfb109: the PEs are of the revised EPS, not of the bracket's previous forecast
    text = ("我们将公司2019-2021年每股收益调整至1.56/2.07/2.63元（原预测每股收益分别为1.53/1.92/2.35元），"
            "对应市盈率为45.5/{}/27.1倍，维持买入评级。")
    assert ("consistent", "45.5 × 1.56 / 2.07 = 34.3 (one share price across the years; list item: 2)") \
        in found_relations(text.format("34.3"))
    assert ("inconsistent", "45.5 × 1.56 / 2.07 = 38.3 (one share price across the years; list item: 2)") \
        in found_relations(text.format("38.3"))
    assert not [r for _, r in found_relations(text.format("34.3")) if "1.53" in r]
