package checkout

import (
	"os/exec"
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
		args := append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)
		out := map[string][]string{}
		for _, p := range pkgs {
			cmd := exec.Command("go", append(args[:4:4], p)...)
			cmd.Dir = root
			b, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("go list -deps %s: %v\n%s", p, err, b)
			}
			out[p] = strings.Fields(string(b))
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
