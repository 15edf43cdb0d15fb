"""What a figure is about (its frame: metric, period, unit), read from the words written before
it, so figures in one section can be lined up into relations; the reading stage may reuse it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.models import Figure, canonical_unit

# words that say how a figure moved or is reported, not what it measures
_FILLER = re.compile(
    r"(?:19|20)?\d{2}\s*(?:年|财年|Q[1-4]|H[12]|E|A)|\d{1,2}\s*月|[一二三四]季度|上半年|下半年|全年|前三季度"
    r"|同比|环比|分别|实现|约为|约|为|达到|达|录得|共计|合计|其中|增长|增速|下降|上升|提升|减少|降至|升至|增至"
    r"|较|的|了|是|在|和|与|及|以|已|仅|超|近|逾|[A-Za-z0-9.\-+%/|（）()、\s·*]"
)
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?（(|]")


@dataclass(frozen=True)
class Frame:
    """What a figure measures: the metric named before it, the period, the unit."""

    metric: str  # "原煤产量", "归母净利润": the words before the figure, fillers removed
    period: str  # "2025年一季度", "25H1"; "" when the sentence gives none
    unit: tuple[str, str]  # (kind, canonical unit)


def lead_words(text: str, start: int, stop_at: int = 0) -> str:
    """The words of the clause right before offset `start` (back to a clause break or `stop_at`)."""
    seg = text[stop_at:start]
    parts = _CLAUSE_BREAK.split(seg)
    return parts[-1] if parts else ""


def frame_of(text: str, fig: Figure, stop_at: int = 0) -> Frame:
    """The frame of `fig` in sentence `text`; `stop_at` is where the previous figure ended."""
    metric = _FILLER.sub("", lead_words(text, fig.start, stop_at))[-12:]
    period = re.sub(r"\s+", "", fig.period or "")
    return Frame(metric=metric, period=period, unit=(fig.kind.value, canonical_unit(fig.kind, fig.unit)))


def common_metric(a: str, b: str, n: int = 2) -> bool:
    """Two metrics name the same thing when they share a run of `n` characters (产量 / 原煤产量)."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(short[i:i + n] in long_ for i in range(len(short) - n + 1))
