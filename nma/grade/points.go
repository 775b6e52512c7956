package grade

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/nma-go/nma-go/nma/exercise"
)

// Points says how many points each exercise is worth. The zero value is not useful; use
// DefaultPoints or ParsePoints.
//
// The points file has one rule per line, "NAME = POINTS", and "#" comments:
//
//	# points for nma grade
//	default = 1          # every exercise not matched below (default 1)
//	bonus = 0            # exercises of bonus sections (default 0)
//	W2D4.T1.E3 = 2       # one exercise
//	W2D3.T2.* = 0.5      # every exercise whose ID matches the glob (path.Match syntax)
//
// An ID or glob rule wins over bonus and default; among those, the last matching line wins.
// Points are non-negative decimals. Bonus exercises are extra credit: what a student earns
// on them adds to the total but not to the maximum.
type Points struct {
	Default float64
	Bonus   float64
	Rules   []PointsRule
}

// PointsRule gives the exercises whose ID matches Pattern a number of points.
type PointsRule struct {
	Pattern string
	Points  float64
	Line    int
}

// DefaultPoints: 1 point per exercise, 0 for bonus exercises.
func DefaultPoints() Points { return Points{Default: 1, Bonus: 0} }

// For returns the points of an exercise.
func (p Points) For(e exercise.Exercise) float64 {
	v := p.Default
	if e.Bonus {
		v = p.Bonus
	}
	for _, r := range p.Rules {
		if ok, _ := path.Match(r.Pattern, e.ID); ok {
			v = r.Points
		}
	}
	return v
}

// Unused returns the rules that match none of the exercises (a typo, usually).
func (p Points) Unused(exs []exercise.Exercise) []PointsRule {
	var out []PointsRule
	for _, r := range p.Rules {
		used := false
		for _, e := range exs {
			if ok, _ := path.Match(r.Pattern, e.ID); ok {
				used = true
				break
			}
		}
		if !used {
			out = append(out, r)
		}
	}
	return out
}

// ReadPoints reads a points file (see Points for the format).
func ReadPoints(file string) (Points, error) {
	f, err := os.Open(file)
	if err != nil {
		return Points{}, err
	}
	defer f.Close()
	p, err := ParsePoints(f)
	if err != nil {
		return Points{}, fmt.Errorf("%s: %w", file, err)
	}
	return p, nil
}

// ParsePoints parses the points format (see Points).
func ParsePoints(r io.Reader) (Points, error) {
	p := DefaultPoints()
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		name, val = strings.TrimSpace(name), strings.TrimSpace(val)
		if !ok || name == "" || val == "" {
			return Points{}, fmt.Errorf("line %d: %q: want NAME = POINTS, e.g. W2D4.T1.E1 = 2", n, line)
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return Points{}, fmt.Errorf("line %d: points %q: want a number ≥ 0", n, val)
		}
		switch name {
		case "default":
			p.Default = v
		case "bonus":
			p.Bonus = v
		default:
			if strings.ContainsAny(name, " \t") {
				return Points{}, fmt.Errorf("line %d: %q: an exercise ID or glob has no spaces", n, name)
			}
			if _, err := path.Match(name, ""); err != nil {
				return Points{}, fmt.Errorf("line %d: bad pattern %q: %v", n, name, err)
			}
			p.Rules = append(p.Rules, PointsRule{Pattern: name, Points: v, Line: n})
		}
	}
	if err := sc.Err(); err != nil {
		return Points{}, err
	}
	return p, nil
}

// Selection is a list of globs over exercise IDs (--exercises 'W2D3.*,W2D4.T1.E1').
type Selection []string

// ParseSelection splits a comma-separated list of globs and checks their syntax.
func ParseSelection(s string) (Selection, error) {
	var sel Selection
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("bad exercise pattern %q: %v", p, err)
		}
		sel = append(sel, p)
	}
	return sel, nil
}

// Match reports whether an exercise ID is selected (an empty selection selects all).
func (s Selection) Match(id string) bool {
	if len(s) == 0 {
		return true
	}
	for _, p := range s {
		if ok, _ := path.Match(p, id); ok {
			return true
		}
	}
	return false
}

func formatPoints(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
