package gemm

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

var threads atomic.Int64 // 0: GOMAXPROCS

// SetThreads sets the number of threads a product may use (n ≤ 0: GOMAXPROCS, the
// default) and returns the previous setting.
func SetThreads(n int) int {
	return int(threads.Swap(int64(max(n, 0))))
}

// Threads returns the number of threads a large product uses.
func Threads() int {
	if n := int(threads.Load()); n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// workspace holds a goroutine's packing buffers between calls.
type workspace struct{ buf []float32 }

// Workspaces are kept between calls in a small free list rather than a sync.Pool: a
// pool is emptied by every other garbage collection, and the next product would then
// allocate its buffers again (megabytes) — in a training loop that allocates
// elsewhere, that would be most steps. Buffers beyond maxKeptFloats are not kept.
const (
	maxKeptWorkspaces = 8
	maxKeptFloats     = 16 << 20 // 64 MiB
)

var freeWorkspaces = make(chan *workspace, maxKeptWorkspaces)

func getWorkspace() *workspace {
	select {
	case w := <-freeWorkspaces:
		return w
	default:
		return new(workspace)
	}
}

func putWorkspace(w *workspace) {
	if cap(w.buf) > maxKeptFloats {
		return
	}
	select {
	case freeWorkspaces <- w:
	default:
	}
}

// get returns three disjoint buffers of the given lengths, each aligned to 64 bytes.
func (w *workspace) get(n0, n1, n2 int) (x, y, z []float32) {
	const align = 16 // floats
	r0, r1, r2 := roundUp(n0, align), roundUp(n1, align), roundUp(n2, align)
	need := r0 + r1 + r2 + align
	if cap(w.buf) < need {
		w.buf = make([]float32, need)
	}
	buf := w.buf[:need]
	off := int(uintptr(unsafe.Pointer(&buf[0]))/4) % align
	if off != 0 {
		off = align - off
	}
	buf = buf[off:]
	return buf[:n0:n0], buf[r0 : r0+n1 : r0+n1], buf[r0+r1 : r0+r1+n2 : r0+r1+n2]
}

// job is one part of a product, run by a worker goroutine.
type job struct {
	q              problem
	pa             path
	i0, i1, j0, j1 int
	done           chan struct{}
}

var (
	jobs       = make(chan job, 64)
	workersMu  sync.Mutex
	numWorkers int
	doneChans  = make(chan chan struct{}, maxKeptWorkspaces) // free list of completion channels
)

// startWorkers makes sure at least n worker goroutines are running.
func startWorkers(n int) {
	workersMu.Lock()
	for ; numWorkers < n; numWorkers++ {
		go func() {
			for jb := range jobs {
				jb.q.compute(jb.pa, jb.i0, jb.i1, jb.j0, jb.j1)
				done := jb.done
				jb = job{} // do not keep the caller's matrices reachable
				done <- struct{}{}
			}
		}()
	}
	workersMu.Unlock()
}

// parallel splits C into parts, one per thread, computes them and waits.
func (q problem) parallel(pa path) {
	t := int(min(int64(Threads()), q.work()/minWorkPerThread, 64))
	// Split along n unless the packed path has more rows than columns.
	alongN := pa != pathPacked || q.n >= q.m
	unit, size := nr, q.n
	switch {
	case pa == pathDot:
		unit = 6
	case !alongN:
		unit, size = mr, q.m
	}
	t = min(t, (size+unit-1)/unit)
	if t <= 1 {
		q.compute(pa, 0, q.m, 0, q.n)
		return
	}
	startWorkers(t - 1)
	var done chan struct{}
	select {
	case done = <-doneChans:
	default:
		done = make(chan struct{}, 64)
	}
	units := (size + unit - 1) / unit
	bound := func(p int) int { return min(units*p/t*unit, size) }
	for p := 1; p < t; p++ {
		jb := job{q: q, pa: pa, i0: 0, i1: q.m, j0: 0, j1: q.n, done: done}
		if alongN {
			jb.j0, jb.j1 = bound(p), bound(p+1)
		} else {
			jb.i0, jb.i1 = bound(p), bound(p+1)
		}
		jobs <- jb
	}
	if alongN {
		q.compute(pa, 0, q.m, 0, bound(1))
	} else {
		q.compute(pa, 0, bound(1), 0, q.n)
	}
	for p := 1; p < t; p++ {
		<-done
	}
	select {
	case doneChans <- done:
	default:
	}
}

// compute runs one part (rows i0…i1−1, columns j0…j1−1 of C) on the calling goroutine.
func (q *problem) compute(pa path, i0, i1, j0, j1 int) {
	ws := getWorkspace()
	switch pa {
	case pathDot:
		q.dot(ws, j0, j1)
	case pathDirect:
		q.blocked(ws, i0, i1, j0, j1, true)
	default:
		q.blocked(ws, i0, i1, j0, j1, false)
	}
	putWorkspace(ws)
}
