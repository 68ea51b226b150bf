package vm

// This file holds the parts of the code object's Python API that look at
// its instructions: co_code, co_lines(), co_positions(), co_lnotab, and
// replace(). gilpy's instructions are not CPython's, so co_code cannot be
// CPython's bytes: it is gilpy's bytecode as 2-byte units (opcode, low
// byte of the argument), and the offsets co_lines() reports count in the
// same units, so that the two agree with each other as in CPython.

import "gilpy/vm/code"

// codeUnit is the size of one instruction in co_code.
const codeUnit = 2

func codeBytes(c *CodeObject) Value {
	b := make([]byte, 0, codeUnit*len(c.Instrs))
	for _, ins := range c.Instrs {
		b = append(b, byte(ins.Op()), byte(ins.Arg()))
	}
	return NewBytes(b).Value()
}

// codeLines is co_lines(): (start, end, line) for runs of instructions on
// the same line, line None where an instruction has none.
func codeLines(c *CodeObject) []Value {
	var out []Value
	start, line := 0, int32(-1)
	emit := func(end int) {
		if end > start {
			var l Value = None
			if line > 0 {
				l = MakeInt(int64(line))
			}
			out = append(out, NewTuple(MakeInt(int64(start*codeUnit)), MakeInt(int64(end*codeUnit)), l).Value())
		}
	}
	for i := range c.Instrs {
		l := int32(0)
		if i < len(c.Positions) {
			l = c.Positions[i].Line
		}
		if i == 0 {
			line = l
			continue
		}
		if l != line {
			emit(i)
			start, line = i, l
		}
	}
	emit(len(c.Instrs))
	return out
}

// codePositions is co_positions(): (line, end_line, col, end_col) per
// instruction, None where unknown.
func codePositions(c *CodeObject) []Value {
	out := make([]Value, len(c.Instrs))
	opt := func(n int32, ok bool) Value {
		if !ok {
			return None
		}
		return MakeInt(int64(n))
	}
	for i := range c.Instrs {
		var p code.Position
		if i < len(c.Positions) {
			p = c.Positions[i]
		}
		has := p.Line > 0
		out[i] = NewTuple(opt(p.Line, has), opt(p.EndLine, has), opt(p.Col, has && p.Col >= 0), opt(p.EndCol, has && p.EndCol >= 0)).Value()
	}
	return out
}

// codeLnotab is the deprecated co_lnotab, derived from co_lines() the way
// CPython 3.11 derives it: (offset increment, line increment) byte pairs.
func codeLnotab(c *CodeObject) Value {
	var b []byte
	prevOff, prevLine := 0, c.FirstLine
	for _, v := range codeLines(c) {
		t, _ := AsTuple(v)
		if t.items[2].IsNone() {
			continue
		}
		off, line := int(t.items[0].SmallInt()), int(t.items[2].SmallInt())
		dOff, dLine := off-prevOff, line-prevLine
		for dOff > 255 {
			b = append(b, 255, 0)
			dOff -= 255
		}
		for dLine > 127 {
			b = append(b, byte(dOff), 127)
			dOff, dLine = 0, dLine-127
		}
		for dLine < -128 {
			b = append(b, byte(dOff), 0x80)
			dOff, dLine = 0, dLine+128
		}
		if dOff != 0 || dLine != 0 {
			b = append(b, byte(dOff), byte(int8(dLine)))
		}
		prevOff, prevLine = off, line
	}
	return NewBytes(b).Value()
}

// codeReplace is code.replace(**changes): a copy with the named fields
// replaced. The fields that describe the instructions themselves
// (co_code, co_linetable, co_exceptiontable) cannot be replaced, since
// gilpy's differ from CPython's.
func codeReplace(th *Thread, args []Value, kwnames []Value) (Value, error) {
	if len(args) != 1+len(kwnames) {
		return Null, Errorf(TypeError, "replace() takes no positional arguments")
	}
	old := codeObjectLayout.Must(args[0])
	c := *old.Code
	consts, names := old.consts, []string(nil)
	for i, kn := range kwnames {
		k, _ := AsStr(kn)
		v := args[1+i]
		intArg := func(dst *int) error {
			n, ok := intToInt64(v)
			if !ok {
				return Errorf(TypeError, "replace() argument '%s' must be int, not %s", k.s, TypeName(v))
			}
			*dst = int(n)
			return nil
		}
		strArg := func(dst *string) error {
			s, ok := AsStr(v)
			if !ok {
				return Errorf(TypeError, "replace() argument '%s' must be str, not %s", k.s, TypeName(v))
			}
			*dst = s.s
			return nil
		}
		var err error
		switch k.s {
		case "co_name":
			err = strArg(&c.Name)
		case "co_qualname":
			err = strArg(&c.Qualname)
		case "co_filename":
			err = strArg(&c.Filename)
		case "co_firstlineno":
			err = intArg(&c.FirstLine)
		case "co_argcount":
			err = intArg(&c.ArgCount)
		case "co_posonlyargcount":
			err = intArg(&c.PosOnlyArgCount)
		case "co_kwonlyargcount":
			err = intArg(&c.KwOnlyArgCount)
		case "co_stacksize":
			err = intArg(&c.StackSize)
		case "co_flags":
			var f int
			if err = intArg(&f); err == nil {
				c.Flags = code.Flags(f)
			}
		case "co_consts":
			t, ok := AsTuple(v)
			if !ok {
				return Null, Errorf(TypeError, "replace() argument 'co_consts' must be tuple, not %s", TypeName(v))
			}
			consts = append([]Value(nil), t.items...)
		case "co_names":
			t, ok := AsTuple(v)
			if !ok {
				return Null, Errorf(TypeError, "replace() argument 'co_names' must be tuple, not %s", TypeName(v))
			}
			names = make([]string, len(t.items))
			for j, x := range t.items {
				s, ok := AsStr(x)
				if !ok {
					return Null, Errorf(TypeError, "name tuples must contain only strings, not '%s'", TypeName(x))
				}
				names[j] = s.s
			}
			if len(names) != len(c.Names) {
				return Null, Errorf(ValueError, "code: co_names has %d names, the code uses %d", len(names), len(c.Names))
			}
			c.Names = names
		case "co_code", "co_linetable", "co_exceptiontable", "co_varnames", "co_freevars", "co_cellvars", "co_nlocals":
			return Null, Errorf(ValueError, "gilpy cannot replace %s: its bytecode is not CPython's", k.s)
		default:
			return Null, Errorf(TypeError, "'%s' is an invalid keyword argument for replace()", k.s)
		}
		if err != nil {
			return Null, err
		}
	}
	co := NewCodeObject(&c)
	co.consts = consts
	return co.Value(), nil
}
