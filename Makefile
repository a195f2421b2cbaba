# Two commands on a fresh machine: `make decks` and `make test`. Each sets up .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What is installed, one stamp each, redone when pyproject.toml changes: the project with its
# runtime dependencies only (`make decks`), and with the test extras too (`make test`, lint).
RUNTIME := $(VENV)/.runtime
TESTING := $(VENV)/.testing
# Quiet. setuptools' editable-install banner is a UserWarning of the build backend, which runs
# in a pip subprocess that takes this environment.
PIP := PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip --quiet --disable-pip-version-check

.PHONY: default decks test lint golden release bench clean browser

default: test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $(RUNTIME)

# The test extras include the runtime: `make decks` after `make test` installs nothing.
$(TESTING): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $(TESTING) $(RUNTIME)

## Build every deck in decks/ into dist/ (packages, previews, card listings), strictly: a deck
## with no cards or with an error `deckbuilder check` reports fails the build.
decks: $(RUNTIME)
	$(BIN)/deckbuilder build --strict
	for manifest in decks/*.toml; do $(BIN)/deckbuilder preview "$$manifest" || exit 1; done

## Headless Chromium for the browser tests: any of benchmarks/preview.py's BROWSERS (GitHub's
## runner images have Google Chrome), else Debian's package, with sudo where not root (CI).
BROWSERS := /usr/bin/chromium /usr/bin/google-chrome /usr/bin/google-chrome-stable /usr/bin/chromium-browser
browser:
	@for b in $(BROWSERS) $$DECKBUILDER_CHROMIUM; do if [ -x "$$b" ]; then exit 0; fi; done; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make browser: no Chromium at $(BROWSERS) and apt-get is unavailable; install" \
	    "one, or set DECKBUILDER_CHROMIUM. Until then the browser tests are skipped" \
	    "(in CI they fail)." >&2; \
	  if [ -n "$$CI" ]; then exit 1; fi; exit 0; \
	fi; \
	sudo=""; \
	if [ "$$(id -u)" != 0 ]; then \
	  if [ -n "$$CI" ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else \
	  echo "make browser: no Chromium at $(BROWSERS); run 'sudo make browser' to install" \
	    "Debian's chromium. Until then the browser tests are skipped." >&2; \
	  exit 0; fi; \
	fi; \
	echo "make browser: installing Debian's chromium (apt-get)"; \
	$$sudo apt-get update && $$sudo apt-get install -y --no-install-recommends chromium

## Run the whole suite, then lint every shipped deck.
test: $(TESTING) browser
	$(BIN)/pytest -q
	$(BIN)/deckbuilder check

## ruff (check and format) and mypy strict.
lint: $(TESTING)
	$(BIN)/ruff check builder tests benchmarks
	$(BIN)/ruff format --check builder tests benchmarks
	$(BIN)/mypy

## Every deck built --frozen into dist/, with SHA256SUMS and RELEASE_NOTES.md (see README).
release: $(RUNTIME)
	$(BIN)/deckbuilder release --out dist

## Benchmarks against the floor: 1k, 10k, 100k items (~15 min; BENCH_ARGS="--sizes 1000,10000").
bench: $(TESTING)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

## Rewrite the golden card lists in tests/golden/ and tests/documents/golden/ and the import
## goldens in tests/import/golden/ (review the diff before committing).
golden: $(TESTING)
	$(BIN)/python -m tests.golden
	$(BIN)/python -m tests.import_golden

clean:
	rm -rf $(VENV) dist .pytest_cache .mypy_cache .ruff_cache
