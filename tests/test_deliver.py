"""Delivery: email to a real SMTP server on 127.0.0.1 (aiosmtpd), and each chat webhook's
message format checked as received by a local HTTP server; retries and failure reports."""

from __future__ import annotations

import base64
import email
import hashlib
import hmac
import json
import re
import socket
import threading
import urllib.parse
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.config import Config
from macrodesk.publish.deliver import deliver_post, message_from_post, post_url

from .test_publish import EXAMPLE, HOSTILE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps each message; `fail_first` answers to the first DATA commands."""

    def __init__(self, fail_first: list[str] | None = None):
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.fail_first = list(fail_first or [])

    async def handle_DATA(self, server, session, envelope):
        if self.fail_first:
            return self.fail_first.pop(0)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp():
    started = []

    def start(inbox: Inbox, **kwargs) -> int:
        port = free_port()
        ctl = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
        ctl.start()
        started.append(ctl)
        return port

    yield start
    for ctl in started:
        ctl.stop()


def config(**channels) -> Config:
    return Config(sections={"delivery": {"retries": 2, "backoff": 0, **channels}})


def email_cfg(port: int, **extra) -> dict:
    return {"host": "127.0.0.1", "port": port, "from": "desk@example.com",
            "to": ["a@example.com", "b@example.com"], "timeout": 5, **extra}


def test_email_has_plain_and_html_parts_from_the_same_post(smtp):
    inbox = Inbox()
    port = smtp(inbox)
    results = deliver_post(EXAMPLE, config(email=email_cfg(port)), url="https://blog.example/p")
    assert [(r.channel, r.ok, r.attempts) for r in results] == [("email", True, 1)]
    assert len(inbox.messages) == 1
    sender, rcpts, raw = inbox.messages[0]
    assert sender == "desk@example.com" and rcpts == ["a@example.com", "b@example.com"]
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"] == "美国进口高增与AI投资驱动下的出口韧性分析 —— 市场研究摘要"
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for n in range(1, 11):  # the ten items in both parts
        assert f"\n{n}. " in plain
    assert "1. 美国2024年11月-2025年9月商品进口同比增长8.1%" in plain and "**" not in plain
    assert "阅读全文：https://blog.example/p" in plain
    assert html.startswith("<!DOCTYPE html>") and html.count("<table>") == 2
    assert "<strong>美国2024年11月-2025年9月商品进口同比增长8.1%" in html
    assert "<script" not in html


def test_email_login_with_password_from_the_environment(smtp, monkeypatch):
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        seen.append((auth_data.login, auth_data.password))
        # handled=False: let the server answer 535 itself
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)

    inbox = Inbox()
    port = smtp(inbox, authenticator=authenticator, auth_require_tls=False)
    monkeypatch.setenv("DESK_SMTP_PW", "s3cret")
    cfg = email_cfg(port, username="desk", password_env="DESK_SMTP_PW")
    assert deliver_post(EXAMPLE, config(email=cfg))[0].ok
    assert seen == [(b"desk", b"s3cret")] and len(inbox.messages) == 1
    monkeypatch.setenv("DESK_SMTP_PW", "wrong")
    r = deliver_post(EXAMPLE, config(email=cfg))[0]
    assert not r.ok and r.attempts == 1 and "login refused" in r.error
    monkeypatch.delenv("DESK_SMTP_PW")
    r = deliver_post(EXAMPLE, config(email=cfg))[0]
    assert not r.ok and "DESK_SMTP_PW is empty" in r.error


def test_email_retries_a_temporary_refusal_and_gives_up_on_a_permanent_one(smtp):
    inbox = Inbox(fail_first=["451 4.3.0 try again later"])
    port = smtp(inbox)
    r = deliver_post(EXAMPLE, config(email=email_cfg(port)))[0]
    assert r.ok and r.attempts == 2 and len(inbox.messages) == 1
    inbox = Inbox(fail_first=["554 5.7.1 rejected"] * 5)
    port = smtp(inbox)
    r = deliver_post(EXAMPLE, config(email=email_cfg(port)))[0]
    assert not r.ok and r.attempts == 1 and "554" in r.error and inbox.messages == []


def test_email_to_a_server_that_is_down_is_retried_then_reported():
    port = free_port()  # nothing listens there
    r = deliver_post(EXAMPLE, config(email=email_cfg(port)))[0]
    assert not r.ok and r.attempts == 3
    assert f"127.0.0.1:{port}" in r.error and "gave up after 3 attempts" in r.error


# ------------------------------------------------------------------ webhooks

OK_BODIES = {
    "/feishu": '{"code":0,"msg":"success"}',
    "/dingtalk": '{"errcode":0,"errmsg":"ok"}',
    "/wecom": '{"errcode":0,"errmsg":"ok"}',
    "/slack": "ok",
    "/botTOKEN123/sendMessage": '{"ok":true,"result":{}}',
}


class Hooks:
    """A local HTTP server that records each POST and answers from a per-path script."""

    def __init__(self):
        self.requests: list[dict] = []
        self.script: dict[str, list[tuple[int, str]]] = {}
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                parts = urllib.parse.urlsplit(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hooks.requests.append({"path": parts.path,
                                       "query": dict(urllib.parse.parse_qsl(parts.query)),
                                       "type": self.headers.get("Content-Type"),
                                       "json": json.loads(raw)})
                queue = hooks.script.get(parts.path)
                status, body = queue.pop(0) if queue else (200, OK_BODIES.get(parts.path, "{}"))
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def by_path(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]


def chats(h: Hooks) -> dict:
    return {
        "feishu": {"webhook": h.url + "/feishu", "secret": "fs-secret"},
        "dingtalk": {"webhook": h.url + "/dingtalk?access_token=abc", "secret": "SECdd"},
        "wecom": {"webhook": h.url + "/wecom?key=k"},
        "slack": {"webhook": h.url + "/slack"},
        "tg": {"type": "telegram", "token": "TOKEN123", "chat_id": "-100200",
               "api_base": h.url},
    }


def test_each_chat_gets_its_own_message_format(hooks):
    results = deliver_post(EXAMPLE, config(**chats(hooks)), url="https://blog.example/p.html")
    assert [(r.channel, r.kind, r.ok, r.attempts) for r in results] == [
        ("feishu", "feishu", True, 1), ("dingtalk", "dingtalk", True, 1),
        ("wecom", "wecom", True, 1), ("slack", "slack", True, 1),
        ("tg", "telegram", True, 1)]
    assert all(r["type"] == "application/json" for r in hooks.requests)
    headline = "美国进口高增与AI投资驱动下的出口韧性分析 —— 市场研究摘要"

    fs = hooks.by_path("/feishu")[0]["json"]
    assert fs["msg_type"] == "post"
    post = fs["content"]["post"]["zh_cn"]
    assert post["title"] == headline
    texts = [el["text"] for para in post["content"] for el in para]
    assert "1. 美国2024年11月-2025年9月商品进口同比增长8.1%，远超2023年-5.3%与2024年4.0%。" in texts
    assert [int(t.split(".")[0]) for t in texts if re.match(r"\d{1,2}\. ", t)] == list(
        range(1, 11)) and "**" not in "".join(texts)
    assert post["content"][-1] == [{"tag": "a", "text": "阅读全文",
                                    "href": "https://blog.example/p.html"}]
    want = base64.b64encode(hmac.new(f"{fs['timestamp']}\nfs-secret".encode(), b"",
                                     hashlib.sha256).digest()).decode()
    assert fs["sign"] == want

    dd = hooks.by_path("/dingtalk")[0]
    assert dd["query"]["access_token"] == "abc"
    ts = dd["query"]["timestamp"]
    want = base64.b64encode(hmac.new(b"SECdd", f"{ts}\nSECdd".encode(),
                                     hashlib.sha256).digest()).decode()
    assert dd["query"]["sign"] == want
    assert dd["json"]["msgtype"] == "markdown" and dd["json"]["markdown"]["title"] == headline
    text = dd["json"]["markdown"]["text"]
    assert text.startswith(f"# {headline}") and "\n10. **预计2026年" in text
    assert "[阅读全文](https://blog.example/p.html)" in text and "详细部分" not in text

    wc = hooks.by_path("/wecom")[0]
    assert wc["query"] == {"key": "k"} and wc["json"]["msgtype"] == "markdown"
    content = wc["json"]["markdown"]["content"]
    assert len(content.encode("utf-8")) <= 4096 and "\n10. **" in content
    assert content.endswith("[阅读全文](https://blog.example/p.html)")

    sl = hooks.by_path("/slack")[0]["json"]
    assert sl["text"] == headline
    assert sl["blocks"][0] == {"type": "header", "text": {"type": "plain_text", "text": headline}}
    mrkdwn = "\n".join(b["text"]["text"] for b in sl["blocks"][1:])
    assert "**" not in mrkdwn and "*主要话题与市场趋势概述*" in mrkdwn
    assert "1. *美国2024年11月" in mrkdwn and "<https://blog.example/p.html|阅读全文>" in mrkdwn
    assert all(len(b["text"]["text"]) <= 3000 for b in sl["blocks"][1:])

    tg = hooks.by_path("/botTOKEN123/sendMessage")[0]["json"]
    assert tg["chat_id"] == "-100200" and tg["parse_mode"] == "HTML"
    assert len(tg["text"]) <= 4096 and tg["text"].count("<b>") == tg["text"].count("</b>")
    assert f"<b>{headline}</b>" in tg["text"] and "1. <b>美国2024年11月" in tg["text"]
    assert tg["text"].endswith('<a href="https://blog.example/p.html">阅读全文</a>')


def test_article_markup_is_escaped_in_chat_messages(hooks):
    deliver_post(HOSTILE, config(slack=chats(hooks)["slack"], tg=chats(hooks)["tg"]))
    tg = hooks.by_path("/botTOKEN123/sendMessage")[0]["json"]["text"]
    assert "<script>" not in tg and "&lt;script&gt;" in tg and "&lt;img src=x" in tg
    sl = hooks.by_path("/slack")[0]["json"]
    # mrkdwn fields are escaped; the header is plain_text, which Slack never interprets
    mrkdwn = sl["text"] + "".join(b["text"]["text"] for b in sl["blocks"][1:])
    assert "<script>" not in mrkdwn and "&lt;script&gt;" in mrkdwn and "<img" not in mrkdwn
    assert sl["blocks"][0]["text"]["type"] == "plain_text"


def test_transient_failures_are_retried(hooks):
    hooks.script["/wecom"] = [(502, "bad gateway"), (429, "slow down")]
    r = deliver_post(EXAMPLE, config(wecom=chats(hooks)["wecom"]))[0]
    assert r.ok and r.attempts == 3 and len(hooks.by_path("/wecom")) == 3


def test_a_failed_channel_is_reported_and_the_others_still_go(hooks):
    hooks.script["/feishu"] = [(500, "down")] * 3
    hooks.script["/dingtalk"] = [(200, '{"errcode":310000,"errmsg":"sign not match"}')]
    hooks.script["/slack"] = [(403, "invalid_token")]
    results = {r.channel: r for r in deliver_post(EXAMPLE, config(**chats(hooks)))}
    assert not results["feishu"].ok and results["feishu"].attempts == 3
    assert "HTTP 500" in results["feishu"].error and "/feishu" not in results["feishu"].error
    assert not results["dingtalk"].ok and results["dingtalk"].attempts == 1
    assert "310000" in results["dingtalk"].error and "sign not match" in results["dingtalk"].error
    assert not results["slack"].ok and "403" in results["slack"].error
    assert results["wecom"].ok and results["tg"].ok
    assert len(hooks.by_path("/feishu")) == 3 and len(hooks.by_path("/slack")) == 1


def test_configuration_mistakes_are_reported_not_raised(hooks, monkeypatch):
    monkeypatch.setenv("DESK_WECOM_URL", hooks.url + "/wecom?key=env")
    cfg = config(carrier_pigeon={"webhook": "x"}, slack={"type": "slack"},
                 wecom={"webhook_env": "DESK_WECOM_URL"}, off={"type": "slack", "enabled": False},
                 mail={"type": "email", "host": "127.0.0.1"})
    results = {r.channel: r for r in deliver_post(EXAMPLE, cfg)}
    assert set(results) == {"carrier_pigeon", "slack", "wecom", "mail"}
    assert "unknown delivery type 'carrier_pigeon'" in results["carrier_pigeon"].error
    assert "[delivery.slack]: missing `webhook`" in results["slack"].error
    assert "missing `to`" in results["mail"].error
    assert results["wecom"].ok and hooks.by_path("/wecom")[0]["query"] == {"key": "env"}
    assert deliver_post(EXAMPLE, Config()) == []


def test_message_and_post_url():
    msg = message_from_post(EXAMPLE)
    assert msg.date == "2025-12-23" and msg.title.endswith("市场研究摘要")
    assert msg.summary.count("\n1") >= 2 and "详细部分" not in msg.summary
    assert post_url("https://me.github.io/blog/", "2025-12-23") == \
        "https://me.github.io/blog/2025/12/23/macr_research_2025-12-23.html"
    assert post_url("https://x.org", "2025-12-23", "{site_url}/posts/{date}/") == \
        "https://x.org/posts/2025-12-23/"
    assert post_url("", "2025-12-23") == ""


def test_cli_deliver_exit_codes(hooks, tmp_path):
    toml = tmp_path / "config.toml"
    toml.write_text(f'[delivery]\nretries = 0\n\n[delivery.slack]\nwebhook = "{hooks.url}/slack"\n',
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["deliver", str(EXAMPLE), "--config", str(toml)])
    assert res.exit_code == 0, res.output
    assert "delivered: slack" in res.output
    hooks.script["/slack"] = [(500, "down")]
    res = CliRunner().invoke(app, ["deliver", str(EXAMPLE), "--config", str(toml)])
    assert res.exit_code == 1 and "delivery failed: slack" in res.output
