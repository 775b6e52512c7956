package notebook

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The marker becomes the primer's pointer, inside the markdown cell it stands in.
func TestPrimerMarker(t *testing.T) {
	src := "# Title\n<!-- cell -->\n" + PrimerMarker + "\n<!-- cell -->\n# Setup\n"
	nb, err := Build("W9D9_Tutorial1", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range nb.Cells {
		got = append(got, c.CellType+":"+c.Source)
	}
	want := []string{"markdown:# Title", "markdown:" + PrimerText, "markdown:# Setup"}
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	if !strings.Contains(PrimerText, "]("+PrimerName+".ipynb)") {
		t.Errorf("PrimerText does not link %s.ipynb", PrimerName)
	}
}

// courseSources returns the notebook sources, by name (W2D4_Tutorial1 → its text).
func courseSources(t *testing.T) map[string]string {
	srcs, err := filepath.Glob(filepath.Join("..", "..", "notebooks", "src", "*.md"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no notebook sources found (%v)", err)
	}
	out := map[string]string{}
	for _, s := range srcs {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(s), ".md")] = string(data)
	}
	return out
}

var dayRE = regexp.MustCompile(`^(W\d+D\d+)_Tutorial(\d+)$`)

// The primer is a notebook of the course, and the first tutorial of every day points to it
// first: its first section is the primer's pointer, before Setup. No other notebook has one.
func TestEveryDayStartsWithThePrimer(t *testing.T) {
	srcs := courseSources(t)
	primer, ok := srcs[PrimerName]
	if !ok {
		t.Fatalf("no notebooks/src/%s.md", PrimerName)
	}
	if strings.Contains(primer, PrimerMarker) {
		t.Errorf("%s.md points to itself (%s)", PrimerName, PrimerMarker)
	}
	first := map[string]string{} // day → name of its first tutorial
	for name := range srcs {
		m := dayRE.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		if f, ok := first[m[1]]; !ok || name < f {
			first[m[1]] = name
		}
	}
	if len(first) == 0 {
		t.Fatal("no tutorials found")
	}
	var days []string
	for name, src := range srcs {
		n := strings.Count(src, PrimerMarker)
		m := dayRE.FindStringSubmatch(name)
		isFirst := m != nil && first[m[1]] == name
		switch {
		case isFirst && n != 1:
			t.Errorf("%s.md: %d %s lines, want 1 (the first tutorial of %s points to the primer)", name, n, PrimerMarker, m[1])
		case !isFirst && n != 0:
			t.Errorf("%s.md: %d %s lines; only the first tutorial of a day has one", name, n, PrimerMarker)
		case isFirst:
			days = append(days, m[1])
			p, s := strings.Index(src, PrimerMarker), strings.Index(src, SetupMarker)
			fence := strings.Index(src, "```go")
			if s < 0 || p > s || (fence >= 0 && p > fence) {
				t.Errorf("%s.md: the primer's pointer comes after the setup or the first code cell; it is the first section", name)
			}
		}
	}
	sort.Strings(days)
	t.Logf("days pointing to %s: %v", PrimerName, days)
	if _, err := os.Stat(filepath.Join("..", "..", "notebooks", PrimerName+".ipynb")); err != nil {
		t.Errorf("the primer notebook is not built (make notebooks): %v", err)
	}
}

// The one error style of the notebooks: a call that can fail is wrapped in nma.Must (Must0,
// Must2, Must3), which stops the cell with the error. styleProblems finds what it replaces:
// an `err != nil` check that only stops (panic(err), return …, err, log.Fatal(err)), a must
// helper declared in the notebook, and a package's own MustX form. A check that *handles*
// the error and carries on — W2D1's optional download reports a failure and goes on with the
// stand-in data — is not plumbing, and stays.
func styleProblems(code string) []string {
	var out []string
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		switch {
		case errCheckRE.MatchString(l):
			if onlyStops(lines, i) {
				out = append(out, fmt.Sprintf("line %d: an `err != nil` check that only stops the cell (wrap the call in nma.Must): %s", i+1, strings.TrimSpace(l)))
			}
		case mustDeclRE.MatchString(l):
			out = append(out, fmt.Sprintf("line %d: a must helper declared in the notebook (use nma.Must): %s", i+1, strings.TrimSpace(l)))
		default:
			for _, m := range pkgMustRE.FindAllStringSubmatch(l, -1) {
				if m[1] != "nma" && m[0] != "regexp.MustCompile(" { // regexp.MustCompile: Go's idiom for a constant pattern
					out = append(out, fmt.Sprintf("line %d: %s, a package's own Must form (use nma.Must around the call that returns an error): %s", i+1, strings.TrimSuffix(m[0], "("), strings.TrimSpace(l)))
				}
			}
		}
	}
	return out
}

