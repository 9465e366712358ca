# Fonds — thin wrappers over the Maven wrapper. `make help` lists the targets.
.DEFAULT_GOAL := help
MVNW := ./mvnw -B
SPECTRAL := openapi/node_modules/.bin/spectral

.PHONY: help run dev test lint-openapi openapi clients image bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: ## Build and serve the API on :8080 (embedded PostgreSQL in ./data/pg unless QUARKUS_DATASOURCE_JDBC_URL is set)
	$(MVNW) -q package -Dmaven.test.skip=true
	exec java -jar target/quarkus-app/quarkus-run.jar

dev: ## Quarkus dev mode on :8080 (live reload, Dev UI at /q/dev-ui) over the same embedded PostgreSQL as `make run`
	$(MVNW) quarkus:dev -Ddebug=false

test: lint-openapi ## Run every test against a throwaway embedded PostgreSQL, and lint the committed spec
	$(MVNW) verify

$(SPECTRAL): openapi/package.json openapi/package-lock.json
	cd openapi && npm ci --no-audit --no-fund --loglevel=error
	@touch $(SPECTRAL)

lint-openapi: $(SPECTRAL) ## Lint openapi/openapi.yaml with Spectral (spectral:oas); fails on any error or warning
	$(SPECTRAL) lint openapi/openapi.yaml --ruleset openapi/.spectral.yaml --fail-severity=warn

openapi: ## Regenerate openapi/openapi.yaml from the code (what /q/openapi serves)
	$(MVNW) -q package -Popenapi
	rm -f openapi/openapi.json

clients: ## Generate clients from openapi/openapi.yaml: TypeScript (typescript-fetch) in target/generated-client-ts, Java in target/generated-client
	$(MVNW) -q openapi-generator:generate@typescript-client openapi-generator:generate@java-client
	@echo "TypeScript client: target/generated-client-ts   Java client: target/generated-client"

image: ## Build the container image localhost/fonds with podman (deploy/README.md; the base image once, without a registry)
	$(MVNW) -q package -Pimage
	deploy/image.sh

bench: ## Load a synthetic corpus (BENCH_DOCUMENTS, default 1000000) into a fresh database and measure the API (bench/README.md)
	bench/run.sh

clean: ## Remove build output (keeps ./data)
	$(MVNW) -q clean
	rm -rf openapi/node_modules
