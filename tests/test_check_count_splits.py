"""A count split by outcome (checks/count_splits.py), from 548 (tests/check_ninth), 441 and 459."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _split(text: str) -> list[str]:
    return [c.verdict for c in check_text(text) if c.kind == "sum"]


def test_outcomes_that_cover_every_case_add_up_to_the_count():
    assert _split("65 家公司中 22 家上涨、37 家下跌、6 家横盘，涨幅前三为上海洗霸（20.54%）。") == ["consistent"]
    assert _split("6 家公司中 3 家上涨、2 家下跌、2 家横盘。") == ["inconsistent"]


def test_rises_and_falls_alone_may_leave_the_flat_ones_out():
    assert _split("33 个中信三级子行业中，26 个上涨，7 个下跌。") == ["consistent"]
    # short of the count, the sum is a bound the text keeps (the flat ones make up the rest): it holds
    assert _split("23 家公司中 9 家上涨、12 家下跌。") == ["consistent"]
    bound = [c for c in check_text("23 家公司中 9 家上涨、12 家下跌。") if c.kind == "sum"][0]
    assert "≤ 23 家" in bound.relation and "(2 here)" in bound.note
    # more than the count is an error either way
    assert _split("26 家样本煤企中 3 家上涨，25 家下跌。") == ["inconsistent"]


def test_one_outcome_is_no_split():
    # "138 家公司中 97 家上涨，…涨幅居前三位": one part says nothing of the rest
    assert _split("138 家公司中 97 家上涨，航天环宇、雷科防务涨幅居前。") == []
