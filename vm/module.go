package vm

// This file defines module objects, the registry of modules implemented in
// Go, and the import system: sys.modules, builtin modules built lazily on
// first import, and .py modules and packages found on sys.path.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Module is a module object; its namespace is the header's dict.
type Module struct {
	Object
	name string
}

var moduleLayout = NewLayout[Module]("module")

// NewModule creates a module with an empty namespace (plus __name__ etc.).
func NewModule(name string) *Module {
	m := &Module{name: name}
	m.typ = ModuleType
	m.dict = NewDict()
	m.dict.SetString("__name__", MakeStr(name))
	m.dict.SetString("__doc__", None)
	m.dict.SetString("__package__", None)
	m.dict.SetString("__loader__", None)
	m.dict.SetString("__spec__", None)
	return m
}

// AsModule returns v as a module.
func AsModule(v Value) (*Module, bool) { return moduleLayout.Cast(v) }

// Name is the module's __name__ as created.
func (m *Module) Name() string { return m.name }

// Dict is the module's namespace.
func (m *Module) Dict() *Dict { return m.dict }

// Set stores a module attribute.
func (m *Module) Set(name string, v Value) { m.dict.SetString(name, v) }

// Get reads a module attribute.
func (m *Module) Get(name string) (Value, bool) { return m.dict.GetString(name) }

// AddFunc adds a builtin function to the module.
func (m *Module) AddFunc(name string, fn BuiltinFn) *BuiltinFunction {
	f := NewBuiltinFunction(name, fn)
	f.Module = m.name
	f.self = m.Value()
	f.static = true
	m.dict.SetString(name, f.Value())
	return f
}

// AddType adds a type to the module and sets its __module__.
func (m *Module) AddType(t *Type) {
	t.dict.SetString("__module__", MakeStr(m.name))
	m.dict.SetString(t.Name, t.Value())
}

func moduleRepr(th *Thread, v Value) (Value, error) {
	m := moduleLayout.Must(v)
	name := m.name
	if n, ok := m.dict.getStr(dunderName); ok {
		if s, ok := AsStr(n); ok {
			name = s.s
		}
	}
	if f, ok := m.dict.getStr(dunderFile); ok {
		if s, ok := AsStr(f); ok {
			return MakeStr(fmt.Sprintf("<module '%s' from '%s'>", name, s.s)), nil
		}
	}
	if _, builtin := moduleRegistry.Load(name); builtin {
		return MakeStr(fmt.Sprintf("<module '%s' (built-in)>", name)), nil
	}
	return MakeStr(fmt.Sprintf("<module '%s'>", name)), nil
}

func moduleGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	v, err := GenericGetAttr(th, self, name)
	if err == nil {
		return v, nil
	}
	m := moduleLayout.Must(self)
	if ga, ok := m.dict.getStr(dunderGetattr); ok {
		return Call(th, ga, []Value{name.Value()}, nil)
	}
	modName := m.name
	if n, ok := m.dict.getStr(dunderName); ok {
		if s, ok := AsStr(n); ok {
			modName = s.s
		}
	}
	e := Errorf(AttributeError, "module '%s' has no attribute '%s'", modName, name.s)
	if initializing(m) {
		e = Errorf(AttributeError, "partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)", modName, name.s)
	}
	e.setAttrErrorContext(self, name)
	return Null, e
}

func initializing(m *Module) bool {
	spec, ok := m.dict.getStr(dunderInitializing)
	return ok && spec.IsTrue()
}

