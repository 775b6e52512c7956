package notebook

import "strings"

// The setup cell has one home: this file. A notebook source holds the line SetupMarker where
// the setup goes (under its "# Setup" heading), and Build replaces it by SetupText (joined to
// the markdown cell around the marker) followed by a code cell holding SetupCode.

// cellCgo is the setup cell's %env line (name and value) for cgo.
const cellCgo = "CGO_ENABLED 0"

// CellBuildEnv is the environment the setup cell gives the build of every cell (%env): the
// Go build cache keeps packages built with it apart from the default's, so `nma setup` warms
// the cache with it too.
var CellBuildEnv = []string{strings.Replace(cellCgo, " ", "=", 1)}

// CellBuildFlags are the go build flags of every cell (%goflags) that change what is
// compiled, so `nma setup` warms the build cache with them too: -tags=minimal builds
// gonum/plot's root package without importing all its vector back ends (PDF, SVG, EPS,
// TeX), which nma/fig never uses (nma/fig/figfile writes SVG and PDF).
var CellBuildFlags = []string{"-tags=minimal"}

// cellGoFlags is the setup cell's %goflags line.
var cellGoFlags = strings.Join(append([]string{"-ldflags=-s"}, CellBuildFlags...), " ")

// SetupMarker is the source line that Build replaces by the setup text and cell.
const SetupMarker = "<!-- setup -->"

// SetupCode is the first code cell of every course notebook. GoNB compiles every cell as a
// program in a temporary Go module; this cell makes that module build the course offline and
// without a `go get` per cell:
//
//   - %goflags -ldflags=-s -tags=minimal: link without the symbol table (smaller binaries,
//     faster link; panics still name the line), and gonum/plot without the vector back ends
//     (CellBuildFlags);
//   - %noautoget: GoNB no longer runs `go get` before every cell (0.07–0.4 s each, measured),
//     since the last line resolves every module a course cell can import;
//   - %env CGO_ENABLED 0: pure-Go builds: no C toolchain queries, and the linker loads no host
//     objects (the cells use no cgo; `nma setup` warms the build cache for this setting);
//   - the last line adds a require and a replace that point the module at the repository root
//     (found with `go list -m` from the notebook's folder), requires every module of the
//     course's module graph at the version the course selects (`go list -m all`, offline once
//     `nma setup` has downloaded it), and copies the course's go.sum, so that each cell's
//     `go build` finds every package and checksum without the network.
//
// Running it again is harmless (the requires are the same, go.sum lines repeat).
var SetupCode = "%goflags " + cellGoFlags + "\n" +
	"%noautoget\n" +
	"%env " + cellCgo + "\n" +
	`!*ROOT=$(cd "$GONB_DIR" && go list -m -f '{{.Dir}}') && go mod edit -require=github.com/nma-go/nma-go@v0.0.0-00010101000000-000000000000 -replace=github.com/nma-go/nma-go="$ROOT" $(cd "$ROOT" && go list -m -f '{{if not .Main}}-require={{.Path}}@{{.Version}}{{end}}' all) && cat "$ROOT/go.sum" >> go.sum`

// SetupText explains the setup cell to students; it ends the markdown cell that holds the
// marker.
var SetupText = "The first cell connects this notebook to the course's Go packages in this checkout, offline, wherever the repository lives. " +
	"GoNB compiles every cell as a small Go program in a temporary Go module; the cell's last line points that module at the repository root " +
	"(a `require` plus a `replace`, the root found with `go list -m` from the notebook's folder), requires every module the course uses at the version the course pins, " +
	"and copies the course's `go.sum`, so that no cell needs the internet. Run it once after every kernel (re)start; running it again is harmless.\n\n" +
	"The `%` lines make each cell's program quicker to build: `%noautoget` skips the `go get` GoNB would otherwise run before every cell (the last line has already resolved every module), " +
	"`%env " + cellCgo + "` builds pure-Go programs (no C toolchain, a faster link), `-ldflags=-s` links without the symbol table (panics still name the line), and `-tags=minimal` leaves out the plotting library's PDF and SVG writers, which a figure shown here never needs.\n\n" +
	"**Another module.** To import a module the course does not include, fetch it once (this needs the internet) in a cell of its own, e.g. " +
	"`!*go get github.com/montanaflynn/stats@v0.7.1`, then import it as usual. `%autoget` turns GoNB's `go get` before every cell back on."
