package asyncio

// The _asyncio module: the loop type's Go methods, the running-loop and
// current-task registry, and the helpers the Python half of asyncio uses.

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"weak"

	"gilpy/stdlib/contextvars"
	"gilpy/vm"
)

// LoopType is the Go base class of every event loop (_asyncio._Loop).
var LoopType *vm.Type

var (
	typesOnce sync.Once
	// goCallSoon is the call_soon descriptor of LoopType, to recognise
	// loops whose call_soon was not overridden.
	goCallSoon vm.Value
	sleep0Type *vm.Type
	sleep0Lay  = vm.NewLayout[sleep0]("_asyncio._Sleep0")
)

func init() {
	vm.RegisterModule("_asyncio", initModule)
}

func initTypes() {
	typesOnce.Do(func() {
		initHandleTypes()
		initFutureTypes()
		initTaskType()
		initWrapperTypes()
		initLoopType()
		initExecutorType()
		sleep0Type = vm.NewBuiltinType(vm.TypeSpec{
			Name: "_Sleep0", Module: "_asyncio", Layout: sleep0Lay.Info(), Final: true,
			Slots: vm.Slots{
				Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil },
				Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
					s := sleep0Lay.Must(v)
					if s.done {
						return vm.Null, nil
					}
					s.done = true
					return vm.None, nil
				},
			},
			Methods: []*vm.BuiltinMethod{
				{Name: "__await__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			},
		})
	})
}

// sleep0 is the awaitable behind sleep(0): it yields None once, so the
// task goes to the back of the ready queue (S1).
type sleep0 struct {
	vm.Object
	done bool
}

// ------------------------------------------------------ exception types

var (
	excMu            sync.Mutex
	cancelledErrType *vm.Type
	invalidStateType *vm.Type
)

func loadExceptions(th *vm.Thread) {
	excMu.Lock()
	defer excMu.Unlock()
	if cancelledErrType != nil {
		return
	}
	m, err := th.ImportModule("asyncio.exceptions")
	if err != nil {
		return
	}
	if v, ok := m.Get("CancelledError"); ok {
		cancelledErrType, _ = vm.AsType(v)
	}
	if v, ok := m.Get("InvalidStateError"); ok {
		invalidStateType, _ = vm.AsType(v)
	}
}

func cancelledErrorType(th *vm.Thread) *vm.Type {
	if cancelledErrType == nil {
		loadExceptions(th)
		if cancelledErrType == nil {
			return vm.BaseException
		}
	}
	return cancelledErrType
}

func newCancelled(th *vm.Thread, args []vm.Value) *vm.Exception {
	return vm.NewException(cancelledErrorType(th), args...)
}

func newInvalidState(th *vm.Thread, msg string) *vm.Exception {
	if invalidStateType == nil {
		loadExceptions(th)
		if invalidStateType == nil {
			return vm.Errorf(vm.RuntimeError, "%s", msg)
		}
	}
	return vm.NewException(invalidStateType, vm.MakeStr(msg))
}

// ------------------------------------------------------ running loop

const runningKey = "asyncio.running_loop"

// runningLoop is the thread's running Go loop, or nil.
func runningLoop(th *vm.Thread) *Loop {
	if v, ok := th.Data[runningKey].(vm.Value); ok {
		if l, ok := loopLayout.Cast(v); ok {
			return l
		}
	}
	return nil
}

func runningLoopValue(th *vm.Thread) vm.Value {
	if v, ok := th.Data[runningKey].(vm.Value); ok && !v.IsNull() {
		return v
	}
	return vm.None
}

func setRunningValue(th *vm.Thread, v vm.Value) {
	if th.Data == nil {
		th.Data = map[string]any{}
	}
	if v.IsNone() || v.IsNull() {
		delete(th.Data, runningKey)
		return
	}
	th.Data[runningKey] = v
}

