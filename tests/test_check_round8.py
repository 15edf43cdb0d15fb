"""Round 8 of the arithmetic checker: wordings from tests/check_eleventh, check_twelfth,
check_seventh and check_tenth that the round reads (a share opened after a rate word, counts in
例/宗, flows with their verbs' signs, a "/"-pair's penetration, a valuation row's forecast price
agreed by two years)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def _checks(text: str, needle: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.relation) for c in check_text(text) if needle in c.relation]


def test_share_in_a_bracket_after_a_rise_is_a_share():
    # 478 (check_tenth): "247 只周度上涨（占比 53%）" is 247 / 462, not a rise of 53%
    text = "截至本周五，化工板块的 462 只个股中，247 只周度上涨（占比 {s}%），207 只周度下跌（占比 45%）。"
    got = _checks(text.format(s="53"), "247 只 / 462 只")
    assert [v for v, _ in got] == ["consistent"]
    # 247 / 462 = 53.46%: 56% is no rounding of it, and no other pair of the sentence fits it
    assert [c.verdict for c in check_text(text.format(s="56")) if c.stated == "56%"] == ["unverifiable"]
    # 561 (check_seventh): "282 家…同比正增长，占比 52.91%"
    assert _checks("统计的 533 家基础化工上市公司中，282 家公司扣非后净利润同比正增长，占比 52.91%，同比下滑 1.88 个"
                   "百分点；120 家公司扣非后净利润亏损，占比 22.51%。", "282 家 / 533 家")[0][0] == "consistent"


def test_counts_in_cases_are_added():
    # 446 (check_twelfth): 7 例 = 2 例 + 5 例, cases counted exactly (8 is no rounding of 7)
    text = "2024 年底以来已公告 {t} 例村镇银行改制工作，其中 2 例存量吸收合并、5 例新收购合并。"
    assert [v for v, _ in _checks(text.format(t="7"), "2 例 + 5 例")] == ["consistent"]
    assert [v for v, _ in _checks(text.format(t="8"), "2 例 + 5 例")] == ["unverifiable"]


def test_flows_take_their_verbs_sign():
    # 446 (check_twelfth): 200 − 89 + 71 = 182, a whole named 所有 and its parts without 其中
    text = ("美国所有商业银行存款流入 182 亿美元，大型银行存款流入 200 亿美元，小型银行流出 89 亿美元，"
            "外国机构流入 {x} 亿美元。")
    assert _checks(text.format(x="71"), "= 182 亿美元") == [
        ("consistent", "200 亿美元 - 89 亿美元 + 71 亿美元 = 182 亿美元")]
    # parts need not exhaust the whole: a misfit proves nothing
    assert [v for v, _ in _checks(text.format(x="75"), "= 182 亿美元")] == ["unverifiable"]
    # 638 (check_twelfth): no 所有, so only a fit shows the sentence is a whole and its parts
    loans = ("同期美国银行业贷款和租赁贷款增加 84 亿美元，大型银行贷款增加 103 亿美元，小型银行贷款增加 {x} 亿美元，"
             "外国机构贷款减少 47 亿美元。")
    assert [v for v, _ in _checks(loans.format(x="28"), "= 84 亿美元")] == ["consistent"]
    assert _checks(loans.format(x="38"), "= 84 亿美元") == []
    # with 其中 the parts' signs are read too (they were added unsigned: 103 + 28 + 47)
    assert _checks("银行业贷款增加 84 亿美元，其中大型银行贷款增加 103 亿美元，小型银行贷款增加 28 亿美元，"
                   "外国机构贷款减少 47 亿美元。", "= 84 亿美元")[0] == (
        "consistent", "103 亿美元 + 28 亿美元 - 47 亿美元 = 84 亿美元")


def test_penetration_of_a_slash_pair():
    # 635 (check_eighth): 69.7 / 119.1 = 58.5%
    text = "9 月 1-21 日乘用车 / 电动车销量为 119.1/69.7 万辆，渗透率 {s}%。"
    assert _checks(text.format(s="59"), "69.7 万辆 / 119.1 万辆") == [
        ("consistent", "69.7 万辆 / 119.1 万辆 = 59% (the smaller of the pair over the larger)")]
    assert [v for v, _ in _checks(text.format(s="52"), "69.7 万辆 / 119.1 万辆")] == ["inconsistent"]
    # a bare 占比 may be of another whole: a misfit proves nothing
    assert [v for v, _ in _checks("出口 / 进口额为 100/50 亿元，占比 30%。", "50 亿元 / 100 亿元")] == ["unverifiable"]


_TABLE = """# 估值

