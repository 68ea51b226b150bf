package pickle_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/stdlib"
	"gilpy/stdlib/pickle"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

func newThread(t *testing.T) *vm.Thread {
	t.Helper()
	_, th := stdlib.NewInterpreter(pysys.Options{XOptions: map[string]string{}})
	return th
}

// The expected bytes are what CPython 3.11's pickle.dumps returns for the
// same values (protocol 4).
func TestDumpsMatchesCPython(t *testing.T) {
	th := newThread(t)
	cases := []struct {
		name string
		v    vm.Value
		want string
	}{
		{"small int", vm.MakeInt(1), "\x80\x04K\x01."},
		{"negative int", vm.MakeInt(-300), "\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xd4\xfe\xff\xff."},
		{"list", vm.NewList([]vm.Value{vm.MakeInt(1), vm.MakeInt(2), vm.MakeStr("a")}).Value(),
			"\x80\x04\x95\r\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02\x8c\x01a\x94e."},
		{"bytes", vm.NewBytes([]byte("ab")).Value(), "\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00C\x02ab\x94."},
	}
	for _, c := range cases {
		got, err := pickle.Dumps(th, c.v, pickle.DefaultProtocol)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, string(got), c.name)
	}
}

func TestRoundTrip(t *testing.T) {
	th := newThread(t)
	inner := vm.NewList([]vm.Value{vm.MakeInt(1)}).Value()
	d := vm.NewDict()
	d.SetString("k", vm.NewTuple(inner, inner, vm.MakeFloat(2.5), vm.None, vm.True).Value())
	for proto := 0; proto <= pickle.HighestProtocol; proto++ {
		data, err := pickle.Dumps(th, d.Value(), proto)
		require.NoError(t, err)
		back, err := pickle.Loads(th, append([]byte(nil), data...))
		require.NoError(t, err)
		eq, err := vm.Equal(th, back, d.Value())
		require.NoError(t, err)
		assert.True(t, eq, "protocol %d", proto)
		if proto >= 1 {
			// Identity inside the pickle survives (the memo).
			bd, _ := vm.AsDict(back)
			tv, _ := bd.GetString("k")
			tup, _ := vm.AsTuple(tv)
			assert.True(t, tup.At(0).Is(tup.At(1)), "protocol %d", proto)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	th := newThread(t)
	for data, want := range map[string]string{
		"":               "EOFError: Ran out of input",
		"\x80\x04K":      "UnpicklingError: pickle data was truncated",
		"x":              "UnpicklingError: invalid load key, 'x'.",
		"\x80\x04h\x05.": "UnpicklingError: Memo value not found at index 5",
	} {
		_, err := pickle.Loads(th, []byte(data))
		require.Error(t, err)
		assert.Equal(t, want, err.Error())
	}
}
