"""Round 16: relations company research writes that the checker paired with nothing, each from a
real article: a bare 净利率 beside only the 归母 profit of its period."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb444 (twenty-eighth set): "归母净利" is the only profit of 22H1 and 22Q2; the margins are bare 净利率
_CFB444 = ("22H1公司营业收入23.0亿元/+2.4%，归母净利7.4亿元/+7.6%，扣非后归母净利7.2亿元/+9.9%；其中22Q2营业收入9.9亿元/-7.9%，"
           "归母净利2.5亿元/-4.9%，扣非后归母净利2.5亿元/-2.1%。盈利能力方面，22H1年公司毛利率同比提升0.7Pct至75.5%；"
           "净利率同比提升1.5Pcts至{h}。其中22Q2毛利率同比降低0.7Pct至72.1%，销售费用率降低2.3Pcts、净利率同比提升0.8Pct至{q}。")


def test_a_bare_net_margin_is_read_on_the_only_parent_profit_of_its_period():
    checks = check_text(_CFB444.format(h="32.2%", q="25.8%"))
    ratios = {c.stated: c for c in checks if c.kind == "ratio"}
    assert ratios["32.2%"].verdict == "consistent" and ratios["32.2%"].relation == "7.4亿元 / 23.0亿元 = 32.2%"
    assert ratios["25.8%"].verdict == "consistent" and ratios["25.8%"].inputs == ["2.5亿元", "9.9亿元"]


def test_a_bare_net_margin_that_misses_the_parent_profit_proves_nothing():
    # it may be on the total profit, minorities included: a misfit is no verdict
    checks = check_text(_CFB444.format(h="35.2%", q="28.8%"))
    assert not [c for c in checks if c.stated in ("35.2%", "28.8%") and c.verdict != "unverifiable"]


# 297 (seventeenth set, a sector review): once the margin fits the 归母 profit its basis is settled,
# and its change from last year's margin rebuilt from the growths refutes
_297 = ("2025Q1：营收 1598.77 亿元（同比降 2.33%），归母净利润 115.56 亿元（同比增 11.56%），需求回暖、价格提涨及降本增效推动利润改善。"
        "盈利能力：25Q1 毛利率 18.94%（同比升 1.79pct），净利率 7.23%（同比升 {d}）。")


def test_the_change_of_a_bare_net_margin_that_fits_the_parent_profit_is_checked():
    (c,) = [c for c in check_text(_297.format(d="0.90pct")) if c.stated == "0.90pct"]
    assert c.verdict == "consistent" and c.derived
    # the article's 7.68pct (last year's margin would be -0.45%, not 6.33%) is a real error
    (c,) = [c for c in check_text(_297.format(d="7.68pct")) if c.stated == "7.68pct"]
    assert c.verdict == "inconsistent" and "6.33%" in c.relation


# cfr402 (thirtieth set): three expenses and their ratios listed by slashes, the revenue a sentence before
_CFR402 = ("事件概述：公司公告，2022年Q1公司实现收入8.09亿元/yoy+59.62%，实现净利润1.45亿元/yoy+84.04%。"
           "高质量盈利能力延续，净利率水平进一步提升。2022Q1公司销售/管理/研发费用为3.88/0.61/0.31亿元，"
           "yoy+66.52%/+48.78%/+34.78%,对应销售/管理/研发费率为{r}，yoy+2.1pct/-0.4pct/-0.7pct。")


def test_listed_expense_ratios_are_their_expenses_over_the_revenue_of_their_period():
    checks = [c for c in check_text(_CFR402.format(r="48%/7.6%/3.8%")) if "费用 " in c.relation]
    assert [(c.stated, c.verdict) for c in checks] == [("48%", "consistent"), ("7.6%", "consistent"), ("3.8%", "consistent")]
    # the list's unit is its last item's: 3.88 is 3.88亿元
    assert checks[0].relation == "销售费用 3.88 (亿元) / 8.09亿元 = 48%" and checks[0].inputs == ["3.88", "8.09亿元"]
    checks = [c for c in check_text(_CFR402.format(r="48%/8.6%/3.8%")) if "费用 " in c.relation]
    assert [(c.stated, c.verdict) for c in checks] == [("48%", "consistent"), ("8.6%", "inconsistent"), ("3.8%", "consistent")]


def test_an_expense_ratio_after_its_earlier_level_and_a_year_alone_as_the_period():
    # cfb383 (twenty-second set): "2021年" is the year (not the Q4 written a sentence before)
    text = ("北京君正发布2021年年度业绩报告：公司2021年实现营业收入为52.74亿元，同比增长143.07%。"
            "公司2021年Q4实现营收14.81亿元（同比+57.55%，环比+1.6%）。此外，2021年公司研发费用为5.21亿元（同比+56.44%），"
            "研发费用率由去年同期的10.12%提升至{r}。")
    (c,) = [c for c in check_text(text.format(r="9.88%")) if c.relation.startswith("研发费用")]
    assert c.verdict == "consistent" and c.inputs == ["5.21亿元", "52.74亿元"]
    (c,) = [c for c in check_text(text.format(r="8.88%")) if c.relation.startswith("研发费用")]
    assert c.verdict == "inconsistent"


def test_an_expense_ratio_whose_period_is_carried_from_its_paragraph_only_confirms():
    # cfb487 (twenty-sixth set): the paragraph opens on Q3, its expense ratios are the nine months'
    text = ("2022年前三季度公司实现营业收入23.05亿元，同比+78.87%。单季度来看，公司2022Q3收入为6.85亿元，同比+47.99%。"
            "期间费用率34.14%，同比-2.24个百分点；其中销售费用率14.99%，同比-0.65个百分点；管理费用率19.57%，同比-0.96个百分点。"
            "2022年三季度，公司销售费用为1.42亿元，管理费用为0.69亿元，同比增加0.22亿元。")
    assert not [c for c in check_text(text) if c.relation.startswith(("销售费用", "管理费用")) and c.verdict != "unverifiable"]


def test_the_first_nine_months_are_no_third_quarter():
    # "2021前三季度" is 9M: its revenue is no denominator of a Q3 expense ratio
    text = ("公司发布2021前三季度报告，实现营收121.11亿元，同增7.27%。21Q3公司实现营收45.72亿元，同比增长38.50%。"
            "21Q3研发费用达3.18亿，研发费用率同比略增0.6pct至{r}。")
    (c,) = [c for c in check_text(text.format(r="7.0%")) if c.relation.startswith("研发费用")]
    assert c.verdict == "consistent" and c.inputs == ["3.18亿", "45.72亿元"]


def test_a_profit_per_unit_is_no_amount_over_revenue():
    # cfb403 (thirty-first set): 单票毛利 0.40元 beside the quarter's revenue; 毛利率 12.7% is per parcel
    text = ("22Q1公司实现营收118.3亿元，同比增长32.0%，实现归母净利润8.7亿元，同比增长134.9%。"
            "2022Q1单票毛利为0.40元（同比+71.1%，环比+21.6%），同比环比均实现显著提升，毛利率达12.7%，净利率达7.4%。")
    checks = check_text(text)
    assert not [c for c in checks if c.stated == "12.7%" and c.verdict == "inconsistent"]
    (c,) = [c for c in checks if c.stated == "7.4%"]
    assert c.verdict == "consistent"  # 8.7 / 118.3 = 7.35%: the company's margin is still read


def test_a_margin_of_a_part_named_after_qizhong_is_not_the_companys():
    # cfr542 (thirty-first set): 空刻's margin, after the company's, is no ratio of the company's figures
    text = ("公司发布2022年年报，全年收入20.37亿，同比+29.10%；归母净利润2.15亿元，同比+16.15%。"
            "全年来看公司净利率10.57%，同比+0.38pcts，其中空刻（厨房阿芬）高销售费投下盈利相对稳定，全年净利率约5.0％。")
    checks = check_text(text)
    assert not [c for c in checks if c.stated.startswith("5.0") and c.verdict == "inconsistent"]
    (c,) = [c for c in checks if c.stated == "10.57%" and c.kind == "ratio"]
    assert c.verdict == "consistent"


def test_moves_listed_before_their_rates_pair_by_place():
    # cfr302 (thirty-first set): both rates divide the fall by the later price (3043→2616 is -14.03%)
    text = ("3S机型从年初的3043元/kw下降至6月的2616元/kw，4S机型从年初的2991元/kw下降至6月的2473元/kw，"
            "降幅分别为{a}、{b}。")
    checks = [c for c in check_text(text.format(a="16.32%", b="20.95%")) if c.kind == "growth"]
    assert [(c.stated, c.verdict) for c in checks] == [("16.32%", "inconsistent"), ("20.95%", "inconsistent")]
    assert checks[0].inputs == ["3043元/kw", "2616元/kw"]  # a price per kW keeps its unit
    checks = [c for c in check_text(text.format(a="14.03%", b="17.32%")) if c.kind == "growth"]
    assert [(c.stated, c.verdict) for c in checks] == [("14.03%", "consistent"), ("17.32%", "consistent")]
    # "分别下降" is the same list; a count of rates unlike the moves' pairs nothing
    checks = check_text("3S机型从3043元下降至2616元，4S机型从2991元下降至2473元，分别下降14.03%、17.32%。")
    assert [c.verdict for c in checks if c.kind == "growth"] == ["consistent", "consistent"]
    assert not [c for c in check_text("A从3043元下降至2616元，B从2991元下降至2473元，降幅分别为14.03%、17.32%、9.1%。")
                if c.kind == "growth" and c.verdict != "unverifiable"]


def test_a_yearly_mean_of_the_years_listed_before_it():
    # 886 (thirty-first set): bare items take the last item's unit
    text = "2026-2030 年美国洁净室建设需求分别为 69、103、79、72、46 亿美元，年均 {m} 亿美元。"
    (c,) = [c for c in check_text(text.format(m="74")) if c.kind == "average"]
    assert c.verdict == "consistent" and c.relation.endswith("/ 5 = 74 亿美元")
    (c,) = [c for c in check_text(text.format(m="84")) if c.kind == "average"]
    assert c.verdict == "inconsistent"
    # a yearly growth is a rate, no mean of the levels
    assert not [c for c in check_text("需求分别为69、103、79、72、46亿美元，年均增长74亿美元。") if c.kind == "average"]


def test_expense_ratio_parts_in_clauses_with_a_change_in_percent_or_in_words():
    # cfr450 (thirty-first set): "合计费用率"; 管理's change is written "同比-1.75%" (points meant)
    text = ("上半年公司合计费用率为{t}，同比-2.78pct，其中销售费用率为5.06%，同比-0.12pct；管理费用率为11.33%，同比-1.75%；"
            "研发费用率为11.88%，同比+0.13pct；财务费用率为0.06%，同比-1.03pct，公司费用管控能力加强。")
    (c,) = [c for c in check_text(text.format(t="28.33%")) if c.kind == "sum"]
    assert c.verdict == "consistent" and c.relation.startswith("5.06% + 11.33% + 11.88% + 0.06% = 28.33%")
    (c,) = [c for c in check_text(text.format(t="29.33%")) if c.kind == "sum"]
    assert c.verdict == "inconsistent"
    # cfr146: two bases of the total's change ("同比/环比+2.0pct/+2.7pct") and "同比持平" for a part
    text = ("公司20Q1费用率合计{t}，同比/环比+2.0pct/+2.7pct，其中销售费用率3.5%，同比持平，环比+0.6pct；管理费用率4.8%，"
            "同比+1.4pct/+1.9pct；财务费用率4.9%，同比/环比+1.1pct/+1.8pct；研发费用率3.8%，同比/环比-0.5pct/-1.5pct。")
    assert [(c.stated, c.verdict) for c in check_text(text.format(t="17.0%")) if c.kind == "sum"] == [("17.0%", "consistent")]
    assert [(c.stated, c.verdict) for c in check_text(text.format(t="18.0%")) if c.kind == "sum"] == [("18.0%", "inconsistent")]


# cfb277 (thirty-first set): an exchange's pre-announcement template, thousands written "46，084"
_CFB277 = ("　　华贸物流2021年半年度实现归母净利润46，084万元到50，150万元，与上年同期相比，将增加18，976万元到{d}万元，"
           "同比增加70%到85%。公司上半年实现营业收入100.2亿元，同比增长85.3%。")


def test_a_range_of_levels_its_change_in_amounts_and_its_rates():
    checks = {c.stated: c for c in check_text(_CFB277.format(d="23，042")) if c.derived}
    assert checks["70%"].verdict == checks["85%"].verdict == "consistent"
    assert checks["85%"].relation.startswith("23,042万元 / (50,150万元 - 23,042万元) = 85%")
    # both ends grow from one base: 50,150 − (46,084 − 18,976) = 23,042
    assert checks["23,042万元"].kind == "change" and checks["23,042万元"].verdict == "consistent"
    checks = {c.stated: c for c in check_text(_CFB277.format(d="24，042")) if c.derived}
    assert checks["24,042万元"].verdict == "inconsistent"
    assert "85%" not in checks  # a whole-number rate that misses proves nothing


def test_full_width_thousands_before_a_unit_are_one_number_but_not_in_a_list():
    from macrodesk.figures import extract_figures

    assert [(f.value, f.unit) for f in extract_figures("销售水泥1，130万吨")] == [(1130.0, "万吨")]
    assert [f.value for f in extract_figures("营收分别为105，110，120亿元")] == [105.0, 110.0, 120.0]


def test_a_range_growth_written_with_em_dashes():
    # cfb278 (thirty-first set)
    text = ("公司发布半年度业绩预告，预计实现净利润为38—43亿元，同比增长104.60%—{g}，EPS为0.82—0.93元，"
            "同比增长105.00%—132.50%。公司上半年销量同比增长20.5%，收入增长30.2%。")
    (c,) = [c for c in check_text(text.format(g="131.52%")) if c.stated == "131.52%"]
    assert c.verdict == "consistent" and c.derived
    (c,) = [c for c in check_text(text.format(g="141.52%")) if c.stated == "141.52%"]
    assert c.verdict == "inconsistent"


def test_operating_cash_flow_over_net_profit_is_the_cash_ratio():
    # cfb300 (thirty-first set): 净现比 in % or as a number; the profit may be 归母 or total: confirm-only
    (c,) = [c for c in check_text("公司 2021Q2 经营活动产生的现金流量净额达到 147.8 亿元， 环比+35%， 远超经营净利润的 "
                                  "29.8 亿元， 净现比达到495%。") if c.kind == "ratio"]
    assert c.verdict == "consistent" and c.inputs == ["147.8 亿元", "29.8 亿元"]
    text = "2021年公司经营性现金流净额41.15亿元，归母净利润42.05亿元，净现比为{r}。"
    assert [c.verdict for c in check_text(text.format(r="0.98")) if c.kind == "ratio"] == ["consistent"]
    assert not [c for c in check_text(text.format(r="1.98")) if c.kind == "ratio" and c.verdict != "unverifiable"]


def test_a_past_series_whose_first_years_growth_is_left_out():
    # cfr244 (thirty-first set): three years' levels, the two later years' growths named by their years
    text = "2018年至2020年归母净利润分别为2.10亿元、2.87亿元、4.87亿元，19年、20年的同比增速分别为36.63%和{g}。"
    checks = [c for c in check_text(text.format(g="69.95%")) if c.kind == "growth"]
    assert [(c.stated, c.verdict) for c in checks] == [("36.63%", "consistent"), ("69.95%", "consistent")]
    assert checks[1].inputs == ["2.87亿元", "4.87亿元"]
    assert [(c.stated, c.verdict) for c in check_text(text.format(g="79.95%")) if c.kind == "growth"][1] \
        == ("79.95%", "inconsistent")
    # without the years named the pairing is read, not written: a misfit proves nothing
    unnamed = "2018-2020年归母净利润分别为2.10亿元、2.87亿元、4.87亿元，同比增速分别为36.63%和79.95%。"
    assert not [c for c in check_text(unnamed) if c.verdict == "inconsistent"]


def test_a_change_in_bare_yi_after_an_amount_of_money_and_its_rate():
    # cfr311 (thirty-first set): 147亿 is read as money by its words, 16亿 is a bare magnitude
    text = "截至6月末公司股票质押回购规模147亿，较年初下降16亿（下降{g}）。"
    (c,) = [c for c in check_text(text.format(g="9.8%")) if c.kind == "growth"]
    assert c.verdict == "consistent" and c.inputs == ["147亿", "16亿"]
    (c,) = [c for c in check_text(text.format(g="19.8%")) if c.kind == "growth"]
    assert c.verdict == "inconsistent"


def test_a_company_net_margin_named_with_gongsi_is_over_the_company_revenue():
    # cfb230 (eighteenth set): "公司净利润率" names no segment; the last revenue written is 口罩设备's
    text = ("公司公布2020年业绩：收入23.85亿元，同比增长42.8%，归母净利润1.91亿元，同比增长15.8%，对应每股收益0.29元。"
            "此外，口罩设备收入2.76亿元，毛利率为39.8%。2020年公司净利润率同比减少1.9ppt至8.0%。")
    (c,) = [c for c in check_text(text) if c.stated == "8.0%" and c.kind == "ratio"]
    assert c.verdict == "consistent" and c.inputs == ["1.91亿元", "23.85亿元"]


def test_the_ground_truth_reads_full_width_thousands_as_the_figure_reader_does():
    from macrodesk.checks.truth import figure_number

    assert figure_number("23，042万元") == figure_number("23,042万元") == 23042.0
    assert figure_number("5，447.59万元") == 5447.59


def test_each_pe_list_after_the_levels_is_one_price():
    # cfb278 (thirty-first set): an A-share and an H-share PE list after one profit and EPS list; the
    # H-share list joins its last item with 和
    text = ("预计公司2021/2022/2023年分别实现净利润65.77/77.93/91.30亿元，yoy+54.40%/+18.49%/17.16%，折合EPS为1.43/1.69/1.98元，"
            "目前A股股价对应的PE为22/19/{a}倍，H股股价对应PE为15、13和{h}倍，给予“买进”评级。")
    checks = {c.stated: c.verdict for c in check_text(text.format(a="16", h="11")) if "one market cap" in c.relation}
    assert checks == {"19": "consistent", "16倍": "consistent", "13": "consistent", "11倍": "consistent"}
    checks = {c.stated: c.verdict for c in check_text(text.format(a="26", h="14")) if "one market cap" in c.relation}
    assert checks["26倍"] == checks["14倍"] == "inconsistent"


def test_the_middle_of_a_range():
    # cfb278 (thirty-first set) and cfb584 (twenty-eighth set)
    text = "其中2Q单季度预计实现净利润16.2—21.2亿元，中值为{m}亿元，同比增长30.1%。"
    (c,) = [c for c in check_text(text.format(m="18.68")) if c.kind == "average"]
    assert c.verdict == "consistent" and c.relation.startswith("(16.2 + 21.2亿元) / 2")
    assert [c.verdict for c in check_text(text.format(m="19.68")) if c.kind == "average"] == ["inconsistent"]
    text = "对应2023Q2归母净利润2.41~3.05亿元，取中值{m}亿元，同环比分别+39%/+22%。"
    assert [c.verdict for c in check_text(text.format(m="2.72")) if c.kind == "average"] == ["consistent"]


def test_yearly_additions_listed_after_their_levels():
    # 732 (thirty-first set): each addition is its year's level less the year before's
    text = "需求量预测：2026-2030 年全固态电池需求量分别为 3/10/35/74/145GWh，每年新增需求量为 3/7/25/{x}/71GWh。"
    checks = [c for c in check_text(text.format(x="39")) if "addition" in c.relation]
    assert [(c.stated, c.verdict) for c in checks] == [("7", "consistent"), ("25", "consistent"), ("39", "consistent"),
                                                        ("71GWh", "consistent")]
    assert [c.verdict for c in check_text(text.format(x="49")) if "addition" in c.relation][2] == "inconsistent"
    # an added demand of another measure (a part's market, cfb577) is no difference of the levels
    other = ("预计2023-2025年，全球涂布设备（整线）市场规模接近100/118/127亿元，"
             "带动全球涂布模头新增需求达到20/23.6/25.4亿元。")
    assert not [c for c in check_text(other) if "addition" in c.relation]


def test_the_room_to_a_target_from_the_targets_and_the_current_pe():
    # cfb082 (CFBenchmark summary): 24.8 / 17.3 − 1 = 43%, 22.0 / 15.4 − 1 = 43%
    text = ("由于下调了次高端价位的收入增速，我们下调2019/20年EPS5.5%/7.8%至2.96/3.33元，下调目标价11.7%至73.26元，"
            "对应2019/20年24.8x/22.0xP/E，现价对应2019/20年{c}xP/E，目标价有43%上行空间，维持跑赢行业评级。")
    (c,) = [c for c in check_text(text.format(c="17.3x/15.4")) if "target's PE" in c.relation]
    assert c.verdict == "consistent" and c.derived
    (c,) = [c for c in check_text(text.format(c="17.3x/17.4")) if "target's PE" in c.relation]
    assert c.verdict == "inconsistent" and c.inputs == ["22.0", "17.4"]
    # cfb367 (thirty-first set): the second year's pair (24 / 11) is the author's slip
    text = ("当前股价对应2022、23年PE为17、11倍。同时我们维持目标价不变，对应2022、23年PE分别为26、24倍，"
            "较当前股价有49.8%的上涨空间。")
    (c,) = [c for c in check_text(text) if "target's PE" in c.relation]
    assert c.verdict == "inconsistent" and c.inputs == ["24", "11"]
    # digits lost in the paragraph ("9.%", "209年"): a misfit proves nothing
    text = ("当前股价对应209/2020年9.6倍/7.3倍市盈率。我们下调目标价9.%至4.90元对应23.2倍209年市盈率和20.4倍2020年市盈率，"
            "较当前股价有8.4%的上行空间。")
    assert [c.verdict for c in check_text(text) if "target's PE" in c.relation] == ["unverifiable"]


def test_a_payout_ratio_is_the_dividends_over_the_years_parent_profit():
    text = ("公司2022年实现归母净利润245.1亿元，同比增长5%。2022年全年现金分红2元/股（达到承诺标准），合计112.3亿元，"
            "对应现金分红率{r}。")
    (c,) = [c for c in check_text(text.format(r="46%")) if "dividends over" in c.relation]
    assert c.verdict == "consistent" and c.inputs == ["112.3亿元", "245.1亿元"]
    # a payout may be of 扣非 or distributable profit: a misfit proves nothing
    (c,) = [c for c in check_text(text.format(r="56%")) if "dividends over" in c.relation]
    assert c.verdict == "unverifiable"


def test_the_first_nine_months_are_one_period_in_both_period_readers():
    from macrodesk.checks.frames import period_key
    from macrodesk.checks.quarters import period_of

    assert period_of("2021年前三季度") == ("2021", "9M") and period_key("2021年前三季度") == (2021, "9M")
    assert period_of("2021年三季度") == ("2021", "Q3") and period_key("2021年第三季度") == (2021, "Q3")


# False alarms read among the 60 inconsistent verdicts on CFBenchmark excerpts no set holds (each
# from the excerpt named; the verdict before the fix in brackets)


def test_a_bracket_of_earlier_values_after_a_slash_list_is_no_quotient():
    # cfr532 [3.93/3.94 = 3.85]: the EPS before the cut
    text = "鉴于保供后煤价中枢有所回落，下调23、24年EPS至3.80/3.85(3.93/3.94)元，预测25年3.91元；"
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_keby_is_no_comparison():
    # cfb380 [(3.71亿元/11.30亿元 - 1) = 10.0%]: "可比口径" names a basis, not a level compared with
    text = ("单四季度公司实现扣非归母净利润15.01亿元，若进一步剔除嘉里物流贡献3.71亿元归母净利润，"
            "则可比口径扣非归母净利润11.30亿元，同比增长10.0%。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_a_last_year_base_names_its_measure_and_a_change_before_zhi_is_of_the_level_after():
    # cfb232 [(342亿元/0.29亿元 - 1) = 9%]: a bare dated amount of another sentence is no base
    text = ("4)资产减值损失2.8亿元(2019年0.29亿元)，安徽节源计提商誉减值0.95亿元。"
            "1)2020年新签342亿元增9%/境外207亿元增19%占比61%；")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]
    # cfb385 [66.3% - 63.8% = 33pct]: 33pct is 2021H1's change, to 74.15%
    text = ("2019年受中美贸易摩擦影响、产能利用率同比-8.3pct至63.8%，2020年受疫情影响产能利用率为66.3%，"
            "2021年受益于需求复苏，2021H1产能利用率同比提升33pct至74.15%。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_a_price_list_pairs_with_the_amounts_and_volumes_of_its_own_place():
    # cfb250 [(1+91%) / (1+70%) - 1 = +83%]: DMF's price met 己二酸's 6.5亿 / 6.5万吨 by chance
    text = ("2021Q1尿素/DMF/己二酸/醋酸/辛醇/乙二醇均价为0.20/1.00/0.93/0.54/1.29/0.51万元/吨（yoy+17%/+83%/+19%/+112%/+95%/+15%）。"
            "公司肥料/有机胺/己二酸及中间品/醋酸及衍生物/多元醇分别实现销量62/14/6.5/14/17万吨（yoy-11%/+84%/+70%/-6%/+15%），"
            "实现营收12.1/13.8/6.5/9.6/15.5亿元（yoy+8%/+160%/+91%/+2%/+60%）。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_a_quarter_glued_to_its_amount_is_read_as_both():
    from macrodesk.figures import extract_figures

    # cfb293 [20.64亿元 + 10.40亿元 = 1.04亿元]: "Q20.64亿元" is Q2 and 0.64亿元 (there is no Q20)
    got = [(f.text, f.kind.value) for f in extract_figures("21H1CMP抛光垫营收1.04亿元(Q20.64亿元，Q10.40亿元)")]
    assert got == [("21H1", "date"), ("1.04亿元", "money"), ("Q2", "date"), ("0.64亿元", "money"),
                   ("Q1", "date"), ("0.40亿元", "money")]
    assert [f.text for f in extract_figures("2021Q31.5亿元")] == ["2021Q3", "1.5亿元"]
    assert extract_figures("H20芯片") == []  # a product's name, no quarter and no number


def test_a_part_of_the_year_written_with_it_holds_for_the_clauses_after():
    # cfr134 [81.35% - 81.81% = 0.34pct]: 81.35% is 2020Q1's margin, no level of 2020 a year after 2019's
    text = ("同时，2020年一季度公司实现营业收入0.85亿元，同比增长42.87%，归母净利润0.36亿元，同比增长54.18%，毛利率为81.35%，"
            "依然保持在高位。2019年综合毛利率为81.81%，同比减少0.34pct，其中2019Q4毛利率80.40%，同比减少1.49pct。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_a_margin_in_an_item_that_counts_another_product_is_not_over_the_first_items_profit():
    # cfb176 [8.9亿 / 90.5亿元 = 14.6%]: item 2) is the cobalt products' margin, item 1) copper's 毛利
    text = ("事件：公司发布2020年半年报，上半年实现营收90.5亿元，同比减少0.57%，实现归母净利润3.5亿元，同比增加965%。"
            "1）电解铜产量大幅增长：公司上半年共生产电铜4.27万吨，同比增长49.5%，实现毛利8.9亿，同比增长78%；"
            "2）毛利持平，毛利率提升；生产钴产品1.35万吨，与上年基本持平，受益于高价钴库存的消耗，毛利率为14.6%，同比提升了3个百分点。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


def test_a_level_with_a_share_of_its_own_is_no_whole_of_the_next():
    # cfr575 [1.95亿元 / 27.33亿元 = 13.18%]: both are parts of the company's revenue
    text = ("22年公司光伏电站开发运营转让业务实现收入27.33亿元，同比-4.73%，占比为85.49%；"
            "光伏电站EPC业务实现收入1.95亿元，同比-52.64%，占比为13.18%。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]
    # a whole followed by its parts' share (其中…占比) is still the whole
    text = "整体营收 6.3 亿欧元，同比增长 17.5%，海缆业务营收 3.9 亿欧元，同比增长 20.9%，占比 {s}。"
    assert [c.verdict for c in check_text(text.format(s="71.9%")) if c.kind == "share"] == ["inconsistent"]


def test_a_company_margin_is_over_the_companys_revenue_and_profit_not_a_parts_or_a_kou_fei():
    # cfb018: "扣非后归属…净利润" frames as "非后归属…" (a 扣非 profit), and the revenue after
    # "其中核心业务…" is a part's; the plain 净利率 pairs 归母 9541.6 万元 with the company's 12.89 亿元
    text = ("2018年公司实现营业收入 12.89 亿元，同比增长 30.3%；实现归属母公司股东净利润 9541.6 万元，同比增长 42.39%；"
            "实现扣非后归属母公司股东净利润 5543.0 万元，同比增长 38.68%。公司 2018 年业绩实现较快增长，其中核心业务"
            "精准定位装备平稳增长，实现营收 9.24亿元，同比增长 10.55%。公司整体毛利率达到 52.35%，净利率达到 {m}。")
    (c,) = [c for c in check_text(text.format(m="7.40%")) if c.stated == "7.40%" and c.kind == "ratio"]
    assert c.verdict == "consistent" and c.inputs == ["9541.6 万元", "12.89 亿元"]
