"""The desk (`macrodesk serve`) as a reader meets it: the server started on 127.0.0.1 over an
archive of corpus reports plus a hostile article, driven by a real headless Chromium (Debian's,
through Playwright): search, evidence, publishing to a Jekyll site, inert hostile text, CSRF,
and phone width. Screenshots go to docs/."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.corpus import DESK_CORPUS as CORPUS  # noqa: E402

from .conftest import ROOT
from .test_publish import jekyll_build, make_site

DAY = "2025-05-13"  # the day of corpus reports 1, 2 and 3
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# the screenshots go to a scratch folder; MACRODESK_SCREENSHOTS=docs refreshes the README's images
DOCS = (ROOT / os.environ["MACRODESK_SCREENSHOTS"] if os.environ.get("MACRODESK_SCREENSHOTS")
        else Path(tempfile.mkdtemp(prefix="macrodesk-shots-")))

HOSTILE = """---
title: "恶意<script>window.__pwned=1</script>标题 {{ site.title }}"
publishedAt: "2025-05-13T09:30:00+08:00"
source: "攻击者<img src=x onerror=window.__pwned=2>"
sourceUrl: "javascript:window.__pwned=3"
---
央行宣布降准<script>window.__pwned=4</script>0.5个百分点，释放长期资金约1万亿元。

<img src=x onerror="window.__pwned=5"> 点击[这里](javascript:window.__pwned=6)查看 {{ site.title }} {% include x %} 详情。

