"""Retrying transient failures with doubling waits: the one backoff policy of every network
client in macrodesk (delivery channels, data connectors, LLM endpoints)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    """`retries` attempts after the first; the n-th wait is base·2ⁿ, optionally jittered (so that
    many clients do not retry in step), never longer than `cap` seconds."""

    retries: int = 2
    base: float = 1.0
    cap: float = 60.0
    jitter: bool = False

    def delay(self, attempt: int, at_least: float = 0.0) -> float:
        """Seconds to wait after failed attempt number `attempt` (0 = the first); `at_least`
        is what the server asked for (Retry-After)."""
        wait = self.base * (2 ** attempt)
        if self.jitter:
            wait *= 0.5 + random.random() / 2
        return min(max(wait, at_least), self.cap)


class GaveUp(Exception):
    """Every attempt failed with a transient error; `last` is the final one."""

    def __init__(self, attempts: int, last: BaseException):
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
        self.last = last


def retry(call: Callable[[], T], *, transient: Callable[[BaseException], bool],
          backoff: Backoff, sleep: Callable[[float], None] = time.sleep,
          on_failure: Callable[[int, BaseException], None] | None = None) -> tuple[T, int]:
    """(result of `call`, attempts used). A transient error is retried after the backoff's
    delay; any other error propagates at once; when retries run out, GaveUp carries the last."""
    attempt = 0
    while True:
        try:
            return call(), attempt + 1
        except Exception as exc:
            if not transient(exc):
                raise
            if on_failure is not None:
                on_failure(attempt, exc)
            if attempt >= backoff.retries:
                raise GaveUp(attempt + 1, exc) from exc
            sleep(backoff.delay(attempt))
            attempt += 1
