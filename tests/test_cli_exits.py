"""Every command's exit code and message, as documented: what nothing-to-do, a partial failure
and a total failure return, and messages that say what happened and how to fix it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from macrodesk import __version__
from macrodesk.cli import app
from macrodesk.config import ConfigWarning, load_config

FIX = Path(__file__).parent / "fixtures"
POST = FIX / "publish" / "macr_research_2025-12-23.md"
ARTICLE = FIX / "us_inflation_2026_771.md"
SAMPLE = Path(__file__).resolve().parent.parent / "src" / "macrodesk" / "samples" / \
    "2026_china_economy_foreign_views.md"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_version_and_flag_help():
    res = run("--version")
    assert res.exit_code == 0 and res.output.strip() == f"macrodesk {__version__}"
    res = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "100"})
    assert "--json" in res.output and "<bool>" not in res.output


def test_library_errors_cross_one_boundary(tmp_path):
    # a MacrodeskError from deep inside a command: one "error:" line, exit 2, no traceback
    res = run("html", str(tmp_path / "missing.md"), "-o", str(tmp_path / "x.html"))
    assert res.exit_code == 2 and "error:" in res.output and "Traceback" not in res.output
    res = run("trade", "etr", "--basis", "foo")
    assert res.exit_code == 2 and "error:" in res.output


# ---------------------------------------------------------------- deliver

def test_deliver_with_nothing_configured_sends_nothing_and_fails(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    res = run("deliver", str(POST), "--config", str(empty))
    assert res.exit_code == 2 and "no delivery channel configured" in res.output


def test_deliver_unknown_channel_lists_the_configured_ones(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[delivery.team]\ntype = "wecom"\nwebhook = "http://127.0.0.1:9/x"\n',
                   encoding="utf-8")
    res = run("deliver", str(POST), "--config", str(cfg), "--channel", "nosuch")
    assert res.exit_code == 2 and "'nosuch'" in res.output and "team (wecom)" in res.output


def test_deliver_channel_without_webhook_names_the_table(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[delivery]\nretries = 0\n[delivery.wecom]\ntype = "wecom"\n', encoding="utf-8")
    res = run("deliver", str(POST), "--config", str(cfg))
    assert res.exit_code == 1  # total failure of the one channel
    assert "[delivery.wecom]: missing `webhook`" in res.output
    assert ": :" not in res.output


# ---------------------------------------------------------------- archive reads

@pytest.mark.parametrize("args", [("search", "关税"), ("list", "--date", "2025-07-01")])
def test_fresh_home_reads_say_there_is_no_archive(args, _isolated_home):
    res = run(*args)
    assert res.exit_code == 2
    assert "no archive yet" in res.output and "macrodesk ingest" in res.output
    assert not _isolated_home.exists() or not any(_isolated_home.iterdir())


def test_digest_date_with_nothing_archived_says_so(tmp_path):
    assert run("ingest", "-q", str(SAMPLE)).exit_code == 0
    res = run("digest", "--date", "1999-01-01")
    assert res.exit_code == 3
    assert "nothing archived for 1999-01-01" in res.output and "above" not in res.output
    res = run("list", "--date", "1999-01-01")
    assert res.exit_code == 1 and "0 article(s)" in res.output
    assert run("search", "没有这个词组合").exit_code == 1


def test_digest_exit_codes(tmp_path):
    res = run("digest", str(tmp_path / "none.md"))  # total failure: nothing readable
    assert res.exit_code == 2 and "no article could be read" in res.output


# ---------------------------------------------------------------- check and lint

def test_check_exit_codes(tmp_path):
    assert run("check", str(ARTICLE)).exit_code == 0
    res = run("check", str(ARTICLE), str(tmp_path / "missing.md"))  # partial: warned, goes on
    assert res.exit_code == 0 and "missing.md" in res.output
    assert run("check", str(tmp_path / "missing.md")).exit_code == 2


def test_lint_exit_codes(tmp_path):
    assert run("lint", str(tmp_path / "missing.md")).exit_code == 2
    assert run("lint", str(POST)).exit_code in (0, 1)


LINT = FIX / "lint"


def test_lint_many_posts_one_summary_and_the_worst_exit(tmp_path):
    clean, flawed = LINT / "clean_post.md", LINT / "example_post.md"
    res = run("lint", str(clean), str(clean))
    assert res.exit_code == 0 and res.output.strip().splitlines()[-1].startswith("2 posts: 2 clean")
    res = run("lint", "-q", str(clean), str(flawed))
    lines = res.output.strip().splitlines()
    assert res.exit_code == 1 and lines[-1].startswith("2 posts: 1 clean, 1 with defects")
    assert all(ln.startswith(str(flawed)) for ln in lines[:-1]) and len(lines) > 1
    # a folder is its Markdown files; an unreadable post makes the batch unusable (exit 2)
    folder = tmp_path / "_posts"
    folder.mkdir()
    (folder / "a.md").write_bytes(clean.read_bytes())
    (folder / "b.md").write_bytes(b"\xff\xfe not utf-8")
    res = run("lint", "--json", str(folder))
    import json

    report = json.loads(res.stdout)
    assert res.exit_code == 2 and report["summary"] == {"posts": 2, "clean": 1, "with_defects": 0,
                                                        "defects": 0, "unreadable": 1}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("lint", str(empty)).exit_code == 2


def test_lint_sources_keeps_one_post_and_more_sources(tmp_path):
    # `lint post --sources a b`: b is a further source, not a second post
    res = run("lint", str(LINT / "clean_post.md"), "--sources", str(LINT / "source_trade.md"),
              str(tmp_path / "missing.md"))
    assert res.exit_code == 2 and "missing.md" in res.output
    res = run("lint", str(LINT / "example_post.md"), "--sources", str(LINT / "source_trade.md"))
    assert res.exit_code in (0, 1) and "posts:" not in res.output


# ---------------------------------------------------------------- config

def test_misspelt_config_names_the_nearest_valid_name(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[publsh]\nsite = "x"\n[macrodesk]\nengin = "llm"\n[delivery.w]\nwebhok = "u"\n'
                   '[delivery.v]\nwebhook_env = "V"\n', encoding="utf-8")
    with pytest.warns(ConfigWarning) as caught:
        load_config(cfg)
    text = "\n".join(str(w.message) for w in caught)
    assert "[publsh]" in text and "'publish'" in text
    assert "'engin'" in text and "'engine'" in text
    assert "'webhok'" in text and "'webhook'" in text
    assert "webhook_env" not in text  # X_env is valid for any channel key
    res = run("deliver", str(POST), "--config", str(cfg), "--channel", "nosuch")
    assert "did you mean 'publish'" in res.output


def test_every_key_the_code_reads_is_known():
    # a setting read somewhere but missing from KNOWN would be warned about as unknown
    from macrodesk.config import KNOWN

    src = Path(__file__).resolve().parent.parent / "src" / "macrodesk"
    for name, keys in KNOWN.items():
        assert keys, name
    text = (src / "publish" / "deliver.py").read_text(encoding="utf-8")
    for key in re.findall(r'section\.get\("([a-z_]+)"', text):
        assert key in KNOWN["delivery"], key
    # the LLM settings are read as sec.get("k"), _num(sec, "k", ...), _bool(sec.get("k"), ...)
    text = (src / "engines" / "llm" / "client.py").read_text(encoding="utf-8")
    read = set(re.findall(r'\bsec(?:\.get\(|\[|, )"([a-z_]+)"', text))
    assert {"idle_timeout", "budget", "model"} <= read
    assert read <= KNOWN["llm"], read - KNOWN["llm"]


# ---------------------------------------------------------------- publish

def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    return site


def test_publish_refuses_a_folder_without_config_yml(tmp_path):
    (tmp_path / "plain").mkdir()
    res = run("publish", str(POST), "--site", str(tmp_path / "plain"))
    assert res.exit_code == 2 and "_config.yml" in res.output


def test_publish_twice_says_unchanged(tmp_path):
    site = _site(tmp_path)
    first = run("publish", str(POST), "--site", str(site))
    assert first.exit_code == 0 and first.output.startswith("published")
    again = run("publish", str(POST), "--site", str(site))
    assert again.exit_code == 0 and again.output.startswith("unchanged")


def test_publish_table_error_at_the_file_line(tmp_path):
    lines = POST.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("|") and i > 2 and
               not set(line) <= set("|-: ") and lines[i - 1].strip().startswith("|"))
    lines[row] = lines[row] + " extra | cell |"
    bad = tmp_path / "macr_research_2025-12-23.md"
    bad.write_text("\n".join(lines), encoding="utf-8")
    res = run("publish", str(bad), "--site", str(_site(tmp_path)))
    assert res.exit_code == 2
    assert f"line {row + 1}:" in res.output  # the editor's line number
    assert "spec." not in res.output and "escape_cell" not in res.output


def test_publish_push_without_remote_says_so(tmp_path):
    site = _site(tmp_path)
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    res = run("publish", str(POST), "--site", str(site), "--push")
    assert res.exit_code == 2 and "no remote" in res.output


# ---------------------------------------------------------------- date sense

def test_date_warnings():
    from macrodesk.digest import date_warnings

    assert date_warnings(["2025-07-01"], "2025-07-03") == []
    far = date_warnings(["2024-07-01"], "2025-07-01")
    assert len(far) == 1 and "2024-07-01" in far[0] and "--date" in far[0]
    spread = date_warnings(["2025-05-01", "2025-07-01"], "2025-07-01")
    assert any("span 2025-05-01 to 2025-07-01" in w for w in spread)
    assert date_warnings([], "2025-07-01") == []


def test_digest_lists_source_dates_and_warns_on_a_far_date(tmp_path):
    res = run("digest", str(ARTICLE), "--date", "2026-01-22")
    assert res.exit_code == 0, res.output
    assert 'source_dates: ["2026-01-21"]' in res.output and "warning: the post" not in res.output
    res = run("digest", str(ARTICLE), "--date", "2026-06-01")
    assert "warning: the post is dated 2026-06-01" in res.output


def test_etf_table_as_json():
    import json

    res = run("etf", "光伏", "-m", "cn", "--json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["theme"] == "solar" and data["funds"] and all(f["market"] == "cn"
                                                              for f in data["funds"])
