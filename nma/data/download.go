package data

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"time"
)

// ErrCorrupted is returned (wrapped) when a downloaded file's md5 is not the expected one.
var ErrCorrupted = errors.New("download appears corrupted")

// DownloadOptions configure Download.
type DownloadOptions struct {
	// Client makes the request (default http.DefaultClient).
	Client *http.Client
	// Force downloads even when a file with the right md5 is present.
	Force bool
	// Log receives what Download has to say: a verified file kept, or a file downloaded
	// (its size, the time, the md5 checked). nil: nothing.
	Log io.Writer
	// Progress, when set, is called with the bytes received and the file's size (-1 while
	// unknown) as they arrive: first with 0, last with done == total once the transfer is
	// complete. The package draws nothing itself: a terminal or a notebook passes a bar's
	// update function (package nma/progress).
	Progress func(done, total int64)
	// Stall gives up when no byte arrives for this long, also while connecting
	// (default 1 minute).
	Stall time.Duration
}

// errStalled ends a download that received nothing for DownloadOptions.Stall.
var errStalled = errors.New("no data received")

// Download fetches f from f.URL into dir/f.Name. It streams into a temporary file in dir,
// checks the md5 on the way, and renames the file into place only when the transfer is
// complete and the md5 matches: a failed, interrupted or corrupted download never leaves a
// partial file behind. An existing file with the right md5 is kept unless o.Force is set.
func Download(ctx context.Context, f File, dir string, o DownloadOptions) (string, error) {
	client := o.Client
	if client == nil {
		client = http.DefaultClient
	}
	stall := o.Stall
	if stall <= 0 {
		stall = time.Minute
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, args...)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create %s: %w", dir, err)
	}
	dst := filepath.Join(dir, f.Name)
	if !o.Force {
		if sum, err := MD5File(dst); err == nil && sum == f.MD5 {
			logf("%s: already present and verified (md5 %s)\n", f.Name, sum)
			return dst, nil
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	watchdog := time.AfterFunc(stall, func() { cancel(fmt.Errorf("%w for %v", errStalled, stall)) })
	defer watchdog.Stop()
	failed := func(what string, err error) error {
		if cause := context.Cause(ctx); cause != nil && ctx.Err() != nil {
			err = cause
		}
		var dns *net.DNSError
		var op *net.OpError
		if errors.As(err, &dns) || errors.As(err, &op) {
			return fmt.Errorf("%s: no connection to %s (offline?): %w", what, host(f.URL), err)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return "", err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return "", failed(fmt.Sprintf("failed to download %s from %s", f.Name, f.URL), err)
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
	total := resp.ContentLength
	counter := &byteCounter{total: total, progress: o.Progress, watchdog: watchdog, stall: stall}
	if o.Progress != nil {
		o.Progress(0, total)
	}
	n, err := io.Copy(io.MultiWriter(tmp, h, counter), resp.Body)
	if err != nil {
		return "", failed(fmt.Sprintf("download of %s interrupted after %s", f.Name, human(n)), err)
	}
	if total >= 0 && n != total {
		return "", fmt.Errorf("download of %s interrupted: got %s of %s", f.Name, human(n), human(total))
	}
	if total < 0 && o.Progress != nil {
		o.Progress(n, n) // the size is known now
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if sum != f.MD5 {
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
	logf("%s: %s in %.1f s, md5 %s verified\n", f.Name, human(n), time.Since(start).Seconds(), sum)
	return dst, nil
}

// byteCounter reports the bytes written to it and keeps the stall watchdog from firing.
type byteCounter struct {
	n, total int64
	progress func(done, total int64)
	watchdog *time.Timer
	stall    time.Duration
}

func (c *byteCounter) Write(b []byte) (int, error) {
	c.watchdog.Reset(c.stall)
	c.n += int64(len(b))
	if c.progress != nil {
		c.progress(c.n, c.total)
	}
	return len(b), nil
}

// host is the host of a URL, for messages.
func host(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}

// DownloadAll downloads the course's two files (Files) into DefaultDir — the checkout's data/
// folder, where every W2D1 notebook then finds them — for a notebook cell: log gets one line
// per file, and progressFor, when not nil, gives each file's progress callback (e.g.
// progress.ShowBytes of package nma/progress, which draws a bar under the cell). Files already
// present with the right md5 are kept. It stops at the first failure (offline, a server
// error, a corrupted transfer, an interrupt) with an error that says so; nothing partial is
// left behind, and the loaders keep using what they used before (the synthetic stand-in).
// The whole download gives up after 10 minutes.
func DownloadAll(log io.Writer, progressFor func(name string) func(done, total int64)) error {
	dir, err := DefaultDir()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	return downloadAll(ctx, Files, dir, DownloadOptions{Log: log}, progressFor)
}

func downloadAll(ctx context.Context, files []File, dir string, o DownloadOptions, progressFor func(name string) func(done, total int64)) error {
	for _, f := range files {
		o := o
		if progressFor != nil {
			o.Progress = progressFor(f.Name)
		}
		if _, err := Download(ctx, f, dir, o); err != nil {
			return fmt.Errorf("%w (nothing partial was kept: the loaders use the files they found before)", err)
		}
	}
	return nil
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
