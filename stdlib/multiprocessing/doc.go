// Package multiprocessing implements the Go half of Python's
// multiprocessing package for gilpy (the Python half is
// stdlib/pylib/lib/multiprocessing): real child processes, shared memory,
// process-shared locks, pipes and queues.
//
// A child is this binary re-executed with vm.ChildFlag (Go cannot fork a
// running program). The parent sends a bootstrap through an inherited pipe
// (popen.go): interpreter settings, then a pickle of the child's state.
// With the "fork" start method, CPython 3.11's default on Linux, that
// state is a snapshot of __main__ and the user modules by value
// (snapshot.go, codec.go), so the child behaves as a forked one: module
// code does not run again, globals set under the __main__ guard are there,
// lambdas are valid targets. With "spawn" (and "forkserver") the child
// runs the main file again as __mp_main__ and functions travel by name.
//
// Shared memory (shm.go) is memfd arenas mapped MAP_SHARED and passed to
// children as descriptors; nothing is created in /dev/shm. Value and Array
// are C values in those arenas (ctypes.go). Every lock, semaphore,
// condition, event and barrier is made of SemLock (semlock.go): a counting
// semaphore of two futex words in shared memory (futex.go), waited on with
// the GIL released. Connections (conn.go) are pipes or socketpairs with
// CPython's message framing; a Queue's feeder (feeder.go) is a goroutine
// that writes already-pickled items without needing the GIL.
//
// Cleanup: a child reads its bootstrap pipe until EOF, which means the
// parent died, and then kills itself, so children never outlive a crashed
// parent; every child is reaped by a goroutine, so none is left a zombie;
// inherited descriptors are marked close-on-exec in the child so they do
// not leak into grandchildren.
//
// Start cost. A child is a new process that must start the Go runtime and
// an interpreter, so it costs more than CPython's fork (about 10 ms of CPU
// against 3 here) but far less than CPython's spawn (about 70 ms), and
// wall-clock times are close to fork's. Two things keep it there: the
// parent sends the compiled code of the library modules it has loaded
// (codeBlob), so the child decodes instead of compiling them
// (vm.SetEmbeddedCodeSource), and user code travels compiled too.
//
// Where the emulation differs from a real fork, and why:
//   - Module globals are copied at each start, by pickling: the cost grows
//     with their size (a fork copies pages lazily), and a global that
//     cannot be pickled (an open file, a lock of the threading module, a
//     generator) is missing in the child rather than copied.
//   - The random module's global generator is not copied: CPython reseeds
//     it in a forked child (os.register_at_fork), which is what a fresh
//     child does; random.Random instances are copied like other objects.
//   - Queue.put pickles at once rather than in the feeder thread, so an
//     unpicklable item raises in put() instead of printing a traceback
//     from the feeder later.
//   - Shared memory blocks are never freed (a 1 MiB arena holds 65536
//     small values; untouched pages cost nothing).
//   - Managers use an abstract-namespace Unix socket, check no
//     authentication key and do no reference counting.
package multiprocessing
