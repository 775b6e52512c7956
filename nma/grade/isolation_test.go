//go:build linux

package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/outcome"
)

// The sandbox (bubblewrap + seccomp) and the fallback for trusted input (no bubblewrap:
// the harness's limits, seccomp and Landlock) confine a student the same way: the verdicts
// of a few corpus submissions are the same in both.
func TestIsolationModes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds student programs")
	}
	requireSandbox(t)
	dir := t.TempDir()
	for _, name := range []string{"correct", "write_outside", "write_scratch", "alloc_10GB", "fake_verdict"} {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", name+".ipynb"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+".ipynb"), data, 0o644)
	}
	want := map[string]outcome.Outcome{"correct": outcome.Passed, "write_outside": outcome.Crashed, "write_scratch": outcome.Passed, "alloc_10GB": outcome.OutOfMemory, "fake_verdict": outcome.NoVerdict}
	cache := t.TempDir()
	for _, iso := range []isolation{{sandbox: true}, {sandbox: false, trusted: true}} {
		isolationOverride = &iso
		rep, err := Run([]string{dir}, Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"},
			Jobs: 2, Timeout: 3 * time.Second, CacheDir: cache})
		isolationOverride = nil
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rep.Sandbox, iso.String()) {
			t.Errorf("%s: sandbox %q", iso, rep.Sandbox)
		}
		if !strings.Contains(rep.Sandbox, "seccomp(") || strings.Contains(rep.Sandbox, "seccomp(unavailable") {
			t.Errorf("%s: no syscall filter: %q", iso, rep.Sandbox)
		}
		for _, s := range rep.Students {
			if g := s.Grades[0]; g.Verdict != want[s.Name] {
				t.Errorf("%s: %s: %s (%s), want %s", iso, s.Name, g.Verdict, g.Message, want[s.Name])
			}
		}
	}
	if _, err := os.Stat("/tmp/nma-grade-escape-test.txt"); err == nil {
		os.Remove("/tmp/nma-grade-escape-test.txt")
		t.Error("a student's program wrote outside its scratch directory")
	}
}

// Running as root, bwrap runs as nobody, who must reach the programs: a work folder only
// root can enter is refused with a clear message.
func TestUnreachableWorkDir(t *testing.T) {
	if testing.Short() || os.Geteuid() != 0 {
		t.Skip("needs root and a build")
	}
	requireSandbox(t)
	private := filepath.Join(t.TempDir(), "private")
	os.MkdirAll(filepath.Join(private, "work"), 0o700)
	os.Chmod(private, 0o700)
	src := filepath.Join("testdata", "corpus", "correct.ipynb")
	_, err := Run([]string{src}, Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"},
		WorkDir: filepath.Join(private, "work")})
	if err == nil || !strings.Contains(err.Error(), "searchable by all users") {
		t.Errorf("err = %v, want a clear message about the folder", err)
	}
}
