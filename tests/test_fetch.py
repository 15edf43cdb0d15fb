"""Fetching over real HTTP from a server on 127.0.0.1 started inside the test: saved pages,
redirects, errors, slow and endless responses, feeds, and batches that resume."""

from __future__ import annotations

import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from macrodesk.archive.batch import ingest_sources
from macrodesk.archive.sqlite import SQLiteStore
from macrodesk.errors import FetchError
from macrodesk.readers.web import article_from_fetched, fetch, parse_feed
from tests.http_fixture import QuietHandler

from .conftest import FIXTURES

DIR = FIXTURES / "ingest"


# the server runs on 127.0.0.1, which macrodesk refuses unless allowed
pytestmark = pytest.mark.usefixtures("allow_local_fetch")

class _Handler(QuietHandler):
    calls: dict[str, int] = {}
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        path = self.path
        _Handler.calls[path] = _Handler.calls.get(path, 0) + 1
        _Handler.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_port}"
        pages = {"/investing.html": "investing_analysis.html", "/wechat.html": "wechat_article.html",
                 "/articles/1.html": "investing_analysis.html", "/articles/2.html": "wechat_article.html",
                 "/articles/3.html": "gbk_page.html", "/gbk.html": "gbk_page.html"}
        if path in pages:
            # the GBK page says its charset only in <meta>; investing/wechat are UTF-8 with no charset
            return self._send((DIR / pages[path]).read_bytes(), "text/html")
        if path == "/gbk-header.html":
            return self._send((DIR / "gbk_page.html").read_bytes(), "text/html; charset=GBK")
        if path == "/report.pdf":
            return self._send((DIR / "research_report.pdf").read_bytes(), "application/pdf")
        if path == "/feed.xml":
            xml = (DIR / "feed.xml").read_text(encoding="utf-8").replace("{BASE}", base)
            return self._send(xml.encode(), "application/rss+xml; charset=utf-8")
        if path == "/notfeed.xml":
            return self._send(b"<html><body>Service unavailable <b>oops", "application/rss+xml")
        if path == "/redirect":
            return self._send(b"", "text/html", 302, {"Location": "/investing.html"})
        if path == "/loop":
            return self._send(b"", "text/html", 302, {"Location": "/loop"})
        if path == "/slow":
            time.sleep(3)
            return self._send(b"<html>late</html>", "text/html")
        if path == "/big":
            return self._send(b"x" * 300_000, "text/html")
        if path == "/flaky":
            if _Handler.calls[path] == 1:
                return self._send(b"busy", "text/plain", 503)
            return self._send((DIR / "wechat_article.html").read_bytes(), "text/html")
        if path in ("/endless", "/drip"):
            # no Content-Length: the body never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + "无尽的内容".encode() * 200 + b"</p>"
            try:
                for _ in range(100_000):
                    self.wfile.write(chunk if path == "/endless" else b"<p>.</p>")
                    self.wfile.flush()
                    if path == "/drip":
                        time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        return self._send(b"<html>not here</html>", "text/html", 404)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.handle_error = lambda *args: None  # clients that hang up on purpose are not errors
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def test_fetch_page_with_real_user_agent(server):
    got = fetch(f"{server}/investing.html")
    assert got.status == 200 and got.content_type == "text/html"
    art = article_from_fetched(got)
    assert art.title == "中国经济：外需回暖、内需分化"
    assert "AI精选股" not in art.text
    assert "macrodesk/" in _Handler.agents[-1] and _Handler.agents[-1].startswith("Mozilla/5.0")


def test_redirect_followed_and_recorded(server):
    got = fetch(f"{server}/redirect")
    assert got.final_url == f"{server}/investing.html"
    art = article_from_fetched(got)
    assert art.meta["fetched_from"] == f"{server}/redirect"
    # the page names its canonical URL; that is the article's URL
    assert art.url == "https://cn.investing.com/analysis/article-200512345"


def test_redirect_loop_is_an_error(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch(f"{server}/loop")


def test_404_is_one_clear_error(server):
    with pytest.raises(FetchError, match="HTTP 404") as exc:
        fetch(f"{server}/nothing-here")
    assert str(exc.value).startswith(f"{server}/nothing-here:")


def test_slow_response_times_out(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_endless_response_stops_at_size_limit(server):
    with pytest.raises(FetchError, match="over the .* limit"):
        fetch(f"{server}/endless", max_bytes=200_000)


def test_dripping_endless_response_stops_at_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took over"):
        fetch(f"{server}/drip", deadline=1.0, max_bytes=10_000_000)
    assert time.monotonic() - started < 3


def test_declared_size_over_limit(server):
    with pytest.raises(FetchError, match="over the"):
        fetch(f"{server}/big", max_bytes=100_000)


@pytest.mark.parametrize("path", ["/gbk.html", "/gbk-header.html"])
def test_gbk_page_decoded(server, path):
    art = article_from_fetched(fetch(server + path))
    assert art.title == "关税交易空间收窄，经济数据将主导市场"
    assert art.sentences[0].text.startswith("近期市场交易始终围绕着中美元首通话")


def test_pdf_over_http(server):
    art = article_from_fetched(fetch(f"{server}/report.pdf"))
    assert art.title == "美国核心CPI会持续走弱吗" and art.url == f"{server}/report.pdf"


def test_feed_entries_parsed(server):
    got = fetch(f"{server}/feed.xml")
    assert got.is_feed
    feed = parse_feed(got)
    assert feed.title == "某研究所宏观研究"
    assert [e.url for e in feed.entries] == [f"{server}/articles/{i}.html" for i in (1, 2, 3)]
    assert feed.entries[0].published.isoformat() == "2025-12-01T08:00:00+08:00"


def test_feed_that_is_not_xml(server):
    with pytest.raises(FetchError, match="not a valid RSS/Atom feed"):
        parse_feed(fetch(f"{server}/notfeed.xml"))


def test_ingest_feed_then_rerun_stores_nothing_new(server, tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    report = ingest_sources([f"{server}/feed.xml", f"{server}/notfeed.xml"], store, concurrency=3)
    assert sorted(a.title for a in report.added) == sorted(
        ["中国经济：外需回暖、内需分化", "春节错位如何扰动1-2月经济数据", "关税交易空间收窄，经济数据将主导市场"])
    assert [("not a valid RSS/Atom feed" in str(e)) for e in report.failures] == [True]
    assert store.count() == 3
    again = ingest_sources([f"{server}/feed.xml"], store)
    assert again.added == [] and len(again.skipped) == 3 and store.count() == 3
    store.close()


def test_bad_urls_reported_and_batch_goes_on(server, tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    report = ingest_sources([f"{server}/missing", f"{server}/slow", f"{server}/wechat.html",
                             f"{server}/big"], store, timeout=0.5, max_bytes=100_000)
    assert [a.title for a in report.added] == ["春节错位如何扰动1-2月经济数据"]
    msgs = sorted(str(e) for e in report.failures)
    assert len(msgs) == 3
    assert any("HTTP 404" in m for m in msgs) and any("timed out" in m for m in msgs)
    assert any("over the" in m for m in msgs)
    store.close()


def test_failed_source_retried_on_next_run(server, tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    first = ingest_sources([f"{server}/flaky"], store)
    assert first.added == [] and "HTTP 503" in str(first.failures[0])
    assert store.source_record(f"{server}/flaky").status == "failed"
    second = ingest_sources([f"{server}/flaky"], store)
    assert [a.title for a in second.added] == ["春节错位如何扰动1-2月经济数据"]
    assert store.source_record(f"{server}/flaky").attempts == 2
    store.close()
