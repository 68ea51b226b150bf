// Package posix is the posix module: the operating-system calls that
// os.py (stdlib/pylib/lib/os.py) builds the os module from.
//
// Calls that can block (read, write, waitpid, system) release the GIL
// around the system call, as CPython's Py_BEGIN_ALLOW_THREADS does, so
// other Python threads run meanwhile. Errors become the OSError subclass
// for their errno, with CPython's "[Errno N] text: 'filename'" message.
//
// Not provided: fork() and the fork-based spawn helpers. A Go program
// cannot fork safely; multiprocessing re-executes the interpreter instead.
package posix

import (
	"crypto/rand"
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

var (
	statResultType   *vm.Type
	unameResultType  *vm.Type
	timesResultType  *vm.Type
	terminalSizeType *vm.Type
)

func init() {
	statResultType = vm.NewStructSeqType("os", "stat_result", []string{
		"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
		"st_atime", "st_mtime", "st_ctime",
		"st_atime", "st_mtime", "st_ctime",
		"st_atime_ns", "st_mtime_ns", "st_ctime_ns",
		"st_blksize", "st_blocks", "st_rdev",
	}, 10)
	unameResultType = vm.NewStructSeqType("posix", "uname_result", []string{"sysname", "nodename", "release", "version", "machine"}, 5)
	timesResultType = vm.NewStructSeqType("posix", "times_result", []string{"user", "system", "children_user", "children_system", "elapsed"}, 5)
	terminalSizeType = vm.NewStructSeqType("os", "terminal_size", []string{"columns", "lines"}, 2)
	initDirEntry()
	vm.RegisterModule("posix", initModule)
}

// errnoOf extracts the errno from a Go error.
func errnoOf(err error) (syscall.Errno, bool) {
	var e syscall.Errno
	if errors.As(err, &e) {
		return e, true
	}
	return 0, false
}

// strerror is glibc's wording of an errno.
func strerror(e syscall.Errno) string {
	s := e.Error()
	if strings.HasPrefix(s, "errno ") {
		return "Unknown error " + strings.TrimPrefix(s, "errno ")
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// osErr turns err into OSError naming the file(s) involved.
func osErr(err error, names ...vm.Value) error {
	e, ok := errnoOf(err)
	if !ok {
		return vm.OSErrorFrom(err, vm.Null)
	}
	switch len(names) {
	case 0:
		return vm.NewOSError(int(e), strerror(e))
	case 1:
		return vm.NewOSError(int(e), strerror(e), names[0])
	default:
		return vm.NewOSError(int(e), strerror(e), names[0], vm.None, names[1])
	}
}

// pathArg is a path argument: str, bytes or os.PathLike, and an int file
// descriptor where allowed. It returns the path, whether it was bytes,
// and the fd (-1 if a path).
type pathArg struct {
	s     string
	bytes bool
	fd    int
	orig  vm.Value
}

func getPath(th *vm.Thread, fn, argname string, v vm.Value, allowFD bool) (pathArg, error) {
	p := pathArg{fd: -1, orig: v}
	if allowFD && vm.IsInt(v) && !v.IsBool() {
		n, err := vm.AsInt64(th, v)
		if err != nil {
			return p, err
		}
		p.fd = int(n)
		return p, nil
	}
	r, err := fspath(th, v)
	if err != nil {
		if vm.AsException(err).Matches(vm.TypeError) {
			what := "string, bytes or os.PathLike"
			if allowFD {
				what = "string, bytes, os.PathLike or integer"
			}
			return p, vm.Errorf(vm.TypeError, "%s: %s should be %s, not %s", fn, argname, what, vm.TypeName(v))
		}
		return p, err
	}
	if s, ok := vm.AsStr(r); ok {
		p.s = s.String()
		if strings.IndexByte(p.s, 0) >= 0 {
			return p, vm.Errorf(vm.ValueError, "%s: embedded null character in %s", fn, argname)
		}
		return p, nil
	}
	b, _ := vm.AsBytes(r)
	p.s, p.bytes = string(b.Data()), true
	if strings.IndexByte(p.s, 0) >= 0 {
		return p, vm.Errorf(vm.ValueError, "%s: embedded null byte", fn)
	}
	return p, nil
}

// fspath is os.fspath.
func fspath(th *vm.Thread, v vm.Value) (vm.Value, error) {
	if _, ok := vm.AsStr(v); ok {
		return v, nil
	}
	if b, ok := vm.AsBytes(v); ok && v.Type() == vm.BytesType {
		_ = b
		return v, nil
	}
	m := v.Type().LookupString("__fspath__")
	if m.IsNull() || m.IsNone() {
		return vm.Null, vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", vm.TypeName(v))
	}
	r, err := vm.CallMethod(th, v, "__fspath__")
	if err != nil {
		return vm.Null, err
	}
	if _, ok := vm.AsStr(r); ok {
		return r, nil
	}
	if _, ok := vm.AsBytes(r); ok && r.Type() == vm.BytesType {
		return r, nil
	}
	return vm.Null, vm.Errorf(vm.TypeError, "expected %s.__fspath__() to return str or bytes, not %s", vm.TypeName(v), vm.TypeName(r))
}

func strOrBytes(s string, asBytes bool) vm.Value {
	if asBytes {
		return vm.NewBytes([]byte(s)).Value()
	}
	return vm.MakeStr(s)
}

func intArg(th *vm.Thread, v vm.Value) (int, error) {
	n, err := vm.AsInt64(th, v)
	return int(n), err
}

func fnInt(f func() int) vm.BuiltinFn {
	return func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(f())), nil
	}
}

func none(err error) (vm.Value, error) {
	if err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}

// retry runs a system call again after EINTR, as PEP 475 asks.
func retry(f func() error) error {
	for {
		err := f()
		if err != syscall.EINTR {
			return err
		}
	}
}

func makeStat(st *syscall.Stat_t) vm.Value {
	ts := func(t syscall.Timespec) (vm.Value, vm.Value, vm.Value) {
		ns := t.Sec*1e9 + t.Nsec
		return vm.MakeInt(t.Sec), vm.MakeFloat(float64(t.Sec) + float64(t.Nsec)*1e-9), vm.MakeInt(ns)
	}
	ai, af, an := ts(st.Atim)
	mi, mf, mn := ts(st.Mtim)
	ci, cf, cn := ts(st.Ctim)
	return vm.NewStructSeq(statResultType, []vm.Value{
		vm.MakeInt(int64(st.Mode)), vm.MakeInt(int64(st.Ino)), vm.MakeInt(int64(st.Dev)),
		vm.MakeInt(int64(st.Nlink)), vm.MakeInt(int64(st.Uid)), vm.MakeInt(int64(st.Gid)),
		vm.MakeInt(st.Size), ai, mi, ci, af, mf, cf, an, mn, cn,
		vm.MakeInt(int64(st.Blksize)), vm.MakeInt(st.Blocks), vm.MakeInt(int64(st.Rdev)),
	})
}

func doStat(th *vm.Thread, fn string, args, kw []vm.Value, follow bool) (vm.Value, error) {
	pathV, dirFD, followV := vm.Null, vm.None, vm.MakeBool(follow)
	if err := vm.UnpackArgs(fn, args, kw, "path", &pathV, "*", "dir_fd?", &dirFD, "follow_symlinks?", &followV); err != nil {
		return vm.Null, err
	}
	p, err := getPath(th, fn, "path", pathV, true)
	if err != nil {
		return vm.Null, err
	}
	follow, err = vm.Truth(th, followV)
	if err != nil {
		return vm.Null, err
	}
	var st syscall.Stat_t
	var serr error
	th.Blocking(func() {
		switch {
		case p.fd >= 0:
			serr = retry(func() error { return syscall.Fstat(p.fd, &st) })
		case follow:
			serr = retry(func() error { return syscall.Stat(p.s, &st) })
		default:
			serr = retry(func() error { return syscall.Lstat(p.s, &st) })
		}
	})
	if serr != nil {
		return vm.Null, osErr(serr, p.orig)
	}
	return makeStat(&st), nil
}

func initModule(th *vm.Thread, m *vm.Module) error {
	m.Set("error", vm.OSError.Value())
	m.Set("stat_result", statResultType.Value())
	m.Set("uname_result", unameResultType.Value())
	m.Set("times_result", timesResultType.Value())
	m.Set("terminal_size", terminalSizeType.Value())
	m.Set("DirEntry", dirEntryType.Value())
	setConstants(m)

	env := vm.NewDict()
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		_ = env.Set(th, vm.NewBytes([]byte(k)).Value(), vm.NewBytes([]byte(v)).Value())
	}
	m.Set("environ", env.Value())

	m.AddFunc("getpid", fnInt(os.Getpid))
	m.AddFunc("getppid", fnInt(os.Getppid))
	m.AddFunc("getuid", fnInt(os.Getuid))
	m.AddFunc("geteuid", fnInt(os.Geteuid))
	m.AddFunc("getgid", fnInt(os.Getgid))
	m.AddFunc("getegid", fnInt(os.Getegid))
	m.AddFunc("getpgrp", fnInt(syscall.Getpgrp))
	m.AddFunc("getgroups", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		gs, err := os.Getgroups()
		if err != nil {
			return vm.Null, osErr(err)
		}
		out := make([]vm.Value, len(gs))
		for i, g := range gs {
			out[i] = vm.MakeInt(int64(g))
		}
		return vm.NewList(out).Value(), nil
	})
	m.AddFunc("getpgid", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("getpgid", args, 1, 1); err != nil {
			return vm.Null, err
		}
		pid, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		g, serr := syscall.Getpgid(pid)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(g)), nil
	})
	m.AddFunc("getsid", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("getsid", args, 1, 1); err != nil {
			return vm.Null, err
		}
		pid, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		s, serr := unix.Getsid(pid)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(s)), nil
	})
	m.AddFunc("setsid", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		_, serr := syscall.Setsid()
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.None, nil
	})
	m.AddFunc("getlogin", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		// glibc's getlogin reads the utmp entry of the controlling
		// terminal; without one it fails with ENOTTY (or ENXIO).
		name, err := getlogin()
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.MakeStr(name), nil
	})
	m.AddFunc("getcwd", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		d, err := syscall.Getwd()
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.MakeStr(d), nil
	})
	m.AddFunc("getcwdb", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		d, err := syscall.Getwd()
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.NewBytes([]byte(d)).Value(), nil
	})
	m.AddFunc("chdir", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV := vm.Null
		if err := vm.UnpackArgs("chdir", args, kw, "path", &pathV); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "chdir", "path", pathV, true)
		if err != nil {
			return vm.Null, err
		}
		var serr error
		if p.fd >= 0 {
			serr = syscall.Fchdir(p.fd)
		} else {
			serr = syscall.Chdir(p.s)
		}
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.None, nil
	})
	m.AddFunc("listdir", listdir)
	m.AddFunc("scandir", scandir)
	m.AddFunc("mkdir", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, mode, dirFD := vm.Null, vm.MakeInt(0o777), vm.None
		if err := vm.UnpackArgs("mkdir", args, kw, "path", &pathV, "mode?", &mode, "*", "dir_fd?", &dirFD); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "mkdir", "path", pathV, false)
		if err != nil {
			return vm.Null, err
		}
		md, err := intArg(th, mode)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Mkdir(p.s, uint32(md)); serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.None, nil
	})
	simplePath := func(name string, f func(string) error) {
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			pathV, dirFD := vm.Null, vm.None
			if err := vm.UnpackArgs(name, args, kw, "path", &pathV, "*", "dir_fd?", &dirFD); err != nil {
				return vm.Null, err
			}
			p, err := getPath(th, name, "path", pathV, false)
			if err != nil {
				return vm.Null, err
			}
			if serr := f(p.s); serr != nil {
				return vm.Null, osErr(serr, p.orig)
			}
			return vm.None, nil
		})
	}
	simplePath("rmdir", syscall.Rmdir)
	simplePath("unlink", syscall.Unlink)
	simplePath("remove", syscall.Unlink)
	twoPaths := func(name string, f func(a, b string) error) {
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			srcV, dstV, sfd, dfd := vm.Null, vm.Null, vm.None, vm.None
			if err := vm.UnpackArgs(name, args, kw, "src", &srcV, "dst", &dstV, "*", "src_dir_fd?", &sfd, "dst_dir_fd?", &dfd); err != nil {
				return vm.Null, err
			}
			src, err := getPath(th, name, "src", srcV, false)
			if err != nil {
				return vm.Null, err
			}
			dst, err := getPath(th, name, "dst", dstV, false)
			if err != nil {
				return vm.Null, err
			}
			if serr := f(src.s, dst.s); serr != nil {
				return vm.Null, osErr(serr, src.orig, dst.orig)
			}
			return vm.None, nil
		})
	}
	twoPaths("rename", syscall.Rename)
	twoPaths("replace", syscall.Rename)
	twoPaths("link", syscall.Link)
	m.AddFunc("symlink", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		srcV, dstV, isDir, dfd := vm.Null, vm.Null, vm.False, vm.None
		if err := vm.UnpackArgs("symlink", args, kw, "src", &srcV, "dst", &dstV, "target_is_directory?", &isDir, "*", "dir_fd?", &dfd); err != nil {
			return vm.Null, err
		}
		src, err := getPath(th, "symlink", "src", srcV, false)
		if err != nil {
			return vm.Null, err
		}
		dst, err := getPath(th, "symlink", "dst", dstV, false)
		if err != nil {
			return vm.Null, err
		}
		if serr := syscall.Symlink(src.s, dst.s); serr != nil {
			return vm.Null, osErr(serr, src.orig, dst.orig)
		}
		return vm.None, nil
	})
	m.AddFunc("readlink", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, dfd := vm.Null, vm.None
		if err := vm.UnpackArgs("readlink", args, kw, "path", &pathV, "*", "dir_fd?", &dfd); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "readlink", "path", pathV, false)
		if err != nil {
			return vm.Null, err
		}
		s, serr := os.Readlink(p.s)
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return strOrBytes(s, p.bytes), nil
	})
	m.AddFunc("stat", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return doStat(th, "stat", args, kw, true) })
	m.AddFunc("lstat", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return doStat(th, "lstat", args, kw, false)
	})
	m.AddFunc("fstat", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fdV := vm.Null
		if err := vm.UnpackArgs("fstat", args, kw, "fd", &fdV); err != nil {
			return vm.Null, err
		}
		fd, err := intArg(th, fdV)
		if err != nil {
			return vm.Null, err
		}
		var st syscall.Stat_t
		if serr := retry(func() error { return syscall.Fstat(fd, &st) }); serr != nil {
			return vm.Null, osErr(serr)
		}
		return makeStat(&st), nil
	})
	m.AddFunc("access", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, modeV, dfd, eff, follow := vm.Null, vm.Null, vm.None, vm.False, vm.True
		if err := vm.UnpackArgs("access", args, kw, "path", &pathV, "mode", &modeV, "*", "dir_fd?", &dfd, "effective_ids?", &eff, "follow_symlinks?", &follow); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "access", "path", pathV, false)
		if err != nil {
			return vm.Null, err
		}
		mode, err := intArg(th, modeV)
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeBool(syscall.Access(p.s, uint32(mode)) == nil), nil
	})
	m.AddFunc("chmod", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, modeV, dfd, follow := vm.Null, vm.Null, vm.None, vm.True
		if err := vm.UnpackArgs("chmod", args, kw, "path", &pathV, "mode", &modeV, "*", "dir_fd?", &dfd, "follow_symlinks?", &follow); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "chmod", "path", pathV, true)
		if err != nil {
			return vm.Null, err
		}
		mode, err := intArg(th, modeV)
		if err != nil {
			return vm.Null, err
		}
		var serr error
		if p.fd >= 0 {
			serr = syscall.Fchmod(p.fd, uint32(mode))
		} else {
			serr = syscall.Chmod(p.s, uint32(mode))
		}
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.None, nil
	})
	m.AddFunc("chown", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, uidV, gidV, dfd, follow := vm.Null, vm.Null, vm.Null, vm.None, vm.True
		if err := vm.UnpackArgs("chown", args, kw, "path", &pathV, "uid", &uidV, "gid", &gidV, "*", "dir_fd?", &dfd, "follow_symlinks?", &follow); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "chown", "path", pathV, true)
		if err != nil {
			return vm.Null, err
		}
		uid, err := intArg(th, uidV)
		if err != nil {
			return vm.Null, err
		}
		gid, err := intArg(th, gidV)
		if err != nil {
			return vm.Null, err
		}
		var serr error
		if p.fd >= 0 {
			serr = syscall.Fchown(p.fd, uid, gid)
		} else {
			serr = syscall.Chown(p.s, uid, gid)
		}
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.None, nil
	})
	m.AddFunc("utime", utime)
	m.AddFunc("truncate", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV, lenV := vm.Null, vm.Null
		if err := vm.UnpackArgs("truncate", args, kw, "path", &pathV, "length", &lenV); err != nil {
			return vm.Null, err
		}
		p, err := getPath(th, "truncate", "path", pathV, true)
		if err != nil {
			return vm.Null, err
		}
		n, err := vm.AsInt64(th, lenV)
		if err != nil {
			return vm.Null, err
		}
		var serr error
		if p.fd >= 0 {
			serr = syscall.Ftruncate(p.fd, n)
		} else {
			serr = syscall.Truncate(p.s, n)
		}
		if serr != nil {
			return vm.Null, osErr(serr, p.orig)
		}
		return vm.None, nil
	})
	addFDFuncs(m)
	addProcessFuncs(m)
	m.AddFunc("uname", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		var u syscall.Utsname
		if err := syscall.Uname(&u); err != nil {
			return vm.Null, osErr(err)
		}
		str := func(a [65]int8) vm.Value {
			b := make([]byte, 0, len(a))
			for _, c := range a {
				if c == 0 {
					break
				}
				b = append(b, byte(c))
			}
			return vm.MakeStr(string(b))
		}
		return vm.NewStructSeq(unameResultType, []vm.Value{str(u.Sysname), str(u.Nodename), str(u.Release), str(u.Version), str(u.Machine)}), nil
	})
	m.AddFunc("umask", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("umask", args, 1, 1); err != nil {
			return vm.Null, err
		}
		mask, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeInt(int64(syscall.Umask(mask))), nil
	})
	m.AddFunc("urandom", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("urandom", args, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := vm.AsIndex(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if n < 0 {
			return vm.Null, vm.Errorf(vm.ValueError, "negative argument not allowed")
		}
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.NewBytes(b).Value(), nil
	})
	m.AddFunc("cpu_count", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(onlineCPUs())), nil
	})
	m.AddFunc("sched_getaffinity", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		var set unix.CPUSet
		if err := unix.SchedGetaffinity(0, &set); err != nil {
			return vm.Null, osErr(err)
		}
		s := vm.NewSet()
		for i := 0; i < 1024; i++ {
			if set.IsSet(i) {
				_ = s.Add(th, vm.MakeInt(int64(i)))
			}
		}
		return s.Value(), nil
	})
	m.AddFunc("getloadavg", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		b, err := os.ReadFile("/proc/loadavg")
		if err != nil {
			return vm.Null, vm.Errorf(vm.OSError, "Load averages are unobtainable")
		}
		f := strings.Fields(string(b))
		out := make([]vm.Value, 3)
		for i := range out {
			x, _ := strconv.ParseFloat(f[i], 64)
			out[i] = vm.MakeFloat(x)
		}
		return vm.NewTuple(out...).Value(), nil
	})
	m.AddFunc("times", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		var t syscall.Tms
		ticks, err := syscall.Times(&t)
		if err != nil {
			return vm.Null, osErr(err)
		}
		const hz = 100.0 // sysconf(_SC_CLK_TCK) on Linux
		f := func(x int64) vm.Value { return vm.MakeFloat(float64(x) / hz) }
		return vm.NewStructSeq(timesResultType, []vm.Value{f(t.Utime), f(t.Stime), f(t.Cutime), f(t.Cstime), f(int64(ticks))}), nil
	})
	m.AddFunc("putenv", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("putenv", args, 2, 2); err != nil {
			return vm.Null, err
		}
		k, err := envArg(th, "putenv", args[0])
		if err != nil {
			return vm.Null, err
		}
		if k == "" || strings.Contains(k, "=") {
			return vm.Null, vm.Errorf(vm.ValueError, "illegal environment variable name")
		}
		v, err := envArg(th, "putenv", args[1])
		if err != nil {
			return vm.Null, err
		}
		if err := os.Setenv(k, v); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.None, nil
	})
	m.AddFunc("unsetenv", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("unsetenv", args, 1, 1); err != nil {
			return vm.Null, err
		}
		k, err := envArg(th, "unsetenv", args[0])
		if err != nil {
			return vm.Null, err
		}
		if k == "" || strings.Contains(k, "=") {
			return vm.Null, vm.Errorf(vm.ValueError, "illegal environment variable name")
		}
		return none(os.Unsetenv(k))
	})
	m.AddFunc("strerror", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("strerror", args, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeStr(strerror(syscall.Errno(n))), nil
	})
	m.AddFunc("fspath", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		pathV := vm.Null
		if err := vm.UnpackArgs("fspath", args, kw, "path", &pathV); err != nil {
			return vm.Null, err
		}
		return fspath(th, pathV)
	})
	m.AddFunc("get_terminal_size", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		fd := 1
		if len(args) > 0 {
			var err error
			if fd, err = intArg(th, args[0]); err != nil {
				return vm.Null, err
			}
		}
		ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.NewStructSeq(terminalSizeType, []vm.Value{vm.MakeInt(int64(ws.Col)), vm.MakeInt(int64(ws.Row))}), nil
	})
	m.AddFunc("register_at_fork", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		// gilpy has no fork(); multiprocessing's fork emulation starts a
		// fresh interpreter, so there is nothing to run these around.
		return vm.None, nil
	})
	m.AddFunc("sync", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		th.Blocking(syscall.Sync)
		return vm.None, nil
	})
	m.AddFunc("nice", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("nice", args, 1, 1); err != nil {
			return vm.Null, err
		}
		inc, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		cur, serr := unix.Getpriority(unix.PRIO_PROCESS, 0)
		if serr != nil {
			return vm.Null, osErr(serr)
		}
		// The raw syscall returns 20 - nice.
		nv := 20 - cur + inc
		if serr := unix.Setpriority(unix.PRIO_PROCESS, 0, nv); serr != nil {
			return vm.Null, osErr(serr)
		}
		return vm.MakeInt(int64(nv)), nil
	})
	return nil
}

