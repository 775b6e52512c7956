package checkout

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// citation is "data/reference/<file>.md" optionally followed by "§N.N" (or "§N.N–N.N").
var citation = regexp.MustCompile(`data/reference/([A-Za-z0-9_.-]+\.md)(?:\s*§\s*([0-9]+(?:\.[0-9]+)*))?`)

// Every reference the code and the README cite is in the repository, and every cited section
// number is a heading of the cited file.
func TestCitedReferencesExist(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]string{}
	n := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") && filepath.Base(path) != "README.md" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, m := range citation.FindAllStringSubmatch(string(b), -1) {
			n++
			file := filepath.Join(root, "data", "reference", m[1])
			h, ok := headings[file]
			if !ok {
				c, err := os.ReadFile(file)
				if err != nil {
					t.Errorf("%s cites data/reference/%s, which is not in the repository", rel, m[1])
					headings[file] = ""
					continue
				}
				var hs []string
				for _, line := range strings.Split(string(c), "\n") {
					if strings.HasPrefix(line, "#") {
						hs = append(hs, line)
					}
				}
				h = strings.Join(hs, "\n")
				headings[file] = h
			}
			if sec := m[2]; sec != "" && h != "" && !regexp.MustCompile(`(?m)^#+\s+`+regexp.QuoteMeta(sec)+`[.\s]`).MatchString(h) {
				t.Errorf("%s cites data/reference/%s §%s, which has no heading numbered %s", rel, m[1], sec, sec)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no citation of data/reference found: the pattern or the walk is broken")
	}
}
