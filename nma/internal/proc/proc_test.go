package proc

import (
	"bytes"
	"context"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

// Cancelling the context of a command started with KillGroupOnCancel stops the command and
// what it started (here: a shell and its sleep, which would otherwise run for a minute).
func TestKillGroupOnCancelStopsTheGroup(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no sh here")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "sh", "-c", "sleep 60 & wait")
	KillGroupOnCancel(cmd)
	var out bytes.Buffer
	cmd.Stdout = &out // a pipe that sleep holds open until it is killed too
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	err := cmd.Wait()
	if err == nil {
		t.Fatal("the command ended normally; want it killed")
	}
	// With the group killed, sleep's end closes nothing late: Wait returns at once, not
	// after WaitDelay (which it would if the orphaned sleep held the output open).
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Wait took %v after the cancel; the group was not killed", d)
	}
}

func TestSignalBeforeStartIsAnError(t *testing.T) {
	if err := Terminate(exec.Command("true")); err == nil {
		t.Error("signalling a command that never started must fail")
	}
}
