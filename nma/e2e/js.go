package e2e

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
)

// The scripts below are shared by both front ends; each front end says how to reach its
// cells (a JavaScript expression of an array of cell DOM nodes, or of one cell's node) and
// which selectors its outputs and rendered Markdown use.

// inspectJS defines inspect(out, i, type, node, outputs, src, ran, sel), which checks one
// cell: errors other than not-done exercises (the headless runner's rule,
// exercise.NotDonePattern, which is also valid JavaScript), a code cell that did not run,
// images (outputs and Markdown) that are missing or not visible, and cells calling Show()
// without a figure; it notes cells holding a precomputed demo.
var inspectJS = `const notDone = new RegExp(` + jsString(exercise.NotDonePattern.String()) + `);
const inspect = (out, i, type, node, outputs, src, ran, sel) => {
  const visible = im => { const r = im.getBoundingClientRect(); return im.complete && im.naturalWidth > 0 && r.width > 0 && r.height > 0; };
  if (type === "markdown") {
    node.querySelectorAll(sel.markdown + " img").forEach(im => {
      if (!visible(im)) out.errors.push("cell " + (i+1) + ": the image " + (im.getAttribute("src") || "").slice(0, 80) + " is not visible (natural width " + im.naturalWidth + ")");
      else out.images++;
    });
    return;
  }
  if (type !== "code") return;
  out.codeCells++;
  const str = v => Array.isArray(v) ? v.join("") : (typeof v === "string" ? v : "");
  let text = "", all = "", hasErr = false;
  (outputs || []).forEach(o => {
    if (o.output_type === "error") { hasErr = true; text += o.ename + ": " + o.evalue + "\n" + (o.traceback || []).join("\n"); }
    if (o.output_type === "stream") { all += str(o.text); if (o.name === "stderr") text += str(o.text); }
    if (o.data) ["text/plain", "text/html", "text/markdown"].forEach(k => { all += str(o.data[k]); });
  });
  // A cell whose exercise is not done yet (its error or its calm line says so) is expected.
  const notDoneCell = notDone.test(text + "\n" + all);
  if (hasErr && !notDoneCell) out.errors.push("cell " + (i+1) + ": " + text.replace(/\x1b\[[0-9;]*m/g, "").slice(0, 300));
  if (!ran && src.trim() !== "") out.errors.push("cell " + (i+1) + ": did not run (Run All stopped before it)");
  const imgs = [...node.querySelectorAll(sel.output + " img")];
  imgs.forEach(im => {
    if (!visible(im)) out.errors.push("cell " + (i+1) + ": an image is not visible (natural width " + im.naturalWidth + ")");
    else out.images++;
  });
  // The cell's own output model says whether a figure was sent: a figure sent but not on the
  // page is a rendering problem, no figure sent a program's.
  const sent = (outputs || []).some(o => o.data && (o.data["image/png"] || /<img/.test(str(o.data["text/html"]))));
  if (!hasErr && !notDoneCell && src.includes(".Show()") && imgs.length === 0)
    out.errors.push("cell " + (i+1) + (sent ? ": a figure was sent but is not on the page" : ": calls Show() but shows no figure") +
      (text ? " (stderr: " + text.replace(/\s+/g, " ").slice(0, 200) + ")" : ""));
  // The display path's own failure (nma/internal/nbout) is an error wherever it shows.
  if (/nbout: /.test(text)) out.errors.push("cell " + (i+1) + ": " + text.replace(/\s+/g, " ").slice(0, 300));
  if (node.querySelector(".nma-demo [data-i]")) out.precomputed.push(i);
};
`

// settleImagesJS waits (at most 3 s per image) for every image of the notebook to load,
// scrolling an image that has not into view first, as a reader's scrolling would.
func settleImagesJS(cells string) string {
	return `(async () => {
  const ok = im => im.complete && im.naturalWidth > 0;
  for (const n of ` + cells + `) for (const im of n.querySelectorAll("img")) {
    if (ok(im)) continue;
    im.scrollIntoView({block: "center"});
    for (let k = 0; k < 30 && !ok(im); k++) await new Promise(r => setTimeout(r, 100));
  }
  return true;
})()`
}

// brokenLinksJS fetches every link of the rendered Markdown that points into the server
// (not #anchors) and lists those that do not answer 200: "cell 12: the link "solution"
// (/files/solutions/x.go) answers 404".
func brokenLinksJS(cells, markdown string) string {
	return `(async () => {
  const out = [], seen = new Map();
  const nodes = ` + cells + `;
  for (let i = 0; i < nodes.length; i++) for (const a of nodes[i].querySelectorAll(` + jsString(markdown+" a[href]") + `)) {
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin || (u.pathname === location.pathname && u.hash)) continue;
    u.hash = "";
    if (!seen.has(u.href)) seen.set(u.href, fetch(u.href).then(r => r.status, e => String(e)));
    const st = await seen.get(u.href);
    if (st !== 200) out.push("cell " + (i+1) + ": the link " + JSON.stringify(a.textContent.trim()) + " (" + decodeURIComponent(u.pathname) + ") answers " + st);
  }
  return out;
})()`
}