func envArg(th *vm.Thread, fn string, v vm.Value) (string, error) {
	if s, ok := vm.AsStr(v); ok {
		if strings.IndexByte(s.String(), 0) >= 0 {
			return "", vm.Errorf(vm.ValueError, "embedded null character")
		}
		return s.String(), nil
	}
	if b, ok := vm.AsBytesLike(v); ok {
		return string(b), nil
	}
	return "", vm.Errorf(vm.TypeError, "str expected, not %s", vm.TypeName(v))
}

func getlogin() (string, error) {
	name := os.Getenv("LOGNAME")
	if name == "" {
		return "", syscall.ENOTTY
	}
	if _, err := os.Stat("/proc/self/loginuid"); err != nil {
		return "", syscall.ENOTTY
	}
	return name, nil
}

func onlineCPUs() int {
	b, err := os.ReadFile("/sys/devices/system/cpu/online")
	if err != nil {
		return runtime.NumCPU()
	}
	n := 0
	for _, part := range strings.Split(strings.TrimSpace(string(b)), ",") {
		lo, hi, found := strings.Cut(part, "-")
		a, err1 := strconv.Atoi(lo)
		if err1 != nil {
			return runtime.NumCPU()
		}
		if !found {
			n++
			continue
		}
		z, err2 := strconv.Atoi(hi)
		if err2 != nil {
			return runtime.NumCPU()
		}
		n += z - a + 1
	}
	return n
}

