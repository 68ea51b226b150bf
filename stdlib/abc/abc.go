// Package abc is the _abc helper module behind stdlib/pylib/lib/abc.py:
// the one thing Python code cannot do itself, marking a class as a
// mapping or a sequence for match statements (CPython's
// Py_TPFLAGS_MAPPING / Py_TPFLAGS_SEQUENCE, set through __abc_tpflags__
// and ABCMeta.register).
package abc

import "gilpy/vm"

// The flag values CPython's collections.abc uses in __abc_tpflags__.
const (
	tpflagsSequence = 1 << 5
	tpflagsMapping  = 1 << 6
)

func init() {
	vm.RegisterModule("_abc", func(th *vm.Thread, m *vm.Module) error {
		m.AddFunc("_set_collection_flag", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("_set_collection_flag", args, 2, 2); err != nil {
				return vm.Null, err
			}
			t, ok := vm.AsType(args[0])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "expected a type")
			}
			f, err := vm.AsInt64(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			if t.IsHeapType() {
				vm.SetMatchFlags(t, f&tpflagsMapping != 0, f&tpflagsSequence != 0)
			}
			return vm.None, nil
		})
		return nil
	})
}
