package grade

// Safe input and output of nma grade: what a red team handed in instead of a notebook,
// and student-controlled text that must not reach a terminal, a spreadsheet or a page as
// anything but plain text. The tests use only what the grader had before these
// protections (Run, assemble and the report writers), so each fails on the old code.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// withF is the course's W2D4 Tutorial 1 notebook with F replaced by fn ("" keeps the stub).
func withF(t testing.TB, fn string) []byte {
	t.Helper()
	nb, err := notebook.Read(filepath.Join(repoRoot(t), "notebooks", "W2D4_Tutorial1.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if fn != "" {
		for _, c := range nb.Cells {
			if c.ExerciseID() == "W2D4.T1.E1" {
				if c.Source, err = notebook.ReplaceFuncs(c.Source, map[string]string{"F": fn}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return marshal(t, nb)
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// stampLog notes when the grader has read and identified every submission (its first log
// line, "… building the harness").
type stampLog struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	start time.Time
	read  chan struct{}
	once  sync.Once
}

func (l *stampLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	if strings.Contains(l.buf.String(), "building the harness") {
		l.once.Do(func() { close(l.read) })
	}
	return len(p), nil
}

func (l *stampLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// gradeSafely grades dir (W2D4.T1.E1 only): reading the submissions must take seconds, and
// the whole run must finish with a report.
func gradeSafely(t *testing.T, dir, cache string) (*Report, string) {
	t.Helper()
	log := &stampLog{start: time.Now(), read: make(chan struct{})}
	opts := Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"}, Jobs: runtime.NumCPU(),
		Timeout: 3 * time.Second, CacheDir: cache, Log: log}
	type result struct {
		rep *Report
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		rep, err := Run([]string{dir}, opts)
		done <- result{rep, err}
	}()
	select {
	case <-log.read:
		t.Logf("submissions read in %.2f s", time.Since(start).Seconds())
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Run: %v", r.err)
		}
		t.Fatal("Run ended without reading the submissions")
	case <-time.After(10 * time.Second):
		t.Fatalf("reading the submissions did not finish within 10 s (a FIFO or /dev/zero read?)")
	}
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Run: %v", r.err)
		}
		t.Logf("graded in %.1f s", time.Since(start).Seconds())
		return r.rep, log.String()
	case <-time.After(5 * time.Minute):
		t.Fatal("grading did not finish within 5 minutes")
	}
	return nil, ""
}

func studentOf(t *testing.T, rep *Report, name string) *Student {
	t.Helper()
	var names []string
	for _, s := range rep.Students {
		if s.Name == name {
			return s
		}
		names = append(names, s.Name)
	}
	t.Fatalf("no student %q in %q", name, names)
	return nil
}

func wantGrade(t *testing.T, s *Student, v outcome.Outcome, msg string) {
	t.Helper()
	g := s.Grades[0]
	if g.Verdict != v || !strings.Contains(g.Message, msg) {
		t.Errorf("%s: %s %q, want %s with %q", s.Name, g.Verdict, g.Message, v, msg)
	}
}

func wantNote(t *testing.T, s *Student, parts ...string) {
	t.Helper()
	notes := strings.Join(s.Notes, "\n")
	for _, p := range parts {
		if !strings.Contains(notes, p) {
			t.Errorf("%s: notes %q lack %q", s.Name, s.Notes, p)
		}
	}
}

// The red team's submissions: each is a clear verdict or note for its student, the others
// are graded as usual, and the batch finishes with a report.
func TestUnsafeSubmissions(t *testing.T) {
	if testing.Short() {
		t.Skip("grades small classes")
	}
	correct := withF(t, correctF)
	stub := withF(t, "")
	cache := t.TempDir()
	nb := "W2D4_Tutorial1.ipynb"

	t.Run("fifo", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		os.MkdirAll(filepath.Join(dir, "mallory"), 0o755)
		if err := mkfifo(filepath.Join(dir, "mallory", nb)); err != nil {
			t.Fatal(err)
		}
		rep, _ := gradeSafely(t, dir, cache)
		wantGrade(t, studentOf(t, rep, "alice"), outcome.Passed, "agrees")
		wantGrade(t, studentOf(t, rep, "mallory"), outcome.Invalid, "named pipe (FIFO), not a regular file")
	})

	t.Run("symlink_to_dev_zero", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		symlink(t, "/dev/zero", filepath.Join(dir, "mallory", nb))
		rep, _ := gradeSafely(t, dir, cache)
		wantGrade(t, studentOf(t, rep, "alice"), outcome.Passed, "agrees")
		wantGrade(t, studentOf(t, rep, "mallory"), outcome.Invalid, "symbolic link to /dev/zero, outside")
	})

	t.Run("device_and_huge_file", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		// A hard-to-miss size: 21 MiB of JSON whitespace before a real notebook.
		big := append(bytes.Repeat([]byte(" "), 21<<20), correct...)
		writeFile(t, filepath.Join(dir, "bob", nb), big)
		if err := mkCharDevice(filepath.Join(dir, "mallory_W2D4_Tutorial1.ipynb")); err != nil {
			t.Logf("no device node (%v): only the huge file is checked", err)
		} else {
			rep, _ := gradeSafely(t, dir, cache)
			wantGrade(t, studentOf(t, rep, "mallory"), outcome.Invalid, "character device, not a regular file")
			wantGrade(t, studentOf(t, rep, "bob"), outcome.Invalid, "too large: 21.0 MiB, more than the 20.0 MiB")
			return
		}
		rep, _ := gradeSafely(t, dir, cache)
		wantGrade(t, studentOf(t, rep, "bob"), outcome.Invalid, "too large: 21.0 MiB, more than the 20.0 MiB")
	})

	t.Run("symlink_to_another_students_notebook", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		symlink(t, filepath.Join("..", "alice", nb), filepath.Join(dir, "mallory", nb))
		// Loose files: the name says whose it is.
		writeFile(t, filepath.Join(dir, "carol_W2D4_Tutorial1.ipynb"), correct)
		symlink(t, "carol_W2D4_Tutorial1.ipynb", filepath.Join(dir, "trent_W2D4_Tutorial1.ipynb"))
		rep, _ := gradeSafely(t, dir, cache)
		wantGrade(t, studentOf(t, rep, "alice"), outcome.Passed, "agrees")
		wantGrade(t, studentOf(t, rep, "mallory"), outcome.Invalid, "a file of alice: not graded as mallory's work")
		wantGrade(t, studentOf(t, rep, "carol"), outcome.Passed, "agrees")
		wantGrade(t, studentOf(t, rep, "trent"), outcome.Invalid, "a file of carol")
		if g := studentOf(t, rep, "mallory").Grades[0]; g.Points != 0 {
			t.Errorf("mallory earned %g points with alice's notebook", g.Points)
		}
	})

	t.Run("hard_link_to_another_students_notebook", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		os.MkdirAll(filepath.Join(dir, "mallory"), 0o755)
		if err := os.Link(filepath.Join(dir, "alice", nb), filepath.Join(dir, "mallory", nb)); err != nil {
			t.Skip(err)
		}
		rep, _ := gradeSafely(t, dir, cache)
		// Which one is the original cannot be told: neither is graded, both are flagged.
		wantGrade(t, studentOf(t, rep, "mallory"), outcome.Invalid, "the same file as")
		wantGrade(t, studentOf(t, rep, "alice"), outcome.Invalid, "submitted by mallory (a hard link?)")
	})

	t.Run("hidden_folders", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "alice", nb), correct)
		writeFile(t, filepath.Join(dir, "alice", ".ipynb_checkpoints", "W2D4_Tutorial1-checkpoint.ipynb"), stub)
		writeFile(t, filepath.Join(dir, ".eve", nb), correct)
		rep, _ := gradeSafely(t, dir, cache)
		alice := studentOf(t, rep, "alice")
		wantGrade(t, alice, outcome.Passed, "agrees")
		wantNote(t, alice, "W2D4_Tutorial1-checkpoint.ipynb is a Jupyter checkpoint")
		eve := studentOf(t, rep, ".eve")
		wantNote(t, eve, ".eve/W2D4_Tutorial1.ipynb is in the hidden folder .eve: not graded")
		wantGrade(t, eve, outcome.NotSubmitted, "hidden folder .eve")
		var tbl bytes.Buffer
		rep.PrintTable(&tbl)
		if !strings.Contains(tbl.String(), "hidden folder .eve") {
			t.Errorf("the table does not show the hidden folder:\n%s", tbl.String())
		}
	})

	t.Run("duplicate_notebooks", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "bob", nb), correct)
		writeFile(t, filepath.Join(dir, "bob", "W2D4_Tutorial1 (1).ipynb"), stub)
		writeFile(t, filepath.Join(dir, "dave", "Copy of W2D4_Tutorial1.ipynb"), stub)
		writeFile(t, filepath.Join(dir, "dave", nb), correct)
		rep, _ := gradeSafely(t, dir, cache)
		for _, name := range []string{"bob", "dave"} {
			s := studentOf(t, rep, name)
			wantGrade(t, s, outcome.Passed, "agrees")
			if g := s.Grades[0]; !strings.HasSuffix(g.File, name+"/"+nb) {
				t.Errorf("%s: graded %s, want %s/%s", name, g.File, name, nb)
			}
			wantNote(t, s, "is another copy of W2D4_Tutorial1: not graded")
		}
		wantNote(t, studentOf(t, rep, "bob"), "W2D4_Tutorial1 (1).ipynb is another copy")
	})

	t.Run("hostile_names_and_messages", func(t *testing.T) {
		dir := t.TempDir()
		formula := "=cmd|' -C calc'!A0"
		ansi := "x\x1b[2J\x1b[31mred\x1b]0;pwned\x07\nFAKE ok\r"
		writeFile(t, filepath.Join(dir, formula, nb), stub)
		writeFile(t, filepath.Join(dir, ansi, nb), withF(t, `func F(x, a, theta float64) float64 {
	panic("\x1b[2J\x1b[31mboom\x1b[0m\nline two\r\x00")
}`))
		writeFile(t, filepath.Join(dir, "huge_panic", nb), withF(t, `func F(x, a, theta float64) float64 {
	panic(strings.Repeat("A", 100000))
}`))
		rep, log := gradeSafely(t, dir, cache)
		var tbl bytes.Buffer
		rep.PrintTable(&tbl)
		grades, feedback, page := reportCSV(rep), reportFeedback(rep), reportHTML(rep)
		for what, out := range map[string]string{"table": tbl.String(), "log": log, "grades.csv": grades, "feedback.csv": feedback, "report.html": page} {
			if strings.ContainsAny(out, "\x1b\x00\r\x07") {
				t.Errorf("%s holds control characters:\n%q", what, head(out))
			}
		}
		// header, 3 students, passes, legend: the newline in a name makes no fake row
		if n := strings.Count(tbl.String(), "\n"); n != 6 {
			t.Errorf("the table has %d lines, want 6:\n%s", n, head(tbl.String()))
		}
		checkCSV(t, "grades.csv", grades, 3, formula)
		checkCSV(t, "feedback.csv", feedback, 3, formula)
		for _, s := range rep.Students {
			g := s.Grades[0]
			if clean(s.Name) != "" || clean(g.Message) != "" || utf8.RuneCountInString(g.Message) > 500 {
				t.Errorf("%q: %s %q is not clean and short", s.Name, g.Verdict, head(g.Message))
			}
		}
		var boom, huge bool
		for _, s := range rep.Students {
			g := s.Grades[0]
			boom = boom || strings.Contains(g.Message, "boom") && strings.Contains(g.Message, "line two")
			huge = huge || strings.Contains(g.Message, "AAAA")
		}
		if !boom || !huge {
			t.Errorf("the panic messages are lost (boom %v, huge %v):\n%s", boom, huge, head(feedback))
		}
	})
}

