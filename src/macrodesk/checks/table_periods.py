"""A table's growth columns against its level columns, each labelled by its period: "| 指标 | 2025H1 |
2024H1 | 2025Q2 | 2025Q1 | … | 2025H1 同比 | 2025Q2 同比 | 2025Q2 环比 |" — a 同比 column is its
period's level over the same period a year before, a 环比 column over the period before."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import cell_interval, markdown_tables, row_sentence, table_rows
from macrodesk.models import Article, Sentence

_NUMBER = re.compile(r"^\s*([-+]?\s*\d+(?:\.(\d+))?)\s*$")
_PERCENT = re.compile(r"^\s*([-+−－]?\s*\d+(?:\.(\d+))?)\s*%\s*$")
# a row of rates or shares: its 同比 may be a change in points, not a growth
_RATE_ROW = re.compile(r"率|比|占|%|ROE|ROA|收益率")
_NOT_LEVEL = re.compile(r"同比|环比|增速|增长|变化|变动|占比|%|CAGR|复合")


def _before(key: tuple[int, str], basis: str) -> tuple[int, str] | None:
    """The period a 同比 or 环比 growth of `key` is over."""
    year, sub = key
    if basis == "同比":
        return year - 1, sub
    if sub in ("Q2", "Q3", "Q4", "H2"):
        return year, sub[0] + str(int(sub[1]) - 1)
    if sub in ("Q1", "H1"):
        return year - 1, "Q4" if sub == "Q1" else "H2"
    m = re.fullmatch(r"M(\d{1,2})", sub)
    if m:
        month = int(m.group(1))
        return (year, f"M{month - 1}") if month > 1 else (year - 1, "M12")
    return None


def find_table_periods(article: Article) -> list[Check]:
    if "|" not in article.text or ("同比" not in article.text and "环比" not in article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 2:
            continue
        head = table[0]
        levels: dict[tuple[int, str], int] = {}
        growths: list[tuple[int, str, tuple[int, str]]] = []
        for j, label in enumerate(head):
            key = period_key(label)
            if key is None or key[1] == "Y" and not re.search(r"(?:19|20)\d{2}", label):
                continue
            basis = "同比" if "同比" in label else "环比" if "环比" in label else ""
            if basis:
                growths.append((j, basis, key))
            elif not _NOT_LEVEL.search(label):
                if key in levels:
                    levels = {}  # two columns of one period: which is meant is unknown
                    break
                levels[key] = j
        for j, basis, key in growths:
            base = _before(key, basis)
            if key not in levels or base not in levels:
                continue
            for cells in table[1:]:
                chk = _row(rows, cells, levels[key], levels[base], j, f"{head[j].strip()}")
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
    return out


def _row(rows: dict[str, Sentence], cells: list[str], now_j: int, was_j: int, g_j: int, label: str) -> Check | None:
    if max(now_j, was_j, g_j) >= len(cells) or _RATE_ROW.search(cells[0]):
        return None
    row = row_sentence(rows, cells)
    now, was = cell_interval(cells[now_j], _NUMBER), cell_interval(cells[was_j], _NUMBER)
    written = cell_interval(cells[g_j], _PERCENT)
    if row is None or now is None or was is None or written is None or now.lo <= 0 or was.lo <= 0:
        return None
    got = (now / was - Interval(1, 1)).scale(100)
    return interval_check(
        got, written, kind="growth", stated=cells[g_j].strip(), inputs=[cells[was_j].strip(), cells[now_j].strip()],
        relation=f"({cells[now_j].strip()}/{cells[was_j].strip()} - 1) = {cells[g_j].strip()} (table: {cells[0].strip()}, {label})",
        sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
    )
