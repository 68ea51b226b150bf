package multiprocessing

// multiprocessing.connection.Connection: a pipe or a socketpair end that
// carries length-prefixed messages (a 4-byte big-endian signed length,
// or -1 and an 8-byte length for messages over 2 GiB, as CPython frames
// them). send() pickles, recv() unpickles. Reads and writes are blocking
// system calls made with the GIL released.

import (
	"crypto/hmac"
	"crypto/md5"
	"encoding/binary"
	"net"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"gilpy/stdlib/pickle"
	"gilpy/vm"
)

type conn struct {
	vm.Object
	fd       int // -1 once closed
	readable bool
	writable bool
}

var connLayout = vm.NewLayout[conn]("Connection")

func newConn(fd int, r, w bool) *conn {
	c := connLayout.New(connType)
	c.fd, c.readable, c.writable = fd, r, w
	// CPython closes a connection when its last reference goes; the
	// collector is later, but the descriptor is not leaked.
	runtime.SetFinalizer(c, func(c *conn) { c.close() })
	return c
}

func (c *conn) check(th *vm.Thread, read bool) error {
	if c.fd < 0 {
		return vm.Errorf(vm.OSError, "handle is closed")
	}
	if read && !c.readable {
		return vm.Errorf(vm.OSError, "connection is write-only")
	}
	if !read && !c.writable {
		return vm.Errorf(vm.OSError, "connection is read-only")
	}
	return nil
}

func errnoErr(err error) error {
	return vm.OSErrorFrom(err, vm.Null)
}

// frame builds the header of a message of n bytes.
func frame(n int) []byte {
	if n > 0x7fffffff {
		h := binary.BigEndian.AppendUint32(nil, 0xffffffff)
		return binary.BigEndian.AppendUint64(h, uint64(n))
	}
	return binary.BigEndian.AppendUint32(nil, uint32(n))
}

// sendBytes writes one framed message; the caller releases the GIL.
func sendFramed(fd int, data []byte) error {
	h := frame(len(data))
	if len(data) <= 16384 {
		return writeAll(fd, append(h, data...))
	}
	if err := writeAll(fd, h); err != nil {
		return err
	}
	return writeAll(fd, data)
}

// readFull reads exactly len(b) bytes; io.EOF-like errors come back as
// errEOF (with the count read).
func readFull(fd int, b []byte) (int, error) {
	got := 0
	for got < len(b) {
		n, err := unix.Read(fd, b[got:])
		if err == unix.EINTR || err == unix.EAGAIN {
			if err == unix.EAGAIN {
				waitReadable(fd, -1)
			}
			continue
		}
		if err != nil {
			return got, err
		}
		if n == 0 {
			return got, errEOF
		}
		got += n
	}
	return got, nil
}

type eofError struct{}

func (eofError) Error() string { return "EOF" }

var errEOF error = eofError{}

// recvFramed reads one message; maxlen < 0 means no limit.
func recvFramed(fd int) ([]byte, error) {
	var h [4]byte
	if _, err := readFull(fd, h[:]); err != nil {
		return nil, err
	}
	size := int64(int32(binary.BigEndian.Uint32(h[:])))
	if size == -1 {
		var h8 [8]byte
		if _, err := readFull(fd, h8[:]); err != nil {
			return nil, err
		}
		size = int64(binary.BigEndian.Uint64(h8[:]))
	}
	if size < 0 {
		return nil, errBadFrame
	}
	buf := make([]byte, size)
	if _, err := readFull(fd, buf); err != nil {
		if err == errEOF {
			return nil, errEOF
		}
		return nil, err
	}
	return buf, nil
}

type badFrame struct{}

func (badFrame) Error() string { return "bad message length" }

var errBadFrame error = badFrame{}

// waitReadable polls fd for input (or hang-up) for up to d (negative:
// forever) and reports whether it is ready.
func waitReadable(fd int, d time.Duration) bool {
	var deadline time.Time
	if d >= 0 {
		deadline = time.Now().Add(d)
	}
	for {
		ms := -1
		if d >= 0 {
			left := time.Until(deadline)
			if left < 0 {
				left = 0
			}
			ms = int((left + time.Millisecond - 1) / time.Millisecond)
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return true // let the read report the error
		}
		if n > 0 {
			return true
		}
		if d >= 0 && !time.Now().Before(deadline) {
			return false
		}
	}
}

