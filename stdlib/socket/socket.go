// Package socket implements _socket: BSD sockets over file descriptors,
// with CPython's blocking, non-blocking and timeout modes. A blocking call
// releases the GIL around the system call; with a timeout the descriptor
// is non-blocking and the wait is a poll() on it, again without the GIL.
// The socket module (stdlib/pylib/lib/socket.py) wraps this one.
package socket

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

// Socket is _socket.socket.
type Socket struct {
	vm.Object
	mu      sync.Mutex
	fd      int // -1 once closed or detached
	family  int
	stype   int
	proto   int
	timeout float64 // <0: blocking (None); 0: non-blocking; >0: seconds
}

var sockLayout = vm.NewLayout[Socket]("_socket.socket")

// SocketType is _socket.socket.
var SocketType *vm.Type

var (
	timeoutErr *vm.Type // socket.timeout is TimeoutError
	gaiError   *vm.Type
	hError     *vm.Type
)

// defaultTimeout is setdefaulttimeout()'s value.
var defaultTimeout = -1.0

func init() {
	vm.RegisterModule("_socket", initModule)
}

// errnoString is strerror(errno) as glibc words it.
func errnoString(e unix.Errno) string {
	s := e.Error()
	if s == "" {
		return "Unknown error"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// OSError converts a system call error into the Python exception.
func OSError(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*vm.Exception); ok {
		return e
	}
	if errno, ok := err.(unix.Errno); ok {
		return vm.NewOSError(int(errno), errnoString(errno))
	}
	return vm.Errorf(vm.OSError, "%s", err.Error())
}

func sself(v vm.Value) *Socket { return sockLayout.Must(v) }

func (s *Socket) checkOpen() error {
	if s.fd < 0 {
		return vm.NewOSError(int(unix.EBADF), errnoString(unix.EBADF))
	}
	return nil
}

// setTimeout switches the descriptor's blocking mode to match.
func (s *Socket) setTimeout(t float64) error {
	s.timeout = t
	if s.fd < 0 {
		return nil
	}
	return OSError(unix.SetNonblock(s.fd, t >= 0))
}

// waitFor polls the descriptor for the event (unix.POLLIN/POLLOUT) up to
// the socket's timeout, without the GIL. It reports a timeout as
// TimeoutError("timed out").
func (s *Socket) waitFor(th *vm.Thread, ev int16, deadline float64) error {
	if s.timeout <= 0 {
		return nil
	}
	ms := int(math.Ceil(deadline * 1000))
	var n int
	var err error
	th.Blocking(func() {
		for {
			fds := []unix.PollFd{{Fd: int32(s.fd), Events: ev}}
			n, err = unix.Poll(fds, ms)
			if err != unix.EINTR {
				return
			}
		}
	})
	if err != nil {
		return OSError(err)
	}
	if n == 0 {
		return vm.NewException(timeoutErr, vm.MakeStr("timed out"))
	}
	return nil
}

// io runs a socket system call the CPython way: in blocking mode it blocks
// (without the GIL); with a timeout it waits for readiness first; in
// non-blocking mode EAGAIN becomes BlockingIOError.
func (s *Socket) io(th *vm.Thread, ev int16, call func() error) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if s.timeout > 0 {
		if err := s.waitFor(th, ev, s.timeout); err != nil {
			return err
		}
	}
	var err error
	for {
		if s.timeout < 0 {
			th.Blocking(func() { err = call() })
		} else {
			err = call()
		}
		if err == unix.EINTR {
			continue
		}
		if (err == unix.EAGAIN || err == unix.EWOULDBLOCK) && s.timeout > 0 {
			if werr := s.waitFor(th, ev, s.timeout); werr != nil {
				return werr
			}
			continue
		}
		return OSError(err)
	}
}

// ------------------------------------------------------------ addresses

func (s *Socket) sockaddr(th *vm.Thread, v vm.Value, what string) (unix.Sockaddr, error) {
	return parseAddr(th, s.family, v, what)
}

