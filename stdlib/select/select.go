// Package pyselect implements the select module: select(), poll() and
// epoll objects. Every wait releases the GIL.
package pyselect

import (
	"math"
	"sync"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

func init() {
	vm.RegisterModule("select", initModule)
}

func oserr(err error) error {
	if errno, ok := err.(unix.Errno); ok {
		s := errno.Error()
		if s != "" {
			s = string(s[0]-32*b2i(s[0] >= 'a' && s[0] <= 'z')) + s[1:]
		}
		return vm.NewOSError(int(errno), s)
	}
	return vm.Errorf(vm.OSError, "%v", err)
}

func b2i(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// fileno is an int or an object's fileno().
func fileno(th *vm.Thread, v vm.Value) (int, error) {
	if !vm.IsInt(v) {
		r, err := vm.CallMethod(th, v, "fileno")
		if err != nil {
			if vm.AsException(err).Matches(vm.AttributeError) {
				return 0, vm.Errorf(vm.TypeError, "argument must be an int, or have a fileno() method.")
			}
			return 0, err
		}
		v = r
	}
	n, err := vm.AsInt64(th, v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, vm.Errorf(vm.ValueError, "file descriptor cannot be a negative integer (%d)", n)
	}
	return int(n), nil
}

// timeoutMs converts a timeout in seconds (None: forever) to milliseconds.
func timeoutMs(th *vm.Thread, v vm.Value, scale float64) (int, error) {
	if v.IsNull() || v.IsNone() {
		return -1, nil
	}
	f, err := vm.AsFloat(th, v)
	if err != nil {
		return 0, vm.Errorf(vm.TypeError, "timeout must be an integer or None")
	}
	if f < 0 {
		if scale == 1 {
			return -1, nil
		}
		return 0, vm.Errorf(vm.ValueError, "timeout must be non-negative")
	}
	return int(math.Ceil(f * scale)), nil
}

func pollWait(th *vm.Thread, fds []unix.PollFd, ms int) (int, error) {
	var n int
	var err error
	th.Blocking(func() {
		for {
			n, err = unix.Poll(fds, ms)
			if err != unix.EINTR {
				return
			}
		}
	})
	if err != nil {
		return 0, oserr(err)
	}
	return n, nil
}

// selectFn is select.select, implemented with poll(2).
func selectFn(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) < 3 || len(args) > 4 {
		return vm.Null, vm.Errorf(vm.TypeError, "select expected at least 3 arguments, got %d", len(args))
	}
	ms := -1
	if len(args) == 4 && !args[3].IsNone() {
		f, err := vm.AsFloat(th, args[3])
		if err != nil {
			return vm.Null, vm.Errorf(vm.TypeError, "timeout must be a float or None")
		}
		if f < 0 {
			return vm.Null, vm.Errorf(vm.ValueError, "timeout must be non-negative")
		}
		ms = int(math.Ceil(f * 1000))
	}
	var lists [3][]vm.Value
	var fds []unix.PollFd
	index := map[int]int{}
	for i := 0; i < 3; i++ {
		items, err := vm.SeqToSlice(th, args[i])
		if err != nil {
			return vm.Null, vm.Errorf(vm.TypeError, "arguments 1-3 must be sequences")
		}
		lists[i] = items
		for _, it := range items {
			fd, err := fileno(th, it)
			if err != nil {
				return vm.Null, err
			}
			ev := [3]int16{unix.POLLIN, unix.POLLOUT, unix.POLLPRI}[i]
			if j, ok := index[fd]; ok {
				fds[j].Events |= ev
			} else {
				index[fd] = len(fds)
				fds = append(fds, unix.PollFd{Fd: int32(fd), Events: ev})
			}
		}
	}
	if _, err := pollWait(th, fds, ms); err != nil {
		return vm.Null, err
	}
	var out [3][]vm.Value
	for i := 0; i < 3; i++ {
		for _, it := range lists[i] {
			fd, _ := fileno(th, it)
			re := fds[index[fd]].Revents
			if re&unix.POLLNVAL != 0 {
				return vm.Null, oserr(unix.EBADF)
			}
			var hit bool
			switch i {
			case 0:
				hit = re&(unix.POLLIN|unix.POLLHUP|unix.POLLERR) != 0
			case 1:
				hit = re&(unix.POLLOUT|unix.POLLERR) != 0
			case 2:
				hit = re&unix.POLLPRI != 0
			}
			if hit {
				out[i] = append(out[i], it)
			}
		}
	}
	return vm.NewTuple(vm.NewList(out[0]).Value(), vm.NewList(out[1]).Value(), vm.NewList(out[2]).Value()).Value(), nil
}

// ------------------------------------------------------------ poll

type pollObj struct {
	vm.Object
	order []int
	ev    map[int]int16
	busy  bool
}

var pollLayout = vm.NewLayout[pollObj]("select.poll")
var pollType *vm.Type

func initPollType() {
	p := func(v vm.Value) *pollObj { return pollLayout.Must(v) }
	pollType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "poll", Module: "select", Layout: pollLayout.Info(), Final: true,
		Methods: []*vm.BuiltinMethod{
			{Name: "register", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) < 2 || len(args) > 3 {
					return vm.Null, vm.Errorf(vm.TypeError, "register expected at least 1 argument")
				}
				fd, err := fileno(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				ev := int64(unix.POLLIN | unix.POLLPRI | unix.POLLOUT)
				if len(args) == 3 {
					if ev, err = vm.AsInt64(th, args[2]); err != nil {
						return vm.Null, err
					}
				}
				o := p(args[0])
				if _, ok := o.ev[fd]; !ok {
					o.order = append(o.order, fd)
				}
				o.ev[fd] = int16(ev)
				return vm.None, nil
			}},
			{Name: "modify", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) != 3 {
					return vm.Null, vm.Errorf(vm.TypeError, "modify expected 2 arguments")
				}
				fd, err := fileno(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				ev, err := vm.AsInt64(th, args[2])
				if err != nil {
					return vm.Null, err
				}
				o := p(args[0])
				if _, ok := o.ev[fd]; !ok {
					return vm.Null, oserr(unix.ENOENT)
				}
				o.ev[fd] = int16(ev)
				return vm.None, nil
			}},
			{Name: "unregister", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) != 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "unregister expected 1 argument")
				}
				fd, err := fileno(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				o := p(args[0])
				if _, ok := o.ev[fd]; !ok {
					return vm.Null, vm.NewException(vm.KeyError, vm.MakeInt(int64(fd)))
				}
				delete(o.ev, fd)
				for i, x := range o.order {
					if x == fd {
						o.order = append(o.order[:i], o.order[i+1:]...)
						break
					}
				}
				return vm.None, nil
			}},
			{Name: "poll", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				o := p(args[0])
				ms := -1
				if len(args) > 1 {
					var err error
					if ms, err = timeoutMs(th, args[1], 1); err != nil {
						return vm.Null, err
					}
				}
				if o.busy {
					return vm.Null, vm.Errorf(vm.RuntimeError, "concurrent poll() invocation")
				}
				fds := make([]unix.PollFd, len(o.order))
				for i, fd := range o.order {
					fds[i] = unix.PollFd{Fd: int32(fd), Events: o.ev[fd]}
				}
				o.busy = true
				_, err := pollWait(th, fds, ms)
				o.busy = false
				if err != nil {
					return vm.Null, err
				}
				var out []vm.Value
				for _, f := range fds {
					if f.Revents != 0 {
						out = append(out, vm.NewTuple(vm.MakeInt(int64(f.Fd)), vm.MakeInt(int64(uint16(f.Revents)))).Value())
					}
				}
				return vm.NewList(out).Value(), nil
			}},
		},
	})
}

