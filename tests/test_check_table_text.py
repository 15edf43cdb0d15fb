"""Relations between a Markdown table and the prose around it (checks/table_text.py): a total in
the prose and its parts in a table's rows, a table restating a figure of the prose with its
growth, a count of companies against a table of bins. Sentences and tables from real reports."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.judging import Check

# 540 (blind set): the sector's H1 totals, then the table of its sub-sectors
POWER = """## 2025 年上半年电力行业整体表现

### 行业整体经营数据

1. **营收与利润**：受多个省份年度长协电价调整影响，上半年电力板块营业收入 {rev} 亿元，同比降低 {g}%；但受益于煤炭价格同比大幅回落及高毛利水电板块稳健增长，板块归母净利润 1020.06 亿元，同比增长 1.49%。

### 各子板块上半年表现

| **板块** | **营收情况** | **归母净利润情况** |
| --- | --- | --- |
| 火电 | 营业收入 6087.70 亿元，同比降低 5.81% | 489.12 亿元，同比增长 3.92% |
| 水电 | 营业收入 622.12 亿元，同比增长 4.16% | 224.44 亿元，同比增长 10.05% |
| 新能源发电 | 营业收入 1563.95 亿元，同比增长 2.18% | 296.53 亿元，同比减少 7.24% |
{grid}"""
GRID = "| 电网 | 营业收入 171.03 亿元，同比增长 0.42% | 9.98 亿元，同比降低 7.25% |\n"


def of(checks: list[Check], stated: str, kind: str) -> list[Check]:
    return [c for c in checks if c.stated == stated and c.kind == kind]


def test_table_rows_that_add_up_to_the_prose_total_give_its_growth():
    checks = check_text(POWER.format(rev="8444.81", g="3.61", grid=GRID))
    # 6087.70 + 622.12 + 1563.95 + 171.03 = 8444.80, the total within the parts' rounding
    assert [c.verdict for c in of(checks, "8444.81 亿元", "sum")] == ["consistent"]
    assert [c.verdict for c in of(checks, "1020.06 亿元", "sum")] == ["consistent"]
    # last year's total = Σ part / (1 + growth) = 8761.5 → −3.61%; +1.49% for the profit
    rev = of(checks, "3.61%", "growth")
    assert [c.verdict for c in rev] == ["consistent"] and rev[0].derived
    assert [c.verdict for c in of(checks, "1.49%", "growth")] == ["consistent"]


def test_a_growth_the_rows_do_not_give_is_an_error():
    checks = check_text(POWER.format(rev="8444.81", g="4.61", grid=GRID))
    assert [c.verdict for c in of(checks, "4.61%", "growth")] == ["inconsistent"]


def test_rows_that_miss_the_total_prove_nothing():
    # without 电网 the rows may be a subset of the sector: no relation on the total
    checks = check_text(POWER.format(rev="8444.81", g="4.61", grid=""))
    assert not of(checks, "8444.81 亿元", "sum")
    assert {c.verdict for c in of(checks, "4.61%", "growth")} <= {"unverifiable"}


def test_amounts_under_a_header_unit_and_a_total_in_an_earlier_section():
    # 571: the total stands in 核心观点, the table in the next section; "285（+15.8%）" under
    # "2025H1 收入（亿元）及增速"
    text = """## 一、核心观点

1. 全行业整体表现：选取 149 家港股医药上市公司，2025 年上半年收入总额 8961.2 亿元（同比 + 1%），归母净利润 619.9 亿元（同比 + 29.7%）。

## 二、港股医药行业 2025 年上半年业绩总览

| **行业** | **企业数量（家）** | **2025H1 收入（亿元）及增速** |
| --- | --- | --- |
| 创新药 | 36 | 285（+15.8%） |
| 化学制剂 | 16 | 908（-7.1%） |
| 医疗器械 | 26 | 222（+3.5%） |
| CXO 板块 | 10 | 498（+11.2%） |
| 原料药 | 7 | 1430（-0.2%） |
| 医疗服务 | 30 | 197（-7.7%） |
| 中药 | 11 | 585（-1.8%） |
| 药店 | 4 | 524（+20%） |
| 流通 | 7 | 4308（-1.6%） |
| 疫苗 | 2 | 4（+37.1%） |
"""
    checks = check_text(text)
    assert [c.verdict for c in of(checks, "8961.2 亿元", "sum")] == ["consistent"]
    assert [c.verdict for c in of(checks, "+ 1%", "growth")] == ["consistent"]


def test_a_growth_column_after_the_amounts_and_a_row_without_a_growth():
    # 592 (held-out set): the profits add up (953); 能源金属 "同比扭亏" gives no growth, so the
    # total's growth is not derived; the revenues miss 18197 by 40 (a row may be wrong or
    # missing): nothing is said about them
    text = """2025H1 有色板块实现营收 18197 亿元，同比增长 6.66%；实现归母净利润 953 亿元，同比增长 38.28%。

