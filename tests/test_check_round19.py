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


def test_phones_distances_weights_and_land_are_quantities():
    figs = {f.text: f.unit for f in extract_figures(
        "手机出货量2.9亿部；3部门联合发文；均重119公斤；里程1.2万公里；黄金500元/克；3万亩；克服困难3次")
        if f.kind != FigureKind.DATE}
    assert figs == {"2.9亿部": "亿部", "3": "", "119公斤": "公斤", "1.2万公里": "万公里", "500元/克": "元/克",
                    "3万亩": "万亩", "3次": "次"}
    # so a share of them is no longer one of bare magnitudes (594: 2460 万 / 2.889 亿)
    got = {c.stated: c.verdict for c in check_text("今年手机出货量2.9亿部，其中折叠屏手机2900万部，占比10%。")
           if c.kind == "share"}
    assert got == {"10%": "consistent"}


def test_a_change_against_a_named_base_with_its_levels_in_a_bracket_confirms():
    # report 170: "较传统胶膜降低 15%（从 400g/㎡降至 340g/㎡）"; 340 / 400 - 1 = -15%
    text = "克重较传统胶膜降低 {g}%（从 400克降至 340克）。"
    ok = [c for c in check_text(text.format(g="15")) if c.stated == "15%"]
    assert [(c.verdict, c.refutable) for c in ok] == [("consistent", False)]
    # the 较-base may not be the 从-level: a misfit proves nothing
    assert [c.verdict for c in check_text(text.format(g="25")) if c.stated == "25%"] == ["unverifiable"]


def test_an_amount_glued_to_letters_in_a_compound_magnitude_is_read():
    # 963: "互联业务TAM1.6万亿美元" (the magnitude 万亿 before the currency)
    figs = [f.text for f in extract_figures("航天业务TAM3700亿美元，互联业务TAM1.6万亿美元，AI业务TAM26.5万亿美元")
            if f.kind == FigureKind.MONEY]
    assert figs == ["3700亿美元", "1.6万亿美元", "26.5万亿美元"]


def test_a_series_growth_list_joined_by_a_dunhao():
    # cfb333: "EPS 为 2.3/3.11/4.07 元、增速36/35/31%": 3.11 / 2.3 - 1 = 35.2%, 4.07 / 3.11 - 1 = 30.9%
    text = "维持预测公司 2021-2023 年 EPS 为 2.3/3.11/4.07 元、增速36/35/{g}%。"
    got = {c.stated: c.verdict for c in check_text(text.format(g="31")) if "listed by position" in c.relation}
    assert got == {"35": "consistent", "31%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(g="36"))
            if "listed by position" in c.relation}["36%"] == "inconsistent"
