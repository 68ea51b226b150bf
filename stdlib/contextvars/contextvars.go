// Package contextvars implements the _contextvars module (ContextVar,
// Token, Context, copy_context) that asyncio tasks and to_thread rely on.
//
// A Context is a mapping from ContextVar to value. CPython stores it in an
// immutable HAMT so that copy_context() is O(1); here a context holds a
// pointer to an immutable Go map that is copied on write. Programs keep a
// handful of variables, so copying on set is cheaper than a HAMT, and a
// copy (every new asyncio Task makes one) is still a pointer copy.
//
// Each Python thread has a current context (created empty on first use);
// Context.run and asyncio's task steps enter another one and restore the
// previous one afterwards.
package contextvars

import (
	"fmt"

	"gilpy/vm"
)

// Context is a contextvars.Context.
type Context struct {
	vm.Object
	vars    map[*Var]vm.Value // never mutated once published
	prev    *Context
	entered bool
}

// Var is a contextvars.ContextVar.
type Var struct {
	vm.Object
	name vm.Value
	def  vm.Value // Null: no default
}

type sentinel struct{ vm.Object }

// Token is a contextvars.Token.
type Token struct {
	vm.Object
	ctx  *Context
	v    *Var
	old  vm.Value // Null: the variable had no value (Token.MISSING)
	used bool
}

var (
	contextLayout = vm.NewLayout[Context]("Context")
	varLayout     = vm.NewLayout[Var]("ContextVar")
	tokenLayout   = vm.NewLayout[Token]("Token")

	sentinelLayout = vm.NewLayout[sentinel]("Token.MISSING")

	// ContextType, VarType and TokenType are the Python types.
	ContextType, VarType, TokenType *vm.Type
	missingType                     *vm.Type
	missing                         vm.Value
)

const threadKey = "contextvars.current"

// Current is the thread's current context, created empty on first use.
func Current(th *vm.Thread) *Context {
	if c, ok := th.Data[threadKey].(*Context); ok {
		return c
	}
	c := newContext(nil)
	c.entered = true
	if th.Data == nil {
		th.Data = map[string]any{}
	}
	th.Data[threadKey] = c
	return c
}

func newContext(vars map[*Var]vm.Value) *Context {
	c := contextLayout.New(ContextType)
	c.vars = vars
	return c
}

// Copy is copy_context(): a new context with the current one's values.
func Copy(th *vm.Thread) *Context { return newContext(Current(th).vars) }

// AsContext returns v as a Context.
func AsContext(v vm.Value) (*Context, bool) { return contextLayout.Cast(v) }

// Enter makes c the thread's current context (Context.run does this
// around its call). A context can be entered by one caller at a time.
func (c *Context) Enter(th *vm.Thread) error {
	if c.entered {
		return vm.Errorf(vm.RuntimeError, "cannot enter context: %s is already entered", ctxRepr(c))
	}
	cur := Current(th)
	c.prev = cur
	c.entered = true
	th.Data[threadKey] = c
	return nil
}

// Exit restores the context that was current before Enter.
func (c *Context) Exit(th *vm.Thread) {
	th.Data[threadKey] = c.prev
	c.prev = nil
	c.entered = false
}

// Run calls fn(args...) inside c.
func (c *Context) Run(th *vm.Thread, fn vm.Value, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	if err := c.Enter(th); err != nil {
		return vm.Null, err
	}
	r, err := vm.Call(th, fn, args, kwnames)
	c.Exit(th)
	return r, err
}

func ctxRepr(c *Context) string {
	return fmt.Sprintf("<_contextvars.Context object at %#x>", vm.ID(c.Value()))
}

func (v *Var) get(th *vm.Thread) (vm.Value, bool) {
	x, ok := Current(th).vars[v]
	return x, ok
}

func (v *Var) set(th *vm.Thread, x vm.Value) *Token {
	c := Current(th)
	old, ok := c.vars[v]
	if !ok {
		old = vm.Null
	}
	nv := make(map[*Var]vm.Value, len(c.vars)+1)
	for k, y := range c.vars {
		nv[k] = y
	}
	nv[v] = x
	c.vars = nv
	t := tokenLayout.New(TokenType)
	t.ctx, t.v, t.old = c, v, old
	return t
}

