"""The index keeps a company's margin and a price's currency out of the macro words they contain:
净利率 is one token (a search for 利率 does not find it), and a currency right after a number is
glued to it (a search for 美元 does not find every price quoted in dollars). Sentences from the
corpus (reports 183, 94, 252, 158)."""

from __future__ import annotations

import sqlite3

import pytest

from macrodesk.archive.fts import despace, fts_query, index_text

MARGIN = "三一重工归母净利润从 2005 年的 13 亿元增至 2011 年的 86 亿元，净利率从 5% 提升至 17%"
OIL = "布伦特原油期货结算价 63.90 美元 / 桶，周环比 - 1.36%"
HK_TABLE = "| 中信证券 | 6030.HK | 24.00 港元 | 26.91 港元 | 1.65 港元 | 1.77 港元 | 14.95 倍 |"
DEPOSIT = "继5月双期限LPR同步下调10BP后，存款利率更大幅度下调（1/5年期分别降15/25BP）为后续降息预留空间。"


@pytest.fixture()
def db():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, extra, "
                "tokenize = 'unicode61 remove_diacritics 2')")
    for i, text in enumerate((MARGIN, OIL, HK_TABLE, DEPOSIT)):
        body, extra = index_text(text)
        con.execute("INSERT INTO f(rowid, title, body, extra) VALUES (?, '', ?, ?)", (i, body, extra))
    yield con
    con.close()


def _hits(db, query: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT rowid FROM f WHERE f MATCH ?", (fts_query(query),))}


def test_margin_is_one_token():
    body = index_text(MARGIN)[0].split()
    assert "净利率" in body and "利率" not in body
    assert "净利润" in body  # 归母净利润 stays cut: a search for 净利润 finds it


def test_currency_after_a_number_is_part_of_the_amount():
    assert "90美元" in index_text(OIL)[0].split()
    assert index_text(HK_TABLE)[0].split().count("港元") == 0
    assert "亿元" in index_text(MARGIN)[0].split()  # jieba's own 亿元 is untouched


def test_searches(db):
    assert _hits(db, "利率") == {3}  # 存款利率, not the company's 净利率
    assert _hits(db, "净利率") == {0}
    assert _hits(db, "净利润") == {0}
    assert _hits(db, "美元") == set()  # a price, not the dollar
    assert _hits(db, "港元") == set()
    assert _hits(db, "63.90美元") == {1}  # the amount itself is still found
    assert _hits(db, "结算价") == {1}


def test_snippet_reads_as_written(db):
    snip = db.execute("SELECT snippet(f, 1, '[', ']', '…', 12) FROM f WHERE f MATCH ?",
                      (fts_query("结算价"),)).fetchone()[0]
    assert "63.90美元" in despace(snip)


def test_an_older_archive_is_reindexed_once(tmp_path):
    from macrodesk.archive.sqlite import SQLiteStore
    from macrodesk.readers import read_article

    src = tmp_path / "oil.md"
    src.write_text(f"# 原油周报\n\n{OIL}\n", encoding="utf-8")
    store = SQLiteStore(tmp_path / "a.sqlite3")
    assert store.add(read_article(src)).status == "added"
    assert not store.search("美元")
    # the row as the tokenizer before migration 0007 cut it, and the step not yet run
    with store.db:
        store.db.execute("UPDATE articles_fts SET body = replace(body, '90美元', '90 美元')")
        store.db.execute("DELETE FROM migrations WHERE name = '0007_reindex_margins_and_amounts'")
    assert store.search("美元")
    store.close()
    store = SQLiteStore(tmp_path / "a.sqlite3")
    assert not store.search("美元") and store.search("结算价")
    assert "0007_reindex_margins_and_amounts" in store.migrations()
    store.close()
