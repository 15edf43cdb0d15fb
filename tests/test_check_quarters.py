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


FILM = ("## 三、影视\n\n### （二）板块业绩\n\n影视板块 18 家上市公司 2025H1 实现营业收入 184.39 亿元，同比增加 17.16%；"
        "归母净利润 17.24 亿元，同比增加 120.85%。\n\n2025H1 影视板块整体毛利率 28.31%，同比提升 1.35pct。\n\n"
        "2025Q2 影视板块营业收入 49.39 亿元，同比减少 22.53%，环比减少 {g}%。\n")


def test_the_entity_written_before_the_half_year_names_its_level():
    # 558: "影视板块 18 家上市公司 2025H1 实现营业收入" is the 影视板块's H1 (the words before the period);
    # 49.39 / (184.39 - 49.39) - 1 = -63.42%
    (c,) = checks(FILM.format(g="63.42"))
    assert c.verdict == "consistent" and c.refutable and "184.39 亿元 - 49.39 亿元" in c.relation
    (wrong,) = checks(FILM.format(g="53.42"))
    assert wrong.verdict == "inconsistent"


def test_a_segment_named_before_its_period_is_not_the_company():
    # 592 赣锋锂业: "锂电池板块 2025H1 营收 29.8 亿元" is a segment; the Q2 pairs with the company's 83.8
    text = ("1. **赣锋锂业**：2025H1 营收 83.8 亿元（-12.6%），归母净利润 5.3 亿元（+30.1%）；25Q2 营收 46 亿元"
            "（+1.6%、环比 + 22.1%）。锂电池板块 2025H1 营收 29.8 亿元（+9.9%），毛利率 14.2%。")
    (c,) = checks(text)
    assert c.verdict == "consistent" and "83.8 亿元 - 46 亿元" in c.relation  # 46 / 37.8 - 1 = 21.7%
    # words before a period that are no entity ("根据伽马数据") name nothing: the market and its
    # segment stay apart, and a mismatch against the market proves nothing
    found = checks("根据伽马数据，2025H1 游戏市场规模 1680 亿元。2025Q2 移动游戏市场规模 598.83 亿元，环比减少 5.88%。")
    assert [c.verdict for c in found] == ["unverifiable"]


def test_a_level_whose_only_date_comes_after_it_is_of_the_period_in_force():
    # 592: "归母净利润 53.05 亿元，较 2024H1 的 - 3.73 亿元" is the 2025H1 profit, not 2024H1's;
    # 30.4 / (53.05 - 30.4) - 1 = +34.2%, written - 34.00% (a real slip: the sign)
    text = ("### （一）上半年\n\n2025H1，申万能源金属板块实现营收 812.43 亿元，同比增长 0.11%；归母净利润 53.05 亿元，"
            "较 2024H1 的 - 3.73 亿元增长 56.78 亿元。\n\n### （二）二季度\n\n2025Q2，申万能源金属板块实现营收 438.8 亿元，"
            "同比 + 5.48%、环比 + 17.45%；归母净利润 30.4 亿元，同比 + 51.93%、环比 - 34.00%。\n")
    found = {c.stated: c for c in checks(text)}
    assert found["+ 17.45%"].verdict == "consistent"
    assert found["- 34.00%"].verdict == "inconsistent" and "53.05 亿元 - 30.4 亿元" in found["- 34.00%"].relation


def test_the_stated_growth_gets_no_slack_beyond_its_digits():
    # 592 中国铝业: 605.99 / (1163.92 - 605.99) - 1 = 8.611%-8.617%, which no rounding writes 8.60%
    text = ("3. **中国铝业**：2025H1 营收 1163.92 亿元（+5.12%），归母净利润 70.71 亿元（+0.81%）；25Q2 营收 "
            "605.99 亿元（环比 + {g}%），归母净利润 35.71 亿元（环比 + 2.03%）。")
    assert {c.stated: c.verdict for c in checks(text.format(g="8.60"))}["+ 8.60%"] == "inconsistent"
    assert {c.stated: c.verdict for c in checks(text.format(g="8.61"))}["+ 8.61%"] == "consistent"


