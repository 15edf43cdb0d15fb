"""Publishing into a Jekyll site: the spec file name, replacement, git, and a real `jekyll build`
of safe and hostile posts (Debian's jekyll package)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.errors import PublishError
from macrodesk.models import Post
from macrodesk.publish.jekyll import prepare_post, publish_post, sanitize_body, table_problems
from macrodesk.spec import escape_cell, split_front_matter

FIX = Path(__file__).parent / "fixtures" / "publish"
EXAMPLE = FIX / "macr_research_2025-12-23.md"
HOSTILE = FIX / "hostile_post.md"

LAYOUT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title | escape }}</title></head>
<body><article>{{ content }}</article></body></html>
"""


def need(program: str) -> str:
    path = shutil.which(program)
    if not path:
        pytest.fail(f"`{program}` is not installed: apt-get install -y {program} "
                    "(.ci/run installs it)", pytrace=False)
    return path


def make_site(root: Path) -> Path:
    """A minimal Jekyll site: no theme gem, just a config and the `post` layout."""
    site = root / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: macrodesk test\nmarkdown: kramdown\ntimezone: Asia/Shanghai\n",
                                      encoding="utf-8")
    (site / "_layouts" / "post.html").write_text(LAYOUT, encoding="utf-8")
    return site


def jekyll_build(site: Path) -> Path:
    jekyll = need("jekyll")
    dest = site.parent / "_site"
    res = subprocess.run([jekyll, "build", "--safe", "-q", "-s", str(site), "-d", str(dest)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return dest


class Page(HTMLParser):
    """Collects elements, their attributes and text, to check the built HTML structurally."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text_in: dict[str, list[str]] = {}
        self.current: list[list] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.current.append([tag, ""])

    def handle_endtag(self, tag):
        for i in range(len(self.current) - 1, -1, -1):
            if self.current[i][0] == tag:
                t, text = self.current.pop(i)
                self.text_in.setdefault(t, []).append(text.strip())
                break

    def handle_data(self, data):
        for entry in self.current:
            entry[1] += data

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def built_page(dest: Path, date: str) -> str:
    y, m, d = date.split("-")
    page = dest / y / m / d / f"macr_research_{date}.html"
    assert page.exists(), sorted(str(p) for p in dest.rglob("*.html"))
    return page.read_text(encoding="utf-8")


def unsafe_markup(page: Page) -> list[str]:
    bad = [t for t, _ in page.tags if t in ("script", "iframe", "object", "embed", "img")]
    for tag, attrs in page.tags:
        bad += [f"{tag}[{k}]" for k in attrs if k.lower().startswith("on")]
        href = (attrs.get("href") or "").strip().lower()
        if href.startswith(("javascript:", "vbscript:", "data:")):
            bad.append(f"{tag}[href={href}]")
    return bad


def test_jekyll_builds_the_published_example(tmp_path):
    site = make_site(tmp_path)
    path = publish_post(EXAMPLE, site)
    assert path == site / "_posts" / "2025-12-23-macr_research_2025-12-23.md"
    html = built_page(jekyll_build(site), "2025-12-23")
    page = Page(html)
    _, body = split_front_matter(EXAMPLE.read_text(encoding="utf-8"))
    headings = [re.sub(r"^#+\s+", "", x).strip() for x in body.splitlines()
                if re.match(r"^#{1,4}\s", x)]
    assert len(headings) > 15
    rendered = [t for tag in ("h1", "h2", "h3", "h4") for t in page.text_in.get(tag, [])]
    for h in headings:
        assert h.replace("**", "") in rendered, h
    # the ten items: the first ordered list, right under its heading
    section = html.split("对于交易影响可能最大的10个信息", 1)[1]
    first_ol = section[section.index("<ol>"): section.index("</ol>")]
    items = re.findall(r"<li>(.*?)</li>", first_ol, re.S)
    assert len(items) == 10
    assert "8.1%" in items[0] and "<strong>" in items[0]
    # both tables of the post are HTML tables with their rows and three columns
    assert page.count("table") == 2
    assert page.count("th") == 6
    assert "SOXX、SMH" in html
    assert "<title>macr_research_2025-12-23</title>" in html


def test_hostile_post_publishes_safely(tmp_path):
    site = make_site(tmp_path)
    path = publish_post(HOSTILE, site)
    meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["title"] == "macr_research_2025-12-24 \"引号\" --- 'single' {{ site.title }}"
    assert meta["render_with_liquid"] is False
    html = built_page(jekyll_build(site), "2025-12-24")
    page = Page(html)
    # front matter intact: Jekyll read the title with its quotes and ---, escaped by the layout
    assert ("<title>macr_research_2025-12-24 &quot;引号&quot; --- &#39;single&#39; "
            "{{ site.title }}</title>") in html
    # no Liquid evaluation: the tags are shown as written, the if-block did not run
    article = html.split("<article>", 1)[1]
    assert "{{ site.title }}" in article and "macrodesk test" not in article
    assert "{% if true %}LIQUID{% endif %}" in article
    assert "{% raw %}标签{% endraw %}" in article
    assert "{{ x | y }}" in article  # inside a code span
    # no script, no event handler, no javascript: link; the text is still there, escaped
    assert unsafe_markup(page) == []
    assert "&lt;script&gt;alert(" in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    # the table survived: one header, two rows of three cells, the escaped | inside a cell
    assert page.count("table") == 1 and page.count("tr") == 3 and page.count("td") == 6
    assert any("息差 | 资产质量双改善 {{ a }}" in t for t in page.text_in["td"])
    # the ten items are all there
    section = article.split("对于交易影响可能最大的10个信息", 1)[1]
    assert len(re.findall(r"<li>", section[: section.index("</ol>")])) == 10


def test_sanitized_body_has_no_liquid_raw_html_or_code_anywhere():
    _, body = split_front_matter(HOSTILE.read_text(encoding="utf-8"))
    safe = sanitize_body(body)
    # even a Jekyll 3 site (which ignores render_with_liquid) finds no Liquid tag to run, and
    # nothing is exempt as "code": the format has none, so kramdown cannot disagree about it
    assert "{" not in safe and "<" not in safe and "`" not in safe
    assert "&#96;&#123;&#123; x | y }}&#96;" in safe  # shown as written, as text
    assert "javascript:" not in safe
    assert sanitize_body(safe) == safe  # a sanitized (or rendered) body passes unchanged


def test_republishing_a_date_replaces_the_post(tmp_path):
    site = make_site(tmp_path)
    first = publish_post(EXAMPLE, site)
    text = EXAMPLE.read_text(encoding="utf-8").replace("市场研究摘要", "市场研究摘要（更新）", 1)
    edited = tmp_path / "edited.md"
    edited.write_text(text, encoding="utf-8")
    second = publish_post(edited, site)
    assert first == second
    assert list((site / "_posts").iterdir()) == [second]
    assert "市场研究摘要（更新）" in second.read_text(encoding="utf-8")


def test_publishes_a_post_object(tmp_path):
    site = make_site(tmp_path)
    text = EXAMPLE.read_text(encoding="utf-8")
    meta, body = split_front_matter(text)
    post = Post(date="2025-12-23", filename="2025-12-23-macr_research_2025-12-23.md",
                front_matter={k: str(v) for k, v in meta.items()}, body=body, text=text)
    path = publish_post(post, site)
    assert path.name == post.filename
    assert path.read_text(encoding="utf-8").startswith(
        '---\nlayout: post\ntitle: "macr_research_2025-12-23"\n'
        'date: "2025-12-23 15:36:19 +0800"\nposttime: "2025-12-23 15:36:19 +0800"\n')


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def test_git_commits_and_pushes(tmp_path):
    need("git")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    site = make_site(tmp_path)
    _git(site, "init", "-q", "-b", "main")
    _git(site, "remote", "add", "origin", str(remote))
    publish_post(EXAMPLE, site, git=True)
    assert _git(site, "log", "--format=%s").splitlines() == [
        "Add macr_research_2025-12-23 research digest"]
    assert _git(site, "status", "--porcelain", "_posts").strip() == ""
    publish_post(EXAMPLE, site, git=True)  # unchanged: no empty commit
    assert len(_git(site, "log", "--format=%s").splitlines()) == 1
    edited = tmp_path / "edited.md"
    edited.write_text(EXAMPLE.read_text(encoding="utf-8").replace("8.1%", "8.2%"),
                      encoding="utf-8")
    _git(site, "push", "-q", "-u", "origin", "main")
    publish_post(edited, site, git=True, push=True)
    log = _git(site, "log", "--format=%s").splitlines()
    assert log[0] == "Update macr_research_2025-12-23 research digest"
    assert _git(remote, "log", "--format=%s", "main").splitlines() == log


def test_git_outside_a_repository_says_how_to_fix(tmp_path):
    need("git")
    site = make_site(tmp_path)
    with pytest.raises(PublishError, match="not a git repository.*git init"):
        publish_post(EXAMPLE, site, git=True)


def test_bad_posts_are_refused_with_the_reason(tmp_path):
    site = make_site(tmp_path)
    plain = tmp_path / "plain.md"
    plain.write_text("# 标题\n\n正文\n", encoding="utf-8")
    with pytest.raises(PublishError, match="plain.md: no Jekyll front matter"):
        publish_post(plain, site)
    broken_yaml = tmp_path / "broken.md"
    broken_yaml.write_text('---\nlayout: post\ntitle: "a "b" c"\n---\n正文\n', encoding="utf-8")
    with pytest.raises(PublishError, match="not valid YAML"):
        publish_post(broken_yaml, site)
    text = EXAMPLE.read_text(encoding="utf-8")
    bad_table = tmp_path / "table.md"
    bad_table.write_text(text.replace("AI服务器与算力基建拉动设备需求", "AI服务器 | 算力基建"),
                         encoding="utf-8")
    with pytest.raises(PublishError, match=r"broken table: line \d+: table row has 4 cells"):
        publish_post(bad_table, site)
    bad_date = tmp_path / "date.md"
    bad_date.write_text(text.replace('date: "2025-12-23', 'date: "2025-13-45'), encoding="utf-8")
    with pytest.raises(PublishError, match="bad post date"):
        publish_post(bad_date, site)
    with pytest.raises(PublishError, match="site folder not found"):
        publish_post(EXAMPLE, tmp_path / "nowhere")
    assert not (site / "_posts").exists()


def test_escape_cell_keeps_a_table_whole():
    row = f"| **银行** | {escape_cell('息差 | 资产质量' + chr(10) + '改善')} | 512800 |"
    body = "| 行业 | 逻辑 | 潜在ETF |\n|---|---|---|\n" + row + "\n"
    assert table_problems(body) == []
    assert table_problems(body.replace("\\|", "|")) != []


def test_front_matter_keeps_spec_order_and_quotes_everything():
    text = ('---\nextra: "x"\nposttime: "2025-12-24 08:00:00 +0800"\ndate: "2025-12-24 08:00:00 '
            '+0800"\ntitle: "a\\nb --- \\"c\\""\nlayout: post\nsources: ["s1", "s2 <http://x>"]\n'
            '---\n# H\n')
    safe, date = prepare_post(text)
    assert date == "2025-12-24"
    head = safe.split("\n---\n", 1)[0].splitlines()
    assert [line.split(":", 1)[0] for line in head[1:]] == [
        "layout", "title", "date", "posttime", "extra", "sources", "render_with_liquid"]
    meta, _ = split_front_matter(safe)
    assert meta["title"] == 'a\nb --- "c"' and meta["sources"] == ["s1", "s2 <http://x>"]


def test_cli_publish(tmp_path):
    site = make_site(tmp_path)
    res = CliRunner().invoke(app, ["publish", str(EXAMPLE), "--site", str(site)])
    assert res.exit_code == 0, res.output
    assert "2025-12-23-macr_research_2025-12-23.md" in res.output
    res = CliRunner().invoke(app, ["publish", str(tmp_path / "missing.md"), "--site", str(site)])
    assert res.exit_code == 2
    assert "post file not found" in res.output
