package compiler

import (
	"strings"

	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// Frame blocks track the statements that enclose the code being generated
// (loops, try, with, handlers), so that break, continue and return can run
// the right cleanup code before they jump (CPython's fblockinfo).
type fblockType uint8

const (
	fbWhileLoop fblockType = iota
	fbForLoop
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbAsyncWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
	fbExceptionGroupHandler
	fbAsyncComprehensionGenerator
)

// maxBlocks is CPython's CO_MAXBLOCKS.
const maxBlocks = 20

type fblock struct {
	typ   fblockType
	block *block
	exit  *block
	// body is the finally body of fbFinallyTry; with the with statement of
	// fbWith/fbAsyncWith; name the bound exception name of fbHandlerCleanup.
	body []ast.Stmt
	with *ast.With
	name string
	// hasName marks an fbHandlerCleanup that binds a name.
	hasName bool
}

func (c *compiler) pushFblock(fb fblock) {
	if len(c.u.fblocks) >= maxBlocks {
		c.error("too many statically nested blocks")
	}
	c.u.fblocks = append(c.u.fblocks, fb)
}

func (c *compiler) popFblock() {
	c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1]
}

func (c *compiler) compileMod(tree any) *code.Code {
	c.enterScope("<module>", scopeModule, tree, 1)
	c.u.loc.line = 1
	addNone := true
	switch m := tree.(type) {
	case *ast.Module:
		c.body(m.Body)
	case *ast.Interactive:
		if findAnn(m.Body) {
			c.addop(code.SETUP_ANNOTATIONS)
		}
		c.interactive = true
		for _, s := range m.Body {
			c.visitStmt(s)
		}
	case *ast.Expression:
		c.visitExpr(m.Body)
		addNone = false
	}
	co := c.assemble(addNone)
	c.exitScope()
	return co
}

// body compiles a module or class body: __annotations__ setup, docstring,
// statements.
func (c *compiler) body(stmts []ast.Stmt) {
	if c.u.scopeType == scopeModule && len(stmts) > 0 {
		c.setLoc(stmts[0])
	}
	if findAnn(stmts) {
		c.addop(code.SETUP_ANNOTATIONS)
	}
	if len(stmts) == 0 {
		return
	}
	i := 0
	if c.optimize < 2 {
		if doc := docString(stmts); doc != nil {
			i = 1
			c.visitExpr(doc)
			c.unsetLoc()
			c.nameop("__doc__", ast.Store)
		}
	}
	for ; i < len(stmts); i++ {
		c.visitStmt(stmts[i])
	}
}

// findAnn reports whether a body contains an annotated assignment at its own
// level (not inside nested functions or classes).
func findAnn(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.AnnAssign:
			return true
		case *ast.For:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.While:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.If:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.With:
			if findAnn(s.Body) {
				return true
			}
		case *ast.Try:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Finalbody) || findAnn(s.Orelse) {
				return true
			}
		case *ast.Match:
			for _, mc := range s.Cases {
				if findAnn(mc.Body) {
					return true
				}
			}
		}
	}
	return false
}

func (c *compiler) visitStmts(body []ast.Stmt) {
	for _, s := range body {
		c.visitStmt(s)
	}
}

func (c *compiler) visitStmt(s ast.Stmt) {
	c.setLoc(s)
	switch s := s.(type) {
	case *ast.FunctionDef:
		c.function(s)
	case *ast.ClassDef:
		c.class(s)
	case *ast.Return:
		c.returnStmt(s)
	case *ast.Delete:
		for _, t := range s.Targets {
			c.visitExpr(t)
		}
	case *ast.Assign:
		c.visitExpr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.addopI(code.COPY, 1)
			}
			c.visitExpr(t)
		}
	case *ast.AugAssign:
		c.augAssign(s)
	case *ast.AnnAssign:
		c.annAssign(s)
	case *ast.For:
		if s.IsAsync {
			c.asyncFor(s)
		} else {
			c.forStmt(s)
		}
	case *ast.While:
		c.whileStmt(s)
	case *ast.If:
		c.ifStmt(s)
	case *ast.Match:
		c.match(s)
	case *ast.Raise:
		n := 0
		if s.Exc != nil {
			c.visitExpr(s.Exc)
			n++
			if s.Cause != nil {
				c.visitExpr(s.Cause)
				n++
			}
		}
		c.addopI(code.RAISE_VARARGS, n)
	case *ast.Try:
		if s.IsStar {
			if len(s.Finalbody) > 0 {
				c.tryFinally(s)
			} else {
				c.tryStarExcept(s)
			}
		} else if len(s.Finalbody) > 0 {
			c.tryFinally(s)
		} else {
			c.tryExcept(s)
		}
	case *ast.Assert:
		c.assert(s)
	case *ast.Import:
		c.importStmt(s)
	case *ast.ImportFrom:
		c.fromImport(s)
	case *ast.Global, *ast.Nonlocal:
	case *ast.ExprStmt:
		c.exprStmt(s.Value)
	case *ast.Pass:
		c.addop(code.NOP)
	case *ast.Break:
		c.breakStmt()
	case *ast.Continue:
		c.continueStmt()
	case *ast.With:
		if s.IsAsync {
			c.asyncWith(s, 0)
		} else {
			c.with(s, 0)
		}
	}
}

