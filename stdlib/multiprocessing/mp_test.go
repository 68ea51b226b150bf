package multiprocessing_test

// These tests run Python programs in an interpreter inside the test
// binary. Their child processes are this test binary re-executed with
// vm.ChildFlag, which TestMain hands to the child entry, exactly as the
// gilpy command does.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == vm.ChildFlag {
		os.Exit(vm.ChildEntry(os.Args[2:]))
	}
	if script := os.Getenv(scriptEnv); script != "" {
		os.Unsetenv(scriptEnv)
		os.Exit(runScriptMain(script, os.Args[2:]))
	}
	os.Exit(m.Run())
}

// run executes src as __main__ and returns the main module and the
// exit status.
func run(t *testing.T, src string) (*vm.Module, int) {
	t.Helper()
	in, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{"-c"}, XOptions: map[string]string{}})
	main := stdlib.MainModule(th)
	err := th.ExecMain([]byte(src), "<test>", main)
	code := stdlib.Shutdown(in, th, err)
	return main, code
}

func intGlobal(t *testing.T, m *vm.Module, name string) int64 {
	t.Helper()
	v, ok := m.Get(name)
	require.True(t, ok, "global %s missing", name)
	n, ok := vm.IntToInt64(v)
	require.True(t, ok, "global %s is not an int", name)
	return n
}

// TestLockedIncrements is the acceptance stress test: 4 processes each
// make 100000 increments of a shared Value under its lock.
func TestLockedIncrements(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 5000
	}
	src := `
import multiprocessing as mp

def work(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

if __name__ == "__main__":
    v = mp.Value('i', 0)
    ps = [mp.Process(target=work, args=(v, N)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    RESULT = v.value
    CODES = sum(p.exitcode for p in ps)
`
	m, code := run(t, strings.Replace(src, "N)", itoa(n)+")", 1))
	require.Equal(t, 0, code)
	assert.Equal(t, int64(4*n), intGlobal(t, m, "RESULT"))
	assert.Equal(t, int64(0), intGlobal(t, m, "CODES"))
}

// TestQueueAndPool moves data through a Queue, a Pipe and a Pool in one
// program, and checks that children exit cleanly.
func TestQueueAndPool(t *testing.T) {
	src := `
import multiprocessing as mp

def produce(q, n):
    for i in range(n):
        q.put(i)

def square(x):
    return x * x

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 1000))
    p.start()
    TOTAL = sum(q.get(timeout=30) for _ in range(1000))
    p.join()
    with mp.Pool(3) as pool:
        SQUARES = sum(pool.map(square, range(100)))
    a, b = mp.Pipe()
    c = mp.Process(target=lambda: b.send(sum(range(10))))
    c.start()
    PIPE = a.recv()
    c.join()
`
	m, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, int64(499500), intGlobal(t, m, "TOTAL"))
	assert.Equal(t, int64(328350), intGlobal(t, m, "SQUARES"))
	assert.Equal(t, int64(45), intGlobal(t, m, "PIPE"))
}

// TestNoLeaks checks cleanup: after children have run and been joined,
// no new descriptors stay open, nothing is created in /dev/shm, and no
// child is left (a zombie would still be listed as our child).
func TestNoLeaks(t *testing.T) {
	shmBefore := dirNames(t, "/dev/shm")
	fdsBefore := openFDs(t)
	src := `
import multiprocessing as mp

def child(v, q, lk):
    with lk:
        v.value += 1
    q.put("done")

if __name__ == "__main__":
    v = mp.Value('i', 0)
    lk = mp.Lock()
    q = mp.Queue()
    ps = [mp.Process(target=child, args=(v, q, lk)) for _ in range(3)]
    for p in ps:
        p.start()
    GOT = [q.get(timeout=30) for _ in ps]
    for p in ps:
        p.join()
        p.close()
    q.close()
    q.join_thread()
    RESULT = v.value
    LEFT = len(mp.active_children())
`
	m, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, int64(3), intGlobal(t, m, "RESULT"))
	assert.Equal(t, int64(0), intGlobal(t, m, "LEFT"))
	assert.Equal(t, shmBefore, dirNames(t, "/dev/shm"), "files left in /dev/shm")
	assert.Empty(t, childPIDs(t), "children left behind")
	// The queue's pipe and the arena stay referenced by the finished
	// interpreter's objects until they are collected; the child-process
	// plumbing (bootstrap and sentinel pipes, inherited copies) must not
	// accumulate: allow the few the program's own objects hold.
	assert.LessOrEqual(t, len(openFDs(t)), len(fdsBefore)+4, "descriptors leaked")
}

// TestParentDeathKillsChild starts a child that would run forever, kills
// the parent abruptly (the parent is a child of this test), and checks
// that the grandchild goes away too.
func TestParentDeathKillsChild(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes that wait for each other")
	}
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	src := `
import multiprocessing as mp, sys

def forever():
    while True:
        pass

if __name__ == "__main__":
    p = mp.Process(target=forever)
    p.start()
    with open(sys.argv[1], "w") as f:
        f.write(str(p.pid))
    while True:
        pass
`
	script := filepath.Join(dir, "orphan.py")
	require.NoError(t, os.WriteFile(script, []byte(src), 0o644))
	parent := startPython(t, script, pidFile)
	pid := waitForPID(t, pidFile)
	require.NoError(t, parent.Kill())
	_, _ = parent.Wait()
	assert.Eventually(t, func() bool { return !running(pid) }, 10e9, 20e6,
		"the child outlived its killed parent")
}

// running reports whether pid is a live process (a zombie waiting for
// init to reap it is not).
func running(pid int) bool {
	if unix.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile("/proc/" + itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z' && s[i+2] != 'X'
	}
	return true
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func openFDs(t *testing.T) []string {
	t.Helper()
	return dirNames(t, "/proc/self/fd")
}

// childPIDs lists this process's children, zombies included.
func childPIDs(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, task := range dirNames(t, "/proc/self/task") {
		b, err := os.ReadFile(filepath.Join("/proc/self/task", task, "children"))
		if err != nil {
			continue
		}
		out = append(out, strings.Fields(string(b))...)
	}
	return out
}

// startPython runs a Python file in a separate process: this test binary,
// told by the environment to act as the gilpy command.
func startPython(t *testing.T, script string, args ...string) *os.Process {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	env := append(os.Environ(), scriptEnv+"="+script)
	p, err := os.StartProcess(exe, append([]string{exe, "--"}, args...), &os.ProcAttr{
		Env: env, Files: []*os.File{nil, os.Stdout, os.Stderr}})
	require.NoError(t, err)
	return p
}

func waitForPID(t *testing.T, file string) int {
	t.Helper()
	var pid int
	require.Eventually(t, func() bool {
		b, err := os.ReadFile(file)
		if err != nil || len(b) == 0 {
			return false
		}
		pid = 0
		for _, c := range strings.TrimSpace(string(b)) {
			pid = pid*10 + int(c-'0')
		}
		return pid > 0
	}, 30e9, 10e6)
	return pid
}

const scriptEnv = "GILPY_MP_TEST_SCRIPT"

// runScriptMain is TestMain's stand-in for `gilpy script args...`.
func runScriptMain(script string, args []string) int {
	src, err := os.ReadFile(script)
	if err != nil {
		return 2
	}
	in, th := stdlib.NewInterpreter(pysys.Options{Argv: append([]string{script}, args...),
		Path0: filepath.Dir(script), XOptions: map[string]string{}})
	main := stdlib.MainModule(th)
	main.Set("__file__", vm.MakeStr(script))
	return stdlib.Shutdown(in, th, th.ExecMain(src, script, main))
}
