package multiprocessing

// A counting semaphore made of two 32-bit words in shared memory: the
// value and the number of waiters. Waiting is FUTEX_WAIT on the value
// word (without FUTEX_PRIVATE_FLAG, so it works across processes that map
// the same memfd). This is what a POSIX semaphore is on Linux; CPython's
// named semaphores are built the same way inside glibc.

import (
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

const (
	futexWait = 0
	futexWake = 1
)

// semValueMax is SEM_VALUE_MAX on Linux.
const semValueMax = 2147483647

// sem is a semaphore over two words: value at w[0], waiters at w[1].
type sem struct {
	val     *uint32
	waiters *uint32
}

func semAt(b block) sem { return sem{b.word32(0), b.word32(4)} }

func (s sem) init(v uint32) { atomic.StoreUint32(s.val, v); atomic.StoreUint32(s.waiters, 0) }

// tryAcquire decrements the value if it is positive.
func (s sem) tryAcquire() bool {
	for {
		v := atomic.LoadUint32(s.val)
		if v == 0 {
			return false
		}
		if atomic.CompareAndSwapUint32(s.val, v, v-1) {
			return true
		}
	}
}

// acquire waits until the value can be decremented, or the timeout
// (negative: none) passes. It blocks the OS thread: call it with the GIL
// released.
func (s sem) acquire(timeout time.Duration) bool {
	if s.tryAcquire() {
		return true
	}
	if timeout == 0 {
		return false
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	atomic.AddUint32(s.waiters, 1)
	defer atomic.AddUint32(s.waiters, ^uint32(0))
	for {
		if s.tryAcquire() {
			return true
		}
		var ts *unix.Timespec
		if timeout > 0 {
			left := time.Until(deadline)
			if left <= 0 {
				return false
			}
			t := unix.NsecToTimespec(left.Nanoseconds())
			ts = &t
		}
		// The kernel re-checks *val == 0 atomically: a post between our
		// check and the wait makes the wait return at once (EAGAIN).
		futex(s.val, futexWait, 0, ts)
	}
}

// release increments the value and wakes one waiter if there is one.
func (s sem) release() {
	atomic.AddUint32(s.val, 1)
	if atomic.LoadUint32(s.waiters) > 0 {
		futex(s.val, futexWake, 1, nil)
	}
}

func (s sem) value() uint32 { return atomic.LoadUint32(s.val) }

func futex(addr *uint32, op int, val uint32, ts *unix.Timespec) {
	_, _, _ = unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(addr)), uintptr(op), uintptr(val), uintptr(unsafe.Pointer(ts)), 0, 0)
}