// ------------------------------------------------------------ epoll

type epollObj struct {
	vm.Object
	mu sync.Mutex
	fd int
}

var epollLayout = vm.NewLayout[epollObj]("select.epoll")
var epollType *vm.Type

func initEpollType() {
	e := func(v vm.Value) *epollObj { return epollLayout.Must(v) }
	closedErr := func() error { return vm.Errorf(vm.ValueError, "I/O operation on closed epoll object") }
	ctl := func(th *vm.Thread, args []vm.Value, op int, needMask bool) (vm.Value, error) {
		o := e(args[0])
		if o.fd < 0 {
			return vm.Null, closedErr()
		}
		if len(args) < 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "missing file descriptor")
		}
		fd, err := fileno(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		mask := int64(unix.EPOLLIN | unix.EPOLLPRI | unix.EPOLLOUT)
		if len(args) > 2 {
			if mask, err = vm.AsInt64(th, args[2]); err != nil {
				return vm.Null, err
			}
		} else if needMask && op == unix.EPOLL_CTL_MOD {
			return vm.Null, vm.Errorf(vm.TypeError, "modify() missing required argument 'eventmask' (pos 2)")
		}
		ev := unix.EpollEvent{Events: uint32(mask), Fd: int32(fd)}
		if err := unix.EpollCtl(o.fd, op, fd, &ev); err != nil {
			return vm.Null, oserr(err)
		}
		return vm.None, nil
	}
	epollType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "epoll", Module: "select", Layout: epollLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
				if err != nil {
					return vm.Null, oserr(err)
				}
				o := epollLayout.New(t)
				o.fd = fd
				return o.Value(), nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "register", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return ctl(th, args, unix.EPOLL_CTL_ADD, false)
			}},
			{Name: "modify", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return ctl(th, args, unix.EPOLL_CTL_MOD, true)
			}},
			{Name: "unregister", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return ctl(th, args[:2], unix.EPOLL_CTL_DEL, false)
			}},
			{Name: "poll", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				o := e(args[0])
				if o.fd < 0 {
					return vm.Null, closedErr()
				}
				tmo, maxev := vm.None, vm.MakeInt(-1)
				if err := vm.UnpackArgs("poll", args[1:], kw, "timeout?", &tmo, "maxevents?", &maxev); err != nil {
					return vm.Null, err
				}
				ms, err := timeoutMs(th, tmo, 1000)
				if err != nil {
					return vm.Null, err
				}
				n64, err := vm.AsInt64(th, maxev)
				if err != nil {
					return vm.Null, err
				}
				if n64 <= 0 {
					n64 = 1024
				}
				evs := make([]unix.EpollEvent, n64)
				var n int
				th.Blocking(func() {
					for {
						n, err = unix.EpollWait(o.fd, evs, ms)
						if err != unix.EINTR {
							return
						}
					}
				})
				if err != nil {
					return vm.Null, oserr(err)
				}
				out := make([]vm.Value, n)
				for i := 0; i < n; i++ {
					out[i] = vm.NewTuple(vm.MakeInt(int64(evs[i].Fd)), vm.MakeInt(int64(evs[i].Events))).Value()
				}
				return vm.NewList(out).Value(), nil
			}},
			{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				o := e(args[0])
				if o.fd >= 0 {
					unix.Close(o.fd)
					o.fd = -1
				}
				return vm.None, nil
			}},
			{Name: "fileno", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				o := e(args[0])
				if o.fd < 0 {
					return vm.Null, closedErr()
				}
				return vm.MakeInt(int64(o.fd)), nil
			}},
			{Name: "__enter__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__exit__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				o := e(args[0])
				if o.fd >= 0 {
					unix.Close(o.fd)
					o.fd = -1
				}
				return vm.None, nil
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "closed", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(e(v).fd < 0), nil }},
		},
	})
}

