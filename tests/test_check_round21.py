"""Round 21: a PDF's or a broker's spacing around figures ("同比 -0.4ppt至 5.8%", "2021 公司毛利率为
71.15%", "2022 年 1 季报") reads as the unspaced text does; a 其中 inside a bracket lists its parts up to
the bracket's close; two articles that share an id (the same text spaced differently) are each read
from their own paragraphs."""

from __future__ import annotations

import re

from macrodesk.checks.arithmetic import check_article, check_text
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind
from macrodesk.readers import article_from_text
from macrodesk.text.clauses import chars_after, chars_before, last_chars


def _spaced(text: str) -> str:
    """A space between every figure and the Chinese around it, as a PDF export writes it."""
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=[+\-]?\d)", " ", text)
    return re.sub(r"(?<=[\d%])(?=[\u4e00-\u9fff])", " ", text)


def _verdicts(text: str) -> set[tuple[str, str]]:
    return {(c.verdict, re.sub(r"\s", "", c.relation)) for c in check_text(text)}


def test_windows_count_characters_other_than_spaces():
    assert last_chars("扣非后净利率同比 至 ", 10) == "扣非后净利率同比 至 "
    assert last_chars("营业收入同比增长", 4) == "同比增长"
    assert chars_before("约 为 5%", 4, 2) == "约 为 "
    assert chars_after("5% 至 6%", 2, 2) == " 至 6"
    assert chars_after("5%至6%", 2, 2) == "至6"


# cfb098 (28th set), as a PDF spaces it: the 扣非 margin's name stood 11 characters before its level,
# past a 10-character window, and the 归母 profit was taken (3.21 / 53.1 = 6.05%, a false alarm)
_DEDUCTED = ("公司公布2019年业绩快报：2019年收入53.1亿元，同比-2.5%；归属母公司净利润3.21亿元，同比-27%；"
             "扣非后净利润3.10亿元，同比-9.3%。剔除该影响，2019年奥佳华扣非后净利润同比-9.3%至3.10亿元，"
             "扣非后净利率同比-0.4ppt至5.8%。")


def test_a_spaced_text_is_checked_as_the_unspaced_one():
    plain, spaced = _verdicts(_DEDUCTED), _verdicts(_spaced(_DEDUCTED))
    assert ("consistent", "3.10亿元/53.1亿元=5.8%") in plain
    assert spaced == plain
    assert not any(v == "inconsistent" for v, _ in spaced)


def test_a_year_with_no_nian_before_the_company_is_a_date_with_a_space_too():
    for text in ("2021公司毛利率为71.15%", "2021 公司毛利率为 71.15%", "，2021 销售费用率 14.53%"):
        figs = extract_figures(text)
        assert figs[0].kind == FigureKind.DATE, text
        assert figs[1].period == "2021", text
    # an amount written after it stays an amount
    assert extract_figures("销量 2021 辆")[0].kind != FigureKind.DATE


def test_a_quarterly_report_written_with_a_space_is_of_its_quarter():
    # cfb416 (27th set): "2022年1 季报" read as the year 2022 took 2021's 扣非 profit as the base of
    # Q1's 归母 growth ((1.06 / 2.59 - 1) = -59% against +88.5%, a false alarm)
    text = ("公司发布2021年报，实现营业收入/归母净利润/扣非归母净利润分别为19.72亿元（+87.80%）/3.91亿元（+110.3%）"
            "/2.59亿元（61.43%）。2022年1 季报，实现营业收入/归母净利润/扣非归母净利润分别为5.00亿元（+75.7%）"
            "/1.06亿元（+88.5%）/0.90亿元（+103.8%）。")
    assert not any(c.verdict == "inconsistent" for c in check_text(text))
    assert not any(c.verdict == "inconsistent" for c in check_text(_spaced(text)))


# report 664 (23rd set): 客车 4.5 + 货车 27.20 = 31.70 万辆, written 31.60
_VEHICLES = ("2025 年 8 月，商用车销量 31.60 万辆（同比 + 16.18%，其中客车 4.5 万辆 + 12.50%、货车 27.20 万辆 + 17.24%），"
             "乘用车销量 201.85 万辆（同比 + 5.83%）。")


