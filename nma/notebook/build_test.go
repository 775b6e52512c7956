package notebook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProtectWorkNeverLosesANotebook(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "W9D9_Tutorial1.ipynb")
	clean := []byte(`{"cells": [{"cell_type": "code", "metadata": {}, "source": "x", "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`)
	worked := []byte(`{"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "x", "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`)
	if err := protectWork(root, target, clean, false); err != nil {
		t.Errorf("a clean course notebook may be rebuilt: %v", err)
	}
	err := protectWork(root, target, worked, false)
	if err == nil || !strings.Contains(err.Error(), "holds outputs") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("an executed notebook must not be replaced without --force: %v", err)
	}
	if err := protectWork(root, target, []byte("{not json"), false); err == nil {
		t.Error("an unreadable notebook must not be replaced without --force")
	}
	if err := protectWork(root, target, worked, true); err != nil {
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

// BuildAll on a checkout of two sources: it reports what differs, writes only with Write,
// names an unknown notebook, and refuses to replace a notebook someone worked in.
func TestBuildAll(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "notebooks", "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, md := range map[string]string{
		"W9D9_Tutorial1": "# One\n\n```go exercise W9D9.T1.E1\n%%\nfmt.Println(F())\n```\n",
		"W9D9_Tutorial2": "# Two\n\n```go\n%%\nfmt.Println(2)\n```\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name+".md"), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stub := "func F() int {\n\tpanic(exercise.TODO(\"W9D9.T1.E1\"))\n}"
	stubs := func(id string) (string, error) { return stub, nil }

	stale, err := BuildAll(root, stubs, BuildOptions{})
	if err != nil || strings.Join(stale, ",") != "W9D9_Tutorial1,W9D9_Tutorial2" {
		t.Fatalf("check before the first build: %v %v, want both stale", stale, err)
	}
	if _, err := os.Stat(filepath.Join(root, "notebooks", "W9D9_Tutorial1.ipynb")); err == nil {
		t.Fatal("BuildAll wrote a notebook without Write")
	}
	var log strings.Builder
	if _, err := BuildAll(root, stubs, BuildOptions{Write: true, Names: []string{"W9D9_Tutorial1.ipynb"}, Log: &log}); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(root, "notebooks", "W9D9_Tutorial1.ipynb")
	nb, err := Read(one)
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Cells) != 2 || nb.Cells[1].ExerciseID() != "W9D9.T1.E1" || !strings.Contains(nb.Cells[1].Source, stub) {
		t.Errorf("built notebook: %d cells, exercise cell %q", len(nb.Cells), nb.Cells[len(nb.Cells)-1].Source)
	}
	if log.String() != "wrote "+one+"\n" {
		t.Errorf("log %q, want one line naming %s", log.String(), one)
	}
	if stale, err := BuildAll(root, stubs, BuildOptions{}); err != nil || strings.Join(stale, ",") != "W9D9_Tutorial2" {
		t.Errorf("after building W9D9_Tutorial1 only: stale %v %v, want W9D9_Tutorial2", stale, err)
	}
	if _, err := BuildAll(root, stubs, BuildOptions{Names: []string{"W9D9_Tutorial7"}}); err == nil || !strings.Contains(err.Error(), `"W9D9_Tutorial7"`) {
		t.Errorf("an unknown notebook: %v, want an error naming it", err)
	}

	// A student ran the notebook: rebuilding must not replace it without Force.
	nb.Cells[1].ExecutionCount = new(int)
	if err := nb.Write(one); err != nil {
		t.Fatal(err)
	}
	stub = "func F() int {\n\treturn 0 // changed stub\n}"
	if _, err := BuildAll(root, stubs, BuildOptions{Write: true}); err == nil || !strings.Contains(err.Error(), "holds outputs") {
		t.Errorf("rebuilding a worked-in notebook: %v, want a refusal", err)
	}
	if _, err := BuildAll(root, stubs, BuildOptions{Write: true, Force: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(one); !strings.Contains(string(b), "changed stub") {
		t.Error("with Force the notebook is rebuilt")
	}
}
