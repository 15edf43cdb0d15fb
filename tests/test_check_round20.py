"""Round 20: relations the thirty-sixth and thirty-seventh blind sets listed that the checker did
not find: a growth over several years against the level of the year it names or counts back to, and a
list's total written in a bracket after it."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _growths(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "growth"}


def test_a_growth_against_a_named_earlier_year_is_over_that_years_level():
    # 35 / 10.8 - 1 = 224.1%: the base is 2018's level, not the year before 2021's
    text = "公司 2018 年营收 10.8 亿元，2021 年营收达 35 亿元，较 2018 年增长 224%。"
    assert _growths(text) == {"224%": "consistent"}
    assert _growths(text.replace("224%", "264%")) == {"264%": "inconsistent"}


def test_a_growth_over_years_counted_in_words_or_digits_starts_that_many_years_back():
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收 35 亿元，三年增长 224%。") == {"224%": "consistent"}
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收达 35 亿元，近 3 年累计增长 264%。") \
        == {"264%": "inconsistent"}


def test_a_span_that_does_not_reach_back_to_a_written_level_checks_nothing():
    # two years back from 2021 is 2019: 2018's level is no base for it
    assert _growths("公司 2018 年营收 10.8 亿元，2021 年营收 35 亿元，两年增长 224%。") == {}
    # another measure's level of the named year is no base either
    assert _growths("公司 2018 年净利润 10.8 亿元，2021 年营收 35 亿元，较 2018 年增长 224%。") \
        .get("224%") != "inconsistent"


def _sums(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "sum"}


def test_a_total_in_a_bracket_after_a_list_is_its_sum():
    # cfb421: four expense ratios' changes and their total in a bracket after them
    text = ("报告期内公司销售费用率/管理费用率/研发费用率/财务费用率相比去年同期分别变化"
            "-0.13/-9.80/-0.38/+20.88pcts（累计变化+10.57pcts）。")
    assert _sums(text) == {"+10.57pcts": "consistent"}
    assert _sums("三项费用分别为1.2/3.4/5.6亿元（合计12.2亿元）。") == {"12.2亿元": "inconsistent"}