func setRunningLoop(th *vm.Thread, l *Loop) {
	if l == nil {
		setRunningValue(th, vm.None)
	} else {
		setRunningValue(th, l.self)
	}
}

// getEventLoop is events._get_event_loop(): the running loop, else the
// policy's.
func getEventLoop(th *vm.Thread) (vm.Value, error) {
	if v := runningLoopValue(th); !v.IsNone() {
		return v, nil
	}
	m, err := th.ImportModule("asyncio.events")
	if err != nil {
		return vm.Null, err
	}
	f, ok := m.Get("_get_event_loop")
	if !ok {
		return vm.Null, vm.Errorf(vm.RuntimeError, "no current event loop")
	}
	return vm.Call(th, f, nil, nil)
}

// ------------------------------------------------------ error reports

func writeStderr(th *vm.Thread, s string) error {
	errV, ok := th.Interp.Sys.Get("stderr")
	if !ok || errV.IsNone() {
		return nil
	}
	_, err := vm.CallMethod(th, errV, "write", vm.MakeStr(s))
	return err
}

// reportError passes {'message': msg, 'exception': exc, key: val} to the
// loop's call_exception_handler.
func (l *Loop) reportError(th *vm.Thread, msg string, exc *vm.Exception, key string, val vm.Value) error {
	d := vm.NewDict()
	d.SetString("message", vm.MakeStr(msg))
	if exc != nil {
		d.SetString("exception", exc.Value())
	}
	if key != "" && !val.IsNone() {
		d.SetString(key, val)
	}
	_, err := vm.CallMethod(th, l.self, "call_exception_handler", d.Value())
	if err != nil {
		e := vm.AsException(err)
		if e.Matches(vm.SystemExit) || e.Matches(vm.KeyboardInterrupt) {
			return err
		}
		// The handler itself failed: say so the way an uncaught
		// exception would, and keep the loop going.
		_ = writeStderr(th, vm.FormatException(th, e))
	}
	return nil
}

// "Task exception was never retrieved".
//
// CPython logs it when the last reference to a failed, unobserved future
// goes away. gilpy finds the same moment in two steps: when the loop is
// closed, a garbage collection shows which of those futures nobody
// references any more (a weak pointer has been cleared), and they are
// reported then; those still referenced (by a variable of the main
// coroutine, whose frame the propagating traceback keeps alive, or by a
// global) are reported at interpreter exit, after the traceback, which is
// where CPython's refcounting reports them too.

// failRecord is what the report needs, kept apart from the future so that
// holding it does not keep the future alive.
type failRecord struct {
	fut       weak.Pointer[Future]
	retrieved atomic.Bool
	exc       *vm.Exception
	msg       string // "Task exception was never retrieved"
	repr      string // the future's repr when it failed
}

var (
	loopsMu sync.Mutex
	// exitReports are the records still unreported when their loop closed
	// (or of loops never closed): reported at interpreter exit.
	exitReports []*failRecord
	atExitOnce  sync.Once
)

func (l *Loop) noteUnretrieved(th *vm.Thread, f *Future) {
	if n := len(l.unretrieved); n >= 1024 && n&(n-1) == 0 {
		kept := l.unretrieved[:0]
		for _, r := range l.unretrieved {
			if !r.retrieved.Load() {
				kept = append(kept, r)
			}
		}
		clear(l.unretrieved[len(kept):])
		l.unretrieved = kept
	}
	repr, err := vm.Repr(th, f.Value())
	rs := "<?>"
	if err == nil {
		rs = repr.String()
	}
	r := &failRecord{
		fut:  weak.Make(f),
		exc:  f.exc,
		msg:  f.Value().Type().Name + " exception was never retrieved",
		repr: rs,
	}
	f.fail = r
	l.unretrieved = append(l.unretrieved, r)
}

