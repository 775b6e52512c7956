//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// execGo replaces this process by the real go command.
func execGo(realGo string, args, env []string) {
	err := syscall.Exec(realGo, append([]string{realGo}, args...), env)
	fmt.Fprintln(os.Stderr, "gocell: running", realGo+":", err)
	os.Exit(1)
}
