"""Round 35: points written "个pct"/"个pp" (read before as a count of 个) and a target's share done
written as a bare 完成."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind


def _stated(text: str, stated: str, word: str = "") -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and word in c.relation]


# ---------------------------------------------------------------- 个pct, 个 pp: points, not a count of 个

def test_points_written_with_ge_before_an_english_unit_are_points():
    for text, written in [("提升0.35个pct至4.86%", "0.35个pct"), ("同比-0.63个 pct", "-0.63个 pct"),
                          ("下降1.5个pp", "1.5个pp"), ("提升7.66个pcts", "7.66个pcts")]:
        figs = [f for f in extract_figures(text) if f.text == written]
        assert [(f.kind, f.unit) for f in figs] == [(FigureKind.POINTS, "个百分点")], text
    # a count of 个 stays a count
    assert [f.kind for f in extract_figures("新增3个品种")] == [FigureKind.QUANTITY]


def test_a_change_in_ge_pct_is_judged_against_its_two_levels():
    # cfr293: 19.39 − 11.73 = 7.66
    text = "21年上半年直销占比为19.39%，较去年同期（11.73%）提升{c}个pcts。"
    assert _stated(text.format(c="7.66"), "7.66个pcts") == [("consistent", True)]
    assert _stated(text.format(c="7.96"), "7.96个pcts") == [("inconsistent", True)]


def test_a_share_moved_by_ge_pct_to_its_level_is_read_as_a_share():
    # cfg535: 9667.54万 / 19.90亿 = 4.86%; last year's 4.51% from the two growths gives the 0.35 points
    text = ("2021年实现营业收入19.90亿元，同比增长17.14%。研发投入9667.54万元，同比增长26.10%，"
            "占营业收入的比重提升{c}个pct至4.86%。")
    assert _stated(text.format(c="0.35"), "4.86%", "/") == [("consistent", False)]
    assert _stated(text.format(c="0.35"), "0.35个pct", "上年") == [("consistent", False)]
    # confirm-only (last year's inputs may be restated): a change that does not fit stays unverifiable
    assert [v for v, _ in _stated(text.format(c="0.95"), "0.95个pct")] == ["unverifiable"]


# ---------------------------------------------------------------- 完成: the share of a target done

def test_a_bare_wancheng_after_a_target_and_what_is_done_is_their_share():
    # cfg401: 2.84 / 7.3 = 38.9%
    text = "2021 年公司利润总额目标 7.3 亿元，已实现 2.84 亿元，完成{p}%，业绩增长主要源于新材料产品交付快速增长所致。"
    assert _stated(text.format(p="38.85"), "38.85%") == [("consistent", False)]
    # a share that fits neither is not forced onto them
    assert [v for v, _ in _stated(text.format(p="48.85"), "48.85%")] in ([], ["unverifiable"])
    # 未完成 is what is left, not what is done
    assert _stated("利润总额目标 7.3 亿元，已实现 2.84 亿元，未完成61.1%。", "61.1%", "2.84") == []