// reportUnretrieved reports, when the loop closes, the failed futures
// nobody references any more; the others wait for interpreter exit.
func (l *Loop) reportUnretrieved(th *vm.Thread) error {
	list := l.unretrieved
	l.unretrieved = nil
	pending := list[:0]
	for _, r := range list {
		if !r.retrieved.Load() {
			pending = append(pending, r)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	runtime.GC()
	var later []*failRecord
	for _, r := range pending {
		if r.retrieved.Load() {
			continue
		}
		if r.fut.Value() != nil {
			later = append(later, r)
			continue
		}
		if err := l.report(th, r); err != nil {
			return err
		}
	}
	loopsMu.Lock()
	exitReports = append(exitReports, later...)
	loopsMu.Unlock()
	return nil
}

func (l *Loop) report(th *vm.Thread, r *failRecord) error {
	if !r.retrieved.CompareAndSwap(false, true) {
		return nil
	}
	fv := vm.None
	if f := r.fut.Value(); f != nil {
		f.logTB = false
		f.fail = nil
		fv = f.Value()
	}
	d := vm.NewDict()
	d.SetString("message", vm.MakeStr(r.msg))
	d.SetString("exception", r.exc.Value())
	if fv.IsNone() {
		// The future is gone: its repr as it was when it failed.
		d.SetString("future", reprHolder(r.repr))
	} else {
		d.SetString("future", fv)
	}
	_, err := vm.CallMethod(th, l.self, "call_exception_handler", d.Value())
	if err != nil {
		e := vm.AsException(err)
		if e.Matches(vm.SystemExit) || e.Matches(vm.KeyboardInterrupt) {
			return err
		}
		_ = writeStderr(th, vm.FormatException(th, e))
	}
	return nil
}

// reportAllAtExit reports, as CPython's finalizers do when the objects
// die at shutdown, the tasks still pending ("Task was destroyed but it is
// pending!") and what is still unretrieved: futures of loops that were
// closed while the futures were still referenced, and of loops never
// closed.
func reportAllAtExit(th *vm.Thread) {
	loopsMu.Lock()
	recs := exitReports
	exitReports = nil
	loops := make([]*Loop, 0, len(liveLoops))
	for l := range liveLoops {
		loops = append(loops, l)
	}
	withPending := closedWithPending
	closedWithPending = nil
	loopsMu.Unlock()
	sort.Slice(loops, func(i, j int) bool { return loops[i].serial < loops[j].serial })
	for _, l := range append(withPending, loops...) {
		l.reportPendingTasks(th)
	}
	for _, l := range loops {
		for _, r := range l.unretrieved {
			if !r.retrieved.Load() {
				recs = append(recs, r)
			}
		}
		l.unretrieved = nil
	}
	for _, r := range recs {
		if f := r.fut.Value(); f != nil && f.loop != nil {
			_ = f.loop.report(th, r)
		} else if len(loops) > 0 {
			_ = loops[0].report(th, r)
		} else {
			reportDetached(th, r)
		}
	}
}

// reportDetached prints a record whose loop is gone, as the default
// exception handler would.
func reportDetached(th *vm.Thread, r *failRecord) {
	if !r.retrieved.CompareAndSwap(false, true) {
		return
	}
	_ = writeStderr(th, r.msg+"\nfuture: "+r.repr+"\n"+vm.FormatException(th, r.exc))
}

// liveLoops are the loops created and not closed yet.
var liveLoops = map[*Loop]bool{}

// closedWithPending are closed loops that still had pending tasks.
var closedWithPending []*Loop

var loopSerial int

// reportPendingTasks logs "Task was destroyed but it is pending!" for the
// loop's pending tasks, oldest first.
func (l *Loop) reportPendingTasks(th *vm.Thread) {
	var pending []*Future
	for t := l.tasks.head; t != nil; t = t.next {
		if t.state == statePending {
			pending = append(pending, t)
		}
	}
	for _, t := range pending {
		if l.closed {
			// The closed loop dropped its handles: CPython's collector
			// clears the coroutine's frame before the task goes.
			t.frameGone = true
		}
		d := vm.NewDict()
		d.SetString("task", t.Value())
		d.SetString("message", vm.MakeStr("Task was destroyed but it is pending!"))
		if _, err := vm.CallMethod(th, l.self, "call_exception_handler", d.Value()); err != nil {
			_ = writeStderr(th, vm.FormatException(th, vm.AsException(err)))
		}
	}
}

// reprHolder is an object whose repr is the given text.
func reprHolder(s string) vm.Value {
	h := reprHolderLayout.New(reprHolderType)
	h.s = s
	return h.Value()
}

type reprText struct {
	vm.Object
	s string
}

var (
	reprHolderLayout = vm.NewLayout[reprText]("_asyncio._Repr")
	reprHolderType   = vm.NewBuiltinType(vm.TypeSpec{
		Name: "_Repr", Module: "_asyncio", Layout: reprHolderLayout.Info(), Final: true,
		Slots: vm.Slots{Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeStr(reprHolderLayout.Must(v).s), nil
		}},
	})
)

// ------------------------------------------------------ the loop type

func lself(v vm.Value) *Loop { return loopLayout.Must(v) }

func (l *Loop) fastCallSoon() bool {
	return l.self.Type().LookupString("call_soon").Is(goCallSoon)
}

func contextArg(th *vm.Thread, name string, args []vm.Value, kw []vm.Value) ([]vm.Value, vm.Value, error) {
	ctx := vm.Null
	for i, k := range kw {
		ks, _ := vm.AsStr(k)
		if ks == nil || ks.String() != "context" {
			n := "?"
			if ks != nil {
				n = ks.String()
			}
			return nil, vm.Null, vm.Errorf(vm.TypeError, "%s() got an unexpected keyword argument '%s'", name, n)
		}
		ctx = args[len(args)-len(kw)+i]
	}
	pos := args[:len(args)-len(kw)]
	if !ctx.IsNull() && !ctx.IsNone() {
		if _, ok := contextvars.AsContext(ctx); !ok {
			return nil, vm.Null, vm.Errorf(vm.TypeError, "context must be a Context, got %s", vm.TypeName(ctx))
		}
	}
	if ctx.IsNone() {
		ctx = vm.Null
	}
	return pos, ctx, nil
}

// ctxOrCopy returns the context to run a callback in: the given one or a
// copy of the caller's (as Handle.__init__ does).
func ctxOrCopy(th *vm.Thread, ctx vm.Value) vm.Value {
	if ctx.IsNull() {
		return contextvars.Copy(th).Value()
	}
	return ctx
}

func loopMethods() []*vm.BuiltinMethod {
	m := func(name string, fn vm.BuiltinFn) *vm.BuiltinMethod { return &vm.BuiltinMethod{Name: name, Fn: fn} }
	return []*vm.BuiltinMethod{
		m("time", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeFloat(monotonic()), nil
		}),
		m("call_soon", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			pos, ctx, err := contextArg(th, "call_soon", args[1:], kw)
			if err != nil {
				return vm.Null, err
			}
			if len(pos) < 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "call_soon() missing 1 required positional argument: 'callback'")
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			if l.debug && !vm.Callable(pos[0]) {
				return vm.Null, vm.Errorf(vm.TypeError, "a callable object was expected by call_soon(), got %s", reprString(th, pos[0]))
			}
			return l.schedule(pos[0], pos[1:], ctxOrCopy(th, ctx)).Value(), nil
		}),
		m("call_soon_threadsafe", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			pos, ctx, err := contextArg(th, "call_soon_threadsafe", args[1:], kw)
			if err != nil {
				return vm.Null, err
			}
			if len(pos) < 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "call_soon_threadsafe() missing 1 required positional argument: 'callback'")
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			h := newHandle(l, pos[0], pos[1:], ctxOrCopy(th, ctx))
			l.callSoonThreadsafe(th, h)
			return h.Value(), nil
		}),
		m("call_later", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			pos, ctx, err := contextArg(th, "call_later", args[1:], kw)
			if err != nil {
				return vm.Null, err
			}
			if len(pos) < 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "call_later() missing required positional arguments")
			}
			if pos[0].IsNone() {
				return vm.Null, vm.Errorf(vm.TypeError, "delay must not be None")
			}
			d, err := vm.AsFloat(th, pos[0])
			if err != nil {
				return vm.Null, err
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			return l.callAt(monotonic()+d, pos[1], pos[2:], ctxOrCopy(th, ctx)).Value(), nil
		}),
		m("call_at", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			pos, ctx, err := contextArg(th, "call_at", args[1:], kw)
			if err != nil {
				return vm.Null, err
			}
			if len(pos) < 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "call_at() missing required positional arguments")
			}
			if pos[0].IsNone() {
				return vm.Null, vm.Errorf(vm.TypeError, "when cannot be None")
			}
			w, err := vm.AsFloat(th, pos[0])
			if err != nil {
				return vm.Null, err
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			return l.callAt(w, pos[1], pos[2:], ctxOrCopy(th, ctx)).Value(), nil
		}),
		m("create_future", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := futureLayout.New(FutureType)
			f.coro, f.name = vm.None, vm.None
			if err := f.init(th, args[0]); err != nil {
				return vm.Null, err
			}
			return f.Value(), nil
		}),
		m("create_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			var coro, name, ctx vm.Value = vm.Null, vm.None, vm.None
			if err := vm.UnpackArgs("create_task", args[1:], kw, "coro", &coro, "*", "name?", &name, "context?", &ctx); err != nil {
				return vm.Null, err
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			if l.taskFactory.IsNull() || l.taskFactory.IsNone() {
				t := futureLayout.New(TaskType)
				t.coro, t.name = vm.None, vm.None
				if err := t.initTask(th, coro, l.self, name, ctx); err != nil {
					return vm.Null, err
				}
				return t.Value(), nil
			}
			var task vm.Value
			var err error
			if ctx.IsNone() {
				task, err = vm.Call(th, l.taskFactory, []vm.Value{l.self, coro}, nil)
			} else {
				task, err = vm.Call(th, l.taskFactory, []vm.Value{l.self, coro, ctx}, []vm.Value{vm.MakeStr("context")})
			}
			if err != nil {
				return vm.Null, err
			}
			if !name.IsNone() {
				if _, err := vm.CallMethod(th, task, "set_name", name); err != nil {
					return vm.Null, err
				}
			}
			return task, nil
		}),
		m("set_task_factory", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "set_task_factory() takes exactly one argument")
			}
			if !args[1].IsNone() && !vm.Callable(args[1]) {
				return vm.Null, vm.Errorf(vm.TypeError, "task factory must be a callable or None")
			}
			lself(args[0]).taskFactory = args[1]
			return vm.None, nil
		}),
		m("get_task_factory", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if f := lself(args[0]).taskFactory; !f.IsNull() {
				return f, nil
			}
			return vm.None, nil
		}),
		m("run_forever", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, lself(args[0]).runForever(th)
		}),
		m("_run_once", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, lself(args[0]).runOnce(th)
		}),
		m("stop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			lself(args[0]).stopping = true
			return vm.None, nil
		}),
		m("is_running", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(lself(args[0]).owner != nil), nil
		}),
		m("is_closed", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(lself(args[0]).closed), nil
		}),
		m("_check_closed", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, lself(args[0]).checkClosed()
		}),
		m("_close_core", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			l.close()
			loopsMu.Lock()
			delete(liveLoops, l)
			if l.tasks.head != nil {
				closedWithPending = append(closedWithPending, l)
			}
			loopsMu.Unlock()
			return vm.None, nil
		}),
		m("_report_unretrieved", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, lself(args[0]).reportUnretrieved(th)
		}),
		m("get_debug", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(lself(args[0]).debug), nil
		}),
		m("set_debug", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "set_debug() takes exactly one argument")
			}
			b, err := vm.Truth(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			lself(args[0]).debug = b
			return vm.None, nil
		}),
		m("add_reader", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return addIO(th, args, kw, true)
		}),
		m("add_writer", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return addIO(th, args, kw, false)
		}),
		m("remove_reader", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return removeIO(th, args, true)
		}),
		m("remove_writer", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return removeIO(th, args, false)
		}),
		m("_has_reader", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			fd, err := fileno(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			h := lself(args[0]).readers[fd]
			return vm.MakeBool(h != nil && !h.cancelled), nil
		}),
		m("_has_writer", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			fd, err := fileno(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			h := lself(args[0]).writers[fd]
			return vm.MakeBool(h != nil && !h.cancelled), nil
		}),
		m("_timer_handle_cancelled", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, nil
		}),
		m("_write_to_self", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			l.tsMu.Lock()
			p := l.poll
			l.tsMu.Unlock()
			if p != nil {
				p.wake()
			}
			return vm.None, nil
		}),
		m("_asyncgen_firstiter_hook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "_asyncgen_firstiter_hook() takes exactly one argument")
			}
			g, ok := vm.AsGenerator(args[1])
			if !ok {
				return vm.None, nil
			}
			if l.agensShutdown {
				if err := warnResource(th, "asyncgen "+reprString(th, args[1])+" was scheduled after loop.shutdown_asyncgens() call"); err != nil {
					return vm.Null, err
				}
			}
			// Forget finished generators now and then, so the list holds
			// only live ones (CPython keeps a WeakSet).
			if n := len(l.asyncgens); n >= 64 && n&(n-1) == 0 {
				kept := l.asyncgens[:0]
				for _, x := range l.asyncgens {
					if !x.Done() {
						kept = append(kept, x)
					}
				}
				clear(l.asyncgens[len(kept):])
				l.asyncgens = kept
			}
			l.asyncgens = append(l.asyncgens, g)
			return vm.None, nil
		}),
		m("_asyncgen_finalizer_hook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "_asyncgen_finalizer_hook() takes exactly one argument")
			}
			g, _ := vm.AsGenerator(args[1])
			kept := l.asyncgens[:0]
			for _, x := range l.asyncgens {
				if x != g {
					kept = append(kept, x)
				}
			}
			l.asyncgens = kept
			aclose, err := vm.CallMethod(th, args[1], "aclose")
			if err != nil {
				return vm.Null, err
			}
			ct, err := vm.GetAttrString(th, l.self, "create_task")
			if err != nil {
				return vm.Null, err
			}
			h := newHandle(l, ct, []vm.Value{aclose}, contextvars.Copy(th).Value())
			l.callSoonThreadsafe(th, h)
			return vm.None, nil
		}),
		m("_take_asyncgens", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := lself(args[0])
			l.agensShutdown = true
			var out []vm.Value
			for _, g := range l.asyncgens {
				if !g.Done() {
					out = append(out, g.Value())
				}
			}
			l.asyncgens = nil
			return vm.NewList(out).Value(), nil
		}),
	}
}