func listdir(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	pathV := vm.None
	if err := vm.UnpackArgs("listdir", args, kw, "path?", &pathV); err != nil {
		return vm.Null, err
	}
	p := pathArg{s: ".", fd: -1, orig: vm.MakeStr(".")}
	if !pathV.IsNone() {
		var err error
		if p, err = getPath(th, "listdir", "path", pathV, true); err != nil {
			if vm.AsException(err).Matches(vm.TypeError) && !vm.IsInt(pathV) {
				return vm.Null, vm.Errorf(vm.TypeError, "listdir: path should be string, bytes, os.PathLike, integer or None, not %s", vm.TypeName(pathV))
			}
			return vm.Null, err
		}
	}
	names, err := readNames(th, p)
	if err != nil {
		return vm.Null, err
	}
	out := make([]vm.Value, len(names))
	for i, n := range names {
		out[i] = strOrBytes(n, p.bytes)
	}
	return vm.NewList(out).Value(), nil
}

// readNames lists a directory in the order the kernel returns (as
// readdir does; os.ReadDir would sort).
func readNames(th *vm.Thread, p pathArg) ([]string, error) {
	var names []string
	var rerr error
	th.Blocking(func() {
		var f *os.File
		if p.fd >= 0 {
			nfd, err := syscall.Dup(p.fd)
			if err != nil {
				rerr = err
				return
			}
			f = os.NewFile(uintptr(nfd), "")
		} else {
			var err error
			f, err = os.Open(p.s)
			if err != nil {
				rerr = err
				return
			}
		}
		defer f.Close()
		names, rerr = f.Readdirnames(-1)
	})
	if rerr != nil {
		return nil, osErr(rerr, p.orig)
	}
	return names, nil
}

