package grade

import (
	"fmt"
	"strings"
)

// Limits of the go command and the compiler and linker it starts, per process (prlimit, in
// the build sandbox).
const (
	buildMemory   = 2 << 30   // address space
	buildFileSize = 256 << 20 // largest file (an object file, the program)
)

// maxStudentSource is the most Go source of a student's the grader builds. A program
// built from a notebook is a few KiB; huge literals make the compiler slow and hungry (a
// 9 MB array literal took 60 s and 1.2 GB), so they are refused before any build.
const maxStudentSource = 512 << 10

// checkSourceSize returns the compile-error message for a program whose student code (every
// file but the generated main and registry) is larger than maxStudentSource, else "".
func checkSourceSize(files map[string]string) string {
	n := 0
	for name, src := range files {
		if name == "main.go" || strings.HasPrefix(name, genRegistry+"/") {
			continue
		}
		n += len(src)
	}
	if n <= maxStudentSource {
		return ""
	}
	return fmt.Sprintf("the code is too large to grade: %d KiB of Go source, at most %d KiB are built "+
		"(is there a huge literal, such as a table of numbers? compute it, or load it from a file)", (n+1023)>>10, maxStudentSource>>10)
}

// noSandboxError: the sandbox cannot be set up on this machine (a tool is missing, the
// kernel refuses namespaces or the syscall filter). Trusted input is then graded without it.
type noSandboxError struct{ err error }

func (e *noSandboxError) Error() string { return e.err.Error() }
func (e *noSandboxError) Unwrap() error { return e.err }

// buildLimitMessage turns the compiler's failure at a limit of the build sandbox into a
// message for the student, or returns "" when out (go build's output) shows none.
func buildLimitMessage(out string) string {
	switch {
	case strings.Contains(out, "fatal error: out of memory") || strings.Contains(out, "runtime: out of memory"):
		return fmt.Sprintf("the compiler ran out of memory (limit %d MiB): is there a huge array, a huge literal or a huge constant expression?", buildMemory>>20)
	case strings.Contains(out, "file too large"):
		return fmt.Sprintf("the compiled code is too large (limit %d MiB per file): is there a huge array with initial values?", buildFileSize>>20)
	}
	return ""
}

// sandboxExecBusy reports whether a run ended before the program started because bwrap
// could not execute it for a moment (ETXTBSY: another child forked while the program's file
// was being written still holds it open). The run should then be retried, as a failed
// exec.Cmd.Start with syscall.ETXTBSY is.
func sandboxExecBusy(iso isolation, exitCode int, stderr string) bool {
	return iso.sandbox && exitCode == 1 && strings.HasPrefix(stderr, "bwrap: execvp ") && strings.Contains(stderr, "Text file busy")
}
