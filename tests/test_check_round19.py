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


def _targets(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if "the target at" in c.relation}


def _priced(text: str) -> dict[str, tuple[str, bool]]:
    """A target and its multiple, judged once: as the target (multiple × EPS) when the multiple is
    written before it, as the multiple (target / EPS) when written after it (round 30)."""
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text)
            if "the target at" in c.relation or "the target over" in c.relation}


def test_a_target_at_a_multiple_written_before_its_year_and_word():
    # cfr403: "对应38X 23PE" is 63.08 / 2023's EPS 1.66 = 38
    text = "我们下调22/23/24年EPS 至0.26/1.66/2.47元，下调目标价至{t}元，对应38X 23PE。"
    assert _priced(text.format(t="63.08")) == {"38X": ("consistent", True)}
    assert _priced(text.format(t="73.08")) == {"38X": ("inconsistent", True)}


def test_a_target_at_a_multiple_of_the_years_eps_and_not_the_revised_target():
    # cfr416: "下调目标价至44元（原目标价：50元），对应27倍2023年EPS": 44 / 1.63; the 50 is the old target
    text = ("我们小幅下调公司2022-23年EPS至1.27元、1.63元（原为1.36元、1.66元），同时下调目标价至{t}元"
            "（原目标价：50元），对应27倍2023年EPS。")
    assert _priced(text.format(t="44")) == {"27倍": ("consistent", True)}
    assert _priced(text.format(t="54")) == {"27倍": ("inconsistent", True)}


def test_a_target_given_after_words_on_history_and_for_a_year_added_to_a_span():
    # cfr457: "参考同业及历史估值水平给予公司2022年约25倍PE": given (给予 comes after 历史)
    text = ("下调2022~2024年EPS至1.55（-0.22）/1.93（-0.09）/2.32元。参考同业及历史估值水平给予公司2022年约25倍PE，"
            "下调目标价至38.75元。")
    assert _targets(text) == {"38.75元": ("consistent", True)}
    # cfr544: "调整2023-2024年、新增2025年EPS预测至1.36/0.73/-0.11元": 2023's EPS is 1.36
    text = "我们调整2023-2024年、新增2025年EPS预测至1.36/0.73/-0.11元。给予公司2023年12倍PE，对应目标价16元。"
    assert _targets(text) == {"16元": ("consistent", True)}


def test_a_target_referred_to_the_peers_multiple_confirms_only():
    # cfr361: "参考可比22年平均PE25x（Wind一致预期），目标价32.50元": 25 × 1.30
    text = "预计22-24年EPS为1.30/1.59/1.91元，参考可比22年平均PE25x（Wind一致预期），目标价{t}元。"
    assert _targets(text.format(t="32.50")) == {"32.50元": ("consistent", False)}
    assert _targets(text.format(t="40.50")) == {"40.50元": ("unverifiable", True)}
    # a multiple given outright wins over the one referred to (cfb404: 18 × 1.74 = 31.32, not 13 ×)
    text = ("我们预计公司2022-2024年EPS分别为1.74、2.25、2.90元，参考可比公司Wind一致预期22年13倍PE均值，"
            "给予公司22年18倍PE，对应目标价31.32元。")
    assert _targets(text) == {"31.32元": ("consistent", True)}


def test_a_fair_price_range_named_heli_jiage():
    # cfb073: "给予公司2019年9-10倍估值，对应合理价格区间为4.14-4.60元": 9 × 0.46 and 10 × 0.46
    text = ("预计2019/2020年公司归母净利润为12.24/14.07亿元，EPS为0.46/0.52元，给予公司2019年9-10倍估值，"
            "对应合理价格区间为4.14-4.60元。")
    assert _targets(text) == {"4.14元": ("consistent", True), "4.60元": ("consistent", True)}


def test_a_cagr_after_a_dated_level_takes_the_earlier_level_of_its_metric_confirm_only():
    # 136: "2024 年全球汽车行业镁合金需求 57 万吨…。预计 2027 年汽车镁需求达 135 万吨，CAGR 34%": (135/57)^(1/3) - 1 = 33.3%
    text = "2024 年全球汽车行业镁合金需求 57 万吨（占镁总需求 50%）。预计 2027 年汽车镁需求达 135 万吨，CAGR {g}%。"
    ok = [c for c in check_text(text.format(g="34")) if c.kind == "cagr"]
    assert [(c.verdict, c.refutable, c.inputs) for c in ok] == [("consistent", False, ["57 万吨", "135 万吨"])]
    # the earlier level is found by its metric and year: a misfit proves nothing
    assert [c.verdict for c in check_text(text.format(g="24")) if c.kind == "cagr"] == ["unverifiable"]
    # a larger earlier level is no start of a rising CAGR
    assert not [c for c in check_text("2024 年需求 170 万吨。预计 2027 年需求达 135 万吨，CAGR 34%。")
                if c.kind == "cagr" and c.inputs]


def _expense_sums(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "期间费用率:" in c.relation and c.kind == "sum"}


