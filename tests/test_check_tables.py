"""Relations inside tables (checks/tables.py): cells paired by their header and row labels,
in Markdown tables and in tables a PDF converter flattened into lines. Excerpts are real: 583,
227 and 147 of the research corpus, pdf_138 of the ground truth."""

from macrodesk.checks.arithmetic import Check, check_text

# article 583: 市值, PE, 收入, 利润 of two years, 分红比例 and 股息率 in one row per company
BEER = """啤酒板块估值如下。

| 证券代码 | 证券简称 | 25 年总市值 (亿元)|25 年 PE|26 年 PE|25 年预测收入 (亿元)|25 年收入增速 | 26 年预测收入 (亿元)|26 年收入增速 | 25 年预测利润 (亿元)|25 年利润增速 | 26 年预测利润 (亿元)|26 年利润增速 | 24 年分红比例 | 估算 25 年股息率 |
| ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- | ---- |
|600600.SH | 青岛啤酒 | 931.7|{pe25}|18.2|328.0|2.0%|337.8|{g26}|47.2|8.6%|51.3|8.8%|69%|{dy}|
|600132.SH | 重庆啤酒 | 266.6|22.2|21.3|147.3|0.6%|150.4|2.2%|12.0|7.7%|12.5|4.3%|104%|4.7%|
"""


def _checks(text: str, stated: str) -> list[Check]:
    return [c for c in check_text(text) if c.stated == stated]


def _one(text: str, stated: str) -> Check:
    got = _checks(text, stated)
    assert len(got) == 1, [(c.stated, c.relation) for c in check_text(text)]
    return got[0]


def test_pe_growth_and_yield_are_paired_by_header_labels():
    text = BEER.format(pe25="19.7", g26="3.0%", dy="3.5%")
    pe = _one(text, "19.7")  # 931.7 / 47.2
    assert (pe.kind, pe.verdict) == ("ratio", "consistent") and "931.7 / 47.2" in pe.relation
    assert _one(text, "18.2").verdict == "consistent"  # 931.7 / 51.3: the 26 年 PE takes 26 年 profit
    g = _one(text, "3.0%")  # 337.8 / 328.0 - 1: the 26 年 growth against the 25 年 level
    assert (g.kind, g.verdict) == ("growth", "consistent") and "337.8/328.0" in g.relation
    dy = _one(text, "3.5%")  # 47.2 × 69% / 931.7
    assert (dy.kind, dy.verdict) == ("product", "consistent")
    # the 25 年 growth has no 24 年 level in the table: counted, not judged
    assert _one(text, "2.0%").verdict == "unverifiable"


def test_a_wrong_growth_is_refuted_and_an_uncertain_pe_or_yield_is_not():
    text = BEER.format(pe25="29.7", g26="5.0%", dy="5.5%")
    assert _one(text, "5.0%").verdict == "inconsistent"
    # a plain 利润 column may include minority interests (PE is on 归母): a mismatch is unverifiable
    pe = _one(text, "29.7")
    assert pe.verdict == "unverifiable" and not pe.refutable
    # an estimated yield may assume another payout than the one shown
    assert _one(text, "5.5%").verdict == "unverifiable"


def test_a_header_that_does_not_name_the_metric_gives_no_verdict():
    text = BEER.format(pe25="29.7", g26="5.0%", dy="5.5%")
    for word in ("总市值", "PE", "预测收入", "收入增速", "预测利润", "分红比例", "股息率"):
        text = text.replace(word, "指标")
    assert all(c.verdict != "inconsistent" for c in check_text(text))


# article 227: 归母净利润 and PE of four years, one 总市值 per row
MEDTECH = """医疗器械板块重点公司估值如下。

| **公司代码** | **公司名称** | **总市值（亿元）** | **归母净利润（亿元）** | ** ** | ** ** | ** ** | **PE（倍）** | ** ** | ** ** | ** ** | **投资评级** |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  |  |  | 2024A | 2025E | 2026E | 2027E | 2024A | 2025E | 2026E | 2027E |  |
| 300760.SZ | 迈瑞医疗 | 2755 | 116.7 | 124.1 | 141.0 | 161.9 | 23.6 | 22.2 | 19.5 | 17.0 | 优于大市 |
| 603259.SH | 药明康德 | 1893 | 93.5 | 111.6 | 127.3 | 145.1 | 20.2 | 18.3 | 16.4 | 14.9 | 优于大市 |
"""


def test_pe_on_gui_mu_profit_refutes_a_row_whose_forecast_pes_do_not_follow():
    checks = [c for c in check_text(MEDTECH) if c.kind == "ratio"]
    mindray = [c for c in checks if "迈瑞医疗" in c.sentence]
    assert len(mindray) == 4 and all(c.verdict == "consistent" for c in mindray)
    # 药明康德: 1893 / 93.5 = 20.2 fits, so the columns line up; 1893 / 111.6 = 17.0, not 18.3
    wuxi = {c.stated: c for c in checks if "药明康德" in c.sentence}
    assert wuxi["20.2"].verdict == "consistent"
    assert wuxi["18.3"].verdict == "inconsistent" and "1893 / 111.6" in wuxi["18.3"].relation