func utime(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	pathV, timesV, nsV, dfd, follow := vm.Null, vm.None, vm.Null, vm.None, vm.True
	if err := vm.UnpackArgs("utime", args, kw, "path", &pathV, "times?", &timesV, "*", "ns?", &nsV, "dir_fd?", &dfd, "follow_symlinks?", &follow); err != nil {
		return vm.Null, err
	}
	p, err := getPath(th, "utime", "path", pathV, true)
	if err != nil {
		return vm.Null, err
	}
	var ts [2]syscall.Timespec
	switch {
	case !timesV.IsNone() && !nsV.IsNull():
		return vm.Null, vm.Errorf(vm.ValueError, "utime: you may specify either 'times' or 'ns' but not both")
	case !timesV.IsNone():
		t, ok := vm.AsTuple(timesV)
		if !ok || t.Len() != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "utime: 'times' must be either a tuple of two ints or None")
		}
		for i := 0; i < 2; i++ {
			f, err := vm.AsFloat(th, t.At(i))
			if err != nil {
				return vm.Null, err
			}
			ts[i] = syscall.NsecToTimespec(int64(f * 1e9))
		}
	case !nsV.IsNull():
		t, ok := vm.AsTuple(nsV)
		if !ok || t.Len() != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "utime: 'ns' must be a tuple of two ints")
		}
		for i := 0; i < 2; i++ {
			n, err := vm.AsInt64(th, t.At(i))
			if err != nil {
				return vm.Null, err
			}
			ts[i] = syscall.NsecToTimespec(n)
		}
	default:
		now := syscall.NsecToTimespec(time.Now().UnixNano())
		ts = [2]syscall.Timespec{now, now}
	}
	var serr error
	if p.fd >= 0 {
		serr = unix.UtimesNanoAt(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(p.fd), []unix.Timespec{unix.Timespec(ts[0]), unix.Timespec(ts[1])}, 0)
	} else {
		serr = syscall.UtimesNano(p.s, ts[:])
	}
	if serr != nil {
		return vm.Null, osErr(serr, p.orig)
	}
	return vm.None, nil
}