func (c *compiler) exprStmt(value ast.Expr) {
	if c.interactive && c.nestLevel <= 1 {
		c.visitExpr(value)
		c.addop(code.PRINT_EXPR)
		return
	}
	if _, ok := value.(*ast.Constant); ok {
		// A constant statement (a docstring elsewhere) does nothing.
		c.addop(code.NOP)
		return
	}
	c.visitExpr(value)
	c.unsetLoc()
	c.addop(code.POP_TOP)
}

// ------------------------------------------------------------------ functions and classes

func (c *compiler) forbiddenName(name string, ctx ast.ExprContext) {
	if name != "__debug__" {
		return
	}
	switch ctx {
	case ast.Store:
		c.error("cannot assign to __debug__")
	case ast.Del:
		c.error("cannot delete __debug__")
	}
}

func (c *compiler) checkDebugArgs(a *ast.Arguments) {
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args} {
		for _, arg := range group {
			c.forbiddenName(arg.Arg, ast.Store)
		}
	}
	if a.Vararg != nil {
		c.forbiddenName(a.Vararg.Arg, ast.Store)
	}
	for _, arg := range a.Kwonlyargs {
		c.forbiddenName(arg.Arg, ast.Store)
	}
	if a.Kwarg != nil {
		c.forbiddenName(a.Kwarg.Arg, ast.Store)
	}
}

// defaultArguments pushes the defaults tuple and kw-defaults dict and
// returns the MAKE_FUNCTION flags for them.
func (c *compiler) defaultArguments(a *ast.Arguments) int {
	flags := 0
	if len(a.Defaults) > 0 {
		for _, d := range a.Defaults {
			c.visitExpr(d)
		}
		c.addopI(code.BUILD_TUPLE, len(a.Defaults))
		flags |= code.MakeDefaults
	}
	var keys code.Tuple
	for i, arg := range a.Kwonlyargs {
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			keys = append(keys, mangle(c.u.private, arg.Arg))
			c.visitExpr(a.KwDefaults[i])
		}
	}
	if len(keys) > 0 {
		c.loadConst(keys)
		c.addopI(code.BUILD_CONST_KEY_MAP, len(keys))
		flags |= code.MakeKwDefaults
	}
	return flags
}

func (c *compiler) argAnnotation(name string, ann ast.Expr, n *int) {
	if ann == nil {
		return
	}
	c.loadConst(mangle(c.u.private, name))
	if c.future&futureAnnotations != 0 {
		c.loadConst(unparseAnnotation(ann))
	} else if st, ok := ann.(*ast.Starred); ok {
		// *args: *Ts
		c.visitExpr(st.Value)
		c.addopI(code.UNPACK_SEQUENCE, 1)
	} else {
		c.visitExpr(ann)
	}
	*n += 2
}

// annotations pushes the (name, value, ...) tuple of a function's
// annotations and reports whether there was one.
func (c *compiler) annotations(a *ast.Arguments, returns ast.Expr) bool {
	n := 0
	for _, arg := range a.Args {
		c.argAnnotation(arg.Arg, arg.Annotation, &n)
	}
	for _, arg := range a.Posonlyargs {
		c.argAnnotation(arg.Arg, arg.Annotation, &n)
	}
	if a.Vararg != nil {
		c.argAnnotation(a.Vararg.Arg, a.Vararg.Annotation, &n)
	}
	for _, arg := range a.Kwonlyargs {
		c.argAnnotation(arg.Arg, arg.Annotation, &n)
	}
	if a.Kwarg != nil {
		c.argAnnotation(a.Kwarg.Arg, a.Kwarg.Annotation, &n)
	}
	c.argAnnotation("return", returns, &n)
	if n > 0 {
		c.addopI(code.BUILD_TUPLE, n)
		return true
	}
	return false
}

func (c *compiler) function(s *ast.FunctionDef) {
	c.checkDebugArgs(s.Args)
	for _, d := range s.DecoratorList {
		c.visitExpr(d)
	}
	firstLine := s.Line
	if len(s.DecoratorList) > 0 {
		firstLine = s.DecoratorList[0].GetPos().Line
	}
	flags := c.defaultArguments(s.Args)
	if c.annotations(s.Args, s.Returns) {
		flags |= code.MakeAnnotations
	}
	typ := scopeFunction
	if s.IsAsync {
		typ = scopeAsyncFunction
	}
	c.enterScope(s.Name, typ, s, firstLine)
	start := 0
	if c.optimize < 2 {
		if doc := docString(s.Body); doc != nil {
			c.u.doc = doc.Str
			start = 1
		}
	}
	c.u.argcount = len(s.Args.Args)
	c.u.posonlyargcount = len(s.Args.Posonlyargs)
	c.u.kwonlyargcount = len(s.Args.Kwonlyargs)
	c.visitStmts(s.Body[start:])
	co := c.assemble(true)
	c.exitScope()
	c.makeClosure(co, flags)
	c.applyDecorators(s.DecoratorList)
	c.nameop(s.Name, ast.Store)
}

