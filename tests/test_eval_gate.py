"""The evaluation gate: the embedded engine keeps its pinned floors on the evaluation set."""

import json
from pathlib import Path

import pytest

from macrodesk.evaluate import evaluate

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def report():
    return evaluate(EVAL)


@pytest.fixture(scope="module")
def floors():
    return json.loads((EVAL / "eval_baseline.json").read_text("utf-8"))


def test_eval_set_is_large_enough(report):
    assert report.articles >= 12


def test_keypoint_recall_floor(report, floors):
    assert report.keypoint_recall >= floors["keypoint_recall"]


def test_beats_textrank(report, floors):
    assert report.keypoint_recall - report.textrank_recall >= floors["beats_textrank_by"]


def test_every_figure_traced(report, floors):
    untraced = {r["article"]: r["untraced"] for r in report.per_article if r["untraced"]}
    assert report.traceability >= floors["traceability"], untraced


def test_structure_conforms(report, floors):
    bad = {r["article"]: r["structure"] for r in report.per_article if r["structure"]}
    assert report.structure_ok >= floors["structure_ok"], bad


def test_no_duplicate_items(report, floors):
    dup = {r["article"]: r["duplicates"] for r in report.per_article if r["duplicates"]}
    assert report.duplicate_free >= floors["duplicate_free"], dup


def test_heldout_recall_floor(report, floors):
    """With the author's core-view section removed, the key points must still be found in the
    body more often than the floor."""
    assert report.heldout_recall >= floors["heldout_recall"]


# ---- the gold set: 42 articles with hand-made key points, sector stances and risks ---------------

@pytest.fixture(scope="module")
def gold():
    from macrodesk.evaluate import evaluate_gold

    return evaluate_gold(EVAL)


@pytest.fixture(scope="module")
def gold_floors(floors):
    return floors["gold"]


def test_gold_set_is_large_and_varied(gold, gold_floors):
    data = json.loads((EVAL / "gold.json").read_text("utf-8"))
    assert gold.articles >= gold_floors["articles"]
    assert sum(not v["has_core_section"] for v in data.values()) >= gold_floors["no_core_articles"]
    assert sum(v["style"] != "corpus" for v in data.values()) >= 5


def test_gold_keypoint_recall(gold, gold_floors):
    assert gold.keypoint_recall >= gold_floors["keypoint_recall"]
    assert gold.keypoint_recall_no_core >= gold_floors["keypoint_recall_no_core"]


def test_gold_beats_textrank_without_a_core_section(gold, gold_floors):
    from macrodesk.evaluate import evaluate_gold

    base = evaluate_gold(EVAL, "textrank")
    assert gold.keypoint_recall_no_core - base.keypoint_recall_no_core >= gold_floors["beats_textrank_no_core_by"]


def test_gold_sector_rows(gold, gold_floors):
    wrong = {r["article"]: r["sector_rows"] for r in gold.per_article if r["sectors"]["wrong_direction"]}
    assert gold.sector_precision >= gold_floors["sector_precision"]
    assert gold.wrong_direction <= gold_floors["max_wrong_direction"], wrong


def test_gold_risks(gold, gold_floors):
    assert gold.risk_precision >= gold_floors["risk_precision"]


def test_gold_items_stand_alone_and_no_glued_figures(gold, gold_floors):
    assert gold.items_standalone >= gold_floors["items_standalone"]
    assert gold.glued_figures <= gold_floors["max_glued_figures"]


def test_gold_traceability_and_structure(gold, gold_floors):
    assert gold.traceability >= gold_floors["traceability"]
    bad = {r["article"]: r["structure"] for r in gold.per_article if r["structure"]}
    assert gold.structure_ok >= gold_floors["structure_ok"], bad
