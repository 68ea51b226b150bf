// Package traceback is the _gilpy_traceback helper module behind
// traceback.py: it hands the VM's traceback printer to Python, so that
// traceback.print_exc() and friends print exactly what an uncaught
// exception prints, and it supplies instruction positions (the PEP 657
// spans behind the ^^^ markers) for frames and tracebacks.
package traceback

import (
	"gilpy/vm"
	"gilpy/vm/code"
)

func posTuple(p code.Position) vm.Value {
	return vm.NewTuple(vm.MakeInt(int64(p.Line)), vm.MakeInt(int64(p.EndLine)), vm.MakeInt(int64(p.Col)), vm.MakeInt(int64(p.EndCol))).Value()
}

func excArg(args []vm.Value) (*vm.Exception, error) {
	if len(args) != 1 {
		return nil, vm.Errorf(vm.TypeError, "expected one exception")
	}
	e, ok := vm.AsExceptionValue(args[0])
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "expected an exception, not %s", vm.TypeName(args[0]))
	}
	return e, nil
}

func init() {
	vm.RegisterModule("_gilpy_traceback", func(th *vm.Thread, m *vm.Module) error {
		m.AddFunc("format_exception", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			e, err := excArg(args)
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeStr(vm.FormatException(th, e)), nil
		})
		m.AddFunc("format_exception_only", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			e, err := excArg(args)
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeStr(vm.FormatExceptionOnly(th, e)), nil
		})
		m.AddFunc("tb_position", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			tb, ok := vm.AsTraceback(args[0])
			if !ok {
				return vm.None, nil
			}
			return posTuple(tb.Position()), nil
		})
		m.AddFunc("frame_position", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			f, ok := vm.AsFrameObject(args[0])
			if !ok {
				return vm.None, nil
			}
			p, ok := vm.FramePosition(f)
			if !ok {
				return vm.None, nil
			}
			return posTuple(p), nil
		})
		m.AddFunc("carets", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("carets", args, 3, 3); err != nil {
				return vm.Null, err
			}
			line, _ := vm.AsStr(args[0])
			lineno, _ := vm.IntToInt64(args[1])
			t, ok := vm.AsTuple(args[2])
			if line == nil || !ok || t.Len() != 4 {
				return vm.MakeStr(""), nil
			}
			get := func(i int) int32 { n, _ := vm.IntToInt64(t.At(i)); return int32(n) }
			p := code.Position{Line: get(0), EndLine: get(1), Col: get(2), EndCol: get(3)}
			return vm.MakeStr(vm.FormatCarets(line.String(), int(lineno), p)), nil
		})
		m.AddFunc("source_line", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("source_line", args, 2, 2); err != nil {
				return vm.Null, err
			}
			f, _ := vm.AsStr(args[0])
			n, _ := vm.IntToInt64(args[1])
			if f == nil {
				return vm.MakeStr(""), nil
			}
			return vm.MakeStr(vm.SourceLine(f.String(), int(n))), nil
		})
		return nil
	})
}
