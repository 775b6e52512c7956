package notebook

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/internal/proc"
	"github.com/nma-go/nma-go/nma/outcome"
)

//go:embed driver.py
var driverPy []byte

// SolutionSource returns, for an exercise ID, the solution declarations of its functions.
type SolutionSource func(id string) (map[string]string, error)

// RunOptions configure Run.
type RunOptions struct {
	Solutions bool           // replace every exercise cell's functions by the solution
	Solution  SolutionSource // required with Solutions
	OutDir    string         // keep executed notebooks here
	HTMLDir   string         // also write them as HTML pages here
	Timeout   time.Duration  // per notebook (and per cell)
	Jobs      int            // notebooks executed at once
	// StaticDir holds the example-output images (<ID>_<k>.png) of the exercise cells. In
	// solutions mode every PNG an exercise cell shows is compared with its file; with
	// UpdateStatic the files are written instead.
	StaticDir    string
	UpdateStatic bool
}

// Result is the outcome of one notebook.
type Result struct {
	Notebook   string
	Mode       string // "student" or "solutions"
	Cells      int    // code cells executed
	Seconds    float64
	Status     outcome.Outcome // Passed, Failed (a cell failed unexpectedly, or stale example images), Crashed (the kernel died), Timeout, Invalid or Error (the runner failed)
	FirstError string          // what went wrong: "cell N: message" of the first unexpected error
	CellTimes  []CellTime
	Executed   *Notebook
}

// driverOutcome is the outcome of driver.py's status: "ok", "timeout" (a cell did not
// finish), "kernel-died", or "error" (nbclient itself failed).
func driverOutcome(status string) outcome.Outcome {
	switch status {
	case "ok":
		return outcome.Passed
	case "timeout":
		return outcome.Timeout
	case "kernel-died":
		return outcome.Crashed
	}
	return outcome.Error
}

// CellTime is how long one code cell took in the kernel.
type CellTime struct {
	Cell    int // 1-based index among all cells
	Seconds float64
}

// OK reports whether the notebook ran as expected.
func (r Result) OK() bool { return r.Status == outcome.Passed }

// Prepare returns the notebook to execute: as shipped (student mode) or with solutions.
func Prepare(nb *Notebook, solutions bool, sol SolutionSource) (*Notebook, error) {
	nb = nb.Clone()
	nb.StripOutputs()
	if !solutions {
		return nb, nil
	}
	if sol == nil {
		return nil, errors.New("solutions mode needs a solution source")
	}
	for i, c := range nb.Cells {
		id := c.ExerciseID()
		if id == "" || c.CellType != "code" {
			continue
		}
		decls, err := sol(id)
		if err != nil {
			return nil, fmt.Errorf("cell %d (%s): %w", i+1, id, err)
		}
		src, err := ReplaceFuncs(c.Source, decls)
		if err != nil {
			return nil, fmt.Errorf("cell %d (%s): %w", i+1, id, err)
		}
		c.Source = src
	}
	return nb, nil
}

// RunBoth executes every notebook in student and in solutions mode (all runs in parallel,
// opts.Jobs at a time); results come notebook by notebook, student first.
func RunBoth(tc *Toolchain, paths []string, opts RunOptions) []Result {
	type job struct {
		path string
		opts RunOptions
	}
	var jobs []job
	for _, p := range paths {
		st, so := opts, opts
		st.Solutions, st.StaticDir, st.UpdateStatic = false, "", false
		so.Solutions = true
		jobs = append(jobs, job{p, st}, job{p, so})
	}
	return runJobs(len(jobs), opts.Jobs, func(i int) Result { return runOne(tc, jobs[i].path, jobs[i].opts) })
}

func runJobs(n, parallel int, run func(i int) Result) []Result {
	if parallel < 1 {
		parallel = 1
	}
	results := make([]Result, n)
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = run(i)
		}()
	}
	wg.Wait()
	return results
}

// Run executes the notebooks (in parallel, opts.Jobs at a time) and returns one result each,
// in the order given.
func Run(tc *Toolchain, paths []string, opts RunOptions) []Result {
	return runJobs(len(paths), opts.Jobs, func(i int) Result { return runOne(tc, paths[i], opts) })
}

