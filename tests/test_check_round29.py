"""Round 29 (from the fiftieth blind set, fresh CFBenchmark excerpts): rates written 同增/同降 are no
shares a 合计占比 adds up; a 其中-list's whole is not a figure of an aside closed before 其中, and a
bracket right after a part holds that part's own parts."""

from __future__ import annotations

from tests.checked import found_relations


def test_growths_written_tong_zeng_are_no_parts_of_a_total_share():
    # cfp121: 0.69% + 4.00% was read as the parts of 74.15%
    text = "2020年，油烟机、燃气灶收入为41/19亿元，同增0.69%/4.00%，合计占比74.15%。"
    assert not [r for v, r in found_relations(text) if "0.69% + 4.00%" in r]
    # shares listed the same way still add up
    shares = "2020年，油烟机、燃气灶收入占比分别为52.10%/22.05%，合计占比74.15%。"
    assert ("consistent", "52.10% + 22.05% = 74.15%") in found_relations(shares)


_STORES = ("20H1新开店250家，净开店{net}家（19H1新开店234家，净开店69家），其中，经济型-87家，中高端+61家"
           "（和颐-5家、如家精选8家、如家商旅54家），云酒店24家，其他{rest}家。")


def test_a_breakdown_after_an_aside_is_of_the_figure_before_the_aside():
    # cfg324: the whole was 69家 (last year's, in the closed bracket) and 和颐…如家商旅 were added to
    # the tiers they break down
    got = found_relations(_STORES.format(net="8", rest="10"))
    assert ("consistent", "-87家 +61家 + 24家 + 10家 = 8家") in got
    assert not [r for _, r in got if "69家" in r or "54家" in r]
    # the tiers written against another net figure: an error, on the right whole
    got = dict((r, v) for v, r in found_relations(_STORES.format(net="6", rest="10")))
    assert got["-87家 +61家 + 24家 + 10家 = 6家"] == "inconsistent"


def test_a_bracket_of_parts_after_a_part_is_no_addend():
    # cfb566: 海风 0.3GW is part of 风电 1.65GW
    text = "2022年公司新增装机3.52GW，其中风电新增1.65GW（海风0.3GW），光伏1.87GW。"
    assert ("consistent", "1.65GW + 1.87GW = 3.52GW") in found_relations(text)
    # a bracket after a name or after a share holds the part itself (264, 146)
    named = "5 家整机商分获 9 个标段，总金额 58.67 亿元。其中远景能源（12.74 亿元）、中车株洲所（14.89 亿元）、金风科技（31.04 亿元）。"
    assert ("consistent", "12.74 亿元 + 14.89 亿元 + 31.04 亿元 = 58.67 亿元") in found_relations(named)
    shared = "2024 年全球白银供给总量约 3.16 万吨。其中矿产银占比 80.8%（2.55 万吨），再生银占比 19.1%（0.60 万吨）。"
    assert ("consistent", "2.55 万吨 + 0.60 万吨 = 3.16 万吨") in found_relations(shared)


_BANK = ("2020 年上海银行总资产同比增长 10.06%，贷款余额同比增长 12.92%，增速较总资产增速快 2.86pct，"
         "占总资产的 44.60%，较去年末提高 {d}pct。其中活期存款同比增长 17.37%，占总存款比重提高 2.78pct 至 40.83%。"
         "存款余额同比增长 9.37%。")


def test_a_share_change_from_the_growths_of_its_part_and_whole():
    # cfg422: 44.60% × (1 − 1.1006 / 1.1292) = 1.13 points; 40.83% × (1 − 1.0937 / 1.1737) = 2.78 (the whole's
    # growth may come later in the text: 存款余额 names 总存款)
    got = found_relations(_BANK.format(d="1.13"))
    assert ("consistent", "44.60% - 上年占比 43.47% (= 44.60% × (1 + 10.06%) / (1 + 12.92%)) = 1.13pct") in got
    assert not [r for v, r in got if "2.78pct" in r and v == "consistent"]  # its whole's growth comes after it
    early = _BANK.replace("其中活期存款", "存款余额同比增长 9.37%，其中活期存款")
    assert ("consistent", "40.83% - 上年占比 38.05% (= 40.83% × (1 + 9.37%) / (1 + 17.37%)) = 2.78pct") \
        in found_relations(early)


