"""Deliver a post to where readers are: email over SMTP, and chat webhooks (Feishu/Lark, DingTalk,
WeCom, Slack, Telegram), each channel configured in the TOML `[delivery.<name>]` tables.

Each channel is a small class behind the `Channel` Protocol, picked by its `type`. Failures are
retried, then reported as a `DeliveryResult`; `deliver_post` never raises for a channel.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html as _html
import os
import re
import smtplib
import ssl
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Protocol

import httpx

from macrodesk.config import Config, load_config
from macrodesk.errors import ConfigError, PublishError
from macrodesk.models import Post
from macrodesk.publish.html import render_html, render_plain
from macrodesk.publish.jekyll import sanitize_body
from macrodesk.publish.postfile import post_text
from macrodesk.spec import plain, safe_url, split_front_matter
from macrodesk.text.retry import Backoff, GaveUp, retry


class TransientDeliveryError(PublishError):
    """A delivery failure worth retrying: network trouble, HTTP 429/5xx, SMTP 4xx."""


@dataclass
class Message:
    """One post, prepared once for every channel."""

    title: str  # the post's headline (its `# ...` line), else the front matter title
    date: str
    markdown: str  # the whole body
    summary: str  # the brief part: headline, overview and the ten items
    html: str  # standalone HTML document
    text: str  # plain text
    url: str = ""  # where the published post can be read, when known


@dataclass
class DeliveryResult:
    channel: str  # the config table's name
    kind: str  # email, feishu, dingtalk, wecom, slack, telegram
    ok: bool
    attempts: int
    error: str = ""


class Channel(Protocol):
    name: str

    def send(self, msg: Message) -> None:
        """Deliver once; raise TransientDeliveryError to be retried, PublishError to give up."""


CHANNELS: dict[str, Callable[[str, dict], Channel]] = {}


def channel(kind: str) -> Callable:
    def wrap(cls):
        CHANNELS[kind] = cls
        return cls
    return wrap


# ---------------------------------------------------------------- the message

def _headline(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _summary(body: str) -> str:
    # The spec puts the part readers read first before the first horizontal rule.
    lines = []
    for line in body.strip("\n").splitlines():
        if line.strip() == "---":
            break
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def post_url(site_url: str, date: str, template: str = "") -> str:
    """The published post's address: `template` with {site_url} {year} {month} {day} {date},
    else Jekyll's default permalink under `site_url`."""
    if not site_url and not template:
        return ""
    y, m, d = date.split("-")
    tpl = template or "{site_url}/{year}/{month}/{day}/macr_research_{date}.html"
    return tpl.format(site_url=site_url.rstrip("/"), year=y, month=m, day=d, date=date)


def message_from_post(post: Post | str | Path, url: str = "") -> Message:
    text, label = post_text(post)
    meta, body = split_front_matter(text, label)
    # The message's Markdown is the post's inert text (spec.inert, publish.sanitize_body, which
    # leaves a rendered post as it is): channels that render Markdown with HTML (DingTalk, WeCom)
    # send it as it is; the plain-text channels decode it (spec.plain) and escape for themselves.
    body = sanitize_body(body)
    date = str(meta.get("date", ""))[:10] or (post.date if isinstance(post, Post) else "")
    title = plain(_headline(body)) or str(meta.get("title", "")) or f"macr_research_{date}"
    return Message(title=title, date=date, markdown=body, summary=_summary(body),
                   html=render_html(text), text=render_plain(text), url=http_link(url))


def http_link(url: str) -> str:
    """`url` when it is an http(s) address, else "": a configured or computed address that is
    not http(s) is never made a link in any channel."""
    return url if url.lower().startswith(("http://", "https://")) and safe_url(url) else ""


# ---------------------------------------------------------------- settings

def _setting(cfg: dict, name: str, channel_name: str, required: bool = True) -> str:
    """A value from the table, or from the environment variable named by `<name>_env`
    (so secrets and tokened webhook URLs can stay out of the file)."""
    if cfg.get(name):
        return str(cfg[name])
    env = cfg.get(f"{name}_env")
    if env:
        value = os.environ.get(str(env), "")
        if value:
            return value
        if required:
            raise ConfigError(f"environment variable {env} is empty",
                              source=f"[delivery.{channel_name}]", hint=f"export {env}=...")
    if required:
        raise ConfigError(f"missing `{name}`", source=f"[delivery.{channel_name}]",
                          hint=f"set {name} = \"...\" or {name}_env = \"VAR\"")
    return ""


