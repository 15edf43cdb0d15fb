"""A gap to a benchmark whose level is written in another section or sentence
(checks/benchmark_gap.py); sentences from 592 (metals), 272 (new materials) and 507 (chemicals)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check

_592 = ("## 二、市场回顾\n\n2025 年上半年（2025H1），上游企业受益于商品涨价，利润同比提升。上证指数涨幅 5.57%，有色金属指数涨幅 17.00%，跑赢上证指数 11.42 个百分点。"
        "2025 年年初至 9 月 12 日，上证指数涨幅 18.64%，有色金属板块涨幅 60.17%，跑赢上证指数 41.54 个百分点。\n\n"
        "## 三、工业金属\n\n2023 年初至 9 月 12 日，工业金属板块整体涨幅 78.22%，跑赢上证指数 54.02 个百分点；"
        "2025 年初至 9 月 12 日，该板块整体涨幅 53.18%，跑赢上证指数 34.55 个百分点。")


def _of(text: str, stated: str) -> Check:
    (c,) = [c for c in check_text(text) if c.stated == stated]
    return c


def test_the_benchmark_of_the_same_dates_in_another_section():
    c = _of(_592, "34.55 个百分点")
    assert c.verdict == "consistent" and c.inputs == ["53.18%", "18.64%"]  # not the H1 5.57%
    # the gap mistyped: one level of 上证指数 over those dates, so the inputs are certain
    assert _of(_592.replace("34.55", "36.55"), "36.55 个百分点").verdict == "inconsistent"


def test_a_level_of_the_benchmark_over_no_named_span_may_be_the_one_meant():
    # without the H1 sentence before it, "上证指数涨幅 5.57%" names no span: a mismatch proves nothing
    text = _592.replace("2025 年上半年（2025H1），上游企业受益于商品涨价，利润同比提升。", "")
    assert _of(text.replace("34.55", "36.55"), "36.55 个百分点").verdict == "unverifiable"
    assert _of(text, "34.55 个百分点").verdict == "consistent"


def test_no_level_of_the_benchmark_over_that_span():
    # 2023 年初至 9 月 12 日: 上证指数's level over it is not written
    assert _of(_592, "54.02 个百分点").verdict == "unverifiable"


def test_span_of_the_paragraph_and_a_second_gap_of_the_same_level():
    text = ("本周沪深 300 指数上涨 1.95%，上证指数上涨 1.91%，创业板指上涨 5.69%。"
            "新材料板块上涨 5.12%，跑输创业板指 0.57 个百分点。")
    assert _of(text, "0.57 个百分点").verdict == "consistent"
    assert _of(text.replace("0.57", "1.57"), "1.57 个百分点").verdict == "inconsistent"
    text = ("年初至今表现：上证综指涨跌幅为 + 14.1%，创业板指数涨跌幅为 + 25.3%；"
            "申万基础化工行业指数涨跌幅为 + 22.5%，跑赢上证综指 8.4 个百分点，跑输创业板指数 2.7 个百分点。")
    assert _of(text, "8.4 个百分点").verdict == "consistent"
    assert _of(text, "2.7 个百分点").verdict == "consistent"


_157 = ("货币金融\n\n货币供应：M2同比增长7.9%（预期8.1%），M1同比增速回升至2.3%。\n\n"
        "剪刀差变化：M2-M1收窄至5.6%，社融-M2微扩至0.8%。")


def test_a_spread_named_by_its_formula():
    c = _of(_157, "5.6%")
    assert c.verdict == "consistent" and c.inputs == ["7.9%", "2.3%"]  # not the 预期 8.1%
    # found by name only: a mismatch proves nothing
    assert _of(_157.replace("收窄至5.6%", "收窄至6.6%"), "6.6%").verdict == "unverifiable"
    # 社融's growth is not written: counted, not judged
    assert _of(_157, "0.8%").verdict == "unverifiable"


def test_a_benchmarks_return_in_brackets_after_its_name():
    # tests/check_final 111: 3.6 − 1.8 = 1.8 at their rounding holds 1.7
    from macrodesk.checks.arithmetic import check_text

    def got(text: str) -> dict[str, str]:
        return {c.stated: c.verdict for c in check_text(text) if "in brackets" in c.relation}

    assert got("中信煤炭行业指数收涨 3.6%，跑赢沪深 300 指数（1.8%）1.7 个百分点。") == {"1.7 个百分点": "consistent"}
    assert got("中信煤炭行业指数收涨 3.6%，跑赢沪深 300 指数（1.8%）2.7 个百分点。") == {"2.7 个百分点": "inconsistent"}
    # a fall and a 跑输: −2.1 − 1.0 = −3.1
    assert got("煤炭指数下跌 2.1%，跑输沪深 300 指数（上涨 1.0%）3.1 个百分点。") == {"3.1 个百分点": "consistent"}
    # 69: the second gap of a sentence is of the same subject's return; written swapped, both are off
    text = "申万医药指数：环比上涨 1.78%，跑赢创业板指数（-0.88%）{}个百分点，跑赢沪深 300 指数（-0.18%）{}个百分点。"
    assert set(got(text.format("2.66 ", "1.96 ")).values()) == {"consistent"}
    assert set(got(text.format("1.96 ", "2.66 ")).values()) == {"inconsistent"}
