package grade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/grade/harness"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// A synthetic class built from the catalogued mistakes, graded on the grader's trusted side:
// each student's transcript is what a sandboxed program sends (the probe on the student's
// function, through JSON), and the verdict and the diagnosis are the grader's (verdictOf).
// Per exercise with a catalogue: alice is right, bob has not started, carol and dave make the
// catalogue's first mistake, erin the second, and frank fails in a way no mistake explains
// (the first mistake's outputs with the last one changed). feedback.csv names the mistakes,
// MistakeStats and report.html count them (the whole catalogue, zeros included), and the
// counts survive a results file and a merge.
func TestClassMistakes(t *testing.T) {
	var exs []exercise.Exercise
	for _, e := range all.Exercises() {
		if len(e.Mistakes) > 0 {
			exs = append(exs, e)
		}
	}
	if len(exs) < 19 {
		t.Fatalf("%d exercises with a catalogue, want W2D3's and W2D4's 19 at least", len(exs))
	}
	r := &runner{wall: 8 * time.Second, memory: 2 << 30}
	names := []string{"alice", "bob", "carol", "dave", "erin", "frank"}
	wire := func(tr exercise.Transcript) runResult {
		data, err := json.Marshal(harness.Output{Status: harness.StatusRecorded, Transcript: &tr})
		if err != nil {
			t.Fatal(err)
		}
		o, started := findOutput([]byte(harness.StartedMark + "\n" + string(data) + "\n"))
		return runResult{output: o, started: started}
	}
	unknown := func(tr exercise.Transcript) exercise.Transcript {
		// change the last observation with numbers (not a condition, which only says yes or no)
		obs := append([]exercise.Obs{}, tr.Obs...)
		k := len(obs) - 1
		for k > 0 && (len(obs[k].Values) == 0 || obs[k].Kind == exercise.KindBool) {
			k--
		}
		last := &obs[k]
		last.Values = append([]float64{}, last.Values...)
		for i := range last.Values {
			last.Values[i] = 12345.678 + float64(i)
		}
		return exercise.Transcript{Obs: obs, End: outcome.Passed}
	}
	results := make([]map[string]Grade, len(names))
	var subs []*submission
	for i, n := range names {
		results[i] = map[string]Grade{}
		subs = append(subs, &submission{Path: n + ".ipynb", Student: n, Notebook: "W2D4_Tutorial1"})
	}
	var cols []Column
	for _, e := range exs {
		cols = append(cols, Column{ID: e.ID, Title: e.Title, Notebook: e.Notebook, Funcs: harness.CheckedFuncs(e), Points: 1, Mistakes: catalogued(e)})
		fn := strings.Join(harness.CheckedFuncs(e), " and ")
		first := exercise.Record(e.Probe, e.Mistakes[0].Impl, nil, time.Minute)
		answers := []exercise.Transcript{
			exercise.Record(e.Probe, e.Solution, nil, time.Minute),
			exercise.Record(e.Probe, e.Stub, nil, time.Minute),
			first, first,
			exercise.Record(e.Probe, e.Mistakes[1].Impl, nil, time.Minute),
			unknown(first),
		}
		for i, tr := range answers {
			v, msg, mistake := r.verdictOf(wire(tr), e, fn)
			results[i][e.ID] = Grade{Exercise: e.ID, File: subs[i].Path, Cell: 3, Verdict: v, Message: msg, Mistake: mistake}
		}
	}
	rep := &Report{Exercises: cols, Students: assemble(names, subs, results, cols), course: "test", limits: "test", class: names}

	wantVerdict := []outcome.Outcome{outcome.Passed, outcome.NotDone, outcome.Failed, outcome.Failed, outcome.Failed, outcome.Failed}
	for j, e := range exs {
		wantMistake := []string{"", "", e.Mistakes[0].Name, e.Mistakes[0].Name, e.Mistakes[1].Name, ""}
		for i, s := range rep.Students {
			g := s.Grades[j]
			if g.Verdict != wantVerdict[i] || g.Mistake != wantMistake[i] {
				t.Errorf("%s %s: %v, mistake %q (%s); want %v, mistake %q", s.Name, e.ID, g.Verdict, g.Mistake, g.Message, wantVerdict[i], wantMistake[i])
			}
			if g.Mistake != "" && !strings.HasPrefix(g.Message, "looks like: "+g.Mistake+" — ") {
				t.Errorf("%s %s: message %q does not name the mistake", s.Name, e.ID, g.Message)
			}
		}
	}

	// feedback.csv: the mistake column.
	var fb bytes.Buffer
	if err := WriteCSV(&fb, rep.Feedback()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(fb.String()), "\n")
	if !strings.HasSuffix(lines[0], ",message,mistake") || len(lines) != 1+len(names)*len(exs) {
		t.Fatalf("feedback.csv: header %q, %d lines", lines[0], len(lines))
	}
	for i, s := range rep.Students {
		for j, g := range s.Grades {
			line := lines[1+i*len(exs)+j]
			if !strings.HasPrefix(line, s.Name+","+g.Exercise+",") || !strings.HasSuffix(line, ","+csvText(g.Mistake)) {
				t.Errorf("feedback.csv line %q: want %s %s ending in the mistake %q", line, s.Name, g.Exercise, g.Mistake)
			}
		}
	}

	// MistakeStats: per exercise, the whole catalogue with its counts, then none recognised.
	stats := rep.MistakeStats()
	var got []string
	for i := 0; i < stats.Nrow(); i++ {
		got = append(got, fmt.Sprintf("%s|%s|%s", stats.Col("exercise").Elem(i), stats.Col("mistake").Elem(i), stats.Col("students").Elem(i)))
	}
	var want []string
	for _, e := range exs {
		for k, m := range e.Mistakes {
			n := map[int]int{0: 2, 1: 1}[k]
			want = append(want, fmt.Sprintf("%s|%s|%d", e.ID, m.Name, n))
		}
		want = append(want, fmt.Sprintf("%s|%s|1", e.ID, NoneRecognised))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("MistakeStats:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// report.html: the counts per exercise, who made each mistake, the hints.
	var h bytes.Buffer
	if err := rep.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	e := exs[0]
	for _, w := range []string{
		"<h2>Mistakes</h2>",
		fmt.Sprintf(`<tr><td>%s</td><td><b>%s</b><br><small>%s</small></td><td>2</td><td><a href="#s3-%s">carol</a>, <a href="#s4-%s">dave</a></td></tr>`,
			htmlText(e.ID), htmlText(e.Mistakes[0].Name), htmlText(e.Mistakes[0].Hint), e.ID, e.ID),
		fmt.Sprintf(`<td><b>%s</b><br><small>%s</small></td><td>1</td><td><a href="#s5-%s">erin</a></td>`, htmlText(e.Mistakes[1].Name), htmlText(e.Mistakes[1].Hint), e.ID),
		fmt.Sprintf(`<td><i>%s</i></td><td>1</td><td><a href="#s6-%s">frank</a></td>`, htmlText(NoneRecognised), e.ID),
	} {
		if !strings.Contains(page, w) {
			t.Errorf("report.html lacks %q", w)
		}
	}
	if len(e.Mistakes) > 2 && !strings.Contains(page, fmt.Sprintf("<b>%s</b><br><small>%s</small></td><td>0</td><td></td>", htmlText(e.Mistakes[2].Name), htmlText(e.Mistakes[2].Hint))) {
		t.Errorf("report.html does not list the mistake nobody made, %q", e.Mistakes[2].Name)
	}

	// A results file keeps the mistakes: its merge writes the same feedback and report.
	file := filepath.Join(t.TempDir(), "results.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteResults(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	merged, err := Merge(file)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := reportFeedback(rep), reportFeedback(merged); a != b {
		t.Errorf("feedback.csv after a merge differs:\n%s", firstDiff(b, a))
	}
	if a, b := reportHTML(rep), reportHTML(merged); a != b {
		t.Errorf("report.html after a merge differs:\n%s", firstDiff(b, a))
	}
}

// htmlText is a text as report.html writes it.
func htmlText(s string) string { return html.EscapeString(CleanText(s, maxCellLen)) }

// variantSource is the source of a catalogued mistake's function (in exercises/w2d4), renamed
// to the exercise's function and calling the student's F where the variant calls the
// solution's.
func variantSource(t testing.TB, variant, as string) string {
	t.Helper()
	decls, err := notebook.FuncDecls(filepath.Join(repoRoot(t), "exercises", "w2d4"), []string{variant})
	if err != nil || decls[variant] == "" {
		t.Fatalf("the variant %s: %v", variant, err)
	}
	return strings.ReplaceAll(strings.Replace(decls[variant], "func "+variant+"(", "func "+as+"(", 1), "sol.F(", "F(")
}

// mistakeClass is a class of W2D4 Tutorial 1 notebooks whose answers to F and ComputeDrdt
// are the catalogue's variants (their source in exercises/w2d4/mistakes_tutorial1.go), and
// what the grader must say: by student, the mistake of each exercise ("-" passed, "todo" not
// done, "" failed with none recognised). A ComputeDrdt that calls a wrong F matches none of
// ComputeDrdt's mistakes, which call the right one.
func mistakeClass(t testing.TB) (nbs map[string][]byte, want map[string][2]string) {
	t.Helper()
	f := func(v string) string { return variantSource(t, v, "F") }
	d := func(v string) string { return variantSource(t, v, "ComputeDrdt") }
	wrongF := `func F(x, a, theta float64) float64 {
	return a * x
}`
	type student struct{ f, drdt, wantF, wantDrdt string }
	class := map[string]student{
		"alice":  {correctF, e2Answers["correct"], "-", "-"},
		"bob":    {f("fNoOffset"), d("drdtNoTau"), "no offset", ""},
		"carol":  {f("fNoOffset"), e2Answers["correct"], "no offset", ""},
		"dave":   {correctF, d("drdtTauOnLeak"), "-", "τ on the leak only"},
		"erin":   {wrongF, e2Answers["stub"], "", "todo"},
		"frank":  {f("fGainOnX"), d("drdtInputOutside"), "gain on x only", ""},
		"george": {correctF, d("drdtNoTau"), "-", "no τ"},
	}
	nbs, want = map[string][]byte{}, map[string][2]string{}
	for name, s := range class {
		ans := correctAnswers()
		ans["W2D4.T1.E1"], ans["W2D4.T1.E2"] = s.f, s.drdt
		nbs[name] = marshal(t, buildNotebook(t, name, tutorialSource(name, ans, nil, nil, nil), ans))
		want[name] = [2]string{s.wantF, s.wantDrdt}
	}
	return nbs, want
}

// The class's notebooks hold the variants' code (cheap: no grading).
func TestMistakeClassNotebooks(t *testing.T) {
	nbs, _ := mistakeClass(t)
	for name, data := range nbs {
		nb, err := notebook.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, c := range nb.Cells {
			switch c.ExerciseID() {
			case "W2D4.T1.E1":
				if _, _, ok := notebook.FindFunc(c.Source, "F"); ok {
					found++
				}
			case "W2D4.T1.E2":
				if _, _, ok := notebook.FindFunc(c.Source, "ComputeDrdt"); ok && !strings.Contains(c.Source, "sol.") {
					found++
				}
			}
		}
		if found != 2 {
			t.Errorf("%s: %d of the 2 exercise functions found", name, found)
		}
	}
}

// `nma grade` on a class whose answers make the catalogue's mistakes: every student is told
// which one, in the sandboxed grading of real notebooks, and the report counts them.
func TestGradeMistakeClass(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs 7 student programs")
	}
	nbs, want := mistakeClass(t)
	dir := t.TempDir()
	for name, data := range nbs {
		p := filepath.Join(dir, name, "W2D4_Tutorial1.ipynb")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Run([]string{dir}, Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1", "W2D4.T1.E2"},
		Jobs: 2, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rep.Students {
		for j, g := range s.Grades {
			w := want[s.Name][j]
			switch w {
			case "-":
				if g.Verdict != outcome.Passed {
					t.Errorf("%s %s: %v (%s), want passed", s.Name, g.Exercise, g.Verdict, g.Message)
				}
			case "todo":
				if g.Verdict != outcome.NotDone {
					t.Errorf("%s %s: %v (%s), want not done", s.Name, g.Exercise, g.Verdict, g.Message)
				}
			default:
				if g.Verdict != outcome.Failed || g.Mistake != w || w != "" && !strings.HasPrefix(g.Message, "looks like: "+w+" — ") {
					t.Errorf("%s %s: %v, mistake %q (%s); want failed, mistake %q", s.Name, g.Exercise, g.Verdict, g.Mistake, g.Message, w)
				}
			}
		}
	}
	stats := rep.MistakeStats()
	counts := map[string]string{}
	for i := 0; i < stats.Nrow(); i++ {
		counts[stats.Col("exercise").Elem(i).String()+"|"+stats.Col("mistake").Elem(i).String()] = stats.Col("students").Elem(i).String()
	}
	for k, n := range map[string]string{
		"W2D4.T1.E1|no offset": "2", "W2D4.T1.E1|sign of the exponent": "0", "W2D4.T1.E1|gain on x only": "1", "W2D4.T1.E1|" + NoneRecognised: "1",
		"W2D4.T1.E2|no τ": "1", "W2D4.T1.E2|τ on the leak only": "1", "W2D4.T1.E2|external input outside F": "0", "W2D4.T1.E2|" + NoneRecognised: "3",
	} {
		if counts[k] != n {
			t.Errorf("MistakeStats %s: %q students, want %s", k, counts[k], n)
		}
	}
}
