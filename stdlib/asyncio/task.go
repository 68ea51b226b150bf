package asyncio

// Task: driving a coroutine one step per handle (Task.__step in CPython's
// tasks.py and _asynciomodule.c), waking up when the awaited future is
// done, cancellation with messages and counts, and the bookkeeping behind
// current_task() and all_tasks().

import (
	"fmt"
	"strings"
	"sync/atomic"

	"gilpy/stdlib/contextvars"
	"gilpy/vm"
)

// taskCounter numbers tasks process-wide: Task-1, Task-2, ... (T1).
var taskCounter atomic.Uint64

// taskList is an intrusive list of live tasks in creation order.
type taskList struct{ head, tail *Future }

func (l *taskList) add(t *Future) {
	if t.listed {
		return
	}
	t.listed = true
	t.prev, t.next = l.tail, nil
	if l.tail != nil {
		l.tail.next = t
	} else {
		l.head = t
	}
	l.tail = t
}

func (l *taskList) remove(t *Future) {
	if !t.listed {
		return
	}
	t.listed = false
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		l.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		l.tail = t.prev
	}
	t.prev, t.next = nil, nil
}

// foreignTasks lists the tasks of loops that are not Go loops.
var foreignTasks taskList

// foreignCurrent is the running task of loops that are not Go loops.
var foreignCurrent = map[vm.Value]*Future{}

// isCoroutine is asyncio.iscoroutine: a coroutine object, or anything
// that implements the Coroutine ABC's methods.
func isCoroutine(th *vm.Thread, v vm.Value) bool {
	if g, ok := vm.AsGenerator(v); ok {
		return g.IsCoroutine()
	}
	t := v.Type()
	for _, name := range [...]string{"send", "throw", "close", "__await__"} {
		if x := t.LookupString(name); x.IsNull() || x.IsNone() {
			return false
		}
	}
	return true
}

// initTask is Task.__init__.
func (t *Future) initTask(th *vm.Thread, coro, loop, name, ctx vm.Value) error {
	if err := t.init(th, loop); err != nil {
		return err
	}
	if !isCoroutine(th, coro) {
		return vm.Errorf(vm.TypeError, "a coroutine was expected, got %s", reprString(th, coro))
	}
	t.isTask = true
	t.coro = coro
	t.gen = nil
	if g, ok := vm.AsGenerator(coro); ok {
		t.gen = g
		if f := g.Frame(); f != nil {
			co := f.Code()
			t.coroFile, t.coroLine = co.Filename, co.FirstLine
		}
	}
	if name.IsNull() || name.IsNone() {
		t.name = vm.MakeStr(fmt.Sprintf("Task-%d", taskCounter.Add(1)))
	} else if _, ok := vm.AsStr(name); ok {
		t.name = name
	} else {
		s, err := vm.StrOf(th, name)
		if err != nil {
			return err
		}
		t.name = s.Value()
	}
	t.mustCancel = false
	t.numCancels = 0
	t.futWaiter = vm.Null
	if c, ok := contextvars.AsContext(ctx); ok {
		t.ctx = c
	} else {
		t.ctx = contextvars.Copy(th)
	}
	// T1: the first step is a call_soon; nothing runs before it comes up.
	if err := t.scheduleStep(th, vm.Null); err != nil {
		return err
	}
	t.register()
	return nil
}

func (t *Future) register() {
	if t.loop != nil {
		t.loop.tasks.add(t)
	} else {
		foreignTasks.add(t)
	}
}

func (t *Future) unregister() {
	if t.loop != nil {
		t.loop.tasks.remove(t)
	} else {
		foreignTasks.remove(t)
	}
}

// scheduleStep is loop.call_soon(self.__step, exc, context=self._context).
func (t *Future) scheduleStep(th *vm.Thread, exc vm.Value) error {
	if t.fastLoop {
		t.loop.callSoon(taskHandle(t.loop, hTaskStep, t, exc))
		return nil
	}
	args := []vm.Value{newStepWrapper(t, exc), t.ctx.Value()}
	_, err := vm.CallMethodKw(th, t.loopV, "call_soon", args, []vm.Value{vm.MakeStr("context")})
	return err
}

