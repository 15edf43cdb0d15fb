"""A whole split into named parts whose shares add up to 100%, each part's level written beside
it (checks/split_shares.py); paragraphs from 542 (solar installations, tests/check_final)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_H1 = ("光伏装机\n\n分类型来看，2025 上半年国内集中式、分布式新增光伏装机占比分别为 47%、53%。其中集中式新增 "
       "98.8GW，同比增长 99%；分布式新增 121.8GW，同比增长 113%。分布式装机中，户用 25.6GW，同比增长 62%；"
       "工商业 87.2GW，同比增长 135%。")
_Q2 = "光伏装机\n\n2025Q2 集中式、分布式占比均为 50%。集中式新增 75.4GW，同比增长 172%；分布式新增 76.5GW，同比增长 163%。"


def _split(text: str, stated: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.computed) for c in check_text(text)
            if c.stated == stated and "parts named" in c.relation]


def test_each_share_is_its_level_over_the_levels_of_all_parts():
    # 98.8 / (98.8 + 121.8) = 44.8%: the text's 47% / 53% is a real error (542-8/9 of tests/check_final)
    ((verdict, computed),) = _split(_H1, "47%")
    assert verdict == "inconsistent" and computed.startswith("44.7")
    fixed = _H1.replace("121.8GW", "111.4GW")  # 98.8 / 210.2 = 47.0%
    assert _split(fixed, "47%") == [("consistent", _split(fixed, "47%")[0][1])]
    assert _split(fixed, "53%")[0][0] == "consistent"


def test_one_share_written_for_every_part():
    assert [v for v, _ in _split(_Q2, "50%")] == ["consistent"]  # 75.4 / 151.9 = 49.6%
    assert [v for v, _ in _split(_Q2.replace("76.5GW", "96.5GW"), "50%")] == ["inconsistent"]


def test_no_check_when_the_parts_are_not_the_whole_or_a_level_is_not_certain():
    # 47% + 43% is 90%: other parts exist, so the two levels do not make the whole
    assert _split(_H1.replace("53%", "43%"), "47%") == []
    # a second level of 集中式 in the paragraph (another period): which one is meant is unknown
    twice = _H1.replace("同比增长 99%", "同比增长 99%，其中集中式地面电站 60.2GW")
    assert _split(twice, "47%") == []
    # a level written as a change is not the part's level
    assert _split(_H1.replace("分布式新增 121.8GW", "分布式同比增加 121.8GW"), "47%") == []


def _closing(text: str) -> dict[str, tuple[str, bool]]:
    return {c.stated: (c.verdict, c.refutable) for c in check_text("宠物\n\n" + text) if c.kind == "sum"}


def test_a_breakdowns_shares_add_up_to_100_or_to_the_share_they_break_down():
    # 77: 100% - 44.9% - 37.7% = 17.4%; 35.7% + 13.5% + 3.6% = 52.8% (confirm-only: a list need
    # not name every part, so a mismatch says nothing)
    assert _closing("2023 年活体 / 服务 / 食品占比 44.9%/37.7%/17.4%，服务板块占比显著高于国内。") == {"17.4%": ("consistent", False)}
    assert _closing("2024 年占比 52.8%（1583 亿元），其中主粮 / 零食 / 营养品占比 35.7%/13.5%/3.6%。") == {"52.8%": ("consistent", False)}
    assert _closing("2024 年占比 52.8%（1583 亿元），其中主粮 / 零食 / 营养品占比 35.7%/13.5%/1.6%。") == {}
    assert _closing("2023 年活体 / 服务 / 食品占比 44.9%/37.7%/12.4%。") == {}


def test_shares_each_written_with_its_own_words_that_close_the_whole():
    # 251: 100% - 29.6% - 12.8% = 57.6%; 257: bracketed shares of a list
    got = _closing("结构细分：天然气重卡渗透率 29.6%，电动重卡渗透率 12.8%，柴油类重卡占比 57.6%。")
    assert got == {"57.6%": ("consistent", False)}
    got = _closing("市场可分为一线城市（占比 23%）、二线城市（占比 12%）和低线城市（占比 65%），低线城市增长空间较大。")
    assert got == {"65%": ("consistent", False)}
    # at the written digit: 75% and 30% of different wholes are no breakdown (137)
    assert _closing("消费特征：25-40 岁男性占 75%，配件消费占比 30%。") == {}
    # a growth or a bound among them is no share
    assert _closing("天然气重卡渗透率 29.6%，同比提升 12.8%，柴油类重卡占比超 57.6%。") == {}
