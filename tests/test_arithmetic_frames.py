"""Relations whose inputs stand in another section, paragraph or list of the article (issue 13):
each rule with a sentence from a real article (tests/check_truth/articles), and a similar text
where the input is not certain, whose verdict must not be inconsistent."""

from __future__ import annotations

from macrodesk.checks.arithmetic import Check, check_text


def _by_stated(checks: list[Check], stated: str) -> list[Check]:
    return [c for c in checks if c.stated.replace(" ", "") == stated.replace(" ", "")]


def _one(checks: list[Check], stated: str) -> Check:
    found = _by_stated(checks, stated)
    assert len(found) == 1, [(c.stated, c.verdict, c.relation) for c in checks]
    return found[0]


# ---- margins and their changes with the profit and revenue in another section (593)
_LIQUOR = """## 一、行业整体态势

### （二）核心业绩表现

1. **整体业绩下滑**：25H1 17 家主要白酒上市公司营收 2368.3 亿元，同比 - 0.4%；归母净利润 944.6 亿元，同比 - 0.9%。

2. **剔除茅台后表现更弱**：剔除贵州茅台后，25H1 营收 1457.4 亿元，同比 - 5.5%；归母净利润 490.6 亿元，同比 - 8.6%。

## 二、行业运营关键指标

### （三）盈利水平

2. **净利率**：25H1 板块归母净利率 {margin}，同比 - 0.23pct；剔除茅台后 33.7%，同比 - 1.13pct。
"""


def test_margin_and_its_change_from_another_section_confirm():
    checks = check_text(_LIQUOR.format(margin="39.9%"))
    level = _one(checks, "39.9%")
    assert level.verdict == "consistent" and not level.refutable
    assert level.inputs == ["944.6 亿元", "2368.3 亿元"]
    change = _one(checks, "- 0.23pct")
    assert change.verdict == "consistent" and change.derived and "上年净利率" in change.relation
    # the second margin of the list takes the margin word of its sentence
    assert _one(checks, "- 1.13pct").verdict == "consistent"
    assert _one(checks, "33.7%").verdict == "consistent"


def test_margin_from_another_section_that_fits_no_pair_is_not_refuted():
    checks = check_text(_LIQUOR.format(margin="35.9%"))
    assert all(c.verdict == "unverifiable" for c in _by_stated(checks, "35.9%"))
    # its change rests on a margin no pair fits: counted, not derived
    assert _one(checks, "- 0.23pct").verdict == "unverifiable"
    assert not [c for c in checks if c.verdict == "inconsistent"]


# ---- a share whose whole is the entity's figure in another section (189)
_STORAGE = """#### 整体业绩表现

1. **营收规模**：2024 年阳光电源以 778.57 亿元营收居首（同比 + 8%），海博思创 82.70 亿元（同比 + 18%），上能电气 47.73 亿元（同比 - 3%）。

#### 业务结构对比

1. **阳光电源**：储能系统营收 249.6 亿元（占比 {share}，同比 + 40%），光伏逆变器 291.3 亿元（占比 37%，同比 + 5%）。

3. **上能电气**：储能 PCS 及系统集成 19.3 亿元（占比 40%），光伏逆变器 27.5 亿元（占比 58%）。
"""


def test_share_whole_named_by_the_paragraph_label_confirms():
    checks = check_text(_STORAGE.format(share="32%"))
    share = _one(checks, "32%")
    assert share.verdict == "consistent" and share.inputs == ["249.6 亿元", "778.57 亿元"]
    assert _one(checks, "40%").inputs == ["19.3 亿元", "47.73 亿元"]


def test_share_that_fits_no_whole_of_its_entity_is_not_refuted():
    checks = check_text(_STORAGE.format(share="45%"))
    assert _one(checks, "45%").verdict == "unverifiable"


# ---- "由 A - B": a flattened 由A降至B (16)
_METALS = ("永磁板块实现营业收入合计为 326 亿元，同比下降 5.8%；实现净利润 4.4 亿元，同比下降 10.7%；"
           "销售毛利率由 14.4% - 13.8%，同比下降 0.6 个百分点；净利率由 4.3% - 2.2%，同比下降 1.4 个百分点。")