def test_a_qizhong_in_a_bracket_lists_its_parts_up_to_the_close():
    sums = [c for c in check_text(_VEHICLES) if c.kind == "sum"]
    assert [c.relation for c in sums] == ["4.5 万辆 + 27.20 万辆 = 31.60 万辆"]
    assert not any("201.85" in c.relation for c in sums)


def test_buses_and_trucks_exhaust_commercial_vehicles():
    sums = {c.stated: c.verdict for c in check_text(_VEHICLES) if c.kind == "sum"}
    assert sums == {"31.60 万辆": "inconsistent"}
    assert {c.stated: c.verdict for c in check_text(_VEHICLES.replace("31.60", "31.70")) if c.kind == "sum"} \
        == {"31.70 万辆": "consistent"}


def test_exports_and_imports_exhaust_trade():
    text = "前三季度进出口总额 33.61 万亿元，其中出口 19.6 万亿元，进口 14.01 万亿元。"
    assert {c.stated: c.verdict for c in check_text(text) if c.kind == "sum"} == {"33.61 万亿元": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.replace("14.01", "15.01")) if c.kind == "sum"} \
        == {"33.61 万亿元": "inconsistent"}


def test_an_inclusion_in_a_bracket_still_pairs_with_the_part_after_it():
    # report 326: total capacity = idle capacity (in the bracket) + running capacity (after it)
    text = ("截至 2025 年第 28 周，中国国内纯碱总产能为 4445 万吨（包含长期停产企业产能 245 万吨），装置运行产能共计"
            " 4200 万吨。")
    assert {c.stated: c.verdict for c in check_text(text) if c.kind == "sum"} == {"4445 万吨": "consistent"}


def test_a_capacity_glued_to_its_technology_is_read():
    # cfb123 (29th set): "单晶Perc6GW" is 6 GW of PERC cells, a part of the 7.5 GW
    figs = [f for f in extract_figures("其中单晶Perc6GW左右，多晶电池1.5GW") if f.value is not None]
    assert [(f.value, f.unit) for f in figs] == [(6.0, "GW"), (1.5, "GW")]
    text = "截至2019年末公司拥有电池片产能7.5GW（其中单晶Perc6GW左右，多晶电池1.5GW），相较于2018年末的5GW提升50%；"
    assert {c.stated: c.verdict for c in check_text(text) if c.kind == "sum"} == {"7.5GW": "consistent"}
    # a model number is no capacity
    assert not [f for f in extract_figures("iPhone15 销量") if f.value == 15]


def test_a_list_of_changes_with_its_unit_at_the_end_is_counted_spaced_or_not():
    text = "两家企业销售费用率分别同比提升8.0、0.8个百分点。"
    plain = {c.stated for c in check_text(text)}
    assert {"8.0", "0.8个百分点"} <= plain
    assert {re.sub(r"\s", "", c.stated) for c in check_text(_spaced(text))} == {re.sub(r"\s", "", s) for s in plain}


def test_two_articles_with_one_id_are_each_read_from_their_own_paragraphs():
    # the id hashes the text with its spacing normalized: the spaced copy has the unspaced one's id,
    # and a cache keyed on it handed the second article the first one's offsets
    spaced = article_from_text(_spaced(_DEDUCTED))
    plain = article_from_text(_DEDUCTED)
    assert spaced.id == plain.id and spaced.text != plain.text
    first = [c.model_dump() for c in check_article(plain)]
    check_article(spaced)
    assert [c.model_dump() for c in check_article(plain)] == first


# ---------------------------------------------------------------- the fortieth set's misses

def _of(text: str, kind: str | None = None) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if kind is None or c.kind == kind}


_BANK_TABLE = """# 银行业观察

上市银行一季报总结如下。

| **指标** | **2024 年** | **25Q1** | **环比变化** | **同比变化** |
| --- | --- | --- | --- | --- |
| **营收增速** | 0.1% | -1.7% | -1.8pct | -1.7pct |
| **不良率** | 1.24% | 1.23% | -0.7bp | -0.7bp |
| **净息差（期初期末）** | 1.40% | 1.37% | -5bp | -13bp |
"""


