package vm

// This file is the eval loop: one function, one switch over fixed-width
// instructions, with the program counter, stack pointer and the frame's
// slots in Go locals. Calls between Python functions push a frame and stay
// in the loop; only a frame marked "entry" makes run() return, so Python
// recursion never grows the Go stack.
//
// Errors are returned, never panicked: an instruction that fails jumps to
// onError, which records the traceback entry, looks the instruction up in
// the code's exception table and either jumps to the handler or unwinds to
// the caller frame.
//
// GIL check points are exactly CPython 3.11's: RESUME at function start and
// after `yield`, backward jumps, and the return from a call into a builtin
// (except the few builtins 3.11 inlines). See checkBreaker.

import (
	"gilpy/gil"
	"gilpy/vm/code"
)

// run executes f (and every frame it calls) until f returns or yields.
// f becomes the thread's current frame; its caller is whatever frame was
// current before.
func (th *Thread) run(f *Frame) (Value, error) {
	return th.runWith(f, nil)
}

// runWith is run with an exception to raise immediately at f's current
// instruction (generator.throw).
func (th *Thread) runWith(f *Frame, throw error) (Value, error) {
	f.entry = true
	f.back = th.frame
	th.frame = f
	if th.depth++; th.depth > th.Interp.RecursionLimit {
		th.depth--
		th.frame = f.back
		return Null, Errorf(RecursionError, "maximum recursion depth exceeded")
	}
	entry, depth, reprs := f, th.depth, len(th.reprStack)
	for {
		result, err, crash := th.evalGuarded(f, throw)
		if crash == nil {
			return result, err
		}
		// A Go panic (a bug in gilpy) becomes a SystemError raised in
		// the frame that was running, so Python code sees an ordinary
		// exception and the interpreter unwinds and exits cleanly. The
		// per-thread counters the panic skipped are restored first.
		f, throw = th.frame, crash
		th.depth = depth
		for g := f; g != entry && g != nil; g = g.back {
			th.depth++
		}
		clear(th.reprStack[reprs:])
		th.reprStack = th.reprStack[:reprs]
	}
}

// evalGuarded runs the eval loop, turning a panic into crash.
func (th *Thread) evalGuarded(f *Frame, throw error) (result Value, err error, crash *Exception) {
	defer func() {
		if r := recover(); r != nil {
			crash = internalError(r)
		}
	}()
	result, err = th.eval(f, throw)
	return
}

