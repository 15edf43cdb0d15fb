"""The `macrodesk` command: a thin layer over the library. Each module in this package adds the
commands of one pipeline stage to `app`; every command calls a public library function."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer
from rich.console import Console
from rich.markup import escape

from macrodesk.errors import MacrodeskError

app = typer.Typer(
    name="macrodesk",
    help="Chinese macro research articles in, a checked daily research post out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()


def fail(exc: MacrodeskError, code: int = 2) -> typer.Exit:
    """Print one readable line for an error and give the exit to raise."""
    console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def warn(message: str) -> None:
    console.print(f"[yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)


@app.callback()
def _root() -> None:
    """Chinese macro research articles in, a checked daily research post out."""


def _load_commands() -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")


_load_commands()


def main() -> None:
    try:
        app()
    except MacrodeskError as exc:  # anything a command did not translate itself
        console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        sys.exit(130)
