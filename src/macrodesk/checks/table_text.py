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

import math
import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, implied_growth, interval_sum
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.checks.part_growths import growth_after, growth_fits, signed_growth
from macrodesk.checks.tables import in_header_unit
from macrodesk.checks.valuation import markdown_tables, row_sentence, table_rows
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
# a column of growths against the same period a year before
_YOY_HEAD = re.compile(r"同比|增速|增长率|增幅|yoy|YoY|YOY")
# a column holding amounts names their unit ("收入（亿元）及增速")
_UNIT_HEAD = re.compile(r"[（(]\s*[^（）()%]{1,6}\s*[)）]")
# the parts' rounding may be at most this share of their sum for a fit to identify the total
_TIGHT = 0.01


def _measure(text: str) -> str | None:
    found = {name for name, rx in _MEASURES if rx.search(text)}
    if "profit_total" in found:
        found.discard("profit")
    return found.pop() if len(found) == 1 else None


def _unit(f: Figure) -> tuple[str, str]:
    return f.kind.value, canonical_unit(f.kind, f.unit)


def _table_sentences(article: Article, table: list[list[str]]) -> list[Sentence | None]:
    rows = table_rows(article.sentences)
    return [row_sentence(rows, cells) for cells in table]


@dataclass
class _Part:
    level: Figure
    growth: Interval | None  # its signed growth in %, when the cell or the next column gives it
    shown: str  # the growth as written


def _cell_part(cell: str, head: str) -> tuple[ParaText, Figure, Figure | None] | None:
    """The amount a cell gives ("营业收入 6087.70 亿元，同比降低 5.81%", "285（+15.8%）" under
    "收入（亿元）及增速") and its growth: the cell holds one amount and at most that growth."""
    figs = [f for f in extract_figures(cell) if f.kind != FigureKind.DATE and f.value is not None]
    if figs and figs[0].kind == FigureKind.NUMBER:
        figs[0] = in_header_unit(figs[0], head)
    amounts = [f for f in figs if f.kind in _AMOUNTS]
    if len(amounts) != 1 or amounts[0].is_range or amounts[0].approx or not amounts[0].unit:
        return None
    p = ParaText(cell, figs, [])
    level = amounts[0]
    g = growth_after(p, level, figs, yoy=False)
    if len(figs) > (2 if g is not None else 1):
        return None
    return p, level, g


def _column_parts(head: str, cells: list[str], next_head: str, next_cells: list[str]) -> list[_Part] | None:
    """Each row's amount in a column, with its growth from the same cell or from a 同比 column
    right after it (of the same measure or naming none)."""
    growth_column = bool(_YOY_HEAD.search(next_head)) and not _OTHER_BASIS.search(next_head) \
        and _measure(next_head) in (None, _measure(head))
    parts: list[_Part] = []
    for cell, nxt in zip(cells, next_cells, strict=True):
        got = _cell_part(cell, head)
        if got is None:
            return None  # a row without its amount: the column is not all the parts
        p, level, g = got
        growth, shown = (signed_growth(p, g, level.end), g.text) if g is not None else (None, "")
        if g is None and growth_column:
            gf = [f for f in extract_figures(nxt) if f.value is not None]
            if len(gf) == 1 and gf[0].kind == FigureKind.PERCENT and not gf[0].is_range:
                growth, shown = signed_growth(ParaText(nxt, gf, []), gf[0], 0), gf[0].text
        parts.append(_Part(level, growth, shown))
    return parts


def find_table_totals(article: Article) -> list[Check]:
    """A column of a table whose rows each give an amount of one measure, against the total the
    prose states before the table (in its section, else anywhere before it): the sum
    (confirm-only: a miss means the rows may be a subset, so nothing is proposed), and when they
    fit, the total's growth from theirs."""
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
        before = [p for p in texts if p.sentences and p.sentences[-1][1].paragraph < first.paragraph]
        section = [p for p in before if p.sentences[0][1].section_index == first.section_index]
        head = table[0]

        def column(j: int) -> list[str]:
            return [cells[j] if j < len(cells) else "" for cells, _ in rows]  # noqa: B023

        for j in range(1, len(head)):
            if _OTHER_BASIS.search(head[j]) or _YOY_HEAD.search(head[j]) and not _UNIT_HEAD.search(head[j]):
                continue
            nxt = j + 1 < len(head)
            parts = _column_parts(head[j], column(j), head[j + 1] if nxt else "",
                                  column(j + 1) if nxt else [""] * len(rows))
            if parts is None:
                continue
            measures = {_measure(head[j] + c[:c.find(p.level.text)] if p.level.text in c else head[j])
                        for p, c in zip(parts, column(j), strict=True)}
            measure = measures.pop() if len(measures) == 1 else None
            if measure is None:
                continue
            out.extend(_column_total(head[j], parts, measure, [s for _, s in rows], section, before))
    for c in out:
        c.article = article.label
    return out


