"""Round 15: relations company research writes that the checker paired with nothing or left
unverifiable, each from a real article: a margin's change written before its level, and a year's
quarters listed in another paragraph of a sentence that names the year twice."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb532 (twenty-seventh set): the growths in brackets after yoy, the margin's change before its level
_CFB532 = ("公司2022年全年实现营收67.14亿元（yoy-10.65%)，归母净利润8.19亿元（yoy+68.76%)，扣非归母净利7.74亿元（yoy+64.54%）。"
           "培育钻石等高端占比提升带动整体毛利率同增8.14pcts至28.88%，期间销售费用率同增0.11pct至0.94%；"
           "管理费用率同增1.67pct至8.63%；研发费用率同增1.20pt至5.79%，带动归母净利率同增{d}至12.20%。")


def test_a_margin_change_written_before_its_level_is_checked_against_the_growths():
    (c,) = [c for c in check_text(_CFB532.format(d="5.74pcts")) if c.stated == "5.74pcts"]
    # last year's margin is 12.20% × (1 - 10.65%) / (1 + 68.76%) = 6.46%
    assert c.verdict == "consistent" and c.derived and "6.459%" in c.relation
    # a miss is left unverifiable (confirm-only: the margin may be on total profit, not 归母)
    (c,) = [c for c in check_text(_CFB532.format(d="3.74pcts")) if c.stated == "3.74pcts"]
    assert c.verdict == "unverifiable"


def test_a_margin_change_before_its_level_takes_the_period_not_the_base_of_a_comparison():
    # cfr414 (twenty-ninth set): "较2021Q4环比" names the base of the next clause, not 2022Q1's period;
    # the quarter list's growths (2021Q4/2022Q1 … 同比+9.92%/+9.96%) are items, not 2022Q1's growth
    text = ("2022Q1实现营业收入16.78亿元，同比+9.96%；实现归母净利润1.46亿元，同比-47.81%，扣非后归母净利润1.32亿元，同比-51.5%。"
            "分季度看，公司2021Q4/2022Q1分别实现营收16.55/16.78亿元，同比+9.92%/+9.96%，实现归母净利润1.14/1.46亿元，"
            "同比-49.03%/-47.81%。受原材料及能源成本压制，2022Q1毛利率同比-10.92pcts至11.54%，较2021Q4环比-0.01pcts。"
            "期间费用持续优化，期间费用率同比-1.06pcts至3.82%，影响净利率同比{d}至8.73%，较2021Q4环比+1.88pcts。")
    (c,) = [c for c in check_text(text.format(d="-9.66pcts")) if c.stated == "-9.66pcts"]
    assert c.verdict == "consistent" and "(1-47.81%)" in c.relation.replace(" ", "")
    # the bare 净利率 8.73% fits the only 归母 profit of 2022Q1 (1.46 / 16.78), which settles its
    # basis: a change the growths do not give is refuted (round 16; it was left unverifiable)
    (c,) = [c for c in check_text(text.format(d="-6.66pcts")) if c.stated == "-6.66pcts"]
    assert c.verdict == "inconsistent" and "18.33%" in c.relation


def test_quarters_listed_apart_sum_to_the_year_named_twice_in_its_sentence():
    # cfr014 (twenty-fifth set): the year's level sits in "发布 2018 年年报， 2018 年公司实现…", and the
    # profit list leaves its unit to the revenue list before it
    text = ("1．事件　　九阳股份发布 2018 年年报， 2018 年公司实现营业收入 81.69亿元，同比增长 12.71%；实现归母净利润 {p} 亿元，"
            "同比增长9.48%。\n\n分季度来看， 公司 2018 年 Q1/Q2/Q3/Q4 营业收入分别为15.68/20.71/17.99/27.31 亿元，同比增速分别为 "
            "5.57%/16.16%/0.08%/25.16%，归母净利润分别为 1.47/2.23/1.99/1.85， 同比增速分别为 7.88%/-0.85%/12.28%/23.11%.")
    checks = check_text(text.format(p="7.54"))
    sums = {c.stated: c.verdict for c in checks if c.kind == "sum"}
    assert sums == {"81.69亿元": "consistent", "7.54 亿元": "consistent"}
    growths = {c.stated: c.verdict for c in checks if c.kind == "growth" and c.derived}
    assert growths == {"12.71%": "consistent", "9.48%": "consistent"}
    # the profit list read in 亿元: a year's profit of 8.54 misses its quarters by a whole 亿
    sums = {c.stated: c.verdict for c in check_text(text.format(p="8.54")) if c.kind == "sum"}
    assert sums["8.54 亿元"] == "inconsistent"


# ---------------------------------------------------------------- growths written as ranges

def _growths(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if c.kind == "growth" and c.derived}


def test_a_range_of_growths_after_a_range_of_levels_grows_from_one_base():
    # 510: an earnings pre-announcement; 13 / (1 + 192.96%) = 4.44 is last year's level for both ends
    text = ("7 月 11 日，中国船舶重工股份有限公司发布 2025 年半年度业绩预增公告，报告期内预计实现归母净利润 15 亿元至 18 亿元，"
            "同比增长 181.73% 至 238.08%；预计实现扣非归母净利润 13 亿元至 16 亿元，同比增长 192.96% 至 {g}；")
    assert _growths(text.format(g="260.57%")) == {"238.08%": ("consistent", True), "260.57%": ("consistent", True)}
    # whole 亿 levels stand for ±0.5 亿, so the upper end may be 236%-286%: 250.57% fits, 320.57% does not
    # (and its decimals are no round forecast's)
    assert _growths(text.format(g="250.57%"))["250.57%"] == ("consistent", True)
    assert _growths(text.format(g="320.57%"))["320.57%"] == ("inconsistent", True)


def test_each_basis_after_the_levels_has_its_own_base_and_falls_pair_by_order():
    # cfb381 (thirtieth set): 同比 and 环比 ranges after one range of levels
    text = "锂盐产量4.02万吨，同比增长90.5%。公司预计2022Q1归母净利润9-11亿元，同比增加765.24%-957.52%，环比增加188.2%-252.2%。"
    assert _growths(text) == {"957.52%": ("consistent", True), "252.2%": ("consistent", True)}
    # a fall: the lower level fell the more (0.97 / (1 - 75.28%) = 3.92 = 1.77 / (1 - 54.89%))
    fall = "公司三季度营收5.39亿元，同比下降9%。其中2020年Q3实现归属于上市公司股东的净利润0.97亿元~1.77亿元，同比减少54.89%~{g}；"
    assert _growths(fall.format(g="75.28%")) == {"54.89%": ("consistent", True)}
    assert _growths(fall.format(g="65.28%")) == {"54.89%": ("inconsistent", True)}


def test_round_or_unsigned_ranges_confirm_but_never_refute():
    # 193: a forecast's round ends (200 / 1.3 = 153.8 gives 43%, not 40%) prove nothing
    text = "2025 年 1-4 月国内新增 105GW（同比 + 75%）。全年国内装机预计 200-220GW，同比增长 30%-40%。"
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]
    # 189: "同比 - 8~23%" may be −8% to +23% or −8% to −23%: not read
    text = "光伏装机：2025 年 1-4 月国内新增 105GW（同比 + 75%），但受 136 号文影响，全年预计 215-255GW（同比 - 8~23%）。"
    assert not _growths(text)


def test_a_segments_quarters_are_not_the_companys():
    # cfr197 (thirtieth set, a false alarm of its first run): 杀虫剂's quarters against the company's 前三季度
    text = ("事件：扬农化工发布2020年三季报，前三季度实现营业收入79.56亿元，同比增长12.67%；"
            "分业务来看，2020年杀虫剂Q1/Q2/Q3单季度营收分别为9.77/7.76/6.35亿元，销量分别为5123/4579/2629吨。")
    assert not [c for c in check_text(text) if c.kind == "sum"]
    # the company's own quarters, with no year or subject before them, are still its 前三季度
    text = ("2021年前三季度公司实现营业收入13.01亿元，同比增长25.3%。分季度看，Q1-Q3分别实现营业收入3.63、4.64和{q}亿元。")
    assert [c.verdict for c in check_text(text.format(q="4.75")) if c.kind == "sum"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(q="5.75")) if c.kind == "sum"] == ["inconsistent"]


# ---------------------------------------------------------------- PE lists and the price they are at

def _pes(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "price over" in c.relation}


def test_a_pe_list_after_the_price_named_after_it_and_an_eps_list_glued_to_its_key():
    # cfb542 (thirtieth set): the analyst's 预计 years are forecasts, so the PEs are at the price written;
    # 28.22 / 1.62 = 17.42, not 17.54 (a real error its annotator listed)
    text = ("我们预计2022-2024年，公司收入8.82/11.01/13.38亿元，同比增速-7.8%/24.8%/21.5%，归母净利润1.14/1.53/2.02亿元，"
            "同比增速-11.5%/34.8%/31.6%；EPS1.20/1.62/2.13元，对应4月19日28.22元收盘价23.52/{pe}/13.27xPE。")
    assert _pes(text.format(pe="17.54")) == {"23.52": "consistent", "17.54": "inconsistent", "13.27": "consistent"}
    assert _pes(text.format(pe="17.42"))["17.42"] == "consistent"


def test_a_pe_list_whose_eps_list_closes_the_sentence_before():
    # cfb589 (thirtieth set)
    text = ("预计公司2023/2024/2025年实现营业收入467.30/527.90/555.99亿元，分别同比增长17.52%/12.97%/5.32%；"
            "归母净利润分别为35.21/42.19/47.10亿元，分别同比增长2.19%/19.82%/11.63%，对应EPS分别为1.48/1.77/1.98元。"
            "以2023年7月29日收盘价11.91元为基准，对应2023-2025E对应PE分别为8.06/6.73/{pe}倍。")
    assert _pes(text.format(pe="6.03")) == {"8.06": "consistent", "6.73": "consistent", "6.03倍": "consistent"}
    assert _pes(text.format(pe="6.53"))["6.53倍"] == "inconsistent"
    # in another paragraph, the EPS list is not this price's
    assert not _pes(text.format(pe="6.03").replace("。以2023年", "。\n\n以2023年"))


# ---------------------------------------------------------------- parallel lists of amounts, volumes and prices

def test_parallel_lists_of_amounts_volumes_and_prices_pair_by_position():
    # cfr197 (thirtieth set): 9.77亿元 / 5123吨 = 19.07万元/吨, item by item
    text = ("分业务来看，2020年杀虫剂Q1/Q2/Q3单季度营收分别为9.77/7.76/6.35亿元，销量分别为5123/4579/2629吨，"
            "销售均价分别为19.07/{p}/24.14万元/吨，销售单价三季度有较大幅度提升。")
    got = {c.stated: (c.verdict, c.refutable) for c in check_text(text.format(p="16.96")) if "lists paired by position" in c.relation}
    assert got == {"19.07": ("consistent", True), "16.96": ("consistent", True), "24.14万元/吨": ("consistent", True)}
    # one misfit beside two fits is an error of the text
    got = {c.stated: c.verdict for c in check_text(text.format(p="18.96")) if "lists paired by position" in c.relation}
    assert got["18.96"] == "inconsistent"


def test_parallel_lists_with_one_fit_only_confirm():
    # two items: one fit is no proof the lists are of one thing (a price may be quoted with tax)
    text = "公司Q1/Q2营收分别为9.77/7.76亿元，销量分别为5123/4579吨，销售均价分别为19.07/{p}万元/吨。"
    got = {c.stated: c.verdict for c in check_text(text.format(p="18.96")) if "lists paired by position" in c.relation}
    assert got == {"19.07": "consistent", "18.96万元/吨": "unverifiable"}


def test_quarters_written_1_3q22_with_their_qoq_list_and_the_results_colon():
    # cfr493 (thirtieth set): "1-3Q22" lists the first three quarters of 2022; its level is 公布1-3Q22业绩：收入…
    text = ("公司公布1-3Q22业绩：收入159.5亿元，同比下滑21.1%；归母净利润{p}亿元，同比下滑24.6%，符合预期。"
            "分季度看，1-3Q22公司收入分别为54.8/47.5/57.2亿元，同比增速-20.9%/-25.4%/-17.2%，环比增速-4.0%/-13.3%/20.4%，"
            "归母净利润分别为12.4/8.8/10.5亿元，同比增速-17.3%/-24.7%/-31.5%，环比增速282.9%/-28.7%/{q}。")
    checks = check_text(text.format(p="31.7", q="19.5%"))
    assert {c.stated: c.verdict for c in checks if c.kind == "sum"} == {"159.5亿元": "consistent", "31.7亿元": "consistent"}
    derived = {c.stated: c.verdict for c in checks if c.kind == "growth" and c.derived}
    assert derived == {"21.1%": "consistent", "24.6%": "consistent"}
    qoq = {c.stated: c.verdict for c in checks if "环比" in c.relation}
    assert qoq == {"-13.3%": "consistent", "20.4%": "consistent", "-28.7%": "consistent", "19.5%": "consistent"}
    # the second measure's list is read after the first one's 环比 list: a wrong 环比 or sum is caught
    checks = check_text(text.format(p="35.7", q="29.5%"))
    assert {c.stated: c.verdict for c in checks if c.kind == "sum"}["35.7亿元"] == "inconsistent"
    assert {c.stated: c.verdict for c in checks if "环比" in c.relation}["29.5%"] == "inconsistent"


# ---------------------------------------------------------------- 1H22 / 2Q22 and lists of bases

def test_a_second_quarters_qoq_growth_in_a_list_of_bases_against_1h22_less_2q22():
    # cfr453 (thirtieth set): "1H22" is a half now, and in "同/环比+29.6%/21.1%" the 环比 is the second item
    text = ("公司发布半年报：1H22收入21.70亿元，同比+30.3%；归母净利润2.99亿元，同比+46.4%。"
            "2Q22收入11.89亿元，同/环比+29.6%/{g}；归母净利润1.81亿元，同/环比+49.2%/54.2%。")
    got = {c.stated: c.verdict for c in check_text(text.format(g="21.1%")) if "unstated" in c.relation}
    assert got == {"21.1%": "consistent", "54.2%": "consistent"}
    # the 同比 item is never read as the 环比 one: a wrong 环比 is caught, the 同比 left alone
    got = {c.stated: c.verdict for c in check_text(text.format(g="29.1%")) if "unstated" in c.relation}
    assert got["29.1%"] == "inconsistent" and "+29.6%" not in got


def test_a_margins_changes_in_a_list_of_bases_take_the_lists_verb():
    # cfb448 (twenty-first set): "同比、环比分别下滑2.31pct、0.66pct": the 0.66 is 环比 and a fall
    text = ("事件：公司1H22营收135.32亿元，同比+9.73%，归母净利润33.93亿元，同比+1.21%。"
            "2Q22营收63.22亿元，同比+22.19%，归母净利润15.64亿元，同比+11.79%。"
            "归母净利率24.73%，同比、环比分别下滑2.31pct、{c}。")
    got = {c.stated: c.verdict for c in check_text(text.format(c="0.66pct")) if "净利率 " in c.relation}
    assert got == {"2.31pct": "consistent", "0.66pct": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format(c="0.96pct")) if "净利率 " in c.relation}
    assert got["0.96pct"] == "inconsistent"


def test_a_share_of_the_companys_revenue_named_in_a_word():
    # cfr413 (twenty-ninth set): "在公司收入结构中占比25%" is a share of the company's revenue of the year
    text = "2021年，公司实现营收106.07亿元，同比增19.39%。2021年，其它业务板块共计贡献收入26.95亿元，在公司收入结构中占比{s}。"
    assert [c.verdict for c in check_text(text.format(s="25%")) if c.kind == "share"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(s="35%")) if c.kind == "share"] == ["inconsistent"]
    # 收入 names the company's own level, not a segment's: "海外收入 40 亿元" is no whole
    text = "2021年，海外收入40.07亿元。2021年，其它业务板块共计贡献收入26.95亿元，在公司收入结构中占比25%。"
    assert [c.verdict for c in check_text(text) if c.kind == "share"] in ([], ["unverifiable"])


# ---------------------------------------------------------------- load factors

def _loads(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "客座率 = RPK / ASK" in c.relation}


def test_a_load_factors_change_from_the_growths_of_supply_and_demand():
    # cfr067 (twenty-fourth set): 82.2% × (1 + 10.4%) / (1 + 10.6%) = 82.05% a year ago
    text = "1） 上半年公司ASK 同比增长 10.4%， RPK 同比增长 10.6%，客座率 82.2%，同比提升 {d} 个百分点，但客公里收益同比下降 1.5%。"
    assert _loads(text.format(d="0.2")) == {"0.2 个百分点": "consistent"}
    assert _loads(text.format(d="1.2")) == {"1.2 个百分点": "inconsistent"}


def test_load_factor_bases_by_place_and_by_the_clause_that_names_them():
    # cfb312 (twenty-seventh set): "同比/环比" lists, the level after 至
    text = "Q3公司ASK同比/环比下降29.6%/23.1%，RPK同比/环比下降30.2%/27.6%，同期客座率同比/环比降0.6/{d}pcts至74.3%。"
    assert _loads(text.format(d="4.6")) == {"0.6": "consistent", "4.6pcts": "consistent"}
    assert _loads(text.format(d="2.6"))["2.6pcts"] == "inconsistent"
    # cfb411 (thirtieth set): ；-clauses of one sentence, "其中国内…" no growth of the whole, and a basis
    # against 2019 named once for the clauses after it
    text = ("1）同比看：2022Q1ASK同比-40.6%，其中国内-40.4%，国际-100.0%；RPK同比-38.6%，其中国内38.6%，国际-100%；"
            "客座率67.7%，同比+2.1pts；2）与19年同期比，ASK下降35.0%；RPK下降45.6%；客座率下降{d}pts。")
    assert _loads(text.format(d="13.2")) == {"+2.1": "consistent", "13.2": "consistent"}
    assert _loads(text.format(d="3.2"))["3.2"] == "inconsistent"
    # cfr570 (twenty-eighth set): supply and demand named together, three bases
    text = ("公司Q1总供给、需求环比各上升71.57%/100.22%，同比各上升4.60%/25.76%（较2019年同期各+2.01%/-3.86%），"
            "带动客座率同比上升14.62个百分点至86.9%，较19年同期仅下滑{d}个百分点。")
    assert _loads(text.format(d="5.3")) == {"14.62个百分点": "consistent", "5.3个百分点": "consistent"}
    assert _loads(text.format(d="2.3"))["2.3个百分点"] == "inconsistent"


# ---------------------------------------------------------------- CAGRs over a span

def _cagrs(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "cagr"}


def test_a_cagr_from_a_growth_against_a_quarter_years_back():
    # cfb265 (twenty-sixth set): "较 19Q1 增长 36%，两年 Q1 复合增速 17%"; cfr272: "相比1Q19增长10.6%，近两年CAGR为5.2%"
    text = " 公司 2021 年Q1 实现营业收入 4047.3 亿元，同比增长 53.4%（较 19Q1 增长 36%，两年 Q1 复合增速 {c}）；"
    assert _cagrs(text.format(c="17%")) == {"17%": "consistent"}
    assert _cagrs(text.format(c="27%")) == {"27%": "inconsistent"}
    text = "2021年一季度，归母净利润11.4亿元，对应每股盈利0.23元，去年同期为亏损0.3亿元，相比1Q19增长10.6%，近两年CAGR为{c}。"
    assert _cagrs(text.format(c="5.2%")) == {"5.2%": "consistent"}


def test_a_two_year_cagr_from_this_years_growth_on_last_years():
    # cfb254 (twenty-fifth set): (1.9165 × 0.7604)^(1/2) - 1 = 20.7%
    text = "一季度公司营收同比增长 91.65%， 在去年 Q1 下滑 23.96%的基础上实现高增长，两年复合增速 {c}。"
    assert _cagrs(text.format(c="21%")) == {"21%": "consistent"}
    assert _cagrs(text.format(c="31%")) == {"31%": "inconsistent"}


def test_a_margin_change_against_growths_listed_by_slashes():
    # cfr382 (nineteenth set; its "PCT" written pct here: upper-case PCT is not read as points yet)
    text = ("2021年公司收入/归母净利/扣非归母净利分别为27.20/6.25/5.8亿元、同比增长18.09%/25.2%/25.26%，业绩略超预期。"
            "2021年公司净利率为22.96%、同比提高{d}pct，主要来自毛利率提升。")
    got = {c.stated: c.verdict for c in check_text(text.format(d="1.3")) if "from the growths" in c.relation}
    assert got == {"1.3pct": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format(d="3.3")) if c.stated == "3.3pct"}
    # (round 34: the margin fits 归母净利 / 收入 to its last digit, so its change from those two growths
    # is judged, as after a comma: ratio_changes reads "22.96%、同比提高" too)
    assert got == {"3.3pct": "inconsistent"}


def test_a_margin_in_a_list_of_rates_takes_the_change_of_its_place():
    # 528 (seventeenth set; "PCT" written pct here): 净利率 is the second rate, so its change is 1.1
    text = ("25H1 在抢装需求带动下，风电板块营收 1047 亿元，同比增长 45.6%；归母净利润 42.3 亿元，同比增长 15.5%。"
            "25H1 行业营收、净利润增长，销售毛利率 14.6%、净利率 4.0%，同比分别下降 3.6、{d}pct，受制造业务占比提升影响。")
    # (read by checks/margins.py since the bare 净利率 is read on the only 归母 profit of 25H1, or by
    # checks/margin_growths.py: the same change from the growths)
    (c,) = [c for c in check_text(text.format(d="1.1")) if c.stated == "1.1pct"]
    assert c.verdict == "consistent" and "(1+15.5%)" in c.relation.replace(" ", "")
    (c,) = [c for c in check_text(text.format(d="2.1")) if c.stated == "2.1pct"]
    assert c.verdict == "unverifiable"  # confirm-only


def test_a_list_of_revenues_with_their_shares_of_the_companys_revenue_of_the_half():
    # cfr453 (thirtieth set): "占比82%/7%/5%" after three revenues of 上半年, the company's 1H22收入 elsewhere
    text = ("公司发布半年报：1H22收入21.70亿元，同比+30.3%；归母净利润2.99亿元，同比+46.4%。"
            "市占率进一步提升，三大电容收入均创新高：铝电解/薄膜/超级电容上半年收入同比+32%/+43%/+5%至17.87/1.42/1.06亿元，"
            "占比82%/{s}/5%。")
    shares = {c.stated: c.verdict for c in check_text(text.format(s="7%")) if c.kind == "share"}
    assert shares == {"82%": "consistent", "7%": "consistent", "5%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(s="9%")) if c.kind == "share"}["9%"] == "inconsistent"


def test_margins_and_changes_listed_by_slashes_pair_by_place():
    # cfr200 (thirtieth set): 11.8% is the second rate, so its change is the second (-0.3pct), not -3.8pcts;
    # the levels' list carries a unit on each item
    text = ("2020Q3单季度营业收入/归母净利润/扣非归母净利润分别为19.60亿/2.31亿/1.85亿，同比+56.93%/52.98%/45.67%。"
            "2020Q3单季度综合毛利率/综合净利率24.3%/11.8%，同比-3.8pcts/{d}。")
    got = {c.stated: c.verdict for c in check_text(text.format(d="-0.3pct")) if "from the growths" in c.relation}
    assert got == {"-0.3pct": "consistent"}
    # the gross margin's change is never read as the net margin's
    assert not [c for c in check_text(text.format(d="-0.3pct")) if c.stated == "-3.8pcts" and "from the growths" in c.relation]


def test_a_bracket_of_revisions_is_no_span_of_years():
    # cfb589 (thirtieth set): "（23E下调，24/25E上调）" between the levels and their growths names no span
    text = ("预计公司2023/2024/2025年实现营业收入467.30/527.90/555.99亿元，分别同比增长17.52%/12.97%/5.32%；"
            "归母净利润分别为35.21/42.19/47.10亿元（23E下调，24/25E上调），分别同比增长2.19%/{g}/11.63%，对应EPS分别为1.48/1.77/1.98元。")
    got = {c.stated: c.verdict for c in check_text(text.format(g="19.82%")) if "listed by position" in c.relation}
    assert got == {"12.97%": "consistent", "5.32%": "consistent", "19.82%": "consistent", "11.63%": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format(g="29.82%")) if "listed by position" in c.relation}
    assert got["29.82%"] == "inconsistent"


def test_margins_listed_after_their_names_take_the_change_of_their_place():
    # cfr307 (thirtieth set): "毛利率、净利率分别为42.75%、29.62%，同比下滑6.30、6.58pct"
    text = ("公司2021年H1实现收入6.00亿元，同比增长34.46%，归母净利润1.78亿元，同比增长10.01%。"
            "公司2021年H1毛利率、净利率分别为42.75%、29.62%，同比下滑6.30、{d}pct，主要系公司为客户让利产品降价。")
    got = {c.stated: c.verdict for c in check_text(text.format(d="6.58")) if "from the growths" in c.relation}
    assert got == {"6.58pct": "consistent"}


def test_parallel_lists_at_the_start_of_a_sentence():
    # a sentence that opens on its amounts' list has no stop before it: its words start at 0
    text = "营收分别为9.77/7.76/6.35亿元，销量分别为5123/4579/2629吨，销售均价分别为19.07/16.96/{p}万元/吨。"
    got = {c.stated: c.verdict for c in check_text(text.format(p="24.14")) if "lists paired by position" in c.relation}
    assert got == {"19.07": "consistent", "16.96": "consistent", "24.14万元/吨": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format(p="28.14")) if "lists paired by position" in c.relation}
    assert got["28.14万元/吨"] == "inconsistent"
