package grade

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/outcome"
)

// grader builds and runs the programs of the submissions.
type grader struct {
	auto map[string]string
	b    *builder
	r    *runner
}

func (g *grader) sandboxNote() string {
	g.r.mu.Lock()
	defer g.r.mu.Unlock()
	var parts []string
	for s := range g.r.sandboxes {
		parts = append(parts, s)
	}
	sort.Strings(parts)
	note := fmt.Sprintf("each run: own process with %s; %s; wall-clock limit %v; check timeout %v",
		g.r.iso, strings.Join(parts, " | "), g.r.wall, g.r.timeout)
	if g.r.isoNote != "" {
		note += "; " + g.r.isoNote
	}
	return note
}

// gradeSubmission grades the exercises exs of one submission.
func (g *grader) gradeSubmission(s *submission, exs []exercise.Exercise) (map[string]Grade, error) {
	out := map[string]Grade{}
	if s.dupOf != "" || s.Notebook == "" || len(exs) == 0 {
		return out, nil
	}
	set := func(t *task, v outcome.Outcome, msg string) {
		out[t.Ex.ID] = Grade{Exercise: t.Ex.ID, File: s.Path, Cell: t.Cell, Verdict: v, Message: msg}
	}
	if s.err != nil {
		for _, e := range exs {
			out[e.ID] = Grade{Exercise: e.ID, File: s.Path, Verdict: outcome.Invalid, Message: invalidMessage(s.err)}
		}
		return out, nil
	}
	a := analyse(s.nb, exs, g.auto)
	var runnable []*task
	for _, t := range a.tasks {
		if t.decided() {
			set(t, t.Verdict, t.Message)
		} else {
			runnable = append(runnable, t)
		}
	}
	if len(runnable) == 0 {
		return out, nil
	}
	bins := map[*task]string{}
	for _, group := range groupTasks(runnable) {
		bin, msg, err := g.buildTasks(group)
		if err != nil {
			return nil, err
		}
		switch {
		case msg == "":
			for _, t := range group {
				bins[t] = bin
			}
		case len(group) == 1:
			set(group[0], outcome.CompileError, msg)
		default:
			// Something does not build. The exercises whose code the compiler points at
			// fail; the others are built again without them. If that fails too, each
			// exercise is built on its own: a broken function costs only the exercises
			// that use it.
			broken, rest := splitBroken(group, msg)
			for _, t := range broken {
				set(t, outcome.CompileError, messageFor(t, msg))
			}
			if len(broken) > 0 && len(rest) > 0 {
				bin, msg2, err := g.buildTasks(rest)
				if err != nil {
					return nil, err
				}
				if msg2 == "" {
					for _, t := range rest {
						bins[t] = bin
					}
					continue
				}
				if len(rest) == 1 {
					set(rest[0], outcome.CompileError, msg2)
					continue
				}
			}
			for _, t := range rest {
				bin, msg, err := g.buildTasks([]*task{t})
				if err != nil {
					return nil, err
				}
				if msg != "" {
					set(t, outcome.CompileError, msg)
				} else {
					bins[t] = bin
				}
			}
		}
	}
	// A program that fails during its start-up fails the same way for every exercise it
	// holds: run it once.
	atStart := map[string]Grade{}
	for _, t := range runnable {
		if t.decided() { // rejected by the type checker after its program built (buildTasks)
			set(t, t.Verdict, t.Message)
			continue
		}
		bin, ok := bins[t]
		if !ok {
			continue
		}
		if prev, ok := atStart[bin]; ok {
			set(t, prev.Verdict, prev.Message)
			continue
		}
		res, err := g.r.run(bin, t.Ex.ID)
		if err != nil {
			set(t, outcome.Error, "could not run the program: "+err.Error())
			continue
		}
		v, msg, mistake := g.r.verdictOf(res, t.Ex, strings.Join(t.Funcs, " and "))
		set(t, v, msg)
		if mistake != "" {
			gr := out[t.Ex.ID]
			gr.Mistake = mistake
			out[t.Ex.ID] = gr
		}
		if !res.started && res.output == nil {
			atStart[bin] = Grade{Verdict: v, Message: msg}
		}
	}
	return out, nil
}

// splitBroken separates the tasks whose declarations hold a position the compiler
// reported ("cell 9, line 4: …") from the others.
func splitBroken(tasks []*task, msg string) (broken, rest []*task) {
	for _, t := range tasks {
		if messageFor(t, msg) != "" {
			broken = append(broken, t)
		} else {
			rest = append(rest, t)
		}
	}
	return broken, rest
}

// messageFor keeps the compiler's lines about a task's own declarations.
func messageFor(t *task, msg string) string {
	var out []string
	for _, l := range strings.Split(msg, "\n") {
		var cell, line int
		if _, err := fmt.Sscanf(l, "cell %d, line %d:", &cell, &line); err != nil {
			continue
		}
		for _, it := range t.items {
			if it.Cell == cell && line >= it.Line && line < it.Line+strings.Count(it.Text, "\n")+1 {
				out = append(out, l)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// groupTasks puts exercises in one program when they run the same package-level
// initialisers: a variable whose initialiser calls a function runs at start-up in every
// exercise of its program, so an endless loop or os.Exit there must not cost the
// exercises that do not use it.
func groupTasks(tasks []*task) [][]*task {
	var keys []string
	groups := map[string][]*task{}
	for _, t := range tasks {
		var parts []string
		for _, it := range t.items {
			if it.Init {
				parts = append(parts, fmt.Sprintf("%d:%d:%d", it.Cell, it.Line, it.Col))
			}
		}
		k := strings.Join(parts, ",")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], t)
	}
	out := make([][]*task, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

// buildTasks builds the program for tasks; when the compiler finds an import unused (the
// grader took a local variable for a package), it drops it and builds again. A program that
// builds is then type-checked against the rules for graded code (typecheck.go): each task
// whose code breaks them gets its verdict here (Rejected, naming the cell, line and rule;
// outcome.Error when the grader could not check it) and is not run. The others run from the
// same binary: a rejected task's functions are never called by them (its code that they
// need is part of their own code, and was checked as such).
func (g *grader) buildTasks(tasks []*task) (bin, msg string, err error) {
	var live []*task
	for _, t := range tasks {
		if !t.decided() {
			live = append(live, t)
		}
	}
	if len(live) == 0 {
		return "", "", nil
	}
	var files map[string]string
	for range 3 {
		files = program(live)
		bin, msg, err = g.b.build(files)
		unused := unusedImports(msg)
		if err != nil || msg == "" || len(unused) == 0 {
			break
		}
		drop := map[string]bool{}
		for _, p := range unused {
			drop[p] = true
		}
		for _, t := range live {
			var keep []*importSpec
			for _, is := range t.imports {
				if !drop[is.Path] {
					keep = append(keep, is)
				}
			}
			t.imports = keep
		}
	}
	if err != nil || msg != "" {
		return bin, msg, err
	}
	env, err := typeEnvFor(g.b)
	if err != nil {
		return "", "", err
	}
	verdicts, verr := vetProgram(env, files["student.go"], live)
	for _, t := range live {
		switch f, ok := verdicts[t]; {
		case verr != nil:
			t.Verdict, t.Message = outcome.Error, "the grader could not type-check the program: "+verr.Error()
		case ok:
			t.Verdict, t.Message = f.verdict, f.String()
		}
	}
	return bin, "", nil
}

func invalidMessage(err error) string {
	msg := err.Error()
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return "cannot read the file: " + msg
	}
	return msg
}
