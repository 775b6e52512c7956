package notebook

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// The course notebooks are written as Markdown sources (notebooks/src/NAME.md) and built into
// notebooks/NAME.ipynb, so that they diff and review like text and so that every exercise
// stub in a notebook is, by construction, the code in exercises/<day>/. The source format:
//
//   - Markdown text becomes markdown cells; a line "<!-- cell -->" starts a new one.
//   - A fence "```go" … "```" becomes a code cell.
//   - A fence "```go exercise W2D4.T1.E1" becomes an exercise cell: the stubs of the
//     exercise's functions (from exercises/<day>/, with their doc comments) followed by
//     the fence's body, and the metadata {"nma": {"exercise": ID}} plus nbgrader's.
//   - Other fences (```text, ```python) stay inside the markdown.
//   - A line "<!-- setup -->" becomes the setup: SetupText ends the markdown cell around it
//     and a code cell with SetupCode follows (see setup.go, the setup cell's one home).
//   - A line "<!-- primer -->" becomes PrimerText, the pointer to the Go primer (primer.go).

var fenceRE = regexp.MustCompile("^```go(?:\\s+exercise\\s+(\\S+))?\\s*$")

// StubSource returns the stub code of an exercise's functions for an exercise cell.
type StubSource func(id string) (string, error)

// Build turns a Markdown source into a notebook. name (e.g. W2D4_Tutorial1) seeds stable cell ids.
func Build(name string, src []byte, stubs StubSource) (*Notebook, error) {
	nb := &Notebook{
		Metadata: map[string]any{
			"kernelspec":    map[string]any{"display_name": "Go (gonb)", "language": "go", "name": "gonb"},
			"language_info": map[string]any{"codemirror_mode": "", "file_extension": ".go", "mimetype": "", "name": "go", "nbconvert_exporter": "", "pygments_lexer": "", "version": "go1.26"},
		},
		NBFormat: 4, NBFormatMinor: 5,
	}
	var md []string
	flushMD := func() {
		text := strings.Trim(strings.Join(md, "\n"), "\n")
		md = md[:0]
		if text != "" {
			nb.Cells = append(nb.Cells, &Cell{CellType: "markdown", Metadata: map[string]any{}, Source: text})
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line, setupLine := 0, 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.TrimSpace(l) == "<!-- cell -->" {
			flushMD()
			continue
		}
		if strings.TrimSpace(l) == PrimerMarker {
			md = append(md, PrimerText)
			continue
		}
		if strings.TrimSpace(l) == SetupMarker {
			if setupLine > 0 {
				return nil, fmt.Errorf("%s.md:%d: a second %s (the first is on line %d): a notebook has one setup cell", name, line, SetupMarker, setupLine)
			}
			setupLine = line
			for len(md) > 0 && strings.TrimSpace(md[len(md)-1]) == "" {
				md = md[:len(md)-1]
			}
			md = append(md, "", SetupText)
			flushMD()
			nb.Cells = append(nb.Cells, &Cell{CellType: "code", Metadata: map[string]any{}, Source: SetupCode})
			continue
		}
		m := fenceRE.FindStringSubmatch(l)
		if m == nil {
			md = append(md, l)
			continue
		}
		flushMD()
		start := line
		var code []string
		closed := false
		for sc.Scan() {
			line++
			if strings.TrimSpace(sc.Text()) == "```" {
				closed = true
				break
			}
			code = append(code, sc.Text())
		}
		if !closed {
			return nil, fmt.Errorf("%s.md:%d: code fence is never closed", name, start)
		}
		body := strings.Trim(strings.Join(code, "\n"), "\n")
		cell := &Cell{CellType: "code", Metadata: map[string]any{}, Source: body}
		if id := m[1]; id != "" {
			if stubs == nil {
				return nil, fmt.Errorf("%s.md:%d: exercise %s but no stub source", name, start, id)
			}
			stub, err := stubs(id)
			if err != nil {
				return nil, fmt.Errorf("%s.md:%d: exercise %s: %w", name, start, id, err)
			}
			cell.Source = strings.TrimRight(stub, "\n") + "\n\n" + body
			cell.Metadata = ExerciseMetadata(id)
		}
		nb.Cells = append(nb.Cells, cell)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushMD()
	for i, c := range nb.Cells {
		c.ID = fmt.Sprintf("%s-%03d", strings.ToLower(strings.ReplaceAll(name, "_", "-")), i+1)
	}
	return nb, nil
}

// ExerciseMetadata is the metadata of an exercise cell: ours, and nbgrader's (an autograded
// answer cell, schema 3), so a course that runs nbgrader can use the notebooks as they are.
// nbgrader's grade_id allows only letters, digits, '_' and '-', so it is GradeID(id).
func ExerciseMetadata(id string) map[string]any {
	return map[string]any{
		"nma": map[string]any{"exercise": id},
		"nbgrader": map[string]any{
			"grade": false, "grade_id": GradeID(id), "locked": false, "schema_version": 3, "solution": true, "task": false,
		},
	}
}

// GradeID is the nbgrader grade_id of an exercise: its ID with '_' for '.' (W2D4.T1.E1 →
// W2D4_T1_E1), since nbgrader's schema requires ^[a-zA-Z0-9_\-]*$.
func GradeID(id string) string { return strings.ReplaceAll(id, ".", "_") }

var gradeIDRE = regexp.MustCompile(`^(W[0-9]+D[0-9]+)[._](T[0-9]+)[._]([A-Za-z0-9]+)$`)

// ExerciseIDOfGrade is the exercise ID a grade_id names (W2D4_T1_E1, or the older W2D4.T1.E1
// → W2D4.T1.E1), or "" when it is not one of ours.
func ExerciseIDOfGrade(gradeID string) string {
	m := gradeIDRE.FindStringSubmatch(gradeID)
	if m == nil {
		return ""
	}
	return m[1] + "." + m[2] + "." + m[3]
}

// FuncDecls reads the Go files of dir (tests excluded) and returns the source text of the
// named top-level functions, each with its doc comment, exactly as written in the file.
func FuncDecls(dir string, names []string) (map[string]string, error) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		af, err := parser.ParseFile(fset, f, data, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !want[fd.Name.Name] {
				continue
			}
			start := fd.Pos()
			if fd.Doc != nil {
				start = fd.Doc.Pos()
			}
			out[fd.Name.Name] = string(data[fset.Position(start).Offset:fset.Position(fd.End()).Offset])
		}
	}
	for _, n := range names {
		if _, ok := out[n]; !ok {
			return nil, fmt.Errorf("function %s not found in %s", n, dir)
		}
	}
	return out, nil
}