func parseAddr(th *vm.Thread, family int, v vm.Value, what string) (unix.Sockaddr, error) {
	switch family {
	case unix.AF_UNIX:
		var path string
		if st, ok := vm.AsStr(v); ok {
			path = st.String()
		} else if b, ok := vm.AsBytesLike(v); ok {
			path = string(b)
		} else {
			return nil, vm.Errorf(vm.TypeError, "%s(): AF_UNIX address must be str or bytes, not %s", what, vm.TypeName(v))
		}
		if strings.HasPrefix(path, "\x00") {
			path = "@" + path[1:]
		}
		return &unix.SockaddrUnix{Name: path}, nil
	case unix.AF_INET, unix.AF_INET6:
		t, ok := vm.AsTuple(v)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "%s(): AF_INET address must be tuple, not %s", what, vm.TypeName(v))
		}
		items := t.Items()
		if family == unix.AF_INET && len(items) != 2 {
			return nil, vm.Errorf(vm.TypeError, "AF_INET address must be a pair (host, port)")
		}
		if family == unix.AF_INET6 && (len(items) < 2 || len(items) > 4) {
			return nil, vm.Errorf(vm.TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
		}
		host, ok := vm.AsStr(items[0])
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "str, bytes or bytearray expected, not %s", vm.TypeName(items[0]))
		}
		if !vm.IsInt(items[1]) {
			return nil, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", vm.TypeName(items[1]))
		}
		port, err := vm.AsInt64(th, items[1])
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 65535 {
			return nil, vm.Errorf(vm.OverflowError, "%s(): port must be 0-65535.", what)
		}
		ip, err := resolveHost(th, host.String(), family)
		if err != nil {
			return nil, err
		}
		if family == unix.AF_INET {
			sa := &unix.SockaddrInet4{Port: int(port)}
			copy(sa.Addr[:], ip.To4())
			return sa, nil
		}
		sa := &unix.SockaddrInet6{Port: int(port)}
		copy(sa.Addr[:], ip.To16())
		if len(items) == 4 {
			sid, err := vm.AsInt64(th, items[3])
			if err != nil {
				return nil, err
			}
			sa.ZoneId = uint32(sid)
		}
		return sa, nil
	}
	return nil, vm.Errorf(vm.OSError, "%s(): bad family", what)
}

func addrValue(sa unix.Sockaddr) vm.Value {
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return vm.NewTuple(vm.MakeStr(ipString(a.Addr[:])), vm.MakeInt(int64(a.Port))).Value()
	case *unix.SockaddrInet6:
		return vm.NewTuple(vm.MakeStr(ipString(a.Addr[:])), vm.MakeInt(int64(a.Port)), vm.MakeInt(0), vm.MakeInt(int64(a.ZoneId))).Value()
	case *unix.SockaddrUnix:
		name := a.Name
		if name == "@" {
			// x/sys reports an unnamed socket (socketpair) as "@".
			return vm.MakeStr("")
		}
		if strings.HasPrefix(name, "@") {
			return vm.NewBytes([]byte("\x00" + name[1:])).Value()
		}
		return vm.MakeStr(name)
	}
	return vm.None
}

// ------------------------------------------------------------ methods

func newSocket(t *vm.Type, fd, family, stype, proto int) *Socket {
	s := sockLayout.New(t)
	s.fd, s.family, s.stype, s.proto = fd, family, stype, proto
	s.timeout = -1
	return s
}

