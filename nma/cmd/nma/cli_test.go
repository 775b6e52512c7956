package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The command line's conventions, the same for every command (see main): -h and --help print
// the command's own usage on stdout and exit 0; a bad flag is one line on stderr, naming the
// command, and exit 2; an unknown command lists every command and exits 2.
func TestCommandLineConventions(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "nma")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building nma: %v\n%s", err, out)
	}
	run := func(args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = repoRoot(t)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return o.String(), e.String(), code
	}
	for _, c := range commands {
		args := []string{c.name}
		if c.name == "data" {
			args = append(args, "download") // data's flags belong to its subcommands
		}
		for _, h := range []string{"-h", "--help"} {
			out, errOut, code := run(append(args, h)...)
			if code != 0 || !strings.Contains(out, "nma "+c.name) || errOut != "" {
				t.Errorf("nma %s %s: exit %d, stdout %.80q, stderr %q; want the command's usage on stdout and exit 0", strings.Join(args, " "), h, code, out, errOut)
			}
		}
		_, errOut, code := run(append(args, "--no-such-flag")...)
		want := "nma " + strings.Join(args, " ") + ": "
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, "no-such-flag") {
			t.Errorf("nma %s --no-such-flag: exit %d, stderr %q; want one line starting %q and exit 2", strings.Join(args, " "), code, errOut, want)
		}
	}
	_, errOut, code := run("frobnicate")
	if code != 2 || !strings.Contains(errOut, commandNames()) {
		t.Errorf("unknown command: exit %d, stderr %q; want exit 2 and the list %q", code, errOut, commandNames())
	}
	if out, _, code := run("help"); code != 0 || !strings.Contains(out, "nma data") {
		t.Errorf("nma help: exit %d", code)
	}
}
