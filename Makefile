# The project's test command is `make test`: the Go checks, then the editor
# integrations proven in real clients. `go test ./...` alone runs the Go
# tests.

GO ?= go

.PHONY: test test-go test-nvim test-vscode test-npm fuzz

test: test-go test-nvim test-vscode test-vscode-e2e test-npm

# The Go packages: vet and every test that needs nothing but Go and a C
# compiler; then the engine's and the server's tests again under the race
# detector, since requests read snapshots while the analysis makes the
# next ones.
test-go:
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) test -race ./analysis/... ./protocol/...

# Neovim (editors/nvim): the configuration and an end-to-end test in a
# headless Neovim with the real binary. Needs nvim on PATH (Debian:
# apt-get install neovim); fails, rather than skips, without it. -count=1
# because the test's Lua scripts and fixtures are read by Neovim, which Go's
# test cache does not see.
test-nvim:
	$(GO) vet -tags nvim ./editors/nvim/...
	$(GO) test -tags nvim -count=1 ./editors/nvim/...

# VS Code (editors/vscode): the extension's unit tests, type check and
# bundle. Needs Node.js 20 with npm.
test-vscode:
	cd editors/vscode && npm ci && npm test

# End-to-end (editors/vscode/e2e): the platform-specific .vsix, with the
# rscls binary built from this repository inside, installed into a real VS
# Code (code-server) and driven by headless Chromium. Needs Node.js 20 with
# npm and Debian's chromium; its first run builds code-server into
# ~/.cache/rscls-e2e (several minutes). Screenshots and logs go to
# editors/vscode/e2e/artifacts/.
.PHONY: test-vscode-e2e
test-vscode-e2e:
	cd editors/vscode/e2e && npm ci --no-audit --no-fund && GO="$(GO)" npm test

# npm (npm/): builds the npm packages into build/npm/ (node npm/build.mjs:
# the binary of every target whose C compiler is here, linux-x64 at least),
# installs the tarballs into a throwaway project offline and runs `npx rscls`
# there; Linux binaries of other architectures run under qemu-user when it is
# installed. Needs Node.js 20 with npm.
test-npm:
	GO="$(GO)" node npm/build.mjs
	node --test npm/test/

# Fuzzing: each target for FUZZTIME (scripts/fuzz.sh says how a run is
# judged).
# Their seed corpora, and every crasher kept in a package's testdata/fuzz,
# already run as plain tests in test-go. For a long session:
#   make fuzz FUZZTIME=1h
FUZZTIME ?= 10s
FUZZ_TARGETS = \
	./analysis/engine:FuzzAnalyze \
	./analysis/nextconfig:FuzzRead \
	./analysis/resolve:FuzzResolve \
	./analysis/resolve:FuzzJSONC \
	./analysis/resolve:FuzzPackageJSON \
	./analysis/textpos:FuzzMapper \
	./protocol:FuzzServe \
	./protocol:FuzzServerMessages \
	./protocol:FuzzDecodeSettings
fuzz:
	GO="$(GO)" FUZZTIME="$(FUZZTIME)" scripts/fuzz.sh $(FUZZ_TARGETS)

# The oracle (testdata/oracle/README.md): builds every case with the real
# `next build` (Next.js 15.5 webpack, 16 Turbopack, 16 --webpack), installed
# from npm into RSCLS_ORACLE_CACHE (default ~/.cache/rscls-oracle), and
# records each verdict beside its case. One build at a time; hours for all.
#   make oracle CASES=erased-import-type,barrel-type-only
#   make oracle MISSING=1        (only the cases without a verdict)
.PHONY: oracle
CASES ?=
CONFIGS ?=
MISSING ?=
oracle:
	$(GO) run ./scripts/oracle -dir testdata/oracle -cases "$(CASES)" -configs "$(CONFIGS)" $(if $(MISSING),-missing)

# rscls check on a folder of real app checkouts (kept outside the
# repository), as a Markdown table: docs/real-apps.md.
#   make realapps APPS=/path/to/checkouts
.PHONY: realapps
APPS ?=
realapps:
	@test -n "$(APPS)" || { echo "usage: make realapps APPS=/path/to/checkouts" >&2; exit 2; }
	$(GO) run ./scripts/realapps $(APPS)
