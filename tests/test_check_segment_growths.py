"""A total's growth from its segments' levels and growths in the list items after it
(checks/segment_growths.py); 39's CAAM data (tests/check_last), 352 and 87 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_39 = ("# 汽车\n\n### 一、行业核心数据\n\n#### 1. 整体产销情况\n\n- **4 月汽车产销**：\n\n- 产量：261.9 万辆，环比下降 12.9%，同比增长 {}%；\n\n"
       "- **乘用车细分**：\n\n- 产量：225.7 万辆，环比 - 12.4%，同比 + 10.2%；\n\n- **商用车细分**：\n\n"
       "- 产量：36.2 万辆，环比 - 16%，同比 + 1.3%；\n")


def _growths(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if "segments after it" in c.relation}


def test_the_total_growth_from_its_segments_for_each_basis():
    # 225.7 + 36.2 = 261.9; last year 225.7/1.102 + 36.2/1.013 = 240.5: +8.9%; last month 300.95: −12.9%
    got = _growths(_39.format("8.9"))
    assert got == {"8.9%": ("consistent", True), "12.9%": ("consistent", True)}
    assert _growths(_39.format("10.9"))["10.9%"] == ("inconsistent", True)


def test_segments_of_another_subject_only_confirm():
    # no aggregate names the total: other companies' levels may add up to it by chance (352)
    text = _39.replace("4 月汽车产销", "长安").replace("乘用车细分", "理想").replace("商用车细分", "赛力斯")
    assert _growths(text.format("10.9")) == {"12.9%": ("consistent", False)}
    # parts that meet the total only at the far edge of their roundings are no segments (87)
    loose = _39.replace("225.7", "224").replace("36.2", "37").replace("261.9", "262")
    assert _growths(loose.format("8.9")) == {}


_REG = ("- **乘用车整体**：上牌 45.40 万辆，同比 + {}%，环比 + 7.1%；\n\n- 新能源乘用车：22.61 万辆，同比 + 16.0%，"
        "环比 + 10.7%；\n\n- 传统能源乘用车：22.79 万辆，同比 - 4.1%，环比 + 3.7%。\n")  # 39, weekly registrations


def test_segments_named_for_themselves_confirm():
    # 22.61 + 22.79 = 45.40; last year 22.61/1.16 + 22.79/0.959 = 43.26: +4.9%
    assert _growths(_REG.format("4.9")) == {"+ 4.9%": ("consistent", False), "+ 7.1%": ("consistent", False)}
    # their own names do not say they are all of the total: a mismatch proves nothing
    assert "+ 9.9%" not in _growths(_REG.format("9.9"))
    # items that do not add up are no breakdown
    assert _growths(_REG.format("4.9").replace("22.79 万辆", "20.79 万辆")) == {}
