package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// nbgraderRequirements is the pinned requirements file of nbgrader (every package at an exact
// version, wheels only), relative to the repository root.
const nbgraderRequirements = "nma/grade/testdata/nbgrader/requirements.txt"

// nbgraderStamp, inside the virtual environment, holds the SHA-256 of the requirements file
// that was installed into it (nma/grade/nbgrader_test.go reads it too).
const nbgraderStamp = "nma-requirements.sha256"

// ensureNbgrader installs nbgrader into the checkout's own virtual environment, <root>/.nma/venv,
// from the pinned requirements file, so the nbgrader round-trip test and teaching assistants
// get the same nbgrader without touching the system's Python. It creates the environment with
// `python3 -m venv` (installing Debian's python3-venv with apt-get when the venv module is
// missing) and pip-installs the requirements. When the environment already holds exactly this
// requirements file (the stamp matches) and its Python runs, it does nothing.
func ensureNbgrader(root string) error {
	venv := filepath.Join(root, ".nma", "venv")
	reqPath := filepath.Join(root, nbgraderRequirements)
	req, err := os.ReadFile(reqPath)
	if err != nil {
		return fmt.Errorf("reading nbgrader's requirements: %w", err)
	}
	sum := sha256.Sum256(req)
	want := hex.EncodeToString(sum[:]) + "\n"
	python := filepath.Join(venv, "bin", "python")
	nbgrader := filepath.Join(venv, "bin", "nbgrader")
	stamp := filepath.Join(venv, nbgraderStamp)
	version := nbgraderVersion(req)
	if got, err := os.ReadFile(stamp); err == nil && string(got) == want && isFile(nbgrader) && have(python, "-c", "pass") {
		step("nbgrader %s is installed in %s", version, venv)
		return nil
	}

	if !have(python, "-m", "pip", "--version") {
		if err := makeVenv(venv); err != nil {
			return err
		}
	}
	step("installing nbgrader %s and its pinned dependencies into %s (pip install -r %s; about a minute, 340 MB)", version, venv, nbgraderRequirements)
	os.Remove(stamp)
	if err := run(root, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
		"--retries", "2", "--timeout", "30", "--only-binary=:all:", "-r", reqPath); err != nil {
		return fmt.Errorf("pip could not install nbgrader into %s (is PyPI reachable? do these pins have wheels for this Python?): %w", venv, err)
	}
	if !have(nbgrader, "--version") {
		return fmt.Errorf("nbgrader was installed into %s, but `%s --version` fails", venv, nbgrader)
	}
	return os.WriteFile(stamp, []byte(want), 0o644)
}

// makeVenv creates a fresh virtual environment at dir with python3 (replacing a broken one),
// installing python3 and its venv module with apt-get when they are missing.
func makeVenv(dir string) error {
	create := func() error {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		return runQuiet("", "python3", "-m", "venv", dir)
	}
	step("creating the virtual environment %s (python3 -m venv)", dir)
	if _, err := exec.LookPath("python3"); err == nil {
		if create() == nil {
			return nil
		}
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("`python3 -m venv %s` failed: install Python 3 with its venv module and run again", dir)
	}
	step("python3 -m venv failed: installing Python's venv module (Debian's python3-venv)")
	if err := aptInstall([]string{"python3", "python3-venv"}); err != nil {
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

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
