// Package e2e runs the course notebooks as a student sees them: a real Jupyter server with
// the GoNB kernel, driven by headless Chromium through chromedp. JupyterLab 4 is the primary
// front end (every notebook); the classic Notebook 6 gets a smaller smoke test (a few
// notebooks). For every notebook it runs all cells, waits for the kernel, checks that the
// only errors are exercises not yet done, that every cell ran and that every figure and
// example image is a visible image, moves every control of every interactive demo and
// measures how long the new figure takes to appear, opens a solution link and checks that
// the solution file is what opens, and saves screenshots for a human to look at.
//
// Headless runs (nbclient) cannot show that figures, demos and links work in a browser;
// this can.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/nma-go/nma-go/nma/install"
	"github.com/nma-go/nma-go/nma/internal/proc"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// Frontend is a Jupyter front end the test drives.
type Frontend string

const (
	Lab      Frontend = "lab"      // JupyterLab 4, from the checkout's virtual environment
	Notebook Frontend = "notebook" // Notebook 7 (JupyterLab's components), from the same environment
	Classic  Frontend = "classic"  // the classic Notebook 6 (Debian's jupyter-notebook)
)

// ParseFrontend reads a front end's name.
func ParseFrontend(s string) (Frontend, error) {
	switch f := Frontend(strings.TrimSpace(s)); f {
	case Lab, Notebook, Classic:
		return f, nil
	}
	return "", fmt.Errorf("front end %q: want lab, notebook or classic", s)
}

// Job is one front end and the notebooks it runs.
type Job struct {
	Frontend  Frontend
	Notebooks []string // paths of the notebooks (in the checkout's notebooks/)
}

// Options configure a browser run.
type Options struct {
	Root       string        // repository root
	OutDir     string        // screenshots and working copies go here (inside the repository)
	Timeout    time.Duration // per notebook
	Chromium   string        // browser binary; default: FindChromium
	DemoIdle   time.Duration // live demos end after this long without a change
	MaxSliders int           // demos whose controls are moved per notebook (0: all)
	Workers    int           // notebooks run at once, each in a browser tab of its own (at least 1)
	Log        io.Writer
}

// SliderResult is one control of a demo moved.
type SliderResult struct {
	Cell    int
	Kind    string // "precomputed" or "live"
	Control string // "slider" or "select", numbered within its demo when it has several
	Millis  float64
	Changed bool
	Err     string
}

// Result is the outcome of one notebook in one front end.
type Result struct {
	Frontend Frontend
	Notebook string
	// Status is Passed when the notebook ran with no problem; Failed when Errors lists
	// problems of the notebook (an error output, a cell that did not run, a missing figure,
	// a control that changes nothing, a link that does not open); Timeout when it did not
	// finish in time; Error when the browser or the server failed (the notebook could not
	// be tested).
	Status     outcome.Outcome
	Seconds    float64 // run all cells until the kernel is idle
	CodeCells  int
	Images     int
	Sliders    []SliderResult
	Link       string   // the solution link that was opened and checked ("" when none)
	Errors     []string // the problems, in the order found
	Screenshot string
	timing     string // where the time went, for the log
}

// OK reports whether the notebook passed.
func (r Result) OK() bool { return r.Status == outcome.Passed }

