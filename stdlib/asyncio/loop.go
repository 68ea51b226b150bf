package asyncio

// This file is the event loop: the ready queue, the timer heap, one
// iteration (runOnce) and run_forever, following spec/runtime.md L1–L5.

import (
	"container/heap"
	"math"
	"sync"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

// Loop is the Go core of an event loop. Python's BaseEventLoop subclasses
// it and adds the methods that are clearer in Python (exception handlers,
// executors, sockets and servers, subprocesses).
type Loop struct {
	vm.Object
	self vm.Value // the Python object (l.Value())

	ready  ring
	timers timerHeap
	seq    uint64
	// timerCancelled counts cancelled timers still in the heap.
	timerCancelled int

	stopping, closed bool
	owner            *vm.Thread // the thread running the loop, nil when stopped
	debug            bool
	taskFactory      vm.Value

	current *Future // the task whose step is running
	tasks   taskList

	poll             *poller
	readers, writers map[int]*Handle

	// Handles posted from other threads (call_soon_threadsafe) wait here
	// until the loop's next iteration picks them up.
	tsMu sync.Mutex
	tsq  []*Handle

	// unretrieved lists futures that failed and whose exception nobody
	// has looked at yet (reported when the loop is closed).
	unretrieved []*failRecord

	// asyncgens are the async generators first iterated under this loop
	// (the firstiter hook); shutdown_asyncgens closes the live ones.
	serial int // creation order, for reports at exit

	asyncgens     []*vm.Generator
	agensShutdown bool
	oldHooks      vm.AsyncGenHooks
}

var loopLayout = vm.NewLayout[Loop]("_asyncio.Loop")

// clockResolution is time.get_clock_info('monotonic').resolution here.
const clockResolution = 1e-09

// Thresholds for rebuilding the heap when many timers were cancelled.
const (
	minScheduledTimers      = 100
	minCancelledTimersShare = 0.5
	maxSelectTimeout        = 24 * 3600
)

// monotonic is time.monotonic().
func monotonic() float64 {
	var ts unix.Timespec
	_ = unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts)
	return float64(ts.Sec) + float64(ts.Nsec)*1e-9
}

// ------------------------------------------------------------ ready ring

// ring is a FIFO of handles (a growable circular buffer).
type ring struct {
	buf        []*Handle
	head, size int
}

func (r *ring) push(h *Handle) {
	if r.size == len(r.buf) {
		n := 2 * len(r.buf)
		if n == 0 {
			n = 64
		}
		nb := make([]*Handle, n)
		k := copy(nb, r.buf[r.head:])
		copy(nb[k:], r.buf[:r.head])
		r.buf, r.head = nb, 0
	}
	r.buf[(r.head+r.size)%len(r.buf)] = h
	r.size++
}

func (r *ring) pop() *Handle {
	h := r.buf[r.head]
	r.buf[r.head] = nil
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return h
}

func (r *ring) clear() {
	clear(r.buf)
	r.head, r.size = 0, 0
}

// ------------------------------------------------------------ timer heap

// timerHeap orders timers by deadline, then by scheduling order (L5:
// CPython leaves ties undefined; FIFO is the order people expect).
type timerHeap []*Handle

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].idx, h[j].idx = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Handle)
	t.idx = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.idx = -1
	return t
}

// ------------------------------------------------------------ scheduling

