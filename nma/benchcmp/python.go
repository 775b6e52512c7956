package benchcmp

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma/install"
)

// The Python side is the yardstick, not a dependency of the course: nothing here runs unless
// the harness is started, and nothing is installed unless it is asked to (--install, which
// `make bench-compare` passes).
//
// PyPI's torch wheel for Linux is the CUDA build (gigabytes of NVIDIA libraries), so the
// Python side comes from Debian: NumPy 1.24 and PyTorch 1.13 (CPU) for Debian's python3
// (bookworm), SciPy for the fixed points' opt.root, and OpenBLAS (the pthread build) as the
// BLAS both load — as a pip-installed NumPy would bring its own OpenBLAS. The project sees
// them through its own virtual environment .nma/bench-venv, made with --system-site-packages.

//go:embed python/bench.py
var benchPy []byte

// BenchPy is the Python side's script (python/bench.py).
func BenchPy() []byte { return benchPy }

// AptPackages are what Install installs with apt-get when Debian's python3 lacks them.
var AptPackages = []string{"python3-numpy", "python3-torch", "python3-scipy", "libopenblas0-pthread", "python3-venv"}

// pyModules are the modules the Python side imports.
const pyModules = "numpy, torch, scipy"

// Venv is the harness's Python environment under the checkout root.
func Venv(root string) string { return filepath.Join(root, ".nma", "bench-venv") }

// VenvPython is the environment's interpreter.
func VenvPython(root string) string { return filepath.Join(Venv(root), "bin", "python3") }

// systemPython is the interpreter Debian's python3-* packages belong to.
func systemPython() string {
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	if p, err := exec.LookPath("python3"); err == nil {
		return p
	}
	return "python3"
}

// Ready reports why python cannot run the Python side (nil: it can).
func Ready(python string) error {
	out, err := exec.Command(python, "-c", "import "+pyModules).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if i := strings.LastIndex(msg, "\n"); i >= 0 {
			msg = msg[i+1:]
		}
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("%s cannot import %s: %s", python, pyModules, msg)
	}
	return nil
}

// Install makes the Python side ready: Debian's packages (AptPackages, with apt-get) when
// the system's python3 cannot import them, then the environment .nma/bench-venv on top of
// it. Each step says what it does on log; when everything is there it does nothing.
func Install(root string, log io.Writer) error {
	venvPy := VenvPython(root)
	if Ready(venvPy) == nil {
		fmt.Fprintf(log, "the Python side is installed (%s imports %s)\n", venvPy, pyModules)
		return nil
	}
	sys := systemPython()
	if err := Ready(sys); err != nil {
		in := install.Installer{Log: log, Out: log}
		if err := in.AptGet(AptPackages...); err != nil {
			return err
		}
		sys = systemPython()
		if err := Ready(sys); err != nil {
			return fmt.Errorf("after apt-get install %s: %w", strings.Join(AptPackages, " "), err)
		}
	}
	venv := Venv(root)
	fmt.Fprintf(log, "creating the Python environment %s (%s -m venv --system-site-packages)\n", venv, sys)
	if err := os.RemoveAll(venv); err != nil {
		return err
	}
	if out, err := exec.Command(sys, "-m", "venv", "--system-site-packages", "--without-pip", venv).CombinedOutput(); err != nil {
		return fmt.Errorf("%s -m venv --system-site-packages %s: %v: %s", sys, venv, err, strings.TrimSpace(string(out)))
	}
	return Ready(venvPy)
}

