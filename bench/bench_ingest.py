"""Benchmark ingestion and search on this machine.

1. Ingestion rate: a folder of 1,000 article files (the 913 real condensed research reports of
   ../shared/corpus/research_reports (or $MACRODESK_CORPUS) plus 87 made by shuffling their paragraphs) through
   `ingest_sources` into a fresh archive: cleaning, segmentation, near-duplicate check, FTS index.
2. Backfill and search latency: an archive of 100,000 articles generated from the same reports
   by shuffling paragraphs (4-9 paragraphs from random reports each) stored by
   `store_articles` (worker processes, one transaction per chunk), then `Store.search` for typical
   queries, with and without --since/--source filters: median and p95.

3. Check rate: `check_article` over the 1,000 files' articles and over a sample of the archive's
   articles read back from it, in articles/s and as a ratio to the segmentation floor.

Run: .venv/bin/python bench/bench_ingest.py [--files 1000] [--archive 100000] [--repeat 3]
     [--cache /tmp/macrodesk-bench-archive-100000.sqlite3]  (reuse a built archive for search)
Every figure is printed with the load average when it was taken: on a shared machine the wall
clock measures the other users too, so CPU seconds (all processes) are printed beside it.
Targets: 1,000 files in under 20 s (within 2x of the segmentation floor); 100,000 articles
backfilled in under 30 minutes; search p95 under 50 ms at 100,000."""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _corpus() -> Path:
    """$MACRODESK_CORPUS, else shared/corpus/research_reports beside the repository (../shared)
    or beside one of its parent folders (a git worktree lives one level deeper)."""
    if os.environ.get("MACRODESK_CORPUS"):
        return Path(os.environ["MACRODESK_CORPUS"])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "corpus" / "research_reports"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "corpus" / "research_reports"


CORPUS = _corpus()
BJ = timezone(timedelta(hours=8))
QUERIES = ["关税", "降息", "美联储 降息", "核心CPI", "出口 PMI", "人民币 汇率", "半导体", "光伏 反内卷",
           "房地产 成交", "国债 收益率", "黄金", "原油 OPEC", "社融", "M1", "固态电池", "机器人",
           "消费 补贴", "美元指数", "通胀", "财政 赤字", "算力", "稀土", "猪肉 价格", "铜 库存",
           "储能", "创新药", "出口 韧性", "地方债", "非农 就业", "关税 豁免 出口"]


