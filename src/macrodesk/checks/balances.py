"""A balance named after two levels of one unit: "供给 3.21 万吨，需求 3.57 万吨，紧缺 3659 吨",
"出口额 532 亿美元，…；进口额 689 亿美元，…。贸易逆差 157 亿美元", "粗钢产量 10.1 亿吨，表观消费量
8.9 亿吨，净出口 1.2 亿吨"; and a table's balance row against its two role rows, column by column
("| 供给总计 | 30296 |", "| 需求合计 | 28894 |", "| 供需平衡 | +1402 |").

Each name fixes which level is subtracted from which (逆差 = imports − exports, 紧缺 = demand −
supply, 净出口 = exports − imports or output − use), so the sign is checked too."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import LEVELS, interval, judged, signed, unit_key
from macrodesk.checks.valuation import cell_interval, markdown_tables, row_sentence, table_rows
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# the balance's name right before its figure ("贸易逆差 157 亿美元", "预计紧缺 3659 吨")
# (欠配/超配 name what is under- or overweight after them: "欠配银行股 1399.3 亿元")
_NAME = re.compile(r"(紧缺|缺口|短缺|过剩|盈余|赤字|顺差|逆差|净出口|净进口|净调出|净调入|净流入|净流出|欠配(?=[^\d，,。；;增减升降扩缩]{0,6}$)|超配(?=[^\d，,。；;增减升降扩缩]{0,6}$))(?:(?<=配)[^\d，,。；;]{1,6}?)?(?:额|量|规模)?\s*(?:约|预计|或)?\s*(?:为|达|了|达到)?\s*(?:约)?\s*$")
_SUPPLY = r"供给|供应|产量|生产|产能"
_DEMAND = r"需求|消费"
_EXPORT = r"(?<!进)出口"  # 进出口 names both sides
_IMPORT = r"进口"
_RECEIPTS = r"收入"
_PAYMENTS = r"支出"
# name -> (minuend roles, subtrahend roles): several pairs when the name has two conventions
_ROLES: dict[str, list[tuple[str, str]]] = {
    "紧缺": [(_DEMAND, _SUPPLY)], "缺口": [(_DEMAND, _SUPPLY)], "短缺": [(_DEMAND, _SUPPLY)],
    "过剩": [(_SUPPLY, _DEMAND)], "盈余": [(_SUPPLY, _DEMAND), (_RECEIPTS, _PAYMENTS)],
    # the balance of payments and budgets: "货物贸易收入21762亿元，支出17405亿元，顺差4356亿元"
    "顺差": [(_EXPORT, _IMPORT), (_RECEIPTS, _PAYMENTS)], "逆差": [(_IMPORT, _EXPORT), (_PAYMENTS, _RECEIPTS)],
    "赤字": [(_PAYMENTS, _RECEIPTS)],
    "净出口": [(_EXPORT, _IMPORT), (_SUPPLY, _DEMAND)], "净进口": [(_IMPORT, _EXPORT), (_DEMAND, _SUPPLY)],
    # ports and funds: "日均调入 175.80 万吨，调出 180.57 万吨，净调出 4.77 万吨" (65)
    "净调出": [(r"(?<!净)调出", r"调入")], "净调入": [(r"(?<!净)调入", r"调出")],
    "净流入": [(r"(?<!净)流入", r"流出")], "净流出": [(r"(?<!净)流出", r"流入")],
    # funds against their benchmark: "基准对应银行股规模 2141.9 亿元，但实际持仓银行股市值 742.6 亿元，欠配银行股
    # 1399.3 亿元" (144)
    "欠配": [(r"基准|标准|应配", r"实际|持仓")], "超配": [(r"实际|持仓", r"基准|标准|应配")],
}
_STOPS = "，,；;。：:"  # the clause breaks (checks.tokens.clause_start)
_ANY_NAME = re.compile("|".join(_ROLES))


def _label(s: Sentence, f: Figure, prev_end: int) -> str:
    """The words of a level's clause before it, back to the figure before it at most."""
    start = clause_start(s.text, f.start, _STOPS)
    return s.text[max(start, prev_end):f.start]


