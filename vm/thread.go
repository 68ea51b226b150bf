package vm

// This file defines the interpreter and its threads. Go has no
// goroutine-local storage, so every function that needs the current Python
// thread (its frames, its handled exception, its recursion depth, its GIL
// bookkeeping) receives a *Thread explicitly.

import (
	"io"
	"os"
	"sync"
	"sync/atomic"

	"gilpy/gil"
)

// Interp is one Python interpreter: its modules, builtins, GIL and threads.
// A multiprocessing child is another process with its own Interp.
type Interp struct {
	Builtins *Dict
	Modules  *Dict // sys.modules
	Sys      *Module

	GIL *gil.GIL

	// RecursionLimit is sys.getrecursionlimit().
	RecursionLimit int

	Argv       []string
	Executable string
	// Flags from the command line that modules consult.
	Unbuffered bool
	Verbose    bool
	Optimize   int // -O count
	Isolated   bool
	DevMode    bool
	// MainPath is the script's path ("" for -c and the REPL).
	MainPath string

	// Stdout and Stderr are the Go writers behind sys.stdout/sys.stderr's
	// buffers; see stdio.go.
	Stdin          io.Reader
	Stdout, Stderr *os.File

	mu      sync.Mutex
	threads map[int64]*Thread
	main    *Thread
	nextID  atomic.Int64

	// hooks set by stdlib packages
	atExit    []func(th *Thread)
	finalized atomic.Bool
	// OnThreadStart / OnThreadExit let the threading module track threads.
	Hooks InterpHooks

	// intr wakes the main thread from an interruptible wait (threads.go).
	intr interruptState
	// stop is a pending forced stop, killed a Kill (limits.go).
	stop   atomic.Pointer[stopRequest]
	killed atomic.Bool
}

// InterpHooks are callbacks the stdlib installs into the VM.
type InterpHooks struct {
	// DisplayHook prints a REPL result (sys.displayhook).
	DisplayHook func(th *Thread, v Value) error
	// Excepthook prints an uncaught exception (sys.excepthook); nil means
	// the built-in printer.
	Excepthook func(th *Thread, exc *Exception) error
	// Signals runs pending signal handlers in the main thread.
	Signals func(th *Thread) error
	// Flush flushes sys.stdout and sys.stderr.
	Flush func(th *Thread)
	// ThreadShutdown waits for the non-daemon threads (threading._shutdown);
	// RunAtExit calls it before the atexit functions, as CPython's
	// Py_FinalizeEx does.
	ThreadShutdown func(th *Thread)
}

// Thread is the state of one Python thread.
type Thread struct {
	Interp *Interp

	frame *Frame // the innermost running frame
	depth int    // Python frames plus Go-level re-entries (recursion limit)

	// excInfo is the chain of "currently handled exception" slots:
	// the thread's own, plus one per running generator (CPython's
	// exc_info/gi_exc_state chain).
	excInfo *excStackItem
	excBase excStackItem

	kwnames []Value // set by KW_NAMES for the next CALL

	// The value stack: frames take windows of the current chunk.
	chunk     []Value
	chunkTop  int
	oldChunks []chunkSave
	framePool []*Frame

	reprStack []Value // objects whose repr is in progress ([...] guard)

	// ID is threading.get_ident(); Name the Python-visible name.
	ID     int64
	Name   string
	Native int64 // native thread id (gettid) once known

	// G is this thread's GIL state.
	G *gil.Thread

	// PyThread is the threading.Thread object, if any.
	PyThread Value
	// Local holds threading.local storage: key object -> dict.
	Local map[*Object]*Dict

	// asyncExc is an exception to raise at the next check point
	// (PyThreadState_SetAsyncExc).
	asyncExc atomic.Pointer[Exception]

	// Trace and profile functions (sys.settrace/setprofile).
	TraceFunc, ProfileFunc Value

	// typeCache caches (type version, name) -> attribute lookups.
	typeCache [typeCacheSize]typeCacheEntry

	// Data lets stdlib packages hang per-thread state off the thread.
	Data map[string]any
}

