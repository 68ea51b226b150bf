package compiler

import (
	"fmt"
	"sort"
	"strings"

	"gilpy/parser/ast"
)

// The symbol table is built in two passes, as CPython's Python/symtable.c:
//
//  1. A walk over the tree records raw facts per scope: this name is a
//     parameter here, assigned here, declared global here, read here.
//  2. An analysis over the tree of scopes decides the scope of every name
//     (local, global explicit/implicit, free, cell). A child scope sees the
//     names bound in enclosing function scopes; a name it reads but does not
//     bind is free if an enclosing function binds it, and that binding then
//     becomes a cell. Class scopes are skipped: their bindings are not visible
//     to nested functions.
//
// The code generator only asks two questions: which scope a name has in a
// given block, and what the block's flags (generator, coroutine, ...) are.

type blockType uint8

const (
	functionBlock blockType = iota
	classBlock
	moduleBlock
	// annotationBlock holds annotations under `from __future__ import
	// annotations`: they are never evaluated, but their names still take part
	// in the analysis as CPython 3.11's do.
	annotationBlock
)

type compKind uint8

const (
	notComprehension compKind = iota
	listComprehension
	dictComprehension
	setComprehension
	generatorExpression
)

// Symbol flags (CPython's DEF_*).
const (
	defGlobal    = 1 << iota // global statement
	defLocal                 // assignment in code block
	defParam                 // formal parameter
	defNonlocal              // nonlocal statement
	defUse                   // name is read
	defFree                  // name used but not defined in nested block
	defFreeClass             // free variable of a method that a class also binds
	defImport                // assignment by import
	defAnnot                 // annotated simple name
	defCompIter              // comprehension iteration variable

	defBound = defLocal | defParam | defImport
)

// scopeKind is the result of the analysis for one name.
type scopeKind uint8

const (
	scopeUnknown scopeKind = iota
	scopeLocal
	scopeGlobalExplicit
	scopeGlobalImplicit
	scopeFree
	scopeCell
)

type symbol struct {
	flags int
	scope scopeKind
}

// scope is one symbol-table entry (CPython's PySTEntryObject).
type scope struct {
	name     string
	typ      blockType
	symbols  map[string]*symbol
	order    []string // symbols in insertion order (dict order in CPython)
	varnames []string // parameters, in order
	children []*scope
	// directives remembers where global/nonlocal (and walrus-in-comprehension)
	// declarations were, for error positions.
	directives []directive

	loc loc

	nested, generator, coroutine    bool
	varargs, varkeywords            bool
	returnsValue, needsClassClosure bool
	childFree, hasFree              bool
	comprehension                   compKind
	compIterTarget                  bool
	compIterExpr                    int
}

type directive struct {
	name string
	loc  loc
}

func (s *scope) lookup(name string) int {
	if sym := s.symbols[name]; sym != nil {
		return sym.flags
	}
	return 0
}

// scopeOf is _PyST_GetScope: the analysed scope of name (0 if unknown).
func (s *scope) scopeOf(name string) scopeKind {
	if sym := s.symbols[name]; sym != nil {
		return sym.scope
	}
	return scopeUnknown
}

type symtable struct {
	c       *compiler // for errors
	top     *scope
	cur     *scope
	stack   []*scope
	global  *scope // the module scope: global declarations are mirrored there
	blocks  map[any]*scope
	private string // class name for mangling, "" outside classes
	future  int
	depth   int // nesting, against c.recursionLimit
}

func (st *symtable) enter() {
	st.depth++
	if st.depth > st.c.recursionLimit {
		st.c.tooDeep()
	}
}

func buildSymtable(c *compiler, tree any) *symtable {
	st := &symtable{c: c, blocks: map[any]*scope{}, future: c.future, depth: c.recursionStart}
	st.enterBlock("top", moduleBlock, tree, loc{0, 0, 0, 0})
	st.top = st.cur
	switch m := tree.(type) {
	case *ast.Module:
		st.visitStmts(m.Body)
	case *ast.Interactive:
		st.visitStmts(m.Body)
	case *ast.Expression:
		st.visitExpr(m.Body)
	}
	st.exitBlock()
	st.analyze()
	return st
}

