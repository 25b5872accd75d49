# JointOps — the two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift
JOINTOPS := .build/debug/jointops
PREFIX ?= /usr/local

.PHONY: all deps build demo test bench install clean

all: build

## Install missing OS packages (postgresql, libpq-dev, docker-compose, chromium, python3-jsonschema); no-op when present.
deps:
	@scripts/install-deps.sh

## Build the jointops command line and the benchmark.
build: deps
	$(SWIFT) build

## Start a demo PostgreSQL, play the bureau's 2023 year, print the board and the reports.
demo: build
	scripts/demo.sh

## Run every test against a throw-away PostgreSQL cluster (started and stopped here).
test: build
	scripts/test.sh

## Install jointops, its man page and its bash, zsh and fish completions under PREFIX (default /usr/local).
install: build
	scripts/install.sh "$(PREFIX)" $(JOINTOPS)

## A short benchmark run (see BENCHMARKS.md for the full one).
bench: deps
	$(SWIFT) build -c release --product jointops
	$(SWIFT) build -c release --product jointops-bench
	.build/release/jointops-bench --quick

clean:
	rm -rf .build
