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


def residuals(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "residual bin" in c.relation}


def test_the_other_bin_is_what_the_named_bins_leave_of_100():
    # 489: 76 + 21 + 3 = 100; the 其他 bin may stand between the others (489's 无人环卫 line)
    assert residuals("2024 年运营占比 76%、装备占比 21%、其他占比 3%。") == {"3%": "consistent"}
    assert residuals("无人清扫车出货占比 26%，无人清洁船、无人洒水车等其他产品占比 3%，"
                     "商用清洁机器人占比 71%。") == {"3%": "consistent"}
    # 257: bracketed shares, 及其他 outside the bracket
    assert residuals("零售渠道主要分为传统零售渠道（占比 43%）、电商零售渠道（占比 31%）、"
                     "现代零售渠道（占比 14%）及其他（占比 12%）。") == {"12%": "consistent"}


def test_list_items_with_one_share_each_close_on_the_other_item():
    items = ["欧洲：出口金额 69 亿元，占比 38%，同比增长 5%。", "亚洲：出口金额 64 亿元，占比 36%。",
             "拉丁美洲：出口金额 19 亿元，占比 11%。", "非洲：出口金额 15 亿元，占比 8%。",
             "其他地区：北美、大洋洲等合计占比 {}%。"]  # 113
    text = "\n\n".join(f"- **{i.split('：')[0]}**：{i.split('：', 1)[1]}" for i in items)
    assert residuals(text.format(7)) == {"7%": "consistent"}


def test_a_breakdown_that_does_not_close_is_no_check():
    # the named bins may be a few of many (226: 辅助设备 18.7%, 其他设备 39.1%): confirm-only
    assert residuals("2024 年运营占比 76%、装备占比 21%、其他占比 5%。") == {}
    assert residuals("累计招标 4306 台，辅助设备占比 18.7%，其他设备占比 39.1%。") == {}


def test_two_bins_with_a_label_between_count_and_share():
    # 298: 64 + 53 = 117 stocks; 64 / 117 = 54.7%
    assert shares("个股方面，64 只上涨（占 54.7%），53 只下跌（占 45.3%）。") == {
        "54.7%": "consistent", "45.3%": "consistent"}
    assert shares("个股方面，64 只上涨（占 58.7%），53 只下跌（占 41.3%）。") == {
        "58.7%": "inconsistent", "41.3%": "inconsistent"}


def test_bins_under_a_written_whole_are_not_taken_for_it():
    # 326: "462 只个股中，有 318 只周度上涨（占比 69%），有 137 只周度下跌（占比 30%）": 7 stocks were flat
    got = [c for c in check_text("化工板块的 462 只个股中，有 318 只周度上涨（占比 69%），有 137 只周度下跌（占比 30%）。")
           if "add up to 100%" in c.relation]
    assert got == []
