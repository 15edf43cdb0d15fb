"""Round 17: relations company research writes that the checker paired with nothing, each from a
real excerpt: a list of 环比 growths after as many quarter levels."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

# cfb300 (thirty-first set): H1 and Q2 levels, the Q2 growths a list after 分别 and a base date
_CFB300 = ("公司发布 2021 年半年报： 上半年公司实现营业收入 440.8 亿元， 同比+134.07%； 归母净利润 44.8 亿元， 同比+131.45%； "
           "扣非净利润 39.2 亿元，同比+184.64%； Q2 实现营业收入 249.1 亿元， 归母净利润 25.3 亿元、 扣非净利润 22.46 亿元， "
           "分别环比 Q1 +{r}、 29.42%、 {k}。")


def _quarter_growths(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "growth" and "unstated" in c.relation}


def test_a_list_of_growths_after_as_many_quarter_levels_is_theirs_in_order():
    got = _quarter_growths(_CFB300.format(r="29.95%", k="34.35%"))
    assert got == {"29.95%": "consistent", "29.42%": "consistent", "34.35%": "consistent"}


def test_a_mistyped_growth_of_the_list_is_refuted_by_its_own_level():
    # 249.1 / (440.8 - 249.1) - 1 is 29.9%; 22.46 / (39.2 - 22.46) - 1 is 34.2%
    got = _quarter_growths(_CFB300.format(r="39.95%", k="24.35%"))
    assert got["39.95%"] == "inconsistent" and got["24.35%"] == "inconsistent" and got["29.42%"] == "consistent"


def test_a_list_longer_than_its_levels_is_not_spread():
    # three growths for two levels: no pairing by position is safe, and the first growth is not
    # the last level's
    text = ("2021 年上半年公司实现营业收入 440.8 亿元；归母净利润 44.8 亿元。Q2 实现营业收入 249.1 亿元、归母净利润 25.3 亿元，"
            "分别环比 Q1 +29.95%、29.42%、34.35%。")
    assert "29.95%" not in _quarter_growths(text)
