"""Relations within a Markdown table: a column headed 同比/变化 against the two columns of levels
before it (growth in %, points for rates, a difference for amounts)."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, judge
from macrodesk.checks.sentence import is_points
from macrodesk.checks.tokens import Tok, build_para
from macrodesk.models import FigureKind, Sentence

# ---------------------------------------------------------------- tables

_CHANGE_HEADER = re.compile(r"同比|环比|变化|变动|增速|增幅|增长|增减|涨跌|差|yoy|YoY|QoQ|Δ")


_HEADER_PERIOD = re.compile(r"[\d\s年季度月QHEA一二三四上下半全预测实际]|[（(]?[EA][）)]?")


def _change_column(header: list[str], j: int) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """(period of column j - 2, of column j - 1) when column j is a change of the two before it by
    the header's labels; None otherwise."""
    if not _CHANGE_HEADER.search(header[j]):
        return None
    if _CHANGE_HEADER.search(header[j - 1]) or _CHANGE_HEADER.search(header[j - 2]):
        return None
    # the two level columns must be one metric at the same sub-period of consecutive years
    # ("2024 年一季度 | 2025 年一季度"; "2024A | 2023A" reads right to left)
    if _HEADER_PERIOD.sub("", header[j - 2]) != _HEADER_PERIOD.sub("", header[j - 1]):
        return None
    ka, kb = period_key(header[j - 2]), period_key(header[j - 1])
    if ka is None or kb is None or ka[1] != kb[1] or abs(ka[0] - kb[0]) != 1:
        return None
    if re.search(r"环比|QoQ|qoq", header[j]) and ka[1] != "Y":
        return None  # a quarter's 环比 is against the quarter before, not the same quarter a year back
    return ka, kb


def find_table_relations(rows: list[Sentence]) -> list[Check]:
    """A Markdown table read as figures with row and column frames: a column headed 同比/变化
    after two columns of levels states the change between them (growth in %, points for rates,
    a difference for amounts)."""
    if len(rows) < 2:
        return []
    header = [h.strip() for h in re.split(r"[，,]", rows[0].text)]
    # the change columns are named by the header alone: a table with none needs no row read
    cols = [(j, *got) for j in range(3, len(header)) if (got := _change_column(header, j)) is not None]
    if not cols:
        return []
    out: list[Check] = []
    for row in rows[1:]:
        para = build_para(row.paragraph, [row])
        raw = para.raw[0]
        bounds, pos = [], 0
        for cell in re.split(r"，|(?<!\d),|,(?!\d)", raw):
            bounds.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        if len(bounds) != len(header):
            continue
        cells: list[Tok | None] = []
        for lo, hi in bounds:
            inside = [t for t in para.toks if lo <= t.fig.start < hi]
            cells.append(inside[0] if len(inside) == 1 else None)
        for j, ka, kb in cols:
            c, a, b = cells[j], cells[j - 2], cells[j - 1]
            if c is None or a is None or b is None:
                continue
            if ka[0] > kb[0]:
                a, b = b, a
            ia, ib = a.interval(), b.interval()
            pct = FigureKind.PERCENT
            if a.fig.kind == pct and b.fig.kind == pct and (is_points(c) or c.fig.kind == pct):
                readings = [(f"{b.text} - {a.text} = {c.text}", ib - ia)]
                kind = "change"
            elif a.fig.kind != pct and b.fig.kind != pct and c.fig.kind == pct and ia.lo > 0:
                readings = [(f"({b.text}/{a.text} - 1) = {c.text}", (ib / ia - Interval(1, 1)).scale(100))]
                kind = "growth"
            elif a.fig.kind != pct and b.fig.kind != pct and c.fig.kind != pct:
                # the change cell may carry the unit the header gives the levels ("-641 亿元")
                k = (c.fig.scale or 1.0) if c.fig.kind != a.fig.kind else 1.0
                readings = [(f"{b.text} - {a.text} = {c.text}", (ib - ia).scale(k))]
                kind = "change"
            else:
                continue
            chk = judge(para, kind, c, [a, b], readings, magnitude=False)
            chk.relation += f" (table: {header[j - 2]} → {header[j - 1]}, {header[j]})"
            out.append(chk)
    return out
