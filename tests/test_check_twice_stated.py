"""A figure written twice in one sentence, once against last year and once against the previous
period, is two relations (check_article's `_keep_key`); sentences from tests/check_truth/articles/16.md."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

ALUMINIUM = ("25Q1 氧化铝价格下行，铝板块实现营业收入 1207.4 亿元，同比增长 4.6%，环比增长 2.3%；实现归母净利润 40.5 亿元，"
             "同比增长 27.4%，环比增长 26.1%；净利率为 3.4%，同比增加 0.6 个百分点，环比增加 {q} 个百分点。")


def changes(text: str) -> list[str]:
    return sorted(c.relation.split(" - ")[1].split(" ")[0] + " " + c.verdict
                  for c in check_text(text) if c.kind == "change" and "净利率" in c.relation)


def test_the_same_change_against_last_year_and_the_previous_period_is_checked_twice():
    # 同比: 40.5/1207.4 - (40.5/1.274)/(1207.4/1.046) = +0.6; 环比: - (40.5/1.261)/(1207.4/1.023) = +0.63
    assert changes(ALUMINIUM.format(q="0.6")) == ["上年净利率 consistent", "上期净利率 consistent"]


def test_a_figure_written_once_keeps_one_check():
    # 0.7 against the computed +0.63 (0.65 at 0.7's precision): the 环比 one is wrong, the 同比 one holds
    assert changes(ALUMINIUM.format(q="0.7")) == ["上年净利率 consistent", "上期净利率 inconsistent"]
    only_yoy = ALUMINIUM.format(q="0.6").replace("，环比增加 0.6 个百分点", "")
    assert changes(only_yoy) == ["上年净利率 consistent"]
