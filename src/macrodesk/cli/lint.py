"""`macrodesk lint`: check a research post and report each defect with its line."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from macrodesk.audit import lint_file
from macrodesk.checks.post import has_defects
from macrodesk.cli import app, fail, out
from macrodesk.errors import MacrodeskError


@app.command(help="Check a research post against the digest format, the ETF registry and, with "
                  "--sources, the source articles. Exit 0 clean, 1 defects, 2 unusable input.")
def lint(
    post: Path = typer.Argument(..., help="The post (Markdown) to check."),
    more: list[Path] = typer.Argument(None, help="Further source articles after --sources A.", show_default=False),
    sources: list[Path] = typer.Option(None, "--sources", "-s",
                                       help="Source articles: every figure of the post is traced to them."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
) -> None:
    if more and not sources:
        raise fail(MacrodeskError(f"unexpected arguments {', '.join(map(str, more))}; "
                                  "name source articles after --sources"))
    findings = lint_file(post, [*(sources or []), *(more or [])])
    if as_json:
        out.print_json(json.dumps({"post": str(post), "defects": has_defects(findings),
                                   "findings": [f.to_dict() for f in findings]}, ensure_ascii=False))
    else:
        for f in findings:
            out.print(f"{post}:{f.line}: {f.kind} [{f.severity}] {f.message}", highlight=False,
                      markup=False, soft_wrap=True)
        n = sum(f.severity != "info" for f in findings)
        out.print(f"{n} defect(s)" if n else "clean", highlight=False)
    raise typer.Exit(1 if has_defects(findings) else 0)
