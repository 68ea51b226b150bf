package compiler

import (
	"math/big"
	"unicode/utf8"

	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// stackUseGuideline is CPython's soft limit on values pushed for one
// display or call before it switches to building incrementally.
const stackUseGuideline = 30

// Internal virtual opcode: an unconditional jump that is not a GIL check
// point when it goes backwards (the send loop of await / yield from). The
// assembler turns it into JUMP or JUMP_BACKWARD_NO_INTERRUPT. (JUMP and the
// POP_JUMP_IF_* ops are likewise direction-agnostic until assembly.)
const opJumpNoInterrupt = code.NumOpcodes + 1

// constValue converts a literal to the Go value the code object stores.
func constValue(k *ast.Constant) any {
	switch k.Kind {
	case ast.KindNone:
		return nil
	case ast.KindTrue:
		return true
	case ast.KindFalse:
		return false
	case ast.KindEllipsis:
		return code.Ellipsis{}
	case ast.KindInt:
		if k.Int == nil {
			return int64(0)
		}
		return normInt(k.Int)
	case ast.KindFloat:
		return k.Float
	case ast.KindComplex:
		return complex(0, k.Float)
	case ast.KindStr:
		return k.Str
	case ast.KindBytes:
		return code.Bytes(k.Str)
	}
	panic("compiler: bad constant kind")
}

// normInt stores ints that fit in int64 as int64, others as *big.Int.
func normInt(x *big.Int) any {
	if x.IsInt64() {
		return x.Int64()
	}
	return new(big.Int).Set(x)
}

func binaryOp(op ast.Operator) code.BinaryOp {
	switch op {
	case ast.Add:
		return code.OpAdd
	case ast.Sub:
		return code.OpSub
	case ast.Mult:
		return code.OpMul
	case ast.MatMult:
		return code.OpMatMul
	case ast.Div:
		return code.OpTrueDiv
	case ast.Mod:
		return code.OpMod
	case ast.Pow:
		return code.OpPow
	case ast.LShift:
		return code.OpLShift
	case ast.RShift:
		return code.OpRShift
	case ast.BitOr:
		return code.OpOr
	case ast.BitXor:
		return code.OpXor
	case ast.BitAnd:
		return code.OpAnd
	case ast.FloorDiv:
		return code.OpFloorDiv
	}
	panic("compiler: bad operator")
}

// nameop emits the load/store/delete of a name with the op its scope calls
// for (compiler_nameop).
func (c *compiler) nameop(name string, ctx ast.ExprContext) {
	c.forbiddenName(name, ctx)
	mangled := mangle(c.u.private, name)
	u := c.u
	const (
		opName = iota
		opFast
		opGlobal
		opDeref
	)
	kind := opName
	var derefIdx int
	switch u.ste.scopeOf(mangled) {
	case scopeFree:
		kind = opDeref
		derefIdx = u.freeIndex[mangled]
	case scopeCell:
		kind = opDeref
		derefIdx = u.cellIndex[mangled]
	case scopeLocal:
		if u.ste.typ == functionBlock {
			kind = opFast
		}
	case scopeGlobalImplicit:
		if u.ste.typ == functionBlock {
			kind = opGlobal
		}
	case scopeGlobalExplicit:
		kind = opGlobal
	}
	switch kind {
	case opDeref:
		op := [...]code.Opcode{code.LOAD_DEREF, code.STORE_DEREF, code.DELETE_DEREF}[ctx]
		if ctx == ast.Load && u.ste.typ == classBlock {
			op = code.LOAD_CLASSDEREF
		}
		c.addopI(op, derefIdx)
	case opFast:
		op := [...]code.Opcode{code.LOAD_FAST, code.STORE_FAST, code.DELETE_FAST}[ctx]
		c.addopI(op, addName(&u.varnames, u.varIndex, mangled))
	case opGlobal:
		op := [...]code.Opcode{code.LOAD_GLOBAL, code.STORE_GLOBAL, code.DELETE_GLOBAL}[ctx]
		arg := c.addNameIdx(mangled)
		if op == code.LOAD_GLOBAL {
			arg <<= 1 // the low bit is "push NULL first"
		}
		c.addopI(op, arg)
	default:
		op := [...]code.Opcode{code.LOAD_NAME, code.STORE_NAME, code.DELETE_NAME}[ctx]
		c.addopI(op, c.addNameIdx(mangled))
	}
}

// visitExpr compiles an expression; its instructions get its position,
// and the position in effect before is restored afterwards.
func (c *compiler) visitExpr(e ast.Expr) {
	saved := c.u.loc
	c.setLoc(e)
	c.visitExpr1(e)
	c.u.loc = saved
}

func (c *compiler) visitExpr1(e ast.Expr) {
	switch e := e.(type) {
	case *ast.NamedExpr:
		c.visitExpr(e.Value)
		c.addopI(code.COPY, 1)
		c.visitExpr(e.Target)
	case *ast.BoolOp:
		c.boolOp(e)
	case *ast.BinOp:
		c.visitExpr(e.Left)
		c.visitExpr(e.Right)
		c.addopI(code.BINARY_OP, int(binaryOp(e.Op)))
	case *ast.UnaryOp:
		c.visitExpr(e.Operand)
		c.addop([...]code.Opcode{code.UNARY_INVERT, code.UNARY_NOT, code.UNARY_POSITIVE, code.UNARY_NEGATIVE}[e.Op])
	case *ast.Lambda:
		c.lambda(e)
	case *ast.IfExp:
		end, next := c.newBlock(), c.newBlock()
		c.jumpIf(e.Test, next, false)
		c.visitExpr(e.Body)
		c.addopJNoLine(code.JUMP, end)
		c.useNextBlock(next)
		c.visitExpr(e.Orelse)
		c.useNextBlock(end)
	case *ast.Dict:
		c.dict(e)
	case *ast.Set:
		c.starunpackHelper(e.Elts, 0, code.BUILD_SET, code.SET_ADD, code.SET_UPDATE, false)
	case *ast.GeneratorExp:
		c.comprehension(e, compGenexp, "<genexpr>", e.Generators, e.Elt, nil)
	case *ast.ListComp:
		c.comprehension(e, compList, "<listcomp>", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comprehension(e, compSet, "<setcomp>", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comprehension(e, compDict, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.Yield:
		if c.u.ste.typ != functionBlock {
			c.error("'yield' outside function")
		}
		if e.Value != nil {
			c.visitExpr(e.Value)
		} else {
			c.loadConst(nil)
		}
		c.addYield()
	case *ast.YieldFrom:
		if c.u.ste.typ != functionBlock {
			c.error("'yield' outside function")
		}
		if c.u.scopeType == scopeAsyncFunction {
			c.error("'yield from' inside async function")
		}
		c.visitExpr(e.Value)
		c.addop(code.GET_YIELD_FROM_ITER)
		c.loadConst(nil)
		c.addYieldFrom(false)
	case *ast.Await:
		if c.u.ste.typ != functionBlock {
			c.error("'await' outside function")
		}
		if c.u.scopeType != scopeAsyncFunction && c.u.scopeType != scopeComprehension {
			c.error("'await' outside async function")
		}
		c.visitExpr(e.Value)
		c.addopI(code.GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.addYieldFrom(true)
	case *ast.Compare:
		c.compare(e)
	case *ast.Call:
		c.call(e)
	case *ast.Constant:
		c.loadConst(c.constValue(e))
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.Attribute:
		c.visitExpr(e.Value)
		c.updateStartLocationToMatchAttr(e)
		switch e.Ctx {
		case ast.Load:
			c.addopName(code.LOAD_ATTR, e.Attr)
		case ast.Store:
			c.forbiddenName(e.Attr, e.Ctx)
			c.addopName(code.STORE_ATTR, e.Attr)
		case ast.Del:
			c.addopName(code.DELETE_ATTR, e.Attr)
		}
	case *ast.Subscript:
		if e.Ctx == ast.Load {
			c.checkSubscripter(e.Value)
			c.checkIndex(e.Value, e.Slice)
		}
		c.visitExpr(e.Value)
		c.visitExpr(e.Slice)
		c.addop([...]code.Opcode{code.BINARY_SUBSCR, code.STORE_SUBSCR, code.DELETE_SUBSCR}[e.Ctx])
	case *ast.Starred:
		if e.Ctx == ast.Store {
			c.error("starred assignment target must be in a list or tuple")
		}
		c.error("can't use starred expression here")
	case *ast.Slice:
		n := 2
		if e.Lower != nil {
			c.visitExpr(e.Lower)
		} else {
			c.loadConst(nil)
		}
		if e.Upper != nil {
			c.visitExpr(e.Upper)
		} else {
			c.loadConst(nil)
		}
		if e.Step != nil {
			n++
			c.visitExpr(e.Step)
		}
		c.addopI(code.BUILD_SLICE, n)
	case *ast.Name:
		c.nameop(e.Id, e.Ctx)
	case *ast.List:
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(e.Elts)
		case ast.Load:
			c.starunpackHelper(e.Elts, 0, code.BUILD_LIST, code.LIST_APPEND, code.LIST_EXTEND, false)
		default:
			for _, x := range e.Elts {
				c.visitExpr(x)
			}
		}
	case *ast.Tuple:
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(e.Elts)
		case ast.Load:
			c.starunpackHelper(e.Elts, 0, code.BUILD_LIST, code.LIST_APPEND, code.LIST_EXTEND, true)
		default:
			for _, x := range e.Elts {
				c.visitExpr(x)
			}
		}
	default:
		panic("compiler: unknown expression node")
	}
}

func (c *compiler) addYield() {
	if c.u.ste.generator && c.u.ste.coroutine {
		c.addop(code.ASYNC_GEN_WRAP)
	}
	c.addop(code.YIELD_VALUE)
	c.addopI(code.RESUME, 1)
}

// updateStartLocationToMatchAttr moves the start of the current location to
// the attribute name when the attribute access spans lines, so that a
// traceback points at `.name` rather than at the start of the object.
func (c *compiler) updateStartLocationToMatchAttr(attr *ast.Attribute) {
	u := c.u
	if u.loc.line == attr.EndLine {
		return
	}
	u.loc.line = attr.EndLine
	// CPython counts the name in characters but offsets in bytes.
	n := utf8.RuneCountInString(attr.Attr)
	if n <= attr.EndCol {
		u.loc.col = attr.EndCol - n
	} else {
		u.loc.col, u.loc.endCol = -1, -1
	}
	if u.loc.endLine < u.loc.line {
		u.loc.endLine = u.loc.line
	}
	if u.loc.line == u.loc.endLine && u.loc.endCol < u.loc.col {
		u.loc.endCol = u.loc.col
	}
}

func (c *compiler) boolOp(e *ast.BoolOp) {
	jump := code.JUMP_IF_FALSE_OR_POP
	if e.Op == ast.Or {
		jump = code.JUMP_IF_TRUE_OR_POP
	}
	end := c.newBlock()
	n := len(e.Values) - 1
	for _, v := range e.Values[:n] {
		c.visitExpr(v)
		c.addopJ(jump, end)
		c.useNextBlock(c.newBlock())
	}
	c.visitExpr(e.Values[n])
	c.useNextBlock(end)
}

func isConstExpr(e ast.Expr) bool {
	_, ok := e.(*ast.Constant)
	return ok
}

func allConst(es []ast.Expr) bool {
	for _, e := range es {
		if e == nil || !isConstExpr(e) {
			return false
		}
	}
	return true
}

// starunpackHelper builds a list, set or tuple from elements that may
// include *starred ones; pushed items are already on the stack.
func (c *compiler) starunpackHelper(elts []ast.Expr, pushed int, build, add, extend code.Opcode, tuple bool) {
	n := len(elts)
	if n > 2 && allConst(elts) {
		folded := make(code.Tuple, n)
		for i, e := range elts {
			folded[i] = c.constValue(e.(*ast.Constant))
		}
		if tuple && pushed == 0 {
			c.loadConst(folded)
		} else {
			var k any = folded
			if add == code.SET_ADD {
				// As frozenset(), keeps the first of equal items ({1, 1.0}).
				k = code.FrozenSet(dedupFrozen(folded))
			}
			c.addopI(build, pushed)
			c.loadConst(k)
			c.addopI(extend, 1)
			if tuple {
				c.addop(code.LIST_TO_TUPLE)
			}
		}
		return
	}
	big := n+pushed > stackUseGuideline
	seenStar := false
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			seenStar = true
		}
	}
	if !seenStar && !big {
		for _, e := range elts {
			c.visitExpr(e)
		}
		if tuple {
			c.addopI(code.BUILD_TUPLE, n+pushed)
		} else {
			c.addopI(build, n+pushed)
		}
		return
	}
	built := false
	if big {
		c.addopI(build, pushed)
		built = true
	}
	for i, e := range elts {
		if st, ok := e.(*ast.Starred); ok {
			if !built {
				c.addopI(build, i+pushed)
				built = true
			}
			c.visitExpr(st.Value)
			c.addopI(extend, 1)
		} else {
			c.visitExpr(e)
			if built {
				c.addopI(add, 1)
			}
		}
	}
	if tuple {
		c.addop(code.LIST_TO_TUPLE)
	}
}

func (c *compiler) unpackHelper(elts []ast.Expr) {
	n := len(elts)
	seenStar := false
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if seenStar {
				c.error("multiple starred expressions in assignment")
			}
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.error("too many expressions in star-unpacking assignment")
			}
			c.addopI(code.UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		}
	}
	if !seenStar {
		c.addopI(code.UNPACK_SEQUENCE, n)
	}
}

