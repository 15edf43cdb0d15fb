"""A total over a span dated in its sentence and its mean per day or per month
(checks/period_means.py); 560's summer travel (tests/check_last)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _means(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text("民航\n\n" + text) if c.kind == "average" and "span dated" in c.relation}


def test_a_mean_per_day_over_the_days_of_the_span():
    # 7 月 1 日 to 8 月 31 日 is 62 days: 1.47 亿 / 62 = 237 万; 119.9 万 / 62 = 1.93 万
    text = "7 月 1 日至 8 月 31 日，全国民航累计运输旅客 1.47 亿人次，日均 {} 万人次；保障航班 119.9 万班，日均 1.93 万班。"
    assert _means(text.format("237")) == {"237 万人次": "consistent", "1.93 万": "consistent"}
    assert _means(text.format("257"))["257 万人次"] == "inconsistent"


def test_a_mean_per_month_and_spans_that_are_not_certain():
    assert _means("1-8 月累计进口 3 亿吨，月均 3750 万吨。") == {"3750 万吨": "consistent"}
    # over February in a year not written: 28 or 29 days, no check
    assert _means("1 月 15 日至 3 月 15 日，累计运输旅客 1.47 亿人次，日均 249 万人次。") == {}
    # another measure after 日均 ("班" against "人次")
    assert _means("7 月 1 日至 8 月 31 日，累计运输旅客 1.47 亿人次，日均 1.93 万班。") == {}


def test_a_months_days_and_a_mean_further_on_in_the_sentence():
    # 548: 9267 / 31 = 298.9; the mean comes after the growths, led by 日均 and its verb
    text = "7 月份，规上工业发电量 9267 亿千瓦时，同比增长 3.1%，增速较 6 月加快 1.4 个百分点，日均发电 {} 亿千瓦时。"
    got = [c.verdict for c in check_text(text.format("298.9")) if c.kind == "average"]
    assert got == ["consistent"]
    assert [c.verdict for c in check_text(text.format("398.9")) if c.kind == "average"] == ["inconsistent"]
    # February without its year: 28 or 29 days, so nothing is claimed
    assert not [c for c in check_text("2 月份，发电量 9267 亿千瓦时，日均发电 330.9 亿千瓦时。") if c.kind == "average"]