def test_a_qoq_change_column_compares_the_two_period_columns_before_it():
    # 153 (40th set): 环比 against the column right before, a year's column before 25Q1's
    got = {(c.stated, c.relation.split(" (")[0]): c.verdict for c in check_text(_BANK_TABLE)}
    assert got["-1.8pct", "-1.7% - 0.1% = -1.8pct"] == "consistent"  # growth rates: the levels compared
    assert got["-0.7bp", "1.23% - 1.24% = -0.7bp"] == "consistent"
    got = {c.stated: (c.verdict, c.relation) for c in check_text(_BANK_TABLE) if c.stated == "-5bp"}
    # 1.37% - 1.40% is -3bp: a quarter against a year's column may be against the year's last quarter,
    # so the miss proves nothing
    assert got["-5bp"][0] == "unverifiable"
    # 同比 against 25Q1's neighbour is not 2024's column
    assert not any(c.stated == "-13bp" and c.verdict != "unverifiable" for c in check_text(_BANK_TABLE))


def test_a_qoq_change_between_consecutive_quarters_is_refutable():
    text = _BANK_TABLE.replace("2024 年", "24Q4")
    assert _of(text)["-5bp"] == "inconsistent"
    assert _of(text.replace("-5bp", "-3bp"))["-3bp"] == "consistent"
    # and a change column after two quarters a year apart is no 环比
    assert _of(_BANK_TABLE.replace("2024 年", "24Q1"))["-5bp"] == "unverifiable"


def test_a_weekly_move_in_a_bracket_after_a_from_to_pair():
    # 160 (40th set): "从 A 涨至 B（周涨 X%）"
    text = "本周DRAM现货价格上涨。16Gb 颗粒：从 7.100 美元涨至 7.950 美元（周涨 12.0%）；费城半导体指数：从 5136.66 点跌至 5112.24 点（周跌 0.48%）。"
    assert _of(text, "growth") == {"12.0%": "consistent", "0.48%": "consistent"}
    assert _of(text.replace("12.0%", "14.0%"), "growth")["14.0%"] == "inconsistent"


def test_from_a_to_b_with_no_verb_is_a_move_not_a_range():
    # cfb213 (40th set)
    assert _of("公司此次提高回购价上限，从92元/股至125元/股，增幅达35.9%。", "growth") == {"35.9%": "consistent"}
    assert _of("公司此次提高回购价上限，从92元/股至125元/股，增幅达30.9%。", "growth") == {"30.9%": "inconsistent"}
    assert _of("预计价格从 10 元至 20 元不等。") == {}


def test_a_cagr_from_a_level_written_jiejin_confirms_only():
    # 44 (40th set): "接近 1720 亿美元" is about 1720
    text = "全球存储市场规模：2024 年接近 1720 亿美元，预计 2032 年达 3549 亿美元，CAGR 约 {g}。"
    assert _of(text.format(g="9.5%"), "cagr") == {"9.5%": "consistent"}
    assert _of(text.format(g="12.5%"), "cagr") == {"12.5%": "unverifiable"}


def test_a_growth_over_two_years_from_an_approximate_level_confirms_only():
    # 702 (40th set)
    text = "2023 年美股四大云厂商 AI 相关资本支出约 1500 亿美元，2025 年预计达 3200 亿美元，两年增速 {g}。"
    assert _of(text.format(g="113%"), "growth") == {"113%": "consistent"}
    assert _of(text.format(g="153%"), "growth") == {"153%": "unverifiable"}


def test_lists_joined_by_commas_after_fenbie():
    # cfb213 (40th set): a PDF's comma-joined lists of profits, growths and PEs
    text = "我们预计2020-2022公司归母净利润分别为50.0，56.2，62.8亿元，对应增速19.5%，12.4%，11.7%，对应PE为26/24/21X。"
    got = _of(text)
    assert got["12.4%"] == got["11.7%"] == "consistent"
    assert got["24"] == got["21"] == "consistent"
    assert _of(text.replace("12.4%", "14.4%"))["14.4%"] == "inconsistent"
    # a comma between a rate and another clause's rate is no list
    assert _of("公司营收增长 19.5%，净利率 12.4%。").get("12.4%") != "inconsistent"