// refType is get_ref_type: how the current unit sees a name that a nested
// code object captures.
func (c *compiler) refType(name string) scopeKind {
	if c.u.scopeType == scopeClass && name == "__class__" {
		return scopeCell
	}
	sc := c.u.ste.scopeOf(name)
	if sc == scopeUnknown {
		panic("compiler: unknown scope for captured name " + name)
	}
	return sc
}

// makeClosure pushes a function built from co: its closure cells (if it has
// free variables), the code object, then MAKE_FUNCTION.
func (c *compiler) makeClosure(co *code.Code, flags int) {
	if co.NumFrees > 0 {
		for _, name := range co.LocalsPlus[len(co.LocalsPlus)-co.NumFrees:] {
			var idx int
			var ok bool
			if c.refType(name) == scopeCell {
				idx, ok = c.u.cellIndex[name]
			} else {
				idx, ok = c.u.freeIndex[name]
			}
			if !ok {
				panic("compiler: closure variable " + name + " not found")
			}
			c.addopI(code.LOAD_CLOSURE, idx)
		}
		flags |= code.MakeClosure
		c.addopI(code.BUILD_TUPLE, co.NumFrees)
	}
	c.loadConst(co)
	c.addopI(code.MAKE_FUNCTION, flags)
}

func (c *compiler) applyDecorators(decos []ast.Expr) {
	saved := c.u.loc
	for i := len(decos) - 1; i >= 0; i-- {
		c.setLoc(decos[i])
		c.addopI(code.CALL, 0)
	}
	c.u.loc = saved
}

func (c *compiler) class(s *ast.ClassDef) {
	for _, d := range s.DecoratorList {
		c.visitExpr(d)
	}
	firstLine := s.Line
	if len(s.DecoratorList) > 0 {
		firstLine = s.DecoratorList[0].GetPos().Line
	}
	c.enterScope(s.Name, scopeClass, s, firstLine)
	c.u.private = s.Name
	c.nameop("__name__", ast.Load)
	c.nameop("__module__", ast.Store)
	c.loadConst(c.u.qualname)
	c.nameop("__qualname__", ast.Store)
	c.body(s.Body)
	c.unsetLoc()
	if c.u.ste.needsClassClosure {
		// Return the __class__ cell so that type.__new__ can fill it.
		c.addopI(code.LOAD_CLOSURE, c.u.cellIndex["__class__"])
		c.addopI(code.COPY, 1)
		c.nameop("__classcell__", ast.Store)
	} else {
		c.loadConst(nil)
	}
	c.addop(code.RETURN_VALUE)
	co := c.assemble(true)
	c.exitScope()

	c.addop(code.PUSH_NULL)
	c.addop(code.LOAD_BUILD_CLASS)
	c.makeClosure(co, 0)
	c.loadConst(s.Name)
	c.callHelper(2, s.Bases, s.Keywords)
	c.applyDecorators(s.DecoratorList)
	c.nameop(s.Name, ast.Store)
}

// ------------------------------------------------------------------ simple statements

func (c *compiler) returnStmt(s *ast.Return) {
	_, isConst := s.Value.(*ast.Constant)
	preserveTOS := s.Value != nil && !isConst
	if c.u.ste.typ != functionBlock {
		c.error("'return' outside function")
	}
	if s.Value != nil && c.u.ste.coroutine && c.u.ste.generator {
		c.error("'return' with value in async generator")
	}
	if preserveTOS {
		c.visitExpr(s.Value)
	} else if s.Value != nil {
		// Emit an instruction with the value's line number.
		c.setLoc(s.Value)
		c.addop(code.NOP)
	}
	if s.Value == nil || s.Value.GetPos().Line != s.Line {
		c.setLoc(s)
		c.addop(code.NOP)
	}
	c.unwindFblockStack(preserveTOS, false)
	if s.Value == nil {
		c.loadConst(nil)
	} else if !preserveTOS {
		c.loadConst(c.constValue(s.Value.(*ast.Constant)))
	}
	c.addop(code.RETURN_VALUE)
}

func (c *compiler) breakStmt() {
	saved := c.u.loc
	c.addop(code.NOP)
	loop := c.unwindFblockStack(false, true)
	if loop == nil {
		c.u.loc = saved
		c.error("'break' outside loop")
	}
	c.unwindFblock(*loop, false)
	c.addopJ(code.JUMP, loop.exit)
}

func (c *compiler) continueStmt() {
	saved := c.u.loc
	c.addop(code.NOP)
	loop := c.unwindFblockStack(false, true)
	if loop == nil {
		c.u.loc = saved
		c.error("'continue' not properly in loop")
	}
	c.addopJ(code.JUMP, loop.block)
}

