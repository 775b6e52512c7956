package grade

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/grade/harness"
	"github.com/nma-go/nma-go/nma/outcome"
)

// runner runs a built program for one exercise in the sandbox (sandbox_linux.go: bubblewrap
// around the program, the harness's resource limits and syscall filter inside it), with a
// fresh scratch directory and a minimal environment.
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
	output   *harness.Output // what the harness wrote: the transcript, or why there is none
	started  bool            // the program got through its start-up to the harness's Main
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
		Exercise: exerciseID, Timeout: r.timeout,
		Memory: r.memory, CPU: uint64(2*r.wall/time.Second) + 1, FileSize: r.fileSize,
		Scratch: scratch, MaxStack: 64 << 20,
	}
	if os.Geteuid() == 0 {
		cfg.Procs = 4096 // nobody's processes: only the graded programs
	}
	// A binary written by this process (a copy out of --cache) can still be open for writing
	// in a child that another goroutine has just forked and not yet exec'd: exec then fails
	// with ETXTBSY for a moment (golang.org/issue/22315). Try again, as the go command does.
	for attempt := 0; ; attempt++ {
		res, err := r.start(bin, scratch, cfg, iso)
		if errors.Is(err, syscall.ETXTBSY) && attempt < 20 {
			time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
			continue
		}
		return res, err
	}
}

// probe checks, before any student code is built or run, that the sandbox works on this
// machine: a program without student code (bin) tests its own sandbox from the inside (the
// harness's self-test: no file of the grader's readable, no new process, no socket, no
// signal to another process, the syscall filter in force), and the go command runs in the
// build sandbox. Without a working sandbox it refuses with what is missing and how to fix
// it — unless the input is trusted: then it grades without one, and says so.
func (r *runner) probe(bin string) error {
	if r.iso.sandbox {
		err := r.probeSandbox(bin)
		var missing *noSandboxError
		switch {
		case err == nil:
			return nil
		case !errors.As(err, &missing):
			return err // not the sandbox's fault (e.g. folders the sandbox user cannot enter)
		case !r.iso.trusted:
			return fmt.Errorf("%w\n(to grade notebooks you trust without a sandbox, pass --trusted-input)", err)
		}
		r.isoNote = "sandbox unavailable: " + err.Error()
		r.iso.sandbox = false
	} else if !r.iso.trusted {
		return errors.New("grading without a sandbox needs trusted input (--trusted-input)")
	}
	_, err := r.selfTest(bin, r.iso)
	return err
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
	cmd := r.command(bin, scratch, &cfg, iso) // bwrap around the program (sandbox_linux.go)
	cmd.ExtraFiles = []*os.File{verW, cfgR}   // fds 3 and 4
	stdout := &limitedBuffer{max: 16 << 10}
	stderr := &limitedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
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
		b, _ := io.ReadAll(io.LimitReader(verR, maxOutput))
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
	res.output, res.started = findOutput(out)
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		// bwrap reports a program killed by signal n as exit status 128+n.
		res.exitCode, res.signal = exitStatus(waitErr, iso)
		if sandboxExecBusy(iso, res.exitCode, res.stderr) {
			return res, syscall.ETXTBSY // run() tries again
		}
	} else if waitErr != nil && !errors.Is(waitErr, exec.ErrWaitDelay) {
		return res, waitErr
	}
	if res.output != nil {
		r.mu.Lock()
		if r.sandboxes == nil {
			r.sandboxes = map[string]bool{}
		}
		r.sandboxes[truncate(res.output.Sandbox, 200)] = true
		r.mu.Unlock()
	}
	return res, nil
}

// maxOutput caps what the grader reads of a program's output pipe (the transcript).
const maxOutput = 64 << 20

