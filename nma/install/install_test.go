package install

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestPinned(t *testing.T) {
	req := []byte("# pins\nalembic==1.13.1\n  nbgrader==0.9.6  \nnbgrader-extra==1\nJupyter_Server==2.21.1\n")
	for pkg, want := range map[string]string{"nbgrader": "0.9.6", "nbgrader_extra": "1", "jupyter-server": "2.21.1", "jupyterlab": "", "alembic": "1.13.1"} {
		if v := pinned(req, pkg); v != want {
			t.Errorf("pinned(%q) = %q, want %q", pkg, v, want)
		}
	}
}

// The message of the install step names what the course needs, at the pinned versions.
func TestDescribeTheCheckoutsRequirements(t *testing.T) {
	req, err := os.ReadFile(filepath.Join("..", "..", PythonRequirements))
	if err != nil {
		t.Fatal(err)
	}
	d := describe(req)
	for _, want := range []string{"JupyterLab 4.", "Notebook 7.", "nbclient ", "nbconvert ", "nbgrader "} {
		if !strings.Contains(d, want) {
			t.Errorf("describe = %q, lacks %q: the requirements must pin it", d, want)
		}
	}
	if d := describe([]byte("alembic==1\n")); d != "the pinned Python packages" {
		t.Errorf("describe without the course's packages = %q", d)
	}
}

// NbgraderProblem tells an empty, a stale and a current virtual environment apart.
func TestNbgraderProblem(t *testing.T) {
	root := t.TempDir()
	req := filepath.Join(root, NbgraderRequirements)
	if err := os.MkdirAll(filepath.Dir(req), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(req, []byte("nbgrader==0.9.6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := NbgraderProblem(root); !strings.Contains(p, "not installed in "+Venv(root)) {
		t.Errorf("no venv: %q", p)
	}
	bin := VenvBin(Venv(root), "nbgrader")
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	stamp := filepath.Join(Venv(root), NbgraderStamp)
	if err := os.WriteFile(stamp, []byte(stampOf([]byte("nbgrader==0.9.5\n"))), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := NbgraderProblem(root); !strings.Contains(p, "not installed from the current "+NbgraderRequirements) {
		t.Errorf("stale venv: %q", p)
	}
	if err := os.WriteFile(stamp, []byte(stampOf([]byte("nbgrader==0.9.6\n"))), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := NbgraderProblem(root); p != "" {
		t.Errorf("current venv: %q, want no problem", p)
	}
}

// Without apt-get, AptGet names the packages to install by hand; with nothing to install
// it does nothing.
func TestAptGetWithoutAptGet(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var log strings.Builder
	in := Installer{Log: &log}
	if err := in.AptGet(); err != nil {
		t.Errorf("nothing to install: %v", err)
	}
	err := in.AptGet("chromium", "jupyter-notebook")
	if err == nil || !strings.Contains(err.Error(), "chromium, jupyter-notebook") || !strings.Contains(err.Error(), "no apt-get") {
		t.Errorf("without apt-get: %v, want an error naming both packages", err)
	}
	if log.Len() != 0 {
		t.Errorf("AptGet announced an install it cannot do: %q", log.String())
	}
}

// SandboxTools leaves a working bwrap behind. It installs bubblewrap only when
// NMA_TEST_INSTALL=1 (apt-get needs root and the network); otherwise it checks that it has
// nothing to do where bwrap is already installed.
func TestSandboxTools(t *testing.T) {
	var log strings.Builder
	in := Installer{Log: &log}
	if runtime.GOOS != "linux" {
		if err := in.SandboxTools(); err != nil || !strings.Contains(log.String(), "needs Linux") {
			t.Errorf("outside Linux: %v, log %q; want a note and no error", err, log.String())
		}
		return
	}
	if _, err := exec.LookPath("bwrap"); err != nil && os.Getenv("NMA_TEST_INSTALL") != "1" {
		t.Skip("bwrap is not installed; NMA_TEST_INSTALL=1 lets this test install it with apt-get")
	}
	if err := in.SandboxTools(); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bwrap", "--version").CombinedOutput(); err != nil {
		t.Fatalf("bwrap --version: %v\n%s", err, out)
	}
}