func (c *conn) recvBytes(th *vm.Thread) ([]byte, error) {
	if err := c.check(th, true); err != nil {
		return nil, err
	}
	var data []byte
	var err error
	fd := c.fd
	th.Blocking(func() { data, err = recvFramed(fd) })
	if err == errEOF {
		return nil, vm.NewException(vm.EOFError)
	}
	if err == errBadFrame {
		return nil, vm.Errorf(vm.OSError, "bad message length")
	}
	if err != nil {
		return nil, errnoErr(err)
	}
	return data, nil
}

func (c *conn) sendBytes(th *vm.Thread, data []byte) error {
	if err := c.check(th, false); err != nil {
		return err
	}
	var err error
	fd := c.fd
	th.Blocking(func() { err = sendFramed(fd, data) })
	if err != nil {
		return errnoErr(err)
	}
	return nil
}

func (c *conn) close() {
	if c.fd >= 0 {
		unix.Close(c.fd)
		c.fd = -1
	}
}

var connType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "Connection", Module: "multiprocessing.connection", Layout: connLayout.Info(),
	Doc: "Connection class based on an arbitrary file descriptor (Unix only), or a socket handle (Windows).",
	Slots: vm.Slots{
		Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
			return vm.MakeStr("<multiprocessing.connection.Connection object at " + hexID(self) + ">"), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "send", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "send() takes exactly one argument")
			}
			if err := c.check(th, false); err != nil {
				return vm.Null, err
			}
			data, err := pickle.Dumps(th, args[1], pickle.DefaultProtocol)
			if err != nil {
				return vm.Null, err
			}
			return vm.None, c.sendBytes(th, append([]byte(nil), data...))
		}},
		{Name: "recv", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			data, err := c.recvBytes(th)
			if err != nil {
				return vm.Null, err
			}
			return pickle.Loads(th, data)
		}},
		{Name: "send_bytes", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			var buf, offset, size vm.Value = vm.Null, vm.MakeInt(0), vm.None
			if err := vm.UnpackArgs("send_bytes", args[1:], kw, "buf", &buf, "offset?", &offset, "size?", &size); err != nil {
				return vm.Null, err
			}
			if err := c.check(th, false); err != nil {
				return vm.Null, err
			}
			b, ok := vm.AsBytesLike(buf)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(buf))
			}
			off, _ := vm.IntToInt64(offset)
			n := int64(len(b))
			if off < 0 {
				return vm.Null, vm.Errorf(vm.ValueError, "offset is negative")
			}
			if n < off {
				return vm.Null, vm.Errorf(vm.ValueError, "buffer length < offset")
			}
			sz := n - off
			if !size.IsNone() {
				sz, _ = vm.IntToInt64(size)
				if sz < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "size is negative")
				}
				if off+sz > n {
					return vm.Null, vm.Errorf(vm.ValueError, "buffer length < offset + size")
				}
			}
			return vm.None, c.sendBytes(th, append([]byte(nil), b[off:off+sz]...))
		}},
		{Name: "recv_bytes", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			var maxlen vm.Value = vm.None
			if err := vm.UnpackArgs("recv_bytes", args[1:], kw, "maxlength?", &maxlen); err != nil {
				return vm.Null, err
			}
			if !maxlen.IsNone() {
				if m, _ := vm.IntToInt64(maxlen); m < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "negative maxlength")
				}
			}
			data, err := c.recvBytes(th)
			if err != nil {
				return vm.Null, err
			}
			if !maxlen.IsNone() {
				if m, _ := vm.IntToInt64(maxlen); int64(len(data)) > m {
					c.close()
					return vm.Null, vm.Errorf(vm.OSError, "bad message length")
				}
			}
			return vm.NewBytes(data).Value(), nil
		}},
		{Name: "poll", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			var timeout vm.Value = vm.MakeFloat(0)
			if err := vm.UnpackArgs("poll", args[1:], kw, "timeout?", &timeout); err != nil {
				return vm.Null, err
			}
			if err := c.check(th, true); err != nil {
				return vm.Null, err
			}
			d, err := timeoutArg(th, timeout)
			if err != nil {
				return vm.Null, err
			}
			ok := false
			fd := c.fd
			if d == 0 {
				ok = waitReadable(fd, 0)
			} else {
				th.Blocking(func() { ok = waitReadable(fd, d) })
			}
			return vm.MakeBool(ok), nil
		}},
		{Name: "fileno", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			if c.fd < 0 {
				return vm.Null, vm.Errorf(vm.OSError, "handle is closed")
			}
			return vm.MakeInt(int64(c.fd)), nil
		}},
		{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			connLayout.Must(args[0]).close()
			return vm.None, nil
		}},
		{Name: "__enter__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
		{Name: "__exit__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			connLayout.Must(args[0]).close()
			return vm.None, nil
		}},
		{Name: "__reduce__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			c := connLayout.Must(args[0])
			ctx := currentSpawn(th)
			if ctx == nil {
				return vm.Null, vm.Errorf(vm.RuntimeError, "Connection objects should only be shared between processes through inheritance")
			}
			if c.fd < 0 {
				return vm.Null, vm.Errorf(vm.OSError, "handle is closed")
			}
			i, err := ctx.register(c.fd)
			if err != nil {
				return vm.Null, err
			}
			fn, err := mpFunc(th, "_rebuild_connection")
			if err != nil {
				return vm.Null, err
			}
			return vm.NewTuple(fn, vm.NewTuple(vm.MakeInt(int64(i)), vm.MakeBool(c.readable), vm.MakeBool(c.writable)).Value()).Value(), nil
		}},
	},
	Getters: []*vm.GetSet{
		{Name: "closed", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(connLayout.Must(v).fd < 0), nil }},
		{Name: "readable", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeBool(connLayout.Must(v).readable), nil
		}},
		{Name: "writable", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeBool(connLayout.Must(v).writable), nil
		}},
	},
})