func (st *symtable) errorAt(l loc, format string, args ...any) {
	st.c.errorAtLoc(l, fmt.Sprintf(format, args...))
}

func (st *symtable) enterBlock(name string, typ blockType, key any, l loc) {
	s := &scope{name: name, typ: typ, symbols: map[string]*symbol{}, loc: l}
	if prev := st.cur; prev != nil {
		if prev.nested || prev.typ == functionBlock {
			s.nested = true
		}
		prev.children = append(prev.children, s)
	}
	st.stack = append(st.stack, s)
	st.cur = s
	if typ == moduleBlock {
		st.global = s
	}
	st.blocks[key] = s
}

func (st *symtable) exitBlock() {
	st.stack = st.stack[:len(st.stack)-1]
	st.cur = nil
	if n := len(st.stack); n > 0 {
		st.cur = st.stack[n-1]
	}
}

func (st *symtable) lookup(name string) int {
	return st.cur.lookup(mangle(st.private, name))
}

func (st *symtable) addDef(name string, flag int, l loc) {
	st.addDefIn(name, flag, st.cur, l)
}

// addDefIn is symtable_add_def_helper: record flag for name in scope s.
func (st *symtable) addDefIn(name string, flag int, s *scope, l loc) {
	mangled := mangle(st.private, name)
	val := flag
	sym := s.symbols[mangled]
	if sym != nil {
		if flag&defParam != 0 && sym.flags&defParam != 0 {
			st.errorAt(l, "duplicate argument '%s' in function definition", name)
		}
		val |= sym.flags
	}
	if s.compIterTarget {
		// An iteration variable of a comprehension: it may not also be the
		// target of a named expression.
		if val&(defGlobal|defNonlocal) != 0 {
			st.errorAt(l, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
		}
		val |= defCompIter
	}
	if sym == nil {
		sym = &symbol{}
		s.symbols[mangled] = sym
		s.order = append(s.order, mangled)
	}
	sym.flags = val
	if flag&defParam != 0 {
		s.varnames = append(s.varnames, mangled)
	} else if flag&defGlobal != 0 {
		g := st.global.symbols[mangled]
		if g == nil {
			g = &symbol{}
			st.global.symbols[mangled] = g
			st.global.order = append(st.global.order, mangled)
		}
		g.flags |= flag
	}
}

func (st *symtable) recordDirective(name string, l loc) {
	st.cur.directives = append(st.cur.directives, directive{mangle(st.private, name), l})
}

func (st *symtable) visitStmts(body []ast.Stmt) {
	for _, s := range body {
		st.visitStmt(s)
	}
}

func (st *symtable) visitExprs(es []ast.Expr) {
	for _, e := range es {
		if e != nil {
			st.visitExpr(e)
		}
	}
}

func (st *symtable) visitStmt(s ast.Stmt) {
	st.enter()
	defer func() { st.depth-- }()
	switch s := s.(type) {
	case *ast.FunctionDef:
		st.addDef(s.Name, defLocal, locOf(s))
		st.visitExprs(s.Args.Defaults)
		st.visitExprs(s.Args.KwDefaults)
		st.visitAnnotations(s, s.Args, s.Returns)
		st.visitExprs(s.DecoratorList)
		st.enterBlock(s.Name, functionBlock, s, locOf(s))
		if s.IsAsync {
			st.cur.coroutine = true
		}
		st.visitArguments(s.Args)
		st.visitStmts(s.Body)
		st.exitBlock()
	case *ast.ClassDef:
		st.addDef(s.Name, defLocal, locOf(s))
		st.visitExprs(s.Bases)
		for _, k := range s.Keywords {
			st.visitExpr(k.Value)
		}
		st.visitExprs(s.DecoratorList)
		st.enterBlock(s.Name, classBlock, s, locOf(s))
		saved := st.private
		st.private = s.Name
		st.visitStmts(s.Body)
		st.private = saved
		st.exitBlock()
	case *ast.Return:
		if s.Value != nil {
			st.visitExpr(s.Value)
			st.cur.returnsValue = true
		}
	case *ast.Delete:
		st.visitExprs(s.Targets)
	case *ast.Assign:
		st.visitExprs(s.Targets)
		st.visitExpr(s.Value)
	case *ast.AnnAssign:
		if name, ok := s.Target.(*ast.Name); ok {
			cur := st.lookup(name.Id)
			if cur&(defGlobal|defNonlocal) != 0 && st.cur != st.global && s.Simple {
				msg := "annotated name '%s' can't be nonlocal"
				if cur&defGlobal != 0 {
					msg = "annotated name '%s' can't be global"
				}
				st.errorAt(locOf(s), msg, name.Id)
			}
			if s.Simple {
				st.addDef(name.Id, defAnnot|defLocal, locOf(name))
			} else if s.Value != nil {
				st.addDef(name.Id, defLocal, locOf(name))
			}
		} else {
			st.visitExpr(s.Target)
		}
		st.visitAnnotation(s.Annotation)
		if s.Value != nil {
			st.visitExpr(s.Value)
		}
	case *ast.AugAssign:
		st.visitExpr(s.Target)
		st.visitExpr(s.Value)
	case *ast.For:
		st.visitExpr(s.Target)
		st.visitExpr(s.Iter)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.While:
		st.visitExpr(s.Test)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.If:
		st.visitExpr(s.Test)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.Match:
		st.visitExpr(s.Subject)
		for _, mc := range s.Cases {
			st.visitPattern(mc.Pattern)
			if mc.Guard != nil {
				st.visitExpr(mc.Guard)
			}
			st.visitStmts(mc.Body)
		}
	case *ast.Raise:
		if s.Exc != nil {
			st.visitExpr(s.Exc)
			if s.Cause != nil {
				st.visitExpr(s.Cause)
			}
		}
	case *ast.Try:
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
		for _, h := range s.Handlers {
			if h.Type != nil {
				st.visitExpr(h.Type)
			}
			if h.Name != "" {
				st.addDef(h.Name, defLocal, locOf(h))
			}
			st.visitStmts(h.Body)
		}
		st.visitStmts(s.Finalbody)
	case *ast.Assert:
		st.visitExpr(s.Test)
		if s.Msg != nil {
			st.visitExpr(s.Msg)
		}
	case *ast.Import:
		for _, a := range s.Names {
			st.visitAlias(a)
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			st.visitAlias(a)
		}
	case *ast.Global:
		for _, name := range s.Names {
			cur := st.lookup(name)
			if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
				var msg string
				switch {
				case cur&defParam != 0:
					msg = "name '%s' is parameter and global"
				case cur&defUse != 0:
					msg = "name '%s' is used prior to global declaration"
				case cur&defAnnot != 0:
					msg = "annotated name '%s' can't be global"
				default:
					msg = "name '%s' is assigned to before global declaration"
				}
				st.errorAt(locOf(s), msg, name)
			}
			st.addDef(name, defGlobal, locOf(s))
			st.recordDirective(name, locOf(s))
		}
	case *ast.Nonlocal:
		for _, name := range s.Names {
			cur := st.lookup(name)
			if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
				var msg string
				switch {
				case cur&defParam != 0:
					msg = "name '%s' is parameter and nonlocal"
				case cur&defUse != 0:
					msg = "name '%s' is used prior to nonlocal declaration"
				case cur&defAnnot != 0:
					msg = "annotated name '%s' can't be nonlocal"
				default:
					msg = "name '%s' is assigned to before nonlocal declaration"
				}
				st.errorAt(locOf(s), msg, name)
			}
			st.addDef(name, defNonlocal, locOf(s))
			st.recordDirective(name, locOf(s))
		}
	case *ast.ExprStmt:
		st.visitExpr(s.Value)
	case *ast.Pass, *ast.Break, *ast.Continue:
	case *ast.With:
		for _, item := range s.Items {
			st.visitExpr(item.ContextExpr)
			if item.OptionalVars != nil {
				st.visitExpr(item.OptionalVars)
			}
		}
		st.visitStmts(s.Body)
	}
}

