package grade

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Expand turns the command line's files, folders and globs into the submissions, sorted by
// path and without repeats. A folder is searched recursively for .ipynb files (skipping
// hidden folders such as .ipynb_checkpoints). Each submission remembers the folder it was
// found under (the folder argument, a glob's fixed prefix, or the file's own folder), from
// which the student's name is derived.
func Expand(args []string) ([]*submission, error) {
	var out []*submission
	seen := map[string]bool{}
	add := func(p, base string) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		out = append(out, &submission{Path: filepath.ToSlash(filepath.Clean(p)), Abs: abs, base: filepath.Clean(base)})
		return nil
	}
	walk := func(dir, base string) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".ipynb") {
				return add(p, base)
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
				return nil, err
			}
			switch {
			case fi.IsDir():
				b := base
				if b == arg {
					b = m
				}
				if err := walk(m, b); err != nil {
					return nil, err
				}
			case m == arg:
				if err := add(m, filepath.Dir(m)); err != nil {
					return nil, err
				}
			default:
				if err := add(m, base); err != nil {
					return nil, err
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	if len(out) == 0 {
		return nil, fmt.Errorf("no .ipynb files in %s", strings.Join(args, " "))
	}
	return out, nil
}

// globBase is the folder part of a glob before its first wildcard.
func globBase(glob string) string {
	i := strings.IndexAny(glob, "*?[")
	return filepath.Dir(glob[:i] + "x")
}

func (s *submission) rel() string {
	r, err := filepath.Rel(s.base, s.Path)
	if err != nil || strings.HasPrefix(r, "..") {
		return filepath.Base(s.Path)
	}
	return filepath.ToSlash(r)
}

// studentName: the first folder under the base (nbgrader's submitted/<student>/<assignment>/
// layout, or class/<student>/...), else the file name without ".ipynb" and without the
// course notebook's name ("alice_W2D4_Tutorial1.ipynb" → "alice").
func studentName(path, rel string, notebooks []string) string {
	if dir, _, ok := strings.Cut(rel, "/"); ok && dir != "" && dir != "." {
		return dir
	}
	stem := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	name := stem
	for _, n := range notebooks {
		name = strings.ReplaceAll(name, n, "")
	}
	name = strings.Trim(name, "_-. ")
	if name == "" {
		return stem
	}
	return name
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