func (t *Future) scheduleStepErr(th *vm.Thread, format string, a ...any) error {
	e := vm.Errorf(vm.RuntimeError, format, a...)
	return t.scheduleStep(th, e.Value())
}

// currentTask returns the running task of a loop value.
func currentTaskOf(loop vm.Value) *Future {
	if l, ok := loopLayout.Cast(loop); ok {
		return l.current
	}
	return foreignCurrent[loop]
}

func enterTask(th *vm.Thread, loop vm.Value, t *Future) error {
	if cur := currentTaskOf(loop); cur != nil {
		return vm.Errorf(vm.RuntimeError, "Cannot enter into task %s while another task %s is being executed.",
			reprString(th, t.Value()), reprString(th, cur.Value()))
	}
	if l, ok := loopLayout.Cast(loop); ok {
		l.current = t
	} else {
		foreignCurrent[loop] = t
	}
	return nil
}

func leaveTask(th *vm.Thread, loop vm.Value, t *Future) error {
	cur := currentTaskOf(loop)
	if cur != t {
		cr := "None"
		if cur != nil {
			cr = reprString(th, cur.Value())
		}
		return vm.Errorf(vm.RuntimeError, "Leaving task %s does not match the current task %s.",
			reprString(th, t.Value()), cr)
	}
	if l, ok := loopLayout.Cast(loop); ok {
		l.current = nil
	} else {
		delete(foreignCurrent, loop)
	}
	return nil
}

// taskStep runs one step of the task's coroutine (T2). It returns an
// error only for SystemExit and KeyboardInterrupt, which stop the loop;
// anything else that goes wrong is reported like a failing callback.
func (t *Future) taskStep(th *vm.Thread, excV vm.Value) error {
	err := t.step(th, excV)
	if err == nil {
		return nil
	}
	e := vm.AsException(err)
	if e.Matches(vm.SystemExit) || e.Matches(vm.KeyboardInterrupt) {
		return err
	}
	msg := "Exception in callback " + formatCallbackSource(th, newStepWrapper(t, excV), nil)
	if t.loop != nil {
		return t.loop.reportError(th, msg, e, "handle", vm.None)
	}
	return err
}

func (t *Future) step(th *vm.Thread, excV vm.Value) error {
	if t.state != statePending {
		exc := "None"
		if !excV.IsNull() {
			exc = reprString(th, excV)
		}
		return newInvalidState(th, fmt.Sprintf("_step(): already done: %s, %s", reprString(th, t.Value()), exc))
	}
	var exc *vm.Exception
	if !excV.IsNull() && !excV.IsNone() {
		exc, _ = vm.AsExceptionValue(excV)
	}
	if t.mustCancel {
		if exc == nil || !exc.Matches(cancelledErrorType(th)) {
			exc = t.makeCancelledError(th)
		}
		t.mustCancel = false
	}
	t.futWaiter = vm.Null

	if err := enterTask(th, t.loopV, t); err != nil {
		return err
	}
	// The task's context was entered by the handle running this step,
	// as Context.run does for a Handle in CPython.
	err := t.resumeCoro(th, exc)
	if lerr := leaveTask(th, t.loopV, t); lerr != nil && err == nil {
		err = lerr
	}
	return err
}

