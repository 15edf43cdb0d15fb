"""The desk's use cases, free of HTTP: the day's articles, the draft and its findings, search,
one article, the ETF registry, and publishing with the CLI's own functions."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from macrodesk.archive import MARK_CLOSE, MARK_OPEN, Store, open_store
from macrodesk.checks.post import Finding, lint_text
from macrodesk.config import Config
from macrodesk.errors import ConfigError, InputError, PublishError
from macrodesk.models import Article, Digest, Post
from macrodesk.text.files import atomic_write
from macrodesk.text.similarity import near_duplicate

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ENGINES = ("extractive", "llm")
# Markdown left in the stored text that a snippet should not show: emphasis, heading and
# quote marks, table pipes and rules
_DEBRIS = re.compile(r"\*\*|__|^#{1,6}\s*|(?<=\s)#{1,6}\s|^>\s?|\|\s*:?-{2,}:?\s*|\||`", re.M)


def check_day(day: str) -> str:
    """A YYYY-MM-DD that is a real date; the only form a day takes on its way to a file name."""
    if not DAY.match(day or ""):
        raise InputError(f"not a date: {day!r}", hint="write it as YYYY-MM-DD")
    try:
        _date.fromisoformat(day)
    except ValueError as exc:
        raise InputError(f"not a date: {day!r}", hint="write it as YYYY-MM-DD") from exc
    return day


@dataclass
class Draft:
    day: str
    engine: str
    post: Post
    digest: Digest | None = None

    @property
    def text(self) -> str:  # the whole post file
        return self.post.text


@dataclass
class DayEntry:
    article: dict  # list_date's light row
    duplicates: list[dict] = field(default_factory=list)  # near-duplicates folded under it


@dataclass
class SearchPage:
    query: str
    hits: list[dict]
    page: int
    has_next: bool


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, with Markdown debris removed."""
    clean = re.sub(r"\s{2,}", " ", _DEBRIS.sub(" ", snippet)).strip()
    # the index holds words separated by spaces: keep a space only between two Latin words,
    # and join matched words that stood next to each other into one mark
    clean = re.sub(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])", "", clean)
    clean = clean.replace(MARK_CLOSE + MARK_OPEN, "")
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{MARK_OPEN}{MARK_CLOSE}]", clean)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


