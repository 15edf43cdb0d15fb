"""Figure extraction on the everyday shapes of Chinese research text."""

import pytest

from macrodesk.figures import cn_to_number, extract_figures
from macrodesk.models import FigureKind


def figs(text):
    return [(f.text, f.kind, f.value, f.high) for f in extract_figures(text)]


def test_percent_with_period_and_sign():
    out = extract_figures("美国2024年11月-2025年9月商品进口同比增长8.1%，远超2023年-5.3%与2024年4.0%。")
    assert out[0].kind == FigureKind.DATE and out[0].text == "2024年11月-2025年9月"
    pct = [f for f in out if f.kind == FigureKind.PERCENT]
    assert [(f.value, f.decimals) for f in pct] == [(8.1, 1), (-5.3, 1), (4.0, 1)]
    assert pct[0].period == "2024年11月-2025年9月"
    assert pct[1].period == "2023年"


@pytest.mark.parametrize("text,low,high", [
    ("税率区间为10%~41%", 10, 41), ("部分商品40%-74%", 40, 74), ("出口增速2%-4%", 2, 4),
    ("利润 29.31-32.31亿元", 29.31, 32.31), ("CPI回升至0~1%", 0, 1),
])
def test_ranges(text, low, high):
    (f,) = [f for f in extract_figures(text) if f.kind != FigureKind.DATE]
    assert (f.value, f.high) == (low, high)


def test_descending_pair_is_not_a_range():
    out = extract_figures("(15%-1.2%)")
    assert [(f.value, f.high) for f in out] == [(15, None), (1.2, None)]


def test_chinese_numerals_and_units():
    out = {f.text: f for f in extract_figures("三成企业，两千亿元，贡献+3.6个百分点，降息 25bp，约680亿美元，翻两倍")}
    assert out["三成"].key() == ("percent", "%", 30.0, None)
    assert out["两千亿元"].key() == ("money", "元", 2e11, None)
    assert out["+3.6个百分点"].kind == FigureKind.POINTS
    assert out["25bp"].key() == out["25bp"].key() and out["25bp"].key()[2] == 0.25
    assert out["680亿美元"].approx is True
    assert out["两倍"].kind == FigureKind.MULTIPLE


def test_same_figure_written_two_ways_has_one_key():
    a = extract_figures("降息25bp")[0]
    b = extract_figures("下调0.25个百分点")[0]
    assert a.key() == b.key()


def test_spaced_units_and_dates():
    out = figs("美国 5 月核心 CPI 同比2.8% 持平，均价周涨跌幅 - 11.40%；最新价格 7250.00 元 / 吨")
    assert ("5 月", FigureKind.DATE, None, None) in out
    assert ("- 11.40%", FigureKind.PERCENT, -11.4, None) in out
    assert any(k == FigureKind.MONEY and v == 7250 for _, k, v, _ in out)


def test_names_and_ordinals_are_not_figures():
    out = figs("小米 K80 发布，第 1 批资金到位，MIX Flip 2 上市")
    assert not [f for f in out if f[1] != FigureKind.NUMBER]
    assert all(v not in (80.0, 1.0) for _, _, v, _ in out)


def test_cn_to_number():
    assert cn_to_number("三百五十") == 350
    assert cn_to_number("两千") == 2000
    assert cn_to_number("十二") == 12
    assert cn_to_number("abc") is None


def test_no_figures_in_plain_prose():
    assert extract_figures("市场情绪整体偏谨慎，资金观望。") == []


@pytest.mark.parametrize("text,expected", [
    ("GDP 5.2%，CPI 0.3%", ["5.2%", "0.3%"]),
    ("17.1% vs 37.4%", ["17.1%", "37.4%"]),
    ("较 2024 年 2.42%", ["2024 年", "2.42%"]),
    ("2019-2022 年复合增速12%", ["2019-2022 年", "12%"]),
    ("2023-24 年分红贡献比例超 10%", ["2023-24 年", "10%"]),
])
def test_spaces_after_words_and_dates_do_not_hide_figures(text, expected):
    assert [f.text for f in extract_figures(text)] == expected


