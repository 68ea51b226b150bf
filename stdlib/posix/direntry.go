package posix

// os.scandir and its DirEntry objects.

import (
	"os"
	"syscall"

	"gilpy/vm"
)

// DirEntry is one entry of a scandir() listing. The d_type the kernel
// reported is cached, as CPython does; stat results are fetched lazily.
type DirEntry struct {
	vm.Object
	name, path string
	bytes      bool
	typ        os.FileMode // type bits from readdir; ModeIrregular if unknown
	ino        uint64
	stat       vm.Value // Null until fetched (following symlinks)
	lstat      vm.Value
}

var (
	dirEntryLayout = vm.NewLayout[DirEntry]("posix.DirEntry")
	dirEntryType   *vm.Type

	scandirIterLayout = vm.NewLayout[scandirIter]("posix.ScandirIterator")
	scandirIterType   *vm.Type
)

type scandirIter struct {
	vm.Object
	entries []vm.Value
	i       int
	closed  bool
}

func (e *DirEntry) fetch(th *vm.Thread, follow bool) (vm.Value, error) {
	if follow && e.typ&os.ModeSymlink == 0 && !e.lstat.IsNull() {
		return e.lstat, nil
	}
	slot := &e.lstat
	if follow {
		slot = &e.stat
	}
	if !slot.IsNull() {
		return *slot, nil
	}
	var st syscall.Stat_t
	var err error
	if follow {
		err = syscall.Stat(e.path, &st)
	} else {
		err = syscall.Lstat(e.path, &st)
	}
	if err != nil {
		return vm.Null, osErr(err, strOrBytes(e.path, e.bytes))
	}
	*slot = makeStat(&st)
	return *slot, nil
}

func (e *DirEntry) testMode(th *vm.Thread, follow bool, want uint32) (bool, error) {
	if e.typ&os.ModeIrregular == 0 && !(follow && e.typ&os.ModeSymlink != 0) {
		switch want {
		case syscall.S_IFDIR:
			return e.typ.IsDir(), nil
		case syscall.S_IFREG:
			return e.typ.IsRegular(), nil
		case syscall.S_IFLNK:
			return e.typ&os.ModeSymlink != 0, nil
		}
	}
	st, err := e.fetch(th, follow)
	if err != nil {
		if exc := vm.AsException(err); exc.Matches(vm.FileNotFoundError) {
			return false, nil
		}
		return false, err
	}
	t, _ := vm.AsTuple(st)
	mode, _ := vm.IntToInt64(t.At(0))
	return uint32(mode)&syscall.S_IFMT == want, nil
}

func followArg(th *vm.Thread, name string, args, kw []vm.Value) (bool, error) {
	follow := vm.True
	if err := vm.UnpackArgs(name, args[1:], kw, "*", "follow_symlinks?", &follow); err != nil {
		return false, err
	}
	return vm.Truth(th, follow)
}

func initDirEntry() {
	self := func(v vm.Value) *DirEntry { return dirEntryLayout.Must(v) }
	modeMethod := func(name string, want uint32, hasFollow bool) *vm.BuiltinMethod {
		return &vm.BuiltinMethod{Name: name, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			follow := false
			if hasFollow {
				var err error
				if follow, err = followArg(th, name, args, kw); err != nil {
					return vm.Null, err
				}
			}
			ok, err := self(args[0]).testMode(th, follow, want)
			return vm.MakeBool(ok), err
		}}
	}
	dirEntryType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "DirEntry", Module: "posix", Layout: dirEntryLayout.Info(), Final: true,
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				return vm.Null, vm.Errorf(vm.TypeError, "cannot create 'posix.DirEntry' instances")
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				r, err := vm.Repr(th, strOrBytes(self(v).name, self(v).bytes))
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeStr("<DirEntry " + r.String() + ">"), nil
			},
		},
		Getters: []*vm.GetSet{
			{Name: "name", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return strOrBytes(self(v).name, self(v).bytes), nil
			}},
			{Name: "path", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return strOrBytes(self(v).path, self(v).bytes), nil
			}},
		},
		Methods: []*vm.BuiltinMethod{
			modeMethod("is_dir", syscall.S_IFDIR, true),
			modeMethod("is_file", syscall.S_IFREG, true),
			modeMethod("is_symlink", syscall.S_IFLNK, false),
			{Name: "stat", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				follow, err := followArg(th, "stat", args, kw)
				if err != nil {
					return vm.Null, err
				}
				return self(args[0]).fetch(th, follow)
			}},
			{Name: "inode", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.MakeInt(int64(self(args[0]).ino)), nil
			}},
			{Name: "is_junction", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.False, nil
			}},
			{Name: "__fspath__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return strOrBytes(self(args[0]).path, self(args[0]).bytes), nil
			}},
			{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.NewGenericAlias(args[0], args[1]), nil
			}},
		},
	})
	iself := func(v vm.Value) *scandirIter { return scandirIterLayout.Must(v) }
	scandirIterType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "ScandirIterator", Module: "posix", Layout: scandirIterLayout.Info(), Final: true,
		Slots: vm.Slots{
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil },
			Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				it := iself(v)
				if it.closed || it.i >= len(it.entries) {
					it.closed = true
					return vm.Null, nil
				}
				e := it.entries[it.i]
				it.i++
				return e, nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "close", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				iself(args[0]).closed = true
				return vm.None, nil
			}},
			{Name: "__enter__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__exit__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				iself(args[0]).closed = true
				return vm.False, nil
			}},
		},
	})
}

func scandir(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	pathV := vm.None
	if err := vm.UnpackArgs("scandir", args, kw, "path?", &pathV); err != nil {
		return vm.Null, err
	}
	p := pathArg{s: ".", fd: -1, orig: vm.MakeStr(".")}
	prefix := ""
	if !pathV.IsNone() {
		var err error
		if p, err = getPath(th, "scandir", "path", pathV, true); err != nil {
			return vm.Null, err
		}
		prefix = p.s
	}
	var ents []os.DirEntry
	var rerr error
	th.Blocking(func() {
		var f *os.File
		if p.fd >= 0 {
			nfd, err := syscall.Dup(p.fd)
			if err != nil {
				rerr = err
				return
			}
			f = os.NewFile(uintptr(nfd), "")
		} else {
			f, rerr = os.Open(p.s)
			if rerr != nil {
				return
			}
		}
		defer f.Close()
		ents, rerr = f.ReadDir(-1)
	})
	if rerr != nil {
		return vm.Null, osErr(rerr, p.orig)
	}
	it := scandirIterLayout.New(scandirIterType)
	for _, de := range ents {
		e := dirEntryLayout.New(dirEntryType)
		e.name, e.bytes = de.Name(), p.bytes
		switch {
		case prefix == "":
			e.path = de.Name()
		case prefix[len(prefix)-1] == '/':
			e.path = prefix + de.Name()
		default:
			e.path = prefix + "/" + de.Name()
		}
		if p.fd >= 0 {
			e.path = de.Name()
		}
		e.typ = de.Type()
		e.stat, e.lstat = vm.Null, vm.Null
		var st syscall.Stat_t
		if err := syscall.Lstat(e.path, &st); err == nil {
			e.ino = st.Ino
		}
		it.entries = append(it.entries, e.Value())
	}
	return it.Value(), nil
}
