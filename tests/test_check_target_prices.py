"""A price target against the multiple it is priced at and that year's EPS or BPS
(checks/target_prices.py). Sentences from company research of the CFBenchmark corpus that no
ground truth holds (summary 52, 54, 113, 218, 232; risk 43, 238, 363)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text
from macrodesk.checks.target_prices import find_target_prices
from macrodesk.readers import article_from_text


def targets(text: str) -> list:
    return [c for c in check_text(text) if "the target at" in c.relation]


def priced(text: str) -> list:
    """The target and its multiple, judged once whichever of them is read as the result."""
    return [c for c in check_text(text) if "the target at" in c.relation or "the target over" in c.relation]


def test_a_target_is_the_multiple_times_the_eps_of_its_year():
    # summary 52: 2019's EPS is the first of the 2019-2021 list; 23 × 1.11 = 25.53, and 23 stands
    # for 22.5…23.5
    # (the multiple written after the target is judged as the target over the EPS, once: round 30)
    (c,) = priced("维持2019-2021年EPS为1.11/1.24/1.36元，维持目标价25.69元，对应19年23xPE，“增持”。")
    assert c.verdict == "consistent" and c.refutable and c.kind == "ratio"
    assert c.inputs == ["25.69元", "1.11"] and c.stated == "23x"
    # risk 363: two-digit years, the EPS written right after its key, a peer's multiple before it
    (c,) = targets("维持盈利预测，预计21-23年EPS2.81/4.16/5.46元，参考可比22年PE均值36x，考虑公司21-23年净利"
                   "CAGR（53%）快于可比均值（34%），享受估值溢价，给予22年50xPE，目标价208.00元，上调至“买入”。")
    assert c.verdict == "consistent" and c.inputs == ["50", "4.16"]


def test_a_gross_miss_refutes_and_a_near_one_proves_nothing():
    text = "维持2019-2021年EPS为1.11/1.24/1.36元，维持目标价{t}元，对应19年23xPE，“增持”。"
    (c,) = priced(text.format(t="28.69"))
    assert c.verdict == "inconsistent" and c.refutable and c.gap and c.gap > 1
    # risk 43: 1100 / 41.8 = 26.3 against 27, 2.5% off: a target is often rounded to a round number
    (c,) = priced("维持19-21年EPS预测34.5/41.8/47.8元，维持目标价1100元，对应20年27倍PE，维持公司“强烈推荐-A”评级。")
    assert c.verdict == "unverifiable" and "rounded" in c.note


def test_a_range_of_multiples_prices_a_range_of_targets_end_by_end():
    # summary 113: 17 × 0.72 = 12.24 and 20 × 0.72 = 14.40; the previous estimates in brackets are no list
    text = ("我们略微调整公司20-22年EPS至0.72/0.87/1.03元(前次0.74/0.89/-元)，给予20年17-20xPE，"
            "对应目标价{lo}-14.40元，维持买入评级。")
    got = {c.stated: c.verdict for c in targets(text.format(lo="12.24"))}
    assert got == {"12.24元": "consistent", "14.40元": "consistent"}
    got = {c.stated: c.verdict for c in targets(text.format(lo="13.60"))}
    assert got == {"13.60元": "inconsistent", "14.40元": "consistent"}


def test_a_target_against_each_year_of_the_multiples_written_after_it():
    # summary 218: the EPS list in the sentence before; 37.4 × 1.35 = 50.49
    text = ("维持预测2020-22年EPS为1.35/1.75/2.21元增速27/29/27%；维持目标价50.48元，对应2020-22年37.4/28.8/22.8倍PE，增持。")
    checks = [c for c in find_target_prices(article_from_text(text))]
    assert {c.inputs[1] for c in checks} == {"1.35", "1.75", "2.21"}
    assert all(c.verdict == "consistent" for c in checks)


def test_notes_after_list_items_are_skipped():
    # summary 69 writes each EPS with its growth in brackets
    text = ("对应 EPS 0.48（-22.24%）、 0.92（+28.25%）、 1.43（+38.41%） 元，上调 2020、2021、2022 年预测。"
            "预计 2020-2022 年 EPS 分别为 0.48（-22.24%）、 0.92（+28.25%）、 1.43（+38.41%） 元，"
            "给予 2021 年 35 倍 PE，目标价 32.20 元。")
    (c,) = targets(text)
    assert c.inputs == ["35", "0.92"] and c.verdict == "consistent"


def test_a_book_multiple_takes_the_bps():
    text = "我们预计19-21年公司每股净资产分别为6.50/6.94/7.44元，给予公司19年1.2xP/B，对应目标价7.80元，维持“买入”。"
    (c,) = targets(text)
    assert c.inputs == ["1.2", "6.50"] and "PB" in c.relation and c.verdict == "consistent"


def test_what_is_no_target_at_one_multiple_is_left_alone():
    # a target between two methods (summary 140: 45 倍 PE and 2.2 倍 PS)
    assert not targets("预计2020-2022年EPS分别为0.77/0.97/1.18元，给予公司2020年45倍PE，2.2倍PS，给予目标价格42元，维持“强推”评级。")
    # parts valued apart (summary 591)
    assert not targets("预计2024年EPS为1.50元，我们对2024年生肉业务盈利给予10xPE、调理品业务盈利给予20xPE，对应目标价29.94元。")
    # only a peer's multiple the target is referred to (参考): a misfit proves nothing (round 19: a fit
    # confirms, tests/test_check_round19.py)
    assert [c.verdict for c in targets(
        "预计2022-2024年EPS分别为1.74、2.25、2.90元，参考可比公司Wind一致预期2022年13倍PE均值，目标价31.32元。")] \
        == ["unverifiable"]
    # an H-share target in 港元 against an EPS in 元
    assert not targets("预计 2025 年 EPS 3.55 元，目标价 32 港元（2025 年 8 倍 PE）。")
    # the year of the multiple has no EPS written
    assert not targets("预计2021-2022年EPS分别为1.20/1.50元，给予公司2023年30倍PE，目标价45元。")


def test_a_year_with_two_eps_figures_only_confirms():
    # revised estimates in two places: either may be the one the target rests on
    text = ("预计2021-2023年EPS分别为1.00/1.20/1.40元。我们下调2021-2023年EPS至0.90/1.10/1.30元，"
            "给予2021年30倍PE，目标价{t}元。")
    (c,) = targets(text.format(t="30.00"))
    assert c.verdict == "consistent" and not c.refutable
    (c,) = targets(text.format(t="40.00"))
    assert c.verdict == "unverifiable"


def test_each_multiple_written_after_the_target_is_the_target_over_its_years_eps():
    # summary 218: 50.48 / 1.35 = 37.39, / 1.75 = 28.85, / 2.21 = 22.84
    text = "维持预测2020-22年EPS为1.35/1.75/2.21元增速27/29/27%；维持目标价50.48元，对应2020-22年37.4/28.8/{pe}倍PE，增持。"
    got = {c.stated: c.verdict for c in check_text(text.format(pe="22.8")) if "target over" in c.relation}
    assert got == {"37.4": "consistent", "28.8": "consistent", "22.8倍": "consistent"}
    got = {c.stated: c.verdict for c in check_text(text.format(pe="25.8")) if "target over" in c.relation}
    assert got["25.8倍"] == "inconsistent"
