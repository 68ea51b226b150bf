// Package bisect is Python's bisect module (bisect_left/right,
// insort_left/right, with lo, hi and key), in Go because it sits inside
// loops that search sorted lists.
package bisect

import (
	"gilpy/vm"
)

func init() {
	vm.RegisterModule("bisect", initModule)
	vm.RegisterModule("_bisect", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	right := func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return search(th, "bisect_right", args, kw, true, false)
	}
	left := func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return search(th, "bisect_left", args, kw, false, false)
	}
	m.AddFunc("bisect_right", right)
	m.AddFunc("bisect_left", left)
	m.AddFunc("insort_right", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return search(th, "insort_right", args, kw, true, true)
	})
	m.AddFunc("insort_left", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return search(th, "insort_left", args, kw, false, true)
	})
	b, _ := m.Get("bisect_right")
	m.Set("bisect", b)
	i, _ := m.Get("insort_right")
	m.Set("insort", i)
	return nil
}

func search(th *vm.Thread, name string, args, kw []vm.Value, right, insert bool) (vm.Value, error) {
	a, x, loV, hiV, key := vm.Null, vm.Null, vm.MakeInt(0), vm.None, vm.None
	if err := vm.UnpackArgs(name, args, kw, "a", &a, "x", &x, "lo?", &loV, "hi?", &hiV, "*", "key?", &key); err != nil {
		return vm.Null, err
	}
	lo, err := vm.AsIndex(th, loV)
	if err != nil {
		return vm.Null, err
	}
	if lo < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "lo must be non-negative")
	}
	var hi int
	if hiV.IsNone() {
		hi, err = vm.Len(th, a)
	} else {
		hi, err = vm.AsIndex(th, hiV)
	}
	if err != nil {
		return vm.Null, err
	}
	// The key applies to the list's items; insort applies it to x too,
	// bisect takes x as already a key.
	kx := x
	if insert && !key.IsNone() {
		kx, err = vm.Call(th, key, []vm.Value{x}, nil)
		if err != nil {
			return vm.Null, err
		}
	}
	list, isList := vm.AsList(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		var item vm.Value
		if isList && list.Type() == vm.ListType && mid < list.Len() {
			item = list.Items()[mid]
		} else {
			item, err = vm.GetItem(th, a, vm.MakeInt(int64(mid)))
			if err != nil {
				return vm.Null, err
			}
		}
		if !key.IsNone() {
			item, err = vm.Call(th, key, []vm.Value{item}, nil)
			if err != nil {
				return vm.Null, err
			}
		}
		var less bool
		if right {
			less, err = vm.RichCompareBool(th, kx, item, vm.CmpLT)
		} else {
			less, err = vm.RichCompareBool(th, item, kx, vm.CmpLT)
			less = !less
		}
		if err != nil {
			return vm.Null, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if !insert {
		return vm.MakeInt(int64(lo)), nil
	}
	if _, err = vm.CallMethod(th, a, "insert", vm.MakeInt(int64(lo)), x); err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}
