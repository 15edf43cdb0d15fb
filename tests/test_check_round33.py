"""Round 33: the families the fifty-seventh blind set missed (a dividend's base written before 为基数,
a change between two dated levels, an elimination line closing a segment breakdown, a half-year
report's figures as its half's, a numbered item naming its segment, a price quoted to the yuan) and
a share read across two scales of one unit."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.intervals import figure_interval
from macrodesk.figures import extract_figures


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- dividends: 以 X 股为基数

def test_a_dividend_total_from_a_base_written_before_its_word():
    text = "公司发布2020年利润分配预案，以6.84亿股为基数，向全体股东每10股分派现金红利7元（含税），合计派发红利{t}亿元。"
    assert _stated(text.format(t="4.79"), "4.79亿元", "shares × cash") == [("consistent", True)]
    assert _stated(text.format(t="5.79"), "5.79亿元", "shares × cash") == [("inconsistent", True)]


# ---------------------------------------------------------------- sentence: 从 A 降 C 至 B, both dated

def test_a_change_between_two_dated_levels():
    text = "整体毛利率从2019年66.6%下降6.9ppt至2020年{b}%，导致公司净利润端增速不及收入端增速。"
    assert _stated(text.format(b="59.7"), "6.9ppt") == [("consistent", True)]
    assert _stated(text.format(b="58.7"), "6.9ppt") == [("inconsistent", True)]
    # and with 的 after each date
    text = "整体毛利率从2019年的66.6%下降6.9个百分点至2020年的{b}%。"
    assert _stated(text.format(b="59.7"), "6.9个百分点") == [("consistent", True)]


# ---------------------------------------------------------------- bins: an elimination line

def test_an_elimination_line_closes_a_segment_breakdown():
    text = ("2022年1至12月份，中原传媒的营业收入构成为：发行业务占比80.79%，出版业务占比29.75%，物资销售业务占比21.03%，"
            "印刷业务占比5.53%，内部抵销占比{x}%。")
    assert _stated(text.format(x="-37.10"), "-37.10%", "elimination") == [("consistent", True)]
    assert _stated(text.format(x="-39.94"), "-39.94%", "elimination") == [("inconsistent", True)]


def test_a_residual_bin_stays_confirm_only():
    text = "2022年，盛弘股份的营业收入构成为：新能源行业占比62.52%，智能电网占比34.09%，其他占比{x}%。"
    assert _stated(text.format(x="3.39"), "3.39%", "residual") == [("consistent", False)]
    assert _stated(text.format(x="5.39"), "5.39%", "residual") == []


# ---------------------------------------------------------------- quarters: 中报 and numbered segments

def test_a_half_year_report_dates_its_figures():
    text = ("公司发布2020年中报：实现营收48.10亿元，同比增长4.64%；归母净利润6.63亿元，同比增长15.71%。"
            "2020Q2公司实现营业收入30.10亿元，同比增长23.33%，环比增长{g}%。")
    assert _stated(text.format(g="67.23"), "67.23%", "H1 - 2020Q2") == [("consistent", True)]
    assert _stated(text.format(g="57.23"), "57.23%", "H1 - 2020Q2") == [("inconsistent", True)]
    # the quarter in a later paragraph: its half only confirms
    apart = text.replace("。2020Q2", "。\n\n2020Q2")
    assert _stated(apart.format(g="67.23"), "67.23%", "H1 - 2020Q2") == [("consistent", False)]
    assert ("inconsistent", True) not in _stated(apart.format(g="57.23"), "57.23%")


def test_a_numbered_item_names_the_segment_of_its_levels():
    text = ("2021年上半年，公司实现营业收入172.53亿元，同比增83.66%。2021Q2实现营业收入99.16亿元，同比增80.5%、环比增{g}%。"
            "①先进基础材料板块：2021年上半年，铜基材料销量同比+31.29%至31.13万吨；2021年上半年实现营业收入168.78亿元，同比增84.85%。")
    # the segment's half-year revenue no longer stands beside the company's as a second H1 revenue
    assert _stated(text.format(g="35.1"), "35.1%", "H1 - 2021Q2") == [("consistent", True)]
    assert _stated(text.format(g="45.1"), "45.1%", "H1 - 2021Q2") == [("inconsistent", True)]


def test_a_heading_naming_a_half_year_report_still_dates_its_section():
    text = ("## 二、上市券商 2025 年中报：净利润同比 + 64%\n\n"
            "1. **整体经营业绩**：50 家上市券商合计实现归母净利润 1124 亿元，同比增长 64%。第二季度，合计实现净利润 566 亿元，"
            "同比增长 50%，环比增长 {g}%。\n")
    # (read from the heading's period: a fit confirms)
    assert _stated(text.format(g="1"), "1%", "H1 - 2025Q2") == [("consistent", False)]


# ---------------------------------------------------------------- intervals: a price quoted to the yuan

def test_a_price_per_unit_is_read_to_its_last_yuan():
    quote, change, total, rough = extract_figures("报价16950元/吨，较上月下跌1200元/吨；营收1200亿元，约2000元/吨")
    assert figure_interval(quote).hi - figure_interval(quote).lo == 1
    assert figure_interval(change).hi - figure_interval(change).lo == 1
    assert figure_interval(total).hi - figure_interval(total).lo == 100  # a total is rounded at its hundreds
    assert figure_interval(rough).hi - figure_interval(rough).lo > 100


def test_a_fall_rate_off_by_its_last_digit_is_caught():
    text = "锦纶POY报价16950元/吨，较7月初价格下跌1200元/吨，跌幅{r}%。"
    assert _stated(text.format(r="6.61"), "6.61%") == [("consistent", True)]
    assert _stated(text.format(r="6.60"), "6.60%") == [("inconsistent", True)]


# ---------------------------------------------------------------- named_wholes: two scales of one unit

def test_a_share_of_a_whole_written_at_another_scale():
    text = ("公司发布2020年中报，实现营业收入5.52亿元，同比下降23.08%；归母净利润0.38亿元，同比下降1.80%。\n\n"
            "公司上半年研发投入9883.38万元，营收占比{x}%，核心技术和产品竞争力较强。")
    assert _stated(text.format(x="17.89"), "17.89%", "5.52亿元") == [("consistent", True)]
    assert _stated(text.format(x="15.89"), "15.89%", "5.52亿元") == [("inconsistent", True)]


# ---------------------------------------------------------------- expense_ratios: a hedged part, a restated one

_EXPENSES = ("2021Q4期间费用率为13.84%，同比{d}pct。其中销售费用率10.32%，{basis}同比降约1pct，主要系渠道结构优化；"
             "管理费用率2.04%，同比降0.60pct；研发费用率1.54%，同比增0.47pct；财务费用率为-0.06%，同比降0.25pct。")


def test_a_part_falling_by_about_a_point_keeps_its_sign():
    assert _stated(_EXPENSES.format(d="下降1.38", basis=""), "1.38pct", "变动") == [("consistent", True)]
    # (-1 ± 1.5) - 0.60 + 0.47 - 0.25: +1.5 is beyond it, as +1.00 read without the sign was not
    assert _stated(_EXPENSES.format(d="提高1.5", basis=""), "1.5pct", "变动") == [("inconsistent", True)]


def test_a_part_on_a_restated_basis_only_confirms_the_total_change():
    text = _EXPENSES.format(d="下降1.38", basis="调整至去年口径后")
    assert _stated(text, "1.38pct", "变动") == [("consistent", False)]
    assert [v for v, _ in _stated(_EXPENSES.format(d="提高19.78", basis="调整至去年口径后"), "19.78pct", "变动")] \
        == ["unverifiable"]
    # the levels still add up for certain
    assert _stated(text, "13.84%", "期间费用率") == [("consistent", True)]


# ---------------------------------------------------------------- share_counts: past the holder's share

def test_a_pledge_share_of_the_company_count_past_its_share_of_the_holding():
    # (the first stake's share implies the 总股本 the second's is judged against)
    text = ("累计质押股份数为1,483,899股，占其所持公司股份总数的9.88%，占公司总股本的1.51%；累计被冻结股份数为15,012,700股，"
            "占其所持公司股份总数的100%，占公司总股本的{x}%。")
    assert _stated(text.format(x="15.29"), "15.29%", "公司总股本") == [("consistent", True)]
    assert _stated(text.format(x="17.29"), "17.29%", "公司总股本") == [("inconsistent", True)]


# ---------------------------------------------------------------- growth_items: a 同比 naming its year

def test_a_unit_value_growth_over_growths_against_a_named_year():
    text = ("1-3月累计实现合同销售面积1104.4万方，同比20年增长24.8%，同比19年增长19.4%；实现合同销售金额1794.7亿元，"
            "同比{a}年增长30.2%，同比{b}年增长20.1%；销售均价16250元/平方米，同比20年增长{g}%。")
    assert _stated(text.format(a=20, b=19, g="4.3"), "4.3%", "(1+30.2%) / (1+24.8%)") == [("consistent", True)]
    assert _stated(text.format(a=20, b=19, g="6.3"), "6.3%", "(1+30.2%) / (1+24.8%)") == [("inconsistent", True)]
    # growths against different years make no price growth
    assert _stated(text.format(a=19, b=20, g="4.3"), "4.3%", "(1+") == []


# ---------------------------------------------------------------- the fifty-eighth's false alarms and misses

def test_a_share_moving_from_last_years_is_no_share_of_this_years_whole():
    # cfg182: "从去年的64.04%提升至69.05%" is last year's share of last year's revenue
    text = ("2019年1-12月航空产品实现营业收入83.77亿元，较上年同期增长11.04%，占公司总营业收入的比重从去年的64.04%提升至69.05%；"
            "非航空产品实现营业收入36.42亿元，较上年同期下降11.23%，占公司总营业收入的比重从去年的34.82%减少到30.02%。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


_FLOAT = ("雅化集团最近5个交易日上涨6.32%，陆股通累计净买入466.56万股，占流通盘0.44%，区间平均买入价18.42元；最近20个交易日"
          "上涨4.98%，陆股通累计净买入444.57万股，占流通盘0.42%，区间平均买入价18.68元；最近60个交易日下跌21.66%，陆股通累计"
          "净买入810.14万股，占流通盘{x}%，区间平均买入价20.48元。")


def test_a_share_against_the_whole_the_other_shares_of_its_sentence_pin():
    # 810.14 over 466.56 / 0.44% alone (0.757-0.782%) fits 0.78%; with 444.57 / 0.42% too it is 0.756-0.773%
    assert _stated(_FLOAT.format(x="0.78"), "0.78%", "imply") == [("inconsistent", True)]
    assert _stated(_FLOAT.format(x="0.77"), "0.77%", "imply") == [("consistent", True)]


def test_parts_above_their_total_whose_growths_fit_their_sum():
    text = ("2025 年 6 月美国轮胎进口 {t} 万条，同比增 11.35%，环比降 4.42%，其中全钢胎 525.0 万条，同比增 28.59%，环比降 5.05%，"
            "半钢胎 1320.94 万条，同比增 5.71%，环比降 4.18%。")
    got = check_text(text.format(t="1345.96"))
    assert [(c.verdict, c.refutable) for c in got if c.kind == "sum" and c.stated == "1345.96 万条"] \
        == [("inconsistent", True)]
    # the growth is right, on the parts' sum: the total written is off, not its growth
    assert [c.verdict for c in got if c.stated == "11.35%" and "on their sum only" in c.relation] == ["consistent"]
    # parts short of their total leave a rest whose own growth may give the total's: nothing is said
    short = "覆盖终端总数19750家，同比增长68.46%，其中医疗机构覆盖12247家，同比增长57.07%，零售药店覆盖7323家，同比增长91.70%。"
    assert not [c for c in check_text(short) if c.verdict == "inconsistent"]


# ---------------------------------------------------------------- figures: a zero-padded month and day

def test_a_month_and_day_with_leading_zeros_are_a_date():
    figs = extract_figures("较2016年02月14日最低点533点上涨了45.97%；截至08月31日")
    assert [(f.kind.value, f.text) for f in figs][:2] == [("date", "2016年02月14日"), ("quantity", "533点")]
    assert figs[-1].kind.value == "date"


def test_a_chain_of_comparisons_past_an_amount_against_a_worded_base():
    # cfp098: "较昨日上升了2点" opens no comparison: 1129点 and 533点 are each compared with 778点
    text = ("3月29日橡胶指数为778点，较昨日上升了2点，较周期内最高点1129点（2012-03-05）下降了{a}%，"
            "较2016年02月14日最低点533点上涨了{b}%。")
    got = check_text(text.format(a="31.09", b="45.97"))
    assert [(c.verdict, c.relation) for c in got if c.verdict != "unverifiable"] == [
        ("consistent", "(778点/1129点 - 1) = 31.09%"), ("consistent", "(778点/533点 - 1) = 45.97%")]
    got = check_text(text.format(a="21.09", b="55.97"))
    assert [c.verdict for c in got if c.verdict != "unverifiable"] == ["inconsistent", "inconsistent"]


def test_a_bracketed_base_opening_its_sentence():
    text = ("生猪外三元均价为32.64元/公斤，价格较昨日上涨0.11元/公斤；较上月(05月15日28.04元/公斤)上涨{c}元/公斤，"
            "环比上涨了16.40%。")
    assert _stated(text.format(c="4.60"), "4.60元/公斤", "brackets") == [("consistent", True)]
    assert _stated(text.format(c="4.70"), "4.70元/公斤", "brackets") == [("inconsistent", True)]


# ---------------------------------------------------------------- stated_gaps: an effect excluded

def test_a_growth_without_an_effect_excluded():
    text = "上半年，公司实现营业收入2.62亿元，同比增长15.99%，剔除美元折算汇率下降的影响（影响{e}个百分点），同比增长22.69%。"
    assert _stated(text.format(e="6.70"), "22.69%", "effect excluded") == [("consistent", True)]
    assert _stated(text.format(e="5.70"), "22.69%", "effect excluded") == [("inconsistent", True)]


def test_shares_of_one_count_each_about_its_size():
    # cfg379: "约占公司当前总股本的2.40%" names the whole as "占" does
    text = ("按回购金额上限测算，预计回购股份数量约为2,857万股，约占公司当前总股本的2.40%；按回购金额下限测算，"
            "预计回购股份数量约为1,429万股，约占公司当前总股本的{x}%。")
    assert _stated(text.format(x="1.20"), "1.20%", "总股本") == [("consistent", True)]
    assert _stated(text.format(x="1.50"), "1.50%", "总股本") == [("inconsistent", True)]


# ---------------------------------------------------------------- named_wholes: 占比 before the whole's name

_PRODUCTS = ("公司发布2021年年报，2021年公司实现营收22.38亿元，同比增长87.07%。\n\n"
             "按照产品种类来看，2021年公司电源管理产品实现营收15.29亿元（相比2020年的8.48亿元增长80.31%），占比整体营收{a}%。"
             "2021年研发投入金额为3.78亿元，营业收入占比{b}%，相比2020年增长82.55%。")


def test_a_share_named_after_zhanbi_past_a_bracketed_base_and_growth():
    assert _stated(_PRODUCTS.format(a="68.32", b="16.89"), "68.32%", "22.38亿元") == [("consistent", True)]
    assert _stated(_PRODUCTS.format(a="66.32", b="16.89"), "66.32%", "22.38亿元") == [("inconsistent", True)]


def test_a_share_of_revenue_over_the_companys_not_a_product_lines():
    # 15.29亿元 is a product line's revenue written with 实现营收 after a date: not the whole
    assert _stated(_PRODUCTS.format(a="68.32", b="16.89"), "16.89%", "22.38亿元") == [("consistent", True)]
    assert _stated(_PRODUCTS.format(a="68.32", b="18.89"), "18.89%", "22.38亿元") == [("inconsistent", True)]


def test_a_share_of_a_level_past_the_bracket_of_its_parts():
    # cfg352: "4.50亿元（J-STAR团队1.54亿元，中国团队2.96亿元），占公司营业总收入30%" is 4.50's share, of the company's
    # 营业总收入 ("公司" names its owner), over a span written "2020年Q1-Q3" and "前三季度" alike
    text = ("公司前三季度实现营业收入14.88亿（+37.59%），扣非归母净利润2.20亿（+76.69%）。\n\n"
            "2020年Q1-Q3，公司CRO业务实现收入4.50亿元（J-STAR团队1.54亿元，中国团队2.96亿元），占公司营业总收入{x}%（+48%）。")
    assert _stated(text.format(x="30"), "30%", "14.88亿") == [("consistent", True)]
    assert _stated(text.format(x="40"), "40%", "14.88亿") == [("inconsistent", True)]


def test_a_span_of_quarters_or_months_from_the_years_start_is_one_period():
    from macrodesk.checks.quarters import period_of
    assert period_of("2020年Q1-Q3") == ("2020", "9M") == (period_of("2020年1-9月") or ("", ""))
    assert period_of("21Q1-Q2") == ("2021", "H1")
    assert period_of("前三季度") == ("", "9M") and period_of("2021Q1") == ("2021", "Q1")


def test_a_date_in_a_closed_bracket_dates_only_its_aside():
    # cfg583: "（相比2020年的3.49亿元…）" before "信号链产品实现营收7.09亿元" does not make 7.09 a 2020 level
    figs = extract_figures("2021年公司电源管理产品实现营收15.29亿元（相比2020年的8.48亿元增长80.31%），信号链产品实现营收7.09亿元。")
    assert [(f.text, f.period) for f in figs if f.text in ("8.48亿元", "7.09亿元")] == [
        ("8.48亿元", "2020年"), ("7.09亿元", "2021年")]
    text = _PRODUCTS.replace("。2021年研发", "，信号链产品实现营收7.09亿元（相比2020年的3.49亿元增长103.15%），占比整体营收{c}%。2021年研发")
    assert _stated(text.format(a="68.32", b="16.89", c="31.68"), "31.68%", "22.38亿元") == [("consistent", True)]
    assert _stated(text.format(a="68.32", b="16.89", c="33.68"), "33.68%", "22.38亿元") == [("inconsistent", True)]