func warnResource(th *vm.Thread, msg string) error {
	m, err := th.ImportModule("warnings")
	if err != nil {
		return nil
	}
	w, ok := m.Get("warn")
	if !ok {
		return nil
	}
	_, err = vm.Call(th, w, []vm.Value{vm.MakeStr(msg), vm.ResourceWarning.Value()}, nil)
	return err
}

// fileno is selectors' _fileobj_to_fd: an int, or an object's fileno().
func fileno(th *vm.Thread, v vm.Value) (int, error) {
	if !vm.IsInt(v) {
		r, err := vm.CallMethod(th, v, "fileno")
		if err != nil {
			if vm.AsException(err).Matches(vm.AttributeError) {
				return 0, vm.Errorf(vm.ValueError, "Invalid file object: %s", reprString(th, v))
			}
			return 0, err
		}
		v = r
	}
	n, err := vm.AsInt64(th, v)
	if err != nil {
		return 0, vm.Errorf(vm.ValueError, "Invalid file descriptor: %s", reprString(th, v))
	}
	if n < 0 {
		return 0, vm.Errorf(vm.ValueError, "Invalid file descriptor: %d", n)
	}
	return int(n), nil
}

func addIO(th *vm.Thread, args []vm.Value, kw []vm.Value, read bool) (vm.Value, error) {
	l := lself(args[0])
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "add_reader() got an unexpected keyword argument")
	}
	if len(args) < 3 {
		return vm.Null, vm.Errorf(vm.TypeError, "missing required arguments: 'fd' and 'callback'")
	}
	if err := l.checkClosed(); err != nil {
		return vm.Null, err
	}
	fd, err := fileno(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	h := newHandle(l, args[2], args[3:], vm.Null)
	if read {
		err = l.addReader(fd, h)
	} else {
		err = l.addWriter(fd, h)
	}
	if err != nil {
		return vm.Null, err
	}
	return h.Value(), nil
}

