package grade

import "github.com/nma-go/nma-go/nma/exercise"

// progress counts the exercises graded for Options.Progress: every submission's exercises
// (those of its course notebook that are graded; none for a second copy or a file that is no
// course notebook), reported as each submission is done.
type progress struct {
	report      func(done, total int)
	perNotebook map[string][]exercise.Exercise
	done, total int
}

// newProgress counts the work in subs and reports 0 of it (nothing when report is nil).
func newProgress(report func(done, total int), subs []*submission, perNotebook map[string][]exercise.Exercise) *progress {
	p := &progress{report: report, perNotebook: perNotebook}
	for _, s := range subs {
		p.total += p.work(s)
	}
	if report != nil {
		report(0, p.total)
	}
	return p
}

// work is the number of exercises graded in s.
func (p *progress) work(s *submission) int {
	if s.dupOf != "" {
		return 0
	}
	return len(p.perNotebook[s.Notebook])
}

// graded reports that s is done. The caller serialises the calls.
func (p *progress) graded(s *submission) {
	p.done += p.work(s)
	if p.report != nil {
		p.report(p.done, p.total)
	}
}
