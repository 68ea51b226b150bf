package asyncio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The statements of gilpy's asyncio (stdlib/pylib/lib/asyncio) that show
// up in tracebacks sit on the lines CPython 3.11.7's asyncio has them on,
// so that a traceback through asyncio reads the same in both (the script
// tests normalise the library's folder to <stdlib>). Blank lines keep them
// there; when this test fails after an edit, add or remove blank lines
// above the statement named.
var anchors = []struct {
	file string
	line int
	stmt string
}{
	{"events.py", 80, `self._context.run(self._callback, *self._args)`},
	{"runners.py", 118, `return self._loop.run_until_complete(task)`},
	{"runners.py", 123, `raise KeyboardInterrupt()`},
	{"runners.py", 190, `return runner.run(main)`},
	{"base_events.py", 653, `return future.result()`},
	{"base_events.py", 973, `await self.sock_connect(sock, address)`},
	{"base_events.py", 1069, `sock = await self._connect_sock(`},
	{"base_events.py", 1085, `raise exceptions[0]`},
	{"selector_events.py", 634, `return await fut`},
	{"selector_events.py", 674, `raise OSError(err, f'Connect call failed {address}')`},
	{"tasks.py", 458, `return fut.result()`},
	{"tasks.py", 464, `raise exceptions.TimeoutError() from exc`},
	{"tasks.py", 476, `await waiter`},
	{"tasks.py", 462, `return fut.result()`},
	{"tasks.py", 479, `return fut.result()`},
	{"tasks.py", 489, `return fut.result()`},
	{"tasks.py", 500, `return fut.result()`},
	{"tasks.py", 502, `raise exceptions.TimeoutError() from exc`},
	{"tasks.py", 535, `await waiter`},
	{"tasks.py", 562, `await waiter`},
	{"tasks.py", 649, `return await future`},
	{"timeouts.py", 115, `raise TimeoutError from exc_val`},
	{"taskgroups.py", 110, `await self._on_completed_fut`},
	{"taskgroups.py", 145, `raise me from None`},
	{"queues.py", 120, `await putter`},
	{"queues.py", 158, `await getter`},
	{"locks.py", 114, `await fut`},
	{"locks.py", 213, `await fut`},
	{"locks.py", 267, `await fut`},
	{"locks.py", 387, `await fut`},
	{"streams.py", 48, `transport, _ = await loop.create_connection(`},
	{"streams.py", 166, `raise ConnectionResetError('Connection lost')`},
	{"streams.py", 389, `await self._protocol._drain_helper()`},
	{"streams.py", 540, `await self._waiter`},
	{"streams.py", 563, `line = await self.readuntil(sep)`},
	{"streams.py", 655, `await self._wait_for_data('readuntil')`},
	{"streams.py", 708, `await self._wait_for_data('read')`},
	{"streams.py", 745, `raise exceptions.IncompleteReadError(incomplete, n)`},
	{"streams.py", 747, `await self._wait_for_data('readexactly')`},
}

func TestTracebackLinesMatchCPython(t *testing.T) {
	files := map[string][]string{}
	for _, a := range anchors {
		lines, ok := files[a.file]
		if !ok {
			src, err := os.ReadFile(filepath.Join("..", "pylib", "lib", "asyncio", a.file))
			require.NoError(t, err)
			lines = strings.Split(string(src), "\n")
			files[a.file] = lines
		}
		require.Less(t, a.line-1, len(lines), a.file)
		assert.Equal(t, a.stmt, strings.TrimSpace(lines[a.line-1]), "%s:%d", a.file, a.line)
	}
}
