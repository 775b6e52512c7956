// Package grade grades student notebooks for teaching assistants (`nma grade`).
//
// For each submitted notebook it finds the exercise cells (by their metadata, else by the
// function they define), builds a small Go program from the student's declarations — the
// exercise's functions and whatever they use from other cells — and runs the exercise's
// probe on them in a sandboxed process, one process per exercise. The verdicts become a
// table (student × exercise, points, totals), a CSV gradebook, a CSV of feedback and an HTML
// report, all built with gota dataframes and byte-for-byte reproducible.
//
// Student code is untrusted, and nothing in its process decides anything: the program only
// records the student's outputs on the check's inputs (a transcript) and the grader compares
// them, in its own process, with the solution's, and a failed answer's with the catalogued
// mistakes' (exercise.Exercise.Judge; report.html counts the class's mistakes). Programs
// are built with the build tag nmagrade, without the reference solutions (nor the mistakes).
// The code must obey the rules for graded code, checked on types (typecheck.go: no course
// internals, no library twin of the exercise, no raw memory). Builds and runs happen inside
// bubblewrap (sandbox_linux.go): own user, PID, network and IPC namespaces, a filesystem of
// the program and a size-capped scratch folder only, a syscall filter (no new processes, no
// sockets, no chmod), and limits on time, memory, CPU, files and output. Submissions are
// read with Lstat as regular files only, and student-controlled text in reports is cleaned
// (CleanText, WriteCSV). An endless loop, a panic, a crash, a huge allocation, a compile
// error or a broken notebook fails only that student's exercise, with a reason.
package grade

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/grade/harness"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// DefaultTimeout is how long a check waits for a student's function. The checks take
// milliseconds on a correct function; a program gets Timeout·1.5 + 5 s in all.
const DefaultTimeout = 10 * time.Second

// Options configure Run.
type Options struct {
	Root      string              // the course checkout (module github.com/nma-go/nma-go)
	Exercises []exercise.Exercise // the registry, in course order (exercises/all.Exercises())
	Select    Selection           // which exercises to grade (all when empty)
	Points    *Points             // nil: DefaultPoints
	Jobs      int                 // submissions graded at once (default: number of CPUs)
	Shard     int                 // grade only shard Shard of Shards (1-based), by student
	Shards    int

	Timeout      time.Duration // how long a check waits for the student's function (default DefaultTimeout)
	BuildTimeout time.Duration // per go build (default 2 min)
	Memory       uint64        // address-space limit of a run, bytes (default 2 GiB)

	// TrustedInput grades without the sandbox where it cannot be set up (no bubblewrap, no
	// user namespaces), for code the TA trusts; by default Run refuses there.
	TrustedInput bool

	WorkDir  string    // scratch space (default: a new temporary directory, removed at the end)
	CacheDir string    // keep the built programs here and reuse them in later runs (default: none)
	Log      io.Writer // progress lines, without a prefix (the caller adds its own); default: discard

	// Progress, when set, is called with the exercises graded so far and their total (each
	// submission's exercises; students × exercises when every student hands in every
	// notebook): with 0 once the harness is built, then as each submission is done.
	Progress func(done, total int)
}

// Report is the outcome of grading: one row per student, one column per exercise.
//
// Student-controlled text in it (names, file names, notes, messages) is one line without
// control characters and at most a few hundred characters (CleanText).
type Report struct {
	Exercises []Column
	Students  []*Student
	Shard     string // "k/n" when sharded
	Sandbox   string // the protections that were in force

	// What WriteResults records so that Merge can check that shards fit together.
	course       string   // fingerprint of the course's code and the Go toolchain
	class        []string // every student of the class (all shards), in order
	limits       string   // the run's limits (timeouts, memory)
	shardK       int      // this shard, 1-based (with shardN)
	shardN       int
	sandboxTmpl  string // Sandbox with the harness's reports replaced by a placeholder
	sandboxSep   string
	sandboxParts []string // the harness's reports, sorted
}

