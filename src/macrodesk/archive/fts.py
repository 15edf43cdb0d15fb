"""Chinese full-text search tokens: jieba words (and the dictionary sub-words search needs) for
the FTS5 index, the query as an FTS5 expression, and snippets without the index's spaces."""

from __future__ import annotations

import re
from functools import lru_cache

_WORDLIKE = re.compile(r"\w", re.U)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=200_000)
def _subwords(word: str) -> tuple[str, ...]:
    """What jieba.cut_for_search adds: dictionary 2- and 3-grams inside a longer word. Cached
    per word: the same words recur across a corpus, so each is looked up once."""
    freq = _jieba().dt.FREQ
    out: list[str] = []
    for n in (2, 3):
        if len(word) > n:
            out.extend(word[i:i + n] for i in range(len(word) - n + 1) if freq.get(word[i:i + n]))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _paragraph_tokens(paragraph: str) -> tuple[str, str]:
    """(words, extra sub-words) of one paragraph. Cached: feeds, syndication and the benchmark's
    shuffled archive repeat paragraphs."""
    words: list[str] = []
    extra: list[str] = []
    for w in _jieba().cut(paragraph, HMM=False):  # HMM finds new words at twice the cost
        if not w.strip():
            continue
        words.append(w)  # the tokenizer folds case itself; the snippet keeps it
        if len(w) > 2:
            extra.extend(_subwords(w))
    return " ".join(words), " ".join(extra)


def index_paragraphs(paragraphs: list[str]) -> tuple[str, str]:
    """(body, extra) columns of the FTS row for an article's non-empty lines, each line cut
    once: words space-separated, one line per paragraph, and the sub-words."""
    parts = [_paragraph_tokens(p) for p in paragraphs]
    return "\n".join(p[0] for p in parts), " ".join(p[1] for p in parts if p[1])


def index_text(text: str) -> tuple[str, str]:
    return index_paragraphs([p for p in text.split("\n") if p.strip()])


def fts_query(query: str) -> str:
    """A user's query as an FTS5 expression: jieba's words, each quoted, all required."""
    words = [w.lower() for w in _jieba().cut(query, HMM=False) if _WORDLIKE.search(w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


_SPACE_NEAR_CJK = re.compile(r"(?<=[^\x00-\x7f]) +|(?<=[\x02\x03]) +(?=[^\x00-\x7f])| +(?=[^\x00-\x7f])")


def despace(snippet: str) -> str:
    # the index holds words separated by spaces; Chinese is written without them
    return _SPACE_NEAR_CJK.sub("", snippet.replace("\n", " ")).strip()


