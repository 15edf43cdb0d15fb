"""Shares of a breakdown whose whole is only the sum of its parts (592: companies by profit growth)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

BINS = ("归母净利润同比增速＞100% 的企业 25 家（占比 18.1%），50%-100% 之间 11 家（8.0%），30%-50% 之间 "
        "16 家（11.6%），10%-30% 之间 15 家（10.9%），0%-10% 之间 22 家（15.9%），小于 0 的 49 家（{last}%）。")


def shares(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "share"}


def test_shares_that_add_up_to_100_make_the_parts_the_whole():
    got = shares(BINS.format(last="35.5"))  # 25 / 138 = 18.1%, 49 / 138 = 35.5%
    assert got["18.1%"] == "consistent" and got["35.5%"] == "consistent"


def test_a_share_off_its_part_is_an_error_only_when_the_rest_still_add_up():
    # 11 家 written 9.0%: the shares add to 101.0%, beyond the rounding of six shares
    off = shares(BINS.format(last="35.5").replace("11 家（8.0%）", "11 家（9.0%）"))
    assert "inconsistent" not in off.values()
    # 49 家 at 35.5% but 48 家 written: 48 / 137 = 35.0%, and the shares still add to 100%
    wrong = shares(BINS.format(last="35.5").replace("49 家", "48 家"))
    assert wrong["35.5%"] == "inconsistent"