def test_dash_between_levels_after_you_is_a_change():
    checks = check_text(_METALS)
    assert _one(checks, "0.6 个百分点").verdict == "consistent"
    wrong = _one(checks, "1.4 个百分点")
    assert wrong.verdict == "inconsistent" and wrong.computed == "2.1"
    # B is this period's margin: 4.4 / 326 = 1.35%, not 2.2%
    margin = _one(checks, "2.2%")
    assert margin.verdict == "inconsistent" and margin.inputs == ["4.4 亿元", "326 亿元"]


def test_a_range_without_you_is_not_a_change():
    checks = check_text("稀土板块营业收入合计为 600 亿元，同比下降 9.5% - 7.7%。")
    assert not [c for c in checks if c.kind == "change" and c.verdict != "unverifiable"]


# ---- levels and growths paired by position with consecutive periods (12)
_CHIPS = "2024Q1、2025Q1 半导体设备板块营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、{g}。"


def test_growths_paired_by_position_with_consecutive_periods():
    wrong = _one(check_text(_CHIPS.format(g="38.85%")), "38.85%")
    assert wrong.verdict == "inconsistent" and wrong.computed.startswith("7.46")
    assert _one(check_text(_CHIPS.format(g="7.46%")), "7.46%").verdict == "consistent"


def test_growths_paired_with_periods_not_one_year_apart_are_not_judged():
    checks = check_text("2023Q1、2025Q1 半导体设备板块营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、38.85%。")
    assert not [c for c in checks if c.verdict == "inconsistent"]


def test_an_error_restated_in_another_paragraph_is_one_relation():
    text = (_CHIPS.format(g="38.85%") + "\n\n2024&2025Q1 十六家主要半导体设备公司营收加速增长，"
            "2024Q1、2025Q1 营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、38.85% 。")
    wrong = [c for c in check_text(text) if c.verdict == "inconsistent"]
    assert len(wrong) == 1
    assert any("十六家" in s for s in wrong[0].input_sentences)  # the restatement stays doubtful


# ---- totals and their parts, and the total's growth (85, 922)
_BEAUTY = ("从板块整体来看，2024 年美护板块营收合计 731.7 亿元，同比 + 12%，归母净利润 {np} 亿元，同比 - 1.2%，"
           "收入端相对稳健。其中，化妆品板块合计营收 605.6 亿元，同比 + 13%，归母净利润 69.2 亿元，同比 - 9%；"
           "医美板块营收 126.1 亿元，同比 + 12%，归母净利 31.3 亿元，同比 + 20%，胶原赛道表现亮眼。")


def test_total_before_qizhong_sums_its_metric_and_derives_its_growth():
    checks = check_text(_BEAUTY.format(np="100.5"))
    total = [c for c in _by_stated(checks, "100.5 亿元") if c.kind == "sum"]
    assert total and total[0].verdict == "consistent" and total[0].inputs == ["69.2 亿元", "31.3 亿元"]
    growth = _one(checks, "- 1.2%")
    # the unstated intermediate (last year's total, from each part and its growth) is shown
    assert growth.verdict == "consistent" and growth.derived
    assert "69.2 亿元/(1-9%)" in growth.relation and "31.3 亿元/(1+20%)" in growth.relation
    assert [c.verdict for c in _by_stated(checks, "+ 12%") if c.derived] == ["consistent"]


def test_parts_that_do_not_add_up_to_the_total_are_not_refuted():
    checks = check_text(_BEAUTY.format(np="110.5"))
    assert not [c for c in checks if c.verdict == "inconsistent"]


_PCB = """### 1.1 收入利润均实现高增

大族数控、芯碁微装两家企业 2025 年合计营收 71.81 亿元，同比增长 67%。

### 4.1 大族数控

全球 PCB 钻孔设备龙头，2025 年营收 57.73 亿元，同比增长 72.7%；2026 年第一季度营收 19.55 亿元，同比增长 103.7%。

### 4.5 芯碁微装

直写光刻龙头，2025 年营收 14.08 亿元，同比增长 47.6%。
"""


def test_total_of_named_companies_takes_the_figure_of_each_company_section():
    checks = check_text(_PCB)
    total = [c for c in _by_stated(checks, "71.81 亿元") if c.kind == "sum"]
    assert total and total[0].verdict == "consistent" and total[0].inputs == ["57.73 亿元", "14.08 亿元"]
    assert _one(checks, "67%").verdict == "consistent"


