package main

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The command line's conventions, the same for every command (see main): -h and --help print
// the command's own usage on stdout and exit 0; a bad flag is one line on stderr, naming the
// command, and exit 2; an unknown command lists every command and exits 2.
func TestCommandLineConventions(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "nma")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building nma: %v\n%s", err, out)
	}
	run := func(args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = repoRoot(t)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return o.String(), e.String(), code
	}
	for _, c := range commands {
		args := []string{c.name}
		if c.name == "data" {
			args = append(args, "download") // data's flags belong to its subcommands
		}
		for _, h := range []string{"-h", "--help"} {
			out, errOut, code := run(append(args, h)...)
			if code != 0 || !strings.Contains(out, "nma "+c.name) || errOut != "" {
				t.Errorf("nma %s %s: exit %d, stdout %.80q, stderr %q; want the command's usage on stdout and exit 0", strings.Join(args, " "), h, code, out, errOut)
			}
		}
		_, errOut, code := run(append(args, "--no-such-flag")...)
		want := "nma " + strings.Join(args, " ") + ": "
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, "no-such-flag") {
			t.Errorf("nma %s --no-such-flag: exit %d, stderr %q; want one line starting %q and exit 2", strings.Join(args, " "), code, errOut, want)
		}
	}
	_, errOut, code := run("frobnicate")
	if code != 2 || !strings.Contains(errOut, commandNames()) {
		t.Errorf("unknown command: exit %d, stderr %q; want exit 2 and the list %q", code, errOut, commandNames())
	}
	if out, _, code := run("help"); code != 0 || !strings.Contains(out, "nma data") {
		t.Errorf("nma help: exit %d", code)
	}
	if _, errOut, code := run(); code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, commandNames()) {
		t.Errorf("nma without a command: exit %d, stderr %q; want one line with the commands and exit 2", code, errOut)
	}

	// Messages: whatever a command says about its own work is on stderr, every line starting
	// "nma CMD: " — warnings "nma CMD: warning: …" — and the error that ends it is its last line.
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	points := filepath.Join(tmp, "points.txt")
	if err := os.WriteFile(points, []byte("W9D9.* = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args    []string
		cmd     string // the prefix's command
		code    int
		warning string // part of a warning line, "" for none
		last    string // part of the last line
	}{
		{[]string{"setup", "extra"}, "setup", 2, "", `unexpected argument "extra" (see nma setup -h)`},
		{[]string{"lab", "extra"}, "lab", 2, "", `notebook extra: no such notebook (in . or `},
		{[]string{"lab", "a", "b"}, "lab", 2, "", `one notebook at most, got 2: a b (see nma lab -h)`},
		{[]string{"run", "--timeout=-1s"}, "run", 2, "", "--timeout=-1s must be positive (see nma run -h)"},
		{[]string{"run", "does-not-exist.ipynb"}, "run", 1, "", "notebook does-not-exist.ipynb"},
		{[]string{"run", "--shard=999/999"}, "run", 0, "shard 999/999 has no notebooks", "shard 999/999 has no notebooks"},
		{[]string{"notebooks", "--check", "W9D9_NoSuchTutorial"}, "notebooks", 1, "", `notebook "W9D9_NoSuchTutorial": no source`},
		{[]string{"grade", "--points", points, empty}, "grade", 2, `points.txt line 1: "W9D9.*" matches no exercise`, "no .ipynb files in"},
		{[]string{"grade", "merge", filepath.Join(tmp, "none.json")}, "grade merge", 2, "", "none.json"},
		{[]string{"e2e", "does-not-exist.ipynb"}, "e2e", 1, "", "notebook does-not-exist.ipynb"},
		{[]string{"data", "verify", "--dir", empty}, "data verify", 1, "", "some files are missing"},
		{[]string{"data", "bogus"}, "data", 2, "", `unknown data command "bogus"`},
		{[]string{"data"}, "data", 2, "", "no data command given"},
	} {
		name := "nma " + strings.Join(c.args, " ")
		_, errOut, code := run(c.args...)
		lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
		if code != c.code || errOut == "" {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and a message", name, code, errOut, c.code)
			continue
		}
		prefix := "nma " + c.cmd + ": "
		warned := false
		for _, l := range lines {
			if !strings.HasPrefix(l, prefix) {
				t.Errorf("%s: stderr line %q does not start with %q", name, l, prefix)
			}
			if strings.HasPrefix(l, prefix+"warning: ") {
				warned = warned || strings.Contains(l, c.warning)
			}
		}
		if c.warning != "" && !warned {
			t.Errorf("%s: no line %q…%q in stderr %q", name, prefix+"warning: ", c.warning, errOut)
		}
		if !strings.Contains(lines[len(lines)-1], c.last) {
			t.Errorf("%s: last line %q, want it to say %q", name, lines[len(lines)-1], c.last)
		}
		if c.code == 2 && c.warning == "" && len(lines) != 1 {
			t.Errorf("%s: a usage error is one line; stderr %q", name, errOut)
		}
	}
}

