package thread_test

// These tests run multi-threaded Python programs through a whole
// interpreter. Their main use is `go test -race ./stdlib/thread`: every
// Python thread is a goroutine, and the GIL must order all their accesses
// to interpreter state, so the race detector must find nothing.

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// run executes src as __main__, shuts the interpreter down and returns the
// main module and the exit status.
func run(t *testing.T, src string) (*vm.Module, *vm.Interp, int) {
	t.Helper()
	in, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{"-c"}, XOptions: map[string]string{}})
	main := stdlib.MainModule(th)
	err := th.ExecMain([]byte(src), "<test>", main)
	if err != nil {
		t.Log(vm.FormatException(th, vm.AsException(err)))
	}
	return main, in, stdlib.Shutdown(in, th, err)
}

func global(t *testing.T, m *vm.Module, name string) string {
	t.Helper()
	v, ok := m.Get(name)
	require.True(t, ok, "global %s missing", name)
	s, ok := vm.AsStr(v)
	require.True(t, ok, "global %s is not a str", name)
	return s.String()
}

func TestThreadsShareTheInterpreter(t *testing.T) {
	src := `
import sys, threading, queue
from concurrent.futures import ThreadPoolExecutor

sys.setswitchinterval(1e-5)
errors = []
threading.excepthook = lambda args: errors.append(args.exc_type.__name__)

# unlocked += (atomic under the GIL) and locked read-modify-write
count = 0
locked = 0
lock = threading.Lock()
shared = {}
def work(n):
    global count, locked
    local = threading.local()
    local.n = n
    for i in range(2000):
        count += 1
        with lock:
            locked = locked + 1
        shared[(n, i % 10)] = local.n
ts = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in ts: t.start()
for t in ts: t.join()

# a pipeline through a queue and a condition
q = queue.Queue(maxsize=3)
out = []
def produce():
    for i in range(200):
        q.put(i)
    q.put(None)
def consume():
    while (item := q.get()) is not None:
        out.append(item)
p, c = threading.Thread(target=produce), threading.Thread(target=consume)
p.start(); c.start(); p.join(); c.join()

# a pool, a barrier, an event, an exception in a thread
with ThreadPoolExecutor(4) as ex:
    squares = list(ex.map(lambda x: x * x, range(100)))
b = threading.Barrier(3)
ev = threading.Event()
def meet():
    b.wait()
    ev.wait()
ts = [threading.Thread(target=meet) for _ in range(2)]
for t in ts: t.start()
b.wait()
ev.set()
for t in ts: t.join()
def fail():
    raise ValueError
t = threading.Thread(target=fail); t.start(); t.join()

result = f"{count} {locked} {len(shared)} {out == list(range(200))} {sum(squares)} {errors} {threading.active_count()}"
`
	m, _, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, "8000 8000 40 True 328350 ['ValueError'] 1", global(t, m, "result"))
}

func TestDaemonThreadsStopAtExit(t *testing.T) {
	src := `
import threading, time
ticks = 0
def spin():
    global ticks
    while True:
        ticks += 1
def nap():
    global ticks
    while True:
        time.sleep(0.001)
        ticks += 1
threading.Thread(target=spin, daemon=True).start()
threading.Thread(target=nap, daemon=True).start()
time.sleep(0.02)
`
	m, in, code := run(t, src)
	require.Equal(t, 0, code)
	assert.True(t, in.Finalizing())
	// After shutdown no daemon thread takes the GIL again: the counter
	// they would increment stays where it is.
	before, _ := m.Get("ticks")
	time.Sleep(30 * time.Millisecond)
	after, _ := m.Get("ticks")
	assert.True(t, before.Is(after), "a daemon thread ran Python code after finalization")
}

func TestNonDaemonThreadsAreJoinedAtExit(t *testing.T) {
	src := `
import threading, time
done = "no"
def late():
    global done
    time.sleep(0.05)
    done = "yes"
threading.Thread(target=late).start()
`
	m, _, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, "yes", global(t, m, "done"))
}

func TestInterruptMainWakesABlockedMainThread(t *testing.T) {
	src := `
import threading, _thread
lock = threading.Lock()
lock.acquire()
threading.Timer(0.02, _thread.interrupt_main).start()
try:
    lock.acquire()
    outcome = "acquired"
except KeyboardInterrupt:
    outcome = "interrupted"
`
	m, _, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, "interrupted", global(t, m, "outcome"))
}

func TestGILStatisticsPerThread(t *testing.T) {
	src := `
import sys, threading
sys.setswitchinterval(0.0005)
def burn():
    n = 0
    while n < 300_000:
        n += 1
ts = [threading.Thread(target=burn) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
`
	in, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{"-c"}, XOptions: map[string]string{}})
	in.GIL.SetTiming(true)
	main := stdlib.MainModule(th)
	before := in.GIL.SwitchNumber()
	err := th.ExecMain([]byte(src), "<test>", main)
	require.Equal(t, 0, stdlib.Shutdown(in, th, err))
	// Three CPU-bound threads at a 0.5 ms interval hand the GIL over.
	assert.Greater(t, in.GIL.SwitchNumber()-before, uint64(3))
	s := th.G.Stats()
	assert.Greater(t, s.Acquisitions, int64(0))
	assert.Greater(t, s.Held, time.Duration(0))
}

func TestThreadsShareAFile(t *testing.T) {
	// Two threads read lines from one file object while the GIL is
	// released around each read, and three write to another; the file's
	// buffer must not be shared unsafely, and each writer's lines keep
	// their order.
	dir := t.TempDir()
	src := `
import threading
path = ` + "r'" + dir + "'" + `
with open(path + "/in.txt", "w") as f:
    for i in range(5000):
        f.write(f"{i}\n")
got = [[], []]
src = open(path + "/in.txt")
def read(out):
    while line := src.readline():
        out.append(int(line))
ts = [threading.Thread(target=read, args=(o,)) for o in got]
for t in ts: t.start()
for t in ts: t.join()
dst = open(path + "/out.txt", "w", buffering=1)
def write(n):
    for i in range(300):
        dst.write(f"{n} {i}\n")
ts = [threading.Thread(target=write, args=(n,)) for n in range(3)]
for t in ts: t.start()
for t in ts: t.join()
dst.close()
lines = [tuple(map(int, l.split())) for l in open(path + "/out.txt")]
ordered = all([i for n, i in lines if n == k] == list(range(300)) for k in range(3))
result = f"{sorted(got[0] + got[1]) == list(range(5000))} {len(lines)} {ordered}"
`
	m, _, code := run(t, src)
	require.Equal(t, 0, code)
	assert.Equal(t, "True 900 True", global(t, m, "result"))
}
