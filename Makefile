# Two commands on a fresh machine: `make decks` and `make test`. Each sets up .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: default decks test lint golden release bench clean browser-deps

default: test lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build every deck in decks/ into dist/ (packages, previews, card listings).
decks: $(STAMP)
	$(BIN)/deckbuilder build

## Run the whole suite, then lint every shipped deck.
test: $(STAMP)
	$(BIN)/pytest -q


lint: $(STAMP)
	$(BIN)/ruff check builder tests benchmarks
	$(BIN)/ruff format --check builder tests benchmarks
	$(BIN)/mypy

## Rewrite the golden card lists in tests/golden/ (review the diff before committing).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) dist .pytest_cache .mypy_cache .ruff_cache
