"""Round 23 (from the forty-third blind set): a CAGR that names its own count of years (三年复合,
CAGR-10); a table's CAGR column down year rows; a table's comparison column naming the column that
leads; an explicit expression with a magnitude on an operand; a change to a level and the growth it
is; PEs against a profit list in the sentence before; target prices at "PE=" and "2022EPE"; 其中
shares written before their part."""

from __future__ import annotations

from tests.checked import found_relations


def test_a_cagr_with_its_own_count_of_years_between_quarters():
    # 66: 2022Q3 to 2025Q1 is dated in quarters; the CAGR names its three years
    text = "四大巨头资本开支合计从 2022Q3 的 392 亿美元增长至 2025Q1 的 684 亿美元，三年复合增长率达 {}%。"
    assert ("consistent", "(684 亿美元/392 亿美元)^(1/3) - 1 = 20.5%") in found_relations(text.format("20.5"))
    assert ("inconsistent", "(684 亿美元/392 亿美元)^(1/3) - 1 = 24.5%") in found_relations(text.format("24.5"))
    # a count the levels' own years contradict is of other levels: nothing is judged
    other = "营收从 2019 年的 392 亿元增长至 2024 年的 684 亿元，近三年复合增长率达 20.5%。"
    assert not [v for v, r in found_relations(other) if ("1/3" in r or "1/5" in r) and v != "unverifiable"]


def test_a_cagr_counted_in_years_over_a_dated_series():
    # 105: a real error, the production CAGR is the market's 30% copied
    text = "- **人形机器人产量**：2025 年 2.61 万台，2030 年 104 万台，2035 年 400.5 万台（CAGR-10={}%），单台用量提升。"
    assert ("inconsistent", "(400.5 万台/2.61 万台)^(1/10) - 1 = 30%") in found_relations(text.format("30"))
    assert ("consistent", "(400.5 万台/2.61 万台)^(1/10) - 1 = 65.5%") in found_relations(text.format("65.5"))
    # with no count, the window is not known: a misfit proves nothing
    assert not [v for v, _ in found_relations("产量 2025 年 2.61 万台，2030 年 104 万台，2035 年 400.5 万台（CAGR 30%）。")
                if v == "inconsistent"]


_DOWN_ROWS = """市场规模预测如下：

| **年份** | **人形机器人市场（亿元）** | **其他行业（亿元）** | **总计（亿元）** | **CAGR** |
| --- | --- | --- | --- | --- |
| 2025E | 10.44 | 8.75 | 19.19 | - |
| 2030E | 124.80 | 19.62 | 144.42 | {}%（5 年） |
| 2035E | 240.30 | 37.50 | 277.80 | 30.6%（10 年） |
"""


def test_a_table_cagr_column_down_year_rows():
    found = found_relations(_DOWN_ROWS.format("49.73"))
    assert ("consistent", "(144.42/19.19)^(1/5) - 1 = 49.73% (table: 总计（亿元）, 2025E to 2030E)") in found
    assert ("consistent", "(277.80/19.19)^(1/10) - 1 = 30.6% (table: 总计（亿元）, 2025E to 2035E)") in found
    assert ("inconsistent", "(144.42/19.19)^(1/5) - 1 = 39.73% (table: 总计（亿元）, 2025E to 2030E)") \
        in found_relations(_DOWN_ROWS.format("39.73"))


_VERSUS = """两套系统参数对比：

| **参数** | **英伟达 NVL72（单机柜）** | **华为 CloudMatrix 384（12 节点集群）** | **对比** |
| --- | --- | --- | --- |
| BF16 算力（PFLOPS） | 180 | 300 | 华为 + {}% |
| 节点数 | 72 颗 GPU | 384 颗昇腾 910C | 华为 + 433% |
| 功耗（W） | 145,000 | 599,821 | 英伟达 - 75.8% |
"""


def test_a_comparison_column_naming_the_leading_column():
    found = found_relations(_VERSUS.format("66.7"))
    assert ("consistent", "180→300: 300/180 - 1 = 华为 + 66.7% (table: BF16 算力（PFLOPS）, 华为 CloudMatrix 384"
                          "（12 节点集群） against 英伟达 NVL72（单机柜）)") in found
    assert any(v == "consistent" and r.startswith("72→384") for v, r in found)
    # the column named is the one that leads: 英伟达's is 75.8% below 华为's
    assert any(v == "consistent" and r.startswith("599821→145000") for v, r in found)
    assert any(v == "inconsistent" and r.startswith("180→300") for v, r in found_relations(_VERSUS.format("76.7")))