def test_a_span_of_months_and_a_year_without_its_nian_are_dates():
    from macrodesk.figures import extract_figures

    got = [(f.text, f.kind.value) for f in extract_figures("2025 上半年，1-8 月累计进口 3 亿吨，月均 3750 万吨")]
    assert got[:2] == [("2025 上半年", "date"), ("1-8 月", "date")]
    # a span of months is not a duration, and a day range keeps its days
    assert [f.kind.value for f in extract_figures("增速 3-5 个月")] == ["duration"]
    assert [f.text for f in extract_figures("8 月 30 日 - 9 月 5 日")] == ["8 月 30 日 - 9 月 5 日"]


def test_english_magnitudes_before_a_currency():
    from macrodesk.figures import extract_figures

    got = [(f.text, f.kind.value, f.scale) for f in extract_figures("2024 年营收 45.0B 美元，Rybrevant（172M 美元），营收 23.7B 瑞士法郎")]
    assert got[1:] == [("45.0B 美元", "money", 1e9), ("172M 美元", "money", 1e6), ("23.7B 瑞士法郎", "money", 1e9)]
    # a company named 3M is no figure in millions
    assert [f.kind.value for f in extract_figures("3M 公司")] == ["number"]


def test_a_rate_glued_to_its_abbreviation():
    # 651 (tests/check_twelfth): "（CAGR5.7%）" is a figure; "CR5", "K80", "H1" stay names
    texts = [f.text for f in extract_figures("2024-2030 年从 382 亿美元增至 544 亿美元（CAGR5.7%），ROE8.5%。")]
    assert texts[-2:] == ["5.7%", "8.5%"]
    assert [f.text for f in extract_figures("行业 CR5 集中，K80 机型")] == []


def test_a_two_digit_year_is_a_year_unless_a_duration_leads_it():
    # company research writes "22年公司实现收入163.6亿元" and "较 24 年提升": a year, the figures' period
    figs = extract_figures("22年公司实现收入163.6亿元，yoy+9.5%")
    assert [(f.text, f.kind) for f in figs][:2] == [("22年", FigureKind.DATE), ("163.6亿元", FigureKind.MONEY)]
    assert figs[1].period == "22年"
    assert extract_figures("较 24 年提升 3%")[0].kind == FigureKind.DATE
    assert extract_figures("25 年 5 月增长 3%")[0].text == "25 年 5 月"
    # how long, not which year
    for text in ("预计可用 30 年，铀", "近 20 年首款新药", "储采比仅 20 年", "10 年期国债", "持续 25 年"):
        assert all(f.kind != FigureKind.DATE for f in extract_figures(text)), text


def test_a_full_width_thousands_separator_before_decimals():
    # a PDF export's "2，362.4 亿元" is one amount; "2，362 亿元" without decimals may be a list
    assert [f.value for f in extract_figures("营业收入 2，362.4 亿元（ 同比+51.1%）")][:1] == [2362.4]
    assert [f.value for f in extract_figures("分别为 2，362 亿元")] == [2.0, 362.0]
    assert [f.value for f in extract_figures("增长 2%，362.4 亿元")] == [2.0, 362.4]


def test_a_bare_magnitude_after_a_money_measure_is_an_amount():
    # cfb366: "移动网络资本开支339亿占比49%" against "资本开支690亿元"; 581: "收入分别为 82.8/55.9 亿"
    got = {f.text: (f.kind, f.unit) for f in extract_figures("资本开支339亿占比49%，中国 / 海外收入分别为 82.8/55.9 亿")}
    assert got["339亿"] == (FigureKind.MONEY, "亿元") and got["55.9 亿"] == (FigureKind.MONEY, "亿元")
    # a count stays a count
    got = {f.text: f.kind for f in extract_figures("用户 3 亿，销量 339 万")}
    assert got == {"3 亿": FigureKind.QUANTITY, "339 万": FigureKind.QUANTITY}
