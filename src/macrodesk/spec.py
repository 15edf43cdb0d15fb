"""The post format's only home (`../shared/spec/digest-format.md`): headings, front-matter keys
and their order, the file name, the one writer and the one parser of front matter, and the one
escaping policy for table cells. The renderer, the checker, publish, deliver and the
evaluation all read the format from here."""

from __future__ import annotations

import json
import re
from datetime import datetime

from macrodesk.errors import PostFormatError

# ---- front matter ----------------------------------------------------------------------------

FRONT_MATTER_KEYS = ("layout", "title", "date", "posttime")  # exactly these, in this order
TITLE_PREFIX = "macr_research_"
LIQUID_OFF = "render_with_liquid"  # Jekyll >= 4.0: article text never runs as Liquid
STAMP_FORMAT = "%Y-%m-%d %H:%M:%S %z"

# ---- headings, verbatim and in order ---------------------------------------------------------

HEADLINE_SUFFIX = " —— 市场研究摘要"
BRIEF = "简要部分（用户优先阅读）"
OVERVIEW = "主要话题与市场趋势概述"
TOP10 = "对于交易影响可能最大的10个信息"
DETAIL = "详细部分"
EVENT = "1. 事件或主题概述"
LOGIC = "2. 核心驱动与影响分析：投资逻辑分步解释"
SECTORS = "3. 相关ETF或行业的潜在影响"
BULLISH = "利好行业与标的"
BEARISH = "利空或承压行业"
RISKS = "4. 主要风险与不确定性"
DISCLAIMER = "免责条款"
CORE_LOGIC = "核心投资逻辑"
ALLOCATION = "配置建议"
DATACHECK = "数据核对"
TABLE_HEADER = ("行业", "逻辑", "潜在ETF")
ITEM_COUNT = 10
ORDINALS = "一二三四五六七八九十"

# (level, text) of every fixed heading, in the order the post must have them
HEADINGS: tuple[tuple[int, str], ...] = (
    (2, BRIEF), (3, OVERVIEW), (3, TOP10), (2, DETAIL), (3, EVENT), (3, LOGIC),
    (3, SECTORS), (4, BULLISH), (4, BEARISH), (3, RISKS), (3, DISCLAIMER),
)


def check_date(date: str, source: str = "post") -> str:
    """`date` when it is a real YYYY-MM-DD day, else a PostFormatError."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError(date)
        datetime.strptime(date, "%Y-%m-%d")
    except ValueError as exc:
        raise PostFormatError(f"bad post date {date!r}", source=source,
                              hint="the front matter date must start with YYYY-MM-DD") from exc
    return date


def post_filename(date: str) -> str:
    """`YYYY-MM-DD-macr_research_YYYY-MM-DD.md`, the spec's name inside `_posts/`."""
    check_date(date)
    return f"{date}-{TITLE_PREFIX}{date}.md"


def post_title(date: str) -> str:
    return f"{TITLE_PREFIX}{date}"


def _yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar; the Unicode line breaks are escaped
    # too, since YAML would fold them, so every value stays on its own line.
    s = json.dumps(str(value), ensure_ascii=False)
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml_str(v) for v in value) + "]"
    if value is None:
        return '""'
    if isinstance(value, datetime):
        return _yaml_str(value.strftime(STAMP_FORMAT).strip())
    return _yaml_str(str(value))


