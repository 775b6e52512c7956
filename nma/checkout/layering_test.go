package checkout

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The house's rules, read from the import graph with `go list -deps`:
//   - the root package nma and the models compute and never draw: no gonum/plot, no fonts,
//     no GoNB, no nma/fig (their figures live in the …fig companions);
//   - the library never imports the exercises or the solutions (the nma command, at the top
//     of the house, does: it grades them).
func TestModelsDoNotDraw(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over the module (a few seconds)")
	}
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	deps := func(pkgs ...string) map[string][]string {
		out := map[string][]string{}
		for _, p := range pkgs {
			out[p] = goDeps(t, root, p)
		}
		return out
	}
	models := []string{"./nma", "./nma/linsys", "./nma/neuron", "./nma/ratemodel", "./nma/nn", "./nma/vision", "./nma/rsa", "./nma/data", "./nma/rng"}
	forbidden := []string{"gonum.org/v1/plot", "github.com/janpfeifer/gonb", "golang.org/x/image/font", "github.com/go-fonts", ModulePath + "/nma/fig"}
	for p, ds := range deps(models...) {
		for _, d := range ds {
			for _, f := range forbidden {
				if d == f || strings.HasPrefix(d, f+"/") {
					t.Errorf("%s imports %s (through its dependencies): models compute, their …fig companion draws", p, d)
				}
			}
		}
	}
	cmd := exec.Command("go", "list", "./nma/...")
	cmd.Dir = root
	b, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var lib []string
	for _, p := range strings.Fields(string(b)) {
		if !strings.HasPrefix(p, ModulePath+"/nma/cmd/") {
			lib = append(lib, p)
		}
	}
	if len(lib) < 20 {
		t.Fatalf("only %d library packages listed: %v", len(lib), lib)
	}
	for p, ds := range deps(lib...) {
		for _, d := range ds {
			if strings.HasPrefix(d, ModulePath+"/exercises") || strings.HasPrefix(d, ModulePath+"/solutions") {
				t.Errorf("%s depends on %s: the library must not import exercises or solutions", p, d)
			}
		}
	}
}

// What a notebook cell links decides its build time, so the packages cells import for
// figures, checks and precomputed demos leave out GoNB's gonbui (its widgets, comms and
// DOM pull in crypto, net, klog and text/template: 71 packages, ~0.1 s of every go build);
// they speak GoNB's display protocol through nma/internal/nbout. Only the opt-in live demos
// (nma/widgets/live) link gonbui.
func TestCellPackagesDoNotLinkGonbui(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over the module (a few seconds)")
	}
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	// as a notebook cell builds: pure Go, gonum/plot without its vector back ends
	list := func(p string) []string { return goDeps(t, root, p, "-tags=minimal", "CGO_ENABLED=0") }
	has := slices.Contains[[]string]
	const gonbui = "github.com/janpfeifer/gonb/gonbui"
	for _, p := range []string{"./nma/widgets", "./nma/fig", "./nma/exercise", "./nma/progress", "./nma/table", "./exercises/w2d4"} {
		if has(list(p), gonbui) {
			t.Errorf("%s links %s: a notebook cell that imports it builds ~0.1 s slower (only nma/widgets/live may)", p, gonbui)
		}
	}
	if !has(list("./nma/widgets/live"), gonbui) {
		t.Errorf("nma/widgets/live does not link %s: the test above checks nothing", gonbui)
	}
}

// goDeps lists the import paths p depends on (go list -deps), run in root with the extra
// flags (arguments starting with "-") and environment settings (NAME=value) given.
func goDeps(t *testing.T, root, p string, extra ...string) []string {
	t.Helper()
	args := []string{"list", "-deps", "-f", "{{.ImportPath}}"}
	var env []string
	for _, e := range extra {
		if strings.HasPrefix(e, "-") {
			args = append(args, e)
		} else {
			env = append(env, e)
		}
	}
	cmd := exec.Command("go", append(args, p)...)
	cmd.Dir = root
	cmd.Env = append(cmd.Environ(), env...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", p, err, b)
	}
	return strings.Fields(string(b))
}