func (st *symtable) visitAlias(a *ast.Alias) {
	// The name actually bound: "a" for `import a.b.c`.
	name := a.Name
	if a.Asname != "" {
		name = a.Asname
	}
	store := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		store = name[:i]
	}
	if name != "*" {
		st.addDef(store, defImport, locOf(a))
		return
	}
	if st.cur.typ != moduleBlock {
		st.errorAt(locOf(a), "import * only allowed at module level")
	}
}

func (st *symtable) visitPattern(p ast.Pattern) {
	st.enter()
	defer func() { st.depth-- }()
	switch p := p.(type) {
	case *ast.MatchValue:
		st.visitExpr(p.Value)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			st.addDef(p.Name, defLocal, locOf(p))
		}
	case *ast.MatchMapping:
		st.visitExprs(p.Keys)
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
		if p.Rest != "" {
			st.addDef(p.Rest, defLocal, locOf(p))
		}
	case *ast.MatchClass:
		st.visitExpr(p.Cls)
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
		for _, q := range p.KwdPatterns {
			st.visitPattern(q)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			st.visitPattern(p.Pattern)
		}
		if p.Name != "" {
			st.addDef(p.Name, defLocal, locOf(p))
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
	}
}

func (st *symtable) visitArguments(a *ast.Arguments) {
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, arg := range group {
			st.addDef(arg.Arg, defParam, locOf(arg))
		}
	}
	if a.Vararg != nil {
		st.addDef(a.Vararg.Arg, defParam, locOf(a.Vararg))
		st.cur.varargs = true
	}
	if a.Kwarg != nil {
		st.addDef(a.Kwarg.Arg, defParam, locOf(a.Kwarg))
		st.cur.varkeywords = true
	}
}

