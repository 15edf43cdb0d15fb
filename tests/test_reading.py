"""The reading stage, rule by rule, on sentences taken from real broker articles of the evaluation
set: outline, frames, attribution, stance relations, risk statements, items that stand alone."""

from __future__ import annotations

from datetime import datetime

import pytest

from macrodesk.readers import article_from_text
from macrodesk.reading import expected_points, not_a_risk, read, theme_heads
from macrodesk.reading.claims import resolve_period
from macrodesk.reading.outline import section_kind, strip_numbering
from macrodesk.reading.risks import is_forward_adverse
from macrodesk.reading.standalone import glued_figures, lost_referent


def model(text: str, title: str = "测试"):
    return read(article_from_text(text, source_name="t", title=title))


def directions(text: str, title: str = "测试") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for st in model(text, title).stances:
        out.setdefault(st.theme, set()).add(st.direction)
    return out


# ---- outline ------------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, bare", [
    ("（一）地产链出清已近尾声", "地产链出清已近尾声"),
    ("一、核心观点", "核心观点"),
    ("2.2.1 房地产下行致国内钢材消费下降", "房地产下行致国内钢材消费下降"),
    ("3、加速扩围探索新消费增长点", "加速扩围探索新消费增长点"),
    ("① 储能需求超预期", "储能需求超预期"),
    ("第一，政策预期提振板块", "政策预期提振板块"),
])
def test_heading_numbering_is_stripped(heading, bare):
    assert strip_numbering(heading) == bare


@pytest.mark.parametrize("heading", ["2000-2011 年房价与战争", "2025年铜价展望", "10%的关税", "第一季度净息差回落"])
def test_heading_numbering_never_eats_a_year_or_figure(heading):
    assert strip_numbering(heading) == heading


def test_title_cues_say_how_many_points():
    assert expected_points("美国6月CPI的5点观察") == 5
    assert expected_points("下半年三大看点") == 3
    assert expected_points("2025.6.3有色钢铁行业观察") == 0


def test_section_kinds():
    assert section_kind("六、风险提示") == "risk"
    assert section_kind("核心观点") == "core"
    assert section_kind("免责声明") == "skip"
    assert section_kind("二、需求端分析") == "body"


def test_outline_finds_bold_and_numbered_lines_and_questions():
    m = model("# 标题\n\n**存储板块**\n\n存储芯片价格上涨。\n\n1. 关税影响几何\n\n内容。\n\n降息周期开启了吗？\n\n正文。")
    kinds = {h.text: h.kind for h in m.outline}
    assert "存储板块" in kinds
    assert kinds.get("关税影响几何") == "numbered"
    assert kinds.get("降息周期开启了吗？") == "question"


# ---- frames ------------------------------------------------------------------------------------

def test_frame_carries_the_label_and_resolves_relative_periods():
    m = model("纺织制造板块：同比 + 4.5%，今年以来跑赢大盘。")
    frame = next(iter(m.frames.values()))
    assert frame.entity == "纺织制造板块" and frame.source == "label"
    pub = datetime(2025, 6, 3)
    assert resolve_period("今年", pub) == "2025年"
    assert resolve_period("去年", pub) == "2024年"
    assert resolve_period("本周", pub) == "2025年第23周"


# ---- attribution ---------------------------------------------------------------------------------

def test_reported_view_then_rebuttal_is_rebutted():
    m = model("多数投资者认为银行息差仍将大幅收窄。但我们认为，贷款集中重定价期已过，息差降幅将收窄。")
    atts = [m.claims[s.id].attribution for s in m.article.sentences]
    assert atts == ["rebutted", "author"]


def test_reported_view_of_an_institution():
    m = model("高盛预计美联储年内降息两次。")
    c = next(iter(m.claims.values()))
    assert c.attribution == "reported" and c.holder == "高盛"


