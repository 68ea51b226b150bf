package stdlib_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// FuzzExec runs arbitrary source as a whole program: whatever the input,
// the outcome must be output or a Python exception, never a Go panic
// (which the eval loop reports as a SystemError naming an internal error)
// and never a hang (the harness kills the program after 200 ms; it must
// then stop within a few more). The seeds are the repository's test
// programs.
//
// The program runs with its output discarded and without the modules
// that reach outside the process (os, subprocess, signal, ...) or open().
//
//	go test ./stdlib -run XXX -fuzz FuzzExec -fuzztime 10m -fuzzminimizetime 5s
//
// (each run takes milliseconds, so minimizing a new input with the default
// budget of a minute stalls the fuzzer)
func FuzzExec(f *testing.F) {
	seeds, _ := filepath.Glob("../scripts/tests/core/*.py")
	more, _ := filepath.Glob("../scripts/tests/compiler/*.py")
	for _, p := range append(seeds, more...) {
		// Programs that spend their time in deliberately extreme cases
		// (source nested thousands deep, 100000-level structures) make
		// every mutation slow and starve the fuzzer.
		switch filepath.Base(p) {
		case "compile_deep.py", "reliability_limits.py", "recursion_paths.py":
			continue
		}
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("x = 1\nwhile True:\n    try:\n        x += 1\n    except BaseException:\n        pass\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		err, hung := runSandboxed(src, 200*time.Millisecond, 5*time.Second)
		if hung {
			t.Fatalf("program still running 5 s after being killed")
		}
		if exc, ok := err.(*vm.Exception); ok && strings.Contains(exc.Error(), "internal error in gilpy") {
			t.Fatalf("internal error: %v", exc)
		}
	})
}

// blockedModules reach outside the process, or end it.
var blockedModules = []string{"os", "posix", "subprocess", "shutil", "signal", "multiprocessing",
	"socket", "_socket", "select", "selectors", "asyncio", "pathlib", "tempfile", "glob", "io", "_io", "ctypes"}

// runSandboxed runs src as __main__ with output discarded, killing it
// after limit. hung reports that it did not stop within grace after that.
func runSandboxed(src []byte, limit, grace time.Duration) (err error, hung bool) {
	devnull, _ := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	defer devnull.Close()
	in, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{"fuzz"}})
	defer func() {
		if !hung {
			in.Close()
		}
	}()
	in.Stdout, in.Stderr, in.Stdin = devnull, devnull, devnull
	in.Sys.Set("stdout", vm.NewFile(devnull, vm.MakeStr("<stdout>"), "w", false).Value())
	in.Sys.Set("stderr", vm.NewFile(devnull, vm.MakeStr("<stderr>"), "w", false).Value())
	in.Sys.Set("stdin", vm.NewFile(devnull, vm.MakeStr("<stdin>"), "r", false).Value())
	for _, m := range blockedModules {
		in.Modules.SetString(m, vm.None) // import raises ImportError
	}
	in.Builtins.DeleteStr(vm.Intern("open"))
	main := stdlib.MainModule(th)
	done := make(chan error, 1)
	go func() { done <- th.ExecMain(src, "<fuzz>", main) }()
	select {
	case err = <-done:
		return err, false
	case <-time.After(limit):
	}
	in.Kill()
	select {
	case err = <-done:
		return err, false
	case <-time.After(grace):
		return nil, true
	}
}
