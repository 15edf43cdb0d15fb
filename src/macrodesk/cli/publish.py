"""`macrodesk publish`, `html`, `deliver` and `daily`: a post into a Jekyll site, a standalone
HTML file, the configured delivery channels, and the whole morning run."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from macrodesk.cli import app, console, out, warn
from macrodesk.config import load_config
from macrodesk.errors import ConfigError


@app.command(help="Put POST.md into a Jekyll site's _posts/ under the spec's file name "
                  "(the same date replaces it); --git commits it, --push also pushes.")
def publish(
    post: Path = typer.Argument(..., help="The post's Markdown file (with Jekyll front matter)."),
    site: Path = typer.Option(..., "--site", help="The Jekyll site folder (holds _config.yml)."),
    git: bool = typer.Option(False, "--git", help="Commit the post in the site's repository."),
    push: bool = typer.Option(False, "--push", help="Push after committing (implies --git)."),
) -> None:
    from macrodesk.publish.jekyll import publish_post

    # publish_post leaves an identical post untouched: its mtime tells "unchanged" apart
    before = {p: p.stat().st_mtime_ns for p in (site / "_posts").glob("*.md")}
    path = publish_post(post, site, git=git or push, push=push)
    if before.get(path) == path.stat().st_mtime_ns:
        out.print(f"unchanged {path} (the same post is already published)", highlight=False,
                  soft_wrap=True)
    else:
        out.print(f"{'replaced' if path in before else 'published'} {path}", highlight=False,
                  soft_wrap=True)


@app.command(help="Render POST.md as one standalone, phone-readable HTML file (no scripts).")
def html(
    post: Path = typer.Argument(..., help="The post's Markdown file."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML file to write."),
) -> None:
    from macrodesk.publish.html import write_html

    path = write_html(post, output)
    out.print(f"HTML written to {path}", highlight=False, soft_wrap=True)


@app.command(help="Send POST.md to the channels configured under \\[delivery.*] (email, Feishu, "
                  "DingTalk, WeCom, Slack, Telegram). Exit 0 all delivered, 1 some channel failed, "
                  "2 nothing configured or an unknown --channel (nothing sent).")
def deliver(
    post: Path = typer.Argument(..., help="The post's Markdown file."),
    channel: list[str] = typer.Option(None, "--channel", help="Only this channel (name or type); "
                                      "repeatable."),
    url: str = typer.Option(None, "--url", help="Link to the published post for the messages."),
    config_file: Path = typer.Option(None, "--config", help="TOML config file."),
) -> None:
    from macrodesk.publish.deliver import build_channels, deliver_post

    cfg = load_config(config_file)
    configured = [(name, kind) for name, kind, _ in build_channels(cfg)]
    if not configured:
        raise ConfigError("no delivery channel configured; nothing sent",
                          hint="add a [delivery.<name>] table with type and webhook (or smtp "
                               "settings) to the config; see docs/publishing.md")
    unknown = [c for c in channel or [] if not any(c in nk for nk in configured)]
    if unknown:
        valid = ", ".join(f"{n} ({k})" for n, k in configured)
        raise ConfigError(f"no configured channel named {', '.join(map(repr, unknown))}; nothing "
                          f"sent", hint=f"configured: {valid}")
    results = deliver_post(post, cfg, url=url, only=channel or None)
    for r in results:
        label = r.channel if r.channel == r.kind else f"{r.channel} ({r.kind})"
        if r.ok:
            out.print(f"delivered: {escape(label)}", highlight=False, soft_wrap=True)
        else:
            console.print(f"[red]delivery failed:[/] {escape(label)}: {escape(r.error)}",
                          highlight=False, soft_wrap=True)
    failed = sum(not r.ok for r in results)
    if failed:
        console.print(f"{len(results) - failed} of {len(results)} channel(s) delivered",
                      highlight=False)
        raise typer.Exit(1)


@app.command(help="The morning run: ingest the configured sources, digest the day's new articles, "
                  "check, publish and deliver. Running it twice publishes once. Exit codes: "
                  "0 published (or already published), 3 no new article, 1 published but a "
                  "delivery failed, 4 the post failed the checker (nothing published), 2 unusable "
                  "input or config, 5 another run is in progress.")
def daily(
    date: str = typer.Option(None, "--date", help="The day YYYY-MM-DD (default: today in the "
                             "configured UTC offset)."),
    site: Path = typer.Option(None, "--site",
                              help="Jekyll site folder (default: \\[publish] site)."),
    engine: str = typer.Option(None, "--engine", help="extractive (default) or llm."),
    git: bool = typer.Option(None, "--git/--no-git", help="Commit in the site repository "
                             "(default: \\[publish] git)."),
    push: bool = typer.Option(None, "--push/--no-push", help="Push after committing "
                              "(default: \\[publish] push)."),
    deliver_: bool = typer.Option(True, "--deliver/--no-deliver", help="Send to the configured "
                                  "channels after publishing."),
    force: bool = typer.Option(False, "--force", help="Publish again even if the day was already "
                               "published, and despite checker findings."),
    cite: bool = typer.Option(None, "--cite/--no-cite", help="Footnote each of the ten items with "
                              "its source sentence and link (default: \\[publish] cite)."),
    config_file: Path = typer.Option(None, "--config", help="TOML config file."),
) -> None:
    from macrodesk.daily import run_daily

    cfg = load_config(config_file)
    if cite is not None:
        cfg.sections.setdefault("publish", {})["cite"] = cite
    report = run_daily(date, site, engine, cfg, git=git, push=push, deliver=deliver_,
                       force=force)
    for line in report.warnings:
        warn(line)
    for line in report.lines():
        out.print(line, highlight=False, soft_wrap=True)
    raise typer.Exit(report.exit_code)