def write_front_matter(meta: dict) -> str:
    """The front matter block: the spec's keys first, in order, values double-quoted on one line
    each (`layout` bare, as the spec writes it), then the other keys, then
    `render_with_liquid: false` so that Jekyll never evaluates `{{ }}`/`{% %}` of an article."""
    missing = [k for k in FRONT_MATTER_KEYS if k not in meta]
    if missing:
        raise PostFormatError(f"front matter lacks {', '.join(missing)}",
                         hint="posts need layout, title, date and posttime")
    lines = ["---"]
    keys = list(FRONT_MATTER_KEYS) + [k for k in meta if k not in FRONT_MATTER_KEYS and k != LIQUID_OFF]
    for key in keys:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", str(key)):
            raise PostFormatError(f"front matter key {key!r} is not a plain name")
        value = meta[key]
        lines.append(f"layout: {value}" if key == "layout" else f"{key}: {yaml_value(value)}")
    lines.append(f"{LIQUID_OFF}: false")
    lines.append("---")
    return "\n".join(lines) + "\n"


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, source: str = "post", *, strict: bool = True) -> tuple[dict, str]:
    """Split a Jekyll file (or a Markdown article) into its front matter as a dict and its body.
    A text without front matter gives `{}` and the text. Front matter that is not a YAML mapping
    is a PostFormatError, or with `strict=False` (articles: metadata is a bonus) `{}` and the body."""
    import yaml

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        # libyaml's loader where PyYAML has it: the same safe constructors, ~10x faster, which
        # matters when a batch reads thousands of articles with front matter
        data = yaml.load(m.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        if not strict:
            return {}, text[m.end():]
        raise PostFormatError(f"front matter is not valid YAML: {exc}", source=source,
                         hint="quote values with double quotes and escape inner quotes") from exc
    if not isinstance(data, dict):
        if not strict:
            return {}, text[m.end():]
        raise PostFormatError("front matter is not a mapping of keys to values", source=source)
    return data, text[m.end():]


def front_matter_span(lines: list[str]) -> int:
    """Index of the first body line of a post given as lines (0 when there is no front matter)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


# ---- table cells -----------------------------------------------------------------------------


def escape_cell(text: str) -> str:
    """A table cell's text on one line, with a bare `|` (which would split the cell) escaped as
    `\\|`. The one policy for every table the project writes."""
    return re.sub(r"\s+", " ", str(text)).replace("\\|", "|").replace("|", "\\|").strip()


def split_cells(row: str) -> list[str]:
    """The cells of a Markdown table row; an escaped `\\|` stays inside its cell."""
    s = row.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


# ---- inert text and safe links ---------------------------------------------------------------

# Every character that Markdown (kramdown, markdown-it), HTML or Liquid could read as syntax,
# written as a numeric character reference: a browser shows the character, no parser acts on it.
# `*` and `_` stay: emphasis cannot run code, and the overview's **bold** is part of the format.
_INERT_MAP = {ord(c): f"&#{ord(c)};" for c in "&<>`{}[]|\\$"}
# A field may open a line of the post: a leading block marker (#, >, -, +, *, =, :, ~, 1.) would
# make it a heading, quote, list, fence or definition instead of text.
_BLOCK_LEAD = re.compile(r"^(?:[#+*=:~\-]|\d{1,9}[.)])")
# C0/C1 controls, zero-width and bidirectional overrides: invisible, and able to disguise text.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff]")


def inert(text: object) -> str:
    """Any article- or model-derived string as inert plain text on one line, safe inside the
    post's Markdown, the HTML it becomes and a Liquid template: no tag, no link, no code span,
    no block marker. A browser shows the same characters; `plain` gives them back."""
    s = _INVISIBLE.sub("", str(text))
    s = re.sub(r"[\s\u2028\u2029\x85]+", " ", s).strip()
    s = s.translate(_INERT_MAP)
    m = _BLOCK_LEAD.match(s)
    if m:
        lead = m.group(0)
        s = (f"&#{ord(lead)};" + s[1:]) if len(lead) == 1 else \
            lead[:-1] + f"&#{ord(lead[-1])};" + s[len(lead):]
    return s


def visible_only(text: str) -> str:
    """`text` without control characters, zero-width and direction overrides (see `inert`)."""
    return _INVISIBLE.sub("", text)


def plain(text: str) -> str:
    """The characters a reader sees in inert text (entities decoded), for checks and plain-text
    channels."""
    import html

    return html.unescape(text)


# Markdown link destinations: inline [x](dest) / ![x](dest) and reference definitions [x]: dest
LINK_TARGET = re.compile(r"(?P<inline>\]\(\s*<?)(?P<dest>[^)\s>]*)"
                         r"|(?P<ref>^\s{0,3}\[[^\]\n]+\]:\s*<?)(?P<rdest>\S*)", re.M)


def safe_url(url: str) -> bool:
    """Whether a link target is an http(s) address (or a relative one) once decoded as a browser
    would: entities (`&#58;`, `&colon;`, `&#x3A;`), percent-escapes of the scheme, and the tabs,
    newlines and controls a browser drops are all undone before the scheme is read."""
    import html
    import urllib.parse

    s = url
    for _ in range(5):  # nested encodings: &amp;#58; -> &#58; -> :
        t = urllib.parse.unquote(html.unescape(s))
        if t == s:
            break
        s = t
    s = re.sub(r"[\x00-\x20\x7f]", "", s).lower()
    m = re.match(r"^([a-z][a-z0-9+.\-]*):", s)
    if m:
        return m.group(1) in ("http", "https")
    # no scheme: a relative link or a fragment, unless it only hides one behind a colon
    return ":" not in s.split("/", 1)[0] and not s.startswith("\\")


def unsafe_links(text: str) -> list[str]:
    """The link targets of a Markdown text that are not http(s) (see `safe_url`)."""
    out = []
    for m in LINK_TARGET.finditer(text):
        dest = m.group("dest") if m.group("inline") is not None else m.group("rdest")
        if dest and not safe_url(dest):
            out.append(dest)
    return out


def block_unsafe_links(text: str) -> str:
    """`text` with every non-http(s) link target replaced by `#blocked`."""
    def sub(m: re.Match) -> str:
        inline = m.group("inline") is not None
        dest = m.group("dest") if inline else m.group("rdest")
        lead = m.group("inline") if inline else m.group("ref")
        return lead + ("#blocked" if dest and not safe_url(dest) else dest)
    return LINK_TARGET.sub(sub, text)