def test_a_row_whose_pes_are_all_off_may_have_shifted_columns():
    # every PE of the row one year off its label: no year fits, so nothing is refuted
    shifted = MEDTECH.replace("| 23.6 | 22.2 | 19.5 | 17.0 |", "| 30.0 | 23.6 | 22.2 | 19.5 |")
    mindray = [c for c in check_text(shifted) if c.kind == "ratio" and "迈瑞医疗" in c.sentence]
    assert mindray and all(c.verdict != "inconsistent" for c in mindray)


def test_forecast_pes_that_share_one_price_were_priced_at_another_date():
    # 2755 × 1.1: every forecast PE 10% above 市值 / profit, all at one price (3030)
    later = MEDTECH.replace("| 23.6 | 22.2 | 19.5 | 17.0 |", "| 23.6 | 24.4 | 21.5 | 18.7 |")
    mindray = {c.stated: c for c in check_text(later) if c.kind == "ratio" and "迈瑞医疗" in c.sentence}
    assert mindray["24.4"].verdict == "unverifiable" and "another date" in mindray["24.4"].note
    # one forecast PE alone 10% off does not share the others' price: refuted
    one = MEDTECH.replace("| 23.6 | 22.2 | 19.5 | 17.0 |", "| 23.6 | 22.2 | 19.5 | 18.7 |")
    assert _one(one, "18.7").verdict == "inconsistent"


# pdf_138: a Markdown table flattened to space-separated lines, rows broken over lines
FLAT = """七、相关公司盈利预测

公司 市值（亿元） 2024A 净利润（亿元） 2025E 净利润（亿元） PE（2025E） PB（MRQ）
中国建筑 2342.87 461.87（-14.88%） 485.40（
{g}） 4.83 0.50
中国交建 1260.80 233.84（-1.81%） 248.40（
+6.23%） 5.08 0.50
中材国际 241.29 29.83（+2.31%） 31.73（+6.35%
） 7.61 1.10
"""


def test_flattened_pdf_table_is_read_as_rows_and_columns():
    text = FLAT.format(g="+5.09%")
    g = _one(text, "+5.09%")  # 485.40 / 461.87 - 1
    assert (g.kind, g.verdict) == ("growth", "consistent")
    assert g.sentence == "中国建筑 2342.87 461.87（-14.88%） 485.40（+5.09%） 4.83 0.50"
    pe = _one(text, "5.08")  # 1260.80 / 248.40
    assert (pe.kind, pe.verdict) == ("ratio", "consistent") and "1260.80 / 248.40" in pe.relation
    assert _one(text, "+6.35%").verdict == "consistent"
    # the 2024A growth has no 2023 level in the table
    assert _one(text, "-14.88%").verdict == "unverifiable"
    assert _one(FLAT.format(g="+7.09%"), "+7.09%").verdict == "inconsistent"


def test_a_flattened_table_none_of_whose_relations_holds_refutes_nothing():
    # every growth and PE off: the columns may be misread, so nothing is refuted
    text = FLAT.format(g="+7.09%")
    for a, b in (("4.83", "5.83"), ("5.08", "6.08"), ("7.61", "8.61"), ("+6.23%", "+8.23%"),
                 ("+6.35%", "+8.35%")):
        text = text.replace(a, b)
    checks = check_text(text)
    assert _one(text, "+7.09%").verdict == "unverifiable"
    assert all(c.verdict != "inconsistent" for c in checks)


def test_space_separated_lines_without_a_header_are_not_a_table():
    text = FLAT.format(g="+7.09%").replace(
        "公司 市值（亿元） 2024A 净利润（亿元） 2025E 净利润（亿元） PE（2025E） PB（MRQ）", "")
    assert all(c.verdict != "inconsistent" for c in check_text(text))
    assert not _checks(text, "5.08")


def test_margin_against_gui_mu_profit_is_another_basis():
    # pdf_138 核心数据汇总表: 净利率 2.85% against 归母净利润 463.67 亿 / 营收 1.94 万亿 = 2.39%
    text = """六、核心数据汇总表

指标 2024 年 2025Q1 增速
行业整体
营收（万亿元） 8.71（-3.81%） 1.94（-6.17%） -
归母净利润（亿元） 1834.53（-14.59%） 463.67（
-9.40%） -
净利率 2.62%（-0.31pct） 2.85%（-0.08pct） -
"""
    m = _one(text, "2.85%")
    assert (m.kind, m.verdict) == ("ratio", "unverifiable") and "463.67 / 1.94" in m.relation
    assert _one(text, "-0.31pct").verdict == "unverifiable"


