"""A margin confirmed with a profit and a revenue written elsewhere in the article pairs only with
those of its own section (checks/across.py `_own_section`); sentences from the corpus (87 食品饮料
per industry, 75 company bullets)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_article
from macrodesk.readers import article_from_bytes

# 87.md: one section per industry, each split into facets (收入与利润, 盈利能力)
SEASONING = ("### （二）调味品行业\n\n#### 1. 收入与利润\n\n"
             "- **2024 年**：收入 475 亿元，同比 + 8.03%；归母净利润 88 亿元，同比 + 2.5%。\n\n"
             "#### 2. 盈利能力\n\n- **净利率**：2024 年 18.46%，同比 - 0.99pct；2025Q1 21.54%，同比 + 1pct。\n\n")
SNACKS = ("### （五）休闲零食行业\n\n#### 1. 收入与利润\n\n"
          "- **2024 年**：收入 {rev}；归母净利润 30 亿元，同比 + 1.28%。\n\n"
          "#### 2. 盈利能力\n\n- **净利率**：2024 年 5.99%，同比 - 0.41pct；2025Q1 6.4%，同比 - 2.55pct。\n\n")
CATERING = ("### （七）餐饮供应链行业\n\n#### 1. 收入与利润\n\n"
            "- **2024 年**：收入 383 亿元，同比 + 1.14%；归母净利润 28 亿元，同比 - 11.1%。\n\n")


def margins(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in check_article(article_from_bytes(text.encode("utf-8"), "87.md", ".md")):
        if c.kind == "ratio" and c.verdict != "unverifiable":
            out.setdefault(c.stated, []).append(c.relation)
    return out


def test_a_margin_pairs_with_the_profit_and_revenue_of_its_own_industry():
    text = "## 二、细分行业深度数据\n\n" + SEASONING + SNACKS.format(rev="503 亿元，同比 + 8.14%") + CATERING
    found = margins(text)
    # 30 / 503 = 5.96%, its own industry's; 28 (餐饮供应链) / 475 (调味品) = 5.89% fits too
    assert found["5.99%"] == ["30 亿元 / 503 亿元 = 5.99%"]
    assert found["18.46%"] == ["88 亿元 / 475 亿元 = 18.46%"]


def test_no_margin_from_two_other_industries_when_its_own_revenue_is_not_written():
    text = "## 二、细分行业深度数据\n\n" + SEASONING + SNACKS.format(rev="同比 + 8.14%") + CATERING
    assert "5.99%" not in margins(text)


def test_a_subject_heading_is_not_crossed_to_find_a_pair():
    # 75.md: a company's forecast margin under its own heading; 22 亿元 (海天味业) / 330.2 亿元
    # (伊利股份) = 6.66% would confirm 6.5% at 约 precision
    text = ("### 二、子行业深度分析\n\n#### 龙头业绩\n\n- **伊利股份**：2025Q1 营收 330.2 亿元（+1.4%），归母净利润 "
            "48.7 亿元（-17.7%）。\n\n#### 需求修复\n\n- **海天味业**：2025Q1 营收 83.2 亿元（+8.1%），归母净利润 22 亿元"
            "（+14.8%）。\n\n### 三、投资主线与相关公司\n\n#### 统一企业中国（220 HK）\n\n- 2025Q1 净利润同比 + 32%，"
            "PET 成本下降拉动毛利率提升 0.5pct，全年预计净利率提升至 6.5%。\n")
    assert "6.5%" not in margins(text)
