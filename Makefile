# Everything Python runs inside .venv; `make test` also installs the Debian packages its tests
# drive (scripts/system-deps.sh), so a fresh machine needs only python3, make and, for those,
# root on Debian/Ubuntu.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check-code system-deps bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/macrodesk digest src/macrodesk/samples/2026_china_economy_foreign_views.md -o out/

system-deps:
	@sh scripts/system-deps.sh

check-code: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) system-deps check-code
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache
