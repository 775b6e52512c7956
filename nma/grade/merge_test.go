package grade

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/outcome"
)

// writeResults writes a report's results file into dir.
func writeResults(t testing.TB, dir, name string, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteResults(&b); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// editResults writes a copy of a results file changed by edit.
func editResults(t testing.TB, from, to string, edit func(m map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(filepath.Dir(from), to)
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// syntheticShards grades nobody: it assembles the reports of a made-up class of 7 as an
// unsharded run and as n shards would, the sandbox's reports differing between shards.
func syntheticShards(n int) (full *Report, shards []*Report) {
	cols := []Column{
		{ID: "W2D4.T1.E1", Title: "F-I curve", Notebook: "W2D4_Tutorial1", Funcs: []string{"F"}, Points: 1},
		{ID: "W2D4.T1.E4", Title: "eigenvalues", Notebook: "W2D4_Tutorial1", Funcs: []string{"EigSingle"}, Points: 0.5, Bonus: true},
	}
	names := []string{"=cmd|' -C calc'!A0", "alice", "bob", "carol", "dave", "erin", "frank"}
	verdicts := []outcome.Outcome{outcome.Passed, outcome.Failed, outcome.Crashed, outcome.NotDone, outcome.Passed, outcome.Timeout, outcome.CompileError}
	sub := func(i int) (*submission, map[string]Grade) {
		s := &submission{Path: "class/" + names[i] + "/W2D4_Tutorial1.ipynb", Student: names[i], Notebook: "W2D4_Tutorial1"}
		res := map[string]Grade{"W2D4.T1.E1": {Exercise: "W2D4.T1.E1", File: s.Path, Cell: 10, Verdict: verdicts[i], Message: "message " + names[i]}}
		if i%2 == 0 {
			res["W2D4.T1.E4"] = Grade{Exercise: "W2D4.T1.E4", File: s.Path, Cell: 45, Verdict: outcome.Passed, Message: "ok"}
		}
		return s, res
	}
	tmpl := "each run: own process with namespaces; " + sandboxPlaceholder + "; wall-clock limit 9.5s"
	mk := func(k, n int, idx []int, parts []string) *Report {
		var subs []*submission
		var results []map[string]Grade
		var ns []string
		for _, i := range idx {
			s, res := sub(i)
			subs, results, ns = append(subs, s), append(results, res), append(ns, names[i])
		}
		r := &Report{Exercises: cols, Students: assemble(ns, subs, results, cols), course: "c0ffee", class: names,
			limits: "check timeout 3s", shardK: k, shardN: n, sandboxTmpl: tmpl, sandboxSep: " | ", sandboxParts: parts}
		r.Sandbox = strings.Replace(tmpl, sandboxPlaceholder, strings.Join(parts, " | "), 1)
		if n > 1 {
			r.Shard = strings.Join([]string{string(rune('0' + k)), string(rune('0' + n))}, "/")
		}
		return r
	}
	all := []int{0, 1, 2, 3, 4, 5, 6}
	full = mk(1, 1, all, []string{"landlock(v3)", "rlimits"})
	for k := 1; k <= n; k++ {
		var idx []int
		for _, i := range all {
			if i%n == k-1 {
				idx = append(idx, i)
			}
		}
		parts := []string{"landlock(v3)", "rlimits"}
		if k == 2 {
			parts = nil // a shard that ran no program
		} else if k == 3 {
			parts = []string{"rlimits"}
		}
		shards = append(shards, mk(k, n, idx, parts))
	}
	return full, shards
}

func sameReports(t *testing.T, want, got *Report) {
	t.Helper()
	for name, out := range map[string]func(*Report) string{"grades.csv": reportCSV, "feedback.csv": reportFeedback,
		"report.html": reportHTML, "table": reportTable} {
		if a, b := out(want), out(got); a != b {
			t.Errorf("%s differs from the unsharded run's:\n%s\n---\n%s", name, firstDiff(a, b), firstDiff(b, a))
		}
	}
	var a, b bytes.Buffer
	want.WriteResults(&a)
	got.WriteResults(&b)
	if a.String() != b.String() {
		t.Errorf("the results files differ:\n%s\n---\n%s", firstDiff(a.String(), b.String()), firstDiff(b.String(), a.String()))
	}
}

// Merge puts shards back together in any order, with the sandbox note of the whole run,
// and refuses, naming the file, what does not fit together.
func TestMerge(t *testing.T) {
	dir := t.TempDir()
	full, shards := syntheticShards(3)
	var files []string
	for i, r := range shards {
		files = append(files, writeResults(t, dir, "shard"+string(rune('1'+i))+".json", r))
	}
	merged, err := Merge(files[2], files[0], files[1])
	if err != nil {
		t.Fatal(err)
	}
	sameReports(t, full, merged)
	one := writeResults(t, dir, "full.json", full)
	if merged, err := Merge(one); err != nil {
		t.Fatal(err)
	} else {
		sameReports(t, full, merged)
	}

	f1, f2, f3 := files[0], files[1], files[2]
	for _, c := range []struct {
		name  string
		files []string
		want  []string
	}{
		{"missing shard", []string{f1, f3}, []string{"shard 2/3 missing"}},
		{"shard twice", []string{f1, f2, f3, f2}, []string{f2, "both shard 2/3"}},
		{"shard and whole run", []string{f1, f2, f3, one}, []string{"full.json", "not shards of one run"}},
		{"other points", []string{f1, editResults(t, f2, "points.json", func(m map[string]any) {
			m["exercises"].([]any)[0].(map[string]any)["Points"] = 2
		}), f3}, []string{"points.json", "W2D4.T1.E1 is worth 2, not 1"}},
		{"other exercises", []string{f1, f2, editResults(t, f3, "exercises.json", func(m map[string]any) {
			m["exercises"] = m["exercises"].([]any)[:1]
		})}, []string{"exercises.json", "1 exercises, not 2"}},
		{"other course", []string{editResults(t, f1, "course.json", func(m map[string]any) { m["course"] = "deadbeef" }), f2, f3},
			[]string{"course.json", "another version of the course or of Go"}},
		{"other limits", []string{f1, editResults(t, f2, "limits.json", func(m map[string]any) { m["limits"] = "check timeout 10s" }), f3},
			[]string{"limits.json", "other limits"}},
		{"other class", []string{f1, f2, editResults(t, f3, "class.json", func(m map[string]any) {
			m["class"] = append(m["class"].([]any), "zoe")
		})}, []string{"class.json", "another class"}},
		{"students of another shard", []string{f1, editResults(t, f2, "students.json", func(m map[string]any) {
			m["students"] = m["students"].([]any)[:1]
		}), f3}, []string{"students.json", "does not hold the students of shard 2/3"}},
		{"other sandbox", []string{f1, f2, editResults(t, f3, "sandbox.json", func(m map[string]any) {
			m["sandbox_template"] = "no isolation " + sandboxPlaceholder
		})}, []string{"sandbox.json", "another sandbox"}},
		{"not results", []string{f1, f2, editResults(t, f3, "other.json", func(m map[string]any) { m["format"] = "something/1" })},
			[]string{"other.json", "format"}},
		// A file of the first format, whose verdicts were other words ("timeout"): refused
		// for its format, before its verdicts fail to decode.
		{"format 1", []string{f1, f2, editResults(t, f3, "v1.json", func(m map[string]any) {
			m["format"] = "nma-grade-results/1"
			m["students"].([]any)[0].(map[string]any)["Grades"].([]any)[0].(map[string]any)["Verdict"] = "timeout"
		})}, []string{"v1.json", `format "nma-grade-results/1", want "` + ResultsFormat + `"`}},
		{"unknown verdict", []string{f1, f2, editResults(t, f3, "verdict.json", func(m map[string]any) {
			m["students"].([]any)[0].(map[string]any)["Grades"].([]any)[0].(map[string]any)["Verdict"] = "sort of passed"
		})}, []string{"verdict.json", `"sort of passed"`}},
	} {
		_, err := Merge(c.files...)
		if err == nil {
			t.Errorf("%s: merged", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
	}
	garbage := filepath.Join(dir, "garbage.json")
	os.WriteFile(garbage, []byte("student,points\n"), 0o644)
	if _, err := Merge(f1, garbage); err == nil || !strings.Contains(err.Error(), "garbage.json: not an nma grade results file") {
		t.Errorf("garbage: %v", err)
	}
}

// A class graded once and as three shards (each writing its results file), merged: the
// gradebook, the feedback, the HTML report and the table are byte-identical.
func TestMergeShardsOfAClass(t *testing.T) {
	if testing.Short() {
		t.Skip("grades a class four times")
	}
	class := generateClass(t, 25, "127.0.0.1:9")
	dir := t.TempDir()
	// Answers that finish quickly (no endless loops), two broken files, and students with
	// a formula for a name, a hidden folder and two copies of the notebook.
	for _, i := range []int{0, 1, 2, 3, 6, 12, 13, 14, 24} {
		writeFile(t, filepath.Join(dir, class[i].name, "W2D4_Tutorial1.ipynb"), class[i].data)
	}
	writeFile(t, filepath.Join(dir, "=cmd|' -C calc'!A0", "W2D4_Tutorial1.ipynb"), class[2].data)
	writeFile(t, filepath.Join(dir, ".eve", "W2D4_Tutorial1.ipynb"), class[0].data)
	writeFile(t, filepath.Join(dir, "zed", "W2D4_Tutorial1.ipynb"), class[0].data)
	writeFile(t, filepath.Join(dir, "zed", "W2D4_Tutorial1 (1).ipynb"), class[1].data)

	opts := Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.*"}, Jobs: runtime.NumCPU(),
		Timeout: 3 * time.Second, CacheDir: t.TempDir()}
	if testing.Verbose() {
		opts.Log = os.Stderr
	}
	start := time.Now()
	full, err := Run([]string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("unsharded: %d students in %.1f s", len(full.Students), time.Since(start).Seconds())
	out := t.TempDir()
	var files []string
	for k := 3; k >= 1; k-- {
		o := opts
		o.Shard, o.Shards = k, 3
		start := time.Now()
		rep, err := Run([]string{dir}, o)
		if err != nil {
			t.Fatalf("shard %d/3: %v", k, err)
		}
		t.Logf("shard %d/3: %d students in %.1f s", k, len(rep.Students), time.Since(start).Seconds())
		files = append(files, writeResults(t, out, "shard"+string(rune('0'+k))+".json", rep))
	}
	merged, err := Merge(files...)
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Students) != len(full.Students) || len(full.Students) != 12 {
		t.Fatalf("merged %d students, the whole run %d, want 12", len(merged.Students), len(full.Students))
	}
	sameReports(t, full, merged)
	if !strings.Contains(reportCSV(merged), `"'=cmd|' -C calc'!A0",`) {
		t.Errorf("the formula-named student is not neutralised:\n%s", reportCSV(merged))
	}
	if _, err := Merge(files[0], files[1]); err == nil || !strings.Contains(err.Error(), "shard 1/3 missing") {
		t.Errorf("two shards of three merged: %v", err)
	}
}
