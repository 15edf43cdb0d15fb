"""Standalone HTML of a post: one self-contained, phone-readable file for email and previews.

Raw HTML in the Markdown is shown as text, never passed through, so nothing from an article
can run in a reader's mail client or browser.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from macrodesk.models import Post
from macrodesk.publish.postfile import post_text
from macrodesk.spec import plain, split_front_matter
from macrodesk.text.files import atomic_write

# The look of the page: narrow column, readable CJK fonts, tables that wrap instead of
# scrolling sideways on a phone (overflow-wrap:anywhere lets long tickers break too).
CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 14px 32px; background: #fff; color: #1f2328;
  font: 16px/1.7 -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
  "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
main { max-width: 46rem; margin: 0 auto; overflow-wrap: anywhere; }
h1 { font-size: 1.45em; line-height: 1.35; margin: 1em 0 .6em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #d8dee4; padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
h4 { font-size: 1em; margin-top: 1.2em; }
ol, ul { padding-left: 1.5em; }
li { margin: .25em 0; }
blockquote { margin: 1em 0; padding: .5em .9em; border-left: 4px solid #c9a227;
  background: #fbf8ee; color: #3b3b3b; }
blockquote p { margin: .3em 0; }
hr { border: 0; border-top: 1px solid #d8dee4; margin: 1.6em 0; }
table { width: 100%; max-width: 100%; border-collapse: collapse; margin: .8em 0;
  font-size: .88em; line-height: 1.5; }
th, td { border: 1px solid #d0d7de; padding: 5px 6px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; word-break: break-word; }
th { background: #f3f5f7; }
tr:nth-child(even) td { background: #fafbfc; }
code { font-size: .9em; background: #f3f5f7; padding: 0 .2em; border-radius: 3px; }
.meta { color: #656d76; font-size: .85em; margin-top: 1.2em; }
"""

# No scripts at all, and nothing fetched from elsewhere: the page must work offline and in mail.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:"

def _markdown() -> MarkdownIt:
    # html=False: raw HTML from article text is escaped and shown, never interpreted.
    # markdown-it also refuses javascript:/vbscript:/data: link targets by default.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}) \
        .enable("table").enable("strikethrough")


def render_body_html(body: str, *, first_line: int = 1, footnotes: bool = False,
                     annotate: Callable[[Token, int, int], None] | None = None) -> str:
    """A post body's HTML as `render_html` renders it (with `footnotes`, kramdown's [^n] notes
    as Jekyll shows them). `annotate(token, first, last)` may set attributes on each opening
    block token; its lines count from `first_line`."""
    md = _markdown()
    if footnotes:
        from mdit_py_plugins.footnote import footnote_plugin

        md.use(footnote_plugin)
    tokens = md.parse(body)
    if annotate:
        for t in tokens:
            if t.map and t.nesting == 1:
                annotate(t, t.map[0] + first_line, t.map[1] + first_line - 1)
    return md.renderer.render(tokens, md.options, {})


def _first_heading(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def render_html(text: str, *, title: str | None = None, footer: str = "") -> str:
    """Render a post's Markdown (front matter allowed) to one standalone HTML document."""
    meta, body = split_front_matter(text)
    page_title = title or _first_heading(body) or str(meta.get("title", "")) or "macrodesk"
    content = _markdown().render(body)
    date = str(meta.get("date", ""))
    foot = _html.escape(footer or (f"{meta.get('title', '')} · {date}" if date else ""))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        f"<title>{_html.escape(page_title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<main>\n{content}"
        + (f"<p class=\"meta\">{foot}</p>\n" if foot else "")
        + "</main>\n</body>\n</html>\n"
    )


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ESC = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def render_plain(text: str) -> str:
    """The post as plain text (the text/plain part of an email): Markdown minus its markup."""
    _, body = split_front_matter(text)
    lines = []
    for line in body.splitlines():
        if re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", line):
            continue  # the table's header rule says nothing in plain text
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = _BOLD.sub(r"\1", line)
        line = plain(_ESC.sub(r"\1", line))  # inert text's entities are characters here
        if line.strip() == "---":
            line = ""
        lines.append(line.rstrip())
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


def write_html(post: Post | str | Path, out: str | Path) -> Path:
    """Render a post (a Post or a Markdown file) to a standalone HTML file, written atomically."""
    text, _ = post_text(post)
    return atomic_write(out, render_html(text))