func runOne(tc *Toolchain, path string, opts RunOptions) Result {
	name := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	if opts.Timeout <= 0 {
		opts.Timeout = 20 * time.Minute
	}
	res := Result{Notebook: name, Mode: "student"}
	if opts.Solutions {
		res.Mode = "solutions"
	}
	fail := func(status outcome.Outcome, msg string) Result {
		res.Status, res.FirstError = status, msg
		return res
	}
	nb, err := Read(path)
	if err != nil {
		return fail(outcome.Invalid, err.Error()+" (open it in Jupyter to repair it, or restore a course notebook with `make notebooks`)")
	}
	prep, err := Prepare(nb, opts.Solutions, opts.Solution)
	if err != nil {
		return fail(outcome.Invalid, err.Error())
	}
	tmp, err := os.MkdirTemp("", "nma-run-")
	if err != nil {
		return fail(outcome.Error, err.Error())
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "in.ipynb")
	out := filepath.Join(tmp, "out.ipynb")
	drv := filepath.Join(tmp, "driver.py")
	if err := prep.Write(in); err != nil {
		return fail(outcome.Error, err.Error())
	}
	if err := os.WriteFile(drv, driverPy, 0o644); err != nil {
		return fail(outcome.Error, err.Error())
	}
	htmlOut := ""
	if opts.HTMLDir != "" {
		if err := os.MkdirAll(opts.HTMLDir, 0o755); err != nil {
			return fail(outcome.Error, err.Error())
		}
		htmlOut, _ = filepath.Abs(filepath.Join(opts.HTMLDir, name+suffix(opts)+".html"))
	}
	cwd, _ := filepath.Abs(filepath.Dir(path))
	ctx, cancel := context.WithTimeout(context.Background(), opts.Timeout+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, tc.Python, drv, in, out, KernelName, cwd,
		fmt.Sprint(int(opts.Timeout.Seconds())), htmlOut)
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+tc.JupyterDir, "PYDEVD_DISABLE_FILE_VALIDATION=1")
	proc.KillGroupOnCancel(cmd) // nbclient, the kernel and the cell's program
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	res.Seconds = time.Since(start).Seconds()
	if ctx.Err() != nil {
		return fail(outcome.Timeout, fmt.Sprintf("notebook did not finish within %v", opts.Timeout))
	}
	var drvRes struct {
		Status, Message string
		CellSeconds     map[string]float64 `json:"cell_seconds"`
	}
	if err := json.Unmarshal(lastLine(stdout.Bytes()), &drvRes); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if runErr != nil {
			msg = runErr.Error() + ": " + tail(msg, 800)
		}
		return fail(outcome.Error, "nbclient failed: "+msg)
	}
	executed, err := Read(out)
	if err != nil {
		return fail(outcome.Error, err.Error())
	}
	res.Executed = executed
	res.analyze(opts, drvRes.CellSeconds)
	if st := driverOutcome(drvRes.Status); st != outcome.Passed && res.Status == outcome.Passed {
		res.Status, res.FirstError = st, drvRes.Message
	}
	if res.Status == outcome.Passed && opts.Solutions && opts.StaticDir != "" {
		if err := checkStatic(executed, opts.StaticDir, opts.UpdateStatic); err != nil {
			res.Status, res.FirstError = outcome.Failed, err.Error()
		}
	}
	if opts.OutDir != "" {
		if err := os.MkdirAll(opts.OutDir, 0o755); err == nil {
			err = executed.Write(filepath.Join(opts.OutDir, name+suffix(opts)+".ipynb"))
			if err != nil && res.Status == outcome.Passed {
				res.Status, res.FirstError = outcome.Error, err.Error()
			}
		}
	}
	return res
}

func suffix(opts RunOptions) string {
	if opts.Solutions {
		return ".solutions"
	}
	return ""
}

func lastLine(b []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	return lines[len(lines)-1]
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

var ansiRE = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

type output struct {
	OutputType string            `json:"output_type"`
	Name       string            `json:"name"`
	Text       any               `json:"text"`
	Ename      string            `json:"ename"`
	Evalue     string            `json:"evalue"`
	Traceback  []string          `json:"traceback"`
	Data       map[string]any    `json:"data"`
	Metadata   map[string]any    `json:"metadata"`
	Transient  map[string]string `json:"transient"`
}

func joinText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		var b strings.Builder
		for _, x := range t {
			s, _ := x.(string)
			b.WriteString(s)
		}
		return b.String()
	}
	return ""
}

// CellError returns the error text of an executed code cell (error outputs plus what it
// wrote to stderr), or "" when the cell ran cleanly.
func CellError(c *Cell) string {
	var errText, stderr strings.Builder
	for _, raw := range c.Outputs {
		var o output
		if json.Unmarshal(raw, &o) != nil {
			continue
		}
		switch {
		case o.OutputType == "error":
			errText.WriteString(o.Ename + ": " + o.Evalue + "\n" + strings.Join(o.Traceback, "\n") + "\n")
		case o.OutputType == "stream" && o.Name == "stderr":
			t := joinText(o.Text)
			stderr.WriteString(t)
			if strings.Contains(t, "failed to write to GoNB pipe") {
				// a display call failed: the figure or table never reached the notebook
				errText.WriteString("display failed: " + firstLines(t, 2) + "\n")
			}
		}
	}
	if errText.Len() == 0 {
		return ""
	}
	return ansiRE.ReplaceAllString(stderr.String()+errText.String(), "")
}

