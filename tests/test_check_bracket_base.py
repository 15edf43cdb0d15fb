"""A growth whose earlier level is written in brackets after the same figure of the same company
elsewhere in the article (checks/bracket_base.py), from 145 (农业 2025 一季报综述)."""

from __future__ import annotations

from macrodesk.checks.bracket_base import find_bracket_bases
from macrodesk.readers import article_from_bytes

PIGS = ("## 二、业绩\n\n1. 温氏股份：2025Q1 归母净利润 20.01 亿元（{base} 为 - 12.36 亿元）。\n\n"
        "## 五、重点公司\n\n- 温氏股份：营收 168.3 亿元，净利润 20.01 亿元（同比 + {g}%）。\n")


def checks(text: str):
    return find_bracket_bases(article_from_bytes(text.encode("utf-8"), "145.md", ".md"))


def test_growth_from_a_loss_written_with_the_same_figure_elsewhere():
    # (20.01 + 12.36) / 12.36 - 1 = 261.9%: growth from a loss on its absolute value
    (c,) = checks(PIGS.format(base="2024Q1", g="262"))
    assert c.verdict == "consistent" and c.inputs == ["- 12.36 亿元", "20.01 亿元"] and "|- 12.36 亿元|" in c.relation
    # 145 牧原 writes 291% where the same reading gives 288.8%: the convention is not certain,
    # nor that 净利润 is the 归母 figure, so a mismatch proves nothing
    (wrong,) = checks(PIGS.format(base="2024Q1", g="291"))
    assert wrong.verdict == "unverifiable" and not wrong.refutable


def test_another_company_or_a_base_that_is_not_last_year_gives_nothing():
    assert checks(PIGS.format(base="2024Q1", g="262").replace("- 温氏股份", "- 牧原股份")) == []
    assert checks(PIGS.format(base="2024Q4", g="262")) == []  # 环比, not the 同比 base
