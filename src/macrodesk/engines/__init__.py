"""Digest engines behind one Protocol, picked by name: `extractive` (embedded) and `llm`."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from macrodesk.config import Config
from macrodesk.errors import EngineError
from macrodesk.models import Article, Digest


@runtime_checkable
class Engine(Protocol):
    name: str

    def digest(self, articles: list[Article], allow_short: bool = False) -> Digest:
        """Fill a Digest from one or more articles; with `allow_short`, a post with fewer than
        ten items instead of an InsufficientMaterialError."""
        ...


EngineFactory = Callable[[Config], Engine]
_REGISTRY: dict[str, EngineFactory] = {}
# built-in engines by name -> the module that registers them, imported only when asked for, so
# choosing the embedded engine never loads the LLM client
_BUILTIN = {"extractive": "macrodesk.engines.extractive", "llm": "macrodesk.engines.llm.engine"}


def register(name: str) -> Callable[[EngineFactory], EngineFactory]:
    def wrap(factory: EngineFactory) -> EngineFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def get_engine(name: str, config: Config) -> Engine:
    """The engine registered under `name`, built from `config`."""
    if name not in _REGISTRY and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    if name not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise EngineError(f"unknown engine {name!r}", hint=f"choose one of: {known}")
    return _REGISTRY[name](config)


def engine_names() -> list[str]:
    return sorted(set(_REGISTRY) | set(_BUILTIN))
