// Package e2e runs the course notebooks as a student sees them: a real Jupyter server
// (the classic Notebook) with the GoNB kernel, driven by headless Chromium through chromedp.
// For every notebook it runs all cells, waits for the kernel, checks that the only errors
// are exercises not yet done and that every figure is a visible image, moves the sliders of
// the interactive demos and measures how long the figure takes to change, and saves
// screenshots for a human to look at.
//
// Headless runs (nbclient) cannot show that GoNB widgets work; this can.
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
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/internal/proc"
	"github.com/nma-go/nma-go/nma/notebook"
	"github.com/nma-go/nma-go/nma/outcome"
)

// Options configure a browser run.
type Options struct {
	Root        string        // repository root
	OutDir      string        // screenshots and working copies go here (inside the repository)
	Timeout     time.Duration // per notebook
	Chromium    string        // browser binary; default: chromium on PATH or /usr/bin/chromium
	DemoIdle    time.Duration // live demos end after this long without a change
	MaxSliders  int           // demos whose slider is moved per notebook (0: all)
	Log         io.Writer
	PythonNoNBC bool // internal: skip the nbclient check (the server needs only jupyter-notebook)
}

// SliderResult is one slider move.
type SliderResult struct {
	Cell    int
	Kind    string // "precomputed" or "live"
	Millis  float64
	Changed bool
	Err     string
}

// Result is the outcome of one notebook in the browser.
type Result struct {
	Notebook string
	// Status is Passed when the notebook ran with no problem; Failed when Errors lists
	// problems of the notebook (an error output, a missing figure, a slider that changes
	// nothing); Timeout when it did not finish in time; Error when the browser or the
	// server failed (the notebook could not be tested).
	Status     outcome.Outcome
	Seconds    float64 // run all cells until the kernel is idle
	CodeCells  int
	Images     int
	Sliders    []SliderResult
	Errors     []string // the problems, in the order found
	Screenshot string
}

// OK reports whether the notebook passed.
func (r Result) OK() bool { return r.Status == outcome.Passed }

