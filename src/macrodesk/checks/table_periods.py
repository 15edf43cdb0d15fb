"""A table's growth columns against its level columns, each labelled by its period: "| 指标 | 2025H1 |
2024H1 | 2025Q2 | 2025Q1 | … | 2025H1 同比 | 2025Q2 同比 | 2025Q2 环比 |" — a 同比 column is its
period's level over the same period a year before, a 环比 column over the period before. Columns
named by relative periods read the same way: "| 本周 | 周环比 | 上月 | 月环比 | 上年 | 同比 |" (94),
"| 本周价格 | 上周价格 | 周涨幅 |"."""

from __future__ import annotations

import re

from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import Interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.valuation import cell_interval, markdown_tables, row_sentence, table_rows
from macrodesk.models import Article, Sentence

_NUMBER = re.compile(r"^\s*([-+]?\s*\d+(?:\.(\d+))?)\s*$")
# a level cell may carry its unit ("629 元 / 吨", "717.21 点")
_LEVEL = re.compile(r"^\s*([-+]?\s*\d+(?:\.(\d+))?)\s*(?:[^\d%.\s][^\d%]{0,11})?$")
# a change column in the levels' own unit ("周环比变化 | -584" for stocks, "-12.00%" for prices)
_AMOUNT_HEAD = re.compile(r"变化|变动|增减|增量")
_PERCENT = re.compile(r"^\s*([-+−－]?\s*\d+(?:\.(\d+))?)\s*%\s*$")
# a row of rates or shares: its 同比 may be a change in points, not a growth
_RATE_ROW = re.compile(r"率|比|占|%|ROE|ROA|收益率")
_NOT_LEVEL = re.compile(r"同比|环比|增速|增长|变化|变动|占比|%|CAGR|复合")


def _before(key: tuple[int, str], basis: str) -> tuple[int, str] | None:
    """The period a 同比 or 环比 growth of `key` is over."""
    year, sub = key
    if basis == "同比":
        return year - 1, sub
    if sub in ("Q2", "Q3", "Q4", "H2"):
        return year, sub[0] + str(int(sub[1]) - 1)
    if sub in ("Q1", "H1"):
        return year - 1, "Q4" if sub == "Q1" else "H2"
    m = re.fullmatch(r"M(\d{1,2})", sub)
    if m:
        month = int(m.group(1))
        return (year, f"M{month - 1}") if month > 1 else (year - 1, "M12")
    return None


# relative periods: the current one, and the one a growth column of each basis is over
_NOW = re.compile(r"^(?:本周|当周|本月|当月|本期|当期|周末|月末|期末)")
_BASES = {"W": re.compile(r"^(?:上周|周初)"), "M": re.compile(r"^(?:上月|月初)"), "Y": re.compile(r"^(?:上年|去年)")}
_REL_GROWTH = {"W": re.compile(r"^(?:周环比|周涨幅|周涨跌幅|周变化|较上周)"),
               "M": re.compile(r"^(?:月环比|月涨幅|月涨跌幅|月变化|较上月)"),
               "Y": re.compile(r"^(?:同比|年同比|较上年|较去年)")}
_LEVEL_WORD = re.compile(r"涨|跌|幅|同比|环比|变化|变动|增|%")


def _relative(head: list[str]) -> list[tuple[int, int, int]]:
    """(current level column, base level column, growth column) of a head named by relative
    periods; nothing when the current period is not one column."""
    labels = [re.sub(r"\s+", "", h) for h in head]
    now = [j for j, h in enumerate(labels) if _NOW.match(h) and not _LEVEL_WORD.search(h)]
    if len(now) != 1:
        return []
    out = []
    for basis, base_re in _BASES.items():
        bases = [j for j, h in enumerate(labels) if base_re.match(h) and not _LEVEL_WORD.search(h)]
        growths = [j for j, h in enumerate(labels) if _REL_GROWTH[basis].match(h)]
        if len(bases) == 1 and len(growths) == 1:
            out.append((now[0], bases[0], growths[0]))
    return out


def find_table_periods(article: Article) -> list[Check]:
    if "|" not in article.text:
        return []
    rows = table_rows(article.sentences)
    out: list[Check] = []
    for table in markdown_tables(article.text):
        if len(table) < 2:
            continue
        head = table[0]
        for now_j, was_j, g_j in _relative(head):
            out.extend(_column(rows, table, now_j, was_j, g_j, article.label))
        out.extend(_bracketed(rows, table, article.label))
        out.extend(_slash_growths(rows, table, article.label))
        levels: dict[tuple[int, str], int] = {}
        growths: list[tuple[int, str, tuple[int, str]]] = []
        for j, label in enumerate(head):
            key = period_key(label)
            if key is None or key[1] == "Y" and not re.search(r"(?:19|20)\d{2}", label):
                continue
            basis = "同比" if "同比" in label else "环比" if "环比" in label else ""
            if basis:
                growths.append((j, basis, key))
            elif not _NOT_LEVEL.search(label):
                if key in levels:
                    levels = {}  # two columns of one period: which is meant is unknown
                    break
                levels[key] = j
        for j, basis, key in growths:
            base = _before(key, basis)
            if key not in levels or base not in levels:
                continue
            out.extend(_column(rows, table, levels[key], levels[base], j, article.label))
    return out


