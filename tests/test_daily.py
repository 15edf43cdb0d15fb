"""The daily run end to end: a folder source ingested into a private archive, the real extractive
engine, the checker, a git-tracked Jekyll site and webhook delivery to a local server."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.config import load_config
from macrodesk.daily import (
    EXIT_BUSY,
    EXIT_DELIVERY_FAILED,
    EXIT_NO_ARTICLES,
    EXIT_NOT_PUBLISHABLE,
    EXIT_OK,
    _lock,
    run_daily,
)
from macrodesk.errors import ConfigError, PublishError

from .test_deliver import Hooks
from .test_publish import FIX, built_page, jekyll_build, make_site

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "macrodesk" / "samples" / \
    "2026_china_economy_foreign_views.md"  # published 2025-12-24


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def setup(tmp_path: Path, hooks: Hooks, extra: str = ""):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLE, inbox / "742.md")
    site = make_site(tmp_path)
    git(site, "init", "-q")
    toml = tmp_path / "config.toml"
    toml.write_text(f"""
[daily]
sources = ["{inbox}"]

[publish]
site = "{site}"
git = true

[delivery]
retries = 0
backoff = 0

[delivery.slack]
webhook = "{hooks.url}/slack"

[delivery.team]
type = "wecom"
webhook = "{hooks.url}/wecom"
{extra}""", encoding="utf-8")
    return inbox, site, load_config(toml), toml


def test_daily_publishes_once_and_retries_only_failed_deliveries(tmp_path, hooks):
    inbox, site, cfg, _ = setup(tmp_path, hooks)
    hooks.script["/wecom"] = [(500, "down")]
    first = run_daily("2025-12-24", config=cfg)
    assert first.status == "published" and first.exit_code == EXIT_DELIVERY_FAILED
    assert first.ingested == 1 and first.articles == 1 and first.findings == []
    post = site / "_posts" / "2025-12-24-macr_research_2025-12-24.md"
    assert first.post_path == post
    text = post.read_text(encoding="utf-8")
    assert text.startswith('---\nlayout: post\ntitle: "macr_research_2025-12-24"\n')
    assert "# 外资如何看待2026中国经济？ —— 市场研究摘要" in text
    assert git(site, "log", "--format=%s").splitlines() == [
        "Add macr_research_2025-12-24 research digest"]
    assert [(d.channel, d.ok) for d in first.deliveries] == [("slack", True), ("team", False)]
    assert any("delivery failed: team (wecom): HTTP 500" in line for line in first.lines())

    # the second run: nothing new, nothing republished, only the failed channel is sent again
    second = run_daily("2025-12-24", config=cfg)
    assert second.status == "already_published" and second.exit_code == EXIT_OK
    assert post.read_text(encoding="utf-8") == text
    assert len(git(site, "log", "--format=%s").splitlines()) == 1
    assert [(d.channel, d.ok) for d in second.deliveries] == [("team", True)]
    assert len(hooks.by_path("/slack")) == 1 and len(hooks.by_path("/wecom")) == 2

    third = run_daily("2025-12-24", config=cfg)
    assert third.status == "already_published" and third.deliveries == []

    # a new article for the day replaces the post (same file), and no channel is sent it twice
    later = (FIX / "report_741.md").read_text(encoding="utf-8").replace(
        'publishedAt: "2025-12-23T00:00:00+08:00"', 'publishedAt: "2025-12-24T09:00:00+08:00"')
    (inbox / "741.md").write_text(later, encoding="utf-8")
    fourth = run_daily("2025-12-24", config=cfg)
    assert fourth.status == "updated" and fourth.articles == 2 and fourth.exit_code == EXIT_OK
    assert list((site / "_posts").iterdir()) == [post]
    assert "计算机" in post.read_text(encoding="utf-8")
    assert git(site, "log", "--format=%s").splitlines()[0] == \
        "Update macr_research_2025-12-24 research digest"
    assert fourth.deliveries == [] and len(hooks.by_path("/slack")) == 1


def test_a_day_without_articles_publishes_nothing_and_says_so(tmp_path, hooks):
    _, site, _, toml = setup(tmp_path, hooks)
    res = CliRunner().invoke(app, ["daily", "--date", "2025-12-25", "--config", str(toml)])
    assert res.exit_code == EXIT_NO_ARTICLES, res.output
    assert "no new article for the day: nothing published" in res.output
    assert not (site / "_posts").exists() and hooks.requests == []
    # the archive now holds the 2025-12-24 article, ingested by that run
    res = CliRunner().invoke(app, ["daily", "--date", "2025-12-24", "--config", str(toml),
                                   "--no-deliver", "--no-git"])
    assert res.exit_code == EXIT_OK, res.output
    assert "published " in res.output and hooks.requests == []
    post = site / "_posts" / "2025-12-24-macr_research_2025-12-24.md"
    # the engine's real post builds in Jekyll with its ten items and its tables
    html = built_page(jekyll_build(site), "2025-12-24")
    items = html.split("对于交易影响可能最大的10个信息", 1)[1]
    assert items[: items.index("</ol>")].count("<li>") == 10
    md_tables = sum(1 for line in post.read_text(encoding="utf-8").splitlines()
                    if line.startswith("|---") or line.startswith("| ---"))
    assert md_tables >= 1 and html.count("<table>") == md_tables
    assert git(site, "log", "--format=%s", "--all").strip() == ""  # --no-git: no commit


def test_too_little_material_is_not_published(tmp_path, hooks):
    inbox, site, cfg, _ = setup(tmp_path, hooks)
    (inbox / "742.md").unlink()
    (inbox / "short.md").write_text('---\ntitle: "短讯"\npublishedAt: "2025-12-26T08:00:00+08:00"'
                                    '\n---\n美国10月CPI同比上涨2.9%。\n', encoding="utf-8")
    res = run_daily("2025-12-26", config=cfg)
    assert res.status == "not_publishable" and res.exit_code == EXIT_NOT_PUBLISHABLE
    assert "distinct facts" in res.findings[0]
    assert not (site / "_posts").exists() and hooks.requests == []


def test_a_second_run_while_one_is_going_does_nothing(tmp_path, hooks):
    _, site, cfg, _ = setup(tmp_path, hooks)
    with _lock(Path(cfg.home) / "daily") as held:
        assert held
        res = run_daily("2025-12-24", config=cfg)
    assert res.status == "busy" and res.exit_code == EXIT_BUSY
    assert not (site / "_posts").exists()


def test_setup_mistakes_raise_with_the_fix(tmp_path, hooks):
    _, site, cfg, toml = setup(tmp_path, hooks)
    cfg.sections["publish"] = {}
    with pytest.raises(ConfigError, match=r"no Jekyll site.*--site"):
        run_daily("2025-12-24", config=cfg)
    with pytest.raises(PublishError, match="site folder not found"):
        run_daily("2025-12-24", site=tmp_path / "nowhere", config=cfg)
    with pytest.raises(PublishError, match="bad post date"):
        run_daily("2025-02-30", site=site, config=cfg)
    cfg.sections["daily"] = {"sources": 42}
    with pytest.raises(ConfigError, match="sources must be a list"):
        run_daily("2025-12-24", site=site, config=cfg)
    res = CliRunner().invoke(app, ["daily", "--date", "2025-12-24", "--config", str(toml),
                                   "--site", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "site folder not found" in res.output