<a href="javascript:window.__pwned=7" onclick="window.__pwned=8">链接</a>出口同比增长8.1%，较上月的5.6%提高2.5个百分点。
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A running desk over a fresh archive, with a Jekyll site and a webhook channel."""
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus is missing at {CORPUS} (set MACRODESK_CORPUS)", pytrace=False)
    from macrodesk.archive.batch import ingest_sources
    from macrodesk.archive.sqlite import SQLiteStore

    from .test_deliver import Hooks

    root = tmp_path_factory.mktemp("desk")
    home, inbox = root / "home", root / "in"
    inbox.mkdir()
    for n in (1, 2, 3, 154):
        shutil.copy(CORPUS / f"{n}.md", inbox / f"{n}.md")
    (inbox / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    store = SQLiteStore(home / "archive.sqlite3")
    report = ingest_sources([inbox], store)
    store.close()
    assert len(report.added) == 5, report.failures
    site = make_site(root)
    hooks = Hooks()
    (home / "config.toml").write_text(
        f'[publish]\nsite = "{site}"\ncite = true\n\n'
        f'[delivery]\nretries = 0\nbackoff = 0\n\n'
        f'[delivery.team]\ntype = "slack"\nwebhook = "{hooks.url}/slack"\n', encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, MACRODESK_HOME=str(home),
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-m", "macrodesk", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/registry", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("the desk did not start: " + proc.stdout.read(), pytrace=False)
            time.sleep(0.1)
    yield {"base": base, "site": site, "hooks": hooks, "home": home}
    proc.terminate()
    proc.wait(10)
    hooks.server.shutdown()
    hooks.server.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")  # declared in the dev extra
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: apt-get install -y chromium", pytrace=False)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()


def _draft(page, base: str) -> None:
    """Open Today for the corpus day and make the draft with the embedded engine."""
    page.goto(f"{base}/?date={DAY}")
    page.select_option("select[name=engine]", "extractive")
    page.click("#regenerate")
    page.wait_for_selector("#post li.evid")


def test_search_finds_an_article_by_a_chinese_phrase(desk, page):
    page.goto(desk["base"] + "/search")
    page.fill("input[name=q]", "商业健康保险")
    page.click("form.search button")
    page.wait_for_selector("ol.hits li")
    titles = page.locator("a.hit-title").all_inner_texts()
    assert "创新药行业深度解析" in titles
    marks = page.locator("ol.hits mark").all_inner_texts()
    assert any("商业健康保险" in m or "健康保险" in m for m in marks), marks
    snippet = page.locator("p.snippet").first.inner_text()
    assert "**" not in snippet and "|" not in snippet
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "desk-search.png"))
    page.click("a.hit-title >> text=创新药行业深度解析")
    page.wait_for_selector("section.text")
    assert "创新药" in page.inner_text("h1")
    assert page.locator("section.figures mark").count() > 0
    # the arithmetic the article states is re-derived on its page, with the verdict
    relations = page.inner_text("section.relations")
    assert re.search(r"consistent · .*6610亿元", relations), relations


def test_evidence_of_an_item_shows_its_source_sentence(desk, page):
    _draft(page, desk["base"])
    items = page.locator("#post ol").first.locator("li.evid")
    assert items.count() == 10
    for i in range(items.count()):
        item = items.nth(i)
        item.click()
        page.wait_for_function(
            "n => document.querySelector('#evidence .ev-head')?.textContent.includes('要点 ' + n)",
            arg=i + 1)
        # read the panel's head and sentence at once: a late hover on a neighbour may swap it
        head, text = page.evaluate("""() => [document.querySelector('#evidence .ev-head').textContent,
            document.querySelector('#evidence .source .sentence').textContent]""")
        shown = items.nth(int(re.search(r"要点 (\d+)", head).group(1)) - 1)
        # the item is condensed from its source sentence: their Chinese text overlaps
        item_text = re.sub(r"[^\u4e00-\u9fff]", "", shown.inner_text())
        grams = {item_text[k:k + 2] for k in range(len(item_text) - 1)}
        shared = sum(1 for g in grams if g in text)
        assert shared >= max(3, len(grams) // 3), (shown.inner_text(), text)
    # a sector row and a risk lead to their source sentence too
    for row, head in ((page.locator("#post table tbody tr.evid").first, "利好板块 1"),
                      (page.locator("#post > ol").nth(1).locator("li.evid").first, "风险提示 1")):
        row.click()
        page.wait_for_function(
            "h => document.querySelector('#evidence .ev-head')?.textContent.includes(h)", arg=head)
        assert page.locator("#evidence .source .sentence").count() >= 1, head
    # the figures of an item's source sentence are marked, and the item quotes them
    k = next(k for k in range(10) if "%" in items.nth(k).inner_text())
    items.nth(k).click()
    page.wait_for_function(
        "h => document.querySelector('#evidence .ev-head')?.textContent.includes(h)",
        arg=f"要点 {k + 1} ")
    page.wait_for_timeout(500)  # let a pending hover settle
    marks = page.locator("#evidence .sentence mark").all_inner_texts()
    assert any(m in items.nth(k).inner_text() for m in marks), marks
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "desk-evidence.png"))
    page.goto(f"{desk['base']}/?date={DAY}")
    page.screenshot(path=str(DOCS / "desk-today.png"))
    # every lint finding is listed with its line, and that line exists in the rendered draft
    page.locator("section.findings summary").click()
    lines = [int(a.get_attribute("href")[2:]) for a in page.locator("section.findings a").all()]
    assert lines  # the hostile article's English words are flagged at least
    marked = page.eval_on_selector_all("#post .has-finding", "els => els.map(e => e.id)")
    # each flagged line of the draft carries its findings where it is shown
    assert {f"L{n}" for n in lines} & set(marked)


def test_publish_from_the_browser_builds_with_jekyll(desk, page):
    _draft(page, desk["base"])
    page.click("#publish")
    page.wait_for_selector("#published-path")
    posted = list((desk["site"] / "_posts").glob(f"{DAY}-*.md"))
    assert len(posted) == 1
    text = posted[0].read_text(encoding="utf-8")
    assert "[^1]: 原文：" in text and "**来源**" in text  # [publish] cite = true
    assert "team（slack）：已送达" in page.inner_text("ul.deliveries")
    assert desk["hooks"].by_path("/slack")
    dest = jekyll_build(desk["site"])
    built = next(dest.rglob("macr_research_*.html")).read_text(encoding="utf-8")
    assert 'class="footnotes"' in built
    assert "<script" not in built.split("<body>", 1)[-1]


HOSTILE_PAGES = ["/?date=" + DAY, "/search?q=降准", "/registry"]


def _inert(page) -> list[str]:
    return page.evaluate("""() => {
        const bad = [];
        for (const s of document.scripts) if (!s.src.endsWith('/static/htmx.min.js')) bad.push('script');
        for (const el of document.querySelectorAll('*'))
            for (const a of el.attributes) {
                if (/^on/i.test(a.name)) bad.push(el.tagName + ' ' + a.name);
                if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
            }
        if (window.__pwned) bad.push('ran ' + window.__pwned);
        return bad;
    }""")


def test_hostile_article_renders_inert_on_every_page(desk, page):
    _draft(page, desk["base"])  # the draft quotes the hostile article's sentences
    from macrodesk.archive.sqlite import SQLiteStore

    store = SQLiteStore(desk["home"] / "archive.sqlite3")
    hostile = [r["id"] for r in store.list_date(DAY) if "恶意" in r["title"]]
    store.close()
    assert hostile
    body = page.inner_text("body")
    assert "恶意<script>" in body  # shown as text, not run
    urls = HOSTILE_PAGES + [f"/article/{hostile[0]}"]
    for url in urls:
        page.goto(desk["base"] + url)
        assert _inert(page) == [], url
    # and in the evidence panel of every line of the draft
    page.goto(desk["base"] + HOSTILE_PAGES[0])
    for el in page.locator("#post .evid").all():
        el.click()
        page.wait_for_selector("#evidence .ev-head")
        assert _inert(page) == []


def test_post_without_token_is_refused(desk):
    for path in ("/regenerate", "/publish"):
        req = urllib.request.Request(desk["base"] + path, data=f"date={DAY}".encode(),
                                     method="POST")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 403
        assert "Traceback" not in err.value.read().decode("utf-8")
    # a token that is not the cookie's is refused as well
    req = urllib.request.Request(desk["base"] + "/publish", data=f"date={DAY}&csrf={'x' * 43}"
                                 .encode(), headers={"Cookie": "md_csrf=" + "y" * 43})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403


def test_headers_and_errors(desk):
    with urllib.request.urlopen(desk["base"] + "/registry", timeout=10) as resp:
        csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for path in ("/article/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fapp.py", "/nowhere",
                 "/evidence?date=2025-13-45&line=1", "/search?q=%22&from=bad"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(desk["base"] + path, timeout=10)
        body = err.value.read().decode("utf-8")
        assert err.value.code in (400, 404), path
        assert "出错了" in body and "Traceback" not in body and "def " not in body


@pytest.mark.parametrize("path", ["/?date=" + DAY, "/search?q=降准", "/registry", "ARTICLE"])
def test_no_page_scrolls_sideways_at_phone_width(desk, browser, path):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = ctx.new_page()
    if path == "ARTICLE":
        pg.goto(desk["base"] + "/search?q=商业健康保险")
        path = pg.locator("a.hit-title").first.get_attribute("href")
    pg.goto(desk["base"] + path)
    width, inner = pg.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    ctx.close()
    assert width <= inner, (path, width, inner)


def test_search_filters_by_theme(desk, page):
    from macrodesk.lexicon import themes

    page.goto(desk["base"] + "/search?q=行业")
    everything = set(page.locator("a.hit-title").all_inner_texts())
    page.select_option("select[name=theme]", "chemicals")
    page.click("form.search button")
    page.wait_for_url("**theme=chemicals**")
    kept = page.locator("a.hit-title").all_inner_texts()
    assert "化工行业观察" in kept and set(kept) < everything
    terms = themes()["chemicals"].terms
    for href in page.locator("a.hit-title").evaluate_all("els => els.map(e => e.href)"):
        page.goto(href)
        text = page.inner_text("main")
        assert any(t in text for t in terms), href


def test_serve_binds_loopback_unless_told_and_then_warns(monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from macrodesk.cli import app

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: calls.append(kw))
    quiet = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert quiet.exit_code == 0, quiet.output
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8123
    assert "warning" not in quiet.output
    loud = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert calls[-1]["host"] == "0.0.0.0"
    assert "warning" in loud.output and "no login" in loud.output


def test_cite_footnotes_each_item_and_keeps_the_spec_headings():
    from macrodesk import spec
    from macrodesk.checks.post import lint_text
    from macrodesk.digest import make_post
    from macrodesk.readers import read_articles

    docs = read_articles([CORPUS / f"{n}.md" for n in (1, 2, 3)]).articles
    plain = make_post(docs, date=DAY, allow_short=True)
    cited = make_post(docs, date=DAY, allow_short=True, cite=True)
    heads = [ln for ln in cited.post.body.splitlines() if ln.startswith("#")]
    assert heads == [ln for ln in plain.post.body.splitlines() if ln.startswith("#")]
    assert spec.DISCLAIMER in "\n".join(heads)
    by_url = {a.url: a for a in docs}
    for n, fact in enumerate(cited.digest.facts, 1):
        assert re.search(rf"^{n}\. \*\*.+\*\*\[\^{n}\]$", cited.post.body, re.M)
        note = re.search(rf"^\[\^{n}\]: 原文：“(.+)” —— \[(.+)\]\((\S+)\)$", cited.post.body, re.M)
        assert note, n
        src = by_url[note.group(3)]
        assert fact.sentence_id.startswith(src.id + ":")
        assert note.group(1).replace("\\", "") == fact.source_sentence.replace("\n", " ").strip()
    sources = cited.post.body.split("**来源**", 1)[1]
    assert all(f"({a.url})" in sources for a in docs)
    # the footnotes add no defect the linter sees
    assert {f.kind for f in lint_text(cited.post.text, docs)} <= \
        {f.kind for f in lint_text(plain.post.text, docs)}
