"""The ledger of calls: stored forecasts whose target period has passed, scored against what
happened: US tariff rate, imports and inventories from the bundled public series, any other
indicator from a user CSV (date, series, value), sector calls from a price CSV."""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from macrodesk.errors import InputError
from macrodesk.views.consensus import point
from macrodesk.views.extract import Forecast, period_end, period_months

FLAT_BAND = 0.1  # |change| within this share of the baseline's size (or 0.1 in absolute) is flat
HORIZONS = {"1w": 7, "1m": 30, "3m": 91}


@dataclass
class Score:
    """One scored call: the actual value of its period, its error when it gave a figure, its
    hit when it gave a direction, a range or a bound."""

    forecast: Forecast
    series: str
    actual: float | None = None
    baseline: float | None = None  # the actual of the same span before the period, for directions
    error: float | None = None  # actual - forecast (0 inside a stated range)
    hit: bool | None = None
    returns: dict[str, float] = field(default_factory=dict)  # sector calls: excess return by horizon
    note: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["forecast"] = self.forecast.model_dump()
        return d


@dataclass
class SourceRecord:
    source: str
    count: int = 0
    hits: int = 0
    judged: int = 0  # calls with a hit or miss
    errors: list[float] = field(default_factory=list)

    @property
    def hit_rate(self) -> float | None:
        return self.hits / self.judged if self.judged else None

    @property
    def mae(self) -> float | None:
        return statistics.fmean(abs(e) for e in self.errors) if self.errors else None

    def to_dict(self) -> dict:
        return {"source": self.source, "count": self.count, "judged": self.judged,
                "hit_rate": self.hit_rate, "mae": self.mae}


@dataclass
class Ledger:
    scores: list[Score]
    sources: list[SourceRecord]
    pending: int = 0  # forecasts whose period has not passed or has no actual series yet

    def to_dict(self) -> dict:
        return {"scores": [s.to_dict() for s in self.scores],
                "sources": [s.to_dict() for s in self.sources], "pending": self.pending}


# -- actual series: {series name: {YYYY-MM or YYYY-MM-DD: value}}


def bundled_actuals() -> dict[str, dict[str, float]]:
    """The US series bundled with macrodesk (data/trade, Census/Treasury/FRED):
    US:us_tariff_rate (calculated duties / consumption imports, %, Treasury receipts before 2025),
    US:imports (year-on-year change of Census imports, %), US:us_inventory_ratio (FRED ISRATIO)."""
    from macrodesk.trade.data import load_fred_csv, load_monthly_totals, load_revenue

    rev = load_revenue().dropna()
    totals = load_monthly_totals()
    rate = {r.period: 100.0 * r.duties / r.imports for r in rev.itertuples() if r.imports}
    rate.update({r.period: 100.0 * r.cal_dut_mo / r.con_val_mo for r in totals.itertuples()})
    imports = {r.period: float(r.imports) for r in rev.itertuples()}
    yoy = {p: 100.0 * (v / imports[_year_ago(p)] - 1) for p, v in imports.items() if imports.get(_year_ago(p))}
    con = {r.period: float(r.con_val_mo) for r in totals.itertuples()}
    for p, v in con.items():  # months after the Treasury file: consumption imports on themselves
        if p not in yoy and con.get(_year_ago(p)):
            yoy[p] = 100.0 * (v / con[_year_ago(p)] - 1)
    ratio = load_fred_csv()
    inv = {str(k)[:7]: float(v) for k, v in ratio.items()}
    return {"US:us_tariff_rate": rate, "US:imports": yoy, "US:us_inventory_ratio": inv}


def _year_ago(month: str) -> str:
    return f"{int(month[:4]) - 1}{month[4:]}"


