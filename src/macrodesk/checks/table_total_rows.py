"""A table's 合计 row against the rows above it: "| 合计设备成本 | 72% | 55% |" under six component rows
is each column's sum ("| 磁体系统 | 28% | 12% |", …). Rows that add to more than their total are an error;
rows that add to less may be only the main ones (unverifiable)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import (
    PLAIN_CELL,
    cell_interval,
    markdown_tables,
    row_sentence,
    table_rows,
)
from macrodesk.models import Article

# the row that is the total of the rows above it: "合计", "总计", "合计设备成本", "Total"
_TOTAL_WORD = r"合\s*计|总\s*计|总和|Total|TOTAL"
_TOTAL_ROW = re.compile(rf"^\s*(?:{_TOTAL_WORD})")
# a row that is part of another row, or no part: "其中：…", a growth or a share
_NOT_PART_ROW = re.compile(r"^\s*(?:其中|内：|含：|[-—–·]\s)|同比|环比|增速|占比")
# columns whose cells do not add up: rates, growths, prices, per-unit values, averages, ranks
_NOT_SUM = re.compile(r"同比|环比|增速|增长|增幅|变化|变动|增减|涨跌|率|CAGR|复合|均价|单价|价格|平均|人均|每|"
                      r"排名|PE|PB|EPS|倍|年份|日期|代码")
# a 小计 or an average row: left out of the sum, not a reason to skip it
_LEFT_OUT = re.compile(r"小计|平均|均值|中位")
# a column of percentages adds up when it is a breakdown: shares of one whole
_SHARE_HEAD = re.compile(r"占比|比例|比重|份额|结构|构成|拆分")
_PERCENT = re.compile(r"^\s*(\d+(?:\.(\d+))?)\s*%\s*$")


def find_table_total_rows(article: Article) -> list[Check]:
    if "|" not in article.text or not re.search(_TOTAL_WORD, article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 4:
            continue
        head = table[0]
        start = 1
        for i in range(1, len(table)):
            if not table[i] or not _TOTAL_ROW.match(table[i][0]):
                continue
            segment = [r for r in table[start:i] if r and r[0]]
            start = i + 1
            # a sub-row of another ("其中…") or a growth row makes the rows no plain partition; a
            # 小计 or an average row is left out of the sum
            if any(_NOT_PART_ROW.search(r[0]) and not _LEFT_OUT.search(r[0]) for r in segment):
                continue
            body = [r for r in segment if not _LEFT_OUT.search(r[0])]
            if len(body) < 2:
                continue
            total = table[i]
            sent = row_sentence(rows, total)
            if sent is None:
                continue
            for j in range(1, min(len(head), len(total))):
                chk = _column(head[j], [r[j] if j < len(r) else "" for r in body], total[j], total[0])
                if chk is None:
                    continue
                chk.sentence, chk.sentence_id, chk.paragraph = sent.text, sent.id, sent.paragraph
                chk.input_sentences = [s.text for r in body if (s := row_sentence(rows, r)) is not None]
                chk.article = article.label
                out.append(chk)
    return out


def _column(label: str, cells: list[str], stated: str, name: str) -> Check | None:
    """The sum of one column's part cells against its total cell: all plain numbers or all
    percentages, none missing, none negative."""
    if _NOT_SUM.search(label) or not stated.strip():
        return None
    pattern = _PERCENT if _PERCENT.match(stated) else PLAIN_CELL
    got = cell_interval(stated.strip(), pattern)
    parts = [cell_interval(c.strip(), pattern) for c in cells]
    if got is None or got.lo < 0 or any(p is None for p in parts):
        return None
    if pattern is _PERCENT and not _SHARE_HEAD.search(label) and not got.lo <= 100 <= got.hi:
        return None  # a column of rates ("| 2024 年 | 12.5% |") with the whole's rate as its 合计
    acc = interval_sum(p for p in parts if p is not None)
    inputs = [c.strip() for c in cells]
    relation = " + ".join(inputs) + f" = {stated.strip()} (table: {name.strip()}, {label.strip()})"
    if acc.hi < got.lo:
        # the rows may be only the main ones of the total ("主要公司" and the sector's 合计)
        return Check(verdict="unverifiable", kind="sum", stated=stated.strip(), inputs=inputs, relation=relation,
                     note="the rows add up to less than their total: they may be only some of its parts")
    return interval_check(acc, got, kind="sum", stated=stated.strip(), inputs=inputs, relation=relation)
