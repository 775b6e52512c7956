package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStudentName(t *testing.T) {
	nbs := []string{"W2D4_Tutorial1", "W2D4_Tutorial2"}
	for _, c := range []struct{ path, rel, want string }{
		{"submitted/alice/W2D4/W2D4_Tutorial1.ipynb", "alice/W2D4/W2D4_Tutorial1.ipynb", "alice"}, // nbgrader
		{"class/bob/W2D4_Tutorial2.ipynb", "bob/W2D4_Tutorial2.ipynb", "bob"},
		{"class/carol_W2D4_Tutorial1.ipynb", "carol_W2D4_Tutorial1.ipynb", "carol"},
		{"W2D4_Tutorial1-dave.ipynb", "W2D4_Tutorial1-dave.ipynb", "dave"},
		{"x/W2D4_Tutorial1.ipynb", "W2D4_Tutorial1.ipynb", "W2D4_Tutorial1"},
		{"erin.ipynb", "erin.ipynb", "erin"},
	} {
		if got := studentName(c.path, c.rel, nbs); got != c.want {
			t.Errorf("studentName(%s, %s) = %q, want %q", c.path, c.rel, got, c.want)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"submitted/alice/W2D4/W2D4_Tutorial1.ipynb",
		"submitted/alice/W2D4/.ipynb_checkpoints/W2D4_Tutorial1-checkpoint.ipynb",
		"submitted/bob/W2D4/W2D4_Tutorial1.ipynb",
		"submitted/bob/W2D4/notes.txt",
		"loose/carol_W2D4_Tutorial1.ipynb",
	}
	for _, f := range files {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("{}"), 0o644)
	}
	names := func(subs []*submission) string {
		var out []string
		for _, s := range subs {
			out = append(out, studentName(s.Path, s.rel(), []string{"W2D4_Tutorial1"})+"="+strings.TrimPrefix(s.Path, filepath.ToSlash(dir)+"/"))
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "submitted")}, "alice=submitted/alice/W2D4/W2D4_Tutorial1.ipynb bob=submitted/bob/W2D4/W2D4_Tutorial1.ipynb"},
		{[]string{filepath.Join(dir, "submitted", "*")}, "alice=submitted/alice/W2D4/W2D4_Tutorial1.ipynb bob=submitted/bob/W2D4/W2D4_Tutorial1.ipynb"},
		{[]string{filepath.Join(dir, "submitted", "*", "W2D4", "*.ipynb")}, "alice=submitted/alice/W2D4/W2D4_Tutorial1.ipynb bob=submitted/bob/W2D4/W2D4_Tutorial1.ipynb"},
		{[]string{filepath.Join(dir, "loose", "carol_W2D4_Tutorial1.ipynb"), filepath.Join(dir, "loose")}, "carol=loose/carol_W2D4_Tutorial1.ipynb"},
	} {
		subs, err := Expand(c.args)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(subs); got != c.want {
			t.Errorf("Expand(%v):\n got %s\nwant %s", c.args, got, c.want)
		}
	}
	for _, bad := range []string{filepath.Join(dir, "nothing-here"), filepath.Join(dir, "*.none")} {
		if _, err := Expand([]string{bad}); err == nil {
			t.Errorf("Expand(%s) must fail", bad)
		}
	}
}