def read_series_csv(path: str | Path) -> dict[str, dict[str, float]]:
    """A user CSV with columns date, series, value (any other columns ignored): actual data of
    any indicator (series named like the indicator key, optionally REGION:key), or prices."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"cannot read {exc.strerror}", source=str(p)) from exc
    if not rows or not {"date", "series", "value"} <= set(rows[0]):
        raise InputError("the CSV needs the columns date, series, value", source=str(p),
                         hint="one row per observation, e.g. 2026-01-31,CN:CPI,0.2")
    out: dict[str, dict[str, float]] = {}
    for i, r in enumerate(rows, 2):
        try:
            out.setdefault(r["series"].strip(), {})[r["date"].strip()] = float(r["value"])
        except (TypeError, ValueError) as exc:
            raise InputError(f"line {i}: value {r.get('value')!r} is not a number", source=str(p)) from exc
    return out


def _monthly(series: dict[str, float]) -> dict[str, float]:
    """Daily or monthly observations as one value per month (the month's last)."""
    out: dict[str, float] = {}
    for k in sorted(series):
        out[k[:7]] = series[k]
    return out


def _series_for(f: Forecast, actuals: dict[str, dict[str, float]]) -> str | None:
    for name in (f"{f.region}:{f.indicator}", f.indicator):
        if name in actuals:
            return name
    return None


def _judge(f: Forecast, actual: float, baseline: float | None) -> tuple[float | None, bool | None, str]:
    """(error, hit, note) of one forecast against its period's actual value."""
    error = hit = None
    note = ""
    if f.value is not None and f.unit in ("%", ""):
        error = actual - f.value
    elif f.low is not None and f.high is not None:
        error = 0.0 if f.low <= actual <= f.high else (actual - f.high if actual > f.high else actual - f.low)
        hit = error == 0.0
        note = "range"
    elif f.low is not None:
        hit = actual >= f.low
        note = "bound"
    elif f.high is not None:
        hit = actual <= f.high
        note = "bound"
    if f.direction and baseline is not None and hit is None:
        change = actual - baseline
        band = max(FLAT_BAND * abs(baseline), 0.1) if f.direction == "flat" else 0.0
        moved = "flat" if abs(change) <= band else ("up" if change > 0 else "down")
        hit = moved == f.direction
        note = note or f"direction {f.direction}, actual {moved}"
    return error, hit, note


def score_forecasts(forecasts: Iterable[Forecast], actuals: dict[str, dict[str, float]], *,
                    prices: dict[str, dict[str, float]] | None = None, index: str = "000300",
                    today: date | None = None) -> Ledger:
    """Score each forecast whose target period has ended (by `today`) against `actuals`; sector
    calls against `prices` (excess return over `index` 1 week, 1 month and 3 months after
    publication; the 1-month excess decides the hit). Forecasts with no period, no series or
    no data yet count as pending."""
    today = today or date.today()
    monthly = {k: _monthly(v) for k, v in actuals.items()}
    scores: list[Score] = []
    pending = 0
    for f in forecasts:
        if f.indicator.startswith("sector:"):
            s = _score_call(f, prices or {}, index)
            if s:
                scores.append(s)
            else:
                pending += 1
            continue
        name = _series_for(f, monthly)
        if not name or not f.period or period_end(f.period) >= today:
            pending += 1
            continue
        ser = monthly[name]
        months = period_months(f.period)
        if not all(m in ser for m in months):
            pending += 1
            continue
        actual = statistics.fmean(ser[m] for m in months)
        # the baseline of a direction: as many months as the period has, ending before both the
        # period and the publication (a year's call is judged against the year before it)
        cut = min(months[0], f.published[:7])
        before = [m for m in sorted(ser) if m < cut][-len(months):]
        baseline = statistics.fmean(ser[m] for m in before) if len(before) == len(months) else None
        if point(f) is None and not f.direction:
            pending += 1
            continue
        error, hit, note = _judge(f, actual, baseline)
        if error is None and hit is None:
            pending += 1
            continue
        scores.append(Score(f, name, round(actual, 4), None if baseline is None else round(baseline, 4),
                            None if error is None else round(error, 4), hit, note=note))
    return Ledger(scores, per_source(scores), pending)


def _price_at(ser: dict[str, float], day: date) -> float | None:
    later = [k for k in sorted(ser) if k >= day.isoformat()]
    return ser[later[0]] if later else None


def _score_call(f: Forecast, prices: dict[str, dict[str, float]], index: str) -> Score | None:
    from macrodesk.etf import etfs_for_theme

    theme = f.indicator.split(":", 1)[1]
    names = [theme] + [fund.code for fund in etfs_for_theme(theme)]
    name = next((n for n in names if n in prices), None)
    if not name or index not in prices or not f.published or not f.direction:
        return None
    start = date.fromisoformat(f.published)
    p0, i0 = _price_at(prices[name], start), _price_at(prices[index], start)
    if not p0 or not i0:
        return None
    out: dict[str, float] = {}
    for h, days in HORIZONS.items():
        p1, i1 = _price_at(prices[name], start + timedelta(days=days)), _price_at(prices[index], start + timedelta(days=days))
        if p1 and i1:
            out[h] = round(100 * ((p1 / p0) - (i1 / i0)), 3)
    if "1m" not in out:
        return None
    hit = out["1m"] > 0 if f.direction == "up" else out["1m"] < 0 if f.direction == "down" else None
    return Score(f, name, returns=out, hit=hit, note=f"excess return over {index}, %")


def source_name(f: Forecast) -> str:
    """The forecaster: the institution named, else the article (its source and title)."""
    return f.who if f.who != "author" else (f.source or f.article_id)


def per_source(scores: list[Score]) -> list[SourceRecord]:
    recs: dict[str, SourceRecord] = {}
    for s in scores:
        r = recs.setdefault(source_name(s.forecast), SourceRecord(source_name(s.forecast)))
        r.count += 1
        if s.hit is not None:
            r.judged += 1
            r.hits += int(s.hit)
        if s.error is not None:
            r.errors.append(s.error)
    return sorted(recs.values(), key=lambda r: (-r.count, r.source))


def build_ledger(store, *, actuals_csv: str | Path | None = None, prices_csv: str | Path | None = None,
                 index: str = "000300", indicator: str | None = None,
                 today: date | None = None) -> Ledger:
    """The ledger over the archive's stored forecasts: bundled US series, plus the user's."""
    from macrodesk.views.store import load_forecasts

    actuals = bundled_actuals()
    if actuals_csv:
        actuals.update(read_series_csv(actuals_csv))
    prices = read_series_csv(prices_csv) if prices_csv else None
    return score_forecasts(load_forecasts(store.db, indicator), actuals, prices=prices, index=index,
                           today=today)
