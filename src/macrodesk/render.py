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


def _inert_digest(d: Digest) -> Digest:
    # Every field came from an article or a model: each is made inert text here, once, so that
    # `digest -o`, `publish`, `daily`, the desk and every channel carry the same safe bytes.
    i = spec.inert
    d.headline = i(d.headline)
    d.overview = i(d.overview)
    d.core_logic = i(d.core_logic)
    d.allocation = i(d.allocation)
    d.technical_note = i(d.technical_note)
    d.disclaimer = i(d.disclaimer)
    d.event_overview = [i(p) for p in d.event_overview]
    d.datacheck = [i(x) for x in d.datacheck]
    d.consensus = [i(x) for x in d.consensus]
    for f in d.facts:
        f.text = i(f.text.replace("**", ""))
    for s in d.steps:
        s.title = i(s.title)
        s.points = [i(p) for p in s.points]
    for r in [*d.bullish, *d.bearish]:
        r.sector, r.logic = i(r.sector), i(r.logic)
        r.etfs = [i(c) for c in r.etfs]
    for k in d.risks:
        k.title, k.explanation = i(k.title), i(k.explanation)
    return d


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
    # a source sentence or title quoted in a footnote comes from an article: inert, one line
    return spec.inert(text)


def _url(url: str) -> str:
    # kramdown ends a link target at a space or an unbalanced parenthesis; anything that could
    # close the link or open markup is percent-encoded too
    from urllib.parse import quote

    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


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
            note += f" —— [{title}]({_url(art.url)})" if art.url.startswith(("https://", "http://")) and spec.safe_url(art.url) \
                else f" —— {title}"
        notes.append(note)
    refs = [f"- [{_md_text(s.title)}]({_url(s.url)})" if s.url.startswith(("https://", "http://")) and spec.safe_url(s.url)
            else f"- {_md_text(s.title)}" for s in digest.sources]
    tail = ("**来源**\n\n" + "\n".join(refs) + "\n\n" if refs else "") + "\n".join(notes)
    return marks, tail.rstrip() + "\n"


def render_body(digest: Digest, cite: Sequence[Article] | None = None) -> str:
    d = _inert_digest(digest.model_copy(deep=True))
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
        "sources": [spec.inert(s.title) + (f" <{s.url}>" if s.url and spec.safe_url(s.url)
                                           and s.url.lower().startswith("http") else "")
                    for s in digest.sources],
    }
    # the sources' own days (in the post's zone), so a reader sees what the post is dated from
    days = sorted({s.published.astimezone(zone).strftime("%Y-%m-%d") for s in digest.sources
                   if s.published})
    if days:
        front["source_dates"] = days
    body = render_body(digest, cite)
    text = spec.write_front_matter(front) + "\n" + body
    return Post(date=day, filename=spec.post_filename(day), front_matter=front,
                body=body, text=text)