func hexID(v vm.Value) string {
	return "0x" + formatHex(vm.ID(v))
}

func formatHex(x uint64) string {
	const digits = "0123456789abcdef"
	if x == 0 {
		return "0"
	}
	var b [16]byte
	i := len(b)
	for x > 0 {
		i--
		b[i] = digits[x&15]
		x >>= 4
	}
	return string(b[i:])
}

func rebuildConnection(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 3 {
		return vm.Null, vm.Errorf(vm.TypeError, "_rebuild_connection() expects 3 arguments")
	}
	i, _ := vm.IntToInt64(args[0])
	return newConn(firstInherited+int(i), args[1].IsTrue(), args[2].IsTrue()).Value(), nil
}

// pipe is multiprocessing.Pipe(duplex): a socketpair, or a one-way pipe
// (reader first).
func pipe(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var duplex vm.Value = vm.True
	if err := vm.UnpackArgs("Pipe", args, kw, "duplex?", &duplex); err != nil {
		return vm.Null, err
	}
	d, err := vm.Truth(th, duplex)
	if err != nil {
		return vm.Null, err
	}
	if d {
		fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return vm.Null, errnoErr(err)
		}
		return vm.NewTuple(newConn(fds[0], true, true).Value(), newConn(fds[1], true, true).Value()).Value(), nil
	}
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		return vm.Null, errnoErr(err)
	}
	return vm.NewTuple(newConn(p[0], true, false).Value(), newConn(p[1], false, true).Value()).Value(), nil
}

// pollMany waits until some of fds are readable (or at EOF), for up to d
// (negative: forever), and returns those.
func pollMany(fds []int32, d time.Duration) []int {
	var deadline time.Time
	if d >= 0 {
		deadline = time.Now().Add(d)
	}
	pfds := make([]unix.PollFd, len(fds))
	for {
		for i, fd := range fds {
			pfds[i] = unix.PollFd{Fd: fd, Events: unix.POLLIN}
		}
		ms := -1
		if d >= 0 {
			left := time.Until(deadline)
			if left < 0 {
				left = 0
			}
			ms = int((left + time.Millisecond - 1) / time.Millisecond)
		}
		n, err := unix.Poll(pfds, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil
		}
		if n > 0 {
			var out []int
			for _, p := range pfds {
				if p.Revents != 0 {
					out = append(out, int(p.Fd))
				}
			}
			return out
		}
		if d >= 0 && !time.Now().Before(deadline) {
			return nil
		}
	}
}

