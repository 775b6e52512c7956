// Package install puts in place what the course tools need beyond Go, for `nma setup`,
// `nma lab` and `nma e2e --install`: the checkout's own Python environment .nma/venv
// (JupyterLab 4, the Notebook, nbclient, nbconvert and nbgrader, pinned, installed with pip
// — the user's Python is never touched), Debian's Jupyter packages with apt-get where that
// environment cannot be made (no PyPI), and the grader's sandbox tools (bubblewrap, prlimit).
//
// Every step says what it does on Installer.Log and does nothing when its target is
// already there, so running it again takes seconds. What cannot be installed on this
// system (no pip that reaches PyPI and no apt-get; the sandbox outside Linux) is an error,
// or a note, that says what to install by hand.
package install

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/nma-go/nma-go/nma/notebook"
)

// Installer runs the installation steps.
type Installer struct {
	Log io.Writer // one line per step (nil: none)
	Out io.Writer // what the commands it runs print (apt-get, pip); nil: os.Stderr
}

func (in Installer) step(format string, args ...any) {
	if in.Log != nil {
		fmt.Fprintf(in.Log, format+"\n", args...)
	}
}

func (in Installer) out() io.Writer {
	if in.Out != nil {
		return in.Out
	}
	return os.Stderr
}

// run runs a command with its output on in.Out.
func (in Installer) run(dir, name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Dir = dir
	c.Stdout, c.Stderr = in.out(), in.out()
	return c.Run()
}

// runQuiet runs a command and shows its output only when it fails.
func (in Installer) runQuiet(dir, name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Dir = dir
	out, err := c.CombinedOutput()
	if err != nil {
		in.out().Write(out)
	}
	return err
}

// Have reports whether a command runs successfully (e.g. Have("jupyter", "lab", "--version")).
func Have(cmd string, args ...string) bool {
	return exec.Command(cmd, args...).Run() == nil
}

// AptGet installs Debian packages with apt-get (through sudo when not root). The error
// names the packages; without apt-get it says to install them by hand.
func (in Installer) AptGet(pkgs ...string) error {
	if len(pkgs) == 0 {
		return nil
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("%s must be installed, and there is no apt-get here (%s/%s): install them with your package manager",
			strings.Join(pkgs, ", "), runtime.GOOS, runtime.GOARCH)
	}
	var sudo []string
	if os.Geteuid() != 0 {
		sudo = []string{"sudo"}
	}
	in.step("installing %s with apt-get …", strings.Join(pkgs, " "))
	update := append(append([]string{}, sudo...), "apt-get", "update", "-qq")
	install := append(append([]string{}, sudo...), append([]string{"apt-get", "install", "-y", "-qq", "--no-install-recommends"}, pkgs...)...)
	if err := in.run("", update[0], update[1:]...); err != nil {
		return fmt.Errorf("apt-get update failed: %w", err)
	}
	c := exec.Command(install[0], install[1:]...)
	c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	c.Stdout, c.Stderr = in.out(), in.out()
	if err := c.Run(); err != nil {
		return fmt.Errorf("apt-get install %s failed: %w", strings.Join(pkgs, " "), err)
	}
	return nil
}

// DebianJupyter installs Debian's Jupyter packages with apt-get when they are absent:
// nbconvert and nbclient (what `nma run` needs) and, unless runnerOnly, the classic
// Notebook. It is the fallback where the checkout's Python environment (PythonEnv) cannot
// be made, e.g. without PyPI.
func (in Installer) DebianJupyter(runnerOnly bool) error {
	_, nbErr := notebook.FindPython()
	classicOK := Have("jupyter", "notebook", "--version")
	if nbErr == nil && (runnerOnly || classicOK) {
		in.step("Debian's Jupyter is installed (classic Notebook: %v, nbclient: yes)", classicOK)
		return nil
	}
	pkgs := []string{"jupyter-nbconvert", "python3-nbclient"}
	if !runnerOnly {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return errors.New("cannot install Jupyter: no pip that reaches PyPI and no apt-get; make PyPI reachable and run again (the course's Python environment, .nma/venv, is installed with pip)")
	}
	if err := in.AptGet(pkgs...); err != nil {
		return err
	}
	_, nbErr = notebook.FindPython()
	return nbErr
}