# ---- a share's 同比 change with the whole elsewhere (pdf_138)
_OVERSEAS = """1. 市占率提升：八大央企新签订单 16.43 万亿元（同比 - 1.32%），占行业新签比重 48.68%。

海外订单提速

1. 2024 年八大央企海外新签 1.86 万亿元（同比 + 15.44%），占新签总额 11.29%（同比 + {d}pct）。
"""


def test_share_change_derived_from_a_whole_named_by_the_share():
    chk = _one(check_text(_OVERSEAS.format(d="1.64")), "+ 1.64pct")
    assert chk.verdict == "consistent" and chk.derived and "上年占比" in chk.relation
    assert _one(check_text(_OVERSEAS.format(d="3.64")), "+ 3.64pct").verdict == "unverifiable"


# ---- a spread's changes from the two sides' label lists (619)
_SPREADS = """### （一）套利交易回报率

- **中美利差**：期末 6M、1Y、5Y、10Y、30Y 中美国债利差（中国 - 美国）分别为 - 2.41%、-2.21%、-2.06%、-2.26%、-2.55%，较期初分别变动 2bp、5bp、{d5}、-7bp、-5bp。

### （一）中国：人民币兑 SDR 升值，长债利率小幅上行

- **利率**：国债方面，6M、1Y、5Y、10Y、30Y、50Y 利率分别变动 0.0bp、-1.0bp、0.5bp、1.2bp、1.6bp、3.0bp；国开债方面，6M、1Y、5Y、10Y、30Y、50Y 利率分别变动 1.8bp、4.8bp、-2.2bp、-0.2bp、2.6bp、1.3bp。

### （二）美国：美元指数基本持平

- **美债利率**：6M、1Y、5Y、10Y、30Y 美国国债收益率分别变动 - 2bp、-6bp、5bp、8bp、7bp，中长期利率大幅上行。
"""


def test_spread_changes_from_both_sides_lists():
    checks = check_text(_SPREADS.format(d5="-5bp"))
    for stated in ("2bp", "5bp", "-7bp"):
        assert any(c.kind == "difference" and c.verdict == "consistent" for c in _by_stated(checks, stated))
    # the 国开债 list is not the 国债 side: 1Y 4.8 - (-6) = 10.8 would not fit 5bp
    one_y = [c for c in _by_stated(checks, "5bp") if c.kind == "difference"]
    assert one_y[0].inputs == ["-1.0bp", "-6bp"]


def test_spread_change_that_does_not_fit_is_not_refuted():
    checks = check_text(_SPREADS.format(d5="-15bp"))
    assert not [c for c in checks if c.verdict == "inconsistent"]


# ---- a share of a sum of parts (51)
_COAL = """#### 1.1 供给端：产量高增

**产量规模与增速**2025 年一季度原煤产量**12.06 亿吨**，同比增长**9.17%**。全年目标产量 13 亿吨。

- **历史对比**：2024 年一季度产量 11.05 亿吨，同比增速 6.8%。

**区域结构**山西省产量**3.01 亿吨**（同比 + 10.2%），内蒙古**2.85 亿吨**（同比 + 8.5%），陕西**2.42 亿吨**（同比 + 9.8%），三省合计占全国产量**{p}**，延续 “三西” 主导格局。
"""


def test_share_of_a_sum_in_the_whole_of_the_sections_period():
    wrong = _one(check_text(_COAL.format(p="77.3%")), "77.3%")
    assert wrong.verdict == "inconsistent" and wrong.inputs[-1] == "12.06 亿吨" and wrong.derived
    assert _one(check_text(_COAL.format(p="68.7%")), "68.7%").verdict == "consistent"


def test_share_of_a_sum_with_two_wholes_of_the_period_is_not_refuted():
    text = _COAL.format(p="77.3%").replace("2024 年一季度产量 11.05 亿吨", "2025 年一季度动力煤产量 12.50 亿吨")
    assert _one(check_text(text), "77.3%").verdict == "unverifiable"


