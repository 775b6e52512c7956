package grade

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/checkout"
	"golang.org/x/mod/modfile"
)

// builder compiles generated programs, offline, in modules that require and replace the
// course's module (as the notebooks' setup cell does), with the user's Go build cache.
// Identical programs (the same student code) are built once.
type builder struct {
	root    string
	work    string // <work>/build: programs run from here (reachable by the sandbox user)
	dir     string // <work>/build, or the cache directory
	cached  bool   // dir is a cache kept between runs: reuse the binaries in it
	finger  string // fingerprint of the course's code and the toolchain (part of every key)
	timeout time.Duration
	gomod   []byte
	gosum   []byte
	warmBin string // the harness without student code

	mu    sync.Mutex
	cache map[string]*buildEntry
}

type buildEntry struct {
	once    sync.Once
	bin     string
	compile string // the compiler's message when the student's code does not build
	err     error  // the grader could not build (not the student's fault)
}

// newBuilder builds in <work>/build, or in cacheDir when given (binaries are then reused by
// later runs: their key covers the program, the course's code and the Go version).
func newBuilder(root, work, cacheDir string, timeout time.Duration) (*builder, error) {
	b := &builder{root: root, work: filepath.Join(work, "build"), dir: filepath.Join(work, "build"), timeout: timeout, cache: map[string]*buildEntry{}}
	if err := os.MkdirAll(b.work, 0o711); err != nil {
		return nil, err
	}
	if cacheDir != "" {
		abs, err := filepath.Abs(cacheDir)
		if err != nil {
			return nil, err
		}
		b.dir, b.cached = abs, true
	}
	if err := os.MkdirAll(b.dir, 0o711); err != nil {
		return nil, err
	}
	if err := os.Chmod(b.dir, 0o711); err != nil {
		return nil, err
	}
	finger, err := fingerprint(root)
	if err != nil {
		return nil, err
	}
	b.finger = finger
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return nil, fmt.Errorf("the course's go.sum: %w", err)
	}
	b.gosum = gosum
	gomod, err := generatedGoMod(root)
	if err != nil {
		return nil, err
	}
	b.gomod = gomod
	return b, nil
}

// generatedGoMod is the go.mod of the module the grader builds student code in. It requires
// (and replaces) the course's module, like the notebooks' setup cell, and it also repeats every
// requirement of the course's own go.mod, direct and indirect.
//
// Why the whole list: the build is offline (GOPROXY=off), so it may only need what `make
// setup` downloaded for the course's own build. With a go.mod that names just the course's
// module, the packages the program imports through it (gonum, plot, …) are provided by modules
// the main module does not list, and the go command then loads the complete module graph —
// including go.mod files of modules deep in the graph that no build of the course ever needs
// (github.com/ajstarks/deck/generate through svgo). That is why a fresh machine failed while an
// old module cache hid it. With the course's requirement list repeated here, the generated
// module's graph equals the course's and Go's lazy module loading reads exactly the go.mod files
// the course's own build reads. `nma setup` additionally downloads the whole pruned graph, for
// GoNB's `go get` in notebooks offline; that is a second line, not what the grader relies on.
func generatedGoMod(root string) ([]byte, error) {
	path := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("the course's go.mod: %w", err)
	}
	course, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		return nil, fmt.Errorf("the course's go.mod: %w", err)
	}
	gen := &modfile.File{}
	if err := gen.AddModuleStmt(genModule); err != nil {
		return nil, err
	}
	goVersion := "1.26"
	if course.Go != nil {
		goVersion = course.Go.Version
	}
	if err := gen.AddGoStmt(goVersion); err != nil {
		return nil, err
	}
	if err := gen.AddRequire(checkout.ModulePath, "v0.0.0-00010101000000-000000000000"); err != nil {
		return nil, err
	}
	for _, r := range course.Require {
		gen.AddNewRequire(r.Mod.Path, r.Mod.Version, r.Indirect)
	}
	if err := gen.AddReplace(checkout.ModulePath, "", root, ""); err != nil {
		return nil, err
	}
	for _, r := range course.Replace {
		newPath := r.New.Path
		if r.New.Version == "" && !filepath.IsAbs(newPath) {
			newPath = filepath.Join(root, newPath) // a local directory, relative to the course
		}
		if err := gen.AddReplace(r.Old.Path, r.Old.Version, newPath, r.New.Version); err != nil {
			return nil, err
		}
	}
	gen.Cleanup()
	return gen.Format()
}

