"""The check's fast paths give what the slow ones give: a finder's gate (checks.gate) searches the
sentences of the article asked about; a paragraph's figure count is its tokens' count."""

import re

from macrodesk.checks.gate import mentions, sentence_text
from macrodesk.checks.tokens import build_para, figure_count
from macrodesk.readers import article_from_text


def test_gate_reads_the_sentences_of_the_article_asked_about() -> None:
    a = article_from_text("客流量同比增长 2.6%，客单价增长 5.0%。", source_name="a")
    b = article_from_text("营业收入 12 亿元，同比增长 20%。", source_name="b")
    assert mentions(a, re.compile("客单价"))
    assert not mentions(b, re.compile("客单价"))  # b's own text, not the article asked before
    assert mentions(b, re.compile("营业收入"))
    assert sentence_text(a).count("\n") == len(a.sentences) - 1


def test_gate_searches_sentence_text_not_markup() -> None:
    # segmenting drops the bold marks between words: the sentences hold the word the raw text splits
    a = article_from_text("公司**客流**量同比增长 2.6%。", source_name="c")
    assert "客流量" not in a.text
    assert mentions(a, re.compile("客流量"))


def test_figure_count_is_the_number_of_tokens_build_para_makes() -> None:
    text = ("公司 2024 年实现营业收入 12.5 亿元，同比增长 20.1%（YoY+3%），约 5 成来自海外。\n\n"
            "行业观点：维持推荐。\n\n毛利率 30%~35%，净利率提升 1.2 个点至 9%。")
    a = article_from_text(text, source_name="d")
    by_para: dict[int, list] = {}
    for s in a.sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    counts = []
    for index, sentences in by_para.items():
        cache: dict = {}
        n = figure_count(sentences, cache)
        assert n == len(build_para(index, sentences, cache).toks) == len(build_para(index, sentences).toks)
        counts.append(n)
    assert 0 in counts and max(counts) >= 2  # a paragraph with none, one with a relation's worth