| 代码 | 公司 | 2024A EPS | 2025E EPS | 2026E EPS | 2027E EPS | 2024A PE | 2025E PE | 2026E PE | 2027E PE |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 002487.SZ | 大金重工 | 0.74 | 1.47 | 1.85 | 2.37 | 36.90 | {pe} | 16.49 | 12.86 |
"""


def test_forecast_price_agreed_by_two_years_prices_the_third():
    # 225 (check_eleventh): 1.85 × 16.49 = 30.51 and 2.37 × 12.86 = 30.48 agree; 2025E's 1.47 ×
    # 21.68 = 31.87 is 4.5% off that price, an error to the annotator (20.75 at 30.5)
    wrong = [c for c in check_text(_TABLE.format(pe="21.68")) if c.stated == "21.68"]
    assert [c.verdict for c in wrong] == ["inconsistent"]
    assert "price 30.507 from 2026" in wrong[0].relation
    right = [c for c in check_text(_TABLE.format(pe="20.75")) if c.kind == "ratio"]
    assert right and all(c.verdict != "inconsistent" for c in right)
    # the actual year's PE is priced at that year's close: 2025E is confirmed by no actual year
    assert {c.stated for c in right if c.verdict == "consistent"} == {"16.49", "12.86"}


def test_pe_lists_paired_by_position():
    # 864 (check_thirteenth): 41.07 / 2.57 = 15.98, / 3.44 = 11.94, / 3.32 = 12.37; the second
    # company's years are the ；-chain's "2025A-2027E"
    text = ("中国海油股价 41.07 元，2025A-2027E EPS 分别为 2.57、3.44、3.32，PE 分别为 16、12、12；中曼石油股价 35.22 元，"
            "EPS 分别为 1.48、1.99、2.25，PE 分别为 24、18、{pe}。")
    got = [(c.verdict, c.stated) for c in check_text(text.format(pe="16")) if "paired by position" in c.relation]
    assert got == [("consistent", "16"), ("consistent", "12"), ("consistent", "12"),
                   ("consistent", "24"), ("consistent", "18"), ("consistent", "16")]
    # 35.22 / 2.25 = 15.65: a 2027E PE of 18 is an error, though 18 is written twice in the list
    wrong = [c for c in check_text(text.format(pe="18")) if "2027E" in c.relation and "35.22" in c.relation]
    assert [c.verdict for c in wrong] == ["inconsistent"]
    # 326: "2024A、2025E、2026E 的 EPS 分别为 0.35、0.37、0.41 元": each PE against its own year's EPS
    got = [c.relation.split(" (")[0] for c in check_text(
        "公司股价为 28.79 元，2024A、2025E、2026E 的 EPS 分别为 0.35、0.37、0.41 元，PE 分别为 82、78、70 倍。")
        if c.kind == "ratio"]
    assert got == ["28.79 元 / 0.35 = 82", "28.79 元 / 0.37 = 78", "28.79 元 / 0.41 元 = 70 倍"]


def test_an_actual_or_unmarked_year_pe_only_confirms():
    # a PE of a year not marked E may be priced at that year's close: no fit proves nothing
    text = "公司股价为 28.79 元，2024A、2025E、2026E 的 EPS 分别为 0.35、0.37、0.41 元，PE 分别为 60、78、70 倍。"
    assert [c.verdict for c in check_text(text) if c.stated == "60"] == ["unverifiable"]
    text = "公司股价为 28.79 元，EPS 分别为 0.35、0.37、0.41 元，PE 分别为 82、78、60 倍。"
    assert [c.verdict for c in check_text(text) if c.stated == "60 倍"] == ["unverifiable"]


def test_a_year_written_before_quanian_dates_its_level():
    # 730 (check_thirteenth): "2025 全年重卡销量预计 113 万辆" is 2025's level, the base of 2026's 3%
    text = ("2025 全年重卡销量预计 113 万辆，同比增长 25%。2026 年，老旧车型淘汰更新提供需求支撑，预计全年销量 116 万辆，"
            "同比增长 {g}%。")
    assert [c.verdict for c in check_text(text.format(g="3")) if c.stated == "3%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(g="5")) if c.stated == "5%"] == ["inconsistent"]


def test_period_keys_of_years_without_nian():
    from macrodesk.checks.frames import period_key

    assert period_key("2025 全年") == (2025, "Y")
    assert period_key("2025 上半年") == period_key("2025 年上半年") == (2025, "H1")
    assert period_key("2024 四季度") == (2024, "Q4")
    assert period_key("25H1") == (2025, "H1")
    assert period_key("全年") is None


def test_a_whole_percent_share_is_read_at_rounding():
    # 191 (check_blind): 21165 / 36207 = 58.46%, written 59% — no truncation or rounding gives 59
    text = ("全球白银需求量 36207 吨，工业需求占比 {s}%（21165 吨），饰品需求 18%（6491 吨），银币银条投资需求 16%（5939 吨），"
            "其他需求 7%（2612 吨）。")
    assert [c.verdict for c in check_text(text.format(s="59")) if c.stated == "59%"] == ["inconsistent"]
    assert [c.verdict for c in check_text(text.format(s="58")) if c.stated == "58%"] == ["consistent"]


def test_a_share_of_last_years_whole_derived_from_this_years():
    # 572 (check_last): 251 / (3621 / 1.214) = 8.4%, the whole in another section
    text = ("### 产量\n\n2023 年以来纯碱产能加速增长；产量同步提升，2024 年达 3621 万吨（同比 + 21.4%）。\n\n"
            "### 结构\n\n从产量结构看，2023 年天然碱工艺产量 251 万吨，占比 {s}%。\n")
    got = [c for c in check_text(text.format(s="8")) if c.stated == "8%"]
    assert [(c.verdict, c.derived) for c in got] == [("consistent", True)]
    assert "3621 万吨 / (1+21.4%)" in got[0].relation
    # found by its fit: a share that fits no whole proves nothing
    assert [c.verdict for c in check_text(text.format(s="12")) if c.stated == "12%"] == ["unverifiable"]


def test_a_part_of_a_part_in_brackets():
    # 726 (check_thirteenth): 258 + 5 = 263, the 3 partial successes are among the 258
    assert [c.relation for c in check_text(
        "2024 年全球共执行 263 次航天发射任务，其中 258 次发射成功（含 3 次部分成功），5 次失败。")
        if c.stated == "263 次"] == ["258 次 + 5 次 = 263 次"]
    # …and 158 is the part of 60%, not SpaceX's 138 in its bracket
    assert [c.relation for c in check_text(
        "2024 年全球共执行 263 次航天发射任务。其中美国发射 158 次（SpaceX 占 138 次），占比 60%；中国发射 68 次，占比 26%。")
        if c.stated == "60%"] == ["158 次 / 263 次 = 60%"]
    # a bracket that opens with 其中 holds the parts themselves (635)
    assert [c.verdict for c in check_text(
        "2026-2027 年最大配额为 9.66 万吨 / 年（其中 8.7 万吨为 “基础配额”，0.96 万吨为 “战略配额”）。")
        if c.stated == "9.66 万吨"] == ["consistent"]


def test_a_breakdown_after_a_stray_qizhong_part_and_its_derived_growth():
    # 731 (check_thirteenth): the 其中 names 78027 (generation), the next sentence the four parts
    # of consumption: 1141 + 52721 + 15315 + 12659 = 81836, and last year's total from their growths
    text = ("1—10 月，全社会用电量累计 81836 亿千瓦时，同比增长 {g}%，其中规模以上工业发电量为 78027 亿千瓦时。"
            "分产业累计用电情况为，第一产业 1141 亿千瓦时（同比增长 6.7%）、第二产业 52721 亿千瓦时（同比增长 5.6%）、"
            "第三产业 15315 亿千瓦时（同比增长 11.0%）、城乡居民生活 12659 亿千瓦时（同比增长 12.3%）。")
    checks = check_text(text.format(g="7.6"))
    assert [c.relation for c in checks if c.stated == "81836 亿千瓦时"] == [
        "1141 亿千瓦时 + 52721 亿千瓦时 + 15315 亿千瓦时 + 12659 亿千瓦时 = 81836 亿千瓦时"]
    grown = [c for c in checks if c.stated == "7.6%"]
    assert [(c.verdict, c.derived) for c in grown] == [("consistent", True)]
    # the parts give 7.59%, and as they give 81836 to its last digit they are all of it (round 31):
    # 9.6% is refuted
    assert [c.verdict for c in check_text(text.format(g="9.6")) if c.stated == "9.6%"] == ["inconsistent"]


def test_a_total_named_zong_after_its_named_parts():
    # 731 (check_thirteenth), 374 (check_ninth): the carbon market's weekly volumes and values
    text = ("本周挂牌协议交易成交量 318.23 万吨，成交额 1.87 亿元；大宗协议交易成交量 487.05 万吨，成交额 2.92 亿元；"
            "无单向竞价。本周总成交量 {v} 万吨，总成交额 4.79 亿元。")
    got = {c.stated: (c.verdict, c.relation) for c in check_text(text.format(v="805.28"))}
    assert got["805.28 万吨"] == ("consistent", "318.23 万吨 + 487.05 万吨 = 805.28 万吨")
    assert got["4.79 亿元"] == ("consistent", "1.87 亿元 + 2.92 亿元 = 4.79 亿元")
    # the parts named need not be all of it: a misfit proves nothing
    assert [c.verdict for c in check_text(text.format(v="905.28")) if c.stated == "905.28 万吨"] == ["unverifiable"]


def test_a_decimal_amount_after_a_far_year_is_no_date():
    from macrodesk.figures import extract_figures

    # 825 (check_thirteenth): "2092.2 万辆" was read as the date "2092.2", losing the part of 69.6%
    assert [(f.text, f.kind.value) for f in extract_figures("中国品牌乘用车销量 2092.2 万辆")] == [("2092.2 万辆", "quantity")]
    assert [f.kind.value for f in extract_figures("营收 2025.5 亿元")] == ["money"]
    assert [f.kind.value for f in extract_figures("截至 2025/6/30，2025.6 发布")] == ["date", "date"]
    checks = check_text("2025 年乘用车销量 3005.87 万辆，同比增长 9.1%；中国品牌乘用车销量 2092.2 万辆，同比增长 16.5%，"
                        "市场占有率达 69.6%，较上年提升 4.4 个百分点。")
    assert [c.relation for c in checks if c.stated == "69.6%"] == ["2092.2 万辆 / 3005.87 万辆 = 69.6%"]


def test_a_pe_written_twice_in_a_row_is_two_relations():
    # 159 (check_ninth): "| 晋控煤业 | 11.95 | 1.68 | 2.31 | 0.59 | 7 | 9 | 9 |": 2025E's 9 and 2026E's 9
    # (11.95 / 0.59 = 20.3) are two relations; their labels "PE（倍） 2025E" hold a bracket
    text = """# 估值

