package install

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestNbgraderVersion(t *testing.T) {
	req := []byte("# pins\nalembic==1.13.1\n  nbgrader==0.9.6  \nnbgrader-extra==1\n")
	if v := nbgraderVersion(req); v != "0.9.6" {
		t.Errorf("nbgraderVersion = %q, want 0.9.6", v)
	}
	if v := nbgraderVersion([]byte("jupyter==1\n")); v != "" {
		t.Errorf("no nbgrader pin: %q", v)
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
