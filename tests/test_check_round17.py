"""Round 17: relations company research writes that the checker paired with nothing, each from a
real excerpt: a list of 环比 growths after as many quarter levels."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb300 (thirty-first set): H1 and Q2 levels, the Q2 growths a list after 分别 and a base date
_CFB300 = ("公司发布 2021 年半年报： 上半年公司实现营业收入 440.8 亿元， 同比+134.07%； 归母净利润 44.8 亿元， 同比+131.45%； "
           "扣非净利润 39.2 亿元，同比+184.64%； Q2 实现营业收入 249.1 亿元， 归母净利润 25.3 亿元、 扣非净利润 22.46 亿元， "
           "分别环比 Q1 +{r}、 29.42%、 {k}。")


def _quarter_growths(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "growth" and "unstated" in c.relation}


def test_a_list_of_growths_after_as_many_quarter_levels_is_theirs_in_order():
    got = _quarter_growths(_CFB300.format(r="29.95%", k="34.35%"))
    assert got == {"29.95%": "consistent", "29.42%": "consistent", "34.35%": "consistent"}


def test_a_mistyped_growth_of_the_list_is_refuted_by_its_own_level():
    # 249.1 / (440.8 - 249.1) - 1 is 29.9%; 22.46 / (39.2 - 22.46) - 1 is 34.2%
    got = _quarter_growths(_CFB300.format(r="39.95%", k="24.35%"))
    assert got["39.95%"] == "inconsistent" and got["24.35%"] == "inconsistent" and got["29.42%"] == "consistent"


def test_a_list_longer_than_its_levels_is_not_spread():
    # three growths for two levels: no pairing by position is safe, and the first growth is not
    # the last level's
    text = ("2021 年上半年公司实现营业收入 440.8 亿元；归母净利润 44.8 亿元。Q2 实现营业收入 249.1 亿元、归母净利润 25.3 亿元，"
            "分别环比 Q1 +29.95%、29.42%、34.35%。")
    assert "29.95%" not in _quarter_growths(text)


# cfr295 (thirty-second set): a half and its second quarter in one sentence, no year written
_CFR295 = ("二季度盈利环比增长13.62%：据公告，上半年公司实现归母净利润19.44亿元，同比增长60.66%，"
           "公司二季度创造归母净利润10.34亿元，同比增长88%，环比增长{g}。")


def test_an_undated_half_and_quarter_of_one_sentence_are_of_one_year():
    assert _quarter_growths(_CFR295.format(g="13.62%")) == {"13.62%": "consistent"}
    # 10.34 / (19.44 - 10.34) - 1 is 13.6%: 18.62% is refuted, the half being the sentence's own
    assert _quarter_growths(_CFR295.format(g="18.62%")) == {"18.62%": "inconsistent"}


def test_undated_levels_of_different_sentences_are_not_paired():
    text = "上半年公司实现归母净利润19.44亿元，同比增长60.66%。二季度公司创造归母净利润10.34亿元，环比增长18.62%。"
    assert _quarter_growths(text) == {}


# cfb439: the half's profit restated without a share-based expense is not the reported half
_CFB439 = ("22H1实现营业收入6.01亿，yoy+53.29%，归母净利润1.95亿元，yoy+36.46%；若剔除1700多万股份支付费用影响，"
           "归母净利润2.1亿，yoy+47%。单季度来看，Q2实现营收3.83亿元，yoy+78.95%，环比+75.13%；"
           "归母净利润1.32亿元，yoy+63.69%，环比+{g}。")


def test_a_level_restated_without_an_expense_is_not_the_halfs_level():
    assert _quarter_growths(_CFB439.format(g="109.26%"))["+109.26%"] == "consistent"
    assert _quarter_growths(_CFB439.format(g="99.26%"))["+99.26%"] == "inconsistent"


# 522 (thirty-second set): a 渗透率 of a market written as a total of the part's kind
_522 = ("乘用车周度上险数据总量为 47.0 万辆，环比上周、上月周度分别增长 9.4%、6.8%。新能源汽车为 26.4 万辆，"
        "环比上周、上月周度分别增长 8.1%、11.8%，渗透率 {s}。")


def test_a_penetration_is_read_on_the_market_total_of_its_kind():
    (c,) = [c for c in check_text(_522.format(s="56.2%")) if c.stated == "56.2%"]
    assert c.verdict == "consistent" and c.inputs == ["26.4 万辆", "47.0 万辆"]
    # found by its fit: a misfit proves nothing
    assert all(c.verdict == "unverifiable" for c in check_text(_522.format(s="58.2%")) if c.stated == "58.2%")


# cfr291 (thirty-second set): "单季度" before 占 is a period, not another subject; 同增 is 同比增长
_CFR291 = ("分产品来看，2021Q2茅台酒实现营收183.6亿元，同增7.7%，系列酒实现营收34.2亿元，同增37.7%。分渠道来看，"
           "Q2公司直销渠道（主要为公司直营店渠道）实现收入47.27亿元，同增47.1%，单季度占茅台酒比例已达25.8%，同比提升{d}。")


def test_a_share_after_a_period_word_and_its_change_from_同增_growths():
    checks = {c.stated: c for c in check_text(_CFR291.format(d="6.9pcts"))}
    assert checks["25.8%"].verdict == "consistent" and checks["25.8%"].inputs == ["47.27亿元", "183.6亿元"]
    # last year's share is (47.27 / 1.471) / (183.6 / 1.077) = 18.85%
    assert checks["6.9pcts"].verdict == "consistent" and checks["6.9pcts"].derived
    # the share is found by its fit: its change's misfit proves nothing
    assert check_text(_CFR291.format(d="3.9pcts")) and all(
        c.verdict == "unverifiable" for c in check_text(_CFR291.format(d="3.9pcts")) if c.stated == "3.9pcts")


# 186 (thirty-second set) and 929: a list item that opens on the gap; the sector's return is the
# item before (or the gap before it, ；-chained)
_186 = ("1. **周期**：2025 年 6 月 9 日 - 6 月 13 日，申万化工板块涨跌幅为 - 0.01%，在申万一级行业中排名第 14 位，走势处于市场中游。\n\n"
        "2. **指数对比**：跑赢上证综指（-0.25%）0.24 个百分点，跑输创业板指（0.22%）{g} 个百分点。\n")
_929 = ("- **化工板块**：周涨跌幅 **-1.46%**，在全行业排名第 9 位，表现中上游。\n"
        "- **相对表现**：跑输 **上证综指 (-1.07%)** 0.39 个百分点；**大幅跑输创业板指 (+3.50%)** {g} 个百分点。\n")


def _gaps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "difference"}


def test_a_gap_item_reads_the_sectors_return_from_the_item_before():
    assert _gaps(_186.format(g="0.23")) == {"0.24 个百分点": "consistent", "0.23 个百分点": "consistent"}
    # the article's own slip: -0.01% - 0.22% is -0.23 points, not -0.21
    assert _gaps(_186.format(g="0.21"))["0.21 个百分点"] == "inconsistent"


def test_a_gap_after_a_gap_chained_by_a_semicolon_keeps_its_subject():
    assert _gaps(_929.format(g="4.96")) == {"0.39 个百分点": "consistent", "4.96 个百分点": "consistent"}
    assert _gaps(_929.format(g="3.96"))["3.96 个百分点"] == "inconsistent"


def test_a_gap_item_after_an_item_of_two_returns_is_not_read():
    text = _186.replace("涨跌幅为 - 0.01%", "涨跌幅为 - 0.01%，化工指数上涨 0.3%").format(g="0.23")
    assert _gaps(text) == {}


# 680 (thirty-second set): the rate of a stated change, written on the change's own basis
_680 = "截至2025年9月末，六家A股上市航司合计管理着3340架飞机，环比8月净增加11架，{b}增长{g}。"


def test_the_rate_of_a_change_on_its_own_basis_is_the_change_over_the_level_before():
    (c,) = [c for c in check_text(_680.format(b="环比", g="0.3%")) if c.stated == "0.3%"]
    assert c.verdict == "consistent" and c.inputs == ["3340架", "11架"]
    (c,) = [c for c in check_text(_680.format(b="环比", g="0.5%")) if c.stated == "0.5%"]
    assert c.verdict == "inconsistent"
    # a 同比 rate after a 环比 change is of another base
    (c,) = [c for c in check_text(_680.format(b="同比", g="0.5%")) if c.stated == "0.5%"]
    assert c.verdict == "unverifiable"


# cfr504 (thirty-second set): growths and margin changes labelled "yoy：" and "qoq："
_CFR504 = ("公司3Q22单季度营收为2.81亿元（yoy：+62%，qoq：+9%），高于预告中位数（2.74亿元）；3Q22归母净利润为0.24亿元（yoy：+1219%，qoq：+19%）。"
           "3Q22净利率达到8.5%（yoy：+7.5ppt，qoq：{q})。")


def test_a_margins_qoq_change_is_rebuilt_from_the_qoq_growths():
    checks = {c.stated: c for c in check_text(_CFR504.format(q="+0.7ppt"))}
    assert checks["+7.5ppt"].verdict == "consistent" and "上年净利率" in checks["+7.5ppt"].relation
    # last quarter's margin: (0.24 / 1.19) / (2.81 / 1.09) = 7.8%
    assert checks["+0.7ppt"].verdict == "consistent" and "上期净利率" in checks["+0.7ppt"].relation
    assert "(1+19%)" in checks["+0.7ppt"].relation
    checks = {c.stated: c for c in check_text(_CFR504.format(q="+2.7ppt"))}
    assert checks["+2.7ppt"].verdict == "inconsistent"


# cfr295: a yield of an output over its input, the part after 其中 and the whole before it
def test_a_yield_is_read_on_its_part_and_whole():
    text = "上半年公司生产原煤1797万吨，同比增长10.97%，其中洗精煤产量748万吨，测算精煤洗出率{r}，较上年同期增长0.7个百分点。"
    (c,) = [c for c in check_text(text.format(r="41.62%")) if c.kind == "share"]
    assert c.verdict == "consistent" and c.inputs == ["748万吨", "1797万吨"]
    # found by its fit: a misfit proves nothing
    assert not [c for c in check_text(text.format(r="43.62%")) if c.kind == "share" and c.verdict != "unverifiable"]


# cfr126: a share of the company's revenue written as moved to its level, no change figure
def test_a_share_of_revenue_raised_to_its_level_is_read_on_the_revenue():
    text = ("2019年，公司实现营收7.2亿元，同比增长43.3%。2019年，公司研发投入达9509.6万元，同比增长105.5%，"
            "占营收的比重提升至{s}；公司研发人员数量达181人。")
    (c,) = [c for c in check_text(text.format(s="13.1%")) if c.kind == "share"]
    assert c.verdict == "consistent" and c.inputs == ["9509.6万元", "7.2亿元"]
    (c,) = [c for c in check_text(text.format(s="14.1%")) if c.kind == "share"]
    assert c.verdict == "inconsistent"


# cfr315 (thirty-second set): the report's period (报告期内 of a 半年报), a half's part after ；其中,
# a 环比 change and its rate together, and the sharper reading of the rate
_CFR315 = ("陕西煤业发布2021年半年报。二季度投资收益大幅改善。2021H1，公司实现交易性金融资产收益7.13亿元；其中，二季度交易性金融资产收益为"
           "10.93亿元，环比增长14.73亿元。报告期内，公司实现投资收益10.88亿元；其中二季度投资收益6.44亿元，环比一季度增长{a}，增幅{r}。")


def test_a_quarters_change_and_its_rate_against_the_half_of_the_report_period():
    checks = {c.stated: c for c in check_text(_CFR315.format(a="2亿元", r="45%"))}
    assert checks["14.73亿元"].verdict == "consistent"  # Q1 is 7.13 - 10.93 = -3.80
    assert checks["2亿元"].verdict == "consistent" and checks["45%"].verdict == "consistent"
    # the article's 31% is 2.00 / 6.44, the change over the quarter itself: Q1 is 4.44, so 45%
    (c,) = [c for c in check_text(_CFR315.format(a="2亿元", r="31%")) if c.stated == "31%"]
    assert c.verdict == "inconsistent" and c.inputs == ["10.88亿元", "6.44亿元"]


def test_two_readings_of_the_same_inputs_keep_the_looser_fit():
    # 900 / (39000 - 900) is 2.36%, but "3.9 亿吨" may be 3.85-3.95: 2.5% fits
    (c,) = [c for c in check_text("8 月产量 3.9 亿吨，同比减少 600 万吨（-3.2%），环比增加 900 万吨（+2.5%）。")
            if c.stated == "+2.5%"]
    assert c.verdict == "consistent"


# cfb583 (thirty-second set): a forecast's first growth against last year's level, whose clause
# follows a CAGR span of another measure
_CFB583 = ("2022年实现营业收入19.6亿元，2018-2022年复合增速19.5%，实现归母净利润2.1亿元，2018-2022年复合增速7%。"
           "我们预计2023-2025年公司实现营业收入23.52/28.80/34.86亿元，同比增长20.0%/22.4%/21.1%，"
           "归母净利润2.52/3.08/3.81亿元，同比增长{g}/22.1%/23.7%。")


def test_a_forecasts_first_growth_finds_last_year_after_a_cagr_span():
    (c,) = [c for c in check_text(_CFB583.format(g="19.7%")) if c.stated == "19.7%"]
    assert c.verdict == "consistent" and c.inputs == ["2.1亿元", "2.52"]
    # found by its measure and year: a misfit proves nothing
    (c,) = [c for c in check_text(_CFB583.format(g="29.7%")) if c.stated == "29.7%"]
    assert c.verdict == "unverifiable"


# cfb406 (thirty-first set): last year's profit in a sentence the year's ；-chain dates
_CFB406 = ("2021年公司实现营收9.37亿，同比下降20.62%；归母净利润0.66亿，同比增加42.71%；扣非净利润0.68亿，同比增加49.08%。"
           "我们预计公司2022-2024年实现归母净利润1.57/2.70/4.06亿元，同比增长{g}/71.9%/50.6%。")


def test_last_years_level_is_dated_by_the_semicolon_chain_it_continues():
    (c,) = [c for c in check_text(_CFB406.format(g="139.5%")) if c.stated == "139.5%"]
    assert c.verdict == "consistent" and c.inputs == ["0.66亿", "1.57"]


def test_an_adjusted_forecast_has_no_reported_year_before():
    text = _CFB406.format(g="139.5%").replace("实现归母净利润1.57", "实现经调整后归母净利润1.57")
    assert all(c.verdict == "unverifiable" for c in check_text(text) if c.stated == "139.5%")


# 483 (thirty-first set): a bound (近/超) of a move between two written levels
def _move(text: str) -> str:
    (c,) = [c for c in check_text(text) if c.kind == "growth"]
    return c.verdict


def test_a_bound_of_a_move_is_confirmed_within_a_tenth_on_its_side():
    levels = "重仓持股总市值从 2022 年一季度的 828 亿元降至 2025 年二季度的 256 亿元，下跌{b}。"
    assert _move(levels.format(b="近 70%")) == "consistent"  # 69.1%
    # the wrong side of the bound, or far from it, proves nothing: a bound is no value
    assert _move(levels.format(b="超 70%")) == "unverifiable"
    assert _move(levels.format(b="近 80%")) == "unverifiable"
    assert _move(levels.format(b="超 60%")) == "unverifiable"


# 422 (thirtieth set): the share's subject names its part among the sentence's levels
def test_a_share_reads_the_level_its_subject_names():
    text = "全国新建商品房销售面积 4.59 亿平方米，其中现房销售 1.63 亿平方米，期房销售 2.96 亿平方米，现房销售占比 {s}。"
    (c,) = [c for c in check_text(text.format(s="35.5%")) if c.kind == "share"]
    assert c.verdict == "consistent" and c.inputs == ["1.63 亿平方米", "4.59 亿平方米"]
    # and the other part's share reads the other: 2.96 / 4.59
    (c,) = [c for c in check_text(text.replace("现房销售占比", "期房销售占比").format(s="64.5%")) if c.kind == "share"]
    assert c.verdict == "consistent" and c.inputs == ["2.96 亿平方米", "4.59 亿平方米"]


# cfr369 (thirtieth set): a share of the sum of a list written before it
def test_a_share_of_two_decimals_may_be_of_a_listed_sum():
    text = ("2021年茅台酒、系列酒分别贡献收入934.65亿元、125.95亿元，同比+10.18%/+26.06%。"
            "2021年直销收入240.29亿元，同比+81.49%，占比{s}，同比+8.69pct。")
    (c,) = [c for c in check_text(text.format(s="22.66%")) if c.stated == "22.66%"]
    assert c.verdict == "consistent" and c.inputs == ["240.29亿元", "934.65亿元", "125.95亿元"]
    assert c.verdict == "consistent" and not c.refutable
    # a whole percent fits too many sums by chance: not sought
    assert all(c.verdict == "unverifiable" for c in check_text(text.format(s="23%")) if c.stated == "23%")


# cfr402 (thirtieth set): the changes of a list of expense ratios, from the growths of the
# expenses and of revenue written as "8.09亿元/yoy+59.62%"
_CFR402 = ("2022年Q1公司实现收入8.09亿元/yoy+59.62%。2022Q1公司销售/管理/研发费用为3.88/0.61/0.31亿元，"
           "yoy+66.52%/+48.78%/+34.78%,对应销售/管理/研发费率为48%/7.6%/3.8%，yoy+2.1pct/{m}/-0.7pct。")


def test_a_list_of_ratio_changes_is_read_item_by_item():
    checks = {c.stated: c for c in check_text(_CFR402.format(m="-0.55pct"))}
    assert checks["-0.7pct"].verdict == "consistent" and checks["-0.7pct"].derived
    assert checks["-0.55pct"].verdict == "consistent"


def test_a_ratio_change_reads_its_inputs_once():
    # 7.6% is 0.61 / 8.09; last year's is that × 1.5962 / 1.4878: the change is -0.55 pct whatever
    # the rounding of 0.61 and 8.09, which move both ratios alike; -0.4 pct is the article's slip
    (c,) = [c for c in check_text(_CFR402.format(m="-0.4pct")) if c.stated == "-0.4pct"]
    assert c.verdict == "inconsistent" and 0.53 < -float(c.computed) < 0.57


# cfr562 (excerpts): a margin's change from the growths, with the margin read once
_CFR562 = ("事件：公司发布2023Q1季报，2023年Q1实现营业收入21.94亿元，同比+7.03%，归母净利润0.66亿元，同比+6.28%，"
           "扣非归母净利润0.6亿元，同比+7.01%。利润端：公司2023年Q1毛利率为17.3%，同比+1.4pct，归母净利率为3%，同比{d}。")


def test_a_margin_change_from_growths_is_as_tight_as_the_growths():
    # 3.008% × (1 - 1.0703 / 1.0628) = -0.021 pct: the growths' two decimals pin it
    (c,) = [c for c in check_text(_CFR562.format(d="-0.02pct")) if c.stated == "-0.02pct"]
    assert c.verdict == "consistent"
    (c,) = [c for c in check_text(_CFR562.format(d="-0.04pct")) if c.stated == "-0.04pct"]
    assert c.verdict == "inconsistent"


# cfr256 (twenty-ninth set): a list's 环比 growths against the same list of the quarter before
_CFR256 = ("其中2020Q4丙烷脱氢、聚丙烯与丙烷、丙烯酸与丙烷、丙烯酸丁酯与丙烷、正丁醇价差分别为365美元/吨、4160元/吨、7354元/吨、5541元/吨，"
           "环比分别变动-10.6%、-8.8%、+13.7%、49.3%。我们计算2021Q1国内丙烷脱氢、聚丙烯与丙烷、丙烯酸与丙烷、丙烯酸丁酯与丙烷、"
           "正丁醇价差分别为324美元/吨、3529元/吨、8650元/吨、7433元/吨，环比分别变动-11.4%、{g}、+17.6%、34.2%。")


def _parallel(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "the same list" in c.relation}


def test_a_lists_growths_against_the_same_list_a_quarter_before():
    assert _parallel(_CFR256.format(g="-15.2%")) == {
        "-11.4%": "consistent", "-15.2%": "consistent", "+17.6%": "consistent", "34.2%": "consistent"}
    # 3529 / 4160 - 1 is -15.2%: a mistyped item is refuted, the names and periods being certain
    assert _parallel(_CFR256.format(g="-25.2%"))["-25.2%"] == "inconsistent"


def test_lists_of_other_names_or_periods_are_not_paired():
    assert _parallel(_CFR256.replace("正丁醇价差分别为324", "正丁醇价格分别为324").format(g="-15.2%")) == {}
    assert _parallel(_CFR256.replace("2021Q1", "2021Q2").format(g="-15.2%")) == {}


# cfb328 (twenty-ninth set): "比上年同期上升" is a 同比 change; its 同比 rate is over the level before
def test_a_change_against_last_year_and_its_yoy_rate():
    text = "对外销售熟料437万吨，销售水泥1，130万吨，合计总销量1，567万吨，比上年同期上升423万吨，同比增长{g}。"
    (c,) = [c for c in check_text(text.format(g="36.97%")) if c.stated == "36.97%"]
    assert c.verdict == "consistent" and c.inputs == ["1,567万吨", "423万吨"]
    (c,) = [c for c in check_text(text.format(g="26.97%")) if c.stated == "26.97%"]
    assert c.verdict == "inconsistent"


# cfb343 (thirty-third set, its first run's false alarm): a quarter's profit written larger than its
# revenue (a lost decimal point) makes no margin of 15.09%; the nine months' figures do
def test_a_profit_above_its_revenue_refutes_no_margin():
    text = ("2021年前三季度公司实现营收81.12亿元，同比+25.81%；归母净利润为12.24亿元，同比+20.43%。"
            "公司单三季度实现营收22.16亿元，同比+13.01%；单季度归母净利润为25.95亿元，同比降低14.02%。"
            "净利率为15.09%，同比降低0.67pct。")
    assert all(c.verdict != "inconsistent" for c in check_text(text) if c.stated == "15.09%")


# cfr220 and cfr225 (thirty-third set): 期间费用率 with its parts after 其中, a cause between them, and
# a breakdown that names only some parts
def test_an_expense_breakdown_goes_on_past_a_cause_between_its_parts():
    text = ("前三季度公司期间费用率为{t}，同比上升0.75个百分点。其中，销售费用率1.22%，同比上升0.18个百分点，可能是销售费用刚性所致；"
            "财务费用率2.02%，同比上升0.57个百分点，主要系持有的外币资产因人民币升值产生汇兑损失所致；管理费用率5.88%，研发费用率2.46%，"
            "与去年同期基本持平。")
    (c,) = [c for c in check_text(text.format(t="11.57%")) if c.stated == "11.57%" and c.kind == "sum"]
    assert c.verdict == "consistent" and len(c.inputs) == 4
    (c,) = [c for c in check_text(text.format(t="12.57%")) if c.stated == "12.57%" and c.kind == "sum"]
    assert c.verdict == "inconsistent"


def test_a_breakdown_naming_some_parts_confirms_only():
    text = ("2020前三季度公司期间费用率为{t}，同比提高1.38pct。其中，管理费用率为4.40%，同比提高1.49pct；财务费用率为0.64%，"
            "同比降低0.11pct；5）资产负债方面：应收账款及票据43.23亿元，同比降低10.35%。")
    (c,) = [c for c in check_text(text.format(t="5.04%")) if c.stated == "5.04%" and c.kind == "sum"]
    assert c.verdict == "consistent" and not c.refutable
    (c,) = [c for c in check_text(text.format(t="5.04%")) if c.stated == "1.38pct" and c.kind == "sum"]
    assert c.verdict == "consistent"
    # 销售 not named: the total may hold it, so a misfit proves nothing
    assert not [c for c in check_text(text.format(t="6.04%")) if c.stated == "6.04%" and c.verdict == "inconsistent"]


# cfr415 (thirty-third set): two shares adding up to 100%, each after its own part
def test_two_shares_that_make_a_whole_are_read_on_their_two_parts():
    text = "3）按渠道划分，线上实现营收10.28亿元，同比+8.17%，占比为{a}；线下实现营收6.99亿元，同比-11.99%，占比为{b}。"
    got = {c.stated: c for c in check_text(text.format(a="59.54%", b="40.46%")) if c.kind == "share"}
    assert got["59.54%"].verdict == "consistent" and got["59.54%"].inputs == ["10.28亿元", "6.99亿元"]
    assert got["40.46%"].verdict == "consistent" and not got["40.46%"].refutable
    # shares that do not add up to 100% name no whole of the two
    got = {c.stated: c.verdict for c in check_text(text.format(a="49.54%", b="40.46%")) if c.kind == "share"}
    assert set(got.values()) == {"unverifiable"}


# cfr301 (thirty-third set): "营收实现7.7亿元" names its metric before the verb; "公司" and a level
# naming no subject are the one company
_CFR301 = ("在行业芯片供应短缺的不利环境下，公司21H1仍实现营业收入15.7亿元，同比增长52.7%；毛利率28.7%，同比减少5.0个百分点；"
           "归母净利润2.0亿元，同比增长39.0%。21Q2公司营收实现7.7亿元，同比增长84.2%，环比下降{g}；归母净利润0.9亿，同比增长100.2%，"
           "环比减少15.8%。")


def test_a_quarter_named_with_the_company_pairs_with_the_half_naming_none():
    got = _quarter_growths(_CFR301.format(g="3.9%"))
    assert got == {"3.9%": "consistent", "15.8%": "consistent"}
    # 7.7 / (15.7 - 7.7) - 1 is -3.75%: a fall of 13.9% is refuted
    assert _quarter_growths(_CFR301.format(g="13.9%"))["13.9%"] == "inconsistent"


# 839 (thirty-third set): two indices' gaps to the same benchmarks, a list of gaps after each return
_839 = ("万得低空经济指数上涨3.13%，跑赢上证指数2.09个百分点，跑赢沪深300指数3.13个百分点，跑赢创业板指4.55个百分点；"
        "国证通用航空指数上涨1.96%，跑赢上证指数{g}个百分点，跑赢沪深300指数1.96个百分点，跑赢创业板指3.38个百分点。")


def test_two_gaps_to_one_benchmark_confirm_each_other():
    got = {c.stated: c for c in check_text(_839.format(g="0.93")) if c.kind == "difference"}
    assert len(got) == 6 and {c.verdict for c in got.values()} == {"consistent"}
    assert not any(c.refutable for c in got.values())
    # disagreeing, they say nothing of which is wrong
    got = {c.stated: c.verdict for c in check_text(_839.format(g="1.93")) if c.kind == "difference"}
    assert "1.93个百分点" not in got or got["1.93个百分点"] == "unverifiable"


# cfr165 (thirty-third set): a half's growth from Q2's and the bracketed Q1's growths
_CFR165 = ("公司发布2020年中报,2020年上半年,公司实现营业收入175.31亿元,同比下降{g}；归母净利润6.20亿元,同比下降17.86%。"
           "分季度看，公司2020年Q2营业收入93.21亿元，同比下降15.05%（Q1同比下降18.30%）；归母净利润3.88亿元，同比下降17.15%"
           "（Q1同比下降19.02%）；二季度表现较一季度环比改善。")


def test_a_halfs_growth_from_its_quarters_growths_one_written_aside():
    got = {c.stated: c for c in check_text(_CFR165.format(g="16.61%")) if "written aside" in c.relation}
    assert set(got) == {"16.61%", "17.86%"} and all(c.verdict == "consistent" for c in got.values())
    # the bracket's Q1 dates no level after it: 3.88 is Q2's
    assert "3.88亿元" in got["17.86%"].relation
    # found by metric and year: a misfit proves nothing
    assert all(c.verdict != "inconsistent" for c in check_text(_CFR165.format(g="26.61%")) if c.stated == "26.61%")
