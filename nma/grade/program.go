package grade

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/grade/harness"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// task is one exercise of one submission: where its code is, what it needs, and — when
// it can be decided without running anything — its verdict.
type task struct {
	Ex      exercise.Exercise
	Funcs   []string       // the functions the check takes (harness.CheckedFuncs)
	Cell    int            // the exercise cell, or the cell of its first function (0: none)
	from    map[string]int // the cell each function comes from
	Verdict outcome.Outcome
	Message string
	items   []*item
	imports []*importSpec
}

// decided reports whether the task has a verdict already (it is not run).
func (t *task) decided() bool { return t.Verdict != outcome.Unknown }

// analysis is a parsed submission: its cells and the declarations GoNB would hold.
type analysis struct {
	cells   []*cellCode
	pool    map[string]*item       // declarations by name; the exercise functions pinned to their cells
	methods map[string][]*item     // methods by receiver type
	imports map[string]*importSpec // the notebook's imports by name (the last one wins)
	auto    map[string]string      // package name → path for names the notebook does not import
	tasks   []*task
}

// analyse finds each exercise's function and the declarations it needs, and decides the
// exercises that need no run: missing, syntax errors, forbidden code.
func analyse(nb *notebook.Notebook, exs []exercise.Exercise, auto map[string]string) *analysis {
	a := &analysis{cells: parseCells(nb), pool: map[string]*item{}, methods: map[string][]*item{},
		imports: map[string]*importSpec{}, auto: auto}
	methods := map[string]*item{} // by Type.Method: a later cell's method replaces the earlier one
	var order []string
	for _, c := range a.cells {
		for _, it := range c.Items {
			if it.Kind == "method" {
				if _, ok := methods[it.Names[0]]; !ok {
					order = append(order, it.Names[0])
				}
				methods[it.Names[0]] = it
				continue
			}
			for _, n := range it.Names {
				a.pool[n] = it
			}
		}
		for _, is := range c.Imports {
			if is.Name != "" {
				a.imports[is.Name] = is
			}
		}
	}
	for _, m := range order {
		it := methods[m]
		a.methods[it.Recv] = append(a.methods[it.Recv], it)
	}
	for _, e := range exs {
		a.tasks = append(a.tasks, a.locate(e))
	}
	// Pin every exercise's functions to its cell: the definition GoNB had when that
	// exercise's cell ran, even if a later cell redefines the name.
	for _, t := range a.tasks {
		if t.decided() {
			continue
		}
		for f, cell := range t.from {
			a.pool[f] = a.cell(cell).Funcs[f]
		}
	}
	for _, t := range a.tasks {
		if !t.decided() {
			a.resolve(t)
		}
	}
	return a
}

func (a *analysis) cell(index int) *cellCode {
	for _, c := range a.cells {
		if c.Index == index {
			return c
		}
	}
	return nil
}

// locate finds an exercise's functions: in the cell its metadata names, else in the last
// cell that defines them.
func (a *analysis) locate(e exercise.Exercise) *task {
	t := &task{Ex: e, Funcs: harness.CheckedFuncs(e), from: map[string]int{}}
	var meta *cellCode
	for _, c := range a.cells {
		if c.Exercise == e.ID {
			meta = c // a duplicated cell: the last one, as when run top to bottom
		}
	}
	if meta != nil {
		t.Cell = meta.Index
		if meta.Err != nil {
			t.Verdict, t.Message = outcome.CompileError, meta.Err.Error()
			return t
		}
	}
	for _, f := range t.Funcs {
		cell := 0
		if meta != nil {
			if _, ok := meta.Funcs[f]; ok {
				cell = meta.Index
			}
		}
		if cell == 0 {
			for _, c := range a.cells {
				if _, ok := c.Funcs[f]; ok {
					cell = c.Index
				}
			}
		}
		if cell != 0 {
			t.from[f] = cell
			if t.Cell == 0 {
				t.Cell = cell
			}
			continue
		}
		for _, c := range a.cells {
			if c.Err != nil && cellMentionsFunc(c, f) {
				t.Cell, t.Verdict, t.Message = c.Index, outcome.CompileError, c.Err.Error()
				return t
			}
		}
		t.Verdict = outcome.Missing
		if meta != nil {
			t.Message = fmt.Sprintf("the exercise cell (cell %d) does not define the function %s, and no other cell does", meta.Index, f)
		} else {
			t.Message = fmt.Sprintf("no exercise cell %s and no function %s in the notebook", e.ID, f)
		}
		return t
	}
	return t
}

