package grade

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/exercise"
)

// newTestTypeEnv is a type-checking environment like the grader's (typeEnvFor), in a
// module with the generated programs' go.mod.
func newTestTypeEnv(t testing.TB) *typeEnv {
	t.Helper()
	root := repoRoot(t)
	gomod, err := generatedGoMod(root)
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	env, err := newTypeEnv(filepath.Join(t.TempDir(), "typecheck"), gomod, gosum, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

var (
	testAutoOnce sync.Once
	testAuto     map[string]string
)

// courseAuto is the grader's map of package names for names a notebook uses unimported.
func courseAuto(t testing.TB) map[string]string {
	testAutoOnce.Do(func() { testAuto = autoImports(repoRoot(t)) })
	return testAuto
}

func exercisesByID(t testing.TB, ids ...string) []exercise.Exercise {
	t.Helper()
	var out []exercise.Exercise
	for _, id := range ids {
		e, ok := all.ByID(id)
		if !ok {
			t.Fatalf("no exercise %s", id)
		}
		out = append(out, e)
	}
	return out
}

// vetted is what both passes say about one exercise of a notebook.
type vetted struct {
	pre   string // the first pass (forbidden, before the build): "rejected: message", or ""
	typed string // the type checker on the program of all the notebook's tasks: "verdict: message", or ""
}

// vetNotebook runs the first pass (analyse) and, on the code of every task the first pass
// resolved — rejected or not, to show that the type checker alone catches it too — the type
// checker.
func vetNotebook(t *testing.T, env *typeEnv, exs []exercise.Exercise, cells ...string) map[string]vetted {
	t.Helper()
	a := analyse(nbWith(cells...), exs, courseAuto(t))
	out := map[string]vetted{}
	var tasks []*task
	for _, tk := range a.tasks {
		v := vetted{}
		if tk.decided() {
			v.pre = tk.Verdict.String() + ": " + tk.Message
		}
		out[tk.Ex.ID] = v
		if len(tk.items) > 0 {
			tasks = append(tasks, tk)
		}
	}
	if len(tasks) == 0 {
		t.Fatalf("no task has code: %v", out)
	}
	res, err := vetProgram(env, program(tasks)["student.go"], tasks)
	if err != nil {
		t.Fatal(err)
	}
	for tk, f := range res {
		v := out[tk.Ex.ID]
		v.typed = f.verdict.String() + ": " + f.String()
		out[tk.Ex.ID] = v
	}
	return out
}

// Every attack of the red team, and the variants the type checker exists for, is rejected
// with a message that names the cell, the line and the rule; the first pass catches what it
// can see in the syntax, and the type checker catches the same code on its own.
func TestTypeCheckRejects(t *testing.T) {
	env := newTestTypeEnv(t)
	t1 := exercisesByID(t, "W2D4.T1.E1", "W2D4.T1.E2")
	cases := []struct {
		name   string
		exs    []exercise.Exercise
		before string // a cell before the exercise cell (cell 1); the exercise cell is cell 2
		cell   string
		id     string // the exercise rejected (default W2D4.T1.E1)
		pre    string // the first pass's message ("" : the first pass lets it through)
		typed  string // the type checker's message
		e2     string // W2D4.T1.E2 (a correct ComputeDrdt calling F): "" not rejected, else part of its message
	}{
		{name: "registry solution", cell: `func F(x, a, theta float64) float64 {
	sol := w2d4.Exercises[0].Solution.(w2d4.FFunc)
	return sol(x, a, theta)
}`, pre: `cell 2, line 2: uses package "github.com/nma-go/nma-go/exercises/w2d4": graded code may not use the exercises' registry, checks or solutions`,
			typed: "cell 2, line 2: uses package github.com/nma-go/nma-go/exercises/w2d4: graded code may not use the exercises' registry", e2: "exercises' registry"},
		{name: "all.ByID solution", cell: `func F(x, a, theta float64) float64 {
	e, _ := all.ByID("W2D4.T1.E1")
	return e.Solution.(func(float64, float64, float64) float64)(x, a, theta)
}`, pre: `cell 2, line 2: uses package "github.com/nma-go/nma-go/exercises/all"`,
			typed: "cell 2, line 2: uses package github.com/nma-go/nma-go/exercises/all", e2: "exercises/all"},
		{name: "CheckF as an oracle", cell: `func F(x, a, theta float64) float64 {
	for _, guess := range []float64{0, 0.5, 1} {
		if w2d4.CheckF(func(float64, float64, float64) float64 { return guess }).OK() {
			return guess
		}
	}
	return 0
}`, pre: `cell 2, line 3: uses package "github.com/nma-go/nma-go/exercises/w2d4"`,
			typed: "cell 2, line 3: uses package github.com/nma-go/nma-go/exercises/w2d4", e2: "exercises/w2d4"},
		{name: "a check of nma/exercise as an oracle", cell: `func F(x, a, theta float64) float64 {
	probe := func(float64, float64, float64) float64 { return x }
	if exercise.CheckID(nil, "W2D4.T1.E1", probe).OK() {
		return x
	}
	return 0
}`, typed: "cell 2, line 3: calls exercise.CheckID, one of the course's checks: graded code may not call the checks", e2: "exercise.CheckID"},
		{name: "an Exercise's solution, however obtained", cell: `func F(x, a, theta float64) float64 {
	var e exercise.Exercise
	if f, ok := e.Solution.(func(float64, float64, float64) float64); ok {
		return f(x, a, theta)
	}
	return 0
}`, typed: "cell 2, line 3: uses field Solution of an exercise.Exercise: graded code may not use the reference solutions", e2: "field Solution"},
		{name: "library twin", cell: `func F(x, a, theta float64) float64 {
	return ratemodel.F(x, a, theta)
}`, typed: "cell 2, line 2: calls ratemodel.F, the course library's version of the function this exercise asks you to write"},
		{name: "library twin as a value in another cell", before: `// sigmoid is the course's F-I curve.
var sigmoid = ratemodel.F`, cell: `func F(x, a, theta float64) float64 {
	return sigmoid(x, a, theta)
}`, typed: "cell 1, line 2: uses ratemodel.F, the course library's version of the function this exercise asks you to write"},
		{name: "reflect UnsafePointer", cell: `func F(x, a, theta float64) float64 {
	p := reflect.ValueOf(&x).UnsafePointer()
	_ = p
	return 0
}`, typed: "cell 2, line 2: calls reflect.Value.UnsafePointer: raw memory access is not allowed in graded code", e2: "raw memory access"},
		{name: "reflect Pointer", cell: `func F(x, a, theta float64) float64 {
	return float64(reflect.ValueOf(&x).Pointer() % 2)
}`, typed: "cell 2, line 2: calls reflect.Value.Pointer: raw memory access is not allowed", e2: "raw memory access"},
		{name: "reflect Pointer through an interface", cell: `type addresser interface{ Pointer() uintptr }

func F(x, a, theta float64) float64 {
	var v addresser = reflect.ValueOf(&x)
	return float64(v.Pointer() % 2)
}`, typed: "cell 2, line 5: calls Pointer through main.addresser, which reaches reflect.Value.Pointer, raw memory access is not allowed", e2: "reflect.Value.Pointer"},
		{name: "reflect.Type's MethodByName through an interface", cell: `type methods interface {
	MethodByName(string) (reflect.Method, bool)
}

func F(x, a, theta float64) float64 {
	var t methods = reflect.TypeOf(x)
	m, _ := t.MethodByName("String")
	_ = m
	return 0
}`, typed: "cell 2, line 7: calls MethodByName through main.methods, which reaches reflect.Type.MethodByName, calling methods by name through reflection is not allowed", e2: "reflect.Type.MethodByName"},
		{name: "unsafe.Pointer without importing unsafe", cell: `func F(x, a, theta float64) float64 {
	p := atomic.LoadPointer(nil)
	_ = p
	return 0
}`, typed: "cell 2, line 2: has a value of type", e2: "unsafe.Pointer"},
		{name: "a method called by its name through reflection", cell: `func F(x, a, theta float64) float64 {
	v := reflect.ValueOf(reflect.ValueOf(&x)).MethodByName("UnsafePointer").Call(nil)[0]
	_ = v.Interface()
	return 0
}`, typed: "cell 2, line 2: calls reflect.Value.MethodByName: calling methods by name through reflection is not allowed", e2: "MethodByName"},
		{name: "go:embed", cell: `//go:embed go.mod
var goMod string

func F(x, a, theta float64) float64 {
	return float64(len(goMod))
}`, pre: "cell 2, line 1: has a //go:embed directive: graded code may not embed files",
			typed: "cell 2, line 1: has a //go:embed directive", e2: "go:embed"},
		{name: "embed package", cell: `var files embed.FS

func F(x, a, theta float64) float64 {
	_, err := files.ReadFile("go.mod")
	_ = err
	return 0
}`, pre: `cell 2, line 1: uses package "embed": graded code may not embed files`,
			typed: `cell 2, line 1: uses package embed: graded code may not embed files`, e2: "embed"},
		{name: "go:linkname", cell: `//go:linkname nanotime runtime.nanotime
func nanotime() int64

func F(x, a, theta float64) float64 {
	return float64(nanotime() % 2)
}`, pre: "cell 2, line 1: has a //go:linkname directive: graded code may not link to other packages' internals",
			typed: "cell 2, line 1: has a //go:linkname directive", e2: "go:linkname"},
		{name: "a //line directive hiding a twin", cell: `func F(x, a, theta float64) float64 {
//line cell 99:1
	return ratemodel.F(x, a, theta)
}`, pre: "cell 2, line 2: has a //line directive",
			typed: "cell 99, line 1: calls ratemodel.F"},
		{name: "the generated main", cell: `func F(x, a, theta float64) float64 {
	if x > 1e300 {
		main()
	}
	return 0
}`, typed: "cell 2, line 3: uses main, the grader's generated code", e2: "uses main"},
		{name: "twin method", exs: exercisesByID(t, "W2D1.T1.E1"), id: "W2D1.T1.E1", cell: `func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	return net.Forward(r)
}`, typed: "cell 2, line 2: calls vision.DeepNetReLU.Forward, the course library's version of the function this exercise asks you to write"},
		{name: "twin method through an interface", exs: exercisesByID(t, "W2D1.T1.E1"), id: "W2D1.T1.E1", cell: `func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	var m nn.Module = net
	return m.Forward(r)
}`, typed: "cell 2, line 3: calls Forward through nn.Module, which reaches vision.DeepNetReLU.Forward, the course library's version"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exs, id := c.exs, c.id
			if exs == nil {
				exs = t1
			}
			if id == "" {
				id = "W2D4.T1.E1"
			}
			cells := []string{c.before, "#E" + id + "\n" + c.cell}
			if id == "W2D4.T1.E1" {
				cells = append(cells, "#EW2D4.T1.E2\n"+e2Answers["correct"])
			}
			got := vetNotebook(t, env, exs, cells...)
			v := got[id]
			t.Logf("first pass: %s\n\ttype checker: %s\n\tW2D4.T1.E2: %s", v.pre, v.typed, got["W2D4.T1.E2"].typed)
			if c.pre == "" && v.pre != "" {
				t.Errorf("first pass: %s, want it to let the code through", v.pre)
			}
			if c.pre != "" && (!strings.HasPrefix(v.pre, "rejected: ") || !strings.Contains(v.pre, c.pre)) {
				t.Errorf("first pass: %q, want rejected %q", v.pre, c.pre)
			}
			if !strings.HasPrefix(v.typed, "rejected: ") || !strings.Contains(v.typed, c.typed) {
				t.Errorf("type checker: %q, want rejected %q", v.typed, c.typed)
			}
			if id != "W2D4.T1.E1" {
				return
			}
			e2 := got["W2D4.T1.E2"].typed
			if c.e2 == "" && e2 != "" {
				t.Errorf("W2D4.T1.E2 (a correct ComputeDrdt calling this F): %q, want no rejection", e2)
			}
			if c.e2 != "" && (!strings.HasPrefix(e2, "rejected: ") || !strings.Contains(e2, c.e2)) {
				t.Errorf("W2D4.T1.E2 (a correct ComputeDrdt calling this F): %q, want rejected %q", e2, c.e2)
			}
		})
	}
}

// What the rules allow: the correct answers (which use the library's building blocks, and a
// twin of another exercise), runtime.Callers (a decision: see typecheck.go), reflection
// that reads values.
func TestTypeCheckAllows(t *testing.T) {
	env := newTestTypeEnv(t)
	cases := []struct {
		name  string
		exs   []exercise.Exercise
		cells []string
	}{
		{"correct answers to W2D4 Tutorial 1", exercisesByID(t, "W2D4.T1.E1", "W2D4.T1.E2", "W2D4.T1.E3", "W2D4.T1.E4"), []string{
			"#EW2D4.T1.E1\n" + correctF, "#EW2D4.T1.E2\n" + e2Answers["correct"],
			"#EW2D4.T1.E3\n" + e3Answers["correct"], "#EW2D4.T1.E4\n" + e4Answers["correct"]}},
		{"the twin of another exercise", exercisesByID(t, "W2D4.T2.E1"), []string{`#EW2D4.T2.E1
func FICurvesEI(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	for _, xi := range x {
		fiExc = append(fiExc, ratemodel.F(xi, p.AE, p.ThetaE))
		fiInh = append(fiInh, ratemodel.F(xi, p.AI, p.ThetaI))
	}
	return fiExc, fiInh
}`}},
		{"the layers' own Forward", exercisesByID(t, "W2D1.T1.E1"), []string{`#EW2D1.T1.E1
func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	h := nn.ReLU(net.InLayer.Forward(r))
	return net.OutLayer.Forward(h)
}`}},
		{"runtime.Callers and reflection that reads", exercisesByID(t, "W2D4.T1.E1"), []string{`#EW2D4.T1.E1
func F(x, a, theta float64) float64 {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(0, pcs)
	frame, _ := runtime.CallersFrames(pcs[:n]).Next()
	_ = frame.File
	if reflect.ValueOf(x).Float() != x {
		panic("reflect")
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`}},
	}
	for _, c := range cases {
		got := vetNotebook(t, env, c.exs, c.cells...)
		for id, v := range got {
			if v.pre != "" || v.typed != "" {
				t.Errorf("%s: %s: first pass %q, type checker %q; want it allowed", c.name, id, v.pre, v.typed)
			}
		}
	}
}

// The type checker's cost per program: the first program of a run pays for go list (export
// data of its imports, from the build cache); every program pays for parsing and checking
// its student.go.
func TestTypeCheckCost(t *testing.T) {
	env := newTestTypeEnv(t)
	exs := exercisesByID(t, "W2D4.T1.E1", "W2D4.T1.E2", "W2D4.T1.E3", "W2D4.T1.E4")
	a := analyse(nbWith("#EW2D4.T1.E1\n"+correctF, "#EW2D4.T1.E2\n"+e2Answers["correct"],
		"#EW2D4.T1.E3\n"+e3Answers["correct"], "#EW2D4.T1.E4\n"+e4Answers["correct"]), exs, courseAuto(t))
	src := program(a.tasks)["student.go"]
	start := time.Now()
	if _, err := env.check(src); err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	const n = 20
	start = time.Now()
	for i := 0; i < n; i++ {
		c, err := env.check(src)
		if err != nil {
			t.Fatal(err)
		}
		if fs := c.findings(); len(fs) != 0 {
			t.Fatalf("findings in correct answers: %v", fs)
		}
	}
	each := time.Since(start) / n
	t.Logf("type check of W2D4 Tutorial 1's answers: first %v (with go list), then %v per program", first.Round(time.Millisecond), each.Round(100*time.Microsecond))
	if each > 500*time.Millisecond {
		t.Errorf("type check takes %v per program", each)
	}
}
