// Command gocell stands in for the go command on the notebook kernel's PATH (as
// .nma/gocell/go): `go build -o BIN [-tags=…] [-ldflags=…]` of a single-file main package —
// what GoNB runs for every cell — is compiled and linked directly with the package archives
// the real go command built for an earlier cell (see nma/internal/gocell), ~0.13 s less per
// cell; every other command, and every build it cannot take, runs the real go command
// ($NMA_REAL_GO, else the next go on PATH) unchanged.
//
// NMA_GOCELL=off turns the fast path off; NMA_GOCELL_LOG=FILE appends one line per build
// saying which way it went and why; NMA_GOCELL_CACHE=DIR moves the records (default: the
// user's cache directory, nma-go/gocell).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma/internal/gocell"
)

func main() {
	realGo, err := findRealGo()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gocell:", err)
		os.Exit(1)
	}
	args, env := os.Args[1:], os.Environ()
	if os.Getenv("NMA_GOCELL") != "off" && len(args) > 0 && args[0] == "build" {
		dir, err := os.Getwd()
		if err == nil {
			var b *gocell.Build
			if b, err = gocell.Parse(dir, args, env); err == nil {
				os.Exit(build(b, realGo, env))
			}
		}
		logf("real: %v", err)
	}
	execGo(realGo, args, env) // does not return
}

// build takes the fast path when a record covers b, else runs the real go command and
// records what it built for the next cell.
func build(b *gocell.Build, realGo string, env []string) int {
	start := time.Now()
	cache := cacheDir()
	key, err := gocell.Key(b, realGo, env)
	var u *gocell.Universe
	if err == nil {
		if u = gocell.Load(cache, key); u == nil {
			logf("real: no record %s", key)
		} else if why := u.Covers(b); why != "" {
			logf("real: %s", why)
		} else if err := u.Fast(b, env); err != nil {
			logf("real: fast build failed: %s", firstLine(err.Error()))
		} else {
			logf("fast: %s in %v", b.Out, time.Since(start).Round(time.Millisecond))
			return 0
		}
	} else {
		logf("real: %v", err)
	}
	cmd := exec.Command(realGo, b.Args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = os.Stdin, os.Stdout, os.Stderr, env
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
			return ee.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "gocell:", err)
		return 1
	}
	if key != "" {
		if _, err := gocell.Record(b, u, realGo, env, cache, key); err != nil {
			logf("record: %s", firstLine(err.Error()))
		} else {
			logf("recorded %s in %v", key, time.Since(start).Round(time.Millisecond))
		}
	}
	return 0
}

// findRealGo is $NMA_REAL_GO, else the first go on PATH that is not this program.
func findRealGo() (string, error) {
	if p := os.Getenv("NMA_REAL_GO"); p != "" {
		return p, nil
	}
	self, _ := os.Executable()
	if s, err := filepath.EvalSymlinks(self); err == nil {
		self = s
	}
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		p := filepath.Join(d, "go")
		if s, err := filepath.EvalSymlinks(p); err == nil && s != self {
			if fi, err := os.Stat(s); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
				return p, nil
			}
		}
	}
	return "", fmt.Errorf("no go command on PATH besides %s (set NMA_REAL_GO)", self)
}

func cacheDir() string {
	if d := os.Getenv("NMA_GOCELL_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "nma-go", "gocell")
}

func logf(format string, a ...any) {
	p := os.Getenv("NMA_GOCELL_LOG")
	if p == "" {
		return
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "gocell: "+format+"\n", a...)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