// findOutput returns the last well-formed output line the program wrote, and whether it
// reported that it started. The lines carry no secret: a line the student's code writes can
// only claim outputs, which the grader then compares like any others.
func findOutput(out []byte) (o *harness.Output, started bool) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), maxOutput)
	for sc.Scan() {
		line := sc.Bytes()
		if string(line) == harness.StartedMark {
			started = true
			continue
		}
		var x harness.Output
		if json.Unmarshal(line, &x) == nil && x.Status != "" {
			o = &x
		}
	}
	return o, started
}

var (
	panicRE    = regexp.MustCompile(`(?m)^(panic: .*|fatal error: .*)$`)
	cellLineRE = regexp.MustCompile(`(?m)^\s+cell (\d+):(\d+)`)
)

// verdictOf turns a run into a verdict, a message for the student and the catalogued
// mistake the answer looks like ("" for none). The verdict on a transcript is decided here,
// in the grader's process, by the exercise's Judge: against the solution's transcript and
// the catalogued mistakes' transcripts, which the grader computed itself.
func (r *runner) verdictOf(res runResult, e exercise.Exercise, fn string) (v outcome.Outcome, msg, mistake string) {
	v, msg = r.verdictOfRun(res, e, fn, &mistake)
	return v, msg, mistake
}

// verdictOfRun is verdictOf, with the diagnosis of a failed transcript written to *mistake.
func (r *runner) verdictOfRun(res runResult, e exercise.Exercise, fn string, mistake *string) (outcome.Outcome, string) {
	if o := res.output; o != nil {
		switch {
		case o.Status == harness.StatusRecorded && o.Transcript != nil:
			if want := e.Expected(); want.End != outcome.Passed {
				return outcome.Error, "the check does not run on the reference solution: " + want.Message
			}
			c := e.Judge(fn, *o.Transcript)
			switch c.Status {
			case outcome.Passed:
				return outcome.Passed, fmt.Sprintf("%s agrees with the solution (%d comparisons)", fn, c.Cases)
			case outcome.Failed:
				*mistake = c.Mistake
				return outcome.Failed, c.Message
			case outcome.NotDone:
				return outcome.NotDone, strings.TrimPrefix(c.Message, "nma: ")
			case outcome.Timeout:
				return outcome.Timeout, c.Message
			default:
				return outcome.Crashed, c.Message
			}
		case o.Status == harness.StatusWrongSignature:
			return outcome.WrongSignature, o.Message
		case o.Status == harness.StatusGraderError || o.Status == harness.StatusUnknownExercise:
			return outcome.Error, o.Status + ": " + o.Message
		default:
			// Nothing the harness writes: the student's code wrote to the output pipe itself.
			return outcome.NoVerdict, fmt.Sprintf("the program sent no transcript the grader can use (status %q): does the code write to file descriptor 3?", truncate(o.Status, 40))
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
		return outcome.Timeout, fmt.Sprintf("the program was stopped after %v%s", r.wall, startup)
	case res.killed:
		return outcome.Timeout, fmt.Sprintf("the program did not finish within %v and was stopped (an endless loop?)", r.wall)
	case mem:
		return outcome.OutOfMemory, fmt.Sprintf("the program ran out of memory (limit %d MiB)%s", r.memory>>20, where)
	case res.signal == "CPU time limit exceeded" || res.signal == "killed":
		return outcome.Timeout, fmt.Sprintf("the program used too much CPU time and was stopped (signal: %s)", res.signal)
	case strings.Contains(first, "stack overflow") || strings.Contains(res.stderr, "goroutine stack exceeds"):
		return outcome.Crashed, "stack overflow (an endless recursion?)" + where + startup
	case first != "":
		return outcome.Crashed, truncate(first, 300) + where + startup
	case res.signal != "":
		return outcome.Crashed, "the program was killed by signal: " + res.signal + where + startup
	case !res.started:
		return outcome.NoVerdict, fmt.Sprintf("the program ended (exit status %d)%s: does the code call os.Exit?", res.exitCode, startup)
	default:
		return outcome.NoVerdict, fmt.Sprintf("the program ended (exit status %d) before the check finished: does the code call os.Exit or end the program?", res.exitCode)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
