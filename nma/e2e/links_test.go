package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/notebook"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(r, "go.mod")); err != nil {
		t.Fatalf("no checkout at %s: %v", r, err)
	}
	return r
}

func mdNotebook(sources ...string) *notebook.Notebook {
	nb := &notebook.Notebook{NBFormat: 4, NBFormatMinor: 5, Metadata: map[string]any{}}
	for _, s := range sources {
		typ := "markdown"
		if strings.HasPrefix(s, "CODE:") {
			typ, s = "code", strings.TrimPrefix(s, "CODE:")
		}
		nb.Cells = append(nb.Cells, &notebook.Cell{CellType: typ, Source: s, Metadata: map[string]any{}})
	}
	return nb
}

// LocalLinks finds Markdown and HTML links and images that point at files of the server,
// and leaves web addresses, anchors, absolute paths, code and code cells alone.
func TestLocalLinks(t *testing.T) {
	nb := mdNotebook(
		"Example output ([solution](../solutions/w2d4/tutorial1.go)):\n\n![](static/W2D4.T1.E1_0.png)",
		"CODE:// [not](a/link.go)",
		`See [GoNB](https://github.com/janpfeifer/gonb), [above](#Setup), [root](/etc/passwd), `+
			"`[code](x.go)`, [a title](../data/README.md \"the data\") and [part](../solutions/w2d1/tutorial1.go#L10).\n"+
			"```\n[fenced](y.go)\n```\n"+
			`<img src="static/x%20y.png" width="400"> <a href="../solutions/w2d2/tutorial1.go">solution</a> <a href="mailto:a@b">mail</a>`,
	)
	got := LocalLinks(nb)
	want := []Link{
		{Cell: 0, Text: "solution", Target: "../solutions/w2d4/tutorial1.go"},
		{Cell: 0, Target: "static/W2D4.T1.E1_0.png", Image: true},
		{Cell: 2, Text: "a title", Target: "../data/README.md"},
		{Cell: 2, Text: "part", Target: "../solutions/w2d1/tutorial1.go"},
		{Cell: 2, Target: "static/x y.png", Image: true},
		{Cell: 2, Target: "../solutions/w2d2/tutorial1.go"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LocalLinks:\n got %+v\nwant %+v", got, want)
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		nb, target, want string
		ok               bool
	}{
		{"notebooks/W2D4_Tutorial1.ipynb", "../solutions/w2d4/tutorial1.go", "solutions/w2d4/tutorial1.go", true},
		{"notebooks/W2D4_Tutorial1.ipynb", "static/a.png", "notebooks/static/a.png", true},
		{"build/e2e/lab/_site/notebooks/X.ipynb", "../solutions/a.go", "build/e2e/lab/_site/solutions/a.go", true},
		// A server rooted at notebooks/ (what `make lab` did): the solutions are above it.
		{"W2D4_Tutorial1.ipynb", "../solutions/w2d4/tutorial1.go", "../solutions/w2d4/tutorial1.go", false},
		{"a/b.ipynb", "../../x", "../x", false},
	} {
		got, ok := Resolve(c.nb, c.target)
		if got != c.want || ok != c.ok {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", c.nb, c.target, got, ok, c.want, c.ok)
		}
	}
}

// The course's own links: every relative link and image of every notebook resolves for a
// server rooted at the checkout (what `nma lab` serves), and the solution links do not for
// a server rooted at notebooks/ — the 404 students met before.
func TestCourseLinksResolveFromTheCheckoutRoot(t *testing.T) {
	root := repoRoot(t)
	nbs, err := filepath.Glob(filepath.Join(root, "notebooks", "*.ipynb"))
	if err != nil || len(nbs) == 0 {
		t.Fatalf("no notebooks: %v", err)
	}
	problems, err := CheckLinks(root, nbs)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("links that do not open from the checkout root:\n%s", strings.Join(problems, "\n"))
	}
	solutions := 0
	for _, nb := range nbs {
		if l, ok := solutionLink(root, "notebooks/"+filepath.Base(nb)); ok && strings.HasPrefix(l.path, "solutions/") {
			solutions++
		}
	}
	if solutions != len(nbs) {
		t.Errorf("%d of %d notebooks have a solution link the browser test can open", solutions, len(nbs))
	}
	bad, err := CheckLinks(filepath.Join(root, "notebooks"), nbs)
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for _, p := range bad {
		if strings.Contains(p, "leaves the server's root") {
			left++
		}
	}
	if left == 0 {
		t.Errorf("rooted at notebooks/, no link leaves the root; the check cannot tell the roots apart")
	}
}

