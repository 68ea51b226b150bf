package multiprocessing

// A Queue's feeder. Queue.put() pickles the object at once (CPython
// pickles later, in its feeder thread; the difference shows only if the
// object changes after put()) and hands the bytes to a goroutine that
// writes them to the pipe under the queue's cross-process write lock. The
// goroutine never touches Python objects, so it needs no GIL. At process
// exit the feeders are drained, so that items put before exit arrive.

import (
	"sync"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

type feeder struct {
	vm.Object
	mu        sync.Mutex
	cond      *sync.Cond
	buf       [][]byte
	closed    bool
	started   bool
	done      chan struct{}
	wfd       int
	wlock     *SemLock
	cancelled bool
}

var feederLayout = vm.NewLayout[feeder]("_Feeder")

var (
	feedersMu sync.Mutex
	feeders   []*feeder
)

func (f *feeder) put(data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, data)
	if !f.started {
		f.started = true
		go f.run()
	}
	f.cond.Signal()
}

func (f *feeder) run() {
	defer close(f.done)
	for {
		f.mu.Lock()
		for len(f.buf) == 0 && !f.closed {
			f.cond.Wait()
		}
		if len(f.buf) == 0 {
			f.mu.Unlock()
			unix.Close(f.wfd)
			return
		}
		data := f.buf[0]
		f.buf[0] = nil
		f.buf = f.buf[1:]
		f.mu.Unlock()
		if f.wlock != nil {
			f.wlock.s.acquire(-1)
		}
		err := sendFramed(f.wfd, data)
		if f.wlock != nil {
			f.wlock.s.release()
		}
		if err != nil {
			// The reading end is gone (EPIPE) or the descriptor is bad:
			// nothing more can be delivered.
			f.mu.Lock()
			f.buf = nil
			f.closed = true
			f.mu.Unlock()
			unix.Close(f.wfd)
			return
		}
	}
}

// close tells the feeder no more data comes; it exits once drained.
func (f *feeder) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	if !f.started {
		f.started = true
		unix.Close(f.wfd)
		close(f.done)
		return
	}
	f.cond.Signal()
}

var feederType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_Feeder", Module: "_gilpy_mp", Layout: feederLayout.Info(),
	Slots: vm.Slots{
		// _Feeder(writer_connection, wlock_or_None)
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			var w, lock vm.Value = vm.Null, vm.None
			if err := vm.UnpackArgs("_Feeder", args, kw, "writer", &w, "wlock?", &lock); err != nil {
				return vm.Null, err
			}
			c, ok := connLayout.Cast(w)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "_Feeder needs a Connection")
			}
			if c.fd < 0 {
				return vm.Null, vm.Errorf(vm.OSError, "handle is closed")
			}
			fd, err := unix.FcntlInt(uintptr(c.fd), unix.F_DUPFD_CLOEXEC, 0)
			if err != nil {
				return vm.Null, errnoErr(err)
			}
			f := feederLayout.New(t)
			f.cond = sync.NewCond(&f.mu)
			f.done = make(chan struct{})
			f.wfd = fd
			if sl, ok := semLockLayout.Cast(lock); ok {
				f.wlock = sl
			}
			feedersMu.Lock()
			feeders = append(feeders, f)
			feedersMu.Unlock()
			return f.Value(), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "put", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := feederLayout.Must(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "put() takes exactly one argument")
			}
			b, ok := vm.AsBytesLike(args[1])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "put() needs bytes")
			}
			f.put(append([]byte(nil), b...))
			return vm.None, nil
		}},
		{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			feederLayout.Must(args[0]).close()
			return vm.None, nil
		}},
		{Name: "join", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := feederLayout.Must(args[0])
			f.mu.Lock()
			started := f.started
			f.mu.Unlock()
			if started {
				th.Blocking(func() { <-f.done })
			}
			return vm.None, nil
		}},
		{Name: "cancel_join", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := feederLayout.Must(args[0])
			f.mu.Lock()
			f.cancelled = true
			f.mu.Unlock()
			return vm.None, nil
		}},
		{Name: "started", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := feederLayout.Must(args[0])
			f.mu.Lock()
			defer f.mu.Unlock()
			return vm.MakeBool(f.started && !f.closed), nil
		}},
	},
})

// finishFeeders closes every feeder and waits for those whose join was
// not cancelled (multiprocessing's exit: Queue._finalize_close, then
// _finalize_join).
func finishFeeders(th *vm.Thread) {
	feedersMu.Lock()
	fs := feeders
	feeders = nil
	feedersMu.Unlock()
	for _, f := range fs {
		f.close()
	}
	th.Blocking(func() {
		for _, f := range fs {
			f.mu.Lock()
			skip := f.cancelled
			f.mu.Unlock()
			if !skip {
				<-f.done
			}
		}
	})
}
