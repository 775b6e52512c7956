package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// labDriver drives JupyterLab 4 through its application object, window.jupyterapp (the
// server runs with --expose-app-in-browser): documents open with the "docmanager:open"
// command, "Run All" is the "notebook:run-all-cells" command, and the open notebook panel
// is kept in window.__nma. Each browser tab works in a workspace of its own.
//
// With nb7 it drives Notebook 7, which is built from JupyterLab's components and exposes
// the same application object: one notebook per page (/notebooks/<path>), and documents
// such as a linked .go file open in a new browser tab (/edit/<path>).
type labDriver struct {
	workspace string
	nb7       bool
	base      string // the server's address, once a notebook is open
	session   string // the open notebook's session (close ends it)
}

func (l labDriver) frontend() Frontend {
	if l.nb7 {
		return Notebook
	}
	return Lab
}

// appReady waits until the page's JupyterLab (or Notebook 7) application has started.
func appReady(ctx context.Context) error {
	if err := poll(ctx, 90*time.Second, `!!(window.jupyterapp && window.jupyterapp.commands)`); err != nil {
		return fmt.Errorf("the page did not load its application (is the server started with --expose-app-in-browser?): %w", err)
	}
	if _, err := evalAsync[bool](ctx, `jupyterapp.restored.then(() => true)`); err != nil {
		return fmt.Errorf("the application did not finish starting: %w", err)
	}
	return nil
}

func (l labDriver) start(ctx context.Context, base string) error {
	if l.nb7 {
		return nil // every notebook is a page of its own
	}
	// ?reset: start from an empty workspace, whatever an earlier run left open.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/lab/workspaces/"+l.workspace+"?reset")); err != nil {
		return fmt.Errorf("opening JupyterLab: %w", err)
	}
	return appReady(ctx)
}

func (l *labDriver) open(ctx context.Context, base, path string) error {
	l.base = base
	js := `(async () => {
  const w = await jupyterapp.commands.execute("docmanager:open", {path: ` + jsString(path) + `, factory: "Notebook"});
  window.__nma = w;
  await w.context.ready;
  await w.sessionContext.ready;
  return true;
})()`
	if l.nb7 {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/notebooks/"+path)); err != nil {
			return err
		}
		if err := appReady(ctx); err != nil {
			return err
		}
		js = `(async () => {
  for (let k = 0; k < 600; k++) {
    const w = Array.from(jupyterapp.shell.widgets("main")).find(w => w.context && w.context.path === ` + jsString(path) + `);
    if (w) {
      window.__nma = w;
      await w.context.ready;
      await w.sessionContext.ready;
      return true;
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error("the page shows no notebook " + ` + jsString(path) + `);
})()`
	}
	if _, err := evalAsync[bool](ctx, js); err != nil {
		return err
	}
	if err := poll(ctx, 60*time.Second, `(() => { const s = __nma.sessionContext.session; return !!(s && s.kernel && s.kernel.connectionStatus === "connected"); })()`); err != nil {
		return fmt.Errorf("the kernel did not connect: %w", err)
	}
	id, err := eval[string](ctx, `__nma.sessionContext.session.id`)
	l.session = id
	return err
}

func (labDriver) runAll(ctx context.Context) error {
	// The command's promise ends with the last cell: do not wait for it here.
	_, err := eval[bool](ctx, `(jupyterapp.commands.execute("notebook:run-all-cells", {widgetId: __nma.id}), true)`)
	return err
}

func (l *labDriver) close(ctx context.Context) {
	// No save: the working copy is thrown away, and saving megabytes of demo frames takes
	// time. The server ends the notebook's session and kernel, asked from here: Notebook 7's
	// page does not answer scripts any more once its notebook's tab was used (measured: the
	// evaluation waits until its time is up), and its next notebook is a new page anyway.
	if l.session != "" {
		if req, err := http.NewRequestWithContext(ctx, http.MethodDelete, l.base+"/api/sessions/"+l.session, nil); err == nil {
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}
		l.session = ""
	}
	if !l.nb7 {
		eval[bool](ctx, `(() => { window.__nma = null; for (const x of Array.from(jupyterapp.shell.widgets("main"))) x.dispose(); return true; })()`)
	}
}

