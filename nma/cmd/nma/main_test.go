package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/notebook"
)

func repoRoot(t *testing.T) string {
	r, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The committed notebooks are exactly what notebooks/src builds (run `make notebooks`).
func TestNotebooksAreUpToDate(t *testing.T) {
	stale, err := BuildNotebooks(repoRoot(t), false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("out of date with notebooks/src (run `make notebooks`): %v", stale)
	}
}

// Notebooks are committed clean: no outputs, no execution counts; every one has a source.
func TestNotebooksAreCommittedWithoutOutputs(t *testing.T) {
	r := repoRoot(t)
	paths, _ := filepath.Glob(filepath.Join(r, "notebooks", "*.ipynb"))
	if len(paths) == 0 {
		t.Fatal("no notebooks")
	}
	for _, p := range paths {
		nb, err := notebook.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s cell %d has outputs or an execution count", filepath.Base(p), i+1)
			}
		}
		name := strings.TrimSuffix(filepath.Base(p), ".ipynb")
		if _, err := os.Stat(filepath.Join(r, "notebooks", "src", name+".md")); err != nil {
			t.Errorf("%s has no source notebooks/src/%s.md", filepath.Base(p), name)
		}
	}
}

// Every example image a notebook refers to exists (the solutions run keeps them current).
func TestExampleImagesExist(t *testing.T) {
	r := repoRoot(t)
	for _, e := range all.Exercises() {
		src, err := os.ReadFile(filepath.Join(r, "notebooks", "src", e.Notebook+".md"))
		if err != nil {
			t.Fatal(err)
		}
		ref := "static/" + e.ID + "_0.png"
		if strings.Contains(string(src), ref) {
			if _, err := os.Stat(filepath.Join(r, "notebooks", ref)); err != nil {
				t.Errorf("%s: %s is referenced but missing (run `make static`)", e.ID, ref)
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	if k, n, err := parseShard("2/3"); err != nil || k != 2 || n != 3 {
		t.Errorf("2/3 → %d %d %v", k, n, err)
	}
	for _, bad := range []string{"0/3", "4/3", "x", "1/0", "1-2"} {
		if _, _, err := parseShard(bad); err == nil || !strings.Contains(err.Error(), "--shard=") {
			t.Errorf("parseShard(%q) = %v, want an error naming --shard", bad, err)
		}
	}
}

func TestRunRejectsBadFlagsWithTheirValue(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--timeout=-1s"}, "--timeout=-1s must be positive"},
		{[]string{"--jobs=0"}, "--jobs=0 must be at least 1"},
		{[]string{"--static=x"}, "--static needs --solutions"},
		{[]string{"--shard=5/2"}, `--shard="5/2"`},
		{[]string{"does-not-exist.ipynb"}, "notebook does-not-exist.ipynb"},
	} {
		err := cmdRun(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("nma run %v: %v, want an error with %q", c.args, err, c.want)
		}
	}
}

func TestProtectWorkNeverLosesANotebook(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "W9D9_Tutorial1.ipynb")
	clean := []byte(`{"cells": [{"cell_type": "code", "metadata": {}, "source": "x", "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`)
	worked := []byte(`{"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "x", "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`)
	if err := protectWork(root, target, clean); err != nil {
		t.Errorf("a clean course notebook may be rebuilt: %v", err)
	}
	err := protectWork(root, target, worked)
	if err == nil || !strings.Contains(err.Error(), "holds outputs") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("an executed notebook must not be replaced without --force: %v", err)
	}
	overwriteWork = true
	defer func() { overwriteWork = false }()
	if err := protectWork(root, target, worked); err != nil {
		t.Fatal(err)
	}
	backups, _ := filepath.Glob(filepath.Join(root, ".nma", "backup", "W9D9_Tutorial1.ipynb.*"))
	if len(backups) != 2 {
		t.Fatalf("backups %v, want one per replaced notebook (2)", backups)
	}
	found := false
	for _, b := range backups {
		if data, _ := os.ReadFile(b); string(data) == string(worked) {
			found = true
		}
	}
	if !found {
		t.Error("the student's notebook is not among the backups")
	}
}