func (l *Loop) checkClosed() error {
	if l.closed {
		return vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	return nil
}

// callSoon appends a handle to the ready queue.
func (l *Loop) callSoon(h *Handle) { l.ready.push(h) }

// schedule is call_soon(cb, *args, context=ctx) from Go.
func (l *Loop) schedule(cb vm.Value, args []vm.Value, ctx vm.Value) *Handle {
	h := newHandle(l, cb, args, ctx)
	l.ready.push(h)
	return h
}

// callAt pushes a timer.
func (l *Loop) callAt(when float64, cb vm.Value, args []vm.Value, ctx vm.Value) *Handle {
	h := newHandleOf(TimerHandleType, l, cb, args, ctx)
	h.timer = true
	h.when = when
	l.seq++
	h.seq = l.seq
	h.scheduled = true
	heap.Push(&l.timers, h)
	return h
}

// callSoonThreadsafe posts a handle from any thread and wakes the loop.
// From the loop's own thread it is call_soon (CPython appends to the
// ready queue at once in both cases; another thread's handle can only
// arrive between two of the loop's steps, which tsq reproduces).
func (l *Loop) callSoonThreadsafe(th *vm.Thread, h *Handle) {
	if th != nil && (l.owner == th || l.owner == nil) {
		l.ready.push(h)
		return
	}
	l.tsMu.Lock()
	l.tsq = append(l.tsq, h)
	p := l.poll
	l.tsMu.Unlock()
	if p != nil {
		p.wake()
	}
}

func (l *Loop) drainThreadsafe() {
	l.tsMu.Lock()
	q := l.tsq
	l.tsq = nil
	l.tsMu.Unlock()
	for _, h := range q {
		l.ready.push(h)
	}
}

func (l *Loop) hasThreadsafe() bool {
	l.tsMu.Lock()
	n := len(l.tsq)
	l.tsMu.Unlock()
	return n > 0
}

// timerCancelledHook is called when a scheduled timer is cancelled.
func (l *Loop) timerCancelledHook(h *Handle) {
	if h.scheduled {
		l.timerCancelled++
	}
}

// ------------------------------------------------------------ running

// runOnce is one iteration of the loop (L2).
func (l *Loop) runOnce(th *vm.Thread) error {
	// (a) Drop cancelled timers: all of them if they are many, otherwise
	// those at the head of the heap.
	if n := len(l.timers); n > minScheduledTimers && float64(l.timerCancelled)/float64(n) > minCancelledTimersShare {
		kept := l.timers[:0]
		for _, t := range l.timers {
			if t.cancelled {
				t.scheduled = false
				t.idx = -1
			} else {
				t.idx = len(kept)
				kept = append(kept, t)
			}
		}
		clear(l.timers[len(kept):])
		l.timers = kept
		heap.Init(&l.timers)
		l.timerCancelled = 0
	} else {
		for len(l.timers) > 0 && l.timers[0].cancelled {
			l.timerCancelled--
			t := heap.Pop(&l.timers).(*Handle)
			t.scheduled = false
		}
	}

	// (b) Wait for I/O: not at all when something is ready, until the
	// next deadline when timers are pending, otherwise until woken.
	timeout := -1.0
	if l.ready.size > 0 || l.stopping {
		timeout = 0
	} else if len(l.timers) > 0 {
		timeout = math.Min(math.Max(0, l.timers[0].when-monotonic()), maxSelectTimeout)
	}
	if err := l.wait(th, timeout); err != nil {
		return err
	}

	// (d) Timers that are due join the end of the queue, in deadline order.
	end := monotonic() + clockResolution
	for len(l.timers) > 0 && l.timers[0].when < end {
		t := heap.Pop(&l.timers).(*Handle)
		t.scheduled = false
		l.ready.push(t)
	}

	// (e) Run exactly what is ready now; anything these handles schedule
	// waits for the next iteration.
	n := l.ready.size
	for i := 0; i < n; i++ {
		h := l.ready.pop()
		if h.cancelled {
			continue
		}
		if err := h.run(th); err != nil {
			return err
		}
	}
	return nil
}

// wait polls for I/O with the given timeout (seconds, -1: forever) and
// appends what became ready: first callbacks posted by other threads,
// then reader and writer callbacks.
func (l *Loop) wait(th *vm.Thread, timeout float64) error {
	// A signal (Ctrl-C) runs its Python handler here, between two
	// iterations, as it does when CPython's select() is interrupted.
	if err := th.RunSignalHandlers(); err != nil {
		return err
	}
	if timeout == 0 && (l.poll == nil || l.poll.nfds == 0) {
		// Nothing to poll: skip the system call (the common case of a
		// busy loop of tasks).
		if l.hasThreadsafe() {
			l.drainThreadsafe()
		}
		return nil
	}
	p, err := l.poller()
	if err != nil {
		return err
	}
	events, err := p.wait(th, timeout)
	if err != nil {
		return err
	}
	if err := th.RunSignalHandlers(); err != nil {
		return err
	}
	l.drainThreadsafe()
	for _, ev := range events {
		fd := int(ev.Fd)
		if fd == p.wakeFd {
			continue
		}
		read := ev.Events&^unix.EPOLLOUT != 0
		write := ev.Events&^unix.EPOLLIN != 0
		if read {
			if h := l.readers[fd]; h != nil {
				if h.cancelled {
					l.removeReader(fd)
				} else {
					l.ready.push(h)
				}
			}
		}
		if write {
			if h := l.writers[fd]; h != nil {
				if h.cancelled {
					l.removeWriter(fd)
				} else {
					l.ready.push(h)
				}
			}
		}
	}
	return nil
}

func (l *Loop) poller() (*poller, error) {
	if l.poll != nil {
		return l.poll, nil
	}
	p, err := newPoller()
	if err != nil {
		return nil, err
	}
	l.tsMu.Lock()
	l.poll = p
	l.tsMu.Unlock()
	return p, nil
}

// runForever is loop.run_forever().
func (l *Loop) runForever(th *vm.Thread) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.owner != nil {
		return vm.Errorf(vm.RuntimeError, "This event loop is already running")
	}
	if r := runningLoop(th); r != nil {
		return vm.Errorf(vm.RuntimeError, "Cannot run the event loop while another loop is running")
	}
	first, err := vm.GetAttrString(th, l.self, "_asyncgen_firstiter_hook")
	if err != nil {
		return err
	}
	final, err := vm.GetAttrString(th, l.self, "_asyncgen_finalizer_hook")
	if err != nil {
		return err
	}
	l.owner = th
	restore := l.watchSignals(th)
	defer restore()
	l.oldHooks = th.AsyncGenHooks()
	th.SetAsyncGenHooks(vm.AsyncGenHooks{FirstIter: first, Finalizer: final})
	setRunningLoop(th, l)
	defer func() {
		l.stopping = false
		l.owner = nil
		setRunningLoop(th, nil)
		th.SetAsyncGenHooks(l.oldHooks)
	}()
	for {
		if err := l.runOnce(th); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// watchSignals points signal.set_wakeup_fd at the poller while the loop
// runs in the main thread, so that a signal wakes a loop waiting in
// epoll_wait; it returns the function that restores the previous fd.
func (l *Loop) watchSignals(th *vm.Thread) func() {
	nothing := func() {}
	if !th.IsMain() {
		return nothing
	}
	p, err := l.poller()
	if err != nil {
		return nothing
	}
	m, err := th.ImportModule("signal")
	if err != nil {
		return nothing
	}
	set, ok := m.Get("set_wakeup_fd")
	if !ok {
		return nothing
	}
	w, err := p.signalPipe()
	if err != nil {
		return nothing
	}
	old, err := vm.Call(th, set, []vm.Value{vm.MakeInt(int64(w))}, nil)
	if err != nil {
		return nothing
	}
	return func() { _, _ = vm.Call(th, set, []vm.Value{old}, nil) }
}

// close is loop.close() for the Go part: the queues are emptied and the
// poller released. Python's close() calls it after its own checks.
func (l *Loop) close() {
	l.closed = true
	l.ready.clear()
	for _, t := range l.timers {
		t.scheduled = false
	}
	l.timers = nil
	l.timerCancelled = 0
	l.tsMu.Lock()
	p := l.poll
	l.poll = nil
	l.tsq = nil
	l.tsMu.Unlock()
	if p != nil {
		p.close()
	}
	l.readers, l.writers = nil, nil
}

// ------------------------------------------------------------ I/O

func (l *Loop) interest(fd int) uint32 {
	var ev uint32
	if l.readers[fd] != nil {
		ev |= unix.EPOLLIN
	}
	if l.writers[fd] != nil {
		ev |= unix.EPOLLOUT
	}
	return ev
}

func (l *Loop) addReader(fd int, h *Handle) error {
	p, err := l.poller()
	if err != nil {
		return err
	}
	old := l.interest(fd)
	if l.readers == nil {
		l.readers = map[int]*Handle{}
	}
	if prev := l.readers[fd]; prev != nil {
		prev.cancel()
	}
	l.readers[fd] = h
	return p.update(fd, old, l.interest(fd))
}

func (l *Loop) addWriter(fd int, h *Handle) error {
	p, err := l.poller()
	if err != nil {
		return err
	}
	old := l.interest(fd)
	if l.writers == nil {
		l.writers = map[int]*Handle{}
	}
	if prev := l.writers[fd]; prev != nil {
		prev.cancel()
	}
	l.writers[fd] = h
	return p.update(fd, old, l.interest(fd))
}

func (l *Loop) removeReader(fd int) bool {
	h := l.readers[fd]
	if h == nil {
		return false
	}
	old := l.interest(fd)
	delete(l.readers, fd)
	h.cancel()
	if l.poll != nil {
		_ = l.poll.update(fd, old, l.interest(fd))
	}
	return true
}

func (l *Loop) removeWriter(fd int) bool {
	h := l.writers[fd]
	if h == nil {
		return false
	}
	old := l.interest(fd)
	delete(l.writers, fd)
	h.cancel()
	if l.poll != nil {
		_ = l.poll.update(fd, old, l.interest(fd))
	}
	return true
}
