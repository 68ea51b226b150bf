package multiprocessing

// _multiprocessing.SemLock: the semaphore every multiprocessing lock is
// made of (CPython: Modules/_multiprocessing/semaphore.c over a POSIX
// named semaphore; gilpy: the futex semaphore of futex.go in a shared
// block). As in CPython, the owner thread and recursion count of a lock
// are kept in the process-local object, since only the owner reads them.

import (
	"fmt"

	"gilpy/vm"
)

const (
	recursiveMutex = 0
	semaphoreKind  = 1
)

// arenaObj is the Python face of an arena, so that a pickle refers to
// each arena once (the memo) and the child maps it once.
type arenaObj struct {
	vm.Object
	a *arena
}

var arenaLayout = vm.NewLayout[arenaObj]("_Arena")

var arenaType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_Arena", Module: "_gilpy_mp", Layout: arenaLayout.Info(),
	Methods: []*vm.BuiltinMethod{
		{Name: "__reduce__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			a := arenaLayout.Must(args[0]).a
			ctx := currentSpawn(th)
			if ctx == nil {
				return vm.Null, vm.Errorf(vm.RuntimeError, "shared memory should only be shared between processes through inheritance")
			}
			i, err := ctx.register(a.fd)
			if err != nil {
				return vm.Null, err
			}
			fn, err := mpFunc(th, "_rebuild_arena")
			if err != nil {
				return vm.Null, err
			}
			return vm.NewTuple(fn, vm.NewTuple(vm.MakeInt(int64(i)), vm.MakeInt(int64(a.size))).Value()).Value(), nil
		}},
	},
})

// arenaValues maps an arena to its Python object, per interpreter.
type arenaKey struct {
	in *vm.Interp
	a  *arena
}

var arenaValues = map[arenaKey]*arenaObj{}

func arenaValue(th *vm.Thread, a *arena) vm.Value {
	theHeap.mu.Lock()
	defer theHeap.mu.Unlock()
	k := arenaKey{th.Interp, a}
	if o, ok := arenaValues[k]; ok {
		return o.Value()
	}
	o := arenaLayout.New(arenaType)
	o.a = a
	arenaValues[k] = o
	return o.Value()
}

// rebuildArena maps inherited arena number i in a child.
func rebuildArena(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "_rebuild_arena() expects 2 arguments")
	}
	i, _ := vm.IntToInt64(args[0])
	size, _ := vm.IntToInt64(args[1])
	a, err := mapArena(firstInherited+int(i), int(size))
	if err != nil {
		return vm.Null, vm.Errorf(vm.OSError, "cannot map shared memory: %v", err)
	}
	return arenaValue(th, a), nil
}

// blockRef is a block as pickle arguments: (arena, offset, size).
func blockRef(th *vm.Thread, b block) []vm.Value {
	return []vm.Value{arenaValue(th, b.a), vm.MakeInt(int64(b.off)), vm.MakeInt(int64(b.size))}
}

func blockFromRef(args []vm.Value) (block, error) {
	if len(args) < 3 {
		return block{}, vm.Errorf(vm.TypeError, "bad shared block reference")
	}
	ao, ok := arenaLayout.Cast(args[0])
	off, ok1 := vm.IntToInt64(args[1])
	size, ok2 := vm.IntToInt64(args[2])
	if !ok || !ok1 || !ok2 || off < 0 || size < 0 || int(off+size) > ao.a.size {
		return block{}, vm.Errorf(vm.ValueError, "bad shared block reference")
	}
	return block{ao.a, int(off), int(size)}, nil
}

// SemLock is _multiprocessing.SemLock.
type SemLock struct {
	vm.Object
	blk      block
	s        sem
	kind     int
	maxvalue int
	name     vm.Value
	count    int   // acquisitions by this process (recursion depth for RLock)
	lastTid  int64 // the thread that last acquired it
}

var semLockLayout = vm.NewLayout[SemLock]("SemLock")

func (l *SemLock) isMine(th *vm.Thread) bool { return l.count > 0 && l.lastTid == th.ID }

// acquire is SemLock.acquire(block, timeout).
func (l *SemLock) acquire(th *vm.Thread, blocking bool, timeout vm.Value) (bool, error) {
	if l.kind == recursiveMutex && l.isMine(th) {
		l.count++
		return true, nil
	}
	d, err := timeoutArg(th, timeout)
	if err != nil {
		return false, err
	}
	ok := l.s.tryAcquire()
	if !ok && blocking && d != 0 {
		th.Blocking(func() { ok = l.s.acquire(d) })
	}
	if !ok {
		return false, nil
	}
	l.count++
	l.lastTid = th.ID
	return true, nil
}

func (l *SemLock) release(th *vm.Thread) error {
	if l.kind == recursiveMutex {
		if !l.isMine(th) {
			return vm.Errorf(vm.AssertionError, "attempt to release recursive lock not owned by thread")
		}
		if l.count > 1 {
			l.count--
			return nil
		}
	} else if int(l.s.value()) >= l.maxvalue {
		return vm.Errorf(vm.ValueError, "semaphore or lock released too many times")
	}
	l.s.release()
	l.count--
	return nil
}