# ---- a margin's earlier level written beside it (51)
_PROFIT = """#### 收入与成本

- **营业收入**：一季度行业营收**6300 亿元**，同比下降**19%**，主因价格下跌。

#### 盈利与亏损

- **利润总额**：利润总额**804 亿元**，同比下降**47.7%**，净利润**603 亿元**，同比下降**49%**，净利率**9.6%**（2024 年同期 {e}）。
"""


def test_margin_earlier_level_from_the_pair_the_margin_fits():
    wrong = _one(check_text(_PROFIT.format(e="18.2%")), "18.2%")
    assert wrong.verdict == "inconsistent" and wrong.derived and wrong.computed.startswith("15.2")
    assert _one(check_text(_PROFIT.format(e="15.2%")), "15.2%").verdict == "consistent"


def test_margin_earlier_level_with_two_fitting_pairs_is_not_refuted():
    text = _PROFIT.format(e="18.2%").replace(
        "主因价格下跌。", "主因价格下跌；另一口径营收 6310 亿元，同比下降 25%。")
    assert _one(check_text(text), "18.2%").verdict != "inconsistent"


# ---- two shares naming one whole with its own period (619)
_FISCAL = ("财政力度：Q3 至今国债发行 12984 亿美元，同比增加 7987 亿美元，占去年 Q3 名义 GDP 比例 9.03%；"
           "财政净支出 9389 亿美元，同比增加 5246 亿美元，占去年 Q3 名义 GDP 比例 {p}。")


def test_two_shares_of_one_named_whole_imply_one_whole():
    wrong = _one(check_text(_FISCAL.format(p="2.19%")), "2.19%")
    assert wrong.verdict == "inconsistent" and wrong.computed.startswith("6.53")
    assert _one(check_text(_FISCAL.format(p="6.53%")), "6.53%").verdict == "consistent"


def test_shares_of_a_whole_without_its_own_period_are_not_paired():
    # a week's supply and the year's so far are shares of different wholes (corpus 393)
    text = ("其中，LNG 供应量为 25.8 亿方，周环比下降 3.8%，占天然气供应量的 57.6%；"
            "其中，LNG 累计供应量为 809.5 亿方，同比上升 23.5%，占天然气供应量的 45.9%。")
    assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


# ---- a margin of a list paired with periods, with the only profit and revenue of its period (12)
_CHIP_MARGINS = """## 二、营收

2024Q1、2025Q1 半导体设备板块营收分别达 713.99 亿元、767.27 亿元，同比增长 36.05%、7.46%。

## 三、利润

2024 年归母净利润 116.57 亿元，同比增长 17.30%；2025Q1 归母净利润 25.55 亿元，同比增长 41.20%。

## 四、净利率

2024&2025Q1 十六家半导体设备公司归母净利率为 16.35%、{m}，2025Q1 同比下降 2.61pct；非归母净利率 2024&2025Q1 为 14.22%、13.04%。
"""


def test_margin_paired_with_its_period_and_the_only_profit_and_revenue_of_it():
    wrong = _one(check_text(_CHIP_MARGINS.format(m="14.49%")), "14.49%")
    assert wrong.verdict == "inconsistent" and wrong.inputs == ["25.55 亿元", "767.27 亿元"]
    assert _one(check_text(_CHIP_MARGINS.format(m="3.33%")), "3.33%").verdict == "consistent"


def test_margin_on_another_basis_or_without_its_period_revenue_is_not_refuted():
    checks = check_text(_CHIP_MARGINS.format(m="14.49%"))
    # 非归母净利率 is on total profit; 2024's revenue is not stated (713.99 is 2024Q1's)
    assert all(c.verdict != "inconsistent" for s in ("13.04%", "16.35%") for c in _by_stated(checks, s))


# ---- a gap between two named levels written in the sentences before (177)
_INDICES = """## 一、行情回顾

1. 建筑材料指数涨幅 6.77%，建筑装饰指数涨幅 8.48%。

2. 同期沪深 300 指数下跌 2.58%，上证指数上涨 9.92%。

3. 建筑材料指数超涨沪深 300 指数 {g}，建筑装饰超涨 11.05 个百分点。
"""