def test_a_total_revenue_half_and_a_sales_revenue_name_the_same_level_loosely():
    # 504 万华化学: 营业总收入 (H1) and 营业收入 (Q2) may differ by a financial arm: a fit confirms
    text = ("2025 年上半年实现营业总收入 909.01 亿元，同比下降 6.35%。2025Q2 单季度实现营业收入 478.34 亿元，"
            "同比下降 6.04%，环比上升 {g}%。")
    (c,) = checks(text.format(g="11.07"))  # 478.34 / (909.01 - 478.34) - 1 = 11.07%
    assert c.verdict == "consistent" and not c.refutable
    assert [x.verdict for x in checks(text.format(g="15.07"))] == ["unverifiable"]
    # 558: 海外销售收入 is the 海外收入: 46.96 / (95.01 - 46.96) - 1 = -2.27%
    overseas = ("自主研发网络游戏海外销售收入 95.01 亿美元，同比增加 11.07%。\n\n2025Q2 国内游戏产业市场规模 822.96 亿元。"
                "自主研发网络游戏海外收入 46.96 亿美元，同比增加 4.84%，环比减少 2.27%。\n")
    assert [x.verdict for x in checks("2025H1 " + overseas)] == ["consistent"]


def test_a_half_year_written_as_shang_ban_nian_with_the_entity_after_it():
    # 542: "2025 年上半年光伏板块核心标的实现营收 3919.9 亿元"; 2174.4 / (3919.9 - 2174.4) - 1 = 24.57%
    text = ("2025 年上半年光伏板块核心标的实现营收 3919.9 亿元，同比下降 9.7%；2025Q2 实现营收 2174.4 亿元，同比下降 8.5%，"
            "环比增长 {g}%。")
    assert [c.verdict for c in checks(text.format(g="24.6"))] == ["consistent"]
    assert [c.verdict for c in checks(text.format(g="14.6"))] == ["inconsistent"]


def test_a_base_of_comparison_is_told_from_the_period_of_the_figures():
    from macrodesk.checks.quarters import is_base_date
    from macrodesk.figures import extract_figures

    def first_date(text: str):
        return next(f for f in extract_figures(text) if f.kind.value == "date")

    for base in ("增速较 2024H1 提升 1.29pct", "同比增速由 2024H1 的 - 33.43% 提升至 38.08%", "较 2024Q2 的 4.24 亿元亏损"):
        assert is_base_date(base, first_date(base)), base
    own = "2025H1 的归母净利润为 222.74 亿元"
    assert not is_base_date(own, first_date(own))


HUATIAN = ("3. **华天科技**：2025H1 营收 77.80 亿元，同比增长 15.81%；Q2 营收 42.11 亿元，环比增 {r} 亿元，创单季度新高；"
           "归母净利润 2.26 亿元，同比增长 1.68%，Q2 归母净利润 2.45 亿元，环比增 {p} 亿元。")


def test_a_change_written_as_an_amount_is_the_quarter_less_the_quarter_before():
    found = {c.stated: c for c in checks(HUATIAN.format(r="6.43", p="2.64"))}
    # 42.11 - (77.80 - 42.11) = 6.42, within the rounding of three two-decimal figures
    assert found["6.43 亿元"].verdict == "consistent" and found["6.43 亿元"].kind == "change"
    wrong = {c.stated: c for c in checks(HUATIAN.format(r="7.43", p="2.64"))}
    assert wrong["7.43 亿元"].verdict == "inconsistent"


def test_an_undated_level_restated_with_the_quarter_later_in_its_sentence_is_the_halfs():
    # "归母净利润 2.26 亿元" takes Q2 from the clause before, but "Q2 归母净利润 2.45 亿元" follows:
    # 2.26 is the H1 level, Q1 = -0.19 (a loss is no obstacle to a difference); inferred, so a
    # mismatch proves nothing
    found = {c.stated: c for c in checks(HUATIAN.format(r="6.43", p="2.64"))}
    assert found["2.64 亿元"].verdict == "consistent" and "2.26 亿元 - 2.45 亿元" in found["2.64 亿元"].relation
    wrong = {c.stated: c for c in checks(HUATIAN.format(r="6.43", p="3.64"))}
    assert wrong["3.64 亿元"].verdict == "unverifiable"


