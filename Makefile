# askwell: the two commands are `make run` and `make test`. Everything they need is
# installed from here (Python packages into .venv; Chromium and axe-core for the browser
# tests; wrk for the benchmarks), so a fresh clone needs nothing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install bytecode semantic-model run test test-sqlite test-postgres lint bench browser-deps clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) semantic-model bytecode

# The project's own modules compiled once into __pycache__/ (ignored by git). The editable
# install leaves them to Python, and where PYTHONDONTWRITEBYTECODE is set Python never keeps
# what it compiles: every command compiled its ~60 modules again, 0.1-0.2 s of each
# `askwell ask`. Run on every install, not only with a new stamp, so a tree that was pulled
# or edited since is compiled again: compileall rewrites only the files whose source changed
# (Python ignores a .pyc older than its source, so a stale one only costs that file's compile).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q askwell

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