func initModuleType() {
	initBuiltinType(ModuleType, TypeSpec{
		Name: "module", Layout: moduleLayout.info, HasDict: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				m := moduleLayout.New(t)
				m.dict = NewDict()
				return m.Value(), nil
			},
			Init: func(th *Thread, self Value, args []Value, kwnames []Value) error {
				var name, doc Value = Null, None
				if err := UnpackArgs("module", args, kwnames, "name", &name, "doc?", &doc); err != nil {
					return err
				}
				m := moduleLayout.Must(self)
				s, ok := AsStr(name)
				if !ok {
					return Errorf(TypeError, "module.__init__() argument 'name' must be str, not %s", TypeName(name))
				}
				m.name = s.s
				m.dict.SetString("__name__", name)
				m.dict.SetString("__doc__", doc)
				m.dict.SetString("__package__", None)
				m.dict.SetString("__loader__", None)
				m.dict.SetString("__spec__", None)
				return nil
			},
			Repr:    moduleRepr,
			GetAttr: moduleGetAttr,
		},
		Getters: []*GetSet{
			{Name: "__dict__", Get: func(th *Thread, v Value) (Value, error) { return moduleLayout.Must(v).dict.Value(), nil }},
		},
		Methods: []*BuiltinMethod{{Name: "__dir__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			m := moduleLayout.Must(args[0])
			if d, ok := m.dict.getStr(dunderDir); ok {
				return Call(th, d, nil, nil)
			}
			names := map[string]bool{}
			for _, k := range m.dict.Keys() {
				if s, ok := AsStr(k); ok {
					names[s.s] = true
				}
			}
			return sortedNameList(names), nil
		}}},
	})
}

// ------------------------------------------------------------ registry

// ModuleInit fills a new builtin module.
type ModuleInit func(th *Thread, m *Module) error

var moduleRegistry sync.Map // name -> ModuleInit

// RegisterModule makes a Go-implemented module importable. The init
// function runs on first import, so unused modules cost nothing at start-up.
func RegisterModule(name string, init ModuleInit) { moduleRegistry.Store(name, init) }

// pySources holds modules written in Python and embedded in the binary
// (stdlib/pylib): name -> source, and which of them are packages.
var (
	pySources  sync.Map // name -> []byte
	pyPackages sync.Map // name -> bool
)

// RegisterPySource makes an embedded Python module importable. Its code is
// compiled on first import only.
func RegisterPySource(name string, src []byte, isPackage bool) {
	pySources.Store(name, src)
	if isPackage {
		pyPackages.Store(name, true)
	}
}

// BuiltinModuleNames lists the registered modules (sys.builtin_module_names).
func BuiltinModuleNames() []string {
	var names []string
	moduleRegistry.Range(func(k, _ any) bool {
		names = append(names, k.(string))
		return true
	})
	sort.Strings(names)
	return names
}

// ------------------------------------------------------------ importing

// ImportModule imports a module by absolute dotted name and returns it.
func (th *Thread) ImportModule(name string) (*Module, error) {
	v, err := th.importAbsolute(name)
	if err != nil {
		return nil, err
	}
	if m, ok := AsModule(v); ok {
		return m, nil
	}
	return nil, Errorf(ImportError, "%s is not a module", name)
}

// Import returns the module Value for an absolute dotted name.
func (th *Thread) Import(name string) (Value, error) { return th.importAbsolute(name) }

// importAbsolute imports name and every parent package; it returns the
// module for the full name.
func (th *Thread) importAbsolute(name string) (Value, error) {
	in := th.Interp
	if v, ok := in.Modules.getStr(Intern(name)); ok {
		if v.IsNone() {
			return Null, Errorf(ModuleNotFoundError, "import of %s halted; None in sys.modules", name)
		}
		return v, nil
	}
	var parent *Module
	var searchPath []string
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		pv, err := th.importAbsolute(name[:i])
		if err != nil {
			return Null, err
		}
		// Importing the parent may have imported us.
		if v, ok := in.Modules.getStr(Intern(name)); ok {
			return v, nil
		}
		pm, ok := AsModule(pv)
		if !ok {
			return Null, moduleNotFound(name)
		}
		parent = pm
		pathV, ok := pm.dict.getStr(dunderPath)
		if !ok {
			e := Errorf(ModuleNotFoundError, "No module named '%s'; '%s' is not a package", name, name[:i])
			e.setAttr("name", MakeStr(name))
			return Null, e
		}
		paths, err := SeqToSlice(th, pathV)
		if err != nil {
			return Null, err
		}
		for _, p := range paths {
			if s, ok := AsStr(p); ok {
				searchPath = append(searchPath, s.s)
			}
		}
	} else {
		if init, ok := moduleRegistry.Load(name); ok {
			return th.initBuiltinModule(name, init.(ModuleInit))
		}
		if src, ok := pySources.Load(name); ok {
			_, isPkg := pyPackages.Load(name)
			return th.loadEmbeddedModule(name, src.([]byte), isPkg, nil)
		}
		searchPath = th.sysPath()
	}
	if init, ok := moduleRegistry.Load(name); ok {
		m, err := th.initBuiltinModule(name, init.(ModuleInit))
		if err == nil && parent != nil {
			parent.dict.SetString(name[strings.LastIndexByte(name, '.')+1:], m)
		}
		return m, err
	}
	if src, ok := pySources.Load(name); ok {
		_, isPkg := pyPackages.Load(name)
		return th.loadEmbeddedModule(name, src.([]byte), isPkg, parent)
	}
	short := name[strings.LastIndexByte(name, '.')+1:]
	for _, dir := range searchPath {
		if dir == "" {
			dir = "."
		}
		pkgInit := filepath.Join(dir, short, "__init__.py")
		if fileExists(pkgInit) {
			return th.loadSourceModule(name, pkgInit, filepath.Join(dir, short), parent)
		}
		file := filepath.Join(dir, short+".py")
		if fileExists(file) {
			return th.loadSourceModule(name, file, "", parent)
		}
		// A namespace package: a directory without __init__.py.
		if st, err := os.Stat(filepath.Join(dir, short)); err == nil && st.IsDir() && parent == nil && isIdentifierLike(short) && hasPyFiles(filepath.Join(dir, short)) {
			m := NewModule(name)
			m.dict.SetString("__path__", NewList([]Value{MakeStr(filepath.Join(dir, short))}).Value())
			m.dict.SetString("__package__", MakeStr(name))
			in.Modules.SetStr(Intern(name), m.Value())
			return m.Value(), nil
		}
	}
	return Null, moduleNotFound(name)
}