// JupyterDataDir is where Jupyter looks for the user's kernel specs: $JUPYTER_DATA_DIR,
// else `jupyter --data-dir`, else ~/.local/share/jupyter.
func JupyterDataDir() string {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d
	}
	if out, err := exec.Command("jupyter", "--data-dir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); d != "" {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".local", "share", "jupyter")
}

// SandboxTools installs what `nma grade` needs to run untrusted student code in a sandbox:
// bubblewrap (bwrap) for the namespaces and the filesystem view, and prlimit (util-linux)
// for the compiler's memory limit. The sandbox exists only on Linux: elsewhere it installs
// nothing and says so.
func (in Installer) SandboxTools() error {
	if runtime.GOOS != "linux" {
		in.step("the grader's sandbox (bubblewrap) needs Linux: nothing to install on %s/%s (nma grade grades only on Linux)", runtime.GOOS, runtime.GOARCH)
		return nil
	}
	var pkgs []string
	if !Have("bwrap", "--version") {
		pkgs = append(pkgs, "bubblewrap")
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		pkgs = append(pkgs, "util-linux")
	}
	if len(pkgs) == 0 {
		return nil
	}
	in.step("installing the grader's sandbox tools (bubblewrap: bwrap; util-linux: prlimit)")
	if err := in.AptGet(pkgs...); err != nil {
		return fmt.Errorf("nma grade needs bubblewrap to sandbox student code (%w); install it with your package manager (Debian/Ubuntu: sudo apt-get install bubblewrap)", err)
	}
	if !Have("bwrap", "--version") {
		return errors.New("bubblewrap was installed, but `bwrap --version` still fails: is /usr/bin on PATH?")
	}
	return nil
}

// NbgraderRequirements is the pinned requirements file of the checkout's Python
// environment (every package at an exact version, wheels only), relative to the checkout's
// root. It pins nbgrader and everything it depends on, which is the whole of what the
// course needs from Python: JupyterLab 4 and the Notebook (the front ends of `nma lab` and
// `nma e2e`), nbclient and nbconvert (`nma run`), nbgrader (grading round trip).
const NbgraderRequirements = "nma/grade/testdata/nbgrader/requirements.txt"

// PythonRequirements is NbgraderRequirements, named for what it is to the course.
const PythonRequirements = NbgraderRequirements

// NbgraderStamp, a file in the virtual environment, holds the SHA-256 of the requirements
// file that was installed into it.
const NbgraderStamp = "nma-requirements.sha256"

// VenvDataDir is the environment's own Jupyter data folder, <venv>/share/jupyter: its
// Jupyter finds kernel specs there (kernels/NAME) before the user's.
func VenvDataDir(root string) string { return filepath.Join(Venv(root), "share", "jupyter") }

// VenvLab returns the jupyter command of the checkout's virtual environment and the
// version of JupyterLab it runs; "" and an error when it runs none.
func VenvLab(root string) (jupyter, version string, err error) {
	jupyter = VenvBin(Venv(root), "jupyter")
	out, err := exec.Command(jupyter, "lab", "--version").Output()
	if err != nil {
		return "", "", fmt.Errorf("JupyterLab is not installed in %s (`%s lab --version`: %v); nma setup installs it", Venv(root), jupyter, err)
	}
	return jupyter, strings.TrimSpace(string(out)), nil
}

// Venv is the checkout's own virtual environment, <root>/.nma/venv.
func Venv(root string) string { return filepath.Join(root, ".nma", "venv") }

