"""The desk's web app (Starlette, Jinja2 pages, htmx for the evidence panel): Today, evidence,
search, article, registry and publish, over one archive. Every article-derived string reaches
the page through Jinja2's autoescape; no inline script runs (see `security`)."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from macrodesk import spec
from macrodesk.config import Config, load_config
from macrodesk.desk.evidence import EvidenceFinder, line_roles
from macrodesk.desk.security import SecurityMiddleware, require_csrf
from macrodesk.desk.service import ENGINES, Desk, check_day
from macrodesk.errors import MacrodeskError

HERE = Path(__file__).parent
ROLE_NAMES = {"item": "今日要点", "bullish": "利好板块", "bearish": "承压板块", "risk": "风险提示",
              "line": "正文"}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.globals.update(role_names=ROLE_NAMES, engines=ENGINES)
    return env


def _draft_html(desk: Desk, day: str, text: str, findings) -> str:
    """The draft as readers will see it, each block tagged with its post line (for the evidence
    panel and the findings shown beside it)."""
    from macrodesk.publish.html import render_body_html

    lines = text.split("\n")
    start = spec.front_matter_span(lines)
    roles = line_roles(text)
    by_line: dict[int, list[str]] = {}
    for f in findings:
        by_line.setdefault(f.line, []).append(f"{f.severity}: {f.message}")

    def annotate(tok, first: int, last: int) -> None:
        if tok.type not in ("list_item_open", "tr_open", "paragraph_open", "heading_open"):
            return
        tok.attrSet("id", f"L{first}")
        notes = [m for n in range(first, last + 1) for m in by_line.get(n, ())]
        if tok.type == "paragraph_open" and tok.level > 1:
            notes = []  # a list item's own paragraph: the item carries the notes
        classes = []
        if notes:
            classes.append("has-finding")
            tok.attrSet("data-finding", f"第{first}行 · " + " / ".join(notes))
        if first in roles or (tok.type in ("list_item_open", "tr_open") and first > start):
            classes.append("evid")
            tok.attrSet("hx-get", f"/evidence?date={day}&line={first}")
            tok.attrSet("hx-target", "#evidence")
            tok.attrSet("hx-trigger", "click, focus, mouseenter delay:350ms")
            tok.attrSet("tabindex", "0")
        if classes:
            tok.attrSet("class", " ".join(classes))

    return render_body_html("\n".join(lines[start:]), first_line=start + 1, footnotes=True,
                            annotate=annotate)


class _Finders:
    """A few EvidenceFinders kept per draft text: hovering many items re-derives nothing."""

    def __init__(self, size: int = 4):
        self.size = size
        self.items: OrderedDict[tuple[str, str], EvidenceFinder] = OrderedDict()

    def get(self, key, make):
        if key not in self.items:
            self.items[key] = make()
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return self.items[key]


def create_app(config: Config | None = None, desk: Desk | None = None) -> Starlette:
    cfg = config or load_config()
    desk = desk or Desk(cfg)
    env = _env()
    finders = _Finders()

    def page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("nav", "")
        body = env.get_template(name).render(csrf=request.state.csrf, **ctx)
        return HTMLResponse(body, status_code=status)

    def day_of(request: Request) -> str:
        raw = request.query_params.get("date", "")
        return check_day(raw) if raw else desk.latest_day()

    def today(request: Request) -> Response:
        day = day_of(request)
        entries = desk.day_entries(day)
        draft = desk.draft(day)
        findings, body = [], ""
        if draft is not None:
            findings = desk.findings(draft)
            body = _draft_html(desk, day, draft.text, findings)
        return page(request, "today.html", nav="today", day=day, entries=entries, draft=draft,
                    findings=findings, body=body)

    async def regenerate(request: Request) -> Response:
        form = await require_csrf(request)
        day = check_day(str(form.get("date", "")))
        engine = str(form.get("engine", "extractive"))
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(desk.regenerate, day, engine)
        return RedirectResponse(f"/?date={day}", status_code=303)

    def evidence(request: Request) -> Response:
        day = check_day(request.query_params.get("date", ""))
        try:
            line = int(request.query_params.get("line", ""))
        except ValueError:
            raise HTTPException(400, "line must be a number") from None
        draft = desk.draft(day)
        if draft is None:
            raise HTTPException(404, f"{day} 没有草稿")
        finder = finders.get((day, draft.text), lambda: EvidenceFinder(
            draft.digest, draft.text, desk.articles(day)))
        ev = finder.for_line(line)
        if ev is None:
            raise HTTPException(404, "草稿没有这一行")
        fragment = request.headers.get("HX-Request") == "true"
        return page(request, "evidence.html", nav="today", ev=ev, day=day, fragment=fragment)

    def search(request: Request) -> Response:
        q = request.query_params.get("q", "").strip()[:200]
        params = {k: request.query_params.get(k, "").strip()[:64]
                  for k in ("from", "to", "source", "theme")}
        try:
            pg = int(request.query_params.get("page", "1"))
        except ValueError:
            pg = 1
        result = None
        if q:
            result = desk.search(q, since=params["from"], until=params["to"],
                                 source=params["source"], theme=params["theme"], page=pg)
        from macrodesk.lexicon import themes

        choices = sorted(((k, t.zh) for k, t in themes().items()), key=lambda kv: kv[1])
        return page(request, "search.html", nav="search", q=q, params=params, result=result,
                    themes=choices)

    def article(request: Request) -> Response:
        art = desk.article(request.path_params["article_id"])
        if art is None:
            raise HTTPException(404, "没有这篇文章")
        from macrodesk.checks.arithmetic import check_article

        outline = [p for p in art.paragraphs if p.kind == "heading"]
        figures = [(s, f) for s in art.sentences for f in s.figures
                   if f.kind.value not in ("number", "date")]
        checks = check_article(art)
        paras = [(p, re.sub(r"\*\*|__", "", p.text)) for p in art.paragraphs]
        return page(request, "article.html", nav="search", art=art, outline=outline,
                    figures=figures, checks=checks, paras=paras)

    def registry(request: Request) -> Response:
        from macrodesk import etf
        from macrodesk.lexicon import themes

        names = {k: t.zh for k, t in themes().items()}
        groups: dict[str, dict[str, list]] = {}
        for fund in sorted(etf.registry().values(), key=lambda f: (f.market, f.code)):
            theme = fund.themes[0] if fund.themes else ""
            groups.setdefault(theme, {}).setdefault(fund.market, []).append(fund)
        ordered = sorted(groups.items(), key=lambda kv: names.get(kv[0], kv[0]))
        return page(request, "registry.html", nav="registry", groups=ordered, names=names)

    async def publish(request: Request) -> Response:
        form = await require_csrf(request)
        day = check_day(str(form.get("date", "")))
        from starlette.concurrency import run_in_threadpool

        path, results = await run_in_threadpool(desk.publish, day)
        return page(request, "published.html", nav="today", day=day, path=path, results=results)

    async def on_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            status, message = exc.status_code, str(exc.detail)
            message = {"Not Found": "页面不存在", "Method Not Allowed": "不允许这种请求方法"
                       }.get(message, message)
        elif isinstance(exc, MacrodeskError):
            status, message = 400, str(exc)
        else:  # never a traceback on the page: the kind of error is enough to report it
            status, message = 500, f"内部错误（{type(exc).__name__}）"
        if not hasattr(request.state, "csrf"):
            request.state.csrf = ""
        try:
            return page(request, "error.html", status=status, status_code=status, message=message)
        except Exception:  # noqa: BLE001 - the error page itself failed: plain text then
            return HTMLResponse(html.escape(message), status_code=status)

    def favicon(request: Request) -> Response:
        return Response(status_code=204)

    routes = [
        Route("/", today),
        Route("/favicon.ico", favicon),
        Route("/regenerate", regenerate, methods=["POST"]),
        Route("/evidence", evidence),
        Route("/search", search),
        Route("/article/{article_id}", article),
        Route("/registry", registry),
        Route("/publish", publish, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: on_error, HTTPException: on_error,
                                                       MacrodeskError: on_error})
    app.add_middleware(SecurityMiddleware)
    app.state.desk = desk
    return app