// resumeCoro sends into (or throws into) the coroutine and acts on what
// it did: returned, raised, or yielded something to wait for.
func (t *Future) resumeCoro(th *vm.Thread, exc *vm.Exception) error {
	var res vm.Value
	var done bool
	var err error
	if t.gen != nil {
		if exc == nil {
			res, done, err = t.gen.Send(th, vm.None)
		} else {
			res, done, err = t.gen.Throw(th, exc)
		}
	} else {
		if exc == nil {
			res, err = vm.CallMethod(th, t.coro, "send", vm.None)
		} else {
			res, err = vm.CallMethod(th, t.coro, "throw", exc.Value())
		}
		if err != nil {
			if e := vm.AsException(err); e.Matches(vm.StopIteration) {
				res, done, err = vm.StopIterationValue(e), true, nil
			}
		}
	}
	if err != nil {
		e := vm.AsException(err)
		if e.Matches(cancelledErrorType(th)) {
			t.cancelledExc = e
			_, cerr := t.cancelFuture(th, vm.Null)
			t.finished()
			return cerr
		}
		serr := t.setException(th, e.Value())
		t.finished()
		if e.Matches(vm.SystemExit) || e.Matches(vm.KeyboardInterrupt) {
			return err
		}
		return serr
	}
	if done {
		var ferr error
		if t.mustCancel {
			// Cancelled right before the coroutine returned.
			t.mustCancel = false
			_, ferr = t.cancelFuture(th, t.cancelMsg)
		} else {
			ferr = t.setResult(th, res)
		}
		t.finished()
		return ferr
	}
	return t.waitOn(th, res)
}

// finished drops a done task from the live-task list.
func (t *Future) finished() { t.unregister() }

// waitOn handles a value the coroutine yielded.
func (t *Future) waitOn(th *vm.Thread, res vm.Value) error {
	if f, ok := asFuture(res); ok && f.inited {
		if !f.loopV.Is(t.loopV) {
			return t.scheduleStepErr(th, "Task %s got Future %s attached to a different loop",
				reprString(th, t.Value()), reprString(th, res))
		}
		if !f.blocking {
			return t.scheduleStepErr(th, "yield was used instead of yield from in task %s with %s",
				reprString(th, t.Value()), reprString(th, res))
		}
		if f == t {
			return t.scheduleStepErr(th, "Task cannot await on itself: %s", reprString(th, t.Value()))
		}
		f.blocking = false
		if ft := f.Type(); ft == FutureType || ft == TaskType {
			if err := f.addCallback(th, callbackEntry{task: t, ctx: t.ctx}); err != nil {
				return err
			}
		} else {
			_, err := vm.CallMethodKw(th, res, "add_done_callback", []vm.Value{wakeupMethod(t), t.ctx.Value()}, []vm.Value{vm.MakeStr("context")})
			if err != nil {
				return err
			}
		}
		t.futWaiter = res
		if t.mustCancel {
			ok, err := callCancel(th, res, t.cancelMsg)
			if err != nil {
				return err
			}
			if ok {
				t.mustCancel = false
			}
		}
		return nil
	}
	if res.IsNone() {
		// A bare yield gives up one iteration (sleep(0), S1).
		return t.scheduleStep(th, vm.Null)
	}
	blocking, err := vm.LookupAttr(th, res, "_asyncio_future_blocking")
	if err != nil {
		return err
	}
	if !blocking.IsNull() && !blocking.IsNone() {
		fl, err := futureLoop(th, res)
		if err != nil {
			return err
		}
		if !fl.Is(t.loopV) {
			return t.scheduleStepErr(th, "Task %s got Future %s attached to a different loop",
				reprString(th, t.Value()), reprString(th, res))
		}
		b, err := vm.Truth(th, blocking)
		if err != nil {
			return err
		}
		if !b {
			return t.scheduleStepErr(th, "yield was used instead of yield from in task %s with %s",
				reprString(th, t.Value()), reprString(th, res))
		}
		if res.Is(t.Value()) {
			return t.scheduleStepErr(th, "Task cannot await on itself: %s", reprString(th, t.Value()))
		}
		if err := vm.SetAttrString(th, res, "_asyncio_future_blocking", vm.False); err != nil {
			return err
		}
		_, err = vm.CallMethodKw(th, res, "add_done_callback", []vm.Value{wakeupMethod(t), t.ctx.Value()}, []vm.Value{vm.MakeStr("context")})
		if err != nil {
			return err
		}
		t.futWaiter = res
		if t.mustCancel {
			ok, err := callCancel(th, res, t.cancelMsg)
			if err != nil {
				return err
			}
			if ok {
				t.mustCancel = false
			}
		}
		return nil
	}
	if g, ok := vm.AsGenerator(res); ok && !g.IsCoroutine() && res.Type() == vm.GeneratorType {
		return t.scheduleStepErr(th, "yield was used instead of yield from for generator in task %s with %s",
			reprString(th, t.Value()), reprString(th, res))
	}
	return t.scheduleStepErr(th, "Task got bad yield: %s", reprString(th, res))
}

