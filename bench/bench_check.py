"""Benchmark `macrodesk check`: articles checked per second over the research-report corpus
($MACRODESK_CORPUS, else shared/corpus/research_reports beside the repository or one of its
parent folders, else the bundled test fixtures), and the ratio to one jieba pass over them.
Target: at least 100 articles per second (issue #13) for the check alone."""

from __future__ import annotations

import collections
import gc
import os
import time
from pathlib import Path

from macrodesk.audit import check_articles
from macrodesk.checks.arithmetic import check_article
from macrodesk.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ["MACRODESK_CORPUS"]) if os.environ.get("MACRODESK_CORPUS") else next(
    (p / "shared" / "corpus" / "research_reports" for p in ROOT.parents
     if (p / "shared" / "corpus" / "research_reports").is_dir()), ROOT.parent / "shared")
FIXTURES = ROOT / "tests" / "fixtures" / "arithmetic"


def main() -> None:
    files = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else sorted(FIXTURES.glob("report_*.md"))
    t0 = time.perf_counter()
    articles = [read_article(p) for p in files]
    t_read = time.perf_counter() - t0
    # the bench holds all 913 read articles at once (`macrodesk check` reads and checks one file
    # at a time): moved out of the collector's reach, they are not rescanned at every collection
    # the check's own objects trigger, which cost about 15% of the check time here
    gc.collect()
    gc.freeze()
    t1 = time.perf_counter()
    checks = [c for a in articles for c in check_article(a)]
    t_check = time.perf_counter() - t1
    # the same check on every CPU (audit.check_articles: forked workers inherit the read articles);
    # its checks must be the single process's, or the figure means nothing
    workers = os.cpu_count() or 1
    t3 = time.perf_counter()
    parallel = [c for got in check_articles(articles, workers=workers) for c in got]
    t_parallel = time.perf_counter() - t3
    assert [c.model_dump() for c in parallel] == [c.model_dump() for c in checks], "a worker's checks differ"
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    t2 = time.perf_counter()
    for a in articles:
        for _ in jieba.cut(a.text, HMM=False):
            pass
    t_floor = time.perf_counter() - t2
    verdicts = collections.Counter(c.verdict for c in checks)
    kinds = collections.Counter(c.kind for c in checks)
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {files[0].parent} ({len(files)} articles, {chars / 1e6:.2f} M characters)")
    print(f"read + segment: {t_read:.2f} s ({len(files) / t_read:.1f} articles/s)")
    print(f"check only:     {t_check:.2f} s ({len(files) / t_check:.1f} articles/s)  [target: >= 100/s]")
    print(f"check only, {workers} processes: {t_parallel:.2f} s ({len(files) / t_parallel:.1f} articles/s;"
          f" what `macrodesk check` does with a batch)")
    print(f"segmentation floor (one jieba pass): {t_floor:.2f} s ({len(files) / t_floor:.1f} articles/s);"
          f" check is {t_check / t_floor:.2f}x of it; load average {os.getloadavg()[0]:.1f}")
    print(f"end to end:     {len(files) / (t_read + t_check):.1f} articles/s")
    print(f"relations: {len(checks)} ({dict(verdicts)}); by kind: {dict(kinds)}")
    for c in checks:
        if c.verdict == "inconsistent":
            print(f"  inconsistent [{Path(c.article).name if '/' in c.article else c.article}] "
                  f"{c.relation}" + (f" (computed {c.computed}, gap {c.gap:g})" if c.gap is not None else ""))


if __name__ == "__main__":
    main()
