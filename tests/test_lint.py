"""Tests of the post checker: each defect kind on a post that has it and one that does not, the
sample post's known defects, figure tracing against sources, and the `macrodesk lint` command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from macrodesk.audit import lint_file
from macrodesk.checks.post import Finding, has_defects, lint_text
from macrodesk.cli import app
from macrodesk.errors import InputError
from macrodesk.etf import lookup
from macrodesk.readers import article_from_text, read_article
from macrodesk.text.similarity import near_duplicate

from .conftest import FIXTURES

LINT = FIXTURES / "lint"
runner = CliRunner()

ITEMS = [
    "美国商品进口同比增长较快，显著高于前期水平。",
    "美国库存增长缓慢，库销比处于历史中低位。",
    "进口与库存背离主因是AI投资旺盛。",
    "电力设备产品在年中后仍保持出口韧性。",
    "家具皮革等在非美市场存在明显抢出口。",
    "工业化相关产品拉动中国出口增量。",
    "光伏组件出口价格企稳，海外订单回暖。",
    "抢出口类产品存在透支效应，后续回落。",
    "新能源车出口韧性或持续，但存不确定性。",
    "明年中国出口增速或温和放缓。",
]
BULL = [("**半导体设备**", "AI服务器拉动设备需求", "SOXX、国内半导体设备ETF（159516）")]
BEAR = [("**家居家电**", "抢出口结束", "XHB、国内家电ETF（159996）")]
RISKS = ["**AI资本开支不及预期**：拖累设备投资需求。", "**地缘政治升级**：冲击全球供应链稳定性。"]


def make_post(*, items=ITEMS, bull=BULL, bear=BEAR, overview="美国进口增长较快而库存平稳，**AI产业链**支撑中国出口。",
              detail="全球资本开支转向生产力投资。", risks=RISKS, front=None, replace=()) -> str:
    front = front or ['layout: post', 'title: "macr_research_2025-12-23"',
                      'date: "2025-12-23 15:36:19 +0800"', 'posttime: "2025-12-23 15:36:19 +0800"']

    def row(cells):
        return "| " + " | ".join(cells) + " |"
    text = "\n".join([
        "---", *front, "---", "",
        "# 出口韧性分析 —— 市场研究摘要", "",
        "## 简要部分（用户优先阅读）", "",
        "### 主要话题与市场趋势概述", "", overview, "",
        "### 对于交易影响可能最大的10个信息", "",
        *[f"{i}. **{t}**" for i, t in enumerate(items, start=1)], "",
        "---", "", "## 详细部分", "",
        "### 1. 事件或主题概述", "", detail, "", "---", "",
        "### 2. 核心驱动与影响分析：投资逻辑分步解释", "",
        "#### 第一步：识别进口增长", "- 美国进口增长快于库存。", "",
        "> **核心投资逻辑**：配置技术密集型产业链。", "", "---", "",
        "### 3. 相关ETF或行业的潜在影响", "",
        "#### 利好行业与标的", "| 行业 | 逻辑 | 潜在ETF |", "|------|------|---------|",
        *[row(r) for r in bull], "",
        "#### 利空或承压行业", "| 行业 | 逻辑 | 潜在ETF |", "|------|------|---------|",
        *[row(r) for r in bear], "",
        "> **配置建议**：超配技术导向型制造业。", "", "---", "",
        "### 4. 主要风险与不确定性", "",
        *[f"{i}. {t}" for i, t in enumerate(risks, start=1)], "", "---", "",
        "### 免责条款", "", "本报告不构成投资建议。", "",
    ])
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return text


def kinds(findings: list[Finding]) -> set[str]:
    return {f.kind for f in findings}


def figure_findings(findings: list[Finding]) -> list[Finding]:
    """The findings of figure tracing alone (the made post's rows are not about these sources)."""
    return [f for f in findings if f.kind.startswith("figure")]


def test_made_post_is_clean():
    assert lint_text(make_post()) == []


# ---- the sample post --------------------------------------------------------------------------

def test_example_post_reports_its_wrong_etfs_script_and_english():
    findings = lint_file(LINT / "example_post.md")
    mismatched = {f.message.split(" ")[0]: f.line for f in findings if f.kind == "etf_theme_mismatch"}
    # IWP (mid-cap growth) and ITOT (total market) as the issue says; 159890 is a cloud-computing
    # fund called 半导体设备ETF, 159337 a 中证500 fund called 储能ETF, 560330 a 沪深300价值 fund
    # called 家居ETF, VCR a consumer-discretionary fund called 零售 in a textiles row
    assert mismatched == {"159890": 75, "IWP": 76, "159337": 77, "ITOT": 78, "560330": 84, "VCR": 85}
    assert [(f.line, f.kind) for f in findings if f.kind == "foreign_script"] == [(37, "foreign_script")]
    assert "лишь" in next(f.message for f in findings if f.kind == "foreign_script")
    english = [f for f in findings if f.kind == "english_word"]
    assert [(f.line, "'tech'" in f.message) for f in english] == [(95, True)]
    assert kinds(findings) == {"etf_theme_mismatch", "foreign_script", "english_word"}
    text = " ".join(f.message for f in findings)
    for correct in ("SOXX", "SMH", "ICLN", "DBB", "515880", "515790", "159667", "512400", "XLY"):
        assert correct not in text


def test_example_post_cli_exits_1_and_corrected_post_exits_0():
    bad = runner.invoke(app, ["lint", str(LINT / "example_post.md")])
    assert bad.exit_code == 1
    assert "IWP" in bad.output and "ITOT" in bad.output and ":37:" in bad.output
    good = runner.invoke(app, ["lint", str(LINT / "clean_post.md")])
    assert good.exit_code == 0, good.output
    assert "clean" in good.output


def test_json_output_is_machine_readable():
    result = runner.invoke(app, ["lint", str(LINT / "example_post.md"), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["defects"] is True
    assert {"kind", "line", "message", "severity"} <= set(data["findings"][0])
    assert {(f["kind"], f["line"]) for f in data["findings"]} >= {("etf_theme_mismatch", 76),
                                                                   ("etf_theme_mismatch", 78)}


# ---- each defect kind: a post that has it, and one that does not ------------------------------

@pytest.mark.parametrize(("front", "needle"), [
    (['title: "macr_research_2025-12-23"', "layout: post", 'date: "2025-12-23 15:36:19 +0800"',
      'posttime: "2025-12-23 15:36:19 +0800"'], "order"),
    (["layout: post", 'title: "macr_research_2025-12-23"', 'date: "2025-12-23 15:36:19 +0800"'], "posttime"),
    (["layout: post", 'title: "macr_research_2025-12-23"', "date: 2025-12-23 15:36:19 +0800",
      'posttime: "2025-12-23 15:36:19 +0800"'], "double quotes"),
    (["layout: post", 'title: "macr_research_2025-13-45"', 'date: "2025-12-23 15:36:19 +0800"',
      'posttime: "2025-12-23 15:36:19 +0800"'], "impossible date"),
])
def test_front_matter_defects(front, needle):
    found = [f for f in lint_text(make_post(front=front)) if f.kind == "front_matter"]
    assert found and any(needle in f.message for f in found)


def test_front_matter_extra_keys_after_the_five_are_fine():
    front = ["layout: post", 'title: "macr_research_2025-12-23"', 'date: "2025-12-23 15:36:19 +0800"',
             'posttime: "2025-12-23 15:36:19 +0800"', 'engine: "extractive"']
    assert lint_text(make_post(front=front)) == []
    no_block = make_post().split("---\n", 2)[2]
    assert [f.kind for f in lint_text(no_block)][:1] == ["front_matter"]


def test_heading_missing_and_heading_text():
    missing = lint_text(make_post(replace=[("### 免责条款\n", "")]))
    assert [f.kind for f in missing] == ["heading_missing"]
    assert "免责条款" in missing[0].message
    text = make_post(replace=[("## 简要部分（用户优先阅读）", "## 简要部分(用户优先阅读)")])
    wrong = lint_text(text)
    line = text.split("\n").index("## 简要部分(用户优先阅读)") + 1
    assert [(f.kind, f.line) for f in wrong] == [("heading_text", line)]
    title = lint_text(make_post(replace=[("# 出口韧性分析 —— 市场研究摘要", "# 出口韧性分析 - 市场摘要")]))
    assert kinds(title) == {"heading_text"}


def test_item_count():
    nine = lint_text(make_post(items=ITEMS[:9]))
    assert kinds(nine) == {"item_count"}
    assert "found 9" in nine[0].message
    misnumbered = make_post(replace=[("4. **电力设备", "5. **电力设备")])
    assert [f.kind for f in lint_text(misnumbered)] == ["item_count"]
    assert kinds(lint_text(make_post(items=ITEMS))) == set()


def test_table_shape():
    short_row = lint_text(make_post(bull=[("**半导体设备**", "SOXX")]))
    assert [f.kind for f in short_row] == ["table_shape"]
    header = lint_text(make_post(replace=[("#### 利好行业与标的\n| 行业 | 逻辑 | 潜在ETF |",
                                          "#### 利好行业与标的\n| 行业 | 原因 | ETF |")]))
    assert kinds(header) == {"table_shape"}
    no_rows = lint_text(make_post(bull=[]))
    assert kinds(no_rows) == {"table_shape"}
    assert lint_text(make_post(bear=[])) == []  # the bearish table may be empty


def test_etf_unknown():
    assert lookup("159999") is None and lookup("QQQX") is None
    found = lint_text(make_post(bull=[("**半导体设备**", "设备需求", "QQQX、国内芯片ETF（159999）")]))
    assert [f.kind for f in found] == ["etf_unknown", "etf_unknown"]
    assert ["QQQX" in found[0].message, "159999" in found[1].message] == [True, True]
    prose = lint_text(make_post(detail="关注芯片ETF（159999）的表现。"))
    assert [f.kind for f in prose] == ["etf_unknown"]


def test_etf_theme_mismatch_and_its_absence():
    broad = lint_text(make_post(bull=[("**半导体设备**", "设备需求", "SPY、国内ETF（510300）")]))
    assert [f.kind for f in broad] == ["etf_theme_mismatch", "etf_theme_mismatch"]
    sibling = lint_text(make_post(bull=[("**光伏**", "组件出口", "FAN")]))  # a wind fund
    assert [f.kind for f in sibling] == ["etf_theme_mismatch"]
    label = lint_text(make_post(bull=[("**半导体**", "芯片需求", "SOXX（银行）")]))
    assert [f.kind for f in label] == ["etf_theme_mismatch"] and "银行" in label[0].message
    fitting = make_post(bull=[("**新能源**", "装机增长", "ICLN、国内光伏ETF（515790）"),
                              ("**半导体设备**", "设备需求", "SMH、PSI、国泰中证半导体材料设备主题ETF（159516）")])
    assert lint_text(fitting) == []


def test_foreign_script():
    for word, script in (("하지만", "Hangul"), ("ただし", "Japanese kana"), ("لكن", "Arabic"), ("лишь", "Cyrillic")):
        found = lint_text(make_post(detail=f"关税政策{word}扰动节奏。"))
        assert [f.kind for f in found] == ["foreign_script"] and script in found[0].message
    assert lint_text(make_post(detail="贝塔系数β上升，关税政策只扰动节奏。")) == []


def test_english_word():
    found = lint_text(make_post(detail="中美 tech 脱钩加速，supply 受扰。"))
    assert [f.kind for f in found] == ["english_word", "english_word"]
    assert has_defects(found)
    fine = make_post(detail="AI与IDC需求上行，SOXX走强，利差收窄25bp，Nvidia与iPhone出货增长，CPI回落。")
    assert lint_text(fine) == []


def test_duplicate_item():
    items = list(ITEMS)
    items[6] = "美国商品进口同比增长较快，明显高于前期水平。"  # item 1 with one word changed
    found = lint_text(make_post(items=items))
    assert [f.kind for f in found] == ["duplicate_item"]
    assert "line" in found[0].message
    assert near_duplicate("**美国库存增长缓慢，库销比处于历史中低位。**", "美国库存增长缓慢")
    assert not near_duplicate(ITEMS[0], ITEMS[1])
    assert lint_text(make_post(items=ITEMS)) == []


# ---- figures against the sources --------------------------------------------------------------

SOURCE = read_article(LINT / "source_trade.md")


def test_figures_traced_derived_and_untraced():
    post = make_post(
        overview="2024年11月-2025年9月美国商品进口同比增长8.1%，约680亿美元的增量来自AI与工业化产品。",
        detail="进口增速较2024年高出4.1个百分点，库存仅增1.9%，库存增速或回升至3.5%。",
    )
    findings = lint_text(post, [SOURCE])
    lines = post.split("\n")
    detail_line = next(i for i, t in enumerate(lines, 1) if t.startswith("进口增速"))
    derived = [f for f in findings if f.kind == "figure_derived"]
    assert [(f.line, f.severity) for f in derived] == [(detail_line, "info")]
    assert "8.1% - 4.0%" in derived[0].message and "4.1个百分点" in derived[0].message
    untraced = [f for f in findings if f.kind == "figure_untraced"]
    assert [(f.line, "3.5%" in f.message) for f in untraced] == [(detail_line, True)]
    assert kinds(figure_findings(findings)) == {"figure_derived", "figure_untraced"}


def test_traced_post_is_clean_and_derived_alone_is_not_a_defect():
    post = make_post(overview="美国商品进口同比增长8.1%，库存仅增1.9%，进口增速较上年高出4.1个百分点。")
    findings = lint_text(post, [SOURCE])
    assert kinds(figure_findings(findings)) == {"figure_derived"} and not has_defects(findings)
    assert figure_findings(lint_text(make_post(overview="美国商品进口同比增长8.1%。"), [SOURCE])) == []


def test_untraced_date_and_money():
    post = make_post(overview="2023年3月美国进口规模约990亿美元。")
    found = lint_text(post, [article_from_text("美国进口规模约420亿美元。", source_name="s")])
    assert {f.message.split("'")[1] for f in found if f.kind == "figure_untraced"} == {"2023年3月", "990亿美元"}


def test_cli_sources_and_unusable_input(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(make_post(overview="美国商品进口同比增长8.1%，库存或回升至3.5%。"), encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("# 其他\n\n库存回升至3.5%。\n", encoding="utf-8")
    one = runner.invoke(app, ["lint", str(post), "--sources", str(LINT / "source_trade.md")])
    assert one.exit_code == 1 and "3.5%" in one.output
    both = runner.invoke(app, ["lint", str(post), "--sources", str(LINT / "source_trade.md"), str(other)])
    assert both.exit_code == 0, both.output
    assert runner.invoke(app, ["lint", str(tmp_path / "missing.md")]).exit_code == 2
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00\x00\x81\x82")
    assert runner.invoke(app, ["lint", str(binary)]).exit_code == 2
    assert runner.invoke(app, ["lint", str(post), "--sources", str(tmp_path / "nope.md")]).exit_code == 2
    # without --sources, several arguments are several posts: other.md is linted as a post
    many = runner.invoke(app, ["lint", str(post), str(other)])
    assert many.exit_code == 1 and many.output.strip().splitlines()[-1].startswith("2 posts:")
    with pytest.raises(InputError):
        lint_file(tmp_path / "missing.md")


def test_rows_written_the_engine_way_pass_for_every_theme():
    """A row per theme with the zh name as sector and the first fund of each market, written as the
    digest engine writes them (`<full name>（<code>）`, ticker), is clean: the engine and the
    checker agree on the registry."""
    from macrodesk.etf import etfs_for_theme
    from macrodesk.lexicon import themes

    rows = []
    for key, theme in themes().items():
        cells = [f"{f[0].name}（{f[0].code}）" if m == "cn" else f[0].code
                 for m in ("cn", "us") if (f := etfs_for_theme(key, m))]
        rows.append((f"**{theme.zh}**", "原文所述逻辑", "、".join(cells) or "暂无对应ETF"))
    assert lint_text(make_post(bull=rows)) == []


def test_steps_and_quoted_conclusions():
    no_steps = lint_text(make_post(replace=[("#### 第一步：识别进口增长\n", "")]))
    assert [f.kind for f in no_steps] == ["heading_missing"] and "第一步" in no_steps[0].message
    no_core = lint_text(make_post(replace=[("> **核心投资逻辑**：配置技术密集型产业链。", "配置技术密集型产业链。")]))
    assert [f.kind for f in no_core] == ["block_missing"] and "核心投资逻辑" in no_core[0].message
    no_alloc = lint_text(make_post(replace=[("> **配置建议**：", "建议：")]))
    assert [f.kind for f in no_alloc] == ["block_missing"]


def test_codes_with_exchange_suffix_are_checked():
    found = lint_text(make_post(bull=[("**证券**", "成交活跃", "512880.SH、510300.SH")]))
    assert [(f.kind, f.message.split()[0]) for f in found] == [("etf_theme_mismatch", "510300")]


def test_no_derivation_from_unrelated_source_sentences():
    unrelated = article_from_text("6月CPI同比2.7%，高于预期的2.6%和前值2.4%，能源价格反弹是主因。",
                                  source_name="cpi")
    post = make_post(overview="抢出口类产品贡献为+0.1个百分点，汽车出口同比-5.3%。")
    found = lint_text(post, [unrelated])
    assert [f.kind for f in figure_findings(found)] == ["figure_untraced", "figure_untraced"]


@pytest.mark.parametrize("text", ["", "---\n", "# 只有标题\n", "| a | b |\n|--|--|\n| x |", "---\nx\n---\n### 免责条款\n"])
def test_odd_input_gives_findings_not_crashes(text):
    findings = lint_text(text)
    assert findings and has_defects(findings)


def test_risk_restating_an_item_is_a_warning():
    risks = ["**库存**：美国库存增长缓慢，库销比处于历史中低位。", RISKS[1]]
    found = lint_text(make_post(risks=risks))
    assert [(f.kind, f.severity) for f in found] == [("duplicate_item", "warning")]
    assert lint_text(make_post(risks=RISKS)) == []


# ---- reading against the sources: sector directions and risks ------------------------------------

GOLD_SOURCE = (
    "# 黄金行业观察\n\n## 核心观点\n\n"
    "当下是黄金板块的投资良机。黄金的配置需求和投资价值有望支撑金价继续创新高。\n\n"
    "## 黄金\n\n央行购金延续，黄金配置需求有望持续提升，看好黄金板块。\n\n"
    "## 风险提示\n\n美联储降息不及预期；地缘冲突超预期升级。\n"
)


def test_lint_sources_flags_inverted_row_and_non_risk(tmp_path):
    source = tmp_path / "gold.md"
    source.write_text(GOLD_SOURCE, encoding="utf-8")
    row = ("**黄金与贵金属**", "配置需求有望支撑金价继续创新高", "黄金ETF（518880）")
    none = ("**原文未明确**", "原文未给出明确的利空行业判断", "暂无对应ETF")
    good = make_post(bull=[row], bear=[none], risks=["**美联储降息不及预期**：金价上行动能或减弱。"])
    bad = make_post(bull=[none], bear=[row], risks=["**龙头抗风险能力强**：龙头企业现金流充裕，抗风险能力强。"])
    for text, name in ((good, "good.md"), (bad, "bad.md")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    src = read_article(source)
    found_good = [f for f in lint_text(good, [src]) if not f.kind.startswith("figure")]
    assert not has_defects(found_good), found_good
    found_bad = lint_text(bad, [src])
    assert {"sector_contradicts", "risk_not_risk"} <= kinds(found_bad)
    bad_lines = bad.split("\n")
    flagged = {f.kind: bad_lines[f.line - 1] for f in found_bad if f.kind in ("sector_contradicts", "risk_not_risk")}
    assert "黄金与贵金属" in flagged["sector_contradicts"] and "抗风险" in flagged["risk_not_risk"]
    cli = runner.invoke(app, ["lint", str(tmp_path / "bad.md"), "--sources", str(source)])
    assert cli.exit_code == 1 and "sector_contradicts" in cli.output and "risk_not_risk" in cli.output


def test_lint_flags_items_that_cannot_stand_alone_glued_figures_and_bad_bold():
    items = list(ITEMS)
    items[2] = "主要在于PPI转正时点的判断。"
    items[4] = "失业率升至12.3%2，剔除季节因素后回落。"
    found = lint_text(make_post(items=items, detail="** 关税政策**扰动节奏。",
                                replace=[("#### 第一步：识别进口增长", "#### 第一步：- 识别进口增长")]))
    assert kinds(found) == {"item_not_standalone", "figure_glued", "bold_unrendered", "step_title"}
    assert lint_text(make_post()) == []
