package compiler

import (
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"

	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/parser"
	"gilpy/vm/code"
)

// The golden tests compare the compiler with CPython 3.11 on a corpus of
// sources (testdata/src) and of compile-time errors (testdata/errors.py).
// testdata/gen.py writes the expectations from the real CPython; run
//
//	go test ./vm/compiler -run Golden -regen
//
// to regenerate them (it needs python3.11: $PYTHON, `pyenv which python3`
// or python3 on PATH). The tests themselves never run Python.

var regen = flag.Bool("regen", false, "regenerate testdata/golden with CPython 3.11")

func findPython() string {
	if p := os.Getenv("PYTHON"); p != "" {
		return p
	}
	if out, err := exec.Command("pyenv", "which", "python3").Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	return "python3"
}

func TestMain(m *testing.M) {
	flag.Parse()
	if *regen {
		cmd := exec.Command(findPython(), filepath.Join("testdata", "gen.py"))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "regen failed:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

type goldenCode struct {
	Name            string   `json:"name"`
	Qualname        string   `json:"qualname"`
	FirstLine       int      `json:"firstlineno"`
	ArgCount        int      `json:"argcount"`
	PosOnlyArgCount int      `json:"posonlyargcount"`
	KwOnlyArgCount  int      `json:"kwonlyargcount"`
	Flags           int      `json:"flags"`
	StackSize       int      `json:"stacksize"`
	Varnames        []string `json:"varnames"`
	Cellvars        []string `json:"cellvars"`
	Freevars        []string `json:"freevars"`
	Docstring       *string  `json:"docstring"`
	Instrs          [][]any  `json:"instrs"`
	ExcTable        [][]any  `json:"exctable"`
}

type goldenFile struct {
	AST      any          `json:"ast"`
	Codes    []goldenCode `json:"codes"`
	Warnings [][]any      `json:"warnings"`
}

// allCodes lists co and the code objects among its constants, depth first.
func allCodes(co *code.Code) []*code.Code {
	out := []*code.Code{co}
	for _, k := range co.Consts {
		if sub, ok := k.(*code.Code); ok {
			out = append(out, allCodes(sub)...)
		}
	}
	return out
}

// constJSON renders a constant as testdata/gen.py's const_json does.
func constJSON(v any) any {
	switch v := v.(type) {
	case nil:
		return []any{"None"}
	case code.Ellipsis:
		return []any{"Ellipsis"}
	case bool:
		return []any{"bool", v}
	case int64:
		return []any{"int", fmt.Sprint(v)}
	case *big.Int:
		return []any{"int", v.String()}
	case float64:
		return []any{"float", floatRepr(v)}
	case complex128:
		return []any{"complex", floatRepr(real(v)), floatRepr(imag(v))}
	case string:
		return []any{"str", v}
	case code.Bytes:
		return []any{"bytes", hex.EncodeToString([]byte(v))}
	case code.Tuple:
		items := []any{}
		for _, x := range v {
			items = append(items, constJSON(x))
		}
		return []any{"tuple", items}
	case code.FrozenSet:
		items := []any{}
		for _, x := range v {
			items = append(items, constJSON(x))
		}
		sort.Slice(items, func(i, j int) bool { return pyJSON(items[i]) < pyJSON(items[j]) })
		return []any{"frozenset", items}
	case *code.Code:
		return []any{"code", v.Qualname}
	}
	panic(fmt.Sprintf("constJSON %T", v))
}

// pyJSON is json.dumps with Python's default separators, for sort keys.
func pyJSON(v any) string {
	switch v := v.(type) {
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyJSON(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		b, _ := json.Marshal(v)
		return string(b)
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func isLocalOp(op code.Opcode) bool {
	switch op {
	case code.LOAD_FAST, code.STORE_FAST, code.DELETE_FAST, code.LOAD_DEREF, code.STORE_DEREF,
		code.DELETE_DEREF, code.LOAD_CLASSDEREF, code.LOAD_CLOSURE, code.MAKE_CELL:
		return true
	}
	return false
}

func isNameOp(op code.Opcode) bool {
	switch op {
	case code.LOAD_NAME, code.STORE_NAME, code.DELETE_NAME, code.STORE_GLOBAL, code.DELETE_GLOBAL,
		code.DELETE_ATTR, code.IMPORT_NAME, code.IMPORT_FROM:
		return true
	}
	return false
}

func isRealJump(op code.Opcode) bool {
	return op.IsJump() && op != code.SETUP_FINALLY && op != code.SETUP_CLEANUP && op != code.SETUP_WITH
}

// noArg reports ops that CPython defines without an argument.
func noArg(op code.Opcode) bool {
	switch op {
	case code.NOP, code.POP_TOP, code.PUSH_NULL, code.UNARY_POSITIVE, code.UNARY_NEGATIVE, code.UNARY_NOT,
		code.UNARY_INVERT, code.BINARY_SUBSCR, code.STORE_SUBSCR, code.DELETE_SUBSCR, code.LIST_TO_TUPLE,
		code.GET_ITER, code.RETURN_VALUE, code.YIELD_VALUE, code.GET_YIELD_FROM_ITER, code.GET_AITER, code.GET_ANEXT,
		code.END_ASYNC_FOR, code.BEFORE_ASYNC_WITH, code.ASYNC_GEN_WRAP, code.LOAD_BUILD_CLASS,
		code.SETUP_ANNOTATIONS, code.PUSH_EXC_INFO, code.POP_EXCEPT, code.CHECK_EXC_MATCH, code.CHECK_EG_MATCH,
		code.PREP_RERAISE_STAR, code.WITH_EXCEPT_START, code.BEFORE_WITH, code.LOAD_ASSERTION_ERROR,
		code.IMPORT_STAR, code.GET_LEN, code.MATCH_MAPPING, code.MATCH_SEQUENCE, code.MATCH_KEYS, code.PRINT_EXPR:
		return true
	}
	return false
}

type normInstr struct {
	op  string
	arg any
	pos []any
}

// normalize renders co's instructions and exception table in gen.py's
// normalized form.
func normalize(co *code.Code) ([]normInstr, [][]any, map[int]string) {
	// gilpy spells CPython's POP_JUMP_BACKWARD_IF_(NOT_)NONE as
	// LOAD_CONST None; IS_OP; POP_JUMP_BACKWARD_IF_TRUE: fold it back.
	rename := map[int]string{}
	dropped := map[int]bool{}
	for i := 2; i < len(co.Instrs); i++ {
		a, b, j := co.Instrs[i-2], co.Instrs[i-1], co.Instrs[i]
		if a.Op() == code.LOAD_CONST && co.Consts[a.Arg()] == nil && b.Op() == code.IS_OP &&
			j.Op() == code.POP_JUMP_BACKWARD_IF_TRUE {
			dropped[i-2], dropped[i-1] = true, true
			rename[i] = [...]string{"POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE"}[b.Arg()&1]
		}
	}
	var keptIdx []int
	for i, in := range co.Instrs {
		if in.Op() != code.RESUME && !dropped[i] {
			keptIdx = append(keptIdx, i)
		}
	}
	indexAt := func(pc int) int {
		for j, i := range keptIdx {
			if i >= pc {
				return j
			}
		}
		return len(keptIdx)
	}
	var out []normInstr
	for _, i := range keptIdx {
		in := co.Instrs[i]
		op, a := in.Op(), in.Arg()
		var arg any = a
		switch {
		case isRealJump(op):
			arg = indexAt(a)
		case op == code.LOAD_CONST || op == code.KW_NAMES:
			arg = constJSON(co.Consts[a])
		case op == code.LOAD_GLOBAL:
			slot := co.Caches[a]
			s := co.Names[slot.Name]
			if slot.PushNull {
				s = "NULL+" + s
			}
			arg = s
		case op == code.LOAD_ATTR || op == code.STORE_ATTR || op == code.LOAD_METHOD:
			arg = co.Names[co.Caches[a].Name]
		case isNameOp(op):
			arg = co.Names[a]
		case isLocalOp(op):
			arg = co.LocalsPlus[a]
		case noArg(op):
			arg = nil
		}
		p := co.Positions[i]
		pos := []any{}
		for _, x := range []int32{p.Line, p.EndLine, p.Col, p.EndCol} {
			if x < 0 {
				pos = append(pos, nil)
			} else {
				pos = append(pos, int(x))
			}
		}
		name := op.String()
		if r, ok := rename[i]; ok {
			name = r
		}
		out = append(out, normInstr{name, arg, pos})
	}
	table := [][]any{}
	for _, e := range co.ExcTable {
		start, end, target := indexAt(int(e.Start)), indexAt(int(e.End)), indexAt(int(e.Target))
		if start >= end {
			continue
		}
		row := []any{start, end, target, int(e.Depth), e.Lasti}
		if n := len(table); n > 0 && table[n-1][1] == start && fmt.Sprint(table[n-1][2:]) == fmt.Sprint(row[2:]) {
			table[n-1][1] = end
		} else {
			table = append(table, row)
		}
	}
	return out, table, rename
}

// jsonNorm round-trips v through JSON so it compares with decoded goldens.
func jsonNorm(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var r any
	if err := json.Unmarshal(b, &r); err != nil {
		panic(err)
	}
	return r
}

func fmtArg(a any) string {
	b, _ := json.Marshal(jsonNorm(a))
	return string(b)
}

func fmtPos(p []any) string {
	parts := make([]string, len(p))
	for i, x := range p {
		if x == nil {
			parts[i] = "-"
		} else {
			parts[i] = fmt.Sprint(x)
		}
	}
	return "(" + strings.Join(parts, ",") + ")"
}

// keyOps are the instructions whose positions tracebacks show.
var keyOps = map[string]bool{
	"CALL": true, "CALL_FUNCTION_EX": true, "BINARY_OP": true, "BINARY_SUBSCR": true,
	"STORE_SUBSCR": true, "DELETE_SUBSCR": true, "LOAD_ATTR": true, "LOAD_METHOD": true,
	"STORE_ATTR": true, "DELETE_ATTR": true, "COMPARE_OP": true, "IS_OP": true,
	"CONTAINS_OP": true, "RAISE_VARARGS": true, "RERAISE": true, "RETURN_VALUE": true,
	"LOAD_GLOBAL": true, "LOAD_NAME": true, "LOAD_FAST": true, "LOAD_DEREF": true,
	"IMPORT_NAME": true, "IMPORT_FROM": true, "UNPACK_SEQUENCE": true, "UNPACK_EX": true,
	"GET_ITER": true, "FOR_ITER": true, "YIELD_VALUE": true, "BUILD_STRING": true,
	"FORMAT_VALUE": true, "UNARY_NEGATIVE": true, "UNARY_INVERT": true, "UNARY_NOT": true,
	"BEFORE_WITH": true, "GET_AWAITABLE": true, "MAKE_FUNCTION": true,
}

func compileGolden(t *testing.T, name string, g *goldenFile) *code.Code {
	t.Helper()
	tree := loadModule(jsonNorm(g.AST))
	opts := Options{}
	if strings.HasSuffix(name, ".opt1") {
		opts.Optimize = 1
	} else if strings.HasSuffix(name, ".opt2") {
		opts.Optimize = 2
	}
	var warnings []string
	opts.Warn = func(msg string, line int) error {
		warnings = append(warnings, fmt.Sprintf("%d: %s", line, msg))
		return nil
	}
	co, err := Compile(tree, "<test>", nil, opts)
	require.NoError(t, err, name)
	var want []string
	for _, w := range g.Warnings {
		want = append(want, fmt.Sprintf("%v: %s", w[1], w[0]))
	}
	assert.Equal(t, want, warnings, "warnings")
	return co
}

func loadGolden(t *testing.T, path string) *goldenFile {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var g goldenFile
	require.NoError(t, json.Unmarshal(data, &g))
	return &g
}

func goldenFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	require.NoError(t, err)
	var out []string
	for _, f := range files {
		if filepath.Base(f) != "errors.json" {
			out = append(out, f)
		}
	}
	require.NotEmpty(t, out)
	return out
}

func varKinds(co *code.Code, kind code.LocalKind) []string {
	out := []string{}
	for i, k := range co.Kinds {
		if k&kind != 0 {
			out = append(out, co.LocalsPlus[i])
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, path := range goldenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			g := loadGolden(t, path)
			co := compileGolden(t, name, g)
			require.NoError(t, verifyCode(co), "invariants")
			codes := allCodes(co)
			var gotNames, wantNames []string
			for _, c := range codes {
				gotNames = append(gotNames, fmt.Sprintf("%s@%d", c.Qualname, c.FirstLine))
			}
			for _, c := range g.Codes {
				wantNames = append(wantNames, fmt.Sprintf("%s@%d", c.Qualname, c.FirstLine))
			}
			require.Equal(t, wantNames, gotNames, "code objects")
			for i, want := range g.Codes {
				got := codes[i]
				t.Run(want.Qualname, func(t *testing.T) { compareCode(t, &want, got) })
			}
		})
	}
}

func compareCode(t *testing.T, want *goldenCode, got *code.Code) {
	instrs, table, rename := normalize(got)
	var wantOps, gotOps []string
	for _, in := range want.Instrs {
		wantOps = append(wantOps, fmt.Sprintf("%s %s", in[0], fmtArg(in[1])))
	}
	for _, in := range instrs {
		gotOps = append(gotOps, fmt.Sprintf("%s %s", in.op, fmtArg(in.arg)))
	}
	opsOK := equalLines(t, "instructions", wantOps, gotOps)

	// Positions: every instruction if the sequences agree, else the key ones.
	var wantPos, gotPos []string
	for _, in := range want.Instrs {
		op := in[0].(string)
		if opsOK || keyOps[op] {
			var p []any
			for _, x := range in[2].([]any) {
				p = append(p, x)
			}
			wantPos = append(wantPos, op+" "+fmtPos(p))
		}
	}
	for _, in := range instrs {
		if opsOK || keyOps[in.op] {
			gotPos = append(gotPos, in.op+" "+fmtPos(in.pos))
		}
	}
	equalLines(t, "positions", wantPos, gotPos)
	assert.Equal(t, fmtArg(want.ExcTable), fmtArg(table), "exception table")

	assert.Equal(t, want.Name, got.Name, "name")
	assert.Equal(t, want.ArgCount, got.ArgCount, "argcount")
	assert.Equal(t, want.PosOnlyArgCount, got.PosOnlyArgCount, "posonlyargcount")
	assert.Equal(t, want.KwOnlyArgCount, got.KwOnlyArgCount, "kwonlyargcount")
	assert.Equal(t, fmt.Sprintf("%#x", want.Flags), fmt.Sprintf("%#x", int(got.Flags)), "flags")
	if len(rename) > 0 {
		// The unfused None test needs one more stack slot.
		assert.LessOrEqual(t, got.StackSize-want.StackSize, 1, "stacksize")
		assert.GreaterOrEqual(t, got.StackSize, want.StackSize, "stacksize")
	} else {
		assert.Equal(t, want.StackSize, got.StackSize, "stacksize")
	}
	assert.Equal(t, append([]string{}, want.Varnames...), varKinds(got, code.KindLocal), "varnames")
	assert.Equal(t, append([]string{}, want.Cellvars...), varKinds(got, code.KindCell), "cellvars")
	assert.Equal(t, append([]string{}, want.Freevars...), varKinds(got, code.KindFree), "freevars")
	if want.Docstring != nil {
		assert.Equal(t, *want.Docstring, got.Doc, "docstring")
	} else if strings.HasPrefix(want.Name, "<") || want.Flags&1 != 0 {
		assert.Nil(t, got.Doc, "docstring")
	}
}

type goldenError struct {
	Name  string `json:"name"`
	Src   string `json:"src"`
	AST   any    `json:"ast"`
	Error []any  `json:"error"`
}

func TestGoldenErrors(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "golden", "errors.json"))
	require.NoError(t, err)
	var cases []goldenError
	require.NoError(t, json.Unmarshal(data, &cases))
	for _, tc := range cases {
		for _, fromSource := range []bool{false, true} {
			tc, fromSource := tc, fromSource
			name := tc.Name
			if fromSource {
				name += "/source"
			}
			t.Run(name, func(t *testing.T) { checkGoldenError(t, tc, fromSource) })
		}
	}
}

// checkGoldenError compiles an error case from CPython's tree or, with
// fromSource, from gilpy's parser.
func checkGoldenError(t *testing.T, tc goldenError, fromSource bool) {
	{
		{
			var tree any = loadModule(tc.AST)
			if fromSource {
				var err error
				tree, err = parser.Parse("<test>", []byte(tc.Src), parser.ModeExec)
				require.NoError(t, err)
			}
			opts := Options{}
			if strings.HasPrefix(tc.Name, "werror_") {
				opts.Warn = func(string, int) error { return fmt.Errorf("error") }
			}
			_, err := Compile(tree, "<test>", []byte(tc.Src), opts)
			require.Error(t, err)
			se, ok := err.(*parser.SyntaxError)
			require.True(t, ok, "%T: %v", err, err)
			require.Equal(t, "SyntaxError", se.Type)
			num := func(v any) int {
				if f, ok := v.(float64); ok {
					return int(f)
				}
				return -1 // None
			}
			want := fmt.Sprintf("%s @ %d:%d-%d:%d", tc.Error[0], num(tc.Error[1]), num(tc.Error[2]), num(tc.Error[3]), num(tc.Error[4]))
			got := fmt.Sprintf("%s @ %d:%d-%d:%d", se.Msg, se.Lineno, se.Offset, se.EndLineno, se.EndOffset)
			assert.Equal(t, want, got)
		}
	}
}

// equalLines compares two listings and reports the first difference with
// some context (whole listings are too long to read in a failure).
func equalLines(t *testing.T, what string, want, got []string) bool {
	t.Helper()
	n := len(want)
	if len(got) < n {
		n = len(got)
	}
	first := -1
	for i := 0; i < n; i++ {
		if want[i] != got[i] {
			first = i
			break
		}
	}
	if first < 0 {
		if len(want) == len(got) {
			return true
		}
		first = n
	}
	lo := max(first-4, 0)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s differ at %d (want %d, got %d lines)\n", what, first, len(want), len(got))
	for i := lo; i < first+6; i++ {
		w, g := "", ""
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		mark := " "
		if w != g {
			mark = "!"
		}
		fmt.Fprintf(&sb, "%s %3d  %-45s | %s\n", mark, i, w, g)
	}
	t.Error(sb.String())
	return false
}
