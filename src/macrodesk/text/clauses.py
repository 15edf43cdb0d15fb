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


@functools.lru_cache(maxsize=64)
def _first_n(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?:\s*\S){{{n}}}")


def chars_before(text: str, pos: int, n: int) -> str:
    """The words right before offset `pos`: `n` characters other than spaces, with the spaces
    among them."""
    t = text[max(0, pos - n):pos]
    if " " not in t and "\u3000" not in t:  # (the spaces a text holds; a membership test costs no call)
        return t
    # read backwards from `pos`: one anchored match over the reversed window (a search for the
    # window's last n such characters tries every start in it, and costs n times as much)
    window = max(0, pos - 4 * n)
    m = _first_n(n).match(text[window:pos][::-1])
    if m is None and window:
        m = _first_n(n).match(text[:pos][::-1])  # fewer than n in the window: the whole text before
    return text[pos - m.end():pos] if m is not None else text[:pos]


def chars_after(text: str, pos: int, n: int) -> str:
    """The words from offset `pos` on: `n` characters other than spaces, with the spaces among
    them."""
    t = text[pos:pos + n]
    if " " not in t and "\u3000" not in t:
        return t
    m = _first_n(n).match(text, pos)
    return text[pos:m.end()] if m is not None else text[pos:]
