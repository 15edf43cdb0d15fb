"""A growth written in prose against the table row of its metric: "2024 年原料奶产量 4079 万吨（同比 - 2.8%）"
beside "| 原料奶产量（万吨） | 3778 | 3930 | 4120 | 4079 | 3950 |" under year columns is 4079 / 4120 − 1.
The row is the level's own when it names the metric written before the level, in the level's unit,
and gives the level's year the very value written; the year before is then the base."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, signed_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import PLAIN_CELL, cell_interval, markdown_tables
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before

_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*[年AE]?\s*$")
# a row's label: the metric and its unit in a bracket, "原料奶产量（万吨）"
_LABEL = re.compile(r"^\s*(?P<metric>[^（(]{2,16}?)\s*(?:[（(]\s*(?P<unit>[^（）()]{1,6})\s*[)）])?\s*$")
# between a level and its growth: "（同比 - 2.8%）", "（-2.8%）", "，同比下降 2.8%"
_GROWTH_AFTER = re.compile(r"^\s*[（(，,]\s*(?:同比|yoy|YoY|YOY)?\s*(?:增长|增加|提升|上升|下降|减少|下滑|回落)?\s*$")
_PERIOD_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?$")


def find_table_bases(article: Article) -> list[Check]:
    if "|" not in article.text:
        return []
    rows = _year_rows(article.text)
    if not rows:
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for level, growth in zip(figs, figs[1:], strict=False):
            if growth.kind != FigureKind.PERCENT or growth.value is None or level.value is None \
                    or level.kind not in (FigureKind.MONEY, FigureKind.QUANTITY, FigureKind.NUMBER) \
                    or not _GROWTH_AFTER.match(s.text[level.end:growth.start]) \
                    or re.search(r"[/、]\s*$", s.text[:level.start]) or re.match(r"\s*[/、]", s.text[growth.end:]):
                continue  # (a level or a growth of a list: "123/146/190GWh，同比 + 11.7%/19.5%/30.0%")
            chk = _against_row(s, level, growth, rows)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _year_rows(text: str) -> list[tuple[str, str, dict[int, str], str]]:
    """Each row of a table under year columns: (metric, unit, {year: cell}, the row's text)."""
    out = []
    for table in markdown_tables(text):
        head = table[0]
        years = {j: int(m.group(1)) for j, c in enumerate(head) if (m := _YEAR.match(c))}
        if len(years) < 2:
            continue
        for cells in table[1:]:
            m = _LABEL.match(cells[0]) if cells else None
            if m is None or len(cells) != len(head):
                continue
            out.append((m.group("metric").strip(), (m.group("unit") or "").replace(" ", ""),
                        {y: cells[j] for j, y in years.items()}, " | ".join(cells)))
    return out


def _unit(f: Figure) -> str:
    # the unit as written after the number ("4079 万吨" -> "万吨")
    return re.sub(r"[\s\d.,+\-−]", "", f.text)


def _against_row(s: Sentence, level: Figure, growth: Figure,
                 rows: list[tuple[str, str, dict[int, str], str]]) -> Check | None:
    ym = _PERIOD_YEAR.search((level.period or "").strip())
    if ym is None:
        return None
    year = int(ym.group(1))
    before = s.text[:level.start]
    found = [(metric, cells, row) for metric, unit, cells, row in rows
             if metric in before and unit == _unit(level) and year in cells and year - 1 in cells]
    if len(found) != 1:
        return None  # none, or two rows that might be the level's
    metric, cells, row = found[0]
    this, base = cell_interval(cells[year], PLAIN_CELL), cell_interval(cells[year - 1], PLAIN_CELL)
    mine = figure_interval(level)
    # the row gives the level's year the value written, or it is another measure of the metric
    if this is None or base is None or base.lo <= 0 or not this.overlaps(Interval(mine.lo, mine.hi)):
        return None
    got = (mine / base - Interval(1, 1)).scale(100)
    stated = signed_interval(growth, chars_before(s.text, growth.start, 6), result=True)
    return interval_check(
        got, stated, kind="growth", stated=growth.text, inputs=[level.text, cells[year - 1].strip()],
        relation=f"{level.text} / {cells[year - 1].strip()} - 1 = {growth.text} ({metric}, {year - 1} from the table)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, row])
