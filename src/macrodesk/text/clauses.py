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