// No line on stderr bypasses the message helpers (messages.go), and the old prefixes
// ("==> ", "!!! ") are gone: a regression of the convention fails here before a user sees it.
func TestMessagesGoThroughOneHelper(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "messages.go" {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BasicLit:
				if x.Kind == token.STRING && (strings.Contains(x.Value, "==> ") || strings.Contains(x.Value, "!!! ")) {
					t.Errorf("%s: old message prefix in %s", fset.Position(x.Pos()), x.Value)
				}
			case *ast.FuncDecl:
				if x.Name.Name == "main" && x.Recv == nil {
					return false // main's own two lines: no command to name
				}
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && id.Name == "os" && x.Sel.Name == "Stderr" {
					if !usedAsOutput(file, x) {
						t.Errorf("%s: writes to os.Stderr directly; use messages(cmd).progress/warn/log or return the error", fset.Position(x.Pos()))
					}
				}
			}
			return true
		})
	}
}

// usedAsOutput reports whether os.Stderr appears only as a subprocess's stream (c.Stderr =
// os.Stderr, for interactive commands such as jupyter lab), which is not nma's own message.
func usedAsOutput(file *ast.File, sel *ast.SelectorExpr) bool {
	ok := false
	ast.Inspect(file, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign {
			return true
		}
		for i, r := range as.Rhs {
			if r == sel && i < len(as.Lhs) {
				if l, isSel := as.Lhs[i].(*ast.SelectorExpr); isSel && l.Sel.Name == "Stderr" {
					ok = true
				}
			}
		}
		return true
	})
	return ok
}

func TestPrefixWriter(t *testing.T) {
	var b strings.Builder
	m := msgs{cmd: "data download", w: &b}
	w := m.log()
	// Lines arrive in pieces; a progress bar redraws its line with \r; blank lines stay blank.
	for _, part := range []string{"first li", "ne\nsecond\n", "\n", "\rbar 10%", "\rbar 100%", "\n"} {
		if n, err := w.Write([]byte(part)); err != nil || n != len(part) {
			t.Fatalf("Write(%q) = %d, %v", part, n, err)
		}
	}
	m.progress("step %d", 2)
	m.warn("%q matches nothing", "x")
	p := "nma data download: "
	want := p + "first line\n" + p + "second\n\n\r" + p + "bar 10%\r" + p + "bar 100%\n" + p + "step 2\n" + p + "warning: \"x\" matches nothing\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestReportNamesTheCommand(t *testing.T) {
	for _, c := range []struct {
		err  error
		code int
		out  string
	}{
		{nil, 0, ""},
		{errHelp, 0, ""},
		{exitError(1), 1, ""},
		{errors.New("boom"), 1, "nma run: boom\n"},
		{usageError("run", "--jobs=%d must be at least 1", 0), 2, "nma run: --jobs=0 must be at least 1 (see nma run -h)\n"},
		{failure("data verify", errors.New("missing")), 1, "nma data verify: missing\n"},
		{gradeFail(errors.New("bad\nname\x1b[31m"), "grade merge"), 2, "nma grade merge: bad | name\n"},
	} {
		var b strings.Builder
		if code := report(&b, "run", c.err); code != c.code || b.String() != c.out {
			t.Errorf("report(%v) = %d, %q; want %d, %q", c.err, code, b.String(), c.code, c.out)
		}
	}
}
