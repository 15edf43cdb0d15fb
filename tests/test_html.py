"""The standalone HTML rendering: structure, safety, and a real phone-width check in headless
Chromium (Debian's chromium) driven over the DevTools protocol (--remote-debugging-pipe)."""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.errors import InputError
from macrodesk.publish.html import render_html, render_plain, write_html

from .test_publish import EXAMPLE, HOSTILE, Page, unsafe_markup

PHONE = (390, 844)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    pytest.fail("`chromium` is not installed: apt-get install -y chromium fonts-noto-cjk "
                "(.ci/run installs it)", pytrace=False)


class DevTools:
    """Chromium over --remote-debugging-pipe: JSON messages separated by NUL on fds 3/4."""

    def __init__(self, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--remote-debugging-pipe", "about:blank"]

        def fds():  # chrome reads commands on fd 3 and writes answers on fd 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen([chromium(), *flags], preexec_fn=fds, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []

    def _read(self) -> dict:
        while b"\0" not in self._buf:
            if not select.select([self._from_chrome], [], [], 30)[0]:
                raise RuntimeError("chromium did not answer over DevTools within 30 s")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_event(self, method: str) -> dict:
        for i, ev in enumerate(self.events):
            if ev.get("method") == method:
                return self.events.pop(i)
        while True:
            ev = self._read()
            if ev.get("method") == method:
                return ev
            self.events.append(ev)

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def phone_check(html_file: Path, profile: Path, shot: Path) -> dict:
    """Load the page as a 390 px wide phone, measure overflow, and save a full-page screenshot."""
    dt = DevTools(profile)
    try:
        target = next(t for t in dt.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        sid = dt.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)[
            "sessionId"]
        dt.call("Emulation.setDeviceMetricsOverride", sid, width=PHONE[0], height=PHONE[1],
                deviceScaleFactor=2, mobile=True)
        dt.call("Page.enable", sid)
        dt.call("Page.navigate", sid, url=html_file.resolve().as_uri())
        dt.wait_event("Page.loadEventFired")
        probe = """(() => {
          const d = document.documentElement;
          const tables = [...document.querySelectorAll('table')].map(t => {
            const r = t.getBoundingClientRect();
            return {left: r.left, right: r.right, scroll: t.scrollWidth, client: t.clientWidth};
          });
          return {inner: innerWidth, scroll: d.scrollWidth, client: d.clientWidth,
                  tables, scripts: document.scripts.length,
                  font: getComputedStyle(document.body).fontSize};
        })()"""
        res = dt.call("Runtime.evaluate", sid, expression=probe, returnByValue=True)
        metrics = res["result"]["value"]
        png = dt.call("Page.captureScreenshot", sid, format="png", captureBeyondViewport=True)
        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.write_bytes(base64.b64decode(png["data"]))
        return metrics
    finally:
        dt.close()


def test_phone_width_in_headless_chromium(tmp_path):
    out = write_html(EXAMPLE, tmp_path / "post.html")
    # kept where MACRODESK_TEST_ARTIFACTS points (CI can upload it), else in tmp_path
    shot = Path(os.environ.get("MACRODESK_TEST_ARTIFACTS") or tmp_path) / "post_390px.png"
    m = phone_check(out, tmp_path / "profile", shot)
    assert m["inner"] == PHONE[0]  # the page really was laid out at phone width
    assert m["scroll"] <= m["client"], m  # no horizontal scroll for the page
    assert len(m["tables"]) == 2
    for t in m["tables"]:  # each table fits inside the screen and needs no scrolling of its own
        assert t["left"] >= 0 and t["right"] <= PHONE[0], t
        assert t["scroll"] <= t["client"], t
    assert m["scripts"] == 0
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert width == PHONE[0] * 2 and height > PHONE[1] * 2  # the whole page, at 2x


def test_hostile_post_renders_without_script_in_chromium(tmp_path):
    out = write_html(HOSTILE, tmp_path / "hostile.html")
    m = phone_check(out, tmp_path / "profile", tmp_path / "hostile.png")
    assert m["scripts"] == 0 and m["scroll"] <= m["client"]


def test_structure_of_the_example():
    html = render_html(EXAMPLE.read_text(encoding="utf-8"))
    page = Page(html)
    assert page.text_in["title"] == ["美国进口高增与AI投资驱动下的出口韧性分析 —— 市场研究摘要"]
    assert page.count("table") == 2 and page.count("th") == 6
    first_ol = html.split("对于交易影响可能最大的10个信息", 1)[1]
    assert first_ol[: first_ol.index("</ol>")].count("<li>") == 10
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    head = html.split("<main>")[0]
    # one file: styles inline, nothing fetched from elsewhere
    assert "<style>" in head and "<link" not in head and "url(" not in head
    assert "---" not in page.text_in["main"][0][:20]  # the front matter is not shown


def test_no_script_from_article_text_survives():
    html = render_html(HOSTILE.read_text(encoding="utf-8"))
    page = Page(html)
    assert unsafe_markup(page) == []
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html or \
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # the | escaped inside a table cell stays in its cell
    assert page.count("td") == 6
    assert any("息差 | 资产质量双改善" in t for t in page.text_in["td"])
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_title_is_escaped():
    html = render_html('# A "quoted" </title><script>x</script> title\n\ntext\n')
    assert "<title>A &quot;quoted&quot; &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; title</title>" \
        in html


def test_plain_text_has_no_markup():
    text = render_plain(EXAMPLE.read_text(encoding="utf-8"))
    assert text.startswith("美国进口高增与AI投资驱动下的出口韧性分析 —— 市场研究摘要\n")
    assert "**" not in text and "\n#" not in text and "layout:" not in text
    assert "1. 美国2024年11月-2025年9月商品进口同比增长8.1%" in text
    assert re.search(r"^10\. ", text, re.M)
    assert "|------|" not in text and "| 半导体设备与材料 |" in text


def test_write_html_errors_and_cli(tmp_path):
    with pytest.raises(InputError, match="post file not found"):
        write_html(tmp_path / "missing.md", tmp_path / "x.html")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="bad.md: post file is not UTF-8"):
        write_html(bad, tmp_path / "x.html")
    out = tmp_path / "cli.html"
    res = CliRunner().invoke(app, ["html", str(EXAMPLE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = CliRunner().invoke(app, ["html", str(bad), "-o", str(out)])
    assert res.exit_code == 2 and "not UTF-8" in res.output