// clean returns the control and formatting characters of s ("" when there are none).
func clean(s string) string {
	var bad []rune
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			bad = append(bad, r)
		}
	}
	return string(bad)
}

// checkCSV parses a CSV report: rows+1 records, no cell a spreadsheet would take for a
// formula, and the formula-named student as text.
func checkCSV(t *testing.T, what, data string, rows int, formula string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	students := map[string]bool{}
	for _, rec := range recs[1:] {
		students[rec[0]] = true
	}
	if len(students) != rows {
		t.Errorf("%s: %d students, want %d:\n%s", what, len(students), rows, head(data))
	}
	if !students["'"+formula] {
		t.Errorf("%s: no student %q:\n%s", what, "'"+formula, head(data))
	}
	for _, rec := range recs {
		for i, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumber(c) {
				t.Errorf("%s: cell %d %q starts a formula", what, i, head(c))
			}
		}
	}
}

// head is the start of a long text, for messages.
func head(s string) string {
	if len(s) > 1500 {
		return s[:1500] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

func isNumber(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("-0123456789.", r) {
			return false
		}
	}
	return true
}

// hostileReport has students whose names and messages a red team chose.
func hostileReport() (*Report, map[string]string) {
	names := map[string]string{
		"formula":   "=cmd|' -C calc'!A0",
		"plus":      "+1+1",
		"minus":     "-2+3+cmd|' /C calc'!A0",
		"at":        "@SUM(1+1)*cmd|' /C calc'!A0",
		"tab":       "\t=1+1",
		"semicolon": "bob;=1+1",
		"quote":     `eve","=1+1`,
		"ansi":      "x\x1b[2J\x1b[1;31mred\x1b[0m\x1b]8;;http://evil\x07link\nFAKE   ok   ok\r\x00\u202e",
	}
	cols := []Column{{ID: "W2D4.T1.E1", Title: "F-I curve", Notebook: "W2D4_Tutorial1", Funcs: []string{"F"}, Points: 1}}
	var students []string
	var subs []*submission
	var results []map[string]Grade
	huge := "F panicked: " + strings.Repeat("\x1b[31mA\n", 10) + strings.Repeat("B", 100<<10)
	for _, k := range []string{"ansi", "at", "formula", "minus", "plus", "quote", "semicolon", "tab"} {
		n := names[k]
		students = append(students, n)
		file := n + "/W2D4_Tutorial1.ipynb"
		subs = append(subs, &submission{Path: file, Student: n, Notebook: "W2D4_Tutorial1"})
		msg := "F panicked: \x1b[2J\x1b[31mboom\x1b[0m\nline two\r\n\x00=HYPERLINK(\"http://evil\")"
		if k == "ansi" {
			msg = huge
		}
		results = append(results, map[string]Grade{"W2D4.T1.E1": {Exercise: "W2D4.T1.E1", File: file, Cell: 10, Verdict: outcome.Crashed, Message: msg}})
	}
	return &Report{Exercises: cols, Students: assemble(students, subs, results, cols)}, names
}

// Names that start a formula come out of the CSVs as text: a leading single quote, quoted,
// with the separators and quotes of the name inside the cell (OWASP's rule).
func TestCSVFormulaNames(t *testing.T) {
	rep, names := hostileReport()
	grades, feedback := reportCSV(rep), reportFeedback(rep)
	for what, data := range map[string]string{"grades.csv": grades, "feedback.csv": feedback} {
		recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, data)
		}
		got := map[string]bool{}
		for _, rec := range recs[1:] {
			got[rec[0]] = true
			for i, c := range rec {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					t.Errorf("%s: cell %d %q starts a formula", what, i, head(c))
				}
			}
		}
		for _, k := range []string{"formula", "plus", "minus", "at", "semicolon", "quote"} {
			if !got["'"+names[k]] && !got[names[k]] {
				t.Errorf("%s: %s name %q is missing:\n%s", what, k, names[k], head(data))
			}
		}
		if !got["'=cmd|' -C calc'!A0"] || !got["'-2+3+cmd|' /C calc'!A0"] || !got["'@SUM(1+1)*cmd|' /C calc'!A0"] || !got["' =1+1"] {
			t.Errorf("%s: formula names not neutralised:\n%s", what, head(data))
		}
		// In a locale whose separator is ';', the cell must still be one cell.
		if !strings.Contains(data, `"bob;=1+1"`) || !strings.Contains(data, `"eve"",""=1+1"`) {
			t.Errorf("%s: separators and quotes inside a name are not quoted:\n%s", what, head(data))
		}
	}
	// Numbers stay numbers: the points columns are not quoted or prefixed.
	if !strings.Contains(grades, `"'=cmd|' -C calc'!A0",0,0,1,0`) {
		t.Errorf("grades.csv: points are not plain numbers:\n%s", head(grades))
	}
}