def test_an_expression_with_a_magnitude_on_an_operand():
    # 50: "333×2×5 亿 ×40%/5" in 亿 as the stated 266 亿元; the whole numbers that multiply are counts
    text = "预计每年带来设备增量 {} 亿元（333×2×5 亿 ×40%/5）。"
    assert ("consistent", "333×2×5 亿 ×40%/5 = 266 亿元") in found_relations(text.format("266"))
    assert ("inconsistent", "333×2×5 亿 ×40%/5 = 366 亿元") in found_relations(text.format("366"))
    # a list of figures divided by slashes is still no division
    assert not [r for _, r in found_relations("营收分别为 1.2/3.4/5.6 亿元（1.1/3.3/5.5 亿元）。") if "/" in r and "=" in r
                and r.startswith("1.1/")]


def test_a_change_to_a_level_and_the_growth_it_is():
    text = "营收较上年增加 100 亿元至 752 亿元，同比增长 {}%。"
    assert ("consistent", "100 亿元 / (752 亿元 - 100 亿元) = 15%") in found_relations(text.format("15"))
    assert ("inconsistent", "100 亿元 / (752 亿元 - 100 亿元) = 25%") in found_relations(text.format("25"))
    assert ("consistent", "100 亿元 / (752 亿元 + 100 亿元) = 11.7%") in found_relations(
        "营收减少 100 亿元至 752 亿元，同比下降 11.7%。")
    # cfb003: the change over the base written before it
    assert ("consistent", "100家 / 652家 = +15%") in found_relations("门店数量较2017年末的652家净增100家左右（+15%）。")
    # a gap before the change is no base (115)
    gap = "煤价方面，北方港下水煤较澳洲进口煤成本低 45 元 / 吨（周涨 14 元 / 吨，+23.5%）。"
    assert not [r for _, r in found_relations(gap) if r.startswith("14 元 / 吨 / 45")]


def test_pe_list_against_the_profit_list_in_the_sentence_before():
    # cfb177
    text = ("预计2020-2022年，公司实现营业收入分别为34.1亿元、38.0亿元、46.5亿元，归属于母公司净利润分别为7.63亿元、"
            "9.27亿元、12.29亿元。对应市盈率分别为52倍、{}倍、32倍。")
    assert ("consistent", "52倍 × 7.63亿元 / 9.27亿元 = 43倍 (one market cap across the years; list item: 2)") \
        in found_relations(text.format("43"))
    assert ("inconsistent", "52倍 × 7.63亿元 / 9.27亿元 = 48倍 (one market cap across the years; list item: 2)") \
        in found_relations(text.format("48"))
    # cfb190: the revising verb before the key ("上调…EPS至")
    eps = "上调公司2020-2022年的EPS至0.389、0.467和0.522元，对应PE分别为87、73和{}倍。"
    assert ("consistent", "87 × 0.389 / 0.522元 = 65倍 (one share price across the years; list item: 3)") \
        in found_relations(eps.format("65"))


def test_target_price_at_pe_equals_and_at_a_glued_year():
    # cfb432
    text = "我们维持公司2022~24年EPS预测为1.62/2.03/2.52元，基于2022年PE=42倍，给予目标价{}元，维持“买入”评级。"
    assert ("consistent", "42 × 1.62 = 68元 (the target at 2022's PE times its EPS)") in found_relations(text.format("68"))
    assert ("inconsistent", "42 × 1.62 = 78元 (the target at 2022's PE times its EPS)") in found_relations(text.format("78"))
    # cfr385: "2022EPE" is 2022E's PE, and the fair multiple (合理) is the one given; the peers' is not
    text = ("预计2022/2023/2024年EPS为0.45/0.52/0.61。可比公司2022EPE均值为10.8倍（Wind一致预期），我们认为公司合理"
            "2022EPE为14倍，目标价6.30元（前值4.76元），维持“增持”评级。")
    assert ("consistent", "14 × 0.45 = 6.30元 (the target at 2022's PE times its EPS)") in found_relations(text)


def test_qizhong_shares_written_before_their_part():
    # cfb457
    text = "欧盟是最主要的进口国，2021年达267万吨，其中{}%（82.8万吨）来自中国。"
    assert ("consistent", "82.8万吨 / 267万吨 = 31%") in found_relations(text.format("31"))
    assert ("inconsistent", "82.8万吨 / 267万吨 = 35%") in found_relations(text.format("35"))
    # cfb356: the part alone in the next clause, a round 约 hundred read at its tens
    text = "计划到2025年长安品牌销量将达到300万辆，其中新能源占比达到{}%，约100万辆。"
    assert ("consistent", "100万辆 / 300万辆 = 35%") in found_relations(text.format("35"))
    assert ("inconsistent", "100万辆 / 300万辆 = 45%") in found_relations(text.format("45"))
    # a figure that opens the next clause's subject is no part (936)
    text = "43种主要矿产资源中，24种消费量占比超过全球的40%，18种大宗和关键金属矿产对外依存度居高不下（40-99%）。"
    assert not [r for _, r in found_relations(text) if "18种" in r]
