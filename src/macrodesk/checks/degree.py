"""Degree words before a change's verb ("同比小幅上升", "环比大幅下降", "同比微降"), blanked with spaces of
their length in the texts the finders read, so that every wording of a change reads as the plain one
and offsets hold; the sentences quoted in checks keep them."""

from __future__ import annotations

import re

_DEGREE = re.compile(
    r"(?:小幅|大幅|明显|略有|略微|稍有|显著|稳步|持续|进一步|较大幅度|大幅度|小幅度|略|微|稍)"
    r"(?=(?:上升|下降|增长|提升|下滑|回落|增加|减少|提高|降低|上涨|下跌|回升|收窄|扩大|走阔|下行|上行|增|降|升|涨|跌|减)"
    r"(?:了|约)?\s*[+\-−－]?\s*\d)")


def blank_degree(text: str) -> str:
    """`text` with each degree word right before a change verb and its figure turned into spaces."""
    if not _DEGREE.search(text):
        return text
    return _DEGREE.sub(lambda m: " " * len(m.group(0)), text)