def test_an_expense_total_after_its_parts_and_named_zong_or_qijian_feilv():
    # cfb085: 7.0 + 9.8 - 3.3 = 13.5 (研发 not named: a fit confirms)
    text = "19Q3期间销售/管理/财务费用率分别7.0%/9.8%/-3.3%，分别同比-0.1pct/-0.4pct/-0.1pct；总费用率合计{t}%，同比/环比-0.6pct/-0.2pct。"
    assert _expense_sums(text.format(t="13.5")) == {"13.5%": "consistent"}
    # cfr216: "期间费率…15.91%，其中…13.98%/2.07%/0.23%/-0.38%，其中销售费率同比提升4.14pct": the second
    # 其中 opens a part's own breakdown, not more parts
    text = ("公司前三季度期间费率同比增长3.23pct至{t}%，其中销售/管理/研发/财务费用率分别是13.98%/2.07%/0.23%/-0.38%，"
            "其中销售费率同比提升4.14pct，受到广告宣传费用增长较多。")
    assert _expense_sums(text.format(t="15.91")) == {"15.91%": "consistent"}
    assert _expense_sums(text.format(t="16.91")) == {"16.91%": "inconsistent"}


def test_one_multiple_after_its_target_is_the_target_over_the_years_eps():
    # cfb052: "维持目标价25.69元，对应19年23xPE": 25.69 / 1.11 = 23.1, judged at the multiple's rounding
    text = "维持2019-2021年EPS为1.11/1.24/1.36元，维持目标价25.69元，对应19年{m}xPE。"
    over = {c.stated: c.verdict for c in check_text(text.format(m="23")) if "the target over" in c.relation}
    assert over == {"23x": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(m="28"))
            if "the target over" in c.relation} == {"28x": "inconsistent"}


def _series(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "listed by position" in c.relation}


def test_year_series_lists_with_a_dunhao_before_he_a_dash_for_a_missing_growth_or_no_comma():
    # cfb228: "66.1%、37.9%、和15.3%" is one list of three (it was read as two, and paired off by one)
    assert _series("预计公司2020-2022年归母净利润分别为72.6亿、100.1亿和115.5亿，同比增速分别为66.1%、37.9%、和15.3%。") \
        == {"37.9%": "consistent", "15.3%": "consistent"}
    # cfr015: "-/48.31%/15.43%": 0.90 / 0.64 - 1 = 40.6%, an error the text holds
    assert _series("预计公司2019-2021年EPS分别为0.64/0.90/1.04元，2019/2020/2021同比增速为-/48.31%/15.43%。") \
        == {"48.31%": "inconsistent", "15.43%": "consistent"}
    # cfr238: "0.77/0.93/1.11元(原0.63/0.75/0.88元)增速94/21/19%"
    assert _series("上调预测2020-22年EPS至0.77/0.93/1.11元(原0.63/0.75/0.88元)增速94/21/19%；维持目标价7.22元。") \
        == {"21": "consistent", "19%": "consistent"}


def test_shops_added_and_taken_away_give_the_net_named_with_its_noun():
    # cfr216: 348 - 339 = 9
    text = "1-9月累计新增门店348家，累计撤减门店339家，1-9月净增加门店{n}家。"

    def net(n: str) -> dict[str, str]:
        return {c.stated: c.verdict for c in check_text(text.format(n=n)) if c.kind == "difference"}

    assert net("9") == {"9家": "consistent"}
    assert net("19") == {"19家": "inconsistent"}


def test_one_share_count_when_each_profit_carries_its_unit():
    # cfb189: 2.71 / 1.36 = 1.99 亿股; 3.53 / 1.99 = 1.77, 4.51 / 1.99 = 2.26
    text = "预计公司2021-2023年归母净利润为2.71亿元、3.53亿元、4.51亿元，对应EPS为1.36元、1.78元和{e}元。"

    def counts(e: str) -> dict[str, str]:
        return {c.stated: c.verdict for c in check_text(text.format(e=e)) if "one share count" in c.relation}

    assert counts("2.27") == {"1.78元": "consistent", "2.27元": "consistent"}
    assert counts("2.47")["2.47元"] == "inconsistent"


def test_a_moved_shop_is_taken_away_from_the_new_ones():
    # cfb167: 535 - 88 - 30 = 417 (a shop moved is counted among the new ones)
    text = "公司今年上半年新开门店535家，搬迁门店88家，关闭门店30家，净增加门店{n}家，截至期末共有门店6683家。"
    got = [(c.verdict, c.refutable) for c in check_text(text.format(n="417")) if c.kind == "difference"]
    assert got == [("consistent", True)]
    assert [c.verdict for c in check_text(text.format(n="505")) if c.kind == "difference"] == ["inconsistent"]


def test_the_currency_named_after_yuan_is_part_of_the_figure():
    # "14.6亿元人民币" is 亿元, and the lists and CAGRs after it read on (cfb222, report 449)
    (f,) = [f for f in extract_figures("营收14.6亿元人民币，") if f.kind == FigureKind.MONEY]
    assert (f.text, f.unit) == ("14.6亿元人民币", "亿元")
    assert {c.stated: c.verdict for c in check_text("我们预计公司2020~2022年EPS分别为0.73、1.27元和1.46元人民币，CAGR为41.1%。")
            if c.kind == "cagr"} == {"41.1%": "consistent"}
    # 449: 20 亿元 to 100 亿元 in three years is 71% a year, not 140%
    got = [c.verdict for c in check_text("中国医疗大模型市场预计从 2025 年 20 亿元增长至 2028 年 100 亿元人民币，CAGR 达 140%。")
           if c.kind == "cagr"]
    assert got == ["inconsistent"]
