package grade

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
)

// MaxNotebookSize is the largest submission the grader reads; a larger file is an invalid
// notebook (a real notebook with all its figures is a few MiB).
const MaxNotebookSize = 20 << 20

// Expand turns the command line's files, folders and globs into the submissions, sorted by
// path and without repeats. A folder is searched recursively for .ipynb files. Each
// submission remembers the folder it was found under (the folder argument, a glob's fixed
// prefix, or the file's own folder), from which the student's name is derived.
//
// Notebooks the grader will not read — in hidden folders such as .ipynb_checkpoints, behind
// a symbolic link to a folder, in a folder that cannot be read — are left out here; Run
// reports them (expand returns them too).
func Expand(args []string) ([]*submission, error) {
	all, err := expand(args)
	if err != nil {
		return nil, err
	}
	var out []*submission
	for _, s := range all {
		if s.skip == "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, noNotebooks(args, all)
	}
	return out, nil
}

func noNotebooks(args []string, all []*submission) error {
	msg := "no .ipynb files in " + strings.Join(args, " ")
	if len(all) > 0 {
		msg += fmt.Sprintf(" (%d not graded: %s)", len(all), all[0].skip)
	}
	return errors.New(CleanText(msg, maxErrorLen))
}

// expand is Expand with the entries that are not graded (skip says why).
func expand(args []string) ([]*submission, error) {
	var out []*submission
	seen := map[string]bool{}
	add := func(p, base, skip string) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		raw := filepath.ToSlash(filepath.Clean(p))
		s := &submission{Path: CleanText(raw, maxPathLen), raw: raw, Abs: abs, base: filepath.Clean(base)}
		if skip == "" {
			skip = hiddenSkip(s)
		}
		if skip != "" {
			s.skip = CleanText(s.Path+" "+skip, maxNoteLen)
		}
		out = append(out, s)
		return nil
	}
	walk := func(dir, base string) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir || d == nil {
					return err
				}
				// An unreadable folder below the argument costs only its student.
				return add(p, base, "cannot be read ("+errorText(err)+"): its notebooks are not graded")
			}
			if p == dir {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && !strings.HasSuffix(d.Name(), ".ipynb") {
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					return add(p, base, "is a symbolic link to a folder: not followed, its notebooks are not graded")
				}
				return nil
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".ipynb") {
				return add(p, base, "")
			}
			return nil
		})
	}
	for _, arg := range args {
		var matches []string
		base := arg
		if strings.ContainsAny(arg, "*?[") {
			m, err := filepath.Glob(arg)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", arg, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			matches = m
			base = globBase(arg)
		} else {
			matches = []string{arg}
		}
		sort.Strings(matches)
		for _, m := range matches {
			fi, err := os.Stat(m)
			if err != nil {
				return nil, errors.New(CleanText(err.Error(), maxErrorLen))
			}
			switch {
			case fi.IsDir():
				b := base
				if b == arg {
					b = m
				}
				root := m
				if li, err := os.Lstat(m); err == nil && li.Mode()&fs.ModeSymlink != 0 {
					root = m + string(filepath.Separator) // a folder argument that is a link: walk its target
				}
				if err := walk(root, b); err != nil {
					return nil, errors.New(CleanText(err.Error(), maxErrorLen))
				}
			case m == arg:
				if err := add(m, filepath.Dir(m), ""); err != nil {
					return nil, err
				}
			default:
				if err := add(m, base, ""); err != nil {
					return nil, err
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].raw < out[j].raw })
	if len(out) == 0 {
		return nil, fmt.Errorf("no .ipynb files in %s", strings.Join(args, " "))
	}
	return out, nil
}

// hiddenSkip: a notebook under a hidden folder (below the folder argument) is not graded.
// Jupyter keeps its autosaves in .ipynb_checkpoints; any other hidden folder is reported
// as such.
func hiddenSkip(s *submission) string {
	dirs := strings.Split(s.rel(), "/")
	dirs = dirs[:len(dirs)-1]
	for i, d := range dirs {
		if !strings.HasPrefix(d, ".") || d == "." || d == ".." {
			continue
		}
		if d == ".ipynb_checkpoints" {
			return "is a Jupyter checkpoint (an autosave in .ipynb_checkpoints): not graded"
		}
		return fmt.Sprintf("is in the hidden folder %s: not graded (name the folder on the command line to grade it)", strings.Join(dirs[:i+1], "/"))
	}
	return ""
}

// globBase is the folder part of a glob before its first wildcard.
func globBase(glob string) string {
	i := strings.IndexAny(glob, "*?[")
	return filepath.Dir(glob[:i] + "x")
}

