package gil

import (
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The futex operations (linux/futex.h); private: the word is not shared
// with other processes.
const (
	futexWaitPrivate = 0 | 128
	futexWakePrivate = 1 | 128
)

// sleep waits on the futex word while no wake-up is pending. It may return
// early (a signal, a spurious wake-up); wait checks and sleeps again.
func (p *parker) sleep(d time.Duration) {
	ts := unix.NsecToTimespec(int64(d))
	// The syscall package's Syscall6 tells Go's scheduler that this
	// thread blocks, so its processor goes to other goroutines meanwhile.
	_, _, _ = unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(&p.pending)),
		futexWaitPrivate, 0, uintptr(unsafe.Pointer(&ts)), 0, 0)
}

// signal wakes the thread sleeping on the futex word, if any.
func (p *parker) signal() {
	_, _, _ = unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(&p.pending)),
		futexWakePrivate, 1, 0, 0, 0)
}
