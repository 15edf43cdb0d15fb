"""Round 24 (from the forty-fourth blind set): a growth in prose against its metric's row in a table
of years; a move that goes the other way from its verb; a total named 总/整体 after a 分别-list; a
rate's two levels named by one measure and their change; a level, its growth and the amount it grew
by; 占…的 shares naming their whole; under- and overweights against a benchmark; totals opening the
sentence after their parts'."""

from __future__ import annotations

from tests.checked import found_relations

_MILK = """原料奶产量：2024 年**4079 万吨**（{}%），产能调整加速。

### 历史数据对比表（2021-2025E）

| **指标** | **2021** | **2022** | **2023** | **2024** | **2025E** |
| --- | --- | --- | --- | --- | --- |
| 原料奶产量（万吨） | 3778 | 3930 | 4120 | 4079 | 3950 |
| 乳制品进口量（万吨） | 303 | 265 | 225 | 212 | 200 |
"""


def test_a_growth_in_prose_against_its_row_in_a_table_of_years():
    # 52: a real error, the table's own 2023 level gives -1.0%
    assert ("inconsistent", "4079 万吨 / 4120 - 1 = -2.8% (原料奶产量, 2023 from the table)") \
        in found_relations(_MILK.format("-2.8"))
    assert ("consistent", "4079 万吨 / 4120 - 1 = -1.0% (原料奶产量, 2023 from the table)") \
        in found_relations(_MILK.format("-1.0"))
    # a level the row does not give for its year is another measure of the metric: nothing is read
    other = _MILK.format("-2.8").replace("**4079 万吨**", "**4200 万吨**")
    assert not [r for _, r in found_relations(other) if "from the table" in r]
    # a level and a growth of slash lists are paired by position, not by neighbourhood (174)
    listed = ("需求预测：2025-2027 年国内储能需求达 123/146/190GWh，同比 + 11.7%/19.5%/30.0%。\n\n"
              "| **指标** | **2024 年** | **2025E** | **2026E** | **2027E** |\n| --- | --- | --- | --- | --- |\n"
              "| 国内储能需求（GWh） | 109.8 | 123 | 146 | 190 |")
    assert not [r for _, r in found_relations(listed) if "from the table" in r]


def test_a_move_the_other_way_from_its_verb():
    # 229 and 549: real errors as written
    assert ("inconsistent", "7.5% → 8.6% is a rise, written 降至") in found_relations(
        "永辉超市调改成效：人工费用率从 7.5% 降至 8.6%，净利率达 3%。")
    assert ("inconsistent", "5 亿元 → 3 亿元 is a fall, written 提升至") in found_relations("营收从 5 亿元提升至 3 亿元。")
    # a move the way its verb says states nothing more; signed levels and 收窄 speak of sizes
    assert not [r for v, r in found_relations("人工费用率从 8.6% 降至 7.5%。亏损从 -3 亿元降至 -1 亿元。") if "written" in r]
    assert not [r for v, r in found_relations("跌幅从 2% 收窄至 5%。") if "written" in r]


def test_a_total_named_zong_after_a_fenbie_list():
    # cfb307
    text = "2025年中低功率和高功率激光切割控制系统的市场规模分别为10.41亿元、28.04亿元，总市场规模有望达到{}亿元。"
    assert ("consistent", "10.41亿元 + 28.04亿元 = 38.45亿元") in found_relations(text.format("38.45"))
    # parts above a total refute it; parts short of it may leave one out
    assert ("inconsistent", "10.41亿元 + 28.04亿元 = 35.45亿元") in found_relations(text.format("35.45"))
    assert ("unverifiable", "10.41亿元 + 28.04亿元 = 48.45亿元") in found_relations(text.format("48.45"))


def test_one_measure_at_two_levels_and_their_change():
    # 302
    text = "纯光伏项目 IRR 为 2.2%，配储 10% 时 IRR 为 2.8%，提升 {}pct。"
    assert ("consistent", "|2.8% - 2.2%| = 0.6pct") in found_relations(text.format("0.6"))
    assert ("inconsistent", "|2.8% - 2.2%| = 0.9pct") in found_relations(text.format("0.9"))
    # two amounts and a growth after them: the growth may be the second's own 同比
    assert not [r for _, r in found_relations("一季度营收为 20 亿元，二季度营收为 25 亿元，增长 10%。") if "25 亿元/20" in r]


def test_a_level_its_growth_and_the_amount_it_grew_by():
    # cfr547
    assert ("consistent", "7亿元 - 7亿元 / (1 + 23.67%) = 1.34亿元") in found_relations(
        "公司研发费用约7亿元，同比增长23.67%，同比增加1.34亿元。")
    text = "公司营收 120 亿元，同比增长 20%（增加 {} 亿元）。"
    assert ("consistent", "120 亿元 - 120 亿元 / (1 + 20%) = 20 亿元") in found_relations(text.format("20"))
    assert ("inconsistent", "120 亿元 - 120 亿元 / (1 + 20%) = 30 亿元") in found_relations(text.format("30"))
    assert ("consistent", "80 亿元 - 80 亿元 / (1 - 20%) = 20 亿元") in found_relations("公司营收 80 亿元，同比下降 20%，减少 20 亿元。")


def test_a_share_naming_its_whole_inside_zhan_de():
    # cfb374
    text = "本激励计划拟向激励对象授予限制性股票总计1800.00万股，占本激励计划草案公告日公司股本总额30404.70万股的{}%。"
    assert ("consistent", "1800.00万股 / 30404.70万股 = 5.92%") in found_relations(text.format("5.92"))
    assert ("inconsistent", "1800.00万股 / 30404.70万股 = 6.92%") in found_relations(text.format("6.92"))


def test_an_underweight_against_its_benchmark():
    # 144
    text = "基准对应银行股规模 2141.9 亿元，但实际持仓银行股市值 742.6 亿元，欠配银行股 {} 亿元。"
    assert ("consistent", "2141.9 亿元 - 742.6 亿元 = 1399.3 亿元 (欠配)") in found_relations(text.format("1399.3"))
    assert ("inconsistent", "2141.9 亿元 - 742.6 亿元 = 1499.3 亿元 (欠配)") in found_relations(text.format("1499.3"))
    # a change of a balance is no balance
    assert not [r for _, r in found_relations("出口 500 亿美元，进口 300 亿美元，顺差扩大 50 亿美元。") if "(顺差)" in r]


def test_a_total_opening_the_sentence_after_its_parts():
    # cfb211, cfb210
    text = "销量结构具体来看大客销售1841辆，中客销售1939辆，轻客销售787辆。合计销售客车4567辆。"
    assert ("consistent", "1841辆 + 1939辆 + 787辆 = 4567辆 (the clauses before it)") in found_relations(text)
    assert ("consistent", "39亿元 + 26亿元 = 65亿元 (the clauses before it)") in found_relations(
        "给予公司温控设备主业估值39亿元，自建IDC业务估值26亿元，整体合理市值65亿元。")
    # a signed figure in a part's bracket is its growth, never its share of the total (cfb219)
    text = "Q4共销售新能源汽车7.9万辆（+113.5%），燃油汽车7.9万辆（-10.7%），整体销量15.8万辆（+25.8%）。"
    found = found_relations(text)
    assert ("consistent", "7.9万辆 + 7.9万辆 = 15.8万辆 (the clauses before it)") in found
    assert not [r for v, r in found if "a part over the total" in r]
