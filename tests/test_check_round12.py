"""Round 12 of the arithmetic checker: 净利率 on total profit against a 归母 profit (one-sided),
"第一季度" as one period, and guards that keep a margin from another subject's figures."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind


def _verdicts(text: str, stated: str) -> list[str]:
    return [c.verdict for c in check_text(text) if c.stated == stated and c.kind == "ratio"]


def test_a_year_and_its_ordinal_quarter_are_one_period():
    # cfb016: "2019年第一季度" is 2019Q1, not "2019年" then a quarter of no year
    figs = extract_figures("2019年第一季度实现营业收入3.62亿元，22年第三季度归母净利润0.38亿元")
    assert [f.text for f in figs if f.kind == FigureKind.DATE] == ["2019年第一季度", "22年第三季度"]
    assert [f.period for f in figs if f.kind == FigureKind.MONEY] == ["2019年第一季度", "22年第三季度"]


_COMPANY = ("公司2021年实现营业收入{r}亿元，同比增长12.3%，归母净利润13.1亿元，同比增长8.5%。"
            "公司发展稳健，渠道持续扩张。2021年公司毛利率32.5%，销售净利率{m}%，期间费用率12.1%。")


def test_a_net_margin_below_its_parent_ratio_is_refuted_above_it_is_not():
    # cfr380-like: 13.1 / 69.2 = 18.93%. A 销售净利率 on total profit is at least that unless the
    # minorities lost money: 18.0% cannot be it; 19.3% may be (minorities' share), so it proves nothing
    below = [c for c in check_text(_COMPANY.format(r="69.2", m="18.0")) if c.stated == "18.0%"]
    assert [c.verdict for c in below] == ["inconsistent"] and "minorities" in below[0].note
    assert _verdicts(_COMPANY.format(r="69.2", m="19.3"), "19.3%") in ([], ["unverifiable"])
    assert _verdicts(_COMPANY.format(r="69.2", m="18.9"), "18.9%") == ["consistent"]


def test_a_sector_margin_below_its_parent_ratio_is_not_refuted():
    # 260: a sector's minorities may lose money in sum (SW 电子 2024, 3.66% against 3.88%)
    text = ("业绩综述：2024 年 SW 电子行业营收 33,299.07 亿元（同比 + 16.90%），归母净利润 1292.96 亿元"
            "（同比 + 43.07%），毛利率 15.47%，净利率 3.66%，期间费用率 10.84%。")
    assert "inconsistent" not in _verdicts(text, "3.66%")
    # the same figures of a company are refuted: the guard is the sector, not the figures
    company = text.replace("SW 电子行业", "公司")
    assert _verdicts(company, "3.66%") == ["inconsistent"]


def test_another_pair_below_the_margin_may_be_the_one_it_is_on():
    # cfr032: 13.31% is not 262.03 over a segment's 37.94 亿; 262.03 / 1981.23 = 13.23% sits below it
    text = ("2018 年格力电器实现营业收入 1981.23 亿元，同比增长 33.61%；实现归母净利润 262.03 亿元，同比增长 16.97%；"
            "公司生活电器和智能装备业务发展迅速， 2018年营业收入分别为 37.94 亿和 31.09 亿，同比增加 64.9%和 46.19%。"
            "2018 年公司销售净利率 13.31%，同比下降 1.87pct。")
    assert "inconsistent" not in _verdicts(text, "13.31%")


def test_a_loss_written_without_its_sign_is_no_profit_to_divide():
    # 575 太平鸟: "归母净利润 0.46 亿元，同比 - 471.5%（由盈转亏）" and a margin of - 3.8%
    text = ("第二季度实现营收 12.3 亿元，同比 - 8.2%；归母净利润 0.46 亿元，同比 - 471.5%（由盈转亏）；"
            "资产减值损失同比 + 2304 万元，拖累第二季度归母净利率同比 - 4.7 个百分点至 - 3.8%。")
    assert "inconsistent" not in _verdicts(text, "- 3.8%")
    signed = text.replace("（由盈转亏）", "")
    assert _verdicts(signed, "- 3.8%") == ["inconsistent"]


_SECTORS = """## 一、行业整体经营情况

2025 年第二季度，板块实现营收 393.6 亿元，同比 0.7%；归母净利润 31.8 亿元，同比 - 15.9%。

## 二、品牌服装板块表现

### （二）利润端

