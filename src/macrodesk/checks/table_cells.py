"""Table cells that hold a sentence of their own ("| 中国人形机器人规模 | 2025 年 103 亿元，2028 年 387 亿元，
CAGR 58% |"), each read as a prose sentence for the finders of one sentence (a row's cells joined by
commas read like a list the author never summed, so rows are not)."""

from __future__ import annotations

import re

from macrodesk.checks.valuation import markdown_tables, row_sentence, table_rows
from macrodesk.figures import extract_figures
from macrodesk.models import Article, FigureKind, Sentence

# a clause break inside the cell, and words around its figures
_BREAK = re.compile(r"[，,；;。]")
_WORDS = re.compile(r"[\u4e00-\u9fa5]")


def prose_cells(article: Article) -> list[Sentence]:
    """The cells of the article's Markdown tables (header rows left out) that read as a sentence: a
    clause break, two figures or more, and more words than a label."""
    if "|" not in article.text:
        return []
    rows = table_rows(article.sentences)
    out: list[Sentence] = []
    for table in markdown_tables(article.text):
        for cells in table[1:]:
            row = None
            for j, cell in enumerate(cells):
                text = cell.strip()
                if not _BREAK.search(text) or len(_WORDS.findall(text)) < 6:
                    continue
                figures = extract_figures(text)
                if sum(1 for f in figures if f.kind != FigureKind.DATE and f.value is not None) < 2:
                    continue
                row = row or row_sentence(rows, cells)
                if row is None:
                    break
                out.append(Sentence(id=f"{row.id}#{j}", text=text, paragraph=row.paragraph, section=row.section,
                                    section_index=row.section_index, kind="prose", figures=figures))
    return out
