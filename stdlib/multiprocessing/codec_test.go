package multiprocessing

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/vm"
)

// Code sent to a fork child must come back exactly as compiled.
func TestCodeRoundTrip(t *testing.T) {
	for _, f := range []string{"process.py", "pool.py", "managers.py"} {
		src, err := os.ReadFile("../pylib/lib/multiprocessing/" + f)
		require.NoError(t, err)
		c, err := vm.CompileToCode(src, f, "exec")
		require.NoError(t, err)
		back, err := decodeCode(encodeCode(c))
		require.NoError(t, err)
		assert.Equal(t, c, back, f)
	}
}

func TestCorruptCode(t *testing.T) {
	src := []byte("def f(x):\n    return [x, 1.5, 'a', b'b', (1, 2), 10**30]\n")
	c, err := vm.CompileToCode(src, "t.py", "exec")
	require.NoError(t, err)
	enc := encodeCode(c)
	for n := 0; n < len(enc); n += 7 {
		// Truncated input must fail cleanly, never panic.
		_, _ = decodeCode(enc[:n])
	}
}