| **二级行业** | **营收（亿元）** | **营收同比增速** | **归母净利润（亿元）** | **归母净利润同比增速** |
| --- | --- | --- | --- | --- |
| 金属新材料 | 539 | 22.84% | 30 | 15.22% |
| 工业金属 | 13586 | 12.08% | 697 | 37.95% |
| 贵金属 | 1883 | 26.97% | 97 | 65.55% |
| 小金属 | 1337 | -37.56% | 76 | -26.07% |
| 能源金属 | 812 | 0.11% | 53 | 同比扭亏 |
"""
    checks = check_text(text)
    assert [c.verdict for c in of(checks, "953 亿元", "sum")] == ["consistent"]
    assert not of(checks, "18197 亿元", "sum")
    assert not [c for c in checks if c.stated == "38.28%" and "table" in c.relation]


SUMMARY = """- **全行业利润**：1-5 月石油和化工行业实现利润总额 3120 亿元，同比降 {g}%。其中炼油板块利润 1250 亿元，降 27.3%；化工板块利润 1870 亿元，降 9.5%。

## 核心数据汇总

| **指标** | **2025 年 1-5 月数据** | **同比变化** | **环比变化（5 月）** |
| --- | --- | --- | --- |
| 国内原油产量（万吨） | 9000 | +2.3% | +1.2% |
| 行业利润总额（亿元） | 3120 | -{g}% | -3.5% |
"""


def test_a_summary_table_repeating_the_text_takes_its_verdict():
    # 246 (blind set): the text's −18.7% is refuted by its parts (−17.6%); the table repeats it
    rows = [c for c in check_text(SUMMARY.format(g="18.7")) if c.stated == "-18.7%"]
    assert [c.verdict for c in rows] == ["inconsistent"] and "行业利润总额" in rows[0].sentence
    rows = [c for c in check_text(SUMMARY.format(g="17.6")) if c.stated == "-17.6%"]
    assert [c.verdict for c in rows] == ["consistent"]


BINS = """- **营收区间统计**：板块个股营收中位数区间持续增长。2024 年营收低于 50 亿元的有 {n} 家，占比 46.22%。

| 营收区间 (家) | 2020A | 2021A | 2022A | 2023A | 2024A | 25AH1 |
| --- | --- | --- | --- | --- | --- | --- |
| 营收≥1000 亿元 | 1 | 2 | 2 | 2 | 2 | 2 |
| 100≤营收 < 1000 亿元 | 16 | 20 | 14 | 12 | 16 | 12 |
| 50≤营收 < 100 亿元 | 27 | 16 | 12 | 21 | 12 | 16 |
| 10≤营收 < 50 亿元 | 43 | 48 | 45 | 38 | 40 | 43 |
| 0≤营收 < 10 亿元 | 40 | 29 | 12 | 9 | 12 | 29 |
| 标的营收中位数 (亿元) | 22.04 | 44.57 | 63.11 | 54.28 | 55.43 | 30.92 |
"""


def test_a_count_below_a_bound_against_the_bins_of_the_table():
    # 607 (blind set): the 2024A bins below 50 亿元 hold 40 + 12 = 52 companies, not 49
    def verdicts(n: str) -> list[str]:
        return [c.verdict for c in check_text(BINS.format(n=n)) if c.stated == f"{n} 家" and c.kind == "sum"]

    assert verdicts("49") == ["inconsistent"]
    assert verdicts("52") == ["consistent"]
    # more than the table counts: the table may leave companies out
    assert verdicts("55") == ["unverifiable"]


MEMBERS = """- 豫股锂电池 3 家标的。豫股总营收增速与板块相近，2018-2022 年持续增长（2022 年 262 亿元，同比增 {g}%），2023 年以来持续负增长。

- **多氟多**：2024 年营收 82.07 亿元。

| 指标 | 2021A | 2022A | 2023A | 2024A | 25AH1 |
| --- | --- | --- | --- | --- | --- |
| 营业收入 (百万元) | 7808.86 | 12358.01 | 11936.64 | 8206.95 | 4328.43 |
| 研发支出在营收中占比 (%) | 4.05 | 4.68 | 5.05 | - | - |

- **天力锂能**：2024 年营收 17.54 亿元。

| 指标 | 2021A | 2022A | 2023A | 2024A | 25AH1 |
| --- | --- | --- | --- | --- | --- |
| 营业收入 (百万元) | 1662.74 | 2617.62 | 2443.33 | 1753.69 | 966.30 |
{third}"""
THIRD = """
- **易成新能**：2024 年营收 34.22 亿元。