ASMPT = ("2. **ASMPT**：2025H1 营收 59.85 亿元，SEMI 业务营收 36.67 亿元（占比 61.26%）；订单 65.13 亿元，SEMI 订单 "
         "31.10 亿元。2025Q2 SEMI 营收 18.40 亿元（环比增 0.78%，同比增 21.13%），SEMI 订单 15.19 亿元（环比降 {g}%，同比降 4.05%）。")


def test_a_segment_named_in_latin_letters_pairs_with_its_own_half():
    # 15.19 / (31.10 - 15.19) - 1 = -4.53% ("环比降" is a fall); not 65.13, the company's orders
    found = {c.stated: c for c in checks(ASMPT.format(g="4.48"))}
    assert found["4.48%"].verdict == "consistent" and "31.10 亿元 - 15.19 亿元" in found["4.48%"].relation
    assert found["0.78%"].verdict == "consistent"  # 18.40 / (36.67 - 18.40) - 1 = 0.71%
    assert {c.stated: c for c in checks(ASMPT.format(g="6.48"))}["6.48%"].verdict == "inconsistent"


def test_a_heading_that_names_a_half_year_report_dates_its_section():
    text = ("# 证券行业 2025 年中报综述\n\n## 二、上市券商 2025 年中报\n\n自营业务：合计实现投资净收益（含公允价值）1178 亿元，同比增长 51%。第二季度合计实现"
            "投资净收益 671 亿元，同比增长 53%，环比增长 {g}%。\n")
    # 671 / (1178 - 671) - 1 = 32.35%
    assert [c.verdict for c in checks(text.format(g="32"))] == ["consistent"]
    # the half's period is read from the heading, not written with it: a mismatch proves nothing
    assert [c.verdict for c in checks(text.format(g="42"))] == ["unverifiable"]
    assert checks(text.replace("2025 年中报", "经营情况").format(g="32")) == []


def test_a_half_of_another_sample_under_another_heading_confirms_nothing():
    # 526: the whole industry's H1 (150 家券商, 1123 亿元) is not the listed brokers' (50 家上市券商)
    text = ("# 证券行业 2025 年中报综述\n\n## 一、2025 年股市走强\n\n证券行业经营情况：2025 年上半年，150 家券商实现营业收入 "
            "2510 亿元，同比增长 23%；实现净利润 1123 亿元，同比增长 40%。\n\n## 二、上市券商 2025 年中报\n\n整体经营业绩："
            "50 家上市券商合计实现营业收入 2722 亿元，同比增长 29%。第二季度，合计实现净利润 566 亿元，同比增长 50%，环比增长 1%。\n")
    assert [c for c in checks(text) if c.stated == "1%"] == []


BROKERS = ("# 2025.9.2证券行业 2025 年中报总结\n\n## 二、各项业绩\n\n整体经营业绩：50 家上市券商合计实现营业收入 2722 亿元，同比增长 29%；"
           "实现归母净利润 1124 亿元，同比增长 64%。扣除国泰海通因合并产生的 85 亿元负商誉后，归母净利润 1039 亿元，同比增长 51%。"
           "第二季度，合计实现净利润 566 亿元，同比增长 50%，环比增长 {g}%。\n")


def test_a_quarters_net_profit_confirms_against_the_halfs_parent_profit_not_an_adjusted_one():
    # 566 / (1124 - 566) - 1 = 1.43% ("1%"); the title dates the half; 1039 is the profit after an
    # adjustment, not the reported half; 净利润 against 归母净利润 and a title's period only confirm
    assert [(c.verdict, c.inputs) for c in checks(BROKERS.format(g="1"))] == [("consistent", ["1124 亿元", "566 亿元"])]
    assert [c.verdict for c in checks(BROKERS.format(g="9"))] == ["unverifiable"]
    # 566 / (1039 - 566) - 1 = 19.7%: the adjusted profit is never the half
    assert [c.verdict for c in checks(BROKERS.format(g="20"))] == ["unverifiable"]


