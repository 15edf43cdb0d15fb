"""Round 13 of the arithmetic checker: a value per unit's growth from its amount's and its volume's
(checks/unit_values.py), and areas read as units (万方, 万平方米, 元/平). Sentences from real
reports of the ground truths (cfr255, cfr534, cfb318) and the corpus (192)."""

from __future__ import annotations

from pathlib import Path

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.unit_values import find_unit_values
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind, canonical_unit
from macrodesk.readers import article_from_text

# cfr255: the price is the amount over the area, and so is its growth
PROPERTY = ("3月实现合同销售金额628.4亿元，同比增长+14.38%；实现合同销售面积429.5万方，同比增长+13.59%；"
            "对应销售均价{price}元/平米，同比增长{growth}，较上月降低1720元/平米。\n")


def per_unit(text: str) -> list:
    return [c for c in check_text(text) if "value per unit" in c.relation]


def test_a_price_growth_follows_from_the_amount_and_the_area():
    (c,) = per_unit(PROPERTY.format(price="14631", growth="+0.69%"))
    # (1.1438 / 1.1359) − 1 = 0.695%
    assert c.verdict == "consistent" and c.derived and c.refutable
    assert c.inputs == ["628.4亿元", "+14.38%", "429.5万方", "+13.59%", "14631元/平米"]
    assert "(1+14.38%) / (1+13.59%) - 1" in c.relation


def test_a_gross_miss_refutes_and_a_near_one_proves_nothing():
    (c,) = per_unit(PROPERTY.format(price="14631", growth="+6.69%"))
    assert c.verdict == "inconsistent" and c.refutable
    # 0.79% against 0.695%: a reported price may be reckoned on unrounded figures
    (c,) = per_unit(PROPERTY.format(price="14631", growth="+0.79%"))
    assert c.verdict == "unverifiable" and "unrounded" in c.note


def test_a_price_that_is_not_the_amount_over_the_area_is_not_paired():
    # 16631 is not 628.4亿 / 429.5万: the three are not one measure's amount, volume and price
    assert per_unit(PROPERTY.format(price="16631", growth="+6.69%")) == []


def test_a_paragraph_restating_its_figures_is_not_two_candidate_pairs():
    # cfr255 states its month once in the summary and again in the body, in one paragraph: the
    # amount and area written twice are one pair, not an ambiguity, and each price is judged
    text = PROPERTY.format(price="14631", growth="+0.69%").strip() + "另外，" + PROPERTY.format(
        price="14631", growth="+0.69%")
    found = per_unit(text)
    assert [c.verdict for c in found] == ["consistent", "consistent"]
    assert len({c.sentence_id for c in found}) == 2


def test_growths_written_before_their_levels_with_至():
    # cfr534: the price falls although the revenue rises, the volume rising more
    text = ("锂电涂覆领域客户持续拓展，全年勃姆石销量yoy+51%至2.5万吨，营收yoy+46%至4.8亿元，"
            "因拓展市场对产品有所调价，全年均价yoy-3.4%至1.94万元/吨。\n")
    (c,) = per_unit(text)
    assert c.verdict == "consistent" and c.computed_low is not None and c.computed_low < -3.3


def test_a_previous_period_price_takes_previous_period_growths():
    # cfb318: a 环比 price from 环比 revenue and volume; the volume's 同比 is not its base (asked of
    # the finder itself: another finder judges this one-sentence wording first)
    text = ("三季度，肥料业务收入10.3亿元，环比-5.5%，销量51.5万吨，环比-17.4%，同比+3.0%，"
            "销售均价2002元/吨，环比+14.4%。\n")
    (c,) = find_unit_values(article_from_text(text))
    assert c.verdict == "consistent" and "-17.4%" in c.inputs and "+3.0%" not in c.inputs
    # a 同比 price has no 同比 revenue here: nothing to pair
    assert find_unit_values(article_from_text(text.replace("环比+14.4%", "同比+14.4%"))) == []


