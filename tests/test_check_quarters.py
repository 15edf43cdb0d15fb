"""A quarter's 环比 growth against the quarter before, derived as H1 − Q2 (592, 金属行业中报总结)."""

from __future__ import annotations

from macrodesk.checks.quarters import find_quarter_growths
from macrodesk.readers import article_from_bytes

ZIJIN = ("1. **紫金矿业**：2025H1 营收 1677.11 亿元（+11.50%），归母净利润 232.92 亿元（+54.41%）；"
         "25Q2 营收 887.83 亿元（+17.38%、环比 + 12.49%），归母净利润 131.25 亿元（+48.75%、环比 + 29.10%）。")
SECTOR_H1 = "### （一）上半年\n\n2025H1，申万钢铁板块实现营收 9455.32 亿元，同比下降 9.87%；归母净利润 131.37 亿元。\n\n"
SECTOR_Q2 = ("### （二）二季度\n\n2025Q2，申万钢铁板块实现营收 4831.91 亿元，同比 - 8.57%、环比 + {g}%；"
             "归母净利润 77.71 亿元，同比 + 80.54%、环比 + 44.82%。\n")


def checks(text: str):
    return find_quarter_growths(article_from_bytes(text.encode("utf-8"), "592.md", ".md"))


def test_the_quarter_before_is_the_half_year_less_the_quarter():
    found = {c.stated: c for c in checks(ZIJIN)}
    # 887.83 / (1677.11 - 887.83) - 1 = 12.49%; 131.25 / (232.92 - 131.25) - 1 = 29.10%
    assert found["+ 12.49%"].verdict == "consistent" and found["+ 12.49%"].derived
    assert "1677.11 亿元 - 887.83 亿元" in found["+ 12.49%"].relation
    assert found["+ 29.10%"].verdict == "consistent"
    wrong = checks(ZIJIN.replace("环比 + 12.49%", "环比 + 15.49%"))
    assert [c.verdict for c in wrong if c.stated == "+ 15.49%"] == ["inconsistent"]


def test_the_half_of_the_same_entity_under_another_heading_is_certain():
    # 4831.91 / (9455.32 - 4831.91) - 1 = 4.51%, written 4.26% (a real slip of 592)
    (rev, profit) = checks(SECTOR_H1 + SECTOR_Q2.format(g="4.26"))
    assert rev.verdict == "inconsistent" and rev.input_sentences[0].startswith("2025H1，申万钢铁板块")
    assert profit.verdict == "consistent"  # 77.71 / (131.37 - 77.71) - 1 = 44.82%
    assert checks(SECTOR_H1 + SECTOR_Q2.format(g="4.51"))[0].verdict == "consistent"


def test_losses_and_unnamed_halves_prove_nothing():
    loss = "2025H1 归母净利润 5.3 亿元；25Q2 归母净利润 - 1.8 亿元（环比 + 50.7%）。"
    assert checks(loss) == []  # growth to or from a loss has no one convention
    # two different H1 revenues of the paragraph: which one is the quarter's half is not certain
    two = ("2025H1 营收 1677.11 亿元，2025H1 营收 1500.00 亿元；25Q2 营收 887.83 亿元（环比 + 30.00%）。")
    assert all(c.verdict != "inconsistent" for c in checks(two))


def test_a_segment_is_paired_with_its_own_half_not_with_the_whole_market():
    # 558: the market and its segments under one heading; 移动游戏 must not take 游戏's 1680 亿元
    text = ("### （一）行业数据\n\n2025H1 国内游戏市场规模 1680 亿元，同比增长 14.08%。细分市场中，移动游戏市场规模 "
            "1253.09 亿元，同比增加 16.55%。\n\n2025Q2 国内游戏产业市场规模 822.96 亿元，同比增加 10.27%，环比减少 "
            "3.98%。其中，移动游戏市场规模 598.83 亿元，同比增加 9.63%，环比减少 5.88%。\n")
    found = {c.stated: c for c in checks(text)}
    # 822.96 / (1680 - 822.96) - 1 = -3.98%; 598.83 / (1253.09 - 598.83) - 1 = -8.47%, written -5.88%
    assert found["3.98%"].verdict == "consistent"
    assert found["5.88%"].verdict == "inconsistent" and "1253.09 亿元" in found["5.88%"].relation
