"""Relations between a Markdown table and the prose around it.

- A total in the prose and its parts in a table: "电力板块营业收入 8444.81 亿元，同比降低 3.61%"
  above a table whose rows (火电, 水电, 新能源发电, 电网) each give "营业收入 X 亿元，同比…" in one
  column. When the rows add up to the total within their rounding they are all of it: the sum is
  confirmed, and the total's growth is judged against Σ part / (1 + growth), as for 其中-parts in
  the prose (checks/part_growths.py). Rows that miss the total may be a subset (the table's
  sub-units need not be all of the subject): no relation is proposed then.
- A table restating a figure of the prose with its growth ("| 行业利润总额（亿元） | 3120 | -18.7% |"
  under "利润总额 3120 亿元，同比降 18.7%"): the table's growth is the same relation as the text's
  and gets its verdict.
"""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, interval_sum
from macrodesk.checks.judging import Check, Verdict, fmt
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.checks.part_growths import growth_after, growth_fits, implied_growth, signed_growth
from macrodesk.checks.valuation import markdown_tables
from macrodesk.figures import extract_figures
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit

_NORM = re.compile(r"\s+")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# a row that is itself a total, a sub-row of another, or a bound: the rows are not plain parts
_NOT_PART_ROW = re.compile(r"合计|总计|总额|全部|整体|全行业|行业|其中|小计|平均|中位|均值")
# the measure a column or a clause names; a total and its parts must name the same one
_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("profit_total", re.compile(r"利润总额")),
    ("profit", re.compile(r"净利润|归母|盈利")),
    ("revenue", re.compile(r"营业总?收入|营收|收入")),
    ("output", re.compile(r"产量|发电量")),
    ("sales", re.compile(r"销量|销售量")),
    ("exports", re.compile(r"出口")),
    ("imports", re.compile(r"进口")),
)
# the table's own period or basis differs from the prose's: a 环比 or a share column
_OTHER_BASIS = re.compile(r"环比|占比|份额|比重")


def _measure(text: str) -> str | None:
    found = {name for name, rx in _MEASURES if rx.search(text)}
    if "profit_total" in found:
        found.discard("profit")
    return found.pop() if len(found) == 1 else None


def _unit(f: Figure) -> tuple[str, str]:
    return f.kind.value, canonical_unit(f.kind, f.unit)


def _table_sentences(article: Article, table: list[list[str]]) -> list[Sentence | None]:
    rows = {_NORM.sub("", s.text): s for s in article.sentences if s.kind == "table"}
    return [rows.get(_NORM.sub("", "，".join(c for c in cells if c))) for cells in table]


def _cell_part(cell: str) -> tuple[ParaText, Figure, Figure | None] | None:
    """The amount a cell gives ("营业收入 6087.70 亿元，同比降低 5.81%") and its growth: the cell
    holds one amount and at most that growth."""
    figs = [f for f in extract_figures(cell) if f.kind != FigureKind.DATE and f.value is not None]
    amounts = [f for f in figs if f.kind in _AMOUNTS]
    if len(amounts) != 1 or amounts[0].is_range or amounts[0].approx or not amounts[0].unit:
        return None
    p = ParaText(cell, figs, [])
    level = amounts[0]
    g = growth_after(p, level, figs, yoy=False)
    if len(figs) > (2 if g is not None else 1):
        return None
    return p, level, g


def find_table_totals(article: Article) -> list[Check]:
    """A column of a table whose rows each give an amount of one measure, against the total the
    prose of the table's section states before it: the sum (confirm-only: a miss means the rows
    may be a subset, so nothing is proposed), and when they fit, the total's growth from theirs."""
    if "|" not in article.text:
        return []
    out: list[Check] = []
    texts = paragraphs(article)
    for table in markdown_tables(article.text):
        if len(table) < 3:
            continue
        sents = _table_sentences(article, table[1:])
        rows = [(cells, s) for cells, s in zip(table[1:], sents, strict=True) if s is not None]
        if len(rows) != len(table) - 1 or len(rows) < 2:
            continue
        if any(not cells[0] or re.search(r"\d", cells[0]) or _NOT_PART_ROW.search(cells[0])
               for cells, _ in rows):
            continue
        first = rows[0][1]
        before = [p for p in texts if p.sentences and p.sentences[0][1].section_index == first.section_index
                  and p.sentences[-1][1].paragraph < first.paragraph]
        for j in range(1, len(table[0])):
            out.extend(_column_total(table[0][j], [(cells[j] if j < len(cells) else "", s) for cells, s in rows],
                                     before))
    for c in out:
        c.article = article.label
    return out


