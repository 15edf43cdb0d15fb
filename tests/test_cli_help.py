"""Every CLI command, and every sub-command, explains itself."""

import typer.main

from macrodesk.cli import app


def _walk(cmd, path=()):
    yield path, cmd
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from _walk(sub, path + (name,))


def test_every_command_has_help():
    root = typer.main.get_command(app)
    names = []
    for path, cmd in _walk(root):
        names.append(" ".join(path))
        assert (cmd.help or cmd.short_help or "").strip(), f"no help text: macrodesk {' '.join(path)}"
    assert "digest" in names
