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
    "InsufficientMaterialError": "errors", "PostFormatError": "errors",
    # configuration
    "Config": "config", "load_config": "config",
    # reading files, cleaning, sentences
    "read_article": "readers", "read_articles": "readers", "article_from_text": "readers",
    "clean_text": "clean", "split_sentences": "segment",
    # figures
    "extract_figures": "figures",
    # digest
    "digest_articles": "digest", "make_post": "digest", "write_post": "digest",
    "render_post": "render", "get_engine": "engines", "engine_names": "engines",
    "rank_candidates": "engines.ranking", "ExtractiveEngine": "engines.extractive",
    "record_usage": "digest",
    # ingest from every source, and the archive
    "ingest_sources": "archive.batch", "IngestReport": "archive.batch",
    "parse_feed": "readers.web", "read_pdf": "readers.pdf", "open_store": "archive",
    "Store": "archive", "SQLiteStore": "archive.sqlite", "NearDuplicateIndex": "archive.dedupe",
    # checking posts, the ETF registry, the lexicon
    "lint_text": "checks.post", "lint_file": "audit", "Finding": "checks.post", "Fund": "etf",
    "etfs_for_theme": "etf", "lookup": "etf", "themes": "lexicon", "find_themes": "lexicon",
    # arithmetic in articles
    "check_article": "checks.arithmetic", "check_text": "checks.arithmetic",
    "check_files": "audit", "Check": "checks.arithmetic",
    # the LLM engine
    "LLMEngine": "engines.llm.engine", "settings_from_config": "engines.llm.client",
    "PROVIDERS": "engines.llm.client",
    # publishing and delivery
    "publish_post": "publish.jekyll", "render_html": "publish.html", "write_html": "publish.html",
    "deliver_post": "publish.deliver", "run_daily": "daily", "DailyReport": "daily",
    # the post format
    "post_filename": "spec", "split_front_matter": "spec", "write_front_matter": "spec",
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
