// Package notebook reads and writes Jupyter notebooks (.ipynb, nbformat 4), builds the course
// notebooks from their Markdown sources (Build; BuildAll for notebooks/src, as `nma notebooks`
// does, without ever replacing a notebook someone worked in), swaps exercise stubs for
// solutions, and executes notebooks headless through the GoNB kernel with Jupyter's nbclient
// (Run; each Result's Status is an outcome.Outcome). Installing Jupyter is package install's.
package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Notebook is an nbformat-4 notebook. Unknown metadata is kept as raw JSON.
type Notebook struct {
	Cells         []*Cell        `json:"cells"`
	Metadata      map[string]any `json:"metadata"`
	NBFormat      int            `json:"nbformat"`
	NBFormatMinor int            `json:"nbformat_minor"`
}

// Cell is one notebook cell. Source is kept as one string (Jupyter stores a list of lines).
type Cell struct {
	CellType       string            `json:"cell_type"`
	ExecutionCount *int              `json:"execution_count,omitempty"`
	ID             string            `json:"id,omitempty"`
	Metadata       map[string]any    `json:"metadata"`
	Outputs        []json.RawMessage `json:"outputs,omitempty"`
	Source         string            `json:"-"`
}

type cellJSON struct {
	CellType       string            `json:"cell_type"`
	ExecutionCount *int              `json:"execution_count,omitempty"`
	ID             string            `json:"id,omitempty"`
	Metadata       map[string]any    `json:"metadata"`
	Outputs        []json.RawMessage `json:"outputs,omitempty"`
	Source         any               `json:"source"`
}

// UnmarshalJSON accepts a source given as a string or a list of lines.
func (c *Cell) UnmarshalJSON(b []byte) error {
	var raw cellJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*c = Cell{CellType: raw.CellType, ExecutionCount: raw.ExecutionCount, ID: raw.ID, Metadata: raw.Metadata, Outputs: raw.Outputs}
	switch s := raw.Source.(type) {
	case string:
		c.Source = s
	case []any:
		var sb strings.Builder
		for _, l := range s {
			str, ok := l.(string)
			if !ok {
				return fmt.Errorf("cell source line is %T, not a string", l)
			}
			sb.WriteString(str)
		}
		c.Source = sb.String()
	case nil:
	default:
		return fmt.Errorf("cell source is %T, want a string or a list of strings", s)
	}
	if c.Metadata == nil {
		c.Metadata = map[string]any{}
	}
	return nil
}

// MarshalJSON writes the source as a list of lines, as Jupyter does. Code cells always carry
// execution_count (null) and outputs ([]), as nbformat requires.
func (c *Cell) MarshalJSON() ([]byte, error) {
	lines := splitLines(c.Source)
	md := c.Metadata
	if md == nil {
		md = map[string]any{}
	}
	if c.CellType != "code" {
		return json.Marshal(cellJSON{CellType: c.CellType, ID: c.ID, Metadata: md, Source: lines})
	}
	type codeJSON struct {
		CellType       string            `json:"cell_type"`
		ExecutionCount *int              `json:"execution_count"`
		ID             string            `json:"id,omitempty"`
		Metadata       map[string]any    `json:"metadata"`
		Outputs        []json.RawMessage `json:"outputs"`
		Source         []string          `json:"source"`
	}
	outs := c.Outputs
	if outs == nil {
		outs = []json.RawMessage{}
	}
	return json.Marshal(codeJSON{CellType: "code", ExecutionCount: c.ExecutionCount, ID: c.ID, Metadata: md, Outputs: outs, Source: lines})
}

func splitLines(s string) []string {
	if s == "" {
		return []string{}
	}
	parts := strings.SplitAfter(s, "\n")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// Parse decodes a notebook and checks that it is one.
func Parse(data []byte) (*Notebook, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("the file is empty, not a notebook")
	}
	var nb Notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("not valid notebook JSON: %w", err)
	}
	if nb.NBFormat != 4 {
		return nil, fmt.Errorf("nbformat %d is not supported (want 4)", nb.NBFormat)
	}
	for i, c := range nb.Cells {
		if c == nil {
			return nil, fmt.Errorf("cell %d is null", i+1)
		}
	}
	return &nb, nil
}

// Read loads a notebook file; the error names the file.
func Read(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return nb, nil
}

// Marshal encodes the notebook as Jupyter does: one-space indentation, sorted metadata keys,
// a trailing newline. The output is deterministic.
func (nb *Notebook) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(nb); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write saves the notebook to path.
func (nb *Notebook) Write(path string) error {
	data, err := nb.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// ExerciseID returns the exercise ID in the cell's metadata: ours ("nma": {"exercise": ID}),
// else the one nbgrader's grade_id names (see GradeID), else "".
func (c *Cell) ExerciseID() string {
	if m, ok := c.Metadata["nma"].(map[string]any); ok {
		if id, _ := m["exercise"].(string); id != "" {
			return id
		}
	}
	if m, ok := c.Metadata["nbgrader"].(map[string]any); ok {
		if gid, ok := m["grade_id"].(string); ok {
			return ExerciseIDOfGrade(gid)
		}
	}
	return ""
}

// Clone returns a deep copy.
func (nb *Notebook) Clone() *Notebook {
	data, err := json.Marshal(nb)
	if err != nil {
		panic(err)
	}
	out, err := Parse(data)
	if err != nil {
		panic(err)
	}
	return out
}

// StripOutputs removes outputs and execution counts (notebooks are committed clean).
func (nb *Notebook) StripOutputs() {
	for _, c := range nb.Cells {
		c.Outputs = nil
		c.ExecutionCount = nil
	}
}