var (
	errCheckRE = regexp.MustCompile(`\berr\s*!=\s*nil\s*\{\s*$`)
	mustDeclRE = regexp.MustCompile(`^\s*func\s+(\([^)]*\)\s*)?[mM]ust\w*\s*[\[(]`)
	pkgMustRE  = regexp.MustCompile(`\b(\w+)\.Must[A-Z0-9]?\w*\(`)
	stopRE     = regexp.MustCompile(`^(panic\(err\)|return (.*, )?err|log\.Fatal(ln|f)?\(.*\berr\))$`)
)

// onlyStops reports whether the block opened on lines[i] (an `if … err != nil {`) does
// nothing but stop: every statement up to its closing brace, at the if's indentation, is a
// panic, a return of the error or a log.Fatal.
func onlyStops(lines []string, i int) bool {
	indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))]
	stmts := 0
	for _, l := range lines[i+1:] {
		if l == indent+"}" || strings.HasPrefix(l, indent+"} ") {
			return stmts > 0
		}
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		if !stopRE.MatchString(t) {
			return false
		}
		stmts++
	}
	return stmts > 0
}

// Every notebook handles errors one way. Checked: the code of the sources and the built
// notebooks' code cells, so the exercise stubs (from exercises/<day>/) too.
func TestNotebooksUseOneErrorStyle(t *testing.T) {
	nbs, err := filepath.Glob(filepath.Join("..", "..", "notebooks", "*.ipynb"))
	if err != nil || len(nbs) == 0 {
		t.Fatalf("no notebooks found (%v)", err)
	}
	for _, p := range nbs {
		nb, err := Read(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			if c.CellType != "code" {
				continue
			}
			for _, pr := range styleProblems(c.Source) {
				t.Errorf("%s cell %d, %s", filepath.Base(p), i+1, pr)
			}
		}
	}
	for name, src := range courseSources(t) {
		for i, f := range fenceBodies(src) {
			for _, pr := range styleProblems(f) {
				t.Errorf("%s.md code block %d, %s", name, i+1, pr)
			}
		}
	}
}

// The forms the style replaces are found wherever they are written; its own forms, real
// error handling and prose are not.
func TestErrorStyleFindsTheOldForms(t *testing.T) {
	for _, c := range []struct {
		code string
		bad  bool
	}{
		{"x, err := f()\nif err != nil {\n\tpanic(err)\n}", true},
		{"\tif _, err := f(); err != nil {\n\t\tpanic(err)\n\t}", true},
		{"\t\tif err != nil {\n\t\t\treturn nil, err\n\t\t}", true},
		{"if err != nil {\n\tlog.Fatal(err)\n}", true},
		{"func must[T any](x T, err error) T {", true},
		{"func must2[A, B any](a A, b B, err error) (A, B) {", true},
		{"ds := data.MustLoadData(1)", true},
		{"sp := ds.MustTrainTestSplit(0.6, 4)", true},
		{"r := rsa.MustRDM(nma.Must(data.LoadDataTilt()).Resp)", true},
		{"x := nma.Must(linsys.Decay(0.9, 4, 0, 100))", false},
		{"t, x := nma.Must2(linsys.DDM(200, 10, 0, 0.9, 0.2, rng.New(2020)))", false},
		{"nma.Must0(f.Save(\"x.png\"))", false},
		{"// the gains must be positive", false},
		{`re := regexp.MustCompile("a+")`, false},
		{"if err := data.DownloadAll(os.Stdout, nil); err != nil {\n\tfmt.Println(\"The download failed:\", err)\n}", false},
	} {
		if got := styleProblems(c.code); (len(got) > 0) != c.bad {
			t.Errorf("%q: problems %q, want forbidden = %v", c.code, got, c.bad)
		}
	}
}

// fenceBodies returns the bodies of a source's ```go fences.
func fenceBodies(src string) []string {
	var out []string
	var cur []string
	in := false
	for _, l := range strings.Split(src, "\n") {
		switch {
		case !in && fenceRE.MatchString(l):
			in, cur = true, nil
		case in && strings.TrimSpace(l) == "```":
			in = false
			out = append(out, strings.Join(cur, "\n"))
		case in:
			cur = append(cur, l)
		}
	}
	return out
}
