"""Wordings without an operator (checks/brackets.py, balances.py, averages.py, moves.py): a total
and its labelled parts in brackets, parts listed with (amount, share), balances named 紧缺/逆差/
净出口, averages, and moves 从 A 至 B with the rate in a bracket. Sentences from the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check


def checks(text: str, kind: str) -> dict[str, Check]:
    return {c.stated: c for c in check_text(text) if c.kind == kind}


def verdicts(text: str, kind: str) -> dict[str, str]:
    return {k: c.verdict for k, c in checks(text, kind).items()}


# ---------------------------------------------------------------- bracket sums


def test_a_total_and_its_labelled_parts_in_brackets_add_up():
    # 594, 131, 655
    assert verdicts("安靠科技：2025Q2 营收 107.79 亿元（先进产品 87.60 亿元、主流产品 20.19 亿元），"
                    "环比增长 14.30%。", "sum")["107.79 亿元"] == "consistent"
    assert verdicts("2025 年 5 月钻机数：600 部（石油钻机 550 部，天然气钻机 50 部），单台钻机产量同比 "
                    "+ 3.5% 至 2.24 万桶 / 天。", "sum")["600 部"] == "consistent"
    assert verdicts("美国所有商业银行存款流入 1014 亿美元（大型银行 857 亿美元、小型银行 82 亿美元、"
                    "外国机构 75 亿美元）。", "sum")["1014 亿美元"] == "consistent"
    # 548: a bracket that says it holds the parts (含…), closed by the rest (其他)
    text = "其中省内交易 3846.6 亿千瓦时（含直接交易 3658.1 亿千瓦时、合同转让 187.4 亿千瓦时、其他 {} 亿千瓦时）。"
    assert verdicts(text.format("1.0"), "sum")["3846.6 亿千瓦时"] == "consistent"
    assert verdicts(text.format("11.0"), "sum")["3846.6 亿千瓦时"] == "inconsistent"


def test_parts_that_add_to_more_than_their_total_are_an_error():
    got = checks("2025Q2 营收 107.79 亿元（先进产品 88.60 亿元、主流产品 20.19 亿元）。", "sum")
    assert got["107.79 亿元"].verdict == "inconsistent"
    assert got["107.79 亿元"].computed == "108.79"  # in the article's unit


def test_parts_that_add_to_less_may_leave_one_out():
    # 189: 沙特 and 阿联酋 are the largest of the region's signings, not all of them
    got = verdicts("2025 年 1-5 月中国企业中东签约 46GWh（沙特 23GWh、阿联酋 19GWh）。", "sum")
    assert got.get("46GWh") == "unverifiable"


def test_a_total_s_statistics_or_changes_in_brackets_are_no_parts():
    # 143: median, low and high of a valuation; 2 家 as net openings; 3.0% and signed tiers
    assert "inconsistent" not in verdicts(
        "电力设备行业 PB 估值 2.2 倍（中位数 3 倍，最低 1.56 倍，最高 7.3 倍）。", "sum").values()
    # (a net's bracket of nets is read with their signs, -3 + 5 = 2, not as parts that add up: round 34)
    net = checks("本期净开门店 2 家（直营渠道净闭 3 家、加盟渠道净开 5 家）。", "sum").get("2 家")
    assert net is None or net.verdict == "consistent" and "-3 家 + 5 家" in net.relation
    assert "3.0%" not in checks("百城房价同比下降 3.0%（一线 - 0.9%，二线 - 2.4%，三线 - 3.7%）。", "sum")


def test_shares_in_brackets_confirm_but_never_refute():
    # 594: the parts of a share; a miss may be shares within each part
    assert verdicts("业务结构中，测试占比 89.0%（晶圆测试 31.1%、产品测试 57.9%）。", "sum") == {
        "89.0%": "consistent"}
    assert "inconsistent" not in verdicts(
        "业务结构中，测试占比 89.0%（晶圆测试 35.1%、产品测试 57.9%）。", "sum").values()


# ---------------------------------------------------------------- parts with (amount, share)

SILVER = ("全球白银储量 64 万吨，主要集中在秘鲁（14 万吨，22%）、澳大利亚（9.4 万吨，15%）、中国（7 万吨，"
          "11%）、波兰（6.1 万吨，9%）、墨西哥（3.7 万吨，{}%）等国。")  # 191


def test_each_part_s_share_of_the_whole_before_the_list():
    got = verdicts(SILVER.format(6), "share")
    assert all(got[k] == "consistent" for k in ("22%", "15%", "11%", "9%", "6%"))
    assert verdicts(SILVER.format(8), "share")["8%"] == "inconsistent"  # 3.7 / 64 = 5.8%


def test_without_a_whole_a_sibling_s_share_implies_it():
    # 607: 80.66 / 18.82% = 428.6 万台
    text = ("截至 7 月，充电运营企业前三为特来电（80.66 万台，18.82%）、星星充电（70.34 万台，16.41%）、"
            "云快充（65.63 万台，{}%）。")
    got = checks(text.format("15.31"), "share")
    assert got["16.41%"].verdict == "consistent" and got["16.41%"].derived
    assert got["15.31%"].verdict == "consistent"
    assert checks(text.format("17.31"), "share")["17.31%"].verdict == "unverifiable"


def test_prices_with_their_changes_are_no_parts():
    # 461: (price, change) pairs
    assert "inconsistent" not in verdicts(
        "塑料及纤维：碳纤维 (83750 元 / 吨，不变)、涤纶工业丝 (8900 元 / 吨，2.30%)、芳纶 (8.73 万元 / 吨，"
        "-1.21%)。", "share").values()


# ---------------------------------------------------------------- balances


def test_a_balance_is_the_gap_its_name_says():
    assert verdicts("供需：供给 3.21 万吨，需求 3.57 万吨，紧缺 3659 吨。", "gap")["3659 吨"] == "consistent"
    assert verdicts("2024 年粗钢产量 10.1 亿吨，表观消费量 8.9 亿吨，净出口 1.2 亿吨。", "gap")[
        "1.2 亿吨"] == "consistent"
    # 246: the levels in the two sentences before the balance
    got = checks("1-5 月化工品出口额 532 亿美元，同比增 7.1%；进口额 689 亿美元，同比降 4.5%。贸易逆差 "
                 "157 亿美元，同比收窄 23.3%。", "gap")
    assert got["157 亿美元"].verdict == "consistent"
    assert got["157 亿美元"].inputs == ["689 亿美元", "532 亿美元"]
    # 65: a port's 净调出 is 调出 − 调入
    text = "环渤海港口日均调入 175.80 万吨，调出 180.57 万吨，净调出 {} 万吨。"
    assert verdicts(text.format("4.77"), "gap")["4.77 万吨"] == "consistent"
    assert verdicts(text.format("5.77"), "gap")["5.77 万吨"] == "inconsistent"
    # 425: the name with 约为 before its figure
    text = "2024 年我国粗钢产量约为 10.05 亿吨，粗钢表观消费量约为 8.9 亿吨，钢铁过剩量约为 {} 亿吨。"
    assert verdicts(text.format("1.15"), "gap")["1.15 亿吨"] == "consistent"
    assert verdicts(text.format("1.45"), "gap")["1.45 亿吨"] == "inconsistent"


def test_a_balance_named_the_wrong_way_is_an_error():
    # supply below demand is no surplus; exports below imports no surplus either
    assert verdicts("供需：供给 3.21 万吨，需求 3.57 万吨，过剩 3659 吨。", "gap")["3659 吨"] == "inconsistent"
    assert verdicts("1-5 月出口额 532 亿美元，进口额 689 亿美元，贸易顺差 157 亿美元。", "gap")[
        "157 亿美元"] == "inconsistent"


def test_a_balance_without_both_levels_named_is_not_read():
    # 出口 alone: the balance's other side is not written
    assert "268.2 亿美元" not in checks("出口额 461.3 亿美元（同比 + 0.7%），贸易顺差 268.2 亿美元。", "gap")
    assert "30 万人" not in checks("2024 年中国执业兽医 19.2 万人，院均仅 7 人，按发达国家标准缺口约 30 万人。",
                                    "gap")


# ---------------------------------------------------------------- averages

IPO = "IPO：2025 年上半年发行 51 家 IPO，募资规模 374 亿元，同比分别增长 15% 及 16%，平均每家募资规模 {} 亿元。"


def test_an_average_per_unit_is_the_total_over_the_count():
    assert verdicts(IPO.format("7.3"), "average") == {"7.3 亿元": "consistent"}
    assert verdicts(IPO.format("8.3"), "average") == {"8.3 亿元": "inconsistent"}


def test_an_average_of_a_listed_set_is_their_mean():
    text = ("IEA、EIA、OPEC 预测 2025 年全球原油库存变化分别为 + 110 万桶 / 日、+82 万桶 / 日、-132 万桶 / 日，"
            "较 2025 年 5 月预测分别 - 10 万桶 / 日、-5 万桶 / 日、+15 万桶 / 日。三大机构预测 2025 年库存变化"
            "平均为 {} 万桶 / 日。")  # 273
    assert verdicts(text.format("+ 20"), "average")["+ 20 万桶"] == "consistent"
    assert verdicts(text.format("+ 30"), "average")["+ 30 万桶"] == "inconsistent"


def test_a_mean_without_its_count_or_list_is_not_read():
    # four insurers' average share: the four values are not listed
    assert checks("截至 2024 年末，国寿、平安、太保、新华四家主要上市险企平均债券投资占比约 58.2%。",
                  "average") == {}


# ---------------------------------------------------------------- moves


def test_a_move_with_its_rate_in_a_bracket():
    assert verdicts("银价预计从 36.5 美元 / 金衡盎司修复至 57 美元 / 金衡盎司（+56%）。", "growth") == {
        "+56%": "consistent"}
    assert verdicts("股价表现：2015 年停牌前股价 3 元，复牌后涨至 6 元（涨幅 100%）。", "growth") == {
        "100%": "consistent"}
    # 331: 62550 -> 63650 is +1.8%, written +1.1%
    got = verdicts("电池级碳酸锂均价从 62550 元 / 吨涨至 63650 元 / 吨（+1.1%），工业级从 60950 元 / 吨"
                   "涨至 62050 元 / 吨（+1.8%）。", "growth")
    assert got == {"+1.1%": "inconsistent", "+1.8%": "consistent"}


def test_a_fall_named_by_its_size_is_checked_on_either_level():
    # 191: 104 -> 93 is -10.6% (or 11.8% on the lower level), written 13%
    assert verdicts("金银比最高达 104，截至报告发布时修复至 93（修复幅度 13%）。", "growth") == {
        "13%": "inconsistent"}
    assert verdicts("金银比最高达 104，截至报告发布时修复至 93（修复幅度 11%）。", "growth") == {
        "11%": "consistent"}


def test_a_rate_after_another_subject_s_level_is_no_move():
    # 37: the level before belongs to another price
    assert verdicts("广州水价调整：居民生活用水第一阶梯价格调至 2.55 元 / 立方米（+28.8%），非居民用水调至 "
                    "4.40 元 / 立方米（+27.2%）。", "growth").get("+27.2%") != "inconsistent"


def test_room_to_a_target_against_the_current_level():
    assert verdicts("目标价 57 元，较当前股价 36.5 元有 56% 上涨空间。", "growth") == {"56%": "consistent"}
    assert verdicts("目标价 57 元，较当前股价 36.5 元有 66% 上涨空间。", "growth") == {"66%": "inconsistent"}
    # the room runs down while the target is above the current level: not read as an error
    assert verdicts("目标价 57 元，较当前股价 36.5 元有 56% 下跌空间。", "growth").get("56%") != "inconsistent"


SILVER_ROOM = ("若金价维持 3400 美元 / 金衡盎司，金银比修复至 60 时，银价有望达 57 美元 / 金衡盎司，较当前存在 "
               "{}% 上涨空间。\n\n截至 2025 年 6 月，伦敦金价约为 3400 美元 / 金衡盎司，银价约为 {} 美元 / 金衡盎司。")


def test_room_against_the_present_level_written_elsewhere_confirms_only():
    # 191: the present 银价 is in the next section
    got = checks(SILVER_ROOM.format(56, "36.5"), "growth")["56%"]
    assert got.verdict == "consistent" and got.inputs == ["36.5 美元", "57 美元"]
    assert checks(SILVER_ROOM.format(66, "36.5"), "growth")["66%"].verdict == "unverifiable"
    # two present levels of 银价: which one is meant is not certain
    two = SILVER_ROOM.format(56, "36.5") + "\n\n目前银价约为 40 美元 / 金衡盎司。"
    assert "56%" not in checks(two, "growth")


def test_a_net_total_s_parts_may_offset():
    # a profit or a net flow is a difference of its bracketed sides, not their sum
    assert "30 亿元" not in checks("毛利 30 亿元（收入 100 亿元、成本 70 亿元）。", "sum")
    assert "50 亿元" not in checks("北向资金净流入 50 亿元（沪股通 120 亿元、深股通 70 亿元）。", "sum")
    # a new-added level is a level: 新增 is no change
    assert verdicts("新增装机 100GW（光伏 60GW、风电 40GW）。", "sum") == {"100GW": "consistent"}


def test_a_total_of_imports_and_exports_is_neither_side():
    got = checks("1-5 月进出口总额 1000 亿美元，出口 600 亿美元，进口 400 亿美元，贸易顺差 200 亿美元。", "gap")
    assert got["200 亿美元"].verdict == "consistent"
    assert got["200 亿美元"].inputs == ["600 亿美元", "400 亿美元"]


def test_a_rate_over_several_years_may_be_yearly():
    # 2020 -> 2025: (+12%) fits the yearly rate of 100 -> 176, not the whole rise
    got = verdicts("市场规模从 2020 年的 100 亿元增至 2025 年的 176 亿元（+12%）。", "growth")
    assert got.get("+12%") != "inconsistent"


def test_the_real_errors_of_two_reports():
    from pathlib import Path

    from macrodesk.checks.arithmetic import check_article
    from macrodesk.readers import read_article

    fix = Path(__file__).resolve().parent / "fixtures" / "arithmetic"
    bad = {name: sorted(c.stated for c in check_article(read_article(fix / name)) if c.verdict == "inconsistent")
           for name in ("report_191.md", "report_245.md")}
    # 191's "+30.1%" (296 / 228.9 − 1 = 29.3%) is checks/last_year.py's; its 29.04% (6105 / 21165 =
    # 28.84%) and 7.58% (1597 / 21165 = 7.55%) are shares of the 工业需求 its ；-chain names; its 59%
    # (21165 / 36207 = 58.46%) is a whole-percent share read at rounding (round 8); its 市值储量比 115.8
    # and 89.1 fit none of the units its other rows are written in (checks/named_ratios.py, round 9)
    assert bad == {"report_191.md": ["+30.1%", "115.8", "13%", "29.04%", "59%", "7.58%", "89.1"],
                   "report_245.md": ["+4577%"]}


def test_a_balance_dated_after_its_levels_is_not_refuted():
    # the balance may be of another period than the levels
    got = verdicts("2024 年出口额 100 亿美元，进口额 80 亿美元。2025 年 1-5 月贸易顺差 30 亿美元。", "gap")
    assert got.get("30 亿美元") != "inconsistent"


def test_a_tables_balance_row_against_its_role_rows():
    # 146: 供需平衡 = 供给总计 − 需求合计 in each column (矿产银 and 再生银 are parts, not roles)
    text = ("# 白银供需\n\n| **项目（吨）** | **2023** | **2024** |\n| --- | --- | --- |\n| 矿产银 | 25278 | 25497 |\n"
            "| 供给总计 | 31037 | 31574 |\n| 需求合计 | 37276 | 36207 |\n| 供需平衡 | -6239 | {} |\n")
    got = {c.stated: c.verdict for c in check_text(text.format("-4633")) if "table: 平衡" in c.relation}
    assert got == {"-6239": "consistent", "-4633": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format("+4633")) if "table: 平衡" in c.relation}
    assert got["+4633"] == "inconsistent"
    # 131: a 缺口 row signed as output over use is read either way
    text = ("# 原油\n\n| **指标** | **2025Q2** |\n| --- | --- |\n| 全球产量 | 103.8 |\n| 全球消费 | 103.3 |\n"
            "| 供需缺口 | {} |\n")
    assert [c.verdict for c in check_text(text.format("+0.48")) if "table: 缺口" in c.relation] == ["consistent"]
    assert [c.verdict for c in check_text(text.format("+1.48")) if "table: 缺口" in c.relation] == ["inconsistent"]
