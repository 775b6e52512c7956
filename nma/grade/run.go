package grade

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nma-go/nma-go/nma/grade/harness"
)

// runner runs a built program for one exercise in a sandbox: a fresh scratch directory, a
// minimal environment, the harness's resource limits and Landlock rules, and — where the
// platform allows — its own PID, network and IPC namespaces and an unprivileged user.
type runner struct {
	timeout  time.Duration // the check's limit for the student's function (exercise.Timeout)
	wall     time.Duration // the whole program's limit (killed after it)
	memory   uint64        // address-space limit, bytes
	fileSize uint64
	scratch  string // parent of the scratch directories
	dataDir  string // the course's datasets (NMA_DATA_DIR for checks that load them), or ""

	mu        sync.Mutex
	iso       isolation
	isoNote   string
	n         int
	sandboxes map[string]bool // what the harness reported
}

// runResult is what one run produced.
type runResult struct {
	verdict  *harness.Verdict
	started  bool // the program got through its start-up to the harness's Main
	exitCode int
	signal   string
	killed   bool // by the wall-clock limit
	stderr   string
}

// limitedBuffer keeps the first max bytes written and drops the rest (the program keeps
// running; its output cannot fill the grader's memory).
type limitedBuffer struct {
	buf bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func newNonce() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return "nma-grade-" + hex.EncodeToString(b)
}

// run executes bin for an exercise.
func (r *runner) run(bin, exerciseID string) (runResult, error) {
	r.mu.Lock()
	r.n++
	scratch := fmt.Sprintf("%s/%06d", r.scratch, r.n)
	iso := r.iso
	r.mu.Unlock()
	if err := os.Mkdir(scratch, 0o700); err != nil {
		return runResult{}, err
	}
	defer os.RemoveAll(scratch)
	if err := prepareScratch(scratch, iso); err != nil {
		return runResult{}, err
	}
	cfg := harness.Config{
		Nonce: newNonce(), Exercise: exerciseID, Timeout: r.timeout,
		Memory: r.memory, CPU: uint64(2*r.wall/time.Second) + 1, FileSize: r.fileSize,
		Scratch: scratch, MaxStack: 64 << 20,
	}
	if os.Geteuid() == 0 {
		cfg.Procs = 4096 // nobody's processes: only the graded programs
	}
	return r.start(bin, scratch, cfg, iso)
}

// probe runs a program (which exits at once) under the strongest isolation the platform
// allows and keeps that isolation for the whole batch, so that every student is graded
// the same way.
func (r *runner) probe(bin string) error {
	for {
		cmd := exec.Command(bin)
		cmd.Dir = "/"
		cmd.Env = []string{"PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = sysProcAttr(r.iso)
		err := cmd.Start()
		if err == nil {
			_ = cmd.Wait()
			return nil
		}
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("cannot run the graded programs as an unprivileged user (%v): every folder above %s must be searchable by all users (e.g. TMPDIR=/tmp)", err, bin)
		}
		if r.iso == isoNone || !isIsolationError(err) {
			return fmt.Errorf("cannot run the graded programs: %w", err)
		}
		r.isoNote = fmt.Sprintf("%s unavailable (%v)", r.iso, err)
		r.iso--
	}
}

func (r *runner) start(bin, scratch string, cfg harness.Config, iso isolation) (runResult, error) {
	cfgR, cfgW, err := os.Pipe()
	if err != nil {
		return runResult{}, err
	}
	verR, verW, err := os.Pipe()
	if err != nil {
		cfgR.Close()
		cfgW.Close()
		return runResult{}, err
	}
	defer verR.Close()
	cmd := exec.Command(bin)
	cmd.Dir = scratch
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + scratch, "TMPDIR=" + scratch,
		"GOMAXPROCS=1", "GOTRACEBACK=single", "NMA_HEADLESS=1", "LANG=C.UTF-8"}
	if r.dataDir != "" {
		cmd.Env = append(cmd.Env, "NMA_DATA_DIR="+r.dataDir)
	}
	cmd.ExtraFiles = []*os.File{verW, cfgR} // fds 3 and 4
	stdout := &limitedBuffer{max: 16 << 10}
	stderr := &limitedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = sysProcAttr(iso)
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		cfgR.Close()
		cfgW.Close()
		verW.Close()
		return runResult{}, err
	}
	cfgR.Close()
	verW.Close()
	data, _ := json.Marshal(cfg)
	_, _ = cfgW.Write(data) // the harness reads it first thing; a pipe holds 64 KiB
	cfgW.Close()

	lines := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(verR, 4<<20))
		io.Copy(io.Discard, verR)
		lines <- b
	}()
	var killed bool
	var killMu sync.Mutex
	timer := time.AfterFunc(r.wall, func() {
		killMu.Lock()
		killed = true
		killMu.Unlock()
		killProcess(cmd)
	})
	waitErr := cmd.Wait()
	timer.Stop()
	killProcess(cmd) // anything the program left behind in its process group
	var out []byte
	select {
	case out = <-lines:
	case <-time.After(5 * time.Second):
		// A grandchild still holds the pipe open: there is no complete verdict.
	}
	res := runResult{stderr: stderr.buf.String()}
	killMu.Lock()
	res.killed = killed
	killMu.Unlock()
	res.verdict, res.started = findVerdict(out, cfg.Nonce)
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		res.exitCode = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			res.signal = ws.Signal().String()
		}
	} else if waitErr != nil && !errors.Is(waitErr, exec.ErrWaitDelay) {
		return res, waitErr
	}
	if res.verdict != nil {
		r.mu.Lock()
		if r.sandboxes == nil {
			r.sandboxes = map[string]bool{}
		}
		r.sandboxes[res.verdict.Sandbox] = true
		r.mu.Unlock()
	}
	return res, nil
}

