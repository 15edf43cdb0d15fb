"""Where forecasts of the same indicator and period agree and where they part: the table of
`macrodesk views` (range, median, outliers) and the short 观点对照 block of the daily post."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from macrodesk.models import Article
from macrodesk.views.extract import Forecast, article_forecasts, indicator_label


def point(f: Forecast) -> float | None:
    """One number for a forecast: the value, the middle of a closed range, else None."""
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return None


@dataclass
class ViewGroup:
    """The forecasts of one indicator, region and period, with their spread."""

    indicator: str
    region: str
    period: str | None
    forecasts: list[Forecast] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    median: float | None = None
    outliers: list[Forecast] = field(default_factory=list)
    directions: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{indicator_label(self.indicator)}（{period_label(self.period)}）"

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "label": indicator_label(self.indicator),
                "region": self.region, "period": self.period, "count": len(self.forecasts),
                "low": self.low, "high": self.high, "median": self.median,
                "directions": self.directions,
                "outliers": [f.model_dump() for f in self.outliers],
                "forecasts": [f.model_dump() for f in self.forecasts]}


def period_label(period: str | None) -> str:
    """"2026H2" → 2026年下半年, "2026Q3" → 2026年第三季度, "2026-01" → 2026年1月."""
    if not period:
        return "未注明时期"
    m = re.match(r"(\d{4})(?:(H)([12])|(Q)([1-4])|-(\d{2}))?$", period)
    if not m:
        return period
    if m.group(2):
        return f"{m.group(1)}年{'上' if m.group(3) == '1' else '下'}半年"
    if m.group(4):
        return f"{m.group(1)}年第{'一二三四'[int(m.group(5)) - 1]}季度"
    if m.group(6):
        return f"{m.group(1)}年{int(m.group(6))}月"
    return f"{m.group(1)}年"


def _outliers(group: list[tuple[float, Forecast]], median: float) -> list[Forecast]:
    """Forecasts far from the others: more than three median absolute deviations (and more than
    a tenth of the median's size) away; needs four values to say anything."""
    if len(group) < 4:
        return []
    mad = statistics.median(abs(v - median) for v, _ in group)
    limit = max(3 * mad, 0.1 * abs(median), 1e-9)
    return [f for v, f in group if abs(v - median) > limit]


def group_forecasts(forecasts: list[Forecast]) -> list[ViewGroup]:
    """Forecasts grouped by indicator, region and period, each group with its range, median and
    outliers; the groups with most forecasts first."""
    groups: dict[tuple, ViewGroup] = {}
    for f in forecasts:
        key = (f.indicator, f.region, f.period)
        groups.setdefault(key, ViewGroup(f.indicator, f.region, f.period)).forecasts.append(f)
    for g in groups.values():
        vals = [(v, f) for f in g.forecasts if (v := point(f)) is not None]
        bounds = [x for f in g.forecasts for x in (f.value, f.low, f.high) if x is not None]
        if bounds:
            g.low, g.high = min(bounds), max(bounds)
        if vals:
            g.median = statistics.median(v for v, _ in vals)
            g.outliers = _outliers(vals, g.median)
        for f in g.forecasts:
            if f.direction:
                g.directions[f.direction] = g.directions.get(f.direction, 0) + 1
    return sorted(groups.values(), key=lambda g: (-len(g.forecasts), g.indicator, g.period or ""))


def _name(f: Forecast, article: Article | None) -> str:
    title = f"《{article.title}》" if article and article.title else (article.source if article else "")
    return title if f.who == "author" else f"{f.who}（{title}）" if title else f.who


def day_consensus(articles: list[Article], limit: int = 4) -> list[str]:
    """The 观点对照 lines of a day's post: for each indicator and period that two or more of the
    day's sources (articles, or institutions an article quotes) give a figure for, each source
    with its figure exactly as written, so that every figure traces to a source sentence."""
    by_id = {a.id: a for a in articles}
    found = [f for a in articles for f in article_forecasts(a)
             if f.figure and f.period and not f.indicator.startswith("sector:")]
    lines: list[str] = []
    for g in group_forecasts(found):
        # figures in one unit only: a growth rate (%) beside a contribution (个百分点) or an
        # amount is not the same number, so they are not set side by side
        units = Counter(f.unit for f in g.forecasts)
        unit = units.most_common(1)[0][0]
        seen: dict[str, Forecast] = {}
        for f in g.forecasts:
            if f.unit == unit:
                seen.setdefault(f"{f.article_id}:{f.who}", f)
        arts = {f.article_id for f in seen.values()}
        named = {f.who for f in seen.values() if f.who != "author"}
        if len(arts) < 2 and len(named) < 2:
            continue
        figures = {f.figure for f in seen.values()}
        if len(seen) < 2 or (len(figures) < 2 and len(arts) < 2):
            continue
        parts = [f"{_name(f, by_id.get(f.article_id))} {f.figure}" for f in seen.values()]
        lines.append(f"{g.label}：" + "；".join(parts))
        if len(lines) >= limit:
            break
    return lines