func callCancel(th *vm.Thread, fut vm.Value, msg vm.Value) (bool, error) {
	if msg.IsNull() {
		msg = vm.None
	}
	if f, ok := asFuture(fut); ok && (fut.Type() == FutureType || fut.Type() == TaskType) {
		if f.isTask {
			return f.taskCancel(th, msg)
		}
		return f.cancelFuture(th, msg)
	}
	r, err := vm.CallMethodKw(th, fut, "cancel", []vm.Value{msg}, []vm.Value{vm.MakeStr("msg")})
	if err != nil {
		return false, err
	}
	return vm.Truth(th, r)
}

// futureLoop is futures._get_loop(fut).
func futureLoop(th *vm.Thread, fut vm.Value) (vm.Value, error) {
	if f, ok := asFuture(fut); ok {
		return f.loopV, nil
	}
	m, err := vm.LookupAttr(th, fut, "get_loop")
	if err != nil {
		return vm.Null, err
	}
	if !m.IsNull() {
		return vm.Call(th, m, nil, nil)
	}
	return vm.GetAttrString(th, fut, "_loop")
}

// taskWakeup resumes the task once the future it awaited is done.
func (t *Future) taskWakeup(th *vm.Thread, futV vm.Value) error {
	if f, ok := asFuture(futV); ok && (futV.Type() == FutureType || futV.Type() == TaskType) {
		switch {
		case f.state == stateCancelled:
			return t.taskStep(th, f.makeCancelledError(th).Value())
		case f.state == statePending:
			return t.taskStep(th, newInvalidState(th, "Result is not set.").Value())
		case f.exc != nil:
			f.clearLog()
			return t.taskStep(th, f.exc.Value())
		}
		return t.taskStep(th, vm.Null)
	}
	_, err := vm.CallMethod(th, futV, "result")
	if err != nil {
		e := vm.AsException(err)
		return t.taskStep(th, e.Value())
	}
	return t.taskStep(th, vm.Null)
}

// taskCancel is Task.cancel(msg) (C1).
func (t *Future) taskCancel(th *vm.Thread, msg vm.Value) (bool, error) {
	t.clearLog()
	if t.state != statePending {
		return false, nil
	}
	t.numCancels++
	if !t.futWaiter.IsNull() && !t.futWaiter.IsNone() {
		ok, err := callCancel(th, t.futWaiter, msg)
		if err != nil {
			return false, err
		}
		if ok {
			return true, nil
		}
	}
	t.mustCancel = true
	t.cancelMsg = msg
	return true, nil
}

// ------------------------------------------------------------ repr

// coroRepr is coroutines._format_coroutine.
func (t *Future) coroRepr(th *vm.Thread) string {
	name := ""
	if q, err := vm.LookupAttr(th, t.coro, "__qualname__"); err == nil && !q.IsNull() {
		if s, ok := vm.AsStr(q); ok {
			name = s.String()
		}
	}
	if name == "" {
		if q, err := vm.LookupAttr(th, t.coro, "__name__"); err == nil && !q.IsNull() {
			if s, ok := vm.AsStr(q); ok {
				name = s.String()
			}
		}
	}
	if name == "" {
		name = "<" + vm.TypeName(t.coro) + " without __name__>"
	}
	name += "()"
	if t.gen == nil || t.coroFile == "" {
		running := false
		if r, err := vm.LookupAttr(th, t.coro, "cr_running"); err == nil && !r.IsNull() {
			running, _ = vm.Truth(th, r)
		}
		if running {
			return name + " running"
		}
		return name
	}
	if f := t.gen.Frame(); f != nil && !t.frameGone {
		return fmt.Sprintf("%s running at %s:%d", name, t.coroFile, frameLine(f, t.coroLine))
	}
	return fmt.Sprintf("%s done, defined at %s:%d", name, t.coroFile, t.coroLine)
}

