package grade

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/install"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// The nbgrader the round trip uses: installed by `nma setup` (install.Installer.Nbgrader)
// from the pinned install.NbgraderRequirements into the checkout's virtual environment .nma/venv.
const (
	nbgraderAssignment = "W2D4"
	nbgraderNotebook   = "W2D4_Tutorial1.ipynb"
)

// nbgraderBin returns .nma/venv/bin when it holds nbgrader installed from the current pinned
// requirements. Otherwise the test is skipped, or fails when NMA_REQUIRE_NBGRADER=1 (make test):
// the test never downloads anything itself.
func nbgraderBin(t *testing.T, root string) string {
	t.Helper()
	problem := install.NbgraderProblem(root)
	if problem == "" {
		return filepath.Dir(install.VenvBin(install.Venv(root), "nbgrader"))
	}
	msg := problem + ": run `make setup` (it installs the pinned nbgrader into .nma/venv)"
	if os.Getenv("NMA_REQUIRE_NBGRADER") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// nbgraderEnv is the environment of an nbgrader command: the venv first on PATH (nbgrader runs
// its `alembic` from there), a private HOME (no one's ~/.jupyter config or nbgrader cache), and
// none of the caller's Jupyter or Python settings.
func nbgraderEnv(bin, home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "HOME" || k == "PATH" || k == "VIRTUAL_ENV" || strings.HasPrefix(k, "JUPYTER") || strings.HasPrefix(k, "PYTHON") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// runNbgrader runs `nbgrader args…` in dir (whose nbgrader_config.py it reads) with HOME=dir.
func runNbgrader(t *testing.T, bin, dir string, args ...string) string {
	t.Helper()
	start := time.Now()
	cmd := exec.Command(filepath.Join(bin, "nbgrader"), args...)
	cmd.Dir = dir
	cmd.Env = nbgraderEnv(bin, dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nbgrader %s (in %s) failed: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	t.Logf("nbgrader %s: %.1f s", strings.Join(args, " "), time.Since(start).Seconds())
	return string(out)
}

func writeNbgraderFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The notebooks work with nbgrader as they are: the course notebook goes through nbgrader's
// whole exchange — generate_assignment, release_assignment, fetch_assignment and submit by
// two students, collect — with its exercise cells intact, and `nma grade` grades the collected
// submitted/ folder: the student who solved W2D4.T1.E1 passes, the one who left the stub has
// not done it.
func TestNbgraderRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("runs nbgrader's generate/release/fetch/submit/collect (~50 s)")
	}
	root := repoRoot(t)
	bin := nbgraderBin(t, root)
	tmp := t.TempDir()
	course, exchange := filepath.Join(tmp, "course"), filepath.Join(tmp, "exchange")
	if err := os.MkdirAll(exchange, 0o755); err != nil {
		t.Fatal(err)
	}
	// The course configuration a TA writes (see README, "With nbgrader"). The exercise cells
	// already are the student version: ClearSolutions, which would replace every solution cell
	// by a stub (and has none for Go), is switched off.
	writeNbgraderFile(t, filepath.Join(course, "nbgrader_config.py"), fmt.Sprintf(`c = get_config()
c.CourseDirectory.course_id = "nma-w2"
c.CourseDirectory.root = %q
c.Exchange.root = %q
c.ClearSolutions.enabled = False
`, course, exchange))
	src, err := os.ReadFile(filepath.Join(root, "notebooks", nbgraderNotebook))
	if err != nil {
		t.Fatal(err)
	}
	writeNbgraderFile(t, filepath.Join(course, "source", nbgraderAssignment, nbgraderNotebook), string(src))

	// generate_assignment: nbgrader validates our metadata and writes release/ with every cell's
	// source unchanged (it only adds its checksum and locks cells against deletion).
	runNbgrader(t, bin, course, "generate_assignment", nbgraderAssignment)
	orig, err := notebook.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := notebook.Read(filepath.Join(course, "release", nbgraderAssignment, nbgraderNotebook))
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Cells) != len(orig.Cells) {
		t.Fatalf("release has %d cells, the course notebook %d", len(rel.Cells), len(orig.Cells))
	}
	exercises := 0
	for i, c := range rel.Cells {
		o := orig.Cells[i]
		if c.CellType != o.CellType || c.Source != o.Source {
			t.Errorf("cell %d changed by generate_assignment:\n%s\n--- became ---\n%s", i+1, o.Source, c.Source)
		}
		if id := o.ExerciseID(); id != "" {
			exercises++
			g, _ := c.Metadata["nbgrader"].(map[string]any)
			if c.ExerciseID() != id || g["grade_id"] != notebook.GradeID(id) || g["solution"] != true {
				t.Errorf("cell %d (%s): metadata after generate_assignment %v", i+1, id, c.Metadata)
			}
		}
	}
	if exercises != 4 {
		t.Errorf("%d exercise cells in the released notebook, want 4", exercises)
	}

	runNbgrader(t, bin, course, "release_assignment", nbgraderAssignment)

	// Two students fetch the assignment and submit it: alice with the solution of F in the
	// exercise cell (found by its metadata), bob as fetched. Each has a home of their own with
	// the course's student-side configuration; --student names them as JupyterHub would.
	sol, err := notebook.FuncDecls(filepath.Join(root, "solutions", "w2d4"), []string{"F"})
	if err != nil {
		t.Fatal(err)
	}
	solvedCell := 0
	for _, student := range []string{"alice", "bob"} {
		home := filepath.Join(tmp, "home", student)
		writeNbgraderFile(t, filepath.Join(home, "nbgrader_config.py"), fmt.Sprintf(`c = get_config()
c.CourseDirectory.course_id = "nma-w2"
c.Exchange.root = %q
`, exchange))
		runNbgrader(t, bin, home, "fetch_assignment", nbgraderAssignment)
		path := filepath.Join(home, nbgraderAssignment, nbgraderNotebook)
		nb, err := notebook.Read(path)
		if err != nil {
			t.Fatalf("%s's fetched notebook: %v", student, err)
		}
		if student == "alice" {
			for i, c := range nb.Cells {
				if c.ExerciseID() != "W2D4.T1.E1" {
					continue
				}
				if c.Source, err = notebook.ReplaceFuncs(c.Source, map[string]string{"F": sol["F"]}); err != nil {
					t.Fatal(err)
				}
				solvedCell = i + 1
			}
			if solvedCell == 0 {
				t.Fatal("no cell with the metadata of W2D4.T1.E1 in the fetched notebook")
			}
			if err := nb.Write(path); err != nil {
				t.Fatal(err)
			}
		}
		runNbgrader(t, bin, home, "submit", nbgraderAssignment, "--student="+student)
	}

	// collect gathers the submissions into submitted/<student>/<assignment>/. (The files are
	// all root's here, not the students': check_owner would only warn about that.)
	runNbgrader(t, bin, course, "collect", nbgraderAssignment, "--CollectApp.check_owner=False")
	submitted := filepath.Join(course, "submitted")
	for _, student := range []string{"alice", "bob"} {
		if _, err := os.Stat(filepath.Join(submitted, student, nbgraderAssignment, nbgraderNotebook)); err != nil {
			t.Fatalf("nbgrader collect: %v", err)
		}
	}

	start := time.Now()
	rep, err := Run([]string{submitted}, Options{Root: root, Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"},
		Jobs: 2, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("nma grade: %.1f s", time.Since(start).Seconds())
	want := []struct {
		name    string
		verdict outcome.Outcome
	}{{"alice", outcome.Passed}, {"bob", outcome.NotDone}}
	if len(rep.Students) != len(want) {
		t.Fatalf("graded %d students, want alice and bob", len(rep.Students))
	}
	for i, w := range want {
		s := rep.Students[i]
		if s.Name != w.name || len(s.Grades) != 1 {
			t.Fatalf("student %d: %s with %d grades, want %s with 1", i+1, s.Name, len(s.Grades), w.name)
		}
		g := s.Grades[0]
		if g.Exercise != "W2D4.T1.E1" || g.Verdict != w.verdict || g.Cell != solvedCell {
			t.Errorf("%s: %s %s in cell %d (%s), want %s in cell %d", s.Name, g.Exercise, g.Verdict, g.Cell, g.Message, w.verdict, solvedCell)
		}
		if !strings.HasSuffix(filepath.ToSlash(g.File), w.name+"/"+nbgraderAssignment+"/"+nbgraderNotebook) {
			t.Errorf("%s: graded file %s", s.Name, g.File)
		}
		if len(s.Notes) > 0 {
			t.Errorf("%s: notes %v", s.Name, s.Notes)
		}
	}
}
