package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/nma-go/nma-go/nma/notebook"
)

// Link is a relative link or image of a notebook's Markdown cell: "[solution](../solutions/w2d4/tutorial1.go)",
// "![](static/x.png)", `<img src="static/x.png">` or `<a href="…">`.
type Link struct {
	Cell   int    // index of the Markdown cell (0-based, among all cells)
	Text   string // the link's text ("" for an image)
	Target string // as written, without #fragment or ?query
	Image  bool
}

var (
	mdLink   = regexp.MustCompile(`(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	htmlLink = regexp.MustCompile(`<(a|img)\b[^>]*?\b(href|src)\s*=\s*"([^"]+)"`)
	scheme   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// relative returns the path part of a link target when it points at a file of the same
// server (no scheme, not only a #fragment, not absolute), unescaped.
func relative(target string) (string, bool) {
	if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || scheme.MatchString(target) {
		return "", false
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if p, err := url.PathUnescape(target); err == nil {
		target = p
	}
	return target, target != ""
}

// LocalLinks lists the relative links and images of a notebook's Markdown cells, in order.
func LocalLinks(nb *notebook.Notebook) []Link {
	var links []Link
	for i, c := range nb.Cells {
		if c.CellType != "markdown" {
			continue
		}
		src := stripCode(c.Source)
		for _, m := range mdLink.FindAllStringSubmatch(src, -1) {
			if t, ok := relative(m[3]); ok {
				links = append(links, Link{Cell: i, Text: m[2], Target: t, Image: m[1] == "!"})
			}
		}
		for _, m := range htmlLink.FindAllStringSubmatch(src, -1) {
			if t, ok := relative(m[3]); ok {
				links = append(links, Link{Cell: i, Target: t, Image: m[1] == "img"})
			}
		}
	}
	return links
}

// codeSpan matches fenced code blocks and inline code, whose brackets are not links.
var codeSpan = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")

func stripCode(md string) string { return codeSpan.ReplaceAllString(md, "") }

// Resolve is the path, relative to the server's root, that a link of the notebook at nbPath
// (relative to the same root, slash-separated) points at. ok is false when the link leaves
// the root: Jupyter cannot open such a file.
func Resolve(nbPath, target string) (p string, ok bool) {
	p = path.Join(path.Dir(nbPath), target)
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return p, false
	}
	return p, true
}

// CheckLinks checks that every relative link and image of the notebooks (paths inside
// root) resolves, for a Jupyter server rooted at root, to a file inside root that exists.
// It returns one problem per broken link: "W2D4_Tutorial1.ipynb cell 12: [solution](../x.go)
// leaves the server's root /repo/notebooks".
func CheckLinks(root string, notebooks []string) ([]string, error) {
	var problems []string
	for _, nbFile := range notebooks {
		nb, err := notebook.Read(nbFile)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, nbFile)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("notebook %s is not inside the server root %s", nbFile, root)
		}
		for _, l := range LocalLinks(nb) {
			where := fmt.Sprintf("%s cell %d: %s", filepath.Base(nbFile), l.Cell+1, l.Target)
			p, ok := Resolve(filepath.ToSlash(rel), l.Target)
			if !ok {
				problems = append(problems, where+" leaves the server's root "+root)
				continue
			}
			fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(p)))
			switch {
			case err != nil:
				problems = append(problems, fmt.Sprintf("%s: %v", where, err))
			case fi.IsDir():
				problems = append(problems, where+" is a folder, not a file")
			}
		}
	}
	return problems, nil
}

// linkedDirs are the top-level folders and files of root (other than notebooks) that the notebooks'
// links point into, e.g. ["solutions"]: the browser test's server root links them next to
// its working copies, so the links resolve there as they do in the checkout.
func linkedDirs(notebooks []string) ([]string, error) {
	seen := map[string]bool{}
	for _, nbFile := range notebooks {
		nb, err := notebook.Read(nbFile)
		if err != nil {
			return nil, err
		}
		for _, l := range LocalLinks(nb) {
			p, ok := Resolve("notebooks/"+filepath.Base(nbFile), l.Target)
			if !ok {
				continue
			}
			if top, _, _ := strings.Cut(p, "/"); top != "notebooks" {
				seen[top] = true
			}
		}
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs, nil
}
