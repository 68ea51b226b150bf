package code

// Opcode is one bytecode operation. The set and the stack behaviour follow
// CPython 3.11's (Lib/opcode.py, Python/ceval.c) closely, so that compile.c and
// `dis` output of CPython are a usable map of ours. Differences:
//
//   - Jump arguments are absolute instruction indices, not relative offsets,
//     so there is one JUMP for both directions plus JUMP_BACKWARD, which exists
//     only because a backward jump is a GIL check point.
//   - Instructions are one 32-bit word: no EXTENDED_ARG, no inline CACHE
//     entries. Ops that keep an inline cache (LOAD_GLOBAL, LOAD_ATTR,
//     STORE_ATTR, LOAD_METHOD) take a cache-slot index as their argument; the
//     slot knows the name.
//   - There is no PRECALL; KW_NAMES before CALL names the keyword arguments.
//   - Calling a generator function builds the generator directly, so there is
//     no RETURN_GENERATOR.
type Opcode uint8

// The opcodes. Stack pictures read bottom → top; "→" separates before/after.
const (
	NOP Opcode = iota

	// Stack manipulation.
	POP_TOP   // x → ; arg 1: x is a for loop's iterator abandoned early
	PUSH_NULL // → NULL
	COPY      // arg n: ... x(n-th) ... → ... x ... x   (n = 1 is TOS)
	SWAP      // arg n: exchange TOS and the n-th item

	// Constants and names.
	LOAD_CONST      // → consts[arg]
	LOAD_FAST       // → locals[arg]; UnboundLocalError if unset
	STORE_FAST      // v → ; locals[arg] = v
	DELETE_FAST     // locals[arg] = unset (error if already unset)
	LOAD_DEREF      // → cell(locals[arg]).value
	STORE_DEREF     // v →
	DELETE_DEREF    //
	LOAD_CLASSDEREF // class bodies: the locals mapping first, then the cell
	LOAD_CLOSURE    // → the cell object itself in locals[arg]
	MAKE_CELL       // locals[arg] = cell(locals[arg])
	COPY_FREE_VARS  // copy arg free-variable cells from the function into locals
	LOAD_NAME       // → lookup names[arg] in locals, globals, builtins
	STORE_NAME      // v →
	DELETE_NAME     //
	LOAD_GLOBAL     // arg = cache slot; → [NULL] value   (slot says whether NULL is pushed first)
	STORE_GLOBAL    // v → ; globals[names[arg]] = v
	DELETE_GLOBAL   //
	LOAD_ATTR       // arg = cache slot; obj → obj.name
	STORE_ATTR      // arg = cache slot; v obj → ; obj.name = v
	DELETE_ATTR     // obj → ; del obj.names[arg]
	LOAD_METHOD     // arg = cache slot; obj → meth self   or   NULL bound

	// Operators.
	UNARY_POSITIVE //
	UNARY_NEGATIVE //
	UNARY_NOT      //
	UNARY_INVERT   //
	BINARY_OP      // arg = BinaryOp; a b → a op b
	COMPARE_OP     // arg = CompareOp; a b → a op b
	IS_OP          // arg 1 = `is not`; a b → bool
	CONTAINS_OP    // arg 1 = `not in`; a b → (a in b)
	BINARY_SUBSCR  // obj key → obj[key]
	STORE_SUBSCR   // v obj key → ; obj[key] = v
	DELETE_SUBSCR  // obj key →
	BUILD_SLICE    // arg 2 or 3: start stop [step] → slice

	// Building containers and strings.
	BUILD_TUPLE         // arg n items → tuple
	BUILD_LIST          // arg n items → list
	BUILD_SET           // arg n items → set
	BUILD_MAP           // arg n pairs k1 v1 ... → dict
	BUILD_CONST_KEY_MAP // arg n: v1..vn keys-tuple → dict
	BUILD_STRING        // arg n strs → str
	LIST_APPEND         // v → ; STACK[-arg].append(v)  (comprehensions)
	SET_ADD             // v → ; STACK[-arg].add(v)
	MAP_ADD             // k v → ; STACK[-arg][k] = v
	LIST_EXTEND         // it → ; STACK[-arg].extend(it)
	SET_UPDATE          // it → ; STACK[-arg].update(it)
	DICT_UPDATE         // m → ; STACK[-arg].update(m)
	DICT_MERGE          // m → ; like DICT_UPDATE but duplicate keys are an error (calls)
	LIST_TO_TUPLE       // list → tuple
	UNPACK_SEQUENCE     // arg n: seq → vn ... v1  (v1 on top)
	UNPACK_EX           // arg = before | after<<8: seq → ... (starred part as list)
	FORMAT_VALUE        // arg = conversion | 4 if a spec is on the stack: v [spec] → str

	// Control flow. Jump arguments are absolute instruction indices.
	JUMP                       // forward (or any non-checking) jump
	JUMP_BACKWARD              // loop back-edge: a GIL check point
	JUMP_BACKWARD_NO_INTERRUPT // the await/yield-from loop: not a check point
	POP_JUMP_IF_FALSE          // v → ; jump if not v
	POP_JUMP_IF_TRUE           // v → ; jump if v
	POP_JUMP_IF_NONE           // v →
	POP_JUMP_IF_NOT_NONE       // v →
	POP_JUMP_BACKWARD_IF_FALSE // the same as back-edges (check points when taken)
	POP_JUMP_BACKWARD_IF_TRUE  //
	JUMP_IF_FALSE_OR_POP       // v → v (jump) or → (fall through)
	JUMP_IF_TRUE_OR_POP        //
	GET_ITER                   // obj → iter(obj)
	FOR_ITER                   // it → it next   or, exhausted: it → (jump to arg)
	RETURN_VALUE               // v → (return v)

	// Generators and coroutines.
	RESUME              // arg 0 function start, 1 after yield, 2 after yield from, 3 after await
	YIELD_VALUE         // v → sent
	GET_YIELD_FROM_ITER // obj → iter
	SEND                // recv v → recv r  or, done: recv v → value (jump to arg)
	GET_AWAITABLE       // obj → awaitable iterator (arg: 0 await, 1 __aenter__, 2 __aexit__)
	GET_AITER           // obj → obj.__aiter__()
	GET_ANEXT           // aiter → aiter awaitable
	END_ASYNC_FOR       // aiter exc → (StopAsyncIteration ends the loop, else re-raise)
	BEFORE_ASYNC_WITH   // mgr → __aexit__ bound, __aenter__() result
	ASYNC_GEN_WRAP      // v → wrapped v (an async generator's yield)

	// Functions, classes, calls.
	MAKE_FUNCTION    // arg flags: [defaults] [kwdefaults] [annotations] [closure] code → function
	KW_NAMES         // consts[arg] is the tuple of keyword names for the next CALL
	CALL             // arg n: callable-or-NULL self-or-callable a1..an → result
	CALL_FUNCTION_EX // arg 1 = kwargs present: NULL? callable args-tuple [kwargs] → result
	LOAD_BUILD_CLASS // → builtins.__build_class__
	SETUP_ANNOTATIONS

	// Exceptions.
	RAISE_VARARGS        // arg 0 re-raise, 1 exc, 2 exc cause
	RERAISE              // arg 1: restore f_lasti from the item below; exc → (raise exc)
	PUSH_EXC_INFO        // exc → prev_exc exc ; exc becomes the handled exception
	POP_EXCEPT           // prev_exc → ; restore the handled exception
	CHECK_EXC_MATCH      // exc type → exc bool
	CHECK_EG_MATCH       // eg type → rest match (except*)
	PREP_RERAISE_STAR    // orig list → exc-or-None
	WITH_EXCEPT_START    // exit lasti prev exc → exit lasti prev exc res
	BEFORE_WITH          // mgr → __exit__ bound, __enter__() result
	LOAD_ASSERTION_ERROR // → AssertionError

	// Imports.
	IMPORT_NAME // level fromlist → module   (name = names[arg])
	IMPORT_FROM // module → module attr
	IMPORT_STAR // module →

	// Pattern matching.
	GET_LEN        // obj → obj len(obj)
	MATCH_MAPPING  // subject → subject bool
	MATCH_SEQUENCE // subject → subject bool
	MATCH_KEYS     // subject keys → subject keys values-tuple-or-None
	MATCH_CLASS    // arg n positional: subject cls names → attrs-tuple-or-None

	// The REPL.
	PRINT_EXPR // v → ; sys.displayhook(v)

	// Pseudo-instructions: only inside the compiler, never in finished code.
	SETUP_FINALLY // arg = handler label; pushes a handler for the block
	SETUP_CLEANUP // the same, with lasti pushed too
	SETUP_WITH    // the same, for with-statement exits
	POP_BLOCK     // pops the handler

	NumOpcodes
)

