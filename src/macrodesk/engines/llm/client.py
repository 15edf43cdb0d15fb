"""Talk to any OpenAI-compatible chat endpoint (DeepSeek, Qwen/DashScope, Ollama, llama.cpp, vLLM):
settings and provider presets, streamed answers with an idle timeout and a time budget per
digest, retries with backoff, a response cache, token and cost counts."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from macrodesk.config import Config
from macrodesk.errors import ConfigError, LLMError
from macrodesk.text.files import atomic_write
from macrodesk.text.retry import Backoff


class LLMUnavailableError(LLMError):
    """The endpoint stayed down (timeouts, 429, 5xx, refused connections) after every retry.

    The only LLM failure the engine may answer by falling back to the embedded engine: a wrong
    key or model (401/403/404) is a setting to fix, not an outage."""


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str
    model: str
    api_key_env: str = ""  # provider-specific key variable, tried before OPENAI_API_KEY
    needs_key: bool = True
    # list prices in yuan per million tokens when this was written; override in [llm]
    price_input: float = 0.0
    price_output: float = 0.0
    local: bool = False  # a server on the reader's machine: slow, free, one generation at a time


PROVIDERS: dict[str, Provider] = {
    "deepseek": Provider("deepseek", "https://api.deepseek.com", "deepseek-chat",
                         "DEEPSEEK_API_KEY", price_input=2.0, price_output=3.0),
    "qwen": Provider("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus",
                     "DASHSCOPE_API_KEY", price_input=0.8, price_output=2.0),
    "ollama": Provider("ollama", "http://localhost:11434/v1", "qwen2.5:7b", needs_key=False,
                       local=True),
    "llamacpp": Provider("llamacpp", "http://localhost:8080/v1", "local", needs_key=False,
                         local=True),
    "vllm": Provider("vllm", "http://localhost:8000/v1", "local", needs_key=False, local=True),
}
PROVIDERS["dashscope"] = PROVIDERS["qwen"]
PROVIDERS["llama.cpp"] = PROVIDERS["llamacpp"]

_TRUE = {"1", "true", "yes", "on"}
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"}


def is_local(base_url: str) -> bool:
    """True for a server on this machine (Ollama, llama.cpp, vLLM on localhost)."""
    host = httpx.URL(base_url).host if "://" in base_url else ""
    return host in _LOCAL_HOSTS or host.endswith(".localhost")


def _bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def _num(section: dict, key: str, default: float, source: str) -> float:
    value = section.get(key, default)
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{key} must be a number, not {value!r}", source=source) from exc


@dataclass(frozen=True)
class Defaults:
    """Timing and size defaults of one kind of endpoint; every one can be set in `[llm]`."""

    idle_timeout: float  # seconds without a byte of the answer before giving up on a request
    budget: float  # seconds for all requests of one digest, retries and repairs included
    retry_timeouts: bool  # ask again after an idle timeout
    max_prompt_tokens: int


# A hosted API answers the first token in seconds; a stall there is an overload a retry may
# escape. A local CPU server may think for minutes before its first token (it reads the whole
# prompt first) and generates a few tokens a second; asking it again only queues the same work.
HOSTED = Defaults(idle_timeout=60.0, budget=900.0, retry_timeouts=True, max_prompt_tokens=16000)
LOCAL = Defaults(idle_timeout=300.0, budget=3600.0, retry_timeouts=False, max_prompt_tokens=6000)


@dataclass
class LLMSettings:
    """Everything the LLM engine reads from `[llm]` and the environment, resolved once."""

    base_url: str
    model: str
    api_key: str = ""
    provider: str = ""
    local: bool = False
    idle_timeout: float = HOSTED.idle_timeout
    budget: float = HOSTED.budget  # seconds for the whole digest
    retry_timeouts: bool = HOSTED.retry_timeouts
    max_retries: int = 3  # retries after the first attempt on 429/5xx/connection errors
    backoff: float = 1.0  # first wait in seconds; doubles each retry, with jitter
    max_backoff: float = 20.0
    json_mode: bool = True  # send response_format={"type": "json_object"}
    stream: bool = True
    temperature: float = 0.2
    max_output_tokens: int = 3000
    max_prompt_tokens: int = HOSTED.max_prompt_tokens  # budget for the material per digest
    shortlist_share: float = 0.25  # beyond the budget: at most this share of an article is sent
    cache: bool = True
    no_fallback: bool = False
    verbose: bool = False
    prompt_version: str = "v1"
    prompt_dir: str = ""  # a folder of the reader's own templates, same file names
    price_input: float = 0.0  # yuan per million prompt tokens, for the cost estimate
    price_output: float = 0.0
    record_dir: str = ""  # keep every raw answer here (what the model really sent), for fixtures

    @property
    def timeout(self) -> float:
        """The idle timeout (`timeout` is its older name in `[llm]`)."""
        return self.idle_timeout


def settings_from_config(config: Config) -> LLMSettings:
    """Resolve the endpoint: `[llm]` keys (the CLI writes its options there), then the
    environment, then the provider preset. Raises ConfigError when nothing names an endpoint,
    so no request is ever sent to a default address the user did not choose."""
    sec = config.section("llm")
    src = "config section llm"
    provider_name = str(sec.get("provider") or os.environ.get("MACRODESK_LLM_PROVIDER", "")).lower()
    preset: Provider | None = None
    if provider_name:
        preset = PROVIDERS.get(provider_name)
        if preset is None:
            raise ConfigError(f"unknown LLM provider {provider_name!r}", source=src,
                              hint=f"use one of {', '.join(sorted(PROVIDERS))}, or set base_url")
    base_url = str(sec.get("base_url") or (preset.base_url if preset else "")
                   or os.environ.get("OPENAI_BASE_URL", "")).strip()
    key_env = str(sec.get("api_key_env") or (preset.api_key_env if preset else ""))
    api_key = str(sec.get("api_key") or (os.environ.get(key_env, "") if key_env else "")
                  or os.environ.get("OPENAI_API_KEY", "")).strip()
    if not base_url and api_key:
        base_url = "https://api.openai.com/v1"  # a bare OPENAI_API_KEY means OpenAI itself
    if not base_url:
        raise ConfigError(
            "no LLM endpoint configured", source=src,
            hint="in the llm section of the config set provider = \"deepseek\", \"qwen\" or "
                 "\"ollama\", or base_url; or export OPENAI_BASE_URL / OPENAI_API_KEY "
                 "(see docs/llm.md)")
    model = str(sec.get("model") or os.environ.get("MACRODESK_LLM_MODEL", "")
                or (preset.model if preset else "")).strip()
    if not model:
        raise ConfigError("no LLM model named", source=src,
                          hint="set model in the llm section of the config, pass --model, "
                               "or export MACRODESK_LLM_MODEL")
    if not api_key and preset is not None and preset.needs_key:
        env_names = " or ".join(n for n in (preset.api_key_env, "OPENAI_API_KEY") if n)
        raise ConfigError(f"no API key for {preset.name}", source=src,
                          hint=f"export {env_names}, or set api_key in the llm section")
    local = _bool(sec.get("local"), preset.local if preset else is_local(base_url))
    d = LOCAL if local else HOSTED
    s = LLMSettings(base_url=base_url, model=model, api_key=api_key,
                    provider=preset.name if preset else "", local=local)
    # `timeout` was the per-request timeout before answers were streamed; it now means the same
    # thing a streamed answer can honour: how long the endpoint may stay silent
    s.idle_timeout = _num(sec, "idle_timeout", sec.get("timeout", d.idle_timeout), src)
    s.budget = _num(sec, "budget", d.budget, src)
    s.retry_timeouts = _bool(sec.get("retry_timeouts"), d.retry_timeouts)
    s.stream = _bool(sec.get("stream"), s.stream)
    s.max_retries = int(_num(sec, "max_retries", s.max_retries, src))
    s.backoff = _num(sec, "backoff", s.backoff, src)
    s.max_backoff = _num(sec, "max_backoff", s.max_backoff, src)
    s.temperature = _num(sec, "temperature", s.temperature, src)
    s.max_output_tokens = int(_num(sec, "max_output_tokens", s.max_output_tokens, src))
    s.max_prompt_tokens = int(_num(sec, "max_prompt_tokens", d.max_prompt_tokens, src))
    s.shortlist_share = _num(sec, "shortlist_share", s.shortlist_share, src)
    s.json_mode = _bool(sec.get("json_mode"), s.json_mode)
    s.cache = _bool(sec.get("cache"), s.cache)
    s.no_fallback = _bool(sec.get("no_fallback"), s.no_fallback)
    s.verbose = _bool(sec.get("verbose"), s.verbose)
    s.prompt_version = str(sec.get("prompt_version") or s.prompt_version)
    s.prompt_dir = str(sec.get("prompt_dir") or "")
    s.record_dir = str(sec.get("record_dir") or "")
    s.price_input = _num(sec, "price_input", preset.price_input if preset else 0.0, src)
    s.price_output = _num(sec, "price_output", preset.price_output if preset else 0.0, src)
    if s.idle_timeout <= 0 or s.budget <= 0 or s.max_retries < 0 or s.max_prompt_tokens < 500:
        raise ConfigError("idle_timeout and budget must be > 0, max_retries >= 0 and "
                          "max_prompt_tokens >= 500", source=src)
    return s


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def estimate_tokens(text: str) -> int:
    """Tokens a DeepSeek/Qwen-style tokenizer spends on `text`, by DeepSeek's published rule of
    thumb (a Chinese character ~0.6 token, any other character ~0.3). Used when the endpoint
    reports no usage and by the token benchmark, which compares two prompts with the same rule."""
    cjk = len(_CJK.findall(text))
    return int(round(cjk * 0.6 + (len(text) - cjk) * 0.3))


def messages_tokens(messages: list[dict[str, str]]) -> int:
    # ~4 tokens of chat framing per message, as the chat templates add role markers
    return sum(estimate_tokens(m.get("content", "")) + 4 for m in messages)


@dataclass
class Usage:
    """Tokens and estimated cost of the requests behind one digest. Every request the server saw
    is counted, answered or not: a generation cut off by a timeout still ran on the server."""

    requests: int = 0  # requests the server received (cache hits and refused connections not)
    failed: int = 0  # of those, the ones that timed out or got an error status back
    cached: int = 0  # answers served from the cache
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False  # some counts are estimates: the endpoint reported no usage
    seconds: float = 0.0  # wall time spent waiting on the endpoint
    price_input: float = 0.0
    price_output: float = 0.0
    model: str = ""
    events: list[str] = field(default_factory=list)  # what happened, for --verbose

    @property
    def cost(self) -> float:
        """Estimated cost in yuan, from the configured prices per million tokens."""
        return (self.prompt_tokens * self.price_input
                + self.completion_tokens * self.price_output) / 1_000_000

    def as_dict(self) -> dict[str, Any]:
        """Plain values for the archive (store) or a JSON report."""
        return {"model": self.model, "requests": self.requests, "failed": self.failed,
                "cached": self.cached, "retries": self.retries,
                "prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "estimated": self.estimated, "seconds": round(self.seconds, 1),
                "cost_yuan": round(self.cost, 6)}

    def summary(self) -> str:
        approx = "≈" if self.estimated else ""
        failed = f" ({self.failed} failed or timed out)" if self.failed else ""
        return (f"LLM {self.model}: {self.requests} request(s){failed}, {self.cached} from cache, "
                f"{self.retries} retr{'y' if self.retries == 1 else 'ies'}; tokens sent "
                f"{approx}{self.prompt_tokens}, received {approx}{self.completion_tokens}; "
                f"{self.seconds:.0f} s; estimated cost ¥{self.cost:.4f}")


@dataclass
class Completion:
    content: str
    prompt_tokens: int
    completion_tokens: int
    cached: bool = False
    finish_reason: str = ""  # "stop", or "length" when max_output_tokens cut the answer


class _Failed(Exception):
    """One attempt failed: `transient` ones may be retried; `seen` if the server got the request
    (it counts, and may have spent tokens: `partial` is what it had streamed)."""

    def __init__(self, what: str, *, transient: bool, seen: bool, timeout: bool = False,
                 status: int = 0, retry_after: float = 0.0, partial: str = "", body: str = ""):
        super().__init__(what)
        self.what, self.transient, self.seen, self.timeout = what, transient, seen, timeout
        self.status, self.retry_after, self.partial, self.body = status, retry_after, partial, body


def _retry_after(headers: httpx.Headers) -> float:
    try:
        return float(headers.get("retry-after") or 0)
    except ValueError:
        return 0.0  # an HTTP date: the computed backoff is close enough


def _error_message(body: str) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return body.strip()[:200]
    err = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(err, dict):
        return str(err.get("message") or err)[:200]
    return str(err)[:200]


class ChatClient:
    """One OpenAI-compatible endpoint: streamed JSON-mode chat completions with an idle timeout,
    an overall time budget, retries of what a retry can fix, a cache, and true request counts."""

    def __init__(self, settings: LLMSettings, cache_dir: Path | None = None):
        self.settings = settings
        self.cache_dir = cache_dir
        self.usage = Usage(model=settings.model, price_input=settings.price_input,
                           price_output=settings.price_output)
        self._json_mode = settings.json_mode
        self._stream_options = True
        self._deadline = time.monotonic() + settings.budget
        idle = settings.idle_timeout
        # httpx's read timeout bounds each read of the socket, not the whole body: on a streamed
        # answer it is exactly "no token for `idle` seconds"
        self._http = httpx.Client(timeout=httpx.Timeout(idle, connect=min(idle, 10.0)))
        headers = {"Content-Type": "application/json"}
        if settings.api_key:
            headers["Authorization"] = f"Bearer {settings.api_key}"
        self._headers = headers

    def close(self) -> None:
        self._http.close()

    def _cache_path(self, payload: dict) -> Path | None:
        if not (self.settings.cache and self.cache_dir):
            return None
        blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(blob.encode()).hexdigest()
        model = re.sub(r"[^A-Za-z0-9._-]+", "_", self.settings.model)[:60]
        return self.cache_dir / model / f"{digest}.json"

    def complete(self, messages: list[dict[str, str]]) -> Completion:
        """The model's answer to `messages`, from the cache when the same model already
        answered the same prompt. Raises LLMError (401/403/404/400) or LLMUnavailableError."""
        s = self.settings
        key = {"model": s.model, "messages": messages, "temperature": s.temperature,
               "max_tokens": s.max_output_tokens}
        path = self._cache_path(key)
        if path is not None and path.exists():
            try:
                hit = json.loads(path.read_text("utf-8"))
                self.usage.cached += 1
                self.usage.events.append(f"cache hit {path.name[:12]}")
                return Completion(hit["content"], 0, 0, cached=True,
                                  finish_reason=hit.get("finish_reason", ""))
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache entry is just a miss; the answer is asked again
        t0 = time.monotonic()
        try:
            done = self._request(messages)
        finally:
            self.usage.seconds += time.monotonic() - t0
        if path is not None and done.finish_reason != "length":
            atomic_write(path, json.dumps({"model": s.model, "content": done.content,
                                           "prompt_tokens": done.prompt_tokens,
                                           "completion_tokens": done.completion_tokens,
                                           "finish_reason": done.finish_reason,
                                           "created": int(time.time())}, ensure_ascii=False))
        return done

    def _body(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        s = self.settings
        body: dict[str, Any] = {"model": s.model, "messages": messages,
                                "temperature": s.temperature, "max_tokens": s.max_output_tokens}
        if self._json_mode:
            body["response_format"] = {"type": "json_object"}
        if s.stream:
            body["stream"] = True
            if self._stream_options:
                body["stream_options"] = {"include_usage": True}
        return body

    def _request(self, messages: list[dict[str, str]]) -> Completion:
        s = self.settings
        url = s.base_url.rstrip("/") + "/chat/completions"
        attempt = 0
        while True:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise LLMUnavailableError(
                    f"the digest's time budget of {s.budget:.0f} s for the model is spent",
                    source=s.base_url, hint="raise budget in the llm section (seconds for all "
                                            "requests of one digest)")
            try:
                return self._attempt(url, messages)
            except _Failed as exc:
                failure = exc
            self.usage.events.append(f"attempt {attempt + 1}: {failure.what}")
            if failure.seen:
                self.usage.requests += 1
                self.usage.failed += 1
                if failure.timeout:
                    # the server read the prompt and generated until we hung up: count it
                    self.usage.prompt_tokens += messages_tokens(messages)
                    self.usage.completion_tokens += estimate_tokens(failure.partial)
                    self.usage.estimated = True
            if not failure.transient:
                if failure.timeout:
                    raise LLMUnavailableError(failure.what, source=s.base_url,
                                              hint="raise budget in the llm section")
                self._raise(failure)
            retryable = not failure.timeout or s.retry_timeouts
            wait = self._wait(attempt, failure.retry_after)
            # a retry that cannot finish inside the budget is not worth starting
            if (not retryable or attempt >= s.max_retries
                    or time.monotonic() + wait + 1 > self._deadline):
                if failure.timeout:
                    got = (f"after {estimate_tokens(failure.partial)} token(s) of the answer"
                           if failure.partial else "before the first token")
                    raise LLMUnavailableError(
                        f"the endpoint sent nothing for {s.idle_timeout:g} s {got} "
                        f"(idle_timeout), {attempt + 1} attempt(s)", source=s.base_url,
                        hint="a slow local model may need a longer idle_timeout in the llm "
                             "section; check that the server is still running")
                raise LLMUnavailableError(
                    f"the endpoint stayed down after {attempt + 1} attempt(s): {failure.what}",
                    source=s.base_url,
                    hint="check that the server is up and reachable, or raise max_retries "
                         "or budget in the llm section")
            self.usage.retries += 1
            time.sleep(wait)
            attempt += 1

    def _raise(self, f: _Failed) -> None:
        s = self.settings
        if f.status == 401:
            raise LLMError("the endpoint refused the API key (HTTP 401)", source=s.base_url,
                           hint="check OPENAI_API_KEY (or the provider's key variable, or "
                                "api_key in the llm section)")
        if f.status == 403:
            raise LLMError(f"the key may not use model {s.model!r} (HTTP 403)",
                           source=s.base_url, hint="check the account's model access")
        if f.status == 404:
            raise LLMError(f"model {s.model!r} or the API path was not found (HTTP 404)",
                           source=s.base_url,
                           hint="check the model name (--model, or model in the llm section) "
                                "and that base_url ends where /chat/completions starts, e.g. …/v1")
        if f.status == 400:
            raise LLMError(f"the endpoint rejected the request (HTTP 400): {f.body}",
                           source=s.base_url,
                           hint="the prompt may exceed the model's context: lower "
                                "max_prompt_tokens in the llm section")
        if f.status:
            raise LLMError(f"the endpoint answered HTTP {f.status}: {f.body}", source=s.base_url)
        raise LLMError(f"unusable answer from the endpoint: {f.what}", source=s.base_url,
                       hint="is base_url an OpenAI-compatible API?")

    def _attempt(self, url: str, messages: list[dict[str, str]]) -> Completion:
        """One request, read as it streams. Raises _Failed."""
        body = self._body(messages)
        partial: list[str] = []
        # silence is bounded by the idle timeout and by what is left of the digest's budget
        idle = max(0.1, min(self.settings.idle_timeout, self._deadline - time.monotonic()))
        timeout = httpx.Timeout(idle, connect=min(idle, 10.0))
        try:
            with self._http.stream("POST", url, json=body, headers=self._headers,
                                   timeout=timeout) as resp:
                if resp.status_code >= 400:
                    text = resp.read().decode("utf-8", "replace")
                    if resp.status_code == 400 and self._drop_unsupported(text):
                        # asked again at once without the option; the refusal still counts
                        self.usage.requests += 1
                        self.usage.failed += 1
                        return self._attempt(url, messages)
                    code = resp.status_code
                    raise _Failed(f"HTTP {code}", seen=True, status=code,
                                  transient=code in (408, 409, 425, 429) or code >= 500,
                                  retry_after=_retry_after(resp.headers),
                                  body=_error_message(text))
                kind = resp.headers.get("content-type", "")
                if "text/event-stream" in kind:
                    return self._read_stream(resp, messages, partial)
                # a server that ignores stream=true answers with one JSON body
                return self._read_whole(resp.read().decode("utf-8", "replace"), messages)
        except httpx.ConnectTimeout as exc:
            raise _Failed("connection timed out", transient=True, seen=False) from exc
        except httpx.TimeoutException as exc:
            if time.monotonic() >= self._deadline:
                raise _Failed(f"the time budget ({self.settings.budget:g} s) ran out while "
                              "waiting for the answer", transient=False, seen=True,
                              timeout=True, partial="".join(partial)) from exc
            raise _Failed("timed out", transient=True, seen=True, timeout=True,
                          partial="".join(partial)) from exc
        except httpx.ConnectError as exc:
            raise _Failed(f"connection failed ({type(exc).__name__})", transient=True,
                          seen=False) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Failed(f"connection dropped ({type(exc).__name__})", transient=True,
                          seen=True, timeout=True, partial="".join(partial)) from exc

    def _drop_unsupported(self, text: str) -> bool:
        if self._json_mode and "response_format" in text:
            self._json_mode = False  # no JSON mode here: ask without it, parse tolerantly
            self.usage.events.append("endpoint has no JSON mode; asked without it")
            return True
        if self._stream_options and "stream_options" in text:
            self._stream_options = False
            self.usage.events.append("endpoint has no stream_options; tokens are estimated")
            return True
        return False

    def _read_stream(self, resp: httpx.Response, messages: list[dict[str, str]],
                     partial: list[str]) -> Completion:
        finish = ""
        usage: dict[str, Any] | None = None
        raw: list[str] = []
        for line in resp.iter_lines():
            if time.monotonic() > self._deadline:
                raise _Failed(f"the time budget ({self.settings.budget:g} s) ran out while "
                              "the answer streamed", transient=False, seen=True, timeout=True,
                              partial="".join(partial))
            if not line.startswith("data:"):
                continue  # comments and keep-alives
            data = line[5:].strip()
            raw.append(data)
            if data == "[DONE]":
                break
            try:
                chunk = json.loads(data)
            except ValueError as exc:
                raise _Failed(f"unreadable stream chunk {data[:80]!r}", transient=False,
                              seen=True) from exc
            if isinstance(chunk, dict) and chunk.get("error"):
                raise _Failed(f"error in the stream: {_error_message(data)}", transient=True,
                              seen=True, partial="".join(partial))
            for choice in chunk.get("choices") or []:
                delta = choice.get("delta") or choice.get("message") or {}
                if delta.get("content"):
                    partial.append(delta["content"])
                finish = choice.get("finish_reason") or finish
            if chunk.get("usage"):
                usage = chunk["usage"]
        self._record(messages, raw, stream=True)
        return self._count("".join(partial), finish, usage, messages)

    def _record(self, messages: list[dict[str, str]], raw: list[str], stream: bool) -> None:
        """Keep a raw answer as it came, numbered in the order of the digest's requests."""
        if not self.settings.record_dir:
            return
        folder = Path(self.settings.record_dir).expanduser()
        n = len(list(folder.glob("*.json"))) if folder.is_dir() else 0
        atomic_write(folder / f"{n + 1:02d}.json", json.dumps({
            "model": self.settings.model, "stream": stream,
            "asked": messages[-1]["content"][:300],  # which request this answers
            "events": raw}, ensure_ascii=False, indent=1))

    def _read_whole(self, text: str, messages: list[dict[str, str]]) -> Completion:
        self._record(messages, [text], stream=False)
        try:
            data = json.loads(text)
            choice = (data.get("choices") or [{}])[0]
            content = (choice.get("message") or {}).get("content") or ""
        except (ValueError, AttributeError, IndexError) as exc:
            raise _Failed(f"not a chat completion: {text[:80]!r}", transient=False,
                          seen=True) from exc
        return self._count(content, choice.get("finish_reason") or "", data.get("usage"),
                           messages)

    def _count(self, content: str, finish: str, usage: dict[str, Any] | None,
               messages: list[dict[str, str]]) -> Completion:
        self.usage.requests += 1
        if usage and usage.get("prompt_tokens"):
            pt, ct = int(usage["prompt_tokens"]), int(usage.get("completion_tokens") or 0)
        else:
            pt, ct = messages_tokens(messages), estimate_tokens(content)
            self.usage.estimated = True
        self.usage.prompt_tokens += pt
        self.usage.completion_tokens += ct
        return Completion(content, pt, ct, finish_reason=finish)

    def _wait(self, attempt: int, asked: float) -> float:
        s = self.settings
        policy = Backoff(s.max_retries, s.backoff, s.max_backoff, jitter=True)
        return policy.delay(attempt, at_least=asked)


def parse_json_object(text: str) -> dict[str, Any]:
    """The JSON object in a model's answer, tolerating a <think> block, ``` fences, prose around
    it and trailing commas. Raises ValueError saying what is wrong (the repair request quotes it)."""
    # reasoning models served locally (qwen3, deepseek-r1) think aloud before answering
    s = re.sub(r"<think>.*?</think>", "", text, flags=re.S).strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", s, re.S)
    if fence:
        s = fence.group(1).strip()
    start, end = s.find("{"), s.rfind("}")
    if start < 0 or end <= start:
        raise ValueError("no JSON object in the answer")
    body = s[start:end + 1]
    for candidate in (body, re.sub(r",\s*([}\]])", r"\1", body)):
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError as exc:
            err = exc
            continue
        if not isinstance(data, dict):
            raise ValueError("the answer is JSON but not an object")
        return data
    raise ValueError(f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}")