// unwindFblock emits the cleanup of one enclosing frame block. With
// preserveTOS the value on top of the stack (a return value) is kept above
// whatever the cleanup pops.
func (c *compiler) unwindFblock(fb fblock, preserveTOS bool) {
	switch fb.typ {
	case fbWhileLoop, fbExceptionHandler, fbExceptionGroupHandler, fbAsyncComprehensionGenerator:
	case fbForLoop:
		// Pop the iterator. The argument 1 tells the VM this is an
		// iterator abandoned early, so that a temporary generator is
		// closed here, where CPython's reference counting would finalize
		// it (its `finally` runs before the code after the loop).
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.addopI(code.POP_TOP, 1)
	case fbTryExcept:
		c.addop(code.POP_BLOCK)
	case fbFinallyTry:
		// This POP_BLOCK gets the line number of the unwinding statement.
		c.addop(code.POP_BLOCK)
		if preserveTOS {
			c.pushFblock(fblock{typ: fbPopValue})
		}
		c.visitStmts(fb.body)
		if preserveTOS {
			c.popFblock()
		}
		// The finally block runs "after" the unwinding statement, so what
		// follows is artificial.
		c.unsetLoc()
	case fbFinallyEnd:
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.addop(code.POP_TOP) // exc_value
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.addop(code.POP_BLOCK)
		c.addop(code.POP_EXCEPT)
	case fbWith, fbAsyncWith:
		c.setLoc(fb.with)
		c.addop(code.POP_BLOCK)
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.callExitWithNones()
		if fb.typ == fbAsyncWith {
			c.addopI(code.GET_AWAITABLE, 2)
			c.loadConst(nil)
			c.addYieldFrom(true)
		}
		c.addop(code.POP_TOP)
		c.unsetLoc()
	case fbHandlerCleanup:
		if fb.hasName {
			c.addop(code.POP_BLOCK)
		}
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.addop(code.POP_BLOCK)
		c.addop(code.POP_EXCEPT)
		if fb.hasName {
			c.loadConst(nil)
			c.nameop(fb.name, ast.Store)
			c.nameop(fb.name, ast.Del)
		}
	case fbPopValue:
		if preserveTOS {
			c.addopI(code.SWAP, 2)
		}
		c.addop(code.POP_TOP)
	}
}

// unwindFblockStack unwinds the frame blocks from the innermost out. With
// stopAtLoop it stops at (and returns) the innermost loop.
func (c *compiler) unwindFblockStack(preserveTOS, stopAtLoop bool) *fblock {
	u := c.u
	if len(u.fblocks) == 0 {
		return nil
	}
	top := u.fblocks[len(u.fblocks)-1]
	if top.typ == fbExceptionGroupHandler {
		c.error("'break', 'continue' and 'return' cannot appear in an except* block")
	}
	if stopAtLoop && (top.typ == fbWhileLoop || top.typ == fbForLoop) {
		loop := top
		return &loop
	}
	u.fblocks = u.fblocks[:len(u.fblocks)-1]
	c.unwindFblock(top, preserveTOS)
	loop := c.unwindFblockStack(preserveTOS, stopAtLoop)
	u.fblocks = append(u.fblocks, top)
	return loop
}

func (c *compiler) callExitWithNones() {
	c.loadConst(nil)
	c.loadConst(nil)
	c.loadConst(nil)
	c.addopI(code.CALL, 2)
}

// addYieldFrom emits the send loop of `yield from` and `await`:
//
//	start:  SEND exit
//	        YIELD_VALUE
//	        RESUME 2 (3 for await)
//	        JUMP_BACKWARD_NO_INTERRUPT start
//	exit:
func (c *compiler) addYieldFrom(await bool) {
	start, resume, exit := c.newBlock(), c.newBlock(), c.newBlock()
	c.useNextBlock(start)
	c.addopJ(code.SEND, exit)
	c.useNextBlock(resume)
	c.addop(code.YIELD_VALUE)
	if await {
		c.addopI(code.RESUME, 3)
	} else {
		c.addopI(code.RESUME, 2)
	}
	c.addopJ(opJumpNoInterrupt, start)
	c.useNextBlock(exit)
}

// popExceptAndReraise is the cleanup handler of an except block:
// [exc_info, lasti, exc] COPY 3; POP_EXCEPT; RERAISE 1.
func (c *compiler) popExceptAndReraise() {
	c.addopI(code.COPY, 3)
	c.addop(code.POP_EXCEPT)
	c.addopI(code.RERAISE, 1)
}

func (c *compiler) augAssign(s *ast.AugAssign) {
	e := s.Target
	saved := c.u.loc
	c.setLoc(e)
	switch t := e.(type) {
	case *ast.Attribute:
		c.visitExpr(t.Value)
		c.addopI(code.COPY, 1)
		c.updateStartLocationToMatchAttr(t)
		c.addopName(code.LOAD_ATTR, t.Attr)
	case *ast.Subscript:
		c.visitExpr(t.Value)
		c.visitExpr(t.Slice)
		c.addopI(code.COPY, 2)
		c.addopI(code.COPY, 2)
		c.addop(code.BINARY_SUBSCR)
	case *ast.Name:
		c.nameop(t.Id, ast.Load)
	default:
		panic("compiler: invalid augmented assignment target")
	}
	c.u.loc = saved
	c.visitExpr(s.Value)
	c.addopI(code.BINARY_OP, int(binaryOp(s.Op))+int(code.InplaceOffset))
	c.setLoc(e)
	switch t := e.(type) {
	case *ast.Attribute:
		c.updateStartLocationToMatchAttr(t)
		c.addopI(code.SWAP, 2)
		c.addopName(code.STORE_ATTR, t.Attr)
	case *ast.Subscript:
		c.addopI(code.SWAP, 3)
		c.addopI(code.SWAP, 2)
		c.addop(code.STORE_SUBSCR)
	case *ast.Name:
		c.nameop(t.Id, ast.Store)
	}
}

