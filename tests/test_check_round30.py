"""Round 30: the families the fifty-first and fifty-second blind sets missed (checks/metric_grid.py,
checks/dated_cagrs.py, and readings in quarters, load_factors, last_year, year_series, quarter_lists,
target_prices and the scorer's matching)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check
from macrodesk.checks.truth import Relation, match


def _growths(text: str, word: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if word in c.relation}


# ---------------------------------------------------------------- metric_grid


GRID = ("长江商报记者注意到，在2019年公司营收、净利分别达14.72亿元、1.53亿元之后，2020年受疫情影响，通润装备营收和净利润"
        "分别为14.24亿元、1.33亿元，同比分别减少{g}%、13.01%。2021年和2022年，通润装备分别实现营业收入19.21亿元、16.78亿元，"
        "同比增长34.91%、-12.65%；净利润1.44亿元、1.49亿元，同比增长8.31%、{h}%。")


def test_measures_and_years_listed_with_分别_are_one_grid():
    got = _growths(GRID.format(g="3.24", h="3.59"), "over 20")
    # in one sentence (the ；-clause goes on from the sentence before): certain
    assert got["3.24%"] == ("consistent", True) and got["13.01%"] == ("consistent", True)
    assert got["-12.65%"] == ("consistent", True) and got["3.59%"] == ("consistent", True)
    # the year before read from another sentence by its measure and year: confirm-only
    assert got["34.91%"] == ("consistent", False) and got["8.31%"] == ("consistent", False)


def test_a_growth_that_misses_its_levels_in_one_sentence_refutes():
    got = _growths(GRID.format(g="5.24", h="9.59"), "over 20")
    assert got["5.24%"] == ("inconsistent", True)  # 减少 5.24% against 14.72 → 14.24 (−3.26%)
    assert got["9.59%"] == ("inconsistent", True)  # 1.44 → 1.49 is +3.47%


def test_a_list_of_growths_alone_against_the_levels_listed_elsewhere():
    text = ("北京商报记者梳理资料发现，2019年至2022年怡亚通酒饮营收分别达71.47亿元、55.01亿元、42亿元以及31.36亿元。"
            "其中，2020年至2022年怡亚通酒饮总营收增幅分别为-23.03%、{g}%、-25.35%。")
    got = _growths(text.format(g="-23.64"), "the levels written in another sentence")
    assert got == {"-23.03%": ("consistent", False), "-23.64%": ("consistent", False),
                   "-25.35%": ("consistent", False)}
    # a miss proves nothing: the levels are found by their measure and year
    got = _growths(text.format(g="-13.64"), "the levels written in another sentence")
    assert got["-13.64%"][0] == "unverifiable"


def test_a_segment_or_a_quarter_is_no_year_of_the_company():
    # "海外业务营收" is a part's; "2021年一季度" a part of the year
    assert not _growths("2020年海外业务营收、净利润分别为10亿元、1亿元，2021年公司营收、净利润分别为12亿元、1.2亿元，"
                        "同比分别增长20%、20%。", "over 2020")
    assert not _growths("2020年一季度公司营收、净利润分别为10亿元、1亿元，2021年公司营收、净利润分别为12亿元、1.2亿元，"
                        "同比分别增长20%、20%。", "over 2020")


# ---------------------------------------------------------------- dated_cagrs


CAGR = ("根据IDC数据显示，2021年中国网络安全相关支出达到102.6亿美元，预计2025年中国网络安全支出规模将达214.6亿美元。"
        "2021~2025年中国网络安全相关支出将以{g}%的年复合增长率增长，增速位列全球第一。")


def test_a_cagr_over_a_span_against_its_ends_in_the_sentence_before():
    (c,) = [c for c in check_text(CAGR.format(g="20.26")) if c.kind == "cagr"]
    assert c.verdict == "consistent" and c.refutable and c.inputs == ["102.6亿美元", "214.6亿美元"]
    # (214.6 / 102.6)^(1/4) − 1 = 20.26%: 20.5% is an error of the text (cft544)
    (c,) = [c for c in check_text(CAGR.format(g="20.5")) if c.kind == "cagr"]
    assert c.verdict == "inconsistent"


def test_a_cagr_of_another_subject_is_left_alone():
    text = CAGR.format(g="30.5").replace("2021~2025年中国网络安全相关支出将以", "2021~2025年全球云计算市场将以")
    assert not [c for c in check_text(text) if c.kind == "cagr" and c.verdict != "unverifiable"]


# ---------------------------------------------------------------- quarters


def test_a_qoq_written_in_latin_letters_and_扣非后_profit():
    text = ("业绩简报◾公司20H1实现营收35.3亿元(YoY+13.2%)，归母净利5.8亿元(YoY+22.0%)，扣非后5.5亿元(YoY+21.5%)；"
            "20Q2营收19.5亿元(YoY+11.0%，QoQ+{r}%)，归母净利3.7亿元(YoY+17.0%，QoQ +72.8%)，扣非后3.5亿元"
            "(YoY+15.5%，QoQ+75.5%)。")
    got = _growths(text.format(r="23.4"), "2020Q1 = 2020H1 - 2020Q2")
    assert got == {"+23.4%": ("consistent", True), "+72.8%": ("consistent", True), "+75.5%": ("consistent", True)}
    assert _growths(text.format(r="33.4"), "2020Q1 = 2020H1 - 2020Q2")["+33.4%"] == ("inconsistent", True)


def test_an_entity_named_by_another_metric_in_the_sentence_before_is_not_carried():
    # "思摩尔贡献投资收益" names no subject of the next sentence's own dated revenue
    text = ("亿纬锂能2021H1实现收入65.6亿元（同比+107%），归母净利润14.9亿元（同比+311%），上半年思摩尔约贡献投资收益9.5亿元。"
            "分季度看，2021Q2实现收入36.0亿元（同比+92.9%，环比+21.8%），归母净利润8.5亿元（同比+665%，环比+31.1%）。")
    got = _growths(text, "2021Q1 = 2021H1 - 2021Q2")
    assert got == {"+21.8%": ("consistent", True), "+31.1%": ("consistent", True)}


def test_growths_of_another_metric_named_before_them_are_not_the_levels():
    # "Q2染料销量4.21万吨，…导致Q2营收同比、环比分别下滑40.98%、35.09%至15.07亿元": 35.09% is revenue's
    text = ("Q2染料销量4.21万吨，同比、环比分别下滑3.87%、18.14%，导致Q2营收同比、环比分别下滑40.98%、35.09%至15.07亿元；"
            "上半年整体看，染料销量9.36万吨，同比下滑7.64%，营收38.30亿元，同比下滑28.48%。")
    assert "35.09%" not in _growths(text, "2020Q1") and "35.09%" not in _growths(text, "Q1 = ")


# ---------------------------------------------------------------- load_factors


def test_each_line_of_an_airline_is_its_own_group_and_a_bracketed_basis_is_an_aside():
    text = ("2021年全年吉祥航空总供给、需求同比2020年各上升15.25%/15.95%（较2019年下滑11.95%/21.85%），总客座率上升0.46个百分点"
            "至75.65%。国内线供给、需求同比上升19.72%/19.30%（较2019年+5.55%/-7.17%），客座率同比下滑0.28个百分点至76.16%；"
            "国际及地区线供给、需求同比大幅下滑57.17%/59.33%（较2019年下滑89.65%/93.16%），客座率同比下滑2.78个百分点至52.25%。")
    got = {c.stated: (c.verdict, c.inputs) for c in check_text(text) if "客座率 = RPK / ASK" in c.relation}
    assert got["0.46个百分点"] == ("consistent", ["75.65%", "15.25%", "15.95%"])
    assert got["2.78个百分点"] == ("consistent", ["52.25%", "57.17%", "59.33%"])
    # 76.16% × 1.1972 / 1.1930 = 76.43%: −0.268, not −0.28 (an error its annotator lists)
    assert got["0.28个百分点"] == ("inconsistent", ["76.16%", "19.72%", "19.30%"])


def test_a_group_with_no_level_takes_the_one_before():
    text = ("1）同比看：2022Q1ASK同比-40.6%；RPK同比-38.6%；客座率67.7%，同比+2.1pts；2）与19年同期比，ASK下降35.0%；"
            "RPK下降45.6%；客座率下降13.2pts。")
    got = {c.stated: c.verdict for c in check_text(text) if "客座率 = RPK / ASK" in c.relation}
    assert got == {"+2.1": "consistent", "13.2": "consistent"}


# ---------------------------------------------------------------- last_year, year_series, quarter_lists


def test_a_base_named_as_last_years_between_the_level_and_its_growth():
    got = _growths("报告期内，公司不断加大研发投入，2021H1公司研发费用为5.51亿元（去年同期为2.75亿元），同比+109%。",
                   "the base is the year before's level")
    assert got == {"+109%": ("inconsistent", True)}  # 5.51 / 2.75 − 1 = 100.4%
    got = _growths("报告期内，该板块实现营业收入409,728.27万元，同口径的去年同期该板块营业收入为177,910.10万元，同比增长130.30%。",
                   "the base is the year before's level")
    assert got == {"130.30%": ("consistent", True)}


def test_series_with_a_comma_slip_and_growths_written_增减_or_变动():
    got = _growths("2017年至2022年，巨人网络的营业收入分别为29.07亿元，37.80亿元、25.71亿元、22.17亿元、21.24亿元、20.38亿元，"
                   "同比分别增长25.10%、30.03%、-31.96%、-13.77%、-4.20%、-4.07%。", "listed by position")
    assert set(got) == {"30.03%", "-31.96%", "-13.77%", "-4.20%", "-4.07%"}
    assert all(v == ("consistent", True) for v in got.values())
    got = _growths("2020年至2022年，石头科技分别实现营业收入45.3亿元、58.37亿元、66.29亿元，同比增长7.74%、28.84%、13.56%；"
                   "净利润13.69亿元、14.02亿元、11.83亿元，同比增减74.92%、2.41%、-15.62%。", "listed by position")
    assert got["2.41%"] == ("consistent", True) and got["-15.62%"] == ("consistent", True)
    got = _growths("预计2020-22年收入23.5、27.4和31.8亿元，同比变动-4.6%、16.7%和26%。", "listed by position")
    assert got == {"16.7%": ("consistent", True), "26%": ("inconsistent", True)}


def test_quarters_listed_with_a_fall_verb_give_the_halfs_growth():
    text = ("公牛发布2020年中报：上半年公司实现营收41.09亿元，同比下滑17.35%；归母净利润8.04亿元，同比下滑{g}%。"
            "其中2020Q1、Q2营业收入分别为13.80、27.29亿元，分别同比下滑37.96%、0.67%；归母净利润分别为1.70、6.33亿元，"
            "分别同比下滑57.68%、4.55%。")
    got = _growths(text.format(g="24.62"), "the growth of 上半年 from its quarters'")
    assert got["24.62%"] == ("consistent", True)
    got = _growths(text.format(g="14.62"), "the growth of 上半年 from its quarters'")
    assert got["14.62%"] == ("inconsistent", True)


# ---------------------------------------------------------------- the scorer


def _check(stated: str, inputs: list[str], kind: str, sentence: str) -> Check:
    return Check(verdict="inconsistent", kind=kind, stated=stated, inputs=inputs, relation="", sentence=sentence)


def test_a_product_listed_the_other_way_round_is_the_same_relation():
    sentence = "略调整21-23年EPS预测为4.30、6.56、8.19元，目标价324元，对应22年40X PE，维持评级。"
    rel = Relation(id="x-1", article="x", kind="ratio", span="sentence", explicit=True, verdict="fails", stated="40X",
                   stated_quote=sentence, inputs=[("324元", sentence), ("6.56元", sentence)])
    assert match([rel], [_check("324元", ["40", "6.56"], "product", sentence)])
    # not a sum that holds two of the figures
    assert not match([rel], [_check("324元", ["40", "6.56"], "sum", sentence)])


def test_a_change_against_the_day_or_the_days_before_and_its_rate():
    text = ("北向资金动向上，沪股通最新持有161.16万股，持股量较上一日减少32.75万股，环比下降{a}%，近5日累计减少51.94万股，"
            "环比下降{b}%。")
    got = _growths(text.format(a="16.89", b="24.37"), "the earlier level is the level less the change")
    assert got == {"16.89%": ("consistent", True), "24.37%": ("consistent", True)}
    got = _growths(text.format(a="19.89", b="34.37"), "the earlier level is the level less the change")
    assert got == {"19.89%": ("inconsistent", True), "34.37%": ("inconsistent", True)}
    # a 同比 change's rate in words may be a part's (cfb442): the product within the segment
    assert not _growths("麻醉肌松类制剂产品销售收入3.05亿元，同比下降5%，其中主要受第五批国家集采影响公司产品顺阿曲库铵注射液"
                        "销售额同比减少约6600万元，同比下降88%；", "the earlier level is the level less the change")
    # "累计" with no days before it names no base
    assert not _growths("沪股通最新持有161.16万股，年内累计减少51.94万股，环比下降24.37%。",
                        "the earlier level is the level less the change")


# ---------------------------------------------------------------- named_wholes


def test_a_segments_revenue_of_the_companys_revenue_written_elsewhere():
    text = ("2022年实现营收74.13亿元，同比增长8.93%；净利润1.94亿元，同比下降28.84%。2021年，深信服开启“全面云化”战略，"
            "到2022年，云计算及IT基础设施业务收入达到28.59亿元，占营收比重{s}%，第二增长曲线已开始形成。")
    got = {c.stated: (c.verdict, c.refutable) for c in check_text(text.format(s="38.57")) if c.kind == "share"}
    assert got["38.57%"] == ("consistent", True)
    got = {c.stated: c.verdict for c in check_text(text.format(s="48.57")) if c.kind == "share"}
    assert got["48.57%"] == "inconsistent"


def test_a_segment_labelled_so_is_no_whole_and_a_total_needs_the_parts_period():
    # "海外方面：21年营收达33.6亿元" is the segment's, not a second revenue of the company (cfg581)
    text = ("公司发布2021年度报告，21年公司实现营业总收入58.4亿元，同比+28.8%。国内方面：21年营收24.7亿元，占营收总额{s}%，"
            "同比-7.1%。海外方面：21年营收达33.6亿元，占比达57.6%，同比+80%。")
    got = {c.stated: c.verdict for c in check_text(text.format(s="42.3")) if c.kind == "share"}
    assert got["42.3%"] == "consistent"
    got = {c.stated: c.verdict for c in check_text(text.format(s="43.4")) if c.kind == "share"}
    assert got["43.4%"] == "inconsistent"  # 24.7 / 58.4 = 42.29%
    # a part with no period of its own is not read against the paragraph's revenue (cfb195: 单季)
    text = "公司10月28日发布2020年三季报，公司实现营收126.93亿元，同比+0.80%。{sep}公司研发人员5368名，单季研发投入8.2亿元，占总营收6.73%。"
    for sep in ("\n\n", ""):  # in another paragraph (named_wholes), or in its own (uncounted)
        assert not [c for c in check_text(text.format(sep=sep)) if c.stated == "6.73%" and c.verdict != "unverifiable"]


def test_a_half_written_before_a_four_digit_year_and_the_reports_period_for_期内():
    from macrodesk.checks.quarters import period_of

    assert period_of("1H2020") == ("2020", "H1") and period_of("2Q2020") == ("2020", "Q2")
    assert period_of("21Q4") == ("2021", "Q4") and period_of("2Q22") == ("2022", "Q2")
    # "期内" of a 半年度财务报告 is its half; "环比 Q1 下降" names the quarter it is against
    text = ("公司发布 2020 年半年度财务报告，期内实现营收 9.69 亿元(1.93%)，归母净利润 1139.31 万元(-82.28%)。"
            "其中 Q2 实现营收 4.36 亿元(+4.21%)，环比 Q1 下降 {g}%。")
    assert _growths(text.format(g="18.18"), "2020Q1 = 2020H1 - 2020Q2") == {"18.18%": ("consistent", True)}
    assert _growths(text.format(g="28.18"), "2020Q1 = 2020H1 - 2020Q2") == {"28.18%": ("inconsistent", True)}


# ---------------------------------------------------------------- volume_price


def test_a_revenue_growth_from_its_volumes_and_prices_found_by_fit():
    text = ("其中二季度单季度销售中间体产品1.92万吨，同比增长18.1%，中间体产品均价4.62万元/吨，同比下降10.9%，环比下降1.8%。"
            "中间体业务共实现营收8.88亿元，同比增长{r}%，二季度呈现量升价跌趋势。")
    (c,) = [c for c in check_text(text.format(r="5.2")) if "revenue = volume × price" in c.relation]
    assert c.verdict == "consistent" and not c.refutable and c.relation.startswith("(1+18.1%)(1-10.9%) - 1")
    # a misfit says nothing (the pair is found by its fit)
    assert not [c for c in check_text(text.format(r="7.2")) if "revenue = volume × price" in c.relation]


def test_loose_inputs_or_a_pair_fitting_two_revenues_prove_nothing():
    # (1 + 5%)(1 + 8%) − 1 is 12.4%-14.4%: "+13.92%" and "+14.37%" both fit it (cfb260)
    text = ("Q4单季度营收148.28亿、同比+13.92%。2020年营收573.21亿、同比+14.37%。2020年公司销量同比增长5%，吨价同比增长8%。")
    assert not [c for c in check_text(text) if "revenue = volume × price" in c.relation]


# ---------------------------------------------------------------- the fifty-third set's two false alarms


def test_a_plain_net_margin_below_a_loss_ratio_proves_nothing():
    # cfg561: 归母 −1.62 / 6.3 = −25.7%; "净利率-31.9%" is on total profit, the minorities sharing the loss
    text = "2021年公司营收6.3亿元，同比+10%，归母净利润-1.62亿元，同比-619%，净利率{m}%，同比-26.2pcts。"
    got = {c.stated: c.verdict for c in check_text(text.format(m="-31.9"))}
    assert got["-31.9%"] == "unverifiable"
    # with a profit, a plain margin below the 归母 ratio still refutes (round 12)
    text = "2021年公司营收6.3亿元，同比+10%，归母净利润1.62亿元，同比+19%，净利率{m}%。"
    assert {c.stated: c.verdict for c in check_text(text.format(m="20.9"))}["20.9%"] == "inconsistent"


def test_a_split_counted_in_digits_and_each_phase_alike():
    # "分2期各20万吨": no total follows the split (it was read as a split into 0 phases)
    text = "九江：拟投资50.76亿元建设40万吨产能；项目分2期各20万吨，分别与2023、2024年投产，预计每年税前投资收益率17.34%。"
    assert not [c for c in check_text(text) if "of the total" in c.relation]
    got = [c for c in check_text("星链计划分2期发射约4.2万颗卫星，第1期1.2万颗，第2期29988颗。") if "of the total" in c.relation]
    assert [c.verdict for c in got] == ["consistent"]


def test_a_quarter_against_the_middle_of_its_halfs_forecast_range():
    text = ("公司预计23H1实现营收约19.87-21.04亿元(中值20.46亿元)，同比下降约10%-15%。"
            "取预告中值，23Q2单季度公司实现营收达11.57亿元，同比-10.7%，环比+{g}%，需求端增长仍承压。")
    assert _growths(text.format(g="30.1"), "2023Q1 = 2023H1 - 2023Q2") == {"+30.1%": ("consistent", True)}
    assert _growths(text.format(g="40.1"), "2023Q1 = 2023H1 - 2023Q2") == {"+40.1%": ("inconsistent", True)}


def test_a_level_against_a_base_in_brackets_after_the_period_it_names():
    text = ("据猪价格网猪价系统数据监测显示,生猪外三元均价为32.64元/公斤,价格较昨日上涨0.11元/公斤;"
            "较上周(06月08日31.74元/公斤)上涨了0.90元/公斤;较上月(05月15日28.04元/公斤)上涨{c}元/公斤,环比上涨了{r}%;"
            "较去年同期(2019年06月15日16.10元/公斤)上涨了16.54元/公斤,同比上涨了102.73%。")
    got = {c.stated: c.verdict for c in check_text(text.format(c="4.60", r="16.41")) if "the base in brackets" in c.relation}
    assert got == {"0.90元/公斤": "consistent", "4.60元/公斤": "consistent", "16.41%": "consistent",
                   "16.54元/公斤": "consistent", "102.73%": "consistent"}
    # cfs191 as written: 32.64 − 28.04 = 4.60, and 32.64 / 28.04 − 1 = 16.41%
    got = {c.stated: c.verdict for c in check_text(text.format(c="4.70", r="16.76")) if "the base in brackets" in c.relation}
    assert got["4.70元/公斤"] == "inconsistent" and got["16.76%"] == "inconsistent"


def test_a_price_written_after_its_amount_and_volume_is_the_one_stated():
    text = ("21H1销售额1,770亿元，同比+60%，销售表现靓丽。2021H1，公司销售金额1,769.8亿元，同比+59.9%；销售面积770.2万平，"
            "同比+54.9%；销售均价2.30万元/平米，同比+{p}%；公司销售表现优于同行。")
    (c,) = [c for c in check_text(text.format(p="3.2")) if "price = revenue / volume" in c.relation]
    # the growth written twice (60% and 59.9%) is one revenue's: the precise one is read
    assert c.verdict == "consistent" and c.stated == "+3.2%" and c.relation.startswith("(1+59.9%) / (1+54.9%)")


# ---------------------------------------------------------------- year_series


def test_a_series_falling_under_one_verb_is_signed_by_it():
    # "同比下降5%、10%、11.1%": the verb after the levels signs the growths (it was read as no verb, and
    # a falling series refuted)
    got = _growths("2019-2021年营收分别为10.0亿元、9.0亿元、8.0亿元，同比下降5%、{g}%、11.1%。".format(g="10"), "listed by position")
    assert got == {"10%": ("consistent", True), "11.1%": ("consistent", True)}
    got = _growths("2019-2021年营收分别为10.0亿元、9.0亿元、8.0亿元，同比下降5%、{g}%、11.1%。".format(g="20"), "listed by position")
    assert got["20%"] == ("inconsistent", True)


def test_two_years_at_two_scales_and_the_later_years_growth():
    text = "招股书显示，2019年到2020年，Soul App的营收分别为人民币7070万元、4.98亿元，同比增长{g}%。"
    assert _growths(text.format(g="604.3"), "listed by position") == {"604.3%": ("consistent", True)}
    assert _growths(text.format(g="504.3"), "listed by position") == {"504.3%": ("inconsistent", True)}


# ---------------------------------------------------------------- expense_ratios


def test_expense_ratio_changes_with_no_basis_named_and_a_cause_between_parts():
    text = ("期间费用率24.60%，下降{t}个百分点：其中销售费用率13.98%，下降3.49个百分点，预计主要是市场推广活动受疫情影响减少；"
            "管理费用率4.25%，下降0.11个百分点；研发管理费用率3.86%，提升0.75个百分点，主要是研发投入加大；"
            "财务费用率2.51%，提升0.48个百分点，经营性现金流净额为1.64亿元。")
    got = {c.stated: c.verdict for c in check_text(text.format(t="2.37")) if "期间费用率" in c.relation}
    assert got == {"24.60%": "consistent", "2.37个百分点": "consistent"}
    # cfg319 as written: −3.49 − 0.11 + 0.75 + 0.48 = −2.37
    got = {c.stated: c.verdict for c in check_text(text.format(t="2.28")) if "期间费用率" in c.relation}
    assert got["2.28个百分点"] == "inconsistent"


def test_parts_above_their_total_are_not_its_parts():
    # cfb254: "期间费用率 15.11%…其中销售费用率 24.88%": the figures are of something else (or garbled)
    text = ("期间费用率 15.11%，下降 0.64 个百分点， 费用控制良好。 其中销售费用率 24.88%， 提升 0.98 个百分点； "
            "管理费用率 10.32%，下降 17.34 个百分点； 研发费用率 18.82%，下降 4.55 个百分点； 财务费用率 0.63%，提升 6.32 个百分点。")
    assert not [c for c in check_text(text) if "期间费用率" in c.relation and c.verdict != "unverifiable"]


def test_an_expense_total_named_期间费用占比():
    text = ("在期间费用方面，期间费用占比28.60%，同比增加{c}pp，其中销售费用率为17.53%，同比增加0.65pp，管理费用率为4.70%，"
            "同比下降0.37pp，财务费用率为2.02%，同比增加0.20pp，研发费用率为4.35%，同比增加0.30pp。")
    got = {c.stated: c.verdict for c in check_text(text.format(c="0.78")) if "期间费用率" in c.relation}
    assert got == {"28.60%": "consistent", "0.78pp": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(c="0.98")) if "期间费用率" in c.relation}["0.98pp"] \
        == "inconsistent"


def test_a_segments_share_of_整体收入():
    text = ("2020年上半年公司实现营收2.8亿元，同比增长16.87%。\n\n2020年上半年，云视频服务业务2.4亿元，同比增长40.32%，"
            "占整体收入比例{s}%，成为公司发展核心驱动力。")
    assert {c.stated: c.verdict for c in check_text(text.format(s="85.7")) if c.kind == "share"} == {"85.7%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(s="75.7")) if c.kind == "share"} == {"75.7%": "inconsistent"}


def test_returns_written_下滑_and_an_index_closed_at_its_points_first():
    text = "上证综指下滑0.10%，深证综指下滑2.18%，传媒(申万)收于724.96点，下滑0.77%，跑输上证综指{g}个百分点。"
    assert {c.stated: c.verdict for c in check_text(text.format(g="0.67"))} == {"0.67个百分点": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(g="0.57"))} == {"0.57个百分点": "inconsistent"}


# ---------------------------------------------------------------- framed: a margin change's inputs


def test_a_margin_changes_inputs_are_the_pair_that_gives_its_written_level():
    # "收入/净利22.9/2.95亿，同比增15.5%/34.0%" and a segment's "1H20营收3.1亿，同比增10.0%" written nearer:
    # 2.95 / 3.1 is no 12.9% margin, so that pair is not the margin's (it raised a false alarm)
    text = ("1H20实现收入/净利22.9/2.95亿，同比增15.5%/34.0%，EPS0.58元。坚果品类销售逐步回升，1H20营收3.1亿，同比增10.0%。"
            "1H20归母净利同比增34.0%，净利率12.9%，同比提升1.8pct。")
    assert not [c for c in check_text(text) if c.stated == "1.8pct" and c.verdict != "unverifiable"]
    # cfr542 (the thirty-first set): the company's 20.37亿 (+29.10%) gives 10.57%, 空刻's 8.72亿 (+90.3%)
    # written nearer does not; profit +16.15% against revenue +29.10% is a falling margin, not "+0.38pcts"
    from pathlib import Path

    text = (Path(__file__).parent / "check_thirty_first" / "articles" / "cfr542.md").read_text(encoding="utf-8")
    (c,) = [c for c in check_text(text) if c.stated == "+0.38pcts"]
    assert c.verdict == "inconsistent" and "20.37亿" in c.inputs and "8.72亿" not in c.inputs
