"""Round 27 (from the forty-seventh blind set): a list's currency on its last item; a 分别-list closed
by 其他; a gap in % against a benchmark named after it; a + that adds before a bracket's sum; a CAGR's
clause right after its later level; a table cell holding a sentence of its own."""

from __future__ import annotations

from pathlib import Path

from macrodesk.checks.arithmetic import check_article
from macrodesk.readers import article_from_text, read_article
from tests.checked import found_relations


def test_a_lists_currency_written_on_its_last_item():
    # 485: "100 亿、26 亿、61 亿元" are three amounts in 亿元
    figs = article_from_text("晶圆制造材料和封装材料分别为 429 亿、246 亿美元。").sentences[0].figures
    assert [(f.text, f.kind.value, f.unit) for f in figs] == [("429 亿", "money", "亿美元"), ("246 亿美元", "money", "亿美元")]
    # a bare magnitude with words after it is no item of the list
    figs = article_from_text("用户数 429 亿次、收入 246 亿美元。").sentences[0].figures
    assert figs[0].kind.value == "quantity"
    text = "预计 2025 年国内市场规模约 187 亿人民币，其中晶圆制造用、封装用、其他器件用掩膜版分别约 100 亿、26 亿、61 亿元人民币。"
    assert ("consistent", "100 亿 + 26 亿 + 61 亿元人民币 = 187 亿人民币") in found_relations(text)


def test_a_named_list_closed_by_its_rest_is_the_whole_breakdown():
    text = "2025 年国内市场规模 187 亿元，其中晶圆、封装、其他分别为 100 亿、26 亿、{} 亿元。"
    assert ("consistent", "100 亿 + 26 亿 + 61 亿元 = 187 亿元") in found_relations(text.format("61"))
    assert ("inconsistent", "100 亿 + 26 亿 + 71 亿元 = 187 亿元") in found_relations(text.format("71"))
    # without 其他 the parts need not be all: a misfit proves nothing
    assert ("unverifiable", "100 亿 + 26 亿元 = 187 亿元") in found_relations("2025 年国内市场规模 187 亿元，其中晶圆、封装分别为 100 亿、26 亿元。")


def test_a_gap_in_percent_against_a_benchmark_named_after_it():
    # 841
    text = "新材料指数跌幅 5.28%，跑输创业板指 {}%。同期沪深 300 涨跌幅 - 1.07%，上证指数 - 0.93%，创业板指 - 2.45%。"
    assert ("consistent", "(-5.28%) - (- 2.45%) = 2.83%") in found_relations(text.format("2.83"))
    assert ("inconsistent", "(-5.28%) - (- 2.45%) = 3.83%") in found_relations(text.format("3.83"))
    # the benchmark's return not written: nothing to judge
    assert not [r for _, r in found_relations("新材料指数涨幅为 5.69%，跑输创业板指 2.89%。") if "2.89%" in r]


def test_a_plus_that_adds_is_no_sign():
    # 134
    text = "使用 25 亿现金 + {} 亿债务（115 亿高级信贷 + 60 亿优先票据）。"
    assert ("consistent", "115 亿 + 60 亿 = + 175 亿 (the bracket's sum)") in found_relations(text.format("175"))
    assert ("inconsistent", "115 亿 + 60 亿 = + 185 亿 (the bracket's sum)") in found_relations(text.format("185"))
    # after 同比 the + signs a change
    assert not [r for _, r in found_relations("营收同比 +175 亿（115 亿 + 60 亿）。") if "bracket's sum" in r]


def test_a_cagr_clause_right_after_its_later_level():
    # 79 (written in its summary table's cell too)
    text = "中国人形机器人规模 2025 年 103 亿元，2028 年 387 亿元，CAGR {}%。"
    assert ("consistent", "(387 亿元/103 亿元)^(1/3) - 1 = 55.5%") in found_relations(text.format("55.5"))
    assert ("inconsistent", "(387 亿元/103 亿元)^(1/3) - 1 = 58%") in found_relations(text.format("58"))
    # another clause between the later level and the CAGR: its window is not certain
    other = "规模 2025 年 103 亿元，2028 年 387 亿元，渗透率提升，CAGR 58%。"
    assert not [v for v, _ in found_relations(other) if v == "inconsistent"]


def test_a_table_cell_holding_a_sentence_of_its_own(tmp_path: Path):
    # 79: the summary table's cell is a sentence; only its judged relations are kept
    table = ("# 人形机器人\n\n要点如下。\n\n| **指标** | **数据** |\n| --- | --- |\n"
             "| **中国人形机器人规模** | 2025 年 103 亿元，2028 年 387 亿元，CAGR {}% |\n| **渗透率** | 同比 +12% |\n")
    path = tmp_path / "t.md"
    path.write_text(table.format("55.5"), encoding="utf-8")
    found = [(c.verdict, c.relation) for c in check_article(read_article(path))]
    assert ("consistent", "(387 亿元/103 亿元)^(1/3) - 1 = 55.5%") in found
    assert not [v for v, _ in found if v == "unverifiable"]  # a cell's growth with no base is not counted
    path.write_text(table.format("58"), encoding="utf-8")
    assert ("inconsistent", "(387 亿元/103 亿元)^(1/3) - 1 = 58%") in [
        (c.verdict, c.relation) for c in check_article(read_article(path))]
    # a row of numbers is no sentence: its cells are not read as one
    path.write_text("# 表\n\n数据如下。\n\n| 年份 | 营收 | 利润 |\n| --- | --- | --- |\n| 2024 | 100，200 | 10，20 |\n",
                    encoding="utf-8")
    assert check_article(read_article(path)) == []
