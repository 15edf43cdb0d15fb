"""Answers a real model wrote, replayed: the raw streams SmolLM2-135M sent through
llama-cpp-python's server in the real-model tier (tests/realmodel, recorded with
MACRODESK_RECORD=1 into tests/fixtures/llm/recorded/<run>/), played back by a local server. The
engine must reach the same outcome as in the real run, and the post must pass the checker."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from macrodesk.digest import make_post
from macrodesk.figures import extract_figures
from macrodesk.readers import read_article
from tests.test_llm_stream import FIX, Stream, StreamServer, config

RUNS = sorted(p for p in (FIX / "recorded").glob("*") if (p / "outcome.json").exists())


def test_there_are_recorded_runs():
    assert RUNS, "no recorded run: make test-realmodel with MACRODESK_RECORD=1"


@pytest.mark.parametrize("run", RUNS, ids=[p.name for p in RUNS])
def test_a_recorded_real_answer_gives_the_same_checked_post(run: Path):
    outcome = json.loads((run / "outcome.json").read_text("utf-8"))
    answers = [json.loads(p.read_text("utf-8")) for p in sorted(run.glob("[0-9]*.json"))]
    article = read_article(FIX / outcome["article"])
    with StreamServer([Stream("", events=a["events"]) for a in answers]) as srv:
        result = make_post([article], date="2025-06-12", engine="llm", config=config(srv.url, model=answers[0]["model"]),
                           now=datetime(2025, 6, 12, 9, 0))
        assert len(srv.requests) == outcome["requests"] == len(answers)
    d = result.digest
    assert d.engine == outcome["engine"]
    # nothing in the real model's answers reached the post unchecked
    assert result.findings == []
    if d.engine == "llm":
        assert (d.usage["facts_kept"], d.usage["facts_replaced"]) == (outcome["kept"],
                                                                     outcome["replaced"])
    else:
        assert outcome["reason"].split(";")[0] in " ".join(d.warnings[0].split())
    # whatever the model wrote, every figure of every fact is in the sentence it cites
    by_id = {s.id: s for s in article.sentences}
    assert len(d.facts) == 10
    for f in d.facts:
        keys = {x.key() for x in by_id[f.sentence_id].figures}
        assert all(x.key() in keys for x in extract_figures(f.text) if x.kind != "date"), f.text
