# Two commands for a new user: `make demo` and `make test` (see README.md).
# Everything Python installs into .venv/ at the repo root, never into the system Python;
# missing Debian packages (python3-venv, graphviz; for the browser tests chromium,
# nodejs, npm) are installed with apt-get.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The lock: every package of the development and test environment, pinned and hashed.
# It is universal (every Python >= 3.11, every platform); `make lock` renews it.
LOCK := requirements/dev.txt
OUT ?= out
# Every optional extra, for make test-latest (the lock holds all of them).
EXTRAS := dev,export,observed,studies,docs,lab
# A throwaway environment for pm4py (AGPL), only to compare with in benchmarks/observed.py:
# make bench PM4PY_ENV=/tmp/pm4py-env
PM4PY_ENV ?=
DEMO_JOURNEYS := umzug-innerhalb-kreis geburt todesfall

.DEFAULT_GOAL := help
.PHONY: help setup system-deps demo test lint typecheck unit docs docs-serve lab thorough bench gallery clean lock test-latest

help:
	@echo "make demo      set everything up, then run lifeevents on the built-in journeys (maps in $(OUT)/)"
	@echo "make test      set everything up, then run linters, type checks and the whole test suite"
	@echo "make thorough  the property tests with many more hypothesis examples"
	@echo "make bench     the benchmarks in benchmarks/"
	@echo "make gallery   redraw docs/gallery/ from the built-in journeys"
	@echo "make docs      build the documentation site into site/ (open site/index.html)"
	@echo "make docs-serve  build it and serve it on http://127.0.0.1:8000/ (search works there)"
	@echo "make lab       start JupyterLab on notebooks/ from .venv/"
	@echo "make lock      renew the lock (requirements/dev.txt) to the newest releases, on purpose"
	@echo "make test-latest  the whole suite against the newest releases, in a throwaway environment"

# $(call apt_install,PACKAGES): install Debian packages, as root or with sudo, or say how.
define apt_install
	if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	else echo "Cannot install$(1): run as root or install them with your package manager."; exit 1; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "No apt-get here: please install$(1) with your package manager."; exit 1; fi; \
	echo "Installing system packages:$(1)"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null \
		|| { echo "Installing$(1) failed: install them by hand, then run make again."; exit 1; }
endef

# Debian's python3 lacks ensurepip until python3-venv is installed; dot comes from graphviz.
system-deps:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "lifeevents needs Python 3.11 or newer (found: $$($(PYTHON) --version 2>&1))"; exit 1; }
	@missing=""; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || [ -x $(BIN)/python ] || missing="$$missing python3-venv"; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	if [ -n "$$missing" ]; then $(call apt_install,$$missing); fi

# Exactly the versions in the lock, every file checked against its hash; the project itself
# is installed without build isolation, so its build backend (hatchling) comes from the lock too.
$(STAMP): $(LOCK) pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

setup: system-deps $(STAMP)

include mk/browser.mk

demo: setup
	$(BIN)/lifeevents validate journeys/ scenarios/
	$(BIN)/lifeevents workshop $(DEMO_JOURNEYS) --origin rheine --output $(OUT)

lint: setup
	$(BIN)/ruff check src tests benchmarks mk
	$(BIN)/ruff format --check src tests benchmarks mk
	$(BIN)/lint-imports --no-cache

typecheck: setup
	$(BIN)/mypy --strict src tests benchmarks mk

unit: setup browser-deps
	$(BIN)/pytest

test: lint typecheck docs unit

# The documentation site, warnings as errors (mkdocs.yml: strict); reference/ pages are
# generated from the code by mk/docs_pages.py. Nothing is fetched from the network.
# Not --quiet: it hides warnings from --strict, and the build would pass with them.
docs: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --clean
	@echo "Built the documentation into site/: open site/index.html"

# The built site over HTTP on this computer only: search needs it (browsers do not run
# its worker for file:// pages). Ctrl-C stops it.
DOCS_PORT ?= 8000
docs-serve: docs
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site $(DOCS_PORT)

# JupyterLab from the locked environment, on the notebooks (the kernel is .venv's Python),
# on this computer only; it asks no package index for extensions (readonly manager).
# Jupyter refuses to run as root unless told, as in a container.
LAB_PORT ?= 8888
lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks --ip=127.0.0.1 --port=$(LAB_PORT) --no-browser \
		--LabApp.extension_manager=readonly $$([ "$$(id -u)" = 0 ] && echo --allow-root)

thorough: setup
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests

bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/malformed.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/studies.py
	$(BIN)/python benchmarks/observed.py $(if $(PM4PY_ENV),--pm4py-env $(PM4PY_ENV) --create-pm4py-env)

gallery: setup
	$(BIN)/lifeevents workshop --all --origin rheine --output docs/gallery --formats svg -q

clean:
	rm -rf $(VENV) $(OUT) site .pytest_cache .mypy_cache .ruff_cache .hypothesis $(BROWSER_TESTS)/node_modules

# uv resolves one lock for every Python >= 3.11 and platform, with hashes; it runs from a
# throwaway environment, because only maintainers renewing the lock need it.
UV_VERSION ?= 0.13.9
lock:
	@tool=$$(mktemp -d) && trap 'rm -rf "$$tool"' EXIT && \
	$(PYTHON) -m venv "$$tool" && "$$tool/bin/python" -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) && \
	"$$tool/bin/uv" pip compile pyproject.toml requirements/build.in --all-extras --universal \
		--generate-hashes --python-version 3.11 --upgrade --quiet -o $(LOCK)
	@echo "Renewed $(LOCK): run make test, then commit it."

# Drift check for maintainers: the newest release of every dependency, in a throwaway
# environment, so a coming upstream break shows before it reaches a fresh clone.
test-latest: system-deps browser-deps
	@latest=$$(mktemp -d) && trap 'rm -rf "$$latest"' EXIT && \
	$(PYTHON) -m venv "$$latest" && \
	"$$latest/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip && \
	"$$latest/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade -e ".[$(EXTRAS)]" && \
	"$$latest/bin/python" -m pip list --format=freeze > "$$latest/versions.txt" && \
	echo "Newest releases:" && cat "$$latest/versions.txt" && \
	"$$latest/bin/ruff" check src tests benchmarks && \
	"$$latest/bin/mypy" --strict src tests benchmarks && \
	LIFEEVENTS_SKIP_LOCK_CHECK=1 "$$latest/bin/pytest" -p no:cacheprovider
