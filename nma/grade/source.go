package grade

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/nma-go/nma-go/nma/notebook"
)

// A notebook as the grader sees it: the top-level declarations of its code cells. GoNB
// keeps every top-level declaration (functions, types, variables, constants, imports) of
// the cells it ran, a later cell's declaration of a name replacing the earlier one, and runs
// the part of a cell after a "%%" line as the body of main. The grader compiles only
// declarations: the part of each code cell before "%%", without the special lines ("!"
// shell commands, "%" magics).

// cellCode is the declaration part of one code cell.
type cellCode struct {
	Index    int    // 1-based among all cells, as `nma run` counts
	Exercise string // exercise ID from the cell's metadata, or ""
	Err      error  // syntax error (the cell is then not used)
	Items    []*item
	Imports  []*importSpec
	Funcs    map[string]*item // top-level functions and variables, by name
	src      string           // the declaration part
}

// item is one top-level declaration.
type item struct {
	Cell      int
	Line, Col int      // position of the declaration (its doc comment) in the cell, 1-based
	Text      string   // source, with its doc comment
	Names     []string // declared names; a method is "Type.Method"
	Kind      string   // func, method, var, const, type
	Recv      string   // receiver's base type, for methods
	Refs      []string // identifiers it uses (an over-approximation of its dependencies)
	PkgRefs   []string // names used as x in x.Sel that this cell does not declare: packages or other cells' variables
	Init      bool     // a variable whose initialiser calls something (runs at program start)
	Decl      ast.Decl
	Fset      *token.FileSet
}

type importSpec struct {
	Cell      int
	Line, Col int
	Name      string // the name the code uses ("" for a blank or dot import)
	Path      string
	Explicit  bool // written with an explicit name
}

// declPart returns the declaration part of a code cell: up to its "%%" (or "%main") line,
// with special command lines blanked so line numbers stay those of the cell.
func declPart(src string) string {
	lines := strings.SplitAfter(src, "\n")
	var b strings.Builder
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "%%") || strings.HasPrefix(t, "%main") {
			break
		}
		if strings.HasPrefix(t, "!") || strings.HasPrefix(t, "%") {
			if strings.HasSuffix(l, "\n") {
				b.WriteString("\n")
			}
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

// parseCells reads the declarations of every code cell.
func parseCells(nb *notebook.Notebook) []*cellCode {
	var out []*cellCode
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		cc := parseCell(i+1, declPart(c.Source))
		cc.Exercise = cellExercise(c)
		out = append(out, cc)
	}
	return out
}

// cellExercise is the exercise ID in a cell's metadata: ours, else nbgrader's grade_id.
func cellExercise(c *notebook.Cell) string {
	if id := c.ExerciseID(); id != "" {
		return id
	}
	if m, ok := c.Metadata["nbgrader"].(map[string]any); ok {
		if id, ok := m["grade_id"].(string); ok {
			return id
		}
	}
	return ""
}

const pkgHeader = "package main\n"

func parseCell(index int, src string) *cellCode {
	cc := &cellCode{Index: index, Funcs: map[string]*item{}, src: src}
	if strings.TrimSpace(src) == "" {
		return cc
	}
	fset := token.NewFileSet()
	full := pkgHeader + src
	f, err := parser.ParseFile(fset, fmt.Sprintf("cell %d", index), full, parser.ParseComments)
	if err != nil {
		cc.Err = cellSyntaxError(index, err)
		return cc
	}
	pos := func(p token.Pos) (int, int) {
		q := fset.Position(p)
		return q.Line - 1, q.Column
	}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			for _, s := range gd.Specs {
				is := s.(*ast.ImportSpec)
				path, _ := strconv.Unquote(is.Path.Value)
				spec := &importSpec{Cell: index, Path: path, Name: defaultPkgName(path)}
				spec.Line, spec.Col = pos(is.Pos())
				if is.Name != nil {
					spec.Name, spec.Explicit = is.Name.Name, true
					if spec.Name == "_" || spec.Name == "." {
						spec.Name = ""
					}
				}
				cc.Imports = append(cc.Imports, spec)
			}
			continue
		}
		it := newItem(index, fset, full, d)
		if it == nil {
			continue
		}
		it.Line, it.Col = pos(startOf(d))
		cc.Items = append(cc.Items, it)
		if it.Kind == "func" || it.Kind == "var" {
			for _, n := range it.Names {
				cc.Funcs[n] = it
			}
		}
	}
	return cc
}

