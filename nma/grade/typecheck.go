package grade

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/outcome"
)

// The rules for graded code, checked on types (go/types) once the student's program has
// built, so that no spelling of a name — an alias, a method value, an embedded field, a
// variable of an interface type — gets around them. forbidden() (program.go) is a fast
// first pass over what the syntax shows (imports, directives, assignments to package
// variables) before anything is built; this pass decides. Both reject with Rejected.
//
//  1. Course internals. No use of the exercises' packages (exercises/...: the registry, the
//     checks and, through them, the solutions), of the solutions (solutions/...), of the
//     grader (nma/grade/...) or of the grader's generated code (its packages, func main).
//     No use of a function, method or field named Check* of the course's module
//     (exercise.CheckID, w2d4.CheckF, Exercise.Check: a check is an oracle for the answer),
//     nor of an exercise.Exercise's Solution, Probe, Expected, Mistakes, KnownMistakes or
//     Judge.
//  2. Library twins. No use, in the code of an exercise, of that exercise's twin (twins.go):
//     the library function that already computes the answer (ratemodel.F for W2D4.T1.E1).
//     Other exercises may use it. A method twin is also rejected when it is called through
//     an interface the library's type satisfies (nn.Module's Forward for
//     vision.DeepNetReLU.Forward).
//  3. No raw memory. No expression whose type is or holds unsafe.Pointer (however it was
//     obtained: with or without importing unsafe), none of reflect's raw-pointer API
//     (NewAt, SliceAt, SliceHeader, StringHeader, Value.UnsafePointer, Value.Pointer,
//     Value.UnsafeAddr, Value.SetPointer, Value.InterfaceData), no lookup of methods by name
//     through reflection (Value.Method, Value.MethodByName, Type.Method, Type.MethodByName:
//     a string reaches the same methods), also not through an interface of one's own; no
//     //go:embed, //go:linkname or //go:cgo_* directive, no embed package (and, from the
//     first pass, no unsafe, cgo, plugin, syscall, x/sys or runtime/debug imports, and no
//     //line directives, which would misplace the messages).
//
// Allowed on purpose: runtime.Callers, runtime.Caller, runtime.CallersFrames,
// runtime.FuncForPC and runtime.Stack. They reveal file names (where the course's sources
// were compiled), never memory; reading those files is the sandbox's business, and a
// panic's stack trace, os.Getwd or a walk of the file system reveal as much.
//
// The code of an exercise is every declaration its program needs for it (its functions and
// their helpers, from any cell); a breach in a helper rejects every exercise that uses the
// helper, except a twin, which rejects only its own exercise. Every rejection names the cell
// and line of the offending code, e.g. "cell 9, line 4: calls ratemodel.F, the course
// library's version of the function this exercise asks you to write". When the grader
// cannot type-check a program (export data missing, a type error the compiler did not
// report) its exercises get outcome.Error rather than running unchecked.

// finding is one breach of the rules in a program's student.go.
type finding struct {
	pos      token.Position  // adjusted by the //line directives: Filename "cell N"
	msg      string          // what and why, without the position
	exercise string          // a twin: only the tasks of this exercise break the rule
	imp      string          // an import: the tasks that import this path
	verdict  outcome.Outcome // Rejected, or Error when the grader could not check the code
	rank     int             // on one line, lower ranks come first (a named rule before a type)
}

func (f finding) String() string {
	if cell, ok := cellOf(f.pos); ok {
		return fmt.Sprintf("cell %d, line %d: %s", cell, f.pos.Line, f.msg)
	}
	return f.msg
}

// cellOf is the notebook cell of a position in student.go.
func cellOf(p token.Position) (int, bool) {
	var cell int
	if _, err := fmt.Sscanf(p.Filename, "cell %d", &cell); err != nil || p.Filename != fmt.Sprintf("cell %d", cell) {
		return 0, false
	}
	return cell, true
}

// typeEnv type-checks the student files of generated programs with the export data of
// their imports, which `go list -export` finds in the build cache (a program has just been
// built with them, so nothing is compiled again). One per builder.
type typeEnv struct {
	dir     string // a module with the generated programs' go.mod, for go list
	timeout time.Duration

	mu      sync.Mutex
	exports map[string]string // import path → export data file
	failed  map[string]string // import path → why go list found no export data
	listMu  sync.Mutex        // one go list at a time: it may tidy dir's go.mod
	checked sync.Map          // hash of a student.go → []finding
}

