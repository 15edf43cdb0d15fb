"""The morning run: ingest the configured sources, digest the day's articles, check, publish,
deliver. Idempotent (a state file per day), with exit codes a scheduler can act on."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from macrodesk.config import Config, load_config
from macrodesk.errors import ConfigError, InsufficientMaterialError, PublishError
from macrodesk.publish.deliver import DeliveryResult, deliver_post
from macrodesk.spec import post_filename
from macrodesk.text.files import atomic_write, write_error

# Exit codes: 0 and 3 are normal days; 1 and 4 want a reader's attention; 2 is a broken setup
# (MacrodeskError from run_daily, mapped by the CLI); 5 means another run holds the lock.
EXIT_OK = 0  # published, or already published with nothing new
EXIT_DELIVERY_FAILED = 1  # published, but at least one channel failed after retries
EXIT_NO_ARTICLES = 3  # no article for the day: nothing published
EXIT_NOT_PUBLISHABLE = 4  # the post failed the checker, or too little material: nothing published
EXIT_BUSY = 5  # another daily run is in progress


@dataclass
class DailyReport:
    date: str
    status: str  # published, updated, already_published, no_articles, not_publishable, busy
    exit_code: int
    post_path: Path | None = None
    articles: int = 0
    ingested: int = 0  # articles newly stored by this run's ingest
    ingest_failures: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    deliveries: list[DeliveryResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One human line per outcome, for the CLI and for the scheduler's log."""
        out = [f"{self.date}: {len(self.ingest_failures)} source(s) failed, "
               f"{self.ingested} new article(s) stored, {self.articles} article(s) for the day"]
        say = {
            "published": f"published {self.post_path}",
            "updated": f"updated {self.post_path} (new articles since the last run)",
            "already_published": f"already published {self.post_path}; nothing new, "
                                 "nothing republished",
            "no_articles": "no new article for the day: nothing published",
            "not_publishable": "the post is not publishable: nothing published",
            "busy": "another daily run is in progress: nothing done",
        }
        out.append(say.get(self.status, self.status))
        out += [f"checker: {f}" for f in self.findings]
        for d in self.deliveries:
            out.append(f"delivered: {d.channel} ({d.kind})" if d.ok else
                       f"delivery failed: {d.channel} ({d.kind}): {d.error}")
        return out


def today(tz: str) -> str:
    from macrodesk.render import parse_tz

    return datetime.now(parse_tz(tz)).strftime("%Y-%m-%d")


def _state_dir(cfg: Config) -> Path:
    return Path(cfg.home) / "daily"


def _load_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged state file only costs one republish