def test_areas_are_units():
    kinds = [(f.text, f.kind, f.unit) for f in extract_figures("签约面积286.9万平方米，销售面积429.5万方，均价8,592元/平")]
    assert kinds == [("286.9万平方米", FigureKind.QUANTITY, "万平方米"), ("429.5万方", FigureKind.QUANTITY, "万方"),
                     ("8,592元/平", FigureKind.MONEY, "元/平")]
    assert canonical_unit(FigureKind.QUANTITY, "万平方米") == canonical_unit(FigureKind.QUANTITY, "亿方") == "方"
    assert canonical_unit(FigureKind.MONEY, "元/平米") == canonical_unit(FigureKind.MONEY, "元/平方米") == "元/方"
    # 方 is no unit in 一方面 or a 方案
    assert [f.kind for f in extract_figures("一方面，3方案")] == [FigureKind.NUMBER]


def changes(text: str, stated: str) -> list:
    return [(c.verdict, c.derived) for c in check_text(text) if c.stated == stated]


def test_a_share_change_written_with_its_verb_alone_is_a_year_on_year_one():
    # cfb572: 11.10% = 10.46 / 94.25, last year's 27.09% from the two declines: −16.00pct
    text = ("2022年，公司实现营业收入94.25亿元，同比下降36.47%。分行业看，互联网行业实现营收10.46亿元，"
            "同比下降73.97%，占总营收比重下降{d}pct至11.10%。\n")
    assert changes(text.format(d="16.00"), "16.00pct") == [("consistent", True)]
    # the share fits its inputs only as a segment of the company (confirm-only): a miss proves nothing
    assert changes(text.format(d="18.00"), "18.00pct") == [("unverifiable", False)]
    # against the start of the year, not last year: the growths say nothing of it
    other = text.replace("占总营收比重下降", "占总营收比重较年初下降")
    assert changes(other.format(d="16.00"), "16.00pct") == [("unverifiable", False)]


def test_a_fall_written_降低_is_negative():
    # cfr224 (twenty-sixth set): the change was read +5.73 against a computed −5.72 (a false alarm)
    text = ("2020年Q2，营收86.93亿元，同比-1.99%；归母净利润3.47亿元，同比-52.45%。"
            "公司2020Q2毛利率降低{d}个百分点至9.07%，实现毛利7.88亿元，同比减少39.92%。\n")
    assert changes(text.format(d="5.73"), "5.73个百分点") == [("consistent", True)]
    assert changes(text.format(d="7.73"), "7.73个百分点") == [("inconsistent", True)]


# 479 (the corpus): two 分别 lists of production and sales, each with its 环比 list
CARS = ("2025 年 7 月，汽车产销分别完成 259.1 万辆和 {total} 万辆，环比分别下降 7.3% 和 {g}%，同比分别增长 13.3% 和 "
        "14.7%。其中，乘用车产销分别完成 229.3 万辆和 228.7 万辆，环比分别下降 6% 和 9.8%，同比分别增长 13% 和 14.7%；"
        "商用车产销分别完成 29.8 万辆和 {part} 万辆，环比分别下降 15.8% 和 17.1%，同比分别增长 16.3% 和 14.1%。\n")


def fitted(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text(text) if "found by their sum" in c.relation}


def test_a_total_and_parts_written_apart_are_found_by_two_fits():
    found = fitted(CARS.format(total="259.3", g="10.7", part="30.6"))
    # sales: 228.7 + 30.6 = 259.3, and last month's 228.7/0.902 + 30.6/0.829 = 290.46 gives −10.7%
    assert found["259.3 万辆"] == ("consistent", False) and found["10.7%"] == ("consistent", False)
    # production: −7.3% from −6% and −15.8% (its sum 229.3 + 29.8 = 259.1 another finder already
    # judged first, by position: a search does not replace a judged check)
    assert found["7.3%"] == ("consistent", False) and "259.1 万辆" not in found
    assert [(c.verdict, c.refutable) for c in check_text(CARS.format(total="259.3", g="10.7", part="30.6"))
            if c.stated == "259.1 万辆"] == [("consistent", False)]


def test_a_search_that_fails_proves_nothing():
    # parts that do not add up are not this total's: nothing is said of its growth
    assert "10.7%" not in fitted(CARS.format(total="259.3", g="10.7", part="31.6"))
    # parts that add up but do not give the growth: no fit, and no error either
    found = fitted(CARS.format(total="259.3", g="12.7", part="30.6"))
    assert "12.7%" not in found and "259.3 万辆" not in found
    assert not [c for c in check_text(CARS.format(total="259.3", g="12.7", part="30.6"))
                if c.stated == "12.7%" and c.verdict == "inconsistent"]