// rel is the submission's path relative to its base folder, with slashes.
func (s *submission) rel() string {
	p := s.raw
	if p == "" {
		p = s.Path
	}
	r, err := filepath.Rel(s.base, filepath.FromSlash(p))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.Base(p)
	}
	return filepath.ToSlash(r)
}

// copyRE matches the names that browsers, file managers, Jupyter and Colab give copies:
// "X (1)", "X-Copy1", "X copy", "X copy 2", "Copy of X", and Jupyter's "X-checkpoint" (not
// "X_copy", which may be a name of its own).
var copyRE = regexp.MustCompile(`(?i)^copy of | ?\(\d+\)$|-copy\d*$| copy(?: \d+)?$|-checkpoint$`)

// stripCopy removes the copy markers from a file name without extension.
func stripCopy(stem string) string {
	for {
		s := copyRE.ReplaceAllString(stem, "")
		if s == stem || s == "" {
			return stem
		}
		stem = s
	}
}

// isCopyName: the file's name is that of a copy ("W2D4_Tutorial1 (1).ipynb").
func isCopyName(path string) bool {
	stem := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	return stripCopy(stem) != stem
}

// studentName: the first folder under the base (nbgrader's submitted/<student>/<assignment>/
// layout, or class/<student>/...), else the file name without ".ipynb", without the course
// notebook's name and without copy markers ("alice_W2D4_Tutorial1 (1).ipynb" → "alice").
func studentName(path, rel string, notebooks []string) string {
	if dir, _, ok := strings.Cut(rel, "/"); ok && dir != "" && dir != "." {
		return dir
	}
	stem := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	name := stripCopy(stem)
	for _, n := range notebooks {
		name = strings.ReplaceAll(name, n, "")
	}
	name = strings.Trim(name, "_-. ")
	if name == "" {
		return stem
	}
	return name
}

// nameStudents sets every submission's student: its raw name (from the path) and the name
// shown in reports (cleaned of control characters, shortened, and unique). A notebook that
// is not graded (a checkpoint, a hidden folder) belongs to the student it would belong to
// without the hidden folders, when that student has graded notebooks.
func nameStudents(subs []*submission, notebooks []string) {
	graded := map[string]bool{}
	for _, s := range subs {
		s.rawStudent = studentName(s.raw, s.rel(), notebooks)
		if s.skip == "" {
			graded[s.rawStudent] = true
		}
	}
	for _, s := range subs {
		if s.skip == "" || graded[s.rawStudent] {
			continue
		}
		var parts []string
		for _, p := range strings.Split(s.rel(), "/") {
			if !strings.HasPrefix(p, ".") {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue
		}
		rel := strings.Join(parts, "/")
		if alt := studentName(rel, rel, notebooks); graded[alt] {
			s.rawStudent = alt
		}
	}
	var raws []string
	for _, s := range subs {
		raws = append(raws, s.rawStudent)
	}
	sort.Strings(raws)
	display := map[string]string{}
	used := map[string]bool{}
	for _, r := range raws {
		if _, ok := display[r]; ok {
			continue
		}
		d := CleanText(r, maxNameLen)
		if d == "" {
			d = "(no name)"
		}
		for i := 2; used[d]; i++ {
			d = fmt.Sprintf("%s (%d)", CleanText(r, maxNameLen-12), i)
		}
		used[d] = true
		display[r] = d
	}
	for _, s := range subs {
		s.Student = display[s.rawStudent]
	}
}

func studentNames(subs []*submission) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range subs {
		if !seen[s.Student] {
			seen[s.Student] = true
			out = append(out, s.Student)
		}
	}
	sort.Strings(out)
	return out
}

