package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// driver is what differs between the front ends: how to open a notebook and run it, reach
// its cells, tell when it is done, open a link and take a screenshot of the whole notebook.
type driver interface {
	frontend() Frontend
	start(ctx context.Context, base string) error                // load the front end's page
	open(ctx context.Context, base, path string) error           // open a notebook and wait for its kernel
	runAll(ctx context.Context) error                            // start "Run All"
	close(ctx context.Context)                                   // save, shut the kernel down, close the notebook
	stateJS() string                                             // evaluates to a state
	reportJS() string                                            // evaluates to a report
	cells() string                                               // JS: an array of every cell's DOM node
	cell(i int) string                                           // JS: the DOM node of cell i
	markdown() string                                            // CSS selector of rendered Markdown
	screenshot(ctx context.Context, stem string) (string, error) // the whole notebook, returns the (first) file
	// openLink clicks a Markdown link as a student would and checks that what opens
	// shows want; shot is a screenshot of it.
	openLink(ctx context.Context, l resolvedLink, want, shot string) error
}

// driverFor is the driver of a front end for worker w (its browser tab).
func driverFor(f Frontend, w int) driver {
	switch f {
	case Classic:
		return classicDriver{}
	case Notebook:
		return &labDriver{nb7: true}
	}
	return &labDriver{workspace: fmt.Sprintf("nma-e2e-%d", w+1)}
}

// movePrecomputed moves every control of every precomputed demo in a cell, with a
// screenshot before and after the first control of each demo.
func movePrecomputed(ctx context.Context, d driver, dir, nb string, cell int) []SliderResult {
	counts, err := eval[[]int](ctx, demoCountJS(d.cell(cell)))
	if err != nil || len(counts) == 0 {
		return []SliderResult{{Cell: cell, Kind: "precomputed", Err: fmt.Sprintf("cannot read the demo's controls: %v", err)}}
	}
	var out []SliderResult
	for di, n := range counts {
		for c := 0; c < n; c++ {
			stem := fmt.Sprintf("%s_cell%d", nb, cell+1)
			if len(counts) > 1 {
				stem += fmt.Sprintf("_demo%d", di+1)
			}
			if c == 0 {
				eval[bool](ctx, scrollDemoJS(d.cell(cell), di))
				time.Sleep(100 * time.Millisecond)
				viewportShot(ctx, filepath.Join(dir, stem+"_before.png"))
			}
			m, err := evalAsync[moveJS](ctx, moveControlJS(d.cell(cell), di, c))
			res := SliderResult{Cell: cell, Kind: "precomputed", Control: m.Kind, Millis: m.Millis, Changed: m.Changed, Err: m.Err}
			if err != nil {
				res.Changed, res.Err = false, err.Error()
			}
			if n > 1 {
				res.Control = fmt.Sprintf("%s %d", res.Control, c+1)
			}
			if c == 0 {
				viewportShot(ctx, filepath.Join(dir, stem+"_after.png"))
			}
			out = append(out, res)
		}
	}
	return out
}

