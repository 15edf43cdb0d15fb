"""A hostile web server on 127.0.0.1: headers dripped a byte at a time, redirects into the
machine's own network (127.0.0.1, 10.x, 169.254.x), a feed whose entries point there, and a gzip
bomb. Each ends in one FetchError line within the deadline; nothing internal is stored."""

from __future__ import annotations

import gzip
import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from macrodesk.errors import FetchError
from macrodesk.readers.web import fetch, make_client, public_address
from tests.http_fixture import QuietHandler

SECRET = "内部机密：服务器口令 hunter2"


class _Hostile(QuietHandler):
    def do_GET(self):  # noqa: N802
        port = self.server.server_port
        if self.path == "/drip-headers":
            # the status line and headers, one byte every 0.2 s: forever, as far as a client knows
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * 10_000
            try:
                for i in range(len(head)):
                    self.wfile.write(head[i:i + 1])
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/secret":
            return self._send(f"<html><body><article><p>{SECRET}</p></article></body></html>".encode())
        targets = {"/to-loopback": f"http://127.0.0.1:{port}/secret",
                   "/to-private": "http://10.1.2.3/admin",
                   "/to-metadata": "http://169.254.169.254/latest/meta-data/",
                   "/to-v6-loopback": f"http://[::1]:{port}/secret"}
        if self.path in targets:
            return self._send(b"", status=302, headers={"Location": targets[self.path]})
        if self.path == "/bomb":
            # 1 GB of zeros in about 1 MB, declared as gzip
            raw = gzip.compress(b"\0" * (64 << 20), 9) * 16
            return self._send(raw, headers={"Content-Encoding": "gzip"})
        return self._send(b"nope", status=404)


@pytest.fixture(scope="module")
def hostile():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    srv.daemon_threads = True
    srv.handle_error = lambda *args: None
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_port
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("ip,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("::1", False),
    ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
    ("8.8.8.8", True), ("2606:4700::1111", True)])
def test_internal_addresses_are_not_public(ip, public):
    assert public_address(ip) is public


def one_line(exc: FetchError) -> str:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_loopback_is_refused_unless_allowed(hostile):
    with pytest.raises(FetchError, match="internal address") as err:
        fetch(f"http://127.0.0.1:{hostile}/secret", client=make_client(allow_hosts=set()))
    assert "allow_hosts" in err.value.hint
    got = fetch(f"http://127.0.0.1:{hostile}/secret", client=make_client(allow_hosts={"127.0.0.1"}))
    assert SECRET in got.content.decode()


def test_a_name_that_resolves_to_loopback_is_refused(hostile):
    with pytest.raises(FetchError, match="internal address"):
        fetch(f"http://localhost:{hostile}/secret", client=make_client(allow_hosts=set()))


@pytest.mark.parametrize("path", ["/to-loopback", "/to-private", "/to-metadata", "/to-v6-loopback"])
def test_every_redirect_is_checked(hostile, path):
    # the first host is allowed (the user's own feed server); where it redirects is not
    client = make_client(allow_hosts={"localhost"})
    started = time.monotonic()
    with pytest.raises(FetchError, match="internal address") as err:
        fetch(f"http://localhost:{hostile}{path}", client=client, deadline=5)
    assert SECRET not in one_line(err.value)
    assert time.monotonic() - started < 5


def test_headers_dripped_a_byte_at_a_time_stop_at_the_deadline(hostile):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took over 2 s") as err:
        fetch(f"http://127.0.0.1:{hostile}/drip-headers", deadline=2, timeout=20,
              client=make_client(20, allow_hosts={"127.0.0.1"}))
    one_line(err.value)
    # the read timeout (20 s) never fires: each byte comes in 0.2 s; the deadline cuts it
    assert time.monotonic() - started < 4


def test_gzip_bomb_stops_at_the_size_limit(hostile):
    started = time.monotonic()
    with pytest.raises(FetchError, match="over the 5.0 MB limit") as err:
        fetch(f"http://127.0.0.1:{hostile}/bomb", max_bytes=5 << 20, deadline=20,
              client=make_client(allow_hosts={"127.0.0.1"}))
    one_line(err.value)
    assert time.monotonic() - started < 20


def test_a_feed_pointing_inside_stores_nothing_internal(hostile, tmp_path, monkeypatch):
    from macrodesk.archive import open_store
    from macrodesk.archive.batch import ingest_sources

    port = hostile
    feed = tmp_path / "feed.xml"
    items = "".join(f"<item><title>条目{i}</title><link>{u}</link></item>" for i, u in enumerate([
        f"http://127.0.0.1:{port}/secret", "http://10.1.2.3/x", "http://169.254.169.254/x",
        f"http://localhost:{port}/to-loopback"]))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                    "</channel></rss>", "utf-8")

    # serve the feed from an allowed name; its entries point inside
    class FeedHandler(_Hostile):
        def do_GET(self):  # noqa: N802
            if self.path == "/feed.xml":
                return self._send(feed.read_bytes(), "application/rss+xml")
            return super().do_GET()

    srv = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        feed.write_text(feed.read_text("utf-8").replace(str(port), str(srv.server_port)), "utf-8")
        monkeypatch.setenv("MACRODESK_FETCH_ALLOW", "localhost")
        store = open_store()
        report = ingest_sources([f"http://localhost:{srv.server_port}/feed.xml"], store,
                                deadline=5, timeout=5)
    finally:
        srv.shutdown()
        srv.server_close()
    messages = [str(f) for f in report.failures]
    assert len(messages) == 4 and all("internal address" in m for m in messages), messages
    assert all("\n" not in m for m in messages)
    assert store.count() == 0 and not store.search("hunter2")


def test_daily_finishes_and_publishes_despite_a_hostile_server(hostile, tmp_path):
    import shutil
    from pathlib import Path

    from macrodesk.config import load_config
    from macrodesk.daily import run_daily
    from tests.test_publish import make_site

    sample = Path(__file__).resolve().parents[2] / "src" / "macrodesk" / "samples" / \
        "2026_china_economy_foreign_views.md"  # published 2025-12-24
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sample, inbox / "good.md")
    site = make_site(tmp_path)
    base = f"http://localhost:{hostile}"
    urls = [f"{base}/drip-headers", f"{base}/to-loopback", f"{base}/to-metadata", f"{base}/bomb"]
    toml = tmp_path / "config.toml"
    # the config is passed with --config (not the default file): its allow_hosts still count
    toml.write_text(f'[daily]\nsources = ["{inbox}", ' + ", ".join(f'"{u}"' for u in urls)
                    + f']\n[publish]\nsite = "{site}"\n'
                    '[fetch]\nallow_hosts = ["localhost"]\ndeadline = 2\ntimeout = 5\n', "utf-8")
    started = time.monotonic()
    report = run_daily("2025-12-24", config=load_config(toml))
    took = time.monotonic() - started
    assert report.exit_code == 0 and report.ingested == 1, report
    assert len(report.ingest_failures) == 4
    for msg in report.ingest_failures:
        assert "\n" not in msg and SECRET not in msg
    assert "took over 2 s" in next(m for m in report.ingest_failures if "drip" in m)
    assert all("internal address" in m for m in report.ingest_failures if "/to-" in m)
    assert "limit" in next(m for m in report.ingest_failures if "bomb" in m)
    # four sources on 4 threads, each cut at its deadline: the run does not wait on any of them
    assert took < 30
    assert (site / "_posts" / "2025-12-24-macr_research_2025-12-24.md").exists()
