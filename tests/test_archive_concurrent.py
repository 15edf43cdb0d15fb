"""Two processes writing one archive (issue 14, item 5): two `macrodesk ingest` runs of the same
400 files, started together in opposite orders, both finish, each article is stored once and
the database stays intact; a stored article can be removed and stays out on re-ingest."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from macrodesk.archive.batch import ingest_sources
from macrodesk.archive.dedupe import NearDuplicateIndex, from_bytes
from macrodesk.archive.sqlite import SQLiteStore
from macrodesk.cli import app

from .archive_sample import SOURCES

ROOT = Path(__file__).resolve().parent.parent


def _paragraphs() -> list[str]:
    out, seen = [], set()
    for path in SOURCES:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for p in body.split("\n\n"):
            p = p.strip()
            if len(p) > 60 and p not in seen and not p.startswith(("#", "-", "|")):
                seen.add(p)
                out.append(p)
    return out


def _write_files(folder: Path, n: int) -> list[Path]:
    """n articles of real report paragraphs, each a different draw of three."""
    rng = random.Random(19)
    pool = _paragraphs()
    folder.mkdir()
    files = []
    for i in range(n):
        paras = rng.sample(pool, 3)
        path = folder / f"art_{i:03d}.md"
        path.write_text(f"---\ntitle: \"样本 {i}\"\npublishedAt: \"2025-06-12T09:00:00+08:00\"\n---\n"
                        + "\n\n".join(paras) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _ingest(archive: Path, sources: list[Path]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen([sys.executable, "-m", "macrodesk", "ingest", "-q", "--archive",
                             str(archive), *map(str, sources)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_ingests_of_400_files_at_once(tmp_path):
    files = _write_files(tmp_path / "in", 400)
    archive = tmp_path / "archive.sqlite3"
    SQLiteStore(archive).close()  # created (migrated) once, as `macrodesk` does on first use
    first, second = _ingest(archive, [tmp_path / "in"]), _ingest(archive, files[::-1])
    outs = [p.communicate(timeout=600) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outs
    assert all("0 failed" in err for _, err in outs), outs

    db = sqlite3.connect(archive)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert db.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == n
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
    # every file is accounted for, pointing at a stored article
    rows = db.execute("SELECT s.status, a.id FROM sources s LEFT JOIN articles a"
                      " ON a.id = s.article_id").fetchall()
    assert len(rows) == len(files) and all(st in ("done", "duplicate") and aid for st, aid in rows)
    # no stored article repeats another one (exactly or nearly)
    index = NearDuplicateIndex()
    for aid, blob in db.execute("SELECT id, minhash FROM articles ORDER BY rowid"):
        sig = from_bytes(blob)
        assert index.find(sig) is None, aid
        index.add(aid, sig)
    # what one run alone stores
    alone = SQLiteStore(tmp_path / "alone.sqlite3")
    report = ingest_sources([tmp_path / "in"], alone, workers=1)
    assert len(report.added) == n
    alone.close()
    db.close()


def test_remove_drops_an_article_and_keeps_it_out(tmp_path):
    files = _write_files(tmp_path / "in", 3)
    archive = tmp_path / "archive.sqlite3"
    store = SQLiteStore(archive)
    report = ingest_sources(files, store)
    poisoned = report.added[0]
    store.close()

    runner = CliRunner()
    result = runner.invoke(app, ["archive", "remove", poisoned.id, "--archive", str(archive)])
    assert result.exit_code == 0, result.output
    store = SQLiteStore(archive)
    assert store.get(poisoned.id) is None and store.count() == len(report.added) - 1
    fts = store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert fts == store.count()
    again = ingest_sources(files, store)  # the file it came from is not read back in
    assert not again.added and store.get(poisoned.id) is None
    store.close()

    missing = runner.invoke(app, ["archive", "remove", "nosuchid", "--archive", str(archive)])
    assert missing.exit_code == 2 and "nosuchid" in missing.output


def test_daily_during_an_ingest_waits_and_publishes(tmp_path, hooks):
    import time

    from macrodesk.config import load_config
    from macrodesk.daily import run_daily

    from .test_daily import setup

    archive = tmp_path / "shared.sqlite3"
    _, _, _, toml = setup(tmp_path, hooks, f'\n[store]\npath = "{archive}"\n')
    SQLiteStore(archive).close()
    files = _write_files(tmp_path / "backlog", 400)
    ingest = _ingest(archive, files)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the ingest is writing
        with sqlite3.connect(archive) as db:
            if db.execute("SELECT count(*) FROM sources").fetchone()[0]:
                break
        time.sleep(0.1)
    assert ingest.poll() is None, "the ingest finished before the daily run started"
    report = run_daily("2025-12-24", config=load_config(toml))
    assert report.status == "published" and report.ingested == 1, report
    _, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0 and "0 failed" in err, err
