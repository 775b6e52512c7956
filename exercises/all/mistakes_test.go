package all

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/outcome"
)

// Every catalogued mistake, run through its exercise's check, fails with exactly its own
// diagnosis — in the notebook (Check) and in the grader (Judge on the whole transcript, as a
// sandboxed program sends it) alike; no two mistakes of an exercise give outputs the check
// cannot tell apart; and neither the solution nor the stub gets a diagnosis.
func TestEveryMistakeGetsItsOwnDiagnosis(t *testing.T) {
	for _, e := range Exercises() {
		if len(e.Mistakes) == 0 {
			continue
		}
		t.Run(e.ID, func(t *testing.T) {
			if len(e.Mistakes) < 2 {
				t.Errorf("%d catalogued mistake(s): a catalogue has at least two", len(e.Mistakes))
			}
			fn := strings.Join(e.Funcs, ", ")
			known := e.KnownMistakes()
			if len(known) != len(e.Mistakes) {
				t.Fatalf("%d known mistakes for %d catalogued", len(known), len(e.Mistakes))
			}
			for i, m := range e.Mistakes {
				k := known[i]
				if k.Transcript.End != outcome.Passed {
					t.Errorf("%q: the check does not run to its end on the variant (%v: %s)", m.Name, k.Transcript.End, k.Transcript.Message)
					continue
				}
				if r := exercise.Compare(e.ID, fn, e.Expected(), k.Transcript); r.Status != outcome.Failed {
					t.Errorf("%q: the variant does not fail the check (%v): it is no mistake, or the check's inputs miss it", m.Name, r.Status)
				}
				for j, o := range known {
					if j != i && exercise.Compare(e.ID, fn, o.Transcript, k.Transcript).OK() {
						t.Errorf("%q and %q cannot be told apart on the check's inputs: add a case that separates them", m.Name, o.Name)
					}
				}
				want := "looks like: " + m.Name + " — " + m.Hint + "\n"
				r := e.Check(m.Impl)
				if r.Status != outcome.Failed || r.Mistake != m.Name || r.Hint != m.Hint || !strings.HasPrefix(r.Message, want) ||
					len(r.Message) == len(want) {
					t.Errorf("%q: the check says %v (mistake %q), want its own diagnosis and the first difference", m.Name, r, r.Mistake)
				}
				g := e.Judge(fn, exercise.Record(e.Probe, m.Impl, nil, exercise.Timeout))
				if g.Status != r.Status || g.Mistake != r.Mistake || g.Message != r.Message {
					t.Errorf("%q: the grader's verdict %v (mistake %q) differs from the notebook's %v", m.Name, g, g.Mistake, r)
				}
			}
			if r := e.Check(e.Solution); !r.OK() || r.Mistake != "" || r.Hint != "" {
				t.Errorf("the solution: %v (mistake %q)", r, r.Mistake)
			}
			if r := e.Check(e.Stub); r.Status != outcome.NotDone || r.Mistake != "" {
				t.Errorf("the stub: %v (mistake %q), want not done", r, r.Mistake)
			}
		})
	}
}

// coverage is the README's table of the catalogue: per day, its exercises, those with
// catalogued mistakes and the number of mistakes; then the week.
func coverage() []string {
	type row struct{ exercises, covered, mistakes int }
	var days []string
	rows := map[string]*row{}
	week := &row{}
	for _, e := range Exercises() {
		day := strings.ToUpper(e.Day())
		if rows[day] == nil {
			rows[day] = &row{}
			days = append(days, day)
		}
		for _, r := range []*row{rows[day], week} {
			r.exercises++
			r.mistakes += len(e.Mistakes)
			if len(e.Mistakes) > 0 {
				r.covered++
			}
		}
	}
	var out []string
	for _, d := range days {
		r := rows[d]
		out = append(out, fmt.Sprintf("| %s | %d | %d | %d |", d, r.exercises, r.covered, r.mistakes))
	}
	return append(out, fmt.Sprintf("| week | %d | %d | %d |", week.exercises, week.covered, week.mistakes))
}

// The README's coverage table of the catalogue is the registry's.
func TestREADMECoverageTable(t *testing.T) {
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const heading = "## Checks that name the mistake"
	_, section, ok := strings.Cut(string(data), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	var got []string
	for _, l := range strings.Split(section, "\n") {
		if strings.HasPrefix(l, "| W") || strings.HasPrefix(l, "| week ") {
			got = append(got, strings.TrimSpace(l))
		}
	}
	want := coverage()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README.md's coverage table of the catalogue:\n%s\nwant (from the registry):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The catalogues, like the solutions, stay out of the programs `nma grade` builds: every
// exercises/<day>/mistakes_*.go file has the build tag !nmagrade.
func TestMistakesStayOutOfGradedPrograms(t *testing.T) {
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "exercises", "*", "mistakes_*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "//go:build !nmagrade\n") {
			t.Errorf("%s does not start with //go:build !nmagrade", f)
		}
	}
	if len(files) == 0 {
		t.Error("no catalogue of mistakes found")
	}
}
