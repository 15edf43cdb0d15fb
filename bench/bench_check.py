"""Benchmark `macrodesk check`: articles checked per second over the research-report corpus
(../shared/corpus/research_reports when present, else the bundled test fixtures)."""

from __future__ import annotations

import collections
import time
from pathlib import Path

from macrodesk.checks.arithmetic import check_article
from macrodesk.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
# the shared corpus sits beside the main checkout (../shared) or beside the worktrees' parent
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus" / "research_reports",
                           ROOT.parent.parent / "shared" / "corpus" / "research_reports") if p.is_dir()),
              ROOT.parent / "shared" / "corpus" / "research_reports")
FIXTURES = ROOT / "tests" / "fixtures" / "arithmetic"


def main() -> None:
    files = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else sorted(FIXTURES.glob("report_*.md"))
    t0 = time.perf_counter()
    articles = [read_article(p) for p in files]
    t_read = time.perf_counter() - t0
    t1 = time.perf_counter()
    checks = [c for a in articles for c in check_article(a)]
    t_check = time.perf_counter() - t1
    verdicts = collections.Counter(c.verdict for c in checks)
    kinds = collections.Counter(c.kind for c in checks)
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {files[0].parent} ({len(files)} articles, {chars / 1e6:.2f} M characters)")
    print(f"read + segment: {t_read:.2f} s ({len(files) / t_read:.1f} articles/s)")
    print(f"check only:     {t_check:.2f} s ({len(files) / t_check:.1f} articles/s)")
    print(f"end to end:     {len(files) / (t_read + t_check):.1f} articles/s")
    print(f"relations: {len(checks)} ({dict(verdicts)}); by kind: {dict(kinds)}")
    for c in checks:
        if c.verdict == "inconsistent":
            print(f"  inconsistent [{Path(c.article).name if '/' in c.article else c.article}] "
                  f"{c.relation} (computed {c.computed}, gap {c.gap:g})")


if __name__ == "__main__":
    main()
