package notebook

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/outcome"
)

func TestFindPythonExplainsTheFix(t *testing.T) {
	old := pythonCandidates
	defer func() { pythonCandidates = old }()
	pythonCandidates = func() []string { return []string{"/nonexistent/python3"} }
	_, err := FindPython()
	if err == nil || !strings.Contains(err.Error(), "nbclient is not installed") || !strings.Contains(err.Error(), "make setup") {
		t.Errorf("FindPython without Jupyter: %v", err)
	}
}

func TestRunReportsInvalidNotebookInOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "Broken.ipynb")
	os.WriteFile(bad, []byte("{\"cells\": ["), 0o644)
	empty := filepath.Join(dir, "Empty.ipynb")
	os.WriteFile(empty, nil, 0o644)
	res := Run(&Toolchain{}, []string{bad, empty}, RunOptions{})
	for i, want := range []string{"not valid notebook JSON", "the file is empty"} {
		r := res[i]
		if r.OK() || r.Status != outcome.Invalid || !strings.Contains(r.FirstError, want) || !strings.Contains(r.FirstError, "make notebooks") || strings.Contains(r.FirstError, "\n") {
			t.Errorf("%s: status %q error %q, want one line with %q", r.Notebook, r.Status, r.FirstError, want)
		}
	}
	var b strings.Builder
	PrintTable(&b, res)
	if f := strings.Fields(strings.Split(b.String(), "\n")[1]); len(f) < 5 || f[0] != "Broken" || f[1] != "student" || !strings.HasPrefix(strings.Join(f[4:], " "), outcome.Invalid.String()) {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestKernelSpec(t *testing.T) {
	spec, err := KernelSpec("/x/bin", "Go", true, map[string]string{"NMA_HEADLESS": "1"})
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Argv []string
		Env  map[string]string
	}
	if err := json.Unmarshal(spec, &m); err != nil {
		t.Fatal(err)
	}
	if m.Argv[0] != "/x/bin/gonb" || m.Argv[len(m.Argv)-1] != "--raw_error" || !strings.HasPrefix(m.Env["PATH"], "/x/gocell:/x/bin:") || m.Env["NMA_HEADLESS"] != "1" ||
		!filepath.IsAbs(m.Env["NMA_REAL_GO"]) || filepath.Base(m.Env["NMA_REAL_GO"]) != "go" {
		t.Errorf("spec %s", spec)
	}
}

// `nma run` uses the checkout's virtual environment (where `nma setup` installs the pinned
// nbclient) before python3 on PATH, and $NMA_PYTHON before both.
func TestFindPythonPrefersTheCheckoutsVenv(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake Pythons are shell scripts")
	}
	dir := t.TempDir()
	fake := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	system, env := fake("usr/bin/python3"), fake("env/python3")
	venv := VenvPython(dir)
	fake(strings.TrimPrefix(venv, dir+string(filepath.Separator)))
	old := pythonCandidates
	defer func() { pythonCandidates = old }()
	t.Setenv("NMA_PYTHON", "")
	pythonCandidates = func() []string { return []string{system} }
	if p, err := findPython(venv); err != nil || p != venv {
		t.Errorf("with a venv: %q, %v; want %s", p, err, venv)
	}
	if p, err := findPython(filepath.Join(dir, "no", "python")); err != nil || p != system {
		t.Errorf("without a venv: %q, %v; want %s", p, err, system)
	}
	t.Setenv("NMA_PYTHON", env)
	pythonCandidates = func() []string { return []string{env, system} }
	if p, err := findPython(venv); err != nil || p != env {
		t.Errorf("with NMA_PYTHON: %q, %v; want %s", p, err, env)
	}
}
