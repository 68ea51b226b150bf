package asyncio_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// run executes src as __main__ and returns the module.
func run(t *testing.T, src string) (*vm.Thread, *vm.Module) {
	t.Helper()
	_, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{""}})
	m := stdlib.MainModule(th)
	err := th.ExecMain([]byte(src), "<test>", m)
	if err != nil {
		t.Fatal(vm.FormatException(th, vm.AsException(err)))
	}
	return th, m
}

func reprOf(t *testing.T, th *vm.Thread, m *vm.Module, name string) string {
	t.Helper()
	v, ok := m.Get(name)
	require.True(t, ok, name)
	s, err := vm.Repr(th, v)
	require.NoError(t, err)
	return s.String()
}

// The order in which tasks run is CPython's: each task's first step is a
// call_soon, sleep(0) sends a task to the back of the ready queue, and
// gather's result reaches its awaiter two iterations after the last child
// finishes.
func TestSchedulingOrder(t *testing.T) {
	th, m := run(t, `
import asyncio
log = []

async def worker(name, n):
    log.append(name + " start")
    for i in range(n):
        await asyncio.sleep(0)
        log.append(f"{name}{i}")
    return name

async def ticker():
    for i in range(6):
        log.append(f"tick{i}")
        await asyncio.sleep(0)

async def main():
    asyncio.create_task(ticker())
    r = await asyncio.gather(worker("a", 2), worker("b", 1))
    log.append(f"gathered {r}")

asyncio.run(main())
`)
	assert.Equal(t, "['tick0', 'a start', 'b start', 'tick1', 'a0', 'b0', 'tick2', 'a1', 'tick3', 'tick4', \"gathered ['a', 'b']\", 'tick5']",
		reprOf(t, th, m, "log"))
}

// Threads post callbacks with call_soon_threadsafe while the loop waits
// in epoll_wait without the GIL; every callback runs on the loop's thread.
func TestCallSoonThreadsafeFromThreads(t *testing.T) {
	th, m := run(t, `
import asyncio, threading

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    seen = []
    N, K = 4, 50

    def post(i):
        for k in range(K):
            loop.call_soon_threadsafe(seen.append, (i, k))
        loop.call_soon_threadsafe(check)

    def check():
        if len(seen) == N * K and not done.done():
            done.set_result(sorted(seen) == [(i, k) for i in range(N) for k in range(K)])

    threads = [threading.Thread(target=post, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    ok = await asyncio.wait_for(done, 10)
    for t in threads:
        t.join()
    return ok

result = asyncio.run(main())
`)
	assert.Equal(t, "True", reprOf(t, th, m, "result"))
}

// to_thread runs functions in executor threads concurrently with the loop,
// carrying the caller's context variables.
func TestToThreadCarriesContext(t *testing.T) {
	th, m := run(t, `
import asyncio, contextvars
var = contextvars.ContextVar("var")

def work(n):
    return var.get() * n

async def main():
    var.set(3)
    return await asyncio.gather(*(asyncio.to_thread(work, i) for i in range(8)))

result = asyncio.run(main())
`)
	assert.Equal(t, "[0, 3, 6, 9, 12, 15, 18, 21]", reprOf(t, th, m, "result"))
}

// A loopback echo through streams: real sockets, readiness from epoll.
func TestLoopbackEcho(t *testing.T) {
	th, m := run(t, `
import asyncio

async def handle(reader, writer):
    async for line in reader:
        writer.write(line.upper())
        await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = []
    for i in range(100):
        writer.write(b"line %d\n" % i)
        await writer.drain()
        out.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    return out[0], out[-1], len(out)

result = asyncio.run(main())
`)
	assert.Equal(t, "(b'LINE 0\\n', b'LINE 99\\n', 100)", reprOf(t, th, m, "result"))
}