// frameLine is f_lineno of a suspended frame (its def line before the
// first step, as CPython reports it).
func frameLine(f *vm.Frame, def int) int {
	if n := f.Line(); n > 0 {
		return n
	}
	return def
}

func (t *Future) taskReprInfo(th *vm.Thread) []string {
	info := t.reprInfo(th)
	if t.numCancels > 0 && t.state == statePending {
		info[0] = "cancelling"
	}
	rest := append([]string{}, info[1:]...)
	info = append(info[:1], "name="+reprString(th, t.name), "coro=<"+t.coroRepr(th)+">")
	if !t.futWaiter.IsNull() && !t.futWaiter.IsNone() {
		info = append(info, "wait_for="+reprString(th, t.futWaiter))
	}
	return append(info, rest...)
}

// ------------------------------------------------------------ the type

func taskInit(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
	var coro, loop, name, ctx vm.Value = vm.Null, vm.None, vm.None, vm.None
	if err := vm.UnpackArgs("Task", args, kw, "coro", &coro, "*", "loop?", &loop, "name?", &name, "context?", &ctx); err != nil {
		return err
	}
	return fself(self).initTask(th, coro, loop, name, ctx)
}

func taskMethods() []*vm.BuiltinMethod {
	m := func(name string, fn vm.BuiltinFn) *vm.BuiltinMethod { return &vm.BuiltinMethod{Name: name, Fn: fn} }
	return []*vm.BuiltinMethod{
		m("get_coro", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return fself(args[0]).coro, nil }),
		m("get_name", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return fself(args[0]).name, nil }),
		m("set_name", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "set_name() takes exactly one argument (%d given)", len(args)-1)
			}
			v := args[1]
			if _, ok := vm.AsStr(v); !ok || v.Type() != vm.StrType {
				s, err := vm.StrOf(th, v)
				if err != nil {
					return vm.Null, err
				}
				v = s.Value()
			}
			fself(args[0]).name = v
			return vm.None, nil
		}),
		m("cancelling", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(fself(args[0]).numCancels)), nil
		}),
		m("uncancel", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			t := fself(args[0])
			if t.numCancels > 0 {
				t.numCancels--
			}
			return vm.MakeInt(int64(t.numCancels)), nil
		}),
		m("get_stack", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			t := fself(args[0])
			var out []vm.Value
			if t.gen != nil {
				if f := t.gen.Frame(); f != nil {
					out = append(out, f.PyFrame().Value())
				}
			}
			return vm.NewList(out).Value(), nil
		}),
		m("print_stack", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			t := fself(args[0])
			var b strings.Builder
			b.WriteString("Stack for " + reprString(th, t.Value()))
			if t.gen != nil && t.gen.Frame() != nil {
				f := t.gen.Frame()
				b.WriteString(" (most recent call last):\n")
				line := frameLine(f, t.coroLine)
				fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", t.coroFile, line, f.Code().Name)
				if src := strings.TrimSpace(vm.SourceLine(t.coroFile, line)); src != "" {
					b.WriteString("    " + src + "\n")
				}
			} else {
				b.WriteString(" (most recent call last):\n")
				if t.exc != nil {
					b.WriteString(vm.FormatException(th, t.exc))
				} else {
					b.WriteString("No stack for " + reprString(th, t.Value()) + "\n")
				}
			}
			return vm.None, writeStderr(th, b.String())
		}),
	}
}

