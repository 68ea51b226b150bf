package asyncio

// Child processes for asyncio.create_subprocess_exec/_shell: the fork and
// exec with pipes, and a goroutine per child that waits for it and posts
// the exit status to the loop (as CPython's ThreadedChildWatcher does
// with a thread). The pipes' parent ends are non-blocking descriptors
// that the Python pipe transports watch with add_reader/add_writer.

import (
	"os"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

// Values of subprocess.PIPE, STDOUT and DEVNULL.
const (
	stdPipe    = -1
	stdStdout  = -2
	stdDevnull = -3
)

func fdOSError(err error, filename vm.Value) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if errno, ok := err.(syscall.Errno); ok {
		s := errno.Error()
		if s != "" {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		if filename.IsNull() {
			return vm.NewOSError(int(errno), s)
		}
		return vm.NewOSError(int(errno), s, filename)
	}
	return vm.Errorf(vm.OSError, "%s", err.Error())
}

func strArg(th *vm.Thread, v vm.Value) (string, error) {
	if s, ok := vm.AsStr(v); ok {
		return s.String(), nil
	}
	if b, ok := vm.AsBytesLike(v); ok {
		return string(b), nil
	}
	r, err := vm.CallMethod(th, v, "__fspath__")
	if err != nil {
		return "", vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", vm.TypeName(v))
	}
	return strArg(th, r)
}

// spawn is _asyncio._spawn(loop, args, stdin, stdout, stderr, cwd, env,
// on_exit): start the child and return (pid, stdin_fd, stdout_fd,
// stderr_fd), -1 for a stream that is not a pipe. on_exit(returncode) is
// called on the loop when the child has exited.
func spawn(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 8 {
		return vm.Null, vm.Errorf(vm.TypeError, "_spawn() takes 8 arguments")
	}
	l, ok := loopLayout.Cast(args[0])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "_spawn() needs a gilpy event loop")
	}
	argv, err := vm.SeqToSlice(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	var sargs []string
	for _, a := range argv {
		s, err := strArg(th, a)
		if err != nil {
			return vm.Null, err
		}
		sargs = append(sargs, s)
	}
	if len(sargs) == 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "empty command")
	}
	attr := &os.ProcAttr{}
	if !args[5].IsNone() {
		if attr.Dir, err = strArg(th, args[5]); err != nil {
			return vm.Null, err
		}
	}
	if !args[6].IsNone() {
		d, ok := vm.AsDict(args[6])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "env must be a dict")
		}
		keys, vals := d.Items()
		for i := range keys {
			k, err := strArg(th, keys[i])
			if err != nil {
				return vm.Null, err
			}
			v, err := strArg(th, vals[i])
			if err != nil {
				return vm.Null, err
			}
			attr.Env = append(attr.Env, k+"="+v)
		}
	} else {
		attr.Env = currentEnviron(th)
	}
	var parent [3]int
	var child [3]*os.File
	var toClose []*os.File
	cleanup := func() {
		for _, f := range toClose {
			f.Close()
		}
		for _, fd := range parent {
			if fd > 0 {
				unix.Close(fd)
			}
		}
	}
	for i := 0; i < 3; i++ {
		parent[i] = -1
		spec := args[2+i]
		switch {
		case spec.IsNone():
			child[i] = []*os.File{os.Stdin, os.Stdout, os.Stderr}[i]
		case vm.IsInt(spec):
			n, _ := vm.AsInt64(th, spec)
			switch n {
			case stdPipe:
				var p [2]int
				if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
					cleanup()
					return vm.Null, fdOSError(err, vm.Null)
				}
				if i == 0 {
					parent[i] = p[1]
					child[i] = os.NewFile(uintptr(p[0]), "|0")
				} else {
					parent[i] = p[0]
					child[i] = os.NewFile(uintptr(p[1]), "|1")
				}
				toClose = append(toClose, child[i])
				_ = unix.SetNonblock(parent[i], true)
			case stdStdout:
				if i != 2 {
					cleanup()
					return vm.Null, vm.Errorf(vm.ValueError, "STDOUT can only be used for stderr")
				}
				child[2] = child[1]
			case stdDevnull:
				f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
				if err != nil {
					cleanup()
					return vm.Null, fdOSError(err, vm.Null)
				}
				child[i] = f
				toClose = append(toClose, f)
			default:
				if n < 0 {
					cleanup()
					return vm.Null, vm.Errorf(vm.ValueError, "bad file descriptor %d", n)
				}
				child[i] = os.NewFile(uintptr(n), "fd")
			}
		default:
			fdv, err := vm.CallMethod(th, spec, "fileno")
			if err != nil {
				cleanup()
				return vm.Null, err
			}
			n, err := vm.AsInt64(th, fdv)
			if err != nil {
				cleanup()
				return vm.Null, err
			}
			child[i] = os.NewFile(uintptr(n), "fd")
		}
	}
	attr.Files = []*os.File{child[0], child[1], child[2]}
	prog := sargs[0]
	if !strings.Contains(prog, "/") {
		if p, err := lookPath(prog, attr.Env); err == nil {
			prog = p
		} else {
			cleanup()
			return vm.Null, vm.NewOSError(int(unix.ENOENT), "No such file or directory", vm.MakeStr(sargs[0]))
		}
	}
	var proc *os.Process
	th.Blocking(func() { proc, err = os.StartProcess(prog, sargs, attr) })
	for _, f := range toClose {
		f.Close()
	}
	if err != nil {
		for _, fd := range parent {
			if fd >= 0 {
				unix.Close(fd)
			}
		}
		return vm.Null, fdOSError(err, vm.MakeStr(sargs[0]))
	}
	onExit := args[7]
	go func() {
		st, werr := proc.Wait()
		code := -1
		if werr == nil {
			if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				code = -int(ws.Signal())
			} else {
				code = st.ExitCode()
			}
		}
		fn := vm.NewFunc("_child_exited", func(th *vm.Thread, a []vm.Value, k []vm.Value) (vm.Value, error) {
			return vm.Call(th, onExit, []vm.Value{vm.MakeInt(int64(code))}, nil)
		})
		l.tsMu.Lock()
		closed := l.closed
		l.tsMu.Unlock()
		if !closed {
			l.callSoonThreadsafe(nil, newHandle(l, fn, nil, vm.Null))
		}
	}()
	return vm.NewTuple(vm.MakeInt(int64(proc.Pid)), vm.MakeInt(int64(parent[0])), vm.MakeInt(int64(parent[1])), vm.MakeInt(int64(parent[2]))).Value(), nil
}

