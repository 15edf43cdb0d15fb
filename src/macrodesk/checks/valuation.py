"""Valuation tables (EPS, PE, price by year): the PE of each year against price / EPS, and the
Markdown table reader the other table checks share."""

from __future__ import annotations

import functools
import re

from macrodesk.checks.intervals import Interval, consensus
from macrodesk.checks.judging import Check, confirm_only, fmt, judge, unverifiable
from macrodesk.checks.tokens import Para, Tok, build_para
from macrodesk.models import Sentence

# ---------------------------------------------------------------- valuation tables

_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
EPS_HEAD = re.compile(r"EPS|每股收益", re.I)
PE_HEAD = re.compile(r"(?<![A-Za-z])P\s*/?\s*E(?![A-Za-z])|市盈率")
# "2025E", "2024A", "2025"; a two-digit year only with its A/E mark ("25E EPS（元）")
_HEAD_YEAR = re.compile(r"((?:19|20)\d{2})\s*([AE])?|(?<![\d.])(\d{2})\s*([AE])(?![A-Za-z])")


# a full date in a label ("2025-07-27 股价", "股价（元） 2025.6.13") dates the price; it names no year column
_DATE = re.compile(r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?")


_CELL_VALUE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(?:元|倍|x|X)?\s*")


def _head_year(label: str) -> tuple[int, str] | None:
    """(year, "A"/"E"/"") a column label names."""
    m = _HEAD_YEAR.search(_DATE.sub(" ", label))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1)), m.group(2) or ""
    return 2000 + int(m.group(3)), m.group(4)
# the share price the table is computed at ("股价（元）", "收盘价（07-11）", "昨收盘"), never 目标价
_PRICE_HEAD = re.compile(r"股价|收盘")
# a target price, a move or a value, not the price the PEs are computed at
_NOT_PRICE = re.compile(r"目标|涨|跌|幅|%|变动|市值|评级")
# a PE table is priced at a date the text does not give, and per-share earnings are rounded
# to cents: a few percent between the columns is the price or rounding, not an error
PE_SLACK = 0.05
# an actual year's PE is often priced at that year's close, which may lie far from today's.
# Measured over the corpus' valuation tables (132 rows with an A year and forecasts that agree
# within 10%): actual/forecast price within 1.05x in 105, 1.1x 113, 1.2x 119, 1.3x 122, 1.5x
# 123, 2x 128. Between 1.5x and 2x sit garbled rows (283, 346 百联股份) but also a correct one:
# 346 毛戈平 (HK IPO in December 2024) 1.80 × 29.31 = 52.76 at 2024's close against 2.36 ×
# 38.02 = 89.73 = today's HK$98.30, 1.70x. No band under 2x refutes without that false alarm.
_ACTUAL_SLACK = 1.0
# forecast years of a row without its own price, once two of them agree on the price within
# rounding: one price today, so only the cents of EPS and PE are loose (intervals take them), as
# against a row's own close (225: 2025E 1.47 × 21.68 = 31.87 against 30.5 from 2026E and 2027E)
_FORECAST_SLACK = 0.0
# what a check against that band says; `find_valuation_relations` counts the rows that carry it
_ACTUAL_NOTE = "an actual year's close may differ by up to 2x"


# cached for the article being checked: the valuation, table-share and table-grid finders each
# read its tables (callers only read the rows, never change them)
@functools.lru_cache(maxsize=2)
def markdown_tables(text: str) -> list[list[list[str]]]:
    """The Markdown tables of a text as rows of cells, empty cells kept (a header cell spanning
    the empty ones after it: "| EPS（元） |  |  | PE |  |  |")."""
    from macrodesk.segment import strip_markup

    tables: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for line in text.split("\n") + [""]:
        if _MD_ROW.match(line):
            if not _MD_SEP.match(line):
                cur.append([strip_markup(c).strip() for c in line.strip().strip("|").split("|")])
            continue
        if cur:
            tables.append(cur)
            cur = []
    return tables


def column_labels(header_rows: list[list[str]], width: int) -> list[str]:
    labels = [""] * width
    for r, row in enumerate(header_rows):
        fill = ""
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            # an empty cell spans from the left, unless the row above names a column of its own
            # there (178: "PB", "收盘价（元）" beside a years row that ends on "2026E")
            above = header_rows[r - 1][j] if r and j < len(header_rows[r - 1]) else ""
            fill = cell or (fill if j and not above else "")
            labels[j] += " " + fill
    return [x.strip() for x in labels]