// fail records a problem that ends the notebook's test, with its outcome.
func (r *Result) fail(status outcome.Outcome, format string, args ...any) {
	r.Status = status
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// addReport takes in what the report script found in the executed notebook.
func (r *Result) addReport(rep report) {
	r.CodeCells, r.Images = rep.CodeCells, rep.Images
	r.Errors = append(r.Errors, rep.Errors...)
}

// finish decides the outcome once every check has run: a control that did not change its
// figure is a problem, and any problem fails the notebook (unless an earlier one already
// decided the outcome, such as a timeout).
func (r *Result) finish() {
	for _, s := range r.Sliders {
		if !s.Changed {
			what := s.Control
			if what == "" {
				what = "slider"
			}
			r.Errors = append(r.Errors, fmt.Sprintf("cell %d: moving the %s demo's %s did not change the figure (%s)", s.Cell+1, s.Kind, what, s.Err))
		}
	}
	switch {
	case r.Status != outcome.Unknown:
	case len(r.Errors) > 0:
		r.Status = outcome.Failed
	default:
		r.Status = outcome.Passed
	}
}

// PrintTable writes one row per notebook and front end — run-all time, code cells, images,
// the demos' controls (how many moved, the slowest new figure), the solution link opened,
// and the outcome with its problems.
func PrintTable(w io.Writer, results []Result) (failed int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FRONT END\tNOTEBOOK\tRUN ALL (s)\tCODE CELLS\tIMAGES\tCONTROL → NEW FIGURE\tSOLUTION LINK\tSTATUS")
	for _, res := range results {
		status := res.Status.String()
		if !res.OK() {
			failed++
			if len(res.Errors) > 0 {
				status += ": " + strings.Join(res.Errors, "; ")
			}
		}
		link := res.Link
		if link == "" {
			link = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%d\t%d\t%s\t%s\t%s\n", res.Frontend, res.Notebook, res.Seconds, res.CodeCells, res.Images, sliderSummary(res.Sliders), link, status)
	}
	tw.Flush()
	return failed
}

// sliderSummary is "7 of 7 moved, ≤ 3 ms" (kinds other than precomputed are named), or "-".
func sliderSummary(ss []SliderResult) string {
	if len(ss) == 0 {
		return "-"
	}
	moved, worst := 0, 0.0
	kinds := map[string]int{}
	for _, s := range ss {
		kinds[s.Kind]++
		if s.Changed {
			moved++
			worst = max(worst, s.Millis)
		}
	}
	out := fmt.Sprintf("%d of %d moved", moved, len(ss))
	if moved > 0 {
		out += fmt.Sprintf(", ≤ %.0f ms", worst)
	}
	if n := kinds["live"]; n > 0 {
		out += fmt.Sprintf(" (%d live)", n)
	}
	return out
}

// ErrNoBrowser, ErrNoLab, ErrNoNb7 and ErrNoClassic explain what is missing and how to install it.
var (
	ErrNoBrowser = errors.New("no Chromium found (install it: nma e2e --install, or apt-get install chromium)")
	ErrNoLab     = errors.New("JupyterLab is not installed in the checkout's virtual environment .nma/venv (install it: nma e2e --install, or nma setup)")
	ErrNoNb7     = errors.New("the Notebook 7 front end is not installed in the checkout's virtual environment .nma/venv (install it: nma e2e --install, or nma setup)")
	ErrNoClassic = errors.New("the classic Jupyter Notebook 6 is not installed (install it: nma e2e --install, or apt-get install jupyter-notebook)")
)

// chromiums are the names and paths FindChromium tries, in order.
var chromiums = []string{"chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
	"/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"}

// FindChromium returns the browser the test drives: Chromium (or Chrome) on PATH or at its
// usual place; ErrNoBrowser when there is none.
func FindChromium() (string, error) {
	for _, c := range chromiums {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// FindLab returns the jupyter command of the checkout's virtual environment when it runs
// JupyterLab 4; ErrNoLab otherwise.
func FindLab(root string) (string, error) {
	j, v, err := install.VenvLab(root)
	if err != nil || !strings.HasPrefix(v, "4.") {
		return "", ErrNoLab
	}
	return j, nil
}

// FindNotebook7 returns the jupyter command of the checkout's virtual environment when its
// `jupyter notebook` is Notebook 7; ErrNoNb7 otherwise.
func FindNotebook7(root string) (string, error) {
	j := install.VenvBin(install.Venv(root), "jupyter")
	out, err := exec.Command(j, "notebook", "--version").Output()
	if err != nil || !strings.HasPrefix(strings.TrimSpace(string(out)), "7.") {
		return "", ErrNoNb7
	}
	return j, nil
}

// classicJupyters are the jupyter commands FindClassic tries: the one on PATH (it may be a
// virtual environment's, with Notebook 7), then Debian's.
var classicJupyters = []string{"jupyter", "/usr/bin/jupyter"}

// FindClassic returns a jupyter command whose `jupyter notebook` is the classic Notebook 6
// (Notebook 7 is JupyterLab's front end and has no classic page); ErrNoClassic otherwise.
func FindClassic() (string, error) {
	for _, j := range classicJupyters {
		out, err := exec.Command(j, "notebook", "--version").Output()
		if err == nil && classicVersion(string(out)) {
			return j, nil
		}
	}
	return "", ErrNoClassic
}

// classicVersion reports whether `jupyter notebook --version` printed a 6.x (or older) version.
func classicVersion(out string) bool {
	v := strings.TrimSpace(out)
	if i := strings.LastIndexByte(v, '\n'); i >= 0 {
		v = v[i+1:]
	}
	major, _, ok := strings.Cut(v, ".")
	return ok && len(major) == 1 && major[0] >= '4' && major[0] <= '6'
}

func logf(o Options, format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// lockedWriter lets the workers share the log.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Run starts one browser and, for each job, its front end's server, and runs the jobs'
// notebooks, o.Workers at a time, each in a browser tab of its own. The results are in
// the order of the jobs and their notebooks.
func Run(ctx context.Context, o Options, jobs ...Job) ([]Result, error) {
	if o.Log != nil {
		o.Log = &lockedWriter{w: o.Log}
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Minute
	}
	if o.DemoIdle <= 0 {
		o.DemoIdle = 15 * time.Second
	}
	chrome := o.Chromium
	if chrome == "" {
		var err error
		if chrome, err = FindChromium(); err != nil {
			return nil, err
		}
	}
	jupyter := map[Frontend]string{}
	for _, j := range jobs {
		var err error
		switch j.Frontend {
		case Lab:
			jupyter[Lab], err = FindLab(o.Root)
		case Notebook:
			jupyter[Notebook], err = FindNotebook7(o.Root)
		case Classic:
			jupyter[Classic], err = FindClassic()
		default:
			_, err = ParseFrontend(string(j.Frontend))
		}
		if err != nil {
			return nil, err
		}
	}
	bin, err := notebook.BuildTools(o.Root, []string{"gonb", "goimports"}, o.Log)
	if err != nil {
		return nil, err
	}
	jd := filepath.Join(o.OutDir, "jupyter")
	spec, err := notebook.KernelSpec(bin, "Go (gonb, browser test)", true,
		map[string]string{"NMA_DEMO_IDLE": o.DemoIdle.String()})
	if err != nil {
		return nil, err
	}
	// Named "gonb" like the notebooks' kernelspec, found first through JUPYTER_PATH; the
	// user's own Jupyter configuration is not touched.
	if err := notebook.WriteKernelSpec(jd, "gonb", spec); err != nil {
		return nil, err
	}

	// A fresh browser profile every run, removed afterwards (its caches grow by hundreds of MB).
	profile := filepath.Join(o.OutDir, "chromium-profile")
	if err := os.RemoveAll(profile); err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	actx, cancelA := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		// Tabs run side by side (Workers): none may be throttled as a background tab.
		chromedp.Flag("disable-background-timer-throttling", true), chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true), chromedp.Flag("disable-popup-blocking", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 1000))
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, fmt.Errorf("the browser (%s) did not start: %w", chrome, err)
	}

	// One server per front end, started together.
	fronts := make([]*front, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		if len(j.Notebooks) == 0 {
			continue
		}
		fronts[i] = &front{job: j}
		wg.Add(1)
		go func(f *front) {
			defer wg.Done()
			f.err = f.start(bctx, jupyter[f.job.Frontend], jd, o)
		}(fronts[i])
	}
	wg.Wait()
	defer func() {
		for _, f := range fronts {
			if f != nil && f.srv != nil {
				f.srv.stop()
			}
		}
	}()
	for _, f := range fronts {
		if f != nil && f.err != nil {
			return nil, fmt.Errorf("%s: %w", f.job.Frontend, f.err)
		}
	}

	// Workers, each with a browser tab of its own, take the notebooks in turn: every Lab
	// notebook, then the classic ones.
	type task struct{ job, idx int }
	var tasks []task
	out := make([][]Result, len(jobs))
	for i, j := range jobs {
		out[i] = make([]Result, len(j.Notebooks))
		for k := range j.Notebooks {
			tasks = append(tasks, task{i, k})
		}
	}
	workers := max(1, min(o.Workers, len(tasks)))
	next := make(chan task)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			tab, cancel := chromedp.NewContext(bctx)
			defer cancel()
			// A dialog (an alert, "leave this page?") would block every script of the tab:
			// accept it, and say so.
			chromedp.Listen(tab, func(ev any) {
				if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
					logf(o, "tab %d: accepting a %s dialog: %q", w+1, d.Type, d.Message)
					go chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				}
			})
			started := map[int]driver{}
			for t := range next {
				f := fronts[t.job]
				name := filepath.Base(f.job.Notebooks[t.idx])
				r := Result{Frontend: f.job.Frontend, Notebook: strings.TrimSuffix(name, ".ipynb")}
				d, ok := started[t.job]
				if !ok {
					d = driverFor(f.job.Frontend, w)
					t0 := time.Now()
					if err := d.start(tab, f.srv.url); err != nil {
						r.fail(outcome.Error, "loading the front end: %v", err)
						out[t.job][t.idx] = r
						continue
					}
					started[t.job] = d
					logf(o, "%s: front end loaded in %.1f s (tab %d)", f.job.Frontend, time.Since(t0).Seconds(), w+1)
				}
				logf(o, "%s: %s …", f.job.Frontend, name)
				r = runNotebook(tab, d, f.srv.url, o.Root, path.Join(f.siteRel, "notebooks", name), f.dir, o)
				logf(o, "%s: %s: %s, run all %.1f s, %d images, %d controls moved, %d problems (%s)", f.job.Frontend, name, r.Status, r.Seconds, r.Images, len(r.Sliders), len(r.Errors), r.timing)
				out[t.job][t.idx] = r
				if r.Status == outcome.Error || r.Status == outcome.Timeout {
					delete(started, t.job) // the next notebook starts from a freshly loaded front end
				}
			}
		}(w)
	}
	for _, t := range tasks {
		next <- t
	}
	close(next)
	wg.Wait()
	var results []Result
	for _, rs := range out {
		results = append(results, rs...)
	}
	return results, nil
}