// buildTags are the build tags of graded programs: nmagrade leaves the reference solutions
// out of the exercise packages (their solutions.go files), so no graded program links them.
const buildTags = "nmagrade"

// buildEnv is the go command's environment: offline (GOPROXY=off), no cgo (so the harness
// can restrict every thread, and no C compiler runs on student code), the toolchain on PATH.
func buildEnv() []string {
	drop := map[string]bool{"GOFLAGS": true, "GOPROXY": true, "GOSUMDB": true, "CGO_ENABLED": true,
		"GOWORK": true, "GOTOOLCHAIN": true, "GOOS": true, "GOARCH": true, "GOEXPERIMENT": true}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env, "GOFLAGS=-mod=mod -buildvcs=false", "GOPROXY=off", "GOSUMDB=off",
		"CGO_ENABLED=0", "GOWORK=off", "GOTOOLCHAIN=local")
}

// warmUp builds the harness with the registries of the given days and no student code: it
// fills the build cache before the parallel builds, completes the module's go.mod (later
// builds then start from it), and fails early when the course itself does not build.
func (b *builder) warmUp(days []string) error {
	files := program(nil)
	files[genRegistry+"/reg.go"] = registryFile(days)
	dir := filepath.Join(b.work, "warmup")
	bin, msg, err := b.compile(dir, files, 4*b.timeout)
	if err != nil {
		return err
	}
	if msg != "" {
		return fmt.Errorf("the course's code does not build, so nothing can be graded:\n%s", msg)
	}
	b.warmBin = bin
	if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
		b.gomod = mod
	}
	if sum, err := os.ReadFile(filepath.Join(dir, "go.sum")); err == nil {
		b.gosum = sum
	}
	return nil
}

// build returns the binary of a program, or the compiler's message when the code does not
// build; err is for failures of the grader itself.
func (b *builder) build(files map[string]string) (bin, compileMsg string, err error) {
	key := hashFiles(files, b.finger)
	b.mu.Lock()
	e, ok := b.cache[key]
	if !ok {
		e = &buildEntry{}
		b.cache[key] = e
	}
	b.mu.Unlock()
	e.once.Do(func() {
		dir := filepath.Join(b.dir, key[:24])
		if b.cached {
			defer func() {
				// The cache may sit where the sandbox user cannot reach it: run a copy.
				if e.bin != "" && e.err == nil {
					e.bin, e.err = copyExecutable(e.bin, filepath.Join(b.work, key[:24]))
				}
			}()
			if fi, err := os.Stat(filepath.Join(dir, "prog")); err == nil && fi.Mode().IsRegular() {
				e.bin = filepath.Join(dir, "prog")
				return
			}
			if msg, err := os.ReadFile(filepath.Join(dir, "compile-error.txt")); err == nil {
				e.compile = string(msg)
				return
			}
		}
		if !b.cached {
			e.bin, e.compile, e.err = b.compile(dir, files, b.timeout)
			return
		}
		// Build beside the cache entry and rename it into place, so that concurrent runs
		// sharing the cache never see half a build.
		tmp, err := os.MkdirTemp(b.dir, "tmp-")
		if err != nil {
			e.err = err
			return
		}
		defer os.RemoveAll(tmp)
		if err := os.Chmod(tmp, 0o711); err != nil {
			e.err = err
			return
		}
		_, e.compile, e.err = b.compile(tmp, files, b.timeout)
		if e.err != nil || strings.HasPrefix(e.compile, "the build did not finish") {
			return
		}
		if e.compile != "" {
			_ = os.WriteFile(filepath.Join(tmp, "compile-error.txt"), []byte(e.compile), 0o644)
		}
		if err := os.Rename(tmp, dir); err != nil && !errors.Is(err, fs.ErrExist) && !isDirNotEmpty(err) {
			e.err = err
			return
		}
		if e.compile == "" {
			e.bin = filepath.Join(dir, "prog")
		}
	})
	return e.bin, e.compile, e.err
}