# 570 (有色行业 2025 中报综述): each segment's H1 under "（一）2025 年上半年表现", its Q2 with 环比
# under "（二）2025 年 2 季度表现", the segment named by the list item's bold lead-in
SEGMENTS = ("## 一、基本金属\n\n### （一）2025 年上半年表现\n\n3. **细分板块情况**\n\n"
            "- **铜**：营业收入 8099.3 亿元，同比增长 2.07%；归母净利 453.25 亿元，同比增长 40.18%。\n\n"
            "- **铝**：营业收入 2553.41 亿元，同比增长 8.8%；归母净利 198.65 亿元，同比增长 4.45%。\n\n"
            "### （二）2025 年 2 季度表现\n\n3. **细分板块情况**\n\n"
            "- **铜**：营业收入 4408.43 亿元，同比增长 1.47%，环比增长 19.42%；归母净利 247.93 亿元，"
            "同比增长 33.95%，环比增长 20.76%。\n\n"
            "- **铝**：营业收入 1320.87 亿元，同比增长 3.11%，环比增长 7.17%；归母净利 104.51 亿元，"
            "同比下滑 12.76%，环比增长 11.03%。\n")


def test_a_segment_half_and_quarter_in_sibling_dated_subsections():
    found = {c.stated: c for c in checks(SEGMENTS)}
    # 247.93 / (453.25 - 247.93) - 1 = 20.75%; 104.51 / (198.65 - 104.51) - 1 = 11.01%
    assert found["20.76%"].verdict == "consistent" and found["11.03%"].verdict == "consistent"
    assert found["7.17%"].verdict == "consistent"  # 1320.87 / 1232.54 - 1
    # 4408.43 / (8099.3 - 4408.43) - 1 = 19.44%, written 19.42%: a real slip of 570
    assert found["19.42%"].verdict == "inconsistent" and found["19.42%"].refutable


def test_undated_subsections_or_a_topic_lead_pair_nothing_certain():
    # the subsection headings name no period: the segments' levels have none
    undated = SEGMENTS.replace("2025 年上半年表现", "上游").replace("2025 年 2 季度表现", "下游")
    assert checks(undated) == []
    # "**业绩数据**" is a topic, not a segment: no entity, so no pairing across the subsections
    topic = SEGMENTS.replace("**铜**", "**业绩数据**").replace("- **铝**：营业收入 2553.41 亿元", "- 营业收入 2553.41 亿元")
    assert all(c.verdict != "inconsistent" for c in checks(topic))


MARGIN = ("### （一）2025 年上半年表现\n\n2. **业绩数据**：2025 上半年黄金板块营业收入 2133.28 亿元，同比增长 25.94%；"
          "毛利率 12.05%，同比增长 1.2 个百分点。\n\n### （二）2025 年 2 季度表现\n\n"
          "2. **业绩数据**：2025 年 2 季度黄金板块营业收入 1183.02 亿元，同比增长 28.76%，环比增长 24.49%；"
          "毛利率 12.34%，同比增长 0.69 个百分点，环比{verb} {pts} 个百分点。\n")


def test_a_quarter_margin_change_against_the_derived_quarter_before():
    # 570: Q1 margin = (12.05% × 2133.28 - 12.34% × 1183.02) / (2133.28 - 1183.02) = 11.68%:
    # 12.34% - 11.68% = 0.65 个百分点, written 0.66
    found = {c.stated: c for c in checks(MARGIN.format(verb="增长", pts="0.66"))}
    assert found["0.66 个百分点"].verdict == "consistent" and found["0.66 个百分点"].derived
    assert "2133.28 亿元" in found["0.66 个百分点"].inputs
    # confirm-only (a sector margin may average its companies'): a wrong change or a flipped sign
    # is not confirmed, and not refuted either
    for verb, pts in (("增长", "1.66"), ("下滑", "0.66")):
        c = {c.stated: c for c in checks(MARGIN.format(verb=verb, pts=pts))}[f"{pts} 个百分点"]
        assert c.verdict == "unverifiable"


