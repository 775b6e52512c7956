package e2e

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// classicDriver drives the classic Notebook 6 through its global Jupyter.notebook.
type classicDriver struct{}

func (classicDriver) frontend() Frontend { return Classic }

func (classicDriver) start(ctx context.Context, base string) error { return nil }

func (classicDriver) open(ctx context.Context, base, path string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/notebooks/"+path)); err != nil {
		return err
	}
	if err := poll(ctx, 60*time.Second, `!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`); err != nil {
		return fmt.Errorf("the kernel did not connect: %w", err)
	}
	return nil
}

func (classicDriver) runAll(ctx context.Context) error {
	_, err := eval[bool](ctx, `Jupyter.notebook.execute_all_cells(), true`)
	return err
}

func (classicDriver) close(ctx context.Context) {
	evalAsync[bool](ctx, `(async () => {
  if (!(window.Jupyter && Jupyter.notebook)) return true;
  try { await Jupyter.notebook.save_notebook(); } catch (e) {}
  try { Jupyter.notebook.kernel.kill(); } catch (e) {}
  return true;
})()`)
}

// stateJS: done when no cell waits or runs and the kernel is idle; liveCell is the index of a
// running cell that shows a GoNB slider (a live demo waiting for input), or -1.
func (classicDriver) stateJS() string {
	return `(() => {
  const nb = Jupyter.notebook;
  let pending = false, running = 0, live = -1;
  nb.get_cells().forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const p = c.input_prompt_number;
    if (p === "*" || p === undefined || p === null) pending = true;
    if (p === "*") running++;
    if (p === "*" && c.element[0].querySelector(".output_area input[type=range]") &&
        [...c.element[0].querySelectorAll("button")].some(b => b.textContent.includes("Stop demo"))) live = i;
  });
  return {done: !pending && !nb.kernel_busy, running, liveCell: live};
})()`
}

func (classicDriver) reportJS() string {
	return `(() => {` + inspectJS + `
  const out = {codeCells: 0, images: 0, errors: [], precomputed: []};
  const sel = {markdown: ".text_cell_render", output: ".output_area"};
  Jupyter.notebook.get_cells().forEach((c, i) => {
    const p = c.input_prompt_number;
    inspect(out, i, c.cell_type, c.element[0], c.cell_type === "code" ? c.output_area.outputs : [], c.get_text(),
      c.cell_type !== "code" || (p !== null && p !== undefined && p !== "*"), sel);
  });
  return out;
})()`
}

func (classicDriver) cells() string { return `Jupyter.notebook.get_cells().map(c => c.element[0])` }
func (classicDriver) cell(i int) string {
	return fmt.Sprintf(`Jupyter.notebook.get_cell(%d).element[0]`, i)
}
func (classicDriver) markdown() string { return ".text_cell_render" }

// screenshot saves the whole notebook as PNG: the classic Notebook scrolls inside #site,
// so that element is unrolled first.
func (classicDriver) screenshot(ctx context.Context, stem string) (string, error) {
	eval[bool](ctx, `(() => { const s = document.getElementById("site"); if (s) { s.style.height = "auto"; s.style.overflow = "visible"; } document.body.style.overflow = "visible"; return true; })()`)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	eval[bool](ctx, `(() => { const s = document.getElementById("site"); if (s) { s.style.height = ""; s.style.overflow = ""; } document.body.style.overflow = ""; return true; })()`)
	if err != nil {
		return "", err
	}
	path := stem + ".png"
	return path, os.WriteFile(path, png, 0o644)
}

// openLink clicks the link; the classic Notebook opens it in a new browser tab, which must
// show the file (served as text).
func (c classicDriver) openLink(ctx context.Context, link resolvedLink, want, shot string) error {
	r, err := findLink(ctx, c, link)
	if err != nil {
		return err
	}
	if r.Target != "_blank" {
		return fmt.Errorf("the link %s would replace the notebook (target %q, not a new tab)", r.Href, r.Target)
	}
	// The tab goes to /notebooks/…/x.go, which the server redirects to /files/…/x.go.
	id, url, err := clickToNewTab(ctx, r.X, r.Y, "/files/")
	if id != "" {
		defer chromedp.CallBrowser(ctx, target.CloseTarget, target.CloseTargetParams{TargetID: id})
	}
	if err != nil {
		return err
	}
	tabShot(ctx, id, shot)
	return servedText(ctx, url, want)
}