// eval executes frames, starting with f at its saved position (raising
// throw there first, if set), until an entry frame returns or yields.
func (th *Thread) eval(f *Frame, throw error) (result Value, err error) {
	breaker := &th.Interp.GIL.Breaker

	var (
		co     *CodeObject
		instrs []code.Instr
		slots  []Value
		consts []Value
		sp, pc int
		// fromCallee: the error came out of a callee frame (its context
		// and first traceback entry are already set).
		reraise bool
	)
	if throw != nil {
		err = throw
		goto loadAndError
	}

reload:
	co = f.code
	instrs = co.Instrs
	slots = f.slots
	consts = co.consts
	sp, pc = f.sp, f.pc

	for {
		ins := instrs[pc]
		pc++
		arg := int(ins >> 8)
		switch code.Opcode(ins) {
		case code.NOP:

		case code.RESUME:
			if arg < 2 && breaker.Load() != 0 {
				f.sp, f.pc = sp, pc
				if err = th.handlePending(); err != nil {
					goto onError
				}
			}

		case code.POP_TOP:
			sp--
			if arg == 1 {
				f.sp, f.pc = sp, pc
				th.discardIterator(slots[sp])
			}
			slots[sp] = Null

		case code.PUSH_NULL:
			slots[sp] = Null
			sp++

		case code.COPY:
			slots[sp] = slots[sp-arg]
			sp++

		case code.SWAP:
			slots[sp-1], slots[sp-arg] = slots[sp-arg], slots[sp-1]

		case code.LOAD_CONST:
			slots[sp] = consts[arg]
			sp++

		case code.LOAD_FAST:
			v := slots[arg]
			if v.IsNull() {
				err = unboundLocal(co, arg)
				goto onError
			}
			slots[sp] = v
			sp++

		case code.STORE_FAST:
			sp--
			slots[arg] = slots[sp]

		case code.DELETE_FAST:
			if slots[arg].IsNull() {
				err = unboundLocal(co, arg)
				goto onError
			}
			slots[arg] = Null

		case code.MAKE_CELL:
			slots[arg] = NewCell(slots[arg]).Value()

		case code.COPY_FREE_VARS:
			off := co.NumLocalsPlus() - arg
			for i, c := range f.fn.closure[:arg] {
				slots[off+i] = c.Value()
			}

		case code.LOAD_CLOSURE:
			slots[sp] = slots[arg]
			sp++

		case code.LOAD_DEREF:
			c := cellLayout.Must(slots[arg])
			if c.v.IsNull() {
				err = unboundDeref(co, arg)
				goto onError
			}
			slots[sp] = c.v
			sp++

		case code.STORE_DEREF:
			sp--
			cellLayout.Must(slots[arg]).v = slots[sp]

		case code.DELETE_DEREF:
			c := cellLayout.Must(slots[arg])
			if c.v.IsNull() {
				err = unboundDeref(co, arg)
				goto onError
			}
			c.v = Null

		case code.LOAD_CLASSDEREF:
			name := Intern(co.LocalsPlus[arg])
			var v Value
			var found bool
			v, found, err = mappingLookup(th, f.locals, name)
			if err != nil {
				goto onError
			}
			if !found {
				c := cellLayout.Must(slots[arg])
				if c.v.IsNull() {
					err = unboundDeref(co, arg)
					goto onError
				}
				v = c.v
			}
			slots[sp] = v
			sp++

		case code.LOAD_NAME:
			name := co.names[arg]
			var v Value
			var found bool
			v, found, err = mappingLookup(th, f.locals, name)
			if err != nil {
				goto onError
			}
			if !found {
				if v, found = f.globals.getStr(name); !found {
					if v, found = f.builtins.getStr(name); !found {
						err = nameError(name)
						goto onError
					}
				}
			}
			slots[sp] = v
			sp++

		case code.STORE_NAME:
			sp--
			if err = mappingStore(th, f.locals, co.names[arg], slots[sp]); err != nil {
				goto onError
			}
			slots[sp] = Null

		case code.DELETE_NAME:
			if err = mappingDelete(th, f.locals, co.names[arg]); err != nil {
				goto onError
			}

		case code.LOAD_GLOBAL:
			slot := &co.Caches[arg]
			var v Value
			if c := co.caches[arg].Load(); c != nil && c.globalsVer == f.globals.keysVersion {
				if !c.inBuiltins {
					v = f.globals.entries[c.index].value
				} else if c.builtinsVer == f.builtins.keysVersion {
					v = f.builtins.entries[c.index].value
				} else {
					v, err = th.loadGlobalSlow(f, co, arg)
				}
			} else {
				v, err = th.loadGlobalSlow(f, co, arg)
			}
			if err != nil {
				goto onError
			}
			if slot.PushNull {
				slots[sp] = Null
				sp++
			}
			slots[sp] = v
			sp++

		case code.STORE_GLOBAL:
			sp--
			f.globals.SetStr(co.names[arg], slots[sp])
			slots[sp] = Null

		case code.DELETE_GLOBAL:
			if !f.globals.DeleteStr(co.names[arg]) {
				err = nameError(co.names[arg])
				goto onError
			}

		case code.LOAD_ATTR:
			obj := slots[sp-1]
			var v Value
			if obj.p != nil && !isTag(obj.p) {
				h := obj.header()
				c := co.caches[arg].Load()
				if c != nil && c.kind == attrModule {
					if m, ok := castExact[Module](obj, ModuleType); ok && m.dict.keysVersion == c.globalsVer {
						slots[sp-1] = m.dict.entries[c.index].value
						continue
					}
					c = nil
				}
				if c == nil || h.typ != c.typ || h.typ.version != c.typeVer {
					// Another type than last time: its shared entry.
					if c = typeAttrCache(h.typ, co.names[co.Caches[arg].Name], obj); c != nil {
						co.caches[arg].Store(c)
					}
				}
				if c != nil {
					switch c.kind {
					case attrInstance:
						if d := h.dict; d != nil {
							if c.hint < len(d.entries) && d.entries[c.hint].key.isObj(&c.name.Object) {
								slots[sp-1] = d.entries[c.hint].value
								continue
							}
							if !d.nonStr {
								if i := d.lookupStr(c.name); i >= 0 {
									slots[sp-1] = d.entries[i].value
									continue
								}
							}
						}
					case attrClassValue:
						if d := h.dict; d == nil || d.lookupStr(c.name) < 0 {
							slots[sp-1] = c.value
							continue
						}
					case attrDataDescr:
						v, err = c.value.Type().DescrGet(th, c.value, obj, c.typ)
						if err != nil {
							goto onError
						}
						slots[sp-1] = v
						continue
					case attrMethod:
						if d := h.dict; d == nil || d.lookupStr(c.name) < 0 {
							slots[sp-1] = NewMethod(c.value, obj)
							continue
						}
					}
				}
			}
			v, err = th.loadAttrSlow(co, arg, obj)
			if err != nil {
				goto onError
			}
			slots[sp-1] = v

		case code.STORE_ATTR:
			obj, v := slots[sp-1], slots[sp-2]
			sp -= 2
			if c := co.caches[arg].Load(); c != nil && c.kind == attrInstance && obj.p != nil && !isTag(obj.p) {
				h := obj.header()
				if h.typ != c.typ || h.typ.version != c.typeVer {
					// Another type than last time: its shared entry.
					if c2 := typeStoreCache(h.typ, c.name); c2 != nil {
						c = c2
						co.caches[arg].Store(c)
					}
				}
				if h.typ == c.typ && h.typ.version == c.typeVer {
					// The type has no descriptor for the name: the value
					// goes straight into the instance dict.
					d := h.dict
					if d == nil {
						d = newInstanceDict(h.typ.dictHint)
						h.dict = d
					}
					if c.hint < len(d.entries) && d.entries[c.hint].key.isObj(&c.name.Object) {
						d.entries[c.hint].value = v
						slots[sp], slots[sp+1] = Null, Null
						continue
					}
					if !d.nonStr {
						if i := d.lookupStr(c.name); i >= 0 {
							d.entries[i].value = v
						} else {
							d.insertNew(c.name.Value(), c.name.Hash(), v)
							if d.used > h.typ.dictHint {
								h.typ.dictHint = d.used
							}
						}
						slots[sp], slots[sp+1] = Null, Null
						continue
					}
				}
			}
			if err = th.storeAttrSlow(co, arg, obj, v); err != nil {
				goto onError
			}
			slots[sp], slots[sp+1] = Null, Null

		case code.DELETE_ATTR:
			sp--
			if err = SetAttr(th, slots[sp], co.names[arg], Null); err != nil {
				goto onError
			}

		case code.LOAD_METHOD:
			obj := slots[sp-1]
			if c := co.caches[arg].Load(); c != nil && (c.kind == attrMethod || c.kind == attrMethodDescr) {
				if obj.p != nil && !isTag(obj.p) {
					h := obj.header()
					if h.typ == c.typ && h.typ.version == c.typeVer {
						if d := h.dict; d == nil || d.lookupStr(c.name) < 0 {
							slots[sp-1] = c.value
							slots[sp] = obj
							sp++
							continue
						}
					}
				} else if obj.Type() == c.typ && c.typ.version == c.typeVer {
					slots[sp-1] = c.value
					slots[sp] = obj
					sp++
					continue
				}
			}
			var meth, self Value
			meth, self, err = th.loadMethodSlow(co, arg, obj)
			if err != nil {
				goto onError
			}
			slots[sp-1] = meth
			slots[sp] = self
			sp++

		case code.UNARY_POSITIVE:
			v := slots[sp-1]
			if !v.IsSmallInt() && !v.IsFloat() {
				if slots[sp-1], err = Pos(th, v); err != nil {
					goto onError
				}
			}

		case code.UNARY_NEGATIVE:
			v := slots[sp-1]
			if v.IsSmallInt() && v.SmallInt() != -1<<63 {
				slots[sp-1] = MakeInt(-v.SmallInt())
			} else if v.IsFloat() {
				slots[sp-1] = MakeFloat(-v.Float())
			} else if slots[sp-1], err = Neg(th, v); err != nil {
				goto onError
			}

		case code.UNARY_NOT:
			v := slots[sp-1]
			if v.IsBool() {
				slots[sp-1] = MakeBool(v.n == 0)
			} else {
				var t bool
				if t, err = Truth(th, v); err != nil {
					goto onError
				}
				slots[sp-1] = MakeBool(!t)
			}

		case code.UNARY_INVERT:
			v := slots[sp-1]
			if v.IsSmallInt() {
				slots[sp-1] = MakeInt(^v.SmallInt())
			} else if slots[sp-1], err = Invert(th, v); err != nil {
				goto onError
			}

		case code.BINARY_OP:
			a, b := slots[sp-2], slots[sp-1]
			sp--
			var r Value
			if a.p == nil && b.p == nil {
				x, y := a.SmallInt(), b.SmallInt()
				switch code.BinaryOp(arg) {
				case code.OpAdd, code.OpAdd + code.InplaceOffset:
					if s := x + y; (s^x)&(s^y) >= 0 {
						slots[sp-1] = MakeInt(s)
						slots[sp] = Null
						continue
					}
				case code.OpSub, code.OpSub + code.InplaceOffset:
					if s := x - y; (x^y)&(s^x) >= 0 {
						slots[sp-1] = MakeInt(s)
						slots[sp] = Null
						continue
					}
				case code.OpMul, code.OpMul + code.InplaceOffset:
					if x > -1<<31 && x < 1<<31 && y > -1<<31 && y < 1<<31 {
						slots[sp-1] = MakeInt(x * y)
						slots[sp] = Null
						continue
					}
				case code.OpMod, code.OpMod + code.InplaceOffset:
					if y > 0 && x >= 0 {
						slots[sp-1] = MakeInt(x % y)
						slots[sp] = Null
						continue
					}
				case code.OpFloorDiv, code.OpFloorDiv + code.InplaceOffset:
					if y > 0 && x >= 0 {
						slots[sp-1] = MakeInt(x / y)
						slots[sp] = Null
						continue
					}
				case code.OpAnd, code.OpAnd + code.InplaceOffset:
					slots[sp-1] = MakeInt(x & y)
					slots[sp] = Null
					continue
				case code.OpOr, code.OpOr + code.InplaceOffset:
					slots[sp-1] = MakeInt(x | y)
					slots[sp] = Null
					continue
				case code.OpXor, code.OpXor + code.InplaceOffset:
					slots[sp-1] = MakeInt(x ^ y)
					slots[sp] = Null
					continue
				}
			} else if a.IsFloat() && b.IsFloat() {
				x, y := a.Float(), b.Float()
				switch code.BinaryOp(arg) {
				case code.OpAdd, code.OpAdd + code.InplaceOffset:
					slots[sp-1] = MakeFloat(x + y)
					slots[sp] = Null
					continue
				case code.OpSub, code.OpSub + code.InplaceOffset:
					slots[sp-1] = MakeFloat(x - y)
					slots[sp] = Null
					continue
				case code.OpMul, code.OpMul + code.InplaceOffset:
					slots[sp-1] = MakeFloat(x * y)
					slots[sp] = Null
					continue
				case code.OpTrueDiv, code.OpTrueDiv + code.InplaceOffset:
					if y != 0 {
						slots[sp-1] = MakeFloat(x / y)
						slots[sp] = Null
						continue
					}
				}
			} else if sa, ok := castExact[Str](a, StrType); ok && (arg == int(code.OpAdd) || arg == int(code.OpAdd+code.InplaceOffset)) {
				if sb, ok := castExact[Str](b, StrType); ok {
					slots[sp-1] = concatStr(sa, sb)
					slots[sp] = Null
					continue
				}
			}
			if arg >= int(code.InplaceOffset) {
				r, err = InplaceOperation(th, a, b, BinaryOp(arg-int(code.InplaceOffset)))
			} else {
				r, err = BinaryOperation(th, a, b, BinaryOp(arg))
			}
			if err != nil {
				goto onError
			}
			slots[sp-1] = r
			slots[sp] = Null

		case code.COMPARE_OP:
			a, b := slots[sp-2], slots[sp-1]
			sp--
			slots[sp] = Null
			if a.p == nil && b.p == nil {
				slots[sp-1] = MakeBool(compareInt64(a.SmallInt(), b.SmallInt(), CompareOp(arg)))
				continue
			}
			if a.IsFloat() && b.IsFloat() {
				x, y := a.Float(), b.Float()
				var r bool
				switch CompareOp(arg) {
				case CmpLT:
					r = x < y
				case CmpLE:
					r = x <= y
				case CmpEQ:
					r = x == y
				case CmpNE:
					r = x != y
				case CmpGT:
					r = x > y
				default:
					r = x >= y
				}
				slots[sp-1] = MakeBool(r)
				continue
			}
			if sa, ok := castExact[Str](a, StrType); ok {
				if sb, ok := castExact[Str](b, StrType); ok {
					slots[sp-1] = MakeBool(compareStrings(sa.s, sb.s, CompareOp(arg)))
					continue
				}
			}
			if slots[sp-1], err = RichCompare(th, a, b, CompareOp(arg)); err != nil {
				goto onError
			}

		case code.IS_OP:
			sp--
			r := slots[sp-1].Is(slots[sp])
			slots[sp] = Null
			slots[sp-1] = MakeBool(r != (arg == 1))

		case code.CONTAINS_OP:
			sp--
			var r bool
			if r, err = Contains(th, slots[sp], slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp] = Null
			slots[sp-1] = MakeBool(r != (arg == 1))

		case code.BINARY_SUBSCR:
			container, key := slots[sp-2], slots[sp-1]
			sp--
			slots[sp] = Null
			if l, ok := castExact[List](container, ListType); ok && key.IsSmallInt() {
				i := key.SmallInt()
				if i < 0 {
					i += int64(len(l.items))
				}
				if i >= 0 && i < int64(len(l.items)) {
					slots[sp-1] = l.items[i]
					continue
				}
			} else if t, ok := castExact[Tuple](container, TupleType); ok && key.IsSmallInt() {
				i := key.SmallInt()
				if i < 0 {
					i += int64(len(t.items))
				}
				if i >= 0 && i < int64(len(t.items)) {
					slots[sp-1] = t.items[i]
					continue
				}
			} else if d, ok := castExact[Dict](container, DictType); ok {
				var v Value
				var found bool
				if v, found, err = d.Get(th, key); err != nil {
					goto onError
				}
				if found {
					slots[sp-1] = v
					continue
				}
				err = dictMissing(th, container, key)
				goto onError
			}
			if slots[sp-1], err = GetItem(th, container, key); err != nil {
				goto onError
			}

		case code.STORE_SUBSCR:
			v, container, key := slots[sp-3], slots[sp-2], slots[sp-1]
			sp -= 3
			slots[sp], slots[sp+1], slots[sp+2] = Null, Null, Null
			if l, ok := castExact[List](container, ListType); ok && key.IsSmallInt() {
				i := key.SmallInt()
				if i < 0 {
					i += int64(len(l.items))
				}
				if i >= 0 && i < int64(len(l.items)) {
					l.items[i] = v
					continue
				}
			} else if d, ok := castExact[Dict](container, DictType); ok {
				if err = d.Set(th, key, v); err != nil {
					goto onError
				}
				continue
			}
			if err = SetItem(th, container, key, v); err != nil {
				goto onError
			}

		case code.DELETE_SUBSCR:
			container, key := slots[sp-2], slots[sp-1]
			sp -= 2
			if err = SetItem(th, container, key, Null); err != nil {
				goto onError
			}

		case code.BUILD_SLICE:
			var step Value = None
			if arg == 3 {
				sp--
				step = slots[sp]
			}
			sp--
			slots[sp-1] = NewSlice(slots[sp-1], slots[sp], step).Value()

		case code.BUILD_TUPLE:
			items := make([]Value, arg)
			copy(items, slots[sp-arg:sp])
			sp -= arg
			slots[sp] = NewTuple(items...).Value()
			sp++

		case code.BUILD_LIST:
			items := make([]Value, arg, max(arg, 4))
			copy(items, slots[sp-arg:sp])
			sp -= arg
			slots[sp] = NewList(items).Value()
			sp++

		case code.BUILD_SET:
			var s *Set
			if s, err = newSetFromSlice(th, SetType, slots[sp-arg:sp]); err != nil {
				goto onError
			}
			sp -= arg
			slots[sp] = s.Value()
			sp++

		case code.BUILD_MAP:
			d := NewDictSized(arg)
			for i := sp - 2*arg; i < sp; i += 2 {
				if err = d.Set(th, slots[i], slots[i+1]); err != nil {
					goto onError
				}
			}
			sp -= 2 * arg
			slots[sp] = d.Value()
			sp++

		case code.BUILD_CONST_KEY_MAP:
			keys := tupleLayout.Must(slots[sp-1]).items
			d := NewDictSized(arg)
			for i := 0; i < arg; i++ {
				if err = d.Set(th, keys[i], slots[sp-1-arg+i]); err != nil {
					goto onError
				}
			}
			sp -= arg + 1
			slots[sp] = d.Value()
			sp++

		case code.BUILD_STRING:
			slots[sp-arg] = joinStrs(slots[sp-arg : sp])
			sp -= arg - 1

		case code.LIST_APPEND:
			sp--
			listLayout.Must(slots[sp-arg]).Append(slots[sp])

		case code.SET_ADD:
			sp--
			if err = setLayout.Must(slots[sp-arg]).Add(th, slots[sp]); err != nil {
				goto onError
			}

		case code.MAP_ADD:
			sp -= 2
			if err = dictLayout.Must(slots[sp-arg]).Set(th, slots[sp], slots[sp+1]); err != nil {
				goto onError
			}

		case code.LIST_EXTEND:
			sp--
			if err = listExtendForDisplay(th, listLayout.Must(slots[sp-arg]), slots[sp]); err != nil {
				goto onError
			}

		case code.SET_UPDATE:
			sp--
			if err = setLayout.Must(slots[sp-arg]).Update(th, slots[sp]); err != nil {
				goto onError
			}

		case code.DICT_UPDATE:
			sp--
			if err = dictUpdateFromDisplay(th, dictLayout.Must(slots[sp-arg]), slots[sp]); err != nil {
				goto onError
			}

		case code.DICT_MERGE:
			sp--
			if err = dictMergeForCall(th, dictLayout.Must(slots[sp-arg]), slots[sp], slots[sp-arg-2]); err != nil {
				goto onError
			}

		case code.LIST_TO_TUPLE:
			slots[sp-1] = NewTuple(listLayout.Must(slots[sp-1]).items...).Value()

		case code.UNPACK_SEQUENCE:
			seq := slots[sp-1]
			sp--
			if t, ok := castExact[Tuple](seq, TupleType); ok && len(t.items) == arg {
				for i := arg - 1; i >= 0; i-- {
					slots[sp] = t.items[i]
					sp++
				}
				continue
			}
			if l, ok := castExact[List](seq, ListType); ok && len(l.items) == arg {
				for i := arg - 1; i >= 0; i-- {
					slots[sp] = l.items[i]
					sp++
				}
				continue
			}
			if err = unpackIterable(th, seq, arg, -1, slots[sp:sp+arg]); err != nil {
				goto onError
			}
			sp += arg

		case code.UNPACK_EX:
			before, after := arg&0xff, arg>>8
			seq := slots[sp-1]
			sp--
			if err = unpackIterable(th, seq, before, after, slots[sp:sp+before+after+1]); err != nil {
				goto onError
			}
			sp += before + after + 1

		case code.FORMAT_VALUE:
			var spec Value = Null
			if arg&code.FormatWithSpec != 0 {
				sp--
				spec = slots[sp]
			}
			if slots[sp-1], err = formatValue(th, slots[sp-1], arg&code.FormatConvMask, spec); err != nil {
				goto onError
			}

		case code.JUMP:
			pc = arg

		case code.JUMP_BACKWARD:
			pc = arg
			if breaker.Load() != 0 {
				f.sp, f.pc = sp, pc
				if err = th.handlePending(); err != nil {
					goto onError
				}
			}

		case code.JUMP_BACKWARD_NO_INTERRUPT:
			pc = arg

		case code.POP_JUMP_IF_FALSE, code.POP_JUMP_BACKWARD_IF_FALSE:
			sp--
			v := slots[sp]
			var t bool
			if v.IsBool() {
				t = v.n != 0
			} else if t, err = Truth(th, v); err != nil {
				goto onError
			}
			if !t {
				pc = arg
				if code.Opcode(ins) == code.POP_JUMP_BACKWARD_IF_FALSE && breaker.Load() != 0 {
					f.sp, f.pc = sp, pc
					if err = th.handlePending(); err != nil {
						goto onError
					}
				}
			}

		case code.POP_JUMP_IF_TRUE, code.POP_JUMP_BACKWARD_IF_TRUE:
			sp--
			v := slots[sp]
			var t bool
			if v.IsBool() {
				t = v.n != 0
			} else if t, err = Truth(th, v); err != nil {
				goto onError
			}
			if t {
				pc = arg
				if code.Opcode(ins) == code.POP_JUMP_BACKWARD_IF_TRUE && breaker.Load() != 0 {
					f.sp, f.pc = sp, pc
					if err = th.handlePending(); err != nil {
						goto onError
					}
				}
			}

		case code.POP_JUMP_IF_NONE:
			sp--
			if slots[sp].IsNone() {
				pc = arg
			}

		case code.POP_JUMP_IF_NOT_NONE:
			sp--
			if !slots[sp].IsNone() {
				pc = arg
			}

		case code.JUMP_IF_FALSE_OR_POP, code.JUMP_IF_TRUE_OR_POP:
			v := slots[sp-1]
			var t bool
			if v.IsBool() {
				t = v.n != 0
			} else if t, err = Truth(th, v); err != nil {
				goto onError
			}
			if t == (code.Opcode(ins) == code.JUMP_IF_TRUE_OR_POP) {
				pc = arg
			} else {
				sp--
			}

		case code.GET_ITER:
			v := slots[sp-1]
			if l, ok := castExact[List](v, ListType); ok {
				slots[sp-1] = newListIterFor(l)
				continue
			}
			if slots[sp-1], err = Iter(th, v); err != nil {
				goto onError
			}
			if arg == 1 {
				if g, ok := castExact[Generator](slots[sp-1], GeneratorType); ok && g.state == genCreated {
					g.temp = true
				}
			}

		case code.FOR_ITER:
			it := slots[sp-1]
			var v Value
			if li, ok := castExact[listIter](it, ListIterType); ok {
				if li.list != nil && li.i < len(li.list.items) {
					slots[sp] = li.list.items[li.i]
					li.i++
					sp++
					continue
				}
				li.list = nil
			} else if ri, ok := castExact[rangeIter](it, RangeIterType); ok {
				if ri.left > 0 {
					slots[sp] = MakeInt(ri.next)
					ri.next += ri.step
					ri.left--
					sp++
					continue
				}
			} else {
				if v, err = Next(th, it); err != nil {
					goto onError
				}
				if !v.IsNull() {
					slots[sp] = v
					sp++
					continue
				}
			}
			sp--
			slots[sp] = Null
			pc = arg

		case code.RETURN_VALUE:
			sp--
			result = slots[sp]
			if f.gen != nil {
				f.gen.finish()
			}
			if f.entry {
				th.popFrame(f)
				return result, nil
			}
			caller := f.back
			th.depth--
			th.frame = caller
			initSelf := f.initSelf
			th.releaseFrame(f)
			f = caller
			if !initSelf.IsNull() {
				if !result.IsNone() {
					co, slots = f.code, f.slots
					sp, pc = f.sp, f.pc
					err = Errorf(TypeError, "__init__() should return None, not '%s'", TypeName(result))
					goto onError
				}
				result = initSelf
			}
			f.slots[f.sp] = result
			f.sp++
			goto reload

		case code.YIELD_VALUE:
			sp--
			result = slots[sp]
			slots[sp] = Null
			f.sp, f.pc = sp, pc
			f.gen.suspend()
			th.popFrame(f)
			return result, nil

		case code.GET_YIELD_FROM_ITER:
			if slots[sp-1], err = getYieldFromIter(th, co, slots[sp-1]); err != nil {
				goto onError
			}

		case code.SEND:
			recv, v := slots[sp-2], slots[sp-1]
			var r Value
			var done bool
			if r, done, err = sendTo(th, recv, v); err != nil {
				goto onError
			}
			if done {
				sp--
				slots[sp] = Null
				slots[sp-1] = r
				pc = arg
			} else {
				slots[sp-1] = r
			}

		case code.GET_AWAITABLE:
			if slots[sp-1], err = getAwaitable(th, slots[sp-1], arg); err != nil {
				goto onError
			}

		case code.GET_AITER:
			if slots[sp-1], err = getAIter(th, slots[sp-1]); err != nil {
				goto onError
			}
			if arg == 1 {
				if g, ok := castExact[Generator](slots[sp-1], AsyncGeneratorType); ok && g.state == genCreated {
					g.temp = true
				}
			}

		case code.GET_ANEXT:
			var aw Value
			if aw, err = getANext(th, slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp] = aw
			sp++

		case code.END_ASYNC_FOR:
			exc := slots[sp-1]
			if e, ok := AsExceptionValue(exc); ok && e.Matches(StopAsyncIteration) {
				sp -= 2
				slots[sp], slots[sp+1] = Null, Null
				th.excInfo.value = Null
				continue
			}
			sp--
			err = asException(exc)
			reraise = true
			goto onError

		case code.BEFORE_ASYNC_WITH:
			var exit, res Value
			if exit, res, err = beforeAsyncWith(th, slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp-1] = exit
			slots[sp] = res
			sp++

		case code.ASYNC_GEN_WRAP:
			slots[sp-1] = wrapAsyncGenValue(slots[sp-1])

		case code.MAKE_FUNCTION:
			fn := NewFunction(codeObjectLayout.Must(slots[sp-1]), f.globals)
			sp--
			if arg&code.MakeClosure != 0 {
				sp--
				cells := tupleLayout.Must(slots[sp]).items
				fn.closure = make([]*Cell, len(cells))
				for i, c := range cells {
					fn.closure[i] = cellLayout.Must(c)
				}
			}
			if arg&code.MakeAnnotations != 0 {
				sp--
				fn.annots = annotationsDict(th, slots[sp])
			}
			if arg&code.MakeKwDefaults != 0 {
				sp--
				fn.kwdefaults = dictLayout.Must(slots[sp])
			}
			if arg&code.MakeDefaults != 0 {
				sp--
				fn.defaults = tupleLayout.Must(slots[sp]).items
			}
			slots[sp] = fn.Value()
			sp++

		case code.KW_NAMES:
			th.kwnames = tupleLayout.Must(consts[arg]).items

		case code.CALL:
			kwnames := th.kwnames
			th.kwnames = nil
			base := sp - arg - 2
			callable := slots[base]
			var args []Value
			if callable.IsNull() {
				callable = slots[base+1]
				args = slots[base+2 : sp]
				if m, ok := castExact[Method](callable, MethodType); ok {
					// Unpack a bound method into the free slot below the
					// arguments: no allocation for obj.method callbacks.
					callable = m.fn
					slots[base+1] = m.self
					args = slots[base+1 : sp]
				}
			} else {
				args = slots[base+1 : sp]
			}
			initSelf := Null
			if ct, ok := castExact[Type](callable, TypeType); ok {
				if initFn := ct.fastInit(); initFn != nil {
					// Instantiate a plain class inside the loop: allocate,
					// then run __init__ as an ordinary Python call.
					initSelf = ct.layout.new(ct)
					callable = initFn.Value()
				}
			}
			if fn, ok := AsFunction(callable); ok {
				var nf *Frame
				if nf, err = th.setupCall(fn, initSelf, args, kwnames); err != nil {
					goto onError
				}
				nf.initSelf = initSelf
				if nf.gen == nil {
					// Push the callee and continue in this loop.
					clear(slots[base:sp])
					f.sp, f.pc = base, pc
					nf.back = f
					th.frame = nf
					if th.depth++; th.depth > th.Interp.RecursionLimit {
						th.depth--
						th.frame = f
						th.releaseFrame(nf)
						err = Errorf(RecursionError, "maximum recursion depth exceeded")
						goto onError
					}
					f = nf
					goto reload
				}
				r := nf.gen.Value()
				clear(slots[base:sp])
				slots[base] = r
				sp = base + 1
				continue
			}
			f.sp, f.pc = sp, pc
			var r Value
			check := true
			if bf, ok := castExact[BuiltinFunction](callable, BuiltinFunctionType); ok {
				check = !isInlinedBuiltin(bf)
				// A builtin call is a recursion level, as CPython's
				// cfunction_vectorcall_* count it.
				if th.depth++; th.depth > th.Interp.RecursionLimit {
					th.depth--
					err = errRecursionCalling()
					goto onError
				}
				if bf.self.IsNull() || bf.static {
					r, err = bf.Fn(th, args, kwnames)
				} else {
					r, err = builtinFunctionCall(th, callable, args, kwnames)
				}
				th.depth--
			} else if md, ok := castExact[methodDescriptor](callable, MethodDescriptorType); ok && len(args) > len(kwnames) && args[0].Type().IsSubtype(md.owner) {
				check = md.m != listAppendMethod
				if th.depth++; th.depth > th.Interp.RecursionLimit {
					th.depth--
					err = errRecursionCalling()
					goto onError
				}
				r, err = md.m.Fn(th, args, kwnames)
				th.depth--
			} else {
				r, err = Call(th, callable, args, kwnames)
			}
			clear(slots[base:sp])
			sp = base
			if err != nil {
				goto onError
			}
			slots[sp] = r
			sp++
			if check && breaker.Load() != 0 {
				f.sp, f.pc = sp, pc
				if err = th.handlePending(); err != nil {
					goto onError
				}
			}

		case code.CALL_FUNCTION_EX:
			var kwargs Value = Null
			if arg&1 != 0 {
				sp--
				kwargs = slots[sp]
			}
			sp--
			callargs := slots[sp]
			sp--
			callable := slots[sp]
			sp-- // the NULL
			f.sp, f.pc = sp, pc
			var r Value
			if r, err = callEx(th, callable, callargs, kwargs); err != nil {
				goto onError
			}
			clear(slots[sp : sp+3+int(arg&1)]) // NULL, callable, args[, kwargs]
			slots[sp] = r
			sp++
			if breaker.Load() != 0 {
				f.sp, f.pc = sp, pc
				if err = th.handlePending(); err != nil {
					goto onError
				}
			}

		case code.LOAD_BUILD_CLASS:
			v, ok := f.builtins.getStr(dunderBuildClass)
			if !ok {
				err = Errorf(NameError, "__build_class__ not found")
				goto onError
			}
			slots[sp] = v
			sp++

		case code.SETUP_ANNOTATIONS:
			if err = setupAnnotations(th, f); err != nil {
				goto onError
			}

		case code.RAISE_VARARGS:
			var cause Value = Null
			if arg == 2 {
				sp--
				cause = slots[sp]
			}
			if arg == 0 {
				cur := th.CurrentException()
				if cur.IsNull() {
					err = Errorf(RuntimeError, "No active exception to reraise")
					goto onError
				}
				err = asException(cur)
				reraise = true
				goto onError
			}
			sp--
			err = makeRaise(th, slots[sp], cause)
			goto onError

		case code.RERAISE:
			exc := slots[sp-1]
			if arg > 0 {
				if li := slots[sp-1-arg]; li.IsSmallInt() {
					f.lasti = int(li.SmallInt())
				}
			}
			sp--
			err = asException(exc)
			reraise = true
			goto onError

		case code.PUSH_EXC_INFO:
			exc := slots[sp-1]
			prev := th.excInfo.value
			if prev.IsNull() {
				prev = None
			}
			slots[sp-1] = prev
			slots[sp] = exc
			sp++
			th.excInfo.value = exc

		case code.POP_EXCEPT:
			sp--
			th.excInfo.value = slots[sp]
			slots[sp] = Null

		case code.CHECK_EXC_MATCH:
			var ok bool
			if ok, err = exceptionMatches(th, slots[sp-2], slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp-1] = MakeBool(ok)

		case code.CHECK_EG_MATCH:
			var rest, match Value
			if rest, match, err = exceptionGroupMatch(th, slots[sp-2], slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp-2], slots[sp-1] = rest, match

		case code.PREP_RERAISE_STAR:
			sp--
			if slots[sp-1], err = prepReraiseStar(th, slots[sp-1], slots[sp]); err != nil {
				goto onError
			}

		case code.WITH_EXCEPT_START:
			exit, exc := slots[sp-4], slots[sp-1]
			var r Value
			if r, err = callExit(th, exit, exc); err != nil {
				goto onError
			}
			slots[sp] = r
			sp++

		case code.BEFORE_WITH:
			var exit, res Value
			if exit, res, err = beforeWith(th, slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp-1] = exit
			slots[sp] = res
			sp++

		case code.LOAD_ASSERTION_ERROR:
			slots[sp] = AssertionError.Value()
			sp++

		case code.IMPORT_NAME:
			fromlist, level := slots[sp-1], slots[sp-2]
			sp--
			f.sp, f.pc = sp, pc
			var m Value
			if m, err = importName(th, f, co.names[arg], fromlist, level); err != nil {
				goto onError
			}
			slots[sp] = Null
			slots[sp-1] = m

		case code.IMPORT_FROM:
			var v Value
			if v, err = importFrom(th, slots[sp-1], co.names[arg]); err != nil {
				goto onError
			}
			slots[sp] = v
			sp++

		case code.IMPORT_STAR:
			sp--
			if err = importStar(th, f, slots[sp]); err != nil {
				goto onError
			}

		case code.GET_LEN:
			var n int
			if n, err = Len(th, slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp] = MakeInt(int64(n))
			sp++

		case code.MATCH_MAPPING:
			slots[sp] = MakeBool(isMatchMapping(slots[sp-1]))
			sp++

		case code.MATCH_SEQUENCE:
			slots[sp] = MakeBool(isMatchSequence(slots[sp-1]))
			sp++

		case code.MATCH_KEYS:
			var r Value
			if r, err = matchKeys(th, slots[sp-2], slots[sp-1]); err != nil {
				goto onError
			}
			slots[sp] = r
			sp++

		case code.MATCH_CLASS:
			subject, cls, names := slots[sp-3], slots[sp-2], slots[sp-1]
			sp -= 2
			var r Value
			if r, err = matchClass(th, subject, cls, arg, names); err != nil {
				goto onError
			}
			slots[sp-1] = r
			slots[sp], slots[sp+1] = Null, Null

		case code.PRINT_EXPR:
			sp--
			if err = th.displayHook(slots[sp]); err != nil {
				goto onError
			}

		default:
			err = Errorf(SystemError, "unknown opcode %s", code.Opcode(ins))
			goto onError
		}
	}

loadAndError:
	co = f.code
	slots = f.slots
	sp, pc = f.sp, f.pc

onError:
	{
		exc := AsException(err)
		lasti := pc - 1
		if !reraise {
			// A new exception in this frame: chain the exception being
			// handled, then record where it happened.
			th.chainContext(exc)
			addTraceback(exc, f, lasti)
		}
		reraise = false
		if h, ok := f.code.Handler(lasti); ok && !th.Interp.killed.Load() {
			th.dropStack(f, slots, int(h.Depth)+f.code.NumLocalsPlus(), sp)
			sp = int(h.Depth) + f.code.NumLocalsPlus()
			if h.Lasti {
				slots[sp] = MakeInt(int64(lasti))
				sp++
			}
			slots[sp] = exc.Value()
			sp++
			f.sp, f.pc = sp, int(h.Target)
			f.lasti = -1
			err = nil
			goto reload
		}
		// No handler: this frame is done.
		th.dropStack(f, slots, f.code.NumLocalsPlus(), sp)
		f.sp, f.pc = sp, pc
		if f.gen != nil {
			f.gen.finish()
		}
		if f.entry {
			th.popFrame(f)
			return Null, exc
		}
		caller := f.back
		th.depth--
		th.frame = caller
		th.releaseFrame(f)
		f = caller
		// The caller continues unwinding from its CALL instruction, which
		// gets its own traceback entry; the context is already set.
		co = f.code
		slots = f.slots
		sp, pc = f.sp, f.pc
		addTraceback(exc, f, pc-1)
		reraise = true
		err = exc
		goto onError
	}
}

