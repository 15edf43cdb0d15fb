"""Talk to any OpenAI-compatible chat endpoint (DeepSeek, Qwen/DashScope, Ollama, vLLM...):
settings and provider presets, retries with backoff, a response cache, token and cost counts."""

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
import openai

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


PROVIDERS: dict[str, Provider] = {
    "deepseek": Provider("deepseek", "https://api.deepseek.com", "deepseek-chat",
                         "DEEPSEEK_API_KEY", price_input=2.0, price_output=3.0),
    "qwen": Provider("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus",
                     "DASHSCOPE_API_KEY", price_input=0.8, price_output=2.0),
    "ollama": Provider("ollama", "http://localhost:11434/v1", "qwen2.5:7b", needs_key=False),
}
PROVIDERS["dashscope"] = PROVIDERS["qwen"]

_TRUE = {"1", "true", "yes", "on"}


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


@dataclass
class LLMSettings:
    """Everything the LLM engine reads from `[llm]` and the environment, resolved once."""

    base_url: str
    model: str
    api_key: str = ""
    provider: str = ""
    timeout: float = 60.0  # seconds per request
    max_retries: int = 3  # retries after the first attempt on 429/5xx/connection errors
    backoff: float = 1.0  # first wait in seconds; doubles each retry, with jitter
    max_backoff: float = 20.0
    json_mode: bool = True  # send response_format={"type": "json_object"}
    temperature: float = 0.2
    max_output_tokens: int = 3000
    max_prompt_tokens: int = 6000  # budget for the article material sent per digest
    shortlist_share: float = 0.25  # at most this share of an article's text goes to the model
    cache: bool = True
    no_fallback: bool = False
    verbose: bool = False
    prompt_version: str = "v1"
    prompt_dir: str = ""  # a folder of the reader's own templates, same file names
    price_input: float = 0.0  # yuan per million prompt tokens, for the cost estimate
    price_output: float = 0.0


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
    s = LLMSettings(base_url=base_url, model=model, api_key=api_key,
                    provider=preset.name if preset else "")
    s.timeout = _num(sec, "timeout", s.timeout, src)
    s.max_retries = int(_num(sec, "max_retries", s.max_retries, src))
    s.backoff = _num(sec, "backoff", s.backoff, src)
    s.max_backoff = _num(sec, "max_backoff", s.max_backoff, src)
    s.temperature = _num(sec, "temperature", s.temperature, src)
    s.max_output_tokens = int(_num(sec, "max_output_tokens", s.max_output_tokens, src))
    s.max_prompt_tokens = int(_num(sec, "max_prompt_tokens", s.max_prompt_tokens, src))
    s.shortlist_share = _num(sec, "shortlist_share", s.shortlist_share, src)
    s.json_mode = _bool(sec.get("json_mode"), s.json_mode)
    s.cache = _bool(sec.get("cache"), s.cache)
    s.no_fallback = _bool(sec.get("no_fallback"), s.no_fallback)
    s.verbose = _bool(sec.get("verbose"), s.verbose)
    s.prompt_version = str(sec.get("prompt_version") or s.prompt_version)
    s.prompt_dir = str(sec.get("prompt_dir") or "")
    s.price_input = _num(sec, "price_input", preset.price_input if preset else 0.0, src)
    s.price_output = _num(sec, "price_output", preset.price_output if preset else 0.0, src)
    if s.timeout <= 0 or s.max_retries < 0 or s.max_prompt_tokens < 500:
        raise ConfigError("timeout must be > 0, max_retries >= 0 and max_prompt_tokens >= 500",
                          source=src)
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
    """Tokens and estimated cost of the requests behind one digest."""

    requests: int = 0  # requests actually sent (cache hits not counted)
    cached: int = 0  # answers served from the cache
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False  # some counts are estimates: the endpoint reported no usage
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
        return {"model": self.model, "requests": self.requests, "cached": self.cached,
                "retries": self.retries, "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens, "estimated": self.estimated,
                "cost_yuan": round(self.cost, 6)}

    def summary(self) -> str:
        approx = "≈" if self.estimated else ""
        return (f"LLM {self.model}: {self.requests} request(s), {self.cached} from cache, "
                f"{self.retries} retr{'y' if self.retries == 1 else 'ies'}; tokens sent "
                f"{approx}{self.prompt_tokens}, received {approx}{self.completion_tokens}; "
                f"estimated cost ¥{self.cost:.4f}")


@dataclass
class Completion:
    content: str
    prompt_tokens: int
    completion_tokens: int
    cached: bool = False


def _error_text(exc: Exception) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        return f"connection failed ({type(cause).__name__ if cause else 'no answer'})"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    return type(exc).__name__


