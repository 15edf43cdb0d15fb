"""Write a Digest as the Jekyll post of the spec: front matter, then the fixed headings.
Both engines go through this one renderer, so their structure is identical."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from importlib import resources

import jinja2

from macrodesk import __version__, spec
from macrodesk.errors import ConfigError
from macrodesk.models import Article, Digest, Post
from macrodesk.spec import escape_cell as _cell
from macrodesk.text.dates import parse_tz


def _etfs(codes: list[str]) -> str:
    return "、".join(_cell(c) for c in codes) if codes else "—"


def _inline(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
        trim_blocks=False, lstrip_blocks=False,
    )
    env.globals.update(cell=_cell, etfs=_etfs, ordinals=spec.ORDINALS, spec=spec)
    src = resources.files("macrodesk").joinpath("templates/post.md.j2").read_text("utf-8")
    return env.from_string(src)


def _md_text(text: str) -> str:
    # a source sentence or title quoted in a footnote: one line, no Markdown link or emphasis
    return re.sub(r"([\\\[\]*_`|])", r"\\\1", _inline(text))


def _url(url: str) -> str:
    # kramdown ends a link target at a space or an unbalanced parenthesis
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def citations(digest: Digest, articles: Sequence[Article]) -> tuple[list[str], str]:
    """Kramdown footnote markers for the ten items and the block that closes the post: each
    item's source sentence with its article's link, then the 来源 list of every source."""
    by_id = {a.id: a for a in articles}
    marks, notes = [], []
    for n, f in enumerate(digest.facts, 1):
        art = by_id.get(f.sentence_id.split(":", 1)[0])
        if not f.source_sentence and art is None:
            marks.append("")
            continue
        marks.append(f"[^{n}]")
        note = f"[^{n}]: 原文：“{_md_text(f.source_sentence)}”"
        if art is not None:
            title = _md_text(art.title or art.label)
            note += f" —— [{title}]({_url(art.url)})" if art.url.startswith(("https://", "http://")) \
                else f" —— {title}"
        notes.append(note)
    refs = [f"- [{_md_text(s.title)}]({_url(s.url)})" if s.url.startswith(("https://", "http://"))
            else f"- {_md_text(s.title)}" for s in digest.sources]
    tail = ("**来源**\n\n" + "\n".join(refs) + "\n\n" if refs else "") + "\n".join(notes)
    return marks, tail.rstrip() + "\n"


def render_body(digest: Digest, cite: Sequence[Article] | None = None) -> str:
    d = digest.model_copy(deep=True)
    d.overview = _inline(d.overview)
    d.core_logic = _inline(d.core_logic)
    d.allocation = _inline(d.allocation)
    for f in d.facts:
        f.text = _inline(f.text).replace("**", "")
    marks, tail = citations(digest, cite) if cite is not None else ([""] * len(d.facts), "")
    body = _template().render(d=d, marks=marks)
    body = re.sub(r"\n{3,}", "\n\n", body).rstrip() + "\n"
    return body + ("\n" + tail if tail else "")


def render_post(digest: Digest, date: str | None = None, tz: str = "+0800",
                now: datetime | None = None, cite: Sequence[Article] | None = None) -> Post:
    """The whole Jekyll file: the five spec keys in order, then macrodesk's own keys.
    With `cite` (the digest's articles), each item gets a footnote quoting its source sentence."""
    zone = parse_tz(tz)
    now = (now or datetime.now(zone)).astimezone(zone)
    day = date or now.strftime("%Y-%m-%d")
    try:
        datetime.strptime(day, "%Y-%m-%d")
    except ValueError as exc:
        raise ConfigError(f"bad date {day!r}", hint="write it as YYYY-MM-DD") from exc
    offset = now.strftime("%z")
    stamp = f"{day} {now.strftime('%H:%M:%S')} {offset}"
    posttime = f"{now.strftime('%Y-%m-%d %H:%M:%S')} {offset}"
    front: dict[str, str | list[str]] = {
        "layout": "post",
        "title": spec.post_title(day),
        "date": stamp,
        "posttime": posttime,
        "engine": digest.engine,
        "generator": f"macrodesk {__version__}",
        "sources": [s.title + (f" <{s.url}>" if s.url else "") for s in digest.sources],
    }
    body = render_body(digest, cite)
    text = spec.write_front_matter(front) + "\n" + body
    return Post(date=day, filename=spec.post_filename(day), front_matter=front,
                body=body, text=text)
