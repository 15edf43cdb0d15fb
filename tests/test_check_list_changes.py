"""Changes written as a list against a list of bases, paired by position (checks/list_changes.py),
from 281 (tests/check_eleventh)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _v(text: str) -> list[tuple[str, str]]:
    return sorted((c.stated, c.verdict) for c in check_text(text) if "paired by position" in c.relation)


def test_one_level_against_a_slash_list_of_bases():
    # 281: 6 − 0.3 = 5.7 and 6 − 2.2 = 3.8, written the other way round: both real errors
    text = "截至 2024 年 10 月欧洲大陆出现负电价的时间占比已达 6%，较 2022/2023 年的 0.3%/2.2% 分别提升 {a}、{b} 个百分点。"
    assert _v(text.format(a="3.8", b="5.7")) == [("3.8", "inconsistent"), ("5.7 个百分点", "inconsistent")]
    assert _v(text.format(a="5.7", b="3.8")) == [("3.8 个百分点", "consistent"), ("5.7", "consistent")]


def test_a_list_against_the_list_its_name_opens():
    # 281: the IRRs with storage against the pure-PV IRRs of the sentence before
    text = ("纯光伏项目：保障性消纳电量占比 50%/40%/30% 时，IRR 分别为 7.1%/6.2%/5.2%。"
            "配置 10%*2h 储能后：IRR 分别为 7.2%/6.4%/5.6%，较纯光伏项目提升约 0.2/{b}/0.3 个百分点。")
    assert _v(text.format(b="0.2")) == [("0.2", "consistent"), ("0.2", "consistent"), ("0.3 个百分点", "consistent")]
    assert ("0.5", "inconsistent") in _v(text.format(b="0.5"))


def test_a_fall_takes_its_sign_and_a_growth_is_no_change_in_points():
    assert _v("占比降至 2%，较 2022/2023 年的 6%/4.5% 分别下降 4、2.5 个百分点。") == [
        ("2.5 个百分点", "consistent"), ("4", "consistent")]
    assert _v("销量达 60 万辆，较 2022/2023 年的 30/40 万辆分别增长 100%、50%。") == []