def test_totals_of_two_digits_are_not_sought():
    # 7.4 = 5.7 + 1.7 within rounding, but so would many pairs of two-digit figures (the decoy runs)
    text = ("1H19电池装机7.4gwh，同比增121%，市占率24.5%。其中三元5.7gwh，同比增170%，乘用车基本转为三元；"
            "铁锂为1.7gwh，同比增36%，主要由泥头车拉动。\n")
    assert fitted(text) == {}


def test_levels_and_growths_paired_by_position():
    from macrodesk.checks.growth_items import moved_levels
    from macrodesk.checks.paragraphs import paragraphs

    def pairs(text: str) -> list[tuple[str, str, float]]:
        (p,) = paragraphs(article_from_text(text))
        return [(m.level.text, m.growth.text, round(m.rate.mid, 4)) for m in moved_levels(p)]

    # cfb230: growths before their levels, slash lists, 至
    assert pairs("2020年公司锂电设备、其他业务收入同比增长22.3%/43.3%至16.52/4.57亿元。\n") == [
        ("16.52", "22.3%", 0.223), ("4.57亿元", "43.3%", 0.433)]
    # cfb477: 、 and 和 lists, signed growths, 变动
    assert pairs("Q3公司汾酒、竹叶青和杏花村酒分别实现收入64.64亿、1.15亿和2.04亿元，同比变动37%、-42%和11%。\n") == [
        ("64.64亿", "37%", 0.37), ("1.15亿", "-42%", -0.42), ("2.04亿元", "11%", 0.11)]
    # a falling verb before a list signs each item
    assert [r for _, _, r in pairs("乘用车产销分别完成 229.3 万辆和 228.7 万辆，环比分别下降 6% 和 9.8%。\n")] == [-0.06, -0.098]
    # a share in a bracket is no growth
    assert pairs("境外收入4.32亿元（占比84%）。\n") == []


# cfb064 (a blind set): an expense, its rate and its change, the revenue a sentence before
EXPENSES = ("2019年上半年实现营业收入82.06亿元，同比增长20.52%；归母净利润23.69亿元，同比增长26.57%。"
            "费用方面，销售费用17.06亿元，同比增长12.15%，销售费用率{rate}%，同比下降{d}pct；管理费用4.12亿元，"
            "同比增长16.15%，管理费用率5.02%，同比下降0.19pct。\n")


def quotients(text: str) -> dict[str, tuple[str, bool, bool]]:
    return {c.stated: (c.verdict, c.refutable, c.derived) for c in check_text(text)
            if "found by their quotient" in c.relation}


def test_a_ratio_and_its_change_from_amounts_found_by_two_fits():
    # with the expense named by its ratio the direct reading comes first (checks/expense_shares.py,
    # confirm-only: no date in the expense's sentence), and the changes follow from it; two fits
    # are sought only where no name pairs them
    found = {c.stated: (c.verdict, c.refutable, c.derived) for c in check_text(EXPENSES.format(rate="20.79", d="1.55"))
             if c.verdict != "unverifiable"}
    # 17.06 / 82.06 = 20.79%; last year's (17.06/1.1215) / (82.06/1.2052) = 22.34%: −1.55pct
    assert found["20.79%"] == ("consistent", False, False)
    assert found["1.55pct"] == ("consistent", False, True)
    assert found["0.19pct"] == ("consistent", False, True)
    unnamed = EXPENSES.replace("销售费用17.06亿元", "营销投入17.06亿元")
    assert quotients(unnamed.format(rate="20.79", d="1.55"))["20.79%"] == ("consistent", False, False)


def test_a_ratio_search_that_fails_proves_nothing():
    # a change that does not follow: no fit, and nothing refuted
    assert "2.55pct" not in quotients(EXPENSES.format(rate="20.79", d="2.55"))
    assert not [c for c in check_text(EXPENSES.format(rate="20.79", d="2.55")) if c.verdict == "inconsistent"]
    # a ratio no two amounts give is not paired at all
    assert "21.79%" not in quotients(EXPENSES.format(rate="21.79", d="1.55"))