func (c *compiler) checkAnnExpr(e ast.Expr) {
	c.visitExpr(e)
	c.addop(code.POP_TOP)
}

func (c *compiler) checkAnnSubscr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Slice:
		for _, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				c.checkAnnExpr(x)
			}
		}
	case *ast.Tuple:
		for _, x := range e.Elts {
			c.checkAnnSubscr(x)
		}
	default:
		c.checkAnnExpr(e)
	}
}

func (c *compiler) annAssign(s *ast.AnnAssign) {
	if s.Value != nil {
		c.visitExpr(s.Value)
		c.visitExpr(s.Target)
	}
	switch t := s.Target.(type) {
	case *ast.Name:
		c.forbiddenName(t.Id, ast.Store)
		// A simple name in a module or class stores its annotation.
		if s.Simple && (c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
			if c.future&futureAnnotations != 0 {
				c.loadConst(unparseAnnotation(s.Annotation))
			} else {
				c.visitExpr(s.Annotation)
			}
			c.addopName(code.LOAD_NAME, "__annotations__")
			c.loadConst(mangle(c.u.private, t.Id))
			c.addop(code.STORE_SUBSCR)
		}
	case *ast.Attribute:
		c.forbiddenName(t.Attr, ast.Store)
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
		}
	case *ast.Subscript:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
			c.checkAnnSubscr(t.Slice)
		}
	default:
		panic("compiler: invalid annotated assignment target")
	}
	// The annotation of a complex target is evaluated (last) but not stored.
	if !s.Simple && c.future&futureAnnotations == 0 &&
		(c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
		c.checkAnnExpr(s.Annotation)
	}
}

func (c *compiler) assert(s *ast.Assert) {
	// An always-true test: `assert (x, "msg")`.
	switch t := s.Test.(type) {
	case *ast.Tuple:
		if len(t.Elts) > 0 {
			c.warning("assertion is always true, perhaps remove parentheses?")
		}
	case *ast.Constant:
		if tup, ok := c.constValue(t).(code.Tuple); ok && len(tup) > 0 {
			c.warning("assertion is always true, perhaps remove parentheses?")
		}
	}
	if c.optimize > 0 {
		return
	}
	end := c.newBlock()
	c.jumpIf(s.Test, end, true)
	c.addop(code.LOAD_ASSERTION_ERROR)
	if s.Msg != nil {
		c.visitExpr(s.Msg)
		c.addopI(code.CALL, 0)
	}
	c.addopI(code.RAISE_VARARGS, 1)
	c.useNextBlock(end)
}

// ------------------------------------------------------------------ imports

func (c *compiler) importAs(name, asname string) {
	dot := strings.IndexByte(name, '.')
	if dot < 0 {
		c.nameop(asname, ast.Store)
		return
	}
	// `import a.b.c as d`: walk to the last submodule with IMPORT_FROM.
	rest := name[dot+1:]
	for {
		attr := rest
		i := strings.IndexByte(rest, '.')
		if i >= 0 {
			attr = rest[:i]
		}
		c.addopI(code.IMPORT_FROM, c.addNameIdx(attr))
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		c.addopI(code.SWAP, 2)
		c.addop(code.POP_TOP)
	}
	c.nameop(asname, ast.Store)
	c.addop(code.POP_TOP)
}

func (c *compiler) importStmt(s *ast.Import) {
	for _, a := range s.Names {
		c.loadConst(int64(0))
		c.loadConst(nil)
		c.addopName(code.IMPORT_NAME, a.Name)
		if a.Asname != "" {
			c.importAs(a.Name, a.Asname)
		} else {
			store := a.Name
			if i := strings.IndexByte(store, '.'); i >= 0 {
				store = store[:i]
			}
			c.nameop(store, ast.Store)
		}
	}
}