func (st *symtable) futureAnnotations() bool { return st.future&futureAnnotations != 0 }

// visitAnnotations visits a function's parameter annotations in the enclosing
// scope (or, with future annotations, in an annotation block).
func (st *symtable) visitAnnotations(s ast.Node, a *ast.Arguments, returns ast.Expr) {
	fut := st.futureAnnotations()
	if fut {
		st.enterBlock("_annotation", annotationBlock, a, locOf(s))
	}
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args} {
		for _, arg := range group {
			if arg.Annotation != nil {
				st.visitExpr(arg.Annotation)
			}
		}
	}
	if a.Vararg != nil && a.Vararg.Annotation != nil {
		st.visitExpr(a.Vararg.Annotation)
	}
	if a.Kwarg != nil && a.Kwarg.Annotation != nil {
		st.visitExpr(a.Kwarg.Annotation)
	}
	for _, arg := range a.Kwonlyargs {
		if arg.Annotation != nil {
			st.visitExpr(arg.Annotation)
		}
	}
	if fut {
		st.exitBlock()
	}
	if returns != nil {
		st.visitAnnotation(returns)
	}
}

func (st *symtable) visitAnnotation(e ast.Expr) {
	fut := st.futureAnnotations()
	if fut {
		st.enterBlock("_annotation", annotationBlock, e, locOf(e))
	}
	st.visitExpr(e)
	if fut {
		st.exitBlock()
	}
}

func (st *symtable) raiseIfAnnotationBlock(what string, e ast.Expr) {
	if st.cur.typ == annotationBlock {
		st.errorAt(locOf(e), "'%s' can not be used within an annotation", what)
	}
}

func (st *symtable) raiseIfComprehensionBlock(e ast.Expr) {
	msg := "'yield' inside generator expression"
	switch st.cur.comprehension {
	case listComprehension:
		msg = "'yield' inside list comprehension"
	case setComprehension:
		msg = "'yield' inside set comprehension"
	case dictComprehension:
		msg = "'yield' inside dict comprehension"
	}
	st.errorAt(locOf(e), "%s", msg)
}

