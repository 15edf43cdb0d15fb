"""Forecasts as data: periods, extraction from Chinese sentences, storage and backfill,
consensus in the post, and the ledger's scoring against actual series."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from macrodesk.models import Sentence
from macrodesk.views.extract import period_end, period_months, resolve_period, sentence_forecasts

BJ = timezone(timedelta(hours=8))


def fc(text: str, published: date = date(2025, 12, 20)):
    return sentence_forecasts(Sentence(id="a:0.0", text=text, paragraph=0), published)


@pytest.mark.parametrize("text,published,want", [
    ("今年出口有望回升", date(2025, 8, 10), "2025"),
    ("明年GDP增速", date(2025, 12, 24), "2026"),
    ("下半年或进入去通胀周期", date(2026, 1, 21), "2026H2"),
    ("Q3 美联储或降息", date(2025, 8, 10), "2025Q3"),
    ("三季度", date(2025, 8, 10), "2025Q3"),
    ("1月CPI读数偏低", date(2026, 2, 6), "2026-01"),   # a month not yet released
    ("1月出口", date(2025, 11, 20), "2026-01"),        # next January in a November report
    ("2025 年 1-7 月进口量", date(2025, 8, 25), "2025-07"),
    ("2026H2 奶价有望温和上行", date(2026, 3, 19), "2026H2"),
    ("1937 年以来最高", date(2025, 6, 18), None),      # a year of the past century is no period
    ("未来核心通胀或具高位黏性", date(2025, 6, 12), None),
])
def test_periods_resolve_against_publication(text, published, want):
    assert resolve_period(text, published) == want


def test_period_bounds():
    assert period_end("2026H2") == date(2026, 12, 31)
    assert period_end("2025-02") == date(2025, 2, 28)
    assert period_months("2025Q3") == ["2025-07", "2025-08", "2025-09"]


def test_one_sentence_several_institutions():
    got = fc("大摩预计2026年GDP增速4.8%，美银4.7%，巴克莱4%。")
    assert {(f.who, f.indicator, f.period, f.value) for f in got} == {
        ("大摩", "GDP", "2026", 4.8), ("美银", "GDP", "2026", 4.7), ("巴克莱", "GDP", "2026", 4.0)}
    assert all(f.figure in "大摩预计2026年GDP增速4.8%，美银4.7%，巴克莱4%。" for f in got)


def test_ranges_bounds_and_directions():
    (tariff,) = fc("美国整体关税率或升至15%以上。")
    assert (tariff.indicator, tariff.region, tariff.low, tariff.value, tariff.direction) == (
        "us_tariff_rate", "US", 15.0, None, "up")
    (exports,) = fc("2026年出口增速或放缓至2%-4%。")
    assert (exports.period, exports.low, exports.high, exports.direction) == ("2026", 2.0, 4.0, "down")
    (ppi,) = fc("一致预期：PPI降幅收窄至-2%以内。")
    assert ppi.direction == "up" and ppi.low == -2.0  # a narrowing decline is a rise


def test_region_decides_the_policy_rate_and_cuts_keep_their_sign():
    got = fc("维持美联储降息预期升温下我国择机小幅降息 10BP 的预测。", date(2025, 6, 12))
    cn = [f for f in got if f.indicator == "cn_policy_rate"]
    assert cn and cn[0].value == -10 and cn[0].direction == "down"


def test_currency_direction_is_usdcny():
    (rmb,) = fc("人民币汇率有望升值至7.0。")
    assert rmb.indicator == "usdcny" and rmb.direction == "down" and rmb.value == 7.0


def test_sector_calls_use_theme_keys():
    got = {(f.indicator, f.direction) for f in fc("建议超配半导体设备，低配地产。")}
    assert got == {("sector:semiconductor_equipment", "up"), ("sector:real_estate", "down")}


def test_past_data_and_product_figures_are_not_forecasts():
    got = fc("2025 年 1-5 月新能源汽车出口 85.50 万辆（同比 + 64.6%），预计全年保持增长。", date(2025, 6, 20))
    assert all(f.indicator != "exports" for f in got)  # a product's exports, and past months
    assert fc("美国 5 月核心 CPI 同比2.8% 连续第三个月持平。", date(2025, 6, 12)) == []


def test_risk_lists_are_not_forecasts():
    s = Sentence(id="a:1.0", text="财政货币政策不及预期，出口或超预期下行。", paragraph=1, section="（七）风险")
    assert sentence_forecasts(s, date(2025, 12, 24)) == []


# -- archive


def _article(text: str, title: str, day: str, source: str = "测试来源"):
    from macrodesk.readers import article_from_text

    return article_from_text(text, title=title, source=source,
                             published=datetime.fromisoformat(day).replace(hour=9, tzinfo=BJ))


def test_forecasts_stored_on_add_and_backfilled(tmp_path):
    from macrodesk.archive.sqlite import SQLiteStore
    from macrodesk.views.store import backfill, load_forecasts

    store = SQLiteStore(tmp_path / "a.sqlite3")
    assert "0005_forecasts" in store.migrations()
    store.add(_article("我们预计2026年GDP增速4.5%左右，CPI小幅回升至0.8%。", "展望一", "2025-12-20"))
    stored = load_forecasts(store.db, "GDP")
    assert [(f.period, f.value) for f in stored] == [("2026", 4.5)]
    assert load_forecasts(store.db, "CPI", period="2026")[0].value == 0.8
    assert load_forecasts(store.db, "GDP", period="2027") == []
    store.db.execute("DELETE FROM forecasts")
    store.db.commit()
    calls = []
    n, found = backfill(store, lambda d, t: calls.append((d, t)))
    assert (n, calls[-1]) == (1, (1, 1)) and found == 2
    assert [(f.period, f.value) for f in load_forecasts(store.db, "GDP增速")] == [("2026", 4.5)]
    store.close()


# -- consensus


def test_consensus_groups_range_median_outliers():
    from macrodesk.views.consensus import group_forecasts
    from macrodesk.views.extract import Forecast

    vals = [4.5, 4.6, 4.7, 4.8, 3.0]
    fs = [Forecast(article_id=str(i), who=f"机构{i}", indicator="GDP", region="CN", period="2026",
                   value=v, figure=f"{v}%") for i, v in enumerate(vals)]
    (g,) = group_forecasts(fs)
    assert (g.low, g.high, g.median) == (3.0, 4.8, 4.6)
    assert [f.value for f in g.outliers] == [3.0]


def test_post_shows_consensus_of_a_day_and_stays_lint_clean():
    from pathlib import Path

    from macrodesk.digest import make_post
    from macrodesk.readers import read_article

    truth = Path(__file__).parent / "views_truth" / "articles"
    arts = [read_article(truth / "742.md"), read_article(truth / "803.md")]
    res = make_post(arts, date="2025-12-24", allow_short=True)
    assert "> **观点对照**" in res.post.text
    block = [ln for ln in res.post.text.splitlines() if ln.startswith("> - GDP")]
    assert block and "大摩" in block[0] and "4.8%" in block[0] and "巴克莱" in block[0]
    assert res.findings == [], [str(f) for f in res.findings]


# -- ledger


def test_ledger_scores_tariff_rate_against_bundled_census_series():
    from macrodesk.trade.data import load_monthly_totals
    from macrodesk.views.extract import Forecast
    from macrodesk.views.ledger import bundled_actuals, score_forecasts

    t = load_monthly_totals().set_index("period")
    june = 100 * t.loc["2025-06", "cal_dut_mo"] / t.loc["2025-06", "con_val_mo"]
    may = 100 * t.loc["2025-05", "cal_dut_mo"] / t.loc["2025-05", "con_val_mo"]
    f = Forecast(article_id="x", who="甲", indicator="us_tariff_rate", region="US", period="2025-06",
                 value=15.0, unit="%", direction="up", published="2025-06-10")
    g = f.model_copy(update={"who": "乙", "value": None, "low": 8.0, "high": 10.0})
    led = score_forecasts([f, g], bundled_actuals(), today=date(2026, 1, 1))
    a, b = led.scores
    assert a.actual == pytest.approx(june, abs=1e-3) and a.error == pytest.approx(june - 15.0, abs=1e-3)
    assert a.baseline == pytest.approx(may, abs=1e-3)
    assert b.hit == (8.0 <= june <= 10.0)
    assert {r.source: r.count for r in led.sources} == {"甲": 1, "乙": 1}


def test_ledger_user_csv_directions_pending_and_prices(tmp_path):
    from macrodesk.views.extract import Forecast
    from macrodesk.views.ledger import read_series_csv, score_forecasts

    (tmp_path / "a.csv").write_text("date,series,value\n2025-11-30,CN:CPI,0.7\n2025-12-31,CN:CPI,0.8\n"
                                    "2026-01-31,CN:CPI,0.2\n", encoding="utf-8")
    actuals = read_series_csv(tmp_path / "a.csv")
    down = Forecast(article_id="x", who="author", source="甲报", indicator="CPI", region="CN",
                    period="2026-01", direction="down", published="2025-12-20")
    up = down.model_copy(update={"direction": "up", "source": "乙报"})
    later = down.model_copy(update={"period": "2026-06"})
    led = score_forecasts([down, up, later], actuals, today=date(2026, 3, 1))
    assert [s.hit for s in led.scores] == [True, False] and led.pending == 1
    rec = {r.source: r.hit_rate for r in led.sources}
    assert rec == {"甲报": 1.0, "乙报": 0.0}
    # a sector call: 1-month return beside the index decides the hit
    rows = ["date,series,value"]
    for i, (p, q) in enumerate([(1.0, 1.0), (1.1, 1.0), (1.2, 1.01), (1.3, 1.02)]):
        d = (date(2025, 1, 2) + timedelta(days=[0, 7, 30, 91][i])).isoformat()
        rows += [f"{d},semiconductors,{p}", f"{d},000300,{q}"]
    (tmp_path / "p.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    call = Forecast(article_id="y", who="author", indicator="sector:semiconductors", direction="up",
                    published="2025-01-02")
    led = score_forecasts([call], {}, prices=read_series_csv(tmp_path / "p.csv"))
    (s,) = led.scores
    assert s.hit is True and s.returns["1m"] == pytest.approx(100 * (1.2 - 1.01), abs=1e-3)


def test_ledger_rejects_a_csv_without_the_columns(tmp_path):
    from macrodesk.errors import InputError
    from macrodesk.views.ledger import read_series_csv

    (tmp_path / "b.csv").write_text("day,val\n2025-01-01,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="date, series, value"):
        read_series_csv(tmp_path / "b.csv")


def test_views_and_ledger_commands_read_the_archive(tmp_path, monkeypatch):
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from macrodesk.cli import app

    monkeypatch.setenv("MACRODESK_HOME", str(tmp_path))
    runner = CliRunner()
    fresh = runner.invoke(app, ["views", "GDP"])
    assert fresh.exit_code == 2 and "no archive yet" in fresh.output
    articles = Path(__file__).parent / "views_truth" / "articles"
    assert runner.invoke(app, ["ingest", "-q", str(articles / "742.md")]).exit_code == 0
    got = runner.invoke(app, ["views", "GDP", "--json"])
    assert got.exit_code == 0, got.output
    rows = json.loads(got.output)
    figures = json.dumps(rows, ensure_ascii=False)
    assert "大摩" in figures and "4.8" in figures
    assert runner.invoke(app, ["ledger", "--json"]).exit_code == 0


# -- round 2: sentences from the corpus that the first rules got wrong


def test_region_comes_from_the_institution_and_bracketed_names_pair_in_order():
    got = fc("主要经济预测模型（亚特兰大联储、纽约联储）下调Q2 GDP增速预期至3.4%和1.91%。",
             date(2025, 6, 23))
    assert {(f.who, f.indicator, f.region, f.period, f.value) for f in got} == {
        ("亚特兰大联储", "GDP", "US", "2025Q2", 3.4), ("纽约联储", "GDP", "US", "2025Q2", 1.91)}
    (dots,) = fc("点阵图显示年内降息预期仍为2次。", date(2025, 6, 23))
    assert (dots.who, dots.indicator, dots.region) == ("美联储点阵图", "fed_funds_rate", "US")


def test_a_bracket_of_institutions_after_the_figure_holds_it():
    got = fc("多数机构认为，2026年中国实际GDP增速4.5%左右（小摩、德银、瑞银、OECD、IMF）。",
             date(2025, 12, 24))
    assert {f.who for f in got} == {"小摩", "德银", "瑞银", "OECD", "IMF"}
    assert {(f.indicator, f.region, f.value) for f in got} == {("GDP", "CN", 4.5)}


@pytest.mark.parametrize("text,published,want", [
    ("下半年视去通胀进度重启降息1-2次", date(2026, 1, 21), (None, 1.0, 2.0, "次")),
    ("英国央行鸽派信号显著，市场押注年内再降息2次", date(2025, 6, 23), (2.0, None, None, "次")),
    ("市场押注年内再降息两次", date(2025, 6, 23), (2.0, None, None, "次")),
])
def test_counted_moves_are_read(text, published, want):
    got = [f for f in fc(text, published) if f.unit == "次"]
    assert [(f.value, f.low, f.high, f.unit) for f in got] == [want]
    assert got[0].direction == "down"


def test_the_british_bank_is_not_the_pboc():
    (boe,) = fc("英国央行鸽派信号显著，市场押注年内再降息2次。", date(2025, 6, 23))
    assert (boe.indicator, boe.region, boe.who) == ("boe_rate", "UK", "市场")
    (boj,) = fc("日本春斗涨薪5.25%未达目标，或制约央行加息空间。", date(2025, 7, 6))
    assert (boj.indicator, boj.region) == ("boj_rate", "JP")


def test_credit_vocabulary_pairs_names_and_figures_in_order():
    got = fc("预计1月新增人民币贷款和新增社会融资规模分别达到4.9万亿元和7.1万亿元，"
             "对应的人民贷款余额及社融存量同比增速或小幅回落至6.2%和8.2%。", date(2026, 2, 6))
    assert {(f.indicator, f.value, f.unit) for f in got} == {
        ("new_rmb_loans", 4.9, "万亿元"), ("tsf_flow", 7.1, "万亿元"),
        ("loan_growth", 6.2, "%"), ("tsf_stock_growth", 8.2, "%")}
    assert {f.period for f in got} == {"2026-01"}
    got = fc("M1与M2同比增速预计小幅回升至6%和8.7%。", date(2026, 2, 6))
    assert {(f.indicator, f.value, f.direction) for f in got} == {("M1", 6.0, "up"), ("M2", 8.7, "up")}


def test_the_period_nearest_the_indicator_and_drags_keep_their_sign():
    (m1,) = fc("今年春节偏晚或使1月M1同比增速提高约3至4个百分点。", date(2026, 2, 6))
    assert (m1.period, m1.low, m1.high) == ("2026-01", 3.0, 4.0)
    (ex,) = fc("但对3月出口同比增速的拖累可能达约13个百分点。", date(2026, 2, 6))
    assert (ex.period, ex.value) == ("2026-03", -13.0)
    assert resolve_period("谨慎者（瑞银）认为PPI可能要到2026年末", date(2025, 12, 24)) == "2026Q4"
    # in July, 上半年 is the half just over, whose figures are data
    assert fc("基建：上半年铁路固定资产投资 3559 亿元（同比 + 5.5%），投产新线 301 公里。",
              date(2025, 7, 16)) == []


@pytest.mark.parametrize("text,published", [
    ("通胀：6月CPI同比2.7%（符合预期），PPI同比2.3%（略低），关税影响初步显现但幅度温和。", date(2025, 7, 20)),
    ("市场对美联储年内降息预期升温致美元指数短时回落", date(2025, 6, 12)),
    ("2026 年呈现 “内需平稳、出口增长” 格局，内销预计同比下降 2%，出口预计同比增长 14%，"
     "整体销量约 3041 万辆，同比增长 1.2%；", date(2025, 12, 10)),
    ("2025 年预计国际奶价上行（东南亚需求支撑），国内进口量或再降 5%-8%。", date(2025, 6, 1)),
])
def test_data_noun_expectations_and_products_are_not_macro_forecasts(text, published):
    got = fc(text, published)
    assert not [f for f in got if f.indicator in ("CPI", "PPI", "dxy", "exports", "imports")], got


def test_or_as_alternative_and_past_tense_jiang_are_not_forward_words():
    assert fc("跨省跨区输电价格校核周期调整并新增探索两部制或单一容量制输电价格等，监审办法总体框架未变。",
              date(2025, 6, 1)) == []
    assert fc("我国已将商业航天提升至 “航天强国” 战略高度，政策持续加码。", date(2025, 9, 1)) == []


def test_tracking_lists_and_picks_are_not_calls_or_forecasters():
    assert fc("零部件类核心关注个股跟踪汇总：包括拓普集团、福耀玻璃、新泉股份等公司的本周核心变化及说明。",
              date(2025, 8, 11)) == []
    got = fc("证券板块推荐关注中金公司（3908 HK/买入）和中信证券（6030 HK/买入）；", date(2026, 6, 9))
    assert got and {f.who for f in got} == {"author"}


def test_a_paragraph_goes_on_in_its_speakers_name_and_the_title_sets_the_economy():
    from macrodesk.models import Article
    from macrodesk.views.extract import article_forecasts

    sents = [Sentence(id="a:0.0", text="美银预计2026年中国GDP增速4.7%。", paragraph=0, section="观点分歧"),
             Sentence(id="a:0.1", text="预计地产投资降幅收窄。", paragraph=0, section="观点分歧"),
             Sentence(id="a:1.0", text="我们认为下半年通胀或回落。", paragraph=1, section="观点分歧")]
    art = Article(id="a", title="2026美国通胀展望", text="", sentences=sents,
                  published=datetime(2026, 1, 21, tzinfo=BJ))
    got = {(f.who, f.indicator, f.region) for f in article_forecasts(art)}
    assert ("美银", "property_investment", "CN") in got
    assert ("author", "CPI", "US") in got


def test_a_decade_is_no_period():
    assert resolve_period("类似日本 90 年代泡沫破裂后低迷", date(2025, 5, 29)) is None
    assert resolve_period("26 年起交换芯片开启二次成长", date(2026, 5, 22)) == "2026"