// VenvBin is the path of a program of a virtual environment (bin/NAME; Scripts\NAME.exe on
// Windows).
func VenvBin(venv, name string) string {
	if runtime.GOOS == "windows" {
		return filepath.Join(venv, "Scripts", name+".exe")
	}
	return filepath.Join(venv, "bin", name)
}

// NbgraderProblem says why the checkout's virtual environment does not hold nbgrader as
// pinned in NbgraderRequirements ("" when it does).
func NbgraderProblem(root string) string {
	venv := Venv(root)
	req, err := os.ReadFile(filepath.Join(root, NbgraderRequirements))
	if err != nil {
		return "reading nbgrader's requirements: " + err.Error()
	}
	stamp, _ := os.ReadFile(filepath.Join(venv, NbgraderStamp))
	if fi, err := os.Stat(VenvBin(venv, "nbgrader")); err != nil || !fi.Mode().IsRegular() {
		return "nbgrader is not installed in " + venv
	}
	if string(stamp) != stampOf(req) {
		return "the nbgrader in " + venv + " was not installed from the current " + NbgraderRequirements
	}
	return ""
}

func stampOf(req []byte) string {
	sum := sha256.Sum256(req)
	return hex.EncodeToString(sum[:]) + "\n"
}

// Nbgrader installs nbgrader: it is PythonEnv, whose pinned packages include it.
func (in Installer) Nbgrader(root string) error { return in.PythonEnv(root) }

// PythonEnv makes the checkout's own virtual environment (Venv) and installs the pinned
// requirements file (PythonRequirements) into it: JupyterLab, the Notebook, nbclient,
// nbconvert and nbgrader, at the same versions for every student, teaching assistant and
// test, without touching the system's or the user's Python. It creates the environment
// with `python3 -m venv` (installing Debian's python3-venv with apt-get when the venv
// module is missing) and pip-installs the requirements. When the environment already holds
// exactly this requirements file and its Python runs, it does nothing.
func (in Installer) PythonEnv(root string) error {
	venv := Venv(root)
	reqPath := filepath.Join(root, PythonRequirements)
	req, err := os.ReadFile(reqPath)
	if err != nil {
		return fmt.Errorf("reading the Python requirements: %w", err)
	}
	python := VenvBin(venv, "python")
	what := describe(req)
	if NbgraderProblem(root) == "" && Have(python, "-c", "pass") {
		in.step("the Python environment %s is up to date (%s)", venv, what)
		return in.writeVenvServerConfig(root)
	}
	if !Have(python, "-m", "pip", "--version") {
		if err := in.makeVenv(venv); err != nil {
			return err
		}
	}
	in.step("installing %s and their pinned dependencies into %s (pip install -r %s; about a minute, 340 MB)", what, venv, PythonRequirements)
	stamp := filepath.Join(venv, NbgraderStamp)
	os.Remove(stamp)
	if err := in.run(root, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
		"--retries", "2", "--timeout", "30", "--only-binary=:all:", "-r", reqPath); err != nil {
		return fmt.Errorf("pip could not install the Python environment into %s (is PyPI reachable? do these pins have wheels for this Python?): %w", venv, err)
	}
	for _, cmd := range [][]string{{"nbgrader", "--version"}, {"jupyter", "lab", "--version"}} {
		if !Have(VenvBin(venv, cmd[0]), cmd[1:]...) {
			return fmt.Errorf("the Python environment was installed into %s, but `%s %s` fails", venv, VenvBin(venv, cmd[0]), strings.Join(cmd[1:], " "))
		}
	}
	if err := in.writeVenvServerConfig(root); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(stampOf(req)), 0o644)
}

