package asyncio

// Future and the awaiting protocol (FutureIter). A Task is a Future with a
// coroutine; both use this struct (see doc.go).

import (
	"fmt"
	"strings"

	"gilpy/stdlib/contextvars"
	"gilpy/vm"
)

// Future states.
const (
	statePending uint8 = iota
	stateCancelled
	stateFinished
)

var stateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

type callbackEntry struct {
	fn   vm.Value // Null for a task wake-up
	task *Future  // the task to wake up
	ctx  *contextvars.Context
}

// Future is _asyncio.Future, and with isTask set, _asyncio.Task.
type Future struct {
	vm.Object
	loopV     vm.Value
	loop      *Loop // loopV as a Go loop, or nil
	fastLoop  bool  // loop's call_soon is the Go one: schedule directly
	state     uint8
	inited    bool
	result    vm.Value
	exc       *vm.Exception
	excTB     *vm.Traceback
	callbacks []callbackEntry
	cancelMsg vm.Value // Null: None
	// cancelledExc is the CancelledError a task's coroutine raised, kept
	// so that awaiting the task raises that very exception.
	cancelledExc *vm.Exception
	blocking     bool
	logTB        bool
	// fail records an exception nobody has retrieved yet, for the
	// "exception was never retrieved" report (module.go).
	fail *failRecord

	// Task part.
	isTask     bool
	coro       vm.Value
	gen        *vm.Generator
	ctx        *contextvars.Context
	name       vm.Value
	mustCancel bool
	futWaiter  vm.Value
	numCancels int
	coroFile   string
	coroLine   int
	prev, next *Future // the loop's list of live tasks
	frameGone  bool    // reported as destroyed: repr as a finished coroutine
	stepH      *Handle // the task's reusable step/wake-up handle
	listed     bool
}

var futureLayout = vm.NewLayout[Future]("_asyncio.Future")

// FutureType and TaskType are _asyncio.Future and _asyncio.Task.
var FutureType, TaskType *vm.Type

func asFuture(v vm.Value) (*Future, bool) { return futureLayout.Cast(v) }

// init binds the future to a loop (Future.__init__).
func (f *Future) init(th *vm.Thread, loop vm.Value) error {
	if loop.IsNull() || loop.IsNone() {
		l, err := getEventLoop(th)
		if err != nil {
			return err
		}
		loop = l
	}
	f.state = statePending
	f.result = vm.None
	f.exc = nil
	f.excTB = nil
	f.callbacks = nil
	f.cancelMsg = vm.Null
	f.cancelledExc = nil
	f.clearLog()
	f.blocking = false
	f.futWaiter = vm.Null
	f.loopV = loop
	f.loop = nil
	f.fastLoop = false
	if l, ok := loopLayout.Cast(loop); ok {
		f.loop = l
		f.fastLoop = l.fastCallSoon()
		if l.debug {
			// Debug mode is only recorded; source tracebacks are not kept.
		}
	} else {
		// CPython asks the loop for its debug flag (and fails the same
		// way for an object that is not a loop).
		if _, err := vm.CallMethod(th, loop, "get_debug"); err != nil {
			return err
		}
	}
	f.inited = true
	return nil
}

func (f *Future) checkInit() error {
	if !f.inited {
		return vm.Errorf(vm.RuntimeError, "Future object is not initialized.")
	}
	return nil
}

// callSoon schedules cb(f) on the future's loop.
func (f *Future) callSoon(th *vm.Thread, c callbackEntry) error {
	if f.fastLoop {
		if c.task != nil {
			f.loop.callSoon(taskHandle(f.loop, hTaskWakeup, c.task, f.Value()))
		} else {
			var ctx vm.Value = vm.Null
			if c.ctx != nil {
				ctx = c.ctx.Value()
			}
			f.loop.callSoon(newHandle(f.loop, c.fn, []vm.Value{f.Value()}, ctx))
		}
		return nil
	}
	fn := c.fn
	if c.task != nil {
		fn = wakeupMethod(c.task)
	}
	var ctx vm.Value = vm.None
	if c.ctx != nil {
		ctx = c.ctx.Value()
	}
	_, err := vm.CallMethodKw(th, f.loopV, "call_soon", []vm.Value{fn, f.Value(), ctx}, []vm.Value{vm.MakeStr("context")})
	return err
}

func (f *Future) scheduleCallbacks(th *vm.Thread) error {
	cbs := f.callbacks
	f.callbacks = nil
	for _, c := range cbs {
		if err := f.callSoon(th, c); err != nil {
			return err
		}
	}
	return nil
}

