package grade

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// ResultsFormat names the format of the results files WriteResults writes. Version 2
// writes verdicts as the words of package outcome ("timed out", "error").
const ResultsFormat = "nma-grade-results/2"

// results is the JSON of a results file: a shard's report plus what Merge needs to check
// that the shards fit together.
type results struct {
	Format    string     `json:"format"`
	Shard     int        `json:"shard"`  // 1-based
	Shards    int        `json:"shards"` // 1 when not sharded
	Course    string     `json:"course"` // fingerprint of the course's code and the Go toolchain
	Limits    string     `json:"limits"` // timeouts and memory limit
	Class     []string   `json:"class"`  // every student of the whole class, in order
	Exercises []Column   `json:"exercises"`
	Students  []*Student `json:"students"` // this shard's
	Sandbox   string     `json:"sandbox"`

	// The sandbox note with the harness's reports replaced by sandboxPlaceholder, the
	// separator between reports, and this shard's reports: the merged note is the template
	// with the union of the reports. Empty template: the note cannot be split.
	SandboxTemplate  string   `json:"sandbox_template,omitempty"`
	SandboxSeparator string   `json:"sandbox_separator,omitempty"`
	SandboxReports   []string `json:"sandbox_reports,omitempty"`
}

// WriteResults writes the report as JSON (ResultsFormat): every grade, the columns and
// their points, the sandbox note, and the fingerprints Merge checks. A sharded run's
// results files merge into the report of an unsharded run.
func (r *Report) WriteResults(w io.Writer) error {
	k, n := r.shardK, r.shardN
	if n == 0 {
		k, n = 1, 1
	}
	class := r.class
	if class == nil {
		for _, s := range r.Students {
			class = append(class, s.Name)
		}
	}
	res := results{Format: ResultsFormat, Shard: k, Shards: n, Course: r.course, Limits: r.limits, Class: class,
		Exercises: r.Exercises, Students: r.Students, Sandbox: r.Sandbox,
		SandboxTemplate: r.sandboxTmpl, SandboxSeparator: r.sandboxSep, SandboxReports: r.sandboxParts}
	if res.Students == nil {
		res.Students = []*Student{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(res)
}

// readResults reads one results file; the errors name it.
func readResults(file string) (*results, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	// The format first: another version's file may not even decode.
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: not an nma grade results file: %v", file, err)
	}
	if head.Format != ResultsFormat {
		return nil, fmt.Errorf("%s: format %q, want %q (written by another version of nma grade?)", file, head.Format, ResultsFormat)
	}
	var res results
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&res); err != nil {
		return nil, fmt.Errorf("%s: not an nma grade results file: %v", file, err)
	}
	if res.Shards < 1 || res.Shard < 1 || res.Shard > res.Shards {
		return nil, fmt.Errorf("%s: shard %d/%d is not a shard", file, res.Shard, res.Shards)
	}
	return &res, nil
}

