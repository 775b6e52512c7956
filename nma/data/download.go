package data

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrCorrupted is returned (wrapped) when a downloaded file's md5 is not the expected one.
var ErrCorrupted = errors.New("download appears corrupted")

// Download fetches f from f.URL into dir/f.Name, showing a progress bar on progress (may be
// nil). It streams into a temporary file in dir, checks the md5 on the way, and renames the
// file into place only when the transfer is complete and the md5 matches: a failed,
// interrupted or corrupted download never leaves a partial file behind. An existing file
// with the right md5 is kept unless force is set.
func Download(ctx context.Context, client *http.Client, f File, dir string, force bool, progress io.Writer) (string, error) {
	if client == nil {
		client = http.DefaultClient
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create %s: %w", dir, err)
	}
	dst := filepath.Join(dir, f.Name)
	if !force {
		if sum, err := MD5File(dst); err == nil && sum == f.MD5 {
			if progress != nil {
				fmt.Fprintf(progress, "%s: already present and verified (md5 %s)\n", f.Name, sum)
			}
			return dst, nil
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("failed to download %s from %s: %w", f.Name, f.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("failed to download %s from %s: the server answered %s", f.Name, f.URL, resp.Status)
	}
	tmp, err := os.CreateTemp(dir, f.Name+".part-*")
	if err != nil {
		return "", err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := md5.New()
	bar := &progressBar{w: progress, name: f.Name, total: resp.ContentLength, start: time.Now()}
	n, err := io.Copy(io.MultiWriter(tmp, h, bar), resp.Body)
	bar.done()
	if err != nil {
		return "", fmt.Errorf("download of %s interrupted after %s: %w", f.Name, human(n), err)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return "", fmt.Errorf("download of %s interrupted: got %s of %s", f.Name, human(n), human(resp.ContentLength))
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.MD5 {
		return "", fmt.Errorf("%w: %s has md5 %s, expected %s (nothing was written; try again)", ErrCorrupted, f.Name, sum, f.MD5)
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", err
	}
	ok = true
	return dst, nil
}

// progressBar draws "name [#####.....]  45%  15.2 MB / 34.0 MB" on one line, redrawn at
// most every 100 ms.
type progressBar struct {
	w      io.Writer
	name   string
	total  int64
	n      int64
	start  time.Time
	last   time.Time
	drawn  bool
	closed bool
}

// Write counts the bytes written and redraws the bar, at most every 100 ms.
func (p *progressBar) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if p.w != nil && time.Since(p.last) > 100*time.Millisecond {
		p.draw()
	}
	return len(b), nil
}

func (p *progressBar) draw() {
	p.last = time.Now()
	p.drawn = true
	const width = 30
	if p.total > 0 {
		frac := float64(p.n) / float64(p.total)
		k := int(frac * width)
		fmt.Fprintf(p.w, "\r%s [%s%s] %3.0f%%  %s / %s", p.name, strings.Repeat("#", k), strings.Repeat(".", width-k), 100*frac, human(p.n), human(p.total))
		return
	}
	fmt.Fprintf(p.w, "\r%s %s", p.name, human(p.n))
}

func (p *progressBar) done() {
	if p.w == nil || p.closed {
		return
	}
	p.closed = true
	p.draw()
	fmt.Fprintf(p.w, "  (%.1f s)\n", time.Since(p.start).Seconds())
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// Status is the state of one data file in a folder.
type Status struct {
	File    File
	Path    string
	Present bool
	MD5     string // actual md5 when present
}

// OK reports whether the file is present with the expected md5.
func (s Status) OK() bool { return s.Present && s.MD5 == s.File.MD5 }

// String says whether the file is missing, ok or corrupted, with its md5.
func (s Status) String() string {
	switch {
	case !s.Present:
		return fmt.Sprintf("%-38s missing (%s)", s.File.Name, s.Path)
	case s.OK():
		return fmt.Sprintf("%-38s ok, md5 %s", s.File.Name, s.MD5)
	}
	return fmt.Sprintf("%-38s CORRUPTED: md5 %s, expected %s (%s)", s.File.Name, s.MD5, s.File.MD5, s.Path)
}

// Verify checks the files in dir.
func Verify(dir string, files []File) ([]Status, error) {
	var out []Status
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		st := Status{File: f, Path: p}
		if _, err := os.Stat(p); err == nil {
			sum, err := MD5File(p)
			if err != nil {
				return nil, err
			}
			st.Present, st.MD5 = true, sum
		}
		out = append(out, st)
	}
	return out, nil
}