func (c *compiler) fromImport(s *ast.ImportFrom) {
	c.loadConst(int64(s.Level))
	names := make(code.Tuple, len(s.Names))
	for i, a := range s.Names {
		names[i] = a.Name
	}
	if s.Line > c.futureLine && s.Module == "__future__" {
		c.error("from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(names)
	c.addopName(code.IMPORT_NAME, s.Module)
	for i, a := range s.Names {
		if i == 0 && strings.HasPrefix(a.Name, "*") {
			c.addop(code.IMPORT_STAR)
			return
		}
		c.addopName(code.IMPORT_FROM, a.Name)
		store := a.Name
		if a.Asname != "" {
			store = a.Asname
		}
		c.nameop(store, ast.Store)
	}
	c.addop(code.POP_TOP) // the module
}

// ------------------------------------------------------------------ control flow

func (c *compiler) ifStmt(s *ast.If) {
	end := c.newBlock()
	next := end
	if len(s.Orelse) > 0 {
		next = c.newBlock()
	}
	c.jumpIf(s.Test, next, false)
	c.visitStmts(s.Body)
	if len(s.Orelse) > 0 {
		c.addopJNoLine(code.JUMP, end)
		c.useNextBlock(next)
		c.visitStmts(s.Orelse)
	}
	c.useNextBlock(end)
}

func (c *compiler) forStmt(s *ast.For) {
	start, body, cleanup, end := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.pushFblock(fblock{typ: fbForLoop, block: start, exit: end})
	c.visitExpr(s.Iter)
	c.addopI(code.GET_ITER, temporaryIterable(s.Iter))
	c.useNextBlock(start)
	c.addopJ(code.FOR_ITER, cleanup)
	c.useNextBlock(body)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	// The back edge is artificial.
	c.unsetLoc()
	c.addopJ(code.JUMP, start)
	c.useNextBlock(cleanup)
	c.popFblock()
	c.visitStmts(s.Orelse)
	c.useNextBlock(end)
}

func (c *compiler) checkAsync(what string) {
	if c.u.scopeType != scopeAsyncFunction {
		c.error("'%s' outside async function", what)
	}
}

func (c *compiler) asyncFor(s *ast.For) {
	c.checkAsync("async for")
	start, except, end := c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(s.Iter)
	// As GET_ITER: 1 marks a temporary, so that an async generator the
	// loop abandons is finalized where CPython's refcounting would.
	c.addopI(code.GET_AITER, temporaryIterable(s.Iter))
	c.useNextBlock(start)
	c.pushFblock(fblock{typ: fbForLoop, block: start, exit: end})
	// SETUP_FINALLY guards the __anext__ call.
	c.addopJ(code.SETUP_FINALLY, except)
	c.addop(code.GET_ANEXT)
	c.loadConst(nil)
	c.addYieldFrom(true)
	c.addop(code.POP_BLOCK)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	c.unsetLoc()
	c.addopJ(code.JUMP, start)
	c.popFblock()
	c.useNextBlock(except)
	// END_ASYNC_FOR belongs to the `for`, not the body: it gets the
	// iterator's position.
	c.setLoc(s.Iter)
	c.addop(code.END_ASYNC_FOR)
	c.visitStmts(s.Orelse)
	c.useNextBlock(end)
}

// whileStmt uses 3.11's layout: the test at the top jumps past the loop,
// the body, then the test again jumping back to the body.
func (c *compiler) whileStmt(s *ast.While) {
	loop, body, anchor, end := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.useNextBlock(loop)
	c.pushFblock(fblock{typ: fbWhileLoop, block: loop, exit: end})
	c.jumpIf(s.Test, anchor, false)
	c.useNextBlock(body)
	c.visitStmts(s.Body)
	c.setLoc(s)
	c.jumpIf(s.Test, body, true)
	c.popFblock()
	c.useNextBlock(anchor)
	c.visitStmts(s.Orelse)
	c.useNextBlock(end)
}

// ------------------------------------------------------------------ try

func (c *compiler) tryFinally(s *ast.Try) {
	body, end, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	// `try` block
	c.addopJ(code.SETUP_FINALLY, end)
	c.useNextBlock(body)
	c.pushFblock(fblock{typ: fbFinallyTry, block: body, exit: end, body: s.Finalbody})
	if len(s.Handlers) > 0 {
		if s.IsStar {
			c.tryStarExcept(s)
		} else {
			c.tryExcept(s)
		}
	} else {
		c.visitStmts(s.Body)
	}
	c.addopNoLine(code.POP_BLOCK)
	c.popFblock()
	c.visitStmts(s.Finalbody)
	c.addopJNoLine(code.JUMP, exit)
	// `finally` block
	c.useNextBlock(end)
	c.unsetLoc()
	c.addopJ(code.SETUP_CLEANUP, cleanup)
	c.addop(code.PUSH_EXC_INFO)
	c.pushFblock(fblock{typ: fbFinallyEnd, block: end})
	c.visitStmts(s.Finalbody)
	c.popFblock()
	c.addopI(code.RERAISE, 0)
	c.useNextBlock(cleanup)
	c.popExceptAndReraise()
	c.useNextBlock(exit)
}

// tryExcept compiles try/except/else:
//
//	    SETUP_FINALLY L1
//	    <body>
//	    POP_BLOCK
//	    <else>
//	    JUMP L0
//	L1: SETUP_CLEANUP cleanup
//	    PUSH_EXC_INFO
//	    <type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next   (per handler)
//	    ...
//	    RERAISE 0
//	cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//	L0:
func (c *compiler) tryExcept(s *ast.Try) {
	body, except, end, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.addopJ(code.SETUP_FINALLY, except)
	c.useNextBlock(body)
	c.pushFblock(fblock{typ: fbTryExcept, block: body})
	c.visitStmts(s.Body)
	c.popFblock()
	c.addopNoLine(code.POP_BLOCK)
	c.visitStmts(s.Orelse)
	c.addopJNoLine(code.JUMP, end)
	n := len(s.Handlers)
	c.useNextBlock(except)

	c.unsetLoc()
	c.addopJ(code.SETUP_CLEANUP, cleanup)
	c.addop(code.PUSH_EXC_INFO)
	// The runtime pushes the exception: account for it.
	c.pushFblock(fblock{typ: fbExceptionHandler})
	for i, h := range s.Handlers {
		c.setLoc(h)
		if h.Type == nil && i < n-1 {
			c.error("default 'except:' must be last")
		}
		except = c.newBlock()
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.addop(code.CHECK_EXC_MATCH)
			c.addopJ(code.POP_JUMP_IF_FALSE, except)
		}
		if h.Name != "" {
			cleanupEnd, cleanupBody := c.newBlock(), c.newBlock()
			c.nameop(h.Name, ast.Store)
			// try:
			//     <handler body>
			// finally:
			//     name = None  # in case the body contains "del name"
			//     del name
			c.addopJ(code.SETUP_CLEANUP, cleanupEnd)
			c.useNextBlock(cleanupBody)
			c.pushFblock(fblock{typ: fbHandlerCleanup, block: cleanupBody, name: h.Name, hasName: true})
			c.visitStmts(h.Body)
			c.popFblock()
			c.unsetLoc()
			c.addop(code.POP_BLOCK)
			c.addop(code.POP_BLOCK)
			c.addop(code.POP_EXCEPT)
			c.loadConst(nil)
			c.nameop(h.Name, ast.Store)
			c.nameop(h.Name, ast.Del)
			c.addopJ(code.JUMP, end)
			// except:
			c.useNextBlock(cleanupEnd)
			c.unsetLoc()
			c.loadConst(nil)
			c.nameop(h.Name, ast.Store)
			c.nameop(h.Name, ast.Del)
			c.addopI(code.RERAISE, 1)
		} else {
			cleanupBody := c.newBlock()
			c.addop(code.POP_TOP) // exc_value
			c.useNextBlock(cleanupBody)
			c.pushFblock(fblock{typ: fbHandlerCleanup, block: cleanupBody})
			c.visitStmts(h.Body)
			c.popFblock()
			c.unsetLoc()
			c.addop(code.POP_BLOCK)
			c.addop(code.POP_EXCEPT)
			c.addopJ(code.JUMP, end)
		}
		c.useNextBlock(except)
	}
	c.unsetLoc()
	c.popFblock()
	c.addopI(code.RERAISE, 0)
	c.useNextBlock(cleanup)
	c.popExceptAndReraise()
	c.useNextBlock(end)
}

// tryStarExcept compiles try/except* (see CPython's compiler_try_star_except
// for the stack picture): the original exception group is kept below a list
// of exceptions raised by the handlers, and PREP_RERAISE_STAR combines them.
func (c *compiler) tryStarExcept(s *ast.Try) {
	body, except, orelse, end, cleanup, reraiseStar :=
		c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.addopJ(code.SETUP_FINALLY, except)
	c.useNextBlock(body)
	c.pushFblock(fblock{typ: fbTryExcept, block: body})
	c.visitStmts(s.Body)
	c.popFblock()
	c.addopNoLine(code.POP_BLOCK)
	c.addopJNoLine(code.JUMP, orelse)
	n := len(s.Handlers)
	c.useNextBlock(except)

	c.unsetLoc()
	c.addopJ(code.SETUP_CLEANUP, cleanup)
	c.addop(code.PUSH_EXC_INFO)
	c.pushFblock(fblock{typ: fbExceptionGroupHandler})
	for i, h := range s.Handlers {
		c.setLoc(h)
		except = c.newBlock()
		exceptWithError := c.newBlock()
		noMatch := c.newBlock()
		if i == 0 {
			// [exc] COPY 1 -> [orig, exc]; BUILD_LIST; SWAP 2 -> [orig, [], exc]
			c.addopI(code.COPY, 1)
			c.addopI(code.BUILD_LIST, 0)
			c.addopI(code.SWAP, 2)
		}
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.addop(code.CHECK_EG_MATCH)
			c.addopI(code.COPY, 1)
			c.addopJ(code.POP_JUMP_IF_NONE, noMatch)
		}
		cleanupEnd, cleanupBody := c.newBlock(), c.newBlock()
		if h.Name != "" {
			c.nameop(h.Name, ast.Store)
		} else {
			c.addop(code.POP_TOP) // match
		}
		c.addopJ(code.SETUP_CLEANUP, cleanupEnd)
		c.useNextBlock(cleanupBody)
		c.pushFblock(fblock{typ: fbHandlerCleanup, block: cleanupBody, name: h.Name, hasName: h.Name != ""})
		c.visitStmts(h.Body)
		c.popFblock()
		c.unsetLoc()
		c.addop(code.POP_BLOCK)
		if h.Name != "" {
			c.loadConst(nil)
			c.nameop(h.Name, ast.Store)
			c.nameop(h.Name, ast.Del)
		}
		c.addopJ(code.JUMP, except)
		// except:
		c.useNextBlock(cleanupEnd)
		c.unsetLoc()
		if h.Name != "" {
			c.loadConst(nil)
			c.nameop(h.Name, ast.Store)
			c.nameop(h.Name, ast.Del)
		}
		// Add the exception raised by the handler to the result list.
		c.addopI(code.LIST_APPEND, 3) // exc
		c.addop(code.POP_TOP)         // lasti
		c.addopJ(code.JUMP, exceptWithError)
		c.useNextBlock(except)
		c.addop(code.NOP) // holds a propagated location
		c.addopJ(code.JUMP, exceptWithError)
		c.useNextBlock(noMatch)
		c.addop(code.POP_TOP) // match (None)
		c.useNextBlock(exceptWithError)
		if i == n-1 {
			// Add the unhandled rest (or None) to the list.
			c.addopI(code.LIST_APPEND, 1)
			c.addopJ(code.JUMP, reraiseStar)
		}
	}
	c.unsetLoc()
	c.popFblock()
	reraise := c.newBlock()
	c.useNextBlock(reraiseStar)
	c.addop(code.PREP_RERAISE_STAR)
	c.addopI(code.COPY, 1)
	c.addopJ(code.POP_JUMP_IF_NOT_NONE, reraise)
	// Nothing to re-raise.
	c.addop(code.POP_TOP)
	c.addop(code.POP_BLOCK)
	c.addop(code.POP_EXCEPT)
	c.addopJ(code.JUMP, end)
	c.useNextBlock(reraise)
	c.addop(code.POP_BLOCK)
	c.addopI(code.SWAP, 2)
	c.addop(code.POP_EXCEPT)
	c.addopI(code.RERAISE, 0)
	c.useNextBlock(cleanup)
	c.popExceptAndReraise()
	c.useNextBlock(orelse)
	c.visitStmts(s.Orelse)
	c.useNextBlock(end)
}

