"""Turn articles into a post: pick the engine by name, fill the Digest, render, check, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .config import Config, load_config
from .engines import get_engine
from .fsutil import atomic_write
from .models import Article, Digest, Post
from .render import render_post


def digest_articles(articles: list[Article], engine: str | None = None,
                    config: Config | None = None, allow_short: bool = False) -> Digest:
    """Fill a Digest from `articles` with the named engine (default: the config's, extractive)."""
    cfg = config or load_config()
    eng = get_engine(engine or cfg.engine, cfg)
    if allow_short and hasattr(eng, "digest") and "allow_short" in eng.digest.__code__.co_varnames:
        return eng.digest(articles, allow_short=True)
    return eng.digest(articles)


@dataclass
class PostResult:
    digest: Digest
    post: Post
    findings: list = field(default_factory=list)  # lint findings on the post, if the checker is installed


def make_post(articles: list[Article], *, date: str | None = None, tz: str | None = None,
              engine: str | None = None, config: Config | None = None, allow_short: bool = False,
              now: datetime | None = None) -> PostResult:
    """Digest, render and lint in one call: what `macrodesk digest` does before writing."""
    cfg = config or load_config()
    d = digest_articles(articles, engine, cfg, allow_short=allow_short)
    post = render_post(d, date=date, tz=tz or cfg.tz, now=now)
    return PostResult(digest=d, post=post, findings=lint_post(post, articles))


def lint_post(post: Post, articles: list[Article]) -> list:
    """The checker's findings on a rendered post, traced against its own sources."""
    try:  # TODO(lead): remove once lint.py lands
        from .lint import lint_text
    except ImportError:
        return []

    return [f for f in lint_text(post.text, sources=articles) if getattr(f, "severity", "error") == "error"]


def write_post(post: Post, out: str | Path) -> Path:
    """Write the post atomically; `out` may be a file or a folder (a path with no
    suffix is a folder, and the spec's file name is used in it)."""
    target = Path(out)
    if target.is_dir() or str(out).endswith("/") or not target.suffix:
        target = target / post.filename
    return atomic_write(target, post.text)