// front is one front end's server and the folder it works in.
type front struct {
	job     Job
	dir     string // <OutDir>/<front end>: screenshots, logs
	siteRel string // the site (see site), relative to the server's root, slash-separated
	srv     *server
	err     error
}

// start lays out the front end's site and starts its server, rooted at the checkout:
// Jupyter serves no file whose real path is outside its root, and the site's links
// (static, solutions) point into the checkout.
func (f *front) start(ctx context.Context, jupyter, jd string, o Options) error {
	f.dir = filepath.Join(o.OutDir, string(f.job.Frontend))
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return err
	}
	siteDir, err := site(o.Root, f.dir, f.job.Notebooks)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(o.Root, siteDir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("the output folder %s must be inside the checkout %s", o.OutDir, o.Root)
	}
	f.siteRel = filepath.ToSlash(rel)
	t0 := time.Now()
	if f.srv, err = startServer(ctx, f.job.Frontend, jupyter, o.Root, f.dir, jd); err != nil {
		return err
	}
	logf(o, "%s: server up in %.1f s (%s)", f.job.Frontend, time.Since(t0).Seconds(), f.srv.url)
	return nil
}

// site lays out a folder like the checkout, <dir>/_site: working copies of the notebooks in
// _site/notebooks (so the checkout's notebooks never get outputs saved into them; the
// notebooks given first, then the checkout's others), a symbolic link to notebooks/static and
// copies of the folders the notebooks link to (solutions), so every relative link resolves
// as it does in the checkout.
func site(root, dir string, notebooks []string) (string, error) {
	// "_site": the go command leaves folders whose name starts with "_" out of ./..., so go
	// vet and go test never see the copies of Go files below (solutions/); the folder stays
	// inside the course's module, so the notebooks' setup cell still finds the checkout.
	s := filepath.Join(dir, "_site")
	if err := os.RemoveAll(s); err != nil {
		return "", err
	}
	work := filepath.Join(s, "notebooks")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", err
	}
	// Every notebook of the checkout gets a working copy, not only those that run, so a link
	// from one notebook to another (each day's first tutorial links the primer) resolves.
	all, err := filepath.Glob(filepath.Join(root, "notebooks", "*.ipynb"))
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	for _, nb := range append(notebooks, all...) {
		if seen[filepath.Base(nb)] {
			continue
		}
		seen[filepath.Base(nb)] = true
		data, err := os.ReadFile(nb)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(work, filepath.Base(nb)), data, 0o644); err != nil {
			return "", err
		}
	}
	if err := os.Symlink(filepath.Join(root, "notebooks", "static"), filepath.Join(work, "static")); err != nil {
		return "", err
	}
	dirs, err := linkedDirs(notebooks)
	if err != nil {
		return "", err
	}
	for _, d := range dirs {
		// A copy, not a link: opening a file makes Jupyter write a checkpoint next to it
		// (.ipynb_checkpoints/), which must land in the working copy, not in the checkout.
		if err := os.CopyFS(filepath.Join(s, d), os.DirFS(filepath.Join(root, d))); err != nil {
			return "", err
		}
	}
	return s, nil
}

