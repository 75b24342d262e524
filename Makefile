# careportal: `make run` sets everything up and opens the app; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
BIN_RELEASE := .build/release/careportal
DB ?= $(or $(CAREPORTAL_DB),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/careportal/portal.sqlite3)
DEMO_AGENT := alice@cloudpartners.example
DEMO_PASSWORD := alice-1-portal
PACKAGES := libncurses-dev libsqlite3-dev sqlite3 tmux curl openssl
## `make test` also needs PostgreSQL's server programs: its tests start a throwaway cluster (initdb, pg_ctl).
TEST_PACKAGES := $(PACKAGES) postgresql less valgrind binutils

.PHONY: run serve test build release deps test-deps install-missing demo screenshots bench bench-guard render-guard render-profile soak soak-short load api-check clean

## Install missing system packages (only those missing).
deps:
	@$(MAKE) --no-print-directory install-missing WANTED="$(PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-missing WANTED="$(TEST_PACKAGES)"

install-missing:
	@missing=""; for p in $(WANTED); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product careportal

build: deps
	$(SWIFT) build --build-tests

## Build, create the demo database on first use, sign the demo agent in, open the app.
run: release
	@if [ ! -f "$(DB)" ]; then $(BIN_RELEASE) demo --db "$(DB)"; fi
	@$(BIN_RELEASE) sessions --db "$(DB)" --json | grep -q '"$(DEMO_AGENT)"' || \
	  echo "$(DEMO_PASSWORD)" | $(BIN_RELEASE) login --db "$(DB)" --user $(DEMO_AGENT) --password-stdin
	@$(BIN_RELEASE) --db "$(DB)" --as $(DEMO_AGENT)

## The team server on the demo database (created on first use): the JSON API on http://127.0.0.1:8750.
serve: release
	@if [ ! -f "$(DB)" ]; then $(BIN_RELEASE) demo --db "$(DB)"; fi
	@echo "From another terminal: echo $(DEMO_PASSWORD) | $(BIN_RELEASE) login --server http://127.0.0.1:8750 --user $(DEMO_AGENT) --password-stdin"
	@echo "then: $(BIN_RELEASE) --server http://127.0.0.1:8750   (engineers and customer users: see careportal demo's list)"
	@$(BIN_RELEASE) serve --db "$(DB)"

## Every test: unit, store, UI, end to end against the real binary, the benchmark's regression guard and a 20 s soak.
## On failure the failing tests are listed again at the end, where a CI log's tail shows them.
## RemoteTests run an HTTP server inside the test process: they run in a process of their own, where no test that
## blocks its thread (the end-to-end ones wait on processes) can hold the threads that server's handlers need.
test: test-deps bench-guard render-guard soak-short
	$(SWIFT) build --build-tests
	@set -o pipefail; { $(SWIFT) test --skip-build --skip RemoteTests 2>&1; a=$$?; $(SWIFT) test --skip-build --filter RemoteTests 2>&1; b=$$?; \
	  [ $$a = 0 ] && [ $$b = 0 ]; } | tee .build/test.log; rc=$$?; \
	if [ $$rc != 0 ]; then echo "── failed ──"; grep -aE "recorded an issue|✘ Test .* failed" .build/test.log | cut -c1-600; fi; exit $$rc

## The benchmark at 10,000 cases: fails when an operation's app/raw SQLite ratio exceeds its bound.
bench-guard: release
	@tmp=$$(mktemp -d); $(BIN_RELEASE) bench --cases 10000 --db $$tmp/bench.sqlite3 --iterations 40 --idle 10 --check; rc=$$?; rm -rf $$tmp; exit $$rc

## The render path's instructions per frame under callgrind (machine-independent): fails over its bounds.
render-guard: test-deps release
	@scripts/render-guard.sh --check

## The same, with where the instructions go.
render-profile: test-deps release
	@scripts/render-guard.sh --profile

## Soak: SOAK_WRITERS processes file cases, post messages and read one database for SOAK_SECONDS under random kill -9;
## then every acknowledged command has exactly one history event, nothing is duplicated, and SQLite's and the search
## index's integrity checks pass. Prints the counts (scripts/soak.sh).
SOAK_WRITERS ?= 6
SOAK_SECONDS ?= 300
soak: deps release
	scripts/soak.sh --writers $(SOAK_WRITERS) --seconds $(SOAK_SECONDS) --binary $(BIN_RELEASE)

## The soak's 20-second version, part of `make test`.
soak-short: deps release
	scripts/soak.sh --writers 4 --seconds 20 --binary $(BIN_RELEASE)

## The full benchmark (1,000,000 cases by default; the database is created once and reused).
bench: release
	$(BIN_RELEASE) bench $(if $(CASES),--cases $(CASES),)

## Load: LOAD_AGENTS simulated agents over HTTP for LOAD_SECONDS against `careportal serve` on a temporary demo
## database of LOAD_CASES cases, on a free loopback port (scripts/load.sh): list pages with and without filters and
## their next pages, cases opened, messages, counts. Prints p50/p95/p99 per request kind and the errors.
LOAD_AGENTS ?= 50
LOAD_SECONDS ?= 60
LOAD_CASES ?= 100000
## LOAD_DB=postgresql://… runs the server on PostgreSQL: an empty database gets the demo, a benchmark's is used as it is.
LOAD_DB ?=
load: deps release
	scripts/load.sh --agents $(LOAD_AGENTS) --seconds $(LOAD_SECONDS) --cases $(LOAD_CASES) $(if $(LOAD_DB),--db '$(LOAD_DB)',) --binary $(BIN_RELEASE)

## The API against its OpenAPI document: schemathesis (pinned, installed from PyPI into .build/) on a server started on
## a small temporary demo database, signed in with a bearer token; fails on any 5xx or undocumented answer (scripts/api-check.sh).
api-check: deps release
	scripts/api-check.sh --binary $(BIN_RELEASE)

clean:
	rm -rf .build

## Render Screenshots/*.png from the real app in tmux (needs aha and chromium; installs them if missing).
screenshots: release
	@missing=""; for p in aha chromium fonts-noto-cjk fonts-noto-color-emoji; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; fi
	bash Screenshots/render.sh