// stateJS: done when no code cell waits or runs and the kernel is idle; running counts the
// cells queued or running; liveCell is a running cell that shows a GoNB slider (a live demo
// waiting for input), or -1.
func (labDriver) stateJS() string {
	return `(() => {
  const w = __nma, s = w.sessionContext.session, k = s && s.kernel;
  let running = 0, live = -1;
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== "code" || c.model.executionState !== "running") return;
    running++;
    if (c.node.querySelector(".jp-OutputArea input[type=range]") &&
        [...c.node.querySelectorAll("button")].some(b => b.textContent.includes("Stop demo"))) live = i;
  });
  return {done: running === 0 && !!k && k.status === "idle", running, liveCell: live};
})()`
}

func (labDriver) reportJS() string {
	return `(() => {` + inspectJS + `
  const out = {codeCells: 0, images: 0, errors: [], precomputed: []};
  const sel = {markdown: ".jp-RenderedMarkdown", output: ".jp-OutputArea"};
  __nma.content.widgets.forEach((c, i) => inspect(out, i, c.model.type, c.node,
    c.model.type === "code" ? c.model.outputs.toJSON() : [], c.model.sharedModel.getSource(),
    c.model.type !== "code" || c.model.executionCount !== null, sel));
  // A dialog over the notebook (a kernel that died, "select a kernel", an error) is what the
  // student would have to answer.
  document.querySelectorAll(".jp-Dialog").forEach(d => out.errors.push("a dialog is open: " + d.innerText.replace(/\s+/g, " ").trim().slice(0, 200)));
  return out;
})()`
}

func (labDriver) cells() string     { return `__nma.content.widgets.map(c => c.node)` }
func (labDriver) cell(i int) string { return fmt.Sprintf(`__nma.content.widgets[%d].node`, i) }
func (labDriver) markdown() string  { return ".jp-RenderedMarkdown" }

// maxShot is the tallest window a screenshot is taken with (CSS pixels); a taller notebook
// is saved in parts.
const maxShot = 12000

// scrollerJS is the element the notebook scrolls in.
const scrollerJS = `(() => { const n = __nma.content.node; return n.closest(".jp-WindowedPanel-outer") || n.querySelector(".jp-WindowedPanel-outer") || n; })()`

// screenshot saves the whole notebook as JPEG: the notebook scrolls inside its panel, so
// the window is made as tall as the notebook (up to maxShot; taller notebooks are saved in
// parts, stem_2.jpg, …, the last one only as tall as what is left) and restored afterwards.
func (labDriver) screenshot(ctx context.Context, stem string) (string, error) {
	type dims struct {
		Total  float64 `json:"total"`
		View   float64 `json:"view"`
		Window float64 `json:"window"`
	}
	measure := `(() => { const s = ` + scrollerJS + `; return {total: s.scrollHeight, view: s.clientHeight, window: window.innerHeight}; })()`
	d, err := eval[dims](ctx, measure)
	if err != nil {
		return "", err
	}
	frame := d.Window - d.View // menus, tabs and toolbar above the notebook
	defer func() {
		chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
		time.Sleep(200 * time.Millisecond) // let JupyterLab lay out for the window again
	}()
	first := ""
	for part, top := 1, 0.0; part == 1 || top < d.Total-1; part++ {
		h := int64(frame + min(d.Total-top, maxShot-frame))
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, h)); err != nil {
			return "", err
		}
		// Scroll, then let the browser lay out and paint the cells now in view.
		js := fmt.Sprintf(`(async () => { const s = %s; s.scrollTop = %f; for (let k = 0; k < 3; k++) await new Promise(r => requestAnimationFrame(r)); await new Promise(r => setTimeout(r, 200)); return s.clientHeight; })()`, scrollerJS, top)
		view, err := evalAsync[float64](ctx, js)
		if err != nil {
			return "", err
		}
		img, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
		if err != nil {
			return "", err
		}
		path := stem + ".jpg"
		if part > 1 {
			path = fmt.Sprintf("%s_%d.jpg", stem, part)
		}
		if err := os.WriteFile(path, img, 0o644); err != nil {
			return "", err
		}
		if first == "" {
			first = path
		}
		if view <= 0 {
			break
		}
		top += view
	}
	return first, nil
}

