// Package checkout finds the course's repository on disk: the one home of the module path
// and of the walk up to the checkout's root, used by the data loaders (data/ folder), the
// notebook tools and the grader.
package checkout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is this repository's Go module.
const ModulePath = "github.com/nma-go/nma-go"

// FindRoot walks up from dir to the root of the course checkout: the first folder whose
// go.mod declares ModulePath. The error names dir when there is none above it.
func FindRoot(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && strings.Contains(string(b), "module "+ModulePath+"\n") {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no checkout of %s above %s: run this inside the repository", ModulePath, dir)
		}
		d = parent
	}
}
