"""The word lists of the reading stage, loaded once from data/reading.toml."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def words() -> dict:
    return tomllib.loads(resources.files("macrodesk").joinpath("data/reading.toml").read_text("utf-8"))


def alternation(items: list[str]) -> str:
    """One regex alternative per word, longest first so a compound wins over its head."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


@cache
def pattern(section: str, key: str) -> re.Pattern[str]:
    return re.compile(alternation(words()[section][key]))
