# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo/diary.db

.PHONY: demo test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	mkdir -p demo
	$(BIN)/ampsdiary --db $(DEMO_DB) demo
	$(BIN)/ampsdiary --db $(DEMO_DB) show --days 14
	$(BIN)/ampsdiary --db $(DEMO_DB) summary
	$(BIN)/ampsdiary --db $(DEMO_DB) recovery
	$(BIN)/ampsdiary --db $(DEMO_DB) plot recovery --out demo/recovery.png
	$(BIN)/ampsdiary --db $(DEMO_DB) report --out demo/week.pdf
	$(BIN)/ampsdiary --db $(DEMO_DB) export --out demo/for-the-therapist.zip
	@echo "Open demo/recovery.png and demo/week.pdf to see the recovery picture and the weekly page;"
	@echo "demo/for-the-therapist.zip is what a therapist receives (CSVs, datapackage.json, README)."

test: $(VENV)/.installed
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m pytest -q

docs: $(VENV)/.installed
	$(BIN)/python scripts/make_docs.py

bench: $(VENV)/.installed
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) demo build src/*.egg-info
