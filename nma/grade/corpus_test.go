package grade

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus from the answers in answers_test.go")

// corpusCase is a submission of the adversarial corpus and the verdicts it must get.
type corpusCase struct {
	name string
	data []byte
	want map[string]outcome.Outcome // by exercise ID; the others are passed
	msg  map[string]string          // part of the message, by exercise ID
	note string                     // part of a note on the student
}

// needsLandlock: submissions whose verdict depends on Landlock (kernel ≥ 5.13).
var needsLandlock = map[string]bool{"write_outside": true, "read_own_memory": true}

var ids = []string{"W2D4.T1.E1", "W2D4.T1.E2", "W2D4.T1.E3", "W2D4.T1.E4"}

func correctAnswers() map[string]string {
	return map[string]string{"W2D4.T1.E1": correctF, "W2D4.T1.E2": e2Answers["correct"],
		"W2D4.T1.E3": e3Answers["correct"], "W2D4.T1.E4": e4Answers["correct"]}
}

func buildNotebook(t testing.TB, name, src string, ans map[string]string) *notebook.Notebook {
	t.Helper()
	nb, err := notebook.Build(name, []byte(src), func(id string) (string, error) { return ans[id], nil })
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func marshal(t testing.TB, nb *notebook.Notebook) []byte {
	t.Helper()
	data, err := nb.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func all4(v outcome.Outcome) map[string]outcome.Outcome {
	m := map[string]outcome.Outcome{}
	for _, id := range ids {
		m[id] = v
	}
	return m
}

// corpus lists the adversarial submissions: one per answer to F (with correct answers to
// the other exercises), and whole-notebook problems.
func corpus(t testing.TB) []corpusCase {
	var out []corpusCase
	for _, f := range fAnswers {
		ans := correctAnswers()
		ans["W2D4.T1.E1"] = f.cell
		before := map[string]string{"W2D4.T1.E1": f.before}
		after := map[string]string{"W2D4.T1.E1": f.after}
		nb := buildNotebook(t, f.name, tutorialSource(f.name, ans, before, after, nil), ans)
		out = append(out, corpusCase{name: f.name, data: marshal(t, nb),
			want: map[string]outcome.Outcome{"W2D4.T1.E1": f.want, "W2D4.T1.E2": f.wantE2},
			msg:  map[string]string{"W2D4.T1.E1": f.msg, "W2D4.T1.E2": f.msgE2}})
	}
	ans := correctAnswers()
	good := buildNotebook(t, "good", tutorialSource("good", ans, nil, nil, nil), ans)
	noMeta, nbgrader := good.Clone(), good.Clone()
	for i, c := range good.Cells {
		if c.ExerciseID() == "W2D4.T1.E1" {
			noMeta.Cells[i].Metadata = map[string]any{}
			delete(nbgrader.Cells[i].Metadata, "nma")
		}
	}
	missing := buildNotebook(t, "missing", tutorialSource("missing", ans, nil, nil, map[string]bool{"W2D4.T1.E1": true}), ans)
	full := marshal(t, good)
	python := `{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["import numpy as np\n", "def F(x, a, theta):\n", "    return 0"]}],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}`
	out = append(out,
		corpusCase{name: "no_metadata", data: marshal(t, noMeta)},
		corpusCase{name: "nbgrader_metadata_only", data: marshal(t, nbgrader)},
		corpusCase{name: "missing_cell", data: marshal(t, missing),
			want: map[string]outcome.Outcome{"W2D4.T1.E1": outcome.Missing, "W2D4.T1.E2": outcome.CompileError},
			msg:  map[string]string{"W2D4.T1.E1": "no exercise cell W2D4.T1.E1 and no function F", "W2D4.T1.E2": "undefined: F"}},
		corpusCase{name: "invalid_json", data: []byte(`{"cells": [{"cell_type": "code", "source": ["func F(`),
			want: all4(outcome.Invalid), msg: map[string]string{"W2D4.T1.E1": "not valid notebook JSON"}, note: "not valid notebook JSON"},
		corpusCase{name: "empty", data: nil, want: all4(outcome.Invalid), msg: map[string]string{"W2D4.T1.E3": "the file is empty"}},
		corpusCase{name: "truncated_W2D4_Tutorial1", data: full[:len(full)/2], want: all4(outcome.Invalid),
			msg: map[string]string{"W2D4.T1.E4": "not valid notebook JSON"}},
		corpusCase{name: "not_a_notebook", data: []byte("[1, 2, 3]\n"), want: all4(outcome.Invalid), msg: map[string]string{"W2D4.T1.E2": "cannot unmarshal array"}},
		corpusCase{name: "python_notebook", data: []byte(python), want: all4(outcome.NotSubmitted), note: "not a course notebook"},
	)
	return out
}

func studentName0(c corpusCase) string {
	if strings.HasSuffix(c.name, "_W2D4_Tutorial1") {
		return strings.TrimSuffix(c.name, "_W2D4_Tutorial1")
	}
	return c.name
}

func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// The corpus in testdata is what corpus() generates (run `go test ./nma/grade -run TestCorpusIsCurrent -update`
// after changing the answers).
func TestCorpusIsCurrent(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	cases := corpus(t)
	if *update {
		old, _ := filepath.Glob(filepath.Join(dir, "*.ipynb"))
		for _, f := range old {
			os.Remove(f)
		}
		for _, c := range cases {
			if err := os.WriteFile(filepath.Join(dir, c.name+".ipynb"), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.ipynb"))
	if len(files) != len(cases) {
		t.Errorf("testdata/corpus has %d notebooks, the corpus %d: run go test ./nma/grade -run TestCorpusIsCurrent -update", len(files), len(cases))
	}
	for _, c := range cases {
		have, err := os.ReadFile(filepath.Join(dir, c.name+".ipynb"))
		if err != nil || !bytes.Equal(have, c.data) {
			t.Errorf("testdata/corpus/%s.ipynb is stale or missing: run go test ./nma/grade -run TestCorpusIsCurrent -update", c.name)
		}
	}
}

// checkGrades compares a student's grades with the expected verdicts and messages.
func checkGrades(t *testing.T, s *Student, want map[string]outcome.Outcome, msg map[string]string) {
	t.Helper()
	for _, g := range s.Grades {
		w, ok := want[g.Exercise]
		if !ok {
			w = outcome.Passed
		}
		if g.Verdict != w {
			t.Errorf("%s %s: verdict %q (%s), want %q", s.Name, g.Exercise, g.Verdict, g.Message, w)
			continue
		}
		if m := msg[g.Exercise]; m != "" && !strings.Contains(g.Message, m) {
			t.Errorf("%s %s (%s): message %q lacks %q", s.Name, g.Exercise, g.Verdict, g.Message, m)
		}
		if g.Message == "" {
			t.Errorf("%s %s: %s without a message", s.Name, g.Exercise, g.Verdict)
		}
	}
}

// The adversarial corpus: every submission gets its verdict, with a reason, and none
// disturbs another. Then a second run (other parallelism) writes the same reports.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs about 40 student programs")
	}
	os.Remove("/tmp/nma-grade-escape-test.txt")
	root := repoRoot(t)
	opts := Options{Root: root, Exercises: all.Exercises(), Select: Selection{"W2D4.T1.*"}, Jobs: 2, Timeout: 3 * time.Second,
		CacheDir: t.TempDir()}
	if testing.Verbose() {
		opts.Log = os.Stderr
	}
	start := time.Now()
	rep, err := Run([]string{filepath.Join("testdata", "corpus")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("graded %d corpus notebooks in %.1f s; sandbox: %s", len(rep.Students), time.Since(start).Seconds(), rep.Sandbox)
	byName := map[string]*Student{}
	for _, s := range rep.Students {
		byName[s.Name] = s
	}
	cases := corpus(t)
	if len(rep.Students) != len(cases) {
		t.Errorf("%d students, want %d", len(rep.Students), len(cases))
	}
	landlock := strings.Contains(rep.Sandbox, "landlock(v")
	for _, c := range cases {
		s := byName[studentName0(c)]
		if s == nil {
			t.Errorf("no student %s", studentName0(c))
			continue
		}
		if needsLandlock[c.name] && !landlock {
			t.Logf("%s: not checked, this kernel has no Landlock", c.name)
			continue
		}
		checkGrades(t, s, c.want, c.msg)
		if c.note != "" && !strings.Contains(strings.Join(s.Notes, "\n"), c.note) {
			t.Errorf("%s: notes %q lack %q", s.Name, s.Notes, c.note)
		}
	}
	if _, err := os.Stat("/tmp/nma-grade-escape-test.txt"); err == nil {
		os.Remove("/tmp/nma-grade-escape-test.txt")
		if landlock {
			t.Errorf("a student's program wrote outside its scratch directory")
		}
	}
	if !landlock {
		t.Logf("no Landlock on this kernel: writes outside the scratch directory are not blocked")
	}
	var buf bytes.Buffer
	rep.PrintTable(&buf)
	t.Logf("\n%s", buf.String())

	// Byte-identical reports from a second run with other parallelism (the programs come
	// from the build cache of the first run).
	opts.Jobs = 3
	opts.Log = nil
	rep2, err := Run([]string{filepath.Join("testdata", "corpus")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []func(*Report) string{reportCSV, reportFeedback, reportHTML, reportTable} {
		if a, b := out(rep), out(rep2); a != b {
			t.Errorf("two runs differ:\n%s\n---\n%s", firstDiff(a, b), firstDiff(b, a))
		}
	}
}

func reportCSV(r *Report) string {
	var b bytes.Buffer
	WriteCSV(&b, r.Scores())
	return b.String()
}

func reportFeedback(r *Report) string {
	var b bytes.Buffer
	WriteCSV(&b, r.Feedback())
	return b.String()
}

func reportHTML(r *Report) string {
	var b bytes.Buffer
	r.WriteHTML(&b)
	return b.String()
}

func reportTable(r *Report) string {
	var b bytes.Buffer
	r.PrintTable(&b)
	return b.String()
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			return la[i]
		}
	}
	return ""
}
