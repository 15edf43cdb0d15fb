"""The LLM engine against streaming chat-completions servers on 127.0.0.1: a slow model that keeps
writing is never cut off, one that stops is given up after the idle timeout with one message, an
answer cut at max_output_tokens says so and only its missing part is asked for, the time budget
of a digest holds, every request the server saw is counted, and local/hosted defaults differ."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import pytest

from macrodesk.config import Config
from macrodesk.engines import get_engine
from macrodesk.engines.extractive import ExtractiveEngine
from macrodesk.engines.llm.client import HOSTED, LOCAL, settings_from_config
from macrodesk.readers import read_article

FIX = Path(__file__).resolve().parent / "fixtures" / "llm"
GOOD = (FIX / "answer_good.json").read_text("utf-8")


@dataclass
class Stream:
    """One streamed answer: `content` sent in `pieces` chunks, `interval` seconds apart; after
    `stall_after` chunks the server goes silent for `stall` seconds (and then hangs up)."""

    content: str
    pieces: int = 10
    interval: float = 0.0
    finish: str = "stop"
    stall_after: int = -1
    stall: float = 0.0
    usage: tuple[int, int] | None = (1234, 567)  # (prompt, completion) the server reports
    events: list[str] | None = None  # raw `data:` payloads recorded from a real server, replayed


def chunks(text: str, n: int) -> list[str]:
    """`text` in exactly `n` pieces (fewer only when it is shorter than `n` characters): the
    slow-stream tests count on `n` pieces taking `n` intervals."""
    n = max(1, min(n, len(text)))
    size, extra = divmod(len(text), n)
    bounds = [k * size + min(k, extra) for k in range(n + 1)]
    return [text[a:b] for a, b in pairwise(bounds)]


class StreamServer:
    """An OpenAI-compatible endpoint on 127.0.0.1 that streams a script of answers as server-sent
    events (the last one repeats) and records every request body."""

    def __init__(self, script: list[Stream]):
        self.script = script
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                n = len(server.requests)
                server.requests.append(body)
                answer = server.script[min(n, len(server.script) - 1)]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    if answer.events is not None:
                        for data in answer.events:
                            self.send_chunk(f"data: {data}\n\n".encode())
                        self.send_chunk(b"")
                        return
                    for k, piece in enumerate(chunks(answer.content, answer.pieces)):
                        if k == answer.stall_after:
                            time.sleep(answer.stall)
                            return
                        if answer.interval:
                            time.sleep(answer.interval)
                        self.event({"choices": [{"index": 0, "delta": {"content": piece},
                                                 "finish_reason": None}]})
                    self.event({"choices": [{"index": 0, "delta": {},
                                             "finish_reason": answer.finish}]})
                    if answer.usage and body.get("stream_options", {}).get("include_usage"):
                        pt, ct = answer.usage
                        self.event({"choices": [], "usage": {"prompt_tokens": pt,
                                                             "completion_tokens": ct}})
                    self.send_chunk(b"data: [DONE]\n\n")
                    self.send_chunk(b"")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up

            def event(self, data: dict) -> None:
                self.send_chunk(f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode())

            def send_chunk(self, raw: bytes) -> None:
                self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StreamServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def config(url: str, **llm) -> Config:
    section = {"base_url": url, "model": "local-model", "backoff": 0.01, "max_backoff": 0.05}
    section.update(llm)
    return Config(sections={"llm": section})


@pytest.fixture(scope="module")
def article():
    return read_article(FIX / "us_core_cpi_147.md")


def run(script: list[Stream], articles, **llm):
    with StreamServer(script) as srv:
        engine = get_engine("llm", config(srv.url, **llm))
        return engine.digest(articles), srv, engine


def test_a_slow_model_that_keeps_writing_is_never_cut_off(article):
    # 40 tokens 0.1 s apart: the answer takes 8 times the idle timeout, and arrives whole
    t0 = time.monotonic()
    d, srv, engine = run([Stream(GOOD, pieces=40, interval=0.1)], [article], idle_timeout=0.5)
    assert time.monotonic() - t0 >= 4 * 0.5
    assert len(srv.requests) == 1 and srv.requests[0]["stream"] is True
    assert d.engine == "llm" and d.headline == json.loads(GOOD)["headline"]
    assert engine.usage.requests == 1 and engine.usage.failed == 0


def test_a_model_that_stops_sending_is_given_up_after_the_idle_timeout(article):
    t0 = time.monotonic()
    d, srv, engine = run([Stream(GOOD, pieces=40, stall_after=5, stall=5.0)], [article],
                         idle_timeout=0.5)
    took = time.monotonic() - t0
    assert took < 3.0  # the idle timeout, not the 5 s the server stays silent
    assert len(srv.requests) == 1  # a local generation is not started again
    assert d.engine == "extractive"
    llm_warnings = [w for w in d.warnings if "LLM" in w or "endpoint" in w]
    assert len(llm_warnings) == 1
    assert "sent nothing for 0.5 s after" in llm_warnings[0]
    assert "idle_timeout" in llm_warnings[0]
    # the server ran that generation: it is counted, with estimated tokens
    assert engine.usage.requests == 1 and engine.usage.failed == 1
    assert engine.usage.prompt_tokens > 0 and engine.usage.completion_tokens > 0
    assert engine.usage.estimated


def test_the_time_budget_of_a_digest_holds_even_while_tokens_arrive(article):
    t0 = time.monotonic()
    d, _, _ = run([Stream(GOOD, pieces=100, interval=0.05)], [article], idle_timeout=1,
                  budget=1.0)
    assert time.monotonic() - t0 < 3.0
    assert d.engine == "extractive" and "time budget (1 s) ran out" in d.warnings[0]


def test_the_time_budget_bounds_a_silence_shorter_than_the_idle_timeout(article):
    t0 = time.monotonic()
    d, srv, engine = run([Stream(GOOD, stall_after=0, stall=5.0)], [article], idle_timeout=30,
                         budget=1.0, retry_timeouts=True)
    assert time.monotonic() - t0 < 3.0
    assert len(srv.requests) == 1  # no retry once the budget is spent
    assert d.engine == "extractive"
    assert "time budget (1 s) ran out while waiting for the answer" in d.warnings[0]
    assert engine.usage.failed == 1


def cut(text: str, at: float = 0.6) -> tuple[str, str]:
    k = int(len(text) * at)
    return text[:k], text[k:]


def test_an_answer_cut_at_max_output_tokens_is_completed_by_asking_for_the_rest(article):
    head, tail = cut(GOOD)
    d, srv, _ = run([Stream(head, finish="length"), Stream(tail)], [article])
    assert len(srv.requests) == 2
    follow = srv.requests[1]["messages"]
    assert follow[-2] == {"role": "assistant", "content": head}
    assert "截断" in follow[-1]["content"] and "剩余部分" in follow[-1]["content"]
    assert d.engine == "llm" and d.headline == json.loads(GOOD)["headline"]
    assert any("cut at max_output_tokens=3000" in w for w in d.warnings)


def test_an_answer_cut_twice_says_so_in_words_and_falls_back(article):
    head, _ = cut(GOOD)
    d, srv, _ = run([Stream(head, finish="length")], [article], max_output_tokens=3000)
    assert len(srv.requests) == 2  # the answer, one request for the rest, no more
    assert d.engine == "extractive"
    assert ("the answer was cut at max_output_tokens=3000; raise it (max_output_tokens in the "
            "llm section) or use a model with a larger output") in d.warnings[0]
    assert d.facts == ExtractiveEngine(Config()).digest([article]).facts


def test_tokens_are_the_ones_the_server_reports_in_the_stream(article):
    d, srv, engine = run([Stream(GOOD, usage=(4321, 876))], [article], price_input=2.0,
                         price_output=3.0)
    assert srv.requests[0]["stream_options"] == {"include_usage": True}
    assert d.engine == "llm"
    assert (engine.usage.prompt_tokens, engine.usage.completion_tokens) == (4321, 876)
    assert not engine.usage.estimated
    assert engine.usage.cost == pytest.approx((4321 * 2.0 + 876 * 3.0) / 1e6)


def test_local_and_hosted_endpoints_get_their_own_defaults(monkeypatch):
    local = settings_from_config(Config(sections={"llm": {"provider": "ollama"}}))
    assert local.local and local.idle_timeout == LOCAL.idle_timeout
    assert local.budget == LOCAL.budget and not local.retry_timeouts
    by_url = settings_from_config(Config(sections={"llm": {"base_url": "http://127.0.0.1:8080/v1",
                                                           "model": "m"}}))
    assert by_url.local and by_url.max_prompt_tokens == LOCAL.max_prompt_tokens
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk")
    hosted = settings_from_config(Config(sections={"llm": {"provider": "deepseek"}}))
    assert not hosted.local and hosted.retry_timeouts
    assert hosted.idle_timeout == HOSTED.idle_timeout and hosted.budget == HOSTED.budget
    # every default can be set; `timeout` is the older name of the idle timeout
    own = settings_from_config(Config(sections={"llm": {
        "provider": "ollama", "timeout": 42, "budget": 99, "retry_timeouts": True}}))
    assert (own.idle_timeout, own.budget, own.retry_timeouts) == (42, 99, True)
    assert LOCAL.idle_timeout > HOSTED.idle_timeout and LOCAL.budget > HOSTED.budget
