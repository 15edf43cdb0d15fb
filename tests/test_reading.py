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
