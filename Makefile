# make serve | make build | make test | make bench — each sets up everything it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup runtime build serve test lint bench audit chromium servers clean

setup: $(STAMPS)/venv $(STAMPS)/npm

$(STAMPS)/venv: requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps --editable .
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/npm: package.json package-lock.json
	npm ci --no-audit --no-fund
	@mkdir -p $(STAMPS) && touch $@

runtime: setup
	$(BIN)/python -m assessment validate
	$(BIN)/python -m scripts.build_runtime

build: runtime
	$(BIN)/python -m scripts.build_site -d site

serve: runtime
	$(BIN)/python -m scripts.decks --serve
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

chromium:
	@scripts/ensure_chromium.sh

# nginx and Apache, whose README configurations tests/browser/test_server_config.py runs.
servers:
	@scripts/ensure_servers.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	npm run --silent lint:js
	npm run --silent typecheck

test: runtime chromium servers lint
	$(BIN)/python -m pytest

bench: build chromium
	$(BIN)/python -m scripts.bench
	$(BIN)/python -m scripts.bench_batch

# Lighthouse scores of the home and assessment pages (not part of make test).
audit: runtime chromium
	$(BIN)/python -m scripts.audit

clean:
	rm -rf site $(STAMPS) overrides/assets/runtime .cache .pytest_cache .mypy_cache .ruff_cache
	rm -rf docs/presentasi/aset-slide docs/presentasi/unduh docs/presentasi/*/slides
