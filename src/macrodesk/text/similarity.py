"""Similarity of two short Chinese texts by their character bigrams: how much of the smaller
text the larger one holds (a condensed copy counts as a repeat) and whether two items say the
same thing (containment or Jaccard overlap)."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[\s，。；：、,.;:（）()“”\"'！？!?*]")
_NON_WORD = re.compile(r"[\W_]+")
_EMPHASIS = re.compile(r"\*\*|__")


def char_bigrams(text: str) -> frozenset[str]:
    """Every pair of adjacent characters, as they stand."""
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of a text without spaces, punctuation and bold marks."""
    return char_bigrams(_PUNCT.sub("", text))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared bigrams relative to the smaller set: a condensed copy of a sentence scores high."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicate(a: str, b: str, threshold: float = 0.6) -> bool:
    """Whether two items say the same thing: one holds the other, or their character bigrams
    overlap by `threshold` (Jaccard), which survives reordered clauses and small edits."""
    pa, pb = _NON_WORD.sub("", _EMPHASIS.sub("", a)), _NON_WORD.sub("", _EMPHASIS.sub("", b))
    if not pa or not pb:
        return False
    if pa == pb or (min(len(pa), len(pb)) >= 8 and (pa in pb or pb in pa)):
        return True
    return jaccard(char_bigrams(pa), char_bigrams(pb)) >= threshold
