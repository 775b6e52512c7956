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

// Copies made by browsers, file managers, Jupyter and Colab belong to the student of the
// original; a name that merely ends in "_copy" is a name of its own.
func TestCopyNames(t *testing.T) {
	nbs := []string{"W2D4_Tutorial1"}
	for _, c := range []struct {
		file, student string
		copy          bool
	}{
		{"W2D4_Tutorial1 (1).ipynb", "", true},
		{"alice_W2D4_Tutorial1 (2).ipynb", "alice", true},
		{"alice_W2D4_Tutorial1(3).ipynb", "alice", true},
		{"alice_W2D4_Tutorial1-Copy1.ipynb", "alice", true},
		{"Copy of alice_W2D4_Tutorial1.ipynb", "alice", true},
		{"alice_W2D4_Tutorial1 copy 2.ipynb", "alice", true},
		{"alice_W2D4_Tutorial1-checkpoint.ipynb", "alice", true},
		{"alice_W2D4_Tutorial1.ipynb", "alice", false},
		{"tamper_registry_copy.ipynb", "tamper_registry_copy", false},
	} {
		if got := isCopyName(c.file); got != c.copy {
			t.Errorf("isCopyName(%q) = %v", c.file, got)
		}
		if c.student == "" {
			continue
		}
		if got := studentName("class/"+c.file, c.file, nbs); got != c.student {
			t.Errorf("studentName(%q) = %q, want %q", c.file, got, c.student)
		}
	}
}

// What is not graded is still listed, with the reason: checkpoints, hidden folders, links
// to folders.
func TestExpandListsSkipped(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"alice/W2D4_Tutorial1.ipynb", "alice/.ipynb_checkpoints/W2D4_Tutorial1-checkpoint.ipynb",
		".eve/W2D4_Tutorial1.ipynb", "bob/.git/x/W2D4_Tutorial1.ipynb", "elsewhere/W2D4_Tutorial1.ipynb"} {
		p := filepath.Join(dir, "class", f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("{}"), 0o644)
	}
	os.Symlink(filepath.Join(dir, "class", "elsewhere"), filepath.Join(dir, "class", "carol"))
	subs, err := expand([]string{filepath.Join(dir, "class")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range subs {
		got = append(got, strings.TrimPrefix(s.Path, filepath.ToSlash(dir)+"/class/")+" → "+strings.TrimPrefix(s.skip, s.Path+" "))
	}
	want := []string{
		".eve/W2D4_Tutorial1.ipynb → is in the hidden folder .eve: not graded (name the folder on the command line to grade it)",
		"alice/.ipynb_checkpoints/W2D4_Tutorial1-checkpoint.ipynb → is a Jupyter checkpoint (an autosave in .ipynb_checkpoints): not graded",
		"alice/W2D4_Tutorial1.ipynb → ",
		"bob/.git/x/W2D4_Tutorial1.ipynb → is in the hidden folder bob/.git: not graded (name the folder on the command line to grade it)",
		"carol → is a symbolic link to a folder: not followed, its notebooks are not graded",
		"elsewhere/W2D4_Tutorial1.ipynb → ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("expand:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A hidden folder named on the command line is graded.
	subs, err = Expand([]string{filepath.Join(dir, "class", ".eve")})
	if err != nil || len(subs) != 1 {
		t.Errorf("Expand(.eve) = %d, %v", len(subs), err)
	}
	nameStudents(subs, []string{"W2D4_Tutorial1"})
	all, _ := expand([]string{filepath.Join(dir, "class")})
	nameStudents(all, []string{"W2D4_Tutorial1"})
	for _, s := range all {
		if strings.Contains(s.Path, "checkpoint") && s.Student != "alice" {
			t.Errorf("the checkpoint belongs to %q, want alice", s.Student)
		}
	}
}