2025 年第二季度，品牌服装板块毛利率同比 + 0.2 个百分点至 52.6%。但费用率同比提升，拖累归母净利率同比 - 2.4 个百分点至 {m}%。
"""


def test_a_part_of_the_whole_heading_is_not_a_facet_of_it():
    # 575: the 品牌服装板块's margin is not the whole 纺织服装板块's profit over its revenue
    assert "inconsistent" not in _verdicts(_SECTORS.format(m="5.4"), "5.4%")


def test_a_margin_is_not_refuted_by_figures_written_after_it():
    # cfb169: the company's 净利率 9.43% is not 科力普's 净利润 over 晨光科技's revenue, paragraphs on
    text = ("2020H1公司收入47.6亿元（-1.60%），归母净利润4.65亿元（-1.44%）。　　2020H1，公司毛利率为27.07%，"
            "从而影响净利率下降0.38pct至9.43%。　　1）线上渠道：2020H1晨光科技实现营业收入2.04亿元，同比增长63.92%。"
            "　　2）晨光科力普：2020H1收入16.0亿元（+6.63%），2020H1净利润达0.40亿元，净利率达2.50%。")
    checks = [c for c in check_text(text) if c.stated == "9.43%" and c.kind == "ratio"]
    assert checks and all(c.inputs == ["4.65亿元", "47.6亿元"] for c in checks)
    # on the company's own figures it is below 4.65 / 47.6 = 9.77%: the one-sided reading refutes it
    assert [c.verdict for c in checks] == ["inconsistent"]


def test_a_breakdown_closed_by_qita_is_the_whole():
    # cfb239: 36.5 + 3.7 + 13.3 = 53.5, not the 54.5 the text gives as their total
    text = ("2020年公司共取得补贴收入{t}亿元/-15%，其中从地方政府取得的合作航线收入36.5亿元/-33%，"
            "从相关主管部门取得的航线补贴3.7亿元/+5%，其他补贴收入13.3亿元/+148%。")
    sums = [c for c in check_text(text.format(t="54.5")) if c.kind == "sum" and c.stated == "54.5亿元"]
    assert [c.verdict for c in sums] == ["inconsistent"]
    assert [c.verdict for c in check_text(text.format(t="53.5")) if c.kind == "sum"] == ["consistent"]
    # without 其他 the parts named need not be all of the total: no refutation
    open_list = text.format(t="54.5").replace("其他补贴收入", "民航发展基金返还")
    assert "inconsistent" not in [c.verdict for c in check_text(open_list) if c.kind == "sum"]


def test_items_listed_with_deng_are_not_all_of_their_total():
    # cfb469: 412.67 - 128.03 + 570.88 = 855.52 < 880.99, with 主要包括…等
    text = ("3Q22非经常损益主要包括委托投资收益412.67万元，金融资产价值变动-128.03万元，其他营业外收入570.88万元等，"
            "合计880.99万元。")
    assert "inconsistent" not in [c.verdict for c in check_text(text) if c.kind == "sum"]


def test_a_level_after_xiangbi_is_the_base_of_the_change():
    # cfr014: "相比 2017 的 9.80%" is the base; 9.80% is no level to measure from 33.01%
    text = ("2018 年公司销售毛利率 32.13%， 相比 2017 年的 33.01%同比下降 0.88pct。"
            "2018 年公司销售净利率 9.08%，相比 2017 的 9.80%下降了{c}pct。")
    changes = [c for c in check_text(text.format(c="0.72")) if c.stated == "0.72pct"]
    assert [(c.verdict, sorted(c.inputs)) for c in changes] == [("consistent", ["9.08%", "9.80%"])]
    assert [c.verdict for c in check_text(text.format(c="0.92")) if c.stated == "0.92pct"] == ["inconsistent"]


def test_a_qoq_base_is_of_the_same_measure():
    # cfb574: 2023Q1 revenue 33.8 against 22Q4's revenue 36.89, not 22Q4's profit 1.16 (其中Q4单季实现)
    text = ("2022年公司实现营业收入134.5亿元，同比+33.97%；其中Q4实现营收36.89亿元，同比+38.53%。"
            "2022年公司实现归母净利润5.4亿元，同比+73.1%，其中Q4单季实现1.16亿元，同比+141.95%。"
            "2）2023Q1公司实现营业收入33.8亿元，同比+1.7%，环比-8.3%。")
    got = [c for c in check_text(text) if c.stated == "-8.3%"]
    assert got and all("1.16" not in c.relation for c in got)


def test_a_cagr_from_a_growth_over_a_span_of_years():
    # cfb329: (1 + 54%)^(1/2) - 1 = 24.1%
    text = "1）前三季度新签10067亿（+37%），较19年增速54%，近两年复合增速{c}%。"
    assert [c.verdict for c in check_text(text.format(c="24")) if c.kind == "cagr"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(c="27")) if c.kind == "cagr"] == ["inconsistent"]
    # the years from the span when no count is written: 2021 against 2019
    spanned = "2021年公司营收120亿元，较2019年增长44%，年均复合增速{c}%。"
    assert [c.verdict for c in check_text(spanned.format(c="20")) if c.kind == "cagr"] == ["consistent"]
    assert [c.verdict for c in check_text(spanned.format(c="22")) if c.kind == "cagr"] == ["inconsistent"]


_PE_TABLE = """## 板块估值表

