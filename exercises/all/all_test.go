package all

import (
	"github.com/nma-go/nma-go/nma/outcome"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/notebook"
)

// The invariant of the course: every check fails on its stub (as "not done") and passes on
// its solution.
func TestEveryCheckFailsOnStubAndPassesOnSolution(t *testing.T) {
	exs := Exercises()
	if len(exs) == 0 {
		t.Fatal("no exercises registered")
	}
	for _, e := range exs {
		t.Run(e.ID, func(t *testing.T) {
			if r := e.Check(e.Stub); r.OK() || r.Status != outcome.NotDone || r.ID != e.ID {
				t.Errorf("check on the stub: %v (status %v), want not done for %s", r, r.Status, e.ID)
			}
			if r := e.Check(e.Solution); !r.OK() || r.Cases == 0 {
				t.Errorf("check on the solution: %v (%d comparisons), want passed", r, r.Cases)
			}
		})
	}
}

func TestIDsAreWellFormedAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Exercises() {
		if !exercise.IDPattern.MatchString(e.ID) || seen[e.ID] {
			t.Errorf("exercise ID %q is malformed or duplicated", e.ID)
		}
		seen[e.ID] = true
		if _, ok := ByID(e.ID); !ok {
			t.Errorf("ByID(%s) not found", e.ID)
		}
	}
}

// The stub in each notebook's exercise cell is the code in exercises/<day>/, character for
// character, and every registered exercise has exactly one cell.
func TestNotebookStubsEqualExerciseStubs(t *testing.T) {
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]int{}
	for _, e := range Exercises() {
		nb, err := notebook.Read(filepath.Join(root, "notebooks", e.Notebook+".ipynb"))
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		stubs, err := notebook.FuncDecls(filepath.Join(root, "exercises", e.Day()), e.Funcs)
		if err != nil {
			t.Fatal(err)
		}
		sols, err := notebook.FuncDecls(filepath.Join(root, "solutions", e.Day()), e.Funcs)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range nb.Cells {
			if c.ExerciseID() != e.ID {
				continue
			}
			cells[e.ID]++
			for _, f := range e.Funcs {
				s, end, ok := notebook.FindFunc(c.Source, f)
				if !ok {
					t.Errorf("%s: cell has no function %s", e.ID, f)
					continue
				}
				if got := c.Source[s:end]; strings.TrimRight(got, "\n") != strings.TrimRight(stubs[f], "\n") {
					t.Errorf("%s: stub %s in %s.ipynb differs from exercises/%s:\n%s\n---\n%s", e.ID, f, e.Notebook, e.Day(), got, stubs[f])
				}
			}
			sol, err := notebook.ReplaceFuncs(c.Source, sols)
			if err != nil || len(stubMarks.FindAllString(sol, -1)) > 0 {
				t.Errorf("%s: solution substitution failed (%v) or left a blank or the TODO", e.ID, err)
			}
		}
	}
	for _, e := range Exercises() {
		if cells[e.ID] != 1 {
			t.Errorf("%s has %d exercise cells in %s.ipynb, want 1", e.ID, cells[e.ID], e.Notebook)
		}
	}
}

// stubMarks finds where a stub is not done and the exercise it names: a blank,
// exercise.Blank[T]("ID", …) or exercise.BlankStep("ID", …), or the panic
// exercise.TODO("ID").
var stubMarks = regexp.MustCompile(`exercise\.(?:Blank\[.*?\]|BlankStep|TODO)\("(W\dD\d\.T\d+\.E\d+)"`)

// Each exercise cell's stub is not done with its own ID, so the runner's "not done" rule
// applies: it has at least one blank or TODO, and all of them name the exercise.
func TestStubsNameTheirExercise(t *testing.T) {
	root, _ := checkout.FindRoot(".")
	for _, e := range Exercises() {
		stubs, err := notebook.FuncDecls(filepath.Join(root, "exercises", e.Day()), e.Funcs)
		if err != nil {
			t.Fatal(err)
		}
		for f, src := range stubs {
			marks := stubMarks.FindAllStringSubmatch(src, -1)
			if len(marks) == 0 {
				t.Errorf("%s: stub %s has no exercise.Blank, exercise.BlankStep or exercise.TODO", e.ID, f)
			}
			for _, m := range marks {
				if m[1] != e.ID {
					t.Errorf("%s: stub %s has a blank of %s", e.ID, f, m[1])
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "solutions")); err != nil {
		t.Fatal(err)
	}
}
