package vm

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The error messages are CPython 3.11's for builtins that unpack their
// arguments with Argument Clinic (checked against round(), int(), str()).
func TestUnpackArgs(t *testing.T) {
	one, two, three := MakeInt(1), MakeInt(2), MakeInt(3)
	kw := func(names ...string) []Value {
		var vs []Value
		for _, n := range names {
			vs = append(vs, MakeStr(n))
		}
		return vs
	}
	tests := []struct {
		name    string
		args    []Value
		kwnames []Value
		want    [3]Value // a, b, c after unpacking; Null = untouched
		err     string
	}{
		{"positional", []Value{one, two}, nil, [3]Value{one, two, Null}, ""},
		{"all positional", []Value{one, two, three}, nil, [3]Value{one, two, Null}, "f() takes at most 2 arguments (3 given)"},
		{"keyword", []Value{one, two}, kw("b"), [3]Value{one, two, Null}, ""},
		{"keyword only", []Value{one, three}, kw("c"), [3]Value{one, Null, three}, ""},
		{"missing", nil, nil, [3]Value{}, "f() missing required argument 'a' (pos 1)"},
		{"optional keyword only omitted", []Value{one, two}, nil, [3]Value{}, ""},
		{"unknown keyword", []Value{one, two}, kw("zz"), [3]Value{}, "'zz' is an invalid keyword argument for f()"},
		{"twice", []Value{one, two}, kw("a"), [3]Value{}, "argument for f() given by name ('a') and position (1)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b, c := Null, Null, Null
			err := UnpackArgs("f", tc.args, tc.kwnames, "a", &a, "b?", &b, "*", "c?", &c)
			if tc.err != "" {
				if assert.Error(t, err) {
					assert.Equal(t, tc.err, err.(*Exception).message())
				}
				return
			}
			assert.NoError(t, err)
			if tc.want != [3]Value{} {
				assert.Equal(t, tc.want, [3]Value{a, b, c})
			}
		})
	}
}

func TestUnpackArgsKeywordOnlyRequired(t *testing.T) {
	a, k := Null, Null
	err := UnpackArgs("g", []Value{MakeInt(1)}, nil, "a", &a, "*", "key", &k)
	assert.Equal(t, "g() missing required keyword-only argument: 'key'", err.(*Exception).message())
}

func TestUnpackArgsPositionalOnly(t *testing.T) {
	a, b := Null, Null
	err := UnpackArgs("h", []Value{MakeInt(1), MakeInt(2)}, kw1("a"), "a", &a, "/", "b?", &b)
	assert.Equal(t, "'a' is an invalid keyword argument for h()", err.(*Exception).message())
}

func kw1(n string) []Value { return []Value{MakeStr(n)} }

// The common case must not allocate: builtins call UnpackArgs on every call.
func TestUnpackArgsDoesNotAllocate(t *testing.T) {
	args := []Value{MakeInt(1), MakeInt(2)}
	allocs := testing.AllocsPerRun(100, func() {
		a, b, c := Null, Null, Null
		_ = UnpackArgs("f", args, nil, "a", &a, "b?", &b, "c?", &c)
	})
	assert.Zero(t, allocs)
}
