package contextvars_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

func run(t *testing.T, src string) (*vm.Thread, *vm.Module) {
	t.Helper()
	_, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{""}})
	m := stdlib.MainModule(th)
	if err := th.ExecMain([]byte(src), "<test>", m); err != nil {
		t.Fatal(vm.FormatException(th, vm.AsException(err)))
	}
	return th, m
}

func get(t *testing.T, th *vm.Thread, m *vm.Module, name string) string {
	t.Helper()
	v, ok := m.Get(name)
	require.True(t, ok, name)
	s, err := vm.Repr(th, v)
	require.NoError(t, err)
	return s.String()
}

// A copy is a snapshot: changes in one context do not show in the other,
// and reset() restores the value a token remembers.
func TestCopiesAreIndependent(t *testing.T) {
	th, m := run(t, `
import contextvars
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
tok = v.set(1)
snap = contextvars.copy_context()
v.set(2)
in_snap = snap[v]
def inside():
    v.set(10)
    w.set("x")
    return v.get()
ran = snap.run(inside)
after = (v.get(), snap[v], w in snap, w.get("unset"))
v.reset(tok)
reset = v.get()
try:
    v.reset(tok)
except RuntimeError:
    reused = "RuntimeError"
`)
	assert.Equal(t, "1", get(t, th, m, "in_snap"))
	assert.Equal(t, "10", get(t, th, m, "ran"))
	assert.Equal(t, "(2, 10, True, 'unset')", get(t, th, m, "after"))
	assert.Equal(t, "0", get(t, th, m, "reset"))
	assert.Equal(t, "'RuntimeError'", get(t, th, m, "reused"))
}

// A context can be entered once at a time.
func TestContextEnteredTwice(t *testing.T) {
	th, m := run(t, `
import contextvars
ctx = contextvars.copy_context()
def again():
    try:
        ctx.run(lambda: None)
    except RuntimeError as e:
        return str(e).split(":")[0]
msg = ctx.run(again)
`)
	assert.Equal(t, "'cannot enter context'", get(t, th, m, "msg"))
}
