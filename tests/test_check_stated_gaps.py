"""A gap between two levels written as its own figure (checks/stated_gaps.py); sentences from 572,
129 and 580 (tests/check_last), 99, 29, 150, 170 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _gaps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("价格\n\n" + text)
            if "gap" in c.relation or "compared in brackets" in c.relation}


def test_a_gap_named_after_its_two_levels():
    assert _gaps("蒙西地区纯碱价格 1087 元 / 吨，华南地区 1640 元 / 吨，差距 553 元 / 吨。") == {"553 元 / 吨": "consistent"}
    assert _gaps("蒙西地区纯碱价格 1087 元 / 吨，华南地区 1640 元 / 吨，差距 453 元 / 吨。") == {"453 元 / 吨": "inconsistent"}
    # a floor ("差距超 1000") is confirmed when the gap clears it, and proves nothing otherwise
    assert _gaps("最低的内蒙古天然碱为 568 元 / 吨，最高的华南氨碱法为 1671 元 / 吨，差距超 1000 元 / 吨。") == {"1000 元 / 吨": "consistent"}
    assert _gaps("最低的内蒙古天然碱为 768 元 / 吨，最高的华南氨碱法为 1671 元 / 吨，差距超 1000 元 / 吨。") == {}


def test_the_two_levels_in_brackets_and_a_base_named_with_how_much_higher():
    # 129: 4491.8 − 4427 = 64.8, not 500
    assert _gaps("2025 年国内供需缺口：预计 500 万吨（产量 4427 万吨 vs 消费 4491.8 万吨）。") == {"500 万吨": "inconsistent"}
    got = _gaps("煤价或为 749 元 / 吨，较 2025 年 7 月 25 日 653 元 / 吨高 96 元 / 吨（+14.7%）。")
    assert got == {"96 元 / 吨": "consistent", "+14.7%": "consistent"}
    assert _gaps("长协均价 0.3919 元 / 千瓦时，仅高于 “地板价” 0.372 元 / 千瓦时 0.0199 元 / 千瓦时。") == {"0.0199 元 / 千瓦时": "consistent"}


def test_no_gap_of_other_things():
    # 29: a named spread is a level of other prices, not the gap of the two before it
    assert _gaps("草甘膦原粉价格 23,197 元 / 吨，甘氨酸法价差 10,270 元 / 吨，草甘膦价差 10,843 元 / 吨。") == {}
    # 150: a total and a mean are not two levels compared; 170: ends of ranges
    assert _gaps("2024 年中国执业兽医 19.2 万人，院均仅 7 人，按发达国家标准缺口约 30 万人。") == {}
    assert _gaps("组件功率在 740-760W，效率 25.5%-25.8%，功率差距达 50-60W。") == {}


def test_a_floor_in_a_scaled_unit_is_confirmed_in_that_unit():
    # "差距超 1 万吨" of 3.5 万吨 and 1.2 万吨: a gap of 2.3 万吨 clears the floor
    assert _gaps("甲厂产能 3.5 万吨，乙厂 1.2 万吨，差距超 1 万吨。") == {"1 万吨": "consistent"}
