# The two commands: `make demo` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint messages clean

$(PY):
	@python=$$(scripts/find-python) && echo "Using $$python" && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## demo: install, migrate, load demo data and serve the portal with the sandbox on http://$(HOST):$(PORT)
demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py sandbox_demo_data --if-empty
	@echo
	@echo "  Mina sidor: http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

## test: the whole suite (what .ci/run runs)
test: install
	scripts/test

lint: install
	$(VENV)/bin/lint-imports

## messages: extract and compile the sv/en catalogues
messages: install
	$(PY) manage.py makemessages -l sv -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