// load reads the submission's bytes, refusing what is not the student's own notebook: a
// FIFO, device or socket (never opened, so never a hang), a file larger than
// MaxNotebookSize, and a symbolic link that leads out of the folder the submission was
// found in or to another student's file. The file is checked before it is opened and
// again, on the open descriptor, after.
func (s *submission) load(notebooks []string) ([]byte, error) {
	fi, err := os.Lstat(s.Abs)
	if err != nil {
		return nil, err
	}
	link := fi.Mode()&fs.ModeSymlink != 0
	real, err := filepath.EvalSymlinks(s.Abs)
	if err != nil {
		if link {
			return nil, fmt.Errorf("a symbolic link that leads nowhere (%s): not read", errorText(err))
		}
		return nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	if why := s.foreign(real, link, notebooks); why != "" {
		return nil, errors.New(why)
	}
	target := s.Abs
	if link {
		if fi, err = os.Lstat(real); err != nil {
			return nil, err
		}
		target = real
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(fi.Mode(), link)
	}
	if fi.Size() > MaxNotebookSize {
		return nil, tooLarge(fi.Size())
	}
	// O_NONBLOCK: should the file have become a FIFO since the check, opening it does not
	// wait for a writer.
	f, err := os.OpenFile(target, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi2, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi2.Mode().IsRegular() {
		return nil, notRegular(fi2.Mode(), link)
	}
	if !os.SameFile(fi, fi2) {
		return nil, errors.New("replaced by another file while being read: not read (grade again)")
	}
	if fi2.Size() > MaxNotebookSize {
		return nil, tooLarge(fi2.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxNotebookSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxNotebookSize {
		return nil, tooLarge(int64(len(data)))
	}
	s.info = fi2
	return data, nil
}

// foreign says why the file at real (the submission with its links resolved) is not the
// student's own: outside the folder it was found in, or another student's.
func (s *submission) foreign(real string, link bool, notebooks []string) string {
	base, err := filepath.EvalSymlinks(s.base)
	if err == nil {
		base, err = filepath.Abs(base)
	}
	if err != nil {
		return "cannot resolve the folder it is in (" + errorText(err) + "): not read"
	}
	what := "a symbolic link to " + real
	if !link {
		what = "reached through a symbolic link, at " + real
	}
	rel, err := filepath.Rel(base, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return fmt.Sprintf("%s, outside %s: not followed, not graded", what, s.base)
	}
	rel = filepath.ToSlash(rel)
	if owner := studentName(real, rel, notebooks); owner != s.rawStudent {
		return fmt.Sprintf("%s, a file of %s: not graded as %s's work", what, owner, s.rawStudent)
	}
	return ""
}

func notRegular(m fs.FileMode, link bool) error {
	what := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO), not a regular file"
	case m&fs.ModeSocket != 0:
		what = "a socket, not a regular file"
	case m&fs.ModeCharDevice != 0:
		what = "a character device, not a regular file"
	case m&fs.ModeDevice != 0:
		what = "a block device, not a regular file"
	case m.IsDir():
		what = "a folder, not a notebook file"
	}
	if link {
		return fmt.Errorf("a symbolic link to %s: not read", what)
	}
	return fmt.Errorf("%s: not read", what)
}

func tooLarge(n int64) error {
	return fmt.Errorf("too large: %s, more than the %s a notebook may have; not read", formatSize(n), formatSize(MaxNotebookSize))
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// errorText is an error without the path an *fs.PathError repeats.
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// sameFiles: a file submitted by two students (a hard link, or a link the checks above
// cannot see) is graded for neither; the note names the other student.
func sameFiles(subs []*submission) {
	bySize := map[int64][]*submission{}
	for _, s := range subs {
		if s.info != nil && s.err == nil {
			bySize[s.info.Size()] = append(bySize[s.info.Size()], s)
		}
	}
	marked := map[*submission]error{}
	for _, group := range bySize {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if a.rawStudent == b.rawStudent || !os.SameFile(a.info, b.info) {
					continue
				}
				if marked[a] == nil {
					marked[a] = fmt.Errorf("the same file as %s, submitted by %s (a hard link?): not graded, check by hand", b.Path, b.Student)
				}
				if marked[b] == nil {
					marked[b] = fmt.Errorf("the same file as %s, submitted by %s (a hard link?): not graded, check by hand", a.Path, a.Student)
				}
			}
		}
	}
	for s, err := range marked {
		s.err, s.nb = err, nil
	}
}

// chooseCopies: when a student handed in the same course notebook more than once, one copy
// is graded and the others are noted. The graded one is a valid notebook rather than a
// broken one, then the one with a plain name rather than a copy's ("X.ipynb", not
// "X (1).ipynb" or "Copy of X.ipynb"), then the first by path.
func chooseCopies(subs []*submission) {
	groups := map[[2]string][]*submission{}
	var keys [][2]string
	for _, s := range subs {
		if s.Notebook == "" || s.skip != "" {
			continue
		}
		k := [2]string{s.Student, s.Notebook}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], s)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool {
			a, b := g[i], g[j]
			if (a.err == nil) != (b.err == nil) {
				return a.err == nil
			}
			if ca, cb := isCopyName(a.raw), isCopyName(b.raw); ca != cb {
				return !ca
			}
			return a.raw < b.raw
		})
		first := g[0]
		for _, s := range g[1:] {
			why := "the first by name"
			switch {
			case first.err == nil && s.err != nil:
				why = "this one is not a valid notebook"
			case !isCopyName(first.raw) && isCopyName(s.raw):
				why = "a name like this one's is a copy's"
			}
			s.dupOf = first.Path
			s.dupWhy = why
		}
	}
}
