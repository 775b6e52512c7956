// Package nbout shows output in a GoNB notebook — HTML, images, updates of a block by id —
// and waits until the kernel has it (Sync). It speaks GoNB's own protocol (gob-encoded
// protocol.DisplayData over the named pipes GoNB passes in GONB_PIPE and GONB_PIPE_BACK),
// exactly as GoNB's gonbui does, without gonbui's dependencies (klog, a UUID package and, with
// them, much of net and crypto: about 80 of a drawing cell's ~230 packages). GoNB compiles
// and links a program for every cell, so a cell that checks an exercise or shows a figure
// builds faster (see the README's "A cell, stage by stage").
//
// One program must write to GoNB's pipe through one encoder: a program that links gonbui
// itself (nma/widgets, for its live demos) routes everything through it (UseGonbui).
package nbout

import (
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// IsNotebook reports whether the program was started by a GoNB kernel.
var IsNotebook = os.Getenv(protocol.GONB_PIPE_ENV) != ""

var (
	mu       sync.Mutex
	enc      *gob.Encoder
	failed   error
	viaSend  func(*protocol.DisplayData)
	viaSync  func()
	nextSync int
	waiting  = map[int]chan struct{}{}
)

// UseGonbui routes all output through GoNB's gonbui (its SendData and Sync), for programs
// that link it: nma/widgets calls it, since its live demos talk to the front end through
// gonbui's comms, and two encoders on one pipe would garble it.
func UseGonbui(send func(*protocol.DisplayData), sync func()) {
	mu.Lock()
	defer mu.Unlock()
	viaSend, viaSync = send, sync
}

// open connects to the kernel's pipes once (mu held): GONB_PIPE to write, GONB_PIPE_BACK to
// read the kernel's answers (Sync's acknowledgements), as gonbui does.
func open() error {
	if failed != nil || enc != nil {
		return failed
	}
	w, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_ENV), os.O_WRONLY, 0o600)
	if err != nil {
		failed = fmt.Errorf("nbout: opening GoNB's pipe: %w", err)
		return failed
	}
	r, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_BACK_ENV), os.O_RDONLY, 0o600)
	if err != nil {
		w.Close()
		failed = fmt.Errorf("nbout: opening GoNB's answer pipe: %w", err)
		return failed
	}
	enc = gob.NewEncoder(w)
	go read(gob.NewDecoder(r))
	return nil
}

// read takes the kernel's answers and releases the Sync calls they acknowledge.
func read(dec *gob.Decoder) {
	for {
		var v protocol.CommValue
		if err := dec.Decode(&v); err != nil {
			mu.Lock()
			for id, ch := range waiting { // nobody will answer them now
				close(ch)
				delete(waiting, id)
			}
			if failed == nil {
				failed = fmt.Errorf("nbout: reading GoNB's answer pipe: %w", err)
			}
			mu.Unlock()
			return
		}
		if id, ok := v.Value.(int); ok && v.Address == protocol.GonbuiSyncAckAddress {
			mu.Lock()
			if ch, ok := waiting[id]; ok {
				close(ch)
				delete(waiting, id)
			}
			mu.Unlock()
		}
	}
}

// Send sends d to the kernel (gonbui.SendData). Outside a notebook it does nothing; a broken
// pipe is reported on stderr once, and later output is dropped.
func Send(d *protocol.DisplayData) {
	if !IsNotebook {
		return
	}
	mu.Lock()
	if viaSend != nil {
		send := viaSend
		mu.Unlock()
		send(d)
		return
	}
	defer mu.Unlock()
	if failed != nil {
		return
	}
	if err := open(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	if err := enc.Encode(d); err != nil {
		failed = fmt.Errorf("nbout: writing to GoNB's pipe: %w", err)
		fmt.Fprintln(os.Stderr, failed)
	}
}

// HTML shows html as a new output of the cell.
func HTML(html string) {
	Send(&protocol.DisplayData{Data: map[protocol.MIMEType]any{protocol.MIMETextHTML: html}})
}

// UpdateHTML shows html in the output block id: the first call with an id adds the block,
// later ones replace its content (Jupyter's update_display_data).
func UpdateHTML(id, html string) {
	Send(&protocol.DisplayData{Data: map[protocol.MIMEType]any{protocol.MIMETextHTML: html}, DisplayID: id})
}

// syncTimeout bounds a Sync: the kernel answers within milliseconds while the cell runs.
const syncTimeout = time.Minute

// Sync waits until the kernel has received everything sent so far (gonbui.Sync), so that a
// program may end right after showing a large output.
func Sync() {
	if !IsNotebook {
		return
	}
	mu.Lock()
	if viaSync != nil {
		s := viaSync
		mu.Unlock()
		s()
		return
	}
	if failed != nil {
		mu.Unlock()
		return
	}
	id := nextSync
	nextSync++
	ch := make(chan struct{})
	waiting[id] = ch
	mu.Unlock()
	Send(&protocol.DisplayData{Data: map[protocol.MIMEType]any{
		protocol.MIMECommValue: &protocol.CommValue{Address: protocol.GonbuiSyncAddress, Value: id},
	}})
	mu.Lock()
	if failed != nil { // the request never reached the kernel
		delete(waiting, id)
		mu.Unlock()
		return
	}
	mu.Unlock()
	select {
	case <-ch:
	case <-time.After(syncTimeout):
	}
}

// UniqueID returns a new id for an output block or an HTML element: 16 random hex digits
// (unique within a notebook page, which is all an id needs).
func UniqueID() string { return fmt.Sprintf("%016x", rand.Uint64()) }
