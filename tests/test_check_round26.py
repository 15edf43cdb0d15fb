"""Round 26 (from the forty-sixth blind set): a share naming its whole (占全球); a net written before its
flows; a unit price over its ；-chain; 24A/25E years and a bare EPS; a level as a share of a year's;
a gap against a named average; returns compared in words; slash lists with 合计; totals split into
phases; a table's excess-return column; a year's growth to a level after the year before's."""

from __future__ import annotations

from pathlib import Path

from macrodesk.checks.arithmetic import check_article
from macrodesk.readers import article_from_text, read_article
from tests.checked import found_relations


def test_a_share_naming_its_whole_by_a_scope_word():
    # 900
    text = "2025 年全球钼矿探明储量约 1700 万吨，中国、美国为储量前二国家。其中中国储量 780 万吨，占全球 {}%，位居第一。"
    assert ("consistent", "780 万吨 / 1700 万吨 = 45.88%") in found_relations(text.format("45.88"))
    assert ("inconsistent", "780 万吨 / 1700 万吨 = 55.88%") in found_relations(text.format("55.88"))
    # another company's 总股本 in the sentence before is not the whole (283)
    other = ("永泰能源：注销 4 亿股回购股份，总股本从 222.18 亿股减至 218.18 亿股。平煤股份：累计回购 1.03 亿股"
             "（占总股本 4.17%），支付金额 9.95 亿元。")
    assert not [v for v, r in found_relations(other) if v == "inconsistent"]
    # nor is the world's 储量 the whole of a 产量 (31)
    assert not [v for v, r in found_relations("2024 年全球钨矿储量 440 万吨，中国钨金属产量 6.7 万吨，占全球 82.72%。")
                if v == "inconsistent"]


def test_a_net_written_before_its_flows():
    # 128, 110, 212
    text = "38 家上市公司股东净减持 {} 亿元，其中 4 家增持 0.14 亿元，34 家减持 11.42 亿元。"
    assert ("consistent", "11.42 亿元 - 0.14 亿元 = 11.28 亿元") in found_relations(text.format("11.28"))
    assert ("inconsistent", "11.42 亿元 - 0.14 亿元 = 11.48 亿元") in found_relations(text.format("11.48"))
    # and after them, with 买入 and 卖出
    assert ("consistent", "520 亿元 - 480 亿元 = 40 亿元") in found_relations("本周北向资金买入 520 亿元，卖出 480 亿元，净买入 40 亿元。")
    # one flow alone closes nothing
    assert not [r for _, r in found_relations("股东净减持 11.28 亿元，其中 34 家减持 11.42 亿元。") if " - " in r]


def test_a_unit_price_over_its_semicolon_chain():
    # 394: the volume's name stands before an aside
    text = ("2025 年第二季度汽车销售业务营收 157.9 亿美元，同比 - 15%、环比 + 22%；汽车交付量（扣除租赁）37.74 万辆，"
            "同比 - 13%、环比 + 17%；单车售价 {} 万美元，同比 - 2%、环比 + 5%。")
    rel = "157.9 亿美元 / 37.74 万辆 = {} 万美元 (单车售价 = 汽车销售业务营收 / 汽车交付量)"
    assert ("consistent", rel.format("4.18")) in found_relations(text.format("4.18"))
    assert ("inconsistent", rel.format("4.48")) in found_relations(text.format("4.48"))
    # a price per kg is no revenue over a count of heads (cfb526)
    pigs = "3月公司生猪销售量207.28万头，同比增长43.1%；实现收入37.51亿元，同比增长78.1%；销售均价15.2元/公斤，同比上涨24.9%。"
    assert not [r for _, r in found_relations(pigs) if "销售均价 =" in r]