| 指标 | 2021A | 2022A | 2023A | 2024A | 25AH1 |
| --- | --- | --- | --- | --- | --- |
| 营业收入 (百万元) | 5777.83 | 11245.16 | 9884.21 | 3422.18 | 2069.41 |
"""


def test_a_groups_total_over_its_members_tables():
    # 607 (blind set): 12358.01 + 2617.62 + 11245.16 百万元 = 262.2 亿元, and over 2021A +71.95%
    checks = check_text(MEMBERS.format(g="71.9", third=THIRD))
    assert [c.verdict for c in of(checks, "262 亿元", "sum")] == ["consistent"]
    assert [c.verdict for c in of(checks, "71.9%", "growth")] == ["consistent"]
    assert [c.verdict for c in of(check_text(MEMBERS.format(g="61.9", third=THIRD)), "61.9%", "growth")] \
        == ["inconsistent"]
    # two of the three members do not make the total: nothing is said
    assert not of(check_text(MEMBERS.format(g="61.9", third="")), "262 亿元", "sum")


def test_the_text_restating_a_tables_level_and_growth_takes_its_verdict():
    # 43: "2025Q1 营收 20.00 亿元（+3.23%）" restates the row whose 20.00 / 20.65 − 1 = −3.15%
    text = ("# 小家电\n\n| **公司** | **指标** | **2024A** | **2023A** | **同比** | **2025Q1** | **2024Q1** | **同比** |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n| **九阳股份** | 营收 | 88.49 | 96.13 | -7.94% | 20.00 | 20.65 | {} |\n\n"
            "九阳股份：2024 年营收 88.49 亿元（-7.94%），2025Q1 营收 20.00 亿元（{}），国补下收入降幅环比收窄。\n")
    got = {(c.stated, c.verdict) for c in check_text(text.format("+3.23%", "+3.23%")) if "restates the table" in c.relation}
    assert got == {("-7.94%", "consistent"), ("+3.23%", "inconsistent")}
    got = {(c.stated, c.verdict) for c in check_text(text.format("-3.15%", "-3.15%")) if "restates the table" in c.relation}
    assert ("-3.15%", "consistent") in got
    # a growth the table does not hold is not a restatement
    assert not [c for c in check_text(text.format("+3.23%", "+4.23%")) if c.stated == "+4.23%" and "restates" in c.relation]


def test_a_weekly_move_in_the_text_restating_the_tables():
    # 65: "周降 1.93%" restates the row 752.09 → 737.89 (−1.888%)
    text = ("# 煤炭\n\n| **品种** | **周初价格** | **周末价格** | **周涨跌幅** |\n| --- | --- | --- | --- |\n"
            "| 独立焦化厂炼焦煤库存 | 752.09 万吨 | 737.89 万吨 | -1.93% |\n| 京唐港主焦煤 | 1320 元 / 吨 | 1300 元 / 吨 | -1.52% |\n\n"
            "独立焦化厂炼焦煤库存737.89 万吨，周降 1.93%；京唐港主焦煤库提价1300 元 / 吨，周跌 1.52%。\n")
    got = {(c.stated, c.verdict) for c in check_text(text) if "restates the table" in c.relation}
    assert got == {("1.93%", "inconsistent"), ("1.52%", "consistent")}


def test_a_tables_weekly_rate_against_the_weeks_move_in_the_text():
    # 61: −9 / (620 + 9) = −1.43%; −43 / (3211 + 43) = −1.32%
    text = ("# 煤炭\n\n- 北港 Q5500 动力末煤平仓价报 620 元 / 吨，周环比下跌 9 元 / 吨。\n\n- 环渤海 9 港库存 3,211 万吨（周降 43 万吨）。\n\n"
            "| **指标** | **数值** | **周环比** | **同比** |\n| --- | --- | --- | --- |\n| 北港 Q5500 平仓价 | 620 元 / 吨 | {} | -23.2% |\n"
            "| 环渤海 9 港库存 | 3,211 万吨 | -1.32% | +24.3% |\n")
    got = {c.stated: c.verdict for c in check_text(text.format("-1.43%")) if "the week's move" in c.relation}
    assert got == {"-1.43%": "consistent", "-1.32%": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format("-2.43%")) if "the week's move" in c.relation}
    assert got["-2.43%"] == "inconsistent"
    # a sign flipped is caught
    got = {c.stated: c.verdict for c in check_text(text.format("+1.43%")) if "the week's move" in c.relation}
    assert got["+1.43%"] == "inconsistent"
