"""Gaps to a benchmark whose return is never written, judged against the benchmark the other gaps
imply (checks/implied_benchmarks.py); 499's weekly (tests/check_seventh) and 213 of the corpus."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_499 = ("# 非银\n\n非银金融板块：本周非银金融（申万）指数涨跌幅为 + 2.69%，跑输沪深 300 指数 1.49 个百分点。\n\n"
        "银行板块：本周银行（申万）涨幅为 1.25%，跑输沪深 300 指数 2.93 个百分点。\n\n"
        "券商板块：本周证券 II（申万）上涨 3.12%，跑输沪深 300 指数 {} 个百分点。\n")


def _gaps(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if "other gaps to it imply" in c.relation}


def test_each_gap_against_the_benchmark_the_others_imply():
    # 2.69 + 1.49 = 1.25 + 2.93 = 3.12 + 1.06 = 4.18
    assert set(_gaps(_499.format("1.06")).values()) == {"consistent"}
    assert _gaps(_499.format("1.36"))["1.36 个百分点"] == "inconsistent"


def test_falls_are_signed_and_two_witnesses_are_not_enough():
    # 213: 下跌 0.01% 跑赢 by 0.45 and 下跌 0.57% 跑输 by 0.12 both put 沪深 300 at −0.46%
    text = ("# 指数\n\n储能指数下跌 0.01%，跑赢沪深 300 指数 0.45 个百分点。\n\n光伏设备指数下跌 0.57%，跑输沪深 300 指数 0.12 个百分点。\n\n"
            "风电指数下跌 0.08%，跑赢沪深 300 指数 0.37 个百分点。\n")
    assert set(_gaps(text).values()) == {"consistent"}
    assert _gaps(text.split("\n\n风电")[0]) == {}
