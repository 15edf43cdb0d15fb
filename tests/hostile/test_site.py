"""The hostile articles of fixtures/ (real reports plus injected markup, see build_fixtures.py)
taken down every path to a reader: `digest -o _posts`, `publish` (of a rendered post and of a
hand-edited hostile one), `daily` from a folder and from a feed, a digest whose every field is
hostile, and each channel's payload. A real `jekyll build` makes the site and a real headless
Chromium loads every built page: no executed Liquid, no script, no event handler, no
javascript: link anywhere, while the payloads' text is still shown."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from macrodesk import spec
from macrodesk.cli import app
from macrodesk.config import load_config
from macrodesk.daily import run_daily
from macrodesk.models import Digest, Fact, Risk, SectorRow, SourceRef, Step
from macrodesk.publish.deliver import message_from_post
from macrodesk.publish.html import render_html
from macrodesk.render import render_post
from tests.hostile.build_fixtures import BLOCKS, INLINE, TITLE
from tests.test_deliver import Hooks
from tests.test_publish import Page, jekyll_build, make_site, need

FIX = Path(__file__).resolve().parent / "fixtures"
ARTICLES = sorted(FIX.glob("hostile_*.md"))
MARKER = "SITE-TITLE-RAN"  # the site's title: seen in a post only if its Liquid ran
CHROMIUM = "/usr/bin/chromium"


def unsafe(page: Page) -> list[str]:
    """Elements and attributes that run code: script-like tags, on* handlers, javascript:,
    vbscript: or data: URLs (as a browser reads them: entities decoded, blanks dropped)."""
    bad = [t for t, _ in page.tags if t in ("script", "iframe", "object", "embed", "img", "svg",
                                             "details", "math", "form", "base", "meta", "link")
           and t not in ("meta", "link")]
    for tag, attrs in page.tags:
        bad += [f"{tag}[{k}]" for k in attrs if k.lower().startswith("on")]
        for key in ("href", "src", "action", "formaction", "xlink:href"):
            if attrs.get(key) is not None and not spec.safe_url(attrs[key]):
                bad.append(f"{tag}[{key}={attrs[key][:30]}]")
    return bad


def article_of(html: str) -> str:
    return html.split("<article>", 1)[1].split("</article>", 1)[0]


def dom(path: Path, tmp: Path) -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: apt-get install -y chromium", pytrace=False)
    profile = tmp / f"chrome-{path.stem}"
    res = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom",
         path.as_uri()], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and "<html" in res.stdout, res.stderr[-1500:]
    return res.stdout


def feed_server(entries: list[tuple[str, str]]):
    """An RSS feed on 127.0.0.1 whose items carry the hostile articles' text in full."""
    items = "".join(
        f"<item><title><![CDATA[{t}]]></title><link>http://127.0.0.1/never/{i}</link>"
        f"<pubDate>Thu, 12 Jun 2025 08:00:00 +0800</pubDate>"
        f"<content:encoded><![CDATA[{c}]]></content:encoded></item>"
        for i, (t, c) in enumerate(entries))
    xml = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
           f"<title>{INLINE[0]}</title>{items}</channel></rss>").encode()

    class H(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(xml)))
            self.end_headers()
            self.wfile.write(xml)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def every_field_hostile() -> Digest:
    """A digest whose every string is a payload followed by real report text."""
    text = [line for a in ARTICLES for line in a.read_text("utf-8").split("\n")
            if len(line) > 40 and not line.startswith(("#", "|", "-", " ", "title"))]
    pay = INLINE + BLOCKS + [TITLE, "line one\n# 注入的标题\n<script>x</script>"]

    def s(i: int) -> str:
        return pay[i % len(pay)] + text[i % len(text)][:60]
    return Digest(
        headline=s(0), overview=s(1),
        facts=[Fact(text=s(i), sentence_id=f"a:{i}", source_sentence=s(i)) for i in range(10)],
        event_overview=[s(11), s(12), s(22)], core_logic=s(13), allocation=s(14),
        steps=[Step(title=s(15), points=[s(16), s(17)]), Step(title=s(18), points=[s(19)])],
        bullish=[SectorRow(sector=s(20), logic=s(21), etfs=[s(3)])],
        bearish=[SectorRow(sector=s(23), logic=s(24), etfs=[])],
        risks=[Risk(title=s(25), explanation=s(26))], technical_note=s(5),
        datacheck=[s(6), s(7)], disclaimer=s(8),
        sources=[SourceRef(title=TITLE, url="javascript:alert(1)"),
                 SourceRef(title=s(9), url="https://example.com/a")])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One Jekyll site holding a post from every path, its build, and the channel payloads."""
    tmp = tmp_path_factory.mktemp("hostile")
    mp = pytest.MonkeyPatch()
    mp.setenv("MACRODESK_HOME", str(tmp / "home"))
    hooks = Hooks()
    feed = None
    try:
        site = make_site(tmp)
        (site / "_config.yml").write_text(f"title: {MARKER}\nmarkdown: kramdown\ntimezone: Asia/Shanghai\n", "utf-8")
        posts = site / "_posts"
        runner = CliRunner()
        # 1. the README's first line: digest -o site/_posts/
        res = runner.invoke(app, ["digest", *map(str, ARTICLES), "--date", "2026-01-05",
                                  "-o", str(posts)])
        assert res.exit_code == 0, res.output
        # 2. publish: a rendered post, and a hand-edited one with raw payloads in its body
        out = tmp / "post.md"
        res = runner.invoke(app, ["digest", *map(str, ARTICLES[:2]), "--date", "2026-01-06",
                                  "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert runner.invoke(app, ["publish", str(out), "--site", str(site)]).exit_code == 0
        edited = out.read_text("utf-8").replace("2026-01-06", "2026-01-07").split("\n")
        at = next(i for i, x in enumerate(edited) if x.startswith("### "))
        edited[at + 1:at + 1] = ["", *INLINE, "", *BLOCKS, ""]
        raw = tmp / "edited.md"
        raw.write_text("\n".join(edited), "utf-8")
        res = runner.invoke(app, ["publish", str(raw), "--site", str(site)])
        assert res.exit_code == 0, res.output
        # 3. daily: a folder of hostile articles and a hostile feed, to the site and 5 chats
        inbox = tmp / "inbox"
        inbox.mkdir()
        for a in ARTICLES[:2]:
            shutil.copy(a, inbox / a.name)
        bodies = [a.read_text("utf-8").split("\n---\n", 1)[1] for a in ARTICLES[2:]]
        feed = feed_server([(TITLE + str(i), "<p>" + "</p><p>".join(b.split("\n\n")) + "</p>")
                            for i, b in enumerate(bodies)])
        mp.setenv("MACRODESK_FETCH_ALLOW", "127.0.0.1")
        toml = tmp / "config.toml"
        chans = {"feishu": "/feishu", "dingtalk": "/dingtalk", "wecom": "/wecom",
                 "slack": "/slack"}
        toml.write_text(
            f'[daily]\nsources = ["{inbox}", "http://127.0.0.1:{feed.server_port}/feed.xml"]\n'
            f'[publish]\nsite = "{site}"\n'
            '[delivery]\nretries = 0\nbackoff = 0\nsite_url = "javascript:alert(1)//"\n'
            + "".join(f'[delivery.{k}]\nwebhook = "{hooks.url}{p}"\n' for k, p in chans.items())
            + f'[delivery.tg]\ntype = "telegram"\ntoken = "TOKEN123"\nchat_id = "1"\n'
              f'api_base = "{hooks.url}"\n', "utf-8")
        report = run_daily("2025-06-12", config=load_config(toml))
        assert report.post_path is not None if hasattr(report, "post_path") else True
        # 4. every field of a digest hostile, rendered and published
        hostile_post = render_post(every_field_hostile(), date="2026-01-10")
        (posts / hostile_post.filename).write_text(hostile_post.text, "utf-8")
        dest = jekyll_build(site)  # a Liquid {% include %} that ran would fail the build
        pages = sorted(dest.rglob("macr_research_*.html"))
        yield {"tmp": tmp, "site": site, "pages": pages, "hooks": hooks,
               "posts": sorted(posts.glob("*.md")), "daily": report}
    finally:
        hooks.server.shutdown()
        hooks.server.server_close()
        if feed:
            feed.shutdown()
            feed.server_close()
        mp.undo()


def test_every_path_made_a_page(site):
    days = sorted(re.search(r"(\d{4}-\d{2}-\d{2})", p.name).group(1) for p in site["posts"])
    assert days == ["2025-06-12", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-10"]
    assert len(site["pages"]) == 5
    for post in site["posts"]:
        assert f"{spec.LIQUID_OFF}: false" in post.read_text("utf-8")


def test_built_pages_run_nothing_and_still_show_the_text(site):
    shown = 0
    for path in site["pages"]:
        html = path.read_text("utf-8")
        page = Page(html)
        assert unsafe(page) == [], (path.name, unsafe(page))
        body = article_of(html)
        assert MARKER not in body, path.name  # no Liquid ran
        text = " ".join(" ".join(v) for v in page.text_in.values())
        shown += len(set(re.findall(r"PWN\d+", text)))
    # the payloads reached the pages as text: escaping, not deleting, kept them
    assert shown >= 20


def test_chromium_loads_every_page_with_no_script_handler_or_javascript_link(site):
    need("jekyll")
    for path in site["pages"]:
        page = Page(dom(path, site["tmp"]))
        assert unsafe(page) == [], (path.name, unsafe(page))
        assert not [t for t, a in page.tags if t == "a" and not spec.safe_url(a.get("href", ""))]


def test_lint_finds_no_markup_in_any_published_post(site):
    from macrodesk.checks.post import lint_text

    for post in site["site"].joinpath("_posts").glob("*.md"):
        kinds = {f.kind for f in lint_text(post.read_text("utf-8"))}
        assert not kinds & {"raw_html", "liquid", "unsafe_link"}, (post.name, kinds)


def test_every_channel_payload_is_inert(site):
    hooks = site["hooks"]
    got = {r["path"]: r["json"] for r in hooks.requests}
    assert {"/feishu", "/dingtalk", "/wecom", "/slack", "/botTOKEN123/sendMessage"} <= set(got)
    # DingTalk and WeCom render their markdown, HTML included: render it as they would
    md = MarkdownIt("commonmark", {"html": True})
    for path, text in (("/dingtalk", got["/dingtalk"]["markdown"]["text"]),
                       ("/wecom", got["/wecom"]["markdown"]["content"])):
        page = Page(md.render(text))
        assert unsafe(page) == [] and not re.search(r"\{\{|\{%", text), (path, unsafe(page))
        assert "javascript" not in text.lower() or "&#" in text
        assert not spec.unsafe_links(text), path
    tg = got["/botTOKEN123/sendMessage"]["text"]
    assert {t for t, _ in Page(tg).tags} <= {"b", "a"} and unsafe(Page(tg)) == []
    # Slack mrkdwn reads <target|label> as a link or a mention: only http(s) links may appear
    # (a plain_text header is never parsed, so it may show "<script>" as written)
    slack = got["/slack"]
    mrkdwn = [slack["text"]] + [b["text"]["text"] for b in slack["blocks"]
                                if b["text"]["type"] == "mrkdwn"]
    for text in mrkdwn:
        for target in re.findall(r"<([^>|]*)", text):
            assert re.match(r"https?://", target), target
    for block in got["/feishu"]["content"]["post"]["zh_cn"]["content"]:
        for el in block:
            assert el["tag"] in ("text", "a") and spec.safe_url(el.get("href", "https://x"))


def test_email_and_html_page_are_inert(site):
    for post in site["posts"]:
        msg = message_from_post(post, url="javascript:alert(1)")
        assert msg.url == ""
        page = Page(render_html(post.read_text("utf-8")))
        assert unsafe(page) == [], (post.name, unsafe(page))
        # the text/plain part shows the characters as written (nothing renders it), minus the
        # controls and direction overrides that could disguise them
        assert "\x1b" not in msg.text and "\u202e" not in msg.text

