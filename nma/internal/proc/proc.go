// Package proc starts the course tools' helper processes (nbclient and its kernels, the
// Jupyter server of the browser test) so that stopping one stops everything it started: on
// Unix each runs in its own process group, which is signalled as a whole; elsewhere only
// the process itself is killed.
package proc

import (
	"os"
	"os/exec"
)

// KillGroupOnCancel puts cmd (not started yet) in its own process group and makes the
// cancellation of its context kill that whole group.
func KillGroupOnCancel(cmd *exec.Cmd) {
	OwnGroup(cmd)
	cmd.Cancel = func() error { return Signal(cmd, os.Kill) }
}