class ChatClient:
    """One OpenAI-compatible endpoint: JSON-mode chat completions with retries and a cache."""

    def __init__(self, settings: LLMSettings, cache_dir: Path | None = None):
        self.settings = settings
        self.cache_dir = cache_dir
        self.usage = Usage(model=settings.model, price_input=settings.price_input,
                           price_output=settings.price_output)
        self._json_mode = settings.json_mode
        # the client's own retries are off: ours count attempts and report them
        self._client = openai.OpenAI(
            api_key=settings.api_key or "none", base_url=settings.base_url, max_retries=0,
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
        )

    def close(self) -> None:
        self._client.close()

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
                return Completion(hit["content"], 0, 0, cached=True)
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache entry is just a miss; the answer is asked again
        done = self._request(messages)
        if path is not None:
            atomic_write(path, json.dumps({"model": s.model, "content": done.content,
                                           "prompt_tokens": done.prompt_tokens,
                                           "completion_tokens": done.completion_tokens,
                                           "created": int(time.time())}, ensure_ascii=False))
        return done

    def _request(self, messages: list[dict[str, str]]) -> Completion:
        s = self.settings
        last: Exception | None = None
        attempt = 0
        while attempt <= s.max_retries:
            kwargs: dict[str, Any] = {"model": s.model, "messages": messages,
                                      "temperature": s.temperature,
                                      "max_tokens": s.max_output_tokens}
            if self._json_mode:
                kwargs["response_format"] = {"type": "json_object"}
            try:
                resp = self._client.chat.completions.create(**kwargs)
            except openai.AuthenticationError as exc:
                raise LLMError("the endpoint refused the API key (HTTP 401)", source=s.base_url,
                               hint="check OPENAI_API_KEY (or the provider's key variable, or "
                                    "api_key in the llm section)") from exc
            except openai.PermissionDeniedError as exc:
                raise LLMError(f"the key may not use model {s.model!r} (HTTP 403)",
                               source=s.base_url, hint="check the account's model access") from exc
            except openai.NotFoundError as exc:
                raise LLMError(f"model {s.model!r} or the API path was not found (HTTP 404)",
                               source=s.base_url,
                               hint="check the model name (--model, or model in the llm "
                                    "section) and that "
                                    "base_url ends where /chat/completions starts, e.g. …/v1"
                               ) from exc
            except openai.BadRequestError as exc:
                if self._json_mode and "response_format" in str(exc):
                    # the endpoint has no JSON mode: ask again without it, parse tolerantly
                    self._json_mode = False
                    self.usage.events.append("endpoint has no JSON mode; asked without it")
                    continue
                raise LLMError(f"the endpoint rejected the request (HTTP 400): {_short(exc)}",
                               source=s.base_url,
                               hint="the prompt may exceed the model's context: lower "
                                    "max_prompt_tokens in the llm section") from exc
            except (openai.APIConnectionError, openai.RateLimitError,
                    openai.InternalServerError) as exc:
                last = exc
            except openai.APIStatusError as exc:
                if exc.status_code in (408, 409, 425):
                    last = exc
                else:
                    raise LLMError(f"the endpoint answered HTTP {exc.status_code}: {_short(exc)}",
                                   source=s.base_url) from exc
            except openai.OpenAIError as exc:  # an answer the client cannot read at all
                raise LLMError(f"unusable answer from the endpoint: {_short(exc)}",
                               source=s.base_url, hint="is base_url an OpenAI-compatible API?"
                               ) from exc
            else:
                return self._completion(resp, messages)
            self.usage.events.append(f"attempt {attempt + 1}: {_error_text(last)}")
            if attempt == s.max_retries:
                break
            self.usage.retries += 1
            time.sleep(self._wait(attempt, last))
            attempt += 1
        assert last is not None
        raise LLMUnavailableError(
            f"the endpoint stayed down after {s.max_retries + 1} attempt(s): {_error_text(last)}",
            source=s.base_url,
            hint="check that the server is up and reachable, or raise timeout/max_retries "
                 "in the llm section")

    def _wait(self, attempt: int, exc: Exception) -> float:
        s = self.settings
        asked = 0.0
        if isinstance(exc, openai.APIStatusError):
            try:
                asked = float(exc.response.headers.get("retry-after") or 0)
            except ValueError:
                pass  # an HTTP date: the computed backoff is close enough
        policy = Backoff(s.max_retries, s.backoff, s.max_backoff, jitter=True)
        return policy.delay(attempt, at_least=asked)

    def _completion(self, resp: Any, messages: list[dict[str, str]]) -> Completion:
        self.usage.requests += 1
        content = ""
        if getattr(resp, "choices", None):
            content = resp.choices[0].message.content or ""
        usage = getattr(resp, "usage", None)
        if usage is not None and usage.prompt_tokens:
            pt, ct = int(usage.prompt_tokens), int(usage.completion_tokens or 0)
        else:
            pt, ct = messages_tokens(messages), estimate_tokens(content)
            self.usage.estimated = True
        self.usage.prompt_tokens += pt
        self.usage.completion_tokens += ct
        return Completion(content, pt, ct)


def _short(exc: Exception, limit: int = 200) -> str:
    text = getattr(exc, "message", None) or str(exc)
    return text if len(text) <= limit else text[:limit] + "…"


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
