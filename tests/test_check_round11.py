"""Round 11 of the arithmetic checker: company-research layouts the blind sets of round 10 found
missed (tests/check_eighteenth to check_twentysecond): lists that write their unit once, shares of
a breakdown whose whole is the sum of its parts."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures, list_units
from macrodesk.models import FigureKind


def _verdicts(text: str, needle: str) -> list[str]:
    return [c.verdict for c in check_text(text) if needle in c.relation]


def test_a_list_writes_its_unit_on_its_last_item():
    text = "床垫/枕头/电动床分别实现收入11.41/2.30/3.12亿元，同比-0.33、-0.41、+0.48个百分点，共3家"
    figs = list_units(text, extract_figures(text))
    assert [(f.text, f.unit) for f in figs if f.kind == FigureKind.MONEY] == [
        ("11.41", "亿元"), ("2.30", "亿元"), ("3.12亿元", "亿元")]
    assert [f.value for f in figs if f.kind == FigureKind.POINTS] == [-0.33, -0.41, 0.48]
    # a number not joined to the list by 、 or / keeps no unit
    lone = "共有门店5394家，位列第3，增长12%"
    assert [f.kind for f in list_units(lone, extract_figures(lone))] == [
        f.kind for f in extract_figures(lone)]


def test_a_bare_yi_after_money_in_a_list_is_money():
    # cfr032: "37.94 亿" follows 营业收入 (money); "31.09 亿" is the list's next item
    figs = extract_figures("2018年营业收入分别为 37.94 亿和 31.09 亿，同比增加 64.9%和 46.19%")
    assert [(f.kind, f.unit) for f in figs if f.unit.startswith("亿")] == [
        (FigureKind.MONEY, "亿元"), (FigureKind.MONEY, "亿元")]
    # a count after a count stays a count
    figs = extract_figures("用户数分别为 3.2 亿和 1.1 亿")
    assert all(f.kind != FigureKind.MONEY for f in figs)


_SLASH_SHARES = ("事件：2020Q1-2实现收入24.16亿元，同比+52.9%。公司2020H1床垫/枕头/电动床/沙发分别实现收入"
                 "11.41/2.30/2.58/3.12亿元，分别同比+40.5%/+3.1%/+100.0%/+101.3%，分别在总收入占比{a}%/9.5%/10.7%/12.9%。")


def test_slash_listed_parts_and_shares_against_a_whole_written_before():
    # cfb166: 11.41 / 24.16 = 47.2%; the other three shares fit the same whole, so 57.2% is wrong
    assert _verdicts(_SLASH_SHARES.format(a="47.2"), "11.41 / 24.16") == ["consistent"]
    assert _verdicts(_SLASH_SHARES.format(a="57.2"), "11.41 / 24.16") == ["inconsistent"]
    assert _verdicts(_SLASH_SHARES.format(a="57.2"), "2.30 / 24.16") == ["consistent"]


_BREAKDOWN = "截至2022H1，经济型/中高端/其他酒店分别为2181/1452/2309家，占比为{a}%/24.4%/38.9%，中高端酒店占比进一步提升。"


def test_shares_that_add_up_to_a_whole_breakdown_are_of_the_parts_sum():
    # cfr461: no 总数 is written; 36.7 + 24.4 + 38.9 = 100, so the whole is 2181 + 1452 + 2309
    checks = [c for c in check_text(_BREAKDOWN.format(a="36.7")) if "2181 /" in c.relation]
    assert [c.verdict for c in checks] == ["consistent"] and checks[0].derived
    # shares that do not add up to 100% are of a whole not written: no check
    assert _verdicts(_BREAKDOWN.format(a="26.7"), "(2181 + 1452") == []


_QOQ_LIST = ("分季度看，2020Q1、Q2、Q3公司分别实现营业收入20.45、30.79、30.85亿元，同比-7.70%、+28.35%、+44.42%，"
             "环比-2.81%、{b}%、+0.21%。")


def test_a_qoq_list_against_the_quarters_listed_before_it():
    # cfb186: 30.79 / 20.45 - 1 = 50.56%; Q1's 环比 is against last year's Q4, not written
    assert _verdicts(_QOQ_LIST.format(b="+50.55"), "30.79 / 20.45") == ["consistent"]
    assert _verdicts(_QOQ_LIST.format(b="+40.55"), "30.79 / 20.45") == ["inconsistent"]
    assert _verdicts(_QOQ_LIST.format(b="+50.55"), "30.85 / 30.79") == ["consistent"]
    assert _verdicts(_QOQ_LIST.format(b="+50.55"), "Q1 over") == []


_ONE_QOQ = ("分季度看，公司2021Q1、Q2、Q3分别实现营业收入2.54、3.25、2.36亿元，分别同比变化150.70%、155.28%、69.90%，"
            "Q3{m}环比减少{r}%。")


def test_one_quarters_qoq_of_the_lists_metric():
    # cfr332: 2.36 / 3.25 - 1 = -27.4%, written as 环比减少 27.34%
    assert _verdicts(_ONE_QOQ.format(m="营收", r="27.34"), "2.36 / 3.25") == ["consistent"]
    assert _verdicts(_ONE_QOQ.format(m="营收", r="17.34"), "2.36 / 3.25") == ["inconsistent"]
    # another metric's 环比 is not the list's
    assert _verdicts(_ONE_QOQ.format(m="归母净利润", r="27.34"), "2.36 / 3.25") == []


def test_a_cagr_whose_levels_follow_it_in_its_sentence():
    # 141: (1.08 万亿 / 8350 亿)^(1/4) - 1 = 6.64%
    text = "2019-2023 年中国酿酒行业收入 CAGR 达 {r}%，规模从 8350 亿元增至 1.08 万亿元。"
    assert _verdicts(text.format(r="6.7"), "8350 亿元)^(1/4)") == ["consistent"]
    # found by their place: a mismatch is unverifiable, never inconsistent
    assert "inconsistent" not in _verdicts(text.format(r="9.7"), "8350")


_LEFT = ("# 数据\n\n| **指标** | **2024 年数据** | **2025 年数据（截至 6 月）** | **趋势分析** |\n| --- | --- | --- | --- |\n"
         "| 美元稳定币市值 | 1800 亿美元 | 2200 亿美元（{g}） | 需求驱动增长 |\n"
         "| 稳定币持债占美债比例 | 0.5% | 0.6%（+20%） | 规模效应显现 |\n")


def test_a_bracketed_growth_against_the_cell_to_its_left_of_the_year_before():
    # 215: 2200 / 1800 - 1 = 22.2%; the later column is part of its year: confirm-only
    assert _verdicts(_LEFT.format(g="+22%"), "2200 亿美元/1800 亿美元") == ["consistent"]
    assert _verdicts(_LEFT.format(g="+42%"), "2200 亿美元/1800 亿美元") in ([], ["unverifiable"])
    assert _verdicts(_LEFT.format(g="+22%"), "0.6%/0.5%") == ["consistent"]
    # columns that are not consecutive years pair nothing
    far = _LEFT.replace("2024 年数据", "2020 年数据")
    assert _verdicts(far.format(g="+22%"), "2200 亿美元/1800 亿美元") == []


def test_a_per_ton_profit_is_no_amount_a_margin_is_of():
    # cfb438 (twentythird, first run): 吨毛利 38.78 元 is per ton, not the company's 毛利
    text = ("22H1实现营收35.45亿元，同比-1.37%，实现归母净利润7.07亿元，同比-29.97%。22H1实现骨料收入3.75亿，同比+27%，"
            "我们测算吨毛利38.78元，同比-5.14元。22H1公司毛利率37.79%，同比-9.00pct。")
    assert _verdicts(text, "38.78元 /") == []
    # a company-wide 毛利 is: 13.4 / 35.45 = 37.8%
    assert _verdicts(text.replace("我们测算吨毛利38.78元", "实现毛利13.4亿元"), "13.4亿元 / 35.45亿元") == ["consistent"]


_SHARE_CHANGE = ("2018 年格力电器实现营业收入 1981.23 亿元，同比增长33.61%。2018 年，公司空调营收 1556.82 亿元，"
                 "同比增加 26.15%，占总营业收入比重为 78.58%，相较于 17 年下降 {d}pct。")


def test_a_share_change_from_the_growths_of_its_part_and_whole():
    # cfr032: last year's share (1556.82/1.2615) / (1981.23/1.3361) = 83.23%, so -4.65 points
    checks = [c for c in check_text(_SHARE_CHANGE.format(d="4.64")) if "上年" in c.relation]
    assert [c.verdict for c in checks] == ["consistent"] and checks[0].derived
    # confirm-only: last year's figures may be restated, so a mismatch proves nothing
    assert "inconsistent" not in [c.verdict for c in check_text(_SHARE_CHANGE.format(d="2.64"))
                                  if c.stated == "2.64pct"]


def test_a_ratio_change_with_its_inputs_growths_in_a_list():
    # cfr112-like: the inputs' growths follow them as a list of the same length
    text = ("2019年，公司营业收入、研发投入分别为2697.03亿元、966.13亿元，同比增长8.51%、9.57%，"
            "研发投入占营业收入的35.82%，同比提高{d}个百分点。")
    got = [c for c in check_text(text.format(d="0.35")) if "上年" in c.relation]
    assert [c.verdict for c in got] == ["consistent"]
    # the growths of another list length are not the inputs'
    assert [c for c in check_text(text.format(d="0.35").replace("、9.57%", "、9.57%、3.1%")) if "上年" in c.relation] == []


def test_box_office_is_admissions_times_ticket_price():
    # 142: (1 + 22%)(1 - 1.7%) - 1 = 19.9%, within 总票房's 20.1% at the growths' precision
    text = "端午档表现：总票房 4.60 亿元，同比提升 {g}%，观影人次 1890 万（+22%），平均票价 39.09 元（同比 - 1.7%）。"
    assert _verdicts(text.format(g="20.1"), "(1+22%)(1-1.7%)") == ["consistent"]
    assert _verdicts(text.format(g="26.1"), "(1+22%)(1-1.7%)") == ["inconsistent"]


def test_revenue_growth_from_a_volume_price_pair():
    # cfb118: (1 + 33%)(1 + 7%) - 1 = 42.3%
    text = "（1）学生文具营收同比增长{g}%至26.45亿元，其中量/价同比分别增长33%/7%。"
    assert _verdicts(text.format(g="42.35"), "(1+33%)(1+7%)") == ["consistent"]
    assert _verdicts(text.format(g="52.35"), "(1+33%)(1+7%)") == ["inconsistent"]
    # a growth of 销量 and a 价格 pair is no volume × price split of the revenue
    assert _verdicts("营收同比增长42.35%，其中销量/价格同比分别增长33%/7%。", "×") == []


_TWO_COMPANIES = ("- 2025 年 8 月，阿里 2025Q2 AI + 云资本开支 387 亿元（同比 + 220%，环比 + {a}%），2025H1 资本开支 633 亿元"
                  "（同比 + 172%）；腾讯 2025Q2 资本开支 191 亿元（同比 + 119%，环比 - 31%），2025H1 资本开支 466 亿元（同比 + 102%）。")


def test_a_quarters_qoq_against_the_half_of_its_own_clause():
    # 566: two companies in one sentence; 阿里's Q1 = 633 - 387, 腾讯's Q1 = 466 - 191
    assert _verdicts(_TWO_COMPANIES.format(a="57"), "387 亿元 / (633 亿元") == ["consistent"]
    assert _verdicts(_TWO_COMPANIES.format(a="67"), "387 亿元 / (633 亿元") == ["inconsistent"]
    assert _verdicts(_TWO_COMPANIES.format(a="57"), "191 亿元 / (466 亿元") == ["consistent"]
    assert _verdicts(_TWO_COMPANIES.format(a="57"), "387 亿元 / (466") == []


_SEGMENTS = ("### （二）核心业绩表现\n\n1. **整体业绩下滑**：25H1 17 家主要白酒上市公司营收 2368.3 亿元，同比 {g}%；"
             "归母净利润 944.6 亿元，同比 - 0.9%。\n\n3. **分价位带差异显著**\n\n"
             "- **高端酒**：25H1 营收 1603.18 亿元，同比 + 6.17%；25Q2 营收 625.83 亿元，同比 + 3.45%。\n\n"
             "- **次高端酒**：25H1 营收 287.24 亿元，同比 - 0.02%；25Q2 营收 93.23 亿元，同比 - 5.54%。\n\n"
             "- **区域龙头及其他**：25H1 营收 477.87 亿元，同比 - 17.49%；25Q2 营收 148.18 亿元，同比 - 28.17%。\n")


def test_a_totals_growth_from_the_growths_of_parts_that_add_up_to_it():
    # 593: 1603.18 + 287.24 + 477.87 = 2368.3; last year Σ part/(1+g) = 2376.6, so -0.35%
    got = [c for c in check_text(_SEGMENTS.format(g="- 0.4")) if "上年" in c.relation]
    assert [c.verdict for c in got] == ["consistent"] and got[0].derived
    # the segments are found by their fit (confirm-only): a growth they miss proves nothing
    assert [c.verdict for c in check_text(_SEGMENTS.format(g="- 4.4")) if "上年" in c.relation] == []
    # parts that do not add up to the total say nothing of its growth
    assert [c for c in check_text(_SEGMENTS.format(g="- 0.4").replace("2368.3", "2468.3")) if "上年" in c.relation] == []


def test_a_years_growth_from_its_listed_quarters_replaces_its_unverifiable_count():
    text = ("22年公司实现收入163.7亿元，yoy+{g}%，Q1-Q4分别实现营收33.5/38.0/48.9/43.3亿元，"
            "yoy+26.0%/+12.0%/+22.0%/-11.5%。")
    assert [c.verdict for c in check_text(text.format(g="9.5")) if c.stated == "+9.5%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(g="19.5")) if c.stated == "+19.5%"] == ["inconsistent"]


def test_a_span_of_quarters_is_one_period():
    # "Q1-3" is the first three quarters (its 3 is no figure); before 分别 it heads a list of quarters
    figs = extract_figures("Q1-3营收23.18亿元")
    assert [(f.text, f.kind) for f in figs][0] == ("Q1-3", FigureKind.DATE) and figs[1].period == "Q1-3"
    from macrodesk.checks.frames import period_key
    assert period_key("22Q1-3") == (2022, "9M") and period_key("2020Q1-2") == (2020, "H1")
    listed = extract_figures("22Q1-Q4毛利率分别为20.8%/21.4%/25.4%/26.3%")
    assert listed[1].period == "22Q1"


_DOMESTIC = ("Q1-3营收23.18亿元，同比增长{g}%，归母净利润0.97亿元，同比下滑10.57%。其中Q3营收9.97亿元，同比增长55.68%；"
             "归母净利润0.56亿元，同比增长3.5%。分内外销来看，Q1-3内销收入10.09亿元，同比增长58.18%；Q1-3外销收入13.09亿元，"
             "同比增长9.49%；Q3内销4.59亿元，同比增长86.57%；Q3外销5.38亿元，同比增长36.39%。")


def test_a_breakdown_of_each_period_against_its_own_total():
    # cfb198: 10.09 + 13.09 = 23.18 (Q1-3) and 4.59 + 5.38 = 9.97 (Q3), with their derived growths
    checks = check_text(_DOMESTIC.format(g="26.43"))
    assert [c.verdict for c in checks if c.relation.startswith("10.09亿元 + 13.09亿元 = 23.18亿元")] == ["consistent"]
    assert [c.verdict for c in checks if c.relation.startswith("4.59亿元 + 5.38亿元 = 9.97亿元")] == ["consistent"]
    assert [(c.verdict, c.derived) for c in checks if c.stated == "26.43%"] == [("consistent", True)]
    # found by their period and fit, they give 23.18 to its last digit: all of it (round 31), so a
    # growth they miss is refuted
    assert [c.verdict for c in check_text(_DOMESTIC.format(g="36.43")) if c.stated == "36.43%"] == ["inconsistent"]


_SEGMENT_MARGINS = ("公司公布2020年业绩：收入23.85亿元，同比增长42.8%。2020年公司锂电设备、其他业务收入同比增长22.3%/43.3%至"
                    "16.52/4.57亿元，毛利率同比下降7.2/1.5ppt至26.0%/43.5%。此外，口罩设备收入2.76亿元，毛利率为39.8%。"
                    "2020年公司综合毛利率同比减少4.5ppt至{m}%。")


def test_a_gross_margin_as_its_segments_margins_weighted_by_revenue():
    # cfb230: (16.52×26.0% + 4.57×43.5% + 2.76×39.8%) / 23.85 = 30.9%; the revenues add up to 23.85
    got = [c for c in check_text(_SEGMENT_MARGINS.format(m="30.9")) if "weighted" in c.relation]
    assert [c.verdict for c in got] == ["consistent"] and got[0].derived
    # found by their fit: a margin they miss is not refuted
    assert [c for c in check_text(_SEGMENT_MARGINS.format(m="35.9")) if "weighted" in c.relation] == []
    # segments that are not all of the company's revenue weigh nothing
    partial = _SEGMENT_MARGINS.replace("此外，口罩设备收入2.76亿元，毛利率为39.8%。", "")
    assert [c for c in check_text(partial.format(m="30.9")) if "weighted" in c.relation] == []


_ORDERS = ("1Q20公司新签订单519.8亿元（同比{g}%），完成2020年计划新签合同额的20%。结构上看，1Q20海外新签379.1亿元（同比-1.2%），"
           "占新签合同额72.9%，海外新签在去年较高基数上仍保持高位；1Q20国内新签140.7亿元（同比-7%），占新签合同额27.1%。")


def test_a_wholes_growth_from_parts_whose_shares_add_up_to_100():
    # cfb142: 72.9% + 27.1% = 100%, so last year's orders are 379.1/0.988 + 140.7/0.93 = 535.0: -2.8%
    got = [c for c in check_text(_ORDERS.format(g="-2.8")) if "shares add up to 100%" in c.relation]
    assert [c.verdict for c in got] == ["consistent"] and got[0].derived
    # and as 379.1 + 140.7 give 519.8 to its last digit the two are all of it (round 31): a growth
    # they miss is refuted
    got = [c for c in check_text(_ORDERS.format(g="-12.8")) if "shares add up to 100%" in c.relation]
    assert [(c.verdict, c.refutable) for c in got] == [("inconsistent", True)]
    assert "-12.8%" not in {c.stated for c in check_text(_ORDERS.format(g="-12.8").replace("519.8", "529.8"))
                            if c.verdict == "inconsistent"}


def test_a_change_between_levels_dated_a_year_apart_with_its_yoy_rate():
    # 303: 从 2023 年 3.8 亿元增至 2024 年 6.7 亿元，同比增长 76%: the 从-level is last year's
    text = "胖东来超市单店销售额从 2023 年 3.8 亿元增至 2024 年 6.7 亿元，同比增长 {g}%。"
    assert _verdicts(text.format(g="76"), "(6.7 亿元/3.8 亿元 - 1)") == ["consistent"]
    assert _verdicts(text.format(g="66"), "(6.7 亿元/3.8 亿元 - 1)") == ["inconsistent"]
    # four years apart, 同比 is against 2023, which is not written
    assert _verdicts(text.format(g="76").replace("2023 年", "2020 年"), "(6.7 亿元/3.8 亿元 - 1)") == []


def test_no_growth_between_levels_ten_times_off_the_stated_factor():
    # cfr024 (twenty-fourth, first run): 49.9 亿元 of revenue is no growth of 115 元 of profit per ton
    text = ("18年原煤产量增长10%，吨煤净利约123元（17年为115元）。18年实现焦炭、电力业务营业收入分别为93.8、49.9亿元，"
            "分别同比增13.6%、12.1%。")
    assert [c.verdict for c in check_text(text) if "115元 - 1" in c.relation] == []
    # a real base of the year before is still read
    assert _verdicts("2024 年出口 3.2 万亿美元，2023 年为 3.02 万亿美元，同比增长 15.9%。", "3.02 万亿美元 - 1") == ["inconsistent"]
    # a slipped decimal point in one unit is an error, not two measures
    assert _verdicts("2024 年出口 32 万亿美元，2023 年为 3.02 万亿美元，同比增长 5.9%。", "3.02 万亿美元 - 1") == ["inconsistent"]


_UNDATED_QUARTERS = ("2021年前三季度公司实现营业收入{t}亿元，同比增长42.33%，归母净利润7693万元，同比下滑47.83%；"
                     "分季度看，Q1-Q3分别实现营业收入3.63、4.64和4.75亿元，同比分别增长61.75%、32.58%和39.55%。")


def test_quarters_with_no_year_against_the_one_span_level_of_their_metric():
    # cfb313: 3.63 + 4.64 + 4.75 = 13.02 (the list joined by 和), 前三季度 13.01 within rounding
    assert _verdicts(_UNDATED_QUARTERS.format(t="13.01"), "3.63 + 4.64 + 4.75") == ["consistent"]
    assert _verdicts(_UNDATED_QUARTERS.format(t="14.01"), "3.63 + 4.64 + 4.75") == ["inconsistent"]
    # two 前三季度 levels of the metric (two years): which one the quarters are of is not written
    two = "2020年前三季度公司实现营业收入9.14亿元。" + _UNDATED_QUARTERS.format(t="13.01")
    assert _verdicts(two, "3.63 + 4.64 + 4.75") == []


def test_a_qoq_written_qoq_in_a_bracket_against_the_quarter_before():
    # cfr266: 21Q1 54 亿元 against 20Q4 48 亿元: +12.5%, written qoq+11% (54 ±0.5 / 48 ±0.5)
    text = "20Q4实现归母净利48亿元（yoy+36%、qoq+25%），21Q1实现归母净利54亿元（yoy+248%、qoq+{g}%）。"
    assert _verdicts(text.format(g="11"), "(54亿元/48亿元 - 1)") == ["consistent"]
    assert _verdicts(text.format(g="21"), "(54亿元/48亿元 - 1)") == ["inconsistent"]


def test_the_total_of_named_items_each_alone_in_its_bracket():
    # 262: 30 + 22 + 18 + 14 = 84; 348: "USDT（62.38%）、USDC（24.22%）合计占比 86.6%"
    text = "2023 年工业（30%）、汽车（22%）、无线通讯（18%）、消费电子（14%）为主要领域，合计占比 {t}%。"
    assert _verdicts(text.format(t="84"), "(the items listed)") == ["consistent"]
    assert _verdicts(text.format(t="94"), "(the items listed)") == ["inconsistent"]
    assert _verdicts("头部垄断：USDT（62.38%）、USDC（24.22%）合计占比 86.6%。", "(the items listed)") == ["consistent"]
    # a bound is no sum of the items
    assert _verdicts(text.format(t="84").replace("合计占比 84%", "合计占比超 80%"), "(the items listed)") == []