func TestCheckLinksNamesTheProblem(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "notebooks"), 0o755)
	os.MkdirAll(filepath.Join(root, "solutions", "dir"), 0o755)
	os.WriteFile(filepath.Join(root, "solutions", "ok.go"), []byte("package x\n"), 0o644)
	nb := mdNotebook("[ok](../solutions/ok.go) [gone](../solutions/gone.go) [dir](../solutions/dir) [out](../../x.go)")
	data, err := nb.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "notebooks", "N.ipynb")
	os.WriteFile(p, data, 0o644)
	problems, err := CheckLinks(root, []string{p})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 3 || !strings.Contains(problems[0], "N.ipynb cell 1: ../solutions/gone.go") ||
		!strings.Contains(problems[1], "is a folder") || !strings.Contains(problems[2], "leaves the server's root") {
		t.Errorf("problems:\n%s", strings.Join(problems, "\n"))
	}
	if _, err := CheckLinks(filepath.Join(root, "solutions"), []string{p}); err == nil {
		t.Error("a notebook outside the root must be an error")
	}
}

// The site is a working copy of the notebooks laid out like the checkout: its links resolve
// to the checkout's files, and the checkout's notebooks are never written.
func TestSiteLaysOutTheCheckout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := repoRoot(t)
	nb := filepath.Join(root, "notebooks", "W2D4_Tutorial1.ipynb")
	// inside the checkout, as nma e2e's --out must be
	if err := os.MkdirAll(filepath.Join(root, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp(filepath.Join(root, "build"), "e2e-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	s, err := site(root, dir, []string{nb})
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(s, "notebooks", "W2D4_Tutorial1.ipynb")
	if fi, err := os.Lstat(copyPath); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("the working copy %s: %v (a regular file, not a link, so the checkout's notebook is never written)", copyPath, err)
	}
	// solutions/ is a copy (Jupyter's checkpoints land there, not in the checkout), in a
	// folder the go command leaves out of ./... but inside the course's module
	if fi, err := os.Lstat(filepath.Join(s, "solutions")); err != nil || !fi.IsDir() {
		t.Errorf("_site/solutions: %v, want a folder (a copy, not a link)", err)
	}
	if !strings.HasPrefix(filepath.Base(s), "_") {
		t.Errorf("the site %s: its name must start with _ (so go ./... leaves its Go files out)", s)
	}
	if _, err := os.Stat(filepath.Join(s, "go.mod")); err == nil {
		t.Errorf("the site has a go.mod: the notebooks' setup cell would take it for the course's module")
	}
	// what the notebooks' setup cell asks: the module of the notebook's folder is the course's
	cmd := exec.Command("go", "list", "-m")
	cmd.Dir = filepath.Join(s, "notebooks")
	if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "github.com/nma-go/nma-go" {
		t.Errorf("go list -m in the working copy's notebooks/: %q (%v), want github.com/nma-go/nma-go", out, err)
	}
	problems, err := CheckLinks(s, []string{copyPath})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("links of the working copy:\n%s", strings.Join(problems, "\n"))
	}
	if dirs, _ := linkedDirs([]string{nb}); !reflect.DeepEqual(dirs, []string{"solutions"}) {
		t.Errorf("linkedDirs = %v, want [solutions]", dirs)
	}
	l, ok := solutionLink(s, "notebooks/W2D4_Tutorial1.ipynb")
	if !ok || l.Text != "solution" || l.path != "solutions/w2d4/tutorial1.go" {
		t.Errorf("solutionLink = %+v, %v", l, ok)
	}
	// Running it again starts from a clean site.
	os.WriteFile(filepath.Join(s, "notebooks", "stale.ipynb"), []byte("{}"), 0o644)
	if s, err = site(root, dir, []string{nb}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s, "notebooks", "stale.ipynb")); err == nil {
		t.Error("the site kept a file of an earlier run")
	}
}

