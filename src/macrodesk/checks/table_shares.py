"""Shares in a table: each row's amount (a 占比 column) over the whole the prose states for the
table's label."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, judge
from macrodesk.checks.tokens import Tok, build_para
from macrodesk.checks.valuation import markdown_tables, row_sentence, table_rows
from macrodesk.models import Figure, FigureKind, Sentence

# ---------------------------------------------------------------- shares in a table

_SHARE_HEAD = re.compile(r"^(?:占比|份额|比重|占总量比重?)$")
_UNIT_HEAD = re.compile(r"[（(]\s*([^（）()]{1,6})\s*[)）]\s*$")
_LABEL_HEAD = re.compile(r"^([\u4e00-\u9fa5A-Za-z]{2,10})\s*[-－—–]")


def find_table_shares(text: str, rows: list[Sentence], prose: list[Sentence]) -> list[Check]:
    """"| 小客车胎 - 贸易伙伴 | 出口量（万吨） | 占比 |" under "小客车胎对外出口 32.59 万吨": each row's
    amount over the whole the prose states for the block's label, in the column's unit. The
    whole is certain only when it is the one figure in that unit right after the label."""
    by_text = table_rows(rows)
    out: list[Check] = []
    for table in markdown_tables(text):
        if len(table) < 2:
            continue
        head = table[0]
        for j in range(2, len(head)):
            um = _UNIT_HEAD.search(head[j - 1])
            if not _SHARE_HEAD.match(head[j]) or not um:
                continue
            label = next((lm.group(1) for k in range(j - 2, -1, -1)
                          if (lm := _LABEL_HEAD.match(head[k]))), None)
            if label is None:
                continue
            wholes = [(ps, f) for ps in prose for f in ps.figures
                      if f.unit == um.group(1) and f.value and label in ps.text[max(0, f.start - 16):f.start]]
            if len(wholes) != 1:
                continue
            ws, wf = wholes[0]
            for cells in table[1:]:
                sent = row_sentence(by_text, cells)
                if sent is None or j >= len(cells) or not cells[j - 1] or not cells[j]:
                    continue
                chk = _table_share(ws, wf, sent, cells, j)
                if chk is not None:
                    out.append(chk)
    return out


def _table_share(ws: Sentence, wf: Figure, row: Sentence, cells: list[str], j: int) -> Check | None:
    para = build_para(row.paragraph, [ws, row])
    pos, bounds = 0, {}
    for k, c in enumerate(cells):
        if c:
            bounds[k] = (pos, pos + len(c))
            pos += len(c) + 1

    def cell(k: int) -> Tok | None:
        lo, hi = bounds[k]
        inside = [t for t in para.toks if t.sent == 1 and lo <= t.fig.start < hi]
        return inside[0] if len(inside) == 1 else None

    whole = next((t for t in para.toks if t.sent == 0 and t.fig.start == wf.start), None)
    part, share = cell(j - 1), cell(j)
    if whole is None or part is None or share is None or share.fig.kind != FigureKind.PERCENT \
            or part.fig.kind != FigureKind.NUMBER:
        return None
    # the amount is written in the column's unit, the whole in the same unit: compare as written
    wi = figure_interval(whole.fig, approx=whole.approx)
    if wi.lo <= 0:
        return None
    got = (figure_interval(part.fig) / wi).scale(100)
    chk = judge(para, "share", share, [part, whole],
                [(f"{part.text} / {whole.text} = {share.text}", got)], magnitude=False)
    chk.sentence_id, chk.sentence = row.id, row.text
    return chk