def _total(parts: list[_Part], measure: str, acc: Interval,
           scope: list[ParaText]) -> tuple[ParaText, Figure, list[Figure]] | None:
    """The one figure of the parts' unit and measure that they add up to (a summary repeating
    it is the same total: the one nearest the table is taken)."""
    unit = _unit(parts[0].level)
    totals = []
    for p in scope:
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for f in figs:
            if f.kind not in _AMOUNTS or _unit(f) != unit or f.is_range or f.approx:
                continue
            if _measure(p.own_clause(f)) == measure and figure_interval(f).scale(f.scale).overlaps(acc):
                totals.append((p, f, figs))
    if not totals or len({f.value for _, f, _ in totals}) != 1:
        return None
    return totals[-1]


def _column_total(head: str, parts: list[_Part], measure: str, rows: list[Sentence],
                  section: list[ParaText], before: list[ParaText]) -> list[Check]:
    if len({_unit(x.level) for x in parts}) != 1:
        return []
    acc = interval_sum(figure_interval(x.level).scale(x.level.scale) for x in parts)
    # a fit must say something: the parts' rounding is a small share of their sum
    if acc.lo <= 0 or acc.hi - acc.lo > _TIGHT * acc.mid:
        return []
    found = _total(parts, measure, acc, section) or _total(parts, measure, acc, before)
    if found is None:
        return []
    p, total, figs = found
    whole = figure_interval(total).scale(total.scale)
    scale = total.scale or 1.0
    at_total = p.sentence_at(total.start)
    row_texts = [s.text for s in rows]
    out = [Check(
        verdict="consistent", kind="sum", stated=total.text, computed=fmt(acc.mid / scale),
        computed_low=acc.lo / scale, computed_high=acc.hi / scale, inputs=[x.level.text for x in parts],
        relation=" + ".join(x.level.text for x in parts) + f" = {total.text} (table: {head})",
        sentence=at_total.text, sentence_id=at_total.id, paragraph=at_total.paragraph,
        input_sentences=row_texts, refutable=False,
        note="a table's rows need not be all of the total: a fit confirms",
    )]
    g = growth_after(p, total, figs, yoy=True)
    terms = [(figure_interval(x.level).scale(x.level.scale), x.growth) for x in parts if x.growth is not None]
    if g is None or len(terms) != len(parts):
        return out
    # the rows add up to the total, so they are all of it: last year's total is theirs
    implied = implied_growth(Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi)),
                             [(lv, gr) for lv, gr in terms if gr is not None])
    if implied is None:
        return out
    computed, prior = implied
    stated = signed_growth(p, g, total.end)
    shown = " + ".join(f"{x.level.text}/(1{'-' if x.growth.mid < 0 else '+'}{x.shown.lstrip('+-＋－ ')})"
                       for x in parts if x.growth is not None)
    where = p.sentence_at(g.start)
    out.append(interval_check(
        computed, stated, fits=growth_fits(computed, stated), kind="growth", stated=g.text,
        inputs=[total.text] + [t for x in parts for t in (x.level.text, x.shown)],
        relation=(f"{total.text} / 上年 {fmt(prior.mid / scale)} (= {shown}) - 1 = {g.text} "
                  f"(the table's rows add up to the total, so last year's total is theirs; table: {head})"),
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
        input_sentences=[at_total.text, *row_texts],
    ))
    return out



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


def _whole_figure(text: str) -> Figure | None:
    """The one figure a table cell (or a check's input) is, as the figure reader reads it."""
    figs = [f for f in extract_figures(text) if f.value is not None]
    return figs[0] if len(figs) == 1 and figs[0].text == text.strip() else None


