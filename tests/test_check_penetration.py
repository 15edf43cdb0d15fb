"""A 渗透率 is a share of the whole market of the part's own measure: a level of another measure
that happens to fit is not its whole (555: 24.1 万台 of AI notebooks is not 5.3% of the phones sold
during the Spring Festival)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_555 = ("消费电子\n\n政策落地恰逢春节，短期内拉动需求，春节期间全国手机等数码产品销售量突破 450 万台，"
        "手机销售收入同比增长 182%，中高端机型成主力。\n\n"
        "2025 年 Q1，中国搭载 AI 功能的笔记本电脑渗透率为 32.5%，环比提升 0.9pct；其中搭载 40TOPS 及以上 NPU "
        "算力的笔记本电脑（GenAI NB）出货量为 24.1 万台，渗透率为 5.3%，环比提升 3.9pct。")


def test_a_fit_with_a_level_of_another_measure_is_not_a_penetration():
    (c,) = [c for c in check_text(_555) if c.stated == "5.3%"]
    assert c.verdict == "unverifiable" and c.kind == "share"


def test_the_whole_of_the_same_measure_still_confirms():
    text = ("汽车\n\n重卡市场：5 月重卡终端实销 6.31 万辆（环比 - 8%，同比 + 18%），新能源重卡销售 1.51 万辆"
            "（同比 + 190%），渗透率 23.92%。")
    (c,) = [c for c in check_text(text) if c.stated == "23.92%"]
    assert c.verdict == "consistent"
