"""Where a clause starts in Chinese text: the finders of every stage ask it of each figure of a
sentence, so a text's clause breaks are found once."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right


@functools.lru_cache(maxsize=64)
def _stops(stops: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(stops) + "]")


def break_ends(text: str, stops: str) -> list[int]:
    """The offsets right after each of the `stops` characters of `text`, in order."""
    return [m.end() for m in _stops(stops).finditer(text)]


def start_after(ends: list[int], pos: int) -> int:
    """The last of `ends` at or before `pos`, else 0: where the run ending at `pos` starts."""
    k = bisect_right(ends, pos) - 1
    return ends[k] if k >= 0 else 0


_cached_ends = functools.lru_cache(maxsize=4096)(break_ends)


def clause_start(text: str, pos: int, stops: str) -> int:
    """Where the run of `text` ending at `pos` starts: right after the last of the `stops`
    characters before `pos`, else 0. The stops of a text are found once (finders ask it of every
    figure of a sentence); a holder of many texts may keep their `break_ends` itself."""
    return start_after(_cached_ends(text, stops), pos)


# Windows of a few characters around a figure are counted in characters that are not spaces: a
# PDF's or a broker's text puts spaces around figures ("同比 -0.4ppt至 5.8%"), and a window that
# counts them reads less of the words than the same window over the unspaced text.

def last_chars(text: str, n: int) -> str:
    """The end of `text` that holds its last `n` characters other than spaces (the spaces among
    them kept)."""
    return chars_before(text, len(text), n)


def chars_before(text: str, pos: int, n: int) -> str:
    """The words right before offset `pos`: `n` characters other than spaces, with the spaces
    among them."""
    t = text[max(0, pos - n):pos]
    if not any(ch.isspace() for ch in t):
        return t
    i, k = pos, 0
    while i > 0 and k < n:
        i -= 1
        if not text[i].isspace():
            k += 1
    return text[i:pos]


def chars_after(text: str, pos: int, n: int) -> str:
    """The words from offset `pos` on: `n` characters other than spaces, with the spaces among
    them."""
    t = text[pos:pos + n]
    if not any(ch.isspace() for ch in t):
        return t
    i, k, end = pos, 0, len(text)
    while i < end and k < n:
        if not text[i].isspace():
            k += 1
        i += 1
    return text[pos:i]
