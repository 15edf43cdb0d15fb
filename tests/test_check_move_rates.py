"""A move in amounts with its bracketed rate, and a level with its previous value
(checks/move_rates.py); sentences of 121, 62, 533 (tests/check_eighth) and 374 (tests/check_ninth)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _v(text: str, stated: str) -> list[str]:
    return [c.verdict for c in check_text(text) if c.stated == stated and c.verdict != "unverifiable"]


def test_the_rate_is_the_move_over_the_level_before_it():
    # -2 / 613 = -0.326%; -2.4 / 58.1 = -4.13%; -0.56 / 8.60 = -6.51%
    assert _v("611 元 / 吨，周环比下跌 2 元 / 吨（-0.33%）。", "-0.33%") == ["consistent"]
    assert _v("国内铝锭库存周去库 2.4 万吨，至 55.7 万吨（环比 - 4.1%）。", "- 4.1%") == ["consistent"]
    assert _v("国内铝锭库存周去库 2.4 万吨，至 55.7 万吨（环比 - 5.1%）。", "- 5.1%") == ["inconsistent"]
    # "0.56 万吨至 8.04 万吨" reads as one range: it is a move and a level
    assert _v("七地库存周降 0.56 万吨至 8.04 万吨（环比 - 6.5%）。", "- 6.5%") == ["consistent"]
    assert _v("七地库存周降 0.56 万吨至 8.04 万吨（环比 - 8.5%）。", "- 8.5%") == ["inconsistent"]


def test_a_change_against_the_previous_value():
    assert _v("6 月国内 PMI 为 49.7（前值 49.5），环比上升 0.2。", "0.2") == ["consistent"]
    assert _v("6 月国内 PMI 为 49.7（前值 49.5），环比上升 0.4。", "0.4") == ["inconsistent"]
    assert _v("7 月全球制造业 PMI 指数环比下降 0.7 个百分点至 49.7（前值 50.4）。", "0.7 个百分点") == ["consistent"]
    assert _v("7 月全球制造业 PMI 指数环比上升 0.7 个百分点至 49.7（前值 50.4）。", "0.7 个百分点") == ["inconsistent"]
    # no change written: nothing to check
    assert _v("6 月国内 PMI 为 49.7（前值 49.5）。", "49.5") == []


def test_a_level_with_its_change_and_rate_in_one_bracket():
    # 240 (tests/check_twelfth): -36.1 / 499.2 = -7.23%; +13 / 665.6 = +1.95%
    assert _v("产地：463.1 万吨（-36.1 万吨，-7.22%）；六大港口：285.6 万吨（-17.7 万吨，-5.84%）。", "-7.22%") == ["consistent"]
    assert _v("焦企（230 家）：678.6 万吨（+13 万吨，+1.95%）。", "+1.95%") == ["consistent"]
    assert _v("焦企：678.6 万吨（+13 万吨，+2.95%）。", "+2.95%") == ["inconsistent"]
    # an unsigned amount in the bracket is no change ("（13 万吨，1.95%）" may be a part and its share)
    assert not any("the change over the level before it" in c.relation
                   for c in check_text("山东：678.6 万吨（13 万吨，1.95%）。"))
