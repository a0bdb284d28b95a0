# Both targets create .venv when missing, so a fresh clone needs nothing else. `make test`
# runs the tests on every core (pytest-xdist), whole files at a time, the long files first.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fuzz bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[web,dev,eval,dask,parquet]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dateline demo -o dateline-demo.html

test: $(STAMP)
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy src
	$(BIN)/pytest -q -n auto --dist loadfile --no-loadscope-reorder

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy src

# The long fuzz runs (CI runs the same tests with DATELINE_FUZZ_EXAMPLES small), then the
# fuzzed-file corpus through `dateline add` and `timeline`, and 20 kill -9s of `add`.
fuzz: $(STAMP)
	DATELINE_FUZZ_EXAMPLES=2000 $(BIN)/pytest -q -s tests/read/test_fuzz.py
	DATELINE_FUZZ_EXAMPLES=500 $(BIN)/pytest -q -s tests/web/test_schema_fuzz.py
	$(BIN)/python bench/fuzz_files.py --files 2000
	$(BIN)/python bench/crash.py --kills 20

clean:
	rm -rf $(VENV) dateline-demo.html .pytest_cache