| **名称** | **证券代码** | **总市值（亿元）** | **2024 归母净利（亿元）** | **2025E 归母净利（亿元）** | **2026E 归母净利（亿元）** | **2027E 归母净利（亿元）** | **2024PE** | **2025E PE** | **2026E PE** | ** ** |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 海力风电 | 301155.SZ | 151 | 0.7 | 7.4 | 10.7 | 12.1 | 215.7 | {pe} | 14.1 | 12.5 |
| 日月股份 | 603218.SH | 127 | 6.2 | 8.8 | 10.3 | 11.9 | 20.5 | 14.4 | 12.3 | 10.7 |
"""


def test_a_pe_table_with_bare_years_and_guimu_jingli_heads():
    # 218: "2024 归母净利", "2024PE" name their year; 归母净利 is the profit; 151 / 7.4 = 20.4
    checks = [c for c in check_text(_PE_TABLE.format(pe="20.4")) if c.kind == "ratio"]
    assert {c.stated: c.verdict for c in checks}["20.4"] == "consistent"
    assert len(checks) == 6  # three PE columns of two rows; the unnamed fourth is not read
    wrong = [c for c in check_text(_PE_TABLE.format(pe="25.4")) if c.stated == "25.4"]
    assert [c.verdict for c in wrong] == ["inconsistent"]


def test_a_share_of_total_revenue_against_the_revenue_of_its_period():
    # cfb454: 4.32 / 5.14 = 84.0%; the quarter's 2.85 亿元 is another period's revenue
    text = ("2022H1，公司实现营业收入5.14亿元，同比增长62%，实现归母净利2.02亿元，同比增长157%。"
            "其中，2022Q2实现营业收入2.85亿元，同比增长42%，环比增长24%。"
            "公司重点布局海外市场，2022H1境外销售收入4.32亿元，同比增长142%，占总营收{s}%。")
    assert [c.verdict for c in check_text(text.format(s="84")) if c.stated == "84%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(s="74")) if c.stated == "74%"] == ["inconsistent"]
    # a unit's revenue is no candidate whole; two different company revenues of the period are
    segment = text.replace("其中，2022Q2", "2022H1国内业务营业收入0.82亿元。其中，2022Q2")
    assert [c.verdict for c in check_text(segment.format(s="74")) if c.stated == "74%"] == ["inconsistent"]
    two = text.replace("其中，2022Q2", "2022H1公司营业收入5.41亿元（调整后）。其中，2022Q2")
    assert "inconsistent" not in [c.verdict for c in check_text(two.format(s="74")) if c.stated == "74%"]


def test_february_against_a_qian_liang_yue_total_after_it():
    # cfb361: January = 前两月 − 2 月; WEY's 0.43 / (0.95 − 0.43) − 1 = −17.3%, not −13.1%
    text = ("哈弗品牌2月销量4.20万辆，同比-31.2%，环比-40.2%；前两月累计销量11.22万辆，同比-27.9%。"
            "WEY品牌2月销量0.43万辆，同比+103.1%，环比{g}%；前两月累计销量0.95万辆，同比+16.5%。")
    got = {c.stated: c.verdict for c in check_text(text.format(g="-13.1")) if "1 月 = 1-2 月 - 2 月" in c.relation}
    assert got == {"-40.2%": "consistent", "-13.1%": "inconsistent"}
    fixed = {c.stated: c.verdict for c in check_text(text.format(g="-17.3")) if "1 月 = 1-2 月 - 2 月" in c.relation}
    assert fixed["-17.3%"] == "consistent"


def test_a_list_whose_items_carry_their_growth():
    # cfr559: "27.37亿元/-6.73%、21.03亿元/+19.49%，占比50.78%、39.02%" against 营业收入 53.89亿元
    text = ("2022全年，公司实现营业收入53.89亿元/+4.58%，归母净利润5.37亿元/+6.17%。"
            "2022年，定制橱柜/定制衣柜两大主要业务收入分别为27.37亿元/-6.73%、21.03亿元/+19.49%，占比50.78%、39.02%。")
    got = {c.stated: c.verdict for c in check_text(text) if c.kind == "share"}
    assert got == {"50.78%": "consistent", "39.02%": "consistent"}


def test_a_company_margin_is_not_over_the_rest_item_of_a_breakdown():
    # cfb086: 毛利率 7.7% is 5.03 / 65.55 (the quarter's revenue), not 5.03 over 其它收入 1.34
    text = ("三季度，公司实现收入65.55亿元（+11.9%），其中快运业务收入27.74亿元（+1.2%），增速环比上半年提升7.3pct；"
            "快递业务收入36.47亿元（+21.0%），增速环比上半年下降28.9%，其它收入1.34亿元（+28.8%）。"
            "公司实现毛利5.03亿元（-36.6%），毛利率7.7%（-5.9pct）。")
    assert "inconsistent" not in [c.verdict for c in check_text(text) if c.stated == "7.7%"]


def test_a_series_whose_growths_are_written_before_its_levels():
    # cfb513: 23.14 / 19.39 − 1 = 19.3%; 2.46 / 2.15 − 1 = 14.4%
    text = "按最低要求算，公司23/24年营收yoy+20.2%/+{g}%至19.39/23.14亿，净利润yoy+15%/+14.4%至2.15/2.46亿。"
    assert {c.stated: c.verdict for c in check_text(text.format(g="19.3")) if "listed by position" in c.relation} \
        == {"+19.3%": "consistent", "+14.4%": "consistent"}
    wrong = {c.stated: c.verdict for c in check_text(text.format(g="21.3")) if "listed by position" in c.relation}
    assert wrong["+21.3%"] == "inconsistent"


def test_a_rate_after_an_amount_change_written_with_its_verb():
    # cfb487: 0.5 / (1.13 − 0.5) = 79%, within the rounding of 0.5 (78.36% fits; 58% does not)
    text = "2022年三季度，公司研发费用为1.13亿元，同比增加0.5亿元、增长{g}%。"
    assert [c.verdict for c in check_text(text.format(g="78.36")) if c.stated == "78.36%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(g="58.36")) if c.stated == "58.36%"] == ["inconsistent"]


def test_a_margin_level_after_jiangdi_names_its_margin():
    # cfr224: "归母净利润率降低4.24个百分点至3.99%" is the margin 3.47 / 86.93
    text = "2020年Q2，营收86.93亿元，同比-1.99%，归母净利润3.47亿元，同比-52.45%。受此影响，公司2020Q2归母净利润率降低4.24个百分点至{m}%。"
    assert [c.verdict for c in check_text(text.format(m="3.99")) if c.stated == "3.99%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(m="4.99")) if c.stated == "4.99%"] == ["inconsistent"]


def test_quarters_listed_by_chinese_ordinals_with_a_unit_on_each_item():
    # cfb473: 8.68 + 9.23 + 10.04 = 27.95 (前三季度), and the span's growth from the quarters'
    text = ("公司2022年前三季度实现营业收入{t}亿元，同比增长17.83%。分季度看，公司一、二、三季度分别实现营收8.68亿元、"
            "9.23亿元、10.04亿元，同比分别增长12.26%、16.63%、24.35%。")
    sums = [c for c in check_text(text.format(t="27.95")) if c.kind == "sum"]
    assert [c.verdict for c in sums] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(t="28.95")) if c.kind == "sum"] == ["inconsistent"]
    # items in two units are no one list
    mixed = text.format(t="27.95").replace("9.23亿元", "9230万元")
    assert [c for c in check_text(mixed) if c.kind == "sum"] == []


def test_a_ratio_change_refutes_when_its_level_is_certain():
    # cfb551 (in one paragraph): 18.86% − (1.29/1.28)/(6.84/1.1624) = +1.73pp, not +2.07pp
    text = ("2022年公司实现营业收入6.84亿元，同比提升16.24%；归母净利润1.29亿元，同比提升28%。"
            "盈利能力：2022年归母净利率约18.84%，同比提升{c}pct。")
    assert [c.verdict for c in check_text(text.format(c="2.07")) if c.stated == "2.07pct"] == ["inconsistent"]
    assert [c.verdict for c in check_text(text.format(c="1.73")) if c.stated == "1.73pct"] == ["consistent"]
    # a plain 净利率 whose level is its 归母 ratio is written on 归母 profit: its change refutes too
    plain = text.replace("归母净利率", "净利率")
    assert [c.verdict for c in check_text(plain.format(c="2.07")) if c.stated == "2.07pct"] == ["inconsistent"]
    # one above its 归母 ratio may be on total profit: its change only confirms
    above = plain.replace("约18.84%", "约19.84%")
    assert "inconsistent" not in [c.verdict for c in check_text(above.format(c="2.07")) if c.stated == "2.07pct"]


def test_revpar_is_adr_times_occ_and_its_growth_follows():
    # cfb178: 210 × 51.3% = 107.7 元; (1 − 35.6%) × 51.3 / 73.6 − 1 = −55.1%
    text = "其中中高端酒店ADR为210元（-35.6%）/OCC为51.3%（-22.3pct）/RevPAR为{r}元（{g}%），经济型酒店ADR为127元（-25.3%）/OCC为57.6%（-25.3pct）/RevPAR为73元（-48.0%）。"
    got = {(c.kind, c.stated): c.verdict for c in check_text(text.format(r="108", g="-55.2")) if "RevPAR" in c.relation}
    assert got == {("product", "108元"): "consistent", ("growth", "-55.2%"): "consistent",
                   ("product", "73元"): "consistent", ("growth", "-48.0%"): "consistent"}
    bad = {(c.kind, c.stated): c.verdict for c in check_text(text.format(r="118", g="-50.2")) if "RevPAR" in c.relation}
    assert bad[("product", "118元")] == "inconsistent" and bad[("growth", "-50.2%")] == "inconsistent"


def test_a_revenue_share_written_after_its_change_is_of_the_company_revenue():
    # cfb169: 科力普 16.0 / the company's 47.6 = 33.6%, not over 晨光科技's 营业收入 2.04 亿元
    text = ("2020H1公司收入47.6亿元（-1.60%），归母净利润4.65亿元（-1.44%）。1）线上渠道：2020H1晨光科技实现营业收入2.04亿元，"
            "同比增长63.92%。2）晨光科力普：2020H1收入16.0亿元（+6.63%），收入占比同比上升2.6pct至{s}%。")
    got = [(c.verdict, c.inputs) for c in check_text(text.format(s="33.6")) if c.stated == "33.6%"]
    assert got == [("consistent", ["16.0亿元", "47.6亿元"])]
    assert [c.verdict for c in check_text(text.format(s="38.6")) if c.stated == "38.6%"] == ["inconsistent"]


def test_a_growth_is_not_paired_with_a_level_of_the_sentence_before():
    # cfb378: "汇率敏感性为3.3亿元（20年同期为3.7亿元）。其中国内RPK同比增长5%" — 5% is RPK's
    text = "2021年公司汇率敏感性为3.3亿元（20年同期为3.7亿元）。其中国内RPK同比增长5%，为19年同期的74%。"
    assert "inconsistent" not in [c.verdict for c in check_text(text) if c.stated == "5%"]


def test_a_first_quarter_report_is_no_year_and_a_measure_list_pairs_no_base():
    # cfb416: "2022年1季报…分别为5.00亿元（+75.7%）" is Q1, not 2022 against 2021's 扣非 2.59 亿元
    text = ("公司发布2021年报，实现营业收入/归母净利润/扣非归母净利润分别为19.72亿元（+87.80%）/3.91亿元（+110.3%）/2.59亿元（61.43%）。"
            "2022年1季报，实现营业收入/归母净利润/扣非归母净利润分别为5.00亿元（+75.7%）/1.06亿元（+88.5%）/0.90亿元（+103.8%）。")
    assert "inconsistent" not in [c.verdict for c in check_text(text) if c.stated == "+75.7%"]
    assert [f.text for f in extract_figures("2022年1季报，实现营业收入5.00亿元") if f.kind == FigureKind.DATE] == ["2022年1季报"]


def test_quan_nian_names_the_year_not_the_quarter_before_it():
    # cfb503: "单四季度…1.60亿元…；带动公司全年实现营收4.33亿元…。实现归母净利润1.09亿元" are the year's;
    # the Q4 margin 19.24% is 0.31 / 1.60
    text = ("2022年公司实现营收4.33亿元，同比增长23.44%；归母净利润1.09亿元，同比下滑15.47%。"
            "单四季度公司实现营收1.60亿元，同比提升58.28%；带动公司全年实现营收4.33亿元，同比提升23.44%。"
            "实现归母净利润1.09亿元，同比下滑15.47%。单四季度实现归母净利润0.31亿元，同比提升11.56%。"
            "单四季度归母净利率19.24%，同比下滑8.06pcts。")
    got = {c.stated: (c.verdict, c.inputs[:1]) for c in check_text(text) if c.stated in ("19.24%", "8.06pcts")}
    assert got["19.24%"] == ("consistent", ["0.31亿元"])
    assert got.get("8.06pcts", ("consistent",))[0] != "inconsistent"


def test_volume_price_and_revenue_written_in_that_order():
    # cfr417: (1 + 1.22%)(1 + 54.68%) − 1 = 56.57%, against 56.69%
    text = ("1）2022Q1公司聚甲醛实现销量2.48万吨，同比增加1.22%；销售均价19352元/吨，同比上涨54.68%；"
            "实现销售收入4.80亿元，同比增加{g}%。")
    assert [c.verdict for c in check_text(text.format(g="56.69")) if "volume × price" in c.relation] == ["inconsistent"]
    assert [c.verdict for c in check_text(text.format(g="56.57")) if "volume × price" in c.relation] == ["consistent"]


def test_a_segment_revenue_share_of_the_company_revenue():
    # cfb554: 9.60 / 11.96 = 80.27%, written 80.23% (within the rounding of 9.60 and 11.96)
    text = ("公司2022全年收入11.96亿元（同比+15.89%），归母净利润4.03亿元（同比+31.51%）。"
            "按业务拆分，2022年无源器件收入9.60亿（+4.33%），业务占比{s}%，毛利率55.01%（+3.85PCT）。")
    assert [c.verdict for c in check_text(text.format(s="80.23")) if c.stated == "80.23%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(s="70.23")) if c.stated == "70.23%"] == ["inconsistent"]


def test_quarters_joined_by_he_with_bracketed_growths():
    # cfr314: 344.41 + 459.92 = 804.33 (上半年)
    text = ("2021年上半年，公司实现营收{t}亿元（+8.68%）。其中，2021年一季度和二季度分别实现营收344.41、459.92亿元"
            "（+48.41%、-9.46%）。")
    assert [c.verdict for c in check_text(text.format(t="804.33")) if c.kind == "sum"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(t="814.33")) if c.kind == "sum"] == ["inconsistent"]


def test_a_company_texts_paragraphs_are_one_subject_for_a_margin_of_a_written_period():
    # cfb559 (the twentieth set): "22Q4净利率为4.3%" a paragraph after "22Q4实现总营收293.1亿，…归母净利13.7亿":
    # 13.7 / 293.1 = 4.67%, and a plain 净利率 below its 归母 ratio is refuted for one company
    from pathlib import Path

    from macrodesk.checks.arithmetic import check_article
    from macrodesk.readers import read_article
    article = read_article(Path(__file__).parent / "check_twentieth" / "articles" / "cfb559.md")
    got = [(c.verdict, c.inputs) for c in check_article(article) if c.stated == "4.3%" and c.kind == "ratio"]
    assert got == [("inconsistent", ["13.7亿", "293.1亿"])]


def test_a_sector_texts_margin_below_its_parent_ratio_is_not_refuted():
    # the sector may be named in an earlier sentence than the margin's inputs
    text = ("22年乳制品板块实现营业总收入1231.7亿，同增11.4%，归母净利94.3亿，同增8.3%。其中，22Q4实现总营收293.1亿，"
            "同增14.5%，归母净利13.7亿，同增80.1%。22Q4净利率为4.3%，同比+1.3pct。")
    assert "inconsistent" not in [c.verdict for c in check_text(text) if c.stated == "4.3%"]
    assert [c.verdict for c in check_text(text.replace("乳制品板块", "公司")) if c.stated == "4.3%"] == ["inconsistent"]