def _strip_md(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", line)


def _fit_bytes(text: str, limit: int, tail: str = "") -> str:
    """Cut `text` on a line boundary so that text + tail fits in `limit` UTF-8 bytes."""
    room = limit - len(tail.encode("utf-8"))
    if len(text.encode("utf-8")) <= room:
        return text + tail
    out, used = [], 0
    for line in text.splitlines(keepends=True):
        n = len(line.encode("utf-8"))
        if used + n > room - 4:
            break
        out.append(line)
        used += n
    return "".join(out).rstrip() + "\n…" + tail


def _fit_chars(text: str, limit: int, tail: str = "") -> str:
    room = limit - len(tail)
    if len(text) <= room:
        return text + tail
    cut = text[: room - 2]
    if "\n" in cut:
        cut = cut[: cut.rindex("\n")]
    return cut.rstrip() + "\n…" + tail


class _Webhook:
    """Shared HTTP plumbing: POST JSON, classify the answer, check the platform's own code."""

    kind = "webhook"

    def __init__(self, name: str, cfg: dict):
        self.name = name
        self.cfg = cfg
        self.timeout = float(cfg.get("timeout", 15))

    def _post(self, url: str, payload: dict) -> httpx.Response:
        host = urllib.parse.urlsplit(url).netloc or url
        try:
            with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
                resp = client.post(url, json=payload)
        except httpx.TransportError as exc:
            # the URL carries the token: name only the host
            raise TransientDeliveryError(f"{type(exc).__name__} talking to {host}") from None
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransientDeliveryError(f"HTTP {resp.status_code} from {host}")
        if resp.status_code >= 400:
            raise PublishError(f"HTTP {resp.status_code} from {host}: {resp.text[:200]}")
        return resp

    @staticmethod
    def _json(resp: httpx.Response) -> dict:
        try:
            data = resp.json()
        except ValueError:
            raise PublishError(f"answer is not JSON: {resp.text[:200]}") from None
        return data if isinstance(data, dict) else {}


@channel("feishu")
@channel("lark")
class Feishu(_Webhook):
    """Feishu/Lark custom bot: a `post` (rich text) message, signed when `secret` is set."""

    kind = "feishu"

    def payload(self, msg: Message) -> dict:
        lines = [plain(_strip_md(x)) for x in msg.summary.splitlines()]
        if lines and lines[0] == msg.title:
            lines = lines[1:]
        content: list[list[dict]] = [[{"tag": "text", "text": x}] for x in lines if x.strip()]
        if msg.url:
            content.append([{"tag": "a", "text": "阅读全文", "href": msg.url}])
        payload: dict[str, Any] = {"msg_type": "post", "content": {"post": {"zh_cn": {
            "title": msg.title, "content": content}}}}
        secret = _setting(self.cfg, "secret", self.name, required=False)
        if secret:
            ts = str(int(time.time()))
            # Feishu signs with the key "timestamp\nsecret" over an empty message
            digest = hmac.new(f"{ts}\n{secret}".encode(), b"", hashlib.sha256).digest()
            payload.update(timestamp=ts, sign=base64.b64encode(digest).decode())
        return payload

    def send(self, msg: Message) -> None:
        data = self._json(self._post(_setting(self.cfg, "webhook", self.name), self.payload(msg)))
        code = data.get("code", data.get("StatusCode", 0))
        if code not in (0, None):
            raise PublishError(f"Feishu refused the message: code {code} {data.get('msg', '')}")


@channel("dingtalk")
class DingTalk(_Webhook):
    """DingTalk custom robot: a `markdown` message, signed (timestamp & sign in the URL)."""

    kind = "dingtalk"

    def payload(self, msg: Message) -> dict:
        text = msg.summary + (f"\n[阅读全文]({msg.url})\n" if msg.url else "")
        return {"msgtype": "markdown",
                "markdown": {"title": msg.title, "text": _fit_bytes(text, 18000)}}

    def url(self) -> str:
        url = _setting(self.cfg, "webhook", self.name)
        secret = _setting(self.cfg, "secret", self.name, required=False)
        if not secret:
            return url
        ts = str(int(time.time() * 1000))
        mac = hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(mac).decode())
        return f"{url}{'&' if '?' in url else '?'}timestamp={ts}&sign={sign}"

    def send(self, msg: Message) -> None:
        data = self._json(self._post(self.url(), self.payload(msg)))
        if data.get("errcode", 0) != 0:
            raise PublishError(f"DingTalk refused the message: errcode {data.get('errcode')} "
                               f"{data.get('errmsg', '')}")