// cellMentionsFunc: an unparsable cell that has "func name(" at the start of a line.
func cellMentionsFunc(c *cellCode, name string) bool {
	return c.src != "" && funcLine(name).MatchString(c.src)
}

// resolve computes the declarations and imports an exercise needs, and rejects forbidden
// code.
func (a *analysis) resolve(t *task) {
	seen := map[*item]bool{}
	var queue []*item
	add := func(it *item) {
		if it != nil && !seen[it] {
			seen[it] = true
			queue = append(queue, it)
		}
	}
	for _, f := range t.Funcs {
		root := a.pool[f]
		if root == nil || (root.Kind != "func" && root.Kind != "var") {
			t.Verdict, t.Message = outcome.Missing, fmt.Sprintf("%s is not declared as a function", f)
			return
		}
		add(root)
	}
	pkgNames := map[string]bool{}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		t.items = append(t.items, it)
		for _, r := range it.Refs {
			add(a.pool[r])
		}
		if it.Kind == "type" {
			for _, n := range it.Names {
				for _, m := range a.methods[n] {
					add(m)
				}
			}
		}
		if it.Kind == "method" {
			add(a.pool[it.Recv])
		}
		for _, p := range it.PkgRefs {
			if a.pool[p] == nil {
				pkgNames[p] = true
			}
		}
	}
	sort.Slice(t.items, func(i, j int) bool {
		x, y := t.items[i], t.items[j]
		if x.Cell != y.Cell {
			return x.Cell < y.Cell
		}
		return x.Line < y.Line || x.Line == y.Line && x.Col < y.Col
	})
	for _, n := range sortedKeys(pkgNames) {
		if is, ok := a.imports[n]; ok {
			t.imports = append(t.imports, is)
		} else if p, ok := a.auto[n]; ok {
			t.imports = append(t.imports, &importSpec{Name: n, Path: p, Explicit: n != defaultPkgName(p)})
		}
	}
	if msg := forbidden(t, pkgNames, a.pool); msg != "" {
		t.Verdict, t.Message = outcome.Rejected, msg
	}
}

// forbiddenImport says why graded code may not import path, or "". The packages of the
// course's module it names (exercises, solutions, grader, generated code) are those of
// forbiddenPackage, whose objects the type checker also rejects however they are reached.
func forbiddenImport(path string) string {
	switch {
	case path == "unsafe" || path == "C" || path == "runtime/cgo" || path == "plugin":
		return "low-level code (unsafe, cgo, plugins) is not allowed in graded code"
	case path == "syscall" || strings.HasPrefix(path, "syscall/") || path == "golang.org/x/sys" || strings.HasPrefix(path, "golang.org/x/sys/") || path == "runtime/debug":
		return "system calls and runtime internals (syscall, x/sys, runtime/debug) are not allowed in graded code"
	case path == "embed":
		return "graded code may not embed files (embed, //go:embed)"
	}
	return forbiddenPackage(path)
}

// forbidden checks the code an exercise needs before it is built: no assignment to (or
// address of) a variable of an imported package, such as the checks' settings or the
// exercise registry; no forbidden imports; no //go:embed, //go:linkname or //line
// directives. It is a fast first pass: the type checker (typecheck.go) applies these rules
// and more to the built program.
func forbidden(t *task, pkgNames map[string]bool, pool map[string]*item) string {
	var msg string
	for _, it := range t.items {
		ast.Inspect(it.Decl, func(n ast.Node) bool {
			if msg != "" {
				return false
			}
			var targets []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE {
					targets = n.Lhs
				}
			case *ast.IncDecStmt:
				targets = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					targets = []ast.Expr{n.Key, n.Value}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets = []ast.Expr{n.X}
				}
			}
			for _, e := range targets {
				if pkg, name, ok := packageVar(e, pkgNames, pool); ok {
					p := it.Fset.Position(e.Pos())
					msg = fmt.Sprintf("changes %s.%s, a variable of an imported package (cell %d, line %d): graded code may not change the course's packages",
						pkg, name, it.Cell, p.Line-1)
					return false
				}
			}
			return true
		})
		if msg != "" {
			return msg
		}
	}
	for _, is := range t.imports {
		if why := forbiddenImport(is.Path); why != "" {
			if is.Cell > 0 {
				return fmt.Sprintf("imports %q (cell %d, line %d): %s", is.Path, is.Cell, is.Line, why)
			}
			if cell, line, ok := firstUse(t, is.Name); ok {
				return fmt.Sprintf("cell %d, line %d: uses package %q: %s", cell, line, is.Path, why)
			}
			return fmt.Sprintf("uses package %q: %s", is.Path, why)
		}
	}
	for _, it := range t.items {
		if line, why := itemDirective(it); why != "" {
			return fmt.Sprintf("cell %d, line %d: %s", it.Cell, line, why)
		}
	}
	return ""
}

