package grade

import (
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

func TestDeclPart(t *testing.T) {
	src := "!echo hi\nfunc F() int { return 1 }\n%env X=1\nvar y = 2\n%%\nfmt.Println(F())\nfunc G() {}\n"
	want := "\nfunc F() int { return 1 }\n\nvar y = 2\n"
	if got := declPart(src); got != want {
		t.Errorf("declPart = %q, want %q", got, want)
	}
}

func TestParseCell(t *testing.T) {
	c := parseCell(7, `import (
	"math"
	m2 "math"
	_ "embed"
)

// F doc
func F(x float64) float64 { return helper(x) + math.Pi + scale }

func (p *point) Norm() float64 { return p.x }

type point struct{ x float64 }

var table = build()
var _ = tamper()

const (
	a = iota
	b
)

func main() {}
func init() {}
`)
	if c.Err != nil {
		t.Fatal(c.Err)
	}
	var names []string
	for _, it := range c.Items {
		names = append(names, it.Kind+":"+strings.Join(it.Names, ","))
	}
	if got := strings.Join(names, " "); got != "func:F method:point.Norm type:point var:table const:a,b" {
		t.Errorf("items: %s", got)
	}
	f := c.Funcs["F"]
	if f == nil || f.Line != 7 || f.Col != 1 || !strings.HasPrefix(f.Text, "// F doc\nfunc F") {
		t.Fatalf("F: %+v", f)
	}
	if !contains(f.Refs, "helper") || !contains(f.Refs, "scale") || !contains(f.PkgRefs, "math") || contains(f.Refs, "Pi") {
		t.Errorf("F refs %v pkgs %v", f.Refs, f.PkgRefs)
	}
	if !c.Items[3].Init {
		t.Error("var table = build() runs at start-up")
	}
	if len(c.Imports) != 3 || c.Imports[0].Name != "math" || c.Imports[1].Name != "m2" || c.Imports[2].Name != "" || c.Imports[1].Line != 3 {
		t.Errorf("imports: %+v %+v %+v", c.Imports[0], c.Imports[1], c.Imports[2])
	}
	bad := parseCell(3, "func F( {\n")
	if bad.Err == nil || !strings.Contains(bad.Err.Error(), "syntax error in cell 3, line 1") {
		t.Errorf("syntax error: %v", bad.Err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDefaultPkgName(t *testing.T) {
	for path, want := range map[string]string{
		"math": "math", "math/rand/v2": "rand", "gonum.org/v1/gonum/mat": "mat", "gopkg.in/yaml.v3": "yaml",
		"github.com/go-gota/gota/dataframe": "dataframe", "github.com/foo/go-bar": "bar",
	} {
		if got := defaultPkgName(path); got != want {
			t.Errorf("defaultPkgName(%s) = %s, want %s", path, got, want)
		}
	}
}

func nbWith(cells ...string) *notebook.Notebook {
	nb := &notebook.Notebook{NBFormat: 4}
	for i, src := range cells {
		c := &notebook.Cell{CellType: "code", Metadata: map[string]any{}, Source: src}
		if strings.HasPrefix(src, "#E") {
			id, rest, _ := strings.Cut(src[2:], "\n")
			c.Metadata = notebook.ExerciseMetadata(id)
			c.Source = rest
		}
		_ = i
		nb.Cells = append(nb.Cells, c)
	}
	return nb
}

var testExs = []exercise.Exercise{
	{ID: "W9D9.T1.E1", Notebook: "X", Funcs: []string{"F"}},
	{ID: "W9D9.T1.E2", Notebook: "X", Funcs: []string{"G"}},
}

func itemNames(t *task) string {
	var out []string
	for _, it := range t.items {
		out = append(out, strings.Join(it.Names, ","))
	}
	return strings.Join(out, " ")
}

// The grader compiles what an exercise's function needs, from any cell, and the function
// from its exercise cell even when a later cell redefines it.
func TestClosure(t *testing.T) {
	nb := nbWith(
		"import (\n\t\"github.com/nma-go/nma-go/nma/ratemodel\"\n\tstats \"gonum.org/v1/gonum/stat\"\n)",
		"func helper(x float64) float64 { return math.Sqrt(x) + offset }\n\nconst offset = 1\n\nfunc unrelated() { broken }\n\nfunc main() {}",
		"#EW9D9.T1.E1\nfunc F(x float64) float64 { return helper(x) * ratemodel.DefaultSingle().A }\n%%\nfmt.Println(F(1))",
		"func F(x float64) float64 { return 0 } // scratch\n\nfunc (a *acc) add(x float64) { a.s -= x }",
		"#EW9D9.T1.E2\ntype acc struct{ s float64 }\n\nfunc (a *acc) add(x float64) { a.s += F(x) } // replaces cell 4's\n\nfunc G(p []float64) float64 { var a acc; for _, x := range p { a.add(x) }; _ = stats.Mean; return a.s }",
	)
	a := analyse(nb, testExs, map[string]string{"math": "math"})
	t1, t2 := a.tasks[0], a.tasks[1]
	if t1.decided() || t2.decided() {
		t.Fatalf("decided: %v %q / %v %q", t1.Verdict, t1.Message, t2.Verdict, t2.Message)
	}
	if t1.Cell != 3 || t1.from["F"] != 3 || itemNames(t1) != "helper offset F" {
		t.Errorf("E1: cell %d from %v items %q", t1.Cell, t1.from, itemNames(t1))
	}
	if t2.Cell != 5 || itemNames(t2) != "helper offset F acc acc.add G" {
		t.Errorf("E2: cell %d items %q", t2.Cell, itemNames(t2))
	}
	var imps []string
	for _, is := range t2.imports {
		imps = append(imps, is.Name+"="+is.Path)
	}
	if strings.Join(imps, " ") != "math=math ratemodel=github.com/nma-go/nma-go/nma/ratemodel stats=gonum.org/v1/gonum/stat" {
		t.Errorf("E2 imports: %v", imps)
	}
	files := program(a.tasks)
	st := files["student.go"]
	for _, want := range []string{"//line cell 3:1:1\nfunc F(x float64) float64 { return helper(x)", "\"math\"", "stats \"gonum.org/v1/gonum/stat\"", "//line cell 2:3:1\nconst offset = 1"} {
		if !strings.Contains(st, want) {
			t.Errorf("student.go lacks %q:\n%s", want, st)
		}
	}
	if strings.Contains(st, "unrelated") || strings.Contains(st, "func main") || strings.Contains(st, "return 0 } // scratch") || strings.Contains(st, "a.s -= x") {
		t.Errorf("student.go has code the exercises do not need:\n%s", st)
	}
	if m := files["main.go"]; !strings.Contains(m, `"W9D9.T1.E1": {"F": F},`) || !strings.Contains(m, `"W9D9.T1.E2": {"G": G},`) {
		t.Errorf("main.go:\n%s", m)
	}
	if r := files["nmagradereg/reg.go"]; !strings.Contains(r, `day0 "github.com/nma-go/nma-go/exercises/w9d9"`) || !strings.Contains(r, "harness.Register(day0.Exercises)") {
		t.Errorf("reg.go:\n%s", r)
	}
}

func TestLocate(t *testing.T) {
	cases := []struct {
		name  string
		cells []string
		want  outcome.Outcome
		msg   string
		cell  int
	}{
		{"by metadata", []string{"#EW9D9.T1.E1\nfunc F() {}"}, outcome.Unknown, "", 1},
		{"by function", []string{"func F() {}", "func F() {} // again"}, outcome.Unknown, "", 2},
		{"metadata cell without F", []string{"func F() {}", "#EW9D9.T1.E1\nfunc H() {}"}, outcome.Unknown, "", 2},
		{"missing", []string{"func H() {}"}, outcome.Missing, "no exercise cell W9D9.T1.E1 and no function F", 0},
		{"missing in its cell", []string{"#EW9D9.T1.E1\nfunc H() {}"}, outcome.Missing, "the exercise cell (cell 1) does not define the function F", 1},
		{"syntax error in its cell", []string{"#EW9D9.T1.E1\nfunc F( {"}, outcome.CompileError, "syntax error in cell 1, line 1", 1},
		{"syntax error elsewhere", []string{"x := 1\nfunc F() {"}, outcome.CompileError, "syntax error in cell 1", 1},
		{"a type, not a function", []string{"type F int"}, outcome.Missing, "no exercise cell", 0},
	}
	for _, c := range cases {
		a := analyse(nbWith(c.cells...), testExs[:1], nil)
		tk := a.tasks[0]
		if tk.Verdict != c.want || !strings.Contains(tk.Message, c.msg) || tk.Cell != c.cell {
			t.Errorf("%s: verdict %q %q cell %d, want %q %q cell %d", c.name, tk.Verdict, tk.Message, tk.Cell, c.want, c.msg, c.cell)
		}
	}
}

func TestForbidden(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"func F() { exercise.Timeout = 0 }", "changes exercise.Timeout"},
		{"func F() { w2d4.Exercises[0].Check = nil }", "changes w2d4.Exercises"},
		{"func F() { p := &ratemodel.Defaults; _ = p }", "changes ratemodel.Defaults"},
		{"func F() { exercise.Timeout++ }", "changes exercise.Timeout"},
		{"func F() { for exercise.Timeout = range ch {} }", "changes exercise.Timeout"},
		{"import \"unsafe\"\nfunc F() { _ = unsafe.Sizeof(1) }", `imports "unsafe" (cell 1, line 1)`},
		{"import s \"github.com/nma-go/nma-go/solutions/w2d4\"\nfunc F() { s.F() }", "reference solutions"},
		{"import \"github.com/nma-go/nma-go/nma/grade\"\nfunc F() { grade.Run(nil, grade.Options{}) }", "may not use the grader"},
		{"func F() { _ = syscall.Getpid() }", `uses package "syscall": system calls`},
		{"import \"runtime/debug\"\nfunc F() { debug.WriteHeapDump(1) }", "runtime internals"},
		{"import \"golang.org/x/sys/unix\"\nfunc F() { unix.Getpid() }", "system calls"},
	} {
		a := analyse(nbWith("#EW9D9.T1.E1\n"+c.code), testExs[:1], map[string]string{"syscall": "syscall"})
		if tk := a.tasks[0]; tk.Verdict != outcome.Rejected || !strings.Contains(tk.Message, c.want) {
			t.Errorf("%s: %q %q, want rejected %q", c.code, tk.Verdict, tk.Message, c.want)
		}
	}
	for _, ok := range []string{
		"func F() { p := ratemodel.DefaultSingle(); p.W = 5 }",
		"func F() { var exercise struct{ Timeout int }; exercise.Timeout = 1 }",
		"var state struct{ n int }\nfunc F() { state.n++ }",
		"func F() { q := &ratemodel.SingleParams{}; q.W = 1 }",
	} {
		a := analyse(nbWith("#EW9D9.T1.E1\n"+ok), testExs[:1], nil)
		if tk := a.tasks[0]; tk.decided() {
			t.Errorf("%s: %q %q, want it allowed", ok, tk.Verdict, tk.Message)
		}
	}
}

func TestCompilerMessage(t *testing.T) {
	out := "# nmagradeprog\ncell 10:2:40: undefined: offset\n/tmp/w/b/main.go:8:17: cannot use F (type) as value\ncell 5:3:2: \"math\" imported and not used\n"
	msg := compilerMessage(out, "/tmp/w/b")
	want := "cell 10, line 2: undefined: offset\nin the grader's call of the exercise functions (main.go): cannot use F (type) as value\ncell 5, line 3: \"math\" imported and not used"
	if msg != want {
		t.Errorf("compilerMessage:\n%s\nwant\n%s", msg, want)
	}
	if u := unusedImports(msg); len(u) != 1 || u[0] != "math" {
		t.Errorf("unusedImports = %v", u)
	}
	tk := &task{items: []*item{{Cell: 10, Line: 1, Text: "func F() {\n\treturn\n}"}}}
	if got := messageFor(tk, msg); got != "cell 10, line 2: undefined: offset" {
		t.Errorf("messageFor = %q", got)
	}
}

func TestGroupTasks(t *testing.T) {
	slow := &item{Cell: 2, Line: 1, Init: true}
	plain := &item{Cell: 3, Line: 1}
	a := &task{items: []*item{plain}}
	b := &task{items: []*item{slow, plain}}
	c := &task{items: []*item{plain}}
	d := &task{items: []*item{slow}}
	g := groupTasks([]*task{a, b, c, d})
	if len(g) != 2 || len(g[0]) != 2 || g[0][0] != a || g[0][1] != c || len(g[1]) != 2 || g[1][0] != b || g[1][1] != d {
		t.Errorf("groups: %v", g)
	}
}