// ------------------------------------------------------------------ with

func (c *compiler) withExceptFinish(cleanup *block) {
	c.unsetLoc()
	exit := c.newBlock()
	c.addopJ(code.POP_JUMP_IF_TRUE, exit)
	c.addopI(code.RERAISE, 2)
	c.useNextBlock(cleanup)
	c.popExceptAndReraise()
	c.useNextBlock(exit)
	c.addop(code.POP_TOP) // exc_value
	c.addop(code.POP_BLOCK)
	c.addop(code.POP_EXCEPT)
	c.addop(code.POP_TOP)
	c.addop(code.POP_TOP)
}

// with compiles one item of a with statement (recursively for the rest):
//
//	    <expr>
//	    BEFORE_WITH
//	    SETUP_WITH final
//	    <store to VAR> or POP_TOP
//	    <body>
//	    POP_BLOCK
//	    LOAD_CONST None ×3; CALL 2; POP_TOP
//	    JUMP exit
//	final:
//	    SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
//	    POP_JUMP_IF_TRUE t; RERAISE 2
//	cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//	t:  POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
//	exit:
func (c *compiler) with(s *ast.With, pos int) {
	item := s.Items[pos]
	blk, final, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(item.ContextExpr)
	c.addop(code.BEFORE_WITH)
	c.addopJ(code.SETUP_WITH, final)
	c.useNextBlock(blk)
	c.pushFblock(fblock{typ: fbWith, block: blk, exit: final, with: s})
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.addop(code.POP_TOP) // the __enter__ result
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.with(s, pos)
	}
	c.unsetLoc()
	c.addop(code.POP_BLOCK)
	c.popFblock()
	// Normal exit: __exit__(None, None, None).
	c.setLoc(s)
	c.callExitWithNones()
	c.addop(code.POP_TOP)
	c.addopJ(code.JUMP, exit)
	// Exceptional exit.
	c.useNextBlock(final)
	c.addopJ(code.SETUP_CLEANUP, cleanup)
	c.addop(code.PUSH_EXC_INFO)
	c.addop(code.WITH_EXCEPT_START)
	c.withExceptFinish(cleanup)
	c.useNextBlock(exit)
}

