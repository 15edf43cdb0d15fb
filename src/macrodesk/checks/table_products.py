"""A table's amount series against volume × price of its subject: "| 全固态电池出货量（GWh） | 1.0 | 5.0 |",
"| 全固态电池价格（元 / Wh） | 2.5 | 2.10 |" and "| 市场空间（亿元） | 5.0 | 105.0 |" is 5.0 × 2.10 × 10 = 105.0,
column by column (or row by row when the columns name the measures)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, fitting_powers
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import (
    PLAIN_CELL,
    cell_interval,
    markdown_tables,
    row_sentence,
    table_rows,
)
from macrodesk.models import Article

_PRICE = re.compile(r"(?:价格|单价|均价|ASP)")
_VOLUME = re.compile(r"(?:出货量|需求量|销量|产量|装机量|装机|出货|需求|用量|渗透量|产能|交付量)")
_AMOUNT = re.compile(r"(?:市场空间|市场规模|空间|规模|收入|营收|产值|销售额|金额)")
_UNIT = re.compile(r"[（(]\s*([^（）()]{1,10})\s*[)）]")
# a series that is a rate or a change is no factor of an amount
_NOT_LEVEL = re.compile(r"%|同比|环比|增速|增长|增幅|占比|比例|渗透率|率|CAGR|复合")
# columns whose product fits one power of ten must be most of them, and at least this many:
# the power of ten is what the units imply (GWh × 元 / Wh = 10 亿元), read from the table itself
_MIN_AGREE = 3


@dataclass
class _Series:
    name: str
    subject: str
    cells: dict[str, str]  # position label -> cell text
    rows: dict[str, list[str]]  # position label -> the Markdown row the cell sits in


def _subject(name: str, rx: re.Pattern[str]) -> str:
    """What a series measures the amount, volume or price of: its name without the unit and
    without the measure word ("全固态电池出货量（GWh）" -> "全固态电池")."""
    bare = re.sub(r"\s", "", _UNIT.sub("", name)).replace("*", "")
    m = rx.search(bare)
    return bare[:m.start()] if m else bare


def _series(table: list[list[str]]) -> list[_Series]:
    """The table's series both ways: each row under the column labels, each column beside the
    row names; only series that name a unit."""
    out: list[_Series] = []
    head = table[0]
    width = len(head)
    for cells in table[1:]:
        name = cells[0]
        if _UNIT.search(name):
            out.append(_Series(name, "", {head[j]: cells[j] for j in range(1, min(width, len(cells)))},
                               {head[j]: cells for j in range(1, min(width, len(cells)))}))
    for j in range(1, width):
        if _UNIT.search(head[j]):
            out.append(_Series(head[j], "", {r[0]: r[j] for r in table[1:] if j < len(r)},
                               {r[0]: r for r in table[1:] if j < len(r)}))
    return out


def find_table_products(article: Article) -> list[Check]:
    if "|" not in article.text or not _PRICE.search(article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 3:
            continue
        series = [s for s in _series(table) if not _NOT_LEVEL.search(s.name)]
        prices = [s for s in series if _PRICE.search(s.name)]
        volumes = [s for s in series if _VOLUME.search(s.name) and not _PRICE.search(s.name)]
        amounts = [s for s in series if _AMOUNT.search(s.name) and not _PRICE.search(s.name)
                   and not _VOLUME.search(s.name)]
        for c in amounts:
            c_subject = _subject(c.name, _AMOUNT)
            found = []
            for b in prices:
                b_subject = _subject(b.name, _PRICE)
                # the amount names the price's subject, or no subject of its own ("市场空间")
                if c_subject and c_subject != b_subject:
                    continue
                for a in volumes:
                    if _subject(a.name, _VOLUME) != b_subject:
                        continue
                    got = _columns(a, b, c)
                    if got is not None:
                        found.append((a, b, got))
            if len(found) == 1:
                a, b, (scale, cols) = found[0]
                out.extend(_checks(article, rows, a, b, c, scale, cols))
    return out


def _columns(a: _Series, b: _Series, c: _Series) -> tuple[int, list[tuple[str, Interval, Interval, Interval]]] | None:
    """The power of ten most positions fit, with each position's three intervals."""
    cols: list[tuple[str, Interval, Interval, Interval]] = []
    for pos, ct in c.cells.items():
        if pos not in a.cells or pos not in b.cells:
            continue
        x, y, z = (cell_interval(v.replace("*", ""), PLAIN_CELL) for v in (a.cells[pos], b.cells[pos], ct))
        if x is not None and y is not None and z is not None:
            cols.append((pos, x, y, z))
    votes: dict[int, int] = {}
    for _, x, y, z in cols:
        for k in fitting_powers(x * y, z) if (x * y).mid > 0 and z.mid > 0 else []:
            votes[k] = votes.get(k, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    if votes[best] < _MIN_AGREE or 2 * votes[best] <= len(cols) or list(votes.values()).count(votes[best]) > 1:
        return None
    return best, cols


def _checks(article: Article, rows: dict, a: _Series, b: _Series, c: _Series, scale: int,
            cols: list[tuple[str, Interval, Interval, Interval]]) -> list[Check]:
    out = []
    factor = f" × {10.0 ** scale:g}" if scale else ""
    for pos, x, y, z in cols:
        row = row_sentence(rows, c.rows[pos])
        if row is None:
            continue
        stated, ins = c.cells[pos].strip(), [a.cells[pos].strip(), b.cells[pos].strip()]
        inputs_rows = [row_sentence(rows, s.rows[pos]) for s in (a, b)]
        chk = interval_check(
            (x * y).scale(10.0 ** scale), z, kind="product", stated=stated, inputs=ins,
            relation=f"{ins[0]} × {ins[1]}{factor} = {stated} (table: {pos}, {a.name} × {b.name} = {c.name}; "
                     f"the power of ten most columns fit)",
            sentence=row.text, sentence_id=row.id, paragraph=row.paragraph,
            input_sentences=[r.text if r is not None else row.text for r in inputs_rows],
            article=article.label)
        chk.derived = True
        out.append(chk)
    return out
