package main

import (
	"fmt"
	"os/exec"
	"runtime"
)

// ensureSandboxTools installs what `nma grade` needs to run untrusted student code in a
// sandbox: bubblewrap (bwrap) for the namespaces and the filesystem view, and prlimit
// (util-linux, present on every Debian) for the compiler's memory limit. Outside Linux
// there is nothing to install: the grader refuses untrusted input there anyway.
func ensureSandboxTools() error {
	if runtime.GOOS != "linux" {
		return nil
	}
	var pkgs []string
	if !have("bwrap", "--version") {
		pkgs = append(pkgs, "bubblewrap")
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		pkgs = append(pkgs, "util-linux")
	}
	if len(pkgs) == 0 {
		return nil
	}
	step("installing the grader's sandbox tools (bubblewrap: bwrap; util-linux: prlimit)")
	if err := aptInstall(pkgs); err != nil {
		return fmt.Errorf("nma grade needs bubblewrap to sandbox student code (%w); install it with your package manager (Debian/Ubuntu: sudo apt-get install bubblewrap)", err)
	}
	if !have("bwrap", "--version") {
		return fmt.Errorf("bubblewrap was installed, but `bwrap --version` still fails: is /usr/bin on PATH?")
	}
	return nil
}
