package posix

// File-descriptor and process functions.

import (
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

func fdArg(th *vm.Thread, fn string, args, kw []vm.Value, n int) ([]int, error) {
	if err := vm.NoKeywords(fn, kw); err != nil {
		return nil, err
	}
	if err := vm.ArgCount(fn, args, n, n); err != nil {
		return nil, err
	}
	out := make([]int, n)
	for i := range out {
		if args[i].IsFloat() {
			return nil, vm.Errorf(vm.TypeError, "'float' object cannot be interpreted as an integer")
		}
		v, err := intArg(th, args[i])
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func addFDFuncs(m *vm.Module) {
	m.AddFunc("open", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, flagsV, modeV, dfd := vm.Null, vm.Null, vm.MakeInt(0o777), vm.None
		if err := vm.UnpackArgs("open", args, kw, "path", &pathV, "flags", &flagsV, "mode?", &modeV, "*", "dir_fd?", &dfd); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "open", "path", pathV, false)
		if err != nil {
			return vm.Null, err
		}
		flags, err := intArg(th, flagsV)
		if err != nil {
			return vm.Null, err
		}
		mode, err := intArg(th, modeV)
		if err != nil {
			return vm.Null, err
		}
		var fd int
		var serr error
		th.Blocking(func() {
			serr = retry(func() error {
				var e error
				fd, e = syscall.Open(p.s, flags|syscall.O_CLOEXEC, uint32(mode))
				return e
			})
		})
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.MakeInt(int64(fd)), nil
	})
	m.AddFunc("close", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fdV := vm.Null
		if err := vm.UnpackArgs("close", args, kw, "fd", &fdV); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, fdV)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Close(fd); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
	m.AddFunc("closerange", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "closerange", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		for fd := fds[0]; fd < fds[1]; fd++ {
			_ = syscall.Close(fd)
		}
		return vm.None, nil
	})
	m.AddFunc("read", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "read", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		if fds[1] < 0 {
			return vm.Null, vm.NewOSError(int(syscall.EINVAL), strerror(syscall.EINVAL))
		}
		buf := make([]byte, fds[1])
		var n int
		var serr error
		th.Blocking(func() {
			serr = retry(func() error {
				var e error
				n, e = syscall.Read(fds[0], buf)
				return e
			})
		})
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.NewBytes(buf[:n]).Value(), nil
	})
	m.AddFunc("write", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords("write", kw); err != nil {
			return vm.Null, err
		}
		if err := vm.ArgCount("write", args, 2, 2); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		data, ok := vm.AsBytesLike(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(args[1]))
		}
		data = append([]byte(nil), data...)
		var n int
		var serr error
		th.Blocking(func() {
			serr = retry(func() error {
				var e error
				n, e = syscall.Write(fd, data)
				return e
			})
		})
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(n)), nil
	})
	m.AddFunc("lseek", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("lseek", args, 3, 3); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		pos, err := vm.AsInt64(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		how, err := intArg(th, args[2])
		if err != nil {
			return vm.Null, err
		}
		r, serr := syscall.Seek(fd, pos, how)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(r), nil
	})
	fdOnly := func(name string, f func(int) error) {
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			fds, err := fdArg(th, name, args, kw, 1)
			if err != nil {
				return vm.Null, err
			}
			var serr error
			th.Blocking(func() { serr = f(fds[0]) })
			if serr != nil {
				return vm.Null, osErr(serr)
			}
			return vm.None, nil
		})
	}
	fdOnly("fsync", syscall.Fsync)
	fdOnly("fdatasync", syscall.Fdatasync)
	fdOnly("fchdir", syscall.Fchdir)
	m.AddFunc("ftruncate", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "ftruncate", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Ftruncate(fds[0], int64(fds[1])); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
	m.AddFunc("dup", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "dup", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		nfd, serr := unix.FcntlInt(uintptr(fds[0]), unix.F_DUPFD_CLOEXEC, 0)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(nfd)), nil
	})
	m.AddFunc("dup2", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fdV, fd2V, inh := vm.Null, vm.Null, vm.True
		if err := vm.UnpackArgs("dup2", args, kw, "fd", &fdV, "fd2", &fd2V, "inheritable?", &inh); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, fdV)
		if err != nil {
			return vm.Null, err
		}
		fd2, err := intArg(th, fd2V)
		if err != nil {
			return vm.Null, err
		}
		flags := 0
		if t, _ := vm.Truth(th, inh); !t {
			flags = unix.O_CLOEXEC
		}
		if fd == fd2 {
			if _, serr := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); serr != nil {
				return vm.Null, osErr(serr)
			}
			return vm.MakeInt(int64(fd2)), nil
		}
		if serr := unix.Dup3(fd, fd2, flags); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(fd2)), nil
	})
	m.AddFunc("pipe", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		var p [2]int
		if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.NewTuple(vm.MakeInt(int64(p[0])), vm.MakeInt(int64(p[1]))).Value(), nil
	})
	m.AddFunc("pipe2", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "pipe2", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		var p [2]int
		if err := unix.Pipe2(p[:], fds[0]); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.NewTuple(vm.MakeInt(int64(p[0])), vm.MakeInt(int64(p[1]))).Value(), nil
	})
	m.AddFunc("isatty", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "isatty", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		_, serr := unix.IoctlGetTermios(fds[0], unix.TCGETS)
		return vm.MakeBool(serr == nil), nil
	})
	m.AddFunc("ttyname", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "ttyname", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		if _, serr := unix.IoctlGetTermios(fds[0], unix.TCGETS); serr != nil {
			return vm.Null, osErr(serr)
		}
		name, serr := os.Readlink("/proc/self/fd/" + itoa(fds[0]))
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeStr(name), nil
	})
	m.AddFunc("device_encoding", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fdV := vm.Null
		if err := vm.UnpackArgs("device_encoding", args, kw, "fd", &fdV); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, fdV)
		if err != nil {
			return vm.Null, err
		}
		if _, serr := unix.IoctlGetTermios(fd, unix.TCGETS); serr != nil {
			return vm.None, nil
		}
		return vm.MakeStr("UTF-8"), nil
	})
	m.AddFunc("get_inheritable", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "get_inheritable", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		fl, serr := unix.FcntlInt(uintptr(fds[0]), unix.F_GETFD, 0)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeBool(fl&unix.FD_CLOEXEC == 0), nil
	})
	m.AddFunc("set_inheritable", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("set_inheritable", args, 2, 2); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		inh, err := vm.Truth(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		fl, serr := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		if inh {
			fl &^= unix.FD_CLOEXEC
		} else {
			fl |= unix.FD_CLOEXEC
		}
		if _, serr := unix.FcntlInt(uintptr(fd), unix.F_SETFD, fl); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
	m.AddFunc("get_blocking", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fds, err := fdArg(th, "get_blocking", args, kw, 1)
		if err != nil {
			return vm.Null, err
		}
		fl, serr := unix.FcntlInt(uintptr(fds[0]), unix.F_GETFL, 0)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeBool(fl&unix.O_NONBLOCK == 0), nil
	})
	m.AddFunc("set_blocking", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("set_blocking", args, 2, 2); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		blocking, err := vm.Truth(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		if serr := unix.SetNonblock(fd, !blocking); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

func addProcessFuncs(m *vm.Module) {
	m.AddFunc("kill", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		v, err := fdArg(th, "kill", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Kill(v[0], syscall.Signal(v[1])); serr != nil {
			return vm.Null, osErr(serr)
		}
		// A signal sent to ourselves is handled before kill() returns in
		// CPython; give the signal machinery its check point.
		if v[0] == os.Getpid() || v[0] == 0 {
			if h := th.Interp.Hooks.Signals; h != nil {
				if err := h(th); err != nil {
					return vm.Null, err
				}
			}
		}
		return vm.None, nil
	})
	m.AddFunc("killpg", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		v, err := fdArg(th, "killpg", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Kill(-v[0], syscall.Signal(v[1])); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
	m.AddFunc("_exit", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		statusV := vm.Null
		if err := vm.UnpackArgs("_exit", args, kw, "status", &statusV); err != nil {
			return vm.Null, err
		}
		n, err := intArg(th, statusV)
		if err != nil {
			return vm.Null, err
		}
		os.Exit(n & 0xff)
		return vm.None, nil
	})
	m.AddFunc("abort", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		_ = syscall.Kill(os.Getpid(), syscall.SIGABRT)
		os.Exit(134)
		return vm.None, nil
	})
	m.AddFunc("waitpid", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		v, err := fdArg(th, "waitpid", args, kw, 2)
		if err != nil {
			return vm.Null, err
		}
		var ws syscall.WaitStatus
		var pid int
		var serr error
		th.Blocking(func() {
			serr = retry(func() error {
				var e error
				pid, e = syscall.Wait4(v[0], &ws, v[1], nil)
				return e
			})
		})
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.NewTuple(vm.MakeInt(int64(pid)), vm.MakeInt(int64(ws))).Value(), nil
	})
	m.AddFunc("wait", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		var ws syscall.WaitStatus
		var pid int
		var serr error
		th.Blocking(func() {
			serr = retry(func() error {
				var e error
				pid, e = syscall.Wait4(-1, &ws, 0, nil)
				return e
			})
		})
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.NewTuple(vm.MakeInt(int64(pid)), vm.MakeInt(int64(ws))).Value(), nil
	})
	status := func(name string, f func(syscall.WaitStatus) vm.Value) {
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			st := vm.Null
			if err := vm.UnpackArgs(name, args, kw, "status", &st); err != nil {
				return vm.Null, err
			}
			n, err := intArg(th, st)
			if err != nil {
				return vm.Null, err
			}
			return f(syscall.WaitStatus(n)), nil
		})
	}
	status("WIFEXITED", func(s syscall.WaitStatus) vm.Value { return vm.MakeBool(s.Exited()) })
	status("WEXITSTATUS", func(s syscall.WaitStatus) vm.Value { return vm.MakeInt(int64(s.ExitStatus())) })
	status("WIFSIGNALED", func(s syscall.WaitStatus) vm.Value { return vm.MakeBool(s.Signaled()) })
	status("WTERMSIG", func(s syscall.WaitStatus) vm.Value { return vm.MakeInt(int64(s.Signal())) })
	status("WIFSTOPPED", func(s syscall.WaitStatus) vm.Value { return vm.MakeBool(s.Stopped()) })
	status("WSTOPSIG", func(s syscall.WaitStatus) vm.Value { return vm.MakeInt(int64(s.StopSignal())) })
	status("WIFCONTINUED", func(s syscall.WaitStatus) vm.Value { return vm.MakeBool(s.Continued()) })
	status("WCOREDUMP", func(s syscall.WaitStatus) vm.Value { return vm.MakeBool(s.CoreDump()) })
	m.AddFunc("waitstatus_to_exitcode", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		st := vm.Null
		if err := vm.UnpackArgs("waitstatus_to_exitcode", args, kw, "status", &st); err != nil {
			return vm.Null, err
		}
		n, err := intArg(th, st)
		if err != nil {
			return vm.Null, err
		}
		s := syscall.WaitStatus(n)
		switch {
		case s.Exited():
			return vm.MakeInt(int64(s.ExitStatus())), nil
		case s.Signaled():
			return vm.MakeInt(-int64(s.Signal())), nil
		}
		return vm.Null, vm.Errorf(vm.ValueError, "invalid wait status: %d", n)
	})
	m.AddFunc("system", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		cmdV := vm.Null
		if err := vm.UnpackArgs("system", args, kw, "command", &cmdV); err != nil {
			return vm.Null, err
		}
		cmd, err := envArg(th, "system", cmdV)
		if err != nil {
			return vm.Null, err
		}
		c := exec.Command("/bin/sh", "-c", cmd)
		c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
		var st int
		th.Blocking(func() {
			rerr := c.Run()
			if c.ProcessState != nil {
				st = int(c.ProcessState.Sys().(syscall.WaitStatus))
			} else if rerr != nil {
				st = 127 << 8
			}
		})
		return vm.MakeInt(int64(st)), nil
	})
	execFn := func(name string, withEnv bool) {
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			n := 2
			if withEnv {
				n = 3
			}
			if err := vm.ArgCount(name, args, n, n); err != nil {
				return vm.Null, err
			}
			p, err := getPath(th, name, "path", args[0], false)
			if err != nil {
				return vm.Null, err
			}
			items, err := vm.SeqToSlice(th, args[1])
			if err != nil {
				return vm.Null, vm.Errorf(vm.TypeError, "%s() arg 2 must be a tuple or list", name)
			}
			if len(items) == 0 {
				return vm.Null, vm.Errorf(vm.ValueError, "%s() arg 2 must not be empty", name)
			}
			argv := make([]string, len(items))
			for i, it := range items {
				pa, err := getPath(th, name, "args", it, false)
				if err != nil {
					return vm.Null, err
				}
				argv[i] = pa.s
			}
			if argv[0] == "" {
				return vm.Null, vm.Errorf(vm.ValueError, "%s() arg 2 first element cannot be empty", name)
			}
			env := os.Environ()
			if withEnv {
				env = nil
				keys, err := vm.CallMethod(th, args[2], "keys")
				if err != nil {
					return vm.Null, err
				}
				ks, err := vm.SeqToSlice(th, keys)
				if err != nil {
					return vm.Null, err
				}
				for _, k := range ks {
					v, err := vm.GetItem(th, args[2], k)
					if err != nil {
						return vm.Null, err
					}
					kk, err := envArg(th, name, k)
					if err != nil {
						return vm.Null, err
					}
					vv, err := envArg(th, name, v)
					if err != nil {
						return vm.Null, err
					}
					env = append(env, kk+"="+vv)
				}
			}
			// Like CPython, Python-level buffers are not flushed: what
			// sys.stdout still holds is lost with the old image.
			serr := syscall.Exec(p.s, argv, env)
			return vm.Null, osErr(serr)
		})
	}
	execFn("execv", false)
	execFn("execve", true)
}
