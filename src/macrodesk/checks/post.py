"""The post checker: finds every defect of a research post against the digest format (front
matter, headings, ten items, tables), its ETFs against the registry, stray scripts and English,
near-duplicate items and, given the sources, figures no source sentence holds."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

from macrodesk import etf, spec
from macrodesk.errors import visible
from macrodesk.figures import extract_figures
from macrodesk.lexicon import find_themes, themes
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.reading.standalone import glued_figures, lost_referent
from macrodesk.text.similarity import char_bigrams, near_duplicate

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    kind: str  # front_matter, heading_missing, etf_unknown, figure_untraced...
    line: int  # 1-based line of the post; 0 when the defect is an absence
    message: str
    severity: Severity = "error"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "post"
        return visible(f"{where}: {self.kind} [{self.severity}] {self.message}")


def has_defects(findings: Iterable[Finding]) -> bool:
    """Whether any finding is a defect (an `info` finding, such as a derived figure, is not)."""
    return any(f.severity != "info" for f in findings)


# ---------------------------------------------------------------------------------------------
# the post as lines

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPH = re.compile(r"\*\*|__")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Post:
    lines: list[str]  # the whole file, index 0 is line 1
    body_start: int  # index of the first line after the front matter
    headings: list[tuple[int, int, str]]  # (line number, level, text)

    def section(self, line: int) -> list[tuple[int, str]]:
        """The lines under the heading at `line`, up to the next heading of any level."""
        out = []
        for i in range(line, len(self.lines)):
            if _HEADING.match(self.lines[i]):
                break
            out.append((i + 1, self.lines[i]))
        return out


def _parse(text: str) -> _Post:
    lines = text.replace("\r\n", "\n").split("\n")
    body_start = spec.front_matter_span(lines)
    headings = []
    fence = False
    for i in range(body_start, len(lines)):
        if lines[i].lstrip().startswith("```"):
            fence = not fence
        m = None if fence else _HEADING.match(lines[i])
        if m:
            headings.append((i + 1, len(m.group(1)), m.group(2)))
    return _Post(lines, body_start, headings)


# ---------------------------------------------------------------------------------------------
# front matter

_FM_KEYS = spec.FRONT_MATTER_KEYS
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*):\s?(.*)$")
_STAMP = re.compile(r'^"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) ([+-]\d{4})"$')
_TITLE = re.compile(r'^"macr_research_(\d{4}-\d{2}-\d{2})"$')


def _check_front_matter(post: _Post) -> list[Finding]:
    if not post.lines or post.lines[0].strip() != "---":
        return [Finding("front_matter", 1, "the post must open with a '---' front matter block "
                        "holding layout, title, date and posttime")]
    if post.body_start == 0:
        return [Finding("front_matter", 1, "the front matter block is never closed by '---'")]
    found: list[tuple[int, str, str]] = []
    out: list[Finding] = []
    for i in range(1, post.body_start - 1):
        m = _FM_LINE.match(post.lines[i])
        if m:
            found.append((i + 1, m.group(1), m.group(2).strip()))
        elif post.lines[i].strip():
            out.append(Finding("front_matter", i + 1, f"not a 'key: value' line: {post.lines[i]!r}"))
    keys = [k for _, k, _ in found]
    for key in _FM_KEYS:
        if key not in keys:
            out.append(Finding("front_matter", 1, f"front matter key '{key}' is missing"))
    if keys[:4] != list(_FM_KEYS) and all(k in keys for k in _FM_KEYS):
        out.append(Finding("front_matter", found[0][0], "the first keys must be layout, title, date, "
                           f"posttime in this order (found {', '.join(keys[:4])})"))
    seen: set[str] = set()
    for line, key, value in found:
        if key in seen:
            out.append(Finding("front_matter", line, f"key '{key}' appears twice"))
        seen.add(key)
        if key == "layout" and value.strip('"') != "post":
            out.append(Finding("front_matter", line, f"layout must be post, not {value}"))
        elif key == "title":
            m = _TITLE.match(value)
            if not m:
                out.append(Finding("front_matter", line,
                                   f'title must be "macr_research_YYYY-MM-DD" in double quotes, not {value}'))
            elif not _valid(m.group(1), "%Y-%m-%d"):
                out.append(Finding("front_matter", line, f"title holds an impossible date {m.group(1)}"))
        elif key in ("date", "posttime"):
            m = _STAMP.match(value)
            if not m:
                out.append(Finding("front_matter", line, f'{key} must be "YYYY-MM-DD HH:MM:SS +0800" '
                                   f"in double quotes, not {value}"))
            elif not _valid(m.group(1), "%Y-%m-%d %H:%M:%S"):
                out.append(Finding("front_matter", line, f"{key} holds an impossible time {m.group(1)}"))
    return out


def _valid(value: str, fmt: str) -> bool:
    try:
        datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# headings

H1_SUFFIX = spec.HEADLINE_SUFFIX
REQUIRED_HEADINGS = spec.HEADINGS


def _find_headings(post: _Post) -> tuple[dict[str, int], list[Finding]]:
    """Line of each required heading (when present verbatim) and the heading defects."""
    out: list[Finding] = []
    where: dict[str, int] = {}
    h1 = [h for h in post.headings if h[1] == 1]
    if not h1:
        out.append(Finding("heading_missing", 0, f"no title heading '# <headline>{H1_SUFFIX}'"))
    elif not h1[0][2].endswith(H1_SUFFIX) or not h1[0][2][: -len(H1_SUFFIX)].strip():
        out.append(Finding("heading_text", h1[0][0],
                           f"the title heading must read '# <headline>{H1_SUFFIX}', not '# {h1[0][2]}'"))
    required = {text for _, text in REQUIRED_HEADINGS}
    spare = [h for h in post.headings if h[2] not in required and h[1] > 1]
    for level, text in REQUIRED_HEADINGS:
        exact = [h for h in post.headings if h[2] == text]
        if exact:
            where[text] = exact[0][0]
            if exact[0][1] != level:
                out.append(Finding("heading_text", exact[0][0],
                                   f"'{text}' must be a level-{level} heading ({'#' * level} {text})"))
            continue
        best = max(spare, key=lambda h: difflib.SequenceMatcher(None, h[2], text).ratio(), default=None)
        if best is not None and difflib.SequenceMatcher(None, best[2], text).ratio() >= 0.6:
            spare.remove(best)
            where[text] = best[0]
            out.append(Finding("heading_text", best[0],
                               f"heading '{best[2]}' must read verbatim '{'#' * level} {text}'"))
        else:
            out.append(Finding("heading_missing", 0, f"required heading '{'#' * level} {text}' is missing"))
    order = [(where[t], t) for _, t in REQUIRED_HEADINGS if t in where]
    for (a, ta), (b, tb) in zip(order, order[1:], strict=False):
        if b < a:
            out.append(Finding("heading_order", b, f"'{tb}' must come after '{ta}'"))
    return where, out


_STEP = re.compile(r"^第[一二三四五六七八九十]+步[：:]\s*\S")
_BLOCKS = ((spec.LOGIC, spec.CORE_LOGIC), (spec.SECTORS, spec.ALLOCATION))


def _check_blocks(post: _Post, where: dict[str, int]) -> list[Finding]:
    """The step headings of section 2 and the two bold-quoted conclusions the format requires."""
    out = []
    start = where.get(spec.LOGIC)
    if start:
        end = where.get(spec.SECTORS, len(post.lines) + 1)
        steps = [h for h in post.headings if start < h[0] < end and h[1] == 4 and _STEP.match(h[2])]
        if not steps:
            out.append(Finding("heading_missing", start, "section 2 needs step headings "
                               "'#### 第一步：<title>', '#### 第二步：...'"))
    for section, label in _BLOCKS:
        line = where.get(section)
        if not line:
            continue
        following = [n for n, level, _text in post.headings if n > line and level <= 3]
        end = following[0] if following else len(post.lines) + 1
        if not any(re.match(rf"^>\s*\*\*{label}\*\*[：:]", post.lines[i]) for i in range(line, end - 1)):
            out.append(Finding("block_missing", line, f"section needs the quoted conclusion "
                               f"'> **{label}**：<one or two sentences>'"))
    return out


# ---------------------------------------------------------------------------------------------
# the ten items

_ITEM = re.compile(r"^(\d+)[.、．]\s*(.*)$")


def _items(post: _Post, where: dict[str, int]) -> list[tuple[int, int, str]]:
    line = where.get(spec.TOP10)
    if not line:
        return []
    out = []
    for n, text in post.section(line):
        if text.strip() == "---":
            break
        m = _ITEM.match(text)
        if m:
            out.append((n, int(m.group(1)), m.group(2).strip()))
    return out


def _check_items(post: _Post, where: dict[str, int], items: list[tuple[int, int, str]]) -> list[Finding]:
    line = where.get(spec.TOP10)
    if not line:
        return []
    out = []
    if len(items) != 10:
        out.append(Finding("item_count", line, f"exactly 10 numbered items are required, found {len(items)}"))
    for pos, (n, number, body) in enumerate(items, start=1):
        if number != pos:
            out.append(Finding("item_count", n, f"item numbered {number} where {pos} belongs"))
        # a trailing kramdown footnote marker ([^3]) cites the item's source (--cite)
        if not re.fullmatch(r"\*\*[^*].*\*\*(\[\^\w+\])?", body):
            out.append(Finding("item_format", n, "each item is one bold fact: '1. **<fact>**'",
                               "warning"))
    return out


_BOLD_SPAN = re.compile(r"\*\*(.+?)\*\*")
_STEP_DASH = re.compile(r"^第[一二三四五六七八九十]+步[：:]\s*[-—–]")


def _check_reading(post: _Post, items: list[tuple[int, int, str]]) -> list[Finding]:
    """Defects a reader sees without the sources: an item that leans on what came before it, a
    figure glued to a following number, bold that Markdown will not render, a step titled '-'."""
    out = []
    for n, _number, body in items:
        lost = lost_referent(body)
        if lost:
            out.append(Finding("item_not_standalone", n, f"the item opens on '{lost}', which points "
                               "back to text the reader of the post never saw; state its subject"))
    for i in range(post.body_start, len(post.lines)):
        line = post.lines[i]
        for g in glued_figures(line):
            out.append(Finding("figure_glued", i + 1, f"'{g}' runs a figure into another number "
                               "(a footnote marker or a lost separator); separate or drop it"))
        for m in _BOLD_SPAN.finditer(line):
            inner = m.group(1)
            if inner != inner.strip():
                out.append(Finding("bold_unrendered", i + 1, f"'{m.group(0)[:20]}' will not render "
                                   "bold: no space may follow the opening or precede the closing **"))
    for n, level, text in post.headings:
        if level == 4 and _STEP_DASH.match(text):
            out.append(Finding("step_title", n, "the step title starts with a dash; give the step a title"))
    return out


def _check_duplicates(groups: Sequence[Sequence[tuple[int, str]]]) -> list[Finding]:
    """Near-duplicates within each group (the ten items; the risks) are errors; a risk that
    restates one of the ten items is a warning: a fact is not a risk, but it misleads no one."""
    out = []
    items, risks = (list(groups) + [[], []])[:2]
    for line_r, r in risks:
        same = next((line_i for line_i, i in items if near_duplicate(i, r)), None)
        if same is not None:
            out.append(Finding("duplicate_item", line_r, f"this risk restates the item on line {same}",
                               "warning"))
    for group in groups:
        for j, (line_b, b) in enumerate(group):
            for line_a, a in group[:j]:
                if near_duplicate(a, b):
                    out.append(Finding("duplicate_item", line_b,
                                       f"repeats the item on line {line_a}: '{_EMPH.sub('', b)[:40]}'"))
                    break
    return out


def _risks(post: _Post, where: dict[str, int]) -> list[tuple[int, str]]:
    line = where.get(spec.RISKS)
    return [(n, m.group(2)) for n, t in post.section(line) if (m := _ITEM.match(t))] if line else []


# ---------------------------------------------------------------------------------------------
# tables and ETFs

TABLE_HEADER = spec.TABLE_HEADER


_cells = spec.split_cells


def _tables(post: _Post, where: dict[str, int]) -> tuple[list[tuple[int, list[str]]], list[Finding]]:
    """Data rows of the two sector tables, and their shape defects."""
    rows: list[tuple[int, list[str]]] = []
    out: list[Finding] = []
    for title, need_rows in ((spec.BULLISH, True), (spec.BEARISH, False)):
        line = where.get(title)
        if not line:
            continue
        table = [(n, t) for n, t in post.section(line) if t.strip().startswith("|")]
        if not table:
            out.append(Finding("table_shape", line, f"no '| 行业 | 逻辑 | 潜在ETF |' table under '{title}'"))
            continue
        head_n, head = table[0]
        if tuple(_cells(head)) != TABLE_HEADER:
            out.append(Finding("table_shape", head_n,
                               f"table header must be '| 行业 | 逻辑 | 潜在ETF |', not '{head.strip()}'"))
        if len(table) < 2 or not _TABLE_SEP.match(table[1][1]):
            out.append(Finding("table_shape", head_n + 1, "the header must be followed by '|------|------|---------|'"))
            body = table[1:]
        else:
            body = table[2:]
        if need_rows and not body:
            out.append(Finding("table_shape", head_n, f"the '{title}' table has no rows"))
        for n, t in body:
            cells = _cells(t)
            if len(cells) != 3:
                out.append(Finding("table_shape", n, f"a row needs 3 cells (行业, 逻辑, 潜在ETF), found {len(cells)}"))
                continue
            if not all(cells):
                out.append(Finding("table_shape", n, "a row has an empty cell"))
            rows.append((n, cells))
    return rows, out


_CN_CODE = re.compile(r"(?<![\d.])(\d{6})(?!\d|\.\d|%)")
_US_TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,5})(?![A-Za-z0-9])")
# upper-case words that are not tickers: acronyms a post uses around fund names
NOT_TICKERS = frozenset({
    "ETF", "ETFS", "LOF", "QDII", "FOF", "REIT", "REITS", "AI", "AIDC", "IDC", "GPU", "HBM", "EV",
    "GDP", "CPI", "PPI", "PMI", "USD", "CNY", "RMB", "HK", "US", "USA", "EU", "UK", "CN", "SH",
    "SZ", "CSI", "MSCI", "FTSE", "SPDR", "THE", "NEV", "IT", "ESG", "TMT", "OPEC", "WTI", "LME",
})
_SPLIT = re.compile(r"[、,，;；/]|(?<=[）)])\s*(?=\S)")


def _row_themes(sector: str, logic: str) -> set[str]:
    # the sector cell names the pick; the logic cell names drivers (AI demand lifting equipment),
    # so it only decides when the sector names no theme
    got = {h.theme for h in find_themes(_EMPH.sub("", sector))}
    return got or {h.theme for h in find_themes(_EMPH.sub("", logic))}


def _describe(fund: etf.Fund) -> str:
    tags = "/".join(themes()[t].zh for t in fund.themes)
    return f"{fund.code} ({fund.name}, tracks {fund.index}; {tags})"


def _etf_mentions(cell: str) -> list[tuple[str, str]]:
    """(code, the label written around it) for each fund named in an ETF cell."""
    found: list[tuple[str, str]] = []
    for part in _SPLIT.split(cell):
        codes = [m.group(1) for m in _CN_CODE.finditer(part)]
        codes += [t for t in (m.group(1) for m in _US_TOKEN.finditer(part))
                  if t not in NOT_TICKERS or etf.lookup(t) is not None]
        label = part
        for c in codes:
            label = label.replace(c, " ")
        label = re.sub(r"国内|海外|相关|承压|受益|利好|利空|[（()）\s*]", "", label)
        found.extend((c, label) for c in codes)
    return found


def _check_etf_cell(line: int, cell: str, wanted: set[str], sector: str) -> list[Finding]:
    out = []
    for code, label in _etf_mentions(cell):
        fund = etf.lookup(code)
        if fund is None:
            what = "A-share ETF code" if code.isdigit() else "ticker"
            out.append(Finding("etf_unknown", line, f"{what} {code} is not in the verified ETF "
                               "registry; cite a registered fund (`macrodesk etf THEME`)"))
            continue
        problems = []
        if wanted and not etf.serves(fund.themes, wanted):
            why = "a broad-market/style fund" if fund.is_broad else "not a fund of this sector"
            problems.append(f"row '{_EMPH.sub('', sector)}' wants "
                            f"{'/'.join(themes()[t].zh for t in sorted(wanted))}; it is {why}")
        said = {h.theme for h in find_themes(label)} if label else set()
        own = {h.theme for h in find_themes(fund.name + fund.short_name)}
        if said and not etf.serves(fund.themes, said) and not said <= own:
            problems.append(f"the post calls it '{label}', which it is not")
        if problems:
            out.append(Finding("etf_theme_mismatch", line, f"{_describe(fund)}: " + "; ".join(problems)))
    return out


_PROSE_CODE = re.compile(r"ETF\s*[（(]\s*(\d{6})\s*[)）]|(?<!\d)(\d{6})\.(?:SH|SZ|OF)\b")


def _check_etfs(post: _Post, rows: list[tuple[int, list[str]]]) -> list[Finding]:
    out = []
    table_lines = {n for n, _ in rows}
    for n, (sector, logic, cell) in rows:
        out += _check_etf_cell(n, cell, _row_themes(sector, logic), sector)
    for i in range(post.body_start, len(post.lines)):
        if i + 1 in table_lines:
            continue
        for m in _PROSE_CODE.finditer(post.lines[i]):
            code = m.group(1) or m.group(2)
            if etf.lookup(code) is None:
                out.append(Finding("etf_unknown", i + 1, f"ETF code {code} is not in the verified registry"))
    return out


# ---------------------------------------------------------------------------------------------
# scripts and English

_FOREIGN = [
    ("Cyrillic", r"\u0400-\u052f"), ("Greek", r"\u0370-\u03ff"), ("Hebrew", r"\u0590-\u05ff"),
    ("Arabic", r"\u0600-\u06ff\u0750-\u077f"), ("Devanagari", r"\u0900-\u097f"), ("Thai", r"\u0e00-\u0e7f"),
    ("Hangul", r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"), ("Japanese kana", r"\u3040-\u30fa\u30fc-\u30ff"),
]
_FOREIGN_RE = re.compile("|".join(f"(?P<s{i}>[{rng}]+)" for i, (_, rng) in enumerate(_FOREIGN)))
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_.@/\\-])([A-Za-z][A-Za-z'-]*[A-Za-z])(?![A-Za-z0-9_])")
_URL = re.compile(r"https?://\S+|`[^`]*`|\]\([^)]*\)")
# lower-case Latin that Chinese finance prose uses as is: units and ratios
ALLOWED_LOWER = frozenset({
    "bp", "bps", "pp", "ppt", "pct", "pcts", "yoy", "qoq", "mom", "ytd", "vs", "kg", "km", "mm", "cm",
    "nm", "kw", "kwh", "mw", "mwh", "gw", "gwh", "tw", "twh", "wh", "mah", "ml", "mbtu", "ev",
})
# capitalised words that are plain English rather than a name
COMMON_ENGLISH = frozenset({
    "tech", "the", "and", "or", "of", "for", "with", "but", "market", "markets", "trade", "growth",
    "risk", "data", "policy", "demand", "supply", "capex", "boom", "bubble", "rally", "soft",
    "landing", "hard", "key", "point", "high", "low", "new", "old", "big", "small", "chip", "chips",
})


def _check_scripts(post: _Post, etf_cells: dict[int, str]) -> list[Finding]:
    out = []
    for i in range(post.body_start, len(post.lines)):
        raw = post.lines[i]
        n = i + 1
        for m in _FOREIGN_RE.finditer(raw):
            script = _FOREIGN[int(m.lastgroup[1:])][0]  # type: ignore[index]
            if script == "Greek" and len(m.group(0)) == 1:
                continue  # α, β, Δ are notation
            out.append(Finding("foreign_script", n, f"{script} text '{m.group(0)}' inside Chinese prose"))
        if not _CJK.search(raw):
            continue  # a line of English (a quote, a name list) is not a Chinese sentence
        text = spec.plain(_URL.sub(" ", raw))
        if n in etf_cells:
            text = text.replace(etf_cells[n], " ")
        for m in _LATIN_WORD.finditer(text):
            word = m.group(1)
            low = word.lower()
            if word.isupper() or low in ALLOWED_LOWER:
                continue  # tickers and acronyms (AI, IDC, SOXX) are fine
            if (word.islower() or low in COMMON_ENGLISH and word[0].isupper() and word[1:].islower()):
                out.append(Finding("english_word", n, f"English word '{word}' in a Chinese sentence; "
                                   "write it in Chinese", "warning"))
    return out


# ---------------------------------------------------------------------------------------------
# figures against the sources

@dataclass(frozen=True)
class _Src:
    fig: Figure
    label: str
    sentence: str
    group: tuple[str, str]  # (article, sentence): a derivation combines figures of one sentence

    def key_unit(self) -> str:
        return _unit_key(self.fig)


def _unit_key(f: Figure) -> str:
    return str(f.key()[1])


def _norm_date(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"[至到~～—－]", "-", text))


def _value(f: Figure, v: float | None) -> float | None:
    return None if v is None else v * f.scale


def _bucket(f: Figure) -> tuple[str, str, int]:
    """Kind, unit and integer size of a figure: matching figures fall in neighbouring buckets."""
    v = _value(f, f.value)
    return f.kind.value, canonical_unit(f.kind, f.unit), -1 if v is None else int(abs(v))


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.key()[1] == b.key()[1]


def _close(stated: float, computed: float, decimals: int) -> bool:
    return abs(round(computed, decimals) - stated) < 1e-9 or abs(computed - stated) <= 0.5 * 10 ** -decimals + 1e-12


def _matches(post_fig: Figure, src: Figure) -> bool:
    """Same figure, allowing the post to round the source and to drop or add the sign."""
    if not _same_unit(post_fig, src):
        return False
    pv, ph = _value(post_fig, post_fig.value), _value(post_fig, post_fig.high)
    sv, sh = _value(src, src.value), _value(src, src.high)
    if pv is None or sv is None or (ph is None) != (sh is None):
        return False
    d = max(0, post_fig.decimals - (len(str(int(post_fig.scale))) - 1 if post_fig.scale >= 1 else 0))

    def eq(p: float, s: float) -> bool:
        return _close(abs(p), abs(s), d) if post_fig.scale == src.scale else abs(abs(p) - abs(s)) <= 1e-6 * max(1, abs(s))

    return eq(pv, sv) and (ph is None or eq(ph, sh))  # type: ignore[arg-type]


def _shared_words(a: str, b: str) -> int:
    """How many Chinese character pairs two texts share: whether they talk about the same thing."""
    def grams(t: str) -> frozenset[str]:
        return frozenset(g for g in char_bigrams(re.sub(r"[^\u4e00-\u9fff]", "|", t)) if "|" not in g)
    return len(grams(a) & grams(b))


def _derive(post_fig: Figure, context: str, pool: list[_Src], used: set[tuple[str, str]]) -> str | None:
    """A derivation of `post_fig`: a sum, difference or ratio of two figures of one source
    sentence that the post drew on (another of its figures is quoted in the post) or that says
    most of what the post's clause says. With many sources, any small number is the difference
    of some two figures: only such sentences make a derivation credible."""
    if post_fig.value is None or post_fig.is_range:
        return None
    target = post_fig.value  # signed as written: -5.3% is not 2.7% + 2.6%
    want = post_fig.kind
    # a difference of two percentages is stated in percentage points
    kinds = {FigureKind.PERCENT, FigureKind.POINTS} if want == FigureKind.POINTS else {want}
    groups: dict[tuple[str, str], list[_Src]] = {}
    for s in pool:
        if s.fig.kind in kinds and s.fig.value is not None and not s.fig.is_range:
            groups.setdefault(s.group, []).append(s)
    scale = post_fig.scale or 1.0
    for members in groups.values():
        if len(members) < 2:
            continue
        if members[0].group not in used:
            clause = _shared_words(context, context)
            if not clause or _shared_words(context, members[0].sentence) < max(3, 0.5 * clause):
                continue
        for a in members:
            for b in members:
                if a is b or a.fig.kind != b.fig.kind or a.key_unit() != b.key_unit():
                    continue
                if want != FigureKind.POINTS and a.key_unit() != _unit_key(post_fig):
                    continue
                av, bv = a.fig.value * a.fig.scale, b.fig.value * b.fig.scale  # type: ignore[operator]
                found = None
                if _close(target, (av - bv) / scale, post_fig.decimals) and av != bv:
                    found = f"{a.fig.text} - {b.fig.text}"
                elif id(a) < id(b) and _close(target, (av + bv) / scale, post_fig.decimals) and av and bv:
                    found = f"{a.fig.text} + {b.fig.text}"
                elif want in (FigureKind.MULTIPLE, FigureKind.PERCENT) and a.fig.kind != FigureKind.PERCENT \
                        and bv and _close(target, av / bv * (1 if want == FigureKind.MULTIPLE else 100),
                                          post_fig.decimals):
                    found = f"{a.fig.text} / {b.fig.text}"
                if found:
                    return f"{found} = {post_fig.text} ({a.label}: {a.sentence[:60]})"
    return None


def _source_pool(sources: Sequence[Article]) -> tuple[list[_Src], str]:
    pool: list[_Src] = []
    dates: list[str] = []
    for art in sources:
        sentences = art.sentences
        if not sentences:
            from macrodesk.readers import (
                article_from_text,  # segment an Article built without sentences
            )
            sentences = article_from_text(art.text, source_name=art.label).sentences
        for s in sentences:
            figs = s.figures  # segment() found them already
            for f in figs:
                pool.append(_Src(f, art.label, s.text, (art.id, s.id)))
            dates.append(_norm_date(s.text))
        if art.title:  # a post names its sources by title: the title's figures are the source's
            for f in extract_figures(art.title):
                pool.append(_Src(f, art.label, art.title, (art.id, "title")))
            dates.append(_norm_date(art.title))
    return pool, "\n".join(dates)


_SKIP_FIGURE_LINES = re.compile(r"^#{1,6}\s|^\s*\|?\s*:?-{2,}|^---\s*$")


def _by_unit(pool: list[_Src]) -> dict[tuple, list[_Src]]:
    # a post figure can only match a source figure of its own kind, unit and size: look there
    by_unit: dict[tuple, list[_Src]] = {}
    for src in pool:
        by_unit.setdefault(_bucket(src.fig), []).append(src)
    return by_unit


def _holders(f: Figure, by_unit: dict[tuple, list[_Src]]) -> list[_Src]:
    kind, unit, size = _bucket(f)
    near = [src for k in (size - 1, size, size + 1) for src in by_unit.get((kind, unit, k), ())]
    return [s for s in near if _matches(f, s.fig)]


_RECOMPUTED = re.compile(r"(?:复算|推算|重算)(?:约为|约|为)[^，。；,;]*")


def _check_figures(post: _Post, sources: Sequence[Article], skip: set[int],
                   etf_cells: dict[int, str]) -> list[Finding]:
    pool, source_text = _source_pool(sources)
    by_unit = _by_unit(pool)
    out: list[Finding] = []
    pending: list[tuple[int, Figure, str]] = []
    used: set[tuple[str, str]] = set()
    for i in range(post.body_start, len(post.lines)):
        n = i + 1
        raw = post.lines[i]
        if n in skip or _SKIP_FIGURE_LINES.match(raw):
            continue
        text = _EMPH.sub("", raw)
        if n in etf_cells:
            text = text.replace(etf_cells[n], " ")  # fund codes are not figures
        # list markers ("- ", "> ", "3. ") are not figures, nor signs of the figure after them
        text = re.sub(r"^\s*(?:[-*>]\s+)*(?:\d{1,2}[.、]\s)?", "", text)
        text = spec.plain(text)  # the characters a reader sees, not their entities
        # a 数据核对 note quotes the source's figures, then gives the checker's own recomputed
        # value, labelled as such: that one is macrodesk's arithmetic, not the source's
        text = _RECOMPUTED.sub("", text) if text.startswith(spec.DATACHECK) else text
        for f in extract_figures(text):
            if f.kind == FigureKind.NUMBER:
                continue
            if f.kind == FigureKind.DATE:
                parts = [p for p in re.split(r"-", _norm_date(f.text)) if p]
                if not all(p in source_text for p in parts):
                    out.append(Finding("figure_untraced", n, f"date '{f.text}' appears in no source sentence"))
                continue
            hits = [s.group for s in _holders(f, by_unit)]
            if hits:
                used.update(hits)
            else:
                clause = next((c for c in re.split(r"[。；;！？]", text) if f.text in c), text)
                pending.append((n, f, clause))
    for n, f, clause in pending:
        how = _derive(f, clause, pool, used)
        if how:
            out.append(Finding("figure_derived", n, f"'{f.text}' is computed, not quoted: {how}", "info"))
        else:
            out.append(Finding("figure_untraced", n, f"figure '{f.text}' appears in no source sentence "
                               "and is not a sum, difference or ratio of source figures"))
    return out


# ---------------------------------------------------------------------------------------------
# markup that a post must never carry

_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_LIQUID = re.compile(r"\{\{|\{%|\{:")


def _check_markup(post: _Post) -> list[Finding]:
    """Raw HTML, Liquid (or kramdown's `{:` attributes) and links that are not http(s): what
    Jekyll or a chat client would run instead of showing. spec.inert writes none of them."""
    out = []
    for i in range(post.body_start, len(post.lines)):
        raw, n = post.lines[i], i + 1
        if m := _RAW_HTML.search(raw):
            out.append(Finding("raw_html", n, f"raw HTML '{raw[m.start():m.start() + 20]}'; "
                               "write text, or escape < as &lt;"))
        if m := _LIQUID.search(raw):
            out.append(Finding("liquid", n, f"Liquid or kramdown markup '{raw[m.start():m.start() + 20]}'"
                               "; escape { as &#123;"))
        for url in spec.unsafe_links(raw):
            out.append(Finding("unsafe_link", n, f"link to '{url[:40]}' is not http(s)"))
    return out


# ---------------------------------------------------------------------------------------------
# entry points

def _datacheck_lines(post: _Post) -> set[int]:
    """The 数据核对 block holds figures recomputed from public data, labelled as such: they are
    not the source's and are not traced to it."""
    out: set[int] = set()
    inside = False
    for n, line in enumerate(post.lines, 1):
        if line.startswith("> **数据核对**"):
            inside = True
        elif inside and not line.startswith(">"):
            inside = False
        if inside:
            out.add(n)
    return out


_RISK_ENTRY = re.compile(r"^\*\*(.+?)\*\*[：:]\s*(.*)$")


def _related_themes(theme: str) -> set[str]:
    t = themes()
    parent = t[theme].parent if theme in t else None
    return {theme} | {k for k, v in t.items() if v.parent == theme} | ({parent} if parent else set())


def sector_against_stances(sector: str, logic: str, positive: bool,
                            net: dict[str, tuple[float, Any]]) -> str:
    """How a sector row stands against the sources' net stance per theme (`calls` of the reading
    stage): "contradicts" when every stance read on its theme (or a parent/child theme) points
    the other way, "unsupported" when none was read, "" when a stance supports it or the row
    names no theme at all ("原文未明确"). Lint and the LLM engine apply this one rule."""
    clean = _EMPH.sub("", sector).strip()
    theme = next((k for k, v in themes().items() if v.zh == clean), None)
    got = {theme} if theme else _row_themes(sector, logic)
    if not got:
        return ""
    related = set().union(*(_related_themes(t) for t in got))
    said = [net[t][0] for t in related if t in net]
    if not said:
        return "unsupported"
    leaning = [total for total in said if total]  # a net of 0 is a mixed call: no contradiction
    if leaning and all((total > 0) != positive for total in leaning):
        return "contradicts"
    return ""


def risk_entry_defect(title: str, explanation: str) -> str:
    """Why a risk entry (its bold title and explanation) is not a risk by the reading stage's
    rules (a mitigation, counterfactual, methodology note, good news), or only repeats its
    title; "" for a risk. Lint and the LLM engine apply this one rule."""
    from macrodesk.reading import not_a_risk

    title, expl = title.strip(), explanation.strip().rstrip("。")
    return not_a_risk(f"{title}，{expl}") or ("its explanation only repeats the title" if expl == title else "")


def _check_reading_against(post: _Post, where: dict[str, int], rows: list[tuple[int, list[str]]],
                           sources: Sequence[Article]) -> list[Finding]:
    """With the sources read as the engines read them: a sector row whose direction contradicts
    the sources' stance on its theme, or that no source stance supports, and a risk entry that
    is not a risk (a mitigation, counterfactual, methodology note, good news, or its own title)."""
    from macrodesk.reading import calls, read

    net = calls([st for a in sources for st in read(a).stances])
    bearish_at = where.get(spec.BEARISH, len(post.lines) + 1)
    out = []
    for n, cells in rows:
        sector = _EMPH.sub("", cells[0]).strip()
        positive = n < bearish_at
        verdict = sector_against_stances(cells[0], cells[1], positive, net)
        if verdict == "unsupported":
            # info, not a defect: the reading stage can miss a stance the sources do take
            out.append(Finding("sector_unsupported", n, f"no source stance on '{sector}' was read; "
                               "check that the sources' words give its direction", "info"))
        elif verdict == "contradicts":
            word = "利空" if positive else "利好"
            out.append(Finding("sector_contradicts", n, f"the sources read '{sector}' as {word}; "
                               f"this row lists it as {'利好' if positive else '利空'}"))
    line = where.get(spec.RISKS)
    for n, t in post.section(line) if line else []:
        m = _ITEM.match(t)
        e = _RISK_ENTRY.match(m.group(2).strip()) if m else None
        if not e or e.group(1) == "数据核对":
            continue
        why = risk_entry_defect(e.group(1), e.group(2))
        if why:
            out.append(Finding("risk_not_risk", n, f"'{e.group(1).strip()}' is not a risk ({why}); a risk is a "
                               "forward-looking condition with an adverse outcome"))
    return out


def lint_text(text: str, sources: Sequence[Article] | None = None) -> list[Finding]:
    """Every defect of a post's Markdown `text`, by line. With `sources`, every figure of the post
    is traced to a source sentence (a figure computed from source figures is an `info` finding)."""
    post = _parse(text)
    findings = _check_front_matter(post)
    where, heading_findings = _find_headings(post)
    findings += heading_findings
    findings += _check_blocks(post, where)
    items = _items(post, where)
    findings += _check_items(post, where, items)
    findings += _check_reading(post, items)
    rows, table_findings = _tables(post, where)
    findings += table_findings
    findings += _check_etfs(post, rows)
    etf_cells = {n: cells[2] for n, cells in rows}
    findings += _check_scripts(post, etf_cells)
    findings += _check_markup(post)
    findings += _check_duplicates([[(n, b) for n, _, b in items], _risks(post, where)])
    if sources:
        disclaimer = where.get(spec.DISCLAIMER)
        skip = {n for n, _ in post.section(disclaimer)} if disclaimer else set()
        skip |= _datacheck_lines(post)
        findings += _check_figures(post, sources, skip, etf_cells)
        findings += _check_reading_against(post, where, rows, sources)
    return sorted(findings, key=lambda f: (f.line, f.kind))


@dataclass(frozen=True)
class Trace:
    """A figure of one post line and the source sentences that hold it, as `lint_text` matches
    them (the post may round the source or drop its sign)."""

    figure: Figure
    article_id: str
    sentence_id: str  # "title" when the article's title holds it
    sentence: str


def trace_line(line: str, sources: Sequence[Article]) -> list[Trace]:
    """Where each figure of one post line comes from; a figure no source holds has no Trace."""
    pool, _ = _source_pool(sources)
    by_unit = _by_unit(pool)
    text = re.sub(r"^\s*(?:[-*>]\s+)*(?:\d{1,2}[.、]\s)?", "", _EMPH.sub("", line))
    out: list[Trace] = []
    for f in extract_figures(text):
        if f.kind in (FigureKind.NUMBER, FigureKind.DATE):
            continue
        seen: set[tuple[str, str]] = set()
        for src in _holders(f, by_unit):
            if src.group not in seen:
                seen.add(src.group)
                out.append(Trace(f, src.group[0], src.group[1], src.sentence))
    return out