func (f *Future) addCallback(th *vm.Thread, c callbackEntry) error {
	if f.state != statePending {
		return f.callSoon(th, c)
	}
	f.callbacks = append(f.callbacks, c)
	return nil
}

func (f *Future) setResult(th *vm.Thread, v vm.Value) error {
	if err := f.checkInit(); err != nil {
		return err
	}
	if f.state != statePending {
		return newInvalidState(th, "invalid state")
	}
	f.result = v
	f.state = stateFinished
	return f.scheduleCallbacks(th)
}

func (f *Future) setException(th *vm.Thread, v vm.Value) error {
	if err := f.checkInit(); err != nil {
		return err
	}
	if f.state != statePending {
		return newInvalidState(th, "invalid state")
	}
	if t, ok := vm.AsType(v); ok && t.IsSubtype(vm.BaseException) {
		x, err := vm.Call(th, v, nil, nil)
		if err != nil {
			return err
		}
		v = x
	}
	e, ok := vm.AsExceptionValue(v)
	if !ok {
		return vm.Errorf(vm.TypeError, "invalid exception object")
	}
	if e.Type() == vm.StopIteration {
		return vm.Errorf(vm.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc = e
	f.excTB = e.Traceback()
	f.state = stateFinished
	if err := f.scheduleCallbacks(th); err != nil {
		return err
	}
	f.logTB = true
	if f.loop != nil {
		f.loop.noteUnretrieved(th, f)
	}
	return nil
}

// clearLog marks the exception as retrieved (or the future as cancelled).
func (f *Future) clearLog() {
	f.logTB = false
	if f.fail != nil {
		f.fail.retrieved.Store(true)
		f.fail = nil
	}
}

// cancelFuture is Future.cancel (for a task: the part after the task
// decided its coroutine is done).
func (f *Future) cancelFuture(th *vm.Thread, msg vm.Value) (bool, error) {
	if err := f.checkInit(); err != nil {
		return false, err
	}
	f.clearLog()
	if f.state != statePending {
		return false, nil
	}
	f.state = stateCancelled
	f.cancelMsg = msg
	return true, f.scheduleCallbacks(th)
}

func (f *Future) makeCancelledError(th *vm.Thread) *vm.Exception {
	if e := f.cancelledExc; e != nil {
		f.cancelledExc = nil
		return e
	}
	var args []vm.Value
	if !f.cancelMsg.IsNull() && !f.cancelMsg.IsNone() {
		args = []vm.Value{f.cancelMsg}
	}
	return newCancelled(th, args)
}

// resultOf is Future.result().
func (f *Future) resultOf(th *vm.Thread) (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Null, f.makeCancelledError(th)
	case statePending:
		return vm.Null, newInvalidState(th, "Result is not set.")
	}
	f.clearLog()
	if f.exc != nil {
		f.exc.SetTraceback(f.excTB)
		return vm.Null, f.exc
	}
	return f.result, nil
}

func (f *Future) exceptionOf(th *vm.Thread) (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Null, f.makeCancelledError(th)
	case statePending:
		return vm.Null, newInvalidState(th, "Exception is not set.")
	}
	f.clearLog()
	if f.exc != nil {
		return f.exc.Value(), nil
	}
	return vm.None, nil
}

// ------------------------------------------------------------ repr

func (f *Future) reprInfo(th *vm.Thread) []string {
	info := []string{strings.ToLower(stateNames[f.state])}
	if f.state == stateFinished {
		if f.exc != nil {
			info = append(info, "exception="+reprString(th, f.exc.Value()))
		} else {
			info = append(info, "result="+shortRepr(th, f.result, 6))
		}
	}
	if n := len(f.callbacks); n > 0 {
		fc := func(c callbackEntry) string {
			if c.task != nil {
				return "Task.task_wakeup()"
			}
			return formatCallbackSource(th, c.fn, nil)
		}
		var s string
		switch {
		case n == 1:
			s = fc(f.callbacks[0])
		case n == 2:
			s = fc(f.callbacks[0]) + ", " + fc(f.callbacks[1])
		default:
			s = fmt.Sprintf("%s, <%d more>, %s", fc(f.callbacks[0]), n-2, fc(f.callbacks[n-1]))
		}
		info = append(info, "cb=["+s+"]")
	}
	return info
}

func futureRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	f := futureLayout.Must(v)
	if !th.ReprEnter(v) {
		return vm.MakeStr("..."), nil
	}
	defer th.ReprLeave(v)
	var info []string
	if f.isTask {
		info = f.taskReprInfo(th)
	} else {
		info = f.reprInfo(th)
	}
	return vm.MakeStr("<" + v.Type().Name + " " + strings.Join(info, " ") + ">"), nil
}