func sockInit(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
	s := sself(self)
	var fam, typ, proto, fileno vm.Value = vm.MakeInt(-1), vm.MakeInt(-1), vm.MakeInt(-1), vm.None
	if err := vm.UnpackArgs("socket", args, kw, "family?", &fam, "type?", &typ, "proto?", &proto, "fileno?", &fileno); err != nil {
		return err
	}
	geti := func(v vm.Value, def int64) (int64, error) {
		if v.IsNone() {
			return def, nil
		}
		return vm.AsInt64(th, v)
	}
	f, err := geti(fam, -1)
	if err != nil {
		return err
	}
	ty, err := geti(typ, -1)
	if err != nil {
		return err
	}
	p, err := geti(proto, -1)
	if err != nil {
		return err
	}
	if !fileno.IsNone() {
		fd, err := vm.AsInt64(th, fileno)
		if err != nil {
			return err
		}
		if fd < 0 {
			return vm.Errorf(vm.ValueError, "negative file descriptor")
		}
		s.fd = int(fd)
		// Ask the descriptor what it is, as CPython does.
		if f == -1 {
			if sa, err := unix.Getsockname(s.fd); err == nil {
				switch sa.(type) {
				case *unix.SockaddrInet4:
					f = unix.AF_INET
				case *unix.SockaddrInet6:
					f = unix.AF_INET6
				case *unix.SockaddrUnix:
					f = unix.AF_UNIX
				}
			} else {
				return OSError(err)
			}
		}
		if ty == -1 {
			v, err := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_TYPE)
			if err != nil {
				return OSError(err)
			}
			ty = int64(v)
		}
		if p == -1 {
			v, _ := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_PROTOCOL)
			p = int64(v)
		}
	} else {
		if f == -1 {
			f = unix.AF_INET
		}
		if ty == -1 {
			ty = unix.SOCK_STREAM
		}
		if p == -1 {
			p = 0
		}
		fd, err := unix.Socket(int(f), int(ty)|unix.SOCK_CLOEXEC, int(p))
		if err != nil {
			return OSError(err)
		}
		s.fd = fd
	}
	s.family, s.stype, s.proto = int(f), int(ty)&^(unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC), int(p)
	s.timeout = -1
	if defaultTimeout >= 0 {
		return s.setTimeout(defaultTimeout)
	}
	if nb, err := isNonblocking(s.fd); err == nil && nb && ty&unix.SOCK_NONBLOCK != 0 {
		s.timeout = 0
	}
	return nil
}

func isNonblocking(fd int) (bool, error) {
	fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil {
		return false, err
	}
	return fl&unix.O_NONBLOCK != 0, nil
}

func bytesArg(th *vm.Thread, v vm.Value, fn string) ([]byte, error) {
	if b, ok := vm.AsBytesLike(v); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(v))
}

func intArg(th *vm.Thread, v vm.Value) (int, error) {
	n, err := vm.AsInt64(th, v)
	return int(n), err
}

