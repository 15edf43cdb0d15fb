"""A net margin and its 同比 change from the profit and revenue of its period elsewhere in its
heading section (checks/margins.py); sentences from the corpus (558 传媒, 663 物流, 567 食品饮料)."""

from __future__ import annotations

from macrodesk.checks.margins import find_section_margins
from macrodesk.readers import article_from_bytes

MEDIA = ("## 一、综述\n\n2025H1 传媒板块整体营业收入 2728.86 亿元，同比增长 2.91%，营收规模创同期新高，增速较 2024H1 "
         "提升 1.29pct；归母净利润 222.74 亿元，同比增速由 2024H1 的 - 33.43% 提升至 38.08%。\n\n"
         "2025Q2 传媒板块单季度营业收入 1386.90 亿元，同比增加 1.32%；归母净利润 112.64 亿元，同比增加 32.62%。\n\n"
         "2025H1 传媒板块整体毛利润 856.69 亿元，毛利率 31.39%，同比提升 0.99pct；归母净利率 {m}%，同比提升 {c}pct。\n")
FILM = ("## 三、影视\n\n2025Q2 影视板块营业收入 49.39 亿元，同比减少 22.53%，环比减少 63.42%；归母净利润 - 6.19 亿元，"
        "较 2024Q2 的 4.24 亿元亏损进一步扩大。2025Q2 影视板块毛利率 15.81%，同比下滑 2.87pct；归母净利率 {m}%，同比下滑 5.88pct。\n")
DEPPON = ("### （四）物流板块\n\n#### 1. 德邦股份\n\n- **业绩表现**：2025 年上半年营收 205.5 亿元（+11.4%），归母净利润 0.52 亿元"
          "（-84%）；二季度营收 101.5 亿元（+10.9%），归母净利润 1.21 亿元（-50%）。\n- **经营情况**：盈利能力承压，上半年"
          "运输成本同比 + 30.2%（占收入比 + 6.485 个百分点），毛利率 5.33%（-2.29 个百分点），归母净利率 {m}%（{c} 个百分点）\n")


def checks(text: str):
    return {c.stated: c for c in find_section_margins(article_from_bytes(text.encode("utf-8"), "558.md", ".md"))}


def test_the_margin_is_the_only_profit_over_the_only_revenue_of_its_period_in_the_section():
    found = checks(MEDIA.format(m="8.16", c="2.08"))
    # 222.74 / 2728.86 = 8.162%: the 2025H1 levels, not the Q2 ones and not the 2024H1 bases
    assert found["8.16%"].verdict == "consistent" and found["8.16%"].relation.startswith("222.74 亿元 / 2728.86 亿元")
    assert checks(MEDIA.format(m="9.16", c="2.08"))["9.16%"].verdict == "inconsistent"


def test_a_loss_margin_is_checked_with_its_sign():
    # 558: - 6.19 / 49.39 = -12.53%, written - 12.54% (in its rounding)
    assert checks(FILM.format(m="- 12.54"))["- 12.54%"].verdict == "consistent"
    assert checks(FILM.format(m="- 14.54"))["- 14.54%"].verdict == "inconsistent"


def test_last_years_margin_is_derived_from_the_growths_and_only_confirms():
    change = checks(MEDIA.format(m="8.16", c="2.08"))["2.08pct"]
    # (222.74/1.3808) / (2728.86/1.0291) = 6.08%: the growth after 同比增速由…提升至 is this year's
    assert change.verdict == "consistent" and change.derived and "上年净利率 6.08" in change.relation
    wrong = checks(MEDIA.format(m="8.16", c="3.08"))["3.08pct"]
    assert wrong.verdict == "unverifiable" and not wrong.refutable


def test_bracketed_growths_and_a_change_with_no_basis_word():
    # 663 德邦: 0.52 / 205.5 = 0.253%; last year (0.52/0.16) / (205.5/1.114) = 1.76%, so -1.51pct
    # (the -84% is rounded: -1.55 is within it)
    found = checks(DEPPON.format(m="0.25", c="-1.55"))
    assert found["0.25%"].verdict == "consistent" and "0.52 亿元 / 205.5 亿元" in found["0.25%"].relation
    assert found["-1.55 个百分点"].verdict == "consistent" and "unwritten basis" in found["-1.55 个百分点"].relation


def test_no_margin_when_the_section_holds_two_profits_of_its_period():
    # 558 广告营销: the profit and the profit "剔除利欧股份影响后" are both 2025H1's: which one is meant
    # is not certain, so nothing is said
    text = ("### （二）板块业绩\n\n广告营销板块 37 家上市公司 2025H1 实现营业收入 1021.16 亿元，同比增加 2.34%；归母净利润 "
            "36.88 亿元，同比增加 40.97%。\n\n剔除利欧股份影响后，广告营销板块 2025H1 归母净利润为 32.10 亿元，同比减少 4.47%。\n\n"
            "2025H1 广告营销板块整体毛利率 11.75%，同比下滑 0.62pct；归母净利率 5.61%，同比提升 0.99pct。\n")
    assert checks(text) == {}


def test_a_mismatch_that_another_period_fits_proves_nothing():
    # the Q2 margin written where the paragraph's period was read as H1: 112.64 / 1386.90 = 8.12%
    text = MEDIA.format(m="8.12", c="1.92")
    assert "8.12%" not in checks(text)


