package multiprocessing

// Threads for multiprocessing's own machinery (Pool's handler threads),
// and the in-process queue and event they use. They are goroutines that
// take the GIL only while running Python code; waits release it. They
// need nothing from the threading module, which may not be loaded.

import (
	"sync"
	"time"

	"gilpy/vm"
)

// pyThread is a started helper thread.
type pyThread struct {
	vm.Object
	th   *vm.Thread
	name string
	done chan struct{}
}

var pyThreadLayout = vm.NewLayout[pyThread]("_HelperThread")

var pyThreadType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_HelperThread", Module: "_gilpy_mp", Layout: pyThreadLayout.Info(),
	Methods: []*vm.BuiltinMethod{
		{Name: "join", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			t := pyThreadLayout.Must(args[0])
			var timeout vm.Value = vm.None
			if err := vm.UnpackArgs("join", args[1:], kw, "timeout?", &timeout); err != nil {
				return vm.Null, err
			}
			d, err := timeoutArg(th, timeout)
			if err != nil {
				return vm.Null, err
			}
			if t.th == th {
				return vm.Null, vm.Errorf(vm.RuntimeError, "cannot join current thread")
			}
			th.Blocking(func() { waitChan(t.done, d) })
			return vm.None, nil
		}},
		{Name: "is_alive", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			t := pyThreadLayout.Must(args[0])
			select {
			case <-t.done:
				return vm.False, nil
			default:
				return vm.True, nil
			}
		}},
	},
	Getters: []*vm.GetSet{
		{Name: "name", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr(pyThreadLayout.Must(v).name), nil }},
		{Name: "ident", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeInt(pyThreadLayout.Must(v).th.ID), nil
		}},
	},
})

// waitChan waits for c to close, or for d to pass (negative: forever).
// It reports whether c closed.
func waitChan(c <-chan struct{}, d time.Duration) bool {
	if d < 0 {
		<-c
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-c:
		return true
	case <-t.C:
		return false
	}
}

// timeoutArg converts a Python timeout (None or seconds) to a duration;
// negative means no timeout, and negative seconds count as zero.
func timeoutArg(th *vm.Thread, v vm.Value) (time.Duration, error) {
	if v.IsNull() || v.IsNone() {
		return -1, nil
	}
	f, err := vm.AsFloat(th, v)
	if err != nil {
		return 0, err
	}
	if f <= 0 {
		return 0, nil
	}
	return time.Duration(f * float64(time.Second)), nil
}

// startThread runs fn(*args) in a new Python thread.
func startThread(th *vm.Thread, fn vm.Value, args []vm.Value, name string) *pyThread {
	nt := th.Interp.NewThread(name)
	t := pyThreadLayout.New(pyThreadType)
	t.th, t.name, t.done = nt, name, make(chan struct{})
	args = append([]vm.Value(nil), args...)
	go func() {
		defer close(t.done)
		defer th.Interp.ForgetThread(nt)
		nt.AcquireGIL()
		defer nt.ReleaseGIL()
		if _, err := vm.Call(nt, fn, args, nil); err != nil {
			exc := vm.AsException(err)
			if !exc.Matches(vm.SystemExit) && !th.Interp.Finalizing() {
				writeStderr(nt, "Exception in thread "+name+":\n"+vm.FormatException(nt, exc))
			}
		}
	}()
	return t
}

// writeStderr writes to sys.stderr (falling back to the process's).
func writeStderr(th *vm.Thread, s string) {
	if th.Interp.Sys != nil {
		if e, ok := th.Interp.Sys.Get("stderr"); ok && !e.IsNone() {
			if _, err := vm.CallMethod(th, e, "write", vm.MakeStr(s)); err == nil {
				_, _ = vm.CallMethod(th, e, "flush")
				return
			}
		}
	}
	th.Interp.Stderr.WriteString(s)
}

// ------------------------------------------------------------ local queue

// localQueue is an unbounded FIFO between threads of one process.
type localQueue struct {
	vm.Object
	mu     sync.Mutex
	items  []vm.Value
	signal chan struct{}
}

var localQueueLayout = vm.NewLayout[localQueue]("_LocalQueue")

func newLocalQueue(t *vm.Type) *localQueue {
	q := localQueueLayout.New(t)
	q.signal = make(chan struct{}, 1)
	return q
}

func (q *localQueue) put(v vm.Value) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

