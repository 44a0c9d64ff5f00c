# costmodel: make app (dashboard), make test (everything CI runs), make lint, make format,
# make bench, make schema.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.install-stamp

.PHONY: install app run test lint format typecheck browser bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job: the dashboard on the default scenario (Växjö).
app: install
	$(BIN)/python -m costmodel.app.serve app.py

# Debian's Chromium for the end-to-end browser test (needs root or sudo on Debian/Ubuntu).
# A failed install is reported loudly but does not stop the other tests (the browser test then
# says it was skipped and why).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    for try in 1 2; do \
	      $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && break; \
	      sleep 5; \
	    done; \
	    [ -x /usr/bin/chromium ] || echo "WARNING: could not install chromium: the browser test will be skipped"; \
	  else echo "WARNING: chromium not found and no apt-get: the browser test will be skipped"; fi; \
	fi

lint: install
	$(BIN)/ruff check costmodel app.py tests benchmarks
	$(BIN)/ruff format --check costmodel app.py tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The published JSON Schema of a scenario file (tests check that the committed copy is current).
schema: install
	$(BIN)/costmodel schema > scenarios/scenario.schema.json

format: install
	$(BIN)/ruff format costmodel app.py tests benchmarks
	$(BIN)/ruff check --fix costmodel app.py tests benchmarks

test: install browser lint
	$(BIN)/costmodel validate scenarios/*.yaml
	$(BIN)/python -m pytest -q

# Speed and memory against the sampling floor, hand-written numpy, squigglepy and monaco (issue
# 9); not part of `make test` (about 5 minutes). Installs the `bench` extra if it is missing;
# without it squigglepy and monaco are skipped with the reason. Figures as JSON:
# make bench BENCH_ARGS="--json bench.json"; a smoke run: BENCH_ARGS=--quick.
bench: install
	@$(BIN)/python -c "import squigglepy, monaco" 2>/dev/null \
	  || $(BIN)/python -m pip install --quiet -e '.[bench]' \
	  || echo "WARNING: could not install the bench extra: squigglepy and monaco will be skipped"
	$(BIN)/python benchmarks/bench_engine.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