_RESTATED_LEAD = re.compile(r"^[^\d，,。；;（(]{0,4}[，,（(]\s*(?:同比|环比|周环比|月环比|周|月|较上周|较上月)?\s*"
                            r"(?:增长|上涨|上升|提高|下跌|下降|减少|回落|涨|跌|增|降|减)?\s*(?:了|约)?\s*$")


def find_text_restatements(article: Article, checks: list[Check]) -> list[Check]:
    """The prose restating a table row's level and growth ("2024 年营收 224.27 亿元（+5.27%）" under
    "| 苏泊尔 | 营收 | 224.27 | 213.04 | +5.27% |", 43): the text's growth is the table's relation,
    and takes the verdict the table's growth was given (with the same inputs)."""
    if "|" not in article.text:
        return []
    tables = {s.id for s in article.sentences if s.kind == "table"}
    # (a level among the inputs, the signed growth, its decimals) -> the table's check
    judged: dict[tuple[float, float, int], Check] = {}
    for c in checks:
        if c.kind != "growth" or c.verdict == "unverifiable" or c.sentence_id not in tables:
            continue
        written = _whole_figure(c.stated)
        if written is None or written.value is None:
            continue
        for x in c.inputs:
            level = _whole_figure(x)
            if level is not None and level.value is not None:
                judged[(level.value, written.value, written.decimals)] = c
    if not judged:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for f, g in zip(figs, figs[1:], strict=False):
            # "224.27 亿元（+5.27%）", "1300 元 / 吨，周跌 1.52%", "737.89 万吨，周降 1.93%"
            if f.kind not in _AMOUNTS or g.kind != FigureKind.PERCENT or g.is_range or f.value is None \
                    or not _RESTATED_LEAD.match(p.text[f.end:g.start]):
                continue
            chk = judged.get((f.value, _signed_value(p.text[:g.start], g), g.decimals))
            if chk is None:
                continue
            where = p.sentence_at(g.start)
            out.append(chk.model_copy(update={
                "stated": g.text, "sentence": where.text, "sentence_id": where.id, "paragraph": where.paragraph,
                "input_sentences": [*chk.input_sentences, chk.sentence],
                "relation": f"{chk.relation} (the text restates the table's {chk.stated})"}))
    for c in out:
        c.article = article.label
    return out


# a table's weekly rate column ("周环比", "周涨跌幅") and the week's move the text gives in amounts
_WEEK_HEAD = re.compile(r"^(?:周环比|周涨跌幅|周涨幅|周变化|周变动)")
_WEEK_MOVE = re.compile(r"^\s*[，,（(]\s*(?:周环比|较上周|周)\s*(上涨|上升|增加|回升|下跌|下降|减少|回落|涨|升|增|跌|降|减)\s*$")
_FALLS = frozenset({"下跌", "下降", "减少", "回落", "跌", "降", "减"})


