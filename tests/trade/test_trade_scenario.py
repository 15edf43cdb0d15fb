"""Scenario stacking: a hand-computable table, the stacking rules, and the shipped files."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.errors import DataError
from macrodesk.trade import list_scenarios, load_scenario, run_scenario
from macrodesk.trade.scenario import Scenario

# four cells, $500 of imports, $9 of duties: base rate 1.8%
W = pd.DataFrame({
    "hs10": ["0101000000", "8541000000", "0101000000", "7403000000"],
    "partner": ["5700", "5700", "0003", "0003"],
    "imports": [100.0, 100.0, 200.0, 100.0],
    "duty": [5.0, 0.0, 4.0, 0.0],
})

HAND = {
    "name": "hand",
    "exemption": [{"hs": ["8541"], "applies_to": ["reciprocal"]}],
    "line": [
        {"name": "CN 10%", "partners": ["CN"], "rate": 10},
        {"name": "EU 15% all-in", "partners": ["EU"], "rate": 15, "stack": "floor"},
        {"name": "copper 50%", "group": "sectoral", "hs": ["74"], "rate": 50,
         "stack": "replace"},
    ],
}


def test_hand_computed_scenario():
    r = run_scenario(Scenario.model_validate(HAND), W)
    # CN 10% reaches only the first cell (8541 exempt): 100*10% = 10 -> 10/500 = 2.0pp
    # EU floor: cell 3 from 2% to 15% -> 200*13% = 26 -> 5.2pp; cell 4 from 0 to 15% but
    # copper then replaces it with 50% -> 100*50% = 50 -> 10.0pp, floor keeps 0 there
    contrib = {ln.name: ln.contribution_pp for ln in r.lines}
    assert contrib == pytest.approx({"CN 10%": 2.0, "EU 15% all-in": 5.2, "copper 50%": 10.0})
    assert r.base_rate_pct == pytest.approx(1.8)
    assert r.scenario_rate_pct == pytest.approx(19.0)  # (15 + 0 + 30 + 50) / 500
    assert r.change_pp == pytest.approx(17.2)
    cov = {ln.name: ln.covered_imports for ln in r.lines}
    assert cov == {"CN 10%": 100.0, "EU 15% all-in": 300.0, "copper 50%": 100.0}
    bp = r.by_partner.set_index("partner")
    assert bp.loc["5700", "scenario_rate_pct"] == pytest.approx(7.5)  # 15/200
    assert bp.loc["0003", "scenario_rate_pct"] == pytest.approx(80 / 300 * 100)  # (4 + 26 + 0 + 50) / 300
    assert bp["contribution_pp"].sum() == pytest.approx(17.2)


def test_add_instead_of_replace_stacks():
    spec = {**HAND, "line": [*HAND["line"][:2], {**HAND["line"][2], "stack": "add"}]}
    r = run_scenario(Scenario.model_validate(spec), W)
    contrib = {ln.name: ln.contribution_pp for ln in r.lines}
    # now the EU floor keeps its 15% on the copper cell and copper adds 50% on top
    assert contrib["EU 15% all-in"] == pytest.approx((26 + 15) / 5)
    assert contrib["copper 50%"] == pytest.approx(10.0)


def test_floor_never_lowers_and_coverage_scales():
    spec = {"name": "f", "line": [
        {"name": "floor 3%", "partners": ["*"], "rate": 3, "stack": "floor"},
        {"name": "half CN 20%", "partners": ["5700"], "rate": 20, "coverage": 0.5},
    ]}
    r = run_scenario(Scenario.model_validate(spec), W)
    # floor 3%: cell1 already 5% -> 0; cell2 0->3 (3); cell3 2->3 (2); cell4 0->3 (3): 8/500
    assert r.lines[0].contribution_pp == pytest.approx(1.6)
    # 20% on half of China's $200: 20 -> 4pp
    assert r.lines[1].contribution_pp == pytest.approx(4.0)


def test_replace_only_named_groups():
    spec = {"name": "g", "line": [
        {"name": "recip", "partners": ["EU"], "rate": 10},
        {"name": "penalty", "group": "ieepa", "partners": ["EU"], "rate": 5},
        {"name": "copper", "group": "sectoral", "hs": ["7403"], "rate": 50, "stack": "replace",
         "replaces": ["reciprocal"]},
    ]}
    r = run_scenario(Scenario.model_validate(spec), W)
    c = {ln.name: ln.contribution_pp for ln in r.lines}
    assert c["recip"] == pytest.approx(200 * 0.10 / 5)  # copper cell's 10% dropped
    assert c["penalty"] == pytest.approx(300 * 0.05 / 5)  # ieepa kept on the copper cell
    assert c["copper"] == pytest.approx(10.0)


def test_shipped_august_2025_scenario():
    names = {p.stem for p in list_scenarios()}
    assert {"reciprocal_2025_08", "sectoral_2025"} <= names
    r = run_scenario("reciprocal_2025_08")
    assert r.base_rate_pct == pytest.approx(2.357, abs=0.001)  # 2024 duties / imports, 50 partners
    assert sum(ln.contribution_pp for ln in r.lines) == pytest.approx(r.change_pp)
    assert 5.0 < r.change_pp < 12.0
    by = {ln.name: ln for ln in r.lines}
    eu = next(v for k, v in by.items() if k.startswith("欧盟"))
    assert eu.stack == "floor" and eu.contribution_pp > 1.0
    # Canada and Mexico are outside the reciprocal regime
    bp = r.by_partner.set_index("partner")
    assert bp.loc["1220", "contribution_pp"] == pytest.approx(0.0)
    assert bp.loc["2010", "contribution_pp"] == pytest.approx(0.0)


def test_sectoral_includes_reciprocal_and_replaces():
    rec = run_scenario("reciprocal_2025_08")
    sec = run_scenario("sectoral_2025")
    assert len(sec.lines) == len(rec.lines) + 5
    assert sec.change_pp > rec.change_pp
    # replacing: a reciprocal line loses the cells the sectoral lines take over
    vn_rec = next(ln for ln in rec.lines if ln.name.startswith("越南"))
    vn_sec = next(ln for ln in sec.lines if ln.name.startswith("越南"))
    assert vn_sec.contribution_pp <= vn_rec.contribution_pp


def test_yaml_scenario_and_errors(tmp_path):
    y = tmp_path / "s.yaml"
    y.write_text("name: y\nline:\n  - name: all 10\n    rate: 10\n", encoding="utf-8")
    r = run_scenario(y, W)
    assert r.change_pp == pytest.approx(10.0)
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "b"\n[[line]]\nname = "x"\nrate = 10\npartners = ["ATLANTIS"]\n',
                   encoding="utf-8")
    with pytest.raises(DataError, match="unknown partner 'ATLANTIS'"):
        run_scenario(bad, W)
    bad.write_text('name = "b"\n[[line]]\nname = "x"\nrate = 10\nhs = ["85A"]\n',
                   encoding="utf-8")
    with pytest.raises(DataError, match="line.0.hs") as err:
        load_scenario(bad)
    assert str(bad) in str(err.value)
    with pytest.raises(DataError, match="not found"):
        load_scenario(tmp_path / "missing.toml")
    loop = tmp_path / "loop.toml"
    loop.write_text('name = "l"\ninclude = ["loop.toml"]\n[[line]]\nname="x"\nrate=1\n',
                    encoding="utf-8")
    with pytest.raises(DataError, match="includes itself"):
        load_scenario(loop)