// demoCountJS returns, for each precomputed demo in a cell, how many controls it has.
func demoCountJS(cell string) string {
	return fmt.Sprintf(`[...%s.querySelectorAll(".nma-demo")].map(d => d.querySelectorAll("[data-i]").length)`, cell)
}

// scrollDemoJS scrolls demo d of a cell into view.
func scrollDemoJS(cell string, d int) string {
	return fmt.Sprintf(`(() => { const d = %s.querySelectorAll(".nma-demo")[%d]; if (d) d.scrollIntoView({block: "center"}); return !!d; })()`, cell, d)
}

// moveJS is the result of moving one control.
type moveJS struct {
	Kind    string  `json:"kind"`
	Changed bool    `json:"changed"`
	Millis  float64 `json:"ms"`
	Err     string  `json:"err"`
}

// moveControlJS moves control c of demo d of a cell — a slider by a third of its range
// (back to the start past the end), a select to its next option — as a user's input would
// (input and change events), and measures in the page how long until the demo's figure is
// a different, decoded image.
func moveControlJS(cell string, d, c int) string {
	return fmt.Sprintf(`(async () => {
  const demo = %s.querySelectorAll(".nma-demo")[%d];
  if (!demo) return {err: "the demo is gone"};
  const ctl = demo.querySelectorAll("[data-i]")[%d], img = demo.querySelector("img");
  if (!ctl || !img) return {err: "the demo has no control or no figure"};
  const kind = ctl.tagName === "SELECT" ? "select" : "slider";
  const before = img.src;
  if (kind === "select") {
    if (ctl.options.length < 2) return {kind, err: "the select has one option"};
    ctl.selectedIndex = (ctl.selectedIndex + 1) %% ctl.options.length;
  } else {
    const lo = +ctl.min, hi = +ctl.max;
    if (!(hi > lo)) return {kind, err: "the slider has one position"};
    let v = +ctl.value + Math.max(1, Math.floor((hi - lo) / 3));
    if (v > hi) v = lo;
    ctl.value = String(v);
  }
  const t0 = performance.now();
  ctl.dispatchEvent(new Event("input", {bubbles: true}));
  ctl.dispatchEvent(new Event("change", {bubbles: true}));
  while (img.src === before && performance.now() - t0 < 5000) await new Promise(r => setTimeout(r, 5));
  if (img.src === before) return {kind, err: "the figure stayed the same for 5 s"};
  try { await img.decode(); } catch (e) { return {kind, err: "the new figure does not decode"}; }
  const ms = performance.now() - t0;
  if (!(img.naturalWidth > 0)) return {kind, ms, err: "the new figure has no size"};
  return {kind, changed: true, ms};
})()`, cell, d, c)
}

// imgJS returns the src length and a short hash of a live demo's figure in a cell.
func imgJS(cell, sel string) string {
	return fmt.Sprintf(`(() => { const im = %s.querySelector(%q);
  if (!im) return ""; let h = 0; const s = im.src; for (let k = 0; k < s.length; k += 7) h = (h * 31 + s.charCodeAt(k)) | 0; return s.length + ":" + h; })()`, cell, sel)
}

// moveLiveJS moves a live (GoNB widget) demo's slider by a quarter of its range.
func moveLiveJS(cell string) string {
	return fmt.Sprintf(`(() => { const s = %s.querySelector("input[type=range]");
  s.value = String(Math.min(+s.max, Math.max(+s.min, +s.value + Math.ceil((+s.max - +s.min) / 4) || 1)));
  s.dispatchEvent(new Event("input")); s.dispatchEvent(new Event("change")); return true; })()`, cell)
}

// linkRectJS finds, in a Markdown cell, the link whose text is text and whose URL's path
// ends with "/"+path, scrolls it into view and returns its centre, or {err}.
func linkRectJS(cell, markdown, text, path string) string {
	return fmt.Sprintf(`(() => {
  const links = [...%s.querySelectorAll(%s)];
  const a = links.find(a => a.textContent.trim() === %s && decodeURIComponent(new URL(a.href, location.href).pathname).endsWith("/" + %s));
  if (!a) return {err: "no link " + JSON.stringify(%s) + " to " + %s + " among " + links.length + " links of the cell"};
  const r0 = a.getBoundingClientRect();
  if (r0.top < 80 || r0.bottom > innerHeight - 80) a.scrollIntoView({block: "center"});
  const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  const at = document.elementFromPoint(x, y);
  return {x, y, href: a.href, target: a.target, hit: !!at && a.contains(at), at: at ? at.tagName + "." + at.className : "nothing"};
})()`, cell, jsString(markdown+" a[href]"), jsString(text), jsString(path), jsString(text), jsString(path))
}

type linkRect struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Href   string  `json:"href"`
	Target string  `json:"target"`
	Hit    bool    `json:"hit"` // the link is what a click at (X, Y) reaches
	At     string  `json:"at"`  // what is at (X, Y)
	Err    string  `json:"err"`
}