func (st *symtable) visitExpr(e ast.Expr) {
	st.enter()
	defer func() { st.depth-- }()
	switch e := e.(type) {
	case *ast.NamedExpr:
		st.raiseIfAnnotationBlock("named expression", e)
		st.handleNamedExpr(e)
	case *ast.BoolOp:
		st.visitExprs(e.Values)
	case *ast.BinOp:
		st.visitExpr(e.Left)
		st.visitExpr(e.Right)
	case *ast.UnaryOp:
		st.visitExpr(e.Operand)
	case *ast.Lambda:
		st.visitExprs(e.Args.Defaults)
		st.visitExprs(e.Args.KwDefaults)
		st.enterBlock("lambda", functionBlock, e, locOf(e))
		st.visitArguments(e.Args)
		st.visitExpr(e.Body)
		st.exitBlock()
	case *ast.IfExp:
		st.visitExpr(e.Test)
		st.visitExpr(e.Body)
		st.visitExpr(e.Orelse)
	case *ast.Dict:
		st.visitExprs(e.Keys)
		st.visitExprs(e.Values)
	case *ast.Set:
		st.visitExprs(e.Elts)
	case *ast.GeneratorExp:
		st.handleComprehension(e, "genexpr", e.Generators, e.Elt, nil)
	case *ast.ListComp:
		st.handleComprehension(e, "listcomp", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		st.handleComprehension(e, "setcomp", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		st.handleComprehension(e, "dictcomp", e.Generators, e.Key, e.Value)
	case *ast.Yield:
		st.raiseIfAnnotationBlock("yield expression", e)
		if e.Value != nil {
			st.visitExpr(e.Value)
		}
		st.cur.generator = true
		if st.cur.comprehension != notComprehension {
			st.raiseIfComprehensionBlock(e)
		}
	case *ast.YieldFrom:
		st.raiseIfAnnotationBlock("yield expression", e)
		st.visitExpr(e.Value)
		st.cur.generator = true
		if st.cur.comprehension != notComprehension {
			st.raiseIfComprehensionBlock(e)
		}
	case *ast.Await:
		st.raiseIfAnnotationBlock("await expression", e)
		st.visitExpr(e.Value)
		st.cur.coroutine = true
	case *ast.Compare:
		st.visitExpr(e.Left)
		st.visitExprs(e.Comparators)
	case *ast.Call:
		st.visitExpr(e.Func)
		st.visitExprs(e.Args)
		for _, k := range e.Keywords {
			st.visitExpr(k.Value)
		}
	case *ast.FormattedValue:
		st.visitExpr(e.Value)
		if e.FormatSpec != nil {
			st.visitExpr(e.FormatSpec)
		}
	case *ast.JoinedStr:
		st.visitExprs(e.Values)
	case *ast.Constant:
	case *ast.Attribute:
		st.visitExpr(e.Value)
	case *ast.Subscript:
		st.visitExpr(e.Value)
		st.visitExpr(e.Slice)
	case *ast.Starred:
		st.visitExpr(e.Value)
	case *ast.Slice:
		for _, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				st.visitExpr(x)
			}
		}
	case *ast.Name:
		flag := defLocal
		if e.Ctx == ast.Load {
			flag = defUse
		}
		st.addDef(e.Id, flag, locOf(e))
		// super() needs the __class__ cell of the enclosing class.
		if e.Ctx == ast.Load && st.cur.typ == functionBlock && e.Id == "super" {
			st.addDef("__class__", defUse, locOf(e))
		}
	case *ast.List:
		st.visitExprs(e.Elts)
	case *ast.Tuple:
		st.visitExprs(e.Elts)
	}
}

