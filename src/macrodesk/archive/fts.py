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
    for word in _whole_metrics(jieba):
        jieba.add_word(word)
    return jieba


def _lexicon(name: str) -> dict:
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("macrodesk").joinpath(f"data/{name}").read_text("utf-8"))


def _whole_metrics(jieba) -> list[str]:
    """The shipped company metrics (reading.toml) that jieba's dictionary lacks and cuts into a
    lone character and a macro word of the lexicons (净利率 -> 净 利率): kept whole, so that a
    search for the macro word (利率) does not find every report quoting a company's margin. The
    lone character marks the gap; a metric cut into words (营业 收入) or into another metric
    (归 母 净利润) stays cut: a search for 收入 or 净利润 should find it."""
    from macrodesk.lexicon import themes

    reading = _lexicon("reading.toml")["companies"]
    metrics = set(reading["company_metrics"])
    macro = set(reading["not_companies"])
    macro.update(w for ind in _lexicon("indicators.toml")["indicators"].values() for w in ind["words"])
    macro.update(t for th in themes().values() for t in th.terms)
    whole = []
    for m in sorted(metrics):
        pieces = list(jieba.cut(m, HMM=False))
        if len(pieces) == 2 and min(map(len, pieces)) == 1 \
                and any(p in macro and p not in metrics for p in pieces):
            whole.append(m)
    return whole


# currencies that, right after a number, are the unit of an amount or price (63.9 美元/桶,
# 24.00 港元) rather than the currency the text is about
_CURRENCY_UNITS = frozenset({"美元", "港元", "欧元", "日元", "英镑", "人民币", "韩元", "美分"})
_DIGITS = re.compile(r"\d+")


def _glue_units(words: list[str]) -> list[str]:
    """Tokens with a currency unit joined to the number before it (63 . 9美元): the amount is one
    token in the index, so a search for 美元 finds the texts about the dollar, not every price
    quoted in dollars; the snippet reads the same, as the index's spaces are removed there."""
    out: list[str] = []
    for w in words:
        if w in _CURRENCY_UNITS and out and _DIGITS.fullmatch(out[-1]):
            out[-1] += w
        else:
            out.append(w)
    return out


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
    # HMM finds new words at twice the cost; the tokenizer folds case itself, the snippet keeps it
    words = _glue_units([w for w in _jieba().cut(paragraph, HMM=False) if w.strip()])
    extra = [sub for w in words if len(w) > 2 for sub in _subwords(w)]
    return " ".join(words), " ".join(extra)


def index_paragraphs(paragraphs: list[str]) -> tuple[str, str]:
    """(body, extra) columns of the FTS row for an article's non-empty lines, each line cut
    once: words space-separated, one line per paragraph, and the sub-words."""
    parts = [_paragraph_tokens(p) for p in paragraphs]
    return "\n".join(p[0] for p in parts), " ".join(p[1] for p in parts if p[1])


def index_text(text: str) -> tuple[str, str]:
    return index_paragraphs([p for p in text.split("\n") if p.strip()])


def _pieces(word: str) -> list[str]:
    """Every way to split `word` into consecutive pieces, as space-joined phrases: the index may
    have cut it differently in context (择机降准降息 -> 降 准 降息) than jieba cuts it alone."""
    if len(word) > 6:  # 2**(n-1) phrases; long words are cut the same way in and out of context
        return [word]
    phrases = []
    for mask in range(1 << (len(word) - 1)):
        parts, cur = [], word[0]
        for i, ch in enumerate(word[1:]):
            if mask >> i & 1:
                parts.append(cur)
                cur = ch
            else:
                cur += ch
        phrases.append(" ".join([*parts, cur]))
    return phrases


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")


def fts_query(query: str) -> str:
    """A user's query as an FTS5 expression: each space-separated term a phrase that must occur in
    the title or body, all terms required. A Chinese term matches only as that exact run of
    characters, however the index cut it (降准 is not 降 ... 准垄断); the extra column (sub-words of
    longer words, 利率 inside 毛利率) is not searched, so whole words rank alone."""
    terms = []
    for term in query.split():
        words = [w.lower() for w in _glue_units(list(_jieba().cut(term, HMM=False)))
                 if _WORDLIKE.search(w)]
        if not words:
            continue
        if _HAN_WORD.fullmatch(term):
            alternatives = " OR ".join(_phrase(p) for p in _pieces(term))
        else:  # Latin, digits or mixed: the phrase of jieba's tokens, in order
            alternatives = _phrase(" ".join(words))
        terms.append(f"{{title body}} : ({alternatives})")
    return " AND ".join(terms)


_SPACE_NEAR_CJK = re.compile(r"(?<=[^\x00-\x7f]) +|(?<=[\x02\x03]) +(?=[^\x00-\x7f])| +(?=[^\x00-\x7f])")
# Markdown markers the tokenizer kept as words (** ** around bold, ### headings, table bars)
_MARKUP_TOKEN = re.compile(r"(?:(?<=[\s\x02\x03])|^)[*#_`~>|=]+(?=[\s\x02\x03]|$)")
# the index's spaces inside numbers: 2 . 8 % -> 2.8%, 1 , 234 -> 1,234
_SPACED_NUMBER = re.compile(r"(?<=\d) ?([.．,，]) ?(?=\d)|(?<=\d) +(?=[%％‰])")


def despace(snippet: str) -> str:
    """The snippet as the article wrote it: the index holds words separated by spaces (Chinese is
    written without them) and keeps Markdown markers as words."""
    text = _MARKUP_TOKEN.sub("", snippet.replace("\n", " "))
    text = _SPACED_NUMBER.sub(lambda m: m.group(1) or "", text)
    text = re.sub(r" {2,}", " ", text)
    return _SPACE_NEAR_CJK.sub("", text).strip()