def test_a_share_change_from_growths_only_confirms():
    # the whole is found by its name and the growths may be of other bases: a misfit proves nothing
    assert not [r for v, r in found_relations(_BANK.format(d="2.13")) if v == "inconsistent"]
    assert not [r for v, r in found_relations(_BANK.format(d="2.13")) if "上年占比" in r]
    # a growth of another measure is no growth of the whole ("公司贷款" does not name 总贷款)
    other = "公司贷款余额同比增长 12.92%。零售贷款同比增长 8.44%，占总贷款的 31.78%，占比较去年末减少 1.31pct。"
    assert not [r for _, r in found_relations(other) if "上年占比" in r]


def test_levels_listed_under_a_span_of_years_take_their_years_by_position():
    # cfc125: "2018-2019年…分别为 11.84亿元、16.89亿元" are 2018's and 2019's; 2020's growth is over 16.89
    text = ("2018-2019年，山西证券母公司收入分别为11.84亿元、16.89亿元。2020年，山西证券母公司实现收入23.33亿元，"
            "同比上涨{g}%。")
    assert ("consistent", "(23.33亿元/16.89亿元 - 1) = 38.11%") in found_relations(text.format(g="38.11"))
    # (the span was read as one year, 2019, and its first level taken for 2019's: a false alarm)
    assert not [r for v, r in found_relations(text.format(g="38.11")) if "11.84" in r]
    assert ("inconsistent", "(23.33亿元/16.89亿元 - 1) = 48.11%") in found_relations(text.format(g="48.11"))


def test_growths_listed_after_a_span_list_are_the_lists_own():
    # 633: "2025-2027 年收入分别为 33、44、57 亿元，同比增长 38%、33%、29%": 38% is 2025's, not 57 over 44
    text = "盈利预测：预计 2025-2027 年收入分别为 33 亿元、44 亿元、57 亿元，同比增长 38%、33%、29%；"
    got = found_relations(text)
    assert not [r for v, r in got if r.startswith("(57 亿元/44 亿元 - 1) = 38%")]
    assert ("consistent", "(57 亿元/44 亿元 - 1) = 29% (2027 over 2026, listed by position)") in got


_DRUGS = ("2020年，我国三大终端六大市场药品销售额达16437亿元，其中，公立医院药品销售额10512亿元，同比下降12%；"
          "公立基层医疗机构药品销售额1595亿元，同比下降11.8%；零售药店终端药品销售额{c}亿元，同比增长3.2%。")


def test_parts_run_on_over_a_chain_of_semicolons():
    # cfs012: the third part stands two ；-clauses after 其中
    assert ("consistent", "10512亿元 + 1595亿元 + 4330亿元 = 16437亿元") in found_relations(_DRUGS.format(c="4330"))
    # short of the total, the parts prove nothing (其中-parts need not exhaust it)
    assert not [r for v, r in found_relations(_DRUGS.format(c="3330")) if v == "inconsistent"]
    # the chain ends at its 。: a level after it is no part
    after = _DRUGS.format(c="3330") + "医药电商销售额1000亿元。"
    assert not [r for _, r in found_relations(after) if "1000亿元" in r]


def test_an_expense_ratio_qualified_by_a_bracket_with_a_comma():
    # cfg537: "管理费用（含研发费用，可比口径）率" is 管理 with 研发 in it; the bracket's comma ends no clause
    text = ("期间费用方面，2021公司期间费用率合计为4.55%，同比提升0.75pct。其中，销售费用率为0.16%，同比下降0.02pct，"
            "管理费用（含研发费用，可比口径）率为3.22%，同比提升0.58pct，财务费用率为1.16%，同比提升{f}pct。")
    got = found_relations(text.format(f="0.18"))
    assert ("consistent", "0.16% + 3.22% + 1.16% = 4.55% (期间费用率: 销售、管理、财务（管理含研发）; %)") in got
    assert ("consistent", "(-0.02) + (+0.58) + (+0.18) = 0.75pct (期间费用率的变动: 销售、管理、财务（管理含研发）; "
            "个百分点)") in got
    # the parts' changes written off by 0.3 points: an error
    got = dict((r, v) for v, r in found_relations(text.format(f="0.48")))
    assert got["(-0.02) + (+0.58) + (+0.48) = 0.75pct (期间费用率的变动: 销售、管理、财务（管理含研发）; 个百分点)"] \
        == "inconsistent"


