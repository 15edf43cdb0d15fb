"""Benchmark of the embedded engine on the evaluation set: articles per second and peak memory,
beside the floor (jieba segmentation of the same text) and snownlp's summary().

Run: .venv/bin/python bench/bench_digest.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval" / "articles"


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--processes", action="store_true",
                    help="also time `macrodesk digest FILE` as a whole process per article "
                         "(start-up included), as a user running one command pays it")
    args = ap.parse_args()
    if args.processes:
        whole_processes()

    import jieba
    from snownlp import SnowNLP

    from macrodesk.config import Config
    from macrodesk.engines.extractive import ExtractiveEngine
    from macrodesk.readers import read_article
    from macrodesk.render import render_post

    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary load is a one-off cost, not per article
    paths = sorted(EVAL.glob("*.md"))
    texts = [p.read_text("utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    engine = ExtractiveEngine(Config())
    read_article(paths[0])  # warm imports and regex caches

    from macrodesk import figures, lexicon
    from macrodesk.engines import ranking
    from macrodesk.reading import outline, stances

    def run_engine():
        # repeated runs must not feed on caches the first run filled
        for cached in (figures._unit_at, ranking._themes_in, outline.section_kind, stances.theme_hits,
                       lexicon._themes_of):
            cached.cache_clear()
        for p in paths:
            render_post(engine.digest([read_article(p)], allow_short=True), date="2026-01-01")

    def run_jieba():
        for t in texts:
            list(jieba.cut(t))

    def run_snownlp():
        for t in texts:
            SnowNLP(t).summary(10)

    tracemalloc.start()
    run_engine()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t_engine = timed(run_engine, args.repeat)
    t_jieba = timed(run_jieba, args.repeat)
    t_snow = timed(run_snownlp, 1)
    n = len(paths)
    print(f"evaluation set: {n} articles, {chars:,} characters")
    print(f"embedded engine (read+clean+segment+digest+render): {n / t_engine:8.1f} articles/s "
          f"({t_engine * 1000 / n:.1f} ms/article), peak traced memory {peak / 1048576:.1f} MiB")
    print(f"jieba segmentation only (floor):                     {n / t_jieba:8.1f} articles/s")
    print(f"snownlp summary(10):                                 {n / t_snow:8.1f} articles/s")
    print(f"engine time / jieba time: {t_engine / t_jieba:.2f}x (target <= 3x)")
    print(f"snownlp time / engine time: {t_snow / t_engine:.1f}x (target >= 10x)")


def whole_processes() -> None:
    import subprocess
    import sys
    import tempfile

    paths = sorted(EVAL.glob("*.md"))[:16]
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        for p in paths:
            subprocess.run([sys.executable, "-m", "macrodesk", "digest", str(p), "-o", out,
                            "--force", "--date", "2026-01-01"], check=True, capture_output=True)
        t = time.perf_counter() - t0
    print(f"`macrodesk digest FILE` as whole processes: {len(paths) / t:6.2f} articles/s "
          f"({t * 1000 / len(paths):.0f} ms per command, start-up included)")


if __name__ == "__main__":
    main()
