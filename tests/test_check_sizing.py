"""A market sized as a quantity per unit times a count of units (checks/sizing.py). Sentences of the
corpus's condensed reports 79 (PEEK), 656 (fighters) and 293 (tendons)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def sized(text: str) -> list:
    return [c for c in check_text(text) if "per unit times the count" in c.relation]


def test_a_quantity_per_unit_times_the_count_is_the_total():
    # 79: 3.9 kg × 50 万台 = 195 万 kg = 1950 吨 (units converted within their dimension)
    (c,) = sized("PEEK 材料：特斯拉 Optimus 单台用量3.9kg，用于关节轴承、齿轮等部件，2027 年 50 万台产能对应需求1950 吨。")
    assert c.verdict == "consistent" and c.refutable and c.inputs == ["3.9kg", "50 万台"] and c.computed == "1950.25"
    # 656: the count first, money per unit in 万美元, the total in 亿美元
    (c,) = sized("价格构成：20 架战机单架基础价 6000 万美元，总计 12 亿美元。")
    assert c.verdict == "consistent" and c.computed == "12"
    # 293: 单机 is per 台
    (c,) = sized("腱绳材料：需 88 根腱绳，单机价值 3520 元，1000 万台对应市场规模 352 亿元。")
    assert c.verdict == "consistent"


def test_a_gross_miss_refutes_and_a_near_one_proves_nothing():
    (c,) = sized("价格构成：20 架战机单架基础价 6000 万美元，总计 16 亿美元。")
    assert c.verdict == "inconsistent" and c.refutable
    # 6000 万 stands for 5500-6500 万 (a round number is rounded to its last non-zero digit), so 11-13 亿;
    # 14 亿 misses by less than a tenth: a sizing may be rounded further than its digits say
    (c,) = sized("价格构成：20 架战机单架基础价 6000 万美元，总计 14 亿美元。")
    assert c.verdict == "unverifiable"


def test_what_is_not_one_unit_times_one_count_is_left_alone():
    # a share between the count and the total is a factor the product also needs
    assert not sized("冰箱内销量 4000 万台，单台 VIP 板价值 225 元，按迈科隆 30% 占有率，对应收入 27 亿元。")
    # the result is another unit's price, not a total
    assert not sized("我们估计公司2022年父母代种鸡销量1500万套，单套均价约19元，商品代鸡苗销量5.6亿只，单羽均价约2.3元。")
    # a per-unit range, and a count written clauses away from it
    assert not sized("每台 AI 服务器功耗在 5kW-10kW，机柜功率密度达 40kW 以上，如英伟达服务器额定功耗 10.2kW，"
                     "4 台服务器的风冷机柜功耗 42kW。")
    # the total is a bound
    assert not sized("单车用镁 3.2kg，按每年 5000 万辆销量计算，可带动超 16 万吨镁需求。")
