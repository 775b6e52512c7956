package notebook

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// KernelName is the private kernel spec `nma run` uses; it never touches the user's "gonb" spec.
const KernelName = "nma-gonb"

// Toolchain is what executing notebooks needs: the pinned GoNB and goimports (built from the
// tool directives of go.mod), a private kernel spec, and a Python with nbclient.
type Toolchain struct {
	Root       string // repository root
	BinDir     string // <root>/.nma/bin: gonb, goimports (and gopls for the lab)
	JupyterDir string // <root>/.nma/jupyter: private JUPYTER_PATH entry with the kernel spec
	Python     string // a python3 that can import nbclient and nbformat
}

// Tools lists the go.mod tool packages and the binary each builds.
var Tools = map[string]string{
	"gonb":      "github.com/janpfeifer/gonb",
	"goimports": "golang.org/x/tools/cmd/goimports",
	"gopls":     "golang.org/x/tools/gopls",
}

// BuildTools builds the named tools (keys of Tools) into <root>/.nma/bin with the versions
// pinned in go.mod. An up-to-date binary is not linked again: a re-run takes ~0.13 s.
func BuildTools(root string, names []string, log io.Writer) (string, error) {
	bin := filepath.Join(root, ".nma", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return "", err
	}
	args := []string{"build", "-o", bin + string(os.PathSeparator)}
	for _, n := range names {
		pkg, ok := Tools[n]
		if !ok {
			return "", fmt.Errorf("unknown tool %q", n)
		}
		args = append(args, pkg)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("building %s with go build failed: %w", strings.Join(names, ", "), err)
	}
	if slices.Contains(names, "gonb") {
		// The kernel's go command: see nma/cmd/gocell.
		name := "go"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(GocellDir(bin), name), "./nma/cmd/gocell")
		cmd.Dir = root
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("building the kernel's go command (nma/cmd/gocell) failed: %w", err)
		}
	}
	return bin, nil
}

// GocellDir is where BuildTools puts the kernel's go command, nma/cmd/gocell, built as
// "go": <root>/.nma/gocell next to bin (<root>/.nma/bin). The kernel specs put it first on
// PATH, so that GoNB's per-cell `go build` takes gocell's fast path; it runs the real go
// command ($NMA_REAL_GO) for everything else.
func GocellDir(bin string) string { return filepath.Join(filepath.Dir(bin), "gocell") }

// KernelSpec is the content of a kernel.json for GoNB.
func KernelSpec(bin, display string, rawErrors bool, env map[string]string) ([]byte, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, errors.New("the go command is not on PATH")
	}
	if abs, err := filepath.Abs(goBin); err == nil {
		goBin = abs
	}
	sep := string(os.PathListSeparator)
	path := GocellDir(bin) + sep + bin + sep + filepath.Dir(goBin) + sep + os.Getenv("PATH")
	e := map[string]string{"PATH": path, "NMA_REAL_GO": goBin}
	for k, v := range env {
		e[k] = v
	}
	argv := []string{filepath.Join(bin, "gonb"), "--kernel", "{connection_file}", "--logtostderr"}
	if rawErrors {
		argv = append(argv, "--raw_error")
	}
	spec := map[string]any{
		"argv": argv, "display_name": display, "language": "go", "interrupt_mode": "message", "env": e,
	}
	return json.MarshalIndent(spec, "", "  ")
}

// WriteKernelSpec writes kernel.json (and GoNB's logo) into dir/kernels/name.
func WriteKernelSpec(dir, name string, spec []byte) error {
	kd := filepath.Join(dir, "kernels", name)
	if err := os.MkdirAll(kd, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(kd, "kernel.json"), spec, 0o644)
}

// PrepareRunner builds GoNB and goimports and writes the private headless kernel spec.
// The Python is the one of the checkout's virtual environment .nma/venv, where `nma setup`
// installs the pinned nbclient and nbconvert, unless $NMA_PYTHON names another.
func PrepareRunner(root string, log io.Writer) (*Toolchain, error) {
	py, err := findPython(VenvPython(root))
	if err != nil {
		return nil, err
	}
	bin, err := BuildTools(root, []string{"gonb", "goimports"}, log)
	if err != nil {
		return nil, err
	}
	jd := filepath.Join(root, ".nma", "jupyter")
	spec, err := KernelSpec(bin, "Go (nma-go, headless)", true, map[string]string{"NMA_HEADLESS": "1"})
	if err != nil {
		return nil, err
	}
	if err := WriteKernelSpec(jd, KernelName, spec); err != nil {
		return nil, err
	}
	return &Toolchain{Root: root, BinDir: bin, JupyterDir: jd, Python: py}, nil
}

// ErrNoJupyter explains how to install what is missing.
var ErrNoJupyter = errors.New("nbclient is not installed (Jupyter's notebook runner: no python3 can import nbclient and nbformat); " +
	"fix: `make setup` (Debian: apt-get install jupyter-nbconvert python3-nbclient; elsewhere: pip install nbconvert)")

// FindPython returns a python3 that can import nbclient and nbformat: $NMA_PYTHON, then
// python3 on PATH, then /usr/bin/python3 (Debian's packages install there).
func FindPython() (string, error) { return findPython("") }

// VenvPython is the Python of the checkout's virtual environment, <root>/.nma/venv.
func VenvPython(root string) string {
	if runtime.GOOS == "windows" {
		return filepath.Join(root, ".nma", "venv", "Scripts", "python.exe")
	}
	return filepath.Join(root, ".nma", "venv", "bin", "python")
}

// findPython is FindPython with venv (when not "") tried right after $NMA_PYTHON.
func findPython(venv string) (string, error) {
	cands := pythonCandidates()
	if venv != "" {
		i := 0
		if p := os.Getenv("NMA_PYTHON"); p != "" && len(cands) > 0 && cands[0] == p {
			i = 1
		}
		cands = append(cands[:i:i], append([]string{venv}, cands[i:]...)...)
	}
	for _, c := range cands {
		// find_spec locates the packages without importing them: importing nbformat takes
		// 0.3–1.7 s (jsonschema's format checkers), before every `nma run`.
		if exec.Command(c, "-c", findSpecs).Run() == nil {
			return c, nil
		}
	}
	return "", ErrNoJupyter
}

// findSpecs exits 0 when Python can find nbclient and nbformat.
const findSpecs = "import importlib.util as u, sys; sys.exit(0 if u.find_spec('nbclient') and u.find_spec('nbformat') else 1)"

// pythonCandidates lists the interpreters FindPython tries (a variable for tests).
var pythonCandidates = func() []string {
	var cands []string
	if p := os.Getenv("NMA_PYTHON"); p != "" {
		cands = append(cands, p)
	}
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	return append(cands, "/usr/bin/python3")
}
