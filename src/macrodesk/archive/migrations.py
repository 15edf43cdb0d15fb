"""The archive's schema as ordered, named steps: each runs once, in order, and is recorded in the
`migrations` table, so an old archive is brought up to date when it is opened."""

from __future__ import annotations

# a step that the store runs in Python: every stored article's FTS row made again from its text,
# after a change in how text is cut into index tokens (old rows would otherwise keep the old cut)
REINDEX = "-- re-tokenize every stored article"

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'zh',
            published TEXT,            -- ISO 8601 with its zone
            day TEXT NOT NULL,         -- YYYY-MM-DD, Beijing time, of publication (else ingestion)
            ingested TEXT NOT NULL,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            removed TEXT NOT NULL DEFAULT '[]',
            minhash BLOB
        );
        CREATE INDEX articles_day ON articles(day);
        CREATE INDEX articles_url ON articles(url);
    """),
    ("0002_fulltext", """
        -- body: jieba's words, space-separated (readable snippets); extra: the shorter dictionary
        -- words inside long ones, so that 人民银行 also finds 中国人民银行
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, extra, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.5)');
    """),
    ("0003_sources", """
        -- one row per source of a batch: re-runs skip what is done and retry what failed
        CREATE TABLE sources (
            key TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            article_id TEXT,
            fingerprint TEXT NOT NULL DEFAULT '',
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL
        );
    """),
    ("0004_digest_runs", """
        -- what each model-written digest cost: tokens sent and received, requests, estimate
        CREATE TABLE digest_runs (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            created TEXT NOT NULL,
            engine TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            requests INTEGER NOT NULL DEFAULT 0,
            cached INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            estimated INTEGER NOT NULL DEFAULT 0,
            cost_yuan REAL NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX digest_runs_day ON digest_runs(day);
    """),
    ("0005_forecasts", """
        -- forecasts and calls each article states (macrodesk.views): who, indicator, period, value
        CREATE TABLE forecasts (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            who TEXT NOT NULL,
            indicator TEXT NOT NULL,
            region TEXT NOT NULL DEFAULT '',
            period TEXT,
            value REAL,
            low REAL,
            high REAL,
            unit TEXT NOT NULL DEFAULT '',
            direction TEXT,
            figure TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            sentence_id TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX forecasts_indicator ON forecasts(indicator, period);
        CREATE INDEX forecasts_article ON forecasts(article_id);
    """),
    ("0006_search_filters", """
        -- search's --since/--source filters read these columns for every match of a query: from
        -- this index (a few rows a page) instead of the article rows (one a page, text inline)
        CREATE INDEX articles_filter ON articles(rowid, day, source, url, path);
    """),
    # 净利率 one token, a currency glued to the number before it (archive/fts.py)
    ("0007_reindex_margins_and_amounts", REINDEX),
]
