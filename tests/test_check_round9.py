"""Round 9 of the arithmetic checker: wordings from tests/check_last, check_eleventh,
check_twelfth, check_seventh and check_thirteenth that the round reads (a table's change column
named by no period, a forecast's bracketed growth past a column of part of the year, a share of
the one level its part narrows)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _verdicts(text: str, needle: str) -> list[str]:
    return [c.verdict for c in check_text(text) if needle in c.relation]


_SPAN_TABLE = ("# 乳业\n\n| **指标** | **2019 年（上轮周期起点）** | **2025 年（当前）** | **变化幅度** |\n"
               "| --- | --- | --- | --- |\n| 原奶价格（元 /kg） | 3.80 | 3.06 | {g}% |\n"
               "| 养殖盈利（元 /kg） | 0.50 | -0.40 | -180% |\n")


def test_a_change_column_between_the_only_two_year_columns():
    # 129 (check_last): 3.06 / 3.80 − 1 = −19.47%; a loss after a profit is a growth of −180%
    assert _verdicts(_SPAN_TABLE.format(g="-19.5"), "3.06/3.80") == ["consistent"]
    assert _verdicts(_SPAN_TABLE.format(g="-15.5"), "3.06/3.80") == ["inconsistent"]
    assert _verdicts(_SPAN_TABLE.format(g="-19.5"), "-0.40/0.50") == ["consistent"]


_YOY_TABLE = ("# 光伏\n\n| **指标** | **2024 年** | **2025H1** | **2025E** | **同比变化** |\n"
              "| --- | --- | --- | --- | --- |\n| 光伏玻璃日熔量（万吨 / 日） | 10.5 | 9.87（5 月） | 11.5 | {g} |\n"
              "| 多晶硅价格（元 / 千克） | 100 | 60 | 65-70 | -35% |\n")


def test_a_yoy_column_after_a_forecast_year_past_a_half_year_column():
    # 193 (check_eleventh): 11.5 / 10.5 − 1 = +9.5%; the 2025H1 column is no base of it
    assert _verdicts(_YOY_TABLE.format(g="+9.5%"), "11.5/10.5") == ["consistent"]
    assert _verdicts(_YOY_TABLE.format(g="+19.5%"), "11.5/10.5") == ["inconsistent"]
    # a range is no level: the price's −35% is not judged against 65-70
    assert not [c for c in check_text(_YOY_TABLE.format(g="+9.5%")) if c.stated == "-35%" and c.verdict != "unverifiable"]


def test_a_growth_column_after_its_own_year_is_not_over_the_next_year():
    # 265: "| 2024 年数据 | 同比增速 | 2025 年预测 |" gives 2024's growth, whose base is not in the table
    text = ("# 宠物\n\n| **指标** | **2024 年数据** | **同比增速** | **2025 年预测** |\n| --- | --- | --- | --- |\n"
            "| 宠物食品市场规模 | 533 亿元 | 5% | 580 亿元 |\n| 线上渠道占比 | 68% | 10% | 70% |\n")
    assert not [c for c in check_text(text) if c.verdict != "unverifiable"]


_BRACKET_TABLE = ("# 券商\n\n| **指标** | **2024 年** | **2025Q1** | **2025 年预测** |\n| --- | --- | --- | --- |\n"
                  "| 行业总资产 | 12.93 万亿元（+9.30%） | — | 13.8 万亿元（{a}） |\n"
                  "| 两融余额 | 18646 亿元（+12.94%） | 18009 亿元（+17.98%） | 19000 亿元（+2.1%） |\n")


def test_a_forecast_bracketed_growth_over_the_year_before_past_a_quarter_column():
    # 211 (check_twelfth): 13.8 / 12.93 − 1 = +6.7%, written +7%
    assert _verdicts(_BRACKET_TABLE.format(a="+7%"), "13.8/12.93") == ["consistent"]
    assert _verdicts(_BRACKET_TABLE.format(a="+17%"), "13.8/12.93") == ["inconsistent"]
    # a forecast's 19000 is rounded to the thousand (18500-19500): +2.1% over 18646 fits it
    assert _verdicts(_BRACKET_TABLE.format(a="+7%"), "19000/18646") == ["consistent"]
    # the 2025Q1 growth is over 2024Q1, not in the table
    assert not _verdicts(_BRACKET_TABLE.format(a="+7%"), "18009/")


def test_a_quoted_price_ending_in_zeros_is_not_rounded():
    # 88: a weekly price table's 7000 元 / 吨 is a quote: 7700 / 7000 − 1 = +10%, not +7.86%
    text = ("# 化工\n\n| **子行业** | **产品名称** | **单位** | **本周价格** | **上周价格** | **周涨幅** | **年内涨幅** |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n| 醇类 | 丙烯酸 | 元 / 吨 | 7700 | 7000 | +7.86% | -5.63% |\n")
    assert "inconsistent" in _verdicts(text, "7700")


def test_a_share_of_the_level_its_part_narrows():
    # 490 (check_seventh): 14.7 / 50.3 = 29.2%, written 31%; 720 (check_thirteenth): 389 / 1225 =
    # 31.76%, which a whole-percent 31% does not round
    novartis = "Novartis：2024 年营收 50.3B 美元，肿瘤 & 血液学营收 14.7B 美元（占比 {s}%），拥有 Tecentriq 等产品。"
    assert _verdicts(novartis.format(s="29"), "14.7B 美元 / 50.3B 美元") == ["consistent"]
    assert _verdicts(novartis.format(s="31"), "14.7B 美元 / 50.3B 美元") == ["inconsistent"]
    semi = "SEMI 数据显示，2025 年全球半导体设备市场规模预计为 1225 亿美元，中国大陆市场规模预计为 389 亿美元，占比 {s}%。"
    assert _verdicts(semi.format(s="32"), "389 亿美元 / 1225 亿美元") == ["consistent"]
    assert _verdicts(semi.format(s="31"), "389 亿美元 / 1225 亿美元") == ["inconsistent"]


def test_a_share_that_names_its_whole_or_repeats_the_measure_is_not_refuted():
    # the share names another whole (全球): the level before the part is no certain whole
    text = "2024 年公司营收 50 亿元，海外营收 20 亿元，占全球市场 {s}%。"
    assert "inconsistent" not in _verdicts(text.format(s="5"), "20 亿元 / 50 亿元")
    # 342: the part repeats the measure of the level before it (two products' revenues, the
    # share of the company's whole): 0.47 / 6.8 = 6.9% is no error of 3.0%
    text = "1. 产品：高压真空灭弧室（2024 年收入 6.8 亿元）、大功率电子管（2024 年收入 0.47 亿元，占比 3.0%）"
    assert "inconsistent" not in _verdicts(text, "0.47 亿元 / 6.8 亿元")


_PE_TABLES = ("# 医药\n\n| **公司** | **总市值（亿元）** | **25E 归母净利润（亿元）** | **26E 归母净利润（亿元）** | **25E PE** | **26E PE** |\n"
              "| --- | --- | --- | --- | --- | --- |\n| 药明康德 | 2006 | 111.6 | 125.0 | 18.0 | 16.0 |\n"
              "| 固生堂 | 74 | 3.8 | 4.5 | 19.5 | 16.4 |\n\n## 组合\n\n"
              "| **A 股组合** | **总市值（亿元）** | **25E PE** | **26E PE** | **ROE（24A）** |\n| --- | --- | --- | --- | --- |\n"
              "| 药明康德 | 2006 | {pe} | 16.0 | 16.1% |\n| 固生堂 | 74 | 19.5 | 16.4 | 12.9% |\n")


def test_a_year_like_value_under_a_unit_column_is_no_row_name():
    # 353 (check_fifteenth): 总市值 2006 (亿元) and 74 are values, not the years 2006 and 1974
    got = [c.verdict for c in check_text(_PE_TABLES.format(pe="18.0")) if c.relation.startswith("2006 / 111.6")]
    assert got and set(got) == {"consistent"}
    assert [c.verdict for c in check_text(_PE_TABLES.format(pe="18.0")) if c.relation.startswith("74 / 3.8")]


def test_a_pe_takes_its_company_s_profit_from_another_table():
    # 353: the portfolio table gives 市值 and PE; the profit is in the sector table above
    def joined(pe: str) -> list[str]:
        return [c.verdict for c in check_text(_PE_TABLES.format(pe=pe)) if "another table's row" in c.relation
                and c.stated == pe]
    assert joined("18.0") == ["consistent"]
    # 2006 / 111.6 = 17.97, not within 5% of 28; the row's 26E PE fits, so the 市值 is today's
    assert joined("28.0") == ["inconsistent"]


def test_parts_opened_by_han_or_baokuo():
    # 721, 719 (check_sixteenth): "含 A（a）和 B（b）", "包括 A a…，以及 B b"
    assert _verdicts("GPT-5 推理需求 31.0PB，含模型权重（29.4PB）和 KV Cache（1.6PB）。", "= 31.0PB") == ["consistent"]
    assert _verdicts("需要 19 个增量材料工程步骤，包括晶圆前侧 10 个步骤形成前端互连柱和 TSV，以及晶圆背面 9 个步骤筛选 TSV。",
                     "= 19 个") == ["consistent"]
    # parts need not exhaust the total: a misfit proves nothing
    assert _verdicts("GPT-5 推理需求 35.0PB，含模型权重（29.4PB）和 KV Cache（1.6PB）。", "= 35.0PB") == ["unverifiable"]
    # 含税 is no opening of parts
    assert not _verdicts("分配总额 6300 万元（含税 630 万元），其中 A 类 100 万元。", "630 万元 +")


def test_a_bound_total_against_its_parts():
    # 789 (check_sixteenth): 841 + 680 + 62 = 1583 ≥ "超 1500 亿元"
    text = "市场规模超 {t} 亿元，其中打车服务 841 亿元、整车销售 680 亿元、广告及车载娱乐等增量收入约 62 亿元。"
    assert _verdicts(text.format(t="1500"), "≥") == ["consistent"]
    assert _verdicts(text.format(t="1800"), "≥") == ["unverifiable"]


def test_a_level_followed_by_parts_named_by_its_measure():
    # 789 (check_sixteenth): 3006 + 429 = 3435 万辆, and the total's 9.3% from the parts' growths
    text = "2025 年汽车累计销量 {t} 万辆，同比增长 9.3%，乘用车销量 3006 万辆（+9.1%），商用车销量 429 万辆（+10.7%）。"
    assert _verdicts(text.format(t="3435"), "3006 万辆 + 429 万辆") == ["consistent"]
    grown = [c for c in check_text(text.format(t="3435")) if c.derived and c.stated == "9.3%"]
    assert [c.verdict for c in grown] == ["consistent"]
    # without 其中 the breakdown is only a reading: parts that miss make no check at all
    assert not _verdicts(text.format(t="3535"), "3006 万辆 + 429 万辆")


def test_a_plain_net_margin_against_a_parent_profit():
    # 260 (check_fifteenth): 1292.96 / 33299.07 = 3.88% against 净利率 3.66%, a margin on total
    # profit (minorities included): no other margin of the article shows it uses 归母 profit
    one = ("2024 年 SW 电子行业营收 33,299.07 亿元（同比 + 16.90%），归母净利润 1292.96 亿元（同比 + 43.07%），"
           "毛利率 15.47%，净利率 3.66%。")
    assert _verdicts(one, "1292.96 亿元 / 33,299.07 亿元") == ["unverifiable"]
    # 16: another sector's 净利率 fits its 归母 profit, so the article writes margins on 归母 profit
    two = ("## 黄金\n\n黄金板块实现营业收入 672.2 亿元；实现归母净利润 38.96 亿元；净利率为 5.8%。\n\n"
           "## 锂\n\n锂板块实现营业收入 334.9 亿元；实现归母净利润 12.0 亿元；净利率为 {m}%。\n")
    assert _verdicts(two.format(m="3.6"), "12.0 亿元 / 334.9 亿元") == ["consistent"]
    assert _verdicts(two.format(m="4.6"), "12.0 亿元 / 334.9 亿元") == ["inconsistent"]


def test_a_ratio_named_by_its_two_measures():
    # 191 (check_blind): 金银比 = 金价 / 银价; 735 (check_thirteenth): 车桩比 = 新能源车 / 充电桩
    assert _verdicts("截至 2025 年 6 月，伦敦金价约为 3400 美元 / 金衡盎司，银价约为 36.5 美元 / 金衡盎司，金银比 93。",
                     "金银比") == ["consistent"]
    text = "截至 2025 年 8 月，新能源车保有量 3910 万辆，充电桩保有量 1282 万台，车桩比降至 {r}。"
    assert _verdicts(text.format(r="3.05"), "车桩比") == ["consistent"]
    assert _verdicts(text.format(r="2.25"), "车桩比") == ["inconsistent"]  # 3910 / 1282 = 3.05


def test_a_ratio_of_two_units_takes_the_unit_most_rows_write_it_in():
    # 191: 市值 (亿元) over 储量 (吨) in 万元 / 吨: 427.3 亿 / 4614 = 926.1, 170.8 亿 / 6607 = 258.5;
    # 兴业银锡's 115.8 and 盛达资源's 89.1 fit no row's unit (1420.5, 3563.3)
    rows = ("- 兴业银锡：市值 284.1 亿元，储量 2000 吨，市值储量比 115.8；\n- 盛达资源：市值 106.9 亿元，储量 300 吨，市值储量比 89.1；\n"
            "- 五矿资源：市值 427.3 亿元，储量 4614 吨，市值储量比 926.2；\n- 中金岭南：市值 170.8 亿元，储量 6607 吨，市值储量比 258.5。\n")
    got = {c.stated: c.verdict for c in check_text("# 白银\n\n" + rows) if "市值储量比" in c.relation}
    assert got == {"115.8": "inconsistent", "89.1": "inconsistent", "926.2": "consistent", "258.5": "consistent"}


def test_words_ending_in_bi_that_name_no_ratio_of_two_measures():
    assert not _verdicts("2025 年营收 100 亿元，净利润 20 亿元，同比 5。", "比)")
    assert not _verdicts("出口额 100 亿元，进口额 50 亿元，占比 2。", "比)")


_PENETRATION = ("2025 年汽车产销量分别为 3453.1 万辆、3440 万辆，同比增长 10.4%、9.4%，产销增速较 2024 年均有提升。"
                "2025 年新能源汽车销量 1649 万辆，同比增长 28.2%，渗透率达 47.9%，较 2024 年提升 {d} 个百分点。")


def test_a_share_change_over_last_year_derived_from_the_growths_of_part_and_whole():
    # 825 (check_thirteenth): last year's share = (1649/1.282) / (3440/1.094) = 40.9%, so the
    # share rose 7.0 points; the whole is the level the share fits (1649 / 3440 = 47.94%), its
    # growth the one at its place in the list of growths
    got = [c for c in check_text(_PENETRATION.format(d="7")) if c.derived and c.stated == "7 个百分点"]
    assert [c.verdict for c in got] == ["consistent"] and "3440 万辆/(1+9.4%)" in got[0].relation
    # the growths may be of other bases than the share's: a misfit proves nothing
    assert [c.verdict for c in check_text(_PENETRATION.format(d="3")) if c.derived] == ["unverifiable"]


def test_a_list_of_growths_after_a_level_outside_a_list_is_no_growth_of_it():
    # 473: "产销分别完成 229.33 万辆和 228.74 万辆，环比分别 -6.04%、-9.6%": -6.04% is not 228.74's
    text = ("2025 年 7 月，乘用车产销分别完成 229.33 万辆和 228.74 万辆，环比分别 -6.04%、-9.6%。"
            "自主品牌乘用车销量 160.4 万辆，环比 -6.03%，份额 70.1%，环比提升 2.83 个百分点。")
    assert not [c for c in check_text(text) if c.derived and "228.74" in c.relation]


def test_named_wholes_read_one_period_whatever_its_dash():
    # 731 (check_thirteenth): "1—10 月" and "1-10 月" are one period: 54919 / 81836 = 67.1%, not 63.7%
    text = ("10 月份，全社会用电量 7742 亿千瓦时，同比增长 4.3%。1—10 月，全社会用电量累计 81836 亿千瓦时，同比增长 7.6%。\n\n"
            "1-10 月，全国各电力交易中心累计组织完成市场交易电量 54919 亿千瓦时，同比增长 7.9%，占全社会用电量比重 {s}%。")
    assert _verdicts(text.format(s="63.7"), "54919 亿千瓦时 / 81836 亿千瓦时") == ["inconsistent"]
    assert _verdicts(text.format(s="67.1"), "54919 亿千瓦时 / 81836 亿千瓦时") == ["consistent"]


def test_a_share_in_the_whole_s_bracket_naming_its_part():
    # 721 (check_sixteenth): 139.7 / 199.5 = 70.03%
    text = "RAG 存储需求 139.7EB，总 NAND 需求 199.5EB（RAG 存储占 {s}%）。"
    assert _verdicts(text.format(s="70"), "139.7EB / 199.5EB") == ["consistent"]
    assert _verdicts(text.format(s="60"), "139.7EB / 199.5EB") == ["inconsistent"]


def test_a_table_cagr_over_cells_with_their_units():
    # 260 (check_fifteenth): a 复合增长率 column over one year is the growth: 1280 / 1171 − 1 = 9.3%
    text = ("# 电子\n\n| **指标** | **2024 年数据** | **2025 年预测** | **复合增长率** |\n| --- | --- | --- | --- |\n"
            "| 全球半导体设备市场规模 | 1171 亿美元 | 1280 亿美元 | {g}% |\n| 全球 AI 手机出货量 | 2.2 亿台 | 4.5 亿美元 | 104.5% |\n")
    assert _verdicts(text.format(g="9.3"), "1280 亿美元/1171 亿美元") == ["consistent"]
    assert _verdicts(text.format(g="12.3"), "1280 亿美元/1171 亿美元") == ["inconsistent"]
    assert not _verdicts(text.format(g="9.3"), "4.5 亿美元/2.2 亿台")  # two units: no growth


_POP_MART = "2024 年总收入 {t} 亿元，其中中国大陆收入 79.7 亿元（YoY+52%），海外收入 50.66 亿元（YoY+375.2%），占比 {s}%。"


def test_two_complementary_parts_exhaust_their_total():
    # 234 (check_fifteenth): 中国大陆 + 海外 = 130.36, not 129.9; 其中-parts that are not each other's
    # complement may leave some out (a misfit proves nothing)
    assert _verdicts(_POP_MART.format(t="129.9", s="38.9"), "79.7 亿元 + 50.66 亿元") == ["inconsistent"]
    assert _verdicts(_POP_MART.format(t="130.4", s="38.9"), "79.7 亿元 + 50.66 亿元") == ["consistent"]
    other = "2024 年总收入 129.9 亿元，其中潮玩收入 79.7 亿元，衍生品收入 50.66 亿元。"
    assert _verdicts(other, "79.7 亿元 + 50.66 亿元") == ["unverifiable"]


def test_yoy_reads_as_tongbi():
    # 234: "（YoY+375.2%），占比 38.9%": the share is of the part before its growth: 50.66 / 129.9 = 39.0%
    assert _verdicts(_POP_MART.format(t="129.9", s="38.9"), "50.66 亿元 / 129.9 亿元") == ["inconsistent"]
    assert _verdicts(_POP_MART.format(t="129.9", s="39.0"), "50.66 亿元 / 129.9 亿元") == ["consistent"]


def test_an_eps_list_shares_one_share_count_with_its_profit_list():
    # 295 (check_fifteenth): 22.68 / 1.05 = 21.6 亿股, so 24.32 亿元 is 1.13 元 a share and 26.61 亿元 1.24 元
    text = "2025/26/27 年盈利预测为 22.68/24.32/26.61 亿元，对应摊薄 EPS=1.05/{e}/1.24 元。"
    got = [c.verdict for c in check_text(text.format(e="1.13")) if "one share count" in c.relation]
    assert got == ["consistent", "consistent"]
    bad = {c.stated: c.verdict for c in check_text(text.format(e="1.33")) if "one share count" in c.relation}
    assert bad == {"1.33": "inconsistent", "1.24 元": "consistent"}
    # the EPS list may close the ；-chain its profit list opens; a 亿 alone is of 元
    chained = ("预计 2025-2027 年经调整后归母净利润分别为 50.2/63.0/78.8 亿，同比增长 60.7%/25.3%/25.2%；"
               "摊薄 EPS=3.74/4.69/5.87 元。")
    assert [c.verdict for c in check_text(chained) if "one share count" in c.relation] == ["consistent", "consistent"]


def test_a_bracket_that_adds_up_its_total_with_plus():
    # 133 (check_fifteenth), 640 (check_tenth): the + is written, so the sum is certain
    assert _verdicts("ReelShort 每月上新 20 部（18 部短剧 + 2 部互动剧）。", "the bracket's sum") == ["consistent"]
    assert _verdicts("ReelShort 每月上新 25 部（18 部短剧 + 2 部互动剧）。", "the bracket's sum") == ["inconsistent"]
    assert _verdicts("其中约 900 亿元用于 AI 算力采购（国内 400 亿 + 国外 500 亿），700 亿元用于 IDC 基建。",
                     "400 亿 + 500 亿 = 900 亿元") == ["consistent"]
    # 141: 等 leaves parts out: 3 + 15 + 5 = 23 万 proves nothing of 30.5 万元
    assert _verdicts("单仓启动资金约 30.5 万元（加盟费 3 万 + 首单采购 15 万 + 设备 5 万等）。", "the bracket's sum") == [
        "unverifiable"]


def test_a_concentration_ratio_is_the_sum_of_its_largest_shares():
    # 43 (check_ninth): 26 + 25 + 17 + 15 + 14 = 97%, CR5 96% (at rounding)
    text = "石头（26%）、科沃斯（25%）、云鲸（15%）、追觅（17%）、小米（14%），CR5 达 {c}%。"
    assert _verdicts(text.format(c="96"), "CR5") == ["consistent"]
    assert _verdicts(text.format(c="86"), "CR5") == ["inconsistent"]
    # 288: a bracket listing fewer shares than the ratio counts, and another ratio's list, are no inputs
    assert not _verdicts("2021 年中国 CR5 仅 26%（泡泡玛特 13.6%、乐高 7.5%），而日本 CR3 达 45%（万代 25%、多美 15%）。", "CR")


_TOTAL_COLUMN = ("# 冷却液\n\n| **年份** | **AI 数据中心冷却液需求 (万吨)** | **传统数据中心冷却液需求 (万吨)** | **全球总需求 (万吨)** |\n"
                 "| --- | --- | --- | --- |\n| 2024 | 1.3 | 0.1 | **1.4** |\n| 2028 | 8.9 | 1.9 | {t} |\n")


def test_a_total_column_adds_up_the_columns_of_its_unit_before_it():
    # 631 (check_sixteenth): 1.3 + 0.1 = 1.4, 8.9 + 1.9 = 10.8, row by row
    got = {c.stated: c.verdict for c in check_text(_TOTAL_COLUMN.format(t="10.8")) if "全球总需求" in c.relation}
    assert got == {"1.4": "consistent", "10.8": "consistent"}
    assert {c.stated: c.verdict for c in check_text(_TOTAL_COLUMN.format(t="12.8"))
            if "全球总需求" in c.relation}["12.8"] == "inconsistent"
    # a share or a growth column is no addend; a total with one addend is no sum
    text = ("# x\n\n| **年份** | **国内 (亿元)** | **同比 (%)** | **合计 (亿元)** |\n| --- | --- | --- | --- |\n"
            "| 2024 | 10 | 5 | 30 |\n")
    assert not [c for c in check_text(text) if "合计" in c.relation]


def test_a_unit_price_growth_from_its_amount_and_volume_growths():
    # 566 (check_seventeenth): 198.1 美元 / 台 is 9.1 亿美元 / 460 万台, so its 同比 is 1.16 / 0.88 − 1 = +32%
    text = ("2025 年 7 月国内逆变器出口金额 9.1 亿美元（同比 + 16%，环比 - 1%），出口数量 460 万台（同比 - 12%，环比 - 10%），"
            "出口均价 198.1 美元 / 台（同比 + {g}%，环比 + 11%）。")
    got = {c.stated: c.verdict for c in check_text(text.format(g="32")) if "出口均价 =" in c.relation}
    assert got == {"198.1 美元 / 台": "consistent", "+ 32%": "consistent", "+ 11%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(g="22"))
            if "出口均价 =" in c.relation}["+ 22%"] == "inconsistent"
    # a price that is not the amount over the volume written only confirms
    other = text.replace("198.1", "98.1").format(g="22")
    assert {c.verdict for c in check_text(other) if c.stated == "+ 22%"} == {"unverifiable"}


def test_a_quarter_of_capital_spending_against_its_half():
    # 566 (check_seventeenth): Q1 = 633 − 387 = 246 亿元, so Q2's 环比 is 387 / 246 − 1 = +57.3%
    text = "阿里 2025Q2 AI + 云资本开支 387 亿元（同比 + 220%，环比 + {g}%），2025H1 资本开支 633 亿元（同比 + 172%）。"
    assert _verdicts(text.format(g="57"), "2025Q1 = 2025H1 - 2025Q2") == ["consistent"]
    assert _verdicts(text.format(g="67"), "2025Q1 = 2025H1 - 2025Q2") == ["inconsistent"]


def test_an_average_price_is_its_amount_over_its_volume():
    # 142 (check_seventeenth): 17.38 亿元 / 2789 万人次 = 62.3 元, not 39.8 元
    text = "2025 年 5 月总票房 17.38 亿元，同比下滑 41.1%，观影人次 2789 万，平均票价 {p} 元。"
    assert _verdicts(text.format(p="39.8"), "平均票价 =") == ["inconsistent"]
    assert _verdicts(text.format(p="62.3"), "平均票价 =") == ["consistent"]


def test_stronger_than_a_benchmark_is_a_gap():
    # 479 (check_seventeenth): 3.21 − 2.37 = 0.84, 3.21 − 1.7 = 1.51
    text = ("本周 CS 汽车上涨 3.21%，CS 乘用车上涨 2.18%。同期的沪深 300 指数上涨 2.37%，上证综合指数上涨 1.7%。"
            "CS 汽车强于沪深 300 指数 {g}pct，强于上证综合指数 1.51pct。")
    assert {c.stated: c.verdict for c in check_text(text.format(g="0.84")) if c.kind == "difference"} == {
        "0.84pct": "consistent", "1.51pct": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(g="0.64")) if c.kind == "difference"}["0.64pct"] \
        == "inconsistent"


def test_two_complementary_parts_after_a_level_confirm_it():
    # 528 (check_seventeenth): 陆风 + 海风 = 67 + 5.4 = 72.4, written 72 GW; the total's growth from theirs
    text = "25H1 国内风机新增招标 72GW，同比增长 8.8%，陆风 67GW，同比增长 10%，海风 5.4GW，同比下降 7%。"
    assert _verdicts(text, "67GW + 5.4GW") == ["consistent"]
    assert [c.verdict for c in check_text(text) if c.derived and c.stated == "8.8%"] == ["consistent"]


_RELATIVE = ("上周医药生物板块收益率 1.40%，相对沪深 300 收益率 2.21%，在 31 个一级子行业指数中涨跌幅排名第 4。"
             "6 个子板块里，化学制药板块周收益率居首，涨跌幅 3.92%（相对沪深 300 收益率 {a}%）；"
             "中药 Ⅱ 板块周收益率垫底，涨跌幅 - 1.39%（相对沪深 300 收益率 - 0.58%）。")


def test_relative_returns_imply_one_benchmark():
    # 552 (check_seventeenth): 1.40 − 2.21 = 3.92 − 4.73 = −1.39 + 0.58 = −0.81, the week's 沪深 300
    got = {c.stated: c.verdict for c in check_text(_RELATIVE.format(a="4.73")) if c.relation.startswith("相对")}
    assert got == {"2.21%": "consistent", "4.73%": "consistent", "- 0.58%": "consistent"}
    # with two others only, which side is wrong is not certain: a misfit proves nothing
    bad = {c.stated: c.verdict for c in check_text(_RELATIVE.format(a="5.73")) if c.relation.startswith("相对")}
    assert bad.get("5.73%") in (None, "unverifiable") and "inconsistent" not in bad.values()
    # 涨跌幅 is a signed return, not a fall
    text = ("医药生物行业指数最近一周涨跌幅 1.40%，相对沪深 300 收益率 2.21%。化学制药周涨跌幅 3.92%（相对沪深 300 收益率 4.73%）。"
            "中药 Ⅱ 周涨跌幅 - 1.39%（相对沪深 300 收益率 - 0.58%）。")
    assert {c.verdict for c in check_text(text) if c.relation.startswith("相对")} == {"consistent"}


def test_two_relative_returns_of_one_stock_against_two_benchmarks():
    # 581 (check_fourteenth): each stock's month against 沪深 300 and against its industry index
    text = ("- 8 月投资组合中，恺英网络股价 23.27 元，月涨幅 26.7%，相对沪深 300 涨幅 16.41%，相对行业指数涨幅 16.04%；"
            "分众传媒股价 8.31 元，月涨幅 14.0%，相对沪深 300 涨幅 3.66%，相对行业指数涨幅 3.29%；"
            "巨人网络股价 31.60 元，月涨幅 33.1%，相对沪深 300 涨幅 22.77%，相对行业指数涨幅 22.41%；"
            "心动公司股价 80.80 元，月涨幅 54.2%，相对沪深 300 涨幅 {a}%，相对行业指数涨幅 43.50%。\n")
    got = [c for c in check_text(text.format(a="43.86")) if c.relation.startswith("相对")]
    assert len(got) == 8 and {c.verdict for c in got} == {"consistent"}
    # 54.2 − 33.86 = 20.34: four witnesses put 沪深 300 at 10.34, so 33.86 is refuted
    bad = {c.stated: c.verdict for c in check_text(text.format(a="33.86")) if c.relation.startswith("相对")}
    assert bad["33.86%"] == "inconsistent"


_PLEDGES = ("# 公告\n\n| **类型** | **公司** | **日期** | **内容** |\n| --- | --- | --- | --- |\n"
            "| 股份质押 | 新奥股份 | 2025/9/12 | 新奥控股（持股 3.747 亿股，占总股本 12.10%）于 9 月 10 日解除 8300 万股质押"
            "（占其持股 22.15%、总股本 {a}%），剩余质押 1.3145 亿股（占其持股 35.08%、总股本 4.24%）；分两笔质押给华泰证券 "
            "3626 万股、交银国际信托 4751 万股，合计占其持股 27.13%、总股本 2.70% |\n")


def test_pledges_in_a_table_row_against_the_holder_s_stake_and_the_share_count():
    # 578 (check_twelfth): 8300 万 / 3.747 亿 = 22.15%; the count the row's stakes imply is 30.97 亿股
    got = {c.stated: c.verdict for c in check_text(_PLEDGES.format(a="2.68")) if c.kind == "share"}
    assert got["22.15%"] == "consistent" and got["2.68%"] == "consistent" and got["35.08%"] == "consistent"
    assert {c.stated: c.verdict for c in check_text(_PLEDGES.format(a="3.68")) if c.kind == "share"}["3.68%"] \
        == "inconsistent"
    # "…4751 万股，合计占其持股 27.13%、总股本 2.70%" is of the two pledges' sum, not of 4751 万股
    assert "inconsistent" not in {c.verdict for c in check_text(_PLEDGES.format(a="2.68")) if c.stated == "2.70%"}


def test_rates_defined_by_their_sector_confirm_only():
    # 337 (check_fifteenth), 726 (check_thirteenth), 425 (check_fresh)
    assert _verdicts("生产线总计 296 条（剔除僵尸产线），在产 224 条，冷修 72 条，开工率 75.68%。", "开工率") == ["consistent"]
    assert _verdicts("其总容量约 60000 颗，截至 2025 年 5 月 12 日，在轨低轨卫星约 10824 颗，利用率 18.0%。", "利用率") == [
        "consistent"]
    text = "2024 年我国粗钢产量约为 10.05 亿吨，粗钢表观消费量约为 8.9 亿吨，钢铁过剩量约为 1.15 亿吨，过剩比例为 {r}%。"
    assert _verdicts(text.format(r="11.45"), "过剩比例") == ["consistent"]
    # the definitions vary (over output, over demand): a misfit proves nothing
    assert _verdicts(text.format(r="12.9"), "过剩比例") in ([], ["unverifiable"])
