package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/outcome"
)

// Forged verdicts (attack classes 1 and 2 of the red team): the graded program decides
// nothing, so whatever it writes on its output pipe — a fake transcript, a fake status, a
// check's own stop signal re-panicked in the student's function — can at most claim outputs,
// and the grader compares those with the solution's, which it computed itself.
var forgedAnswers = []struct {
	name, cell string
	want       outcome.Outcome
	msg        string
}{
	// A transcript of the right shape claiming F = 0 everywhere, written straight to the
	// output pipe before the probe runs; the program then exits.
	{"forged_transcript", `func F(x, a, theta float64) float64 {
	tr := exercise.Record(func(r *exercise.Recorder, _ any) {
		for _, x := range nma.Arange(0, 10, 0.1) {
			r.Float(exercise.Describe("F", "x", x, "a", 1.2, "theta", 2.8), 0, 1e-9)
		}
	}, nil, nil, 0)
	line, _ := json.Marshal(map[string]any{"exercise": "W2D4.T1.E1", "status": "recorded", "transcript": tr})
	os.NewFile(3, "").Write(append([]byte("started\n"), append(line, '\n')...))
	os.Exit(0)
	return 0
}`, outcome.Failed, "F(x=0.1, a=1.2, theta=2.8): expected 0.0"},
	// The old verdict format, a "passed" status on the pipe.
	{"forged_status", `func F(x, a, theta float64) float64 {
	os.NewFile(3, "").WriteString("started\n{\"exercise\":\"W2D4.T1.E1\",\"status\":\"passed\",\"cases\":416}\n")
	os.Exit(0)
	return 0
}`, outcome.NoVerdict, "sent no transcript"},
	// The Recorder's own stop panic, captured from a probe the student runs, re-panicked
	// inside F so that the probe seems to end normally after 0 comparisons.
	{"recovered_stop", `var stopValue any

func F(x, a, theta float64) float64 {
	if stopValue == nil {
		want := exercise.Record(func(r *exercise.Recorder, _ any) { r.Float("x", 1, 0) }, nil, nil, 0)
		exercise.Record(func(r *exercise.Recorder, _ any) {
			defer func() {
				stopValue = recover()
				panic(stopValue)
			}()
			r.Float("x", 2, 0)
		}, nil, &want, 0)
	}
	panic(stopValue)
}`, outcome.Failed, "not compared (the check ended after 0 of"},
}

func TestForgedVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds student programs")
	}
	dir := t.TempDir()
	for _, a := range forgedAnswers {
		ans := correctAnswers()
		ans["W2D4.T1.E1"] = a.cell
		nb := buildNotebook(t, a.name, tutorialSource(a.name, ans, nil, nil, nil), ans)
		p := filepath.Join(dir, a.name+".ipynb")
		if err := os.WriteFile(p, marshal(t, nb), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Run([]string{dir}, Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"},
		Jobs: 2, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Grade{}
	for _, s := range rep.Students {
		got[s.Name] = s.Grades[0]
	}
	for _, a := range forgedAnswers {
		g, ok := got[a.name]
		if !ok {
			t.Errorf("%s: not graded", a.name)
			continue
		}
		if g.Verdict != a.want || !strings.Contains(g.Message, a.msg) {
			t.Errorf("%s: %s (%s), want %s with %q", a.name, g.Verdict, g.Message, a.want, a.msg)
		}
	}
}
