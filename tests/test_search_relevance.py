"""Search finds words: precision@5 over the hand-made relevance set (tests/search_eval), and no
report that holds the query only as a fragment of another word (白银行业 for 银行) in the top 5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macrodesk.archive.batch import ingest_sources
from macrodesk.archive.sqlite import SQLiteStore
from tests.corpus import CORPUS  # noqa: E402

EVAL = Path(__file__).resolve().parent / "search_eval" / "queries.json"

# measured 2026-12-04: 0.812 with every jieba word required anywhere (sub-words included),
# 0.869 with each term an exact phrase in title or body, 0.881 once the index keeps 净利率 whole
# and glues a currency to the number before it. Floors only go up.
PRECISION_AT_5_FLOOR = 0.88
# Trap reports still in a top 5, all from the index's tokens, not the query. Measured 8 while the
# tokenizer cut 净利率 as 净 利率 and kept the unit of 63.9 美元/桶 or 24.00 港元 a word of its own;
# 1 since (archive/fts.py: _whole_metrics, _glue_units): report 94 quotes prices in table cells
# headed 美元 / 桶 with no number beside the unit. This ceiling only goes down.
TRAP_CEILING = 1
TOKENIZER_TRAPS = {"利率", "美元", "港元"}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    spec = json.loads(EVAL.read_text(encoding="utf-8"))
    files = [CORPUS / f"{i}.md" for i in spec["corpus_ids"]]
    s = SQLiteStore(tmp_path_factory.mktemp("search") / "archive.db")
    report = ingest_sources(files, s, concurrency=2)
    assert not report.failures
    yield s
    s.close()


def _top5(store, q: str) -> list[int]:
    return [int(Path(h.path).stem) for h in store.search(q, limit=5)]


def _scores(store):
    queries = json.loads(EVAL.read_text(encoding="utf-8"))["queries"]
    precision, traps = [], []
    for q in queries:
        top = _top5(store, q["q"])
        rel = set(q["relevant"])
        precision.append(len(rel & set(top)) / min(5, len(rel)))
        traps += [(q["q"], i) for i in top if i in set(q["must_not_top5"])]
    return sum(precision) / len(precision), traps, len(queries)


def test_precision_at_5_holds_the_floor(store):
    p5, _, n = _scores(store)
    print(f"precision@5 over {n} queries: {p5:.3f}")
    assert n >= 30
    assert p5 >= PRECISION_AT_5_FLOOR


def test_no_fragment_match_in_top5(store):
    _, traps, _ = _scores(store)
    print("trap reports in a top 5:", traps)
    assert len(traps) <= TRAP_CEILING, traps
    # a trap the query can avoid (the term is not a whole word of the report) never ranks
    assert not [t for t in traps if t[0] not in TOKENIZER_TRAPS], traps


def test_chinese_word_is_searched_as_a_phrase(store):
    # 降准 must not match 准垄断/准固态: every hit's snippet holds the whole word
    hits = store.search("降准", limit=20)
    assert hits
    for h in hits:
        assert "降准" in h.snippet.replace("\x02", "").replace("\x03", ""), h.snippet


def test_snippets_have_no_markdown_debris(store):
    for q in ("货币", "关税 出口", "降息"):
        for h in store.search(q, limit=10):
            text = h.snippet.replace("\x02", "").replace("\x03", "")
            assert "* *" not in text and "# #" not in text, text
            assert not __import__("re").search(r"\d \. \d|\d %", text), text


@pytest.mark.parametrize("query", ["关税", "降息", "出口 PMI", "美联储"])
def test_filtered_search_is_the_unfiltered_ranking_filtered(store, query):
    """--since/--source rank after filtering (their own SQL path): the same hits, in the same
    order and with the same scores, as the whole ranking with the filter applied afterwards."""
    everything = store.search(query, limit=1000)
    assert len(everything) > 10, "the query must have more hits than one page"
    days = sorted(h.day for h in everything)
    since = days[len(days) // 2]
    source = Path(everything[0].path).stem[:1]
    for kw, keep in (({"since": since}, lambda h: h.day >= since),
                     ({"source": source}, lambda h: source in (h.source + h.url + h.path))):
        got = store.search(query, limit=5, **kw)
        want = [h for h in everything if keep(h)][:5]
        assert [(h.article_id, round(h.score, 9)) for h in got] == \
            [(h.article_id, round(h.score, 9)) for h in want], kw
        assert all(h.snippet for h in got)
