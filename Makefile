# khabar — set-up, demo and tests. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean eval bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## make demo: run khabar extract on the bundled example article and print the summary
demo: $(STAMP)
	COLUMNS=$${COLUMNS:-110} $(BIN)/khabar extract examples/baghdad-drone-2024-01-05.txt --published 2024-01-05 --format text

## make test: run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## make eval: score khabar on the hand annotations (../shared/gold and examples/gold)
eval: $(STAMP)
	$(BIN)/khabar eval examples/gold/*.gold.json $(wildcard ../shared/gold/*.gold.json)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
