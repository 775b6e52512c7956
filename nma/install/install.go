// Package install puts in place what the course tools need beyond Go, for `nma setup`,
// `nma lab` and `nma e2e --install`: Jupyter (JupyterLab with pip where PyPI answers,
// Debian's packages with apt-get otherwise), the grader's sandbox tools (bubblewrap,
// prlimit), and nbgrader, pinned, in the checkout's own virtual environment .nma/venv.
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

// Jupyter installs Jupyter when it is absent: JupyterLab with pip where PyPI answers,
// Debian's classic Notebook and nbconvert with apt-get otherwise. With runnerOnly, nbclient
// and nbconvert (what `nma run` needs) are enough.
func (in Installer) Jupyter(runnerOnly bool) error {
	_, nbErr := notebook.FindPython()
	labOK := Have("jupyter", "lab", "--version")
	classicOK := Have("jupyter", "notebook", "--version")
	if nbErr == nil && (runnerOnly || labOK || classicOK) {
		in.step("Jupyter is installed (lab: %v, classic notebook: %v, nbclient: yes)", labOK, classicOK)
		return nil
	}
	if !runnerOnly && Have("python3", "-m", "pip", "--version") {
		in.step("installing JupyterLab with pip (python3 -m pip install --user jupyterlab nbconvert nbclient) …")
		if in.run("", "python3", "-m", "pip", "install", "--user", "--quiet", "--retries", "1", "--timeout", "15", "jupyterlab", "nbconvert", "nbclient") == nil {
			return nil
		}
		in.step("pip could not install JupyterLab (no PyPI here?); trying Debian's packages")
	}
	pkgs := []string{"jupyter-nbconvert", "python3-nbclient"}
	if !runnerOnly {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return errors.New("cannot install Jupyter: no pip that reaches PyPI and no apt-get; install JupyterLab (pip install jupyterlab) and run again")
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

// NbgraderRequirements is the pinned requirements file of nbgrader (every package at an
// exact version, wheels only), relative to the checkout's root.
const NbgraderRequirements = "nma/grade/testdata/nbgrader/requirements.txt"

// NbgraderStamp, a file in the virtual environment, holds the SHA-256 of the requirements
// file that was installed into it.
const NbgraderStamp = "nma-requirements.sha256"

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

// Nbgrader installs nbgrader into the checkout's own virtual environment (Venv) from the
// pinned requirements file, so the nbgrader round-trip test and teaching assistants get the
// same nbgrader without touching the system's Python. It creates the environment with
// `python3 -m venv` (installing Debian's python3-venv with apt-get when the venv module is
// missing) and pip-installs the requirements. When the environment already holds exactly
// this requirements file and its Python runs, it does nothing.
func (in Installer) Nbgrader(root string) error {
	venv := Venv(root)
	reqPath := filepath.Join(root, NbgraderRequirements)
	req, err := os.ReadFile(reqPath)
	if err != nil {
		return fmt.Errorf("reading nbgrader's requirements: %w", err)
	}
	python := VenvBin(venv, "python")
	version := nbgraderVersion(req)
	if NbgraderProblem(root) == "" && Have(python, "-c", "pass") {
		in.step("nbgrader %s is installed in %s", version, venv)
		return nil
	}
	if !Have(python, "-m", "pip", "--version") {
		if err := in.makeVenv(venv); err != nil {
			return err
		}
	}
	in.step("installing nbgrader %s and its pinned dependencies into %s (pip install -r %s; about a minute, 340 MB)", version, venv, NbgraderRequirements)
	stamp := filepath.Join(venv, NbgraderStamp)
	os.Remove(stamp)
	if err := in.run(root, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
		"--retries", "2", "--timeout", "30", "--only-binary=:all:", "-r", reqPath); err != nil {
		return fmt.Errorf("pip could not install nbgrader into %s (is PyPI reachable? do these pins have wheels for this Python?): %w", venv, err)
	}
	nbgrader := VenvBin(venv, "nbgrader")
	if !Have(nbgrader, "--version") {
		return fmt.Errorf("nbgrader was installed into %s, but `%s --version` fails", venv, nbgrader)
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

// nbgraderVersion is the version pinned for nbgrader in a requirements file ("" if none).
func nbgraderVersion(req []byte) string {
	for _, line := range bytes.Split(req, []byte("\n")) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(string(line)), "nbgrader=="); ok {
			return v
		}
	}
	return ""
}
