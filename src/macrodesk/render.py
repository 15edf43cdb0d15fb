"""Write a Digest as the Jekyll post of the spec: front matter, then the fixed headings.
Both engines go through this one renderer, so their structure is identical."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources

import jinja2

from . import __version__
from .errors import ConfigError
from .models import Digest, Post

ORDINALS = "一二三四五六七八九十"


def parse_tz(tz: str) -> timezone:
    """'+0800' / '+08:00' / '-0500' to a fixed-offset timezone."""
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", tz.strip())
    if not m:
        raise ConfigError(f"bad UTC offset {tz!r}", hint="write it like +0800")
    sign = 1 if m.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def _cell(text: str) -> str:
    # a table cell is one line, and a bare | would split it
    return re.sub(r"\s+", " ", text).replace("|", "｜").strip()


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
    env.globals.update(cell=_cell, etfs=_etfs, ordinals=ORDINALS)
    src = resources.files("macrodesk").joinpath("templates/post.md.j2").read_text("utf-8")
    return env.from_string(src)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_body(digest: Digest) -> str:
    d = digest.model_copy(deep=True)
    d.overview = _inline(d.overview)
    d.core_logic = _inline(d.core_logic)
    d.allocation = _inline(d.allocation)
    for f in d.facts:
        f.text = _inline(f.text).replace("**", "")
    body = _template().render(d=d)
    return re.sub(r"\n{3,}", "\n\n", body).rstrip() + "\n"


def render_post(digest: Digest, date: str | None = None, tz: str = "+0800",
                now: datetime | None = None) -> Post:
    """The whole Jekyll file: the five spec keys in order, then macrodesk's own keys."""
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
        "title": f"macr_research_{day}",
        "date": stamp,
        "posttime": posttime,
        "engine": digest.engine,
        "generator": f"macrodesk {__version__}",
        "sources": [s.title + (f" <{s.url}>" if s.url else "") for s in digest.sources],
    }
    lines = ["---"]
    for key, value in front.items():
        if isinstance(value, list):
            # a YAML flow list keeps every front matter entry on one "key: value" line
            lines.append(f"{key}: [" + ", ".join(_quote(v) for v in value) + "]")
        elif key == "layout":
            lines.append(f"layout: {value}")  # the spec writes this one bare
        else:
            lines.append(f"{key}: {_quote(value)}")
    lines.append("---")
    body = render_body(digest)
    text = "\n".join(lines) + "\n\n" + body
    return Post(date=day, filename=f"{day}-macr_research_{day}.md", front_matter=front,
                body=body, text=text)
