// Package stdlib assembles a working interpreter: it links in every module
// package under stdlib/ (each registers itself with the VM), builds the
// builtins and sys modules, runs __main__, and shuts the interpreter down
// the way CPython does (threads joined, atexit run, streams flushed, the
// exit status computed from SystemExit or an uncaught exception).
package stdlib

import (
	"os"
	"path/filepath"

	"gilpy/stdlib/builtins"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// NewInterpreter creates an interpreter whose main thread holds the GIL.
func NewInterpreter(opts pysys.Options) (*vm.Interp, *vm.Thread) {
	startGCPolicy()
	in := vm.NewInterp()
	if v, ok := opts.XOptions["gil"]; ok && v == "0" {
		in.GIL.SetEnabled(false)
	} else if os.Getenv("PYTHON_GIL") == "0" && !opts.IgnoreEnv {
		in.GIL.SetEnabled(false)
	}
	th := in.Main()
	th.AcquireGIL()
	bm := vm.NewModule("builtins")
	in.Modules.SetString("builtins", bm.Value())
	if err := builtins.Init(th, bm); err != nil {
		panic(err)
	}
	pysys.Setup(th, opts)
	return in, th
}

// MainModule creates __main__ and registers it in sys.modules.
func MainModule(th *vm.Thread) *vm.Module {
	m := vm.NewModule("__main__")
	if b, ok := th.Interp.Modules.GetString("builtins"); ok {
		m.Set("__builtins__", b)
	}
	m.Set("__annotations__", vm.NewDict().Value())
	th.Interp.Modules.SetString("__main__", m.Value())
	return m
}

// RunModule is `gilpy -m name`: find the module on sys.path and run it as
// __main__ (a package runs its __main__ submodule).
func RunModule(th *vm.Thread, name string, main *vm.Module) error {
	path, isPkg, err := findModuleFile(th, name)
	if err != nil {
		return err
	}
	if isPkg {
		if _, err := th.ImportModule(name); err != nil {
			return err
		}
		return RunModule(th, name+".__main__", main)
	}
	if path == "" {
		// A module implemented in Go has no source to run as __main__.
		return vm.Errorf(vm.ImportError, "No code object available for %s", name)
	}
	src, rerr := os.ReadFile(path)
	if rerr != nil {
		return vm.OSErrorFrom(rerr, vm.MakeStr(path))
	}
	if argv, ok := th.Interp.Sys.Get("argv"); ok {
		if l, ok := vm.AsList(argv); ok && l.Len() > 0 {
			l.Items()[0] = vm.MakeStr(path)
		}
	}
	main.Set("__file__", vm.MakeStr(path))
	if i := lastDot(name); i >= 0 {
		main.Set("__package__", vm.MakeStr(name[:i]))
	} else {
		main.Set("__package__", vm.MakeStr(""))
	}
	return th.ExecMain(src, path, main)
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

// findModuleFile locates name's source on sys.path (importing parents).
func findModuleFile(th *vm.Thread, name string) (string, bool, error) {
	var dirs []string
	short := name
	if i := lastDot(name); i >= 0 {
		parent, err := th.ImportModule(name[:i])
		if err != nil {
			return "", false, err
		}
		short = name[i+1:]
		if p, ok := parent.Get("__path__"); ok {
			items, _ := vm.SeqToSlice(th, p)
			for _, it := range items {
				if s, ok := vm.AsStr(it); ok {
					dirs = append(dirs, s.String())
				}
			}
		}
	} else {
		if p, ok := th.Interp.Sys.Get("path"); ok {
			items, _ := vm.SeqToSlice(th, p)
			for _, it := range items {
				if s, ok := vm.AsStr(it); ok {
					dirs = append(dirs, s.String())
				}
			}
		}
		for _, b := range vm.BuiltinModuleNames() {
			if b == name {
				return "", false, nil
			}
		}
	}
	for _, d := range dirs {
		if d == "" {
			d = "."
		}
		if st, err := os.Stat(filepath.Join(d, short, "__init__.py")); err == nil && !st.IsDir() {
			return filepath.Join(d, short), true, nil
		}
		f := filepath.Join(d, short+".py")
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			return f, false, nil
		}
	}
	e := vm.Errorf(vm.ImportError, "No module named %s", name)
	return "", false, e
}

// Shutdown finishes the program: it reports an uncaught exception, waits
// for threads, runs atexit handlers, flushes the standard streams, and
// returns the process exit status.
func Shutdown(in *vm.Interp, th *vm.Thread, runErr error) int {
	code := 0
	// CPython flushes sys.stdout and sys.stderr as soon as __main__ ends
	// (flush_io in pythonrun.c), before it reports an uncaught exception
	// and before atexit handlers run: output a program printed comes out
	// before what exit handlers (joined child processes) print.
	if in.Hooks.Flush != nil {
		in.Hooks.Flush(th)
	}
	if runErr != nil {
		code = handleError(th, runErr)
	}
	// threading._shutdown and atexit (registered by those modules).
	in.RunAtExit(th)
	in.SetFinalizing()
	if in.Hooks.Flush != nil {
		in.Hooks.Flush(th)
	}
	return code
}

// handleError turns the main program's exception into an exit status, as
// CPython's handle_system_exit / PyErr_Print do.
func handleError(th *vm.Thread, err error) int {
	exc := vm.AsException(err)
	if exc.Matches(vm.SystemExit) {
		return SystemExitStatus(th, exc)
	}
	th.PrintException(exc)
	if exc.Matches(vm.KeyboardInterrupt) {
		return KeyboardInterruptStatus
	}
	return 1
}

// KeyboardInterruptStatus marks an exit by an uncaught KeyboardInterrupt:
// the caller re-raises SIGINT so the process dies by the signal, as
// CPython does.
const KeyboardInterruptStatus = -2

// SystemExitStatus is the exit status a SystemExit asks for: None is 0,
// an int is itself, anything else is printed to stderr and gives 1.
func SystemExitStatus(th *vm.Thread, exc *vm.Exception) int {
	c := vm.SystemExitCode(exc)
	if c.IsNone() {
		return 0
	}
	if n, ok := vm.IntToInt64(c); ok {
		return int(n) & 0xff
	}
	if th.Interp.Hooks.Flush != nil {
		th.Interp.Hooks.Flush(th)
	}
	s, serr := vm.StrOf(th, c)
	text := ""
	if serr == nil {
		text = s.String()
	}
	if stderr, ok := th.Interp.Sys.Get("stderr"); ok && !stderr.IsNone() {
		if _, err := vm.CallMethod(th, stderr, "write", vm.MakeStr(text+"\n")); err == nil {
			_, _ = vm.CallMethod(th, stderr, "flush")
			return 1
		}
	}
	os.Stderr.WriteString(text + "\n")
	return 1
}
