# nma-go — the two commands a newcomer needs are `make lab` and `make test` (see README).
# Every target says what it does; re-running any of them is fast and harmless.

NMA      := .nma/bin/nma
BUILD    := build
# Every Go file of the project; .nma (tools, and CI's private Go caches) and build are pruned.
GOFILES  := $(shell find . \( -path ./.nma -o -path ./build \) -prune -o -name '*.go' -print 2>/dev/null)

# Notebook runs within `make test` are offline (GOPROXY=off), as in a classroom without
# network: every module a cell needs must come from what `make setup` downloaded. (A
# target-specific variable: it applies to test's prerequisites too, not to `make e2e` alone.)
OFFLINE  :=

.PHONY: lab setup test unit staticcheck race notebooks-check run-notebooks e2e run-student run-solutions notebooks static golden bench bench-compare clean help

help:
	@echo "make lab        set up everything missing and open the course in JupyterLab 4 (from .nma/venv), rooted at the checkout"
	@echo "make test       run every test: vet, gofmt, go test, staticcheck, race, notebooks up to date, all notebooks in both modes and in a browser"
	@echo "make notebooks  rebuild notebooks/*.ipynb from notebooks/src/*.md"
	@echo "make static     regenerate the example-output images from the solutions run"
	@echo "make e2e        run every notebook in JupyterLab, two in Notebook 7 and the classic Notebook, headless Chromium (screenshots in build/e2e)"
	@echo "make unit       go vet, gofmt and go test ./... (the full unit tests; go test -short ./... is the quick loop)"
	@echo "make staticcheck  staticcheck ./... (pinned in .tools/tools.mod: go tool -modfile=.tools/tools.mod staticcheck)"
	@echo "make race       go test -race -short ./..."
	@echo "make golden     accept changed figures: rewrite every golden image (then look at the diff and commit)"
	@echo "make bench      run the benchmarks"
	@echo "make bench-compare  the course's Python (NumPy, PyTorch CPU; installed into .nma/bench-venv if missing) against nma-go, workload by workload (BENCH_COMPARE_FLAGS=--quick: seconds)"

$(NMA): $(GOFILES) go.mod go.sum
	@echo "make: building the nma command ($(NMA))"
	@mkdir -p .nma/bin && go build -o $(NMA) ./nma/cmd/nma

# 1. Set up and open the course: `nma setup --lab` (the pinned Python environment .nma/venv
# with JupyterLab 4, made with pip — the user's Python is untouched — and the "gonb" kernel
# spec for it), then JupyterLab rooted at the checkout, so the notebooks' ../solutions/…
# links open, on notebooks/W2_GoPrimer.ipynb (the Go primer).
lab: $(NMA)
	@$(NMA) lab

setup: $(NMA)
	@$(NMA) setup

# 2. Every test. `setup` installs what the notebook runs need (the pinned nbclient and
# nbconvert in .nma/venv) and warms the Go build cache first.
test: OFFLINE := GOPROXY=off
# The nbgrader round trip (nma/grade/nbgrader_test.go) must run, not skip: setup installed it.
test: export NMA_REQUIRE_NBGRADER := 1
test: setup unit staticcheck race notebooks-check run-notebooks e2e
	@echo "make test: all tests passed"

# go test ./... runs everything, including the slow tests that `go test -short ./...` skips
# (network trainings of W2D1, the grader's class, corpus and course-notebook builds).
unit:
	@echo "make unit: go vet ./..."
	@go vet ./...
	@echo "make unit: gofmt -l"
	@out="$$(gofmt -l $(GOFILES))"; if [ -n "$$out" ]; then echo "$$out"; echo "gofmt: the files above need gofmt -w"; exit 1; fi
	@echo "make unit: go test ./..."
	@go test ./...

