"""Round 10 of the arithmetic checker: layouts from tests/check_seventeenth (299's year-list cells,
market-space table and cost build-up, 142's ranking seats) and tests/check_eighteenth (company
research: quarters as a slash list, slash-listed forecast years, margins in slash lists)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _verdicts(text: str, needle: str) -> list[str]:
    return [c.verdict for c in check_text(text) if needle in c.relation]


# 299: every PE of the row misses 市值 / 归母净利润 of its own year, and of every other year too
_PE_CELLS = ("# 投资分析\n\n| **序号** | **简称** | **市值（亿元）** | **归母净利润（亿元）** | **PE** |\n"
             "| --- | --- | --- | --- | --- |\n"
             "| 2 | 纳科诺尔 | 47 | 2024 年 0.39，2025E0.74，2026E0.82，2027E0.93 | {pe} |\n")


def test_year_list_cells_are_a_column_per_year():
    fitting = "2024 年 121，2025E64，2026E57，2027E51"
    assert _verdicts(_PE_CELLS.format(pe=fitting), "47 / 0.74") == ["consistent"]
    assert _verdicts(_PE_CELLS.format(pe=fitting), "47 / 0.39") == ["consistent"]
    wrong = "2024 年 43，2025E31，2026E24，2027E24"
    assert _verdicts(_PE_CELLS.format(pe=wrong), "47 / 0.74") == ["inconsistent"]
    assert _verdicts(_PE_CELLS.format(pe=wrong), "47 / 0.39") == ["inconsistent"]


def test_a_row_whose_pes_fit_another_years_profit_is_shifted_not_wrong():
    # each PE is 市值 over the next year's profit: the PE column is a year off its label
    shifted = "2024 年 64，2025E57，2026E51，2027E45"
    verdicts = _verdicts(_PE_CELLS.format(pe=shifted), "47 / 0.")
    assert verdicts and "inconsistent" not in verdicts


_MARKET = ("# 市场空间\n\n| **指标** | **2027E** | **2028E** | **2029E** | **2030E** | **2035E** |\n"
           "| --- | --- | --- | --- | --- | --- |\n"
           "| 全固态电池出货量（GWh） | 1.0 | 5.0 | 30.0 | 100.0 | 3000.0 |\n"
           "| 全固态电池价格（元 / Wh） | 2.5 | 2.10 | 0.90 | 0.8 | 0.7 |\n"
           "| 市场空间（亿元） | {a} | 105.0 | {c} | 800.0 | 21000.0 |\n")


def test_a_market_row_against_volume_times_price():
    # 299: 1.0 GWh × 2.5 元 / Wh = 25 亿元, not 5.0; 30 × 0.90 = 270, not 450 (×10: the units)
    assert _verdicts(_MARKET.format(a="5.0", c="450.0"), "1.0 × 2.5") == ["inconsistent"]
    assert _verdicts(_MARKET.format(a="5.0", c="450.0"), "30.0 × 0.90") == ["inconsistent"]
    assert _verdicts(_MARKET.format(a="5.0", c="450.0"), "5.0 × 2.10") == ["consistent"]
    assert _verdicts(_MARKET.format(a="25.0", c="270.0"), "1.0 × 2.5") == ["consistent"]


def test_no_product_without_most_columns_agreeing_on_one_power_of_ten():
    two_of_five = _MARKET.replace("| 800.0 | 21000.0 |", "| 600.0 | 9000.0 |")
    assert _verdicts(two_of_five.format(a="5.0", c="450.0"), "×") == []


_COSTS = ("2030 年成本预测（乐观）：高镍三元单位成本 0.60 元 /wh（占 {s}%），硅碳负极 0.65 元 /wh，固态电解质 0.68 元 /wh，"
          "碳纳米管 0.23 元 /wh，{other} 0.11 元 /wh；电芯材料成本合计 {t} 元 /wh，折旧 0.14 元 /wh，成本合计 {u} 元 /wh。")


def test_a_total_after_its_clauses_down_to_other():
    # 299: 0.60 + 0.65 + 0.68 + 0.23 + 0.11 = 2.27, not 1.45; 其他材料 names every part
    assert _verdicts(_COSTS.format(s=39, other="其他材料", t="1.45", u="1.59"), "+ 0.11 元 = 1.45") == ["inconsistent"]
    assert _verdicts(_COSTS.format(s=26, other="其他材料", t="2.27", u="2.41"), "+ 0.11 元 = 2.27") == ["consistent"]
    # the share in its part's bracket is over the total: 0.60 / 1.45 = 41.4%, not 39%
    assert _verdicts(_COSTS.format(s=39, other="其他材料", t="1.45", u="1.59"), "0.60 元 / 1.45 元") == ["inconsistent"]
    # a running total: 1.45 + 0.14 = 1.59
    assert _verdicts(_COSTS.format(s=39, other="其他材料", t="1.45", u="1.59"), "1.45 元 + 0.14 元") == ["consistent"]


def test_clauses_without_other_refute_nothing():
    assert _verdicts(_COSTS.format(s=39, other="隔膜", t="1.45", u="1.59"), "+ 0.11 元 = 1.45") == []


def test_the_seats_of_a_ranking():
    # 142: 6 + 2 × 2 + 1 = 11 seats of a TOP10
    text = "网综 TOP10 中，腾讯占据 {a} 席，芒果 TV 和爱奇艺各占 2 席，优酷占 1 席，头部平台垄断效应明显。"
    assert _verdicts(text.format(a=6), "seats of a ranking") == ["inconsistent"]
    assert _verdicts(text.format(a=5), "seats of a ranking") == ["consistent"]
    # fewer seats than the ranking may leave entries out
    assert _verdicts(text.format(a=3), "seats of a ranking") == []


def test_a_part_larger_than_its_whole():
    # 142: 7 of 5 new games
    text = "2025 年 4 月，全球预估月流水首破 3000 万元的新游共 5 款，其中中国厂商发行的游戏占 {n} 款。"
    assert _verdicts(text.format(n=7), "larger than its whole") == ["inconsistent"]
    assert _verdicts(text.format(n=3), "larger than its whole") == []


_QUARTERS = ("20年全年公司实现营业收入{y}亿元，同比增长{g}%，其中Q1/Q2/Q3/Q4分别实现营业收入7.63/17.91/25.39/32.59亿元，"
             "同比分别-35.6%/-8.5%/17.1%/37.2%，第三季度起收入明显提速。")


def test_four_quarters_of_a_slash_list_against_their_year():
    # cfb244 (check_eighteenth): 7.63 + 17.91 + 25.39 + 32.59 = 83.52; the year's growth from the
    # quarters' year-ago levels (7.63 / (1 − 35.6%) + …) is 8.67%
    assert _verdicts(_QUARTERS.format(y="83.53", g="8.7"), "four quarters Q1-Q4") == ["consistent"]
    assert _verdicts(_QUARTERS.format(y="93.53", g="8.7"), "four quarters Q1-Q4") == ["inconsistent"]
    assert _verdicts(_QUARTERS.format(y="83.53", g="8.7"), "from its quarters'") == ["consistent"]
    assert _verdicts(_QUARTERS.format(y="83.53", g="12.7"), "from its quarters'") == ["inconsistent"]


def test_a_quarter_list_of_another_metric_is_not_the_years():
    text = "20年全年公司实现营业收入83.53亿元，同比增长8.7%，Q1/Q2/Q3/Q4归母净利润分别为1.1/2.2/3.3/4.4亿元。"
    assert _verdicts(text, "four quarters") == []


def test_slash_listed_forecast_years():
    # cfb562: 20.3 / 17.2 − 1 = 18.0%, 24.8 / 20.3 − 1 = 22.2%
    text = "我们调整盈利预测，预计23/24/25年归母净利润17.2/20.3/24.8亿元，yoy+16%/+{b}%/22%，维持“买入”评级。"
    assert _verdicts(text.format(b=18), "2024 over 2023") == ["consistent"]
    assert _verdicts(text.format(b=28), "2024 over 2023") == ["inconsistent"]
    assert _verdicts(text.format(b=18), "2025 over 2024") == ["consistent"]


def test_a_sentence_of_one_short_year_does_not_take_the_span_before():
    # cfb390: "21年…营收 60.3/7.5/1.2 亿，同比 -3.2%/+29.7%/+40.1%" are three products of one year
    text = ("预计公司22-24年营收分别为50.1、60.2、70.3亿元，同比增长13%、20%、17%。"
            "产品端，21年速冻面米/速冻调理制品/冷藏及短保类营收60.3/7.5/1.2亿，同比-3.2%/+29.7%/+40.1%。")
    assert not [c for c in check_text(text) if "7.5" in c.relation and "listed by position" in c.relation]


def test_margins_paired_past_their_own_clauses_only_confirm():
    # cfb565: 31.73% is 2022's margin of a slash list, not 16.76 / 51.73 of the two quarters before it
    text = ("合并22Q4与23Q1来看，公司共实现营收51.73亿元，同比+27.38%；归母净利润16.76亿元，同比+25.82%。"
            "利润端来看，公司22年/23Q1归母净利率分别为31.73%/33.00%，分别同比+0.07pct/持平。")
    assert "inconsistent" not in _verdicts(text, "= 31.73%")
    # cfb562: the revenue written after the 23Q1 margin is 2022's of one segment
    text = ("23Q1公司实现归母净利1.8亿元，yoy-18.5%，归母净利率6.2%。"
            "分业务看，22年消费电子收入110.1亿元，yoy+17.1%。")
    assert "inconsistent" not in _verdicts(text, "= 6.2%")


def test_a_profit_named_by_its_basis_alone():
    # cfb264: "归母13.69亿元" is the 归母 profit; 13.69 / 45.30 = 30.22%
    text = "2020全年：收入45.30亿元（YOY+7.74%），归母13.69亿元（YOY+75%），扣非12.08亿元（YOY+60%）。2020年归母净利率{m}%。"
    assert _verdicts(text.format(m="30.22"), "13.69亿元 / 45.30亿元") == ["consistent"]
    assert _verdicts(text.format(m="33.22"), "13.69亿元 / 45.30亿元") == ["inconsistent"]


def test_a_company_margin_is_over_the_company_revenue_not_the_last_segment():
    # cfb244: 归母净利率 14.27% is 11.92 / 83.53, and its change is not over 木门收入 2.92 亿元
    text = ("20年全年公司实现营业收入83.53亿元，同比增长8.7%。20年全年实现归母净利润11.92亿元，同比增长10.7%。"
            "衣柜及其配套产品收入67.02亿元，同比增长1.46%；木门收入2.92亿元，同比增长55.36%。"
            "净利率维持平稳，20年归母净利率14.27%，同比+0.26pct。")
    checks = check_text(text)
    assert not [c for c in checks if "2.92亿元" in c.relation and c.verdict != "unverifiable"]
    assert [c.verdict for c in checks if c.relation.startswith("11.92亿元 / 83.53亿元")] == ["consistent"]


def test_a_share_of_capital_spending_written_without_yuan():
    # cfb366: 339 / 690 = 49.1%
    text = "2021年资本开支690亿元，其中移动网络资本开支339亿占比{s}%，截至2021年底5G基站能力达到69万站。"
    assert _verdicts(text.format(s=49), "339亿 / 690亿元") == ["consistent"]
    assert _verdicts(text.format(s=59), "339亿 / 690亿元") == ["inconsistent"]


def test_an_average_price_of_another_product_than_the_amount_only_confirms():
    # cfb233: 外加剂 revenue over 高性能减水剂 volume is no price of the reducer
    text = ("外加剂主业全年收入30.98亿，同比增长4.10%，收入增长主要依靠销量拉动，全年公司高性能减水剂销量108.88万吨，"
            "同比增长9.77%，均价2202.45元/吨，同比下降6.11%。")
    assert "inconsistent" not in _verdicts(text, "30.98亿 / 108.88万吨")


_BRANDS = ("①收入：公司2020年收入45亿元，同比{g}，其中Q1/Q2/Q3/Q4单季增速分别为-29.5%/-7.4%/+33.0%/+32.0%。"
           "下半年收入增速显著向上。分品牌看：自有品牌收入41.1亿元（YOY+49%），小米品牌收入4.2亿元（YOY-70%）。")


def test_a_breakdown_named_by_its_author_gives_the_totals_growth():
    # cfb264: 41.1 + 4.2 = 45.3 ≈ 45; last year 41.1 / 1.49 + 4.2 / 0.30 = 41.6, so +8.2% (45 ± 0.5)
    assert _verdicts(_BRANDS.format(g="+7.7%"), "the 分…看 breakdown") == ["consistent", "consistent"]
    assert "inconsistent" in _verdicts(_BRANDS.format(g="+17.7%"), "上年")


def test_a_breakdown_that_does_not_fill_the_whole_is_no_relation():
    text = _BRANDS.replace("小米品牌收入4.2亿元", "小米品牌收入1.2亿元")
    assert _verdicts(text.format(g="+17.7%"), "the 分…看 breakdown") == []


def test_a_list_of_margins_names_its_first_rate_first():
    # cfr257: 22.6% is the 毛利率, not 33.0 / 429.6 = 7.7% (the 归母净利率 after it)
    text = ("20年公司营业收入429.6亿元，同比+9.6%；归母净利润33.0亿元，同比-4.5%；基本每股收益1.0元/股，同比-5.4%；"
            "毛利率和归母净利率分别为22.6%、7.7%，较上年-5.7pct和-1.1pct。")
    assert "inconsistent" not in _verdicts(text, "= 22.6%")


def test_the_first_growth_of_a_list_is_not_the_last_levels():
    # cfr257: -3% is 1,200 over 1,236 万方 (新开工), not 650 over 507 (竣工)
    text = ("投资方面，20年新开工1,236万方、竣工507万方，分别同比+43%、-2%；"
            "21年公司计划新开工1,200万方、竣工650万方，分别同比-3%、+28%。")
    assert "inconsistent" not in [c.verdict for c in check_text(text) if "650万/507万" in c.relation]


def test_a_segments_margin_is_not_judged_on_another_segments_figures():
    # cfr050: 化纤产品's 毛利率 13.6% is no ratio of 氨纶's 毛利 and 营收
    text = ("2019H1 公司氨纶营收 11.7 亿元，同比+23.2%； 毛利 1.06 亿元，同比+0.056 亿元，毛利率 9.0%。"
            "2019H1 公司化纤产品毛利率 13.6%，同比上涨 4.2 个百分点。")
    assert _verdicts(text, "= 9.0%") == ["consistent"]
    assert "inconsistent" not in _verdicts(text, "= 13.6%")


def test_a_positive_margin_is_no_ratio_of_a_loss():
    # cfr194: the company's long-run 净利率 20% beside a subsidiary's losses
    text = ("2018年、2019年、2020年H1，三月科技分别实现营业收入534.9万元、1257.54万元、559.2万元，"
            "净利润-1474.79万元、-2109.64万元、-601.46万元。长期以来，公司毛利率40%左右，净利率20%左右。")
    assert "inconsistent" not in _verdicts(text, "= 20%")


def test_a_margin_written_as_net_profit_rate():
    # cfr546: "归母净利润率9.53%，同比-6.22pct" from 1.02 亿元 (−34.18%) over 10.71 亿元 (+8.77%)
    text = ("2022年全年：1）实现营收10.71亿元，同比+8.77%；实现归母净利润1.02亿元，同比-34.18%。"
            "2）全年毛利率29.38%，同比+1.72pct；归母净利润率{m}%，同比-6.22pct。")
    assert _verdicts(text.format(m="9.53"), "1.02亿元 / 10.71亿元") == ["consistent"]
    assert _verdicts(text.format(m="12.53"), "1.02亿元 / 10.71亿元") == ["inconsistent"]
    # a ratio to a base it names is no margin on revenue (625: 相对于可售货值的净利润率)
    assert _verdicts("两项目合计归母净利润 32 亿元，三部分合计货值 53 亿元，相对于可售货值的净利润率为 13.8%。",
                     "= 13.8%") == []


def test_a_quarter_with_its_year_glued_against_the_quarter_before():
    # cfr546: 2023Q1 营收 2.58 against 2022Q4's 2.70 is −4.44%
    text = ("2022Q4单季度：1）实现营收2.70亿元，同比+4.94%，环比-0.72%。"
            "2023Q1单季度：1）实现营收2.58亿元，同比-0.75%，环比{g}%。")
    assert _verdicts(text.format(g="-4.26"), "2.58亿元/2.70亿元") == ["consistent"]
    assert _verdicts(text.format(g="-14.26"), "2.58亿元/2.70亿元") == ["inconsistent"]


_SLASH = ("2021年公司收入/归母净利/扣非归母净利分别为27.20/6.25/5.8亿元、同比增长{g}%/25.2%/25.26%，业绩略超预期。"
          "线上/直营/加盟收入分别为1.23/19.14/6.83亿元、同比增长25%/18%/19%。2021年公司归母净利率{m}%。")


def test_measures_named_as_a_slash_list_frame_their_values():
    # cfr382: 6.25 is the 归母 profit, 27.20 the revenue (in 亿元, the unit the list ends on)
    assert _verdicts(_SLASH.format(g="18.09", m="22.96"), "6.25 亿元 / 27.20 亿元") == ["consistent"]
    assert _verdicts(_SLASH.format(g="18.09", m="32.96"), "6.25 亿元 / 27.20 亿元") == ["inconsistent"]


def test_a_slash_list_of_one_measure_that_fills_an_earlier_level_confirms_it():
    # 1.23 + 19.14 + 6.83 = 27.20; last year's 22.94 gives the 18.09% growth (confirm-only)
    assert _verdicts(_SLASH.format(g="18.09", m="22.96"), "上年") == ["consistent"]
    assert not {"consistent", "inconsistent"} & set(_verdicts(_SLASH.format(g="28.09", m="22.96"), "上年"))


def test_a_total_that_counts_its_parts():
    # cfr050: 三费 are three: 0.47 + 0.46 + 1.08 = 2.01, not 2.06; a part's change is no part
    text = ("2019H1 公司三费共 {t} 亿元，同比+30.0%。其中销售费用 0.47 亿元，同比+0.1 亿元，主要是产量增加所致；"
            "财务费用 0.46 亿元，同比+0.19 亿元，主要是利息费用化所致；管理费用 1.08 亿元，同比+0.11 亿元。")
    assert _verdicts(text.format(t="2.06"), "+ 1.08 亿元 =") == ["inconsistent"]
    assert _verdicts(text.format(t="2.01"), "+ 1.08 亿元 =") == ["consistent"]
    assert not _verdicts(text.format(t="2.06"), "+0.1 亿元 =")


def test_a_clause_opening_on_revenue_and_share_is_a_share_of_revenue():
    # cfr112: 93.61 / 2697.03 = 3.47%, not 3.72%
    text = ("2019年，公司实现营业收入2697.03亿元，同比增长8.51%；归母净利润928.67亿元，同比增长15.28%。"
            "2019年，公司信息科技投入93.61亿元，同比增长43.97%，营收占比{s}%，同比提高0.94个百分点。")
    assert _verdicts(text.format(s="3.72"), "93.61亿元 / 2697.03亿元") == ["inconsistent"]
    assert _verdicts(text.format(s="3.47"), "93.61亿元 / 2697.03亿元") == ["consistent"]
    # a segment revenue's own 营收占比 is its share of the company's revenue too (round 12: both
    # annotators of the eighteenth set read "汽车业务营收339.8亿元，…，营收占比54%" so): 3.47%, not 3.72%
    assert _verdicts(text.replace("信息科技投入", "海外营收").format(s="3.72"), "2697.03亿元 =") == ["inconsistent"]
    assert _verdicts(text.replace("信息科技投入", "海外营收").format(s="3.47"), "2697.03亿元 =") == ["consistent"]


def test_four_quarters_of_a_named_year_against_that_years_level_elsewhere():
    # cfr032: 400.25 + 519.79 + 580.45 + 499.74 = 2000.23, not 1981.23; 内销营收 is no year's total
    text = ("2018 年格力电器实现营业收入 {y} 亿元，同比增长33.61%。\n\n"
            "分地区来看， 2018 年公司内销营收为 1483.23 亿元，同比增加30.46%。\n\n"
            "分季度来看，公司 2018 年 Q1/Q2/Q3/Q4 营业收入分别为400.25/519.79/580.45/499.74 亿 ，同比增速分别为 "
            "33.29%/30.15%/38.46%/32.11%。")
    assert _verdicts(text.format(y="1981.23"), "Q1-Q4 of the year, written in another") == ["inconsistent"]
    assert _verdicts(text.format(y="2000.23"), "Q1-Q4 of the year, written in another") == ["consistent"]


def test_several_measures_listed_by_quarter_in_one_sentence():
    # cfr099: the year's revenue and 归母 in the sentence before; 、-lists; growths derived from the quarters'
    text = ("公司2019年实现营业收入21.26亿元，同比增长24.91%；归母净利润{p}亿元，同比增长15.33%。"
            "分季度看，公司19Q1/Q2/Q3/Q4单季度营业收入分别为2.78、5.07、6.02、7.39亿元，同比分别增长6.18%、33.14%、"
            "23.53%、29.17%；归母净利润分别为0.19、0.51、0.62、1.10亿元，同比分别增长2.68%、18.74%、7.50%、21.28%。")
    assert _verdicts(text.format(p="2.42"), "= 21.26亿元 (the four quarters") == ["consistent"]
    assert _verdicts(text.format(p="2.42"), "= 2.42亿元 (the four quarters") == ["consistent"]
    assert _verdicts(text.format(p="2.52"), "= 2.52亿元 (the four quarters") == ["inconsistent"]
    assert _verdicts(text.format(p="2.42"), "= 24.91% (the growth of the year") == ["consistent"]


def test_three_quarters_against_the_first_three_quarters():
    # cfr332: 2.54 + 3.25 + 2.36 = 8.15; 前三季度's growth from the quarters' year-ago levels is 121.8%
    text = ("公司发布2021年三季报：前三季度公司实现营收{t}亿元，同比增长121.76%；归母净利润3.25亿元，同比增长87.26%。"
            "分季度看，公司2021Q1、Q2、Q3分别实现营业收入2.54、3.25、2.36亿元，分别同比变化150.70%、155.28%、69.90%，"
            "Q3营收环比减少27.34%。")
    assert _verdicts(text.format(t="8.15"), "Q1-Q3 of 前三季度") == ["consistent"]
    assert _verdicts(text.format(t="9.15"), "Q1-Q3 of 前三季度") == ["inconsistent"]
    assert _verdicts(text.format(t="8.15"), "the growth of 前三季度") == ["consistent"]


def test_a_change_written_before_the_level_it_leads_to():
    # cfr551: "归母净利率同比+1.7pct至9.0%": 11.01 / 121.83 = 9.04%, last year (11.01/1.6137)/(121.83/1.3139) = 7.36%
    text = ("2022年实现营业收入121.83亿元，同比+31.39%；实现归母净利润11.01亿元，同比+61.37%。"
            "22年管理费用率同比-0.6pct至2.8%，22年归母净利率同比{c}pct至{m}%。")
    assert _verdicts(text.format(c="+1.7", m="9.0"), "上年净利率") == ["consistent"]
    assert _verdicts(text.format(c="+3.7", m="9.0"), "上年净利率") == ["inconsistent"]
    assert _verdicts(text.format(c="+1.7", m="9.0"), "11.01亿元 / 121.83亿元") == ["consistent"]
    # the profit and revenue must give the level written, or the change is not theirs
    assert _verdicts(text.format(c="+1.7", m="12.0"), "上年净利率") == []


def test_a_plain_margins_change_after_a_profit_grown_many_times_over_only_confirms():
    # cfr264 (check_twentieth's one false alarm on its first run): 2.03 / 26.7 = 7.60% fits the 净利率,
    # but last year's 归母 profit, 2.03 / 23.22, says little of last year's total-profit margin
    text = "公司21Q1实现收入26.7亿元，同比增93%，归母净利润2.03亿元，同比增2222%，毛利率55.88%，同比提升3.99pct，净利率7.61%，同比提升7.08pct。"
    assert "inconsistent" not in _verdicts(text, "上年净利率")


def test_an_eps_list_and_a_pe_list_are_one_price():
    # cfb030: 13.9 × 0.56 = 7.78 元, the price that 0.64 × 12.1 and 0.7 × 11.0 give too
    text = "考虑Ekornes的并表影响，预计2019-2021年EPS分别为0.56/0.64/0.7元，PE分别为13.9/{b}/11.0，当前估值具备吸引力。"
    assert _verdicts(text.format(b="12.1"), "one share price") == ["consistent", "consistent"]
    assert "inconsistent" in _verdicts(text.format(b="15.1"), "one share price")
    # cfb478: profits whose unit the last item carries, PEs written 18.8x
    text = "归母净利润分别为2.43、2.80、3.36亿元，同增10.9%、15.1%、20.0%，对应最新PE分别为18.8x、{b}x、13.6x，维持“买入”评级。"
    assert _verdicts(text.format(b="16.3"), "one market cap") == ["consistent", "consistent"]
    assert "inconsistent" in _verdicts(text.format(b="19.3"), "one market cap")


def test_levels_changes_and_rates_as_parallel_slash_lists():
    # cfb271: 2945 / (8755 − 2945) = 50.7% ≈ +51%; 255 / (6650 − 255) = 4.0%
    text = ("纸价方面，2021Q1白卡/双胶/瓦楞/箱板纸均价为8755/6650/4154/4987元/吨，同比提升2945/255/421/418元/吨"
            "（+{a}%/+4%/+11%/+9%），环比提升1946/1083/347/194元/吨（+29%/+19%/+9%/+4%）；产量方面。")
    assert _verdicts(text.format(a="51"), "2945 / (8755 - 2945)") == ["consistent"]
    assert _verdicts(text.format(a="41"), "2945 / (8755 - 2945)") == ["inconsistent"]
    assert _verdicts(text.format(a="51"), "1946 / (8755 - 1946)") == ["consistent"]


def test_quarters_after_a_comma_and_their_subject():
    # cfb270: "2020Q1~Q4，公司单季度营业收入分别为…" against the year's 22.61 亿元
    text = ("1)公司发布2020年报，实现营业收入{y}亿元，同比+16.36%。"
            "2020Q1~Q4，公司单季度营业收入分别为1.77/6.93/5.50/8.41亿元，同比-48.12%/+48.63%/-6.17%/+53.13%。")
    assert _verdicts(text.format(y="22.61"), "four quarters Q1-Q4") == ["consistent"]
    assert _verdicts(text.format(y="23.61"), "four quarters Q1-Q4") == ["inconsistent"]


def test_an_eps_list_before_its_profit_list_is_one_share_count():
    # cfb271: 36 / 2.70 = 13.3 亿股; 42 / 13.3 = 3.15 ≈ 3.14
    text = "我们预计，2021-2023年公司EPS分别为2.70/{b}/2.87元，归属净利润分别为36/42/38亿元，对应PE分别为6/5/6X。"
    assert _verdicts(text.format(b="3.14"), "one share count") == ["consistent", "consistent"]
    assert "inconsistent" in _verdicts(text.format(b="3.64"), "one share count")


def test_forecast_growths_past_a_bracket_written_as_tongzeng():
    # cfb478: 2.80 / 2.43 − 1 = 15.2%, past "（前次预测为2.9、3.6、4.3亿元）"; 同增 is 同比增长
    text = ("盈利预测：预计公司2022-2024年实现营收10.01、11.49、13.64亿元，归母净利润分别为2.43、2.80、3.36亿元"
            "（前次预测为2.9、3.6、4.3亿元），同增10.9%、{b}%、20.0%。")
    assert _verdicts(text.format(b="15.1"), "2023 over 2022") == ["consistent"]
    assert _verdicts(text.format(b="25.1"), "2023 over 2022") == ["inconsistent"]
    # the bracket's own list is no series of these growths
    assert not _verdicts(text.format(b="15.1"), "3.6/2.9")


def test_a_forecasts_first_growth_against_the_actual_year_written_before():
    # cfb562: 17.2 / 14.9 − 1 = 15.4% ≈ 16% (confirm-only: the year's level is found by measure and year)
    text = ("22年公司实现收入163.6亿元，yoy+9.5%。22年公司实现归母净利14.9亿元，yoy+45.5%。"
            "我们调整盈利预测，预计23/24/25年归母净利润17.2/20.3/24.8亿元，yoy+{g}%/+18%/22%，维持“买入”评级。")
    assert _verdicts(text.format(g="16"), "the year before written in another sentence") == ["consistent"]
    assert _verdicts(text.format(g="26"), "the year before written in another sentence") == ["unverifiable"]


def test_production_and_sales_pairs_of_a_whole_and_its_two_parts():
    # 473: 乘用车 229.33 + 商用车 29.78 = 汽车 259.11 (产), 228.74 + 30.60 = 259.34 (销), for July
    text = ("2025 年 7 月，汽车产销分别完成 {a} 万辆和 259.34 万辆，环比分别 - 7.27%、-10.71%。\n\n"
            "2025 年 7 月，乘用车产销分别完成 229.33 万辆和 228.74 万辆。\n\n"
            "2025 年 7 月，商用车产销分别完成 29.78 万辆和 30.60 万辆。\n\n"
            "2025 年 1-7 月，商用车产销累计分别完成 239.72 万辆和 242.77 万辆。")
    assert _verdicts(text.format(a="259.11"), "乘用车 + 商用车 = 汽车, 产") == ["consistent"]
    assert _verdicts(text.format(a="269.11"), "乘用车 + 商用车 = 汽车, 产") == ["inconsistent"]
    assert _verdicts(text.format(a="259.11"), "乘用车 + 商用车 = 汽车, 销") == ["consistent"]
    # another period's pair is no part of July's
    assert len(_verdicts(text.format(a="259.11"), "乘用车 + 商用车")) == 2


def test_an_amount_written_after_its_volume_and_price():
    # cfb062: 20835.79 吨 × 3.08 万元/吨 = 6.42 亿 ≈ 6.41; (1 − 34.33%)(1 − 23.19%) − 1 = −49.56%, not −49.60%
    text = "上半年除草剂销量20835.79吨，同比-34.33%，均价3.08万元/吨，同比-23.19%，收入6.41亿，同比{g}%。"
    assert _verdicts(text.format(g="-49.60"), "收入 = 除草剂销量 × 均价") == ["consistent", "inconsistent"]
    assert _verdicts(text.format(g="-49.56"), "收入 = 除草剂销量 × 均价") == ["consistent", "consistent"]


def test_a_list_of_shares_of_a_named_whole_paired_with_its_list_of_levels():
    # cfb186's wording: 4.55 / 82.08 = 5.54%, 2.20 / 82.08 = 2.68%, 3.54 / 82.08 = 4.31%
    text = ("前三季度公司实现营业收入82.08亿元，同比增长21.61%。其中，销售费用、管理费用、研发费用4.55、2.20、3.54亿元，"
            "同比+14.78%、+5.38%、+36.73%，占营业收入的5.55%、{b}%、4.32%。")
    assert _verdicts(text.format(b="2.68"), "营业收入, written elsewhere") == ["consistent"] * 3
    assert _verdicts(text.format(b="3.68"), "营业收入, written elsewhere")[1] == "inconsistent"


def test_a_whole_years_margin_is_not_a_quarters():
    # cfb264's wording: 全年净利率 30.23% is 13.69 / 45.30, not 4.70 / 15.51 of 单Q4 carried as its period
    text = ("2020全年：收入45.30亿元（YOY+7.74%），归母13.69亿元（YOY+75%），扣非12.08亿元（YOY+60%）。"
            "单Q4：收入15.51亿元（YOY+32%），归母4.70亿元（YOY+134%）。"
            "④净利率：公司全年净利率{m}%，同比+11.61pct，其中Q4净利率30.31%，同比+13.23pct。")
    assert _verdicts(text.format(m="30.23"), "13.69亿元 / 45.30亿元") == ["consistent"]
    assert _verdicts(text.format(m="30.23"), "13.69亿元/45.30亿元 - 上年净利率") == ["consistent"]
    assert _verdicts(text.format(m="33.23"), "13.69亿元 / 45.30亿元") == ["inconsistent"]
    assert "inconsistent" not in _verdicts(text.format(m="30.23"), "4.70亿元 / 15.51亿元 = 30.23%")


def test_the_growths_of_a_whole_from_its_two_parts_pairs():
    # 473: last July's 乘用车 229.33/1.1296 and 商用车 29.78/1.1628 give 汽车产量 +13.33%
    text = ("根据中汽协数据，2025 年 7 月，汽车产销分别完成 259.11 万辆和 259.34 万辆，环比分别 - 7.27%、-10.71%，"
            "同比分别 + {g}%、+14.66%。\n\n"
            "根据中汽协数据，2025 年 7 月，乘用车产销分别完成 229.33 万辆和 228.74 万辆，环比分别 - 6.04%、-9.79%，"
            "同比分别 + 12.96%、+14.74%。\n\n"
            "2025 年 7 月，商用车产销分别完成 29.78 万辆和 30.60 万辆，环比分别 - 15.75%、-17.06%，同比分别 + 16.28%、+14.10%。")
    assert _verdicts(text.format(g="13.33"), "汽车产同比") == ["consistent"]
    assert _verdicts(text.format(g="15.33"), "汽车产同比") == ["inconsistent"]
    assert _verdicts(text.format(g="13.33"), "汽车销环比") == ["consistent"]


def test_a_report_names_its_period():
    from macrodesk.checks.frames import period_key

    # "2020年一季报" is Q1 (its revenue is no growth over 2019's year: a false alarm of the twenty-second)
    assert period_key("2020年一季报") == (2020, "Q1")
    assert period_key("2020年中报") == (2020, "H1") and period_key("2020年三季报") == (2020, "9M")
    text = ("公司发布2019年报，期内公司实现营业收入237.61亿，同比增长19.22%。"
            "公司发布2020年一季报，期内公司实现营业收入57.01亿，同比增长12.11%。")
    assert "inconsistent" not in _verdicts(text, "57.01亿/237.61亿")


def test_a_same_period_base_belongs_to_its_own_sentence():
    # 奥飞娱乐: "（2018年同期为0.73亿元）" is the base of the 1-9 月 profit, not of 上半年's revenue
    text = ("2019年1-9月公司经营预计净利润增速为55%至85%，即1.12亿元至1.34亿元（2018年同期为0.73亿元）。"
            "2019年上半年公司营收13.6亿元，同比减少2.52%。")
    assert not _verdicts(text, "13.6亿元/0.73亿元")


def test_a_pe_column_of_repeated_placeholders_is_not_read_as_pes():
    # 336: "5.14" and "7.33" three times each down FY25E PE: the rows' PEs do not refute one another
    rows = [("百济神州", "0.043", "0.540", "36.4", "451.5"), ("康方生物", "0.472", "1.977", "5.14", "219.1"),
            ("科伦博泰", "-2.312", "0.290", "7.33", "6.4"), ("和黄医药", "0.529", "0.145", "5.14", "16.9"),
            ("荣昌生物", "-1.509", "0.174", "7.33", "6.2"), ("金斯瑞", "0.113", "-0.493", "5.14", "NA"),
            ("云顶新耀", "-0.824", "0.085", "7.33", "19.6")]
    table = ("| 公司名称 | FY25E EPS | FY26E EPS | FY25E PE（倍） | FY26E PE（倍） |\n| --- | --- | --- | --- | --- |\n"
             + "".join(f"| {' | '.join(r)} |\n" for r in rows))
    assert "inconsistent" not in [c.verdict for c in check_text("# 估值\n\n" + table)]