func sockMethods() []*vm.BuiltinMethod {
	m := func(name string, fn vm.BuiltinFn) *vm.BuiltinMethod { return &vm.BuiltinMethod{Name: name, Fn: fn} }
	return []*vm.BuiltinMethod{
		m("fileno", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(sself(args[0]).fd)), nil
		}),
		m("close", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if s.fd >= 0 {
				fd := s.fd
				s.fd = -1
				if err := unix.Close(fd); err != nil && err != unix.ECONNRESET {
					return vm.Null, OSError(err)
				}
			}
			return vm.None, nil
		}),
		m("detach", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			fd := s.fd
			s.fd = -1
			return vm.MakeInt(int64(fd)), nil
		}),
		m("dup", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			fd, err := unix.FcntlInt(uintptr(s.fd), unix.F_DUPFD_CLOEXEC, 0)
			if err != nil {
				return vm.Null, OSError(err)
			}
			n := newSocket(SocketType, fd, s.family, s.stype, s.proto)
			n.timeout = s.timeout
			return n.Value(), nil
		}),
		m("bind", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "bind() takes exactly one argument (%d given)", len(args)-1)
			}
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			sa, err := s.sockaddr(th, args[1], "bind")
			if err != nil {
				return vm.Null, err
			}
			return vm.None, OSError(unix.Bind(s.fd, sa))
		}),
		m("listen", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			backlog := 128
			if len(args) > 1 {
				n, err := intArg(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				backlog = max(n, 0)
			}
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			return vm.None, OSError(unix.Listen(s.fd, backlog))
		}),
		m("_accept", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			var nfd int
			var sa unix.Sockaddr
			err := s.io(th, unix.POLLIN, func() error {
				var e error
				nfd, sa, e = unix.Accept4(s.fd, unix.SOCK_CLOEXEC)
				return e
			})
			if err != nil {
				return vm.Null, err
			}
			return vm.NewTuple(vm.MakeInt(int64(nfd)), addrValue(sa)).Value(), nil
		}),
		m("connect", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "connect() takes exactly one argument (%d given)", len(args)-1)
			}
			return vm.None, s.connect(th, args[1])
		}),
		m("connect_ex", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "connect_ex() takes exactly one argument (%d given)", len(args)-1)
			}
			err := s.connect(th, args[1])
			if err == nil {
				return vm.MakeInt(0), nil
			}
			if e, ok := err.(*vm.Exception); ok && e.Matches(vm.OSError) && !e.Matches(timeoutErr) {
				if n, ok := e.Args().Items()[0], true; ok && vm.IsInt(n) {
					return n, nil
				}
			}
			return vm.Null, err
		}),
		m("recv", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			n, flags, err := sizeFlags(th, "recv", args[1:])
			if err != nil {
				return vm.Null, err
			}
			buf := getBuf(n)
			var got int
			err = s.io(th, unix.POLLIN, func() error {
				var e error
				got, _, e = unix.Recvfrom(s.fd, buf, flags)
				return e
			})
			if err != nil {
				putBuf(buf)
				return vm.Null, err
			}
			out := append([]byte(nil), buf[:got]...)
			putBuf(buf)
			return vm.NewBytes(out).Value(), nil
		}),
		m("recvfrom", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			n, flags, err := sizeFlags(th, "recvfrom", args[1:])
			if err != nil {
				return vm.Null, err
			}
			buf := make([]byte, n)
			var got int
			var from unix.Sockaddr
			err = s.io(th, unix.POLLIN, func() error {
				var e error
				got, from, e = unix.Recvfrom(s.fd, buf, flags)
				return e
			})
			if err != nil {
				return vm.Null, err
			}
			return vm.NewTuple(vm.NewBytes(buf[:got]).Value(), addrValue(from)).Value(), nil
		}),
		m("recv_into", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			var bufV, nbytes, flagsV vm.Value = vm.Null, vm.MakeInt(0), vm.MakeInt(0)
			if err := vm.UnpackArgs("recv_into", args[1:], kw, "buffer", &bufV, "nbytes?", &nbytes, "flags?", &flagsV); err != nil {
				return vm.Null, err
			}
			buf, ok := vm.AsBytesLike(bufV)
			if !ok || bufV.Type() == vm.BytesType {
				return vm.Null, vm.Errorf(vm.TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s", vm.TypeName(bufV))
			}
			n, err := intArg(th, nbytes)
			if err != nil {
				return vm.Null, err
			}
			flags, err := intArg(th, flagsV)
			if err != nil {
				return vm.Null, err
			}
			if n < 0 {
				return vm.Null, vm.Errorf(vm.ValueError, "negative buffersize in recv_into")
			}
			if n == 0 || n > len(buf) {
				n = len(buf)
			}
			tmp := make([]byte, n)
			var got int
			err = s.io(th, unix.POLLIN, func() error {
				var e error
				got, _, e = unix.Recvfrom(s.fd, tmp, flags)
				return e
			})
			if err != nil {
				return vm.Null, err
			}
			copy(buf, tmp[:got])
			return vm.MakeInt(int64(got)), nil
		}),
		m("send", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) < 2 || len(args) > 3 {
				return vm.Null, vm.Errorf(vm.TypeError, "send() takes at least 1 argument (0 given)")
			}
			data, err := bytesArg(th, args[1], "send")
			if err != nil {
				return vm.Null, err
			}
			flags := 0
			if len(args) == 3 {
				if flags, err = intArg(th, args[2]); err != nil {
					return vm.Null, err
				}
			}
			data = append([]byte(nil), data...)
			var sent int
			err = s.io(th, unix.POLLOUT, func() error {
				var e error
				sent, e = unix.SendmsgN(s.fd, data, nil, nil, flags|unix.MSG_NOSIGNAL)
				return e
			})
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeInt(int64(sent)), nil
		}),
		m("sendall", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) < 2 || len(args) > 3 {
				return vm.Null, vm.Errorf(vm.TypeError, "sendall() takes at least 1 argument (0 given)")
			}
			data, err := bytesArg(th, args[1], "sendall")
			if err != nil {
				return vm.Null, err
			}
			flags := 0
			if len(args) == 3 {
				if flags, err = intArg(th, args[2]); err != nil {
					return vm.Null, err
				}
			}
			data = append([]byte(nil), data...)
			for len(data) > 0 {
				var sent int
				err = s.io(th, unix.POLLOUT, func() error {
					var e error
					sent, e = unix.SendmsgN(s.fd, data, nil, nil, flags|unix.MSG_NOSIGNAL)
					return e
				})
				if err != nil {
					return vm.Null, err
				}
				data = data[sent:]
			}
			return vm.None, nil
		}),
		m("sendto", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) < 3 || len(args) > 4 {
				return vm.Null, vm.Errorf(vm.TypeError, "sendto() takes 2 or 3 arguments (%d given)", len(args)-1)
			}
			data, err := bytesArg(th, args[1], "sendto")
			if err != nil {
				return vm.Null, err
			}
			flags := 0
			addr := args[2]
			if len(args) == 4 {
				if flags, err = intArg(th, args[2]); err != nil {
					return vm.Null, err
				}
				addr = args[3]
			}
			sa, err := s.sockaddr(th, addr, "sendto")
			if err != nil {
				return vm.Null, err
			}
			data = append([]byte(nil), data...)
			err = s.io(th, unix.POLLOUT, func() error {
				return unix.Sendto(s.fd, data, flags|unix.MSG_NOSIGNAL, sa)
			})
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeInt(int64(len(data))), nil
		}),
		m("shutdown", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "shutdown() takes exactly one argument (%d given)", len(args)-1)
			}
			how, err := intArg(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			return vm.None, OSError(unix.Shutdown(s.fd, how))
		}),
		m("getsockname", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			sa, err := unix.Getsockname(s.fd)
			if err != nil {
				return vm.Null, OSError(err)
			}
			if u, ok := sa.(*unix.SockaddrUnix); ok && u.Name == "" {
				return vm.MakeStr(""), nil
			}
			return addrValue(sa), nil
		}),
		m("getpeername", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			sa, err := unix.Getpeername(s.fd)
			if err != nil {
				return vm.Null, OSError(err)
			}
			return addrValue(sa), nil
		}),
		m("setsockopt", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 4 {
				return vm.Null, vm.Errorf(vm.TypeError, "setsockopt() takes 3 arguments")
			}
			level, err := intArg(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			opt, err := intArg(th, args[2])
			if err != nil {
				return vm.Null, err
			}
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			if vm.IsInt(args[3]) || args[3].IsBool() {
				v, err := intArg(th, args[3])
				if err != nil {
					return vm.Null, err
				}
				return vm.None, OSError(unix.SetsockoptInt(s.fd, level, opt, v))
			}
			b, err := bytesArg(th, args[3], "setsockopt")
			if err != nil {
				return vm.Null, err
			}
			return vm.None, OSError(unix.SetsockoptString(s.fd, level, opt, string(b)))
		}),
		m("getsockopt", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) < 3 || len(args) > 4 {
				return vm.Null, vm.Errorf(vm.TypeError, "getsockopt() takes 2 or 3 arguments")
			}
			level, err := intArg(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			opt, err := intArg(th, args[2])
			if err != nil {
				return vm.Null, err
			}
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			if len(args) == 4 {
				n, err := intArg(th, args[3])
				if err != nil {
					return vm.Null, err
				}
				v, err := unix.GetsockoptString(s.fd, level, opt)
				if err != nil {
					return vm.Null, OSError(err)
				}
				if len(v) > n {
					v = v[:n]
				}
				return vm.NewBytes([]byte(v)).Value(), nil
			}
			v, err := unix.GetsockoptInt(s.fd, level, opt)
			if err != nil {
				return vm.Null, OSError(err)
			}
			return vm.MakeInt(int64(v)), nil
		}),
		m("setblocking", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "setblocking() takes exactly one argument (%d given)", len(args)-1)
			}
			b, err := vm.Truth(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			if b {
				return vm.None, s.setTimeout(-1)
			}
			return vm.None, s.setTimeout(0)
		}),
		m("getblocking", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if err := s.checkOpen(); err != nil {
				return vm.Null, err
			}
			return vm.MakeBool(s.timeout != 0), nil
		}),
		m("settimeout", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "settimeout() takes exactly one argument (%d given)", len(args)-1)
			}
			t, err := timeoutValue(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			return vm.None, s.setTimeout(t)
		}),
		m("gettimeout", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			s := sself(args[0])
			if s.timeout < 0 {
				return vm.None, nil
			}
			return vm.MakeFloat(s.timeout), nil
		}),
	}
}

