// Package vm is gilpy's virtual machine: Python's objects and types, the
// eval loop, frames, exceptions and tracebacks, generators and coroutines,
// and the import system.
//
// # Values
//
// A Value is 16 bytes, passed by value: struct{ p unsafe.Pointer; n uint64 }.
// An int that fits in int64 has p == nil and lives in n, so the zero Value
// is the int 0 and integer arithmetic never allocates. Floats, bools, None
// and the internal Null marker point p at a static tag and keep their
// payload in n. Everything else points p at a heap object whose first
// field is an Object header {type, __dict__}.
//
// Why this layout (measured on this machine, spec/value-representation.md):
// boxing ints in a Go interface allocates twice per loop iteration and ran
// the kernels at 1.88× CPython's time; this layout allocated nothing and
// ran at 1.23× (0.81× on an int loop), with the smallest heap and the
// cheapest GC (a nil pointer is free for the write barrier and the
// marker). The safe alternative, struct{ o Object; n int64 }, measured
// 9–16 % slower on numeric loops. Every use of unsafe is in value.go, and
// a cast from a Value to a Go struct is only possible through Layout[T],
// which checks the object's layout first; NewLayout checks at start-up
// that T begins with the Object header.
//
// Equal ints are identical (`is`), at any size: CPython guarantees that
// only for -5..256, so programs cannot rely on the difference.
//
// # Types and slots
//
// A *Type carries CPython-style slots (Repr, Hash, Compare, Binary[op],
// GetAttr, Call, Iter, Next, ...). Builtin types fill them with Go
// functions; a class statement installs either the builtin function its
// MRO provides or a dispatcher that calls the Python dunder method
// (slots.go). The eval loop and the protocol functions (protocol.go) call
// slots only, so builtin and user-defined behaviour take one path.
//
// # Calls and the eval loop
//
// Every Python thread has its own value stack; a frame is a window of it.
// A call from Python to a Python function pushes a frame and continues in
// the same Go loop (eval.go), so deep Python recursion never grows the Go
// stack; only Go code calling back into Python (sorted's key, __eq__,
// __repr__) recurses, and every such entry counts against
// sys.getrecursionlimit(). Exceptions unwind through 3.11-style exception
// tables. LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and LOAD_METHOD keep inline
// caches validated by dict key versions and type version tags.
//
// GIL check points are CPython 3.11's: function entry and resumption after
// yield, backward jumps, and the return from a call into a builtin.
//
// # Writing a module in Go (conventions for stdlib packages)
//
//   - Register it: vm.RegisterModule("name", func(th *vm.Thread, m *vm.Module) error {...}),
//     in the package's init(); the init function runs on first import.
//   - Functions have the signature BuiltinFn: func(th *Thread, args []Value,
//     kwnames []Value) (Value, error). The last len(kwnames) entries of args
//     are keyword values (vectorcall). Unpack declaratively with
//     UnpackArgs("fname", args, kwnames, "x", &x, "y?", &y, "*", "kw?", &kw).
//     args may alias the VM stack: never keep the slice.
//   - Errors are Python exceptions: return vm.Null, vm.Errorf(vm.TypeError, "...")
//     with CPython's exact message.
//   - A new object kind: a struct whose first field is vm.Object, a layout
//     var fooLayout = vm.NewLayout[Foo]("Foo"), and a type made with
//     vm.NewBuiltinType(vm.TypeSpec{Name, Module, Layout: fooLayout.Info(),
//     Slots, Methods, Getters}); cast with fooLayout.Cast(v); allocate with
//     fooLayout.New(t) (so subclasses work) and set fields.
//   - Blocking work (sleeping, waiting, I/O) must release the GIL:
//     th.Blocking(func() { ... }) — never call Python code inside it.
//   - A module written in Python goes in stdlib/pylib/lib/.
package vm
