package grade

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// Every registered exercise, graded from the course notebooks themselves: as shipped (the
// stubs: not done) and with the reference solutions swapped in (passed). New exercises are
// covered as soon as they are registered and their notebook exists.
func TestCourseNotebooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs per course notebook")
	}
	root := repoRoot(t)
	exs := all.Exercises()
	dir := t.TempDir()
	byNotebook := map[string][]string{}
	for _, e := range exs {
		byNotebook[e.Notebook] = append(byNotebook[e.Notebook], e.ID)
	}
	var graded []string
	for _, name := range courseNotebooks(exs) {
		nb, err := notebook.Read(filepath.Join(root, "notebooks", name+".ipynb"))
		if os.IsNotExist(err) {
			t.Logf("%s: no notebook yet", name)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sol, err := notebook.Prepare(nb, true, func(id string) (map[string]string, error) {
			e, _ := byID(exs, id)
			return notebook.FuncDecls(filepath.Join(root, "solutions", e.Day()), e.Funcs)
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for who, n := range map[string]*notebook.Notebook{"shipped": nb, "solutions": sol} {
			p := filepath.Join(dir, who, name+".ipynb")
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := n.Write(p); err != nil {
				t.Fatal(err)
			}
		}
		graded = append(graded, name)
	}
	if len(graded) == 0 {
		t.Skip("no course notebook with exercises")
	}
	opts := Options{Root: root, Exercises: exs, Jobs: runtime.NumCPU()}
	if testing.Verbose() {
		opts.Log = os.Stderr
	}
	start := time.Now()
	rep, err := Run([]string{dir}, opts) // students "shipped" and "solutions"
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d notebooks, %d exercises, twice, in %.1f s", len(graded), len(rep.Exercises), time.Since(start).Seconds())
	want := map[string]outcome.Outcome{"shipped": outcome.NotDone, "solutions": outcome.Passed}
	for _, s := range rep.Students {
		for j, g := range s.Grades {
			nbName := rep.Exercises[j].Notebook
			if !contains(graded, nbName) {
				continue
			}
			if g.Verdict != want[s.Name] {
				t.Errorf("%s %s (%s): %s: %s", s.Name, g.Exercise, nbName, g.Verdict, g.Message)
			}
		}
	}
}

func byID(exs []exercise.Exercise, id string) (exercise.Exercise, bool) {
	for _, e := range exs {
		if e.ID == id {
			return e, true
		}
	}
	return exercise.Exercise{}, false
}