// take pops an item without waiting.
func (q *localQueue) take() (vm.Value, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return vm.Null, false
	}
	v := q.items[0]
	q.items[0] = vm.Null
	q.items = q.items[1:]
	if len(q.items) > 0 {
		// Pass the wake-up on to another waiting getter.
		select {
		case q.signal <- struct{}{}:
		default:
		}
	}
	return v, true
}

var localQueueType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_LocalQueue", Module: "_gilpy_mp", Layout: localQueueLayout.Info(),
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return newLocalQueue(t).Value(), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "put", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "put() takes exactly one argument")
			}
			localQueueLayout.Must(args[0]).put(args[1])
			return vm.None, nil
		}},
		{Name: "get", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			q := localQueueLayout.Must(args[0])
			var timeout vm.Value = vm.None
			if err := vm.UnpackArgs("get", args[1:], kw, "timeout?", &timeout); err != nil {
				return vm.Null, err
			}
			d, err := timeoutArg(th, timeout)
			if err != nil {
				return vm.Null, err
			}
			var deadline time.Time
			if d >= 0 {
				deadline = time.Now().Add(d)
			}
			for {
				if v, ok := q.take(); ok {
					return v, nil
				}
				left := time.Duration(-1)
				if d >= 0 {
					left = time.Until(deadline)
					if left <= 0 {
						return vm.Null, vm.NewException(queueEmpty(th))
					}
				}
				th.Blocking(func() {
					if left < 0 {
						<-q.signal
						return
					}
					t := time.NewTimer(left)
					defer t.Stop()
					select {
					case <-q.signal:
					case <-t.C:
					}
				})
			}
		}},
		{Name: "qsize", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			q := localQueueLayout.Must(args[0])
			q.mu.Lock()
			defer q.mu.Unlock()
			return vm.MakeInt(int64(len(q.items))), nil
		}},
		{Name: "clear", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			q := localQueueLayout.Must(args[0])
			q.mu.Lock()
			q.items = nil
			q.mu.Unlock()
			return vm.None, nil
		}},
	},
})

// ------------------------------------------------------------ local event

// localEvent is threading.Event for multiprocessing's internal use.
type localEvent struct {
	vm.Object
	mu  sync.Mutex
	set bool
	ch  chan struct{}
}

var localEventLayout = vm.NewLayout[localEvent]("_LocalEvent")

var localEventType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_LocalEvent", Module: "_gilpy_mp", Layout: localEventLayout.Info(),
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			e := localEventLayout.New(t)
			e.ch = make(chan struct{})
			return e.Value(), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "set", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			e := localEventLayout.Must(args[0])
			e.mu.Lock()
			if !e.set {
				e.set = true
				close(e.ch)
			}
			e.mu.Unlock()
			return vm.None, nil
		}},
		{Name: "clear", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			e := localEventLayout.Must(args[0])
			e.mu.Lock()
			if e.set {
				e.set = false
				e.ch = make(chan struct{})
			}
			e.mu.Unlock()
			return vm.None, nil
		}},
		{Name: "is_set", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			e := localEventLayout.Must(args[0])
			e.mu.Lock()
			defer e.mu.Unlock()
			return vm.MakeBool(e.set), nil
		}},
		{Name: "wait", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			e := localEventLayout.Must(args[0])
			var timeout vm.Value = vm.None
			if err := vm.UnpackArgs("wait", args[1:], kw, "timeout?", &timeout); err != nil {
				return vm.Null, err
			}
			d, err := timeoutArg(th, timeout)
			if err != nil {
				return vm.Null, err
			}
			e.mu.Lock()
			ch, set := e.ch, e.set
			e.mu.Unlock()
			if set {
				return vm.True, nil
			}
			ok := false
			th.Blocking(func() { ok = waitChan(ch, d) })
			return vm.MakeBool(ok), nil
		}},
	},
})

// queueEmpty is queue.Empty (the queue module's, when it can be imported;
// otherwise multiprocessing's stand-in).
func queueEmpty(th *vm.Thread) *vm.Type {
	return queueExc(th, "Empty")
}

func queueExc(th *vm.Thread, name string) *vm.Type {
	for _, mod := range []string{"multiprocessing.queues"} {
		m, err := th.Import(mod)
		if err != nil {
			continue
		}
		if v, err := vm.LookupAttr(th, m, name); err == nil && !v.IsNull() {
			if t, ok := vm.AsType(v); ok {
				return t
			}
		}
	}
	return vm.ExceptionType
}