func hasPyFiles(dir string) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".py") || e.IsDir() {
			return true
		}
	}
	return false
}

func moduleNotFound(name string) error {
	e := Errorf(ModuleNotFoundError, "No module named '%s'", name)
	e.setAttr("name", MakeStr(name))
	return e
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func (th *Thread) sysPath() []string {
	sys := th.Interp.Sys
	if sys == nil {
		return nil
	}
	pv, ok := sys.dict.getStr(Intern("path"))
	if !ok {
		return nil
	}
	l, ok := AsList(pv)
	if !ok {
		return nil
	}
	var out []string
	for _, p := range l.items {
		if s, ok := AsStr(p); ok {
			out = append(out, s.s)
		}
	}
	return out
}

func (th *Thread) initBuiltinModule(name string, init ModuleInit) (Value, error) {
	m := NewModule(name)
	th.Interp.Modules.SetStr(Intern(name), m.Value())
	if err := init(th, m); err != nil {
		th.Interp.Modules.DeleteStr(Intern(name))
		return Null, err
	}
	// init may have replaced sys.modules[name].
	if v, ok := th.Interp.Modules.getStr(Intern(name)); ok {
		return v, nil
	}
	return m.Value(), nil
}

// loadSourceModule compiles and runs a .py file as module name.
func (th *Thread) loadSourceModule(name, file, pkgDir string, parent *Module) (Value, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return Null, NewOSError(2, "No such file or directory", MakeStr(file))
	}
	m := NewModule(name)
	d := m.dict
	d.SetString("__file__", MakeStr(file))
	if pkgDir != "" {
		d.SetString("__path__", NewList([]Value{MakeStr(pkgDir)}).Value())
		d.SetString("__package__", MakeStr(name))
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		d.SetString("__package__", MakeStr(name[:i]))
	} else {
		d.SetString("__package__", MakeStr(""))
	}
	d.SetString("__cached__", None)
	d.SetString("__initializing__", True)
	in := th.Interp
	in.Modules.SetStr(Intern(name), m.Value())
	code, err := CompileSource(th, src, file, "exec")
	if err == nil {
		_, err = th.RunCode(code, d, d.Value())
	}
	d.DeleteStr(dunderInitializing)
	if err != nil {
		in.Modules.DeleteStr(Intern(name))
		return Null, err
	}
	v, ok := in.Modules.getStr(Intern(name))
	if !ok {
		return Null, Errorf(KeyError, "%s", StrRepr(name))
	}
	if parent != nil {
		parent.dict.SetString(name[strings.LastIndexByte(name, '.')+1:], v)
	}
	return v, nil
}