| **代码** | **简称** | **股价（元）** | **EPS（元）** | ** ** | ** ** | **PE（倍）** | ** ** | ** ** |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  |  |  | 2024A | 2025E | 2026E | 2024A | 2025E | 2026E |
| 601001 | 晋控煤业 | 11.95 | 1.68 | 2.31 | 0.59 | 7 | 9 | 9 |
"""
    got = sorted(c.relation.split(" (")[0] for c in check_text(text) if c.stated == "9")
    assert got == ["11.95 / 0.59 = 9", "11.95 / 2.31 = 9"]


def test_a_utilization_rate_is_output_over_capacity():
    # 13 (corpus), 304 (check_eleventh): 180 / 250 = 72%, 9355 / 11292 = 82.85% (a week's output is
    # no use of the capacity)
    text = "2024 年国内叶片产能约 250 万吨，需求约 180 万吨，产能利用率 {r}%。"
    assert [c.verdict for c in check_text(text.format(r="72")) if c.stated == "72%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(r="62")) if c.stated == "62%"] == ["inconsistent"]
    got = [c.relation for c in check_text("运行产能 9355 万吨（+40 万吨），周产量 174.8 万吨（+1.9 万吨）；建成产能 11292 万吨，"
                                          "产能利用率 82.8%。") if c.stated == "82.8%"]
    assert got == ["9355 万吨 / 11292 万吨 = 82.8% (产能利用率, as the sector defines it)"]
    # an operating rate is often surveyed apart from the levels written: a misfit proves nothing (452)
    assert [c.verdict for c in check_text("供应方面，国内纯碱总产能 4445 万吨，运行产能 4200 万吨，行业开工率 81.32%。")
            if c.stated == "81.32%"] in ([], ["unverifiable"])
    # two capacities before the rate (580): the nearest one, found by position, confirms
    both = check_text("在产产能约 8.9 万吨 / 天，总产能约 13.2 万吨，产能利用率约 67.6%，过剩明显；若剔除 600t 以下不再复产产能，"
                      "总产能约 12.3 万吨，产能利用率约 72.4%。")
    assert [(c.verdict, c.refutable) for c in both if c.stated == "72.4%"] == [("consistent", False)]


def test_premiums_and_discounts_to_a_base():
    # 587 (check_eleventh): 1 − 0.64 / 1.74 = 63.2%, 31.16 / 16.71 − 1 = 86.5%
    text = ("截至 2025 年 8 月末，A 股整体 PB-MRQ 为 1.74X，银行板块、保险子板块 PB-MRQ 分别为 0.64X、1.40X，较 A 股整体"
            "折价 {d}%、19.26%。")
    assert [c.verdict for c in check_text(text.format(d="63.34")) if c.stated == "63.34%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(d="53.34")) if c.stated == "53.34%"] == ["inconsistent"]
    prem = "A 股整体 PE-TTM 为 16.71X，证券子板块、多元金融子板块 PE-TTM 分别为 20.51X、31.16X，较 A 股整体溢价 22.79%、86.56%。"
    assert [c.relation.split(" (")[0] for c in check_text(prem) if "above its base" in c.relation] == [
        "20.51 / 16.71 - 1 = 22.79%", "31.16 / 16.71 - 1 = 86.56%"]
    # 225: two prices and how much lower: either may be the base, so a fit only confirms
    pair = "中国风机出口至亚太均价约 800 美元 /kW，西方风机均价 1050 美元 /kW，价格低 {g}%。"
    assert [c.verdict for c in check_text(pair.format(g="24")) if c.stated == "24%"] == ["consistent"]
    assert [c.verdict for c in check_text(pair.format(g="14")) if c.stated == "14%"] in ([], ["unverifiable"])
    # "降低 30%", "高达 22%" name no gap between the levels written
    assert not [c for c in check_text("介电常数从 3.9 降至 2.2，RC 时延降低 30%。") if "its base" in c.relation]
    assert not [c for c in check_text("规模将达 120 亿美元，较 2023 年的 30 亿美元，CAGR 同样高达 22%。")
                if "its base" in c.relation]


def test_a_balance_written_before_its_two_levels():
    # 533 (check_eighth): 22.9 − 12.6 = 10.3 ≈ 10.4 (each ±0.05)
    text = ("当月氧化铝净出口量 {n} 万吨，环比增长 48.5%；当月氧化铝进口 12.6 万吨，环比增长 24.4%；出口 22.9 万吨，"
            "环比增长 34.2%。")
    assert [c.verdict for c in check_text(text.format(n="10.4")) if c.stated == "10.4 万吨"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(n="11.4")) if c.stated == "11.4 万吨"] == ["inconsistent"]
    # the 其中-levels of a surplus are its two sides, not parts that add up to it
    assert [(c.verdict, c.relation) for c in check_text("贸易顺差 1013 亿美元，其中出口 3218 亿美元，进口 2195 亿美元。")
            if c.stated == "1013 亿美元"] == [("inconsistent", "3218 亿美元 - 2195 亿美元 = 1013 亿美元 (顺差)")]
    # a date between the balance and the levels may make them another period's
    assert [c.verdict for c in check_text("贸易顺差 1023 亿美元。2024 年出口 3218 亿美元，进口 2205 亿美元。")
            if c.stated == "1023 亿美元"] == ["unverifiable"]


def test_a_growth_against_the_same_measure_a_year_before_elsewhere():
    # 825 (check_thirteenth): 2026's 乘用车 3025 against 2025's 乘用车销量 3005.87 (+0.64%, written 0.5%)
    text = ("- 2025 年乘用车销量 3005.87 万辆，同比增长 9.1%；2025 年商用车销量 428.9 万辆，同比增长 10.7%。\n"
            "- 预计 2026 年汽车总销量 3475 万辆，同比增长 1%；其中乘用车 3025 万辆，同比增长 {g}%，商用车 450 万辆，"
            "同比增长 4.9%。\n")
    got = {c.stated: c.verdict for c in check_text(text.format(g="0.5")) if "a year before" in c.relation}
    assert got == {"0.5%": "inconsistent", "4.9%": "consistent"}
    assert [c.verdict for c in check_text(text.format(g="0.6")) if c.stated == "0.6%"] == ["consistent"]
    # a year to date is no year ("2025 年以来"), and a company's revenue may be another company's
    assert not [c for c in check_text("- 2024 年海外销售 41.71 万辆。\n- 2025 年以来海外销售 54.50 万辆，同比增长 133.58%。\n")
                if "a year before" in c.relation]
    assert not [c for c in check_text("- 2024 年实现营业收入 454.71 亿美元。\n- 2025 年实现营业收入 373.78 亿美元，"
                                      "同比增长 48.85%。\n") if "a year before" in c.relation]


def test_a_rate_lower_by_points_than_the_other_level_of_it():
    # 625 (check_eleventh): 27.1 − 20.4 = 6.7 ≈ 6.8 (each ±0.05), 11.0 − 8.2 = 2.8
    text = ("主流房企获取的 39 个中小地块项目，平均毛利率 20.4%，平均项目净利率 8.2%，相比大地块（毛利率 27.1%、净利率 11.0%），"
            "中小地块平均毛利率低 {g} 个百分点，净利率低 2.8 个百分点。")
    got = {c.stated: c.verdict for c in check_text(text.format(g="6.8")) if "by the gap" in c.relation}
    assert got == {"6.8 个百分点": "consistent", "2.8 个百分点": "consistent"}
    assert [c.verdict for c in check_text(text.format(g="7.8")) if c.stated == "7.8 个百分点"] == ["inconsistent"]


def test_a_mean_per_counted_thing_of_another_counter():
    # 549 (check_twelfth): 13 亿元 / 72 个 = 1806 万元 (13 亿 stands for 12.5-13.5 亿)
    assert [(c.verdict, c.relation) for c in check_text("公示金额 13 亿元，中标标包 72 个，单包均值 1808 万元。")
            if c.kind == "average"] == [("consistent", "13 亿元 / 72 个 = 1808 万元")]
    text = "2024 年共成交 31 宗地块，总成交金额 3995 亿元，平均单宗地价 {a} 亿元。"
    assert [c.verdict for c in check_text(text.format(a="129")) if c.kind == "average"] == ["consistent"]
    # the total is not named by the mean's metric (地价): a misfit proves nothing
    assert [c.verdict for c in check_text(text.format(a="139")) if c.kind == "average"] == ["unverifiable"]


def test_a_margins_period_is_read_before_it():
    # 563 (check_eleventh): "…至 81.2%，主要因固收市场表现弱于 2024 年同期" dates the reason, not the margin
    text = ("# t\n\n## 一、概况\n\n2025 年上半年，东方财富营业收入 68.56 亿元，同比增长 39%，归母净利润 55.67 亿元，同比增长 37%。\n\n"
            "## 二、公司\n\n1. **东方财富**：2025H1 毛利率同比提升 0.2 个百分点至 83.8%，相对稳健；归母净利率同比下降 0.8 个"
            "百分点至 {m}%，主要因固收市场表现弱于 2024 年同期。\n")
    assert [c.verdict for c in check_text(text.format(m="81.2")) if c.stated == "81.2%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(m="83.2")) if c.stated == "83.2%"] == ["inconsistent"]


def test_a_rate_named_by_the_changes_own_basis():
    # 578 (check_twelfth): 152 / (688 + 152) = 18.1%
    text = "2025 年 8 月月均价 688 元 / 吨，较 2024 年 8 月下跌 152 元 / 吨，同比下降 {r}%。"
    assert [c.verdict for c in check_text(text.format(r="18")) if c.stated == "18%"] == ["consistent"]
    assert [c.verdict for c in check_text(text.format(r="22")) if c.stated == "22%"] == ["inconsistent"]
    # a 环比 change is no base of a 同比 rate
    assert not [c for c in check_text("库存 688 万吨，环比下跌 152 万吨，同比下降 18%。") if "level before it" in c.relation]


def test_pes_against_one_market_cap_across_years():
    # 633 (check_fourteenth): 16 × 25 = 400 亿元, 14 × 30 = 420, 11 × 36 = 396 agree within rounding
    text = "预计 2025-2027 年归母净利润分别为 25 亿元、30 亿元、36 亿元，截至 2025 年 9 月 20 日市值对应 PE 分别为 16 倍、14 倍、{p} 倍。"
    got = [(c.verdict, c.derived) for c in check_text(text.format(p="11")) if "one market cap" in c.relation]
    assert got == [("consistent", True), ("consistent", True)]
    # 16 × 25 / 36 = 11.1: a third year at 16x is an error once two years agree
    assert [c.verdict for c in check_text(text.format(p="16")) if "list item: 3" in c.relation] == ["inconsistent"]
    # "PE 为 312 倍、85 倍、47 倍" (no 分别)
    assert len([c for c in check_text("预计公司归母净利润分别为 0.9 亿元、3.4 亿元、6.2 亿元，截至 2025 年 9 月 15 日市值对应 PE 为 "
                                      "312 倍、85 倍、47 倍。") if "one market cap" in c.relation]) == 2


def test_flows_in_a_bracket_and_parts_after_a_colon():
    # 338 (check_fourteenth): −37 − 107 + 211 = 67 ≈ 68; +109 − 11 + 254 = 352
    text = ("美国商业银行存款流入 68 亿美元（大型银行流出 37 亿，小型银行流出 107 亿，外国机构流入 211 亿）；贷款和租赁增加 352 亿美元"
            "（大型银行 + 109 亿，小型银行 - 11 亿，外国机构 + 254 亿）。")
    got = {c.stated: (c.verdict, c.relation) for c in check_text(text)}
    assert got["68 亿美元"] == ("consistent", "-37 亿 - 107 亿 + 211 亿 = 68 亿美元")
    assert got["352 亿美元"] == ("consistent", "+ 109 亿 - 11 亿 + 254 亿 = 352 亿美元")
    # 305: a total named 合计, its parts after the colon (one glued to its name: "Meta137 亿美元"),
    # and its growth from theirs
    capex = ("北美四大云厂商 2025Q1 资本开支合计 765 亿美元，同比增长 {g}%：亚马逊 243 亿美元（+74%），微软 214 亿美元（+53%），"
             "谷歌 172 亿美元（+43%），Meta137 亿美元（+104%）。")
    checks = check_text(capex.format(g="64"))
    assert [c.relation for c in checks if c.stated == "765 亿美元"] == [
        "243 亿美元 + 214 亿美元 + 172 亿美元 + 137 亿美元 = 765 亿美元"]
    assert [(c.verdict, c.derived) for c in checks if c.stated == "64%"] == [("consistent", True)]
    assert [c.verdict for c in check_text(capex.format(g="74")) if c.stated == "74%"] == ["unverifiable"]


def test_a_breakdown_of_weekly_flows_and_its_named_whole():
    # 393 (check_fourteenth): 25.8 + 35.0 = 60.8 (Russia's 3.6 is part of the pipeline gas), the
    # total's 周环比 from its parts', and LNG's 25.8 / 60.8 = 42.4% written 57.6% (the pipeline's share)
    text = ("2025 年第 29 周，欧盟天然气供应量 60.8 亿方，同比上升 4.2%，周环比下降 2.8%。其中，LNG 供应量为 25.8 亿方，"
            "周环比下降 3.8%，占天然气供应量的 {s}%；进口管道气 35.0 亿方，同比下降 8.8%，周环比下降 2.1%，进口俄罗斯管道气 "
            "3.6 亿方。")
    checks = {c.stated: c for c in check_text(text.format(s="57.6"))}
    # (亿方 is read as a unit since round 13: the figure is "60.8 亿方")
    assert checks["60.8 亿方"].relation == "25.8 亿方 + 35.0 亿方 = 60.8 亿方"
    assert (checks["2.8%"].verdict, checks["2.8%"].derived) == ("consistent", True)
    assert checks["57.6%"].verdict == "inconsistent"
    assert {c.stated: c.verdict for c in check_text(text.format(s="42.4"))}["42.4%"] == "consistent"
    # a level, its week's change and the rate on the same basis (393-1)
    assert [c.verdict for c in check_text("内陆 17 省煤炭库存 8868.9 万吨，较上周增加 22.7 万吨，周环比上升 0.26%。")
            if c.stated == "0.26%"] == ["consistent"]


def test_a_total_then_its_parts_as_a_respectively_list():
    # 581 (check_fourteenth): 82.8 + 55.9 = 138.7 ≈ 138.8; last year's 45.56 gives +204.6% ≈ 204.4%
    text = "25 年上半年收入 138.8 亿，同比增长 {g}%，中国 / 海外收入分别为 82.8/55.9 亿，分别同比增长 135.2%/439.6%。"
    checks = {c.stated: c for c in check_text(text.format(g="204.4"))}
    assert checks["138.8 亿"].relation == "82.8 亿 + 55.9 亿 = 138.8 亿"
    assert (checks["204.4%"].verdict, checks["204.4%"].derived) == ("consistent", True)
    # prices per unit are no parts of another price
    assert not [c for c in check_text("欧盟进口轮胎价格为 3991.82 欧元 / 吨，其中从中国和泰国进口轮胎的价格分别为 3434.805、"
                                      "3008.852 欧元 / 吨。") if c.kind == "sum"]


_GROWTHS = """# 附录