type excStackItem struct {
	value Value // Null or None: nothing handled at this level
	prev  *excStackItem
}

type chunkSave struct {
	chunk []Value
	top   int
}

const (
	chunkSize     = 1 << 14
	typeCacheSize = 1 << 10
)

type typeCacheEntry struct {
	version uint32
	name    *Str
	value   Value
}

// NewInterp creates an interpreter with its main thread (which holds the
// GIL once the caller starts running code).
func NewInterp() *Interp {
	in := &Interp{
		RecursionLimit: 1000,
		threads:        map[int64]*Thread{},
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		Stdin:          os.Stdin,
	}
	in.GIL = gil.New()
	in.Modules = NewDict()
	in.Builtins = NewDict()
	in.main = in.NewThread("MainThread")
	for _, f := range newInterpHooks {
		f(in)
	}
	return in
}

// Main is the main thread.
func (in *Interp) Main() *Thread { return in.main }

// NewThread creates the state for a new Python thread (not yet running).
func (in *Interp) NewThread(name string) *Thread {
	th := &Thread{Interp: in, Name: name}
	th.excBase.value = Null
	th.excInfo = &th.excBase
	th.chunk = make([]Value, chunkSize)
	th.G = in.GIL.NewThread(name)
	th.ID = in.nextID.Add(1)
	in.mu.Lock()
	in.threads[th.ID] = th
	in.mu.Unlock()
	return th
}

var closeInterpHooks []func(in *Interp)

// OnInterpClose registers f to run when an interpreter is closed, for
// packages that keep per-interpreter state in globals. Call it from a
// package's init function.
func OnInterpClose(f func(in *Interp)) { closeInterpHooks = append(closeInterpHooks, f) }

// Close releases an interpreter that has finished running, for programs
// that create many (tests, the fuzzing harness): packages drop what they
// keep for it, and its threads' value stacks are freed. The interpreter
// must not be used afterwards.
func (in *Interp) Close() {
	for _, f := range closeInterpHooks {
		f(in)
	}
	in.mu.Lock()
	for _, th := range in.threads {
		th.chunk, th.oldChunks, th.framePool = nil, nil, nil
	}
	in.mu.Unlock()
}

// ForgetThread removes a finished thread from the registry.
func (in *Interp) ForgetThread(th *Thread) {
	in.mu.Lock()
	delete(in.threads, th.ID)
	in.mu.Unlock()
}

// Threads returns the registered threads.
func (in *Interp) Threads() []*Thread {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make([]*Thread, 0, len(in.threads))
	for _, t := range in.threads {
		out = append(out, t)
	}
	return out
}

// AtExit registers a Go function to run at interpreter shutdown.
func (in *Interp) AtExit(f func(th *Thread)) { in.atExit = append(in.atExit, f) }

// RunAtExit runs the registered shutdown functions, newest first.
func (in *Interp) RunAtExit(th *Thread) {
	if f := in.Hooks.ThreadShutdown; f != nil {
		in.Hooks.ThreadShutdown = nil
		f(th)
	}
	for i := len(in.atExit) - 1; i >= 0; i-- {
		in.atExit[i](th)
	}
	in.atExit = nil
}

// Finalizing reports whether interpreter shutdown has begun.
func (in *Interp) Finalizing() bool { return in.finalized.Load() }

// SetFinalizing marks shutdown. From now on only the main thread may take
// the GIL: daemon threads that try park forever (they never run Python
// code again).
func (in *Interp) SetFinalizing() {
	in.finalized.Store(true)
	in.GIL.Finalize(in.main.G)
}

// ------------------------------------------------------ recursion guard

// enterRecursive counts one Go-level re-entry (a builtin calling back into
// Python, repr of nested containers) against the recursion limit.
func (th *Thread) enterRecursive(where string) error {
	th.depth++
	if th.depth > th.Interp.RecursionLimit {
		th.depth--
		return Errorf(RecursionError, "maximum recursion depth exceeded%s", where)
	}
	return nil
}

func (th *Thread) leaveRecursive() { th.depth-- }

// Depth is the current recursion depth.
func (th *Thread) Depth() int { return th.depth }

