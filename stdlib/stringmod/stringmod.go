// Package stringmod is the _string module: the parser of str.format
// strings that string.Formatter builds on (formatter_parser and
// formatter_field_name_split), sharing the VM's str.format code so that
// both parse and fail alike.
package stringmod

import "gilpy/vm"

func init() { vm.RegisterModule("_string", initModule) }

func initModule(th *vm.Thread, m *vm.Module) error {
	m.Set("__doc__", vm.MakeStr("string helper module"))
	strArg := func(name string, args, kw []vm.Value) (*vm.Str, error) {
		if len(kw) > 0 {
			return nil, vm.Errorf(vm.TypeError, "%s() takes no keyword arguments", name)
		}
		if len(args) != 1 {
			return nil, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "%s() argument must be str, not %s", name, vm.TypeName(args[0]))
		}
		return s, nil
	}
	m.AddFunc("formatter_parser", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		s, err := strArg("formatter_parser", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.FormatterParser(s), nil
	})
	m.AddFunc("formatter_field_name_split", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		s, err := strArg("formatter_field_name_split", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.FormatterFieldNameSplit(s)
	})
	return nil
}
