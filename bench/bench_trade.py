"""Benchmark: effective tariff rate by partner x chapter over 5 million synthetic HS10 x partner x
month rows built from the real 2024 weights (target: under 2 s). Also times scenario stacking.

Run: .venv/bin/python bench/bench_trade.py [rows]
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
import pandas as pd

from macrodesk.trade import etr_by, load_weights, run_scenario


def synthesise(rows: int, seed: int = 0) -> pd.DataFrame:
    """Repeat each real 2024 HS10 x partner cell month after month (imports = annual / 12 with
    seasonality and noise, duty at the cell's 2024 rate with noise) until `rows` rows."""
    w = load_weights()
    rng = np.random.default_rng(seed)
    months = -(-rows // len(w))
    periods = pd.period_range("2024-01", periods=months, freq="M").astype(str)
    cell = np.tile(np.arange(len(w)), months)[:rows]
    month = np.repeat(np.arange(months), len(w))[:rows]
    season = 1.0 + 0.08 * np.sin(2 * np.pi * (month % 12) / 12)
    base = w["imports"].to_numpy()[cell] / 12.0
    imports = base * season * rng.lognormal(0.0, 0.2, rows)
    rate = np.divide(w["duty"].to_numpy(), w["imports"].to_numpy(),
                     out=np.zeros(len(w)), where=w["imports"].to_numpy() > 0)[cell]
    duty = imports * rate * rng.lognormal(0.0, 0.05, rows)
    hs = pd.Categorical(w["hs10"])
    partner = pd.Categorical(w["partner"])
    return pd.DataFrame({
        "period": pd.Categorical.from_codes(month, categories=periods),
        "hs10": pd.Categorical.from_codes(hs.codes[cell], categories=hs.categories),
        "partner": pd.Categorical.from_codes(partner.codes[cell], categories=partner.categories),
        "imports": imports, "duty": duty,
    })


def timed(fn, repeat: int = 3) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    t0 = time.perf_counter()
    table = synthesise(rows)
    print(f"synthesised {len(table):,} rows ({table['partner'].nunique()} partners, "
          f"{table['hs10'].nunique():,} HS10, {table['period'].nunique()} months) "
          f"in {time.perf_counter() - t0:.2f} s, {table.memory_usage(deep=True).sum() / 1e6:.0f} MB")
    best, med, res = timed(lambda: etr_by(table, ["partner", "chapter"]))
    print(f"ETR by partner x chapter: {len(res):,} groups, best {best:.3f} s, median {med:.3f} s "
          f"(target < 2 s: {'PASS' if best < 2.0 else 'FAIL'})")
    best, med, res = timed(lambda: etr_by(table, ["partner", "chapter", "period"]))
    print(f"ETR by partner x chapter x month: {len(res):,} groups, best {best:.3f} s, "
          f"median {med:.3f} s")
    total = 100 * table["duty"].sum() / table["imports"].sum()
    print(f"overall synthetic rate {total:.3f}% (2024 weights: 2.357%)")
    best, med, res = timed(lambda: run_scenario("sectoral_2025"), repeat=2)
    print(f"scenario sectoral_2025 on 207,148 real cells ({len(res.lines)} lines): best {best:.3f} s,"
          f" change {res.change_pp:+.2f} pp")


if __name__ == "__main__":
    main()
