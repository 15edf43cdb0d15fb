"""A cash dividend's total against its base and rate (checks/dividends.py), from 373 and 578
(tests/check_twelfth)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _v(text: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.computed) for c in check_text(text) if "shares × cash a share" in c.relation]


def test_shares_times_cash_a_share():
    # 99.14 亿股 × 0.295 元 = 29.246 亿元
    text = ("公司以总股本 99.14 亿股为基数，向全体股东每 10 股派送现金红利人民币 2.95 元（含税），公司合计拟派送现金"
            "人民币 {t} 亿元（含税）。")
    assert _v(text.format(t="29.25")) == [("consistent", "29.2463")]
    assert _v(text.format(t="31.25"))[0][0] == "inconsistent"
    # each share's cash, a total in 万元
    assert _v("以实施前总股本 24.04675324 亿股为基数，每股派发现金红利 0.037 元（含税），合计派现 8897.298699 万元。"
              )[0][0] == "consistent"


def test_no_dividend_without_its_three_figures():
    assert _v("公司拟向全体股东每 10 股派发现金红利 2.95 元（含税），合计派发 29.25 亿元。") == []
