package compiler

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"

	"gilpy/parser"
	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// Options tune a compilation.
type Options struct {
	// Optimize is CPython's optimization level (-O / -OO): 1 drops asserts
	// and makes __debug__ False, 2 also drops docstrings.
	Optimize int
	// DontInherit is reserved for compile()'s dont_inherit.
	DontInherit bool
	// FutureAnnotations compiles as if `from __future__ import annotations`
	// were in effect (compile() inherits it from the calling code).
	FutureAnnotations bool
	// Warn, if set, receives the compiler's SyntaxWarnings (`"is" with a
	// literal`, "perhaps you missed a comma?", ...) with their line, as
	// CPython passes them to warnings.warn_explicit. If it returns an error
	// (the warning filters turned the warning into an error), compilation
	// stops with a SyntaxError carrying the warning's message, as CPython's.
	Warn func(msg string, lineno int) error
	// RecursionLimit and RecursionDepth are sys.getrecursionlimit() and the
	// caller's current Python recursion depth: like CPython, the compiler
	// allows 3 levels of syntax nesting per remaining Python frame and
	// reports deeper trees as a *RecursionError. 0 means 1000 and 0.
	RecursionLimit, RecursionDepth int
}

// RecursionError reports a tree nested too deeply to compile (Python's
// RecursionError).
type RecursionError struct{ Msg string }

func (e *RecursionError) Error() string { return e.Msg }

// compilerStackFrameScale is CPython's COMPILER_STACK_FRAME_SCALE.
const compilerStackFrameScale = 3

// CPython's future-feature code flags; they are copied into every code
// object's Flags so that compile() and exec() can inherit them.
const (
	FlagFutureBarryAsBDFL code.Flags = 0x400000
	FlagFutureAnnotations code.Flags = 0x1000000
)

const (
	futureAnnotations = int(FlagFutureAnnotations)
	futureBarry       = int(FlagFutureBarryAsBDFL)
)

// Compile compiles a parsed module (*ast.Module), expression (*ast.Expression)
// or interactive input (*ast.Interactive) into a code object. src is the
// source text the tree was parsed from.
//
// Errors are *parser.SyntaxError (with CPython's message and position) or,
// for trees nested too deeply, *RecursionError.
//
// Like CPython's optimizer, Compile may rewrite the tree in place (constant
// folding); callers must not reuse it expecting the original.
func Compile(tree any, filename string, src []byte, opts Options) (co *code.Code, err error) {
	switch tree.(type) {
	case *ast.Module, *ast.Interactive, *ast.Expression:
	default:
		return nil, fmt.Errorf("compiler: cannot compile %T", tree)
	}
	c := &compiler{filename: filename, src: src, optimize: opts.Optimize, warn: opts.Warn}
	limit := opts.RecursionLimit
	if limit <= 0 {
		limit = 1000
	}
	c.recursionLimit = limit * compilerStackFrameScale
	c.recursionStart = opts.RecursionDepth * compilerStackFrameScale
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(compileError)
			if !ok {
				panic(r)
			}
			co, err = nil, ce.err
		}
	}()
	c.future = futureFromAST(c, tree)
	if opts.FutureAnnotations {
		c.future |= futureAnnotations
	}
	foldTree(c, tree)
	c.st = buildSymtable(c, tree)
	return c.compileMod(tree), nil
}

// compileError carries a SyntaxError out of the recursive code generator.
type compileError struct{ err error }

// loc is a source range as the code generator tracks it (CPython's
// u_lineno/u_col_offset/...). line < 0 means "no location": the instruction
// is artificial and later inherits a neighbour's position.
type loc struct {
	line, endLine, col, endCol int
}

var noLoc = loc{-1, -1, -1, -1}

func locOf(n ast.Node) loc {
	p := n.GetPos()
	return loc{p.Line, p.EndLine, p.Col, p.EndCol}
}

// Scope types of the code generator (CPython's COMPILER_SCOPE_*).
type unitType uint8

const (
	scopeModule unitType = iota
	scopeClass
	scopeFunction
	scopeAsyncFunction
	scopeLambda
	scopeComprehension
)

type compiler struct {
	filename    string
	src         []byte
	st          *symtable
	future      int
	futureLine  int // line of the last __future__ import
	optimize    int
	interactive bool
	nestLevel   int
	u           *unit
	stack       []*unit
	// folded holds the values of constants made by folding that
	// ast.Constant cannot represent (tuples, frozensets, some complexes).
	folded map[*ast.Constant]any

	codeKeys                       map[*code.Code]string
	warn                           func(msg string, lineno int) error
	recursionLimit, recursionStart int
}

