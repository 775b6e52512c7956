//go:build !linux

package grade

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/nma-go/nma-go/nma/grade/harness"
)

// command runs the program directly: outside Linux there is no sandbox.
func (r *runner) command(bin, scratch string, cfg *harness.Config, iso isolation) *exec.Cmd {
	cfg.Trusted = iso.trusted
	cmd := exec.Command(bin)
	cmd.Dir = scratch
	cmd.Env = []string{"HOME=" + scratch, "TMPDIR=" + scratch, "GOMAXPROCS=1", "GOTRACEBACK=single", "NMA_HEADLESS=1"}
	if r.dataDir != "" {
		cmd.Env = append(cmd.Env, "NMA_DATA_DIR="+r.dataDir)
	}
	return cmd
}

func (r *runner) probeSandbox(string) error {
	return &noSandboxError{fmt.Errorf("grading needs Linux (bubblewrap sandbox); this is %s/%s", runtime.GOOS, runtime.GOARCH)}
}

// selfTest only checks that the program starts.
func (r *runner) selfTest(bin string, iso isolation) (*struct{}, error) {
	cmd := exec.Command(bin)
	cmd.Dir = r.scratch
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run the graded programs: %w", err)
	}
	_ = cmd.Wait()
	return &struct{}{}, nil
}

func goCommand(ctx context.Context, root, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = buildEnv()
	return cmd
}

func exitStatus(waitErr error, iso isolation) (int, string) {
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		return ee.ExitCode(), ""
	}
	return 0, ""
}
