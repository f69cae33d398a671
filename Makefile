# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make
MANAGE := $(BIN)/python manage.py

# Tests use PostgreSQL and Redis where they run (always under CI=true), else the embedded default.
export TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/coe
export TEST_REDIS_URL ?= redis://127.0.0.1:6379/14

.DEFAULT_GOAL := help
.PHONY: help install run test lint check-migrations audit audit-code worker beat static clean bench bench-10x bench-scaling

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

install: $(STAMPS)/python $(STAMPS)/node ## Install Python and front-end packages (pinned)

$(STAMPS)/python: pyproject.toml constraints.txt
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
	@command -v npm >/dev/null || { echo "npm is needed once, to fetch GOV.UK Frontend: install Node.js"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMPS)/chromium:
	@mkdir -p $(STAMPS)
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@test -x /usr/bin/chromium || { echo "Chromium is missing: apt-get install chromium"; exit 1; }
	touch $@

run: install ## Set up and serve the portal with demo content at http://127.0.0.1:8000/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) runserver 127.0.0.1:8000

static: install
	$(MANAGE) collectstatic --noinput --verbosity 0

lint: install ## Run ruff over the code and check the architecture's import contracts (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

check-migrations: install ## Fail if a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

audit-code: install ## Static security scan of the code (ruff's bandit rules); CI runs it
	$(BIN)/ruff check --select S .

audit: audit-code ## audit-code, then known vulnerabilities in the pinned constraints.txt (pip-audit)
	@$(BIN)/pip-audit --requirement constraints.txt --no-deps --strict --progress-spinner off || { \
	  echo "make audit: pip-audit could not check constraints.txt (above: a finding, or its"; \
	  echo "vulnerability service did not answer from this machine)."; exit 1; }

test: install $(STAMPS)/chromium lint check-migrations static ## Set up and run the whole test suite
	$(BIN)/python tests/run.py $(PYTEST_ARGS)

$(STAMPS)/wrk:
	@mkdir -p $(STAMPS)
	@if ! command -v wrk >/dev/null; then \
	  echo "Installing Debian's wrk for the benchmark"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; \
	fi
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
	touch $@

# The benchmark needs PostgreSQL and Redis on 127.0.0.1 (database coe_bench, Redis db 9).
# BENCH_SECONDS (default 10) and BENCH_WORKERS (default 2) change the load; BENCH_ARGS=--reseed seeds again.
bench: install $(STAMPS)/wrk ## Seed PostgreSQL, serve under gunicorn, measure with wrk, write bench-results/ (under 10 min)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

bench-10x: install $(STAMPS)/wrk ## The same benchmark on ten times the data (2 million comments; seeds coe_bench_10x once, about 5 min)
	$(BIN)/python -m bench.run --scale 10 $(BENCH_ARGS)

bench-scaling: install $(STAMPS)/wrk ## Throughput with 1 and 2 gunicorn workers, and 1 and 2 Celery workers (bench-results/scaling.md)
	$(BIN)/python -m bench.run --scaling $(BENCH_ARGS)

worker: install ## Run a Celery worker (needs REDIS_URL)
	$(BIN)/celery -A coe worker --loglevel=info

beat: install ## Run Celery beat: exactly one per deployment (needs REDIS_URL)
	$(BIN)/celery -A coe beat --loglevel=info --pidfile=celerybeat.pid --schedule=celerybeat-schedule

clean: ## Remove installed packages and generated files
	rm -rf $(VENV) node_modules $(STAMPS) staticfiles .pytest_cache
