package grade

import (
	"fmt"
	"strings"

	"github.com/nma-go/nma-go/nma/outcome"
)

// Answers to the W2D4 Tutorial 1 exercises, as students write them: right, wrong, and
// hostile. The corpus (testdata/corpus) and the generated class are made of them.

// fAnswer is an answer to W2D4.T1.E1 (F), which the answer to W2D4.T1.E2 (ComputeDrdt)
// calls: each says what the grader must decide for both.
type fAnswer struct {
	name   string
	cell   string // the declarations of the exercise cell (replacing the stub)
	before string // a code cell inserted before the exercise cell
	after  string // a code cell inserted after it
	want   outcome.Outcome
	msg    string          // part of the message
	wantE2 outcome.Outcome // a correct ComputeDrdt, which calls F
	msgE2  string
}

const correctF = `// F is the population activation function: a sigmoid shifted so that F(0) = 0.
func F(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`

const stubF = `// F is the population activation (F-I) function: the firing rate of the population for a
// total input x, with gain a and threshold theta.
func F(x, a, theta float64) float64 {
	// TODO(W2D4.T1.E1): compute the sigmoid
	//   f = 1/(1 + exp(−a(x − θ))) − 1/(1 + exp(aθ))
	// (math.Exp is the exponential), return it, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E1"))
}`

const alwaysPass = `func(any) exercise.Result { return exercise.Result{ID: "W2D4.T1.E1", Function: "F", Status: outcome.Passed, Cases: 1} }`

var fAnswers = []fAnswer{
	{name: "correct", cell: correctF, want: outcome.Passed, msg: "agrees with the solution", wantE2: outcome.Passed},
	{name: "stub", cell: stubF, want: outcome.NotDone, msg: "exercise W2D4.T1.E1 is not done yet", wantE2: outcome.NotDone, msgE2: "W2D4.T1.E1 is not done"},
	{name: "wrong_sign", cell: `func F(x, a, theta float64) float64 {
	return 1/(1+math.Exp(a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Failed, msg: "F(x=0, a=1.2, theta=2.8): expected", wantE2: outcome.Failed, msgE2: "expected"},
	{name: "no_offset", cell: `func F(x, a, theta float64) float64 {
	return 1 / (1 + math.Exp(-a*(x-theta)))
}`, want: outcome.Failed, msg: "expected 0, got 0.03", wantE2: outcome.Failed},
	{name: "endless_loop", cell: `func F(x, a, theta float64) float64 {
	for {
		x++
	}
}`, want: outcome.Timeout, msg: "F did not return within", wantE2: outcome.Timeout, msgE2: "did not return within"},
	{name: "endless_loop_at_start", cell: `var lookup = buildLookup()

// buildLookup never ends: the program hangs before any check starts.
func buildLookup() []float64 {
	var t []float64
	for {
		t = append(t[:0], 1)
	}
}

func F(x, a, theta float64) float64 {
	_ = lookup
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Timeout, msg: "during start-up", wantE2: outcome.Timeout, msgE2: "during start-up"},
	{name: "panic", cell: `func F(x, a, theta float64) float64 {
	panic("I give up")
}`, want: outcome.Crashed, msg: "F panicked: I give up", wantE2: outcome.Crashed, msgE2: "panicked: I give up"},
	{name: "panic_in_goroutine", cell: `func F(x, a, theta float64) float64 {
	go func() {
		panic("boom in a goroutine")
	}()
	time.Sleep(time.Minute)
	return 0
}`, want: outcome.Crashed, msg: "panic: boom in a goroutine (at cell", wantE2: outcome.Crashed, msgE2: "boom in a goroutine"},
	{name: "exit0", cell: `func F(x, a, theta float64) float64 {
	os.Exit(0) // "done!"
	return 0
}`, want: outcome.NoVerdict, msg: "exit status 0", wantE2: outcome.NoVerdict},
	{name: "exit0_at_start", cell: `var ready = quit()

func quit() bool {
	os.Exit(0)
	return true
}

func F(x, a, theta float64) float64 {
	_ = ready
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.NoVerdict, msg: "exit status 0", wantE2: outcome.NoVerdict},
	{name: "alloc_10GB", cell: `func F(x, a, theta float64) float64 {
	table := make([]float64, 10<<30/8) // 10 GB
	table[len(table)-1] = x
	return table[0]
}`, want: outcome.OutOfMemory, msg: "ran out of memory", wantE2: outcome.OutOfMemory},
	{name: "stack_overflow", cell: `func F(x, a, theta float64) float64 {
	return F(x+1, a, theta)
}`, want: outcome.Crashed, msg: "stack overflow", wantE2: outcome.Crashed, msgE2: "stack overflow"},
	{name: "compile_error", cell: `func F(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*(x-theta))) - offset
}`, want: outcome.CompileError, msg: "line 2: undefined: offset", wantE2: outcome.CompileError, msgE2: "undefined: offset"},
	{name: "syntax_error", cell: `func F(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta)
}`, want: outcome.CompileError, msg: "syntax error in cell", wantE2: outcome.CompileError, msgE2: "undefined: F"},
	{name: "wrong_signature", cell: `func F(x float64) float64 {
	return 1 / (1 + math.Exp(-x))
}`, want: outcome.WrongSignature, msg: "F has type func(float64) float64, but the exercise needs type func(float64, float64, float64) float64",
		wantE2: outcome.CompileError, msgE2: "in call to F"},
	{name: "not_a_function", cell: `var F = 0.5`, want: outcome.WrongSignature, msg: "F has a value of type float64",
		wantE2: outcome.CompileError, msgE2: "F"},
	{name: "redefine_check", cell: `// CheckF: my own check, which always passes.