@contextmanager
def _lock(folder: Path) -> Iterator[bool]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:  # a read-only or misplaced home: one line, before anything is done
        raise write_error(exc, folder / ".lock") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def _sources(cfg: Config) -> list[str]:
    section = cfg.section("daily")
    raw = section.get("sources", [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise ConfigError("[daily] sources must be a list of folders, files or feed URLs",
                          hint='sources = ["~/research/inbox", "https://example.com/feed.xml"]')
    return [os.path.expanduser(s) if not s.startswith(("http://", "https://")) else s for s in raw]


def run_daily(date: str | None = None, site: str | Path | None = None, engine: str | None = None,
              config: Config | None = None, *, git: bool | None = None, push: bool | None = None,
              deliver: bool = True, force: bool = False, store=None) -> DailyReport:
    """Ingest `[daily] sources`, digest the day's archived articles, check, publish to `site`
    (default `[publish] site`), then deliver to the `[delivery.*]` channels.

    Running it again the same day publishes nothing unless new articles arrived (then the post
    is replaced); channels that already got the day's post are not sent it again, failed ones
    are retried. Raises MacrodeskError only for a broken setup (config, site, store, git).
    """
    from macrodesk.archive import open_store
    from macrodesk.archive.batch import ingest_sources
    from macrodesk.digest import make_post, record_usage
    from macrodesk.publish.jekyll import publish_post

    cfg = config or load_config()
    pub = cfg.section("publish")
    day = date or today(cfg.tz)
    post_filename(day)  # validates the date
    site_dir = Path(os.path.expanduser(str(site or pub.get("site") or "")))
    if not str(site or pub.get("site") or ""):
        raise ConfigError("no Jekyll site to publish to",
                          hint="pass --site DIR or set [publish] site = \"/path/to/site\"")
    if not site_dir.is_dir():
        raise PublishError("site folder not found", source=str(site_dir),
                           hint="create the Jekyll site first (it needs a _config.yml)")
    git = bool(pub.get("git", False)) if git is None else git
    push = bool(pub.get("push", False)) if push is None else push

    state_dir = _state_dir(cfg)
    report = DailyReport(date=day, status="", exit_code=EXIT_OK)
    with _lock(state_dir) as locked:
        if not locked:
            report.status, report.exit_code = "busy", EXIT_BUSY
            return report
        own_store = store is None
        if own_store:
            st = cfg.section("store")
            store = open_store(str(st.get("backend", "sqlite")), st.get("path"))
        try:
            sources = _sources(cfg)
            if sources:
                from macrodesk.readers import web

                fetch = cfg.section("fetch")
                with web.allowing(cfg):  # the run's own config, also with --config FILE
                    ing = ingest_sources(sources, store, max_bytes=cfg.max_file_bytes,
                                         timeout=float(fetch.get("timeout", web.DEFAULT_TIMEOUT)),
                                         deadline=float(fetch.get("deadline",
                                                                  web.DEFAULT_DEADLINE)))
                report.ingested = len(ing.added)
                report.ingest_failures = [str(e) for e in ing.failures]
                report.warnings += report.ingest_failures
            articles = store.articles_for_date(day)
        finally:
            if own_store:
                store.close()
        report.articles = len(articles)
        state_path = state_dir / f"{day}.json"
        state = _load_state(state_path)
        ids = sorted(a.id for a in articles)
        target = site_dir / "_posts" / post_filename(day)
        if not articles:
            report.status, report.exit_code = "no_articles", EXIT_NO_ARTICLES
            return report

        same = state.get("articles") == ids and target.exists() and not force
        if same:
            report.status, report.post_path = "already_published", target
        else:
            try:
                result = make_post(articles, date=day, tz=cfg.tz, engine=engine, config=cfg,
                                   allow_short=force, cite=bool(pub.get("cite", False)))
            except InsufficientMaterialError as exc:
                report.status, report.exit_code = "not_publishable", EXIT_NOT_PUBLISHABLE
                report.findings = [str(exc)]
                return report
            report.warnings += result.digest.warnings
            if result.digest.usage:
                st = cfg.section("store")
                usage_store = open_store(str(st.get("backend", "sqlite")), st.get("path"))
                try:
                    record_usage(result, usage_store)
                finally:
                    usage_store.close()
            report.findings = [str(f) for f in result.findings]
            if result.findings and not force:
                report.status, report.exit_code = "not_publishable", EXIT_NOT_PUBLISHABLE
                return report
            report.status = "updated" if state.get("articles") and target.exists() else "published"
            report.post_path = publish_post(result.post, site_dir, git=git or push, push=push)
            # recorded before delivering: a crash while sending never causes a second publish
            state = {"articles": ids, "post": str(report.post_path),
                     "published_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                     "delivered": state.get("delivered", [])}
            atomic_write(state_path, json.dumps(state, ensure_ascii=False, indent=1))

        if deliver:
            done = set(state.get("delivered", []))
            names = [n for n, v in cfg.section("delivery").items()
                     if isinstance(v, dict) and n not in done]
            if names:
                report.deliveries = deliver_post(report.post_path, cfg, only=names)
                state["delivered"] = sorted(done | {r.channel for r in report.deliveries if r.ok})
                atomic_write(state_path, json.dumps(state, ensure_ascii=False, indent=1))
            if any(not r.ok for r in report.deliveries):
                report.exit_code = EXIT_DELIVERY_FAILED
        return report
