"""The docs name only commands and flags that exist (as sqlite-utils tests its docs): every
`macrodesk ...` line of README.md and docs/*.md is checked against the CLI's own definition."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main

from macrodesk.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# a command line in a code block, or an inline `macrodesk ...` span
_LINE = re.compile(r"(?:^|`|\$ )(macrodesk(?: [^`\n#|>;&]*)?)", re.M)


def _uses() -> list[tuple[str, int, list[str]]]:
    found = []
    for doc in DOCS:
        for n, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            for m in _LINE.finditer(line):
                try:
                    words = shlex.split(m.group(1).split(" # ")[0], posix=True)
                except ValueError:
                    words = m.group(1).split()
                found.append((f"{doc.name}:{n}", n, words[1:]))
    return found


def _options(cmd) -> set[str]:
    return {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)} | {"--help"}


USES = _uses()


def test_docs_name_commands():
    assert len(USES) > 40  # the pattern finds the docs' examples


def problems(words: list[str]) -> list[str]:
    """What is wrong with one documented command line: an unknown sub-command or flag."""
    words = list(words)
    root = typer.main.get_command(app)
    cmd, path = root, []
    while words and hasattr(cmd, "commands") and words[0] in cmd.commands:
        cmd = cmd.commands[words[0]]
        path.append(words.pop(0))
    if (hasattr(cmd, "commands") and words and not words[0].startswith("-")
            and words[0] not in ("...", "…") and path):
        return [f"unknown sub-command {' '.join(path)} {words[0]}"]
    known = _options(cmd)
    return [f"`macrodesk {' '.join(path)}` has no {w}" for w in words
            if w.startswith("--") and w.split("=")[0] not in known]


def test_the_check_catches_what_does_not_exist():
    assert problems(["trade", "etr", "--nosuch"]) and problems(["trade", "nosuch"])
    assert problems(["digest", "a.md", "--jsonn"])
    assert not problems(["trade", "etr", "--from", "2025-01", "--json"])


@pytest.mark.parametrize("where,line,words", USES, ids=[u[0] for u in USES])
def test_every_documented_command_and_flag_exists(where, line, words):
    assert not problems(words), where