// BinaryOp is the argument of BINARY_OP (CPython's NB_* numbering).
type BinaryOp uint8

// The binary operators; the in-place forms are the plain ones + InplaceOffset.
const (
	OpAdd BinaryOp = iota
	OpAnd
	OpFloorDiv
	OpLShift
	OpMatMul
	OpMul
	OpMod
	OpOr
	OpPow
	OpRShift
	OpSub
	OpTrueDiv
	OpXor
	InplaceOffset
)

// BinaryOpSymbols are the operator spellings indexed by BinaryOp (without the
// in-place offset).
var BinaryOpSymbols = [...]string{"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"}

// CompareOp is the argument of COMPARE_OP.
type CompareOp uint8

// The rich comparisons, in CPython's Py_LT... order.
const (
	CmpLT CompareOp = iota
	CmpLE
	CmpEQ
	CmpNE
	CmpGT
	CmpGE
)

// CompareOpSymbols spells the comparisons.
var CompareOpSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}

// MAKE_FUNCTION flags.
const (
	MakeDefaults    = 0x01
	MakeKwDefaults  = 0x02
	MakeAnnotations = 0x04
	MakeClosure     = 0x08
)

// FORMAT_VALUE flags.
const (
	FormatConvMask = 0x03 // 0 none, 1 str, 2 repr, 3 ascii
	FormatWithSpec = 0x04
)

var opNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", PUSH_NULL: "PUSH_NULL", COPY: "COPY", SWAP: "SWAP",
	LOAD_CONST: "LOAD_CONST", LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST",
	DELETE_FAST: "DELETE_FAST", LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF",
	DELETE_DEREF: "DELETE_DEREF", LOAD_CLASSDEREF: "LOAD_CLASSDEREF",
	LOAD_CLOSURE: "LOAD_CLOSURE", MAKE_CELL: "MAKE_CELL", COPY_FREE_VARS: "COPY_FREE_VARS",
	LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME",
	LOAD_GLOBAL: "LOAD_GLOBAL", STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL",
	LOAD_ATTR: "LOAD_ATTR", STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR",
	LOAD_METHOD: "LOAD_METHOD", UNARY_POSITIVE: "UNARY_POSITIVE",
	UNARY_NEGATIVE: "UNARY_NEGATIVE", UNARY_NOT: "UNARY_NOT", UNARY_INVERT: "UNARY_INVERT",
	BINARY_OP: "BINARY_OP", COMPARE_OP: "COMPARE_OP", IS_OP: "IS_OP",
	CONTAINS_OP: "CONTAINS_OP", BINARY_SUBSCR: "BINARY_SUBSCR", STORE_SUBSCR: "STORE_SUBSCR",
	DELETE_SUBSCR: "DELETE_SUBSCR", BUILD_SLICE: "BUILD_SLICE", BUILD_TUPLE: "BUILD_TUPLE",
	BUILD_LIST: "BUILD_LIST", BUILD_SET: "BUILD_SET", BUILD_MAP: "BUILD_MAP",
	BUILD_CONST_KEY_MAP: "BUILD_CONST_KEY_MAP", BUILD_STRING: "BUILD_STRING",
	LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD",
	LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE",
	DICT_MERGE: "DICT_MERGE", LIST_TO_TUPLE: "LIST_TO_TUPLE",
	UNPACK_SEQUENCE: "UNPACK_SEQUENCE", UNPACK_EX: "UNPACK_EX", FORMAT_VALUE: "FORMAT_VALUE",
	JUMP: "JUMP", JUMP_BACKWARD: "JUMP_BACKWARD",
	JUMP_BACKWARD_NO_INTERRUPT: "JUMP_BACKWARD_NO_INTERRUPT",
	POP_JUMP_IF_FALSE:          "POP_JUMP_IF_FALSE", POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE",
	POP_JUMP_IF_NONE: "POP_JUMP_IF_NONE", POP_JUMP_IF_NOT_NONE: "POP_JUMP_IF_NOT_NONE",
	POP_JUMP_BACKWARD_IF_FALSE: "POP_JUMP_BACKWARD_IF_FALSE",
	POP_JUMP_BACKWARD_IF_TRUE:  "POP_JUMP_BACKWARD_IF_TRUE",
	JUMP_IF_FALSE_OR_POP:       "JUMP_IF_FALSE_OR_POP", JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP",
	GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER", RETURN_VALUE: "RETURN_VALUE",
	RESUME: "RESUME", YIELD_VALUE: "YIELD_VALUE", GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER",
	SEND: "SEND", GET_AWAITABLE: "GET_AWAITABLE", GET_AITER: "GET_AITER",
	GET_ANEXT: "GET_ANEXT", END_ASYNC_FOR: "END_ASYNC_FOR",
	BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH", ASYNC_GEN_WRAP: "ASYNC_GEN_WRAP",
	MAKE_FUNCTION: "MAKE_FUNCTION", KW_NAMES: "KW_NAMES", CALL: "CALL",
	CALL_FUNCTION_EX: "CALL_FUNCTION_EX", LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS",
	SETUP_ANNOTATIONS: "SETUP_ANNOTATIONS", RAISE_VARARGS: "RAISE_VARARGS",
	RERAISE: "RERAISE", PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT",
	CHECK_EXC_MATCH: "CHECK_EXC_MATCH", CHECK_EG_MATCH: "CHECK_EG_MATCH",
	PREP_RERAISE_STAR: "PREP_RERAISE_STAR", WITH_EXCEPT_START: "WITH_EXCEPT_START",
	BEFORE_WITH: "BEFORE_WITH", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM", IMPORT_STAR: "IMPORT_STAR",
	GET_LEN: "GET_LEN", MATCH_MAPPING: "MATCH_MAPPING", MATCH_SEQUENCE: "MATCH_SEQUENCE",
	MATCH_KEYS: "MATCH_KEYS", MATCH_CLASS: "MATCH_CLASS", PRINT_EXPR: "PRINT_EXPR",
	SETUP_FINALLY: "SETUP_FINALLY", SETUP_CLEANUP: "SETUP_CLEANUP",
	SETUP_WITH: "SETUP_WITH", POP_BLOCK: "POP_BLOCK",
}

