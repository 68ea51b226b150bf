// Package gc is Python's gc module over Go's garbage collector.
//
// Go's collector is always on and has no generations; the module keeps
// CPython's interface: collect() runs a full Go collection (so weak
// references to unreachable objects die and their callbacks run, see
// stdlib/weakref) and returns 0, enable/disable only toggle the flag
// isenabled() reports, thresholds are stored and reported, and the
// object-graph queries answer with empty lists (Go does not expose the
// graph).
package gc

import (
	"runtime"
	"sync"
	"time"

	"gilpy/stdlib/weakref"
	"gilpy/vm"
)

type state struct {
	mu        sync.Mutex
	enabled   bool
	threshold [3]int64
	frozen    int64
}

func init() {
	vm.RegisterModule("gc", func(th *vm.Thread, m *vm.Module) error {
		s := &state{enabled: true, threshold: [3]int64{700, 10, 10}}
		callbacks := vm.NewList(nil)
		garbage := vm.NewList(nil)
		m.Set("callbacks", callbacks.Value())
		m.Set("garbage", garbage.Value())
		for name, v := range map[string]int64{
			"DEBUG_STATS": 1, "DEBUG_COLLECTABLE": 2, "DEBUG_UNCOLLECTABLE": 4,
			"DEBUG_SAVEALL": 32, "DEBUG_LEAK": 38,
		} {
			m.Set(name, vm.MakeInt(v))
		}
		m.AddFunc("collect", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			gen := vm.MakeInt(2)
			if err := vm.UnpackArgs("collect", args, kw, "generation?", &gen); err != nil {
				return vm.Null, err
			}
			g, err := vm.AsInt64(th, gen)
			if err != nil {
				return vm.Null, err
			}
			if g < 0 || g > 2 {
				return vm.Null, vm.Errorf(vm.ValueError, "invalid generation")
			}
			phase := func(p string) error {
				if callbacks.Len() == 0 {
					return nil
				}
				info := vm.NewDict()
				info.SetString("generation", vm.MakeInt(g))
				info.SetString("collected", vm.MakeInt(0))
				info.SetString("uncollectable", vm.MakeInt(0))
				for _, cb := range append([]vm.Value(nil), callbacks.Items()...) {
					if _, err := vm.Call(th, cb, []vm.Value{vm.MakeStr(p), info.Value()}, nil); err != nil {
						return err
					}
				}
				return nil
			}
			if err := phase("start"); err != nil {
				return vm.Null, err
			}
			th.Blocking(func() {
				runtime.GC()
				runtime.GC()
				// Cleanups (weak reference callbacks) run on a runtime
				// goroutine after the cycle; give them a moment.
				for i := 0; i < 5; i++ {
					runtime.Gosched()
					time.Sleep(100 * time.Microsecond)
				}
			})
			weakref.RunPending(th)
			if err := phase("stop"); err != nil {
				return vm.Null, err
			}
			return vm.MakeInt(0), nil
		})
		m.AddFunc("enable", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			s.enabled = true
			s.mu.Unlock()
			return vm.None, nil
		})
		m.AddFunc("disable", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			s.enabled = false
			s.mu.Unlock()
			return vm.None, nil
		})
		m.AddFunc("isenabled", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return vm.MakeBool(s.enabled), nil
		})
		m.AddFunc("get_threshold", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return vm.NewTuple(vm.MakeInt(s.threshold[0]), vm.MakeInt(s.threshold[1]), vm.MakeInt(s.threshold[2])).Value(), nil
		})
		m.AddFunc("set_threshold", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("set_threshold", args, 1, 3); err != nil {
				return vm.Null, err
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			for i, a := range args {
				n, err := vm.AsInt64(th, a)
				if err != nil {
					return vm.Null, err
				}
				s.threshold[i] = n
			}
			return vm.None, nil
		})
		m.AddFunc("get_count", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.NewTuple(vm.MakeInt(0), vm.MakeInt(0), vm.MakeInt(0)).Value(), nil
		})
		m.AddFunc("get_stats", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			var out []vm.Value
			for i := 0; i < 3; i++ {
				d := vm.NewDict()
				d.SetString("collections", vm.MakeInt(0))
				d.SetString("collected", vm.MakeInt(0))
				d.SetString("uncollectable", vm.MakeInt(0))
				out = append(out, d.Value())
			}
			return vm.NewList(out).Value(), nil
		})
		empty := func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.NewList(nil).Value(), nil }
		m.AddFunc("get_objects", empty)
		m.AddFunc("get_referrers", empty)
		m.AddFunc("get_referents", empty)
		m.AddFunc("is_tracked", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("is_tracked", args, 1, 1); err != nil {
				return vm.Null, err
			}
			v := args[0]
			// CPython tracks containers; atoms (ints, floats, strs, bytes,
			// None, bools) are never tracked.
			switch {
			case v.IsHeap() && v.Type() != vm.StrType && v.Type() != vm.BytesType && v.Type() != vm.IntType && v.Type() != vm.FloatType:
				return vm.True, nil
			}
			return vm.False, nil
		})
		m.AddFunc("is_finalized", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.False, nil })
		m.AddFunc("freeze", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
		m.AddFunc("unfreeze", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
		m.AddFunc("get_freeze_count", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.MakeInt(0), nil })
		m.AddFunc("set_debug", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
		m.AddFunc("get_debug", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return vm.MakeInt(0), nil })
		return nil
	})
}
