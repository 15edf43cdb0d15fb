"""Round 32: the families the fifty-fourth and fifty-fifth blind sets missed (a growth whose base
year is written elsewhere, quarters read from halves in more measures, bracketed range ends, a
breakdown over a ；-chain, a CAGR written before its pair) and the false alarms of the fifty-fifth's
first run (a post-issue share count, a loss's growth, an adjusted profit, a growth read twice)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- prior_levels: the base year elsewhere

def test_a_growth_whose_base_year_is_written_further_on_is_confirmed():
    text = ("2020年度业绩报告显示，公司去年实现营收4317.86亿元，同比增长{g}%；实现归母净利润174.31亿元，同比减少6.32%。"
            "\n\n回顾历史，2019年营收录得4087亿，2020年为4318亿，增长幅度为5.7%。")
    assert _stated(text.format(g="5.65"), "5.65%", "4087亿") == [("consistent", False)]
    # a misfit is not shown: the growth keeps its own unverifiable check
    assert _stated(text.format(g="7.65"), "7.65%", "4087亿") == []


def test_a_span_list_ending_on_a_half_year_dates_each_year_by_place():
    text = ("2017年至2020年上半年，复旦微归属于母公司所有者的净利润分别为2.13亿元、1.05亿元、-1.63亿元和6,051.24万元，"
            "扣除非经常性损益后归属于母公司所有者的净利润分别为1.54亿元、1,566.65万元、-2.55亿元和2,097.91万元。"
            "\n\n2018年度，公司归属于母公司所有者的净利润较2017年度下降{g}%，相对低于同行业可比公司均值。")
    assert _stated(text.format(g="50.77"), "50.77%", "2.13亿元") == [("consistent", False)]
    assert _stated(text.format(g="40.77"), "40.77%", "2.13亿元") == []


# ---------------------------------------------------------------- last_year: rates named by a noun, losses

def test_a_growth_named_by_its_rate_after_two_dated_levels():
    assert _stated("2019年营收录得4087亿，2020年为4318亿，增长幅度为5.7%。", "5.7%") == [("consistent", True)]
    assert _stated("2019年营收录得4087亿，2020年为3918亿，降幅为4.3%。", "4.3%") == [("inconsistent", True)]


def test_the_rate_of_a_change_is_not_read_as_a_level_growth():
    text = ("2024 年纯碱表观消费量达 3596 万吨，光伏玻璃占比 21%（752 万吨），超越日用玻璃（12%，431 万吨）成为第二大需求领域。"
            "2020-2024 年，日用玻璃需求相对平稳，2024 年纯碱表观消费量较 2023 年增加 695 万吨，增幅 27%。")
    assert ("inconsistent", True) not in _stated(text, "27%")


def test_a_loss_grows_by_its_size_whichever_way_it_is_written():
    text = "2022年上半年，安凯客车实现营业收入为6.03亿元，同比下滑15.87%；亏损9443.52万元，同比下滑{g}%，上年同期亏损6518.43万元。"
    assert _stated(text.format(g="44.87"), "44.87%", "losses") == [("consistent", True)]
    assert _stated(text.format(g="41.87"), "41.87%", "losses") == [("inconsistent", True)]


# ---------------------------------------------------------------- false alarms of the fifty-fifth

def test_a_share_of_the_count_before_an_issue_is_not_read_against_the_count_after():
    text = ("截至招股说明书签署日，周孝伟直接持有公司5850.30万股股份，占公司总股本的44.15%。周孝伟之配偶罗素玲直接持有公司1253.75万股股份，"
            "占公司总股本的9.46%。天元集团本次拟公开发行股份不超过4420万股，占发行后总股本比例不低于25%。发行后总股本1.77亿股。")
    assert [v for v, _ in _stated(text, "44.15%")] == ["unverifiable"]
    assert [v for v, _ in _stated(text, "9.46%")] == ["unverifiable"]


def test_a_growth_after_a_margin_is_not_also_the_profit_growth_the_margin_change_is_read_from():
    text = "2021Q2，公司营业收入314亿元，同比增长20%；Non-GAAP净利润54亿元，净利率17%，同比增长5.6%，高于彭博预期的45亿元。"
    assert [v for v, _ in _stated(text, "5.6%")] == ["unverifiable"]


def test_a_margin_is_not_read_over_a_profit_adjusted_in_its_sentence():
    text = ("公司前三季度实现营业收入20.30亿(+36.41%)，归母净利润3.61亿(+50.92%)，扣非净利润3.53亿(+60.61%)。"
            "剔除制剂+CGT业务影响，归母净利润4.30亿元(+62%)。盈利能力稳步提升。公司前三季度毛利率43.71%，同比增加2.16pct；"
            "归母净利率{m}%，同比增长1.02pct。")
    assert not any("4.30亿元" in c.relation for c in check_text(text.format(m="17.78")))
    assert _stated(text.format(m="17.78"), "17.78%", "3.61亿") == [("consistent", True)]


# ---------------------------------------------------------------- quarters: more measures, no bounds

def test_a_second_quarter_growth_from_the_half_in_more_measures():
    text = "公司公布2022半年报，上半年收入504亿元，同比+44%，净利64.8亿元，同比+30%，其中Q2净利润38亿元，环比+{g}%，符合预期。"
    assert _stated(text.format(g="43"), "+43%") == [("consistent", True)]
    text = "公司上半年组件外销17.7GW，其中Q2外销11.4GW(QoQ+{g}%)；上半年硅片出货39.6GW，其中Q2出货21.3GW(QoQ+16%)。"
    assert _stated(text.format(g="79"), "+79%") == [("consistent", True)]
    assert _stated(text.format(g="70"), "+70%") == [("inconsistent", True)]


def test_a_quarter_from_bounds_or_per_unit_levels_is_not_derived():
    text = "我们预计上半年公司电镀金刚石线出货超3900万公里，Q2出货超2200万公里，环比提升约50%，带动营收及业绩高增。"
    assert [v for v, _ in _stated(text, "50%")] == ["unverifiable"]
    text = "粗略测算全年公司吨净利约650元/吨，同比下滑约10%，其中Q4单季度吨净利约420元/吨，环比、同比分别下降约15%、50%。"
    assert not any(v == "inconsistent" for v, _ in _stated(text, "15%"))


def test_a_quarter_written_in_digits_or_a_fiscal_year_is_a_date():
    assert [f.kind.value for f in extract_figures("其中，2季度实现营业收入469.80亿元")] == ["date", "money"]
    assert [f.kind.value for f in extract_figures("比21财年的210.3亿美元")] == ["date", "money"]
    # nine months and a count of quarters are not one quarter
    assert "date" not in [f.kind.value for f in extract_figures("公司前3季度毛利率20.15%")][:1]
    assert [f.text for f in extract_figures("连续3季度增长") if f.kind.value == "date"] == []
    text = ("公司发布2020年半年度报告，报告期内公司实现营业收入约831.42亿元，同比增长23.73%。其中，2季度实现营业收入469.80亿元，同比增长23.13%，"
            "环比增长{g}%。")
    assert _stated(text.format(g="29.92"), "29.92%") == [("consistent", True)]


# ---------------------------------------------------------------- range ends each with a growth

def test_the_ends_of_a_range_each_with_its_bracketed_growth_share_one_base():
    text = "2019年上半年归属于上市公司股东净利润为8000.00万（+72.62%）至9000.00万（+{g}%），业绩高增长预期得到验证。"
    assert _stated(text.format(g="94.19"), "+94.19%", "both ends") == [("consistent", True)]
    assert _stated(text.format(g="97.19"), "+97.19%", "both ends") == [("inconsistent", True)]


# ---------------------------------------------------------------- bins over a ；-chain

def test_shares_of_a_breakdown_over_a_chain_of_clauses_whose_shares_add_to_100():
    text = ("经营业务方面，公司电子商务业务销售额14.88亿元，占比{a}%，同比增加33.27%；加盟批发销售额6.06亿元，占比21.59%，同比增加26.03%；"
            "直营零售业务销售额4.66亿元，占比16.63%，同比增加28.50%；加盟辅助管理销售额1.22亿元，占比4.33%，同比增加18.53%；"
            "团购业务销售额0.93亿元，占比3.30%，同比增加244.60%；一般特许经营业务销售额0.32亿元，占比1.12%，同比增加13.91%。")
    assert _stated(text.format(a="53.03"), "53.03%", "the parts are the whole") == [("consistent", True)]
    # a share that breaks the 100% is no whole breakdown: nothing is judged
    assert _stated(text.format(a="55.03"), "55.03%", "the parts are the whole") == []


# ---------------------------------------------------------------- a CAGR before its pair

def test_a_cagr_written_before_the_levels_it_joins():
    text = "其服装出口以{g}%的年复合年增长率增长，从2000年的48亿美元增长到2021年的338亿美元，未来可能会以更大的规模扩张。"
    assert _stated(text.format(g="13"), "13%") == [("inconsistent", True)]
    assert _stated(text.format(g="9.7"), "9.7%") == [("consistent", True)]


# ---------------------------------------------------------------- 其中 parts as bare numbers of a 分别-list

def test_the_bare_numbers_of_a_list_take_the_unit_of_its_last_item_as_parts():
    text = "2020H1公司经销商净增加{t}家，已超过去年全年增量，其中东部、南部、中西部、北部分别净增38、17、43、105家。"
    assert [v for v, _ in _stated(text.format(t="203"), "203家", "38 家 + 17 家")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(t="213"), "213家", "38 家 + 17 家")] == ["unverifiable"]


# ---------------------------------------------------------------- fx_conversions

def test_an_amount_converted_at_its_written_exchange_rate():
    text = ("公司近日与 LG 签订湿法隔膜《购销合同》，总额 6.17 亿美元， 按照 6.7 的汇率折算（4 月 4 日汇率）合同金额为 {b} 亿人民币，"
            "对应 10 亿平以上动力湿法隔膜供应量。")
    assert _stated(text.format(b="41.34"), "41.34 亿人民币", "exchange rate") == [("consistent", True)]
    assert _stated(text.format(b="43.34"), "43.34 亿人民币", "exchange rate") == [("inconsistent", True)]


# ---------------------------------------------------------------- stake_sums

def test_direct_and_indirect_stakes_add_up_to_the_total_held():
    text = ("截至招股说明书签署日，周孝伟直接持有公司5850.30万股股份，占公司总股本的44.15%，并通过天祺投资控制公司3.77%的股权，"
            "周孝伟直接和间接合计控制公司{t}%的股权，为公司控股股东。周孝伟之配偶罗素玲直接持有公司1253.75万股股份，占公司总股本的9.46%。"
            "周孝伟与罗素玲夫妇直接和间接合计控制公司57.38%的股权，为公司实际控制人。")
    assert _stated(text.format(t="47.92"), "47.92%", "stakes") == [("consistent", True)]
    assert _stated(text.format(t="47.92"), "57.38%", "stakes") == [("consistent", False)]
    assert _stated(text.format(t="48.92"), "48.92%", "stakes") == [("inconsistent", True)]


# ---------------------------------------------------------------- an adverb before the verb

def test_a_growth_over_a_base_written_after_较_with_an_adverb_before_its_verb():
    text = "据FAO发布的数据，2021年，全球大豆产量约为3.73亿吨，较2020年的3.64亿吨还是增长了{g}%。"
    assert _stated(text.format(g="2.4"), "2.4%") == [("consistent", True)]
    assert _stated(text.format(g="3.4"), "3.4%") == [("inconsistent", True)]


def test_a_quarter_growth_written_before_the_level_it_reached():
    text = "2020H1，公司聚氨酯产品销量124.23万吨，同比-5.9%，但Q2销量环比+{g}%至64.13万吨。"
    assert _stated(text.format(g="6.7"), "+6.7%", "H1 - ") == [("consistent", True)]
    assert _stated(text.format(g="9.7"), "+9.7%", "H1 - ") == [("inconsistent", True)]


# ---------------------------------------------------------------- the fifty-sixth's first run

def test_a_base_in_yuan_beside_a_level_in_yi_is_a_unit_slip_not_a_change():
    text = "全天两市成交10802亿元，比上一个交易日的10108元增加了694亿元，量能在连续两天萎缩的基础上有所放大。"
    assert not any(v == "inconsistent" for v, _ in _stated(text, "694亿元"))


def test_a_plain_net_margin_a_hair_above_its_parent_ratio_is_on_total_profit():
    text = ("公司公告2019年三季报，前三季度营业收入148.24亿元，同增16.62%；归母净利38.35亿元，同增22.48%；净利率{m}%，"
            "同比提升1.24pct。单三季度营收46.64亿元，同增16.83%；归母净利10.85亿元，同增22.88%；净利率23.28%，同比提升1.14pct。")
    # 38.35 / 148.24 is 25.866-25.875%: 25.88% is a hair above it, which minorities explain (no refutation)
    assert [v for v, _ in _stated(text.format(m="25.88"), "25.88%", "148.24")] == ["unverifiable"]
    assert _stated(text.format(m="26.88"), "26.88%", "148.24") == [("inconsistent", True)]


def test_each_comparison_of_a_chain_is_of_the_level_that_opens_it():
    text = ("10月29日，鸡蛋批发平均价为11.25元/公斤，比上上周同期(10月22日)的9.80元/公斤上涨了14.80%，比上月同期(9月29日)的"
            "9.32元/公斤上涨{g}%，比去年同期的6.95元/公斤上涨61.87%。")
    assert _stated(text.format(g="20.71"), "14.80%") == [("consistent", True)]
    assert _stated(text.format(g="20.71"), "20.71%") == [("consistent", True)]
    assert _stated(text.format(g="22.71"), "22.71%") == [("inconsistent", True)]
    assert _stated(text.format(g="20.71"), "61.87%") == [("consistent", True)]


def test_a_block_trade_and_a_buyback_of_an_approximate_count():
    text = "第1笔成交价格为3.73元，成交385.00万股，成交金额{a}万元，溢价率为-3.12%。"
    assert _stated(text.format(a="1,436.05"), "1,436.05万元") == [("consistent", True)]
    assert _stated(text.format(a="1,536.05"), "1,536.05万元") == [("inconsistent", True)]
    text = "公司实际回购股份约1166万股，占当前总股本的0.52%，回购均价25.71元/股，使用资金总额约{a}亿元。"
    assert _stated(text.format(a="3.00"), "3.00亿元") == [("consistent", False)]
    assert [v for v, _ in _stated(text.format(a="3.50"), "3.50亿元")] == ["unverifiable"]


def test_bare_yi_parts_after_qizhong_in_the_money_of_their_total():
    text = ("公司2021年收入{t}亿元，同比增长29.48%，其中21Q1-4收入及增速分别为10.72亿（+78.05%）、8.90亿（+68.81%）、"
            "8.56亿（+29.37%）、15.06亿（-2.76%）。")
    assert [v for v, _ in _stated(text.format(t="43.24"), "43.24亿元", "10.72亿")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(t="45.24"), "45.24亿元", "10.72亿")] == ["unverifiable"]


def test_bare_parts_in_a_bracket_that_names_them():
    text = "2021年完成建设并投入使用厂房及配设施总计{t}万平方米（包括江苏二期3.4+惠州一期4.7），此外还有四川宜宾5万平方米的计划。"
    assert _stated(text.format(t="8.1"), "8.1万平方米") == [("consistent", True)]
    assert _stated(text.format(t="9.1"), "9.1万平方米") == [("inconsistent", True)]


def test_expense_ratios_written_费率():
    text = ("期间费率5.54%，同比{c}pct，成本管控效果显现，分项看，管理费率、研发费率、销售费率、财务费率同比各-0.35pct、"
            "+0.12pct、-0.07pct、-1.89pct。")
    assert _stated(text.format(c="-2.19"), "-2.19pct", "期间费用率的变动") == [("consistent", True)]
    assert ("inconsistent", True) in _stated(text.format(c="-2.49"), "-2.49pct", "期间费用率的变动")


def test_cents_per_pound_and_a_bare_level_a_price_moved_from():
    text = "纽糖从9.21的最低点回升至13.5美分/磅区间，涨幅达{g}%。"
    assert _stated(text.format(g="43"), "43%") == [("inconsistent", True)]
    assert _stated(text.format(g="46.6"), "46.6%") == [("consistent", True)]
    assert [f.unit for f in extract_figures("本周乙烷市场均价为 29.9 美分 / 加仑")] == ["美分/加仑"]


def test_the_rate_of_a_years_net_addition_over_the_level_the_year_opened_on():
    text = "2021年年底员工人数为3517人，全年新增1615人，比上年末增{g}%，主要为研发设计及生产调试人员。"
    assert _stated(text.format(g="84.91"), "84.91%") == [("consistent", True)]
    assert _stated(text.format(g="80.91"), "80.91%") == [("inconsistent", True)]
