# Aftercare: `make run` starts the service on the embedded default; `make test` checks it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck pytest demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/aftercare db upgrade
	$(BIN)/aftercare serve --host 127.0.0.1 --port 8000

demo: $(STAMP)
	$(BIN)/aftercare demo

lint: $(DEV_STAMP)
	$(BIN)/ruff check scheduler tests bench

typecheck: $(DEV_STAMP)
	$(BIN)/mypy scheduler

pytest: $(DEV_STAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