var (
	typeEnvMu sync.Mutex
	typeEnvs  = map[*builder]*typeEnv{}
)

// typeEnvFor returns the builder's type-checking environment (after warmUp, when the
// builder's go.mod and go.sum are complete).
func typeEnvFor(b *builder) (*typeEnv, error) {
	typeEnvMu.Lock()
	defer typeEnvMu.Unlock()
	if e := typeEnvs[b]; e != nil {
		return e, nil
	}
	e, err := newTypeEnv(filepath.Join(b.work, "typecheck"), b.gomod, b.gosum, b.timeout)
	if err != nil {
		return nil, err
	}
	typeEnvs[b] = e
	return e, nil
}

// newTypeEnv makes a type-checking environment in dir, a module with the given go.mod and
// go.sum (those of the generated programs).
func newTypeEnv(dir string, gomod, gosum []byte, timeout time.Duration) (*typeEnv, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), gomod, 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o600); err != nil {
		return nil, err
	}
	if timeout <= 0 {
		timeout = time.Minute
	}
	return &typeEnv{dir: dir, timeout: timeout, exports: map[string]string{}, failed: map[string]string{}}, nil
}

// exportFiles returns the export data files of the given packages, running go list for the
// ones it has not seen.
func (e *typeEnv) exportFiles(paths []string) (map[string]string, error) {
	missing := func() []string {
		e.mu.Lock()
		defer e.mu.Unlock()
		var out []string
		for _, p := range paths {
			if _, ok := e.exports[p]; !ok && e.failed[p] == "" && p != "unsafe" {
				out = append(out, p)
			}
		}
		return out
	}
	if len(missing()) > 0 {
		e.listMu.Lock()
		err := e.list(missing())
		e.listMu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	out := map[string]string{}
	for _, p := range paths {
		if p == "unsafe" {
			continue
		}
		if why := e.failed[p]; why != "" {
			return nil, fmt.Errorf("package %s: %s", p, why)
		}
		out[p] = e.exports[p]
	}
	return out, nil
}

func (e *typeEnv) list(paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	args := append([]string{"list", "-e", "-export", "-tags", buildTags, "-f", "{{.ImportPath}}\t{{.Export}}\t{{if .Error}}{{.Error.Err}}{{end}}", "--"}, paths...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = e.dir
	cmd.Env = buildEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	killGroupOnCancel(cmd)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -export: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, l := range strings.Split(string(out), "\n") {
		parts := strings.SplitN(l, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		switch {
		case parts[1] != "":
			e.exports[parts[0]] = parts[1]
		case parts[2] != "":
			e.failed[parts[0]] = strings.ReplaceAll(parts[2], "\n", " ")
		default:
			e.failed[parts[0]] = "no export data"
		}
	}
	for _, p := range paths {
		if _, ok := e.exports[p]; !ok && e.failed[p] == "" {
			e.failed[p] = "go list did not report it"
		}
	}
	return nil
}

// importer reads export data: from the files in exports, else from what go list finds (the
// packages of the method rules, for interfaceFindings). It refuses the forbidden packages:
// the rules reject their import, and a graded program never builds them.
func (e *typeEnv) importer(fset *token.FileSet, exports map[string]string) types.Importer {
	if exports == nil {
		exports = map[string]string{}
	}
	return importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		if why := forbiddenImport(path); why != "" {
			return nil, errors.New(why)
		}
		file, ok := exports[path]
		if !ok {
			more, err := e.exportFiles([]string{path})
			if err != nil {
				return nil, err
			}
			file = more[path]
			exports[path] = file
		}
		return os.Open(file)
	})
}

// checkedFile is a type-checked student.go.
type checkedFile struct {
	fset  *token.FileSet
	file  *ast.File
	info  *types.Info
	errs  []types.Error
	imp   types.Importer      // the check's importer (interfaceFindings imports with it)
	calls map[*ast.Ident]bool // identifiers in call position (f(…), x.f(…), f[T](…))
}

// check parses and type-checks a student.go on its own (func main lives in main.go, so a
// reference to it is a type error here).
func (e *typeEnv) check(src string) (*checkedFile, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "student.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parsing the program: %w", err)
	}
	var paths []string
	for _, is := range f.Imports {
		p, err := strconv.Unquote(is.Path.Value)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	c := &checkedFile{fset: fset, file: f, calls: map[*ast.Ident]bool{}}
	// Forbidden imports are not looked up: the rules reject them anyway.
	var allowed []string
	for _, p := range paths {
		if forbiddenImport(p) == "" {
			allowed = append(allowed, p)
		}
	}
	exports, err := e.exportFiles(allowed)
	if err != nil {
		return nil, err
	}
	c.imp = e.importer(fset, exports)
	c.info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: c.imp, Error: func(err error) {
		if te, ok := err.(types.Error); ok {
			c.errs = append(c.errs, te)
		} else {
			c.errs = append(c.errs, types.Error{Fset: fset, Msg: err.Error()})
		}
	}}
	_, _ = conf.Check("main", fset, []*ast.File{f}, c.info) // errors: in c.errs
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id := calleeIdent(call.Fun); id != nil {
				c.calls[id] = true
			}
		}
		return true
	})
	return c, nil
}

