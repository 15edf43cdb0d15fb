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
