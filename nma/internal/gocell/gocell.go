// Package gocell makes the `go build` GoNB runs for every notebook cell cheaper.
//
// GoNB compiles each cell as a whole program: `go build -o BIN [flags]` in its temporary
// module. Of the ~0.3 s that takes for a cell that draws, the go command spends ~0.13 s
// before any tool runs: loading ~165 packages and checking each against the build cache,
// although between two cells only main.go changed. Fast runs the two steps that remain
// — compile main.go, link — directly with the go command's own tools and the package
// archives the go command built, recorded once in a "universe" (every import path the
// cells used so far, with its archive in the build cache).
//
// The record is trusted only while nothing it depends on changed: its key covers the Go
// toolchain, the environment, the build flags, go.mod (without its module line) and
// go.sum; before each use, every local package in it (the course's own, through the
// replace directive) is checked file by file (size and modification time, and its
// directory's, which changes when a file is added or removed), and every archive must
// still exist. Anything else — another command, a flag it does not know, a second Go
// file, cgo, a build constraint, a compile error — goes to the real go command, so what
// the user sees (error messages included) is the go command's own.
package gocell

import (
	"bytes"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
)

// Build is one `go build -o Out [flags]` the fast path may take.
type Build struct {
	Dir     string   // the package directory (the command's working directory)
	Out     string   // -o
	Tags    string   // -tags= (empty if none)
	LDFlags []string // -ldflags=, split at spaces
	Args    []string // the arguments as given, for the real go command
	Imports []string // main.go's imports, sorted
	Lang    string   // go.mod's go directive as a -lang value, e.g. "go1.26"
	Module  string   // go.mod's module path (GoNB names it after the kernel)
	Local   []string // the directories of go.mod's replace directives that name one, absolute
	Src     []byte   // main.go
}

// envKeys are the variables that change what the go command builds; their values are part
// of the universe's key.
var envKeys = []string{"GOROOT", "GOPATH", "GOMODCACHE", "GOCACHE", "GOFLAGS", "GOOS", "GOARCH",
	"GOAMD64", "GOARM64", "GOEXPERIMENT", "GOTOOLCHAIN", "GOWORK", "GO111MODULE", "CGO_ENABLED",
	"GODEBUG", "GOFIPS140"}

