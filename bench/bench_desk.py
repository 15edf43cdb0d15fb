"""Benchmark the desk's archive pages server-side: /search and /article/ID over a generated
archive (built as bench_ingest builds its 100,000-article one), through the ASGI app in
process (Starlette's TestClient: routing, the store, templates; no socket), median and p95.

Run: .venv/bin/python bench/bench_desk.py [--archive 100000] [--requests 300]
Target: p95 under 100 ms for both pages."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_ingest import QUERIES, build_archive, corpus_reports  # noqa: E402


def p95(times: list[float]) -> float:
    times = sorted(times)
    return times[max(0, int(len(times) * 0.95) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()

    from starlette.testclient import TestClient

    from macrodesk.archive.sqlite import SQLiteStore
    from macrodesk.config import Config
    from macrodesk.desk.app import create_app
    from macrodesk.desk.service import Desk

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.sqlite3"
        dt = build_archive(path, args.archive, corpus_reports())
        print(f"archive: {args.archive} generated articles in {dt:.1f} s, "
              f"{path.stat().st_size / 1048576:.0f} MB")
        store = SQLiteStore(path)
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY random() LIMIT ?",
                                               (args.requests,))]
        app = create_app(Config(home=Path(tmp)), Desk(Config(home=Path(tmp)), store))
        rng = random.Random(3)
        with TestClient(app) as client:
            for q in QUERIES[:5]:  # warm the page cache, jieba and the templates
                client.get("/search", params={"q": q})
            client.get(f"/article/{ids[0]}")
            variants = [{}, {"from": "2025-06-01"}, {"source": "英为"}, {"page": "2"},
                        {"from": "2025-03-01", "to": "2025-04-30"}]
            search_ms, article_ms, sizes = [], [], []
            for i in range(args.requests):
                params = {"q": rng.choice(QUERIES), **variants[i % len(variants)]}
                t = time.perf_counter()
                r = client.get("/search", params=params)
                search_ms.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (params, r.status_code)
                t = time.perf_counter()
                r = client.get(f"/article/{ids[i % len(ids)]}")
                article_ms.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
                sizes.append(len(r.content))
        for name, times in (("search", search_ms), ("article", article_ms)):
            print(f"{name}: {len(times)} requests over {args.archive} articles: median "
                  f"{statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms, max "
                  f"{max(times):.1f} ms  [target: p95 < 100 ms]")
        print(f"article page: median {statistics.median(sizes) / 1024:.0f} KB")
        store.close()


if __name__ == "__main__":
    main()