def test_gap_between_named_levels_in_earlier_sentences():
    checks = check_text(_INDICES.format(g="9.35 个百分点"))
    first = _one(checks, "9.35 个百分点")
    assert first.verdict == "consistent" and first.inputs == ["6.77%", "2.58%"]
    # the second gap keeps the first one's benchmark
    assert _one(checks, "11.05 个百分点").verdict == "consistent"
    wrong = _one(check_text(_INDICES.format(g="4.35 个百分点")), "4.35 个百分点")
    assert wrong.verdict == "inconsistent" and wrong.computed == "9.35"


def test_gap_with_two_levels_after_a_name_is_not_refuted():
    text = _INDICES.format(g="4.35 个百分点").replace("上证指数上涨 9.92%。", "上证指数上涨 9.92%，年初至今沪深 300 指数上涨 1.77%。")
    assert _one(check_text(text), "4.35 个百分点").verdict == "unverifiable"


# ---- a CAGR clause after a ； shares the year span of the CAGR clause before it (530)
_DIVIDENDS = "2019-24 财年，上市央企分红从 7895 亿增至 12957 亿，CAGR 10.4%；地方国企上市公司合计分红从 2847 亿增至 4522 亿，CAGR {g}。"


def test_cagr_after_a_semicolon_takes_the_span_of_the_clause_before():
    assert _one(check_text(_DIVIDENDS.format(g="9.7%")), "9.7%").verdict == "consistent"
    assert _one(check_text(_DIVIDENDS.format(g="12.7%")), "12.7%").verdict == "inconsistent"


def test_cagr_after_a_clause_without_a_cagr_keeps_its_years_unknown():
    text = "2019-24 财年，上市央企分红规模持续增长；地方国企上市公司合计分红从 2847 亿增至 4522 亿，CAGR 12.7%。"
    assert _one(check_text(text), "12.7%").verdict == "unverifiable"


# ---- a margin's change against a year written after 较 (189)
_MARGINS = """#### 整体业绩表现

1. **营收规模**：2024 年阳光电源以 778.57 亿元营收居首（同比 + 8%），上能电气 47.73 亿元（同比 - 3%）。2025 年 Q1，阳光电源营收 190.36 亿元（同比 + 51%），上能电气 8.31 亿元（同比 + 17%）。

2. **净利润**：2024 年阳光电源归母净利润 110.36 亿元（同比 + 17%），上能电气 4.19 亿元（同比 + 46%）；2025 年 Q1 阳光电源 38.26 亿元（同比 + 83%），上能电气 0.88 亿元（同比 + 72%）。

#### 毛利率与净利率

2. **净利率**：上能电气 2025 年 Q1 净利率 10.6%，较 2024 年提升 {d} 个百分点。
"""


def test_margin_change_against_the_named_year_of_the_same_entity():
    chk = _one(check_text(_MARGINS.format(d="2")), "2 个百分点")
    assert chk.verdict == "consistent" and chk.derived and chk.inputs == ["10.6%", "4.19 亿元", "47.73 亿元"]
    # 阳光电源's 2024 margin (14.2%) is not 上能电气's: a change that fits no pair is not refuted
    assert _one(check_text(_MARGINS.format(d="5")), "5 个百分点").verdict == "unverifiable"


# ---- a margin whose profit and revenue are dated only by a year written after them (36)
_BUILD = """#### 2024 年整体数据

- CS 建筑板块营收 8.7 万亿元，同比 - 4.10%，为 2015-2024 年首次年度营收下滑。

- 归母净利润 1689 亿元，同比 - 14.40%，下滑幅度超 2021 年疫情影响（-2.38%）。

#### 毛利率与净利率

- 归母净利率 {margin}，同比 - 0.23pct，主要因：
"""


def test_a_year_written_after_a_level_is_not_its_period():
    # "2015-2024 年" and "2021 年" follow the levels: neither is their year; 1689 / 87000 = 1.941%
    level = _one(check_text(_BUILD.format(margin="1.94%")), "1.94%")
    assert level.verdict == "consistent" and level.inputs == ["1689 亿元", "8.7 万亿元"] and not level.refutable
    # a margin no pair fits is still not refuted (the pair is only one that lines up)
    wrong = check_text(_BUILD.format(margin="2.94%"))
    assert not [c for c in wrong if c.verdict != "unverifiable"]