def _column_total(head: str, cells: list[tuple[str, Sentence]], before: list[ParaText]) -> list[Check]:
    if _OTHER_BASIS.search(head):
        return []
    parts = [_cell_part(c) for c, _ in cells]
    if any(x is None for x in parts):
        return []  # a row without its amount: the column is not all the parts
    got = [x for x in parts if x is not None]
    units = {_unit(f) for _, f, _ in got}
    measures = {_measure(head + p.text[:f.start]) for p, f, _ in got}
    if len(units) != 1 or len(measures) != 1 or None in measures:
        return []
    measure = measures.pop()
    acc = interval_sum(figure_interval(f).scale(f.scale) for _, f, _ in got)
    # the total: a figure of the parts' unit and measure that the parts add up to
    totals = []
    for p in before:
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for f in figs:
            if f.kind not in _AMOUNTS or _unit(f) != _unit(got[0][1]) or f.is_range or f.approx:
                continue
            if _measure(p.own_clause(f)) != measure:
                continue
            whole = figure_interval(f).scale(f.scale)
            if whole.overlaps(acc):
                totals.append((p, f, figs, whole))
    if len(totals) != 1:
        return []
    p, total, figs, whole = totals[0]
    scale = total.scale or 1.0
    at_total = p.sentence_at(total.start)
    rows = [s.text for _, s in cells]
    out = [Check(
        verdict="consistent", kind="sum", stated=total.text, computed=fmt(acc.mid / scale),
        computed_low=acc.lo / scale, computed_high=acc.hi / scale, inputs=[f.text for _, f, _ in got],
        relation=" + ".join(f.text for _, f, _ in got) + f" = {total.text} (table: {head})",
        sentence=at_total.text, sentence_id=at_total.id, paragraph=at_total.paragraph,
        input_sentences=rows, refutable=False,
        note="a table's rows need not be all of the total: a fit confirms",
    )]
    g = growth_after(p, total, figs, yoy=True)
    if g is None or any(pg is None for _, _, pg in got):
        return out
    # the rows add up to the total, so they are all of it: last year's total is theirs
    whole = Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi))
    terms = [(figure_interval(f).scale(f.scale), signed_growth(cp, pg, f.end)) for cp, f, pg in got
             if pg is not None]
    implied = implied_growth(whole, terms)
    if implied is None:
        return out
    computed, prior = implied
    stated = signed_growth(p, g, total.end)
    fits = growth_fits(computed, stated)
    verdict: Verdict = "consistent" if fits else "inconsistent"
    shown = " + ".join(f"{f.text}/(1{'-' if signed_growth(cp, pg, f.end).mid < 0 else '+'}"
                       f"{pg.text.lstrip('+-＋－ ')})" for cp, f, pg in got if pg is not None)
    where = p.sentence_at(g.start)
    out.append(Check(
        verdict=verdict, kind="growth", stated=g.text, computed=f"{computed.mid:.3f}",
        computed_low=computed.lo, computed_high=computed.hi,
        gap=None if fits else computed.distance(stated),
        inputs=[total.text] + [x.text for _, f, pg in got if pg is not None for x in (f, pg)],
        relation=(f"{total.text} / 上年 {fmt(prior.mid / scale)} (= {shown}) - 1 = {g.text} "
                  f"(the table's rows add up to the total, so last year's total is theirs; table: {head})"),
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
        input_sentences=[at_total.text, *rows],
    ))
    return out


# a column of growths against the same period a year before
_YOY_HEAD = re.compile(r"同比|增速|增长率|增幅|yoy|YoY|YOY")


def _signed_value(text: str, g: Figure) -> float:
    """The growth as a signed number: "同比降 18.7%" is -18.7."""
    assert g.value is not None
    return -g.value if g.value > 0 and signed_growth(ParaText(text, [g], []), g, 0).mid < 0 else g.value


def find_table_restatements(article: Article, checks: list[Check]) -> list[Check]:
    """A table row restating a level of the prose and its 同比 growth ("| 行业利润总额（亿元） |
    3120 | -18.7% |" under "利润总额 3120 亿元，同比降 18.7%"): the table's growth is the text's
    relation, and takes the verdict the text's growth was given (with the same inputs)."""
    if "|" not in article.text:
        return []
    judged = {(c.sentence_id, c.stated): c for c in checks
              if c.verdict != "unverifiable" and c.kind == "growth"}
    if not judged:
        return []
    # (level as written, its unit, signed growth, its decimals) -> the text's check
    stated: dict[tuple[float, str, float, int], Check] = {}
    for p in paragraphs(article):
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for f in figs:
            g = growth_after(p, f, figs, yoy=True) if f.kind in _AMOUNTS and f.unit else None
            if g is None or f.value is None:
                continue
            chk = judged.get((p.sentence_at(g.start).id, g.text))
            if chk is not None:
                signed = _signed_value(p.text[:g.start], g)
                stated[(f.value, f.unit, signed, g.decimals)] = chk
    if not stated:
        return []
    out: list[Check] = []
    for table in markdown_tables(article.text):
        head = table[0]
        for cells, row in zip(table[1:], _table_sentences(article, table[1:]), strict=True):
            if row is None:
                continue
            for k in range(1, min(len(cells), len(head)) - 1):
                if not _YOY_HEAD.search(head[k + 1]) or _OTHER_BASIS.search(head[k + 1]):
                    continue
                lf = [f for f in extract_figures(cells[k]) if f.value is not None]
                gf = [f for f in extract_figures(cells[k + 1]) if f.value is not None]
                if len(lf) != 1 or len(gf) != 1 or gf[0].kind != FigureKind.PERCENT or lf[0].value is None:
                    continue
                g = gf[0]
                for (value, unit, signed, decimals), chk in stated.items():
                    # the unit is in the cell, the row's label or the column's
                    if value != lf[0].value or unit not in cells[k] + cells[0] + head[k] \
                            or signed != _signed_value(cells[k + 1][:g.start], g) or decimals != g.decimals:
                        continue
                    out.append(chk.model_copy(update={
                        "stated": g.text, "sentence": row.text, "sentence_id": row.id,
                        "paragraph": row.paragraph, "input_sentences": [*chk.input_sentences, chk.sentence],
                        "relation": f"{chk.relation} (the table restates the text's {chk.stated})",
                        "gap": chk.gap}))
    for c in out:
        c.article = article.label
    return out