def test_amounts_of_two_periods_make_no_ratio():
    # 909: a 2026 Q1 revenue over the 2025 year's is 23.34%, beside the 2025 gross margin of 23.4%
    text = ("2025 年行业实现收入 2.11 万亿元，同比增长 5.1%；2025 年行业综合毛利率 23.4%，同比提升 0.5 个百分点。"
            "2026 年一季度，行业整体收入 4925 亿元，同比增长 7.6%。\n")
    assert quotients(text) == {}
    # and a ratio of two digits is met by too many quotients to be sought
    assert "21%" not in quotients(EXPENSES.format(rate="21", d="1.55"))


def test_a_margin_after_扣非后_is_on_the_扣非_profit():
    # cfb098 (the twenty-eighth set's first run): 5.8% was judged against 归母 3.21 / 53.1 = 6.05%
    text = ("公司公布2019年业绩快报：2019年收入53.1亿元，同比-2.5%；归属母公司净利润3.21亿元，同比-27%；"
            "扣非后净利润3.10亿元，同比-9.3%。剔除该影响，2019年扣非后净利润同比-9.3%至3.10亿元，扣非后净利率同比"
            "-0.4ppt至{m}%。\n")
    assert "inconsistent" not in {c.verdict for c in check_text(text.format(m="5.8")) if c.stated == "5.8%"}
    # 3.10 / 53.1 = 5.84%: a 扣非 margin of 6.8% is refuted on the 扣非 profit
    assert [c.inputs for c in check_text(text.format(m="6.8")) if c.stated == "6.8%" and c.verdict == "inconsistent"] \
        in ([], [["3.10亿元", "53.1亿元"]])


def test_a_segment_is_not_measured_against_the_company_a_year_before():
    # cfb407 (the twenty-eighth set's first run): 22Q1 中高档白酒 12.4 亿元 +56% over 21Q1's company revenue
    text = ("21年一季度实现营收15.8亿元，同比增长37.2%；归母净利润5.5亿元，同比增长49.0%。"
            "22年一季度中高档白酒实现营收12.4亿元，同比增长56%，普通白酒营收2.7亿元，同比减少6.9%。\n")
    # (a frame reading may still try it, hedged: a mismatch of a hedged reading proves nothing)
    assert not [c for c in check_text(text) if c.stated == "56%" and "15.8亿元" in c.inputs and c.verdict != "unverifiable"]
    # a plan names the same measure: 2020's planned output over 2019's output (cfr135)
    plan = (Path(__file__).parent / "check_nineteenth" / "articles" / "cfr135.md").read_text(encoding="utf-8")
    assert [(c.verdict, c.inputs) for c in check_text(plan) if c.stated == "8.65%"] == [
        ("consistent", ["2832万吨", "3077万吨"])]


def test_a_value_per_unit_from_the_amount_and_volume_of_its_paragraph():
    # cfb574: 98.69亿元 / 17.56万吨 = 5.620万元/吨; 3.26亿元 / 17.56万吨 = 1856 元/吨 (≈ 1858)
    text = ("2022年公司新材料产品销量17.56万吨。2）价：2022年公司新材料业务实现营收98.69亿元，单价为{p}万元/吨，"
            "同比上涨12%；实现净利润为3.26亿元，单吨净利为1858元/吨，同比下降14%。\n")
    found = {c.stated: (c.verdict, c.refutable, c.inputs) for c in check_text(text.format(p="5.62"))
             if "found by their quotient" in c.relation}
    assert found["5.62万元/吨"] == ("consistent", False, ["98.69亿元", "17.56万吨"])
    assert found["1858元/吨"] == ("consistent", False, ["3.26亿元", "17.56万吨"])
    # a value no amount over the volume gives is not paired, and nothing is refuted
    assert "6.62万元/吨" not in {c.stated for c in check_text(text.format(p="6.62")) if "quotient" in c.relation}
    # a value of two digits is met by too many quotients to be sought
    assert "5.6万元/吨" not in {c.stated for c in check_text(text.format(p="5.6")) if "quotient" in c.relation}


def test_a_volume_in_another_unit_is_no_volume_of_the_value():
    text = "公司实现营收98.69亿元，出货17.56万台，单价为5.62万元/吨。\n"
    assert not [c for c in check_text(text) if "found by their quotient" in c.relation]