# ---- stance relations ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, theme", [
    ("钼消费结构中钢铁占比约八成。", "consumer_discretionary"),
    ("进入消费旺季后铜需求有望回升。", "consumer_discretionary"),
    ("降低贷款利率以支持家居消费。", "banks"),
    ("两机零部件订单饱满。", "autos"),
])
def test_compounds_that_are_not_themes(text, theme):
    assert theme not in theme_heads(text)


def test_tariff_rise_is_negative_for_the_exporters_named():
    got = directions("美国对中国纺织服装加征关税，纺织服装出口承压。", title="纺织服装观察")
    assert got.get("textiles_apparel") == {"negative"}


def test_rising_yields_are_negative_for_bonds():
    got = directions("美国十年期国债收益率大幅上升。", title="债市观察")
    assert got.get("bonds") == {"negative"}


def test_resistance_to_tariffs_is_not_a_tariff_hit():
    got = directions("纺织制造龙头东南亚产能占比高，抗关税能力强，纺织服装订单有望回升。", title="纺织服装观察")
    assert "negative" not in got.get("textiles_apparel", set())


def test_theme_in_a_cause_clause_takes_no_stance():
    got = directions("受房地产下行影响，钢铁需求走弱。钢铁供给收缩有望改善盈利。", title="钢铁行业")
    assert "real_estate" not in got


def test_risk_disclaimer_does_not_turn_the_call_bearish():
    text = ("我们看好黄金板块的投资机会。黄金的配置需求有望支撑金价继续创新高。\n\n"
            "风险提示：黄金需求不及预期；美联储降息节奏不及预期。")
    got = directions(text, title="黄金观察")
    assert got.get("gold") == {"positive"}


def test_a_theme_under_a_label_is_read_from_the_label():
    got = directions("银行：地产贷款修复，政策预期提振板块。银行净息差企稳。", title="银行观察")
    assert got.get("banks") == {"positive"} and "real_estate" not in got


# ---- risk statements -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "若减产执行率进一步下滑（当前 78%），可能导致全球供给超预期增加",
    "经济增速不及预期，企业和居民偿债能力下降",
    "需警惕地缘冲突升级对油价的冲击",
])
def test_forward_adverse_statements_are_risks(text):
    assert is_forward_adverse(text) and not not_a_risk(text)


@pytest.mark.parametrize("text, why", [
    ("东南亚产能占比高,抗关税能力强", "mitigation"),
    ("中小银行风险收敛降低了银行业系统性风险", "mitigation"),
    ("若不考虑补贴退坡，装机增速仍将回落", "counterfactual"),
    ("本报告基于 OPEC + 增产节奏均匀假设", "methodology"),
    ("美伊核谈判可能缓解地缘风险", "mitigation"),
    ("中美关系缓和：详见上文第10条信息", "pointer"),
])
def test_non_risks(text, why):
    assert not_a_risk(text) == why


def test_author_risk_list_gives_noun_phrase_titles():
    m = model("正文。\n\n风险提示：1）美国经济衰退：若 GDP 增速低于 1.5%，石油消费可能同比减少 1.2%；"
              "2）中国地产复苏不及预期。")
    titles = [r.title for r in m.risks if r.listed]
    assert titles == ["美国经济衰退", "中国地产复苏不及预期"]
    assert all(r.title != r.explanation.rstrip("。") for r in m.risks)


def test_realised_results_in_the_body_are_not_risks():
    m = model("由于抢装后的需求退坡，6 月新增装机量环比下滑幅度较大。")
    assert m.risks == []


# ---- items that stand alone, glued figures -------------------------------------------------------

@pytest.mark.parametrize("text", ["主要在于PPI转正时点的判断", "主要逻辑是收入预期偏弱", "其逻辑在于，第一",
                                  "此外，出口回落", "同比 + 4.5%，环比改善"])
def test_items_that_cannot_stand_alone(text):
    assert lost_referent(text)


