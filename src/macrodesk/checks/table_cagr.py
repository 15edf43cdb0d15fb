"""A table's CAGR column against its two year columns: "| 指标 | 2023 年 | 2027 年预测 | CAGR |" and
"| 运动相机市场规模 (亿元) | 314.4 | 513.5 | 13.0% |" is (513.5 / 314.4)^(1/4) − 1; or years down the rows,
each CAGR with its count of years: "| 2030E | … | 144.42 | 49.73%（5 年） |" is of the total column from the
row five years before."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.valuation import cell_interval, markdown_tables, row_sentence, table_rows
from macrodesk.models import Article, Sentence

_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*[年AE]?")
_CAGR = re.compile(r"CAGR|复合(?:年均)?(?:增速|增长率)", re.I)
_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-~～—至到]\s*((?:19|20)?\d{2})")
# a level cell may carry its unit ("1171 亿美元"): both years' cells the same one
_NUMBER = re.compile(r"^\s*(\d+(?:\.(\d+))?)\s*(?P<unit>[^\d%.\s][^\d%]{0,11})?$")
_PERCENT = re.compile(r"^\s*([-+]?\s*\d+(?:\.(\d+))?)\s*%\s*$")
# a CAGR cell with its own count of years: "49.73%（5 年）", "30.6% (10年)"
_COUNTED = re.compile(r"^\s*([-+]?\s*\d+(?:\.(\d+))?)\s*%\s*[（(]\s*(\d{1,2})\s*年\s*[)）]\s*$")
# the column a CAGR beside it is of, when the header names it: the total
_TOTAL = re.compile(r"总计|合计|总额|总量|总规模")


def find_table_cagrs(article: Article) -> list[Check]:
    # (the bar first: a plain test, where the case-blind pattern reads the whole text)
    if "|" not in article.text or not _CAGR.search(article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 2:
            continue
        head = table[0]
        cagr = [j for j, c in enumerate(head) if _CAGR.search(c)]
        years = {j: int(m.group(1)) for j, c in enumerate(head) if (m := _YEAR.match(c)) and j not in cagr}
        if len(cagr) != 1:
            continue
        if not years:
            out.extend(_down_rows(rows, table, cagr[0], article.label))
            continue
        span = _SPAN.search(head[cagr[0]])
        if span:
            lo, hi = int(span.group(1)), span.group(2)
            hi_year = int(hi) if len(hi) == 4 else lo // 100 * 100 + int(hi)
            cols = [j for y in (lo, hi_year) for j, yy in years.items() if yy == y]
        else:
            cols = sorted(years)
        if len(cols) != 2 or years[cols[1]] <= years[cols[0]]:
            continue
        n = years[cols[1]] - years[cols[0]]
        for cells in table[1:]:
            chk = _row(rows, cells, cols, cagr[0], n, head)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _row(rows: dict[str, Sentence], cells: list[str], cols: list[int], c: int, n: int, head: list[str]) -> Check | None:
    if max(cols + [c]) >= len(cells):
        return None
    row = row_sentence(rows, cells)
    a, b = cell_interval(cells[cols[0]], _NUMBER), cell_interval(cells[cols[1]], _NUMBER)
    written = cell_interval(cells[c], _PERCENT)
    if row is None or a is None or b is None or written is None or a.lo <= 0 or _unit(cells[cols[0]]) != _unit(cells[cols[1]]):
        return None
    got = ((b / a).pow(1 / n) - Interval(1, 1)).scale(100)
    label = cells[0].strip()
    return interval_check(
        got, written, kind="cagr", stated=cells[c].strip(), inputs=[cells[cols[0]].strip(), cells[cols[1]].strip()],
        relation=(f"({cells[cols[1]].strip()}/{cells[cols[0]].strip()})^(1/{n}) - 1 = {cells[c].strip()} "
                  f"(table: {label}, {head[cols[0]].strip()} to {head[cols[1]].strip()})"),
        sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
    )


def _unit(cell: str) -> str:
    m = _NUMBER.match(cell.replace(",", ""))
    return re.sub(r"\s", "", m.group("unit") or "") if m else ""


def _down_rows(rows: dict[str, Sentence], table: list[list[str]], c: int, label: str) -> list[Check]:
    """"| 年份 | … | 总计（亿元） | CAGR |" over "| 2030E | … | 144.42 | 49.73%（5 年） |": years down the
    first column, each CAGR cell naming its years, of the total column (or the one column of levels
    before the CAGR's, as a fit that confirms only)."""
    head = table[0]
    body = [cells for cells in table[1:] if len(cells) == len(head)]
    year_of = {k: int(m.group(1)) for k, cells in enumerate(body) if (m := _YEAR.match(cells[0]))}
    if len(year_of) < 2:
        return []
    totals = [j for j, h in enumerate(head) if _TOTAL.search(h) and j != c and j > 0]
    named = len(totals) == 1
    col = totals[0] if named else c - 1
    if col <= 0 or any(cell_interval(body[k][col], _NUMBER) is None for k in year_of):
        return []
    out: list[Check] = []
    for k, y in year_of.items():
        m = _COUNTED.match(body[k][c])
        if m is None:
            continue
        n = int(m.group(3))
        start = [j for j, yy in year_of.items() if yy == y - n]
        row = row_sentence(rows, body[k])
        if len(start) != 1 or row is None:
            continue
        a, b = cell_interval(body[start[0]][col], _NUMBER), cell_interval(body[k][col], _NUMBER)
        written = cell_interval(f"{m.group(1)}%", _PERCENT)
        if a is None or b is None or written is None or a.lo <= 0 or b.lo <= 0:
            continue
        got = ((b / a).pow(1 / n) - Interval(1, 1)).scale(100)
        first, last = body[start[0]][col].strip(), body[k][col].strip()
        chk = interval_check(
            got, written, kind="cagr", stated=body[k][c].strip(), inputs=[first, last],
            relation=(f"({last}/{first})^(1/{n}) - 1 = {m.group(1)}% (table: {head[col].strip()}, "
                      f"{body[start[0]][0].strip()} to {body[k][0].strip()})"),
            sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text])
        chk.article = label
        # a CAGR column beside a column the header does not name as the total may be of another
        out.append(chk if named else confirm_only(chk, "the CAGR's column is read by its place"))
    return out