// Column is a graded exercise.
type Column struct {
	ID, Title, Notebook string
	Funcs               []string // the functions the check takes
	Points              float64  // earned when the check passes
	Bonus               bool     // extra credit: not part of the maximum
	// Mistakes is the exercise's catalogue of classic mistakes (exercise.Mistake), which
	// the report counts over the class.
	Mistakes []CataloguedMistake `json:",omitempty"`
}

// CataloguedMistake is a classic mistake of an exercise, as the reports name it: what it
// is, and the hint its diagnosis gives.
type CataloguedMistake struct{ Name, Hint string }

// Student is one row of the report.
type Student struct {
	Name   string
	Files  []string // the submissions, as named on the command line
	Notes  []string // problems with the submissions as a whole
	Grades []Grade  // one per column
	Total  float64
	Max    float64
}

// Grade is one student's result on one exercise.
type Grade struct {
	Exercise string
	File     string // the submission it comes from ("" when not submitted)
	Cell     int    // the cell of the student's function (0: none)
	Verdict  outcome.Outcome
	Points   float64
	Max      float64
	Message  string // what differed, or what went wrong
	// Mistake names the catalogued mistake a failed answer looks like (exercise.Diagnose,
	// decided in the grader's process), or "".
	Mistake string `json:",omitempty"`
}

// Passed counts the student's passed exercises.
func (s *Student) Passed() int {
	n := 0
	for _, g := range s.Grades {
		if g.Verdict == outcome.Passed {
			n++
		}
	}
	return n
}

// submission is one notebook file.
type submission struct {
	Path       string // as shown in reports and logs (cleaned of control characters, shortened)
	Abs        string
	Student    string // as shown (cleaned, unique)
	Notebook   string // the course notebook it is, "" if unknown
	nb         *notebook.Notebook
	err        error
	dupOf      string // another copy of the same notebook, graded instead
	dupWhy     string
	base       string      // the folder the student's name is relative to
	raw        string      // the path as found
	rawStudent string      // the student's name as derived from the path
	skip       string      // why this entry is not graded at all (a checkpoint, a hidden folder, …)
	info       os.FileInfo // the file as read
}

