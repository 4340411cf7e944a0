# Two commands to get going:  make demo  (set up, then run journeyops on the example)
#                             make test  (lint, type-check and the whole test suite)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

VNU    := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
VNU_VERSION := 26.9.27
# Microsoft's SARIF validator, a self-contained program published on npm.
SARIF_MULTITOOL := $(VENV)/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
SARIF_MULTITOOL_VERSION := 5.7.0
# Mermaid itself, whose parser reads every diagram `journeyops export mermaid` writes.
MERMAID := $(VENV)/mermaid/node_modules/mermaid/dist/mermaid.min.js
MERMAID_VERSION := 12.3.0
# Debian packages the site needs (dot) and its tests need (a browser, Java for the HTML checker,
# npm to fetch the checker); each is installed only when its command is missing.
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

.PHONY: install demo test lint typecheck format schemas goldens docs bench clean graphviz site-test-tools screenshots

install: $(STAMP)

# Debian's python3 ships without venv/ensurepip; install python3-venv when that is the case.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "journeyops needs Python 3.11 or newer ($(PYTHON) is older)"; exit 2; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV); echo "python3-venv is missing; installing it with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv \
	  && $(PYTHON) -m venv $(VENV); }

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: install graphviz
	$(BIN)/journeyops validate examples/northwind
	@echo
	$(BIN)/journeyops score examples/northwind --top 10
	@echo
	$(BIN)/journeyops render examples/northwind --out site
	@echo
	@echo "examples/broken holds one of each kind of mistake (exit status 1 is expected):"
	@$(BIN)/journeyops validate examples/broken; status=$$?; \
	  if [ $$status -ne 1 ]; then echo "expected exit status 1, got $$status"; exit 1; fi

test: lint typecheck site-test-tools $(SARIF_MULTITOOL) $(MERMAID)
	JOURNEYOPS_REQUIRE_BROWSER=1 $(BIN)/pytest

graphviz:
	@command -v dot >/dev/null || { echo "Graphviz is missing; installing it with apt-get"; \
	  $(APT_INSTALL) graphviz; }

# Rendered pages are checked in Debian's Chromium (browsers cannot be downloaded here) and by
# the Nu HTML checker, fetched from npm into .venv/vnu.
site-test-tools: graphviz $(VNU)
	@[ -x /usr/bin/chromium ] || { echo "installing Chromium with apt-get"; $(APT_INSTALL) chromium; }
	@command -v java >/dev/null || { echo "installing Java with apt-get"; \
	  $(APT_INSTALL) default-jre-headless; }

$(VNU):
	@command -v npm >/dev/null || { echo "installing npm with apt-get"; $(APT_INSTALL) npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)

$(SARIF_MULTITOOL):
	@command -v npm >/dev/null || { echo "installing npm with apt-get"; $(APT_INSTALL) npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/sarif \
	  @microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION)
	chmod +x $(SARIF_MULTITOOL)

$(MERMAID):
	@command -v npm >/dev/null || { echo "installing npm with apt-get"; $(APT_INSTALL) npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/mermaid mermaid@$(MERMAID_VERSION)

lint: install
	$(BIN)/ruff check journeyops tests bench
	$(BIN)/ruff format --check journeyops tests bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix journeyops tests bench
	$(BIN)/ruff format journeyops tests bench

schemas: install
	$(BIN)/journeyops schema --out schemas

# After an intended change of output: rewrite tests/goldens/, then review the diff.
goldens: install
	$(BIN)/pytest --update-goldens tests/test_examples.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis

# Performance targets as ratios against baselines measured in the same run (a few minutes).
bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/run.py

# The README's picture of a journey map, from examples/northwind in Debian's Chromium.
screenshots: install graphviz
	@[ -x /usr/bin/chromium ] || { echo "installing Chromium with apt-get"; $(APT_INSTALL) chromium; }
	PYTHONPATH=. $(BIN)/python bench/screenshots.py docs/images/journey-map.png

# docs/rules.md is generated from the rules' docstrings; a test fails when it is stale.
docs: install
	$(BIN)/journeyops rules --format markdown > docs/rules.md
