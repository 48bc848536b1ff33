# askwell: the two commands are `make run` and `make test`. Everything they need is
# installed from here (Python packages into .venv; Chromium and axe-core for the browser
# tests; wrk for the benchmarks), so a fresh clone needs nothing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install semantic-model run test test-sqlite test-postgres lint bench browser-deps clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) semantic-model

# The optional sentence-embedding model for instant answers, built once into
# var/models/ (PyTorch only in a throwaway virtualenv; see the script). If it cannot be
# built, askwell answers with words alone and says so.
semantic-model: $(STAMP)
	./scripts/build-semantic-model.sh

# Links in emails (confirm, accept, unsubscribe) and the admin address printed on first run
# follow the port served, unless SITE_URL is set (e.g. to the public https:// address).
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: install
	$(BIN)/askwell migrate --noinput
	$(BIN)/askwell loadcontent
	$(BIN)/askwell ensureadmin
	$(BIN)/askwell serve --host $(HOST) --port $(PORT)

test: install browser-deps
	./scripts/test.sh

lint: install
	$(BIN)/ruff check askwell bench tests
	$(BIN)/mypy askwell

bench: install
	./scripts/bench.sh

browser-deps:
	./scripts/browser-deps.sh

clean:
	rm -rf $(VENV) node_modules var/test-artifacts