| **指标** | **2025E** | **2026E** | **同比增速** |
| --- | --- | --- | --- |
| 全球新增装机（GW） | 610 | 636 | 13%/4% |
| 中国新增装机（GW） | 290 | 250 | 5%/{g}% |
"""


def test_a_growth_column_listing_each_years_growth():
    # 323 (check_fourteenth): 250 / 290 − 1 = −13.8%, 636 / 610 − 1 = +4.3%; the first year's base is not there
    got = {c.stated: c.verdict for c in check_text(_GROWTHS.format(g="-14")) if "over 2025E" in c.relation}
    assert got == {"4%": "consistent", "-14%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(_GROWTHS.format(g="-4")) if "over 2025E" in c.relation}["-4%"] == (
        "inconsistent")
    # a growth column between the years is the earlier year's (265): no check against the later one
    table = ("# 附录\n\n| **指标** | **2024 年数据** | **同比增速** | **2025 年预测** |\n| --- | --- | --- | --- |\n"
             "| 宠物食品市场规模 | 533 亿元 | 5% | 580 亿元 |\n")
    assert not [c for c in check_text(table) if "over 2024" in c.relation]


def test_a_forecast_cagr_and_its_span_in_the_paragraph():
    # 633 (check_fourteenth): (775 / 510)^(1/5) − 1 = 8.73%; "预计" no longer hides a CAGR
    text = "2024 年市场规模 510 亿元。预计 2029 年市场规模达 775 亿元，2024-2029 年 CAGR 预计为 {g}%。"
    assert [c.verdict for c in check_text(text.format(g="8.7")) if c.stated == "8.7%"] == ["consistent"]
    # found by its years in the paragraph, so a misfit proves nothing; counted as a CAGR all the same
    assert [(c.kind, c.verdict) for c in check_text(text.format(g="9.7")) if c.stated == "9.7%"] == [
        ("cagr", "unverifiable")]


def test_stakes_against_the_share_count_their_shares_imply():
    # 585 (check_fourteenth): 241.23 / 1.9825% = 327.9 / 2.6948% = 280.5 / 2.3053% = 608.4 / 5% = 12168 万股
    text = ("7. **中研股份**：股东王秀云、刘国梁通过集中竞价累计减持公司股份 241.23 万股，占公司总股本 1.9825%；减持后，王秀云持股 "
            "327.9 万股，占比 {a}%，刘国梁持股 280.5 万股，占比 2.3053%，两人合计持股 608.4 万股，占比 5.0000%。")
    got = {c.stated: c.verdict for c in check_text(text.format(a="2.6948")) if "other stakes imply" in c.relation}
    assert got == {"1.9825%": "consistent", "2.6948%": "consistent", "2.3053%": "consistent", "5.0000%": "consistent"}
    assert {c.stated: c.verdict for c in check_text(text.format(a="2.9648"))
            if "other stakes imply" in c.relation}["2.9648%"] == "inconsistent"
    # 578 (check_twelfth): a pledge over the holder's own stake written in its sentence
    pledge = ("新奥控股（持股 3.747 亿股，占总股本 12.10%）于 9 月 10 日解除 8300 万股质押（占其持股 {h}%、总股本 2.68%），"
              "剩余质押 1.3145 亿股（占其持股 35.08%、总股本 4.24%）。")
    assert [c.verdict for c in check_text(pledge.format(h="22.15")) if c.stated == "22.15%"] == ["consistent"]
    assert [c.verdict for c in check_text(pledge.format(h="25.15")) if c.stated == "25.15%"] == ["inconsistent"]
