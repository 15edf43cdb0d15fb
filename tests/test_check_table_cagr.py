"""A table's CAGR column against its two year columns (checks/table_cagr.py); the summary table
of 137 (tests/check_fresh)."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text

_137 = ("# 运动相机\n\n| **指标** | **2023 年** | **2027 年预测** | **CAGR** |\n| --- | --- | --- | --- |\n"
        "| 运动相机市场规模 (亿元) | 314.4 | 513.5 | 13.0% |\n| 影石创新营收 (亿元) | 55.74 | 120+ | 20%+ |\n"
        "| 全球运动相机出货量 (万台) | 4461 | 6907.3 | 10.1% |\n")


def _cagrs(text: str) -> dict[str, str]:
    return {c.stated: c.verdict for c in check_text(text) if c.kind == "cagr" and "table:" in c.relation}


def test_each_rows_cagr_over_the_years_between_the_columns():
    # (513.5 / 314.4)^(1/4) − 1 = 13.05%; (6907.3 / 4461)^(1/4) − 1 = 11.55%, not 10.1% (137-12)
    assert _cagrs(_137) == {"13.0%": "consistent", "10.1%": "inconsistent"}  # "120+" is a bound: no check


_THREE = ("# 运动相机\n\n| 指标 | 2023 年 | 2027 年预测 | 2030 年预测 | {} |\n| --- | --- | --- | --- | --- |\n"
          "| 运动相机市场规模 (亿元) | 314.4 | 513.5 | 700.0 | 13.0% |\n")


def test_no_cagr_without_two_year_columns_it_spans():
    assert _cagrs(_THREE.format("CAGR")) == {}
    # a span named in the CAGR head picks its two columns among more
    assert _cagrs(_THREE.format("CAGR（2023-2027）")) == {"13.0%": "consistent"}
    assert _cagrs(_THREE.format("CAGR（2023-2030）")) == {"13.0%": "inconsistent"}  # 12.1%
