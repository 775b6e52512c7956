package main

import (
	"bytes"
	"strings"
	"testing"
)

// The nma command's conventions: -h prints the usage on stdout and exits 0; a usage error is
// one line "benchcompare: reason (see benchcompare -h)" and exit status 2.
func TestCommandLineConventions(t *testing.T) {
	for _, h := range []string{"-h", "--help"} {
		var o, e bytes.Buffer
		if code := run([]string{h}, &o, &e); code != 0 || !strings.HasPrefix(o.String(), "Usage: benchcompare") || !strings.Contains(o.String(), "-rounds") || e.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %.80q, stderr %q; want the usage on stdout and exit 0", h, code, o.String(), e.String())
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--no-such-flag"}, "no-such-flag"},
		{[]string{"--rounds", "0"}, "--rounds=0"},
		{[]string{"--threads", "1,x"}, `--threads="1,x"`},
		{[]string{"--threads", "0"}, `--threads="0"`},
		{[]string{"--only", "w9d9"}, `--only="w9d9"`},
		{[]string{"stray"}, `"stray"`},
	} {
		var o, e bytes.Buffer
		code := run(c.args, &o, &e)
		msg := e.String()
		if code != 2 || strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "benchcompare: ") ||
			!strings.Contains(msg, c.want) || !strings.HasSuffix(msg, "(see benchcompare -h)\n") || o.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q; want one line naming %s and exit 2", c.args, code, msg, c.want)
		}
	}
}

func TestList(t *testing.T) {
	var o, e bytes.Buffer
	if code := run([]string{"--list", "--only", "w2d3_stdp,w2d1_t1"}, &o, &e); code != 0 {
		t.Fatalf("--list: exit %d, stderr %q", code, e.String())
	}
	lines := strings.Split(strings.TrimSpace(o.String()), "\n")
	// the rows --only selects, with the course's sizes
	if len(lines) != 2 || !strings.Contains(o.String(), "W2D3 STDP, 120k steps × 300 inputs") ||
		!strings.Contains(o.String(), "W2D1 T1 DeepNetReLU(23589, 10), 50 full-batch epochs") {
		t.Errorf("--list printed\n%s", o.String())
	}
}

func TestWorkerFlagErrors(t *testing.T) {
	var o, e bytes.Buffer
	if code := run([]string{"--worker"}, &o, &e); code != 1 || !strings.Contains(e.String(), "needs a workload name") {
		t.Errorf("--worker without a name: exit %d, stderr %q", code, e.String())
	}
}