func (st *symtable) handleNamedExpr(e *ast.NamedExpr) {
	if st.cur.compIterExpr > 0 {
		st.errorAt(locOf(e), "assignment expression cannot be used in a comprehension iterable expression")
	}
	if st.cur.comprehension != notComprehension {
		st.extendNamedExprScope(e.Target)
	}
	st.visitExpr(e.Value)
	st.visitExpr(e.Target)
}

// extendNamedExprScope binds the target of a walrus inside a comprehension in
// the nearest enclosing function or module scope.
func (st *symtable) extendNamedExprScope(target *ast.Name) {
	name := target.Id
	l := locOf(target)
	for i := len(st.stack) - 1; i >= 0; i-- {
		s := st.stack[i]
		if s.comprehension != notComprehension {
			if s.lookup(name)&defCompIter != 0 {
				st.errorAt(l, "assignment expression cannot rebind comprehension iteration variable '%s'", name)
			}
			continue
		}
		switch s.typ {
		case functionBlock:
			if s.lookup(name)&defGlobal != 0 {
				st.addDef(name, defGlobal, l)
			} else {
				st.addDef(name, defNonlocal, l)
			}
			st.recordDirective(name, l)
			st.addDefIn(name, defLocal, s, l)
			return
		case moduleBlock:
			st.addDef(name, defGlobal, l)
			st.recordDirective(name, l)
			st.addDefIn(name, defGlobal, s, l)
			return
		case classBlock:
			st.errorAt(l, "assignment expression within a comprehension cannot be used in a class body")
		}
	}
}

func (st *symtable) handleComprehension(e ast.Expr, name string, gens []*ast.Comprehension, elt, value ast.Expr) {
	isGenerator := false
	outer := gens[0]
	st.cur.compIterExpr++
	st.visitExpr(outer.Iter)
	st.cur.compIterExpr--
	st.enterBlock(name, functionBlock, e, locOf(e))
	switch e.(type) {
	case *ast.ListComp:
		st.cur.comprehension = listComprehension
	case *ast.SetComp:
		st.cur.comprehension = setComprehension
	case *ast.DictComp:
		st.cur.comprehension = dictComprehension
	default:
		st.cur.comprehension = generatorExpression
		isGenerator = true
	}
	if outer.IsAsync {
		st.cur.coroutine = true
	}
	// The outermost iterable is received as the implicit argument ".0".
	st.addDef(".0", defParam, locOf(e))
	st.cur.compIterTarget = true
	st.visitExpr(outer.Target)
	st.cur.compIterTarget = false
	st.visitExprs(outer.Ifs)
	for _, g := range gens[1:] {
		st.cur.compIterTarget = true
		st.visitExpr(g.Target)
		st.cur.compIterTarget = false
		st.cur.compIterExpr++
		st.visitExpr(g.Iter)
		st.cur.compIterExpr--
		st.visitExprs(g.Ifs)
		if g.IsAsync {
			st.cur.coroutine = true
		}
	}
	if value != nil {
		st.visitExpr(value)
	}
	st.visitExpr(elt)
	st.cur.generator = isGenerator
	isAsync := st.cur.coroutine && !isGenerator
	st.exitBlock()
	if isAsync {
		// An async list/set/dict comprehension is awaited by its creator.
		st.cur.coroutine = true
	}
}

// ------------------------------------------------------------------ analysis

type nameSet map[string]bool

func (s nameSet) copy() nameSet {
	t := make(nameSet, len(s))
	for k := range s {
		t[k] = true
	}
	return t
}

func (s nameSet) update(o nameSet) {
	for k := range o {
		s[k] = true
	}
}

func (st *symtable) analyze() {
	st.analyzeBlock(st.top, nil, nameSet{}, nameSet{})
}

func (st *symtable) errorAtDirective(s *scope, name, msg string) {
	for _, d := range s.directives {
		if d.name == name {
			st.c.errorAtLoc(d.loc, msg)
		}
	}
	panic("compiler: internal directive bookkeeping broken")
}