// currentEnviron is os.environ as the program sees it (the os module's
// mapping when it is loaded, else the process environment).
func currentEnviron(th *vm.Thread) []string {
	if m, ok := th.Interp.Modules.GetString("os"); ok {
		if env, err := vm.GetAttrString(th, m, "environ"); err == nil {
			if items, err := vm.CallMethod(th, env, "items"); err == nil {
				if list, err := vm.SeqToSlice(th, items); err == nil {
					var out []string
					for _, it := range list {
						if t, ok := vm.AsTuple(it); ok && t.Len() == 2 {
							k, err1 := strArg(th, t.At(0))
							v, err2 := strArg(th, t.At(1))
							if err1 == nil && err2 == nil {
								out = append(out, k+"="+v)
							}
						}
					}
					return out
				}
			}
		}
	}
	return os.Environ()
}

func lookPath(prog string, env []string) (string, error) {
	path := os.Getenv("PATH")
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			path = kv[5:]
		}
	}
	for _, dir := range strings.Split(path, ":") {
		if dir == "" {
			dir = "."
		}
		p := dir + "/" + prog
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", os.ErrNotExist
}

// fdRead is _asyncio._fd_read(fd, n): a non-blocking read (BlockingIOError
// when no data is ready; b"" at EOF).
func fdRead(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "_fd_read() takes 2 arguments")
	}
	fd, err := vm.AsInt64(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	n, err := vm.AsInt64(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	buf := make([]byte, min(n, 65536))
	for {
		got, rerr := unix.Read(int(fd), buf)
		if rerr == unix.EINTR {
			continue
		}
		if rerr != nil {
			return vm.Null, fdOSError(rerr, vm.Null)
		}
		return vm.NewBytes(buf[:got]).Value(), nil
	}
}

// fdWrite is _asyncio._fd_write(fd, data): a non-blocking write that
// returns the number of bytes written.
func fdWrite(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "_fd_write() takes 2 arguments")
	}
	fd, err := vm.AsInt64(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	data, ok := vm.AsBytesLike(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(args[1]))
	}
	for {
		n, werr := unix.Write(int(fd), data)
		if werr == unix.EINTR {
			continue
		}
		if werr != nil {
			return vm.Null, fdOSError(werr, vm.Null)
		}
		return vm.MakeInt(int64(n)), nil
	}
}

func fdClose(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "_fd_close() takes 1 argument")
	}
	fd, err := vm.AsInt64(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	if err := unix.Close(int(fd)); err != nil {
		return vm.Null, fdOSError(err, vm.Null)
	}
	return vm.None, nil
}

func sendSignal(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "_kill() takes 2 arguments")
	}
	pid, err := vm.AsInt64(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	sig, err := vm.AsInt64(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if err := unix.Kill(int(pid), unix.Signal(sig)); err != nil {
		return vm.Null, fdOSError(err, vm.Null)
	}
	return vm.None, nil
}