// Run grades the notebooks at paths (files, folders, globs).
func Run(paths []string, o Options) (*Report, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	subs, err := expand(paths)
	if err != nil {
		return nil, err
	}
	notebooks := courseNotebooks(o.Exercises)
	nameStudents(subs, notebooks)
	// Identify every submission (cheap) so that every shard has the same columns. Entries
	// that are not graded (checkpoints, hidden folders) are only reported.
	names := studentNames(subs) // every student, also those with only skipped entries
	var graded, skipped []*submission
	for _, s := range subs {
		if s.skip != "" {
			skipped = append(skipped, s)
			continue
		}
		s.read(o.Exercises, notebooks)
		graded = append(graded, s)
	}
	sameFiles(graded)
	subs = graded
	if len(subs) == 0 && len(o.Select) == 0 {
		return nil, noNotebooks(paths, skipped)
	}
	cols := o.columns(subs)
	if len(cols) == 0 {
		return nil, errors.New("no exercise to grade: no submission is a course notebook with exercises" + o.selectHint())
	}
	rep := &Report{class: names}
	if o.Shards > 1 {
		rep.Shard = fmt.Sprintf("%d/%d", o.Shard, o.Shards)
		keep := map[string]bool{}
		for i, n := range names {
			if i%o.Shards == o.Shard-1 {
				keep[n] = true
			}
		}
		var sel []*submission
		for _, s := range subs {
			if keep[s.Student] {
				sel = append(sel, s)
			} else {
				s.nb = nil
			}
		}
		subs = sel
		var selSkipped []*submission
		for _, s := range skipped {
			if keep[s.Student] {
				selSkipped = append(selSkipped, s)
			}
		}
		skipped = selSkipped
		var selNames []string
		for _, n := range names {
			if keep[n] {
				selNames = append(selNames, n)
			}
		}
		names = selNames
	}
	// A student's second copy of the same course notebook is not graded (but noted).
	chooseCopies(subs)
	for _, c := range cols {
		rep.Exercises = append(rep.Exercises, Column{ID: c.ID, Title: c.Title, Notebook: c.Notebook, Funcs: harness.CheckedFuncs(c),
			Points: o.Points.For(c), Bonus: c.Bonus, Mistakes: catalogued(c)})
	}

	work := o.WorkDir
	if work == "" {
		work, err = os.MkdirTemp("", "nma-grade-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(work)
	}
	if err := os.Chmod(work, 0o711); err != nil {
		return nil, err
	}
	g := &grader{auto: autoImports(o.Root)}
	g.b, err = newBuilder(o.Root, work, o.CacheDir, o.BuildTimeout)
	if err != nil {
		return nil, err
	}
	g.r = &runner{timeout: o.Timeout, wall: o.Timeout + o.Timeout/2 + 5*time.Second, memory: o.Memory, fileSize: 64 << 20,
		scratch: filepath.Join(work, "run"), iso: isolationFor(o.TrustedInput), dataDir: dataDir(o.Root)}
	if isolationOverride != nil {
		g.r.iso = *isolationOverride
	}
	if err := os.MkdirAll(g.r.scratch, 0o711); err != nil {
		return nil, err
	}
	var days []string
	for _, c := range cols {
		days = append(days, c.Day())
	}
	sort.Strings(days)
	days = slices.Compact(days)
	if slices.Contains(days, "w2d1") {
		// W2D1's checks load the Stringer et al. data and, without the real files, the
		// synthetic stand-in. It is generated here, once (about a second), and shown to every
		// run where the loaders look for it (runner.standIn) — a run could not cache it.
		dir := filepath.Join(work, "synthetic")
		if _, _, err := data.WriteSynthetic(dir, data.DefaultSynth()); err != nil {
			return nil, fmt.Errorf("generating W2D1's synthetic stand-in: %w", err)
		}
		g.r.standIn = dir
	}
	fmt.Fprintf(o.Log, "%d submissions of %d students, %d exercises; building the harness …\n", len(subs), len(names), len(cols))
	start := time.Now()
	if err := g.b.warmUp(days); err != nil {
		return nil, err
	}
	if err := g.r.probe(g.b.warmBin); err != nil {
		return nil, err
	}

	colsByNotebook := map[string][]exercise.Exercise{}
	for _, c := range cols {
		colsByNotebook[c.Notebook] = append(colsByNotebook[c.Notebook], c)
	}
	results := make([]map[string]Grade, len(subs))
	var firstErr error
	var errMu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	var done int
	prog := newProgress(o.Progress, subs, colsByNotebook)
	for w := 0; w < o.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				s := subs[i]
				t0 := time.Now()
				res, err := g.gradeSubmission(s, colsByNotebook[s.Notebook])
				secs := time.Since(t0).Seconds()
				errMu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s: %w", s.Path, err)
				}
				results[i] = res
				done++
				fmt.Fprintf(o.Log, "[%d/%d] %s (%s): %s [%.1f s]\n", done, len(subs), s.Student, s.Path, summary(res), secs)
				prog.graded(s)
				errMu.Unlock()
			}
		}()
	}
	for i := range subs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	fmt.Fprintf(o.Log, "graded in %.1f s\n", time.Since(start).Seconds())
	rep.Students = assemble(names, append(subs, skipped...), append(results, make([]map[string]Grade, len(skipped))...), rep.Exercises)
	rep.Sandbox = g.sandboxNote()
	rep.course = g.b.finger
	rep.limits = fmt.Sprintf("check timeout %v, memory %d MiB, build timeout %v", o.Timeout, o.Memory>>20, o.BuildTimeout)
	rep.shardK, rep.shardN = o.Shard, o.Shards
	rep.sandboxTmpl, rep.sandboxSep, rep.sandboxParts = sandboxTemplate(g, rep.Sandbox)
	return rep, nil
}

// isolationOverride, set by tests, replaces the platform's default isolation.
var isolationOverride *isolation

// dataDir is where the checks find the course's datasets: $NMA_DATA_DIR, else the
// checkout's data/ folder (the programs run outside the checkout, in a scratch directory).
func dataDir(root string) string {
	if d := os.Getenv("NMA_DATA_DIR"); d != "" {
		return d
	}
	if fi, err := os.Stat(filepath.Join(root, "data")); err == nil && fi.IsDir() {
		return filepath.Join(root, "data")
	}
	return ""
}

