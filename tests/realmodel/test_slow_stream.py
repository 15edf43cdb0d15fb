"""The five-minute variant of the slow-server test (the unit test streams a few dozen tokens):
a local server that streams a token every second for five minutes, with the default settings of
a local endpoint. Before streaming, the client waited 60 s for the whole answer and gave up."""

from __future__ import annotations

import json
import time

import pytest

from macrodesk.engines import get_engine
from macrodesk.readers import read_article
from tests.test_llm_stream import FIX, GOOD, Stream, StreamServer, config

pytestmark = pytest.mark.realmodel


@pytest.mark.timeout(600)
def test_a_token_every_second_for_five_minutes_completes():
    article = read_article(FIX / "us_core_cpi_147.md")
    with StreamServer([Stream(GOOD, pieces=300, interval=1.0)]) as srv:
        engine = get_engine("llm", config(srv.url))  # 127.0.0.1: the local defaults
        t0 = time.monotonic()
        d = engine.digest([article])
        took = time.monotonic() - t0
    assert took >= 290
    assert len(srv.requests) == 1 and d.engine == "llm"
    assert d.headline == json.loads(GOOD)["headline"]
    assert engine.usage.failed == 0