def find_table_week_moves(article: Article) -> list[Check]:
    """A table row's weekly rate against the week's move the text writes in amounts after the same
    level: "| 北港 Q5500 平仓价 | 620 元 / 吨 | -1.43% |" with "平仓价报 620 元 / 吨，周环比下跌 9 元 / 吨"
    (61): −9 / (620 + 9) = −1.43%."""
    if "|" not in article.text or "周" not in article.text:
        return []
    moves: dict[tuple[float, str], list[tuple[Figure, Figure, float, Sentence]]] = {}
    for s in article.sentences:
        # (a week's move is named by its 周: _WEEK_MOVE)
        if s.kind not in ("prose", "list") or "周" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for f, g in zip(figs, figs[1:], strict=False):
            m = _WEEK_MOVE.match(s.text[f.end:g.start])
            if m and f.kind in _AMOUNTS and g.kind == f.kind and canonical_unit(f.kind, f.unit) == canonical_unit(g.kind, g.unit):
                sign = -1.0 if m.group(1) in _FALLS and (g.value or 0) > 0 else 1.0
                moves.setdefault((float(f.value or 0), re.sub(r"\s", "", f.unit)), []).append((f, g, sign, s))
    if not moves:
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        head = [re.sub(r"\s", "", h) for h in table[0]]
        for j in range(2, len(head)):
            if not _WEEK_HEAD.match(head[j]):
                continue
            for cells in table[1:]:
                if j >= len(cells):
                    continue
                level, rate = _whole_figure(cells[j - 1]), _whole_figure(cells[j])
                row = row_sentence(rows, cells)
                if level is None or rate is None or rate.kind != FigureKind.PERCENT or level.kind not in _AMOUNTS \
                        or row is None:
                    continue
                found = moves.get((float(level.value or 0), re.sub(r"\s", "", level.unit)), [])
                if len(found) != 1:
                    continue  # no move, or two with this level: which is the row's is unknown
                f, g, sign, s = found[0]
                now, move = figure_interval(f), figure_interval(g).scale(sign)
                before = now - move
                if before.lo <= 0:
                    continue
                got = (move / before).scale(100)
                written = figure_interval(rate, result=True)
                shown = f"{'-' if sign < 0 else '+'}{g.text.lstrip('+-−－ ')}"
                chk = interval_check(
                    got, written, kind="growth", stated=cells[j].strip(), inputs=[f.text, g.text],
                    relation=f"({shown}) / ({f.text} - ({shown})) = {cells[j].strip()} (table: {cells[0].strip()}, "
                             f"{table[0][j].strip()}; the week's move from the text)",
                    sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[s.text],
                    article=article.label,
                )
                out.append(chk)
    return out


# ---------------------------------------------------------------- counts against a table of bins

# a bin of a distribution table: "10≤营收 < 50 亿元", "营收≥1000 亿元", "归母净利润 < 0 亿元"
_BIN = re.compile(r"^(?:(?P<lo>-?\d+(?:\.\d+)?)\s*≤\s*)?(?P<m>[\u4e00-\u9fa5A-Za-z]{2,8})\s*"
                  r"(?P<op><|≥)\s*(?P<x>-?\d+(?:\.\d+)?)\s*(?P<u>[\u4e00-\u9fa5A-Za-z]{0,4})$")
# "2024 年营收低于 50 亿元的有 49 家": how many of the companies fall below a bound
_BELOW = re.compile(r"(?P<m>[\u4e00-\u9fa5A-Za-z]{2,8}?)\s*(?:低于|小于|少于|不足|不到)\s*(?P<x>\d+(?:\.\d+)?)\s*"
                    r"(?P<u>[\u4e00-\u9fa5A-Za-z]{1,4}?)\s*的(?:公司|企业|标的|个股)?\s*(?:有|为|共)?\s*"
                    r"(?P<n>\d+)\s*(?P<cu>家|只|个)")


def _bins(table: list[list[str]]) -> tuple[str, str, list[tuple[float, float, list[str]]]] | None:
    """(measure, unit, [(low, high, cells)]) of a table whose rows are bins of one measure; rows
    of another kind (a median) are not bins and are left out."""
    bins: list[tuple[float, float, list[str]]] = []
    names: set[tuple[str, str]] = set()
    for cells in table[1:]:
        m = _BIN.match(_NORM.sub(" ", cells[0]).strip())
        if m is None:
            continue
        x = float(m.group("x"))
        if m.group("op") == "≥":
            if m.group("lo"):
                return None
            low, high = x, math.inf
        else:
            low, high = (float(m.group("lo")) if m.group("lo") else -math.inf), x
        bins.append((low, high, cells))
        names.add((m.group("m"), m.group("u")))
    if len(bins) < 2 or len(names) != 1:
        return None
    measure, unit = names.pop()
    return measure, unit, bins


# every count is read from a "低于 … 的有 N 家" clause (_BELOW)
_NEEDS_BELOW = re.compile(r"低于|小于|少于|不足|不到")


