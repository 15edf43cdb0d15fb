"""The embedded pipeline end to end: files in, the post out, and bad input handled cleanly."""

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from macrodesk.digest import make_post, write_post
from macrodesk.errors import InputError, InsufficientMaterialError
from macrodesk.evaluate import structure_defects
from macrodesk.readers import article_from_text, read_article

from .conftest import FIXTURES, SAMPLES

SAMPLE = SAMPLES / "2026_china_economy_foreign_views.md"
NOW = datetime(2025, 12, 23, 15, 36, 19, tzinfo=timezone(timedelta(hours=8)))


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "macrodesk", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_sample_post_front_matter_and_structure():
    result = make_post([read_article(SAMPLE)], date="2025-12-23", now=NOW)
    text = result.post.text
    assert text.startswith(
        '---\nlayout: post\ntitle: "macr_research_2025-12-23"\n'
        'date: "2025-12-23 15:36:19 +0800"\nposttime: "2025-12-23 15:36:19 +0800"\n'
    )
    assert result.post.filename == "2025-12-23-macr_research_2025-12-23.md"
    assert structure_defects(text) == []
    assert len(result.digest.facts) == 10
    assert "\r" not in text


def test_engine_is_deterministic():
    art = read_article(SAMPLE)
    a = make_post([art], date="2025-12-23", now=NOW).post.text
    b = make_post([read_article(SAMPLE)], date="2025-12-23", now=NOW).post.text
    assert a == b


def test_every_fact_is_in_the_authors_words():
    """Each part of a fact is a clause of the article; a frame put back in front of it (the
    heading's subject and the label, "通胀观点分歧：") is made of the article's own words too."""
    art = read_article(SAMPLE)
    source = "\n".join([s.text for s in art.sentences] + [p.text for p in art.paragraphs])
    result = make_post([art], date="2025-12-23", now=NOW)
    for fact in result.digest.facts:
        for part in fact.text.rstrip("。").split("；"):
            if part in source:
                continue
            head, _, rest = part.partition("：")
            assert rest and rest in source, (fact.text, part)
            assert any(head[:i] in source and head[i:] in source for i in range(1, len(head))), (fact.text, head)


def test_overview_length_and_bold():
    result = make_post([read_article(SAMPLE)], date="2025-12-23", now=NOW)
    plain = result.digest.overview.replace("*", "")
    assert 80 <= len(plain) <= 300
    assert "**" in result.digest.overview


def test_several_articles_make_one_post_listing_sources():
    arts = [read_article(SAMPLE), read_article(Path(__file__).parent / "eval" / "articles" / "702.md")]
    result = make_post(arts, date="2025-12-23", now=NOW)
    assert len(result.digest.sources) == 2
    assert "本期摘要综合以下来源" in result.digest.event_overview[0]
    used = {f.sentence_id.split(":")[0] for f in result.digest.facts}
    assert used == {arts[0].id, arts[1].id}
    assert 'sources: ["' in result.post.text


def test_a_day_of_several_articles_gets_a_headline_composed_for_the_day():
    names = ["95.md", "438.md", "659.md"]
    arts = [read_article(Path(__file__).parent / "eval" / "articles" / n) for n in names]
    d = make_post(arts, date="2025-10-14", now=NOW).digest
    assert d.headline.endswith("3篇研究要点")
    # not one article's title with "等N篇" stuck on: none of the titles is the headline's stem
    assert not any(a.title in d.headline for a in arts)
    rows = [r.sector for r in d.bullish + d.bearish if r.theme]
    assert rows and any(r in d.headline for r in rows)  # it names the day's verified calls


def test_a_date_before_a_source_is_published_is_warned():
    from macrodesk.digest import date_warnings

    early = date_warnings(["2025-07-02"], "2025-07-01")
    assert any("precedes the publication" in w and "2025-07-02" in w for w in early)
    assert not any("precedes" in w for w in date_warnings(["2025-07-01"], "2025-07-03"))
    arts = [read_article(SAMPLE)]
    day = arts[0].published.date()
    result = make_post(arts, date=(day - timedelta(days=1)).isoformat(), now=NOW)
    assert any("precedes the publication" in w for w in result.digest.warnings)


def test_investing_promo_block_is_cut_and_url_kept():
    body = "\n".join(f"第{i}段：出口数据显示韧性，同比增长{i}.5%，市场关注后续关税安排。" for i in range(1, 13))
    text = ("美国关税与中国出口\n" + body + "\n\n使用InvestingPro的AI精选股，跑赢大盘。\n"
            "点击此处订阅\n已是Pro会员？请登录\nhttps://cn.investing.com/analysis/article-200012345\n")
    art = article_from_text(text)
    assert art.url == "https://cn.investing.com/analysis/article-200012345"
    assert "精选股" not in art.text and "订阅" not in art.text
    assert art.title == "美国关税与中国出口"
    assert any("AI精选股" in r for r in art.removed)