func cellSyntaxError(index int, err error) error {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		e := list[0]
		return fmt.Errorf("syntax error in cell %d, line %d: %s", index, e.Pos.Line-1, e.Msg)
	}
	return fmt.Errorf("syntax error in cell %d: %v", index, err)
}

func startOf(d ast.Decl) token.Pos {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	}
	return d.Pos()
}

// newItem describes a declaration; nil for func main and func init (GoNB's own main, and
// code the grader never runs: nothing can refer to them).
func newItem(cell int, fset *token.FileSet, src string, d ast.Decl) *item {
	it := &item{Cell: cell, Decl: d, Fset: fset}
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			if d.Name.Name == "main" || d.Name.Name == "init" {
				return nil
			}
			it.Kind, it.Names = "func", []string{d.Name.Name}
		} else {
			it.Kind, it.Recv = "method", recvBase(d.Recv.List[0].Type)
			it.Names = []string{it.Recv + "." + d.Name.Name}
		}
	case *ast.GenDecl:
		it.Kind = d.Tok.String()
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.Name != "_" {
						it.Names = append(it.Names, n.Name)
					}
				}
			case *ast.TypeSpec:
				it.Names = append(it.Names, s.Name.Name)
			}
		}
		if len(it.Names) == 0 {
			return nil // var _ = …: nothing can refer to it
		}
		if d.Tok == token.VAR {
			ast.Inspect(d, func(n ast.Node) bool {
				if _, ok := n.(*ast.CallExpr); ok {
					it.Init = true
				}
				return !it.Init
			})
		}
	default:
		return nil
	}
	start, end := fset.Position(startOf(d)).Offset, fset.Position(d.End()).Offset
	it.Text = src[start:end]
	refs, pkgs := map[string]bool{}, map[string]bool{}
	ast.Inspect(d, func(n ast.Node) bool { return collectIdents(n, refs, pkgs) })
	it.Refs, it.PkgRefs = sortedKeys(refs), sortedKeys(pkgs)
	return it
}

// collectIdents records the identifiers of a declaration, except field and method names
// (the Sel of x.Sel); a selector's x that the cell does not declare may be a package.
func collectIdents(n ast.Node, refs, pkgs map[string]bool) bool {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		if x, ok := n.X.(*ast.Ident); ok {
			if x.Obj == nil {
				pkgs[x.Name] = true
			}
			refs[x.Name] = true
			return false
		}
		ast.Inspect(n.X, func(m ast.Node) bool { return collectIdents(m, refs, pkgs) })
		return false
	case *ast.Ident:
		refs[n.Name] = true
	}
	return true
}

// recvBase is the base type name of a method receiver: T for T, *T, T[P], *T[P].
func recvBase(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// defaultPkgName guesses the name of an imported package from its path, as goimports does
// when it cannot load it: the last element, without a major-version suffix or a "go-" prefix.
func defaultPkgName(path string) string {
	parts := strings.Split(path, "/")
	name := parts[len(parts)-1]
	if len(parts) > 1 && len(name) > 1 && name[0] == 'v' && isDigits(name[1:]) {
		name = parts[len(parts)-2]
	}
	if i := strings.IndexAny(name, ".-"); i > 0 {
		if strings.HasPrefix(name, "go-") {
			name = name[3:]
		} else {
			name = name[:i]
		}
	}
	return name
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// funcLine matches the first line of a top-level function declaration.
func funcLine(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^func\s+` + regexp.QuoteMeta(name) + `\s*[\[(]`)
}