// reprEnter records that v's repr is in progress; false means it already
// was (a self-referencing container prints as [...]).
func (th *Thread) reprEnter(v Value) bool {
	if th == nil {
		return true
	}
	for _, x := range th.reprStack {
		if x.Is(v) {
			return false
		}
	}
	th.reprStack = append(th.reprStack, v)
	return true
}

func (th *Thread) reprLeave(v Value) {
	for i := len(th.reprStack) - 1; i >= 0; i-- {
		if th.reprStack[i].Is(v) {
			n := len(th.reprStack) - 1
			copy(th.reprStack[i:], th.reprStack[i+1:])
			// Clear the vacated slot: the backing array must not keep
			// the object alive (asyncio finds unreferenced futures by GC).
			th.reprStack[n] = Null
			th.reprStack = th.reprStack[:n]
			return
		}
	}
}

// ReprEnter and ReprLeave are the recursion guard for stdlib containers.
func (th *Thread) ReprEnter(v Value) bool { return th.reprEnter(v) }

// ReprLeave ends a ReprEnter.
func (th *Thread) ReprLeave(v Value) { th.reprLeave(v) }

// --------------------------------------------------- handled exceptions

// CurrentException is sys.exc_info()[1]: the innermost handled exception,
// or Null.
func (th *Thread) CurrentException() Value {
	for it := th.excInfo; it != nil; it = it.prev {
		if !it.value.IsNull() && !it.value.IsNone() {
			return it.value
		}
	}
	return Null
}

// SetCurrentException replaces the innermost handled exception.
func (th *Thread) SetCurrentException(v Value) { th.excInfo.value = v }

// ------------------------------------------------------------ frames

// CurrentFrame is the innermost running frame (nil outside Python code).
func (th *Thread) CurrentFrame() *Frame { return th.frame }

// globals returns the globals of the running frame, or nil.
func (th *Thread) globals() *Dict {
	if th == nil || th.frame == nil {
		return nil
	}
	return th.frame.globals
}

// Globals is the running frame's globals dict (nil outside Python code).
func (th *Thread) Globals() *Dict { return th.globals() }

// allocSlots takes n value slots from the thread's stack.
func (th *Thread) allocSlots(n int) []Value {
	if th.chunkTop+n > len(th.chunk) {
		th.oldChunks = append(th.oldChunks, chunkSave{th.chunk, th.chunkTop})
		size := chunkSize
		if n > size {
			size = n
		}
		th.chunk = make([]Value, size)
		th.chunkTop = 0
	}
	s := th.chunk[th.chunkTop : th.chunkTop+n : th.chunkTop+n]
	th.chunkTop += n
	return s
}

// freeSlots returns the last n slots taken (frames are freed LIFO).
func (th *Thread) freeSlots(s []Value) {
	n := len(s)
	// Clear references so the GC can collect what the frame held.
	clear(s)
	th.chunkTop -= n
	if th.chunkTop == 0 && len(th.oldChunks) > 0 {
		last := th.oldChunks[len(th.oldChunks)-1]
		th.oldChunks = th.oldChunks[:len(th.oldChunks)-1]
		th.chunk, th.chunkTop = last.chunk, last.top
	}
}

// ---------------------------------------------------------- the GIL

// ReleaseGIL lets other threads run while the caller blocks in Go (a
// sleep, a lock wait, I/O). It must be paired with AcquireGIL.
func (th *Thread) ReleaseGIL() { th.Interp.GIL.Release(th.G) }

// AcquireGIL takes the GIL back after ReleaseGIL.
func (th *Thread) AcquireGIL() { th.Interp.GIL.Acquire(th.G) }

// Blocking runs f with the GIL released (Py_BEGIN_ALLOW_THREADS).
func (th *Thread) Blocking(f func()) {
	th.ReleaseGIL()
	defer th.AcquireGIL()
	f()
}

// SetAsyncExc schedules exc to be raised in th at its next check point.
func (th *Thread) SetAsyncExc(exc *Exception) {
	th.asyncExc.Store(exc)
	th.Interp.GIL.Poke()
}
