"""数据核对: figures quoted in articles beside the values recomputed from the bundled data."""

from __future__ import annotations

import pytest

from macrodesk.models import Sentence
from macrodesk.trade import datacheck, datacheck_lines


def test_recomputes_quoted_effective_rates_and_air_share():
    sents = [
        "据测算，2025年6月美国有效关税税率升至9.3%，为1935年以来最高。",
        "按一般进口口径，2025年6月有效关税税率为9.07%。",
        "2024年美国有效关税税率仅为2.4%。",
        "2025年6月空运占比降至30.3%。",
    ]
    got = datacheck(sents)
    assert [(c.period, c.quoted) for c in got] == [
        ("2025-06", "9.3%"), ("2025-06", "9.07%"), ("2024", "2.4%"), ("2025-06", "30.3%")]
    assert got[0].recomputed == pytest.approx(9.2878, abs=1e-3) and got[0].matches
    assert got[1].recomputed == pytest.approx(9.0706, abs=1e-3) and "一般进口" in got[1].basis
    assert got[2].recomputed == pytest.approx(2.416, abs=1e-3) and "财政部" in got[2].basis
    assert got[3].indicator == "美国进口空运占比" and got[3].matches
    lines = datacheck_lines(got)
    assert lines[0].startswith("- 2025年6月美国有效关税税率：原文 9.3%，按公开数据重算 9.29%")


def test_mismatch_is_reported_with_difference():
    [c] = datacheck(["2025年6月美国的有效关税税率已达到15.0%。"])
    assert not c.matches
    assert c.diff_pp == pytest.approx(9.2878 - 15.0, abs=1e-3)
    assert "相差 -5.71 个百分点" in c.line()


def test_period_from_default_year_and_sentence_ids():
    s = Sentence(id="a:1.1", text="6月有效关税税率约为10%。", paragraph=1)
    [c] = datacheck([s], default_year=2025)
    assert c.period == "2025-06" and c.sentence_id == "a:1.1" and c.matches  # 约: wider
    assert datacheck([s]) == []  # no year known: nothing is guessed


def test_ignores_what_the_data_do_not_cover():
    assert datacheck([
        "中国对美国商品的有效关税税率为20%。",  # another country's tariff
        "2030年美国有效关税税率为1.5%。",  # a year the data do not cover
        "美国7月CPI同比上涨2.7%。",  # not an indicator we cover
        "有效关税税率将升至15%-18%。",  # a range and no period
    ]) == []


def test_china_rate_for_2024_from_detail():
    [c] = datacheck(["2024年美国对华有效关税税率约为11%。"])
    assert c.indicator == "美国对华有效关税税率"
    assert c.recomputed == pytest.approx(10.866, abs=1e-3)


def test_statutory_rate_named_after_the_figure_is_not_claimed():
    got = datacheck(["截至2025年10月，美国有效关税税率为12.4%，低于15.7%的理论税率。"])
    assert [c.quoted for c in got] == ["12.4%"]
    assert not got[0].estimate and got[0].recomputed == pytest.approx(10.836, abs=1e-3)


def test_forecast_is_flagged():
    [c] = datacheck(["美国2025年有效关税税率预计升至16.38%（考虑消费替代）。"])
    assert c.estimate and c.period == "2025" and "预测或估算" in c.line()
