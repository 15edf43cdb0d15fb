"""The sector lexicon: the theme taxonomy and the Chinese and English words that point to each
theme, used to go from text to themes (and, through the ETF registry, to funds)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Theme:
    key: str
    zh: str
    terms: tuple[str, ...]
    parent: str | None = None  # a wider theme whose funds also serve this one
    no_fund: tuple[str, ...] = ()  # markets ("cn", "us") where no listed ETF tracks the theme


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    term: str
    start: int
    end: int


@lru_cache(maxsize=1)
def themes() -> dict[str, Theme]:
    """The fixed theme taxonomy, keyed by theme key (semiconductors, solar, banks...)."""
    raw = tomllib.loads(resources.files("macrodesk").joinpath("data/themes.toml").read_text("utf-8"))
    return {k: Theme(k, v["zh"], tuple(v["terms"]), v.get("parent"), tuple(v.get("no_fund", ())))
            for k, v in raw["themes"].items()}


def trie_pattern(words: list[str]) -> str:
    """One regex for many words, as a trie: each position is tried once per branch instead of
    once per word, and the greedy optional tails make the longest word win."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for theme in themes().values():
        for term in theme.terms:
            owner.setdefault(term.lower(), theme.key)
    latin = [t for t in owner if t.isascii()]
    other = [t for t in owner if not t.isascii()]
    # Latin terms must stand alone: "AI" is not the "ai" in "Taiwan", "EV" not "EVERY"
    latin_pat = rf"(?<![A-Za-z]){trie_pattern(latin)}(?![A-Za-z])"
    return re.compile(f"{trie_pattern(other)}|{latin_pat}", re.I), owner


def find_themes(text: str) -> list[ThemeHit]:
    """Every theme term in `text`, longest match first, left to right."""
    return list(_themes_of(text))


@lru_cache(maxsize=65536)
def _themes_of(text: str) -> tuple[ThemeHit, ...]:
    # the reading stage asks again about the same sentences and clauses (stances, risks, frames)
    pat, owner = _matcher()
    return tuple(ThemeHit(owner[m.group(0).lower()], m.group(0), m.start(), m.end())
                 for m in pat.finditer(text))