# a cell holding one unsigned number and nothing else ("1.4", a bold "**1.4**" once its markup is gone)
PLAIN_CELL = re.compile(r"^\s*(\d+(?:\.(\d+))?)\s*$")


def cell_interval(cell: str, pattern: re.Pattern[str], *, rounded: bool = False) -> Interval | None:
    """The values a table cell written at its precision stands for (group 1 the number, group 2 its
    decimals); None for a bound ("120+"), a range or words. `rounded`: a forecast's "19000" (亿元)
    is rounded to its last non-zero digit, as a figure in the text is (intervals.precision_unit);
    a price quoted at 7000 元 / 吨 is not."""
    m = pattern.match(cell.replace(",", ""))
    if m is None:
        return None
    x = float(m.group(1).replace(" ", "").replace("−", "-").replace("－", "-"))
    half = 0.5 * 10 ** -len(m.group(2) or "")
    n = int(abs(x)) if rounded and not m.group(2) and abs(x) >= 1000 else 0
    while n and n % 10 == 0:
        n //= 10
        half *= 10
    return Interval(x - half, x + half)


_SPACES = re.compile(r"\s+")


def table_rows(sentences: list[Sentence]) -> dict[str, Sentence]:
    """The table-row sentences among `sentences` by their text without spaces, for `row_sentence`."""
    return {_SPACES.sub("", s.text): s for s in sentences if s.kind == "table"}


def row_sentence(rows: dict[str, Sentence], cells: list[str]) -> Sentence | None:
    """The sentence a Markdown row was read into: its non-empty cells joined by commas."""
    return rows.get(_SPACES.sub("", "，".join(c for c in cells if c)))


def _cell_value(cell: str) -> float | None:
    # a price cell may carry its unit ("10.3 元"), a PE its mark ("9.9x")
    m = _CELL_VALUE.fullmatch(cell)
    return float(m.group(1)) if m else None