// moveLiveSlider moves the slider of a live (GoNB widget) demo, which answers through the
// kernel, and measures until its figure changes.
func moveLiveSlider(ctx context.Context, d driver, dir, nb string, cell int) SliderResult {
	res := SliderResult{Cell: cell, Kind: "live", Control: "slider"}
	sel := `img[alt="demo figure"]`
	if err := poll(ctx, 30*time.Second, fmt.Sprintf(`!!%s.querySelector(%q)`, d.cell(cell), sel)); err != nil {
		res.Err = "no demo figure: " + err.Error()
		return res
	}
	before, _ := eval[string](ctx, imgJS(d.cell(cell), sel))
	eval[bool](ctx, fmt.Sprintf(`(%s.scrollIntoView({block: "center"}), true)`, d.cell(cell)))
	time.Sleep(150 * time.Millisecond)
	viewportShot(ctx, filepath.Join(dir, fmt.Sprintf("%s_cell%d_before.png", nb, cell+1)))
	t0 := time.Now()
	if _, err := eval[bool](ctx, moveLiveJS(d.cell(cell))); err != nil {
		res.Err = err.Error()
		return res
	}
	for time.Since(t0) < 10*time.Second {
		now, _ := eval[string](ctx, imgJS(d.cell(cell), sel))
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
	viewportShot(ctx, filepath.Join(dir, fmt.Sprintf("%s_cell%d_after.png", nb, cell+1)))
	return res
}

// viewportShot saves what the window shows as PNG.
func viewportShot(ctx context.Context, path string) error {
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// clickToNewTab clicks at (x, y) — a link that opens a new browser tab — and returns the
// new tab and its address once that has one of the path parts in want (e.g. "/files/"): the
// tab may pass through redirects first. The caller closes the tab.
func clickToNewTab(ctx context.Context, x, y float64, want ...string) (target.ID, string, error) {
	wctx, wcancel := context.WithTimeout(ctx, 20*time.Second)
	defer wcancel()
	ch := chromedp.WaitNewTarget(wctx, func(i *target.Info) bool { return i.Type == "page" })
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		return "", "", err
	}
	var id target.ID
	select {
	case id = <-ch:
	case <-wctx.Done():
	}
	if id == "" {
		return "", "", fmt.Errorf("clicking it opened no new tab within 20 s")
	}
	url, seen := "", false
	settled := func() bool {
		for _, w := range want {
			if strings.Contains(url, w) {
				return true
			}
		}
		return false
	}
	for t0 := time.Now(); time.Since(t0) < 20*time.Second && !settled(); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			return id, "", err
		}
		found := false
		for _, i := range infos {
			if i.TargetID == id {
				url, found, seen = i.URL, true, true
			}
		}
		if !found && seen {
			// A tab that closes itself went to a download.
			return id, url, fmt.Errorf("the new tab closed itself (the browser downloaded %q instead of showing it)", url)
		}
	}
	if !settled() {
		return id, url, fmt.Errorf("the new tab went to %q, not to %s", url, strings.Join(want, " or "))
	}
	return id, url, nil
}

// servedText checks, from the page in ctx, that url serves want as text (what a browser
// tab then shows).
func servedText(ctx context.Context, url, want string) error {
	type page struct {
		Status      int    `json:"status"`
		ContentType string `json:"type"`
		Text        string `json:"text"`
	}
	p, err := evalAsync[page](ctx, `fetch(`+jsString(url)+`).then(async r => ({status: r.status, type: r.headers.get("Content-Type") || "", text: await r.text()}))`)
	if err != nil {
		return err
	}
	switch {
	case p.Status != 200:
		return fmt.Errorf("the new tab's address %s answers %d", url, p.Status)
	case !strings.HasPrefix(p.ContentType, "text/"):
		return fmt.Errorf("the new tab (%s) gets %s, which a browser downloads instead of showing", url, p.ContentType)
	case strings.TrimRight(p.Text, "\n") != strings.TrimRight(want, "\n"):
		return fmt.Errorf("the new tab (%s) does not show the file (%d characters, the file has %d)", url, len(p.Text), len(want))
	}
	return nil
}

// tabShot saves a screenshot of another tab, as far as it can be attached to.
func tabShot(ctx context.Context, id target.ID, path string) {
	tctx, tcancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id))
	defer tcancel()
	sctx, scancel := context.WithTimeout(tctx, 10*time.Second)
	defer scancel()
	time.Sleep(300 * time.Millisecond)
	viewportShot(sctx, path)
}

// findLink scrolls a Markdown link into view and waits (at most 5 s) until it stays in
// place and a click at its centre reaches it: the page may still be laying out cells.
func findLink(ctx context.Context, d driver, l resolvedLink) (linkRect, error) {
	js := linkRectJS(d.cell(l.Cell), d.markdown(), l.Text, l.path)
	var last linkRect
	for t0 := time.Now(); time.Since(t0) < 5*time.Second; time.Sleep(150 * time.Millisecond) {
		r, err := eval[linkRect](ctx, js)
		if err != nil {
			return r, err
		}
		if r.Err != "" {
			return r, fmt.Errorf("%s", r.Err)
		}
		if r.Hit && r.X == last.X && r.Y == last.Y {
			return r, nil
		}
		last = r
	}
	return last, fmt.Errorf("the link does not stay in place to be clicked (at its centre: %s)", last.At)
}