// threadVars are the variables that set the thread count of Go, OpenMP (torch's intra-op
// pool), OpenBLAS and MKL. OpenBLAS ignores torch.set_num_threads unless its own is set.
var threadVars = []string{"GOMAXPROCS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}

// ThreadEnv is env with every thread count pinned to n.
func ThreadEnv(env []string, n int) []string {
	out := make([]string, 0, len(env)+len(threadVars))
	for _, kv := range env {
		keep := true
		for _, v := range threadVars {
			if strings.HasPrefix(kv, v+"=") {
				keep = false
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	for _, v := range threadVars {
		out = append(out, v+"="+strconv.Itoa(n))
	}
	return out
}

// ProcRunner runs every worker as its own process: the Go side is GoWorker (this program
// with its worker flag), the Python side Python running Script.
type ProcRunner struct {
	GoWorker []string // command and leading arguments; --worker NAME … follow
	Python   string
	Script   string
	Data     string // DataDir
	Quick    bool
	Timeout  time.Duration // per worker run (0: none)
}

// Run runs one side of w at the thread count.
func (r ProcRunner) Run(ctx context.Context, side Side, w *Workload, threads int) (Result, error) {
	pj, err := json.Marshal(w.Params(r.Quick))
	if err != nil {
		return Result{}, err
	}
	args := []string{w.Name, "--params", string(pj), "--data", r.Data, "--threads", strconv.Itoa(threads)}
	var name string
	switch side {
	case GoSide:
		name = r.GoWorker[0]
		args = append(append(append([]string{}, r.GoWorker[1:]...), "--worker"), args...)
	case PySide:
		name = r.Python
		args = append([]string{r.Script}, args...)
	default:
		return Result{}, fmt.Errorf("side=%q is neither %q nor %q", side, GoSide, PySide)
	}
	if r.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = ThreadEnv(os.Environ(), threads)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return Result{}, fmt.Errorf("timed out after %v", r.Timeout)
	}
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if runErr != nil {
		return Result{}, fmt.Errorf("%v: %s", runErr, tail(stderr.String()+stdout.String(), 3))
	}
	res, err := ParseResult(stdout.Bytes())
	if err != nil {
		return Result{}, fmt.Errorf("%v; stderr: %s", err, tail(stderr.String(), 3))
	}
	if res.Workload != w.Name || res.Side != side || res.Threads != threads {
		return Result{}, fmt.Errorf("the worker reported %s/%s/%d threads, want %s/%s/%d", res.Workload, res.Side, res.Threads, w.Name, side, threads)
	}
	return res, nil
}

// tail is the last n non-empty lines of s, joined by " / ".
func tail(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	if len(lines) == 0 {
		return "(no output)"
	}
	return strings.Join(lines, " / ")
}

// PyInfo is what the Python side reports about itself (bench.py --info).
type PyInfo struct {
	Python       string            `json:"python"`
	Executable   string            `json:"executable"`
	NumPy        string            `json:"numpy"`
	Torch        string            `json:"torch"`
	TorchThreads int               `json:"torch_threads"`
	SciPy        string            `json:"scipy"`
	Libraries    []string          `json:"libraries"`
	Env          map[string]string `json:"env"`
}

// Info asks the Python side for its versions and BLAS libraries at the thread count.
func (r ProcRunner) Info(threads int) (PyInfo, error) {
	cmd := exec.Command(r.Python, r.Script, "--info")
	cmd.Env = ThreadEnv(os.Environ(), threads)
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return PyInfo{}, fmt.Errorf("%s --info: %v: %s", r.Script, err, tail(string(ee.Stderr), 3))
		}
		return PyInfo{}, err
	}
	var info PyInfo
	if err := json.Unmarshal(bytes.TrimSpace(out), &info); err != nil {
		return PyInfo{}, fmt.Errorf("%s --info printed %q: %w", r.Script, tail(string(out), 1), err)
	}
	return info, nil
}

// BLAS names the BLAS library files the Python side loaded, e.g. "libopenblasp-r0.3.21.so".
func (i PyInfo) BLAS() string {
	var names []string
	for _, l := range i.Libraries {
		b := filepath.Base(l)
		if !strings.Contains(b, "blas") && !strings.Contains(b, "mkl") {
			continue
		}
		if d := filepath.Base(filepath.Dir(l)); strings.Contains(d, "blas") { // Debian's openblas-pthread/, openblas-openmp/
			b = d + "/" + b
		}
		names = append(names, b)
	}
	if len(names) == 0 {
		return "none found"
	}
	return strings.Join(names, ", ")
}
