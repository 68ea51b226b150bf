package multiprocessing

// The child side of a start: read the bootstrap, build an interpreter,
// rebuild the parent's state (fork) or re-run the main file (spawn), then
// run the process object's _bootstrap and exit with its exit code.

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"syscall"

	"golang.org/x/sys/unix"

	"gilpy/stdlib/pickle"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// Host gives the child what it needs from package stdlib, which imports
// this package and so cannot be imported by it.
type Host struct {
	NewInterpreter func(opts pysys.Options) (*vm.Interp, *vm.Thread)
	Shutdown       func(in *vm.Interp, th *vm.Thread, runErr error) int
}

var host Host

// Install makes this package the handler of `gilpy --gilpy-child`.
func Install(h Host) {
	host = h
	vm.ChildEntry = ChildMain
}

// ChildMain runs a child process; args are the words after vm.ChildFlag.
func ChildMain(args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "Fatal Python error: gilpy child: %v\n%s", r, debug.Stack())
			code = 1
		}
	}()
	if host.NewInterpreter == nil {
		fmt.Fprintln(os.Stderr, "gilpy: multiprocessing child support is not installed")
		return 1
	}
	p, codeBlob, payload, err := readBootstrap()
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		// The parent died before it could send anything.
		return 255
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gilpy: multiprocessing child: bad bootstrap: %v\n", err)
		return 1
	}
	// Inherited descriptors must not leak into our own children.
	for fd := bootstrapFD; fd < firstInherited+p.NFDs; fd++ {
		unix.CloseOnExec(fd)
	}
	go watchParent()
	installCodeBlob(codeBlob)

	exe, _ := os.Executable()
	opts := pysys.Options{
		Argv:       p.Argv,
		Executable: exe,
		Unbuffered: p.Unbuffered,
		XOptions:   p.XOptions,
		SafePath:   true,
	}
	if opts.XOptions == nil {
		opts.XOptions = map[string]string{}
	}
	if p.NoGIL {
		opts.XOptions["gil"] = "0"
	}
	if len(opts.Argv) > 0 {
		// Options.Argv is what follows the interpreter's own arguments.
		opts.Argv = append([]string(nil), p.Argv...)
	}
	in, th := host.NewInterpreter(opts)
	paths := make([]vm.Value, len(p.SysPath))
	for i, s := range p.SysPath {
		paths[i] = vm.MakeStr(s)
	}
	in.Sys.Set("path", vm.NewList(paths).Value())
	argv := make([]vm.Value, len(p.Argv))
	for i, s := range p.Argv {
		argv[i] = vm.MakeStr(s)
	}
	in.Sys.Set("argv", vm.NewList(argv).Value())
	in.MainPath = p.MainPath

	exit, runErr := runChild(th, p, payload)
	status := host.Shutdown(in, th, runErr)
	if runErr != nil {
		return status
	}
	return exit & 0xff
}

func readBootstrap() (prep, []byte, []byte, error) {
	var p prep
	f := os.NewFile(bootstrapFD, "bootstrap")
	hdr := make([]byte, bootHeader)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return p, nil, nil, err
	}
	if string(hdr[:4]) != bootMagic {
		return p, nil, nil, fmt.Errorf("bad magic %q", hdr[:4])
	}
	plen := int(binary.BigEndian.Uint32(hdr[4:]))
	clen := int(binary.BigEndian.Uint32(hdr[8:]))
	dlen := int(binary.BigEndian.Uint64(hdr[12:]))
	buf := make([]byte, plen+clen+dlen)
	if _, err := io.ReadFull(f, buf); err != nil {
		return p, nil, nil, err
	}
	if err := json.Unmarshal(buf[:plen], &p); err != nil {
		return p, nil, nil, err
	}
	return p, buf[plen : plen+clen], buf[plen+clen:], nil
}

// watchParent kills this process when the parent dies: the bootstrap
// pipe's write end is held by the parent alone, so EOF on it means the
// parent is gone. (CPython leaves such orphans running; gilpy promises
// that children never outlive their parent.)
func watchParent() {
	buf := make([]byte, 64)
	for {
		n, err := unix.Read(bootstrapFD, buf)
		if err == unix.EINTR || (err == nil && n > 0) {
			continue // interrupted, or stray bytes: keep watching
		}
		break // EOF (n == 0) or an error: the parent is gone
	}
	_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
}

// runChild rebuilds the program state and runs the process object.
func runChild(th *vm.Thread, p prep, payload []byte) (int, error) {
	mp, err := th.ImportModule("multiprocessing.process")
	if err != nil {
		return 1, err
	}
	var procObj vm.Value
	switch p.Method {
	case "fork":
		v, err := pickle.NewDecoder(th, payload).Load()
		if err != nil {
			return 1, err
		}
		t, ok := vm.AsTuple(v)
		if !ok || t.Len() != 3 {
			return 1, vm.Errorf(vm.SystemError, "bad fork snapshot")
		}
		procObj = t.At(2)
	default:
		if err := runMainAsMpMain(th, p.MainPath); err != nil {
			return 1, err
		}
		v, err := pickle.NewDecoder(th, payload).Load()
		if err != nil {
			return 1, err
		}
		procObj = v
	}
	if p.Method == "fork" && p.Thread != "" && p.Thread != "MainThread" {
		// Forked from another thread, the child's only thread carries
		// that thread's name.
		th.Name = p.Thread
		if tm, ok := th.Interp.Modules.GetString("threading"); ok {
			if mt, err := vm.CallMethod(th, tm, "main_thread"); err == nil {
				_ = vm.SetAttrString(th, mt, "name", vm.MakeStr(p.Thread))
			}
		}
	}
	fn, ok := mp.Get("_gilpy_child_main")
	if !ok {
		return 1, vm.Errorf(vm.SystemError, "multiprocessing.process has no _gilpy_child_main")
	}
	r, err := vm.Call(th, fn, []vm.Value{procObj, vm.MakeInt(bootstrapFD)}, nil)
	if err != nil {
		return 1, err
	}
	n, _ := vm.IntToInt64(r)
	return int(n), nil
}

// runMainAsMpMain is spawn's preparation: the main file runs again as
// __mp_main__ (so its `if __name__ == "__main__":` block does not), and
// __main__ names that module so pickled references resolve.
func runMainAsMpMain(th *vm.Thread, path string) error {
	m := vm.NewModule("__mp_main__")
	if b, ok := th.Interp.Modules.GetString("builtins"); ok {
		m.Set("__builtins__", b)
	}
	mods := th.Interp.Modules
	mods.SetString("__mp_main__", m.Value())
	mods.SetString("__main__", m.Value())
	if path == "" {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return vm.OSErrorFrom(err, vm.MakeStr(path))
	}
	m.Set("__file__", vm.MakeStr(path))
	return th.ExecMain(src, path, m)
}