def find_balances(article: Article) -> list[Check]:
    """A balance and the two levels of its unit written before it in its sentence or the two
    sentences before it in the paragraph, each named by its role (出口/进口, 供给/需求…).
    Certain: the roles are named and each is one level."""
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    for j, s in enumerate(prose):
        if not _ANY_NAME.search(s.text):
            continue
        figs = [f for f in s.figures if unit_key(s, f) is not None]
        for k, g in enumerate(figs):
            if g.kind not in LEVELS:
                continue
            nm = _NAME.search(s.text[figs[k - 1].end if k else 0:g.start])
            if nm is None:
                continue
            earlier = [p for p in prose[max(0, j - 2):j] if p.paragraph == s.paragraph]
            levels = [lv for p in earlier for lv in _levels(p, p.figures)]
            levels += _levels(s, figs[:k])
            chk = _balance(s, g, levels, nm.group(1), [*earlier, s]) or _balance_first(s, g, figs, k, prose, j, nm.group(1))
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _balance_first(s: Sentence, g: Figure, figs: list[Figure], k: int, prose: list[Sentence], j: int,
                   name: str) -> Check | None:
    """"当月氧化铝净出口量 10.4 万吨，…；当月氧化铝进口 12.6 万吨，…；出口 22.9 万吨": the balance first,
    its two levels after it in its sentence or the two sentences after it in the paragraph, up to
    the next balance. A date between them may make the levels another period's (then a fit only
    confirms)."""
    later = [p for p in prose[j + 1:j + 3] if p.paragraph == s.paragraph]
    after = [lv for lv in _levels(s, figs) if lv[1].start > g.start] + [lv for p in later for lv in _levels(p, p.figures)]
    cut = next((i for i, (_, _, lab) in enumerate(after) if _NAME.search(lab)), len(after))
    after = after[:cut]
    if len(after) < 2:
        return None
    chk = _balance(s, g, after, name, [s, *later])
    if chk is None:
        return None
    # places in reading order: (sentence among [s, *later], offset)
    order = [s, *later]
    last = max((order.index(p), f.start) for p, f, _ in after if f.text in chk.inputs)
    dated = any(f.kind == FigureKind.DATE and (i or f.start > g.end) and (i, f.start) < last
                for i, p in enumerate(order) for f in p.figures)
    if dated and chk.verdict == "inconsistent":
        chk = Check(**{**chk.model_dump(), "verdict": "unverifiable", "computed": "", "computed_low": None,
                       "computed_high": None, "gap": None,
                       "note": "a date between the balance and its levels may make them another period's"})
    chk.sentence = " ".join(p.text for p in [s, *later] if p.text in chk.input_sentences or p is s)
    return chk


def _levels(s: Sentence, figs: list[Figure]) -> list[tuple[Sentence, Figure, str]]:
    """The levels among `figs`, each with the words of its own clause."""
    figs = [f for f in figs if unit_key(s, f) is not None]
    return [(s, f, _label(s, f, figs[i - 1].end if i else 0)) for i, f in enumerate(figs)]


def _balance(s: Sentence, g: Figure, levels: list[tuple[Sentence, Figure, str]], name: str,
             order: list[Sentence]) -> Check | None:
    key = unit_key(s, g)
    mine = [(p, f, lab) for p, f, lab in levels if f.kind == g.kind and unit_key(p, f) == key]
    # only the levels after the last balance named before this one
    named = [i for i, (_, _, lab) in enumerate(mine) if _NAME.search(lab)]
    if named:
        mine = mine[named[-1] + 1:]
    for plus_role, minus_role in _ROLES[name]:
        plus = [(p, f) for p, f, lab in mine if re.search(plus_role, lab)]
        minus = [(p, f) for p, f, lab in mine if re.search(minus_role, lab)]
        if len(plus) != 1 or len(minus) != 1 or plus[0][1] is minus[0][1]:
            continue
        (pa, a), (pb, b) = plus[0], minus[0]
        if signed(pa, a) or signed(pb, b):
            return None
        computed = interval(a) - interval(b)
        chk = judged(s, "gap", g, [a, b], computed, f"{a.text} - {b.text} = {g.text} ({name})",
                     certain=not _dated_between(order, [(pa, a), (pb, b)], s, g),
                     why="a date between the levels and the balance may make it another period's")
        chk.input_sentences = [pa.text, pb.text]
        if pa is not s or pb is not s:
            chk.sentence = "".join(p.text for p in order if p in (pa, pb, s))
        return chk
    return None


