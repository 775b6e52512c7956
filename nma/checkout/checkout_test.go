package checkout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindRoot(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "nma", "checkout", "checkout.go")); err != nil {
		t.Errorf("FindRoot(.) = %s, which does not hold this package: %v", root, err)
	}
	// A folder with another module's go.mod, and nothing of ours above it.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.org/other\n"), 0o644)
	if _, err := FindRoot(other); err == nil || !strings.Contains(err.Error(), other) || !strings.Contains(err.Error(), "run this inside the repository") {
		t.Errorf("FindRoot(%s) = %v, want an error naming the folder", other, err)
	}
}