// openLink clicks the link and checks that JupyterLab opens the file it points at in a
// tab of its own, in an editor, with the file's content (Notebook 7: in a new browser tab).
func (l *labDriver) openLink(ctx context.Context, link resolvedLink, want, shot string) error {
	r, err := findLink(ctx, l, link)
	if err != nil {
		return err
	}
	if l.nb7 {
		return openInNewTab(ctx, want, r) // no tab opens, so no screenshot
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(r.X, r.Y)); err != nil {
		return err
	}
	o, err := evalAsync[opened](ctx, `(async () => {
  for (let k = 0; k < 200; k++) {
    const w = Array.from(jupyterapp.shell.widgets("main")).find(w => w !== __nma && w.context && w.context.path === `+jsString(link.path)+`);
    if (w) {
      await w.context.ready;
      for (let j = 0; j < 50 && !w.isVisible; j++) await new Promise(r => setTimeout(r, 100));
      return {text: w.context.model.toString(), editor: !!(w.content && w.content.editor), visible: w.isVisible};
    }
    await new Promise(r => setTimeout(r, 100));
  }
  const open = Array.from(jupyterapp.shell.widgets("main")).map(w => w.context ? w.context.path : w.id);
  return {err: "clicking it opened no tab for the file within 20 s (open: " + open.join(", ") + ")"};
})()`)
	if err != nil {
		return err
	}
	if o.Err != "" {
		return fmt.Errorf("%s", o.Err)
	}
	time.Sleep(300 * time.Millisecond)
	viewportShot(ctx, shot)
	defer eval[bool](ctx, `(() => { for (const w of Array.from(jupyterapp.shell.widgets("main"))) if (w !== __nma) w.dispose(); jupyterapp.shell.activateById(__nma.id); return true; })()`)
	return o.check(link.path, want)
}

// opened is what a document tab shows.
type opened struct {
	Path    string `json:"path"`
	Text    string `json:"text"`
	Editor  bool   `json:"editor"`
	Visible bool   `json:"visible"`
	Err     string `json:"err"`
}

func (o opened) check(path, want string) error {
	switch {
	case o.Path != "" && o.Path != path:
		return fmt.Errorf("it opened %s, not %s", o.Path, path)
	case !o.Visible:
		return fmt.Errorf("it opened %s in a tab that is not shown", path)
	case !o.Editor:
		return fmt.Errorf("it opened %s, but not in an editor", path)
	case strings.TrimRight(o.Text, "\n") != strings.TrimRight(want, "\n"):
		return fmt.Errorf("the tab for %s does not show the file (%d characters, the file has %d)", path, len(o.Text), len(want))
	}
	return nil
}

// openInNewTab clicks a link at r that Notebook 7 opens in a new browser tab, through
// window.open, and checks what that tab would get: /tree/<path> is redirected to
// /files/<path> for a file that is not a notebook, which must serve the file as text. The
// page's window.open is replaced for the click, so no tab opens: a popup that is closed again
// leaves Notebook 7's page deaf to the test's scripts.
func openInNewTab(ctx context.Context, want string, r linkRect) error {
	if _, err := eval[bool](ctx, `(() => { window.__nmaOpened = []; if (!window.__nmaOpen) window.__nmaOpen = window.open;
  window.open = (url, ...rest) => { window.__nmaOpened.push(String(new URL(String(url), location.href))); return null; }; return true; })()`); err != nil {
		return err
	}
	defer eval[bool](ctx, `(() => { if (window.__nmaOpen) window.open = window.__nmaOpen; return true; })()`)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(r.X, r.Y)); err != nil {
		return err
	}
	var urls []string
	for t0 := time.Now(); len(urls) == 0 && time.Since(t0) < 20*time.Second; time.Sleep(100 * time.Millisecond) {
		var err error
		if urls, err = eval[[]string](ctx, `window.__nmaOpened`); err != nil {
			return err
		}
	}
	if len(urls) == 0 {
		return fmt.Errorf("clicking it opened no new tab within 20 s")
	}
	type fetched struct {
		URL string `json:"url"`
	}
	f, err := evalAsync[fetched](ctx, `fetch(`+jsString(urls[0])+`).then(r => ({url: r.url}))`)
	if err != nil {
		return err
	}
	if !strings.Contains(f.URL, "/files/") {
		return fmt.Errorf("the new tab would go to %s (from %s), not to the file (/files/…)", f.URL, urls[0])
	}
	if err := servedText(ctx, f.URL, want); err != nil {
		return fmt.Errorf("%w (nma setup configures .nma/venv's Jupyter to serve .go as text)", err)
	}
	return nil
}
