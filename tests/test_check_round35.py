"""Round 35: the wordings of financial news (docs/check.md, "Round 35"). The sentences are short ones shaped on
items of the FinNA news set of BBT-FinCUGE (ssymmetry/BBT-FinCUGE-Applications, which states no licence, so
its items are not shipped), and on CFBenchmark excerpts (Apache-2.0); figures are changed where a test needs
a wrong one."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- 个pct, 个 pp: points, not a count of 个

def test_points_written_with_ge_before_an_english_unit_are_points():
    for text, written in [("提升0.35个pct至4.86%", "0.35个pct"), ("同比-0.63个 pct", "-0.63个 pct"),
                          ("下降1.5个pp", "1.5个pp"), ("提升7.66个pcts", "7.66个pcts")]:
        figs = [f for f in extract_figures(text) if f.text == written]
        assert [(f.kind, f.unit) for f in figs] == [(FigureKind.POINTS, "个百分点")], text
    # a count of 个 stays a count
    assert [f.kind for f in extract_figures("新增3个品种")] == [FigureKind.QUANTITY]


def test_a_change_in_ge_pct_is_judged_against_its_two_levels():
    # cfr293: 19.39 − 11.73 = 7.66
    text = "21年上半年直销占比为19.39%，较去年同期（11.73%）提升{c}个pcts。"
    assert _stated(text.format(c="7.66"), "7.66个pcts") == [("consistent", True)]
    assert _stated(text.format(c="7.96"), "7.96个pcts") == [("inconsistent", True)]


def test_a_share_moved_by_ge_pct_to_its_level_is_read_as_a_share():
    # cfg535: 9667.54万 / 19.90亿 = 4.86%; last year's 4.51% from the two growths gives the 0.35 points
    text = ("2021年实现营业收入19.90亿元，同比增长17.14%。研发投入9667.54万元，同比增长26.10%，"
            "占营业收入的比重提升{c}个pct至4.86%。")
    assert _stated(text.format(c="0.35"), "4.86%", "/") == [("consistent", False)]
    assert _stated(text.format(c="0.35"), "0.35个pct", "上年") == [("consistent", False)]
    # confirm-only (last year's inputs may be restated): a change that does not fit stays unverifiable
    assert [v for v, _ in _stated(text.format(c="0.95"), "0.95个pct")] == ["unverifiable"]


# ---------------------------------------------------------------- 完成: the share of a target done

def test_a_bare_wancheng_after_a_target_and_what_is_done_is_their_share():
    # cfg401: 2.84 / 7.3 = 38.9%
    text = "2021 年公司利润总额目标 7.3 亿元，已实现 2.84 亿元，完成{p}%，业绩增长主要源于新材料产品交付快速增长所致。"
    assert _stated(text.format(p="38.85"), "38.85%") == [("consistent", False)]
    # a share that fits neither is not forced onto them
    assert [v for v, _ in _stated(text.format(p="48.85"), "48.85%")] in ([], ["unverifiable"])
    # 未完成 is what is left, not what is done
    assert _stated("利润总额目标 7.3 亿元，已实现 2.84 亿元，未完成61.1%。", "61.1%", "2.84") == []


# ---------------------------------------------------------------- balances of receipts and payments

def test_a_surplus_or_deficit_is_receipts_less_payments():
    # the balance of payments as the State Administration of Foreign Exchange writes it
    text = "2021年12月，我国货物贸易收入21762亿元，支出17405亿元，顺差{b}亿元。"
    assert _stated(text.format(b="4357"), "4357亿元", "顺差") == [("consistent", True)]
    assert _stated(text.format(b="4557"), "4557亿元", "顺差") == [("inconsistent", True)]
    text = "服务贸易收入2627亿元，支出3136亿元，逆差{b}亿元。"
    assert _stated(text.format(b="509"), "509亿元", "逆差") == [("consistent", True)]
    assert _stated(text.format(b="609"), "609亿元", "逆差") == [("inconsistent", True)]
    # a budget: 赤字 is what is spent over what comes in
    text = "1-11月，全国一般公共预算收入19.3万亿元，一般公共预算支出22.1万亿元，赤字{b}万亿元。"
    assert _stated(text.format(b="2.8"), "2.8万亿元", "赤字") == [("consistent", True)]
    assert _stated(text.format(b="3.8"), "3.8万亿元", "赤字") == [("inconsistent", True)]


# ---------------------------------------------------------------- 缩水: a fall

def test_shrinking_by_an_amount_is_a_fall_from_the_earlier_level():
    text = "某基金2021年四季度末规模为128.11亿元，较上季度末的144.12亿元缩水{c}亿元。"
    assert _stated(text.format(c="16.01"), "16.01亿元") == [("consistent", True)]
    assert _stated(text.format(c="16.91"), "16.91亿元") == [("inconsistent", True)]


# ---------------------------------------------------------------- 其中 after a total's move

def test_parts_after_a_total_and_its_move_are_parts_of_the_total():
    text = ("2021年全国粮食总产量68285万吨，比上年增加1336万吨，增长2.0%。其中，夏粮产量14596万吨，增长2.2%；"
            "早稻产量2802万吨，增长2.7%；秋粮产量{x}万吨，增长1.9%。")
    assert _stated(text.format(x="50888"), "68285万吨", "+") == [("consistent", False)]
    # parts that are moves themselves are parts of the move
    text = "全球铜库存 56 万吨，环比增加 4.22 万吨，其中国内增加 1.82 万吨，COMEX 增加 1.02 万吨，LME 增加 1.38 万吨。"
    assert _stated(text, "4.22 万吨", "+") == [("consistent", False)]
    assert _stated(text, "56 万吨", "+") == []


# ---------------------------------------------------------------- 合计， opening the total's sentence

def test_a_total_opened_by_heji_and_a_comma_sums_the_sentence_before():
    text = "2021年1-12月，全国发行新增债券43709亿元，全国发行再融资债券31189亿元。合计，全国发行地方政府债券{t}亿元。"
    assert _stated(text.format(t="74898"), "74898亿元", "+") == [("consistent", False)]
    # the parts are not known to be all of it: a misfit is not judged
    assert _stated(text.format(t="78898"), "78898亿元", "+") == []


# ---------------------------------------------------------------- a Chinese magnitude before an English unit

def test_wan_before_kw_is_part_of_the_unit():
    figs = extract_figures("总装机规模625万kW")
    assert [(f.text, f.kind, f.scale) for f in figs] == [("625万kW", FigureKind.QUANTITY, 1e4)]
    text = "新能源发电总装机规模{t}万kW（包括风力发电500万kW，光伏发电125万kW）。"
    assert _stated(text.format(t="625"), "625万kW", "+") == [("consistent", True)]
    # 包括 need not name every part: a misfit is left unverifiable
    assert _stated(text.format(t="635"), "635万kW", "+") == [("unverifiable", False)]


# ---------------------------------------------------------------- rate_gaps: a rate's gap to a benchmark's

def test_a_gap_to_a_benchmark_rate_in_the_gap_s_own_words_is_certain():
    text = "2021年河南外贸进出口总值达8208.1亿元，比2020年增长22.9%，高于全国进出口增速（21.4%）{g}个百分点。"
    assert _stated(text.format(g="1.5"), "1.5个百分点", "benchmark") == [("consistent", True)]
    assert _stated(text.format(g="2.5"), "2.5个百分点", "benchmark") == [("inconsistent", True)]
    text = "出口增长22.9%，高于全国21.4%的增速{g}个百分点。"
    assert _stated(text.format(g="1.5"), "1.5个百分点", "benchmark") == [("consistent", True)]
    # a fall below the benchmark: 2.1 − (−3.2)
    text = "出口下降3.2%，低于全国平均水平（2.1%）{g}个百分点。"
    assert _stated(text.format(g="5.3"), "5.3个百分点", "benchmark") == [("consistent", True)]
    assert _stated(text.format(g="1.1"), "1.1个百分点", "benchmark") == [("inconsistent", True)]


def test_a_gap_to_a_benchmark_named_before_confirms_each_rate_of_a_list():
    text = ("2021年全年全国规模以上工业增加值比上年增长9.6%。高技术制造业、装备制造业增加值分别增长18.2%、12.9%，"
            "增速分别比规模以上工业快{a}、{b}个百分点。")
    assert [v for v, _ in _stated(text.format(a="8.6", b="3.3"), "3.3个百分点", "benchmark")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(a="8.6", b="3.3"), "8.6", "benchmark")] == ["consistent"]
    # the benchmark found by its name may be another period's rate: a misfit is not refuted
    assert [v for v, _ in _stated(text.format(a="7.6", b="3.3"), "7.6", "benchmark")] == ["unverifiable"]


def test_a_gap_to_an_earlier_period_is_no_benchmark_gap():
    assert _stated("社会消费品零售总额增长12.5%，增速比上年加快16.4个百分点。", "16.4个百分点", "benchmark") == []
    assert _stated("出口增长12.5%，增速较1-11月回落0.4个百分点。", "0.4个百分点", "benchmark") == []


# ---------------------------------------------------------------- a forecast range against the base it names

def test_each_end_of_a_forecast_range_is_judged_against_the_base_named():
    text = ("嘉泽新能公告，预计2021年度实现归属于上市公司股东的净利润7.5亿元-8.5亿元，与上年同期的1.98亿元相比，"
            "将增加5.52亿元-6.52亿元，同比增长{lo}%-{hi}%。")
    assert _stated(text.format(lo="278.68", hi="329.17"), "278.68%", "base named") == [("consistent", True)]
    assert _stated(text.format(lo="278.68", hi="329.17"), "329.17%", "base named") == [("consistent", True)]
    assert _stated(text.format(lo="278.68", hi="329.17"), "6.52亿元", "base named") == [("consistent", True)]
    assert _stated(text.format(lo="278.68", hi="339.17"), "339.17%", "base named") == [("inconsistent", True)]
    # the range's own unverifiable reading is gone once its ends are judged
    assert not [c for c in check_text(text.format(lo="278.68", hi="329.17")) if c.verdict == "unverifiable"]


def test_a_loss_grows_against_last_year_s_loss_and_a_base_may_follow_in_a_bracket():
    text = "2021年度归属于上市公司股东的净亏损为423亿元至433亿元，去年同期亏损42.75亿元，净亏损同比增长{lo}%至912.87%。"
    assert _stated(text.format(lo="889.47"), "889.47%", "base named") == [("consistent", True)]
    assert _stated(text.format(lo="899.47"), "899.47%", "base named") == [("inconsistent", True)]
    text = ("公司预计归属上市公司股东的净利润为11.1亿元至13.1亿元（含子公司39.31%份额的2021年1-9月净利润），"
            "比上年同期增长644.28%至{hi}%（以经追溯调整的2020年度净利润1.49亿元为基数）。")
    assert _stated(text.format(hi="778.39"), "778.39%", "base named") == [("consistent", True)]
    assert _stated(text.format(hi="798.39"), "798.39%", "base named") == [("inconsistent", True)]


def test_a_loss_against_a_profit_or_a_negative_range_is_not_a_growth():
    assert _stated("预计2021年净亏损2.1亿元至2.5亿元，上年同期盈利1.2亿元，同比下降275%至308%。", "275%", "base") == []
    assert _stated("预计今年净利润为-24000万元~-18000万元，去年同期为1283.63万元，同比下降1969.70%~1502.27%。",
                   "1969.70%", "base") == []


def test_levels_and_amounts_in_different_magnitudes_give_last_year_s_level():
    text = ("国光电气公告，预计2021年年度实现归属于母公司所有者的净利润约为1.55亿元到1.75亿元之间，与上年同期相比，"
            "将增加约5959万元到7959万元，同比增长{lo}%到83.42%。")
    assert [v for v, _ in _stated(text.format(lo="62.46"), "62.46%", "less its change")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(lo="72.46"), "72.46%", "less its change")] == ["inconsistent"]


# ---------------------------------------------------------------- 其中 after a passed threshold; 分…看 breakdowns

def test_parts_after_a_passed_threshold_are_of_the_level_written_before_it():
    text = ("2021年河南外贸进出口总值达8208.1亿元，比2020年增长22.9%，历史首次突破8000亿元大关。"
            "其中出口5024.1亿元，增长23.3%；进口{x}亿元，增长22.3%。")
    assert _stated(text.format(x="3184"), "8208.1亿元", "+") == [("consistent", False)]
    assert _stated(text.format(x="3184"), "8000亿元", "+") == []


def test_a_breakdown_opened_by_fen_kan_pairs_with_the_headline_level_when_it_fits():
    text = ("全年地区生产总值突破4万亿元，达到40391.3亿元，比上年增长6.5%。分产业看，第一产业增加值4030.3亿元，增长6.3%；"
            "第二产业增加值16364.2亿元，增长4.8%；第三产业增加值{x}亿元，增长7.7%。")
    assert _stated(text.format(x="19996.7"), "40391.3亿元", "+") == [("consistent", False)]
    # a breakdown that does not fit the level before it may be of another level: nothing is said
    assert _stated(text.format(x="19796.7"), "40391.3亿元", "+") == []
    # no subset of the breakdown is fitted to another figure of the sentence before
    text = ("美国银行业贷款和租赁贷款增加 176 亿美元，其中大型银行贷款增加 139 亿美元，外国机构贷款增加 43 亿美元。"
            "分贷款类型看，工商业贷款增加 86 亿美元，住房按揭贷款减少 42 亿美元，消费贷款增加 81 亿美元。")
    assert _stated(text, "43 亿美元", "86") == []


def test_the_three_sectors_are_the_whole_of_a_gdp():
    text = ("山东2021年生产总值为83095.9亿元，按可比价格计算，比上年增长8.3%。其中，第一产业增加值6029.03亿元，同比增长7.5%；"
            "第二产业增加值33187.16亿元，同比增长7.2%；第三产业增加值{x}亿元，同比增长9.2%。")
    assert [v for v, _ in _stated(text.format(x="43879.71"), "83095.9亿元", "+")] == ["consistent"]
    # 6029.03 + 33187.16 + 43878.71 = 83094.90 (fn0574): off by one in the last written digit but one
    assert _stated(text.format(x="43878.71"), "83095.9亿元", "+") == [("inconsistent", True)]


# ---------------------------------------------------------------- a share 增至 its level; 与…相比，全年增加

def test_a_market_share_risen_to_its_level_is_a_share_of_the_total_before():
    text = "2021年全球共计出货平板电脑1.69亿台，较上年增长3.2%。苹果2021年共卖出了5780万台iPad，同比增长8.4%，市场份额增至{p}%。"
    assert _stated(text.format(p="34.2"), "34.2%", "/") == [("consistent", False)]


def test_a_change_after_a_base_compared_with_and_a_period_word():
    text = "截至2021年年底，国内百亿私募管理人增至105家，与2020年底的62家相比，全年增加{c}家。"
    assert _stated(text.format(c="43"), "43家") == [("consistent", True)]
    assert _stated(text.format(c="53"), "53家") == [("inconsistent", True)]


# ---------------------------------------------------------------- a decimal share glued to its name

def test_a_decimal_share_glued_to_a_latin_name_is_a_figure():
    figs = extract_figures("高速 NOA4.9%、城市 NOA16.8%")
    assert [(f.text, f.kind) for f in figs] == [("4.9%", FigureKind.PERCENT), ("16.8%", FigureKind.PERCENT)]
    # a model number stays a name
    assert [f.text for f in extract_figures("搭载 A17 芯片")] == []
    text = "2024年高阶智驾（高速 NOA + 城市 NOA）占比近 22%（高速 NOA4.9%、城市 NOA16.8%）。"
    assert [v for v, _ in _stated(text, "22%", "+")] == ["consistent"]


# ---------------------------------------------------------------- yield_spreads: a curve's spread from its yields

_WRAP = ("周五纽约尾盘，美国10年期基准国债收益率涨7.78个基点，报1.9085%，本周累涨13.90个基点。30年期美债收益率涨5.98个基点，"
         "报2.2101%。两年期美债收益率涨11.40个基点，报1.3099%；五年期美债收益率涨9.62个基点，报1.7682%。"
         "02/10年期美债收益率利差跌{c}个基点，报{s}个基点。05/30年期美债收益率利差跌3.637个基点，报43.855个基点。")


def test_a_spread_is_the_long_yield_less_the_short_one_in_basis_points():
    assert _stated(_WRAP.format(c="3.62", s="59.86"), "59.86个基点", "spread") == [("consistent", True)]
    assert _stated(_WRAP.format(c="3.62", s="59.86"), "3.62个基点", "spread") == [("consistent", True)]
    # as written, the wire's 59.251 does not close on 1.9085% − 1.3099%
    assert _stated(_WRAP.format(c="4.023", s="59.251"), "59.251个基点", "spread") == [("inconsistent", True)]
    assert _stated(_WRAP.format(c="4.023", s="59.251"), "4.023个基点", "spread") == [("inconsistent", True)]
    # 5.98 − 9.62 = −3.64: the 5/30 move closes
    assert _stated(_WRAP.format(c="3.62", s="59.86"), "3.637个基点", "spread") == [("consistent", True)]


def test_a_tenor_quoted_twice_leaves_its_spreads_alone():
    text = _WRAP.format(c="3.62", s="59.86") + "10年期通胀保值国债收益率跌1.2个基点，报-0.5%。"
    assert _stated(text, "59.86个基点", "spread") == []


def test_a_spread_s_move_over_a_period_is_its_yields_moves_over_that_period():
    text = ("美国10年期基准国债收益率涨7.78个基点，报1.9085%，本周累涨13.90个基点。两年期美债收益率涨11.40个基点，报1.3099%，"
            "本周累涨14.76个基点。02/10年期美债收益率利差跌3.62个基点，报59.86个基点，本周累跌{w}个基点。")
    assert _stated(text.format(w="0.86"), "0.86个基点", "本周") == [("consistent", True)]
    assert _stated(text.format(w="1.063"), "1.063个基点", "本周") == [("inconsistent", True)]


def test_a_rate_of_a_stated_fall_named_suojian_fudu_is_over_the_earlier_level():
    text = "截至2021年四季度末，该基金规模为776.25亿元，较三季度末的928.95亿元减少152.7亿元，缩减幅度{p}%。"
    assert _stated(text.format(p="16.44"), "16.44%", "/") == [("consistent", True)]
    # fn0010: 152.7 / 776.25 = 19.67%, the fall over the later level
    assert _stated(text.format(p="19.67"), "19.67%", "/") == [("inconsistent", True)]


# ---------------------------------------------------------------- a year-end balance's year of additions; 与…相比 ranges

def test_a_year_end_balance_grows_by_its_year_of_additions():
    text = "截至2021年末，制造业贷款余额2.65万亿元，去年全年增加4237亿元，同比增长{g}%。"
    assert _stated(text.format(g="19.03"), "19.03%", "/") == [("consistent", True)]
    assert _stated(text.format(g="29.03"), "29.03%", "/") == [("inconsistent", True)]
    # a balance at mid-year: the year's additions are not its 同比
    assert [v for v, _ in _stated("截至6月末，制造业贷款余额2.65万亿元，今年全年增加4237亿元，同比增长19.03%。", "19.03%")] \
        == ["unverifiable"]


def test_a_range_compared_with_a_named_year_gives_last_year_s_level():
    text = ("公司预计2021年度实现归属于上市公司股东的净利润为23.8亿元至24.7亿元，与2020年度相比，将增加12.6亿元到13.4亿元，"
            "同比增长{lo}%到119%；业绩预增主要是由于非经常性损益事项所致。")
    assert [v for v, _ in _stated(text.format(lo="112"), "112%", "less its change")] == ["consistent"]
    text = ("预计2021年归母净利润为11.3亿元至13.5亿元，与上年同期（法定披露数据）相比，将增加3.1亿元到5.3亿元，"
            "同比增加{lo}%到64.72%。")
    assert [v for v, _ in _stated(text.format(lo="37.88"), "37.88%", "less its change")] == ["consistent"]
    assert [v for v, _ in _stated(text.format(lo="47.88"), "47.88%", "less its change")] == ["inconsistent"]


# ---------------------------------------------------------------- grown_to: growth to a level from one stated before

def test_a_growth_to_a_level_from_the_level_stated_before_it_confirms():
    assert _stated("98只创业板新股平均弃购数量为2.51万股，新规后增加276%至9.43万股。", "276%", "grown to") \
        == [("consistent", False)]
    assert _stated("平均弃购数量为2.83万股，新规实施之后，这一数据升至16.75万股，增长492%。", "492%", "grown to") \
        == [("consistent", False)]
    # a miss says nothing (the level before may be another measure's)
    assert _stated("平均弃购数量为2.51万股，新规后增加376%至9.43万股。", "376%", "grown to") == []
    # a level another move led to is no base: "A上涨x%至L1，B下跌y%至L2"
    assert _stated("黑钨精矿上涨 1.7% 至 17.6 万元 / 吨，镓锭下跌 1.2% 至 163 万元 / 吨。", "1.2%", "grown to") == []
    # another measure named between
    assert _stated("公司A产品销量为2万吨，B产品销量增长50%至3万吨。", "50%", "grown to") == []


def test_a_benchmark_named_in_other_words_is_found_by_its_words_in_order():
    text = ("2021年我国全社会研究与试验发展（R&D）经费投入为27864亿元，比上年增长14.2%。其中，基础研究经费为1696亿元，"
            "增长15.6%，增速比全社会R&D经费快{g}个百分点。")
    assert [v for v, _ in _stated(text.format(g="1.4"), "1.4个百分点", "benchmark")] == ["consistent"]


# ---------------------------------------------------------------- index_moves: points, rate and the level closed at

def test_an_index_move_in_points_has_its_rate_over_the_level_it_moved_from():
    text = "波罗的海干散货运价指数下跌48点或{p}%，至1343点，为去年2月中旬以来的最低水平。"
    assert _stated(text.format(p="3.5"), "3.5%", "points over") == [("consistent", True)]
    assert _stated(text.format(p="3.9"), "3.9%", "points over") == [("inconsistent", True)]
    text = "沪指上涨30点，涨幅{p}%，报2530点。"
    assert _stated(text.format(p="1.2"), "1.2%", "points over") == [("consistent", True)]
    # 30 / 2530 = 1.19% would be the rate over the level closed at: the wrong base
    assert _stated("沪指上涨30点，涨幅1.3%，报2530点。", "1.3%", "points over") == [("inconsistent", True)]


# ---------------------------------------------------------------- named_years: a growth against a year named

def test_a_growth_against_a_named_year_is_over_that_year_s_level_in_the_paragraph():
    text = ("2022年广东电力市场交易规模有望达5500亿千瓦时，较2021年增长{g}%。相较之下，2021年广东电力交易电量达2951.7亿千瓦时，"
            "同比增幅仅为18%。")
    assert _stated(text.format(g="86"), "86%", "2021年's level") == [("consistent", True)]
    # fn0043: 5500 / 2951.7 − 1 = 86.3%, written 104%
    assert _stated(text.format(g="104"), "104%", "2021年's level") == [("inconsistent", True)]
    # a level of the unit dated that year under another name only confirms
    text = "2022年公司发电量有望达550亿千瓦时，较2021年增长{g}%。2021年全国弃风电量为295亿千瓦时。"
    assert _stated(text.format(g="86"), "86%", "2021年's level") == [("consistent", False)]
    assert [v for v, _ in _stated(text.format(g="104"), "104%", "2021年's level")] == ["unverifiable"]
    # two levels of the unit dated that year: which one is the base is not written
    text = "2022年交易电量有望达5500亿千瓦时，较2021年增长86%。2021年交易电量达2951.7亿千瓦时，2021年用电量为8000亿千瓦时。"
    assert _stated(text, "86%", "2021年's level") == []