@pytest.mark.parametrize("text", ["第一季度GDP同比增长5.4%", "其他行业订单平稳", "美国CPI同比2.7%"])
def test_items_that_stand_alone(text):
    assert not lost_referent(text)


def test_glued_figures():
    assert glued_figures("失业率升至12.3%2（剔除季节因素后）") == ["3%2"]
    assert glued_figures("区间10%~41%，最低20%，3月5日") == []


# ---- clean text before markup ---------------------------------------------------------------------

def test_footnote_markers_go_before_markup_and_links_need_an_address():
    from macrodesk.segment import strip_markup

    assert strip_markup("失业率升至12.3%[2](剔除季节因素后)") == "失业率升至12.3%(剔除季节因素后)"
    assert strip_markup("见[官网](https://example.org/a)") == "见官网"
    assert strip_markup("增速达5%①，其中") == "增速达5%，其中"
    assert strip_markup("纺织制造:外贸承压,区域转移;关注龙头") == "纺织制造：外贸承压，区域转移；关注龙头"
    assert strip_markup("10:30发布,共1,000家") == "10:30发布，共1,000家"


def test_bare_consumption_is_the_aggregate_not_the_sector():
    assert "consumer_discretionary" not in theme_heads("2026年消费增速小幅放缓")
    assert "consumer_discretionary" in theme_heads("对消费板块投资继续保持谨慎")


# ---- issue 12, second round: the theme must head the subject, the stance be the author's view -----

@pytest.mark.parametrize("text, theme", [
    ("今年以来风电、热塑等中高端产品内需景气度高。", "wind"),  # examples of 产品
    ("同时可关注电力 AI、虚拟电厂、配电改造等机会。", "ai_computing"),
    ("灵活煤电需求支撑可再生能源、化工用煤需求增长抵消水泥等行业用煤下滑。", "chemicals"),  # 化工 uses coal
    ("家居建材消费需求有望持续释放。", "home_furnishing"),  # 家居建材 is building materials
    ("AI 正循环带动电气设备需求景气。", "ai_computing"),  # AI drives, equipment gains
    ("电动车零部件和铜铝箔受益于机器人和算力情绪修复。", "ai_computing"),  # 算力 is the cause
    ("金价中长期上行预期强化保值属性利好销售。", "gold"),
    ("芯片需求 = CapEx × 算力芯片投资在 CapEx 占比 × 芯片投资性价比。", "semiconductors"),
    ("周前期，美国原油库存增加、市场预期 OPEC+10 月进一步增产、美国 8 月非农就业数据疲软，国际油价连跌两日。",
     "oil_gas"),
])
def test_themes_named_as_examples_drivers_or_modifiers_take_no_stance(text, theme):
    assert theme not in directions(text, title="行业周报")


def test_an_enumeration_of_sectors_keeps_its_subjects():
    assert directions("银行、券商等板块有望受益于政策宽松。", title="银行观察").get("banks") == {"positive"}
    got = directions("国内外人工智能大模型爆发带动 AIDC 需求提升。", title="AIDC行业观察")
    assert got.get("communication_equipment") == {"positive"} and "ai_computing" not in got


def test_a_recommended_theme_makes_the_earlier_clause_a_driver():
    got = directions("核心观点：美债危机叠加关税冲击，关注黄金板块投资机会。", title="黄金观察")
    assert got.get("gold") == {"positive"} and "bonds" not in got


def test_concession_and_cleared_risk_are_not_bearish():
    got = directions("虽当前住户消费贷款增长疲软，但零售信贷有望边际修复。银行相关存量敞口风险加速出清，拨备压力减轻。",
                     title="银行观察")
    assert got.get("banks") == {"positive"}


def test_price_prints_are_not_views():
    m = model("钢铁行业：普钢价格整体下跌，螺纹消耗量微增。", title="钢铁周报")
    assert m.stances and not any(st.view for st in m.stances if st.theme == "steel")


