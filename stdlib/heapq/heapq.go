// Package heapq is the _heapq module: the heap operations on lists, in Go
// because priority queues sit in hot loops. The sift algorithms are the
// ones CPython uses, so a heap's list layout (which programs print) is
// identical. heapq.py adds merge, nlargest and nsmallest.
package heapq

import (
	"gilpy/vm"
)

func listArg(fn string, v vm.Value) (*vm.List, error) {
	l, ok := vm.AsList(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "%s() argument 1 must be list, not %s", fn, vm.TypeName(v))
	}
	return l, nil
}

func less(th *vm.Thread, a, b vm.Value, max bool) (bool, error) {
	if max {
		return vm.RichCompareBool(th, b, a, vm.CmpLT)
	}
	return vm.RichCompareBool(th, a, b, vm.CmpLT)
}

// siftDown moves the item at pos up towards startpos while it is smaller
// than its parent (CPython's _siftdown).
func siftDown(th *vm.Thread, l *vm.List, startpos, pos int, max bool) error {
	items := l.Items()
	n := len(items)
	newitem := items[pos]
	for pos > startpos {
		parentpos := (pos - 1) >> 1
		parent := l.Items()[parentpos]
		lt, err := less(th, newitem, parent, max)
		if err != nil {
			return err
		}
		if len(l.Items()) != n {
			return vm.Errorf(vm.RuntimeError, "list changed size during iteration")
		}
		if !lt {
			break
		}
		l.Items()[pos] = parent
		pos = parentpos
	}
	l.Items()[pos] = newitem
	return nil
}

// siftUp moves the smaller child up until a leaf, then places the item
// with siftDown (CPython's bottom-up _siftup).
func siftUp(th *vm.Thread, l *vm.List, pos int, max bool) error {
	endpos := len(l.Items())
	startpos := pos
	newitem := l.Items()[pos]
	childpos := 2*pos + 1
	for childpos < endpos {
		rightpos := childpos + 1
		if rightpos < endpos {
			items := l.Items()
			lt, err := less(th, items[childpos], items[rightpos], max)
			if err != nil {
				return err
			}
			if len(l.Items()) != endpos {
				return vm.Errorf(vm.RuntimeError, "list changed size during iteration")
			}
			if !lt {
				childpos = rightpos
			}
		}
		items := l.Items()
		items[pos] = items[childpos]
		pos = childpos
		childpos = 2*pos + 1
	}
	l.Items()[pos] = newitem
	return siftDown(th, l, startpos, pos, max)
}

func heappush(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("heappush", args, 2, 2); err != nil {
		return vm.Null, err
	}
	l, err := listArg("heappush", args[0])
	if err != nil {
		return vm.Null, err
	}
	l.Append(args[1])
	return vm.None, siftDown(th, l, 0, l.Len()-1, false)
}

func pop(th *vm.Thread, args []vm.Value, name string, max bool) (vm.Value, error) {
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	l, err := listArg(name, args[0])
	if err != nil {
		return vm.Null, err
	}
	items := l.Items()
	if len(items) == 0 {
		return vm.Null, vm.Errorf(vm.IndexError, "index out of range")
	}
	last := items[len(items)-1]
	items[len(items)-1] = vm.Value{}
	l.SetItems(items[:len(items)-1])
	if l.Len() == 0 {
		return last, nil
	}
	ret := l.Items()[0]
	l.Items()[0] = last
	return ret, siftUp(th, l, 0, max)
}

func replace(th *vm.Thread, args []vm.Value, name string, max bool) (vm.Value, error) {
	if err := vm.ArgCount(name, args, 2, 2); err != nil {
		return vm.Null, err
	}
	l, err := listArg(name, args[0])
	if err != nil {
		return vm.Null, err
	}
	if l.Len() == 0 {
		return vm.Null, vm.Errorf(vm.IndexError, "index out of range")
	}
	ret := l.Items()[0]
	l.Items()[0] = args[1]
	return ret, siftUp(th, l, 0, max)
}

func heapify(th *vm.Thread, args []vm.Value, name string, max bool) (vm.Value, error) {
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	l, err := listArg(name, args[0])
	if err != nil {
		return vm.Null, err
	}
	for i := l.Len()/2 - 1; i >= 0; i-- {
		if err := siftUp(th, l, i, max); err != nil {
			return vm.Null, err
		}
	}
	return vm.None, nil
}

func init() {
	vm.RegisterModule("_heapq", func(th *vm.Thread, m *vm.Module) error {
		m.AddFunc("heappush", heappush)
		m.AddFunc("heappop", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return pop(th, args, "heappop", false) })
		m.AddFunc("heapreplace", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return replace(th, args, "heapreplace", false)
		})
		m.AddFunc("heappushpop", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("heappushpop", args, 2, 2); err != nil {
				return vm.Null, err
			}
			l, err := listArg("heappushpop", args[0])
			if err != nil {
				return vm.Null, err
			}
			item := args[1]
			if l.Len() == 0 {
				return item, nil
			}
			top := l.Items()[0]
			lt, err := vm.RichCompareBool(th, top, item, vm.CmpLT)
			if err != nil {
				return vm.Null, err
			}
			if !lt {
				return item, nil
			}
			if l.Len() == 0 {
				return vm.Null, vm.Errorf(vm.IndexError, "index out of range")
			}
			l.Items()[0] = item
			return top, siftUp(th, l, 0, false)
		})
		m.AddFunc("heapify", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return heapify(th, args, "heapify", false) })
		m.AddFunc("_heapify_max", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return heapify(th, args, "_heapify_max", true)
		})
		m.AddFunc("_heappop_max", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return pop(th, args, "_heappop_max", true) })
		m.AddFunc("_heapreplace_max", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return replace(th, args, "_heapreplace_max", true)
		})
		return nil
	})
}
