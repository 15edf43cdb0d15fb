"""Cleaning rules one by one: promos, WeChat chrome, captions, PDF running lines, broken lines."""

from __future__ import annotations

from macrodesk.clean import (
    RULES,
    Cleaned,
    Rule,
    clean_text,
    drop_running_lines,
    rejoin_lines,
)
from macrodesk.readers import article_from_text
from macrodesk.text.decode import decode, to_simplified

PROSE = "美国5月核心CPI同比2.8%，连续第三个月持平。"


def test_rule_list_is_named_and_extensible():
    names = [r.name for r in RULES]
    assert names[0] == "tail-promo" and "captions" in names and len(set(names)) == len(names)

    def drop_lines_with_x(lines, out):
        out.removed.extend(f"x: {ln}" for ln in lines if "XXX" in ln)
        return [ln for ln in lines if "XXX" not in ln]

    cleaned = clean_text(f"{PROSE}\nXXX 广告位\n{PROSE}", rules=[Rule("x", drop_lines_with_x), *RULES])
    assert "XXX" not in cleaned.text and cleaned.removed == ["x: XXX 广告位"]


def test_wechat_chrome_and_end_mark_dropped():
    text = "\n".join([PROSE * 3, "预览时标签不可点", PROSE * 2, "—— END ——", "扫码关注我们", "点击阅读原文"])
    cleaned = clean_text(text)
    for junk in ("预览时标签不可点", "END", "扫码关注", "阅读原文"):
        assert junk not in cleaned.text
    assert cleaned.text.count("持平") == 5


def test_captions_kept_apart_from_prose():
    text = f"{PROSE}\n图6：美国CPI同比（%）\n资料来源：Wind，某某证券\n{PROSE}"
    cleaned = clean_text(text)
    assert cleaned.captions == ["图6：美国CPI同比（%）", "资料来源：Wind，某某证券"]
    assert "图6" not in cleaned.text and cleaned.text.count("持平") == 2
    art = article_from_text(f"标题\n\n{text}")
    assert all("图6" not in s.text for s in art.sentences)
    assert "图6：美国CPI同比（%）" in art.meta["captions"]


def test_long_line_citing_a_chart_is_prose():
    line = "图1显示，" + "核心通胀的回落主要来自耐用品分项，" * 10 + "这一趋势或将延续。"
    assert clean_text(f"{PROSE}\n{line}").captions == []


def test_running_headers_footers_and_page_numbers_removed():
    bodies = ["美国核心通胀连续持平。", "非农就业保持稳健。", "房租涨幅继续回落。"]
    pages = [["某某证券 宏观点评", body, f"第 {i} 页 / 共 3 页"] for i, body in enumerate(bodies, 1)]
    out = Cleaned(text="")
    kept = drop_running_lines(pages, out)
    assert kept == [[b] for b in bodies]
    assert any("某某证券" in r for r in out.removed)


def test_single_page_drops_bare_page_number_only():
    out = Cleaned(text="")
    assert drop_running_lines([["正文。", "- 3 -"]], out) == [["正文。"]]


def test_rejoin_lines_joins_broken_sentences_and_hyphens():
    lines = [
        "在基数走弱、关税冲击的双重背景下，美国核心通胀连续第三个月持平，主要因能源",
        "价格走弱。",
        "",
        "The Federal Reserve is expected to keep rates unchanged as infla-",
        "tion remains sticky and the labour market stays tight, while the",
        "dollar eases.",
    ]
    out = rejoin_lines(lines)
    assert out[0] == "在基数走弱、关税冲击的双重背景下，美国核心通胀连续第三个月持平，主要因能源价格走弱。"
    joined = [ln for ln in out if ln.startswith("The")][0]
    assert "inflation remains sticky" in joined and "the dollar eases." in joined


def test_rejoin_keeps_numbered_items_apart():
    lines = ["一、海外宏观：美联储降息预期升温，美元指数短时回落，非美货币普遍走强，黄金价格",
             "1. 核心CPI连续三个月持平，主要因能源价格回落，耐用品分项走弱，房租涨幅也在放缓。"]
    assert len([ln for ln in rejoin_lines(lines) if ln]) == 2


def test_traditional_converted_original_kept():
    trad = "美國核心通脹連續第三個月持平，市場對聯準會年內降息預期升溫。\n\n關稅衝擊仍在發酵，經濟數據將主導市場。"
    simp, was = to_simplified(trad)
    assert was and "美国核心通胀" in simp and "关税" in simp
    art = article_from_text(trad, title="關稅衝擊")
    assert art.title == "关税冲击" and "经济数据" in art.text
    assert art.meta["original_text"] == trad and art.meta["original_script"] == "zh-Hant"


def test_simplified_text_is_left_alone():
    text = "美国核心通胀连续第三个月持平。" * 5
    assert to_simplified(text) == (text, False)


def test_big5_and_gbk_bytes_decode():
    text = "關稅衝擊仍在發酵，經濟數據將主導市場，美國聯準會年內或降息兩次。" * 3
    assert decode(text.encode("big5"), "x.txt") == text
    simp = "关税冲击仍在发酵，经济数据将主导市场，美联储年内或降息两次。" * 3
    assert decode(simp.encode("gbk"), "x.txt") == simp


def _wrap(text: str, width: int = 38) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_text_broken_every_n_characters_is_rejoined_without_inventing_spaces():
    # real sentences from a PDF-style report, broken mid-word ("保值需/求") and mid-figure ("0./4")
    paras = [
        "2025 年上半年黄金珠宝板块显著跑赢大盘。这源于去年同期低基数，以及金价持续高位运行提升消费者投资与保值需求，"
        "头部品牌门店改造后春节旺季销售额同比增 3-6 倍、客流提升超 300%。",
        "对各类调节性电源侧 LCOE/LCOS 测算显示，新型储能需现货价差约 0.4 元 / 度，抽水蓄能约 0.2-0.3 元 / 度，"
        "火电介于两者之间。预计 2027-30 年全国大部分地区现货价差可达 0.4 元 / 度左右。",
        "若各类电源（含储能）不区分技术手段参与容量机制，风光配储意愿将大幅提升，电网投资已开始加速，"
        "2024 年起持续超过光伏投资增速，配储需求将随之上升，储能经济性进一步改善。",
    ]
    lines: list[str] = []
    for p in paras + paras:
        lines += _wrap(p) + [""]
    lines.insert(len(_wrap(paras[0])) + 1, "二、与市场不同的观点")
    text = "\n".join(lines)
    cleaned = clean_text(text).text
    for p in paras:
        assert p in cleaned
    assert "\n二、与市场不同的观点" in cleaned  # a heading is not glued to the paragraph before it


def test_ordinary_markdown_keeps_its_lines():
    text = "\n".join(f"- 第{i}项：{PROSE}" if i % 2 else PROSE for i in range(20))
    assert clean_text(text).text == text


def test_one_short_line_with_no_stop_is_its_own_body():
    # a pasted sentence with no stop ("…同比分别增长35%、36%") was taken as the title and left no body
    art = article_from_text("预计2020-2021年净利润分别为2.9亿元、4亿元，同比分别增长35%、36%")
    assert [s.text for s in art.sentences] == ["预计2020-2021年净利润分别为2.9亿元、4亿元，同比分别增长35%、36%"]
    assert art.title.startswith("预计2020-2021年")
    # a short first line with a body after it is still the title only
    art = article_from_text("关税点评\n\n美国对华关税上调至 30%。")
    assert art.title == "关税点评" and [s.text for s in art.sentences] == ["美国对华关税上调至 30%。"]
