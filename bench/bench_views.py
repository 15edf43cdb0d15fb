"""Benchmark what forecast extraction adds to ingestion, in one process so that the machine's
load affects both sides alike: ingest N corpus files with extraction switched off, then on
(alternating, four rounds), and the extraction alone on the same articles.

Run: .venv/bin/python bench/bench_views.py [--files 200]
Target: extraction adds no more than 20% to ingest time."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

CORPUS = Path(os.environ.get("MACRODESK_CORPUS")
              or Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "research_reports")


def ingest_once(folder: Path, extract: bool) -> float:
    import macrodesk.archive.sqlite as sqlite_mod
    from macrodesk.archive.batch import ingest_sources

    real = sqlite_mod.save_forecasts
    if not extract:
        sqlite_mod.save_forecasts = lambda db, article: 0  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = sqlite_mod.SQLiteStore(Path(tmp) / "a.sqlite3")
            t0 = time.perf_counter()
            ingest_sources([folder], store, concurrency=2)
            dt = time.perf_counter() - t0
            store.close()
    finally:
        sqlite_mod.save_forecasts = real
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    args = ap.parse_args()
    os.environ.setdefault("MACRODESK_HOME", tempfile.mkdtemp(prefix="macrodesk-bench-"))
    paths = sorted(CORPUS.glob("*.md"))[: args.files]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for p in paths:
            (folder / p.name).write_bytes(p.read_bytes())
        ingest_once(folder, True)  # warm jieba, the lexicon and the page cache
        off, on = [], []
        for _ in range(4):
            off.append(ingest_once(folder, False))
            on.append(ingest_once(folder, True))
        from macrodesk.readers import read_article
        from macrodesk.views.extract import article_forecasts

        arts = [read_article(p) for p in sorted(folder.glob("*.md"))]
        t0 = time.perf_counter()
        n = sum(len(article_forecasts(a)) for a in arts)
        alone = time.perf_counter() - t0
    a, b = statistics.median(off), statistics.median(on)
    # on a loaded machine the fastest run is the least disturbed one: compare those too
    print(f"ingest {len(paths)} files: without extraction median {a:.1f} s (fastest {min(off):.1f}), "
          f"with {b:.1f} s (fastest {min(on):.1f}): median {100 * (b - a) / a:+.0f}%, fastest "
          f"{100 * (min(on) - min(off)) / min(off):+.0f}%  [target: <= +20%]")
    print(f"extraction alone: {n} forecasts in {alone:.2f} s = {1000 * alone / len(arts):.1f} ms/article "
          f"({100 * alone / a:.0f}% of ingest without it)")


if __name__ == "__main__":
    main()
