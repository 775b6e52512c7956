package grade

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/outcome"
)

func sampleReport() *Report {
	cols := []Column{
		{ID: "W2D4.T1.E1", Title: "F-I curve", Notebook: "W2D4_Tutorial1", Funcs: []string{"F"}, Points: 1},
		{ID: "W2D4.T1.E4", Title: "eigenvalues", Notebook: "W2D4_Tutorial1", Funcs: []string{"EigSingle"}, Points: 0.5, Bonus: true},
	}
	students := []string{"<alice>", "bob"}
	results := []map[string]Grade{
		{"W2D4.T1.E1": {Exercise: "W2D4.T1.E1", File: "a.ipynb", Cell: 10, Verdict: outcome.Passed, Message: "ok"},
			"W2D4.T1.E4": {Exercise: "W2D4.T1.E4", File: "a.ipynb", Cell: 45, Verdict: outcome.Passed, Message: "ok"}},
		{"W2D4.T1.E1": {Exercise: "W2D4.T1.E1", File: "b.ipynb", Cell: 10, Verdict: outcome.Failed, Message: "F(x=0): expected 0, got <1>"}},
	}
	subs := []*submission{
		{Path: "a.ipynb", Student: "<alice>", Notebook: "W2D4_Tutorial1"},
		{Path: "b.ipynb", Student: "bob", Notebook: "W2D4_Tutorial1"},
	}
	return &Report{Exercises: cols, Students: assemble(students, subs, results, cols)}
}

func TestAssembleTotals(t *testing.T) {
	r := sampleReport()
	a, b := r.Students[0], r.Students[1]
	// Bonus points add to the total, not to the maximum.
	if a.Total != 1.5 || a.Max != 1 || a.Passed() != 2 {
		t.Errorf("alice: %g / %g, %d passed", a.Total, a.Max, a.Passed())
	}
	if b.Total != 0 || b.Max != 1 || b.Grades[1].Verdict != outcome.NotSubmitted {
		t.Errorf("bob: %g / %g, E4 %s", b.Total, b.Max, b.Grades[1].Verdict)
	}
}

func TestReports(t *testing.T) {
	r := sampleReport()
	var csv bytes.Buffer
	if err := WriteCSV(&csv, r.Scores()); err != nil {
		t.Fatal(err)
	}
	want := "student,W2D4.T1.E1,W2D4.T1.E4,total,max,passed\n<alice>,1,0.5,1.5,1,2\nbob,0,0,0,1,0\n"
	if csv.String() != want {
		t.Errorf("scores CSV:\n%s\nwant\n%s", csv.String(), want)
	}
	var fb bytes.Buffer
	WriteCSV(&fb, r.Feedback())
	if !strings.Contains(fb.String(), "bob,W2D4.T1.E1,F-I curve,failed,0,1,b.ipynb,10,\"F(x=0): expected 0, got <1>\"") {
		t.Errorf("feedback CSV:\n%s", fb.String())
	}
	stats := r.ExerciseStats()
	if stats.Nrow() != 2 || stats.Col("passed").Elem(0).String() != "1" || stats.Col("other verdicts").Elem(0).String() != "1 failed" ||
		stats.Col("other verdicts").Elem(1).String() != "1 not submitted" {
		t.Errorf("stats:\n%v", stats)
	}
	var tbl bytes.Buffer
	r.PrintTable(&tbl)
	for _, want := range []string{"student  W2D4.T1.E1  W2D4.T1.E4  points  passed", "<alice>  ok          ok          1.5/1   2/2", "bob      fail        -           0/1     0/2", "passed   1/2         1/2"} {
		if !strings.Contains(tbl.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tbl.String())
		}
	}
	var h bytes.Buffer
	if err := r.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	if strings.Contains(page, "<alice>") || strings.Contains(page, "got <1>") {
		t.Error("the HTML report does not escape student-controlled text")
	}
	for _, want := range []string{"&lt;alice&gt;", "got &lt;1&gt;", `href="#s2-W2D4.T1.E1"`, `id="s2-W2D4.T1.E1"`, "0.5 pt (bonus)", "1.5 / 1 points"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	var h2 bytes.Buffer
	sampleReport().WriteHTML(&h2)
	if h2.String() != page {
		t.Error("the HTML report is not deterministic")
	}
}
