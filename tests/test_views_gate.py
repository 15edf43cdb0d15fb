"""Evaluation floors for forecast extraction: recall on the 10 hand-listed reports of
tests/views_truth and precision on the hand-checked samples of 50 (round 1 and round 2, each
drawn and judged after its round's rules). Floors only go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TRUTH = Path(__file__).parent / "views_truth"
RECALL_FLOOR = 0.47  # (article, indicator, period, value-or-direction) found; round 1: 0.32
WHO_FLOOR = 0.40  # ... and attributed to the same forecaster; round 1: 0.23
SAMPLE_FLOORS = {"forecast_ok": 0.76, "who_ok": 0.92, "indicator_ok": 0.70, "period_ok": 0.86,
                 "value_ok": 0.62}
SAMPLE_V2_FLOORS = {"forecast_ok": 0.92, "who_ok": 0.88, "indicator_ok": 0.90, "period_ok": 0.88,
                    "value_ok": 0.78, "region_ok": 0.96}


def _numbers(x) -> list[float]:
    return [v for v in (x["value"], x["low"], x["high"]) if v is not None]


@pytest.fixture(scope="module")
def recall():
    from macrodesk.readers import read_article
    from macrodesk.views.extract import article_forecasts

    truth = json.loads((TRUTH / "forecasts.json").read_text("utf-8"))
    got = {int(p.stem): article_forecasts(read_article(p)) for p in (TRUTH / "articles").glob("*.md")}
    found = who = 0
    for t in truth:
        same = [f for f in got[t["article"]] if f.indicator == t["indicator"] and f.period == t["period"]]
        if _numbers(t):
            ok = [f for f in same if any(abs(a - b) < 1e-6 for a in _numbers(t)
                                         for b in (f.value, f.low, f.high) if b is not None)]
        else:
            ok = [f for f in same if f.direction == t["direction"]]
        found += bool(ok)
        who += any(f.who == t["who"] for f in ok)
    return len(truth), found / len(truth), who / len(truth)


def test_truth_is_the_hand_listed_set(recall):
    assert recall[0] == 134


def test_recall_floor(recall):
    assert recall[1] >= RECALL_FLOOR, recall


def test_who_floor(recall):
    assert recall[2] >= WHO_FLOOR, recall


@pytest.mark.parametrize("name,floors", [("sample_check.json", SAMPLE_FLOORS),
                                         ("sample_check_v2.json", SAMPLE_V2_FLOORS)])
def test_sample_precision_floors(name, floors):
    doc = json.loads((TRUTH / name).read_text("utf-8"))
    items = doc["items"]
    assert len(items) == 50
    assert len({json.dumps(x["extracted"], sort_keys=True, ensure_ascii=False) for x in items}) == 50
    for key, floor in floors.items():
        got = sum(x[key] for x in items) / len(items)
        assert got == pytest.approx(doc["precision"][key], abs=1e-3)
        assert got >= floor, (key, got)