// loadEmbeddedModule runs an embedded Python module. Its __file__ names
// the embedded path so tracebacks can show its source lines.
func (th *Thread) loadEmbeddedModule(name string, src []byte, isPkg bool, parent *Module) (Value, error) {
	m := NewModule(name)
	d := m.dict
	file := "<gilpy>/" + strings.ReplaceAll(name, ".", "/") + ".py"
	if isPkg {
		file = "<gilpy>/" + strings.ReplaceAll(name, ".", "/") + "/__init__.py"
		d.SetString("__path__", NewList(nil).Value())
		d.SetString("__package__", MakeStr(name))
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		d.SetString("__package__", MakeStr(name[:i]))
	} else {
		d.SetString("__package__", MakeStr(""))
	}
	d.SetString("__file__", MakeStr(file))
	RegisterSource(file, src)
	d.SetString("__initializing__", True)
	in := th.Interp
	in.Modules.SetStr(Intern(name), m.Value())
	code, err := compileEmbedded(name, src, file) // once per process (snapshot.go)
	if err == nil {
		_, err = th.RunCode(code, d, d.Value())
	}
	d.DeleteStr(dunderInitializing)
	if err != nil {
		in.Modules.DeleteStr(Intern(name))
		return Null, err
	}
	v, _ := in.Modules.getStr(Intern(name))
	if parent != nil {
		parent.dict.SetString(name[strings.LastIndexByte(name, '.')+1:], v)
	}
	return v, nil
}

// resolveName turns a relative import into an absolute name.
func resolveName(th *Thread, globals *Dict, name string, level int) (string, error) {
	if level == 0 {
		return name, nil
	}
	var pkg string
	if p, ok := globals.getStr(dunderPackage); ok && !p.IsNone() {
		s, ok := AsStr(p)
		if !ok {
			return "", Errorf(TypeError, "package must be a string")
		}
		pkg = s.s
	} else if n, ok := globals.getStr(dunderName); ok {
		s, _ := AsStr(n)
		if s != nil {
			pkg = s.s
			if _, isPkg := globals.getStr(dunderPath); !isPkg {
				if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
					pkg = pkg[:i]
				} else {
					pkg = ""
				}
			}
		}
	}
	if pkg == "" {
		return "", Errorf(ImportError, "attempted relative import with no known parent package")
	}
	parts := strings.Split(pkg, ".")
	if level-1 >= len(parts) {
		return "", Errorf(ImportError, "attempted relative import beyond top-level package")
	}
	base := strings.Join(parts[:len(parts)-(level-1)], ".")
	if name == "" {
		return base, nil
	}
	return base + "." + name, nil
}

// importName is IMPORT_NAME (and the heart of __import__).
func importName(th *Thread, f *Frame, name *Str, fromlist, levelV Value) (Value, error) {
	level := 0
	if levelV.IsSmallInt() {
		level = int(levelV.SmallInt())
	}
	// A user-replaced builtins.__import__ is honoured.
	if imp, ok := f.builtins.getStr(dunderImport); ok {
		if bf, ok := builtinFunctionLayout.Cast(imp); !ok || bf.Name != "__import__" || bf.Module != "builtins" {
			locals := f.locals
			if locals.IsNull() {
				locals = None
			}
			return Call(th, imp, []Value{name.Value(), f.globals.Value(), locals, fromlist, levelV}, nil)
		}
	}
	return ImportLevel(th, name.s, f.globals, fromlist, level)
}

// ImportLevel is __import__(name, globals, fromlist=fromlist, level=level).
func ImportLevel(th *Thread, name string, globals *Dict, fromlist Value, level int) (Value, error) {
	abs, err := resolveName(th, globals, name, level)
	if err != nil {
		return Null, err
	}
	mod, err := th.importAbsolute(abs)
	if err != nil {
		return Null, err
	}
	hasFrom := false
	if !fromlist.IsNull() && !fromlist.IsNone() {
		if t, ok := fromlist.Type().Len, true; ok && t != nil {
			n, _ := Len(th, fromlist)
			hasFrom = n > 0
		}
	}
	if !hasFrom {
		if level == 0 || name != "" {
			// Return the top-level package of what was named.
			top := abs
			if level == 0 {
				if i := strings.IndexByte(name, '.'); i >= 0 {
					top = name[:i]
				}
			} else if i := strings.IndexByte(name, '.'); i >= 0 {
				top = abs[:len(abs)-len(name)+i]
			}
			if v, ok := th.Interp.Modules.getStr(Intern(top)); ok {
				return v, nil
			}
		}
		return mod, nil
	}
	// from package import submodule: import submodules named in fromlist.
	if m, ok := AsModule(mod); ok {
		if _, isPkg := m.dict.getStr(dunderPath); isPkg {
			items, err := SeqToSlice(th, fromlist)
			if err != nil {
				return Null, err
			}
			for _, it := range items {
				s, ok := AsStr(it)
				if !ok || s.s == "*" {
					continue
				}
				if _, has := m.dict.getStr(Intern(s.s)); has {
					continue
				}
				if _, err := th.importAbsolute(abs + "." + s.s); err != nil {
					if e := AsException(err); e.Matches(ModuleNotFoundError) {
						if n := e.attr("name"); !n.IsNone() {
							if ns, ok := AsStr(n); ok && ns.s == abs+"."+s.s {
								continue
							}
						}
					}
					return Null, err
				}
			}
		}
	}
	return mod, nil
}