// Receive buffers: recv(n) is usually called with a large n (asyncio
// asks for 256 KiB) and gets a few bytes; allocating (and zeroing) n
// bytes per call cost more than the system call. A pooled buffer is
// filled and the bytes received are copied out.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 256*1024); return &b }}

func getBuf(n int) []byte {
	if n > 256*1024 || n < 1024 {
		return make([]byte, n)
	}
	return (*bufPool.Get().(*[]byte))[:n]
}

func putBuf(b []byte) {
	if cap(b) == 256*1024 {
		b = b[:cap(b)]
		bufPool.Put(&b)
	}
}

func timeoutValue(th *vm.Thread, v vm.Value) (float64, error) {
	if v.IsNone() {
		return -1, nil
	}
	f, err := vm.AsFloat(th, v)
	if err != nil {
		return 0, vm.Errorf(vm.TypeError, "Timeout value must be int, float or None")
	}
	if f < 0 {
		return 0, vm.Errorf(vm.ValueError, "Timeout value out of range")
	}
	return f, nil
}

func sizeFlags(th *vm.Thread, fn string, args []vm.Value) (int, int, error) {
	if len(args) < 1 || len(args) > 2 {
		return 0, 0, vm.Errorf(vm.TypeError, "%s() takes at least 1 argument (0 given)", fn)
	}
	n, err := intArg(th, args[0])
	if err != nil {
		return 0, 0, err
	}
	if n < 0 {
		return 0, 0, vm.Errorf(vm.ValueError, "negative buffersize in %s", fn)
	}
	flags := 0
	if len(args) == 2 {
		if flags, err = intArg(th, args[1]); err != nil {
			return 0, 0, err
		}
	}
	return n, flags, nil
}