// analyzeName decides the scope of one name (analyze_name).
func (st *symtable) analyzeName(s *scope, scopes map[string]scopeKind, name string, flags int,
	bound, local, free, global nameSet) {
	if flags&defGlobal != 0 {
		if flags&defNonlocal != 0 {
			st.errorAtDirective(s, name, fmt.Sprintf("name '%s' is nonlocal and global", name))
		}
		scopes[name] = scopeGlobalExplicit
		global[name] = true
		if bound != nil {
			delete(bound, name)
		}
		return
	}
	if flags&defNonlocal != 0 {
		if bound == nil {
			st.errorAtDirective(s, name, "nonlocal declaration not allowed at module level")
		}
		if !bound[name] {
			st.errorAtDirective(s, name, fmt.Sprintf("no binding for nonlocal '%s' found", name))
		}
		scopes[name] = scopeFree
		s.hasFree = true
		free[name] = true
		return
	}
	if flags&defBound != 0 {
		scopes[name] = scopeLocal
		local[name] = true
		delete(global, name)
		return
	}
	// Bound in an enclosing function: a free variable here.
	if bound != nil && bound[name] {
		scopes[name] = scopeFree
		s.hasFree = true
		free[name] = true
		return
	}
	if global != nil && global[name] {
		scopes[name] = scopeGlobalImplicit
		return
	}
	if s.nested {
		s.hasFree = true
	}
	scopes[name] = scopeGlobalImplicit
}

func (st *symtable) analyzeBlock(s *scope, bound, free, global nameSet) {
	local := nameSet{}
	scopes := map[string]scopeKind{}
	newGlobal := nameSet{}
	newFree := nameSet{}
	newBound := nameSet{}

	// A class namespace is invisible to nested functions, so what they see
	// is decided before the class's own names are analysed.
	if s.typ == classBlock {
		newGlobal.update(global)
		if bound != nil {
			newBound.update(bound)
		}
	}
	for _, name := range s.order {
		st.analyzeName(s, scopes, name, s.symbols[name].flags, bound, local, free, global)
	}
	if s.typ != classBlock {
		if s.typ == functionBlock {
			newBound.update(local)
		}
		if bound != nil {
			newBound.update(bound)
		}
		newGlobal.update(global)
	} else {
		newBound["__class__"] = true
	}

	allFree := nameSet{}
	for _, child := range s.children {
		childFree := newFree.copy()
		st.analyzeBlock(child, newBound.copy(), childFree, newGlobal.copy())
		allFree.update(childFree)
		if child.hasFree || child.childFree {
			s.childFree = true
		}
	}
	newFree.update(allFree)

	switch s.typ {
	case functionBlock:
		// Locals captured by children become cells.
		for name, sc := range scopes {
			if sc == scopeLocal && newFree[name] {
				scopes[name] = scopeCell
				delete(newFree, name)
			}
		}
	case classBlock:
		if newFree["__class__"] {
			delete(newFree, "__class__")
			s.needsClassClosure = true
		}
	}
	st.updateSymbols(s, scopes, bound, newFree)
	free.update(newFree)
}

// updateSymbols records the analysis in the scope and propagates the free
// variables of children that this scope does not bind.
func (st *symtable) updateSymbols(s *scope, scopes map[string]scopeKind, bound, free nameSet) {
	for _, name := range s.order {
		s.symbols[name].scope = scopes[name]
	}
	// Deterministic order: the result does not depend on it, but a fixed
	// order keeps s.order reproducible.
	for _, name := range sortedNames(free) {
		if sym := s.symbols[name]; sym != nil {
			// A method's free variable that the class also binds.
			if s.typ == classBlock && sym.flags&(defBound|defGlobal) != 0 {
				sym.flags |= defFreeClass
			}
			continue
		}
		if bound != nil && !bound[name] {
			continue // a global
		}
		s.symbols[name] = &symbol{flags: 0, scope: scopeFree}
		s.order = append(s.order, name)
	}
}

func sortedNames(s nameSet) []string {
	names := make([]string, 0, len(s))
	for k := range s {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
