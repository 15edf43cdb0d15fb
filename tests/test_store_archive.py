"""The SQLite archive: migrations, WAL, round trips, days in Beijing time, Chinese search,
near-duplicates, folders ingested twice, interrupted batches, and the CLI commands."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from macrodesk.archive import ARCHIVE_NAME, MARK_CLOSE, MARK_OPEN, open_store
from macrodesk.archive.batch import ingest_sources
from macrodesk.archive.migrations import MIGRATIONS
from macrodesk.archive.sqlite import SQLiteStore
from macrodesk.config import home
from macrodesk.errors import StoreError
from macrodesk.readers import article_from_text, read_article

from .conftest import FIXTURES

DIR = FIXTURES / "ingest"
BJ = timezone(timedelta(hours=8))

PARAS = [
    "美国5月核心CPI同比2.8%，连续第三个月持平，主要因耐用品分项环比下跌0.11%及房租涨幅降温。",
    "市场对美联储年内降息预期升温，美元指数短时回落，人民币或面临外溢性贬值压力。",
    "非农就业稳健、薪资增速持续高位，薪资与通胀的传导链条降温概率较低。",
    "在“大而美法案”与原油价格回升支撑下，未来核心通胀或具高位黏性。",
]
OTHER = [
    "6月制造业PMI边际改善至49.7%，出口链受关税豁免窗口期及欧美补库周期推动显著反弹。",
    "地产成交依旧疲软，44城新房成交同比-16.6%，一线城市二手房跌幅扩大。",
    "光伏、新能源车等行业供给侧调控预期升温，反内卷治理成为政策焦点。",
]


def make(title, paras, published=None, source="测试源"):
    return article_from_text("\n\n".join(paras), title=title, source=source,
                             published=published or datetime(2025, 6, 12, 9, 0, tzinfo=BJ))


def test_open_under_home_with_wal_and_ordered_migrations():
    store = open_store()
    assert store.path == home() / ARCHIVE_NAME and store.path.exists()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.migrations() == sorted(name for name, _ in MIGRATIONS)
    store.close()
    again = SQLiteStore()  # reopening applies nothing twice
    assert again.migrations() == sorted(name for name, _ in MIGRATIONS)
    assert again.db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    again.close()


def test_unknown_backend_and_unopenable_archive(tmp_path):
    with pytest.raises(StoreError, match="unknown store backend"):
        open_store("postgres")
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the archive"):
        SQLiteStore(bad)


def test_round_trip_and_day_in_beijing_time(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    # 20:00 in New York on 11 June is 08:00 on 12 June in Beijing
    art = make("美国核心CPI点评", PARAS, datetime(2025, 6, 11, 20, 0, tzinfo=timezone(timedelta(hours=-4))))
    assert store.add(art).status == "added"
    back = store.get(art.id)
    assert back.text == art.text and back.title == art.title and back.meta == art.meta
    assert [s.text for s in back.sentences] == [s.text for s in art.sentences]
    assert back.published == art.published
    assert [a.id for a in store.articles_for_date("2025-06-12")] == [art.id]
    assert store.articles_for_date("2025-06-11") == []
    assert store.list_date("2025-06-12")[0]["title"] == "美国核心CPI点评"
    with pytest.raises(StoreError, match="not a date"):
        store.articles_for_date("12/06/2025")
    store.close()


def test_chinese_search_ranks_and_highlights(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    store.add(make("美国核心CPI点评", PARAS))
    store.add(make("中国经济：外需回暖", OTHER, datetime(2025, 7, 8, 9, 30, tzinfo=BJ), "英为财情"))
    store.add(make("降息与美元", [PARAS[1] + "美联储降息将压低美元。", OTHER[2]],
                   datetime(2025, 7, 1, tzinfo=BJ)))
    hits = store.search("降息")
    # the article with 降息 in its title ranks first
    assert [h.title for h in hits] == ["降息与美元", "美国核心CPI点评"]
    assert f"{MARK_OPEN}降息{MARK_CLOSE}" in hits[0].snippet and " " not in hits[0].snippet.replace("…", "")
    assert [h.title for h in store.search("关税 PMI")] == ["中国经济：外需回暖"]
    assert [h.title for h in store.search("cpi")] == ["美国核心CPI点评"]  # case-folded
    assert [h.title for h in store.search("降息", since="2025-06-20")] == ["降息与美元"]
    assert [h.title for h in store.search("关税", source="英为")] == ["中国经济：外需回暖"]
    assert store.search("不存在的词语组合") == []
    with pytest.raises(StoreError, match="no words"):
        store.search("？！")
    store.close()


def test_exact_and_near_duplicates_stored_once(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    original = make("美国核心CPI点评", PARAS)
    assert store.add(original).status == "added"
    same = make("美国核心CPI点评（转载）", PARAS)
    res = store.add(same)
    assert res.status == "duplicate" and res.kept_id == original.id and res.similarity == 1.0
    # syndicated copy: same body with a different sign-off line
    resent = make("转载：美国核心CPI点评", [*PARAS, "本文转载自某某宏观研究，版权归原作者所有。"])
    res = store.add(resent)
    assert res.status == "duplicate" and res.kept_id == original.id and 0.8 <= res.similarity < 1.0
    assert res.kept_title == "美国核心CPI点评"
    assert store.add(make("中国经济", OTHER)).status == "added"
    assert store.count() == 2
    store.close()
    # the near-duplicate index is rebuilt from the file
    reopened = SQLiteStore(tmp_path / "a.sqlite3")
    assert reopened.add(resent).status == "duplicate"
    reopened.close()


def _folder(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for name in ("investing_analysis.html", "wechat_article.html", "research_report.pdf"):
        shutil.copy(DIR / name, folder / name)
    shutil.copy(DIR / "gbk_page.html", folder / "sub" / "gbk_page.html")
    shutil.copy(DIR / "scanned_report.pdf", folder / "sub" / "scanned.pdf")
    (folder / "notes.xyz").write_text("ignored: unknown suffix", encoding="utf-8")
    (folder / ".hidden.md").write_text("# 隐藏\n\n不应读取。", encoding="utf-8")
    return folder


def test_same_folder_twice_stores_nothing_new(tmp_path):
    folder = _folder(tmp_path)
    store = SQLiteStore(tmp_path / "a.sqlite3")
    first = ingest_sources([folder], store)
    assert len(first.added) == 4 and len(first.failures) == 1
    assert "no text layer" in str(first.failures[0])
    second = ingest_sources([folder], store)
    assert second.added == [] and second.duplicates == [] and len(second.skipped) == 4
    assert len(second.failures) == 1  # the failed one is retried, and fails again
    assert store.count() == 4
    # a copy under another name is read, found to be a duplicate, and not stored
    shutil.copy(DIR / "wechat_article.html", folder / "copy.html")
    third = ingest_sources([folder], store)
    assert third.added == [] and [d.kept_title for d in third.duplicates] == ["春节错位如何扰动1-2月经济数据"]
    assert store.count() == 4
    store.close()


def test_interrupted_batch_resumes(tmp_path):
    folder = _folder(tmp_path)
    store = SQLiteStore(tmp_path / "a.sqlite3")
    seen = []

    def stop_after_two(done, total, label):
        seen.append(label)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_sources([folder], store, concurrency=1, progress=stop_after_two)
    stored = store.count()
    # progress reports a source once it is committed, and a chunk commits every source whose
    # result is ready: the bar never claims more than is stored (it may lag a chunk behind)
    assert 2 <= stored <= 4
    resumed = ingest_sources([folder], store, concurrency=2)
    assert len(resumed.skipped) == stored
    assert len(resumed.added) == 4 - stored and store.count() == 4
    store.close()


def test_missing_path_and_non_text_file_in_batch(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 20)
    store = SQLiteStore(tmp_path / "a.sqlite3")
    report = ingest_sources([tmp_path / "nope", junk, DIR / "gbk_page.html", DIR / "corrupt.pdf"], store)
    assert len(report.added) == 1
    msgs = [str(e) for e in report.failures]
    assert any("no such file, folder or URL" in m for m in msgs)
    assert any("binary file" in m for m in msgs) and any("corrupt PDF" in m for m in msgs)
    store.close()


def test_store_survives_concurrent_reader(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    store.add(read_article(DIR / "gbk_page.html"))
    reader = sqlite3.connect(tmp_path / "a.sqlite3")
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    store.add(make("中国经济", OTHER))  # WAL: a writer does not wait for the open reader
    assert store.count() == 2
    reader.close()
    store.close()


def test_cli_ingest_search_list():
    from macrodesk.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["ingest", "-q", str(DIR / "gbk_page.html"), str(DIR / "scanned_report.pdf")])
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output and "no text layer" in res.output
    res = runner.invoke(app, ["search", "关税", "--since", "2025-06-01"])
    assert res.exit_code == 0 and "关税交易空间收窄" in res.output
    res = runner.invoke(app, ["search", "关税", "--since", "2026-01-01"])
    assert res.exit_code == 1 and "no matches" in res.output
    res = runner.invoke(app, ["list", "--date", "2025-06-06"])
    assert res.exit_code == 0 and "10:15" in res.output and "1 article(s)" in res.output
    res = runner.invoke(app, ["list", "--date", "June 6"])
    assert res.exit_code == 2 and "not a date" in res.output
    res = runner.invoke(app, ["ingest", str(DIR / "scanned_report.pdf")])
    assert res.exit_code == 2