func summary(res map[string]Grade) string {
	if len(res) == 0 {
		return "nothing to grade"
	}
	count := map[outcome.Outcome]int{}
	for _, g := range res {
		count[g.Verdict]++
	}
	var parts []string
	for _, v := range outcome.All() {
		if count[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[v], v))
		}
	}
	return strings.Join(parts, ", ")
}

// CheckPlatform says why nma grade cannot grade on this system, or returns nil. The
// sandbox (bubblewrap, seccomp, Landlock) needs Linux; on macOS and other Unix systems
// only notebooks the TA trusts can be graded (trusted: --trusted-input), without it; on
// Windows not even those, as a graded program gets its pipes as file descriptors 3 and 4.
func CheckPlatform(trusted bool) error { return checkPlatform(runtime.GOOS, runtime.GOARCH, trusted) }

func checkPlatform(goos, goarch string, trusted bool) error {
	msg := fmt.Sprintf("grading needs Linux (bubblewrap sandbox); this is %s/%s", goos, goarch)
	switch {
	case goos == "linux":
		return nil
	case goos == "windows":
		return errors.New(msg + ", where graded programs cannot even run unsandboxed (they get their pipes as file descriptors 3 and 4)")
	case !trusted:
		return errors.New(msg + " (to grade notebooks you trust without a sandbox, pass --trusted-input)")
	}
	return nil
}

