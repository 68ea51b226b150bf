package compiler

import (
	"gilpy/vm/code"
)

// assemble turns the current unit's flow graph into a code object
// (CPython 3.11's assemble()): add the implicit return, optimize the graph,
// compute line numbers, stack depth and exception table, then lay the
// blocks out and resolve jumps to instruction indices.
func (c *compiler) assemble(addNone bool) *code.Code {
	u := c.u
	// Every block that falls off the end returns None.
	if !u.cur.hasReturn {
		c.unsetLoc()
		if addNone {
			c.loadConst(nil)
		}
		c.addop(code.RETURN_VALUE)
	}
	for _, b := range u.blocks {
		normalizeBlock(b)
	}
	for i := len(u.blocks) - 1; i >= 0; i-- {
		extendBlock(u.blocks[i])
	}
	entry := u.blocks[0]
	if u.firstLine == 0 {
		u.firstLine = 1
		if len(entry.instrs) > 0 && entry.instrs[0].loc.line > 0 {
			u.firstLine = entry.instrs[0].loc.line
		}
	}

	nlocals := len(u.varnames)
	fixed, ndropped := c.cellOffsets()
	c.insertPrefix(entry, fixed)
	for _, b := range u.blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch in.op {
			case code.MAKE_CELL, code.LOAD_CLOSURE, code.LOAD_DEREF, code.STORE_DEREF,
				code.DELETE_DEREF, code.LOAD_CLASSDEREF:
				in.arg = fixed[in.arg]
			}
		}
	}

	c.optimizeCFG(entry)
	c.duplicateExitsWithoutLineno()
	c.trimUnusedConsts(entry)
	propagateLineNumbers(entry)
	guaranteeLinenoForExits(entry, u.firstLine)
	c.expandBackwardNoneJumps(entry)
	maxDepth := c.stackDepth(entry)
	labelExceptionTargets(entry)
	convertExceptionHandlersToNops(entry)
	for b := entry; b != nil; b = b.next {
		cleanBlock(b)
	}
	normalizeJumps(entry)

	co := &code.Code{
		Name:            u.name,
		Qualname:        u.qualname,
		Filename:        c.filename,
		FirstLine:       u.firstLine,
		ArgCount:        u.posonlyargcount + u.argcount,
		PosOnlyArgCount: u.posonlyargcount,
		KwOnlyArgCount:  u.kwonlyargcount,
		Flags:           c.codeFlags(),
		StackSize:       maxDepth,
		Consts:          append([]any(nil), u.consts...),
		Names:           append([]string(nil), u.names...),
		Doc:             u.doc,
	}
	if co.Qualname == "" {
		co.Qualname = u.name
	}
	c.localsPlus(co, nlocals, ndropped)
	c.emitCode(co, entry)
	return co
}

// cellOffsets maps cell and free variable indexes (cells first, then frees,
// as the code generator numbers them) to their slots in the final locals
// area: a captured parameter keeps its parameter slot; the other cells
// follow the locals, then the free variables.
func (c *compiler) cellOffsets() (fixed []int, ndropped int) {
	u := c.u
	nlocals := len(u.varnames)
	fixed = make([]int, len(u.cellvars)+len(u.freevars))
	for i, name := range u.cellvars {
		if v, ok := u.varIndex[name]; ok {
			fixed[i] = v
			ndropped++
		} else {
			fixed[i] = nlocals + i - ndropped
		}
	}
	for j := range u.freevars {
		fixed[len(u.cellvars)+j] = nlocals + len(u.cellvars) - ndropped + j
	}
	return fixed, ndropped
}

// insertPrefix puts the frame set-up in front of the entry block:
// COPY_FREE_VARS, then a MAKE_CELL per cell in slot order.
func (c *compiler) insertPrefix(entry *block, fixed []int) {
	u := c.u
	var prefix []instr
	if len(u.freevars) > 0 {
		prefix = append(prefix, instr{op: code.COPY_FREE_VARS, arg: len(u.freevars), loc: noLoc})
	}
	if n := len(u.cellvars); n > 0 {
		slots := make([]int, n)
		copy(slots, fixed[:n])
		// Sort the cells' slots (few of them: insertion sort).
		for i := 1; i < n; i++ {
			for j := i; j > 0 && slots[j] < slots[j-1]; j-- {
				slots[j], slots[j-1] = slots[j-1], slots[j]
			}
		}
		// MAKE_CELL's argument is still a cell index here; it is fixed up
		// with the others.
		inverse := map[int]int{}
		for i := 0; i < n; i++ {
			inverse[fixed[i]] = i
		}
		for _, s := range slots {
			prefix = append(prefix, instr{op: code.MAKE_CELL, arg: inverse[s], loc: noLoc})
		}
	}
	if len(prefix) > 0 {
		entry.instrs = append(prefix, entry.instrs...)
	}
}

