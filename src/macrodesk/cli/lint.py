"""`macrodesk lint`: check research posts and report each defect with its line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.markup import escape

from macrodesk.cli import app, console, fail, out, progress
from macrodesk.errors import InputError, MacrodeskError

if TYPE_CHECKING:  # the checker loads when a command runs, not for --help
    from macrodesk.checks.post import Finding


def _posts(paths: list[Path]) -> list[Path]:
    """The posts named: files as given, folders as the Markdown files under them, sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            inside = sorted(q for q in p.rglob("*.md") if q.is_file())
            if not inside:
                raise InputError(f"no post (*.md) in the folder {p}", hint="name post files or a folder of them")
            found += inside
        else:
            found.append(p)
    return found


def _print(post: Path, findings: list[Finding]) -> None:
    for f in findings:
        out.print(f"{post}:{f.line}: {f.kind} [{f.severity}] {f.message}", highlight=False,
                  markup=False, soft_wrap=True)


def _one(post: Path, sources: list[Path], as_json: bool) -> NoReturn:
    """One post, as lint always checked it: its findings, `clean` or the count, exit 0/1."""
    from macrodesk.audit import lint_file
    from macrodesk.checks.post import has_defects

    findings = lint_file(post, sources)
    if as_json:
        out.print_json(json.dumps({"post": str(post), "defects": has_defects(findings),
                                   "findings": [f.to_dict() for f in findings]}, ensure_ascii=False))
    else:
        _print(post, findings)
        n = sum(f.severity != "info" for f in findings)
        out.print(f"{n} defect(s)" if n else "clean", highlight=False)
    raise typer.Exit(1 if has_defects(findings) else 0)


@app.command(help="Check research posts against the digest format, the ETF registry and, with "
                  "--sources, the source articles. POST may be several files or a folder (its *.md "
                  "files): one line per defect, a progress bar (-q hides it) and one summary line. "
                  "With --sources only the first POST is checked, and further arguments are more "
                  "source articles. Exit 0 clean, 1 defects, 2 unusable input (any post unreadable).")
def lint(
    post: list[Path] = typer.Argument(..., help="Posts (Markdown) or folders of posts to check."),
    sources: list[Path] = typer.Option(None, "--sources", "-s",
                                       help="Source articles: every figure of the post is traced to them."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar on many posts."),
) -> None:
    from macrodesk.audit import lint_file
    from macrodesk.checks.post import has_defects
    if sources:
        # one post traced to its sources: `lint post.md --sources a.md b.md` puts b.md after post
        first, more = post[0], post[1:]
        if first.is_dir():
            raise fail(MacrodeskError(f"{first} is a folder; with --sources name one post"))
        _one(first, [*sources, *more], as_json)
    posts = _posts(post)
    if len(posts) == 1:
        _one(posts[0], [], as_json)
    results: list[dict] = []
    with progress("linting", len(posts), quiet=quiet or as_json) as step:
        for p in posts:
            try:
                findings = lint_file(p)
            except MacrodeskError as exc:
                results.append({"post": str(p), "error": str(exc)})
                if not as_json:
                    console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
            else:
                results.append({"post": str(p), "defects": has_defects(findings),
                                "findings": [f.to_dict() for f in findings]})
                if not as_json:
                    _print(p, [f for f in findings if f.severity != "info"])
            step(str(p))
    unreadable = sum("error" in r for r in results)
    flawed = [r for r in results if r.get("defects")]
    n_defects = sum(f["severity"] != "info" for r in results for f in r.get("findings", []))
    summary = {"posts": len(results), "clean": len(results) - len(flawed) - unreadable,
               "with_defects": len(flawed), "defects": n_defects, "unreadable": unreadable}
    if as_json:
        out.print_json(json.dumps({"summary": summary, "posts": results}, ensure_ascii=False))
    else:
        out.print(f"{summary['posts']} posts: {summary['clean']} clean, {summary['with_defects']} "
                  f"with defects ({n_defects} defect(s)), {unreadable} unreadable", highlight=False)
    raise typer.Exit(2 if unreadable else 1 if flawed else 0)
