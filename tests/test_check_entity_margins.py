"""A company's net margin and its change against its revenue and profit written elsewhere under
its name (checks/entity_margins.py), from 563 (tests/check_eleventh)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

RESULTS = ("## 一、业绩\n\n2025 年上半年，按归母净利润排序，同花顺营业收入 17.79 亿元，同比增长 28%，归母净利润 5.02 亿元，"
           "同比增长 38%，毛利率 87%；指南针营业收入 9.35 亿元，同比增长 72%，归母净利润 1.43 亿元，同比增长 391%，毛利率 88%。\n\n"
           "## 二、盈利能力\n\n")


def _margins(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.derived) for c in check_text(text) if "written under its name" in c.relation
            or "上年净利率" in c.relation}


def test_the_margin_and_its_change_from_the_companys_results_a_section_away():
    got = _margins(RESULTS + "1. **同花顺**：2025H1 毛利率同比提升 2.1 个百分点至 87.0%，归母净利率同比提升 2.1 个百分点至 28.2%。\n")
    # 5.02 / 17.79 = 28.2%; last year (5.02 / 1.38) / (17.79 / 1.28) = 26.2%: +2.0 (1.8-2.3)
    assert got["28.2%"] == ("consistent", False)
    assert got["2.1 个百分点"] == ("consistent", True)


def test_a_change_the_growths_do_not_give_is_refuted():
    # 指南针: last year (1.43 / 4.91) / (9.35 / 1.72) = 5.36%, so 15.3% is +9.9, not +24.3
    text = RESULTS + "1. **指南针**：2025H1 毛利率同比提升 1.2 个百分点至 88%；归母净利率同比提升 24.3 个百分点至 15.3%。\n"
    assert _margins(text)["24.3 个百分点"] == ("inconsistent", True)


def test_no_pairing_on_another_basis_period_or_company():
    # 净利率 (total profit) against 归母 profit: a miss proves nothing
    text = RESULTS + "1. **指南针**：2025H1 净利率 15.3%，同比提升 24.3 个百分点。\n"
    assert _margins(text).get("24.3 个百分点", ("unverifiable", True))[0] == "unverifiable"
    # another period's margin
    assert "24.3 个百分点" not in _margins(
        RESULTS + "1. **指南针**：2024 年归母净利率同比提升 24.3 个百分点至 15.3%。\n")
    # a company with no results written
    assert _margins(RESULTS + "1. **大智慧**：2025H1 归母净利率同比提升 24.3 个百分点至 15.3%。\n") == {}