def test_a_risk_list_item_that_shares_its_predicate_is_one_risk():
    m = model("正文。\n\n## 风险提示\n\n1. 需求放量、产量释放节奏不及预期；\n\n2. 美国对页岩油生产环保、融资等政策调整的风险。")
    assert [r.title for r in m.risks] == ["需求放量、产量释放节奏不及预期", "美国对页岩油生产环保、融资等政策调整"]


def test_a_listed_risk_is_titled_by_its_adverse_clause_not_a_fact_or_framing():
    m = model("正文。\n\n## 风险提示\n\n1. 海外市场为新能源市场重要组成部分，国际贸易摩擦加剧将影响国内企业需求。\n\n"
              "2. 海外方面，各主要国家对新能源行业的支持力度若不及预期，则新兴产业增长或将放缓。\n\n"
              "3. 极端天气频发：持续干旱会导致草场面积萎缩。")
    titles = [r.title for r in m.risks]
    assert titles[0].startswith("国际贸易摩擦加剧") and not titles[1].startswith("海外方面")
    assert titles[2] == "极端天气频发"


@pytest.mark.parametrize("text", [
    "供需平衡方面，若没有高价格引发的矿端增速上行，供需缺口将呈现扩大趋势，推动铜价重心逐步上移。",
    "市场表现不及预期，成本支撑尚可，业者心态一般，下游采购一般，贸易商让利促成交。",
    "国内年产能有望减少至 230 万吨左右，开工率保持在 60% 左右。",
])
def test_counterfactuals_realised_misses_and_hopes_in_the_body_are_not_risks(text):
    assert model(text).risks == []


def test_a_body_risk_is_explained_from_its_condition_not_the_news_before_it():
    m = model("泰克资源年内第二次下调旗下 QB 矿产量指引，且若 QB 矿建设工作进度不及预期，可能导致 2026-2027 年铜矿生产进一步中断。")
    assert m.risks and m.risks[0].explanation.startswith("若 QB 矿")


# ---- single-company lines ------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("亚瑟士：受益于价格组合、产品组合和渠道组合的改善，毛利率持续提升。", "亚瑟士"),
    ("洋河股份：2025 年 H1E 收入 153.7 亿元，同比下降 32.8%；", "洋河股份"),
    ("PPIH 5 月本土同店销售收入同比 + 7.7%，客流量 + 2.6%，客单价 + 5.0%。", "PPIH"),
])
def test_single_company_lines(text, name):
    from macrodesk.reading.subjects import company_subject, single_company

    s = article_from_text(text, source_name="t", title="日本消费观察").sentences[0]
    assert company_subject(s) == name and single_company(s, "日本消费观察")
    assert not single_company(s, f"{name}深度报告")  # the piece is about that company


@pytest.mark.parametrize("text", [
    "5 月日本核心 CPI 同比增长 3.7%，连续第 38 个月维持在央行 2% 的目标之上。",
    "水电公司平均折旧年限约 20 年，远低于电站实际运营年限。",
    "苯乙烯价差：863 元 / 吨（环比 + 30%，同比 + 283%）。",
    "产品迭代创新加速：个护行业此前更新慢，近年营收增速提升。",
    "上榜公司数量最多的行业为机械设备、计算机、电子。",
])
def test_markets_sectors_and_topics_are_not_single_companies(text):
    from macrodesk.reading.subjects import company_subject

    assert company_subject(article_from_text(text, source_name="t", title="观察").sentences[0]) == ""


def test_the_effect_of_a_cause_clause_still_speaks_and_a_metric_compound_keeps_its_theme():
    # "因X致Y": X is the cause, Y (原油价格走弱, one jieba token "原油价格") is what the clause says
    got = directions("因 OPEC + 增产致原油价格走弱，核心耐用消费品环比下跌0.11%。", title="原油观察")
    assert got.get("oil_gas") == {"negative"}
    assert "oil_gas" not in directions("因 OPEC + 增产，市场情绪转弱。", title="原油观察")