# 542 (光伏中报): the half's installations and each quarter's, in three paragraphs
INSTALLS = ("分类型来看，2025 上半年国内集中式、分布式新增光伏装机占比分别为 47%、53%。其中集中式新增 98.8GW，"
            "同比增长 99%；分布式新增 {h1}GW，同比增长 113%。\n\n"
            "2025Q1 集中式、分布式占比分别为 39%、61%。集中式新增 23.4GW，同比增长 7%；分布式新增 36.3GW，同比增长 52%。\n\n"
            "2025Q2 集中式、分布式占比均为 50%。集中式新增 75.4GW，同比增长 172%；分布式新增 76.5GW，同比增长 163%。\n")


def half_sums(text: str):
    from macrodesk.checks.quarters import find_half_sums

    return {c.stated: c for c in find_half_sums(article_from_bytes(text.encode("utf-8"), "542.md", ".md"))}


def test_a_half_is_the_sum_of_its_quarters():
    found = half_sums(INSTALLS.format(h1="121.8"))
    assert found["98.8GW"].verdict == "consistent"  # 23.4 + 75.4
    # 36.3 + 76.5 = 112.8, written 121.8: a real slip of 542
    assert found["121.8GW"].verdict == "inconsistent" and found["121.8GW"].inputs == ["36.3GW", "76.5GW"]
    # within 3% a quarter may have been restated: not refuted
    assert half_sums(INSTALLS.format(h1="114.8"))["114.8GW"].verdict == "unverifiable"


def test_a_half_without_both_quarters_of_its_entity_is_not_summed():
    # the Q1 paragraph names another entity: 分布式 has no Q1
    other = INSTALLS.format(h1="121.8").replace("分布式新增 36.3GW", "户用新增 36.3GW")
    assert "121.8GW" not in half_sums(other)
    # two H1 levels of one entity and metric: which one the quarters add to is unknown
    twice = INSTALLS.format(h1="121.8") + "\n2025 上半年分布式新增 112.8GW。\n"
    assert "121.8GW" not in half_sums(twice)


def segment_sums(text: str):
    from macrodesk.checks.quarters import find_segment_sums

    return find_segment_sums(article_from_bytes(text.encode("utf-8"), "570.md", ".md"))


ENERGY = ("## 三、能源金属\n\n### （一）2025 年上半年表现\n\n"
          "2. **业绩数据**：2025 上半年能源金属板块营业收入 1191.97 亿元，同比增长 7.68%；归母净利 76.87 亿元，同比增长 170.9%。\n\n"
          "3. **细分板块情况**\n\n- **锂**：营业收入 439.36 亿元，同比下滑 4.76%；归母净利 25.28 亿元，同比增长 321.39%。\n\n"
          "- **镍钴**：营业收入 752.62 亿元，同比增长 16.57%；归母净利 51.59 亿元，同比增长 29.65%。\n\n"
          "## 四、稀土磁材\n\n### （一）2025 年上半年表现\n\n- **稀土**：营业收入 487.75 亿元，同比增长 16.48%。\n")


def test_segments_listed_under_a_sector_add_up_to_it():
    found = {c.stated: c for c in segment_sums(ENERGY)}
    # 439.36 + 752.62 = 1191.98 ≈ 1191.97; 25.28 + 51.59 = 76.87
    assert found["1191.97 亿元"].verdict == "consistent" and found["1191.97 亿元"].inputs == ["439.36 亿元", "752.62 亿元"]
    assert found["76.87 亿元"].verdict == "consistent"
    # the next section's segment (稀土) is not one of them
    assert "487.75 亿元" not in found["1191.97 亿元"].inputs


def test_segments_that_do_not_add_up_are_not_judged():
    # a list may leave a segment out: no check, never an inconsistency
    short = ENERGY.replace("752.62 亿元", "652.62 亿元")
    assert "1191.97 亿元" not in {c.stated for c in segment_sums(short)}
