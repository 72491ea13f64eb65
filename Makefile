# Redress: `make run` sets up .venv and starts the app; `make test` sets up the same and runs
# every check (lint, types, layering contracts, the whole test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Offline installation: `make run WHEELHOUSE=/media/usb/wheelhouse` installs from a folder of wheels.
WHEELHOUSE ?=
PIP_SOURCE := $(if $(WHEELHOUSE),--no-index --find-links $(WHEELHOUSE),)
# System packages the test suite needs: a Secret Service keychain (SECURITY.md test 9).
SYSTEM_PACKAGES := gnome-keyring dbus libsecret-tools
PYTEST_ARGS ?=

.PHONY: run test lint typecheck contracts pytest system-deps bench screenshots clean translations

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Redress needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(PIP_SOURCE) --upgrade pip
	$(BIN)/python -m pip install --quiet $(PIP_SOURCE) -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/redress

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "missing system packages:$$missing (install them with your package manager)"; exit 1; \
	  fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check redress tests tools
	$(BIN)/ruff format --check redress tests tools

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck contracts pytest

bench: $(STAMP)
	$(BIN)/redress bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

# Re-extract the interface's strings into the catalogues (Spanish: every message; English: only
# the plural forms) and compile them. Translate new Spanish messages in the .ts before committing.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find redress/desktop -name '*.py' | LC_ALL=C sort) -no-obsolete \
	  -locations none -ts redress/resources/translations/redress_es.ts
	$(BIN)/pyside6-lupdate $$(find redress/desktop -name '*.py' | LC_ALL=C sort) -no-obsolete \
	  -locations none -pluralonly -ts redress/resources/translations/redress_en.ts
	$(BIN)/pyside6-lrelease redress/resources/translations/redress_es.ts \
	  redress/resources/translations/redress_en.ts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