// CellText returns the text a code cell showed: its stdout and stderr streams and the
// text/plain and text/html of its displays (without images).
func CellText(c *Cell) string {
	var b strings.Builder
	for _, raw := range c.Outputs {
		var o output
		if json.Unmarshal(raw, &o) != nil {
			continue
		}
		if o.OutputType == "stream" {
			b.WriteString(joinText(o.Text))
		}
		if o.Data != nil {
			b.WriteString(joinText(o.Data["text/plain"]))
			b.WriteString(joinText(o.Data["text/html"]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// hasImage reports whether a cell displayed a PNG or SVG, directly or inside HTML (demos).
func hasImage(c *Cell) bool {
	for _, raw := range c.Outputs {
		var o output
		if json.Unmarshal(raw, &o) != nil || o.Data == nil {
			continue
		}
		if joinText(o.Data["image/png"]) != "" || joinText(o.Data["image/svg+xml"]) != "" ||
			strings.Contains(joinText(o.Data["text/html"]), "data:image/png;base64,") {
			return true
		}
	}
	return false
}

// PNGs returns the PNG images a cell displayed, in order.
func PNGs(c *Cell) [][]byte {
	var out [][]byte
	for _, raw := range c.Outputs {
		var o output
		if json.Unmarshal(raw, &o) != nil || o.Data == nil {
			continue
		}
		s := joinText(o.Data["image/png"])
		if s == "" {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(s, "\n", ""))
		if err == nil {
			out = append(out, b)
		}
	}
	return out
}

// analyze sets Status and FirstError from the executed notebook, and the cell times.
func (r *Result) analyze(opts RunOptions, secs map[string]float64) {
	r.Status = outcome.Passed
	for i, c := range r.Executed.Cells {
		if c.CellType != "code" {
			continue
		}
		r.Cells++
		if d, ok := secs[strconv.Itoa(i)]; ok {
			r.CellTimes = append(r.CellTimes, CellTime{Cell: i + 1, Seconds: d})
		}
		msg := CellError(c)
		if m := exercise.NotDonePattern.FindString(msg + "\n" + CellText(c)); m != "" {
			if !opts.Solutions {
				continue // an exercise not done yet: expected in a student notebook
			}
			if r.Status == outcome.Passed {
				r.Status = outcome.Failed
				r.FirstError = fmt.Sprintf("cell %d: %s in the solutions run", i+1, m)
			}
			continue
		}
		if msg == "" && r.Status == outcome.Passed && strings.Contains(c.Source, ".Show()") && !hasImage(c) {
			r.Status = outcome.Failed
			r.FirstError = fmt.Sprintf("cell %d: calls Show() but no figure (PNG/SVG) reached the notebook", i+1)
			continue
		}
		if msg == "" || r.Status != outcome.Passed {
			continue
		}
		r.Status = outcome.Failed
		r.FirstError = fmt.Sprintf("cell %d: %s", i+1, firstLines(msg, 6))
	}
}

func firstLines(s string, n int) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		keep = append(keep, strings.TrimSpace(l))
		if len(keep) == n {
			break
		}
	}
	return strings.Join(keep, " | ")
}

// checkStatic compares (or, with update, writes) the PNGs of each exercise cell with
// dir/<ID>_<k>.png.
func checkStatic(nb *Notebook, dir string, update bool) error {
	for i, c := range nb.Cells {
		id := c.ExerciseID()
		if id == "" {
			continue
		}
		for k, png := range PNGs(c) {
			f := filepath.Join(dir, fmt.Sprintf("%s_%d.png", id, k))
			if update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(f, png, 0o644); err != nil {
					return err
				}
				continue
			}
			old, err := os.ReadFile(f)
			if err != nil {
				return fmt.Errorf("cell %d (%s): example image %s is missing: run `make static`", i+1, id, f)
			}
			if !bytes.Equal(old, png) {
				return fmt.Errorf("cell %d (%s): example image %s is stale (the solution now draws a different figure): run `make static`", i+1, id, f)
			}
		}
	}
	return nil
}

// PrintCellTimes writes every cell's time, for finding slow cells.
func PrintCellTimes(w io.Writer, results []Result) {
	for _, r := range results {
		var sum, mx float64
		for _, c := range r.CellTimes {
			sum += c.Seconds
			mx = max(mx, c.Seconds)
		}
		if len(r.CellTimes) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%s): %d cells, mean %.2f s, max %.2f s:", r.Notebook, r.Mode, len(r.CellTimes), sum/float64(len(r.CellTimes)), mx)
		for _, c := range r.CellTimes {
			fmt.Fprintf(w, " [%d] %.2f", c.Cell, c.Seconds)
		}
		fmt.Fprintln(w)
	}
}

// PrintTable writes the summary table of a run.
func PrintTable(w io.Writer, results []Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NOTEBOOK\tMODE\tCELLS\tSECONDS\tSTATUS\tFIRST UNEXPECTED ERROR")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%s\t%s\n", r.Notebook, r.Mode, r.Cells, r.Seconds, r.Status, tail(r.FirstError, 300))
	}
	tw.Flush()
}
