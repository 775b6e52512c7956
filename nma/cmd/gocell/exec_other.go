//go:build !unix

package main

import (
	"fmt"
	"os"
	"os/exec"
)

// execGo runs the real go command and exits with its status.
func execGo(realGo string, args, env []string) {
	cmd := exec.Command(realGo, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = os.Stdin, os.Stdout, os.Stderr, env
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		os.Exit(ee.ExitCode())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gocell: running", realGo+":", err)
		os.Exit(1)
	}
	os.Exit(0)
}
