"""Shared fixtures: a private MACRODESK_HOME per test, and paths to the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "macrodesk" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "macrodesk-home"
    monkeypatch.setenv("MACRODESK_HOME", str(home))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MACRODESK_CONFIG", "MACRODESK_ENGINE"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def hooks():
    """A local webhook server (tests/test_deliver.Hooks) for the delivery and daily tests."""
    from .test_deliver import Hooks

    h = Hooks()
    yield h
    h.server.shutdown()
    h.server.server_close()


@pytest.fixture
def allow_local_fetch(monkeypatch):
    """Fetching refuses internal addresses; tests that serve pages on 127.0.0.1 allow it, as a
    user would in the config's [fetch] allow_hosts."""
    monkeypatch.setenv("MACRODESK_FETCH_ALLOW", "127.0.0.1,localhost")
