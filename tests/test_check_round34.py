"""Round 34: the families the fifty-ninth and sixtieth blind sets missed, and a market value against
the price and the share count written with it."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- market_caps: price × shares

def test_a_market_value_is_the_price_times_the_share_count():
    text = ("QS于2020年11月底在美国上市，其股价一度升至132.73美元/股，由于其总股本为36656.63万股，"
            "由此可知其总市值一度达到了{v}亿美元（约3145亿元人民币）。")
    assert _stated(text.format(v="486.54"), "486.54亿美元", "×") == [("consistent", True)]
    assert _stated(text.format(v="468.54"), "468.54亿美元", "×") == [("inconsistent", True)]
    text = "以当前股价12.5元计算，公司总股本3.2亿股，对应市值{v}亿元。"
    assert _stated(text.format(v="40"), "40亿元", "×") == [("consistent", True)]
    assert _stated(text.format(v="45"), "45亿元", "×") == [("inconsistent", True)]


def test_a_market_value_in_another_currency_or_of_part_of_the_shares_is_not_judged():
    # the value in yuan of a price in dollars needs a rate the sentence does not give
    assert _stated("股价升至132.73美元/股，总股本为36656.63万股，总市值约3145亿元。", "3145亿元", "×") == []
    # 流通市值 is the price times the tradable shares, not the total count
    assert _stated("股价12.5元，总股本3.2亿股，流通市值20亿元。", "20亿元", "×") == []
    # two prices: which one the value is at is a guess
    assert _stated("发行价10元，现股价12.5元，总股本3.2亿股，对应市值40亿元。", "40亿元", "×") == []


# ---------------------------------------------------------------- uncounted: two shares adding up to 100%

def test_two_shares_adding_up_to_100_are_of_their_parts_not_the_company_revenue():
    text = ("2019Q1-Q3公司实现营收18.85亿元，同比+8.57%。分渠道来看：2019Q1-Q3，①线下渠道收入15.67亿元，同比+3.3%，收入占比为{x}%；"
            "②线上渠道收入8,163万元，同比+19.2%，占主营业务比重达{y}%。")
    # 15.67 / (15.67 + 0.8163) = 95.05%, though 15.67 / 18.85 = 83.1%
    assert _stated(text.format(x="95", y="5"), "95%") == [("consistent", False)]
    # with no share to pair it with, the company's revenue is the whole and refutes
    alone = "2019Q1-Q3公司实现营收18.85亿元，同比+8.57%。线下渠道收入15.67亿元，同比+3.3%，收入占比为95%。"
    assert _stated(alone, "95%") == [("inconsistent", True)]


# ---------------------------------------------------------------- named_wholes: 总X of a bare X

def test_a_share_of_a_total_named_with_zong_is_of_the_bare_level():
    text = ("截至2023年6月21日收盘，宝馨科技报收于9.68元，换手率6.44%，成交额3.4亿元。"
            "当日主力资金净流入1.87亿元，占总成交额{x}%；游资资金净流出8575.72万元，占总成交额25.19%。")
    assert _stated(text.format(x="54.98"), "54.98%", "总成交额") == [("consistent", False)]
    # a whole read as the total by its name alone confirms, and a misfit proves nothing
    assert [v for v, _ in _stated(text.format(x="59.98"), "59.98%", "总成交额")] == ["unverifiable"]


# ---------------------------------------------------------------- net_flows: 净偿还

def test_a_net_repayment_is_the_repayment_less_the_buying():
    text = "融资方面，当日融资买入878.45万元，融资偿还1297.3万元，融资净偿还{n}万元。"
    assert _stated(text.format(n="418.84"), "418.84万元") == [("consistent", True)]
    assert _stated(text.format(n="428.84"), "428.84万元") == [("inconsistent", True)]


def test_zeros_make_no_sum():
    text = "融券方面，融券卖出0股，融券偿还0股，融券余量0股，融券余额0元。"
    assert [c for c in check_text(text) if c.kind == "sum" and c.verdict == "consistent"] == []


# ---------------------------------------------------------------- margin_trading: a day's change and the total

def test_a_margin_balance_change_is_the_day_net_buying():
    text = ("通达股份融资融券信息显示，2023年4月28日融资净偿还418.84万元；融资余额1.47亿元，较前一日下降{r}%。\n\n"
            "融资方面，当日融资买入878.45万元，融资偿还1297.3万元，融资净偿还418.84万元。融券方面，融券余量58.37万股，"
            "融券余额{w}万元。融资融券余额合计{t}亿元。")
    got = check_text(text.format(r="2.76", w="707.42", t="1.54"))
    assert [(c.verdict, c.derived) for c in got if c.stated == "2.76%"] == [("consistent", True)]
    assert [c.verdict for c in got if c.stated == "1.54亿元"] == ["consistent"]
    got = check_text(text.format(r="3.76", w="707.42", t="1.64"))
    assert [c.verdict for c in got if c.stated == "3.76%"] == ["inconsistent"]
    assert [c.verdict for c in got if c.stated == "1.64亿元"] == ["inconsistent"]
    # a rise with net buying
    up = "天壕环境2023年5月5日融资净买入134.58万元；融资余额1.2亿元，较前一日增加{r}%。"
    assert _stated(up.format(r="1.13"), "1.13%") == [("consistent", True)]
    assert _stated(up.format(r="2.13"), "2.13%") == [("inconsistent", True)]


# ---------------------------------------------------------------- net_splits: a net split by channel

def test_a_net_store_change_is_the_sum_of_its_channels():
    text = "主品牌营收7.41亿元，较2018年末净关店{t}家（直营店净开6家，分销店净关11家），目前店铺总数307家。"
    assert _stated(text.format(t="5"), "5家") == [("consistent", True)]
    assert _stated(text.format(t="4"), "4家") == [("inconsistent", True)]
    text = "线下上半年相较于 2024 年末净开 {t} 家（直营渠道净闭 3 家、加盟渠道净开 5 家）。"
    assert _stated(text.format(t="2"), "2 家") == [("consistent", True)]
    # one channel only: nothing says the bracket is all of it
    assert _stated("净开 2 家（直营渠道净开 3 家）。", "2 家") == []


# ---------------------------------------------------------------- last_year: a level reached (增长到), a plan

def test_a_growth_between_a_level_and_the_one_it_grew_to():
    text = "工业富联2019年云计算业务实现营收1629.23亿元，2020年增长到1753.06亿元，同比增长{g}%，占公司营收的40.7%。"
    assert _stated(text.format(g="7.6"), "7.6%") == [("consistent", True)]
    assert _stated(text.format(g="8.6"), "8.6%") == [("inconsistent", True)]


def test_a_planned_level_grows_from_last_year_actual():
    text = "2020年公司销售金额2426.8亿元，同比增长15.2%；公司计划2021年实现2800亿元销售目标，同比增长{g}%。"
    assert _stated(text.format(g="15.4"), f"{15.4}%") == [("consistent", True)]
    # (2800 is read to its hundreds: 13.3% to 17.4%)
    assert _stated(text.format(g="25.4"), f"{25.4}%") == [("inconsistent", True)]


# ---------------------------------------------------------------- stated_gaps: a level below zero

def test_a_gap_between_a_loss_and_a_gain():
    text = "投资收益为-1558 万元，去年同期为5242 万元， 差额 {z} 万元，是导致公司归母净利润下降的主要原因。"
    assert _stated(text.format(z="6800"), "6800 万元") == [("consistent", True)]
    assert _stated(text.format(z="3684"), "3684 万元") == [("inconsistent", True)]


# ---------------------------------------------------------------- figures: a bare 亿 after 合计/计划

def test_a_planned_total_in_bare_yi_is_money():
    text = ("公司2023年度经营目标收入计划{t}亿主要包括房地产业务收入50亿元，电磁线收入58亿元，电解液添加剂收入1.2亿元，"
            "其他业务收入0.8亿元。")
    assert [c.verdict for c in check_text(text.format(t="110")) if c.stated == "110亿"] == ["consistent"]
    text = ("公司期间费用合计{t}亿，同比减少1.31%；其中，销售费用4.19亿，同比增长12.16%；管理费用8.08亿；财务费用-3179万；"
            "研发费用1.33亿，同比增长8.98%。")
    assert [c.verdict for c in check_text(text.format(t="13.28")) if c.stated == "13.28亿"] == ["consistent"]


def test_parts_whose_sum_fits_anything_confirm_nothing():
    text = ("多次交涉后，公司仅收到赎回金额1983.52万元，对应认购款项1840万元及盈利143.52万元。"
            "其中，购买的委托理财出现大额亏损，对净利润影响-1.68亿元。在认购金额合计2亿的四只基金中，均有重仓。")
    assert [c.verdict for c in check_text(text) if c.stated == "143.52万元" and c.kind == "sum"] in ([], ["unverifiable"])


# ---------------------------------------------------------------- expense ratios: a rate named by its expense

def test_a_bare_expense_ratio_after_its_expense():
    text = ("2022第一季度公司实现营业收入20.62亿元，同比增长165.28%。费用率方面，销售费用2054万元（+7.31%），"
            "费用率{r}%、同比下降-1.46pp。")
    assert _stated(text.format(r="1.00"), "1.00%", "销售费用") == [("consistent", False)]
    assert _stated(text.format(r="1.00"), "-1.46pp") == [("consistent", False)]
    # its period is carried from the paragraph: a misfit proves nothing
    assert [v for v, _ in _stated(text.format(r="1.20"), "1.20%", "销售费用")] == ["unverifiable"]


def test_a_total_expense_ratio_after_a_list_of_amounts_and_a_list_of_rates():
    text = ("三费来看，19年Q3公司销售费用、管理费用、研发费用、财务费用分别0.07亿元、0.09亿元、0.15亿元、-0.03亿元，"
            "对应销售、管理、研发、财务费用率分别为1.40%、1.80%、3.00%、-0.60%；合计费用率{t}%，同比下滑0.77个百分点。")
    assert _stated(text.format(t="5.60"), "5.60%", "期间费用率") == [("consistent", True)]
    assert _stated(text.format(t="6.60"), "6.60%", "期间费用率") == [("inconsistent", True)]


def test_the_short_balance_over_the_shorted_shares_is_the_close():
    text = ("截至2023年5月23日收盘，贵研铂业(600459)报收于{p}元，下跌2.7%，换手率0.93%。"
            "贵研铂业融资融券信息显示，融券方面，融券卖出8200.0股，融券偿还4.18万股，融券余量9.01万股，融券余额139.84万元。")
    assert _stated(text.format(p="15.52"), "15.52元", "close") == [("consistent", False)]
    # the balance may be valued at another day's close: a misfit proves nothing
    assert [v for v, _ in _stated(text.format(p="17.52"), "17.52元", "close")] == ["unverifiable"]


# ---------------------------------------------------------------- segment_shares: a share named by its segment

def test_a_segment_share_named_by_the_segment():
    text = ("21年公司营业收入为54.19亿元，同比+48.88%，其中畜禽饲料、饲料销售、水产品销售分别贡献收入34.31亿元、15.38亿元、"
            "2.6亿元，同比+78.61%、+13.7%、+39.64%。\n\n其中畜禽饲料营收占比达{x}%，同比+10.54pct。")
    assert _stated(text.format(x="63.31"), "63.31%", "畜禽饲料") == [("consistent", True)]
    assert _stated(text.format(x="63.46"), "63.46%", "畜禽饲料") == [("inconsistent", True)]
    # another period's share is not of this period's levels
    other = text.format(x="63.46").replace("其中畜禽饲料营收", "2021H1畜禽饲料营收")
    assert _stated(other, "63.46%", "畜禽饲料") == []


def test_a_generic_segment_share_in_another_paragraph_is_not_read():
    text = "2024年公司营业收入100.6亿元。2024年海外收入50.66亿元。\n\n三丽鸥，海外收入占比约 30%，美国、中国、东南亚。"
    assert _stated(text, "约 30%", "海外") == []


# ---------------------------------------------------------------- counted_lists: a total counted out by period

def test_a_total_and_its_quarters_counted_out():
    text = "资金面上，A股明年预计净流入资金将达到7000亿元，四个季度分别为3000亿元、2200亿元、750亿元和{q}亿元。"
    assert _stated(text.format(q="1050"), "7000亿元", "counted out") == [("consistent", True)]
    # (3000 and 7000 are read to their thousands)
    assert _stated(text.format(q="2750"), "7000亿元", "counted out") == [("inconsistent", True)]
    # the main businesses need not be all of the revenue
    assert _stated("公司营收10.5亿元，两大业务分别为5.2亿元、4.3亿元。", "10.5亿元", "counted out") == []


# ---------------------------------------------------------------- margins: a segment's pair

def test_a_company_margin_is_not_a_segment_pair():
    text = ("公司发布21年中报，上半年实现收入/归母净利润35.9/10.1亿元，同比+25.1%/+0.1%。"
            "环保业务实现营业收入5781万元，毛利率高达66%，实现净利润1979万元。\n\n"
            "公司上半年期间费用率8.6%，同比+0.8pct，最终实现净利率28.5%，同比降低6.6pct。")
    assert "inconsistent" not in [v for v, _ in _stated(text, "28.5%")]


# ---------------------------------------------------------------- the sixty-first's misses

def test_a_base_compared_with_yu_xiang_bi():
    text = "2019年国内66家信托公司固有业务收入总额为332.37亿元，与2018年同期的252.39亿元相比大幅增长{g}%。"
    assert _stated(text.format(g="31.69"), "31.69%") == [("consistent", True)]
    assert _stated(text.format(g="33.69"), "33.69%") == [("inconsistent", True)]


def test_a_flow_against_the_day_before_named_after_it():
    text = "江苏北人今日主力资金（超大单+大单）净流出2194万元，上一交易日主力净流出218万元，今日环比增加{g}%。"
    assert _stated(text.format(g="906.42"), "906.42%") == [("consistent", True)]
    assert _stated(text.format(g="806.42"), "806.42%") == [("inconsistent", True)]


def test_a_cagr_over_a_span_of_two_digit_years():
    text = "预计公司21-23年传统压缩机业务收入由82.01亿元增长至109.95亿元，CAGR{c}%。"
    assert _stated(text.format(c="15.79"), "15.79%") == [("consistent", True)]
    assert _stated(text.format(c="16.79"), "16.79%") == [("inconsistent", True)]
    # a span of durations is no span of years
    assert _stated("未来5-10年行业收入由100亿元增长至200亿元，CAGR为15%。", "15%") != [("consistent", True)]


def test_last_years_margin_after_cong_shang_nian_tong_qi_is_no_level_of_this_year():
    text = "公司20H1营收68.8亿元，同比增15.2%；归母净利8.3亿元，同比增31.3%，对应的净利率从上年同期10.5%升至{m}%。"
    assert "inconsistent" not in [v for v, _ in _stated(text.format(m="12.0"), "10.5%")]
    assert _stated(text.format(m="12.0"), "12.0%", "8.3亿元") == [("consistent", False)]


# ---------------------------------------------------------------- segment: a backslash list, a spaced-out line

def test_a_list_joined_by_backslashes_is_read_as_one_joined_by_slashes():
    text = "我们预测公司2021-2023年归母净利润分别为4.28\\6.85\\10.64亿，EPS分别为0.94\\1.51\\{e}元，对应PE为38.76\\24.18\\15.57。"
    assert _stated(text.format(e="2.34"), "2.34元", "share count") == [("consistent", True)]
    assert _stated(text.format(e="2.64"), "2.64元", "share count") == [("inconsistent", True)]


def test_a_line_spaced_out_character_by_character_is_read_closed_up():
    text = "我 们 预 计 公 司 2020-2022 年 EPS 分 别 为1.04/1.29/1.44，对应公司 8 月 27 日收盘价 42.09 元，2020-2022 年PE 分别为 {p}/32.6/29.2。"
    assert [v for v, _ in _stated(text.format(p="40.6"), "40.6", "paired by position")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(p="46.6"), "46.6", "paired by position")] == ["inconsistent"]


def test_a_margin_over_a_profit_and_a_revenue_of_two_subjects_is_not_refuted():
    text = ("2021年一季度实现营业总收入和归属于母公司股东净利润分别为69.29亿元和14.97亿元，分别同比增长25.37%和13.77%。"
            "国内市场和国际市场分别实现营收268.55亿元和7.58亿元。\n\n2021Q1，公司毛利率同比提升0.27个百分点至86.86%，"
            "净利率同比下降2.04个百分点至21.59%。")
    assert "inconsistent" not in [v for v, _ in _stated(text, "21.59%")]
