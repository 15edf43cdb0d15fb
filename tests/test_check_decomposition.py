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
