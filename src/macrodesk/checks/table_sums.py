"""A table's total column against the columns it adds up: "| 年份 | AI 数据中心冷却液需求 (万吨) | 传统数据中心
冷却液需求 (万吨) | 全球总需求 (万吨) |" and "| 2024 | 1.3 | 0.1 | 1.4 |" is 1.3 + 0.1 = 1.4, row by row."""

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

# the column that is the total: "合计", "总计", "全球总需求 (万吨)", "总规模"
_TOTAL = re.compile(r"合计|总计|(?<![汇])总(?!市值|股本|经理|监|裁|部)")
# columns that are no addend: rates, shares, growths, per-unit values, a part of a part
_NOT_PART = re.compile(r"同比|环比|增速|增长|增幅|变化|变动|占比|比例|比重|份额|率|%|CAGR|复合|均价|单价|价格|平均|人均|其中|每")
_UNIT = re.compile(r"[（(]\s*([^（）()]{1,8})\s*[)）]")


def _unit(label: str) -> str | None:
    m = _UNIT.search(label)
    return re.sub(r"\s", "", m.group(1)) if m else None


def find_table_sums(article: Article) -> list[Check]:
    if "|" not in article.text or not _TOTAL.search(article.text):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 2:
            continue
        head = [h.replace("*", "").strip() for h in table[0]]
        totals = [j for j, h in enumerate(head) if j and _TOTAL.search(h) and not _NOT_PART.search(h)]
        if len(totals) != 1 or _unit(head[totals[0]]) is None:
            continue
        t = totals[0]
        unit = _unit(head[t])
        parts = [j for j, h in enumerate(head) if j and j != t and _unit(h) == unit and not _NOT_PART.search(h)
                 and not _TOTAL.search(h)]
        # the addends stand before their total, and are all the other columns of its unit
        if len(parts) < 2 or any(j > t for j in parts):
            continue
        for cells in table[1:]:
            if max(parts + [t]) >= len(cells):
                continue
            ivs = [cell_interval(cells[j].replace("*", ""), PLAIN_CELL) for j in parts]
            got = cell_interval(cells[t].replace("*", ""), PLAIN_CELL)
            row = row_sentence(rows, cells)
            if row is None or got is None or any(iv is None for iv in ivs):
                continue
            acc = interval_sum(iv for iv in ivs if iv is not None)
            chk = interval_check(
                acc, got, kind="sum", stated=cells[t].replace("*", "").strip(),
                inputs=[cells[j].strip() for j in parts],
                relation=" + ".join(cells[j].strip() for j in parts) + f" = {cells[t].replace('*', '').strip()} "
                         f"(table: {cells[0].strip()}, {' + '.join(head[j] for j in parts)} = {head[t]})",
                sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
                article=article.label)
            out.append(chk)
    return out
