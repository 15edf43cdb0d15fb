"""The prose of a whole article read once into figure tokens and frames, for the finders whose
inputs may stand anywhere in it (against_period, benchmark_gap, level_change, share_pairs): each
asks for it only after its own cheap test of the text, and they share one reading."""

from __future__ import annotations

import functools

from macrodesk.checks.framed import Framed, read_frames
from macrodesk.checks.tokens import Cache, Para, build_para
from macrodesk.models import Sentence


class WholeFrames:
    def __init__(self, sentences: list[Sentence], cache: Cache) -> None:
        self.sentences = sentences
        self._cache = cache

    @functools.cached_property
    def art(self) -> Para:
        return build_para(0, [s for s in self.sentences if s.kind not in ("table", "heading")], self._cache)

    @functools.cached_property
    def fs(self) -> list[Framed]:
        """Read-only: the finders sharing it must not change a frame."""
        return read_frames(self.art)