def test_article_without_figures_gives_a_valid_post():
    result = make_post([read_article(FIXTURES / "no_figures.txt")], date="2025-12-23", now=NOW)
    assert structure_defects(result.post.text) == []
    assert result.findings == []


def test_too_short_article_is_refused_not_padded(tmp_path):
    p = tmp_path / "short.txt"
    p.write_text("标题\n出口增长5%。进口下降2%。", encoding="utf-8")
    with pytest.raises(InsufficientMaterialError, match="distinct facts"):
        make_post([read_article(p)])


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("missing.txt", None, "no such file"),
])
def test_bad_files_raise_one_clear_error(tmp_path, name, content, message):
    p = tmp_path / name
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_article(p)
    assert str(p) in str(info.value)


def test_gbk_file_reads_like_utf8(tmp_path):
    p = tmp_path / "gbk.md"
    p.write_bytes(SAMPLE.read_text("utf-8").encode("gb18030"))
    assert read_article(p).text == read_article(SAMPLE).text


def test_huge_file_is_refused_quickly(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.write(("出口同比增长8.1%，进口回落。" * 1000 + "\n").encode() * 1800)
    assert p.stat().st_size > 50 * 1024 * 1024
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_article(p)


def test_cli_writes_post_atomically_into_folder(tmp_path):
    r = run_cli("digest", SAMPLE, "--date", "2025-12-23", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    post = tmp_path / "out" / "2025-12-23-macr_research_2025-12-23.md"
    assert f"post written to {post}" in r.stdout.replace("\n", "")
    assert [p.name for p in (tmp_path / "out").iterdir()] == [post.name]  # no temp file left


def test_cli_batch_goes_on_past_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    r = run_cli("digest", SAMPLE, empty, binary, tmp_path / "nope.md", "--date", "2025-12-23")
    assert "Traceback" not in r.stderr
    assert r.stdout.startswith("---\nlayout: post")
    assert "empty.txt: file is empty" in r.stderr
    assert "x.txt: binary file" in r.stderr
    assert "nope.md: no such file" in r.stderr
    assert r.returncode == 1  # the post was made, but not from everything asked for


def test_cli_all_bad_exits_2_without_traceback(tmp_path):
    r = run_cli("digest", tmp_path / "nope.md")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "no such file" in r.stderr


def test_cli_json(tmp_path):
    r = run_cli("digest", SAMPLE, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["facts"]) == 10 and data["engine"] == "extractive"


def test_write_post_replaces_existing_file(tmp_path):
    result = make_post([read_article(SAMPLE)], date="2025-12-23", now=NOW)
    target = tmp_path / "p.md"
    target.write_text("old")
    write_post(result.post, target)
    assert target.read_text("utf-8") == result.post.text


def test_inconsistent_relation_in_source_becomes_a_note_not_a_fact(tmp_path):
    text = SAMPLE.read_text("utf-8").replace(
        "主要支撑在投资", "主要支撑在投资，投资增速由1.5%升至3.5%，提高了3.0个百分点")
    p = tmp_path / "bad_arithmetic.md"
    p.write_text(text, encoding="utf-8")
    result = make_post([read_article(p)], date="2025-12-23", now=NOW)
    notes = [r for r in result.digest.risks if r.title == "数据核对"]
    assert len(notes) == 1 and "3.0个百分点" in notes[0].explanation
    # the recomputed value, in the article's unit (3.5% - 1.5% = 2.0个百分点)
    assert "复算约为2.0个百分点" in notes[0].explanation
    assert all("3.0个百分点" not in f.text for f in result.digest.facts)
    # the recomputed figure is derived from source figures (an info finding), never untraced
    assert [f for f in result.findings if f.severity == "error"] == []


def test_condense_keeps_figures_and_never_ends_on_a_dangling_condition():
    from macrodesk.engines.ranking import condense

    s = ("南银转债（113050）：截至 5 月 30 日，已有 10 个交易日收盘价≥转股价（8.22 元 / 股）的 130%"
         "（10.69 元 / 股），若未来 16 个交易日内再满足 5 个交易日，将触发强制赎回条款，"
         "公司将择机公告是否行使赎回权，投资者需关注转股与赎回安排带来的价格波动。")
    out = condense(s)
    assert out.rstrip("。") in s
    assert "130%" in out and not out.rstrip("。").endswith("5 个交易日")
    assert condense("此外，出口同比增长5.8%，高于预期。") == "出口同比增长5.8%，高于预期。"


def test_datacheck_block_puts_recomputed_tariff_rate_beside_the_quote():
    art = read_article(FIXTURES / "us_inflation_2026_771.md")
    result = make_post([art], date="2026-01-21", now=NOW, datacheck=True)
    (line,) = [x for x in result.digest.datacheck if "有效关税税率" in x]
    assert "原文 12.4%" in line and "10.84%" in line
    assert "> **数据核对**" in result.post.text
    assert result.findings == []  # recomputed figures are labelled, not passed off as the source's
    plain = make_post([art], date="2026-01-21", now=NOW)
    assert plain.digest.datacheck == [] and "数据核对**（按公开数据重算" not in plain.post.text