func (v *Var) reset(th *vm.Thread, t *Token) error {
	if t.used {
		return vm.Errorf(vm.RuntimeError, "%s has already been used once", tokenRepr(th, t))
	}
	if t.v != v {
		return vm.Errorf(vm.ValueError, "%s was created by a different ContextVar", tokenRepr(th, t))
	}
	c := Current(th)
	if t.ctx != c {
		return vm.Errorf(vm.ValueError, "%s was created in a different Context", tokenRepr(th, t))
	}
	t.used = true
	nv := make(map[*Var]vm.Value, len(c.vars))
	for k, y := range c.vars {
		nv[k] = y
	}
	if t.old.IsNull() {
		delete(nv, v)
	} else {
		nv[v] = t.old
	}
	c.vars = nv
	return nil
}

func varRepr(th *vm.Thread, v *Var) string {
	s := "<ContextVar name=" + reprOf(th, v.name)
	if !v.def.IsNull() {
		s += " default=" + reprOf(th, v.def)
	}
	return s + fmt.Sprintf(" at %#x>", vm.ID(v.Value()))
}

func tokenRepr(th *vm.Thread, t *Token) string {
	used := ""
	if t.used {
		used = " used"
	}
	return fmt.Sprintf("<Token%s var=%s at %#x>", used, varRepr(th, t.v), vm.ID(t.Value()))
}

func reprOf(th *vm.Thread, v vm.Value) string {
	s, err := vm.Repr(th, v)
	if err != nil {
		return "?"
	}
	return s.String()
}

// sortedVars lists a context's variables in a stable order (creation).
func (c *Context) sortedVars() []*Var {
	out := make([]*Var, 0, len(c.vars))
	for k := range c.vars {
		out = append(out, k)
	}
	// Insertion order is not kept by Go maps; order by object id, which
	// follows allocation order closely enough for iteration to be stable.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && vm.ID(out[j].Value()) < vm.ID(out[j-1].Value()); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func init() {
	vm.RegisterModule("_contextvars", initModule)
}

func self[T any](l vm.Layout[T], v vm.Value) *T { return l.Must(v) }