// ------------------------------------------------------------ sockets

// A listener for Unix-domain stream connections (multiprocessing's
// Listener and the Manager's server). An address starting with a NUL
// byte is in Linux's abstract namespace: nothing appears in the file
// system, so nothing is left behind.
type listener struct {
	vm.Object
	fd      int
	address string
	inet    vm.Value // (ip, port) for a TCP listener, else Null
}

var listenerLayout = vm.NewLayout[listener]("_UnixListener")

func sockaddr(address string) *unix.SockaddrUnix {
	name := address
	if strings.HasPrefix(name, "\x00") {
		name = "@" + name[1:]
	}
	return &unix.SockaddrUnix{Name: name}
}

var listenerType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_UnixListener", Module: "_gilpy_mp", Layout: listenerLayout.Info(),
	Slots: vm.Slots{
		// _UnixListener(address, backlog=1)
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			var addr, backlog vm.Value = vm.Null, vm.MakeInt(1)
			if err := vm.UnpackArgs("_UnixListener", args, kw, "address", &addr, "backlog?", &backlog); err != nil {
				return vm.Null, err
			}
			as, ok := vm.AsStr(addr)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "address must be str")
			}
			n, _ := vm.IntToInt64(backlog)
			fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				return vm.Null, errnoErr(err)
			}
			if err := unix.Bind(fd, sockaddr(as.String())); err != nil {
				unix.Close(fd)
				return vm.Null, errnoErr(err)
			}
			if err := unix.Listen(fd, int(max(n, 1))); err != nil {
				unix.Close(fd)
				return vm.Null, errnoErr(err)
			}
			l := listenerLayout.New(t)
			l.fd, l.address = fd, as.String()
			runtime.SetFinalizer(l, func(l *listener) { l.close() })
			return l.Value(), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "accept", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := listenerLayout.Must(args[0])
			if l.fd < 0 {
				return vm.Null, vm.Errorf(vm.OSError, "listener is closed")
			}
			var nfd int
			var err error
			fd := l.fd
			th.Blocking(func() {
				for {
					nfd, _, err = unix.Accept4(fd, unix.SOCK_CLOEXEC)
					if err != unix.EINTR {
						return
					}
				}
			})
			if err != nil {
				return vm.Null, errnoErr(err)
			}
			return newConn(nfd, true, true).Value(), nil
		}},
		{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			listenerLayout.Must(args[0]).close()
			return vm.None, nil
		}},
	},
	Getters: []*vm.GetSet{
		{Name: "address", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			l := listenerLayout.Must(v)
			if !l.inet.IsNull() && l.inet.IsHeap() {
				return l.inet, nil
			}
			return vm.MakeStr(l.address), nil
		}},
	},
})

func (l *listener) close() {
	if l.fd >= 0 {
		// shutdown wakes a thread blocked in accept; close alone may not.
		_ = unix.Shutdown(l.fd, unix.SHUT_RDWR)
		unix.Close(l.fd)
		l.fd = -1
	}
}

// unixClient connects to a listener's address.
func unixClient(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var addr vm.Value = vm.Null
	if err := vm.UnpackArgs("_unix_client", args, kw, "address", &addr); err != nil {
		return vm.Null, err
	}
	as, ok := vm.AsStr(addr)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "address must be str")
	}
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return vm.Null, errnoErr(err)
	}
	th.Blocking(func() {
		for {
			err = unix.Connect(fd, sockaddr(as.String()))
			if err != unix.EINTR {
				return
			}
		}
	})
	if err != nil {
		unix.Close(fd)
		return vm.Null, errnoErr(err)
	}
	return newConn(fd, true, true).Value(), nil
}

