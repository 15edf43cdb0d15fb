"""Paragraphs, headings and sentences of Chinese articles."""

from macrodesk.segment import classify_line, segment, split_sentences


def test_split_at_chinese_terminators_not_inside_numbers_or_brackets():
    text = "进口同比增长8.1%，高于预期。库存仅增1.9%（前值2.3%；修正后2.1%）！是否持续？关注数据；"
    assert split_sentences(text) == [
        "进口同比增长8.1%，高于预期。",
        "库存仅增1.9%（前值2.3%；修正后2.1%）！",
        "是否持续？",
        "关注数据；",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert split_sentences("他说：“出口承压。”随后数据公布。") == ["他说：“出口承压。”", "随后数据公布。"]


def test_headings_of_every_kind():
    assert classify_line("## 一、核心观点")[0:2] == ("heading", 2)
    assert classify_line("一、进口企稳信号")[0] == "heading"
    assert classify_line("（二）库存情况")[0] == "heading"
    assert classify_line("1. **耐用品分项受能源与关税双重影响**")[0] == "heading"
    assert classify_line("1. 内需复苏：进口同比+1.1%（前值-3.4%），主因数量增长。")[0] == "list"
    assert classify_line("第一，中国出口具备韧性，在高关税下仍可保持份额稳定。")[0] != "heading"


def test_segment_tracks_sections_tables_and_bold_leads():
    text = "导语一句话。\n\n## 一、数据\n\n| 指标 | 同比 |\n| --- | --- |\n| CPI | 2.4% |\n\n" \
           "## 二、判断\n\n**关税影响**：耐用品价格或回升。\n"
    paragraphs, sentences = segment(text, "a1")
    assert [(s.kind, s.section_index) for s in sentences] == [
        ("prose", 0), ("heading", 1), ("table", 1), ("table", 1), ("heading", 2), ("prose", 2)]
    assert sentences[1].text == "一、数据"
    table = [s for s in sentences if s.kind == "table"]
    assert table[1].text == "CPI，2.4%" and table[1].figures[0].value == 2.4
    assert sentences[-1].bold_lead == "关税影响"
    assert sentences[-1].text == "关税影响：耐用品价格或回升。"


def test_a_line_broken_on_an_operator_goes_on_and_a_figure_opens_no_item():
    # pdf_138: "…销售 " / "/ 管理 / 财务费用率分别 +" / "0.04pct/+0.05pct/+0.10pct。": the figure's "0." is
    # no list marker, a line ending on "+" or "/" goes on, and so does one starting with "/" or "%"
    _, sentences = segment("# t\n\n主要结论如下：\n- 第一条\n1. 销售 \n/ 管理费用率分别 + \n0.04pct/+0.05pct。\n"
                           "增速分别为 3.1\n%、23.2%。\n0.5 亿元的利润。\n2. 第二项\n", "a")
    got = [(s.kind, s.text) for s in sentences if s.kind != "heading"]
    assert got == [("prose", "主要结论如下："), ("list", "第一条"), ("list", "销售/ 管理费用率分别 +0.04pct/+0.05pct。"),
                   ("prose", "增速分别为 3.1%、23.2%。"), ("prose", "0.5 亿元的利润。"), ("list", "第二项")]
