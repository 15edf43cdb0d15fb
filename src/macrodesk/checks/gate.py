"""Whether an article holds the words a finder needs: most article-wide finders fire on few
articles, and one search of the article's text spares them a pass over every sentence."""

from __future__ import annotations

import re

from macrodesk.models import Article

# the article last asked about with its sentences' text (the finders of one article ask in turn);
# one tuple, swapped whole, so a thread checking another article never reads a half-written pair
_LAST: tuple[Article | None, str] = (None, "")


def sentence_text(article: Article) -> str:
    """The texts of the article's sentences, one per line: what the finders read (the article's
    own text may differ where segmenting dropped markup between words)."""
    global _LAST
    last = _LAST
    if last[0] is article:
        return last[1]
    text = "\n".join(s.text for s in article.sentences)
    _LAST = (article, text)
    return text


def mentions(article: Article, words: re.Pattern[str]) -> bool:
    """Whether `words` is found in any of the article's sentences. A finder's gate must be
    necessary, not sufficient: a word every check of the finder needs in its sentence's text
    (never a pattern spanning the spaces blank_degree puts in, nor the words tokens._shield
    rewrites: YoY/QoQ, 强于/弱于)."""
    return words.search(sentence_text(article)) is not None
