package thread

// _thread._local (threading.local): an object whose attributes are
// different in every thread. Each thread keeps its own dict per local
// object in vm.Thread.Local; attribute lookup follows object's rules with
// that dict in place of the instance dict. The first time a thread touches
// a local of a subclass with an __init__, __init__ runs in that thread with
// the arguments the object was created with, as in CPython.
//
// A thread's dicts live as long as the thread (CPython drops them when the
// local object dies, through weak references).

import (
	"gilpy/vm"
)

type local struct {
	vm.Object
	args    []vm.Value // constructor arguments, keyword values last
	kwnames []vm.Value
}

var localLayout = vm.NewLayout[local]("_local")

// LocalType is _thread._local.
var LocalType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "_local", Module: "_thread", Layout: localLayout.Info(),
	Doc: "Thread-local data",
	Slots: vm.Slots{
		New:     localNew,
		GetAttr: localGetAttr,
		SetAttr: localSetAttr,
	},
})

func localNew(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) > 0 {
		if t.Lookup(vm.Intern("__init__")).Is(vm.ObjectType.LookupString("__init__")) {
			return vm.Null, vm.Errorf(vm.TypeError, "Initialization arguments are not supported")
		}
	}
	l := localLayout.New(t)
	l.args = append([]vm.Value(nil), args...)
	l.kwnames = append([]vm.Value(nil), kw...)
	// The creating thread's dict exists at once; type() calls __init__.
	localDicts(th)[&l.Object] = vm.NewDict()
	return l.Value(), nil
}

func localDicts(th *vm.Thread) map[*vm.Object]*vm.Dict {
	if th.Local == nil {
		th.Local = map[*vm.Object]*vm.Dict{}
	}
	return th.Local
}

// dictFor returns th's dict for the local self, creating it (and running
// __init__) on the thread's first access.
func dictFor(th *vm.Thread, self vm.Value) (*vm.Dict, error) {
	l := localLayout.Must(self)
	m := localDicts(th)
	if d, ok := m[&l.Object]; ok {
		return d, nil
	}
	d := vm.NewDict()
	m[&l.Object] = d
	t := self.Type()
	if init := t.Lookup(vm.Intern("__init__")); !init.Is(vm.ObjectType.LookupString("__init__")) {
		if _, err := vm.CallMethodKw(th, self, "__init__", l.args, l.kwnames); err != nil {
			delete(m, &l.Object)
			return nil, err
		}
	}
	return d, nil
}

// typeName is the type's name as CPython's tp_name shows it in messages.
func typeName(t *vm.Type) string {
	if t.Name == "_local" && t.ModuleName() == "_thread" {
		return "_thread._local"
	}
	return t.Name
}

func localGetAttr(th *vm.Thread, self vm.Value, name *vm.Str) (vm.Value, error) {
	d, err := dictFor(th, self)
	if err != nil {
		return vm.Null, err
	}
	if name.String() == "__dict__" {
		return d.Value(), nil
	}
	t := self.Type()
	descr := t.Lookup(name)
	var dt *vm.Type
	if !descr.IsNull() {
		dt = descr.Type()
		if dt.DescrGet != nil && dt.DescrSet != nil {
			return dt.DescrGet(th, descr, self, t)
		}
	}
	if v, ok := d.GetStr(name); ok {
		return v, nil
	}
	if dt != nil {
		if dt.DescrGet != nil {
			return dt.DescrGet(th, descr, self, t)
		}
		return descr, nil
	}
	return vm.Null, vm.Errorf(vm.AttributeError, "'%s' object has no attribute '%s'", typeName(t), name.String())
}

func localSetAttr(th *vm.Thread, self vm.Value, name *vm.Str, v vm.Value) error {
	if name.String() == "__dict__" {
		return vm.Errorf(vm.AttributeError, "'%s' object attribute '__dict__' is read-only", typeName(self.Type()))
	}
	d, err := dictFor(th, self)
	if err != nil {
		return err
	}
	t := self.Type()
	if descr := t.Lookup(name); !descr.IsNull() {
		if ds := descr.Type().DescrSet; ds != nil {
			return ds(th, descr, self, v)
		}
	}
	if v.IsNull() {
		if !d.DeleteStr(name) {
			return vm.Errorf(vm.AttributeError, "'%s' object has no attribute '%s'", typeName(t), name.String())
		}
		return nil
	}
	d.SetStr(name, v)
	return nil
}
