package data

import (
	"bytes"
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// checkProgress checks a download's progress calls: from 0, never backwards, one total
// (or unknown, -1, until the end), ending at the file's size.
func checkProgress(t *testing.T, calls [][2]int64, size int64) {
	t.Helper()
	if len(calls) < 2 {
		t.Fatalf("progress called %d times: %v", len(calls), calls)
	}
	if calls[0][0] != 0 {
		t.Errorf("first call %v, want done = 0", calls[0])
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Fatalf("call %d went back: %v after %v", i, calls[i], calls[i-1])
		}
		if i < len(calls)-1 && calls[i][1] != calls[0][1] {
			t.Fatalf("call %d changed the total: %v (first %v)", i, calls[i], calls[0])
		}
	}
	if last := calls[len(calls)-1]; last != [2]int64{size, size} {
		t.Errorf("last call %v, want (%d, %d)", last, size, size)
	}
}

// bigFile is 1 MiB of noise and its File, served in 64 KiB pieces by a test server: at
// /known with its Content-Length, at /chunked without (the size is unknown until the end).
func bigFile(t *testing.T) ([]byte, func(path string) File) {
	body := make([]byte, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range body {
		body[i] = byte(r.Uint32())
	}
	send := func(w http.ResponseWriter) {
		for s := 0; s < len(body); s += 64 << 10 {
			w.Write(body[s : s+64<<10])
			w.(http.Flusher).Flush()
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/known", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		send(w)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) { send(w) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return body, func(path string) File {
		return File{Name: "big" + strings.TrimPrefix(path, "/") + ".npz", URL: srv.URL + path, MD5: md5hex(body)}
	}
}

// The progress of a download rises to the file's size, whether the server says the size
// up front or not.
func TestDownloadProgressReachesSize(t *testing.T) {
	body, file := bigFile(t)
	for _, path := range []string{"/known", "/chunked"} {
		t.Run(path[1:], func(t *testing.T) {
			var calls [][2]int64
			p, err := Download(context.Background(), file(path), t.TempDir(), DownloadOptions{
				Progress: func(done, total int64) { calls = append(calls, [2]int64{done, total}) }})
			if err != nil {
				t.Fatal(err)
			}
			checkProgress(t, calls, int64(len(body)))
			if want := map[string]int64{"/known": int64(len(body)), "/chunked": -1}[path]; calls[0][1] != want {
				t.Errorf("total while downloading %d, want %d", calls[0][1], want)
			}
			if got, _ := os.ReadFile(p); !bytes.Equal(got, body) {
				t.Error("the file differs from what was served")
			}
		})
	}
}

// Offline — nothing listens, or the server stops sending — a download fails quickly with an
// error that says so, and leaves nothing behind.
func TestDownloadOfflineOrStalled(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	dir := t.TempDir()
	_, err = Download(context.Background(), File{Name: "x.npz", URL: "http://" + addr + "/x", MD5: "0"}, dir, DownloadOptions{})
	if err == nil || !strings.Contains(err.Error(), "no connection to "+addr+" (offline?)") {
		t.Errorf("nothing listening: err = %v", err)
	}

	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.Write(make([]byte, 100))
		w.(http.Flusher).Flush()
		select { // then nothing more
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	_, err = Download(context.Background(), File{Name: "x.npz", URL: srv.URL, MD5: "0"}, dir, DownloadOptions{Stall: 200 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "no data received for 200ms") || time.Since(start) > 5*time.Second {
		t.Errorf("stalled server: err = %v after %v", err, time.Since(start))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v behind", ents)
	}
}

// The notebook's download fetches every file with a bar each, and stops at the first
// failure with a message that says the notebooks go on as before.
func TestDownloadAll(t *testing.T) {
	body, file := bigFile(t)
	dir := t.TempDir()
	var log bytes.Buffer
	last := map[string]int64{}
	bar := func(name string) func(done, total int64) {
		return func(done, total int64) { last[name] = done }
	}
	files := []File{file("/known"), file("/chunked")}
	if err := downloadAll(context.Background(), files, dir, DownloadOptions{Log: &log}, bar); err != nil {
		t.Fatal(err)
	}
	if len(last) != 2 || last["bigknown.npz"] != int64(len(body)) || last["bigchunked.npz"] != int64(len(body)) {
		t.Errorf("progress per file: %v", last)
	}
	if n := strings.Count(log.String(), "verified"); n != 2 {
		t.Errorf("log:\n%s", log.String())
	}
	bad := file("/known")
	bad.Name, bad.URL = "missing.npz", bad.URL+"-nothing-here"
	err := downloadAll(context.Background(), []File{bad, file("/chunked")}, t.TempDir(), DownloadOptions{}, nil)
	if err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), "nothing partial was kept") {
		t.Errorf("err = %v, want the 404 and what happens next", err)
	}
}

// Describe says, file by file, that the stand-in is used, with its neurons, size, how it
// was made and where it is cached, and where real files were looked for.
func TestDescribe(t *testing.T) {
	t.Setenv(EnvDir, t.TempDir())
	if p, _ := Locate(Ori1); p != "" {
		t.Skip("the real files are in the checkout")
	}
	d := Describe()
	dir := SynthDir(DefaultSynth())
	for _, f := range []struct {
		file  File
		shape string
	}{{Ori1, "360 stimuli"}, {Ori6Split, "60 stimuli (train and test halves)"}} {
		st, err := os.Stat(filepath.Join(dir, f.file.Name))
		if err != nil {
			t.Fatalf("the stand-in is not cached: %v", err)
		}
		re := regexp.MustCompile(regexp.QuoteMeta(f.file.Name+": the synthetic stand-in, 23589 model neurons × "+f.shape+", "+human(st.Size())+", ") +
			`(generated now in \d+\.\d\d s|generated on first use) ` + regexp.QuoteMeta("by data.Synthesize (v2) and cached in "+dir+"\n"))
		if !re.MatchString(d) {
			t.Errorf("Describe() lacks %s:\n%s", re, d)
		}
	}
	for _, want := range []string{"looked for in:\n  " + os.Getenv(EnvDir) + "\n", "use the synthetic stand-in"} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe() lacks %q:\n%s", want, d)
		}
	}
	t.Setenv(EnvData, "synthetic")
	if d := Describe(); !strings.Contains(d, "NMA_DATA=synthetic is set") {
		t.Errorf("with NMA_DATA=synthetic:\n%s", d)
	}
}
