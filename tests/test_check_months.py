"""February's 环比 against January = 1-2 月 − 2 月 (checks/months.py), from 859 (blind set)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

CARS = ("2026 年 2 月汽车产销 167.2 万辆、180.5 万辆，环比降 31.7%、{g}%，同比降 20.5%、15.2%；"
        "1-2 月累计产销 412.2 万辆、415.2 万辆，同比降 9.5%、8.8%。")


def qoq(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "1 月 = 1-2 月 - 2 月" in c.relation}


def test_february_against_the_january_the_cumulative_leaves():
    # 167.2 / (412.2 − 167.2) − 1 = −31.8%; 180.5 / 234.7 − 1 = −23.1%, paired by position
    assert qoq(CARS.format(g="23.1")) == {"31.7%": "consistent", "23.1%": "consistent"}
    # 859's 商用车: 27.0 / (62.7 − 27.0) − 1 = −24.4%, written −24.9% (a real error)
    trucks = ("2026 年 2 月商用车产销 27.3 万辆、27.0 万辆，环比降 29.7%、24.9%，同比降 14.1%、14.0%；"
              "1-2 月累计产销 66.0 万辆、62.7 万辆，同比增 7.0%、3.9%。")
    assert qoq(trucks) == {"29.7%": "consistent", "24.9%": "inconsistent"}


def test_no_january_from_another_subject():
    # 新能源汽车's February against all cars' 1-2 月 is no January of its own
    text = ("2 月汽车出口 67.2 万辆，环比降 1.4%，其中新能源汽车出口 28.2 万辆，环比降 6.6%；"
            "1-2 月汽车累计出口 135.2 万辆。")
    assert qoq(text) == {"1.4%": "consistent"}
    assert qoq(CARS.format(g="23.1").replace("1-2 月累计产销 412.2 万辆、415.2 万辆", "1-2 月累计产量 412.2 万辆")) == {}