// packageVar reports whether e is (part of) a package-level variable of an imported
// package: pkg.V, pkg.V[i], pkg.V.f, *pkg.V …
func packageVar(e ast.Expr, pkgNames map[string]bool, pool map[string]*item) (string, string, bool) {
	for e != nil {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				if id.Obj == nil && pkgNames[id.Name] && pool[id.Name] == nil {
					return id.Name, x.Sel.Name, true
				}
				return "", "", false
			}
			e = x.X
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// The generated program: module genModule with main.go (the harness call), student.go
// (the student's declarations, with //line directives naming their cells) and a
// registry package that copies the day's exercises before package main initialises.
const (
	genModule   = "nmagradeprog"
	genRegistry = "nmagradereg"
)

// program returns the files of a program that checks the given tasks.
func program(tasks []*task) map[string]string {
	var items []*item
	seen := map[*item]bool{}
	imports := map[string]*importSpec{}
	var days []string
	for _, t := range tasks {
		for _, it := range t.items {
			if !seen[it] {
				seen[it] = true
				items = append(items, it)
			}
		}
		for _, is := range t.imports {
			if _, ok := imports[is.Name]; !ok {
				imports[is.Name] = is
			}
		}
		if !slices.Contains(days, t.Ex.Day()) {
			days = append(days, t.Ex.Day())
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		x, y := items[i], items[j]
		if x.Cell != y.Cell {
			return x.Cell < y.Cell
		}
		return x.Line < y.Line || x.Line == y.Line && x.Col < y.Col
	})
	sort.Strings(days)

	var s strings.Builder
	// No file name here: identical code from two students is one build.
	s.WriteString("// Code generated by nma grade from a student's notebook. DO NOT EDIT.\n\npackage main\n")
	if len(imports) > 0 {
		s.WriteString("\nimport (\n")
		for _, n := range sortedKeys(keysOf(imports)) {
			is := imports[n]
			if is.Cell > 0 {
				fmt.Fprintf(&s, "//line cell %d:%d:%d\n", is.Cell, is.Line, is.Col)
			} else {
				s.WriteString("//line import added by the grader:1:1\n")
			}
			if is.Explicit {
				fmt.Fprintf(&s, "%s %s\n", is.Name, strconv.Quote(is.Path))
			} else {
				fmt.Fprintf(&s, "%s\n", strconv.Quote(is.Path))
			}
		}
		s.WriteString(")\n")
	}
	for _, it := range items {
		fmt.Fprintf(&s, "\n//line cell %d:%d:%d\n%s\n", it.Cell, it.Line, it.Col, it.Text)
	}

	var m strings.Builder
	m.WriteString("// Code generated by nma grade. DO NOT EDIT.\n\npackage main\n\nimport (\n")
	fmt.Fprintf(&m, "\tnmagradeharness %q\n\t_ %q\n)\n\nfunc main() {\n\tnmagradeharness.Main(map[string]map[string]any{\n",
		checkout.ModulePath+"/nma/grade/harness", genModule+"/"+genRegistry)
	for _, t := range tasks {
		fmt.Fprintf(&m, "\t\t%q: {", t.Ex.ID)
		for i, f := range t.Funcs {
			if i > 0 {
				m.WriteString(", ")
			}
			fmt.Fprintf(&m, "%q: %s", f, f)
		}
		m.WriteString("},\n")
	}
	m.WriteString("\t})\n}\n")

	return map[string]string{"main.go": m.String(), "student.go": s.String(), genRegistry + "/reg.go": registryFile(days)}
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}
