"""Round 20: relations the thirty-sixth and thirty-seventh blind sets listed that the checker did
not find: a growth over several years against the level of the year it names or counts back to, and a
list's total written in a bracket after it."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures


def _growths(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "growth"}


def test_a_growth_against_a_named_earlier_year_is_over_that_years_level():
    # 35 / 10.8 - 1 = 224.1%: the base is 2018's level, not the year before 2021's
    text = "公司 2018 年营收 10.8 亿元，2021 年营收达 35 亿元，较 2018 年增长 224%。"
    assert _growths(text) == {"224%": "consistent"}
    assert _growths(text.replace("224%", "264%")) == {"264%": "inconsistent"}


def test_a_growth_over_years_counted_in_words_or_digits_starts_that_many_years_back():
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收 35 亿元，三年增长 224%。") == {"224%": "consistent"}
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收达 35 亿元，近 3 年累计增长 264%。") \
        == {"264%": "inconsistent"}


def test_a_span_that_does_not_reach_back_to_a_written_level_checks_nothing():
    # two years back from 2021 is 2019: 2018's level is no base for it
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收 35 亿元，两年增长 224%。") == {}
    # another measure's level of the named year is no base either
    assert _growths("公司 2018 年净利润 10.8 亿元，2021 年营收 35 亿元，较 2018 年增长 224%。") \
        .get("224%") != "inconsistent"


def _sums(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "sum"}


def test_a_total_in_a_bracket_after_a_list_is_its_sum():
    # cfb421: four expense ratios' changes and their total in a bracket after them
    text = ("报告期内公司销售费用率/管理费用率/研发费用率/财务费用率相比去年同期分别变化"
            "-0.13/-9.80/-0.38/+20.88pcts（累计变化+10.57pcts）。")
    assert _sums(text) == {"+10.57pcts": "consistent"}
    assert _sums("三项费用分别为1.2/3.4/5.6亿元（合计12.2亿元）。") == {"12.2亿元": "inconsistent"}


def _changes(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind in ("change", "growth")}


def test_a_previous_value_after_a_comma_is_the_base_of_the_move_after_it():
    # report 335, a weekly data round-up: "当周为 B，前值为 A，环比下降 C" in points, amounts, days
    assert _changes("**电炉开工率**：当周为 57.1%，前值为 59.0%，环比下降 1.9 个百分点。") == {"1.9 个百分点": "consistent"}
    assert _changes("**电炉开工率**：当周为 57.1%，前值为 59.0%，环比上升 1.9 个百分点。") \
        == {"1.9 个百分点": "inconsistent"}
    assert _changes("**乘用车厂家零售量**：当周为 39660 辆，前值为 95374 辆，环比大幅下降 55714 辆。") \
        == {"55714 辆": "consistent"}
    assert _changes("**PTA 库存天数**：当周为 7.9 天，前值为 8.0 天，环比减少 0.3 天。") == {"0.3 天": "inconsistent"}
    # a percentage of two amounts is their growth
    assert _changes("社融当月新增 1102 亿元，前值为 216 亿元，环比增长 410%。") == {"410%": "consistent"}
    assert _changes("社融当月新增 1102 亿元，前值为 216 亿元，环比增长 310%。") == {"310%": "inconsistent"}


def test_counts_of_trips_keep_their_unit():
    # 人次 and 架次 are units of their own: "4003 万人次" is not 4003 万人 followed by 次
    assert _changes("**一线城市地铁客流量**：当周为 3997 万人次，前值为 4003 万人次，环比小幅下降 7 万人次。") \
        == {"7 万人次": "consistent"}
    assert [f.unit for f in extract_figures("国内执行航班 14401 架次") if f.value] == ["架次"]


def test_a_second_move_with_its_rate_is_of_the_level_before_the_first():
    # report 55, a weekly building-materials round-up: the week's move and the year's, each with its rate
    text = ("本周全国高标水泥市场价格 370.8 元 / 吨，较上周下跌 7.8 元 / 吨（环比 - 2.1%），"
            "较 2024 年同期上涨 5.2 元 / 吨（同比 + 1.4%）。")
    assert _changes(text) == {"- 2.1%": "consistent", "+ 1.4%": "consistent"}
    assert _changes(text.replace("+ 1.4%", "+ 2.4%"))["+ 2.4%"] == "inconsistent"
    # a rate's move in points, over the rate before it (1.3 / 64.0 = 2.0%, 2.2 / 67.5 = 3.3%)
    points = ("全国样本企业平均水泥库位 65.3%，较上周上升 1.3 个百分点（环比 + 2.0%），"
              "较 2024 年同期下降 2.2 个百分点（同比 - 3.3%）。")
    assert {k: v for k, v in _changes(points).items() if "%" in k} == {"+ 2.0%": "consistent", "- 3.3%": "consistent"}


def test_what_of_a_unit_the_reader_leaves_must_match_on_the_level_and_its_move():
    # "吨 / 日" and "万重箱" are read as 吨 and 万: the rest is the same on both figures
    text = ("全国 13 省样本企业原片库存 5774 万重箱，较上周减少 55 万重箱（环比 - 0.94%），"
            "较 2024 年同期增加 406 万重箱（同比 + 7.5%）。")
    # 406 / 5368 = 7.56%, written 7.5% (the set's annotator lists it as an error)
    assert {k: v for k, v in _changes(text).items() if "%" in k} == {"- 0.94%": "consistent", "+ 7.5%": "inconsistent"}
    # a move named in another unit word is no move of the level
    assert _changes("原片库存 5774 万重箱，较上周减少 55 万吨（环比 - 0.94%）。") == {"- 0.94%": "unverifiable"}


def test_a_net_margins_clause_ends_where_another_measure_is_named():
    # cfb322: after "归母净利率同降8.55pcts至4.45%" come 存货's growth and a share; 4.45% is the margin
    text = ("公司2021年前三季度实现总营收26.65亿元（YOY-3.21%），归母净利1.19亿元（YOY-66.85%）。"
            "公司前三季度毛利率同降10.6pcts至16.79%，归母净利率同降8.55pcts至4.45%，存货同增56.59%至11.70亿元，"
            "主要系原材料采购增加所致，伴随Q4旺季（2020年Q4营收占比28.8%）各项指标有望改善回暖。")
    ratios = {c.stated: c.verdict for c in check_text(text) if c.kind == "ratio"}
    assert ratios == {"4.45%": "consistent"}
    wrong = {c.stated: c.verdict for c in check_text(text.replace("至4.45%", "至5.45%")) if c.kind == "ratio"}
    assert wrong == {"5.45%": "inconsistent"}


def test_a_unit_gross_profit_is_the_unit_price_less_the_unit_cost_and_so_are_their_changes():
    # cfr261: a steel maker's per-tonne economics and their changes on the year and on the quarter
    text = ("折算吨售价4331元/吨，吨营业成本3520元/吨，吨毛利812元/吨，分别同比+863元/吨、+651元/吨、+212元/吨，"
            "环比四季度则分别+512元/吨、+547元/吨、-35元/吨。")
    got = {(c.kind, c.stated): c.verdict for c in check_text(text) if "unit" in c.relation}
    assert got == {("difference", "812元/吨"): "consistent", ("change", "+212元/吨"): "consistent",
                   ("change", "-35元/吨"): "consistent"}
    # a price may be quoted with tax: a misfit proves nothing (cfr248: 4.34 - 3.04 is not 1.12)
    off = check_text("公司电池化学品2020年平均售价为4.34万元/吨，单吨成本3.04万元/吨，单吨毛利为1.12万元/吨。")
    assert [(c.kind, c.verdict) for c in off if "unit" in c.relation] == [("difference", "unverifiable")]


def test_a_signed_growth_after_a_comma_closes_a_from_to_pair():
    # cfr248: "由A下滑至B，yoy-3%" needs no verb before the signed growth; 同比 makes it confirm-only
    text = "锂电池化学品单吨成本由3.13万元/吨下滑至3.04万元/吨，yoy-3%。"
    assert _changes(text) == {"-3%": "consistent"}
    assert _changes(text.replace("-3%", "-13%")) == {"-13%": "unverifiable"}


def test_last_years_level_named_relative_to_the_year_is_a_base_to_confirm():
    # cfr276: "去年一季度营业收入16.56亿元" two paragraphs after "21Q1实现营业收入18.27亿元，同比增长10.32%"
    text = ("21Q1实现营业收入18.27亿元，同比增长10.32%；实现归母净利润2.13亿元，同比增长25.34%。"
            "去年一季度营业收入16.56亿元，同比降5.56%，归母净利润1.70亿元，同比降10.59%。")
    got = _changes(text)
    assert got["10.32%"] == "consistent" and got["25.34%"] == "consistent"
    # found by its frame, the base only confirms: a misfit proves nothing
    assert _changes(text.replace("10.32%", "20.32%"))["20.32%"] == "unverifiable"


def test_an_rd_ratio_over_rd_spending_and_the_periods_revenue_confirms_only():
    # cfr268: "研发支出 17.54 亿元…研发费用率高达 26.23%" over "收入 66.9 亿元" (17.54 / 66.9 = 26.22%)
    text = ("公司公布 2020 年业绩：收入 66.9 亿元，同比增长 3.31%。2020 年研发支出 17.54 亿元，同比增加 62.55%，"
            "研发费用率高达 {}，同比增 9.56ppts。")
    ratio = {c.stated: c.verdict for c in check_text(text.format("26.23%")) if c.kind == "ratio"}
    assert ratio == {"26.23%": "consistent"}
    # spending may hold capitalised R&D the ratio leaves out: a misfit proves nothing
    ratio = {c.stated: c.verdict for c in check_text(text.format("28.23%")) if c.kind == "ratio"}
    assert ratio == {"28.23%": "unverifiable"}


def test_a_yearly_rate_between_a_from_and_a_to_level_is_their_cagr():
    # cfr367: (19 / 6.63)^(1/6) - 1 = 19.2%, written 19.4% (within the rounding of 19 亿台)
    text = "StrategyAnalytics预测智能家居设备将由2017年的6.63亿台以{}的增速增长到2023年的19亿台。"
    cagr = {c.stated: c.verdict for c in check_text(text.format("19.4%")) if c.kind == "cagr"}
    assert cagr == {"19.4%": "consistent"}
    cagr = {c.stated: c.verdict for c in check_text(text.format("29.4%").replace("增速", "年均复合增速"))
            if c.kind == "cagr"}
    assert cagr == {"29.4%": "inconsistent"}


def test_a_year_series_growth_list_may_be_written_with_yue():
    # cfb587: "同比增长分别约57%、40%、32%"
    text = "预计公司2023-2025年归母净利润分别为1.6、2.2、2.9亿元，同比增长分别约57%、40%、{}。"
    assert _changes(text.format("32%"))["32%"] == "consistent"
    assert _changes(text.format("52%"))["52%"] == "inconsistent"


def test_the_period_expense_ratio_is_the_period_expense_over_revenue():
    # cfb009: 期间费用 is an expense of its own name, 7.72 / 78.16 = 9.88%
    text = ("2018 年公司实现营业收入 78.16 亿元，同比增长 22.86%。报告期内公司期间费用支出 7.72 亿元，同比提高6.0%，"
            "期间费用率为 {}，比去年同期降低 1.57pct。")
    assert {c.stated: c.verdict for c in check_text(text.format("9.88%")) if c.kind == "ratio"} == {"9.88%": "consistent"}
    # the period is carried from the paragraph before: a misfit proves nothing
    assert {c.stated: c.verdict for c in check_text(text.format("10.88%")) if c.kind == "ratio"} \
        == {"10.88%": "unverifiable"}


def test_a_count_split_by_outcome_may_repeat_its_noun_and_name_the_week():
    # report 507: "在监测的 139 种化工品中，本周 64 种化工品价差上涨，15 种持平，60 种下跌"
    sums = {c.stated: c.verdict for c in check_text(
        "在监测的 139 种化工品中，本周 64 种化工品价差上涨，15 种持平，60 种下跌。") if c.kind == "sum"}
    assert sums == {"139 种": "consistent"}
    sums = {c.stated: c.verdict for c in check_text(
        "在基础化工板块 424 只股票中，本周 327 只股票上涨，96 只股票下跌，2 只股票持平。") if c.kind == "sum"}
    assert sums == {"424 只": "inconsistent"}


def test_a_change_with_an_adverb_before_its_verb_is_read_with_its_ratio():
    # cfr418: "成本收入比24.6%，同比小幅上升1.2个百分点" beside 396 亿元 (+7.3%) over 1611 亿元 (+2.1%)
    text = ("2022年一季度实现营业收入1611亿元，同比增长2.1%。2022年一季度业务及管理费396亿元，同比增长7.3%，"
            "成本收入比24.6%，同比小幅上升{}个百分点。")
    got = {c.stated: c.verdict for c in check_text(text.format("1.2")) if c.kind == "change"}
    assert got == {"1.2个百分点": "consistent"}
    # found by two fits, nothing here refutes
    got = {c.stated: c.verdict for c in check_text(text.format("3.2")) if c.kind == "change"}
    assert got.get("3.2个百分点") != "inconsistent"


def test_a_degree_word_before_a_change_verb_reads_as_the_plain_wording():
    # 452 changes of the corpus are written "同比小幅上升", "同比大幅增长", "同比微降"
    assert _changes("公司营收 120 亿元，同比大幅增长 20%，上年同期为 100 亿元。") == {"20%": "consistent"}
    assert _changes("毛利率 30.5%，较上年同期的 28.2% 小幅提升 2.5 个百分点。") == {"2.5 个百分点": "inconsistent"}
    # the quoted sentence keeps its words
    chk = next(c for c in check_text("公司营收 120 亿元，同比大幅增长 20%，上年同期为 100 亿元。") if c.stated == "20%")
    assert "大幅" in chk.sentence


def test_a_bi_right_before_its_figure_names_a_ratio_not_a_comparison():
    # cfr418: "成本收入比24.6%，同比上升1.2个百分点" is no 7.3% → 24.6% change
    text = "2022年一季度业务及管理费396亿元，同比增长7.3%，成本收入比24.6%，同比上升1.2个百分点。"
    assert "inconsistent" not in {c.verdict for c in check_text(text)}
    assert _changes("营收 120 亿元，比上年的 100 亿元增长 20%。") == {"20%": "consistent"}


def test_a_net_margin_named_last_of_a_list_of_ratios_takes_the_last_value():
    # "销售毛利率/净利率分别为51.65%/30.29%": 0.9966 / 3.30 = 30.2% (cfb545's 23Q1, here in round figures)
    text = ("23Q1公司实现营业收入3.30亿元，同比增长42.47%，实现归母净利润1.00亿元，同比增长62.65%。"
            "23Q1销售毛利率和归母净利率分别为51.65%/{}。")
    assert {c.stated: c.verdict for c in check_text(text.format("30.29%")) if c.kind == "ratio"}["30.29%"] == "consistent"
    assert {c.stated: c.verdict for c in check_text(text.format("35.29%")) if c.kind == "ratio"}["35.29%"] == "inconsistent"
    # a bare 净利率 beside only the 归母 profit may be on the total profit: a misfit proves nothing
    bare = text.replace("归母净利率", "净利率").format("35.29%")
    assert "inconsistent" not in {c.verdict for c in check_text(bare) if c.kind == "ratio"}


def test_a_later_value_of_a_list_of_margins_is_the_margin_it_is_placed_at():
    # cfb516: "销售毛利率和净利率分别为75.21%/20.95%" is 10.51 / 50.14 = 20.96% for the 净利率
    text = ("2022年实现营收50.14亿元，同比增长24.65%，归母净利润10.51亿元，同比增长21.82%。"
            "销售毛利率和净利率分别为75.21%/{}，同比分别-0.80pct/-0.53pct。")
    got = {(c.kind, c.stated): c.verdict for c in check_text(text.format("20.95%"))}
    assert got[("ratio", "20.95%")] == "consistent" and got[("change", "-0.53pct")] == "consistent"
    # a list value's period is not certain and its inputs only confirm: no check when none fits
    assert ("ratio", "22.95%") not in {(c.kind, c.stated) for c in check_text(text.format("22.95%"))}


def test_products_issued_and_satellites_are_counted_in_their_units():
    # report 135: "其中，股份行理财子新发 952 份（占比 56.9%）" of the sentence before's 1673 份
    text = "理财子新发产品 1673 份，环比减少 14.5%。其中，股份行理财子新发 952 份（占比 {}）。"
    assert {c.stated: c.verdict for c in check_text(text.format("56.9%")) if c.kind == "share"} == {"56.9%": "consistent"}
    # (a whole in the sentence before only confirms)
    assert {c.stated: c.verdict for c in check_text(text.format("59.6%")) if c.kind == "share"} \
        == {"59.6%": "unverifiable"}
    # 月份 stays a date
    assert [f.kind.value for f in extract_figures("3月份新发 20 份")] == ["date", "quantity"]


def test_names_joined_by_yu_before_fenbie_frame_their_values():
    # cfb108: "营业收入与净利润分别为 7071 万、 1915 万元" frames 1915 万元 as 净利润 (1915 / 7071 = 27.1%)
    text = "2019 年全年实现营业收入与净利润分别为 7071 万、 1915 万元，净利率高达 {}。"
    assert {c.stated: c.verdict for c in check_text(text.format("27%")) if c.kind == "ratio"} == {"27%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("37%")) if c.kind == "ratio"} == {"37%": "inconsistent"}


def test_an_eps_is_the_parent_profit_over_the_share_count_written_for_it():
    # cfb126: 0.50 亿 / 6.61 亿股 = 0.076 元
    eps = {c.stated: c.verdict for c in check_text(
        "实现归母净利润0.50亿元，YoY-29.16%，按最新6.61亿股的总股本计，实现单季度每股收益0.08元。") if c.kind == "ratio"}
    assert eps == {"0.08元": "consistent"}
    # cfr113, listed as an error by the 27th set: 25.94 亿 / 20.32 亿股 = 1.277 元, written 1.29元
    text = ("归属于上市公司股东的净利润25.94亿元，同比增长13.49%。按20.32亿股总股本计，实现每股收益1.29元，"
            "每股经营现金流为0.99元。")
    assert {c.stated: c.verdict for c in check_text(text) if c.kind == "ratio"} == {"1.29元": "inconsistent"}
    # cfr197: the EPS is on the 归母 profit, not on the 扣非 profit written nearer it
    text = ("归属于上市公司股东的净利润10.23亿元，同比下降4.34%，扣除非经常性损益后的净利润9.53亿元，同比增长20.11%。"
            "按3.10亿股的总股本计算，实现摊薄每股收益3.30元（扣非后为3.08元）。")
    assert {c.stated: c.inputs[0] for c in check_text(text) if c.kind == "ratio"} == {"3.30元": "10.23亿元"}


def test_a_trade_in_own_shares_is_its_shares_at_their_price():
    # report 121: 2.92 亿股 × 1.22 元 = 3.56 亿元
    got = {c.stated: c.verdict for c in check_text(
        "截至 5 月 30 日，累计回购 2.92 亿股（占总股本 1.32%），均价 1.22 元 / 股，总金额 3.56 亿元。") if c.kind == "product"}
    assert got == {"3.56 亿元": "consistent"}
    # cfb005, listed as an error by the 38th set: 1,280,050 股 at 7.51-7.70 元 is 961-986 万元, not 9,770 万元
    got = {c.stated: c.verdict for c in check_text(
        "公司累计回购股份数量 1，280，050 股，占总股本的 0.1598%，成交价在 7.51-7.70 元/股，总金额为 9，770 万元。")
        if c.kind == "product"}
    assert got == {"9,770 万元": "inconsistent"}
    # an average written after the amount is its quotient (108,620,307 / 14,515,014 = 7.483)
    got = {c.stated: c.verdict for c in check_text(
        "已在二级市场购买公司股份 14，515，014 股，占总股本比例为 1.81%，成交金额 108，620，307 元，均价约为 7.48 元。")
        if c.kind == "ratio"}
    assert got == {"7.48 元": "consistent"}


def test_a_plain_average_after_a_list_is_its_mean():
    # cfr038: (4.50 + 5.45 + 5.84 + 5.38 + 4.89) / 5 = 5.21
    text = "公司最近5期的公司债票面利率分别为4.50%、5.45%、5.84%、5.38%、4.89%（时间更近者在前），平均为{}。"
    assert {c.stated: c.verdict for c in check_text(text.format("5.21%")) if c.kind == "average"} == {"5.21%": "consistent"}
    # rates may be averaged with weights: a misfit proves nothing
    assert {c.stated: c.verdict for c in check_text(text.format("5.51%")) if c.kind == "average"} == {"5.51%": "unverifiable"}
    amounts = "三家公司营收分别为 10.2 亿元、12.4 亿元、14.6 亿元，平均为 {} 亿元。"
    assert {c.stated: c.verdict for c in check_text(amounts.format("13.4")) if c.kind == "average"} == {"13.4 亿元": "inconsistent"}


def test_an_issue_of_shares_raises_its_shares_at_the_issue_price():
    # cfr155: 5844.6 万股 × 15.57 元 = 9.10 亿元
    text = "拟非公开发行5844.6万股，发行价为15.57元/股，募资不超过{}亿元。"
    assert {c.stated: c.verdict for c in check_text(text.format("9.1")) if c.kind == "product"} == {"9.1亿元": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("8.1")) if c.kind == "product"} == {"8.1亿元": "inconsistent"}


def test_an_eps_elsewhere_is_over_the_articles_one_share_count():
    # cfb126, listed as an error by the 38th set: 0.84 亿 / 6.61 亿股 = 0.127 元, written 0.16元
    text = ("2019Q4营业收入8.21亿元，YoY+15.14%；归母净利润0.84亿元，YoY+28.04%；折合单季度EPS为{}元。"
            "实现归母净利润0.50亿元，YoY-29.16%，按最新6.61亿股的总股本计，实现单季度每股收益0.08元。")
    got = {c.stated: c.verdict for c in check_text(text.format("0.16")) if c.kind == "ratio"}
    assert got == {"0.16元": "inconsistent", "0.08元": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("0.13")) if c.kind == "ratio"}["0.13元"] == "consistent"
    # an EPS not written diluted may be on the period's weighted count: a misfit proves nothing
    plain = text.replace("折合单季度EPS为", "单季度EPS为").format("0.16")
    assert {c.stated: c.verdict for c in check_text(plain) if c.kind == "ratio"}["0.16元"] == "unverifiable"


def test_a_slash_list_of_quarters_goes_on_to_the_next_measure_named_alone():
    # cfb185: "Q1/Q2/Q3营收8.3/14/15亿元、同比增…，归母净利润1.3/2.8/2.9亿元" against the nine months' 7.02亿元
    text = ("前三季度公司营业收入为37.34亿元，同比增52.93%；归母净利润为{}亿元，同比增103.66%。Q1/Q2/Q3营收8.3/14/15亿元、"
            "同比增23.61%/62.52%/65.63%，归母净利润1.3/2.8/2.9亿元，同比增57.15%/110.67%/126.28%。")
    sums = {c.stated: c.verdict for c in check_text(text.format("7.02")) if c.kind == "sum"}
    assert sums == {"37.34亿元": "consistent", "7.02亿元": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("7.62")) if c.kind == "sum"}["7.62亿元"] == "inconsistent"


def test_prices_per_unit_are_no_parts_of_a_breakdown():
    # regions' prices average to the whole's, they do not add up to it (reports 51, 326, 478, 585)
    text = "全国生猪均价为 16.5 元 / 公斤，其中河南、山东和四川分别为 16.2、16.8、17.1 元 / 公斤。"
    assert not [c for c in check_text(text) if c.kind == "sum"]


def test_the_middle_of_a_range_past_its_growths_in_a_bare_yi():
    # cfb309: "3.75-4.30亿元，YoY+91.13%-119.16%，中值4.03亿" is (3.75 + 4.30) / 2 = 4.025
    text = "报告期内实现归母净利润3.75-4.30亿元，YoY+91.13%-119.16%，中值{}亿，YoY+105.14%。"
    assert {c.stated: c.verdict for c in check_text(text.format("4.03")) if c.kind == "average"} == {"4.03亿": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("4.23")) if c.kind == "average"} == {"4.23亿": "inconsistent"}


def test_a_dividend_with_its_base_written_after_the_rate_and_in_bold():
    # report 64: "每 10 股派发现金红利 **2.50 元**（含税），基数 685,426,671 股，合计派现 **1.71 亿元**"
    text = "**中科电气**：2024 年度权益分派，每 10 股派发现金红利 **2.50 元**（含税），基数 685,426,671 股，合计派现 **{} 亿元**。"
    assert {c.stated: c.verdict for c in check_text(text.format("1.71")) if c.kind == "product"} == {"1.71 亿元": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format("1.91")) if c.kind == "product"} == {"1.91 亿元": "inconsistent"}
    got = {c.stated: c.verdict for c in check_text(
        "**中信博**：调整 2024 年度利润分配，每股派现 **1 元**（含税），基数 217,255,940 股，分红总额 **2.17 亿元**。")
        if c.kind == "product"}
    assert got == {"2.17 亿元": "consistent"}
