package main

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// The one convention for what nma says about its own work, for every command: a line on
// stderr that starts with "nma CMD: " — progress ("nma setup: building gonb …"), warnings
// ("nma grade: warning: points.txt line 3: …") and the error that ends the command ("nma run:
// notebook x.ipynb: no such file"). Results (tables, reports) go to stdout unprefixed. The
// libraries never prefix their log lines: the command hands them its log().

// msgs writes the messages of one command (CMD is e.g. "grade" or "data download").
type msgs struct {
	cmd string
	w   io.Writer
}

// messages returns the message writer of command cmd, on stderr.
func messages(cmd string) msgs { return msgs{cmd: cmd, w: os.Stderr} }

func (m msgs) prefix() string { return "nma " + m.cmd + ": " }

// progress says what the command is doing.
func (m msgs) progress(format string, args ...any) {
	fmt.Fprintf(m.w, m.prefix()+format+"\n", args...)
}

// warn reports a problem that does not stop the command.
func (m msgs) warn(format string, args ...any) {
	fmt.Fprintf(m.w, m.prefix()+"warning: "+format+"\n", args...)
}

// log is a writer for a library's log lines (and the output of the tools it runs): every
// line gets the command's prefix.
func (m msgs) log() io.Writer { return &prefixWriter{w: m.w, prefix: []byte(m.prefix()), bol: true} }

// prefixWriter writes prefix before every non-empty line (a line also starts after a
// carriage return, as a progress bar redraws its line). It is safe for concurrent use.
type prefixWriter struct {
	mu     sync.Mutex
	w      io.Writer
	prefix []byte
	bol    bool // at the beginning of a line
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]byte, 0, len(b)+len(p.prefix))
	for _, c := range b {
		if p.bol && c != '\n' && c != '\r' {
			out = append(out, p.prefix...)
			p.bol = false
		}
		out = append(out, c)
		if c == '\n' || c == '\r' {
			p.bol = true
		}
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// commandError is the error that ends a command, with the name it is reported under (e.g.
// "grade merge") and the exit status.
type commandError struct {
	cmd  string
	err  error
	code int
}

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// usageError is a usage error of command cmd: one line, "(see nma CMD -h)", exit status 2.
func usageError(cmd, format string, args ...any) error {
	return &commandError{cmd: cmd, err: fmt.Errorf(format+" (see nma %s -h)", append(args, cmd)...), code: 2}
}

// failure is an error that ends command cmd with exit status 1, reported under its name.
func failure(cmd string, err error) error {
	if err == nil {
		return nil
	}
	return &commandError{cmd: cmd, err: err, code: 1}
}