@channel("wecom")
class WeCom(_Webhook):
    """WeCom (企业微信) group robot: a `markdown` message of at most 4096 bytes."""

    kind = "wecom"

    def payload(self, msg: Message) -> dict:
        tail = f"\n[阅读全文]({msg.url})" if msg.url else ""
        return {"msgtype": "markdown", "markdown": {"content": _fit_bytes(msg.summary, 4096, tail)}}

    def send(self, msg: Message) -> None:
        data = self._json(self._post(_setting(self.cfg, "webhook", self.name), self.payload(msg)))
        if data.get("errcode", 0) != 0:
            raise PublishError(f"WeCom refused the message: errcode {data.get('errcode')} "
                               f"{data.get('errmsg', '')}")


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@channel("slack")
class Slack(_Webhook):
    """Slack incoming webhook: Block Kit header + mrkdwn sections (Slack bold is *x*)."""

    kind = "slack"

    def payload(self, msg: Message) -> dict:
        lines = msg.summary.splitlines()
        if lines and lines[0].startswith("# "):
            lines = lines[1:]
        body = []
        for line in lines:
            line = _slack_escape(plain(line))
            line = re.sub(r"^#{2,6}\s+(.*)$", r"*\1*", line)
            line = re.sub(r"\*\*(.+?)\*\*", r"*\1*", line)
            body.append(line)
        text = "\n".join(body).strip()
        blocks: list[dict] = [{"type": "header",
                               "text": {"type": "plain_text", "text": msg.title[:150]}}]
        chunk = ""
        for para in text.split("\n\n"):  # a section holds at most 3000 characters
            if chunk and len(chunk) + len(para) + 2 > 2900:
                blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
                chunk = ""
            chunk = f"{chunk}\n\n{para}" if chunk else para[:2900]
        if chunk:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
        if msg.url:
            blocks.append({"type": "section",
                           "text": {"type": "mrkdwn", "text": f"<{msg.url}|阅读全文>"}})
        # `text` (the notification fallback) is mrkdwn: escaped; the header is plain_text: not
        return {"text": _slack_escape(msg.title), "blocks": blocks[:50]}

    def send(self, msg: Message) -> None:
        resp = self._post(_setting(self.cfg, "webhook", self.name), self.payload(msg))
        if resp.text.strip() != "ok":
            raise PublishError(f"Slack refused the message: {resp.text[:200]}")


@channel("telegram")
class Telegram(_Webhook):
    """Telegram Bot API sendMessage with parse_mode HTML (at most 4096 characters)."""

    kind = "telegram"

    def payload(self, msg: Message) -> dict:
        out = []
        for line in msg.summary.splitlines():
            bold = bool(re.match(r"^#{1,6}\s+", line))
            line = _html.escape(plain(_strip_md_keep_bold(line)), quote=False)
            line = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", line)
            out.append(f"<b>{line}</b>" if bold and line else line)
        tail = (f'\n<a href="{_html.escape(msg.url)}">阅读全文</a>' if msg.url else "")
        text = _fit_chars("\n".join(out).strip(), 4096, tail)
        text = _close_tags(text)
        return {"chat_id": _setting(self.cfg, "chat_id", self.name), "text": text,
                "parse_mode": "HTML", "disable_web_page_preview": True}

    def send(self, msg: Message) -> None:
        token = _setting(self.cfg, "token", self.name)
        base = str(self.cfg.get("api_base", "https://api.telegram.org")).rstrip("/")
        data = self._json(self._post(f"{base}/bot{token}/sendMessage", self.payload(msg)))
        if not data.get("ok"):
            raise PublishError(f"Telegram refused the message: {data.get('description', data)}")