func initTypes() {
	if ContextType != nil {
		return
	}
	classGetItem := &vm.BuiltinMethod{Name: "__class_getitem__", Flags: vm.MethClass,
		Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "__class_getitem__ expected 1 argument")
			}
			return vm.NewGenericAlias(args[0], args[1]), nil
		}}
	ContextType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Context", Module: "_contextvars", Layout: contextLayout.Info(), Final: true,
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "Context() does not accept any arguments")
				}
				return newContext(nil).Value(), nil
			},
			Len: func(th *vm.Thread, v vm.Value) (int, error) { return len(self(contextLayout, v).vars), nil },
			GetItem: func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
				cv, ok := varLayout.Cast(key)
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "a ContextVar key was expected, got %s", reprOf(th, key))
				}
				if x, ok := self(contextLayout, v).vars[cv]; ok {
					return x, nil
				}
				return vm.Null, vm.NewException(vm.KeyError, key)
			},
			Contains: func(th *vm.Thread, v, key vm.Value) (bool, error) {
				cv, ok := varLayout.Cast(key)
				if !ok {
					return false, vm.Errorf(vm.TypeError, "a ContextVar key was expected, got %s", reprOf(th, key))
				}
				_, ok = self(contextLayout, v).vars[cv]
				return ok, nil
			},
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				vars := self(contextLayout, v).sortedVars()
				items := make([]vm.Value, len(vars))
				for i, k := range vars {
					items[i] = k.Value()
				}
				return vm.Iter(th, vm.NewTuple(items...).Value())
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "run", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args)-len(kw) < 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "run() missing 1 required positional argument")
				}
				c := self(contextLayout, args[0])
				return c.Run(th, args[1], args[2:], kw)
			}},
			{Name: "copy", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return newContext(self(contextLayout, args[0]).vars).Value(), nil
			}},
			{Name: "get", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				var key, def vm.Value = vm.Null, vm.None
				if err := vm.UnpackArgs("get", args[1:], kw, "key", &key, "default?", &def); err != nil {
					return vm.Null, err
				}
				cv, ok := varLayout.Cast(key)
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "a ContextVar key was expected, got %s", reprOf(th, key))
				}
				if x, ok := self(contextLayout, args[0]).vars[cv]; ok {
					return x, nil
				}
				return def, nil
			}},
			{Name: "keys", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				var out []vm.Value
				for _, k := range self(contextLayout, args[0]).sortedVars() {
					out = append(out, k.Value())
				}
				return vm.NewList(out).Value(), nil
			}},
			{Name: "values", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				c := self(contextLayout, args[0])
				var out []vm.Value
				for _, k := range c.sortedVars() {
					out = append(out, c.vars[k])
				}
				return vm.NewList(out).Value(), nil
			}},
			{Name: "items", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				c := self(contextLayout, args[0])
				var out []vm.Value
				for _, k := range c.sortedVars() {
					out = append(out, vm.NewTuple(k.Value(), c.vars[k]).Value())
				}
				return vm.NewList(out).Value(), nil
			}},
		},
	})
	VarType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "ContextVar", Module: "_contextvars", Layout: varLayout.Info(), Final: true,
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				name, def := vm.Null, vm.Null
				if err := vm.UnpackArgs("ContextVar", args, kw, "name", &name, "*", "default?", &def); err != nil {
					return vm.Null, err
				}
				if _, ok := vm.AsStr(name); !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "context variable name must be a str")
				}
				v := varLayout.New(VarType)
				v.name, v.def = name, def
				return v.Value(), nil
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeStr(varRepr(th, self(varLayout, v))), nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "get", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				v := self(varLayout, args[0])
				if len(args) > 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "get expected at most 1 argument, got %d", len(args)-1)
				}
				if x, ok := v.get(th); ok {
					return x, nil
				}
				if len(args) == 2 {
					return args[1], nil
				}
				if !v.def.IsNull() {
					return v.def, nil
				}
				return vm.Null, vm.NewException(vm.LookupError, v.Value())
			}},
			{Name: "set", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) != 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "ContextVar.set() takes exactly one argument (%d given)", len(args)-1)
				}
				return self(varLayout, args[0]).set(th, args[1]).Value(), nil
			}},
			{Name: "reset", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if len(args) != 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "ContextVar.reset() takes exactly one argument (%d given)", len(args)-1)
				}
				t, ok := tokenLayout.Cast(args[1])
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "expected an instance of Token, got %s", reprOf(th, args[1]))
				}
				return vm.None, self(varLayout, args[0]).reset(th, t)
			}},
			classGetItem,
		},
		Getters: []*vm.GetSet{
			{Name: "name", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return self(varLayout, v).name, nil }},
		},
	})
	missingType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Token.MISSING", Module: "_contextvars", Final: true, Layout: sentinelLayout.Info(),
		Slots: vm.Slots{Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr("<Token.MISSING>"), nil }},
	})
	missing = sentinelLayout.New(missingType).Value()
	TokenType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Token", Module: "_contextvars", Layout: tokenLayout.Info(), Final: true,
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return vm.Null, vm.Errorf(vm.RuntimeError, "Tokens can only be created by ContextVars")
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeStr(tokenRepr(th, self(tokenLayout, v))), nil
			},
		},
		Methods: []*vm.BuiltinMethod{classGetItem},
		Getters: []*vm.GetSet{
			{Name: "var", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return self(tokenLayout, v).v.Value(), nil }},
			{Name: "old_value", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				if t := self(tokenLayout, v); !t.old.IsNull() {
					return t.old, nil
				}
				return missing, nil
			}},
		},
	})
	TokenType.SetAttrString("MISSING", missing)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	initTypes()
	m.AddType(ContextType)
	m.AddType(VarType)
	m.AddType(TokenType)
	m.AddFunc("copy_context", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) > 0 {
			return vm.Null, vm.Errorf(vm.TypeError, "copy_context() takes no arguments (%d given)", len(args))
		}
		return Copy(th).Value(), nil
	})
	return nil
}
