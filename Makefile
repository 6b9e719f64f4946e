# The two commands: `make demo` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MESSAGES_FLAGS := --no-obsolete --no-location --ignore=.venv --ignore=var --ignore=tests --ignore=bench
HOST ?= 127.0.0.1
PORT ?= 8000
# The portal reaches the sandbox it serves itself over HTTP, on whatever port it runs.
# Exported to the demo only: the tests and production set their own.
demo: export PM5_BASE_URL ?= http://$(HOST):$(PORT)/sandbox/pm5
demo: export FAST2_BASE_URL ?= http://$(HOST):$(PORT)/sandbox/fast2
demo: export ERRANDS_BASE_URL ?= http://$(HOST):$(PORT)/sandbox/errands
demo: export CASHSERVICES_BASE_URL ?= http://$(HOST):$(PORT)/sandbox/cashservices
demo: export KOBO_BASE_URL ?= http://$(HOST):$(PORT)/sandbox/kobo
demo: export KOBO_TOKEN_URL ?= http://$(HOST):$(PORT)/sandbox/kobo/token
demo: export KOBO_WEBHOOK_URL ?= http://$(HOST):$(PORT)/kobo/webhook/
demo: export EID_SERVER_URL ?= http://$(HOST):$(PORT)/sandbox/oidc

.PHONY: demo test serve install lint messages clean

$(PY):
	@python=$$(scripts/find-python) && echo "Using $$python" && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml constraints.txt scripts/system-deps
	scripts/system-deps
	$(PY) -m pip install --quiet -c constraints.txt '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## demo: install, migrate, load demo data and serve the portal with the sandbox on http://$(HOST):$(PORT),
## with a Celery worker and beat in the background on kombu's file transport (no broker server)
demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py sandbox_demo_data --if-empty
	@mkdir -p "$${PORTAL_VAR_DIR:-var}/celery"
	@echo
	@echo "  Mina sidor: http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo "  Background jobs (Celery worker and beat): $${PORTAL_VAR_DIR:-var}/celery/worker.log"
	@echo
	export CELERY_BROKER_URL=filesystem://; \
	$(VENV)/bin/celery -A portal worker --beat --pool=solo --loglevel=INFO \
	  >> "$${PORTAL_VAR_DIR:-var}/celery/worker.log" 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	( for attempt in $$(seq 30); do sleep 2; $(PY) manage.py kobo_register_webhook \
	  >> "$${PORTAL_VAR_DIR:-var}/celery/worker.log" 2>&1 && break; done ) & \
	$(PY) manage.py runserver $(HOST):$(PORT)

## serve: production, from the environment (README, Operations): migrate, collect the static files, then
## gunicorn, a Celery worker and beat in the foreground. One role per process: make serve ROLE=web|worker|beat|release
serve:
	scripts/serve $(ROLE)

## test: the whole suite (what .ci/run runs)
test: install
	scripts/test

lint: install
	$(VENV)/bin/lint-imports

## messages: extract the catalogues (sv is the source language: msgen copies it; en and nb keep
## their translations, new messages come out untranslated for the translation test to catch), then compile
messages: install
	rm -f locale/sv/LC_MESSAGES/django.po  # rebuilt from the source every time: no fuzzy guesses
	$(PY) manage.py makemessages -l sv -l en -l nb $(MESSAGES_FLAGS)
	msgen --no-wrap -o locale/sv/LC_MESSAGES/django.po locale/sv/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
