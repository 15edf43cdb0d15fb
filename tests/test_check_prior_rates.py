"""A rate's 环比 change against the same rate written earlier in its paragraph for another period
(checks/prior_rates.py); sentences from the corpus (607 新能源汽车)."""

from __future__ import annotations

from macrodesk.checks.prior_rates import find_prior_rate_changes
from macrodesk.readers import article_from_bytes

TEXT = ("- 2025 年一季度，销售毛利率 18.62%、销售净利率 6.34%，环比 2024 年分别提升 0.13 和 1.45 个百分点；2025 年上半年，"
        "销售毛利率 18.15%（同比降 1.12 个百分点、环比降 {g} 个百分点），销售净利率 5.98%（同比升 0.47 个百分点、环比降 0.36 "
        "个百分点），盈利趋势未触底。\n")


def checks(text: str):
    return {c.stated: c for c in find_prior_rate_changes(article_from_bytes(text.encode("utf-8"), "607.md", ".md"))}


def test_the_change_is_the_level_less_the_same_rate_of_the_earlier_period():
    found = checks(TEXT.format(g="0.47"))
    # 18.15% - 18.62% = -0.47 (环比降); 5.98% - 6.34% = -0.36
    assert found["0.47 个百分点"].verdict == "consistent" and not found["0.47 个百分点"].refutable
    assert found["0.47 个百分点"].inputs == ["18.62%", "18.15%"]
    assert found["0.36 个百分点"].inputs == ["6.34%", "5.98%"]


def test_a_mismatch_proves_nothing_and_the_sign_counts():
    # the 环比 may be against a quarter the paragraph does not write: no verdict at all
    assert "0.57 个百分点" not in checks(TEXT.format(g="0.57"))
    # "环比升 0.47" against a fall of 0.47 does not fit
    assert "0.47 个百分点" not in checks(TEXT.format(g="0.47").replace("环比降 0.47", "环比升 0.47"))


def test_the_same_period_restated_is_no_earlier_level():
    same = TEXT.format(g="0.47").replace("2025 年一季度", "2025 年上半年")
    assert checks(same) == {}
