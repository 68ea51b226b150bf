// Package asyncio implements _asyncio, the Go core of gilpy's asyncio: the
// event loop, Future, Task, Handle and TimerHandle. The rest of the
// package (gather, wait, locks, queues, streams, runners, ...) is Python,
// in stdlib/pylib/lib/asyncio, written against this core, as CPython's
// Lib/asyncio is written against its C _asyncio module.
//
// # Scheduling (spec/runtime.md §2)
//
// The loop keeps one FIFO ready queue of handles and a heap of timers
// ordered by (deadline, sequence). One iteration (runOnce) drops cancelled
// timers at the head of the heap, waits for I/O (not at all when handles
// are ready, until the next deadline when there are timers, otherwise
// indefinitely), appends callbacks posted from other threads, then the I/O
// callbacks, then every timer that is due, and finally runs exactly the
// handles that were in the queue when the pass began: whatever they
// schedule runs in the next iteration. Every wake-up is a call_soon: a new
// task's first step, a future's done callbacks, a task's resumption after
// the future it awaited completed. This reproduces CPython's order of
// output line for line (task start order, sleep(0) round robin, gather's
// two extra iterations, the extra step after the main task returns).
//
// The loop holds the GIL while it runs callbacks and releases it only
// while it waits in epoll_wait. Other threads (run_in_executor,
// call_soon_threadsafe) post handles under a mutex and wake the loop
// through an eventfd, so an idle loop sleeps in the kernel and uses no CPU.
//
// # Futures and tasks
//
// Future and Task share one Go struct (a Task is a Future with a coroutine),
// so the task step recognises an awaited Future or Task with a single
// layout check and registers its wake-up without going through Python.
// Their Python-visible behaviour (reprs, error messages, cancellation
// with messages and counts, callbacks scheduled in registration order)
// follows CPython's C implementation. Python subclasses and foreign
// future-like objects (anything with _asyncio_future_blocking) go through
// ordinary attribute calls.
//
// "Task exception was never retrieved": CPython reports it when the last
// reference to a failed task goes away, which a tracing GC cannot detect.
// gilpy reports every future or task whose exception is still unretrieved
// when its loop is closed (asyncio.run closes its loop), and those of loops
// never closed at interpreter exit. The text is CPython's; only the moment
// differs, and it goes to stderr, so the order of stdout is unaffected.
package asyncio