func hashFiles(files map[string]string, finger string) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", finger)
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00%s", n, len(files[n]), files[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fingerprint hashes what a program's behaviour depends on besides its own files: the Go
// version and every Go file, go.mod and go.sum of the course's module.
func fingerprint(root string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", runtime.Version())
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				return nil
			}
			// What the go command leaves out of the module (dot and underscore folders,
			// testdata, nested modules), and the checkout's build products (build/: the
			// browser test's working copies and browser profile, which may be unreadable).
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules" ||
				p == filepath.Join(root, "build") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// compile writes the module into dir and runs go build with a time limit.
func (b *builder) compile(dir string, files map[string]string, timeout time.Duration) (bin, compileMsg string, err error) {
	if err := os.MkdirAll(dir, 0o711); err != nil {
		return "", "", err
	}
	all := map[string][]byte{"go.mod": b.gomod, "go.sum": b.gosum}
	for n, s := range files {
		all[n] = []byte(s)
	}
	for n, data := range all {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o711); err != nil {
			return "", "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", "", err
		}
	}
	bin = filepath.Join(dir, "prog")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if msg := checkSourceSize(files); msg != "" {
		return "", msg, nil // too large to build safely (sandbox.go)
	}
	// In the build sandbox, with the compiler's limits (sandbox_linux.go).
	cmd := goCommand(ctx, b.root, dir, "build", "-tags", buildTags, "-ldflags=-s -w", "-o", bin, ".")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killGroupOnCancel(cmd)
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return "", fmt.Sprintf("the build did not finish within %v", timeout), nil
	}
	if runErr != nil {
		var ee *exec.ExitError
		if !errors.As(runErr, &ee) {
			return "", "", fmt.Errorf("running go build: %w", runErr)
		}
		msg := buildLimitMessage(out.String()) // a limit of the build sandbox, in the student's words
		if msg == "" {
			msg = compilerMessage(out.String(), dir)
		}
		if msg == "" {
			msg = "go build failed"
		}
		return "", msg, nil
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		return "", "", err
	}
	return bin, "", nil
}

var (
	cellErrRE   = regexp.MustCompile(`^cell (\d+):(\d+):(\d+): (.*)$`)
	fileErrRE   = regexp.MustCompile(`^(?:\./)?([\w./-]+\.go):(\d+):(\d+): (.*)$`)
	unusedImpRE = regexp.MustCompile(`"([^"]+)" imported and not used`)
)

// compilerMessage turns go build's output into lines a student can read: positions in
// their notebook ("cell 9, line 4: undefined: foo"), no paths of the grader's files.
func compilerMessage(out, dir string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if m := cellErrRE.FindStringSubmatch(l); m != nil {
			l = fmt.Sprintf("cell %s, line %s: %s", m[1], m[2], m[4])
		} else if m := fileErrRE.FindStringSubmatch(l); m != nil {
			l = fmt.Sprintf("in the grader's call of the exercise functions (%s): %s", m[1], m[4])
		}
		lines = append(lines, l)
	}
	const max = 8
	if len(lines) > max {
		lines = append(lines[:max], fmt.Sprintf("… and %d more lines", len(lines)-max))
	}
	return strings.Join(lines, "\n")
}

// unusedImports lists the import paths the compiler found unused (the grader's guess that a
// name is a package was wrong: a local variable shadowed it).
func unusedImports(msg string) []string {
	var out []string
	for _, m := range unusedImpRE.FindAllStringSubmatch(msg, -1) {
		out = append(out, m[1])
	}
	return out
}