type server struct {
	url string
	cmd *exec.Cmd
}

func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = proc.Terminate(s.cmd)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = proc.Signal(s.cmd, os.Kill)
		}
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// serverArgs are the arguments of `jupyter` that start a front end's server on port,
// rooted at root, without a token (it listens on 127.0.0.1 only) and without opening a
// browser. JupyterLab exposes its application object (window.jupyterapp) for the test.
func serverArgs(f Frontend, root string, port int, asRoot bool) []string {
	var args []string
	switch f {
	case Lab, Notebook:
		args = []string{"lab", "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port),
			"--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
			"--ServerApp.root_dir=" + root, "--expose-app-in-browser"}
		if f == Notebook {
			args[0] = "notebook"
		}
	default:
		args = []string{"notebook", "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port),
			"--NotebookApp.token=", "--NotebookApp.password=", "--NotebookApp.disable_check_xsrf=True",
			"--notebook-dir=" + root}
	}
	if asRoot {
		args = append(args, "--allow-root")
	}
	return args
}

// labSettings are JupyterLab user settings for the test: no news or update checks (no
// network, no pop-up over the notebook), and every cell rendered (windowingMode "none";
// Lab's default may leave cells far from the viewport unrendered, and the test reads the
// page as a student who scrolls through it sees it).
var labSettings = map[string]string{
	"@jupyterlab/apputils-extension/notification.jupyterlab-settings": `{"fetchNews": "false", "checkForUpdates": false}`,
	"@jupyterlab/notebook-extension/tracker.jupyterlab-settings":      `{"windowingMode": "none"}`,
}

