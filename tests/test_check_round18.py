"""Round 18: relations company research writes that the checker paired with nothing, each from a
real wording: a profit list's PEs named 估值, with no key before them, or after 分别达到."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _caps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "one market cap" in c.relation}


def test_pes_named_valuation_after_a_profit_list_share_one_market_cap():
    # cfb131: 46 × 6.40 = 294 is the cap; 294 / 7.96 = 37.0 and 294 / 9.90 = 29.7
    text = ("预计20~22年公司归母净利润分别为6.40亿、7.96亿元和9.90亿元，同比增长17.55%、24.43%和24.38%，"
            "对应估值为46倍、37倍和{pe}倍。")
    assert _caps(text.format(pe="29")) == {"37倍": "consistent", "29倍": "consistent"}
    assert _caps(text.format(pe="39"))["39倍"] == "inconsistent"


def test_a_named_pb_valuation_is_no_pe():
    text = "预计2022~2024年归母净利润分别为30、42、54亿元，对应PB估值分别为2.2、1.9、1.6倍。"
    assert _caps(text) == {}


def test_a_profit_list_that_reaches_its_figures():
    # cfr486: "分别达到30、42、54亿元"
    text = "预计公司2022~2024年归母净利润分别达到30、42、54亿元，同比增长-28%、39%、30%，对应PE22、16、{pe}倍。"
    assert _caps(text.format(pe="12")) == {"16": "consistent", "12倍": "consistent"}
    assert _caps(text.format(pe="15"))["15倍"] == "inconsistent"


def test_a_profit_list_with_only_a_space_after_its_key():
    # report 300: 12.6 × 101.85 = 1283 is the cap; 1283 / 121.14 = 10.6, 1283 / 137.15 = 9.4
    text = "预测 2025-2027 年归母净利润 101.85、121.14、137.15 亿元，PE12.6、10.6、{pe} 倍。"
    assert _caps(text.format(pe="9.4")) == {"10.6": "consistent", "9.4 倍": "consistent"}
    assert _caps(text.format(pe="8.4"))["8.4 倍"] == "inconsistent"


def _by_stated(text: str, kind: str) -> dict[str, tuple[str, str]]:
    return {c.stated: (c.verdict, c.relation) for c in check_text(text) if c.kind == kind}


def test_a_level_written_after_its_growth_is_of_the_growths_metric():
    # "净利润同比增长20%至12亿元": 12亿元 is the profit a margin is over
    text = "公司营收100亿元，同比增长10%；净利润同比增长20%至{p}亿元，净利率12%。"
    assert _by_stated(text.format(p="12"), "ratio")["12%"][0] == "consistent"
    assert _by_stated(text.format(p="15"), "ratio")["12%"][0] != "consistent"


# cfr497: revenue and 营业成本 with their growths give the 毛利率 and, from last year's, its change
_CFR497 = ("报告期内，公司实现营业收入73.70亿元，同比下降33.89%。报告期内，公司营业成本同比下降21.81%至28.80亿元。"
           "前三季度公司毛利率为60.92%，同比下降{d}pct。")


def test_a_gross_margin_change_from_revenue_and_cost_growths():
    got = _by_stated(_CFR497.format(d="6.04"), "change")
    assert got["6.04pct"][0] == "consistent" and "1 - (28.80亿元/(1-21.81%))" in got["6.04pct"][1]
    assert _by_stated(_CFR497.format(d="6.04"), "ratio")["60.92%"][0] == "consistent"
    # last year's 66.96% gives -6.04: a change of 5.04 does not fit (confirm-only: not refuted)
    assert _by_stated(_CFR497.format(d="5.04"), "change")["5.04pct"][0] == "unverifiable"


def test_a_segments_revenue_after_its_growth_is_no_company_margins_revenue():
    # cfr224: 快递收入 80.96亿元 follows its growth; the company's 归母净利润率 is over 营收 86.93亿元
    text = ("2020年Q2，营收86.93亿元，同比-1.99%；归母净利润3.47亿元，同比-52.45%。公司单票价格下探幅度较大，"
            "使得2020Q2快递收入同比降低0.46%至80.96亿元。受此影响，公司2020Q2归母净利润率降低4.24个百分点至3.99%。")
    assert _by_stated(text, "ratio")["3.99%"] == ("consistent", "3.47亿元 / 86.93亿元 = 3.99%")


def test_a_sentence_opening_on_the_wholes_name_and_zhong_lists_its_parts():
    # cfr143: the whole is the figure named 新签合同, two sentences up, not the last figure written
    text = ("2019年公司新签合同额948.88亿元，同比增加1.53%。已中标未签合同56.32亿元，已签约未生效合同103.38亿元。"
            "新签合同中，国内合同额692.52亿元，境外合同额{b}亿元。")
    assert _by_stated(text.format(b="256.36"), "sum")["948.88亿元"][0] == "consistent"
    # home and abroad leave nothing out: parts that miss the whole refute it
    assert _by_stated(text.format(b="266.36"), "sum")["948.88亿元"][0] == "inconsistent"
    assert "103.38亿元" not in _by_stated(text.format(b="256.36"), "sum")


def test_an_expense_ratio_of_a_slash_list_over_its_expense_invested_and_its_change_from_growths():
    # cfr569: 0.85 / 3.18 = 26.7%; last year's (0.85/1.1421) / (3.18/1.1010) = 25.8%, so +0.97 fits
    text = ("公司2023年Q1实现营收3.18亿元，同比增长10.10%。2023年Q1，公司研发费用投入0.85亿元，同比增长14.21%。"
            "23年Q1销售费用/管理费用/研发费用/财务费用率分别为3.83%/4.37%/{r}/-1.15%，同期变动分别为+0.65/-0.27/+0.97/-1.35pct。")
    assert _by_stated(text.format(r="26.87%"), "ratio")["26.87%"][0] == "consistent"
    assert _by_stated(text.format(r="26.87%"), "change")["+0.97"][0] == "consistent"
    assert _by_stated(text.format(r="28.87%"), "ratio")["28.87%"][0] == "inconsistent"


def test_an_earlier_level_in_a_bracket_after_its_name():
    # report 435: "较上一周均价（3595.25）下跌 2.06%": 3521.25 / 3595.25 - 1 = -2.06%
    text = "全国企业报价均价 3521.25 元 / 吨，主流含税送到，较上一周均价（3595.25）下跌 {g}。"
    assert _by_stated(text.format(g="2.06%"), "growth")["2.06%"][0] == "consistent"
    assert _by_stated(text.format(g="3.06%"), "growth")["3.06%"][0] == "inconsistent"
    # report 326: a change in the level's unit
    text = "国内工业级磷酸一铵市场均价为 6189 元 / 吨，较上周同期价格（6221 元 / 吨）下跌 {d} 元 / 吨。"
    assert _by_stated(text.format(d="32"), "change")["32 元 / 吨"][0] == "consistent"
    assert _by_stated(text.format(d="42"), "change")["42 元 / 吨"][0] == "inconsistent"


def test_a_bare_number_in_the_bracket_of_another_size_is_no_earlier_level():
    text = "均价 3521.25 元 / 吨，较上周（12）下跌 2.06%。"
    assert _by_stated(text, "growth").get("2.06%", ("unverifiable",))[0] == "unverifiable"


def test_a_cagr_stated_as_a_bound():
    # report 591: (96 / 15)^(1/8) - 1 = 26.1%, "超 25%" holds; "超 35%" is not confirmed (a bound
    # proves nothing against it)
    text = "规模从 2011 年 15 亿元升至 2019 年 96 亿元，CAGR 超 {g}。"
    assert _by_stated(text.format(g="25%"), "cagr")["25%"][0] == "consistent"
    assert _by_stated(text.format(g="35%"), "cagr")["35%"][0] == "unverifiable"


def test_a_span_of_two_digit_years_written_first_is_the_lists_span():
    # cfb075: "19~21年" is the span of the three levels; "2019-2020年" after them is the PEs'
    text = "预计公司19~21年营收19.46/24.91/29.89亿，净利润为1.05/1.85/2.36亿元，yoy增速分别为40%/{g}/27%，对应2019-2020年PE56X/43X。"
    assert _by_stated(text.format(g="76%"), "growth")["76%"][0] == "consistent"
    assert _by_stated(text.format(g="66%"), "growth")["66%"][0] == "inconsistent"


def test_pes_named_pe_valuation_after_an_eps_list():
    text = "预计公司20-22年EPS分别为0.54、0.92、1.32元，对应的PE估值分别为92/{pe}/37X。"
    assert {k: v[0] for k, v in _by_stated(text.format(pe="54"), "ratio").items()} == {"54": "consistent", "37": "consistent"}
    assert _by_stated(text.format(pe="64"), "ratio")["64"][0] == "inconsistent"


def test_volume_price_and_revenue_growths_in_any_order_confirm():
    # cfb193: (1 + 29%)(1 - 25%) - 1 = -3.25%
    text = "2020 年前三季度在产品价格下跌 25%的情况下，销量同比提升 29%，实现营业收入 6.67 亿元，同比小幅下滑 {g}。"
    assert _by_stated(text.format(g="3%"), "product")["3%"][0] == "consistent"
    # the revenue may be a whole the volume and price are one part of: a miss proves nothing
    assert _by_stated(text.format(g="13%"), "product")["13%"][0] == "unverifiable"
    # a margin between them is no growth of a measure
    assert _by_stated("公司毛利率同比下降 2%，销量同比提升 29%，价格下跌 25%。", "product") == {}


def test_volume_price_and_revenue_slash_lists_pair_by_position():
    # cfb246: four products, each revenue growth the product of its volume and price growths
    text = ("公司面米制品/肉制品/鱼糜制品/菜肴制品营收同比+19.72%/36.16%/{g}/23.26%，销量同比+11.7%/24.0%/25.3%/11.5%，"
            "吨价同比+7.2%/9.8%/12.5%/10.5%，量价同增驱动营收高速增长。")
    got = _by_stated(text.format(g="40.98%"), "product")
    assert len(got) == 4 and all(v[0] == "consistent" for v in got.values())
    assert _by_stated(text.format(g="30.98%"), "product")["30.98%"][0] == "inconsistent"


def test_an_earlier_level_followed_by_an_aside_before_the_verb():
    # cfr236: "较2019的2.84%（来自公司财报）提升0.48个百分点"
    text = "据我们推算东财证券2020年全年交易市占率3.32%，较2019的2.84%（来自公司财报）提升{d}个百分点。"
    assert _by_stated(text.format(d="0.48"), "change")["0.48个百分点"][0] == "consistent"
    assert _by_stated(text.format(d="0.58"), "change")["0.58个百分点"][0] == "inconsistent"


def test_a_cagr_from_a_multiple_over_a_count_of_years():
    # cfr318: 增长5倍 is × 6 here: 6^(1/5) - 1 = 43.1%
    text = "公司收入过去5年增长5倍，CAGR达到{g}。"
    assert _by_stated(text.format(g="43.1%"), "cagr")["43.1%"][0] == "consistent"
    # the multiple and the years are read more than one way: a miss proves nothing
    assert _by_stated(text.format(g="63.1%"), "cagr")["63.1%"][0] == "unverifiable"


def test_an_expense_ratio_said_flat_is_a_nil_change_that_confirms():
    # report 575: -0.8 + 0.7 - 0.1 + 0 = -0.2 … -0.0 within rounding of "- 0.1"
    text = ("期间费用率同比 {t} 个百分点，其中销售费用率同比 - 0.8 个百分点、管理费用率同比 + 0.7 个百分点、"
            "研发费用率同比 - 0.1 个百分点、财务费用率基本持平。")
    assert _by_stated(text.format(t="- 0.1"), "sum")["- 0.1 个百分点"][0] == "consistent"
    # how near nil 持平 is, is not written: a miss proves nothing
    assert _by_stated(text.format(t="- 0.9"), "sum")["- 0.9 个百分点"][0] == "unverifiable"


def test_a_net_total_counts_its_closings_against_it_after_a_bracketed_aside():
    # cfb119: 77 + 31 + 33 - 24 = 117; the bracketed 含 before is the 4,869's aside, not the breakdown
    text = "截至2020年Q1，公司共拥有门店4，869家（含加盟店419家），净增门店{n}家，其中新开门店77家、收购门店31家、加盟店33家、关闭门店24家。"
    assert _by_stated(text.format(n="117"), "sum")["117家"] == ("consistent", "77家 + 31家 + 33家 - 24家 = 117家")
    assert _by_stated(text.format(n="165"), "sum")["165家"][0] == "unverifiable"


def test_a_breakdown_past_the_totals_and_its_parts_own_rates_in_a_semicolon_chain():
    # report 326: 6.18 + 12.89 = 19.07
    text = ("2025 年 4 月，欧盟轮胎进口数量为 19.07 万吨，同比 + 8.42%；环比 - 0.88%；其中全钢胎 6.18 万吨，同比 + 6.4%；"
            "环比 + 17.17%；半钢胎 {b} 万吨，环比 - 4.03%，同比 + 4.67%。")
    assert _by_stated(text.format(b="12.89"), "sum")["19.07 万吨"][0] == "consistent"
    # a ；-clause of rates that closes its sentence with 。 ends the chain
    assert "19.07 万吨" not in _by_stated(text.replace("环比 - 0.88%；", "环比 - 0.88%。").format(b="12.89"), "sum")


def test_the_rate_of_a_stated_change_over_the_earlier_level_written_after_jiao():
    # report 326: 82 / 11480 = 0.714%
    text = "本周平均价格为 11398 元 / 吨，较上周平均价格 11480 元 / 吨下跌 82 元 / 吨，跌幅约为 {g}。"
    assert _by_stated(text.format(g="0.71%"), "growth")["0.71%"] == ("consistent", "82 元 / 吨 / 11480 元 / 吨 = 0.71%")
    assert _by_stated(text.format(g="0.91%"), "growth")["0.91%"][0] == "inconsistent"


def test_real_estates_ping_is_an_area_unit_for_a_price_per_area():
    # cfr212: 144.5亿 / 50.6万平 = 2.856万元/平
    text = "前三季度公司实现销售额144.5亿，同比+44.3%；销售面积50.6万平，同比+2.6%；销售均价{p}万元/平，同比+40.7%。"
    assert _by_stated(text.format(p="2.86"), "ratio")["2.86万元/平"][0] == "consistent"
    from macrodesk.figures import extract_figures
    assert [f.unit for f in extract_figures("销售面积50.6万平，同比+2.6%") if f.kind == "quantity"] == ["万平"]
    # a 平 that does not close its clause is no unit ("10万平台")
    assert all(f.unit != "万平" for f in extract_figures("搭建10万平台用户"))


def test_expense_ratio_parts_in_a_sentence_opening_on_its_period():
    # cfr452: 15.9 + 12.1 + 1.0 - 1.0 = 28.0, and +0.69 + 0.33 + 0.55 - 0.02 = +1.55
    text = "1H22期间费用率{t}，同比+1.55pct。1H22销售/管理/研发/财务费用率15.9%/12.1%/1.0%/-1.0%，分别同比+0.69/+0.33/+0.55/-0.02pct。"
    got = _by_stated(text.format(t="28.0%"), "sum")
    assert got["28.0%"][0] == "consistent" and got["+1.55pct"][0] == "consistent"
    assert _by_stated(text.format(t="29.0%"), "sum")["29.0%"][0] == "inconsistent"


def test_a_cagr_over_a_list_of_levels():
    # cfr517: five levels are four steps: (11.14 / 3.29)^(1/4) - 1 = 35.6%; "近五年" may count five
    # steps, 27.6%; 25.60% is neither
    text = "公司模锻件产品业务收入分别为3.29亿元、4.15亿元、5.02亿元、5.34亿元和11.14亿元，近五年复合增长率为{g}。"
    assert _by_stated(text.format(g="35.60%"), "cagr")["35.60%"][0] == "consistent"
    assert _by_stated(text.format(g="25.60%"), "cagr")["25.60%"][0] == "inconsistent"
    # a forecast list's CAGR may start from the last actual year before it (cfb179: from 2019's 0.74)
    text = "承诺业绩 2020-2023 年分别为 0.92 亿元、 1.06 亿元、 1.22 亿元、 1.42 亿元，年均CAGR 为 17.7%。"
    assert _by_stated(text, "cagr")["17.7%"][0] == "unverifiable"


def test_a_gap_to_an_index_whose_return_follows_its_closing_level():
    # report 861: -10.53 - (-2.19) = -8.34, "跑输…8.35%"; each return's index is named with the level it
    # closed at in the clause before
    text = ("本周基础化工行业指数收 4662.73 点，较上周下跌 10.53%，跑输沪深 300 指数 {g}；同期上证综指收 3957.05 点，"
            "跌 3.38%，沪深 300 指数报 4567.02 点，跌 2.19%。")
    assert _by_stated(text.format(g="8.35%"), "difference")["8.35%"][0] == "consistent"
    assert _by_stated(text.format(g="7.35%"), "difference")["7.35%"][0] == "inconsistent"


def test_a_gap_whose_subjects_return_stands_in_another_clause():
    # report 326: 1.53 - 0.82 = 0.71
    text = ("上证综指收于 3510.18 点，较上周五的 3472.32 点上涨 1.09%；沪深 300 指数报 4014.81 点，较上周五上涨 0.82%；"
            "申万化工行业指数报 3572.47 点，较上周五上涨 1.53%；本周化工行业指数跑赢沪深 300 指数 {g}。")
    assert _by_stated(text.format(g="0.71%"), "difference")["0.71%"][0] == "consistent"
    assert _by_stated(text.format(g="0.91%"), "difference")["0.91%"][0] == "inconsistent"


def test_a_year_written_without_nian_before_the_company_dates_its_margins():
    # cfb394 (thirty-fifth set): "2021公司…净利率38.25%" is 2021's 9.74 / 25.45, not 22Q1's 3.08 / 7.43
    text = ("2021年公司实现营业收入25.45亿元，同比增长15.97%；归母净利润9.74亿元，同比增长3.68%。2022年一季度，公司实现营收7.43亿元，"
            "同比增长39.53%，归母净利润3.08亿元，同比增长83.46%。2021公司毛利率为71.15%，同比下降6.03pp，净利率38.25%，同比下降4.53pp。")
    got = _by_stated(text, "ratio")
    assert got["38.25%"] == ("consistent", "9.74亿元 / 25.45亿元 = 38.25%")
    from macrodesk.figures import extract_figures
    assert [f.kind.value for f in extract_figures("2021公司毛利率为71.15%")] == ["date", "percent"]
    # a bare number before another word stays a number ("2021家门店")
    assert extract_figures("共有2021家门店")[0].kind.value == "quantity"


def test_an_earlier_level_in_the_bracket_after_a_growth_or_change():
    # report 53 (thirty-fifth set): 10.56 / 7.6 - 1 = 38.9%; 109.46 - (-17.12) = 126.58, not 127.58
    text = "归母净利润 10.56 亿元，同比 - 32.73%，但环比 {g}（2024Q4 为 7.6 亿元）。"
    assert _by_stated(text.format(g="+ 39.2%"), "growth")["+ 39.2%"][0] == "consistent"
    assert _by_stated(text.format(g="+ 49.2%"), "growth")["+ 49.2%"][0] == "inconsistent"
    text = "经营现金流净额 109.46 亿元，同比 + {d} 亿元（2024Q1 为 - 17.12 亿元）。"
    assert _by_stated(text.format(d="126.58"), "change")["+ 126.58 亿元"][0] == "consistent"
    assert _by_stated(text.format(d="127.58"), "change")["+ 127.58 亿元"][0] == "inconsistent"
    # "主要因 2024Q4 低基数（净利润 79.76 亿元）": 373.63 / 79.76 - 1 = 368.4%
    text = "归母净利润 373.63 亿元，同比 + 6.33%，环比 + 368.42%，主要因 2024Q4 低基数（净利润 79.76 亿元）。"
    assert _by_stated(text, "growth")["+ 368.42%"][0] == "consistent"


def test_a_signed_growth_in_a_bracket_after_a_move_from_to():
    # report 89: 146 / 97 - 1 = 50.5%; 同比 may be against another base than the 从-level: confirms only
    text = "样本公司从 97 亿元增至 146 亿元（同比 {g}）。"
    assert _by_stated(text.format(g="+ 51.1%"), "growth")["+ 51.1%"][0] == "consistent"
    assert _by_stated(text.format(g="+ 61.1%"), "growth")["+ 61.1%"][0] == "unverifiable"


def test_a_pair_of_tong_huan_bi_growths_and_the_half_year_reports_year():
    # cfb452: "同环比+37.3%/+9.3%" is 同比 then 环比; Q1 = H1 - Q2 of "2022中报": 254.2 / 230.3 - 1 = 10.4%
    text = ("事件：广汽集团发布2022中报：上半年实现营收484.5亿元，同比+41.2%；实现归母净利润57.5亿元，同比+32.6%。"
            "其中，Q2营收254.2亿元，同环比+37.3%/{g}；Q2归母净利润27.4亿元，同环比+39.1%/-8.9%。")
    got = _by_stated(text.format(g="+10.4%"), "growth")
    # (the 同比 +37.3% has no earlier level written: counted, not judged as a 环比)
    assert got["+10.4%"][0] == "consistent" and got["-8.9%"][0] == "consistent" and got["+37.3%"][0] == "unverifiable"
    assert _by_stated(text.format(g="+9.3%"), "growth")["+9.3%"][0] == "inconsistent"


def test_a_profit_list_named_jingli_before_its_pes():
    # cfb414: 58 × 1.1 = 63.8 is the cap; 63.8 / 1.6 = 39.9, 63.8 / 2.4 = 26.6
    text = "我们预计2022/23/24年公司归母净利为1.1/1.6/2.4亿元，对应PE为58/{pe}/26倍。"
    assert _caps(text.format(pe="38"))["38"] == "consistent"
    assert _caps(text.format(pe="48"))["48"] == "inconsistent"


def test_pbs_after_a_bps_list_share_one_share_price():
    # cfb497: 0.69 × 18.78 = 12.96 is the price; 12.96 / 21.11 = 0.614, 12.96 / 23.81 = 0.544
    text = "预计2022-2024年BPS18.78/21.11/23.81元，现价对应PB估值0.69/0.62/{pb}倍。"
    assert _by_stated(text.format(pb="0.55"), "ratio")["0.55倍"][0] == "consistent"
    assert _by_stated(text.format(pb="0.45"), "ratio")["0.45倍"][0] == "inconsistent"
    # a PB glued to its key is a figure (cfb259: "对应PB1.42、1.33和1.24倍")
    got = _by_stated("维持预测2021-2023年BPS12.93/13.80/14.76元，对应PB1.42、1.33和1.24倍。", "ratio")
    assert got["1.33"][0] == "consistent" and got["1.24倍"][0] == "consistent"


def test_last_years_level_named_as_such_and_a_noun_with_shou_after_jiao():
    # cfr203: "毛利率为 50.63%， 去年同期为 52.12%，下降 1.49 pct"; "较年初的预收款项 1.58 亿元，增长 45%"
    text = "前三季度，公司毛利率为 50.63%， 去年同期为 52.12%，下降 {d} pct。"
    assert _by_stated(text.format(d="1.49"), "change")["1.49 pct"][0] == "consistent"
    assert _by_stated(text.format(d="1.39"), "change")["1.39 pct"][0] == "inconsistent"
    text = "公司合同负债为 2.29 亿元，较年初的预收款项 1.58 亿元，增长 {g}。"
    assert _by_stated(text.format(g="45%"), "growth")["45%"][0] == "consistent"
    assert _by_stated(text.format(g="55%"), "growth")["55%"][0] == "inconsistent"


def test_a_net_change_before_its_level_is_the_whole_of_its_flows():
    # cfr145: 324 - 178 = 146, not the 1776 it reached
    assert _by_stated("19年净增加146家至1776家，其中新增324家，退出178家。", "sum")["146家"] == (
        "consistent", "324家 - 178家 = 146家")