// solutionLink prefers a link named "solution", else the first link to a Go file.
func TestSolutionLinkChoice(t *testing.T) {
	root := t.TempDir()
	write := func(nb *notebook.Notebook) {
		data, _ := nb.Marshal()
		os.MkdirAll(filepath.Join(root, "notebooks"), 0o755)
		os.WriteFile(filepath.Join(root, "notebooks", "N.ipynb"), data, 0o644)
	}
	write(mdNotebook("[code](../a/x.go) ![](static/p.png)", "[Solution](../solutions/y.go)"))
	if l, ok := solutionLink(root, "notebooks/N.ipynb"); !ok || l.path != "solutions/y.go" || l.Cell != 1 {
		t.Errorf("with a solution link: %+v, %v", l, ok)
	}
	write(mdNotebook("[readme](../README.md) [code](../a/x.go)"))
	if l, ok := solutionLink(root, "notebooks/N.ipynb"); !ok || l.path != "a/x.go" {
		t.Errorf("without one: %+v, %v", l, ok)
	}
	write(mdNotebook("[readme](../README.md)"))
	if l, ok := solutionLink(root, "notebooks/N.ipynb"); ok {
		t.Errorf("without a Go link: %+v", l)
	}
}

func TestPlan(t *testing.T) {
	nbs := []string{"/r/notebooks/W2D1_Tutorial1.ipynb", "/r/notebooks/W2D2_Tutorial1.ipynb", "/r/notebooks/W2D4_Tutorial1.ipynb"}
	names := func(j Job) []string {
		var out []string
		for _, nb := range j.Notebooks {
			out = append(out, strings.TrimSuffix(filepath.Base(nb), ".ipynb"))
		}
		sort.Strings(out)
		return out
	}
	jobs := Plan(nbs, []Frontend{Lab, Classic}, DefaultSmoke)
	if len(jobs) != 2 || jobs[0].Frontend != Lab || jobs[1].Frontend != Classic {
		t.Fatalf("jobs %+v", jobs)
	}
	if got := names(jobs[0]); len(got) != 3 {
		t.Errorf("Lab runs %v, want every notebook", got)
	}
	if got := names(jobs[1]); !reflect.DeepEqual(got, []string{"W2D2_Tutorial1", "W2D4_Tutorial1"}) {
		t.Errorf("classic runs %v, want the smoke test's two", got)
	}
	if got := names(Plan(nbs, []Frontend{Classic}, []string{"all"})[0]); len(got) != 3 {
		t.Errorf("--classic=all runs %v", got)
	}
	if got := names(Plan(nbs, []Frontend{Classic}, []string{" W2D1_Tutorial1.ipynb"})[0]); !reflect.DeepEqual(got, []string{"W2D1_Tutorial1"}) {
		t.Errorf("a name with .ipynb and a space: %v", got)
	}
	if j := Plan(nbs[:1], []Frontend{Classic}, DefaultSmoke)[0]; len(j.Notebooks) != 0 {
		t.Errorf("classic runs %v of a notebook not in its list", j.Notebooks)
	}
	if len(DefaultSmoke) > 3 {
		t.Errorf("the classic Notebook's smoke test runs %d notebooks: keep it small", len(DefaultSmoke))
	}
	for _, n := range DefaultSmoke {
		if _, err := os.Stat(filepath.Join(repoRoot(t), "notebooks", n+".ipynb")); err != nil {
			t.Errorf("DefaultSmoke names %s: %v", n, err)
		}
	}
}

