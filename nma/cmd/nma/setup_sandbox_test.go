package main

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// ensureSandboxTools leaves a working bwrap behind. It installs bubblewrap only when
// NMA_TEST_INSTALL=1 (apt-get needs root and the network); otherwise it checks that it has
// nothing to do where bwrap is already installed.
func TestEnsureSandboxTools(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux only")
	}
	if _, err := exec.LookPath("bwrap"); err != nil && os.Getenv("NMA_TEST_INSTALL") != "1" {
		t.Skip("bwrap is not installed; NMA_TEST_INSTALL=1 lets this test install it with apt-get")
	}
	if err := ensureSandboxTools(); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bwrap", "--version").CombinedOutput(); err != nil {
		t.Fatalf("bwrap --version: %v\n%s", err, out)
	} else {
		t.Logf("%s", out)
	}
}
