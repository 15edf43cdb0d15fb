"""Turn articles into a post: pick the engine by name, fill the Digest, render, check, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from macrodesk.checks.post import Finding, lint_text
from macrodesk.config import Config, load_config
from macrodesk.engines import get_engine
from macrodesk.models import Article, Digest, Post
from macrodesk.render import render_post
from macrodesk.text.files import atomic_write


def digest_articles(articles: list[Article], engine: str | None = None,
                    config: Config | None = None, allow_short: bool = False) -> Digest:
    """Fill a Digest from `articles` with the named engine (default: the config's, extractive)."""
    cfg = config or load_config()
    eng = get_engine(engine or cfg.engine, cfg)
    return eng.digest(articles, allow_short=allow_short)


@dataclass
class PostResult:
    digest: Digest
    post: Post
    findings: list[Finding] = field(default_factory=list)  # the checker's errors on the post


def make_post(articles: list[Article], *, date: str | None = None, tz: str | None = None,
              engine: str | None = None, config: Config | None = None, allow_short: bool = False,
              now: datetime | None = None, datacheck: bool = False,
              cite: bool = False, consensus: bool = True) -> PostResult:
    """Digest, render and lint in one call: what `macrodesk digest` does before writing.
    With `datacheck`, figures the trade indicators cover are recomputed beside the quoted ones;
    with `cite`, each item gets a footnote with its source sentence and the article's link;
    with `consensus`, forecasts of one indicator and period by several sources are set side by side."""
    cfg = config or load_config()
    d = digest_articles(articles, engine, cfg, allow_short=allow_short)
    if datacheck:
        d.datacheck = datacheck_lines(articles)
    if consensus and not d.consensus:
        from macrodesk.views.consensus import day_consensus

        d.consensus = day_consensus(articles)
    post = render_post(d, date=date, tz=tz or cfg.tz, now=now, cite=articles if cite else None)
    d.warnings.extend(date_warnings(post.front_matter.get("source_dates", []), post.date))
    return PostResult(digest=d, post=post, findings=lint_post(post, articles))


DATE_TOLERANCE_DAYS = 3  # a weekend plus a holiday between an article and its morning post


def date_warnings(source_days: list[str] | str, post_day: str,
                  tolerance: int = DATE_TOLERANCE_DAYS) -> list[str]:
    """Warnings when the post's date is far from its sources' dates (a year-old article
    digested without --date gets today's date) or the sources are far apart from each other."""
    from datetime import date as _date

    days = sorted(_date.fromisoformat(d) for d in ([source_days] if isinstance(source_days, str)
                                                    else source_days))
    if not days:
        return []
    post = _date.fromisoformat(post_day)
    out = []
    # a post cannot digest what was not yet published: a --date before a source is a mistake,
    # however small the gap
    early = [d for d in days if d > post]
    if early:
        out.append(f"--date {post_day} precedes the publication of a source "
                   f"({', '.join(d.isoformat() for d in early[:5])}); a post cannot report an article "
                   "published after it: check --date")
    far = [d for d in days if abs((post - d).days) > tolerance]
    if far:
        out.append(f"the post is dated {post_day} but its sources are dated "
                   f"{', '.join(d.isoformat() for d in far[:5])} (more than {tolerance} days "
                   "apart); pass --date to date the post by its sources")
    if (days[-1] - days[0]).days > tolerance:
        out.append(f"the sources span {days[0].isoformat()} to {days[-1].isoformat()} "
                   f"({(days[-1] - days[0]).days} days): one post combines articles of "
                   "different days")
    return out


def datacheck_lines(articles: list[Article]) -> list[str]:
    """The 数据核对 lines: each tariff or trade figure an article quotes, beside its value
    recomputed from the bundled public data (see `macrodesk.trade.tariffcheck`)."""
    from macrodesk.trade import datacheck
    from macrodesk.trade import datacheck_lines as lines_of

    out: list[str] = []
    for art in articles:
        year = art.published.year if art.published else None
        out += [line.lstrip("- ") for line in lines_of(datacheck(art.sentences, default_year=year))]
    return out


def lint_post(post: Post, articles: list[Article]) -> list[Finding]:
    """The checker's findings on a rendered post, traced against its own sources."""
    return [f for f in lint_text(post.text, sources=articles) if f.severity == "error"]


def record_usage(result: PostResult, store=None) -> bool:
    """Keep a model-written digest's tokens and cost in the archive; False when there were none."""
    if not result.digest.usage:
        return False
    from macrodesk.archive import open_store

    st = store or open_store()
    st.record_digest(result.post.date, result.digest.engine, result.digest.usage,
                     [s.title for s in result.digest.sources])
    return True


def write_post(post: Post, out: str | Path) -> Path:
    """Write the post atomically; `out` may be a file or a folder (a path with no
    suffix is a folder, and the spec's file name is used in it)."""
    target = Path(out)
    if target.is_dir() or str(out).endswith("/") or not target.suffix:
        target = target / post.filename
    return atomic_write(target, post.text)