def test_actual_and_estimated_years_and_a_bare_eps():
    figures = article_from_text("中国神华股价 38.4 元，24A EPS 3.0 元，2025E EPS 3.2 元，2024A PE 12.8 倍。").sentences[0].figures
    assert [f.text for f in figures if f.kind == "date"] == ["24A", "2025E", "2024A"]
    # a two-digit year with A needs a measure after it: "24A 电芯" is no year
    assert not [f for f in article_from_text("采用 24A 电芯方案，功率提升 10%。").sentences[0].figures if f.kind == "date"]
    text = "中国神华股价 38.4 元，24A EPS 3.0，25E EPS 3.2，24A PE {}。"
    assert ("consistent", "38.4 元 / 3.0 = 12.8 (within 5%)") in found_relations(text.format("12.8"))
    # a PE may be priced at another close: a misfit proves nothing
    assert ("unverifiable", "38.4 元 / 3.0 = 14.8 (within 5%)") in found_relations(text.format("14.8"))


def test_a_level_as_a_share_of_a_years_level():
    # 190
    text = "胖东来 2024 年销售额 169.6 亿元（+58.50%），2025 年截至 6 月 2 日销售额 101.76 亿元（达 2024 年 {}%）。"
    assert ("consistent", "101.76 亿元 / 169.6 亿元 = 60% (of 2024's level)") in found_relations(text.format("60"))
    assert ("inconsistent", "101.76 亿元 / 169.6 亿元 = 65% (of 2024's level)") in found_relations(text.format("65"))
    # a year whose level is not written
    assert not [r for _, r in found_relations("胖东来 2025 年截至 6 月销售额 101.76 亿元（达 2023 年 60%）。") if "level)" in r]


def test_a_gap_against_a_named_average():
    # 29: another 100% of the sentence is not the level compared
    text = ("行业平均毛利率 15%。中泰化学凭借自备电厂（电力成本 0.2 元 / 度）+ 电石自给率 100% 优势，毛利率达 22%，"
            "高于行业均值 {} 个百分点。")
    assert ("consistent", "22% - 15% = 7 个百分点") in found_relations(text.format("7"))
    assert ("inconsistent", "22% - 15% = 9 个百分点") in found_relations(text.format("9"))
    # the average of another metric is not it
    assert not [v for v, _ in found_relations("行业平均净利率 15%。中泰化学毛利率达 22%，高于行业均值 9 个百分点。") if v == "inconsistent"]


def test_returns_compared_in_words_with_bracketed_benchmarks():
    # 848 (a real error: 5.4% is not slightly below 0.8%), 22
    found = found_relations("中信煤炭板块周涨幅 5.4%，跑赢沪深 300（涨幅 0.2%）、上证指数（跌幅 0.7%），略低于深证成指（涨幅 0.8%）。")
    assert ("consistent", "5.4% > 0.2% (跑赢)") in found
    assert ("consistent", "5.4% > -0.7% (跑赢)") in found
    assert ("inconsistent", "5.4% < 0.8% (略低于)") in found
    assert ("inconsistent", "0.05% > 0.76% (跑赢)") in found_relations("农林牧渔指数周环比 +0.05%，跑赢上证综指（+0.76%）。")
    assert ("consistent", "2.4% > 1.12% (跑赢)") in found_relations("申万汽车板块涨跌幅 +2.40%，跑赢沪深 300 指数（+1.12%）。")
    # a figure after the benchmark's name with no bracket is the gap, not the benchmark's return (480)
    assert not [r for _, r in found_relations("新材料指数涨幅为 5.69%，跑输创业板指 2.89%。") if "(跑输)" in r]
    # nor is a bracket of two figures one benchmark (cfb112)
    assert not [r for _, r in found_relations("扣非净利润增速 27.3%，超过业绩预告中位值（90%/25%）。") if "(超过)" in r]


def test_a_slash_list_and_its_total():
    # 964
    text = "其中徐工机械/三一重工/中联重科市占率为 5.8% / 5.1% / 2.8% （合计 {}% ）。"
    assert ("consistent", "5.8% + 5.1% + 2.8% = 13.7%") in found_relations(text.format("13.7"))
    assert ("inconsistent", "5.8% + 5.1% + 2.8% = 15.7%") in found_relations(text.format("15.7"))
    assert not [r for _, r in found_relations("徐工机械/三一重工市占率为 5.8%/5.1%，同比提升。") if " + " in r]


