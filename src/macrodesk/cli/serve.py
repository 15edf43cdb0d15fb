"""`macrodesk serve`: the desk, a local web app over the archive (Today, search, articles,
the ETF registry, publish)."""

from __future__ import annotations

from pathlib import Path

import typer

from macrodesk.cli import app, fail, out, warn
from macrodesk.config import load_config
from macrodesk.errors import MacrodeskError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command(help="Start the desk on http://127.0.0.1:PORT/ (another address only with --host, "
                  "which exposes the archive and the publish button to that network).")
def serve(
    port: int = typer.Option(8765, "--port", help="The TCP port."),
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on; anything but "
                             "loopback is reachable from other machines."),
    config_file: Path = typer.Option(None, "--config", help="TOML config file."),
) -> None:
    import uvicorn

    from macrodesk.desk.app import create_app

    if host not in LOOPBACK:
        warn(f"listening on {host}: anyone who can reach this address can read the archive and "
             "publish; the desk has no login")
    try:
        web = create_app(load_config(config_file))
    except MacrodeskError as exc:
        raise fail(exc) from None
    out.print(f"desk: http://{'[' + host + ']' if ':' in host else host}:{port}/",
              highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)