class Desk:
    """One archive and one configuration, shared by the request threads (reads are locked:
    one SQLite connection serves them all)."""

    def __init__(self, config: Config, store: Store | None = None):
        self.config = config
        st = config.section("store")
        self.store = store or open_store(str(st.get("backend", "sqlite")), st.get("path"))
        self.lock = threading.RLock()
        self.drafts_dir = Path(config.home) / "desk" / "drafts"

    # -- the day

    def latest_day(self) -> str:
        """Today in the configured zone, or the newest day the archive holds when today is empty."""
        from macrodesk.daily import today

        day = today(self.config.tz)
        with self.lock:
            if self.store.list_date(day):
                return day
            db = getattr(self.store, "db", None)  # SQLite: ask for the newest day directly
            if db is not None:
                row = db.execute("SELECT max(day) FROM articles").fetchone()
                if row and row[0]:
                    return str(row[0])
        return day

    def day_entries(self, day: str) -> list[DayEntry]:
        with self.lock:
            rows = self.store.list_date(check_day(day))
            texts = {a.id: a.text for a in self.store.articles_for_date(day)}
        entries: list[DayEntry] = []
        for row in rows:
            for e in entries:
                if near_duplicate(texts.get(e.article["id"], ""), texts.get(row["id"], "")):
                    e.duplicates.append(row)
                    break
            else:
                entries.append(DayEntry(row))
        return entries

    def articles(self, day: str) -> list[Article]:
        with self.lock:
            return self.store.articles_for_date(check_day(day))

    # -- the draft

    def _draft_path(self, day: str) -> Path:
        return self.drafts_dir / f"{check_day(day)}.json"

    def draft(self, day: str) -> Draft | None:
        path = self._draft_path(day)
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        digest = Digest.model_validate(data["digest"]) if data.get("digest") else None
        return Draft(day, data.get("engine", ""), Post.model_validate(data["post"]), digest)

    def regenerate(self, day: str, engine: str) -> Draft:
        """Make the day's post with the named engine and keep it as the draft under review."""
        from macrodesk.digest import make_post

        if engine not in ENGINES:
            raise InputError(f"unknown engine {engine!r}", hint="extractive or llm")
        articles = self.articles(day)
        if not articles:
            raise InputError(f"no article archived for {day}",
                             hint="ingest some with `macrodesk ingest`")
        cite = bool(self.config.section("publish").get("cite", False))
        result = make_post(articles, date=day, tz=self.config.tz, engine=engine,
                           config=self.config, allow_short=True, cite=cite)
        self.save(day, engine, result.post, result.digest)
        return Draft(day, engine, result.post, result.digest)

    def save(self, day: str, engine: str, post: Post, digest: Digest | None) -> Path:
        data = {"engine": engine, "post": post.model_dump(mode="json"),
                "digest": digest.model_dump(mode="json") if digest else None}
        return atomic_write(self._draft_path(day), json.dumps(data, ensure_ascii=False))

    def findings(self, draft: Draft) -> list[Finding]:
        return lint_text(draft.text, sources=self.articles(draft.day))

    # -- the archive

    def _texts(self, ids: list[str]) -> dict[str, str]:
        db = getattr(self.store, "db", None)  # SQLite: the bodies alone, without segmenting
        if db is not None:
            marks = ",".join("?" * len(ids))
            return dict(db.execute(f"SELECT id, title || ' ' || text FROM articles "
                                   f"WHERE id IN ({marks})", ids).fetchall())
        return {i: (a.title + " " + a.text) for i in ids if (a := self.store.get(i))}

    def search(self, query: str, *, since: str = "", until: str = "", source: str = "",
               theme: str = "", page: int = 1, size: int = 20) -> SearchPage:
        """One page of hits; the store has no offset, so the page is cut from a longer list.
        `theme` (a key of the lexicon) keeps the articles that mention one of its terms."""
        from macrodesk.lexicon import find_themes, themes

        since = check_day(since) if since else ""
        until = check_day(until) if until else ""
        if theme and theme not in themes():
            raise InputError(f"unknown theme {theme!r}", hint="choose one from the list")
        page = max(1, min(page, 50))
        want = page * size + 1
        with self.lock:
            # a bounded search asks for more, since hits the store cannot filter are dropped here
            hits = self.store.search(query, since=since or None, source=source or None,
                                     limit=want * (4 if until or theme else 1))
            if theme:
                texts = self._texts([h.article_id for h in hits])
        if until:
            hits = [h for h in hits if h.day <= until]
        if theme:
            hits = [h for h in hits
                    if any(t.theme == theme for t in find_themes(texts.get(h.article_id, "")))]
        rows = [{"id": h.article_id, "title": h.title, "source": h.source, "day": h.day,
                 "url": h.url, "parts": snippet_parts(h.snippet)}
                for h in hits[(page - 1) * size:page * size]]
        return SearchPage(query, rows, page, len(hits) > page * size)

    def article(self, article_id: str) -> Article | None:
        if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", article_id):
            return None
        with self.lock:
            return self.store.get(article_id)

    # -- publishing

    def publish(self, day: str) -> tuple[Path, list]:
        """Publish the reviewed draft to `[publish] site` and deliver it, as `macrodesk publish`
        and `macrodesk deliver` do."""
        from macrodesk.publish.deliver import deliver_post
        from macrodesk.publish.jekyll import publish_post

        draft = self.draft(day)
        if draft is None:
            raise InputError(f"no draft for {day}", hint="generate it on the Today page first")
        pub = self.config.section("publish")
        site = str(pub.get("site") or "")
        if not site:
            raise ConfigError("no Jekyll site to publish to",
                              hint='set [publish] site = "/path/to/site" in the config')
        site_dir = Path(site).expanduser()
        if not site_dir.is_dir():
            raise PublishError("site folder not found", source=str(site_dir),
                               hint="create the Jekyll site first (it needs a _config.yml)")
        push = bool(pub.get("push", False))
        path = publish_post(draft.post, site_dir, git=bool(pub.get("git", False)) or push,
                            push=push)
        return path, deliver_post(path, self.config)

    def close(self) -> None:
        self.store.close()