def test_eps_follows_the_profits_over_one_share_count():
    # cfb458, cfb150 (40th set): after 预测 alone, and an EPS list with no unit
    a = "我们维持22/23/24年归母净利润预测22.38/25.24/27.80亿元，对应EPS1.58/1.78/1.96元。"
    assert _of(a, "ratio") == {"1.78": "consistent", "1.96元": "consistent"}
    assert _of(a.replace("1.96元", "2.16元"), "ratio")["2.16元"] == "inconsistent"
    b = "我们预计2020-2022年公司归母净利润28.64、20.03、16.56亿元，对应EPS为2.97、2.08、1.72。"
    assert set(_of(b, "ratio").values()) == {"consistent"} and len(_of(b, "ratio")) == 2


def test_a_share_count_may_drift_by_a_little_across_the_years():
    # cfb220 (22nd set): 44 × 2.70 = 118.8 against 19 × 6.52 = 123.9 and 16 × 7.85 = 125.6: 4% is drift
    text = "我们上调公司2020-2022年归母净利润预测为2.70、6.52、7.85亿元，对应PE分别为44、19、16倍。"
    assert _of(text, "ratio").get("44") in (None, "unverifiable", "consistent")
    # a gross miss is an error
    assert "inconsistent" in _of(text.replace("44、", "64、"), "ratio").values()


def test_a_target_priced_at_a_list_of_multiples_each_with_its_x():
    # cfb082 (40th set): "EPS5.5%/7.8%至2.96/3.33元" after a revision, "24.8x/22.0xP/E"
    text = ("我们下调2019/20年EPS5.5%/7.8%至2.96/3.33元，下调目标价11.7%至73.26元，对应2019/20年24.8x/22.0xP/E，"
            "现价对应2019/20年17.3x/15.4xP/E，目标价有43%上行空间。")
    got = _of(text)
    assert got["24.8"] == "consistent" and got["22.0x"] == "consistent" and got["43%"] == "consistent"
    assert _of(text.replace("22.0xP/E", "26.0xP/E"))["26.0x"] == "inconsistent"


def test_a_target_in_hk_dollars_or_on_a_pre_bonus_eps_refutes_nothing():
    # 34th set: "125元港币" is in 港元; the EPS excludes a bonus issue the target's count includes
    text = ("若剔除股本转增对总股本影响，我们维持2021年EPS预测1.94元不变。我们上调A股目标价4%至125元人民币，"
            "对应2021/2022年90X/75X市盈率；上调H股目标价4%至125元港币，对应2021/2022年80X/67X市盈率。")
    assert "inconsistent" not in _of(text).values()


def test_the_changes_of_expense_ratios_after_qizhong_add_up():
    # cfr079 (40th set)
    text = ("期间费用率提升 1.5ppt，其中销售费用率提升 0.4ppt，主要系公司加大客户拓展方面投入所致，管理+研发费用率提升 "
            "1ppt，财务费用率提升 0.1ppt。")
    assert _of(text, "sum") == {"1.5ppt": "consistent"}
    assert _of("公司期间费用率提升 0.6ppt，其中销售费用率下降 0.4ppt，管理费用率提升 1ppt。", "sum") == {"0.6ppt": "consistent"}
    # a margin's change is no sum of other margins' changes
    assert _of("公司净利率提升 1.5pct，其中毛利率提升 0.4pct，费用率下降 1pct。", "sum") == {}


def test_a_margins_change_written_in_percent_is_points_or_relative():
    # cfr166 (40th set): 2.4 / 40.7 = 5.90% now, 6.96% a year before from the growths: -1.06pp or -15.2%
    text = "骆驼股份2020年上半年营收40.7亿元，同比下滑6.1%；归母净利润2.4亿元，同比下滑20.4%。净利率为5.8%，同比下滑{c}。"
    changes = lambda c: {x.stated: x.verdict for x in check_text(text.format(c=c)) if x.kind == "change"}  # noqa: E731
    assert changes("1.0%") == {"1.0%": "consistent"}
    assert changes("15%") == {"15%": "consistent"}
    assert changes("1.5%") == {"1.5%": "inconsistent"}


