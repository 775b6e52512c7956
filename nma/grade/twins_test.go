package grade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/checkout"
)

// Every entry of the twin table names an exercise of the course and a function or method
// that exists in the library (resolved with go/types from the package's export data), once.
func TestTwinsExist(t *testing.T) {
	env := newTestTypeEnv(t)
	imp := env.importer(token.NewFileSet(), nil)
	seen := map[twin]bool{}
	for _, tw := range twins {
		if seen[tw] {
			t.Errorf("%+v twice in the table", tw)
		}
		seen[tw] = true
		if _, ok := all.ByID(tw.Exercise); !ok {
			t.Errorf("%+v: no exercise %s in exercises/all", tw, tw.Exercise)
		}
		if tw.Pkg != "nma" && !strings.HasPrefix(tw.Pkg, "nma/") {
			t.Errorf("%+v: a twin is in the course's library (nma/...)", tw)
		}
		if obj := resolveTwin(t, imp, tw); obj == nil {
			t.Errorf("%+v: %s.%s does not exist", tw, tw.Pkg, tw.Name)
		}
	}
}

// resolveTwin finds a twin's function or method.
func resolveTwin(t *testing.T, imp types.Importer, tw twin) *types.Func {
	pkg, err := imp.Import(checkout.ModulePath + "/" + tw.Pkg)
	if err != nil {
		t.Errorf("%+v: %v", tw, err)
		return nil
	}
	typ, name, isMethod := strings.Cut(tw.Name, ".")
	if !isMethod {
		fn, _ := pkg.Scope().Lookup(tw.Name).(*types.Func)
		return fn
	}
	tn, _ := pkg.Scope().Lookup(typ).(*types.TypeName)
	if tn == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, name)
	fn, _ := obj.(*types.Func)
	return fn
}

// No reference solution uses its exercise's twin (the rule would reject the course's own
// answers): the solutions' functions, and the functions of their package they call, are
// type-checked and searched for the twins of their exercise.
func TestSolutionsUseNoTwin(t *testing.T) {
	env := newTestTypeEnv(t)
	root := repoRoot(t)
	index := twinIndex()
	byDay := map[string][]string{}
	for _, e := range all.Exercises() {
		byDay[e.Day()] = append(byDay[e.Day()], e.ID)
	}
	days := make([]string, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	sort.Strings(days)
	checked := 0
	for _, day := range days {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(root, "solutions", day, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("solutions/%s: %v", day, err)
		}
		var asts []*ast.File
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			asts = append(asts, af)
		}
		info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: env.importer(fset, nil)}
		pkg, err := conf.Check(checkout.ModulePath+"/solutions/"+day, fset, asts, info)
		if err != nil {
			t.Fatalf("solutions/%s: %v", day, err)
		}
		decls := map[types.Object]*ast.FuncDecl{}
		for _, af := range asts {
			for _, d := range af.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					decls[info.Defs[fd.Name]] = fd
				}
			}
		}
		for _, id := range byDay[day] {
			e, _ := all.ByID(id)
			// The exercise's functions and the package's functions they call.
			var queue []*ast.FuncDecl
			reached := map[*ast.FuncDecl]bool{}
			for _, f := range e.Funcs {
				fd := decls[pkg.Scope().Lookup(f)]
				if fd == nil {
					t.Errorf("%s: no function %s in solutions/%s", id, f, day)
					continue
				}
				reached[fd] = true
				queue = append(queue, fd)
			}
			for len(queue) > 0 {
				fd := queue[0]
				queue = queue[1:]
				ast.Inspect(fd, func(n ast.Node) bool {
					ident, ok := n.(*ast.Ident)
					if !ok {
						return true
					}
					obj := info.Uses[ident]
					if callee := decls[obj]; callee != nil && !reached[callee] {
						reached[callee] = true
						queue = append(queue, callee)
					}
					for _, ex := range index[objKey(obj)] {
						if ex == id {
							t.Errorf("%s: the reference solution uses %s (%s), the exercise's twin", id, qualified(obj), fset.Position(ident.Pos()))
						}
					}
					return true
				})
			}
			checked++
		}
	}
	if checked < len(all.Exercises()) {
		t.Errorf("checked %d solutions of %d exercises", checked, len(all.Exercises()))
	}
}
