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
    "clean_text": "clean", "split_sentences": "segment",
    # figures
    "extract_figures": "figures",
    # digest
    "digest_articles": "digest", "make_post": "digest", "write_post": "digest",
    "render_post": "render", "get_engine": "engines", "engine_names": "engines",
    "rank_candidates": "engines.extractive", "ExtractiveEngine": "engines.extractive",
    "record_usage": "digest",
    # ingest from every source, and the archive
    "ingest_sources": "ingest", "IngestReport": "ingest",
    "parse_feed": "fetch", "read_pdf": "pdf", "open_store": "store", "Store": "store",
    "SQLiteStore": "store", "NearDuplicateIndex": "dedupe",
    # checking posts, the ETF registry, the lexicon
    "lint_text": "lint", "lint_file": "lint", "Finding": "lint", "Fund": "etf",
    "etfs_for_theme": "etf", "lookup": "etf", "themes": "lexicon", "find_themes": "lexicon",
    # arithmetic in articles
    "check_article": "arithmetic", "check_text": "arithmetic", "check_files": "arithmetic",
    "Check": "arithmetic",
    # the LLM engine
    "LLMEngine": "engines.llm", "settings_from_config": "llm_client", "PROVIDERS": "llm_client",
    # publishing and delivery
    "publish_post": "publish", "render_html": "html", "write_html": "html",
    "deliver_post": "deliver", "run_daily": "daily", "DailyReport": "daily",
}
# a name here must never be a submodule's name too: `from . import fetch` inside the package
# would get the function instead of the module
__all__ = sorted(_EXPORTS) + ["__version__", "trade"]


def __getattr__(name: str) -> Any:
    if name == "trade":  # the analytics subpackage, itself lazy
        return importlib.import_module(".trade", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'macrodesk' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