func (c *compiler) assignmentHelper(elts []ast.Expr) {
	c.unpackHelper(elts)
	for _, e := range elts {
		if st, ok := e.(*ast.Starred); ok {
			c.visitExpr(st.Value)
		} else {
			c.visitExpr(e)
		}
	}
}

func (c *compiler) subdict(e *ast.Dict, begin, end int) {
	n := end - begin
	big := n*2 > stackUseGuideline
	if n > 1 && !big && allConst(e.Keys[begin:end]) {
		for i := begin; i < end; i++ {
			c.visitExpr(e.Values[i])
		}
		keys := make(code.Tuple, n)
		for i := begin; i < end; i++ {
			keys[i-begin] = c.constValue(e.Keys[i].(*ast.Constant))
		}
		c.loadConst(keys)
		c.addopI(code.BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.addopI(code.BUILD_MAP, 0)
	}
	for i := begin; i < end; i++ {
		c.visitExpr(e.Keys[i])
		c.visitExpr(e.Values[i])
		if big {
			c.addopI(code.MAP_ADD, 1)
		}
	}
	if !big {
		c.addopI(code.BUILD_MAP, n)
	}
}

func (c *compiler) dict(e *ast.Dict) {
	n := len(e.Values)
	haveDict := false
	elements := 0
	for i := 0; i < n; i++ {
		if e.Keys[i] == nil { // **mapping
			if elements > 0 {
				c.subdict(e, i-elements, i)
				if haveDict {
					c.addopI(code.DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			}
			if !haveDict {
				c.addopI(code.BUILD_MAP, 0)
				haveDict = true
			}
			c.visitExpr(e.Values[i])
			c.addopI(code.DICT_UPDATE, 1)
		} else if elements*2 > stackUseGuideline {
			c.subdict(e, i-elements, i+1)
			if haveDict {
				c.addopI(code.DICT_UPDATE, 1)
			}
			haveDict = true
			elements = 0
		} else {
			elements++
		}
	}
	if elements > 0 {
		c.subdict(e, n-elements, n)
		if haveDict {
			c.addopI(code.DICT_UPDATE, 1)
		}
		haveDict = true
	}
	if !haveDict {
		c.addopI(code.BUILD_MAP, 0)
	}
}

func (c *compiler) addCompare(op ast.CmpOp) {
	switch op {
	case ast.Eq:
		c.addopI(code.COMPARE_OP, int(code.CmpEQ))
	case ast.NotEq:
		c.addopI(code.COMPARE_OP, int(code.CmpNE))
	case ast.Lt:
		c.addopI(code.COMPARE_OP, int(code.CmpLT))
	case ast.LtE:
		c.addopI(code.COMPARE_OP, int(code.CmpLE))
	case ast.Gt:
		c.addopI(code.COMPARE_OP, int(code.CmpGT))
	case ast.GtE:
		c.addopI(code.COMPARE_OP, int(code.CmpGE))
	case ast.Is:
		c.addopI(code.IS_OP, 0)
	case ast.IsNot:
		c.addopI(code.IS_OP, 1)
	case ast.In:
		c.addopI(code.CONTAINS_OP, 0)
	case ast.NotIn:
		c.addopI(code.CONTAINS_OP, 1)
	}
}

func (c *compiler) compare(e *ast.Compare) {
	c.checkCompare(e)
	c.visitExpr(e.Left)
	n := len(e.Ops) - 1
	if n == 0 {
		c.visitExpr(e.Comparators[0])
		c.addCompare(e.Ops[0])
		return
	}
	cleanup := c.newBlock()
	for i := 0; i < n; i++ {
		c.visitExpr(e.Comparators[i])
		c.addopI(code.SWAP, 2)
		c.addopI(code.COPY, 2)
		c.addCompare(e.Ops[i])
		c.addopJ(code.JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.visitExpr(e.Comparators[n])
	c.addCompare(e.Ops[n])
	end := c.newBlock()
	c.addopJNoLine(code.JUMP, end)
	c.useNextBlock(cleanup)
	c.addopI(code.SWAP, 2)
	c.addop(code.POP_TOP)
	c.useNextBlock(end)
}

// jumpIf compiles e as a condition: jump to next if its truth equals cond,
// fall through otherwise. not/and/or/if-else and chained comparisons are
// compiled into jumps instead of values.
func (c *compiler) jumpIf(e ast.Expr, next *block, cond bool) {
	switch e := e.(type) {
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			c.jumpIf(e.Operand, next, !cond)
			return
		}
	case *ast.BoolOp:
		n := len(e.Values) - 1
		cond2 := e.Op == ast.Or
		next2 := next
		if cond2 != cond {
			next2 = c.newBlock()
		}
		for _, v := range e.Values[:n] {
			c.jumpIf(v, next2, cond2)
		}
		c.jumpIf(e.Values[n], next, cond)
		if next2 != next {
			c.useNextBlock(next2)
		}
		return
	case *ast.IfExp:
		end, next2 := c.newBlock(), c.newBlock()
		c.jumpIf(e.Test, next2, false)
		c.jumpIf(e.Body, next, cond)
		c.addopJNoLine(code.JUMP, end)
		c.useNextBlock(next2)
		c.jumpIf(e.Orelse, next, cond)
		c.useNextBlock(end)
		return
	case *ast.Compare:
		c.setLoc(e)
		n := len(e.Ops) - 1
		if n > 0 {
			c.checkCompare(e)
			cleanup := c.newBlock()
			c.visitExpr(e.Left)
			for i := 0; i < n; i++ {
				c.visitExpr(e.Comparators[i])
				c.addopI(code.SWAP, 2)
				c.addopI(code.COPY, 2)
				c.addCompare(e.Ops[i])
				c.addopJ(code.POP_JUMP_IF_FALSE, cleanup)
			}
			c.visitExpr(e.Comparators[n])
			c.addCompare(e.Ops[n])
			if cond {
				c.addopJ(code.POP_JUMP_IF_TRUE, next)
			} else {
				c.addopJ(code.POP_JUMP_IF_FALSE, next)
			}
			end := c.newBlock()
			c.addopJNoLine(code.JUMP, end)
			c.useNextBlock(cleanup)
			c.addop(code.POP_TOP)
			if !cond {
				c.addopJNoLine(code.JUMP, next)
			}
			c.useNextBlock(end)
			return
		}
	}
	c.visitExpr(e)
	if cond {
		c.addopJ(code.POP_JUMP_IF_TRUE, next)
	} else {
		c.addopJ(code.POP_JUMP_IF_FALSE, next)
	}
}

func (c *compiler) lambda(e *ast.Lambda) {
	c.checkDebugArgs(e.Args)
	flags := c.defaultArguments(e.Args)
	c.enterScope("<lambda>", scopeLambda, e, e.Line)
	c.u.argcount = len(e.Args.Args)
	c.u.posonlyargcount = len(e.Args.Posonlyargs)
	c.u.kwonlyargcount = len(e.Args.Kwonlyargs)
	c.visitExpr(e.Body)
	var co *code.Code
	if c.u.ste.generator {
		co = c.assemble(false)
	} else {
		c.addop(code.RETURN_VALUE)
		co = c.assemble(true)
	}
	c.exitScope()
	c.makeClosure(co, flags)
}

// ------------------------------------------------------------------ calls

func (c *compiler) validateKeywords(kws []*ast.Keyword) {
	for i, k := range kws {
		if k.Arg == "" {
			continue
		}
		c.forbiddenName(k.Arg, ast.Store)
		for _, other := range kws[i+1:] {
			if other.Arg == k.Arg {
				c.setLoc(other)
				c.error("keyword argument repeated: %s", k.Arg)
			}
		}
	}
}

// isImportOriginated reports whether e names something imported at module
// level: calls on modules are not compiled as method calls.
func (c *compiler) isImportOriginated(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	return c.st.top.lookup(n.Id)&defImport != 0
}

func (c *compiler) maybeOptimizeMethodCall(e *ast.Call) bool {
	meth, ok := e.Func.(*ast.Attribute)
	if !ok || meth.Ctx != ast.Load {
		return false
	}
	if c.isImportOriginated(meth.Value) {
		return false
	}
	nargs, nkw := len(e.Args), len(e.Keywords)
	extra := 0
	if nkw != 0 {
		extra = 1
	}
	if nargs+nkw+extra >= stackUseGuideline {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.(*ast.Starred); ok {
			return false
		}
	}
	for _, k := range e.Keywords {
		if k.Arg == "" {
			return false
		}
	}
	c.visitExpr(meth.Value)
	c.setLoc(meth)
	c.updateStartLocationToMatchAttr(meth)
	c.addopName(code.LOAD_METHOD, meth.Attr)
	for _, a := range e.Args {
		c.visitExpr(a)
	}
	if nkw > 0 {
		for _, k := range e.Keywords {
			c.visitExpr(k.Value)
		}
		c.kwNames(e.Keywords)
	}
	c.setLoc(e)
	c.updateStartLocationToMatchAttr(meth)
	c.addopI(code.CALL, nargs+nkw)
	return true
}

func (c *compiler) call(e *ast.Call) {
	c.validateKeywords(e.Keywords)
	if c.maybeOptimizeMethodCall(e) {
		return
	}
	c.checkCaller(e.Func)
	c.setLoc(e.Func)
	c.addop(code.PUSH_NULL)
	c.setLoc(e)
	c.visitExpr(e.Func)
	c.callHelper(0, e.Args, e.Keywords)
}

func (c *compiler) kwNames(kws []*ast.Keyword) {
	names := make(code.Tuple, len(kws))
	for i, k := range kws {
		names[i] = k.Arg
	}
	c.addopI(code.KW_NAMES, c.addConst(names))
}

func (c *compiler) subkwargs(kws []*ast.Keyword, begin, end int) {
	n := end - begin
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		for _, k := range kws[begin:end] {
			c.visitExpr(k.Value)
		}
		keys := make(code.Tuple, n)
		for i, k := range kws[begin:end] {
			keys[i] = k.Arg
		}
		c.loadConst(keys)
		c.addopI(code.BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.emit(instr{op: code.BUILD_MAP, arg: 0, loc: noLoc})
	}
	for _, k := range kws[begin:end] {
		c.loadConst(k.Arg)
		c.visitExpr(k.Value)
		if big {
			c.emit(instr{op: code.MAP_ADD, arg: 1, loc: noLoc})
		}
	}
	if !big {
		c.addopI(code.BUILD_MAP, n)
	}
}

// callHelper compiles the arguments and the call itself; n values (the
// class body function and name for __build_class__) are already pushed.
func (c *compiler) callHelper(n int, args []ast.Expr, kws []*ast.Keyword) {
	c.validateKeywords(kws)
	nelts, nkw := len(args), len(kws)
	exCall := nelts+nkw*2 > stackUseGuideline
	for _, a := range args {
		if _, ok := a.(*ast.Starred); ok {
			exCall = true
		}
	}
	for _, k := range kws {
		if k.Arg == "" {
			exCall = true
		}
	}
	if !exCall {
		for _, a := range args {
			c.visitExpr(a)
		}
		if nkw > 0 {
			for _, k := range kws {
				c.visitExpr(k.Value)
			}
			c.kwNames(kws)
		}
		c.addopI(code.CALL, n+nelts+nkw)
		return
	}
	// Positional arguments as a tuple.
	if st, ok := firstStarred(args); ok && n == 0 && nelts == 1 {
		c.visitExpr(st.Value)
	} else {
		c.starunpackHelper(args, n, code.BUILD_LIST, code.LIST_APPEND, code.LIST_EXTEND, true)
	}
	// Keyword arguments as a dict.
	if nkw > 0 {
		haveDict := false
		seen := 0
		for i, k := range kws {
			if k.Arg == "" {
				if seen > 0 {
					c.subkwargs(kws, i-seen, i)
					if haveDict {
						c.addopI(code.DICT_MERGE, 1)
					}
					haveDict = true
					seen = 0
				}
				if !haveDict {
					c.addopI(code.BUILD_MAP, 0)
					haveDict = true
				}
				c.visitExpr(k.Value)
				c.addopI(code.DICT_MERGE, 1)
			} else {
				seen++
			}
		}
		if seen > 0 {
			c.subkwargs(kws, nkw-seen, nkw)
			if haveDict {
				c.addopI(code.DICT_MERGE, 1)
			}
		}
	}
	arg := 0
	if nkw > 0 {
		arg = 1
	}
	c.addopI(code.CALL_FUNCTION_EX, arg)
}

func firstStarred(args []ast.Expr) (*ast.Starred, bool) {
	if len(args) == 0 {
		return nil, false
	}
	st, ok := args[0].(*ast.Starred)
	return st, ok
}

// ------------------------------------------------------------------ f-strings

func (c *compiler) joinedStr(e *ast.JoinedStr) {
	n := len(e.Values)
	if n > stackUseGuideline {
		c.loadConst("")
		c.addopName(code.LOAD_METHOD, "join")
		c.addopI(code.BUILD_LIST, 0)
		for _, v := range e.Values {
			c.visitExpr(v)
			c.addopI(code.LIST_APPEND, 1)
		}
		c.addopI(code.CALL, 1)
		return
	}
	for _, v := range e.Values {
		c.visitExpr(v)
	}
	if n != 1 {
		c.addopI(code.BUILD_STRING, n)
	}
}

func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.visitExpr(e.Value)
	arg := 0
	switch e.Conversion {
	case 's':
		arg = 1
	case 'r':
		arg = 2
	case 'a':
		arg = 3
	case -1:
	default:
		c.error("Unrecognized conversion character %d", e.Conversion)
	}
	if e.FormatSpec != nil {
		c.visitExpr(e.FormatSpec)
		arg |= code.FormatWithSpec
	}
	c.addopI(code.FORMAT_VALUE, arg)
}

// ------------------------------------------------------------------ comprehensions

type compType uint8

const (
	compGenexp compType = iota
	compList
	compSet
	compDict
)

// comprehension compiles a comprehension into a nested function taking the
// outermost iterator as its argument ".0", and calls it at once.
func (c *compiler) comprehension(e ast.Expr, typ compType, name string, gens []*ast.Comprehension, elt, val ast.Expr) {
	outer := gens[0]
	parentType := c.u.scopeType
	c.enterScope(name, scopeComprehension, e, e.GetPos().Line)
	c.setLoc(e)
	isAsyncGenerator := c.u.ste.coroutine
	if isAsyncGenerator && typ != compGenexp &&
		parentType != scopeAsyncFunction && parentType != scopeComprehension {
		c.error("asynchronous comprehension outside of an asynchronous function")
	}
	switch typ {
	case compList:
		c.addopI(code.BUILD_LIST, 0)
	case compSet:
		c.addopI(code.BUILD_SET, 0)
	case compDict:
		c.addopI(code.BUILD_MAP, 0)
	}
	c.comprehensionGenerator(gens, 0, 0, elt, val, typ)
	if typ != compGenexp {
		c.addop(code.RETURN_VALUE)
	}
	co := c.assemble(true)
	c.exitScope()
	c.makeClosure(co, 0)
	c.visitExpr(outer.Iter)
	if outer.IsAsync {
		c.addop(code.GET_AITER)
	} else {
		c.addop(code.GET_ITER)
	}
	c.addopI(code.CALL, 0)
	if isAsyncGenerator && typ != compGenexp {
		c.addopI(code.GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.addYieldFrom(true)
	}
}

func (c *compiler) comprehensionGenerator(gens []*ast.Comprehension, i, depth int, elt, val ast.Expr, typ compType) {
	if gens[i].IsAsync {
		c.asyncComprehensionGenerator(gens, i, depth, elt, val, typ)
	} else {
		c.syncComprehensionGenerator(gens, i, depth, elt, val, typ)
	}
}

func (c *compiler) comprehensionElement(elt, val ast.Expr, typ compType, depth int) {
	switch typ {
	case compGenexp:
		c.visitExpr(elt)
		c.addYield()
		c.addop(code.POP_TOP)
	case compList:
		c.visitExpr(elt)
		c.addopI(code.LIST_APPEND, depth+1)
	case compSet:
		c.visitExpr(elt)
		c.addopI(code.SET_ADD, depth+1)
	case compDict:
		// With {k: v}, k is evaluated before v.
		c.visitExpr(elt)
		c.visitExpr(val)
		c.addopI(code.MAP_ADD, depth+1)
	}
}

func (c *compiler) syncComprehensionGenerator(gens []*ast.Comprehension, i, depth int, elt, val ast.Expr, typ compType) {
	start, ifCleanup, anchor := c.newBlock(), c.newBlock(), c.newBlock()
	gen := gens[i]
	if i == 0 {
		// The outermost iterator is the implicit argument.
		c.u.argcount = 1
		c.addopI(code.LOAD_FAST, 0)
	} else {
		// `for y in [f(x)]` binds y without building a list.
		var elts []ast.Expr
		switch it := gen.Iter.(type) {
		case *ast.List:
			elts = it.Elts
		case *ast.Tuple:
			elts = it.Elts
		}
		if len(elts) == 1 {
			if _, ok := elts[0].(*ast.Starred); !ok {
				c.visitExpr(elts[0])
				start = nil
			}
		}
		if start != nil {
			c.visitExpr(gen.Iter)
			c.addop(code.GET_ITER)
		}
	}
	if start != nil {
		depth++
		c.useNextBlock(start)
		c.addopJ(code.FOR_ITER, anchor)
	}
	c.visitExpr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	if i+1 < len(gens) {
		c.comprehensionGenerator(gens, i+1, depth, elt, val, typ)
	} else {
		c.comprehensionElement(elt, val, typ, depth)
	}
	c.useNextBlock(ifCleanup)
	if start != nil {
		c.addopJ(code.JUMP, start)
		c.useNextBlock(anchor)
	}
}

func (c *compiler) asyncComprehensionGenerator(gens []*ast.Comprehension, i, depth int, elt, val ast.Expr, typ compType) {
	start, except, ifCleanup := c.newBlock(), c.newBlock(), c.newBlock()
	gen := gens[i]
	if i == 0 {
		c.u.argcount = 1
		c.addopI(code.LOAD_FAST, 0)
	} else {
		c.visitExpr(gen.Iter)
		c.addop(code.GET_AITER)
	}
	c.useNextBlock(start)
	c.pushFblock(fblock{typ: fbAsyncComprehensionGenerator, block: start})
	c.addopJ(code.SETUP_FINALLY, except)
	c.addop(code.GET_ANEXT)
	c.loadConst(nil)
	c.addYieldFrom(true)
	c.addop(code.POP_BLOCK)
	c.visitExpr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	depth++
	if i+1 < len(gens) {
		c.comprehensionGenerator(gens, i+1, depth, elt, val, typ)
	} else {
		c.comprehensionElement(elt, val, typ, depth)
	}
	c.useNextBlock(ifCleanup)
	c.addopJ(code.JUMP, start)
	c.popFblock()
	c.useNextBlock(except)
	c.addop(code.END_ASYNC_FOR)
}