# staticcheck over every package. It is pinned in .tools/tools.mod, not go.mod: its golang.org/x/tools
# is newer than the one the pinned gopls builds with. `make setup` downloads it (go mod download
# -modfile=.tools/tools.mod), so it builds offline; within `make test` it runs with GOPROXY=off.
staticcheck:
	@echo "make staticcheck: staticcheck ./..."
	@$(OFFLINE) go tool -modfile=.tools/tools.mod staticcheck ./...

# The race detector over every package, in -short mode (≈ 3.5 min cold on 2 cores; the
# numeric packages are the slow ones under -race).
race:
	@echo "make race: go test -race -short ./..."
	@go test -race -short ./...

notebooks-check: $(NMA)
	@echo "make notebooks-check: notebooks/*.ipynb are up to date with notebooks/src"
	@$(NMA) notebooks --check

# Both modes at once (two kernels in parallel): student = notebooks as shipped, where only
# not-done exercises may fail; solutions = exercise cells replaced by the solutions, which must
# run clean and draw exactly the committed example images.
run-notebooks: $(NMA)
	@echo "make run-notebooks: executing every notebook as shipped and with the solutions"
	@$(OFFLINE) $(NMA) run --both --cell-times --static notebooks/static --out $(BUILD)/executed --html $(BUILD)/html

run-student: $(NMA)
	@echo "make run-student: executing every notebook as shipped (student mode: only not-done exercises may fail)"
	@$(NMA) run --out $(BUILD)/executed --html $(BUILD)/html

run-solutions: $(NMA)
	@echo "make run-solutions: executing every notebook with the solutions (must run clean; example images must be current)"
	@$(NMA) run --solutions --static notebooks/static --out $(BUILD)/executed --html $(BUILD)/html

# The notebooks as a student sees them, in headless Chromium: every notebook in JupyterLab 4
# (from .nma/venv) and smoke tests of two in Notebook 7 and two in the classic Notebook 6 —
# run all, no error but not-done exercises, every cell ran, every figure visible, every demo
# control moved and its figure changed, a solution link opened — with screenshots in
# build/e2e. Installs chromium and jupyter-notebook with apt-get (and .nma/venv with pip)
# when missing.
e2e: $(NMA)
	@echo "make e2e: every notebook in JupyterLab, two in Notebook 7 and two in the classic Notebook, headless Chromium"
	@$(OFFLINE) $(NMA) e2e --install --out $(BUILD)/e2e

notebooks: $(NMA)
	@$(NMA) notebooks

static: $(NMA)
	@echo "make static: regenerating notebooks/static from the solutions run"
	@$(NMA) run --solutions --static notebooks/static --update-static

# Figure tests compare each course figure with testdata/golden/*.png (nma/fig/figtest); after a
# deliberate change of a figure, rewrite the images and review them in the diff.
golden:
	@echo "make golden: rewriting the golden images of every figure test"
	@NMA_UPDATE_GOLDEN=1 go test -count=1 -run Golden ./nma/...
	@git status --short -- '*/testdata/golden/*.png'

bench:
	@go test -run '^$$' -bench . -benchtime 2s ./...

# Python is the yardstick, not a dependency of the course: this target (and only this one)
# installs Debian's NumPy, PyTorch (CPU) and SciPy with apt-get when they are missing and a
# project-local environment .nma/bench-venv on top of them (--system-site-packages), then
# times every workload of issue 15 on both sides, alternating, threads pinned; the table goes
# to stdout and build/bench-compare/table.md (about 20 minutes on 2 cores; see README).
BENCH_COMPARE_FLAGS ?=
bench-compare:
	@echo "make bench-compare: the course's Python code against nma-go (.nma/bin/benchcompare --install $(BENCH_COMPARE_FLAGS))"
	@mkdir -p .nma/bin && go build -o .nma/bin/benchcompare ./nma/cmd/benchcompare
	@.nma/bin/benchcompare --install --out $(BUILD)/bench-compare/table.md $(BENCH_COMPARE_FLAGS)

clean:
	rm -rf $(BUILD) .nma