func startServer(ctx context.Context, f Frontend, jupyter, root, dir, jupyterPath string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(jupyter, serverArgs(f, root, port, os.Geteuid() == 0)...)
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+jupyterPath, "JUPYTER_CONFIG_DIR="+filepath.Join(dir, "jupyter-config"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "jupyter-runtime"))
	if f == Classic {
		// Read from JUPYTER_CONFIG_DIR: Go sources served as text, as `nma lab` serves them.
		if _, err := install.WriteClassicConfig(filepath.Join(dir, "jupyter-config")); err != nil {
			return nil, err
		}
	}
	if f == Lab || f == Notebook {
		settings := filepath.Join(dir, "lab-settings")
		for name, content := range labSettings {
			p := filepath.Join(settings, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				return nil, err
			}
		}
		ws := filepath.Join(dir, "lab-workspaces")
		if err := os.RemoveAll(ws); err != nil {
			return nil, err
		}
		cmd.Env = append(cmd.Env, "JUPYTERLAB_SETTINGS_DIR="+settings, "JUPYTERLAB_WORKSPACES_DIR="+ws)
	}
	logFile, err := os.Create(filepath.Join(dir, "jupyter-server.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	proc.OwnGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", strings.Join(cmd.Args[:2], " "), err)
	}
	s := &server{url: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		resp, err := http.Get(s.url + "/api")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s, nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("the Jupyter server (%s) did not answer on %s within 90 s (see %s)", strings.Join(cmd.Args[:2], " "), s.url, logFile.Name())
}

