"""A gap to a benchmark whose level is written in another section or sentence
(checks/benchmark_gap.py); sentences from 592 (metals), 272 (new materials) and 507 (chemicals)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check

_592 = ("## 二、市场回顾\n\n上证指数涨幅 5.57%，有色金属指数涨幅 17.00%，跑赢上证指数 11.42 个百分点。"
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