func (c *compiler) localsPlus(co *code.Code, nlocals, ndropped int) {
	u := c.u
	for _, name := range u.varnames {
		k := code.KindLocal
		if _, ok := u.cellIndex[name]; ok {
			k |= code.KindCell
		}
		co.LocalsPlus = append(co.LocalsPlus, name)
		co.Kinds = append(co.Kinds, k)
	}
	for _, name := range u.cellvars {
		if _, ok := u.varIndex[name]; ok {
			continue
		}
		co.LocalsPlus = append(co.LocalsPlus, name)
		co.Kinds = append(co.Kinds, code.KindCell)
	}
	for _, name := range u.freevars {
		co.LocalsPlus = append(co.LocalsPlus, name)
		co.Kinds = append(co.Kinds, code.KindFree)
	}
	co.NumCells = len(u.cellvars) - ndropped
	co.NumFrees = len(u.freevars)
}

func (c *compiler) codeFlags() code.Flags {
	ste := c.u.ste
	var f code.Flags
	if ste.typ == functionBlock {
		f |= code.FlagNewLocals | code.FlagOptimized
		if ste.nested {
			f |= code.FlagNested
		}
		switch {
		case ste.generator && !ste.coroutine:
			f |= code.FlagGenerator
		case !ste.generator && ste.coroutine:
			f |= code.FlagCoroutine
		case ste.generator && ste.coroutine:
			f |= code.FlagAsyncGenerator
		}
		if ste.varargs {
			f |= code.FlagVarargs
		}
		if ste.varkeywords {
			f |= code.FlagVarkeywords
		}
	}
	f |= code.Flags(c.future) & (FlagFutureAnnotations | FlagFutureBarryAsBDFL)
	return f
}

// trimUnusedConsts drops constants after the last one used (folding can
// leave some behind).
func (c *compiler) trimUnusedConsts(entry *block) {
	maxIdx := -1
	for b := entry; b != nil; b = b.next {
		for _, in := range b.instrs {
			if (in.op == code.LOAD_CONST || in.op == code.KW_NAMES) && in.arg > maxIdx {
				maxIdx = in.arg
			}
		}
	}
	if maxIdx+1 < len(c.u.consts) {
		for _, k := range c.u.consts[maxIdx+1:] {
			delete(c.u.constIndex, constKeyIn(k, c.codeKeys))
		}
		c.u.consts = c.u.consts[:maxIdx+1]
	}
}

// position converts a generator location to what CPython's location table
// would give back: no columns when either is unknown, and then the end line
// is the line unless it was known to differ.
func position(l loc) code.Position {
	if l.line < 0 {
		return code.Position{Line: -1, EndLine: -1, Col: -1, EndCol: -1}
	}
	if l.col < 0 || l.endCol < 0 {
		end := l.endLine
		if end == -1 || end < l.line {
			end = l.line
		}
		return code.Position{Line: int32(l.line), EndLine: int32(end), Col: -1, EndCol: -1}
	}
	return code.Position{Line: int32(l.line), EndLine: int32(l.endLine), Col: int32(l.col), EndCol: int32(l.endCol)}
}

// emitCode lays out the blocks and writes instructions, positions, cache
// slots and the exception table.
func (c *compiler) emitCode(co *code.Code, entry *block) {
	n := 0
	for b := entry; b != nil; b = b.next {
		b.offset = n
		n += len(b.instrs)
	}
	co.Instrs = make([]code.Instr, 0, n)
	co.Positions = make([]code.Position, 0, n)
	var handler *block
	start := 0
	flush := func(end int) {
		if handler == nil {
			return
		}
		depth := handler.startDepth - 1
		if handler.preserveLasti {
			depth--
		}
		co.ExcTable = append(co.ExcTable, code.ExcEntry{
			Start: int32(start), End: int32(end), Target: int32(handler.offset),
			Depth: int32(depth), Lasti: handler.preserveLasti,
		})
	}
	pc := 0
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.except != handler {
				flush(pc)
				start = pc
				handler = in.except
			}
			arg := in.arg
			if in.isJump() {
				arg = in.target.offset
			}
			switch in.op {
			case code.LOAD_GLOBAL:
				co.Caches = append(co.Caches, code.CacheSlot{Name: arg >> 1, PushNull: arg&1 != 0})
				arg = len(co.Caches) - 1
			case code.LOAD_ATTR, code.STORE_ATTR, code.LOAD_METHOD:
				co.Caches = append(co.Caches, code.CacheSlot{Name: arg})
				arg = len(co.Caches) - 1
			}
			if arg < 0 || arg > code.MaxArg {
				c.error("too many constants, names or instructions in one code object")
			}
			if in.op >= code.SETUP_FINALLY {
				panic("compiler: pseudo-instruction left in final code: " + in.op.String())
			}
			co.Instrs = append(co.Instrs, code.MakeInstr(in.op, arg))
			co.Positions = append(co.Positions, position(in.loc))
			pc++
		}
	}
	flush(pc)
}