// ------------------------------------------------------------ FutureIter

// futureIter is what `await future` drives: it yields the future once
// (with _asyncio_future_blocking set, so the task knows to wait for it)
// and then returns its result.
type futureIter struct {
	vm.Object
	fut *Future
}

var futureIterLayout = vm.NewLayout[futureIter]("_asyncio.FutureIter")

// FutureIterType is _asyncio.FutureIter.
var FutureIterType *vm.Type

func newFutureIter(f *Future) vm.Value {
	it := futureIterLayout.New(FutureIterType)
	it.fut = f
	return it.Value()
}

func futureIterNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	it := futureIterLayout.Must(v)
	f := it.fut
	if f == nil {
		return vm.Null, nil
	}
	if f.state == statePending {
		f.blocking = true
		return f.Value(), nil
	}
	it.fut = nil
	r, err := f.resultOf(th)
	if err != nil {
		return vm.Null, err
	}
	if r.IsNone() {
		return vm.Null, nil
	}
	return vm.Null, vm.NewStopIteration(r)
}

// ------------------------------------------------------------ methods

func fself(v vm.Value) *Future { return futureLayout.Must(v) }

func futureNew(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	f := futureLayout.New(t)
	f.result, f.cancelMsg, f.futWaiter, f.loopV, f.coro, f.name = vm.None, vm.Null, vm.Null, vm.None, vm.None, vm.None
	return f.Value(), nil
}

func futureInit(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
	loop := vm.None
	if err := vm.UnpackArgs("Future", args, kw, "*", "loop?", &loop); err != nil {
		return err
	}
	return fself(self).init(th, loop)
}

func futureMethods() []*vm.BuiltinMethod {
	m := func(name string, fn vm.BuiltinFn) *vm.BuiltinMethod { return &vm.BuiltinMethod{Name: name, Fn: fn} }
	return []*vm.BuiltinMethod{
		m("result", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			return f.resultOf(th)
		}),
		m("exception", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			return f.exceptionOf(th)
		}),
		m("set_result", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if f.isTask {
				return vm.Null, vm.Errorf(vm.RuntimeError, "Task does not support set_result operation")
			}
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "set_result() takes exactly one argument (%d given)", len(args)-1)
			}
			return vm.None, f.setResult(th, args[1])
		}),
		m("set_exception", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if f.isTask {
				return vm.Null, vm.Errorf(vm.RuntimeError, "Task does not support set_exception operation")
			}
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "set_exception() takes exactly one argument (%d given)", len(args)-1)
			}
			return vm.None, f.setException(th, args[1])
		}),
		m("add_done_callback", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			var fn, ctx vm.Value = vm.Null, vm.None
			if err := vm.UnpackArgs("add_done_callback", args[1:], kw, "fn", &fn, "/", "*", "context?", &ctx); err != nil {
				return vm.Null, err
			}
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			c := callbackEntry{fn: fn}
			if ctx.IsNone() {
				c.ctx = contextvars.Copy(th)
			} else if cc, ok := contextvars.AsContext(ctx); ok {
				c.ctx = cc
			}
			return vm.None, f.addCallback(th, c)
		}),
		m("remove_done_callback", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "remove_done_callback() takes exactly one argument (%d given)", len(args)-1)
			}
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			kept := f.callbacks[:0:0]
			removed := 0
			for _, c := range f.callbacks {
				fn := c.fn
				if c.task != nil {
					fn = wakeupMethod(c.task)
				}
				eq, err := vm.Equal(th, fn, args[1])
				if err != nil {
					return vm.Null, err
				}
				if eq {
					removed++
				} else {
					kept = append(kept, c)
				}
			}
			if removed > 0 {
				f.callbacks = kept
			}
			return vm.MakeInt(int64(removed)), nil
		}),
		m("cancel", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			msg := vm.None
			if err := vm.UnpackArgs("cancel", args[1:], kw, "msg?", &msg); err != nil {
				return vm.Null, err
			}
			var ok bool
			var err error
			if f.isTask {
				ok, err = f.taskCancel(th, msg)
			} else {
				ok, err = f.cancelFuture(th, msg)
			}
			return vm.MakeBool(ok), err
		}),
		m("cancelled", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			return vm.MakeBool(f.state == stateCancelled), nil
		}),
		m("done", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			return vm.MakeBool(f.state != statePending), nil
		}),
		m("get_loop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			f := fself(args[0])
			if err := f.checkInit(); err != nil {
				return vm.Null, err
			}
			return f.loopV, nil
		}),
		m("_make_cancelled_error", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return fself(args[0]).makeCancelledError(th).Value(), nil
		}),
		m("__await__", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return newFutureIter(fself(args[0])), nil
		}),
		m("__iter__", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return newFutureIter(fself(args[0])), nil
		}),
		{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.NewGenericAlias(args[0], args[1]), nil
		}},
	}
}