// eval runs JavaScript in the page and decodes its (JSON-able) result.
func eval[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js))
}

// evalAsync runs JavaScript that returns a promise and decodes what it resolves to.
func evalAsync[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

func poll(ctx context.Context, limit time.Duration, js string) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		ok, err := eval[bool](ctx, js)
		if err == nil && ok {
			return nil
		}
		last = err
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(100 * time.Millisecond)
	}
	if last != nil {
		return fmt.Errorf("condition not met within %v (%v): %s", limit, last, js)
	}
	return fmt.Errorf("condition not met within %v: %s", limit, js)
}

// runNotebook opens the notebook at nbPath (relative to the server's root, root), runs all
// its cells, checks what they show, moves the demos' controls, opens a solution link and
// takes screenshots (in dir).
func runNotebook(bctx context.Context, d driver, base, root, nbPath, dir string, o Options) (r Result) {
	r = Result{Frontend: d.frontend(), Notebook: strings.TrimSuffix(path.Base(nbPath), ".ipynb")}
	var phases []string
	lap, last := time.Now(), time.Now()
	phase := func(name string) {
		phases = append(phases, fmt.Sprintf("%s %.1f s", name, time.Since(last).Seconds()))
		last = time.Now()
	}
	defer func() {
		// Free the kernel for the next notebook, even after a timeout.
		cctx, ccancel := context.WithTimeout(bctx, 30*time.Second)
		defer ccancel()
		d.close(cctx)
		phase("close")
		r.timing = strings.Join(phases, ", ") + fmt.Sprintf("; %.1f s in all", time.Since(lap).Seconds())
	}()
	ctx, cancel := context.WithTimeout(bctx, o.Timeout)
	defer cancel()
	fail := func(status outcome.Outcome, format string, args ...any) Result {
		r.fail(status, format, args...)
		return r
	}
	if err := d.open(ctx, base, nbPath); err != nil {
		return fail(outcome.Error, "opening the notebook: %v", err)
	}
	phase("open")
	start := time.Now()
	if err := d.runAll(ctx); err != nil {
		return fail(outcome.Error, "run all: %v", err)
	}
	tested := map[int]bool{}
	started := false
	for {
		if ctx.Err() != nil {
			r.Seconds = time.Since(start).Seconds()
			return fail(outcome.Timeout, "did not finish within %v", o.Timeout)
		}
		st, err := eval[state](ctx, d.stateJS())
		if err != nil {
			return fail(outcome.Error, "reading the notebook state: %v", err)
		}
		started = started || st.Running > 0 || time.Since(start) > 5*time.Second
		if st.LiveCell >= 0 && !tested[st.LiveCell] {
			tested[st.LiveCell] = true
			if o.MaxSliders == 0 || len(r.Sliders) < o.MaxSliders {
				r.Sliders = append(r.Sliders, moveLiveSlider(ctx, d, dir, r.Notebook, st.LiveCell))
			}
			eval[bool](ctx, fmt.Sprintf(`(()=>{const b=[...%s.querySelectorAll("button")].find(b=>b.textContent.includes("Stop demo"));if(b){b.click();return true}return false})()`, d.cell(st.LiveCell)))
		}
		if st.Done && started {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	r.Seconds = time.Since(start).Seconds()
	phase("run all")
	// Let images decode, scrolling any that has not loaded into view as a reader would.
	if _, err := evalAsync[bool](ctx, settleImagesJS(d.cells())); err != nil {
		return fail(outcome.Error, "waiting for the images: %v", err)
	}
	rep, err := eval[report](ctx, d.reportJS())
	if err != nil {
		return fail(outcome.Error, "inspecting outputs: %v", err)
	}
	r.addReport(rep)
	broken, err := evalAsync[[]string](ctx, brokenLinksJS(d.cells(), d.markdown()))
	if err != nil {
		return fail(outcome.Error, "checking the links: %v", err)
	}
	r.Errors = append(r.Errors, broken...)
	phase("checks")
	// Precomputed demos: move every control of each and check the figure changes.
	for _, cell := range rep.PrecomputedCells {
		if o.MaxSliders != 0 && len(r.Sliders) >= o.MaxSliders {
			break
		}
		r.Sliders = append(r.Sliders, movePrecomputed(ctx, d, dir, r.Notebook, cell)...)
	}
	phase("demos")
	// Full-notebook screenshot before a solution opens in front of it.
	shot, err := d.screenshot(ctx, filepath.Join(dir, r.Notebook))
	if err != nil {
		r.Errors = append(r.Errors, "screenshot: "+err.Error())
	} else {
		r.Screenshot = shot
	}
	phase("screenshot")
	if l, ok := solutionLink(root, nbPath); ok {
		want, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(l.path)))
		if err != nil {
			r.Errors = append(r.Errors, fmt.Sprintf("cell %d: the solution link %s: %v", l.Cell+1, l.Target, err))
		} else if err := d.openLink(ctx, l, string(want), filepath.Join(dir, r.Notebook+"_solution.png")); err != nil {
			r.Errors = append(r.Errors, fmt.Sprintf("cell %d: the solution link %s: %v", l.Cell+1, l.Target, err))
		} else if p, ok := Resolve("notebooks/"+path.Base(nbPath), l.Target); ok {
			r.Link = p // the file as the checkout names it
		}
	}
	phase("link")
	r.finish()
	return r
}

