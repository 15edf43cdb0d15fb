"""Round 19: figures the reader split or dropped, so that the relations over them went unpaired: a
range whose ends both carry the unit ("6.20亿元-7.48亿元"), a money range written with a bare 亿
("12.3亿~15.4亿"), a growth glued to an upper-case YOY ("YOY+95%")."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind


def _amounts(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(f.text, f.value, f.high) for f in extract_figures(text) if f.kind != FigureKind.DATE]


def test_a_range_whose_ends_both_carry_the_unit_is_one_range_not_a_negative():
    # cfr005: the dash after 亿元 joins the range; it is not the sign of 7.48
    figs = _amounts("公司预计2020年实现归母净利润6.20亿元-7.48亿元，同比增长45%-75%。")
    assert figs[0] == ("6.20亿元-7.48亿元", 6.2, 7.48)
    # a fall into a loss stays a negative, and a descending pair is no range
    assert [v for _, v, _ in _amounts("Q3净利润-0.5亿元-0.3亿元")] == [-0.5, -0.3]
    assert [h for _, _, h in _amounts("营收1.2亿元-0.3亿元")] == [None, None]


def test_a_money_range_written_with_a_bare_yi_is_money_at_both_ends():
    figs = [f for f in extract_figures("预计前三季度实现净利润12.3亿~15.4亿（同比+95%~125%）。")
            if f.kind == FigureKind.MONEY]
    assert [(f.value, f.high, f.unit) for f in figs] == [(12.3, 15.4, "亿元")]


def test_a_growth_glued_to_upper_case_yoy_is_read():
    assert [f.value for f in extract_figures("营收同比增长，YOY+95%") if f.kind == FigureKind.PERCENT] == [95.0]
    assert [f.value for f in extract_figures("单季度Yoy-12.5%") if f.kind == FigureKind.PERCENT] == [-12.5]


def _range_growths(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "both ends grow from one base" in c.relation}


def test_a_preview_range_with_unit_at_both_ends_is_judged_from_one_base():
    # cfr005: 2.48 / 1.3969 = 1.775 is last year's; 3.76 / 1.775 - 1 = 111.8%
    text = "预计2019年归母净利润2.48亿元-3.76亿元，同比增长39.69%至{g}%。"
    assert _range_growths(text.format(g="112.02")) == {"112.02%": "consistent"}
    assert _range_growths(text.format(g="102.02")) == {"102.02%": "inconsistent"}


def test_an_error_restated_in_a_later_paragraph_is_reported_once():
    # cfr323 writes its preview sentence twice: the second is a restatement of the first, kept with
    # it (its refuting reading once crashed the pass that lets a fit replace an unverifiable check)
    line = "公司营收10亿元，毛利3亿元。预计2019年归母净利润2.48亿元-3.76亿元，同比增长39.69%至102.02%。"
    checks = [c for c in check_text(f"{line}\n\n{line}") if "both ends grow from one base" in c.relation]
    assert [c.verdict for c in checks] == ["inconsistent"]
    assert len(checks[0].input_sentences) > 3
