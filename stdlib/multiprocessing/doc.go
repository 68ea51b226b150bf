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
package multiprocessing
