package asyncio

// The loop waits in epoll_wait with the GIL released. An eventfd in the
// same epoll set lets other threads (call_soon_threadsafe, executor
// completions) wake it.

import (
	"math"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

type poller struct {
	epfd   int
	wakeFd int
	nfds   int // registered file descriptors besides wakeFd and sigR
	events []unix.EpollEvent
	// sigR/sigW: a pipe given to signal.set_wakeup_fd while the loop runs
	// in the main thread, so that a signal ends the wait (CPython's
	// select() returns EINTR there) and its handler can run.
	sigR, sigW int
}

func newPoller() (*poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, vm.NewOSError(int(err.(unix.Errno)), err.Error())
	}
	wfd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(epfd)
		return nil, vm.NewOSError(int(err.(unix.Errno)), err.Error())
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(wfd)}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, wfd, &ev); err != nil {
		unix.Close(epfd)
		unix.Close(wfd)
		return nil, vm.NewOSError(int(err.(unix.Errno)), err.Error())
	}
	return &poller{epfd: epfd, wakeFd: wfd, sigR: -1, sigW: -1, events: make([]unix.EpollEvent, 64)}, nil
}

// wake interrupts a wait in progress (or makes the next one return).
func (p *poller) wake() {
	var one = [8]byte{1}
	_, _ = unix.Write(p.wakeFd, one[:])
}

func (p *poller) drainWake() {
	var buf [8]byte
	_, _ = unix.Read(p.wakeFd, buf[:])
}

// update changes fd's interest set from old to ev (0 removes it).
func (p *poller) update(fd int, old, ev uint32) error {
	var err error
	e := unix.EpollEvent{Events: ev, Fd: int32(fd)}
	switch {
	case old == 0 && ev != 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fd, &e)
		if err == nil {
			p.nfds++
		}
	case old != 0 && ev == 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, fd, &e)
		p.nfds--
		if err == unix.EBADF || err == unix.ENOENT {
			err = nil
		}
	case old != ev:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, fd, &e)
	}
	if err != nil {
		errno, _ := err.(unix.Errno)
		return vm.NewOSError(int(errno), errno.Error())
	}
	return nil
}

// wait blocks for up to timeout seconds (-1: forever) with the GIL
// released and returns the ready events.
func (p *poller) wait(th *vm.Thread, timeout float64) ([]unix.EpollEvent, error) {
	ms := -1
	if timeout >= 0 {
		// Round up, as selectors do, so a wake-up is never early.
		ms = int(math.Ceil(timeout * 1e3))
	}
	var n int
	var err error
	call := func() {
		for {
			n, err = unix.EpollWait(p.epfd, p.events, ms)
			if err != unix.EINTR {
				return
			}
			if ms != 0 {
				// A signal: give the main thread a chance to run its
				// handlers before waiting again.
				n, err = 0, nil
				return
			}
		}
	}
	if ms == 0 {
		call()
	} else {
		th.Blocking(call)
	}
	if err != nil {
		errno, _ := err.(unix.Errno)
		return nil, vm.NewOSError(int(errno), errno.Error())
	}
	evs := p.events[:n]
	for _, e := range evs {
		switch int(e.Fd) {
		case p.wakeFd:
			p.drainWake()
		case p.sigR:
			var buf [64]byte
			for {
				if k, _ := unix.Read(p.sigR, buf[:]); k <= 0 {
					break
				}
			}
		}
	}
	if n == len(p.events) {
		p.events = make([]unix.EpollEvent, 2*n)
	}
	return evs, nil
}

// signalPipe returns the write end of the signal wake-up pipe, creating
// it (and watching its read end) on first use.
func (p *poller) signalPipe() (int, error) {
	if p.sigW >= 0 {
		return p.sigW, nil
	}
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_CLOEXEC|unix.O_NONBLOCK); err != nil {
		return -1, err
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(fds[0])}
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fds[0], &ev); err != nil {
		unix.Close(fds[0])
		unix.Close(fds[1])
		return -1, err
	}
	p.sigR, p.sigW = fds[0], fds[1]
	return p.sigW, nil
}

func (p *poller) close() {
	unix.Close(p.epfd)
	unix.Close(p.wakeFd)
	if p.sigR >= 0 {
		unix.Close(p.sigR)
		unix.Close(p.sigW)
	}
}