def _header_row(cells: list[str]) -> bool:
    """No figure but years: "|  |  |  | 2024 | 2025E | 2026E | 2024 |" heads the columns."""
    return not any(_cell_value(c) is not None and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", c) for c in cells[1:])


def _realign(header_rows: list[list[str]], labels: list[str]) -> list[str]:
    """A two-row head whose upper row names fewer spans than its lower row has year runs ("EPS | PE |
    |  |" over "2024 | 2025E | 2026E | 2024 | 2025E | 2026E", 399): each run of years belongs to the
    metric named in turn, wherever the export put the upper cells."""
    if len(header_rows) < 2:
        return labels
    low = header_rows[-1]
    cols = [j for j, c in enumerate(low) if _head_year(c)]
    runs: list[list[int]] = []
    for j in cols:
        y = _head_year(low[j])
        if runs and runs[-1][-1] == j - 1 and y and y[0] > (_head_year(low[runs[-1][-1]]) or (0, ""))[0]:
            runs[-1].append(j)
        else:
            runs.append([j])
    metrics = [c for row in header_rows[:-1] for c in row if EPS_HEAD.search(c) or PE_HEAD.search(c)]
    if len(runs) < 2 or len(runs) != len(metrics):
        return labels
    out = list(labels)
    for run, metric in zip(runs, metrics, strict=True):
        for j in run:
            out[j] = f"{metric} {low[j]}"
    return out


# a cell holding a value per year: "2024A:0.90/2025E:0.78", "2024A:7.31；2025E:9.38；2026E:8.88" (94, 115)
# ("2024 年 2.90、2025 年 2.95", 291; "2024 年 0.39，2025E0.74，2026E0.82", 299; "2024 年 - 0.44")
_ITEM = r"((?:19|20)\d{2}(?:\s*[AE](?![A-Za-z]))?)\s*(?:[:：]|年\s*[:：]?|(?<=[AE]))\s*(-?\s*\d+(?:\.\d+)?)"
_YEAR_ITEM = re.compile(_ITEM)
# one year alone only with its A/E mark and a colon ("2025E:1.57", 96): a bare "2025 年 11" is no list
_YEAR_CELL = re.compile(rf"\s*(?:(?:{_ITEM}\s*[；;/，,、]?\s*){{2,}}|(?:19|20)\d{{2}}\s*[AE]\s*[:：]\s*-?\s*\d+(?:\.\d+)?\s*)")


def year_cells(body: list[list[str]], labels: list[str]) -> dict[int, tuple[int, str]]:
    """Columns whose every cell lists its years' values become one virtual column per year:
    index -> (the real column, the year as written); their labels are appended to `labels`."""
    virtual: dict[int, tuple[int, str]] = {}
    for j in range(len(labels)):
        cells = [r[j] for r in body if j < len(r) and r[j]]
        if not cells or not all(_YEAR_CELL.fullmatch(c) for c in cells):
            continue
        for year in dict.fromkeys(m.group(1) for c in cells for m in _YEAR_ITEM.finditer(c)):
            virtual[len(labels)] = (j, year)
            # "2024" alone names no period for the frames; "2024 年" does
            labels.append(f"{labels[j]} {year}" + ("" if year[-1] in "AE" else " 年"))
    return virtual


def year_value(cell: str, year: str) -> re.Match[str] | None:
    """Where a year-list cell writes the value of `year` (group 2), None when it lists no such year."""
    return next((m for m in _YEAR_ITEM.finditer(cell) if m.group(1) == year), None)


def find_valuation_relations(text: str, rows: list[Sentence]) -> list[Check]:
    """A valuation table (EPS and PE of the same years, one company per row) prices each row
    once: EPS × PE is the share price in every year. The PE of each year is recomputed from the
    price the anchor year gives (the year marked A, else the last year), a derived relation."""
    by_text = table_rows(rows)
    out: list[Check] = []
    for table in markdown_tables(text):
        width = max(len(r) for r in table)
        nhead = 0
        while nhead < len(table) and _header_row(table[nhead]):
            nhead += 1
        if nhead == 0 or nhead == len(table):
            continue
        labels = _realign(table[:nhead], column_labels(table[:nhead], width))
        virtual = year_cells(table[nhead:], labels)
        eps: dict[int, int] = {}
        pe: dict[int, tuple[int, bool]] = {}  # year -> (column, marked E)
        for j, lab in enumerate(labels):
            ym = _head_year(lab)
            if not ym:
                continue
            year = ym[0]
            if EPS_HEAD.search(lab) and not PE_HEAD.search(lab):
                eps.setdefault(year, j)
            elif PE_HEAD.search(lab) and not EPS_HEAD.search(lab):
                pe.setdefault(year, (j, ym[1] == "E"))
        years = sorted(set(eps) & set(pe))
        close = next((j for j, lab in enumerate(labels)
                      if _PRICE_HEAD.search(lab) and not _NOT_PRICE.search(lab) and not _head_year(lab)), None)
        # one year's PE is checked only against the table's own price (121: "PE（2024）")
        if len(years) < (1 if close is not None else 2):
            continue
        body = [(sent, cells) for cells in table[nhead:] if (sent := row_sentence(by_text, cells)) is not None]
        got = [_valuation_row(sent, cells, eps, pe, years, labels, close, virtual=virtual) for sent, cells in body]
        # how this table prices its actual years: when most rows' actual-year PEs sit at the
        # table's own price (399: 众生, 一品红, 益丰, 汇宇 within rounding), it prices them all there,
        # and a row 12% off (百洋医药 18.40 for 16.36) is an error, not another year's close
        actual = [c for checks in got for c in checks if _ACTUAL_NOTE in c.relation]
        today = sum(c.verdict == "consistent" for c in actual)
        away = sum(c.verdict != "consistent" for c in actual)
        if today >= 3 and away and today >= away:
            got = [_valuation_row(sent, cells, eps, pe, years, labels, close, actual_today=today, virtual=virtual)
                   for sent, cells in body]
        checks = [c for row in got for c in row]
        if _repeating(table[nhead:], [j for j, _ in pe.values()]):
            # "| 5.14 |" down three rows of different EPS (336): a column of placeholders, not PEs
            checks = [confirm_only(c, "a PE column repeats one value down its rows: not read as PEs")
                      for c in checks]
        out.extend(checks)
    return out


def _repeating(body: list[list[str]], columns: list[int]) -> bool:
    """Whether a column repeats one figure of three or more digits in three or more rows: rounded
    PEs ("8", "13") may repeat down a sector's rows, but not "5.14" and "7.33" three times each."""
    for j in columns:
        values = [r[j].strip() for r in body if j < len(r) and _cell_value(r[j]) is not None]
        if any(values.count(v) >= 3 and sum(ch.isdigit() for ch in v) >= 3 for v in set(values)):
            return True
    return False


def _valuation_row(sent: Sentence, cells: list[str], eps: dict[int, int],
                   pe: dict[int, tuple[int, bool]], years: list[int], labels: list[str],
                   close: int | None = None, actual_today: int = 0,
                   virtual: dict[int, tuple[int, str]] | None = None) -> list[Check]:
    """Forecast (E) PEs of one row are computed at today's price, so EPS × PE agrees across
    them within rounding; the first forecast year gives that price. An actual (A) year's PE may
    be priced at that year's close: it gives a price too, but only a gap beyond a factor of two
    refutes the first forecast PE against it. Without A/E marks every year is one price, the
    last year its anchor."""
    para = build_para(sent.paragraph, [sent])
    # the row's non-empty cells, in order, are the comma-joined parts of its sentence
    bounds, pos = {}, 0
    for j, c in enumerate(cells):
        if c:
            bounds[j] = (pos, pos + len(c))
            pos += len(c) + 1

    def tok(j: int) -> Tok | None:
        if virtual and j in virtual:
            cj, year = virtual[j]
            m = year_value(cells[cj], year) if cj in bounds else None
            if m is None:
                return None
            lo, hi = bounds[cj][0] + m.start(2), bounds[cj][0] + m.end(2)
        elif j not in bounds or _cell_value(cells[j]) is None:
            return None
        else:
            lo, hi = bounds[j]
        inside = [t for t in para.toks if lo <= t.fig.start < hi]
        if len(inside) != 1:
            return None
        iv = inside[0].interval()
        return inside[0] if iv.lo > 0 or iv.hi < 0 else None

    # a loss gives a negative PE of the same sign (399: 16.63 / −0.35 = −47.51); a PE written as "-"
    # or of the other sign is no ratio of these cells
    row = {y: (e, p) for y in years if (e := tok(eps[y])) is not None and (p := tok(pe[y][0])) is not None
           and (e.interval().lo > 0) == (p.interval().lo > 0)}
    # among E-marked years, a year without the mark (2024A, 2024) is an actual one
    marked = any(pe[y][1] for y in years)
    forecast = [y for y in row if pe[y][1]] if marked else list(row)
    actual = [y for y in row if not pe[y][1]] if marked else []
    pairs: list[tuple[int, int, float]] = []  # (price year, stated year, slack)
    if forecast:
        anchor, slack = forecast[0] if marked else forecast[-1], PE_SLACK
        if marked and len(forecast) >= 3:
            # the year whose price most other forecast years share within rounding prices them all
            best, sharing = consensus([row[y][0].interval() * row[y][1].interval() for y in forecast])
            if sharing >= 1:
                anchor, slack = forecast[best], _FORECAST_SLACK
        pairs += [(anchor, y, slack) for y in forecast if y != anchor]
        pairs += [(y, forecast[0], _ACTUAL_SLACK) for y in actual]
    out = []
    for py, sy, slack in pairs:
        e0, p0 = row[py]
        e, p = row[sy]
        price = e0.interval() * p0.interval()
        iv = p.interval(result=False)
        stated = Interval(iv.lo / (1 + slack), iv.hi * (1 + slack))
        why = {PE_SLACK: "within 5%", _FORECAST_SLACK: "one price today"}.get(slack, _ACTUAL_NOTE)
        readings = [(f"{e0.text} × {p0.text} / {e.text} = {p.text} (price {fmt(price.mid)} from {py}, "
                     f"{why}; table: {labels[pe[sy][0]]})", price / e.interval())]
        chk = judge(para, "ratio", p, [e0, p0, e], readings, magnitude=False, stated_iv=stated)
        if chk.verdict == "inconsistent" and min(e0.interval().hi, e.interval().hi) < 0:
            # a price read off a loss year, or a PE of a loss, may rest on another year's close
            chk = unverifiable(para, "ratio", p, [e0, p0, e], readings[0][0],
                               "a loss year's PE may be priced at another close")
        if slack == _ACTUAL_SLACK and chk.verdict == "consistent":
            # inside the loose band that refutes, but only the tight one confirms
            tight = Interval(iv.lo / (1 + PE_SLACK), iv.hi * (1 + PE_SLACK))
            if judge(para, "ratio", p, [e0, p0, e], readings, magnitude=False,
                     stated_iv=tight).verdict != "consistent":
                chk = unverifiable(para, "ratio", p, [e0, p0, e], readings[0][0],
                                   "an actual year's PE may be priced at that year's close")
        chk.derived = True
        out.append(chk)
    # a row quoted in Hong Kong or in the US (the two markets' marks, read once)
    row_text = "|".join(cells)
    hong_kong, us = bool(_HK_ROW.search(row_text)), bool(_US_ROW.search(row_text))
    foreign = hong_kong or us
    if foreign:
        # a row quoted in HK$ or US$ against EPS in 元: its PEs are priced in a currency the table
        # does not convert, so a careful reader leaves them unverifiable (530's annotator: "needs an
        # unstated HKD/CNY rate"); years that disagree with each other still refute (336's rows)
        for i, agreed in enumerate(out):
            if agreed.verdict == "consistent":
                (py, sy, _), pe_tok = pairs[i], row[pairs[i][1]][1]
                out[i] = unverifiable(para, "ratio", pe_tok, [*row[py], row[sy][0]], agreed.relation,
                                      "quoted in another currency: the PEs agree with each other, "
                                      "the price they stand for is not in 元")
                out[i].derived = True
    price_tok = tok(close) if close is not None else None
    converted: list[Check] = []  # (kept apart: `_forecast_clash` pairs `out` with the pairs of years)
    if price_tok is not None and hong_kong and not us and marked and forecast:
        # a Hong Kong row: the price in HK$, its EPS maybe in 元, so a PE is at most the HKD/CNY rate
        # off the price over the EPS (0.8-1.0 for decades); one off by more than a factor of two is no
        # conversion (56: 老铺黄金 826.5 / 4.70 = 176 against the PE 10 written)
        for chk in _priced_row(para, row, forecast, [], price_tok, labels, pe, forecast_slack=_CURRENCY_SLACK):
            if chk.verdict == "inconsistent":
                chk.note = "quoted in HK$: off by more than any HKD/CNY rate"
                converted.append(chk)
    if price_tok is not None and not foreign:
        if marked and forecast:
            # the table's own share price prices every forecast year (283: 股价 6.84 against 2025E EPS
            # 2.31 is 2.96x, not the PE 10 written): each PE against it, and no pair of years
            return _priced_row(para, row, forecast, actual, price_tok, labels, pe, actual_today)
        if not marked and row:
            # unmarked years (121: "PE（2024）" in June 2025; 291: "2024 年 10.2、2025 年 8.9") may be
            # actual ones: each against the table's price, refuted beyond 2x unless the table prices
            # its years there (`actual_today`)
            return _priced_row(para, row, [], list(row), price_tok, labels, pe, actual_today)
    # only E-marked years are certainly priced today: unmarked years may hide an actual one
    # (181, June 2025: "2024 PE 21.32" and "2025 PE 12.28" are 1.5x apart, 2024 being past)
    if marked and len(forecast) >= 2:
        out = _forecast_clash(para, row, anchor, pairs, out, labels, pe,
                              tok(close) if close is not None else None)
    return out + converted


# against the table's own price only the cents of EPS and PE are loose (intervals take them): a
# PE 3% off the row's own close is an error to every annotator (172, 178, 291, 478), though the
# author may have priced it a day earlier
_PRICED_SLACK = 0.0
# a row quoted in another market: its price may be in HK$ or US$ while its EPS is in 元
# (HKD and USD hold HK and US)
_HK_ROW = re.compile(r"HK|港|(?<![\d.])0\d{4}(?![\d.])", re.I)
_US_ROW = re.compile(r"US|美元", re.I)
_CURRENCY_SLACK = 1.0  # a factor of two either way


def _priced_row(para: Para, row: dict[int, tuple[Tok, Tok]], forecast: list[int], actual: list[int],
                price: Tok, labels: list[str], pe: dict[int, tuple[int, bool]], actual_today: int = 0,
                forecast_slack: float = _PRICED_SLACK) -> list[Check]:
    """Each PE of a row against the table's share price over that year's EPS: a forecast year's
    within 5% (the price and the cents of EPS rounding; `forecast_slack` when the price's currency
    is not the EPS's), an actual year's, which may be priced at that year's close, refuted only
    beyond a factor of two and confirmed only within 5%."""
    out = []
    for y in forecast + actual:
        e, p = row[y]
        slack = forecast_slack if y in forecast else _PRICED_SLACK if actual_today else _ACTUAL_SLACK
        iv = p.interval(result=False)
        why = ("the table's share price" if y in forecast else
               f"the table's share price: {actual_today} rows price the actual year there"
               if actual_today else f"the table's share price, {_ACTUAL_NOTE}")
        readings = [(f"{price.text} / {e.text} = {p.text} ({why}; table: {labels[pe[y][0]]})",
                     price.interval() / e.interval())]
        chk = judge(para, "ratio", p, [price, e], readings, magnitude=False,
                    stated_iv=Interval(iv.lo / (1 + slack), iv.hi * (1 + slack)))
        if slack == _ACTUAL_SLACK and chk.verdict == "inconsistent" and e.interval().hi < 0:
            # a loss-maker's price may well have doubled since that year's close (203: 益方生物)
            chk = unverifiable(para, "ratio", p, [price, e], readings[0][0],
                               "an actual year's PE of a loss may be priced at that year's close")
        if slack != PE_SLACK and chk.verdict == "consistent" and judge(
                para, "ratio", p, [price, e], readings, magnitude=False,
                stated_iv=Interval(iv.lo / (1 + PE_SLACK), iv.hi * (1 + PE_SLACK))).verdict != "consistent":
            chk = unverifiable(para, "ratio", p, [price, e], readings[0][0],
                               "an actual year's PE may be priced at that year's close")
        chk.derived = False
        out.append(chk)
    return out


def _forecast_clash(para: Para, row: dict[int, tuple[Tok, Tok]], anchor: int,
                    pairs: list[tuple[int, int, float]], checks: list[Check], labels: list[str],
                    pe: dict[int, tuple[int, bool]], close: Tok | None) -> list[Check]:
    """The anchor year's PE is only ever an input of the row's forecast checks: when another
    forecast PE refutes the price it gives, the anchor's PE is as much in the inconsistency as
    that one (北新建材 in 177: 2.16 × 10.03 = 21.66 for 2025E, 3.00 × 16.68 = 50.04 for 2026E),
    unless another year's price agrees with the anchor's within 5% (海螺水泥: 2024A 17.08, 2025E
    17.04, 2026E 23.48 — then 2026E alone is off) or the table's own share price does (346:
    周大生 close 13.37 = 1.03 × 12.98 for 2025E; 2026E's 1.17 × 10.50 = 12.29 is off). The
    actual year's check on the anchor's PE (2x band) is replaced by one that names the prices
    which disagree."""
    clash = [sy for (py, sy, slack), c in zip(pairs, checks, strict=True)
             if py == anchor and slack != _ACTUAL_SLACK and c.verdict == "inconsistent"]
    if not clash or any(c.verdict == "consistent" for (py, sy, _), c in zip(pairs, checks, strict=True)
                        if anchor in (py, sy)):
        return checks
    e0, p0 = row[anchor]
    price0 = e0.interval() * p0.interval()
    if close is not None:
        civ = close.interval()
        if Interval(civ.lo / (1 + PE_SLACK), civ.hi * (1 + PE_SLACK)).overlaps(price0):
            return checks
    actual = [py for py, sy, slack in pairs if sy == anchor and slack == _ACTUAL_SLACK]
    context = "".join(f"; {y}: {row[y][0].text} × {row[y][1].text} = "
                      f"{fmt((row[y][0].interval() * row[y][1].interval()).mid)}, not within 5% of it"
                      for y in actual)
    readings = []
    for y in clash:
        e, p = row[y]
        price = e.interval() * p.interval()
        readings.append((f"{e.text} × {p.text} / {e0.text} = {p0.text} (price {fmt(price.mid)} from {y} "
                         f"against {e0.text} × {p0.text} = {fmt(price0.mid)} from {anchor}: the forecast "
                         f"PEs of one row disagree beyond 5%{context}; table: {labels[pe[anchor][0]]})",
                         price / e0.interval()))
    iv = p0.interval(result=False)
    tight = Interval(iv.lo / (1 + PE_SLACK), iv.hi * (1 + PE_SLACK))
    inputs = [t for y in actual for t in row[y]] + [e0] + [t for y in clash for t in row[y]]
    chk = judge(para, "ratio", p0, inputs, readings, magnitude=False, stated_iv=tight)
    if chk.verdict != "inconsistent":
        return checks
    chk.derived = True
    # one check on the anchor's PE: the actual years' checks on it are the context of this one
    return [c for (py, sy, _), c in zip(pairs, checks, strict=True) if sy != anchor] + [chk]
