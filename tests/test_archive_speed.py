"""The speed work on the archive (issue 19) changed nothing it decides: on a corpus sample with
near copies, the near-duplicate decisions, signatures, index rows and search results equal
those the code before it made (pinned in tests/fixtures/archive_pins by make_pins.py), whether
articles arrive one by one or through a batch read by worker processes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from macrodesk.archive.batch import ingest_sources
from macrodesk.archive.dedupe import NearDuplicateIndex, bands, from_bytes, signature, to_bytes
from macrodesk.archive.sqlite import SQLiteStore
from macrodesk.readers import read_article

from .archive_sample import add_one_by_one, index_rows, top_hits, write_sample
from .conftest import FIXTURES

PINS = json.loads((FIXTURES / "archive_pins" / "pins.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    return folder, write_sample(folder)


def _compare(store: SQLiteStore, decisions: dict) -> None:
    assert decisions == PINS["decisions"]
    id_to_name = {}
    for name, d in decisions.items():
        if d["status"] == "added":
            id_to_name[store.db.execute("SELECT id FROM articles WHERE path LIKE ?",
                                        (f"%{name}",)).fetchone()[0]] = name
    assert index_rows(store, id_to_name) == PINS["rows"]
    for pinned in PINS["searches"]:
        assert top_hits(store, pinned["expression"], id_to_name) == pinned["hits"], pinned["query"]


def test_pins_cover_both_decisions():
    statuses = [d["status"] for d in PINS["decisions"].values()]
    near = [d for d in PINS["decisions"].values() if d["status"] == "duplicate" and d["similarity"] < 1]
    assert statuses.count("added") > 50 and near, "the sample must hold near copies and distinct texts"
    assert sum(bool(s["hits"]) for s in PINS["searches"]) > 20


def test_one_by_one_as_before(sample, tmp_path):
    folder, names = sample
    store = SQLiteStore(tmp_path / "a.sqlite3")
    decisions, _ = add_one_by_one(store, folder, names)
    _compare(store, decisions)
    store.close()


def test_batch_with_worker_processes_as_before(sample, tmp_path):
    folder, names = sample
    store = SQLiteStore(tmp_path / "b.sqlite3")
    report = ingest_sources([folder], store, workers=2)
    assert not report.failures
    id_to_name = {a.id: a.path.rsplit("/", 1)[-1] for a in report.added}
    decisions = {a.path.rsplit("/", 1)[-1]: {"status": "added", "kept": a.path.rsplit("/", 1)[-1],
                                             "similarity": 1.0} for a in report.added}
    for dup in report.duplicates:
        name = dup.source.rsplit("/", 1)[-1]
        decisions[name] = {"status": "duplicate", "kept": id_to_name[dup.kept_id],
                           "similarity": round(dup.similarity, 3)}
    _compare(store, dict(sorted(decisions.items())))
    store.close()


def test_signature_is_the_old_scheme_and_round_trips():
    text = "美国5月核心CPI同比2.8%，连续第三个月持平。\n市场对美联储年内降息预期升温，美元指数短时回落。"
    sig = signature(text)
    assert sig.dtype == np.uint32 and len(sig) == 64
    assert np.array_equal(from_bytes(to_bytes(sig)), sig)
    # one paragraph or many: the signature of a union is the minimum of the parts'
    parts = text.split("\n")
    assert np.array_equal(np.minimum(signature(parts[0]), signature(parts[1])), sig)
    assert bands() == (5, 11)  # what datasketch's MinHashLSH chose for 0.8 and 64 permutations


def test_index_finds_near_copy_and_forgets_removed():
    base = "\n".join(f"第{i}段：出口同比增长{i}.5%，进口回落，贸易顺差扩大到{i * 10}亿美元。" for i in range(30))
    index = NearDuplicateIndex()
    index.add("a", signature(base))
    near = base + "\n（本文仅供参考，不构成投资建议。）"
    match = index.find(signature(near))
    assert match and match.key == "a" and match.similarity >= 0.8
    assert index.find(signature("完全不同的一篇文章：房地产成交继续疲软，一线城市二手房价格下跌。")) is None
    index.remove("a")
    assert index.find(signature(near)) is None and "a" not in index


def test_backfill_with_worker_processes_as_before(sample, tmp_path):
    from macrodesk.archive.batch import store_articles

    folder, names = sample
    articles = [read_article(folder / name) for name in names]
    store = SQLiteStore(tmp_path / "c.sqlite3")
    seen = []
    report = store_articles(articles, store, workers=2, chunk=40,
                            progress=lambda done, total, title: seen.append(done))
    assert seen == list(range(1, len(names) + 1))
    by_id = {}
    decisions = {}
    dups = {d.title + d.source: d for d in report.duplicates}
    for art in articles:
        name = art.path.rsplit("/", 1)[-1]
        d = dups.get(art.title + art.path)
        if d is None:
            by_id[art.id] = name
            decisions[name] = {"status": "added", "kept": name, "similarity": 1.0}
        else:
            decisions[name] = {"status": "duplicate", "kept": by_id.get(d.kept_id, d.kept_id),
                               "similarity": round(d.similarity, 3)}
    assert report.added == len(by_id)
    _compare(store, decisions)
    store.close()