func (s *Socket) connect(th *vm.Thread, addr vm.Value) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	sa, err := s.sockaddr(th, addr, "connect")
	if err != nil {
		return err
	}
	if s.timeout < 0 {
		var e error
		th.Blocking(func() {
			for {
				e = unix.Connect(s.fd, sa)
				if e != unix.EINTR {
					return
				}
			}
		})
		return OSError(e)
	}
	e := unix.Connect(s.fd, sa)
	if e == unix.EINPROGRESS && s.timeout > 0 {
		if err := s.waitFor(th, unix.POLLOUT, s.timeout); err != nil {
			return err
		}
		v, gerr := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if gerr != nil {
			return OSError(gerr)
		}
		if v != 0 {
			return OSError(unix.Errno(v))
		}
		return nil
	}
	return OSError(e)
}

func sockRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	s := sself(v)
	return vm.MakeStr(fmt.Sprintf("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s.fd, s.family, s.stype, s.proto)), nil
}

func initSocketType() {
	SocketType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "socket", Module: "_socket", Layout: sockLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return newSocket(t, -1, unix.AF_INET, unix.SOCK_STREAM, 0).Value(), nil
			},
			Init: sockInit,
			Repr: sockRepr,
		},
		Methods: sockMethods(),
		Getters: []*vm.GetSet{
			{Name: "family", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(sself(v).family)), nil }},
			{Name: "type", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(sself(v).stype)), nil }},
			{Name: "proto", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(sself(v).proto)), nil }},
			{Name: "timeout", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				if t := sself(v).timeout; t >= 0 {
					return vm.MakeFloat(t), nil
				}
				return vm.None, nil
			}},
		},
	})
}
