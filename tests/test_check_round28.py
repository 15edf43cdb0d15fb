"""Round 28 (from the forty-eighth blind set): a ratio named by two commodities whose prices stand in
other list items (金银比) and its move from theirs; a table's 合计 row against the rows above it; a
valuation table whose EPS and PE cells each name their one year ("2025E:1.57")."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from tests.checked import found_relations

_METALS = """# 贵金属周报

1. **COMEX 黄金**：周跌 2.90% 至 3,286.10 美元 / 盎司，库存减少 525,221 金衡盎司。
2. **COMEX 白银**：周涨 0.60% 至 36.17 美元 / 盎司，库存增加 3,623,255 金衡盎司。
3. **SHFE 黄金**：周跌 1.56% 至 766.40 元 / 克，库存增加 69 千克。
4. **金银比**：周跌 {move}% 至 {level}。
"""


def test_a_ratio_named_by_two_commodities_against_their_prices():
    # 243: 3286.10 / 36.17 = 90.85; (1 - 2.90%) / (1 + 0.60%) - 1 = -3.48%
    got = found_relations(_METALS.format(move="3.48", level="90.86"))
    assert ("consistent", "3,286.10 美元 / 盎司 / 36.17 美元 / 盎司 = 90.86 (金银比: the two prices, written "
            "elsewhere)") in got
    assert ("consistent", "(1 + move of 3,286.10 美元 / 盎司) / (1 + move of 36.17 美元 / 盎司) - 1 = 3.48% "
            "(金银比's move from the two prices' moves)") in got
    # 96: the ratio written far from what the two prices give
    got = dict((r, v) for v, r in found_relations(_METALS.format(move="3.48", level="80.5")))
    assert got["3,286.10 美元 / 盎司 / 36.17 美元 / 盎司 = 80.5 (金银比: the two prices, written elsewhere)"] \
        == "inconsistent"
    got = dict((r, v) for v, r in found_relations(_METALS.format(move="4.48", level="90.86")))
    assert [v for r, v in got.items() if r.startswith("(1 + move of")] == ["inconsistent"]


def test_a_commodity_ratio_needs_todays_prices():
    # a second gold price in the same unit: a fit confirms, a miss proves nothing
    two = _METALS.format(move="3.48", level="80.5") + "5. 伦敦金现：周跌 2.10% 至 3,310.00 美元 / 盎司。\n"
    assert not [r for v, r in found_relations(two) if "金银比" in r and v == "inconsistent"]
    # a ratio of the past, dated or bounded, is no ratio of today's prices
    past = _METALS.format(move="3.48", level="90.86").replace("4. **金银比**：周跌 3.48% 至 90.86。",
                                                               "4. 2020 年金银比最高达 125。")
    assert not [r for _, r in found_relations(past) if "金银比" in r]
    # a price of the past or a forecast is not today's
    forecast = "# 白银\n\n- 2025 年银价中枢预计 36 美元 / 盎司，黄金 3300 美元 / 盎司。\n- 金银比 80。\n"
    assert not [r for _, r in found_relations(forecast) if "金银比" in r]


_COSTS = """#### 典型项目价值量拆分

| **组件** | **ITER 项目成本占比** | **DEMO 项目成本占比** |
| --- | --- | --- |
| 磁体系统 | 28% | 12% |
| 真空室 | 8% | 2% |
| 真空室内构件 | 17% | 16% |
| 加热和电驱 | 8% | 7% |
| 低温冷却系统 | 6% | 5% |
| 建筑与安装 | 15% | 14% |
| **合计设备成本** | **{a}%** | **55%** |
"""


def test_a_tables_total_row_against_the_rows_above_it():
    # 103: the ITER column adds to 82%, its 合计 says 72%; DEMO adds to 56% within rounding of 55%
    got = found_relations(_COSTS.format(a="82"))
    assert ("consistent", "28% + 8% + 17% + 8% + 6% + 15% = 82% (table: 合计设备成本, ITER 项目成本占比)") in got
    assert ("consistent", "12% + 2% + 16% + 7% + 5% + 14% = 55% (table: 合计设备成本, DEMO 项目成本占比)") in got
    assert ("inconsistent", "28% + 8% + 17% + 8% + 6% + 15% = 72% (table: 合计设备成本, ITER 项目成本占比)") \
        in found_relations(_COSTS.format(a="72"))
    # rows that add to less than their total may be only the main ones
    assert ("unverifiable", "28% + 8% + 17% + 8% + 6% + 15% = 92% (table: 合计设备成本, ITER 项目成本占比)") \
        in found_relations(_COSTS.format(a="92"))


def test_a_total_row_over_rates_or_sub_rows_is_no_sum():
    rates = """## 盈利

| 公司 | 2024 年 | 2025 年 |
| --- | --- | --- |
| 甲 | 12.5% | 13.0% |
| 乙 | 10.0% | 11.0% |
| 合计 | 11.2% | 12.1% |
"""
    assert not [r for _, r in found_relations(rates) if "(table: 合计" in r]
    nested = """## 收入