FILM_H1 = ("## 三、影视\n\n### （二）板块业绩\n\n影视板块 18 家上市公司 2025H1 实现营业收入 184.39 亿元，同比增加 17.16%；"
           "归母净利润 17.24 亿元，同比增加 120.85%。\n\n2025H1 影视板块整体毛利率 28.31%，同比提升 1.35pct；归母净利率 9.35%，"
           "同比提升 4.39pct。\n\n")


def test_last_years_loss_written_as_a_level_gives_last_years_margin():
    # 558: 2024Q2 revenue 49.39/(1-22.53%) = 63.75, margin -4.24/63.75 = -6.65%; -12.53 - (-6.65) = -5.88
    found = checks(FILM.format(m="- 12.54"))
    assert found["5.88pct"].verdict == "consistent" and "(-4.24 亿元 亏损)" in found["5.88pct"].relation
    # 558 广电: two levels and two earlier levels pair by position (- 8.15 with - 6.81, not - 11.65)
    tv = ("## 六、广电\n\n广电板块 13 家上市公司 2025H1 实现营业收入 178.61 亿元，同比减少 1.74%；归母净利润 - 8.15 亿元，"
          "扣非后归母净利润 - 12.34 亿元，较 2024H1 的 - 6.81 亿元和 - 11.65 亿元亏损进一步扩大。\n\n"
          "2025H1 广电板块整体毛利率 22.40%，同比提升 0.14pct；归母净利率 - 4.56%，同比下滑 {c}pct。\n")
    assert checks(tv.format(c="0.82"))["0.82pct"].verdict == "consistent"  # -4.563 - (-3.746) = -0.817
    assert checks(tv.format(c="1.82"))["1.82pct"].verdict == "unverifiable"  # derived from growths: confirm-only


def test_last_quarters_margin_is_the_half_less_the_quarter_and_is_certain():
    # 558: Q1 margin (17.24 + 6.19) / (184.39 - 49.39) = 17.36%, so the Q2 margin of -12.53% fell
    # 29.9pct 环比; the text's "环比下滑 12.54pct" repeats the level (a real slip)
    text = FILM_H1 + FILM.format(m="- 12.54").replace("同比下滑 5.88pct。", "同比下滑 5.88pct，环比下滑 {c}pct。")
    wrong = checks(text.format(c="12.54"))["12.54pct"]
    assert wrong.verdict == "inconsistent" and wrong.derived and "2025Q1 = 2025H1 - 2025Q2" in wrong.relation
    assert checks(text.format(c="29.90"))["29.90pct"].verdict == "consistent"
    # without the half-year levels in the section there is no last quarter to compare with
    assert "12.54pct" not in checks(FILM.format(m="- 12.54").replace("同比下滑 5.88pct。", "环比下滑 12.54pct。"))


def test_a_margin_named_for_a_part_or_a_peer_is_not_refuted():
    # "其中…业务净利率", "行业平均净利率": not the section's profit over its revenue
    for words in ("其中海外业务归母净利率", "行业平均归母净利率"):
        text = MEDIA.format(m="9.16", c="2.08").replace("归母净利率 9.16%", f"{words} 9.16%")
        assert "9.16%" not in checks(text)


FOOD = ("## 一、食品饮料板块整体表现\n\n2025 年上半年（25H1），申万食品饮料板块实现营业收入 5828.05 亿元，同比增长 2.47%，"
        "在 31 个申万一级子行业中营收增速排名第 14；2025 年第二季度（25Q2）板块实现营业收入 2551.79 亿元，同比增长 2.36%，"
        "营收增速环比放缓，排名降至第 17。\n\n盈利能力方面，25H1 板块实现归母净利润 1276.68 亿元，同比下降 0.60%，归母净利率 "
        "{h}%，同比下降 0.67 个百分点；25Q2 板块实现归母净利润 460.81 亿元，同比下降 2.10%，环比下降 43.52%，归母净利率 "
        "{q}%，同比下降 0.83 个百分点。\n")


def test_half_year_and_quarter_margins_take_their_own_periods():
    # 567: 1276.68 / 5828.05 = 21.91% (25H1) and 460.81 / 2551.79 = 18.06% (25Q2), the revenues
    # in the paragraph before
    found = checks(FOOD.format(h="21.91", q="18.06"))
    assert found["21.91%"].verdict == "consistent" and found["18.06%"].verdict == "consistent"
    assert "2551.79 亿元" in found["18.06%"].relation
    # last year's margins from the growths: 21.91 - 22.58 = -0.67 and 18.06 - 18.88 = -0.82 (-0.83
    # within the rounding of 2.10% and 2.36%); derived, so they confirm and could not refute
    assert found["0.67 个百分点"].verdict == "consistent"
    assert found["0.83 个百分点"].verdict == "consistent" and not found["0.83 个百分点"].refutable
    swapped = checks(FOOD.format(h="18.06", q="21.91"))  # each margin against the other period
    assert all(c.verdict != "inconsistent" for c in swapped.values())


def test_a_projects_sales_value_is_its_revenue():
    # 625 (tests/check_eleventh): 毛利润 160 亿元 of 可售货值 372 亿元 is 43.0% (42.8-43.2)
    from macrodesk.checks.arithmetic import check_text

    text = ("华润后滩地块为纯住宅无配建，预计该地块住宅售价 15 万元 / 平，可售货值 372 亿元，建安及精装修按 15000 元 / 平米"
            "计算，毛利润 160 亿元，毛利率 {m}%。")
    assert [c.verdict for c in check_text(text.format(m="42.9")) if c.stated == "42.9%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(m="45.9")) if c.stated == "45.9%"] == ["inconsistent"]
