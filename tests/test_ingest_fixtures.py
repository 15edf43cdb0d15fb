"""Each saved fixture through the readers: first and last sentences pinned, no boilerplate left,
metadata read; and one clear error for each kind of bad input."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from macrodesk.errors import InputError
from macrodesk.readers import read_article, read_articles

from .conftest import FIXTURES

DIR = FIXTURES / "ingest"
BEIJING = timedelta(hours=8)

# fixture -> (first sentence starts, last sentence ends, boilerplate that must be gone)
CASES = {
    "investing_analysis.html": (
        "6月以来，中国经济呈现“外需回暖、内需分化”特征",
        "反映政策宽松效果有限，市场信心仍需修复。",
        ["AI精选股", "InvestingPro", "Pro会员", "首页", "相关文章", "Fusion Media", "作者 王宏观",
         "https://"],
    ),
    "wechat_article.html": (
        "中国的农历春节与公历日期的错位，通常会对1-2月的单月经济指标形成扰动",
        "1-2月出口增速分别为15%和24%，而3月出口同比则回落至-15%和-3%。",
        ["扫码关注", "阅读原文", "在看", "END", "微信扫一扫", "原创", "宏观观察室"],
    ),
    "gbk_page.html": (
        "近期市场交易始终围绕着中美元首通话相关信息和关税谈判展开",
        "这种政策既有关税特征，又能降低决策成本。",
        ["责任编辑", "分享到", "首页", "来源：财经频道", "2025年06月06日"],
    ),
    "research_report.pdf": (
        "美国核心CPI会持续走弱吗？",
        "凸显利率峰值对房价的滞后影响，降息周期中房价或升温推升通胀。",
        ["证券研究报告", "请务必阅读", "第 1 页", "共 3 页", "免责声明", "分析师声明",
         "本报告仅供", "图1：", "资料来源"],
    ),
    "traditional_big5.txt": (
        "近期市场交易始终围绕着中美元首通话相关信息和关税谈判展开",
        "因此经济数据的后续变化仍是关键，需要持续观察。",
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_first_last_sentence_and_no_boilerplate(name):
    first, last, junk = CASES[name]
    art = read_article(DIR / name)
    assert art.sentences[0].text.startswith(first)
    assert art.sentences[-1].text.endswith(last)
    for j in junk:
        assert j not in art.text, f"{j!r} survived cleaning"
    assert art.content_hash and len(art.content_hash) == 64 and art.language == "zh"


def test_investing_metadata_and_url_from_promo():
    art = read_article(DIR / "investing_analysis.html")
    assert art.title == "中国经济：外需回暖、内需分化"
    assert art.source == "英为财情 Investing.com" and art.author == "王宏观"
    assert art.url == "https://cn.investing.com/analysis/article-200512345"
    assert art.published.isoformat() == "2025-07-08T09:30:00+08:00"
    assert any(r.startswith("investing-pro-promo") for r in art.removed)


def test_wechat_metadata_from_page_variables():
    art = read_article(DIR / "wechat_article.html")
    assert art.title == "春节错位如何扰动1-2月经济数据"
    assert art.source == "宏观观察室" and art.meta["platform"] == "wechat"
    assert art.url == "http://mp.weixin.qq.com/s/AbCdEf123456"
    assert art.published.utcoffset() == BEIJING and art.published.strftime("%Y-%m-%d %H:%M") == "2026-01-20 08:00"


def test_gbk_page_decoded_with_date_and_zone():
    art = read_article(DIR / "gbk_page.html")
    assert art.title == "关税交易空间收窄，经济数据将主导市场"
    assert art.published.isoformat() == "2025-06-06T10:15:00+08:00"


def test_pdf_report_metadata_captions_and_legal_cut():
    art = read_article(DIR / "research_report.pdf")
    assert art.title == "美国核心CPI会持续走弱吗" and art.author == "某某证券研究所"
    # the date printed in the running header, not the file's creation time
    assert art.published.isoformat() == "2025-06-12T00:00:00+08:00"
    assert art.meta["captions"].splitlines() == ["图1：美国核心CPI同比（%）", "资料来源：Wind，某某证券研究所"]
    assert any(r.startswith("legal-section: 免责声明") for r in art.removed)
    assert "running-line" in art.meta["pdf_removed"] and art.meta["pages"] == "3"
    # broken lines re-joined: no sentence starts mid-word after a line break
    assert all(not s.text.startswith(("滞后影响", "% 及房租")) for s in art.sentences)


def test_traditional_fixture_converted_with_original_kept():
    art = read_article(DIR / "traditional_big5.txt")
    assert art.title == "关税交易空间收窄"
    assert art.meta["original_script"] == "zh-Hant" and "關稅" in art.meta["original_text"]


def test_image_only_pdf_says_no_text_layer():
    with pytest.raises(InputError, match="no text layer") as exc:
        read_article(DIR / "scanned_report.pdf")
    assert "scanned_report.pdf" in str(exc.value) and "OCR" in str(exc.value)


def test_corrupt_pdf_is_one_clear_error():
    with pytest.raises(InputError, match="corrupt PDF") as exc:
        read_article(DIR / "corrupt.pdf")
    assert "corrupt.pdf" in str(exc.value)


def test_pdf_named_file_that_is_not_pdf(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_text("<html>login page</html>", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF"):
        read_article(p)


def test_binary_file_missing_path_and_batch_goes_on(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    good = tmp_path / "good.html"
    shutil.copy(DIR / "gbk_page.html", good)
    batch = read_articles([binary, tmp_path / "missing.md", good, DIR / "corrupt.pdf"])
    assert [a.title for a in batch.articles] == ["关税交易空间收窄，经济数据将主导市场"]
    messages = [str(e) for e in batch.failures]
    assert len(messages) == 3
    assert "binary file" in messages[0] and "no such file" in messages[1] and "corrupt PDF" in messages[2]