func removeIO(th *vm.Thread, args []vm.Value, read bool) (vm.Value, error) {
	l := lself(args[0])
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "remove_reader() takes exactly one argument")
	}
	if l.closed {
		return vm.False, nil
	}
	fd, err := fileno(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if read {
		return vm.MakeBool(l.removeReader(fd)), nil
	}
	return vm.MakeBool(l.removeWriter(fd)), nil
}

func initLoopType() {
	LoopType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "_Loop", Module: "_asyncio", Layout: loopLayout.Info(),
		Doc: "The Go core of gilpy's event loops.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				l := loopLayout.New(t)
				l.self = l.Value()
				l.taskFactory = vm.None
				loopsMu.Lock()
				liveLoops[l] = true
				loopSerial++
				l.serial = loopSerial
				loopsMu.Unlock()
				return l.self, nil
			},
			Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error { return nil },
		},
		Methods: loopMethods(),
		Getters: []*vm.GetSet{
			{Name: "_stopping", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(lself(v).stopping), nil }},
			{Name: "_closed", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(lself(v).closed), nil }},
			{Name: "_debug", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(lself(v).debug), nil }},
			{Name: "_task_factory", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return lself(v).taskFactory, nil }},
			{Name: "_ready_count", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeInt(int64(lself(v).ready.size)), nil
			}},
			{Name: "_scheduled_count", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeInt(int64(len(lself(v).timers))), nil
			}},
			{Name: "_thread_id", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				if o := lself(v).owner; o != nil {
					return vm.MakeInt(o.ID), nil
				}
				return vm.None, nil
			}},
		},
	})
	goCallSoon = LoopType.LookupString("call_soon")
}