// resolvedLink is a link of a notebook and the path, relative to the server root, it opens.
type resolvedLink struct {
	Link
	path string
}

// solutionLink is the first link of the notebook (at nbPath, relative to the server's root,
// root) whose text is "solution", else its first link to a .go file.
func solutionLink(root, nbPath string) (resolvedLink, bool) {
	nb, err := notebook.Read(filepath.Join(root, filepath.FromSlash(nbPath)))
	if err != nil {
		return resolvedLink{}, false
	}
	var best *resolvedLink
	for _, l := range LocalLinks(nb) {
		p, ok := Resolve(nbPath, l.Target)
		if l.Image || !ok || !strings.HasSuffix(p, ".go") {
			continue
		}
		rl := resolvedLink{l, p}
		if strings.EqualFold(strings.TrimSpace(l.Text), "solution") {
			return rl, true
		}
		if best == nil {
			best = &rl
		}
	}
	if best == nil {
		return resolvedLink{}, false
	}
	return *best, true
}

type state struct {
	Done     bool `json:"done"`
	Running  int  `json:"running"`
	LiveCell int  `json:"liveCell"`
}

type report struct {
	CodeCells        int      `json:"codeCells"`
	Images           int      `json:"images"`
	Errors           []string `json:"errors"`
	PrecomputedCells []int    `json:"precomputed"`
}

// jsString is s as a JavaScript string literal (JSON's string syntax is JavaScript's).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// DefaultSmoke names the notebooks of the smoke tests of Notebook 7 and the classic
// Notebook: the one the README sends newcomers to, and one more day's with demos and
// solution links.
var DefaultSmoke = []string{"W2D4_Tutorial1", "W2D2_Tutorial1"}

// Plan makes the jobs of a run: JupyterLab runs every notebook; Notebook 7 and the classic
// Notebook run those named in smoke (notebook names without .ipynb; "all" names every
// notebook), in the order of notebooks. Front ends not in fronts are left out.
func Plan(notebooks []string, fronts []Frontend, smoke []string) []Job {
	want := map[string]bool{}
	for _, c := range smoke {
		want[strings.TrimSuffix(strings.TrimSpace(c), ".ipynb")] = true
	}
	var jobs []Job
	for _, f := range fronts {
		j := Job{Frontend: f}
		for _, nb := range notebooks {
			if f == Lab || want["all"] || want[strings.TrimSuffix(filepath.Base(nb), ".ipynb")] {
				j.Notebooks = append(j.Notebooks, nb)
			}
		}
		jobs = append(jobs, j)
	}
	return jobs
}
