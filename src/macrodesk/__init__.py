"""macrodesk: Chinese macro research articles in, a checked daily research post out.

The public API is `__all__`; names are imported on first use so that `import macrodesk` stays
fast and a script pays only for the stages it calls."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # data crossing stage boundaries
    "Article": "models", "Sentence": "models", "Paragraph": "models", "Figure": "models",
    "FigureKind": "models", "Fact": "models", "Step": "models", "SectorRow": "models",
    "Risk": "models", "SourceRef": "models", "Digest": "models", "Post": "models",
    # errors
    "MacrodeskError": "errors", "InputError": "errors", "FetchError": "errors",
    "ConfigError": "errors", "EngineError": "errors", "LLMError": "errors",
    "StoreError": "errors", "PublishError": "errors", "DataError": "errors",
    "InsufficientMaterialError": "errors",
    # configuration
    "Config": "config", "load_config": "config",
    # ingest and clean
    "read_article": "ingest", "read_articles": "ingest", "article_from_text": "ingest",
    "clean_text": "clean", "segment": "segment", "split_sentences": "segment",
    # figures
    "extract_figures": "figures",
    # digest
    "digest_articles": "digest", "make_post": "digest", "write_post": "digest",
    "render_post": "render", "get_engine": "engines", "engine_names": "engines",
    "rank_candidates": "engines.extractive", "ExtractiveEngine": "engines.extractive",
    "evaluate": "evaluate",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'macrodesk' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
