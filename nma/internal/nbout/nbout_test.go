//go:build unix

package nbout

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// fakeKernel plays GoNB's side of the pipes, as its jpyexec does: it reads the program's
// messages with a gob decoder of protocol.DisplayData and acknowledges every sync request
// on the answer pipe (a gob-encoded protocol.CommValue).
func fakeKernel(t *testing.T, dir string) (got chan *protocol.DisplayData) {
	w, r := filepath.Join(dir, "pipe"), filepath.Join(dir, "pipe_back")
	for _, p := range []string{w, r} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	t.Setenv(protocol.GONB_PIPE_ENV, w)
	t.Setenv(protocol.GONB_PIPE_BACK_ENV, r)
	got = make(chan *protocol.DisplayData, 16)
	go func() {
		in, err := os.Open(w) // the program's messages
		if err != nil {
			t.Error(err)
			return
		}
		out, err := os.OpenFile(r, os.O_WRONLY, 0o600) // the kernel's answers
		if err != nil {
			t.Error(err)
			return
		}
		dec, enc := gob.NewDecoder(in), gob.NewEncoder(out)
		for {
			var d protocol.DisplayData
			if err := dec.Decode(&d); err != nil {
				close(got)
				return
			}
			// as GoNB's jpyexec: the value decodes as a protocol.CommValue (gob registered the type)
			if cv, ok := d.Data[protocol.MIMECommValue].(protocol.CommValue); ok && cv.Address == protocol.GonbuiSyncAddress {
				if err := enc.Encode(&protocol.CommValue{Address: protocol.GonbuiSyncAckAddress, Value: cv.Value}); err != nil {
					t.Error(err)
				}
				continue
			}
			got <- &d
		}
	}()
	return got
}

// TestSpeaksGoNBsProtocol: HTML, an update by id and a PNG with its width arrive decoded as
// GoNB decodes them, and Sync returns once the kernel acknowledged it.
func TestSpeaksGoNBsProtocol(t *testing.T) {
	got := fakeKernel(t, t.TempDir())
	IsNotebook = true
	defer func() { IsNotebook = false }()

	HTML("<b>hello</b>")
	UpdateHTML("block-1", "<i>updated</i>")
	Send(&protocol.DisplayData{
		Data:     map[protocol.MIMEType]any{protocol.MIMEImagePNG: []byte("\x89PNG..."), protocol.MIMETextPlain: "<Figure>"},
		Metadata: map[string]any{string(protocol.MIMEImagePNG): map[string]int{"width": 576}},
	})
	done := make(chan struct{})
	go func() { Sync(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Sync did not return after the kernel's acknowledgement")
	}
	d := <-got
	if d.Data[protocol.MIMETextHTML] != "<b>hello</b>" || d.DisplayID != "" {
		t.Errorf("first message %+v, want the HTML", d)
	}
	d = <-got
	if d.Data[protocol.MIMETextHTML] != "<i>updated</i>" || d.DisplayID != "block-1" {
		t.Errorf("second message %+v, want the update of block-1", d)
	}
	d = <-got
	if png, _ := d.Data[protocol.MIMEImagePNG].([]byte); string(png) != "\x89PNG..." {
		t.Errorf("third message %+v, want the PNG", d)
	}
	if m, _ := d.Metadata[string(protocol.MIMEImagePNG)].(map[string]int); m["width"] != 576 {
		t.Errorf("PNG metadata %+v, want width 576", d.Metadata)
	}
	if a, b := UniqueID(), UniqueID(); a == b || len(a) != 16 {
		t.Errorf("UniqueID: %q, %q", a, b)
	}
}

// Outside a notebook nothing is sent and Sync returns at once.
func TestOutsideANotebook(t *testing.T) {
	IsNotebook = false
	HTML("x")
	done := make(chan struct{})
	go func() { Sync(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("Sync waits outside a notebook")
	}
}