# a growth column named by no period: "| 指标 | 2025E | 2026E | 同比增速 |", "| 同比变化 |"; a change
# named by no basis ("| 2019 年 | 2025 年 | 变化幅度 |", 129) is between the only two year columns
_GROWTH_HEAD = re.compile(r"^\W*(?:同比)?(?:增速|增长率?|增幅|同比|变化|变动|变化幅度|变动幅度)\W*$")
_SPAN_HEAD = re.compile(r"^\W*(?:变化|变动|涨跌)幅度?\W*$")


def _slash_growths(rows: dict[str, Sentence], table: list[list[str]], label: str) -> list[Check]:
    """"| 中国新增装机（GW） | 290 | 250 | 5%/-14% |" under "| 指标 | 2025E | 2026E | 同比增速 |" (323): the
    growth column lists each year's growth in the order of the year columns, so each after the first
    is its year's level over the year before's (the first year's base is not in the table)."""
    head = table[0]
    years = [(key[0], j) for j, lab in enumerate(head) if (key := period_key(lab)) is not None and key[1] == "Y"
             and re.search(r"(?:19|20)\d{2}", lab) and not _NOT_LEVEL.search(lab)]
    growth = [j for j, lab in enumerate(head) if _GROWTH_HEAD.match(lab.replace("*", "").strip())]
    # the growth column after every year column (265's "| 2024 年数据 | 同比增速 | 2025 年预测 |" gives 2024's)
    span = len(growth) == 1 and len(years) == 2 and bool(_SPAN_HEAD.match(head[growth[0]].replace("*", "").strip()))
    if len(years) < 2 or len(growth) != 1 or growth[0] < years[-1][1] \
            or not span and any(b[0] != a[0] + 1 for a, b in zip(years, years[1:], strict=False)):
        return []
    g_j, out = growth[0], []
    for cells in table[1:]:
        if g_j >= len(cells) or _RATE_ROW.search(cells[0]) or max(j for _, j in years) >= len(cells):
            continue
        parts = [x.strip() for x in cells[g_j].split("/")]
        row = row_sentence(rows, cells)
        if row is None or len(parts) not in (1, len(years)):
            continue
        # one growth with two years is the second year's; a list has one per year
        pairs = [(len(years) - 1, parts[0])] if len(parts) == 1 and len(years) == 2 else list(enumerate(parts))[1:]
        for i, part in pairs:
            now, was, written = cell_interval(cells[years[i][1]], _LEVEL), cell_interval(cells[years[i - 1][1]], _LEVEL), \
                cell_interval(part, _PERCENT)
            if now is None or was is None or written is None or was.lo <= 0:
                continue
            chk = interval_check(
                (now / was - Interval(1, 1)).scale(100), written, kind="growth", stated=part,
                inputs=[cells[years[i - 1][1]].strip(), cells[years[i][1]].strip()],
                relation=f"({cells[years[i][1]].strip()}/{cells[years[i - 1][1]].strip()} - 1) = {part} (table: "
                         f"{cells[0].strip()}, {head[years[i][1]].strip()} over {head[years[i - 1][1]].strip()})",
                sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text])
            chk.article = label
            out.append(chk)
    return out


def _column(rows: dict[str, Sentence], table: list[list[str]], now_j: int, was_j: int, g_j: int,
            label: str) -> list[Check]:
    """Each row's growth (or change) column against its two level columns."""
    out = []
    for cells in table[1:]:
        chk = _row(rows, cells, now_j, was_j, g_j, table[0][g_j].strip(), table[0][now_j])
        if chk is not None:
            chk.article = label
            out.append(chk)
    return out


# a cell holding a level and its growth: "6.07 万元 / 吨（-28.8%）", "1600 万辆（+24.43%）"; a bracket that
# names another period ("（Q1+18.12%）", "（1-4 月 + 40.16%）") is not the column's growth
_LEVEL_GROWTH = re.compile(r"^\s*(?P<v>[-+]?\d+(?:\.\d+)?)\s*(?P<u>[^\d（()）%]{0,10}?)\s*[（(]\s*(?:同比)?\s*"
                           r"(?P<g>[+\-−－]?\s*\d+(?:\.\d+)?\s*%)\s*[）)]\s*$")
_LEVEL_CELL = re.compile(r"^\s*(?P<v>[-+]?\d+(?:\.\d+)?)\s*(?P<u>[^\d（()）%]{0,10}?)\s*(?:[（(][^）)]*[）)])?\s*$")


