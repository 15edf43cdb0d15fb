"""Digest engines behind one Protocol, picked by name: `extractive` (embedded) and `llm`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..config import Config
from ..errors import EngineError
from ..models import Article, Digest


@runtime_checkable
class Engine(Protocol):
    name: str

    def digest(self, articles: list[Article], allow_short: bool = False) -> Digest:
        """Fill a Digest from one or more articles; with `allow_short`, a post with fewer than
        ten items instead of an InsufficientMaterialError."""
        ...


EngineFactory = Callable[[Config], Engine]
_REGISTRY: dict[str, EngineFactory] = {}


def register(name: str) -> Callable[[EngineFactory], EngineFactory]:
    def wrap(factory: EngineFactory) -> EngineFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def get_engine(name: str, config: Config) -> Engine:
    """The engine registered under `name`, built from `config`."""
    _load_builtin()
    if name not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise EngineError(f"unknown engine {name!r}", hint=f"choose one of: {known}")
    return _REGISTRY[name](config)


def engine_names() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    # imported lazily so that a broken optional backend never stops the embedded one
    from . import extractive  # noqa: F401

    try:
        from . import llm  # noqa: F401
    except ImportError:
        pass
