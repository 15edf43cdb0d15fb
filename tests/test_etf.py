"""Tests of the verified ETF registry: well-formed unique codes, tags from the taxonomy, every
theme covered in both markets, purity ordering, theme matching and the `macrodesk etf` command."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest
from typer.testing import CliRunner

from macrodesk.cli import app
from macrodesk.errors import DataError
from macrodesk.etf import CN_CODE, US_CODE, _parse, etfs_for_theme, lookup, registry, serves
from macrodesk.lexicon import find_themes, themes

runner = CliRunner()


def raw_rows() -> list[dict[str, str]]:
    text = resources.files("macrodesk").joinpath("data/etf_registry.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_every_code_well_formed_and_unique():
    rows = raw_rows()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert r["market"] in ("cn", "us")
        pattern = CN_CODE if r["market"] == "cn" else US_CODE
        assert pattern.match(r["code"]), r["code"]
        if r["market"] == "cn":
            assert r["code"][:2] in ("51", "56", "58", "15")
            assert r["exchange"] == ("SZSE" if r["code"].startswith("15") else "SSE")
        for col in ("name", "index", "asset_class", "source", "as_of", "exchange"):
            assert r[col].strip(), (r["code"], col)
        assert r["asset_class"] in ("equity", "bond", "commodity")
    assert sum(r["market"] == "cn" for r in rows) >= 150
    assert sum(r["market"] == "us" for r in rows) >= 100


def test_every_theme_tag_is_in_the_taxonomy():
    taxonomy = themes()
    for r in raw_rows():
        tags = r["themes"].split(";")
        assert tags and all(t in taxonomy for t in tags), r["code"]
        assert len(tags) == len(set(tags))


def test_every_theme_has_a_china_and_a_us_fund_unless_the_taxonomy_says_none_exists():
    for key, theme in themes().items():
        for market in ("cn", "us"):
            funds = etfs_for_theme(key, market)
            if market in theme.no_fund:
                assert funds == [], f"{key} says no {market} fund but the registry has {funds[0].code}"
            else:
                assert funds, f"no {market} fund for theme {key}"
    # the taxonomy admits a missing market only for a handful of themes, never for both markets
    # of a real sector the issue names
    assert {k for k, t in themes().items() if t.no_fund} <= {
        "textiles_apparel", "export_chain", "coal", "consumer_electronics"}


def test_lookup_and_known_funds():
    assert lookup("iwp").code == "IWP" and lookup("IWP").is_broad
    assert lookup("ITOT").is_broad
    assert lookup("159337").is_broad and "中证500" in lookup("159337").index
    assert lookup("560330").is_broad and "沪深300价值" in lookup("560330").name
    assert lookup("159890").themes == ("software",)
    assert lookup("515880").themes[0] == "communication_equipment"
    assert lookup("512400").themes[0] == "nonferrous_metals"
    assert "semiconductors" in lookup("SOXX").themes
    assert lookup("VCR").themes == ("consumer_discretionary",)
    assert lookup("999999") is None and lookup("NOPE") is None


def test_etfs_for_theme_purest_first():
    for key in themes():
        funds = etfs_for_theme(key)
        ranks = [f.themes.index(key) for f in funds]
        assert ranks == sorted(ranks), key
    first = etfs_for_theme("semiconductor_equipment", "cn")[0]
    assert first.themes[0] == "semiconductor_equipment" and "半导体材料设备" in first.name
    assert etfs_for_theme("solar", "cn")[0].code == "515790"
    assert all(f.market == "us" for f in etfs_for_theme("gold", "us"))
    with pytest.raises(DataError):
        etfs_for_theme("no_such_theme")


def test_serves():
    assert not serves(("broad_market",), {"communication_equipment"})
    assert serves(("broad_market",), {"broad_market"})
    assert serves(("semiconductors",), {"semiconductor_equipment"})  # a wider fund for a narrower row
    assert serves(("solar",), {"clean_energy"})  # a narrower fund for a wider row
    assert not serves(("wind",), {"solar"})  # siblings do not count
    assert not serves(("software",), set())


def test_registry_loader_rejects_bad_rows():
    head = "code,market,exchange,name,short_name,index,asset_class,themes,source,as_of\n"
    good = "515880,cn,SSE,国泰中证全指通信设备ETF,,中证全指通信设备指数,equity,communication_equipment,x,2025-08-05\n"
    assert list(_parse(head + good, "t")) == ["515880"]
    for bad in (good + good, good.replace("515880", "5158800"), good.replace("communication_equipment", "telecoms"),
                good.replace(",cn,", ",us,")):
        with pytest.raises(DataError):
            _parse(head + bad, "t")
    with pytest.raises(DataError):
        _parse("code,name\n515880,x\n", "t")
    assert len(registry()) == len(raw_rows())


def test_lexicon_terms_the_issue_names():
    for term, theme in (("AI服务器", "ai_computing"), ("算力", "ai_computing"), ("光模块", "communication_equipment"),
                        ("半导体设备", "semiconductor_equipment"), ("光伏组件", "solar"), ("储能", "energy_storage"),
                        ("电网", "power_grid"), ("工程机械", "machinery"), ("工业母机", "machinery"),
                        ("家具", "home_furnishing"), ("鞋靴", "textiles_apparel"), ("纺织", "textiles_apparel")):
        assert [h.theme for h in find_themes(f"看好{term}板块")] == [theme], term


def test_etf_command():
    code = runner.invoke(app, ["etf", "515880"])
    assert code.exit_code == 0 and "国泰中证全指通信设备ETF" in code.output
    theme = runner.invoke(app, ["etf", "光伏", "--market", "cn"])
    assert theme.exit_code == 0 and "515790" in theme.output and "SOXX" not in theme.output
    assert runner.invoke(app, ["etf", "solar", "-m", "us"]).output.count("TAN") >= 1
    listing = runner.invoke(app, ["etf"])
    assert listing.exit_code == 0 and "semiconductors" in listing.output
    assert runner.invoke(app, ["etf", "无此主题xyz"]).exit_code == 1
    assert runner.invoke(app, ["etf", "textiles_apparel"]).exit_code == 1
    assert runner.invoke(app, ["etf", "solar", "-m", "jp"]).exit_code == 2
