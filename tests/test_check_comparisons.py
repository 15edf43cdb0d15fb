"""Comparisons stated in words, judged against the figures the article gives (922: "其中大族数控、
芯碁微装业绩增速高于行业平均", while 芯碁微装 grew 47.6% / 80.4% against the five firms' 55% / 124%)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.comparisons import find_comparisons
from macrodesk.readers import article_from_bytes

CLAIM = ("大族数控、芯碁微装、东威科技、凯格精机、鼎泰高科五家企业 2025 年合计营收 116 亿元，同比增长 55%，"
         "合计净利润 18.55 亿元，同比增长 124%。其中大族数控、芯碁微装业绩增速高于行业平均，钻针领域利润弹性"
         "随服务器升级逐步释放。")
DAZU = ("全球 PCB 钻孔设备龙头，2025 年营收 57.73 亿元，同比增长 72.7%，归母净利润 8.24 亿元，同比增长 "
        "173.7%；2026 年第一季度营收 19.55 亿元，同比增长 103.7%。")
XINQI = ("直写光刻龙头，2025 年营收 14.08 亿元，同比增长 47.6%，归母净利润 2.90 亿元，同比增长 80.4%；"
         "2026 年第一季度营收 5.15 亿元，同比增长 112.5%。")


def article(claim: str, sections: dict[str, str]):
    body = "## 一、业绩\n\n" + claim + "\n\n## 四、标的\n\n" + "".join(
        f"### 4.{i} {name}\n\n{text}\n\n" for i, (name, text) in enumerate(sections.items(), 1))
    return article_from_bytes(body.encode("utf-8"), "pcb.md", ".md")


def test_a_named_company_below_the_group_on_every_metric_is_an_error():
    (chk,) = find_comparisons(article(CLAIM, {"大族数控": DAZU, "芯碁微装": XINQI}))
    assert chk.verdict == "inconsistent" and chk.kind == "comparison"
    assert chk.stated == "高于行业平均"
    # the 2025 figures, not 2026Q1's 112.5%, which would beat 55%
    assert "+47.6% vs 行业 +55%" in chk.relation and "112.5" not in chk.relation
    assert any("直写光刻龙头" in s for s in chk.input_sentences)


def test_the_claim_holds_when_every_named_company_beats_the_group():
    claim = CLAIM.replace("其中大族数控、芯碁微装", "其中大族数控")
    (chk,) = find_comparisons(article(claim, {"大族数控": DAZU, "芯碁微装": XINQI}))
    assert chk.verdict == "consistent"


def test_mixed_metrics_or_a_missing_section_prove_nothing():
    # revenue above the group, profit below: 业绩 may mean either, so no verdict
    mixed = XINQI.replace("同比增长 47.6%", "同比增长 60.1%")
    (chk,) = find_comparisons(article(CLAIM, {"大族数控": DAZU, "芯碁微装": mixed}))
    assert chk.verdict == "unverifiable"
    # 芯碁微装 has no section of its own: its growth is not certain
    (chk,) = find_comparisons(article(CLAIM, {"大族数控": DAZU}))
    assert chk.verdict == "unverifiable"


def test_check_text_reports_it_with_the_other_relations():
    checks = check_text(CLAIM)  # no company sections: nothing to compare
    assert not [c for c in checks if c.kind == "comparison"]


def test_its_risk_note_reads_without_a_recomputed_number():
    from macrodesk.checks.arithmetic import risk_notes

    (chk,) = find_comparisons(article(CLAIM, {"大族数控": DAZU, "芯碁微装": XINQI}))
    (note,) = risk_notes([chk])
    assert "与所述 高于行业平均 不符" in note and "推算约为" not in note
    assert "芯碁微装 2025收入同比 +47.6% vs 行业 +55%" in note