def test_changes_worded_in_a_cell():
    # article 147: the previous value is not in the table; with a 前值 column it confirms
    text = """5 月物价数据如下。

| **指标** | **同比** | **环比** |
| --- | --- | --- |
| CPI | 上行 0.1 个百分点至 2.4% | 0.08% |
| 核心 CPI | 持平于 2.8% | 0.13%（较 4 月回落 0.11%） |
"""
    assert _one(text, "0.1 个百分点").verdict == "unverifiable"
    assert _one(text, "0.11%").verdict == "unverifiable"
    with_previous = text.replace("| **指标** |", "| **指标** | **前值** |").replace(
        "| --- |", "| --- | --- |", 1).replace("| CPI |", "| CPI | 2.3% |").replace(
        "| 核心 CPI |", "| 核心 CPI | 2.8% |")
    assert _one(with_previous, "0.1 个百分点").verdict == "consistent"
    assert _one(with_previous.replace("2.3%", "2.6%"), "0.1 个百分点").verdict == "unverifiable"


def test_value_with_its_growth_in_brackets():
    # article 583: "328.1 亿元 (+32.1%)": the earlier level is not in the table
    text = """新茶饮龙头的盈利预测如下。

| **企业名称** | **25 年预测收入 (YOY)** | **25 年预测利润 (YOY)** |
| --- | --- | --- |
| 蜜雪集团 | 328.1 亿元 (+32.1%) | 1 亿元 (+30.9%) |
| 古茗 | 123.9 亿元 (+41%) | 28.2 亿元 (+91%) |
"""
    assert _one(text, "+30.9%").verdict == "unverifiable"
    # a bracket that is not a change ("+50（80% 为正）") is not read as one
    assert not _checks("现金流如下。\n\n| 指标 | 2024 年 |\n| --- | --- |\n| 经营性现金流净额（亿元） | +50（80% 为正） |\n"
                       "| 投资现金流（亿元） | +30（60% 为正） |\n", "80%")


def test_a_percent_unit_in_the_label_makes_bare_numbers_rates():
    # article 55: 股息率（%） 4.7 = 24.16 × 50.0% / 258; 海螺水泥's 3.0 may assume another payout
    text = """建材板块高股息标的如下。

| **股票代码** | **股票简称** | **总市值（亿元）** | **2024A 归母净利润（亿元）** | **2025E 归母净利润（亿元）** | **分红率（%）** | **2024A 股息率（%）** | **2025E 股息率（%）** |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 600585.SH | 海螺水泥 * | 1251 | 48.70 | 50.00 | 50.0 | 3.0 | 4.3 |
| 600801.SH | 华新水泥 * | 258 | 24.16 | 27.40 | 50.0 | 4.7 | 5.5 |
"""
    dy = _one(text, "4.7")
    assert (dy.kind, dy.verdict) == ("product", "consistent") and "24.16 × 50.0 / 258" in dy.relation
    assert _one(text, "3.0").verdict == "unverifiable"


def test_flattened_header_whose_labels_were_split_by_spaces():
    # 583 as a PDF converter writes it: "25 年总市值 (亿元)" split into three tokens, "估算" a
    # word before the label it qualifies, rows wrapped and opened by a security code
    text = """部分啤酒企业 25 年预测数据如下：
证券代码 证券简称 25 年总市值 (亿元) 25 年 PE 26 年 PE 25 年预测收入 (亿元) 25 年收入增速 26 年预测收入 (亿元) 26 年收入增速 25 年预测利润 (亿元) 25 年利润增速 26 年预测利润 (亿元) 26 年利润增速 24 年分红比例 估算 25 年股息率
600600.SH 青岛啤酒 931.7 19.7 18.2 328.0
2.0% 337.8 {g} 47.2 8.6% 51.3 8.8%
69% 3.5%
600132.SH 重庆啤酒 266.6 22.2 21.3 147.3
0.6% 150.4 2.2% 12.0 7.7% 12.5 4.3%
104% 4.7%
"""
    pe = _one(text.format(g="3.0%"), "18.2")
    assert pe.verdict == "consistent" and "931.7 / 51.3" in pe.relation and "26 年 PE" in pe.relation
    assert _one(text.format(g="3.0%"), "3.0%").verdict == "consistent"
    assert _one(text.format(g="5.0%"), "5.0%").verdict == "inconsistent"


def test_flattened_change_column_after_two_years_of_one_sub_period():
    # article 51 as a PDF converter writes it (with its running header inside the table)
    text = """四、核心数据

指标 2024 年一季度 2025 年一季度 同比变化
原煤产量（亿吨） 11.05 12.06 {g}
动力煤均价（元 / 吨） 1000 720 -28%
2025.5.23一季度煤炭行业报告    行业研究报告
行业毛利率 33.86% 28.66% {pp}
存量债券规模（亿元） 7310 6422 -12.2%
"""
    ok = text.format(g="+9.17%", pp="-5.2pct")
    g = _one(ok, "+9.17%")
    assert (g.kind, g.verdict) == ("growth", "consistent") and "12.06/11.05" in g.relation
    assert (_one(ok, "-5.2pct").kind, _one(ok, "-5.2pct").verdict) == ("change", "consistent")
    assert _one(text.format(g="+9.17%", pp="-4.2pct"), "-4.2pct").verdict == "inconsistent"
    assert _one(text.format(g="+19.17%", pp="-5.2pct"), "+19.17%").verdict == "inconsistent"
