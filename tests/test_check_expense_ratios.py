"""期间费用率 against its parts (checks/expense_ratios.py), on sentences of broker earnings reviews
(../shared/corpus/cfbenchmark) and of pdf_138 (tests/check_truth)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _sums(text: str) -> list[tuple[str, str]]:
    """(verdict, stated) of the expense-ratio sums of a text."""
    return [(c.verdict, c.stated) for c in check_text(text) if c.kind == "sum" and "期间费用率" in c.relation]


def test_levels_and_changes_add_up():
    text = ("期间费用率为11.17%，同比-2.07pct，销售/管理/研发/财务费用率分别为1.67%、5.8%、4.14%、-0.44%，"
            "同比分别变动-0.25、-0.15、-0.05、-1.63pct。")
    assert sorted(_sums(text)) == [("consistent", "-2.07pct"), ("consistent", "11.17%")]
    # one part changed: both sums refute (4.14 -> 5.14, -0.05 -> -0.55)
    bad = text.replace("4.14%", "5.14%").replace("-0.05、", "-0.55、")
    assert sorted(_sums(bad)) == [("inconsistent", "-2.07pct"), ("inconsistent", "11.17%")]


def test_a_fall_verb_signs_the_list_it_opens():
    # 1.16 = 0.18 + 0.45 + 0.61 - 0.07; 10.04 = 1.30 + 3.88 + 1.28 + 3.58
    text = ("期间费用率（含研发费用）同比下降1.16pct至10.04%，其中销售、管理、财务费用率同比分别下降0.18pct、"
            "0.45pct、0.61pct至1.30%、3.88%、1.28%，仅研发费用率同增0.07pct至3.58%；资产减值及信用减值损失率"
            "同增1.27pct至0.72%。")
    assert sorted(_sums(text)) == [("consistent", "1.16pct"), ("consistent", "10.04%")]
    assert ("inconsistent", "1.16pct") in _sums(text.replace("同增0.07pct", "同降0.07pct"))


def test_rnd_inside_management_completes_the_parts():
    text = ("期间费用率为15.07%，同比增加3.96pct，销售、管理+研发、财务费用率分别同比变动+2.26pct、+2.04pct、"
            "-0.33pct至8.17%、6.77%、0.12%。")
    assert sorted(_sums(text)) == [("consistent", "15.07%"), ("consistent", "3.96pct")]
    assert ("inconsistent", "15.07%") in _sums(text.replace("6.77%", "7.77%"))


def test_without_rnd_a_miss_proves_nothing():
    # the total may count 研发, which is not written: a fit confirms, a miss is unverifiable
    assert _sums("期间费用率为9.50%，同比+0.30pct，其中销售、管理、财务费用率分别为2.10%、3.40%、1.00%。") == [
        ("unverifiable", "9.50%")]
    assert _sums("期间费用率为6.50%，同比+0.30pct，其中销售、管理、财务费用率分别为2.10%、3.40%、1.00%。") == [
        ("consistent", "6.50%")]


def test_four_parts_may_leave_rnd_out_of_the_total():
    # 2.10 + 3.40 + 1.00 = 6.50 without 研发's 3.00: a report's own convention, not an error
    text = "期间费用率为6.50%，其中销售、管理、研发、财务费用率分别为2.10%、3.40%、3.00%、1.00%。"
    assert _sums(text) == [("consistent", "6.50%")]
    assert _sums(text.replace("6.50%", "8.00%")) == [("inconsistent", "8.00%")]


def test_what_is_no_breakdown():
    # a part missing (财务): no relation
    assert _sums("期间费用率8.62%，同比-3.92ppt，其中销售/管理/研发费用率分别-0.4ppt/-1.25ppt/-1.1ppt。") == []
    # growths of the expenses, not ratios
    assert _sums("期间费用率5.64%，高出去年同期0.85pct，其中销售/管理费用分别上涨70%/74%。") == []
    # a total with no figure of its own
    assert _sums("期间费用率方面，2020Q1公司管理费用率、销售费用率、财务费用率分别为9.14%、5.85%、-5.42%。") == []


def test_a_list_broken_over_pdf_lines():
    # pdf_138: "…销售 / 管理 / 财务费用率分别 +" / "0.04pct/+0.05pct/+0.10pct。" (0.19 = 0.04 + 0.05 + 0.10)
    text = ("# 建筑装饰\n\n费用率攀升\n\n1. 2024 年期间费用率 6.30%（同比 + 0.19pct），销售 \n"
            "/ 管理 / 财务费用率分别 + \n0.04pct/+0.05pct/+0.10pct。国际工程费用率同比 + 1.38pct。\n")
    assert _sums(text) == [("consistent", "+ 0.19pct")]


def test_the_parts_in_the_sentence_after_the_total():
    # the total closes its sentence with 。 and the next one, in its paragraph, opens with 其中 and the
    # parts: 14.33 + 4.98 + 4.45 - 0.12 = 23.64
    text = ("公司2021H1期间费用率为23.64%，同升 2.11pct。其中，销售费用率为 14.33%，同升 0.89pct；管理费用率为 4.98%，"
            "同升 0.08pct；研发费用率为 4.45%，同升 1.45pct；财务费用率为 -0.12%，同降 0.31pct。")
    assert ("consistent", "23.64%") in _sums(text)
    assert ("inconsistent", "25.64%") in _sums(text.replace("23.64%", "25.64%"))
    # a sentence that does not open with the parts is not joined
    assert not _sums("公司2021H1期间费用率为23.64%，同升 2.11pct。公司毛利率为 40.1%，销售费用率为 14.33%，管理费用率为 4.98%。")