func taskGetters() []*vm.GetSet {
	return []*vm.GetSet{
		{Name: "_coro", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return fself(v).coro, nil }},
		{Name: "_fut_waiter", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if w := fself(v).futWaiter; !w.IsNull() {
				return w, nil
			}
			return vm.None, nil
		}},
		{Name: "_must_cancel", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(fself(v).mustCancel), nil }},
		{Name: "_num_cancels_requested", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(fself(v).numCancels)), nil
		}},
		{Name: "_log_destroy_pending", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.True, nil },
			Set: func(th *vm.Thread, v vm.Value, x vm.Value) error { return nil }},
	}
}

func initTaskType() {
	TaskType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Task", Module: "_asyncio", Base: FutureType, Layout: futureLayout.Info(),
		Doc: "A coroutine wrapped in a Future.",
		Slots: vm.Slots{
			New:  futureNew,
			Init: taskInit,
			Repr: futureRepr,
		},
		Methods: taskMethods(),
		Getters: taskGetters(),
	})
}

// ------------------------------------------------ step and wake-up objects

// stepWrapper is TaskStepMethWrapper: the Python-visible callback of a
// task's step handle.
type stepWrapper struct {
	vm.Object
	task *Future
	arg  vm.Value
}

var stepWrapperLayout = vm.NewLayout[stepWrapper]("TaskStepMethWrapper")

var stepWrapperType *vm.Type

func newStepWrapper(t *Future, arg vm.Value) vm.Value {
	w := stepWrapperLayout.New(stepWrapperType)
	w.task, w.arg = t, arg
	return w.Value()
}

// wakeupMeth is the bound task_wakeup method a task registers on the
// future it waits for.
type wakeupMeth struct {
	vm.Object
	task *Future
}

var wakeupLayout = vm.NewLayout[wakeupMeth]("builtin_function_or_method")

var wakeupType *vm.Type

func wakeupMethod(t *Future) vm.Value {
	w := wakeupLayout.New(wakeupType)
	w.task = t
	return w.Value()
}

func initWrapperTypes() {
	stepWrapperType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "TaskStepMethWrapper", Module: "builtins", Layout: stepWrapperLayout.Info(), Final: true,
		Slots: vm.Slots{
			Call: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) > 0 || len(kw) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "function takes no arguments")
				}
				w := stepWrapperLayout.Must(self)
				return vm.None, w.task.step(th, w.arg)
			},
		},
		Getters: []*vm.GetSet{
			{Name: "__self__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return stepWrapperLayout.Must(v).task.Value(), nil
			}},
		},
	})
	wakeupType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "builtin_function_or_method", Module: "builtins", Layout: wakeupLayout.Info(), Final: true,
		Slots: vm.Slots{
			Call: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) != 1 || len(kw) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "task_wakeup() takes exactly one argument (%d given)", len(args))
				}
				t := wakeupLayout.Must(self).task
				if err := t.taskWakeup(th, args[0]); err != nil {
					return vm.Null, err
				}
				return vm.None, nil
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				t := wakeupLayout.Must(v).task
				return vm.MakeStr(fmt.Sprintf("<built-in method task_wakeup of %s object at %#x>", t.Value().Type().FullName(), vm.ID(t.Value()))), nil
			},
			Compare: func(th *vm.Thread, a, b vm.Value, op vm.CompareOp) (vm.Value, error) {
				y, ok := wakeupLayout.Cast(b)
				if !ok || (op != vm.CmpEQ && op != vm.CmpNE) {
					return vm.NotImplemented, nil
				}
				eq := wakeupLayout.Must(a).task == y.task
				return vm.MakeBool(eq == (op == vm.CmpEQ)), nil
			},
		},
		Getters: []*vm.GetSet{
			{Name: "__self__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return wakeupLayout.Must(v).task.Value(), nil }},
			{Name: "__name__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr("task_wakeup"), nil }},
			{Name: "__qualname__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr("Task.task_wakeup"), nil }},
		},
	})
}
