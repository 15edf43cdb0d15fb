"""Excess returns over an index named (checks/named_returns.py), from 178 and 587
(tests/check_eleventh), 254 (tests/check_seventh), 23 and 387 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _gaps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "difference"}


def test_relative_returns_over_the_one_broad_index():
    text = ("本周沪深 300 指数下跌 0.25%，公用事业指数上涨 0.26%，环保指数下跌 1.19%，公用事业周相对收益率 {a}%，"
            "环保周相对收益率 - 0.94%。")
    # 0.26 - (-0.25) = 0.51 (0.50-0.52); -1.19 - (-0.25) = -0.94
    assert _gaps(text.format(a="0.52")) == {"0.52%": "consistent", "- 0.94%": "consistent"}
    assert _gaps(text.format(a="0.72"))["0.72%"] == "inconsistent"


def test_a_benchmark_named_two_ways_in_a_list_written_before():
    text = ("本周上证综指、深证综指分别上涨 7.97%、12.35%。非银指数（申万）上涨 8.26%，跑赢上证指数 0.30 个百分点，"
            "落后深证综指 {b} 个百分点。")
    assert _gaps(text.format(b="4.08")) == {"0.30 个百分点": "consistent", "4.08 个百分点": "consistent"}
    assert _gaps(text.format(b="3.08"))["3.08 个百分点"] == "inconsistent"


def test_no_pairing_across_periods_or_with_an_index_of_another_name():
    # 387: a year-to-date fall against the month's index return
    assert _gaps("6 月煤炭板块上涨 0.7%，沪深 300 上涨 2.5%。年初以来，截至 7 月 22 日累计下跌 2.0%，"
                 "跑输沪深 300 指数 6.7pct。").get("6.7pct") != "inconsistent"
    # 23: 恒生指数 is not 恒生医疗保健
    assert _gaps("近 6 个月累计上涨 25.74%，跑赢恒生指数 5.95 个百分点，恒生医疗保健板块累计上涨 18.27%。"
                 ).get("5.95 个百分点") != "inconsistent"
    # 254: the sector's own return is not the index written before the gap
    assert _gaps("同期上证指数上涨 0.2%，沪深 300 指数下跌 2.2%，创业板指下跌 6.1%，证券行业跑输沪深 300 指数 "
                 "7.75pct。").get("7.75pct") != "inconsistent"


def test_the_market_is_the_paragraphs_one_broad_index():
    # 638 (tests/check_twelfth): -0.26 - 0.21 = -0.47
    text = "上周银行指数较前一周下跌 0.26%，同期上证综指上涨 0.21%，走势弱于大盘 {g} 个百分点。"
    assert _gaps(text.format(g="0.47")) == {"0.47 个百分点": "consistent"}
    assert _gaps(text.format(g="0.67")) == {"0.67 个百分点": "inconsistent"}