// Merge reads the results files of the shards of one class (written by WriteResults, in
// any order) and returns the report an unsharded run would have made: its CSV and HTML are
// byte-identical. It refuses, naming the file, results that do not fit together: another
// course version or Go toolchain, other exercises or points, other limits, another class,
// different shard counts, a shard given twice or missing, a shard holding students that
// are not its own.
func Merge(files ...string) (*Report, error) {
	if len(files) == 0 {
		return nil, errors.New("no results files")
	}
	var all []*results
	for _, f := range files {
		res, err := readResults(f)
		if err != nil {
			return nil, err
		}
		all = append(all, res)
	}
	first, f0 := all[0], files[0]
	byShard := map[int]string{}
	for i, res := range all {
		f := files[i]
		switch {
		case res.Shards != first.Shards:
			return nil, fmt.Errorf("%s is shard %d/%d but %s is shard %d/%d: not shards of one run", f, res.Shard, res.Shards, f0, first.Shard, first.Shards)
		case res.Course != first.Course:
			return nil, fmt.Errorf("%s was graded with another version of the course or of Go than %s (fingerprint %.12s, not %.12s)", f, f0, res.Course, first.Course)
		case res.Limits != first.Limits:
			return nil, fmt.Errorf("%s was graded with other limits than %s (%s, not %s)", f, f0, res.Limits, first.Limits)
		}
		if why := sameColumns(res.Exercises, first.Exercises); why != "" {
			return nil, fmt.Errorf("%s grades other exercises or points than %s: %s", f, f0, why)
		}
		for _, s := range res.Students {
			if s == nil || len(s.Grades) != len(res.Exercises) {
				return nil, fmt.Errorf("%s: a student's row does not have one grade per exercise", f)
			}
		}
		if !slices.Equal(res.Class, first.Class) {
			return nil, fmt.Errorf("%s is from another class than %s (%d students, not %d%s): were the shards given the same submissions?", f, f0,
				len(res.Class), len(first.Class), firstDifference(res.Class, first.Class))
		}
		if (res.SandboxTemplate == "") != (first.SandboxTemplate == "") || res.SandboxTemplate != "" &&
			(res.SandboxTemplate != first.SandboxTemplate || res.SandboxSeparator != first.SandboxSeparator) {
			return nil, fmt.Errorf("%s was graded in another sandbox than %s (%q, not %q)", f, f0, res.Sandbox, first.Sandbox)
		}
		if prev, ok := byShard[res.Shard]; ok {
			return nil, fmt.Errorf("%s and %s are both shard %d/%d", prev, f, res.Shard, res.Shards)
		}
		byShard[res.Shard] = f
		// The shard must hold exactly its own students (every n-th of the class).
		var want []string
		for j, n := range res.Class {
			if j%res.Shards == res.Shard-1 {
				want = append(want, n)
			}
		}
		var have []string
		for _, s := range res.Students {
			have = append(have, s.Name)
		}
		if !slices.Equal(have, want) {
			return nil, fmt.Errorf("%s does not hold the students of shard %d/%d (%d students, want %d%s)", f, res.Shard, res.Shards,
				len(have), len(want), firstDifference(have, want))
		}
	}
	var missing []string
	for k := 1; k <= first.Shards; k++ {
		if _, ok := byShard[k]; !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", k, first.Shards))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("shard %s missing: have %s", strings.Join(missing, ", "), strings.Join(files, ", "))
	}

	rank := map[string]int{}
	for i, n := range first.Class {
		rank[n] = i
	}
	rep := &Report{Exercises: first.Exercises, course: first.Course, class: first.Class, limits: first.Limits, shardK: 1, shardN: 1}
	reports := map[string]bool{}
	var notes []string
	for _, res := range all {
		rep.Students = append(rep.Students, res.Students...)
		for _, p := range res.SandboxReports {
			reports[p] = true
		}
		if !containsString(notes, res.Sandbox) {
			notes = append(notes, res.Sandbox)
		}
	}
	sort.Slice(rep.Students, func(i, j int) bool { return rank[rep.Students[i].Name] < rank[rep.Students[j].Name] })
	if first.SandboxTemplate != "" {
		for p := range reports {
			rep.sandboxParts = append(rep.sandboxParts, p)
		}
		sort.Strings(rep.sandboxParts)
		rep.sandboxTmpl, rep.sandboxSep = first.SandboxTemplate, first.SandboxSeparator
		rep.Sandbox = strings.Replace(rep.sandboxTmpl, sandboxPlaceholder, strings.Join(rep.sandboxParts, rep.sandboxSep), 1)
	} else {
		sort.Strings(notes)
		rep.Sandbox = strings.Join(notes, " / ")
	}
	return rep, nil
}

// sandboxPlaceholder stands for the harness's reports in a sandbox note's template.
const sandboxPlaceholder = "\x00nma-grade-sandbox-1\x00"

// sandboxTemplate splits the grader's sandbox note into a template (the harness's reports
// replaced by sandboxPlaceholder), the separator between reports, and the reports, so that
// Merge can rebuild the note an unsharded run would have written. It returns empty strings
// when the note does not split that way.
func sandboxTemplate(g *grader, note string) (tmpl, sep string, parts []string) {
	g.r.mu.Lock()
	saved := g.r.sandboxes
	for p := range saved {
		parts = append(parts, p)
	}
	sort.Strings(parts)
	const p2 = "\x00nma-grade-sandbox-2\x00"
	g.r.sandboxes = map[string]bool{sandboxPlaceholder: true}
	g.r.mu.Unlock()
	one := g.sandboxNote()
	g.r.mu.Lock()
	g.r.sandboxes = map[string]bool{sandboxPlaceholder: true, p2: true}
	g.r.mu.Unlock()
	two := g.sandboxNote()
	g.r.mu.Lock()
	g.r.sandboxes = saved
	g.r.mu.Unlock()

	i, j := strings.Index(two, sandboxPlaceholder), strings.Index(two, p2)
	if strings.Count(one, sandboxPlaceholder) != 1 || i < 0 || j < i+len(sandboxPlaceholder) {
		return "", "", nil
	}
	sep = two[i+len(sandboxPlaceholder) : j]
	if strings.Replace(one, sandboxPlaceholder, sandboxPlaceholder+sep+p2, 1) != two ||
		strings.Replace(one, sandboxPlaceholder, strings.Join(parts, sep), 1) != note {
		return "", "", nil
	}
	return one, sep, parts
}

// sameColumns says how two results' columns differ ("" when they do not).
func sameColumns(a, b []Column) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d exercises, not %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		switch {
		case x.ID != y.ID:
			return fmt.Sprintf("exercise %d is %s, not %s", i+1, x.ID, y.ID)
		case x.Points != y.Points || x.Bonus != y.Bonus:
			return fmt.Sprintf("%s is worth %s%s, not %s%s", x.ID, formatPoints(x.Points), bonusWord(x.Bonus), formatPoints(y.Points), bonusWord(y.Bonus))
		case !reflect.DeepEqual(x, y):
			return fmt.Sprintf("%s is described differently (another course version?)", x.ID)
		}
	}
	return ""
}

func bonusWord(b bool) string {
	if b {
		return " (bonus)"
	}
	return ""
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("; first difference: %q, not %q", CleanText(a[i], maxNameLen), CleanText(b[i], maxNameLen))
		}
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
