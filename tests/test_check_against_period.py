"""A change in points against a named earlier period whose level is written in another sentence
or paragraph (checks/against_period.py); sentences from 216 (bank results) and 456 (batteries)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check

_LIST = ("25Q1 累计营收同比 - 1.7%，拨备前利润同比 - 2.2%，归母净利润同比 - 1.2%，较 2024 年增速分别下降 "
         "1.8、1.5、3.5 个百分点。\n\n2024 年累计营收、拨备前利润、归母净利润同比分别 + 0.1%、-0.7%、+2.3%，"
         "较 2024 年前三季度有所改善。")


def _of(text: str, stated: str) -> Check:
    (c,) = [c for c in check_text(text) if c.stated == stated and c.kind == "change"]
    return c


def test_a_list_of_changes_against_a_list_of_names_in_another_paragraph():
    assert _of(_LIST, "1.8").verdict == "consistent"  # -1.7 - 0.1
    assert _of(_LIST, "1.5").verdict == "consistent"  # -2.2 - (-0.7)
    c = _of(_LIST, "3.5 个百分点")
    assert c.verdict == "consistent" and c.inputs == ["+2.3%", "- 1.2%"]
    # the same lists with the third change mistyped: the inputs are certain (one level of that
    # metric and period, in the same section)
    assert _of(_LIST.replace("3.5 个百分点", "2.5 个百分点"), "2.5 个百分点").verdict == "inconsistent"


def test_a_fall_that_narrows_and_a_level_named_only_by_its_period():
    text = ("2024 年累计中收同比 - 9.4%，降幅较 2024 年前三季度收窄 1.4 个百分点；25Q1 中收同比 - 0.7%，"
            "降幅较 2024 年收窄 8.7 个百分点，25 年有望转正。")
    assert _of(text, "8.7 个百分点").verdict == "consistent"
    assert _of(text, "1.4 个百分点").verdict == "unverifiable"  # 2024 年前三季度 is not written
    text = ("2024 年累计其他非息收入同比 25.8%，增速较 2024 年前三季度提升 0.2 个百分点；25Q1 同比 - 3.2%，"
            "增速较 2024 年下降 29 个百分点，25 年贡献或波动。")
    assert _of(text, "29 个百分点").verdict == "consistent"
    # narrowing written as a widening: the fall grew by 8.7 points instead
    text = "2024 年累计中收同比 - 9.4%；25Q1 中收同比 - 0.7%，降幅较 2024 年扩大 8.7 个百分点。"
    assert _of(text, "8.7 个百分点").verdict == "inconsistent"


def test_basis_points_against_the_quarter_end_before():
    text = "2024 年末、25Q1 末不良率分别为 1.24%、1.23%，均较上季末下降 1BP；"
    assert _of(text, "1BP").verdict == "consistent"
    text = "24 年末、25Q1 末拨贷比分别为 2.98%、2.93%，较上季末分别下降 6BP、4BP。"
    assert _of(text, "4BP").verdict == "consistent"  # 2.93 - 2.98 at 0.01% precision: 4 to 6 BP
    assert _of(text, "6BP").verdict == "unverifiable"  # 24Q3 末 is not written
    assert _of(text.replace("4BP", "9BP"), "9BP").verdict == "inconsistent"


def test_a_metric_shared_by_several_levels_is_read_from_its_own_series():
    # 456: "占比" of 2023 is written for 乘用车 and for 三元材料. By metric and period alone either
    # may be meant (this module only confirms), but the series the change closes is the one of
    # its own clauses: checks/last_year.py takes the last 2023 level of the measure before it
    text = ("细分市场看，2022 年乘用车占比 88.66%；2023 年占比 90.85%；2024 年回落至 87.71%。材料体系方面，"
            "2022 年三元材料占比 37.48%；2023 年占比 32.54%；2024 年占比 25.31%，较 2023 年回落 7.23 个百分点。")
    c = _of(text, "7.23 个百分点")
    assert c.verdict == "consistent" and "32.54%" in c.inputs
    assert _of(text.replace("7.23", "9.23"), "9.23 个百分点").verdict == "inconsistent"


def test_no_level_of_that_metric_and_period_no_check():
    # 2024 年 is written only for 净利息收入: 中收's change stays unverifiable
    text = "2024 年净利息收入同比 - 2.1%；25Q1 中收同比 - 0.7%，降幅较 2024 年收窄 8.7 个百分点。"
    assert _of(text, "8.7 个百分点").verdict == "unverifiable"


def test_levels_of_two_labelled_subjects_only_confirm():
    # the 2024 growth is 招商银行's, the change 兴业银行's: the same metric words, another subject
    text = ("## 个股\n\n招商银行：2024 年营收同比 + 0.1%。\n\n"
            "兴业银行：25Q1 营收同比 - 1.7%，较 2024 年下降 3.8 个百分点。")
    assert _of(text, "3.8 个百分点").verdict == "unverifiable"
    # the same subject in both labels: certain
    assert _of(text.replace("兴业银行：", "招商银行："), "3.8 个百分点").verdict == "inconsistent"
