// Package sys implements the sys module. Unlike other modules it is built
// when the interpreter starts (Setup), because print(), tracebacks and the
// import system need sys.stdout, sys.stderr and sys.path from the first
// instruction on.
package sys

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"gilpy/vm"
)

// Version is what sys.version reports: CPython's version, since gilpy
// behaves as CPython 3.11.7 does.
const Version = "3.11.7 (main, gilpy) [Go " + "]"

// Options are the interpreter settings the command line decides.
type Options struct {
	Argv       []string
	Executable string
	// Path0 is sys.path[0]: the script's folder, "" for -c/-m/REPL.
	Path0             string
	Unbuffered        bool
	Verbose           int
	Optimize          int
	Inspect           bool
	Interactive       bool
	XOptions          map[string]string
	WarnOpts          []string
	SafePath          bool
	NoSite            bool
	IgnoreEnv         bool
	Isolated          bool
	Quiet             bool
	DontWriteBytecode bool
}

var (
	versionInfoType = vm.NewStructSeqType("sys", "version_info", []string{"major", "minor", "micro", "releaselevel", "serial"}, 5)
	floatInfoType   = vm.NewStructSeqType("sys", "float_info", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"}, 11)
	intInfoType     = vm.NewStructSeqType("sys", "int_info", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"}, 4)
	flagsType       = vm.NewStructSeqType("sys", "flags", []string{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"}, 18)
	hashInfoType    = vm.NewStructSeqType("sys", "hash_info", []string{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"}, 9)
	threadInfoType  = vm.NewStructSeqType("sys", "thread_info", []string{"name", "lock", "version"}, 3)
	asyncgenHooksT  = vm.NewStructSeqType("sys", "asyncgen_hooks", []string{"firstiter", "finalizer"}, 2)
)

func ints(xs ...int64) []vm.Value {
	out := make([]vm.Value, len(xs))
	for i, x := range xs {
		out[i] = vm.MakeInt(x)
	}
	return out
}

// Setup creates the sys module, the standard streams and sys.path, and
// installs the hooks the VM calls (display, excepthook, flush).
func Setup(th *vm.Thread, opts Options) *vm.Module {
	in := th.Interp
	m := vm.NewModule("sys")
	in.Sys = m
	in.Modules.SetString("sys", m.Value())
	in.Unbuffered = opts.Unbuffered
	in.Optimize = opts.Optimize

	argv := make([]vm.Value, len(opts.Argv))
	for i, a := range opts.Argv {
		argv[i] = vm.MakeStr(a)
	}
	if len(argv) == 0 {
		argv = []vm.Value{vm.MakeStr("")}
	}
	m.Set("argv", vm.NewList(argv).Value())
	orig := []vm.Value{vm.MakeStr(opts.Executable)}
	for _, a := range os.Args[1:] {
		orig = append(orig, vm.MakeStr(a))
	}
	m.Set("orig_argv", vm.NewList(orig).Value())
	m.Set("executable", vm.MakeStr(opts.Executable))
	m.Set("_base_executable", vm.MakeStr(opts.Executable))
	prefix := filepath.Dir(filepath.Dir(opts.Executable))
	for _, k := range []string{"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"} {
		m.Set(k, vm.MakeStr(prefix))
	}
	m.Set("platlibdir", vm.MakeStr("lib"))
	m.Set("pycache_prefix", vm.None)

	// sys.path: the script's folder, PYTHONPATH, then gilpy's own library.
	var path []vm.Value
	if !opts.SafePath {
		path = append(path, vm.MakeStr(opts.Path0))
	}
	if pp := os.Getenv("PYTHONPATH"); pp != "" && !opts.IgnoreEnv {
		for _, p := range strings.Split(pp, ":") {
			if p != "" {
				path = append(path, vm.MakeStr(p))
			}
		}
	}
	m.Set("path", vm.NewList(path).Value())
	m.Set("meta_path", vm.NewList(nil).Value())
	m.Set("path_hooks", vm.NewList(nil).Value())
	m.Set("path_importer_cache", vm.NewDict().Value())
	m.Set("modules", in.Modules.Value())

	m.Set("version", vm.MakeStr("3.11.7 (main, gilpy) [Go "+runtime.Version()+"]"))
	m.Set("version_info", vm.NewStructSeq(versionInfoType, []vm.Value{vm.MakeInt(3), vm.MakeInt(11), vm.MakeInt(7), vm.MakeStr("final"), vm.MakeInt(0)}))
	m.Set("hexversion", vm.MakeInt(0x030b07f0))
	m.Set("api_version", vm.MakeInt(1013))
	m.Set("platform", vm.MakeStr("linux"))
	m.Set("byteorder", vm.MakeStr("little"))
	m.Set("maxsize", vm.MakeInt(math.MaxInt64))
	m.Set("maxunicode", vm.MakeInt(0x10ffff))
	m.Set("copyright", vm.MakeStr("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."))
	m.Set("float_info", vm.NewStructSeq(floatInfoType, []vm.Value{
		vm.MakeFloat(math.MaxFloat64), vm.MakeInt(1024), vm.MakeInt(308), vm.MakeFloat(2.2250738585072014e-308),
		vm.MakeInt(-1021), vm.MakeInt(-307), vm.MakeInt(15), vm.MakeInt(53), vm.MakeFloat(2.220446049250313e-16),
		vm.MakeInt(2), vm.MakeInt(1)}))
	m.Set("int_info", vm.NewStructSeq(intInfoType, ints(30, 4, 4300, 640)))
	dwb := int64(0)
	if opts.DontWriteBytecode || os.Getenv("PYTHONDONTWRITEBYTECODE") != "" {
		dwb = 1
	}
	m.Set("dont_write_bytecode", vm.MakeBool(dwb == 1))
	boolInt := func(b bool) vm.Value {
		if b {
			return vm.MakeInt(1)
		}
		return vm.MakeInt(0)
	}
	m.Set("flags", vm.NewStructSeq(flagsType, []vm.Value{
		vm.MakeInt(0), boolInt(opts.Inspect), boolInt(opts.Interactive), vm.MakeInt(int64(opts.Optimize)), vm.MakeInt(dwb),
		vm.MakeInt(0), boolInt(opts.NoSite), boolInt(opts.IgnoreEnv), vm.MakeInt(int64(opts.Verbose)), vm.MakeInt(0),
		boolInt(opts.Quiet), vm.MakeInt(1), boolInt(opts.Isolated), vm.False, vm.MakeInt(0), vm.MakeInt(0),
		vm.MakeBool(opts.SafePath), vm.MakeInt(-1)}))
	m.Set("hash_info", vm.NewStructSeq(hashInfoType, []vm.Value{vm.MakeInt(64), vm.MakeInt(2305843009213693951), vm.MakeInt(314159), vm.MakeInt(0), vm.MakeInt(1000003), vm.MakeStr("siphash13"), vm.MakeInt(64), vm.MakeInt(128), vm.MakeInt(0)}))
	m.Set("thread_info", vm.NewStructSeq(threadInfoType, []vm.Value{vm.MakeStr("pthread"), vm.MakeStr("semaphore"), vm.MakeStr("NPTL 2.36")}))
	impl := vm.NewModule("sys.implementation")
	m.Set("implementation", makeImplementation(th))
	_ = impl
	warn := make([]vm.Value, len(opts.WarnOpts))
	for i, w := range opts.WarnOpts {
		warn[i] = vm.MakeStr(w)
	}
	m.Set("warnoptions", vm.NewList(warn).Value())
	xo := vm.NewDict()
	for k, v := range opts.XOptions {
		if v == "" {
			xo.SetString(k, vm.True)
		} else {
			xo.SetString(k, vm.MakeStr(v))
		}
	}
	m.Set("_xoptions", xo.Value())
	names := vm.BuiltinModuleNames()
	bn := make([]vm.Value, len(names))
	for i, n := range names {
		bn[i] = vm.MakeStr(n)
	}
	m.Set("builtin_module_names", vm.NewTuple(bn...).Value())
	m.Set("stdlib_module_names", vm.NewFrozenSetOf(th, bn))

	setupStreams(th, m, opts)
	addFunctions(th, m)
	in.Hooks.Flush = func(th *vm.Thread) { flushStd(th, m) }
	in.Hooks.DisplayHook = func(th *vm.Thread, v vm.Value) error {
		hook, ok := m.Get("displayhook")
		if !ok {
			return vm.Errorf(vm.RuntimeError, "lost sys.displayhook")
		}
		_, err := vm.Call(th, hook, []vm.Value{v}, nil)
		return err
	}
	in.Hooks.Excepthook = func(th *vm.Thread, exc *vm.Exception) error {
		hook, ok := m.Get("excepthook")
		if !ok {
			return vm.Errorf(vm.RuntimeError, "lost sys.excepthook")
		}
		if bf, ok := vm.AsBuiltinFunction(hook); ok && bf.Name == "excepthook" && bf.Module == "sys" {
			return writeException(th, m, exc)
		}
		tb := vm.None
		if t := exc.Traceback(); t != nil {
			tb = t.Value()
		}
		_, err := vm.Call(th, hook, []vm.Value{exc.Type().Value(), exc.Value(), tb}, nil)
		if err != nil {
			// CPython reports a broken excepthook, then the original error.
			e := vm.AsException(err)
			in.Stderr.WriteString("Error in sys.excepthook:\n" + vm.FormatException(th, e) + "\nOriginal exception was:\n" + vm.FormatException(th, exc))
		}
		return nil
	}
	return m
}

func init() {
	// sys is built by Setup, but `import sys` in a fresh interpreter (a
	// multiprocessing child before setup) must still find it.
	vm.RegisterModule("sys", func(th *vm.Thread, m *vm.Module) error {
		if th.Interp.Sys != nil {
			th.Interp.Modules.SetString("sys", th.Interp.Sys.Value())
		}
		return nil
	})
}

func makeImplementation(th *vm.Thread) vm.Value {
	ns, _ := vm.NewNamespace(th, map[string]vm.Value{
		"name":       vm.MakeStr("cpython"),
		"cache_tag":  vm.MakeStr("cpython-311"),
		"version":    vm.NewStructSeq(versionInfoType, []vm.Value{vm.MakeInt(3), vm.MakeInt(11), vm.MakeInt(7), vm.MakeStr("final"), vm.MakeInt(0)}),
		"hexversion": vm.MakeInt(0x030b07f0),
		"_multiarch": vm.MakeStr("x86_64-linux-gnu"),
	}, []string{"name", "cache_tag", "version", "hexversion", "_multiarch"})
	return ns
}

// setupStreams makes sys.stdin/stdout/stderr with CPython's buffering:
// stdout is line-buffered on a terminal and block-buffered otherwise,
// stderr is line-buffered (backslashreplace), -u makes both write-through.
func setupStreams(th *vm.Thread, m *vm.Module, opts Options) {
	in := th.Interp
	stdin := vm.NewFile(os.Stdin, vm.MakeStr("<stdin>"), "r", false)
	stdout := vm.NewFile(os.Stdout, vm.MakeStr("<stdout>"), "w", false)
	stderr := vm.NewFile(os.Stderr, vm.MakeStr("<stderr>"), "w", false)
	stderr.SetEncoding("utf-8", "backslashreplace")
	stdin.SetEncoding("utf-8", stdioErrors())
	stdout.SetEncoding("utf-8", stdioErrors())
	tty := vm.IsTerminal(os.Stdout)
	stdout.SetBuffering(tty, opts.Unbuffered)
	stderr.SetBuffering(true, opts.Unbuffered)
	m.Set("stdin", stdin.Value())
	m.Set("stdout", stdout.Value())
	m.Set("stderr", stderr.Value())
	m.Set("__stdin__", stdin.Value())
	m.Set("__stdout__", stdout.Value())
	m.Set("__stderr__", stderr.Value())
	in.Stdout, in.Stderr = os.Stdout, os.Stderr
}

// stdioErrors is the error handler CPython gives stdin and stdout:
// surrogateescape in the C and POSIX locales and in the UTF-8 locales it
// coerces those to (C.UTF-8), strict in any other locale.
func stdioErrors() string {
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := os.Getenv(k); v != "" {
			loc = v
			break
		}
	}
	switch loc {
	case "", "C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8", "UTF-8":
		return "surrogateescape"
	}
	return "strict"
}

// flushStd flushes sys.stdout and sys.stderr (whatever they are now).
func flushStd(th *vm.Thread, m *vm.Module) {
	for _, name := range []string{"stdout", "stderr"} {
		v, ok := m.Get(name)
		if !ok || v.IsNone() {
			continue
		}
		if f, ok := vm.AsFile(v); ok {
			if err := f.Flush(nil); err != nil {
				_ = err
			}
			continue
		}
		_, _ = vm.CallMethod(th, v, "flush")
	}
}

// writeException prints a traceback to sys.stderr (the default excepthook).
func writeException(th *vm.Thread, m *vm.Module, exc *vm.Exception) error {
	text := vm.FormatException(th, exc)
	v, ok := m.Get("stderr")
	if !ok || v.IsNone() {
		th.Interp.Stderr.WriteString(text)
		return nil
	}
	if f, ok := vm.AsFile(v); ok {
		// Keep stdout's earlier output ahead of the traceback when both go
		// to the same place, as CPython's exit flush order gives.
		if err := f.Write(th, text); err != nil {
			return err
		}
		return f.Flush(th)
	}
	if _, err := vm.CallMethod(th, v, "write", vm.MakeStr(text)); err != nil {
		return err
	}
	_, _ = vm.CallMethod(th, v, "flush")
	return nil
}
