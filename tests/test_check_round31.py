"""Round 31: the families the fiftieth to fifty-fourth blind sets missed (a total's growth from parts
whose levels give it to its last digit, quarters that make a cumulative period, a list of quarters
naming a 分别-list's items, a share of the one level of its very measure)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- sum_growths: exhaustive parts

EXPRESS = ("12月21日，记者从邮政管理局获悉，今年1—11月份，全市快递业务量达到5570.75万件，同比增长{g}%;业务收入累计完成6.06亿元，"
           "同比增长33.90%。快递方面，1—11月，全市快递业务量完成5570.75万件。其中同城业务量累计达到934.07万件，同比增长69.97%;"
           "异地业务量累计达到4633.78万件，同比增长69.97%;国际及港澳台业务量累计完成2.9万件，同比增长268.97%。")


def test_其中_parts_that_give_the_total_to_its_last_digit_give_its_growth():
    # 934.07 + 4633.78 + 2.9 = 5570.75: the parts are all of it, so last year's total is theirs
    # (3276.57), and the total's growth, written where the total is first stated, is 70.02%
    assert _stated(EXPRESS.format(g="70.02"), "70.02%", "last year's total") == [("consistent", True)]
    assert _stated(EXPRESS.format(g="68.73"), "68.73%", "last year's total") == [("inconsistent", True)]


SEGMENTS = ("2021年公司实现营业收入7,078.4亿元，同比+63.5%；归母净利润61.0亿元，同比+{g}%。供应链分部营收6,115亿元，同比+74.5%，"
            "归母净利润32.2亿元，同比+89.8%。地产分部营收963.1亿元，同比+16.9%；归母净利润28.8亿元，同比+5.7%。"
            "分业务看，供应链运营分部、房地产分部营收分别占比86.4%、13.6%；归母净利润分别占比52.8%、47.2%。")


def test_shares_adding_to_100_whose_levels_give_the_total_refute_its_growth():
    # 32.2/1.898 + 28.8/1.057 = 44.21, so 61.0 grew 38.0%, not 35.4%
    assert ("inconsistent", True) in _stated(SEGMENTS.format(g="35.4"), "+35.4%", "last year's total")
    assert [v for v, _ in _stated(SEGMENTS.format(g="38.0"), "+38.0%")] == ["consistent"]


def test_a_part_grown_from_a_loss_is_not_read_as_grown_from_a_profit():
    # 锂 went from a loss of 11.42亿 to 25.28亿 ("增长 321.39%" over the loss's size): the sector's
    # 76.87亿 grew 170.9% from 28.37亿, which a reading over a positive base (67.9%) would refute
    text = ("能源金属板块归母净利 76.87 亿元，同比增长 170.9%。其中锂归母净利 25.28 亿元，同比增长 321.39%；"
            "镍钴归母净利 51.59 亿元，同比增长 29.65%。")
    assert not any(v == "inconsistent" for v, _ in _stated(text, "170.9%"))


# ---------------------------------------------------------------- fitted_breakdowns: quarters

QUARTERS = ("10月29日，公司发布2021年三季报：2021Q1-3公司实现营收109.38亿元(+15.91%)；归母净利润6.96亿元(+21.49%)；"
            "扣非净利润6.81亿元(+{g}%)，经营现金流净额16.66亿元(+3.15%)。分季度看，公司Q1/Q2/Q3收入分别为36.30亿元(+19.09%)、"
            "37.17亿元(+14.54%)、35.92亿元(+14.24%)；归母净利润分别为2.41亿(+29.39%)、2.63亿元(22.43%)、1.91亿元(+11.70%)；"
            "扣非净利润分别为2.33亿(+27.08%)、2.60亿元(+21.46%)、1.88亿元(+13.65%)。")


def test_quarters_named_by_a_list_make_their_cumulative_period():
    # 2.33 + 2.60 + 1.88 = 6.81 are Q1, Q2 and Q3 of 2021Q1-3: last year's 9M is theirs (5.628), and
    # 6.81 grew 21.0%, not 23.32%
    assert _stated(QUARTERS.format(g="23.32"), "+23.32%") == [("inconsistent", True)]
    assert _stated(QUARTERS.format(g="21.00"), "+21.00%") == [("consistent", True)]
    assert ("consistent", True) in _stated(QUARTERS.format(g="21.00"), "6.81亿元", "the quarters of its period")


def test_without_the_list_of_quarters_a_misfit_proves_nothing():
    text = QUARTERS.replace("公司Q1/Q2/Q3收入", "公司各项收入")
    assert not any(v == "inconsistent" for v, _ in _stated(text.format(g="23.32"), "+23.32%"))


# ---------------------------------------------------------------- framed: a list of quarters

HALF = ("2020H1公司实现营收48.9亿元，同比下滑3.4%，实现归母净利润7.6亿元，同比下滑27.7%；其中Q2单季度实现营收24.5亿元，"
        "同比下滑4.6%，归母净利润4.5亿元，同比下滑18.4%。净利率15.11%，同比下滑5.74pct，Q1、Q2单季度净利率分别为{a}%、{b}%，"
        "环比大幅提升。")


def test_a_list_of_quarters_gives_a_分别_list_its_quarters_by_position():
    # 12.67% is Q1's (3.1/24.4), not Q2's: only 18.48% is 4.5/24.5
    checks = {c.stated: c.verdict for c in check_text(HALF.format(a="12.67", b="18.48")) if c.kind == "ratio"}
    assert checks.get("12.67%") != "inconsistent"
    assert checks.get("18.48%") == "consistent"


# ---------------------------------------------------------------- framed: the whole of one measure

BONDS = ("9月到期偿还压力较大，到期规模为8368.25亿元，到期主体以国企为主，到期规模7321.26亿元，占比87.49%。"
         "等级以AAA级为主，到期规模6294.64亿元，占比{s}%。")


def test_a_share_of_a_part_of_the_measure_another_share_is_of():
    # 6294.64 / 8368.25 = 75.22%: the AAA bonds are a part of the month's maturities as the SOEs are
    assert _stated(BONDS.format(s="75.22"), "75.22%") == [("consistent", True)]
    assert _stated(BONDS.format(s="72.94"), "72.94%") == [("inconsistent", True)]


def test_without_another_share_of_that_measure_the_whole_is_not_certain():
    text = "9月到期偿还压力较大，到期规模为8368.25亿元。等级以AAA级为主，到期规模6294.64亿元，占比72.94%。"
    assert ("inconsistent", True) not in _stated(text, "72.94%")


# ---------------------------------------------------------------- quarters: measures named as a list

RESULTS = ("公司2020H1实现营收、归母净利润、扣非后归母净利润309.07、28.35、24.90亿元，同比分别-2.0%、-49.6%、-50.6%。"
           "二季度，2020Q2实现营收、归母净利润、扣非后归母净利润155.64、14.58、14.27亿元，同比分别-0.2%、-48.4%、-45.6%，"
           "环比分别+1.4%、{g}%、+34.4%。")


def test_measures_named_as_a_list_give_their_values_and_growth_lists_by_place():
    # Q1 = H1 − Q2: 155.64 / 153.43 = +1.4%, 14.58 / 13.77 = +5.9%, 14.27 / 10.63 = +34.2%
    assert _stated(RESULTS.format(g="5.9"), "5.9%", "unstated") == [("consistent", True)]
    assert _stated(RESULTS.format(g="9.5"), "9.5%", "unstated") == [("inconsistent", True)]
    assert _stated(RESULTS.format(g="5.9"), "+1.4%", "unstated") == [("consistent", True)]


# ---------------------------------------------------------------- framed: growths before the levels they reached

SEGMENT = ("上半年，公司精细化学品及新材料板块营收、毛利同比-1.3%、-27.2%至31.96、6.19亿元，毛利率同比{c}pct至{m}%，"
           "产品价格下跌导致营收、毛利均同比下滑。")


def test_measures_named_before_their_growths_and_the_levels_they_reached():
    # 6.19 / 31.96 = 19.37%; last year (6.19/0.728) / (31.96/0.987) = 26.26%, so -6.88pct
    assert _stated(SEGMENT.format(c="-6.86", m="19.38"), "19.38%") == [("consistent", True)]
    assert _stated(SEGMENT.format(c="-6.86", m="21.38"), "21.38%") == [("inconsistent", True)]
    assert [v for v, _ in _stated(SEGMENT.format(c="-6.86", m="19.38"), "-6.86pct")] == ["consistent"]


def test_a_signed_rate_alone_in_a_bracket_is_the_levels_growth():
    # 10.68 / 220.14 = 4.85%; last year (10.68/0.4303) / (220.14/0.9371) = 10.57%: down 5.72pct
    text = ("公司发布19年三季报：Q1-Q3实现营收220.14亿（-6.29%），归母净利10.68亿（-56.97%）。"
            "综合来看，Q1-Q3公司归母净利率4.85%，较去年同期下降{c}pct。")
    assert [v for v, _ in _stated(text.format(c="5.71"), "5.71pct")] == ["consistent"]
    # a rate with no sign in the bracket is not read as a growth (it may be a share)
    assert not _stated(text.format(c="5.71").replace("（-56.97%）", "（56.97%）"), "5.71pct", "上年")


# ---------------------------------------------------------------- quarter_margins

MARGINS = ("分季度看公司21Q1/Q2营收分别为2.15亿/3.29亿元，同增62.42%/66.62%。"
           "毛利率：公司21H1毛利率{m}%，同增3.13pcts，其中21Q1/Q2毛利率分别为56.70%/63.72%。")


def test_a_halfs_margin_is_its_quarters_weighted_by_their_revenues():
    # (2.15 × 56.70% + 3.29 × 63.72%) / 5.44 = 60.95%
    assert _stated(MARGINS.format(m="60.94"), "60.94%", "weighted") == [("consistent", True)]
    assert _stated(MARGINS.format(m="62.94"), "62.94%", "weighted") == [("inconsistent", True)]


def test_the_first_quarters_revenue_as_the_half_less_the_second():
    text = ("2020H1公司实现营收48.9亿元，同比下滑3.4%；其中Q2单季度实现营收24.5亿元，同比下滑4.6%。"
            "净利率{m}%，同比下滑5.74pct，Q1、Q2单季度净利率分别为12.67%、18.48%。")
    # (24.4 × 12.67% + 24.5 × 18.48%) / 48.9 = 15.58%
    assert _stated(text.format(m="15.58"), "15.58%", "weighted") == [("consistent", True)]
    assert _stated(text.format(m="15.11"), "15.11%", "weighted") == [("inconsistent", True)]
    # a margin named with one quarter is that quarter's, not the half's
    assert not _stated(text.format(m="15.11").replace("净利率15.11%", "Q2净利率15.11%"), "15.11%", "weighted")


# ---------------------------------------------------------------- a base after 较上年同期

def test_a_bare_magnitude_named_as_a_money_levels_base_is_money():
    from macrodesk.figures import extract_figures

    text = "苏宁易购上半年总营收为936.57亿，较上年同期1184.24亿下降{g}%，上年同期为净亏损1666万。"
    kinds = {f.text: f.unit for f in extract_figures(text.format(g="21"))}
    assert kinds["1184.24亿"] == "亿元" and kinds["1666万"] == "万元"
    assert _stated(text.format(g="21"), "21%") == [("consistent", True)]  # 936.57 / 1184.24 = -20.9%
    assert _stated(text.format(g="12"), "12%") == [("inconsistent", True)]
    # a count's base stays a count ("用户 3 亿，较上年同期 2.5 亿")
    assert {f.unit for f in extract_figures("用户数3亿，较上年同期2.5亿增长20%") if f.text.endswith("亿")} == {"亿"}


def test_the_base_after_较上年同期_is_no_change_of_its_own():
    checks = check_text("公司上半年营收为936.57亿元，较上年同期1184.24亿元下降20.9%。")
    assert [(c.verdict, c.stated) for c in checks] == [("consistent", "20.9%")]
    # an amount after a verb is the change: counted, though its base is not written
    assert [c.verdict for c in check_text("公司上半年营收为936.57亿元，较上年同期增加12.24亿元。")] == ["unverifiable"]


# ---------------------------------------------------------------- last_year: a base with no 为

def test_a_base_named_as_last_years_between_level_and_growth():
    text = "财报显示，嘉信理财Q3营收24.48亿美元，去年同期27.11亿美元，同比下降{g}%。"
    assert _stated(text.format(g="9.7"), "9.7%") == [("consistent", True)]  # 24.48 / 27.11 = -9.70%
    assert _stated(text.format(g="7.9"), "7.9%") == [("inconsistent", True)]


# ---------------------------------------------------------------- share_counts: one whole named alike

GUARANTEES = ("公司及二级子公司提供担保的余额为83.63亿元，占公司最近一期经审计净资产总额的173.98%，对负债率超过70%的二级子公司"
              "提供担保的余额为50.47亿元，占公司最近一期经审计净资产总额的{s}%，敬请投资者充分关注担保风险。")


def test_two_amounts_with_their_shares_of_one_whole_named_alike():
    # 83.63 / 173.98% = 48.07亿 of net assets, so 50.47 is 104.99% of it
    assert _stated(GUARANTEES.format(s="104.99"), "104.99%", "implies") == [("consistent", True)]
    assert _stated(GUARANTEES.format(s="110.99"), "110.99%", "implies") == [("inconsistent", True)]


def test_a_whole_named_alike_of_another_period_or_scope_refutes_nothing():
    # last year's 总资产 is another whole
    text = "公司货币资金本期期末数为4.11亿元，占总资产比例6.49%，上年期末数3.11亿元，占总资产比例5.70%。"
    assert ("inconsistent", True) not in _stated(text, "5.70%")
    # "全国" names a scope, not which measure of it
    text = "截至22年底风电累计装机15.92GW，占全国4.36%，海上风电4.88GW，占全国16.01%。"
    assert ("inconsistent", True) not in _stated(text, "16.01%")
    # another company's 总股本 in the next sentence
    text = ("格力电器公告，累计回购公司股份1176.53万股，占公司总股本的0.2%。厦门象屿公告，控股股东向中垦基金转让公司股份"
            "4314.9万股，占公司总股本的2%。")
    assert ("inconsistent", True) not in _stated(text, "2%")


# ---------------------------------------------------------------- amount_rate: trading-day templates

MARGIN_FLASH = ("公司12月31日融资余额为16.56亿元，与前一日相比增加9239.78万元，增加比例为{a}%，当前融资余额占流通市值的比例为4.06%。"
                "该股最近5个交易日融资余额增加5773.06万元，增加比例为{b}%。")


def test_a_balance_its_change_on_the_day_before_and_the_days_before_with_their_rates():
    # 0.9240 / (16.56 − 0.9240) = 5.91%; 0.5773 / (16.56 − 0.5773) = 3.61%
    assert _stated(MARGIN_FLASH.format(a="5.91", b="3.61"), "5.91%") == [("consistent", True)]
    assert _stated(MARGIN_FLASH.format(a="5.91", b="3.61"), "3.61%") == [("consistent", True)]
    assert _stated(MARGIN_FLASH.format(a="9.51", b="6.31"), "9.51%") == [("inconsistent", True)]
    assert _stated(MARGIN_FLASH.format(a="9.51", b="6.31"), "6.31%") == [("inconsistent", True)]


def test_a_change_written_as_an_amount_or_a_rate():
    text = "公司实现营业收入 17.5亿元，比上年增加 3.2亿元或{g}%。"
    assert _stated(text.format(g="22.1"), "22.1%") == [("consistent", True)]  # 3.2 / 14.3 = 22.4%
    assert _stated(text.format(g="18.1"), "18.1%") == [("inconsistent", True)]


# ---------------------------------------------------------------- net_flows

def test_a_net_flow_is_the_inflow_less_the_outflow():
    text = "买一、卖一均为东方财富证券拉萨东环路第一证券营业部，该营业部买入1077.88万元，卖出1818.65万元，净买额为{n}万元。"
    assert _stated(text.format(n="-740.77"), "-740.77万元") == [("consistent", True)]
    assert _stated(text.format(n="-704.77"), "-704.77万元") == [("inconsistent", True)]
    # three nets of three seats are no legs of one another
    seats = "机构净买入3882.34万元，沪股通累计净卖出5640.00万元，营业部席位合计净卖出793.31万元。"
    assert not any(c.kind == "change" and c.verdict != "unverifiable" for c in check_text(seats))


# ---------------------------------------------------------------- opening_bases, closing shares

def test_a_sentence_opening_on_the_base_of_the_level_before_it():
    text = ("Q3中芯国际销售额为10.825亿美元，首破十亿美元大关。相较于2020年第二季度的9.39亿美元增加{a}%，"
            "相较于2019年第三季度的8.17亿美元增加32.6%。")
    # 10.825 / 9.39 = +15.3% (the threshold 十亿美元 passed is no level); found by its fit: confirm-only
    assert _stated(text.format(a="15.3"), "15.3%") == [("consistent", False)]
    assert ("inconsistent", True) not in _stated(text.format(a="25.3"), "25.3%")


def test_shares_of_a_whole_named_after_占_close_a_breakdown():
    text = "按不同地区来划分，北美洲收入占总收入的18.6%，中国内地及香港占总收入的69.7%，欧洲及亚洲占总收入的11.7%。"
    assert _stated(text, "11.7%") == [("consistent", False)]


def test_a_certain_refutation_outweighs_a_fit_of_the_shares_alone():
    # 35.19 + 5.90 = 41.09 is not 35.19 / 85.45% = 41.18: the shares add up to 100%, the levels do not
    text = "从销售模式来看，2022年公司线上销售营收为35.19亿元，占营收比例的85.45%；线下销售营收为5.90亿元，占营收比例的14.55%。"
    assert _stated(text, "14.55%") == [("inconsistent", True)]