func TestParseFrontend(t *testing.T) {
	for in, want := range map[string]Frontend{"lab": Lab, " classic": Classic, "notebook": Notebook} {
		if f, err := ParseFrontend(in); err != nil || f != want {
			t.Errorf("ParseFrontend(%q) = %q, %v", in, f, err)
		}
	}
	if _, err := ParseFrontend("notebook7"); err == nil || !strings.Contains(err.Error(), `"notebook7"`) {
		t.Errorf("a bad name: %v, want an error naming it", err)
	}
}

// Only a Notebook 6 (or older) serves the classic page the classic driver needs; the
// Notebook 7 of a virtual environment on PATH does not.
func TestClassicVersion(t *testing.T) {
	for out, want := range map[string]bool{"6.4.12\n": true, "5.7.8": true, "7.6.5\n": false, "": false,
		"some warning\n6.4.12\n": true, "10.0.0": false} {
		if got := classicVersion(out); got != want {
			t.Errorf("classicVersion(%q) = %v, want %v", out, got, want)
		}
	}
}

func TestServerArgs(t *testing.T) {
	lab := strings.Join(serverArgs(Lab, "/repo", 8123, false), " ")
	for _, want := range []string{"lab ", "--port=8123", "--ip=127.0.0.1", "--ServerApp.root_dir=/repo", "--expose-app-in-browser", "--no-browser", "--IdentityProvider.token="} {
		if !strings.Contains(lab, want) {
			t.Errorf("Lab's server arguments %q lack %q", lab, want)
		}
	}
	nb7 := serverArgs(Notebook, "/repo", 8125, false)
	if nb7[0] != "notebook" || !strings.Contains(strings.Join(nb7, " "), "--expose-app-in-browser") || !strings.Contains(strings.Join(nb7, " "), "--ServerApp.root_dir=/repo") {
		t.Errorf("Notebook 7 server arguments %q", nb7)
	}
	classic := serverArgs(Classic, "/repo", 8124, true)
	if classic[0] != "notebook" || !strings.Contains(strings.Join(classic, " "), "--notebook-dir=/repo") || classic[len(classic)-1] != "--allow-root" {
		t.Errorf("classic server arguments %q", classic)
	}
}

func TestSliderSummary(t *testing.T) {
	for _, c := range []struct {
		ss   []SliderResult
		want string
	}{
		{nil, "-"},
		{[]SliderResult{{Kind: "precomputed", Changed: true, Millis: 2.4}, {Kind: "precomputed", Changed: true, Millis: 31.6}}, "2 of 2 moved, ≤ 32 ms"},
		{[]SliderResult{{Kind: "precomputed"}, {Kind: "live", Changed: true, Millis: 80}}, "1 of 2 moved, ≤ 80 ms (1 live)"},
		{[]SliderResult{{Kind: "precomputed"}}, "0 of 1 moved"},
	} {
		if got := sliderSummary(c.ss); got != c.want {
			t.Errorf("sliderSummary(%+v) = %q, want %q", c.ss, got, c.want)
		}
	}
}

// Every script the drivers send is a template filled in by Go: a cell index or a string
// must land as a JavaScript literal, never as code.
func TestScriptsQuoteTheirArguments(t *testing.T) {
	js := linkRectJS("__nma.content.widgets[3].node", ".jp-RenderedMarkdown", `so"lution`, `a"); alert(1); ("`)
	if strings.Contains(js, `"a"); alert(1)`) || !strings.Contains(js, `"a\"); alert(1); (\""`) {
		t.Errorf("linkRectJS does not quote its arguments:\n%s", js)
	}
	for _, js := range []string{moveControlJS("X", 2, 5), demoCountJS("X"), scrollDemoJS("X", 1)} {
		if !strings.Contains(js, "X.querySelectorAll(\".nma-demo\")") {
			t.Errorf("script does not use the cell expression:\n%s", js)
		}
	}
	if js := moveControlJS("X", 2, 5); !strings.Contains(js, `[2]`) || !strings.Contains(js, `[5]`) || strings.Contains(js, "%!") {
		t.Errorf("moveControlJS(X, 2, 5):\n%s", js)
	}
}