def _strip_md_keep_bold(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", line)


def _close_tags(text: str) -> str:
    # cutting to the limit may leave a <b> open; Telegram rejects unbalanced HTML
    opened = text.count("<b>") - text.count("</b>")
    return text + "</b>" * max(opened, 0)


@channel("email")
class Email:
    """SMTP with a text/plain and a text/html part rendered from the same post."""

    kind = "email"

    def __init__(self, name: str, cfg: dict):
        self.name = name
        self.cfg = cfg

    def build(self, msg: Message) -> EmailMessage:
        to = self.cfg.get("to")
        if not to:
            raise ConfigError("missing `to`", source=f"[delivery.{self.name}]",
                              hint='to = ["reader@example.com"]')
        sender = _setting(self.cfg, "from", self.name)
        em = EmailMessage()
        subject = str(self.cfg.get("subject", "{title}"))
        em["Subject"] = subject.format(title=msg.title, date=msg.date)
        em["From"] = sender
        em["To"] = ", ".join(to) if isinstance(to, list) else str(to)
        em["Date"] = formatdate(localtime=True)
        em["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip(">") or None)
        text = msg.text + (f"\n阅读全文：{msg.url}\n" if msg.url else "")
        em.set_content(text, subtype="plain", charset="utf-8")
        em.add_alternative(msg.html, subtype="html", charset="utf-8")
        return em

    def send(self, msg: Message) -> None:
        em = self.build(msg)
        host = _setting(self.cfg, "host", self.name)
        use_ssl = bool(self.cfg.get("ssl", False))
        port = int(self.cfg.get("port", 465 if use_ssl else 587))
        timeout = float(self.cfg.get("timeout", 30))
        user = _setting(self.cfg, "username", self.name, required=False)
        password = _setting(self.cfg, "password", self.name, required=bool(user))
        try:
            ctx = ssl.create_default_context()
            smtp = (smtplib.SMTP_SSL(host, port, timeout=timeout, context=ctx) if use_ssl
                    else smtplib.SMTP(host, port, timeout=timeout))
            with smtp:
                if not use_ssl and self.cfg.get("starttls", False):
                    smtp.starttls(context=ctx)
                if user:
                    smtp.login(user, password)
                smtp.send_message(em)
        except smtplib.SMTPAuthenticationError as exc:
            raise PublishError(f"SMTP login refused ({exc.smtp_code})",
                               hint="check username and password") from None
        except smtplib.SMTPResponseException as exc:
            cls = TransientDeliveryError if 400 <= exc.smtp_code < 500 else PublishError
            raise cls(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}") from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise PublishError(f"SMTP refused the recipients {sorted(exc.recipients)}") from None
        except (smtplib.SMTPException, OSError) as exc:  # OSError covers timeouts
            raise TransientDeliveryError(f"SMTP {host}:{port}: {type(exc).__name__}: {exc}") \
                from None


# ---------------------------------------------------------------- running the channels

def build_channels(config: Config) -> list[tuple[str, str, Channel | Exception]]:
    """(name, kind, channel-or-config-error) for each enabled `[delivery.<name>]` table."""
    section = config.section("delivery")
    built: list[tuple[str, str, Channel | Exception]] = []
    for name, cfg in section.items():
        if not isinstance(cfg, dict) or cfg.get("enabled", True) is False:
            continue
        kind = str(cfg.get("type", name)).lower()
        factory = CHANNELS.get(kind)
        if factory is None:
            err = ConfigError(f"unknown delivery type {kind!r}", source=f"[delivery.{name}]",
                              hint="use one of " + ", ".join(sorted(CHANNELS)))
            built.append((name, kind, err))
            continue
        built.append((name, kind, factory(name, cfg)))
    return built


def send_with_retry(ch: Channel, msg: Message, retries: int = 2, backoff: float = 2.0,
                    sleep: Callable[[float], None] = time.sleep) -> tuple[int, str]:
    """Send, retrying transient failures with doubling waits; (attempts, error or "")."""
    attempts = 1

    def count(attempt: int, _exc: BaseException) -> None:
        nonlocal attempts
        attempts = attempt + 1

    try:
        _, attempts = retry(lambda: ch.send(msg), backoff=Backoff(retries, backoff), sleep=sleep,
                            transient=lambda e: isinstance(e, TransientDeliveryError),
                            on_failure=count)
        return attempts, ""
    except GaveUp as exc:
        message = getattr(exc.last, "message", str(exc.last))
        return exc.attempts, f"{message} (gave up after {exc.attempts} attempts)"
    except (PublishError, ConfigError) as exc:  # ConfigError is not a PublishError
        return attempts, str(exc)
    except Exception as exc:  # a channel bug must not stop the others, nor publishing
        return attempts, f"unexpected {type(exc).__name__}: {exc}"


def deliver_post(post: Post | str | Path, config: Config | None = None, *, url: str | None = None,
                 only: list[str] | None = None) -> list[DeliveryResult]:
    """Send a post to every configured channel (or those named in `only`).

    Never raises for a channel: each failure, after retries, is a DeliveryResult with ok=False.
    `url` is the published post's address for the "read more" link (default: from
    `[delivery] site_url` / `post_url`).
    """
    cfg = config or load_config()
    section = cfg.section("delivery")
    retries = int(section.get("retries", 2))
    backoff = float(section.get("backoff", 2.0))
    msg = message_from_post(post)
    if url is None and msg.date:
        url = post_url(str(section.get("site_url", "")), msg.date, str(section.get("post_url", "")))
    msg.url = http_link(url or "")
    results = []
    for name, kind, ch in build_channels(cfg):
        if only and name not in only and kind not in only:
            continue
        if isinstance(ch, Exception):
            results.append(DeliveryResult(name, kind, False, 0, str(ch)))
            continue
        attempts, error = send_with_retry(ch, msg, retries, backoff)
        results.append(DeliveryResult(name, kind, not error, attempts, error))
    return results