// calleeIdent is the identifier naming the function of a call: f, x.f, f[T], (f).
func calleeIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.SelectorExpr:
			return x.Sel
		case *ast.Ident:
			return x
		default:
			return nil
		}
	}
}

// Packages and objects the rules name.
var (
	exercisePkg = checkout.ModulePath + "/nma/exercise"
	// reflect's raw-pointer API and its lookup of methods by name.
	reflectBanned = map[string]string{
		"reflect.NewAt":               "raw memory access",
		"reflect.SliceAt":             "raw memory access",
		"reflect.SliceHeader":         "raw memory access",
		"reflect.StringHeader":        "raw memory access",
		"reflect.Value.UnsafePointer": "raw memory access",
		"reflect.Value.Pointer":       "raw memory access",
		"reflect.Value.UnsafeAddr":    "raw memory access",
		"reflect.Value.SetPointer":    "raw memory access",
		"reflect.Value.InterfaceData": "raw memory access",
		"reflect.Value.Method":        "calling methods by name through reflection",
		"reflect.Value.MethodByName":  "calling methods by name through reflection",
		"reflect.Type.Method":         "calling methods by name through reflection",
		"reflect.Type.MethodByName":   "calling methods by name through reflection",
	}
	// An exercise.Exercise's fields and methods that reach the solution, the check or the
	// catalogue of mistakes.
	exerciseBanned = map[string]bool{"Solution": true, "Probe": true, "Expected": true,
		"Mistakes": true, "KnownMistakes": true, "Judge": true}
)

// forbiddenPackage says why graded code may not use anything of the package path (beyond
// not importing it), or "".
func forbiddenPackage(path string) string {
	under := func(p string) bool { return path == p || strings.HasPrefix(path, p+"/") }
	switch {
	case under(checkout.ModulePath + "/exercises"):
		return "graded code may not use the exercises' registry, checks or solutions"
	case under(checkout.ModulePath + "/solutions"):
		return "graded code may not use the reference solutions"
	case under(checkout.ModulePath + "/nma/grade"):
		return "graded code may not use the grader"
	case under(genModule):
		return "graded code may not use the grader's generated code"
	case path == "unsafe":
		return "low-level code (unsafe, cgo, plugins) is not allowed in graded code"
	}
	return ""
}

// objKey names a package-level object or a method: "path.Name", "path.Type.Method".
func objKey(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			if named := namedOf(recv.Type()); named != nil {
				return obj.Pkg().Path() + "." + named.Obj().Name() + "." + obj.Name()
			}
			return ""
		}
		fn = fn.Origin()
		return fn.Pkg().Path() + "." + fn.Name()
	}
	if obj.Parent() != obj.Pkg().Scope() {
		return "" // a field, a local
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// namedOf is the defined type of a receiver: T for T, *T, T[P].
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin()
	}
	return nil
}

// qualified is an object as a student would write it: ratemodel.F, vision.DeepNetReLU.Forward.
func qualified(obj types.Object) string {
	name := obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			if named := namedOf(recv.Type()); named != nil {
				name = named.Obj().Name() + "." + name
			}
		}
	}
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		return "field " + name
	}
	if obj.Pkg() != nil && obj.Pkg().Name() != "main" {
		return obj.Pkg().Name() + "." + name
	}
	return name
}

// methodRule is a method graded code may not reach, also through an interface.
type methodRule struct {
	pkg, typ, name string
	exercise       string // a twin's exercise, or "" for everyone
	msg            string
}

