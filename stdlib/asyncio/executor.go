package asyncio

// A thread pool for run_in_executor and to_thread when
// concurrent.futures is not available: worker threads named like
// ThreadPoolExecutor's (asyncio_0, asyncio_1, ...), created on demand up
// to min(32, CPUs+4), each a Python thread that takes the GIL to run a
// job and posts the outcome back to the loop with call_soon_threadsafe.

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"gilpy/vm"
)

type execJob struct {
	fn   vm.Value
	args []vm.Value
	loop *Loop
	fut  *Future
}

type threadExecutor struct {
	vm.Object
	prefix   string
	max      int
	mu       sync.Mutex
	jobs     chan *execJob
	idle     int
	nthreads int
	shutdown bool
	wg       sync.WaitGroup
}

var threadExecutorLayout = vm.NewLayout[threadExecutor]("_asyncio._ThreadExecutor")

var threadExecutorType *vm.Type

func (e *threadExecutor) submit(th *vm.Thread, j *execJob) error {
	e.mu.Lock()
	if e.shutdown {
		e.mu.Unlock()
		return vm.Errorf(vm.RuntimeError, "cannot schedule new futures after shutdown")
	}
	spawn := false
	if e.idle > 0 {
		e.idle--
	} else if e.nthreads < e.max {
		spawn = true
		e.nthreads++
	}
	n := e.nthreads - 1
	e.mu.Unlock()
	if spawn {
		e.startWorker(th, fmt.Sprintf("%s_%d", e.prefix, n))
	}
	e.jobs <- j
	return nil
}

func (e *threadExecutor) startWorker(th *vm.Thread, name string) {
	nt := th.Interp.NewThread(name)
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		defer th.Interp.ForgetThread(nt)
		for j := range e.jobs {
			nt.AcquireGIL()
			r, err := vm.Call(nt, j.fn, j.args, nil)
			j.loop.postResult(nt, j.fut, r, err)
			nt.ReleaseGIL()
			e.mu.Lock()
			e.idle++
			e.mu.Unlock()
		}
	}()
}

func (e *threadExecutor) stop(th *vm.Thread, wait bool) {
	e.mu.Lock()
	if !e.shutdown {
		e.shutdown = true
		close(e.jobs)
	}
	e.mu.Unlock()
	if wait {
		th.Blocking(e.wg.Wait)
	}
}

// postResult completes fut on its loop's thread with fn's outcome.
func (l *Loop) postResult(th *vm.Thread, fut *Future, r vm.Value, err error) {
	set := vm.NewFunc("_set_state", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if fut.state != statePending {
			return vm.None, nil
		}
		if err != nil {
			return vm.None, fut.setException(th, vm.AsException(err).Value())
		}
		return vm.None, fut.setResult(th, r)
	})
	l.tsMu.Lock()
	closed := l.closed
	l.tsMu.Unlock()
	if closed {
		return
	}
	l.callSoonThreadsafe(th, newHandle(l, set, nil, vm.Null))
}

func initExecutorType() {
	threadExecutorType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "_ThreadExecutor", Module: "_asyncio", Layout: threadExecutorLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				var maxw, prefix vm.Value = vm.None, vm.MakeStr("")
				if err := vm.UnpackArgs("_ThreadExecutor", args, kw, "max_workers?", &maxw, "thread_name_prefix?", &prefix); err != nil {
					return vm.Null, err
				}
				e := threadExecutorLayout.New(t)
				e.max = min(32, runtime.NumCPU()+4)
				if !maxw.IsNone() {
					n, err := vm.AsInt64(th, maxw)
					if err != nil {
						return vm.Null, err
					}
					if n <= 0 {
						return vm.Null, vm.Errorf(vm.ValueError, "max_workers must be greater than 0")
					}
					e.max = int(n)
				}
				if s, ok := vm.AsStr(prefix); ok && s.String() != "" {
					e.prefix = s.String()
				} else {
					e.prefix = fmt.Sprintf("ThreadPoolExecutor-%d", executorCounter.Add(1)-1)
				}
				e.jobs = make(chan *execJob, 1<<16)
				return e.Value(), nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "_run", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				// _run(loop, func, *args) -> asyncio future
				if len(args) < 3 {
					return vm.Null, vm.Errorf(vm.TypeError, "_run() needs a loop and a function")
				}
				e := threadExecutorLayout.Must(args[0])
				l, ok := loopLayout.Cast(args[1])
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "_run() needs a gilpy event loop")
				}
				f := futureLayout.New(FutureType)
				f.coro, f.name = vm.None, vm.None
				if err := f.init(th, args[1]); err != nil {
					return vm.Null, err
				}
				j := &execJob{fn: args[2], args: append([]vm.Value(nil), args[3:]...), loop: l, fut: f}
				if err := e.submit(th, j); err != nil {
					return vm.Null, err
				}
				return f.Value(), nil
			}},
			{Name: "shutdown", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				wait, cancel := vm.True, vm.False
				if err := vm.UnpackArgs("shutdown", args[1:], kw, "wait?", &wait, "*", "cancel_futures?", &cancel); err != nil {
					return vm.Null, err
				}
				w, err := vm.Truth(th, wait)
				if err != nil {
					return vm.Null, err
				}
				threadExecutorLayout.Must(args[0]).stop(th, w)
				return vm.None, nil
			}},
		},
	})
}

// executorCounter numbers executors without a thread name prefix.
var executorCounter atomic.Int64

// startThread runs fn() in a new Python thread (shutdown helpers).
func startThread(th *vm.Thread, fn vm.Value, name string) {
	nt := th.Interp.NewThread(name)
	go func() {
		defer th.Interp.ForgetThread(nt)
		nt.AcquireGIL()
		defer nt.ReleaseGIL()
		if _, err := vm.Call(nt, fn, nil, nil); err != nil {
			exc := vm.AsException(err)
			if !exc.Matches(vm.SystemExit) && !th.Interp.Finalizing() {
				_ = writeStderr(nt, "Exception in thread "+name+":\n"+vm.FormatException(nt, exc))
			}
		}
	}()
}
