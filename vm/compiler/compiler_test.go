package compiler

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"gilpy/parser"
	"gilpy/parser/ast"
	"gilpy/vm/code"
)

func name(id string, ctx ast.ExprContext) *ast.Name {
	return &ast.Name{Pos: ast.Pos{Line: 1, Col: 0, EndLine: 1, EndCol: len(id)}, Id: id, Ctx: ctx}
}

func chain(n int) ast.Expr {
	var e ast.Expr = name("a", ast.Load)
	for i := 1; i < n; i++ {
		e = &ast.BinOp{Pos: ast.Pos{Line: 1, EndLine: 1, EndCol: 2*i + 1}, Left: e, Op: ast.Add, Right: name("a", ast.Load)}
	}
	return e
}

// CPython allows 3 levels of nesting per remaining Python frame: from a
// call at Python depth 2 (as `python -c` calling compile()), a chain of
// 2994 terms compiles and 2995 do not.
func TestRecursionLimit(t *testing.T) {
	opts := Options{RecursionDepth: 2}
	_, err := Compile(&ast.Expression{Body: chain(2994)}, "<s>", nil, opts)
	require.NoError(t, err)
	_, err = Compile(&ast.Expression{Body: chain(2995)}, "<s>", nil, opts)
	require.Error(t, err)
	re, ok := err.(*RecursionError)
	require.True(t, ok, "%T", err)
	assert.Equal(t, "maximum recursion depth exceeded during compilation", re.Msg)
}

func TestSyntaxErrorTextFromFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	src := "x = 1\nreturn x\n"
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	tree := &ast.Module{Body: []ast.Stmt{
		&ast.Return{Pos: ast.Pos{Line: 2, Col: 0, EndLine: 2, EndCol: 8}, Value: &ast.Name{Pos: ast.Pos{Line: 2, Col: 7, EndLine: 2, EndCol: 8}, Id: "x"}},
	}}
	_, err := Compile(tree, path, []byte(src), Options{})
	se := err.(*parser.SyntaxError)
	assert.Equal(t, "'return' outside function", se.Msg)
	assert.Equal(t, "return x\n", se.Text)
	assert.Equal(t, [4]int{2, 1, 2, 9}, [4]int{se.Lineno, se.Offset, se.EndLineno, se.EndOffset})

	// No such file (compile(src, "<string>", ...)): no text, as CPython.
	_, err = Compile(tree, "<string>", []byte(src), Options{})
	assert.Equal(t, "", err.(*parser.SyntaxError).Text)
}

func TestFutureAnnotationsFlag(t *testing.T) {
	tree := &ast.Module{Body: []ast.Stmt{&ast.Pass{Pos: ast.Pos{Line: 1, EndLine: 1, EndCol: 4}}}}
	co, err := Compile(tree, "<s>", nil, Options{FutureAnnotations: true})
	require.NoError(t, err)
	assert.NotZero(t, co.Flags&FlagFutureAnnotations)
}

func TestUnsupportedTree(t *testing.T) {
	_, err := Compile(nil, "<s>", nil, Options{})
	assert.Error(t, err)
}

// The transcendental cases of ** are left to run time (Go's libm does not
// round as C's does), unlike CPython which folds them.
func TestPowNotFoldedWhenInexact(t *testing.T) {
	for _, c := range []struct {
		a, b  any
		folds bool
	}{
		{int64(2), int64(10), true},
		{2.0, 0.5, true},
		{int64(10), int64(-2), true},
		{2.0, 1.5, false},
		{int64(-8), 0.5, false},
		{complex(1, 1), complex(0.5, 0), false},
		{complex(1, 1), complex(3, 0), true},
	} {
		_, ok := safePower(c.a, c.b)
		assert.Equal(t, c.folds, ok, "%v ** %v", c.a, c.b)
	}
}

func TestFloatRepr(t *testing.T) {
	for f, want := range map[float64]string{
		1: "1.0", 0.1: "0.1", 1e16: "1e+16", 1e15: "1000000000000000.0", 1e-5: "1e-05",
		0.0001: "0.0001", 123.456: "123.456", -2.5e-10: "-2.5e-10", 1.7976931348623157e308: "1.7976931348623157e+308",
	} {
		assert.Equal(t, want, floatRepr(f))
	}
	assert.Equal(t, "(1-2j)", complexRepr(complex(1, -2)))
	assert.Equal(t, "2j", complexRepr(complex(0, 2)))
	assert.Equal(t, `'it\'s "q"'`, strRepr(`it's "q"`))
	assert.Equal(t, `"it's"`, strRepr(`it's`))
	assert.Equal(t, `'\x00é\n'`, strRepr("\x00é\n"))
}

// findCode returns the first nested code object with the given name.
func findCode(co *code.Code, name string) *code.Code {
	for _, c := range allCodes(co) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func TestCapturedParameterIsLocalAndCell(t *testing.T) {
	// def f(a):
	//     def g(): return a
	p := func(l, c, el, ec int) ast.Pos { return ast.Pos{Line: l, Col: c, EndLine: el, EndCol: ec} }
	g := &ast.FunctionDef{Pos: p(2, 4, 2, 24), Name: "g", Args: &ast.Arguments{},
		Body: []ast.Stmt{&ast.Return{Pos: p(2, 12, 2, 20), Value: &ast.Name{Pos: p(2, 19, 2, 20), Id: "a"}}}}
	f := &ast.FunctionDef{Pos: p(1, 0, 2, 24), Name: "f",
		Args: &ast.Arguments{Args: []*ast.Arg{{Pos: p(1, 6, 1, 7), Arg: "a"}}},
		Body: []ast.Stmt{g}}
	co, err := Compile(&ast.Module{Body: []ast.Stmt{f}}, "<s>", nil, Options{})
	require.NoError(t, err)
	fc := findCode(co, "f")
	require.NotNil(t, fc)
	assert.Equal(t, []string{"a", "g"}, fc.LocalsPlus)
	assert.Equal(t, []code.LocalKind{code.KindLocal | code.KindCell, code.KindLocal}, fc.Kinds)
	assert.Equal(t, 0, fc.NumCells)
	assert.Equal(t, code.MAKE_CELL, fc.Instrs[0].Op())
	gc := findCode(co, "g")
	assert.Equal(t, "f.<locals>.g", gc.Qualname)
	assert.Equal(t, []string{"a"}, gc.LocalsPlus)
	assert.Equal(t, 1, gc.NumFrees)
	assert.Equal(t, code.COPY_FREE_VARS, gc.Instrs[0].Op())
	require.NoError(t, verifyCode(co))
}