func initModule(th *vm.Thread, m *vm.Module) error {
	if pollType == nil {
		initPollType()
		initEpollType()
	}
	m.AddFunc("select", selectFn)
	m.AddFunc("poll", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		o := pollLayout.New(pollType)
		o.ev = map[int]int16{}
		return o.Value(), nil
	})
	m.AddType(epollType)
	m.Set("error", vm.OSError.Value())
	for k, v := range map[string]int{
		"POLLIN": unix.POLLIN, "POLLPRI": unix.POLLPRI, "POLLOUT": unix.POLLOUT, "POLLERR": unix.POLLERR,
		"POLLHUP": unix.POLLHUP, "POLLNVAL": unix.POLLNVAL, "POLLRDNORM": 0x40,
		"POLLRDBAND": 0x80, "POLLWRNORM": 0x100, "POLLWRBAND": 0x200,
		"POLLMSG": 0x400, "POLLRDHUP": 0x2000,
		"EPOLLIN": unix.EPOLLIN, "EPOLLOUT": unix.EPOLLOUT, "EPOLLPRI": unix.EPOLLPRI, "EPOLLERR": unix.EPOLLERR,
		"EPOLLHUP": unix.EPOLLHUP, "EPOLLET": -unix.EPOLLET, "EPOLLONESHOT": unix.EPOLLONESHOT,
		"EPOLLRDHUP": unix.EPOLLRDHUP, "EPOLLEXCLUSIVE": unix.EPOLLEXCLUSIVE,
		"EPOLLRDNORM": unix.EPOLLRDNORM, "EPOLLRDBAND": unix.EPOLLRDBAND, "EPOLLWRNORM": unix.EPOLLWRNORM,
		"EPOLLWRBAND": unix.EPOLLWRBAND, "EPOLLMSG": unix.EPOLLMSG, "EPOLL_CLOEXEC": unix.EPOLL_CLOEXEC,
		"PIPE_BUF": 4096,
	} {
		m.Set(k, vm.MakeInt(int64(v)))
	}
	return nil
}
