package notebook

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/outcome"
)

const src = "# Title\n\nIntro text.\n<!-- cell -->\nSecond cell with a fence:\n```text\nnot code\n```\n\n```go\n%%\nfmt.Println(1)\n```\n\n```go exercise W9D9.T1.E1\n%%\nCheck(F).Report()\n```\nTail.\n"

func TestBuild(t *testing.T) {
	nb, err := Build("W9D9_Tutorial1", []byte(src), func(id string) (string, error) {
		return "// F is a stub.\nfunc F(x float64) float64 {\n\tpanic(exercise.TODO(\"" + id + "\"))\n}\n", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []string{}
	for _, c := range nb.Cells {
		kinds = append(kinds, c.CellType)
	}
	if got := strings.Join(kinds, ","); got != "markdown,markdown,code,code,markdown" {
		t.Fatalf("cells %s", got)
	}
	if !strings.Contains(nb.Cells[1].Source, "```text\nnot code\n```") {
		t.Errorf("a non-go fence must stay in the markdown: %q", nb.Cells[1].Source)
	}
	ex := nb.Cells[3]
	if ex.ExerciseID() != "W9D9.T1.E1" || !strings.HasPrefix(ex.Source, "// F is a stub.\nfunc F(") || !strings.HasSuffix(ex.Source, "%%\nCheck(F).Report()") {
		t.Errorf("exercise cell: id %q source %q", ex.ExerciseID(), ex.Source)
	}
	if g := ex.Metadata["nbgrader"].(map[string]any); g["grade_id"] != "W9D9_T1_E1" || g["solution"] != true {
		t.Errorf("nbgrader metadata %v", g)
	}
	if nb.Cells[0].ID != "w9d9-tutorial1-001" {
		t.Errorf("cell id %q", nb.Cells[0].ID)
	}
	// Round trip through JSON keeps everything, and code cells carry execution_count null and outputs [].
	data, err := nb.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"execution_count": null`) || !strings.Contains(string(data), `"outputs": []`) {
		t.Errorf("code cells must have execution_count null and outputs []")
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Marshal()
	if string(again) != string(data) {
		t.Error("marshal → parse → marshal is not stable")
	}
}

// nbgrader's schema allows only [a-zA-Z0-9_-] in a grade_id: exercise IDs are written with '_'
// and read back from either form; a cell with only nbgrader's metadata still names its exercise.
func TestGradeID(t *testing.T) {
	if g := GradeID("W2D4.T1.E1"); g != "W2D4_T1_E1" {
		t.Errorf("GradeID = %q", g)
	}
	for gid, want := range map[string]string{"W2D4_T1_E1": "W2D4.T1.E1", "W2D4.T1.E1": "W2D4.T1.E1",
		"W2D1_T4_E4": "W2D1.T4.E4", "cell-1234abcd": "", "W2D4_T1": "", "W2D4_T1_E1_x": "", "": ""} {
		if got := ExerciseIDOfGrade(gid); got != want {
			t.Errorf("ExerciseIDOfGrade(%q) = %q, want %q", gid, got, want)
		}
	}
	c := &Cell{CellType: "code", Metadata: ExerciseMetadata("W2D4.T1.E3")}
	delete(c.Metadata, "nma")
	if id := c.ExerciseID(); id != "W2D4.T1.E3" {
		t.Errorf("ExerciseID from nbgrader's grade_id = %q", id)
	}
	c.Metadata["nbgrader"].(map[string]any)["grade_id"] = "cell-1234abcd"
	if id := c.ExerciseID(); id != "" {
		t.Errorf("ExerciseID of a foreign grade_id = %q", id)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build("X", []byte("```go\nunclosed\n"), nil); err == nil || !strings.Contains(err.Error(), "X.md:1: code fence is never closed") {
		t.Errorf("unclosed fence: %v", err)
	}
	if _, err := Build("X", []byte("```go exercise W1D1.T1.E1\n```\n"), nil); err == nil {
		t.Error("exercise without stub source must fail")
	}
}

func TestParseRejectsNonNotebooks(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "empty",
		"{not json":                        "not valid notebook JSON",
		`{"cells": [], "nbformat": 3}`:     "nbformat 3",
		`{"cells": [null], "nbformat": 4}`: "cell 1 is null",
		`{"cells": [{"source": 5}], "nbformat": 4}`: "cell source",
	} {
		_, err := Parse([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", in, err, want)
		}
	}
}

func TestFindAndReplaceFuncs(t *testing.T) {
	cell := "// F doc\n// more doc\nfunc F(x float64) float64 {\n\tif x > 0 {\n\t\treturn x\n\t}\n\tpanic(1)\n}\n\nfunc G() {}\n\n%%\nfmt.Println(F(1))\n"
	s, e, ok := FindFunc(cell, "F")
	if !ok || !strings.HasPrefix(cell[s:e], "// F doc") || !strings.HasSuffix(cell[s:e], "panic(1)\n}\n") {
		t.Fatalf("FindFunc F: %q", cell[s:e])
	}
	if s, e, ok := FindFunc(cell, "G"); !ok || cell[s:e] != "func G() {}\n" {
		t.Errorf("one-line G: %q", cell[s:e])
	}
	if _, _, ok := FindFunc(cell, "H"); ok {
		t.Error("H does not exist")
	}
	out, err := ReplaceFuncs(cell, map[string]string{"F": "// solution\nfunc F(x float64) float64 {\n\treturn 2 * x\n}"})
	if err != nil || !strings.HasPrefix(out, "// solution\nfunc F(x float64) float64 {\n\treturn 2 * x\n}\n\nfunc G() {}") {
		t.Errorf("ReplaceFuncs: %v %q", err, out)
	}
	if _, err := ReplaceFuncs(cell, map[string]string{"Nope": "func Nope() {}"}); err == nil {
		t.Error("replacing a missing function must fail")
	}
}

func raw(v any) json.RawMessage { b, _ := json.Marshal(v); return b }

func TestAnalyzeAllowsOnlyNotDoneErrorsInStudentMode(t *testing.T) {
	notDone := &Cell{CellType: "code", Outputs: []json.RawMessage{
		raw(map[string]any{"output_type": "stream", "name": "stderr", "text": "nma: exercise W2D4.T1.E1 is not done yet: replace…\n"}),
		raw(map[string]any{"output_type": "error", "ename": "ERROR", "evalue": "exit status 1", "traceback": []string{"exit status 1"}}),
	}}
	real := &Cell{CellType: "code", Outputs: []json.RawMessage{
		raw(map[string]any{"output_type": "error", "ename": "ERROR", "evalue": "undefined: x", "traceback": []string{"\x1b[7mCell[3]\x1b[0m undefined: x"}}),
	}}
	// Today's calm form: one grey line in the notebook, no error, and a cell that calls Show()
	// ends before its figure.
	calm := &Cell{CellType: "code", Source: "w2d4.CheckF(F).Report()\nfig.Show()", Outputs: []json.RawMessage{
		raw(map[string]any{"output_type": "display_data", "data": map[string]any{"text/html": "<div>⏳ The exercise W2D4.T1.E1 is not done yet: replace the panic in F with your code, run its cell, then run this cell again.</div>"}}),
	}}
	pipe := &Cell{CellType: "code", Outputs: []json.RawMessage{
		raw(map[string]any{"output_type": "stream", "name": "stderr", "text": "failed to write to GoNB pipe \"/tmp/x\", pipes closed\n"}),
	}}
	secs := map[string]float64{"0": 1.5, "1": 0.25}
	for _, c := range []struct {
		cells     []*Cell
		solutions bool
		status    outcome.Outcome
		msg       string
	}{
		{[]*Cell{notDone}, false, outcome.Passed, ""},
		{[]*Cell{notDone}, true, outcome.Failed, "cell 1: exercise W2D4.T1.E1 is not done yet in the solutions run"},
		{[]*Cell{calm}, false, outcome.Passed, ""},
		{[]*Cell{calm}, true, outcome.Failed, "cell 1: exercise W2D4.T1.E1 is not done yet in the solutions run"},
		{[]*Cell{calm, real}, false, outcome.Failed, "cell 2: ERROR: undefined: x"},
		{[]*Cell{notDone, real}, false, outcome.Failed, "cell 2: ERROR: undefined: x | Cell[3] undefined: x"},
		{[]*Cell{pipe}, false, outcome.Failed, "display failed"},
	} {
		r := Result{Executed: &Notebook{Cells: c.cells}}
		r.analyze(RunOptions{Solutions: c.solutions}, secs)
		if r.Status != c.status || !strings.Contains(r.FirstError, c.msg) {
			t.Errorf("status %q error %q, want %q containing %q", r.Status, r.FirstError, c.status, c.msg)
		}
		if r.Cells != len(c.cells) || len(r.CellTimes) != min(2, len(c.cells)) {
			t.Errorf("cells %d times %v", r.Cells, r.CellTimes)
		}
	}
}

func TestPrepareSolutions(t *testing.T) {
	nb := &Notebook{NBFormat: 4, Cells: []*Cell{
		{CellType: "code", Metadata: ExerciseMetadata("W9D9.T1.E1"), Source: "func F() int {\n\tpanic(0)\n}\n\n%%\nfmt.Println(F())"},
		{CellType: "code", Metadata: map[string]any{}, Source: "%%\nfmt.Println(2)", Outputs: []json.RawMessage{raw(map[string]any{"output_type": "stream"})}},
	}}
	out, err := Prepare(nb, true, func(id string) (map[string]string, error) {
		return map[string]string{"F": "func F() int {\n\treturn 1\n}"}, nil
	})
	if err != nil || out.Cells[0].Source != "func F() int {\n\treturn 1\n}\n\n%%\nfmt.Println(F())" || out.Cells[1].Outputs != nil {
		t.Errorf("Prepare: %v %q", err, out.Cells[0].Source)
	}
	if nb.Cells[0].Source == out.Cells[0].Source {
		t.Error("Prepare must not change its input")
	}
}

// Every status driver.py prints has its outcome; anything else is the runner's own failure.
func TestDriverOutcome(t *testing.T) {
	for status, want := range map[string]outcome.Outcome{
		"ok": outcome.Passed, "timeout": outcome.Timeout, "kernel-died": outcome.Crashed, "error": outcome.Error, "": outcome.Error, "OK": outcome.Error,
	} {
		if got := driverOutcome(status); got != want {
			t.Errorf("driverOutcome(%q) = %v, want %v", status, got, want)
		}
	}
	// The statuses above are the ones driver.py documents.
	for _, s := range []string{`"ok"`, `"timeout"`, `"kernel-died"`, `"error"`} {
		if !strings.Contains(string(driverPy), s) {
			t.Errorf("driver.py no longer prints the status %s", s)
		}
	}
}