// makeVenv creates a fresh virtual environment at dir with python3 (replacing a broken one),
// installing python3 and its venv module with apt-get when they are missing.
func (in Installer) makeVenv(dir string) error {
	create := func() error {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		return in.runQuiet("", "python3", "-m", "venv", dir)
	}
	in.step("creating the virtual environment %s (python3 -m venv)", dir)
	if _, err := exec.LookPath("python3"); err == nil {
		if create() == nil {
			return nil
		}
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("`python3 -m venv %s` failed: install Python 3 with its venv module and run again", dir)
	}
	in.step("python3 -m venv failed: installing Python's venv module (Debian's python3-venv)")
	if err := in.AptGet("python3", "python3-venv"); err != nil {
		return err
	}
	if err := create(); err != nil {
		return fmt.Errorf("`python3 -m venv %s` still fails after installing python3-venv: %w", dir, err)
	}
	return nil
}

// pinned is the version a requirements file pins for a package ("" if none). Package names
// compare as pip compares them: case, "-", "_" and "." alike.
func pinned(req []byte, pkg string) string {
	norm := func(s string) string { return strings.NewReplacer("-", "_", ".", "_").Replace(strings.ToLower(s)) }
	for _, line := range bytes.Split(req, []byte("\n")) {
		name, v, ok := strings.Cut(strings.TrimSpace(string(line)), "==")
		if ok && norm(strings.TrimSpace(name)) == norm(pkg) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// describe names the course's packages a requirements file pins, with their versions:
// "JupyterLab 4.6.6, Notebook 7.6.5, nbclient 0.11.0, nbconvert 7.17.2, nbgrader 0.9.6".
func describe(req []byte) string {
	var parts []string
	for _, p := range [][2]string{{"jupyterlab", "JupyterLab"}, {"notebook", "Notebook"}, {"nbclient", "nbclient"}, {"nbconvert", "nbconvert"}, {"nbgrader", "nbgrader"}} {
		if v := pinned(req, p[0]); v != "" {
			parts = append(parts, p[1]+" "+v)
		}
	}
	if len(parts) == 0 {
		return "the pinned Python packages"
	}
	return strings.Join(parts, ", ")
}

// GoAsTextConfig is a Jupyter configuration file (Python) that serves Go sources as text:
// Python's mimetypes knows no .go, so Jupyter serves a .go file (/files/…) as
// application/octet-stream, and a browser downloads it instead of showing it. That is what
// the solution links (../solutions/…/tutorialN.go) do in Notebook 7 (it opens them in a new
// tab through /files/) and in the classic Notebook 6; JupyterLab opens them in its editor
// either way.
const GoAsTextConfig = `# Written by nma (package install): serve Go sources as text, so that the course's
# solution links show the file instead of downloading it.
import mimetypes

mimetypes.add_type("text/plain", ".go")
`

// WriteClassicConfig writes GoAsTextConfig as dir/jupyter_notebook_config.py, the
// configuration file of the classic Notebook 6, and returns its path.
func WriteClassicConfig(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, "jupyter_notebook_config.py")
	return p, os.WriteFile(p, []byte(GoAsTextConfig), 0o644)
}

// VenvServerConfig is the configuration file of the environment's Jupyter server (which
// JupyterLab and Notebook 7 run on), <venv>/etc/jupyter/jupyter_server_config.py: every
// server started from the environment reads it, and no other.
func VenvServerConfig(root string) string {
	return filepath.Join(Venv(root), "etc", "jupyter", "jupyter_server_config.py")
}

// writeVenvServerConfig writes GoAsTextConfig as VenvServerConfig, unless a file that nma
// did not write is there (it is then left alone, with a note).
func (in Installer) writeVenvServerConfig(root string) error {
	p := VenvServerConfig(root)
	old, err := os.ReadFile(p)
	switch {
	case err == nil && string(old) == GoAsTextConfig:
		return nil
	case err == nil && !bytes.HasPrefix(old, []byte("# Written by nma")):
		in.step("note: %s is not nma's; Go sources may download instead of showing in Notebook 7 (add: mimetypes.add_type(\"text/plain\", \".go\"))", p)
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(GoAsTextConfig), 0o644)
}
