// Package live shows a course demo live: the demo of package nma/widgets, on its whole
// grid, with GoNB's widgets that re-render the figure on every change. A student gets it by
// writing live.Demo{…} instead of widgets.Demo{…} in a demo's cell (the fields are the same,
// and GoNB adds this package's import); the cell then holds the kernel until its "Stop
// demo" button is pressed or widgets.IdleTimeout passes without a change, so no cell of the
// notebooks does it and "Run All" never waits.
//
// It is its own package because GoNB's gonbui, which the live widgets need, links 71
// packages more (crypto, net, klog, text/template) into every program that imports it: a
// precomputed demo cell, which needs none of them, builds in 0.23 s instead of 0.33 s.
//
// Headless (NMA_HEADLESS=1, as `nma run` sets it, or outside a notebook) it draws the
// default values once and returns; so it does when the browser does not show its widgets
// within widgets.StartTimeout (VS Code runs no widget JavaScript), instead of hanging.
package live

import (
	"encoding/base64"
	"fmt"
	"html"
	"os"
	"reflect"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
	"github.com/janpfeifer/gonb/gonbui/dom"
	gw "github.com/janpfeifer/gonb/gonbui/widgets"

	"github.com/nma-go/nma-go/nma/internal/nbout"
	"github.com/nma-go/nma-go/nma/widgets"
)

// The live demos talk to the front end through gonbui's comms, so a program that links this
// package sends everything through gonbui: one encoder on GoNB's pipe (see nbout.UseGonbui).
func init() { nbout.UseGonbui(gonbui.SendData, gonbui.Sync) }

// Demo is a widgets.Demo shown live: the same fields, a different Show.
type Demo widgets.Demo

// Show runs the demo with GoNB widgets on its whole grid (see the package doc).
func (d Demo) Show() {
	w := widgets.Demo(d)
	if err := w.Validate(); err != nil {
		showError(err)
		return
	}
	if widgets.Headless() {
		w.ShowDefaults("headless run: showing the default values (a live demo needs a browser)")
		return
	}
	run(w)
}

func showError(err error) {
	fmt.Fprintln(os.Stderr, err)
	if nbout.IsNotebook {
		nbout.HTML(`<pre style="color:#c62828">` + html.EscapeString(err.Error()) + `</pre>`)
	}
}

// control is one live GoNB widget: a slider or a select, both read as an index.
type control struct {
	ch      *comms.AddressChan[int]
	labelID string
}

// idleTimeout is widgets.IdleTimeout, or $NMA_DEMO_IDLE (a Go duration such as "20s") when
// set — the browser test uses a short one so a notebook's live demos end by themselves.
func idleTimeout() time.Duration {
	if v, err := time.ParseDuration(os.Getenv("NMA_DEMO_IDLE")); err == nil && v > 0 {
		return v
	}
	return widgets.IdleTimeout
}

// run shows d with GoNB widgets on its whole grid until Stop is pressed or the idle timeout
// passes.
func run(d widgets.Demo) {
	idleFor := idleTimeout()
	figID := "nma_demo_fig_" + gonbui.UniqueId()
	idx := make([]int, len(d.Params))
	for i, p := range d.Params {
		idx[i] = p.DefaultIndex()
	}
	draw := func() {
		f, err := d.FigureAt(idx)
		if err != nil {
			gonbui.UpdateHTML(figID, `<pre style="color:#c62828">`+html.EscapeString(err.Error())+`</pre>`)
			return
		}
		png, err := f.PNG()
		if err != nil {
			gonbui.UpdateHTML(figID, `<pre style="color:#c62828">`+html.EscapeString(err.Error())+`</pre>`)
			return
		}
		gonbui.UpdateHTML(figID, fmt.Sprintf(`<img src="data:image/png;base64,%s" width="%d" alt="demo figure">`,
			base64.StdEncoding.EncodeToString(png), f.DisplayWidth()))
	}

	root := dom.CreateTransientDiv()
	ready := make(chan []control, 1)
	stopCh := make(chan *comms.AddressChan[int], 1)
	go func() {
		ctls := make([]control, len(d.Params))
		for i, p := range d.Params {
			labelID := root + "_v" + fmt.Sprint(i)
			dom.Append(root, fmt.Sprintf(`<div style="font-family:sans-serif;margin:6px 0 0 0"><span style="font-weight:bold">%s</span> = <output id="%s">%s</output></div><div id="%s_w" style="max-width:450px"></div>`,
				html.EscapeString(p.Name), labelID, html.EscapeString(p.Labels()[p.DefaultIndex()]), labelID))
			if p.Options != nil {
				s := gw.Select(p.Options).SetDefault(p.DefaultIndex()).AppendTo(labelID + "_w").Done()
				ctls[i] = control{ch: s.Listen().LatestOnly(), labelID: labelID}
			} else {
				s := gw.Slider(0, len(p.Values())-1, p.DefaultIndex()).AppendTo(labelID + "_w").Done()
				ctls[i] = control{ch: s.Listen().LatestOnly(), labelID: labelID}
			}
		}
		stop := gw.Button("Stop demo").AppendTo(root).Done()
		stopCh <- stop.Listen()
		ready <- ctls
	}()
	var ctls []control
	select {
	case ctls = <-ready:
	case <-time.After(widgets.StartTimeout):
		dom.Remove(root)
		d.ShowDefaults(fmt.Sprintf("the widgets did not start within %v (no browser, or a front-end without GoNB's JavaScript, such as VS Code): showing the default values", widgets.StartTimeout))
		return
	}
	stop := <-stopCh
	draw()
	gonbui.DisplayHTML(`<small style="color:#666">Live demo on every value: this cell keeps the kernel busy until you press "Stop demo" (or after ` +
		idleFor.String() + ` without a change). Write <code>widgets.Demo</code> again instead of <code>live.Demo</code> for the precomputed demo, which leaves the kernel free.</small>`)

	cases := make([]reflect.SelectCase, 0, len(ctls)+2)
	for _, c := range ctls {
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c.ch.C)})
	}
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(stop.C)})
	idle := time.NewTimer(idleFor)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(idle.C)})
	for {
		chosen, v, ok := reflect.Select(cases)
		if chosen >= len(ctls) || !ok {
			break
		}
		i := int(v.Int())
		if i < 0 || i >= len(d.Params[chosen].Values()) {
			continue
		}
		idx[chosen] = i
		dom.SetInnerText(ctls[chosen].labelID, d.Params[chosen].Labels()[i])
		draw()
		idle.Reset(idleFor)
	}
	dom.Remove(root)
	gonbui.DisplayHTML(`<small style="color:#666">Demo stopped: run the cell again to explore more values.</small>`)
}