_FORECAST_HEAD = re.compile(r"预测|预计|预期|\d\s*E(?![A-Za-z])")


def _bracketed(rows: dict[str, Sentence], table: list[list[str]], label: str) -> list[Check]:
    """"| 碳酸锂价格 | 8.53 万元 / 吨 | 6.07 万元 / 吨（-28.8%） |" under "| 2024 年 | 2025 年预测 |" (194): a
    level's bracketed growth over the level of the year before in the column before it, or
    before the columns of parts of its year between them."""
    head = table[0]
    out: list[Check] = []
    keys = [period_key(h) for h in head]
    for j in range(2, len(head)):
        now = keys[j]
        if now is None or now[1] != "Y":
            continue
        # the year before's column, right before it or past a column of a part of the year
        # ("| 2024 年 | 2025Q1 | 2025 年预测 |", 211)
        base = _before(now, "同比")
        was = [k for k in range(1, j) if keys[k] == base]
        if len(was) != 1 or not all(keys[k] is not None and keys[k] != now for k in range(was[0] + 1, j)):
            continue
        i = was[0]
        for cells in table[1:]:
            if j >= len(cells) or _RATE_ROW.search(cells[0]):
                continue
            m, w = _LEVEL_GROWTH.match(cells[j].replace(",", "")), _LEVEL_CELL.match(cells[i].replace(",", ""))
            row = row_sentence(rows, cells)
            if m is None or w is None or row is None or re.sub(r"\s", "", m.group("u")) != re.sub(r"\s", "", w.group("u")):
                continue
            a = cell_interval(m.group("v"), _NUMBER, rounded=bool(_FORECAST_HEAD.search(head[j])))
            b = cell_interval(w.group("v"), _NUMBER)
            written = cell_interval(m.group("g"), _PERCENT)
            if a is None or b is None or written is None or a.lo <= 0 or b.lo <= 0:
                continue
            chk = interval_check(
                (a / b - Interval(1, 1)).scale(100), written, kind="growth", stated=m.group("g").strip(),
                inputs=[w.group("v"), m.group("v")],
                relation=f"({m.group('v')}/{w.group('v')} - 1) = {m.group('g').strip()} (table: {cells[0].strip()}, "
                         f"{head[j].strip()} over {head[i].strip()})",
                sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
            )
            chk.article = label
            out.append(chk)
    return out


_MAGNITUDE = {"百万": 1e6, "千万": 1e7, "万": 1e4, "亿": 1e8, "千": 1e3, "": 1.0}
_HEAD_UNIT = re.compile(r"[（(]\s*(百万|千万|万|亿|千)?([^）)]*)[）)]")


def _unit_factor(level_label: str, change_label: str) -> float | None:
    """How many of the change column's units one level unit is ("需求（百万桶 / 日）" against "同比增量
    （万桶 / 日）": 100); None when the two name different units."""
    a, b = _HEAD_UNIT.search(level_label), _HEAD_UNIT.search(change_label)
    if a is None or b is None:
        return 1.0 if a is None and b is None else None
    if re.sub(r"\s", "", a.group(2)) != re.sub(r"\s", "", b.group(2)):
        return None
    return _MAGNITUDE[a.group(1) or ""] / _MAGNITUDE[b.group(1) or ""]


def _row(rows: dict[str, Sentence], cells: list[str], now_j: int, was_j: int, g_j: int, label: str,
         level_label: str = "") -> Check | None:
    if max(now_j, was_j, g_j) >= len(cells) or _RATE_ROW.search(cells[0]):
        return None
    row = row_sentence(rows, cells)
    now, was = cell_interval(cells[now_j], _LEVEL), cell_interval(cells[was_j], _LEVEL)
    written = cell_interval(cells[g_j], _PERCENT)
    amount = written is None and _AMOUNT_HEAD.search(label) is not None
    if amount:
        written = cell_interval(cells[g_j], _NUMBER)
    if row is None or now is None or was is None or written is None or now.lo <= 0 or was.lo <= 0:
        return None
    if amount:
        factor = _unit_factor(level_label, label)
        if factor is None:
            return None
        return interval_check(
            (now - was).scale(factor), written, kind="change", stated=cells[g_j].strip(), inputs=[cells[now_j].strip(), cells[was_j].strip()],
            relation=f"{cells[now_j].strip()} - {cells[was_j].strip()} = {cells[g_j].strip()} (table: {cells[0].strip()}, {label})",
            sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
        )
    got = (now / was - Interval(1, 1)).scale(100)
    return interval_check(
        got, written, kind="growth", stated=cells[g_j].strip(), inputs=[cells[was_j].strip(), cells[now_j].strip()],
        relation=f"({cells[now_j].strip()}/{cells[was_j].strip()} - 1) = {cells[g_j].strip()} (table: {cells[0].strip()}, {label})",
        sentence=row.text, sentence_id=row.id, paragraph=row.paragraph, input_sentences=[row.text],
    )
