"""A growth from a level and its absolute change written in another section (checks/level_change.py);
sentences from 675 (coal weekly)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_675 = ("## 一、本周要点\n\n价格方面：截至 10 月 17 日，秦皇岛港 Q5500 动力煤市场价 740 元 / 吨，周环比上涨 37 元 / 吨；"
        "京唐港主焦煤价格 1710 元 / 吨，周环比上涨 80 元 / 吨。\n\n## 五、价格\n\n"
        "京唐港山西产主焦煤 1710 元 / 吨，较上周上涨 4.91%。秦皇岛港 Q5500 动力末煤 740 元 / 吨，较上周上涨 5.26%。")


def _growth(text: str, stated: str) -> list[tuple[str, bool]]:
    return [(c.verdict, c.refutable) for c in check_text(text) if c.stated == stated and c.kind == "growth"]


def test_growth_from_the_same_level_and_its_change_elsewhere():
    assert _growth(_675, "5.26%") == [("consistent", False)]  # 37 / 703
    assert _growth(_675, "4.91%") == [("consistent", False)]  # 80 / 1630


def test_a_mismatch_or_another_series_proves_nothing():
    # another series may share the level: a mismatch is not an error
    assert _growth(_675.replace("5.26%", "6.26%"), "6.26%") == [("unverifiable", True)]
    # the same level under another name is not paired
    text = _675.replace("秦皇岛港 Q5500 动力末煤", "山西大同块煤")
    assert all(v == "unverifiable" for v, _ in _growth(text, "5.26%"))


def test_an_amount_changed_from_an_earlier_level_written_after_jiao():
    # 592: this level minus the earlier one written after 较…的
    text = "能源金属\n\n2025H1，申万能源金属板块归母净利润 53.05 亿元，较 2024H1 的 - 3.73 亿元增长 56.78 亿元；销售毛利率 17.97%。"
    (c,) = [c for c in check_text(text) if c.stated == "56.78 亿元"]
    assert c.verdict == "consistent" and c.inputs == ["- 3.73 亿元", "53.05 亿元"]
    (c,) = [c for c in check_text(text.replace("56.78", "50.78")) if c.stated == "50.78 亿元"]
    assert c.verdict == "inconsistent"  # both levels are written in the clause


_145 = ("## 生猪\n\n牧原股份：2025Q1 归母净利润 44.91 亿元（2024Q1 为 - 23.79 亿元）。\n\n"
        "温氏股份：2025Q1 归母净利润 20.01 亿元（2024Q1 为 - 12.36 亿元）。\n\n## 重点公司\n\n"
        "牧原股份：营收 189.7 亿元，净利润 44.91 亿元（同比 + 291%）。温氏股份：营收 168.3 亿元，净利润 20.01 亿元（同比 + 262%）。")


def test_growth_from_a_loss_written_beside_the_same_level_elsewhere():
    assert _growth(_145, "+ 262%") == [("consistent", False)]  # (20.01 + 12.36) / 12.36
    # 145's 291% is (44.91 + 23.79) / 23.79 = 288.8%: paired by the level only, so not refuted
    assert _growth(_145, "+ 291%") == [("unverifiable", True)]