// findVerdict returns the verdict line that carries the nonce, and whether the program
// reported that it started.
func findVerdict(out []byte, nonce string) (v *harness.Verdict, started bool) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), nonce+" ")
		if !ok {
			continue
		}
		if rest == harness.StartedMark {
			started = true
			continue
		}
		var x harness.Verdict
		if v == nil && json.Unmarshal([]byte(rest), &x) == nil {
			v = &x
		}
	}
	return v, started
}

var (
	panicRE    = regexp.MustCompile(`(?m)^(panic: .*|fatal error: .*)$`)
	cellLineRE = regexp.MustCompile(`(?m)^\s+cell (\d+):(\d+)`)
)

// verdictOf turns a run into a verdict and a message for the student.
func (r *runner) verdictOf(res runResult, fn string) (Verdict, string) {
	if v := res.verdict; v != nil {
		switch v.Status {
		case "passed":
			return Passed, fmt.Sprintf("%s agrees with the solution (%d comparisons)", fn, v.Cases)
		case "failed":
			return Failed, v.Message
		case "not done":
			return NotDone, strings.TrimPrefix(v.Message, "nma: ")
		case "crashed":
			if strings.Contains(v.Message, "did not return within") {
				return Timeout, v.Message
			}
			return Crashed, v.Message
		case harness.StatusWrongSignature:
			return WrongSignature, v.Message
		default:
			return GraderError, v.Status + ": " + v.Message
		}
	}
	where := ""
	if m := cellLineRE.FindStringSubmatch(res.stderr); m != nil {
		where = fmt.Sprintf(" (at cell %s, line %s)", m[1], m[2])
	}
	first := ""
	if m := panicRE.FindString(res.stderr); m != "" {
		first = strings.TrimSpace(m)
	}
	mem := strings.Contains(res.stderr, "out of memory") || strings.Contains(res.stderr, "cannot allocate memory")
	startup := ""
	if !res.started {
		startup = " during start-up, before the check began (in the initialiser of a package-level variable?)"
	}
	switch {
	case res.killed && !res.started:
		return Timeout, fmt.Sprintf("the program was stopped after %v%s", r.wall, startup)
	case res.killed:
		return Timeout, fmt.Sprintf("the program did not finish within %v and was stopped (an endless loop?)", r.wall)
	case mem:
		return OutOfMemory, fmt.Sprintf("the program ran out of memory (limit %d MiB)%s", r.memory>>20, where)
	case res.signal == "CPU time limit exceeded" || res.signal == "killed":
		return Timeout, fmt.Sprintf("the program used too much CPU time and was stopped (signal: %s)", res.signal)
	case strings.Contains(first, "stack overflow") || strings.Contains(res.stderr, "goroutine stack exceeds"):
		return Crashed, "stack overflow (an endless recursion?)" + where + startup
	case first != "":
		return Crashed, truncate(first, 300) + where + startup
	case res.signal != "":
		return Crashed, "the program was killed by signal: " + res.signal + where + startup
	case !res.started:
		return NoVerdict, fmt.Sprintf("the program ended (exit status %d)%s: does the code call os.Exit?", res.exitCode, startup)
	default:
		return NoVerdict, fmt.Sprintf("the program ended (exit status %d) before the check finished: does the code call os.Exit or end the program?", res.exitCode)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
