package notebook

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BuildOptions configure BuildAll.
type BuildOptions struct {
	// Names limits the build to these notebooks (e.g. W2D4_Tutorial1; a .md or .ipynb
	// suffix and a folder are ignored); all of notebooks/src when empty.
	Names []string
	// Write replaces the notebooks that differ from their source; without it BuildAll only
	// reports them (nma notebooks --check).
	Write bool
	// Force also replaces notebooks that hold outputs — someone worked in them (nma notebooks
	// --force). Whatever is replaced is first copied to <root>/.nma/backup either way.
	Force bool
	// Log gets one line per notebook written (nil: none).
	Log io.Writer
}

// BuildAll builds <root>/notebooks/src/NAME.md into <root>/notebooks/NAME.ipynb (see Build),
// with the exercise stubs from stubs. It returns the notebooks whose committed .ipynb
// differs from the build, in name order, and with o.Write writes them.
//
// It never loses work: a notebook that was executed (it holds outputs or execution counts,
// which committed course notebooks never do) is not replaced unless o.Force, and every
// replaced notebook is first copied to <root>/.nma/backup.
func BuildAll(root string, stubs StubSource, o BuildOptions) ([]string, error) {
	srcDir := filepath.Join(root, "notebooks", "src")
	srcs, err := filepath.Glob(filepath.Join(srcDir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(srcs)
	if len(o.Names) > 0 {
		var sel []string
		for _, n := range o.Names {
			n = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(n), ".md"), ".ipynb")
			p := filepath.Join(srcDir, n+".md")
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("notebook %q: no source %s", n, p)
			}
			sel = append(sel, p)
		}
		srcs = sel
	}
	var stale []string
	for _, s := range srcs {
		name := strings.TrimSuffix(filepath.Base(s), ".md")
		data, err := os.ReadFile(s)
		if err != nil {
			return nil, err
		}
		nb, err := Build(name, data, stubs)
		if err != nil {
			return nil, err
		}
		want, err := nb.Marshal()
		if err != nil {
			return nil, err
		}
		target := filepath.Join(root, "notebooks", name+".ipynb")
		have, _ := os.ReadFile(target)
		if string(have) == string(want) {
			continue
		}
		stale = append(stale, name)
		if !o.Write {
			continue
		}
		if err := protectWork(root, target, have, o.Force); err != nil {
			return nil, err
		}
		if err := os.WriteFile(target, want, 0o644); err != nil {
			return nil, err
		}
		if o.Log != nil {
			fmt.Fprintf(o.Log, "wrote %s\n", target)
		}
	}
	return stale, nil
}

// protectWork keeps a student's work before target (whose content is old) is replaced: a
// notebook that was executed (outputs or execution counts) or that cannot be read is kept
// unless force; whatever is replaced is first copied to <root>/.nma/backup.
func protectWork(root, target string, old []byte, force bool) error {
	if len(old) == 0 {
		return nil
	}
	nb, err := Parse(old)
	worked := err != nil // unreadable: keep it too
	if nb != nil {
		for _, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				worked = true
			}
		}
	}
	if worked && !force {
		return fmt.Errorf("%s holds outputs (someone worked in it): not replacing it; save your copy elsewhere, or run `nma notebooks --force` (a backup is kept in .nma/backup)", target)
	}
	dir := filepath.Join(root, ".nma", "backup")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(target)+"."+time.Now().Format("20060102-150405")+".*")
	if err != nil {
		return err
	}
	if _, err := f.Write(old); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
