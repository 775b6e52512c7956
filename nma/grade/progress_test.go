package grade

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/exercise"
)

// The progress of a grading run counts students × exercises: three students who hand in
// two course notebooks are 3 × (the two notebooks' exercises); a second copy of a notebook
// adds nothing. The counts rise with every submission and end at the total.
func TestProgressCountsStudentsTimesExercises(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	put := func(rel, notebook string) {
		b, err := os.ReadFile(filepath.Join(root, "notebooks", notebook+".ipynb"))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	students := []string{"alice", "bob", "carol"}
	for _, s := range students {
		put(s+"/W2D4_Tutorial1.ipynb", "W2D4_Tutorial1")
		put(s+"/W2D4_Tutorial2.ipynb", "W2D4_Tutorial2")
	}
	put("alice/old/W2D4_Tutorial1.ipynb", "W2D4_Tutorial1") // a second copy: graded once

	// What Run does before grading.
	exs := all.Exercises()
	subs, err := expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	notebooks := courseNotebooks(exs)
	nameStudents(subs, notebooks)
	for _, s := range subs {
		s.read(exs, notebooks)
	}
	chooseCopies(subs)
	o := Options{Exercises: exs}
	cols := o.columns(subs)
	perNotebook := map[string][]exercise.Exercise{}
	for _, c := range cols {
		perNotebook[c.Notebook] = append(perNotebook[c.Notebook], c)
	}
	if len(perNotebook) != 2 || len(cols) < 4 {
		t.Fatalf("columns %d of notebooks %v", len(cols), perNotebook)
	}

	var calls [][2]int
	p := newProgress(func(done, total int) { calls = append(calls, [2]int{done, total}) }, subs, perNotebook)
	for _, s := range subs {
		p.graded(s)
	}
	want := len(students) * len(cols)
	if len(calls) != len(subs)+1 || calls[0] != [2]int{0, want} || calls[len(calls)-1] != [2]int{want, want} {
		t.Fatalf("progress %v, want 0 … %d of %d (%d students × %d exercises), one call per submission", calls, want, want, len(students), len(cols))
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != want {
			t.Fatalf("call %d: %v after %v", i, calls[i], calls[i-1])
		}
	}
	newProgress(nil, subs, perNotebook).graded(subs[0]) // no callback: nothing to call
}