// FindFunc locates a top-level function declaration in a cell's source: from its doc
// comment (the // lines right above it) to the closing brace in the first column. It returns
// the byte span, or ok=false when the cell has no such function.
func FindFunc(src, name string) (start, end int, ok bool) {
	lines := strings.SplitAfter(src, "\n")
	offs := make([]int, len(lines)+1)
	for i, l := range lines {
		offs[i+1] = offs[i] + len(l)
	}
	re := regexp.MustCompile(`^func\s+` + regexp.QuoteMeta(name) + `\s*[\[(]`)
	for i, l := range lines {
		if !re.MatchString(l) {
			continue
		}
		s := i
		for s > 0 && strings.HasPrefix(strings.TrimSpace(lines[s-1]), "//") {
			s--
		}
		if strings.HasSuffix(strings.TrimRight(l, "\n\r \t"), "}") && strings.Contains(l, "{") {
			return offs[s], offs[i+1], true // one-line function
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimRight(lines[j], "\n\r \t") == "}" {
				return offs[s], offs[j+1], true
			}
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// ReplaceFuncs swaps the named functions of a cell's source for the given declarations.
func ReplaceFuncs(src string, decls map[string]string) (string, error) {
	names := make([]string, 0, len(decls))
	for n := range decls {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s, e, ok := FindFunc(src, n)
		if !ok {
			return "", fmt.Errorf("the cell has no top-level function %s", n)
		}
		repl := strings.TrimRight(decls[n], "\n") + "\n"
		src = src[:s] + repl + src[e:]
	}
	return src, nil
}
