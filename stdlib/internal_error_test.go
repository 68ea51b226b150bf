package stdlib_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

// A Go panic inside a builtin (a bug in gilpy) must reach Python code as a
// SystemError raised at the call, catchable like any exception, with the
// interpreter's state intact afterwards.
func TestPanicBecomesSystemError(t *testing.T) {
	_, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{""}})
	m := stdlib.MainModule(th)
	var nilList []int
	m.AddFunc("boom", func(th *vm.Thread, args, kwnames []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(nilList[3])), nil // index out of range
	})
	src := `
def inner():
    return boom()

def outer():
    try:
        inner()
    except SystemError as e:
        return str(e)

msg = outer()
after = [x * 2 for x in range(3)]

def unhandled():
    return inner()
`
	require.NoError(t, th.ExecMain([]byte(src), "<test>", m))
	msg, _ := m.Get("msg")
	s, ok := vm.AsStr(msg)
	require.True(t, ok)
	assert.Contains(t, s.String(), "internal error in gilpy: runtime error: index out of range [3] with length 0")
	assert.Contains(t, s.String(), "internal_error_test.go")
	after, _ := m.Get("after")
	r, err := vm.Repr(th, after)
	require.NoError(t, err)
	assert.Equal(t, "[0, 2, 4]", r.String())

	// Uncaught, it unwinds every frame and keeps the traceback.
	fn, _ := m.Get("unhandled")
	_, err = vm.Call(th, fn, nil, nil)
	require.Error(t, err)
	exc := vm.AsException(err)
	assert.True(t, exc.Matches(vm.SystemError))
	tb := vm.FormatException(th, exc)
	assert.Contains(t, tb, "in unhandled\n")
	assert.Contains(t, tb, "in inner\n")
	assert.Equal(t, 0, th.Depth())
}