// bannedMethods are the methods of the twins and of reflect's banned API.
func bannedMethods() []methodRule {
	var out []methodRule
	for _, tw := range twins {
		if typ, name, ok := strings.Cut(tw.Name, "."); ok {
			out = append(out, methodRule{pkg: checkout.ModulePath + "/" + tw.Pkg, typ: typ, name: name, exercise: tw.Exercise,
				msg: twinMessage})
		}
	}
	for k, why := range reflectBanned {
		parts := strings.Split(k, ".")
		if len(parts) == 3 { // a method of reflect.Value, or of the interface reflect.Type
			out = append(out, methodRule{pkg: parts[0], typ: parts[1], name: parts[2], msg: why + " is not allowed in graded code"})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].pkg+out[i].typ+out[i].name+out[i].exercise < out[j].pkg+out[j].typ+out[j].name+out[j].exercise
	})
	return out
}

const twinMessage = "the course library's version of the function this exercise asks you to write"

// twinIndex maps objKey → the exercises whose twin it is.
func twinIndex() map[string][]string {
	m := map[string][]string{}
	for _, tw := range twins {
		k := checkout.ModulePath + "/" + tw.Pkg + "." + tw.Name
		m[k] = append(m[k], tw.Exercise)
	}
	return m
}

var (
	twinIdxOnce sync.Once
	twinIdx     map[string][]string
	methodRules []methodRule
)

// findings applies the rules to a type-checked student.go.
func (c *checkedFile) findings() []finding {
	twinIdxOnce.Do(func() { twinIdx, methodRules = twinIndex(), bannedMethods() })
	var out []finding
	seen := map[string]bool{}
	add := func(pos token.Pos, f finding) {
		f.pos = c.fset.Position(pos)
		if f.verdict == outcome.Unknown {
			f.verdict = outcome.Rejected
		}
		k := fmt.Sprintf("%s:%d\x00%s\x00%s\x00%s", f.pos.Filename, f.pos.Line, f.msg, f.exercise, f.imp)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	for _, is := range c.file.Imports {
		p, _ := strconv.Unquote(is.Path.Value)
		if why := forbiddenImport(p); why != "" {
			add(is.Pos(), finding{msg: fmt.Sprintf("imports %q: %s", p, why), imp: p})
		}
	}
	for _, cg := range c.file.Comments {
		for _, cm := range cg.List {
			if why := forbiddenDirective(cm.Text); why != "" {
				add(cm.Pos(), finding{msg: why})
			}
		}
	}
	for _, e := range c.errs {
		if strings.HasPrefix(e.Msg, "undefined: main") || strings.HasPrefix(e.Msg, "undefined: nmagrade") {
			add(e.Pos, finding{msg: "uses main, the grader's generated code: graded code may not call it"})
			continue
		}
		add(e.Pos, finding{verdict: outcome.Error, rank: 2, msg: "the grader could not check this code: " + e.Msg})
	}
	for id, obj := range c.info.Uses {
		verb := "uses"
		if c.calls[id] {
			verb = "calls"
		}
		for _, f := range c.objectFindings(obj, verb) {
			add(id.Pos(), f)
		}
	}
	for expr, tv := range c.info.Types {
		if tv.Type != nil && hasUnsafePointer(tv.Type) {
			ts := types.TypeString(tv.Type, pkgName)
			what := "has a value of type " + ts
			if tv.IsType() {
				what = "uses the type " + ts
			} else if _, isFunc := tv.Type.Underlying().(*types.Signature); isFunc {
				what = fmt.Sprintf("uses %s, of type %s", types.ExprString(expr), ts)
			}
			add(expr.Pos(), finding{rank: 1, msg: what + ": raw memory access (unsafe.Pointer) is not allowed in graded code"})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].pos, out[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].msg < out[j].msg
	})
	return out
}

func pkgName(p *types.Package) string { return p.Name() }