| 业务 | 收入（亿元） |
| --- | --- |
| 国内 | 120 |
| 其中：线上 | 50 |
| 海外 | 80 |
| 合计 | 200 |
"""
    assert not [r for _, r in found_relations(nested) if "(table: 合计" in r]
    growths = """## 收入

| 业务 | 收入增速 |
| --- | --- |
| 国内 | 12 |
| 海外 | 8 |
| 合计 | 10 |
"""
    assert not [r for _, r in found_relations(growths) if "(table: 合计" in r]


_VALUATION = """# 估值

| **代码** | **公司名称** | **股价（元）** | **EPS（元）** | **PE（倍）** |
| --- | --- | --- | --- | --- |
| 601899.SH | 紫金矿业 | 17.73 | 2025E:1.57 | 2025E:{pe} |
| 600988.SH | 赤峰黄金 | 26.26 | 2025E:1.65 | 2025E:16 |
"""


def test_a_valuation_cell_naming_its_one_year():
    # 96: each cell writes its year before its one value
    got = found_relations(_VALUATION.format(pe="11"))
    assert ("consistent", "17.73 / 1.57 = 11 (the table's share price; table: PE（倍） 2025E)") in got
    assert ("consistent", "26.26 / 1.65 = 16 (the table's share price; table: PE（倍） 2025E)") in got
    assert ("inconsistent", "17.73 / 1.57 = 14 (the table's share price; table: PE（倍） 2025E)") \
        in found_relations(_VALUATION.format(pe="14"))
    # a year alone with no mark and no colon is no year list ("2025 年 11" may be a date)
    bare = _VALUATION.format(pe="11").replace("2025E:", "2025 ")
    assert not [r for _, r in found_relations(bare) if "table's share price" in r]


def test_a_level_stated_as_a_multiple_or_fraction_of_another():
    # 568, 75: the level before, the reference written between 为 and 的
    text = "截至 2024 年底全球储能累计装机 372GW，仅为风光总装机 2999GW 的 {}%。"
    assert ("consistent", "372GW / 2999GW = 12.4%") in found_relations(text.format("12.4"))
    assert ("inconsistent", "372GW / 2999GW = 21.4%") in found_relations(text.format("21.4"))
    assert ("consistent", "39kg / 68kg = 57%") in found_relations("2024 年中国人均乳制品消费量 39kg，仅为日本（68kg）的 57%。")
    assert ("inconsistent", "40 万吨 / 10 万吨 = 4.5 倍") in found_relations("中国产能 40 万吨，为美国 10 万吨的 4.5 倍。")
    assert ("consistent", "40 亿元 / 10 亿元 = 4 倍") in found_relations("A 营收 40 亿元，B 营收 10 亿元，前者是后者的 4 倍。")


def test_a_multiple_without_its_two_levels_is_not_read():
    # no reference written inside the wording, or another clause between: nothing to judge
    assert ("unverifiable", "(level) / (reference) = 4 倍") in found_relations("营收 40 亿元，为行业平均水平的 4 倍。")
    assert not [r for _, r in found_relations("营收 40 亿元，毛利率提升，净利润 5 亿元，为竞品 2 亿元的 4 倍。")
                if r.startswith("40 亿元")]
    # a bound reference or a bound multiple: not a value
    assert not [r for _, r in found_relations("市场规模 18.21 亿元，仅为糖尿病药物市场（超 1000 亿元）的 1.8%。") if "1.8%" in r]
    # units that differ are no ratio of levels
    assert not [r for _, r in found_relations("产能 40 万吨，为美国 10 亿元的 4 倍。") if r.startswith("40 万吨 /")]


def test_a_rate_over_the_only_two_counts_before_it_confirms():
    # 421: the rate's word (转化) is beside neither count; the later, smaller one is the part
    text = "截至目前，参与海外资源合资勘探项目 218 个，26 个已生产，转化率 {}%。"
    got = [c for c in check_text(text.format("11.9")) if "转化率" in c.relation]
    assert [(c.verdict, c.relation, c.refutable) for c in got] == [
        ("consistent", "26 个 / 218 个 = 11.9% (转化率)", False)]
    # a miss proves nothing: the rate may count another part ("闭店" is not "新开")
    assert not [r for _, r in found_relations(text.format("21.9")) if "转化率" in r]
    assert not [r for _, r in found_relations("门店 500 家，新开 50 家，闭店率 2%。") if "闭店率" in r]


def test_a_figure_after_vs_is_read():
    # 501: "532 vs 394 tokens/sec" sets 394 against 532; "Flip 2" is still part of a name
    from macrodesk.figures import extract_figures

    assert [f.text for f in extract_figures("（532 vs 394 tokens/sec）")] == ["532", "394"]
    assert extract_figures("Flip 2 销量") == []
    text = "16K 序列场景吞吐量较 TorchTitan 提升 {}%（532 vs 394 tokens/sec）。"
    assert ("inconsistent", "532 / 394 - 1 = 29.82% (the first of a vs pair over the second)") \
        in found_relations(text.format("29.82"))
    assert ("consistent", "532 / 394 - 1 = 35.03% (the first of a vs pair over the second)") \
        in found_relations(text.format("35.03"))