def find_bin_counts(article: Article) -> list[Check]:
    """"2024 年营收低于 50 亿元的有 49 家" next to a table counting the companies by bins of
    营收 and by year: the bins below the bound hold at least that many (the table may leave
    companies out, never count one twice), so a smaller stated count is an error; an equal one
    fits (confirm-only); a larger one may count companies the table leaves out."""
    if "|" not in article.text or not mentions(article, _NEEDS_BELOW):
        return []
    out: list[Check] = []
    tables = [(t, _table_sentences(article, t[1:])) for t in markdown_tables(article.text) if len(t) >= 3]
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        for m in _BELOW.finditer(s.text):
            clause = re.split(r"[，,；;。]", s.text[:m.start()])[-1] + m.group("m")
            period = period_key(clause)
            if period is None:
                continue
            for table, rows in tables:
                near = [r for r in rows if r is not None and r.section_index == s.section_index
                        and 0 < r.paragraph - s.paragraph <= 2]
                chk = _bin_count(s, m, period, table, near) if near else None
                if chk is not None:
                    out.append(chk)
    for c in out:
        c.article = article.label
    return out


def _bin_count(s: Sentence, m: re.Match[str], period: tuple[int, str], table: list[list[str]],
               rows: list[Sentence]) -> Check | None:
    got = _bins(table)
    if got is None:
        return None
    measure, unit, bins = got
    if not m.group("m").endswith(measure) or m.group("u") != unit:
        return None
    cols = [j for j, h in enumerate(table[0]) if j and period_key(h) == period]
    if len(cols) != 1:
        return None
    j, bound = cols[0], float(m.group("x"))
    below = [b for b in bins if b[1] <= bound]
    counts = []
    for _, _, cells in below:
        cell = cells[j].strip() if j < len(cells) else ""
        if not re.fullmatch(r"\d+", cell):
            return None
        counts.append(int(cell))
    if not counts:
        return None
    total, stated = sum(counts), int(m.group("n"))
    # the bins below the bound tile down to the table's lowest: an equal count then fits
    lows = sorted(below)
    tiled = lows[0][0] == min(b[0] for b in bins) and all(
        a[1] == b[0] for a, b in zip(lows, lows[1:], strict=False)) and not any(
        b[0] < bound < b[1] for b in bins)
    shown = " + ".join(str(c) for c in counts)
    relation = (f"{shown} = {m.group('n')}{m.group('cu')} (table: the bins of {measure} below {m.group('x')}"
                f" {unit}, {table[0][j]}; they hold at least the companies below it)")
    base = Check(verdict="unverifiable", kind="sum", stated=f"{m.group('n')} {m.group('cu')}",
                 inputs=[str(c) for c in counts], relation=relation, sentence=s.text, sentence_id=s.id,
                 paragraph=s.paragraph, input_sentences=[r.text for r in rows],
                 note="the table may leave companies out")
    known = {"computed": str(total), "computed_low": float(total), "computed_high": float(total)}
    if stated < total:
        return base.model_copy(update={"verdict": "inconsistent", "gap": float(total - stated),
                                       "note": "the table's bins below the bound already hold more", **known})
    if stated == total and tiled:
        return base.model_copy(update={"verdict": "consistent", "refutable": False,
                                       "note": "the table may leave companies out: a fit confirms", **known})
    return base


# ---------------------------------------------------------------- a group's total over its members' tables

# "豫股总营收…（2022 年 262 亿元，同比增 71.9%）": the total of a group of companies
_GROUP_TOTAL = re.compile(r"总(?:营收|营业收入|收入|净利润|归母净利润)|(?:营收|营业收入|收入|净利润)合计"
                          r"|合计(?:营收|营业收入|收入|净利润)")


def _member_tables(tables: list[list[list[str]]]) -> list[list[list[list[str]]]]:
    """Groups of two or more tables with the same period columns whose rows name metrics (one
    table per company: "| 营业收入 (百万元) | 7808.86 | 12358.01 | …")."""
    groups: dict[tuple[str, ...], list[list[list[str]]]] = {}
    for t in tables:
        head = t[0]
        if len(head) < 3 or len(t) < 2 or any(period_key(h) is None for h in head[1:]):
            continue
        groups.setdefault(tuple(head[1:]), []).append(t)
    return [g for g in groups.values() if len(g) >= 2]