func setConstants(m *vm.Module) {
	ints := map[string]int{
		"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
		"O_APPEND": syscall.O_APPEND, "O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL,
		"O_TRUNC": syscall.O_TRUNC, "O_NONBLOCK": syscall.O_NONBLOCK, "O_NDELAY": syscall.O_NDELAY,
		"O_CLOEXEC": syscall.O_CLOEXEC, "O_DIRECTORY": syscall.O_DIRECTORY, "O_NOFOLLOW": syscall.O_NOFOLLOW,
		"O_SYNC": syscall.O_SYNC, "O_DSYNC": syscall.O_DSYNC, "O_NOCTTY": syscall.O_NOCTTY,
		"O_ACCMODE": syscall.O_ACCMODE, "O_ASYNC": syscall.O_ASYNC, "O_DIRECT": syscall.O_DIRECT,
		"O_LARGEFILE": 0, "O_NOATIME": syscall.O_NOATIME, "O_PATH": unix.O_PATH, "O_TMPFILE": unix.O_TMPFILE,
		"O_RSYNC": syscall.O_RSYNC,
		"F_OK":    0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
		"SEEK_SET": 0, "SEEK_CUR": 1, "SEEK_END": 2, "SEEK_DATA": 3, "SEEK_HOLE": 4,
		"WNOHANG": syscall.WNOHANG, "WUNTRACED": syscall.WUNTRACED, "WCONTINUED": syscall.WCONTINUED,
		"WEXITED": 4, "WSTOPPED": 2, "WNOWAIT": 0x01000000,
		"EX_OK": 0, "EX_USAGE": 64, "EX_DATAERR": 65, "EX_NOINPUT": 66, "EX_NOUSER": 67,
		"EX_NOHOST": 68, "EX_UNAVAILABLE": 69, "EX_SOFTWARE": 70, "EX_OSERR": 71, "EX_OSFILE": 72,
		"EX_CANTCREAT": 73, "EX_IOERR": 74, "EX_TEMPFAIL": 75, "EX_PROTOCOL": 76, "EX_NOPERM": 77,
		"EX_CONFIG": 78,
		"F_LOCK":    1, "F_TLOCK": 2, "F_ULOCK": 0, "F_TEST": 3,
		"P_PID": 1, "P_PGID": 2, "P_ALL": 0,
		"PRIO_PROCESS": 0, "PRIO_PGRP": 1, "PRIO_USER": 2,
		"RTLD_LAZY": 1, "RTLD_NOW": 2, "RTLD_GLOBAL": 0x100, "RTLD_LOCAL": 0,
		"SCHED_OTHER": 0, "SCHED_FIFO": 1, "SCHED_RR": 2, "SCHED_BATCH": 3, "SCHED_IDLE": 5,
		"NGROUPS_MAX": 65536, "TMP_MAX": 238328,
		"CLD_EXITED": 1, "CLD_KILLED": 2, "CLD_DUMPED": 3, "CLD_TRAPPED": 4, "CLD_STOPPED": 5, "CLD_CONTINUED": 6,
	}
	for k, v := range ints {
		m.Set(k, vm.MakeInt(int64(v)))
	}
}