// Control characters and escape sequences in names and messages reach no output; long
// messages are cut.
func TestReportsStripControlCharacters(t *testing.T) {
	rep, names := hostileReport()
	var tbl bytes.Buffer
	rep.PrintTable(&tbl)
	outs := map[string]string{"table": tbl.String(), "grades.csv": reportCSV(rep), "feedback.csv": reportFeedback(rep), "report.html": reportHTML(rep)}
	for what, out := range outs {
		for _, bad := range []string{"\x1b", "\x00", "\r", "\x07", "\u202e", "[2J", "]8;;"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s holds %q", what, bad)
			}
		}
		if len(out) > 60<<10 {
			t.Errorf("%s is %d bytes: the 100 KB message is not cut", what, len(out))
		}
	}
	// One line per student: the newline in a name makes no fake row.
	if n := strings.Count(tbl.String(), "\n"); n != len(names)+3 {
		t.Errorf("the table has %d lines, want %d:\n%s", n, len(names)+3, head(tbl.String()))
	}
	if strings.Contains(tbl.String(), "\nFAKE") {
		t.Errorf("a name starts a line of the table:\n%s", tbl.String())
	}
	if recs, err := csv.NewReader(strings.NewReader(outs["feedback.csv"])).ReadAll(); err != nil || len(recs) != len(names)+1 {
		t.Errorf("feedback.csv: %d records (%v), want %d", len(recs), err, len(names)+1)
	}
	if lines := strings.Count(outs["feedback.csv"], "\n"); lines != len(names)+1 {
		t.Errorf("feedback.csv has %d lines, want %d (a cell holds a line break)", lines, len(names)+1)
	}
	for _, s := range rep.Students {
		if c := clean(s.Name); c != "" {
			t.Errorf("name %q holds %q", s.Name, c)
		}
		g := s.Grades[0]
		if c := clean(g.Message); c != "" {
			t.Errorf("message %q holds %q", head(g.Message), c)
		}
		if n := utf8.RuneCountInString(g.Message); n > 500 {
			t.Errorf("a message of %d characters: not cut", n)
		}
		if strings.HasPrefix(s.Name, "x") && !strings.Contains(g.Message, "characters]") {
			t.Errorf("the cut message does not say it was cut: %q", g.Message[:100])
		}
		if s.Name == "x" {
			t.Errorf("the name lost its text: %q", s.Name)
		}
	}
	if !strings.Contains(outs["table"], "xredlink | FAKE   ok   ok") {
		t.Errorf("the name's text is not kept on one line:\n%s", outs["table"])
	}
}
