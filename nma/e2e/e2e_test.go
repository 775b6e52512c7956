package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/outcome"
)

// What reportJS returns from the page is decoded into report and added to the result; the
// outcome is decided by finish: any problem — an error output, an invisible image, a slider
// that changes nothing — fails the notebook.
func TestReportAndFinish(t *testing.T) {
	// A report as the browser returns it (JSON of reportJS's object).
	page := `{"codeCells": 12, "images": 7, "errors": ["cell 4: ERROR: undefined: x"], "precomputed": [5, 9]}`
	var rep report
	if err := json.Unmarshal([]byte(page), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.PrecomputedCells) != 2 || rep.PrecomputedCells[1] != 9 {
		t.Errorf("precomputed cells %v, want [5 9]", rep.PrecomputedCells)
	}

	for _, c := range []struct {
		name    string
		errors  []string
		sliders []SliderResult
		want    outcome.Outcome
		problem string // part of a problem, "" when none
	}{
		{"clean", nil, []SliderResult{{Cell: 5, Kind: "precomputed", Changed: true, Millis: 12}}, outcome.Passed, ""},
		{"no demos", nil, nil, outcome.Passed, ""},
		{"error output", []string{"cell 4: ERROR: undefined: x"}, nil, outcome.Failed, "cell 4: ERROR"},
		{"stuck slider", nil, []SliderResult{{Cell: 8, Kind: "live", Err: "no new figure within 10 s"}}, outcome.Failed,
			"cell 9: moving the live demo's slider did not change the figure (no new figure within 10 s)"},
	} {
		r := Result{Notebook: "W9D9_Tutorial1", Sliders: c.sliders}
		r.addReport(report{CodeCells: 3, Images: 2, Errors: c.errors})
		r.finish()
		if r.Status != c.want || r.OK() != (c.want == outcome.Passed) || r.CodeCells != 3 || r.Images != 2 {
			t.Errorf("%s: %v (OK %v), %d cells, %d images; want %v", c.name, r.Status, r.OK(), r.CodeCells, r.Images, c.want)
		}
		if got := strings.Join(r.Errors, "; "); c.problem == "" && got != "" || !strings.Contains(got, c.problem) {
			t.Errorf("%s: problems %q, want %q", c.name, got, c.problem)
		}
	}

	// A notebook that timed out stays timed out, whatever else was found.
	r := Result{}
	r.fail(outcome.Timeout, "did not finish within %v", "1m0s")
	r.finish()
	if r.Status != outcome.Timeout || len(r.Errors) != 1 || r.Errors[0] != "did not finish within 1m0s" {
		t.Errorf("after a timeout: %v %q", r.Status, r.Errors)
	}
	// A zero result is not a pass.
	if (Result{}).OK() {
		t.Error("a result nobody decided must not be OK")
	}
}

func TestPrintTable(t *testing.T) {
	results := []Result{
		{Frontend: Lab, Notebook: "W9D9_Tutorial1", Status: outcome.Passed, Seconds: 12.34, CodeCells: 10, Images: 4,
			Sliders: []SliderResult{{Cell: 2, Kind: "precomputed", Changed: true, Millis: 14.6}, {Cell: 2, Kind: "precomputed", Changed: true, Millis: 3}},
			Link:    "solutions/w9d9/tutorial1.go"},
		{Frontend: Lab, Notebook: "W9D9_Tutorial2", Status: outcome.Failed, Seconds: 3, CodeCells: 5,
			Sliders: []SliderResult{{Cell: 6, Kind: "live"}}, Errors: []string{"cell 7: moving …", "cell 2: ERROR"}},
		{Frontend: Classic, Notebook: "W9D9_Tutorial3", Status: outcome.Timeout, Errors: []string{"did not finish within 10m0s"}},
	}
	var b strings.Builder
	if failed := PrintTable(&b, results); failed != 2 {
		t.Errorf("PrintTable counted %d failed notebooks, want 2", failed)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "FRONT END") {
		t.Fatalf("table:\n%s", b.String())
	}
	for i, want := range [][]string{
		{"lab", "W9D9_Tutorial1", "12.3", "2 of 2 moved, ≤ 15 ms", "solutions/w9d9/tutorial1.go", outcome.Passed.String()},
		{"lab", "W9D9_Tutorial2", "0 of 1 moved (1 live)", outcome.Failed.String() + ": cell 7: moving …; cell 2: ERROR"},
		{"classic", "W9D9_Tutorial3", outcome.Timeout.String() + ": did not finish within 10m0s"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Errorf("row %d %q lacks %q", i+1, lines[i+1], w)
			}
		}
	}
}