def corpus_reports() -> list[tuple[dict, list[str]]]:
    """(front matter fields, body paragraphs) of each corpus report."""
    out = []
    for p in sorted(CORPUS.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        m = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
        meta = {}
        if m:
            for line in m.group(1).splitlines():
                k, _, v = line.partition(":")
                if v.strip() and not line.startswith(" "):
                    meta[k.strip()] = v.strip().strip('"')
            text = text[m.end():]
        paras = [x.strip() for x in text.split("\n\n") if len(x.strip()) > 30]
        if paras:
            out.append((meta, paras))
    return out


def make_folder(folder: Path, n: int, reports) -> None:
    rng = random.Random(7)
    paths = sorted(CORPUS.glob("*.md"))
    for p in paths[:n]:
        (folder / p.name).write_bytes(p.read_bytes())
    for i in range(max(0, n - len(paths))):
        picks = [rng.choice(rng.choice(reports)[1]) for _ in range(rng.randint(5, 9))]
        day = datetime(2025, 6, 1, tzinfo=BJ) + timedelta(days=rng.randint(0, 360))
        (folder / f"mix_{i:04d}.md").write_text(
            f"---\ntitle: \"混合样本 {i}\"\npublishedAt: \"{day.isoformat()}\"\n---\n" + "\n\n".join(picks),
            encoding="utf-8")


def segmentation_floor(folder: Path) -> tuple[float, int]:
    """Seconds for one jieba pass (the index's mode: no HMM) over the files' text: the floor
    below which no ingest that tokenises every article can go. Returns (seconds, files)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    t0 = time.process_time()  # CPU time: on a shared machine the wall clock measures the others
    for text in texts:
        for _ in jieba.cut(text, HMM=False):
            pass
    return time.process_time() - t0, len(texts)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    import multiprocessing
    import resource

    multiprocessing.active_children()  # reaps finished workers, so their time is counted
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} (1/5 min)"


def bench_check(articles, floor_rate: float, label: str) -> None:
    """Articles per second of the check alone (relations between figures and their verdicts)."""
    from macrodesk.checks.arithmetic import check_article

    t0 = time.process_time()
    relations = sum(len(check_article(a)) for a in articles)
    dt = time.process_time() - t0
    rate = len(articles) / dt
    print(f"check ({label}): {len(articles)} articles in {dt:.2f} CPU s = {rate:.0f} articles/s, "
          f"{floor_rate / rate:.2f}x the segmentation floor's time per article "
          f"({floor_rate:.0f} articles/s); {relations} relations; {load()}  [target: >= 200/s]")


def bench_ingest(n: int, reports, repeat: int = 1) -> None:
    from macrodesk.archive.batch import ingest_sources
    from macrodesk.archive.sqlite import SQLiteStore
    from macrodesk.readers import read_article

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        make_folder(folder, n, reports)
        floor, files = segmentation_floor(folder)
        print(f"segmentation floor: {files} files in {floor:.1f} CPU s = {files / floor:.1f} articles/s "
              f"(one jieba pass, no HMM, one process); {load()}")
        runs = []
        for i in range(repeat):
            store = SQLiteStore(Path(tmp) / f"archive{i}.sqlite3")
            before = os.getloadavg()[0]
            t0, c0 = time.perf_counter(), cpu_seconds()
            report = ingest_sources([folder], store, concurrency=2)
            dt = time.perf_counter() - t0
            time.sleep(1)  # let the workers exit so their CPU time is counted
            cpu = cpu_seconds() - c0
            runs.append((dt, cpu))
            print(f"ingest run {i + 1}: {n} files in {dt:.1f} s = {n / dt:.1f} articles/s, "
                  f"{dt / floor:.2f}x the segmentation floor (wall / floor CPU); {cpu:.1f} CPU s in all "
                  f"processes = {cpu / floor:.2f}x the floor's CPU "
                  f"({len(report.added)} added, {len(report.duplicates)} near/exact duplicates, "
                  f"{len(report.failures)} failed); load {before:.1f} before, {load()} after")
            if i == repeat - 1:
                t1 = time.perf_counter()
                again = ingest_sources([folder], store, concurrency=2)
                print(f"ingest again (all skipped): {time.perf_counter() - t1:.2f} s, "
                      f"{len(again.skipped)} skipped, {len(again.added)} added")
            store.close()
        dt, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"ingest best of {repeat}: {dt:.1f} s = {n / dt:.1f} articles/s ({dt / floor:.2f}x the floor), "
              f"{cpu:.1f} CPU s ({cpu / floor:.2f}x the floor's CPU)  [target: < 20 s, within 2x of the floor]")
        articles = [read_article(p) for p in sorted(folder.iterdir())]
        bench_check(articles, files / floor, f"{n} files")


def generated(n: int, reports):
    """n articles made by shuffling paragraphs of the corpus reports (4-9 each)."""
    from macrodesk.models import Article

    rng = random.Random(42)
    pool = [p for _, paras in reports for p in paras]
    titles = [meta.get("title", "") for meta, _ in reports]
    start = datetime(2025, 1, 1, 8, tzinfo=BJ)
    for i in range(n):
        text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(4, 9)))
        digest = hashlib.sha256(f"{i}:{text}".encode()).hexdigest()
        yield Article(id=digest[:12], title=f"{rng.choice(titles)}（{i}）", text=text,
                      source=rng.choice(["英为财情", "宏观观察室", "某某证券", "华尔街见闻"]),
                      published=start + timedelta(minutes=7 * i), content_hash=digest)


def archive_floor(reports, sample: int = 1000) -> float:
    """Articles per second of one uncached jieba pass over generated articles."""
    import jieba

    jieba.initialize()
    texts = [a.text for a in generated(sample, reports)]
    t0 = time.process_time()
    for text in texts:
        for _ in jieba.cut(text, HMM=False):
            pass
    return sample / (time.process_time() - t0)


def build_archive(path: Path, n: int, reports) -> tuple[float, int]:
    """Backfill n generated articles through store_articles (tokens and fingerprints in worker
    processes, near-duplicate check on, one transaction per chunk). Returns (seconds, stored)."""
    from macrodesk.archive.batch import store_articles
    from macrodesk.archive.sqlite import SQLiteStore

    store = SQLiteStore(path)
    t0 = time.perf_counter()
    report = store_articles(generated(n, reports), store)
    dt = time.perf_counter() - t0
    store.close()
    return dt, report.added


def _cached(cache: Path | None, n: int) -> bool:
    from macrodesk.archive.sqlite import SQLiteStore

    if cache is None or not cache.exists():
        return False
    with SQLiteStore(cache) as store:
        return store.count() >= n * 0.9  # near copies among generated articles are not stored


def bench_search(n: int, reports, cache: Path | None = None) -> None:
    from macrodesk.archive.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        path = cache or Path(tmp) / "archive.sqlite3"
        floor = archive_floor(reports)
        if _cached(cache, n):
            print(f"archive: reusing {path} (delete it to measure the backfill again)")
        else:
            if path.exists():
                path.unlink()
            print(f"archive: building {n} articles; {load()}")
            dt, added = build_archive(path, n, reports)
            size = path.stat().st_size / 1048576
            print(f"archive: {n} generated articles backfilled in {dt:.1f} s = {n / dt:.0f} articles/s "
                  f"({added} stored), {size:.0f} MB; uncached segmentation floor {floor:.0f} articles/s, "
                  f"ratio {floor / (n / dt):.2f}x; 100,000 would take {100_000 / (n / dt) / 60:.1f} min; "
                  f"{load()}  [target: < 30 min]. Paragraphs repeat across generated articles, so the "
                  "per-paragraph token cache makes this faster than fresh text.")
        store = SQLiteStore(path)
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
        sample = [store.get(i) for i in random.Random(5).sample(ids, min(2000, len(ids)))]
        bench_check([a for a in sample if a], floor, f"a sample of {len(sample)} of the archive's articles")
        for q in QUERIES[:5]:  # warm the page cache and jieba
            store.search(q)
        times = []
        counts = []
        variants = [{}, {"since": "2026-06-01"}, {"source": "英为"}, {"limit": 20}]
        for _ in range(3):
            for q in QUERIES:
                for kw in variants:
                    t = time.perf_counter()
                    hits = store.search(q, **kw)
                    times.append((time.perf_counter() - t) * 1000)
                    counts.append(len(hits))
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"search: {len(times)} queries over {store.count()} articles: median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms; {load()}  [target: p95 < 50 ms]")
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--archive", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=1, help="ingest runs; the best is reported too")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the generated archive here and reuse it on the next run")
    ap.add_argument("--skip-ingest", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("MACRODESK_HOME", tempfile.mkdtemp(prefix="macrodesk-bench-"))
    reports = corpus_reports()
    if not reports:
        raise SystemExit(f"no reports under {CORPUS}: set MACRODESK_CORPUS to a folder of .md articles")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; corpus: {len(reports)} reports from {CORPUS}")
    if not args.skip_ingest:
        bench_ingest(args.files, reports, args.repeat)
    if args.archive:
        bench_search(args.archive, reports, args.cache)


if __name__ == "__main__":
    main()