// objectFindings applies the rules to one object the code uses.
func (c *checkedFile) objectFindings(obj types.Object, verb string) []finding {
	if pn, ok := obj.(*types.PkgName); ok {
		if why := forbiddenImport(pn.Imported().Path()); why != "" {
			return []finding{{msg: fmt.Sprintf("uses package %s: %s", pn.Imported().Path(), why)}}
		}
		return nil
	}
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	path := obj.Pkg().Path()
	if path == "main" { // the student's own code; its interfaces may reach banned methods
		if fn, ok := obj.(*types.Func); ok {
			return c.interfaceFindings(fn, verb)
		}
		return nil
	}
	if why := forbiddenPackage(path); why != "" {
		return []finding{{msg: fmt.Sprintf("%s %s (package %s): %s", verb, qualified(obj), path, why)}}
	}
	key := objKey(obj)
	var out []finding
	if why, ok := reflectBanned[key]; ok {
		out = append(out, finding{msg: fmt.Sprintf("%s %s: %s is not allowed in graded code", verb, qualified(obj), why)})
	}
	inCourse := path == checkout.ModulePath || strings.HasPrefix(path, checkout.ModulePath+"/")
	_, isFunc := obj.(*types.Func)
	v, isVar := obj.(*types.Var)
	if inCourse && strings.HasPrefix(obj.Name(), "Check") && (isFunc || isVar && v.IsField()) {
		out = append(out, finding{msg: fmt.Sprintf("%s %s, one of the course's checks: graded code may not call the checks (the grader runs them)", verb, qualified(obj))})
	}
	if path == exercisePkg && exerciseBanned[obj.Name()] && (isFunc || isVar && v.IsField()) {
		out = append(out, finding{msg: fmt.Sprintf("%s %s of an exercise.Exercise: graded code may not use the reference solutions or the checks", verb, qualified(obj))})
	}
	for _, ex := range twinIdx[key] {
		out = append(out, finding{exercise: ex, msg: fmt.Sprintf("%s %s, %s", verb, qualified(obj), twinMessage)})
	}
	if fn, ok := obj.(*types.Func); ok {
		out = append(out, c.interfaceFindings(fn, verb)...)
	}
	return out
}

// interfaceFindings: a method of an interface reaches every method of that name of the
// types that satisfy it; it breaks a rule when a banned method's type satisfies it.
func (c *checkedFile) interfaceFindings(fn *types.Func, verb string) []finding {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	var iface *types.Interface
	switch t := types.Unalias(recv.Type()).(type) {
	case *types.TypeParam:
		iface, _ = t.Constraint().Underlying().(*types.Interface)
	default:
		iface, _ = t.Underlying().(*types.Interface)
	}
	if iface == nil {
		return nil
	}
	var out []finding
	for _, r := range methodRules {
		if r.name != fn.Name() {
			continue
		}
		pkg, err := c.imp.Import(r.pkg)
		if err != nil {
			out = append(out, finding{verdict: outcome.Error, msg: fmt.Sprintf("the grader could not check the method %s: %v", fn.Name(), err)})
			continue
		}
		tn, _ := pkg.Scope().Lookup(r.typ).(*types.TypeName)
		if tn == nil {
			continue
		}
		if types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface) {
			via := types.TypeString(recv.Type(), pkgName)
			out = append(out, finding{exercise: r.exercise, msg: fmt.Sprintf("%s %s through %s, which reaches %s.%s.%s, %s",
				verb, fn.Name(), via, pkg.Name(), r.typ, r.name, r.msg)})
		}
	}
	return out
}

// hasUnsafePointer reports whether a type is unsafe.Pointer or is built from it (a pointer
// to it, a slice, a function taking or returning it, an unnamed struct with such a field,
// a type argument). Defined types are not looked into: their unexported fields (reflect.Value
// holds an unsafe.Pointer) are out of reach, and an exported field is itself an expression.
func hasUnsafePointer(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		return t.Kind() == types.UnsafePointer
	case *types.Pointer:
		return hasUnsafePointer(t.Elem())
	case *types.Slice:
		return hasUnsafePointer(t.Elem())
	case *types.Array:
		return hasUnsafePointer(t.Elem())
	case *types.Chan:
		return hasUnsafePointer(t.Elem())
	case *types.Map:
		return hasUnsafePointer(t.Key()) || hasUnsafePointer(t.Elem())
	case *types.Signature:
		return hasUnsafePointer(t.Params()) || hasUnsafePointer(t.Results())
	case *types.Tuple:
		for i := 0; t != nil && i < t.Len(); i++ {
			if hasUnsafePointer(t.At(i).Type()) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasUnsafePointer(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Named:
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if hasUnsafePointer(args.At(i)) {
					return true
				}
			}
		}
	}
	return false
}

// forbiddenDirective says why a comment may not appear in graded code, or "".
func forbiddenDirective(text string) string {
	switch {
	case strings.HasPrefix(text, "//go:embed"):
		return "has a //go:embed directive: graded code may not embed files"
	case strings.HasPrefix(text, "//go:linkname"):
		return "has a //go:linkname directive: graded code may not link to other packages' internals"
	case strings.HasPrefix(text, "//go:cgo_"):
		return "has a " + strings.Fields(text)[0] + " directive: cgo is not allowed in graded code"
	}
	return ""
}

