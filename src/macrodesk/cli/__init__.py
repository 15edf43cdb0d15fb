"""The `macrodesk` command: a thin layer over the library. Each module in this package adds the
commands of one pipeline stage to `app`; every command calls a public library function, and the
one error boundary here turns the library's errors into a readable line and exit code 2."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup, TyperOption

from macrodesk import __version__
from macrodesk.config import ConfigWarning
from macrodesk.errors import MacrodeskError

if TYPE_CHECKING:
    # the context class TyperGroup.invoke is declared with (typer vendors click as typer._click)
    from typer._click import Context

EXIT_USAGE = 2  # unusable input, config or data: the same code click gives a wrong option


class _Boundary(TyperGroup):
    """The CLI's one error boundary: a MacrodeskError from any command (and any sub-command,
    which runs inside this invoke) prints one line and exits 2, in the console script and in
    tests alike."""

    def invoke(self, ctx: Context) -> Any:
        with warnings.catch_warnings():  # restores the filters and showwarning afterwards
            warnings.simplefilter("always", ConfigWarning)
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except MacrodeskError as exc:
                raise fail(exc) from None


_shown: set[str] = set()


def _show_warning(message, category, *args, **kwargs) -> None:
    # the library reports misspelt settings as ConfigWarning; say each once, as a warning line
    if issubclass(category, ConfigWarning) and str(message) not in _shown:
        _shown.add(str(message))
        warn(str(message))
    elif not issubclass(category, ConfigWarning):
        _default_showwarning(message, category, *args, **kwargs)


_default_showwarning = warnings.showwarning


def _flag_type(self: TyperOption, ctx: Any) -> str | None:
    # a flag takes no value: show `--json`, not `--json <bool>` as if it wanted one
    return None if self.is_flag else _option_type(self, ctx)


_option_type = TyperOption.display_type_rich
TyperOption.display_type_rich = _flag_type  # type: ignore[method-assign]

app = typer.Typer(
    name="macrodesk",
    cls=_Boundary,
    help="Chinese macro research articles in, a checked daily research post out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()


def fail(exc: MacrodeskError, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one readable line for an error and give the exit to raise."""
    console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def formats() -> str:
    """The article formats the readers registry knows, for help texts that stay current."""
    from macrodesk.readers import READERS  # the registry only: no reader is imported

    return " ".join(sorted(READERS))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a command's table as UTF-8 CSV (as `trade ... --csv` does), atomically; the columns
    are the table's, values as they are (numbers unformatted, None empty)."""
    import csv
    import io

    from macrodesk.text.files import atomic_write

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    atomic_write(path, buf.getvalue())
    console.print(f"wrote {path}", highlight=False)


CSV_HELP = "Also write the table to this CSV file."


def warn(message: str) -> None:
    console.print(f"[yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)


@contextmanager
def progress(label: str, total: int, quiet: bool = False) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for a batch of `total` items; call the yielded function after
    each item with its name. Hidden with -q, when stderr is not a terminal, or for one item."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(f"[bold]{escape(label)}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.description}"), console=console,
                  disable=quiet or total < 2, transient=True) as bar:
        job = bar.add_task("", total=total)

        def step(name: str) -> None:
            bar.update(job, advance=1, description=escape(name[-50:]))

        yield step


def _version(value: bool) -> None:
    if value:
        typer.echo(f"macrodesk {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Chinese macro research articles in, a checked daily research post out."""


def _load_commands() -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")


_load_commands()


def main() -> None:
    try:
        app()
    except MacrodeskError as exc:  # raised outside a command, e.g. while parsing options
        console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        sys.exit(130)
