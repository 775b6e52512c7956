package main

import (
	"os"
	"os/exec"
	"testing"
)

// The course's Go code builds for macOS and Windows too: Unix-only system calls (process
// groups, the grader's sandbox, rlimits, file descriptors 3 and 4) live behind build tags
// (_linux.go, _unix.go, _other.go files). `go vet` type-checks every package and its tests
// for the target system; the nma command is also linked. (About 40 s a system with a warm
// build cache: skipped by -short.)
func TestCrossCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles the whole course twice (~80 s)")
	}
	r := repoRoot(t)
	for _, target := range []struct{ goos, goarch string }{{"darwin", "arm64"}, {"windows", "amd64"}} {
		t.Run(target.goos, func(t *testing.T) {
			env := append(os.Environ(), "GOOS="+target.goos, "GOARCH="+target.goarch, "CGO_ENABLED=0")
			for _, args := range [][]string{
				{"vet", "./nma/...", "./exercises/...", "./solutions/..."},
				{"build", "-o", os.DevNull, "./nma/cmd/nma"},
			} {
				cmd := exec.Command("go", args...)
				cmd.Dir, cmd.Env = r, env
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("GOOS=%s GOARCH=%s go %v: %v\n%s", target.goos, target.goarch, args, err, out)
				}
			}
		})
	}
}