// itemDirective finds a forbidden directive, or a //line directive (the grader's own
// //line directives name the cells), in a declaration's text; line is in the cell.
func itemDirective(it *item) (line int, why string) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(it.Text))
	s.Init(file, []byte(it.Text), nil, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return 0, ""
		}
		if tok != token.COMMENT {
			continue
		}
		line := it.Line + fset.Position(pos).Line - 1
		if why := forbiddenDirective(lit); why != "" {
			return line, why
		}
		if strings.HasPrefix(lit, "//line ") || strings.HasPrefix(lit, "/*line ") {
			return line, "has a //line directive: graded code may not set positions (the grader's messages name your cells with them)"
		}
	}
}

// firstUse finds the first pkg.Name in a task's declarations where pkg is not declared in
// its cell (the package the grader imports for that name): its cell and line.
func firstUse(t *task, pkg string) (cell, line int, ok bool) {
	for _, it := range t.items {
		ast.Inspect(it.Decl, func(n ast.Node) bool {
			if ok {
				return false
			}
			if sel, isSel := n.(*ast.SelectorExpr); isSel {
				if id, isID := sel.X.(*ast.Ident); isID && id.Name == pkg && id.Obj == nil {
					cell, line, ok = it.Cell, it.Fset.Position(id.Pos()).Line-1, true
				}
			}
			return !ok
		})
		if ok {
			return cell, line, true
		}
	}
	return 0, 0, false
}

// vetProgram applies the rules to a built program's student.go and returns, for each task
// that breaks them, its verdict and message (the first breach in its code, then how many
// more). err is for failures of the grader.
func vetProgram(env *typeEnv, studentSrc string, tasks []*task) (map[*task]finding, error) {
	sum := sha256.Sum256([]byte(studentSrc))
	key := hex.EncodeToString(sum[:])
	var fs []finding
	if v, ok := env.checked.Load(key); ok {
		fs = v.([]finding)
	} else {
		c, err := env.check(studentSrc)
		if err != nil {
			return nil, err
		}
		fs = c.findings()
		env.checked.Store(key, fs)
	}
	return attribute(fs, tasks), nil
}

// attribute gives each finding to the tasks whose code holds it: the tasks with a
// declaration at its cell and line (all of them when its position is in no declaration,
// which the grader does not expect), or, for an import, the tasks that import the path; a
// twin concerns only the tasks of its exercise.
func attribute(fs []finding, tasks []*task) map[*task]finding {
	type acc struct {
		first finding
		n     int
	}
	by := map[*task]*acc{}
	for _, f := range fs {
		var hit []*task
		for _, t := range tasks {
			if f.exercise != "" && f.exercise != t.Ex.ID {
				continue
			}
			if f.imp != "" {
				for _, is := range t.imports {
					if is.Path == f.imp {
						hit = append(hit, t)
						break
					}
				}
				continue
			}
			if taskHolds(t, f.pos) {
				hit = append(hit, t)
			}
		}
		if len(hit) == 0 && f.imp == "" {
			held := false
			for _, t := range tasks {
				if taskHolds(t, f.pos) {
					held = true
				}
			}
			if !held { // a position the grader cannot place: every task (of the exercise)
				for _, t := range tasks {
					if f.exercise == "" || f.exercise == t.Ex.ID {
						hit = append(hit, t)
					}
				}
			}
		}
		for _, t := range hit {
			a := by[t]
			if a == nil {
				by[t] = &acc{first: f, n: 1}
				continue
			}
			// A breach outranks the grader's trouble with some other part of the code.
			switch {
			case a.first.verdict == outcome.Error && f.verdict != outcome.Error:
				a.first, a.n = f, 1
			case f.verdict == a.first.verdict:
				a.n++
			}
		}
	}
	out := map[*task]finding{}
	for t, a := range by {
		f := a.first
		if a.n > 1 {
			f.msg += fmt.Sprintf(" (and %d more in this exercise's code)", a.n-1)
		}
		out[t] = f
	}
	return out
}

// taskHolds reports whether a position in student.go is in one of the task's declarations.
func taskHolds(t *task, p token.Position) bool {
	cell, ok := cellOf(p)
	if !ok {
		return false
	}
	for _, it := range t.items {
		if it.Cell == cell && p.Line >= it.Line && p.Line < it.Line+strings.Count(it.Text, "\n")+1 {
			return true
		}
	}
	return false
}