// fail records a problem that ends the notebook's test, with its outcome.
func (r *Result) fail(status outcome.Outcome, format string, args ...any) {
	r.Status = status
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// addReport takes in what reportJS found in the executed notebook.
func (r *Result) addReport(rep report) {
	r.CodeCells, r.Images = rep.CodeCells, rep.Images
	r.Errors = append(r.Errors, rep.Errors...)
}

// finish decides the outcome once every check has run: a slider that did not change its
// figure is a problem, and any problem fails the notebook (unless an earlier one already
// decided the outcome, such as a timeout).
func (r *Result) finish() {
	for _, s := range r.Sliders {
		if !s.Changed {
			r.Errors = append(r.Errors, fmt.Sprintf("cell %d: moving the %s demo's slider did not change the figure (%s)", s.Cell+1, s.Kind, s.Err))
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

// PrintTable writes one row per notebook — run-all time, code cells, images, each slider
// move and the outcome with its problems — and a summary line.
func PrintTable(w io.Writer, results []Result) (failed int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NOTEBOOK\tRUN ALL (s)\tCODE CELLS\tIMAGES\tSLIDER → NEW FIGURE\tSTATUS")
	for _, res := range results {
		var sl []string
		for _, s := range res.Sliders {
			if s.Changed {
				sl = append(sl, fmt.Sprintf("%s cell %d: %.0f ms", s.Kind, s.Cell+1, s.Millis))
			} else {
				sl = append(sl, fmt.Sprintf("%s cell %d: no change", s.Kind, s.Cell+1))
			}
		}
		status := res.Status.String()
		if !res.OK() {
			failed++
			if len(res.Errors) > 0 {
				status += ": " + strings.Join(res.Errors, "; ")
			}
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%d\t%d\t%s\t%s\n", res.Notebook, res.Seconds, res.CodeCells, res.Images, strings.Join(sl, ", "), status)
	}
	tw.Flush()
	return failed
}

// ErrNoBrowser and ErrNoServer explain what is missing and how to install it.
var (
	ErrNoBrowser = errors.New("no Chromium found (install it: nma e2e --install, or apt-get install chromium)")
	ErrNoServer  = errors.New("the classic Jupyter Notebook is not installed (install it: nma e2e --install, apt-get install jupyter-notebook, or pip install nbclassic)")
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

// HaveNotebookServer reports whether the classic Jupyter Notebook (`jupyter notebook`),
// the server the test drives, is installed.
func HaveNotebookServer() bool { return exec.Command("jupyter", "notebook", "--version").Run() == nil }

func logf(o Options, format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Run starts one server and one browser and runs every notebook in turn.
func Run(ctx context.Context, notebooks []string, o Options) ([]Result, error) {
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
	if !HaveNotebookServer() {
		return nil, ErrNoServer
	}
	// Working copies inside the repository, so each notebook's setup cell finds the module.
	work := filepath.Join(o.OutDir, "notebooks")
	if err := os.RemoveAll(work); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	for _, nb := range notebooks {
		data, err := os.ReadFile(nb)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(work, filepath.Base(nb)), data, 0o644); err != nil {
			return nil, err
		}
	}
	static := filepath.Join(o.Root, "notebooks", "static")
	if err := os.Symlink(static, filepath.Join(work, "static")); err != nil {
		return nil, err
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
	srv, err := startServer(ctx, work, jd, o)
	if err != nil {
		return nil, err
	}
	defer srv.stop()

	actx, cancelA := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(o.OutDir, "chromium-profile")),
		chromedp.WindowSize(1280, 1000))
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, fmt.Errorf("the browser (%s) did not start: %w", chrome, err)
	}
	var results []Result
	for _, nb := range notebooks {
		name := filepath.Base(nb)
		logf(o, "%s …", name)
		r := runNotebook(bctx, srv.url, name, o)
		logf(o, "%s: %s, %.1f s, %d images, %d slider moves, %d problems", name, r.Status, r.Seconds, r.Images, len(r.Sliders), len(r.Errors))
		results = append(results, r)
	}
	return results, nil
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

func startServer(ctx context.Context, dir, jupyterPath string, o Options) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"notebook", "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port),
		"--NotebookApp.token=", "--NotebookApp.password=", "--NotebookApp.disable_check_xsrf=True",
		"--notebook-dir=" + dir}
	if os.Geteuid() == 0 {
		args = append(args, "--allow-root")
	}
	cmd := exec.Command("jupyter", args...)
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+jupyterPath, "JUPYTER_CONFIG_DIR="+filepath.Join(o.OutDir, "jupyter-config"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(o.OutDir, "jupyter-runtime"))
	logFile, err := os.Create(filepath.Join(o.OutDir, "jupyter-server.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	proc.OwnGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting jupyter notebook: %w", err)
	}
	s := &server{url: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
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
	return nil, fmt.Errorf("the Jupyter server did not answer on %s within 60 s (see %s)", s.url, logFile.Name())
}

// eval runs JavaScript in the page and decodes its (JSON-able) result.
func eval[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js))
}

func runNotebook(bctx context.Context, base, name string, o Options) Result {
	r := Result{Notebook: strings.TrimSuffix(name, ".ipynb")}
	ctx, cancel := context.WithTimeout(bctx, o.Timeout)
	defer cancel()
	fail := func(status outcome.Outcome, format string, args ...any) Result {
		r.fail(status, format, args...)
		return r
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/notebooks/"+name)); err != nil {
		return fail(outcome.Error, "opening the notebook: %v", err)
	}
	if err := poll(ctx, 60*time.Second, `!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`); err != nil {
		return fail(outcome.Error, "the kernel did not connect: %v", err)
	}
	start := time.Now()
	if _, err := eval[bool](ctx, `Jupyter.notebook.execute_all_cells(), true`); err != nil {
		return fail(outcome.Error, "run all: %v", err)
	}
	tested := map[int]bool{}
	for {
		if ctx.Err() != nil {
			r.Seconds = time.Since(start).Seconds()
			return fail(outcome.Timeout, "did not finish within %v", o.Timeout)
		}
		st, err := eval[state](ctx, stateJS)
		if err != nil {
			return fail(outcome.Error, "reading the notebook state: %v", err)
		}
		if st.LiveCell >= 0 && !tested[st.LiveCell] {
			tested[st.LiveCell] = true
			if o.MaxSliders == 0 || len(r.Sliders) < o.MaxSliders {
				r.Sliders = append(r.Sliders, moveLiveSlider(ctx, o, r.Notebook, st.LiveCell))
			}
			eval[bool](ctx, fmt.Sprintf(`(()=>{const c=Jupyter.notebook.get_cell(%d);const b=[...c.element[0].querySelectorAll("button")].find(b=>b.textContent.includes("Stop demo"));if(b){b.click();return true}return false})()`, st.LiveCell))
		}
		if st.Done {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	r.Seconds = time.Since(start).Seconds()
	// Let images decode before measuring them.
	time.Sleep(500 * time.Millisecond)
	rep, err := eval[report](ctx, reportJS)
	if err != nil {
		return fail(outcome.Error, "inspecting outputs: %v", err)
	}
	r.addReport(rep)
	// Precomputed demos: move the first slider of each and check the image changes.
	for _, cell := range rep.PrecomputedCells {
		if o.MaxSliders != 0 && len(r.Sliders) >= o.MaxSliders {
			break
		}
		r.Sliders = append(r.Sliders, movePrecomputedSlider(ctx, o, r.Notebook, cell))
	}
	shot := filepath.Join(o.OutDir, r.Notebook+".png")
	if err := screenshot(ctx, "", shot); err != nil {
		r.Errors = append(r.Errors, "screenshot: "+err.Error())
	} else {
		r.Screenshot = shot
	}
	r.finish()
	// Free the kernel for the next notebook.
	eval[bool](ctx, `Jupyter.notebook.kernel.kill(), true`)
	return r
}

type state struct {
	Done     bool `json:"done"`
	LiveCell int  `json:"liveCell"`
}

// stateJS: done when no cell waits or runs and the kernel is idle; liveCell is the index of a
// running cell that shows a GoNB slider (a live demo waiting for input), or -1.
const stateJS = `(() => {
  const nb = Jupyter.notebook;
  let pending = false, live = -1;
  nb.get_cells().forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const p = c.input_prompt_number;
    if (p === "*" || p === undefined || p === null) pending = true;
    if (p === "*" && c.element[0].querySelector(".output_area input[type=range]") &&
        [...c.element[0].querySelectorAll("button")].some(b => b.textContent.includes("Stop demo"))) live = i;
  });
  return {done: !pending && !nb.kernel_busy, liveCell: live};
})()`

type report struct {
	CodeCells        int      `json:"codeCells"`
	Images           int      `json:"images"`
	Errors           []string `json:"errors"`
	PrecomputedCells []int    `json:"precomputed"`
}

// reportJS checks every code cell: errors other than not-done exercises (the headless
// runner's rule, exercise.NotDonePattern, which is also valid JavaScript), images that are
// missing or not visible, and cells calling Show() without a figure.
var reportJS = `(() => {
  const re = new RegExp(` + jsString(exercise.NotDonePattern.String()) + `);
  const out = {codeCells: 0, images: 0, errors: [], precomputed: []};
  Jupyter.notebook.get_cells().forEach((c, i) => {
    if (c.cell_type !== "code") return;
    out.codeCells++;
    let text = "", hasErr = false;
    (c.output_area.outputs || []).forEach(o => {
      if (o.output_type === "error") { hasErr = true; text += o.ename + ": " + o.evalue + "\n" + (o.traceback || []).join("\n"); }
      if (o.output_type === "stream" && o.name === "stderr") text += o.text;
    });
    if (hasErr && !re.test(text)) out.errors.push("cell " + (i+1) + ": " + text.replace(/\x1b\[[0-9;]*m/g, "").slice(0, 300));
    const imgs = [...c.element[0].querySelectorAll(".output_area img")];
    imgs.forEach(im => {
      const r = im.getBoundingClientRect();
      if (!(im.naturalWidth > 0 && r.width > 0 && r.height > 0)) out.errors.push("cell " + (i+1) + ": an image is not visible (natural width " + im.naturalWidth + ")");
      else out.images++;
    });
    const src = c.get_text();
    const notDone = re.test(c.element[0].querySelector(".output_area") ? c.element[0].querySelector(".output_area").textContent : "");
    if (!hasErr && !notDone && src.includes(".Show()") && imgs.length === 0) out.errors.push("cell " + (i+1) + ": calls Show() but shows no figure");
    if (c.element[0].querySelector(".nma-demo input[type=range]")) out.precomputed.push(i);
  });
  return out;
})()`

func poll(ctx context.Context, limit time.Duration, js string) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		ok, err := eval[bool](ctx, js)
		if err == nil && ok {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("condition not met within %v: %s", limit, js)
}

// imgJS returns the src length and a short hash of the demo figure in a cell.
func imgJS(cell int, sel string) string {
	return fmt.Sprintf(`(() => { const c = Jupyter.notebook.get_cell(%d); const im = c.element[0].querySelector(%q);
  if (!im) return ""; let h = 0; const s = im.src; for (let k = 0; k < s.length; k += 7) h = (h * 31 + s.charCodeAt(k)) | 0; return s.length + ":" + h; })()`, cell, sel)
}

func moveLiveSlider(ctx context.Context, o Options, nb string, cell int) SliderResult {
	res := SliderResult{Cell: cell, Kind: "live"}
	sel := `img[alt="demo figure"]`
	if err := poll(ctx, 30*time.Second, fmt.Sprintf(`!!Jupyter.notebook.get_cell(%d).element[0].querySelector(%q)`, cell, sel)); err != nil {
		res.Err = "no demo figure: " + err.Error()
		return res
	}
	before, _ := eval[string](ctx, imgJS(cell, sel))
	scrollTo(ctx, cell)
	screenshot(ctx, "", filepath.Join(o.OutDir, fmt.Sprintf("%s_cell%d_before.png", nb, cell+1)))
	t0 := time.Now()
	_, err := eval[bool](ctx, fmt.Sprintf(`(() => { const s = Jupyter.notebook.get_cell(%d).element[0].querySelector(".output_area input[type=range]");
  s.value = String(Math.min(+s.max, Math.max(+s.min, +s.value + Math.ceil((+s.max - +s.min) / 4) || 1)));
  s.dispatchEvent(new Event("input")); s.dispatchEvent(new Event("change")); return true; })()`, cell))
	if err != nil {
		res.Err = err.Error()
		return res
	}
	for time.Since(t0) < 10*time.Second {
		now, _ := eval[string](ctx, imgJS(cell, sel))
		if now != "" && now != before {
			res.Millis = float64(time.Since(t0).Microseconds()) / 1000
			res.Changed = true
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !res.Changed {
		res.Err = "no new figure within 10 s"
	}
	time.Sleep(300 * time.Millisecond)
	screenshot(ctx, "", filepath.Join(o.OutDir, fmt.Sprintf("%s_cell%d_after.png", nb, cell+1)))
	return res
}

func movePrecomputedSlider(ctx context.Context, o Options, nb string, cell int) SliderResult {
	res := SliderResult{Cell: cell, Kind: "precomputed"}
	sel := `.nma-demo img`
	before, _ := eval[string](ctx, imgJS(cell, sel))
	scrollTo(ctx, cell)
	screenshot(ctx, "", filepath.Join(o.OutDir, fmt.Sprintf("%s_cell%d_before.png", nb, cell+1)))
	t0 := time.Now()
	_, err := eval[bool](ctx, fmt.Sprintf(`(() => { const s = Jupyter.notebook.get_cell(%d).element[0].querySelector(".nma-demo input[type=range]");
  s.value = String((+s.value + Math.max(1, Math.floor(+s.max / 3))) %% (+s.max + 1)); s.dispatchEvent(new Event("input")); return true; })()`, cell))
	if err != nil {
		res.Err = err.Error()
		return res
	}
	for time.Since(t0) < 5*time.Second {
		now, _ := eval[string](ctx, imgJS(cell, sel))
		if now != "" && now != before {
			res.Millis = float64(time.Since(t0).Microseconds()) / 1000
			res.Changed = true
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !res.Changed {
		res.Err = "no new figure within 5 s"
	}
	screenshot(ctx, "", filepath.Join(o.OutDir, fmt.Sprintf("%s_cell%d_after.png", nb, cell+1)))
	return res
}

func scrollTo(ctx context.Context, cell int) {
	eval[bool](ctx, fmt.Sprintf(`Jupyter.notebook.get_cell(%d).element[0].scrollIntoView(), true`, cell))
	time.Sleep(150 * time.Millisecond)
}

// screenshot saves the page as PNG. With full == "" it captures the whole notebook: the
// classic Notebook scrolls inside #site, so that element is unrolled first.
func screenshot(ctx context.Context, full, path string) error {
	if full == "" && strings.HasSuffix(path, "_before.png") || strings.HasSuffix(path, "_after.png") {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			return err
		}
		return os.WriteFile(path, png, 0o644)
	}
	eval[bool](ctx, `(() => { const s = document.getElementById("site"); if (s) { s.style.height = "auto"; s.style.overflow = "visible"; } document.body.style.overflow = "visible"; return true; })()`)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	eval[bool](ctx, `(() => { const s = document.getElementById("site"); if (s) { s.style.height = ""; s.style.overflow = ""; } document.body.style.overflow = ""; return true; })()`)
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// jsString is s as a JavaScript string literal (JSON's string syntax is JavaScript's).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
