// Package atexit is Python's atexit module. Callbacks run in reverse
// order of registration when the interpreter exits (vm.Interp.AtExit),
// after non-daemon threads are joined; an exception in one is reported
// as CPython does ("Exception ignored in atexit callback: ...") and the
// others still run.
package atexit

import (
	"sync"

	"gilpy/vm"
)

type callback struct {
	fn      vm.Value
	args    []vm.Value
	kwnames []vm.Value
}

// state is one interpreter's registry.
type state struct {
	mu  sync.Mutex
	cbs []callback
}

func (s *state) run(th *vm.Thread) {
	for {
		s.mu.Lock()
		if len(s.cbs) == 0 {
			s.mu.Unlock()
			return
		}
		cb := s.cbs[len(s.cbs)-1]
		s.cbs = s.cbs[:len(s.cbs)-1]
		s.mu.Unlock()
		if _, err := vm.Call(th, cb.fn, cb.args, cb.kwnames); err != nil {
			exc := vm.AsException(err)
			if exc.Matches(vm.SystemExit) {
				continue
			}
			th.WriteUnraisable(exc, "Exception ignored in atexit callback: ", cb.fn)
		}
	}
}

func init() {
	vm.RegisterModule("atexit", func(th *vm.Thread, m *vm.Module) error {
		s := &state{}
		th.Interp.AtExit(s.run)
		m.AddFunc("register", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			npos := len(args) - len(kw)
			if npos < 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "register() takes at least 1 argument (0 given)")
			}
			if !vm.Callable(args[0]) {
				return vm.Null, vm.Errorf(vm.TypeError, "the first argument must be callable")
			}
			cb := callback{fn: args[0], args: append([]vm.Value(nil), args[1:]...), kwnames: append([]vm.Value(nil), kw...)}
			s.mu.Lock()
			s.cbs = append(s.cbs, cb)
			s.mu.Unlock()
			return args[0], nil
		})
		m.AddFunc("unregister", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "atexit.unregister() takes exactly one argument (%d given)", len(args))
			}
			s.mu.Lock()
			cbs := append([]callback(nil), s.cbs...)
			s.mu.Unlock()
			var keep []callback
			for _, cb := range cbs {
				eq := cb.fn.Is(args[0])
				if !eq {
					var err error
					if eq, err = vm.Equal(th, cb.fn, args[0]); err != nil {
						return vm.Null, err
					}
				}
				if !eq {
					keep = append(keep, cb)
				}
			}
			s.mu.Lock()
			s.cbs = keep
			s.mu.Unlock()
			return vm.None, nil
		})
		m.AddFunc("_run_exitfuncs", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.run(th)
			return vm.None, nil
		})
		m.AddFunc("_clear", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			s.cbs = nil
			s.mu.Unlock()
			return vm.None, nil
		})
		m.AddFunc("_ncallbacks", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return vm.MakeInt(int64(len(s.cbs))), nil
		})
		return nil
	})
}