func newSemLock(t *vm.Type, kind, value, maxvalue int, name vm.Value) (*SemLock, error) {
	b, err := alloc(8)
	if err != nil {
		return nil, vm.Errorf(vm.OSError, "cannot allocate shared memory: %v", err)
	}
	l := semLockLayout.New(t)
	l.blk, l.s, l.kind, l.maxvalue, l.name = b, semAt(b), kind, maxvalue, name
	l.s.init(uint32(value))
	return l, nil
}

var semLockType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "SemLock", Module: "_multiprocessing", Layout: semLockLayout.Info(),
	Doc: "Semaphore/Mutex type",
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			var kind, value, maxvalue, name, unlink vm.Value = vm.Null, vm.Null, vm.Null, vm.None, vm.False
			if err := vm.UnpackArgs("SemLock", args, kw, "kind", &kind, "value", &value, "maxvalue", &maxvalue, "name?", &name, "unlink?", &unlink); err != nil {
				return vm.Null, err
			}
			k, _ := vm.IntToInt64(kind)
			v, _ := vm.IntToInt64(value)
			m, _ := vm.IntToInt64(maxvalue)
			if k != recursiveMutex && k != semaphoreKind {
				return vm.Null, vm.Errorf(vm.ValueError, "unrecognized kind")
			}
			if v < 0 || v > semValueMax {
				return vm.Null, vm.Errorf(vm.ValueError, "invalid value")
			}
			l, err := newSemLock(t, int(k), int(v), int(m), name)
			if err != nil {
				return vm.Null, err
			}
			return l.Value(), nil
		},
	},
	Attrs: map[string]vm.Value{"SEM_VALUE_MAX": vm.MakeInt(semValueMax)},
	Methods: []*vm.BuiltinMethod{
		{Name: "acquire", Fn: semAcquire},
		{Name: "__enter__", Fn: semAcquire},
		{Name: "release", Fn: semRelease},
		{Name: "__exit__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return semRelease(th, args[:1], nil)
		}},
		{Name: "_count", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(semLockLayout.Must(args[0]).count)), nil
		}},
		{Name: "_is_mine", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(semLockLayout.Must(args[0]).isMine(th)), nil
		}},
		{Name: "_get_value", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(semLockLayout.Must(args[0]).s.value())), nil
		}},
		{Name: "_is_zero", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(semLockLayout.Must(args[0]).s.value() == 0), nil
		}},
		{Name: "_after_fork", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			semLockLayout.Must(args[0]).count = 0
			return vm.None, nil
		}},
		{Name: "__reduce__", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			l := semLockLayout.Must(args[0])
			if currentSpawn(th) == nil {
				return vm.Null, vm.Errorf(vm.RuntimeError, "SemLock objects should only be shared between processes through inheritance")
			}
			fn, err := mpFunc(th, "_rebuild_semlock")
			if err != nil {
				return vm.Null, err
			}
			a := append(blockRef(th, l.blk), vm.MakeInt(int64(l.kind)), vm.MakeInt(int64(l.maxvalue)), l.name)
			return vm.NewTuple(fn, vm.NewTuple(a...).Value()).Value(), nil
		}},
	},
	Getters: []*vm.GetSet{
		{Name: "kind", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(semLockLayout.Must(v).kind)), nil
		}},
		{Name: "maxvalue", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeInt(int64(semLockLayout.Must(v).maxvalue)), nil
		}},
		{Name: "name", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return semLockLayout.Must(v).name, nil }},
		{Name: "handle", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			l := semLockLayout.Must(v)
			return vm.MakeInt(l.blk.a.id<<32 | int64(l.blk.off)), nil
		}},
	},
})

func semAcquire(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	l := semLockLayout.Must(args[0])
	var block, timeout vm.Value = vm.True, vm.None
	if err := vm.UnpackArgs("acquire", args[1:], kw, "block?", &block, "timeout?", &timeout); err != nil {
		return vm.Null, err
	}
	b, err := vm.Truth(th, block)
	if err != nil {
		return vm.Null, err
	}
	ok, err := l.acquire(th, b, timeout)
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeBool(ok), nil
}

func semRelease(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := semLockLayout.Must(args[0]).release(th); err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}

// rebuildSemLock is the child's half of SemLock pickling.
func rebuildSemLock(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 6 {
		return vm.Null, vm.Errorf(vm.TypeError, "_rebuild_semlock() expects 6 arguments")
	}
	b, err := blockFromRef(args)
	if err != nil {
		return vm.Null, err
	}
	kind, _ := vm.IntToInt64(args[3])
	maxv, _ := vm.IntToInt64(args[4])
	l := semLockLayout.New(semLockType)
	l.blk, l.s, l.kind, l.maxvalue, l.name = b, semAt(b), int(kind), int(maxv), args[5]
	return l.Value(), nil
}

// mpFunc returns _gilpy_mp.name (imported, so that the pickler's
// identity check holds).
func mpFunc(th *vm.Thread, name string) (vm.Value, error) {
	m, err := th.ImportModule("_gilpy_mp")
	if err != nil {
		return vm.Null, err
	}
	v, ok := m.Get(name)
	if !ok {
		return vm.Null, vm.Errorf(vm.SystemError, "%s", fmt.Sprintf("_gilpy_mp.%s is missing", name))
	}
	return v, nil
}