// warning emits a SyntaxWarning at the current location.
func (c *compiler) warning(format string, args ...any) {
	if c.warn == nil {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if err := c.warn(msg, c.u.loc.line); err != nil {
		c.error("%s", msg)
	}
}

func (c *compiler) tooDeep() {
	panic(compileError{&RecursionError{Msg: "maximum recursion depth exceeded during compilation"}})
}

// unit is the state of one code object being generated (compiler_unit).
type unit struct {
	ste       *scope
	name      string
	qualname  string
	scopeType unitType

	consts     []any
	constIndex map[string]int
	names      []string
	nameIndex  map[string]int
	varnames   []string
	varIndex   map[string]int
	cellvars   []string // sorted; __class__ first for classes that need it
	cellIndex  map[string]int
	freevars   []string       // sorted
	freeIndex  map[string]int // index counts from len(cellvars)

	private string

	argcount, posonlyargcount, kwonlyargcount int

	blocks    []*block // in creation order
	cur       *block
	needBlock bool // the current block ended: start a new one at the next instruction

	fblocks []fblock

	firstLine int
	loc       loc
	doc       any
}

func (c *compiler) errorAtLoc(l loc, msg string) {
	panic(compileError{c.syntaxError(msg, l.line, l.col+1, l.endLine, l.endCol+1)})
}

// error raises a SyntaxError at the current location (compiler_error).
func (c *compiler) error(format string, args ...any) {
	c.errorAtLoc(c.u.loc, fmt.Sprintf(format, args...))
}

// syntaxError builds the error for a problem found after parsing. As in
// CPython, Offset and EndOffset are then col_offset + 1: 1-based UTF-8 byte
// offsets (the parser's own errors count characters), and Text is read from
// the file named filename, so that compile(src, "<string>", ...) errors
// have none.
func (c *compiler) syntaxError(msg string, line, offset, endLine, endOffset int) *parser.SyntaxError {
	return &parser.SyntaxError{
		Type: "SyntaxError", Msg: msg, Filename: c.filename,
		Lineno: line, Offset: offset, EndLineno: endLine, EndOffset: endOffset,
		Text: programText(c.filename, line),
	}
}

// programText reads line n of the named file, as CPython's
// PyErr_ProgramTextObject does for errors found after parsing: the text
// comes from the file, so compile(src, "<string>", ...) errors have none.
func programText(filename string, n int) string {
	if n <= 0 || filename == "" || strings.HasPrefix(filename, "<") {
		return ""
	}
	data, err := os.ReadFile(filename)
	if err != nil {
		return ""
	}
	for i := 1; len(data) > 0; i++ {
		j := strings.IndexByte(string(data), '\n')
		line := data
		if j >= 0 {
			line = data[:j+1]
		}
		if i == n {
			// Universal newlines, as CPython reads the line.
			if strings.HasSuffix(string(line), "\r\n") {
				return string(line[:len(line)-2]) + "\n"
			}
			return string(line)
		}
		if j < 0 {
			break
		}
		data = data[j+1:]
	}
	return ""
}

// ------------------------------------------------------------------ units

func (c *compiler) enterScope(name string, typ unitType, key any, firstLine int) {
	ste := c.st.blocks[key]
	u := &unit{
		ste: ste, name: name, scopeType: typ,
		constIndex: map[string]int{}, nameIndex: map[string]int{},
		varIndex: map[string]int{}, cellIndex: map[string]int{}, freeIndex: map[string]int{},
		firstLine: firstLine,
		loc:       loc{firstLine, firstLine, 0, 0},
	}
	for _, v := range ste.varnames {
		u.varIndex[v] = len(u.varnames)
		u.varnames = append(u.varnames, v)
	}
	var cells, frees []string
	for _, name := range ste.order {
		sym := ste.symbols[name]
		if sym.scope == scopeCell {
			cells = append(cells, name)
		}
		if sym.scope == scopeFree || sym.flags&defFreeClass != 0 {
			frees = append(frees, name)
		}
	}
	sort.Strings(cells)
	sort.Strings(frees)
	if ste.needsClassClosure {
		// The implicit __class__ cell of a class body.
		cells = []string{"__class__"}
	}
	for _, n := range cells {
		u.cellIndex[n] = len(u.cellvars)
		u.cellvars = append(u.cellvars, n)
	}
	for _, n := range frees {
		u.freeIndex[n] = len(u.cellvars) + len(u.freevars)
		u.freevars = append(u.freevars, n)
	}
	if c.u != nil {
		c.stack = append(c.stack, c.u)
		u.private = c.u.private
	}
	c.u = u
	c.nestLevel++
	u.cur = c.newBlock()
	if typ == scopeModule {
		u.loc.line = 0
	} else {
		c.setQualname()
	}
	c.addopI(code.RESUME, 0)
	if typ == scopeModule {
		u.loc.line = -1
	}
}

func (c *compiler) exitScope() {
	c.nestLevel--
	if n := len(c.stack); n > 0 {
		c.u = c.stack[n-1]
		c.stack = c.stack[:n-1]
	} else {
		c.u = nil
	}
}

// setQualname computes co_qualname: "f.<locals>.g", "C.m", ...
func (c *compiler) setQualname() {
	u := c.u
	base := ""
	if n := len(c.stack); n > 0 {
		parent := c.stack[n-1]
		forceGlobal := false
		if u.scopeType == scopeFunction || u.scopeType == scopeAsyncFunction || u.scopeType == scopeClass {
			mangled := mangle(parent.private, u.name)
			if parent.ste.scopeOf(mangled) == scopeGlobalExplicit {
				forceGlobal = true
			}
		}
		if !forceGlobal {
			switch parent.scopeType {
			case scopeFunction, scopeAsyncFunction, scopeLambda:
				base = parent.qualname + ".<locals>"
			case scopeModule:
			default:
				base = parent.qualname
			}
		}
	}
	if base != "" {
		u.qualname = base + "." + u.name
	} else {
		u.qualname = u.name
	}
}

// ------------------------------------------------------------------ constants and names

// constKey identifies a constant as CPython's _PyCode_ConstantKey does:
// equal values of different types (1, 1.0, True) stay distinct, and so do
// 0.0 and -0.0.
func constKey(v any) string { return constKeyIn(v, nil) }

// constKeyIn is constKey with a cache for code-object keys (a code object
// is immutable once assembled, and its key is needed again when its parent
// becomes a constant).
func constKeyIn(v any, cache map[*code.Code]string) string {
	switch v := v.(type) {
	case nil:
		return "N"
	case bool:
		if v {
			return "T"
		}
		return "F"
	case int64:
		return fmt.Sprintf("i%d", v)
	case *big.Int:
		return "i" + v.String()
	case float64:
		return fmt.Sprintf("f%x", floatBits(v))
	case complex128:
		return fmt.Sprintf("c%x,%x", floatBits(real(v)), floatBits(imag(v)))
	case string:
		return "s" + v
	case code.Bytes:
		return "b" + string(v)
	case code.Ellipsis:
		return "E"
	case code.Tuple:
		var sb strings.Builder
		sb.WriteString("(")
		for _, x := range v {
			k := constKeyIn(x, cache)
			fmt.Fprintf(&sb, "%d:%s", len(k), k)
		}
		sb.WriteString(")")
		return sb.String()
	case code.FrozenSet:
		keys := make([]string, len(v))
		for i, x := range v {
			keys[i] = constKeyIn(x, cache)
		}
		sort.Strings(keys)
		var sb strings.Builder
		sb.WriteString("{")
		for _, k := range keys {
			fmt.Fprintf(&sb, "%d:%s", len(k), k)
		}
		sb.WriteString("}")
		return sb.String()
	case *code.Code:
		return codeKey(v, cache)
	}
	panic(fmt.Sprintf("compiler: bad constant %T", v))
}

// codeKey identifies a code object by its contents, as CPython's
// code_richcompare does (everything but the qualname): a body compiled
// twice (the test of a while loop, a finally block) yields one constant.
func codeKey(co *code.Code, cache map[*code.Code]string) string {
	if k, ok := cache[co]; ok {
		return k
	}
	b := []byte{'C'}
	num := func(n int) { b = binary.AppendVarint(b, int64(n)) }
	str := func(s string) { num(len(s)); b = append(b, s...) }
	str(co.Name)
	for _, n := range []int{co.ArgCount, co.PosOnlyArgCount, co.KwOnlyArgCount, int(co.Flags), co.FirstLine, len(co.Instrs)} {
		num(n)
	}
	for _, in := range co.Instrs {
		b = binary.LittleEndian.AppendUint32(b, uint32(in))
	}
	num(len(co.Consts))
	for _, k := range co.Consts {
		str(constKeyIn(k, cache))
	}
	num(len(co.Names))
	for _, n := range co.Names {
		str(n)
	}
	num(len(co.LocalsPlus))
	for i, n := range co.LocalsPlus {
		str(n)
		num(int(co.Kinds[i]))
	}
	for _, p := range co.Positions {
		num(int(p.Line))
		num(int(p.EndLine))
		num(int(p.Col))
		num(int(p.EndCol))
	}
	num(len(co.ExcTable))
	for _, e := range co.ExcTable {
		num(int(e.Start))
		num(int(e.End))
		num(int(e.Target))
		num(int(e.Depth))
		if e.Lasti {
			num(1)
		} else {
			num(0)
		}
	}
	for _, cs := range co.Caches {
		num(cs.Name)
		if cs.PushNull {
			num(1)
		} else {
			num(0)
		}
	}
	k := string(b)
	if cache != nil {
		cache[co] = k
	}
	return k
}

func (c *compiler) addConst(v any) int {
	u := c.u
	if c.codeKeys == nil {
		c.codeKeys = map[*code.Code]string{}
	}
	k := constKeyIn(v, c.codeKeys)
	if i, ok := u.constIndex[k]; ok {
		return i
	}
	i := len(u.consts)
	u.consts = append(u.consts, v)
	u.constIndex[k] = i
	return i
}

func addName(list *[]string, index map[string]int, name string) int {
	if i, ok := index[name]; ok {
		return i
	}
	i := len(*list)
	*list = append(*list, name)
	index[name] = i
	return i
}

func (c *compiler) addNameIdx(name string) int {
	return addName(&c.u.names, c.u.nameIndex, name)
}

// mangle implements private name mangling: __spam inside class Ham becomes
// _Ham__spam (not for __dunder__ names or dotted names).
func mangle(private, name string) string {
	if private == "" || !strings.HasPrefix(name, "__") {
		return name
	}
	if strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// ------------------------------------------------------------------ emitting

func (c *compiler) newBlock() *block {
	b := &block{id: len(c.u.blocks)}
	c.u.blocks = append(c.u.blocks, b)
	return b
}

// useNextBlock makes b the current block, falling through from the previous one.
func (c *compiler) useNextBlock(b *block) {
	c.u.cur.next = b
	c.u.cur = b
	c.u.needBlock = false
}

func (c *compiler) emit(in instr) {
	u := c.u
	if u.needBlock {
		b := c.newBlock()
		c.useNextBlock(b)
	}
	b := u.cur
	if in.op == code.RETURN_VALUE {
		b.hasReturn = true
	}
	b.instrs = append(b.instrs, in)
	if in.isJump() || in.op == code.RETURN_VALUE || in.op == code.RAISE_VARARGS || in.op == code.RERAISE {
		u.needBlock = true
	}
}

func (c *compiler) addop(op code.Opcode) {
	c.emit(instr{op: op, loc: c.u.loc})
}

func (c *compiler) addopI(op code.Opcode, arg int) {
	c.emit(instr{op: op, arg: arg, loc: c.u.loc})
}

func (c *compiler) addopNoLine(op code.Opcode) {
	c.emit(instr{op: op, loc: noLoc})
}

func (c *compiler) addopJ(op code.Opcode, target *block) {
	c.emit(instr{op: op, target: target, loc: c.u.loc})
}

func (c *compiler) addopJNoLine(op code.Opcode, target *block) {
	c.emit(instr{op: op, target: target, loc: noLoc})
}

func (c *compiler) loadConst(v any) {
	c.addopI(code.LOAD_CONST, c.addConst(v))
}

// addopName emits an op whose argument is a (mangled) entry of co_names.
func (c *compiler) addopName(op code.Opcode, name string) {
	c.addopI(op, c.addNameIdx(mangle(c.u.private, name)))
}

func (c *compiler) setLoc(n ast.Node) { c.u.loc = locOf(n) }
func (c *compiler) unsetLoc()         { c.u.loc = noLoc }

// ------------------------------------------------------------------ future

// futureFromAST finds the `from __future__ import ...` statements at the top
// of a module (Python/future.c).
func futureFromAST(c *compiler, tree any) int {
	var body []ast.Stmt
	switch m := tree.(type) {
	case *ast.Module:
		body = m.Body
	case *ast.Interactive:
		body = m.Body
	default:
		return 0
	}
	features := 0
	i := 0
	if docString(body) != nil {
		i++
	}
	done := false
	prevLine := 0
	for ; i < len(body); i++ {
		s := body[i]
		line := s.GetPos().Line
		if done && line > prevLine {
			return features
		}
		prevLine = line
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			done = true
			continue
		}
		if done {
			p := s.GetPos()
			panic(compileError{c.syntaxError("from __future__ imports must occur at the beginning of the file",
				p.Line, p.Col, p.Line, -1)})
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
				"print_function", "unicode_literals", "generator_stop":
			case "barry_as_FLUFL":
				features |= futureBarry
			case "annotations":
				features |= futureAnnotations
			case "braces":
				p := s.GetPos()
				panic(compileError{c.syntaxError("not a chance", p.Line, p.Col+1, p.Line, -1)})
			default:
				p := s.GetPos()
				panic(compileError{c.syntaxError(fmt.Sprintf("future feature %s is not defined", a.Name),
					p.Line, p.Col+1, p.Line, -1)})
			}
		}
		c.futureLine = line
	}
	return features
}

// docString returns the docstring constant of a body, or nil.
func docString(body []ast.Stmt) *ast.Constant {
	if len(body) == 0 {
		return nil
	}
	es, ok := body[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	k, ok := es.Value.(*ast.Constant)
	if !ok || k.Kind != ast.KindStr {
		return nil
	}
	return k
}