def _dated_between(order: list[Sentence], inputs: list[tuple[Sentence, Figure]], s: Sentence,
                   g: Figure) -> bool:
    """Whether a date is written after the last level and before the balance ("2024 年出口 100 亿
    美元，进口 80 亿美元。2025 年 1-5 月贸易顺差 30 亿美元")."""
    pos = {id(p): i for i, p in enumerate(order)}
    last_p, last_f = max(inputs, key=lambda pf: (pos[id(pf[0])], pf[1].start))
    for p in order[pos[id(last_p)]:]:
        lo = last_f.end if p is last_p else 0
        hi = g.start if p is s else len(p.text)
        if any(f.kind == FigureKind.DATE and lo <= f.start < hi for f in p.figures):
            return True
    return False


# a table's balance row ("供需平衡", "供需缺口"), and which of its two role rows is subtracted
_ROW_NAME = re.compile(r"^(?:供需)?(平衡|缺口|紧缺|短缺|过剩|盈余|顺差|逆差|净出口|净进口)(?:额|量|规模)?(?:（.*）)?$")
# a table's 缺口 row may be signed either way ("供需缺口 | +0.48" for output 103.8 over use 103.3, 131)
_ROW_ROLES = {**_ROLES, "平衡": [(_SUPPLY, _DEMAND)], "缺口": [(_DEMAND, _SUPPLY), (_SUPPLY, _DEMAND)]}
_TOTAL = re.compile(r"总|合计")
_CELL = re.compile(r"^\s*([-+−－]?\s*\d+(?:\.(\d+))?)\s*$")


def find_table_balances(article: Article) -> list[Check]:
    if "|" not in article.text or not any(w in article.text for w in ("平衡", "缺口", "过剩", "顺差", "逆差", "净出口")):
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        labels = [re.sub(r"\s+", "", r[0]) if r else "" for r in table]
        for k, label in enumerate(labels):
            nm = _ROW_NAME.match(label)
            if nm is None:
                continue
            orders = [(p, m) for plus_role, minus_role in _ROW_ROLES[nm.group(1)]
                      if (p := _role_row(labels, plus_role, k)) is not None
                      and (m := _role_row(labels, minus_role, k)) is not None]
            if orders:
                out.extend(_columns(rows, table, k, orders, nm.group(1), article.label))
    return out


def _role_row(labels: list[str], role: str, balance: int) -> int | None:
    """The one row of a role ("供给总计" among "矿产银", "再生银"): its total when several name it."""
    found = [i for i, lab in enumerate(labels) if i != balance and re.search(role, lab) and not _ROW_NAME.match(lab)]
    if len(found) > 1:
        found = [i for i in found if _TOTAL.search(labels[i])]
    return found[0] if len(found) == 1 else None


def _columns(rows: dict[str, Sentence], table: list[list[str]], k: int, orders: list[tuple[int, int]], name: str,
             label: str) -> list[Check]:
    """Each column's balance against the first order of its role rows that fits (the only one for
    a name with one convention)."""
    out: list[Check] = []
    row = row_sentence(rows, table[k])
    if row is None:
        return out
    for j in range(1, len(table[k])):
        tried: list[tuple[int, int, list[str], Interval, Interval, Interval]] = []
        for plus, minus in orders:
            cells = [table[i][j] if j < len(table[i]) else "" for i in (plus, minus, k)]
            a, b, c = (cell_interval(x, _CELL) for x in cells)
            if a is not None and b is not None and c is not None:
                tried.append((plus, minus, cells, a, b, c))
        if not tried:
            continue
        fits = [t for t in tried if (t[3] - t[4]).overlaps(t[5])]
        plus, minus, cells, a, b, c = (fits or tried)[0]
        stated = cells[2].strip()
        out.append(interval_check(
            a - b, c, kind="gap", stated=stated, inputs=[cells[0].strip(), cells[1].strip()],
            relation=f"{cells[0].strip()} - {cells[1].strip()} = {stated} (table: {name}, {table[0][j].strip()})",
            sentence=row.text, sentence_id=row.id, paragraph=row.paragraph,
            input_sentences=[x.text for i in (plus, minus) if (x := row_sentence(rows, table[i])) is not None],
            article=label,
        ))
    return out
