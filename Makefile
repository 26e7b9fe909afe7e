# Two commands for a new user: `make demo` and `make test` (see README.md).
# Everything installs into .venv/ at the repo root, never into the system Python.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.DEFAULT_GOAL := help
.PHONY: help setup system-deps demo test lint typecheck unit thorough bench clean

help:
	@echo "make demo    set everything up, then run lifeevents on the built-in journeys"
	@echo "make test    set everything up, then run linters, type checks and the test suite"
	@echo "make thorough  the property tests with many more hypothesis examples"
	@echo "make bench   the benchmarks in benchmarks/"

# Debian's python3 lacks ensurepip until python3-venv is installed; dot comes from graphviz.
system-deps:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "lifeevents needs Python 3.11 or newer (found: $$($(PYTHON) --version 2>&1))"; exit 1; }
	@missing=""; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || [ -x $(BIN)/python ] || missing="$$missing python3-venv"; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; \
		elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
		else echo "Cannot install$$missing: run as root or install them with your package manager."; exit 1; fi; \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "No apt-get here: please install$$missing with your package manager."; exit 1; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
			|| { echo "Installing$$missing failed: install them by hand, then run make again."; exit 1; }; \
	fi

$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: system-deps $(STAMP)

demo: setup
	$(BIN)/lifeevents validate journeys/

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy --strict src

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

thorough: setup
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
