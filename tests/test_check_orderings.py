"""A ranking written with > or < (checks/orderings.py), from 131 (blind set), 227, 242 and 410."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def ranking(text: str) -> tuple[str, str] | None:
    got = [(c.verdict, c.stated) for c in check_text(text) if c.kind == "comparison"]
    return got[0] if got else None


def test_a_ranking_fails_at_its_first_pair_out_of_order():
    # 131: "<" with +3.2% before +2.1%: one claim, failing at +2.1%
    assert ranking("价差环比变化：成品油（-5.6%）< 芳烃（+3.2%）<C3 产业链（+2.1%）<C2 产业链（+0.8%）。") == (
        "inconsistent", "+2.1%")
    # 242: 互联网电商 +5.58% ranked above 百货 +5.82%
    assert ranking("本周涨幅：专业连锁（+7.42%）> 品牌化妆品（+7.09%）> 互联网电商（+5.58%）> 百货（+5.82%）。") == (
        "inconsistent", "+5.82%")


def test_falls_ranked_by_size_and_signed_changes_ranked_by_value():
    # 227: a 跌幅 ranking orders the sizes of the falls
    assert ranking("子板块跌幅：化学制药（-5.48%）> 医疗服务（-4.92%）> 医药商业（-4.42%）> 生物制品（-3.94%）。")[0] == "consistent"
    # 410: a 涨跌幅 ranking orders signed values
    assert ranking("本周细分板块涨跌幅排序：SW 商用载货车（-0.4%）>SW 商用载客车（-0.7%）>SW 汽车零部件（-2.1%）。")[0] == "consistent"
    assert ranking("本周细分板块涨跌幅排序：SW 商用载货车（-0.7%）>SW 商用载客车（-0.4%）>SW 汽车零部件（-2.1%）。")[0] == "inconsistent"


def test_two_items_are_no_ranking():
    assert ranking("出口增速（5.9%）> 进口增速（1.2%）。") is None


def test_a_top_n_list_in_either_order_and_one_in_neither():
    # 561: largest first; 173: a 跌幅 list written smallest fall first
    assert ranking("增幅前五位：碳纤维（37.75%）、合成树脂（27.61%）、改性塑料（22.11%）、民爆用品（21.51%）、"
                   "锂电化学品（15.35%），增速均超 15%。")[0] == "consistent"
    assert ranking("跌幅前五：ST 金刚（-5.42%）、三维股份（-5.44%）、上峰水泥（-6.26%）、中材科技（-8.54%）、"
                   "山东玻纤（-9.00%）。")[0] == "consistent"
    # 283: 3.90% placed before 3.92%: shown at the item out of place, not refuted (a top-N list
    # need not be sorted)
    got = [c for c in check_text("涨幅前五：辽宁能源（4.27%）、云煤能源（4.24%）、金能科技（3.90%）、昊华能源（3.92%）、"
                                 "晋控煤业（3.77%）。") if c.kind == "comparison"]
    assert [(c.verdict, c.stated, c.note) for c in got] == [
        ("unverifiable", "3.90%", "a top-N list in neither order: 3.90% is out of place")]
    # two items are no ranking, and a list with no top-N head is no claim of order
    assert ranking("涨幅前二：A 公司（4.27%）、B 公司（4.94%）。") is None
    assert ranking("重点公司：辽宁能源（4.27%）、云煤能源（4.24%）、金能科技（3.90%）、昊华能源（3.92%）。") is None
    # one list ends where the next begins ("，跌幅前三为…")
    text = ("涨幅前三为其他化学原料（5.94%）、其他石化（5.57%）、民爆制品（4.50%），跌幅前三为其他橡胶制品（-2.43%）、"
            "氮肥（-1.44%）、钾肥（-1.37%）。")
    assert [c.verdict for c in check_text(text) if c.kind == "comparison"] == ["consistent", "consistent"]


def test_a_top_n_list_of_levels():
    # 513: TOP5 airports by flights; any ranked measure in brackets
    text = ("国内进出港执飞航班量 TOP5 机场依次是广州白云机场（12212 班次）、上海浦东机场（11873 班次）、"
            "北京首都机场（9541 班次）、深圳宝安机场（{} 班次）。")
    assert ranking(text.format("9400")) == ("consistent", "9400 班次")  # 班次 is a unit (round 20)
    assert ranking(text.format("9900"))[0] == "unverifiable"
    # "前三季度" is a period, not a ranking
    assert ranking("前三季度分别为 A 业务（20 亿元）、B 业务（25 亿元）、C 业务（21 亿元）。") is None
