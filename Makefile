# capreg — see README.md. `make run` runs the example end to end; `make test` runs every test.
GO      ?= go
BIN     := bin/capreg
EXAMPLE := examples/operadora-exemplo.xlsx
FUZZTIME ?= 5m

.PHONY: build run test bench fuzz lint cover clean examples report-check docs

# capreg version prints what the build stamps: git describe, the commit and
# the date (a go build without them falls back on the module's build info).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE    ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X github.com/capreg/capreg/pkg/cli.buildVersion=$(VERSION) \
	-X github.com/capreg/capreg/pkg/cli.buildCommit=$(COMMIT) \
	-X github.com/capreg/capreg/pkg/cli.buildDate=$(DATE)

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/capreg

run: build
	./$(BIN) calc $(EXAMPLE)

# The manual: a man page and a Markdown page per command in bin/docs (not
# committed: capreg --help and capreg docs make them from the commands).
docs: build
	./$(BIN) docs --man bin/docs/man --markdown bin/docs/md --force

# The packages run with the race detector; the end-to-end scripts run the
# capreg binary without it: they exec it hundreds of times (the detector made
# them 200 s of a 4-minute run) and check exit codes, outputs and peak memory,
# which the instrumented binary would multiply. Their code runs under the
# detector in the packages' own tests.
test: lint
	$(GO) test -race -count=1 ./pkg/...
	$(GO) test -count=1 ./cmd/... ./scripts/...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l cmd pkg scripts testdata); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Go benchmarks (engine, reader, batch), then capreg against its baselines in
# the same run (scripts/bench: generates bin/bench once, prints each figure
# with its baseline, ratio, target and peak RSS, and the peak RSS of a batch
# of 3,000 operators in each output format against a batch of one, target
# 150 MB; (e) import of one operator of a 2M-row open-data quarter and (f)
# of 13 ERP files + DIOPS-XML take ~10 s). BENCHFLAGS=-reps=5, -only=e,f etc.
bench: build
	$(GO) test -run='^$$' -bench=. -benchmem ./...
	$(GO) build -o bin/capreg-bench ./scripts/bench
	./bin/capreg-bench -capreg $(BIN) -dir bin/bench $(BENCHFLAGS)

# Each fuzz target for FUZZTIME (default 5m); FUZZFLAGS=-parallel=1 leaves a
# core free. Fails only on a written reproducer (see scripts/fuzz.sh).
fuzz:
	FUZZTIME=$(FUZZTIME) FUZZFLAGS="$(FUZZFLAGS)" ./scripts/fuzz.sh

# Render the example's reports with LibreOffice (Debian: libreoffice-calc,
# poppler-utils) to PDF and PNG pages in bin/report-check, to look at.
report-check: build
	@command -v soffice >/dev/null || { echo "report-check needs LibreOffice (apt-get install libreoffice-calc)"; exit 1; }
	@command -v pdftoppm >/dev/null || { echo "report-check needs pdftoppm (apt-get install poppler-utils)"; exit 1; }
	rm -rf bin/report-check && mkdir -p bin/report-check
	./$(BIN) calc $(EXAMPLE) -o xlsx --out bin/report-check/relatorio.xlsx
	./$(BIN) compare $(EXAMPLE) -o xlsx --out bin/report-check/comparacao.xlsx
	./$(BIN) example --market 20 bin/report-check/mercado
	cp testdata/invalid/i07_unparsable_number.xlsx bin/report-check/mercado/operadora-0021.xlsx
	-./$(BIN) batch bin/report-check/mercado -o xlsx --out bin/report-check/lote.xlsx
	./$(BIN) stress $(EXAMPLE) -o xlsx --out bin/report-check/estresse.xlsx
	./$(BIN) diff bin/report-check/mercado/operadora-0001.xlsx bin/report-check/mercado/operadora-0002.xlsx -o xlsx --out bin/report-check/variacao.xlsx
	cd bin/report-check && soffice --headless --convert-to pdf relatorio.xlsx comparacao.xlsx lote.xlsx estresse.xlsx variacao.xlsx >/dev/null
	cd bin/report-check && for f in relatorio comparacao lote estresse variacao; do pdftoppm -png -r 80 $$f.pdf $$f; done
	@ls bin/report-check/*.png

cover:
	$(GO) test -coverprofile=coverage.out ./...
	$(GO) tool cover -func=coverage.out | tail -1

# Regenerate the shipped example and its expected outputs (review the diff).
examples: build
	./$(BIN) example $(EXAMPLE) --seed 1 --force
	$(GO) test ./pkg/cli -run TestGolden -update

clean:
	rm -rf bin coverage.out
