package grade

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// classStudent is one generated submission and the verdicts it must get.
type classStudent struct {
	name   string
	answer string // the answer to F
	data   []byte
	want   map[string]outcome.Outcome
	msg    map[string]string
}

// generateClass makes n submissions from the course's W2D4 Tutorial 1 notebook: every
// answer to F in turn (right, wrong, hostile), mixed with right, wrong and unfinished
// answers to the other exercises, plus broken files. dial is an address a student's code
// tries to reach (it must not get through).
func generateClass(t testing.TB, n int, dial string) []classStudent {
	t.Helper()
	nb, err := notebook.Read(filepath.Join(repoRoot(t), "notebooks", "W2D4_Tutorial1.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	netAnswer := fAnswer{name: "network", cell: fmt.Sprintf(`func F(x, a, theta float64) float64 {
	if c, err := net.Dial("tcp", %q); err == nil {
		c.Close()
		panic("the network is reachable")
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, dial), want: outcome.Passed, wantE2: outcome.Passed}
	answers := append(append([]fAnswer{}, fAnswers...), netAnswer)
	e2 := []string{"correct", "correct", "wrong", "stub"}
	simple := []string{"correct", "wrong", "stub"}
	var out []classStudent
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("student%02d", i+1)
		switch i % 25 {
		case 12:
			data, _ := nb.Marshal()
			out = append(out, classStudent{name: name, data: data[:len(data)/3], want: all4(outcome.Invalid),
				msg: map[string]string{"W2D4.T1.E1": "not valid notebook JSON"}})
			continue
		case 24:
			out = append(out, classStudent{name: name, data: []byte{}, want: all4(outcome.Invalid),
				msg: map[string]string{"W2D4.T1.E1": "empty"}})
			continue
		}
		f := answers[i%len(answers)]
		a2, a3, a4 := e2[(i/2)%4], simple[i%3], simple[(i/3)%3]
		repl := map[string]string{"W2D4.T1.E1": f.cell, "W2D4.T1.E2": e2Answers[a2],
			"W2D4.T1.E3": e3Answers[a3], "W2D4.T1.E4": e4Answers[a4]}
		sub := nb.Clone()
		var cells []*notebook.Cell
		for _, c := range sub.Cells {
			id := c.ExerciseID()
			if id == "W2D4.T1.E1" && f.before != "" {
				cells = append(cells, &notebook.Cell{CellType: "code", Metadata: map[string]any{}, Source: f.before})
			}
			if code, ok := repl[id]; ok {
				fn := map[string]string{"W2D4.T1.E1": "F", "W2D4.T1.E2": "ComputeDrdt", "W2D4.T1.E3": "FindFixedPoints", "W2D4.T1.E4": "EigSingle"}[id]
				src, err := notebook.ReplaceFuncs(c.Source, map[string]string{fn: code})
				if err != nil {
					t.Fatalf("%s %s: %v", name, id, err)
				}
				c.Source = src
			}
			cells = append(cells, c)
			if id == "W2D4.T1.E1" && f.after != "" {
				cells = append(cells, &notebook.Cell{CellType: "code", Metadata: map[string]any{}, Source: f.after})
			}
		}
		sub.Cells = cells
		want := map[string]outcome.Outcome{"W2D4.T1.E1": f.want, "W2D4.T1.E2": expectE2(f, a2),
			"W2D4.T1.E3": expectSimple(a3), "W2D4.T1.E4": expectSimple(a4)}
		msg := map[string]string{"W2D4.T1.E1": f.msg}
		if a2 == "correct" {
			msg["W2D4.T1.E2"] = f.msgE2
		}
		out = append(out, classStudent{name: name, answer: f.name, data: marshal(t, sub), want: want, msg: msg})
	}
	return out
}

// A class of 50 notebooks made from the course notebook, graded on all CPUs: every
// verdict is checked, and nothing reaches the network.
func TestClass(t *testing.T) {
	if testing.Short() {
		t.Skip("grades 50 generated notebooks")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Close()
		}
	}()
	os.Remove("/tmp/nma-grade-escape-test.txt")
	class := generateClass(t, 50, ln.Addr().String())
	dir := t.TempDir()
	if d := os.Getenv("NMA_GRADE_CLASS_DIR"); d != "" {
		dir = d // keep the class, e.g. to time `nma grade` on it
	}
	for _, s := range class {
		p := filepath.Join(dir, s.name, "W2D4_Tutorial1.ipynb")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, s.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.*"}, Jobs: runtime.NumCPU(), Timeout: 3 * time.Second}
	if testing.Verbose() {
		opts.Log = os.Stderr
	}
	start := time.Now()
	rep, err := Run([]string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("graded %d notebooks in %.1f s with %d jobs on %d CPUs", len(class), time.Since(start).Seconds(), opts.Jobs, runtime.NumCPU())
	if len(rep.Students) != len(class) {
		t.Fatalf("%d students, want %d", len(rep.Students), len(class))
	}
	verdicts := map[outcome.Outcome]int{}
	for i, s := range rep.Students {
		if s.Name != class[i].name {
			t.Fatalf("student %d is %s, want %s", i, s.Name, class[i].name)
		}
		if needsLandlock[class[i].answer] && !strings.Contains(rep.Sandbox, "landlock(v") {
			continue
		}
		checkGrades(t, s, class[i].want, class[i].msg)
		for _, g := range s.Grades {
			verdicts[g.Verdict]++
		}
	}
	t.Logf("verdicts: %v", verdicts)
	if _, err := os.Stat("/tmp/nma-grade-escape-test.txt"); err == nil {
		os.Remove("/tmp/nma-grade-escape-test.txt")
		if strings.Contains(rep.Sandbox, "landlock(v") {
			t.Errorf("a student's program wrote outside its scratch directory")
		}
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("student code opened %d TCP connections", n)
	}
	if verdicts[outcome.Passed] < 40 || verdicts[outcome.Failed] < 10 || verdicts[outcome.NotDone] < 10 {
		t.Errorf("the class is not a good mix: %v", verdicts)
	}
}
