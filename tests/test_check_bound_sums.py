"""A total stated as a bound (合计超/合计近): checks/bound_sums.py, sentences from 145 (grains),
126 (stablecoins) and 257 (retail)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _sum(text: str) -> list[tuple[str, str]]:
    return [(c.stated, c.verdict) for c in check_text("消费结构\n\n" + text) if c.kind == "sum"]


def test_parts_that_exceed_the_bound():
    assert _sum("2023 年饲用消费占比 65.22%，工业消费占比 27.44%，合计超 90%。") == [("90%", "consistent")]
    assert _sum("USDT 占 62.05%，USDC 占 24.21%，合计超 86%。") == [("86%", "consistent")]
    assert _sum("2021 年上海某会员制超市各品类销售额占比中，40% 为食品和杂货，14% 为新鲜食品，两者合计超过 50%。") \
        == [("50%", "consistent")]


def test_parts_that_fall_short_of_the_bound():
    # 61.53 + 12.31 = 73.84: not over 80%
    assert _sum("2023 年口粮消费占比 61.53%，饲用消费占比 12.31%，合计超 80%。") == [("80%", "inconsistent")]


def test_growth_rates_or_loose_parts_are_not_summed():
    assert _sum("2023 年口粮消费同比增长 61.53%，饲用消费同比增长 22.31%，合计超 80%。") == []
    # a part that is itself a bound: the sum is not known
    assert _sum("2023 年口粮消费占比超 61.53%，饲用消费占比 22.31%，合计超 80%。") == []


def test_near_a_bound_only_confirms_a_sum_just_under_it():
    assert _sum("A 占比 45.1%，B 占比 43.2%，合计近 90%。") == [("90%", "consistent")]
    assert _sum("A 占比 55.1%，B 占比 43.2%，合计近 90%。") == []  # past it: 近 is loose, no verdict
    assert _sum("A 占比 25.1%，B 占比 13.2%，合计近 90%。") == []  # far under it: not near