// registryFile is the generated registry package for the given days.
func registryFile(days []string) string {
	var r strings.Builder
	fmt.Fprintf(&r, "// Code generated by nma grade. DO NOT EDIT.\n\n// Package %s copies the exercise lists before package main is initialised.\npackage %s\n\nimport (\n\t%q\n", genRegistry, genRegistry, checkout.ModulePath+"/nma/grade/harness")
	for i, d := range days {
		fmt.Fprintf(&r, "\tday%d %q\n", i, checkout.ModulePath+"/exercises/"+d)
	}
	r.WriteString(")\n\nvar _ = [...]bool{\n")
	for i := range days {
		fmt.Fprintf(&r, "\tharness.Register(day%d.Exercises),\n", i)
	}
	r.WriteString("}\n")
	return r.String()
}

// stdPackages are the standard-library packages the grader imports for a name the notebook
// uses without importing it (GoNB runs goimports, which does the same).
var stdPackages = []string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "encoding/csv", "encoding/json",
	"errors", "fmt", "image", "image/color", "io", "iter", "maps", "math", "math/bits", "math/cmplx",
	"math/rand", "net", "os", "os/exec", "path", "path/filepath", "reflect", "regexp", "runtime",
	"slices", "sort", "strconv", "strings", "sync", "syscall", "text/template", "time", "unicode",
	"unicode/utf8",
}

// otherPackages: the same for the course's dependencies students use directly.
var otherPackages = []string{
	"gonum.org/v1/gonum/mat", "gonum.org/v1/gonum/floats", "gonum.org/v1/gonum/stat",
	"gonum.org/v1/gonum/optimize", "gonum.org/v1/gonum/integrate",
	"gonum.org/v1/plot", "gonum.org/v1/plot/plotter", "gonum.org/v1/plot/vg",
	"github.com/go-gota/gota/dataframe", "github.com/go-gota/gota/series",
}

// autoImports maps package names to import paths: the standard library's, the course's
// dependencies', and every package of the course's module a student may use (not the
// solutions, not the grader, not commands).
func autoImports(root string) map[string]string {
	m := map[string]string{}
	for _, p := range append(append([]string{}, stdPackages...), otherPackages...) {
		m[defaultPkgName(p)] = p
	}
	// The rest of the standard library, as goimports knows it.
	cmd := exec.Command("go", "list", "std")
	cmd.Env = buildEnv()
	if out, err := cmd.Output(); err == nil {
		for _, p := range strings.Fields(string(out)) {
			if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor/") || strings.HasPrefix(p, "cmd/") {
				continue
			}
			if n := defaultPkgName(p); m[n] == "" {
				m[n] = p
			}
		}
	}
	fset := token.NewFileSet()
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		base := d.Name()
		if rel != "." && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || base == "testdata" ||
			base == "cmd" || base == "node_modules" || rel == "solutions" || rel == "nma/grade" || rel == "build" || rel == "notebooks" || rel == "data") {
			return filepath.SkipDir
		}
		files, _ := filepath.Glob(filepath.Join(p, "*.go"))
		sort.Strings(files)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, parser.PackageClauseOnly)
			if err != nil || af.Name.Name == "main" {
				break
			}
			path := checkout.ModulePath
			if rel != "." {
				path += "/" + rel
			}
			if _, dup := m[af.Name.Name]; !dup {
				m[af.Name.Name] = path
			}
			break
		}
		return nil
	})
	return m
}

// isDirNotEmpty: rename(2) onto an existing directory fails with ENOTEMPTY or EEXIST.
func isDirNotEmpty(err error) bool {
	var le *os.LinkError
	return errors.As(err, &le) && strings.Contains(le.Err.Error(), "not empty")
}

// copyExecutable copies a program into dir (a copy, not a link: nothing a run does can
// reach the cache).
func copyExecutable(src, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o711); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "prog")
	data, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	return dst, os.WriteFile(dst, data, 0o755)
}
