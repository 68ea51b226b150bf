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
// reference to a failed task goes away. gilpy looks when the loop is
// closed: a garbage collection clears the weak pointers of the failed
// futures nobody references any more, and those are reported then; the
// ones still referenced (by a variable of the main coroutine, kept alive by
// the propagating traceback, or by a global) are reported at interpreter
// exit, after the traceback, which is where CPython's refcounting reports
// them too. What differs is only the moment relative to other output,
// which for a report on stderr does not reorder stdout. Tasks still
// pending at exit get CPython's "Task was destroyed but it is pending!".
//
// # Tracebacks
//
// An exception escaping asyncio.run shows the frames of runners.py and
// base_events.py, as in CPython, and those of the library functions it
// went through (wait_for, sleep, TaskGroup.__aexit__, the streams, ...).
// The statements that appear in such tracebacks are kept on the line
// numbers CPython 3.11.7 has them on (anchors_test.go lists them), so with
// the library folder normalised a traceback reads the same in both. A
// failing callback's report starts with the frame of events._run, which
// the Go loop passes the exception through for that purpose.
//
// # Threads and signals
//
// run_in_executor and to_thread use concurrent.futures' ThreadPoolExecutor
// (threads asyncio_0, asyncio_1, ...), or a Go pool of Python threads named
// the same way when that module is missing. A loop in the main thread
// points signal.set_wakeup_fd at a pipe in its epoll set, so Ctrl-C wakes
// it; the handler runs between two iterations, and asyncio.run's Runner
// turns the first Ctrl-C into the cancellation of the main task.
package asyncio