def test_a_total_split_into_numbered_phases():
    # 902
    text = "星链计划分两期发射约 {} 万颗卫星，第一期 1.2 万颗，第二期 29988 颗。"
    assert ("consistent", "1.2 万颗 + 29988 颗 = 4.2 万颗 (the 2 期 of the total)") in found_relations(text.format("4.2"))
    assert ("inconsistent", "1.2 万颗 + 29988 颗 = 4.8 万颗 (the 2 期 of the total)") in found_relations(text.format("4.8"))
    # three phases named, two written: no sum
    assert not [r for _, r in found_relations("项目分三期建设总产能 30 万吨，一期 10 万吨，二期 10 万吨。") if "期 of the total" in r]


def test_a_tables_excess_return_column(tmp_path: Path):
    # 67
    table = ("# 基础化工\n\n板块相对收益如下。\n\n| 时间区间 | 基础化工涨跌幅（%） | 沪深 300 涨跌幅（%） | 超额收益（%） |\n"
             "| --- | --- | --- | --- |\n| 1 个月 | 1.1 | 2.1 | {} |\n| 12 个月 | -0.5 | -2.0 | 1.5 |\n")
    path = tmp_path / "t.md"
    path.write_text(table.format("-1.0"), encoding="utf-8")
    found = [(c.verdict, c.relation.split(" (table")[0]) for c in check_article(read_article(path))]
    assert ("consistent", "1.1 - (2.1) = -1.0") in found and ("consistent", "-0.5 - (-2.0) = 1.5") in found
    path.write_text(table.format("-2.0"), encoding="utf-8")
    assert ("inconsistent", "1.1 - (2.1) = -2.0") in [(c.verdict, c.relation.split(" (table")[0])
                                                     for c in check_article(read_article(path))]
    # a second header row shifts the first one's names (429): not read
    shifted = ("# 组合\n\n组合表现如下。\n\n| 代码 | EPS | 权重 % | 当前月度收益率 % | 组合收益率 % | 超额收益率 % |\n"
               "| --- | --- | --- | --- | --- | --- |\n|  | 2024A | 2025E |  |  |  |\n| 601233.SH | 0.51 | 1.72 | 20% | 12.18 | -0.81% |\n")
    path.write_text(shifted, encoding="utf-8")
    assert not [c for c in check_article(read_article(path)) if "超额收益率" in c.relation]


def test_a_years_growth_to_a_level_after_the_year_befores():
    # 468, 484
    text = "2024 年全球 AI 服务器出货量达 175 万台，同比增长 46%，预计 2025 年可进一步增长 {}% 至 218 万台。"
    assert ("consistent", "(218 万台/175 万台 - 1) = 24.3% (2025 over 2024, each dated by its year)") in found_relations(text.format("24.3"))
    assert ("inconsistent", "(218 万台/175 万台 - 1) = 20.3% (2025 over 2024, each dated by its year)") in found_relations(text.format("20.3"))
    # two measures named (产量, 总需求): a fit confirms, a misfit proves nothing
    other = "2024 年水泥产量降至 18.3 亿吨，预计 2025 年总需求下滑 {}% 至 16.8 亿吨。"
    assert ("consistent", "(16.8 亿吨/18.3 亿吨 - 1) = 7.9% (2025 over 2024, each dated by its year)") in found_relations(other.format("7.9"))
    assert not [v for v, _ in found_relations(other.format("9.9")) if v == "inconsistent"]
    # a 环比 growth is no growth over the year before
    assert not [r for _, r in found_relations("2024 年产量 18.3 亿吨，2025 年 1 月环比下滑 7.9% 至 16.8 亿吨。") if "each dated" in r]