// ------------------------------------------------------ module

func modFunc(m *vm.Module, name string, fn vm.BuiltinFn) { m.AddFunc(name, fn) }

func initModule(th *vm.Thread, m *vm.Module) error {
	initTypes()
	atExitOnce.Do(func() { th.Interp.AtExit(reportAllAtExit) })
	m.AddType(FutureType)
	m.AddType(TaskType)
	m.AddType(LoopType)
	// Handle and TimerHandle belong to asyncio.events, as in CPython.
	m.Set("Handle", HandleType.Value())
	m.Set("TimerHandle", TimerHandleType.Value())
	m.AddType(FutureIterType)
	m.AddType(threadExecutorType)
	modFunc(m, "_spawn", spawn)
	modFunc(m, "_fd_read", fdRead)
	modFunc(m, "_fd_write", fdWrite)
	modFunc(m, "_fd_close", fdClose)
	modFunc(m, "_kill", sendSignal)
	modFunc(m, "_start_thread", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "_start_thread() takes exactly 2 arguments")
		}
		name, _ := vm.AsStr(args[1])
		n := "Thread"
		if name != nil {
			n = name.String()
		}
		startThread(th, args[0], n)
		return vm.None, nil
	})
	modFunc(m, "get_running_loop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		v := runningLoopValue(th)
		if v.IsNone() {
			return vm.Null, vm.Errorf(vm.RuntimeError, "no running event loop")
		}
		return v, nil
	})
	modFunc(m, "_get_running_loop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return runningLoopValue(th), nil
	})
	modFunc(m, "_set_running_loop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_set_running_loop() takes exactly one argument")
		}
		setRunningValue(th, args[0])
		return vm.None, nil
	})
	modFunc(m, "_register_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) == 1 {
			if t, ok := asFuture(args[0]); ok && t.isTask {
				t.register()
			}
		}
		return vm.None, nil
	})
	modFunc(m, "_unregister_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) == 1 {
			if t, ok := asFuture(args[0]); ok && t.isTask {
				t.unregister()
			}
		}
		return vm.None, nil
	})
	modFunc(m, "_enter_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "_enter_task() takes exactly 2 arguments")
		}
		t, ok := asFuture(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "a Task was expected")
		}
		return vm.None, enterTask(th, args[0], t)
	})
	modFunc(m, "_leave_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "_leave_task() takes exactly 2 arguments")
		}
		t, _ := asFuture(args[1])
		return vm.None, leaveTask(th, args[0], t)
	})
	modFunc(m, "_current_task", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_current_task() takes exactly one argument")
		}
		if t := currentTaskOf(args[0]); t != nil {
			return t.Value(), nil
		}
		return vm.None, nil
	})
	modFunc(m, "_live_tasks", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		// The pending tasks of a loop, oldest first.
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_live_tasks() takes exactly one argument")
		}
		var out []vm.Value
		add := func(list *taskList) {
			for t := list.head; t != nil; t = t.next {
				if t.state == statePending && t.loopV.Is(args[0]) {
					out = append(out, t.Value())
				}
			}
		}
		if l, ok := loopLayout.Cast(args[0]); ok {
			add(&l.tasks)
		} else {
			add(&foreignTasks)
		}
		return vm.NewList(out).Value(), nil
	})
	modFunc(m, "_sleep0", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return sleep0Lay.New(sleep0Type).Value(), nil
	})
	modFunc(m, "_format_exception", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_format_exception() takes exactly one argument")
		}
		e, ok := vm.AsExceptionValue(args[0])
		if !ok {
			return vm.MakeStr(""), nil
		}
		return vm.MakeStr(vm.FormatException(th, e)), nil
	})
	modFunc(m, "_format_callback_source", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "_format_callback_source() takes exactly 2 arguments")
		}
		items, err := vm.SeqToSlice(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeStr(formatCallbackSource(th, args[0], items)), nil
	})
	modFunc(m, "_short_repr", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_short_repr() takes exactly one argument")
		}
		return vm.MakeStr(shortRepr(th, args[0], 6)), nil
	})
	modFunc(m, "_isfuture", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_isfuture() takes exactly one argument")
		}
		// futures.isfuture without the AttributeError hasattr() would
		// build for every coroutine gather() is given.
		v := args[0]
		if _, ok := asFuture(v); ok {
			return vm.True, nil
		}
		if v.Type().LookupString("_asyncio_future_blocking").IsNull() {
			return vm.False, nil
		}
		b, err := vm.GetAttrString(th, v, "_asyncio_future_blocking")
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeBool(!b.IsNone()), nil
	})
	modFunc(m, "_iscoroutine", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "_iscoroutine() takes exactly one argument")
		}
		return vm.MakeBool(isCoroutine(th, args[0])), nil
	})
	modFunc(m, "_thread_id", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(th.ID), nil
	})
	return nil
}
