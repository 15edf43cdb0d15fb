"""Round 16: relations company research writes that the checker paired with nothing, each from a
real article: a bare 净利率 beside only the 归母 profit of its period."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb444 (twenty-eighth set): "归母净利" is the only profit of 22H1 and 22Q2; the margins are bare 净利率
_CFB444 = ("22H1公司营业收入23.0亿元/+2.4%，归母净利7.4亿元/+7.6%，扣非后归母净利7.2亿元/+9.9%；其中22Q2营业收入9.9亿元/-7.9%，"
           "归母净利2.5亿元/-4.9%，扣非后归母净利2.5亿元/-2.1%。盈利能力方面，22H1年公司毛利率同比提升0.7Pct至75.5%；"
           "净利率同比提升1.5Pcts至{h}。其中22Q2毛利率同比降低0.7Pct至72.1%，销售费用率降低2.3Pcts、净利率同比提升0.8Pct至{q}。")


def test_a_bare_net_margin_is_read_on_the_only_parent_profit_of_its_period():
    checks = check_text(_CFB444.format(h="32.2%", q="25.8%"))
    ratios = {c.stated: c for c in checks if c.kind == "ratio"}
    assert ratios["32.2%"].verdict == "consistent" and ratios["32.2%"].relation == "7.4亿元 / 23.0亿元 = 32.2%"
    assert ratios["25.8%"].verdict == "consistent" and ratios["25.8%"].inputs == ["2.5亿元", "9.9亿元"]


def test_a_bare_net_margin_that_misses_the_parent_profit_proves_nothing():
    # it may be on the total profit, minorities included: a misfit is no verdict
    checks = check_text(_CFB444.format(h="35.2%", q="28.8%"))
    assert not [c for c in checks if c.stated in ("35.2%", "28.8%") and c.verdict != "unverifiable"]


# 297 (seventeenth set, a sector review): once the margin fits the 归母 profit its basis is settled,
# and its change from last year's margin rebuilt from the growths refutes
_297 = ("2025Q1：营收 1598.77 亿元（同比降 2.33%），归母净利润 115.56 亿元（同比增 11.56%），需求回暖、价格提涨及降本增效推动利润改善。"
        "盈利能力：25Q1 毛利率 18.94%（同比升 1.79pct），净利率 7.23%（同比升 {d}）。")


def test_the_change_of_a_bare_net_margin_that_fits_the_parent_profit_is_checked():
    (c,) = [c for c in check_text(_297.format(d="0.90pct")) if c.stated == "0.90pct"]
    assert c.verdict == "consistent" and c.derived
    # the article's 7.68pct (last year's margin would be -0.45%, not 6.33%) is a real error
    (c,) = [c for c in check_text(_297.format(d="7.68pct")) if c.stated == "7.68pct"]
    assert c.verdict == "inconsistent" and "6.33%" in c.relation