def test_the_share_count_after_a_bonus_issue_confirms_only():
    # 168 (40th set)
    text = "每 10 股派 2 元转增 3 股，转增后总股本从 4.75 亿股增至 {n} 亿股，股权登记日 6.19。"
    assert _of(text.format(n="6.18"), "product") == {"6.18 亿股": "consistent"}
    # shares held in treasury take no bonus: a miss proves nothing
    assert _of(text.format(n="6.08"), "product") == {"6.08 亿股": "unverifiable"}


def test_a_contribution_to_revenue_is_a_share_of_it():
    # cfr161 (40th set)
    text = "公司20H1实现营收19.17亿，同比+7.5%。20H1公司彩盒业务收入达4.20亿元（+24.92%），对收入贡献达到{p}。"
    assert _of(text.format(p="22%"), "share") == {"22%": "consistent"}
    assert _of(text.format(p="32%"), "share") == {"32%": "unverifiable"}  # found by its fit only


def test_a_pre_announcement_range_with_its_base_or_a_range_word():
    # cfb041, cfr235 (40th set): "同比去年增长", "同比变化区间为", a negative upper end
    a = "公司2018年H1归母净利润0.90亿元。预计 2019 年 H1 实现归母净利润 1.1-1.25 亿元，同比去年增长 22.88%-{g}。"
    assert _of(a.format(g="39.64%"), "growth") == {"39.64%": "consistent"}
    assert _of(a.format(g="49.64%"), "growth") == {"49.64%": "inconsistent"}
    # a section whose only figures are the ranges
    assert _of(a.format(g="49.64%").split("。", 1)[1], "growth") == {"49.64%": "inconsistent"}
    b = "公司去年营收100亿元，利润20亿元。归母净利17.8至19.1亿元，同比变化区间为-7.1%~{g}。"
    assert _of(b.format(g="-0.3%"), "growth") == {"-0.3%": "consistent"}
    assert _of(b.format(g="-2.3%"), "growth") == {"-2.3%": "inconsistent"}


# ---------------------------------------------------------------- the forty-first set's misses

def test_an_eps_list_after_yuji_and_its_pe_list_price_one_share():
    # 28 (41st set), bold marks and all: 31.8 × 1.53 = 48.65 元, and 48.65 / 2.81 is 17.3, not 17.6
    text = "松井股份：2025-2027 年 EPS 预计为**1.53/2.09/2.81 元**，对应 PE**31.8/23.3/{pe} 倍**。"
    assert _of(text.format(pe="17.3"), "ratio") == {"23.3": "consistent", "17.3 倍": "consistent"}
    # a share price is one figure today: no drift excuses a miss of 1.7%
    assert _of(text.format(pe="17.6"), "ratio")["17.6 倍"] == "inconsistent"


def test_growths_named_after_the_profit_and_past_an_eps_list():
    # cfb093 (41st set): "净利润为…亿元，EPS…元，利润增速分别为…"
    text = "预计公司19-21年净利润为179.4/207.5/261.3亿元，EPS0.90/1.05/1.32元，利润增速分别为6.1%/15.7%/{g}。"
    got = _of(text.format(g="25.9%"), "growth")
    assert got == {"15.7%": "consistent", "25.9%": "consistent"}
    assert _of(text.format(g="28.9%"), "growth")["28.9%"] == "inconsistent"


def test_a_change_between_two_levels_set_side_by_side_with_vs():
    # 100, 249 (41st set)
    a = "研究显示，中位 TTAS（症状缓解时间）：41.2 小时 vs 奥司他韦组 46.8 小时，缩短 {g}。"
    assert _of(a.format(g="12%"), "growth") == {"12%": "consistent"}
    assert _of(a.format(g="22%"), "growth") == {"22%": "inconsistent"}
    b = "多个项目高溢价入市，华润新杨思项目溢价 {g}（11.1 万 / 平 vs 原限价 9.9 万 / 平）。"
    assert _of(b.format(g="12.1%"), "growth") == {"12.1%": "consistent"}
    assert _of(b.format(g="22.1%"), "growth") == {"22.1%": "inconsistent"}
    # levels of different units are no pair
    assert _of("产量 41.2 万吨 vs 收入 46.8 亿元，缩短 12%。", "growth") == {}
