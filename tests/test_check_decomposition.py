"""A growth split into volume and price (219: 同店销售收入, 客流量, 客单价)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def verdict(text: str, stated: str) -> str:
    (c,) = [c for c in check_text(text) if c.stated == stated and c.kind == "product"]
    return c.verdict


def test_sales_growth_is_traffic_times_ticket():
    assert verdict("PPIH 5 月本土同店销售收入同比 + 7.7%，客流量 + 2.6%，客单价 + 5.0%。", "+ 7.7%") == "consistent"
    # (1 - 2.3%)(1 + 2.4%) - 1 = 0.04%: "+ 2.1%" cannot be
    assert verdict("711 日本便利店 5 月同店销售收入同比 + 2.1%，客流量 - 2.3%，客单价 + 2.4%。", "+ 2.1%") == "inconsistent"


def test_only_a_total_followed_by_its_volume_and_price():
    # two growths that are not volume and price: nothing to multiply
    assert not [c for c in check_text("同店销售收入同比 + 7.7%，毛利率 + 2.6%，净利率 + 5.0%。") if c.kind == "product"]


def test_parts_in_brackets_after_a_companys_figure():
    assert verdict("5 月主要服装公司同店销售额同比：\n\n- 优衣库：+13.1%（同店客流量同比上升 12.5%，平均每单交易额同比增长 0.5%）", "+13.1%") == "consistent"
    # a fall written as a verb: (1 - 2.6%)(1 + 2.4%) - 1 = -0.26%
    assert verdict("家居：\n\n- Nitori：-0.2%（客流量同比下滑 2.6%，客单价同比增长 2.4%，5 月平均气温高于去年）", "-0.2%") == "consistent"
    assert verdict("家居：\n\n- Nitori：+2.2%（客流量同比下滑 2.6%，客单价同比增长 2.4%）", "+2.2%") == "inconsistent"
    # brackets that are not volume and price: nothing to multiply
    assert not [c for c in check_text("服装：\n\n- Workman：+11.4%（主因降雨天数较多，毛利率 + 2.6%，净利率 + 5.0%）")
                if c.kind == "product"]


def test_sales_flat_confirms_only():
    text = "711 日本便利店 5 月同店销售收入同比持平，客流量 - 2.3%，客单价 + 2.4%。"
    (c,) = [c for c in check_text(text) if c.kind == "product"]
    assert c.verdict == "consistent" and c.stated == "持平" and not c.refutable
    # far from zero: 持平 does not say how near, so no verdict either way
    assert not [c for c in check_text(text.replace("- 2.3%", "+ 5.3%")) if c.kind == "product"]


_RANKED = ("#### 1. 餐饮行业\n\n- 5 月主要餐饮公司同店收入同比：\n\n- Food&Life：+18.9%\n\n- 萨莉亚：+17.6%\n\n"
           "- 岛村服饰：+2.9%\n\n"
           "- 客流量同比增速排序：萨莉亚（+15.7%）> 麦当劳（+9.5%）>Food&Life（+9.1%）> 食其家（-8.7%）。\n\n"
           "- 客单价同比增速排序：食其家（+9.8%）>Food&Life（+9.0%）> 麦当劳（+4.7%）> 萨莉亚（+1.6%）。\n")


def test_companies_listed_with_rankings_of_traffic_and_ticket():
    assert verdict(_RANKED, "+18.9%") == "consistent"  # (1 + 9.1%)(1 + 9.0%) - 1
    assert verdict(_RANKED, "+17.6%") == "consistent"  # (1 + 15.7%)(1 + 1.6%) - 1
    assert verdict(_RANKED.replace("+17.6%", "+19.6%"), "+19.6%") == "inconsistent"
    # a company in neither ranking has no parts
    assert not [c for c in check_text(_RANKED) if c.stated == "+2.9%" and c.kind == "product"]
    # without the header naming sales, the list is not known to be sales growths
    assert not [c for c in check_text(_RANKED.replace("同店收入同比：", "门店数同比：")) if c.kind == "product"]