def test_ternary_is_no_amount_of_money():
    # cfg482: "三元圆柱电池" read as 3 元 closed a sum "8.54亿元 + 18亿元 = 三元"
    text = "2021H1消费电池业务实现收入26.7亿元，同比+47.0%，主要系锂原电池、三元圆柱电池等市场份额稳定。"
    assert not [r for _, r in found_relations(text) if "三元" in r]
    from macrodesk.figures import extract_figures
    assert [f.text for f in extract_figures("三元材料价格上涨，每股派发现金三元，")] == ["三元"]


def test_a_margin_that_names_no_segment_is_not_over_a_segments_revenue():
    # cfg581: "海外方面：21年营收达33.6亿元" is the overseas revenue; the company's net margin 24% is over 58.4
    text = ("21年公司实现营业总收入58.4亿元，同比+28.8%，归母净利润14亿元，同比+2.4%。\n\n"
            "海外方面：21年营收达33.6亿元，占比达57.6%，同比+80%。公司全年归母净利润14亿元，同比增长2.4%。"
            "公司全年净利率为{m}%，同比-6.2pct。")
    got = found_relations(text.format(m="24"))
    assert not [r for _, r in got if "/ 33.6亿元" in r or "/33.6亿元" in r]
    assert ("consistent", "14亿元 / 58.4亿元 = 24%") in got


def test_a_points_change_after_a_growth_is_not_paired_with_the_level_before():
    # cfp024: "PPI同比上涨-0.4%，增速环比上升1.10个百分点" was read as CPI's 0.2% against ISM's 57.50%
    text = ("2020年11月，美国供应管理协会（ISM）制造业指数下降1.80个百分点，至57.50%。"
            "2020年12月国内CPI同比转负为正，至0.2%，2020年11月PPI同比上涨-0.4%，增速环比上升1.10个百分点。")
    assert not [r for _, r in found_relations(text) if "57.50%" in r and "1.10" in r]


def test_a_quarter_whose_sentence_names_no_entity_only_confirms_against_a_segments_half():
    # cfe239: the segment named a sentence earlier is carried to "Q2实现营业收入" (the company's)
    text = ("金禾实业发布2020H1财务报告，公司实现营业收入18.29亿元，同比下降7.53%。精细化工板块营业收入为10.48亿元，"
            "占比57.30%。从Q2经营情况来看，Q2实现营业收入为9.72亿元，同比下滑9.15%，环比增长13.30%。")
    assert not [r for v, r in found_relations(text) if v == "inconsistent"]
    # within one item split at its ；, the entity named at its start is certain ("**赤峰黄金**：…；25Q2 营收…")
    item = ("- **赤峰黄金**：2025H1 营收 45.27 亿元（+25.64%）；25Q2 营收 28.65 亿元（+22.31%、环比 + 19.01%）。")
    got = dict((r, v) for v, r in found_relations(item))
    assert got["28.65 亿元 / (45.27 亿元 - 28.65 亿元) - 1 = + 19.01% (2025Q1 = 2025H1 - 2025Q2, unstated)"] \
        == "inconsistent"


def test_a_span_of_years_written_with_a_horizontal_bar():
    # cft424: "2019―2022年" (U+2015) spans the years as "2019-2022年" does
    text = ("2019―2022年，深信服云计算及IT基础设施业务收入分别为12.15亿元、15.91亿元、23.79亿元、28.59亿元，"
            "同比分别增长40.12%、31.02%、49.53%、{g}%。")
    assert ("consistent", "(28.59亿元/23.79亿元 - 1) = 20.17% (2022 over 2021, listed by position)") \
        in found_relations(text.format(g="20.17"))
    assert ("inconsistent", "(28.59亿元/23.79亿元 - 1) = 25.17% (2022 over 2021, listed by position)") \
        in found_relations(text.format(g="25.17"))