func (op Opcode) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "<op?>"
}

// IsJump reports whether the op's argument is a jump target.
func (op Opcode) IsJump() bool {
	switch op {
	case JUMP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, POP_JUMP_IF_FALSE,
		POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_TRUE,
		JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER, SEND,
		SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH:
		return true
	}
	return false
}

// IsUnconditional reports whether control never falls through the op.
func (op Opcode) IsUnconditional() bool {
	switch op {
	case JUMP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, RETURN_VALUE,
		RAISE_VARARGS, RERAISE:
		return true
	}
	return false
}

// StackEffect is the change in stack depth when the instruction runs.
// jump selects the effect when the jump is taken (for ops that jump). For
// LOAD_GLOBAL, bit 23 of arg says whether the slot pushes a NULL first.
func StackEffect(op Opcode, arg int, jump bool) int {
	switch op {
	case NOP, RESUME, JUMP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, COPY_FREE_VARS,
		MAKE_CELL, DELETE_FAST, DELETE_DEREF, DELETE_NAME, DELETE_GLOBAL,
		SETUP_ANNOTATIONS, UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT,
		SWAP, GET_ITER, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, LIST_TO_TUPLE,
		YIELD_VALUE, ASYNC_GEN_WRAP, KW_NAMES, POP_BLOCK, CHECK_EXC_MATCH,
		CHECK_EG_MATCH, LOAD_ATTR:
		return 0
	case FORMAT_VALUE:
		if arg&FormatWithSpec != 0 {
			return -1
		}
		return 0
	case POP_TOP, STORE_FAST, STORE_DEREF, STORE_NAME, STORE_GLOBAL, DELETE_ATTR,
		POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_TRUE, RETURN_VALUE,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR, IMPORT_STAR,
		PRINT_EXPR, POP_EXCEPT, RERAISE, PREP_RERAISE_STAR, IMPORT_NAME:
		return -1
	case END_ASYNC_FOR, STORE_ATTR, DELETE_SUBSCR, MAP_ADD, MATCH_CLASS:
		return -2
	case STORE_SUBSCR:
		return -3
	case PUSH_NULL, COPY, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLASSDEREF,
		LOAD_CLOSURE, LOAD_NAME, LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR, GET_LEN,
		MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, BEFORE_WITH, BEFORE_ASYNC_WITH,
		GET_ANEXT, PUSH_EXC_INFO, WITH_EXCEPT_START, IMPORT_FROM, LOAD_METHOD:
		return 1
	case LOAD_GLOBAL:
		if arg&(1<<23) != 0 {
			return 2
		}
		return 1
	case BUILD_SLICE, BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - arg
	case BUILD_MAP:
		return 1 - 2*arg
	case BUILD_CONST_KEY_MAP:
		return -arg
	case UNPACK_SEQUENCE:
		return arg - 1
	case UNPACK_EX:
		return (arg & 0xff) + (arg >> 8)
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		if jump {
			return 0
		}
		return -1
	case FOR_ITER:
		if jump {
			return -1
		}
		return 1
	case SEND:
		if jump {
			return -1
		}
		return 0
	case MAKE_FUNCTION:
		n := 0
		for _, f := range [...]int{MakeDefaults, MakeKwDefaults, MakeAnnotations, MakeClosure} {
			if arg&f != 0 {
				n++
			}
		}
		return -n
	case CALL:
		return -arg - 1
	case CALL_FUNCTION_EX:
		return -2 - (arg & 1)
	case RAISE_VARARGS:
		return -arg
	case SETUP_FINALLY, SETUP_WITH:
		// 0 on the fall-through path. At the handler the stack is restored to
		// the setup depth (for SETUP_WITH: minus the __enter__ result, plus
		// lasti) and the exception is pushed.
		if jump {
			return 1
		}
		return 0
	case SETUP_CLEANUP:
		if jump {
			return 2
		}
		return 0
	}
	panic("code: StackEffect of " + op.String())
}