// importFrom is IMPORT_FROM: an attribute, or a submodule in sys.modules.
func importFrom(th *Thread, mod Value, name *Str) (Value, error) {
	v, err := GetAttr(th, mod, name)
	if err == nil {
		return v, nil
	}
	if !AsException(err).Matches(AttributeError) {
		return Null, err
	}
	modName := "<unknown module name>"
	if n, err2 := GetAttrString(th, mod, "__name__"); err2 == nil {
		if s, ok := AsStr(n); ok {
			modName = s.s
			if sub, ok := th.Interp.Modules.getStr(Intern(s.s + "." + name.s)); ok {
				return sub, nil
			}
		}
	}
	path := "unknown location"
	if f, err2 := GetAttrString(th, mod, "__file__"); err2 == nil {
		if s, ok := AsStr(f); ok {
			path = s.s
		}
	}
	var e *Exception
	if m, ok := AsModule(mod); ok && initializing(m) {
		e = Errorf(ImportError, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name.s, modName, path)
	} else {
		e = Errorf(ImportError, "cannot import name '%s' from '%s' (%s)", name.s, modName, path)
	}
	e.setAttr("name", MakeStr(modName))
	e.setAttr("path", MakeStr(path))
	e.setAttr("msg", e.args.items[0])
	return Null, e
}

// importStar is IMPORT_STAR: copy the public names into the locals.
func importStar(th *Thread, f *Frame, mod Value) error {
	var names []Value
	all, err := LookupAttr(th, mod, "__all__")
	if err != nil {
		return err
	}
	if !all.IsNull() {
		if names, err = SeqToSlice(th, all); err != nil {
			return err
		}
	} else {
		d, err := GetAttrString(th, mod, "__dict__")
		if err != nil {
			return Errorf(ImportError, "from-import-* object has no __dict__ and no __all__")
		}
		// Any mapping will do (a class's __dict__ is a mappingproxy).
		var keys []Value
		if dd, ok := AsDict(d); ok {
			keys = dd.Keys()
		} else {
			kv, err := CallMethod(th, d, "keys")
			if err != nil {
				return err
			}
			if keys, err = SeqToSlice(th, kv); err != nil {
				return err
			}
		}
		for _, k := range keys {
			if s, ok := AsStr(k); ok && !strings.HasPrefix(s.s, "_") {
				names = append(names, k)
			}
		}
	}
	for _, n := range names {
		s, ok := AsStr(n)
		if !ok {
			return Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(n))
		}
		v, err := GetAttr(th, mod, Intern(s.s))
		if err != nil {
			return err
		}
		if err := mappingStore(th, f.locals, Intern(s.s), v); err != nil {
			return err
		}
	}
	return nil
}

// builtinsFor finds the builtins dict a function made in globals uses.
func builtinsFor(globals *Dict) *Dict {
	if b, ok := globals.getStr(dunderBuiltins); ok {
		if m, ok := AsModule(b); ok {
			return m.dict
		}
		if d, ok := AsDict(b); ok {
			return d
		}
	}
	return defaultBuiltins
}

// defaultBuiltins is the builtins namespace of the interpreter being set
// up (there is one interpreter per process).
var defaultBuiltins = NewDict()

// SetBuiltins installs the builtins dict.
func (in *Interp) SetBuiltins(d *Dict) {
	in.Builtins = d
	defaultBuiltins = d
}