// The browser test allows exactly the errors the headless runner allows: inspectJS, which
// both front ends' reports use, builds its regular expression from exercise.NotDonePattern,
// whose syntax JavaScript reads alike.
func TestReportJSUsesTheRunnersNotDoneRule(t *testing.T) {
	for _, d := range []driver{&labDriver{}, classicDriver{}} {
		if !strings.Contains(d.reportJS(), inspectJS) {
			t.Errorf("the %s report does not use inspectJS", d.frontend())
		}
	}
	m := regexp.MustCompile(`new RegExp\(("(?:[^"\\]|\\.)*")\)`).FindStringSubmatch(inspectJS)
	if m == nil {
		t.Fatalf("inspectJS builds no RegExp from a string literal:\n%s", inspectJS)
	}
	var pattern string
	if err := json.Unmarshal([]byte(m[1]), &pattern); err != nil {
		t.Fatalf("the pattern %s is not a string literal: %v", m[1], err)
	}
	if pattern != exercise.NotDonePattern.String() {
		t.Errorf("inspectJS's pattern %q, the runner's %q", pattern, exercise.NotDonePattern)
	}
	// Constructs whose meaning differs between RE2 and JavaScript (flags, \A, \z, \p, POSIX
	// classes) would make the two rules drift.
	for _, bad := range []string{"(?", `\A`, `\z`, `\p`, "[[:"} {
		if strings.Contains(pattern, bad) {
			t.Errorf("the not-done pattern %q uses %q, which JavaScript reads differently", pattern, bad)
		}
	}
	msg := exercise.NotDoneError{ID: "W2D4.T1.E1"}.Error()
	if !regexp.MustCompile(pattern).MatchString(msg) {
		t.Errorf("the pattern does not match a stub's own message %q", msg)
	}
}

func TestJSStringQuotesEverything(t *testing.T) {
	for _, s := range []string{`a "quoted" \ back`, "line\nbreak", "</script><b>", "ünï"} {
		lit := jsString(s)
		if strings.ContainsAny(lit[1:len(lit)-1], "\n<>") || strings.Count(lit, `"`)-strings.Count(lit, `\"`) != 2 {
			t.Errorf("jsString(%q) = %s: not one safe literal", s, lit)
		}
		var back string
		if err := json.Unmarshal([]byte(lit), &back); err != nil || back != s {
			t.Errorf("jsString(%q) = %s reads back as %q (%v)", s, lit, back, err)
		}
	}
}

// FindChromium names how to install the browser when there is none; it finds one on PATH.
func TestFindChromium(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake browser is a shell script")
	}
	t.Setenv("PATH", t.TempDir())
	old := chromiums
	defer func() { chromiums = old }()
	chromiums = []string{"chromium", filepath.Join(t.TempDir(), "nope")}
	if p, err := FindChromium(); err != ErrNoBrowser || !strings.Contains(err.Error(), "--install") {
		t.Errorf("without a browser: %q, %v; want ErrNoBrowser naming --install", p, err)
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "chromium")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	if p, err := FindChromium(); err != nil || p != fake {
		t.Errorf("with chromium on PATH: %q, %v; want %s", p, err, fake)
	}
}