func (c *compiler) asyncWith(s *ast.With, pos int) {
	item := s.Items[pos]
	c.checkAsync("async with")
	blk, final, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(item.ContextExpr)
	c.addop(code.BEFORE_ASYNC_WITH)
	c.addopI(code.GET_AWAITABLE, 1)
	c.loadConst(nil)
	c.addYieldFrom(true)
	c.addopJ(code.SETUP_WITH, final)
	c.useNextBlock(blk)
	c.pushFblock(fblock{typ: fbAsyncWith, block: blk, exit: final, with: s})
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.addop(code.POP_TOP)
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.asyncWith(s, pos)
	}
	c.popFblock()
	c.addop(code.POP_BLOCK)
	c.setLoc(s)
	c.callExitWithNones()
	c.addopI(code.GET_AWAITABLE, 2)
	c.loadConst(nil)
	c.addYieldFrom(true)
	c.addop(code.POP_TOP)
	c.addopJ(code.JUMP, exit)
	c.useNextBlock(final)
	c.addopJ(code.SETUP_CLEANUP, cleanup)
	c.addop(code.PUSH_EXC_INFO)
	c.addop(code.WITH_EXCEPT_START)
	c.addopI(code.GET_AWAITABLE, 2)
	c.loadConst(nil)
	c.addYieldFrom(true)
	c.withExceptFinish(cleanup)
	c.useNextBlock(exit)
}

// temporaryIterable is the GET_ITER argument of a for loop: 1 when the
// iterable is a value nothing else holds (a call result or a generator
// expression), so the VM may close a generator the loop abandons.
func temporaryIterable(e ast.Expr) int {
	switch e.(type) {
	case *ast.Call, *ast.GeneratorExp:
		return 1
	}
	return 0
}