func futureGetters() []*vm.GetSet {
	return []*vm.GetSet{
		{Name: "_state", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			f := fself(v)
			if !f.inited {
				return vm.None, nil
			}
			return vm.MakeStr(stateNames[f.state]), nil
		}},
		{Name: "_result", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return fself(v).result, nil }},
		{Name: "_exception", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if e := fself(v).exc; e != nil {
				return e.Value(), nil
			}
			return vm.None, nil
		}},
		{Name: "_loop", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return fself(v).loopV, nil }},
		{Name: "_callbacks", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			f := fself(v)
			if len(f.callbacks) == 0 {
				return vm.None, nil
			}
			var out []vm.Value
			for _, c := range f.callbacks {
				fn := c.fn
				if c.task != nil {
					fn = wakeupMethod(c.task)
				}
				var ctx vm.Value = vm.None
				if c.ctx != nil {
					ctx = c.ctx.Value()
				}
				out = append(out, vm.NewTuple(fn, ctx).Value())
			}
			return vm.NewList(out).Value(), nil
		}},
		{Name: "_log_traceback", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(fself(v).logTB), nil },
			Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
				if x.IsNull() {
					return vm.Errorf(vm.AttributeError, "cannot delete attribute")
				}
				t, err := vm.Truth(th, x)
				if err != nil {
					return err
				}
				if t {
					return vm.Errorf(vm.ValueError, "_log_traceback can only be set to False")
				}
				fself(v).clearLog()
				return nil
			}},
		{Name: "_asyncio_future_blocking", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(fself(v).blocking), nil },
			Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
				if x.IsNull() {
					return vm.Errorf(vm.AttributeError, "cannot delete attribute")
				}
				t, err := vm.Truth(th, x)
				if err != nil {
					return err
				}
				fself(v).blocking = t
				return nil
			}},
		{Name: "_source_traceback", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
		{Name: "_cancel_message", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if m := fself(v).cancelMsg; !m.IsNull() {
				return m, nil
			}
			return vm.None, nil
		}, Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
			if x.IsNull() {
				x = vm.None
			}
			fself(v).cancelMsg = x
			return nil
		}},
	}
}

func initFutureTypes() {
	FutureType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Future", Module: "_asyncio", Layout: futureLayout.Info(),
		Doc: "This class is *almost* compatible with concurrent.futures.Future.",
		Slots: vm.Slots{
			New:  futureNew,
			Init: futureInit,
			Repr: futureRepr,
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return newFutureIter(fself(v)), nil },
		},
		Methods: futureMethods(),
		Getters: futureGetters(),
	})
	it := func(v vm.Value) *futureIter { return futureIterLayout.Must(v) }
	FutureIterType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "FutureIter", Module: "_asyncio", Layout: futureIterLayout.Info(), Final: true,
		Slots: vm.Slots{
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil },
			Next: futureIterNext,
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "send", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				r, err := futureIterNext(th, args[0])
				if err == nil && r.IsNull() {
					return vm.Null, vm.NewException(vm.StopIteration)
				}
				return r, err
			}},
			{Name: "throw", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) < 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "throw expected at least 1 argument, got 0")
				}
				it(args[0]).fut = nil
				exc := args[1]
				if t, ok := vm.AsType(exc); ok && t.IsSubtype(vm.BaseException) {
					// throw(type, value, tb): value may already be the
					// exception instance.
					var cargs []vm.Value
					if len(args) > 2 && !args[2].IsNone() {
						if e, ok := vm.AsExceptionValue(args[2]); ok && e.Type().IsSubtype(t) {
							return vm.Null, e
						}
						cargs = []vm.Value{args[2]}
					}
					x, err := vm.Call(th, exc, cargs, nil)
					if err != nil {
						return vm.Null, err
					}
					exc = x
				}
				e, ok := vm.AsExceptionValue(exc)
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "exceptions must be classes deriving BaseException or instances of such a class")
				}
				return vm.Null, e
			}},
			{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				it(args[0]).fut = nil
				return vm.None, nil
			}},
		},
	})
}