// Parse returns the build args describe when the fast path can take it, or an error that
// says why not (the caller then runs the real go command). env is the environment.
func Parse(dir string, args []string, env []string) (*Build, error) {
	if len(args) < 3 || args[0] != "build" || args[1] != "-o" {
		return nil, errors.New("not `go build -o OUT ...`")
	}
	b := &Build{Dir: dir, Out: args[2], Args: args}
	for _, a := range args[3:] {
		switch {
		case strings.HasPrefix(a, "-tags="):
			b.Tags = strings.TrimPrefix(a, "-tags=")
		case strings.HasPrefix(a, "-ldflags="):
			v := strings.TrimPrefix(a, "-ldflags=")
			if strings.ContainsAny(v, `"'\`) {
				return nil, fmt.Errorf("-ldflags=%s has quoting", v)
			}
			b.LDFlags = append(b.LDFlags, strings.Fields(v)...)
		default:
			return nil, fmt.Errorf("argument %q", a)
		}
	}
	for _, k := range []string{"GOOS", "GOARCH", "GOWORK"} {
		if v := getenv(env, k); v != "" && !(k == "GOWORK" && v == "off") {
			return nil, fmt.Errorf("%s=%s is set", k, v)
		}
	}
	if v := getenv(env, "GOFLAGS"); !harmlessGOFLAGS(v) {
		return nil, fmt.Errorf("GOFLAGS=%s is set", v)
	}
	if getenv(env, "CGO_ENABLED") != "0" {
		return nil, errors.New("cgo is enabled (CGO_ENABLED is not 0)")
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		n := e.Name()
		switch {
		case n == "main.go", strings.HasPrefix(n, "."), strings.HasPrefix(n, "_"), strings.HasSuffix(n, "_test.go"):
		case n == "go.work", n == "default.pgo":
			return nil, fmt.Errorf("the directory has a %s", n)
		case strings.HasSuffix(n, ".go") || nonGoSource(n):
			return nil, fmt.Errorf("the package has another source file, %s", n)
		}
	}
	if b.Src, err = os.ReadFile(filepath.Join(dir, "main.go")); err != nil {
		return nil, err
	}
	for _, d := range []string{"//go:build", "// +build", "//go:embed", "//go:debug"} {
		if bytes.Contains(b.Src, []byte(d)) {
			return nil, fmt.Errorf("main.go has a %s directive", d)
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", b.Src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	if f.Name.Name != "main" {
		return nil, fmt.Errorf("package %s is not main", f.Name.Name)
	}
	for _, s := range f.Imports {
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			return nil, err
		}
		if p == "C" {
			return nil, errors.New("main.go uses cgo")
		}
		if !slices.Contains(b.Imports, p) {
			b.Imports = append(b.Imports, p)
		}
	}
	sort.Strings(b.Imports)
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return nil, err
	}
	mf, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return nil, err
	}
	if mf.Go == nil || mf.Toolchain != nil {
		return nil, errors.New("go.mod has no go directive, or a toolchain directive")
	}
	b.Lang = "go" + mf.Go.Version
	if mf.Module != nil {
		b.Module = mf.Module.Mod.Path
	}
	for _, r := range mf.Replace {
		if modfile.IsDirectoryPath(r.New.Path) { // "../dep" and "/work/main" alike
			d := r.New.Path
			if !filepath.IsAbs(d) {
				d = filepath.Join(dir, d)
			}
			b.Local = append(b.Local, d)
		}
	}
	if n := strings.Count(b.Lang, "."); n > 1 { // "go1.26.1" → "go1.26"
		b.Lang = b.Lang[:strings.LastIndex(b.Lang, ".")]
	}
	return b, nil
}

// harmlessGOFLAGS reports GOFLAGS that change nothing the fast path does differently: no
// version-control stamp (builds that have one are never recorded), how modules are
// resolved and the build tags (the archives are listed with the same GOFLAGS), parallelism.
func harmlessGOFLAGS(v string) bool {
	for _, f := range strings.Fields(v) {
		f = "-" + strings.TrimLeft(f, "-")
		name, _, _ := strings.Cut(f, "=")
		switch name {
		case "-buildvcs", "-mod", "-modcacherw", "-p", "-tags":
		default:
			return false
		}
	}
	return true
}

// nonGoSource reports a file the go command would compile or assemble with a Go package.
func nonGoSource(name string) bool {
	switch filepath.Ext(name) {
	case ".s", ".S", ".sx", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".m",
		".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx":
		return true
	}
	return false
}

func getenv(env []string, k string) string {
	v := ""
	for _, e := range env {
		if strings.HasPrefix(e, k+"=") {
			v = e[len(k)+1:] // the last one wins, as in os/exec
		}
	}
	return v
}

// Universe is what the go command built, recorded for later cells.
type Universe struct {
	GoVersion string            // go env GOVERSION
	GOROOT    string            // go env GOROOT
	ToolDir   string            // go env GOTOOLDIR
	Roots     []string          // the import paths it was listed for
	Archives  map[string]string // import path → package archive in the build cache
	Local     []Stamp           // files and directories of packages outside GOROOT and the module cache
	ModInfo   string            // the build information of the last real build (debug.ReadBuildInfo)
	GODEBUG   string            // its DefaultGODEBUG (from go.mod's go version), for the linker
	ToolEnv   []string          // the target as go env gives it (GOOS=…, GOARCH=…, GOAMD64=…), for the tools
}

// Stamp is a file's or directory's size and modification time when the universe was made.
type Stamp struct {
	Path  string
	Size  int64
	MTime int64 // nanoseconds
}

func stamp(p string) (Stamp, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return Stamp{}, err
	}
	s := Stamp{Path: p, MTime: fi.ModTime().UnixNano()}
	if !fi.IsDir() {
		s.Size = fi.Size()
	}
	return s, nil
}

// Key is the name of the universe b can use: a hash of everything that changes what the go
// command would build for it, except main.go and the local packages' files (checked on use).
func Key(b *Build, realGo string, env []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "gocell 1\n%s\n", realGo)
	if s, err := stamp(realGo); err == nil {
		fmt.Fprintf(h, "%d %d\n", s.Size, s.MTime)
	}
	for _, k := range envKeys {
		fmt.Fprintf(h, "%s=%q\n", k, getenv(env, k))
	}
	fmt.Fprintf(h, "tags=%q\n", b.Tags)
	for _, d := range b.Local { // the same relative replace elsewhere is another module
		fmt.Fprintf(h, "replace dir %q\n", d)
	}
	if p := goEnvFile(env); p != "" { // settings of go env -w apply as if in the environment
		data, _ := os.ReadFile(p)
		fmt.Fprintf(h, "go env file %d\n", len(data))
		h.Write(data)
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(b.Dir, name))
		if err != nil && !(name == "go.sum" && errors.Is(err, os.ErrNotExist)) {
			return "", err
		}
		if name == "go.mod" { // GoNB names each kernel's module differently
			var keep [][]byte
			for _, l := range bytes.Split(data, []byte("\n")) {
				if !bytes.HasPrefix(bytes.TrimSpace(l), []byte("module ")) {
					keep = append(keep, l)
				}
			}
			data = bytes.Join(keep, []byte("\n"))
		}
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

// goEnvFile is the file `go env -w` writes: $GOENV, else <config dir>/go/env ("" for off).
func goEnvFile(env []string) string {
	if p := getenv(env, "GOENV"); p != "" {
		if p == "off" {
			return ""
		}
		return p
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "go", "env")
}

// Load reads the universe named key from dir; nil when there is none or it is unreadable.
func Load(dir, key string) *Universe {
	data, err := os.ReadFile(filepath.Join(dir, key+".json"))
	if err != nil {
		return nil
	}
	var u Universe
	if json.Unmarshal(data, &u) != nil {
		return nil
	}
	return &u
}

// Covers returns "" when u can build b as the go command would now, or why not.
func (u *Universe) Covers(b *Build) string {
	for _, p := range b.Imports {
		if _, ok := u.Archives[p]; !ok {
			return "import " + p + " is not recorded"
		}
	}
	for _, s := range u.Local {
		now, err := stamp(s.Path)
		if err != nil || now != s {
			return s.Path + " changed"
		}
	}
	for p, a := range u.Archives {
		if _, err := os.Stat(a); err != nil {
			return "the archive of " + p + " is gone"
		}
	}
	return ""
}

// Fast compiles and links b with u's archives. It returns an error (and leaves b.Out as it
// was) on any failure, compile errors included: the caller then runs the real go command.
func (u *Universe) Fast(b *Build, env []string) error {
	work, err := os.MkdirTemp("", "gocell-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	var cfg, link strings.Builder
	cfg.WriteString("# import config\n")
	for _, p := range b.Imports {
		fmt.Fprintf(&cfg, "packagefile %s=%s\n", p, u.Archives[p])
	}
	link.WriteString("# import config\n")
	paths := make([]string, 0, len(u.Archives))
	for p := range u.Archives {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(&link, "packagefile %s=%s\n", p, u.Archives[p])
	}
	if u.ModInfo != "" {
		fmt.Fprintf(&link, "modinfo %q\n", modInfoData(withModule(u.ModInfo, b.Module)))
	}
	cfgPath, linkPath := filepath.Join(work, "importcfg"), filepath.Join(work, "importcfg.link")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(linkPath, []byte(link.String()), 0o644); err != nil {
		return err
	}
	id := sha256.Sum256(append([]byte(u.GoVersion+"\n"), b.Src...))
	buildID := hex.EncodeToString(id[:10])
	obj := filepath.Join(work, "_pkg_.a")
	env = append(append(slices.Clone(env), u.ToolEnv...), "GOROOT="+u.GOROOT)
	compile := exec.Command(filepath.Join(u.ToolDir, "compile"), "-o", obj, "-trimpath", work+"=>",
		"-p", "main", "-lang="+b.Lang, "-complete", "-buildid", buildID+"/"+buildID,
		"-goversion", u.GoVersion, "-c="+strconv.Itoa(min(4, runtime.NumCPU())), "-nolocalimports",
		"-importcfg", cfgPath, "-pack", "./main.go")
	compile.Dir, compile.Env = b.Dir, env
	if out, err := compile.CombinedOutput(); err != nil {
		return fmt.Errorf("compile: %v: %s", err, out)
	}
	out := b.Out
	if !filepath.IsAbs(out) {
		out = filepath.Join(b.Dir, out)
	}
	tmp := out + ".gocell-tmp"
	args := []string{"-o", tmp, "-importcfg", linkPath, "-buildmode=exe", "-buildid=" + buildID + "/" + buildID}
	if u.GODEBUG != "" { // as the go command passes it: before the user's -ldflags
		args = append(args, "-X=runtime.godebugDefault="+u.GODEBUG)
	}
	args = append(append(args, b.LDFlags...), obj)
	lk := exec.Command(filepath.Join(u.ToolDir, "link"), args...)
	lk.Dir, lk.Env = b.Dir, env
	if o, err := lk.CombinedOutput(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("link: %v: %s", err, o)
	}
	return os.Rename(tmp, out)
}

// withModule returns build information recorded for another kernel's module with this
// module's path on its "path" and "mod" lines (records are shared by every kernel).
func withModule(info, module string) string {
	if module == "" {
		return info
	}
	lines := strings.Split(info, "\n")
	for i, l := range lines {
		f := strings.Split(l, "\t")
		switch {
		case len(f) == 2 && f[0] == "path":
			lines[i] = "path\t" + module
		case len(f) >= 2 && f[0] == "mod":
			f[1] = module
			lines[i] = strings.Join(f, "\t")
		}
	}
	return strings.Join(lines, "\n")
}

// modInfoData wraps build information as cmd/go does for the linker (runtime.modinfo).
func modInfoData(info string) string {
	const start, end = "\x30\x77\xaf\x0c\x92\x74\x08\x02\x41\xe1\xc1\x07\xe6\xd6\x18\xe6",
		"\xf9\x32\x43\x31\x86\x18\x20\x72\x00\x82\x42\x10\x41\x16\xd8\xf2"
	return start + info + end
}

// Record lists with the real go command every package b needs (and those of prev, if not
// nil, so that the universe only grows) and writes the universe named key into dir. The
// real go command must just have built b (its binary gives the build information).
func Record(b *Build, prev *Universe, realGo string, env []string, dir, key string) (*Universe, error) {
	run := func(args ...string) ([]byte, error) {
		c := exec.Command(realGo, args...)
		c.Dir, c.Env = b.Dir, env
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			return nil, fmt.Errorf("go %s: %v: %s", strings.Join(args, " "), err, stderr.Bytes())
		}
		return out, nil
	}
	out, err := run("env", "-json", "GOVERSION", "GOROOT", "GOTOOLDIR", "GOMODCACHE", "GOWORK",
		"GOFLAGS", "CGO_ENABLED", "GOOS", "GOARCH", "GOAMD64", "GOARM64", "GOEXPERIMENT")
	if err != nil {
		return nil, err
	}
	var ge map[string]string
	if err := json.Unmarshal(out, &ge); err != nil {
		return nil, err
	}
	// The effective settings, go env -w included: what the fast path does not reproduce
	// stays with the go command; the target goes to the tools as the go command passes it.
	switch {
	case ge["GOWORK"] != "":
		return nil, errors.New("a go.work is in use")
	case !harmlessGOFLAGS(ge["GOFLAGS"]):
		return nil, fmt.Errorf("GOFLAGS=%s is set", ge["GOFLAGS"])
	case ge["CGO_ENABLED"] != "0":
		return nil, errors.New("cgo is enabled")
	}
	u := &Universe{GoVersion: ge["GOVERSION"], GOROOT: ge["GOROOT"], ToolDir: ge["GOTOOLDIR"], Archives: map[string]string{}}
	for _, k := range []string{"GOOS", "GOARCH", "GOAMD64", "GOARM64", "GOEXPERIMENT"} {
		if ge[k] != "" {
			u.ToolEnv = append(u.ToolEnv, k+"="+ge[k])
		}
	}
	roots := append([]string{"runtime"}, b.Imports...)
	if prev != nil {
		roots = append(roots, prev.Roots...)
	}
	sort.Strings(roots)
	u.Roots = slices.Compact(roots)
	args := []string{"list", "-deps", "-export", "-json=ImportPath,Export,Standard,Dir,Module,GoFiles,CgoFiles,SFiles,HFiles,EmbedFiles,IgnoredGoFiles,OtherFiles,SysoFiles"}
	if b.Tags != "" {
		args = append(args, "-tags="+b.Tags)
	}
	out, err = run(append(args, u.Roots...)...)
	if err != nil && prev != nil {
		// An earlier cell's package no longer builds (an edit of the course's code that
		// this cell does not use): start again from this cell's imports.
		roots := append([]string{"runtime"}, b.Imports...)
		sort.Strings(roots)
		u.Roots = slices.Compact(roots)
		out, err = run(append(args, u.Roots...)...)
	}
	if err != nil {
		return nil, err
	}
	modCache := ge["GOMODCACHE"] + string(filepath.Separator)
	seenMod := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath, Export, Dir string
			Standard                bool
			Module                  *struct{ Dir, GoMod string }
			GoFiles, CgoFiles, SFiles, HFiles, EmbedFiles, IgnoredGoFiles,
			OtherFiles, SysoFiles []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if p.ImportPath == "unsafe" { // built into the compiler: no archive
			continue
		}
		if p.Export == "" || len(p.CgoFiles) > 0 || len(p.SysoFiles) > 0 {
			return nil, fmt.Errorf("package %s has no archive or uses cgo", p.ImportPath)
		}
		u.Archives[p.ImportPath] = p.Export
		if p.Standard || strings.HasPrefix(p.Dir, modCache) {
			continue // GOROOT's and the module cache's packages do not change
		}
		files := []string{p.Dir}
		for _, l := range [][]string{p.GoFiles, p.SFiles, p.HFiles, p.EmbedFiles, p.IgnoredGoFiles, p.OtherFiles} {
			for _, f := range l {
				files = append(files, filepath.Join(p.Dir, f))
			}
		}
		if p.Module != nil && p.Module.GoMod != "" && !seenMod[p.Module.GoMod] {
			seenMod[p.Module.GoMod] = true
			files = append(files, p.Module.GoMod)
		}
		for _, f := range files {
			s, err := stamp(f)
			if err != nil {
				return nil, err
			}
			u.Local = append(u.Local, s)
		}
	}
	out2 := b.Out
	if !filepath.IsAbs(out2) {
		out2 = filepath.Join(b.Dir, out2)
	}
	bi, err := buildinfo.ReadFile(out2)
	if err != nil {
		return nil, fmt.Errorf("reading the build information of %s: %w", out2, err)
	}
	u.ModInfo = bi.String()
	for _, st := range bi.Settings {
		switch st.Key {
		case "DefaultGODEBUG":
			u.GODEBUG = st.Value
		case "vcs": // stamped per commit: leave such builds to the go command
			return nil, errors.New("the build stamps version control information")
		}
	}
	data, err := json.Marshal(u)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, key+".*.tmp")
	if err != nil {
		return nil, err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return nil, errors.Join(werr, cerr)
	}
	return u, os.Rename(tmp.Name(), filepath.Join(dir, key+".json"))
}