func (o *Options) defaults() error {
	if err := CheckPlatform(o.TrustedInput); err != nil {
		return err
	}
	if o.Root == "" {
		return errors.New("grade: Options.Root (the course checkout) is required")
	}
	if len(o.Exercises) == 0 {
		return errors.New("grade: no exercises are registered")
	}
	if o.Points == nil {
		p := DefaultPoints()
		o.Points = &p
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	if o.Shards == 0 {
		o.Shard, o.Shards = 1, 1
	}
	if o.Shards < 1 || o.Shard < 1 || o.Shard > o.Shards {
		return fmt.Errorf("grade: shard %d/%d: want 1 ≤ k ≤ n", o.Shard, o.Shards)
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.BuildTimeout <= 0 {
		o.BuildTimeout = 2 * time.Minute
	}
	if o.Memory == 0 {
		o.Memory = 2 << 30
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	for _, p := range o.Select {
		n := 0
		for _, e := range o.Exercises {
			if (Selection{p}).Match(e.ID) {
				n++
			}
		}
		if n == 0 {
			return fmt.Errorf("--exercises %q matches no registered exercise", p)
		}
	}
	return nil
}

func (o *Options) selectHint() string {
	if len(o.Select) == 0 {
		return ""
	}
	return " matching " + strings.Join(o.Select, ",")
}

// columns: with a selection, every selected exercise; otherwise every exercise of the
// course notebooks the submissions are.
func (o *Options) columns(subs []*submission) []exercise.Exercise {
	present := map[string]bool{}
	for _, s := range subs {
		present[s.Notebook] = true
	}
	var cols []exercise.Exercise
	for _, e := range o.Exercises {
		if len(o.Select) > 0 && o.Select.Match(e.ID) || len(o.Select) == 0 && present[e.Notebook] {
			cols = append(cols, e)
		}
	}
	return cols
}

func courseNotebooks(exs []exercise.Exercise) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range exs {
		if !seen[e.Notebook] {
			seen[e.Notebook] = true
			out = append(out, e.Notebook)
		}
	}
	return out
}

// read parses the submission and decides which course notebook it is: the one most of its
// exercise cells' metadata names, else the one its file name contains, else the one whose
// exercise functions it defines most of.
//
// Only the student's own regular files are read (see load): a FIFO, a device, a huge file,
// or a link out of the submission folder or to another student's file is an invalid
// notebook with the reason, never a hang.
func (s *submission) read(exs []exercise.Exercise, notebooks []string) {
	data, err := s.load(notebooks)
	if err == nil {
		s.nb, err = notebook.Parse(data)
	}
	s.err = err
	count := map[string]int{}
	if s.nb != nil {
		byID := map[string]string{}
		for _, e := range exs {
			byID[e.ID] = e.Notebook
		}
		for _, c := range s.nb.Cells {
			if c.CellType != "code" {
				continue
			}
			if nbName, ok := byID[cellExercise(c)]; ok {
				count[nbName]++
			}
		}
	}
	if best := argmax(notebooks, count); best != "" {
		s.Notebook = best
		return
	}
	base := filepath.Base(s.Path)
	for _, n := range notebooks {
		if strings.Contains(base, n) && len(n) > len(s.Notebook) {
			s.Notebook = n
		}
	}
	if s.Notebook != "" || s.nb == nil {
		return
	}
	cells := parseCells(s.nb)
	for _, e := range exs {
		f := harness.CheckedFuncs(e)[0]
		for _, c := range cells {
			if _, ok := c.Funcs[f]; ok {
				count[e.Notebook]++
				break
			}
		}
	}
	s.Notebook = argmax(notebooks, count)
}

func argmax(keys []string, count map[string]int) string {
	best, n := "", 0
	for _, k := range keys {
		if count[k] > n {
			best, n = k, count[k]
		}
	}
	return best
}

// assemble builds the rows: every student, every column, totals. Every note and message
// is cleaned of control characters and shortened (CleanText).
func assemble(names []string, subs []*submission, results []map[string]Grade, cols []Column) []*Student {
	byName := map[string]*Student{}
	var out []*Student
	for _, n := range names {
		st := &Student{Name: CleanText(n, maxNameLen)}
		byName[n] = st
		out = append(out, st)
	}
	note := func(st *Student, format string, args ...any) {
		st.Notes = append(st.Notes, CleanText(fmt.Sprintf(format, args...), maxNoteLen))
	}
	got := map[string]map[string]Grade{}
	invalid := map[string]*submission{}
	skipped := map[string]string{}
	for i, s := range subs {
		st := byName[s.Student]
		path := CleanText(s.Path, maxPathLen)
		switch {
		case s.skip != "":
			note(st, "%s", s.skip)
			if _, ok := skipped[s.Student]; !ok {
				skipped[s.Student] = s.skip
			}
			continue
		case s.dupOf != "":
			why := ""
			if s.dupWhy != "" {
				why = " (" + s.dupWhy + ")"
			}
			note(st, "%s is another copy of %s: not graded; %s was graded instead%s", path, s.Notebook, CleanText(s.dupOf, maxPathLen), why)
		case s.Notebook == "" && s.err != nil:
			note(st, "%s: %s", path, invalidMessage(s.err))
			if _, ok := invalid[s.Student]; !ok {
				invalid[s.Student] = s
			}
		case s.Notebook == "":
			note(st, "%s is not a course notebook with exercises (no exercise cell, no exercise function): not graded", path)
		case s.err != nil:
			note(st, "%s: %s", path, invalidMessage(s.err))
		}
		st.Files = append(st.Files, path)
		if got[s.Student] == nil {
			got[s.Student] = map[string]Grade{}
		}
		for id, g := range results[i] {
			got[s.Student][id] = g
		}
	}
	for i, st := range out {
		key := names[i]
		for _, c := range cols {
			g, ok := got[key][c.ID]
			if !ok {
				g = Grade{Exercise: c.ID, Verdict: outcome.NotSubmitted, Message: "no submitted notebook of this student contains " + c.Notebook}
				if s, bad := invalid[key]; bad {
					g.Verdict, g.File, g.Message = outcome.Invalid, s.Path, invalidMessage(s.err)
				} else if why, ok := skipped[key]; ok {
					g.Message += "; not graded: " + why
				}
			}
			g.File = CleanText(g.File, maxPathLen)
			g.Message = CleanText(g.Message, maxMessageLen)
			g.Mistake = CleanText(g.Mistake, maxNameLen)
			if g.Verdict != outcome.Failed {
				g.Mistake = ""
			}
			g.Max, g.Points = 0, 0
			if !c.Bonus {
				g.Max = c.Points
			}
			if g.Verdict == outcome.Passed {
				g.Points = c.Points
			}
			st.Total += g.Points
			st.Max += g.Max
			st.Grades = append(st.Grades, g)
		}
	}
	return out
}
