"""checks.gate: a finder's gate searches the sentences' text, of the article asked about."""

import re

from macrodesk.checks.gate import mentions, sentence_text
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