// popFrame ends an entry frame: unlink it, and free it unless it belongs
// to a generator (which keeps it for the next resume).
func (th *Thread) popFrame(f *Frame) {
	th.depth--
	th.frame = f.back
	if f.gen == nil {
		th.releaseFrame(f)
	} else {
		f.back = nil
	}
}

// chainContext sets exc.__context__ to the exception being handled, as
// CPython's _PyErr_SetObject does (without creating a cycle).
func (th *Thread) chainContext(exc *Exception) {
	cur := th.CurrentException()
	if cur.IsNull() || cur.Is(exc.Value()) {
		return
	}
	// Break a cycle: if exc is already somewhere in cur's context chain,
	// cut the chain there.
	o := cur
	for {
		e, ok := AsExceptionValue(o)
		if !ok {
			break
		}
		ctx := e.context
		if ctx.IsNull() || ctx.IsNone() {
			break
		}
		if ctx.Is(exc.Value()) {
			e.context = Null
			break
		}
		o = ctx
	}
	exc.context = cur
}

// handlePending runs at a check point when the eval breaker is set.
func (th *Thread) handlePending() error {
	in := th.Interp
	th.checkStop()
	if in.killed.Load() {
		return errKilled()
	}
	g := in.GIL
	b := g.Breaker.Load()
	if b&gil.PendingSignals != 0 && th == in.main && in.Hooks.Signals != nil {
		if err := in.Hooks.Signals(th); err != nil {
			return err
		}
	}
	if g.DropRequested() {
		g.Yield(th.G)
	}
	if g.Breaker.Load()&gil.PendingAsync != 0 {
		if exc := th.asyncExc.Swap(nil); exc != nil {
			return exc
		}
		if !in.anyAsyncPending() {
			g.Breaker.And(^gil.PendingAsync)
		}
	}
	return nil
}