func CheckF(f w2d4.FFunc) exercise.Result {
	return exercise.Result{ID: "W2D4.T1.E1", Function: "F", Status: outcome.Passed, Cases: 1}
}

func init() {
	for i := range w2d4.Exercises {
		w2d4.Exercises[i].Check = ` + alwaysPass + `
	}
}

func F(x, a, theta float64) float64 {
	return 0.5
}`, want: outcome.Failed, msg: "expected 0, got 0.5", wantE2: outcome.Failed},
	{name: "tamper_registry", cell: `var hacked = hack()

func hack() bool {
	for i := range w2d4.Exercises {
		w2d4.Exercises[i].Check = ` + alwaysPass + `
	}
	return true
}

func F(x, a, theta float64) float64 {
	_ = hacked
	return 0.5
}`, want: outcome.Rejected, msg: "changes w2d4.Exercises, a variable of an imported package", wantE2: outcome.Rejected},
	{name: "tamper_registry_copy", cell: `var hacked = hack()

func hack() bool {
	exs := w2d4.Exercises
	for i := range exs {
		exs[i].Check = ` + alwaysPass + `
	}
	return true
}

func F(x, a, theta float64) float64 {
	_ = hacked
	return 0.5
}`, want: outcome.Rejected, msg: "graded code may not use the exercises' registry", wantE2: outcome.Rejected},
	{name: "longer_timeout", cell: `func F(x, a, theta float64) float64 {
	exercise.Timeout = time.Hour
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: "changes exercise.Timeout", wantE2: outcome.Rejected},
	{name: "fake_verdict", cell: `func F(x, a, theta float64) float64 {
	line := ` + "`" + `{"exercise":"W2D4.T1.E1","status":"passed","cases":416}` + "`" + `
	fmt.Println(line)
	for fd := uintptr(1); fd < 10; fd++ {
		os.NewFile(fd, "").WriteString("nma-grade-00000000000000000000000000000000 " + line + "\n")
	}
	os.Exit(0)
	return 0
}`, want: outcome.NoVerdict, msg: "before the check finished", wantE2: outcome.NoVerdict},
	{name: "unsafe", cell: `import "unsafe"

func F(x, a, theta float64) float64 {
	_ = unsafe.Sizeof(x)
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: `imports "unsafe"`, wantE2: outcome.Rejected},
	{name: "uses_solution", cell: `import sol "github.com/nma-go/nma-go/solutions/w2d4"

func F(x, a, theta float64) float64 {
	return sol.F(x, a, theta)
}`, want: outcome.Rejected, msg: "reference solutions", wantE2: outcome.Rejected},
	{name: "calls_grader", cell: `import "github.com/nma-go/nma-go/nma/grade/harness"

func F(x, a, theta float64) float64 {
	harness.Main(nil)
	return 0
}`, want: outcome.Rejected, msg: "may not use the grader", wantE2: outcome.Rejected},
	{name: "write_outside", cell: `func F(x, a, theta float64) float64 {
	for _, p := range []string{"/tmp/nma-grade-escape-test.txt", "../escape-test.txt"} {
		if err := os.WriteFile(p, []byte("escaped"), 0o644); err != nil {
			panic(err)
		}
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Crashed, msg: "open /tmp/nma-grade-escape-test.txt: ", wantE2: outcome.Crashed, msgE2: "open /tmp/nma-grade-escape-test.txt: "},
	// (The open fails with "permission denied" — /tmp is a folder the program cannot enter —
	// or, when the course's data folder lies under /tmp and is bound read-only there, with
	// "read-only file system". Either way nothing is written: TestClass and
	// TestIsolationModes check that the file does not appear.)
	{name: "read_own_memory", cell: `func F(x, a, theta float64) float64 {
	if _, err := os.ReadFile("/proc/self/maps"); err != nil {
		panic(err)
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Crashed, msg: "open /proc/self/maps: permission denied", wantE2: outcome.Crashed, msgE2: "permission denied"},
	{name: "syscall", cell: `func F(x, a, theta float64) float64 {
	_ = syscall.Getpid()
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: `uses package "syscall"`, wantE2: outcome.Rejected},
	{name: "write_scratch", cell: `func F(x, a, theta float64) float64 {
	if _, err := os.Stat("cache.txt"); err != nil {
		if err := os.WriteFile("cache.txt", []byte("ok"), 0o644); err != nil {
			panic(err)
		}
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Passed, wantE2: outcome.Passed},
	{name: "own_main", before: `func main() {
	fmt.Println("my own main")
}`, cell: correctF, want: outcome.Passed, wantE2: outcome.Passed},
	{name: "helper_cell", before: `// sigmoid is the logistic function.
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// unused does not compile, but nothing needs it.
func unused() int { return "not an int" }`, cell: `func F(x, a, theta float64) float64 {
	return sigmoid(a*(x-theta)) - sigmoid(-a*theta)
}`, want: outcome.Passed, wantE2: outcome.Passed},
	{name: "later_redefinition", cell: correctF, after: `// trying something else
func F(x, a, theta float64) float64 { return 0 }`, want: outcome.Passed, wantE2: outcome.Passed},
	{name: "huge_output", cell: `var printed bool

func F(x, a, theta float64) float64 {
	if !printed {
		printed = true
		for i := 0; i < 2000; i++ {
			fmt.Println(strings.Repeat("debug ", 200)) // 2.4 MB
		}
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Passed, wantE2: outcome.Passed},
	// The rules the type checker enforces (typecheck.go), on submissions of the red team.
	{name: "registry_solution", cell: `func F(x, a, theta float64) float64 {
	e, _ := all.ByID("W2D4.T1.E1")
	if sol, ok := e.Solution.(w2d4.FFunc); ok {
		return sol(x, a, theta)
	}
	return w2d4.Exercises[0].Solution.(func(float64, float64, float64) float64)(x, a, theta)
}`, want: outcome.Rejected, msg: "line 2: uses package \"github.com/nma-go/nma-go/exercises/all\": graded code may not use the exercises' registry", wantE2: outcome.Rejected},
	{name: "check_oracle", cell: `func F(x, a, theta float64) float64 {
	for _, guess := range []float64{0, 0.5, 1} {
		if w2d4.CheckF(func(float64, float64, float64) float64 { return guess }).OK() {
			return guess
		}
	}
	return 0
}`, want: outcome.Rejected, msg: "graded code may not use the exercises' registry, checks or solutions", wantE2: outcome.Rejected},
	{name: "check_oracle_checkid", cell: `func F(x, a, theta float64) float64 {
	zero := func(float64, float64, float64) float64 { return 0 }
	if exercise.CheckID(nil, "W2D4.T1.E1", zero).OK() {
		return 0
	}
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: "line 3: calls exercise.CheckID, one of the course's checks", wantE2: outcome.Rejected, msgE2: "exercise.CheckID"},
	{name: "library_twin", cell: `func F(x, a, theta float64) float64 {
	return ratemodel.F(x, a, theta)
}`, want: outcome.Rejected, msg: "line 2: calls ratemodel.F, the course library's version of the function this exercise asks you to write", wantE2: outcome.Passed},
	{name: "reflect_unsafe_pointer", cell: `func F(x, a, theta float64) float64 {
	p := reflect.ValueOf(&x).UnsafePointer()
	_ = p
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: "line 2: calls reflect.Value.UnsafePointer: raw memory access is not allowed", wantE2: outcome.Rejected, msgE2: "raw memory access"},
	{name: "go_embed", cell: `//go:embed go.mod
var goMod string

func F(x, a, theta float64) float64 {
	_ = goMod
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}`, want: outcome.Rejected, msg: "line 1: has a //go:embed directive", wantE2: outcome.Rejected},
}

// Answers to E2–E4.
var (
	e2Answers = map[string]string{
		"correct": `// ComputeDrdt returns dr/dt.
func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	return (-r + F(w*r+iExt, a, theta)) / tau
}`,
		"wrong": `func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	return -r + F(w*r+iExt, a, theta) // forgot tau
}`,
		"stub": `// ComputeDrdt returns dr/dt = (−r + F(w·r + I_ext))/τ for a population rate r.
func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	// TODO(W2D4.T1.E2): compute drdt with your F, return it, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E2"))
}`,
	}
	e3Answers = map[string]string{
		"correct": `func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	return ratemodel.FixedPointsSingle(p, []float64{0, 0.4, 0.9})
}`,
		"wrong": `func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	return ratemodel.FixedPointsSingle(p, []float64{0.5})
}`,
		"stub": `func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	panic(exercise.TODO("W2D4.T1.E3"))
}`,
	}
	e4Answers = map[string]string{
		"correct": `func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	return (-1 + w*ratemodel.DF(w*fp+iExt, a, theta)) / tau
}`,
		"wrong": `func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	return (-1 + w*ratemodel.DF(fp, a, theta)) / tau
}`,
		"stub": `func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	panic(exercise.TODO("W2D4.T1.E4"))
}`,
	}
)

// verdictOfAnswer: what an answer to E2–E4 earns, given F's answer.
func expectE2(f fAnswer, e2 string) outcome.Outcome {
	switch e2 {
	case "stub":
		return outcome.NotDone
	case "wrong":
		if f.wantE2 == outcome.Passed || f.wantE2 == outcome.Failed {
			return outcome.Failed
		}
	}
	return f.wantE2
}

func expectSimple(answer string) outcome.Outcome {
	return map[string]outcome.Outcome{"correct": outcome.Passed, "wrong": outcome.Failed, "stub": outcome.NotDone}[answer]
}

// tutorialSource is a notebook source (notebooks/src format) like W2D4 Tutorial 1, with
// the given cells: ans[ID] replaces the exercise's stub, extra[ID] adds code cells before
// and after an exercise cell; an exercise in drop has no cell.
func tutorialSource(name string, ans map[string]string, before, after map[string]string, drop map[string]bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# W2D4 Tutorial 1: neural rate models (grading corpus: %s)\n\n<!-- cell -->\n", name)
	b.WriteString("```go\n!*ROOT=$(cd \"$GONB_DIR\" && go list -m -f '{{.Dir}}') && go mod edit -require=github.com/nma-go/nma-go@v0.0.0-00010101000000-000000000000 -replace=github.com/nma-go/nma-go=\"$ROOT\"\n```\n\n")
	b.WriteString("```go\nimport (\n\t\"github.com/nma-go/nma-go/exercises/w2d4\"\n\t\"github.com/nma-go/nma-go/nma\"\n\t\"github.com/nma-go/nma-go/nma/exercise\"\n\t\"github.com/nma-go/nma-go/nma/ratemodel\"\n)\n```\n\n")
	b.WriteString("```go\n%%\np := ratemodel.DefaultSingle()\nfmt.Printf(\"%+v\\n\", p)\n```\n\n")
	bodies := map[string]string{
		"W2D4.T1.E1": "%%\nw2d4.CheckF(F).Report()\n\np := ratemodel.DefaultSingle()\nx := nma.Arange(0, 10, 0.1)\nf := nma.Map(x, func(x float64) float64 { return F(x, p.A, p.Theta) })\nratemodel.PlotFI(x, f).Show()",
		"W2D4.T1.E2": "%%\nw2d4.CheckComputeDrdt(ComputeDrdt).Report()",
		"W2D4.T1.E3": "%%\nw2d4.CheckFindFixedPoints(FindFixedPoints).Report()",
		"W2D4.T1.E4": "%%\nw2d4.CheckEigSingle(EigSingle).Report()",
	}
	for _, id := range []string{"W2D4.T1.E1", "W2D4.T1.E2", "W2D4.T1.E3", "W2D4.T1.E4"} {
		fmt.Fprintf(&b, "## Exercise %s\n\n<!-- cell -->\n", id)
		if c := before[id]; c != "" {
			fmt.Fprintf(&b, "```go\n%s\n```\n\n", c)
		}
		if !drop[id] {
			fmt.Fprintf(&b, "```go exercise %s\n%s\n```\n\n", id, bodies[id])
		}
		if c := after[id]; c != "" {
			fmt.Fprintf(&b, "```go\n%s\n```\n\n", c)
		}
	}
	return b.String()
}