def _member_sum(group: list[list[list[str]]], measure: str, col: int) -> tuple[Interval, list[Figure]] | None:
    """The sum over the members of the one row of `measure` in each, at column `col`."""
    figs: list[Figure] = []
    for t in group:
        rows = [r for r in t[1:] if r and _measure(r[0]) == measure and not _OTHER_BASIS.search(r[0])]
        if len(rows) != 1 or col >= len(rows[0]):
            return None
        got = [f for f in extract_figures(rows[0][col]) if f.value is not None]
        if len(got) != 1 or got[0].kind != FigureKind.NUMBER:
            return None
        f = in_header_unit(got[0], rows[0][0])
        if f.kind not in _AMOUNTS:
            return None
        figs.append(f)
    if len({_unit(f) for f in figs}) != 1:
        return None
    return interval_sum(figure_interval(f).scale(f.scale) for f in figs), figs


def find_member_sums(article: Article) -> list[Check]:
    """A group's total ("豫股总营收…2024 年 134 亿元，同比降 44.85%") against the sum of the same
    row and year over its members' tables: a fit confirms (the tables may leave a member out),
    and the group's growth is then judged against the sums of the year and the year before."""
    if "|" not in article.text:
        return []
    groups = _member_tables(markdown_tables(article.text))
    if not groups:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        for m in _GROUP_TOTAL.finditer(p.text):
            measure = _measure(m.group(0))
            end = p.text.find("。", m.end())
            end = len(p.text) if end < 0 else end
            figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
            for f in figs:
                if m.end() <= f.start < end and f.kind in _AMOUNTS and measure and not f.is_range and not f.approx:
                    found = [got for g in groups if (got := _member_total(p, f, figs, g, measure)) is not None]
                    if len(found) == 1:
                        out.extend(found[0])
    for c in out:
        c.article = article.label
    return out


def _member_total(p: ParaText, f: Figure, figs: list[Figure], group: list[list[list[str]]],
                  measure: str) -> list[Check] | None:
    clause = p.own_clause(f)
    period = period_key(clause)
    if period is None and clause.strip():
        # "2025 年一季度略增 0.98%，上半年 73.64 亿元": the year written earlier in the sentence
        years = list(re.finditer(r"(?:19|20)\d{2}\s*年", p.text[:f.start].rsplit("。", 1)[-1]))
        period = period_key(years[-1].group(0) + clause) if years else None
    head = group[0][0]
    cols = [j for j in range(1, len(head)) if period_key(head[j]) == period]
    if period is None or len(cols) != 1:
        return None
    got = _member_sum(group, measure, cols[0])
    if got is None or _unit(got[1][0]) != _unit(f):
        return None
    acc, parts = got
    whole = figure_interval(f).scale(f.scale)
    if acc.lo <= 0 or acc.hi - acc.lo > _TIGHT * acc.mid or not whole.overlaps(acc):
        return None
    scale = f.scale or 1.0
    where = p.sentence_at(f.start)
    label = f"{head[cols[0]]}, the members' tables"
    out = [Check(
        verdict="consistent", kind="sum", stated=f.text, computed=fmt(acc.mid / scale),
        computed_low=acc.lo / scale, computed_high=acc.hi / scale, inputs=[x.text for x in parts],
        relation=" + ".join(x.text for x in parts) + f" = {f.text} (table: {label})",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, refutable=False,
        note="the tables may leave a member of the group out: a fit confirms",
    )]
    g = growth_after(p, f, figs, yoy=True)
    assert period is not None
    before = [j for j in range(1, len(head)) if period_key(head[j]) == (period[0] - 1, period[1])]
    prior = _member_sum(group, measure, before[0]) if g is not None and len(before) == 1 else None
    if g is None or prior is None or prior[0].lo <= 0:
        return out
    # the members add up to the group's total, so last year's total is theirs too
    computed = (Interval(max(whole.lo, acc.lo), min(whole.hi, acc.hi)) / prior[0] - Interval(1, 1)).scale(100)
    stated = signed_growth(p, g, f.end)
    gw = p.sentence_at(g.start)
    out.append(interval_check(
        computed, stated, fits=growth_fits(computed, stated), kind="growth", stated=g.text,
        inputs=[x.text for x in parts] + [x.text for x in prior[1]],
        relation=(f"({' + '.join(x.text for x in parts)}) / ({' + '.join(x.text for x in prior[1])}) - 1 = "
                  f"{g.text} (table: {head[cols[0]]} over {head[before[0]]}, the members' tables add up "
                  "to the group's total)"),
        sentence=gw.text, sentence_id=gw.id, paragraph=gw.paragraph, derived=True,
    ))
    return out