func (in *Interp) anyAsyncPending() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, t := range in.threads {
		if t.asyncExc.Load() != nil {
			return true
		}
	}
	return false
}

// CheckPoint lets Go code that loops for a long time (on behalf of Python
// code) serve GIL drop requests and signals like the eval loop does.
func (th *Thread) CheckPoint() error {
	if th.Interp.GIL.Breaker.Load() != 0 {
		return th.handlePending()
	}
	return nil
}

func unboundLocal(co *CodeObject, i int) error {
	name := co.LocalsPlus[i]
	e := Errorf(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
	e.setAttr("name", MakeStr(name))
	return e
}

func unboundDeref(co *CodeObject, i int) error {
	name := co.LocalsPlus[i]
	if co.Kinds[i]&code.KindFree != 0 {
		e := Errorf(NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
		e.setAttr("name", MakeStr(name))
		return e
	}
	return unboundLocal(co, i)
}

func asException(v Value) *Exception {
	if e, ok := AsExceptionValue(v); ok {
		return e
	}
	return Errorf(SystemError, "exception expected, got %s", TypeName(v))
}

// dropStack clears the value stack slots [from, to) while an exception
// unwinds, closing temporary generators abandoned there (top first), as
// CPython's reference counting does when it pops them.
func (th *Thread) dropStack(f *Frame, slots []Value, from, to int) {
	for i := to - 1; i >= from; i-- {
		v := slots[i]
		slots[i] = Null
		if v.p != nil && !isTag(v.p) && ((*Object)(v.p).typ == GeneratorType || (*Object)(v.p).typ == AsyncGeneratorType) {
			th.discardIterator(v)
		}
	}
}