// inetAddr resolves (host, port) to an IPv4 socket address.
func inetAddr(th *vm.Thread, addr vm.Value) (*unix.SockaddrInet4, error) {
	t, ok := vm.AsTuple(addr)
	if !ok || t.Len() != 2 {
		return nil, vm.Errorf(vm.TypeError, "AF_INET address must be a pair (host, port)")
	}
	hs, ok := vm.AsStr(t.At(0))
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "str, bytes or bytearray expected, not %s", vm.TypeName(t.At(0)))
	}
	port, err := vm.AsInt64(th, t.At(1))
	if err != nil {
		return nil, err
	}
	if port < 0 || port > 65535 {
		return nil, vm.Errorf(vm.OverflowError, "getsockaddrarg: port must be 0-65535.")
	}
	sa := &unix.SockaddrInet4{Port: int(port)}
	host := hs.String()
	if host == "" {
		return sa, nil
	}
	var ip net.IP
	if ip = net.ParseIP(host); ip == nil {
		ips, lerr := net.LookupIP(host)
		if lerr != nil {
			return nil, vm.Errorf(vm.OSError, "[Errno -2] Name or service not known")
		}
		for _, x := range ips {
			if x.To4() != nil {
				ip = x
				break
			}
		}
	}
	if ip == nil || ip.To4() == nil {
		return nil, vm.Errorf(vm.OSError, "[Errno -2] Name or service not known")
	}
	copy(sa.Addr[:], ip.To4())
	return sa, nil
}

func inetTuple(sa unix.Sockaddr) vm.Value {
	if in4, ok := sa.(*unix.SockaddrInet4); ok {
		ip := net.IP(in4.Addr[:]).String()
		return vm.NewTuple(vm.MakeStr(ip), vm.MakeInt(int64(in4.Port))).Value()
	}
	return vm.None
}

// inetListener is _gilpy_mp._inet_listener((host, port), backlog): a TCP
// listener (SO_REUSEADDR, as CPython sets it); its address is the bound
// (ip, port).
func inetListener(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var addr, backlog vm.Value = vm.Null, vm.MakeInt(1)
	if err := vm.UnpackArgs("_inet_listener", args, kw, "address", &addr, "backlog?", &backlog); err != nil {
		return vm.Null, err
	}
	sa, err := inetAddr(th, addr)
	if err != nil {
		return vm.Null, err
	}
	n, _ := vm.IntToInt64(backlog)
	fd, serr := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if serr != nil {
		return vm.Null, errnoErr(serr)
	}
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
	if serr := unix.Bind(fd, sa); serr != nil {
		unix.Close(fd)
		return vm.Null, errnoErr(serr)
	}
	if serr := unix.Listen(fd, int(max(n, 1))); serr != nil {
		unix.Close(fd)
		return vm.Null, errnoErr(serr)
	}
	l := listenerLayout.New(listenerType)
	l.fd = fd
	if got, gerr := unix.Getsockname(fd); gerr == nil {
		l.inet = inetTuple(got)
	}
	runtime.SetFinalizer(l, func(l *listener) { l.close() })
	return l.Value(), nil
}

// inetClient connects to (host, port).
func inetClient(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var addr vm.Value = vm.Null
	if err := vm.UnpackArgs("_inet_client", args, kw, "address", &addr); err != nil {
		return vm.Null, err
	}
	sa, err := inetAddr(th, addr)
	if err != nil {
		return vm.Null, err
	}
	fd, serr := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if serr != nil {
		return vm.Null, errnoErr(serr)
	}
	th.Blocking(func() {
		for {
			serr = unix.Connect(fd, sa)
			if serr != unix.EINTR {
				return
			}
		}
	})
	if serr != nil {
		unix.Close(fd)
		return vm.Null, errnoErr(serr)
	}
	return newConn(fd, true, true).Value(), nil
}

// hmacMD5 is hmac.new(key, msg, 'md5').digest(), for the connection
// handshake (multiprocessing.connection's challenge).
func hmacMD5(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "_hmac_md5() expects 2 arguments")
	}
	key, ok1 := vm.AsBytesLike(args[0])
	msg, ok2 := vm.AsBytesLike(args[1])
	if !ok1 || !ok2 {
		return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required")
	}
	h := hmac.New(md5.New, key)
	h.Write(msg)
	return vm.NewBytes(h.Sum(nil)).Value(), nil
}
