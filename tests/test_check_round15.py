"""Round 15: relations company research writes that the checker paired with nothing or left
unverifiable, each from a real article: a margin's change written before its level, and a year's
quarters listed in another paragraph of a sentence that names the year twice."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb532 (twenty-seventh set): the growths in brackets after yoy, the margin's change before its level
_CFB532 = ("公司2022年全年实现营收67.14亿元（yoy-10.65%)，归母净利润8.19亿元（yoy+68.76%)，扣非归母净利7.74亿元（yoy+64.54%）。"
           "培育钻石等高端占比提升带动整体毛利率同增8.14pcts至28.88%，期间销售费用率同增0.11pct至0.94%；"
           "管理费用率同增1.67pct至8.63%；研发费用率同增1.20pt至5.79%，带动归母净利率同增{d}至12.20%。")


def test_a_margin_change_written_before_its_level_is_checked_against_the_growths():
    (c,) = [c for c in check_text(_CFB532.format(d="5.74pcts")) if c.stated == "5.74pcts"]
    # last year's margin is 12.20% × (1 - 10.65%) / (1 + 68.76%) = 6.46%
    assert c.verdict == "consistent" and c.derived and "6.459%" in c.relation
    # a miss is left unverifiable (confirm-only: the margin may be on total profit, not 归母)
    (c,) = [c for c in check_text(_CFB532.format(d="3.74pcts")) if c.stated == "3.74pcts"]
    assert c.verdict == "unverifiable"


def test_a_margin_change_before_its_level_takes_the_period_not_the_base_of_a_comparison():
    # cfr414 (twenty-ninth set): "较2021Q4环比" names the base of the next clause, not 2022Q1's period;
    # the quarter list's growths (2021Q4/2022Q1 … 同比+9.92%/+9.96%) are items, not 2022Q1's growth
    text = ("2022Q1实现营业收入16.78亿元，同比+9.96%；实现归母净利润1.46亿元，同比-47.81%，扣非后归母净利润1.32亿元，同比-51.5%。"
            "分季度看，公司2021Q4/2022Q1分别实现营收16.55/16.78亿元，同比+9.92%/+9.96%，实现归母净利润1.14/1.46亿元，"
            "同比-49.03%/-47.81%。受原材料及能源成本压制，2022Q1毛利率同比-10.92pcts至11.54%，较2021Q4环比-0.01pcts。"
            "期间费用持续优化，期间费用率同比-1.06pcts至3.82%，影响净利率同比{d}至8.73%，较2021Q4环比+1.88pcts。")
    (c,) = [c for c in check_text(text.format(d="-9.66pcts")) if c.stated == "-9.66pcts"]
    assert c.verdict == "consistent" and "(1 - 47.81%)" in c.relation
    (c,) = [c for c in check_text(text.format(d="-6.66pcts")) if c.stated == "-6.66pcts"]
    assert c.verdict == "unverifiable"


def test_quarters_listed_apart_sum_to_the_year_named_twice_in_its_sentence():
    # cfr014 (twenty-fifth set): the year's level sits in "发布 2018 年年报， 2018 年公司实现…", and the
    # profit list leaves its unit to the revenue list before it
    text = ("1．事件　　九阳股份发布 2018 年年报， 2018 年公司实现营业收入 81.69亿元，同比增长 12.71%；实现归母净利润 {p} 亿元，"
            "同比增长9.48%。\n\n分季度来看， 公司 2018 年 Q1/Q2/Q3/Q4 营业收入分别为15.68/20.71/17.99/27.31 亿元，同比增速分别为 "
            "5.57%/16.16%/0.08%/25.16%，归母净利润分别为 1.47/2.23/1.99/1.85， 同比增速分别为 7.88%/-0.85%/12.28%/23.11%.")
    checks = check_text(text.format(p="7.54"))
    sums = {c.stated: c.verdict for c in checks if c.kind == "sum"}
    assert sums == {"81.69亿元": "consistent", "7.54 亿元": "consistent"}
    growths = {c.stated: c.verdict for c in checks if c.kind == "growth" and c.derived}
    assert growths == {"12.71%": "consistent", "9.48%": "consistent"}
    # the profit list read in 亿元: a year's profit of 8.54 misses its quarters by a whole 亿
    sums = {c.stated: c.verdict for c in check_text(text.format(p="8.54")) if c.kind == "sum"}
    assert sums["8.54 亿元"] == "inconsistent"
