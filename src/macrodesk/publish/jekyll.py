"""Put a post into a Jekyll site's `_posts/` under the spec's file name, safely, and optionally
commit (and push) it in the site's git repository."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from macrodesk.errors import PublishError
from macrodesk.models import Post
from macrodesk.publish.postfile import post_text
from macrodesk.spec import (
    block_unsafe_links,
    check_date,
    post_filename,
    split_cells,
    split_front_matter,
    visible_only,
    write_front_matter,
    yaml_value,
)
from macrodesk.text.files import atomic_write

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_TILDE_FENCE = re.compile(r"^(\s{0,3})~(?=~~)")


def _escape_line(line: str) -> str:
    # `<` as an entity: kramdown passes no raw HTML (no <script>, no onerror=). Every `{` as an
    # entity: neither Liquid (even a Jekyll 3 site that ignores render_with_liquid) nor
    # kramdown's {: attribute} / {::extension} syntax sees it. Every backtick and a leading `~~~`:
    # no code span or fence at all, so there is no "inside code" for this function and kramdown
    # to disagree about (escaped or unbalanced backticks, an unclosed fence). `$` so that no
    # math block reaches a math engine. Link targets that are not http(s) once decoded go.
    line = visible_only(line).replace("<", "&lt;").replace("{", "&#123;").replace("`", "&#96;")
    line = line.replace("$", "&#36;")
    line = _TILDE_FENCE.sub(r"\1&#126;", line)
    return block_unsafe_links(line)


def sanitize_body(body: str) -> str:
    """Make a post body safe for Jekyll: no raw HTML, no Liquid, no code spans or fences, no
    kramdown attribute tricks, no link that is not http(s). The post format has no code, so
    nothing is exempt; a rendered post (spec.inert) passes through unchanged."""
    out: list[str] = []
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if (out and out[-1].strip() and "|" in line and not out[-1].lstrip().startswith("|")
                and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1])):
            # kramdown (Jekyll) only sees a table that follows a blank line, e.g. not one
            # right under its #### heading as the spec's layout puts it
            out.append("")
        out.append(_escape_line(line))
    return "\n".join(out)


def _cells(row: str) -> int:
    # count unescaped pipes that separate cells, ignoring the optional outer ones
    s = re.sub(r"\\.", "x", row.strip())
    return len(split_cells(_CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), s)))


def table_problems(body: str, first_line: int = 1) -> list[str]:
    """Rows of a Markdown table whose cell count differs from its header: an unescaped `|`.
    `first_line` is the file's line number of the body's first line, so that the numbers are
    the ones an editor (and `macrodesk lint`) shows."""
    problems = []
    lines = body.split("\n")
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and _TABLE_RULE.match(lines[i + 1]):
            width = _cells(lines[i])
            j = i + 2
            while j < len(lines) and lines[j].strip() and "|" in lines[j]:
                if _cells(lines[j]) != width:
                    problems.append(f"line {j + first_line}: table row has {_cells(lines[j])} cells, "
                                    f"the header has {width}")
                j += 1
            i = j
        else:
            i += 1
    return problems


def prepare_post(text: str, source: str = "post") -> tuple[str, str]:
    """The safe Jekyll text of a post and its date: front matter re-written, body sanitized.

    Raises PublishError for a post that cannot be published without breaking: no front matter,
    missing spec keys, bad date, or a table row with a stray `|`.
    """
    meta, body = split_front_matter(text, source)
    if not meta:
        raise PublishError("no Jekyll front matter", source=source,
                           hint="a post starts with --- and the keys layout, title, date, posttime")
    date = check_date(yaml_value(meta.get("date", "")).strip('"')[:10], source)
    head_lines = text[:len(text) - len(body)].count("\n") if text.endswith(body) else 0
    problems = table_problems(body, head_lines + 1)
    if problems:
        raise PublishError("broken table: " + "; ".join(problems[:3]), source=source,
                           hint="write a | inside a table cell as \\|")
    try:
        head = write_front_matter(meta)
    except PublishError as exc:
        raise PublishError(exc.message, source=source, hint=exc.hint) from None
    return head + "\n" + sanitize_body(body.lstrip("\n")).rstrip("\n") + "\n", date


def _git(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.run(["git", "-C", str(site), *args], capture_output=True, text=True,
                              env=env, timeout=120)
    except FileNotFoundError as exc:
        raise PublishError("git is not installed", hint="install git or publish without --git") \
            from exc
    except subprocess.TimeoutExpired as exc:
        raise PublishError(f"git {args[0]} took longer than 120 s", source=str(site)) from exc


def _git_ok(site: Path, *args: str) -> str:
    res = _git(site, *args)
    if res.returncode != 0:
        msg = (res.stderr or res.stdout).strip().splitlines()
        # git ends with hints; the line that says what went wrong starts with fatal: or error:
        cause = next((m for m in msg if m.startswith(("fatal:", "error:"))), msg[0] if msg else "")
        raise PublishError(f"git {args[0]} failed: {cause or res.returncode}", source=str(site))
    return res.stdout


def commit_post(site: Path, path: Path, date: str, replaced: bool, push: bool = False) -> bool:
    """Commit one post in the site's repository; True when a commit was made."""
    if _git(site, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise PublishError("not a git repository", source=str(site),
                           hint="run `git init` in the site, or publish without --git")
    rel = os.path.relpath(path, site)
    _git_ok(site, "add", "--", rel)
    if _git(site, "diff", "--cached", "--quiet", "--", rel).returncode == 0:
        committed = False  # same text as the last commit: nothing to record
    else:
        verb = "Update" if replaced else "Add"
        ident: list[str] = []
        if not _git(site, "config", "user.email").stdout.strip():
            ident = ["-c", "user.name=macrodesk", "-c", "user.email=macrodesk@localhost"]
        _git_ok(site, *ident, "commit", "-q", "-m",
                f"{verb} macr_research_{date} research digest", "--", rel)
        committed = True
    if push:
        if not _git_ok(site, "remote").strip():
            raise PublishError("the site's repository has no remote to push to (the post is "
                               "committed)", source=str(site),
                               hint="git remote add origin URL, or publish without --push")
        _git_ok(site, "push", "-q")
    return committed


def publish_post(post: Post | str | Path, site_dir: str | Path, git: bool = False,
                 push: bool = False) -> Path:
    """Write a post into `site_dir/_posts/` under the spec name; the same date replaces it.

    The front matter is re-written safely and the body sanitized (see `prepare_post`); an
    unchanged post is not rewritten. With `git`, the post is committed in the site's repository
    ("Add/Update macr_research_<date> research digest"); `push` pushes after committing.
    """
    text, label = post_text(post)
    safe, date = prepare_post(text, label)
    site = Path(site_dir)
    if not site.is_dir():
        raise PublishError("site folder not found", source=str(site),
                           hint="create the Jekyll site first (it needs a _config.yml)")
    if not any((site / name).is_file() for name in ("_config.yml", "_config.yaml", "_config.toml")):
        raise PublishError("not a Jekyll site: no _config.yml", source=str(site),
                           hint="pass the site's root folder, or create it with `jekyll new`")
    target = site / "_posts" / post_filename(date)
    replaced = target.exists()
    try:
        if not replaced or target.read_text(encoding="utf-8") != safe:
            atomic_write(target, safe)
    except OSError as exc:
        raise PublishError(f"cannot write post: {exc.strerror or exc}", source=str(target)) from exc
    if git or push:
        commit_post(site, target, date, replaced, push=push)
    return target


def published_path(site_dir: str | Path, date: str) -> Path | None:
    """The post already published for a day, or None."""
    p = Path(site_dir) / "_posts" / post_filename(date)
    return p if p.exists() else None
