"""A table's comparison column naming the column that leads: "| 参数 | 英伟达 NVL72 | 华为 CloudMatrix 384 |
对比 |" over "| BF16 算力（PFLOPS） | 180 | 300 | 华为 + 66.7% |" is 300 / 180 − 1, of the two columns
before it."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import cell_interval, markdown_tables, row_sentence, table_rows
from macrodesk.models import Article, Sentence

_HEADER = re.compile(r"对比|比较|差异|差距|差幅|相比")
# the comparison cell: the leading column's name, its sign (or 高/低) and the percentage
_CELL = re.compile(r"^\s*(?P<name>[^\d+\-−－%|]{2,24}?)\s*(?P<sign>[+\-−－]|高出?|低|多|少|领先|落后)\s*"
                   r"(?P<p>\d+(?:\.\d+)?)\s*%\s*$")
# a level cell: a number first, what follows it its unit ("72 颗 GPU", "145,000")
_LEVEL = re.compile(r"^\s*(\d+(?:\.(\d+))?)\s*(?P<unit>\S?)")
_NUMBER = re.compile(r"^\s*(\d+(?:\.(\d+))?)")
_DOWN = ("-", "−", "－", "低", "少", "落后")


def find_table_comparisons(article: Article) -> list[Check]:
    if "|" not in article.text or not _HEADER.search(article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        head = table[0]
        for j in range(3, len(head)):
            if not _HEADER.search(head[j]) or _HEADER.search(head[j - 1]) or _HEADER.search(head[j - 2]):
                continue
            for cells in table[1:]:
                if len(cells) == len(head) and (chk := _row(rows, head, cells, j)) is not None:
                    chk.article = article.label
                    out.append(chk)
    return out


def _named(name: str, header: str) -> bool:
    """Whether a comparison cell's name is the column's: a word of two or more characters of it."""
    words = [w for w in re.split(r"[\s（）()]+", name) if len(w) >= 2]
    return bool(words) and all(w in header for w in words)


def _row(rows: dict[str, Sentence], head: list[str], cells: list[str], j: int) -> Check | None:
    m = _CELL.match(cells[j])
    if m is None:
        return None
    left, right = _named(m.group("name"), head[j - 2]), _named(m.group("name"), head[j - 1])
    if left == right:
        return None  # neither column's name, or both: which one leads is not written
    lead, other = (j - 2, j - 1) if left else (j - 1, j - 2)
    a, b = _LEVEL.match(cells[other].replace(",", "")), _LEVEL.match(cells[lead].replace(",", ""))
    if a is None or b is None or a.group("unit") != b.group("unit"):
        return None
    ia, ib = cell_interval(cells[other], _NUMBER), cell_interval(cells[lead], _NUMBER)
    row = row_sentence(rows, cells)
    if ia is None or ib is None or ia.lo <= 0 or row is None:
        return None
    written = written_interval(m.group("p")).scale(-1.0 if m.group("sign") in _DOWN else 1.0)
    got = (ib / ia - Interval(1, 1)).scale(100)
    x, y = cells[lead].strip(), cells[other].strip()
    return interval_check(
        got, written, kind="growth", stated=cells[j].strip(), inputs=[y, x],
        relation=f"{a.group(1)}→{b.group(1)}: {b.group(1)}/{a.group(1)} - 1 = {cells[j].strip()} "
                 f"(table: {cells[0].strip()}, {head[lead].strip()} against {head[other].strip()})",
        sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text])


# "| 时间区间 | 基础化工涨跌幅（%） | 沪深 300 涨跌幅（%） | 超额收益（%） |" (ay46 67): the excess return is the first
# return column less the second
_EXCESS = re.compile(r"超额收益|相对收益|超额回报|相对回报|跑赢|超额")
_RETURN = re.compile(r"涨跌幅|涨幅|收益率|回报率|表现")
_SIGNED_CELL = re.compile(r"^\s*[+\-−－]?\s*\d+(?:\.\d+)?\s*%?\s*$")


def find_table_excess_returns(article: Article) -> list[Check]:
    """Each row of a table whose excess-return column follows two return columns: the subject's
    return (the first) less the benchmark's (the second)."""
    if "|" not in article.text or not _EXCESS.search(article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        head = table[0]
        if any(not cells[0].strip() for cells in table[1:]):
            continue  # a second header row ("|  |  | 2024A | 2025E |"): the first row's names span columns (429)
        for j in range(3, len(head)):
            if not _EXCESS.search(head[j]) or _EXCESS.search(head[j - 1]) \
                    or not (_RETURN.search(head[j - 2]) and _RETURN.search(head[j - 1])):
                continue
            for cells in table[1:]:
                if len(cells) != len(head) or not all(_SIGNED_CELL.match(cells[i]) for i in (j - 2, j - 1, j)) \
                        or len({"%" in cells[i] for i in (j - 2, j - 1, j)}) != 1:
                    continue  # (three returns are written alike: all with % or all without)
                row = row_sentence(rows, cells)
                if row is None:
                    continue
                mine, bench, stated = (cells[i].strip() for i in (j - 2, j - 1, j))
                got = written_interval(mine) - written_interval(bench)
                chk = interval_check(
                    got, written_interval(stated), kind="difference", stated=stated, inputs=[mine, bench],
                    relation=f"{mine} - ({bench}) = {stated} (table: {cells[0].strip()}, {head[j].strip()} = "
                             f"{head[j - 2].strip()} - {head[j - 1].strip()})",
                    sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text])
                chk.article = article.label
                out.append(chk)
    return out
